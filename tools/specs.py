"""Tool specs: what the planner, the grammar and the compiler need to know about a tool."""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tinyagent.tools.dates import layout_of

if TYPE_CHECKING:  # only a type here: `finetune train` imports this module on a box without langchain
    from langchain_core.tools import BaseTool

#: JSON-schema type names the plan language understands; anything else is "any".
TYPES = ("string", "integer", "number", "boolean", "array", "object", "any")

_PY_NAMES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
             "array": "list", "object": "dict", "any": "any"}


@dataclass(frozen=True)
class Param:
    """One argument of a tool."""

    name: str
    type: str = "any"
    required: bool = False
    description: str = ""
    items: str = "any"  # element type of an array
    default: Any = None
    role: str = ""  # "when": the person's words for a time, resolved by the tool (schema key x-role)
    enum: tuple = ()  # the allowed values, when the schema lists them
    key: str = ""  # the name the tool takes it by, when the plan may not use it (`class`, an alias)
    shape: str = ""  # JSON schema of a nested value (an object with properties, a list of objects)
    layout: str = ""  # strftime pattern of a date/time the tool wants ("%Y-%m-%d"), from its schema

    @property
    def tool_key(self) -> str:
        return self.key or self.name

    def schema(self) -> dict | None:
        """The nested value's JSON schema (refs resolved), or None for a flat one."""
        return json.loads(self.shape) if self.shape else None

    def annotation(self) -> str:
        if self.enum:
            return "|".join(json.dumps(v) for v in self.enum)
        if self.shape:
            return _shape_words(self.schema())
        base = _PY_NAMES[self.type]
        if self.type == "array" and self.items != "any":
            base = f"list[{_PY_NAMES[self.items]}]"
        return base


@dataclass(frozen=True)
class ToolSpec:
    """A tool as the planner sees it: name, one-line description, ordered parameters."""

    name: str
    description: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    tool_name: str = ""  # the tool's own name, when the plan may not use it (`math.factorial`)
    details: str = ""  # the rest of the tool's description, after its first line

    @property
    def real_name(self) -> str:
        return self.tool_name or self.name

    @property
    def roles(self) -> frozenset[str]:
        """The roles its parameters have (schema key ``x-role``): "people", "file", "attachments", ..."""
        return frozenset(p.role for p in self.params if p.role)

    def with_role(self, role: str) -> str | None:
        """The name of its first parameter of ``role`` ("received", "question", ...), or None."""
        return next((p.name for p in self.params if p.role == role), None)

    def tool_args(self, args: dict[str, Any]) -> dict[str, Any]:
        """A plan's arguments under the names the tool takes them by."""
        return {(self.param(k).tool_key if self.param(k) else k): v for k, v in args.items()}

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def signature(self) -> str:
        """``name(a: str, b: list[str] = None) - description``, the line shown to the planner."""
        parts = []
        for p in self.params:
            part = f"{p.name}: {p.annotation()}"
            if not p.required:
                part += f" = {p.default!r}"
            parts.append(part)
        return f"{self.name}({', '.join(parts)}) - {self.description}"

    @classmethod
    def from_tool(cls, tool: BaseTool) -> ToolSpec:
        schema = tool.tool_call_schema
        if isinstance(schema, dict):
            json_schema = schema
        else:
            json_schema = schema.model_json_schema()
        full = tool.args_schema if isinstance(tool.args_schema, dict) else (
            tool.args_schema.model_json_schema() if tool.args_schema is not None else {})
        for name, prop in (full.get("properties") or {}).items():  # tool_call_schema drops x-role
            if "x-role" in prop and name in json_schema.get("properties", {}):
                json_schema = {**json_schema, "properties": {
                    **json_schema["properties"], name: {**json_schema["properties"][name], "x-role": prop["x-role"]}}}
        # LangChain shows a pydantic field by its name; the tool is called by its alias
        aliases = {}
        fields = getattr(tool.args_schema, "model_fields", None) if not isinstance(tool.args_schema, dict) else None
        for fname, info in (fields or {}).items():
            if getattr(info, "alias", None) and info.alias != fname:
                aliases[fname] = info.alias
        first, rest = _split_description(tool.description)
        return cls.from_json_schema(tool.name, first, json_schema, details=rest, aliases=aliases)

    @classmethod
    def from_json_schema(cls, name: str, description: str, schema: dict, details: str = "",
                         aliases: dict[str, str] | None = None) -> ToolSpec:
        """``aliases``: property name -> the name the tool is called with, where they differ."""
        props = schema.get("properties", {}) or {}
        required = set(schema.get("required", []) or [])
        defs = schema.get("$defs", {})
        aliases = aliases or {}
        params = []
        for pname, prop in props.items():
            shape = _resolve(prop, defs)  # $ref inlined, Optional unwrapped
            ptype, items = _json_type(shape)
            key = aliases.get(pname, pname)
            shown = plan_identifier(key)
            params.append(Param(
                name=shown,
                type=ptype,
                required=pname in required,
                description=" ".join(str(prop.get("description", "") or shape.get("description", "")).split()),
                items=items,
                default=prop.get("default"),
                role=str(prop.get("x-role", "")),
                enum=tuple(_enum(shape)),
                key=key if key != shown else "",
                shape=json.dumps(shape) if _is_nested(shape) else "",
                layout=(layout_of(str(shape.get("format", "")), str(prop.get("description", "")))
                        or layout_of("", said_of(key, f"{description}\n{details}")))
                if ptype == "string" and not prop.get("x-role") else "",
            ))
        # Required arguments first, keeping schema order otherwise, so positional calls are natural.
        params.sort(key=lambda p: not p.required)
        shown = plan_identifier(name)
        return cls(name=shown, description=description, params=tuple(params),
                   tool_name=name if name != shown else "", details=details)


