"""Sets `unknown_decline_below`: how similar requests are to the cards of tools the classifier does not
know, for requests those tools serve and for requests none serves. Uses only the generator's synthetic
tools and requests, never bench/byot (the benchmark that judges the setting).

    .venv/bin/python bench/custom_decline.py [--n 400]

Served: rows of finetune/data/unseen.jsonl and train.jsonl whose tools are all synthetic, scored over
their needed tools only (a lower bound: at run time distractors can only raise the best match).
Unserved: the generator's decline requests beside 5 random synthetic tools, minus any that could serve
them (finetune/data.py could_serve). A request's similarity is the best over it and its clauses
(store/tool_classifier.request_texts), as the retrieve node computes it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, table  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400, help="requests of each kind")
    args = ap.parse_args()

    from tinyagent.finetune import data_vocab as V
    from tinyagent.finetune.data import could_serve
    from tinyagent.finetune.data_people import DECLINE_SLOTS, DECLINES
    from tinyagent.finetune.data_synth import TRAIN_TOOLS, UNSEEN_TOOLS
    from tinyagent.store.embeddings import MiniLMEmbedder
    from tinyagent.store.tool_classifier import request_texts
    from tinyagent.store.tool_index import tool_card

    emb = MiniLMEmbedder()
    r = random.Random(1)
    tools = {t.spec.name: t.spec for t in TRAIN_TOOLS + UNSEEN_TOOLS}
    names = sorted(tools)
    cards = emb.embed([tool_card(tools[n]) for n in names])
    cards = cards / np.linalg.norm(cards, axis=1, keepdims=True)

    def best(query: str, shown: list[str]) -> float:
        v = emb.embed(request_texts(query))
        v = v / np.linalg.norm(v, axis=1, keepdims=True)
        return float((cards[[names.index(n) for n in shown]] @ v.T).max())

    served = []
    for split in ("unseen", "train"):
        for line in (ROOT / "finetune" / "data" / f"{split}.jsonl").open():
            row = json.loads(line)
            need = row.get("tools") or []
            if need and all(n in tools for n in need):
                served.append((row["query"], need))
    served = served[:args.n]
    unserved = []
    while len(unserved) < args.n:
        q = r.choice(DECLINES).format(city=r.choice(V.CITIES), first=r.choice(V.FIRST),
                                      **{k: r.choice(v) for k, v in DECLINE_SLOTS.items()})
        shown = [n for n in r.sample(names, 5) if not could_serve(tools[n], q)]
        if shown:
            unserved.append((q, shown))
    s = np.array([best(q, need) for q, need in served])
    u = np.array([best(q, shown) for q, shown in unserved])
    rows = [[th, f"{(s >= th).mean():.1%}", f"{(u < th).mean():.1%}"] for th in (0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3)]
    print(f"{len(s)} served, {len(u)} unserved requests")
    print(table(["threshold", "served kept", "unserved declined"], rows))


if __name__ == "__main__":
    main()
