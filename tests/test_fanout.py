"""One call per value the request lists for it (nodes/rules/fanout.py)."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.tools import StructuredTool

from tests.fakes import AllToolsIndex
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.nodes.rules.fanout import fan_out, form, listed_after
from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.tools.specs import specs_for

CALLS: list[tuple[str, dict]] = []


def tool(name: str, props: dict, required=()) -> StructuredTool:
    def run(**kwargs):
        CALLS.append((name, kwargs))
        return f"{name} {kwargs}"
    schema = {"type": "object", "properties": props, "required": list(required)}
    return StructuredTool.from_function(func=run, name=name, description=f"{name}.", args_schema=schema)


TOOLS = [
    tool("close_issue", {"key": {"type": "string"}}, ["key"]),
    tool("lights_off", {"room": {"type": "string"}}, ["room"]),
    tool("rainfall", {"city": {"type": "string"}, "date": {"type": "string"}}, ["city", "date"]),
    tool("standings", {"league": {"type": "string", "enum": ["nba", "nhl", "nfl"]}}, ["league"]),
    tool("lookup_phone", {"name": {"type": "string"}}, ["name"]),
    tool("text", {"to": {"type": "string"}, "message": {"type": "string"}}, ["to", "message"]),
    tool("save_note", {"title": {"type": "string"}, "content": {"type": "string"}}, ["title", "content"]),
]
SPECS = specs_for(TOOLS)


def repeated(plan: str, request: str) -> list[str] | None:
    out = fan_out(compile_plan(plan, SPECS), SPECS, request)
    return None if out is None else [t.line for t in out]


def test_values_of_the_same_form_listed_after_the_one_planned():
    assert listed_after("OPS-11", "close OPS-11, OPS-12 and OPS-15 please") == ["OPS-12", "OPS-15"]
    assert listed_after("kitchen", "lights off in the kitchen, the hallway and the office") == ["hallway", "office"]
    assert listed_after("2026-07-04", "rain in Lima on 2026-07-04 and on 2025-07-04?") == ["2025-07-04"]
    assert listed_after("Yuki Tanaka", "numbers of Yuki Tanaka and Lucas Martin") == ["Lucas Martin"]
    assert listed_after("Ideas", "a note called Ideas and remind me at 5") == []  # another ask, not a value
    assert listed_after("paris", "rain in paris and remind me to pack") == []
    # commas alone join clauses, not values: "Hackathon, Saturday 10am", "by friday eod, its high priority"
    assert listed_after("Hackathon", "an event: Hackathon, Saturday 10am to Sunday 6pm, at the Hub") == []
    assert listed_after("friday eod", "remind me by friday eod, its high priority") == []
    assert form("OPS-1187") == "A-9" and form("2026-07-04") == "9-9-9"
    # the next ask, not a value: a verb starts it, or commas alone lead to it
    assert listed_after("risotto", "calories in risotto, and also do not disturb for 1 hour") == []
    assert listed_after("office supplies", "I spent 250 on office supplies, record it, and make a playlist") == []
    # the list ends at its last value after "and"
    assert listed_after("OPS-11", "close OPS-11 and OPS-12, OPS-15 stays open") == ["OPS-12"]



def test_values_listed_before_the_one_planned_when_it_is_the_last():
    from tinyagent.nodes.rules.fanout import listed_before
    assert listed_before("office", "lights off in the kitchen, the hallway and the office") == ["kitchen", "hallway"]
    assert listed_before("2026-12-03", "delivery windows on 2026-12-02 and on 2026-12-03") == ["2026-12-02"]
    assert listed_before("OPS-15", "close OPS-11, OPS-12 and OPS-15 please") == ["OPS-11", "OPS-12"]
    # not the last of a list, or no list
    assert listed_before("OPS-12", "close OPS-11, OPS-12 and OPS-15 please") == []
    assert listed_before("garage", "lock the garage") == []
    assert listed_before("Lisbon", "flights from Porto to Lisbon") == []


@pytest.mark.parametrize("request_, plan, want", [
    ("close OPS-11 and OPS-12", '1. close_issue(key="OPS-11")\n2. join()',
     ['1. close_issue(key="OPS-11")', '2. close_issue(key="OPS-12")']),
    ("lights off in the kitchen, the hallway and the office", '1. lights_off(room="kitchen")\n2. join()',
     ['1. lights_off(room="kitchen")', '2. lights_off(room="hallway")', '3. lights_off(room="office")']),
    # the plan took the list's last value
    ("lights off in the kitchen, the hallway and the office", '1. lights_off(room="office")\n2. join()',
     ['1. lights_off(room="office")', '2. lights_off(room="kitchen")', '3. lights_off(room="hallway")']),
    ("nba and nhl standings", '1. standings(league="nba")\n2. join()',
     ['1. standings(league="nba")', '2. standings(league="nhl")']),
    # a later step's references follow the renumbering
    ("rain in Lima on 2026-07-04 and on 2025-07-04, and text Ana's number: Ana",
     '1. rainfall(city="Lima", date="2026-07-04")\n2. lookup_phone(name="Ana")\n3. text(to="$2", message="hi")\n4. join()',
     ['1. rainfall(city="Lima", date="2026-07-04")', '2. rainfall(city="Lima", date="2025-07-04")',
      '3. lookup_phone(name="Ana")', '4. text(to="$3", message="hi")']),
])
def test_a_call_is_repeated_for_each_listed_value(request_, plan, want):
    assert repeated(plan, request_) == want


@pytest.mark.parametrize("request_, plan", [
    # a step uses its result: what the repeat would feed is not clear
    ("text Yuki Tanaka and Lucas Martin hi", '1. lookup_phone(name="Yuki Tanaka")\n2. text(to="$1", message="hi")\n3. join()'),
    # already called for each
    ("close OPS-11 and OPS-12", '1. close_issue(key="OPS-11")\n2. close_issue(key="OPS-12")\n3. join()'),
    # free text is one value
    ("save a note Groceries: milk and eggs", '1. save_note(title="Groceries", content="milk")\n2. join()'),
    # a listed value that is not allowed, or one another step already uses
    ("nba and mlb standings", '1. standings(league="nba")\n2. join()'),
    ("call Ana and Bo", '1. lookup_phone(name="Ana")\n2. lookup_phone(name="Bo")\n3. join()'),
])
def test_nothing_is_repeated_where_the_list_is_not_clear(request_, plan):
    assert repeated(plan, request_) is None


def test_every_listed_value_runs_and_the_plan_shows_it(tmp_path):
    CALLS.clear()
    g = build_graph(tools=TOOLS, settings=Settings(data_dir=tmp_path / "data", lora_path=None),
                    llm=FakeListLLM(responses=['1. close_issue(key="OPS-11")\n2. join()']), index=AllToolsIndex())
    out = g.invoke({"messages": [{"role": "user", "content": "close OPS-11 and OPS-12"}]}, context={"approve": "none"})
    assert sorted(c[1]["key"] for c in CALLS) == ["OPS-11", "OPS-12"]
    assert 'close_issue(key="OPS-12")' in out["plan"]


def test_choices_a_request_lists_for_one_argument_are_one_call_each():
    # dev9-domains: "how much flat fix on kids bike and on a city bike" was planned for the kids bike only
    quote = specs_for([tool("get_quote", {"service": {"type": "string", "enum": ["flat_fix", "tune_up"]},
                                          "bike_type": {"type": "string", "enum": ["road", "city", "kids"]}}, ["service"])])
    def fanned(plan, request_):
        out = fan_out(compile_plan(plan, quote), quote, request_)
        return None if out is None else [t.line for t in out]
    assert fanned('1. get_quote(service="flat_fix", bike_type="kids")\n2. join()',
                  "how much flat fix on kids bike and on a city bike") == [
        '1. get_quote(service="flat_fix", bike_type="kids")', '2. get_quote(service="flat_fix", bike_type="city")']
    assert fanned('1. get_quote(service="tune_up", bike_type="road")\n2. join()',
                  "tune up for my road bike, or city bike? whichever is cheaper")[1].endswith('bike_type="city")')
    # two choices not listed together ("not the kids one, the city one") or only one named: left alone
    assert fanned('1. get_quote(service="flat_fix", bike_type="city")\n2. join()',
                  "flat fix, not for the kids bike, for the city bike") is None
    assert fanned('1. get_quote(service="flat_fix", bike_type="city")\n2. join()', "flat fix on my city bike") is None
