"""run_python: output and exit status, CPU/wall/memory/output limits, and escapes from the sandbox blocked."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from langchain_core.tools import ToolException

from tinyagent.tools import sandbox


def isolation() -> str:
    """'auto' where this machine can isolate code; else 'none', so the limits are still tested
    (the escape tests below are skipped there)."""
    return "auto" if any(sandbox.unavailable(b) is None for b in ("bwrap", "unshare")) else "none"


@pytest.fixture
def run(make_tools):
    tool = make_tools(python_timeout_s=2, python_memory_mb=200, python_output_chars=1000,
                      python_sandbox=isolation())["run_python"]
    return lambda code: tool.invoke({"code": code})


def test_output_and_exit_status(run):
    assert run("print(6 * 7)") == {"stdout": "42\n", "stderr": "", "exit_code": 0, "timed_out": False}
    failed = run("import sys\nprint('partial')\nsys.exit(3)")
    assert failed["stdout"] == "partial\n" and failed["exit_code"] == 3
    err = run("raise ValueError('boom')")
    assert err["exit_code"] == 1 and 'File "main.py", line 1' in err["stderr"] and "ValueError: boom" in err["stderr"]


def test_sees_the_standard_library_only(run):
    """README: 'standard library only'. No site-packages of the interpreter or the system is importable
    (the base interpreter here has third-party packages such as requests installed)."""
    out = run("import sys, json\nprint(json.dumps([p for p in sys.path if 'packages' in p]))")
    assert out["exit_code"] == 0 and json.loads(out["stdout"]) == []
    assert run("import statistics, fractions\nprint(statistics.median([3, 1, 2]))")["stdout"] == "2\n"


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


# --- escapes: each back end this machine offers must block them all ----------------------------

BACKENDS = ["bwrap", "unshare"]


@pytest.fixture(params=BACKENDS)
def jailed(request, make_tools):
    """run_python under one isolation back end (skipped where this machine lacks it)."""
    why = sandbox.unavailable(request.param)
    if why is not None:
        pytest.skip(f"{request.param} cannot isolate here: {why}")
    tool = make_tools(python_timeout_s=5, python_memory_mb=200, python_output_chars=20000,
                      python_max_processes=16, python_sandbox=request.param)["run_python"]
    return lambda code: tool.invoke({"code": code})


def probe(run, code: str) -> dict:
    """Run ``code`` that prints one JSON object on its last line; return that object."""
    out = run(code)
    assert out["exit_code"] == 0, out
    return json.loads(out["stdout"].strip().splitlines()[-1])


def test_cannot_read_home_secrets_or_files_outside(jailed, tmp_path, tools_workspace, monkeypatch):
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("PRIVATE-KEY-abc123")
    monkeypatch.setenv("HOME", str(home))
    outside = tmp_path / "outside.txt"
    outside.write_text("TOP-SECRET-xyz")
    targets = [str(home / ".ssh" / "id_ed25519"), str(outside), str(tools_workspace / "contacts.vcf"),
               os.path.expanduser("~/.ssh/id_ed25519"), "/etc/shadow", "/etc/passwd",
               "/proc/1/root/etc/passwd", f"/proc/{os.getpid()}/root{outside}"]
    got = probe(jailed, f"""
import json, os
res = {{}}
for path in {targets!r}:
    try:
        res[path] = open(path).read()
    except OSError as exc:
        res[path] = "blocked: " + type(exc).__name__
res["home"] = os.path.expanduser("~")
res["listing"] = sorted(os.listdir("/"))
print(json.dumps(res))
""")
    for path in targets:
        assert got[path].startswith("blocked"), (path, got[path])
    assert str(home) not in got["home"] and "tinyagent-py-" in got["home"]
    # only the system's read-only trees (and the folders that lead to the interpreter) are there
    assert not {"home", "work", "var", "srv", "mnt", "sys"} & set(got["listing"]), got["listing"]
    assert "PRIVATE-KEY" not in json.dumps(got) and "TOP-SECRET" not in json.dumps(got)


def test_cannot_write_outside_its_scratch_folder(jailed, tmp_path, tools_workspace):
    marker = uuid.uuid4().hex
    targets = [str(tmp_path / f"pwned-{marker}"), f"/tmp/pwned-{marker}",
               str(tools_workspace / "contacts.vcf"), str(tools_workspace / f"pwned-{marker}"),
               f"/usr/pwned-{marker}", f"/pwned-{marker}", f"{sys.base_prefix}/pwned-{marker}"]
    got = probe(jailed, f"""
import json
res = {{}}
for path in {targets!r}:
    try:
        with open(path, "w") as fh:
            fh.write("pwned")
        res[path] = "written"
    except OSError as exc:
        res[path] = "blocked: " + type(exc).__name__
with open("scratch.txt", "w") as fh:  # its own folder works
    fh.write("fine")
