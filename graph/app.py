"""The graph that `langgraph dev` and LangGraph Studio serve (see langgraph.json).

Settings come from TINYAGENT_* environment variables; the server provides threads and persistence,
so no checkpointer is set here. A missing workspace is created with sample data, as `tinyagent chat`
does. The model and the tool index load on the first run.
"""

from tinyagent.graph.bootstrap import ensure_workspace
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings

settings = Settings()
ensure_workspace(settings.workspace_dir)
graph = build_graph(settings=settings)
