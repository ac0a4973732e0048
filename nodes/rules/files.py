"""A file the request asks to send is looked up and attached; a note the request calls a file is looked up as the file.

The small planner often finds the file a request asks to send, but writes the lookup after the email
or forgets to pass it ("email Sarah the Q3 report"). When the request asks to attach something, the
plan has exactly one step that finds a file (a parameter with the "file" role) and exactly one step
that takes attachments and attaches nothing, the file is attached there, and the lookup moved before
that step if it came after. Where the request names the file ("the Q3 report"; nodes/request/asks.py,
``attached_file``) and the plan has no lookup, one is added before the email; a lookup whose file
name the request does not say ("tool") gets the name it does say. Steps are renumbered and
references follow them; the repaired plan is what is recorded and run.

A note opened by a name the request calls a file ("open the meeting notes doc", "the path of meeting
notes") becomes a look-up of that file (``file_for_note``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, format_call, is_ref, renumbered
from tinyagent.nodes.request.asks import FILE_NOUN
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import content_words as _words
from tinyagent.nodes.rules.checks import file_lookups
from tinyagent.nodes.rules.attachments import _sent_to_one
from tinyagent.nodes.rules.lookups import NEW_ID
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule


def _with_role(task: Task, specs: dict[str, ToolSpec], role: str) -> str | None:
    spec = specs.get(task.tool)
    return spec.with_role(role) if spec else None


@rule("attach_found_file", "compile",
      "the file the request names is looked up and attached", "attachments")
def attach_found_file(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request,
                      reading: str = "") -> list[Task] | None:
    """The repaired tasks, or None when there is nothing to repair (or no single clear repair).

    ``reading``: the request read with its typos corrected (retrieve), for what it asks to attach."""
    request = as_request(query, reading)
    if not tasks or not request.asks_to_attach:
        return None
    first_id = tasks[0].id
    name = request.attached_file
    finders = [t for t in tasks if _with_role(t, specs, "file")]
    senders = [t for t in tasks if _with_role(t, specs, "attachments")]
    if len(senders) != 1:
        return None
    sender = senders[0]
    slot = _with_role(sender, specs, "attachments")
    if sender.args.get(slot):
        return None
    tools = [n for n, s in specs.items() if "file" in s.roles]
    if not finders and name and len(tools) == 1:
        # the email was written but the file never looked up: look it up by the name the request gives
        key = next(p.name for p in specs[tools[0]].params if p.role == "file")
        finder = Task(NEW_ID, tools[0], {key: name}, ())
        tasks = [*tasks[:tasks.index(sender)], finder, *tasks[tasks.index(sender):]]
        finders = [finder]
    if len(finders) != 1:
        return None
    found = finders[0]
    if sender.id in found.deps:
        return None
    key = _with_role(found, specs, "file")
    if name and not _words(str(found.args.get(key, ""))) & request.content_words_read:
        # a file name the request does not say ("tool"): the one it does say
        found = replace(found, args={**found.args, key: name})
        tasks = [found if t.id == found.id else t for t in tasks]
    order = list(tasks)
    if found.id > sender.id:  # found after the email: move the lookup just before it
        order = [t for t in tasks if t.id != found.id]
        order.insert(order.index(sender), found)
    attached = replace(sender, args={**sender.args, slot: [f"${found.id}"]},
                       deps=tuple(sorted({*sender.deps, found.id})))
    return renumbered([attached if t is sender else t for t in order], first_id)


#: Sending a file by email: "send the team handbook to Rahul Sharma", "email the q3 report to james"
_SEND_FILE = re.compile(r"^\W*(?:(?:pls|please|kindly|can\s+you|could\s+you|would\s+you)\W+)*(?:send|email|e-mail|mail)\b", re.I)


@rule("file_sent", "compile",
      "a first request to send a file to someone by name, planned with the file found and sent nowhere, emails it to them",
      "attachments")
def file_sent(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request, reading: str = "") -> list[Task] | None:
    """"Kindly send the team handbook to Rahul Sharma today itself." was planned as the look-up of the file alone: the
    answer gave its path, and said nothing of Rahul (no such contact). A first request that opens with send or email,
    asks to attach a file it names and sends it to one person by name, planned with the file looked up and no step that
    sends anything, gets that person's address looked up and an email with the file attached (whose look-up then says
    when there is no such person)."""
    request = as_request(query, reading)
    if not tasks or request.context or not _SEND_FILE.match(request.query) or not request.asks_to_attach:
        return None
    to = _sent_to_one(request)
    finders = [t for t in tasks if _with_role(t, specs, "file")]
    # the new email (people, a message and files, nothing received), and the look-up of an address
    senders = [n for n, sp in specs.items() if {"people", "message", "attachments"} <= sp.roles and "received" not in sp.roles]
    if not to or len(finders) != 1 or len(senders) != 1 or any(
            {"people"} & (specs[t.tool].roles if t.tool in specs else set()) for t in tasks):
        return None
    send = specs[senders[0]]
    lookups = [n for n, sp in specs.items() if "person" in sp.roles and "email" in n]
    if len(lookups) != 1:
        return None
    look = specs[lookups[0]]
    name_key = look.with_role("person")
    subject = next((p.name for p in send.params if p.name in ("subject", "title")), None)
    found = finders[0]
    who = Task(NEW_ID, lookups[0], {name_key: to}, ())
    args = {send.with_role("people"): [f"${NEW_ID}"], send.with_role("attachments"): [f"${found.id}"]}
    if subject and request.attached_file:
        args[subject] = request.attached_file[:1].upper() + request.attached_file[1:]
    mail = Task(NEW_ID + 1, senders[0], args, tuple(sorted({NEW_ID, found.id})))
    return renumbered([*tasks, who, mail], tasks[0].id)


_FILE_WORD = r"(?:doc|docs|document|docx|file|pdf|spreadsheet|deck|slides)"


def called_a_file(query: str, name: str) -> bool:
    """The request calls ``name`` a file ("the meeting notes doc", "the path of meeting notes") and
    never a note ("my meeting notes note", "the note called meeting notes")."""
    n = re.escape(name.strip())
    if not n or re.search(rf"\bnotes?\s+(?:called\s+|named\s+|titled\s+)?['\"]?{n}\b|\b{n}['\"]?\s+notes?\b",
                          query, re.I):
        return False
    return bool(re.search(rf"\b{n}\s+{_FILE_WORD}\b|\b(?:path|location)\s+(?:of|to|for)\s+(?:the\s+|my\s+)?{n}\b"
                          rf"|\b{_FILE_WORD}\s+(?:called\s+|named\s+)?['\"]?{n}\b", query, re.I))


@rule("file_for_note", "compile",
      "a note the request calls a file is looked up as the file", "attachments")
def file_for_note(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """The tasks with a note opened by a name the request calls a file ("open the meeting notes
    doc") made a look-up of that file (the tool whose one required parameter has the "file" role);
    None when there is none, or the tools to tell them apart are not there."""
    text = as_request(query).read
    finders = [n for n in file_lookups(specs) if sum(p.required for p in specs[n].params) == 1]
    if len(finders) != 1:
        return None
    finder = specs[finders[0]]
    slot = next(p.name for p in finder.params if p.role == "file")
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        note = [p.name for p in spec.params if p.role == "note"] if spec else []
        value = t.args.get(note[0]) if len(note) == 1 and set(t.args) == set(note) else None
        if isinstance(value, str) and called_a_file(text, value):
            args = {slot: value}
            t, changed = replace(t, tool=finder.name, args=args, line=f"{t.id}. {format_call(finder.name, args)}"), True
        out.append(t)
    return out if changed else None


@rule("path_not_a_search", "compile",
      "a file path or name taken from a document search is the file found by name", "attachments")
def path_not_a_search(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"gimme the gist of the lisbon trip pdf" was planned ``search_documents(query="the Lisbon trip")`` and
    ``summarize_pdf(pdf_path="$1")``: a search gives passages, not a path. A step whose path parameter (its name
    ends in "path") is the result of a search step (a tool with a "question" parameter) used by nothing else gets
    the file found by name instead: the one tool that finds files, called with the file the request names (else
    the search's words)."""
    finders = [n for n, s in specs.items() if "file" in s.roles]
    if len(finders) != 1:
        return None
    key = next(p.name for p in specs[finders[0]].params if p.role == "file")
    by_id = {t.id: t for t in tasks}
    users: dict[int, int] = {}
    for t in tasks:
        for d in t.deps:
            users[d] = users.get(d, 0) + 1
    name = as_request(query).file_to_read
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        ask = spec.with_role("question") if spec else None
        paths = [u for u in tasks if t.id in u.deps and any(
            p.name.endswith("path") and u.args.get(p.name) == f"${t.id}" for p in specs[u.tool].params)] if ask else []
        if paths and users.get(t.id) == 1:
            words = re.sub(r"(?i)^\s*(?:the|my|our)\s+", "", str(t.args.get(ask, "")))
            t, changed = replace(t, tool=finders[0], args={key: name or words}), True
        out.append(t)
    # "wheres the falcon q3 reprot pdf" planned search_documents(query="Falcon Q3 report") and
    # open_and_get_file_path(file_name="$1"): the file is found by the search's words, without the search
    searches = {t.id: t for t in out if (s := specs.get(t.tool)) and s.with_role("question") and users.get(t.id) == 1}
    for i, t in enumerate(out):
        k = is_ref(t.args.get(key)) if t.tool == finders[0] else None
        if k in searches:
            words = re.sub(r"(?i)^\s*(?:the|my|our)\s+", "", str(searches[k].args.get(specs[searches[k].tool]
                                                                                        .with_role("question"), "")))
            out[i] = replace(t, args={**t.args, key: name or words}, deps=tuple(d for d in t.deps if d != k))
            out = [x for x in out if x.id != k]
            changed = True
            break
    return renumbered(out, tasks[0].id) if changed else None


#: A request that asks for a file itself: "find the team handbook", "where did I save the falcon q3 report, find it"
_WANTS_FILE = re.compile(r"^\s*(?:(?:pls|please|can\s+you|could\s+you|hey|ok)\b[\s,]*)*(?:find|locate|fetch|grab|get|"
                         r"pull\s+up|where\s+(?:is|are|'s|did\s+i\s+(?:save|put|store|keep))|where's|wheres)\b", re.I)
_ASKS_INSIDE = re.compile(r"\b(?:about|say|says|said|mention|mentions|what|how|when|who|which|why|summar\w*|gist|"
                          r"passage|section|page)\b", re.I)


@rule("file_not_a_search", "compile",
      "'find the team handbook' finds the file by name, not passages of it", "attachments")
def file_not_a_search(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"find the team handbook" and "where did I save the falcon q3 report, find it" were planned as document searches,
    which give passages, not the file. A plan whose one step is a search (a tool with a "question" parameter) of a
    document's name, in a request that asks for the file itself and nothing of what it says, finds the file by
    name with the one tool that finds files."""
    finders = [n for n, s in specs.items() if "file" in s.roles]
    request = as_request(query)
    if len(finders) != 1 or len(tasks) != 1 or not _WANTS_FILE.match(request.query) \
            or _ASKS_INSIDE.search(request.query):
        return None
    spec = specs.get(tasks[0].tool)
    ask = spec.with_role("question") if spec else None
    words = re.sub(r"(?i)^\s*(?:the|my|our)\s+", "", str(tasks[0].args.get(ask, ""))) if ask else ""
    if not words or not re.search(rf"\b{FILE_NOUN}\s*$", words, re.I) or words.lower() not in request.query.lower():
        return None
    key = next(p.name for p in specs[finders[0]].params if p.role == "file")
    return [replace(tasks[0], tool=finders[0], args={key: words}, line=f"1. {format_call(finders[0], {key: words})}")]


_OPEN_FILE = re.compile(r"^\s*(?:(?:pls|please|can\s+you|could\s+you|hey|ok|just)\b[\s,]*)*(?:open|opne|pull\s+up|bring\s+up)\s+"
                        r"(?:the|my|our)\s+(?P<name>[\w' -]{2,40}?)\s*(?:for\s+me|please|pls)?[\s.!?]*$", re.I)
_BOOK_SPLIT = re.compile(r"\bhand\s+book\b", re.I)


@rule("open_the_file", "compile",
      "'open the falcon Q3 report' planned empty finds the file by name", "attachments")
def open_the_file(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"open the falcon Q3 report" and "open the team hand book" were declined. A first request that only opens a file
    by its name (a kind of document: report, handbook, itinerary ...), planned with no step, finds that file with the
    one tool that finds files (a note is opened by the note rules)."""
    finders = [n for n, sp in specs.items() if "file" in sp.roles]
    request = as_request(query)
    m = _OPEN_FILE.match(request.query)
    if tasks or len(finders) != 1 or request.context or not m:
        return None
    name = _BOOK_SPLIT.sub("handbook", m.group("name").strip())
    if not re.search(rf"\b{FILE_NOUN}\b", name, re.I) or re.search(r"\bnotes?\b|\blist\b", name, re.I):
        return None
    key = next(p.name for p in specs[finders[0]].params if p.role == "file")
    return [Task(1, finders[0], {key: name}, ())]

