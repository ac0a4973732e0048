"""End-to-end latency with and without early start (read-only steps begin while the plan is written).

    .venv/bin/python bench/streaming.py [--delay 0.5] [--repeats 3]

The real planner (the default model and adapter) on the sample workspace. Every read-only tool is
made to take --delay seconds more (a lookup on a slow disk or a remote address book), so that
running steps during or after planning shows in the total. Each request runs --repeats times with
early start off and on, alternating, in one process and one model; medians. "after plan" is the
end-to-end time minus the plan node's time: what the person waits for once the plan is written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, others_running, save, table  # noqa: E402

REQUESTS = [
    "Get me the email addresses of Sarah Lee, Marcus Chen, Priya Patel and David Kim",
    "What are Elena Rossi's phone number and email address?",
    "What's Tom Becker's phone number?",
    "Find the phone numbers of Yuki Tanaka and Lucas Martin",
    "Open my shopping list note and my ideas note",
    "Email Sarah Lee the Q3 report",
]


def slowed(tools, delay: float):
    """The tools, each read-only one taking ``delay`` seconds more."""
    from langchain_core.tools import StructuredTool

    from tinyagent.tools.risk import risk_of

    out = []
    for t in tools:
        if risk_of(t) != "read":
            out.append(t)
            continue

        def run(_tool=t, **kwargs):
            time.sleep(delay)
            return _tool.invoke(kwargs)
        out.append(StructuredTool.from_function(func=run, name=t.name, description=t.description,
                                                args_schema=t.args_schema, metadata=t.metadata))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--delay", type=float, default=0.5)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    from tinyagent.graph.graph import build_graph, load_model, open_index
    from tinyagent.graph.settings import Settings
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="tinyagent-streaming-"))
    ws = init_workspace(tmp / "workspace", sample=True)
    base = Settings(data_dir=tmp, workspace=ws)
    llm, index = load_model(base), open_index(base)
    tools = slowed(default_tools(ws, ToolConfig()), args.delay)
    graphs = {early: build_graph(tools=tools, settings=base.model_copy(update={"early_start": early}),
                                 llm=llm, index=index) for early in (False, True)}
    runs: dict[tuple[str, bool], list[dict]] = {}
    for q in REQUESTS:  # warm-up: model, index, caches
        graphs[True].invoke({"messages": [("human", q)]}, context={"approve": "none"})
    for _ in range(args.repeats):
        for q in REQUESTS:
            for early in (False, True):
                t = time.perf_counter()
                out = graphs[early].invoke({"messages": [("human", q)]}, context={"approve": "none"})
                total = time.perf_counter() - t
                runs.setdefault((q, early), []).append({
                    "total": total, "plan": out["timings"]["plan"],
                    "steps": [t["tool"] for t in out["tasks"]], "ok": all(t["status"] == "done" for t in out["tasks"])})
    rows, result = [], {"command": " ".join(sys.argv), "delay_s": args.delay, "repeats": args.repeats,
                        "requests": {}}
    for q in REQUESTS:
        off, on = runs[(q, False)], runs[(q, True)]
        med = {k: {m: median([r[m] for r in rs]) for m in ("total", "plan")} for k, rs in (("off", off), ("on", on))}
        result["requests"][q] = {"off": off, "on": on, "medians": med}
        rows.append((q[:60], " ".join(on[-1]["steps"])[:60], f"{med['off']['plan']:.2f}",
                     f"{med['off']['total']:.2f}", f"{med['off']['total'] - med['off']['plan']:.2f}",
                     f"{med['on']['total']:.2f}", f"{med['on']['total'] - med['on']['plan']:.2f}",
                     f"{med['on']['total'] / med['off']['total']:.2f}"))
    print(f"End-to-end seconds, median of {args.repeats}; read-only tools take {args.delay:g} s more; "
          f"{base.n_threads} threads")
    print(table(["request", "steps (early start on)", "plan s", "off: total", "off: after plan",
                 "on: total", "on: after plan", "on / off"], rows))
    save("streaming.json", result)


if __name__ == "__main__":
    main()
