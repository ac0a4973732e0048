"""The run's records: a task as the state keeps it, and the run as LangChain messages (the plan as an
AIMessage with tool_calls, each task's outcome a ToolMessage).

Studio's chat view, LangSmith, chat UIs built for LangGraph and ``trim_messages`` read these like
any agent's run. A tool call's id is ``call_<round>_<step>``; the plan's dependencies are in the
AIMessage's ``additional_kwargs["tinyagent"]["deps"]`` (call id -> the call ids it waits for), and
the plan text in ``additional_kwargs["tinyagent"]["plan"]``.
"""

from __future__ import annotations

from typing import Any, Sequence

from langchain_core.messages import AIMessage, ToolMessage

from tinyagent.nodes.plans.planlang import format_call
from tinyagent.nodes.plans.prompts import observation
from tinyagent.nodes.request.reading import ANSWER_CHARS, TRANSCRIPT_CHARS
from tinyagent.nodes.rules.received import target_of


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


def call_id(task: dict) -> str:
    return f"call_{task.get('round', 0)}_{task['id']}"


def plan_message(plan: str, tasks: Sequence[dict], rules: Sequence[dict] = ()) -> AIMessage:
    """The plan as an AIMessage; ``rules``: what the plan rules changed (``additional_kwargs["tinyagent"]["rules"]``)."""
    ids = {t["id"]: call_id(t) for t in tasks}
    return AIMessage(
        content="",
        tool_calls=[{"name": t.get("name", t["tool"]), "args": t.get("tool_args", t["args"]), "id": ids[t["id"]],
                     "type": "tool_call"} for t in tasks],
        additional_kwargs={"tinyagent": {"plan": plan, "rules": list(rules), "deps": {
            ids[t["id"]]: [ids.get(d, f"call_{d}") for d in t.get("deps") or ()] for t in tasks}}})


def tool_messages(tasks: Sequence[dict], note: str | None = None) -> list[ToolMessage]:
    """One ToolMessage per task: its result, or its error / why it did not run (status "error")."""
    out = []
    for t in tasks:
        status = t.get("status")
        if status == "done":
            content, ok = observation(t.get("result"), limit=2000), True
        elif note is not None:
            content, ok = note, False
        elif status == "rejected":
            content, ok = "Not run: the plan was not approved.", False
        else:
            content, ok = str(t.get("error") or f"Not run ({status})."), False
        out.append(ToolMessage(content=content, tool_call_id=call_id(t), name=t.get("name", t["tool"]),
                               status="success" if ok else "error"))
    return out


def earlier_turns(messages: Sequence[Any], text_of, max_turns: int = 2, chars: int = TRANSCRIPT_CHARS,
                  answer_chars: int = ANSWER_CHARS) -> str:
    """A short transcript of the turns before the last request: what the person said, what the
    tools returned (these are the results "that", "him" or "too" may refer to) and the answer (kept to
    ``answer_chars``: "put that in a note" writes it)."""
    lines: list[str] = []
    turns = 0
    # each tool result's call, as the AI message before it made it (call ids repeat from turn to turn: "1", "2")
    calls: dict[str, str] = {}
    call_of: dict[int, str] = {}
    for i, m in enumerate(messages):
        for c in getattr(m, "tool_calls", None) or ():
            args = ", ".join(f"{k}={v!r}" for k, v in c["args"].items())
            calls[c["id"]] = f"{c['name']}({args})"
        if getattr(m, "type", "") == "tool" and getattr(m, "tool_call_id", None) in calls:
            call_of[i] = calls[m.tool_call_id]
    for i, m in reversed(list(enumerate(messages))):
        kind = getattr(m, "type", "")
        whole = " ".join(text_of(m).split())
        text = whole[:chars]
        if kind == "human":
            lines.append(f"User: {text}")
            turns += 1
            if turns >= max_turns:
                break
        elif kind == "tool" and getattr(m, "status", "success") == "success":
            lines.append(f"Result: {call_of.get(i, m.name)} -> {text}")
        elif kind == "ai" and text:
            lines.append(f"Assistant: {whole[:answer_chars]}")
    return "\n".join(reversed(lines))
