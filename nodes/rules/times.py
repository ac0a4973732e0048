"""A time the request states, written into a step's name with no time given, goes to the time argument (guards dates)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.registry import rule
from tinyagent.tools.dates import parse_duration


@rule("time_out_of_name", "compile",
      "a time the request states, written into a name with no time given ('It next monday at 9:45'), is the time",
      "dates")
def time_out_of_name(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A step with a time parameter (a reminder's ``due_date``) given none, whose text holds one of the
    request's time phrases ("remind me about it next monday at 9:45" planned as
    ``create_reminder(name="It next monday at 9:45")``): the phrase is its time, and leaves the text (which
    keeps what is left, or the phrase's words if nothing is). The checks used to refuse such a plan and
    ask for the same; the model often wrote it again."""
    phrases = sorted((p for p in as_request(request).phrases if len(p) > 3 and parse_duration(p) is None),
                     key=len, reverse=True)
    if not phrases:
        return None
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        slots = [p for p in spec.params if p.role == "when"] if spec else []
        if not slots or any(t.args.get(p.name) for p in slots):
            out.append(t)
            continue
        args = dict(t.args)
        for phrase in phrases:
            hit = next((k for k, v in args.items() if isinstance(v, str) and phrase.casefold() in v.casefold()), None)
            if hit is None:
                continue
            rest = re.sub(re.escape(phrase), " ", args[hit], flags=re.I)
            rest = " ".join(rest.split()).strip(" ,.;:-")
            args[hit] = rest[:1].upper() + rest[1:] if rest else args[hit]
            args[slots[0].name] = phrase
            break
        changed |= args != t.args
        out.append(t.with_args(args) if args != t.args else t)
    return out if changed else None


#: What an earlier turn's step was about, as the transcript shows its call: search_documents(query='weekly sync'),
#: open_note(name='Ideas'), open_and_get_file_path(file_name='q3 report'), get_zoom_meeting_link(topic='standup')
_SUBJECT = re.compile(r"^Result: (?P<tool>\w+)\((?:[^()]*?)\b(?:query|name|file_name|topic|title)=(['\"])(?P<it>.+?)\2",
                      re.M)


#: What an append step added, as the transcript shows its call: content='Call the plumber'
_ADDED = re.compile(r"\bcontent=(['\"])(?P<it>.+?)\1")


def _rest_of_line(text: str, m: re.Match) -> str:
    return text[m.end():].split("\n", 1)[0]


@rule("it_is_the_subject", "compile",
      "in a follow-up, a reminder or event named only 'it' ('remind me about it next monday') is named for what the "
      "earlier turn was about", "made-up content")
def it_is_the_subject(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A follow-up's reminder or event (a step with a time parameter) whose name says only "it" ("when is the
    weekly sync according to the handbook?", then "remind me about it next monday at 9:45" planned as a reminder
    'It') is named for what the earlier turn's last step was about: its search, note, file or meeting ("Weekly
    sync"), never a person looked up. An event made before is followup_times' (it runs first)."""
    from tinyagent.nodes.rules.followups import _about_it

    request = as_request(request)
    # (a look-up's name is a person's, not what the turn was about: "what's tom's email" is not about "Tom")
    found = [m for m in _SUBJECT.finditer(request.context or "")
             if m["tool"] not in specs or "person" not in specs[m["tool"]].roles]
    if not found:
        return None
    subject = found[-1].group("it").strip()
    if "append" in found[-1]["tool"] and (added := _ADDED.search(found[-1].group(0) + _rest_of_line(request.context or "", found[-1]))):
        subject = added.group("it").strip()  # "add 'call the plumber' to my ideas note", then "remind me about that": the plumber
    subject = subject[:1].upper() + subject[1:]
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        name = next((p.name for p in (spec.params if spec else ()) if p.required and p.type == "string" and p.role == ""),
                    None)
        if spec and any(p.role == "when" for p in spec.params) and name and isinstance(t.args.get(name), str) \
                and _about_it(t.args[name]):
            t, changed = t.with_args({**t.args, name: subject}), True
        out.append(t)
    return out if changed else None


@rule("end_not_start", "compile",
      "an event whose end is written as its start ('wednesday at 2pm' to 'wednesday at 2pm') ends when the tool's default "
      "length says", "dates", reads="specs")
