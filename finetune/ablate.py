"""``python -m tinyagent.finetune ablate``: plans each plan rule wins and loses, set by set, switched off in turn.

Each set is planned once with every rule on; the run records which rules changed (or refused) each
plan, and which decode rules turned a token down. Planning is deterministic (greedy decoding), so
switching a rule off can only change the rows where it acted: only those are planned again with that
rule off. The grammar's rules (``focus_tools``, ``copy_spans``) shape every plan without a trace: every
row is planned again without them. A rule *wins* a row that is right with
it and wrong without it, and *loses* one that is wrong with it and right without it. Blind sets are
reported as counts only (their failures are not read).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Sequence

from tinyagent.finetune.evaluate import (
    BLIND,
    BLIND_TOOLSETS,
    DATA_DIR,
    build,
    evaluate_rows,
    load_rows,
    plan_digest,
    stdout_to_stderr,
    summarize,
)
from tinyagent.nodes.rules.pipeline import EMBEDDED_ONLY, RULES, parse_rules_off


def untraced(rule) -> bool:
    """A rule that leaves no trace of where it acted: one the grammar holds."""
    return rule.stage == "decode" and rule.name not in EMBEDDED_ONLY


def ablate(graph, rows: Sequence[dict], progress=None, only: Sequence[str] = ()) -> dict:
    """{"n", "right", "rules": {name: {"acted", "won", "lost"}}, "summary", "results"} for one set
    ("summary": the evaluation report of the run with every rule on, "results": its rows' ids, rights
    and plan digests); ``only``: these rules (default: all)."""
    base = evaluate_rows(graph, rows)
    table = {}
    for rule in RULES:
        if only and rule.name not in only:
            continue
        acted = [i for i, r in enumerate(base) if rule.name in r["rules"] or untraced(rule)]
        won = lost = 0
        if acted:
            off = evaluate_rows(graph, [rows[i] for i in acted], context={"rules_off": rule.name})
            for i, o in zip(acted, off):
                won += base[i]["success"] and not o["success"]
                lost += o["success"] and not base[i]["success"]
        table[rule.name] = {"acted": len(acted), "won": won, "lost": lost}
        if progress:
            progress(f"{rule.name}: acted on {len(acted)}, won {won}, lost {lost}")
    return {"n": len(rows), "right": sum(r["success"] for r in base), "rules": table,
            "summary": summarize(base),
            # each row with every rule on: right or not, and its plan's digest (same plans as another run?)
            "results": [{"id": r.get("id"), "success": r["success"], "rules": r["rules"], "plan_digest": plan_digest(r)}
                        for r in base]}


def markdown(report: dict) -> str:
    sets = list(report["sets"])
    head = "| rule | guards | " + " | ".join(f"{s} (acted / won / lost)" for s in sets) + " |"
    lines = [head, "|" + "---|" * (2 + len(sets))]
    for rule in RULES:
        if not all(rule.name in report["sets"][s]["rules"] for s in sets):
            continue
        cells = [f"{'all' if untraced(rule) else c['acted']} / {c['won']} / {c['lost']}" for c in
                 (report["sets"][s]["rules"][rule.name] for s in sets)]
        lines.append(f"| `{rule.name}` | {rule.guards or '-'} | " + " | ".join(cells) + " |")
    lines.append("| all rules on: right | | " + " | ".join(
        f"{report['sets'][s]['right']} of {report['sets'][s]['n']}" for s in sets) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tinyagent.finetune ablate", description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", required=True,
                    choices=["test", "unseen", "val", "handwritten", *BLIND], help="a set to ablate on (repeatable)")
    ap.add_argument("--limit", type=int, default=None, help="the first N rows of each set")
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--data-dir", type=Path, default=None, help="agent data dir (default: a temporary folder)")
    ap.add_argument("--out", type=Path, default=None, help="write the report as JSON here")
    ap.add_argument("--rules", default="", help="only these rules, comma-separated (default: every rule)")
    args = ap.parse_args(argv)
    only = parse_rules_off(args.rules)
    args.model = args.lora = None
    args.no_lora = args.no_focus = False
    args.toolsets = BLIND_TOOLSETS
    report = {"date": dt.datetime.now().isoformat(timespec="seconds"), "sets": {}}
    with stdout_to_stderr(True):
        for split in args.split:
            rows = load_rows(split, args.limit, args.data)
            print(f"{split}: {len(rows)} rows", file=sys.stderr)
            report["sets"][split] = ablate(build(rows, args), rows, only=only,
                                           progress=lambda text: print(f"  {text}", file=sys.stderr))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1))
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
