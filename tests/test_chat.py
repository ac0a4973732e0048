"""The terminal chat, driven by scripted input lines and a scripted fake model."""

import _thread
import io
import signal
import time

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.tools import tool
from pydantic import Field
from rich.console import Console

from tests.fakes import AllToolsIndex, compose_new_email, get_email_address
from tinyagent.graph.chat import approval_value, chat
from tinyagent.graph.settings import Settings
from tinyagent.graph.view import RunView, task_tree

PLAN = ('1. get_email_address(name="Sarah Lee")\n'
        '2. compose_new_email(recipients=["$1"], subject="Slides")\n3. join()<END_OF_PLAN>')
ANSWER = "Draft to sarah.lee@example.com: Slides."  # the answer, from the task records


class ScriptedLLM(FakeListLLM):
    """FakeListLLM that also keeps the prompts it was given."""

    prompts: list[str] = Field(default_factory=list)

    def _call(self, prompt, stop=None, run_manager=None, **kwargs):
        self.prompts.append(prompt)
        return super()._call(prompt, stop, run_manager, **kwargs)


@tool
def press_ctrl_c(x: str = "") -> str:
    """A slow task during which the person presses Ctrl-C."""
    _thread.interrupt_main()
    time.sleep(0.3)
    return "finished anyway"


DEFAULT = object()


def run_chat(tmp_path, lines, responses, approve="all", thread=None, tools=None):
    """Run a chat session on scripted lines; returns (plain-text output, the fake model).
    tools: the two fake tools, unless given; DEFAULT for the project's real tool set."""
    out = io.StringIO()
    script = iter(lines)

    def read_line(prompt):
        try:
            line = next(script)
        except StopIteration:
            raise EOFError from None
        out.write(f"{prompt}{line}\n")
        return line

    llm = ScriptedLLM(responses=responses)
    code = chat(Settings(data_dir=tmp_path, lora_path=None), thread=thread, approve=approve,
                tools=None if tools is DEFAULT else tools or [get_email_address, compose_new_email],
                llm=llm,
                index=AllToolsIndex(), console=Console(file=out, width=120, color_system=None),
                read_line=read_line)
    assert code == 0
    return out.getvalue(), llm


def test_view_draws_plan_tree_statuses_and_answer():
    view = RunView()
    view.feed("custom", {"type": "retrieved", "tools": ["get_email_address"]})
    for piece in ('1. get_email_address(name="Sarah")\n', '2. compose_new_email(recipients=["$1"])'):
        view.feed("custom", {"type": "plan_token", "text": piece})
    tasks = [{"id": 1, "tool": "get_email_address", "call": 'get_email_address(name="Sarah")',
              "deps": [], "status": "planned"},
             {"id": 2, "tool": "compose_new_email", "call": 'compose_new_email(recipients=["$1"])',
              "deps": [1], "status": "planned"}]
    view.feed("updates", {"compile": {"pending": tasks, "status": "ready"}})
    view.feed("custom", {"type": "task", "id": 1, "tool": "get_email_address", "status": "running"})
    text = render(view)
    assert "Plan" in text and "1. get_email_address" in text and "running" in text and "waiting" in text
    view.feed("custom", {"type": "task", "id": 1, "tool": "get_email_address", "status": "done",
                         "result": "sarah@example.com", "start": 0.1, "end": 0.2})
    view.feed("custom", {"type": "task", "id": 2, "tool": "compose_new_email", "status": "failed",
                         "error": "no subject"})
    view.feed("updates", {"join": {"answer": "I could not compose new email: no subject.", "status": "finished"}})
    text = render(view)
    assert "✓ 1." in text and "→ sarah@example.com" in text and "✗ 2." in text and "no subject" in text
    assert "I could not compose new email: no subject." in text
    # the tree hangs task 2 under task 1, its dependency
    tree = render(task_tree(list(view.tasks.values())))
    assert tree.index("1. get_email_address") < tree.index("2. compose_new_email")
    assert tree.splitlines()[3].startswith("    └── ")


