"""A first request for a meeting gets the parts it asks for: the calendar event it asks for, and the link or invite sent on to the people it names (guards made-up content)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, dependency_order, is_ref, renumbered
from tinyagent.nodes.request.lexicon import TITLE, TITLES
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.followups import EVENT_MADE, earlier_people
from tinyagent.nodes.rules.lookups import NEW_ID
from tinyagent.nodes.rules.registry import rule
from tinyagent.nodes.rules.checks import said_word

#: Where a request puts something in the calendar: "on my cal", "in my calendar", "add the meeting to my agenda"
_CALENDAR = re.compile(r"\b(?:on|in|to|into)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:calendar|calender|cal|agenda|diary)\b", re.I)
#: A word of a meeting held online, or of its link
_ONLINE = re.compile(r"\b(?:zoom|jitsi|video|online|virtual|webex|teams|skype|link)\b", re.I)
#: A meeting made ("set up a meeting with Elena", "make a meeting with Priya and Marcus"); ``what`` the words before
#: its noun ("a video call" is a meeting held online, "a meeting" is not)
_MAKES = re.compile(r"\b(?:set\s+up|setup|make|arrange|organi[sz]e|book|plan|create|schedule|need|want)\s+(?:me\s+)?(?:a|an|the|our)\s+"
                    r"(?P<what>(?:[\w'-]+\s+){0,3}?)(?P<noun>meeting|call|sync|review|lunch|dinner|catch[- ]?up|hangout|"
                    r"appointment|session|workshop|interview|1:1|chat)\b", re.I)
#: What the meeting is about: "about the new logo", "for the sensors", "re the invoice"
_TOPIC = re.compile(r"\b(?:about|for|re|regarding|to\s+discuss|discussing|to\s+go\s+over)\s+(?:the\s+|our\s+|my\s+)?(?P<topic>[a-z][\w'&-]*(?:\s+[a-z][\w'&-]*){0,2}?)"
                    r"(?=\s*(?:[,.;!?]|$|\s+(?:and|at|on|this|next|tomorrow|tmrw|today|with|w/|please|pls|mon|tue|wed|thu|"
                    r"fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)\b))", re.I)
_NOT_TOPIC = {"it", "that", "this", "him", "her", "them", "me", "us", "a", "an", "like", "about", "one", "two", "an hour"}


#: "I don't need it in the calendar", "no need to put it in my cal", "not in the calendar"
_NO_CALENDAR = re.compile(r"\b(?:don'?t|do\s+not|no\s+need(?:\s+to)?|not)\b[^.;!?]{0,25}\b(?:calendar|calender|cal|agenda|diary)\b",
                          re.I)


def _event_tool(specs: dict) -> str | None:
    """The one calendar-event tool (a tool named for an event, with a time and people)."""
    names = [n for n, s in specs.items() if "event" in n and {"when", "people"} <= s.roles]
    return names[0] if len(names) == 1 else None


def _link_tool(specs: dict) -> str | None:
    """The one meeting-link tool (a tool named for a meeting link)."""
    names = [n for n in specs if "meeting_link" in n]
    return names[0] if len(names) == 1 else None


def _looked_up_by_address(tasks: list[Task], specs: dict) -> list[str]:
    """The plan's steps that look a person up by email address, as references ("$1")."""
    return [f"${t.id}" for t in tasks if (s := specs.get(t.tool)) and "person" in s.roles and "email" in t.tool]


#: A request that opens with the meeting itself: "mtg w yuki fri 9am re firmware", "meeting with Elena tomorrow at 10"
_OPENS_MEETING = re.compile(r"^\W*(?:(?:pls|please|ok|okay|so|also)\W+)?(?:(?:a|new|quick)\s+)?"
                            r"(?:mtg|meeting|mtng|sync|1:1|catch[- ]?up|standup|stand-up)\s+(?:with|w/?)\s+[a-z]", re.I)


