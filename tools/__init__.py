"""TinyAgent's default tools: 16 assistant tools on a local workspace, document search and a Python sandbox."""

from __future__ import annotations

from pathlib import Path

from langchain_core.tools import BaseTool

from tinyagent.tools.config import ToolConfig
from tinyagent.tools.paths import Workspace

__all__ = ["ToolConfig", "Workspace", "default_tools", "index_documents", "init_workspace"]


def default_tools(workspace: str | Path, config: ToolConfig | None = None) -> list[BaseTool]:
    """The default tool set bound to ``workspace`` (TinyAgent's 16 tools, search_documents, run_python)."""
    from tinyagent.tools import (
        calendar,
        contacts,
        documents,
        files,
        mail,
        maps,
        meetings,
        notes,
        pdf,
        sandbox,
        sms,
    )

    ws = Workspace(workspace, config)
    out: list[BaseTool] = []
    for module in (contacts, calendar, files, pdf, mail, maps, notes, sms, meetings, documents, sandbox):
        out.extend(module.tools_for(ws))
    for t in out:  # how the answer introduces a tool's value (nodes/answer.py)
        if t.name in ANSWER_LABELS:
            t.metadata = {**(t.metadata or {}), "label": ANSWER_LABELS[t.name]}
    return out


#: Tool -> the words that introduce its result in the final answer.
ANSWER_LABELS = {"run_python": "Python printed", "summarize_pdf": "Summary", "search_documents": "From your documents",
                 "open_and_get_file_path": "Found the file", "get_zoom_meeting_link": "Meeting link",
                 "open_note": "The note"}


def init_workspace(path: str | Path, sample: bool = False) -> Path:
    """Create the workspace layout (see tools.workspace.init_workspace)."""
    from tinyagent.tools.workspace import init_workspace as _init
    return _init(path, sample=sample)


def index_documents(path: str | Path, workspace: str | Path, config: ToolConfig | None = None) -> dict:
    """Index the documents under ``path`` (see tools.documents.index_documents)."""
    from tinyagent.tools.documents import index_documents as _index
    return _index(path, workspace, config)
