"""Document index: chunking, Chroma search, and keeping the index in step with changed or removed files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.tools import ToolException

from tinyagent.tools import ToolConfig, index_documents
from tinyagent.tools.documents import chunk_text
from tinyagent.tools.workspace import make_pdf


def test_chunks_respect_paragraphs_and_overlap():
    paras = [f"Paragraph {i} " + "word " * 30 for i in range(12)]
    chunks = chunk_text("\n\n".join(p.strip() for p in paras), size=400, overlap=80)
    assert len(chunks) > 3 and all(len(c) <= 400 for c in chunks)
    assert all(c.startswith("Paragraph") or c.startswith("word") for c in chunks)
    for a, b in zip(chunks, chunks[1:]):  # each chunk starts with the tail of the one before
        assert a.split("\n\n")[-1].endswith(b.split("\n\n")[0])
    joined = "\n\n".join(chunks)
    assert all(f"Paragraph {i} " in joined for i in range(12))
    long = "A sentence that goes on. " * 100
    assert all(len(c) <= 300 for c in chunk_text(long, size=300, overlap=50))
    assert chunk_text("") == []


@pytest.fixture
def corpus(tools_workspace):
    docs = tools_workspace / "Documents"
    (docs / "garden.md").write_text("# Garden\n\nWater the tomatoes every morning in summer.\n\n"
                                    "The roses need pruning in early spring.")
    (docs / "car.txt").write_text("The car needs new winter tires before November. The oil change is due.")
    (docs / "trip.pdf").write_bytes(make_pdf("Trip", ["The train to Vienna leaves at 8:15 from platform 4."]))
    (docs / "image.png").write_bytes(b"\x89PNG not indexed")
    return tools_workspace


def test_index_search_update_remove(corpus, make_tools):
    counts = index_documents(corpus / "Documents", corpus)
    assert counts["added"] == 3 and counts["files"] == 3 and counts["chunks"] >= 3 and not counts["errors"]
    search = make_tools()["search_documents"]

    hits = search.invoke({"query": "when does the train to Vienna leave", "k": 2})
    assert hits[0]["path"] == "Documents/trip.pdf" and "platform 4" in hits[0]["text"]
    assert set(hits[0]) == {"path", "text", "score"} and hits[0]["score"] >= hits[1]["score"]
    assert search.invoke({"query": "pruning roses"})[0]["path"] == "Documents/garden.md"

    again = index_documents(corpus / "Documents", corpus)
    assert again["unchanged"] == 3 and again["added"] == again["updated"] == 0

    car = corpus / "Documents" / "car.txt"
    car.write_text("The bicycle needs a new chain and brake pads.")
    os.utime(car, (1, 1))  # a different mtime even on coarse clocks
    (corpus / "Documents" / "garden.md").unlink()
    changed = index_documents(corpus / "Documents", corpus)
    assert changed["updated"] == 1 and changed["removed"] == 1 and changed["unchanged"] == 1
    texts = [h["text"] for h in search.invoke({"query": "vehicle maintenance", "k": 10})]
    assert any("bicycle" in t for t in texts) and not any("winter tires" in t for t in texts)
    assert not any("roses" in t for t in texts)
    assert changed["total_chunks"] == 2


def test_index_outside_roots_and_errors(corpus, tmp_path, make_tools):
    other = tmp_path / "papers"
    other.mkdir()
    (other / "paper.md").write_text("Attention is all you need, said the transformer paper.")
    (other / "locked.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ToolException, match="outside the allowed folders"):
        index_documents(other, corpus)
    counts = index_documents(other, corpus, ToolConfig(allowed_roots=[other]))
    assert counts["added"] == 1 and counts["skipped"] == 1 and "locked.pdf" in counts["errors"][0]["path"]
    hit = make_tools()["search_documents"].invoke({"query": "transformer attention", "k": 1})[0]
    assert hit["path"] == str(other.resolve() / "paper.md")


def test_search_sees_an_index_written_by_another_process(tools_workspace, make_tools):
    docs = tools_workspace / "Documents"
    (docs / "a.txt").write_text("Apples are red fruit.")
    index_documents(docs, tools_workspace)
    search = make_tools()["search_documents"]
    assert [h["path"] for h in search.invoke({"query": "fruit"})] == ["Documents/a.txt"]
    (docs / "b.txt").write_text("Bananas are yellow fruit.")
    subprocess.run([sys.executable, "-c", "import sys; from tinyagent.tools import index_documents; "
                    "index_documents(sys.argv[1], sys.argv[2])", str(docs), str(tools_workspace)],
                   check=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert search.invoke({"query": "bananas"})[0]["path"] == "Documents/b.txt"


def test_search_without_index_or_with_bad_arguments(make_tools):
    search = make_tools()["search_documents"]
    with pytest.raises(ToolException, match="tinyagent index"):
        search.invoke({"query": "anything"})
    with pytest.raises(ToolException, match="empty"):
        search.invoke({"query": " "})
    with pytest.raises(ToolException, match="at least 1"):
        search.invoke({"query": "x", "k": 0})


@pytest.fixture
def sample_tools(tmp_path):
    """The default tools on a fresh sample workspace (workspace init --sample), nothing indexed."""
    from tinyagent.tools import default_tools, init_workspace

    root = init_workspace(tmp_path / "ws", sample=True)
    return root, {t.name: t for t in default_tools(root)}


def test_a_question_about_a_named_document_is_answered_from_its_text(sample_tools):
    from tinyagent.nodes.report.answer import compose

    root, tools = sample_tools
    hits = tools["search_documents"].invoke({"query": "Lisbon itinerary Tuesday"})
    assert [h["path"] for h in hits] == ["Documents/Sample/Lisbon_Trip_Itinerary.pdf"]
    answer = compose([{"id": 1, "tool": "search_documents", "status": "done", "result": hits, "deps": [],
                       "args": {"query": "Lisbon itinerary Tuesday"}}],
                     labels={"search_documents": "From your documents"})
    assert "Tuesday: partner workshop from 09:00 to 17:00" in answer and "Monday" not in answer
    budget = tools["search_documents"].invoke({"query": "Falcon Q3 report budget"})
    assert budget[0]["path"].endswith("Project_Falcon_Q3_Report.pdf") and "412,000 dollars" in budget[0]["text"]
    back = tools["search_documents"].invoke({"query": "trip itinerary return flight time"})[0]["text"]
    assert "return flight TP 1235 departs at 18:15" in back


def test_the_only_file_a_word_names_is_named_and_a_kind_of_fact_is_no_topic(sample_tools):
    """"what does the itinerary say about tuesday": "itinerary" is in one file's name only; "vacation days" asks
    about vacations (the handbook's "within thirty days" is no answer to it)."""
    root, tools = sample_tools
    tuesday = tools["search_documents"].invoke({"query": "what does the itinerary say about tuesday"})
    assert tuesday[0]["path"].endswith("Lisbon_Trip_Itinerary.pdf") and tuesday[0]["text"].startswith("Tuesday:")
    vacation = tools["search_documents"].invoke({"query": "what does the team handbook say about vacation days"})
    assert vacation and all(h.get("missing") == ["vacation"] for h in vacation)


def test_the_first_search_indexes_the_documents_folder(sample_tools):
    root, tools = sample_tools
    assert not (root / ".tinyagent" / "index").exists() or not any((root / ".tinyagent" / "index").iterdir())
    hits = tools["search_documents"].invoke({"query": "tuesday", "k": 2})  # names no document
    assert "Tuesday: partner workshop" in hits[0]["text"] and hits[0]["path"].endswith("Lisbon_Trip_Itinerary.pdf")
    assert "receipts within thirty days" in tools["search_documents"].invoke({"query": "expense receipts"})[0]["text"]


def test_no_passage_shows_the_line_a_sample_document_opens_with(sample_tools):
    """ "SAMPLE DATA: an example document created by TinyAgent." answers nothing (and reads as a claim that
    something was created)."""
    from tinyagent.tools.sample import SAMPLE_LINE

    root, tools = sample_tools
    for query in ["lisbon trip", "Fly back from lisbon", "Lisbon itinerary Tuesday"]:
        hits = tools["search_documents"].invoke({"query": query})
        assert hits and all(SAMPLE_LINE not in h["text"] and h["text"] for h in hits)


def test_a_named_document_that_does_not_mention_what_is_asked_says_so(tmp_path):
    """The seventeenth session's trial: "what does the team handbook say about holidays?" answered with the
    handbook's title and welcome lines as if they were the answer."""
    from tinyagent.nodes.report.answer import compose
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    tools = {t.name: t for t in default_tools(init_workspace(tmp_path / "ws", sample=True), ToolConfig())}
    hits = tools["search_documents"].invoke({"query": "team handbook holidays"})
    assert hits and all(h["missing"] == ["holidays"] for h in hits)
    answer = compose([{"id": 1, "tool": "search_documents", "status": "done", "args": {"query": "team handbook holidays"},
                       "result": hits}], labels={"search_documents": "From your documents"})
    assert "Team_Handbook.pdf does not mention holidays; the passages closest to the question:" in answer
    # a passage that speaks of it: no such line
    found = tools["search_documents"].invoke({"query": "team handbook expenses"})
    assert not any("missing" in h for h in found)


def test_the_workspace_readme_is_no_document(tmp_path):
    """convdev11 and convdev13: a search's passages from the README.txt a workspace is made with ("queued text messages
    (outbox.jsonl)") were shown as an answer, and read as claims of things sent."""
    from tinyagent.tools import default_tools, init_workspace

    root = init_workspace(tmp_path / "ws", sample=True)
    search = {t.name: t for t in default_tools(root)}["search_documents"]
    hits = search.invoke({"query": "queued text messages contacts calendar"})
    assert hits and not any(h["path"].endswith("README.txt") for h in hits)


def test_a_question_of_an_email_is_answered_from_the_inbox(sample_tools):
    """convdev14/15: "what did marcus say about the new firmware?", "what's in the offsite agenda email?" were searched
    in the documents (or declined); the inbox answers them, each email headed by which one it is."""
    from tinyagent.nodes.report.answer import compose

    root, tools = sample_tools
    hits = tools["search_documents"].invoke({"query": "what did marcus say about the new firmware"})
    assert hits[0]["path"].startswith("Marcus Chen's email 'Firmware 2.1 release notes' of ")
    answer = compose([{"id": 1, "tool": "search_documents", "status": "done", "result": hits, "deps": [],
                       "args": {"query": "what did marcus say about the new firmware"}}],
                     labels={"search_documents": "From your documents"})
    assert "battery warning at 15%" in answer and "does not mention" not in answer  # (the email whole)
    agenda = tools["search_documents"].invoke({"query": "the offsite agenda email"})
    assert agenda[0]["path"].startswith("Sarah Lee's email 'Offsite agenda for next week'") and "9:30 kick-off" in agenda[0]["text"]
    # a question of a document, even one that says "say", is still the documents'
    report = tools["search_documents"].invoke({"query": "what does the Q3 report say about battery life"})
    assert report[0]["path"].endswith("Project_Falcon_Q3_Report.pdf")


@pytest.mark.parametrize("query", ["aeroplane home from Lisbon", "Fly back from lisbon", "my flight back from Lisbon leave"])
def test_a_flight_home_is_the_return_flight(sample_tools, query):
    """convdev12/14: "when do i fly back from lisbon" was answered with the Monday flight out."""
    root, tools = sample_tools
    assert "return flight TP 1235 departs at 18:15" in tools["search_documents"].invoke({"query": query})[0]["text"]
