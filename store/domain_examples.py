"""Solved plans over other domains' tools, chosen for a graph's own tools and mapped onto their names."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from tinyagent.store.tool_index import INDEX_VERSION, tool_card
from tinyagent.tools.specs import Param, ToolSpec

#: The bank (written by `python -m tinyagent.finetune domains` from the teacher corpus's other-domain
#: rows): one solved request a line, {"query", "plan", "toolset", "steps": [{"tool", "args"}], "tools":
#: {name: {"description", "parameters"}}} (the JSON schemas of the tools its plan calls).
DOMAIN_EXAMPLES_FILE = Path(__file__).with_name("domain_examples.jsonl")
#: The embeddings of its requests, tool cards and parameter texts (keyed by text_key), float16.
DOMAIN_VECTORS_FILE = Path(__file__).with_name("domain_examples.npz")

#: Examples whose arguments are tried, the best this many by their score.
CANDIDATES = 48
#: An example tool maps onto a graph tool only when their cards are at least this similar ...
TOOL_MIN = 0.3
#: ... and a parameter of it onto one of the graph tool's (other than one of the same name) at this.
PARAM_MIN = 0.35
#: Weights of the score: request similarity + TOOL_WEIGHT * the mapped cards' similarity + FIT_WEIGHT
#: * the similarity of the request to the graph tools the example would use.
TOOL_WEIGHT = 0.5
FIT_WEIGHT = 1.0
#: Less this much per joint more or fewer than the request has (``joints``: ",", "and", "+", ...): a
#: request of two asks is shown a plan of two.
SHAPE_WEIGHT = 0.2
#: Only examples that use (mapped) the shown tool closest to the request.
REQUIRE_BEST = True


_JOINT = re.compile(r"[,;&+]|\b(?:and|n|then|also|both|plus|or)\b", re.IGNORECASE)


def joints(text: str) -> int:
    """How many places a request joins asks or items at ("a, b and c": 2), at most 3."""
    return min(3, len(_JOINT.findall(text)))


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def param_text(p: Param) -> str:
    """What is embedded for a parameter: its name in words and its description."""
    return f"{p.name.replace('_', ' ')}: {p.description}" if p.description else p.name.replace("_", " ")


def example_texts(row: dict) -> list[str]:
    """Every text of one bank row that is embedded: its request, its tools' cards and parameters."""
    out = [row["query"]]
    for spec in row_specs(row).values():
        out += [tool_card(spec)] + [param_text(p) for p in spec.params]
    return out


def row_specs(row: dict) -> dict[str, ToolSpec]:
    return {name: ToolSpec.from_json_schema(name, t.get("description", ""),
                                            t.get("parameters") or {"type": "object", "properties": {}})
            for name, t in row["tools"].items()}


def save_vectors(texts: Sequence[str], vectors: np.ndarray, path: Path = DOMAIN_VECTORS_FILE) -> None:
    np.savez_compressed(path, keys=np.array([text_key(t) for t in texts]),
                        vectors=np.asarray(vectors, np.float16), version=np.array(INDEX_VERSION))


def _compatible(a: Param, b: Param) -> bool:
    """Whether a value written for parameter ``a`` can stand for parameter ``b``."""
    if "any" in (a.type, b.type):
        return True
    if {a.type, b.type} <= {"integer", "number"}:
        return a.type == "integer" or b.type == "number"
    return a.type == b.type


@dataclass
class Mapping:
    """A bank example and how its tools and their arguments map onto a graph's tools."""

    query: str
    plan: str
    tools: dict[str, str]               # example tool -> graph tool
    params: dict[str, dict[str, str]]   # example tool -> {example argument -> graph argument}
    score: float


