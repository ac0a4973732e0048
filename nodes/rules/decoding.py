"""The decode rules: what the grammar lets the model write and which tokens are turned down while it writes."""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from tinyagent.nodes.model.counts import count_refuser
from tinyagent.nodes.model.decode import any_refuser, has_step, join_refuser, stated_value_refuser
from tinyagent.nodes.request.asks import asks_for_contact
from tinyagent.nodes.request.reading import Request
from tinyagent.nodes.rules.checks import person_lookups
from tinyagent.nodes.rules.registry import rule
from tinyagent.tools.specs import ToolSpec

Refuser = Callable[[str, str], bool]


@dataclass(frozen=True)
class Decoding:
    """What the decode rules read: the request, what retrieval showed (``view``: tools, focus, required
    ones, counts; nodes/retrieve.py), the shown tools' specs, every tool's spec, the settings, whether
    this is a first plan (not a replan or a later round) and the tools the classifier was fitted on."""

    request: Request
    view: dict
    shown: list[ToolSpec]
    specs: dict[str, ToolSpec]
    settings: Any
    first: bool
    known: frozenset[str] = frozenset()


@rule("focus_tools", "decode",
      "the first plan calls only the tools the classifier is sure of (the prompt shows the rest; off by default: won 8, lost 11)")
def focus_tools(d: Decoding) -> list[ToolSpec]:
    """The tools the plan may call. TinyAgent shows the planner only the classifier's tools; here the
    prompt keeps the distractors the model was trained with, and the grammar keeps it to the sure ones."""
    focus = d.view.get("focus") or []
    if not (d.settings.focus_tools and focus and d.first):
        return d.shown
    return [s for s in d.shown if s.name in focus] or d.shown


@rule("own_focus", "decode",
      "on your own tools, the first plan calls only those the fit of card similarities finds likely, the "
      "ones the request names and the finders of their ids")
def own_focus(d: Decoding, callable_specs: Sequence[ToolSpec]) -> list[ToolSpec]:
    """Your own tools the fit (store/own_tools.py) gives less than ``own_focus_above`` are left out of
    the grammar of a first plan; the classifier's tools and the rest stay as they are."""
    keep, fit = set(d.view.get("own_focus") or []), d.view.get("own_fit") or {}
    if not (keep and d.first):
        return list(callable_specs)
    return [s for s in callable_specs if s.name not in fit or s.name in keep] or list(callable_specs)


@rule("copy_spans", "decode", "a person, file or note name is copied from the person's words, in the grammar", "people")
def copy_spans(d: Decoding) -> list | None:
    """Who to look up and which file or note to open, as the grammar's choices (nodes/request/spans.py)."""
    return list(d.request.spans) if d.settings.copy_spans else None


@rule("required_tools", "decode",
      "no join() before every tool the classifier is very sure of has a step (off by default: won 2, lost 10)")
def required_tools(d: Decoding) -> list[str]:
    return list(d.view.get("required", []))


@rule("plan_when_sure", "decode",
      "a first plan is not empty when the classifier is very sure a shown tool serves the request (off by default)")
def plan_when_sure(d: Decoding) -> bool:
    return bool(d.view.get("sure_plan"))


@rule("followup_not_empty", "decode",
      "a follow-up that opens with a tool's own verb ('text her to check her inbox') or adds to the turn before ('oh and bread too') gets a plan, not an empty one")
def followup_not_empty(d: Decoding) -> bool:
    return bool(d.view.get("served_followup"))


@rule("served_not_empty", "decode",
      "a first request that opens with a tool's own verb ('note: gate code is 4471') gets a plan, not an empty one "
      "(off by default: won 1, lost 2)")
def served_not_empty(d: Decoding) -> bool:
    return bool(getattr(d.settings, "served_not_empty", False) and d.view.get("served_first"))


#: A thing of the workspace the request names by its kind: "my bookshelf note", "the soldering checklist", "lucas's
#: invoice email"
_NAMES_A_THING = re.compile(r"\b(?:my|the|our|his|her|[a-z]+'s)\s+(?:[\w'-]+\s+){0,3}?(?:note|notes|list|pdf|file|doc|"
                            r"document|report|checklist|spreadsheet|sheet|itinerary|handbook|e-?mail|mail|message)\b", re.I)


