"""The outcome benchmark's requests over the sample workspace and the checks of the files they leave (frozen).

Today is Monday 2026-11-30, 10:00 (bench/outcomes.py pins it). Date conventions the checks hold
the agent to: "next <weekday>" and a bare "<weekday>" are the first such day strictly after
today; "this <weekday>" is on or after today; "next week" is Monday 2026-12-07; "tonight" 20:00,
"noon" 12:00, "morning" 09:00, "afternoon" 14:00, "evening" 18:00; an event without an end
lasts one hour. A check is a function (workspace, final answer of each turn, graph output of
each turn) -> failure strings, empty when the outcome is right. It reads the real files: the
.ics files with icalendar, the Maildir with mailbox/email, the notes as Markdown, the SMS outbox
as JSON lines. Anything written that a case does not expect is a failure too.

These cases were written before the code they judge changed; do not edit them to fit a result.
"""

from __future__ import annotations

import atexit
import functools
import json
import mailbox
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path
from typing import Any, Callable

from tinyagent.tools import sample
from tinyagent.tools.calendar import CALENDAR_FILE, REMINDERS_FILE
from tinyagent.tools.inbox import MAIL_DIR
from tinyagent.tools.notes import NOTE_SUFFIXES, NOTES_DIR
from tinyagent.tools.sms import OUTBOX

#: (workspace, final answer of each turn, graph output of each turn) -> failures.
Check = Callable[[Path, list[str], list[dict]], list[str]]

OUTGOING = ("drafts", "outbox", "sent")
EMAIL = {name.split()[0]: mail for name, mail, _, _ in sample.CONTACTS}
PHONE = {name.split()[0]: phone for name, _, phone, _ in sample.CONTACTS}
Q3, LISBON, HANDBOOK = "Project_Falcon_Q3_Report.pdf", "Lisbon_Trip_Itinerary.pdf", "Team_Handbook.pdf"

NOT_FOUND = (r"not found|(couldn't|could not|can't|cannot|unable to|did not|didn't) (find|locate)|"
             r"no (contact|one|person|match|file|document|note|e-?mail|message)|not in your|"
             r"(isn't|is not|aren't|are not) in|(doesn't|does not) (exist|match)|unknown|"
             r"(don't|do not) (have|see)|no such|\bno\b[^.]{0,30}\bmatch")
CANT = (r"can'?t|cannot|can not|unable|not able|no tool|(don't|do not) have|not possible|"
        r"(isn't|is not|not) supported|no way|sorry|outside")
#: First words that show a mail body or a text message is the person's instruction copied.
RAW_MAIL = {"ask", "asking", "tell", "email", "e-mail", "reply", "forward", "remind"}
RAW_SMS = {"ask", "tell", "text", "send", "that", "remind", "message"}
REF = re.compile(r"\$\d")
NUMBER = re.compile(r"\+?\d[\d\s().-]{5,}\d")


def has_phone_number(text: str) -> bool:
    """A run of digits, spaces and dashes with at least 7 digits (not '10 - 12:30')."""
    return any(sum(c.isdigit() for c in m.group()) >= 7 for m in NUMBER.finditer(text))


