"""Load: N concurrent runs through the `langgraph dev` server on loopback (N = 1, 4, 16), with the
model embedded in the agent process and behind llama.cpp's llama-server with parallel slots.

    .venv/bin/python bench/load.py [--levels 1 4 16] [--modes embedded server] [--slots 4] [--port 0]

Mode `embedded`: the agent loads the GGUF itself (the default). Mode `server`: scripts/llama-server.sh
starts llama-server on a free loopback port with --slots parallel slots (needs `make llama-server`),
and the agent gets TINYAGENT_MODEL_URL; each mode starts its own fresh `langgraph dev`.

Starts `langgraph dev --no-browser --no-reload --host 127.0.0.1` on a free port with a fresh
TINYAGENT_DATA_DIR (the sample workspace is created on first use), waits for /ok, makes one
warm-up run (it loads the model and the tool index), then for each N runs the same --requests
test requests (the first 16 of the test split) with at most N in flight at any time, each as
threads.create + runs.wait with langgraph_sdk (N = 16: all at once), with approve="none" (nobody
is there to approve; the workspace is a throwaway sample). Reports throughput (runs/s), median and
p95 latency per run (from threads.create to the final state), and failed runs (a raised error, an
error status, a run paused for approval, or no answer). The server's --n-jobs-per-worker is max(N),
so no run waits for a job slot. Embedded, all runs share one llama.cpp model behind a lock, so plan
steps of different runs take turns; with llama-server, up to --slots plans decode together in one
batch.
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


#: `langgraph dev` with nothing sent out: no analytics, no version check, no LangSmith traces
OFFLINE_ENV = {"LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGGRAPH_NO_VERSION_CHECK": "true", "LANGSMITH_TRACING": "false"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, jobs: int, data: Path, log: Path, env_extra: dict | None = None) -> subprocess.Popen:
    """The repository's langgraph.json with absolute paths, served from ``data`` (its
    .langgraph_api/ state stays out of the repository)."""
    config = json.loads((ROOT / "langgraph.json").read_text())
    config["dependencies"] = [str(ROOT)]
    config["graphs"] = {k: str(ROOT / v.removeprefix("./")) for k, v in config["graphs"].items()}
    (data / "langgraph.json").write_text(json.dumps(config))
    env = {**os.environ, **OFFLINE_ENV, "TINYAGENT_DATA_DIR": str(data), **(env_extra or {})}
    cmd = [str(Path(sys.executable).with_name("langgraph")), "dev", "--no-browser", "--no-reload",
           "--host", "127.0.0.1", "--port", str(port), "--n-jobs-per-worker", str(jobs),
           "--config", str(data / "langgraph.json")]
    return subprocess.Popen(cmd, cwd=data, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def start_model_server(port: int, slots: int, log: Path) -> subprocess.Popen:
    """scripts/llama-server.sh: the default model and adapter, ``slots`` parallel slots, all cores."""
    binary = Path(os.environ.get("LLAMA_SERVER") or ROOT / ".cache" / "llama-server" / "bin" / "llama-server")
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"llama-server not built ({binary}): run `make llama-server`, or --modes embedded")
    env = {**os.environ, "PORT": str(port), "PARALLEL": str(slots), "LLAMA_SERVER": str(binary)}
    return subprocess.Popen([str(ROOT / "scripts" / "llama-server.sh")], env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 180, path: str = "/ok",
               what: str = "langgraph dev") -> None:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}; see its log")
        try:
            with urllib.request.urlopen(f"{url}{path}", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"{what} not ready after {timeout:g} s")


async def one_run(client, query: str, today: str) -> tuple[float, str | None]:
    t = time.perf_counter()
    try:
        thread = await client.threads.create()
        out = await client.runs.wait(thread["thread_id"], "tinyagent",
                                     input={"messages": [{"role": "user", "content": query}]},
                                     context={"today": today, "approve": "none"})  # nobody to ask
        error = None
        if not isinstance(out, dict) or "__error__" in out:
            error = f"run failed: {out if not isinstance(out, dict) else out.get('__error__')}"
        elif out.get("__interrupt__"):
            error = "paused for approval (approve should be none here)"
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


def run_mode(mode: str, args, queries: list[str]) -> tuple[list[dict], Path]:
    """One fresh `langgraph dev` (and for ``server`` a fresh llama-server) through all levels."""
    data = Path(tempfile.mkdtemp(prefix=f"tinyagent-load-{mode}-"))
    env_extra, model = {}, None
    if mode == "server":
        mport = free_port()
        model = start_model_server(mport, args.slots, data / "llama-server.log")
        env_extra["TINYAGENT_MODEL_URL"] = f"http://127.0.0.1:{mport}"
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}"
    log = data / "server.log"
    proc = None
    try:
        if model:
            wait_ready(env_extra["TINYAGENT_MODEL_URL"], model, path="/health", what="llama-server")
        proc = start_server(port, max(args.levels), data, log, env_extra)
        wait_ready(url, proc)
        print(f"[{mode}]", file=sys.stderr)
        return [{"mode": mode, **r} for r in asyncio.run(bench(url, args.levels, queries))], data
    finally:
        for p in (proc, model):
            if p is not None:
                stop(p)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--levels", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--modes", nargs="+", choices=["embedded", "server"], default=["embedded", "server"])
    ap.add_argument("--slots", type=int, default=4, help="llama-server parallel slots (mode server)")
    ap.add_argument("--requests", type=int, default=16, help="runs per level (test requests)")
    ap.add_argument("--port", type=int, default=0, help="0: a free port")
    ap.add_argument("--data", type=Path, default=None, help="folder with test.jsonl (default finetune/data)")
    ap.add_argument("--out", default="load.json", help="results file (a bare name goes under bench/results/)")
    ap.add_argument("--plot", type=Path, default=PLOTS / "load.png")
    args = ap.parse_args()

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    try:
        queries = [r["query"] for r in test_rows(args.requests, **({"data_dir": args.data} if args.data else {}))]
    except SystemExit:
        queries = (FALLBACK * args.requests)[:args.requests]
    results, logs = [], []
    for mode in args.modes:
        got, data = run_mode(mode, args, queries)
        results += got
        logs.append(str(data))
    print(f"langgraph dev on loopback; each level runs the same {len(queries)} test requests, at most N "
          f"at a time; model embedded in the agent, or llama-server with {args.slots} slots; logs in "
          f"{', '.join(logs)}")
    print(table(["model", "concurrent runs N", "wall s", "throughput runs/s", "median latency s",
                 "p95 latency s", "failed"],
                [("embedded" if r["mode"] == "embedded" else f"llama-server, {args.slots} slots", r["n"],
                  f"{r['wall_s']:.1f}", f"{r['throughput']:.3f}", f"{r['median_s']:.1f}",
                  f"{r['p95_s']:.1f}", r["failed"]) for r in results]))
    for r in results:
        for e in r["errors"]:
            print(f"  {r['mode']} N={r['n']}: {e}", file=sys.stderr)
    save(args.out, {"command": " ".join(sys.argv), "slots": args.slots, "levels": results})
    plot(results, args.plot)


def plot(results: list[dict], path: Path) -> None:
    plt = pyplot()

    fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.2))
    modes = list(dict.fromkeys(r.get("mode", "embedded") for r in results))
    for mode, colour in zip(modes, ["C0", "C1"]):
        rows = [r for r in results if r.get("mode", "embedded") == mode]
        ns = [r["n"] for r in rows]
        a.plot(ns, [r["throughput"] for r in rows], "o-", color=colour, label=mode)
        b.plot(ns, [r["median_s"] for r in rows], "o-", color=colour, label=f"{mode} median")
        b.plot(ns, [r["p95_s"] for r in rows], "s--", color=colour, label=f"{mode} p95")
    a.set(xscale="log", xlabel="concurrent runs N", ylabel="runs/s",
          title="Throughput", ylim=(0, None))
    a.set_xticks(ns, [str(n) for n in ns])
    a.legend()
    b.set(xscale="log", xlabel="concurrent runs N", ylabel="latency per run, s", title="Latency",
          ylim=(0, None))
    b.set_xticks(ns, [str(n) for n in ns])
    b.legend()
    save_plot(fig, path)


if __name__ == "__main__":
    main()
