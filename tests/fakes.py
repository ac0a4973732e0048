"""Test doubles: small tools, specs, an in-memory tool index, a grammar probe; plans run through the rules."""

from __future__ import annotations

import asyncio
import time

from langchain_core.tools import StructuredTool, tool

from tinyagent.store.tool_index import Retrieved


class AllToolsIndex:
    """Shows every tool to the planner: for tests about the graph, not about retrieval."""

    def retrieve(self, query, available, max_tools=5, n_examples=1, k_examples=4, match_above=0.0, prefer=()):
        return Retrieved(sorted(available), [], {})


@tool
def get_email_address(name: str) -> str:
    """Find the email address of a contact by name."""
    if name == "Nobody":
        raise ValueError(f"No contact named {name!r}.")
    return name.lower().replace(" ", ".") + "@example.com"


@tool
def compose_new_email(recipients: list[str], subject: str = "", context: str = "") -> str:
    """Draft a new email."""
    return f"Draft to {', '.join(recipients)}: {subject}"


def sleeper(name: str, seconds: float) -> StructuredTool:
    async def _run(x: str = "") -> str:
        await asyncio.sleep(seconds)
        return f"{name}({x})"
    return StructuredTool.from_function(coroutine=_run, name=name, description=f"Sleep {seconds}s.")


def sync_sleeper(name: str, seconds: float) -> StructuredTool:
    def _run(x: str = "") -> str:
        time.sleep(seconds)
        return f"{name}({x})"
    return StructuredTool.from_function(func=_run, name=name, description=f"Sleep {seconds}s.")


def grammar_accepts(llama, gbnf: str, text: str, special: bool = False) -> bool:
    """Whether llama.cpp's sampler for ``gbnf`` lets a model with ``llama``'s vocabulary (a
    ``llama_cpp.Llama``) write ``text``, token by token."""
    from tinyagent.nodes.model.decode import Grammar

    grammar = Grammar(llama, gbnf)
    try:
        for token in llama.tokenize(text.encode("utf-8"), add_bos=False, special=special):
            if not grammar.allows(token):
                return False
            grammar.accept(token)
        return True
    finally:
        grammar.close()


def ruled(specs, query: str, plan: str, context: str = "", off=()) -> str:
    """``plan`` (plan language) through every plan rule for ``query`` and the earlier turns ``context``, as text."""
    from tinyagent.nodes.plans.planlang import compile_plan, format_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    return format_plan(run_rules(compile_plan(plan, specs, loose=True), Facts(specs, query, context=context), off=off))
