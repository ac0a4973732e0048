"""run_python: code in a separate isolated interpreter with CPU, memory, file-size and output limits."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tools.base import make_tool
from tools.paths import Workspace

#: Runs first in the child: lower the limits (soft and hard), then exec a fresh isolated
#: interpreter on the user's code, so the limits hold for it. Avoids preexec_fn, which is
#: unsafe in a threaded parent.
_BOOT = """
import os, resource, sys
cpu, mem, fsize = (int(x) for x in sys.argv[1:4])
# CPU: the soft limit sends SIGXCPU, the hard one (a second later) SIGKILL.
for lim, soft, hard in ((resource.RLIMIT_CPU, cpu, cpu + 1), (resource.RLIMIT_AS, mem, mem),
                        (resource.RLIMIT_FSIZE, fsize, fsize), (resource.RLIMIT_CORE, 0, 0)):
    try:
        resource.setrlimit(lim, (soft, hard))
    except (ValueError, OSError):
        pass
os.execv(sys.executable, [sys.executable, "-I", "-X", "utf8", sys.argv[4]])
"""

#: The only environment variables the child gets: nothing from the parent leaks in.
def _child_env(tmp: str) -> dict[str, str]:
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "HOME": tmp, "TMPDIR": tmp, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1",
            "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _read_limited(path: Path, limit: int) -> str:
    with open(path, "rb") as fh:
        data = fh.read(limit * 4 + 4)
    text = data.decode("utf-8", errors="replace")
    size = path.stat().st_size
    if len(text) > limit or size > len(data):
        text = text[:limit] + f"\n... [output truncated at {limit} characters]"
    return text


class PythonArgs(BaseModel):
    code: str = Field(description="Python code; print() what you need.")


def run_python(ws: Workspace, code: str) -> dict:
    """Run Python code and return its output.

    Runs in a fresh temporary folder with time and memory limits; returns a dict with stdout,
    stderr and exit_code (print() the values you need).
    """
    if not code.strip():
        raise ToolException("The code is empty; give Python code that prints its result.")
    cfg = ws.config
    limit_chars = cfg.python_output_chars
    cpu = max(1, math.ceil(cfg.python_timeout_s))
    mem = cfg.python_memory_mb * 1024 * 1024
    fsize = max(1 << 20, limit_chars * 8)
    with tempfile.TemporaryDirectory(prefix="tinyagent-py-") as tmp:
        main = Path(tmp) / "main.py"
        main.write_text(code, encoding="utf-8")
        out_path, err_path = Path(tmp) / ".stdout", Path(tmp) / ".stderr"
        timed_out = False
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _BOOT, str(cpu), str(mem), str(fsize), "main.py"],
                cwd=tmp, env=_child_env(tmp), stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                start_new_session=True, close_fds=True)
            try:
                code_ = proc.wait(timeout=cfg.python_timeout_s + 1)
            except subprocess.TimeoutExpired:
                timed_out = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                code_ = proc.wait()
            else:
                try:  # children the code left behind
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        stdout = _read_limited(out_path, limit_chars)
        stderr = _read_limited(err_path, limit_chars).replace(f"{tmp}/", "")
    stopped = timed_out or code_ == -signal.SIGXCPU
    if stopped:
        stderr += f"\nStopped: the code ran longer than the {cfg.python_timeout_s:g} s limit."
    elif code_ == -signal.SIGXFSZ:
        stderr += "\nStopped: the code wrote more output than allowed."
    return {"stdout": stdout, "stderr": stderr.lstrip("\n"), "exit_code": code_, "timed_out": stopped}

def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, run_python, PythonArgs)]
