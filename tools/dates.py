"""Resolve a person's own words for a time ("next Friday 3pm", "in two hours", "Dec 3") by rule.

The planner copies the user's phrase; this module turns it into a date against "now" (see
``tools.clock``), deterministically. Conventions (also in the README):

- a bare weekday or "next <weekday>" is the first such day strictly after today; "this <weekday>"
  may be today; "next week" is next Monday; "this weekend" is the coming Saturday;
- "12/03" is month/day (US order); "3.12." and "3.12.2026" are day.month;
- a date without a year is the next such date (one already past this year means next year);
- an hour without am/pm from 1 to 7 is in the afternoon ("at 3", "4:30"), 8 to 11 in the morning; one written
  with a leading zero or as four digits is a 24-hour clock ("07:40", "0730", "wed 1400", "1900hrs"), and so is
  "16 o'clock"; "at 8 30" is 8:30;
- a time alone is today if still ahead, else tomorrow; morning 09:00, noon 12:00, afternoon 14:00,
  evening 18:00, tonight 20:00, end of day 17:00;
- "in N minutes/hours/days/weeks" counts from now.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

try:
    from langchain_core.tools import ToolException
except ImportError:  # a bare training box (torch, transformers, peft, gguf): `finetune train` reads dates too
    class ToolException(Exception):  # type: ignore[no-redef]
        """Stands in for langchain_core's ToolException where langchain is not installed."""

from tinyagent.tools.clock import now as clock_now

CANONICAL = "%Y-%m-%d %H:%M:%S"

HELP = ("Use the person's own words (e.g. 'next Friday at 3pm', 'tomorrow 9am', 'Dec 3', 'in two "
        "hours') or YYYY-MM-DD HH:MM:SS, e.g. 2026-11-27 15:00:00.")

WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
            "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
            "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
          "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
          "december": 12, "dec": 12}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fortyfive": 45,
           "ninety": 90, "couple": 2, "a couple of": 2, "few": 3, "a few": 3}
NAMED_TIMES = {"noon": time(12), "midday": time(12), "midnight": time(0), "lunchtime": time(12),
               "lunch": time(12), "morning": time(9), "afternoon": time(14), "evening": time(18),
               "tonight": time(20), "night": time(20), "eod": time(17), "end of day": time(17),
               "end of the day": time(17), "cob": time(17), "close of business": time(17)}
TYPOS = {"tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "tomorow": "tomorrow",
         "tommorow": "tomorrow", "tommorrow": "tomorrow", "2morrow": "tomorrow", "tomm": "tomorrow",
         "tonite": "tonight", "2nite": "tonight", "tday": "today", "2day": "today", "thursady": "thursday",
         "wendesday": "wednesday", "wensday": "wednesday", "firday": "friday", "saterday": "saturday",
         "mrng": "morning", "mornin": "morning", "hrs": "hours", "hr": "hour", "mins": "minutes",
         "min": "minutes", "wk": "week", "wks": "weeks"}
UNITS = {"minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440,
         "week": 10080, "weeks": 10080}

_NUM = r"(\d+|a couple of|a few|couple of|few|" + "|".join(sorted(
    (k for k in NUMBERS if " " not in k), key=len, reverse=True)) + r")"
_IN = re.compile(rf"\bin\s+(?:about\s+)?{_NUM}\s+(minutes?|hours?|days?|weeks?)\b")
_HALF_HOUR = re.compile(r"\bin\s+(?:half an hour|a half hour|30 min)\b")
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(\d{1,2}):(\d{2})(?::\d{2})?\b")
_AT_HOUR = re.compile(r"\b(?:at|@|by|around|from)\s+(\d{1,2})\b(?!\s*(?:[:/.]|st|nd|rd|th|minutes?|hours?|days?))")
_HALF_PAST = re.compile(r"\bhalf past (\d{1,2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?)?\b")
_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_DOTS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)")
_MONTH_DAY = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) +
                        r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + "|".join(
    sorted(MONTHS, key=len, reverse=True)) + r")\b\.?(?:,?\s*(\d{4}))?")
_THE_NTH = re.compile(r"\b(?:the|on)\s+(\d{1,2})(?:st|nd|rd|th)\b")
_WEEKDAY = re.compile(r"\b(?:(this|next|coming|on|this coming|the)\s+)?(" + "|".join(
    sorted(WEEKDAYS, key=len, reverse=True)) + r")\b")


