"""Tool specs: what the planner, the grammar and the compiler need to know about a tool."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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

    def annotation(self) -> str:
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
        return cls.from_json_schema(tool.name, _first_line(tool.description), json_schema)

    @classmethod
    def from_json_schema(cls, name: str, description: str, schema: dict) -> ToolSpec:
        props = schema.get("properties", {}) or {}
        required = set(schema.get("required", []) or [])
        defs = schema.get("$defs", {})
        params = []
        for pname, prop in props.items():
            ptype, items = _json_type(prop, defs)
            params.append(Param(
                name=pname,
                type=ptype,
                required=pname in required,
                description=prop.get("description", ""),
                items=items,
                default=prop.get("default"),
                role=str(prop.get("x-role", "")),
                enum=tuple(_enum(prop, defs)),
            ))
        # Required arguments first, keeping schema order otherwise, so positional calls are natural.
        params.sort(key=lambda p: not p.required)
        return cls(name=name, description=description, params=tuple(params))


def _first_line(text: str) -> str:
    return (text or "").strip().splitlines()[0].strip() if (text or "").strip() else ""


def _enum(prop: dict, defs: dict) -> list:
    """The allowed values of a property (``enum``, a ``$ref`` to an Enum, or ``Literal`` in Optional)."""
    if "$ref" in prop:
        prop = defs.get(prop["$ref"].split("/")[-1], {})
    if "enum" in prop:
        return list(prop["enum"])
    if "const" in prop:
        return [prop["const"]]
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    return _enum(options[0], defs) if len(options) == 1 else []


def _json_type(prop: dict, defs: dict) -> tuple[str, str]:
    """Reduce a JSON-schema property to (type, item type), unwrapping Optional and $ref."""
    if "$ref" in prop:
        prop = defs.get(prop["$ref"].split("/")[-1], {})
    if "anyOf" in prop:
        options = [o for o in prop["anyOf"] if o.get("type") != "null"]
        if len(options) == 1:
            return _json_type(options[0], defs)
        return "any", "any"
    ptype = prop.get("type", "any")
    if isinstance(ptype, list):
        ptype = next((t for t in ptype if t != "null"), "any")
    if ptype not in TYPES:
        ptype = "any"
    items = "any"
    if ptype == "array":
        items, _ = _json_type(prop.get("items", {}) or {}, defs)
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
