"""Run-time settings of the tools: allowed folders, mail server, meeting provider, sandbox limits."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema


class ToolConfig(BaseModel):
    """Settings shared by the default tools; every field has a safe offline default."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    allowed_roots: list[Path] = Field(
        default=[], description="Folders outside the workspace that tools may read (file search, attachments, PDFs).")
    open_browser: bool = Field(
        default=False, description="Open map and meeting URLs in the web browser (off: only return the URL).")
    smtp_host: str | None = Field(
        default=None, description="SMTP server that sends mail; unset: mails are saved as drafts, never sent.")
    smtp_port: int = Field(default=25, description="Port of the SMTP server.")
    smtp_user: str | None = Field(default=None, description="SMTP login name (unset: no login).")
    smtp_password: str | None = Field(default=None, description="SMTP password.")
    smtp_starttls: bool = Field(default=False, description="Upgrade the SMTP connection with STARTTLS.")
    mail_from: str = Field(default="me@localhost", description="Sender address of composed mails.")
    zoom_account_id: str | None = Field(
        default=None, description="Zoom server-to-server OAuth account id; unset: Jitsi Meet links are used.")
    zoom_client_id: str | None = Field(default=None, description="Zoom OAuth client id.")
    zoom_client_secret: str | None = Field(default=None, description="Zoom OAuth client secret.")
    index_dir: Path | None = Field(
        default=None, description="Chroma folder of the document index (default <workspace>/.tinyagent/index).")
    summarizer: SkipJsonSchema[Callable[[str], str] | None] = Field(
        default=None, exclude=True,
        description="Optional function that summarizes text with the local model; unset: extractive summary.")
    python_timeout_s: float = Field(default=10, gt=0, description="Wall-clock and CPU-time limit of run_python.")
    python_memory_mb: int = Field(default=256, gt=16, description="Address-space limit of run_python in MiB.")
    python_output_chars: int = Field(
        default=10000, gt=0, description="run_python keeps at most this many characters of stdout and of stderr.")
    python_max_processes: int = Field(
        default=32, ge=4, description="Most processes and threads run_python's code may have at once.")
    python_sandbox: Literal["auto", "bwrap", "unshare", "none"] = Field(
        default_factory=lambda: os.environ.get("TINYAGENT_PYTHON_SANDBOX", "auto"),
        description=("How run_python isolates code: 'auto' (bubblewrap, else unshare; refuses to run "
                     "when the kernel offers neither), 'bwrap', 'unshare', or 'none': no isolation, "
                     "the code can read your files and use the network (env TINYAGENT_PYTHON_SANDBOX)."))

    @property
    def smtp_configured(self) -> bool:
        return bool(self.smtp_host)

    @property
    def zoom_configured(self) -> bool:
        return bool(self.zoom_account_id and self.zoom_client_id and self.zoom_client_secret)
