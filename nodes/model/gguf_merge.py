"""Merge a llama.cpp GGUF LoRA adapter into its base model GGUF and quantize the result (numpy, gguf, llama.cpp; no torch)."""

from __future__ import annotations

import ctypes
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping

import numpy as np

if TYPE_CHECKING:  # gguf is imported when a merge runs, not when settings are read
    from gguf import GGUFReader, GGUFWriter

#: Quant types a merged model may be written in (llama.cpp's LLAMA_FTYPE_MOSTLY_<NAME>).
QUANTS = ("Q8_0", "Q6_K", "Q5_K_M", "Q5_1", "Q5_0", "Q4_1", "Q4_0", "F16")


def copy_metadata(reader: GGUFReader, writer: GGUFWriter, prefix: str = "",
                  skip: tuple[str, ...] = ()) -> None:
    """Copy every key/value (whose key starts with ``prefix``) from a GGUF into a writer."""
    from gguf import GGUFValueType

    for key, field in reader.fields.items():
        if key.startswith("GGUF.") or key == "general.architecture" or key in skip \
                or not key.startswith(prefix):
            continue
        vtype = field.types[0]
        sub = field.types[-1] if vtype == GGUFValueType.ARRAY else None
        writer.add_key_value(key, field.contents(), vtype, sub)


def write_file(writer: GGUFWriter) -> None:
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def read_lora(adapter_gguf: str | Path) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], float]:
    """A GGUF LoRA as ``{base tensor name: (A [r, n_in], B [n_out, r])}`` in llama.cpp's own row
    order (q/k rows already permuted like the base), and its alpha."""
    from gguf import GGUFReader

    reader = GGUFReader(str(adapter_gguf))
    field = reader.fields.get("adapter.lora.alpha")
    alpha = float(field.contents()) if field is not None else 0.0
    pairs: dict[str, dict[str, np.ndarray]] = {}
    for t in reader.tensors:
        m = re.fullmatch(r"(.+)\.lora_([ab])", t.name)
        if m:
            shape = tuple(int(n) for n in reversed(t.shape.tolist()))
            pairs.setdefault(m.group(1), {})[m.group(2)] = np.asarray(t.data, dtype=np.float32).reshape(shape)
    broken = sorted(name for name, ab in pairs.items() if len(ab) != 2)
    if broken:
        raise ValueError(f"{adapter_gguf}: lora_a or lora_b missing for {broken[:3]}")
    return {name: (ab["a"], ab["b"]) for name, ab in pairs.items()}, alpha


def lora_delta(a: np.ndarray, b: np.ndarray, alpha: float) -> np.ndarray:
    """What llama.cpp adds to W x at run time, as a weight: scale * B @ A, scale = alpha / r
    (1 when the adapter has no alpha), r = the rank (B's columns)."""
    r = b.shape[1]
    return ((alpha / r if alpha else 1.0) * (b @ a)).astype(np.float32)


def write_merged_float(base_gguf: str | Path, deltas: Mapping[str, Callable[[], np.ndarray]],
                       out: str | Path) -> Path:
    """The base GGUF with ``deltas[name]()`` added to each named tensor, every tensor dequantized
    and written as F32, one tensor at a time (memory: the largest tensor, not the model)."""
    from gguf import GGMLQuantizationType, GGUFReader, GGUFWriter, LlamaFileType
    from gguf.quants import dequantize

    reader = GGUFReader(str(base_gguf))
    arch = reader.fields["general.architecture"].contents()
    missing = sorted(set(deltas) - {t.name for t in reader.tensors})
    if missing:
        raise ValueError(f"adapter tensors with no base tensor in {base_gguf}: {missing[:3]}")
    w = GGUFWriter(str(out), arch)
    copy_metadata(reader, w, skip=("general.file_type",))
    w.add_file_type(LlamaFileType.ALL_F32)
    for t in reader.tensors:
        n = int(np.prod(t.shape))
        w.add_tensor_info(t.name, tuple(int(x) for x in reversed(t.shape.tolist())), np.dtype(np.float32), 4 * n)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_ti_data_to_file()
    for t in reader.tensors:
        shape = tuple(int(x) for x in reversed(t.shape.tolist()))  # numpy order: [n_out, n_in]
        if t.tensor_type in (GGMLQuantizationType.F32, GGMLQuantizationType.F16):
            array = np.asarray(t.data, dtype=np.float32).reshape(shape)
        else:
            array = dequantize(t.data, t.tensor_type).reshape(shape)
        if t.name in deltas:
            array = array + deltas[t.name]()
        w.write_tensor_data(np.ascontiguousarray(array, dtype=np.float32))
    w.close()
    return Path(out)


def quantize(src: str | Path, out: str | Path, quant: str, threads: int = 2) -> Path:
    """Quantize a GGUF with llama.cpp (``Q4_1``, ``Q8_0``, ``Q6_K``, ``F16``, ...)."""
    import logging

    import llama_cpp

    log = logging.getLogger("llama-cpp-python")  # llama.cpp's log, as Llama(verbose=False) sets it:
    if log.level == logging.NOTSET:               # errors only, not a line per tensor
        log.setLevel(logging.ERROR)
    ftype = getattr(llama_cpp, f"LLAMA_FTYPE_MOSTLY_{quant.upper()}", None)
    if ftype is None:
        raise ValueError(f"unknown quant type {quant!r}; one of {', '.join(QUANTS)}")
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = ftype
    params.nthread = threads
    rc = llama_cpp.llama_model_quantize(str(src).encode(), str(out).encode(), ctypes.byref(params))
    if rc != 0:
        raise RuntimeError(f"llama_model_quantize failed ({rc})")
    return Path(out)


def write_merged(base_gguf: str | Path, deltas: Mapping[str, Callable[[], np.ndarray]], out: str | Path,
                 quant: str, threads: int = 2) -> Path:
    """The base GGUF with ``deltas`` added (``write_merged_float``), quantized to ``quant``
    (``F32``: not quantized). The F32 intermediate goes to a temporary folder beside ``out``."""
    out = Path(out)
    if quant.upper() == "F32":
        return write_merged_float(base_gguf, deltas, out)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".merge-") as tmp:
        merged = write_merged_float(base_gguf, deltas, Path(tmp) / "merged-f32.gguf")
        return quantize(merged, out, quant, threads)


def merge_lora(base_gguf: str | Path, adapter_gguf: str | Path, out: str | Path, quant: str = "Q8_0",
               threads: int = 2) -> Path:
    """One model GGUF: the GGUF LoRA adapter merged into the base GGUF, quantized to ``quant``."""
    lora, alpha = read_lora(adapter_gguf)
    deltas = {name: (lambda a=a, b=b: lora_delta(a, b, alpha)) for name, (a, b) in lora.items()}
    return write_merged(base_gguf, deltas, out, quant, threads)