_HOURS = {w: n for w, n in NUMBERS.items() if " " not in w and n <= 12 and w not in ("a", "an", "couple", "few")}
_HOUR_WORD = "|".join(sorted(_HOURS, key=len, reverse=True))
_MINUTE_WORDS = {"o'clock": 0, "oclock": 0, "fifteen": 15, "thirty": 30, "forty-five": 45, "fortyfive": 45}
#: "at four", "at five thirty", "half past two", "quarter past three", "quarter to five": a clock said in words
_WORD_CLOCK = re.compile(rf"\b(?P<at>at|@|around|from)\s+(?P<h>{_HOUR_WORD})(?:\s+(?P<m>o'?clock|fifteen|thirty|"
                         rf"forty-?five))?(?=\s|$)(?!\s+(?:of|point|time|place|stage|side|another|or))"
                         rf"|\bhalf\s+past\s+(?P<hp>{_HOUR_WORD})\b"
                         rf"|\b(?:a\s+)?quarter\s+(?P<qw>past|to)\s+(?P<hq>{_HOUR_WORD}|\d{{1,2}})\b"
                         # British and Irish "from half 2", "at half two": half past ("half an hour" is a length)
                         rf"|\b(?P<hl>at|@|around|from|by|till|until)\s+half\s+(?P<hh>{_HOUR_WORD}|\d{{1,2}})\b(?!:)")


def _clock_words(low: str) -> str:
    """A clock said in words written in digits: "at four" -> "at 4", "quarter to five" -> "at 4:45"."""
    def digits(m: re.Match) -> str:
        if m["h"]:
            minute = _MINUTE_WORDS.get((m["m"] or "o'clock").replace("-", ""), 0)
            return f"{m['at']} {_HOURS[m['h']]}" + (f":{minute:02d}" if minute else "")
        if m["hp"]:
            return f"half past {_HOURS[m['hp']]}"
        if m["hh"]:
            hour = int(m["hh"]) if m["hh"].isdigit() else _HOURS[m["hh"]]
            return f"{m['hl']} {hour}:30" if hour <= 12 else m[0]
        hour = int(m["hq"]) if m["hq"].isdigit() else _HOURS[m["hq"]]
        return f"at {hour}:15" if m["qw"] == "past" else f"at {(hour - 1) or 12}:45"
    return _WORD_CLOCK.sub(digits, low)


_LEADS = r"at|@|around|from|by|till|until|to"
#: "16 o'clock", "at 10 oclock"
_DIGIT_OCLOCK = re.compile(rf"\b(?:(?:{_LEADS})\s+)?(\d{{1,2}})\s*o'?\s?clock\b")
#: "at 8 30", "till 10 30", "at 9 45pm": an hour and its minutes with a space between, after a word that leads a time
_SPACED = re.compile(rf"\b({_LEADS})\s+(\d{{1,2}})\s+([0-5]\d)(?:\s*(a\.?m\.?|p\.?m\.?))?(?![\w:%])")
#: "0730", "1400", "at 1600", "1900hrs": a 24-hour clock of four digits (read by _military)
_MILITARY = re.compile(rf"(?<![\w:/.\-])(?:({_LEADS})\s+)?([01]\d|2[0-3])([0-5]\d)(?:\s*(h|hrs|hours)\b)?(?![\w:/.\-])")
_DAY_WORD = re.compile(r"\b(?:today|tonight|tomorrow|" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b")


def _military(low: str) -> str:
    """A 24-hour clock of four digits written with am/pm ("wed 1400" -> "wed 2:00pm", "0730" -> "7:30am"),
    where it is one: a leading zero, a word that leads a time ("at 1600", "till 0930"), "h"/"hrs" after it, or
    a day named beside it ("thursday 0800", "2morrow 1600"); 2000-2059 only with a lead word or "hrs" (a year)."""
    day = bool(_DAY_WORD.search(low))

    def clock(m: re.Match) -> str:
        lead, hh, mm, unit = m[1], m[2], m[3], m[4]
        if not (hh.startswith("0") or lead or unit or day and hh != "20"):
            return m[0]
        h = int(hh)
        said = f"{h % 12 or 12}:{mm}{'am' if h < 12 else 'pm'}"
        return f"{lead} {said}" if lead else said
    return _MILITARY.sub(clock, low)


#: "at 14h", "from 18h", "the friday at 10h", "15h30": a clock written the French or Portuguese way (24-hour)
_H_CLOCK = re.compile(r"(?<![\w:.])(?:(?P<lead>at|@|around|from|by|till|until|to|às|as|a)\s+)?(?P<h>\d{1,2})h(?P<m>[0-5]\d)?\b")


def _h_clock(low: str) -> str:
    """"14h" -> "2:00pm", "at 9h30" -> "at 9:30am": where it is a clock (a word that leads a time, or a day named beside
    it and an hour from 7), not a length ("for 2h", "in 3h")."""
    day = bool(_DAY_WORD.search(low))

    def clock(m: re.Match) -> str:
        h = int(m["h"])
        before = low[:m.start()].split()[-1:] if m.start() else []
        if h > 23 or before and before[0] in ("for", "in", "during", "takes", "lasting", "of", "last") \
                or not (m["lead"] or day and h >= 7):
            return m[0]
        said = f"{h % 12 or 12}:{m['m'] or '00'}{'am' if h < 12 else 'pm'}"
        return f"{m['lead']} {said}" if m["lead"] else said
    return _H_CLOCK.sub(clock, low)


def _clock_digits(low: str) -> str:
    """Clocks written in digits the other readers do not take: "16 o'clock" -> "at 16", "at 8 30" -> "at 8:30",
    "thursday 0800" -> "thursday 8:00am"."""
    low = _h_clock(_DIGIT_OCLOCK.sub(lambda m: f"at {m[1]}", low))
    low = _SPACED.sub(lambda m: f"{m[1]} {m[2]}:{m[3]}{m[4] or ''}" if int(m[2]) <= 23 else m[0], low)
    return _military(low)


def _clean(text: str) -> str:
    low = " " + text.lower().replace(",", " ").replace("’", "'") + " "
    for typo, word in TYPOS.items():
        low = re.sub(rf"(?<=\W){re.escape(typo)}(?=\W)", word, low)
    return _clock_digits(_clock_words(" ".join(low.split())))


def _num(word: str) -> int:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word, NUMBERS.get(word.replace(" of", "").strip(), 1))


