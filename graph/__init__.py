"""The agent graph: retrieve -> plan -> compile -> execute -> join, wired with LangGraph."""

from tinyagent.graph.settings import Settings
from tinyagent.nodes.context import Context

__all__ = ["Context", "Settings", "build_graph", "load_model", "open_index"]


def __getattr__(name):  # these pull in langgraph; import them only when asked for
    if name in ("build_graph", "load_model", "open_index"):
        from tinyagent.graph import graph
        return getattr(graph, name)
    raise AttributeError(name)
