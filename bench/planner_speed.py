"""Planner speed per model: plan latency cold and warm, prompt and generation tokens/s, and plans
token-identical to the run-time LoRA's.

    .venv/bin/python bench/planner_speed.py [--queries 8] [--merged Q8_0 Q5_1 ...]

Models: the default base (SmolLM2-135M-Instruct Q4_1) without the adapter, the same base with the
project's LoRA adapter (finetune/adapter/tinyagent-planner-lora.gguf) applied at run time, and the
adapter merged into the base (nodes/model/merged_model.py, as the agent does by default) in each --merged
quant type (a GGUF path is taken as it is).

Each model plans the same prompts (the first --queries test requests, retrieved tools, one solved
example, the planner's grammar), one model at a time, after one discarded warm-up completion.
- cold: a reset context and no cache, so the whole prompt is evaluated;
- warm: as in a chat, after one pass over all prompts: the context holds the previous request's
  prompt and plan, and the planner's cache of recent states (nodes/model/decode.py) the others, so the
  longest prefix a prompt shares with one of them (at least the system text) is not evaluated again;
- same: an identical prompt run twice in a row; the second run evaluates (almost) no prompt, so
  its time is the time to generate the plan;
- generation tokens/s = generated tokens / "same" time (grammar-constrained sampling included);
- prompt tokens/s = prompt tokens / (cold time - "same" time).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PLOTS, median, others_running, pyplot, save, save_plot, table, test_rows  # noqa: E402


def prompts_for(n: int) -> list[tuple[list, str]]:
    """(plan messages, grammar) of the first n test requests, as the plan node builds them."""
    from tinyagent.nodes.plans.grammar import plan_grammar
    from tinyagent.nodes.plans.prompts import plan_messages
    from tinyagent.store.tool_index import ToolIndex, load_examples
    from tinyagent.tools import ToolConfig, default_tools, init_workspace
    from tinyagent.tools.specs import specs_for

    tmp = Path(tempfile.mkdtemp(prefix="tinyagent-speed-"))
    specs = specs_for(default_tools(init_workspace(tmp / "workspace"), ToolConfig()))
    index = ToolIndex(tmp / "store")
    index.sync_tools(specs.values())
    index.sync_examples(load_examples())
    out = []
    for q in [r["query"] for r in test_rows(n)]:
        found = index.retrieve(q, list(specs))
        shown = [specs[name] for name in found.tools]
        examples = [{"query": e["query"], "plan": e["plan"]} for e in found.examples]
        out.append((plan_messages(q, shown, examples), plan_grammar(shown)))
    return out


def measure(settings, prompts) -> dict:
    from tinyagent.nodes.model.llm import complete, load_llama

    llm = load_llama(settings)

    def one(msgs, grammar):
        t = time.perf_counter()
        text, n_prompt, n_gen = complete(llm, msgs, grammar, settings.max_plan_tokens, 0.0)
        return time.perf_counter() - t, n_prompt, n_gen, text

    one(*prompts[0])  # warm-up: first-use allocations, discarded
    cold, same, n_prompt, n_gen, plans = [], [], [], [], []
    saved = getattr(llm.client, "_tinyagent_prefix_cache", None)
    for msgs, grammar in prompts:
        llm.client.reset()
        llm.client._tinyagent_prefix_cache = None  # cold: no saved state to start from either
        dt, p, g, text = one(msgs, grammar)
        plans.append(text)
        cold.append(dt)
        n_prompt.append(p)
        n_gen.append(g)
        same.append(one(msgs, grammar)[0])  # the context still holds this exact prompt
    llm.client._tinyagent_prefix_cache = saved
    for p in prompts:
        one(*p)
    warm = []
    for p in reversed(prompts):  # as in a chat: the context holds the previous request's prompt and plan
        warm.append(one(*p)[0])
    llm = None  # free the model before the next one loads
    gc.collect()
    return {"cold_s": median(cold), "warm_s": median(warm), "same_s": median(same),
            "gen_tok_s": median([g / s for g, s in zip(n_gen, same)]),
            "prompt_tok_s": median([p / max(1e-6, c - s) for p, c, s in zip(n_prompt, cold, same)]),
            "prompt_tokens": median(n_prompt), "gen_tokens": median(n_gen),
            "cold": cold, "warm": warm, "same": same, "plans": plans}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=8)
    ap.add_argument("--merged", nargs="*", default=["Q8_0"],
                    help="quant types of the merged model (built and cached as the agent does), or merged GGUF paths")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--plot", type=Path, default=PLOTS / "planner_speed.png")
    args = ap.parse_args()

    from tinyagent.graph.settings import PROJECT_ADAPTER, Settings

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    extra = {"n_threads": args.threads} if args.threads else {}
    models = [("Q4_1 base, no adapter", Settings(lora_path=None, **extra))]
    if PROJECT_ADAPTER.exists():
        models.append(("Q4_1 base + LoRA adapter", Settings(lora_path=PROJECT_ADAPTER, merge_adapter=False, **extra)))
    else:
        print(f"skipped base + adapter: {PROJECT_ADAPTER} not found", file=sys.stderr)
    for quant in args.merged if PROJECT_ADAPTER.exists() else []:
        if quant.endswith(".gguf"):
            models.append((f"merged {Path(quant).name}", Settings(model_path=quant, lora_path=None, **extra)))
            continue
        from tinyagent.nodes.model.merged_model import merged_model
        s = Settings(lora_path=PROJECT_ADAPTER, merge_quant=quant, **extra)
        models.append((f"merged {quant.upper()}", Settings(model_path=merged_model(s), lora_path=None, **extra)))

    prompts = prompts_for(args.queries)
    results = {}
    for name, settings in models:
        print(f"measuring {name} ...", file=sys.stderr)
        results[name] = measure(settings, prompts)
    base = results[models[0][0]]
    lora = results.get("Q4_1 base + LoRA adapter")
    for r in results.values():  # plans token-identical to the run-time LoRA's (cold pass, greedy)
        r["same_plans_as_lora"] = (sum(a == b for a, b in zip(r["plans"], lora["plans"])) / len(prompts)
                                   if lora else None)
    print(f"{len(prompts)} planning prompts, {models[0][1].n_threads} threads, medians; "
          f"ratios against the base without adapter")
    print(table(["model", "cold s", "warm s", "same prompt s", "prompt tok/s", "generation tok/s",
                 "prompt tokens", "plan tokens", "cold / base", "plans = LoRA's"],
                [(name, f"{r['cold_s']:.2f}", f"{r['warm_s']:.2f}", f"{r['same_s']:.2f}",
                  f"{r['prompt_tok_s']:.0f}", f"{r['gen_tok_s']:.0f}", f"{r['prompt_tokens']:.0f}",
                  f"{r['gen_tokens']:.0f}", f"{r['cold_s'] / base['cold_s']:.2f}x",
                  "-" if r["same_plans_as_lora"] is None else f"{r['same_plans_as_lora']:.0%}")
                 for name, r in results.items()]))
    save("planner_speed.json", {"command": " ".join(sys.argv), "queries": len(prompts), "models": {
        name: {**results[name], "model": str(s.model_path), "lora": str(s.lora_path) if s.lora_path else None}
        for name, s in models}})
    plot(results, args.plot)


def plot(results: dict, path: Path) -> None:
    plt = pyplot()

    names = list(results)
    x = range(len(names))
    fig, ax = plt.subplots(figsize=(7, 3.4))
    for i, (key, label) in enumerate((("cold_s", "cold"), ("warm_s", "warm (prefix cached)"),
                                      ("same_s", "same prompt (generation only)"))):
        ax.bar([j + (i - 1) * 0.27 for j in x], [results[n][key] for n in names], 0.27, label=label)
    ax.set_xticks(list(x), names, fontsize=8)
    ax.set(ylabel="median plan latency, s", title="Planner latency per model")
    ax.legend(fontsize=8)
    save_plot(fig, path)


if __name__ == "__main__":
    main()