@rule("named_not_empty", "decode",
      "a first request that opens with a tool's own verb and names a note, file or email ('show me my bookshelf note') "
      "gets a plan, not an empty one: the tool says what it finds, or that there is no such thing")
def named_not_empty(d: Decoding) -> bool:
    # (not "open the lisbon itinerary": planned empty, the file is found by open_the_file; held, the model made a map)
    return bool(d.view.get("served_first") and _NAMES_A_THING.search(d.request.query)
                and not re.match(r"^\W*(?:(?:pls|please|can\s+you|could\s+you|ok|okay|hey)\W+)*open\b", d.request.query, re.I))


@rule("contact_not_empty", "decode",
      "a first request that asks for someone's number or email ('whats aishas number') gets a plan, not an empty one",
      "people")
def contact_not_empty(d: Decoding) -> bool:
    return bool(d.first and not d.request.context and d.request.asks_for_contact
                and any("person" in s.roles for s in d.shown))


#: "whats on my shopping list", "what's in my ideas note": a question about a note of the person's
_NOTE_QUESTION = re.compile(r"^\W*(?:(?:hey|hi|ok|okay|so|and|pls|please)\W+)*(?:what'?s|whats|wats|what\s+is|what\s+do\s+i\s+have)"
                            r"\s+(?:on|in)\s+(?:my|the)\s+[\w' -]{1,30}?\b(?:list|lst|note|notes)\b", re.I)


@rule("note_question_not_empty", "decode",
      "a first request that asks what is on a note or list of the person's ('whats on my shoping lst') gets a plan",
      "made-up content")
def note_question_not_empty(d: Decoding) -> bool:
    return bool(d.first and not d.request.context and any(_NOTE_QUESTION.search(q) for q in (d.request.query, d.request.read))
                and any("note" in s.roles for s in d.shown))


@rule("timed_not_empty", "decode",
      "a first request with a clock time that asks nothing back ('coffee with elena thursday at 10am') gets a plan, "
      "not an empty one (and is not declined before planning)")
def timed_not_empty(d: Decoding) -> bool:
    return bool(d.view.get("timed_first"))


@rule("own_tools_required", "decode",
      "no join() before a tool of your own that clearly fits the request or one of its parts has a step; a first plan is not empty")
def own_tools_required(d: Decoding) -> list[str]:
    return list(d.view.get("required_own", []))


@rule("find_file_first", "decode", "a request to send a file does not end before the file-finding tool has a step",
      "attachments")
def find_file_first(d: Decoding) -> list[str]:
    return list(d.view.get("required_file", []))


@rule("search_named_first", "decode",
      "a question about what a named document says does not end before the document search has a step", "made-up content")
def search_named_first(d: Decoding) -> list[str]:
    return list(d.view.get("required_search", []))


@rule("verb_tool_first", "decode",
      "a request or follow-up that opens with a tool's own verb (forward, reply, text, remind, summarize, invite) calls that tool; "
      "with your own tools, a first request calls the one whose name opens with the verb a clause opens with (book, cancel, "
      "order...)")
def verb_tool_first(d: Decoding) -> list[str]:
    return list(d.view.get("required_verb", []))


@rule("use_lookups", "decode",
      "a person or file looked up gets one more step to use it before join() (off by default: lost plans on the blind set)",
      "people")
def use_lookups(d: Decoding, callable_specs: Sequence[ToolSpec]) -> list[str]:
    """The look-up tools whose result must be used before join(): a contact looked up is for something,
    when the plan may call a tool that takes people and the request does not ask for the address
    itself; a file found to be sent along too ("find the budget sheet and send it to Ravi")."""
    if not d.settings.use_lookups:
        return []
    sends = any(p.role == "people" for s in callable_specs for p in s.params)
    lookups = [] if not sends or asks_for_contact(d.request.query) else \
        sorted(person_lookups({s.name: s for s in callable_specs}))
    if d.request.asks_to_attach and any("attachments" in s.roles for s in callable_specs):
        lookups += [s.name for s in callable_specs if "file" in s.roles]
    return lookups


