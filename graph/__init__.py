"""The agent graph: retrieve -> plan -> compile -> execute -> join, wired with LangGraph."""

from graph.settings import Settings

__all__ = ["Settings", "build_graph"]


def __getattr__(name):  # build_graph pulls in langgraph; import it only when asked for
    if name == "build_graph":
        from graph.graph import build_graph
        return build_graph
    raise AttributeError(name)
