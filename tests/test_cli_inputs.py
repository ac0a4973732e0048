"""Bad input to `tinyagent run` and `tinyagent chat`: one line on stderr and a non-zero exit, before any
model is loaded (fake GGUF headers only; no test here loads llama.cpp)."""

from __future__ import annotations

import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tinyagent.graph import cli
from tinyagent.graph.inputs import clean_request
from tinyagent.graph.settings import REPO_ROOT, Settings, SettingsError
from tinyagent.nodes.model.gguf_check import GGUFError, check_adapter, check_model, read_header


def gguf_bytes(meta: dict, tensors: int = 1, version: int = 3) -> bytes:
    """A GGUF header with string metadata ``meta`` (tensor infos and data left out: never loaded)."""
    def s(text: str) -> bytes:
        raw = text.encode()
        return struct.pack("<Q", len(raw)) + raw
    out = b"GGUF" + struct.pack("<IQQ", version, tensors, len(meta) + 1)
    out += s("tokenizer.ggml.scores") + struct.pack("<IIQ", 9, 6, 3) + struct.pack("<3f", 1, 2, 3)
    for key, value in meta.items():
        out += s(key) + struct.pack("<I", 8) + s(value)
    return out


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "model": gguf_bytes({"general.architecture": "llama", "general.type": "model"}),
        "gemma": gguf_bytes({"general.architecture": "gemma3", "general.type": "model"}),
        "lora": gguf_bytes({"general.architecture": "llama", "general.type": "adapter", "adapter.type": "lora"}),
        "cvec": gguf_bytes({"general.architecture": "llama", "general.type": "adapter",
                            "adapter.type": "control_vector"}),
        "text": b"this is a text file, not a model\n",
        "empty": b"",
        "v9": b"GGUF" + struct.pack("<I", 9) + b"\0" * 16,
    }
    made["truncated"] = made["model"][:30]
    out = {}
    for name, data in made.items():
        out[name] = tmp_path / f"{name}.gguf"
        out[name].write_bytes(data)
    return out


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """A data folder and workspace of the test's own (no real user data is touched)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for var in ("TINYAGENT_MODEL_PATH", "TINYAGENT_LORA_PATH", "TINYAGENT_WORKSPACE", "TINYAGENT_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def fails(capsys, argv: list[str], *expected: str) -> str:
    """Run ``tinyagent argv`` in-process: exit 2, exactly one line on stderr containing ``expected``."""
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tinyagent: "), err
    assert "Traceback" not in err
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


# --- GGUF headers -----------------------------------------------------------------------------

def test_real_headers_are_read_without_loading(files):
    assert check_model(files["model"])["general.architecture"] == "llama"
    assert check_adapter(files["lora"], "llama")["adapter.type"] == "lora"
    shipped = REPO_ROOT / "finetune" / "adapter" / "tinyagent-planner-lora.gguf"
    if shipped.exists():  # the project's own adapter passes the check
        assert read_header(shipped)["general.type"] == "adapter"


@pytest.mark.parametrize("name, check, message", [
    ("text", check_model, "is not a GGUF file: it starts with b'this'"),
    ("empty", check_model, "is not a GGUF file: it starts with nothing (the file is empty)"),
    ("truncated", check_model, "is truncated or damaged"),
    ("v9", check_model, "has GGUF version 9"),
    ("lora", check_model, "is a LoRA adapter, not a model. Pass it with --lora"),
    ("model", check_adapter, "is a model, not an adapter"),
    ("cvec", check_adapter, "is an adapter of type 'control_vector', not a LoRA"),
    ("text", check_adapter, "is not a GGUF file"),
])
def test_wrong_files_are_named_with_the_remedy(files, name, check, message):
    with pytest.raises(GGUFError) as err:
        check(files[name])
    assert message in str(err.value) and str(files[name]) in str(err.value)
    assert "\n" not in str(err.value)


def test_an_adapter_for_another_architecture_is_refused(files):
    with pytest.raises(SettingsError, match="made for a 'llama' model, but the model is 'gemma3'"):
        Settings(model_path=files["gemma"], lora_path=files["lora"]).check()
    Settings(model_path=files["model"], lora_path=files["lora"]).check()  # the right pair passes


@pytest.mark.parametrize("flags, message", [
    (["--lora", "{text}"], "LoRA adapter {text} is not a GGUF file"),      # segfaulted llama.cpp before
    (["--lora", "{model}"], "is a model, not an adapter"),
    (["--model", "{text}"], "Model file {text} is not a GGUF file"),       # was a 43-line traceback
    (["--model", "{lora}", "--no-lora"], "is a LoRA adapter, not a model"),
    (["--model", "{truncated}", "--no-lora"], "is truncated or damaged"),
])
@pytest.mark.parametrize("command", ["run", "chat"])
def test_bad_model_files_fail_in_one_line_before_llama_cpp(capsys, home, files, command, flags, message):
    argv = [f.format(**{k: str(v) for k, v in files.items()}) for f in flags]
    if command == "run":
        argv = ["run", "Email Sarah", *argv, "--dry-run"]
    else:
        argv = ["chat", *argv]
    fails(capsys, argv, message.format(**{k: str(v) for k, v in files.items()}))


def test_a_bad_adapter_fails_cleanly_in_a_real_process(home, files):
    """As a user runs it: exit 2 and one line, not a crash (exit 139 before)."""
    proc = subprocess.run([sys.executable, "-m", "tinyagent.graph.cli", "run", "Email Sarah", "--lora", str(files["text"])],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "is not a GGUF file" in proc.stderr


# --- the request --------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["", "   ", "\x1b[31m\x07\x00", "\n\t"])
def test_an_empty_request_is_one_line(capsys, home, files, query):
    fails(capsys, ["run", query, "--model", str(files["model"]), "--no-lora"], "The request is empty")


def test_control_characters_are_stripped():
    assert clean_request("Email\x1b[2J Sarah\x00 the\x07 slides\r\nnow") == "Email Sarah the slides now"
    assert clean_request("\x1b]0;pwned\x07Remind me\u202e at 6pm\x9b") == "Remind me at 6pm"
    assert clean_request("Café ☕ at 5, naïve résumé") == "Café ☕ at 5, naïve résumé"


def test_the_graph_gets_the_cleaned_request(capsys, home, files, monkeypatch, tmp_path):
    """`run` with a scripted fake model (patched in: the real one is never loaded)."""
    from langchain_core.language_models.fake import FakeListLLM

    import tinyagent.graph.graph as graph_module
    from tests.fakes import AllToolsIndex, get_email_address

    real = graph_module.build_graph
    seen = {}

    def fake_build(settings=None, **kw):
        seen["settings"] = settings
        return real(tools=[get_email_address], settings=settings, index=AllToolsIndex(),
                    llm=FakeListLLM(responses=['1. get_email_address(name="Sarah Lee")\n2. join()<END_OF_PLAN>']))
    monkeypatch.setattr(graph_module, "build_graph", fake_build)
    code = cli.main(["run", "Find\x1b[1m Sarah\x00 Lee's\x07 email", "--json", "--dry-run",
                     "--model", str(files["model"]), "--no-lora", "--data-dir", str(tmp_path / "data")])
    out = capsys.readouterr().out
    assert code == 0
    assert '"query": "Find Sarah Lee\'s email"' in out
    assert seen["settings"].prefix_cache == 0  # one request: no plan state is kept for a later one


# --- folders ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["run", "chat"])
def test_bad_workspaces_are_one_line(capsys, home, files, tmp_path, command):
    base = [command, "Email Sarah"] if command == "run" else [command]
    base += ["--model", str(files["model"]), "--no-lora"]
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    fails(capsys, [*base, "--workspace", str(a_file / "ws")],
          f"cannot be created: {a_file} is a file, not a folder", "Give --workspace")
    fails(capsys, [*base, "--workspace", str(a_file)], "is a file, not a folder")
    fails(capsys, [*base, "--workspace", "/proc/x"],
          "The workspace /proc/x cannot be created: /proc does not allow new folders")
    fails(capsys, [*base, "--data-dir", str(a_file / "data")], "The data folder", "is a file, not a folder")
    assert not (tmp_path / "xdg" / "tinyagent" / "workspace").exists()  # a check creates nothing


# --- chat threads -------------------------------------------------------------------------------

def saved_thread(data_dir: Path, thread: str) -> None:
    """A checkpoint of ``thread`` in data_dir/threads.sqlite, as the chat writes it."""
    from typing import TypedDict

    from langgraph.checkpoint.sqlite import SqliteSaver
    from langgraph.graph import END, START, StateGraph

    class S(TypedDict, total=False):
        query: str

    builder = StateGraph(S)
    builder.add_node("n", lambda state: {"query": state["query"]})
    builder.add_edge(START, "n")
    builder.add_edge("n", END)
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(data_dir / "threads.sqlite"), check_same_thread=False)
    try:
        builder.compile(checkpointer=SqliteSaver(conn)).invoke(
            {"query": "Email Sarah the slides"}, {"configurable": {"thread_id": thread}})
    finally:
        conn.close()


def test_an_unknown_thread_is_named_with_how_to_list_threads(capsys, home, files, tmp_path):
    data = tmp_path / "data"
    base = ["chat", "--model", str(files["model"]), "--no-lora", "--data-dir", str(data)]
    fails(capsys, [*base, "--thread", "nope"], "There is no chat thread 'nope'", "`tinyagent threads`")
    saved_thread(data, "abc123")
    fails(capsys, [*base, "--thread", "nope"], "There is no chat thread 'nope'")
    assert cli.main(["threads", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "abc123  Email Sarah the slides"


def test_a_damaged_thread_database_is_named_with_the_repair(capsys, home, files, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "threads.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)  # truncated
    base = ["--model", str(files["model"]), "--no-lora", "--data-dir", str(data)]
    fails(capsys, ["chat", *base], "threads.sqlite is damaged", "mv ")
    fails(capsys, ["chat", *base, "--thread", "abc"], "is damaged")
    fails(capsys, ["threads", "--data-dir", str(data)], "is damaged")


# --- anything else ------------------------------------------------------------------------------

def test_bad_setting_values_are_one_line(capsys, home, files, monkeypatch):
    fails(capsys, ["run", "hi", "--n-ctx", "10"], "--n-ctx 10: Input should be greater than or equal to 256")
    monkeypatch.setenv("TINYAGENT_TEMPERATURE", "hot")
    fails(capsys, ["run", "hi"], "TINYAGENT_TEMPERATURE")


def test_an_unexpected_error_is_one_line_not_a_traceback(capsys, home, files, monkeypatch):
    import tinyagent.graph.graph as graph_module

    def boom(**kw):
        raise RuntimeError("something broke\nover two lines")
    monkeypatch.setattr(graph_module, "build_graph", boom)
    code = cli.main(["run", "hi", "--model", str(files["model"]), "--no-lora"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "unexpected error: RuntimeError: something broke over two lines" in err
    assert "TINYAGENT_DEBUG=1" in err


def test_settings_error_is_still_raised_for_missing_files(tmp_path):
    with pytest.raises(SettingsError, match="Model file not found"):
        Settings(model_path=tmp_path / "nope.gguf").check()
