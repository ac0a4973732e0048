"""GBNF grammar that makes the planner's output parse by construction."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Iterable

from tinyagent.tools.specs import Param, ToolSpec

#: Steps a plan may have: 8, as in the training data; a request of more asks gets 2 per ask, up to
#: MAX_STEPS (a small model given room it does not need repeats steps until its tokens run out).
PLAN_STEPS = 8
#: Roles of parameters whose strings name a person or a file (tools/specs.py, schema key x-role).
HANDLE_ROLES = frozenset({"people", "attachments"})
MAX_STEPS = 12


def steps_for(n_asks: int) -> int:
    """How many steps a plan for a request of ``n_asks`` asks may have."""
    return min(MAX_STEPS, max(PLAN_STEPS, 2 * n_asks))


def _lit(text: str) -> str:
    return json.dumps(text)


def _rule_name(*parts: object) -> str:
    return "-".join(re.sub(r"[^a-zA-Z0-9]+", "-", str(p)).strip("-").lower() or "x" for p in parts)


class _Builder:
    def __init__(self) -> None:
        self.rules: dict[str, str] = {}

    def add(self, name: str, body: str) -> str:
        self.rules.setdefault(name, body)
        return name

    def text(self) -> str:
        root = self.rules.pop("root")
        return "\n".join([f"root ::= {root}"] + [f"{k} ::= {v}" for k, v in self.rules.items()])


def _common(b: _Builder) -> None:
    b.add("ws", '" "?')
    b.add("int", '"-"? [0-9] [0-9]*')
    b.add("num", 'int ("." [0-9] [0-9]*)?')
    b.add("bool", '"True" | "False"')
    b.add("none", '"None"')


def _refs(b: _Builder, allowed: list[int]) -> str | None:
    """Rule matching the digits of any allowed reference, or None when there is none."""
    if not allowed:
        return None
    key = _rule_name("refnum", *allowed) if len(allowed) < 12 else _rule_name(
        "refnum", hashlib.sha1(repr(sorted(allowed)).encode()).hexdigest()[:10])
    return b.add(key, " | ".join(_lit(str(i)) for i in sorted(allowed, key=lambda n: -n)))


@dataclass(frozen=True)
class _Refs:
    """The references a step may write: ``text`` (rule of the digits of earlier steps, also inside
    longer text) and ``later`` (later steps of the plan, only as a whole value ``"$K"``:
    planlang.compile_plan puts the steps in dependency order)."""

    text: str | None = None
    later: str | None = None

    @property
    def key(self) -> str:
        return "-".join(r for r in (self.text, self.later) if r) or "noref"


_NOREFS = _Refs()


def _string(b: _Builder, refs: _Refs) -> str:
    """A double-quoted string. After ``$`` only a reference to an earlier step (``$K``), money no
    step number can be (``$13`` and up, cents allowed: ``$20.50``) or a non-digit ("$ amount"); or
    the whole string a reference to a later step. planlang.compile_plan reads a ``$K`` past the
    plan's last step as text, the same way, but a whole value ``"$43"`` as a reference: money is
    never the whole string (``attachments=["$43"]`` would name a step that does not exist)."""
    money = b.add("money", '( "1" [3-9] | [2-9] [0-9] | [1-9] [0-9] [0-9]+ ) ( "." [0-9] [0-9] )?')
    other = '[^0-9"\\\\\\n$]' + (f" | {refs.text}" if refs.text else "")
    elem = rf'( [^"\\\n$] | "\\" ["\\nt] | "$" ( {money} | {other} ) )'
    # a string that starts with a reference goes on with no digit right after it: "$1" and then
    # "5" is the whole value "$15", which compile_plan reads as a reference to step 15. (The same
    # for an amount, "$530" and then "6", was measured and not kept: with it the planner wrote
    # garbage for "I want to return SKU-5512 from order 100871", right without it.)
    plain = rf'( [^0-9"\\\n$] | "\\" ["\\nt] | "$" ( {money} | {other} ) )'
    led = f' | "$" {refs.text} ( {plain} {elem}* )?' if refs.text else ""
    body = (rf'"\"" ( ( [^"\\\n$] | "\\" ["\\nt] | "$" [^0-9"\\\n$] ) {elem}* | "$" {money} {elem} {elem}*{led} )? '
            rf'"\""')
    if refs.later:
        body += f' | "\\"$" {refs.later} "\\""'
    return b.add(f"str-{refs.key}", body)


def _handle(b: _Builder, refs: _Refs) -> str:
    """A string naming a person or a file (``recipients``, ``invitees``, ``attachments``): a name,
    an address or a path, which never starts with ``$``, or exactly a reference ``"$K"`` to an
    earlier step (or a later one of this plan). No money and no text after a reference: the model
    wrote ``invitees=["$42'])  # Added ...`` and ran on to the token limit inside the string."""
    alts = [r'"\"" ( ( [^"\\\n$] | "\\" ["\\nt] ) ( [^"\\\n] | "\\" ["\\nt] )* )? "\""']
    for rule in (refs.text, refs.later):
        if rule:
            alts.append(f'"\\"$" {rule} "\\""')
    return b.add(f"handle-{refs.key}", " | ".join(alts))


def _ref(b: _Builder, refs: _Refs) -> str | None:
    """Rule for a whole-argument reference ``"$K"`` to an earlier step where the value is not a
    string (a number, a list, a choice), or None when there is none. A later step is named only
    where a string goes: in a number's place the model's opening quote would otherwise become one
    (``values=["$3", "$7"]`` for ``values=[3, 7]``)."""
    return b.add(f"ref-{refs.text}", f'"\\"$" {refs.text} "\\""') if refs.text else None


def _value(b: _Builder, ptype: str, items: str, refnum: _Refs, optional: bool, handle: bool = False) -> str:
    s = _handle(b, refnum) if handle else _string(b, refnum)
    ref = _ref(b, refnum)
    scalar = {"string": s, "integer": "int", "number": "num", "boolean": "bool"}
    if ptype in scalar:
        alts = [scalar[ptype]] + ([ref] if ref and ptype != "string" else [])
    elif ptype == "array":
        elem = _value(b, items if items in scalar else "any-scalar", "any", refnum, False,
                      handle and items == "string")
        arr = b.add(f"arr-{elem}", f'"[" ( {elem} ( ", " {elem} )* )? "]"')
        alts = [arr] + ([ref] if ref else [])
    elif ptype == "object":
        key_s = _string(b, _NOREFS)
        val = _value(b, "any-scalar", "any", refnum, False)
        obj = b.add(f"obj-{val}", f'"{{" ( {key_s} ": " {val} ( ", " {key_s} ": " {val} )* )? "}}"')
        alts = [obj] + ([ref] if ref else [])
    elif ptype == "any-scalar":
        alts = [s, "num", "bool", "none"]
    else:  # any
        arr = _value(b, "array", "any", refnum, False)
        alts = [s, "num", "bool", "none", arr]
    name = _rule_name("v", ptype, items, refnum.key, "opt" if optional else "req", "handle" if handle else "")
    return b.add(name, " | ".join(alts))


def _in_order(must: list[str], may: list[str]) -> str:
    """Items joined by ", ": every ``must`` one in order, then each ``may`` one or not, in order.
    With no ``must`` item, any ordered subset of the ``may`` ones, possibly empty ("" for none)."""
    if must:
        return ' ", " '.join(must) + "".join(f' ( ", " {o} )?' for o in may)
    if not may:
        return ""
    tails = [o + "".join(f' ( ", " {x} )?' for x in may[i + 1:]) for i, o in enumerate(may)]
    return "( " + " | ".join(f"( {t} )" for t in tails) + " )?"


def _shaped(b: _Builder, schema: dict, refnum: _Refs, depth: int = 0) -> str:
    """A value that follows a nested JSON schema: objects with their named keys (the required ones
    in order, then each optional one or not), lists of such objects, enums as their only values."""
    key = hashlib.sha1(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:10]
    name = _rule_name("shape", key, refnum.key)
    if name in b.rules:
        return name
    ref = _ref(b, refnum)
    t = schema.get("type", "any")
    if "enum" in schema or "const" in schema:
        values = schema.get("enum") or [schema.get("const")]
        alts = [_lit(json.dumps(v) if isinstance(v, str) else repr(v)) for v in values]
    elif t == "object" and schema.get("properties") and depth < 4:
        req = set(schema.get("required", []))
        fields = [(k, f'{_lit(json.dumps(k) + ": ")} {_shaped(b, v, refnum, depth + 1)}')
                  for k, v in schema["properties"].items()]
        body = _in_order([f for k, f in fields if k in req], [f for k, f in fields if k not in req])
        alts = [f'"{{" {body} "}}"' if body else '"{}"']
    elif t == "array" and depth < 4:
        elem = _shaped(b, schema.get("items") or {}, refnum, depth + 1)
        alts = [f'"[" ( {elem} ( ", " {elem} )* )? "]"']
    elif t in ("string", "integer", "number", "boolean", "object", "array"):
        return _value(b, t, "any", refnum, False)
    else:
        return _value(b, "any", "any", refnum, False)
    if ref:
        alts.append(ref)
    return b.add(name, " | ".join(alts))


#: Roles whose value is copied from the person's words (nodes/request/spans.py): who to look up, which file or note.
COPIED_ROLES = frozenset({"person", "file", "note"})


def _call(b: _Builder, spec: ToolSpec, refnum: _Refs, when: list[str] | None = None,
          spans: list[str] | None = None) -> str:
    """``tool(kw=value, ...)``: required arguments in order, optional ones in order, each optional.

    ``when``: the request's own words for times (tools.date_phrases.find_phrases). An argument with the
    role "when" may only copy one of them; with none in the request, an optional one is left out.
    An optional argument is written with a value or left out, never as None; an argument with an
    ``enum`` takes only its allowed values.
    """
    def arg(p: Param) -> str:
        if p.enum:  # only the allowed values (or a reference to an earlier result)
            ref = _ref(b, refnum)
            body = " | ".join([_lit(repr(v) if not isinstance(v, str) else json.dumps(v)) for v in p.enum]
                              + ([ref] if ref else []))
            return f'"{p.name}=" ' + b.add(_rule_name("enum", spec.name, p.name, refnum.key), body)
        if p.shape:
            return f'"{p.name}=" ' + _shaped(b, p.schema(), refnum)
        if p.role == "when" and when:
            return f'"{p.name}=" ' + b.add("when-choice", " | ".join(_lit(json.dumps(w)) for w in when))
        if p.role in COPIED_ROLES and p.type == "string" and spans:  # a span of the person's words
            ref = _ref(b, refnum)
            return f'"{p.name}=" ' + b.add(_rule_name("span", refnum.key),
                                           " | ".join([_lit(json.dumps(w)) for w in spans] + ([ref] if ref else [])))
        return f'"{p.name}=" ' + _value(b, p.type, p.items, refnum, not p.required,
                                        p.role in HANDLE_ROLES and p.type in ("string", "array"))

    params = [p for p in spec.params if p.required or p.role != "when" or when]
    req = [arg(p) for p in params if p.required]
    opt = [arg(p) for p in params if not p.required]
    base = _rule_name("call", spec.name, refnum.key)
    args = b.add(base + "-args", _in_order(req, opt) or '""')
    return b.add(base, f'"{spec.name}(" {args} ")"')


def money_amounts(query: str) -> set[int]:
    """The whole amounts a request writes as ``$K`` ("$15", not "$15.50" or "$1,200")."""
    return {int(m) for m in re.findall(r"\$(\d+)(?!\d)(?![.,]\d)", query)}


def plan_grammar(specs: Iterable[ToolSpec], first_id: int = 1, known_ids: Iterable[int] = (),
                 max_steps: int = PLAN_STEPS, when: list[str] | None = None,
                 money: Iterable[int] = (), spans: list[str] | None = None) -> str:
    """Grammar for a whole plan: up to ``max_steps`` numbered calls of these tools, then join().

    ``when``: the request's words for times; date arguments may only copy one of them.
    ``spans``: runs of the person's words (nodes/request/spans.py); who to look up and which file or note to
    open may only copy one of them.
    ``money``: amounts the request writes as ``$K`` ("request $15 from @omar"): a whole value
    ``"$15"`` is never a reference to a later step 15 (the planner wrote ``handle="$15"``, which
    compile_plan reads as one, and each replan wrote it again)."""
    money = set(money)
    specs = list(specs)
    b = _Builder()
    _common(b)
    known = sorted(set(known_ids))
    last = first_id + max_steps
    for n in range(first_id, last + 1):
        join = f'"{n}. join()<END_OF_PLAN>"'
        if n == last or not specs:
            b.add(f"rest-{n}", join)
            continue
        # an earlier step, or (a whole value) a later one of this plan
        refnum = _Refs(_refs(b, known + list(range(first_id, n))),
                       _refs(b, [k for k in range(n + 1, last) if k not in money]))
        calls = " | ".join(_call(b, s, refnum, when, spans) for s in specs)
        step = b.add(f"step-{n}", f'"{n}. " ( {calls} ) "\\n"')
        b.add(f"rest-{n}", f"{join} | {step} rest-{n + 1}")
    b.add("root", f"rest-{first_id}")
    return b.text()
