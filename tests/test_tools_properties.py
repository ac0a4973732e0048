"""Property-based: every project tool, given any arguments its schema admits, returns a result or raises a
ToolException (a sentence for the planner), never another exception; arguments the schema does not
admit (arguments are always a mapping, as in a tool call) are refused by the schema (pydantic's ValidationError, which the executor reports as bad
arguments) or by a ToolException. On the sample workspace, with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from langchain_core.tools import ToolException
from pydantic import ValidationError

from tinyagent.tools import ToolConfig, default_tools, init_workspace, tool_risks

#: Strings a planner (or an injected text) may well write: names, dates, paths that try to leave.
INTERESTING = ["", " ", "Sarah Lee", "sarah.lee@example.com", "+1-555-0101", "next Friday at 3pm",
               "tmrw at 9", "2026-12-04 15:00:00", "for 2 hours", "Q3 report", "Groceries", "Notes",
               "../../etc/passwd", "/etc/passwd", "~/.ssh/id_rsa", "Documents/../..", "a\x00b", "*",
               "$1", "Re: Budget", "<new@example.com>", "print(1)", "while True: pass", "x" * 3000,
               "😀 émoji", "Work/Projects", "CON", ".", "..", "-1", "1e309", "null", "~", "~nobody/x"]
TEXT = st.one_of(st.sampled_from(INTERESTING), st.text(max_size=30))


def admitted(schema: dict, defs: dict) -> st.SearchStrategy:
    """Values a JSON schema (pydantic's) admits."""
    if "$ref" in schema:
        return admitted(defs[schema["$ref"].split("/")[-1]], defs)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([admitted(s, defs) for s in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "string":
        return TEXT
    if kind == "integer":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        return st.one_of(st.integers(lo, hi), st.sampled_from([v for v in (0, 1, 60, -1, 10**9)
                                                               if (lo is None or v >= lo) and (hi is None or v <= hi)]))
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(admitted(schema.get("items", {"type": "string"}), defs), max_size=3)
    if kind == "object":
        return st.dictionaries(st.text(max_size=5), TEXT, max_size=2)
    return st.one_of(TEXT, st.integers(), st.none())


#: Values no schema here admits for most fields (and a string where a list is expected, which
#: the tools accept on purpose: small models write one).
ANYTHING = st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), TEXT,
                     st.lists(st.one_of(st.integers(), st.none(), TEXT), max_size=3),
                     st.dictionaries(TEXT, st.integers(), max_size=2))


def arguments(tool, wild: bool) -> st.SearchStrategy:
    schema = tool.args_schema.model_json_schema()
    props, required, defs = schema.get("properties", {}), set(schema.get("required", [])), schema.get("$defs", {})
    fields = {}
    for name, prop in props.items():
        value = ANYTHING if wild else admitted(prop, defs)
        fields[name] = value if name in required else st.one_of(st.just(...), value)  # ...: left out
    extra = st.dictionaries(st.sampled_from(["bogus", "name ", "x"]), ANYTHING, max_size=1) if wild else st.just({})
    return st.builds(lambda d, e: {**{k: v for k, v in d.items() if v is not ...}, **e},
                     st.fixed_dictionaries(fields), extra)


@pytest.fixture(scope="module")
def tools(tmp_path_factory):
    ws = init_workspace(tmp_path_factory.mktemp("props") / "ws", sample=True)
    made = {t.name: t for t in default_tools(ws, ToolConfig(python_timeout_s=2))}
    assert sorted(made) == NAMES
    return made


NAMES = sorted(tool_risks(ToolConfig()))  # every project tool (test_graph checks the list is complete)
#: run_python starts a sandbox per call (about 0.1 s): fewer examples.
EXAMPLES = {"run_python": 8, "search_documents": 15}


def call(tool, args):
    try:
        out = tool.invoke(args)
    except ToolException:
        return "tool"
    except ValidationError:
        return "schema"
    assert out is not None
    return "ok"


@pytest.mark.parametrize("name", NAMES)
def test_admitted_arguments_give_a_result_or_a_tool_exception(tools, name):
    tool = tools[name]

    @settings(max_examples=EXAMPLES.get(name, 30), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(args=arguments(tool, wild=False))
    def check(args):
        assert call(tool, args) in ("ok", "tool"), args  # never a ValidationError: the schema admitted them

    check()


@pytest.mark.parametrize("name", NAMES)
def test_any_arguments_give_a_result_a_refusal_or_a_tool_exception(tools, name):
    tool = tools[name]

    @settings(max_examples=EXAMPLES.get(name, 30), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(args=st.one_of(arguments(tool, wild=True), st.dictionaries(TEXT, ANYTHING, max_size=3)))
    def check(args):
        call(tool, args)  # any other exception fails the test

    check()
