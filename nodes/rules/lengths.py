"""A length the person states ("for 45 minutes") becomes the event's end, never an event of its own (guards dates)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, is_ref, renumbered
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.tools.dates import parse_duration
from tinyagent.nodes.rules.registry import rule


#: "block 45 minutes", "a 30-minute catch-up": a length without "for" (never "in 45 minutes", a time)
_BARE = re.compile(r"(?<!\bin )(?<!\bwithin )(?<!\bafter )\b(\d{1,3}|an?|one|two|three|half an|half a|half)"
                   r"(\s+and\s+a\s+half)?[\s-]*"  # ("block 2 and a half hours")
                   r"(minutes?|mins?|hours?|hrs?|h)\b(\s+and\s+a\s+half\b)?"  # ("takes about an hour and a half")
                   r"(?! (?:late|early|ago|before|after|from now))", re.I)


def bare_lengths(query: str) -> list[str]:
    """Lengths the request states without "for" ("block 45 minutes"), as "45 minutes"; not a clock written with "h"
    ("on Thursday at 15h": three in the afternoon, not fifteen hours)."""
    out = []
    for m in _BARE.finditer(query):
        if m.group(3).lower() == "h" and re.search(r"\b(?:at|from|to|till|until|by|around|@)\s*$", query[:m.start()], re.I):
            continue
        phrase = f"{m.group(1)}{m.group(2) or ''} {m.group(3)}{m.group(4) or ''}"
        if parse_duration(phrase) is not None:
            out.append(phrase)
    return out


#: What a length is of, right after it: "(30 min) call with James O'Brien", "(an hour) review w/ Sarah"
_LENGTH_OF = re.compile(r"^[\s-]*(?:long\s+)?(?!(?:on|at|in|for|to|by|from|this|next|tomorrow|today|and|with)\b)[a-z][\w'-]*"
                        r"(?:\s+(?:with|w/)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?", re.I)


def _end_param(spec) -> str | None:
    """The optional time parameter that ends what the tool makes (``end_date``)."""
    return next((p.name for p in spec.params if p.role == "when" and not p.required and "end" in p.name.lower()),
                None)


def _minutes_param(spec) -> str | None:
    """An optional whole-number parameter that takes a length in minutes (a meeting link's ``duration``)."""
    return next((p.name for p in spec.params if not p.required and p.type == "integer"
                 and ("duration" in p.name.lower() or "minute" in p.description.lower())), None)


@rule("stated_length", "compile",
      "a stated length ('for 45 minutes') is the event's end, not an event", "dates")
def stated_length(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """With exactly one length in the request and one step that can take it (or a meeting link and its event): an
    event without an end (or with its start again as its end) gets the length as its end (the tool reads "for 45
    minutes" from the start), a meeting link without a length gets it in minutes; a step of the same tool whose title is only that length ("45 minutes", a
    second event the planner made of it) is dropped."""
    request = as_request(query)
    lengths = [p for p in request.phrases if parse_duration(p) is not None] or bare_lengths(request.query)
    if len(lengths) != 1:
        return None
    phrase, length = lengths[0], parse_duration(lengths[0])
    takers = [t for t in tasks if t.tool in specs and (_end_param(specs[t.tool]) or _minutes_param(specs[t.tool]))]
    used = {d for t in tasks for d in t.deps}

    def made_of_it(t: Task) -> bool:  # its required texts are all the length: "45 minutes" as a title
        texts = [t.args.get(p.name) for p in specs[t.tool].params
                 if p.required and p.type == "string" and p.role != "when"]
        return t.id not in used and bool(texts) and all(
            isinstance(v, str) and not is_ref(v) and parse_duration(v) is not None for v in texts)

    extra = [t for t in takers if made_of_it(t)]
    keep = [t for t in tasks if t not in extra] if extra and len(extra) < len(takers) else list(tasks)
    takers = [t for t in takers if t in keep]
    # ("half an hour call with James on Friday at 9, put it on the calendar": the link and its event, one length)
    pair = (len(takers) == 2 and sum(_end_param(specs[t.tool]) is not None for t in takers) == 1
            and sum(_end_param(specs[t.tool]) is None and _minutes_param(specs[t.tool]) is not None for t in takers) == 1)
    if pair:  # (only where the event too has no end yet: an event with its end says the length already)
        ev = next(t for t in takers if _end_param(specs[t.tool]) is not None)
        start_of = next((p.name for p in specs[ev.tool].params if p.role == "when" and p.required), None)
        pair = ev.args.get(_end_param(specs[ev.tool])) in (None, "", ev.args.get(start_of))  # (no end, or its start again)
    if len(takers) != 1 and not pair:
        return renumbered(keep, tasks[0].id) if len(keep) < len(tasks) else None
    for t in takers:
        spec = specs[t.tool]
        end, minutes = _end_param(spec), _minutes_param(spec)
        start = next((p.name for p in spec.params if p.role == "when" and p.required), None)
        # an end that only repeats the start ("Friday at 2pm" to "Friday at 2pm") says no end: the length does
        no_end = bool(end) and (not t.args.get(end) or (start is not None and t.args.get(end) == t.args.get(start)))
        if no_end:
            keep = [replace(x, args={**x.args, end: phrase}) if x is t else x for x in keep]
        # "book a 30 min call with James O'Brien wed 9:30" titled "30 minutes": what the length is of names it
        title = next((p.name for p in spec.params if p.required and p.type == "string" and p.role != "when"), None)
        what = _LENGTH_OF.search(request.query[request.query.lower().find(phrase.lower()) + len(phrase):]) \
            if phrase.lower() in request.query.lower() else None
        if title and isinstance(v := t.args.get(title), str) and v.strip() and not _BARE.sub("", v).strip(" -.") and what:
            named = what.group(0).strip()
            keep = [x.with_args({**x.args, title: named[:1].upper() + named[1:]}) if x.id == t.id else x for x in keep]
        elif minutes and not t.args.get(minutes) and end is None:
            keep = [replace(x, args={**x.args, minutes: round(length.total_seconds() / 60)}) if x is t else x
                    for x in keep]
    if keep == tasks:
        return None
    return renumbered(keep, tasks[0].id) if len(keep) < len(tasks) else keep


_T = r"\d{1,2}(?::\d{2})?(?!\d)|(?:[01]\d|2[0-3])[0-5]\d"  # (a 24-hour clock without its colon: "1930 to 0730")
#: "from 4:30 to 5:15pm", "2-4pm", "between 10 and 11:30", "9:00 - 9:45": an event's start and end
_RANGE = re.compile(rf"(?:\b(?:from|between)\s+)?(?<![\d:])(?P<a>{_T})\s*(?P<ap>am|pm)?\s*(?:-|–|to|till|until|and)\s*"
                    rf"(?P<b>{_T})\s*(?P<bp>am|pm)?(?![\d:])(?!\s*(?:people|persons|guests|minutes?|mins?|hours?|hrs?|"
                    rf"days?|weeks?|times|x|%))", re.I)
#: A month's name or a day's ordinal beside a range: "from 20 to 27 december", "december from 20 to 27" are days
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DAYS_AFTER = re.compile(rf"(?:st|nd|rd|th)\b|\s*(?:of\s+)?{_MONTH}\b", re.I)
_DAYS_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.I)
#: Around a range's times in a date phrase, words that are not the day: "friday from 10", "tomorrow 9:00 -"
_RANGE_WORDS = re.compile(r"\b(?:from|between|at|till|until|to|and)\b|[-–]", re.I)


#: A day said just before a bare range, whose numbers are then hours: "wed 9-12", "tomorrow 2-4"
_DAY_BEFORE_HOURS = re.compile(r"\b(?:mon|tues?|wed|thu|thurs|fri|sat|sun)(?:day)?\.?\s*$|\b(?:today|tomorrow|tmrw|tmr|tonight)\s*$",
                               re.I)


def stated_range(query: str) -> tuple[str, str] | None:
    """(start, end) as the tools read them where the request states a time range ("put a call with sarah from
    4:30 to 5:15pm tomorrow" -> ("tomorrow at 4:30pm", "tomorrow at 5:15pm")); None where it states none, or
    two, or the range is no times (two numbers with neither a colon, am/pm nor "from")."""
    found = list(_RANGE.finditer(query))
    if len(found) != 1:
        return None
    m = found[0]
    a, b, ap, bp = m.group("a"), m.group("b"), (m.group("ap") or "").lower(), (m.group("bp") or "").lower()
    if len(a) == 4 and a.isdigit() or len(b) == 4 and b.isdigit():  # "tomorrow 1930 to 0730"; not "from 2025 to 2026"
        if not (len(a) == 4 and len(b) == 4 and _DAY_BEFORE_HOURS.search(query[:m.start()])) or ap or bp:
            return None
        a, b = f"{a[:2]}:{a[2:]}", f"{b[:2]}:{b[2:]}"
        query = query[:m.start()] + m.group(0).replace(m.group("a"), a, 1).replace(m.group("b"), b, 1) + query[m.end():]
    said_as_time = ":" in a or ":" in b or ap or bp or re.match(r"\s*(?:from|between)\b", m.group(0), re.I) \
        or _DAY_BEFORE_HOURS.search(query[:m.start()])  # ("block deep work wed 9-12")
    if not said_as_time or (m.group(0).lower().count(" and ") and not m.group(0).lower().startswith("between")):
        return None
    if not (":" in a or ":" in b or ap or bp) and (_DAYS_AFTER.match(query, m.end())
                                                    or _DAYS_BEFORE.search(query[:m.start()])):
        return None  # ("the conference from 3 to 5 june": days, not hours)
    if bp and not ap:  # "4:30 to 5:15pm": the start in the same half of the day, or the morning before ("11-1pm")
        ap = bp if int(a.split(":")[0]) <= int(b.split(":")[0]) or int(a.split(":")[0]) == 12 else "am"
    times = re.compile(rf"(?<![\w:])(?:{re.escape(a)}|{re.escape(b)})\s*(?:am|pm)?(?![\w:])", re.I)
    phrases = " ".join(as_request(query).phrases)

    def hour(t: re.Match) -> str:  # (a day's number stays: "from 3 to 5pm on 5 june")
        day_number = t.group(0).isdigit() and (_DAYS_AFTER.match(phrases, t.end())
                                               or _DAYS_BEFORE.search(phrases[:t.start()]))
        return t.group(0) if day_number else " "
    day = " ".join(_RANGE_WORDS.sub(" ", times.sub(hour, phrases)).split())
    day = " ".join(dict.fromkeys(day.split()))  # ("friday", "friday 4pm" -> "friday")
    at = f"{day} at " if day else ""
    return f"{at}{a}{ap}", f"{at}{b}{bp or ap}"


@rule("stated_range", "compile",
      "a stated time range ('from 4:30 to 5:15pm tomorrow') is the event's start and end", "dates")
def stated_range_rule(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """With one time range in the request and one step that takes a start and an end (an event), the step starts
    and ends at the range's times, on the day the request names: "put a call with sarah from 4:30 to 5:15pm
    tomorrow" was planned to start at "5:15pm tomorrow"."""
    found = stated_range(as_request(query).query)
    if found is None:
        return None
    takers = [t for t in tasks if t.tool in specs and _end_param(specs[t.tool])]
    if len(takers) != 1:
        return None
    t = takers[0]
    spec = specs[t.tool]
    start = next((p.name for p in spec.params if p.role == "when" and p.required), None)
    if start is None:
        return None
    first, last = (re.search(r"\d{1,2}(?::\d{2})?(?:am|pm)?$", x).group(0) for x in found)
    if _holds(t.args.get(start), first) and _holds(t.args.get(_end_param(spec)), last):
        return None  # (the plan has the range already, in its own words: "fri 3pm" to "5pm")
    args = {**t.args, start: found[0], _end_param(spec): found[1]}
    return [t.with_args(args) if x is t else x for x in tasks] if args != t.args else None


def _holds(value, time: str) -> bool:
    """``value`` (a plan's date text) says the clock time ``time`` ("4:30pm"): its hour and minutes."""
    digits = re.match(r"\d{1,2}(?::\d{2})?", time).group(0)
    return isinstance(value, str) and re.search(rf"(?<![\d:]){re.escape(digits)}(?![\d])", value) is not None
