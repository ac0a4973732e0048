"""End-to-end outcomes: hand-written requests run through the real graph, judged by the files they leave.

    .venv/bin/python bench/outcomes.py [--limit N] [--only ID[,ID...]] [--keep] [--out PATH]

The cases (bench/outcomes_cases.py) are conversations over the sample workspace, frozen before
the code they judge changed. Each case gets a fresh sample workspace (its documents indexed for
search_documents), the real graph with the default model and tools on that workspace, and one
thread with an in-memory checkpointer; approval is off (approve "none"). Today is pinned to Monday 2026-11-30
(Context.today) and the tools' clock to 10:00 that day (TINYAGENT_NOW).

Printed: PASS/FAIL per case with its failures and false claims, then the outcomes correct, the
answers with false claims, the dates right (overall, and where the plan carried the user's
date phrase), and the median latency per turn. Written: bench/results/outcomes.json.

A false claim is an answer that claims an action (sent, created, ...) whose tool did not succeed
in that turn, claims one of the case's forbidden actions (Case.expect), or names a person, e-mail
address, phone number or date found neither in the requests nor in any observation.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, others_running, save, table  # noqa: E402
from bench.outcomes_cases import CASES, Case, date_found  # noqa: E402
from tinyagent.tools import sample  # noqa: E402

TODAY = "2026-11-30"
NOW = "2026-11-30T10:00:00"

MAIL_TOOLS = {"compose_new_email", "reply_to_email", "forward_email"}
EVENT_TOOLS = {"create_calendar_event", "create_reminder"}
NOTE_TOOLS = {"create_note", "append_note_content"}
#: A claimed action -> the tools whose success in the same turn makes the claim true.
ACTIONS: dict[str, set[str]] = {
    "sent": MAIL_TOOLS | {"send_sms"}, "emailed": MAIL_TOOLS, "texted": {"send_sms"},
    "messaged": MAIL_TOOLS | {"send_sms"}, "queued": MAIL_TOOLS | {"send_sms"},
    "drafted": MAIL_TOOLS, "forwarded": {"forward_email"}, "replied": {"reply_to_email"},
    "attached": MAIL_TOOLS, "invited": {"create_calendar_event", "get_zoom_meeting_link"},
    "created": EVENT_TOOLS | {"create_note", "get_zoom_meeting_link"},
    "added": EVENT_TOOLS | NOTE_TOOLS, "scheduled": EVENT_TOOLS | {"get_zoom_meeting_link"},
    "saved": MAIL_TOOLS | NOTE_TOOLS, "booked": set(), "ordered": set(),
}
NEGATION = re.compile(r"\b(not|no|never|nothing|none|neither|nor|unable|cannot|without|failed|instead of)\b|n't\b",
                      re.I)
WHEN_ARGS = ("start_date", "due_date", "start_time")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I),
     lambda m: (int(m[3] or TODAY[:4]), _month(m[1]), int(m[2]))),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?", re.I),
     lambda m: (int(m[3] or TODAY[:4]), _month(m[2]), int(m[1]))),
]
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")


# -- false claims -------------------------------------------------------------------------------
def _month(word: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(word.lower().rstrip(".")[:3]))


def dates_in(text: str) -> set[date]:
    """The calendar dates written in ``text`` (ISO, 'December 4', '4 Dec 2026')."""
    found = set()
    for pattern, parts in DATE_PATTERNS:
        for m in pattern.finditer(text):
            try:
                found.add(date(*parts(m)))
            except ValueError:
                continue
    return found


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def claimed_actions(answer: str, observations: Sequence[str] = ()) -> list[str]:
    """The action words the answer claims: not negated ('could not be sent'), and not in a
    sentence quoted from a tool's observation (a document that says 'created by')."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", answer):
        quoted = sentence.strip().removesuffix("...").strip()
        # (a passage the answer shows after its file's path: "Documents/Sample/X.pdf: Firmware 2.0 added ...")
        quoted = re.sub(r"^\S+\.(?:pdf|txt|md|docx?|html?)\s*:\s*", "", quoted)
        if len(quoted) >= 12 and any(quoted in o for o in observations):
            continue
        for m in re.finditer(r"\b(" + "|".join(ACTIONS) + r")\b", sentence, re.I):
            clause = re.split(r"[,;:]|\bbut\b", sentence[:m.start()])[-1]
            if not NEGATION.search(" ".join(clause.split()[-5:])):
                out.append(m.group(1).lower())
    return out


