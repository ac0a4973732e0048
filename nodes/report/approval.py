"""Asking before a step that sends, deletes or changes: the question's reason, the answer read, whether a run can pause."""

from __future__ import annotations

from typing import Any

from langgraph.config import get_config
from langgraph.constants import CONFIG_KEY_CHECKPOINTER

from tinyagent.tools.risk import RISK_WORDS


def why_asked(question: dict[str, Any]) -> str:
    """The approval question's reason: which steps wait and why ("Step 2 (send_sms) sends something.")."""
    tasks = {t["id"]: t for t in question.get("tasks", [])}
    parts = [f"{t['id']} ({t['tool']}) {RISK_WORDS.get(t.get('risk', ''), 'needs approval')}"
             + (f", acting on {t['target']}" if t.get("target") else "")
             for t in (tasks[i] for i in question.get("needs_approval", []) if i in tasks)]
    if not parts:
        return ""
    return ("Step " if len(parts) == 1 else "Steps ") + "; ".join(parts) + "."


def parse_approval(value: Any) -> tuple[bool, str]:
    """A resume value -> (approved, comment). Accepts True/False, "yes"/"no ...", or
    {"approved": bool, "feedback": str}."""
    if isinstance(value, dict):
        return bool(value.get("approved")), str(value.get("feedback") or "")
    if isinstance(value, str):
        head, _, rest = value.strip().partition(" ")
        yes = head.lower().rstrip(".,!:") in {"y", "yes", "ok", "approve", "approved", "run", "go"}
        return yes, ("" if yes else (rest.strip() if head.lower().rstrip(".,!:") in {"n", "no", "reject"}
                                     else value.strip()))
    return bool(value), ""


def can_pause() -> bool:
    """Whether this run has a checkpointer, so an interrupt can be resumed."""
    try:
        return get_config().get("configurable", {}).get(CONFIG_KEY_CHECKPOINTER) is not None
    except RuntimeError:  # called outside a run
        return False
