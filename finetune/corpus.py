"""``python -m tinyagent.finetune corpus {tools,check,card,overlap}``: check and count teacher-written rows."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "finetune" / "corpus"
EVAL_DIR = ROOT / "finetune" / "eval"
EMPTY_PLAN = "1. join()<END_OF_PLAN>"
REQUIRED = {"id", "author", "voice", "tags", "today", "query", "plan", "decline"}
OPTIONAL = {"history", "alts", "toolset"}
VOICES = {"terse", "chatty", "polite", "typos", "dictated", "list", "impatient", "formal", "non-native", "slang",
          "elderly", "by-role", "by-content"}


# -- reading ---------------------------------------------------------------------------------------
def read_rows(path: Path) -> list[dict]:
    rows = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not a JSON object ({exc.msg}); fix the line and run again.")
    return rows


def read_toolsets(paths: Iterable[Path]) -> dict[str, dict]:
    """Set name -> {"description", "tools": [{"name", "description", "parameters"}]} from every file."""
    sets: dict[str, dict] = {}
    for p in paths:
        data = json.loads(Path(p).read_text(encoding="utf-8"))
        for name, ts in data.items():
            if name in sets:
                raise SystemExit(f"{p}: tool set {name!r} is defined twice; rename one.")
            sets[name] = ts
    return sets


def corpus_files(folder: Path = CORPUS_DIR) -> tuple[list[Path], list[Path]]:
    """(row files, tool set files) of the corpus folder."""
    return sorted(folder.glob("*.jsonl")), sorted(folder.glob("*toolsets*.json"))


# -- specs -----------------------------------------------------------------------------------------
def default_specs() -> dict:
    """The default tools' specs, as the planner and the compiler see them."""
    from tinyagent.finetune.data import real_specs

    specs = real_specs()
    if specs is None:
        raise SystemExit("the default tools (tinyagent.tools) are not importable; install the project first")
    return specs


def toolset_specs(toolset: dict) -> dict:
    from tinyagent.tools.specs import ToolSpec

    out = {}
    for t in toolset["tools"]:
        spec = ToolSpec.from_json_schema(t["name"], t.get("description", ""),
                                         t.get("parameters") or {"type": "object", "properties": {}})
        out[spec.name] = spec
    return out


# -- checking --------------------------------------------------------------------------------------
def row_errors(row: dict, specs: dict) -> list[str]:
    """What is wrong with one row: its keys, its fields, and each plan under the compiler."""
    from tinyagent.nodes.plans.planlang import PlanError, compile_plan

    errs = []
    missing, unknown = REQUIRED - set(row), set(row) - REQUIRED - OPTIONAL
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
    if unknown:
        errs.append(f"unknown keys {sorted(unknown)}")
    if not isinstance(row.get("query"), str) or not row.get("query", "").strip():
        errs.append("query is empty")
    bad_voice = set(row.get("voice") or []) - VOICES
    if bad_voice:
        errs.append(f"unknown voices {sorted(bad_voice)} (known: {', '.join(sorted(VOICES))})")
    plans = [("plan", row.get("plan", ""))] + [(f"alts[{i}]", a) for i, a in enumerate(row.get("alts") or [])]
    for i, turn in enumerate(row.get("history") or []):
        if not isinstance(turn, dict) or not {"human", "plan", "answer"} <= set(turn):
            errs.append(f"history[{i}] needs human, plan and answer")
            continue
        plans.append((f"history[{i}].plan", turn["plan"]))
    for where, plan in plans:
        try:
            compile_plan(plan, specs)
        except PlanError as exc:
            errs.append(f"{where}: {exc}")
    if row.get("decline") is True and row.get("plan") != EMPTY_PLAN:
        errs.append(f"a decline's plan must be exactly {EMPTY_PLAN!r}")
    if row.get("decline") is False and row.get("plan") == EMPTY_PLAN:
        errs.append("an empty plan must have decline: true")
    return errs


def check(rows: Sequence[dict], toolsets: dict[str, dict]) -> list[str]:
    """Every problem of the rows, one line each, prefixed by the row's id."""
    base = default_specs()
    cache: dict[str, dict] = {}
    out, seen = [], set()
    for row in rows:
        rid = row.get("id", "?")
        if rid in seen:
            out.append(f"{rid}: id used twice")
        seen.add(rid)
        name = row.get("toolset")
        if name is not None and name not in toolsets:
            out.append(f"{rid}: tool set {name!r} not in the tool set files")
            continue
        specs = base if name is None else cache.setdefault(name, toolset_specs(toolsets[name]))
        out += [f"{rid}: {e}" for e in row_errors(row, specs)]
    return out


# -- the data card ---------------------------------------------------------------------------------
STEP = re.compile(r"^\s*\d+\.\s*([A-Za-z_][\w]*)\(", re.M)


def plan_tools(plan: str) -> list[str]:
    return [t for t in STEP.findall(plan) if t != "join"]


def card(rows: Sequence[dict]) -> dict[str, Any]:
    """Counts per author, voice, tag, tool, plan length and tool set."""
    tools, shapes = Counter(), Counter()
    for r in rows:
        ts = plan_tools(r["plan"])
        tools.update(ts)
        shapes[f"{len(ts)} steps"] += 1
    default = [r for r in rows if not r.get("toolset")]
    return {
        "rows": len(rows),
        "default_tools": len(default),
        "other_domains": len(rows) - len(default),
        "tool_sets": len({r["toolset"] for r in rows if r.get("toolset")}),
        "declines_default": sum(r["decline"] for r in default),
        "decline_share_default": round(sum(r["decline"] for r in default) / max(1, len(default)), 3),
        "followups": sum(bool(r.get("history")) for r in rows),
        "authors": dict(Counter(r["author"] for r in rows).most_common()),
        "voices": dict(Counter(v for r in rows for v in r.get("voice", [])).most_common()),
        "tags": dict(Counter(t for r in rows for t in r.get("tags", [])).most_common()),
        "tools_default": dict(Counter(t for r in default for t in plan_tools(r["plan"])).most_common()),
        "plan_lengths": dict(sorted(shapes.items())),
    }


