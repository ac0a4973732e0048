"""Bring your own tools (issue #18): hand-written tool sets the project never saw, planned by the real model.

    .venv/bin/python bench/byot.py [--limit N] [--category single|parallel|none] [--toolset ID[,ID...]]
                                   [--json] [--out PATH]

The tool sets (bench/byot/toolsets.json) and requests (bench/byot/cases.jsonl) were written by hand
on 2026-11-30 and frozen before the planner was changed for them (bench/byot/README.md). The model
is loaded once and the tool index opened once (in a throwaway data dir); each tool set becomes its
own graph over them, with one StructuredTool per JSON-schema tool whose function only returns a
short fixed string. Every request is a dry run (retrieve, plan, compile; no tool runs) with today
pinned to Monday 2026-11-30, and its compiled tasks are compared with the expected calls.

Scoring per case (the rules are in bench/byot/README.md): "fully right" when the planned calls equal
the expected ones as a multiset (tool names equal, arguments equal after normalization), "right
tools" when the multisets of tool names are equal, "declined" (cases no tool fits) when the plan
compiled with no call. Argument accuracy is the share of expected arguments the planned calls got
right, on the cases with the right tools. Latency is the wall time of one request's graph run.

Printed: a table per category. ``--json`` writes every case (request, expected calls, plan text,
planned calls, error) to ``--out`` (default bench/results/byot.json).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, others_running, save, table  # noqa: E402

HERE = Path(__file__).resolve().parent / "byot"
TOOLSETS = HERE / "toolsets.json"
CASES = HERE / "cases.jsonl"
TODAY = "2026-11-30"
CATEGORIES = ("single", "parallel", "none")


# -- the frozen data -----------------------------------------------------------------------------
def load_toolsets(path: Path = TOOLSETS) -> dict[str, dict]:
    """Tool set id -> {"id", "domain", "tools": [{"name", "description", "parameters"}]}."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {ts["id"]: ts for ts in data["toolsets"]}


def load_cases(path: Path = CASES) -> list[dict]:
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def schemas_of(toolset: dict) -> dict[str, dict]:
    """Tool name -> its parameters' JSON schema."""
    return {t["name"]: t.get("parameters") or {} for t in toolset["tools"]}


# -- scoring ---------------------------------------------------------------------------------------
_TRAILING = ".,;:!?"


def norm_str(text: str) -> str:
    """Casefold, collapse whitespace, no spaces around commas, no trailing punctuation."""
    text = re.sub(r"\s*,\s*", ",", " ".join(text.split()).casefold())
    return text.rstrip(_TRAILING).rstrip()


def canon(value: Any, schema: dict | None = None) -> Any:
    """A hashable normal form of a value: strings normalized, 3 == 3.0 (but True is not 1),
    lists in order, dicts without the keys that are omitted or hold their schema default."""
    schema = schema or {}
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("num", float(value))
    if isinstance(value, str):
        return ("str", norm_str(value))
    if value is None:
        return ("null",)
    if isinstance(value, (list, tuple)):
        items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        return ("list", tuple(canon(v, items) for v in value))
    if isinstance(value, dict):
        return ("dict", canon_args(value, schema))
    return ("other", repr(value))


def clean_args(args: dict, schema: dict | None) -> dict:
    """``args`` without the optional ones that are None or equal to the schema's default."""
    schema = schema or {}
    props = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    out = {}
    for name, value in (args or {}).items():
        prop = props.get(name) or {}
        if name not in required:
            if value is None:
                continue
            if "default" in prop and canon(value, prop) == canon(prop["default"], prop):
                continue
        out[name] = value
    return out


def canon_args(args: dict, schema: dict | None) -> tuple:
    """The normal form of a call's arguments: sorted (name, canon(value)) pairs, defaults dropped."""
    props = (schema or {}).get("properties") or {}
    return tuple(sorted((k, canon(v, props.get(k))) for k, v in clean_args(args, schema).items()))


def canon_call(call: dict, schemas: dict[str, dict]) -> tuple:
    return (call["tool"], canon_args(call.get("args") or {}, schemas.get(call["tool"])))


def args_matched(expected: dict, planned: dict, schema: dict | None) -> tuple[int, int]:
    """(expected arguments the planned call gives with an equal value, expected arguments)."""
    props = (schema or {}).get("properties") or {}
    want, got = clean_args(expected, schema), clean_args(planned, schema)
    hits = sum(1 for k, v in want.items()
               if k in got and canon(got[k], props.get(k)) == canon(v, props.get(k)))
    return hits, len(want)


