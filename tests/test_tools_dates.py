"""Dates by rule: the canonical form, the forms a model writes, and people's own words (issue #13)."""

from __future__ import annotations

from datetime import datetime

import pytest
from langchain_core.tools import ToolException

from tinyagent.tools.dates import parse_end, parse_when

NOW = datetime(2026, 11, 23, 10, 0)  # a Monday


@pytest.mark.parametrize("text, expected, timed", [
    ("2026-11-27 15:00:00", datetime(2026, 11, 27, 15), True),
    ("2026-11-27 15:00", datetime(2026, 11, 27, 15), True),
    ("2026-11-27T15:00:00", datetime(2026, 11, 27, 15), True),
    ("2026-11-27", datetime(2026, 11, 27), False),
    ("2026/11/27 3:30 PM", datetime(2026, 11, 27, 15, 30), True),
    ("11/27/2026 3:00 PM", datetime(2026, 11, 27, 15), True),
    ("27.11.2026 14:00", datetime(2026, 11, 27, 14), True),
    ("November 27, 2026 at 3pm", datetime(2026, 11, 27, 15), True),
    ("Nov 27th, 2026", datetime(2026, 11, 27), False),
    ("27 Nov 2026 15:30", datetime(2026, 11, 27, 15, 30), True),
    ("Friday, November 27, 2026 10:00 AM", datetime(2026, 11, 27, 10), True),
    ("Nov 27 3 pm", datetime(2026, 11, 27, 15), True),
    # the day before the month, then a time: the number after the month is the time
    ("27 Nov 3:30", datetime(2026, 11, 27, 15, 30), True),
    ("12 March 10:00", datetime(2027, 3, 12, 10), True),
    ("12 March 10 am", datetime(2027, 3, 12, 10), True),
    ("tomorrow 9am", datetime(2026, 11, 24, 9), True),
    ("today at noon", datetime(2026, 11, 23, 12), True),
    ("Friday 3pm", datetime(2026, 11, 27, 15), True),
    ("next Monday 10:00", datetime(2026, 11, 30, 10), True),
    ("3pm", datetime(2026, 11, 23, 15), True),
])
def test_date_forms(text, expected, timed):
    assert parse_when(text, now=NOW) == (expected, timed)


def test_iso_with_zone_becomes_local_time():
    dt, timed = parse_when("2026-11-27T15:00:00+00:00", now=NOW)
    assert timed and dt.tzinfo is None


@pytest.mark.parametrize("text", ["soon", "2026-13-01 10:00:00", "2026-02-30", "", "next blursday", "25:00"])
def test_bad_dates_say_which_form_to_use(text):
    with pytest.raises(ToolException, match="own words"):
        parse_when(text, "start_date", now=NOW)


MON = datetime(2026, 11, 30, 10, 0)   # Monday 2026-11-30, 10:00 (the "today")
THU = datetime(2026, 12, 3, 16, 30)   # Thursday
SUN = datetime(2026, 12, 27, 21, 0)   # Sunday, late evening, near the year's end
D = datetime


