"""The whole graph with a scripted fake model: finish, replan, repair of an invalid plan, bounds."""

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.messages import AIMessage
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command
from pydantic import Field
from typing_extensions import Annotated

from tests.fakes import AllToolsIndex, compose_new_email, get_email_address
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings

PLAN = ('1. get_email_address(name="Sarah Lee")\n'
        '2. compose_new_email(recipients=["$1"], subject="Slides")\n3. join()<END_OF_PLAN>')


def make(responses, tmp_path, checkpointer=None, **settings):
    llm = FakeListLLM(responses=responses)
    graph = build_graph(tools=[get_email_address, compose_new_email],
                        settings=Settings(data_dir=tmp_path, lora_path=None, **settings),
                        checkpointer=checkpointer, llm=llm, index=AllToolsIndex())
    return graph, llm


def ask(graph, text, **kw):
    return graph.invoke({"messages": [("human", text)]}, **kw)


def test_plan_execute_finish(tmp_path):
    graph, _ = make([PLAN], tmp_path)
    out = ask(graph, "Email Sarah Lee the slides")
    assert [t["status"] for t in out["tasks"]] == ["done", "done"]
    assert out["tasks"][1]["result"] == "Draft to sarah.lee@example.com: Slides"
    # the answer is the records' own words; the lookup that step 2 used is not repeated
    assert out["answer"] == "Draft to sarah.lee@example.com: Slides."
    assert isinstance(out["messages"][-1], AIMessage)
    assert out["messages"][-1].content == out["answer"]
    assert out["replans"] == 0 and out["tools"] == ["compose_new_email", "get_email_address"]
    assert set(out["timings"]) >= {"retrieve", "plan", "execute", "join"}


def test_a_person_not_found_is_reported_not_replanned(tmp_path):
    graph, _ = make(['1. get_email_address(name="Nobody")\n2. compose_new_email(recipients=["$1"])\n3. join()',
                     "never used"], tmp_path)
    out = ask(graph, "Email Nobody")
    assert [t["status"] for t in out["tasks"]] == ["failed", "skipped"]
    assert out["replans"] == 0 and len(out["plans"]) == 1
    assert "could not find the email address" in out["answer"] and "Nobody" in out["answer"]
    assert "did not compose new email, because step 1" in out["answer"]
    assert "Draft" not in out["answer"]


def test_bad_arguments_get_one_fix_round_that_continues_numbering(tmp_path):
    calls = []

    @tool
    def book_seats(count: Annotated[int, Field(ge=1, le=9)]) -> str:
        """Book seats."""
        calls.append(count)
        return f"Booked {count} seats for you."

    responses = ["1. book_seats(count=12)\n2. join()", "2. book_seats(count=2)\n3. join()", "never used"]
    graph = build_graph(tools=[book_seats], settings=Settings(data_dir=tmp_path, lora_path=None, max_replans=3),
                        llm=FakeListLLM(responses=responses), index=AllToolsIndex())
    out = ask(graph, "Book two seats")
    assert [(t["id"], t["round"], t["status"]) for t in out["tasks"]] == [(1, 0, "failed"), (2, 1, "done")]
    assert out["replans"] == 1 and calls == [2]
    assert "could not book seats" in out["answer"] and "Booked 2 seats for you." in out["answer"]
    # a second failure of the same kind is reported: one fix round by default
    graph = build_graph(tools=[book_seats], settings=Settings(data_dir=tmp_path, lora_path=None, max_replans=3),
                        llm=FakeListLLM(responses=[responses[0], "2. book_seats(count=50)\n3. join()", "never used"]),
                        index=AllToolsIndex())
    out = ask(graph, "Book seats")
    assert out["replans"] == 1 and [t["status"] for t in out["tasks"]] == ["failed", "failed"]


def test_invalid_plan_is_repaired_with_the_error_in_the_prompt(tmp_path):
    responses = ['1. get_email(name="Sarah")\n2. join()', PLAN]
    graph, llm = make(responses, tmp_path)
    seen = []
    original = llm._call

    def spy(prompt, *a, **k):
        seen.append(prompt)
        return original(prompt, *a, **k)

    object.__setattr__(llm, "_call", spy)
    out = ask(graph, "Email Sarah")
    assert out["answer"] == "Draft to sarah.lee@example.com: Slides." and out["replans"] == 1
    assert "Your last plan was invalid: Step 1: unknown tool `get_email`" in seen[1]


