"""Run-time context: the options a caller, or LangGraph Studio's form, may change per run."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tinyagent.tools.risk import DEFAULT_APPROVE, approve_text, parse_approve

#: The most new plans one run may make; the graph's recursion limit is sized for it.
MAX_REPLANS = 20


@dataclass(kw_only=True)
class Context:
    """Per-run options. Every field has a real default and a description, so Studio shows a form
    with values. A graph's ``context_schema`` is a subclass whose defaults are that graph's settings;
    pass the context as a dict (``context={"dry_run": True}``) and the fields left out keep them."""

    dry_run: bool = field(default=False, metadata={
        "description": "Retrieve, plan and compile, but run no tool."})
    approve: str = field(default=DEFAULT_APPROVE, metadata={
        "description": "What needs your approval before a plan runs: a comma-separated list of the "
                       "risks tools declare (read, change, send, delete), or 'all' or 'none'. The run "
                       "pauses after compile when a step's tool has one of them."})
    max_replans: int = field(default=2, metadata={
        "description": f"New plans allowed after the first (0-{MAX_REPLANS}): to repair an invalid "
                       "plan, or once after a step failed on its arguments."})
    temperature: float = field(default=0.0, metadata={
        "description": "Sampling temperature for planning; 0 is greedy."})
    task_timeout_s: float = field(default=60.0, metadata={
        "description": "Per-task time limit in seconds."})
    max_tools: int = field(default=5, metadata={
        "description": "Tools shown to the planner per request."})
    rules_off: str = field(default="", metadata={
        "description": "Plan rules to switch off for this run, comma-separated (names in nodes/rules/pipeline.py, "
                       "e.g. 'fan_out,fit_values'); what each rule changed is on the plan's message."})
    today: str = field(default="", metadata={
        "description": "Today's date as YYYY-MM-DD, for relative dates; empty: the machine's date."})

    def __post_init__(self) -> None:
        problems = []
        if not 0 <= self.max_replans <= MAX_REPLANS:
            problems.append(f"max_replans={self.max_replans} (use 0 to {MAX_REPLANS})")
        if not 0.0 <= self.temperature <= 2.0:
            problems.append(f"temperature={self.temperature} (use 0 to 2)")
        if self.task_timeout_s <= 0:
            problems.append(f"task_timeout_s={self.task_timeout_s} (use a positive number of seconds)")
        if self.max_tools < 1:
            problems.append(f"max_tools={self.max_tools} (use 1 or more)")
        try:
            self.approve = approve_text(parse_approve(self.approve))
        except ValueError as exc:
            problems.append(str(exc))
        if self.rules_off:
            from tinyagent.nodes.rules.pipeline import parse_rules_off  # (the rules import half the nodes)
            try:
                parse_rules_off(self.rules_off)
            except ValueError as exc:
                problems.append(str(exc))
        if self.today:
            try:
                dt.date.fromisoformat(self.today)
            except ValueError:
                problems.append(f"today={self.today!r} (use YYYY-MM-DD, or leave it empty)")
        if problems:
            raise ValueError("Invalid run context: " + "; ".join(problems) + ".")

    def needs_approval(self, risk: str) -> bool:
        """Whether a step whose tool declares ``risk`` waits for the person's approval."""
        return risk in parse_approve(self.approve)

    def today_date(self) -> dt.date:
        return dt.date.fromisoformat(self.today) if self.today else dt.date.today()


def context_schema(settings: Any) -> type[Context]:
    """A ``Context`` subclass whose defaults are ``settings``' values (same field names)."""
    fields = [(f.name, f.type, field(default=getattr(settings, f.name), metadata=f.metadata))
              for f in dataclasses.fields(Context) if hasattr(settings, f.name)]
    schema = dataclasses.make_dataclass("Context", fields, bases=(Context,), kw_only=True)
    schema.__module__ = __name__  # where its annotations resolve
    schema.__doc__ = Context.__doc__
    return schema


def recursion_limit(max_replans: int = MAX_REPLANS) -> int:
    """LangGraph super-steps a run with ``max_replans`` may take: retrieve, then plan, compile,
    execute and join for the first plan and each new one."""
    return 1 + 4 * (max_replans + 1) + 1
