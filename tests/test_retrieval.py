"""retrieve: a real Chroma index on disk of tool cards and solved examples, with offline embeddings."""

import json

from langchain_core.tools import StructuredTool, tool

import store.tool_index as ti
from nodes.specs import specs_for
from store.tool_index import ToolIndex, load_examples

EXAMPLES = [
    {"query": "Email Sarah the report", "tools": ["get_email_address", "compose_new_email"],
     "plan": '1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"])\n3. join()'},
    {"query": "Text Tom that I'm late", "tools": ["get_phone_number", "send_sms"],
     "plan": '1. get_phone_number(name="Tom")\n2. send_sms(recipients=["$1"], message="late")\n3. join()'},
    {"query": "Remind me to pay rent on Friday", "tools": ["create_reminder"],
     "plan": '1. create_reminder(name="pay rent", due_date="2026-11-27 09:00:00")\n2. join()'},
]


def test_retrieves_the_needed_tools_and_nearest_example(tmp_path, tools_workspace):
    from tools import default_tools
    specs = specs_for(default_tools(tools_workspace))
    index = ToolIndex(tmp_path / "store")
    assert index.sync_tools(specs.values())["added"] == len(specs)
    index.sync_examples(EXAMPLES)
    found = index.retrieve("Send a text message to Ana saying I'm on my way", list(specs), max_tools=5)
    assert {"send_sms", "get_phone_number"} <= set(found.tools) and len(found.tools) == 5
    assert found.examples[0]["query"] == "Text Tom that I'm late"
    found = index.retrieve("Show me directions to the airport", list(specs), max_tools=3)
    assert "maps_show_directions" in found.tools
    # only the tools a graph has are ever shown
    found = index.retrieve("Email Bob", ["create_note", "open_note"], max_tools=5)
    assert set(found.tools) <= {"create_note", "open_note"} and found.examples == []


def test_new_tool_is_indexed_and_found_without_examples(tmp_path):
    @tool
    def convert_currency(amount: float, from_currency: str, to_currency: str) -> str:
        """Convert an amount of money from one currency to another."""
        return "ok"

    from tests.fakes import compose_new_email, get_email_address
    index = ToolIndex(tmp_path)
    index.sync_examples(EXAMPLES)
    tools = [get_email_address, compose_new_email]
    index.sync_tools(specs_for(tools).values())
    counts = index.sync_tools(specs_for([*tools, convert_currency]).values())
    assert counts == {"added": 1, "updated": 0, "unchanged": 2}
    found = index.retrieve("How much is 20 euros in dollars?", ["get_email_address", "compose_new_email",
                                                                 "convert_currency"], max_tools=1)
    assert found.tools == ["convert_currency"]


def test_changed_tool_is_reembedded_and_persisted(tmp_path):
    def make(description):
        return StructuredTool.from_function(func=lambda city: city, name="weather", description=description)

    index = ToolIndex(tmp_path)
    index.sync_tools(specs_for([make("Weather forecast for a city.")]).values())
    again = ToolIndex(tmp_path)  # a new process: the index on disk is reused, not rebuilt
    assert again.sync_tools(specs_for([make("Weather forecast for a city.")]).values())["unchanged"] == 1
    assert again.sync_tools(specs_for([make("Today's weather and rain risk.")]).values())["updated"] == 1


def test_index_from_another_version_is_rebuilt(tmp_path, monkeypatch):
    from tests.fakes import get_email_address
    ToolIndex(tmp_path).sync_tools(specs_for([get_email_address]).values())
    monkeypatch.setattr(ti, "INDEX_VERSION", "cards-v2-test")
    index = ToolIndex(tmp_path)
    assert index.sync_tools(specs_for([get_email_address]).values())["added"] == 1


def test_shipped_examples_compile_against_the_default_tools(tools_workspace):
    from nodes.planlang import compile_plan
    from tools import default_tools
    specs = specs_for(default_tools(tools_workspace))
    examples = load_examples()
    assert len(examples) >= 100
    for ex in examples:
        tasks = compile_plan(ex["plan"], specs)
        assert sorted({t.tool for t in tasks}) == sorted(set(ex["tools"])), json.dumps(ex)
