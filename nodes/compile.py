"""compile: parse the plan with ``ast``, validate it against the tool schemas, and build the task DAG."""

from __future__ import annotations

import time
from typing import Any, Literal

from langchain_core.messages import AIMessage
from langgraph._internal._constants import CONFIG_KEY_CHECKPOINTER
from langgraph.config import get_config
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from tinyagent.nodes.report.answer import compose
from tinyagent.nodes.rules.checks import file_lookups, person_lookups
from tinyagent.nodes.context import Context
from tinyagent.nodes.plans.planlang import PlanError, compile_plan, format_call, format_plan, renumbered
from tinyagent.nodes.rules.pipeline import Facts, Trace, parse_rules_off, run_rules
from tinyagent.nodes.rules.received import target_of
from tinyagent.nodes.report.record import plan_message, tool_messages
from tinyagent.nodes.resources import Resources, run_context, writer_of
from tinyagent.nodes.request.segments import home, refers_back, segments, uncovered
from tinyagent.tools import clock
from tinyagent.tools.risk import RISK_WORDS, RISKS, risk_of

Route = Literal["plan", "execute", "__end__"]


def task_record(task, status: str = "planned", risk: str = "change", spec=None, tool=None) -> dict[str, Any]:
    """A task as the state keeps it. Where the plan had to rename the tool or an argument
    (``math.factorial`` -> ``math_factorial``), ``name`` and ``tool_args`` say how it is called;
    ``target`` says what it acts on where its tool tells (the email a reply answers)."""
    rec = {**task.to_dict(), "call": format_call(task.tool, task.args), "status": status, "risk": risk}
    if tool is not None and (target := target_of(tool, task.args)):
        rec["target"] = target
    if spec is not None and spec.real_name != task.tool:
        rec["name"] = spec.real_name
    if spec is not None and (called := spec.tool_args(task.args)) != task.args:
        rec["tool_args"] = called
    return rec


def rules_off(ctx: Context) -> tuple[str, ...]:
    """The plan rules this run switches off (Context.rules_off, checked when the context is made)."""
    return parse_rules_off(getattr(ctx, "rules_off", "") or "")


def can_pause() -> bool:
    """Whether this run has a checkpointer, so an interrupt can be resumed."""
    try:
        return get_config().get("configurable", {}).get(CONFIG_KEY_CHECKPOINTER) is not None
    except RuntimeError:  # called outside a run
        return False


def why_asked(question: dict[str, Any]) -> str:
    """The approval question's reason: which steps wait and why ("Step 2 (send_sms) sends something.")."""
    tasks = {t["id"]: t for t in question.get("tasks", [])}
    parts = [f"{t['id']} ({t['tool']}) {RISK_WORDS.get(t.get('risk', ''), 'needs approval')}"
             + (f", acting on {t['target']}" if t.get("target") else "")
             for t in (tasks[i] for i in question.get("needs_approval", []) if i in tasks)]
    if not parts:
        return ""
    return ("Step " if len(parts) == 1 else "Steps ") + "; ".join(parts) + "."


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


def settle_early(res: Resources, state: dict, records: list[dict]) -> list[dict]:
    """Records as they really are: a read-only task the plan node started early (nodes/rules/early.py)
    is recorded as it finished, even when the rest of the plan does not run."""
    early = res.early.pop(state.get("early"))
    if early is None:
        return records
    finished = {i: fut.result()[0] for i, fut in early.take(records).items()}
    early.close()
    keys = ("status", "result", "error", "start", "end")
    return [{**r, **{k: finished[r["id"]][k] for k in keys if k in finished[r["id"]]}}
            if r["id"] in finished else r for r in records]


