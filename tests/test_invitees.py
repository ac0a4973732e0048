"""People the request invites become the event's invitees, looked up (nodes/rules/invitees.py, then look_up_names)."""

from __future__ import annotations

import pytest

from tinyagent.nodes.rules.pipeline import Facts, run_rules
from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.rules.invitees import named_recipients


@pytest.mark.parametrize("query, raw, final", [
    ("Invite Oluwaseun and Dmitri to the code review Friday at 11am",
     '1. create_calendar_event(title="Code review", start_date="Friday at 11am")\n2. join()<END_OF_PLAN>',
     '1. get_email_address(name="Oluwaseun")\n2. get_email_address(name="Dmitri")\n'
     '3. create_calendar_event(title="Code review", start_date="Friday at 11am", invitees=["$1", "$2"])\n'
     '4. join()<END_OF_PLAN>'),
    ("get me a zoom link for a 30 minute catch-up with Emeka at noon tomorrow",
     '1. get_zoom_meeting_link(topic="Catch-up", start_time="noon tomorrow", duration=30)\n2. join()<END_OF_PLAN>',
     '1. get_email_address(name="Emeka")\n2. get_zoom_meeting_link(topic="Catch-up", start_time="noon tomorrow", '
     'duration=30, meeting_invitees=["$1"])\n3. join()<END_OF_PLAN>'),
    ("lunch with Sarah on friday at noon",  # an event "with X": left to the planner
     '1. create_calendar_event(title="Lunch", start_date="friday at noon")\n2. join()<END_OF_PLAN>',
     '1. create_calendar_event(title="Lunch", start_date="friday at noon")\n2. join()<END_OF_PLAN>'),
])
def test_invited_people_are_looked_up_and_invited(specs, query, raw, final):
    assert format_plan(run_rules(compile_plan(raw, specs), Facts(specs, query))) == final


def test_a_person_put_in_the_location_is_invited_instead(specs):
    """"a 90 minute planning session with Nina Kowalski and Tom Becker": Nina's address went into the
    event's location and only Tom was invited; she is invited, and the event has no location."""
    from tinyagent.nodes.plans.planlang import compile_plan, format_plan
    from tinyagent.nodes.rules.invitees import person_not_a_place

    plan = ('1. get_email_address(name="Nina Kowalski")\n2. get_email_address(name="Tom Becker")\n'
            '3. create_calendar_event(title="Planning session", start_date="friday at 2pm", location="$1", '
            'invitees=["$2"])\n4. join()<END_OF_PLAN>')
    out = format_plan(person_not_a_place(compile_plan(plan, specs), specs))
    assert '3. create_calendar_event(title="Planning session", start_date="friday at 2pm", invitees=["$2", "$1"])' in out
    place = ('1. get_email_address(name="Nina Kowalski")\n2. create_calendar_event(title="Lunch", start_date="noon", '
             'location="Cafe Lumen", invitees=["$1"])\n3. join()<END_OF_PLAN>')
    assert person_not_a_place(compile_plan(place, specs), specs) is None  # a real place stays


def test_a_message_sent_to_two_named_people_goes_to_both(specs):
    """ "email it to sarah and priya" was planned with Sarah's look-up only; "mail it to them" after "a call with
    james and yuki" too. Both are looked up and sent to; a cc'd person and words that are no name are not."""
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    plan = ('1. get_zoom_meeting_link(topic="offsite planning", start_time="wednesday at 3")\n'
            '2. get_email_address(name="sarah")\n3. compose_new_email(recipients=["$2"], context="$1")\n4. join()')
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(
        specs, "create a video call link for the offsite planning on wednesday at 3 and email it to sarah and priya")))
    assert 'get_email_address(name="priya")' in out and 'recipients=["$2", "$3"]' in out
    them = ('1. get_zoom_meeting_link(topic="firmware", start_time="thursday 4pm")\n2. get_email_address(name="yuki")\n'
            '3. compose_new_email(recipients=["$2"], context="$1")\n4. join()')
    out = format_plan(run_rules(compile_plan(them, specs), Facts(
        specs, "get me a meeting link for a call with james and yuki thursday 4pm about firmware and mail it to them")))
    assert 'get_email_address(name="james")' in out
    santa = ('1. get_email_address(name="Colm")\n2. compose_new_email(recipients=["$1"], subject="secret santa")\n3. join()')
    assert named_recipients(compile_plan(santa, specs), specs,
                            "email the secret santa names to Colm and don't say anything in the body") is None
    cc = ('1. get_email_address(name="Ibrahim")\n2. get_email_address(name="Farah")\n'
          '3. compose_new_email(recipients=["$1"], cc=["$2"], subject="Deck")\n4. join()')
    assert named_recipients(compile_plan(cc, specs), specs, "email the deck to Ibrahim and cc Farah") is None