def _wants_event(request: Request) -> bool:
    """The request asks for a calendar entry: it says calendar, or it makes a meeting that is not itself held online
    ("set up a meeting with Elena ... and get me a video link for it"; not "set up a video call with ..."), or opens
    with the meeting ("mtg w yuki fri 9am re firmware")."""
    if _CALENDAR.search(request.query):
        return not _NO_CALENDAR.search(request.query)
    m = _MAKES.search(request.query)
    if not m and _OPENS_MEETING.match(request.query):
        return not _ONLINE.search(request.query.split(",")[0])
    if m and re.match(r"need|want", m.group(0), re.I) and _ONLINE.search(request.query):
        return False  # ("Need a 30 min call w/ Lucas ... Get a link and email it to him": the call is the link)
    return bool(m) and not _ONLINE.search(m.group("what") or "")


#: A request that asks for a message besides the meeting: "... and email her", "send them the invite", "let him know"
_SENDS = re.compile(r"\b(?:e-?mail|mail|send|text|txt|sms|message|invite|invitation|let\s+\w+\s+know|tell)\b", re.I)


@rule("meeting_event_asked", "compile",
      "a first request for a meeting that asks for its calendar entry ('put hangout w nina on my cal sat 3pm', 'set up "
      "a meeting with Elena ... and get me a video link for it') makes the event, not only the link", "made-up content")
