"""Wire the five nodes into a LangGraph state machine."""

from __future__ import annotations

from typing import Any, Sequence

from langchain_core.tools import BaseTool
from langgraph.graph import END, START, StateGraph

from tinyagent.graph.settings import Settings
from tinyagent.nodes.state import InputState, OutputState, State
from tinyagent.nodes.compile import make_compile, route_after_compile
from tinyagent.nodes.context import recursion_limit
from tinyagent.nodes.execute import make_execute
from tinyagent.nodes.join import make_join, route_after_join
from tinyagent.nodes.plan import make_plan
from tinyagent.nodes.resources import Resources
from tinyagent.nodes.retrieve import make_retrieve


def default_tools(settings: Settings) -> list[BaseTool]:
    """The project's tool set on the settings' workspace (created, empty, if missing)."""
    from tinyagent.tools import ToolConfig
    from tinyagent.tools import default_tools as make_tools
    from tinyagent.tools.workspace import init_workspace

    workspace = init_workspace(settings.workspace_dir)
    return make_tools(workspace, ToolConfig())


def load_model(settings: Settings | None = None) -> Any:
    """The settings' GGUF (and adapter) as a LangChain LLM, to pass as ``llm=`` to many graphs.

    The graphs then share one llama.cpp model: its runs take turns on it (one lock), so this saves
    memory and start-up, not time; for throughput run several processes or a model server."""
    from tinyagent.nodes.model.llm import load_llama
    return load_llama(settings or Settings())


def open_index(settings: Settings | None = None) -> Any:
    """The tool index under the settings' data dir, with the solved examples, to pass as ``index=``
    to many graphs; each graph adds its own tools to it, and retrieval only ever returns a graph's
    own tools."""
    from tinyagent.store.tool_index import ToolIndex, load_examples
    index = ToolIndex((settings or Settings()).store_dir)
    index.sync_examples(load_examples())
    return index


def build_graph(tools: Sequence[BaseTool] | None = None, settings: Settings | None = None,
                checkpointer: Any = None, llm: Any = None, index: Any = None):
    """The compiled agent graph.

    tools: any LangChain tools (default: the project's tool set on the settings' workspace).
    settings: model, adapter and limits (default: Settings() from TINYAGENT_* variables).
    checkpointer: a LangGraph checkpointer for threads and interrupts (approval needs one).
    The run-time options (``graph.context_schema``: dry_run, approve, max_replans, today, ...)
    default to these settings; pass ``context={...}`` with the ones a run changes.
    llm: a LangChain LLM or chat model to plan with instead of loading the settings' GGUF
        (``load_model()`` loads it once for many graphs).
    index: a ToolIndex to use instead of opening the one under the settings' data dir
        (``open_index()``); the graph adds its tools to it on first use.
    """
    settings = settings or Settings()
    if llm is None:
        settings.check()  # a wrong model path fails now, not at the first request
    res = Resources(settings, list(tools) if tools is not None else default_tools(settings), llm, index)

    builder = StateGraph(State, context_schema=res.context_type, input_schema=InputState,
                         output_schema=OutputState)
    builder.add_node("retrieve", make_retrieve(res))
    builder.add_node("plan", make_plan(res))
    builder.add_node("compile", make_compile(res))
    builder.add_node("execute", make_execute(res))
    builder.add_node("join", make_join(res))
    builder.add_edge(START, "retrieve")
    builder.add_edge("retrieve", "plan")
    builder.add_edge("plan", "compile")
    builder.add_conditional_edges("compile", route_after_compile, ["plan", "execute", "join", END])
    builder.add_edge("execute", "join")
    builder.add_conditional_edges("join", route_after_join, ["plan", END])
    graph = builder.compile(checkpointer=checkpointer, name="tinyagent")
    # room for the most new plans a run's context may allow (LangGraph's default of 25 is not)
    graph = graph.with_config(recursion_limit=recursion_limit())
    graph.resources = res  # for the CLI and benchmarks: tools, specs, the loaded model
    return graph