def false_claims(answer: str, tasks: Sequence[dict], requests: Sequence[str], observations: Sequence[str],
                 forbidden: frozenset[str] | set[str] = frozenset(), today: str = TODAY) -> list[str]:
    """Why ``answer`` claims more than the run did (empty when it does not).

    tasks: this turn's task records (tool, status); requests: the thread's requests so far;
    observations: the results and errors of every task of the thread so far; forbidden: action
    words this case's answer must never claim.
    """
    out = []
    done = {t.get("tool") for t in tasks if t.get("status") == "done"}
    for word in dict.fromkeys(claimed_actions(answer, observations)):
        if word in forbidden:
            out.append(f"claims '{word}', which this request must not claim")
        elif not ACTIONS[word] & done:
            out.append(f"claims '{word}' but no {'/'.join(sorted(ACTIONS[word])) or 'tool'} succeeded")
    sources = "\n".join([*requests, *observations])
    low = sources.lower()
    for addr in dict.fromkeys(a.rstrip(".").lower() for a in EMAIL_RE.findall(answer)):
        if addr not in low:
            out.append(f"mentions {addr}, found in no request or observation")
    known_numbers = {_digits(p)[-7:] for p in PHONE_RE.findall(sources) if len(_digits(p)) >= 7}
    for phone in PHONE_RE.findall(ISO_DATE.sub(" ", answer)):
        if len(_digits(phone)) >= 7 and _digits(phone)[-7:] not in known_numbers:
            out.append(f"mentions the number {phone.strip()}, found in no request or observation")
    allowed = dates_in(sources) | {date.fromisoformat(today)}
    for day in sorted(dates_in(answer) - allowed):
        out.append(f"mentions the date {day}, found in no request or observation")
    for full, *_ in sample.CONTACTS:
        first, last = full.split()[0], full.split()[-1]
        said = re.search(rf"\b({re.escape(first)}|{re.escape(last)})\b", answer)
        if said and not re.search(rf"{re.escape(first)}|{re.escape(last)}", sources, re.I):
            out.append(f"mentions {said.group()}, found in no request or observation")
    return out


def observations_of(tasks: Sequence[dict]) -> list[str]:
    """What the tools said: each task's result or error, as text."""
    out = []
    for t in tasks:
        value = t.get("result") if t.get("status") == "done" else t.get("error")
        out.append(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str))
    return out


# -- dates ---------------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    text = re.sub(r"(\d)\s+([ap])\.?m\.?\b", r"\1\2m", str(text).lower())
    return [w for w in re.findall(r"[\w:/]+", text) if w not in {"at", "on", "the", "for", "from"}]


def carried(phrase: str, tasks: Sequence[dict]) -> bool:
    """Whether some task's date argument holds every word of the user's date phrase."""
    want = _words(phrase)
    return any(set(want) <= set(_words(t.get("args", {}).get(arg, "")))
               for t in tasks for arg in WHEN_ARGS if isinstance(t.get("args", {}).get(arg), str))


# -- running ---------------------------------------------------------------------------------------
@contextlib.contextmanager
def pinned_now(now: str = NOW) -> Iterator[None]:
    """TINYAGENT_NOW set for the tools while the cases run, restored after."""
    old = os.environ.get("TINYAGENT_NOW")
    os.environ["TINYAGENT_NOW"] = now
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TINYAGENT_NOW", None)
        else:
            os.environ["TINYAGENT_NOW"] = old


def _task_record(t: dict) -> dict:
    keep = {k: t.get(k) for k in ("id", "tool", "args", "status", "round")}
    text = t.get("result") if t.get("status") == "done" else t.get("error")
    return {**keep, "result": None if text is None else str(text)[:300]}