def _year_of(month: int, day: int, year: str | None, today: date) -> date:
    if year:
        y = int(year)
        return date(y + 2000 if y < 100 else y, month, day)
    d = date(today.year, month, day)
    return d if d >= today else date(today.year + 1, month, day)


def _find_date(low: str, today: date) -> date | None:
    """The calendar day the phrase names, or None when it names none."""
    if m := _ISO.search(low):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if re.search(r"\bday after tomorrow\b", low):
        return today + timedelta(days=2)
    if re.search(r"\btomorrow\b", low):
        return today + timedelta(days=1)
    if re.search(r"\byesterday\b", low):
        return today - timedelta(days=1)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return today
    month_day, day_month = _MONTH_DAY.search(low), _DAY_MONTH.search(low)
    if day_month and (not month_day or day_month.start() < month_day.start()):
        # "30 June 4:30", "12 March 10 am": the day comes first, and the number after the month
        # is the time, not the day
        return _year_of(MONTHS[day_month[2]], int(day_month[1]), day_month[3], today)
    if month_day:
        return _year_of(MONTHS[month_day[1]], int(month_day[2]), month_day[3], today)
    if m := _SLASH.search(low):
        return _year_of(int(m[1]), int(m[2]), m[3], today)
    if m := _DOTS.search(low):
        return _year_of(int(m[2]), int(m[1]), m[3], today)
    if m := _WEEKDAY.search(low):
        qualifier, wd = m[1] or "", WEEKDAYS[m[2]]
        ahead = (wd - today.weekday()) % 7
        if ahead == 0 and not qualifier.startswith("this"):
            ahead = 7
        if "next week" in low:
            ahead = 7 - today.weekday() + wd
        return today + timedelta(days=ahead)
    if re.search(r"\b(next|this coming) weekend\b", low):
        return today + timedelta(days=(5 - today.weekday()) % 7 + (7 if today.weekday() < 5 else 0))
    if re.search(r"\b(this )?weekend\b", low):
        return today + timedelta(days=(5 - today.weekday()) % 7)
    if re.search(r"\bnext week\b", low):
        return today + timedelta(days=7 - today.weekday())
    if re.search(r"\bend of (the )?week\b", low):
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if re.search(r"\bnext month\b", low):
        return date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    if re.search(r"\bend of (the )?month\b", low):
        first_next = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        return first_next - timedelta(days=1)
    if m := _THE_NTH.search(low):
        day = int(m[1])
        y, mo = today.year, today.month
        if day < today.day:
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        for _ in range(3):  # "the 31st" in a 30-day month: the next month that has one
            try:
                return date(y, mo, day)
            except ValueError:
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        raise ValueError(low)
    return None


