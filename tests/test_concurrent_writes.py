"""Load: 16 runs at once through a real `langgraph dev` server, with the embedded default model, all
writing to the same notes and the one calendar. Nobody approves (approve="none").

What the runs did is read from their own records (the task list in each thread's final state), and
checked against the files: every note a run created is there with its text, every line a run
appended to the shared note is in it exactly once per append, every event a run created is in
calendar.ics once, and every .ics and note file is valid afterwards. A request the model plans
wrongly is not a concurrency failure; it only counts against the at-least-12-runs-wrote floor.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.langgraph_dev import LANGGRAPH, LIGHT, serve

N_RUNS = 16
SHARED_NOTE = "Shopping list"  # a sample note: four runs append to it
APPEND_ITEMS = ["bread", "apples", "rice", "cheese"]

pytest.importorskip("langgraph_sdk")
pytest.importorskip("llama_cpp")
if not LANGGRAPH.exists():
    pytest.skip("langgraph-cli is not installed (pip install -e '.[dev]')", allow_module_level=True)


def requests() -> list[str]:
    """8 runs on notes (4 new notes, 4 appends to one note) and 8 new events on the one calendar."""
    notes = [f"Create a note called Shopping {n} with eggs and milk" for n in range(1, 5)]
    notes += [f"Append {item} to my {SHARED_NOTE} note" for item in APPEND_ITEMS]
    events = [f"Add an event called Meeting {n} on 2026-12-0{n} at 10am" for n in range(1, 9)]
    mixed = [q for pair in zip(notes, events) for q in pair]  # notes and events interleaved
    assert len(mixed) == N_RUNS
    return mixed


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`langgraph dev` with 16 jobs per worker (no run waits for a slot) and a fresh sample
    workspace, its data dir in a temporary folder."""
    from tinyagent.tools import init_workspace

    tmp = tmp_path_factory.mktemp("load")
    workspace = init_workspace(tmp / "workspace", sample=True)
    with serve(tmp, {"TINYAGENT_WORKSPACE": str(workspace), **LIGHT},
               ["--n-jobs-per-worker", str(N_RUNS)]) as (url, log):
        yield url, workspace, log


async def run_all(url: str, queries: list[str]) -> list[dict]:
    """All queries at once, each on its own thread; returns what each run ended with."""
    from langgraph_sdk import get_client

    client = get_client(url=url, timeout=600)

    async def one(query: str) -> dict:
        thread = (await client.threads.create())["thread_id"]
        t = time.monotonic()
        out = await client.runs.wait(thread, "tinyagent",
                                     input={"messages": [{"role": "user", "content": query}]},
                                     context={"approve": "none", "today": "2026-11-23"})
        state = await client.threads.get_state(thread)
        return {"query": query, "out": out, "state": state, "wall": time.monotonic() - t}

    return await asyncio.gather(*(one(q) for q in queries))


def written_path(workspace: Path, result: str) -> Path:
    """The file a write tool's result names ("... in Notes/Shopping 1.md.", then the words it wrote, if any:
    ' The text: "..."')."""
    m = re.search(r" in (\S.*?)\.(?:$| The text: \")", result.strip())
    assert m, result
    return workspace / m.group(1)


def calendar_events(path: Path) -> list:
    """The VEVENTs of an .ics file, parsed by icalendar as tools/calendar.py writes it."""
    from icalendar import Calendar

    cal = Calendar.from_ical(path.read_bytes())  # raises on a broken file
    return list(cal.walk("VEVENT"))


