"""Train a LoRA adapter for the planner/joiner: ``python -m tinyagent.finetune train [--max-minutes 85 ...]``.

Read top to bottom: settings (finetune/config.py, overridden by flags) -> base model (the GGUF,
dequantized, so the adapter is trained on the weights it will run on) -> LoRA -> data (ChatML text
exactly as run time renders it, loss on the assistant reply only) -> loop (length-bucketed batches,
warmup + cosine, val loss, checkpoints, a wall-clock budget) -> ``<out>/adapter`` + train_log.jsonl.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import torch
import torch.nn.functional as F

from tinyagent.finetune.config import TrainConfig
from tinyagent.nodes.plans.prompts import chatml

IGNORE = -100      # label of positions without loss
PAD = 0            # any id: padding sits after the text, is masked, and carries no loss
Tokenize = Callable[[str], list[int]]   # text (with <|im_start|>-style specials) -> ids


# -- model ---------------------------------------------------------------------------------------
def load_base(cfg: TrainConfig) -> tuple[Any, Tokenize]:
    """(model, tokenize): an HF model dir if given, else the GGUF dequantized to fp32."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if cfg.base_model_dir:
        tok = AutoTokenizer.from_pretrained(cfg.base_model_dir)
        model = AutoModelForCausalLM.from_pretrained(cfg.base_model_dir, dtype=torch.float32)
    else:
        if not cfg.base_path.is_file():
            raise SystemExit(f"base model {cfg.base_path} not found: pass --base-dir DIR --base-file FILE "
                             "(a GGUF) or --base-model-dir (a Hugging Face model dir).")
        tok = AutoTokenizer.from_pretrained(cfg.base_dir, gguf_file=cfg.base_file)
        model = AutoModelForCausalLM.from_pretrained(cfg.base_dir, gguf_file=cfg.base_file,
                                                     dtype=torch.float32)
    return model, lambda text: tok(text, add_special_tokens=False)["input_ids"]


def add_lora(model, cfg: TrainConfig):
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(r=cfg.r, lora_alpha=cfg.alpha, lora_dropout=cfg.dropout,
                      target_modules=list(cfg.target_modules), bias="none", task_type="CAUSAL_LM")
    return get_peft_model(model, lora)


# -- data ----------------------------------------------------------------------------------------
def init_from_gguf(model, cfg: TrainConfig) -> None:
    """Start from a llama.cpp LoRA GGUF (e.g. the shipped adapter) instead of a zero B matrix."""
    from tinyagent.finetune.gguf_io import llama_heads, read_lora_gguf

    lora, alpha = read_lora_gguf(cfg.init_adapter, *llama_heads(cfg.base_path))
    if alpha != cfg.alpha:
        raise SystemExit(f"{cfg.init_adapter} has alpha {alpha}; train with --alpha {alpha:g}.")
    loaded = 0
    for name, module in model.named_modules():
        key = name.removeprefix("base_model.model.")
        if key in lora and hasattr(module, "lora_A"):
            a, b = lora[key]
            module.lora_A["default"].weight.data.copy_(torch.from_numpy(a))
            module.lora_B["default"].weight.data.copy_(torch.from_numpy(b))
            loaded += 1
    if loaded != len(lora):
        raise SystemExit(f"{cfg.init_adapter}: loaded {loaded} of {len(lora)} LoRA pairs; "
                         "its rank or target modules differ from --r / --target-modules.")
    print(f"started from {cfg.init_adapter} ({loaded} LoRA pairs)")


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def encode(messages: Sequence[dict[str, str]], tokenize: Tokenize) -> dict[str, list[int]]:
    """Token ids and labels of one chat; the last message is the target.

    The prompt is rendered by the run-time ``chatml`` and tokenized on its own, as llama.cpp
    tokenizes it; the reply (+ ``<|im_end|>``, which stops generation) follows. Loss only there.
    """
    prompt = tokenize(chatml(messages[:-1]))
    reply = tokenize(messages[-1]["content"] + "<|im_end|>")
    return {"input_ids": prompt + reply, "labels": [IGNORE] * len(prompt) + reply}


