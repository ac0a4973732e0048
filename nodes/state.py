"""Graph state: the conversation plus what one request's plan did."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages
from typing_extensions import TypedDict


def merge_dicts(left: dict | None, right: dict | None) -> dict:
    return {**(left or {}), **(right or {})}


#: Where a request stands; the routers read it. "" at the start; compile: "invalid" (plan again with
#: its error), "incomplete" (plan the parts left), "rejected" (plan again with the person's comment),
#: "ready" (execute), "dry_run", "failed" (no valid plan, out of new plans), "stopped" (approval refused
#: or impossible); join: "replan" (one fix round) or "finished"; the chat: "cancelled" (Ctrl-C).
Status = Literal["", "invalid", "incomplete", "rejected", "ready", "dry_run", "failed", "stopped", "replan",
                 "finished", "cancelled"]


class InputState(TypedDict):
    """What callers send: LangGraph's messages convention; the last human message is the request."""

    messages: Annotated[list[AnyMessage], add_messages]


class State(InputState, total=False):
    """Everything the nodes share while one request is handled."""

    query: str
    tools: list[str]                 # names retrieved for the planner
    focus: list[str]                 # of those, the ones the classifier is sure the request needs
    required: list[str]              # of those, the ones it is so sure of that the first plan must call them
    required_own: list[str]          # tools of the user's own that clearly fit a part: the first plan must call them
    required_file: list[str]         # the file finder, for a file to send: the first plan must call it
    required_search: list[str]       # the document search, for what a named document says: the first plan must call it
    required_verb: list[str]         # the tool the opening verb names ("forward ..."): the first plan must call it
    counts: dict[str, list[float]]  # per known tool: P(called at all), P(called twice or more); first turn only
    own_fit: dict[str, float]        # per shown tool of the user's own: P(called), store/own_tools.py
    own_focus: list[str]             # of those, the ones the first plan may call (rule own_focus)
    reading: str                     # the request as retrieval read it, typos corrected (store/spelling.py)
    nothing_fits: bool               # the classifier judged every shown tool unneeded: empty plan
    language: str | None             # the request's language where it is not English (nodes/request/language.py)
    unserved: str | None             # the action no tool does that the request opens with (nodes/rules/opening.py)
    again: str | None                # how this follow-up changes the request before, planned again (nodes/rules/corrections.py)
    must_plan: bool                  # a shown tool of the user's own is close to the request: no empty first plan
    sure_plan: bool                  # the classifier is very sure of a shown tool: no empty first plan
    served_followup: bool            # a follow-up that opens with a tool's own verb: no empty first plan
    served_first: bool               # a first request that opens with a tool's own verb: no empty first plan
    timed_first: bool                # a first request with a clock time for the calendar: no empty first plan
    examples: list[dict[str, str]]   # solved examples shown to the planner
    plan: str                        # plan text of the latest round
    plans: list[str]                 # every round's plan text
    context: str                     # the earlier turns, for follow-up requests
    status: Status                   # where the request stands; the routers read it
    stop: dict[str, Any] | None      # why compile stopped the run before executing ({"reason", "steps", "risks"})
    started: float                   # wall-clock start of the request (task times count from it)
    plan_error: str | None           # why the latest plan did not compile
    pending: list[dict[str, Any]]    # compiled tasks of the latest round, not yet run
    tasks: list[dict[str, Any]]      # every task of every round, with status and result
    round: int                       # plan round (0, 1, ...)
    replans: int                     # new plans made after the first
    replan_reason: str | None
    answer: str
    prompt_tokens: int
    timings: Annotated[dict[str, float], merge_dicts]
    feedback: str | None             # the person's comment on a rejected plan
    early: str | None                # key of the read-only tasks started while the plan was written
    parts: list[str]                 # parts of the request to plan alone next (nodes/request/segments.py)
    parts_replace: bool              # they replace the latest plan (it was invalid) instead of extending it
    all_parts: list[str]             # every part of the request, when it was cut
    rule_trace: list[dict[str, Any]]  # what each plan rule changed ({"rule", "removed", "added", "round"})


class OutputState(TypedDict, total=False):
    """What a run returns: the conversation plus the record of the last request."""

    messages: Annotated[list[AnyMessage], add_messages]
    query: str
    plans: list[str]
    plan_error: str | None
    status: Status
    answer: str
    plan: str
    tasks: list[dict[str, Any]]
    tools: list[str]
    replans: int
    prompt_tokens: int
    timings: dict[str, float]
    rule_trace: list[dict[str, Any]]
