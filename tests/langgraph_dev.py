"""Start `langgraph dev` for a test: offline, on a free loopback port, from a temporary folder."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from bench.load import OFFLINE_ENV, free_port
from bench.load import wait_ready as wait_for_ok

REPO = Path(__file__).resolve().parents[1]
LANGGRAPH = Path(sys.executable).parent / "langgraph"  # the CLI next to this Python

#: keep the real model's runs short and light on a shared CPU
LIGHT = {"TINYAGENT_N_THREADS": "1", "TINYAGENT_MAX_PLAN_TOKENS": "96",
         "TINYAGENT_MAX_ANSWER_TOKENS": "32", "TINYAGENT_MAX_REPLANS": "1"}


def wait_ready(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    """bench/load.py's wait for /ok, failing the test with the server's log."""
    try:
        wait_for_ok(url, proc, timeout=timeout)
    except SystemExit as exc:
        pytest.fail(f"{exc}:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def serve(tmp: Path, env: dict[str, str], args: list[str] = ()) -> Iterator[tuple[str, Path]]:
    """`langgraph dev` on the repository's langgraph.json with its paths made absolute, run from
    ``tmp`` (its .langgraph_api/ state stays out of the repository), with TINYAGENT_DATA_DIR in
    ``tmp/data`` and ``env`` on top; yields the URL and the server's log file, and stops it."""
    config = json.loads((REPO / "langgraph.json").read_text())
    config["dependencies"] = [str(REPO / d) for d in config["dependencies"]]
    config["graphs"] = {k: str(REPO / v) for k, v in config["graphs"].items()}
    (tmp / "langgraph.json").write_text(json.dumps(config))
    env = {**os.environ, **OFFLINE_ENV, "TINYAGENT_DATA_DIR": str(tmp / "data"), **env}
    port = free_port()
    log = tmp / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(LANGGRAPH), "dev", "--port", str(port), "--host", "127.0.0.1", "--no-browser",
             "--no-reload", *args], cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc, log)
        yield url, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