def test_replan_bound_holds(tmp_path):
    bad = '1. nope()\n2. join()'
    graph, _ = make([bad] * 10, tmp_path, max_replans=2)
    out = ask(graph, "Do something")
    assert out["replans"] == 2 and len(out["plans"]) == 3 and out["tasks"] == []
    assert "could not write a valid plan" in out["answer"] and "nothing more was run" in out["answer"]


def test_the_most_replans_a_run_may_allow_finish_within_the_recursion_limit(tmp_path):
    # 20 new plans are 43 super-steps: past LangGraph's default limit of 25, which used to raise
    graph, _ = make(['1. nope()\n2. join()'] * 30, tmp_path)
    out = ask(graph, "Do something", context={"max_replans": 20})
    assert out["replans"] == 20 and len(out["plans"]) == 21
    assert "could not write a valid plan" in out["answer"]


def test_the_context_defaults_are_the_graphs_settings_and_bad_values_are_named(tmp_path):
    graph, _ = make([], tmp_path, max_replans=3, max_tools=4, task_timeout_s=9.0)
    ctx = graph.context_schema()
    assert (ctx.max_replans, ctx.max_tools, ctx.task_timeout_s, ctx.dry_run, ctx.today) == (3, 4, 9.0, False, "")
    # a dict context keeps the graph's settings for what it leaves out
    assert graph.context_schema(**{"dry_run": True}).max_replans == 3
    with pytest.raises(ValueError, match=r"max_replans=99 \(use 0 to 20\).*today='30/11' \(use YYYY-MM-DD"):
        ask(graph, "Email Sarah", context={"max_replans": 99, "today": "30/11"})


def test_a_request_no_tool_serves_gets_an_honest_answer(tmp_path):
    graph, _ = make(["1. join()<END_OF_PLAN>"], tmp_path)
    out = ask(graph, "Book me a flight to Rome")
    assert out["tasks"] == [] and "can't do that" in out["answer"] and "Nothing was run" in out["answer"]


def test_dry_run_plans_but_runs_nothing(tmp_path):
    graph, _ = make([PLAN], tmp_path)
    out = ask(graph, "Email Sarah", context={"dry_run": True})
    assert [t["status"] for t in out["tasks"]] == ["planned", "planned"]
    assert out["tasks"][1]["deps"] == [1] and "result" not in out["tasks"][0]


def test_approval_interrupt_then_approve_or_reject(tmp_path):
    graph, _ = make([PLAN], tmp_path, checkpointer=InMemorySaver())
    cfg = {"configurable": {"thread_id": "t1"}}
    ask(graph, "Email Sarah", config=cfg, context={"approve": "all"})
    state = graph.get_state(cfg)
    [intr] = state.tasks[0].interrupts
    assert intr.value["plan"] == PLAN and len(intr.value["tasks"]) == 2
    out = graph.invoke(Command(resume=True), config=cfg, context={"approve": "all"})
    assert out["answer"] == "Draft to sarah.lee@example.com: Slides." and out["tasks"][1]["status"] == "done"

    graph, _ = make([PLAN, "never used"], tmp_path, checkpointer=InMemorySaver())
    ask(graph, "Email Sarah", config=cfg, context={"approve": "all"})
    out = graph.invoke(Command(resume={"approved": False}), config=cfg, context={"approve": "all"})
    assert [t["status"] for t in out["tasks"]] == ["rejected", "rejected"]
    assert "did not compose new email, because you did not approve it" in out["answer"]
    assert "Draft" not in out["answer"]


def test_rejection_with_comment_replans(tmp_path):
    other = '3. get_email_address(name="Tom")\n4. join()'
    graph, _ = make([PLAN, other], tmp_path, checkpointer=InMemorySaver())
    cfg = {"configurable": {"thread_id": "t2"}}
    ctx = {"approve": "all"}
    ask(graph, "Email Sarah", config=cfg, context=ctx)
    graph.invoke(Command(resume="no, look up Tom instead"), config=cfg, context=ctx)
    out = graph.invoke(Command(resume="yes"), config=cfg, context=ctx)
    assert [(t["id"], t["status"]) for t in out["tasks"]] == [(1, "rejected"), (2, "rejected"), (3, "done")]


def test_missing_request_is_a_clear_error(tmp_path):
    graph, _ = make([PLAN], tmp_path)
    with pytest.raises(ValueError, match="No request found"):
        graph.invoke({"messages": []})