class DomainBank:
    """The bank and its vectors in memory, with the graph tools' vectors embedded on first use."""

    def __init__(self, rows: list[dict], vectors: dict[str, np.ndarray]):
        self.rows = [r for r in rows if text_key(r["query"]) in vectors]
        self.specs = [row_specs(r) for r in self.rows]
        self.vectors = dict(vectors)
        self._lock = threading.Lock()
        self.queries = (np.stack([self.vectors[text_key(r["query"])] for r in self.rows])
                        if self.rows else np.zeros((0, 1), np.float32))
        self.joints = [joints(r["query"]) for r in self.rows]
        #: per row, its tools' card vectors (one row each, in the order of its specs)
        self.cards = [np.stack([self.vectors[text_key(tool_card(s))] for s in specs.values()])
                      for specs in self.specs]

    @classmethod
    def load(cls, path: Path = DOMAIN_EXAMPLES_FILE, vectors: Path | None = None) -> "DomainBank":
        vectors = vectors or path.with_suffix(".npz")
        if not path.exists() or not vectors.exists():
            return cls([], {})
        with path.open(encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        with np.load(vectors) as f:
            if str(f["version"]) != INDEX_VERSION:
                return cls([], {})
            vecs = dict(zip(f["keys"].tolist(), f["vectors"].astype(np.float32)))
        return cls(rows, vecs)

    def _vecs(self, texts: Sequence[str], embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """The vectors of ``texts``: the bank's, or embedded once (a graph's own tools) and kept."""
        keys = [text_key(t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self.vectors))
            if missing:
                self.vectors.update(zip(map(text_key, missing), embed(missing)))
            return np.stack([self.vectors[k] for k in keys])

    def mappings(self, query: str, query_vec: np.ndarray, specs: dict[str, ToolSpec], shown: Sequence[str],
                 embed: Callable[[list[str]], np.ndarray], fit: dict[str, float] | None = None,
                 k: int = CANDIDATES) -> Iterator[Mapping]:
        """The bank examples whose every tool maps onto a distinct one of ``shown`` (the graph tools the
        planner sees), one of them the closest to the request, and every argument onto that tool's
        parameters, required ones covered; best first, at most ``k`` tried for their arguments.
        ``fit``: how close each shown tool is to the request (default: its card's similarity)."""
        shown = [n for n in shown if n in specs]
        if not self.rows or not shown:
            return
        texts = [tool_card(specs[n]) for n in shown]
        cards = self._vecs(texts + [param_text(p) for n in shown for p in specs[n].params], embed)[:len(texts)]
        fit = np.array([fit[n] for n in shown]) if fit else cards @ query_vec
        best = int(np.argmax(fit))
        asks = joints(query)
        near = self.queries @ query_vec
        ranked = []
        for i, sims in enumerate(self.cards):
            sims = sims @ cards.T
            if sims.max(axis=1).min() < TOOL_MIN:
                continue
            tools = _assign(sims, TOOL_MIN)
            if tools is None or (REQUIRE_BEST and best not in tools.values()):
                continue
            score = (float(near[i]) + TOOL_WEIGHT * float(np.mean([sims[a, b] for a, b in tools.items()]))
                     + FIT_WEIGHT * float(np.min([fit[b] for b in tools.values()]))
                     - SHAPE_WEIGHT * abs(self.joints[i] - asks))
            ranked.append((score, i, tools))
        ranked.sort(key=lambda x: -x[0])
        for score, i, tools in ranked[:k]:
            row, ex_specs = self.rows[i], self.specs[i]
            names = list(ex_specs)
            params = {}
            for a, b in tools.items():
                used = sorted({x for s in row["steps"] if s["tool"] == names[a] for x in s["args"]})
                pm = self._params(ex_specs[names[a]], specs[shown[b]], used, embed)
                if pm is None:
                    break
                params[names[a]] = pm
            else:
                yield Mapping(row["query"], row["plan"], {names[a]: shown[b] for a, b in tools.items()}, params, score)

    def _params(self, ex: ToolSpec, own: ToolSpec, used: Sequence[str],
                embed: Callable[[list[str]], np.ndarray]) -> dict[str, str] | None:
        """Example argument -> graph parameter: the same name, else the closest description of a
        compatible type; None when an argument maps nowhere or a required parameter is left out."""
        out: dict[str, str] = {}
        rest = [x for x in used if ex.param(x) is not None]
        if len(rest) < len(used):
            return None
        for x in list(rest):
            p = own.param(x)
            if p is not None and _compatible(ex.param(x), p):
                out[x] = x
                rest.remove(x)
        free = [p for p in own.params if p.name not in out.values()]
        if rest and free:
            sims = (self._vecs([param_text(ex.param(x)) for x in rest], embed)
                    @ self._vecs([param_text(p) for p in free], embed).T)
            for a, b in _by_similarity(sims):
                x, p = rest[a], free[b]
                if x in out or p.name in out.values() or sims[a, b] < PARAM_MIN:
                    continue
                if _compatible(ex.param(x), p):
                    out[x] = p.name
        if len(out) < len(used) or any(p.required and p.name not in out.values() for p in own.params):
            return None
        return out


def _by_similarity(sims: np.ndarray) -> list[tuple[int, int]]:
    """The (row, column) pairs of a similarity matrix, the most similar first."""
    flat = np.argsort(-sims, axis=None, kind="stable")
    return [tuple(int(x) for x in np.unravel_index(f, sims.shape)) for f in flat]


def _assign(sims: np.ndarray, floor: float) -> dict[int, int] | None:
    """Each row (example tool) to a distinct column (graph tool), greedily by similarity, all at
    least ``floor``; None when some row gets none."""
    out: dict[int, int] = {}
    for a, b in _by_similarity(sims):
        if a not in out and b not in out.values() and sims[a, b] >= floor:
            out[a] = b
    return out if len(out) == sims.shape[0] else None


@functools.lru_cache(maxsize=4)
def domain_bank(path: str = str(DOMAIN_EXAMPLES_FILE)) -> DomainBank:
    """The bank at ``path`` (and its .npz beside it), loaded once."""
    return DomainBank.load(Path(path))
