"""The words that pick an inbox email and the words a message carries, kept apart: neither is taken for the other, and a forward carries its own note."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, is_ref, renumbered
from tinyagent.nodes.request.reading import as_request
from tinyagent.nodes.request.words import alnum_words
from tinyagent.nodes.rules.registry import rule

#: Words that say only that it is an email, around the words that pick one ("the invoice email from Lucas")
_MAIL_WORDS = {"email", "e", "mail", "emails", "message", "the", "a", "his", "her", "their", "my", "from", "of", "s",
               "fwd", "fw", "forward", "forwarded", "forwarding", "re", "reply", "about", "to", "that", "this", "one"}


def _slots(t: Task, specs: dict) -> tuple[str | None, str | None]:
    spec = specs.get(t.tool)
    return (spec.with_role("received"), spec.with_role("message")) if spec else (None, None)


def _words(value) -> set[str]:
    return set(alnum_words(value)) if isinstance(value, str) and not is_ref(value) else set()


def _forwards(tasks: list[Task], specs: dict) -> list[Task]:
    """The steps that pick an inbox email and send it to people (forwards)."""
    return [t for t in tasks if (s := specs.get(t.tool)) and s.with_role("received") and s.with_role("people")]


def _described(request) -> set[str]:
    """The words the request describes the email it speaks of by ("marcus's firmware email": marcus, firmware)."""
    from tinyagent.nodes.rules.received import email_words

    return _words(email_words(as_request(request).query, set()))


@rule("message_not_a_choice", "compile",
      "a second reply or forward whose email is picked by words of the message the first one carries is no second "
      "email", "made-up content")
def message_not_a_choice(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"reply to lucas's invoice email, tell him thanks and that the payment goes out monday" was planned as two
    replies, the second ``reply_to_email(context="The payment goes out", message_id="monday")``: a word of the
    dictated message taken to pick an email. A step of a tool that picks an inbox email, whose picking words and
    message words (some) are all words of the message another step of the same tool carries, and whose result no
    step uses, is dropped; a step with no message words of its own is a reply or forward asked for."""
    used = {d for t in tasks for d in t.deps}

    def inside(t: Task, o: Task) -> bool:
        pick, said = _slots(t, specs)
        if not pick or o.tool != t.tool or o is t:
            return False
        carried = _words(o.args.get(said))
        mine, picked = _words(t.args.get(said)), _words(t.args.get(pick))
        return bool(picked) and bool(mine) and picked <= carried and mine <= carried and len(carried) > len(mine)
    drop = {t.id for t in tasks if t.id not in used and any(inside(t, o) for o in tasks)}
    return renumbered([t for t in tasks if t.id not in drop], tasks[0].id) if drop and len(drop) < len(tasks) else None


@rule("note_not_the_email", "compile",
      "a forward's note made only of the words that pick the email it forwards is left out", "made-up content")
