"""run_python: output and exit status, CPU/wall/memory/output limits, no inherited secrets."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from langchain_core.tools import ToolException


@pytest.fixture
def run(make_tools):
    tool = make_tools(python_timeout_s=2, python_memory_mb=200, python_output_chars=1000)["run_python"]
    return lambda code: tool.invoke({"code": code})


def test_output_and_exit_status(run):
    assert run("print(6 * 7)") == {"stdout": "42\n", "stderr": "", "exit_code": 0, "timed_out": False}
    failed = run("import sys\nprint('partial')\nsys.exit(3)")
    assert failed["stdout"] == "partial\n" and failed["exit_code"] == 3
    err = run("raise ValueError('boom')")
    assert err["exit_code"] == 1 and 'File "main.py", line 1' in err["stderr"] and "ValueError: boom" in err["stderr"]


def test_runs_in_a_fresh_temporary_folder(run, tools_workspace):
    out = run("import os, sys; print(os.getcwd()); print(sys.flags.isolated); print(os.listdir('.'))")
    cwd, isolated, listing = out["stdout"].splitlines()
    assert "tinyagent-py-" in cwd and str(tools_workspace) not in cwd
    assert isolated == "1" and "main.py" in listing


def test_parent_secrets_are_not_inherited(run, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret")
    monkeypatch.setenv("TINYAGENT_SMTP_PASSWORD", "hunter2")
    out = run("import os; print(dict(os.environ))")
    assert "sk-very-secret" not in out["stdout"] and "hunter2" not in out["stdout"]
    assert "OPENAI_API_KEY" not in out["stdout"] and "PATH" in out["stdout"]


def test_infinite_loop_is_stopped(run):
    start = time.monotonic()
    out = run("while True:\n    pass")
    assert time.monotonic() - start < 6
    assert out["timed_out"] and out["exit_code"] != 0 and "Stopped" in out["stderr"]


def test_sleeping_code_is_stopped_by_the_wall_clock(run):
    start = time.monotonic()
    out = run("import time\nprint('start', flush=True)\ntime.sleep(60)")
    assert time.monotonic() - start < 6
    assert out["timed_out"] and out["stdout"] == "start\n"


@pytest.mark.parametrize("code", [
    "x = bytearray(4 * 1024 ** 3)",
    "a = []\nwhile True:\n    a.append(bytearray(10 ** 7))",
])
def test_memory_bomb_is_stopped(run, code):
    start = time.monotonic()
    out = run(code)
    assert time.monotonic() - start < 6
    assert out["exit_code"] != 0 and "MemoryError" in out["stderr"]


def test_output_is_truncated(run):
    out = run("print('x' * 50000)\nimport sys\nprint('e' * 5000, file=sys.stderr)")
    assert out["exit_code"] == 0
    assert out["stdout"].startswith("x" * 1000) and "truncated at 1000 characters" in out["stdout"]
    assert len(out["stdout"]) < 1100 and "truncated" in out["stderr"]


def test_parallel_runs_do_not_interfere(run):
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda i: run(f"print({i} ** 2)"), range(8)))
    assert [o["stdout"] for o in outs] == [f"{i ** 2}\n" for i in range(8)]


def test_empty_code_is_refused(run):
    with pytest.raises(ToolException, match="empty"):
        run("  ")