def _find_time(low: str) -> time | None:
    """The time of day the phrase names, or None."""
    if m := _ISO.search(low):
        if m[4]:
            return time(int(m[4]), int(m[5]), int(m[6] or 0))
    if m := _HALF_PAST.search(low):
        hour = int(m[1])
        return time(hour + 12 if 1 <= hour <= 7 else hour, 30)
    if m := _CLOCK.search(low):
        if m[3]:
            hour, minute = int(m[1]), int(m[2] or 0)
            pm = m[3].startswith("p")
            if hour > 12 or minute > 59:
                raise ValueError(low)
            hour = (hour % 12) + (12 if pm else 0)
            return time(hour, minute)
        hour, minute = int(m[4]), int(m[5])
        if hour > 23 or minute > 59:
            raise ValueError(low)
        if 1 <= hour <= 7 and not m[4].startswith("0") and not re.search(r"\b(morning|am)\b", low) or hour < 12 and re.search(
                r"\b(afternoon|evening|tonight|night|pm)\b", low):
            hour += 12
        return time(hour, minute)
    if m := _AT_HOUR.search(low):
        hour = int(m[1])
        if hour > 23:
            raise ValueError(low)
        if re.search(r"\b(morning|am)\b", low):
            return time(hour % 12)
        if 1 <= hour <= 7 or re.search(r"\b(afternoon|evening|tonight|night)\b", low) and hour < 12:
            return time(hour + 12)
        return time(hour)
    for word in sorted(NAMED_TIMES, key=len, reverse=True):
        if re.search(rf"\b{word}\b", low):
            return NAMED_TIMES[word]
    return None


def parse_when(text: str, what: str = "date", now: datetime | None = None) -> tuple[datetime, bool]:
    """``(datetime, has_time)`` for a person's words for a time; naive local time; ToolException if
    the words name no time."""
    raw = str(text or "").strip()
    if not raw:
        raise ToolException(f"The {what} is empty. {HELP}")
    now = (now or clock_now()).replace(second=0, microsecond=0)
    try:
        dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        if dt.tzinfo is not None:
            dt = dt.astimezone().replace(tzinfo=None)
        return dt, bool(re.search(r"\d[T ]\d", raw)) or len(raw) > 10
    except ValueError:
        pass
    low = _clean(raw)
    try:
        if re.search(r"\ball[- ]day\b", low) and not _find_date(low, now.date()):
            low += " today"
        if _HALF_HOUR.search(low):
            return now + timedelta(minutes=30), True
        if m := _IN.search(low):
            minutes = _num(m[1]) * UNITS[m[2]]
            if minutes < 1440:
                return now + timedelta(minutes=minutes), True
            day, tod = (now + timedelta(minutes=minutes)).date(), _find_time(low)
            return datetime.combine(day, tod or time(0)), tod is not None
        if re.search(r"\bright now\b|^now$", low):
            return now, True
        day = _find_date(low, now.date())
        tod = _find_time(low)
    except ValueError:
        raise ToolException(f"Could not read the {what} {raw!r}: {_impossible_day(low) or 'no such date or time'}. "
                            f"{HELP}") from None
    if re.search(r"\ball[- ]day\b", low):
        tod = None
    if day is None and tod is None:
        raise ToolException(f"Could not read the {what} {raw!r}. {HELP}")
    if day is None:  # a time alone: the next time the clock shows it
        day = now.date() if datetime.combine(now.date(), tod) >= now else now.date() + timedelta(days=1)
    if tod is None:
        return datetime.combine(day, time(0)), False
    return datetime.combine(day, tod), True


_DURATION = re.compile(rf"^(?:for\s+)?(?:about\s+)?{_NUM}\s*(minutes?|hours?|h|m)\b(?:\s+and\s+a\s+half)?")


def parse_duration(text: str) -> timedelta | None:
    """'2 hours', 'for 90 minutes', 'an hour and a half', '1.5h', 'two and a half hours', 'during 90 minutes' as a
    timedelta; None if not one."""
    low = re.sub(r"^during\s+", "for ", _clean(str(text or "")))
    # "two and a half hours": the half said before the unit
    low = re.sub(r"^((?:for\s+)?(?:about\s+)?(?:\d+|[a-z]+))\s+and\s+a\s+half\s+(hours?|hrs?)\b", r"\1 \2 and a half", low)
    if m := re.match(r"^(?:for\s+)?(\d+(?:\.\d+)?)\s*(h|hours?|m|minutes?)$", low):
        value = float(m[1])
        return timedelta(hours=value) if m[2].startswith("h") else timedelta(minutes=value)
    if m := _DURATION.match(low):
        n = _num(m[1])
        unit = 60 if m[2].startswith("h") else 1
        extra = 30 if "and a half" in low and unit == 60 else 0
        return timedelta(minutes=n * unit + extra)
    if re.match(r"^(?:for\s+)?(?:a\s+)?half(?:\s+an|\s+a)?[\s-]+hour$", low):  # "half an hour", "a half hour", "half-hour"
        return timedelta(minutes=30)
    return None


