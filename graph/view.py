"""The terminal view of a run: the plan as it is written, the task DAG live, then the answer."""

from __future__ import annotations

import json
from typing import Any, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.spinner import Spinner
from rich.text import Text
from rich.tree import Tree

#: How each task status is drawn: (icon, style, word).
STATUS = {
    "planned": ("○", "dim", "waiting"),
    "running": ("", "yellow", "running"),
    "done": ("✓", "green", "done"),
    "failed": ("✗", "red", "failed"),
    "skipped": ("–", "dim", "skipped"),
    "rejected": ("⊘", "dim", "not run"),
    "cancelled": ("⊘", "yellow", "cancelled"),
}


def short(value: Any, limit: int = 160) -> str:
    """One line of a task result or error, cut to ``limit`` characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def plan_text(plan: str) -> Text:
    """The plan with step numbers in bold and $N references highlighted."""
    text = Text(plan.replace("<END_OF_PLAN>", "").rstrip())
    text.highlight_regex(r"(?m)^\s*\d+\.", "bold")
    text.highlight_regex(r"\$\d+", "cyan")
    text.highlight_regex(r"(?m)^Thought:.*$", "italic dim")
    return text


def task_label(task: dict[str, Any]) -> RenderableType:
    """One task line (its call, status, time) and, below it, its result or error."""
    status = task.get("status", "planned")
    icon, style, word = STATUS.get(status, ("?", "", status))
    line = Text.assemble((f"{task['id']}. ", "bold"), task.get("call") or f"{task['tool']}(…)")
    deps = task.get("deps") or []
    if len(deps) > 1:
        line.append(f"  after {', '.join(map(str, deps))}", "dim")
    if status == "done" and task.get("start") is not None and task.get("end") is not None:
        word = f"done in {task['end'] - task['start']:.2f} s"
    line.append(f"  {word}", style)
    if task.get("target"):
        line.append(f"\n  on {short(task['target'])}", "cyan")
    if status == "done" and "result" in task:
        line.append(f"\n→ {short(task['result'])}", "green")
    elif task.get("error"):
        line.append(f"\n{short(task['error'])}", "red" if status == "failed" else "dim")
    if status == "running":
        return Spinner("dots", text=line, style=style)
    return Text.assemble((f"{icon} ", style), line)


def task_tree(tasks: Sequence[dict[str, Any]]) -> Tree:
    """The task DAG as a tree: each task hangs under the latest step it depends on."""
    tree = Tree(Text("Tasks", style="bold"), guide_style="dim")
    branches: dict[int, Tree] = {}
    for task in sorted(tasks, key=lambda t: t["id"]):
        parents = [d for d in task.get("deps") or [] if d in branches]
        parent = branches[max(parents)] if parents else tree
        branches[task["id"]] = parent.add(task_label(task))
    return tree


class RunView:
    """What one request looks like on screen, built from the graph's stream events.

    Feed it ``(mode, chunk)`` pairs from ``graph.stream(..., stream_mode=["updates", "custom"])``;
    ``render()`` gives the picture: notes, plans, the task tree, the answer and a spinner.
    """

    def __init__(self) -> None:
        self.tools: list[str] = []
        self.items: list[tuple[str, Any]] = []  # ("note", text) or ("plan", index into plans), in order
        self.plans: list[str] = []
        self.writing = False  # a plan is streaming in right now
        self.tasks: dict[int, dict[str, Any]] = {}
        self.answer = ""
        self.stage = "Finding the tools for this request"
        self.interrupt: dict[str, Any] | None = None
        self.finished = False
        self.printed = 0  # items already on screen (before an approval question)

    # -- events --------------------------------------------------------------------------
    def feed(self, mode: str, chunk: Any) -> None:
        if mode == "custom" and isinstance(chunk, dict):
            self.on_event(chunk)
        elif mode == "updates" and isinstance(chunk, dict):
            for node, update in chunk.items():
                if node == "__interrupt__":
                    self.interrupt = update[0].value if update else None
                    self.merge_tasks((self.interrupt or {}).get("tasks", []))
                    self.stage = "Waiting for your approval"
                elif isinstance(update, dict):
                    self.on_update(node, update)

    def on_event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "progress":
            self.note(event["text"])
        elif kind == "retrieved":
            self.tools = list(event.get("tools", []))
            self.stage = "Writing a plan"
        elif kind == "plan_token":
            if not self.writing:
                self.plans.append("")
                self.items.append(("plan", len(self.plans) - 1))
                self.writing = True
            self.plans[-1] += event.get("text", "")
        elif kind == "rules":  # what the plan rules changed, by name (nodes/rules/pipeline.py)
            from tinyagent.nodes.rules.pipeline import describe_trace

            for line in describe_trace(event.get("trace", [])).splitlines():
                self.note(f"rule {line}")
        elif kind == "task":
            task = self.tasks.setdefault(event["id"], {"id": event["id"], "tool": event.get("tool")})
            task.update({k: v for k, v in event.items() if k != "type" and v is not None})

    def on_update(self, node: str, update: dict[str, Any]) -> None:
        if node == "retrieve":
            self.tools = update.get("tools", self.tools)
            self.stage = "Writing a plan"
        elif node == "plan":
            if self.writing:
                self.plans[-1] = update.get("plan", self.plans[-1])
            else:
                self.plans.append(update.get("plan", ""))
                self.items.append(("plan", len(self.plans) - 1))
            self.writing = False
            self.stage = "Checking the plan"
        elif node == "compile":
            self.merge_tasks([*update.get("pending", []), *update.get("tasks", [])])
            status = update.get("status")
            if status == "invalid":
                self.note(f"The plan is not valid ({short(update.get('plan_error'), 200)}); "
                          + ("planning the request part by part." if update.get("parts") else "writing a new one."))
                self.stage = "Writing a new plan"
            elif status == "incomplete":
                left = "; ".join(f"'{short(p, 80)}'" for p in update.get("parts", []))
                self.note(f"The plan does not cover {left}; planning that on its own.")
                self.stage = "Completing the plan"
            elif status == "rejected":
                self.note(f"Plan rejected: {short(update.get('feedback'), 200)}. Writing a new one.")
                self.stage = "Writing a new plan"
            elif status == "ready":
                self.stage = "Running the tasks"
            self.answer = update.get("answer", self.answer)
        elif node == "execute":
            self.merge_tasks(update.get("tasks", []))
            self.stage = "Reading the results"
        elif node == "join":
            if update.get("status") == "replan":
                self.note(f"A step's arguments did not fit: {short(update.get('replan_reason'), 200)}. "
                          "Writing a new plan.")
                self.stage = "Writing a new plan"
            self.answer = update.get("answer", self.answer)

    def note(self, text: str) -> None:
        self.items.append(("note", text))

    def merge_tasks(self, records: Sequence[dict[str, Any]]) -> None:
        for rec in records:
            self.tasks.setdefault(rec["id"], {}).update(rec)

    def cancel(self) -> None:
        for task in self.tasks.values():
            if task.get("status") in ("planned", "running"):
                task["status"] = "cancelled"

    def load_state(self, values: dict[str, Any]) -> "RunView":
        """Fill the view from a finished run's state (for /plan)."""
        self.tools = values.get("tools", [])
        for plan in values.get("plans", []):
            self.plans.append(plan)
            self.items.append(("plan", len(self.plans) - 1))
        self.merge_tasks(values.get("tasks", []))
        self.answer = values.get("answer", "")
        self.finished = True
        return self

    # -- drawing -------------------------------------------------------------------------
    def render(self) -> RenderableType:
        parts: list[RenderableType] = []
        if self.tools and not self.printed:
            parts.append(Text(f"tools: {', '.join(self.tools)}", style="dim"))
        for kind, value in self.items[self.printed:]:
            if kind == "note":
                parts.append(Text(f"· {value}", style="dim"))
            else:
                title = "Plan" if value == 0 else f"Plan {value + 1}"
                parts.append(Panel(plan_text(self.plans[value]), title=title, title_align="left",
                                   border_style="blue", expand=False))
        if self.tasks:
            parts.append(task_tree(list(self.tasks.values())))
        if self.answer:
            parts.append(Text(self.answer, style="bold"))
        if not self.finished:
            parts.append(Spinner("dots", text=Text(self.stage + "…", style="dim"), style="cyan"))
        return Group(*parts)