@pytest.mark.parametrize("now, text, expected, timed", [
    # weekdays: bare / "on" / "next" = first such day strictly after today; "this" may be today
    (MON, "next Friday at 3pm", D(2026, 12, 4, 15), True),
    (MON, "Friday 3pm", D(2026, 12, 4, 15), True),
    (MON, "on friday at 3", D(2026, 12, 4, 15), True),
    (MON, "fri 3:30pm", D(2026, 12, 4, 15, 30), True),
    (MON, "Monday", D(2026, 12, 7), False),
    (MON, "this Monday at 5pm", D(2026, 11, 30, 17), True),
    (MON, "next monday 9am", D(2026, 12, 7, 9), True),
    (MON, "Wednesday at 7pm", D(2026, 12, 2, 19), True),
    (MON, "wed evening", D(2026, 12, 2, 18), True),
    (MON, "Saturday", D(2026, 12, 5), False),
    (MON, "all day Saturday", D(2026, 12, 5), False),
    (MON, "Sunday morning", D(2026, 12, 6, 9), True),
    (THU, "next Friday", D(2026, 12, 4), False),
    (THU, "Thursday", D(2026, 12, 10), False),
    (THU, "this thursday 6pm", D(2026, 12, 3, 18), True),
    (THU, "tuesday next week", D(2026, 12, 8), False),
    (MON, "Friday next week at 10", D(2026, 12, 11, 10), True),
    (SUN, "Monday 8:15", D(2026, 12, 28, 8, 15), True),
    # today, tomorrow, tonight, and typos
    (MON, "tomorrow at 9am", D(2026, 12, 1, 9), True),
    (MON, "tomorrow at 9", D(2026, 12, 1, 9), True),
    (MON, "tmrw 2pm", D(2026, 12, 1, 14), True),
    (MON, "tomorow morning", D(2026, 12, 1, 9), True),
    (MON, "tomorrow", D(2026, 12, 1), False),
    (MON, "day after tomorrow at noon", D(2026, 12, 2, 12), True),
    (MON, "today at 4:45 pm", D(2026, 11, 30, 16, 45), True),
    (MON, "tonight", D(2026, 11, 30, 20), True),
    (MON, "tonight at 8:30", D(2026, 11, 30, 20, 30), True),
    (MON, "this afternoon", D(2026, 11, 30, 14), True),
    (MON, "this evening at 7", D(2026, 11, 30, 19), True),
    (MON, "EOD", D(2026, 11, 30, 17), True),
    (MON, "EOD Friday", D(2026, 12, 4, 17), True),
    (MON, "end of day tomorrow", D(2026, 12, 1, 17), True),
    (MON, "noon", D(2026, 11, 30, 12), True),
    (MON, "at midnight", D(2026, 12, 1, 0), True),
    (MON, "9am", D(2026, 12, 1, 9), True),           # a time already past today: tomorrow
    (MON, "at 11", D(2026, 11, 30, 11), True),
    (MON, "half past 4", D(2026, 11, 30, 16, 30), True),
    # in N ...
    (MON, "in two hours", D(2026, 11, 30, 12), True),
    (MON, "in 2 hrs", D(2026, 11, 30, 12), True),
    (MON, "in 45 minutes", D(2026, 11, 30, 10, 45), True),
    (MON, "in half an hour", D(2026, 11, 30, 10, 30), True),
    (MON, "in an hour", D(2026, 11, 30, 11), True),
    (MON, "in 3 days", D(2026, 12, 3), False),
    (MON, "in a week", D(2026, 12, 7), False),
    (MON, "in a couple of days", D(2026, 12, 2), False),
    # calendar dates
    (MON, "Dec 3", D(2026, 12, 3), False),
    (MON, "Dec 3rd at 10am", D(2026, 12, 3, 10), True),
    (MON, "December 24th", D(2026, 12, 24), False),
    (MON, "3 December 2026 14:00", D(2026, 12, 3, 14), True),
    (MON, "the 3rd of December", D(2026, 12, 3), False),
    (MON, "12/03", D(2026, 12, 3), False),
    (MON, "12/3 at 2:30 pm", D(2026, 12, 3, 14, 30), True),
    (MON, "3.12.", D(2026, 12, 3), False),
    (MON, "Jan 5", D(2027, 1, 5), False),
    (MON, "jan 5th 2027 9am", D(2027, 1, 5, 9), True),
    (MON, "Nov 2", D(2027, 11, 2), False),            # already past this year: next year
    (MON, "Nov 29", D(2027, 11, 29), False),
    (MON, "the 5th", D(2026, 12, 5), False),
    (MON, "on the 15th at 10", D(2026, 12, 15, 10), True),
    (SUN, "the 2nd", D(2027, 1, 2), False),
    (MON, "2026-12-09 15:00:00", D(2026, 12, 9, 15), True),
    # weeks, weekends, months
    (MON, "next week", D(2026, 12, 7), False),
    (MON, "this weekend", D(2026, 12, 5), False),
    (MON, "next weekend", D(2026, 12, 12), False),
    (MON, "end of the month", D(2026, 11, 30), False),
    (MON, "next month", D(2026, 12, 1), False),
    (SUN, "next month", D(2027, 1, 1), False),
    (THU, "end of the week", D(2026, 12, 4), False),
])
def test_peoples_words_resolve_by_rule(now, text, expected, timed):
    assert parse_when(text, now=now) == (expected, timed)


