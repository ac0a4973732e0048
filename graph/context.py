"""Run-time context: settings a caller (or LangGraph Studio's form) may change per run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Context:
    """Per-run options; every field has a description so Studio shows an editable form."""

    dry_run: bool = field(default=False, metadata={
        "description": "Retrieve, plan and compile, but run no tool."})
    approval: bool = field(default=False, metadata={
        "description": "Pause after compile and wait for the plan to be approved."})
    max_replans: int | None = field(default=None, metadata={
        "description": "New plans allowed after the first (default: the settings' value)."})
    temperature: float | None = field(default=None, metadata={
        "description": "Sampling temperature for planning and joining (default: settings)."})
    task_timeout_s: float | None = field(default=None, metadata={
        "description": "Per-task time limit in seconds (default: settings)."})
    max_tools: int | None = field(default=None, metadata={
        "description": "Tools shown to the planner (default: settings)."})
    today: str | None = field(default=None, metadata={
        "description": "Today's date as YYYY-MM-DD (default: the real date)."})
