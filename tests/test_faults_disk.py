"""A write on a full file system (a real 256 KiB tmpfs) is a clear ToolException, and leaves no partial
or temporary file: the workspace is byte for byte as it was."""

from __future__ import annotations

import errno
import hashlib
import subprocess

import pytest
from langchain_core.tools import ToolException

from tinyagent.tools import default_tools, init_workspace


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KiB tmpfs mounted for the test (needs root or CAP_SYS_ADMIN)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): {proc.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk, leave: int = 0):
    """Fill the file system, then free ``leave`` bytes (tmpfs counts whole 4 KiB pages)."""
    filler = disk / "filler.bin"
    with filler.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    if leave:
        with filler.open("r+b") as fh:
            fh.truncate(max(0, filler.stat().st_size - leave))


def snapshot(root):
    """Every file of the workspace (locks aside) and a hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "/locks/" not in p.as_posix()}


@pytest.fixture
def full(small_disk):
    ws = init_workspace(small_disk / "ws")
    tools = {t.name: t for t in default_tools(ws)}
    tools["create_note"].invoke({"name": "Groceries", "content": "milk"})
    return small_disk, ws, tools


CALLS = [
    ("create_note", {"name": "Big", "content": "x" * 60_000}),
    ("append_note_content", {"name": "Groceries", "content": "y" * 60_000}),
    ("create_calendar_event", {"title": "Review " + "z" * 60_000, "start_date": "2026-12-04 15:00"}),
    ("compose_new_email", {"recipients": ["sam@example.org"], "subject": "Notes", "context": "w" * 60_000}),
    ("send_sms", {"recipients": ["+1-555-0100"], "message": "v" * 60_000}),
]


@pytest.mark.parametrize("leave", [0, 8192], ids=["no-room", "some-room"])
@pytest.mark.parametrize("tool,args", CALLS, ids=[c[0] for c in CALLS])
def test_a_write_on_a_full_disk_is_a_clear_error_and_changes_nothing(full, tool, args, leave):
    disk, ws, tools = full
    fill(disk, leave)
    before = snapshot(ws)
    with pytest.raises(ToolException) as info:
        tools[tool].invoke(args)
    message = str(info.value)
    assert "the disk is full" in message and "nothing was changed" in message, message
    assert "Free some space" in message
    assert snapshot(ws) == before  # no partial file, no temporary file, old contents intact
    (disk / "filler.bin").unlink()  # with room again, the same call works
    assert tools[tool].invoke(args)
