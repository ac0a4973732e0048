"""Calendar events (VEVENT) and reminders (VTODO) written to the workspace's iCalendar files."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import StrList, make_tool
from tinyagent.tools.contacts import resolve_email
from tinyagent.tools.dates import describe, format_when, parse_end, parse_when
from tinyagent.tools.paths import Workspace, safe_name, update_file

CALENDAR_FILE = "calendar.ics"
REMINDERS_FILE = "reminders.ics"
PRODID = "-//TinyAgent//tinyagent-edge//EN"


def empty_calendar(name: str) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", " ".join(str(name).split()))  # (on one line: a name with a line break is no content line)
    return cal.to_ical()


def collection_path(ws: Workspace, name: str | None, default_file: str, default_names: set[str],
                    folder: str) -> Path:
    """The .ics file of a calendar or reminder list: the default file, or <folder>/<name>.ics."""
    clean = (name or "").strip()
    if clean.lower().removesuffix(".ics") in default_names | {""}:
        return ws.root / default_file
    return ws.resolve(f"{folder}/{safe_name(clean.removesuffix('.ics'))}.ics",
                      within=[ws.root / folder], what="calendar name")


def add_component(ws: Workspace, path: Path, component, cal_name: str) -> None:
    """Append a VEVENT/VTODO to an .ics file under its lock (parse, add, atomic rewrite)."""
    from icalendar import Calendar

    def change(old: bytes | None) -> bytes:
        try:
            cal = Calendar.from_ical(old) if old and old.strip() else Calendar.from_ical(empty_calendar(cal_name))
        except ValueError as exc:
            raise ToolException(
                f"{ws.display(path)} is not a valid iCalendar file ({exc}); it was left unchanged.") from exc
        cal.add_component(component)
        return cal.to_ical()

    update_file(ws, path, change)


def _stamp(component) -> None:
    component.add("uid", f"{uuid.uuid4()}@tinyagent")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    component.add("dtstamp", now)
    component.add("created", now)


class EventArgs(BaseModel):
    title: str = Field(description="Title of the event.")
    start_date: str = Field(description="When it starts, in the person's own words ('next Friday 3pm').",
                            json_schema_extra={"x-role": "when"})
    end_date: str = Field(default="", description="When it ends ('5pm') or how long ('2 hours'); default one hour.",
                          json_schema_extra={"x-role": "when"})
    location: str = Field(default="", description="Where the event takes place.")
    invitees: StrList = Field(default=[], description="E-mail addresses or contact names to invite.",
                              json_schema_extra={"x-role": "people"})
    notes: str = Field(default="", description="Notes for the event.")
    calendar: str | None = Field(default=None, description="Calendar name; default calendar if omitted.")


def create_calendar_event(ws: Workspace, title: str, start_date: str, end_date: str = "",
                          location: str = "", invitees: Sequence[str] = (), notes: str = "",
                          calendar: str | None = None) -> str:
    """Create a calendar event with a title, start and end time.

    Dates are the person's own words ("next Friday at 3pm"), resolved by rule (tools.dates); a
    date alone makes an all-day event. The event is added to calendar.ics (or
    Calendars/<calendar>.ics); the result states the resolved date and names the file.
    """
    from icalendar import Event, vCalAddress, vText

    if not title.strip():
        raise ToolException("The event title is empty; give the event a title.")
    start, start_timed = parse_when(start_date, "start_date")
    if str(end_date or "").strip():
        end, end_timed = parse_end(end_date, start, start_timed)
    else:
        end, end_timed = (start + timedelta(hours=1), True) if start_timed else (start, False)
    if start_timed and not end_timed:
        end = datetime.combine(end.date(), start.time())
        if end <= start:
            end = start + timedelta(hours=1)
    elif start_timed and end == start:  # (the start's words again, "Friday afternoon" twice): the default hour
        end = start + timedelta(hours=1)
    if start_timed and end_timed and end < start and end.date() == start.date() and start - end >= timedelta(hours=6):
        end += timedelta(days=1)  # a range across midnight: "tomorrow 19:30" to "07:30" ends the next morning
    if end < start:
        raise ToolException(
            f"end_date {format_when(end, end_timed)} is before start_date {format_when(start, start_timed)}; "
            "the end must be after the start.")
    attendees = [(who, resolve_email(ws, who)) for who in invitees if who.strip()]

    event = Event()
    _stamp(event)
    event.add("summary", title.strip())
    if start_timed:
        event.add("dtstart", start)
        event.add("dtend", max(end, start))
    else:
        event.add("dtstart", start.date())
        event.add("dtend", end.date() + timedelta(days=1))
    if location.strip():
        event.add("location", location.strip())
    if notes.strip():
        event.add("description", notes.strip())
    if attendees:
        organizer = vCalAddress(f"mailto:{ws.config.mail_from}")
        event.add("organizer", organizer)
        for who, addr in attendees:
            att = vCalAddress(f"mailto:{addr}")
            if "@" not in who:
                att.params["CN"] = vText(who.strip())
            att.params["ROLE"] = vText("REQ-PARTICIPANT")
            att.params["PARTSTAT"] = vText("NEEDS-ACTION")
            event.add("attendee", att, encode=0)

    path = collection_path(ws, calendar, CALENDAR_FILE, {"calendar", "default", "home"}, "Calendars")
    add_component(ws, path, event, calendar or "Calendar")
    when = (f"on {describe(start)} to {end.strftime('%H:%M')}" if start_timed and end.date() == start.date()
            else f"from {describe(start)} to {describe(end)}" if start_timed
            else f"on {describe(start, False)} (all day)" if end.date() == start.date()
            else f"from {describe(start, False)} to {describe(end, False)} (all day)")
    who = f" with {', '.join(a for _, a in attendees)}" if attendees else ""
    return f"Created event '{title.strip()}' {when}{who} in {ws.display(path)}."


class ReminderArgs(BaseModel):
    name: str = Field(description="What to be reminded of.")
    due_date: str | None = Field(default=None, description="When it is due, in the person's own words.",
                                 json_schema_extra={"x-role": "when"})
    notes: str = Field(default="", description="Extra notes.")
    list_name: str = Field(default="Reminders", description="Reminder list name.")
    priority: int = Field(default=0, description="0 none, 1 high, 5 medium, 9 low.")
    all_day: bool = Field(default=False, description="True if due on the day, not at a time.")


def create_reminder(ws: Workspace, name: str, due_date: str | None = None, notes: str = "",
                    list_name: str = "Reminders", priority: int = 0, all_day: bool = False) -> str:
    """Create a reminder with an optional due date.

    The reminder (an iCalendar VTODO) is added to reminders.ics (or Reminders/<list_name>.ics).
    """
    from icalendar import Todo

    if not name.strip():
        raise ToolException("The reminder name is empty; say what to be reminded of.")
    if not 0 <= int(priority) <= 9:
        raise ToolException(f"priority {priority} is out of range; use 0 (none), 1 (high), 5 (medium) or 9 (low).")
    todo = Todo()
    _stamp(todo)
    todo.add("summary", name.strip())
    todo.add("status", "NEEDS-ACTION")
    if notes.strip():
        todo.add("description", notes.strip())
    if priority:
        todo.add("priority", int(priority))
    due_text = ""
    if due_date and str(due_date).strip():
        due, timed = parse_when(due_date, "due_date")
        if all_day or not timed:
            todo.add("due", due.date())
            due_text = f", due {describe(due, False)}"
        else:
            todo.add("due", due)
            due_text = f", due {describe(due)}"
    if list_name.strip() and list_name.strip().lower() != "reminders":
        todo.add("categories", [list_name.strip()])
    path = collection_path(ws, list_name, REMINDERS_FILE, {"reminders", "default"}, "Reminders")
    add_component(ws, path, todo, list_name or "Reminders")
    return f"Created reminder '{name.strip()}'{due_text} in {ws.display(path)}."


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, create_calendar_event, EventArgs), make_tool(ws, create_reminder, ReminderArgs)]