def test_a_list_after_to_that_is_not_whom_the_message_goes_to_adds_nobody(specs):
    """ "email sarah the photos from my trip to paris and rome": the email goes to Sarah, whom the plan sends
    it to; the places (or "mom and dad" of "say hi to mom and dad") are not looked up and sent to."""
    plan = '1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"], subject="Trip photos")\n3. join()'
    for query in ("email sarah the photos from my trip to paris and rome", "email sarah to say hi to mom and dad",
                  "email sarah we're switching from slack to teams and zoom"):
        assert named_recipients(compile_plan(plan, specs), specs, query) is None


@pytest.mark.parametrize("query, raw, final", [
    # a link nobody asked for is dropped; the people it invited are the event's (their look-ups stay)
    ("book a 45 min sprint planning monday the 7th at 2pm with marcus, yuki and priya, invite all three",
     '1. get_email_address(name="marcus")\n2. get_email_address(name="yuki")\n'
     '3. get_zoom_meeting_link(topic="sprint planning", start_time="monday the 7th at 2pm", meeting_invitees=["$1", "$2"])\n'
     '4. get_email_address(name="priya")\n'
     '5. create_calendar_event(title="Sprint planning", start_date="monday the 7th at 2pm", location="$4")\n6. join()',
     '1. get_email_address(name="marcus")\n2. get_email_address(name="yuki")\n3. get_email_address(name="priya")\n'
     '4. create_calendar_event(title="Sprint planning", start_date="monday the 7th at 2pm", invitees=["$1", "$2", "$3"], '
     'end_date="45 min")\n5. join()<END_OF_PLAN>'),
    # "invite him": the person the asked-for link invites is the event's invitee too
    ("set up a video call with lucas about taxes next wednesday at 11 with a meeting link, put it in my calendar and "
     "invite him",
     '1. get_email_address(name="lucas")\n'
     '2. get_zoom_meeting_link(topic="Taxes", start_time="next wednesday at 11", meeting_invitees=["$1"])\n'
     '3. create_calendar_event(title="Taxes", start_date="next wednesday at 11", location="$2")\n4. join()',
     '1. get_email_address(name="lucas")\n'
     '2. get_zoom_meeting_link(topic="Taxes", start_time="next wednesday at 11", meeting_invitees=["$1"])\n'
     '3. create_calendar_event(title="Taxes", start_date="next wednesday at 11", location="$2", invitees=["$1"])\n'
     '4. join()<END_OF_PLAN>'),
])
def test_the_people_a_meeting_link_invites_are_the_events(specs, query, raw, final):
    assert format_plan(run_rules(compile_plan(raw, specs, loose=True), Facts(specs, query))) == final


def test_names_put_in_the_location_are_invited_instead(specs):
    """newuser22: "with Yuki Tanaka and Elena Rossi" was both looked up and written as the event's location."""
    plan = ('1. get_email_address(name="Yuki Tanaka")\n2. get_email_address(name="Elena Rossi")\n'
            '3. create_calendar_event(title="Project sync", start_date="next Wednesday at 2pm", location="Yuki Tanaka and '
            'Elena Rossi")\n4. join()')
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(specs, "Schedule a project sync with Yuki Tanaka and "
                                                                        "Elena Rossi next Wednesday at 2pm")))
    assert 'invitees=["$1", "$2"]' in out and "location" not in out
    place = plan.replace('location="Yuki Tanaka and Elena Rossi"', 'location="Cafe Rossi"')  # a real place stays
    assert 'location="Cafe Rossi"' in format_plan(run_rules(compile_plan(place, specs), Facts(
        specs, "Schedule a project sync with Yuki Tanaka and Elena Rossi at Cafe Rossi next Wednesday at 2pm")))


@pytest.mark.parametrize("query, raw, has", [
    ("set up a um a video call on Wednesday at four with Priya Patel and Yuki Tanaka about the pilot rollout",
     '1. get_email_address(name="Priya Patel")\n2. get_zoom_meeting_link(topic="Pilot rollout", start_time="Wednesday at '
     'four", meeting_invitees=["$1"])\n3. join()', 'get_email_address(name="Yuki Tanaka")'),
    ("video link for a design review w Elena Rossi fri 11, 45 mins",
     '1. get_zoom_meeting_link(topic="Design review", start_time="fri", duration=45)\n2. join()',
     'get_email_address(name="Elena Rossi")'),
])
def test_everyone_the_request_invites_is_invited(specs, query, raw, has):
    out = format_plan(run_rules(compile_plan(raw, specs), Facts(specs, query)))
    assert has in out and out.count("meeting_invitees=") == 1


def test_a_place_said_after_the_invitees_is_no_one_invited(specs):
    raw = ('1. get_email_address(name="ines")\n2. get_email_address(name="paolo")\n3. create_calendar_event(title="Board '
           'meeting", start_date="17th 10am", location="Boardroom B", invitees=["$1", "$2"])\n4. join()')
    out = format_plan(run_rules(compile_plan(raw, specs), Facts(
        specs, "calender event board meeting 17th 10am, invite ines and paolo, location boardroom b")))
    assert out.count("get_email_address") == 2
