"""join: the model reads the observations and answers (Finish) or asks for a new plan (Replan)."""

from __future__ import annotations

import time
from typing import Any, Literal

from langchain_core.messages import AIMessage

from nodes.grammar import join_grammar
from nodes.llm import complete
from nodes.plan import today_of
from nodes.prompts import join_messages, parse_join
from nodes.resources import Resources, option, writer_of

Route = Literal["plan", "__end__"]


def make_join(res: Resources):
    def join(state: dict, runtime: Any = None) -> dict:
        t = time.perf_counter()
        write = writer_of(runtime)
        llm = res.llm(progress=lambda text: write({"type": "progress", "text": text}))
        replans = state.get("replans", 0)
        allow_replan = replans < option(runtime, res.settings, "max_replans")
        messages = join_messages(state["query"], state.get("tasks", []), today=today_of(runtime),
                                 allow_replan=allow_replan, context=state.get("context", ""))
        text, n_prompt, _ = complete(
            llm, messages, join_grammar(allow_replan), res.settings.max_answer_tokens,
            option(runtime, res.settings, "temperature"),
            on_token=lambda tok: write({"type": "answer_token", "text": tok}))
        kind, body = parse_join(text)
        timings = state.get("timings", {})
        update = {"prompt_tokens": state.get("prompt_tokens", 0) + n_prompt,
                  "timings": {"join": timings.get("join", 0.0) + time.perf_counter() - t}}
        if kind == "replan" and allow_replan:
            return {**update, "status": "replan", "replans": replans + 1,
                    "replan_reason": body or "the results do not answer the request",
                    "round": state.get("round", 0) + 1}
        answer = body or "Done."
        return {**update, "status": "finished", "answer": answer, "messages": [AIMessage(answer)]}
    return join


def route_after_join(state: dict) -> Route:
    return "plan" if state.get("status") == "replan" else "__end__"
