"""join: answer from the task records (nodes/report/answer.py), or plan again when a new plan can fix a failure;
the one node that writes the answer, also when compile stopped the run."""

from __future__ import annotations

import time
from typing import Literal

from langchain_core.messages import AIMessage
from langgraph.runtime import Runtime

from tinyagent.nodes.report.answer import compose, fixable, stopped_answer, unserved_answer
from tinyagent.nodes.rules.corrections import KEPT_NOTE, MADE_AGAIN
from tinyagent.nodes.context import Context
from tinyagent.nodes.request.language import english_only
from tinyagent.nodes.resources import Resources, run_context
from tinyagent.nodes.state import State

Route = Literal["plan", "__end__"]


def make_join(res: Resources):
    def join(state: State, runtime: Runtime[Context]) -> dict:
        ctx = run_context(runtime, res)
        t = time.perf_counter()
        tasks = state.get("tasks", [])
        replans = state.get("replans", 0)
        rnd = state.get("round", 0)
        timings = state.get("timings", {})
        update = {"timings": {"join": timings.get("join", 0.0) + time.perf_counter() - t}}
        if state.get("status") in ("failed", "stopped"):  # compile stopped the run: say why
            answer = stopped_answer(tasks, state.get("plan_error"), state.get("stop"))
            return {**update, "answer": answer, "messages": [AIMessage(answer)]}
        fix = fixable(tasks, rnd)
        if fix and rnd == 0 and replans < ctx.max_replans:  # one fix round
            reason = "; ".join(f"step {x['id']} {x['tool']}: {x.get('error')}" for x in fix)
            return {**update, "status": "replan", "replans": replans + 1, "replan_reason": reason,
                    "round": rnd + 1}
        labels = {name: (tool.metadata or {}).get("label") for name, tool in res.tools.items()
                  if (tool.metadata or {}).get("label")}
        if not tasks and state.get("language"):
            answer = english_only(state["language"])
        elif not tasks and state.get("unserved"):
            answer = unserved_answer(state["unserved"], state.get("tools", []))
        else:
            answer = compose(tasks, state.get("tools", []), labels, state.get("query", ""))
            if state.get("again") in MADE_AGAIN and any(t.get("status") == "done" for t in tasks):
                answer = f"{answer}\n{KEPT_NOTE}"  # "actually make it 4pm": a second event, the first unchanged
        return {**update, "status": "finished", "answer": answer, "messages": [AIMessage(answer)]}
    return join


def route_after_join(state: State) -> Route:
    return "plan" if state.get("status") == "replan" else "__end__"
