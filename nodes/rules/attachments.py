"""A file found to be sent along is attached, not pasted in as the message's text (guards attachments)."""

from __future__ import annotations

from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, is_ref
from tinyagent.nodes.request.reading import Request
from tinyagent.nodes.rules.registry import rule


@rule("attach_not_paste", "compile",
      "a file found to be sent along is attached, not pasted in as the text", "attachments")
def attach_not_paste(tasks: list[Task], specs: dict, query: str | Request = "") -> list[Task] | None:
    """Where the plan puts a file look-up's result ("$K") in a message's text (``compose_new_email(...,
    context="$2")`` for "Email Sarah Lee the Q3 report"; ``forward_email(context="$2")`` for "forward sarah's q3 mail
    to lucas, and add the team handbook as well"), the result goes to the same step's attachments instead: a file's
    path is never the words a person is sent."""
    finders = {t.id for t in tasks if t.tool in specs and "file" in specs[t.tool].roles}
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        att = (spec.with_role("attachments") if spec else None)
        msg = (spec.with_role("message") if spec else None)
        value = t.args.get(msg) if msg else None
        if att and isinstance(value, str) and is_ref(value) in finders:
            args = {k: v for k, v in t.args.items() if k != msg}
            args[att] = [*(t.args.get(att) or []), value] if value not in (t.args.get(att) or []) else t.args[att]
            out.append(replace(t, args=args))
            changed = True
        else:
            out.append(t)
    return out if changed else None
