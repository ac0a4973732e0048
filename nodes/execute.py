"""execute: run every task as soon as the tasks it depends on are done, concurrently."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from langchain_core.runnables import RunnableLambda
from langchain_core.tools import BaseTool, StructuredTool, Tool
from langgraph.runtime import get_runtime
from pydantic import ValidationError

from tinyagent.nodes.plans.planlang import REF, is_ref
from tinyagent.nodes.plans.prompts import as_text
from tinyagent.nodes.report.record import tool_messages
from tinyagent.nodes.resources import Resources, run_context, writer_of
from tinyagent.nodes.state import State
from tinyagent.tools import cancel, clock


class Skipped(Exception):
    """A task not run because a task it depends on failed."""


def substitute(value: Any, results: dict[int, Any]) -> Any:
    """Replace references: a whole ``"$K"`` becomes step K's result unchanged; ``$K`` inside a
    longer string becomes its text."""
    ref = is_ref(value)
    if ref is not None:
        return results[ref]
    if isinstance(value, str):
        return REF.sub(lambda m: as_text(results[int(m.group(1))]) if int(m.group(1)) in results
                        else m.group(0), value)
    if isinstance(value, list):
        return [substitute(v, results) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, results) for k, v in value.items()}
    return value


def readable(value: Any) -> str:
    """An earlier step's result as the text a text parameter takes: passages found as their text, a program's
    output as what it printed, anything else as JSON."""
    if isinstance(value, list) and value and all(isinstance(v, dict) and "text" in v for v in value):
        return "\n\n".join(str(v["text"]).strip() for v in value)
    if isinstance(value, dict) and "stdout" in value:
        return str(value.get("stdout") or "").strip()
    return as_text(value)


def as_declared(args: dict[str, Any], spec: Any) -> dict[str, Any]:
    """``args`` with a structured value (a search's passages) given to a text parameter as its text: "save it in a
    note called Travel policy" after a search failed on a list where the note's content is text."""
    out = dict(args)
    for name, value in args.items():
        p = spec.param(name)
        if p is not None and p.type == "string" and value is not None and not isinstance(value, str):
            out[name] = readable(value)
    return out


def error_text(tool: str, exc: BaseException, timeout: float) -> str:
    if isinstance(exc, asyncio.TimeoutError):
        return f"{tool} did not finish within {timeout:g} s and was stopped."
    if isinstance(exc, ValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc']) or 'input'}: {e['msg']}"
                             for e in exc.errors())
        return f"bad arguments for {tool}: {problems}"
    return str(exc) or type(exc).__name__


def _storable(value: Any) -> Any:
    """Results are kept in the checkpointed state, so they must serialise."""
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return as_text(value)


#: Threads for sync tools. asyncio's default pool has only cpu+4 threads, which would queue a
#: plan of many independent I/O-bound tools on a 2-core machine.
_POOL = ThreadPoolExecutor(max_workers=32, thread_name_prefix="tinyagent-tool")


def _is_async(tool: BaseTool) -> bool:
    """True when the tool has its own coroutine. A StructuredTool or Tool built from a plain
    function also overrides ``_arun``, but only to hand the function to asyncio's default pool
    (cpu+4 threads): those run in ``_POOL`` instead."""
    if isinstance(tool, (StructuredTool, Tool)):
        return tool.coroutine is not None
    return type(tool)._arun is not BaseTool._arun


async def _call(tool: BaseTool, args: dict) -> Any:
    if _is_async(tool):
        return await tool.ainvoke(args)
    ctx = contextvars.copy_context()  # carries the task's cancel token into the worker thread
    return await asyncio.get_running_loop().run_in_executor(_POOL, ctx.run, tool.invoke, args)


async def _stop(token: cancel.Token, reason: str) -> None:
    """Refuse the stopped task's further writes, after any write it is committing has landed.

    Python cannot end the tool's thread: it runs on until the tool returns, but every write it
    tries through the workspace helpers is refused from here on (tools/cancel.py).
    """
    await asyncio.get_running_loop().run_in_executor(None, token.cancel, reason)


def _fail(future: asyncio.Future, reason: str) -> None:
    future.set_exception(Skipped(reason))
    future.exception()  # mark it retrieved: a task nobody depends on is not an error to log


async def run_tasks(tasks: list[dict], tools: dict[str, BaseTool], earlier: dict[int, Any],
                    timeout: float, t0: float, emit: Callable[[dict], None] = lambda e: None,
                    values: dict[int, Any] | None = None,
                    started: dict[int, concurrent.futures.Future] | None = None,
                    specs: dict[str, Any] | None = None) -> list[dict]:
    """Run task records; each starts the moment its dependencies finish. Returns updated records.

    values: filled with each finished task's result as the tool returned it.
    started: tasks already running (nodes/rules/early.py), as futures of (record, value); they are
        awaited, not run again, and the tasks that depend on them start when they finish."""
    results: dict[int, Any] = dict(earlier)
    started = started or {}
    futures: dict[int, asyncio.Future] = {t["id"]: asyncio.get_running_loop().create_future()
                                         for t in tasks}
    records = {t["id"]: dict(t) for t in tasks}

    async def run_one(rec: dict) -> None:
        if rec["id"] in started:
            out, value = await asyncio.wrap_future(started[rec["id"]])
            rec.update({k: out[k] for k in ("status", "result", "error", "start", "end") if k in out})
            if rec["status"] == "done":
                results[rec["id"]] = value
                futures[rec["id"]].set_result(value)
            else:
                _fail(futures[rec["id"]], f"step {rec['id']} {rec['status']} ({rec.get('error')})")
            emit({"type": "task", "id": rec["id"], "tool": rec["tool"], "status": rec["status"],
                  "result": rec.get("result"), "error": rec.get("error"),
                  "start": rec.get("start"), "end": rec.get("end")})
            return
        try:
            for dep in rec["deps"]:
                if dep in futures:
                    await futures[dep]  # raises if the dependency failed or was skipped
                elif dep not in results:
                    raise Skipped(f"step {dep} has no result")
            emit({"type": "task", "id": rec["id"], "tool": rec["tool"], "status": "running"})
            rec["start"] = round(time.time() - t0, 4)
            args = substitute(rec["args"], results)
            if specs and rec["tool"] in specs:
                args = specs[rec["tool"]].tool_args(as_declared(args, specs[rec["tool"]]))
            tool = tools[rec["tool"]]
            token = cancel.Token()
            cancel.set_current(token)  # this task's own context (gather runs each in its own)
            try:
                value = await asyncio.wait_for(_call(tool, args), timeout)
            except asyncio.TimeoutError:
                await _stop(token, f"{rec['tool']} passed its {timeout:g} s time limit")
                raise
            except asyncio.CancelledError:  # the whole run was cancelled: stop without waiting
                token.cancel("the run was cancelled", wait=0)
                raise
            results[rec["id"]] = value
            rec.update(status="done", result=_storable(value))
            futures[rec["id"]].set_result(value)
        except Skipped as exc:
            rec.update(status="skipped", error=f"skipped because {exc}")
            _fail(futures[rec["id"]], f"step {rec['id']} was skipped")
        except Exception as exc:  # a failing tool is an observation, not a crash
            rec.update(status="failed", error=error_text(rec["tool"], exc, timeout))
            _fail(futures[rec["id"]], f"step {rec['id']} failed ({rec['error']})")
        finally:
            if rec["status"] != "skipped":
                rec["end"] = round(time.time() - t0, 4)
            emit({"type": "task", "id": rec["id"], "tool": rec["tool"], "status": rec["status"],
                  "result": rec.get("result"), "error": rec.get("error"),
                  "start": rec.get("start"), "end": rec.get("end")})

    await asyncio.gather(*(run_one(r) for r in records.values()))
    if values is not None:
        values.update(results)
    return [records[t["id"]] for t in tasks]


def make_execute(res: Resources) -> RunnableLambda:
    """The execute node, for both ``invoke`` (sync) and ``ainvoke``/``astream`` (async) runs."""
    async def aexecute(state: State) -> dict:
        runtime = get_runtime()
        t = time.perf_counter()
        # relative dates ("tomorrow 9am") resolve against the run's today (tools.clock)
        ctx = run_context(runtime, res)
        clock.set_today(ctx.today or None)
        done = state.get("tasks", [])
        earlier = {d["id"]: d["result"] for d in done if d.get("status") == "done"}
        pending = state.get("pending", [])
        early = res.early.pop(state.get("early"))  # read-only tasks the plan node already started
        if early is not None:
            early.emit = writer_of(runtime)
        ran = await run_tasks(pending, res.tools, earlier, ctx.task_timeout_s,
                              state.get("started") or time.time(), writer_of(runtime),
                              started=early.take(pending) if early is not None else None, specs=res.specs)
        if early is not None:
            early.close()
        timings = state.get("timings", {})
        return {"tasks": [*done, *ran], "pending": [], "messages": tool_messages(ran),
                "timings": {"execute": timings.get("execute", 0.0) + time.perf_counter() - t}}

    def execute(state: State) -> dict:
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # the usual case: no event loop in this thread
            return asyncio.run(aexecute(state))
        # Called from inside a running loop (e.g. a notebook): run ours in a worker thread.
        ctx = contextvars.copy_context()
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(ctx.run, asyncio.run, aexecute(state)).result()

    return RunnableLambda(execute, afunc=aexecute, name="execute")
