"""An optional teacher for ``finetune generate``: a chat model that rewrites requests in its own words.

The compositional generator's requests come from templates; a larger model writing the same
request the way people type it widens what the planner sees. Only the request changes: the plan
stays the generator's (already checked by ``compile_plan``), so a rewrite is kept only if every
literal the plan takes from the request (names, dates, quoted text, numbers) is still in it.

Any LangChain chat model works, named as ``init_chat_model`` takes it, e.g.

    python -m tinyagent.finetune generate --teacher openai:gpt-4o-mini --teacher-base-url http://localhost:8000/v1

(an OpenAI-compatible server needs ``pip install langchain-openai``). Offline is the default: no
teacher unless one is named.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable, Sequence

PROMPT = (
    "Rewrite the request below the way a person might type it to an assistant: other words, same "
    "meaning. Keep every name, number, date, time, address, file name and quoted text exactly as "
    "written. Reply with the rewritten request only, on one line.\n\nRequest: {query}")
MAX_CHARS = 400


@dataclass
class RewriteStats:
    asked: int = 0
    kept: int = 0
    rejected: int = 0   # lost a literal, empty, several lines, too long, or unchanged
    failed: int = 0     # the model call raised

    def __str__(self) -> str:
        return (f"teacher: asked {self.asked}, kept {self.kept}, rejected {self.rejected}, "
                f"failed {self.failed}")


def literals(query: str, plan_args: Sequence[Any]) -> list[str]:
    """The plan's literal values that the request spells out (those a rewrite must keep)."""
    out = []
    for value in plan_args:
        items = value if isinstance(value, list) else [value]
        for v in items:
            text = str(v)
            if isinstance(v, bool) or not text or text.startswith("$"):
                continue
            if text.lower() in query.lower():
                out.append(text)
    return out


def acceptable(original: str, rewrite: str, keep: Sequence[str]) -> bool:
    rewrite = rewrite.strip()
    if not rewrite or ("\n" in rewrite and "\n" not in original) or len(rewrite) > max(MAX_CHARS, 2 * len(original)):
        return False
    if rewrite.casefold() == original.strip().casefold():
        return False
    return all(k.lower() in rewrite.lower() for k in keep)


def clean(reply: str) -> str:
    """The model's reply without a leading 'Request:' label or wrapping quotes."""
    text = re.sub(r"^\s*(rewritten\s+)?request\s*:\s*", "", reply.strip(), flags=re.IGNORECASE)
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return text.strip()


def make_rewriter(chat: Any, share: float, seed: int = 0) -> Callable[[list], RewriteStats]:
    """A function that rewrites ``share`` of the plan examples it gets, in place, with ``chat``."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"--teacher-share must be between 0 and 1, not {share}")

    def rewrite(examples: list) -> RewriteStats:
        stats = RewriteStats()
        r = random.Random(seed)
        for ex in examples:
            if ex.kind != "plan" or r.random() >= share:
                continue
            stats.asked += 1
            try:
                reply = chat.invoke(PROMPT.format(query=ex.query))
            except Exception as exc:  # a flaky endpoint loses one rewrite, not the data set
                stats.failed += 1
                print(f"teacher call failed ({type(exc).__name__}: {exc}); keeping the original",
                      file=sys.stderr)
                continue
            text = clean(getattr(reply, "content", reply) if not isinstance(reply, str) else reply)
            keep = literals(ex.query, [v for t in ex.tasks for v in t.args.values()])
            if acceptable(ex.query, text, keep):
                ex.query = text
                stats.kept += 1
            else:
                stats.rejected += 1
        return stats

    return rewrite


def load_teacher(model: str, base_url: str | None = None, temperature: float = 0.7) -> Any:
    """A LangChain chat model from an ``init_chat_model`` name, with a clear error when it cannot load."""
    from langchain.chat_models import init_chat_model

    kwargs: dict[str, Any] = {"temperature": temperature}
    if base_url:
        kwargs["base_url"] = base_url
    try:
        return init_chat_model(model, **kwargs)
    except (ImportError, ValueError) as exc:
        raise SystemExit(f"cannot load the teacher {model!r}: {exc}\nName it as init_chat_model does "
                         "(e.g. openai:gpt-4o-mini) and install its package (e.g. langchain-openai).")
