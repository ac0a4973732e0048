"""summarize_pdf: real text extraction, extractive or model summaries, clear errors for bad PDFs."""

from __future__ import annotations

import pytest
from langchain_core.tools import ToolException
from pypdf import PdfReader, PdfWriter

from tinyagent.tools.pdf import extractive_summary
from tinyagent.tools.workspace import make_pdf

PARAS = [
    "The solar lantern project delivers cheap lights to rural schools in three regions.",
    "In the second quarter the team shipped four thousand lanterns, twice as many as planned, "
    "because a new battery supplier cut the price of each unit.",
    "Teachers report that pupils now read for an extra hour every evening with the lanterns.",
    "The main risk for the next quarter is the rainy season, which slows deliveries on dirt roads.",
    "The budget is on track and no extra funding is needed this year.",
]


@pytest.fixture
def pdfs(tools_workspace):
    docs = tools_workspace / "Documents"
    (docs / "lanterns.pdf").write_bytes(make_pdf("Solar Lantern Report", PARAS))
    blank = PdfWriter()
    blank.add_blank_page(width=200, height=200)
    with open(docs / "empty.pdf", "wb") as fh:
        blank.write(fh)
    locked = PdfWriter(clone_from=str(docs / "lanterns.pdf"))
    locked.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-128")
    with open(docs / "locked.pdf", "wb") as fh:
        locked.write(fh)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref")
    (docs / "fake.pdf").write_text("just some text, not a PDF at all")
    return tools_workspace


def test_summary_comes_from_the_pdf_text(pdfs, make_tools):
    assert "lantern" in PdfReader(str(pdfs / "Documents/lanterns.pdf")).pages[0].extract_text().lower()
    summary = make_tools()["summarize_pdf"].invoke({"pdf_path": "Documents/lanterns.pdf"})
    assert "solar lantern project" in summary.lower()
    assert len(summary) < sum(len(p) for p in PARAS)
    assert all(s.strip() in " ".join(PARAS) + " SAMPLE DATA: an example document created by TinyAgent."
               for s in summary.split(". ") if s.strip())  # every sentence is from the document


def test_pdf_found_by_name_from_open_and_get_file_path(pdfs, make_tools):
    tools = make_tools()
    path = tools["open_and_get_file_path"].invoke({"file_name": "lanterns"})
    assert path == "Documents/lanterns.pdf"
    assert "lantern" in tools["summarize_pdf"].invoke({"pdf_path": path}).lower()


def test_summarizer_is_used_and_failures_fall_back(pdfs, make_tools):
    seen = []
    summary = make_tools(summarizer=lambda text: seen.append(text) or "A short model summary.")[
        "summarize_pdf"].invoke({"pdf_path": "lanterns.pdf"})
    assert summary == "A short model summary." and "rainy season" in seen[0]

    def broken(text):
        raise RuntimeError("model crashed")
    summary = make_tools(summarizer=broken)["summarize_pdf"].invoke({"pdf_path": "lanterns.pdf"})
    assert "solar lantern" in summary.lower()


@pytest.mark.parametrize("name, message", [
    ("locked.pdf", "password-protected"),
    ("empty.pdf", "no extractable text"),
    ("broken.pdf", "not a readable PDF"),
    ("fake.pdf", "not a PDF file"),
    ("missing.pdf", "No file matching"),
])
def test_bad_pdfs_are_clear_errors(pdfs, make_tools, name, message):
    with pytest.raises(ToolException, match=message):
        make_tools()["summarize_pdf"].invoke({"pdf_path": f"Documents/{name}" if name != "missing.pdf" else name})


def test_extractive_summary_picks_central_sentences():
    text = "\n\n".join(PARAS)
    summary = extractive_summary(text, max_sentences=2)
    assert summary.count(".") == 2 and summary.startswith("The solar lantern project")