@pytest.mark.parametrize("text, expected", [
    ("5pm", D(2026, 12, 4, 17)), ("2 hours", D(2026, 12, 4, 17)), ("for 90 minutes", D(2026, 12, 4, 16, 30)),
    ("an hour and a half", D(2026, 12, 4, 16, 30)), ("1.5h", D(2026, 12, 4, 16, 30)),
    ("Saturday 10am", D(2026, 12, 5, 10)), ("4:30", D(2026, 12, 4, 16, 30)),
])
def test_end_is_a_time_on_the_start_day_a_length_or_a_date(text, expected):
    start = D(2026, 12, 4, 15)
    assert parse_end(text, start, True, now=MON)[0] == expected


def test_run_today_moves_relative_dates(monkeypatch):
    from tinyagent.tools.clock import use_today

    monkeypatch.delenv("TINYAGENT_NOW", raising=False)
    with use_today("2026-11-30"):
        assert parse_when("next Friday 3pm") == (D(2026, 12, 4, 15), True)
        assert parse_when("tomorrow")[0] == D(2026, 12, 1)
    monkeypatch.setenv("TINYAGENT_NOW", "2026-11-30T10:00:00")
    assert parse_when("in two hours") == (D(2026, 11, 30, 12), True)


def test_a_day_the_month_lacks_is_said_plainly_and_kept_for_the_tool_to_refuse():
    """"remind me on february 30th to call the bank" wrote a reminder with the date in its notes: the phrase is
    the request's date all the same, and the tool says what is wrong with it."""
    from datetime import datetime

    from langchain_core.tools import ToolException

    from tinyagent.tools.date_phrases import find_phrases
    from tinyagent.tools.dates import parse_when

    assert find_phrases("remind me on february 30th to call the bank") == ["february 30th"]
    for phrase, said in (("february 30th", "February has no 30th; which day did you mean"),
                         ("31 april", "April has no 31st"), ("feb 29 2027", "February 2027 has no 29th")):
        with pytest.raises(ToolException, match=said):
            parse_when(phrase, now=datetime(2026, 12, 7, 10))
    assert find_phrases("lunch on 30 february maybe") == ["30 february"]


def test_a_day_the_month_lacks_all_day_is_said_plainly_too():
    """"block february 30th all day" raised a bare ValueError (read before the tool's own error), and reading the
    request (find_phrases) failed with it."""
    from datetime import datetime

    from langchain_core.tools import ToolException

    from tinyagent.tools.date_phrases import find_phrases
    from tinyagent.tools.dates import parse_when

    with pytest.raises(ToolException, match="February has no 30th"):
        parse_when("february 30th all day", now=datetime(2026, 12, 7, 10))
    assert find_phrases("block february 30th all day for the offsite") == ["february 30th all day"]


@pytest.mark.parametrize("text, expected", [
    ("Wednesday at four", datetime(2026, 12, 9, 16, 0)),          # dev5: planned "Wednesday", all day
    ("monday at half past two", datetime(2026, 12, 14, 14, 30)),
    ("thursday at five thirty", datetime(2026, 12, 10, 17, 30)),
    ("friday quarter to five", datetime(2026, 12, 11, 16, 45)),
    ("friday at ten", datetime(2026, 12, 11, 10, 0)),
])
def test_a_clock_said_in_words_is_read(text, expected):
    from tinyagent.tools.dates import parse_when

    assert parse_when(text, now=datetime(2026, 12, 7, 10)) == (expected, True)


