"""The tool index: a persistent Chroma store of tool cards and solved examples, queried per request."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
from filelock import FileLock

from tinyagent.store.tool_classifier import ToolClassifier, request_texts
from tinyagent.store.own_tools import OwnToolFit
from tinyagent.store.tool_matches import clause_matches, named_tools
from tinyagent.tools.specs import ToolSpec

log = logging.getLogger(__name__)

#: Bumped whenever the card text or the embedding model changes: an index built otherwise is rebuilt.
INDEX_VERSION = "cards-v1+minilm-l6-v2-numpy"
EXAMPLES_FILE = Path(__file__).with_name("examples.jsonl")
#: Their embeddings (written by `python -m tinyagent.finetune retriever`), so a new index need not embed them.
EXAMPLE_VECTORS_FILE = Path(__file__).with_name("examples.npz")
#: Solved examples considered for the prompt: the nearest this many by similarity.
EXAMPLE_CANDIDATES = 64


def tool_card(spec: ToolSpec) -> str:
    """The text embedded for a tool: its name in words, description and argument names."""
    words = spec.name.replace("_", " ")
    args = ", ".join(f"{p.name} ({p.description})" if p.description else p.name for p in spec.params)
    return f"{words}: {spec.description} Arguments: {args or 'none'}."


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def card_digest(spec: ToolSpec) -> str:
    """Changes whenever what the planner (and the classifier) would see of a tool changes."""
    return _digest(tool_card(spec), spec.signature())


#: Tools the classifier is sure of may push the tools shown up to ``max_tools`` + this many: a
#: request that needs six tools fails for certain with five shown, and costs ~60 prompt tokens a tool.
EXTRA_SURE = 3


def load_examples(path: Path = EXAMPLES_FILE) -> list[dict]:
    """Solved examples shipped with the project: {"query", "plan", "tools"} per line."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def example_key(query: str) -> str:
    return _digest(query)


def save_example_vectors(queries: Sequence[str], vectors: np.ndarray,
                         path: Path = EXAMPLE_VECTORS_FILE) -> None:
    """Store the embeddings of solved examples' requests (float16: a quarter of the size, and
    cosine similarities within 1e-3 of float32)."""
    np.savez_compressed(path, keys=np.array([example_key(q) for q in queries]),
                        vectors=np.asarray(vectors, np.float16), version=np.array(INDEX_VERSION))


def load_example_vectors(path: Path = EXAMPLE_VECTORS_FILE) -> dict[str, np.ndarray]:
    """example_key(query) -> embedding, from a file written for this INDEX_VERSION; else empty."""
    if not path.exists():
        return {}
    with np.load(path) as f:
        if str(f["version"]) != INDEX_VERSION:
            return {}
        return dict(zip(f["keys"].tolist(), f["vectors"].astype(np.float32)))


def tool_set_log_likelihood(tools: Iterable[str], prob: dict[str, float]) -> float:
    """log P(exactly these of the classifier's tools are needed), its tools taken as independent."""
    used = set(tools)
    return sum(math.log(max(p, 1e-4)) if name in used else math.log(max(1.0 - p, 1e-4))
               for name, p in prob.items())


@dataclass
class Retrieved:
    tools: list[str]
    examples: list[dict]
    scores: dict[str, float]                 # similarity: card + solved examples that used the tool
    probabilities: dict[str, float] = field(default_factory=dict)  # the classifier's, known tools
    sure: list[str] = field(default_factory=list)  # shown tools it is sure of, plus those it cannot judge
    similarity: dict[str, float] = field(default_factory=dict)  # card similarity: best of request and clauses
    reading: str = ""  # the request as retrieval read it, typos corrected (store/spelling.py)
    matched: list[str] = field(default_factory=list)  # tools it cannot judge, each clearly one clause's tool
    vector: np.ndarray | None = None  # the embedding of the request as read (``reading``)
    repeats: dict[str, float] = field(default_factory=dict)  # known tools: P(called twice or more | called)
    own_fit: dict[str, float] = field(default_factory=dict)  # tools it cannot judge: P(called), store/own_tools.py


