"""Footprint of `tinyagent run`: start-up time, peak resident memory, and whether torch is imported.

    .venv/bin/python bench/footprint.py [--repeats 3]

Two measurements, each in fresh processes on one fresh data dir (the first run builds the tool
index and is reported apart):
- the CLI itself, `tinyagent run "<request>" --dry-run --json`: wall time from process start to
  exit and peak resident memory (the child's rusage from wait4);
- the same code path in a probe (build_graph, load model and index, one --dry-run request) that
  also times start-up (process start until the model and index are loaded, before the first
  token) and reports whether torch or transformers were ever imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import save  # noqa: E402

REQUEST = "Email Sarah Lee the slides"

PROBE = r"""
import json, sys, time, resource
t0 = time.perf_counter()
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
graph = build_graph(settings=Settings())
graph.resources.llm(); graph.resources.index()
startup = time.perf_counter() - t0
out = graph.invoke({"messages": [("human", sys.argv[1])]}, context={"dry_run": True})
total = time.perf_counter() - t0
print(json.dumps({"startup": startup, "total": total, "torch": "torch" in sys.modules,
                  "transformers": "transformers" in sys.modules,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def cli_run(env: dict) -> dict:
    """Wall time and peak RSS of one `tinyagent run --dry-run --json` process."""
    exe = Path(sys.executable).with_name("tinyagent")
    t = time.perf_counter()
    proc = subprocess.Popen([str(exe), "run", REQUEST, "--dry-run", "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # reaps the child itself, with its own rusage
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code:
        raise SystemExit(f"tinyagent run exited with {code}")
    result = json.loads(out)
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "planned": len(result.get("tasks") or [])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    env = {**os.environ, "TINYAGENT_DATA_DIR": tempfile.mkdtemp(prefix="tinyagent-bench-")}
    cli = [cli_run(env) for _ in range(args.repeats + 1)]  # the first one builds the tool index
    probes = []
    for _ in range(args.repeats):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", PROBE, REQUEST], env=env, capture_output=True,
                             text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["process"] = time.perf_counter() - t
        probes.append(row)
    med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    summary = {
        "first_run_wall_s": cli[0]["wall"], "first_run_rss_mb": cli[0]["rss_mb"],
        "run_wall_s": med(cli[1:], "wall"), "run_rss_mb": med(cli[1:], "rss_mb"),
        "startup_s": med(probes, "startup"), "probe_rss_mb": med(probes, "rss_mb"),
        "torch_imported": any(r["torch"] for r in probes),
        "transformers_imported": any(r["transformers"] for r in probes),
    }
    print(f"`tinyagent run --dry-run`, first run (builds the tool index): {cli[0]['wall']:.2f} s, "
          f"peak RSS {cli[0]['rss_mb']:.0f} MiB")
    print(f"`tinyagent run --dry-run`, process start to exit: median {summary['run_wall_s']:.2f} s "
          f"over {args.repeats}")
    print(f"`tinyagent run --dry-run`, peak resident memory:  median {summary['run_rss_mb']:.0f} MiB")
    print(f"start-up to model loaded + index open (probe):   median {summary['startup_s']:.2f} s")
    print(f"torch imported: {summary['torch_imported']}  "
          f"transformers imported: {summary['transformers_imported']}")
    save("footprint.json", {"command": " ".join(sys.argv), "request": REQUEST, "repeats": args.repeats,
                            **summary, "cli_runs": cli, "probe_runs": probes})


if __name__ == "__main__":
    main()
