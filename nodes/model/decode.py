"""Greedy decoding under a GBNF grammar that consults the grammar only when the model's choice breaks it.

llama.cpp's grammar sampler checks every one of the vocabulary's tokens (49,152 for SmolLM2) against
the grammar at every step. Greedy decoding needs less: take the most likely token and ask the
grammar about that one token; only when the grammar refuses it is the whole vocabulary filtered,
and the most likely allowed token taken. The result is the same token sequence as greedy decoding
with the full grammar applied at every step (an argmax over the allowed tokens either way).
"""

from __future__ import annotations

import ctypes
import re
from typing import Any, Callable, Sequence

import numpy as np


class Grammar:
    """One llama.cpp grammar sampler for one completion: ``allows(token)``, ``best(logits)``, ``accept``."""

    def __init__(self, llama: Any, gbnf: str, root: str = "root"):
        import llama_cpp

        self._c = llama_cpp
        self._smpl = llama_cpp.llama_sampler_init_grammar(llama._model.vocab, gbnf.encode("utf-8"),
                                                          root.encode("utf-8"))
        if not self._smpl:
            raise ValueError("llama.cpp could not parse the plan grammar")
        self._one = (llama_cpp.llama_token_data * 1)()
        self._one_arr = llama_cpp.llama_token_data_array(self._one, 1, -1, False)
        n_vocab = llama.n_vocab()
        self._all = (llama_cpp.llama_token_data * n_vocab)()
        self._all_np = np.ctypeslib.as_array(
            ctypes.cast(self._all, ctypes.POINTER(ctypes.c_byte)),
            shape=(n_vocab * ctypes.sizeof(llama_cpp.llama_token_data),)).view(
            np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)]))
        self._all_np["id"] = np.arange(n_vocab, dtype=np.int32)
        self._all_arr = llama_cpp.llama_token_data_array(self._all, n_vocab, -1, False)

    def allows(self, token: int) -> bool:
        self._one[0].id, self._one[0].logit, self._one[0].p = token, 0.0, 0.0
        self._one_arr.size, self._one_arr.selected, self._one_arr.sorted = 1, -1, False
        self._c.llama_sampler_apply(self._smpl, ctypes.byref(self._one_arr))
        return self._one[0].logit != -np.inf

    def best(self, logits: np.ndarray) -> int:
        """The most likely token the grammar allows (-1: none)."""
        self._all_np["logit"] = logits
        self._all_np["p"] = 0.0
        self._all_arr.size, self._all_arr.selected, self._all_arr.sorted = len(logits), -1, False
        self._c.llama_sampler_apply(self._smpl, ctypes.byref(self._all_arr))
        masked = self._all_np["logit"]
        token = int(np.argmax(masked))
        return -1 if masked[token] == -np.inf else token

    def accept(self, token: int) -> None:
        self._c.llama_sampler_accept(self._smpl, token)

    def close(self) -> None:
        if self._smpl:
            self._c.llama_sampler_free(self._smpl)
            self._smpl = None


