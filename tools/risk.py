"""What a tool's call may do (read, change, send, delete) and which of those need the person's approval."""

from __future__ import annotations

from typing import Any

#: The kinds of effect a tool declares in ``tool.metadata["risk"]``, mildest first.
RISKS = ("read", "change", "send", "delete")
#: How a risk is said in a sentence ("step 2 (sends something) needs your approval").
RISK_WORDS = {"read": "reads", "change": "changes your files", "send": "sends something",
              "delete": "deletes something"}
#: What a tool without a declared risk counts as (a user's own tool: it may change things).
UNDECLARED = "change"
#: What needs approval unless a setting says otherwise.
DEFAULT_APPROVE = "send,delete"


def risk_of(tool: Any) -> str:
    """The tool's declared risk; ``"change"`` when it declares none (or an unknown one)."""
    risk = (getattr(tool, "metadata", None) or {}).get("risk")
    return risk if risk in RISKS else UNDECLARED


def parse_approve(value: str) -> frozenset[str]:
    """``"send,delete"`` / ``"all"`` / ``"none"`` -> the set of risks that need approval.

    Raises ValueError naming the unknown word and the allowed ones."""
    words = [w for w in str(value).replace(",", " ").lower().split() if w]
    if words in (["all"], ["always"]):
        return frozenset(RISKS)
    if words in ([], ["none"], ["never"]):
        return frozenset()
    unknown = [w for w in words if w not in RISKS]
    if unknown:
        raise ValueError(f"approve={value!r}: unknown risk {', '.join(map(repr, unknown))} (use a comma-"
                         f"separated list of {', '.join(RISKS)}, or 'all' or 'none')")
    return frozenset(words)


def approve_text(risks: frozenset[str]) -> str:
    """The canonical setting for a set of risks (``parse_approve``'s inverse)."""
    if not risks:
        return "none"
    if set(risks) == set(RISKS):
        return "all"
    return ",".join(r for r in RISKS if r in risks)
