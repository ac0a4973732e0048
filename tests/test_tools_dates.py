"""Date parsing: the canonical form and the forms a small model tends to write."""

from __future__ import annotations

from datetime import datetime

import pytest
from langchain_core.tools import ToolException

from tools.dates import parse_when

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
    with pytest.raises(ToolException, match="YYYY-MM-DD HH:MM:SS"):
        parse_when(text, "start_date", now=NOW)
