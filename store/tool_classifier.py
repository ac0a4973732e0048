"""Which tools does a request need? A multi-label classifier over the request's MiniLM embedding.

Embedding similarity alone misses tools in requests that ask for several things at once ("email
Dana, text Leo and pull up the lease"): one vector cannot sit near five tool cards. TinyAgent
(Erdogan et al., 2024) trained a small classifier for this; here it is one logistic regression per
tool on the 384-d embedding, fitted on the generated training requests
(``python -m tinyagent.finetune retriever``) and shipped as ``store/tool_classifier.npz`` (about 30 KB).

A long request is also cut into clauses ("..., and also ...", "then", ";") and a tool's
probability is the highest over the whole request and its clauses, so every part gets its tools.
A helper that the training requests nearly always use beside a tool the classifier is sure of
(get_phone_number beside send_sms: 92%) needs only COMPANION_MIN to be shown too.

Typed-fast requests are read with their typos corrected first (store/spelling.py, ``read``), with
the words the classifier was fitted on and stored beside it.

Beside each tool's probability it holds how likely the tool is called twice or more when it is
called at all (``repeats``: one more logistic regression per tool, fitted on the gold plans'
counts, ``fit_repeats``), so the first plan can be held to the tools' counts where that is sure.

The classifier speaks only for the tools it was fitted on, and only while their card is unchanged
(a digest of card and signature is stored per tool); any other tool is left to card similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Sequence

import numpy as np

from tinyagent.store.spelling import Speller

CLASSIFIER_FILE = Path(__file__).with_name("tool_classifier.npz")
THRESHOLD = 0.5      # a tool at or above this probability is shown
COMPANION_SHARE = 0.5  # b is a companion of a when at least this share of a's requests also need b
COMPANION_MIN = 0.2    # a companion of a shown tool is shown from this probability on
REPEAT_UNSURE = 0.5  # a tool two clauses ask for is called twice or more with at least this
INPUT_SCALE = 10.0   # unit-norm embeddings have small components; scaling them speeds up the fit

_CLAUSE_BREAK = re.compile(
    r"(?:[.;!?](?:\s+|$)"                                         # sentence ends
    r"|,\s*(?:and\s+)?(?:also\s+|then\s+|finally\s+)?"            # ", and also", ", then"
    r"|\s+and\s+(?:then\s+|also\s+|finally\s+)?"                  # " and ", " and then "
    r"|\s+then\s+|\s+also\s+)", re.IGNORECASE)


def clauses(query: str) -> list[str]:
    """The parts of a request that may each want their own tool (two words or more each)."""
    return [p.strip() for p in _CLAUSE_BREAK.split(query) if p and len(p.split()) >= 2]


_LIST_MARK = re.compile(r"(?:^|\s)(?:\d{1,2}[.)-]|[-•*])\s+|\n+")


def asks(query: str) -> list[str]:
    """The request's asks: its clauses, also cut at list marks ("1) ...  2) ...", "- ...")."""
    return [c for piece in _LIST_MARK.split(query) for c in clauses(piece)]


def request_texts(query: str) -> list[str]:
    """What to embed for one request: the request, then its clauses when it has more than one."""
    parts = clauses(query)
    return [query, *(parts if len(parts) > 1 else [])]