def note_not_the_email(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"forward the invoice email from Lucas to Priya Patel" was drafted with the note "Invoice from Lucas" above
    the forwarded email: the person asked for no note. A message of a forward (a step that picks an inbox email and
    sends it on to people) whose every word is a word that picks the email, or only says it is an email, is left
    out."""
    out, changed = [], False
    for t in tasks:
        pick, said = _slots(t, specs)
        spec = specs.get(t.tool)
        if pick and said and spec.with_role("people") and spec.param(spec.with_role("people")).required:
            note, picked = _words(t.args.get(said)), _words(t.args.get(pick))
            if note and picked and note - _MAIL_WORDS <= picked:
                t, changed = t.with_args({k: v for k, v in t.args.items() if k != said}), True
        out.append(t)
    return out if changed else None


#: A request that asks for an email of its own beside the forward: "send him a separate email", "another email"
_APART = re.compile(r"\b(?:separate|separately|another|second|new)\s+(?:e-?mail|message|note)\b|\bseparately\b", re.I)


@rule("forward_says_it", "compile",
      "'forward X to tom and tell him Y': Y is the forward's note, not a second email to him", "made-up content")
def forward_says_it(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"send omar's quote on to lucas martin and say: please put this in next year's budget" was planned as a new
    email to Lucas saying it and a forward to that email's result. Where a plan has one forward (a step that picks an
    inbox email and sends it to people) with no note, and one new email with a text and no files to the same people
    (or the forward is addressed to the new email's result), the text is the forward's note, to those people, and
    the new email goes; not where the request asks for an email apart ("send him a separate email")."""
    forwards = _forwards(tasks, specs)
    news = [t for t in tasks if (s := specs.get(t.tool)) and s.with_role("people") and s.with_role("message")
            and not s.with_role("received")]
    if len(forwards) != 1 or len(news) != 1 or (request is not None and _APART.search(as_request(request).query)):
        return None
    f, n = forwards[0], news[0]
    fs, ns = specs[f.tool], specs[n.tool]
    to_f, to_n = f.args.get(fs.with_role("people")) or [], n.args.get(ns.with_role("people")) or []
    text = n.args.get(ns.with_role("message"))
    if f.args.get(fs.with_role("message")) or not isinstance(text, str) or is_ref(text) is not None \
            or n.args.get(ns.with_role("attachments")) or not to_n or n.id in {d for t in tasks if t is not f for d in t.deps}:
        return None
    to_new = to_f == [f"${n.id}"]
    if not (to_new or set(map(str, to_n)) == set(map(str, to_f))):  # (an email to fewer people tells the rest nothing)
        return None
    args = {**f.args, fs.with_role("message"): text, **({fs.with_role("people"): to_n} if to_new else {})}
    merged = replace(f, args=args, deps=tuple(sorted({*(d for d in f.deps if d != n.id), *n.deps})))
    return renumbered([merged.with_args(merged.args) if t is f else t for t in tasks if t is not n], tasks[0].id)


#: A second email asked for: "forward sarah's agenda to tom and email him the tickets pdf"
_AND_EMAIL = re.compile(r"\band\s+(?:also\s+)?(?:e-?mail|mail|send|write)\s+(?:him|her|them|[a-z]+\s+(?:the|a|my))\b", re.I)


@rule("forward_carries_files", "compile",
      "'forward X to marcus with the handbook attached too': the file goes with the forward, not in a second email",
      "attachments")
def forward_carries_files(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"send sarah's latest email on to marcus, with the team handbook attached too" was planned as the forward and a
    new email to Marcus carrying the handbook. Where a plan has one forward with no files and one new email with files
    to the same people, in a request that asks for no separate email, the files go with the forward and the new
    email goes (its text too: the request dictated none of it, or forward_says_it would have taken it)."""
    forwards = [t for t in _forwards(tasks, specs) if specs[t.tool].with_role("attachments")]
    news = [t for t in tasks if (s := specs.get(t.tool)) and s.with_role("people") and s.with_role("attachments")
            and not s.with_role("received")]
    if len(forwards) != 1 or len(news) != 1 or (request is not None and (_APART.search(as_request(request).query)
                                                                        or _AND_EMAIL.search(as_request(request).query))):
        return None
    f, n = forwards[0], news[0]
    fs, ns = specs[f.tool], specs[n.tool]
    files = n.args.get(ns.with_role("attachments"))
    if f.args.get(fs.with_role("attachments")) or not files or n.id in {d for t in tasks for d in t.deps} \
            or set(map(str, n.args.get(ns.with_role("people")) or [])) != set(map(str, f.args.get(fs.with_role("people")) or [])):
        return None
    merged = replace(f, deps=tuple(sorted({*f.deps, *(is_ref(x) for x in files if is_ref(x) is not None)})))
    merged = merged.with_args({**f.args, fs.with_role("attachments"): files})
    return renumbered([merged if t is f else t for t in tasks if t is not n], tasks[0].id)


def _added(name: str, request) -> bool:
    """The request asks to add ``name`` to the reply: "and add james to it", "put james on it", "include james",
    "cc yuki", "copy in james"."""
    words = r"\s+".join(map(re.escape, alnum_words(name)))
    asked = re.compile(rf"\b(?:add|adding|include|including|put|cc|bcc|copy|copying|loop)\s+(?:in\s+)?"
                       rf"(?:\w+\s+(?:and|&)\s+|\w+,\s*)*{words}\b", re.I)
    return asked.search(as_request(request).query) is not None


@rule("sender_not_copied", "compile",
      "the person whose email a reply answers is not copied on it, unless the request copies that person", "people")
def sender_not_copied(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"answer the firmware email from Marcus, tell him thursday's fine" was planned with Marcus looked up and put
    in the reply's cc: the reply goes to him already. In a reply (a step that picks an inbox email and has no
    recipients of its own), a cc looked up by a name that is among the words that pick the email is left out,
    with its look-up, where the request does not copy or add someone of that name ("add james to it", "cc yuki")."""
    if request is None:
        return None
    # (where the request copies someone, "reply to marcus re firmware 2.1, cc yuki", only those it names are kept)
    described = _described(request)
    by_id = {t.id: t for t in tasks}
    out, dropped = [], set()
    for t in tasks:
        spec = specs.get(t.tool)
        pick, cc = (spec.with_role("received"), spec.with_role("people")) if spec else (None, None)
        people = [p for p in (spec.params if spec else ()) if p.role == "people"]
        if not (pick and cc) or any(p.required for p in people):  # (a forward's recipients are its own)
            out.append(t)
            continue
        picked = _words(t.args.get(pick)) | {w.removesuffix("s") for w in described} | described
        keep = []
        for v in t.args.get(cc) or []:
            src = by_id.get(is_ref(v))
            name = src.args.get(next((p.name for p in specs[src.tool].params if p.role == "person"), ""), None) \
                if src is not None and src.tool in specs else None
            if isinstance(name, str) and _words(name) and _words(name) <= picked and not _added(name, request):
                dropped.add(src.id)
            else:
                keep.append(v)
        if len(keep) < len(t.args.get(cc) or []):
            gone = [by_id[is_ref(v)] for v in t.args.get(cc) or [] if v not in keep and is_ref(v) in by_id]
            args = {k: v for k, v in t.args.items() if k != cc} | ({cc: keep} if keep else {})
            if not args.get(pick) and gone:  # ("reply to Aisha's email": her email, named by her name, not the newest)
                sender = next((x for x in gone[0].args.values() if isinstance(x, str)), "")
                args[pick] = f"{sender}'s email" if sender else args.get(pick)
                args = {k: v for k, v in args.items() if v}
            t = replace(t, args=args, deps=tuple(d for d in t.deps if d not in dropped)).with_args(args)
        out.append(t)
    if not dropped:
        return None
    used = {d for t in out for d in t.deps}
    return renumbered([t for t in out if t.id not in dropped or t.id in used], tasks[0].id)


@rule("email_not_a_note", "compile",
      "'forward the firmware release notes to Tom': the notes are the email's words, not a note to write", "made-up content")
def email_not_a_note(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"forward the firmware release notes to Tom Becker pls" was planned as ``append_note_content(name="Firmware
    release notes", content="Tom Becker")`` and a forward to that step's result. In a plan with one forward, a note
    step whose note is named only by the words that describe the forwarded email goes; the forward's recipients
    that were that step's result are the names it carried."""
    if request is None:
        return None
    forwards = _forwards(tasks, specs)
    if len(forwards) != 1:
        return None
    query = as_request(request).query
    described = _described(request)
    notes = [t for t in tasks if t.tool in ("append_note_content", "create_note", "open_note")
             and _words(t.args.get("name")) and _words(t.args.get("name")) <= described]
    if not notes:
        return None
    f, gone = forwards[0], {n.id: n for n in notes}
    slot = specs[f.tool].with_role("people")

    def person(v):
        note = gone.get(is_ref(v))
        text = note.args.get("content") if note is not None else None
        if isinstance(text, str):  # ("Marcus to Yuki": the person it goes to)
            text = re.split(r"\bto\b", text, flags=re.I)[-1].strip()
        return text if isinstance(text, str) and text and text.lower() in query.lower() else v
    people = [person(v) for v in f.args.get(slot) or []]
    if any(is_ref(v) in gone for v in people):
        return None  # (a result it cannot do without)
    args = {**f.args, slot: people}
    kept = [replace(t, args=args, deps=tuple(d for d in t.deps if d not in gone)).with_args(args) if t is f else t
            for t in tasks if t.id not in gone]
    return renumbered(kept, tasks[0].id) if kept else None


@rule("one_reply", "compile",
      "two replies to the same email are one reply saying both", "made-up content")
def one_reply(tasks: list[Task], specs: dict, request=None) -> list[Task] | None:
    """"answer the email Omar sent about the hedges - the 14th is perfect and the side gate code is 2580" was planned
    as two replies to that email, one a sentence each. Replies (steps that pick an inbox email and have no
    recipients of their own) to the same email, whose results no step uses, are one reply: the words the request
    dictates where it does, else their texts one after the other, and everyone either copies."""
    from tinyagent.nodes.rules.messages import dictated

    used = {d for t in tasks for d in t.deps}
    replies = [t for t in tasks if (s := specs.get(t.tool)) and s.with_role("received") and t.id not in used
               and not any(p.required for p in s.params if p.role == "people")]
    for first in replies:
        spec = specs[first.tool]
        pick, text, cc = spec.with_role("received"), spec.with_role("message"), spec.with_role("people")
        same = [t for t in replies if t is not first and t.tool == first.tool and t.args.get(pick) == first.args.get(pick)]
        if not same or not text:
            continue
        said = dictated(as_request(request).query) if request is not None else ""
        texts = [str(t.args.get(text, "")).strip().rstrip(".") for t in [first, *same] if t.args.get(text)]
        words = said[:1].upper() + said[1:] if len(said.split()) >= 2 else ". ".join(texts)
        copied = [v for t in [first, *same] for v in (t.args.get(cc) or []) if cc]
        args = {**first.args, text: words} | ({cc: list(dict.fromkeys(copied))} if copied else {})
        merged = replace(first, deps=tuple(sorted({d for t in [first, *same] for d in t.deps}))).with_args(args)
        gone = {t.id for t in same}
        return renumbered([merged if t is first else t for t in tasks if t.id not in gone], tasks[0].id)
    return None
