"""Read the dates a small model writes: 'YYYY-MM-DD HH:MM:SS' and the other common forms."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from langchain_core.tools import ToolException

CANONICAL = "%Y-%m-%d %H:%M:%S"

_DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%m/%d/%Y", "%m-%d-%Y", "%d.%m.%Y",
    "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%A %B %d %Y", "%a %b %d %Y",
    "%A %d %B %Y", "%a %d %b %Y", "%Y%m%d",
)
_DATE_NO_YEAR = ("%B %d", "%b %d", "%d %B", "%d %b", "%A %B %d", "%a %b %d")
_TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I %p", "%H%M%S")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME_AT_END = re.compile(
    r"(?:^|[\sT,@]|\bat\s)\s*(\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"\s*(?:z|utc|[+-]\d{2}:?\d{2})?$", re.I)
_NAMED_TIMES = {"noon": time(12), "midday": time(12), "midnight": time(0),
                "morning": time(9), "afternoon": time(14), "evening": time(18), "tonight": time(20)}

HELP = "Use the form YYYY-MM-DD HH:MM:SS, e.g. 2026-11-27 15:00:00 (or YYYY-MM-DD for a whole day)."


def _parse_time(text: str) -> time:
    t = re.sub(r"\s+", " ", text.lower().replace(".", "")).strip()
    t = re.sub(r"(\d)\s*([ap])m?$", r"\1 \2m", t)
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(t.upper(), fmt).time()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_date(text: str, today: date) -> date:
    t = re.sub(r"[,\s]+", " ", text.strip().rstrip(",")).strip()
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t, flags=re.I)
    low = t.lower()
    if low in ("today", "now", ""):
        return today
    if low == "tomorrow":
        return today + timedelta(days=1)
    if low == "yesterday":
        return today - timedelta(days=1)
    words = low.split()
    if words and words[-1] in _WEEKDAYS and len(words) <= 2 and words[0] in (words[-1], "next", "this", "on"):
        ahead = (_WEEKDAYS.index(words[-1]) - today.weekday()) % 7
        if words[0] == "next" and ahead == 0:
            ahead = 7
        return today + timedelta(days=ahead)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    for fmt in _DATE_NO_YEAR:
        try:
            d = datetime.strptime(f"{t} {today.year}", f"{fmt} %Y").date()
        except ValueError:
            continue
        return d if d >= today - timedelta(days=31) else d.replace(year=today.year + 1)
    raise ValueError(text)


def parse_when(text: str, what: str = "date", now: datetime | None = None) -> tuple[datetime, bool]:
    """``(datetime, has_time)`` for a date string; naive local time; ToolException if unreadable."""
    raw = str(text or "").strip()
    if not raw:
        raise ToolException(f"The {what} is empty. {HELP}")
    now = now or datetime.now()
    try:
        dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        if dt.tzinfo is not None:
            dt = dt.astimezone().replace(tzinfo=None)
        has_time = bool(re.search(r"\d[T ]\d", raw)) or len(raw) > 10
        return dt, has_time
    except ValueError:
        pass
    body = raw
    tod: time | None = None
    low = raw.lower()
    for word, value in _NAMED_TIMES.items():
        if low.endswith(word):
            tod, body = value, raw[: -len(word)].rstrip(" ,")
            body = re.sub(r"\s+(at|in the|this)$", "", body, flags=re.I)
            break
    if tod is None:
        m = _TIME_AT_END.search(raw)
        if m:
            try:
                tod = _parse_time(m.group(1))
                body = raw[: m.start(1)]
                body = re.sub(r"(\s+at|T|,|@)\s*$", "", body.rstrip(), flags=re.I)
            except ValueError:
                tod = None
    try:
        day = _parse_date(body, now.date())
    except ValueError:
        if tod is not None and not body.strip():
            day = now.date()
        else:
            raise ToolException(f"Could not read the {what} {raw!r}. {HELP}") from None
    if tod is None:
        return datetime.combine(day, time(0)), False
    return datetime.combine(day, tod), True


def format_when(dt: datetime, has_time: bool = True) -> str:
    return dt.strftime(CANONICAL if has_time else "%Y-%m-%d")
