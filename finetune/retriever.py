"""Fit the tool classifier of the retrieve node: ``python -m tinyagent.finetune retriever [--data D] [--out F]``.

Reads the planning requests of ``train.jsonl`` (the ``tools`` each needs), embeds them with the
same offline MiniLM the index uses, fits store.tool_classifier.ToolClassifier for the default
tools, and reports on the val split how often every needed tool would be shown. It is also fitted
on extra requests made for it (finetune/data_classifier.py: misspelt copies, reminders and notes
about the declines' topics; ``--no-augment`` leaves them out). It also writes
the embeddings of the shipped solved examples (store/examples.jsonl, train requests written by
``generate``) to store/examples.npz, so a new tool index does not embed them again. A minute or
two on a CPU; no torch.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

from tinyagent.finetune.config import ROOT
from tinyagent.finetune.data_classifier import classifier_rows
from tinyagent.store.tool_classifier import CLASSIFIER_FILE, ToolClassifier, request_texts
from tinyagent.store.tool_index import (
    EXAMPLE_VECTORS_FILE,
    EXAMPLES_FILE,
    load_examples,
    save_example_vectors,
)


def plan_rows(path: Path) -> list[dict]:
    """The planning rows of a split; requests no tool serves stay in as negatives for every tool."""
    if not path.exists():
        raise SystemExit(f"{path} does not exist: run `python -m tinyagent.finetune generate` first")
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if r.get("kind") == "plan" and (r.get("tools") or r.get("decline"))]


def default_digests() -> dict[str, str]:
    """Card digest of every default tool (built over a throwaway workspace)."""
    from tinyagent.store.tool_index import card_digest
    from tinyagent.tools import ToolConfig, default_tools, init_workspace
    from tinyagent.tools.specs import specs_for

    with tempfile.TemporaryDirectory() as tmp:
        specs = specs_for(default_tools(init_workspace(Path(tmp) / "workspace"), ToolConfig()))
    return {name: card_digest(spec) for name, spec in specs.items()}


def shown(clf: ToolClassifier, embedder, query: str, max_tools: int = 5) -> set[str]:
    """The tools the classifier alone puts in front of the planner (its sure ones, else its top)."""
    from tinyagent.store.tool_index import EXTRA_SURE

    p = clf.probabilities(embedder.embed(request_texts(query))).max(axis=0)
    order = sorted(range(len(clf.names)), key=lambda i: -p[i])
    is_sure = clf.sure(p)
    sure = [clf.names[i] for i in order if is_sure[i]][:max_tools + EXTRA_SURE]
    return set(sure or [clf.names[order[0]]])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tinyagent.finetune retriever", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "finetune" / "data", help="folder with train/val.jsonl")
    ap.add_argument("--out", type=Path, default=CLASSIFIER_FILE, help=f"default {CLASSIFIER_FILE}")
    ap.add_argument("--examples", type=Path, default=EXAMPLES_FILE, help="solved examples to embed")
    ap.add_argument("--example-vectors", type=Path, default=EXAMPLE_VECTORS_FILE,
                    help=f"where their embeddings go (default {EXAMPLE_VECTORS_FILE})")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--no-augment", action="store_true",
                    help="fit on the train requests alone, without the extra requests of data_classifier.py")
    ap.add_argument("--about", type=int, default=1500, help="extra asks about the declines' topics (default 1500)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the extra requests")
    args = ap.parse_args(argv)

    from tinyagent.store.embeddings import get_embedder

    train = plan_rows(args.data / "train.jsonl")
    embedder = get_embedder()
    digests = default_digests()
    print(f"embedding {len(train)} training requests ...", file=sys.stderr)
    vectors = embedder.embed([r["query"] for r in train])
    extra = [] if args.no_augment else classifier_rows(train, random.Random(args.seed), n_about=args.about)
    if extra:
        print(f"embedding {len(extra)} extra requests for the classifier ...", file=sys.stderr)
        fit_vectors = np.concatenate([vectors, embedder.embed([e["query"] for e in extra])])
    else:
        fit_vectors = vectors
    clf = ToolClassifier.fit(fit_vectors, [r["tools"] for r in train] + [e["tools"] for e in extra], digests,
                             l2=args.l2, steps=args.steps)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.out)
    print(f"wrote {args.out}: {len(clf.names)} tools, fitted on {len(train)} requests and {len(extra)} extra")
    examples = load_examples(args.examples)
    if examples:
        by_query = {r["query"]: v for r, v in zip(train, vectors)}
        rest = [e["query"] for e in examples if e["query"] not in by_query]
        by_query.update(zip(rest, embedder.embed(rest) if rest else []))
        queries = [e["query"] for e in examples]
        save_example_vectors(queries, [by_query[q] for q in queries], args.example_vectors)
        print(f"wrote {args.example_vectors}: embeddings of {len(queries)} solved examples")
    val_path = args.data / "val.jsonl"
    if val_path.exists():
        rows = [r for r in plan_rows(val_path) if r["tools"] and set(r["tools"]) <= set(digests)]
        hits = sum(set(r["tools"]) <= shown(clf, embedder, r["query"]) for r in rows)
        print(f"val: every needed tool among the classifier's picks for {hits}/{len(rows)} requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