# -- readers of what the tools wrote ---------------------------------------------------------
@dataclass
class Item:
    """One thing found in the workspace: an event, reminder, mail, SMS or note."""

    kind: str
    key: tuple
    fields: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["fields"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __str__(self) -> str:
        f = self.fields
        if self.kind == "mail":
            extra = f" with {', '.join(f['attachments'])}" if f["attachments"] else ""
            return f"mail to {', '.join(sorted(f['to'])) or '(nobody)'} '{f['subject']}'{extra}"
        if self.kind == "SMS":
            return f"SMS to {', '.join(f['to'])}: {f['message']!r}"
        if self.kind == "note":
            return f"note {f['path']}"
        when = f["start"] if self.kind == "event" else f["due"]
        return f"{self.kind} '{f['title']}' at {when}"


def _naive(value: Any) -> Any:
    """A datetime as wall-clock time (tzinfo dropped); a date stays a date."""
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def _ics_files(ws: Path) -> list[Path]:
    return [p for p in [ws / CALENDAR_FILE, ws / REMINDERS_FILE, *sorted((ws / "Calendars").glob("*.ics")),
                        *sorted((ws / "Reminders").glob("*.ics"))] if p.is_file()]


def _components(ws: Path, name: str):
    from icalendar import Calendar

    for path in _ics_files(ws):
        for comp in Calendar.from_ical(path.read_bytes()).walk(name):
            yield path, comp


def _attendees(comp) -> set[str]:
    found = comp.get("attendee") or []
    found = found if isinstance(found, list) else [found]
    return {str(a).lower().removeprefix("mailto:") for a in found}


def events(ws: Path) -> list[Item]:
    """Every VEVENT in calendar.ics and Calendars/*.ics."""
    out = []
    for path, comp in _components(ws, "VEVENT"):
        start = _naive(comp["dtstart"].dt)
        end = _naive(comp["dtend"].dt) if comp.get("dtend") else None
        title = str(comp.get("summary", ""))
        out.append(Item("event", (title, str(start)), {
            "title": title, "start": start, "end": end, "all_day": not isinstance(start, datetime),
            "invitees": _attendees(comp), "location": str(comp.get("location", "")),
            "notes": str(comp.get("description", "")), "file": path.name}))
    return out


def reminders(ws: Path) -> list[Item]:
    """Every VTODO in reminders.ics and Reminders/*.ics."""
    out = []
    for path, comp in _components(ws, "VTODO"):
        due = _naive(comp["due"].dt) if comp.get("due") else None
        title = str(comp.get("summary", ""))
        out.append(Item("reminder", (title, str(due)), {
            "title": title, "due": due, "notes": str(comp.get("description", "")), "file": path.name}))
    return out


def _body(msg) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    return part.get_content().strip() if part is not None else ""


def mails(ws: Path, folders: tuple[str, ...] = OUTGOING) -> list[Item]:
    """Every mail in the given Maildir folders (default: the outgoing ones)."""
    out = []
    for folder in folders:
        box = mailbox.Maildir(ws / MAIL_DIR / folder, factory=None, create=False)
        for key in sorted(box.keys()):
            msg = BytesParser(policy=policy.default).parsebytes(box.get_bytes(key))
            addrs = lambda h: {a.lower() for _, a in getaddresses([str(msg[h] or "")]) if a}  # noqa: E731
            body = _body(msg)
            own = re.split(r"(?:^|\n)(?:On .* wrote:|-+ Forwarded message -+)", body)[0].strip()
            out.append(Item("mail", (folder, key), {
                "folder": folder, "to": addrs("To"), "cc": addrs("Cc"), "subject": str(msg["Subject"] or ""),
                "body": body, "own_text": own,
                "attachments": [p.get_filename() or "" for p in msg.iter_attachments()]}))
    return out


def sms(ws: Path) -> list[Item]:
    """Every text message queued in the SMS outbox (one JSON object a line)."""
    path = ws / OUTBOX
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Item("SMS", (r.get("id"),), {"to": list(r.get("to", [])), "message": str(r.get("message", ""))})
            for r in lines]


def notes(ws: Path) -> list[Item]:
    """Every note file under Notes/, keyed by its path and content."""
    root = ws / NOTES_DIR
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in NOTE_SUFFIXES and not path.name.startswith("."):
            text = path.read_text(encoding="utf-8", errors="replace")
            rel = path.relative_to(root).as_posix()
            out.append(Item("note", (rel, text), {"name": path.stem, "path": rel, "text": text}))
    return out


def note(ws: Path, name: str) -> str | None:
    """The text of the note called ``name`` (any folder, case ignored), or None."""
    return next((n.text for n in notes(ws) if n.name.lower() == name.lower()), None)


READERS = {"mail": mails, "SMS": sms, "event": events, "reminder": reminders, "note": notes}


@functools.lru_cache(maxsize=1)
def _baseline() -> dict[str, set]:
    """The keys of what a fresh sample workspace already holds, per kind."""
    from tinyagent.tools.workspace import init_workspace

    tmp = tempfile.TemporaryDirectory(prefix="tinyagent-outcomes-baseline-")
    atexit.register(tmp.cleanup)
    ws = init_workspace(Path(tmp.name) / "ws", sample=True)
    return {kind: {item.key for item in read(ws)} for kind, read in READERS.items()}


def written(ws: Path) -> dict[str, list[Item]]:
    """What the run added or changed, per kind (items absent from a fresh sample workspace)."""
    base = _baseline()
    return {kind: [i for i in read(ws) if i.key not in base[kind]] for kind, read in READERS.items()}