def meeting_event_asked(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """Planned with the meeting link alone ("put hangout w nina on my cal sat 3pm for like 2 hrs", "Set up a meeting
    with Elena on Friday at 11am about the new logo, and get me a video link for it") or with the invitations alone
    ("I want to make a meeting with Priya and Marcus Tuesday at 10 for the sensors, please send to them the invite by
    email"). A first request at one time that asks for a calendar entry, or makes a meeting that is not itself held
    online, whose plan makes no event, gets the event: where the plan makes a link, after it, with its topic, time and
    invitees and the link in its notes (the link itself goes where the request says no word of a link or of a meeting
    held online and no step uses it); else with the request's topic ("Meeting"), time and the people the plan looks
    up by address, and a message it sends goes where the request asks for none ("set up a 30 minute call with Elena
    Rossi and Yuki Tanaka on Wednesday at 3pm about the sensor pilot? Thanks!" planned as an email "Thanks for coming")."""
    request = as_request(query)
    event, link = _event_tool(specs), _link_tool(specs)
    if not tasks or request.context or event is None or len(request.times) != 1 or not _wants_event(request):
        return None  # (an empty plan is a decline, judged before planning)
    if any(t.tool == event or ((sp := specs.get(t.tool)) and "when" in sp.roles and t.tool != link) for t in tasks):
        return None  # (an event there already, or a reminder the time is for)
    espec = specs[event]
    names = {p.name for p in espec.params}
    when = next((p.name for p in espec.params if p.role == "when" and p.required), None)
    people = espec.with_role("people")
    title = next((n for n in ("title", "name", "summary") if n in names), None)
    if when is None or title is None:
        return None
    links = [t for t in tasks if t.tool == link]
    if len(links) > 1:
        return None
    if links:
        lt, lspec = links[0], specs[link]
        topic = next((lt.args[n] for n in ("topic", "title", "name") if isinstance(lt.args.get(n), str)), None)
        start = next((lt.args[p.name] for p in lspec.params if p.role == "when" and isinstance(lt.args.get(p.name), str)),
                     None)
        invited = next((lt.args[p.name] for p in lspec.params if p.role == "people"
                        and isinstance(lt.args.get(p.name), list)), [])
        if not topic or not start:
            return None
        args = {title: topic, when: start, **({people: list(invited)} if people and invited else {})}
        used = {d for t in tasks for d in t.deps}
        if not _ONLINE.search(request.query) and lt.id not in used:  # ("hangout ... on my cal": no link asked)
            return [replace(t, tool=event, args=args) if t is lt else t for t in tasks]
        if "notes" in names:
            args["notes"] = f"${lt.id}"
        made = Task(NEW_ID, event, args, tuple(sorted({lt.id, *(r for v in invited if (r := is_ref(v)) is not None)})))
        at = tasks.index(lt) + 1
        return renumbered(tasks[:at] + [made] + tasks[at:], tasks[0].id)
    m = _TOPIC.search(request.query)
    about = m.group("topic") if m and m.group("topic").lower() not in _NOT_TOPIC else ""
    noun = _MAKES.search(request.query)
    label = about or (noun.group("noun") if noun else "meeting")
    looked = _looked_up_by_address(tasks, specs)
    args = {title: label[:1].upper() + label[1:], when: request.times[0], **({people: looked} if people and looked else {})}
    made = Task(NEW_ID, event, args, tuple(sorted(is_ref(v) for v in looked)))
    if not _SENDS.search(request.query):  # ("set up a 30 minute call ... Thanks!" planned as an email "Thanks for coming")
        used = {d for t in tasks for d in t.deps}
        tasks = [t for t in tasks if not ((s := specs.get(t.tool)) and {"people", "message"} <= s.roles and t.id not in used)]
    senders = [i for i, t in enumerate(tasks) if (s := specs.get(t.tool)) and {"people", "message"} <= s.roles]
    at = senders[0] if senders else len(tasks)
    return renumbered(tasks[:at] + [made] + tasks[at:], tasks[0].id if tasks else 1)


#: The link or the invite sent on: "send it to both", "email her the link", "text it to him", "please send to them the
#: invite by email", "email everyone the link"
_SEND = re.compile(r"\b(?P<verb>e-?mail|mail|send|text|txt|sms|share)\b(?P<rest>[^.;!?]{0,50})", re.I)
_THING = re.compile(r"\b(?:it|link|invite|invitation|details)\b", re.I)
#: What follows a verb that sends (not "get ciaras email n invite her"): the thing, the people, or "to"
_SENT_WHAT = re.compile(r"\s+(?:it|that|the\s+(?:\w+\s+)?(?:link|invite|invitation|details)|him|her|them|both|everyone|"
                        r"everybody|all|to|on)\b", re.I)
_WHO = re.compile(rf"\b(?:to\s+)?(?P<who>him|her|them|both(?:\s+of\s+them)?|everyone|everybody|all\s+of\s+them|"
                  rf"the\s+(?:two|three|four|five)\s+of\s+them|{TITLE}?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\b")
_PLURAL = {"them", "both", "everyone", "everybody"}


@rule("link_sent_on", "compile",
      "a first request that asks to send the meeting's link or invite on ('send it to both', 'text it to her') sends "
      "it, where the plan makes the link and sends nothing", "made-up content")
def link_sent_on(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"jitsi link for a pipeline review w/ Marcus and Priya tomorrow 4pm, send it to both" was planned with the link
    alone. A first request that asks to email or text "it", "the link" or "the invite" on, whose plan makes one
    meeting link (or, for an invite, one event) and sends nothing, sends it: by text where it says text, else by
    email; to him or her (the one person the request names), to them, both or everyone (the people the link or the
    event invites), or to the person named; the message is the link (or the event)."""
    request = as_request(query)
    if request.context:
        return None
    send = next((m for m in _SEND.finditer(request.query) if _SENT_WHAT.match(m.group("rest"))
                 and (_THING.search(m.group("rest")) or re.match(r"\s+(?:him|her|them|both|everyone)\b", m.group("rest"), re.I))),
                None)
    if send is None:
        return None
    link, event = _link_tool(specs), _event_tool(specs)
    senders = [t for t in tasks if (s := specs.get(t.tool)) and {"people", "message"} <= s.roles]
    if senders:
        return _invite_is_the_event(tasks, specs, senders, event, link, send.group("rest")) \
            or _sent_to_all(tasks, specs, senders, link, send.group("rest"))
    made = [t for t in tasks if t.tool == link] or (
        [t for t in tasks if t.tool == event] if re.search(r"\binvit", send.group("rest"), re.I) else [])
    if len(made) != 1:
        return None
    thing = made[0]
    by_text = send.group("verb").lower() in {"text", "txt", "sms"} or bool(re.search(r"\bby\s+(?:text|sms)\b",
                                                                                       request.query, re.I))
    sender = next((n for n, s in specs.items() if {"people", "message"} <= s.roles
                   and ("sms" in n if by_text else "compose" in n)), None)
    m = _WHO.search(send.group("rest"))
    if sender is None or m is None:
        return None
    who = m.group("who")
    tspec = specs[thing.tool]
    invited = next((thing.args[p.name] for p in tspec.params if p.role == "people"
                    and isinstance(thing.args.get(p.name), list)), [])
    by_id = {t.id: t for t in tasks}

    def name_of(v):  # a look-up's name, for a text (a phone number is looked up again by name)
        k = is_ref(v)
        look = by_id.get(k) if k is not None else None
        return next((x for x in look.args.values() if isinstance(x, str)), None) if look else v
    low = who.lower().split()[0]
    if low in _PLURAL or low in {"all", "the"}:
        if not invited:
            return None
        to = [name_of(v) for v in invited] if by_text else list(invited)
    elif low in {"him", "her"}:
        from tinyagent.nodes.rules.followups import one_person_named

        one = one_person_named(request.query, lower=True)
        if one is None and len(invited) == 1:
            to = [name_of(invited[0])] if by_text else list(invited)
        elif one is not None:
            to = [one]
        else:
            return None
    else:
        to = [who]
    if any(v is None for v in to):
        return None
    sspec = specs[sender]
    people, message = sspec.with_role("people"), sspec.with_role("message")
    args = {people: to, message: f"${thing.id}"}
    subject = next((p.name for p in sspec.params if p.name == "subject"), None)
    topic = next((thing.args[n] for n in ("topic", "title") if isinstance(thing.args.get(n), str)), None)
    if subject and topic:
        args = {people: to, subject: topic, message: f"${thing.id}"}
    deps = tuple(sorted({thing.id, *(r for v in to if isinstance(v, str) and (r := is_ref(v)) is not None)}))
    return renumbered([*tasks, Task(NEW_ID, sender, args, deps)], tasks[0].id)


def _invite_is_the_event(tasks: list[Task], specs: dict, senders: list[Task], event: str | None, link: str | None,
                         asked: str) -> list[Task] | None:
    """"... please send to them the invite by email", planned with the event and an email "Send them the invite": the
    one message that only speaks of the invite (a text with "invite" or "invitation", no step's result) is the event
    the plan makes, where it makes one and no link."""
    events = [t for t in tasks if t.tool == event]
    if len(senders) != 1 or len(events) != 1 or any(t.tool == link for t in tasks) \
            or not re.search(r"\binvit", asked, re.I):
        return None
    sender, made = senders[0], events[0]
    slot = specs[sender.tool].with_role("message")
    text = sender.args.get(slot)
    if not slot or not isinstance(text, str) or is_ref(text) is not None or not re.search(r"\binvit", text, re.I) \
            or made.id > sender.id:
        return None
    fixed = replace(sender.with_args({**sender.args, slot: f"${made.id}"}), deps=tuple(sorted({*sender.deps, made.id})))
    return [fixed if t is sender else t for t in tasks]


#: A first request that opens by asking for a meeting link: "need a video link for ...", "get me a zoom link for ..."
_LINK_ASKED_FIRST = re.compile(r"^\W*(?:(?:hey|hi|pls|please|ok|okay|can\s+you|could\s+you)\W+)*(?:i\s+)?(?:need|want|get|make|"
                               r"create|generate|send|set\s+up)\s+(?:me\s+|us\s+)?(?:an?\s+)?(?:new\s+)?(?:zoom|video|meeting|"
                               r"jitsi|call|conference)\s+(?:call\s+)?link\b", re.I)


@rule("no_event_wanted", "compile",
      "a calendar event in a request that says it wants none ('I don't need it in the calendar'), or only asks for a "
      "meeting link, is dropped",
      "made-up content")
def no_event_wanted(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"... set up an online meeting with Yuki Tanaka on Friday at 3pm ... and then email her the link? I don't need it
    in the calendar, I'll remember it." was planned with an event and a reminder "Remember". An event step no step uses,
    in a request that says it needs no calendar entry, is dropped, and a reminder where it asks for none (never the whole
    plan)."""
    event = _event_tool(specs)
    request = as_request(query)
    text = request.query
    link = _link_tool(specs)
    # (or a first request that asks for a link alone: "need a video link for deck review w sarah and james tmrw 3pm,
    # mail it to both pls", planned with the link and an event beside it)
    only_link = not request.context and link is not None and _LINK_ASKED_FIRST.match(text) is not None \
        and not _wants_event(request) and any(t.tool == link for t in tasks)
    if event is None or not (_NO_CALENDAR.search(text) or only_link):
        return None
    used = {d for t in tasks for d in t.deps}
    # (and a reminder it never asks for: "I'll remember it" planned as a reminder "Remember")
    unasked = {event} | ({n for n in specs if "reminder" in n} if not re.search(r"\bremind|\breminder", text, re.I) else set())
    kept = [t for t in tasks if not (t.tool in unasked and t.id not in used)]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


@rule("one_link_per_time", "compile",
      "two meeting links (or two events of one title) at the one time the request gives are one, inviting everyone",
      "made-up content")
def one_link_per_time(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"Set up a Falcon budget meeting with Sarah, Marcus and Priya on Wednesday at 1pm: ..., make a meeting link and email
    everyone the link" was planned with two links at 1pm, one "Photography" inviting Priya. In a request with one time,
    the meeting links at that same time are the first of them, inviting everyone any of them invites; what used the
    others uses it."""
    request = as_request(query)
    if request.context or len(request.times) != 1:
        return None
    for tool in (_link_tool(specs), _event_tool(specs)):
        if tool is not None and (merged := _one_of(tasks, specs, tool)):
            return merged
    return None


def _one_of(tasks: list[Task], specs: dict, tool: str) -> list[Task] | None:
    """The tasks with the steps of ``tool`` at one same time (events: and of one same title) made the first of them."""
    links = [t for t in tasks if t.tool == tool]
    if len(links) < 2:
        return None
    spec = specs[tool]
    when = next((p.name for p in spec.params if p.role == "when" and p.required), None)
    people = spec.with_role("people")
    title = next((n for n in ("title", "name") if n in {p.name for p in spec.params}), None) if tool != _link_tool(specs) \
        else None
    if when is None or len({str(t.args.get(when, "")).lower() for t in links}) != 1 \
            or title and len({str(t.args.get(title, "")).lower() for t in links}) != 1:
        return None
    first, rest = links[0], links[1:]
    invited = list(dict.fromkeys(x for t in links for x in (t.args.get(people) or [] if people else [])))
    gone = {t.id for t in rest}
    merged = replace(first.with_args({**first.args, **({people: invited} if people and invited else {})}),
                     deps=tuple(sorted({*first.deps, *(d for t in rest for d in t.deps)})))
    out = []
    for t in tasks:
        if t.id in gone:
            continue
        if t is first:
            out.append(merged)
            continue
        args = {k: _pointed(v, gone, first.id) for k, v in t.args.items()}
        out.append(replace(t.with_args(args), deps=tuple(sorted({first.id if d in gone else d for d in t.deps}))))
    return dependency_order(renumbered(out, tasks[0].id), tasks[0].id)


def _pointed(value, gone: set[int], to: int):
    """``value`` with its references to the ``gone`` steps pointed at step ``to``."""
    if isinstance(value, list):
        return list(dict.fromkeys(_pointed(v, gone, to) for v in value))
    if isinstance(value, str) and is_ref(value) in gone:
        return f"${to}"
    return value


_A_LINK_ASKED = re.compile(r"\b(?:link|zoom|jitsi|video\s+call)\b", re.I)


@rule("link_of_the_event", "compile",
      "in a follow-up, 'also get a link for it and email them' makes the link of the event the turn before made",
      "made-up content")
def link_of_the_event(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"invite priya, james, yuki to eng all-hands fri 9am", then "also get a link for it and email them", was planned as
    an email "It is" to the three, with no link. A follow-up that asks for a link, whose plan makes none, after a turn
    that made an event: the link of that event (its title, day and time, the people the plan looks up by address
    invited) before the plan's steps, and the one message that carries no step's result is the link."""
    request = as_request(query)
    link = _link_tool(specs)
    if not request.context or link is None or not _A_LINK_ASKED.search(request.query):
        return None
    if any(t.tool == link for t in tasks):  # the plan's own link of "it": the event's title, day and time
        return _link_is_the_events(tasks, specs, request, link)
    slots = _event_for_link(request.context, specs[link])
    if slots is None:
        return None
    people = specs[link].with_role("people")
    looked = _looked_up_by_address(tasks, specs)
    args = {**slots, **({people: looked} if people and looked else {})}
    made_link = Task(NEW_ID, link, args, tuple(sorted(is_ref(v) for v in looked)))
    out = []
    for t in tasks:
        s = specs.get(t.tool)
        slot = s.with_role("message") if s and "people" in s.roles else None
        if slot and is_ref(str(t.args.get(slot, ""))) not in {x.id for x in tasks}:
            t = replace(t.with_args({**t.args, slot: f"${NEW_ID}"}), deps=tuple(sorted({*t.deps, NEW_ID})))
        out.append(t)
    first = next((i for i, t in enumerate(out) if NEW_ID in t.deps), len(out))
    return dependency_order(renumbered(out[:first] + [made_link] + out[first:], tasks[0].id), tasks[0].id)


def _link_is_the_events(tasks: list[Task], specs: dict, request: Request, link: str) -> list[Task] | None:
    """The one link a follow-up's plan makes for "it" ("get a meeting link for it and email it to her", planned with the
    topic "it" at a made-up "2027-04-05 16:00:00") has the title, day and time of the event the turn before made."""
    links = [t for t in tasks if t.tool == link]
    slots = _event_for_link(request.context, specs[link])
    if slots is None or len(links) != 1 or not re.search(r"\b(?:it|that|this)\b", request.query, re.I):
        return None
    args = {**links[0].args, **slots}
    return [t.with_args(args) if t is links[0] else t for t in tasks] if args != links[0].args else None


def _event_for_link(context: str, lspec) -> dict | None:
    """The link tool's topic and start for the last timed event the transcript shows made ("Created event 'Design
    sync' on Thursday 3 December 2026, 10:00 ..." -> topic "Design sync", start "2026-12-03 10:00"), or None."""
    from datetime import datetime

    made = [m for m in EVENT_MADE.finditer(context) if m.group(3)]
    start = next((p.name for p in lspec.params if p.role == "when"), None)
    topic = next((n for n in ("topic", "title", "name") if n in {p.name for p in lspec.params}), None)
    if not made or start is None or topic is None:
        return None
    title, day, clock = made[-1].groups()
    return {topic: title, start: datetime.strptime(f"{day} {clock}", "%A %d %B %Y %H:%M").strftime("%Y-%m-%d %H:%M")}


def _sent_to_all(tasks: list[Task], specs: dict, senders: list[Task], link: str | None, asked: str) -> list[Task] | None:
    """"video call with Sarah and Marcus tmrw 1400 re the rota, email them both the link", planned with the email to
    Sarah alone: the one email that sends the link to some of the people the link invites goes to all of them, where
    the request sends it to them, both or everyone."""
    links = [t for t in tasks if t.tool == link]
    if len(senders) != 1 or len(links) != 1 or not re.search(r"\b(?:them|both|everyone|everybody|all)\b", asked, re.I):
        return None
    sender, made = senders[0], links[0]
    people = specs[sender.tool].with_role("people")
    invites = next((p.name for p in specs[made.tool].params if p.role == "people"), None)
    have, invited = list(sender.args.get(people) or []), list(made.args.get(invites) or []) if invites else []
    slot = specs[sender.tool].with_role("message")
    said = sender.args.get(slot)
    if not invited or not set(have) < set(invited) or is_ref(str(said or "")) not in (made.id, None):
        return None
    # (its text the link, where the plan wrote words of its own: "Join the Zoom meeting on ROTA")
    args = {**sender.args, people: invited, **({slot: f"${made.id}"} if re.search(r"\blink\b", asked, re.I) else {})}
    deps = tuple(sorted({*sender.deps, made.id, *(is_ref(v) for v in invited if is_ref(v) is not None)}))
    return [replace(t.with_args(args), deps=deps) if t is sender else t for t in tasks]


#: A title that only says a meeting is one ("Wee meeting", "Quick call", "Meeting"): what it is about names it better
_ONLY_A_MEETING = {"a", "an", "the", "wee", "quick", "short", "little", "small", "brief", "meeting", "call", "chat",
                   "catch", "up", "catch-up", "sync", "get", "together", "get-together", "meetup"}


@rule("meeting_title_is_its_topic", "compile",
      "an event or link titled only as a meeting ('Wee meeting') is titled by what the request says it is about",
      "made-up content")
def meeting_title_is_its_topic(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"would you ever set up a wee meeting with Priya and Yuki on Thursday at 2 about the pilot schools?" was planned
    ``create_calendar_event(title="Wee meeting", ...)``. An event's title or a meeting link's topic made only of words
    that say it is a meeting, or of none the request says ("Concert" for a call "about the enclosure"), in a first
    request that says what the meeting is about, is that ("Pilot schools")."""
    request = as_request(query)
    m = next((m for m in _TOPIC.finditer(request.query) if re.match(r"about|re|regarding|to\s+discuss|discussing|to\s+go",
                                                                     m.group(0), re.I)), None)
    about = m.group("topic") if m and m.group("topic").lower() not in _NOT_TOPIC else ""
    if request.context or not about or set(re.findall(r"[a-z'-]+", about.lower())) <= _ONLY_A_MEETING:
        return None
    named = about[:1].upper() + about[1:]
    # ("Meeting with Mr Kim": a meeting and whom it is with, where the request says what it is about)
    people = {w.lower() for t in tasks if (s := specs.get(t.tool)) and "person" in s.roles
              for v in t.args.values() if isinstance(v, str) for w in re.findall(r"[A-Za-z'-]+", v)}
    plain = _ONLY_A_MEETING | {"with", "w", "and"} | TITLES | people
    out, changed = [], False
    for t in tasks:
        key = next((n for n in ("title", "topic") if n in t.args), None) if t.tool in (_event_tool(specs), _link_tool(specs)) \
            else None
        value = t.args.get(key) if key else None
        words = set(re.findall(r"[a-z'-]+", value.lower())) if isinstance(value, str) else set()
        # (or of words the request never says: "schedule a call with james ... about the enclosure" titled "Concert")
        if words and (words <= _ONLY_A_MEETING or words <= plain and words & people
                      or not any(said_word(w, request.given_words) for w in words if len(w) > 2)):
            t, changed = t.with_args({**t.args, key: named}), True
        out.append(t)
    return out if changed else None


#: A follow-up that sends the link the turn before made: "put it on my calendar and email him the link", "text her the
#: link too"
_LINK_SENT = re.compile(r"\b(?P<how>e-?mail|mail|text|txt|sms|send)\s+(?:it\s+to\s+)?(?P<who>him|her|them)\s+(?:the\s+)?"
                        r"(?:meeting\s+|video\s+|zoom\s+|jitsi\s+)?(?:link|invite|url)\b", re.I)
#: The link a turn made, as the transcript shows its result: the URL with what the tool said of it
_LINK_MADE = re.compile(r"Result: \w*meeting_link\([^\n]*?\) -> (?P<link>https?://\S+(?: \([^)\n]*\))?)")


@rule("link_sent_after", "compile",
      "in a follow-up, 'email him the link' after a turn that made a meeting link sends that link to the person that "
      "turn was with", "made-up content")
def link_sent_after(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"get a meeting link for the garden walkthrough with Omar on Saturday at 10", then "put it on my calendar and
    email him the link", was planned with the event alone. A follow-up that sends him, her or them "the link" by
    email or text, whose plan sends nothing, after a turn that made a link: the person (or people) that turn looked
    up or named is looked up and sent the link, the link's words as the message."""
    request = as_request(query)
    m = _LINK_SENT.search(request.query)
    made = list(_LINK_MADE.finditer(request.context.rsplit("\nUser:", 1)[-1])) if request.context and m else []
    if not made or any((s := specs.get(t.tool)) and {"people", "message"} <= s.roles for t in tasks):
        return None
    people = earlier_people(request.context)
    names = (people[-1] if m.group("who").lower() == "them" else people[-1][-1:]) if people else []
    text = m.group("how").lower() in ("text", "txt", "sms")
    send = next((n for n, s in specs.items() if {"people", "message"} <= s.roles and "reply" not in n and "forward" not in n
                 and ("sms" in n) == text), None)
    look = next((n for n, s in specs.items() if "person" in s.roles and ("phone" in n if text else "email" in n)), None)
    if not names or send is None or look is None:
        return None
    key = specs[look].with_role("person")
    finds = [Task(NEW_ID + i, look, {key: n}, ()) for i, n in enumerate(names)]
    sspec = specs[send]
    args = {sspec.with_role("people"): [f"${t.id}" for t in finds], sspec.with_role("message"): made[-1].group("link")}
    if not text and (subject := next((p.name for p in sspec.params if p.name == "subject"), None)):
        args[subject] = "Meeting link"
    sent = Task(NEW_ID + len(finds), send, args, tuple(t.id for t in finds))
    return renumbered([*tasks, *finds, sent], tasks[0].id if tasks else 1)
