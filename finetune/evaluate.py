"""Evaluate the planner through the real graph (retrieve -> plan -> compile, dry run): ``python -m tinyagent.finetune eval``.

Metrics, as TinyAgent reports them:
- success_rate: the plan's DAG is isomorphic to the gold DAG (nodes labelled by tool, edges from "$K");
- arg_accuracy: share of gold (tool, argument, value) triples matched under the best such mapping;
- parse_rate: share of requests whose final plan compiled;
- tool_recall: share of the gold tools that retrieval showed the planner;
- median_latency_s: median planning time per request (all plan rounds).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import itertools
import json
import os
import re
import statistics
import sys
import tempfile
import time
from math import prod
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "finetune" / "data"
MAX_MAPPINGS = 20000  # beyond this many candidate mappings, only the in-order one is tried

_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\d)[ t](\d\d:\d\d)(?::00)?$")
_REF = re.compile(r"\$(\d+)")


# -- metrics -----------------------------------------------------------------------------------
def norm_value(value: Any, refs: dict[int, int] | None = None) -> Any:
    """A comparable form: case and spacing folded, numbers as floats, refs renumbered by ``refs``,
    "YYYY-MM-DD HH:MM:SS" and "YYYY-MM-DD HH:MM" alike, a one-item list equal to its item."""
    if isinstance(value, str):
        if refs is not None:
            value = _REF.sub(lambda m: f"${refs.get(int(m.group(1)), '?' + m.group(1))}", value)
        text = " ".join(value.casefold().split()).strip(" .")
        text = _DATETIME.sub(r"\1 \2", text)
        try:
            return float(text)
        except ValueError:
            return text
    if isinstance(value, bool):
        return ("bool", value)  # True must not equal 1.0
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (list, tuple)):
        items = sorted((norm_value(v, refs) for v in value), key=repr)
        return items[0] if len(items) == 1 else tuple(items)
    if isinstance(value, dict):
        return tuple(sorted(((str(k).casefold(), norm_value(v, refs)) for k, v in value.items()), key=repr))
    return repr(value)


def _deps(task: dict) -> set[int]:
    return set(task.get("deps") or ())


def _mappings(pred: list[dict], gold: list[dict]) -> Iterable[dict[int, int]]:
    """Every tool-preserving one-to-one mapping of predicted step ids to gold step ids (as many
    pairs as possible for each tool)."""
    tools = sorted({t["tool"] for t in pred} & {t["tool"] for t in gold})
    per_tool = []
    for tool in tools:
        p = [t["id"] for t in pred if t["tool"] == tool]
        g = [t["id"] for t in gold if t["tool"] == tool]
        if len(p) <= len(g):
            per_tool.append([dict(zip(p, perm)) for perm in itertools.permutations(g, len(p))])
        else:
            per_tool.append([dict(zip(perm, g)) for perm in itertools.permutations(p, len(g))])
    if prod(len(x) for x in per_tool) > MAX_MAPPINGS:
        per_tool = [x[:1] for x in per_tool]  # too many: keep the in-order pairing only
    for combo in itertools.product(*per_tool):
        mapping: dict[int, int] = {}
        for part in combo:
            mapping.update(part)
        yield mapping


def _isomorphic(pred: list[dict], gold: list[dict], mapping: dict[int, int]) -> bool:
    if len(pred) != len(gold) or len(mapping) != len(gold):
        return False
    gold_by_id = {t["id"]: t for t in gold}
    return all({mapping.get(d, -1) for d in _deps(t)} == _deps(gold_by_id[mapping[t["id"]]]) for t in pred)


def _args_matched(pred: list[dict], gold: list[dict], mapping: dict[int, int]) -> int:
    gold_by_id = {t["id"]: t for t in gold}
    matched = 0
    for t in pred:
        g = gold_by_id.get(mapping.get(t["id"], -1))
        if g is None:
            continue
        for name, value in g["args"].items():
            if name in t["args"] and norm_value(t["args"][name], mapping) == norm_value(value):
                matched += 1
    return matched


def compare(pred: list[dict], gold: list[dict]) -> dict[str, Any]:
    """Compare a predicted plan with the gold one (task dicts with id, tool, args, deps).

    Returns success (isomorphic DAGs with the same tools), the gold arguments matched under the
    best mapping (isomorphic mappings first) and the number of gold arguments."""
    total = sum(len(t["args"]) for t in gold)
    best = (False, 0)
    for mapping in _mappings(pred, gold):
        score = (_isomorphic(pred, gold, mapping), _args_matched(pred, gold, mapping))
        best = max(best, score)
    return {"success": best[0], "args_matched": best[1], "args_total": total}


def resolve_times(tasks: list[dict], specs: dict, now: dt.datetime) -> list[dict]:
    """Tasks with every time argument ("next Friday 3pm") resolved by the tools' own rules against
    ``now``, so two wordings of the same time compare equal."""
    from langchain_core.tools import ToolException

    from tinyagent.tools.dates import format_when, parse_when

    out = []
    for t in tasks:
        spec = specs.get(t["tool"])
        roles = {p.name: p.role for p in spec.params} if spec else {}
        args = dict(t["args"])
        for name, value in args.items():
            if roles.get(name) == "when" and isinstance(value, str) and not value.startswith("$"):
                try:
                    args[name] = format_when(*parse_when(value, now=now))
                except ToolException:
                    pass
        out.append({**t, "args": args})
    return out


def plan_digest(result: dict) -> str:
    """A digest of a row's plan: two runs compared for the same plans without reading them (blind sets)."""
    return hashlib.sha256(str(result.get("plan", "")).encode()).hexdigest()[:16]