# -- what a case expects -----------------------------------------------------------------------
def _when(text: str) -> datetime | date:
    """'2026-12-04 15:00' -> datetime, '2026-12-05' -> date."""
    return datetime.fromisoformat(text) if " " in text or "T" in text else date.fromisoformat(text)


def _search(pattern: str | None, text: str) -> bool:
    return pattern is None or re.search(pattern, text or "", re.I | re.S) is not None


def same_time(actual: Any, expected: str) -> bool:
    """An expected date-time matches that exact time; an expected date matches any time that day."""
    want = _when(expected)
    if actual is None:
        return False
    if isinstance(want, datetime):
        return isinstance(actual, datetime) and actual == want
    return (actual.date() if isinstance(actual, datetime) else actual) == want


@dataclass(frozen=True)
class Mail:
    """An outgoing mail: exact recipients and cc, exactly these attachments, patterns in subject/body."""

    to: tuple[str, ...]
    attach: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str | None = None
    body: str | None = None

    def problems(self, m: Item) -> list[str]:
        out = []
        if m.to != {a.lower() for a in self.to}:
            out.append(f"recipients {sorted(m.to)}, expected {sorted(self.to)}")
        if m.cc != {a.lower() for a in self.cc}:
            out.append(f"cc {sorted(m.cc)}, expected {sorted(self.cc)}")
        if sorted(m.attachments) != sorted(self.attach):
            out.append(f"attachments {m.attachments or 'none'}, expected {list(self.attach) or 'none'}")
        if not _search(self.subject, m.subject):
            out.append(f"subject {m.subject!r} does not match /{self.subject}/")
        if not _search(self.body, m.body):
            out.append(f"body {m.own_text[:80]!r} does not match /{self.body}/")
        return out

    def __str__(self) -> str:
        return f"mail to {', '.join(self.to)}" + (f" with {', '.join(self.attach)}" if self.attach else "")


@dataclass(frozen=True)
class Sms:
    """A text message to exactly this number whose text matches a pattern."""

    to: str
    text: str | None = None

    def problems(self, s: Item) -> list[str]:
        out = [] if s.to == [self.to] else [f"sent to {s.to}, expected [{self.to!r}]"]
        if not _search(self.text, s.message):
            out.append(f"message {s.message!r} does not match /{self.text}/")
        return out

    def __str__(self) -> str:
        return f"SMS to {self.to}"


@dataclass(frozen=True)
class Event:
    """A calendar event at ``start`` ('YYYY-MM-DD HH:MM', or a date for an all-day event).

    ``end`` defaults to one hour after a timed start (the day itself for an all-day event).
    Attendees: every address of ``invitees``, and none beyond ``invitees`` + ``may_invite``.
    """

    start: str
    title: str | None = None
    end: str | None = None
    invitees: tuple[str, ...] = ()
    may_invite: tuple[str, ...] = ()
    location: str | None = None

    def problems(self, e: Item) -> list[str]:
        out = []
        want = _when(self.start)
        if isinstance(want, datetime):
            if not same_time(e.start, self.start):
                out.append(f"starts {e.start}, expected {want}")
            end = _when(self.end) if self.end else want + timedelta(hours=1)
            if e.end != end:
                out.append(f"ends {e.end}, expected {end}")
        else:
            if not e.all_day or e.start != want:
                out.append(f"starts {e.start}, expected all day {want}")
            elif e.end not in (None, want + timedelta(days=1)):
                out.append(f"ends {e.end}, expected one all-day event on {want}")
        if not _search(self.title, e.title):
            out.append(f"title {e.title!r} does not match /{self.title}/")
        if not _search(self.location, e.location):
            out.append(f"location {e.location!r} does not match /{self.location}/")
        need, allowed = {a.lower() for a in self.invitees}, {a.lower() for a in self.invitees + self.may_invite}
        if not need <= e.invitees or not e.invitees <= allowed:
            out.append(f"invitees {sorted(e.invitees) or 'none'}, expected {sorted(need) or 'none'}"
                       + (f" (may add {sorted(allowed - need)})" if allowed - need else ""))
        return out

    def __str__(self) -> str:
        return f"event at {self.start}"


