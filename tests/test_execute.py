"""execute: tasks start when their dependencies end, run concurrently, and failures skip dependents."""

import asyncio
import time

from langchain_core.tools import tool

from nodes.execute import run_tasks, substitute
from tests.fakes import sleeper, sync_sleeper


def rec(id, tool, deps=(), **args):
    return {"id": id, "tool": tool, "args": args, "deps": list(deps), "status": "planned"}


def run(tasks, tools, timeout=10.0, earlier=None):
    events = []
    out = asyncio.run(run_tasks(tasks, {t.name: t for t in tools}, earlier or {}, timeout,
                                time.time(), events.append))
    return {r["id"]: r for r in out}, events


def test_independent_tasks_overlap_and_dependents_wait():
    tools = [sleeper("a", 0.3), sync_sleeper("b", 0.3), sleeper("c", 0.1)]
    tasks = [rec(1, "a"), rec(2, "b"), rec(3, "c", deps=[1, 2], x="$1 and $2")]
    out, events = run(tasks, tools)
    assert all(r["status"] == "done" for r in out.values())
    # 1 and 2 ran at the same time (an async tool and a sync tool in a thread)
    assert out[1]["start"] < out[2]["end"] and out[2]["start"] < out[1]["end"]
    # 3 started only after both of its dependencies ended, and saw their results
    assert out[3]["start"] >= max(out[1]["end"], out[2]["end"])
    assert out[3]["result"] == "c(a() and b())"
    assert [e["status"] for e in events if e["id"] == 3] == ["running", "done"]


def test_task_starts_as_soon_as_its_own_dependency_ends():
    tools = [sleeper("fast", 0.05), sleeper("slow", 0.6), sleeper("next", 0.05)]
    out, _ = run([rec(1, "fast"), rec(2, "slow"), rec(3, "next", deps=[1], x="$1")], tools)
    assert out[3]["start"] >= out[1]["end"]
    assert out[3]["end"] < out[2]["end"]  # it did not wait for the unrelated slow task


def test_failure_and_timeout_skip_dependents_but_others_run():
    @tool
    def broken(x: str = "") -> str:
        """Always fails."""
        raise RuntimeError("disk on fire")

    tools = [broken, sleeper("hang", 5), sleeper("ok", 0.01), sleeper("after", 0.01)]
    tasks = [rec(1, "broken"), rec(2, "hang"), rec(3, "ok"), rec(4, "after", deps=[1], x="$1"),
             rec(5, "after", deps=[2]), rec(6, "after", deps=[4])]
    out, _ = run(tasks, tools, timeout=0.3)
    assert out[1]["status"] == "failed" and "disk on fire" in out[1]["error"]
    assert out[2]["status"] == "failed" and "did not finish within 0.3 s" in out[2]["error"]
    assert out[3]["status"] == "done"
    assert out[4]["status"] == "skipped" and "step 1 failed" in out[4]["error"]
    assert out[5]["status"] == "skipped" and "step 2 failed" in out[5]["error"]
    assert out[6]["status"] == "skipped" and "step 4 was skipped" in out[6]["error"]


def test_bad_arguments_become_an_observation():
    @tool
    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    out, _ = run([rec(1, "add", a="one", b=2)], [add])
    assert out[1]["status"] == "failed" and out[1]["error"].startswith("bad arguments for add: a:")


def test_whole_reference_keeps_type_and_inline_reference_is_text():
    results = {1: ["a@x.com", "b@x.com"], 2: {"n": 3}}
    assert substitute("$1", results) == ["a@x.com", "b@x.com"]
    assert substitute(["$1", "see $2"], results) == [["a@x.com", "b@x.com"], 'see {"n": 3}']
    assert substitute({"k": "$$1"}, results) == {"k": '$["a@x.com", "b@x.com"]'}


def test_reference_to_an_earlier_round_result():
    out, _ = run([rec(5, "ok", deps=[2], x="$2")], [sleeper("ok", 0)], earlier={2: "prev"})
    assert out[5]["result"] == "ok(prev)"


def test_many_sync_tools_run_at_once():
    tools = [sync_sleeper(f"s{i}", 0.3) for i in range(10)]
    out, _ = run([rec(i + 1, f"s{i}") for i in range(10)], tools)
    starts, ends = [r["start"] for r in out.values()], [r["end"] for r in out.values()]
    assert max(starts) < min(ends)  # all ten were running at the same moment