def test_a_clock_said_in_words_is_part_of_the_time_phrase():
    from tinyagent.tools.date_phrases import find_phrases

    assert find_phrases("set up a video call on Wednesday at four with Priya") == ["Wednesday at four"]
    assert find_phrases("remind me at seven tomorrow") == ["at seven tomorrow"]
    assert find_phrases("meet at one of the cafes on friday") == ["friday"]  # "at one of": no clock


@pytest.mark.parametrize("text, expected", [
    ("thursday 0800", datetime(2026, 12, 3, 8, 0)),              # convdev11: planned "thursday", all day
    ("wed 1400", datetime(2026, 12, 2, 14, 0)),
    ("2morrow 1600", datetime(2026, 12, 1, 16, 0)),
    ("0930 wed", datetime(2026, 12, 2, 9, 30)),
    ("at 1900hrs tomorrow", datetime(2026, 12, 1, 19, 0)),
    ("Thursday 16 o'clock", datetime(2026, 12, 3, 16, 0)),
    ("Friday 10 o'clock", datetime(2026, 12, 4, 10, 0)),
    ("friday at 8 30 in the morning", datetime(2026, 12, 4, 8, 30)),
    ("friday 07:40", datetime(2026, 12, 4, 7, 40)),              # a leading zero: the morning, not 19:40
])
def test_a_24_hour_clock_and_spaced_minutes_are_read(text, expected):
    assert parse_when(text, now=MON) == (expected, True)


def test_four_digits_are_a_clock_only_where_they_are_one():
    assert parse_when("Dec 4 2026", now=MON) == (datetime(2026, 12, 4), False)   # a year, not 20:26
    assert parse_when("wed 2030", now=MON) == (datetime(2026, 12, 2), False)     # 2000-2059 need "at" or "hrs"
    assert parse_when("wed at 2030", now=MON) == (datetime(2026, 12, 2, 20, 30), True)
    with pytest.raises(ToolException):
        parse_when("1250", now=MON)                                               # a bare number names no time


def test_the_planner_may_copy_those_clocks_with_their_day():
    from tinyagent.tools.date_phrases import find_phrases

    assert find_phrases("put flu jab clinic thursday 0800 in calender") == ["thursday 0800"]
    assert find_phrases("remind me 2morrow 1600 to call lucas re invoice") == ["2morrow 1600"]
    assert find_phrases("Make event 'Tax meeting' Thursday 16 o'clock for 45 minutes.")[0] == "Thursday 16 o'clock"
    assert find_phrases("put dentist on friday at 8 30 in the morning") == ["friday at 8 30 in the morning"]
    # a start said before the phrase with the day gets the day; an end said after stays as said
    assert "wed 0730" in find_phrases("block 0730 to 0930 wed for sleep study training")
    assert find_phrases("friday 9am-10am") == ["friday 9am", "10am"]
    assert find_phrases("the quote is 1250 EUR") == []


@pytest.mark.parametrize("text, expected", [
    ("Friday at 10h", datetime(2026, 12, 4, 10, 0)),       # convdev13: a clock the French or Portuguese way
    ("Thursday at 15h", datetime(2026, 12, 3, 15, 0)),
    ("Tuesday from 18h", datetime(2026, 12, 1, 18, 0)),
    ("tomorrow 9h", datetime(2026, 12, 1, 9, 0)),
    ("friday at 15h30", datetime(2026, 12, 4, 15, 30)),
])
def test_a_clock_written_with_h_is_read(text, expected):
    assert parse_when(text, now=MON) == (expected, True)


def test_lengths_said_the_other_way():
    from datetime import timedelta
    from tinyagent.tools.dates import parse_duration
    from tinyagent.tools.date_phrases import find_phrases

    assert parse_duration("2 and a half hours") == parse_duration("for two and a half hours") == timedelta(minutes=150)
    assert parse_duration("during 90 minutes") == timedelta(minutes=90)
    assert "during 90 minutes" in find_phrases("a course of Portuguese the Tuesday from 18h during 90 minutes")
    assert find_phrases("block 2h on friday") == ["friday"]  # "2h" is a length there, not 2am
