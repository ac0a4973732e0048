"""Tool retrieval: recall of the needed tools and plan-prompt tokens, retrieval vs all tools in the prompt.

    .venv/bin/python bench/retrieval.py [--limit N] [--plot bench/plots/retrieval.png]

Over the planning requests of the test split (finetune/data/test.jsonl): for k = 3, 4, 5, 6, 8
(max_tools), ToolIndex.retrieve as the graph runs it (the tool classifier, store/tool_classifier.npz,
then tool-card similarity plus the tools of the nearest solved examples, store/examples.jsonl),
the same without the classifier (similarity only), and with tool cards alone. The classifier may
show up to k + 3 tools when it is sure a request needs them: the mean shown is reported.
Recall: the share of a request's needed tools that were shown, averaged over requests; "all
shown": the share of requests that got every tool they need. Prompt tokens: the planner's whole
prompt (nodes.plans.prompts.plan_messages in ChatML, the one solved example included), counted with
the model's own tokenizer, for the retrieved tools and for all tools. Writes
bench/results/retrieval.json and the plot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PLOTS, median, pyplot, save, save_plot, table, test_rows  # noqa: E402

KS = (3, 4, 5, 6, 8)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="first N test requests (default all)")
    ap.add_argument("--data", type=Path, default=None, help="folder with test.jsonl (default finetune/data)")
    ap.add_argument("--plot", type=Path, default=PLOTS / "retrieval.png")
    args = ap.parse_args()

    from llama_cpp import Llama

    from tinyagent.graph.settings import Settings
    from tinyagent.nodes.plans.prompts import chatml, plan_messages
    from tinyagent.store.tool_index import ToolIndex, load_examples
    from tinyagent.tools import ToolConfig, default_tools, init_workspace
    from tinyagent.tools.specs import specs_for

    rows = test_rows(args.limit, **({"data_dir": args.data} if args.data else {}))
    tmp = Path(tempfile.mkdtemp(prefix="tinyagent-retrieval-"))
    specs = specs_for(default_tools(init_workspace(tmp / "workspace"), ToolConfig()))
    names = list(specs)
    full = ToolIndex(tmp / "full")
    sim = ToolIndex(tmp / "full", embedder=full.embedder, classifier=None)
    cards = ToolIndex(tmp / "cards", embedder=full.embedder, classifier=None)
    if full.classifier is None:
        sys.exit("store/tool_classifier.npz is missing: run `python -m tinyagent.finetune retriever` first")
    for index in (full, sim, cards):
        index.sync_tools(specs.values())
    full.sync_examples(load_examples())
    settings = Settings(lora_path=None)
    vocab = Llama(str(settings.model_path), vocab_only=True, verbose=False)

    def tokens(msgs) -> int:  # as nodes.model.llm.count_tokens counts for the loaded model
        return len(vocab.tokenize(chatml(msgs).encode("utf-8"), add_bos=False, special=True))

    variants = (("retrieval", full), ("similarity only", sim), ("cards only", cards))
    stats = {name: {k: {"recall": [], "all": [], "n": []} for k in KS} for name, _ in variants}
    prompt = {k: [] for k in KS}
    prompt_all, ms = [], []
    same_tools = {"retrieval": [], "similarity only": []}  # the example shown needs the request's tools
    for row in rows:
        need, today = set(row["tools"]), dt.date.fromisoformat(row["today"])
        for name, index in variants:
            for k in KS:
                t = time.perf_counter()
                found = index.retrieve(row["query"], names, max_tools=k, n_examples=settings.n_examples)
                if name == "retrieval" and k == settings.max_tools:
                    ms.append(1000 * (time.perf_counter() - t))
                shown = set(found.tools)
                stats[name][k]["recall"].append(len(need & shown) / len(need))
                stats[name][k]["all"].append(need <= shown)
                stats[name][k]["n"].append(len(shown))
                if name in same_tools and k == settings.max_tools:
                    same_tools[name].append(bool(found.examples) and set(found.examples[0]["tools"]) == need)
                if name == "retrieval":
                    examples = [{"query": e["query"], "plan": e["plan"]} for e in found.examples]
                    prompt[k].append(tokens(plan_messages(row["query"], [specs[n] for n in found.tools],
                                                          examples, today=today)))
                    if k == KS[0]:
                        prompt_all.append(tokens(plan_messages(row["query"], list(specs.values()),
                                                               examples, today=today)))

    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    out = []
    for k in KS:
        r, m, c = stats["retrieval"][k], stats["similarity only"][k], stats["cards only"][k]
        out.append({"k": k, "recall": mean(r["recall"]), "all_shown": mean(r["all"]),
                    "mean_shown": mean(r["n"]),
                    "recall_similarity_only": mean(m["recall"]), "all_shown_similarity_only": mean(m["all"]),
                    "recall_cards_only": mean(c["recall"]), "all_shown_cards_only": mean(c["all"]),
                    "median_prompt_tokens": median(prompt[k])})
    all_tok = median(prompt_all)
    print(f"{len(rows)} test requests, {len(names)} tools; median retrieval time (k={settings.max_tools}) "
          f"{median(ms):.1f} ms")
    print(f"the solved example shown uses exactly the request's tools for {mean(same_tools['retrieval']):.1%} "
          f"of requests (the nearest example by similarity: {mean(same_tools['similarity only']):.1%})")
    print(table(["max_tools", "mean shown", "recall", "all needed shown", "all shown, similarity only",
                 "all shown, cards only", "median prompt tokens", "all tools / this"],
                [(f"k = {o['k']}" + (" (default)" if o["k"] == settings.max_tools else ""), f"{o['mean_shown']:.2f}",
                  f"{o['recall']:.3f}", f"{o['all_shown']:.3f}", f"{o['all_shown_similarity_only']:.3f}",
                  f"{o['all_shown_cards_only']:.3f}",
                  f"{o['median_prompt_tokens']:.0f}", f"{all_tok / o['median_prompt_tokens']:.2f}x")
                 for o in out] + [(f"all {len(names)}", f"{len(names)}", "1.000", "1.000", "1.000", "1.000",
                                   f"{all_tok:.0f}", "1.00x")]))
    save("retrieval.json", {"command": " ".join(sys.argv), "requests": len(rows), "tools": len(names),
                            "by_k": out, "median_prompt_tokens_all_tools": all_tok,
                            "median_retrieval_ms": median(ms),
                            "example_same_tools": mean(same_tools["retrieval"]),
                            "example_same_tools_nearest": mean(same_tools["similarity only"])})
    plot(out, all_tok, len(names), len(rows), args.plot)


def plot(out: list[dict], all_tok: float, n_tools: int, n: int, path: Path) -> None:
    plt = pyplot()

    ks = [o["k"] for o in out]
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.6))
    a.plot(ks, [o["recall"] for o in out], "o-", label="recall: classifier + similarity (default)")
    a.plot(ks, [o["all_shown"] for o in out], "^-", label="every needed tool shown: default")
    a.plot(ks, [o["all_shown_similarity_only"] for o in out], "v--", label="every needed tool shown: similarity only")
    a.plot(ks, [o["all_shown_cards_only"] for o in out], "s:", label="every needed tool shown: cards only")
    a.axhline(0.998, color="grey", lw=0.8, ls="--", label="TinyAgent's recall, 0.998")
    a.set(xlabel="max_tools (k)", ylabel="share", ylim=(min(0.5, *(o["all_shown_cards_only"] - 0.05 for o in out)), 1.01),
          title=f"Tool recall, {n} test requests")
    a.legend(fontsize=7, loc="lower right")
    b.plot(ks, [o["median_prompt_tokens"] for o in out], "o-", label="retrieved tools")
    b.axhline(all_tok, color="C3", ls="--", label=f"all {n_tools} tools")
    b.set(xlabel="max_tools (k)", ylabel="median plan-prompt tokens", ylim=(0, None),
          title="Planner prompt size")
    b.legend(fontsize=7)
    save_plot(fig, path)


if __name__ == "__main__":
    main()
