"""'That email' in a follow-up is the email the conversation last showed, not the newest (guards people)."""

from __future__ import annotations

import re

from tinyagent.nodes.plans.planlang import Task

#: A subject shown by an earlier turn: "Saved email 'Re: Invoice for November' ...", "It forwards Marcus
#: Chen's email 'Firmware 2.1 release notes' of Fri 04 Dec."
_SHOWN = re.compile(r"email '([^']+)'")
#: Words that only point at an email: "that email", "this one", "the same message", "it".
_POINTING = {"that", "this", "the", "same", "last", "email", "e-mail", "mail", "message", "msg", "one", "it", "thread"}


def shown_subject(context: str) -> str:
    """The subject of the email the earlier turns last showed, without 'Re:'/'Fwd:'; '' when none."""
    shown = _SHOWN.findall(context or "")
    return re.sub(r"(?i)^\s*((re|fwd?)\s*:\s*)+", "", shown[-1]).strip() if shown else ""


def pointed_email(tasks: list[Task], specs: dict, context: str) -> list[Task] | None:
    """A reply or forward whose email is given only as 'that email' or 'this one' (a tool with a "received"
    parameter), in a follow-up to a turn that showed an email, acts on that email: the tool alone would take
    the newest one."""
    subject = shown_subject(context)
    if not subject:
        return None
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        param = (spec.with_role("received") if spec else None)
        value = t.args.get(param) if param else None
        words = re.findall(r"[\w-]+", value.lower()) if isinstance(value, str) else []
        if words and all(w in _POINTING for w in words):
            args = {**t.args, param: subject}
            out.append(t.with_args(args))
            changed = True
        else:
            out.append(t)
    return out if changed else None
