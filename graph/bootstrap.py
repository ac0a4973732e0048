"""Bootstrap: what a session needs on disk before the graph runs (the workspace, the threads store)."""

from __future__ import annotations

from pathlib import Path


def ensure_workspace(path: Path) -> bool:
    """Create the workspace with sample data when it does not exist yet; True if it was created."""
    if Path(path).exists():
        return False
    from tinyagent.tools.workspace import init_workspace
    init_workspace(path, sample=True)
    return True