def test_16_concurrent_runs_write_notes_and_calendar_and_lose_nothing(server):
    url, workspace, log = server
    shared = workspace / "Notes" / f"{SHARED_NOTE}.md"
    shared_before = shared.read_text(encoding="utf-8")
    assert not calendar_events(workspace / "calendar.ics")

    t0 = time.monotonic()
    runs = asyncio.run(run_all(url, requests()))
    wall = time.monotonic() - t0

    # 0 failed runs: each ended normally with an answer, none errored or paused for approval
    for r in runs:
        out, state = r["out"], r["state"]
        assert isinstance(out, dict) and "__error__" not in out, (r["query"], out, log.read_text()[-3000:])
        assert not out.get("__interrupt__") and not state["next"] and not state.get("interrupts"), r["query"]
        assert out.get("answer"), (r["query"], out)

    # what the runs' records say they wrote
    done = [(r["query"], t) for r in runs for t in r["state"]["values"]["tasks"] if t["status"] == "done"]
    failed = [(r["query"], t) for r in runs for t in r["state"]["values"]["tasks"] if t["status"] == "failed"]
    for query, t in failed:  # a wrong plan may fail on its arguments; never on a lock or a broken file
        assert not re.search(r"\bbusy\b|\block(ed)?\b|not a valid iCalendar|Traceback", t.get("error") or "",
                             re.IGNORECASE), (query, t)
    created_notes = [(written_path(workspace, t["result"]), t["args"].get("content", ""))
                     for _, t in done if t["tool"] == "create_note"]
    appended: dict[Path, list[str]] = {}
    for _, t in done:
        if t["tool"] == "append_note_content":
            appended.setdefault(written_path(workspace, t["result"]), []).append(t["args"]["content"])
    events: dict[Path, list[str]] = {}
    for _, t in done:
        if t["tool"] == "create_calendar_event":
            events.setdefault(written_path(workspace, t["result"]), []).append(t["args"]["title"].strip())
    writers = {"create_note", "append_note_content", "create_calendar_event", "create_reminder"}
    wrote = {q for q, t in done if t["tool"] in writers}
    assert len(wrote) >= 12, f"only {len(wrote)} of {N_RUNS} runs wrote: {sorted(set(requests()) - wrote)}"

    # nothing lost: every created note with its text, every appended line once per append. A note
    # created again with the same name and text is reported as already there (tools/notes.py), so
    # only the "Created note" results must name distinct files: none overwritten
    fresh = [written_path(workspace, t["result"]) for _, t in done
             if t["tool"] == "create_note" and t["result"].startswith("Created note")]
    assert fresh and len(set(fresh)) == len(fresh)
    for _, t in done:
        if t["tool"] == "create_note" and not t["result"].startswith("Created note"):
            assert "already exists with this content" in t["result"], t["result"]
    for path, content in created_notes:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# {path.stem.split(' (')[0]}") and content.strip() in text, (path, text)
    for path, contents in appended.items():
        text = path.read_text(encoding="utf-8")
        before = shared_before if path == shared else None
        # (a line appended to a note that ends in a list is written as its next item: "- Bread")
        lines = [_item(line) for line in text.splitlines()]
        added = [_item(line) for c in contents for line in c.strip("\n").splitlines()]
        if before is not None:  # the shared note: its old text, then exactly the appended lines
            assert text.startswith(before), text
            assert Counter(_item(x) for x in text[len(before):].splitlines()) == Counter(added), (text, contents)
        else:
            assert all(Counter(lines)[line] >= n for line, n in Counter(added).items()), (text, contents)
    # every event the runs created is in its calendar once, and nothing else is
    for path, titles in events.items():
        assert Counter(str(e["SUMMARY"]) for e in calendar_events(path)) == Counter(titles), path
    assert sum(len(v) for v in events.values()) >= 1 and sum(len(v) for v in appended.values()) >= 1

    # the files are valid afterwards: every calendar parses, every event has its times, every note
    # reads as UTF-8, and no temporary file of an atomic write is left behind
    for ics in workspace.rglob("*.ics"):
        for event in calendar_events(ics):
            assert event.get("DTSTART") and event.get("DTEND") and event.get("UID"), ics
    for note in (workspace / "Notes").rglob("*"):
        if note.is_file():
            note.read_bytes().decode("utf-8")
    assert not [p for p in workspace.rglob("*.tmp")]

    # how close the writes came: their intervals in wall-clock time (records count from the run's start)
    spans = sorted((r["state"]["values"]["started"] + t["start"], r["state"]["values"]["started"] + t["end"])
                   for r in runs for t in r["state"]["values"]["tasks"]
                   if t["status"] == "done" and t["tool"] in writers)
    edges = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans])
    at_once = max(itertools.accumulate(step for _, step in edges))  # writes in a tool call together
    n_events = sum(len(v) for v in events.values())
    n_appends = sum(len(v) for v in appended.values())
    print(f"\n{N_RUNS} concurrent runs in {wall:.1f} s (longest {max(r['wall'] for r in runs):.1f} s): "
          f"{len(wrote)} wrote; {len(created_notes)} notes created, {n_appends} appends to "
          f"{len(appended)} note(s), {n_events} events; 0 failed; up to {at_once} writes in their "
          f"tools at the same moment")


def _item(line: str) -> str:
    """A note's line without the list marker the note tool puts before an appended list item."""
    return line[2:] if line.startswith("- ") else line
