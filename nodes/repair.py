"""Plan repairs made in code where the request leaves no doubt: a file found by name and not
attached; a step copied from the solved example instead of the request.

The small planner often finds the file a request asks to send, but writes the lookup after the email
or forgets to pass it ("email Sarah the Q3 report"). When the request asks to attach something, the
plan has exactly one step that finds a file (a parameter with the "file" role) and exactly one step
that takes attachments and attaches nothing, the file is attached there, and the lookup moved before
that step if it came after. Steps are renumbered and references follow them; the repaired plan is
what is recorded and run.

The planner also copies whole steps from the solved example in its prompt: after the email it was
asked for, ``append_note_content(name="Meeting notes", content="Read Thinking, Fast and Slow")``
from the example's plan. A step whose every text value is in the shown example and shares no word
with the request (common words aside) is such a copy; a step whose values are all codes of three
letters or fewer never is. No gold step of the generated train, val, test or unseen split looks so
(7000 steps, each against its own prompt; tests/test_repair.py checks the test split). It is
dropped, with the steps that use its result, unless that would drop the whole plan.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from tinyagent.nodes.checks import asks_to_attach
from tinyagent.nodes.planlang import Task, is_ref, renumbered
from tinyagent.tools.specs import ToolSpec


def _with_role(task: Task, specs: dict[str, ToolSpec], role: str) -> str | None:
    spec = specs.get(task.tool)
    return next((p.name for p in spec.params if p.role == role), None) if spec else None


def attach_found_file(tasks: list[Task], specs: dict[str, ToolSpec], query: str) -> list[Task] | None:
    """The repaired tasks, or None when there is nothing to repair (or no single clear repair)."""
    if not tasks or not asks_to_attach(query):
        return None
    finders = [t for t in tasks if _with_role(t, specs, "file")]
    senders = [t for t in tasks if _with_role(t, specs, "attachments")]
    if len(finders) != 1 or len(senders) != 1:
        return None
    found, sender = finders[0], senders[0]
    slot = _with_role(sender, specs, "attachments")
    if sender.args.get(slot) or sender.id in found.deps:
        return None
    order = list(tasks)
    if found.id > sender.id:  # found after the email: move the lookup just before it
        order = [t for t in tasks if t.id != found.id]
        order.insert(order.index(sender), found)
    attached = replace(sender, args={**sender.args, slot: [f"${found.id}"]},
                       deps=tuple(sorted({*sender.deps, found.id})))
    return renumbered([attached if t is sender else t for t in order], tasks[0].id)


_WORD = re.compile(r"[a-z0-9]+")
_COMMON = frozenset("the and for you your with that this are was can from but not all any our out has "
                    "have its his her him she they them what when who how why will would could should "
                    "about into please pls just also then now one two get let".split())


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _COMMON}


def _texts(value: Any) -> list[str]:
    """The text values of a step's arguments (references to other steps left out)."""
    if isinstance(value, str):
        return [] if is_ref(value) is not None else [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return []


def copied_from_example(task: Task, query: str, example_text: str) -> bool:
    texts = [t for t in _texts(task.args) if _words(t)]
    if not texts or not any(len(w) >= 4 for t in texts for w in _words(t)):
        return False
    asked, shown = _words(query), example_text.lower()
    return all(t.lower() in shown and not _words(t) & asked for t in texts)


def drop_copied_steps(tasks: list[Task], query: str, examples: Iterable[dict]) -> list[Task] | None:
    """The tasks without the steps copied from the shown examples (and the steps that use them),
    or None when there is none, or when nothing would be left."""
    example_text = "\n".join(f"{e.get('query', '')}\n{e.get('plan', '')}" for e in examples)
    if not tasks or not example_text.strip():
        return None
    dropped = {t.id for t in tasks if copied_from_example(t, query, example_text)}
    if not dropped:
        return None
    for t in tasks:  # in plan order, so a step using a dropped step's result goes too
        if set(t.deps) & dropped:
            dropped.add(t.id)
    kept = [t for t in tasks if t.id not in dropped]
    return renumbered(kept, tasks[0].id) if kept else None
