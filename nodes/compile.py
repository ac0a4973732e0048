"""compile: parse the plan with ``ast``, validate it against the tool schemas, and build the task DAG."""

from __future__ import annotations

import time
from typing import Any, Literal

from langchain_core.messages import AIMessage
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from tinyagent.nodes.answer import compose
from tinyagent.nodes.checks import check_plan
from tinyagent.nodes.context import Context
from tinyagent.nodes.planlang import PlanError, compile_plan, format_call
from tinyagent.nodes.record import plan_message, tool_messages
from tinyagent.nodes.resources import Resources, run_context

Route = Literal["plan", "execute", "__end__"]


def task_record(task, status: str = "planned") -> dict[str, Any]:
    return {**task.to_dict(), "call": format_call(task.tool, task.args), "status": status}


def parse_approval(value: Any) -> tuple[bool, str]:
    """A resume value -> (approved, comment). Accepts True/False, "yes"/"no ...", or
    {"approved": bool, "feedback": str}."""
    if isinstance(value, dict):
        return bool(value.get("approved")), str(value.get("feedback") or "")
    if isinstance(value, str):
        head, _, rest = value.strip().partition(" ")
        yes = head.lower().rstrip(".,!:") in {"y", "yes", "ok", "approve", "approved", "run", "go"}
        return yes, ("" if yes else (rest.strip() if head.lower().rstrip(".,!:") in {"n", "no", "reject"}
                                     else value.strip()))
    return bool(value), ""


def make_compile(res: Resources):
    def compile(state: dict, runtime: Runtime[Context]) -> dict:
        ctx = run_context(runtime, res)
        t = time.perf_counter()
        done = state.get("tasks", [])
        first_id = 1 + max((d["id"] for d in done), default=0)
        rnd = len(state.get("plans", [])) - 1
        timings = {"compile": state.get("timings", {}).get("compile", 0.0)}
        try:
            tasks = compile_plan(state.get("plan", ""), res.specs, first_id=first_id,
                                 known_ids=[d["id"] for d in done], round=rnd)
            check_plan(tasks, res.specs, state.get("query", ""), state.get("context", ""), done)
        except PlanError as exc:
            timings["compile"] += time.perf_counter() - t
            replans = state.get("replans", 0)
            if replans < ctx.max_replans:
                return {"plan_error": str(exc), "replans": replans + 1, "status": "invalid",
                        "timings": timings}
            answer = compose(done) + "\n" if any(d.get("status") == "done" for d in done) else ""
            answer += (f"I could not write a valid plan for this request, so nothing more was run ({exc}) "
                       f"Try rephrasing it, or name the tool to use.")
            return {"plan_error": str(exc), "status": "failed", "answer": answer,
                    "messages": [AIMessage(answer)], "timings": timings}
        pending = [task_record(x) for x in tasks]
        timings["compile"] += time.perf_counter() - t
        update = {"plan_error": None, "pending": pending, "feedback": None, "timings": timings}
        said = [plan_message(state.get("plan", ""), pending)] if pending else []
        if ctx.dry_run:
            return {**update, "status": "dry_run", "tasks": [*done, *pending],
                    "messages": [*said, *tool_messages(pending, note="Not run: dry run.")]}
        if pending and ctx.approval:
            decision = interrupt({"question": "Run this plan?", "plan": state.get("plan", ""),
                                  "tasks": pending})
            approved, feedback = parse_approval(decision)
            if not approved:
                rejected = [{**p, "status": "rejected"} for p in pending]
                replans = state.get("replans", 0)
                if feedback and replans < ctx.max_replans:
                    return {**update, "tasks": [*done, *rejected], "feedback": feedback,
                            "replans": replans + 1, "status": "rejected", "messages": [*said, *tool_messages(rejected)]}
                answer = compose([*done, *rejected])
                return {**update, "tasks": [*done, *rejected], "status": "stopped",
                        "answer": answer, "messages": [*said, *tool_messages(rejected), AIMessage(answer)]}
        return {**update, "status": "ready", "messages": said}
    return compile


def route_after_compile(state: dict) -> Route:
    status = state.get("status")
    if status in ("invalid", "rejected"):
        return "plan"
    if status == "ready":
        return "execute"
    return "__end__"
