"""Look-ups of people and files made right: none of someone the request never names, nor of an address written
out; a name looked up first; the look-up the recipients take; the same look-up once.

After a complete plan the planner sometimes adds a look-up nobody asked for:
``get_email_address(name="John")`` once the email to Sarah is written. A step whose tool only looks
a person or a file up (its required parameters have the "person" or "file" role), whose result no
step uses, and whose name is no word of the request or the person's earlier turns, even within a
typo (one edit, two from five letters), is dropped; so is, on a first turn that does not ask for
someone's address or number (``asks.asks_for_contact``), a person look-up whose result no step
uses (``get_phone_number(name="Tomás")`` after the email to Tomás). No gold step of the generated
splits or the hand-written set is such a step (tests/test_repair.py checks the test split).

A file looked up for nothing is dropped the same way on a first turn unless the request asks for
the file itself, with a verb such as open, find, locate, show or "the path of" before its name in
the same clause (``asks.asks_for_file``): ``open_and_get_file_path(file_name="line")`` after the
email for "drop Rosa a line" goes; "open my resume" stays (all 124 such gold look-ups are asked for).

A person looked up for recipients of another kind is looked up the way they take (``right_lookups``:
an email address found for a text becomes a phone number found), and the same person or file looked
up twice and used is looked up twice (the rule that merged them won no plan on any set and was deleted).

A recipient written as a name is looked up first, as the plan language has it (``look_up_names``), and
a look-up of an address or number written out, or of the name an address spells, is the address
itself (``drop_address_lookups``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from tinyagent.nodes.plans.planlang import (Task, format_call, is_ref, refs_in, renumber, renumbered, rewrite_params,
                                            rewrite_role)
from tinyagent.nodes.request.lexicon import LOOKUP_FILLER, NOT_A_NAME, TITLE
from tinyagent.nodes.request.quantities import singular
from tinyagent.nodes.request.reading import EMAIL, Request, as_request
from tinyagent.nodes.request.typos import typo_of
from tinyagent.nodes.request.words import literal_texts as _texts
from tinyagent.nodes.rules.checks import file_lookups, person_lookups
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule

NEW_ID = 10_000  # a step added here, before the plan is renumbered (no plan has this many steps)


_LETTERS = re.compile(r"[^\W\d_]+")


def stray_lookup(task: Task, specs: dict[str, ToolSpec], said: set[str]) -> bool:
    """A look-up (every required parameter names a person, a file or a note) of someone or something the
    request does not name: ``get_email_address(name="John")`` after the email to Sarah was written."""
    spec = specs.get(task.tool)
    required = [p for p in spec.params if p.required] if spec else []
    if not required or not all(p.role in ("person", "file", "note") for p in required):
        return False
    words = [w for p in required for w in _LETTERS.findall(str(task.args.get(p.name, "")))]
    return bool(words) and not any(typo_of(w.lower(), said, more_from=5) for w in words)  # "Chralotte" is Charlotte


def _file_asked(task: Task, specs: dict[str, ToolSpec], request: Request) -> bool:
    names = [v for p in specs[task.tool].params if p.role == "file" for v in [task.args.get(p.name)]]
    return not all(isinstance(v, str) for v in names) or all(request.asks_for_file(v) for v in names)


@rule("name_as_said", "compile",
      "a person's name the model misspelt ('tom Beckker' for 'tom becker') is written as the request says it", "people")
def name_as_said(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"forward the garden quote to tom becker" was planned ``forward_email(recipients=["tom Beckker"])``, which no
    contact fits: a person's name (a "person" or "people" value, not a "$K") of two words or more, one of them not the
    request's while each is near one of its words (a letter or two off), is those words of the request."""
    said = [w.removesuffix("'s").removesuffix("\u2019s").rstrip("'\u2019")
            for w in re.findall(r"[A-Za-z][\w'\u2019-]*", as_request(query).query)]
    lower = {w.lower(): w for w in said}

    def as_said(value):
        if not isinstance(value, str) or is_ref(value) is not None:
            return None
        words = value.split()
        bare = [w.strip(".,;:!?").lower().removesuffix("'s").removesuffix("\u2019s").rstrip("'\u2019") for w in words]
        if len(words) < 2 or all(b in lower for b in bare):
            return None
        near = [w if b in lower else next((x for x in said if len(b) >= 4 and
                                           SequenceMatcher(None, b, x.lower()).ratio() >= 0.8), None)
                for w, b in zip(words, bare)]
        return " ".join(near) if all(near) else None
    out = rewrite_role(tasks, specs, "person", as_said)
    return rewrite_role(out or tasks, specs, "people", lambda v: [as_said(x) or x for x in v]
                        if isinstance(v, list) and any(as_said(x) for x in v) else None) or out