def test_wrong_model_path_fails_at_start(tmp_path):
    with pytest.raises(ValueError, match="Model file not found: .*nope.gguf.*TINYAGENT_MODEL_PATH"):
        build_graph(tools=[get_email_address], settings=Settings(model_path=tmp_path / "nope.gguf"))
    with pytest.raises(ValueError, match="LoRA adapter not found"):
        build_graph(tools=[get_email_address], settings=Settings(lora_path=tmp_path / "x.gguf"))


def test_relative_dates_resolve_against_the_runs_today(tmp_path, monkeypatch):
    from tinyagent.tools import default_tools, init_workspace

    monkeypatch.delenv("TINYAGENT_NOW", raising=False)
    ws = init_workspace(tmp_path / "ws")
    plan = '1. create_reminder(name="Call mum", due_date="next Friday at 3pm")\n2. join()'
    graph = build_graph(tools=default_tools(ws), settings=Settings(data_dir=tmp_path, lora_path=None),
                        llm=FakeListLLM(responses=[plan]), index=AllToolsIndex())
    out = ask(graph, "remind me to call mum next Friday at 3pm", context={"today": "2026-11-30"})
    assert out["tasks"][0]["status"] == "done"
    assert "due Friday 4 December 2026, 15:00" in out["answer"]
    assert "DUE:20261204T150000" in (ws / "reminders.ics").read_text()


def test_when_the_classifier_finds_nothing_that_fits_the_plan_is_empty_without_the_model(tmp_path):
    from tinyagent.store.tool_index import Retrieved

    class Unsure(AllToolsIndex):
        def retrieve(self, query, available, **kw):
            return Retrieved(sorted(available), [], {}, probabilities={n: 0.05 for n in available})

    graph = build_graph(tools=[get_email_address, compose_new_email],
                        settings=Settings(data_dir=tmp_path, lora_path=None),
                        llm=FakeListLLM(responses=[]), index=Unsure())  # any model call would fail
    out = ask(graph, "Order sushi for dinner")
    assert out["plans"] == ["1. join()<END_OF_PLAN>"] and out["tasks"] == []
    assert "can't do that" in out["answer"]
    # the setting turns it off: the model plans
    graph = build_graph(tools=[get_email_address, compose_new_email],
                        settings=Settings(data_dir=tmp_path, lora_path=None, decline_below=0.0),
                        llm=FakeListLLM(responses=[PLAN]), index=Unsure())
    assert ask(graph, "Email Sarah Lee the slides")["tasks"][1]["status"] == "done"


def test_the_run_is_recorded_as_tool_calls_and_tool_messages(tmp_path):
    from langchain_core.messages import HumanMessage, ToolMessage

    plan = ('1. get_email_address(name="Sarah Lee")\n2. get_email_address(name="Nobody")\n'
            '3. compose_new_email(recipients=["$1", "$2"], subject="Slides")\n4. join()<END_OF_PLAN>')
    graph, _ = make([plan], tmp_path)
    out = ask(graph, "Email Sarah Lee and Nobody the slides")
    human, call, *results, answer = out["messages"]
    assert isinstance(human, HumanMessage) and isinstance(answer, AIMessage) and answer.content == out["answer"]
    assert [(c["id"], c["name"], c["args"]) for c in call.tool_calls] == [
        ("call_0_1", "get_email_address", {"name": "Sarah Lee"}), ("call_0_2", "get_email_address", {"name": "Nobody"}),
        ("call_0_3", "compose_new_email", {"recipients": ["$1", "$2"], "subject": "Slides"})]
    assert call.additional_kwargs["tinyagent"]["deps"]["call_0_3"] == ["call_0_1", "call_0_2"]
    assert all(isinstance(m, ToolMessage) for m in results)
    by_id = {m.tool_call_id: m for m in results}
    assert by_id["call_0_1"].status == "success" and by_id["call_0_1"].content == "sarah.lee@example.com"
    assert by_id["call_0_2"].status == "error" and "Nobody" in by_id["call_0_2"].content
    assert by_id["call_0_3"].status == "error" and "skipped" in by_id["call_0_3"].content


def test_a_follow_up_sees_the_earlier_turns_results(tmp_path):
    seen = []
    plan2 = '1. compose_new_email(recipients=["sarah.lee@example.com"], subject="Slides")\n2. join()'
    graph, llm = make(['1. get_email_address(name="Sarah Lee")\n2. join()', plan2], tmp_path,
                      checkpointer=InMemorySaver())
    original = llm._call
    object.__setattr__(llm, "_call", lambda prompt, *a, **k: seen.append(prompt) or original(prompt, *a, **k))
    cfg = {"configurable": {"thread_id": "f"}}
    ask(graph, "What's Sarah Lee's email?", config=cfg)
    ask(graph, "send her the slides", config=cfg)
    assert "Result: get_email_address(name='Sarah Lee') -> sarah.lee@example.com" in seen[1]
    assert "User: What's Sarah Lee's email?" in seen[1]


