"""The compile-stage rules' output for every gold plan of the corpus and the development set, one JSON line each, to compare two commits without a model.

Run it from two worktrees (PYTHONPATH naming each one's package) with the same --off, then ``cmp`` the
files: byte-identical outputs mean a refactor changed no plan the rules write. Rows: the default-tool
corpus (finetune/corpus/, earlier turns as context) and finetune/eval/handwritten.jsonl, never a blind set;
with ``--domains``, the other-domain rows of the corpus and of the read development sets
(finetune/eval/dev*-domains.jsonl) instead, each compiled against its own tool set.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rows() -> list[dict]:
    """(query, plan, context) of the default-tool corpus rows and the development set, without repeats."""
    files = sorted((ROOT / "finetune" / "corpus").glob("*.jsonl")) + [ROOT / "finetune" / "eval" / "handwritten.jsonl"]
    out, seen = [], set()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("toolset"):
                continue
            context = "\n".join(f"User: {t['human']}\nAssistant: {t['answer']}" for t in r.get("history") or [])
            key = (r["query"], r["plan"], context)
            if key not in seen:
                seen.add(key)
                out.append({"id": r["id"], "query": r["query"], "plan": r["plan"], "context": context})
    return out


def domain_rows() -> list[tuple[dict, str]]:
    """(row, the file of its tool sets) of the other-domain corpus rows and development sets, never a blind set."""
    corpus = sorted((ROOT / "finetune" / "corpus").glob("*.jsonl"))
    dev = sorted((ROOT / "finetune" / "eval").glob("dev*-domains.jsonl"))
    out = []
    for path in corpus + dev:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (r := json.loads(line)).get("toolset"):
                r["context"] = "\n".join(f"User: {t['human']}\nAssistant: {t['answer']}" for t in r.get("history") or [])
                out.append((r, str(path.with_name(path.stem + "-toolsets.json"))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--off", default="", help="rules to switch off, comma-separated (those one commit lacks)")
    ap.add_argument("--domains", action="store_true", help="the other-domain gold plans, over their own tool sets")
    args = ap.parse_args(argv)
    from tinyagent.nodes.plans.planlang import PlanError, compile_plan, format_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules
    from tinyagent.tools import default_tools, init_workspace
    from tinyagent.tools.specs import ToolSpec

    off = [n for n in args.off.split(",") if n.strip()]
    if args.domains:
        from tinyagent.finetune.corpus import read_toolsets, toolset_specs

        sets: dict[str, dict] = {}
        for r, set_file in domain_rows():
            if set_file not in sets:
                sets[set_file] = {n: toolset_specs(ts) for n, ts in read_toolsets([Path(set_file)]).items()}
            specs = sets[set_file][r["toolset"]]
            try:
                out = format_plan(run_rules(compile_plan(r["plan"], specs),
                                            Facts(specs, r["query"], context=r["context"]), off=off))
            except PlanError as exc:
                out = f"refused: {exc}"
            print(json.dumps({"id": r["id"], "out": out}, ensure_ascii=False))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        specs = {s.name: s for s in map(ToolSpec.from_tool, default_tools(init_workspace(Path(tmp) / "ws")))}
    for r in rows():
        try:
            out = format_plan(run_rules(compile_plan(r["plan"], specs), Facts(specs, r["query"], context=r["context"]),
                                        off=off))
        except PlanError as exc:
            out = f"refused: {exc}"
        print(json.dumps({"id": r["id"], "out": out}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