@dataclass(frozen=True)
class Reminder:
    """A reminder due at ``due`` (a date accepts any time that day; None: any or no due date)."""

    due: str | None = None
    title: str | None = None

    def problems(self, r: Item) -> list[str]:
        out = []
        if self.due is not None and not same_time(r.due, self.due):
            out.append(f"due {r.due}, expected {_when(self.due)}")
        if not _search(self.title, r.title + " " + r.notes):
            out.append(f"title {r.title!r} does not match /{self.title}/")
        return out

    def __str__(self) -> str:
        return f"reminder due {self.due or '(any time)'}"


@dataclass(frozen=True)
class Note:
    """A note called ``name`` (new or changed) whose text matches every pattern of ``has``."""

    name: str
    has: tuple[str, ...] = ()

    def problems(self, n: Item) -> list[str]:
        if n.name.lower() != self.name.lower():
            return [f"note is called {n.name!r}, expected {self.name!r}"]
        return [f"note {n.path} lacks /{p}/" for p in self.has if not _search(p, n.text)]

    def __str__(self) -> str:
        return f"note '{self.name}'"


def _match(kind: str, specs: list, found: list[Item]) -> list[str]:
    """Pair each expected item with a distinct found one; report the misses and the extras."""
    out, left = [], list(found)
    for spec in specs:
        ranked = sorted(left, key=lambda item: len(spec.problems(item)))
        if ranked and not spec.problems(ranked[0]):
            left.remove(ranked[0])
        elif ranked:
            out.append(f"expected {spec}; closest {ranked[0]}: {'; '.join(spec.problems(ranked[0]))}")
            left.remove(ranked[0])
        else:
            out.append(f"expected {spec}; no {kind} was written")
    return out + [f"unexpected {item}" for item in left]


def content_problems(new: dict[str, list[Item]]) -> list[str]:
    """Rules for everything written: no unresolved $N, no copied instruction, attachments as claimed."""
    out = []
    for m in new["mail"]:
        if REF.search(m.subject + m.body):
            out.append(f"{m} contains an unresolved reference ($N)")
        first = (m.own_text.split() or [""])[0].lower().strip(",.:")
        if first in RAW_MAIL:
            out.append(f"{m} body is the instruction, not a message: {m.own_text[:60]!r}")
        if not m.attachments and re.search(r"\battach", m.own_text, re.I):
            out.append(f"{m} says it has an attachment but has none")
    for s in new["SMS"]:
        if REF.search(s.message):
            out.append(f"{s} contains an unresolved reference ($N)")
        if has_phone_number(s.message):
            out.append(f"{s} contains a phone number instead of the message")
        first = (s.message.split() or [""])[0].lower().strip(",.:")
        if first in RAW_SMS:
            out.append(f"{s} is the instruction, not a message")
    for item in new["event"] + new["reminder"] + new["note"]:
        if REF.search(item.title if item.kind != "note" else item.text):
            out.append(f"{item} contains an unresolved reference ($N)")
    return out


def outcome(*, mails: list[Mail] = (), sms: list[Sms] = (), events: list[Event] = (),
            reminders: list[Reminder] = (), notes: list[Note] = (), answer: str | dict[int, str] | None = None,
            not_found: str | None = None, ran: tuple[str, ...] = ()) -> Check:
    """A check: exactly the listed things were written (nothing else), they obey the content rules,
    the answer of the last turn (or of the turns a dict names) matches ``answer``, it says that
    ``not_found`` was not found, and every tool of ``ran`` succeeded in some turn."""
    expected = {"mail": list(mails), "SMS": list(sms), "event": list(events),
                "reminder": list(reminders), "note": list(notes)}
    patterns = answer if isinstance(answer, dict) else ({-1: answer} if answer else {})

    def check(ws: Path, answers: list[str], runs: list[dict]) -> list[str]:
        new = written(ws)
        out = [p for kind, specs in expected.items() for p in _match(kind, specs, new[kind])]
        out += content_problems(new)
        for turn, pattern in patterns.items():
            text = answers[turn] if answers else ""
            if not _search(pattern, text):
                out.append(f"answer {text[:100]!r} does not match /{pattern}/")
        if not_found is not None:
            text = answers[-1] if answers else ""
            if not (_search(re.escape(not_found), text) and _search(NOT_FOUND, text)):
                out.append(f"answer {text[:100]!r} does not say that '{not_found}' was not found")
        done = {t.get("tool") for run in runs for t in run.get("tasks", []) if t.get("status") == "done"}
        out += [f"{tool} did not run successfully" for tool in ran if tool not in done]
        return out

    return check