def plan_identifier(name: str) -> str:
    """A name the plan language can write: ``math.factorial`` -> ``math_factorial``,
    ``get-weather`` -> ``get_weather``, ``class`` -> ``class_``; a name that already is one stays."""
    out = re.sub(r"\W", "_", name, flags=re.ASCII) or "_"
    if out[0].isdigit():
        out = "_" + out
    if keyword.iskeyword(out) or out == "join":
        out += "_"
    return out


def said_of(name: str, text: str) -> str:
    """What a tool's description says a parameter is ("send_at is an ISO 8601 date-time" ->
    "is an ISO 8601 date-time"): the clauses that begin with its name, "" when none does."""
    return " ".join(m.group(1) for m in re.finditer(
        rf"(?<![\w'\"]){re.escape(name)}\s+((?:is|are|must be|should be|as|in)\b[^.;]*)", text))


def _split_description(text: str) -> tuple[str, str]:
    """(first line, the rest as one line) of a tool's description."""
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    if not lines:
        return "", ""
    return lines[0], " ".join(" ".join(lines[1:]).split())


def _resolve(prop: dict, defs: dict, depth: int = 0) -> dict:
    """A property's schema with ``$ref`` inlined and Optional (anyOf with null) unwrapped."""
    if depth > 6 or not isinstance(prop, dict):
        return {}
    if "$ref" in prop:
        target = defs.get(prop["$ref"].split("/")[-1], {})
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    if "anyOf" in prop:
        options = [o for o in prop["anyOf"] if o.get("type") != "null"]
        if len(options) == 1:
            rest = {k: v for k, v in prop.items() if k != "anyOf"}
            return {**_resolve(options[0], defs, depth + 1), **rest}
    out = {k: v for k, v in prop.items()
           if k in ("type", "enum", "const", "description", "default", "required", "format")}
    if isinstance(out.get("type"), list):
        out["type"] = next((t for t in out["type"] if t != "null"), "any")
    if isinstance(prop.get("properties"), dict):
        out["properties"] = {k: _resolve(v, defs, depth + 1) for k, v in prop["properties"].items()}
        out.setdefault("type", "object")
    if isinstance(prop.get("items"), dict):
        out["items"] = _resolve(prop["items"], defs, depth + 1)
    return out


def _is_nested(shape: dict) -> bool:
    """True for an object with named properties or a list whose items are objects or lists."""
    if shape.get("type") == "object" and shape.get("properties"):
        return True
    items = shape.get("items") or {}
    return shape.get("type") == "array" and (items.get("type") in ("object", "array") or bool(items.get("properties")))


def _shape_words(shape: dict) -> str:
    """A nested schema in the signature's notation: ``list[{sku: str, qty?: int}]``."""
    t = shape.get("type", "any")
    if t == "object" and shape.get("properties"):
        req = set(shape.get("required", []))
        inner = ", ".join(f"{k}{'' if k in req else '?'}: {_shape_words(v)}" for k, v in shape["properties"].items())
        return "{" + inner + "}"
    if t == "array":
        items = shape.get("items") or {}
        return f"list[{_shape_words(items)}]" if items else "list"
    if "enum" in shape:
        return "|".join(json.dumps(v) for v in shape["enum"])
    return _PY_NAMES.get(t if t in TYPES else "any", "any")


def _enum(shape: dict) -> list:
    """The allowed values of a resolved property (``enum``, an Enum's ``$ref``, ``Literal``, ``const``)."""
    if "enum" in shape:
        return list(shape["enum"])
    return [shape["const"]] if "const" in shape else []


def _json_type(shape: dict) -> tuple[str, str]:
    """A resolved property as (type, item type); a union of several types is "any"."""
    ptype = shape.get("type", "any")
    if ptype not in TYPES:
        ptype = "any"
    items = "any"
    if ptype == "array":
        items, _ = _json_type(shape.get("items") or {})
        if items in ("array", "object"):
            items = "any"
    return ptype, items


def specs_for(tools) -> dict[str, ToolSpec]:
    """Name -> spec for a list of tools (BaseTool or ToolSpec)."""
    out = {}
    for t in tools:
        spec = t if isinstance(t, ToolSpec) else ToolSpec.from_tool(t)
        out[spec.name] = spec
    return out
