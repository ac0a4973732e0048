"""Checks of what a person gives the CLI: the request text, the folders, a chat thread id."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import unicodedata
from pathlib import Path
from typing import Any


class InputError(ValueError):
    """Bad input from the person; the message says what is wrong and what to do."""


#: Terminal escape sequences (colours, cursor moves, window titles) are removed whole.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
#: Bidirectional overrides and isolates: they make text read differently from what it says.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def clean_request(text: str) -> str:
    """``text`` without escape sequences or control characters; tabs and line breaks become spaces."""
    text = _ESCAPES.sub("", text).translate(_BIDI)
    text = "".join(" " if ch in "\t\n\r\v\f" else ch for ch in text
                   if ch in "\t\n\r\v\f" or unicodedata.category(ch) != "Cc")
    return re.sub(r" {2,}", " ", text).strip()


def require_request(text: str) -> str:
    """The cleaned request; InputError when nothing is left of it."""
    cleaned = clean_request(text or "")
    if not cleaned:
        raise InputError('The request is empty. Say what to do, in quotes, e.g. '
                         'tinyagent run "Remind me to call mum tomorrow at 6pm".')
    return cleaned


def check_folder(path: str | os.PathLike, what: str, flag: str) -> Path:
    """``path`` as an absolute folder that is, or can be, created and written; InputError if not.

    Nothing is created: the folder is made by whoever uses it (``tinyagent chat`` fills a new
    workspace with sample data, so it must still be missing then).
    """
    path = Path(path).expanduser().absolute()
    fix = f"Give {flag} a folder you can write (it is created if missing)."
    if path.exists():
        if not path.is_dir():
            raise InputError(f"The {what} {path} is a file, not a folder. {fix}")
        probe_dir = path
    else:
        parent = path.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():
            raise InputError(f"The {what} {path} cannot be created: {parent} is a file, not a folder. {fix}")
        probe_dir = parent
    try:  # the one reliable test (root passes os.access; /proc refuses only at the mkdir)
        os.rmdir(tempfile.mkdtemp(prefix=".tinyagent-check-", dir=probe_dir))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if probe_dir == path:
            raise InputError(f"The {what} {path} is not writable ({reason}). {fix}") from None
        raise InputError(f"The {what} {path} cannot be created: {probe_dir} does not allow new "
                         f"folders ({reason}). {fix}") from None
    return path


def threads_db(data_dir: Path) -> Path:
    return Path(data_dir) / "threads.sqlite"


def _open_threads(db: Path) -> sqlite3.Connection:
    """The thread database, checked readable; InputError naming the file and the repair if not."""
    conn = sqlite3.connect(str(db))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "checkpoints" in tables:
            conn.execute("SELECT thread_id FROM checkpoints LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise InputError(
            f"The chat thread database {db} is damaged ({exc}). Move it aside to start with no saved "
            f"threads: mv '{db}' '{db}.broken' (restore it from a backup to keep them).") from None
    return conn


def check_threads_db(data_dir: Path) -> None:
    """InputError when ``threads.sqlite`` exists but cannot be read."""
    db = threads_db(data_dir)
    if db.exists():
        _open_threads(db).close()


def list_threads(data_dir: Path) -> list[tuple[str, str]]:
    """(thread id, its last request) for every saved chat thread, newest first."""
    db = threads_db(data_dir)
    if not db.exists():
        return []
    conn = _open_threads(db)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='checkpoints'").fetchone():
            return []
        ids = [r[0] for r in conn.execute(
            "SELECT thread_id FROM checkpoints WHERE checkpoint_ns='' GROUP BY thread_id "
            "ORDER BY max(checkpoint_id) DESC")]
    finally:
        conn.close()
    from langgraph.checkpoint.sqlite import SqliteSaver

    conn = sqlite3.connect(str(db), check_same_thread=False)
    try:
        return thread_summaries(SqliteSaver(conn), ids)
    finally:
        conn.close()


def thread_summaries(saver: Any, ids: list[str]) -> list[tuple[str, str]]:
    """(thread id, its last request) for ``ids``, read through any LangGraph checkpointer."""
    out = []
    for tid in ids:
        try:
            got = saver.get_tuple({"configurable": {"thread_id": tid, "checkpoint_ns": ""}})
            query = str((got.checkpoint.get("channel_values") or {}).get("query") or "") if got else ""
        except Exception:  # noqa: BLE001 - an unreadable checkpoint still lists its thread
            query = "?"
        out.append((tid, query))
    return out
