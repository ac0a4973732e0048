"""Footprint of `tinyagent run`: start-up time, peak resident memory, and whether torch is imported.

    .venv/bin/python bench/footprint.py [--repeats 3]

Start-up: time from process start until the graph is built and the model is loaded (before the
first token). Whole run: a --dry-run request end to end. Peak RSS from the child's rusage.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

PROBE = r"""
import json, sys, time, resource
t0 = time.perf_counter()
from graph.graph import build_graph
from graph.settings import Settings
from graph.context import Context
graph = build_graph(settings=Settings())
graph.resources.llm(); graph.resources.index()
startup = time.perf_counter() - t0
out = graph.invoke({"messages": [("human", "Email Sarah Lee the slides")]}, context=Context(dry_run=True))
total = time.perf_counter() - t0
print(json.dumps({"startup": startup, "total": total, "torch": "torch" in sys.modules,
                  "transformers": "transformers" in sys.modules,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    env = {**os.environ, "TINYAGENT_DATA_DIR": tempfile.mkdtemp(prefix="tinyagent-bench-")}
    rows = []
    for i in range(args.repeats + 1):  # the first run also builds the index: reported apart
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                             check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["process"] = time.perf_counter() - t
        rows.append(row)
    first, rest = rows[0], rows[1:]
    med = lambda k: statistics.median(r[k] for r in rest)  # noqa: E731
    print(f"first run (builds the tool index): start-up {first['startup']:.2f} s, "
          f"process {first['process']:.2f} s")
    print(f"start-up to model loaded + index open:  median {med('startup'):.2f} s")
    print(f"dry-run request, process start to end:  median {med('process'):.2f} s")
    print(f"peak resident memory:                   median {med('rss_mb'):.0f} MiB")
    print(f"torch imported: {any(r['torch'] for r in rows)}  "
          f"transformers imported: {any(r['transformers'] for r in rows)}")


if __name__ == "__main__":
    main()
