"""The count hold: a first plan may not call a tool more often than the classifier is sure it is needed.

The planner often writes a complete plan and then an invented extra step, or a step again. The tool
classifier gives, per tool it knows, the probability that the request needs it at all and that it
needs it twice or more (store/tool_classifier.py, ``repeats``). Where it is sure (``sure``, e.g. 0.9):

- a tool it is sure is needed at most once is not called a second time;
- once every tool the plan may call is done (called, and sure not to be needed again; or not called
  and sure not to be needed), only ``join()`` may follow (never at step 1: that is a decline).

Where it is unsure (a tool it cannot judge among the callable ones, a look-up that may be of two
people), nothing changes. A ``refuse`` hook of nodes/model/decode.py, like ``join_refuser``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Mapping, Sequence

_CALLED = re.compile(r"(?:^|\n)\s*\d+\.\s*([A-Za-z_]\w*)\(")
_REF = re.compile(r"\$(\d+)")
_LINE = re.compile(r"\s*(\d+)\.\s*([A-Za-z_]\w*)?(\()?")


def count_refuser(counts: Mapping[str, Sequence[float]], callable_tools: Sequence[str], sure: float,
                  must: Sequence[str] = (), lookups: Sequence[str] = ()) -> Callable[[str, str], bool] | None:
    """A ``refuse`` hook that holds a first plan to the tool counts the classifier is sure of.

    ``counts``: per tool the classifier knows, (P(called at least once), P(called twice or more)).
    ``callable_tools``: the tools the grammar lets the plan call. ``must``: tools the plan must call
    before it ends (a plan is not done without them). ``lookups``: tools whose result the plan must
    use (``use_lookups``): while one's result feeds no step, the plan is not held to ``join()`` (the
    join hook asks for one more step then). None when the hold can change nothing."""
    if not sure or sure <= 0.5:
        return None
    unsure = 1.0 - sure
    once = {t for t, (_, twice) in counts.items() if twice <= unsure and t in callable_tools}
    judged = bool(callable_tools) and all(t in counts for t in callable_tools)
    if not once and not judged:
        return None
    looked = re.compile(r"(?:^|\n)\s*(\d+)\.\s*(" + "|".join(map(re.escape, lookups)) + r")\(") if lookups else None

    def done(tool: str, n: int) -> bool:
        p_any, p_twice = counts[tool]
        if n == 0:
            return tool not in must and p_any <= unsure
        return n == 1 and p_twice <= unsure  # a third call: the counts say nothing sure

    def unused_lookup(text: str) -> bool:
        return looked is not None and any(
            m.group(1) not in _REF.findall(text[m.end():]) for m in looked.finditer(text))

    def refuse(text: str, piece: str) -> bool:
        current = _LINE.match((text + piece).rsplit("\n", 1)[-1])
        before = _LINE.match(text.rsplit("\n", 1)[-1])
        if not current or not current.group(2) or (before and before.group(3) and "\n" not in piece):
            return False  # no name begun yet, or it was chosen already (its "(" is written)
        written = Counter(_CALLED.findall(text))  # the line being begun has no "(" yet
        allowed = [t for t in callable_tools if not (t in once and written[t] >= 1)]
        if judged and written and all(done(t, written[t]) for t in callable_tools) and not unused_lookup(text):
            allowed = []  # every predicted call is written: only join() may follow (an empty plan is
            # the decline's to make: retrieve's nothing_fits)
        allowed.append("join")
        name = current.group(2)
        if current.group(3):
            return name not in allowed
        return not any(t.startswith(name) for t in allowed)
    return refuse
