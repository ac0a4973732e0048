"""Load: N concurrent runs through the `langgraph dev` server on loopback (N = 1, 4, 16).

    .venv/bin/python bench/load.py [--levels 1 4 16] [--port 0]

Starts `langgraph dev --no-browser --no-reload --host 127.0.0.1` on a free port with a fresh
TINYAGENT_DATA_DIR (the sample workspace is created on first use), waits for /ok, makes one
warm-up run (it loads the model and the tool index), then for each N runs the same --requests
test requests (the first 16 of the test split) with at most N in flight at any time, each as
threads.create + runs.wait with langgraph_sdk (N = 16: all at once). Reports throughput (runs/s),
median and p95 latency per run (from threads.create to the final state), and failed runs (a
raised error, an error status, or no answer). The server's --n-jobs-per-worker is max(N), so no
run waits for a job slot. All runs share one llama.cpp model behind a lock, so plan and join
steps of different runs take turns; only tool execution overlaps.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import PLOTS, ROOT, median, others_running, p95, pyplot, save, save_plot, table, test_rows  # noqa: E402

FALLBACK = ["What is Sarah Lee's phone number?", "Text Tom Becker that I am running late",
            "Create a note called Packing list with passport and charger",
            "Summarize the Project Falcon Q3 report PDF"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, jobs: int, data: Path, log: Path) -> subprocess.Popen:
    """The repository's langgraph.json with absolute paths, served from ``data`` (its
    .langgraph_api/ state stays out of the repository)."""
    config = json.loads((ROOT / "langgraph.json").read_text())
    config["dependencies"] = [str(ROOT)]
    config["graphs"] = {k: str(ROOT / v.removeprefix("./")) for k, v in config["graphs"].items()}
    (data / "langgraph.json").write_text(json.dumps(config))
    env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGGRAPH_NO_VERSION_CHECK": "true",
           "LANGSMITH_TRACING": "false", "TINYAGENT_DATA_DIR": str(data)}
    cmd = [str(Path(sys.executable).with_name("langgraph")), "dev", "--no-browser", "--no-reload",
           "--host", "127.0.0.1", "--port", str(port), "--n-jobs-per-worker", str(jobs),
           "--config", str(data / "langgraph.json")]
    return subprocess.Popen(cmd, cwd=data, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"langgraph dev exited with {proc.returncode}; see its log")
        try:
            with urllib.request.urlopen(f"{url}/ok", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"langgraph dev not ready after {timeout:g} s")


async def one_run(client, query: str, today: str) -> tuple[float, str | None]:
    t = time.perf_counter()
    try:
        thread = await client.threads.create()
        out = await client.runs.wait(thread["thread_id"], "tinyagent",
                                     input={"messages": [{"role": "user", "content": query}]},
                                     context={"today": today})
        error = None
        if not isinstance(out, dict) or "__error__" in out:
            error = f"run failed: {out if not isinstance(out, dict) else out.get('__error__')}"
        elif not out.get("answer"):
            error = f"no answer (status {out.get('status')!r})"
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    return time.perf_counter() - t, error


async def level(client, n: int, queries: list[str], today: str) -> dict:
    """All ``queries``, at most ``n`` runs in flight at any time."""
    slots = asyncio.Semaphore(n)

    async def slot(q: str):
        async with slots:
            return await one_run(client, q, today)

    t = time.perf_counter()
    done = await asyncio.gather(*(slot(q) for q in queries))
    wall = time.perf_counter() - t
    lat = [d[0] for d in done]
    errors = [d[1] for d in done if d[1]]
    return {"n": n, "runs": len(queries), "wall_s": wall, "throughput": len(queries) / wall, "median_s": median(lat), "p95_s": p95(lat),
            "failed": len(errors), "errors": errors[:5], "latencies": lat}


async def bench(url: str, levels: list[int], queries: list[str]) -> list[dict]:
    from langgraph_sdk import get_client

    client = get_client(url=url, timeout=900)
    today = dt.date.today().isoformat()
    warm, err = await one_run(client, queries[0], today)
    print(f"warm-up run (loads model and index): {warm:.1f} s{'  ERROR ' + err if err else ''}", file=sys.stderr)
    out = []
    for n in levels:
        res = await level(client, n, queries, today)
        print(f"N={n}: {len(queries)} runs in {res['wall_s']:.1f} s, {res['failed']} failed", file=sys.stderr)
        out.append(res)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--levels", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--requests", type=int, default=16, help="runs per level (test requests)")
    ap.add_argument("--port", type=int, default=0, help="0: a free port")
    ap.add_argument("--data", type=Path, default=None, help="folder with test.jsonl (default finetune/data)")
    ap.add_argument("--plot", type=Path, default=PLOTS / "load.png")
    args = ap.parse_args()

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    try:
        queries = [r["query"] for r in test_rows(args.requests, **({"data_dir": args.data} if args.data else {}))]
    except SystemExit:
        queries = (FALLBACK * args.requests)[:args.requests]
    data = Path(tempfile.mkdtemp(prefix="tinyagent-load-"))
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}"
    log = data / "server.log"
    proc = start_server(port, max(args.levels), data, log)
    try:
        wait_ready(url, proc)
        results = asyncio.run(bench(url, args.levels, queries))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)
    print(f"langgraph dev on loopback; each level runs the same {len(queries)} test requests, at most N "
          f"at a time; server log {log}")
    print(table(["concurrent runs N", "wall s", "throughput runs/s", "median latency s", "p95 latency s",
                 "failed"],
                [(r["n"], f"{r['wall_s']:.1f}", f"{r['throughput']:.3f}", f"{r['median_s']:.1f}",
                  f"{r['p95_s']:.1f}", r["failed"]) for r in results]))
    for r in results:
        for e in r["errors"]:
            print(f"  N={r['n']}: {e}", file=sys.stderr)
    save("load.json", {"command": " ".join(sys.argv), "levels": results})
    plot(results, args.plot)


def plot(results: list[dict], path: Path) -> None:
    plt = pyplot()

    ns = [r["n"] for r in results]
    fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.2))
    a.plot(ns, [r["throughput"] for r in results], "o-")
    a.set(xscale="log", xlabel="concurrent runs N", ylabel="runs/s",
          title="Throughput", ylim=(0, None))
    a.set_xticks(ns, [str(n) for n in ns])
    b.plot(ns, [r["median_s"] for r in results], "o-", label="median")
    b.plot(ns, [r["p95_s"] for r in results], "s--", label="p95")
    b.set(xscale="log", xlabel="concurrent runs N", ylabel="latency per run, s", title="Latency",
          ylim=(0, None))
    b.set_xticks(ns, [str(n) for n in ns])
    b.legend()
    save_plot(fig, path)


if __name__ == "__main__":
    main()