def summarize(results: Sequence[dict]) -> dict[str, Any]:
    """The report of many compared requests (each: success, args_matched, args_total, parsed,
    recall, latency_s)."""
    n = len(results)
    if not n:
        return {"n": 0, "success_rate": 0.0, "arg_accuracy": 0.0, "parse_rate": 0.0,
                "tool_recall": 0.0, "median_latency_s": 0.0}
    total = sum(r["args_total"] for r in results)
    return {
        "n": n,
        "success_rate": round(sum(r["success"] for r in results) / n, 4),
        "arg_accuracy": round(sum(r["args_matched"] for r in results) / total, 4) if total else 1.0,
        "parse_rate": round(sum(r["parsed"] for r in results) / n, 4),
        "tool_recall": round(statistics.fmean(r["recall"] for r in results), 4),
        "median_latency_s": round(statistics.median(r["latency_s"] for r in results), 3),
        **_declines(results), **_categories(results),
    }


def _declines(results: Sequence[dict]) -> dict[str, Any]:
    """Share of requests no tool serves that got the empty plan, and of the others that got it too."""
    out: dict[str, Any] = {}
    nothing = [r for r in results if r.get("decline")]
    needs = [r for r in results if not r.get("decline")]
    if nothing:
        out["decline_rate"] = round(sum(bool(r.get("declined")) for r in nothing) / len(nothing), 4)
    if nothing and needs:
        out["tool_requests"] = len(needs)
        out["tool_success_rate"] = round(sum(r["success"] for r in needs) / len(needs), 4)
        out["false_decline_rate"] = round(sum(bool(r.get("declined")) for r in needs) / len(needs), 4)
    return out


def _categories(results: Sequence[dict]) -> dict[str, Any]:
    cats: dict[str, list[bool]] = {}
    for r in results:
        for c in r.get("category") or ():
            cats.setdefault(c, []).append(bool(r["success"]))
    return {"by_category": {c: {"n": len(v), "success_rate": round(sum(v) / len(v), 4)}
                            for c, v in sorted(cats.items())}} if cats else {}


# -- tools for the unseen split ----------------------------------------------------------------
_PY_TYPES = {"string": str, "integer": int, "number": float, "boolean": bool, "object": dict, "any": Any}


