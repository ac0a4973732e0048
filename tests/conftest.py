"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The adapter merged into the model (nodes/model/merged_model.py) is built once for the whole test run, in
# the repository's ignored .cache, not once per test's temporary data dir.
os.environ.setdefault("TINYAGENT_MODEL_CACHE_DIR", str(Path(__file__).resolve().parent.parent / ".cache" / "models"))

# --- tools/ ------------------------------------------------------------------------------------

TOOLS_TEST_CONTACTS = """BEGIN:VCARD
VERSION:3.0
FN:Sarah Lee
N:Lee;Sarah;;;
EMAIL;TYPE=INTERNET:sarah.lee@example.com
TEL;TYPE=CELL:+1-555-0101
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Sarah Chen
N:Chen;Sarah;;;
EMAIL;TYPE=INTERNET:sarah.chen@example.com
TEL;TYPE=WORK:+1-555-0199
TEL;TYPE=CELL:+1-555-0102
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Marcus Chen
N:Chen;Marcus;;;
EMAIL;TYPE=INTERNET:marcus.chen@example.com
TEL;TYPE=CELL:+1-555-0103
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Tom Becker
N:Becker;Tom;;;
NICKNAME:Tommy
EMAIL;TYPE=INTERNET:tom.becker@example.com
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:José Álvarez
N:Álvarez;José;;;
TEL;TYPE=CELL:+34 600 000 111
END:VCARD
"""


@pytest.fixture
def tools_workspace(tmp_path: Path) -> Path:
    """An empty workspace (tools.init_workspace) with five test contacts."""
    from tinyagent.tools import init_workspace

    root = init_workspace(tmp_path / "ws")
    (root / "contacts.vcf").write_text(TOOLS_TEST_CONTACTS, encoding="utf-8")
    return root


@pytest.fixture
def make_tools(tools_workspace: Path):
    """``make_tools(**config)`` -> {name: tool} from tools.default_tools on ``tools_workspace``."""
    from tinyagent.tools import ToolConfig, default_tools

    def make(**config) -> dict:
        return {t.name: t for t in default_tools(tools_workspace, ToolConfig(**config))}
    return make


@pytest.fixture(scope="session")
def specs():
    """The default tools' specs, as the planner and the compiler see them (a module may define its own)."""
    from tinyagent.finetune.data import real_specs

    return real_specs()