# -- what the retriever and the example bank take from the corpus -----------------------------------
def corpus_rows(folder: Path = CORPUS_DIR, exclude: set[str] | None = None) -> list[dict]:
    """Every corpus row over the default tools, with ``tools`` (the tools its gold plan calls, [] for a
    decline); rows whose id is in ``exclude`` (near duplicates of a frozen request) are left out."""
    out = []
    for p in corpus_files(folder)[0]:
        for r in read_rows(p):
            if r.get("toolset") or r["id"] in (exclude or set()):
                continue
            out.append({**r, "tools": sorted(set(plan_tools(r["plan"])))})
    return out


def bank_rows(rows: Sequence[dict], scope: Sequence[str]) -> list[dict]:
    """The solved-example bank: the single-turn rows, as {"query", "plan", "tools"} (one per request); a
    decline also has ``scope``, the tools it was declined with (the default tools): it is shown only to
    a graph whose tools are all among them ("transfer $200 to savings" is a decline for the assistant's
    tools, not for a banking app's)."""
    seen, out = set(), []
    for r in rows:
        key = r["query"].casefold()
        if r.get("history") or key in seen:
            continue
        seen.add(key)
        out.append({"query": r["query"], "plan": r["plan"], "tools": r["tools"],
                    **({"scope": sorted(scope)} if not r["tools"] else {})})
    return out


# -- overlap with the blind sets -------------------------------------------------------------------
def grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.casefold())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def near_duplicates(rows: Sequence[dict], frozen: Sequence[dict], threshold: float = 0.5) -> list[tuple[str, str, float]]:
    """(row id, frozen id, share) for each row whose word 4-grams are half or more in one frozen request."""
    index: dict[tuple[str, ...], set[int]] = {}
    frozen_grams = [grams(f["query"]) for f in frozen]
    for i, g in enumerate(frozen_grams):
        for gram in g:
            index.setdefault(gram, set()).add(i)
    out = []
    for r in rows:
        g = grams(r["query"])
        hits = Counter(i for gram in g for i in index.get(gram, ()))
        for i, n in hits.items():
            share = n / max(1, min(len(g), len(frozen_grams[i])))
            if share >= threshold:
                out.append((r["id"], frozen[i].get("id", "?"), round(share, 2)))
    return out


def corpus_near_duplicates(folder: Path = CORPUS_DIR) -> set[str]:
    """Ids of corpus rows within a word 4-gram overlap of a blind or development request (left out of
    everything the corpus feeds)."""
    rows = [r for p in corpus_files(folder)[0] for r in read_rows(p)]
    return {rid for rid, _, _ in near_duplicates(rows, frozen_rows())}


def frozen_rows() -> list[dict]:
    """The blind sets and the development (hand-written) set: what no corpus row may copy."""
    rows = []
    for p in sorted(EVAL_DIR.glob("blind*.jsonl")) + [EVAL_DIR / "handwritten.jsonl"]:
        rows += read_rows(p)
    return rows


# -- command line ----------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tinyagent.finetune corpus",
                                 description="Check teacher-written rows (finetune/corpus/, finetune/eval/blind*) "
                                             "with the project's compiler and print their data card.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("tools", help="print the default tools' signatures as the planner sees them")
    c = sub.add_parser("check", help="compile every gold plan of the files; exit 1 on any error")
    c.add_argument("files", nargs="*", type=Path, help="JSONL files (default: every file of finetune/corpus/)")
    c.add_argument("--toolsets", nargs="*", type=Path, default=None,
                   help="tool set JSON files (default: finetune/corpus/*toolsets*.json)")
    c.add_argument("--card", action="store_true", help="print the data card as JSON too")
    o = sub.add_parser("overlap", help="corpus rows within a word 4-gram overlap of a blind or development request")
    o.add_argument("--drop", action="store_true", help="take those rows out of the corpus files")
    args = ap.parse_args(argv)

    if args.cmd == "tools":
        for spec in default_specs().values():
            print(spec.signature())
        return 0
    row_files, set_files = corpus_files()
    if args.cmd == "overlap":
        rows = [r for p in row_files for r in read_rows(p)]
        dups = near_duplicates(rows, frozen_rows())
        for rid, fid, share in dups:
            print(f"{rid} ~ {fid} ({share:.0%} of 4-grams)")
        if args.drop and dups:
            gone = {rid for rid, _, _ in dups}
            for p in row_files:
                keep = [r for r in read_rows(p) if r["id"] not in gone]
                p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep), encoding="utf-8")
            print(f"dropped {len(gone)} rows", file=sys.stderr)
            return 0
        print(f"{len(dups)} near duplicates among {len(rows)} corpus rows", file=sys.stderr)
        return 1 if dups else 0
    files = args.files or row_files
    rows = [r for p in files for r in read_rows(p)]
    toolsets = read_toolsets(args.toolsets if args.toolsets is not None else set_files)
    errors = check(rows, toolsets)
    for e in errors:
        print(e)
    print(f"{len(rows)} rows, {len(errors)} errors", file=sys.stderr)
    if args.card or not errors:
        print(json.dumps(card(rows), indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
