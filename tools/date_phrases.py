"""The person's own words for times in a request ("next Friday at 3pm", "for 2 hours"), for the planner's grammar and the training data."""

from __future__ import annotations

import re
from datetime import datetime

from tinyagent.tools.dates import (_HOUR_WORD, _IN, MONTHS, NUMBERS, TYPOS, WEEKDAYS, ToolException, _clean, _find_date, _find_time,
                                   parse_duration, parse_when)

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MO = "|".join(sorted(MONTHS, key=len, reverse=True))
_TY = "|".join(sorted((re.escape(t) for t, w in TYPOS.items() if w in ("tomorrow", "tonight", "today")),
                      key=len, reverse=True))
_PIECES = [
    rf"(?:(?:this|next|coming|this coming)\s+)?(?:{_WD})\b(?:\s+(?:next week|morning|afternoon|evening|night))?",
    rf"(?:the\s+)?day after (?:tomorrow|{_TY})", rf"(?:tomorrow|today|tonight|{_TY})(?:\s+(?:morning|afternoon|evening|night))?",
    r"this (?:morning|afternoon|evening)", r"(?:next|this|coming) (?:week|weekend|month)(?:end)?",
    r"end of (?:the )?(?:day|week|month)", r"eod|cob|noon|midday|midnight|lunchtime",
    rf"(?:in the )?(?:morning|afternoon|evening)(?!\s+(?:{_WD})\b)",  # ("parents evening tues 6pm": an event's name)
    rf"(?:{_MO})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?",
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MO})\b(?:,?\s*\d{{4}})?",
    rf"the \d{{1,2}}(?:st|nd|rd|th)(?:\s+of\s+(?:{_MO})\b(?:,?\s*\d{{4}})?)?", r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?", r"\d{1,2}\.\d{1,2}\.(?:\d{4})?",
    r"half past \d{1,2}", rf"half past (?:{_HOUR_WORD})",
    rf"(?:at|@|around|from|by|till|until)\s+half\s+(?:{_HOUR_WORD}|\d{{1,2}})(?![\d:])",  # "from half 2": 2:30 rf"(?:a )?quarter (?:past|to) (?:{_HOUR_WORD}|\d{{1,2}})",
    # a 24-hour clock ("thursday 0800", "at 1600", "1900hrs"; tools/dates.py reads it only where it is one)
    r"(?:(?:at|@|around|from|by|till|until)\s+)?(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:h|hrs|hours)\b)?(?![\d:/.\-])",
    r"(?:(?:at|@|around|from|by)\s+)?\d{1,2}\s*o'?\s?clock",  # "16 o'clock"
    r"(?:at|@|around|from|by|till|until)\s+\d{1,2}h(?:[0-5]\d)?(?![\w:])",  # "at 14h", "from 18h", "at 15h30"
    r"(?:[7-9]|1\d|2[0-3])h(?:[0-5]\d)?(?![\w:])",  # "tomorrow 9h" (not "2h": a length)
    r"(?:at|@|around|from|by|till|until)\s+\d{1,2}\s+[0-5]\d(?:\s*[ap]\.?m\.?)?(?![\w:%])",  # "at 8 30"
    rf"(?:at|@|around|from) (?:{_HOUR_WORD})(?:\s+(?:o'?clock|fifteen|thirty|forty-?five))?"
    r"(?!\s+(?:of|point|time|place|stage|side|another|or)\b)", r"\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)", r"\d{1,2}:\d{2}",
    r"(?:at|@|around|by|from) \d{1,2}(?![\d:/.]|\s*(?:st|nd|rd|th|minutes?|hours?|days?|%|[ap]\.?m))",
    rf"in (?:about )?(?:\d+|a couple of|a few|{'|'.join(k for k in NUMBERS if ' ' not in k)}) "
    r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b", r"in half an hour", r"all[- ]day",
]
_PIECE = re.compile(r"(?<![\w$])(?:" + "|".join(f"(?:{p})" for p in _PIECES) + r")(?!\w)", re.I)
_GLUE = re.compile(r"^[\s,]*(?:(?:at|on|by|@|around|from)\s*)?$", re.I)
_LEAD = re.compile(rf"^(?:on|at|by|@|around)\s+(?!(?:{_HOUR_WORD})\b|\d{{1,2}}h)", re.I)  # ("at seven tomorrow" keeps its "at")
_FOR = re.compile(rf"\b(?:for|during)\s+(?:about\s+)?(?:\d+(?:\.\d+)?|{'|'.join(k for k in NUMBERS if ' ' not in k)})"
                  r"(?:\s+and\s+a\s+half)?\s*(?:minutes?|mins?|hours?|hrs?|h)\b(?:\s+and\s+a\s+half)?", re.I)


def find_phrases(text: str) -> list[str]:
    """The person's own words for times in ``text``, as a planner should copy them: each maximal
    run of date and time words ("next Friday at 3pm"), a separate date and time joined ("Friday
    3pm"), and lengths ("for 2 hours"). Only phrases that :func:`parse_when` (or, for lengths,
    :func:`parse_duration`) reads are returned."""
    spans: list[list[int]] = []
    for m in _PIECE.finditer(text or ""):
        if spans and _GLUE.match(text[spans[-1][1]:m.start()]):
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    phrases = [_LEAD.sub("", text[a:b].strip(" ,")) for a, b in spans]
    ref = datetime(2026, 1, 5, 10)
    out: list[str] = []

    def keep(p: str) -> None:
        if p and p not in out:
            try:
                parse_when(p, now=ref)
            except ToolException as exc:
                if "has no" not in str(exc):  # (a day the month lacks is kept: the tool says so)
                    return
            out.append(p)

    for p in phrases:
        if p.endswith(".") and not p.endswith("m."):
            n = len(out)
            keep(p.rstrip("."))
            if len(out) > n:
                continue
        keep(p)
    dates = [p for p in out if _find_time(_clean(p)) is None]
    def no_date(p: str) -> bool:
        try:
            return _find_date(_clean(p), ref.date()) is None
        except ValueError:  # a day the month lacks: a date all the same
            return False
    times = [p for p in out if no_date(p) and not _IN.search(_clean(p))]
    for d in dates:
        for t in times:
            if d != t:
                keep(f"{d} {t}")
    # a time said before a phrase with a day and a time gets that day ("0730 to 0930 wed": "wed 0730"; an end
    # said after it, "friday 9am-10am", stays as said: it ends on the start's day)
    low = (text or "").lower()
    for p in [p for p in out if p not in dates and not no_date(p)]:
        days = [m[0] for m in _PIECE.finditer(p) if _find_time(_clean(m[0])) is None and not no_date(m[0])]
        for t in times:
            if days and t != p and -1 < low.find(t.lower()) < low.find(p.lower()):
                keep(f"{days[0]} {t}")
    for m in _FOR.finditer(text or ""):
        if m[0] not in out and parse_duration(m[0]) is not None:
            out.append(m[0])
    return out
