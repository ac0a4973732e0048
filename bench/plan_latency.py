"""Planner latency: cold vs warm prefix, tokens/s, and prompt tokens with retrieval vs all tools.

    .venv/bin/python bench/plan_latency.py [--queries 8] [--no-lora]

Cold: a fresh llama.cpp context for each query (nothing cached). Warm: the same queries after
the first pass, so each prompt's static prefix (system text) is already in llama.cpp's cache;
"same" repeats an identical prompt (what a retry of the same request costs); with the prompt fully
cached its time is the generation time, so generation speed = generated tokens / "same" time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from graph.settings import Settings
from nodes.grammar import plan_grammar
from nodes.llm import complete, count_tokens, load_llama
from nodes.prompts import chatml, plan_messages

DEFAULT_QUERIES = [
    "Email Sarah Lee the Q3 slides",
    "What is Tom Baker's phone number?",
    "Remind me to call the dentist tomorrow at 9am",
    "Show me directions from the office to the airport by bike",
    "Create a note called Groceries with milk and eggs",
    "Summarize the project report PDF",
    "Set up a meeting with Ana Ruiz on Friday at 3pm and send her the zoom link",
    "Text John that I am running late",
]


def queries(n: int) -> list[str]:
    test = Path("finetune/data/test.jsonl")
    if test.exists():
        rows = [json.loads(line) for line in test.open() if line.strip()]
        found = [r["query"] for r in rows if r.get("kind") == "plan"]
        if len(found) >= n:
            return found[:n]
    return DEFAULT_QUERIES[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=8)
    ap.add_argument("--no-lora", action="store_true")
    args = ap.parse_args()

    from graph.graph import default_tools
    from nodes.specs import specs_for
    from store.tool_index import ToolIndex, load_examples

    settings = Settings(**({"lora_path": None} if args.no_lora else {}))
    data = Path(tempfile.mkdtemp(prefix="tinyagent-bench-"))
    tools = default_tools(Settings(data_dir=data))
    specs = specs_for(tools)
    index = ToolIndex(data / "store")
    index.sync_tools(specs.values())
    index.sync_examples(load_examples())
    llm = load_llama(settings)
    qs = queries(args.queries)

    prompts = []
    for q in qs:
        found = index.retrieve(q, list(specs), max_tools=settings.max_tools, n_examples=settings.n_examples)
        shown = [specs[n] for n in found.tools]
        examples = [{"query": e["query"], "plan": e["plan"]} for e in found.examples]
        msgs = plan_messages(q, shown, examples)
        all_msgs = plan_messages(q, list(specs.values()), examples)
        prompts.append((msgs, plan_grammar(shown), count_tokens(llm, chatml(msgs)),
                        count_tokens(llm, chatml(all_msgs))))

    def one(msgs, grammar):
        t = time.perf_counter()
        _, n_prompt, n_gen = complete(llm, msgs, grammar, settings.max_plan_tokens, 0.0)
        return time.perf_counter() - t, n_gen

    cold, warm, same, rates = [], [], [], []
    for msgs, grammar, _, _ in prompts:
        llm.client.reset()
        llm.client.set_cache(None)
        cold.append(one(msgs, grammar)[0])
    from llama_cpp import LlamaRAMCache
    llm.client.set_cache(LlamaRAMCache(capacity_bytes=512 << 20))
    for msgs, grammar, _, _ in prompts:  # fill the cache with the shared prefix
        one(msgs, grammar)
    for msgs, grammar, _, _ in reversed(prompts):
        warm.append(one(msgs, grammar)[0])
    for msgs, grammar, _, _ in prompts:
        one(msgs, grammar)
        dt, n_gen = one(msgs, grammar)  # prompt fully cached: the time is (almost) all generation
        same.append(dt)
        rates.append(n_gen / dt)

    med = statistics.median
    ret_tokens = [p[2] for p in prompts]
    all_tokens = [p[3] for p in prompts]
    print(f"model: {settings.model_path.name}  adapter: {settings.lora_path.name if settings.lora_path else 'none'}"
          f"  queries: {len(qs)}  threads: {settings.n_threads}")
    print(f"plan latency, cold (nothing cached):      median {med(cold):.2f} s")
    print(f"plan latency, warm (prefix cached):       median {med(warm):.2f} s  ({med(cold) / med(warm):.1f}x faster)")
    print(f"plan latency, same prompt again:          median {med(same):.2f} s")
    print(f"generation speed (same prompt again):     median {med(rates):.0f} tokens/s (generated tokens / time)")
    print(f"prompt tokens, retrieved tools ({settings.max_tools}):     median {med(ret_tokens):.0f}")
    print(f"prompt tokens, all {len(specs)} tools:             median {med(all_tokens):.0f}"
          f"  ({med(all_tokens) / med(ret_tokens):.1f}x more)")


if __name__ == "__main__":
    main()