def tool_from_spec(spec: dict):
    """A LangChain tool with the stored schema; evaluation never runs it, so calling it raises."""
    from langchain_core.tools import StructuredTool
    from pydantic import create_model

    fields = {}
    for p in spec["params"]:
        if p["type"] == "array":
            t = list[_PY_TYPES.get(p.get("items", "any"), Any)] if p.get("items", "any") != "any" else list
        else:
            t = _PY_TYPES.get(p["type"], Any)
        fields[p["name"]] = (t, ...) if p["required"] else (t | None if t is not Any else Any, None)
    schema = create_model(f"{spec['name']}_args", **fields)

    def never(**kwargs: Any) -> Any:
        raise RuntimeError(f"{spec['name']} is an evaluation-only tool and cannot run")

    return StructuredTool.from_function(func=never, name=spec["name"], description=spec["description"],
                                        args_schema=schema)


def unseen_tools(rows: Sequence[dict]) -> list:
    """Tools rebuilt from the synthetic specs stored with the rows (unseen and val splits)."""
    specs: dict[str, dict] = {}
    for row in rows:
        for s in row.get("specs", []):
            specs.setdefault(s["name"], s)
    return [tool_from_spec(s) for _, s in sorted(specs.items())]


# -- running the graph -------------------------------------------------------------------------
HANDWRITTEN = ROOT / "finetune" / "eval" / "handwritten.jsonl"


EVAL_DIR = ROOT / "finetune" / "eval"
#: The frozen blind sets (finetune/eval/README.md): run only to report, their failures never read.
BLIND = {"blind-default": EVAL_DIR / "blind-default.jsonl", "blind-domains": EVAL_DIR / "blind-domains.jsonl"}
BLIND_TOOLSETS = EVAL_DIR / "blind-toolsets.json"


def split_path(split: str, data_dir: Path = DATA_DIR) -> Path:
    if split == "handwritten":
        return HANDWRITTEN
    return BLIND.get(split) or data_dir / f"{split}.jsonl"


def load_rows(split: str, limit: int | None, data_dir: Path = DATA_DIR) -> list[dict]:
    path = split_path(split, data_dir)
    if not path.exists():
        raise SystemExit(f"{path} not found: run `python -m tinyagent.finetune generate` first.")
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows = [r for r in rows if r.get("kind", "plan") == "plan"]
    return rows[:limit] if limit else rows


def evaluate_rows(graph, rows: Sequence[dict], progress=None, context: dict | None = None) -> list[dict]:
    """Run each request through the graph (dry run) and compare its plan with the gold plan.
    ``context``: more run options (``{"rules_off": "fan_out"}``)."""
    from tinyagent.nodes.plans.planlang import PlanError, compile_plan

    graphs = graph if callable(graph) and not hasattr(graph, "invoke") else (lambda row: graph)
    results = []
    for i, row in enumerate(rows):
        graph = graphs(row)
        specs = graph.resources.specs
        golds = [[t.to_dict() for t in compile_plan(p, specs)] for p in [row["plan"], *row.get("alts", [])]]
        gold = golds[0]
        need = set(row.get("tools") or [t["tool"] for t in gold])
        t0 = time.perf_counter()
        try:
            state = graph.invoke({"messages": conversation(row)},
                                 context={"dry_run": True, "today": row["today"], **(context or {})})
        except Exception as exc:  # one broken request must not end the evaluation
            state = {"plan_error": f"{type(exc).__name__}: {exc}", "tasks": [], "tools": []}
        wall = time.perf_counter() - t0
        parsed = not state.get("plan_error") and bool(state.get("plan"))
        pred = [t for t in state.get("tasks", []) if t.get("status", "planned") == "planned"]
        if parsed and not pred and state.get("plan"):
            try:  # an empty plan (only join) is a valid plan with no tasks
                pred = [t.to_dict() for t in compile_plan(state["plan"], specs)]
            except PlanError:
                parsed = False
        when = dt.datetime.combine(dt.date.fromisoformat(row["today"]), dt.time(10))
        planned = resolve_times(pred if parsed else [], specs, when)
        cmp = max((compare(planned, resolve_times(g, specs, when)) for g in golds),
                  key=lambda c: (c["success"], c["args_matched"]))
        shown = set(state.get("tools", []))
        res = {**cmp, "query": row["query"], "parsed": parsed, "plan": state.get("plan", ""),
               "shown": state.get("tools", []), "need": sorted(need), "decline": not gold,
               "declined": parsed and not pred, "category": row.get("category", row.get("tags", [])),
               "id": row.get("id"), "rules": sorted({x["rule"] for x in state.get("rule_trace", [])}),
               "gold": row["plan"], "plan_error": state.get("plan_error"),
               "rounds": len(state.get("plans", [])) or 1,
               "recall": len(need & shown) / len(need) if need else 1.0,
               "latency_s": (state.get("timings") or {}).get("plan", wall)}
        results.append(res)
        if progress:
            progress(i + 1, len(rows), res)
    return results


