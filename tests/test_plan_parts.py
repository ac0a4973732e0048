"""A request of several asks: an invalid first plan is replaced by plans of its parts, and an ask the
first plan leaves out is planned alone and added (scripted fake model; the rule, not the model)."""

from langchain_core.language_models.fake import FakeListLLM

from tests.fakes import AllToolsIndex, compose_new_email, get_email_address
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings

SARAH = ('1. get_email_address(name="Sarah Lee")\n'
         '2. compose_new_email(recipients=["$1"], subject="Slides")\n3. join()<END_OF_PLAN>')
TOM = '1. get_email_address(name="Tom Ray")\n2. join()<END_OF_PLAN>'
REQUEST = "Email Sarah Lee about the slides. Then look up Tom Ray's email."


def make(responses, tmp_path, **settings):
    llm = FakeListLLM(responses=responses)
    prompts: list[str] = []
    original = llm._call

    def spy(prompt, *a, **k):
        prompts.append(prompt)
        return original(prompt, *a, **k)

    object.__setattr__(llm, "_call", spy)
    graph = build_graph(tools=[get_email_address, compose_new_email],
                        settings=Settings(data_dir=tmp_path, lora_path=None, **settings),
                        llm=llm, index=AllToolsIndex())
    return graph, prompts


def request_of(prompt: str) -> str:
    """The request a planner prompt asks about (the last "Request:" of the chat)."""
    return prompt.rsplit("Request: ", 1)[1].split("<|im_end|>")[0].strip()


def calls(out):
    return [(t["id"], t["tool"], t["args"]) for t in out["tasks"]]


def test_an_ask_the_first_plan_leaves_out_is_planned_alone_and_added(tmp_path):
    graph, prompts = make([SARAH, TOM], tmp_path)
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert calls(out) == [(1, "get_email_address", {"name": "Sarah Lee"}),
                          (2, "compose_new_email", {"recipients": ["$1"], "subject": "Slides"}),
                          (3, "get_email_address", {"name": "Tom Ray"})]
    assert [t["status"] for t in out["tasks"]] == ["done", "done", "done"]
    assert "tom.ray@example.com" in out["answer"]
    assert len(prompts) == 2 and request_of(prompts[1]) == "look up Tom Ray's email."
    assert out["replans"] == 1  # the added round counts against max_replans


def test_an_invalid_first_plan_of_a_long_request_is_replaced_by_plans_of_its_parts(tmp_path):
    graph, prompts = make(['1. get_email(name="Sarah")\n2. join()', SARAH, TOM], tmp_path)
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert calls(out) == [(1, "get_email_address", {"name": "Sarah Lee"}),
                          (2, "compose_new_email", {"recipients": ["$1"], "subject": "Slides"}),
                          (3, "get_email_address", {"name": "Tom Ray"})]
    assert request_of(prompts[1]) == "Email Sarah Lee about the slides"
    assert request_of(prompts[2]) == "look up Tom Ray's email."
    assert "invalid" not in prompts[1]  # each part gets a fresh plan, not the error of the whole


def test_a_part_that_repeats_a_step_of_the_plan_adds_only_what_is_new(tmp_path):
    again = ('1. get_email_address(name="Sarah Lee")\n2. get_email_address(name="Tom Ray")\n'
             '3. join()<END_OF_PLAN>')
    graph, _ = make([SARAH, again], tmp_path)
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert [(t["tool"], t["args"].get("name")) for t in out["tasks"]] == [
        ("get_email_address", "Sarah Lee"), ("compose_new_email", None), ("get_email_address", "Tom Ray")]


def test_it_can_be_turned_off_and_a_one_ask_request_is_never_cut(tmp_path):
    graph, prompts = make([SARAH, TOM], tmp_path, plan_parts=False)
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert len(out["tasks"]) == 2 and len(prompts) == 1 and out["replans"] == 0

    graph, prompts = make([SARAH, TOM], tmp_path / "one")
    out = graph.invoke({"messages": [("human", "Email Sarah Lee about the slides and the budget")]})
    assert len(out["tasks"]) == 2 and len(prompts) == 1


def test_with_no_replans_allowed_the_first_plan_stands(tmp_path):
    graph, prompts = make([SARAH, TOM], tmp_path, max_replans=0)
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert len(out["tasks"]) == 2 and len(prompts) == 1
