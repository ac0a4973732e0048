"""The bring-your-own-tools benchmark's frozen data is consistent, and its scoring rules hold (no model)."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import byot  # noqa: E402

TOOLSETS = byot.load_toolsets()
CASES = byot.load_cases()


def _key(name: str) -> str:
    """A name as a planner might spell it: get-weather, get.weather and Get_Weather are one name."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def test_counts():
    assert len(TOOLSETS) >= 40
    assert len(CASES) >= 150
    cats = Counter(c["category"] for c in CASES)
    assert set(cats) == set(byot.CATEGORIES)
    assert cats["single"] >= 70 and cats["parallel"] >= 45 and cats["none"] >= 25
    assert all(1 <= len(ts["tools"]) <= 5 for ts in TOOLSETS.values())


def test_ids_unique_and_every_set_used():
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert len({c["request"].casefold() for c in CASES}) == len(CASES)
    assert {c["toolset"] for c in CASES} == set(TOOLSETS)
    for ts in TOOLSETS.values():
        in_set = [t["name"] for t in ts["tools"]]
        assert len(set(in_set)) == len(in_set), ts["id"]


def test_tool_schemas_are_valid_json_schema():
    for ts in TOOLSETS.values():
        for tool in ts["tools"]:
            assert tool["name"] and tool["description"], tool
            params = tool["parameters"]
            jsonschema.Draft202012Validator.check_schema(params)
            assert params["type"] == "object"
            assert set(params.get("required", [])) <= set(params["properties"]), tool["name"]
            for pname, prop in params["properties"].items():
                if "default" in prop:  # a default must itself be a valid value
                    jsonschema.validate(prop["default"], prop)


def test_awkward_names_are_present():
    """Issue #18 asks for names the plan language cannot write as Python identifiers."""
    names = {t["name"] for ts in TOOLSETS.values() for t in ts["tools"]}
    params = {p for ts in TOOLSETS.values() for t in ts["tools"] for p in t["parameters"]["properties"]}
    assert any("." in n for n in names) and any("-" in n for n in names)
    assert {"from", "class", "_from"} <= params


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_calls_fit_their_toolset(case):
    assert case["toolset"] in TOOLSETS, case["toolset"]
    assert case["category"] in byot.CATEGORIES
    assert case["request"].strip()
    schemas = byot.schemas_of(TOOLSETS[case["toolset"]])
    calls = case["calls"]
    if case["category"] == "none":
        assert calls == []
    elif case["category"] == "single":
        assert len(calls) == 1
    else:
        assert 2 <= len(calls) <= 4
    for call in calls:
        assert call["tool"] in schemas, f"{call['tool']} is not in {case['toolset']}"
        jsonschema.validate(call["args"], schemas[call["tool"]])


def test_no_name_collides_with_project_or_generator_tools(tmp_path):
    from tinyagent.finetune.data_synth import SYNTH_BY_NAME
    from tinyagent.tools import ToolConfig, default_tools
    from tinyagent.tools.workspace import init_workspace

    taken = {_key(t.name) for t in default_tools(init_workspace(tmp_path / "ws"), ToolConfig())}
    taken |= {_key(n) for n in SYNTH_BY_NAME}
    assert len(taken) > 40  # both lists were found
    ours = {t["name"] for ts in TOOLSETS.values() for t in ts["tools"]}
    assert not {n for n in ours if _key(n) in taken}


def test_requests_are_not_in_training_data():
    data = ROOT / "finetune" / "data"
    text = "\n".join(p.read_text(encoding="utf-8").casefold() for p in sorted(data.glob("*.jsonl")))
    names = {t["name"] for ts in TOOLSETS.values() for t in ts["tools"]}
    assert not [c["id"] for c in CASES if c["request"].casefold() in text]
    assert not [n for n in names if f'"{n}"' in text or f"{n}(" in text]


# -- scoring ----------------------------------------------------------------------------------------
SCHEMAS = {
    "fx": {"type": "object", "properties": {
        "amount": {"type": "number"}, "_from": {"type": "string"}, "to": {"type": "string"},
        "rounding": {"type": "integer", "default": 2}}, "required": ["amount", "_from", "to"]},
    "book": {"type": "object", "properties": {
        "people": {"type": "array", "items": {"type": "object", "properties": {
            "email": {"type": "string"}, "optional": {"type": "boolean", "default": False}}}},
        "notify": {"type": "boolean", "default": True}}, "required": ["people"]},
}


