"""The reference "now" that relative dates resolve against: the run's today, TINYAGENT_NOW, or the clock.

The graph sets the run's date (``Context.today``) with :func:`use_today` around its tools, so
"tomorrow" means the day after the run's today; ``TINYAGENT_NOW`` (ISO date-time) pins the clock
for benchmarks; ``TINYAGENT_TIMEZONE`` (an IANA name such as Europe/Berlin) sets the person's time
zone, else the system's local zone is used. Times are naive wall-clock times in that zone.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from datetime import date, datetime, time
from typing import Iterator

_TODAY: contextvars.ContextVar[date | None] = contextvars.ContextVar("tinyagent_today", default=None)


def _zone_now() -> datetime:
    name = os.environ.get("TINYAGENT_TIMEZONE", "").strip()
    if name:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            return datetime.now(ZoneInfo(name)).replace(tzinfo=None)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"TINYAGENT_TIMEZONE={name!r} is not a time zone name; use one such as "
                             "Europe/Berlin or America/New_York, or unset it for the system's zone.") from None
    return datetime.now()


def now() -> datetime:
    """The current wall-clock time in the person's zone, moved to the run's today when one is set."""
    pinned = os.environ.get("TINYAGENT_NOW", "").strip()
    current = datetime.fromisoformat(pinned) if pinned else _zone_now()
    today = _TODAY.get()
    if today is not None and today != current.date():
        # The run's "today" without a time of day: morning, so "at 3pm" and "tonight" are still ahead.
        return datetime.combine(today, time(9) if not pinned else current.time())
    return current


@contextlib.contextmanager
def use_today(today: date | str | None) -> Iterator[None]:
    """Resolve relative dates against ``today`` inside this block (and tasks started in it)."""
    if isinstance(today, str):
        today = date.fromisoformat(today)
    token = _TODAY.set(today)
    try:
        yield
    finally:
        _TODAY.reset(token)


def set_today(today: date | str | None) -> None:
    """Set the run's today for the current context (an asyncio task or a copied context)."""
    if isinstance(today, str):
        today = date.fromisoformat(today)
    _TODAY.set(today)
