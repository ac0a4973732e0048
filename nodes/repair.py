"""Plan repairs made in code where the request leaves no doubt: a file found by name and not attached.

The small planner often finds the file a request asks to send, but writes the lookup after the email
or forgets to pass it ("email Sarah the Q3 report"). When the request asks to attach something, the
plan has exactly one step that finds a file (a parameter with the "file" role) and exactly one step
that takes attachments and attaches nothing, the file is attached there, and the lookup moved before
that step if it came after. Steps are renumbered and references follow them; the repaired plan is
what is recorded and run.
"""

from __future__ import annotations

from dataclasses import replace

from tinyagent.nodes.checks import asks_to_attach
from tinyagent.nodes.planlang import Task, renumbered
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
