"""execute: tasks start when their dependencies end, run concurrently (sync tools in the executor's
own pool), failures skip dependents, and a stopped task writes nothing afterwards."""

import asyncio
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from langchain_core.tools import StructuredTool, tool

from tests.fakes import sleeper, sync_sleeper
from tinyagent.nodes.execute import run_tasks, substitute
from tinyagent.tools import cancel
from tinyagent.tools.cancel import TaskCancelled
from tinyagent.tools.paths import Workspace, update_file


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


def test_sixteen_sync_tools_really_overlap_in_the_executors_pool():
    lock, seen = threading.Lock(), {"now": 0, "max": 0, "threads": set()}

    def busy(i: int) -> StructuredTool:
        def _run(x: str = "") -> str:  # measured inside the tool, once a thread really runs it
            with lock:
                seen["now"] += 1
                seen["max"] = max(seen["max"], seen["now"])
                seen["threads"].add(threading.current_thread().name)
            time.sleep(0.3)
            with lock:
                seen["now"] -= 1
            return "ok"
        return StructuredTool.from_function(func=_run, name=f"s{i}", description="Sleep 0.3 s.")

    async def main():
        # asyncio's default pool is cpu+4 threads (6 on 2 cores); make it that small here too,
        # so a tool that went through it instead of the executor's own pool would queue
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(6))
        tools = {f"s{i}": busy(i) for i in range(16)}
        return await run_tasks([rec(i + 1, f"s{i}") for i in range(16)], tools, {}, 10.0, time.time())

    out = {r["id"]: r for r in asyncio.run(main())}
    assert all(r["status"] == "done" for r in out.values())
    assert seen["max"] == 16, seen  # all sixteen were running at once (no wall-clock bound: shared machines)
    assert all(name.startswith("tinyagent-tool") for name in seen["threads"]), seen["threads"]


# --- a stopped sync tool writes nothing afterwards (tools/cancel.py) --------------------------

def writer(name: str, path, before: float, hold: float = 0.0) -> StructuredTool:
    """Sleeps ``before`` s, then rewrites ``path`` (holding its lock ``hold`` s); records outcome."""
    def _run(x: str = "") -> str:
        time.sleep(before)
        ws = Workspace(path.parent)
        try:
            def change(old):
                time.sleep(hold)
                return f"written by {name}"
            update_file(ws, path, change)
            writer.outcomes[name] = "written"
        except TaskCancelled as exc:
            writer.outcomes[name] = f"refused: {exc}"
            raise
        return "done"
    return StructuredTool.from_function(func=_run, name=name, description="Write a file.")


writer.outcomes = {}


def test_a_timed_out_sync_tool_writes_nothing_after_it_is_reported_stopped(tmp_path):
    writer.outcomes.clear()
    files = {n: tmp_path / f"{n}.txt" for n in ("early", "during", "late")}
    for f in files.values():
        f.write_text("old")
    tools = [writer("early", files["early"], 0.0, hold=0.0),     # commits before the limit
             writer("during", files["during"], 0.0, hold=0.5),   # its write spans the limit
             writer("late", files["late"], 0.5)]                  # would write after the limit
    tasks = [rec(1, "early"), rec(2, "during"), rec(3, "late")]
    start = time.monotonic()
    out, _ = run(tasks, tools, timeout=0.25)
    returned = time.monotonic() - start
    at_report = {n: f.read_text() for n, f in files.items()}
    time.sleep(0.8)  # the tools' threads run on and try to write
    assert {n: f.read_text() for n, f in files.items()} == at_report  # nothing landed afterwards
    assert out[1]["status"] == "done" and at_report["early"] == "written by early"
    for i, name in ((2, "during"), (3, "late")):
        assert out[i]["status"] == "failed" and "did not finish within 0.25 s" in out[i]["error"]
        assert at_report[name] == "old", name
        assert writer.outcomes[name].startswith("refused: Not done: "), writer.outcomes
    # stopping "during" waited for the read-modify-write it had begun under the lock
    assert returned >= 0.48, returned
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_a_stopped_run_python_task_kills_its_code(make_tools):
    marker = f"tinyagent-stop-{uuid.uuid4().hex}"
    tool = make_tools(python_timeout_s=30, python_sandbox="none")["run_python"]
    code = f"import os, sys\nos.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(30)', '{marker}'])"

    def alive() -> list[str]:
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if marker.encode() in open(f"/proc/{pid}/cmdline", "rb").read():
                    found.append(pid)
            except OSError:
                pass
        return found

    out, _ = run([rec(1, "run_python", code=code)], [tool], timeout=0.8)
    assert out[1]["status"] == "failed" and "did not finish" in out[1]["error"]
    deadline = time.monotonic() + 2
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive()


def test_tools_called_outside_the_executor_write_normally(tmp_path):
    assert cancel.current() is None
    update_file(Workspace(tmp_path), tmp_path / "x.txt", lambda old: "new")
    assert (tmp_path / "x.txt").read_text() == "new"


def test_passages_given_to_a_text_parameter_are_their_text():
    """convdev12: "search my docs for the rule about economy class flights and save it in a note called Travel policy"
    failed: the note's content is text, the search gives passages."""
    from tinyagent.tools.specs import ToolSpec

    @tool
    def find(query: str) -> list:
        """Find passages."""
        return [{"path": "Team_Handbook.pdf", "text": "Economy class is the default for flights under six hours."},
                {"path": "Team_Handbook.pdf", "text": "Travel must be approved."}]

    @tool
    def note(name: str, content: str) -> str:
        """Write a note."""
        return f"{name}: {content}"
    specs = {t.name: ToolSpec.from_tool(t) for t in (find, note)}
    out = asyncio.run(run_tasks([rec(1, "find", query="economy"), rec(2, "note", deps=[1], name="Travel", content="$1")],
                                {"find": find, "note": note}, {}, 10.0, time.time(), specs=specs))
    assert out[1]["status"] == "done", out[1]
    assert out[1]["result"] == ("Travel: Economy class is the default for flights under six hours.\n\n"
                                "Travel must be approved.")