def conversation(row: dict) -> list[tuple[str, str]]:
    """The messages of a row: its earlier turns (``history``: the person's words and the answer) and
    the request."""
    turns: list[tuple[str, str]] = []
    for t in row.get("history") or []:
        turns += [("human", t["human"]), ("ai", t["answer"])]
    return turns + [("human", row["query"])]


def tool_from_json_schema(tool: dict):
    """A LangChain tool with a tool set's JSON schema; evaluation never runs it."""
    from langchain_core.tools import StructuredTool

    def never(**kwargs: Any) -> Any:
        raise RuntimeError(f"{tool['name']} is an evaluation-only tool and cannot run")

    return StructuredTool.from_function(func=never, name=tool["name"], description=tool.get("description", ""),
                                        args_schema=tool.get("parameters") or {"type": "object", "properties": {}})


def toolset_graphs(rows: Sequence[dict], toolsets: dict[str, dict], args):
    """row -> the graph of the row's tool set (its tools only, as a developer's own app has them),
    built on first use; one model and one index for all."""
    from tinyagent.graph.graph import build_graph, load_model, open_index

    settings = _settings(args)
    llm, index, graphs = load_model(settings), open_index(settings), {}

    def graph_of(row: dict):
        name = row["toolset"]
        if name not in graphs:
            graphs[name] = build_graph(tools=[tool_from_json_schema(t) for t in toolsets[name]["tools"]],
                                       settings=settings, llm=llm, index=index)
        return graphs[name]
    graph_of.resources = SimpleNamespace(settings=settings)  # what the report reads
    return graph_of


def _settings(args):
    from tinyagent.graph.settings import Settings

    overrides: dict[str, Any] = {"data_dir": args.data_dir or Path(tempfile.mkdtemp(prefix="tinyagent-eval-"))}
    if args.model:
        overrides["model_path"] = args.model
    if args.no_lora:
        overrides["lora_path"] = None
    elif args.lora:
        overrides["lora_path"] = args.lora
    if getattr(args, "no_focus", False):
        overrides["focus_tools"] = False
    return Settings(**overrides)


def build(rows: Sequence[dict], args) -> Any:
    """The graph for an evaluation: the settings' model, the chosen adapter, a private data dir."""
    from tinyagent.graph.graph import build_graph, default_tools

    if any(r.get("toolset") for r in rows):
        return toolset_graphs(rows, json.loads(Path(args.toolsets).read_text(encoding="utf-8")), args)
    settings = _settings(args)
    tools = default_tools(settings) + unseen_tools(rows)  # synthetic tools of the rows, if any
    return build_graph(tools=tools, settings=settings)


