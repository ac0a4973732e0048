"""The plan language: parse plan text with ``ast`` and compile it, against tool specs, into tasks."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from tinyagent.tools.dates import fit_layout
from tinyagent.tools.specs import ToolSpec

END_OF_PLAN = "<END_OF_PLAN>"
JOIN = "join"

_STEP = re.compile(r"^\s*(\d+)\s*\.\s*(.*?)\s*$")
#: ``$K`` in plan text: a reference to step K
REF = re.compile(r"\$(\d+)")
_WHOLE_REF = re.compile(r"^\$(\d+)$")


class PlanError(ValueError):
    """A plan that cannot run; the message says what is wrong and how to fix it."""


class LaterRef(PlanError):
    """A step uses ``$K`` for a step the plan has not written (yet): the plan is wrong as it stands,
    but a plan still being written may add step K (nodes/rules/early.py waits for it)."""


@dataclass(frozen=True)
class Step:
    """One parsed line ``N. tool(args)`` before validation against the tool specs."""

    id: int
    tool: str
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]
    line: str


@dataclass
class Task:
    """A validated step: the tool to call, its keyword arguments and the steps it waits for."""

    id: int
    tool: str
    args: dict[str, Any]
    deps: tuple[int, ...] = ()
    round: int = 0
    line: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "tool": self.tool, "args": self.args, "deps": list(self.deps),
                "round": self.round}

    def with_args(self, args: dict[str, Any]) -> "Task":
        """The same step with other arguments, its plan line written anew."""
        return replace(self, args=args, line=f"{self.id}. {format_call(self.tool, args)}")


def rewrite_role(tasks: list[Task], specs: dict[str, ToolSpec], role: str,
                 change, absent: bool = False) -> list[Task] | None:
    """The tasks with each step's value of its parameter of ``role`` (a tool's ``with_role``) put
    through ``change(value)``, which gives the new value or None to leave it (``absent``: a step without
    the value too, as ``change(None)``); None when none changed."""
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        param = spec.with_role(role) if spec else None
        new = change(t.args.get(param)) if param and (param in t.args or absent) else None
        if new is not None:
            t = t.with_args({**t.args, param: new})
            changed = True
        out.append(t)
    return out if changed else None


def rewrite_params(tasks: list[Task], specs: dict[str, ToolSpec], change) -> list[Task] | None:
    """The tasks with each argument a step gives put through ``change(task, param, value)``, which gives the
    new value or None to leave it; None when none changed."""
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        args = dict(t.args)
        for p in (spec.params if spec else ()):
            if args.get(p.name) is not None and (new := change(t, p, args[p.name])) is not None:
                args[p.name] = new
        if args != t.args:
            t, changed = t.with_args(args), True
        out.append(t)
    return out if changed else None


def _quote_bare_refs(text: str) -> str:
    """Turn ``$3`` written outside any string literal into ``"$3"`` so ``ast`` accepts it."""
    out, quote, i = [], None, 0
    while i < len(text):
        ch = text[i]
        if quote:
            out.append(ch)
            if ch == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            out.append(ch)
        elif ch == "$":
            m = re.match(r"\$(\d+)", text[i:])
            if m:
                out.append(f'"{m.group(0)}"')
                i += len(m.group(0))
                continue
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _literal(node: ast.expr, where: str) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        src = ast.unparse(node) if hasattr(ast, "unparse") else "?"
        raise PlanError(f"{where}: `{src}` is not a literal. Arguments must be Python literals "
                        f'(strings, numbers, True/False/None, lists, dicts) or "$K" references.')


def parse_plan(text: str) -> list[Step]:
    """Parse plan text into steps; raise PlanError on the first line that is not a step."""
    if text is None or not text.strip():
        raise PlanError("The plan is empty. Write numbered steps like `1. tool(arg=\"value\")` "
                        "and end with `N. join()`.")
    text = text.split(END_OF_PLAN, 1)[0]
    steps: list[Step] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.lower().startswith("thought"):
            continue
        m = _STEP.match(line)
        if not m:
            raise PlanError(f"`{line[:120]}` is not a step. Each line must be "
                            f"`N. tool(arguments)` (or a `Thought:` line).")
        number, call_src = int(m.group(1)), m.group(2)
        try:
            tree = ast.parse(_quote_bare_refs(call_src), mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
            msg = getattr(exc, "msg", str(exc))
            raise PlanError(f"Step {number}: `{call_src[:120]}` is not a valid call ({msg}). "
                            f"Write `tool(name=value, ...)` with quoted strings.")
        call = tree.body
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            raise PlanError(f"Step {number}: `{call_src[:120]}` is not a tool call. "
                            f"Write `tool_name(arg=value, ...)`.")
        where = f"Step {number} ({call.func.id})"
        if any(isinstance(a, ast.Starred) for a in call.args) or any(
                k.arg is None for k in call.keywords):
            raise PlanError(f"{where}: * and ** arguments are not allowed.")
        args = tuple(_literal(a, where) for a in call.args)
        kwargs = tuple((k.arg, _literal(k.value, where)) for k in call.keywords)
        steps.append(Step(number, call.func.id, args, kwargs, line))
    return steps


def refs_in(value: Any, whole: bool = False) -> set[int]:
    """The step numbers ``$K`` that a value (strings, lists, dicts and their keys) refers to;
    ``whole``: only whole ``"$K"`` values, not ``$K`` inside longer text or keys."""
    if isinstance(value, str):
        if whole:
            return {k} if (k := is_ref(value)) is not None else set()
        return {int(k) for k in REF.findall(value)}
    if isinstance(value, (list, tuple)):
        return set().union(*(refs_in(v, whole) for v in value)) if value else set()
    if isinstance(value, dict):  # keys are text, never whole values
        parts = list(value.values()) + ([] if whole else list(value.keys()))
        return set().union(*(refs_in(v, whole) for v in parts)) if parts else set()
    return set()


def renumber(value: Any, ids: dict[int, int]) -> Any:
    """``value`` with every ``$K`` reference whose K is in ``ids`` renumbered to ``ids[K]``."""
    if isinstance(value, str):
        return REF.sub(lambda m: f"${ids.get(int(m.group(1)), int(m.group(1)))}", value)
    if isinstance(value, list):
        return [renumber(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: renumber(v, ids) for k, v in value.items()}
    return value


def renumbered(order: list[Task], first_id: int, also: dict[int, int] | None = None) -> list[Task]:
    """The tasks in ``order`` numbered from ``first_id``, their references and dependencies following
    the steps they point to; a step that appears more than once (a call and its repeats) is pointed
    to at its first place. ``also``: where references to steps left out of ``order`` go instead."""
    ids: dict[int, int] = dict(also or {})
    for i, t in enumerate(order):
        ids.setdefault(t.id, first_id + i)
    out = []
    for i, t in enumerate(order):
        args = renumber(t.args, ids)
        out.append(replace(t, id=first_id + i, args=args, deps=tuple(sorted(ids.get(d, d) for d in t.deps)),
                           line=f"{first_id + i}. {format_call(t.tool, args)}"))
    return out


def unused_dropped(tasks: list[Task], unwanted) -> list[Task] | None:
    """The tasks without the ``unwanted`` steps whose result no step uses, renumbered; None where none goes, or
    all would."""
    used = {d for t in tasks for d in t.deps}
    kept = [t for t in tasks if t.id in used or not unwanted(t)]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


#: Only step numbers, with stray marks: "$120.", "$13\n$20"
_BARE_REFS = re.compile(r"^\s*(?:\$\d+[.,;:!]?\s*)+$")


def refs_only_to_no_step(task: Task, value: Any) -> bool:
    """``value`` is only step numbers ("$120.", "$13\n$20"), none of them a step ``task`` depends on: a text the model
    broke, not a step's result."""
    return isinstance(value, str) and bool(_BARE_REFS.match(value)) \
        and not {int(k) for k in re.findall(r"\$(\d+)", value)} & set(task.deps)


