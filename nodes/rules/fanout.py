"""One call made once per value where the request lists several for it ("on Dec 2 and on Dec 3").

The small planner often writes one call where the request asks the same thing of two or three
values ("mark OPS-11 and OPS-12 as done", "lights off in the kitchen, the hallway and the office",
"phone numbers of Yuki Tanaka and Lucas Martin"). When a tool is called once, no step uses its
result, and one of its text arguments is copied from the request where that text is followed by
a list that ends in "and" or "or" ("A and B", "A, B or C") of values of the same form (the same pattern of capitals,
lower case and digits, or all capitalized names), the call is repeated for each further value,
right after the first; so it is when the text copied is the list's last value (the values before
it, right after the call). The plan is renumbered and what it shows and runs is the repeated one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, refs_in, renumbered
from tinyagent.nodes.request.lexicon import NOT_LISTED, ONE_VALUE
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule

_JOIN = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)"
                   r"(?:(?:on|for|in|at|to|from|the|my|of|also)\s+)*", re.IGNORECASE)
# where a listed value ends: punctuation, a joiner, or a word that starts a phrase of its own
_END = re.compile(r"\s*(?:[,;:.!?()]|\s(?:and|or|on|for|in|at|to|from|with|by|as|please|then|but|"
                  r"is|are|was|were|do|does|did|tomorrow|today|tonight)\b|$)", re.IGNORECASE)
MAX_EXTRA = 4


def form(text: str) -> str:
    """The pattern of a value: digits as 9, capitals as A, lower case as a, runs collapsed
    ("OPS-1187" -> "A-9", "2026-07-04" -> "9-9-9", "Yuki Tanaka" -> "Aa Aa")."""
    out = re.sub(r"[0-9]", "9", text)
    out = re.sub(r"[A-Z]", "A", out)
    out = re.sub(r"[a-z]", "a", out)
    return re.sub(r"(.)\1+", r"\1", out)


def _names(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*", text))


def _handle(text: str) -> bool:
    """A user name or handle: one word of letters with digits or underscores ("bigmike07", "xX_Creeper_Xx")."""
    return bool(re.fullmatch(r"[A-Za-z][\w.-]*", text) and re.search(r"[A-Za-z]{2}", text) and re.search(r"[\d_]", text))


def _same_form(a: str, b: str) -> bool:
    return form(a) == form(b) or (_names(a) and _names(b)) or (_handle(a) and _handle(b))


def listed_after(value: str, query: str) -> list[str]:
    """The values the request lists right after ``value`` in the same form ("A and B, C").

    A listed value is the whole text up to the next break ("the hallway and the office"), or as many
    of its first words as the planned value has ("nba and nhl standings"), unless its first word
    starts another ask ("calories in risotto, and also do not disturb for an hour")."""
    at = query.find(value)
    if at < 0 or not value.strip():
        return []
    rest, out, last_and = query[at + len(value):], [], 0
    while len(out) < MAX_EXTRA:
        m = _JOIN.match(rest)
        if not m or m.end() == 0:
            break
        joined_by_and = bool(re.search(r"\b(?:and|or)\b|&", m.group(0), re.IGNORECASE))
        rest = rest[m.end():]
        end = _END.search(rest, 1)
        span = rest[:end.start() if end else len(rest)].strip()
        words = span.split()
        # the whole span up to the next break, or as many words as the planned value has
        nxt = next((c for c in (span, " ".join(words[:len(value.split())])) if c and _same_form(value, c)), "")
        if not nxt or nxt == value or nxt.split()[0].lower() in NOT_LISTED:
            break
        out.append(nxt)
        last_and = len(out) if joined_by_and else last_and
        rest = rest[rest.index(nxt) + len(nxt):]
    # a list ends in "and"/"or" before its last value ("A, B and C"); commas alone join clauses
    # ("Hackathon, Saturday 10am"; "office supplies, record it, and make a playlist")
    return out[:last_and]


def listed_before(value: str, query: str) -> list[str]:
    """The values a list in the request holds before ``value`` when ``value`` is its last ("on
    2026-12-02 and on 2026-12-03" planned with the second date only): the list read from its first
    value, by the same rule as ``listed_after``."""
    at = query.find(value)
    if at < 0 or not value.strip() or listed_after(value, query):
        return []
    words = list(re.finditer(r"\S+", query[:at]))
    n = len(value.split())
    best: list[str] = []
    for i in range(len(words)):  # the longest list that ends in it
        span = query[words[i].start():words[min(i + n, len(words)) - 1].end()].strip(" ,;")
        if not span or not _same_form(value, span) or span.split()[0].lower() in NOT_LISTED:
            continue
        after = listed_after(span, query)
        if value in after and after.index(value) + 1 > len(best):
            best = [span] + after[:after.index(value)]
    return best


#: What joins two choices named in a list: "kids bike and on a city bike", "matte or glossy", "small vs large"
_CHOICES_JOINED = re.compile(r"^\W*(?:\w+\W+){0,4}?(?:and|or|vs|versus|&)\W+(?:\w+\W+){0,3}?$", re.I)


def _choices_listed(value: str, allowed: tuple, query: str) -> list[str]:
    """The other choices of ``allowed`` the request names in a list with the chosen ``value`` ("how much flat fix on
    kids bike and on a city bike" planned with bike_type="kids" only: ["city"]), in the request's order."""
    def at(choice: str) -> re.Match | None:
        return re.search(rf"\b{re.escape(choice.lower().replace('_', ' '))}\b", query.lower())

    named = sorted((m.start(), m.end(), c) for c in allowed if isinstance(c, str) and (m := at(c)))
    if len(named) < 2 or value not in [c for _, _, c in named]:
        return []
    for (_, end, _), (start, _, _) in zip(named, named[1:]):
        if not _CHOICES_JOINED.match(query.lower()[end:start]):
            return []  # every two named one after the other are joined as a list
    return [c for _, _, c in named if c != value]


def _choice(option: str, allowed: tuple) -> str | None:
    if not allowed:
        return option
    return next((a for a in allowed if isinstance(a, str) and a.lower() == option.lower()), None)


@rule("fan_out", "compile",
      "one call per value the request lists for it")
def fan_out(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """The tasks with listed values called once each, or None when nothing is to repeat."""
    query = as_request(query).query
    calls = Counter(t.tool for t in tasks)
    used = set().union(*(set(t.deps) for t in tasks)) if tasks else set()
    literals = {v for t in tasks for v in t.args.values() if isinstance(v, str)}
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None or calls[t.tool] != 1 or t.id in used:
            continue
        options = []
        for p in spec.params:
            v = t.args.get(p.name)
            if (p.type != "string" or not isinstance(v, str) or refs_in(v) or p.role == "message"
                    or p.name.lower().strip("_") in ONE_VALUE):
                continue
            more = [_choice(o, p.enum) for o in listed_after(v, query) or listed_before(v, query)] \
                or _choices_listed(v, p.enum, query)
            if more and all(more) and not (set(more) & literals):
                options.append((p.name, more))
        if len(options) != 1:  # none, or two arguments that could each be the listed one
            continue
        name, more = options[0]
        copies = [replace(t, args={**t.args, name: m}) for m in more]
        order = [x for x in tasks if x.id <= t.id] + copies + [x for x in tasks if x.id > t.id]
        return renumbered(order, tasks[0].id)
    return None


#: Where one ask of a list ends: "haircut sat 10am, parents evening tues 6pm", "thurs to pay X and fri to water Y"
_PARTS = re.compile(r"\s*(?:,|;|\band\b)\s*(?:and\s+|then\s+|also\s+)*", re.I)
_FILLER = re.compile(r"^(?:(?:to|on|at|for|by|the|a|an|remind|me|put|add|in|my|calendar|both|also|please|pls)\b\s*)+|"
                     r"(?:\s*\b(?:on|at|for|by|in|the|calendar|please|pls)\b)+$", re.I)


#: Words of a part that says why or when, not one more thing to do
_NOT_AN_ASK = {"is", "are", "was", "were", "be", "been", "shut", "closed", "due", "open", "until", "since", "because",
               "remind", "me", "um", "uh", "ok", "okay", "so", "further", "note", "with", "if", "when", "it", "that"}


@rule("one_per_time", "compile",
      "two things the request gives a time each ('haircut sat 10am, parents evening tues 6pm') are two events or "
      "reminders, not one", "dates")
def one_per_time(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"haircut sat 10am, parents evening tues 6pm, both in the calendar" was planned with the haircut alone, "remind
    me thurs to pay the window cleaner and fri to water the plants" with the first reminder alone. Where the plan's one
    step with a time (no step uses it) carries one of the request's two time phrases and the other, in a part of the
    request of its own, names something else to do, a step of the same tool is added for it, named by those words."""
    request = as_request(query)
    phrases = list(request.times)
    timed = [t for t in tasks if (s := specs.get(t.tool)) and "when" in s.roles]
    used = {d for t in tasks for d in t.deps}
    if len(phrases) != 2 or len(timed) != 1 or timed[0].id in used:
        return None
    step, spec = timed[0], specs[timed[0].tool]
    values = [str(v) for v in step.args.values()]
    have = [p for p in phrases if any(p.lower() == v.lower() for v in values)]
    if len(have) != 1 or any(p.lower() in v.lower() for p in phrases if p not in have for v in values):
        return None
    other = next(p for p in phrases if p not in have)
    parts = [x for x in _PARTS.split(request.query) if x.strip()]
    mine = [x for x in parts if other.lower() in x.lower()]
    if len(mine) != 1 or have[0].lower() in mine[0].lower():
        return None
    name = _FILLER.sub("", re.sub(re.escape(other), " ", mine[0], flags=re.I).strip(" .!?")).strip(" ,.")
    name = re.sub(r"\s+", " ", name)
    title = next((p.name for p in spec.params if p.required and p.type == "string" and p.role == ""), None)
    when = next((p.name for p in spec.params if p.role == "when" and "end" not in p.name), None)
    if not name or len(name.split()) > 6 or title is None or when is None or when not in step.args \
            or re.search(r"[:()'\"]", name) or set(re.findall(r"[a-z]+", name.lower())) & _NOT_AN_ASK:
        return None  # ("amir's birthday is next fri", "the pharmacy's shut thursday": why, not one more thing to do)
    twin = replace(step.with_args({title: name[:1].upper() + name[1:], when: other}), id=step.id + 1000)
    out = []
    for t in tasks:
        out.append(t)
        if t is step:
            out.append(twin)
    return renumbered(out, tasks[0].id)
