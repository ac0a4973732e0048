"""People the request invites ("invite Ana and Raj to ...", "a call with Anika") are the event's invitees (guards people)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, dependency_order, is_ref
from tinyagent.nodes.request.lexicon import NOBODY, NOT_A_NAME
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.registry import rule
from tinyagent.tools.specs import ToolSpec

_INVITE = re.compile(r"\binvit(?:e|ing|ees?)(?:\s*:)?\s+(?P<names>[^,.;:!?\n]+(?:,\s*[^,.;:!?\n]+)*)", re.I)
_WITH = re.compile(r"\b(?:with|w/|w(?=\s+[A-Za-z]))\s*(?P<names>[^,.;:!?\n]+(?:,\s*[^,.;:!?\n]+)*)", re.I)


def _names(phrase: str, capitalized: bool = False) -> list[str]:
    """'Oluwaseun and Dmitri to the code review' -> ['Oluwaseun', 'Dmitri']; ``capitalized``: only
    capitalised words are names ("with candidate" names no one)."""
    out, current = [], []
    for word in re.findall(r"[\w'.&-]+|[,+]", phrase):
        low = word.lower().strip(".")
        if word in (",", "&", "+") or low in ("and", "n"):  # ("yuki n james", "tom + omar")
            if current:
                out.append(" ".join(current))
            current = []
            continue
        if low in NOT_A_NAME or any(ch.isdigit() for ch in word) or (capitalized and not word[:1].isupper()):
            break
        current.append(word.removesuffix("'s"))
        if len(current) > 3:
            return []  # not a name
    if current:
        out.append(" ".join(current))
    return [n for n in out if n.lower() not in NOBODY and not set(n.lower().split()) <= NOBODY | {"both", "of", "all"}]


def _invitees_param(spec: ToolSpec | None) -> str | None:
    """The list of people an event or meeting step (a tool with people and a time) invites, or None."""
    if spec is None or "when" not in spec.roles:
        return None
    return next((p.name for p in spec.params if p.role == "people" and p.type == "array"), None)


def _place_param(spec: ToolSpec) -> str | None:
    """The text parameter that holds an event's place (location, venue, ...), or None."""
    return next((p.name for p in spec.params if _PLACE.search(p.name) and p.type == "string"), None)


def _invited_names(query: str, spec: ToolSpec) -> list[str]:
    """The people the request invites: "invite X (and Y)", or for an online meeting "with X" (capitalised names)."""
    query = re.sub(r"\s*\([^)]*\)", "", query)  # ("w/ Tom Becker (Becker & Sons) thursday": his firm, no one else)
    names = [n for m in _INVITE.finditer(query) for n in _names(m.group("names"))]
    if not names and "meeting" in spec.description.lower():  # "a call with Anika": an online meeting's
        names = [n for m in _WITH.finditer(query) for n in _names(m.group("names"), capitalized=True)]
    return names


@rule("invited_people", "compile",
      "people the request invites ('invite Ana', 'a zoom call with Anika') are invited", "people")