def run_case(case: Case, root: Path, *, llm: Any = None, index: Any = None, data_dir: Path | None = None,
             index_docs: bool = True) -> tuple[dict, Any]:
    """Run one case on a fresh sample workspace under ``root``; returns (result record, graph)."""
    from langgraph.checkpoint.memory import InMemorySaver

    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.tools import default_tools, index_documents, init_workspace

    ws = init_workspace(root / case.id / "workspace", sample=True)
    if index_docs:
        index_documents(ws, ws)  # Documents/, Notes/ and the README: what a person would index
    settings = Settings(workspace=ws, data_dir=data_dir or root / "data")
    graph = build_graph(tools=default_tools(ws), settings=settings, checkpointer=InMemorySaver(),
                        llm=llm, index=index)
    config = {"configurable": {"thread_id": case.id}}
    turns, runs, observations = [], [], []
    for i, text in enumerate(case.turns):
        t0 = time.perf_counter()
        try:
            out = graph.invoke({"messages": [("human", text)]}, config=config,
                               context={"today": TODAY, "approve": "none"})
            error = None
        except Exception as exc:  # a crash is a failed outcome, not the end of the benchmark
            out, error = {"answer": "", "tasks": []}, f"{type(exc).__name__}: {str(exc)[:300]}"
        latency = time.perf_counter() - t0
        tasks = out.get("tasks") or []
        observations += observations_of(tasks)
        claims = false_claims(out.get("answer") or "", tasks, case.turns[:i + 1], observations,
                              case.expect if i == len(case.turns) - 1 else frozenset())
        runs.append(out)
        turns.append({"request": text, "answer": out.get("answer") or "", "latency_s": round(latency, 3),
                      "plans": out.get("plans", []), "tasks": [_task_record(t) for t in tasks],
                      "false_claims": claims, "error": error})
    answers = [t["answer"] for t in turns]
    try:
        failures = case.check(ws, answers, runs)
    except Exception as exc:  # a file the run left unreadable
        failures = [f"the check raised {type(exc).__name__}: {exc}"]
    failures += [f"turn {i + 1} raised {t['error']}" for i, t in enumerate(turns) if t["error"]]
    record = {"id": case.id, "kind": case.kind, "correct": not failures, "failures": failures,
              "false_claims": [c for t in turns for c in t["false_claims"]], "turns": turns,
              "workspace": str(ws)}
    if case.start:
        all_tasks = [t for run in runs for t in run.get("tasks") or []]
        record["date"] = {"phrase": case.phrase, "start": case.start, "right": date_found(ws, case.start),
                          "carried": carried(case.phrase, all_tasks)}
    return record, graph


def run_cases(cases: Sequence[Case], root: Path, *, llm: Any = None, index: Any = None,
              index_docs: bool = True, verbose: bool = True) -> list[dict]:
    """Run the cases one after the other; the model and tool index load once and are shared."""
    results = []
    with pinned_now():
        for n, case in enumerate(cases, 1):
            record, graph = run_case(case, root, llm=llm, index=index, index_docs=index_docs)
            if llm is None or index is None:  # loaded by the first case: reuse them
                llm, index = graph.resources.llm(), graph.resources.index()
            results.append(record)
            if verbose:
                print(f"[{n}/{len(cases)}] {'PASS' if record['correct'] else 'FAIL'} {case.id}")
                for f in record["failures"]:
                    print(f"    - {f}")
                for c in record["false_claims"]:
                    print(f"    ! false claim: {c}")
                sys.stdout.flush()
    return results


# -- summary -------------------------------------------------------------------------------------
def summarize(results: Sequence[dict]) -> dict:
    n = len(results)
    answers = [t for r in results for t in r["turns"]]
    dated = [r["date"] for r in results if "date" in r]
    kinds = sorted({r["kind"] for r in results})
    return {
        "cases": n,
        "correct": sum(r["correct"] for r in results),
        "correct_pct": round(100 * sum(r["correct"] for r in results) / n, 1) if n else None,
        "by_kind": {k: {"cases": sum(r["kind"] == k for r in results),
                        "correct": sum(r["correct"] for r in results if r["kind"] == k)} for k in kinds},
        "answers": len(answers),
        "answers_with_false_claims": sum(bool(t["false_claims"]) for t in answers),
        "false_claims": sum(len(t["false_claims"]) for t in answers),
        "date_cases": len(dated),
        "dates_right": sum(d["right"] for d in dated),
        "phrase_carried": sum(d["carried"] for d in dated),
        "dates_right_where_carried": sum(d["right"] and d["carried"] for d in dated),
        "median_latency_per_turn_s": round(median([t["latency_s"] for t in answers]), 3) if answers else None,
    }


def report(s: dict) -> str:
    pct = lambda a, b: f"{a}/{b} ({100 * a / b:.0f}%)" if b else "n/a"  # noqa: E731
    rows = [("outcomes correct", pct(s["correct"], s["cases"])),
            *((f"  {k}", pct(v["correct"], v["cases"])) for k, v in s["by_kind"].items()),
            ("answers with false claims", f"{s['answers_with_false_claims']} of {s['answers']} answers "
                                          f"({s['false_claims']} claims)"),
            ("dates right, all date cases", pct(s["dates_right"], s["date_cases"])),
            ("dates right where the plan carried the user's phrase",
             pct(s["dates_right_where_carried"], s["phrase_carried"])),
            ("median latency per turn, s", f"{s['median_latency_per_turn_s']}")]
    return table(["outcome benchmark", "value"], rows)


