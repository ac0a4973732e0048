"""The retrieve node's tool classifier alone, no model: ``python bench/classifier_check.py [CLF.npz ...]``.

For each classifier file (default: the shipped store/tool_classifier.npz) and each set (the
hand-written evaluation set, the generator's test split), it prints how many tool requests have
every needed tool among the classifier's sure tools, how many it would decline itself (highest
probability under the graph's ``decline_below``), and how many of the requests no tool serves it
declines. Requests are read as the retrieve node reads them (the classifier's typo reader).
Embedding only: about a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from tinyagent.finetune.retriever import shown
from tinyagent.graph.settings import Settings
from tinyagent.store.embeddings import get_embedder
from tinyagent.store.tool_classifier import CLASSIFIER_FILE, ToolClassifier, request_texts

ROOT = Path(__file__).resolve().parent.parent


def load_sets() -> dict[str, list[dict]]:
    hand = [json.loads(line) for line in (ROOT / "finetune/eval/handwritten.jsonl").open() if line.strip()]
    for row in hand:
        row["need"] = sorted(set(re.findall(r"(\w+)\(", row["plan"])) - {"join"})
    test = [json.loads(line) for line in (ROOT / "finetune/data/test.jsonl").open() if line.strip()]
    for row in test:
        row["need"] = row["tools"]
    return {"handwritten": hand, "test": test}


def check(clf: ToolClassifier, rows: list[dict], decline_below: float) -> dict[str, int]:
    embedder = get_embedder()
    out = {"tool_requests": 0, "covered": 0, "wrongly_declined": 0, "no_fit": 0, "declined": 0}
    for row in rows:
        p = clf.probabilities(embedder.embed(request_texts(clf.read(row["query"])))).max(axis=0)
        declined = bool(p.max() < decline_below)
        if row["decline"]:
            out["no_fit"] += 1
            out["declined"] += declined
        else:
            out["tool_requests"] += 1
            out["wrongly_declined"] += declined
            out["covered"] += (not declined) and set(row["need"]) <= shown(clf, embedder, row["query"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("classifiers", nargs="*", type=Path, default=[CLASSIFIER_FILE])
    args = ap.parse_args()
    decline_below = Settings().decline_below
    sets = load_sets()
    for path in args.classifiers:
        clf = ToolClassifier.load(path)
        if clf is None:
            raise SystemExit(f"{path}: no such classifier file")
        for name, rows in sets.items():
            c = check(clf, rows, decline_below)
            print(f"{path.name:28s} {name:12s} sure tools cover every needed tool {c['covered']}/{c['tool_requests']}, "
                  f"wrongly declined {c['wrongly_declined']}, declined {c['declined']}/{c['no_fit']}", flush=True)


if __name__ == "__main__":
    main()
