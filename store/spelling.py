"""Typo correction for retrieval: unknown words become the nearest word the training requests use.

The tool classifier and the similarity search embed the request with MiniLM, whose word pieces
make "remnd" and "emial" far from "remind" and "email": a typed-fast request then looks like none
of the tools and can even be declined. Before retrieval embeds a request, each word (a run of
letters) that is lower case, four letters or more, and neither a real word nor a word of the
requests is replaced by the word of the requests within one edit (two for words of seven letters
or more; a swap of two neighbours counts as one), the most frequent among the nearest.
Capitalised words (names, places) are left as typed. The plan still copies the request as the
person wrote it: this reading is for retrieval only.

The correction targets are the words the classifier's training requests use (at least MIN_COUNT
times, and real words themselves); the real words are English words from a public frequency list
and the embedder's own whole words (finetune/retriever.py). Both are stored with the classifier
(store/tool_classifier.npz): the targets, and only the real words a target is within reach of.
Candidates come from a table of each target with up to two letters deleted (the symmetric-delete
method), so a look-up costs a few dozen dictionary probes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Iterable

WORD = re.compile(r"[A-Za-z]+")
MIN_LEN = 4          # shorter words ("u", "abt", "pls") are short forms the data already holds
TWO_EDITS_FROM = 7   # words this long may be two edits away from the word meant
MIN_COUNT = 3        # a word seen fewer times in the requests is not trusted as a correction


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def count_words(texts: Iterable[str]) -> Counter:
    """Word counts of some requests (what ``Speller`` is built from)."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(words_of(text))
    return counts


def _deletes(word: str, depth: int) -> set[str]:
    out, frontier = set(), {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def edit_distance(a: str, b: str, swaps: bool = True) -> int:
    """Levenshtein distance where swapping two neighbouring letters is one edit (two without ``swaps``)."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if swaps and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """``counts``: the words corrections may go to (from the requests); ``known``: more words that
    are left as typed (the embedder's whole-word vocabulary: "print" is not a typo of "sprint")."""

    def __init__(self, counts: dict[str, int], known: Iterable[str] = (), min_count: int = MIN_COUNT):
        self.known = set(known)
        # a correction goes to a word the requests use often that is also a real word (when the
        # embedder's words are given): the generator's own typos ("remnder") are not targets
        self.counts = {w: int(c) for w, c in counts.items()
                       if c >= min_count and (not self.known or w in self.known)}
        self._index: dict[str, list[str]] = {}
        for word in self.counts:
            for key in itertools.chain((word,), _deletes(word, 2 if len(word) >= TWO_EDITS_FROM - 1 else 1)):
                self._index.setdefault(key, []).append(word)

    def correct_word(self, word: str) -> str | None:
        """The vocabulary word ``word`` (lower case) was likely meant as, or None."""
        if word in self.counts or word in self.known or len(word) < MIN_LEN:
            return None
        limit = 2 if len(word) >= TWO_EDITS_FROM else 1
        found = {c for key in itertools.chain((word,), _deletes(word, limit)) for c in self._index.get(key, ())}
        scored = [(d, -self.counts[c], c) for c in found if (d := edit_distance(word, c)) <= limit]
        return min(scored)[2] if scored else None

    def correct(self, text: str) -> str:
        """``text`` with its likely typos replaced (see the module docstring for which words)."""
        def fix(m: re.Match) -> str:
            word = m.group(0)
            if not word.islower():
                return word
            return self.correct_word(word) or word
        return WORD.sub(fix, text)
