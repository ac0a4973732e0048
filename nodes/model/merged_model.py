"""The LoRA adapter merged into its base model once, cached by content hash, rebuilt when damaged."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

from filelock import FileLock

#: Part of the cache key: a change to how merges are made invalidates the old ones.
MERGE_VERSION = 1


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1))
    os.replace(tmp, path)


def file_digest(path: Path, cache_dir: Path) -> str:
    """sha256 of a file's bytes, remembered in ``cache_dir/digests.json`` by path, size and mtime
    (hashing the 98 MB base takes 0.15 s; every start would pay it)."""
    st = path.stat()
    memo_file = cache_dir / "digests.json"
    try:
        memo = json.loads(memo_file.read_text())
    except (OSError, ValueError):
        memo = {}
    key = str(path.resolve())
    stamp = [st.st_size, st.st_mtime_ns]
    if isinstance(memo.get(key), list) and memo[key][:2] == stamp:
        return memo[key][2]
    with open(path, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    memo[key] = stamp + [digest]
    try:
        _write_json(memo_file, memo)  # a race with another process only loses a memo entry
    except OSError:
        pass
    return digest


def merged_path(base: Path, adapter: Path, quant: str, cache_dir: Path) -> Path:
    """The cache file for this base, adapter and quant type: named by a hash of their contents."""
    key = hashlib.sha256(f"{MERGE_VERSION}:{file_digest(base, cache_dir)}:{file_digest(adapter, cache_dir)}:"
                         f"{quant}".encode()).hexdigest()[:16]
    return cache_dir / f"{adapter.stem}-merged-{quant}-{key}.gguf"


def is_complete(path: Path) -> bool:
    """The merged file is there, as long as when it was written, and its GGUF header is a model's."""
    from tinyagent.nodes.model.gguf_check import GGUFError, check_model

    try:
        info = json.loads(path.with_suffix(".json").read_text())
        if path.stat().st_size != info["bytes"]:
            return False
        check_model(path)
    except (OSError, ValueError, KeyError, TypeError, GGUFError):
        return False
    return True


def invalidate(path: Path) -> None:
    """Mark a merged file as damaged (llama.cpp refused it): the next merged_model() rebuilds it."""
    path.with_suffix(".json").unlink(missing_ok=True)


def merged_model(settings) -> Path:
    """The GGUF of ``settings.lora_path`` merged into ``settings.model_path`` in
    ``settings.merge_quant``, from ``settings.models_dir``; built there first if it is missing or
    damaged, with one line on stderr. Concurrent first runs build it once: a file
    lock, a temporary file and an atomic rename."""
    base, adapter = Path(settings.model_path), Path(settings.lora_path)
    quant, cache_dir = settings.merge_quant.upper(), Path(settings.models_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    out = merged_path(base, adapter, quant, cache_dir)
    if is_complete(out):
        return out
    with FileLock(str(out.with_suffix(".lock"))):
        if is_complete(out):
            return out  # another process built it meanwhile
        print(f"tinyagent: merging the LoRA adapter {adapter.name} into {base.name} ({quant}), "
              f"once, into {out} ...", end="", file=sys.stderr, flush=True)
        t = time.perf_counter()
        from tinyagent.nodes.model.gguf_merge import merge_lora

        out.with_suffix(".json").unlink(missing_ok=True)
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            merge_lora(base, adapter, tmp, quant, threads=max(1, min(4, settings.n_threads)))
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        seconds = time.perf_counter() - t
        _write_json(out.with_suffix(".json"), {
            "bytes": out.stat().st_size, "base": str(base), "adapter": str(adapter), "quant": quant,
            "seconds": round(seconds, 2), "version": MERGE_VERSION})
        print(f" done in {seconds:.1f} s", file=sys.stderr, flush=True)
        _drop_older(out, base, adapter, quant)
    return out


def _drop_older(out: Path, base: Path, adapter: Path, quant: str) -> None:
    """Remove merges of earlier versions of the same base and adapter files (a retrained adapter)."""
    for old in out.parent.glob(f"{adapter.stem}-merged-{quant}-*.gguf"):
        if old == out:
            continue
        try:
            info = json.loads(old.with_suffix(".json").read_text())
            if info.get("base") == str(base) and info.get("adapter") == str(adapter):
                old.unlink()
                old.with_suffix(".json").unlink(missing_ok=True)
                old.with_suffix(".lock").unlink(missing_ok=True)
        except (OSError, ValueError):
            continue
