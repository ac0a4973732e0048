"""The agent graph: retrieve -> plan -> compile -> execute -> join, wired with LangGraph."""

from graph.settings import Settings

__all__ = ["Settings", "build_graph", "load_model", "open_index"]


def __getattr__(name):  # these pull in langgraph; import them only when asked for
    if name in ("build_graph", "load_model", "open_index"):
        from graph import graph
        return getattr(graph, name)
    raise AttributeError(name)
