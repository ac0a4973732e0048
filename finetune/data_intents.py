"""Request templates over the real tools: each intent writes an English clause and its gold steps.

An intent is a function ``(g) -> clause`` that adds steps to ``g`` (a :class:`Gen`) and returns the
words a person would use for them. Requests are made of one to three intents joined by "and",
"then", "also"; steps of different intents are independent, steps inside one intent may use "$K".
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, Callable

from tinyagent.finetune import data_vocab as V


@dataclass
class Gen:
    """The request being generated: random source, today's date and the gold steps so far."""

    r: random.Random
    today: dt.date
    steps: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    question: bool = False  # the request asks for information (ends with "?")

    def add(self, tool: str, **args: Any) -> str:
        """Append a step; returns its reference "$K"."""
        self.steps.append((tool, args))
        return f"${len(self.steps)}"

    def pick(self, templates: list[str], **slots: Any) -> str:
        return self.r.choice(templates).format(**slots)

    def chance(self, p: float) -> bool:
        return self.r.random() < p


def strip_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def names_text(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def lookup_people(g: Gen, tool: str, n_max: int = 2, p_two: float = 0.2) -> tuple[str, list[str]]:
    """Pick 1-2 people, add a lookup step for each; returns (their names as text, refs)."""
    n = 2 if n_max > 1 and g.chance(p_two) else 1
    names = []
    while len(names) < n:
        name = V.person(g.r)
        if name.split()[0] not in {x.split()[0] for x in names}:
            names.append(name)
    return names_text(names), [g.add(tool, name=name) for name in names]


# -- contacts ----------------------------------------------------------------------------------
def ask_phone(g: Gen, solo: bool) -> str:
    who = V.person(g.r)
    g.add("get_phone_number", name=who)
    if solo and g.chance(0.7):
        g.question = True
        return g.pick(["what's {w}'s phone number", "what is {w}'s number", "do I have {w}'s number",
                       "what number does {w} have", "can you find {w}'s phone number",
                       "what's the phone number of {w}", "how can I call {w}"], w=who)
    return g.pick(["get {w}'s phone number", "look up {w}'s number", "find the phone number of {w}",
                   "tell me {w}'s cell number", "give me {w}'s number", "pull up {w}'s phone number",
                   "I need {w}'s phone number", "search my contacts for {w}'s number"], w=who)


def ask_email(g: Gen, solo: bool) -> str:
    who = V.person(g.r)
    g.add("get_email_address", name=who)
    if solo and g.chance(0.7):
        g.question = True
        return g.pick(["what's {w}'s email address", "what is {w}'s email", "which email does {w} use",
                       "do you have {w}'s email address", "what's the email of {w}",
                       "can you tell me {w}'s email"], w=who)
    return g.pick(["get {w}'s email address", "look up {w}'s email", "find the email address of {w}",
                   "tell me {w}'s email", "pull up {w}'s email address", "I need {w}'s email",
                   "check my contacts for {w}'s email", "give me the email of {w}"], w=who)


# -- mail --------------------------------------------------------------------------------------
def _attachment(g: Gen) -> tuple[str, list[str]]:
    f = g.r.choice(V.FILES)
    ref = g.add("open_and_get_file_path", file_name=f)
    text = g.pick([" and attach the {f}", ", attaching the {f} file", " with the {f} attached",
                   " and include my {f} file", " and attach {f}", " with {f} as an attachment"], f=f)
    return text, [ref]


def _cc(g: Gen) -> tuple[str, list[str]]:
    who = V.person(g.r)
    ref = g.add("get_email_address", name=who)
    return g.pick([" and cc {w}", ", cc'ing {w}", " (cc {w})", " with {w} in cc", ", copy {w}"], w=who), [ref]


def email(g: Gen, solo: bool) -> str:
    if g.chance(0.1):
        names = [V.email_of(V.person(g.r, 1.0), g.r)]
        who, refs = names[0], names
    else:
        who, refs = lookup_people(g, "get_email_address")
    topic = g.r.choice(V.TOPICS)
    body = g.r.choice(V.EMAIL_BODIES)
    att, att_refs = _attachment(g) if g.chance(0.25) else ("", [])
    cc, cc_refs = _cc(g) if g.chance(0.12) else ("", [])
    subject = cap(strip_the(topic))
    if g.chance(0.15):
        subject = g.r.choice(["Quick question", "Follow-up", "Update", "Next steps", "Checking in"])
        clause = g.pick(["draft an email to {w} with the subject '{s}' to {b}",
                         "email {w} with subject \"{s}\" and {b}",
                         "write an email titled '{s}' to {w} to {b}"], w=who, s=subject, b=body)
    else:
        clause = g.pick(["email {w} about {t} to {b}", "send an email to {w} about {t}: {b}",
                         "write {w} an email about {t} and {b}", "shoot {w} an email to {b} regarding {t}",
                         "compose a mail to {w} about {t} - {b}", "mail {w} regarding {t}; {b}",
                         "send {w} an email on {t} to {b}", "drop {w} a line about {t} and {b}",
                         "email {w} to {b} about {t}"], w=who, t=topic, b=body)
    args: dict[str, Any] = {"recipients": refs}
    if cc_refs:
        args["cc"] = cc_refs
    args["subject"] = subject
    args["context"] = cap(body)
    if att_refs:
        args["attachments"] = att_refs
    g.add("compose_new_email", **args)
    return clause + cc + att


def reply(g: Gen, solo: bool) -> str:
    att, att_refs = _attachment(g) if g.chance(0.25) else ("", [])
    cc, cc_refs = _cc(g) if g.chance(0.15) else ("", [])
    if g.chance(0.5):
        msg = g.r.choice(V.MESSAGES)
        clause = g.pick(["reply to the email saying {m}", "respond to that email: {m}", "reply to this mail with '{m}'",
                         "send a reply: {m}", "respond to the message saying '{m}'", "reply '{m}'",
                         "answer the last email with \"{m}\"", "write back: {m}"], m=msg)
    else:
        msg = g.r.choice(V.EMAIL_BODIES)
        clause = g.pick(["reply to the email to {m}", "respond to that email and {m}", "answer the last email and {m}",
                         "write back to the email and {m}", "reply and {m}", "send a reply to {m}",
                         "respond to the latest email to {m}", "reply to that message and {m}"], m=msg)
    args: dict[str, Any] = {}
    if cc_refs:
        args["cc"] = cc_refs
    args["context"] = cap(msg)
    if att_refs:
        args["attachments"] = att_refs
    g.add("reply_to_email", **args)
    return clause + cc + att


def forward(g: Gen, solo: bool) -> str:
    who, refs = lookup_people(g, "get_email_address")
    note = g.r.choice(V.MESSAGES + V.EMAIL_BODIES) if g.chance(0.4) else ""
    att, att_refs = _attachment(g) if g.chance(0.15) else ("", [])
    clause = g.pick(["forward this email to {w}", "forward the email to {w}", "send this mail on to {w}",
                     "pass this email along to {w}", "fwd the message to {w}", "forward it to {w}",
                     "share this email with {w}", "forward that message to {w}"], w=who)
    if note:
        clause += g.pick([" and add a note to {m}", " with the note '{m}'", " saying {m}"], m=note)
    args: dict[str, Any] = {"recipients": refs}
    if note:
        args["context"] = cap(note)
    if att_refs:
        args["attachments"] = att_refs
    g.add("forward_email", **args)
    return clause + att


# -- calendar and zoom -------------------------------------------------------------------------
def _span(g: Gen) -> tuple[str, dt.datetime, dt.datetime]:
    """When an event happens, as words, start and end (default length: one hour)."""
    if g.chance(0.2):
        dtext, day = V.date_phrase(g.r, g.today)
        t1, s = V.time_phrase(g.r)
        minutes = g.r.choice([30, 60, 60, 90, 120])
        end = dt.datetime.combine(day, s) + dt.timedelta(minutes=minutes)
        if end.date() == day:
            t2 = end.strftime("%H:%M") if ":" in t1 and "m" not in t1 else (
                end.strftime("%I:%M%p").lstrip("0").lower().replace(":00", ""))
            return f"{dtext} from {t1} to {t2}", dt.datetime.combine(day, s), end
    text, start = V.when_phrase(g.r, g.today)
    if g.chance(0.3):
        dtext, minutes = V.duration_phrase(g.r)
        return text + f" for {dtext}", start, start + dt.timedelta(minutes=minutes)
    return text, start, start + dt.timedelta(hours=1)


def event(g: Gen, solo: bool) -> str:
    first = g.r.choice(V.FIRST)
    title = g.r.choice(V.EVENTS).format(first=first)
    when, start, end = _span(g)
    args: dict[str, Any] = {"title": title, "start_date": V.fmt(start), "end_date": V.fmt(end)}
    clause = g.pick(["schedule {t} {w}", "add {t} to my calendar {w}", "create an event called '{t}' {w}",
                     "put '{t}' on my calendar {w}", "block {w} for {t}", "I have {t} {w}, add it to my calendar",
                     "create a calendar event '{t}' {w}", "set up {t} {w}", "book {t} {w}",
                     "make a calendar entry for {t} {w}"], t=title, w=when)
    if g.chance(0.3):
        place = g.r.choice(V.PLACES)
        args["location"] = place
        clause += g.pick([" at {p}", " in {p}", ", location {p}"], p=place)
    if g.chance(0.3):
        who, refs = lookup_people(g, "get_email_address", p_two=0.35)
        args["invitees"] = refs
        clause += g.pick([" and invite {w}", " with {w}", ", invite {w}", " and add {w} to it"], w=who)
    if g.chance(0.15):
        note = V.fill(g.r.choice(V.NOTE_LINES), g.r)
        args["notes"] = cap(note)
        clause += g.pick([" with the note '{n}'", " and add a note: {n}", " (notes: {n})"], n=note)
    if g.chance(0.15):
        cal = g.r.choice(V.CALENDARS)
        args["calendar"] = cal
        clause += g.pick([" in my {c} calendar", " on the {c} calendar"], c=cal)
    g.add("create_calendar_event", **args)
    return clause


def zoom(g: Gen, solo: bool) -> str:
    topic = strip_the(g.r.choice(V.TOPICS))
    when, start = V.when_phrase(g.r, g.today)
    args: dict[str, Any] = {"topic": cap(topic), "start_time": V.fmt(start)}
    minutes = 60
    clause = g.pick(["create a zoom meeting about {t} {w}", "set up a Zoom call for {t} {w}",
                     "get me a zoom link for {t} {w}", "schedule a zoom meeting on {t} {w}",
                     "I need a Zoom meeting link for {t} {w}", "make a zoom call {w} about {t}",
                     "generate a zoom link for the {t} meeting {w}", "open a Zoom room for {t} {w}"],
                    t=topic, w=when)
    if g.chance(0.35):
        dtext, minutes = V.duration_phrase(g.r)
        args["duration"] = minutes
        clause += g.pick([" for {d}", ", {d} long", " lasting {d}"], d=dtext)
    invite = g.chance(0.3)
    if invite:
        who, refs = lookup_people(g, "get_email_address", p_two=0.3)
        args["meeting_invitees"] = refs
        clause += g.pick([" and invite {w}", " with {w}", ", inviting {w}"], w=who)
    link = g.add("get_zoom_meeting_link", **args)
    follow = g.r.random()
    if follow < 0.25:  # send the link by email
        who, refs = lookup_people(g, "get_email_address", n_max=1)
        clause += g.pick([" and email the link to {w}", ", then send {w} the link", " and send the link to {w} by email"],
                         w=who)
        g.add("compose_new_email", recipients=refs, subject=cap(topic),
              context=f"Join the Zoom meeting on {cap(topic)}: {link}")
    elif follow < 0.45:  # and put it on the calendar with the link
        end = start + dt.timedelta(minutes=minutes)
        clause += g.pick([" and put it on my calendar with the link", ", then add it to my calendar",
                          " and add the meeting to my calendar"])
        key = "location" if g.chance(0.5) else "notes"
        g.add("create_calendar_event", title=cap(topic), start_date=V.fmt(start), end_date=V.fmt(end),
              **{key: link})
    return clause


# -- messages ----------------------------------------------------------------------------------
def sms(g: Gen, solo: bool) -> str:
    msg = g.r.choice(V.MESSAGES)
    if g.chance(0.1):
        who = V.phone(g.r)
        refs = [who]
    else:
        who, refs = lookup_people(g, "get_phone_number", p_two=0.15)
    g.add("send_sms", recipients=refs, message=cap(msg))
    return g.pick(["text {w} '{m}'", "send {w} a text saying {m}", "message {w}: {m}", "sms {w} that {m}",
                   "send an SMS to {w}: \"{m}\"", "text {w} and say {m}", "let {w} know by text: {m}",
                   "shoot {w} a message saying '{m}'"], w=who, m=msg)


# -- maps --------------------------------------------------------------------------------------
def open_map(g: Gen, solo: bool) -> str:
    place = g.r.choice(V.PLACES)
    g.add("maps_open_location", location=place)
    if solo and g.chance(0.3):
        g.question = True
        return g.pick(["where is {p}", "can you show me where {p} is on the map"], p=place)
    return g.pick(["show {p} on the map", "open {p} in maps", "find {p} on the map", "pull up {p} in Maps",
                   "locate {p} on a map", "show me where {p} is", "open the map at {p}",
                   "map {p} for me"], p=place)


def directions(g: Gen, solo: bool) -> str:
    a, b = g.r.sample(V.PLACES, 2)
    args: dict[str, Any] = {}
    has_start = g.chance(0.6)
    if has_start:
        args["start_location"] = a
    args["end_location"] = b
    mode = ""
    if g.chance(0.5):
        mode_key = g.r.choice(list(V.TRANSPORT))
        mode = g.r.choice(V.TRANSPORT[mode_key])
        args["transport"] = mode_key[0] if mode_key != "transit" else "r"  # TinyAgent's d/w/r codes
    if has_start:
        clause = g.pick(["get directions from {a} to {b}", "show me the way from {a} to {b}",
                         "how do I get from {a} to {b}", "route from {a} to {b}",
                         "directions from {a} to {b} please", "navigate from {a} to {b}"], a=a, b=b)
    else:
        clause = g.pick(["get directions to {b}", "how do I get to {b}", "navigate to {b}",
                         "show me the route to {b}", "directions to {b}", "take me to {b}"], b=b)
    if mode:
        adverbial = mode.startswith(("by", "on", "walking", "driving"))
        clause += g.pick([" {m}", " ({m})"] if adverbial else [", I want to {m}", ", I'll {m}"], m=mode)
    g.add("maps_show_directions", **args)
    return clause


# -- notes, reminders, files -------------------------------------------------------------------
def new_note(g: Gen, solo: bool) -> str:
    name = g.r.choice(V.NOTE_NAMES)
    content = V.fill(g.r.choice(V.NOTE_LINES), g.r)
    args: dict[str, Any] = {"name": name, "content": cap(content)}
    clause = g.pick(["create a note called '{n}' with {c}", "make a new note '{n}': {c}",
                     "jot down '{c}' in a note named {n}", "start a note titled '{n}' saying {c}",
                     "save a note: {c}, call it {n}", "new note {n} - {c}", "write a note '{n}' that says {c}",
                     "create a {n} note with the text '{c}'"], n=name, c=content)
    if g.chance(0.25):
        folder = g.r.choice(V.NOTE_FOLDERS)
        args["folder"] = folder
        clause += g.pick([" in my {f} folder", " in the {f} folder", " (folder {f})"], f=folder)
    g.add("create_note", **args)
    return clause


def read_note(g: Gen, solo: bool) -> str:
    name = g.r.choice(V.NOTE_NAMES)
    args: dict[str, Any] = {"name": name}
    clause = g.pick(["open my {n} note", "show me the note '{n}'", "pull up {n} from my notes",
                     "read my {n} note", "display the {n} note", "find my note {n}", "open the note called {n}",
                     "show my '{n}' note"], n=name)
    if g.chance(0.2):
        folder = g.r.choice(V.NOTE_FOLDERS)
        args["folder"] = folder
        clause += g.pick([" in {f}", " from the {f} folder"], f=folder)
    g.add("open_note", **args)
    return clause


def add_to_note(g: Gen, solo: bool) -> str:
    name = g.r.choice(V.NOTE_NAMES)
    content = V.fill(g.r.choice(V.NOTE_LINES), g.r)
    args: dict[str, Any] = {"name": name, "content": cap(content)}
    clause = g.pick(["add '{c}' to my {n} note", "append {c} to the note {n}", "update the {n} note with {c}",
                     "put '{c}' at the end of my {n} note", "add a line to {n}: {c}", "in my {n} note, add {c}",
                     "extend the note '{n}' with '{c}'", "add {c} to {n} in my notes"], n=name, c=content)
    if g.chance(0.2):
        folder = g.r.choice(V.NOTE_FOLDERS)
        args["folder"] = folder
        clause += g.pick([" (in {f})", " in the {f} folder"], f=folder)
    g.add("append_note_content", **args)
    return clause


def reminder(g: Gen, solo: bool) -> str:
    task = V.fill(g.r.choice(V.REMINDERS), g.r)
    args: dict[str, Any] = {"name": cap(task)}
    kind = g.r.random()
    if kind < 0.6:
        when, due = V.when_phrase(g.r, g.today)
        args["due_date"] = V.fmt(due)
    elif kind < 0.85:
        when, day = V.date_phrase(g.r, g.today)
        args["due_date"] = V.fmt(dt.datetime.combine(day, dt.time()))
    else:
        when = ""
    if when:
        clause = g.pick(["remind me to {t} {w}", "set a reminder to {t} {w}", "add a reminder: {t}, {w}",
                         "create a reminder '{t}' due {w}", "don't let me forget to {t} {w}",
                         "I need to {t} {w}, remind me", "make a to-do to {t} {w}",
                         "new reminder {w}: {t}"], t=task, w=when)
    else:
        clause = g.pick(["remind me to {t}", "set a reminder to {t}", "add a reminder: {t}",
                         "create a reminder '{t}'", "don't let me forget to {t}", "make a to-do to {t}",
                         "new reminder: {t}", "add '{t}' to my reminders"], t=task)
    if g.chance(0.2):
        lst = g.r.choice(V.REMINDER_LISTS)
        args["list_name"] = lst
        clause += g.pick([" in my {l} list", " on the {l} list", " (list: {l})"], l=lst)
    if g.chance(0.12):
        note = V.fill(g.r.choice(V.NOTE_LINES), g.r)
        args["notes"] = cap(note)
        clause += g.pick([" with the note '{n}'", ", note: {n}"], n=note)
    if g.chance(0.1):
        level, value = g.r.choice([("high", 1), ("medium", 5), ("low", 9)])
        args["priority"] = value
        clause += g.pick([", {p} priority", " ({p} priority)", " and make it {p} priority"], p=level)
    if kind >= 0.6 and kind < 0.85:
        args["all_day"] = True
    g.add("create_reminder", **args)
    return clause


def open_file(g: Gen, solo: bool) -> str:
    f = g.r.choice(V.FILES)
    g.add("open_and_get_file_path", file_name=f)
    return g.pick(["open {f}", "find the file {f}", "open my {f} document", "locate {f} on my computer",
                   "get the path of {f}", "pull up the {f} file", "show me the {f} file", "open the {f} doc"], f=f)


def summarize(g: Gen, solo: bool) -> str:
    f = g.r.choice(V.PDFS)
    path = g.add("open_and_get_file_path", file_name=f)
    summary = g.add("summarize_pdf", pdf_path=path)
    clause = g.pick(["summarize the {f} pdf", "give me a summary of {f}", "summarize my {f}",
                     "can you sum up the {f} PDF", "read {f} and summarize it", "tl;dr the {f} document",
                     "make a short summary of the {f} pdf", "summarize the file {f}"], f=f)
    follow = g.r.random()
    if follow < 0.25:
        name = g.r.choice(V.NOTE_NAMES)
        clause += g.pick([" and save the summary in a note called {n}", ", then put the summary in a new note '{n}'",
                          " and write it to a note named {n}"], n=name)
        g.add("create_note", name=name, content=summary)
    elif follow < 0.45:
        who, refs = lookup_people(g, "get_email_address", n_max=1)
        clause += g.pick([" and email the summary to {w}", ", then send the summary to {w}",
                          " and mail {w} the summary"], w=who)
        g.add("compose_new_email", recipients=refs, subject=f"Summary of {f}", context=summary)
    elif follow < 0.55:
        name = g.r.choice(V.NOTE_NAMES)
        clause += g.pick([" and add it to my {n} note", ", then append the summary to {n}"], n=name)
        g.add("append_note_content", name=name, content=summary)
    return clause


# -- documents and code ------------------------------------------------------------------------
def search_docs(g: Gen, solo: bool) -> str:
    topic = g.r.choice(V.SEARCH_TOPICS)
    found = g.add("search_documents", query=strip_the(topic))
    if solo and g.chance(0.5):
        g.question = True
        clause = g.pick(["what do my documents say about {t}", "what did we write about {t}",
                         "according to my documents, what is {t}", "do my files mention {t}",
                         "what's {t} again", "remind me what {t} says", "how does {t} work",
                         "what are the rules on {t}", "quick question about {t}: what does it say",
                         "where can I read about {t}"], t=topic)
    else:
        clause = g.pick(["search my documents for {t}", "find what my files say about {t}",
                         "look up {t} in my docs", "check my documents on {t}", "search my notes and files for {t}",
                         "find {t} in my documents"], t=topic)
    if not g.question and g.chance(0.2):
        who, refs = lookup_people(g, "get_email_address", n_max=1)
        clause += g.pick([" and email what you find to {w}", ", then send it to {w}"], w=who)
        g.add("compose_new_email", recipients=refs, subject=cap(strip_the(topic)), context=found)
    return clause


def _calc(r: random.Random) -> tuple[str, str]:
    """A small computation in words and the Python that prints it."""
    k = r.randrange(10)
    a, b = r.randint(12, 999), r.randint(2, 99)
    if k == 0:
        p = r.choice([5, 8, 12, 15, 18, 20, 25])
        return f"{p}% of {a * 10}", f"print({p} / 100 * {a * 10})"
    if k == 1:
        years, rate = r.randint(2, 30), r.choice([2, 3, 4, 5, 7])
        return (f"the value of ${a * 100} after {years} years at {rate}% yearly interest",
                f"print(round({a * 100} * (1 + {rate} / 100) ** {years}, 2))")
    if k == 2:
        nums = [r.randint(1, 99) for _ in range(r.randint(3, 5))]
        words = ", ".join(map(str, nums[:-1])) + f" and {nums[-1]}"
        return f"the average of {words}", f"print(sum({nums}) / {len(nums)})"
    if k == 3:
        d1 = dt.date(2026, 1, 1) + dt.timedelta(days=r.randint(0, 300))
        d2 = d1 + dt.timedelta(days=r.randint(5, 400))
        return (f"how many days are between {d1.isoformat()} and {d2.isoformat()}",
                f"import datetime\nprint((datetime.date({d2.year}, {d2.month}, {d2.day}) - "
                f"datetime.date({d1.year}, {d1.month}, {d1.day})).days)")
    if k == 4:
        return f"the square root of {a * b}", f"import math\nprint(math.sqrt({a * b}))"
    if k == 5:
        return f"{a} times {b}", f"print({a} * {b})"
    if k == 6:
        n = r.randint(10, 40)
        return f"the {n}th Fibonacci number", f"a, b = 0, 1\nfor _ in range({n}):\n    a, b = b, a + b\nprint(a)"
    if k == 7:
        return f"{a % 110} degrees Fahrenheit in Celsius", f"print(round(({a % 110} - 32) * 5 / 9, 1))"
    if k == 8:
        return f"the sum of all numbers from 1 to {a}", f"print(sum(range(1, {a + 1})))"
    people = r.randint(2, 9)
    return f"how much each of {people} people pays for a ${a}.{b:02d} bill", f"print(round({a}.{b:02d} / {people}, 2))"


def python(g: Gen, solo: bool) -> str:
    words, code = _calc(g.r)
    g.add("run_python", code=code)
    if solo and g.chance(0.4):
        g.question = True
        return g.pick(["what is {x}", "can you work out {x}", "do you know {x}"], x=words)
    return g.pick(["calculate {x}", "compute {x}", "use python to compute {x}", "work out {x}",
                   "figure out {x}", "run a quick calculation: {x}", "tell me {x}", "calculate {x} for me"], x=words)


def email_and_text(g: Gen, solo: bool) -> str:
    """One person, two channels, the second named by a pronoun: "email Ana ... and text her ..."."""
    who = V.person(g.r)
    topic = g.r.choice(V.TOPICS)
    body = g.r.choice(V.EMAIL_BODIES)
    msg = g.r.choice(V.MESSAGES)
    mail = g.add("get_email_address", name=who)
    g.add("compose_new_email", recipients=[mail], subject=cap(strip_the(topic)), context=cap(body))
    phone = g.add("get_phone_number", name=who)
    g.add("send_sms", recipients=[phone], message=cap(msg))
    pron = g.r.choice(["her", "him", "them"])
    return g.pick(["email {w} about {t} to {b} and text {p} '{m}'", "send {w} an email on {t} to {b}, then text {p}: {m}",
                   "mail {w} regarding {t} ({b}) and also shoot {p} a text saying {m}"],
                  w=who, t=topic, b=body, p=pron, m=msg)


def lookup_then_text(g: Gen, solo: bool) -> str:
    """A question and an action on the same person: "what's Leo's number? text him ..."."""
    who = V.person(g.r)
    msg = g.r.choice(V.MESSAGES)
    ref = g.add("get_phone_number", name=who)
    g.add("send_sms", recipients=[ref], message=cap(msg))
    return g.pick(["find {w}'s number and text {p} '{m}'", "look up {w}'s phone number, then message {p}: {m}",
                   "get {w}'s cell and send {p} a text saying {m}"], w=who, p=g.r.choice(["her", "him", "them"]), m=msg)


#: Intent -> weight. Multi-step intents are favoured; single lookups still appear.
INTENTS: dict[Callable[[Gen, bool], str], float] = {
    ask_phone: 0.5, ask_email: 0.5, email: 2.2, reply: 0.6, forward: 0.6, event: 1.8, zoom: 1.2,
    sms: 1.2, open_map: 0.6, directions: 0.8, new_note: 0.9, read_note: 0.5, add_to_note: 0.7,
    reminder: 1.1, open_file: 0.5, summarize: 1.2, search_docs: 0.8, python: 0.8,
    email_and_text: 0.4, lookup_then_text: 0.3,
}
