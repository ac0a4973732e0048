"""File search and the shared path rules: no escape by '..', absolute paths or symlinks; atomic, locked writes."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from langchain_core.tools import ToolException

from tinyagent.tools import ToolConfig
from tinyagent.tools.paths import Workspace, atomic_write, update_file


@pytest.fixture
def files(tools_workspace):
    docs = tools_workspace / "Documents"
    for rel in ("Q3_slides.pdf", "Travel/Lisbon Itinerary.pdf", "report-2025.docx", "report-2026.docx",
                "Budget.xlsx", ".hidden.txt"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(b"x")
    return tools_workspace


@pytest.mark.parametrize("query, expected", [
    ("Q3_slides.pdf", "Documents/Q3_slides.pdf"),
    ("q3 slides", "Documents/Q3_slides.pdf"),
    ("Q3 slides", "Documents/Q3_slides.pdf"),
    ("lisbon itinerary", "Documents/Travel/Lisbon Itinerary.pdf"),
    ("Lisbon", "Documents/Travel/Lisbon Itinerary.pdf"),
    ("budget", "Documents/Budget.xlsx"),
    ("report 2026", "Documents/report-2026.docx"),
    ("the q3 slides", "Documents/Q3_slides.pdf"),        # the words around a name are not in it
    ("my lisbon itinerary pdf", "Documents/Travel/Lisbon Itinerary.pdf"),
    ("Documents/Budget.xlsx", "Documents/Budget.xlsx"),
])
def test_fuzzy_file_search(files, make_tools, query, expected):
    assert make_tools()["open_and_get_file_path"].invoke({"file_name": query}) == expected


@pytest.mark.parametrize("query, suggestion", [("Budjet", "Documents/Budget.xlsx"), ("contract", "contacts.vcf")])
def test_a_merely_similar_name_is_suggested_never_opened(files, make_tools, query, suggestion):
    with pytest.raises(ToolException, match=f"No file named '{query}' was found. Closest names: .*{suggestion}"):
        make_tools()["open_and_get_file_path"].invoke({"file_name": query})


def test_file_search_errors(files, make_tools):
    tool = make_tools()["open_and_get_file_path"]
    with pytest.raises(ToolException, match="Several files match 'report'.*report-2025.docx.*report-2026.docx"):
        tool.invoke({"file_name": "report"})
    with pytest.raises(ToolException, match="No file matching 'zebra'.*Check the name, or put the file in"):
        tool.invoke({"file_name": "zebra"})
    with pytest.raises(ToolException, match="No file matching"):
        tool.invoke({"file_name": "hidden"})  # hidden files are not offered
    with pytest.raises(ToolException, match="is a folder"):
        tool.invoke({"file_name": "Documents/Travel"})


def test_allowed_roots_are_searched(files, tmp_path, make_tools):
    extra = tmp_path / "papers"
    extra.mkdir()
    (extra / "attention.pdf").write_bytes(b"x")
    with pytest.raises(ToolException):
        make_tools()["open_and_get_file_path"].invoke({"file_name": "attention"})
    found = make_tools(allowed_roots=[extra])["open_and_get_file_path"].invoke({"file_name": "attention"})
    assert found == str((extra / "attention.pdf").resolve())


@pytest.mark.parametrize("bad", ["../secret.txt", "Documents/../../secret.txt", "/etc/hostname", "~/x"])
def test_path_escapes_are_refused(files, make_tools, tmp_path, bad):
    (tmp_path / "secret.txt").write_text("secret")
    with pytest.raises(ToolException, match="outside the allowed folders"):
        make_tools()["open_and_get_file_path"].invoke({"file_name": bad})
    with pytest.raises(ToolException, match="outside the allowed folders"):
        make_tools()["summarize_pdf"].invoke({"pdf_path": bad})


def test_symlink_escape_is_refused(files, make_tools, tmp_path):
    (tmp_path / "secret.txt").write_text("secret")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leak.txt").write_text("secret")
    (files / "Documents" / "link.txt").symlink_to(tmp_path / "secret.txt")
    (files / "Documents" / "linkdir").symlink_to(outside)
    tools = make_tools()
    with pytest.raises(ToolException, match="outside the allowed folders"):
        tools["open_and_get_file_path"].invoke({"file_name": "Documents/link.txt"})
    with pytest.raises(ToolException, match="outside the allowed folders"):
        tools["open_and_get_file_path"].invoke({"file_name": "Documents/linkdir/leak.txt"})
    with pytest.raises(ToolException, match="outside the allowed folders"):
        tools["compose_new_email"].invoke({"recipients": ["a@example.org"], "attachments": ["Documents/link.txt"]})
    with pytest.raises(ToolException):  # symlinked folders are not walked by the search either
        tools["open_and_get_file_path"].invoke({"file_name": "leak"})


def test_resolve_rules(tools_workspace, tmp_path):
    ws = Workspace(tools_workspace, ToolConfig(allowed_roots=[tmp_path / "extra"]))
    assert ws.resolve("Documents/a/../b.txt") == tools_workspace / "Documents" / "b.txt"  # stays inside: fine
    assert ws.resolve(str(tmp_path / "extra" / "f")) == tmp_path / "extra" / "f"
    for bad in ("..", "../ws2/x", str(tmp_path / "other"), ""):
        with pytest.raises(ToolException):
            ws.resolve(bad)
    assert ws.display(tools_workspace / "Notes" / "a.md") == "Notes/a.md"


def test_atomic_write_keeps_mode_and_leaves_no_temp(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old")
    os.chmod(target, 0o600)
    atomic_write(target, "new")
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_failed_update_leaves_the_old_file(tools_workspace):
    ws = Workspace(tools_workspace)
    target = tools_workspace / "data.txt"
    target.write_text("precious")

    def boom(old):
        raise ValueError("bad change")

    with pytest.raises(ValueError):
        update_file(ws, target, boom)
    assert target.read_text() == "precious"


def test_update_file_is_serialized_across_threads(tools_workspace):
    ws = Workspace(tools_workspace)
    counter = tools_workspace / "counter.txt"
    counter.write_text("0")
    inside = []
    lock = threading.Lock()

    def bump(_):
        def change(old):
            with lock:
                inside.append(1)
                assert len(inside) == 1  # nobody else is inside the critical section
            value = int(old.decode()) + 1
            with lock:
                inside.pop()
            return str(value)
        update_file(ws, counter, change)

    with ThreadPoolExecutor(12) as pool:
        list(pool.map(bump, range(200)))
    assert counter.read_text() == "200"


def test_lock_is_reentrant_in_one_thread(tools_workspace):
    ws = Workspace(tools_workspace)
    p = Path(tools_workspace / "x")
    with ws.lock(p):
        with ws.lock(p):
            pass


@pytest.mark.parametrize("query, name", [("lisbn itinerary", "Lisbon_Trip_Itinerary.pdf"),
                                         ("team handbok", "Team_Handbook.pdf"), ("q3 reprot", "Q3_Report.pdf")])
def test_a_name_with_one_word_a_letter_off_beside_an_exact_one_is_opened(make_tools, tools_workspace, query, name):
    """convdev12: "summarise the lisbn itinerary pdf" found no file; the other words said exactly pick it."""
    for n in ("Lisbon_Trip_Itinerary.pdf", "Team_Handbook.pdf", "Q3_Report.pdf"):
        (tools_workspace / "Documents" / n).parent.mkdir(parents=True, exist_ok=True)
        (tools_workspace / "Documents" / n).write_bytes(b"%PDF-1.4")
    assert make_tools()["open_and_get_file_path"].invoke({"file_name": query}).endswith(name)
