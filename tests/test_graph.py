"""The whole graph with a scripted fake model: finish, replan, repair of an invalid plan, bounds."""

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.messages import AIMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from graph.context import Context
from graph.graph import build_graph
from graph.settings import Settings
from tests.fakes import AllToolsIndex, compose_new_email, get_email_address

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
    graph, _ = make([PLAN, "Finish(I drafted the email to sarah.lee@example.com.)"], tmp_path)
    out = ask(graph, "Email Sarah Lee the slides")
    assert [t["status"] for t in out["tasks"]] == ["done", "done"]
    assert out["tasks"][1]["result"] == "Draft to sarah.lee@example.com: Slides"
    assert out["answer"] == "I drafted the email to sarah.lee@example.com."
    assert isinstance(out["messages"][-1], AIMessage)
    assert out["messages"][-1].content == out["answer"]
    assert out["replans"] == 0 and out["tools"] == ["compose_new_email", "get_email_address"]
    assert set(out["timings"]) >= {"retrieve", "plan", "execute", "join"}


def test_replan_round_continues_numbering(tmp_path):
    responses = ['1. get_email_address(name="Nobody")\n2. join()',
                 "Replan(no contact named Nobody; try Sarah)",
                 '2. get_email_address(name="Sarah")\n3. join()',
                 "Finish(Her address is sarah@example.com.)"]
    graph, _ = make(responses, tmp_path)
    out = ask(graph, "What is Sarah's email?")
    assert [(t["id"], t["round"], t["status"]) for t in out["tasks"]] == [
        (1, 0, "failed"), (2, 1, "done")]
    assert out["replans"] == 1 and len(out["plans"]) == 2
    assert out["answer"] == "Her address is sarah@example.com."


def test_invalid_plan_is_repaired_with_the_error_in_the_prompt(tmp_path):
    responses = ['1. get_email(name="Sarah")\n2. join()', PLAN, "Finish(Done.)"]
    graph, llm = make(responses, tmp_path)
    seen = []
    original = llm._call

    def spy(prompt, *a, **k):
        seen.append(prompt)
        return original(prompt, *a, **k)

    object.__setattr__(llm, "_call", spy)
    out = ask(graph, "Email Sarah")
    assert out["answer"] == "Done." and out["replans"] == 1
    assert "Your last plan was invalid: Step 1: unknown tool `get_email`" in seen[1]


def test_replan_bound_holds(tmp_path):
    bad = '1. nope()\n2. join()'
    graph, _ = make([bad] * 10, tmp_path, max_replans=2)
    out = ask(graph, "Do something")
    assert out["replans"] == 2 and len(out["plans"]) == 3 and out["tasks"] == []
    assert "could not write a valid plan" in out["answer"]
    # the joiner may not replan once the bound is reached: Replan turns into the answer
    graph, _ = make(['1. join()', "Replan(again)", '1. join()', "Replan(again)"], tmp_path,
                    max_replans=1)
    out = ask(graph, "Do something")
    assert out["replans"] == 1 and out["answer"] == "again"


def test_dry_run_plans_but_runs_nothing(tmp_path):
    graph, _ = make([PLAN], tmp_path)
    out = ask(graph, "Email Sarah", context=Context(dry_run=True))
    assert [t["status"] for t in out["tasks"]] == ["planned", "planned"]
    assert out["tasks"][1]["deps"] == [1] and "result" not in out["tasks"][0]


def test_approval_interrupt_then_approve_or_reject(tmp_path):
    graph, _ = make([PLAN, "Finish(Sent.)"], tmp_path, checkpointer=InMemorySaver())
    cfg = {"configurable": {"thread_id": "t1"}}
    ask(graph, "Email Sarah", config=cfg, context=Context(approval=True))
    state = graph.get_state(cfg)
    [intr] = state.tasks[0].interrupts
    assert intr.value["plan"] == PLAN and len(intr.value["tasks"]) == 2
    out = graph.invoke(Command(resume=True), config=cfg, context=Context(approval=True))
    assert out["answer"] == "Sent." and out["tasks"][1]["status"] == "done"

    graph, _ = make([PLAN, "never used"], tmp_path, checkpointer=InMemorySaver())
    ask(graph, "Email Sarah", config=cfg, context=Context(approval=True))
    out = graph.invoke(Command(resume={"approved": False}), config=cfg, context=Context(approval=True))
    assert [t["status"] for t in out["tasks"]] == ["rejected", "rejected"]
    assert "nothing was run" in out["answer"]


def test_rejection_with_comment_replans(tmp_path):
    other = '3. get_email_address(name="Tom")\n4. join()'
    graph, _ = make([PLAN, other, "Finish(Tom's address found.)"], tmp_path, checkpointer=InMemorySaver())
    cfg = {"configurable": {"thread_id": "t2"}}
    ctx = Context(approval=True)
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
