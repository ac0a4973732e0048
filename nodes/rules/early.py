"""Early start: a read-only task begins the moment its plan line is complete and valid, while the
model writes the rest of the plan.

Only tasks whose tool declares ``risk="read"`` start early (the plan node starts none when the
run asks before reading), they depend on no other step, and the plan so far compiles and passes the
plan rules of the "early" stage, the same pipeline compile runs (nodes/rules/pipeline.py), with a
provisional ``join()`` after the last complete line. A task that changes, sends or deletes
something waits for the whole plan to compile, as before. The execute node takes over the started
tasks whose call the compiled plan still contains; a plan that does not compile goes back to the
planner with its exact error, and what a read-only lookup returned meanwhile is simply not used.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
import uuid
from typing import Any, Callable, Sequence

from tinyagent.nodes.plans.planlang import LaterRef, PlanError, compile_plan
from tinyagent.nodes.rules.pipeline import Facts, run_rules
from tinyagent.tools import clock
from tinyagent.tools.risk import risk_of

#: Started runs whose plan has not reached the execute node yet are dropped after this long.
STALE_AFTER_S = 600.0


class EarlyStart:
    """Watches a plan as it is written (``feed``) and starts what may start; ``take`` hands it over."""

    def __init__(self, *, tools: dict[str, Any], facts: Facts, off: Sequence[str] = (), first_id: int, rnd: int,
                 t0: float, timeout: float, today: str | None, run_tasks: Callable[..., Any],
                 emit: Callable[[dict], None]):
        self.key = uuid.uuid4().hex
        self.created = time.monotonic()
        self._tools, self._facts, self._off = tools, facts, tuple(off)
        self._specs, self._done, self._first_id, self._rnd = facts.specs, list(facts.done), first_id, rnd
        self._t0, self._timeout, self._run_tasks, self._today = t0, timeout, run_tasks, today
        self.emit = emit  # swapped by the nodes: the plan node's writer while it runs, then execute's
        self._text = ""
        self._lines = 0
        self._broken = False
        self.started: dict[int, tuple[str, dict, concurrent.futures.Future]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- while the plan is written -----------------------------------------------------------
    def feed(self, piece: str) -> None:
        self._text += piece
        if self._broken or "\n" not in piece:  # called per token: only a finished line matters
            return
        lines = self._text.split("\n")[:-1]  # only lines the model has finished
        if len(lines) <= self._lines:
            return
        self._lines = len(lines)
        prefix = "\n".join(lines)
        try:
            with clock.use_today(self._today):
                tasks = compile_plan(f"{prefix}\n{self._first_id + len(tasks_in(prefix))}. join()", self._specs,
                                     first_id=self._first_id, known_ids=[d["id"] for d in self._done],
                                     round=self._rnd)
                tasks = run_rules(tasks, self._facts, off=self._off, stage="early")  # compile's pipeline
        except LaterRef:
            return  # a step uses one the model has not written yet: wait for the next line
        except PlanError:
            self._broken = True  # the compile node reports it; nothing more starts from this plan
            return
        for task in tasks:
            if task.id in self.started or task.deps or task.tool not in self._tools:
                continue
            if risk_of(self._tools[task.tool]) != "read":
                continue
            self._start(task)

    def _start(self, task: Any) -> None:
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            threading.Thread(target=self._loop.run_forever, name="tinyagent-early", daemon=True).start()
        record = {"id": task.id, "tool": task.tool, "args": task.args, "deps": [], "round": self._rnd}
        values: dict[int, Any] = {}

        async def run() -> tuple[dict, Any]:
            clock.set_today(self._today)  # relative dates resolve against the run's today, as in execute
            [out] = await self._run_tasks([record], self._tools, {}, self._timeout, self._t0,
                                          lambda event: self.emit(event), values, specs=self._specs)
            return out, values.get(task.id)

        self.started[task.id] = (task.tool, task.args,
                                 asyncio.run_coroutine_threadsafe(run(), self._loop))

    # -- when the compiled plan runs ---------------------------------------------------------
    def take(self, pending: list[dict]) -> dict[int, concurrent.futures.Future]:
        """The started tasks the compiled plan still has, same step, tool and arguments."""
        calls = {p["id"]: (p["tool"], p["args"]) for p in pending}
        return {i: fut for i, (tool, args, fut) in self.started.items() if calls.get(i) == (tool, args)}

    def close(self) -> None:
        """Stop the loop once what it runs has finished (a lookup is never cut short)."""
        loop, self._loop = self._loop, None
        if loop is None:
            return
        futures = [f for _, _, f in self.started.values()]

        def stop_when_done() -> None:
            concurrent.futures.wait(futures)
            loop.call_soon_threadsafe(loop.stop)
        threading.Thread(target=stop_when_done, daemon=True).start()


def tasks_in(prefix: str) -> list[str]:
    """The step lines of a plan prefix (blank and ``Thought:`` lines do not count)."""
    return [line for line in prefix.splitlines() if line.strip() and not line.strip().lower().startswith("thought")]


class EarlyRegistry:
    """The early starts of plans between their plan node and their execute node, by key."""

    def __init__(self):
        self._runs: dict[str, EarlyStart] = {}
        self._lock = threading.Lock()

    def add(self, early: EarlyStart) -> str:
        with self._lock:
            now = time.monotonic()
            for key in [k for k, e in self._runs.items() if now - e.created > STALE_AFTER_S]:
                self._runs.pop(key).close()
            self._runs[early.key] = early
        return early.key

    def pop(self, key: str | None) -> EarlyStart | None:
        if not key:
            return None
        with self._lock:
            return self._runs.pop(key, None)


def settle_early(registry: "EarlyRegistry", key: str | None, records: list[dict]) -> list[dict]:
    """Records as they really are: a read-only task the plan node started early (above) is
    recorded as it finished, even when the rest of the plan does not run."""
    early = registry.pop(key)
    if early is None:
        return records
    finished = {i: fut.result()[0] for i, fut in early.take(records).items()}
    early.close()
    keys = ("status", "result", "error", "start", "end")
    return [{**r, **{k: finished[r["id"]][k] for k in keys if k in finished[r["id"]]}}
            if r["id"] in finished else r for r in records]
