"""Cancellation of a tool's work: once its task is stopped (time limit, Ctrl-C) it commits no more writes.

Python cannot stop a thread, so a sync tool that passes its time limit runs on until it returns.
The executor therefore gives every task a ``Token`` (through a context variable, which follows the
task into its worker thread) and cancels it when the task is stopped. The workspace's write helpers
(``tools.paths.atomic_write`` and ``Workspace.lock``) do their commit inside ``committing()``:

- a commit that starts after the cancel raises ``TaskCancelled`` and writes nothing;
- ``Token.cancel()`` waits until a commit already in progress has finished, so once it returns the
  task's files stay as they are: everything the task wrote landed before it was reported stopped.

run_python polls the token and kills its sandbox. What a tool does without these helpers (an SMTP
send already in progress, a browser opened) is not covered.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from langchain_core.tools import ToolException


class TaskCancelled(ToolException):
    """The task was stopped; the write it was about to commit was not made."""


class Token:
    """Set once by the executor; checked by every commit of the task's tool."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._active = 0
        self.cancelled = False
        self.reason = ""

    def cancel(self, reason: str = "the task was stopped", wait: float | None = 10.0) -> bool:
        """Refuse further commits; wait (up to ``wait`` s) for one in progress. True when none is left."""
        with self._cond:
            if not self.cancelled:
                self.cancelled, self.reason = True, reason
            return self._cond.wait_for(lambda: self._active == 0, timeout=wait)

    def check(self, what: str = "its work") -> None:
        if self.cancelled:
            raise TaskCancelled(f"Not done: {self.reason} before {what}, so nothing was written.")

    @contextmanager
    def section(self, what: str) -> Iterator[None]:
        with self._cond:
            self.check(what)
            self._active += 1
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()


_CURRENT: ContextVar[Token | None] = ContextVar("tinyagent_task_token", default=None)


def current() -> Token | None:
    """The running task's token (None outside the executor, e.g. a direct tool call)."""
    return _CURRENT.get()


def set_current(token: Token | None):
    """Make ``token`` the current task's; returns the ContextVar token for ``reset``."""
    return _CURRENT.set(token)


def cancelled() -> bool:
    token = _CURRENT.get()
    return token is not None and token.cancelled


def check(what: str = "its work") -> None:
    """Raise TaskCancelled when the current task was stopped."""
    token = _CURRENT.get()
    if token is not None:
        token.check(what)


@contextmanager
def committing(what: str) -> Iterator[None]:
    """Wrap a write's commit: refused after a cancel, and a cancel waits for it to finish."""
    token = _CURRENT.get()
    if token is None:
        yield
        return
    with token.section(what):
        yield
