"""Evaluation metrics: DAG isomorphism, argument accuracy, the summary, tools rebuilt from specs."""

from __future__ import annotations

from tinyagent.finetune.data_synth import TRAIN_TOOLS, UNSEEN_TOOLS, spec_dict
from tinyagent.finetune.evaluate import compare, norm_value, summarize, tool_from_spec
from tinyagent.tools.specs import ToolSpec


def T(id, tool, deps=(), **args):
    return {"id": id, "tool": tool, "args": args, "deps": list(deps)}


GOLD = [T(1, "get_email_address", name="Sarah Lee"),
        T(2, "get_email_address", name="Tom Park"),
        T(3, "compose_new_email", (1, 2), recipients=["$1", "$2"], subject="Q3"),
        T(4, "create_reminder", name="Call the bank", due_date="2026-11-27 15:00:00")]


def test_identical_plan_succeeds_with_all_arguments():
    assert compare(GOLD, GOLD) == {"success": True, "args_matched": 6, "args_total": 6}


def test_renumbered_independent_steps_still_match():
    pred = [T(1, "create_reminder", name="call the bank ", due_date="2026-11-27 15:00"),
            T(2, "get_email_address", name="Tom Park"),
            T(3, "get_email_address", name="sarah lee"),
            T(4, "compose_new_email", (2, 3), recipients=["$2", "$3"], subject="Q3")]
    assert compare(pred, GOLD) == {"success": True, "args_matched": 6, "args_total": 6}


def test_swapped_dependency_fails():
    gold = [T(1, "open_and_get_file_path", file_name="report"),
            T(2, "summarize_pdf", (1,), pdf_path="$1")]
    pred = [T(1, "summarize_pdf", pdf_path="report"),
            T(2, "open_and_get_file_path", (1,), file_name="$1")]
    assert compare(pred, gold)["success"] is False
    # a missing edge fails too, though the tools are the same
    flat = [T(1, "open_and_get_file_path", file_name="report"), T(2, "summarize_pdf", pdf_path="report")]
    res = compare(flat, gold)
    assert res["success"] is False and res["args_matched"] == 1


def test_wrong_or_missing_tools_fail_and_count_partial_arguments():
    pred = [T(1, "get_email_address", name="Sarah Lee"),
            T(2, "compose_new_email", (1,), recipients=["$1"], subject="Other")]
    res = compare(pred, GOLD)
    assert res["success"] is False
    assert res["args_matched"] == 1 and res["args_total"] == 6  # only the name of Sarah Lee
    assert compare([], GOLD) == {"success": False, "args_matched": 0, "args_total": 6}


def test_argument_values_are_normalised():
    assert norm_value("  Hello   World. ") == norm_value("hello world")
    assert norm_value(60) == norm_value(60.0) == norm_value("60")
    assert norm_value(["$2"], {2: 1}) == norm_value("$1")
    assert norm_value("Join: $3", {3: 1}) == norm_value("join: $1")
    assert norm_value(True) != norm_value(1.0)


def test_summary():
    rows = [{"success": True, "args_matched": 3, "args_total": 4, "parsed": True, "recall": 1.0, "latency_s": 1.0},
            {"success": False, "args_matched": 0, "args_total": 4, "parsed": False, "recall": 0.5, "latency_s": 3.0}]
    assert summarize(rows) == {"n": 2, "success_rate": 0.5, "arg_accuracy": 0.375, "parse_rate": 0.5,
                               "tool_recall": 0.75, "median_latency_s": 2.0}


def test_tools_rebuilt_from_specs_show_the_training_signature():
    for t in TRAIN_TOOLS + UNSEEN_TOOLS:
        tool = tool_from_spec(spec_dict(t.spec))
        assert ToolSpec.from_tool(tool).signature() == t.spec.signature()


def test_evaluate_rows_through_the_graph(tmp_path):
    """Dry runs of the real graph with a scripted model: one right plan, one wrong, one invalid."""
    from langchain_core.language_models.fake import FakeListLLM

    from tests.fakes import AllToolsIndex
    from tinyagent.finetune.evaluate import evaluate_rows, unseen_tools
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings

    weather = next(t for t in TRAIN_TOOLS if t.spec.name == "get_weather")
    air = next(t for t in UNSEEN_TOOLS if t.spec.name == "get_air_quality")
    specs = [spec_dict(weather.spec), spec_dict(air.spec)]
    gold = '1. get_weather(city="Paris", date="2026-11-27")\n2. get_air_quality(city="Paris")\n3. join()<END_OF_PLAN>'
    asks = ["weather in Paris tomorrow and the air quality there", "paris: the weather tomorrow, and the AQI",
            "will it rain in Paris tomorrow? how is the air?"]
    rows = [{"query": ask, "today": "2026-11-26", "plan": gold, "tools": ["get_weather", "get_air_quality"],
             "specs": specs} for ask in asks]
    swapped = '1. get_air_quality(city="paris")\n2. get_weather(city="Paris", date="2026-11-27")\n3. join()<END_OF_PLAN>'
    wrong = '1. get_weather(city="Rome")\n2. join()<END_OF_PLAN>'
    llm = FakeListLLM(responses=[swapped, wrong] + ["nonsense"] * 5)  # (a long request also plans its parts)
    graph = build_graph(tools=unseen_tools(rows), settings=Settings(data_dir=tmp_path, lora_path=None,
                                                                      max_replans=2),
                        llm=llm, index=AllToolsIndex())
    results = evaluate_rows(graph, rows)
    assert [r["success"] for r in results] == [True, False, False]
    assert [r["parsed"] for r in results] == [True, True, False]
    assert [r["args_matched"] for r in results] == [3, 0, 0]
    assert all(r["recall"] == 1.0 for r in results)
    report = summarize(results)
    assert report["n"] == 3 and report["parse_rate"] == round(2 / 3, 4)
