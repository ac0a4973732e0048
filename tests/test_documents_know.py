"""A question the classifier would decline that the person's documents answer ("what time is my return flight
from lisbon?") is planned with the document search (rule documents_know); others are still declined."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake import FakeListLLM

from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.tools import ToolConfig, default_tools, init_workspace
from tinyagent.tools.passages import answers

ITINERARY = {"path": "Documents/Lisbon_Trip_Itinerary.pdf",
             "text": "Thursday: check out by 11:00. The return flight TP 1235 departs at 18:15."}


def test_a_passage_answers_a_question_when_it_holds_every_word_asked_about():
    assert answers("What time is my return flight from Lisbon?", [ITINERARY]) == ITINERARY  # lisbon: the file's name
    assert answers("what time does my flight leave on thursday", [ITINERARY]) == ITINERARY  # "leave": when, not what
    assert answers("what's the weather in lisbon on thursday?", [ITINERARY]) is None  # no passage speaks of weather
    assert answers("flight?", [ITINERARY]) is None  # one word asked about: too little to tell
    assert answers("when does my hotel check out end", []) is None


def test_words_only_the_files_name_holds_do_not_answer_a_question():
    """A passage must hold one asked-about word at least in its text: the file's name alone answers nothing ("what
    about project falcon?"), but it says what its passages are about ("what's planned for wednesday on the lisbon
    trip?" is the itinerary's "Wednesday: ..." paragraph)."""
    report = {"path": "Documents/Sample/Project_Falcon_Q3_Report.pdf",
              "text": "The dashboard now shows humidity per room, with weekly e-mail summaries for facility managers."}
    assert answers("what about project falcon?", [report]) is None
    assert answers("what does the falcon dashboard show per room?", [report]) == report
    wednesday = {"path": "Documents/Sample/Lisbon_Trip_Itinerary.pdf",
                 "text": "Wednesday: site visit at a pilot school in Belem in the morning, then free time."}
    assert answers("what's planned for wednesday on the lisbon trip?", [wednesday]) == wednesday


@pytest.fixture()
def ask(tmp_path):
    init_workspace(tmp_path / "ws", sample=True)
    settings = Settings(data_dir=tmp_path / "data", workspace=tmp_path / "ws", lora_path=None)
    tools = default_tools(init_workspace(tmp_path / "ws"), ToolConfig())
    search = '1. search_documents(query="return flight from Lisbon")\n2. join()<END_OF_PLAN>'

    def run(request: str, off: str = "") -> dict:
        g = build_graph(tools=tools, settings=settings, llm=FakeListLLM(responses=[search] * 3))
        return g.invoke({"messages": [("human", request)]}, context={"rules_off": off})
    return run


def test_a_question_the_itinerary_answers_is_searched_not_declined(ask):
    out = ask("What time is my return flight from Lisbon?")
    assert [t["tool"] for t in out["tasks"]] == ["search_documents"]
    assert "18:15" in out["answer"] and "Lisbon_Trip_Itinerary.pdf" in out["answer"]
    assert any(r["rule"] == "documents_know" for r in out["rule_trace"])
    assert out["tools"] == ["search_documents"]  # shown alone: shown the others, the planner made a meeting link
    # switched off, the classifier's decline stands: nothing runs
    off = ask("What time is my return flight from Lisbon?", off="documents_know")
    assert off["tasks"] == [] and "none of my tools fits" in off["answer"]


def test_a_question_no_document_answers_is_still_declined(ask):
    out = ask("what's the weather in lisbon on tuesday?")
    assert out["tasks"] == [] and not any(r["rule"] == "documents_know" for r in out.get("rule_trace", []))