def invited_people(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """An event or meeting step (a tool with people and a time) that invites no one, where the request
    says "invite X (and Y)" or, for an online meeting, "with X": X and Y become its invitees, as names the
    look-up rule then looks up. Only with one such step. (In the corpus and the development set, "invite X"
    invites X in all 64 such plans, and a meeting link "with X" in 20 of 22; an event "with X" in only 6
    of 13, so that one is left to the planner.)"""
    request = as_request(query)
    query = request.read
    takers = [(t, param) for t in tasks if (param := _invitees_param(specs.get(t.tool))) and not t.args.get(param)]
    if len(takers) != 1:
        return None
    step, param = takers[0]
    names = _invited_names(query, specs[step.tool])
    if not names and _INVITE_THEM.search(query):
        # "... with a meeting link, put it in my calendar and invite him": the people the plan's meeting link invites
        asked = [x for t in tasks if t is not step and (s := specs.get(t.tool)) and "when" in s.roles
                 for p in s.params if p.role == "people" and isinstance(t.args.get(p.name), list)
                 for x in t.args[p.name] if is_ref(x) is not None]
        if not asked:  # "invite them both to a quick sync": the people the plan looks up and gives no step yet
            used = {d for t in tasks for d in t.deps}
            asked = [f"${t.id}" for t in tasks if t.id not in used and (s := specs.get(t.tool)) and "person" in s.roles
                     and t is not step]
        if not asked and not request.context:
            # "Set up a meeting with Omar ..., invite him and email him about it": him is the one person named, looked
            # up by address for the email
            from tinyagent.nodes.rules.followups import one_person_named

            who = one_person_named(query, lower=True)
            asked = [f"${t.id}" for t in tasks if who and (s := specs.get(t.tool)) and "person" in s.roles
                     and "email" in t.tool and str(next(iter(t.args.values()), "")).lower() == who.lower()][:1]
        if not asked and (context := request.context):
            # "text marcus and priya that the sensor call moved to 3", then "put it in my calendar tomorrow at 3 and
            # invite them": the people the turn before looked up or wrote to, as names the look-up rule looks up
            from tinyagent.nodes.rules.followups import earlier_people
            turns = earlier_people(context)
            asked = list(turns[-1]) if turns else []
        if asked:
            deps = tuple(sorted(set(step.deps) | {is_ref(x) for x in asked if is_ref(x) is not None}))
            return dependency_order([replace(t.with_args({**t.args, param: list(dict.fromkeys(asked))}), deps=deps)
                                     if t is step else t for t in tasks], tasks[0].id)
    if not names:
        return None
    return [replace(t, args={**t.args, param: list(dict.fromkeys(names))}) if t is step else t for t in tasks]


@rule("all_invited", "compile",
      "an event or meeting that invites some of the people the request invites ('with Priya Patel and Yuki Tanaka') "
      "invites the others too", "people")
def all_invited(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"a video call on Wednesday at four with Priya Patel and Yuki Tanaka" was planned with a link inviting Priya
    alone. The one event or meeting step that invites someone, where the request invites more ("invite X and Y", or
    for an online meeting "with X and Y"), gets the others too, as names the look-up rule then looks up."""
    query = re.sub(r"\s*\([^)]*\)", "", as_request(query).read)  # (a firm in brackets invites no one)
    takers = [(t, param) for t in tasks if (param := _invitees_param(specs.get(t.tool)))
              and isinstance(t.args.get(param), list) and t.args[param]]
    if len(takers) != 1:
        return None
    step, param = takers[0]
    names = _invited_names(query, specs[step.tool])
    by_id = {t.id: t for t in tasks}
    have = []
    for x in step.args[param]:
        found = by_id.get(is_ref(x)) if is_ref(x) is not None else None
        have += [str(v) for v in found.args.values() if isinstance(v, str)] if found else [str(x)]
    have_words = {w for h in have for w in h.lower().split()}
    # (not the words of its other values: "invite ines and paolo, location boardroom b")
    other = {w for k, v in step.args.items() if k != param and isinstance(v, str) for w in v.lower().split()}
    if not names:  # an event "with Marcus and Yuki" that invites Marcus: Yuki too
        withs = [n for m in _WITH.finditer(query) for n in _names(m.group("names"), capitalized=True)]
        # ("with elena rossi and tom becker on thursday": in lower case, names where the step invites one of them)
        withs = withs or [n for m in _WITH.finditer(query) for n in _names(m.group("names"))]
        names = withs if any(set(n.lower().split()) & have_words for n in withs) else []
    missing = [n for n in names if not set(n.lower().split()) & (have_words | other)]
    if not missing or len(missing) == len(names):
        return None
    return [t.with_args({**t.args, param: [*t.args[param], *missing]}) if t is step else t for t in tasks]


@rule("looked_up_invited", "compile",
      "an event 'with' people the plan looked up by address and invites no one invites them", "people")
def looked_up_invited(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"set up a design review with elena rossi and tom becker on thursday at 2, ..., put it in my calendar" looked both
    up and made the event with neither. The one event step that invites no one gets the people the plan looked up by
    address and uses for nothing, where the request has the event "with" them (before such look-ups are dropped)."""
    query = as_request(query).read
    if any(isinstance(t.args.get(p), list) and t.args[p] for t in tasks if (p := _invitees_param(specs.get(t.tool)))):
        return None
    events = [(t, param) for t in tasks if (param := _invitees_param(specs.get(t.tool)))]
    if len(events) != 1:
        return None
    used = {d for t in tasks for d in t.deps}
    withs = {w.lower() for m in _WITH.finditer(query) for n in _names(m.group("names")) for w in n.split()}
    unused = [t for t in tasks if t.id not in used and t.tool in specs and "person" in specs[t.tool].roles
              and "email" in t.tool and str(next(iter(t.args.values()), "")).split()[:1]
              and str(next(iter(t.args.values()))).split()[0].lower() in withs]
    if not unused:
        return None
    step, param = events[0]
    if any(is_ref(v) in {t.id for t in tasks if t.tool in specs and "person" in specs[t.tool].roles}
           for v in step.args.values() if isinstance(v, str)):
        return None  # (a person written as the event's place: names_not_a_place invites them)
    refs = [f"${t.id}" for t in unused]
    out = [replace(t, args={**t.args, param: refs}, deps=tuple(sorted({*t.deps, *(u.id for u in unused)})))
           if t is step else t for t in tasks]
    return dependency_order(out, tasks[0].id)


_INVITE_THEM = re.compile(r"\binvit(?:e|ing)\s+(?:him|her|them|both(?:\s+of\s+them)?|everyone|all\s+(?:of\s+)?(?:them|three|four))\b",
                          re.I)


_PLACE = re.compile(r"location|place|where|venue|address", re.I)


@rule("person_not_a_place", "compile",
      "a person looked up and put in an event's location is invited instead", "people", reads="specs")
def person_not_a_place(tasks: list[Task], specs: dict) -> list[Task] | None:
    """An event step (a tool with people and a time) whose place parameter holds a person look-up's
    result ("$1" of get_email_address(name="Nina Kowalski") as the location) gets that person among its
    people instead: an address is never a place, and the person was meant to be there."""
    lookups = {t.id for t in tasks if t.tool in specs and "person" in specs[t.tool].roles}
    out, changed = [], False
    for t in tasks:
        people = _invitees_param(specs.get(t.tool))
        place = _place_param(specs[t.tool]) if people else None
        ref = t.args.get(place) if place else None
        if people and is_ref(ref) in lookups:
            args = {k: v for k, v in t.args.items() if k != place}
            args[people] = [*[x for x in t.args.get(people) or [] if x != ref], ref]
            t = t.with_args(args)
            changed = True
        out.append(t)
    return out if changed else None


@rule("names_not_a_place", "compile",
      "an event's location that is only the names of people the plan looks up invites them instead", "people",
      reads="specs")
def names_not_a_place(tasks: list[Task], specs: dict) -> list[Task] | None:
    """"Schedule a 90 minute project sync with Yuki Tanaka and Elena Rossi next Wednesday at 2pm" was planned with
    both looked up and the event's location "Yuki Tanaka and Elena Rossi": the look-ups were then used by no step.
    An event step (a tool with people and a time) whose place is only names the plan's person look-ups look up
    invites those look-ups instead, and has no place."""
    found = {str(t.args.get(p.name, "")).strip().casefold(): t.id for t in tasks if t.tool in specs
             for p in specs[t.tool].params if p.role == "person" and isinstance(t.args.get(p.name), str)}
    out, changed = [], False
    for t in tasks:
        people = _invitees_param(specs.get(t.tool))
        place = _place_param(specs[t.tool]) if people else None
        value = t.args.get(place) if place else None
        names = [n.strip().casefold() for n in re.split(r"\s*(?:,|&|\band\b)\s*", value) if n.strip()] \
            if isinstance(value, str) and is_ref(value) is None else []
        if people and names and all(n in found for n in names):
            refs = [f"${found[n]}" for n in names]
            args = {k: v for k, v in t.args.items() if k != place}
            args[people] = list(dict.fromkeys([*(t.args.get(people) or []), *refs]))
            t = replace(t.with_args(args), deps=tuple(sorted(set(t.deps) | {found[n] for n in names})))
            changed = True
        out.append(t)
    return out if changed else None


_ONE = r"[A-Za-z][a-z'-]+(?:\s[A-Z][a-z'-]+)?"
#: "... to sarah and priya", "... to Ana, Raj & Li": a list of two names or more, then the end of the ask
_NAMED_LIST = re.compile(rf"\b(?P<verb>to|with|w/|w(?=\s))\s*(?<=\s|/)(?P<names>{_ONE}(?:\s*,\s*{_ONE})*\s*,?\s+(?:and|&|n|\+)\s+{_ONE})"
                         rf"(?=\s*(?:$|[,.;:!?]|\s[-–]\s|\s(?:about|re|regarding|saying|say|that|to|on|at|for|pls|please|asap|"
                         rf"tomorrow|today|thursday|friday|monday|tuesday|wednesday|saturday|sunday|tmrw|tonight|next|this|"
                         rf"mon|tue|tues|wed|thu|thurs|fri|sat|sun|and\s)))")
_SEND_IT = re.compile(r"\b(?:e-?mail|mail|send|forward|fwd|text|txt|share)\b", re.I)
_TO_THEM = re.compile(r"\bto\s+(?:them|them\s+both|both(?:\s+of\s+them)?|everyone|all\s+of\s+them)\b", re.I)
_NOT_NAMES = {"both", "them", "him", "her", "me", "everyone", "all", "cc", "uh", "um", "tell", "say", "the", "my", "our",
              "his", "their", "you", "us", "it", "this", "that", "a", "an",
              # an ask joined on ("forward it to nina and add that she's welcome"): no one's name
              "add", "ask", "mention", "include", "attach", "let", "put", "write", "text", "email", "mail", "remind", "copy"}


def _listed(phrase: str) -> list[str]:
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|\bn\b|&|\+)\s*", phrase) if n.strip()]
    words = [w.lower() for n in names for w in n.split()]
    return names if not any(w in _NOT_NAMES or w in NOT_A_NAME or re.search(r"n't$|'(?:ll|re|ve|d|m)$", w)
                            for w in words) else []


@rule("named_recipients", "compile",
      "a message sent 'to Sarah and Priya' (or 'to them' after 'with James and Yuki') goes to each of them", "people")
def named_recipients(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """The one step that sends (a tool whose required people parameter takes a message) gets every person the
    request sends to ("email it to sarah and priya"; "mail it to them" for a call "with james and yuki") that
    it names no look-up or name for; the look-up rule then looks them up."""
    query = as_request(query).read
    if not _SEND_IT.search(query):
        return None
    lists = {m.group("verb").lower().replace("w/", "with"): _listed(m.group("names")) for m in _NAMED_LIST.finditer(query)}
    names = lists.get("to") or (lists.get("with") if _TO_THEM.search(query) else None) or []
    cc = {w.lower() for m in re.finditer(r"\bcc(?:'?ing)?\s+([^,.;!?]+)", query, re.I) for w in m.group(1).split()}
    names = [n for n in dict.fromkeys(names) if n.split()[0].lower() not in cc]
    if len(names) < 2:
        return None
    senders = [(t, p.name) for t in tasks if t.tool in specs for p in specs[t.tool].params
               if p.role == "people" and p.required and "message" in specs[t.tool].roles]
    if len(senders) != 1:
        return None
    step, param = senders[0]
    by_id = {t.id: t for t in tasks}

    def who(item) -> str:
        look = by_id.get(is_ref(item)) if isinstance(item, str) else None
        if look is None:
            return str(item)
        return next((str(v) for k, v in look.args.items() if specs.get(look.tool) and
                     any(q.name == k and q.role == "person" for q in specs[look.tool].params)), "")
    if not all(isinstance(step.args.get(q.name) or [], list) for q in specs[step.tool].params if q.role == "people"):
        return None
    # the list names whom the step sends to, or other things ("email sarah the photos from my trip to paris and rome")
    listed = {n.split()[0].lower() for n in names}
    low = query.lower()
    # a recipient the request never says ("Jitsi" for "txt it to james n priya"), or, in a forward, only as the
    # email's sender ("Marcus" for "forward Marcus's release notes to Sarah and James"), is the list's first name
    forwards = "received" in specs[step.tool].roles

    def junk(x) -> bool:
        w = who(x).lower()
        return bool(w) and (not re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) or forwards and bool(
            re.search(rf"(?<!\w){re.escape(w)}'s\b", low)) and not re.search(rf"\bto\s+{re.escape(w)}\b", low)
            or forwards and "'s " in w)  # ("marcus's release notes": the email forwarded, not whom to)
    wrong = [x for x in step.args.get(param) or [] if isinstance(x, str) and junk(x)]
    if len(wrong) == 1:
        look = by_id.get(is_ref(wrong[0]))
        if look is not None:
            key = next(q.name for q in specs[look.tool].params if q.role == "person")
            fixed = look.with_args({**look.args, key: names[0]})
            tasks = [fixed if t is look else t for t in tasks]
            by_id[fixed.id] = fixed
        else:
            tasks = [t.with_args({**t.args, param: [names[0] if x == wrong[0] else x for x in t.args[param]]})
                     if t is step else t for t in tasks]
        step = next(t for t in tasks if t.id == step.id)
    if any(w and w.split()[0].lower() not in listed for w in map(who, step.args.get(param) or [])):
        return None
    people = [q.name for q in specs[step.tool].params if q.role == "people"]  # (a person in cc is sent to already)
    have = {w for name in people for item in step.args.get(name) or [] for w in who(item).lower().split()}
    missing = [n for n in names if n.split()[0].lower() not in have]
    if not missing:
        return None
    return [replace(t, args={**t.args, param: [*(t.args.get(param) or []), *missing]}) if t is step else t for t in tasks]
