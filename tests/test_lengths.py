"""A length the person states is the event's end or the meeting's minutes, never an event of its own."""

from __future__ import annotations

import pytest

from tinyagent.nodes.rules.lengths import stated_length
from tinyagent.nodes.plans.planlang import compile_plan, format_plan


def _fixed(plan: str, query: str, specs) -> str:
    tasks = compile_plan(plan, specs)
    return format_plan(stated_length(tasks, specs, query) or tasks)


def test_the_length_sets_the_end_and_the_event_made_of_it_goes(specs):
    plan = ('1. create_calendar_event(title="Dentist", start_date="Thursday at 9:30 am")\n'
            '2. create_calendar_event(title="45 minutes", start_date="Thursday at 9:30 am")\n3. join()<END_OF_PLAN>')
    assert _fixed(plan, "Put 'Dentist' in my calendar for Thursday at 9:30 am for 45 minutes", specs) == (
        '1. create_calendar_event(title="Dentist", start_date="Thursday at 9:30 am", end_date="for 45 minutes")\n'
        '2. join()<END_OF_PLAN>')


def test_a_meeting_link_gets_the_minutes(specs):
    plan = '1. get_zoom_meeting_link(topic="Sync", start_time="tomorrow at 3")\n2. join()<END_OF_PLAN>'
    assert _fixed(plan, "zoom link for a sync tomorrow at 3 for an hour and a half", specs) == (
        '1. get_zoom_meeting_link(topic="Sync", start_time="tomorrow at 3", duration=90)\n2. join()<END_OF_PLAN>')


@pytest.mark.parametrize("query", ["lunch with Ana tomorrow at noon", "block 2 hours for deep work and 30 minutes for email"])
def test_no_single_length_changes_nothing(specs, query):
    plan = '1. create_calendar_event(title="Lunch", start_date="tomorrow at noon")\n2. join()<END_OF_PLAN>'
    assert stated_length(compile_plan(plan, specs), specs, query) is None


def test_an_end_the_plan_has_is_kept(specs):
    plan = ('1. create_calendar_event(title="Call", start_date="friday 4pm", end_date="5pm")\n'
            '2. join()<END_OF_PLAN>')
    assert stated_length(compile_plan(plan, specs), specs, "call friday 4pm for 45 min") is None


def test_a_length_without_for_is_the_end_too_but_in_45_minutes_is_a_time(specs):
    plan = '1. create_calendar_event(title="Deep work", start_date="tomorrow at 9")\n2. join()<END_OF_PLAN>'
    assert _fixed(plan, "block 45 minutes tomorrow at 9 for deep work", specs) == (
        '1. create_calendar_event(title="Deep work", start_date="tomorrow at 9", end_date="45 minutes")\n'
        '2. join()<END_OF_PLAN>')
    reminder = '1. create_reminder(name="Stretch", due_date="in 45 minutes")\n2. join()<END_OF_PLAN>'
    assert stated_length(compile_plan(reminder, specs), specs, "remind me in 45 minutes to stretch") is None


def test_an_end_that_repeats_the_start_is_no_end(specs):
    """"a 90 minute planning session friday at 2pm" planned with the start copied as the end (a zero-length
    event) gets the length as its end."""
    plan = ('1. create_calendar_event(title="Planning session", start_date="friday at 2pm", end_date="friday at 2pm")\n'
            '2. join()<END_OF_PLAN>')
    assert _fixed(plan, "set up a 90 minute planning session friday at 2pm", specs) == (
        '1. create_calendar_event(title="Planning session", start_date="friday at 2pm", end_date="90 minute")\n'
        '2. join()<END_OF_PLAN>')


def test_an_all_day_flag_the_request_does_not_ask_for_is_left_out(specs):
    """The seventeenth session's trial: "remmber to buy batteries tmrw morning" made an all-day reminder."""
    from tinyagent.nodes.plans.planlang import compile_plan, format_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    plan = '1. create_reminder(name="Buy batteries", due_date="tmrw morning", all_day=True)\n2. join()<END_OF_PLAN>'
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(specs, "remmber to buy batteries tmrw morning")))
    assert out == '1. create_reminder(name="Buy batteries", due_date="tmrw morning")\n2. join()<END_OF_PLAN>'
    asked = format_plan(run_rules(compile_plan(plan.replace("tmrw morning", "friday"), specs),
                                  Facts(specs, "block friday all day for the move")))
    assert "all_day=True" in asked