@contextlib.contextmanager
def stdout_to_stderr(active: bool):
    """Send everything written to stdout (llama.cpp included) to stderr while active."""
    if not active:
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def print_table(report: dict, title: str, file=None) -> None:
    rows = [("requests", str(report["n"])), ("success rate", f"{report['success_rate']:.1%}"),
            ("argument accuracy", f"{report['arg_accuracy']:.1%}"), ("parse rate", f"{report['parse_rate']:.1%}"),
            ("tool recall", f"{report['tool_recall']:.1%}"),
            ("median planning latency", f"{report['median_latency_s']:.2f} s")]
    if "decline_rate" in report:
        rows.append(("declined (no tool fits)", f"{report['decline_rate']:.1%}"))
    if "tool_success_rate" in report:
        rows += [("success, requests needing tools", f"{report['tool_success_rate']:.1%}"),
                 ("wrongly declined", f"{report['false_decline_rate']:.1%}")]
    for cat, v in (report.get("by_category") or {}).items():
        rows.append((f"  {cat} ({v['n']})", f"{v['success_rate']:.1%}"))
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        table.add_column("metric")
        table.add_column("value", justify="right")
        for k, v in rows:
            table.add_row(k, v)
        Console(file=file).print(table)
    except ImportError:
        print(title, file=file)
        for k, v in rows:
            print(f"  {k:26s} {v:>8s}", file=file)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="finetune eval", description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["test", "unseen", "val", "handwritten", *BLIND],
                    help="a generated split, the hand-written development set (finetune/eval/handwritten.jsonl), "
                         "or a frozen blind set (finetune/eval/blind-*.jsonl: its report keeps no plans)")
    ap.add_argument("--file", type=Path, default=None,
                    help="evaluate the rows of this JSONL file instead of a split (corpus row format)")
    ap.add_argument("--toolsets", type=Path, default=BLIND_TOOLSETS,
                    help="tool sets of rows that name one (default: the blind set's)")
    ap.add_argument("--limit", type=int, default=None, help="evaluate the first N requests only")
    lora = ap.add_mutually_exclusive_group()
    lora.add_argument("--lora", type=Path, help="GGUF LoRA adapter (default: the settings' adapter)")
    lora.add_argument("--no-lora", action="store_true", help="evaluate the base model")
    ap.add_argument("--model", type=Path, help="GGUF chat model (default: the settings' model)")
    ap.add_argument("--data", type=Path, default=DATA_DIR, help="folder with the split files")
    ap.add_argument("--data-dir", type=Path, default=None,
                    help="agent data dir for the index (default: a new temporary folder)")
    ap.add_argument("--no-focus", action="store_true",
                    help="let the first plan call any retrieved tool (settings.focus_tools off)")
    ap.add_argument("--json", action="store_true", help="print only the summary as one JSON object")
    ap.add_argument("--out", type=Path, help="write the report (summary and per-request results) here")
    ap.add_argument("--verbose", action="store_true", help="print every request's result")
    args = ap.parse_args(argv)

    if args.file:
        rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = rows[:args.limit] if args.limit else rows
        args.split = args.file.stem
    else:
        rows = load_rows(args.split, args.limit, args.data)
    blind = args.split in BLIND
    err = sys.stderr

    def progress(i: int, n: int, res: dict) -> None:
        mark = "ok " if res["success"] else ("bad" if res["parsed"] else "ERR")
        if args.verbose and not blind:
            print(f"[{i}/{n}] {mark} {res['latency_s']:.2f}s {res['query']}\n{res['plan']}", file=err)
        elif i % 10 == 0 or i == n:
            print(f"  {i}/{n}", file=err)

    with stdout_to_stderr(args.json):
        graph = build(rows, args)
        started = time.time()
        results = evaluate_rows(graph, rows, progress)
    report = summarize(results)
    settings = graph.resources.settings
    meta = {"split": args.split, "model": str(settings.model_path),
            "lora": str(settings.lora_path) if settings.lora_path else None,
            # the adapter merged into the model in this quant type (nodes/model/merged_model.py), or applied at run time
            "merged": settings.merge_quant if settings.lora_path and settings.merge_adapter else None,
            "focus_tools": settings.focus_tools,
            "first_try_parse_rate": round(sum(r["parsed"] and r["rounds"] == 1 for r in results)
                                          / max(1, len(results)), 4),
            "date": dt.datetime.now().isoformat(timespec="seconds"),
            "wall_s": round(time.time() - started, 1)}
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if blind:  # a blind set's failures are not to be read: only whether each row was right
            # (a digest of the plan, so two runs can be compared for the same plans without reading them)
            results = [{"id": r["id"], "success": r["success"], "category": r["category"], "rules": r["rules"],
                        "plan_digest": plan_digest(r)}
                       for r in results]
        args.out.write_text(json.dumps({**report, **meta, "results": results}, indent=1, ensure_ascii=False))
    if args.json:
        print(json.dumps(report))
    else:
        print_table(report, f"{args.split} split, {'LoRA ' + Path(meta['lora']).name if meta['lora'] else 'base model'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
