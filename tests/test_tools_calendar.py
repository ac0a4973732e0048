"""Calendar events and reminders: written to .ics files that parse and hold what was asked."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest
from icalendar import Calendar
from langchain_core.tools import ToolException


def _components(path, kind):
    return Calendar.from_ical(path.read_bytes()).walk(kind)


def test_event_is_written_to_calendar_ics(tools_workspace, make_tools):
    out = make_tools(mail_from="me@example.com")["create_calendar_event"].invoke({
        "title": "Q3 review", "start_date": "2026-11-27 15:00:00", "end_date": "2026-11-27 16:00:00",
        "location": "Room 4", "invitees": ["Sarah Lee", "guest@example.org"], "notes": "Bring the slides."})
    assert "calendar.ics" in out and "Q3 review" in out
    (event,) = _components(tools_workspace / "calendar.ics", "VEVENT")
    assert str(event["SUMMARY"]) == "Q3 review"
    assert event.decoded("DTSTART") == datetime(2026, 11, 27, 15)
    assert event.decoded("DTEND") == datetime(2026, 11, 27, 16)
    assert str(event["LOCATION"]) == "Room 4" and str(event["DESCRIPTION"]) == "Bring the slides."
    attendees = [str(a) for a in event["ATTENDEE"]]
    assert attendees == ["mailto:sarah.lee@example.com", "mailto:guest@example.org"]
    assert event["ATTENDEE"][0].params["CN"] == "Sarah Lee"
    assert str(event["ORGANIZER"]) == "mailto:me@example.com"
    assert str(event["UID"]).endswith("@tinyagent")


def test_all_day_event_and_named_calendar(tools_workspace, make_tools):
    tool = make_tools()["create_calendar_event"]
    out = tool.invoke({"title": "Offsite", "start_date": "2026-12-01", "end_date": "2026-12-02",
                       "calendar": "Work"})
    assert "Calendars/Work.ics" in out
    (event,) = _components(tools_workspace / "Calendars" / "Work.ics", "VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 1)
    assert event.decoded("DTEND") == date(2026, 12, 3)  # exclusive end
    assert _components(tools_workspace / "calendar.ics", "VEVENT") == []


def test_common_date_forms_and_missing_end(tools_workspace, make_tools):
    tool = make_tools()["create_calendar_event"]
    tool.invoke({"title": "Call", "start_date": "Nov 27 2026 3pm", "end_date": ""})
    (event,) = _components(tools_workspace / "calendar.ics", "VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 27, 15)
    assert event.decoded("DTEND") == datetime(2026, 11, 27, 16)


@pytest.mark.parametrize("args, message", [
    ({"title": "X", "start_date": "2026-11-27 15:00:00", "end_date": "2026-11-27 14:00:00"}, "before start_date"),
    ({"title": "X", "start_date": "someday", "end_date": "2026-11-27 14:00:00"}, "YYYY-MM-DD HH:MM:SS"),
    ({"title": " ", "start_date": "2026-11-27", "end_date": "2026-11-27"}, "title is empty"),
    ({"title": "X", "start_date": "2026-11-27", "end_date": "2026-11-27", "invitees": ["Nobody Known"]},
     "No contact named"),
    ({"title": "X", "start_date": "2026-11-27", "end_date": "2026-11-27", "calendar": "../../evil"}, None),
])
def test_bad_event_arguments(tools_workspace, make_tools, args, message):
    tool = make_tools()["create_calendar_event"]
    if message is None:  # a calendar name cannot leave Calendars/
        out = tool.invoke(args)
        assert "Calendars/" in out and not (tools_workspace.parent / "evil.ics").exists()
        return
    with pytest.raises(ToolException, match=message):
        tool.invoke(args)
    assert _components(tools_workspace / "calendar.ics", "VEVENT") == []


def test_parallel_events_are_all_kept(tools_workspace, make_tools):
    tool = make_tools()["create_calendar_event"]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: tool.invoke({"title": f"Event {i}", "start_date": f"2026-11-27 {i % 24:02d}:00:00",
                                             "end_date": f"2026-11-27 {i % 24:02d}:30:00"}), range(40)))
    titles = sorted(str(e["SUMMARY"]) for e in _components(tools_workspace / "calendar.ics", "VEVENT"))
    assert titles == sorted(f"Event {i}" for i in range(40))


def test_corrupt_calendar_is_left_unchanged(tools_workspace, make_tools):
    path = tools_workspace / "calendar.ics"
    path.write_text("this is not iCalendar")
    with pytest.raises(ToolException, match="not a valid iCalendar"):
        make_tools()["create_calendar_event"].invoke(
            {"title": "X", "start_date": "2026-11-27 10:00:00", "end_date": "2026-11-27 11:00:00"})
    assert path.read_text() == "this is not iCalendar"


def test_reminder_is_a_vtodo(tools_workspace, make_tools):
    tool = make_tools()["create_reminder"]
    out = tool.invoke({"name": "Pay rent", "due_date": "2026-12-01 09:00:00", "notes": "Online",
                       "priority": 1})
    assert "reminders.ics" in out
    tool.invoke({"name": "Buy milk", "list_name": "Groceries", "due_date": "2026-12-02 18:00",
                 "all_day": True})
    tool.invoke({"name": "Call mum"})
    todos = {str(t["SUMMARY"]): t for t in _components(tools_workspace / "reminders.ics", "VTODO")}
    assert set(todos) == {"Pay rent", "Call mum"}
    assert todos["Pay rent"].decoded("DUE") == datetime(2026, 12, 1, 9)
    assert int(todos["Pay rent"]["PRIORITY"]) == 1 and str(todos["Pay rent"]["DESCRIPTION"]) == "Online"
    assert "DUE" not in todos["Call mum"]
    (milk,) = _components(tools_workspace / "Reminders" / "Groceries.ics", "VTODO")
    assert milk.decoded("DUE") == date(2026, 12, 2)


@pytest.mark.parametrize("args, message", [
    ({"name": "X", "priority": 12}, "priority 12"),
    ({"name": "X", "due_date": "whenever"}, "YYYY-MM-DD"),
    ({"name": ""}, "empty"),
])
def test_bad_reminder_arguments(make_tools, args, message):
    with pytest.raises(ToolException, match=message):
        make_tools()["create_reminder"].invoke(args)


def test_a_list_named_with_a_line_break_is_written_on_one_line(tools_workspace, make_tools):
    """test_tools_properties found it: create_reminder(list_name="\\n0") raised icalendar's AssertionError (an
    unescaped line break in the new list's name) instead of writing the reminder or saying what was wrong."""
    out = make_tools()["create_reminder"].invoke({"name": "Sarah Lee", "list_name": "\n0"})
    assert out.startswith("Created reminder 'Sarah Lee'")
    assert "X-WR-CALNAME:0" in next((tools_workspace / "Reminders").glob("*.ics")).read_text()
