"""Plan repairs made in code where the request leaves no doubt: a file found by name and not
attached; a step copied from the solved example instead of the request; a look-up of someone the
request never names, or of an address written out; a recipient written as a name and not looked up;
a look-up of the wrong kind or made twice; a file asked for as a note; code a bracket off.

The small planner often finds the file a request asks to send, but writes the lookup after the email
or forgets to pass it ("email Sarah the Q3 report"). When the request asks to attach something, the
plan has exactly one step that finds a file (a parameter with the "file" role) and exactly one step
that takes attachments and attaches nothing, the file is attached there, and the lookup moved before
that step if it came after. Where the request names the file ("the Q3 report"; nodes/rules/checks.py,
``attached_file``) and the plan has no lookup, one is added before the email; a lookup whose file
name the request does not say ("tool") gets the name it does say. Steps are renumbered and
references follow them; the repaired plan is what is recorded and run.

The planner also copies whole steps from the solved example in its prompt: after the email it was
asked for, ``append_note_content(name="Meeting notes", content="Read Thinking, Fast and Slow")``
from the example's plan. A step whose every text value is in the shown example and shares no word
with the request (common words aside) is such a copy; a step whose values are all codes of three
letters or fewer never is. No gold step of the generated train, val, test or unseen split looks so
(7000 steps, each against its own prompt; tests/test_repair.py checks the test split). It is
dropped, with the steps that use its result, unless that would drop the whole plan.

After a complete plan the planner sometimes adds a look-up nobody asked for:
``get_email_address(name="John")`` once the email to Sarah is written. A step whose tool only looks
a person or a file up (its required parameters have the "person" or "file" role), whose result no
step uses, and whose name is no word of the request or the person's earlier turns, even within a
typo (one edit, two from five letters), is dropped; so is, on a first turn that does not ask for
someone's address or number (``checks.asks_for_contact``), a person look-up whose result no step
uses (``get_phone_number(name="Tomás")`` after the email to Tomás). No gold step of the generated
splits or the hand-written set is such a step (tests/test_repair.py checks the test split).

A file looked up for nothing is dropped the same way on a first turn unless the request asks for
the file itself, with a verb such as open, find, locate, show or "the path of" before its name in
the same clause (``checks.asks_for_file``): ``open_and_get_file_path(file_name="line")`` after the
email for "drop Rosa a line" goes; "open my resume" stays (all 124 such gold look-ups are asked for).
A note opened by a name the request calls a file ("open the meeting notes doc", "the path of meeting
notes") becomes a look-up of that file (``file_for_note``).

A person looked up for recipients of another kind is looked up the way they take (``right_lookups``:
an email address found for a text becomes a phone number found), and the same person or file looked
up twice and used is looked up once (``merge_repeated_lookups``). Python code that does not compile
only for a bracket too many or too few at its end is made whole (``close_code``). No gold plan of the
generated splits or the hand-written set is changed by these (tests/test_repair.py).

The planner also goes on after the last ask with steps made of what the plan already holds:
``open_note(name="Quarterly numbers")`` after an email whose subject is "Quarterly numbers". A step
that takes no step's result, whose result no step uses, and that repeats an earlier step exactly, or
whose every value an earlier step holds under another parameter, is dropped. Of the 3727 gold plans
of the generated splits and the hand-written set, one has such a step: a look-up the request asks
for twice (tests/test_repair.py checks the test split).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from tinyagent.nodes.rules.checks import (
    COMMON_WORDS,
    asks_for_contact,
    asks_for_file,
    asks_to_attach,
    attached_file,
    compiles,
    file_lookups,
    person_lookups,
    python_param,
    speaks_of_received_email,
)
from tinyagent.nodes.plans.planlang import Task, format_call, is_ref, refs_in, renumber, renumbered
from tinyagent.store.spelling import edit_distance
from tinyagent.nodes.request.quantities import singular
from tinyagent.tools.specs import ToolSpec

_NEW_ID = 10_000  # a step added here, before the plan is renumbered (no plan has this many steps)


def _with_role(task: Task, specs: dict[str, ToolSpec], role: str) -> str | None:
    spec = specs.get(task.tool)
    return next((p.name for p in spec.params if p.role == role), None) if spec else None


def attach_found_file(tasks: list[Task], specs: dict[str, ToolSpec], query: str,
                      reading: str = "") -> list[Task] | None:
    """The repaired tasks, or None when there is nothing to repair (or no single clear repair).

    ``reading``: the request read with its typos corrected (retrieve), for what it asks to attach."""
    text = reading or query
    if not tasks or not asks_to_attach(text):
        return None
    first_id = tasks[0].id
    name = attached_file(text)
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
        finder = Task(_NEW_ID, tools[0], {key: name}, ())
        tasks = [*tasks[:tasks.index(sender)], finder, *tasks[tasks.index(sender):]]
        finders = [finder]
    if len(finders) != 1:
        return None
    found = finders[0]
    if sender.id in found.deps:
        return None
    key = _with_role(found, specs, "file")
    if name and not _words(str(found.args.get(key, ""))) & (_words(query) | _words(text)):
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


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in COMMON_WORDS}


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


def _flat(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flat(v)]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flat(v)]
    return [] if value in (None, "", True, False) else [value]


def restated(task: Task, earlier: list[Task]) -> bool:
    """``task`` repeats an earlier step exactly, or each of its values is held by an earlier step
    under another parameter (not a look-up of the same person by another tool), or it writes two
    values or more that one earlier step wrote under the same names (``create_note(name="Workout
    plan", content=...)`` after ``append_note_content`` with that name and content)."""
    if any(t.tool == task.tool and t.args == task.args for t in earlier):
        return True
    if len(task.args) >= 2 and any(t.args == task.args for t in earlier):
        return True
    mine = [(k, str(v).lower()) for k, value in task.args.items() for v in _flat(value)]
    held = {(k, str(v).lower()) for t in earlier for k, value in t.args.items() for v in _flat(value)}
    values = {v for _, v in held}
    return bool(mine) and all(v in values and (k, v) not in held for k, v in mine)


def drop_restated_steps(tasks: list[Task]) -> list[Task] | None:
    """The tasks without the steps that say nothing new (``restated``) and take and give no result,
    dropped until none is left; None when there is none, or when nothing would be left."""
    kept = list(tasks)
    while True:
        used = {d for t in kept for d in t.deps}
        drop = next((t for i, t in enumerate(kept)
                     if not t.deps and t.id not in used and restated(t, kept[:i])), None)
        if drop is None:
            break
        kept = [t for t in kept if t is not drop]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


_LETTERS = re.compile(r"[^\W\d_]+")


def _said_near(word: str, said: set[str]) -> bool:
    """``word`` is one of ``said`` within one edit (two from five letters): "Chralotte" is Charlotte."""
    w = word.lower()
    return any(edit_distance(w, s) <= (1 if len(w) < 5 else 2) for s in said)


def stray_lookup(task: Task, specs: dict[str, ToolSpec], said: set[str]) -> bool:
    """A look-up (every required parameter names a person or a file) of someone or something the
    request does not name: ``get_email_address(name="John")`` after the email to Sarah was written."""
    spec = specs.get(task.tool)
    required = [p for p in spec.params if p.required] if spec else []
    if not required or not all(p.role in ("person", "file") for p in required):
        return False
    words = [w for p in required for w in _LETTERS.findall(str(task.args.get(p.name, "")))]
    return bool(words) and not any(_said_near(w, said) for w in words)


def _file_asked(task: Task, specs: dict[str, ToolSpec], query: str) -> bool:
    names = [v for p in specs[task.tool].params if p.role == "file" for v in [task.args.get(p.name)]]
    return not all(isinstance(v, str) for v in names) or all(asks_for_file(query, v) for v in names)


def drop_stray_lookups(tasks: list[Task], specs: dict[str, ToolSpec], query: str,
                       context: str = "", reading: str = "") -> list[Task] | None:
    """The tasks without look-ups no step uses of people or files the request (or an earlier turn
    of the person) never names, nor, on a first turn that does not ask for an address or number
    (``reading``: the request with its typos corrected), of anyone; None when there is none, or
    when nothing would be left."""
    said = {w.lower() for w in _LETTERS.findall(query + "\n" + context)}
    used = {d for t in tasks for d in t.deps}
    unasked = set() if context or asks_for_contact(reading or query) else person_lookups(specs)
    files = set() if context else file_lookups(specs)
    kept = [t for t in tasks if t.id in used or not (t.tool in unasked or stray_lookup(t, specs, said)
                                                      or (t.tool in files and not _file_asked(t, specs, reading or query)))]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


_GENERIC = {"a", "an", "the", "or", "and", "of", "by", "to", "get", "contact", "name", "names", "as", "is",
            "string", "return", "returns", "unknown", "ambiguous", "error", "naming", "candidate", "invite"}


def _bag(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z]+", text.lower().replace("e-mail", "email"))} - _GENERIC


def lookup_for(param_text: str, specs: dict[str, ToolSpec]) -> str | None:
    """The person look-up whose name and description share the most words with what a "people"
    parameter takes ("Phone numbers or contact names" -> get_phone_number), or None when no one does."""
    want = _bag(param_text)
    scores = {n: len(want & _bag(f"{n.replace('_', ' ')} {specs[n].description}")) for n in person_lookups(specs)}
    best = max(scores.values(), default=0)
    winners = [n for n, v in scores.items() if v == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def right_lookups(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task] | None:
    """The tasks with each person look-up that feeds only recipients of another kind made the
    look-up those recipients take (``lookup_for``): ``get_email_address`` whose result goes only into
    ``send_sms`` becomes ``get_phone_number`` with the same name. None when there is none."""
    lookups, by_id = person_lookups(specs), {t.id: t for t in tasks}
    wants: dict[int, set[str | None]] = {}
    for t in tasks:
        spec = specs.get(t.tool)
        for p in spec.params if spec else ():
            for k in refs_in(t.args.get(p.name)):
                if k in by_id and by_id[k].tool in lookups:
                    want = lookup_for(f"{p.description} {spec.description}", specs) if p.role == "people" else None
                    wants.setdefault(k, set()).add(want)
    swap = {}
    for k, want in wants.items():
        tool = next(iter(want)) if len(want) == 1 else None
        old = by_id[k]
        if tool and tool != old.tool and set(old.args) <= {p.name for p in specs[tool].params}:
            swap[k] = replace(old, tool=tool, line=f"{old.id}. {format_call(tool, old.args)}")
    return [swap.get(t.id, t) for t in tasks] if swap else None


def merge_repeated_lookups(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task] | None:
    """The tasks with a look-up of a person or a file that repeats an earlier one exactly (same tool,
    same values) left out and its uses pointed at the earlier one: two ``get_phone_number(name=
    "Kyle Mitchell")`` are one. None when there is none."""
    finders = person_lookups(specs) | file_lookups(specs)
    used = {d for t in tasks for d in t.deps}
    first: dict[str, int] = {}
    same: dict[int, int] = {}
    for t in tasks:
        if t.tool in finders and not t.deps:
            key = format_call(t.tool, t.args)
            if key in first and t.id in used:  # (one nothing uses is a restated step, dropped as such)
                same[t.id] = first[key]
            else:
                first[key] = t.id
    if not same:
        return None
    def once(value):  # ["$1", "$1"] after the merge: the person once
        return list(dict.fromkeys(value)) if isinstance(value, list) and all(isinstance(v, str) for v in value) else value
    kept = [replace(t, args={k: once(v) for k, v in renumber(t.args, same).items()},
                    deps=tuple(sorted({same.get(d, d) for d in t.deps})))
            for t in tasks if t.id not in same]
    return renumbered(kept, tasks[0].id)


def close_code(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task] | None:
    """The tasks with Python code that does not compile only for a bracket too many or too few at its
    end made whole (``print(round(15.98 / 3, 2)))``); None when there is none. Other broken code is
    left for the plan check to refuse."""
    out, changed = [], False
    for t in tasks:
        name = python_param(specs[t.tool]) if t.tool in specs else None
        code = t.args.get(name) if name else None
        if isinstance(code, str) and not compiles(code):
            body = code.rstrip()
            fixes = [body[:-k] for k in range(1, 4) if body[-k:] == ")" * k] + [body + ")" * k for k in range(1, 4)]
            fixed = next((c for c in fixes if compiles(c)), None)
            if fixed is not None:
                args = {**t.args, name: fixed}
                t, changed = replace(t, args=args, line=f"{t.id}. {format_call(t.tool, args)}"), True
        out.append(t)
    return out if changed else None


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


def file_for_note(tasks: list[Task], specs: dict[str, ToolSpec], query: str) -> list[Task] | None:
    """The tasks with a note opened by a name the request calls a file ("open the meeting notes
    doc") made a look-up of that file (the tool whose one required parameter has the "file" role);
    None when there is none, or the tools to tell them apart are not there."""
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
        if isinstance(value, str) and called_a_file(query, value):
            args = {slot: value}
            t, changed = replace(t, tool=finder.name, args=args, line=f"{t.id}. {format_call(finder.name, args)}"), True
        out.append(t)
    return out if changed else None


_NAME = re.compile(r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\.?")  # "Li Wei", "O'Brien", "Dr. Ali"


def look_up_names(tasks: list[Task], specs: dict[str, ToolSpec], query: str, context: str = "") -> list[Task] | None:
    """The tasks with each recipient written as a name ("Arash") looked up first, as the plan
    language has it (``get_phone_number(name="Arash")`` and ``"$K"``), reusing a look-up the plan
    already makes; None when there is none to look up (addresses, numbers, references and anything
    with a digit stay as written, and so does a name the request and the person's earlier turns do
    not say, for the plan checks to refuse)."""
    if not tasks:
        return None
    said = {w.casefold() for w in _LETTERS.findall(f"{query}\n{context}")}
    first_id, new_id, out, changed = tasks[0].id, _NEW_ID, [], False
    made: dict[tuple[str, str], int] = {}  # (look-up tool, name) -> the step that looks it up, so far
    for t in tasks:
        spec = specs.get(t.tool)
        args, deps = dict(t.args), set(t.deps)
        for p in spec.params if spec else ():
            if p.role == "person" and isinstance(t.args.get(p.name), str):
                made.setdefault((t.tool, t.args[p.name].strip().casefold()), t.id)
        for p in spec.params if spec else ():
            value = args.get(p.name)
            if p.role != "people" or not isinstance(value, list):
                continue
            tool = None
            items = []
            for item in value:
                if not isinstance(item, str) or not _NAME.fullmatch(item.strip()) \
                        or not {w.casefold() for w in _LETTERS.findall(item)} & said:
                    items.append(item)
                    continue
                tool = tool or lookup_for(f"{p.description} {spec.description}", specs)
                key_param = next((q.name for q in specs[tool].params if q.role == "person"), None) if tool else None
                if key_param is None:
                    items.append(item)
                    continue
                key = (tool, item.strip().casefold())
                if key not in made:
                    new_id += 1
                    made[key] = new_id
                    out.append(Task(new_id, tool, {key_param: item.strip()}, ()))
                items.append(f"${made[key]}")
                deps.add(made[key])
            if items != value:
                args[p.name], changed = items, True
        out.append(replace(t, args=args, deps=tuple(sorted(deps))) if args != t.args else t)
    return renumbered(out, first_id) if changed else None


def drop_address_lookups(tasks: list[Task], specs: dict[str, ToolSpec], query: str = "") -> list[Task] | None:
    """The tasks without person look-ups of an address or number written out
    (``get_email_address(name="accounting@example.com")``), or of the name an address in the request
    spells (``name="George Davis"`` for george.davis@company.example): each use of such a step gets
    the address itself. None when there is none, or when the look-up's result is used inside longer
    text."""
    lookups = person_lookups(specs)
    spelt = {tuple(re.split(r"[._-]+", a.split("@")[0].lower())): a for a in _EMAIL.findall(query)}
    literal = {}
    for t in tasks:
        if t.tool in lookups:
            values = [v for p in specs[t.tool].params if p.role == "person" for v in [t.args.get(p.name)]]
            if len(values) == 1 and isinstance(values[0], str) and _ADDRESS.fullmatch(values[0].strip()):
                literal[t.id] = values[0].strip()
            elif len(values) == 1 and isinstance(values[0], str) and \
                    (address := spelt.get(tuple(values[0].lower().split()))):
                literal[t.id] = address
    if not literal:
        return None

    def swap(value: Any) -> Any:
        if isinstance(value, list):
            return [swap(v) for v in value]
        ref = is_ref(value)
        return literal[ref] if ref in literal else value
    out = []
    for t in tasks:
        if t.id in literal:
            continue
        args = {k: swap(v) for k, v in t.args.items()}
        if any(isinstance(v, str) and is_ref(v) is None and any(f"${k}" in v for k in literal)
               for v in _texts(args)):
            return None  # "$K" inside a message: what it stands for is not clear
        out.append(replace(t, args=args, deps=tuple(d for d in t.deps if d not in literal)))
    return renumbered(out, tasks[0].id) if out else None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ADDRESS = re.compile(_EMAIL.pattern + r"|\+?[\d][\d ().-]{5,}\d")  # an email address or a phone number


def new_email_for_unasked_reply(tasks: list[Task], specs: dict[str, ToolSpec], query: str,
                                context: str = "") -> list[Task] | None:
    """On a first turn whose request speaks of no email the person got, a reply or a forward (a
    tool with a "received" parameter) becomes a new email with the same people, text and files:
    "Attach my resume to an email to Camille" planned as ``forward_email(recipients=["$2"], ...)``
    would pass on whatever email came last. The new-email tool is the one tool that takes people,
    a message and attachments and answers nothing; None when there is no such tool or no such step.
    ``query``: the request read with its typos corrected where the caller has it."""
    if context or speaks_of_received_email(query):
        return None
    targets = [n for n, s in specs.items() if {"people", "message", "attachments"} <= s.roles
               and "received" not in s.roles]
    if len(targets) != 1:
        return None
    target = specs[targets[0]]
    people = [p for p in target.params if p.role == "people"]
    main = next((p for p in people if p.required), people[0])
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None or "received" not in spec.roles:
            out.append(t)
            continue
        args: dict[str, Any] = {}
        for p in spec.params:
            value = t.args.get(p.name)
            if value in (None, "", []) or p.role == "received":
                continue
            same = next((q for q in target.params if q.name == p.name and q.role == p.role), None) or \
                next((q for q in target.params if q.role == p.role and p.role in ("message", "attachments")), None)
            if same is not None:
                args[same.name] = value
        if not args.get(main.name):  # a reply's cc is who the new email goes to
            for p in people:
                if p is not main and args.get(p.name):
                    args[main.name] = args.pop(p.name)
                    break
        if not args.get(main.name):
            out.append(t)
            continue
        args = {q.name: args[q.name] for q in target.params if q.name in args}  # in the tool's order
        out.append(replace(t, tool=target.name, args=args, line=f"{t.id}. {format_call(target.name, args)}"))
        changed = True
    return out if changed else None
