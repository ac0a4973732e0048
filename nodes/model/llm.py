"""The local model: load a GGUF through langchain-community's LlamaCpp and run grammar-constrained completions."""

from __future__ import annotations

import functools
import os
import sys
import threading
from typing import Any, Callable

from langchain_core.language_models import BaseChatModel, BaseLanguageModel

from tinyagent.nodes.plans.prompts import model_prompt

#: One llama.cpp context is not safe to share between threads; runs take turns.
_LOCKS: dict[int, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(llm: Any) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(id(llm), threading.Lock())


def load_llama(settings) -> BaseLanguageModel:
    """Load the settings' GGUF (and LoRA adapter) as a LangChain LlamaCpp LLM; with a model_url
    setting, connect to that llama-server instead (nodes/model/llm_server.py). With merge_adapter (the
    default) the adapter runs merged into the model (nodes/model/merged_model.py: built once, cached)."""
    if getattr(settings, "model_url", None):
        from tinyagent.nodes.model.llm_server import load_server
        return load_server(settings)
    from tinyagent.nodes.model.gguf_check import ModelFileError

    settings.check()  # the files exist and their GGUF headers say model / LoRA adapter
    if settings.lora_path and getattr(settings, "merge_adapter", False):
        from tinyagent.nodes.model.merged_model import invalidate, merged_model

        try:
            merged = merged_model(settings)
        except (OSError, ValueError, RuntimeError) as exc:  # e.g. a read-only cache folder, a full disk
            print(f"\ntinyagent: could not merge the adapter ({' '.join(str(exc).split())[:200]}); "
                  "applying it at run time instead", file=sys.stderr)
            merged = None
        if merged is None:
            llm = _open(settings, settings.model_path, settings.lora_path)
        else:
            try:
                llm = _open(settings, merged, None)
            except ModelFileError:  # the cached file passed its checks but llama.cpp refused it: once more
                invalidate(merged)
                llm = _open(settings, merged_model(settings), None)
    else:
        llm = _open(settings, settings.model_path, settings.lora_path)
    # threads follow the machine's load, up to n_threads (nodes/model/threads.py)
    llm.client._tinyagent_max_threads = settings.n_threads if getattr(settings, "adaptive_threads", False) else None
    # Recent KV states, for prompts that share a long prefix with an earlier one (nodes/model/decode.py);
    # llama-cpp-python's LlamaRAMCache would copy every prompt token's logits too (~100 MB a plan).
    from tinyagent.nodes.model.decode import PrefixCache
    entries = getattr(settings, "prefix_cache", 6)
    llm.client._tinyagent_prefix_cache = PrefixCache(entries) if entries else None
    return llm


def amx_advertised(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """The CPU says it has Intel AMX. llama.cpp then keeps the weights in its AMX buffers, and on
    machines whose virtualisation advertises AMX without running it (seen on this project's 2-core
    VMs) the first long prompt dies with SIGILL (``tileloadd``)."""
    try:
        with open(cpuinfo) as fh:
            return any(line.startswith("flags") and " amx_tile" in line for line in fh)
    except OSError:
        return False


def amx_compiled() -> bool:
    """The llama.cpp that llama-cpp-python loads was compiled with AMX kernels (ggml's
    ``ggml_cpu_has_amx_int8``); True when that cannot be told. `make setup` builds it without them
    (Makefile, NO_AMX); a wheel built elsewhere may have them."""
    import ctypes
    from pathlib import Path

    try:
        import llama_cpp

        lib = Path(llama_cpp.__file__).parent / "lib"
        found = sorted(lib.glob("libggml-cpu*.so*")) + sorted(lib.glob("libggml-cpu*.dylib"))
        return bool(ctypes.CDLL(str(found[0])).ggml_cpu_has_amx_int8()) if found else True
    except (ImportError, OSError, AttributeError):
        return True


def extra_buffers() -> bool:
    """Whether llama.cpp may use its extra CPU weight buffers (AMX, repacked layouts): not where AMX
    is advertised and llama.cpp was compiled with its AMX kernels, unless
    TINYAGENT_LLAMA_EXTRA_BUFFERS=1 says AMX really runs there (=0: off anywhere)."""
    forced = os.environ.get("TINYAGENT_LLAMA_EXTRA_BUFFERS", "").strip().lower()
    if forced in ("1", "true", "yes", "on"):
        return True
    if forced in ("0", "false", "no", "off"):
        return False
    return not (amx_advertised() and amx_compiled())


def install_cpu_defaults() -> bool:
    """Make every llama.cpp model this process loads from now on (the agent's, a test's, a
    benchmark's) keep its weights in plain CPU buffers where ``extra_buffers()`` says so.
    llama-cpp-python's Llama() takes no ``use_extra_bufts``, so its default model parameters are
    given with the flag cleared. Idempotent; returns whether the extra buffers are off."""
    import llama_cpp.llama_cpp as low

    plain = not extra_buffers()
    if not plain or getattr(low.llama_model_default_params, "_tinyagent_plain", False):
        return plain
    original = low.llama_model_default_params

    def params():
        p = original()
        p.use_extra_bufts = False
        return p

    params._tinyagent_plain = True
    low.llama_model_default_params = params
    return True


def _open(settings, model_path, lora_path) -> BaseLanguageModel:
    from langchain_community.llms import LlamaCpp

    from tinyagent.nodes.model.gguf_check import ModelFileError

    try:
        install_cpu_defaults()
        return LlamaCpp(
            model_path=str(model_path),
            lora_path=str(lora_path) if lora_path else None,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            n_batch=256,
            model_kwargs={"n_threads_batch": settings.n_threads},  # prompt evaluation too, not every core
            temperature=settings.temperature,
            max_tokens=settings.max_plan_tokens,
            seed=0,
            verbose=False,
        )
    except (ValueError, RuntimeError, OSError) as exc:  # llama.cpp refused a file that looked right
        what = f"{model_path}" + (f" with the adapter {lora_path}" if lora_path else "")
        reason = " ".join(str(exc).split())[:300]
        raise ModelFileError(f"llama.cpp could not load {what} ({reason}). Check that the file is complete "
                             "(compare its size with the source), or try --no-lora.") from None


@functools.lru_cache(maxsize=64)
def _grammar(gbnf: str):
    from llama_cpp import LlamaGrammar
    return LlamaGrammar.from_string(gbnf, verbose=False)


def is_llamacpp(llm: Any) -> bool:
    return type(llm).__name__ == "LlamaCpp" and hasattr(llm, "client")


def count_tokens(llm: Any, prompt: str) -> int:
    """Prompt tokens as the model sees them; a length estimate for models without a tokenizer."""
    if is_llamacpp(llm):
        return len(llm.client.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))
    return max(1, len(prompt) // 4)


def complete(llm: Any, messages: list[dict[str, str]], grammar: str | None, max_tokens: int,
             temperature: float, on_token: Callable[[str], None] | None = None,
             refuse: Callable[[str, str], bool] | None = None) -> tuple[str, int, int]:
    """Run one completion; return (text, prompt tokens, generated tokens).

    refuse: with llama.cpp at temperature 0, may turn down a token (nodes/model/decode.py); other
    models ignore it.

    With llama.cpp the GBNF grammar constrains decoding. Other LangChain models (scripted fakes in
    tests, or any chat model a developer passes) get the same prompt, unconstrained.
    """
    if getattr(llm, "is_model_server", False):  # a llama-server (nodes/model/llm_server.py): grammar passed through
        return llm.complete(messages, grammar, max_tokens, temperature, on_token)
    if isinstance(llm, BaseChatModel):
        pieces = []  # streamed, so the plan shows, and read-only steps start, as it is written
        for chunk in llm.stream([(m["role"], m["content"]) for m in messages]):
            piece = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
            pieces.append(piece)
            if on_token and piece:
                on_token(piece)
        text = "".join(pieces)
        prompt_tokens = max(1, sum(len(m["content"]) for m in messages) // 4)
        return text, prompt_tokens, max(1, len(text) // 4)
    # the model's own chat template (GGUF tokenizer.chat_template); ChatML for models without one
    template = (getattr(llm.client, "metadata", None) or {}).get("tokenizer.chat_template") if is_llamacpp(llm) else None
    prompt = model_prompt(template, messages)
    if not is_llamacpp(llm):
        pieces = []
        for piece in llm.stream(prompt):
            pieces.append(piece)
            if on_token and piece:
                on_token(piece)
        text = "".join(pieces)
        return text, count_tokens(llm, prompt), max(1, len(text) // 4)
    if temperature == 0:
        return _greedy(llm, prompt, grammar, max_tokens, on_token, refuse)
    kwargs: dict[str, Any] = {"max_tokens": max_tokens, "temperature": temperature}
    if grammar:
        kwargs["grammar"] = _grammar(grammar)
    with _lock_for(llm):
        _fit_threads(llm)
        prompt_tokens = count_tokens(llm, prompt)
        pieces = []
        for chunk in llm.stream(prompt, stop=["<|im_end|>"], **kwargs):
            pieces.append(chunk)
            if on_token:
                on_token(chunk)
        text = "".join(pieces)
        generated = len(llm.client.tokenize(text.encode("utf-8"), add_bos=False, special=True))
    return text, prompt_tokens, generated


def _fit_threads(llm: Any) -> None:
    wanted = getattr(llm.client, "_tinyagent_max_threads", None)
    if wanted:
        from tinyagent.nodes.model.threads import fit_threads
        fit_threads(llm.client, wanted)


def _greedy(llm: Any, prompt: str, grammar: str | None, max_tokens: int,
            on_token: Callable[[str], None] | None,
            refuse: Callable[[str, str], bool] | None = None) -> tuple[str, int, int]:
    """Greedy decoding that asks the grammar only when needed (nodes/model/decode.py), reported to the
    run's LangChain callbacks like any LLM call (traces; the chat's Ctrl-C stops it between tokens)."""
    from langchain_core.callbacks import CallbackManager
    from langchain_core.outputs import Generation, LLMResult
    from langchain_core.runnables.config import ensure_config

    from tinyagent.nodes.model.decode import greedy_complete

    config = ensure_config()  # the calling node's run config: its callbacks, tags and metadata
    manager = CallbackManager.configure(config.get("callbacks"), None, inheritable_tags=config.get("tags"),
                                        inheritable_metadata=config.get("metadata"))
    [run] = manager.on_llm_start({"name": "LlamaCpp"}, [prompt], name="LlamaCpp",
                                 invocation_params={"temperature": 0.0, "max_tokens": max_tokens,
                                                    "grammar": bool(grammar)})

    def piece(text: str) -> None:
        run.on_llm_new_token(text)
        if on_token:
            on_token(text)
    try:
        with _lock_for(llm):
            _fit_threads(llm)
            text, n_prompt, n_gen = greedy_complete(
                llm.client, prompt, grammar, max_tokens, ["<|im_end|>"], piece,
                repeat_penalty=llm.repeat_penalty or 1.0, penalty_last_n=llm.last_n_tokens_size or 64,
                refuse=refuse)
    except BaseException as exc:
        run.on_llm_error(exc)
        raise
    run.on_llm_end(LLMResult(generations=[[Generation(text=text)]]))
    return text, n_prompt, n_gen
