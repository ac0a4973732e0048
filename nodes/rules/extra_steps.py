"""Steps the request does not ask for, dropped: copied from the solved example, or restating what earlier steps hold.

The planner also copies whole steps from the solved example in its prompt: after the email it was
asked for, ``append_note_content(name="Meeting notes", content="Read Thinking, Fast and Slow")``
from the example's plan. A step whose every text value is in the shown example and shares no word
with the request (common words aside) is such a copy; a step whose values are all codes of three
letters or fewer never is. No gold step of the generated train, val, test or unseen split looks so
(7000 steps, each against its own prompt; tests/test_repair.py checks the test split). It is
dropped, with the steps that use its result, unless that would drop the whole plan.

The planner also goes on after the last ask with steps made of what the plan already holds:
``open_note(name="Quarterly numbers")`` after an email whose subject is "Quarterly numbers". A step
that takes no step's result, whose result no step uses, and that repeats an earlier step exactly, or
whose every value an earlier step holds under another parameter, is dropped. Of the 3727 gold plans
of the generated splits and the hand-written set, one has such a step: a look-up the request asks
for twice (tests/test_repair.py checks the test split).

"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from tinyagent.nodes.plans.planlang import Task, is_ref, renumbered, unused_dropped
from tinyagent.nodes.request.lexicon import VERB_TOOLS
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import content_words as _words, literal_texts as _texts
from tinyagent.nodes.rules.lookups import NEW_ID
from tinyagent.nodes.rules.messages import _SAME, dictated
from tinyagent.nodes.rules.opening import opening_tool
from tinyagent.nodes.rules.registry import rule


def copied_from_example(task: Task, query: str | Request, example_text: str) -> bool:
    """Every text value of ``task`` is in the shown example and shares no word with the request."""
    texts = [t for t in _texts(task.args) if _words(t)]
    if not texts or not any(len(w) >= 4 for t in texts for w in _words(t)):
        return False
    asked, shown = as_request(query).content_words, example_text.lower()
    return all(t.lower() in shown and not _words(t) & asked for t in texts)


#: "send that to priya as well", "forward it to tom too": the message before, to someone else
_SEND_THAT_ON = re.compile(r"\b(?:send|forward|fwd|e-?mail|mail|text|txt)\s+(?:that|it|this)\s+(?:on\s+)?to\b", re.I)


@rule("drop_copied_steps", "compile",
      "steps copied from the solved example that the request does not ask for", "made-up content", reads="request examples")
def drop_copied_steps(tasks: list[Task], query: str | Request, examples: Iterable[dict]) -> list[Task] | None:
    """The tasks without the steps copied from the shown examples (and the steps that use them),
    or None when there is none, or when nothing would be left."""
    example_text = "\n".join(f"{e.get('query', '')}\n{e.get('plan', '')}" for e in examples)
    if not tasks or not example_text.strip():
        return None
    request = as_request(query)
    # ("send that to priya as well": the message is the one sent before, which same_message_again puts in; the
    # example's words in it are no reason to drop the step)
    again = bool(request.context) and bool(_SAME.search(request.query) or _SEND_THAT_ON.search(request.query))
    dropped = {t.id for t in tasks if copied_from_example(t, query, example_text)
               and not (again and {"send", "compose", "sms", "email", "forward"} & set(t.tool.split("_")))}
    if not dropped:
        return None
    for t in tasks:  # in plan order, so a step using a dropped step's result goes too
        if set(t.deps) & dropped:
            dropped.add(t.id)
    kept = [t for t in tasks if t.id not in dropped]
    return renumbered(kept, tasks[0].id) if kept else None


def _flat(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flat(v)]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flat(v)]
    return [] if value in (None, "", True, False) else [value]


def restated(task: Task, earlier: list[Task]) -> bool:
    """``task`` repeats an earlier step exactly, or each of its values is held by an earlier step
    under another parameter (not a look-up of the same person by another tool), or it writes two
    values or more that one earlier step wrote under the same names (``create_note(name="Workout
    plan", content=...)`` after ``append_note_content`` with that name and content)."""
    if any(t.tool == task.tool and t.args == task.args for t in earlier):
        return True
    if len(task.args) >= 2 and any(t.args == task.args for t in earlier):
        return True
    mine = [(k, str(v).lower()) for k, value in task.args.items() for v in _flat(value)]
    held = {(k, str(v).lower()) for t in earlier for k, value in t.args.items() for v in _flat(value)}
    values = {v for _, v in held}
    return bool(mine) and all(v in values and (k, v) not in held for k, v in mine)


@rule("drop_restated_steps", "compile",
      "steps made of what earlier steps already hold, after the last ask", "", reads="")
def drop_restated_steps(tasks: list[Task]) -> list[Task] | None:
    """The tasks without the steps that say nothing new (``restated``) and take and give no result,
    dropped until none is left; None when there is none, or when nothing would be left."""
    kept = list(tasks)
    while True:
        used = {d for t in kept for d in t.deps}
        drop = next((t for i, t in enumerate(kept)
                     if not t.deps and t.id not in used and restated(t, kept[:i])), None)
        if drop is None:
            break
        kept = [t for t in kept if t is not drop]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


#: Words that say where to show a place, not which place: "show me on a map", "on the map there"
_MAP_WORDS = {"on", "in", "the", "a", "map", "maps", "google", "osm", "openstreetmap", "there", "it", "show", "me",
              "please", "pls", "too", "also", "route", "way", "directions", "path"}


@rule("no_place", "compile",
      "a map step whose place is only the words 'on the map' or 'the route' goes where another step shows a place",
      "made-up content",
      reads="specs")
def no_place(tasks: list[Task], specs: dict) -> list[Task] | None:
    """"where is Parque das Nacoes? show me on a map" was planned with a second ``maps_open_location(location="On
    the map")``, "how far is Belem from Alfama, can you show me the route" with ``maps_open_location(location="the
    route")`` beside the directions: a step whose every location argument is only words about the map or the way
    is dropped where another step shows a real place, where the step gives nothing but locations."""
    def locations(t: Task) -> list[str]:
        return [v for k, v in t.args.items() if "location" in k and isinstance(v, str)]

    def mapped(t: Task) -> bool:  # (a step with more than places, an event "there" on friday, is no map step)
        return bool(locations(t)) and len(locations(t)) == len(t.args) \
            and all(set(re.findall(r"[a-z]+", v.lower())) <= _MAP_WORDS for v in locations(t))
    return unused_dropped(tasks, lambda t: mapped(t) and any(o.id != t.id and locations(o) and not mapped(o)
                                                             for o in tasks))


#: The words a request asks for a meeting link or a map with; a request with none of them asks for neither
_ASKS_LINK = re.compile(r"\b(?:meeting|meet|link|call|calls|video|zoom|jitsi|online|virtual|conference|hangout|webex|teams|"
                        r"skype|remote|remotely|sync|catch[- ]?up|1:1|one[- ]on[- ]one)\b", re.I)
_ASKS_ONLINE = re.compile(r"\b(?:link|call|calls|video|zoom|jitsi|online|virtual|conference|hangout|webex|teams|skype|remote|"
                          r"remotely)\b", re.I)
#: The words of a way somewhere or a means of travel ("directions", "how far", "by tram")
_TRAVEL = (r"di?r\w{0,3}ct\w{0,3}ns?|route|navigate|go\s+to|way|how\s+far|drive|driving|walk|walking|bike|cycle|cycling|"
           r"transit|bus|train|tube|subway|metro|tram|foot|transport")
_ASKS_MAP = re.compile(rf"\b(?:map|maps|wher|where|wheres|where's|locate|location|address|addy|get\s+(?:me\s+)?(?:to|2|from)|"
                       rf"show\s+me|{_TRAVEL})\b", re.I)


@rule("unasked_link_or_map", "compile",
      "a meeting link or a map a first request never asks for (no word of a call, a link, a map or a way) is dropped",
      "made-up content", reads="specs request")
def unasked_link_or_map(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"reply to Omar's email ... and ask whether the price includes taking away the clippings" was planned with a
    meeting link "clippings"; "in the itinerary, which day is the visit of the school in Belem?" with a map of
    Belem. A meeting-link step (``get_zoom_meeting_link``) in a request without a word of a meeting, a call or a
    link, and a map step (``maps_*``) in one without a word of a map, a place's whereabouts or a way there, whose
    result no step uses, is dropped (never the whole plan), on a first turn."""
    request = as_request(query)
    if request.context:  # ("add jonas n tereza" to the meeting link made before)
        return None
    said = f"{request.query} {request.reading}"

    # "a 30-minute catch-up with Lucas and Omar ... at the café downstairs": a meeting at a place the event names, in
    # a request with no word of a link, a call or a video, needs no link
    placed = any("event" in t.tool and isinstance(v := t.args.get("location"), str) and is_ref(v) is None
                 and v.lower() in said.lower() for t in tasks)

    def unasked(t: Task) -> bool:
        if "meeting_link" in t.tool:
            return not _ASKS_LINK.search(said) or placed and not _ASKS_ONLINE.search(said)
        return t.tool.startswith("maps_") and not _ASKS_MAP.search(said)
    return unused_dropped(_invitees_kept(tasks, specs, unasked), unasked)


def _invitees_kept(tasks: list[Task], specs: dict, dropped) -> list[Task]:
    """The tasks with the people a ``dropped`` meeting link invites handed to the plan's one event ("sprint
    planning ... with marcus, yuki and priya, invite all three" planned a link inviting two of them and the event
    one): otherwise their look-ups are left for no step and go too."""
    events = [t for t in tasks if (s := specs.get(t.tool)) and s.with_role("people") and "event" in t.tool]
    if len(events) != 1:
        return tasks
    slot = specs[events[0].tool].with_role("people")
    have = list(events[0].args.get(slot) or [])
    more = [x for t in tasks if dropped(t) and "meeting_link" in t.tool and (s := specs.get(t.tool))
            for p in s.params if p.role == "people" and isinstance(t.args.get(p.name), list)
            for x in t.args[p.name] if is_ref(x) is not None and x not in have]
    if not more or not isinstance(events[0].args.get(slot, []), list):
        return tasks
    more = list(dict.fromkeys(more))
    deps = tuple(sorted(set(events[0].deps) | {is_ref(x) for x in more}))
    return [replace(t.with_args({**t.args, slot: have + more}), deps=deps) if t is events[0] else t for t in tasks]


#: The words a request asks to keep something in a note with ("note", "jot", "add to my ideas", "shopping list")
_ASKS_NOTE = re.compile(r"\b(?:notes?|notebook|memo|jot|write|wrote|save|store|keep|record|log|add|append|put|list|ideas?|"
                        r"remember|down|journal|diary|open|read|show)\b", re.I)


#: A request that speaks of a note ("my ideas note", "the shopping list"): a note step there is asked for
_NAMES_NOTE = re.compile(r"\b(?:notes?|notebook|memo|jot|list|ideas?|journal|diary)\b", re.I)
_ALNUM = re.compile(r"[a-z0-9']+")


@rule("unasked_note", "compile",
      "a note a first request never asks for (no word of a note, of keeping or adding something), or one made of the "
      "words of a message the plan sends, is dropped",
      "made-up content", reads="specs request")
def unasked_note(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"re the q3 draft: reply that the budget part is fine but the risks part needs more detail" was planned with
    the reply and an addition "More detail" to a note "Risk section": the words of the message made into a note. A
    step of a note tool (a tool whose name says note) in a request without a word of a note, of writing something
    down or adding it, whose result no step uses, is dropped (never the whole plan), on a first turn."""
    request = as_request(query)
    if request.context:
        return None
    said = f"{request.query} {request.reading}"
    # "forward ... to Marcus and James, and add: please get your comments to her by Wednesday" planned with a
    # note "Comments" holding words of that message: the words are the forward's, not a note's
    message_words = set(_ALNUM.findall(dictated(request.query).lower()))
    sends = any(specs.get(t.tool) and specs[t.tool].with_role("message") for t in tasks)

    def unasked(t: Task) -> bool:
        if "note" not in t.tool.split("_"):
            return False
        if not _ASKS_NOTE.search(said):
            return True
        content = [str(v) for k, v in t.args.items() if k == "content"]
        if sends and len(content) == 1 and is_ref(content[0]) is not None and isinstance(t.args.get("name"), str) \
                and set(_ALNUM.findall(t.args["name"].lower())) <= message_words:
            return True  # ("fwd ... to priya, add: test it on ..." with a note "Test" holding the forward's result)
        words = set(_ALNUM.findall(" ".join(content).lower()))
        # (all its words but a garbled one: "Hours up, the pilot units ..." for "add: heads up, the pilot units ...")
        return sends and not _NAMES_NOTE.search(said) and bool(words) and len(words - message_words) <= len(words) // 5
    return unused_dropped(tasks, unasked)


#: "Casa do Rio in Lisbon": a place and the town the request puts it in
_IN_TOWN = r"\s*(?:,|\bin\b)\s*((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})"


@rule("place_in_its_town", "compile",
      "a place a map step shows keeps the town the request puts it in ('Casa do Rio in Lisbon')", "made-up content",
      reads="specs request")
def place_in_its_town(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"where is Casa do Rio in Lisbon? show me on a map" was shown as a map of "Casa do Rio", which the map search
    may find anywhere. A location of a map step (``maps_*``) that the request follows with "in <Town>" (or ",
    <Town>"), the town written with a capital, gets the town: "Casa do Rio, Lisbon"."""
    said = as_request(query).query
    out, changed = [], False
    for t in tasks:
        if t.tool.startswith("maps_"):
            args = dict(t.args)
            for k, v in t.args.items():
                m = re.search(re.escape(v) + _IN_TOWN, said) if "location" in k and isinstance(v, str) and v.strip() else None
                if m and m.group(1).lower() not in v.lower():
                    args[k] = f"{v}, {m.group(1)}"
            if args != t.args:
                t, changed = t.with_args(args), True
        out.append(t)
    return out if changed else None


#: Any word that can be part of a time ("the sixteenth", "tmrw", "twenty past three", "2pm"): a value without one names none
_TIME_WORD = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
                        r"|\b(?:today|tonight|tomorrow|tmrw|tmr|tmw|yesterday|noon|midnight|morning|afternoon|evening|"
                        r"night|week|weekend|month|year|o'?clock|half|quarter|past|am|pm|hours?|hrs?|mins?|minutes?|days?|"
                        r"first|second|third|[a-z]+(?:th|st|nd|rd)|one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|twenty|thirty|later|soon|now|asap|eod|eow)\b", re.I)


@rule("timeless_repeat", "compile",
      "a second event or reminder whose time holds no words for a time ('in the calendar') is no second one",
      "dates", reads="specs")
def timeless_repeat(tasks: list[Task], specs: dict) -> list[Task] | None:
    """"I have my eye test at the City Clinic on the eleventh at twenty past three ... Would you put that in the
    calendar?" was planned as the eye test and a second event "Put it" at "in the calendar". A step whose every
    time argument (schema role "when") holds no words for a time, where another step of the same tool has one and
    no step uses its result, is dropped (never the whole plan)."""
    def times(t: Task) -> list[str]:
        spec = specs.get(t.tool)
        return [str(t.args[p.name]) for p in (spec.params if spec else ()) if p.role == "when" and t.args.get(p.name)]

    def timeless(t: Task) -> bool:
        return bool(times(t)) and not any(_TIME_WORD.search(v) for v in times(t))
    return unused_dropped(tasks, lambda t: timeless(t) and any(o.tool == t.tool and o.id != t.id and times(o)
                                                                and not timeless(o) for o in tasks))


#: The words a request asks for a text message with
_ASKS_TEXT = re.compile(r"\b(?:text|texts|txt|sms|message|msg|whatsapp|imessage|signal|phone|mobile|cell)\b", re.I)


@rule("unasked_text", "compile",
      "a text message a first request (or a follow-up that opens with 'email') never asks for, beside the email it "
      "asks for, is dropped; an email to the text's report goes to the text's people", "people",
      reads="specs request")
def unasked_text(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"email nina kowalski asking if book club is still on for thursday at 7" was planned with a text to Nina as
    well as the email. A step of a text tool (a tool whose name says sms or text and that sends a message to
    people) in a first request without a word of a text or a phone, beside another step that sends a message, is
    dropped where no step uses its result (never the whole plan)."""
    request = as_request(query)
    # (a follow-up too where it opens with an email: "what's Elena's phone number?", then "email her asking ...")
    if request.context and not _OPENS_EMAIL.match(request.query) or _ASKS_TEXT.search(f"{request.query} {request.reading}"):
        return None

    def texts(t: Task) -> bool:
        spec = specs.get(t.tool)
        return bool(spec and spec.with_role("message") and spec.with_role("people")
                    and {"sms", "text"} & set(t.tool.split("_")))
    # beside a message the plan sends, or the step of the tool the request's verb names ("invite elena to a branding
    # chat on friday at 4pm" was planned with the event and a text "I couldn't find a branding chat ...")
    verb_tool = opening_tool(request.query, VERB_TOOLS)
    if not any(not texts(t) and ((s := specs.get(t.tool)) and s.with_role("message") or t.tool == verb_tool)
               for t in tasks):
        return None
    return unused_dropped(_recipients_not_a_text(tasks, specs, texts), texts)


#: Words that ask for a new email or a forward beside a reply ("reply to lucas and email sarah the q3 report")
_ASKS_NEW_EMAIL = re.compile(r"\b(?:e-?mail|mail|write\s+(?!back)|compose|draft|new\s+message)\b", re.I)
_ASKS_FORWARD = re.compile(r"\b(?:forward|fwd|frwd|fw|pass|send|share|bounce)\b", re.I)


@rule("reply_alone", "compile",
      "a request that asks for a reply gets no new email or forward it does not ask for", "made-up content",
      reads="specs request")
def reply_alone(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"hey can u answer lucas re the invoice - ask him for his IBAN" was planned with a new email to Lucas beside
    the reply, "reply to that one as well and tell sarah that priya will send comments too" with a forward to Sarah:
    in a request whose verb asks for a reply, a new email is dropped where the request (without the words it
    dictates) asks for no other email, and a forward where it asks for no forward, when no step uses them."""
    request = as_request(query)
    if opening_tool(request.query, VERB_TOOLS) != "reply_to_email" or not any(t.tool == "reply_to_email" for t in tasks):
        return None
    spoken = dictated(request.query)
    rest = request.query.replace(spoken, " ") if spoken else request.query
    rest = re.sub(r"(?i)^\W*(?:\w+\W+){0,6}?(?:reply|answer|respond|write\s+back)\b", " ", rest, count=1)  # (the ask itself)
    # (and the email it answers: "reply to Sarah Lee's email about the offsite", "sarahs q3 draft email")
    rest = re.sub(r"(?i)(?:'s|s|\bthe|\bher|\bhis|\btheir|\bthat|\bthis|\bmy)\s+(?:[\w'-]+\s+){0,3}?(?:e-?mail|mail|message)\b",
                  " ", rest)
    unasked = {"compose_new_email"} if not _ASKS_NEW_EMAIL.search(rest) else set()
    unasked |= {"forward_email"} if not _ASKS_FORWARD.search(rest) else set()
    out = unused_dropped(tasks, lambda t: t.tool in unasked) if unasked else None
    if not out:
        return None
    # (and the look-up only the dropped email used: "get_phone_number(name="Sarah Lee")" for a new email to her)
    by_id = {t.id: t for t in tasks}
    gone = set(by_id) - {t.id for t in out}
    still = {d for t in out for d in t.deps}
    orphans = {k for t in tasks if t.id in gone for k in t.deps
               if k not in still and k in by_id and "person" in getattr(specs.get(by_id[k].tool), "roles", ())}
    return renumbered([t for t in out if t.id not in orphans], out[0].id) if orphans and len(orphans) < len(out) else out


#: A request that opens with an email: "email her asking ...", "pls mail tom that ..."
_OPENS_EMAIL = re.compile(r"^\s*(?:(?:ok|okay|oh|and|then|now|pls|please|can\s+you|could\s+you)\b[\s,]*)*"
                          r"(?:e-?mail|mail|compose|write\s+(?:to\s+)?(?:him|her|them)\b)", re.I)


def _recipients_not_a_text(tasks: list[Task], specs: dict, texts) -> list[Task]:
    """The tasks with recipients that are a text's result ("email Elena asking ..." planned a text to Elena, then the
    email to "$2", the text's report) given the text's own recipients: a report is nobody's address."""
    sent = {t.id: t for t in tasks if texts(t)}
    if not sent:
        return tasks
    out = []
    for t in tasks:
        spec = specs.get(t.tool)
        slot = spec.with_role("people") if spec and t.id not in sent else None
        value = t.args.get(slot) if slot else None
        if not isinstance(value, list) or not any(is_ref(x) in sent for x in value):
            out.append(t)
            continue
        text_slot = lambda k: specs[sent[k].tool].with_role("people")  # noqa: E731
        people = [y for x in value for y in ((sent[is_ref(x)].args.get(text_slot(is_ref(x))) or []) if is_ref(x) in sent
                                             else [x])]
        deps = tuple(sorted((set(t.deps) - set(sent)) | {is_ref(y) for y in people if is_ref(y) is not None}))
        args = {**t.args, slot: list(dict.fromkeys(people))}
        words, said = spec.with_role("message"), [sent[is_ref(x)] for x in value if is_ref(x) in sent]
        text = specs[said[0].tool].with_role("message") if said else None
        if words and not args.get(words) and text and isinstance(said[0].args.get(text), str):
            args[words] = said[0].args[text]  # "forward ... to nina, with a note: ...": the note was the text's
        out.append(replace(t.with_args(args), deps=deps))
    return out


#: The words a request asks for a way somewhere with
_ASKS_WAY = re.compile(rf"\b(?:get\s+(?:me\s+)?(?:to|2|from|there)|from|{_TRAVEL})\b", re.I)


@rule("unasked_directions", "compile",
      "directions a first request never asks for, beside the map of the place it asks for, are dropped",
      "made-up content", reads="request")
def unasked_directions(tasks: list[Task], query: str | Request) -> list[Task] | None:
    """"where's Casa do Rio in Alfama? show me on a map" was planned with the map of the place and walking directions
    to Alfama from nowhere. A directions step (a tool whose name says directions) in a first request without a word
    of a way, a route or a means of travel, beside a step that shows a place, is dropped where no step uses it."""
    request = as_request(query)
    if request.context or _ASKS_WAY.search(f"{request.query} {request.reading}"):
        return None
    if not any(t.tool.startswith("maps_") and "directions" not in t.tool for t in tasks):
        return None
    return unused_dropped(tasks, lambda t: "directions" in t.tool)


#: A meeting held online: "make online meeting", "a video call", "a zoom with ...", "a call link"
_ONLINE = re.compile(r"\b(?:online|video|zoom|jitsi|virtual|remote)\b|\b(?:call|meeting)\s+link\b", re.I)
_CALENDAR = re.compile(r"\b(?:calendar|calender|cal|diary|schedule\s+it|put\s+it\s+in|add\s+it\s+to|event|block)\b", re.I)


@rule("online_is_a_link", "compile",
      "an online meeting planned as a calendar event alone is a meeting link, where the request says no word of a "
      "calendar", "made-up content", reads="specs request")
def online_is_a_link(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"make online meeting tomorrow 3pm with James and Priya for talk about the pilot schools" was planned as a calendar
    event. A first request for a meeting held online, with no word of a calendar, whose plan makes one event and no
    meeting link, gets the link instead: the event's title its topic, its start the link's time, its invitees
    invited, its length the link's."""
    request = as_request(query)
    said = f"{request.query} {request.reading}"
    if request.context or not _ONLINE.search(said) or _CALENDAR.search(said):
        return None
    links = [n for n in specs if "meeting_link" in n]
    events = [t for t in tasks if "event" in t.tool and (s := specs.get(t.tool)) and "when" in s.roles]
    if len(links) != 1 or len(events) != 1 or any("meeting_link" in t.tool for t in tasks):
        return None
    event, link = events[0], specs[links[0]]
    names = {p.name for p in link.params}
    when = next((p.name for p in link.params if p.role == "when"), None)
    people = link.with_role("people")
    topic = next((n for n in ("topic", "title", "name") if n in names), None)
    if when is None or topic is None:
        return None
    args = {topic: event.args.get("title", ""), when: event.args.get("start_date", "")}
    if people and event.args.get("invitees"):
        args[people] = event.args["invitees"]
    if not args[when]:
        return None
    return [replace(t, tool=links[0]).with_args(args) if t is event else t for t in tasks]


#: A meeting link asked to be sent: "... and email her the link", "get a link and email it to him"
_LINK_ASKED = re.compile(r"(?:\b(?:the|a|an)\s+|^\W*(?:(?:get|make|send)\s+(?:me\s+)?)?)(?:(?:video|zoom|meeting|call|meet|"
                         r"jitsi)\s+)?link\b", re.I)  # ("meeting link for handover with aisha 1930 tonight, ...")
_MEETS = re.compile(r"\b(?:call|meeting|meet|chat|sync|catch[- ]?up|1:1|video|zoom|stand-?up|review|interview)\b", re.I)
#: What the meeting is about: "for the logo review", "re the invoice", "about the pilot"
_TOPIC = re.compile(r"\b(?:for|re|about|regarding|on)\s+(?:the\s+|our\s+|my\s+)?(?P<topic>[a-z][\w'&-]*(?:\s+[a-z][\w'&-]*){0,3}?)"
                    r"(?=\s*(?:[,.;!?]|$|\s+(?:and|at|on|this|next|tomorrow|tmrw|today|mon|tue|wed|thu|fri|sat|sun|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)\b))", re.I)


def link_asked(request: Request, specs: dict) -> bool:
    """A first request for a call or meeting at one time that asks for its link, with a meeting-link tool at hand."""
    return (not request.context and bool(_LINK_ASKED.search(request.query)) and bool(_MEETS.search(request.query))
            and len(request.times) == 1 and sum("meeting_link" in n for n in specs) == 1)


@rule("link_asked_for", "compile",
      "a first request that asks for a meeting link to be sent ('... and email her the link') makes the link, where "
      "the plan only writes the message", "made-up content", reads="specs request")
def link_asked_for(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"Set up a video call w/ Elena for the logo review Fri 11am and email her the link" was planned as an email
    alone, three times over (refuse_meeting_as_email). A first request that asks for the link of a call or meeting at
    one time, whose plan writes one message and makes no link, gets the link before it: its topic what the request
    says the meeting is for (else "Meeting"), its time the request's, its length the one stated, the message's
    email recipients invited (link_is_the_message then sends the link)."""
    request = as_request(query)
    if not link_asked(request, specs):
        return None
    links = [n for n in specs if "meeting_link" in n]
    senders = [t for t in tasks if (sp := specs.get(t.tool)) and {"people", "message"} <= sp.roles]
    if len(links) != 1 or len(senders) != 1 or any("meeting_link" in t.tool for t in tasks):
        return None
    link = specs[links[0]]
    names = {p.name for p in link.params}
    when = next((p.name for p in link.params if p.role == "when"), None)
    topic = next((n for n in ("topic", "title", "name") if n in names), None)
    if when is None or topic is None:
        return None
    m = _TOPIC.search(re.sub(r"\b(?:on|in|to)\s+(?:my|the)\s+(?:calendar|cal|diary|agenda)\b", " ", request.query, flags=re.I))
    about = m.group("topic") if m and m.group("topic").lower() not in {"it", "that", "this", "him", "her", "them"} else "meeting"
    args: dict[str, Any] = {topic: about[:1].upper() + about[1:], when: request.times[0]}
    minutes = sorted(n for n in request.lengths if float(n).is_integer() and 5 <= n <= 480)
    if "duration" in names and len(request.lengths) == 3 and len(minutes) == 1:  # (one length, in s, min and h)
        args["duration"] = int(minutes[0])
    sender = senders[0]
    people, to = link.with_role("people"), specs[sender.tool].with_role("people")
    by_id = {t.id: t for t in tasks}
    invited = [v for v in (sender.args.get(to) or []) if isinstance(v, str) and (k := is_ref(v)) is not None
               and k in by_id and "email" in by_id[k].tool]
    if people and invited:
        args[people] = invited
    made = Task(NEW_ID, links[0], args, tuple(sorted(is_ref(v) for v in invited)) if people and invited else ())
    order = [t for t in tasks if t is not sender]
    at = next((i for i, t in enumerate(order) if t.id > sender.id), len(order))
    return renumbered(order[:at] + [made, sender] + order[at:], tasks[0].id)


#: "... and remind me to decide on it by the 12th" written into a message: a reminder of its own
_REMIND_IN = re.compile(r"^\s*remind\s+me\s+(?:to\s+)?(?P<what>.+?)\s*[.!]?\s*$", re.I)


@rule("reminder_not_a_message", "compile",
      "'... and remind me to X by the 12th' written into an email's text is a reminder of its own", "dates")
def reminder_not_a_message(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"forward the landscaper's quote to my accountant Lucas and remind me to decide on it by the 12th" was planned
    as the forward with the text "Remind me to decide on it by the 12th". A message that is only "remind me to ...",
    in a request that asks "and remind me", goes from the message into a reminder of its own, due when the request
    says (its one time phrase), where the plan has no reminder."""
    request = as_request(query)
    reminders = [n for n, sp in specs.items() if "reminder" in n and "when" in sp.roles]
    if len(reminders) != 1 or any(t.tool == reminders[0] for t in tasks) \
            or not re.search(r"\b(?:and|then|also)\s+remind\s+me\b", request.query, re.I):
        return None
    spec_r = specs[reminders[0]]
    name = next((p.name for p in spec_r.params if p.required and p.type == "string" and p.role == ""), None)
    due = next((p.name for p in spec_r.params if p.role == "when"), None)
    times = list(request.times)
    out, made = [], None
    for t in tasks:
        spec = specs.get(t.tool)
        slot = spec.with_role("message") if spec else None
        m = _REMIND_IN.match(str(t.args.get(slot) or "")) if slot else None
        if m and made is None and name and due:
            what = m.group("what")
            for phrase in times:
                what = re.sub(rf"\s*\b(?:by|on|at|before)?\s*{re.escape(phrase)}\b", "", what, flags=re.I)
            what = what.strip(" ,.")
            args = {name: what[:1].upper() + what[1:]}
            if len(times) == 1:
                args[due] = times[0]
            made = Task(NEW_ID, reminders[0], args, ())
            t = t.with_args({k: v for k, v in t.args.items() if k != slot})
        out.append(t)
    return renumbered(out + [made], tasks[0].id) if made else None


_TEXT_TO = re.compile(r"\b(?:text|txt|sms)\s+(?P<who>[a-z][\w'-]*)", re.I)
_EMAIL_TO = re.compile(r"\b(?:e-?mail|mail)\s+(?P<who>[a-z][\w'-]*)", re.I)


@rule("way_per_person", "compile",
      "'email Omar that ..., and text Lucas that ...': the step for each person is the way the request says", "people")
def way_per_person(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"email Omar the landscaper that the 14th works, and text Lucas my accountant that the invoice is paid" was
    planned with two emails. Where the request texts one person and emails another, a new email to the person it
    texts (looked up by that name) is a text, and a text to the person it emails is an email: same people, same
    words (the look-up rule then looks them up by phone or address)."""
    if not {"send_sms", "compose_new_email"} <= set(specs):
        return None
    request = as_request(query)
    plain = {"him", "her", "them", "the", "my", "our", "me", "us", "a", "an", "it", "that", "this", "his", "their", "back"}
    texted = {m.group("who").lower() for m in _TEXT_TO.finditer(request.query)} - plain
    emailed = {m.group("who").lower() for m in _EMAIL_TO.finditer(request.query)} - plain
    if not texted or not emailed or texted & emailed:
        return None
    by_id = {t.id: t for t in tasks}

    def whom(t: Task) -> set[str]:
        names = set()
        for x in t.args.get("recipients") or []:
            look = by_id.get(is_ref(x)) if isinstance(x, str) else None
            value = str(next(iter(look.args.values()), "")) if look is not None else str(x)
            names |= {w.lower() for w in value.split()}
        return names
    out, changed = [], False
    for t in tasks:
        if t.tool == "compose_new_email" and whom(t) and whom(t) & texted and not whom(t) & emailed \
                and not t.args.get("attachments") and not t.args.get("cc"):
            t = replace(t, tool="send_sms").with_args({"recipients": t.args["recipients"],
                                                         "message": t.args.get("context") or t.args.get("subject") or ""})
            changed = True
        elif t.tool == "send_sms" and whom(t) and whom(t) & emailed and not whom(t) & texted:
            t = replace(t, tool="compose_new_email").with_args({"recipients": t.args["recipients"],
                                                                  "context": t.args.get("message", "")})
            changed = True
        out.append(t)
    return out if changed else None


#: The words a request asks for a calendar event with
_ASKS_EVENT = re.compile(r"\b(?:calendar|calender|cal|diary|schedule|book|block|event|put|add|invite|meeting|remind|"
                         r"reminder)\b", re.I)


#: A meeting link asked for by name: "a meeting link", "a zoom call link", "jitsi link" (no event in it)
_A_LINK = re.compile(r"\b(?:zoom|video|meeting|jitsi|call|conference)\s+(?:call\s+)?link\b", re.I)


@rule("unasked_event", "compile",
      "a calendar event made of the words of a message the plan sends, in a request that asks for no event, is dropped",
      "made-up content", reads="specs request")
def unasked_event(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"Could you kindly respond to Priya's lunch email and let her know I have a dentist appointment at noon that day"
    was planned with the reply and an event "Dentist appointment" from 9 to 12. An event step in a first request
    without a word of a calendar, of scheduling or booking, whose title's words are all words of a message another step
    sends, is dropped where no step uses it."""
    request = as_request(query)
    said = f"{request.query} {request.reading}"
    if request.context or _CALENDAR.search(said):
        return None
    spoken = dictated(request.query)
    # (a meeting or a reminder asked for, not a calendar; not in the words dictated: "say I sent the invite")
    asked = bool(_ASKS_EVENT.search(said.replace(spoken, " ") if len(spoken) > 12 else said))
    texts = [v for t in tasks if (sp := specs.get(t.tool)) and (slot := sp.with_role("message"))
             and isinstance(v := t.args.get(slot), str)]
    words = set(_words(" ".join(texts + [spoken])))  # (the words dictated, before the rules mend them)
    links = {t.id for t in tasks if "meeting_link" in t.tool}
    event_words = bool(links) and _ASKS_EVENT.search(_A_LINK.sub(" ", said)) is not None

    def unasked(t: Task) -> bool:
        if not ("event" in t.tool or "reminder" in t.tool):
            return False
        title = _words(str(t.args.get("title") or t.args.get("name") or ""))
        whens = [v for k, v in t.args.items() if isinstance(v, str) and k in ("start_date", "end_date", "due_date")]
        return (not asked and bool(texts) and bool(title) and set(title) <= words  # "Dentist appointment" from a reply
                # "... say I have no objection for thursday roll out" planned with an event on thursday
                or not asked and bool(spoken) and bool(whens) and all(v.lower() in spoken.lower() for v in whens)
                # "In the itinerary, what we do on wednesday?": a question about a document
                or not asked and bool(request.document_named) and not texts
                # "Create a 30-minute video meeting ..." planned with the link and an event at it
                or is_ref(t.args.get("location")) in links
                # "can you make me a jitsi link for the enclosure supplier call, wednesday 2pm" planned with an event
                # "Jitsi" beside the link: a link asked for, and no event (a "meeting link" asks for none)
                or bool(links) and t.id not in links and not event_words
                # "Send Nina the Lisbon itinerary, please." planned with an event "Inflight" on 2026-12-29: a time the
                # request never says, in a request with no time at all
                or not asked and not request.times and bool(whens) and bool(texts) and not set(title) & set(_words(said)))
    return unused_dropped(tasks, unasked)


_REMINDER_ASKED = re.compile(r"\b(?:remind|reminder|reminders|todo|to-do|nudge|ping\s+me|alert)\b", re.I)


@rule("reminder_twin_of_event", "compile",
      "a reminder of the same thing as the event the plan makes, in a request that asks for no reminder, is dropped",
      "made-up content", reads="specs request")
def reminder_twin_of_event(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"invite Greta to the review on friday at 10" was planned with the event and a reminder "Review" at the same
    time: a reminder step whose name's words are all the event's title's, in a request without a word of a
    reminder, is dropped where no step uses it."""
    request = as_request(query)
    if _REMINDER_ASKED.search(request.query):
        return None
    titles = [set(_words(str(t.args.get("title") or ""))) for t in tasks if "event" in t.tool]
    if not titles:
        return None
    return unused_dropped(tasks, lambda t: "reminder" in t.tool and (n := set(_words(str(t.args.get("name") or ""))))
                           and any(n <= title for title in titles))


#: "remind me, what is project falcon building?", "remind me who the sensor is for": a question, not a reminder
_REMIND_WHAT = re.compile(r"^\W*(?:(?:hey|hi|ok|okay|so|oh|um|quick(?:\s+question)?|can\s+you|could\s+you|pls|please)\W+){0,3}"
                          r"remind\s+me\s*[,:\-]?\s+(?:what|what's|whats|who|who's|when|where|which|how|why)\b", re.I)


@rule("remind_me_what", "compile",
      "'remind me, what is X?' asks a question: no reminder is made of it", "made-up content", reads="request")
def remind_me_what(tasks: list[Task], query: str | Request) -> list[Task] | None:
    """"remind me, what is project falcon actually building? one line is enough" was planned with a reminder
    "Remind me" beside the search: a reminder step in a request that opens "remind me what/who/when ..." is dropped
    where no step uses it (never the whole plan)."""
    if not _REMIND_WHAT.search(as_request(query).query):
        return None
    return unused_dropped(tasks, lambda t: "reminder" in t.tool)


#: "no need to summarise it", "don't summarize", "without a summary": a summary the person does not want
_NO_SUMMARY = re.compile(r"\b(?:no\s+need\s+to|don'?t|do\s+not|without|no)\s+(?:a\s+)?summar(?:i[sz]e|y|ies|i[sz]ing)\b", re.I)


@rule("no_summary_asked", "compile",
      "a summary the request says it does not want ('no need to summarise it') is dropped", "made-up content",
      reads="request")
def no_summary_asked(tasks: list[Task], query: str | Request) -> list[Task] | None:
    """"just open the lisbon itinerary for me, no need to summarise it" was planned with a summary."""
    if not _NO_SUMMARY.search(as_request(query).query):
        return None
    return unused_dropped(tasks, lambda t: "summar" in t.tool)



#: A question ("what does it say I should do if I lose my laptop?"), after the courtesy it may open with
_ONLY_ASKS = re.compile(r"^\W*(?:(?:thank\s+you|thanks|thx|ok(?:ay)?|great|right|cool|perfect)\W+)*"
                        r"(?:what|whats|what's|when|where|who|which|how|why|is|are|does|do|did|can\s+you\s+tell)\b[^.!]*\?\s*$",
                        re.I)
#: Words that ask for a message: to write, send or answer one
_ASKS_MESSAGE = re.compile(r"\b(?:reply|respond|answer|e-?mail|mail|send|forward|fwd|text|txt|sms|message|tell\s+(?:him|her|"
                           r"them|[A-Z]\w+)|let\s+\w+\s+know|ask\s+(?:him|her|them|[A-Z]\w+)|write)\b", re.I)


@rule("question_sends_nothing", "compile",
      "a follow-up that only asks a question ('Thank you. What does it say I should do if I lose my laptop?') sends no "
      "message", "made-up content")
def question_sends_nothing(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"Could you summarise the Team Handbook PDF for me?", then "Thank you. What does it say I should do if I lose my
    laptop?", was planned with the search and a reply to the newest email "I should do if I lose my laptop?". In a
    follow-up that only asks a question and says no word of a message, a step that sends one (a tool with people and a
    message) is dropped where no step uses it (never the whole plan)."""
    request = as_request(query)
    # (or a first request that asks what a named document says and nothing else: "Could you find where the handbook talks
    # about security, and tell me what it asks of us regarding passwords?" planned with a reply "Tell me what it asks")
    asks = _ONLY_ASKS.match(request.query) if request.context else request.document_named
    if not asks or _ASKS_MESSAGE.search(re.sub(r"\btell\s+(?:me|us)\b", "", request.query, flags=re.I)):
        return None
    return unused_dropped(tasks, lambda t: (s := specs.get(t.tool)) is not None and {"people", "message"} <= s.roles)
