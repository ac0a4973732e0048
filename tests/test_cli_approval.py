"""`tinyagent run` and approval by risk, in a real process: a read-only plan runs, a plan that sends
asks on a terminal, runs with --yes, and without a terminal is refused in one line (exit 3).
The model is a scripted fake patched into the process (no llama.cpp is loaded)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import textwrap

import pytest

from tinyagent.graph.settings import REPO_ROOT

#: Runs `tinyagent run` with build_graph patched to use the scripted plan and two tools that
#: declare their risks; the send tool appends to sent.txt so the test sees whether it ran.
DRIVER = textwrap.dedent('''
    import sys
    from pathlib import Path
    from langchain_core.language_models.fake import FakeListLLM
    from langchain_core.tools import tool
    import tinyagent.graph.graph as graph_module
    from tinyagent.graph import cli
    from tests.fakes import AllToolsIndex

    sent = Path(sys.argv[1])

    @tool
    def find_policy(topic: str) -> str:
        """Look up a company policy."""
        return "Expense receipts are due within 30 days."

    @tool
    def text_someone(to: str, message: str) -> str:
        """Send a text message."""
        with sent.open("a") as fh:
            fh.write(f"{to}: {message}\\n")
        return f"Texted {to}."

    find_policy.metadata, text_someone.metadata = {"risk": "read"}, {"risk": "send"}
    real = graph_module.build_graph

    def fake_build(settings=None, **kw):
        return real(tools=[find_policy, text_someone], settings=settings, index=AllToolsIndex(),
                    llm=FakeListLLM(responses=[sys.argv[2]]), **kw)

    graph_module.build_graph = fake_build
    sys.exit(cli.main(sys.argv[3:]))
''')

LOOKUP = '1. find_policy(topic="expense receipts")\n2. join()<END_OF_PLAN>'
TEXT = ('1. find_policy(topic="expenses")\n2. text_someone(to="Sam", message="On my way")\n'
        '3. join()<END_OF_PLAN>')


@pytest.fixture
def run(tmp_path, monkeypatch):
    """run(plan, *flags, stdin=...) -> (exit code, stdout, stderr, what was sent)."""
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    sent = tmp_path / "sent.txt"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    for var in ("TINYAGENT_APPROVE", "TINYAGENT_WORKSPACE", "TINYAGENT_DATA_DIR", "TINYAGENT_LORA_PATH"):
        env.pop(var, None)

    def go(plan, *flags, terminal_reply=None):
        argv = [sys.executable, str(driver), str(sent), plan, "run",
                "check the expenses policy, then text Sam: on my way", "--no-lora",
                "--data-dir", str(tmp_path / "data"), *flags]
        if terminal_reply is None:  # no terminal: stdin is not a tty
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  env=env, timeout=120)
        else:  # stdin is a real pseudo-terminal; the reply is typed into it
            master, slave = pty.openpty()
            os.write(master, terminal_reply.encode() + b"\n")
            proc = subprocess.run(argv, stdin=slave, capture_output=True, text=True, env=env, timeout=120)
            os.close(slave)
            os.close(master)
        return proc.returncode, proc.stdout, proc.stderr, sent.read_text() if sent.exists() else ""
    return go


def test_a_read_only_plan_runs_without_a_terminal_and_without_asking(run):
    code, out, err, sent = run(LOOKUP, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["tasks"][0]["status"] == "done" and "30 days" in report["answer"]
    assert "Run this plan?" not in err


def test_a_plan_that_sends_is_refused_in_one_line_without_a_terminal(run):
    code, out, err, sent = run(TEXT, "--json")
    assert code == 3 and sent == ""
    report = json.loads(out)  # with --json the refusal is one object on stdout too (issue 32)
    assert report["status"] == "needs_approval" and report["exit_status"] == 3
    assert [(t["id"], t["tool"], t["risk"]) for t in report["waiting"]] == [(2, "text_someone", "send")]
    assert "text_someone" in report["plan"] and "pass --yes" in report["error"]
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0] == ("tinyagent: not run: step 2 (text_someone) sends something, which needs your "
                        "approval, and there is no terminal to ask on. Run it on a terminal to be asked, "
                        "or pass --yes to allow it.")


def test_yes_or_approve_none_runs_a_plan_that_sends(run):
    code, out, err, sent = run(TEXT, "--yes", "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "done"
    assert sent == "Sam: On my way\n" and "Texted Sam." in json.loads(out)["answer"]
    code, out, err, sent = run(TEXT, "--approve", "none")
    assert code == 0 and sent.count("Sam: On my way") == 2


def test_approve_all_makes_even_a_lookup_wait(run):
    code, _, err, _ = run(LOOKUP, "--approve", "all")
    assert code == 3 and "step 1 (find_policy) reads, which needs your approval" in err
    code, _, err, _ = run(LOOKUP, "--approve", "sned")
    assert code == 2 and "--approve sned" in err and "unknown risk 'sned'" in err


def test_on_a_terminal_the_plan_is_shown_and_asked_about(run):
    code, out, err, sent = run(TEXT, "--json", terminal_reply="y")
    assert code == 0, err
    assert "Step 2 (text_someone) sends something." in err and "Run this plan?" in err
    assert 'text_someone(to="Sam"' in err  # the plan, on stderr: stdout is the JSON alone
    assert sent == "Sam: On my way\n" and json.loads(out)["tasks"][1]["status"] == "done"

    code, out, err, sent = run(TEXT, "--json", terminal_reply="n")
    assert code == 0 and sent == "Sam: On my way\n"  # nothing more was sent
    report = json.loads(out)
    # the lookup (a read) started while the plan was written (nodes/rules/early.py) and is recorded as
    # run; the text waited for the answer and was not sent
    assert [t["status"] for t in report["tasks"]] == ["done", "rejected"]
    assert "because you did not approve it" in report["answer"]


def test_run_help_lists_the_exit_statuses_and_eval_help_works():
    out = subprocess.run([sys.executable, "-m", "tinyagent.graph.cli", "run", "--help"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and "exit status:" in out.stdout and "3    the plan has steps" in out.stdout
    out = subprocess.run([sys.executable, "-m", "tinyagent.graph.cli", "eval", "--help"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and "--split" in out.stdout, out.stderr