def _common(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class PrefixCache:
    """The KV states of the last few completions, to start a prompt from the longest prefix it
    shares with any of them (a request whose tools an earlier one also had). llama-cpp-python's own
    RAM cache copies the logits of every token with each state (about 100 MB a plan here); this
    keeps only llama.cpp's state of the used cache cells (about 12 MB)."""

    def __init__(self, entries: int = 6):
        self.entries = entries
        self._states: list[tuple[tuple[int, ...], bytearray]] = []

    def save(self, llama: Any) -> None:
        import llama_cpp

        key = tuple(llama._input_ids.tolist())
        if not key:
            return
        size = llama_cpp.llama_state_get_size(llama._ctx.ctx)
        state = bytearray(size)  # llama.cpp writes straight into it: one copy of the state, not two
        view = (ctypes.c_uint8 * size).from_buffer(state)
        got = llama_cpp.llama_state_get_data(llama._ctx.ctx, view, size)
        del view  # releases the buffer, so it can be cut to what was written
        del state[got:]
        self._states = [(k, s) for k, s in self._states if k != key][-(self.entries - 1):]
        self._states.append((key, state))

    def restore(self, llama: Any, tokens: Sequence[int]) -> None:
        """Load the saved state sharing the longest prefix with ``tokens`` if it beats the live one."""
        import llama_cpp

        live = _common(llama._input_ids.tolist(), tokens)
        best = max(self._states, key=lambda e: _common(e[0], tokens), default=None)
        if best is None or _common(best[0], tokens) <= live:
            return
        key, state = best
        data = (ctypes.c_uint8 * len(state)).from_buffer(state)  # read in place, not copied
        llama_cpp.llama_state_set_data(llama._ctx.ctx, data, len(state))
        del data
        llama.input_ids[:len(key)] = key
        llama.n_tokens = len(key)


def _load_prefix(llama: Any, tokens: Sequence[int]) -> None:
    """Evaluate ``tokens``, reusing the longest prefix held in the context (or in a RAM cache, when
    the caller set one on the model)."""
    from llama_cpp import Llama

    if llama.cache:
        try:
            cached = llama.cache[tokens]
            if Llama.longest_token_prefix(cached.input_ids.tolist(), tokens) > \
                    Llama.longest_token_prefix(llama._input_ids.tolist(), tokens):
                llama.load_state(cached)
        except KeyError:
            pass
    keep = Llama.longest_token_prefix(llama._input_ids.tolist(), tokens)
    keep = min(keep, len(tokens) - 1)  # evaluate at least one token: its logits start the answer
    llama.n_tokens = keep
    llama.eval(tokens[keep:])


#: How many of the likeliest allowed tokens a ``refuse`` hook may turn down in a row: enough to
#: reach the first token of any tool's name where a hook allows only some tools.
REFUSALS = 256


def greedy_complete(llama: Any, prompt: str, gbnf: str | None, max_tokens: int, stop: Sequence[str],
                    on_text: Callable[[str], None] | None = None, repeat_penalty: float = 1.0,
                    penalty_last_n: int = 64, refuse: Callable[[str, str], bool] | None = None
                    ) -> tuple[str, int, int]:
    """Greedy completion of ``prompt`` on a ``llama_cpp.Llama``; (text, prompt tokens, generated tokens).

    Stops at an end-of-generation token, at any of ``stop`` (not included) or after ``max_tokens``.
    ``on_text`` gets the text as it grows, piece by piece, never past a stop string. A repeat
    penalty works as llama.cpp's: the logit of each token among the last ``penalty_last_n``
    generated ones is divided by it (multiplied when negative), before the grammar. ``refuse(text,
    piece)`` may turn down the chosen token (its text ``piece`` after ``text``): the next most likely
    allowed token is taken instead (at most 16 times per step; when the grammar allows nothing else,
    the first choice stays)."""
    import llama_cpp

    tokens = llama.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
    if len(tokens) + max_tokens > llama.n_ctx():
        raise ValueError(f"The prompt has {len(tokens)} tokens; with {max_tokens} to generate it does "
                         f"not fit the context of {llama.n_ctx()}: raise n_ctx or show fewer tools.")
    cache = getattr(llama, "_tinyagent_prefix_cache", None)
    if cache is not None:
        cache.restore(llama, tokens)
    _load_prefix(llama, tokens)
    grammar = Grammar(llama, gbnf) if gbnf else None
    vocab = llama._model.vocab
    n_vocab = llama.n_vocab()
    out = b""
    shown = 0
    generated: list[int] = []
    try:
        for _ in range(max_tokens):
            logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llama._ctx.ctx, -1), shape=(n_vocab,))
            if repeat_penalty != 1.0 and generated:
                logits = logits.copy()
                seen = np.unique(np.asarray(generated[-penalty_last_n:], dtype=np.int64))
                hit = logits[seen]
                logits[seen] = np.where(hit <= 0, hit * repeat_penalty, hit / repeat_penalty)
            token = int(np.argmax(logits))
            if grammar is not None and not grammar.allows(token):
                token = grammar.best(logits)
            if refuse is not None and token >= 0:
                so_far = out.decode("utf-8", errors="ignore")
                first = token
                for _ in range(REFUSALS):
                    piece = llama.detokenize([token], prev_tokens=generated).decode("utf-8", errors="ignore")
                    if not refuse(so_far, piece):
                        break
                    logits = np.array(logits)  # a copy: llama.cpp's buffer stays as it was
                    logits[token] = -np.inf
                    token = int(np.argmax(logits))
                    if grammar is not None and not grammar.allows(token):
                        token = grammar.best(logits)
                    if token < 0:
                        token = first  # nothing else is allowed (the last step must be join): keep it
                        break
            if token < 0:  # the grammar allows nothing more: the plan is complete
                break
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                break
            if grammar is not None:
                grammar.accept(token)
            generated.append(token)
            out += llama.detokenize([token], prev_tokens=generated[:-1])
            text = out.decode("utf-8", errors="ignore")
            cut = min((i for i in (text.find(s) for s in stop) if i >= 0), default=-1)
            if cut >= 0:
                text = text[:cut]
                if on_text and len(text) > shown:
                    on_text(text[shown:])
                return text, len(tokens), len(generated)
            # hold back what could be the start of a stop string
            safe = len(text) - max((k for s in stop for k in range(len(s), 0, -1)
                                    if text.endswith(s[:k])), default=0)
            if on_text and safe > shown:
                on_text(text[shown:safe])
                shown = safe
            llama.eval([token])
    finally:
        if grammar is not None:
            grammar.close()
        if cache is not None:
            cache.save(llama)
    text = out.decode("utf-8", errors="ignore")
    if on_text and len(text) > shown:
        on_text(text[shown:])
    return text, len(tokens), len(generated)


def has_step(text: str, tool: str) -> bool:
    """Whether the plan written so far has a step calling ``tool`` ("2. send_sms(")."""
    return f". {tool}(" in text or f".{tool}(" in text


