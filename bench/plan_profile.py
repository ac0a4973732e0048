"""Where a plan's time goes, and how plan latency holds up on a busy machine.

    .venv/bin/python bench/plan_profile.py [--queries 8] [--skip-load]

Part 1, one plan taken apart (the first --queries test requests, their real prompts and grammars),
for the default (the project's LoRA adapter merged into the base, Q8_0), the base with the adapter
applied at run time, and the base without it:
- prompt: evaluating the whole prompt once (a reset context, no cache);
- forward: the model's forward pass per generated token (the plan's tokens fed back one by one,
  nothing sampled);
- ms/token when generating the plan three ways: no grammar, llama.cpp's grammar sampler (checks
  the whole vocabulary every step), and the grammar asked only about the model's own choice
  (nodes/model/decode.py, what the planner uses); sampling overhead = ms/token - forward.
Part 2, warm plan latency through the planner's own `complete()` with 1 and 2 llama.cpp threads
fixed, and with up to 2 that follow the machine's load (nodes/model/threads.py, the default), on the idle
machine and with two busy-looping processes on the cores (a browser, a build).
Medians; every figure of one table comes from one run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, others_running, save, table  # noqa: E402
from bench.planner_speed import prompts_for  # noqa: E402


def _spin(stop) -> None:
    while not stop.is_set():
        pass


def busy(n: int):
    """n processes that keep a core each busy until the returned event is set."""
    stop = multiprocessing.Event()
    procs = [multiprocessing.Process(target=_spin, args=(stop,), daemon=True) for _ in range(n)]
    for p in procs:
        p.start()
    return stop, procs


def take_apart(settings, prompts) -> dict:
    import llama_cpp

    from tinyagent.nodes.model.decode import greedy_complete
    from tinyagent.nodes.model.llm import load_llama
    from tinyagent.nodes.plans.prompts import chatml

    llm = load_llama(settings)
    ll = llm.client
    ll.set_cache(None)
    out = {"prompt_s": [], "prompt_tokens": [], "forward_ms": [], "none_ms": [], "full_ms": [],
           "lazy_ms": [], "plan_tokens": []}
    for msgs, gbnf in prompts:
        prompt = chatml(msgs)
        tokens = ll.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
        ll.reset()
        t = time.perf_counter()
        ll.eval(tokens)
        out["prompt_s"].append(time.perf_counter() - t)
        out["prompt_tokens"].append(len(tokens))
        # the plan, as the planner writes it (lazy grammar); then its tokens fed back one by one
        text, _, n = greedy_complete(ll, prompt, gbnf, settings.max_plan_tokens, ["<|im_end|>"])
        plan = ll.tokenize(text.encode("utf-8"), add_bos=False, special=True)
        ll.reset()
        ll.eval(tokens)
        t = time.perf_counter()
        for tok in plan:
            ll.eval([tok])
        out["forward_ms"].append(1000 * (time.perf_counter() - t) / max(1, len(plan)))
        out["plan_tokens"].append(n)
        for key, grammar in (("none_ms", None), ("full_ms", "full"), ("lazy_ms", gbnf)):
            ll.reset()
            ll.eval(tokens)
            if grammar == "full":
                t = time.perf_counter()
                r = ll.create_completion(prompt, max_tokens=settings.max_plan_tokens, temperature=0.0,
                                         repeat_penalty=1.0, stop=["<|im_end|>"],
                                         grammar=llama_cpp.LlamaGrammar.from_string(gbnf, verbose=False))
                k = r["usage"]["completion_tokens"]
            else:
                t = time.perf_counter()
                _, _, k = greedy_complete(ll, prompt, grammar, n, ["<|im_end|>"])  # as many tokens
            out[key].append(1000 * (time.perf_counter() - t) / max(1, k))
    del llm
    return {k: median(v) for k, v in out.items()}


def warm_latency(settings, prompts) -> float:
    from tinyagent.nodes.model.llm import complete, load_llama

    llm = load_llama(settings)
    for msgs, gbnf in prompts:  # fill the prefix cache
        complete(llm, msgs, gbnf, settings.max_plan_tokens, 0.0)
    times = []
    for msgs, gbnf in reversed(prompts):
        t = time.perf_counter()
        complete(llm, msgs, gbnf, settings.max_plan_tokens, 0.0)
        times.append(time.perf_counter() - t)
    del llm
    return median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=8)
    ap.add_argument("--skip-load", action="store_true", help="part 1 only")
    args = ap.parse_args()

    from tinyagent.graph.settings import PROJECT_ADAPTER, Settings

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    prompts = prompts_for(args.queries)
    result = {"command": " ".join(sys.argv), "queries": len(prompts)}
    models = [("adapter merged, Q8_0 (default)", Settings(lora_path=PROJECT_ADAPTER, adaptive_threads=False)),
              ("base + LoRA at run time", Settings(lora_path=PROJECT_ADAPTER, merge_adapter=False,
                                                   adaptive_threads=False)),
              ("base, no adapter", Settings(lora_path=None, adaptive_threads=False))]
    rows = []
    for name, s in models:
        print(f"taking apart {name} ...", file=sys.stderr)
        r = take_apart(s, prompts)
        result[name] = r
        rows.append((name, f"{r['prompt_tokens']:.0f}", f"{r['prompt_s']:.2f}", f"{r['plan_tokens']:.0f}",
                     f"{r['forward_ms']:.1f}", f"{r['none_ms']:.1f}", f"{r['full_ms']:.1f}",
                     f"{r['lazy_ms']:.1f}", f"{r['lazy_ms'] - r['forward_ms']:.1f}",
                     f"{r['none_ms'] / r['lazy_ms']:.0%}"))
    print(f"One plan taken apart: {len(prompts)} test prompts, {models[0][1].n_threads} threads, medians")
    print(table(["model", "prompt tokens", "prompt eval s", "plan tokens", "forward ms/tok",
                 "no grammar ms/tok", "llama.cpp grammar ms/tok", "lazy grammar ms/tok",
                 "lazy sampling overhead ms/tok", "lazy speed vs no grammar"], rows))
    if not args.skip_load:
        rows = []
        for threads, adaptive in ((1, False), (2, False), (2, True)):
            s = Settings(lora_path=PROJECT_ADAPTER, n_threads=threads, adaptive_threads=adaptive)
            idle = warm_latency(s, prompts)
            stop, procs = busy(2)
            try:
                loaded = warm_latency(s, prompts)
            finally:
                stop.set()
                for p in procs:
                    p.join()
            label = f"up to {threads}, following the load (default)" if adaptive else f"{threads}, fixed"
            result[label] = {"idle_s": idle, "busy_s": loaded}
            rows.append((label, f"{idle:.2f}", f"{loaded:.2f}", f"{loaded / idle:.1f}x"))
        print("\nWarm plan latency (median), idle and with 2 busy-looping processes on the 2 cores")
        print(table(["llama.cpp threads", "idle s", "busy s", "busy / idle"], rows))
    save("plan_profile.json", result)


if __name__ == "__main__":
    main()
