"""Every command in README.md runs, for real, as a newcomer would run it (issue 32, item 7).

The convention, for whoever edits the README:

- **Shell commands** are the lines of fenced blocks tagged ```bash or ```sh: every non-blank line is a
  command, a line ending in ``\\`` goes on on the next line, and a ``#`` comment (outside quotes) is
  dropped. In a ```console block only the lines that start with ``$ `` are commands (the rest is
  output). Inline `code` in the text is never run: keep every command a reader should type in a block.
- The commands of one block run one after another, each in a new ``bash -c`` in the repository's
  root; the variables a command exports (``set -a; eval "$(...)"; set +a``) reach the next command
  of the same block. Each must exit with status 0 within COMMAND_TIMEOUT_S; the first that does not
  fails the test, which shows the command, its status and its output.
- They run in a temporary HOME and data folder (``XDG_DATA_HOME``), with no ``TINYAGENT_*`` variable
  from outside (except the merged-model cache shared by the test suite), on the sample workspace
  (``tinyagent workspace init --sample`` runs first), with the real embedded model.
- Every command gets ``/quit`` on its standard input and no terminal, so ``tinyagent chat`` starts,
  loads the model and leaves; ``tinyagent run`` never reads it, and ``--yes`` is never added: a run
  that needs approval without ``--yes`` exits 3 and fails the test. A ``tinyagent run ... --json``
  must print one JSON object with a ``status``.
- ``make TARGET`` is not run (it builds for minutes): TARGET must be a target of the Makefile.
- Servers (``langgraph dev``, ``scripts/llama-server.sh``) are started on a free port (the written
  ``--port`` is replaced, ``PORT`` is set), must answer within SERVER_WAIT_S (``/ok`` and the
  ``tinyagent`` graph; ``/health``), and are stopped. ``langgraph dev`` runs from a temporary folder
  holding ``.venv`` and ``langgraph.json`` as in the repository, so its state stays out of it.
- A command that needs what the machine lacks is skipped with the reason: ``scripts/llama-server.sh``
  without the built server (``make test`` builds it), ``scripts/pg-throwaway.sh`` without PostgreSQL.
- **Python** in ```python blocks must compile, and each block runs as a script (a new interpreter, the
  same environment, a temporary working folder) and must exit 0, unless its first line is a comment
  that starts with ``# sketch`` (then it is only compiled).

Run it alone with ``.venv/bin/python -m pytest -q tests/test_readme.py`` (about two minutes on 2 cores).
"""

from __future__ import annotations

import glob
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
COMMAND_TIMEOUT_S = 300
SERVER_WAIT_S = 120
#: What a block's commands get on stdin: the chat's own way to leave.
STDIN = "/quit\n"


# --- reading the README --------------------------------------------------------------------------

@dataclass
class Block:
    lang: str          # bash, sh, console or python
    line: int          # the README line of the opening fence
    text: str
    commands: list[tuple[int, str]] = field(default_factory=list)  # (README line, command)

    @property
    def id(self) -> str:
        return f"README.md:{self.line}-{self.lang}"


FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text (indented ones, in lists, too)."""
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang = len(m.group(1)), m.group(2), m.group(3).lower()
        start, body, i = i + 1, [], i + 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
            i += 1
        out.append(Block(lang, start, "\n".join(body)))
        i += 1
    for b in out:
        b.commands = shell_commands(b) if b.lang in ("bash", "sh", "console") else []
    return out


def strip_comment(line: str) -> str:
    """A shell line without its trailing ``# comment`` (a # inside quotes, or inside a word, stays)."""
    quote, prev = None, " "
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and prev.isspace():
            return line[:i].rstrip()
        prev = ch
    return line.rstrip()


def shell_commands(block: Block) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pending, first = "", 0
    for n, raw in enumerate(block.text.split("\n"), start=block.line + 1):
        line = raw
        if block.lang == "console":
            if not (line.startswith("$ ") or pending):
                continue
            line = line[2:] if line.startswith("$ ") else line
        line = strip_comment(line) if not pending else strip_comment(line.strip())
        if not line.strip() and not pending:
            continue
        if not pending:
            first = n
        if line.endswith("\\"):
            pending += line[:-1].rstrip() + " "
            continue
        out.append((first, (pending + line.strip()).strip()))
        pending = ""
    if pending:
        out.append((first, pending.strip()))
    return out


