"""Values the person never gave, dropped in code: an optional argument the planner made up, and a
step made only of made-up values and values other steps already hold.

The small planner fills optional parameters nobody asked for (``owner="Sales rep"`` for "pipeline
for 2026-Q4", ``limit=6``, ``canary_percent=0``) and, after the asks, writes steps of a tool the
request does not want from pieces of the others and values of its own: ``order_food(restaurant=
"Room 204", dish="pizza")`` beside the delivery to Room 204, ``find_parking(location="the Art
Institute of Chicago", time="2026-03-04 15:00:00")`` for "get me a bike at the Art Institute of
Chicago". A made-up value runs a tool the way nobody asked, so:

- a value is *unstated* when the request does not give it in any form: a text none of whose words
  (three letters or more, common ones aside) the request says, even with a typo or another ending
  ("summary" for "summarize"); a date-time written out (ISO) when the request names no point in
  time (lengths such as "for 30 minutes" aside); a number that is none of the request's quantities
  as written or in the parameter's unit (nodes/rules/fit.py, ``explained``). Allowed values (enums),
  yes/no values, codes of four capitals or fewer ("EUR" for "euros") and texts without such words
  ("r", "3") are never judged unstated: the planner may choose them from the request's meaning;
- an unstated value of an optional parameter is left out, so the tool's own default applies, unless
  the parameter holds text the planner words itself (an email's subject or gist, a message, notes);
- a step that takes no step's result and whose result no step uses, whose tool the request does
  not name (``order_food`` for "order from Nopa"; verbs such as "find" aside), with at least one
  unstated value and every other value unstated, a choice, or held by another step, is dropped
  (never the whole plan). A step that takes other steps' results is judged so only where a step of
  the same tool takes the same results under the same names: a second text of made-up words to the
  number the asked-for text goes to.

References to other steps are never touched. ``tests/test_unstated.py`` checks that no gold plan of
the generated splits or the hand-written set is changed by either rule.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tinyagent.nodes.plans.planlang import Task, refs_in, renumbered
from tinyagent.nodes.request.lexicon import GIVEN_COMMON, OWN_WORDS, TOOL_VERBS
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import text_words
from tinyagent.nodes.rules.checks import python_param, said_word
from tinyagent.nodes.rules.fit import explained, iso_layout
from tinyagent.tools.specs import Param, ToolSpec
from tinyagent.nodes.rules.registry import rule

_CODE = re.compile(r"[A-Z]{2,4}")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: Parameters naming one of the person's stores: "put it in my calendar" speaks of the calendar but names none
_STORES = {"calendar", "folder", "notebook", "album", "playlist"}


def _words(text: str) -> list[str]:
    return text_words(text, GIVEN_COMMON)


def unstated(request: Request, value: Any, param: Param | None, described: str = "") -> bool:
    """``value`` (of ``param``) is not in the request in any form, and the request does not speak
    of ``param`` by name ("low priority" gives ``priority`` whatever number stands for it)."""
    if param is None or param.enum or isinstance(value, bool) or value is None or refs_in(value):
        return False
    if any(said_word(w, request.given_words) for w in _words(param.tool_key.replace("_", " "))) and not (
            isinstance(value, str) and param.tool_key in _STORES) \
            and not param.tool_key.endswith("_id"):  # ("in my calendar" names none; "print jobs" names no job_id)
        return False
    if isinstance(value, (int, float)):
        return (param.type in ("integer", "number") and value not in request.lengths
                and not explained(value, param, list(request.quantities), described))
    if not isinstance(value, str) or _CODE.fullmatch(value.strip()):
        return False
    if iso_layout(value):
        return not request.times
    if set(_NUMBER.findall(value)) & request.numbers:  # "print(48 * 69)" for "48 times 69"
        return False
    words = _words(value)
    return bool(words) and not any(said_word(w, request.given_words) for w in words)


def _flat(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flat(v)]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flat(v)]
    return [value]


def _held(value: Any, others: list[Task]) -> bool:
    """Another step holds ``value``: the same value, or a text whose every word one of its texts has
    ("the warranty" in "warranty terms", "Lake Merritt" in "Lake Meritt")."""
    if isinstance(value, str) and refs_in(value):  # the same step's result, taken again
        return any(v == value for t in others for v in _flat(list(t.args.values())))
    if isinstance(value, str):
        mine = _words(value)
        for t in others:
            for v in _flat(list(t.args.values())):
                if not isinstance(v, str) or refs_in(v):
                    continue
                if v.strip().lower() == value.strip().lower():
                    return True
                theirs = set(_words(v))
                if mine and all(said_word(w, theirs) for w in mine):
                    return True
        return False
    return any(value == v and type(value) is type(v) for t in others for v in _flat(list(t.args.values())))


def _described(spec: ToolSpec) -> str:
    return f"{spec.description}\n{spec.details}"


@rule("drop_unstated_optionals", "compile",
      "optional values the request never gives are left to the tool", "made-up content")
def drop_unstated_optionals(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """The tasks without the optional arguments whose values the request never gives (texts the
    planner words itself, such as an email's gist, aside); None when there is none."""
    request, out, changed = as_request(query), [], False
    for t in tasks:
        spec = specs.get(t.tool)
        params = {p.name: p for p in spec.params} if spec else {}
        args = {k: v for k, v in t.args.items()
                if k not in params or params[k].required or set(params[k].tool_key.lower().split("_")) & OWN_WORDS
                or not unstated(request, v, params[k], _described(spec))}
        if args != t.args:
            changed = True
            t = t.with_args(args)
        out.append(t)
    return out if changed else None


def invented(task: Task, others: list[Task], spec: ToolSpec | None, request: Request) -> bool:
    """``task`` gives at least one value the request never gives, and nothing else of its own, and
    the request does not name its tool ("order" for ``order_food``; verbs such as "find" aside). A
    step that takes other steps' results is judged only where a step of the same tool takes them
    under the same names (a second text to the number the first one goes to)."""
    if spec is None or not task.args:
        return False
    if task.deps and not any(o.tool == task.tool and all(o.args.get(k) == v for k, v in task.args.items()
                                                         if refs_in(v)) for o in others):
        return False
    # (a tool the request names is asked for once; a second call of it made up, "cancel J-4410 and J-4415" planned
    # with four more cancels of words nobody said, is judged by its values)
    if any(said_word(w, request.given_words) for w in _words(re.sub(r"[_.-]", " ", task.tool)) if w not in TOOL_VERBS) \
            and (request.context or not any(o.tool == task.tool for o in others)):
        return False
    params = {p.name: p for p in spec.params}
    made_up = False
    for key, value in task.args.items():
        for v in _flat(value):
            if unstated(request, v, params.get(key), _described(spec)):
                made_up = True
            elif params.get(key) is None or not (params[key].enum or isinstance(v, bool) or _held(v, others)):
                return False
    return made_up


#: A sum the request asks for: "what's 1,250 minus 10%", "18% of 240", "12 x 4"
_SUM_ASKED = re.compile(r"\d\s*(?:%|percent|per\s?cent)|\d\s*(?:[-+*/x×÷]|plus|minus|times|divided\s+by|less)\s*\d", re.I)


def _asked_kind(task: Task, spec: ToolSpec | None, request: Request) -> bool:
    """A step of the kind one of the request's asks is, whose values a later rule mends: a document search where the
    request names a document ("and what does the handbook say about approving travel?"), Python code where it asks
    for a sum ("What's 1,250 minus 10%, ...")."""
    if spec is None:
        return False
    if request.context and "person" in spec.roles:  # "invite them both": the people the earlier turns named
        from tinyagent.nodes.rules.followups import earlier_people
        said = {n.casefold() for turn in earlier_people(request.context) for n in turn}
        if any(isinstance(v, str) and v.casefold() in said for v in task.args.values()):
            return True
    if "question" in spec.roles and request.document_named:
        return True
    return bool(python_param(spec)) and bool(_SUM_ASKED.search(request.read))


@rule("drop_invented_steps", "compile",
      "steps made only of made-up values and what other steps hold", "made-up content")
def drop_invented_steps(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """The tasks without the steps that no step uses, take no result and give only made-up values and
    values other steps hold (``invented``), dropped one at a time; None when there is none, or when
    nothing would be left."""
    request, kept = as_request(query), list(tasks)
    while len(kept) > 1:
        used = {d for t in kept for d in t.deps}
        drop = next((t for t in kept if t.id not in used and not _asked_kind(t, specs.get(t.tool), request)
                     and invented(t, [o for o in kept if o is not t], specs.get(t.tool), request)), None)
        if drop is None:
            break
        kept = [t for t in kept if t is not drop]
    return renumbered(kept, tasks[0].id) if len(kept) < len(tasks) else None
