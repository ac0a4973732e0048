"""run_python: model-written code in a kernel-isolated sandbox: no network, no files but its own, limits.

The code runs in new mount, PID, network, IPC and UTS namespaces, through bubblewrap (``bwrap``)
when it is installed, else util-linux ``unshare`` and the small jail below. It sees:

- its scratch folder (read-write, deleted afterwards) and, read-only, ``/usr``, the interpreter's
  own prefix (standard library), ``/etc/localtime`` and ``/dev/{null,zero,random,urandom}``;
- no home folder, no workspace, no ``/etc``, no ``/tmp`` of the host;
- only its own processes (``/proc`` is the new PID namespace's), and a network namespace with no
  route out (not even to the host's 127.0.0.1);
- an environment of a few fixed variables, none of the parent's.

It runs without capabilities (as ``nobody`` when the agent runs as root), with ``no_new_privs``,
under CPU-time, address-space, file-size and process-count limits; the whole sandbox is killed at
the wall-clock limit or when its task is stopped. Where the kernel offers no namespaces the tool
refuses, unless the settings say ``python_sandbox="none"`` (then only the limits apply).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools import cancel
from tinyagent.tools.base import make_tool
from tinyagent.tools.paths import Workspace

#: The user the code runs as when the agent itself runs as root (root ignores process limits).
NOBODY = 65534

#: Runs first inside the sandbox (bwrap, or no isolation): drop to ``nobody`` if asked, lower the
#: limits, then exec a fresh isolated interpreter on the user's code. Avoids preexec_fn, which is
#: unsafe in a threaded parent.
_BOOT = """
import json, os, resource, sys
cfg = json.loads(sys.argv[1])
if cfg["uid"] is not None:
    os.setgroups([])
    os.setresgid(cfg["uid"], cfg["uid"], cfg["uid"])
    os.setresuid(cfg["uid"], cfg["uid"], cfg["uid"])
for name, soft, hard in cfg["limits"]:
    try:
        resource.setrlimit(getattr(resource, name), (soft, hard))
    except (ValueError, OSError):
        pass
