"""Text messages: queued to SMS/outbox.jsonl, since no SMS carrier can be reached offline."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import StrList, make_tool
from tinyagent.tools.contacts import resolve_phone
from tinyagent.tools.paths import Workspace, update_file
from tinyagent.tools.wording import message_for_recipient, said_line

OUTBOX = "SMS/outbox.jsonl"


class SmsArgs(BaseModel):
    recipients: StrList = Field(description="Phone numbers or contact names.", json_schema_extra={"x-role": "people"})
    message: str = Field(description="Text of the message.", json_schema_extra={"x-role": "message"})


def send_sms(ws: Workspace, recipients: list[str], message: str) -> str:
    """Send a text message (SMS) to phone numbers or contacts.

    The message is queued in SMS/outbox.jsonl; no SMS carrier is configured, so nothing is delivered.
    """
    numbers = [resolve_phone(ws, who) for who in recipients if str(who).strip()]
    if not numbers:
        raise ToolException("send_sms needs at least one recipient (a phone number or a contact name).")
    if not message.strip():
        raise ToolException("The SMS message is empty; give the text to send.")
    record = {"id": str(uuid.uuid4()), "created": datetime.now().astimezone().isoformat(timespec="seconds"),
              "to": numbers, "message": message_for_recipient(message), "status": "queued"}
    path = ws.root / OUTBOX

    def change(old: bytes | None) -> bytes:
        text = old or b""
        if text and not text.endswith(b"\n"):
            text += b"\n"
        return text + json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"

    update_file(ws, path, change)
    return (f"SMS to {', '.join(numbers)} queued in {OUTBOX}; not delivered, because no SMS carrier is "
            "configured." + said_line(record["message"]))


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, send_sms, SmsArgs)]