def encode_all(rows: list[dict], tokenize: Tokenize, max_len: int) -> list[dict]:
    encoded = [encode(r["messages"], tokenize) for r in rows]
    kept = [e for e in encoded if len(e["input_ids"]) <= max_len]
    if len(kept) < len(encoded):
        print(f"dropped {len(encoded) - len(kept)} examples longer than {max_len} tokens")
    return kept


def make_batches(examples: list[dict], batch_size: int, rng: random.Random) -> list[list[dict]]:
    """Length-bucketed batches (little padding) in random order."""
    order = sorted(examples, key=lambda e: (len(e["input_ids"]), rng.random()))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(batch: list[dict], device) -> dict[str, torch.Tensor]:
    """Right-pad to the longest sequence of the batch."""
    n = max(len(e["input_ids"]) for e in batch)
    ids = torch.full((len(batch), n), PAD, dtype=torch.long)
    labels = torch.full((len(batch), n), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(batch), n), dtype=torch.long)
    for i, e in enumerate(batch):
        k = len(e["input_ids"])
        ids[i, :k] = torch.tensor(e["input_ids"])
        labels[i, :k] = torch.tensor(e["labels"])
        mask[i, :k] = 1
    return {"input_ids": ids.to(device), "labels": labels.to(device), "attention_mask": mask.to(device)}


def epoch_batches(examples: list[dict], cfg: TrainConfig, epoch: int) -> list[list[dict]]:
    """The micro-batches of one epoch; a pure function of (seed, epoch), so a resume replays it."""
    return make_batches(examples, cfg.batch_size, random.Random(cfg.seed * 1000 + epoch))


# -- loss ----------------------------------------------------------------------------------------
def loss_sum(model, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, int]:
    """Summed next-token loss over target tokens, and their count.

    The vocabulary projection (49k wide) runs only on target positions, not on the whole prompt.
    """
    lm = model.get_base_model() if hasattr(model, "get_base_model") else model
    hidden = lm.get_decoder()(input_ids=batch["input_ids"],
                              attention_mask=batch["attention_mask"]).last_hidden_state
    targets = batch["labels"][:, 1:]
    keep = targets != IGNORE
    logits = lm.get_output_embeddings()(hidden[:, :-1][keep])
    return F.cross_entropy(logits.float(), targets[keep], reduction="sum"), int(keep.sum())


def autocast(device: torch.device, precision: str):
    """bf16 autocast for the forward pass (LoRA weights and optimizer stay fp32), or nothing."""
    if precision not in ("auto", "bf16", "fp32"):
        raise SystemExit(f"--precision {precision!r}: use auto, bf16 or fp32")
    bf16 = precision == "bf16" or (precision == "auto" and device.type == "cuda")
    return torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16)


@torch.no_grad()
def evaluate(model, batches: list[list[dict]], device, precision: str = "fp32") -> float:
    model.eval()
    total, count = 0.0, 0
    for b in batches:
        with autocast(device, precision):
            loss, n = loss_sum(model, collate(b, device))
        total, count = total + float(loss), count + n
    model.train()
    return total / max(count, 1)


def lr_at(cfg: TrainConfig, step: int, progress: float) -> float:
    """Linear warmup over ``warmup_steps``, then cosine to ``lr * min_lr_ratio`` as progress -> 1."""
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    cos = 0.5 * (1 + math.cos(math.pi * min(progress, 1.0)))
    return cfg.lr * (cfg.min_lr_ratio + (1 - cfg.min_lr_ratio) * cos)