def best_arg_match(expected: Sequence[dict], planned: Sequence[dict],
                   schemas: dict[str, dict]) -> tuple[int, int]:
    """Matched and total expected arguments, pairing each expected call with a planned call of the
    same tool so that the most arguments match (the tool multisets must be equal)."""
    hits = total = 0
    for tool in sorted({c["tool"] for c in expected}):
        want = [c.get("args") or {} for c in expected if c["tool"] == tool]
        got = [c.get("args") or {} for c in planned if c["tool"] == tool]
        best = (-1, 0)
        for perm in itertools.permutations(got, len(want)):
            pairs = [args_matched(w, g, schemas.get(tool)) for w, g in zip(want, perm)]
            score = (sum(h for h, _ in pairs), sum(n for _, n in pairs))
            best = max(best, score)
        hits += max(best[0], 0)
        total += best[1] if best[0] >= 0 else sum(len(clean_args(w, schemas.get(tool))) for w in want)
    return hits, total


def score(case: dict, planned: Sequence[dict], schemas: dict[str, dict], error: str | None = None) -> dict:
    """Judge one case's planned calls ([{"tool", "args"}]) against its expected calls."""
    expected = case["calls"]
    right_tools = Counter(c["tool"] for c in planned) == Counter(c["tool"] for c in expected)
    fully = right_tools and (Counter(canon_call(c, schemas) for c in planned)
                             == Counter(canon_call(c, schemas) for c in expected))
    hits, total = best_arg_match(expected, planned, schemas) if right_tools else (0, 0)
    declined = not planned and not error
    if error:  # a run that failed planned nothing, whatever it left behind
        fully = right_tools = False
    return {"fully_right": fully, "right_tools": right_tools, "declined": declined,
            "args_matched": hits, "args_expected": total}


def summarize(results: Sequence[dict]) -> list[dict]:
    """One row per category present, and one for all cases."""
    rows = []
    groups = [(c, [r for r in results if r["category"] == c]) for c in CATEGORIES]
    for name, rs in [*groups, ("all", list(results))]:
        if not rs:
            continue
        args_n = sum(r["args_expected"] for r in rs if r["right_tools"])
        none = [r for r in rs if r["category"] == "none"]
        rows.append({
            "category": name, "n": len(rs),
            "fully_right": sum(r["fully_right"] for r in rs) / len(rs),
            "right_tools": sum(r["right_tools"] for r in rs) / len(rs),
            "declined": sum(r["declined"] for r in none) / len(none) if none else None,
            "arg_accuracy": (sum(r["args_matched"] for r in rs if r["right_tools"]) / args_n
                             if args_n else None),
            "errors": sum(1 for r in rs if r.get("error")),
            "median_latency_s": median([r["latency_s"] for r in rs if r.get("latency_s") is not None]),
        })
    return rows


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


# -- the run ---------------------------------------------------------------------------------------
def make_tools(toolset: dict) -> list:
    """One StructuredTool per tool of the set, its JSON schema as the args schema; each returns a
    short fixed string (this benchmark only plans)."""
    from langchain_core.tools import StructuredTool

    def reply(name: str):
        def run(**kwargs: Any) -> str:
            return f"{name}: done ({len(kwargs)} arguments)"
        return run

    empty = {"type": "object", "properties": {}}
    return [StructuredTool.from_function(func=reply(t["name"]), name=t["name"], description=t["description"],
                                         args_schema=t.get("parameters") or empty)
            for t in toolset["tools"]]


def planned_calls(state: dict) -> list[dict]:
    """The dry run's calls under the tool set's own names (a task record carries ``name`` and
    ``tool_args`` where the plan had to rename a tool or an argument, e.g. math.factorial)."""
    return [{"tool": t.get("name", t["tool"]), "args": t.get("tool_args", t.get("args")) or {}}
            for t in state.get("tasks") or [] if t.get("status", "planned") == "planned"]