def date_found(ws: Path, start: str) -> bool:
    """Whether some event starts, or some reminder is due, at ``start`` (what 'dates right' counts)."""
    return any(same_time(e.start, start) for e in events(ws)) or any(
        same_time(r.due, start) for r in reminders(ws))


# -- the cases ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One conversation: its turns (one thread), the check, and what the answer must not claim.

    ``expect``: action words (e.g. "sent", "booked") the final answer must not claim, whatever
    ran. ``phrase``/``start``: for date cases, the user's date phrase and the start it means.
    """

    id: str
    kind: str
    turns: tuple[str, ...]
    check: Check
    expect: frozenset[str] = field(default_factory=frozenset)
    phrase: str | None = None
    start: str | None = None


def case(id: str, kind: str, turns: str | list[str], check: Check, expect: set[str] = frozenset(),
         when: tuple[str, str] | None = None) -> Case:
    """A Case; ``when`` is (the user's date phrase, the start it means)."""
    return Case(id, kind, (turns,) if isinstance(turns, str) else tuple(turns), check, frozenset(expect),
                *(when or (None, None)))


SENT = {"sent", "emailed", "texted", "drafted", "forwarded", "replied", "attached", "queued"}
ANY_ACTION = SENT | {"created", "added", "scheduled", "saved", "booked", "ordered", "invited"}
E, P = EMAIL, PHONE

CASES: list[Case] = [
    # -- single tool ------------------------------------------------------------------------
    case("single_phone_marcus", "single", "What is Marcus Chen's phone number?",
         outcome(answer=r"555-0102"), ANY_ACTION),
    case("single_email_elena", "single", "What's Elena's email address?",
         outcome(answer=r"elena\.rossi@example\.com"), ANY_ACTION),
    case("single_note_create", "single", "Create a note called Gift ideas that says scarf for Elena, book for Nina",
         outcome(notes=[Note("Gift ideas", (r"scarf", r"book"))])),
    case("single_note_append", "single", "Add light bulbs to my shopping list",
         outcome(notes=[Note("Shopping list", (r"light bulbs", r"oat milk", r"batteries"))])),
    case("single_reminder", "single", "Remind me to buy coffee beans",
         outcome(reminders=[Reminder(title=r"coffee")])),
    case("single_sms_tom", "single", "Text Tom Becker that I'm running 10 minutes late",
         outcome(sms=[Sms(P["Tom"], r"late")])),
    case("single_zoom", "single", "Get me a Zoom link for the Falcon standup tomorrow at 9am",
         outcome(answer=r"https://\S+", ran=("get_zoom_meeting_link",))),
    case("single_directions", "single", "Show me directions from Alfama to Belem by public transport",
         outcome(answer=r"openstreetmap\.org/directions\S*", ran=("maps_show_directions",))),
    case("single_map", "single", "Show Parque das Nacoes on the map",
         outcome(answer=r"openstreetmap\.org/\S+", ran=("maps_open_location",))),
    case("single_summarize_pdf", "single", "Summarize the Lisbon trip itinerary PDF",
         outcome(answer=r"workshop|Alfama|TP ?1234|Belem|Casa do Rio", ran=("summarize_pdf",)), ANY_ACTION),
    case("single_open_note", "single", "What's on my shopping list?",
         outcome(answer=r"oat milk|coffee beans|tomatoes|basil|batteries"), ANY_ACTION),

    # -- several steps ----------------------------------------------------------------------
    case("multi_email_q3_sarah", "multi", "Email Sarah Lee the Q3 report",
         outcome(mails=[Mail((E["Sarah"],), (Q3,))])),
    case("multi_email_two_files", "multi", "Email Marcus the Q3 report and the team handbook",
         outcome(mails=[Mail((E["Marcus"],), (Q3, HANDBOOK))])),
    case("multi_invite", "multi", "Invite Marcus and Yuki to a firmware review on Thursday at 3pm",
         outcome(events=[Event("2026-12-03 15:00", r"firmware", invitees=(E["Marcus"], E["Yuki"]))]),
         when=("Thursday at 3pm", "2026-12-03 15:00")),
    case("multi_email_and_event", "multi",
         "Email Sarah the Q3 report and put a review with her on my calendar for Friday at 2pm",
         outcome(mails=[Mail((E["Sarah"],), (Q3,))],
                 events=[Event("2026-12-04 14:00", r"review", may_invite=(E["Sarah"],))]),
         when=("Friday at 2pm", "2026-12-04 14:00")),
    case("multi_sms_and_event", "multi",
         "Text Nina that book club moves to Thursday, and put book club on my calendar Thursday at 7pm",
         outcome(sms=[Sms(P["Nina"], r"thursday")], events=[Event("2026-12-03 19:00", r"book club")]),
         when=("Thursday at 7pm", "2026-12-03 19:00")),
    case("multi_pdf_to_note", "multi", "Summarize the Q3 report into a new note called Q3 summary",
         outcome(notes=[Note("Q3 summary", (r"falcon|sensor|budget|pilot|firmware",))])),
    case("multi_forward", "multi", "Forward Sarah's Q3 report email to Marcus",
         outcome(mails=[Mail((E["Marcus"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("multi_reply", "multi", "Reply to Priya's email that Friday lunch works for me",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"works|friday|yes|sounds good")])),
    case("multi_zoom_email", "multi",
         "Set up a Zoom call about the sensor supplier with Marcus and Priya tomorrow at 2pm and email them the link",
         outcome(mails=[Mail((E["Marcus"], E["Priya"]), body=r"https://\S+")], ran=("get_zoom_meeting_link",))),
    case("multi_event_location", "multi", "Add dinner with David Kim at Casa do Rio on Dec 7 at 7:30pm to my calendar",
         outcome(events=[Event("2026-12-07 19:30", r"dinner", may_invite=(E["David"],), location=r"casa do rio")]),
         when=("Dec 7 at 7:30pm", "2026-12-07 19:30")),
    case("multi_search_expenses", "question", "How long do I have to submit expense receipts?",
         outcome(answer=r"thirty days|30 days"), ANY_ACTION),
    case("multi_search_budget", "question", "How much of the Falcon budget had been spent by the end of September?",
         outcome(answer=r"412,?000|412 ?k|412 thousand"), ANY_ACTION),
    case("multi_search_core_hours", "question", "What are the core hours in the team handbook?",
         outcome(answer=r"(?=.*\b10\b)(?=.*(15:00|3 ?pm|15 ?h))"), ANY_ACTION),
    case("multi_search_lost_device", "question", "What should I do if I lose my laptop, according to the handbook?",
         outcome(answer=r"one day|1 day|24 hours|within a day"), ANY_ACTION),
    case("multi_flight_time", "question", "When does my flight to Lisbon leave on Monday?",
         outcome(answer=r"0?7:40|7\.40"), ANY_ACTION),

    # -- dates in many forms (checked in the .ics files) ------------------------------------
    case("date_next_friday", "date", "Put Falcon design review on my calendar next Friday at 3pm",
         outcome(events=[Event("2026-12-04 15:00", r"design review")]),
         when=("next Friday at 3pm", "2026-12-04 15:00")),
    case("date_tomorrow_9", "date", "Remind me to call the dentist tomorrow at 9",
         outcome(reminders=[Reminder("2026-12-01 09:00", r"dentist")]),
         when=("tomorrow at 9", "2026-12-01 09:00")),
    case("date_dec3_noon", "date", "Schedule lunch with Priya on Dec 3 at noon",
         outcome(events=[Event("2026-12-03 12:00", r"lunch", may_invite=(E["Priya"],))]),
         when=("Dec 3 at noon", "2026-12-03 12:00")),
    case("date_in_two_hours", "date", "Remind me to check the oven in two hours",
         outcome(reminders=[Reminder("2026-11-30 12:00", r"oven")]),
         when=("in two hours", "2026-11-30 12:00")),
    case("date_all_day_saturday", "date", "Block all day Saturday for the hiking trip",
         outcome(events=[Event("2026-12-05", r"hik")]),
         when=("all day Saturday", "2026-12-05")),
    case("date_tonight", "date", "Remind me to take out the trash tonight",
         outcome(reminders=[Reminder("2026-11-30 20:00", r"trash")]),
         when=("tonight", "2026-11-30 20:00")),
    case("date_thursday_morning", "date", "Add a dentist appointment on Thursday morning to my calendar",
         outcome(events=[Event("2026-12-03 09:00", r"dentist")]),
         when=("Thursday morning", "2026-12-03 09:00")),
    case("date_this_wednesday_evening", "date", "Remind me to water the plants this Wednesday evening",
         outcome(reminders=[Reminder("2026-12-02 18:00", r"plants|water")]),
         when=("this Wednesday evening", "2026-12-02 18:00")),
    case("date_wednesday_afternoon", "date", "Create an event called Budget review on Wednesday afternoon",
         outcome(events=[Event("2026-12-02 14:00", r"budget review")]),
         when=("Wednesday afternoon", "2026-12-02 14:00")),
    case("date_next_week", "date", "Remind me next week to renew my passport",
         outcome(reminders=[Reminder("2026-12-07", r"passport")]),
         when=("next week", "2026-12-07")),
    case("date_next_monday_1030", "date", "Schedule a call with Marcus next Monday at 10:30am",
         outcome(events=[Event("2026-12-07 10:30", r"call|marcus", may_invite=(E["Marcus"],))]),
         when=("next Monday at 10:30am", "2026-12-07 10:30")),
    case("date_range", "date", "Put the team offsite on my calendar on December 10 from 9am to 5pm",
         outcome(events=[Event("2026-12-10 09:00", r"offsite", end="2026-12-10 17:00")]),
         when=("December 10 from 9am", "2026-12-10 09:00")),
    case("date_slash", "date", "Remind me on 12/15 at 4 pm to pay the rent",
         outcome(reminders=[Reminder("2026-12-15 16:00", r"rent")]),
         when=("12/15 at 4 pm", "2026-12-15 16:00")),
    case("date_this_monday", "date", "Add yoga class to my calendar this Monday at 6pm",
         outcome(events=[Event("2026-11-30 18:00", r"yoga")]),
         when=("this Monday at 6pm", "2026-11-30 18:00")),
    case("date_in_3_days", "date", "Remind me in 3 days to follow up with Lucas about the invoice",
         outcome(reminders=[Reminder("2026-12-03", r"lucas|invoice")]),
         when=("in 3 days", "2026-12-03")),
    case("date_friday_11", "date", "Meet Elena on Friday at 11 for coffee, put it on my calendar",
         outcome(events=[Event("2026-12-04 11:00", r"elena|coffee", may_invite=(E["Elena"],))]),
         when=("Friday at 11", "2026-12-04 11:00")),
    case("date_friday_afternoon", "date", "Remind me to submit my expense receipts on Friday afternoon",
         outcome(reminders=[Reminder("2026-12-04 14:00", r"expense|receipt")]),
         when=("Friday afternoon", "2026-12-04 14:00")),
    case("date_two_hours_long", "date", "Schedule a 2-hour workshop prep session tomorrow afternoon",
         outcome(events=[Event("2026-12-01 14:00", r"workshop", end="2026-12-01 16:00")]),
         when=("tomorrow afternoon", "2026-12-01 14:00")),

    # -- the right people -------------------------------------------------------------------
    case("people_unknown_anna_email", "people", "Email Anna the Q3 report",
         outcome(not_found="Anna"), SENT),
    case("people_unknown_maria_sms", "people", "Text Maria that dinner is at 8",
         outcome(not_found="Maria"), SENT),
    case("people_unknown_invite", "people", "Invite Anna to the design review on Friday at 3pm",
         outcome(not_found="Anna"), {"invited", "created", "added", "scheduled"}),
    case("people_known_and_unknown", "people", "Email Sarah and Maria the team handbook",
         outcome(not_found="Maria"), SENT),
    case("people_unknown_phone", "people", "What is Maria's phone number?",
         outcome(not_found="Maria"), ANY_ACTION),
    case("people_priya_first_name", "people", "Text Priya that I'm on my way",
         outcome(sms=[Sms(P["Priya"], r"on my way")])),
    case("people_last_name", "people", "Text Becker that the invoice is paid",
         outcome(sms=[Sms(P["Tom"], r"invoice|paid")])),
    case("people_two_recipients", "people", "Email Elena Rossi and Nina Kowalski the Lisbon itinerary",
         outcome(mails=[Mail((E["Elena"], E["Nina"]), (LISBON,))])),
    case("people_priya_handbook", "people", "Send Priya the team handbook",
         outcome(mails=[Mail((E["Priya"],), (HANDBOOK,))])),
    case("people_yuki_email", "people", "What's Yuki's email?",
         outcome(answer=r"yuki\.tanaka@example\.com"), ANY_ACTION),

    # -- follow-ups in one thread -----------------------------------------------------------
    case("followup_q3_then_elena", "followup", ["Email Sarah the Q3 report", "Send that to Elena too"],
         outcome(mails=[Mail((E["Sarah"],), (Q3,)), Mail((E["Elena"],), (Q3,))])),
    case("followup_marcus_number_text", "followup", ["What's Marcus's number?", "Text him that I'm on my way"],
         outcome(sms=[Sms(P["Marcus"], r"on my way")], answer={0: r"555-0102"})),
    case("followup_note_append", "followup",
         ["Create a note called Packing list with passport and charger", "Add sunscreen to it"],
         outcome(notes=[Note("Packing list", (r"passport", r"charger", r"sunscreen"))])),
    case("followup_event_then_reminder", "followup",
         ["Put the Falcon review on my calendar for Friday at 3pm", "Also remind me an hour before"],
         outcome(events=[Event("2026-12-04 15:00", r"review")], reminders=[Reminder("2026-12-04 14:00")]),
         when=("Friday at 3pm", "2026-12-04 15:00")),
    case("followup_elena_email_then_send", "followup", ["What's Elena's email?", "Send her the Lisbon itinerary"],
         outcome(mails=[Mail((E["Elena"],), (LISBON,))], answer={0: r"elena\.rossi@example\.com"})),
    case("followup_reminder_then_text", "followup",
         ["Remind me to call Omar tomorrow at 10am", "Also text him that I'll call him at 10"],
         outcome(reminders=[Reminder("2026-12-01 10:00", r"omar")], sms=[Sms(P["Omar"], r"call")]),
         when=("tomorrow at 10am", "2026-12-01 10:00")),
    case("followup_list_then_text", "followup", ["What's on my shopping list?", "Text it to Aisha"],
         outcome(sms=[Sms(P["Aisha"], r"oat milk")], answer={0: r"oat milk"})),

    # -- failures: what is missing must be said, not papered over ----------------------------
    case("fail_missing_spreadsheet", "failure", "Email Sarah the budget spreadsheet",
         outcome(not_found="spreadsheet"), SENT),
    case("fail_missing_tax_return", "failure", "Send Lucas Martin the 2025 tax return PDF",
         outcome(not_found="tax return"), SENT),
    case("fail_missing_pdf_summary", "failure", "Summarize the contract PDF",
         outcome(not_found="contract"), ANY_ACTION),
    case("fail_missing_note", "failure", "Open my note called Recipes",
         outcome(not_found="Recipes"), ANY_ACTION),
    # (2026-12-06: the sample inbox gained an email from Omar, so this case now asks for one from Elena)
    case("fail_forward_missing_mail", "failure", "Forward the email from Elena to Sarah",
         outcome(not_found="Elena"), SENT),

    # -- requests no tool serves, and chat: nothing written, an honest answer ----------------
    case("none_flight", "none", "Book me a flight to Rome", outcome(answer=CANT), ANY_ACTION),
    case("none_weather", "none", "What's the weather tomorrow?", outcome(answer=CANT), ANY_ACTION),
    case("none_pizza", "none", "Order a pizza for tonight", outcome(answer=CANT), ANY_ACTION),
    case("none_taxi", "none", "Call me a taxi to the airport", outcome(answer=CANT), ANY_ACTION),
    case("none_thanks", "none", "Thanks, that's all for now", outcome(), ANY_ACTION),

    # -- content: messages are messages, attachments are listed -----------------------------
    case("content_tax_forms", "content", "Email Lucas Martin and ask if the tax forms are ready",
         outcome(mails=[Mail((E["Lucas"],), body=r"tax forms")])),
    case("content_tell_david", "content", "Email David Kim to tell him the hotel in Alfama is fine",
         outcome(mails=[Mail((E["David"],), body=r"hotel|alfama")])),
    case("content_sms_clinic", "content", "Text Aisha that I'll be at the clinic at 6",
         outcome(sms=[Sms(P["Aisha"], r"clinic")])),
    case("content_sms_quoted", "content", "Text Omar: see you Saturday at 10",
         outcome(sms=[Sms(P["Omar"], r"see you saturday at 10")])),
    case("content_subject", "content", "Email James O'Brien with the subject 'Firmware 2.1' asking when it ships",
         outcome(mails=[Mail((E["James"],), subject=r"firmware 2\.1", body=r"ship")])),
    case("content_note_list", "content", "Make a note called Call list: Omar about the garden, Tom about the invoice",
         outcome(notes=[Note("Call list", (r"omar", r"garden", r"tom", r"invoice"))])),
]

BY_ID = {c.id: c for c in CASES}
