"""compile: parse the plan with ``ast``, run the plan rules, and build the task DAG (asking first where a step sends)."""

from __future__ import annotations

import time
from typing import Literal

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from tinyagent.nodes.context import Context
from tinyagent.nodes.plans.planlang import PlanError, compile_plan, format_plan, renumbered
from tinyagent.nodes.report.approval import can_pause, parse_approval
from tinyagent.nodes.report.record import plan_message, task_record, tool_messages
from tinyagent.nodes.resources import Resources, run_context, writer_of
from tinyagent.nodes.rules.early import settle_early
from tinyagent.nodes.rules.parts import by_parts, parts_left
from tinyagent.nodes.rules.pipeline import Facts, Trace, rules_off, run_rules
from tinyagent.nodes.state import State
from tinyagent.tools import clock
from tinyagent.tools.risk import RISKS, risk_of

Route = Literal["plan", "execute", "join", "__end__"]


def make_compile(res: Resources):
    def compile(state: State, runtime: Runtime[Context]) -> dict:
        ctx = run_context(runtime, res)
        t = time.perf_counter()
        done = state.get("tasks", [])
        plan = state.get("plan", "")
        first_id = 1 + max((d["id"] for d in done), default=0)
        rnd = len(state.get("plans", [])) - 1
        timings = {"compile": state.get("timings", {}).get("compile", 0.0)}
        traced: list[dict] = []
        try:
            with clock.use_today(ctx.today or None):  # dates a tool wants in its layout resolve to the run's today
                tasks = compile_plan(plan, res.specs, first_id=first_id,
                                     known_ids=[d["id"] for d in done], round=rnd, loose=True)
                facts = Facts(res.specs, state.get("query", ""), state.get("reading", ""), state.get("context", ""),
                              done, state.get("examples", []))
                trace = Trace()
                try:
                    tasks = run_rules(tasks, facts, off=rules_off(ctx), trace=trace)
                finally:  # a refused plan's trace shows what the rules did before the refusal
                    traced = [{**x, "round": rnd} for x in trace.steps]
                    if traced:
                        writer_of(runtime)({"type": "rules", "trace": traced})
                if trace.steps:
                    plan = format_plan(tasks)
        except PlanError as exc:
            settle_early(res.early, state.get("early"), [])  # lookups started from this plan are not used
            timings["compile"] += time.perf_counter() - t
            rule_trace = [*state.get("rule_trace", []), *traced]
            replans = state.get("replans", 0)
            if replans < ctx.max_replans:
                parts = by_parts(res.settings, state)
                if parts:  # a long request whose first plan is invalid: planned part by part
                    return {"plan_error": str(exc), "replans": replans + 1, "status": "invalid",
                            "parts": parts, "parts_replace": True, "all_parts": parts, "timings": timings,
                            "rule_trace": rule_trace}
                return {"plan_error": str(exc), "replans": replans + 1, "status": "invalid",
                        "timings": timings, "rule_trace": rule_trace}
            return {"plan_error": str(exc), "status": "failed", "timings": timings, "rule_trace": rule_trace}
        if tasks and state.get("replans", 0) < ctx.max_replans:
            kept, left, parts = parts_left(res, state, tasks)
            if left:
                timings["compile"] += time.perf_counter() - t
                return {"plan": format_plan(renumbered(kept, first_id)), "plan_error": None,
                        "replans": state.get("replans", 0) + 1, "status": "incomplete",
                        "parts": left, "parts_replace": False, "all_parts": parts, "timings": timings}
        with clock.use_today(ctx.today or None):  # "yesterday's email" is the run's yesterday
            pending = [task_record(x, risk=risk_of(res.tools.get(x.tool)), spec=res.specs.get(x.tool),
                                   tool=res.tools.get(x.tool)) for x in tasks]
        timings["compile"] += time.perf_counter() - t
        rule_trace = [*state.get("rule_trace", []), *traced]
        update = {"plan_error": None, "pending": pending, "feedback": None, "timings": timings, "plan": plan,
                  "rule_trace": rule_trace}
        decoded = [x for x in state.get("rule_trace", []) if x.get("stage") == "decode" and x.get("round") == rnd]
        said = [plan_message(plan, pending, [*decoded, *traced])] if pending else []
        if ctx.dry_run:
            return {**update, "status": "dry_run", "tasks": [*done, *pending],
                    "messages": [*said, *tool_messages(pending, note="Not run: dry run.")]}
        asks = [p["id"] for p in pending if ctx.needs_approval(p["risk"])]
        if asks:  # a step that sends, deletes (or whatever the context's `approve` lists) waits
            risks = sorted({p["risk"] for p in pending if p["id"] in asks}, key=RISKS.index)
            if not can_pause():  # nothing to resume from: refuse rather than run or hang
                refused = settle_early(res.early, state.get("early"),
                                       [{**p, "status": "rejected"} for p in pending])
                return {**update, "tasks": [*done, *refused], "status": "stopped",
                        "stop": {"reason": "no_checkpointer", "steps": asks, "risks": risks, "done": len(done)},
                        "messages": [*said, *tool_messages(refused)]}
            decision = interrupt({"question": "Run this plan?", "plan": plan,
                                  "tasks": pending, "needs_approval": asks, "risks": risks})
            approved, feedback = parse_approval(decision)
            if not approved:
                rejected = settle_early(res.early, state.get("early"),
                                        [{**p, "status": "rejected"} for p in pending])
                replans = state.get("replans", 0)
                if feedback and replans < ctx.max_replans:
                    return {**update, "tasks": [*done, *rejected], "feedback": feedback,
                            "replans": replans + 1, "status": "rejected", "messages": [*said, *tool_messages(rejected)]}
                return {**update, "tasks": [*done, *rejected], "status": "stopped", "stop": {"reason": "rejected"},
                        "messages": [*said, *tool_messages(rejected)]}
        return {**update, "status": "ready", "messages": said}
    return compile


def route_after_compile(state: State) -> Route:
    status = state.get("status")
    if status in ("invalid", "rejected", "incomplete"):
        return "plan"
    if status == "ready":
        return "execute"
    if status in ("failed", "stopped"):  # join tells the person why nothing (more) ran
        return "join"
    return "__end__"