def by_parts(res: Resources, state: dict, keep_back: bool = True) -> list[str]:
    """The parts of the request (nodes/request/segments.py) when its first plan may be completed or
    replaced part by part: a first turn's first plan, with ``plan_parts`` on; [] otherwise.
    ``keep_back=False``: with the asks that refer back cut off too ("text him ...")."""
    if not res.settings.plan_parts or state.get("context") or state.get("tasks") or state.get("feedback") \
            or len(state.get("plans", [])) != 1:
        return []
    parts = segments(state.get("query", ""), keep_back=keep_back)
    return parts if len(parts) > 1 else []


def missing_asks(asks: list[str], tasks: list, probs: list[dict[str, float]], helpers: set[str],
                 sure: float) -> list[int]:
    """The indexes of the ``asks`` that can be planned alone (they do not refer back) and for which
    the classifier gives a tool that is no look-up (``helpers``) at least ``sure`` while no step
    calls it: "email eric mensah about the results" beside a plan of only the text to him."""
    called = {x.tool for x in tasks}
    return [i for i, (ask, p) in enumerate(zip(asks, probs)) if not refers_back(ask)
            and any(v >= sure and n not in called and n not in helpers for n, v in p.items())]


def misplaced_steps(tasks: list, parts: list[str], probs: list[dict[str, float]], below: float):
    """(the tasks to keep, the indexes of the parts to plan again): a step goes when its values
    speak of one part only and the classifier gives its tool, for that part alone, less than
    ``below``; with it go the steps that use its result (all of that part, or it stays) and the
    steps of that part it used that nothing else uses."""
    if below <= 0:
        return tasks, set()
    homes = {x.id: home(x.args, parts) for x in tasks}
    by_id = {x.id: x for x in tasks}
    users: dict[int, set[int]] = {}
    for x in tasks:
        for d in x.deps:
            users.setdefault(d, set()).add(x.id)
    out: set[int] = set()
    redo: set[int] = set()
    for x in tasks:
        h = homes[x.id]
        if h is None or x.id in out or probs[h].get(x.tool, 1.0) >= below:
            continue
        group, todo = set(), [x.id]
        while todo:  # the step and whatever uses its result, transitively
            i = todo.pop()
            if i not in group:
                group.add(i)
                todo += list(users.get(i, ()))
        if any(homes[i] != h for i in group):
            continue  # another part's step needs it
        grew = True
        while grew:  # and the steps of this part it used, once nothing else uses them
            more = {d for i in group for d in by_id[i].deps
                    if d in by_id and d not in group and homes[d] == h and users.get(d, set()) <= group}
            group |= more
            grew = bool(more)
        out |= group
        redo.add(h)
    return [x for x in tasks if x.id not in out], redo


