"""Solved plans over other domains shown for a developer's own tools: a corpus plan with the graph's
tool and argument names swapped in, the composed example where none maps, and the setting that
switches it off."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.tools import StructuredTool

from tinyagent.finetune.corpus import CORPUS_DIR, read_rows, read_toolsets
from tinyagent.finetune.domains import bank_row
from tinyagent.graph.graph import build_graph, open_index
from tinyagent.graph.settings import Settings
from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.nodes.plans.prompts import mapped_example
from tinyagent.store.domain_examples import DOMAIN_EXAMPLES_FILE, DomainBank, example_texts, save_vectors
from tinyagent.store.embeddings import get_embedder
from tinyagent.tools.specs import specs_for


def tool(name: str, description: str, schema: dict) -> StructuredTool:
    return StructuredTool.from_function(func=lambda **kw: f"{name} ok", name=name, description=description,
                                        args_schema=schema)


OUTLOOK = tool("weather_outlook", "Weather forecast for a city over the coming days.", {
    "type": "object", "required": ["city"], "properties": {
        "city": {"type": "string", "description": "The city, e.g. 'Porto'."},
        "n_days": {"type": "integer", "description": "How many days ahead to forecast."}}})
FX = tool("convert_currency", "Convert an amount of money between currencies.", {
    "type": "object", "required": ["amount", "source", "target"], "properties": {
        "amount": {"type": "number"}, "source": {"type": "string"}, "target": {"type": "string"}}})
ROCKET = tool("launch_rocket", "Launch a rocket from a pad with a payload.", {
    "type": "object", "required": ["pad", "payload_kg"], "properties": {
        "pad": {"type": "string", "description": "Launch pad code, e.g. 'LC-39A'."},
        "payload_kg": {"type": "integer", "description": "Payload mass in kilograms."}}})


@pytest.fixture(scope="module")
def weather_bank(tmp_path_factory):
    """A bank written from the corpus's weather-service rows (t1), as `finetune domains` writes it."""
    sets = read_toolsets(sorted(CORPUS_DIR.glob("*toolsets*.json")))
    rows = [r for r in read_rows(CORPUS_DIR / "t1.jsonl") if r.get("toolset") == "t1_weather" and not r["decline"]]
    bank = [b for b in (bank_row(r, sets["t1_weather"]) for r in rows) if b]
    path = tmp_path_factory.mktemp("bank") / "bank.jsonl"
    path.write_text("".join(json.dumps(b) + "\n" for b in bank), encoding="utf-8")
    texts = list(dict.fromkeys(t for b in bank for t in example_texts(b)))
    save_vectors(texts, get_embedder().embed(texts), path.with_suffix(".npz"))
    return path


def prompt_of(tmp_path, tools, request: str, **settings) -> str:
    seen: list[str] = []

    class Spy(FakeListLLM):
        def _call(self, prompt, *args, **kwargs):
            seen.append(prompt)
            return super()._call(prompt, *args, **kwargs)

    s = Settings(data_dir=tmp_path / "data", lora_path=None, **settings)
    g = build_graph(tools=tools, settings=s, llm=Spy(responses=["1. join()<END_OF_PLAN>"] * 3), index=open_index(s))
    g.invoke({"messages": [{"role": "user", "content": request}]}, context={"dry_run": True})
    return seen[0]


def example_plan(prompt: str) -> str:
    block = prompt.split("Examples:\nRequest: ", 1)[1]
    return block.split("\n", 1)[1].split("<END_OF_PLAN>")[0] + "<END_OF_PLAN>"


def test_a_corpus_plan_is_shown_with_your_tool_and_argument_names_and_compiles(tmp_path, weather_bank):
    prompt = prompt_of(tmp_path, [OUTLOOK, FX], "4 day forecast for porto and lisbon", domain_bank=weather_bank,
                       domain_examples=True)
    plan = example_plan(prompt)
    tasks = compile_plan(plan, specs_for([OUTLOOK, FX]))  # compiles against the graph's own schemas
    # the shape of the corpus's "3 day forecast for oslo and bergen": the same call twice, in parallel
    assert [t.tool for t in tasks] == ["weather_outlook", "weather_outlook"] and all(not t.deps for t in tasks)
    assert {k for t in tasks for k in t.args} == {"city", "n_days"}  # location -> city, days -> n_days
    assert "get_forecast" not in prompt and "location=" not in prompt


def test_a_rewrite_that_does_not_compile_is_given_up():
    specs = specs_for([OUTLOOK, FX])
    plan = '1. get_forecast(location="oslo", days=3)\n2. join()<END_OF_PLAN>'
    good = mapped_example("3 day forecast for oslo", plan, {"get_forecast": "weather_outlook"},
                          {"get_forecast": {"location": "city", "days": "n_days"}}, specs)
    assert good["plan"] == '1. weather_outlook(city="oslo", n_days=3)\n2. join()<END_OF_PLAN>'
    # "oslo" cannot be an amount, and an argument the mapping does not name cannot be written
    assert mapped_example("x", plan, {"get_forecast": "convert_currency"},
                          {"get_forecast": {"location": "amount", "days": "source"}}, specs) is None
    assert mapped_example("x", plan, {"get_forecast": "weather_outlook"},
                          {"get_forecast": {"location": "city"}}, specs) is None


def test_tools_no_example_maps_onto_get_the_example_made_from_the_schema(tmp_path, weather_bank):
    bank = DomainBank.load(weather_bank)
    embed = get_embedder().embed
    specs = specs_for([ROCKET])
    request = "launch a rocket from LC-39A"
    assert list(bank.mappings(request, embed([request])[0], specs, list(specs), embed)) == []
    prompt = prompt_of(tmp_path, [ROCKET, FX], "launch a rocket from pad LC-39A with 400 kg",
                       domain_bank=weather_bank, domain_examples=True)
    assert "launch_rocket(pad=\"LC-39A\", payload_kg=3)" in example_plan(prompt)  # composed_example's


def test_the_setting_switches_it_off(tmp_path, weather_bank):
    off = prompt_of(tmp_path, [OUTLOOK, FX], "4 day forecast for porto and lisbon", domain_bank=weather_bank,
                    domain_examples=False)
    assert example_plan(off) == '1. weather_outlook(city="Porto")\n2. join()<END_OF_PLAN>'  # composed_example's
    assert Settings().domain_examples is False  # off by default: it did not plan more requests right


def test_the_shipped_bank_covers_the_corpus_other_domains():
    bank = DomainBank.load(DOMAIN_EXAMPLES_FILE)
    # the corpus's 65 tool sets and the 70 of the read development sets (finetune/domains.py DEV_DOMAIN_FILES)
    assert len(bank.rows) > 1800 and len({r["toolset"] for r in bank.rows}) == 135
    from tinyagent.finetune.domains import DEV_DOMAIN_FILES, dev_domain_rows, domain_rows
    assert {r["toolset"] for r in bank.rows} == set(domain_rows()[1]) | set(dev_domain_rows()[1])  # no other set
    assert all("blind" not in p.name for p in DEV_DOMAIN_FILES)
