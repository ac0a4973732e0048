"""A damaged or deleted tool index (a real Chroma store on disk) is moved aside, rebuilt, and said in one line."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from chromadb.api.shared_system_client import SharedSystemClient

from tests.fakes import compose_new_email, get_email_address
from tinyagent.graph.settings import REPO_ROOT
from tinyagent.store.tool_index import ToolIndex
from tinyagent.tools.specs import specs_for

SPECS = specs_for([get_email_address, compose_new_email]).values()


def built(path: Path) -> Path:
    """A real store with two tool cards, closed as at the end of a run."""
    assert ToolIndex(path, classifier=None).sync_tools(SPECS)["added"] == 2
    SharedSystemClient.clear_system_cache()  # the next ToolIndex opens the files anew, as a new process would
    return path / "chroma.sqlite3"


def truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def garble(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for i in range(0, len(data), 97):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))


def works(index: ToolIndex) -> None:
    assert index.sync_tools(SPECS)["added"] == 2  # rebuilt from the tools, not read from the damage
    assert index.retrieve("email Sarah", ["get_email_address", "compose_new_email"]).tools == [
        "compose_new_email", "get_email_address"]


@pytest.mark.parametrize("damage", [truncate, garble])
def test_a_damaged_store_is_moved_aside_and_rebuilt(tmp_path, caplog, damage):
    store = tmp_path / "store"
    damage(built(store))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="tinyagent.store.tool_index"):
        index = ToolIndex(store, classifier=None)
    [aside] = tmp_path.glob("store.broken-*")
    assert (aside / "chroma.sqlite3").exists()  # kept for inspection
    assert index.notice.startswith(f"The tool index in {store} was damaged (")
    assert index.notice.endswith(f"moved it to {aside} and rebuilt it.")
    assert [r.getMessage() for r in caplog.records] == [index.notice]
    works(index)
    SharedSystemClient.clear_system_cache()
    assert ToolIndex(store, classifier=None).notice == ""  # the rebuilt store opens cleanly


def test_a_deleted_store_is_rebuilt_and_said(tmp_path):
    store = tmp_path / "store"
    built(store)
    for f in sorted(store.rglob("*"), reverse=True):
        f.unlink() if f.is_file() else f.rmdir()
    store.rmdir()
    index = ToolIndex(store, classifier=None)
    assert index.notice == f"No tool index in {store}; building a new one."
    works(index)


def test_the_next_run_says_it_in_one_line_on_stderr(tmp_path):
    store = tmp_path / "store"
    garble(built(store))
    code = ("import sys; from tinyagent.store.tool_index import ToolIndex; "
            "ToolIndex(sys.argv[1], classifier=None)")
    proc = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"The tool index in {store} was damaged"), proc.stderr
    assert (store / "chroma.sqlite3").exists() and list(tmp_path.glob("store.broken-*"))
