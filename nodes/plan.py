"""plan: the model writes a plan in the plan language, constrained by a grammar of the shown tools."""

from __future__ import annotations

import time

from langgraph.runtime import Runtime

from tinyagent.nodes.context import Context
from tinyagent.nodes.rules.early import EarlyStart
from tinyagent.nodes.rules.decoding import Decoding, decode_rules
from tinyagent.nodes.rules.pipeline import Facts, held, rules_off
from tinyagent.nodes.execute import run_tasks
from tinyagent.nodes.plans.grammar import money_amounts, plan_grammar, steps_for
from tinyagent.nodes.model.llm import complete
from tinyagent.nodes.plans.planlang import PlanError, Task, compile_plan, format_plan, renumber, renumbered
from tinyagent.nodes.plans.prompts import plan_messages
from tinyagent.nodes.resources import Resources, run_context, writer_of
from tinyagent.nodes.state import State
from tinyagent.nodes.retrieve import retrieval
from tinyagent.nodes.request.segments import home, placed
from tinyagent.nodes.request.reading import read_request
from tinyagent.store.tool_classifier import clauses


def next_step_id(tasks: list[dict]) -> int:
    return 1 + max((t["id"] for t in tasks), default=0)


def write_plan(res: Resources, ctx: Context, llm, view: dict, *, done: list[dict], reason: str | None,
               error: str | None, first_id: int, on_token, trace: list[dict] | None = None) -> tuple[str, int]:
    """The model's plan for ``view["query"]`` with the tools ``view`` shows (a retrieval, see
    nodes/retrieve.py), under the decode rules not switched off (nodes/rules/pipeline.py; where one
    turned a token down goes to ``trace``): (plan text, prompt tokens)."""
    off = rules_off(ctx)
    trace = trace if trace is not None else []
    specs = [res.specs[name] for name in view.get("tools", []) if name in res.specs]
    messages = plan_messages(
        view["query"], specs, view.get("examples", []), today=ctx.today_date(), done=done,
        replan_reason=reason, error=error, first_id=first_id, context=view.get("context", ""))
    request = read_request(view["query"], view.get("reading") or "", view.get("context") or "")
    clf = getattr(res.index(), "classifier", None)
    decoding = Decoding(request=request, view=view, shown=specs, specs=res.specs, settings=res.settings,
                     first=not done and not reason, known=frozenset(clf.names) if clf is not None else frozenset())
    callable_specs, spans, refuse = decode_rules(decoding, off, trace, held)
    grammar = plan_grammar(callable_specs, first_id=first_id, known_ids=[d["id"] for d in done],
                           when=list(request.phrases), max_steps=steps_for(len(clauses(view["query"]))),
                           money=money_amounts(view["query"]), spans=spans)
    text, n_prompt, _ = complete(llm, messages, grammar, res.settings.max_plan_tokens,
                                 ctx.temperature, on_token=on_token, refuse=refuse)
    return text, n_prompt


def plan_parts(res: Resources, ctx: Context, llm, state: State, write) -> tuple[str | None, int]:
    """The plan when parts of the request are planned alone (``state["parts"]``, chosen by the
    compile node): each part gets its own retrieval and plan, numbered on after the steps before
    it; (None, tokens) when that gave nothing to run. With ``parts_replace`` they make the whole plan
    (the first one was invalid), and every part must get a valid plan: otherwise the whole request
    is replanned with the error, as without parts. Otherwise they
    extend the first plan: a part's step that the plan already has is not added again, nor a step
    of a tool the plan already calls for that part, nor one whose values the part does not say
    where the plan calls the same tool with values no part says (``do_not_disturb(minutes=90)``
    for "for 1.5 hours": the ask was done in other words), nor one of a tool the classifier finds
    misplaced for that part (``part_tool_below``). A step whose values the part does say replaces
    such a step that no step uses (``daily_step_goal(steps=27)`` beside "set my step goal to 12000")."""
    tasks: list[Task] = []
    if not state.get("parts_replace"):
        tasks = compile_plan(state.get("plan", ""), res.specs)
    # a first-plan step whose values no part of the request speaks of (minutes=90 for "1.5 hours")
    unplaced: dict[str, int] = {}
    for t in tasks:
        if not placed(t.args, state.get("all_parts") or []):
            unplaced.setdefault(t.tool, t.id)
    parts = state.get("all_parts") or []
    stale: set[int] = set()  # such first-plan steps that a step of a part replaces
    judge = getattr(res.index(), "tool_probabilities", None)
    tokens = 0
    for part in state["parts"]:
        write({"type": "progress", "text": f"Planning on its own: {part}"})
        view = {**retrieval(res, part, ctx.max_tools, off=rules_off(ctx)), "query": part}
        if view["nothing_fits"]:
            continue
        text, n = write_plan(res, ctx, llm, view, done=[], reason=None, error=None, first_id=1,
                             on_token=lambda tok: None)
        tokens += n
        try:
            steps = compile_plan(text, res.specs)
        except PlanError:
            if state.get("parts_replace"):
                return None, tokens  # a part without a valid plan: the whole request is replanned instead
            continue  # this part stays as the first plan had it
        fits = judge([part])[0] if judge else {}
        mine = {t.tool: t.id for t in tasks if not t.deps and part in parts and home(t.args, parts) == parts.index(part)}
        have = {(t.tool, repr(t.args)): t.id for t in tasks}
        same: dict[int, int] = {}  # a step of the part -> the plan's step that already does it
        keep = []
        used = {d for t in tasks for d in t.deps}
        for t in steps:
            args = renumber(t.args, same) if all(d in same for d in t.deps) else None
            if args is not None and (t.tool, repr(args)) in have:
                same[t.id] = have[(t.tool, repr(args))]
            elif not t.deps and t.tool in mine:  # the plan already does this for this part
                same[t.id] = mine[t.tool]
            elif not t.deps and t.tool in unplaced and not placed(t.args, [part]):
                same[t.id] = unplaced[t.tool]
            elif fits.get(t.tool, 1.0) < res.settings.part_tool_below:
                continue  # a tool that does not fit the part, as the compile node judged it
            else:
                keep.append(t)
        if any(d not in same and d not in {k.id for k in keep} for t in keep for d in t.deps):
            continue  # a kept step would lose a result it uses: the part stays as the plan had it
        for t in keep:  # steps=27 for "set my step goal to 12000": the part's step replaces it
            if not t.deps and t.tool in unplaced and unplaced[t.tool] not in used:
                stale.add(unplaced.pop(t.tool))
        tasks += renumbered(keep, 1 + max((t.id for t in tasks), default=0), also=same)
    if stale:
        tasks = renumbered([t for t in tasks if t.id not in stale], 1)
    if state.get("parts_replace") and not tasks:
        return None, tokens  # nothing came of the parts: the whole request is replanned instead
    return format_plan(tasks), tokens