def run(cases: Sequence[dict], toolsets: dict[str, dict], progress=print) -> list[dict]:
    from tinyagent.graph.graph import build_graph, load_model, open_index
    from tinyagent.graph.settings import Settings

    tmp = tempfile.TemporaryDirectory(prefix="byot-")
    settings = Settings(data_dir=Path(tmp.name))
    t0 = time.perf_counter()
    llm = load_model(settings)
    index = open_index(settings)
    progress(f"model and index ready in {time.perf_counter() - t0:.1f} s "
             f"({settings.model_path.name}, adapter {getattr(settings.lora_path, 'name', None)})")

    graphs: dict[str, Any] = {}
    build_errors: dict[str, str] = {}
    results = []
    for i, case in enumerate(cases, 1):
        ts = toolsets[case["toolset"]]
        schemas = schemas_of(ts)
        if ts["id"] not in graphs and ts["id"] not in build_errors:
            try:
                graphs[ts["id"]] = build_graph(tools=make_tools(ts), settings=settings, llm=llm, index=index)
            except Exception as exc:  # a tool set the code rejects: all its cases fail, with the reason
                build_errors[ts["id"]] = f"build: {type(exc).__name__}: {str(exc)[:300]}"
        state: dict = {}
        error = build_errors.get(ts["id"])
        wall = None
        if error is None:
            t = time.perf_counter()
            try:
                state = graphs[ts["id"]].invoke({"messages": [{"role": "user", "content": case["request"]}]},
                                                context={"dry_run": True, "today": TODAY})
            except Exception as exc:  # one broken request must not end the benchmark
                error = f"invoke: {type(exc).__name__}: {str(exc)[:300]}"
            wall = time.perf_counter() - t
        planned = [] if error else planned_calls(state)
        plan_error = state.get("plan_error")
        res = {"id": case["id"], "toolset": case["toolset"], "category": case["category"],
               "request": case["request"], "expected": case["calls"], "planned": planned,
               "plan": state.get("plan", ""), "plans": state.get("plans", []),
               "status": state.get("status"), "plan_error": plan_error, "error": error,
               "shown": state.get("tools", []), "replans": state.get("replans", 0),
               "latency_s": wall, **score(case, planned, schemas, error or plan_error)}
        results.append(res)
        mark = "OK  " if res["fully_right"] else ("TOOL" if res["right_tools"] else "FAIL")
        got = "; ".join(f"{c['tool']}({json.dumps(c['args'], ensure_ascii=False)[:80]})"
                        for c in planned) or "(none)"
        progress(f"[{i}/{len(cases)}] {mark} {case['id']} {case['category']:<8} {got}"
                 + (f"  !! {(error or plan_error)[:120]}" if (error or plan_error) else ""))
    tmp.cleanup()
    return results


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N cases (after the filters)")
    ap.add_argument("--category", choices=CATEGORIES, default=None)
    ap.add_argument("--toolset", default=None, help="comma-separated tool set ids")
    ap.add_argument("--json", action="store_true", help="write every case's result as JSON")
    ap.add_argument("--out", default="byot.json",
                    help="where --json writes (a bare name goes under bench/results/)")
    args = ap.parse_args(argv)

    toolsets = load_toolsets()
    cases = load_cases()
    if args.category:
        cases = [c for c in cases if c["category"] == args.category]
    if args.toolset:
        wanted = {s.strip() for s in args.toolset.split(",") if s.strip()}
        unknown = wanted - set(toolsets)
        if unknown:
            raise SystemExit(f"unknown tool set(s): {', '.join(sorted(unknown))}")
        cases = [c for c in cases if c["toolset"] in wanted]
    if args.limit:
        cases = cases[:args.limit]
    busy = others_running()
    if busy:
        print("note: timings may be distorted:", "; ".join(busy), file=sys.stderr)

    results = run(cases, toolsets, progress=lambda s: print(s, file=sys.stderr, flush=True))
    summary = summarize(results)
    print(table(["category", "n", "fully right", "right tools", "declined", "arg accuracy", "errors",
                 "median latency"],
                [[r["category"], r["n"], pct(r["fully_right"]), pct(r["right_tools"]), pct(r["declined"]),
                  pct(r["arg_accuracy"]), r["errors"], f"{r['median_latency_s']:.2f} s"] for r in summary]))
    failed_sets = sorted({r["toolset"] for r in results if r["error"] and r["error"].startswith("build:")})
    if failed_sets:
        print("tool sets that could not be built:", ", ".join(failed_sets))
    if args.json:
        command = " ".join(["bench/byot.py", *(argv if argv is not None else sys.argv[1:])])
        path = save(args.out, {"command": command, "today": TODAY, "busy": busy, "summary": summary,
                               "cases": results})
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