def names_no_step(task: Task, value: Any) -> bool:
    """``value`` is a whole ``"$K"`` that names no step ``task`` depends on (kept by ``compile_plan(loose=True)``)."""
    return (k := is_ref(value)) is not None and k not in task.deps


def unresolved_refs(task: Task) -> list[int]:
    """The whole ``"$K"`` values of ``task`` that name no step it depends on (kept by ``compile_plan(loose=True)``)."""
    return sorted(refs_in(list(task.args.values()), whole=True) - set(task.deps))


def is_ref(value: Any) -> int | None:
    """The step id if ``value`` is a whole reference ``"$K"``, else None."""
    if isinstance(value, str):
        m = _WHOLE_REF.match(value.strip())
        if m:
            return int(m.group(1))
    return None


_TYPE_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, (list, tuple)),
    "object": lambda v: isinstance(v, dict),
    "any": lambda v: True,
}


def _check_type(where: str, pname: str, ptype: str, items: str, value: Any, required: bool) -> Any:
    if is_ref(value) is not None:
        return value
    if value is None and not required:
        return value
    if not _TYPE_CHECKS[ptype](value):
        raise PlanError(f"{where}: argument `{pname}` must be {_type_words(ptype, items)}, "
                        f"got {type(value).__name__} {value!r:.60}.")
    if ptype == "array":
        value = list(value)
        if items != "any":
            for v in value:
                if is_ref(v) is None and not _TYPE_CHECKS[items](v):
                    raise PlanError(f"{where}: every item of `{pname}` must be "
                                    f"{_type_words(items, 'any')}, got {v!r:.60}.")
    return value