BLOCKS = blocks(README.read_text(encoding="utf-8"))
RUN_BLOCKS = [b for b in BLOCKS if b.commands or b.lang == "python"]


# --- the environment -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def newcomer(tmp_path_factory) -> dict[str, str]:
    """A temporary HOME and data folder with the sample workspace; the environment commands get."""
    root = tmp_path_factory.mktemp("readme")
    home = root / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TINYAGENT_")
           and k not in ("VIRTUAL_ENV", "PYTHONPATH", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(root / "data"),
               # the merged model, built once for the whole test suite (tests/conftest.py)
               TINYAGENT_MODEL_CACHE_DIR=os.environ.get("TINYAGENT_MODEL_CACHE_DIR",
                                                        str(REPO / ".cache" / "models")))
    proc = subprocess.run([str(REPO / ".venv" / "bin" / "tinyagent"), "workspace", "init", "--sample"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    env["__ROOT"] = str(root)
    return env


def clean(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if not k.startswith("__")}


def report(where: int, command: str, what: str, out: str = "", err: str = "") -> str:
    return (f"README.md line {where}: {command}\n{what}\n--- stdout ---\n{out[-4000:]}\n"
            f"--- stderr ---\n{err[-4000:]}")


# --- commands ------------------------------------------------------------------------------------

def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text()
    return {m.group(1) for m in re.finditer(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, re.M)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, data: bytes | None = None) -> bytes:
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return r.read()


def postgres_missing() -> bool:
    return not (shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def run_shell(command: str, env: dict[str, str], where: int) -> dict[str, str]:
    """One command, for real; returns the environment it leaves for the next command."""
    env_file = Path(env["__ROOT"]) / "env.after"
    script = f'{command}\n__rc=$?; env -0 > {shlex.quote(str(env_file))}; exit $__rc\n'
    t0 = time.monotonic()
    try:
        proc = subprocess.run(["bash", "-c", script], cwd=REPO, env=clean(env), input=STDIN,
                              capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(report(where, command, f"still running after {COMMAND_TIMEOUT_S} s",
                           str(exc.stdout or ""), str(exc.stderr or "")))
    if proc.returncode != 0:
        pytest.fail(report(where, command, f"exit status {proc.returncode} after "
                           f"{time.monotonic() - t0:.0f} s", proc.stdout, proc.stderr))
    if re.search(r"\btinyagent run\b", command) and "--json" in command.split():
        try:
            obj = json.loads(proc.stdout)
        except ValueError:
            pytest.fail(report(where, command, "--json did not print one JSON object",
                               proc.stdout, proc.stderr))
        assert isinstance(obj, dict) and obj.get("status"), report(where, command, "no status", proc.stdout)
    left = {}
    for item in env_file.read_bytes().split(b"\0"):
        key, eq, value = item.decode(errors="replace").partition("=")
        if eq and key not in ("_", "SHLVL", "PWD", "OLDPWD"):
            left[key] = value
    return {**left, "__ROOT": env["__ROOT"]}


def studio_folder(root: Path) -> Path:
    """A folder where `.venv/bin/langgraph dev` finds the repository's venv and langgraph.json."""
    folder = root / "studio"
    folder.mkdir(exist_ok=True)
    if not (folder / ".venv").exists():
        (folder / ".venv").symlink_to(REPO / ".venv")
    config = json.loads((REPO / "langgraph.json").read_text())
    config["dependencies"] = [str((REPO / d).resolve()) for d in config["dependencies"]]
    config["graphs"] = {k: str(REPO / v) for k, v in config["graphs"].items()}
    (folder / "langgraph.json").write_text(json.dumps(config))
    return folder


def run_server(command: str, env: dict[str, str], where: int) -> None:
    """Start a server the README starts, wait until it answers, stop it."""
    root = Path(env["__ROOT"])
    port = free_port()
    studio = "langgraph dev" in command
    if not studio:
        binary = Path(env.get("LLAMA_SERVER") or REPO / ".cache" / "llama-server" / "bin" / "llama-server")
        if not os.access(binary, os.X_OK):
            pytest.skip(f"line {where}: {command}: llama-server is not built ({binary}); `make test` or "
                        "`make llama-server` builds it")
    command = re.sub(r"--port\s+\d+", f"--port {port}", command)
    log = root / f"server-{port}.log"
    with log.open("w") as out:
        proc = subprocess.Popen(["bash", "-c", command],
                                cwd=studio_folder(root) if studio else REPO,
                                env={**clean(env), "PORT": str(port)}, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        end, last = time.monotonic() + SERVER_WAIT_S, ""
        while True:
            if proc.poll() is not None:
                pytest.fail(report(where, command, f"the server exited with {proc.returncode}",
                                   log.read_text()))
            try:
                if studio:
                    get(f"{url}/ok")
                    found = json.loads(get(f"{url}/assistants/search",
                                           json.dumps({"graph_id": "tinyagent"}).encode()))
                    assert found, f"no assistant for the graph 'tinyagent': {found}"
                else:
                    get(f"{url}/health")
                return
            except (OSError, ValueError) as exc:
                last = str(exc)
            if time.monotonic() > end:
                pytest.fail(report(where, command, f"no answer on {url} after {SERVER_WAIT_S} s ({last})",
                                   log.read_text()))
            time.sleep(1)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def run_python(block: Block, env: dict[str, str]) -> None:
    code = block.text + "\n"
    try:
        compile(code, block.id, "exec")
    except SyntaxError as exc:
        pytest.fail(f"{block.id}: the Python does not compile: {exc}\n{code}")
    if code.lstrip().startswith("# sketch"):
        return
    folder = Path(env["__ROOT"]) / f"python-{block.line}"
    folder.mkdir(exist_ok=True)
    (folder / "snippet.py").write_text(code)
    try:
        proc = subprocess.run([sys.executable, "snippet.py"], cwd=folder, env=clean(env), input="",
                              capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(report(block.line, "the python block", f"still running after {COMMAND_TIMEOUT_S} s",
                           str(exc.stdout or ""), str(exc.stderr or "")))
    if proc.returncode != 0:
        pytest.fail(report(block.line, "the python block", f"exit status {proc.returncode}",
                           proc.stdout, proc.stderr) + f"\n--- code ---\n{code}")


# --- the tests -----------------------------------------------------------------------------------

def test_the_readme_has_commands_to_run():
    """The extraction finds the README's blocks (a broken fence would silently test nothing)."""
    commands = [c for b in BLOCKS for _, c in b.commands]
    assert commands[:2] == ["make chat", "make test"], "the quick start is `make chat` and `make test`"
    assert any(c.startswith(".venv/bin/tinyagent chat") for c in commands)
    assert any(c.startswith(".venv/bin/tinyagent run") for c in commands)
    assert any(b.lang == "python" for b in BLOCKS)


@pytest.mark.parametrize("block", RUN_BLOCKS, ids=[b.id for b in RUN_BLOCKS])
def test_readme_block_runs(block: Block, newcomer: dict[str, str]):
    if block.lang == "python":
        run_python(block, newcomer)
        return
    env = dict(newcomer)
    targets = make_targets()
    try:
        for where, command in block.commands:
            words = command.split()
            if words[0] == "make":
                asked = [t for t in words[1:] if "=" not in t and not t.startswith("-")]
                missing = [t for t in asked if t not in targets]
                assert asked and not missing, f"README.md line {where}: {command}: not a Makefile target"
                continue
            if "pg-throwaway.sh start" in command and postgres_missing():
                pytest.skip(f"line {where}: PostgreSQL (initdb, pg_ctl) is not installed")
            if "langgraph dev" in command or "scripts/llama-server.sh" in command:
                run_server(command, env, where)
                continue
            env = run_shell(command, env, where)
    finally:
        pgdir = env.get("PGDIR")
        if pgdir and Path(pgdir).is_dir():  # a block that failed after starting PostgreSQL
            subprocess.run([str(REPO / "scripts" / "pg-throwaway.sh"), "stop", pgdir],
                           env=clean(env), capture_output=True, timeout=60)


def test_every_setting_is_in_the_readme():
    """Settings has a TINYAGENT_* variable per field, and ToolConfig's fields are set in Python: the
    README names each of them."""
    from tinyagent.graph.settings import Settings
    from tinyagent.tools.config import ToolConfig

    text = README.read_text(encoding="utf-8")
    missing = [f"TINYAGENT_{name.upper()}" for name in Settings.model_fields
               if f"`TINYAGENT_{name.upper()}`" not in text]
    missing += [name for name in ToolConfig.model_fields if f"`{name}`" not in text]
    assert not missing, f"README.md does not name: {', '.join(missing)}"