os.chdir(cfg["cwd"])
os.execv(cfg["argv"][0], cfg["argv"])
"""

#: The jail for the ``unshare`` back end. It starts as (namespace) root in fresh mount, PID,
#: network, IPC and UTS namespaces, builds a read-only root file system on a tmpfs with only the
#: allowed paths bound in, pivots into it, then forks the code without capabilities and waits for
#: it as PID 1 (when PID 1 exits, the kernel kills everything left in the namespace).
_JAIL = r"""
import ctypes, json, os, resource, sys
cfg = json.loads(sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
RDONLY, NOSUID, NODEV, NOEXEC, REMOUNT, BIND, REC, PRIVATE, RELATIME = 1, 2, 4, 8, 32, 4096, 16384, 1 << 18, 1 << 21

def ok(ret, what):
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")

def enc(s):
    return None if s is None else s.encode()

def mount(src, dst, fs, flags, data=None):
    ok(libc.mount(enc(src), enc(dst), enc(fs), flags, enc(data)), f"mount {dst}")

def bind(src, dst, ro, dev=False):
    if os.path.isdir(src):
        os.makedirs(dst, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        open(dst, "a").close()
    mount(src, dst, None, BIND | REC)
    f = os.statvfs(dst).f_flag  # keep the flags the kernel locks (nodev, atime ...) and add ours
    keep = (f & (NOSUID | NODEV | NOEXEC | 1024 | 2048)) | (RELATIME if f & 4096 else 0)
    mount(None, dst, None, REMOUNT | BIND | keep | NOSUID | (0 if dev else NODEV) | (RDONLY if ro else 0))

try:
    os.umask(0o022)
    mount(None, "/", None, REC | PRIVATE)
    root = cfg["root"]
    mount("tmpfs", root, "tmpfs", NOSUID | NODEV, "mode=0755,size=1m")
    for path in cfg["ro"]:
        bind(path, root + path, ro=True)
    for link, target in cfg["links"]:
        os.symlink(target, root + link)
    for dev in ("null", "zero", "random", "urandom"):
        bind("/dev/" + dev, root + "/dev/" + dev, ro=False, dev=True)
    bind(cfg["cwd"], root + cfg["cwd"], ro=False)
    os.makedirs(root + "/proc")
    mount("proc", root + "/proc", "proc", NOSUID | NODEV | NOEXEC)
    os.chdir(root)
    nr = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "armv7l": 218, "i686": 217, "ppc64le": 203,
          "s390x": 217}.get(os.uname().machine)
    if nr is not None:
        ok(libc.syscall(nr, b".", b"."), "pivot_root")
        ok(libc.umount2(b".", 2), "umount old root")  # MNT_DETACH
    else:  # unknown architecture: chroot; without capabilities the code cannot leave it
        os.chroot(".")
    os.chdir("/")
    mount(None, "/", None, REMOUNT | BIND | RDONLY | NOSUID | NODEV)
except OSError as exc:
    print(f"sandbox setup failed: {exc}", file=sys.stderr)
    os._exit(125)

pid = os.fork()
if pid == 0:
    try:
        os.setsid()
        if cfg["uid"] is not None:  # real root outside: become nobody (no capabilities left)
            os.setgroups([])
            os.setresgid(cfg["uid"], cfg["uid"], cfg["uid"])
            os.setresuid(cfg["uid"], cfg["uid"], cfg["uid"])
        else:  # namespace root: lose every capability at exec, for good
            ok(libc.prctl(28, 0x1 | 0x2 | 0x8 | 0x20 | 0x40 | 0x80, 0, 0, 0), "securebits")
            ok(libc.prctl(47, 4, 0, 0, 0), "clear ambient capabilities")
            last = int(open("/proc/sys/kernel/cap_last_cap").read())
            for cap in range(last + 1):
                ok(libc.prctl(24, cap, 0, 0, 0), "drop capability")
        ok(libc.prctl(38, 1, 0, 0, 0), "no_new_privs")
        for name, soft, hard in cfg["limits"]:
            try:
                resource.setrlimit(getattr(resource, name), (soft, hard))
            except (ValueError, OSError):
                pass
        os.chdir(cfg["cwd"])
        os.execve(cfg["argv"][0], cfg["argv"], cfg["env"])
    except BaseException as exc:
        print(f"sandbox setup failed: {exc}", file=sys.stderr)
        os._exit(125)
while True:
    try:
        done, status = os.waitpid(-1, 0)
    except ChildProcessError:
        os._exit(125)
    if done == pid:
        os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
"""


#: The only environment variables the code gets: nothing from the parent leaks in.
def _child_env(work: str) -> dict[str, str]:
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "HOME": work, "TMPDIR": work, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1",
            "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _interpreter() -> str:
    """The base interpreter (not a virtual environment's): the code gets the standard library only."""
    return os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)


def _visible(python: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Read-only paths the sandbox sees and the top-level symlinks (``/lib -> usr/lib``) it repeats."""
    wanted = ["/usr", os.path.realpath(sys.base_prefix), os.path.realpath(sys.base_exec_prefix),
              os.path.dirname(os.path.dirname(python))]
    links: list[tuple[str, str]] = []
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            links.append((top, os.readlink(top)))
        elif os.path.isdir(top):
            wanted.append(top)
    paths: list[str] = []
    for p in sorted({os.path.realpath(w) for w in wanted if w and os.path.exists(w)}, key=len):
        if not any(p == q or p.startswith(q.rstrip("/") + "/") for q in paths):
            paths.append(p)
    # two files of /etc, bound where they are (localtime is often a link into /usr/share/zoneinfo)
    paths += [f for f in ("/etc/localtime", "/etc/ld.so.cache") if os.path.isfile(f)]
    return paths, [(link, target) for link, target in links
                   if not any(link == p or link.startswith(p + "/") for p in paths)]


def _ancestors(path: str) -> list[str]:
    parts = Path(path).parts[1:-1]
    return ["/" + "/".join(parts[:i + 1]) for i in range(len(parts))]


def _bwrap_argv(cfg: dict, python: str) -> list[str]:
    ro, links = _visible(python)
    argv = ["bwrap", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--clearenv"]
    if cfg["uid"] is not None:  # real root: keep only what dropping to nobody needs
        argv += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        argv += ["--unshare-user", "--disable-userns"]
    for key, value in cfg["env"].items():
        argv += ["--setenv", key, value]
    made: set[str] = set()
    for path in ro + [cfg["cwd"]]:
        for parent in _ancestors(path):  # created 0755, whatever the host's (/root is 0700)
            if parent not in made and not any(parent == p or parent.startswith(p + "/") for p in ro):
                argv += ["--perms", "0755", "--dir", parent]
                made.add(parent)
    for path in ro:
        argv += ["--ro-bind", path, path]
    for link, target in links:
        argv += ["--symlink", target, link]
    argv += ["--perms", "0755", "--dir", "/dev"]
    for dev in ("null", "zero", "random", "urandom"):
        argv += ["--dev-bind", f"/dev/{dev}", f"/dev/{dev}"]
    argv += ["--proc", "/proc", "--bind", cfg["cwd"], cfg["cwd"], "--remount-ro", "/",
             "--chdir", cfg["cwd"], "--", python, "-I", "-S", "-c", _BOOT, json.dumps(cfg)]
    return argv


def _unshare_argv(cfg: dict, python: str) -> list[str]:
    ro, links = _visible(python)
    jail = {**cfg, "ro": ro, "links": links}
    user = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    return ["unshare", *user, "--mount", "--pid", "--net", "--ipc", "--uts", "--fork", "--kill-child",
            "--propagation", "private", "--", python, "-I", "-S", "-c", _JAIL, json.dumps(jail)]


def _limits(ws: Workspace, isolated: bool) -> list[tuple[str, int, int]]:
    cfg = ws.config
    cpu = max(1, math.ceil(cfg.python_timeout_s))
    mem = cfg.python_memory_mb * 1024 * 1024
    fsize = max(1 << 20, cfg.python_output_chars * 8)
    # CPU: the soft limit sends SIGXCPU, the hard one (a second later) SIGKILL.
    out = [("RLIMIT_CPU", cpu, cpu + 1), ("RLIMIT_AS", mem, mem), ("RLIMIT_FSIZE", fsize, fsize),
           ("RLIMIT_CORE", 0, 0)]
    if isolated:  # counted per user (per namespace when isolated): meaningless for the host's user
        out.append(("RLIMIT_NPROC", cfg.python_max_processes, cfg.python_max_processes))
    return out


def _spawn(backend: str, tmp: Path, code: str, ws: Workspace, stdout, stderr) -> subprocess.Popen:
    """Start ``code`` in a fresh scratch folder ``tmp/work`` under ``backend``."""
    python = _interpreter()
    work = tmp / "work"
    work.mkdir()
    (work / "main.py").write_text(code, encoding="utf-8")
    isolated = backend != "none"
    uid = NOBODY if isolated and os.geteuid() == 0 else None
    if uid is not None:
        os.chown(work, uid, uid)
    env = _child_env(str(work))
    cfg = {"uid": uid, "cwd": str(work), "env": env, "limits": _limits(ws, isolated),
           # -S: no site-packages of the base interpreter (its own or the system's): the standard library only
           "argv": [python, "-I", "-S", "-X", "utf8", "main.py"], "root": str(tmp / "root")}
    if backend == "bwrap":
        argv = _bwrap_argv(cfg, python)
    elif backend == "unshare":
        (tmp / "root").mkdir()
        argv = _unshare_argv(cfg, python)
    else:
        argv = [python, "-I", "-S", "-c", _BOOT, json.dumps(cfg)]
    return subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=stdout,
                            stderr=stderr, start_new_session=True, close_fds=True)


_probed: dict[str, str | None] = {}
_probe_lock = threading.Lock()


def unavailable(backend: str, ws: Workspace | None = None) -> str | None:
    """Why ``backend`` cannot isolate code on this machine (None when it works); tried once."""
    with _probe_lock:
        if backend not in _probed:
            _probed[backend] = _probe(backend, ws or Workspace(tempfile.gettempdir()))
        return _probed[backend]


def _probe(backend: str, ws: Workspace) -> str | None:
    if shutil.which(backend) is None:
        return "not installed"
    with tempfile.TemporaryDirectory(prefix="tinyagent-probe-") as tmp:
        err_path = Path(tmp) / "err"
        with open(err_path, "wb") as err:
            try:
                proc = _spawn(backend, Path(tmp), "print('ok')", ws, subprocess.PIPE, err)
                out, _ = proc.communicate(timeout=30)
            except (OSError, subprocess.SubprocessError) as exc:
                return str(exc)
        if proc.returncode == 0 and out.strip() == b"ok":
            return None
        lines = err_path.read_text(errors="replace").strip().splitlines()
        return lines[-1] if lines else f"exit status {proc.returncode}"


def choose_backend(ws: Workspace) -> str:
    """The isolation run_python uses under the workspace's settings; ToolException if there is none."""
    wanted = ws.config.python_sandbox
    if wanted == "none":
        return "none"
    tried = ["bwrap", "unshare"] if wanted == "auto" else [wanted]
    reasons = []
    for backend in tried:
        why = unavailable(backend, ws)
        if why is None:
            return backend
        reasons.append(f"{'bubblewrap' if backend == 'bwrap' else backend}: {why}")
    raise ToolException(
        "run_python refused to run the code: this machine offers no kernel isolation for it ("
        + "; ".join(reasons) + "). Install bubblewrap (e.g. `apt-get install bubblewrap`) or allow user "
        "namespaces; or, accepting that the code could read your files and use the network, set "
        "python_sandbox='none' (TINYAGENT_PYTHON_SANDBOX=none).")


def _read_limited(path: Path, limit: int) -> str:
    with open(path, "rb") as fh:
        data = fh.read(limit * 4 + 4)
    text = data.decode("utf-8", errors="replace")
    size = path.stat().st_size
    if len(text) > limit or size > len(data):
        text = text[:limit] + f"\n... [output truncated at {limit} characters]"
    return text


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class PythonArgs(BaseModel):
    code: str = Field(description="Python code; print() what you need.")


def run_python(ws: Workspace, code: str) -> dict:
    """Run Python code and return its output.

    Runs in an isolated sandbox (standard library only, no network, no access to your files) in a
    fresh temporary folder with time and memory limits; returns a dict with stdout, stderr and
    exit_code (print() the values you need).
    """
    if not code.strip():
        raise ToolException("The code is empty; give Python code that prints its result.")
    cfg = ws.config
    backend = choose_backend(ws)
    cancel.check("running the code")
    with tempfile.TemporaryDirectory(prefix="tinyagent-py-") as tmp_name:
        tmp = Path(tmp_name)
        out_path, err_path = tmp / ".stdout", tmp / ".stderr"
        timed_out = stopped_by_task = False
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = _spawn(backend, tmp, code, ws, out, err)
            deadline = time.monotonic() + cfg.python_timeout_s + 1
            while True:
                try:
                    code_ = proc.wait(timeout=0.05)
                    break
                except subprocess.TimeoutExpired:
                    stopped_by_task = cancel.cancelled()
                    if stopped_by_task or time.monotonic() > deadline:
                        timed_out = not stopped_by_task
                        _kill(proc)
                        code_ = proc.wait()
                        break
            _kill(proc)  # children the code left behind (the namespaces are gone already)
        stdout = _read_limited(out_path, cfg.python_output_chars)
        stderr = _read_limited(err_path, cfg.python_output_chars).replace(f"{tmp / 'work'}/", "")
    if backend != "none" and code_ > 128:  # the sandbox reports a signal N as 128 + N
        code_ = -(code_ - 128)
    cancel.check("finishing the code")  # a stopped task's output is not reported as its result
    # SIGXCPU, or the SIGKILL of the hard CPU limit a second later: the time limit stopped it.
    stopped = timed_out or code_ in (-signal.SIGXCPU, -signal.SIGKILL)
    if stopped:
        stderr += f"\nStopped: the code ran longer than the {cfg.python_timeout_s:g} s limit."
    elif code_ == -signal.SIGXFSZ:
        stderr += "\nStopped: the code wrote more output than allowed."
    return {"stdout": stdout, "stderr": stderr.lstrip("\n"), "exit_code": code_, "timed_out": stopped}


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, run_python, PythonArgs)]
