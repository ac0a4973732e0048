"""Which parts of a long request to plan again alone: a part no step serves, a step that fits none of them."""

from __future__ import annotations

from typing import Any

from tinyagent.nodes.plans.planlang import Task
from tinyagent.nodes.request.segments import home, refers_back, segments, uncovered
from tinyagent.nodes.rules.checks import file_lookups, person_lookups


def by_parts(settings: Any, state: dict, keep_back: bool = True) -> list[str]:
    """The parts of the request (nodes/request/segments.py) when its first plan may be completed or
    replaced part by part: a first turn's first plan, with ``plan_parts`` on; [] otherwise.
    ``keep_back=False``: with the asks that refer back cut off too ("text him ...")."""
    if not settings.plan_parts or state.get("context") or state.get("tasks") or state.get("feedback") \
            or len(state.get("plans", [])) != 1:
        return []
    parts = segments(state.get("query", ""), keep_back=keep_back)
    return parts if len(parts) > 1 else []


def missing_asks(asks: list[str], tasks: list, probs: list[dict[str, float]], helpers: set[str],
                 sure: float) -> list[int]:
    """The indexes of the ``asks`` that can be planned alone (they do not refer back) and for which
    the classifier gives a tool that is no look-up (``helpers``) at least ``sure`` while no step
    calls it: "email eric mensah about the results" beside a plan of only the text to him."""
    called = {x.tool for x in tasks}
    return [i for i, (ask, p) in enumerate(zip(asks, probs)) if not refers_back(ask)
            and any(v >= sure and n not in called and n not in helpers for n, v in p.items())]


def misplaced_steps(tasks: list, parts: list[str], probs: list[dict[str, float]], below: float):
    """(the tasks to keep, the indexes of the parts to plan again): a step goes when its values
    speak of one part only and the classifier gives its tool, for that part alone, less than
    ``below``; with it go the steps that use its result (all of that part, or it stays) and the
    steps of that part it used that nothing else uses."""
    if below <= 0:
        return tasks, set()
    homes = {x.id: home(x.args, parts) for x in tasks}
    by_id = {x.id: x for x in tasks}
    users: dict[int, set[int]] = {}
    for x in tasks:
        for d in x.deps:
            users.setdefault(d, set()).add(x.id)
    out: set[int] = set()
    redo: set[int] = set()
    for x in tasks:
        h = homes[x.id]
        if h is None or x.id in out or probs[h].get(x.tool, 1.0) >= below:
            continue
        group, todo = set(), [x.id]
        while todo:  # the step and whatever uses its result, transitively
            i = todo.pop()
            if i not in group:
                group.add(i)
                todo += list(users.get(i, ()))
        if any(homes[i] != h for i in group):
            continue  # another part's step needs it
        grew = True
        while grew:  # and the steps of this part it used, once nothing else uses them
            more = {d for i in group for d in by_id[i].deps
                    if d in by_id and d not in group and homes[d] == h and users.get(d, set()) <= group}
            group |= more
            grew = bool(more)
        out |= group
        redo.add(h)
    return [x for x in tasks if x.id not in out], redo


def parts_left(res: Any, state: dict, tasks: list[Task]) -> tuple[list[Task], list[str], list[str]]:
    """(the steps to keep, the parts of the request to plan again alone, every part): steps whose tool
    does not fit the one part they speak of go, and that part is planned alone; so is a part no step
    speaks of (nodes/request/segments.py), and an ask whose sure tool no step calls. No parts left:
    (tasks, [], [])."""
    settings = res.settings
    parts = by_parts(settings, state)
    asks = by_parts(settings, state, keep_back=False) if settings.part_tool_sure < 1 else []
    if not (parts or asks):
        return tasks, [], []
    judge = getattr(res.index(), "tool_probabilities", None)  # (an index of your own may not judge)
    probs = judge(parts + asks) if judge else [{} for _ in parts + asks]  # one look for both
    kept, redo = misplaced_steps(tasks, parts, probs[:len(parts)], settings.part_tool_below) if parts \
        else (tasks, set())
    left = [parts[i] for i in sorted(redo | set(uncovered(parts, [x.to_dict() for x in kept])))]
    if asks and judge:
        helpers = person_lookups(res.specs) | file_lookups(res.specs)
        left += [a for i in missing_asks(asks, kept, probs[len(parts):], helpers, settings.part_tool_sure)
                 for a in [asks[i]] if not any(a in p for p in left)]
    return kept, left, parts or asks