def _case(calls, category="single"):
    return {"id": "t", "category": category, "calls": calls}


def test_numbers_compare_by_value_and_strings_loosely():
    case = _case([{"tool": "fx", "args": {"amount": 3, "_from": "EUR", "to": "USD"}}])
    got = byot.score(case, [{"tool": "fx", "args": {"amount": 3.0, "_from": "eur", "to": " usd. "}}], SCHEMAS)
    assert got["fully_right"] and got["right_tools"] and got["args_matched"] == got["args_expected"] == 3
    assert byot.canon(True) != byot.canon(1)
    assert byot.norm_str("eggs, spinach ,feta") == byot.norm_str("eggs,spinach,feta")
    assert byot.norm_str("Hello  World!") == "hello world"


def test_default_valued_or_none_argument_counts_as_omitted():
    case = _case([{"tool": "fx", "args": {"amount": 5, "_from": "GBP", "to": "CHF"}}])
    planned = [{"tool": "fx", "args": {"amount": 5, "_from": "GBP", "to": "CHF", "rounding": 2}}]
    assert byot.score(case, planned, SCHEMAS)["fully_right"]
    planned[0]["args"]["rounding"] = 4
    assert not byot.score(case, planned, SCHEMAS)["fully_right"]
    nested = _case([{"tool": "book", "args": {"people": [{"email": "a@x.com"}]}}])
    planned = [{"tool": "book",
                "args": {"people": [{"email": "A@x.com", "optional": False}], "notify": None}}]
    assert byot.score(nested, planned, SCHEMAS)["fully_right"]


def test_extra_missing_or_wrong_calls_fail():
    one = {"tool": "fx", "args": {"amount": 1, "_from": "USD", "to": "JPY"}}
    other = {"tool": "fx", "args": {"amount": 1, "_from": "USD", "to": "INR"}}
    case = _case([one, other], "parallel")
    assert byot.score(case, [other, one], SCHEMAS)["fully_right"]  # order of calls does not matter
    extra = byot.score(case, [one, other, one], SCHEMAS)
    assert not extra["fully_right"] and not extra["right_tools"]
    missing = byot.score(case, [one], SCHEMAS)
    assert not missing["fully_right"] and not missing["right_tools"]
    wrong = byot.score(case, [one, {**other, "args": {**other["args"], "to": "EUR"}}], SCHEMAS)
    assert wrong["right_tools"] and not wrong["fully_right"]
    assert (wrong["args_matched"], wrong["args_expected"]) == (5, 6)


def test_declines():
    case = _case([], "none")
    assert byot.score(case, [], SCHEMAS) == {"fully_right": True, "right_tools": True, "declined": True,
                                             "args_matched": 0, "args_expected": 0}
    failed = byot.score(case, [], SCHEMAS, error="plan did not compile")
    assert not failed["declined"] and not failed["fully_right"]
    acted = byot.score(case, [{"tool": "fx", "args": {"amount": 1, "_from": "USD", "to": "EUR"}}], SCHEMAS)
    assert not acted["declined"] and not acted["fully_right"]


def test_summary_rows():
    rows = [{"category": "single", "fully_right": True, "right_tools": True, "declined": False,
             "args_matched": 2, "args_expected": 2, "latency_s": 1.0},
            {"category": "single", "fully_right": False, "right_tools": True, "declined": False,
             "args_matched": 1, "args_expected": 2, "latency_s": 3.0},
            {"category": "none", "fully_right": False, "right_tools": False, "declined": False,
             "args_matched": 0, "args_expected": 0, "latency_s": 2.0, "error": "x"}]
    by = {r["category"]: r for r in byot.summarize(rows)}
    assert by["single"]["fully_right"] == 0.5 and by["single"]["arg_accuracy"] == 0.75
    assert by["none"]["declined"] == 0.0 and by["none"]["errors"] == 1
    assert by["all"]["n"] == 3 and by["all"]["median_latency_s"] == 2.0
