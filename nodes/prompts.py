"""Prompt text for the planner; the fine-tuning data is built with these same functions."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any, Iterable, Sequence

from tinyagent.tools.specs import ToolSpec

PLAN_SYSTEM = (
    "You are a planner. Turn the user's request into a plan of numbered tool calls, one per line: "
    '`N. tool(arg="value")`. Use only the tools listed. Pass the result of step K to a later step '
    'as "$K". Steps that do not depend on each other run in parallel. '
    "End the plan with `N. join()<END_OF_PLAN>`."
)

#: Longest observation text shown to the joiner for one task.
MAX_OBSERVATION_CHARS = 300


def today_line(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"Today is {today.strftime('%A')}, {today.isoformat()}."


def tool_block(specs: Iterable[ToolSpec]) -> str:
    return "Tools:\n" + "\n".join(f"- {s.signature()}" for s in specs)


def example_block(examples: Sequence[dict[str, str]]) -> str:
    """Solved examples: each a dict with ``query`` and ``plan``."""
    if not examples:
        return ""
    parts = [f"Request: {e['query']}\n{e['plan']}" for e in examples]
    return "Examples:\n" + "\n\n".join(parts)


def as_text(value: Any) -> str:
    """A task result as text: a string as it is, structured values as JSON."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return str(value)


def observation(value: Any, limit: int = MAX_OBSERVATION_CHARS) -> str:
    """A task result as short text for a prompt (JSON for structured values)."""
    text = " ".join(as_text(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def history_block(done: Sequence[dict[str, Any]]) -> str:
    """What already ran: ``N. call -> result`` lines from task records."""
    lines = []
    for t in done:
        if t.get("status") == "done":
            out = observation(t.get("result"))
        elif t.get("status") == "skipped":
            out = f"SKIPPED: {t.get('error', '')}"
        elif t.get("status") in ("planned", "rejected"):
            out = f"NOT RUN ({t['status']})"
        else:
            out = f"ERROR: {t.get('error', '')}"
        lines.append(f"{t['id']}. {t['call']} -> {out}")
    return "\n".join(lines)


def plan_messages(query: str, specs: Sequence[ToolSpec], examples: Sequence[dict[str, str]] = (),
                  today: dt.date | None = None, done: Sequence[dict[str, Any]] = (),
                  replan_reason: str | None = None, error: str | None = None,
                  first_id: int = 1, context: str = "") -> list[dict[str, str]]:
    """Chat messages asking for a plan. Static text first, so llama.cpp can reuse the prefix."""
    parts = [tool_block(specs)]
    if examples:
        parts.append(example_block(examples))
    parts.append(today_line(today))
    if context:
        parts.append(f"Conversation so far:\n{context}")
    parts.append(f"Request: {query}")
    if done:
        parts.append(f"Already done:\n{history_block(done)}")
    if replan_reason:
        parts.append(f"Replan because: {replan_reason}\nContinue the numbering from {first_id}.")
    if error:
        parts.append(f"Your last plan was invalid: {error}\nWrite a corrected plan.")
    return [{"role": "system", "content": PLAN_SYSTEM},
            {"role": "user", "content": "\n\n".join(parts)}]


def chatml(messages: Sequence[dict[str, str]], add_generation_prompt: bool = True) -> str:
    """Render messages in ChatML, SmolLM2-Instruct's chat format."""
    text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return text + ("<|im_start|>assistant\n" if add_generation_prompt else "")


def render_chat(template: str, messages: Sequence[dict[str, str]], add_generation_prompt: bool = True,
                bos_token: str = "", eos_token: str = "") -> str:
    """Render messages with a model's own chat template (GGUF ``tokenizer.chat_template``), as
    Hugging Face's apply_chat_template does: sandboxed jinja2, trimmed blocks."""
    return _chat_template(template).render(messages=list(messages), add_generation_prompt=add_generation_prompt,
                                           bos_token=bos_token, eos_token=eos_token)


def model_prompt(template: str | None, messages: Sequence[dict[str, str]]) -> str:
    """The messages in a model's own chat template, or ChatML for a model without one. No BOS
    text: llama.cpp adds the BOS token when it tokenizes the prompt."""
    return render_chat(template, messages) if template else chatml(messages)


@functools.lru_cache(maxsize=8)
def _chat_template(template: str):
    from jinja2.exceptions import TemplateError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def raise_exception(message: str):
        raise TemplateError(message)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: dt.datetime.now().strftime(fmt)
    return env.from_string(template)