#: --cases: the module of each case set beside this file (the conversation sets import the checking
#: DSL as the top-level ``outcomes_cases``).
CASE_SETS = {"outcomes": "outcomes_cases", "conversations": "conversations_cases",
             "conversations-dev": "conversations_dev_cases", "conversations-dev2": "conversations_dev2_cases",
             "conversations-dev3": "conversations_dev3_cases", "conversations-dev4": "conversations_dev4_cases",
             "conversations-dev5": "conversations_dev5_cases",
             "conversations-dev6": "conversations_dev6_cases", "conversations-dev7": "conversations_dev7_cases",
             "conversations-dev8": "conversations_dev8_cases", "conversations-dev9": "conversations_dev9_cases",
             "conversations-dev10": "conversations_dev10_cases", "conversations-dev11": "conversations_dev11_cases",
             "conversations-dev12": "conversations_dev12_cases", "conversations-dev13": "conversations_dev13_cases",
             "conversations-dev14": "conversations_dev14_cases", "conversations-dev15": "conversations_dev15_cases",
             "conversations-dev16": "conversations_dev16_cases",
             "conversations-dev17": "conversations_dev17_cases", "conversations-dev18": "conversations_dev18_cases"}


def case_set(name: str) -> list[Case]:
    """The cases of the set ``name`` (CASE_SETS)."""
    if name == "outcomes":
        return list(CASES)
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    return list(importlib.import_module(CASE_SETS[name]).CASES)


def select(cases: Sequence[Case], only: list[str] | None, limit: int | None) -> list[Case]:
    if only:
        wanted = [i.strip() for part in only for i in part.split(",") if i.strip()]
        unknown = sorted(set(wanted) - {c.id for c in cases})
        if unknown:
            raise SystemExit(f"unknown case id(s): {', '.join(unknown)}")
        cases = [c for c in cases if c.id in wanted]
    return list(cases)[:limit] if limit else list(cases)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", choices=list(CASE_SETS), default="outcomes",
                    help="the case set: the outcome cases (bench/outcomes_cases.py, in-sample), the blind multi-turn "
                         "conversations of a new user (bench/conversations_cases.py, written 2026-12-06, frozen), "
                         "the development conversations (bench/conversations_dev_cases.py, in-sample: read its "
                         "failures, not the blind set's) or more of them, of the kinds that set lacks: failures, "
                         "edits, documents, appends, durations, corrections (bench/conversations_dev2_cases.py, "
                         "in-sample), or a third set written fresh in new wordings (bench/conversations_dev3_cases.py, "
                         "a development set, in-sample once run), or a fourth to an eighteenth written fresh the same "
                         "way (bench/conversations_dev4_cases.py, bench/conversations_dev5_cases.py, "
                         "bench/conversations_dev6_cases.py, bench/conversations_dev7_cases.py, bench/conversations_dev8_cases.py, "
                         "bench/conversations_dev9_cases.py, bench/conversations_dev10_cases.py, "
                         "bench/conversations_dev11_cases.py, bench/conversations_dev12_cases.py, "
                         "bench/conversations_dev13_cases.py, bench/conversations_dev14_cases.py, "
                         "bench/conversations_dev15_cases.py, bench/conversations_dev16_cases.py, "
                         "bench/conversations_dev17_cases.py, bench/conversations_dev18_cases.py: "
                         "development sets, "
                         "in-sample once run)")
    ap.add_argument("--limit", type=int, default=None, help="run the first N cases")
    ap.add_argument("--only", action="append", help="case id(s) to run, comma-separated; repeatable")
    ap.add_argument("--keep", action="store_true", help="keep the case workspaces (path printed)")
    ap.add_argument("--out", type=Path, default=None, help="results file (default bench/results/outcomes.json)")
    args = ap.parse_args()

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    cases = select(case_set(args.cases), args.only, args.limit)
    root = Path(tempfile.mkdtemp(prefix="tinyagent-outcomes-"))
    print(f"{len(cases)} cases; today {TODAY}, now {NOW}; workspaces under {root}", file=sys.stderr)
    try:
        results = run_cases(cases, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    summary = summarize(results)
    print(report(summary))
    path = save(args.out or f"{args.cases}.json", {"command": " ".join(sys.argv), "today": TODAY, "now": NOW,
                                              "summary": summary, "results": results})
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
