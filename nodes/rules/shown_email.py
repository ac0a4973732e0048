"""'That email' in a follow-up is the email the conversation last showed, not the newest (guards people)."""

from __future__ import annotations

import re

from tinyagent.nodes.plans.planlang import Task, rewrite_role
from tinyagent.nodes.rules.registry import rule

#: A subject shown by an earlier turn: "Saved email 'Re: Invoice for November' ...", "It forwards Marcus
#: Chen's email 'Firmware 2.1 release notes' of Fri 04 Dec."
_SHOWN = re.compile(r"email '([^']+)'")
#: Words that only point at an email: "that email", "this one", "the same message", "it".
_POINTING = {"that", "this", "the", "same", "last", "email", "e-mail", "mail", "message", "msg", "one", "it", "thread"}


def shown_subject(context: str) -> str:
    """The subject of the email the earlier turns last showed, without 'Re:'/'Fwd:'; '' when none."""
    shown = _SHOWN.findall(context or "")
    return re.sub(r"(?i)^\s*((re|fwd?)\s*:\s*)+", "", shown[-1]).strip() if shown else ""


@rule("pointed_email", "compile",
      "'that email' in a follow-up is the email the conversation last showed", "people", reads="specs context")
def pointed_email(tasks: list[Task], specs: dict, context: str) -> list[Task] | None:
    """A reply or forward whose email is given only as 'that email' or 'this one' (a tool with a "received"
    parameter), in a follow-up to a turn that showed an email, acts on that email: the tool alone would take
    the newest one."""
    subject = shown_subject(context)
    if not subject:
        return None
    def pointed(value):
        words = re.findall(r"[\w-]+", value.lower()) if isinstance(value, str) else []
        return subject if words and all(w in _POINTING for w in words) else None
    return rewrite_role(tasks, specs, "received", pointed)