def _check_shape(where: str, path: str, schema: dict, value: Any) -> None:
    """A nested value against its JSON schema: types, enums, required and unknown keys."""
    if is_ref(value) is not None:
        return
    values = schema.get("enum") or ([schema["const"]] if "const" in schema else None)
    if values is not None and value not in values:
        raise PlanError(f"{where}: `{path}` must be one of {', '.join(map(repr, values))}, not {value!r:.60}.")
    t = schema.get("type", "any")
    if t not in _TYPE_CHECKS:
        return
    if not _TYPE_CHECKS[t](value):
        raise PlanError(f"{where}: `{path}` must be {_type_words(t, 'any')}, got {type(value).__name__} {value!r:.60}.")
    if t == "object" and schema.get("properties"):
        props = schema["properties"]
        unknown = [k for k in value if k not in props]
        if unknown:
            raise PlanError(f"{where}: `{path}` has no key {unknown[0]!r}; its keys are {', '.join(props)}.")
        missing = [k for k in schema.get("required", []) if k not in value]
        if missing:
            raise PlanError(f"{where}: `{path}` needs the key(s) {', '.join(missing)}.")
        for k, v in value.items():
            _check_shape(where, f"{path}.{k}", props[k], v)
    elif t == "array" and schema.get("items"):
        for i, v in enumerate(value):
            _check_shape(where, f"{path}[{i}]", schema["items"], v)


def _type_words(ptype: str, items: str) -> str:
    words = {"string": "a quoted string", "integer": "an integer", "number": "a number",
             "boolean": "True or False", "array": "a list", "object": "a dict", "any": "a literal"}
    if ptype == "array" and items != "any":
        return f"a list of {words[items].split(' ', 1)[1]}s"
    return words[ptype]


