"""A file found to be sent along is attached, not pasted in as the message's text, and a contact is never attached (guards attachments)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from tinyagent.nodes.plans.planlang import rewrite_role, Task, is_ref, refs_in, renumbered
from tinyagent.nodes.request.lexicon import TITLE
from tinyagent.nodes.request.reading import Request, as_request
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


@rule("no_person_attached", "compile",
      "a contact look-up's or a meeting link's result is never a file to attach", "attachments", reads="specs")
def no_person_attached(tasks: list[Task], specs: dict) -> list[Task] | None:
    """"Would you forward Lucas Martin's invoice to my accountant, ..." was planned with Lucas looked up and his
    address in the forward's attachments; "draft a reply to Sarah's offsite email saying ... I can't join the hike"
    with a meeting link "the hike" attached, so no draft was written. An attachment that is a contact look-up's
    result ("$K" of a tool that only looks someone up) or a link's is taken out, and that step with it where nothing
    else uses it."""
    lookups = {t.id for t in tasks if (s := specs.get(t.tool)) and s.roles and s.roles <= {"person"}
               or "link" in t.tool.split("_")}  # (a meeting link is no file either)
    out, dropped = [], set()
    for t in tasks:
        spec = specs.get(t.tool)
        slot = spec.with_role("attachments") if spec else None
        files = t.args.get(slot) if slot else None
        if isinstance(files, list) and any(is_ref(v) in lookups for v in files):
            gone = {is_ref(v) for v in files if is_ref(v) in lookups}
            kept = [v for v in files if is_ref(v) not in lookups]
            args = {k: v for k, v in t.args.items() if k != slot} | ({slot: kept} if kept else {})
            still = {r for v in args.values() for r in refs_in(v)}
            t = replace(t, args=args, deps=tuple(d for d in t.deps if d not in gone or d in still)).with_args(args)
            dropped |= gone
        out.append(t)
    if not dropped:
        return None
    used = {d for t in out for d in t.deps}
    return renumbered([t for t in out if t.id not in dropped or t.id in used], tasks[0].id)


#: Whom a file goes to: "email the tax return pdf to David", "send the slides over to Nina Kowalski"
_FILE_TO = re.compile(rf"\b(?:to|over\s+to)\s+(?P<name>{TITLE}?[A-Za-z][a-z'-]+(?:\s+[A-Z][\w'-]+)?)\s*(?:[.!?]|$|,|\s(?:and|please|pls|"
                      r"asap|today|tomorrow|now|too|as\s+well)\b)")


def _sent_to_one(query: str | Request) -> str | None:
    """The one person the request sends to by name ("... to David"), or None ("to him", "to everyone")."""
    m = _FILE_TO.search(as_request(query).query)
    if not m or m.group("name").lower() in {"me", "him", "her", "them", "it", "my", "the", "everyone", "all"}:
        return None
    return m.group("name")


@rule("file_not_a_recipient", "compile",
      "a file found is never the recipient: the person the request sends it to is, and the file is attached",
      "attachments")
def file_not_a_recipient(tasks: list[Task], specs: dict, query: str | Request = "") -> list[Task] | None:
    """"email the tax return pdf to David" was planned three times with ``compose_new_email(recipients=["$1"], ...)``,
    step 1 the file found, and refused each time: recipients that are only file look-ups' results, in a request that
    sends to one person by name, are that person (looked up by the later rules) and the files are attached."""
    name = _sent_to_one(query)
    if name is None:
        return None
    finders = {t.id for t in tasks if t.tool in specs and "file" in specs[t.tool].roles}

    def attached(args: dict, people: str, att: str, value: list) -> dict:
        files = [*(args.get(att) or []), *(v for v in value if v not in (args.get(att) or []))]
        return {**args, people: [name], att: files}
    return _sent_to_steps(tasks, specs, finders, "attachments", attached)


def _sent_to_steps(tasks: list[Task], specs: dict, steps: set[int], role: str,
                   mend: Callable[[dict, str, str, list], dict]) -> list[Task] | None:
    """The tasks with each call whose recipients are only results of ``steps`` and that has a parameter of ``role``
    given the arguments ``mend(args, its people parameter, its role parameter, the recipients)`` makes; None when
    there is none."""
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        people, other = (spec.with_role("people"), spec.with_role(role)) if spec else (None, None)
        value = t.args.get(people) if people else None
        if other and isinstance(value, list) and value and all(is_ref(v) in steps for v in value):
            t, changed = t.with_args(mend(t.args, people, other, value)), True
        out.append(t)
    return out if changed else None


@rule("unasked_attachment", "compile",
      "a file named in words no step found ('Lucas's invoice') is not attached where the request asks to send no file",
      "attachments")
def unasked_attachment(tasks: list[Task], specs: dict, query: str | Request = "") -> list[Task] | None:
    """"reply to lucas's invoice email, just say thanks, received" was planned with ``attachments=["Lucas's invoice"]``,
    and the reply failed on a file that is not there: an attachment written as words (no step's result, no file name
    with its extension) in a request that asks to send no file along is left out."""
    request = as_request(query)
    if request.asks_to_attach:
        return None

    def unasked(value):
        if not isinstance(value, list):
            return None
        kept = [v for v in value if not isinstance(v, str) or is_ref(v) is not None or re.search(r"\.\w{2,5}$", v)]
        return kept if len(kept) < len(value) else None
    out = rewrite_role(tasks, specs, "attachments", unasked)
    return [t.with_args({k: v for k, v in t.args.items() if v != []}) for t in out] if out else None


@rule("answer_not_a_recipient", "compile",
      "what a search or a summary found is never the recipient: the person the request sends it to is, and it is the "
      "message", "people")
def answer_not_a_recipient(tasks: list[Task], specs: dict, query: str | Request = "") -> list[Task] | None:
    """"look up the lead time of the particulate sensor in the q3 report and text it to marcus" was planned with
    ``send_sms(recipients=["$1"], ...)``, step 1 the document search: recipients that are only the results of steps
    that find no one (a search, a summary), in a request that sends to one person by name, are that person (looked up
    by the later rules), and the result is the message where the plan's message is none of the step's results."""
    from tinyagent.nodes.rules.followups import one_person_named

    request = as_request(query)
    name = _sent_to_one(request)
    if name is None and not request.context and re.search(r"\b(?:to|text|txt|email|e-mail|mail|send)\s+(?:it\s+to\s+)?"
                                                        r"(?:him|her)\b", request.query, re.I):
        name = one_person_named(request.query, lower=True)  # ("a link for a call w/ Yuki ... and text it to her")
    if name is None:
        return None
    # (a search, a summary, a meeting link, an event: what they make is no one's address)
    found = {t.id for t in tasks if t.tool in specs and not specs[t.tool].roles & {"person", "file", "message"}}

    def said(args: dict, people: str, msg: str, value: list) -> dict:
        text = args.get(msg)
        kept = isinstance(text, str) and is_ref(text) in found  # (the plan's message is a step's result already)
        return {**args, people: [name], **({} if kept else {msg: value[0]})}
    return _sent_to_steps(tasks, specs, found, "message", said)


@rule("refs_swapped", "compile",
      "a file found put where the recipients go, and the person looked up put in the text, trade places", "attachments")
def refs_swapped(tasks: list[Task], specs: dict, query: str | Request = "") -> list[Task] | None:
    """"Yuki just joined the team, could you send her the team handbook?" was planned with ``compose_new_email(
    recipients=["$2"], context="$1")``, step 2 the handbook found and step 1 Yuki's address: the two references
    written in each other's places. Where a step's recipients are only file look-ups' results and its text is
    only a person look-up's result, the files are attached and the person is the recipient (the text, which
    said nothing of its own, goes)."""
    finders = {t.id for t in tasks if t.tool in specs and "file" in specs[t.tool].roles}
    people = {t.id for t in tasks if t.tool in specs and specs[t.tool].roles and specs[t.tool].roles <= {"person"}}
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        to, att, msg = ((spec.with_role("people"), spec.with_role("attachments"), spec.with_role("message"))
                        if spec else (None, None, None))
        sent, text = t.args.get(to) if to else None, t.args.get(msg) if msg else None
        if (to and att and msg and isinstance(sent, list) and sent and all(is_ref(v) in finders for v in sent)
                and isinstance(text, str) and is_ref(text) in people and not t.args.get(att)):
            args = {k: v for k, v in t.args.items() if k != msg}
            args.update({to: [text], att: list(sent)})
            t, changed = t.with_args(args), True
        out.append(t)
    return out if changed else None
