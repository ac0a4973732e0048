"""GGUF files for llama.cpp: HF<->GGUF tensor names, the q/k row permutation, and writers for a
llama model and for a LoRA adapter (with the ``gguf`` package)."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Mapping

import numpy as np
from gguf import GGUFReader, GGUFWriter, LlamaFileType

from tinyagent.nodes.model.gguf_merge import copy_metadata, read_lora, write_file  # shared with the run-time merge

ARCH = "llama"

#: HF module (inside ``model.layers.{i}``) -> GGUF tensor (inside ``blk.{i}``).
LAYER_NAMES = {
    "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
    "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
    "mlp.down_proj": "ffn_down", "input_layernorm": "attn_norm",
    "post_attention_layernorm": "ffn_norm",
}
TOP_NAMES = {"model.embed_tokens": "token_embd", "model.norm": "output_norm", "lm_head": "output"}


def gguf_name(hf_module: str) -> str:
    """``model.layers.3.self_attn.q_proj`` -> ``blk.3.attn_q`` (no ``.weight`` suffix)."""
    if hf_module in TOP_NAMES:
        return TOP_NAMES[hf_module]
    m = re.fullmatch(r"model\.layers\.(\d+)\.(.+)", hf_module)
    if not m or m.group(2) not in LAYER_NAMES:
        raise KeyError(f"no GGUF name for {hf_module}")
    return f"blk.{m.group(1)}.{LAYER_NAMES[m.group(2)]}"


def permute_qk(w: np.ndarray, n_head: int) -> np.ndarray:
    """Reorder the output rows of a q/k projection the way llama.cpp's converter does.

    HF keeps rotary pairs as (first half, second half) of each head; GGUF llama interleaves
    them. ``transformers`` undoes this when it loads a GGUF, so anything written back (weights,
    or a LoRA B matrix, whose rows are the outputs) must be permuted again. Use n_head_kv for k.
    """
    rows = w.shape[0]
    return (w.reshape(n_head, 2, rows // n_head // 2, *w.shape[1:])
            .swapaxes(1, 2).reshape(w.shape))


def heads_for(gguf_tensor: str, n_head: int, n_head_kv: int) -> int | None:
    """Heads to permute by for this tensor (``blk.N.attn_q``/``attn_k``), else None."""
    if gguf_tensor.endswith(".attn_q"):
        return n_head
    if gguf_tensor.endswith(".attn_k"):
        return n_head_kv
    return None


# -- reading -------------------------------------------------------------------------------------
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9


def read_metadata(path: str | Path, prefix: str = "") -> dict:
    """Scalar and string key/values of a GGUF header (arrays are skipped).

    Much faster than ``GGUFReader``, which also parses every tensor and the 49k-entry vocabulary.
    """
    def unpack(fmt: str):
        return struct.unpack("<" + fmt, f.read(struct.calcsize(fmt)))[0]

    def string() -> str:
        return f.read(unpack("Q")).decode("utf-8", "replace")

    def value(vtype: int):
        if vtype == _STRING:
            return string()
        if vtype == _ARRAY:
            item, count = unpack("I"), unpack("Q")
            if item in (_STRING, _ARRAY):
                for _ in range(count):
                    value(item)
            else:
                f.seek(count * struct.calcsize(_SCALARS[item]), 1)
            return None
        return unpack(_SCALARS[vtype])

    out = {}
    with open(path, "rb") as f:
        if f.read(4) != b"GGUF":
            raise ValueError(f"{path} is not a GGUF file")
        unpack("I"), unpack("Q")                    # version, tensor count
        for _ in range(unpack("Q")):
            key, vtype = string(), unpack("I")
            v = value(vtype)
            if v is not None and key.startswith(prefix):
                out[key] = v
    return out


def llama_heads(path: str | Path) -> tuple[int, int]:
    """(n_head, n_head_kv) of a llama GGUF."""
    meta = read_metadata(path, f"{ARCH}.attention.")
    n_head = meta[f"{ARCH}.attention.head_count"]
    return n_head, meta.get(f"{ARCH}.attention.head_count_kv", n_head)


def to_float(array: np.ndarray, f16: bool) -> np.ndarray:
    """F16 for matrices when asked; norms and vectors stay F32 (as llama.cpp's converter does)."""
    return array.astype(np.float16 if f16 and array.ndim == 2 else np.float32)


# -- writing -------------------------------------------------------------------------------------
def write_llama_gguf(path: str | Path, state_dict: Mapping[str, "np.ndarray"], config,
                     tokenizer_gguf: str | Path, f16: bool = False, name: str = "llama") -> Path:
    """A llama model GGUF from an HF state dict (numpy or torch) and ``LlamaConfig``.

    Tokenizer metadata (vocab, merges, special ids, chat template) is copied from another GGUF.
    """
    n_head, n_kv = config.num_attention_heads, config.num_key_value_heads
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // n_head
    w = GGUFWriter(str(path), ARCH)
    rope = getattr(config, "rope_parameters", None) or {"rope_theta": config.rope_theta}
    w.add_name(name)
    w.add_block_count(config.num_hidden_layers)
    w.add_context_length(config.max_position_embeddings)
    w.add_embedding_length(config.hidden_size)
    w.add_feed_forward_length(config.intermediate_size)
    w.add_head_count(n_head)
    w.add_head_count_kv(n_kv)
    w.add_rope_freq_base(float(rope["rope_theta"]))
    w.add_layer_norm_rms_eps(config.rms_norm_eps)
    w.add_rope_dimension_count(head_dim)
    w.add_vocab_size(config.vocab_size)
    w.add_file_type(LlamaFileType.MOSTLY_F16 if f16 else LlamaFileType.ALL_F32)
    copy_metadata(GGUFReader(str(tokenizer_gguf)), w, prefix="tokenizer.")

    for key, tensor in state_dict.items():
        if key.endswith("rotary_emb.inv_freq") or (key == "lm_head.weight" and config.tie_word_embeddings):
            continue
        array = tensor.detach().float().cpu().numpy() if hasattr(tensor, "detach") else np.asarray(tensor)
        target = gguf_name(key.removesuffix(".weight"))
        heads = heads_for(target, n_head, n_kv)
        if heads:
            array = permute_qk(array, heads)
        w.add_tensor(target + ".weight", to_float(array, f16))
    write_file(w)
    return Path(path)


def write_lora_gguf(path: str | Path, lora: Mapping[str, tuple[np.ndarray, np.ndarray]], alpha: float,
                    n_head: int, n_head_kv: int, f16: bool = True) -> Path:
    """A llama.cpp LoRA adapter GGUF.

    ``lora`` maps an HF module name (``model.layers.0.self_attn.q_proj``) to its (A, B) in torch
    layout: A is [r, n_in], B is [n_out, r]. They are written as ``blk.0.attn_q.weight.lora_a``
    / ``.lora_b`` in the same layout (llama.cpp computes W x + scale * B (A x), scale = alpha / r),
    with B's rows permuted for attn_q / attn_k like the base weights.
    """
    w = GGUFWriter(str(path), ARCH)
    w.add_string("general.type", "adapter")
    w.add_string("adapter.type", "lora")
    w.add_float32("adapter.lora.alpha", float(alpha))
    for module, (a, b) in sorted(lora.items()):
        target = gguf_name(module)
        heads = heads_for(target, n_head, n_head_kv)
        if heads:
            b = permute_qk(b, heads)
        dtype = np.float16 if f16 else np.float32
        w.add_tensor(f"{target}.weight.lora_a", np.ascontiguousarray(a, dtype=dtype))
        w.add_tensor(f"{target}.weight.lora_b", np.ascontiguousarray(b, dtype=dtype))
    write_file(w)
    return Path(path)


def unpermute_qk(w: np.ndarray, n_head: int) -> np.ndarray:
    """The inverse of :func:`permute_qk`: GGUF row order back to Hugging Face's."""
    rows = w.shape[0]
    return (w.reshape(n_head, rows // n_head // 2, 2, *w.shape[1:])
            .swapaxes(1, 2).reshape(w.shape))


def read_lora_gguf(path: str | Path, n_head: int, n_head_kv: int) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], float]:
    """A llama.cpp LoRA adapter GGUF back as ``{hf_module: (A, B)}`` in torch layout, and its alpha
    (the inverse of :func:`write_lora_gguf`), so training can start from a shipped adapter."""
    lora, alpha = read_lora(path)  # {blk.N.attn_q.weight: (A, B)} in llama.cpp's row order
    if not alpha:
        raise KeyError(f"{path} has no adapter.lora.alpha")
    back = {v: k for k, v in LAYER_NAMES.items()}
    out = {}
    for name, (a, b) in lora.items():
        m = re.fullmatch(r"(blk\.(\d+)\.(\w+))\.weight", name)
        if not m:
            continue
        heads = heads_for(m.group(1), n_head, n_head_kv)
        out[f"model.layers.{m.group(2)}.{back[m.group(3)]}"] = (a, unpermute_qk(b, heads) if heads else b)
    return out, alpha