def parse_end(text: str, start: datetime, start_timed: bool, what: str = "end_date",
              now: datetime | None = None) -> tuple[datetime, bool]:
    """An end given as a duration ('2 hours'), a time on the start's day ('5pm') or a full date."""
    if (length := parse_duration(text)) is not None:
        return start + length, True
    low = _clean(str(text or ""))
    try:
        has_day = _find_date(low, start.date()) is not None or bool(_ISO.search(low))
    except ValueError:
        has_day = False
    end, timed = parse_when(text, what, now=now)
    if not has_day and timed:  # "5pm": on the start's day ("4:30" after a 3pm start: the afternoon)
        end = datetime.combine(start.date(), end.time())
        if end <= start and end + timedelta(hours=12) > start and end.hour < 12:
            end += timedelta(hours=12)
    return end, timed


def format_when(dt: datetime, has_time: bool = True) -> str:
    return dt.strftime(CANONICAL if has_time else "%Y-%m-%d")


#: Date and time layouts a tool's schema can ask for (JSON-schema ``format``, or the layout spelled
#: out in a parameter's description), as strftime patterns.
SCHEMA_FORMATS = {"date": "%Y-%m-%d", "date-time": "%Y-%m-%dT%H:%M:%S", "time": "%H:%M"}
_LAYOUTS = [  # longest first: "YYYY-MM-DDTHH:MM:SS" before "YYYY-MM-DD"
    (r"YYYY-MM-DD[T ]HH:MM:SS", None), (r"YYYY-MM-DD[T ]HH:MM", None), (r"YYYY-MM-DD", "%Y-%m-%d"), (r"YYYY-MM(?![-\w])", "%Y-%m"),
    (r"ISO[ -]?8601 (?:date[- ]time|timestamp|datetime)", "%Y-%m-%dT%H:%M:%S"),
    (r"HH:MM:SS", "%H:%M:%S"), (r"\bHH:MM\b", "%H:%M")]


def layout_of(schema_format: str, description: str) -> str:
    """The strftime pattern a parameter's value must follow, or "" when it names none."""
    if schema_format in SCHEMA_FORMATS:
        return SCHEMA_FORMATS[schema_format]
    for pattern, fmt in _LAYOUTS:
        m = re.search(pattern, description or "")
        if m:
            if fmt is None:  # spelled out: keep its own separator and precision
                text = m.group(0)
                fmt = "%Y-%m-%d" + text[10] + "%H:%M" + (":%S" if text.endswith(":SS") else "")
            return fmt
    return ""


def fit_layout(value: str, fmt: str) -> str:
    """A time in the person's words ("Dec 4 at 10:30", "2026-12-04 at 10:30") written in the layout
    a tool asks for ("2026-12-04 10:30"), resolved by the same rules as the project's own tools;
    the value unchanged when its words name no time."""
    try:
        if fmt in ("%H:%M", "%H:%M:%S"):
            t = _find_time(_clean(value))
            if t is None:
                return value
            return t.strftime(fmt)
        dt, _ = parse_when(value)
    except (ToolException, ValueError, OverflowError):
        return value
    return dt.strftime(fmt)


def describe(dt: datetime, has_time: bool = True) -> str:
    """'Friday 4 December 2026, 15:00' (or without the time), as the answer states a date."""
    day = f"{dt.strftime('%A')} {dt.day} {dt.strftime('%B %Y')}"
    return f"{day}, {dt.strftime('%H:%M')}" if has_time else day


def _impossible_day(low: str) -> str | None:
    """What is wrong with a day the month does not have ("February has no 30th"), or None."""
    import calendar

    for m in (*_MONTH_DAY.finditer(low), *_DAY_MONTH.finditer(low)):
        month_word, day = (m[1], int(m[2])) if m.re is _MONTH_DAY else (m[2], int(m[1]))
        month = MONTHS[month_word]
        year = int(m[3]) if m[3] else None
        last = calendar.monthrange(year or 2028, month)[1] if year or month != 2 else 29
        if day > last:
            name = calendar.month_name[month]
            nth = f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
            return f"{name}{f' {year}' if year else ''} has no {nth}; which day did you mean"
    return None