class ToolIndex:
    """Tool cards and solved examples in Chroma collections under ``path``."""

    def __init__(self, path: str | Path, embedder=None, classifier: ToolClassifier | None | bool = True):
        """``classifier``: True loads the shipped one (store/tool_classifier.npz) when present;
        None or False retrieves by similarity alone."""
        from chromadb.api.shared_system_client import SharedSystemClient

        from tinyagent.store.embeddings import get_embedder

        self.path = Path(path)
        self.embedder = embedder or get_embedder()
        self.classifier = ToolClassifier.load() if classifier is True else (classifier or None)
        self.own_tools = OwnToolFit.load() if classifier is True else None
        self._digests: dict[str, str] = {}  # name -> card digest of the tools synced here
        self._lock = threading.Lock()
        #: One line about what opening the index had to repair (a missing or damaged store), or "".
        self.notice = ""
        if not (self.path / "chroma.sqlite3").exists():
            self.notice = f"No tool index in {self.path}; building a new one."
        try:
            self._open()
        except Exception as exc:  # noqa: BLE001 - chromadb raises its own errors and sqlite3's
            # A damaged store (a truncated or garbled chroma.sqlite3): keep it for inspection, rebuild.
            SharedSystemClient.clear_system_cache()  # chromadb caches the broken store's client
            stamp, n = time.strftime("%Y%m%d-%H%M%S"), 1
            aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
            while aside.exists():
                n += 1
                aside = self.path.with_name(f"{self.path.name}.broken-{stamp}-{n}")
            self.path.rename(aside)
            self.notice = (f"The tool index in {self.path} was damaged ({' '.join(str(exc).split())[:120]}); "
                           f"moved it to {aside} and rebuilt it.")
            self._open()
        if self.notice:
            log.warning(self.notice)

    def _open(self) -> None:
        """Open (or create) the Chroma store and its two collections; raises if it is damaged."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        from tinyagent.store.embeddings import MiniLMEmbeddingFunction

        self.path.mkdir(parents=True, exist_ok=True)
        self._file_lock = FileLock(str(self.path / ".sync.lock"))
        self._client = chromadb.PersistentClient(
            path=str(self.path), settings=ChromaSettings(anonymized_telemetry=False))
        ef = MiniLMEmbeddingFunction()
        self._cols = {}
        for name in ("tools", "examples"):
            col = self._client.get_or_create_collection(
                name, embedding_function=ef, metadata={"hnsw:space": "cosine"})
            if (col.metadata or {}).get("version") != INDEX_VERSION:
                # Built by another version of the cards or embeddings: do not trust it.
                self._client.delete_collection(name)
                col = self._client.create_collection(
                    name, embedding_function=ef,
                    metadata={"hnsw:space": "cosine", "version": INDEX_VERSION})
            col.count()  # reads the store: a damaged one fails here, not at the first request
            self._cols[name] = col

    # -- keeping the index in step with the tools --------------------------------------------
    def sync_tools(self, specs: Iterable[ToolSpec]) -> dict[str, int]:
        """Add new tools and re-embed changed ones; returns counts. Unknown ids are left for
        other tool sets sharing this store (retrieval filters to the tools a graph has)."""
        items = {s.name: (tool_card(s), card_digest(s)) for s in specs}
        self._digests.update({name: h for name, (_, h) in items.items()})
        return self._sync("tools", {k: (card, h, {"name": k}) for k, (card, h) in items.items()})

    def sync_examples(self, examples: Sequence[dict],
                      vectors: dict[str, np.ndarray] | None = None) -> dict[str, int]:
        """Make the index's solved examples exactly ``examples``: add new or changed ones and remove
        the ones no longer in the list (a new bank replaces the old one). ``vectors`` (example_key ->
        embedding; by default the shipped store/examples.npz, read only when some example is new or
        changed) saves embedding those it covers; the rest are embedded."""
        items = {}
        for ex in examples:
            key = example_key(ex["query"])
            meta = {"plan": ex["plan"], "tools": ",".join(ex["tools"]), "query": ex["query"],
                    "scope": ",".join(ex.get("scope", []))}
            items[key] = (ex["query"], _digest(ex["query"], ex["plan"], meta["scope"]), meta)
        return self._sync("examples", items, (lambda: vectors) if vectors is not None else load_example_vectors,
                          prune=True)

    def _sync(self, name: str, items: dict[str, tuple[str, str, dict]],
              known_vectors: Callable[[], dict[str, np.ndarray]] = dict, prune: bool = False) -> dict[str, int]:
        """Upsert the items whose hash changed; ``known_vectors()`` (called only then) gives
        embeddings to use instead of embedding some of them; ``prune``: delete the items not given."""
        col = self._cols[name]
        removed = 0
        with self._lock, self._file_lock:
            if prune:
                stale = [i for i in col.get(include=[])["ids"] if i not in items]
                for start in range(0, len(stale), 1000):
                    col.delete(ids=stale[start:start + 1000])
                removed = len(stale)
            have = col.get(ids=list(items), include=["metadatas"]) if items else {"ids": []}
            old = {i: (m or {}).get("hash") for i, m in zip(have["ids"], have.get("metadatas") or [])}
            todo = [k for k, (_, h, _) in items.items() if old.get(k) != h]
            if todo:
                vectors = known_vectors()
                docs = [items[k][0] for k in todo]
                for start in range(0, len(todo), 256):
                    batch = todo[start:start + 256]
                    missing = [k for k in batch if k not in vectors]
                    fresh = dict(zip(missing, self.embedder.embed([items[k][0] for k in missing]))) if missing else {}
                    vecs = [fresh[k] if k in fresh else vectors[k] for k in batch]
                    col.upsert(ids=batch, documents=docs[start:start + 256],
                               embeddings=[v.tolist() for v in vecs],
                               metadatas=[{**items[k][2], "hash": items[k][1]} for k in batch])
        added = sum(1 for k in todo if k not in old)
        return {"added": added, "updated": len(todo) - added, "unchanged": len(items) - len(todo),
                **({"removed": removed} if prune else {})}

    # -- retrieval ---------------------------------------------------------------------------
    def tool_probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The classifier's probability of each tool it can judge (fitted on it, card unchanged),
        for each of ``texts`` read alone (typos corrected); empty dicts without a classifier."""
        if self.classifier is None or not texts:
            return [{} for _ in texts]
        known = self.classifier.known(self._digests)
        probs = self.classifier.probabilities(self.embedder.embed([self.classifier.read(t) for t in texts]))
        return [{n: float(row[i]) for n, i in known.items()} for row in probs]

    def retrieve(self, query: str, available: Sequence[str], max_tools: int = 5,
                 n_examples: int = 1, k_examples: int = 4, match_above: float = 0.0,
                 prefer: Sequence[str] = ()) -> Retrieved:
        """The tools to show the planner for ``query`` and the closest solved examples.

        Similarity: a tool's score is its card's similarity to the query plus the similarity of
        each of the ``k_examples`` nearest solved examples that used it (what worked for similar
        requests). Without the classifier, half the slots go to the best card matches alone (so a
        user's new tool, which no example uses, stays in view) and the rest to the best sums.

        With the classifier (store/tool_classifier.py), the tools it is sure of for the request or
        any of its clauses (and their usual helpers) come first, up to ``max_tools + EXTRA_SURE``;
        the slots left go to the best card matches among the tools it cannot judge (a tool it knows
        but did not pick is one it judged unneeded), then to the best sums.

        The solved examples shown: the nearest by similarity, or with the classifier, of the
        nearest EXAMPLE_CANDIDATES the one whose tool set it finds likeliest.

        ``prefer``: tools the shown example should use where one of the candidates does (sorted first).

        ``matched`` (with ``match_above`` > 0): the shown tools the classifier cannot judge that are
        clearly one clause's tool (``clause_matches``; the request itself when it has one clause).

        ``sure`` (what the first plan may call, with ``focus_tools``) is the sure tools plus the
        shown tools it cannot judge; empty when it judges nothing shown, and then all shown tools
        stay callable."""
        available = list(dict.fromkeys(available))
        if not available:
            return Retrieved([], [], {})
        known = {}
        if self.classifier is not None:
            have = set(available)
            known = {n: i for n, i in self.classifier.known(self._digests).items() if n in have}
        # typos corrected for everything retrieval embeds (the plan still copies the request as typed)
        read = self.classifier.read(query) if self.classifier is not None else query
        vecs = self.embedder.embed(request_texts(read))
        qvec = vecs[0].tolist()
        tools = self._cols["tools"].query(
            query_embeddings=[v.tolist() for v in vecs], n_results=len(available),
            where={"name": {"$in": available}} if len(available) > 1 else {"name": available[0]},
            include=["metadatas", "distances"])
        by_text = [{m["name"]: 1.0 - d for m, d in zip(ms, ds)}
                   for ms, ds in zip(tools["metadatas"], tools["distances"])]
        card = by_text[0]  # the whole request ranks the tools
        similarity = {n: max(c.get(n, -1.0) for c in by_text) for n in card}
        scores = dict(card)
        prob: dict[str, float] = {}
        repeats: dict[str, float] = {}
        per_text = np.zeros((len(vecs), 0))
        if known:
            all_p = self.classifier.probabilities(vecs)
            per_text = all_p[:, list(known.values())]
            p = all_p.max(axis=0)
            prob = {n: float(p[i]) for n, i in known.items()}
            rep = self.classifier.repeats(vecs, read, self.embedder.embed)  # the request, and its asks
            repeats = {n: float(rep[i]) for n, i in known.items()} if rep is not None else {}
        examples: list[dict] = []
        n_ex = self._cols["examples"].count()
        if n_ex:
            res = self._cols["examples"].query(
                query_embeddings=[qvec], n_results=min(n_ex, EXAMPLE_CANDIDATES if prob else 4 * k_examples),
                include=["metadatas", "distances"])
            have = set(available)
            for meta, dist in zip(res["metadatas"][0], res["distances"][0]):
                used = [t for t in meta["tools"].split(",") if t]
                if not set(used) <= have:
                    continue  # an example needing tools this graph lacks teaches the wrong thing
                scope = {t for t in (meta.get("scope") or "").split(",") if t}
                if scope and not have <= scope:
                    continue  # declined where only these tools were at hand: another graph's tools may serve it
                sim = 1.0 - dist
                if len(examples) < k_examples:
                    for t in used:
                        scores[t] = scores.get(t, 0.0) + sim
                examples.append({"query": meta["query"], "plan": meta["plan"], "tools": used,
                                 "score": sim})
                if len(examples) >= k_examples and not prob:
                    break
            if prob:
                # Show the example whose tool set the classifier finds likeliest for this request
                # (plus half its similarity): the adapter was trained with an example that shares
                # the request's tools, and copies its shape (helpers, $K wiring, number of steps).
                examples.sort(key=lambda e: -(tool_set_log_likelihood(e["tools"], prob) + 0.5 * e["score"]))
            if prefer:  # an example that uses every ``prefer`` tool first (a file found, then sent)
                examples.sort(key=lambda e: not set(prefer) <= set(e["tools"]))
        own = [n for n in card if n not in known]
        own_sims = np.array([[c.get(n, -1.0) for n in own] for c in by_text])
        own_fit = dict(zip(own, self.own_tools.probabilities(own_sims).tolist())) \
            if own and self.own_tools is not None else {}
        rows = slice(1, None) if len(by_text) > 1 else slice(0, 1)  # the clauses, or the one request
        matched = clause_matches(
            np.array([[c.get(n, -1.0) for n in own] for c in by_text[rows]]), own,
            per_text[rows].max(axis=1) if per_text.shape[1] else np.zeros(len(by_text[rows])), match_above)
        by_card = sorted(card, key=lambda t: -card[t])
        by_sum = sorted(scores, key=lambda t: -scores[t])
        named = named_tools(read, available)
        if not known:
            ranked = by_card[:(max_tools + 1) // 2]
            ranked += [t for t in by_sum if t not in ranked][:max_tools - len(ranked)]
            ranked += [t for t in named if t not in ranked]
            return Retrieved(sorted(ranked), examples[:n_examples], scores, similarity=similarity, reading=read,
                             matched=[t for t in matched if t in ranked], vector=vecs[0], own_fit=own_fit)
        sure = self.classifier.sure(p, list(known.values()))
        ranked = sorted((n for n, i in known.items() if sure[i]), key=lambda n: -prob[n])
        ranked = ranked[:max_tools + EXTRA_SURE]
        sure_tools = list(ranked)
        room = max_tools - len(ranked)
        if room > 0:
            ranked += [t for t in by_card if t not in prob][:room]
            ranked += [t for t in by_sum if t not in ranked][:max_tools - len(ranked)]
        # a tool the request names in words is shown and callable (one more, beyond max_tools)
        ranked += [t for t in named if t not in ranked]
        if sure_tools:  # (none sure: every shown tool stays callable)
            sure_tools += [t for t in named if t not in sure_tools]
        # a shown tool the classifier cannot judge (not fitted on it) stays callable; a known tool
        # it did not pick does not, even when it picked none (the request is for the new tools)
        sure_tools += [t for t in ranked if t not in prob]
        return Retrieved(sorted(ranked), examples[:n_examples], scores, prob, sorted(sure_tools), similarity, read,
                         [t for t in matched if t in ranked], vecs[0], repeats, own_fit)
