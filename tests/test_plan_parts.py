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


def test_when_a_part_gets_no_valid_plan_the_whole_request_is_replanned_with_the_error(tmp_path):
    graph, prompts = make(['1. get_email(name="Sarah")\n2. join()', SARAH, "nonsense", SARAH], tmp_path)
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert [request_of(p) for p in prompts[:3]] == [REQUEST, "Email Sarah Lee about the slides",
                                                    "look up Tom Ray's email."]
    assert request_of(prompts[3]).startswith(REQUEST)
    assert "Your last plan was invalid: Step 1: unknown tool `get_email`" in prompts[3]
    assert [t["tool"] for t in out["tasks"]] == ["get_email_address", "compose_new_email"]  # no part dropped silently
    assert out["replans"] == 1 and len(out["plans"]) == 2  # the parts and the whole replan were one round


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


def test_a_step_whose_tool_does_not_fit_its_part_goes_with_the_steps_only_it_needs():
    from tinyagent.nodes.rules.parts import misplaced_steps
    from tinyagent.nodes.plans.planlang import Task

    parts = ["tell me ella johnson's email", "show me the note 'weekly goals'",
             "shoot isabella singh an email about the launch"]
    tasks = [Task(1, "get_email_address", {"name": "Ella Johnson"}),
             Task(2, "compose_new_email", {"recipients": ["$1"], "subject": "Weekly goals"}, (1,)),
             Task(3, "get_phone_number", {"name": "Isabella Singh"}),
             Task(4, "send_sms", {"recipients": ["$3"], "message": "About the launch"}, (3,))]
    probs = [{"get_email_address": 0.99, "compose_new_email": 0.1},
             {"open_note": 0.9, "compose_new_email": 0.01},
             {"get_email_address": 0.9, "compose_new_email": 0.9, "get_phone_number": 0.1, "send_sms": 0.03}]
    kept, redo = misplaced_steps(tasks, parts, probs, 0.08)
    # the email for the note goes, Ella's lookup (her own ask) stays; the text goes with its lookup
    assert [t.id for t in kept] == [1] and redo == {1, 2}
    assert misplaced_steps(tasks, parts, probs, 0.0) == (tasks, set())  # turned off
    # a step another part needs stays: the lookup of part 0 feeding part 1's email
    probs[0]["get_email_address"] = 0.01
    kept, redo = misplaced_steps(tasks, parts, probs, 0.08)
    assert 1 in [t.id for t in kept] and 0 not in redo


def test_a_misplaced_step_is_replaced_by_the_plan_of_its_part(tmp_path):
    class Judging(AllToolsIndex):
        def tool_probabilities(self, texts):
            return [{"compose_new_email": 0.01 if "look up" in t else 0.9, "get_email_address": 0.9} for t in texts]

    first = ('1. get_email_address(name="Sarah Lee")\n2. compose_new_email(recipients=["$1"], subject="Slides")\n'
             '3. compose_new_email(recipients=["Tom Ray"], subject="Tom Ray")\n4. join()<END_OF_PLAN>')
    # the part's own plan writes the misplaced email again: it is not added a second time
    again = ('1. get_email_address(name="Tom Ray")\n2. compose_new_email(recipients=["$1"], subject="Tom")\n'
             '3. join()<END_OF_PLAN>')
    llm = FakeListLLM(responses=[first, again])
    graph = build_graph(tools=[get_email_address, compose_new_email],
                        settings=Settings(data_dir=tmp_path, lora_path=None), llm=llm, index=Judging())
    out = graph.invoke({"messages": [("human", REQUEST)]})
    assert [(t["tool"], t["args"].get("name") or t["args"].get("subject")) for t in out["tasks"]] == [
        ("get_email_address", "Sarah Lee"), ("compose_new_email", "Slides"), ("get_email_address", "Tom Ray")]