def compile_plan(text: str, specs: dict[str, ToolSpec], first_id: int = 1,
                 known_ids: Iterable[int] = (), round: int = 0, loose: bool = False) -> list[Task]:
    """Parse and validate a plan; return its tasks (without the final join) as a DAG.

    ``first_id`` is the number the first step must have (a replan continues the numbering);
    ``known_ids`` are steps of earlier rounds that references may also point to.
    ``loose``: a whole ``"$K"`` naming no step, given where a person, a text or a file goes (a follow-up's
    ``send_sms(recipients=["$2"])`` for "text her the same", ``append_note_content(content="$1200")`` for
    "add 'visit the tile museum' to it"), is kept as written with no dependency, for a rule to put what
    was meant there (``unresolved_refs`` finds it; the checks refuse it if no rule does).
    """
    steps = parse_plan(text)
    if not steps:
        raise PlanError(f"The plan has no steps. End it with `{first_id}. join()` at least.")
    known = set(known_ids)
    calls = {s.id for s in steps if s.tool != JOIN}
    tasks: list[Task] = []
    for i, step in enumerate(steps):
        expected = first_id + i
        if step.id != expected:
            raise PlanError(f"Step numbers must go {first_id}, {first_id + 1}, ... in order: "
                            f"found {step.id} where {expected} was expected.")
        if step.tool == JOIN:
            if step.args or step.kwargs:
                raise PlanError(f"Step {step.id}: join() takes no arguments.")
            if i != len(steps) - 1:
                raise PlanError(f"Step {step.id}: join() must be the last step; "
                                f"move the steps after it before it.")
            return dependency_order(tasks, first_id)
        spec = specs.get(step.tool)
        where = f"Step {step.id} ({step.tool})"
        if spec is None:
            raise PlanError(f"Step {step.id}: unknown tool `{step.tool}`. "
                            f"Available tools: {', '.join(sorted(specs)) or 'none'}.")
        args: dict[str, Any] = {}
        if len(step.args) > len(spec.params):
            raise PlanError(f"{where}: {len(step.args)} positional arguments given but it takes "
                            f"{len(spec.params)} ({', '.join(spec.param_names) or 'none'}).")
        for param, value in zip(spec.params, step.args):
            args[param.name] = value
        for name, value in step.kwargs:
            if spec.param(name) is None:
                raise PlanError(f"{where}: unknown argument `{name}`. "
                                f"Its arguments are: {', '.join(spec.param_names) or 'none'}.")
            if name in args:
                raise PlanError(f"{where}: argument `{name}` is given twice.")
            args[name] = value
        missing = [p.name for p in spec.params if p.required and p.name not in args]
        if missing:
            raise PlanError(f"{where}: missing required argument(s): {', '.join(missing)}.")
        for name, value in list(args.items()):
            p = spec.param(name)
            args[name] = _check_type(where, name, p.type, p.items, value, p.required)
            if p.shape and args[name] is not None:
                _check_shape(where, name, p.schema(), args[name])
            if p.layout and isinstance(args[name], str) and not REF.search(args[name]):
                args[name] = fit_layout(args[name], p.layout)  # "Dec 4 at 10:30" -> "2026-12-04 10:30"
            if p.enum and args[name] is not None and not is_ref(args[name]) and args[name] not in p.enum:
                raise PlanError(f"{where}: `{name}` must be one of {', '.join(map(repr, p.enum))}, "
                                f"not {args[name]!r}.")
        deps = refs_in(list(args.values()))
        whole = refs_in(list(args.values()), whole=True)
        # "$20" inside a longer string, past the plan's last step and no earlier round's, is money
        last = first_id + len(steps) - 1
        deps -= {d for d in deps if d > last and d not in known} - whole
        # a whole "$K" may name a later step of this plan: the steps are put in dependency order below
        later = {d for d in whole if d > step.id and d in calls}
        bad = sorted(d for d in deps if not (first_id <= d < step.id or d in known or d in later))
        if bad and loose:
            people = set().union(*(refs_in(v, whole=True) for n, v in args.items()
                                   if (spec.param(n).role in ("person", "people", "message", "file", "attachments")
                                       or n == "content" or n.endswith("_path"))
                                   and not isinstance(v, dict)))
            deps -= set(bad) & people
            bad = [d for d in bad if d not in people]
        if bad:
            error = LaterRef if bad[0] > step.id and bad[0] in whole else PlanError
            raise error(f"{where}: ${bad[0]} does not refer to an earlier step; "
                        f"a step can only use results of steps before it.")
        tasks.append(Task(step.id, step.tool, args, tuple(sorted(deps)), round, step.line))
    raise PlanError(f"The plan does not end with join(). Add "
                    f"`{first_id + len(steps)}. join()` as the last step.")


def dependency_order(tasks: list[Task], first_id: int) -> list[Task]:
    """The tasks renumbered so that every step comes after the steps whose results it uses.

    A small planner sometimes writes a step before the lookup it needs (``send_sms(recipients=["$4"])``
    as step 3, the phone lookup as step 4). The order is the written one wherever the references
    allow it: the earliest written step whose inputs are ready goes next, so steps before the first
    such reference keep their numbers. A plan whose steps use each other's results is refused."""
    ids = {t.id for t in tasks}
    if all(d < t.id or d not in ids for t in tasks for d in t.deps):
        return tasks
    placed: set[int] = set()
    order: list[Task] = []
    while len(order) < len(tasks):
        ready = next((t for t in tasks if t.id not in placed and all(d in placed or d not in ids for d in t.deps)), None)
        if ready is None:
            loop = sorted(t.id for t in tasks if t.id not in placed)
            raise PlanError(f"Steps {', '.join(map(str, loop))} wait for each other's results, so none can run. "
                            f"Write each lookup before the steps that use it.")
        order.append(ready)
        placed.add(ready.id)
    return renumbered(order, first_id)


def format_value(value: Any) -> str:
    """A literal in the plan language: double-quoted strings, True/False/None, lists, dicts."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{format_value(str(k))}: {format_value(v)}"
                               for k, v in value.items()) + "}"
    return repr(value)


def format_call(tool: str, args: dict[str, Any]) -> str:
    """Render a call in keyword form: ``tool(a="x", b=["$1"])``."""
    return f"{tool}({', '.join(f'{k}={format_value(v)}' for k, v in args.items())})"


def format_plan(tasks: Iterable[Task], join_id: int | None = None) -> str:
    """Render tasks as plan text ending in ``N. join()<END_OF_PLAN>``."""
    tasks = list(tasks)
    lines = [f"{t.id}. {format_call(t.tool, t.args)}" for t in tasks]
    if join_id is None:
        join_id = (max((t.id for t in tasks), default=0) + 1) if lines else 1
    lines.append(f"{join_id}. join(){END_OF_PLAN}")
    return "\n".join(lines)