@rule("drop_stray_lookups", "compile",
      "look-ups no step uses, of people or files the request never asks for")
def drop_stray_lookups(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request,
                       context: str = "", reading: str = "") -> list[Task] | None:
    """The tasks without look-ups no step uses of people or files the request (or an earlier turn
    of the person) never names, nor, on a first turn that does not ask for an address or number
    (``reading``: the request with its typos corrected), of anyone; None when there is none, or
    when nothing would be left."""
    request = as_request(query, reading, context)
    said = request.named
    used = {d for t in tasks for d in t.deps}
    unasked = set() if request.context or request.asks_for_contact else person_lookups(specs)
    files = set() if request.context else file_lookups(specs)
    kept = [t for t in tasks if t.id in used or not (t.tool in unasked or stray_lookup(t, specs, said)
                                                      or (t.tool in files and not _file_asked(t, specs, request)))]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


def _bag(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z]+", text.lower().replace("e-mail", "email"))} - LOOKUP_FILLER


def lookup_for(param_text: str, specs: dict[str, ToolSpec]) -> str | None:
    """The person look-up whose name and description share the most words with what a "people"
    parameter takes ("Phone numbers or contact names" -> get_phone_number), or None when no one does."""
    want = _bag(param_text)
    scores = {n: len(want & _bag(f"{n.replace('_', ' ')} {specs[n].description}")) for n in person_lookups(specs)}
    best = max(scores.values(), default=0)
    winners = [n for n, v in scores.items() if v == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


@rule("right_lookups", "compile",
      "a text's recipient is looked up by phone number, not email", "people", reads="specs")
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


#: The one person a request names: "what's nina's email", "send that to priya as well"
_NAMED_ONE = re.compile(r"\b(?P<a>[a-z][\w-]*)'s?\s+(?:e-?mail|mail|email\s+address|phone|number|nr|mobile|cell|digits|"
                        r"contact)\b|\bto\s+(?P<b>[a-z][\w'-]*)(?:\s+(?:as\s+well|too|also))?\s*(?:[.!?,]|$)", re.I)
_NO_NAME_HERE = {"what", "that", "it", "who", "where", "there", "here", "her", "him", "them", "me", "us", "you", "my", "your",
                 "our", "his", "their", "everyone", "all", "both", "mum", "mom", "dad", "home", "work", "office", "one",
                 "this", "today", "tomorrow", "tonight", "lets", "let", "he", "she", "they"}


@rule("named_person", "compile",
      "a look-up of a name the request does not say, where the request names one person ('what's nina's email'), "
      "looks that person up", "people")
def named_person(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"what's nina's email" after a turn about the Lisbon itinerary was planned ``get_email_address(name="Lisbon")``;
    "send that to priya as well" looked up "Prototype". Where the plan looks one person up by a name the request does
    not say, and the request names one person ("X's email", "... to X as well" at its end), X is looked up."""
    request = as_request(query)
    said = f"{request.query} {request.reading}".lower()  # (a typo the reading puts right is said: "facilites")
    found = {(m.group("a") or m.group("b")) for m in _NAMED_ONE.finditer(request.query)}
    found = {re.sub(r"'s?$", "", n) for n in found if n.lower() not in _NO_NAME_HERE | NOT_A_NAME and len(n) > 1
             # ("Email her to confirm": what she is asked to do, not whom)
             and not re.search(rf"\b(?:him|her|them|me|us)\s+to\s+{re.escape(n)}\b", request.query, re.I)}
    lookups = person_lookups(specs)
    wrong = [t for t in tasks if t.tool in lookups and isinstance(v := next(iter(t.args.values()), None), str)
             and is_ref(v) is None and not re.search(rf"(?<!\w){re.escape(v.lower())}(?!\w)", said)]
    if len(found) != 1 or len(wrong) != 1 or len([t for t in tasks if t.tool in lookups]) != 1:
        return None
    name = found.pop()
    value = str(next(iter(wrong[0].args.values())))
    if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", value.lower()) or typo_of(name.lower(), value.lower(), edits=2):
        return None  # (the name as planned, or put right: "facilities" for "facilites")
    key = next(iter(wrong[0].args))
    return [t.with_args({**t.args, key: name}) if t is wrong[0] else t for t in tasks]


#: What a request asks to look up: an email address, or a phone number ("digits", "mobile", "cell")
_ASKS_EMAIL = re.compile(r"\be-?m(?:ai*|i+)l(?:\s+address)?\b|\be-?mail\s+addr?ess?\b|\baddy\b", re.I)
_ASKS_PHONE = re.compile(r"\b(?:phone|cell|mobile|digits|n[ua]?mb?e?r|tel|telephone)\b", re.I)


@rule("asked_lookup_kind", "compile",
      "a look-up the request asks for by kind ('Omar Haddad's email address') is of that kind", "people")
def asked_lookup_kind(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"Could you find Omar Haddad's email address for me?" was planned ``get_phone_number(name="Omar Haddad")``. A
    plan whose only steps are person look-ups no step uses, in a request that asks for an email address and says no
    word of a phone (or the other way round), looks them up by that kind."""
    read = as_request(query).read
    emails, phones = bool(_ASKS_EMAIL.search(read)), bool(_ASKS_PHONE.search(read))
    if emails == phones:
        return None
    lookups = person_lookups(specs)
    want = next((n for n in lookups if ("email" in n) == emails and ("phone" in n) == phones), None)
    used = {d for t in tasks for d in t.deps}
    if want is None or not tasks or any(t.tool not in lookups or t.id in used for t in tasks):
        return None
    out = [replace(t, tool=want, line=f"{t.id}. {format_call(want, t.args)}")
           if t.tool != want and set(t.args) <= {p.name for p in specs[want].params} else t for t in tasks]
    return out if out != tasks else None


_NAME = re.compile(r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\.?")  # "Li Wei", "O'Brien", "Dr. Ali"


def _each_name(item, said: set[str]) -> list:
    """"yuki and James" as the two names it lists, where each is a name the request says; else the item."""
    parts = re.split(r"\s*(?:,|&|\band\b)\s*", item.strip()) if isinstance(item, str) else []
    if len(parts) > 1 and all(x and _NAME.fullmatch(x) and {w.casefold() for w in _LETTERS.findall(x)} & said
                              for x in parts):
        return parts
    return [item]


#: Recipients that are everyone named so far: "mail it to both", "send it to all of them"
_EVERYONE = {"both", "both of them", "them both", "them", "all", "all of them", "everyone", "everybody", "each of them",
             "the two of them", "the both of them", "all three", "the three of them"}


@rule("look_up_names", "compile",
      "a recipient written as a name is looked up first", "people")
def look_up_names(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request,
                  context: str = "") -> list[Task] | None:
    """The tasks with each recipient written as a name ("Arash"; "yuki and James" as two) looked up first, as the plan
    language has it (``get_phone_number(name="Arash")`` and ``"$K"``), reusing a look-up the plan
    already makes; None when there is none to look up (addresses, numbers, references and anything
    with a digit stay as written, and so does a name the request and the person's earlier turns do
    not say, for the plan checks to refuse)."""
    if not tasks:
        return None
    said = as_request(query, context=context).named_folded
    first_id, new_id, out, changed = tasks[0].id, NEW_ID, [], False
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
            for item in [x for v in value for x in _each_name(v, said)]:
                if isinstance(item, str) and item.strip().casefold() in _EVERYONE:
                    # "mail it to both": the people this plan looks up so far, where there are two or more
                    tool = tool or lookup_for(f"{p.description} {spec.description}", specs)
                    found = list(dict.fromkeys(k for (by, _), k in made.items() if by == tool and k != t.id))
                    if len(found) >= 2:
                        items += [f"${k}" for k in found]
                        deps.update(found)
                        continue
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


@rule("drop_address_lookups", "compile",
      "an address or number written out is used as written, not looked up", "people")
def drop_address_lookups(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request = "") -> list[Task] | None:
    """The tasks without person look-ups of an address or number written out
    (``get_email_address(name="accounting@example.com")``), or of the name an address in the request
    spells (``name="George Davis"`` for george.davis@company.example): each use of such a step gets
    the address itself. None when there is none, or when the look-up's result is used inside longer
    text."""
    lookups = person_lookups(specs)
    spelt = {tuple(re.split(r"[._-]+", a.split("@")[0].lower())): a for a in as_request(query).addresses}
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




_ADDRESS = re.compile(EMAIL.pattern + r"|\+?[\d][\d ().-]{5,}\d")  # an email address or a phone number


#: The words of a time a name may run on into: "Aisha wednesday 2pm" for "with Tom Becker and Aisha wednesday 2pm"
_TIME_TAIL = re.compile(r"(?:\s+(?:on|at|this|next|from|the|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
                        r"today|tomorrow|tonight|tmrw|morning|afternoon|evening|noon|\d{1,2}(?::\d{2}\s*(?:am|pm)?|\s*(?:am|pm))|"
                        r"\d{1,2}(?:st|nd|rd|th)|\d{1,2}\b))+\s*$", re.I)
#: (a bare hour after "at" is a clock too: "Priya and Marcus Tuesday at 10")
_CLOCK = re.compile(r"\d{1,2}(?::\d{2}|\s*(?:am|pm))|\bnoon\b|\d(?:st|nd|rd|th)\b|\bat\s+\d{1,2}\s*$", re.I)


@rule("names_without_times", "compile",
      "a person's name that runs on into the request's time ('Aisha wednesday 2pm') is the name alone", "people")
def names_without_times(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"Schedule a planning session with Tom Becker and Aisha wednesday 2pm" looked up a contact "Aisha wednesday 2pm",
    and the event was skipped. A name given for a person (a look-up's name, a recipient written as a name) whose last
    words are a time the request says (a clock time or a date, with its day) is the name without them, where a name
    without digits is left."""
    said = as_request(query).query.lower()

    def cut(value):
        if not isinstance(value, str) or is_ref(value) is not None:
            return None
        m = _TIME_TAIL.search(value)
        name = value[:m.start()].strip() if m else ""
        # (a time in it, not only a day: "Sam Friday" may be a name; a number is never cut: "079 884 21 03")
        return name if m and name and not re.search(r"\d", name) and _CLOCK.search(m.group(0)) \
            and m.group(0).strip().lower() in said else None

    def mended(t: Task, p, v):
        if p.role == "person":
            return cut(v)
        if p.role == "people" and isinstance(v, list):
            new = [cut(x) or x for x in v]
            return new if new != v else None
        return None
    return rewrite_params(tasks, specs, mended)


#: A person and where they work: "Maria at Northwind", "David Kim from Northwind", "Lucas Martin (Martin Accounting)"
_AT_FIRM = rf"(?P<name>{TITLE}?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:at|from|of|\()\s*(?:the\s+)?{{firm}}\b"
#: Whom a message goes to, before what it says: "to my grandson, Mr. Oliver Bennett, saying ..."
_TO_THEN_SAYING = re.compile(rf"\bto\s+(?:my\s+[a-z]+\s*,\s*)?(?P<name>{TITLE}?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
                             r"\s*,?\s+(?:saying|to\s+say|that\s+says|telling|:)\s+(?P<said>.+)$", re.S)


@rule("person_not_the_firm", "compile",
      "a person looked up or written as the firm they work at ('text Maria at Northwind') is the person; one looked up by "
      "a name said only in the message is the one it goes to", "people")
def person_not_the_firm(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"text Maria at Northwind the new pricing is live" was planned with Maria looked up and the text sent to
    "Northwind", which was then looked up; "send a text message to my grandson, Mr. Oliver Bennett, saying happy birthday
    from Grandma" looked up "Grandma". A person's name (a look-up's, or a recipient written as a name) that is the
    firm after "X at", or a name said only in the words sent, where the request sends to one person by name, is that
    person."""
    text = as_request(query).query
    told = _TO_THEN_SAYING.search(text)
    # (what is said ends where another message begins: "..., and another to Joost saying ...")
    said = re.split(r",?\s+and\s+(?:another|also|then)\b|\band\s+(?:text|email|send|tell|message)\b|\bto\s+[A-Z]",
                    told.group("said"))[0] if told else ""

    def person(value: str) -> str | None:
        if not isinstance(value, str) or not value.strip() or is_ref(value) is not None:
            return None
        m = re.search(_AT_FIRM.format(firm=re.escape(value.strip())), text)
        if m and m.group("name").lower() != value.strip().lower():
            return m.group("name")
        if told and re.search(rf"(?<!\w){re.escape(value.strip())}(?!\w)", said, re.I) \
                and not re.search(rf"(?<!\w){re.escape(value.strip())}(?!\w)", text[:told.start("said")], re.I):
            return told.group("name")
        return None

    def mended(t: Task, p, v):
        if p.role == "person":
            return person(v)
        if p.role == "people" and isinstance(v, list):
            new = [person(x) or x for x in v]
            return new if new != v else None
        return None
    return rewrite_params(tasks, specs, mended)
