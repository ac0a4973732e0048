"""People the request invites ("invite Ana and Raj to ...", "a call with Anika") are the event's invitees (guards people)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, is_ref
from tinyagent.nodes.request.lexicon import NOBODY, NOT_A_NAME
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.registry import rule

_INVITE = re.compile(r"\binvit(?:e|ing)\s+(?P<names>[^,.;:!?\n]+(?:,\s*[^,.;:!?\n]+)*)", re.I)
_WITH = re.compile(r"\bwith\s+(?P<names>[^,.;:!?\n]+(?:,\s*[^,.;:!?\n]+)*)", re.I)


def _names(phrase: str, capitalized: bool = False) -> list[str]:
    """'Oluwaseun and Dmitri to the code review' -> ['Oluwaseun', 'Dmitri']; ``capitalized``: only
    capitalised words are names ("with candidate" names no one)."""
    out, current = [], []
    for word in re.findall(r"[\w'.&-]+|,", phrase):
        low = word.lower().strip(".")
        if word in (",", "&") or low == "and":
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
    return [n for n in out if n.lower() not in NOBODY]


@rule("invited_people", "compile",
      "people the request invites ('invite Ana', 'a zoom call with Anika') are invited", "people")
def invited_people(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """An event or meeting step (a tool with people and a time) that invites no one, where the request
    says "invite X (and Y)" or, for an online meeting, "with X": X and Y become its invitees, as names the
    look-up rule then looks up. Only with one such step. (In the corpus and the development set, "invite X"
    invites X in all 64 such plans, and a meeting link "with X" in 20 of 22; an event "with X" in only 6
    of 13, so that one is left to the planner.)"""
    query = as_request(query).read
    takers = []
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None or "when" not in spec.roles:
            continue
        param = next((p.name for p in spec.params if p.role == "people" and p.type == "array"), None)
        if param and not t.args.get(param):
            takers.append((t, param))
    if len(takers) != 1:
        return None
    step, param = takers[0]
    names = [n for m in _INVITE.finditer(query) for n in _names(m.group("names"))]
    if not names and "meeting" in specs[step.tool].description.lower():  # "a call with Anika": an online meeting's
        names = [n for m in _WITH.finditer(query) for n in _names(m.group("names"), capitalized=True)]
    if not names:
        return None
    return [replace(t, args={**t.args, param: list(dict.fromkeys(names))}) if t is step else t for t in tasks]


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
        spec = specs.get(t.tool)
        people = next((p.name for p in spec.params if p.role == "people" and p.type == "array"), None) if spec else None
        place = next((p.name for p in spec.params if _PLACE.search(p.name) and p.type == "string"), None) if spec else None
        ref = t.args.get(place) if place else None
        if people and "when" in spec.roles and is_ref(ref) in lookups:
            args = {k: v for k, v in t.args.items() if k != place}
            args[people] = [*[x for x in t.args.get(people) or [] if x != ref], ref]
            t = t.with_args(args)
            changed = True
        out.append(t)
    return out if changed else None