def test_an_ask_whose_sure_tool_no_step_calls_is_planned_alone_and_added(tmp_path):
    """ "email eric about the results & text him 'happy birthday!'" got only the text: the email
    ask can be planned alone (the text to "him" cannot), and the classifier is sure it emails."""
    from langchain_core.tools import tool

    @tool
    def send_text(recipients: list[str], message: str) -> str:
        """Send a text message."""
        return f"Sent to {recipients}: {message}"

    class Judging(AllToolsIndex):
        def tool_probabilities(self, texts):
            return [{"compose_new_email": 0.9 if t.lower().startswith("email") else 0.02,
                     "get_email_address": 0.9, "send_text": 0.9 if "text" in t else 0.01} for t in texts]

    request = "Email Sarah Lee about the slides & text her 'see you soon'"
    first = ('1. get_email_address(name="Sarah Lee")\n2. send_text(recipients=["$1"], message="see you soon")\n'
             '3. join()<END_OF_PLAN>')

    def run(path, **settings):
        llm = FakeListLLM(responses=[first, SARAH])
        prompts: list[str] = []
        original = llm._call
        object.__setattr__(llm, "_call", lambda prompt, *a, **k: prompts.append(prompt) or original(prompt, *a, **k))
        graph = build_graph(tools=[get_email_address, compose_new_email, send_text],
                            settings=Settings(data_dir=path, lora_path=None, **settings), llm=llm, index=Judging())
        return graph.invoke({"messages": [("human", request)]}), prompts

    out, prompts = run(tmp_path / "on")
    assert len(prompts) == 2 and request_of(prompts[1]) == "Email Sarah Lee about the slides"
    assert [(t["tool"], t["args"].get("recipients")) for t in out["tasks"]] == [
        ("get_email_address", None), ("send_text", ["$1"]), ("compose_new_email", ["$1"])]  # one lookup of Sarah
    assert out["replans"] == 1
    out, prompts = run(tmp_path / "off", part_tool_sure=1.0)
    assert len(prompts) == 1 and [t["tool"] for t in out["tasks"]] == ["get_email_address", "send_text"]


def test_only_an_ask_that_stands_alone_and_a_tool_that_is_no_lookup_count_as_missing():
    from tinyagent.nodes.rules.parts import missing_asks
    from tinyagent.nodes.plans.planlang import Task

    asks = ["email eric mensah about the research results", "text him 'happy birthday!'"]
    tasks = [Task(1, "get_phone_number", {"name": "Eric Mensah"}),
             Task(2, "send_sms", {"recipients": ["$1"], "message": "Happy birthday!"}, (1,))]
    probs = [{"compose_new_email": 0.85, "get_email_address": 0.64},
             {"send_sms": 0.99, "reply_to_email": 0.9}]
    helpers = {"get_email_address", "get_phone_number"}
    assert missing_asks(asks, tasks, probs, helpers, 0.8) == [0]  # "text him" cannot be planned alone
    assert missing_asks(asks, tasks, probs, helpers, 0.9) == []   # not sure enough
    probs[0] = {"compose_new_email": 0.1, "get_email_address": 0.99}
    assert missing_asks(asks, tasks, probs, helpers, 0.8) == []   # a missing look-up is not an ask


def test_a_part_s_step_replaces_a_step_of_the_same_tool_whose_values_no_part_says(tmp_path):
    """byot-129: the first plan's goal of 27 steps speaks of no part; the part "set my step goal
    to 12000" planned alone replaces it instead of adding a second goal beside it."""
    from langchain_core.tools import tool

    @tool
    def set_step_goal(steps: int) -> str:
        """Set the daily step goal."""
        return f"Step goal set to {steps}."

    first = ('1. get_email_address(name="Sarah Lee")\n2. compose_new_email(recipients=["$1"], subject="Slides")\n'
             '3. set_step_goal(steps=27)\n4. join()<END_OF_PLAN>')
    llm = FakeListLLM(responses=[first, "1. set_step_goal(steps=12000)\n2. join()<END_OF_PLAN>"])
    graph = build_graph(tools=[get_email_address, compose_new_email, set_step_goal],
                        settings=Settings(data_dir=tmp_path, lora_path=None), llm=llm, index=AllToolsIndex())
    out = graph.invoke({"messages": [("human", "Email Sarah Lee about the slides. Then set my step goal to 12000.")]})
    assert calls(out) == [(1, "get_email_address", {"name": "Sarah Lee"}),
                          (2, "compose_new_email", {"recipients": ["$1"], "subject": "Slides"}),
                          (3, "set_step_goal", {"steps": 12000})]
    assert "12000" in out["answer"] and "27" not in out["answer"]