def render(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(
        renderable.render() if isinstance(renderable, RunView) else renderable)
    return out.getvalue()


def test_small_helpers():
    assert approval_value("y") is True and approval_value("") is False and approval_value("N") is False
    assert approval_value("use Tom instead") == "use Tom instead"
    assert approval_value("/quit") is False and approval_value("/tools") is False  # commands are not comments


def test_quit_at_the_approval_question_rejects_the_plan_and_ends_the_chat(tmp_path):
    text, llm = run_chat(tmp_path, ["Email Sarah Lee the slides", "/quit", "Email Tom the notes"], [PLAN, PLAN])
    assert "Plan rejected" not in text and len(llm.prompts) == 1   # no replan on "/quit"
    assert "I did not compose new email, because you did not approve it." in text
    assert "Email Tom the notes" not in text                         # the chat ended there


def test_approve_then_answer_and_slash_commands(tmp_path):
    text, _ = run_chat(tmp_path, ["/help", "/tools", "Email Sarah Lee the slides", "y", "/plan",
                                  "/workspace", "/nope"], [PLAN])
    assert "/workspace" in text and "Ctrl-C cancels" in text                       # /help
    assert "Find the email address of a contact by name." in text                # /tools
    assert '2. compose_new_email(recipients=["$1"], subject="Slides")' in text    # the plan
    assert "Run this plan? [y/N/or type a comment to replan] y" in text
    assert "waiting" in text                                                     # before approval
    assert "→ Draft to sarah.lee@example.com: Slides" in text                     # task results
    assert ANSWER in text                                                         # the answer
    after_plan = text.split("› /plan")[1]
    assert "request: Email Sarah Lee the slides" in after_plan and "✓ 2." in after_plan
    assert f"Workspace: {tmp_path / 'workspace'}" in text
    assert "Unknown command /nope" in text


def test_reject_runs_nothing_and_comment_replans(tmp_path):
    text, llm = run_chat(tmp_path, ["Email Sarah Lee the slides", "n"], [PLAN])
    assert "I did not compose new email, because you did not approve it." in text and "not run" in text
    assert "✓" not in text and len(llm.prompts) == 1

    other = '3. get_email_address(name="Tom")\n4. join()<END_OF_PLAN>'
    text, llm = run_chat(tmp_path, ["Email Sarah Lee the slides", "look up Tom instead", "yes"],
                         [PLAN, other])
    assert "Plan rejected: look up Tom instead" in text and "Plan 2" in text
    assert "look up Tom instead" in llm.prompts[1]
    assert "→ tom@example.com" in text and "The email address of Tom is tom@example.com." in text


def test_threads_persist_resume_and_new(tmp_path):
    text, _ = run_chat(tmp_path, ["Email Sarah Lee the slides", "/new"], [PLAN],
                       approve="none", thread="first")
    assert "Thread first (continue it later with `tinyagent chat --thread first`)" in text
    assert "Run this plan?" not in text and "New thread " in text
    assert (tmp_path / "threads.sqlite").exists()

    follow = '1. compose_new_email(recipients=["sarah.lee@example.com"], subject="Agenda")\n2. join()'
    text, llm = run_chat(tmp_path, ["Send her the agenda too"], [follow],
                         approve="none", thread="first")
    assert "Resumed first" in text
    assert "you: Email Sarah Lee the slides" in text
    assert f"agent: {ANSWER}" in text
    # the follow-up's planner sees the earlier turn
    assert "User: Email Sarah Lee the slides" in llm.prompts[0]
    assert "Draft to sarah.lee@example.com: Agenda." in text


@pytest.fixture
def terminal_sigint():
    """Ctrl-C as a terminal delivers it: a shell's background job (CI runners, `make test &`)
    starts with SIGINT ignored, and then interrupt_main() does nothing."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_cancels_the_run_and_keeps_the_session(tmp_path, terminal_sigint):
    slow = '1. press_ctrl_c()\n2. join()'
    text, llm = run_chat(tmp_path, ["Do the slow thing", "Email Sarah Lee the slides"],
                         [slow, PLAN], approve="none", thread="t",
                         tools=[press_ctrl_c, get_email_address, compose_new_email])
    assert "Cancelled." in text
    assert ANSWER in text  # the next request ran to its end
    assert len(llm.prompts) == 2  # one plan each
    text, _ = run_chat(tmp_path, [], [], thread="t")
    assert "you: Do the slow thing\nagent: (cancelled)\nyou: Email Sarah Lee the slides" in text


def test_first_start_creates_a_sample_workspace_for_the_real_tools(tmp_path):
    plan = '1. get_phone_number(name="Sarah Lee")\n2. join()<END_OF_PLAN>'
    text, _ = run_chat(tmp_path, ["/workspace", "What is Sarah Lee's number?"],
                       [plan], approve="none", tools=DEFAULT)
    assert f"Created a workspace with sample data at {tmp_path / 'workspace'}" in text
    assert "contacts.vcf" in text.split("› /workspace")[1]
    assert "→ +1-555-0101" in text


def test_by_default_the_chat_asks_only_before_a_step_that_sends(tmp_path):
    """Default settings (approve send,delete) with the project's tools on the sample workspace."""
    lookup = '1. get_phone_number(name="Sarah Lee")\n2. join()<END_OF_PLAN>'
    sms = ('1. get_phone_number(name="Sarah Lee")\n2. send_sms(recipients=["$1"], message="Running late")\n'
           '3. join()<END_OF_PLAN>')
    text, _ = run_chat(tmp_path, ["What is Sarah Lee's number?", "Text Sarah Lee that I am running late", "n"],
                       [lookup, sms], approve=None, tools=DEFAULT)
    assert "asks before plans that send or delete" in text
    first, second = text.split("› Text Sarah Lee")
    assert "Run this plan?" not in first and "→ +1-555-0101" in first
    assert "Step 2 (send_sms) sends something." in second and "Run this plan?" in second
    assert "I did not send sms, because you did not approve it." in second
    assert not (tmp_path / "workspace" / "SMS" / "outbox.jsonl").exists()