def make_compile(res: Resources):
    def compile(state: dict, runtime: Runtime[Context]) -> dict:
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
                                     known_ids=[d["id"] for d in done], round=rnd)
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
            settle_early(res, state, [])  # lookups started from this plan are not used
            timings["compile"] += time.perf_counter() - t
            replans = state.get("replans", 0)
            if replans < ctx.max_replans:
                parts = by_parts(res, state)
                if parts:  # a long request whose first plan is invalid: planned part by part
                    return {"plan_error": str(exc), "replans": replans + 1, "status": "invalid",
                            "parts": parts, "parts_replace": True, "all_parts": parts, "timings": timings,
                            "rule_trace": [*state.get("rule_trace", []), *traced]}
                return {"plan_error": str(exc), "replans": replans + 1, "status": "invalid",
                        "timings": timings, "rule_trace": [*state.get("rule_trace", []), *traced]}
            answer = compose(done) + "\n" if any(d.get("status") == "done" for d in done) else ""
            answer += (f"I could not write a valid plan for this request, so nothing more was run ({exc}) "
                       f"Try rephrasing it, or name the tool to use.")
            return {"plan_error": str(exc), "status": "failed", "answer": answer,
                    "messages": [AIMessage(answer)], "timings": timings,
                    "rule_trace": [*state.get("rule_trace", []), *traced]}
        more = tasks and state.get("replans", 0) < ctx.max_replans
        parts = by_parts(res, state) if more else []
        asks = by_parts(res, state, keep_back=False) if more and res.settings.part_tool_sure < 1 else []
        if parts or asks:
            # steps whose tool does not fit the one part they speak of go, and that part is planned
            # alone; so is a part no step speaks of (nodes/request/segments.py), and an ask whose sure tool
            # no step calls
            judge = getattr(res.index(), "tool_probabilities", None)  # (an index of your own may not judge)
            probs = judge(parts + asks) if judge else [{} for _ in parts + asks]  # one look for both
            kept, redo = misplaced_steps(tasks, parts, probs[:len(parts)],
                                         res.settings.part_tool_below) if parts else (tasks, set())
            left = [parts[i] for i in sorted(redo | set(uncovered(parts, [x.to_dict() for x in kept])))]
            if asks and judge:
                helpers = person_lookups(res.specs) | file_lookups(res.specs)
                left += [a for i in missing_asks(asks, kept, probs[len(parts):], helpers, res.settings.part_tool_sure)
                         for a in [asks[i]] if not any(a in p for p in left)]
            if left:
                timings["compile"] += time.perf_counter() - t
                return {"plan": format_plan(renumbered(kept, first_id)), "plan_error": None,
                        "replans": state.get("replans", 0) + 1, "status": "incomplete",
                        "parts": left, "parts_replace": False, "all_parts": parts or asks, "timings": timings}
        with clock.use_today(ctx.today or None):  # "yesterday's email" is the run's yesterday
            pending = [task_record(x, risk=risk_of(res.tools.get(x.tool)), spec=res.specs.get(x.tool),
                                   tool=res.tools.get(x.tool)) for x in tasks]
        timings["compile"] += time.perf_counter() - t
        rule_trace = [*state.get("rule_trace", []), *traced]
        update = {"plan_error": None, "pending": pending, "feedback": None, "timings": timings, "plan": plan,
                  "rule_trace": rule_trace}
        said = [plan_message(plan, pending, traced)] if pending else []
        if ctx.dry_run:
            return {**update, "status": "dry_run", "tasks": [*done, *pending],
                    "messages": [*said, *tool_messages(pending, note="Not run: dry run.")]}
        asks = [p["id"] for p in pending if ctx.needs_approval(p["risk"])]
        if asks:  # a step that sends, deletes (or whatever the context's `approve` lists) waits
            risks = sorted({p["risk"] for p in pending if p["id"] in asks}, key=RISKS.index)
            if not can_pause():  # nothing to resume from: refuse rather than run or hang
                refused = settle_early(res, state, [{**p, "status": "rejected"} for p in pending])
                ran = [*done, *(r for r in refused if r["status"] != "rejected")]  # lookups started early
                answer = (compose(ran) + "\n" if any(d.get("status") == "done" for d in ran) else "") + (
                    f"Nothing {'else ' if len(ran) > len(done) else ''}was run: step(s) {', '.join(map(str, asks))} of the plan "
                    f"({' and '.join(RISK_WORDS[r] for r in risks)}) need your approval, but this graph has no checkpointer to pause on. Build it with one "
                    f"(build_graph(checkpointer=InMemorySaver())) to be asked, or run with "
                    f"context={{'approve': 'none'}} to allow it without asking.")
                return {**update, "tasks": [*done, *refused], "status": "stopped", "answer": answer,
                        "messages": [*said, *tool_messages(refused), AIMessage(answer)]}
            decision = interrupt({"question": "Run this plan?", "plan": plan,
                                  "tasks": pending, "needs_approval": asks, "risks": risks})
            approved, feedback = parse_approval(decision)
            if not approved:
                rejected = settle_early(res, state, [{**p, "status": "rejected"} for p in pending])
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
    if status in ("invalid", "rejected", "incomplete"):
        return "plan"
    if status == "ready":
        return "execute"
    return "__end__"
