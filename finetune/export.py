"""Export a trained adapter for llama.cpp: ``python -m tinyagent.finetune export --run finetune/runs/NAME``.

Default: a GGUF LoRA adapter (load it with ``lora_path`` next to the base GGUF).
``--merge --quant Q4_1|Q8_0|F16``: one standalone model GGUF, the adapter merged into the base.
(The agent merges the shipped GGUF LoRA itself, without the training run: nodes/model/merged_model.py.)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

from tinyagent.finetune import gguf_io
from tinyagent.finetune.config import ROOT, TrainConfig
from tinyagent.nodes.model import gguf_merge

DEFAULT_OUT = ROOT / "finetune" / "adapter" / "tinyagent-planner-lora.gguf"


def load_lora(adapter_dir: str | Path) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], float, int]:
    """A peft adapter as {HF module: (A [r, n_in], B [n_out, r])}, alpha, r."""
    from safetensors.numpy import load_file

    adapter_dir = Path(adapter_dir)
    cfg = json.loads((adapter_dir / "adapter_config.json").read_text())
    if cfg.get("use_rslora") or cfg.get("use_dora"):
        raise ValueError("only plain LoRA adapters can be exported")
    tensors = load_file(str(adapter_dir / "adapter_model.safetensors"))
    lora: dict[str, list] = {}
    for key, value in tensors.items():
        # base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight
        module, which = key.removeprefix("base_model.model.").rsplit(".lora_", 1)
        lora.setdefault(module, [None, None])["AB".index(which[0])] = value.astype(np.float32)
    return {m: (a, b) for m, (a, b) in lora.items()}, float(cfg["lora_alpha"]), int(cfg["r"])


def run_base(run: Path) -> Path:
    """The base GGUF a run was trained on (from its train_config.json), else the default base."""
    cfg_path = run / "train_config.json"
    cfg = json.loads(cfg_path.read_text()) if cfg_path.exists() else {}
    if cfg.get("base_model_dir"):
        raise ValueError(f"{run} was trained on an HF model dir: pass --base BASE.gguf")
    default = TrainConfig()
    return Path(cfg.get("base_dir", default.base_dir)) / cfg.get("base_file", default.base_file)


def export_lora(adapter_dir: str | Path, base_gguf: str | Path, out: str | Path,
                f16: bool = True) -> Path:
    """Write the adapter as a llama.cpp GGUF LoRA for ``base_gguf``."""
    lora, alpha, _ = load_lora(adapter_dir)
    n_head, n_kv = gguf_io.llama_heads(base_gguf)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return gguf_io.write_lora_gguf(out, lora, alpha, n_head, n_kv, f16=f16)


def merge_deltas(base_gguf: str | Path, adapter_dir: str | Path) -> dict:
    """What a peft adapter adds to each base GGUF tensor (alpha / r * B @ A), made when written."""
    lora, alpha, _ = load_lora(adapter_dir)
    n_head, n_kv = gguf_io.llama_heads(base_gguf)
    deltas = {}
    for module, (a, b) in lora.items():
        name = gguf_io.gguf_name(module)
        heads = gguf_io.heads_for(name, n_head, n_kv)
        b = gguf_io.permute_qk(b, heads) if heads else b  # llama.cpp's row order, as the GGUF LoRA has it
        deltas[name + ".weight"] = lambda a=a, b=b: gguf_merge.lora_delta(a, b, alpha)
    return deltas


def export_merged(base_gguf: str | Path, adapter_dir: str | Path, out: str | Path,
                  quant: str = "Q4_1") -> Path:
    """One model GGUF: the adapter merged into the base, quantized to ``quant``."""
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return gguf_merge.write_merged(base_gguf, merge_deltas(base_gguf, adapter_dir), out, quant)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tinyagent.finetune export", description=__doc__.split("\n")[0])
    p.add_argument("--run", default=str(ROOT / "finetune" / "runs" / "main"), help="training run dir")
    p.add_argument("--adapter", help="peft adapter dir (default: RUN/adapter)")
    p.add_argument("--base", help="base GGUF (default: the one the run trained on)")
    p.add_argument("--out", help=f"output GGUF (default: {DEFAULT_OUT.relative_to(ROOT)}; "
                                 "with --merge: RUN/merged-QUANT.gguf)")
    p.add_argument("--merge", action="store_true", help="write one merged, quantized model")
    p.add_argument("--quant", default="Q4_1", help="with --merge: Q4_1 | Q8_0 | F16 | ...")
    p.add_argument("--f32", action="store_true", help="store the LoRA in F32 (default F16)")
    args = p.parse_args(argv)

    run = Path(args.run)
    adapter = Path(args.adapter) if args.adapter else run / "adapter"
    base = Path(args.base) if args.base else run_base(run)
    if args.merge:
        out = Path(args.out) if args.out else run / f"merged-{args.quant.upper()}.gguf"
        export_merged(base, adapter, out, args.quant)
    else:
        out = export_lora(adapter, base, Path(args.out) if args.out else DEFAULT_OUT, f16=not args.f32)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
