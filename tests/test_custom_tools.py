"""A developer's own tools: names the plan language cannot write, nested arguments, what the planner
is shown about them (parameter notes, an example made from the schema), and the grammar's limits."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.messages import AIMessage, ToolMessage
from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field

from tests.fakes import AllToolsIndex, grammar_accepts
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.nodes.plans.grammar import MAX_STEPS, plan_grammar
from tinyagent.nodes.plans.planlang import PlanError, compile_plan
from tinyagent.nodes.plans.prompts import composed_example, param_notes, tool_block
from tinyagent.tools.specs import ToolSpec, plan_identifier, specs_for

CALLS: list[tuple[str, dict]] = []


def recorder(name: str, description: str, schema) -> StructuredTool:
    def run(**kwargs):
        CALLS.append((name, kwargs))
        return f"{name} ok"
    return StructuredTool.from_function(func=run, name=name, description=description, args_schema=schema)


class Fare(BaseModel):
    from_: str = Field(alias="from", description="IATA code of the departure airport, e.g. 'LHR'")
    to: str = Field(description="IATA code of the arrival airport")
    klass: str = Field("economy", alias="class", description="cabin: economy or business")


ORDER = {"type": "object", "required": ["items"], "properties": {
    "items": {"type": "array", "description": "what to order",
              "items": {"type": "object", "required": ["sku", "qty"],
                        "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}},
    "shipping": {"type": "string", "enum": ["standard", "express"]},
    "address": {"type": "object", "required": ["city"],
                "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}}}


def tools():
    return [
        recorder("math.factorial", "Compute n factorial.",
                 {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}),
        recorder("get-weather", "Get the weather in a city.\nTemperatures are in Celsius.",
                 {"type": "object", "required": ["city"], "properties": {
                     "city": {"type": "string"}, "_from": {"type": "string", "description": "first day, YYYY-MM-DD"}}}),
        recorder("flights.fare", "Find the cheapest fare.", Fare),
        recorder("shop.order", "Place an order.", ORDER),
    ]


def run(plan: str, tmp_path, request="do it"):
    CALLS.clear()
    g = build_graph(tools=tools(), settings=Settings(data_dir=tmp_path / "data", lora_path=None),
                    llm=FakeListLLM(responses=[plan]), index=AllToolsIndex())
    return g.invoke({"messages": [{"role": "user", "content": request}]}, context={"approve": "none"})


def test_plan_names_for_names_a_plan_cannot_write():
    assert [plan_identifier(n) for n in ["math.factorial", "get-weather", "class", "_from", "2fa", "join", "ok"]] \
        == ["math_factorial", "get_weather", "class_", "_from", "_2fa", "join_", "ok"]
    specs = specs_for(tools())
    assert set(specs) == {"math_factorial", "get_weather", "flights_fare", "shop_order"}
    fare = specs["flights_fare"]
    # the planner sees the alias (as a name it can write), the tool is called by the alias
    assert [p.name for p in fare.params] == ["from_", "to", "class_"]
    assert fare.tool_args({"from_": "LHR", "to": "JFK", "class_": "business"}) == {
        "from": "LHR", "to": "JFK", "class": "business"}
    assert "flights_fare(from_: str, to: str, class_: str = 'economy')" in tool_block([fare])


def test_renamed_tools_and_arguments_run_under_their_own_names(tmp_path):
    out = run('1. math_factorial(n=5)\n2. flights_fare(from_="LHR", to="JFK", class_="business")\n'
              '3. get_weather(city="Oslo", _from="2026-12-01")\n4. join()<END_OF_PLAN>', tmp_path,
              "5 factorial, a business fare LHR to JFK, and Oslo weather from 2026-12-01")
    # the tool is invoked by its aliases ("from", "class", which its schema validates) and its
    # function gets pydantic's field names, as with any LangChain tool
    assert sorted(CALLS, key=lambda c: c[0]) == [
        ("flights.fare", {"from_": "LHR", "to": "JFK", "klass": "business"}),
        ("get-weather", {"city": "Oslo", "_from": "2026-12-01"}),
        ("math.factorial", {"n": 5})]
    # the record a LangChain app reads names the tools and arguments as the app defined them
    [said] = [m for m in out["messages"] if isinstance(m, AIMessage) and m.tool_calls]
    assert {c["name"]: c["args"] for c in said.tool_calls}["flights.fare"] == {
        "from": "LHR", "to": "JFK", "class": "business"}
    assert {m.name for m in out["messages"] if isinstance(m, ToolMessage)} == {
        "math.factorial", "flights.fare", "get-weather"}


def test_two_tools_with_the_same_plan_name_are_refused_with_both_names(tmp_path):
    a = recorder("get-weather", "A.", {"type": "object", "properties": {}})
    b = recorder("get_weather", "B.", {"type": "object", "properties": {}})
    with pytest.raises(ValueError, match=r"get-weather \(get_weather\).*get_weather \(get_weather\).*rename"):
        build_graph(tools=[a, b], settings=Settings(data_dir=tmp_path / "d", lora_path=None),
                    llm=FakeListLLM(responses=["1. join()"]), index=AllToolsIndex())


def test_nested_objects_and_lists_of_objects_are_checked_and_passed_whole(tmp_path):
    specs = specs_for(tools())
    order = specs["shop_order"]
    assert "items: list[{sku: str, qty: int}]" in order.signature()
    assert "address: {city: str, zip?: str}" in order.signature()
    assert 'shipping: "standard"|"express"' in order.signature()
    good = '1. shop_order(items=[{"sku": "A1", "qty": 2}, {"sku": "B7", "qty": 1}], address={"city": "Oslo"})\n2. join()'
    assert compile_plan(good, specs)[0].args["items"][1] == {"sku": "B7", "qty": 1}
    for bad, why in [('items=[{"sku": "A1"}]', r"`items\[0\]` needs the key\(s\) qty"),
                     ('items=[{"sku": "A1", "qty": "2"}]', r"`items\[0\].qty` must be an integer"),
                     ('items=[], address={"town": "Oslo"}', "`address` has no key 'town'; its keys are city, zip"),
                     ('items=[], shipping="drone"', "`shipping` must be one of 'standard', 'express'")]:
        with pytest.raises(PlanError, match=why):
            compile_plan(f"1. shop_order({bad})\n2. join()", specs)
    run(good + "<END_OF_PLAN>", tmp_path)
    assert CALLS == [("shop.order", {"items": [{"sku": "A1", "qty": 2}, {"sku": "B7", "qty": 1}],
                                     "address": {"city": "Oslo"}})]


def test_parameter_notes_say_what_the_signature_cannot_within_a_budget():
    specs = specs_for(tools())
    fare_notes = param_notes(specs["flights_fare"])
    assert "from_: IATA code of the departure airport, e.g. 'LHR'" in fare_notes
    # the rest of the description reaches the planner too
    assert "Temperatures are in Celsius" in param_notes(specs["get_weather"])
    # a description that only repeats the name adds nothing, and a long one is cut
    spec = ToolSpec.from_json_schema("t", "Set a title.", {"properties": {
        "title": {"type": "string", "description": "The title."},
        "body": {"type": "string", "description": " ".join(["word"] * 40) + " unique words here"}}})
    notes = param_notes(spec)
    assert "title:" not in notes and notes.endswith("...") and len(notes.split()) <= 24


def test_an_example_made_from_the_schema_when_no_stored_one_fits(tmp_path):
    specs = specs_for(tools())
    made = composed_example(specs["flights_fare"])
    assert made["query"] == "find the cheapest fare: from LHR, to Bravo"
    tasks = compile_plan(made["plan"], specs)
    assert tasks[0].tool == "flights_fare" and tasks[0].args["from_"] == "LHR"  # the description's own example
    assert composed_example(specs["shop_order"]) is None  # nested arguments: no honest one-line request
    # the graph shows it: the prompt the model got carries the example of its likeliest tool
    seen: list[str] = []

    class Spy(FakeListLLM):
        def _call(self, prompt, *args, **kwargs):
            seen.append(prompt)
            return super()._call(prompt, *args, **kwargs)

    g = build_graph(tools=tools()[:3], settings=Settings(data_dir=tmp_path / "d", lora_path=None),
                    llm=Spy(responses=["1. join()<END_OF_PLAN>"]), index=AllToolsIndex())
    g.invoke({"messages": [{"role": "user", "content": "what is 5 factorial"}]})
    assert "Examples:\nRequest: " in seen[0] and "1. flights_fare(from_=\"LHR\"" in seen[0]


def test_a_request_of_many_asks_gets_room_for_a_longer_plan():
    from tinyagent.nodes.plans.grammar import PLAN_STEPS, steps_for
    from tinyagent.store.tool_classifier import clauses
    specs = specs_for(tools())
    assert PLAN_STEPS == 8 and MAX_STEPS == 12
    assert [steps_for(n) for n in (1, 4, 5, 6, 9)] == [8, 8, 10, 12, 12]
    six = "get the weather in Oslo; and Rome; then Paris; also Lima; then Kyiv; and Quito"
    assert steps_for(len(clauses(six))) == 12
    grammar = plan_grammar(specs.values(), max_steps=12)
    assert '"13. join()<END_OF_PLAN>"' in grammar and '"9. join()<END_OF_PLAN>"' in plan_grammar(specs.values())
    plan = "\n".join(f"{i}. math_factorial(n={i})" for i in range(1, 11)) + "\n11. join()"
    assert len(compile_plan(plan, specs)) == 10


def test_the_grammar_takes_nested_values_and_refuses_none_and_unknown_enum_values():
    llama_cpp = pytest.importorskip("llama_cpp")
    settings = Settings()
    if not settings.model_path.exists():
        pytest.skip("the default model is not installed")
    vocab = llama_cpp.Llama(str(settings.model_path), vocab_only=True, verbose=False)
    specs = specs_for(tools())
    gbnf = plan_grammar(specs.values())

    def accepts(text: str) -> bool:
        return grammar_accepts(vocab, gbnf, text, special=True)

    assert accepts('1. shop_order(items=[{"sku": "A1", "qty": 2}], shipping="express", address={"city": "Oslo"})\n'
                   '2. flights_fare(from_="LHR", to="JFK")\n3. join()<END_OF_PLAN>')
    assert not accepts('1. shop_order(items=[{"qty": 2}])')  # a required key left out
    assert not accepts('1. shop_order(items=[], shipping="drone")')
    assert not accepts('1. flights_fare(from_="LHR", to="JFK", class_=None)')
    assert not accepts('1. math.factorial(n=3)')
    # money in text; a "$K" in a string only for an earlier step
    assert accepts('1. get_weather(city="the $20 hostel, $13.50 a taxi, $ signs")\n2. join()<END_OF_PLAN>')
    # ... but money is never a whole value, which compile_plan reads as a reference to step 20
    assert not accepts('1. get_weather(city="$20")')
    assert accepts('1. get_weather(city="$20 a night")\n2. join()<END_OF_PLAN>')
    assert not accepts('1. get_weather(city="$2.50 a coffee")')  # could be read as step 2: not writable
    assert not accepts('1. math_factorial(n=3)\n2. get_weather(city="see $2.1")')
    assert accepts('1. math_factorial(n=3)\n2. get_weather(city="near $1")\n3. join()<END_OF_PLAN>')
    assert not accepts('1. get_weather(city="see $2")')
    # an earlier step's "$1" with a digit right after it would be the whole value "$15" (step 15)
    assert not accepts('1. math_factorial(n=3)\n2. get_weather(city="$15")')
    assert accepts('1. math_factorial(n=3)\n2. get_weather(city="$15 a night")\n3. join()<END_OF_PLAN>')
    assert accepts('1. math_factorial(n=3)\n2. get_weather(city="$1")\n3. join()<END_OF_PLAN>')
    assert accepts('1. math_factorial(n=3)\n2. get_weather(city="$1, twice")\n3. join()<END_OF_PLAN>')
    # a whole "$K" may name a later step (compile_plan puts it first); a step never names itself
    assert accepts('1. get_weather(city="$2")\n2. math_factorial(n=3)\n3. join()<END_OF_PLAN>')
    assert not accepts('1. get_weather(city="$1")')
    assert not accepts('1. math_factorial(n=3)\n2. get_weather(city="$2")')
    # ... but only where a string goes: in a number's place an opening quote is not the start of one
    assert not accepts('1. math_factorial(n="$2")')
    assert accepts('1. get_weather(city="Oslo")\n2. math_factorial(n="$1")\n3. join()<END_OF_PLAN>')
    # ... and never one the request writes as money ("request $2 from @omar": "$2" is the amount)
    from tinyagent.nodes.plans.grammar import money_amounts
    gbnf = plan_grammar(specs.values(), money=money_amounts("request $2 from @omar, not $3.50"))
    assert money_amounts("request $2 from @omar, not $3.50") == {2}
    assert not accepts('1. get_weather(city="$2")')
    assert accepts('1. get_weather(city="$3")\n2. math_factorial(n=3)\n3. join()<END_OF_PLAN>')
    assert not accepts('1. math_factorial(n=3)\n2. get_weather(city="see $2 and $3")')


def test_a_request_far_from_every_custom_tool_gets_the_empty_plan_without_the_model(tmp_path):
    """A real index on disk: with only the app's own tools (none the classifier knows), a question
    unlike each tool's description is declined; one that fits reaches the planner, and so does an errand
    (the planner judges it: on held-out tool sets such errands were mostly requests a tool serves)."""
    from tinyagent.graph.graph import open_index

    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    weather = recorder("get_forecast", "Get the weather forecast for a city.",
                       {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}})
    fx = recorder("convert_currency", "Convert an amount of money between currencies.",
                  {"type": "object", "required": ["amount", "source", "target"], "properties": {
                      "amount": {"type": "number"}, "source": {"type": "string"}, "target": {"type": "string"}}})
    asked: list[str] = []

    class Spy(FakeListLLM):
        def _call(self, prompt, *args, **kwargs):
            asked.append(prompt)
            return super()._call(prompt, *args, **kwargs)

    plan = '1. get_forecast(city="Oslo")\n2. join()<END_OF_PLAN>'
    g = build_graph(tools=[weather, fx], settings=settings, llm=Spy(responses=[plan]), index=open_index(settings))
    out = g.invoke({"messages": [{"role": "user", "content": "what rhymes with orange?"}]},
                   context={"dry_run": True})
    assert out["tasks"] == [] and asked == []  # declined before the model was asked
    out = g.invoke({"messages": [{"role": "user", "content": "will it rain in Oslo tomorrow?"}]},
                   context={"dry_run": True})
    assert [t["tool"] for t in out["tasks"]] == ["get_forecast"] and len(asked) == 1
    # an errand as far from every card reaches the planner, which may decline it itself
    g.invoke({"messages": [{"role": "user", "content": "write me a haiku about my cat"}]}, context={"dry_run": True})
    assert len(asked) == 2
    # 0 turns it off
    off = build_graph(tools=[weather, fx], settings=settings.model_copy(update={"unknown_decline_below": 0.0}),
                      llm=Spy(responses=["1. join()<END_OF_PLAN>"]), index=open_index(settings))
    off.invoke({"messages": [{"role": "user", "content": "what rhymes with orange?"}]}, context={"dry_run": True})
    assert len(asked) == 3


def test_an_action_none_of_your_tools_names_is_declined_and_the_answer_says_which(tmp_path):
    """A real index on disk: with a contractors app's own tools, "pay the electrician's invoice" asks for an action
    no tool's name or description has: declined before the model, the answer naming the action; a request to do
    what a tool says it does ("ask a plumber for a quote") reaches the planner."""
    from tinyagent.graph.graph import open_index

    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    quote = recorder("request_quote", "Ask a contractor for a quote for a job.",
                     {"type": "object", "required": ["contractor", "job"], "properties": {
                         "contractor": {"type": "string"}, "job": {"type": "string"}}})
    rate = recorder("rate_contractor", "Rate a contractor from 1 to 5 stars after a job.",
                    {"type": "object", "required": ["contractor", "stars"], "properties": {
                        "contractor": {"type": "string"}, "stars": {"type": "integer"}}})
    asked: list[str] = []

    class Spy(FakeListLLM):
        def _call(self, prompt, *args, **kwargs):
            asked.append(prompt)
            return super()._call(prompt, *args, **kwargs)

    plan = '1. request_quote(contractor="plumber", job="fix the tap")\n2. join()<END_OF_PLAN>'
    g = build_graph(tools=[quote, rate], settings=settings, llm=Spy(responses=[plan]), index=open_index(settings))
    out = g.invoke({"messages": [{"role": "user", "content": "pay the electrician's invoice"}]}, context={"approve": "none"})
    assert out["tasks"] == [] and asked == [] and "none of my tools can pay" in out["answer"]
    out = g.invoke({"messages": [{"role": "user", "content": "ask a plumber for a quote to fix the tap"}]},
                   context={"dry_run": True})
    assert [t["tool"] for t in out["tasks"]] == ["request_quote"] and len(asked) == 1


def test_one_of_your_tools_the_fit_is_very_sure_of_is_planned_not_declined(tmp_path):
    """Where the fit of store/own_tools.py gives one of your tools at least ``own_plan_above`` ("which bookings have
    i got coming up?": list_bookings), the question is not declined for its distance from every card and the first
    plan may not be empty; below it, it is declined as before; 0 turns it off."""
    from tinyagent.store.tool_index import Retrieved

    bookings = recorder("list_bookings", "List your bookings.", {"type": "object", "properties": {}})
    cancel = recorder("cancel_booking", "Cancel a booking.",
                      {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}})

    class FitIndex:  # far from every card (similarity 0.1), the fit as given
        def __init__(self, fit):
            self.fit = fit

        def retrieve(self, query, available, max_tools=5, n_examples=1, k_examples=4, match_above=0.0, prefer=()):
            return Retrieved(sorted(available), [], {n: 0.1 for n in available},
                             similarity={n: 0.1 for n in available}, own_fit=dict(self.fit))

    def retrieved(fit, **settings):
        g = build_graph(tools=[bookings, cancel], settings=Settings(data_dir=tmp_path / "data", lora_path=None, **settings),
                        llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"]), index=FitIndex(fit))
        for update in g.stream({"messages": [{"role": "user", "content": "which bookings have i got coming up?"}]},
                               context={"dry_run": True}, stream_mode="updates"):
            if "retrieve" in update:
                return update["retrieve"]["nothing_fits"], update["retrieve"]["must_plan"]
    assert retrieved({"list_bookings": 0.8, "cancel_booking": 0.1}) == (False, True)
    assert retrieved({"list_bookings": 0.5, "cancel_booking": 0.1}) == (True, False)
    assert retrieved({"list_bookings": 0.8, "cancel_booking": 0.1}, own_plan_above=0.0) == (True, False)


def test_a_request_close_to_one_of_your_tools_may_not_get_the_empty_plan(tmp_path):
    """A real index on disk: a request very like a custom tool's description marks the first plan
    as one that may not be empty (the planner's join() is refused at step 1); a request that is
    only loosely related, or a follow-up, does not."""
    from tinyagent.graph.graph import open_index

    settings = Settings(data_dir=tmp_path / "data", lora_path=None, unknown_plan_above=0.45)
    water = recorder("water_plants", "Water the plants in a zone of the garden for some minutes.",
                     {"type": "object", "required": ["zone"], "properties": {
                         "zone": {"type": "string"}, "minutes": {"type": "integer"}}})
    lock = recorder("lock_door", "Lock a door of the house.",
                    {"type": "object", "required": ["door"], "properties": {"door": {"type": "string"}}})
    g = build_graph(tools=[water, lock], settings=settings, llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4),
                    index=open_index(settings))

    def must_plan(graph, text):
        for update in graph.stream({"messages": [{"role": "user", "content": text}]}, context={"dry_run": True},
                                   stream_mode="updates"):
            if "retrieve" in update:
                return update["retrieve"]["must_plan"]
    assert must_plan(g, "water the plants in the back garden for 10 minutes") is True
    assert must_plan(g, "what a lovely sunny day it is") is False
    # (own_plan_above, the fit's own switch, would hold this request to a plan too: off here, to test this one)
    off = build_graph(tools=[water, lock], settings=settings.model_copy(update={"unknown_plan_above": 0.0,
                                                                                 "own_plan_above": 0.0}),
                      llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"]), index=open_index(settings))
    assert must_plan(off, "water the plants in the back garden") is False
    assert Settings().unknown_plan_above == 0.0  # off unless asked for


def test_dollar_amounts_in_text_are_text_and_references_still_work(tmp_path):
    from tests.fakes import compose_new_email, get_email_address
    from tinyagent.nodes.execute import substitute
    specs = specs_for([get_email_address, compose_new_email])
    [look, mail] = compile_plan('1. get_email_address(name="Ana")\n2. compose_new_email(recipients=["$1"], '
                                'context="you owe me $20 for $1, plus $15.50 tip")\n3. join()', specs)
    assert mail.deps == (1,)
    assert substitute(mail.args, {1: "ana@example.com"})["context"] == \
        "you owe me $20 for ana@example.com, plus $15.50 tip"
    # a whole reference past the plan, or a later step's number in text, is still a wrong plan
    with pytest.raises(PlanError, match=r"\$20 does not refer to an earlier step"):
        compile_plan('1. compose_new_email(recipients=["$20"])\n2. join()', specs)
    with pytest.raises(PlanError, match=r"\$2 does not refer to an earlier step"):
        compile_plan('1. compose_new_email(recipients=["x"], context="see $2")\n2. get_email_address(name="A")\n'
                     '3. join()', specs)


def test_a_date_a_tool_wants_in_its_layout_is_written_in_it_by_rule(tmp_path):
    from tinyagent.tools import clock
    schema = {"type": "object", "required": ["when", "day"], "properties": {
        "when": {"type": "string", "description": "start, YYYY-MM-DD HH:MM"},
        "day": {"type": "string", "format": "date"},
        "at": {"type": "string", "format": "date-time"},
        "time": {"type": "string", "description": "local time, HH:MM (24 h)"},
        "note": {"type": "string", "description": "free text"}}}
    specs = specs_for([recorder("book_slot", "Book a slot.", schema)])
    assert [p.layout for p in specs["book_slot"].params] == ["%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S",
                                                            "%H:%M", ""]
    plan = ('1. book_slot(when="2026-12-04 at 10:30", day="next friday", at="tomorrow at 3pm", time="8:30am", '
            'note="tomorrow at 3pm")\n2. join()')
    with clock.use_today("2026-11-30"):
        [task] = compile_plan(plan, specs)
    assert task.args == {"when": "2026-12-04 10:30", "day": "2026-12-04", "at": "2026-12-01T15:00:00",
                         "time": "08:30", "note": "tomorrow at 3pm"}
    # words that name no time stay as written (the tool's own validation answers)
    with clock.use_today("2026-11-30"):
        [task] = compile_plan('1. book_slot(when="whenever", day="soonish")\n2. join()', specs)
    assert task.args == {"when": "whenever", "day": "soonish"}
    # through the graph, the run's today applies
    out = build_graph(tools=[recorder("book_slot", "Book a slot.", schema)],
                      settings=Settings(data_dir=tmp_path / "d", lora_path=None),
                      llm=FakeListLLM(responses=['1. book_slot(when="tmrw 9am", day="today")\n2. join()<END_OF_PLAN>']),
                      index=AllToolsIndex()).invoke({"messages": [{"role": "user", "content": "book it"}]},
                                                    context={"dry_run": True, "today": "2027-02-27"})
    assert out["tasks"][0]["args"] == {"when": "2027-02-28 09:00", "day": "2027-02-27"}


def test_a_layout_the_tool_description_gives_a_parameter_is_used_too():
    """"send_at is an ISO 8601 date-time like ...": said of the parameter in the tool's description,
    not in its own; a clause that only mentions another parameter's name says nothing of it."""
    from tinyagent.tools import clock
    schema = {"type": "object", "required": ["campaign", "send_at"], "properties": {
        "campaign": {"type": "string"}, "send_at": {"type": "string"}, "tz": {"type": "string"}}}
    desc = ("Schedule a campaign. send_at is an ISO 8601 date-time like 2026-12-01T09:00:00 in the "
            "campaign's time zone; tz in IANA form.")
    specs = specs_for([recorder("campaign_schedule", desc, schema)])
    assert {p.name: p.layout for p in specs["campaign_schedule"].params} == {
        "campaign": "", "send_at": "%Y-%m-%dT%H:%M:%S", "tz": ""}
    with clock.use_today("2026-11-30"):
        [task] = compile_plan('1. campaign_schedule(campaign="CMP-88", send_at="2026-12-01 at 9am")\n2. join()', specs)
    assert task.args["send_at"] == "2026-12-01T09:00:00"


def test_a_tool_of_your_own_that_is_clearly_one_asks_tool_must_be_called(tmp_path):
    """A real index on disk: a clause whose closest tool of your own is clearly that one (and no
    project tool the classifier knows is likely for it) makes that tool required for the first plan;
    a request no tool of yours fits, a project tool's request, a follow-up, or 0 require nothing."""
    from tinyagent.graph.graph import open_index

    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    water = recorder("water_plants", "Water the plants in a zone of the garden for some minutes.",
                     {"type": "object", "required": ["zone"], "properties": {
                         "zone": {"type": "string"}, "minutes": {"type": "integer"}}})
    lock = recorder("lock_door", "Lock a door of the house.",
                    {"type": "object", "required": ["door"], "properties": {"door": {"type": "string"}}})
    from tinyagent.tools import ToolConfig, default_tools, init_workspace
    project = default_tools(init_workspace(tmp_path / "ws"), ToolConfig())
    tools = [water, lock, *project]

    def required(graph, text, messages=()):
        for update in graph.stream({"messages": [*messages, {"role": "user", "content": text}]},
                                   context={"dry_run": True}, stream_mode="updates"):
            if "retrieve" in update:
                return sorted(update["retrieve"]["required_own"])  # (rule own_tools_required)
    g = build_graph(tools=tools, settings=settings, llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 8),
                    index=open_index(settings))
    assert required(g, "Lock up the garage") == ["lock_door"]
    assert required(g, "water the plants in the bedroom, then lock the front door") == ["lock_door", "water_plants"]
    assert "lock_door" not in required(g, "text Ana that I'm on my way") and \
        "water_plants" not in required(g, "text Ana that I'm on my way")
    assert required(g, "what a lovely sunny day it is") == []
    assert required(g, "and the back door too", [{"role": "user", "content": "lock the garage"},
                                                 {"role": "assistant", "content": "Locked."}]) == []
    off = build_graph(tools=tools, settings=settings.model_copy(update={"match_unknown_above": 0.0}),
                      llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"]), index=open_index(settings))
    assert required(off, "Lock up the garage") == []


@pytest.mark.parametrize("query, question", [
    ("is chocolate actually that bad for dogs? mine just ate a brownie", True),
    ("whats the wifi password at camden", True),
    ("new pw 32 chars no symbols", False),
    ("could you look for a dog walker in Clapham, please?", False),  # a polite errand
    ("I am looking for a gardener in Kenilworth.", False),
])
def test_a_question_is_told_from_an_errand(query, question):
    from tinyagent.nodes.retrieve import asks_a_question

    assert asks_a_question(query) is question