def end_not_start(tasks: list[Task], specs: dict) -> list[Task] | None:
    """"schedule a meeting with Marcus and Yuki on wednesday at 2pm" was planned with end_date="wednesday at 2pm" too:
    an event from 14:00 to 14:00. An end the same words as the start is left out (the event then lasts the tool's
    default, or the length the request states: stated_length runs later)."""
    out, changed = [], False
    for t in tasks:
        start, end = t.args.get("start_date"), t.args.get("end_date")
        # (a clock time: a day off from the 7th to the 7th is one whole day)
        # (or only its day: "friday at four" to "friday", an all-day event where a time was said)
        if isinstance(start, str) and isinstance(end, str) and end.strip() and (
                start.strip().lower() == end.strip().lower()
                or re.match(rf"{re.escape(end.strip())}\b", start.strip(), re.I) and not re.search(r"\d", end)) \
                and re.search(r"\d\s*(?:am|pm)\b|\d:\d\d|\b(?:at|from|around)\s+(?:half\s+)?(?:\d{1,2}|one|two|three|four|"
                              r"five|six|seven|eight|nine|ten|eleven|twelve)\b|\bnoon\b|\bmidday\b", start, re.I):
            t, changed = t.with_args({k: v for k, v in t.args.items() if k != "end_date"}), True
        out.append(t)
    return out if changed else None


#: A length stated for what the request puts in: "90 min budget workshop", "for 2 hours", "half an hour"
_LENGTH_SAID = re.compile(r"\b\d+(?:\.\d+)?\s*-?\s*(?:min|mins|minute|minutes|h|hr|hrs|hour|hours)\b|\b(?:an?|one|two|three|half\s+an)"
                          r"\s+hours?\b", re.I)
_REMIND_SAID = re.compile(r"\b(?:remind|reminder|reminders|todo|to-do|to\s+do)\b", re.I)


@rule("length_is_an_event", "compile",
      "a first request that states a length ('90 min budget workshop on wednesday from 1pm') and asks no reminder gets "
      "an event, not a reminder", "dates")
