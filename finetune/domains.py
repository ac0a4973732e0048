"""Write the bank of solved plans over other domains: ``python -m tinyagent.finetune domains [--hold-out K/N]``.

Reads the teacher corpus's other-domain rows (finetune/corpus/t*.jsonl with a ``toolset``, their
schemas in t*-toolsets.json), keeps the single-turn ones that call a tool (no declines, no follow-ups,
none near a blind or development request), writes each with its plan in keyword form and the schemas
of the tools it calls to store/domain_examples.jsonl, and the MiniLM embeddings of their requests,
tool cards and parameter texts to store/domain_examples.npz. At run time, a graph whose tools the
classifier does not know is shown the nearest of them with its own tool names swapped in
(store/domain_examples.py, nodes/retrieve.py). ``--hold-out K/N`` leaves out every tool set whose
place in the sorted list is K modulo N and writes (``--eval-file``) about ``--eval-rows`` of their rows
for ``finetune eval --file F --toolsets T`` (T: F's name with -toolsets.json): the fit measured on tool sets the bank has not seen.

It also fits, on the same tool sets (single-turn rows, declines included), which of a graph's own tools a
request needs from the similarity of their cards to it (store/own_tools.py), and writes the fit to
``--own-tools`` (default store/own_tools.json).

The development sets of other domains whose failures have been read (``DEV_DOMAIN_FILES``; in-sample
already) are taken in too, bank and fit, unless ``--corpus-only``: realistic requests over 30 more tool
sets. A development set not yet run once stays out of the list until it has been, and the blind sets never
enter (rows near a blind request are left out).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from tinyagent.finetune.corpus import (CORPUS_DIR, EVAL_DIR, corpus_files, corpus_near_duplicates, near_duplicates,
                                       read_rows, read_toolsets)
from tinyagent.store.domain_examples import DOMAIN_EXAMPLES_FILE, example_texts, save_vectors
from tinyagent.store.own_tools import OWN_TOOLS_FILE, OwnToolFit


#: Development sets of other domains already run and read (in-sample): the bank and the fit take them in.
DEV_DOMAIN_FILES = tuple(EVAL_DIR / f"dev{n}-domains.jsonl" for n in (4, 5, 7, 8, 9, 11, 12))


def domain_rows(folder: Path = CORPUS_DIR) -> tuple[list[dict], dict[str, dict]]:
    """(every other-domain row of the corpus, the tool sets by name)."""
    row_files, set_files = corpus_files(folder)
    rows = [r for p in row_files for r in read_rows(p) if r.get("toolset")]
    return rows, read_toolsets(set_files)


def dev_domain_rows(files: Sequence[Path] = DEV_DOMAIN_FILES) -> tuple[list[dict], dict[str, dict], set[str]]:
    """(the rows of ``files``, their tool sets (each file's name with -toolsets.json), the ids of rows near a
    blind request)."""
    rows = [r for p in files for r in read_rows(p)]
    toolsets = read_toolsets([p.with_name(p.stem + "-toolsets.json") for p in files])
    blind = [r for p in sorted(EVAL_DIR.glob("blind*.jsonl")) for r in read_rows(p)]
    return rows, toolsets, {rid for rid, _, _ in near_duplicates(rows, blind)}


def bank_row(row: dict, toolset: dict) -> dict | None:
    """A bank row: the request, its plan in keyword form, its steps' tools and argument names, and the
    JSON schemas of those tools; None for a row whose plan does not compile."""
    from tinyagent.finetune.corpus import toolset_specs
    from tinyagent.nodes.plans.planlang import PlanError, compile_plan, format_plan

    specs = toolset_specs(toolset)
    try:
        tasks = compile_plan(row["plan"], specs)
    except PlanError:
        return None
    schemas = {t["name"]: t for t in toolset["tools"]}
    used = list(dict.fromkeys(t.tool for t in tasks))
    if not tasks or any(specs[n].real_name not in schemas for n in used):
        return None
    return {"query": row["query"], "plan": format_plan(tasks), "toolset": row["toolset"],
            "steps": [{"tool": t.tool, "args": list(t.args)} for t in tasks],
            "tools": {n: {"description": schemas[specs[n].real_name].get("description", ""),
                          "parameters": schemas[specs[n].real_name].get("parameters") or {}} for n in used}}


def fit_own_tools(rows: Sequence[dict], toolsets: dict[str, dict], embedder) -> OwnToolFit:
    """The fit of store/own_tools.py on ``rows`` (single-turn; a decline calls none of the tools): per
    request, the similarity of each card of its tool set to the request and its clauses, and which
    tools the gold plan calls."""
    from tinyagent.finetune.corpus import toolset_specs
    from tinyagent.nodes.plans.planlang import PlanError, compile_plan
    from tinyagent.store.tool_classifier import request_texts
    from tinyagent.store.tool_index import tool_card

    specs = {name: toolset_specs(ts) for name, ts in toolsets.items()}
    cards = {name: embedder.embed([tool_card(s) for s in sp.values()]) for name, sp in specs.items()
             if name in {r["toolset"] for r in rows}}
    samples = []
    for r in rows:
        try:
            used = set() if r["decline"] else {t.tool for t in compile_plan(r["plan"], specs[r["toolset"]])}
        except PlanError:
            continue
        vecs = embedder.embed(request_texts(r["query"]))
        samples.append((vecs @ cards[r["toolset"]].T, [n in used for n in specs[r["toolset"]]]))
    fit = OwnToolFit.fit(samples)
    fit.tool_sets = len(cards)
    return fit


def held_out(names: Sequence[str], spec: str | None) -> set[str]:
    """The tool sets ``--hold-out K/N`` leaves out: those at places K, K+N, ... of the sorted names."""
    if not spec:
        return set()
    k, n = (int(x) for x in spec.split("/"))
    return {name for i, name in enumerate(sorted(names)) if i % n == k}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tinyagent.finetune domains", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="the teacher corpus folder")
    ap.add_argument("--out", type=Path, default=DOMAIN_EXAMPLES_FILE,
                    help=f"the bank (default {DOMAIN_EXAMPLES_FILE}); its embeddings go beside it as .npz")
    ap.add_argument("--hold-out", default=None, metavar="K/N",
                    help="leave out the tool sets at places K modulo N of the sorted names (e.g. 3/4)")
    ap.add_argument("--eval-file", type=Path, default=None,
                    help="with --hold-out: write rows of the left-out tool sets here (corpus row format)")
    ap.add_argument("--eval-rows", type=int, default=80, help="about how many rows --eval-file gets")
    ap.add_argument("--own-tools", type=Path, default=OWN_TOOLS_FILE,
                    help=f"where the fit of which own tools a request needs goes (default {OWN_TOOLS_FILE})")
    ap.add_argument("--corpus-only", action="store_true",
                    help="leave out the read development sets of other domains (DEV_DOMAIN_FILES)")
    args = ap.parse_args(argv)

    from tinyagent.store.embeddings import get_embedder

    rows, toolsets = domain_rows(args.corpus)
    near = corpus_near_duplicates(args.corpus)
    if not args.corpus_only:
        dev, dev_sets, dev_near = dev_domain_rows()
        clash = sorted(set(dev_sets) & set(toolsets))
        if clash:
            raise SystemExit(f"tool sets named both in the corpus and a development set: {', '.join(clash)}")
        rows, toolsets, near = rows + dev, {**toolsets, **dev_sets}, near | dev_near
    out_sets = held_out({r["toolset"] for r in rows}, args.hold_out)
    bank, seen = [], set()
    for r in rows:
        key = r["query"].casefold()
        if r["toolset"] in out_sets or r.get("history") or r["decline"] or r["id"] in near or key in seen:
            continue
        b = bank_row(r, toolsets[r["toolset"]])
        if b:
            seen.add(key)
            bank.append(b)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(b, ensure_ascii=False) + "\n" for b in bank), encoding="utf-8")
    texts = list(dict.fromkeys(t for b in bank for t in example_texts(b)))
    print(f"embedding {len(texts)} texts ...", file=sys.stderr)
    save_vectors(texts, get_embedder().embed(texts), args.out.with_suffix(".npz"))
    print(f"wrote {args.out}: {len(bank)} solved plans over {len({b['toolset'] for b in bank})} tool sets"
          + (f" ({len(out_sets)} left out)" if out_sets else ""))
    fitted = [r for r in rows if r["toolset"] not in out_sets and not r.get("history") and r["id"] not in near]
    fit = fit_own_tools(fitted, toolsets, get_embedder())
    fit.save(args.own_tools)
    print(f"wrote {args.own_tools}: which own tools a request needs, fitted on {fit.rows} requests over "
          f"{fit.tool_sets} tool sets")
    if args.eval_file and out_sets:
        pool = [r for r in rows if r["toolset"] in out_sets and r["id"] not in near]
        step = max(1, len(pool) // max(1, args.eval_rows))
        picked = pool[::step][:args.eval_rows]
        args.eval_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
        sets = args.eval_file.with_name(args.eval_file.stem + "-toolsets.json")
        sets.write_text(json.dumps({n: toolsets[n] for n in sorted(out_sets)}, indent=1, ensure_ascii=False),
                        encoding="utf-8")
        print(f"wrote {args.eval_file}: {len(picked)} rows of the {len(out_sets)} left-out tool sets (their "
              f"schemas: {sets})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