def test_a_result_two_turns_back_keeps_its_own_call(tmp_path):
    """Each turn numbers its calls from 1 again ("call_0_1"): the first turn's look-up must not be shown as the
    second turn's draft ("Result: compose_new_email(...) -> sarah.lee@example.com"), or "her" two turns back is
    lost."""
    seen = []
    plans = ['1. get_email_address(name="Sarah Lee")\n2. join()',
             '1. compose_new_email(recipients=["tom@example.com"], subject="Lunch")\n2. join()',
             '1. compose_new_email(recipients=["sarah.lee@example.com"], subject="Slides")\n2. join()']
    graph, llm = make(plans, tmp_path, checkpointer=InMemorySaver())
    original = llm._call
    object.__setattr__(llm, "_call", lambda prompt, *a, **k: seen.append(prompt) or original(prompt, *a, **k))
    cfg = {"configurable": {"thread_id": "g"}}
    for request in ("What's Sarah Lee's email?", "email tom about lunch", "email her the slides"):
        ask(graph, request, config=cfg)
    third = seen[-1]
    assert "Result: get_email_address(name='Sarah Lee') -> sarah.lee@example.com" in third
    assert "Result: compose_new_email(recipients=['tom@example.com'], subject='Lunch') -> Draft to tom@example.com" \
        in third


def risky_tools(send_risk="send"):
    """A lookup that declares "read" and a text message that declares ``send_risk``."""
    sent = []

    @tool
    def find_policy(topic: str) -> str:
        """Look up a company policy."""
        return f"Expense receipts are due within 30 days ({topic})."

    @tool
    def text_someone(to: str, message: str) -> str:
        """Send a text message."""
        sent.append((to, message))
        return f"Texted {to}."

    find_policy.metadata = {"risk": "read"}
    if send_risk is not None:
        text_someone.metadata = {"risk": send_risk}
    return [find_policy, text_someone], sent


LOOKUP = '1. find_policy(topic="expense receipts")\n2. join()<END_OF_PLAN>'
TEXT = '1. find_policy(topic="expenses")\n2. text_someone(to="Sam", message="On my way")\n3. join()<END_OF_PLAN>'
#: what TEXT does, as a person would ask it
TEXT_ASK = "Check the expenses policy and text Sam that I am on my way"


def risky_graph(tmp_path, responses, send_risk="send", **kw):
    tools, sent = risky_tools(send_risk)
    graph = build_graph(tools=tools, settings=Settings(data_dir=tmp_path, lora_path=None),
                        llm=FakeListLLM(responses=responses), index=AllToolsIndex(), **kw)
    return graph, sent


def test_by_default_a_read_only_plan_runs_without_asking_and_a_send_waits(tmp_path):
    cfg = {"configurable": {"thread_id": "risk"}}
    graph, _ = risky_graph(tmp_path, [LOOKUP], checkpointer=InMemorySaver())
    out = ask(graph, "How long do I have to submit expense receipts?", config=cfg)
    assert "__interrupt__" not in out and out["tasks"][0]["status"] == "done"
    assert "30 days" in out["answer"] and out["tasks"][0]["risk"] == "read"

    graph, sent = risky_graph(tmp_path, [TEXT], checkpointer=InMemorySaver())
    ask(graph, TEXT_ASK, config=cfg)
    [intr] = graph.get_state(cfg).tasks[0].interrupts
    # the plan waits: nothing is recorded as run (the lookup, a read, may have started early); the
    # question says which step and why
    assert intr.value["needs_approval"] == [2] and intr.value["risks"] == ["send"]
    assert [t["risk"] for t in intr.value["tasks"]] == ["read", "send"] and sent == []
    assert graph.get_state(cfg).values["tasks"] == []
    out = graph.invoke(Command(resume=True), config=cfg)
    assert sent == [("Sam", "On my way")] and "Texted Sam." in out["answer"]


