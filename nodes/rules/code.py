"""Python code a bracket too many or too few at its end is made whole (the plan check refuses other broken code)."""

from __future__ import annotations

from tinyagent.nodes.plans.planlang import Task
from tinyagent.nodes.rules.checks import compiles, python_param
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule


@rule("close_code", "compile",
      "Python code a bracket short or over at its end is made whole", "", reads="specs")
def close_code(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task] | None:
    """The tasks with Python code that does not compile only for a bracket too many or too few at its
    end made whole (``print(round(15.98 / 3, 2)))``); None when there is none. Other broken code is
    left for the plan check to refuse."""
    out, changed = [], False
    for t in tasks:
        name = python_param(specs[t.tool]) if t.tool in specs else None
        code = t.args.get(name) if name else None
        if isinstance(code, str) and not compiles(code):
            body = code.rstrip()
            fixes = [body[:-k] for k in range(1, 4) if body[-k:] == ")" * k] + [body + ")" * k for k in range(1, 4)]
            fixed = next((c for c in fixes if compiles(c)), None)
            if fixed is not None:
                args = {**t.args, name: fixed}
                t, changed = t.with_args(args), True
        out.append(t)
    return out if changed else None
