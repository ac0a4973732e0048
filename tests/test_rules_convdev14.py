"""What the fourteenth and fifteenth development conversation sets (bench/conversations_dev14_cases.py, _dev15_cases.py)
met on their first runs, put right where a rule is exact: courtesy titles before names, lengths, a link sent by text."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from langchain_core.tools import ToolException

from tests.fakes import ruled as _ruled


@pytest.mark.parametrize("query, plan, want", [
    # the period of "Mrs." ended the sentence: the forward went to the email's sender, then to a contact "Mrs"
    ("Please forward the letter from Mr. Omar Haddad about the garden to Mrs. Nina Kowalski. She wanted to see what he "
     "is charging.",
     '1. get_email_address(name="Mr Omar Haddad")\n2. forward_email(recipients=["$1"], context="The garden", '
     'message_id="letter from")\n3. join()', 'get_email_address(name="Mrs. Nina Kowalski")'),
    ("Would you please send on the email about the third quarter report to Mr. James O'Brien. I believe there is a "
     "document with it; please make sure it goes along too.",
     '1. compose_new_email(recipients=["$2"], subject="Third quarter report", context="I believe there is a document")'
     '\n2. search_documents(query="document")\n3. join()', 'get_email_address(name="Mr. James O\'Brien")'),
])
def test_a_titled_name_is_the_person_it_names(specs, query, plan, want):
    assert want in _ruled(specs, query, plan)


def test_contacts_are_found_with_a_courtesy_title(make_tools):
    tools = make_tools()
    assert tools["get_email_address"].invoke({"name": "Mrs Sarah Lee"}) == "sarah.lee@example.com"
    assert tools["get_phone_number"].invoke({"name": "Ms. Sarah Chen"}) == "+1-555-0102"
    with pytest.raises(ToolException, match="No contact named 'Mr Oliver Bennett'"):
        tools["get_phone_number"].invoke({"name": "Mr Oliver Bennett"})


def test_an_end_that_repeats_the_start_is_the_default_hour(tools_workspace, make_tools):
    from tests.test_tools_calendar import _components

    make_tools()["create_calendar_event"].invoke(
        {"title": "Design review", "start_date": "2026-12-04 14:00", "end_date": "2026-12-04 14:00"})
    (event,) = _components(tools_workspace / "calendar.ics", "VEVENT")
    assert event.decoded("DTEND") == datetime(2026, 12, 4, 15)


def test_a_length_said_after_its_unit_and_for_a_link_and_its_event(specs):
    out = _ruled(specs, "Please put my hair appointment in the calendar on the 3rd of December at ten o'clock in the "
                        "morning. It takes about an hour and a half.",
                 '1. create_calendar_event(title="Hair appointment", start_date="the 3rd of December at ten o\'clock '
                 'in the morning")\n2. join()')
    assert 'end_date="an hour and a half"' in out
    both = _ruled(specs, "half an hour call with James on Friday at 9, put it on the calendar",
                  '1. get_zoom_meeting_link(topic="James", start_time="Friday at 9")\n'
                  '2. create_calendar_event(title="James", start_date="Friday at 9", location="$1")\n3. join()')
    assert "duration=30" in both and 'end_date="half an hour"' in both


def test_an_event_titled_only_by_its_length_is_named_by_what_it_is(specs):
    out = _ruled(specs, "book a 30 min call with James O'Brien wed 9:30, invite him",
                 '1. get_email_address(name="James O\'Brien")\n2. create_calendar_event(title="30 minutes", '
                 'start_date="wed 9:30", invitees=["$1"])\n3. join()')
    assert 'title="Call with James O\'Brien"' in out and 'end_date="30 min"' in out
    kept = _ruled(specs, "90 min budget workshop on wednesday from 1pm",
                  '1. create_calendar_event(title="90 min budget workshop", start_date="wednesday from 1pm")\n2. join()')
    assert 'title="90 min budget workshop"' in kept


def test_a_meeting_link_is_never_the_recipient_of_its_text(specs):
    out = _ruled(specs, "get me a jitsi link for a call w/ Yuki tmrw 4pm and text it to her",
                 '1. get_zoom_meeting_link(topic="Call", start_time="tmrw 4pm")\n'
                 '2. send_sms(recipients=["$1"], message="The result is $1")\n3. join()')
    assert 'get_phone_number(name="Yuki")' in out and re.search(r'send_sms\(recipients=\["\$\d"\], message="\$2"\)', out)


@pytest.mark.parametrize("query, only", [
    ("Thank you, you are a big help! Have a nice evening.", True),   # dev11-domains: planned as a look-up
    ("great thanks so much", True),
    ("hi there", True),
    ("thanks, and text her too", False),
    ("Thank you. Could you put it in my calendar, then?", False),
    ("ok book it", False),
])
def test_a_request_that_only_thanks_asks_for_nothing(query, only):
    from tinyagent.nodes.rules.opening import only_pleasantry

    assert only_pleasantry(query) is only
