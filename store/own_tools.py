"""Which of your own tools a request needs: a logistic fit on card similarities, learned on the corpus's other domains."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

#: The fit shipped with the project (written by `python -m tinyagent.finetune domains`).
OWN_TOOLS_FILE = Path(__file__).with_name("own_tools.json")

#: What the fit reads of each tool, all from the similarity of its card to the request and its clauses,
#: and relative to the other tools of the same graph, so that it carries to tool sets it has not seen.
FEATURES = ("request", "clause", "request_gap", "clause_gap", "request_top", "clause_top", "rank",
            "clauses_topped")

#: A finder's name: the tool an id comes from ("pm_find_project" gives the project_id of "pm_list_tasks").
FINDER = re.compile(r"(?:^|_)(?:find|search|lookup|look_up|get|list|resolve)(?:_|$)")


def features(sims: np.ndarray) -> np.ndarray:
    """(tools, len(FEATURES)) from ``sims`` (texts, tools): row 0 the card similarity of each tool to the
    whole request, the rows after it to each of its clauses (none for a request of one clause)."""
    sims = np.atleast_2d(np.asarray(sims, dtype=np.float64))
    n = sims.shape[1]
    whole = sims[0]
    parts = sims[1:] if len(sims) > 1 else sims[:1]
    clause = parts.max(axis=0)
    rank = np.argsort(np.argsort(-whole, kind="stable"), kind="stable") / max(n, 1)
    topped = (parts.argmax(axis=1)[:, None] == np.arange(n)).sum(axis=0)
    return np.stack([whole, clause, whole - whole.max(), clause - clause.max(), (whole >= whole.max()) * 1.0,
                     (clause >= clause.max()) * 1.0, rank, topped], axis=1)


@dataclass
class OwnToolFit:
    """P(a plan calls the tool | the request), for tools the classifier was not fitted on."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    rows: int = 0
    tool_sets: int = 0

    def probabilities(self, sims: np.ndarray) -> np.ndarray:
        z = ((features(sims) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def fit(cls, samples: Iterable[tuple[np.ndarray, Sequence[bool]]], l2: float = 1.0,
            steps: int = 50) -> "OwnToolFit":
        """Fitted by Newton's method on (similarities, which tools the gold plan calls) per request."""
        xs, ys, rows = [], [], 0
        for sims, used in samples:
            xs.append(features(sims))
            ys.append(np.asarray(used, dtype=np.float64))
            rows += 1
        x, y = np.vstack(xs), np.concatenate(ys)
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        a = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
        w = np.zeros(a.shape[1])
        reg = np.full(a.shape[1], l2)
        reg[-1] = 0.0  # the intercept is not shrunk
        for _ in range(steps):
            p = 1.0 / (1.0 + np.exp(-(a @ w)))
            grad = a.T @ (p - y) + reg * w
            hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(reg)
            step = np.linalg.solve(hess, grad)
            w -= step
            if np.abs(step).max() < 1e-8:
                break
        return cls(mean, scale, w[:-1], float(w[-1]), rows)

    def save(self, path: str | Path = OWN_TOOLS_FILE) -> None:
        Path(path).write_text(json.dumps({
            "features": list(FEATURES), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
            "coef": self.coef.tolist(), "intercept": self.intercept, "rows": self.rows,
            "tool_sets": self.tool_sets}, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path = OWN_TOOLS_FILE) -> "OwnToolFit | None":
        """The fit, or None when there is none or it was written for other features."""
        try:
            d = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if d.get("features") != list(FEATURES):
            return None
        return cls(np.array(d["mean"]), np.array(d["scale"]), np.array(d["coef"]), float(d["intercept"]),
                   int(d.get("rows", 0)), int(d.get("tool_sets", 0)))


def id_kind(param: str) -> str:
    """What kind of thing an id parameter names: "client" for ``client_id``, "project" for ``pm_project_id``."""
    return param[:-3].split("_")[-1]


def id_finders(params: dict[str, Sequence[str]], kept: Iterable[str]) -> list[str]:
    """The finders the kept tools' ids come from: for a kept tool with a parameter ``X_id``, each other
    tool whose name says it finds, searches, gets or lists and names X ("invoice_find_client" for
    ``client_id``). ``params``: every tool's parameter names."""
    out: list[str] = []
    for name in kept:
        for p in params.get(name, ()):
            if not p.endswith("_id") or len(p) <= 3:
                continue
            stem = id_kind(p)
            out += [n for n in params if n != name and n not in out and FINDER.search(n)
                    and {stem, stem + "s"} & set(n.split("_"))]
    return out
