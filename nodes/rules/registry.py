"""A plan rule's declaration: its name, stage, purpose and guard, written with the ``@rule`` decorator beside its code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from tinyagent.nodes.plans.planlang import Task
from tinyagent.nodes.request.reading import Request, read_request


@dataclass(frozen=True)
class Facts:
    """What the rules read of a request: the tool specs, the request as typed and as read (typos
    corrected), the earlier turns, the done tasks of earlier rounds and the solved examples shown."""

    specs: dict
    query: str
    reading: str = ""
    context: str = ""
    done: Sequence[dict] = ()
    examples: Sequence[dict] = ()

    @property
    def read(self) -> str:
        return self.reading or self.query

    @property
    def request(self) -> Request:
        """The request read once from its texts (nodes/request/reading.py; the same object for the same texts)."""
        return read_request(self.query, self.reading, self.context)


@dataclass(frozen=True)
class Rule:
    """One plan rule: its name (the switch), its stage, a one-line purpose, the outcome it guards
    (dates, people, attachments, made-up content; "" for one that only mends plans), and what it does:
    a rewrite gives the new tasks or None; a check raises PlanError."""

    name: str
    stage: str
    purpose: str
    guards: str
    apply: Callable[[list[Task], Facts], list[Task] | None] | None  # None: the retrieve or plan node applies it

    def runs_in(self, stage: str) -> bool:
        """Whether the rule runs at ``stage``: "retrieve" (before planning, from the request alone),
        "decode" (while the model writes, in the grammar or by
        turning down a token), "compile" (the whole plan), "early" (the finished lines of a plan being
        written, before a read-only step starts early)."""
        return stage in self.stage.split(", ")


#: Every rule declared so far, by name (nodes/rules/pipeline.py puts them in order).
DECLARED: dict[str, Rule] = {}


def rule(name: str, stage: str, purpose: str, guards: str = "", reads: str | None = "specs request"):
    """Declare the function below as the plan rule ``name``. A compile or early rule is called with the
    tasks and, after them, the ``Facts`` fields named in ``reads`` (``reads=None``: the Facts whole); a
    retrieve or decode rule's function is its node's to call. The function itself is returned unchanged."""
    if name in DECLARED:
        raise ValueError(f"two plan rules are named {name!r}")

    def declare(fn):
        apply = None
        if stage not in ("retrieve", "decode"):
            fields = reads.split() if reads is not None else None

            def apply(tasks: list[Task], facts: Facts) -> list[Task] | None:
                if fields is None:
                    return fn(tasks, facts)
                return fn(tasks, *(getattr(facts, f) for f in fields))
        DECLARED[name] = Rule(name, stage, purpose, guards, apply)
        return fn
    return declare