# -- checkpoints ---------------------------------------------------------------------------------
def save_checkpoint(model, optimizer, state: dict, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    model.save_pretrained(tmp)
    torch.save({"optimizer": optimizer.state_dict(), **state}, tmp / "trainer_state.pt")
    if path.exists():
        for f in path.iterdir():
            f.unlink()
        path.rmdir()
    tmp.rename(path)


def load_checkpoint(model, optimizer, path: Path) -> dict:
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    set_peft_model_state_dict(model, load_file(str(path / "adapter_model.safetensors")))
    state = torch.load(path / "trainer_state.pt", weights_only=False)
    optimizer.load_state_dict(state.pop("optimizer"))
    return state


# -- the loop ------------------------------------------------------------------------------------
def pick_device(name: str) -> torch.device:
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(name)


def train(cfg: TrainConfig, model=None, tokenize: Tokenize | None = None,
          train_rows: list[dict] | None = None,
          val_rows: list[dict] | None = None) -> Path:
    """Train and save ``<out>/adapter``; returns the out dir.

    ``model`` + ``tokenize`` (an HF causal LM and its tokenizer as a function) and the rows may be
    given, instead of loading the configured base and data files (tests train a tiny model so).
    """
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(cfg.threads)
    device = pick_device(cfg.device)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True   # what fp32 math remains (the loss) may use TF32
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "train_config.json").write_text(json.dumps(dataclasses.asdict(cfg), indent=2))

    t0 = time.time()
    if model is None:
        model, tokenize = load_base(cfg)
    model = add_lora(model, cfg).to(device)
    if cfg.init_adapter:
        init_from_gguf(model, cfg)
    model.train()
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"base loaded in {time.time() - t0:.0f}s; LoRA r={cfg.r}: {n_train / 1e6:.2f}M trainable "
          f"params; device {device}, {cfg.threads} threads, precision {cfg.precision}")

    data = Path(cfg.data_dir)
    if train_rows is None:
        train_rows = read_jsonl(data / "train.jsonl", cfg.limit)
    if val_rows is None:
        val_path = data / "val.jsonl"
        val_rows = read_jsonl(val_path) if val_path.exists() else []
    train_ex = encode_all(train_rows, tokenize, cfg.max_seq_len)
    val_ex = encode_all(val_rows[:cfg.eval_examples], tokenize, cfg.max_seq_len)
    val_batches = make_batches(val_ex, cfg.batch_size, random.Random(0))
    lengths = sorted(len(e["input_ids"]) for e in train_ex)
    print(f"{len(train_ex)} train examples (tokens: median {lengths[len(lengths) // 2]}, "
          f"max {lengths[-1]}), {len(val_ex)} val examples")

    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    state = {"step": 0, "micro": 0, "spent_s": 0.0}   # micro: micro-batches consumed in all
    ckpt = out / "checkpoint-last"
    if cfg.resume and ckpt.exists():
        state = load_checkpoint(model, optimizer, ckpt)
        print(f"resumed from {ckpt} at step {state['step']}")

    per_epoch = math.ceil(len(train_ex) / cfg.batch_size)
    budget_s = cfg.max_minutes * 60 if cfg.max_minutes else None
    log = (out / "train_log.jsonl").open("a")
    bar = None
    if sys.stderr.isatty():
        try:
            from tqdm import tqdm
            bar = tqdm(total=cfg.max_steps, initial=state["step"], unit="step")
        except ImportError:
            pass

    epoch, batches = -1, []
    start, spent0 = time.time(), state["spent_s"]
    while state["step"] < cfg.max_steps:
        step_t = time.time()
        spent = spent0 + (step_t - start)
        if budget_s and spent >= budget_s:
            print(f"time budget of {cfg.max_minutes} min spent")
            break
        progress = max(state["step"] / cfg.max_steps, spent / budget_s if budget_s else 0.0)
        lr = lr_at(cfg, state["step"], progress)
        for g in optimizer.param_groups:
            g["lr"] = lr

        # one optimizer step = grad_accum micro-batches; the loss is the mean over their targets
        micro = []
        for _ in range(cfg.grad_accum):
            e, i = divmod(state["micro"], per_epoch)
            if e != epoch:
                epoch, batches = e, epoch_batches(train_ex, cfg, e)
            micro.append(batches[i])
            state["micro"] += 1
        collated = [collate(b, device) for b in micro]
        n_targets = sum(int((c["labels"][:, 1:] != IGNORE).sum()) for c in collated)
        total = 0.0
        for c in collated:
            with autocast(device, cfg.precision):
                loss, _ = loss_sum(model, c)
            (loss / n_targets).backward()
            total += loss.detach().item()
        torch.nn.utils.clip_grad_norm_(params, cfg.grad_clip)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        state["step"] += 1
        state["spent_s"] = spent0 + (time.time() - start)

        dt = time.time() - step_t
        row = {"step": state["step"], "epoch": round(state["micro"] / per_epoch, 3),
               "loss": round(total / n_targets, 4), "lr": lr, "step_s": round(dt, 2),
               "tokens": sum(int(c["attention_mask"].sum()) for c in collated),
               "minutes": round(state["spent_s"] / 60, 2)}
        if cfg.eval_every and val_batches and state["step"] % cfg.eval_every == 0:
            row["val_loss"] = round(evaluate(model, val_batches, device, cfg.precision), 4)
        log.write(json.dumps(row) + "\n")
        log.flush()

        left = cfg.max_steps - state["step"]
        eta = left * dt if not budget_s else min(left * dt, budget_s - state["spent_s"])
        text = (f"step {state['step']}/{cfg.max_steps} loss {row['loss']:.4f} lr {lr:.2e} "
                f"{dt:.1f}s/step ETA {max(eta, 0) / 60:.1f}min"
                + (f" val {row['val_loss']:.4f}" if "val_loss" in row else ""))
        if bar:
            bar.update(1)
            bar.set_postfix_str(text.split(" ", 2)[2])
        elif state["step"] % cfg.log_every == 0 or "val_loss" in row:
            print(text, flush=True)
        if cfg.save_every and state["step"] % cfg.save_every == 0:
            save_checkpoint(model, optimizer, state, ckpt)

    if bar:
        bar.close()
    save_checkpoint(model, optimizer, state, ckpt)
    if val_batches:
        final = evaluate(model, val_batches, device, cfg.precision)
        log.write(json.dumps({"step": state["step"], "final_val_loss": round(final, 4)}) + "\n")
        print(f"final val loss {final:.4f}")
    log.close()
    model.save_pretrained(out / "adapter")
    print(f"saved {out / 'adapter'} after {state['step']} steps, {state['spent_s'] / 60:.1f} min")
    return out


# -- command line --------------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None) -> TrainConfig:
    """Every TrainConfig field is a flag (``--max-minutes 85``); ``--out`` / ``--data`` are short."""
    cfg = TrainConfig()
    p = argparse.ArgumentParser(prog="python -m tinyagent.finetune train", description=__doc__.split("\n")[0])
    p.add_argument("--out", dest="out_dir", help="run dir (finetune/runs/NAME)")
    p.add_argument("--data", dest="data_dir", help="dir with train.jsonl / val.jsonl")
    types = {"int": int, "float": float, "str": str}
    for f in dataclasses.fields(cfg):
        kind = types.get(str(f.type).replace(" | None", ""))
        if kind and f.name not in ("out_dir", "data_dir"):
            p.add_argument("--" + f.name.replace("_", "-"), type=kind,
                           help=f"default: {getattr(cfg, f.name)}")
    p.add_argument("--resume", action="store_true", help="continue from <out>/checkpoint-last")
    for key, value in vars(p.parse_args(argv)).items():
        if value is not None:
            setattr(cfg, key, value)
    return cfg


def main(argv: Sequence[str] | None = None) -> int:
    cfg = parse_args(argv)
    train(cfg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