def test_the_approve_setting_chooses_which_risks_wait(tmp_path):
    cfg = {"configurable": {"thread_id": "r"}}
    # 'none': nothing waits; 'all': even a lookup waits; 'change' alone: a send does not
    graph, sent = risky_graph(tmp_path, [TEXT], checkpointer=InMemorySaver())
    out = ask(graph, TEXT_ASK, config=cfg, context={"approve": "none"})
    assert sent and "__interrupt__" not in out
    for approve, plan, waits in (("all", LOOKUP, [1]), ("change", TEXT, None), ("send, delete", TEXT, [2])):
        graph, _ = risky_graph(tmp_path, [plan], checkpointer=InMemorySaver())
        cfg = {"configurable": {"thread_id": approve}}
        ask(graph, TEXT_ASK, config=cfg, context={"approve": approve})
        tasks = graph.get_state(cfg).tasks
        got = tasks[0].interrupts[0].value["needs_approval"] if tasks and tasks[0].interrupts else None
        assert got == waits, approve
    # the settings' value is the graph's default; a bad value names the field and the choices
    graph = build_graph(tools=risky_tools()[0], llm=FakeListLLM(responses=[]), index=AllToolsIndex(),
                        settings=Settings(data_dir=tmp_path, lora_path=None, approve="all"))
    assert graph.context_schema().approve == "all"
    with pytest.raises(ValueError, match=r"approve='sned': unknown risk 'sned' \(use a comma-separated list of read, change, send, delete"):
        ask(graph, "x", context={"approve": "sned"})
    with pytest.raises(ValueError, match="approve"):
        Settings(approve="everything")


def test_a_tool_without_a_declared_risk_counts_as_a_change(tmp_path):
    cfg = {"configurable": {"thread_id": "u"}}
    graph, sent = risky_graph(tmp_path, [TEXT], send_risk=None, checkpointer=InMemorySaver())
    ask(graph, TEXT_ASK, config=cfg, context={"approve": "change"})
    [intr] = graph.get_state(cfg).tasks[0].interrupts
    assert intr.value["needs_approval"] == [2] and intr.value["risks"] == ["change"] and sent == []


def test_without_a_checkpointer_a_step_that_needs_approval_is_refused_not_run(tmp_path):
    graph, sent = risky_graph(tmp_path, [TEXT])
    out = ask(graph, TEXT_ASK)
    assert sent == [] and "__interrupt__" not in out
    # the lookup (a read) started while the plan was written; the text was refused, and the answer
    # says both (nodes/rules/early.py)
    assert [t["status"] for t in out["tasks"]] == ["done", "rejected"]
    assert "Nothing else was run: step(s) 2 of the plan (sends something) need your approval" in out["answer"]
    assert "approve" in out["answer"] and "checkpointer" in out["answer"]
    graph, _ = risky_graph(tmp_path, [LOOKUP])  # a read-only plan needs no checkpointer
    assert "30 days" in ask(graph, "How long for expense receipts?")["answer"]


def test_the_project_tools_declare_their_risks(tmp_path):
    from tinyagent.tools import ToolConfig, default_tools
    from tinyagent.tools.risk import RISKS

    risks = {t.name: t.metadata["risk"] for t in default_tools(tmp_path)}
    assert set(risks.values()) <= set(RISKS) and len(risks) == 18
    assert {n for n, r in risks.items() if r == "send"} == {
        "compose_new_email", "reply_to_email", "forward_email", "send_sms"}
    assert {n for n, r in risks.items() if r == "change"} == {
        "create_calendar_event", "create_reminder", "create_note", "append_note_content"}
    assert risks["get_email_address"] == risks["run_python"] == risks["maps_open_location"] == "read"
    loose = {t.name: t.metadata["risk"] for t in default_tools(
        tmp_path, ToolConfig(open_browser=True, python_sandbox="none"))}
    assert loose["maps_open_location"] == "send" and loose["run_python"] == "delete"


@pytest.mark.parametrize("text, language", [
    ("Erinnere mich morgen um 8 Uhr daran, Tom Becker anzurufen", "German"),
    ("Envoie un courriel à Sarah pour le rendez-vous de demain", "French"),
    ("envía un mensaje a Marcus diciendo que llego tarde", "Spanish"),       # convdev10: declined as no tool fits
    ("schreib Tom eine Nachricht dass ich später komme", "German"),
    ("¿Me puedes recordar llamar a Omar mañana a las diez?", "Spanish"),     # convdev12
    ("Lembra-me de ligar para a Aisha amanhã às 9 da manhã", "Portuguese"),  # convdev13: declined as no tool fits
])
def test_a_request_in_another_language_is_answered_in_english_and_nothing_runs(tmp_path, text, language):
    graph, llm = make([PLAN], tmp_path)  # the model would plan an email if it were asked
    out = ask(graph, text)
    assert out["tasks"] == [] and llm.i == 0  # the model was not asked
    assert f"looks like {language}" in out["answer"] and "English only" in out["answer"]