def make_plan(res: Resources):
    def plan(state: State, runtime: Runtime[Context]) -> dict:
        ctx = run_context(runtime, res)
        t = time.perf_counter()
        write = writer_of(runtime)
        done = state.get("tasks", [])
        if state.get("nothing_fits") and not done and not state.get("replan_reason") and not state.get("feedback"):
            # No shown tool serves the request (retrieve): the empty plan, without asking the model.
            text = format_plan([])
            write({"type": "plan_token", "text": text})
            return {"plan": text, "plans": [*state.get("plans", []), text],
                    "timings": {"plan": state.get("timings", {}).get("plan", 0.0) + time.perf_counter() - t}}
        llm = res.llm(progress=lambda text: write({"type": "progress", "text": text}))
        parted = 0
        if state.get("parts"):  # parts of the request planned alone (see the compile node)
            text, parted = plan_parts(res, ctx, llm, state, write)
            if text is not None:
                write({"type": "plan_token", "text": text})
                return {"plan": text, "plans": [*state.get("plans", []), text], "parts": [],
                        "early": None if state.get("parts_replace") else state.get("early"),
                        "prompt_tokens": state.get("prompt_tokens", 0) + parted,
                        "timings": {"plan": state.get("timings", {}).get("plan", 0.0) + time.perf_counter() - t}}
            write({"type": "progress", "text": "Planning the parts alone gave no valid plan; planning the whole request again."})
        first_id = next_step_id(done)
        reason = state.get("replan_reason")
        if state.get("feedback"):
            reason = f"the person rejected the plan: {state['feedback']}"
        early = None
        if res.settings.early_start and not ctx.dry_run and not ctx.needs_approval("read"):
            facts = Facts(res.specs, state["query"], state.get("reading", ""), state.get("context", ""), done,
                          state.get("examples", []))  # as compile will see them
            early = EarlyStart(tools=res.tools, facts=facts, off=rules_off(ctx), first_id=first_id,
                               rnd=len(state.get("plans", [])), t0=state.get("started") or time.time(),
                               timeout=ctx.task_timeout_s, today=ctx.today or None, run_tasks=run_tasks,
                               emit=write)

        def on_token(tok: str) -> None:
            write({"type": "plan_token", "text": tok})
            if early is not None:
                early.feed(tok)  # a complete, valid read-only line starts now (nodes/rules/early.py)
        decoded: list[dict] = []  # where a decode rule turned a token down
        text, n_prompt = write_plan(res, ctx, llm, state, done=done, reason=reason,
                                    error=state.get("plan_error"), first_id=first_id, on_token=on_token,
                                    trace=decoded)
        if decoded:
            decoded = [{**x, "round": len(state.get("plans", []))} for x in decoded]
            write({"type": "rules", "trace": decoded})
        key = None
        if early is not None:
            early.feed("\n")  # the last line is complete too
            early.emit = lambda event: None  # this node's writer ends with it
            key = res.early.add(early) if early.started else None
        elapsed = time.perf_counter() - t
        timings = state.get("timings", {})
        return {"plan": text, "plans": [*state.get("plans", []), text], "early": key, "parts": [],
                "rule_trace": [*state.get("rule_trace", []), *decoded],
                "prompt_tokens": state.get("prompt_tokens", 0) + parted + n_prompt,
                "timings": {"plan": timings.get("plan", 0.0) + elapsed}}
    return plan