def length_is_an_event(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A reminder has a due time and no length: "90 min budget workshop on wednesday from 1pm" was planned as a reminder
    due at 13:00. In a first request with a length and no word of a reminder, a reminder step no step uses becomes an
    event of the same name at the same time (its end follows from the length: stated_length)."""
    from tinyagent.nodes.rules.lengths import stated_range

    request = as_request(request)
    if request.context or not (_LENGTH_SAID.search(request.query) or stated_range(request.query)) \
            or _REMIND_SAID.search(request.query) or "create_calendar_event" not in specs:
        return None  # (a range is a length too: "put my night shift in for tomorrow 1930 to 0730")
    used = {d for t in tasks for d in t.deps}
    out, changed = [], False
    for t in tasks:
        if t.tool == "create_reminder" and t.id not in used and t.args.get("name") and t.args.get("due_date"):
            t, changed = replace(t, tool="create_calendar_event").with_args(
                {"title": t.args["name"], "start_date": t.args["due_date"]}), True
        out.append(t)
    return out if changed else None


#: A day param's and a time param's names: "day", "new_day", "date"; "time", "start_time", "new_time"
DAY_PARAM = re.compile(r"(?:^|_)(?:day|date)(?:$|_)")
TIME_PARAM = re.compile(r"(?:^|_)time(?:$|_)")
#: A phrase's clock at its end: "friday 6pm" -> "6pm", "thursday at 6" -> "6", "tomorrow at 7:30pm" -> "7:30pm"
_CLOCK_END = re.compile(r"(?:,?\s+at|\s)\s*(?P<clock>\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*o'clock)?)\s*$", re.I)
#: A value that holds a date: "2026-12-13 10:00:00", "2026-12-08"
_ISO = re.compile(r"^\d{4}-\d\d-\d\d")


@rule("day_and_time_apart", "compile",
      "a tool that takes a day and a time apart gets the day said and the clock said ('friday 6pm': 'friday', '6pm')",
      "dates")
def day_and_time_apart(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"get me a wheel friday 6pm" was planned ``book_wheel(day="friday 6pm", start_time="$1")``, "lead slot sunday
    10am" ``book_session(day="sunday 10am", time="2026-12-13 10:00:00")``: a step of a tool with a day parameter and
    a time parameter (free text both) whose day holds a clock, or whose time holds a date, a step's result or
    nothing, gets the request's one phrase of a day and a clock split in two, as said."""
    phrases = [p for p in as_request(request).phrases if _CLOCK_END.search(p)]
    if len(phrases) != 1 or "," in phrases[0]:
        return None
    clock = _CLOCK_END.search(phrases[0])
    day, at = phrases[0][:clock.start()].strip(" ,"), clock.group("clock").strip()
    if not day or not re.search(r"[a-z]{3}", day, re.I):
        return None
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        # (free text both: not a date or time in a layout the tool wants, "2026-12-12" and "20:00")
        names = [p.name for p in spec.params if p.type in ("string", "") and not p.layout and not p.enum
                 and not re.search(r"YYYY|HH|ISO|\bformat", p.description)] if spec else []
        day_p = next((n for n in names if DAY_PARAM.search(n) and "time" not in n), None)
        time_p = next((n for n in names if TIME_PARAM.search(n) and "date" not in n and "day" not in n), None)
        if not day_p or not time_p:
            out.append(t)
            continue
        dv, tv = t.args.get(day_p), t.args.get(time_p)
        if not isinstance(dv, str):  # (a step that takes no day: a search by name)
            out.append(t)
            continue
        wrong_day = _CLOCK_END.search(dv) is not None or _ISO.match(dv) is not None
        wrong_time = tv is None or isinstance(tv, str) and (_ISO.match(tv) is not None or tv.startswith("$")
                                                             or day.lower() in tv.lower())
        if (wrong_day or wrong_time) and (wrong_day or day.lower() in dv.lower()):
            t, changed = t.with_args({**t.args, day_p: day, time_p: at}), True
        out.append(t)
    return out if changed else None


_ALL_DAY = re.compile(r"\b(?:all[- ]?day|whole day|full day|entire day)\b", re.I)


@rule("all_day_only_if_said", "compile",
      "an all-day flag the request does not ask for ('tmrw morning' planned all_day=True) is left out", "dates")
def all_day_only_if_said(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A step's ``all_day=True`` where the request says no "all day" ("remmber to buy batteries tmrw morning" made
    an all-day reminder): the flag is left out, so the time the request gives stands."""
    if _ALL_DAY.search(as_request(request).query):
        return None
    out, changed = [], False
    for t in tasks:
        if t.args.get("all_day") is True:
            t, changed = t.with_args({k: v for k, v in t.args.items() if k != "all_day"}), True
        out.append(t)
    return out if changed else None


@rule("whole_time", "compile",
      "a day the plan copies without the clock the request says with it ('tomorrow' of 'tomorrow 9h') gets the clock",
      "dates")
def whole_time(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"... a meeting link of 30 minutes with David about the trip, tomorrow 9h" was planned ``start_time="tomorrow"``:
    a start (a tool's first time parameter) that names a day and no time, and is part of exactly one time phrase of the
    request that adds a clock to it, is that phrase (the tool reads the clock too)."""
    from tinyagent.tools.clock import now
    from tinyagent.tools.dates import _clean, _find_date, _find_time

    said = as_request(query).query.lower()
    # (a phrase the request writes as it is, not one put together from a day and a time said apart)
    phrases = [p for p in as_request(query).times if _find_time(_clean(p)) is not None and p.lower() in said]
    if not phrases:
        return None

    def day_of(text: str):
        try:
            return _find_date(_clean(text), now().date())
        except ValueError:
            return None

    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        start = next((p.name for p in spec.params if p.role == "when"), None) if spec else None
        value = t.args.get(start) if start else None
        whens = [p.name for p in spec.params if p.role == "when"] if spec else []
        end = next((t.args.get(n) for n in whens[1:] if isinstance(t.args.get(n), str)), None)
        if isinstance(value, str) and isinstance(end, str) and day_of(value) is None and (d := day_of(end)) is not None \
                and _find_time(_clean(value)) is not None:
            # "block 0730 to 0930 wed": the start said before the day has it too
            days = [m.group(0) for m in re.finditer(r"[A-Za-z][\w']*(?:\s+[\w']+)?", end) if day_of(m.group(0)) == d]
            if days:
                t, changed = t.with_args({**t.args, start: f"{days[0]} {value.strip()}"}), True
                out.append(t)
                continue
        if isinstance(value, str) and value.strip() and _find_time(_clean(value)) is None:
            whole = [p for p in phrases if p.lower() != value.strip().lower()
                     and re.search(rf"(?<!\w){re.escape(value.strip())}(?!\w)", p, re.I)]
            if len(whole) == 1:
                t, changed = t.with_args({**t.args, start: whole[0]}), True
        out.append(t)
    return out if changed else None
