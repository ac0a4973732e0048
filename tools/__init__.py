"""TinyAgent's default tools: 16 assistant tools on a local workspace, document search and a Python sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.tools import BaseTool

    from tinyagent.tools.config import ToolConfig
    from tinyagent.tools.paths import Workspace

__all__ = ["ToolConfig", "Workspace", "default_tools", "index_documents", "init_workspace", "tool_risks"]


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
    from tinyagent.tools.paths import Workspace

    ws = Workspace(workspace, config)
    out: list[BaseTool] = []
    for module in (contacts, calendar, files, pdf, mail, maps, notes, sms, meetings, documents, sandbox):
        out.extend(module.tools_for(ws))
    risks = tool_risks(ws.config)
    for t in out:  # how the answer introduces a tool's value (nodes/report/answer.py); what it may do
        t.metadata = {**(t.metadata or {}), "risk": risks.get(t.name, "change")}
        if t.name in ANSWER_LABELS:
            t.metadata["label"] = ANSWER_LABELS[t.name]
    return out


def tool_risks(config: ToolConfig) -> dict[str, str]:
    """What each default tool's call may do under ``config`` (tools/risk.py): "read" changes nothing
    and reaches no one, "change" writes your files, "send" reaches someone or something outside
    the machine (mail and texts count even while they are only drafted or queued: a configured
    server sends them), "delete" may destroy data. No default tool deletes, except run_python
    without its sandbox, which can do anything you can."""
    risks = {name: "read" for name in (
        "get_phone_number", "get_email_address", "open_and_get_file_path", "summarize_pdf",
        "open_note", "search_documents", "maps_open_location", "maps_show_directions",
        "get_zoom_meeting_link", "run_python")}
    risks.update({name: "change" for name in (
        "create_calendar_event", "create_reminder", "create_note", "append_note_content")})
    risks.update({name: "send" for name in (
        "compose_new_email", "reply_to_email", "forward_email", "send_sms")})
    if config.open_browser:  # the browser fetches the URL
        risks.update(maps_open_location="send", maps_show_directions="send", get_zoom_meeting_link="send")
    if config.zoom_configured:  # creates a meeting with invitees through Zoom's API
        risks["get_zoom_meeting_link"] = "send"
    if config.python_sandbox == "none":
        risks["run_python"] = "delete"
    return risks


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


def __getattr__(name: str):
    """ToolConfig and Workspace load on first use, so that `finetune train` can import
    tinyagent.tools.dates on a GPU box without pydantic or langchain."""
    if name == "ToolConfig":
        from tinyagent.tools.config import ToolConfig
        return ToolConfig
    if name == "Workspace":
        from tinyagent.tools.paths import Workspace
        return Workspace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
