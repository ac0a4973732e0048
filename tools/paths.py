"""Safe paths inside the workspace, atomic writes and per-file locks shared by all tools."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock
from langchain_core.tools import ToolException

from tinyagent.tools.cancel import committing
from tinyagent.tools.config import ToolConfig

#: Hidden folder of the workspace that holds locks and the document index.
STATE_DIR = ".tinyagent"


class Workspace:
    """The user's data folder plus the extra roots the user allowed; resolves paths safely."""

    def __init__(self, root: str | os.PathLike, config: ToolConfig | None = None):
        self.root = Path(root).expanduser().resolve()
        self.config = config or ToolConfig()
        extra = [Path(r).expanduser().resolve() for r in self.config.allowed_roots]
        self.roots = [self.root] + [r for r in extra if r != self.root]

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def index_dir(self) -> Path:
        return Path(self.config.index_dir).expanduser().resolve() if self.config.index_dir \
            else self.state_dir / "index"

    def resolve(self, user_path: str | os.PathLike, *, base: Path | None = None,
                within: list[Path] | None = None, what: str = "path") -> Path:
        """A user-supplied path as an absolute path, refused if it leaves ``within``.

        Relative paths start at ``base`` (default: the workspace). ``within`` defaults to the
        workspace and the allowed roots. ``..``, absolute paths and symlinks are resolved first,
        so any of them that ends up outside is refused.
        """
        text = str(user_path).strip()
        if not text:
            raise ToolException(f"The {what} is empty; give a file or folder name.")
        if "\x00" in text:
            raise ToolException(f"The {what} {text!r} contains a NUL character.")
        base = base or self.root
        try:
            candidate = Path(text).expanduser()
        except RuntimeError:  # "~name" of a user that does not exist
            raise ToolException(f"The {what} {text!r} starts with '~' but names no known home folder; "
                                f"use a path inside the workspace, e.g. 'Documents/report.pdf'.") from None
        if not candidate.is_absolute():
            candidate = base / candidate
        resolved = Path(os.path.realpath(candidate))
        allowed = within if within is not None else self.roots
        if not any(resolved == r or resolved.is_relative_to(r) for r in allowed):
            where = " or ".join(self.display(r) or "." for r in allowed)
            raise ToolException(
                f"The {what} {text!r} is outside the allowed folders ({where}); "
                f"use a path inside them, e.g. 'Documents/report.pdf', without '..'.")
        return resolved

    def display(self, path: Path) -> str:
        """Path relative to the workspace when inside it, else absolute (for results and errors)."""
        path = Path(path)
        try:
            rel = path.relative_to(self.root)
            return "." if str(rel) == "." else rel.as_posix()
        except ValueError:
            return str(path)

    def lock(self, path: Path):
        """Context manager: exclusive lock on ``path`` across threads and processes."""
        return file_lock(path, self.state_dir / "locks")


_registry_guard = threading.Lock()
_locks: dict[str, tuple[threading.RLock, FileLock]] = {}


@contextmanager
def file_lock(path: Path, lock_dir: Path, timeout: float = 60) -> Iterator[None]:
    """Hold a thread lock and a lock file for ``path``; reentrant within one thread."""
    key = str(Path(path).resolve())
    with _registry_guard:
        if key not in _locks:
            lock_dir.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha1(key.encode()).hexdigest()[:16]
            stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(key).name)[:40]
            # thread_local=False: the RLock already admits one thread at a time, and the same
            # thread re-entering must see the FileLock as held by itself.
            _locks[key] = (threading.RLock(),
                           FileLock(lock_dir / f"{stem}-{digest}.lock", thread_local=False))
        thread_lock, proc_lock = _locks[key]
    if not thread_lock.acquire(timeout=timeout):
        raise ToolException(f"{Path(path).name} is busy (locked by another task); try again.")
    try:
        # The section starts once the lock is held: a stopped task's tool writes nothing more,
        # and stopping it waits for a read-modify-write already under way (tools/cancel.py).
        with proc_lock.acquire(timeout=timeout), committing(Path(path).name):
            yield
    finally:
        thread_lock.release()


#: errno values that mean the file system has no room left for the write.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def disk_full(exc: BaseException, target: str | os.PathLike) -> ToolException | None:
    """A clear ToolException for a write to ``target`` (a file, or the folder it was in) that failed
    for lack of space; None for any other error."""
    if not isinstance(exc, OSError) or exc.errno not in DISK_FULL:
        return None
    why = {errno.EDQUOT: "your disk quota is used up", errno.EFBIG: "the file would be too large"}.get(
        exc.errno, "the disk is full")
    target = Path(target)
    what = f"to {target}" if target.is_dir() else f"{target.name} (in {target.parent})"
    return ToolException(f"Could not write {what}: {why}; nothing was changed. Free some space "
                         f"there and try again.")


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file next to ``path``, then rename it over ``path``.
    On a full disk: a ToolException that says so, the old file as it was, no temporary file left."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, data)
    except OSError as exc:
        full = disk_full(exc, path)
        if full is None:
            raise
        raise full from exc


def _atomic_write(path: Path, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        with committing(path.name):  # refused once the task was stopped (tools/cancel.py)
            os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def update_file(ws: Workspace, path: Path, change: Callable[[bytes | None], bytes | str]) -> None:
    """Read-modify-write under the file's lock: ``change(old bytes or None) -> new content``."""
    with ws.lock(path):
        old = path.read_bytes() if path.exists() else None
        atomic_write(path, change(old))


def safe_name(text: str, fallback: str = "untitled", limit: int = 80) -> str:
    """A file-name-safe version of a title (keeps letters, digits, spaces, ``-_.()``)."""
    cleaned = re.sub(r"[^\w\s().,&'+-]", "-", text, flags=re.UNICODE).strip(" .-")
    cleaned = re.sub(r"\s+", " ", cleaned)[:limit].strip(" .")
    return cleaned or fallback