@rule("hold_counts", "decode",
      "a first plan calls a tool the classifier is sure is needed once only once, and ends when every sure call is written (off by default: won 2, lost 3)",
      "made-up content")
def hold_counts(d: Decoding, callable_specs: Sequence[ToolSpec], must_use: list[str], lookups: list[str]) -> Refuser | None:
    """No second call of a tool needed once, and join() once every predicted call is written (the
    planner's invented extra step; nodes/model/counts.py)."""
    if not (d.settings.hold_counts_above and d.view.get("counts") and d.first):
        return None
    return count_refuser(d.view["counts"], [s.name for s in callable_specs], d.settings.hold_counts_above,
                         must_use, lookups)


@rule("stated_values", "decode",
      "on your own tools, a number the request states gets one more chance to reach an optional number parameter",
      "made-up content")
def stated_values(d: Decoding, callable_specs: Sequence[ToolSpec]) -> Refuser | None:
    """Your own tools (the classifier was not fitted on them): a number the request states gets one more
    chance to reach an optional number parameter before a call is closed."""
    if not d.settings.stated_values:
        return None
    return stated_value_refuser(d.request.query, {s.name: s for s in callable_specs if s.name not in d.known},
                                list(d.request.phrases))


#: The rules whose tools a plan must call before join(), with the view key retrieval fills for each.
MUST_CALL = (required_tools, own_tools_required, find_file_first, search_named_first, verb_tool_first)


def decode_rules(d: Decoding, off: Sequence[str], trace: list[dict],
                 held: Callable[[Any, Refuser | None, list[dict]], Refuser | None]
                 ) -> tuple[list[ToolSpec], list | None, Refuser | None]:
    """The decode rules not in ``off``, in order: (the tools the grammar lets the plan call, the spans
    names are copied from or None, the token refuser or None). ``held`` wraps a refuser so that
    what it turns down is traced under a rule's name (nodes/rules/pipeline.py)."""
    callable_specs = focus_tools(d) if "focus_tools" not in off else d.shown
    callable_specs = own_focus(d, callable_specs) if "own_focus" not in off else callable_specs
    spans = copy_spans(d) if "copy_spans" not in off else None
    stated = held("stated_values", stated_values(d, callable_specs), trace) if "stated_values" not in off else None
    if not d.first:  # (stated values hold on replans too)
        return callable_specs, spans, stated
    names = {s.name for s in callable_specs}
    parts = {fn.__name__: [n for n in fn(d) if n in names] for fn in MUST_CALL if fn.__name__ not in off}
    must_use = list(dict.fromkeys(n for tools in parts.values() for n in tools))
    # the rules that hold an empty first plan back
    empty_held = [name for name, holds in (("own_tools_required", bool(d.view.get("must_plan"))),
                                            ("plan_when_sure", plan_when_sure(d)),
                                            ("followup_not_empty", followup_not_empty(d)),
                                            ("served_not_empty", served_not_empty(d)),
                                            ("named_not_empty", named_not_empty(d)),
                                            ("timed_not_empty", timed_not_empty(d)),
                                            ("contact_not_empty", contact_not_empty(d)),
                                            ("note_question_not_empty", note_question_not_empty(d))) if holds and name not in off]
    not_empty = bool(empty_held)

    def owners(text: str) -> list[str]:
        """The rules whose tools the plan so far has not called (the ones holding join() back)."""
        out = [rule for rule, tools in parts.items() if not all(has_step(text, n) for n in tools)]
        return out or empty_held

    lookups = use_lookups(d, callable_specs) if "use_lookups" not in off else []
    refuse = any_refuser(
        held(owners, join_refuser(must_use, list(d.specs), not_empty=not_empty) if must_use or not_empty else None,
             trace),
        held("use_lookups", join_refuser([], list(d.specs), lookups) if lookups else None, trace))
    if "hold_counts" not in off:
        refuse = any_refuser(refuse, held("hold_counts", hold_counts(d, callable_specs, must_use, lookups), trace))
    return callable_specs, spans, any_refuser(refuse, stated)