@dataclass
class ToolClassifier:
    names: list[str]          # tool names, one column each
    digests: list[str]        # card digest per tool when fitted (store.tool_index.card_digest)
    weights: np.ndarray       # (dim, tools)
    bias: np.ndarray          # (tools,)
    together: np.ndarray      # (tools, tools): share of the requests needing a that also need b
    # the typo reader's words (store/spelling.py): correction targets with their counts, and
    # other real words left as typed; empty for a classifier fitted without them
    spell_counts: dict[str, int] = field(default_factory=dict)
    known_words: list[str] = field(default_factory=list)
    # P(called twice or more | called) per tool, over the whole request's embedding; None: not fitted
    repeat_weights: np.ndarray | None = None  # (dim, tools)
    repeat_bias: np.ndarray | None = None     # (tools,)

    @cached_property
    def speller(self) -> Speller | None:
        if not self.spell_counts:
            return None
        return Speller(self.spell_counts, [*self.known_words, *self.spell_counts])

    def read(self, query: str) -> str:
        """The request as retrieval should read it: typos corrected when the classifier has words."""
        return self.speller.correct(query) if self.speller else query

    def sure(self, probs: np.ndarray, columns: Sequence[int] | None = None) -> np.ndarray:
        """Which tools to show for one request's (tools,) probabilities: those at THRESHOLD, and
        the companions of those from COMPANION_MIN. ``columns`` limits both to some tools."""
        probs = np.asarray(probs)
        allowed = np.zeros(len(self.names), bool)
        allowed[list(range(len(self.names))) if columns is None else list(columns)] = True
        sure = (probs >= THRESHOLD) & allowed
        if sure.any():
            companion = (self.together[sure] >= COMPANION_SHARE).any(axis=0)
            sure |= companion & (probs >= COMPANION_MIN) & allowed
        return sure

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, tools) probabilities for n unit-norm embeddings."""
        z = (np.asarray(vectors, np.float32) * INPUT_SCALE) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def repeats(self, vectors: np.ndarray, query: str = "", embed=None) -> np.ndarray | None:
        """(tools,) probabilities that a tool one request calls is called twice or more, from the
        embeddings of its texts (``request_texts``: the request, then its clauses). Two asks or
        more that each want a tool (``THRESHOLD``) make it at least REPEAT_UNSURE ("1) the square
        root of 2025 2) 72 F in C": two calculations, which the gold plans seldom show); with
        ``query`` and ``embed`` the asks are also cut at list marks ("1)", "- "). None for a
        classifier fitted without counts."""
        if self.repeat_weights is None or self.repeat_bias is None:
            return None
        x = np.asarray(vectors, np.float32) * INPUT_SCALE
        p = 1.0 / (1.0 + np.exp(-(x[0] @ self.repeat_weights + self.repeat_bias)))
        parts = asks(query) if query and embed is not None else []
        if len(parts) > 1 and parts != clauses(query):
            vectors = np.concatenate([vectors[:1], embed(parts)])
        asked = (self.probabilities(vectors[1:]) >= THRESHOLD).sum(axis=0) if len(vectors) > 1 else 0
        return np.where(asked >= 2, np.maximum(p, REPEAT_UNSURE), p)

    def fit_repeats(self, vectors: np.ndarray, counts: Sequence[dict[str, int]], l2: float = 1e-2,
                    steps: int = 1500, lr: float = 0.5) -> None:
        """Fit ``repeats`` on requests (``vectors``) and how many times their gold plans call each
        tool (``counts``): per tool, a logistic regression of "twice or more" on the requests that
        call it. A tool no request calls gets 0.5 (unsure)."""
        x = np.asarray(vectors, np.float32) * INPUT_SCALE
        if len(x) != len(counts):
            raise ValueError(f"{len(x)} vectors for {len(counts)} count rows: need the same count")
        w = np.zeros((x.shape[1], len(self.names)), np.float32)
        b = np.zeros(len(self.names), np.float32)
        for j, name in enumerate(self.names):
            rows = [i for i, c in enumerate(counts) if c.get(name, 0) >= 1]
            if not rows:
                continue
            xs = x[rows]
            y = np.array([counts[i][name] >= 2 for i in rows], np.float32)
            wj, bj = np.zeros(x.shape[1], np.float32), np.float32(0.0)
            for _ in range(steps):
                g = 1.0 / (1.0 + np.exp(-(xs @ wj + bj))) - y
                wj -= lr * (xs.T @ g / len(xs) + l2 * wj)
                bj -= lr * g.mean()
            w[:, j], b[j] = wj, bj
        self.repeat_weights, self.repeat_bias = w, b

    def known(self, digests: dict[str, str]) -> dict[str, int]:
        """Columns of the tools in ``digests`` (name -> current card digest) whose card is unchanged."""
        return {n: i for i, (n, d) in enumerate(zip(self.names, self.digests)) if digests.get(n) == d}

    # -- fitting and files -------------------------------------------------------------------
    @classmethod
    def fit(cls, vectors: np.ndarray, labels: Sequence[Sequence[str]], digests: dict[str, str],
            l2: float = 1e-3, steps: int = 1500, lr: float = 0.5,
            spell_counts: dict[str, int] | None = None, known_words: Sequence[str] = ()) -> "ToolClassifier":
        """Full-batch gradient descent on the mean logistic loss + ``l2``; one column per tool in
        ``digests``. Requests may name other tools too (synthetic ones): they are negatives here."""
        names = sorted(digests)
        if not names:
            raise ValueError("no tools to fit a classifier for")
        x = np.asarray(vectors, np.float32) * INPUT_SCALE
        y = np.array([[n in set(row) for n in names] for row in labels], dtype=np.float32)
        if len(x) != len(y) or not len(x):
            raise ValueError(f"{len(x)} vectors for {len(y)} label rows: need the same, non-zero count")
        w = np.zeros((x.shape[1], len(names)), np.float32)
        b = np.zeros(len(names), np.float32)
        for _ in range(steps):
            g = 1.0 / (1.0 + np.exp(-(x @ w + b))) - y
            w -= lr * (x.T @ g / len(x) + l2 * w)
            b -= lr * g.mean(axis=0)
        together = (y.T @ y) / np.maximum(y.sum(axis=0)[:, None], 1.0)
        return cls(names, [digests[n] for n in names], w, b, together.astype(np.float32),
                   dict(spell_counts or {}), sorted(known_words))

    def save(self, path: str | Path) -> None:
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp.npz")
        words = sorted(self.spell_counts)
        np.savez_compressed(tmp, names=np.array(self.names), digests=np.array(self.digests),
                            weights=self.weights, bias=self.bias, together=self.together,
                            spell_words=np.array("\n".join(words)),
                            spell_counts=np.array([self.spell_counts[w] for w in words], np.int64),
                            known_words=np.array("\n".join(self.known_words)),
                            **({"repeat_weights": self.repeat_weights, "repeat_bias": self.repeat_bias}
                               if self.repeat_weights is not None else {}))
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path = CLASSIFIER_FILE) -> "ToolClassifier | None":
        """The classifier in ``path``, or None when there is no such file."""
        path = Path(path)
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as f:
            words = str(f["spell_words"]).split("\n") if "spell_words" in f.files else []
            counts = dict(zip(words, (int(c) for c in f["spell_counts"]))) if words and words[0] else {}
            known = str(f["known_words"]).split("\n") if "known_words" in f.files else []
            repeats = ((f["repeat_weights"].astype(np.float32), f["repeat_bias"].astype(np.float32))
                       if "repeat_weights" in f.files else (None, None))
            return cls([str(n) for n in f["names"]], [str(d) for d in f["digests"]],
                       f["weights"].astype(np.float32), f["bias"].astype(np.float32),
                       f["together"].astype(np.float32), counts, [w for w in known if w], *repeats)
