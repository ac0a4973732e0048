"""Where chat threads persist: ``<data_dir>/threads.sqlite`` by default, PostgreSQL when database_url is set."""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator

from tinyagent.graph import inputs
from tinyagent.graph.inputs import InputError
from tinyagent.graph.settings import Settings

POSTGRES_EXTRA = "pip install 'tinyagent-edge[postgres]' (langgraph-checkpoint-postgres and psycopg)"


def where(settings: Settings) -> str:
    """The thread store in words, for messages (a password in the URL is hidden)."""
    if settings.database_url:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", settings.database_url)
    return str(inputs.threads_db(settings.data_dir))


@contextmanager
def open_checkpointer(settings: Settings) -> Iterator[Any]:
    """The LangGraph checkpointer that keeps the chat threads, open for the ``with`` block."""
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        from langgraph.checkpoint.sqlite import SqliteSaver
        conn = sqlite3.connect(str(inputs.threads_db(settings.data_dir)), check_same_thread=False)
        try:
            yield SqliteSaver(conn)
        finally:
            conn.close()
        return
    with _postgres(settings) as conn:
        from langgraph.checkpoint.postgres import PostgresSaver
        saver = PostgresSaver(conn)
        saver.setup()  # creates or migrates its tables; idempotent
        yield saver


@contextmanager
def _postgres(settings: Settings) -> Iterator[Any]:
    try:
        import psycopg
        from psycopg.rows import dict_row
        import langgraph.checkpoint.postgres  # noqa: F401
    except ImportError:
        raise InputError(f"TINYAGENT_DATABASE_URL is set, but PostgreSQL support is not installed: "
                         f"{POSTGRES_EXTRA}, or unset it to keep threads in "
                         f"{inputs.threads_db(settings.data_dir)}.") from None
    try:
        conn = psycopg.connect(settings.database_url, autocommit=True, prepare_threshold=0,
                               row_factory=dict_row, connect_timeout=10)
    except (psycopg.Error, ValueError) as exc:
        reason = " ".join(str(exc).split())[:300]
        raise InputError(f"Cannot open the thread database {where(settings)} ({reason}). Start PostgreSQL "
                         f"or fix TINYAGENT_DATABASE_URL, or unset it to keep threads in "
                         f"{inputs.threads_db(settings.data_dir)}.") from None
    try:
        yield conn
    finally:
        conn.close()


def check_store(settings: Settings) -> None:
    """InputError when the thread store cannot be opened (a damaged file, a database that is down)."""
    if settings.database_url:
        with open_checkpointer(settings):
            return
    inputs.check_threads_db(settings.data_dir)


def list_threads(settings: Settings) -> list[tuple[str, str]]:
    """(thread id, its last request) for every saved chat thread, newest first."""
    if not settings.database_url:
        return inputs.list_threads(settings.data_dir)
    with open_checkpointer(settings) as saver:
        ids = [row["thread_id"] for row in saver.conn.execute(
            "SELECT thread_id FROM checkpoints WHERE checkpoint_ns = '' GROUP BY thread_id "
            "ORDER BY max(checkpoint_id) DESC")]
        return inputs.thread_summaries(saver, ids)


def check_thread(settings: Settings, thread: str) -> None:
    """InputError when ``thread`` is not a saved chat thread (``tinyagent chat --thread``)."""
    if any(tid == thread for tid, _ in list_threads(settings)):
        return
    raise InputError(f"There is no chat thread {thread!r} in {where(settings)}. See the saved "
                     "threads with `tinyagent threads`, or run `tinyagent chat` without --thread to "
                     "start a new one.")
