"""The ablation command's logic: a rule wins the rows that are right only with it (scripted model)."""

from __future__ import annotations

from langchain_core.language_models.fake import FakeListLLM

from tests.fakes import AllToolsIndex
from tinyagent.finetune.ablate import ablate, markdown
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings


def test_a_rule_that_mends_a_plan_wins_it_and_the_others_did_not_act(tmp_path):
    from tinyagent.tools import default_tools, init_workspace

    wrote = '1. get_email_address(name="Tom")\n2. send_sms(recipients=["$1"], message="Late")\n3. join()<END_OF_PLAN>'
    graph = build_graph(tools=default_tools(init_workspace(tmp_path / "ws")),
                        settings=Settings(data_dir=tmp_path, lora_path=None),
                        llm=FakeListLLM(responses=[wrote]), index=AllToolsIndex())
    rows = [{"id": "x-1", "query": "text Tom that I'm late", "today": "2026-12-07",
             "plan": '1. get_phone_number(name="Tom")\n2. send_sms(recipients=["$1"], message="Late")\n'
                     '3. join()<END_OF_PLAN>'}]
    out = ablate(graph, rows)
    assert out["n"] == 1 and out["right"] == 1
    assert out["rules"]["right_lookups"] == {"acted": 1, "won": 1, "lost": 0}
    assert out["rules"]["fan_out"] == {"acted": 0, "won": 0, "lost": 0}
    table = markdown({"sets": {"dev": out}})
    assert "| `right_lookups` | people | 1 / 1 / 0 |" in table and "| all rules on: right | | 1 of 1 |" in table


def test_grammar_rules_are_planned_again_on_every_row_and_only_narrows_the_rules(tmp_path):
    from tinyagent.tools import default_tools, init_workspace

    wrote = '1. get_phone_number(name="Tom")\n2. send_sms(recipients=["$1"], message="Late")\n3. join()<END_OF_PLAN>'
    graph = build_graph(tools=default_tools(init_workspace(tmp_path / "ws")),
                        settings=Settings(data_dir=tmp_path, lora_path=None),
                        llm=FakeListLLM(responses=[wrote]), index=AllToolsIndex())
    rows = [{"id": f"x-{i}", "query": "text Tom that I'm late", "today": "2026-12-07", "plan": wrote}
            for i in range(2)]
    out = ablate(graph, rows, only=["copy_spans", "fan_out"])
    assert set(out["rules"]) == {"copy_spans", "fan_out"}
    assert out["rules"]["copy_spans"] == {"acted": 2, "won": 0, "lost": 0}  # (a scripted model ignores grammars)
    assert "| `copy_spans` | people | all / 0 / 0 |" in markdown({"sets": {"dev": out}})
