"""Start `langgraph dev` for a test: offline, on a free loopback port, from a temporary folder."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]
LANGGRAPH = Path(sys.executable).parent / "langgraph"  # the CLI next to this Python

#: keep the real model's runs short and light on a shared CPU
LIGHT = {"TINYAGENT_N_THREADS": "1", "TINYAGENT_MAX_PLAN_TOKENS": "96",
         "TINYAGENT_MAX_ANSWER_TOKENS": "32", "TINYAGENT_MAX_REPLANS": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"langgraph dev exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/ok", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"langgraph dev not ready after {timeout} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def serve(tmp: Path, env: dict[str, str], args: list[str] = ()) -> Iterator[tuple[str, Path]]:
    """`langgraph dev` on the repository's langgraph.json with its paths made absolute, run from
    ``tmp`` (its .langgraph_api/ state stays out of the repository), with TINYAGENT_DATA_DIR in
    ``tmp/data`` and ``env`` on top; yields the URL and the server's log file, and stops it."""
    config = json.loads((REPO / "langgraph.json").read_text())
    config["dependencies"] = [str(REPO / d) for d in config["dependencies"]]
    config["graphs"] = {k: str(REPO / v) for k, v in config["graphs"].items()}
    (tmp / "langgraph.json").write_text(json.dumps(config))
    env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGGRAPH_NO_VERSION_CHECK": "true",
           "LANGSMITH_TRACING": "false", "TINYAGENT_DATA_DIR": str(tmp / "data"), **env}
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
