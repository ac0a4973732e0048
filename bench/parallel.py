"""Parallel execution: wall time of k independent tasks and of a chain of k tasks, vs the ideal.

    .venv/bin/python bench/parallel.py [--latency 0.2] [--repeats 5] [--plot bench/plots/parallel.png]

Each task sleeps a fixed latency (half of them in a thread as sync tools, half as coroutines).
Ideal: one latency for k independent tasks, k latencies for a chain. The ratio wall/ideal shows
the executor's overhead; sequential execution of the independent case would score k.
Runs through the real executor (nodes/execute.py) and through the whole graph with a scripted
planner, so graph overhead (checkpointing of state, node transitions) is included in the second.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_core.language_models.fake import FakeListLLM
from langchain_core.tools import StructuredTool

from bench.common import PLOTS, pyplot, save, save_plot  # noqa: E402
from tinyagent.graph.graph import build_graph  # noqa: E402
from tinyagent.graph.settings import Settings  # noqa: E402
from tinyagent.nodes.execute import run_tasks
from tinyagent.store.tool_index import Retrieved


class _AllTools:
    def retrieve(self, query, available, **_):
        return Retrieved(sorted(available), [], {})


def make_tools(latency: float) -> list[StructuredTool]:
    async def wait_async(x: str = "") -> str:
        await asyncio.sleep(latency)
        return "ok"

    def wait_sync(x: str = "") -> str:
        time.sleep(latency)
        return "ok"

    return [StructuredTool.from_function(coroutine=wait_async, name="wait_async", description="Wait."),
            StructuredTool.from_function(func=wait_sync, name="wait_sync", description="Wait.")]


def plan_text(k: int, chain: bool) -> str:
    lines = []
    for i in range(1, k + 1):
        tool = "wait_sync" if i % 2 else "wait_async"
        arg = f'x="${i - 1}"' if chain and i > 1 else ""
        lines.append(f"{i}. {tool}({arg})")
    return "\n".join(lines + [f"{k + 1}. join()<END_OF_PLAN>"])


def executor_wall(k: int, chain: bool, latency: float, tools) -> float:
    from tinyagent.nodes.report.record import task_record
    from tinyagent.nodes.plans.planlang import compile_plan
    from tinyagent.tools.specs import specs_for
    tasks = [task_record(t) for t in compile_plan(plan_text(k, chain), specs_for(tools))]
    t = time.perf_counter()
    asyncio.run(run_tasks(tasks, {x.name: x for x in tools}, {}, 60, time.time()))
    return time.perf_counter() - t


def graph_wall(k: int, chain: bool, latency: float, tools, data: Path) -> float:
    graph = build_graph(tools=tools, settings=Settings(data_dir=data, lora_path=None),
                        llm=FakeListLLM(responses=[plan_text(k, chain), "Finish(done)"]), index=_AllTools())
    out = graph.invoke({"messages": [("human", "wait")]})
    return out["timings"]["execute"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--plot", type=Path, default=PLOTS / "parallel.png")
    args = ap.parse_args()
    rows = []
    tools = make_tools(args.latency)
    data = Path(tempfile.mkdtemp(prefix="tinyagent-bench-"))
    print(f"task latency {args.latency:.2f} s, median of {args.repeats} runs; ratio = wall / ideal")
    print(f"{'shape':<14}{'k':>3}{'ideal s':>9}{'executor s':>12}{'ratio':>7}{'graph s':>9}{'ratio':>7}")
    for chain in (False, True):
        for k in (1, 2, 4, 8):
            ideal = args.latency * (k if chain else 1)
            ex = statistics.median(executor_wall(k, chain, args.latency, tools) for _ in range(args.repeats))
            gr = statistics.median(graph_wall(k, chain, args.latency, tools, data) for _ in range(args.repeats))
            shape = "chain" if chain else "independent"
            print(f"{shape:<14}{k:>3}{ideal:>9.2f}{ex:>12.3f}{ex / ideal:>7.2f}{gr:>9.3f}{gr / ideal:>7.2f}")
            rows.append({"shape": shape, "k": k, "ideal_s": ideal, "executor_s": ex, "executor_ratio": ex / ideal,
                         "graph_s": gr, "graph_ratio": gr / ideal})
    save("parallel.json", {"command": " ".join(sys.argv), "latency_s": args.latency, "repeats": args.repeats,
                           "rows": rows})
    plot(rows, args.latency, args.plot)


def plot(rows: list[dict], latency: float, path: Path) -> None:
    plt = pyplot()

    fig, ax = plt.subplots(figsize=(5.5, 3.6))
    ks = sorted({r["k"] for r in rows})
    ax.plot(ks, ks, ":", color="grey", label="independent tasks run one by one")
    for shape, marker in (("independent", "o"), ("chain", "s")):
        sub = [r for r in rows if r["shape"] == shape]
        ax.plot([r["k"] for r in sub], [r["executor_ratio"] for r in sub], marker + "-",
                label=f"{shape}: executor")
        ax.plot([r["k"] for r in sub], [r["graph_ratio"] for r in sub], marker + "--",
                label=f"{shape}: whole graph")
    ax.set(xlabel="tasks in the plan (k)", ylabel="wall time / ideal", xticks=ks,
           title=f"Parallel execution, {latency:.1f} s per task")
    ax.set_yscale("log", base=2)
    ax.legend(fontsize=7)
    save_plot(fig, path)


if __name__ == "__main__":
    main()