res["scratch"] = open("scratch.txt").read()
print(json.dumps(res))
""")
    assert got.pop("scratch") == "fine"
    assert all(what.startswith("blocked") for what in got.values()), got
    assert (tools_workspace / "contacts.vcf").read_text().startswith("BEGIN:VCARD")
    assert not list(tmp_path.glob("pwned-*")) and not os.path.exists(f"/tmp/pwned-{marker}")


def test_cannot_reach_a_listener_on_localhost(jailed):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(3)
    port = server.getsockname()[1]
    accepted = []

    def accept():
        try:
            accepted.append(server.accept())
        except OSError:
            pass
    waiter = threading.Thread(target=accept)
    waiter.start()
    try:
        got = probe(jailed, f"""
import json, socket
res = {{}}
for host in ("127.0.0.1", "localhost", "::1"):
    try:
        socket.create_connection((host, {port}), timeout=2).close()
        res[host] = "connected"
    except OSError as exc:
        res[host] = "blocked: " + type(exc).__name__
try:  # no route out either
    socket.create_connection(("1.1.1.1", 53), timeout=2).close()
    res["internet"] = "connected"
except OSError as exc:
    res["internet"] = "blocked: " + type(exc).__name__
print(json.dumps(res))
""")
    finally:
        waiter.join()
        server.close()
    assert not accepted
    assert all(v.startswith("blocked") for v in got.values()), got


def test_process_count_is_limited_and_nothing_outlives_the_run(jailed):
    marker = f"tinyagent-fork-{uuid.uuid4().hex}"
    got = probe(jailed, f"""
import json, os, sys
started, error = 0, None
for _ in range(200):
    try:
        pid = os.fork()
    except OSError as exc:
        error = type(exc).__name__
        break
    if pid == 0:
        os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(60)", "{marker}"])
    started += 1
print(json.dumps({{"started": started, "error": error}}))
""")
    assert got["error"] == "BlockingIOError" and got["started"] < 16, got
    time.sleep(0.2)
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker.encode() in open(f"/proc/{pid}/cmdline", "rb").read():
                left.append(pid)
        except OSError:
            pass
    assert not left, f"sandboxed processes outlived the run: {left}"


def test_cannot_see_or_signal_other_processes_or_their_environment(jailed, monkeypatch):
    monkeypatch.setenv("TINYAGENT_TEST_SECRET", "s3cr3t-token-42")
    victim = subprocess.Popen(["sleep", "30"], env={**os.environ})
    try:
        got = probe(jailed, f"""
import json, os, signal
res = {{"env": dict(os.environ), "pid": os.getpid(), "ppid": os.getppid()}}
environs = {{}}
for pid in [p for p in os.listdir("/proc") if p.isdigit()] + ["{os.getpid()}", "{victim.pid}"]:
    try:
        environs[pid] = open(f"/proc/{{pid}}/environ", "rb").read().decode(errors="replace")
    except OSError as exc:
        environs[pid] = "blocked: " + type(exc).__name__
res["environs"] = environs
res["procs"] = sorted(p for p in os.listdir("/proc") if p.isdigit())
try:
    os.kill({victim.pid}, signal.SIGKILL)
    res["kill"] = "sent"
except OSError as exc:
    res["kill"] = "blocked: " + type(exc).__name__
print(json.dumps(res))
""")
        assert victim.poll() is None, "the sandbox killed a process outside it"
    finally:
        victim.kill()
        victim.wait()
    text = json.dumps(got)
    assert "s3cr3t-token-42" not in text and "TINYAGENT_TEST_SECRET" not in text
    assert got["environs"][str(victim.pid)].startswith("blocked")
    assert got["kill"].startswith("blocked")
    assert len(got["procs"]) <= 3, got["procs"]  # itself and the sandbox's init, nothing else


def test_limits_still_hold_in_the_sandbox(jailed):
    start = time.monotonic()
    out = jailed("while True:\n    pass")
    assert out["timed_out"] and time.monotonic() - start < 10
    out = jailed("x = bytearray(4 * 1024 ** 3)")
    assert out["exit_code"] != 0 and "MemoryError" in out["stderr"]


def test_refuses_without_isolation_unless_allowed(make_tools, monkeypatch):
    monkeypatch.setattr(sandbox, "unavailable", lambda backend, ws=None: "not installed")
    tool = make_tools()["run_python"]
    with pytest.raises(ToolException, match="refused.*no kernel isolation.*python_sandbox='none'"):
        tool.invoke({"code": "print(1)"})
    allowed = make_tools(python_sandbox="none")["run_python"]
    assert allowed.invoke({"code": "print(1)"})["stdout"] == "1\n"


def test_the_setting_can_come_from_the_environment(monkeypatch):
    from tinyagent.tools import ToolConfig

    monkeypatch.setenv("TINYAGENT_PYTHON_SANDBOX", "none")
    assert ToolConfig().python_sandbox == "none"
    monkeypatch.delenv("TINYAGENT_PYTHON_SANDBOX")
    assert ToolConfig().python_sandbox == "auto"
