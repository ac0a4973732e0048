"""Which shown tools a request points at by itself: a clause whose tool is clear, a tool whose name it spells out."""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from tinyagent.store.tool_classifier import clauses


#: A shown tool the classifier cannot judge is a clause's own (``Retrieved.matched``) when its card is
#: at least this much more similar to the clause than every other such tool's card is ...
MATCH_MARGIN = 0.1
#: ... and the classifier gives every tool it knows less than this for the clause.
MATCH_KNOWN_BELOW = 0.5


def clause_matches(sims: np.ndarray, names: Sequence[str], known_p: np.ndarray, above: float) -> list[str]:
    """The tools that are clearly some clause's: per clause (row of ``sims``: card similarity of each
    of ``names``, tools the classifier cannot judge), the best when it reaches ``above``, leads the
    next by MATCH_MARGIN, and no tool the classifier knows is likely for the clause (``known_p``:
    its highest probability per clause). Tuned offline on the generator's synthetic tools (train
    and val splits): at 0.4, 93% of the matches on train requests and all on val ones are tools
    the gold plan calls."""
    out: list[str] = []
    if not len(names) or above <= 0:
        return out
    for row, p in zip(sims, known_p):
        order = np.argsort(-row)
        best = row[order[0]]
        second = row[order[1]] if len(order) > 1 else -1.0
        if best >= above and best - second >= MATCH_MARGIN and p < MATCH_KNOWN_BELOW:
            name = names[order[0]]
            if name not in out:
                out.append(name)
    return out


def _stem(word: str) -> str:
    """A word without its plural ending ("notes" -> "note", "boxes" -> "box", "cities" -> "city").
    Not tools.quantities.singular: that one reads a three-letter word such as "sms" as a plural,
    and "send an SMS" would no longer name send_sms."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def named_tools(query: str, available: Sequence[str]) -> list[str]:
    """Tools whose name the request spells out in words, in one clause or across it ("open the
    Seoul trip note" names ``open_note``; "create a note called Standup" names ``create_note``):
    shown whatever the similarity and the classifier say, which in a request of several asks can
    miss one. Names of one word, or with a word of two letters or fewer, are never matched."""
    out = []
    parts = [query, *clauses(query)]
    bags = [{_stem(w) for w in re.findall(r"[A-Za-z]+", p)} for p in parts]
    for name in available:
        words = [_stem(w) for w in re.split(r"[^A-Za-z]+", name) if w]
        if len(words) >= 2 and all(len(w) > 2 for w in words) and any(set(words) <= bag for bag in bags):
            out.append(name)
    return out