def join_refuser(must_use: Sequence[str], tool_names: Sequence[str],
                 lookups: Sequence[str] = (), not_empty: bool = False) -> Callable[[str, str], bool]:
    """A ``refuse`` hook: no ``join()`` step while a tool of ``must_use`` has no step yet (or, with
    ``not_empty``, while the plan has no step at all), and the step where ``join`` was so refused
    calls one of those tools (without it the model wrote whatever tool came next: "run the
    sprinklers in the garage" planned as ``rent_bike``, ``get_air_quality``, ...); and once per plan,
    no ``join()`` while the result of a step calling one of ``lookups`` is used by no other step (a
    person looked up and then nothing sent to them): the model gets one more step to use it, not a
    loop of them."""
    from tinyagent.nodes.plans.planlang import REF

    step = re.compile(r"(?:^|\n)\s*(\d+)\.\s*([A-Za-z_]+)\(?$")
    line = re.compile(r"\s*(\d+)\.\s*([A-Za-z_]\w*)?(\()?")
    refused_at: set[str] = set()  # the step number where join was refused for a lookup
    forced: dict[str, list[str]] = {}  # step number -> the tools it may call (join refused there)
    called = re.compile(r"(?:^|\n)\s*\d+\.\s*[A-Za-z_]+\(")
    looked = re.compile(r"(?:^|\n)\s*(\d+)\.\s*(" + "|".join(map(re.escape, lookups)) + r")\(") if lookups else None

    def unused_lookup(text: str) -> bool:
        return looked is not None and any(
            m.group(1) not in REF.findall(text[m.end():]) for m in looked.finditer(text))

    def missing(text: str) -> list[str]:
        return [name for name in must_use if not has_step(text, name)]

    def refuse(text: str, piece: str) -> bool:
        current = line.match((text + piece).rsplit("\n", 1)[-1])
        before = line.match(text.rsplit("\n", 1)[-1])  # the name is chosen once its "(" is written
        allowed = [t for t in forced.get(current.group(1), []) if t in missing(text)] \
            if current and not (before and before.group(3)) else []
        if allowed and "\n" not in piece:
            name = current.group(2) or ""
            return name not in allowed if current.group(3) else not any(t.startswith(name) for t in allowed)
        m = step.search(text + piece)
        if not m or not "join".startswith(m.group(2)):
            return False
        if any(name.startswith(m.group(2)) for name in tool_names if name != "join"):
            return False  # it could still become another tool's name
        if want := missing(text):
            forced[m.group(1)] = want
            return True
        if not_empty and not called.search(text):
            return True
        if (not refused_at or m.group(1) in refused_at) and unused_lookup(text):
            refused_at.add(m.group(1))
            return True
        return False
    return refuse


_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w:])")
_CALL = re.compile(r"\s*(\d+)\.\s*([A-Za-z_]\w*)\((.*)$")  # the plan's last line: the call being written


def stated_numbers(query: str, when: Sequence[str] = ()) -> set[str]:
    """The numbers a request states outside its words for times ("under $80, cheapest first" ->
    {"80"}; "on 2026-12-06 at 8:30am" -> none)."""
    text = query
    for phrase in when:
        text = text.replace(phrase, " ")
    return {m.group(0) for m in _NUMBER.finditer(text.replace(",", ""))}


def stated_value_refuser(query: str, specs: dict[str, Any], when: Sequence[str] = ()) -> Callable[[str, str], bool] | None:
    """A ``refuse`` hook for tools the model was not trained on: once per step, the call may not be
    closed while the request states a number that no step uses yet and the tool has an optional
    number parameter left unset ("dim the bedroom lights to 30%" closed after `room=`): the model
    gets to write one more argument. None when the request states no such number or no tool has
    such a parameter."""
    numbers = stated_numbers(query, when)
    if not numbers:
        return None
    optional = {name: names for name, spec in specs.items()
                if (names := {p.name for p in spec.params if not p.required and p.type in ("number", "integer")})}
    if not optional:
        return None  # no tool here takes an optional number: nothing to hold a call open for
    refused: set[str] = set()

    def refuse(text: str, piece: str) -> bool:
        if ")" not in piece:
            return False
        m = _CALL.match(text[text.rfind("\n") + 1:])
        if not m or m.group(1) in refused or not optional.get(m.group(2)):
            return False
        before = piece[:piece.index(")")]
        if not re.fullmatch(r'[\s"\]}]*', before):
            return False  # the token also ends a value ("2)"): refusing it would change the value
        args = m.group(3) + before
        if args.count('"') % 2 or args.count("[") != args.count("]") or args.count("{") != args.count("}"):
            return False  # the ")" is inside a value, not the end of the call
        unset = optional[m.group(2)] - set(re.findall(r"(?:^|,\s*)(\w+)=", args))
        if not unset or all(n in text for n in numbers):
            return False
        refused.add(m.group(1))
        return True
    return refuse


def any_refuser(*hooks: Callable[[str, str], bool] | None) -> Callable[[str, str], bool] | None:
    """One ``refuse`` hook that turns a token down when any of ``hooks`` does (None ones left out)."""
    hooks = tuple(h for h in hooks if h is not None)
    if len(hooks) <= 1:
        return hooks[0] if hooks else None
    return lambda text, piece: any(h(text, piece) for h in hooks)
