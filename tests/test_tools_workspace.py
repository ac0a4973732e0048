"""Workspace layout and sample data (idempotent, never overwriting), and the default tool set's schemas."""

from __future__ import annotations

import mailbox

import vobject
from icalendar import Calendar
from pypdf import PdfReader

from tinyagent.tools import ToolConfig, default_tools, init_workspace
from tinyagent.tools import sample
from tinyagent.tools.sample import MARKER

TINYAGENT_ARGS = {
    "get_phone_number": ["name"],
    "get_email_address": ["name"],
    "create_calendar_event": ["title", "start_date", "end_date", "location", "invitees", "notes", "calendar"],
    "open_and_get_file_path": ["file_name"],
    "summarize_pdf": ["pdf_path"],
    "compose_new_email": ["recipients", "cc", "subject", "context", "attachments"],
    "reply_to_email": ["cc", "context", "attachments", "message_id"],
    "forward_email": ["recipients", "cc", "context", "attachments", "message_id"],
    "maps_open_location": ["location"],
    "maps_show_directions": ["start_location", "end_location", "transport"],
    "create_note": ["name", "content", "folder"],
    "open_note": ["name", "folder"],
    "append_note_content": ["name", "content", "folder"],
    "create_reminder": ["name", "due_date", "notes", "list_name", "priority", "all_day"],
    "send_sms": ["recipients", "message"],
    "get_zoom_meeting_link": ["topic", "start_time", "duration", "meeting_invitees"],
    "search_documents": ["query", "k"],
    "run_python": ["code"],
}


def _snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".tinyagent" not in p.parts}


def test_layout(tmp_path):
    root = init_workspace(tmp_path / "ws")
    for rel in ("contacts.vcf", "calendar.ics", "reminders.ics", "README.txt"):
        assert (root / rel).is_file(), rel
    for rel in ("Notes", "Documents", "Mail/inbox/cur", "Mail/drafts/new", "Mail/outbox/tmp", "Mail/sent/cur"):
        assert (root / rel).is_dir(), rel
    assert Calendar.from_ical((root / "calendar.ics").read_bytes()).walk("VEVENT") == []


def test_init_is_idempotent_and_keeps_user_files(tmp_path):
    root = init_workspace(tmp_path / "ws")
    (root / "README.txt").write_text("my own readme")
    (root / "Notes" / "Shopping list.md").write_text("my list")
    init_workspace(root, sample=True)
    first = _snapshot(root)
    init_workspace(root, sample=True)
    init_workspace(root)
    assert _snapshot(root) == first
    assert (root / "README.txt").read_text() == "my own readme"
    assert (root / "Notes" / "Shopping list.md").read_text() == "my list"


def test_sample_data(tmp_path):
    root = init_workspace(tmp_path / "ws", sample=True)
    cards = list(vobject.readComponents((root / "contacts.vcf").read_text()))
    assert len(cards) == 12
    assert all(c.email.value.endswith("@example.com") and c.note.value == MARKER for c in cards)
    inbox = mailbox.Maildir(root / "Mail" / "inbox", factory=None, create=False)
    mails = [inbox.get_message(k) for k in inbox.keys()]
    assert len(mails) == len(sample.MAILS) == 7 and all(MARKER in m.get_payload(0).get_payload(decode=True).decode()
                                   if m.is_multipart() else MARKER in m.get_payload() for m in mails)
    pdfs = sorted((root / "Documents").rglob("*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert MARKER in text and len(text) > 500
    notes = sorted((root / "Notes").rglob("*.md"))
    assert len(notes) >= 3 and all(MARKER in n.read_text() for n in notes)


def test_sample_workspace_works_with_the_tools(tmp_path):
    root = init_workspace(tmp_path / "ws", sample=True)
    tools = {t.name: t for t in default_tools(root)}
    assert tools["get_email_address"].invoke({"name": "Sarah Lee"}) == "sarah.lee@example.com"
    path = tools["open_and_get_file_path"].invoke({"file_name": "Lisbon itinerary"})
    assert path == "Documents/Sample/Lisbon_Trip_Itinerary.pdf"
    assert "Lisbon" in tools["summarize_pdf"].invoke({"pdf_path": path})
    assert "Re: Team lunch" in tools["reply_to_email"].invoke({"context": "Works for me!"})
    assert "batteries" in tools["open_note"].invoke({"name": "shopping list"})


def test_default_tools_schemas(tmp_path):
    tools = default_tools(tmp_path / "ws", ToolConfig())
    assert sorted(t.name for t in tools) == sorted(TINYAGENT_ARGS)
    for t in tools:
        schema = t.tool_call_schema.model_json_schema()
        assert list(schema["properties"]) == TINYAGENT_ARGS[t.name], t.name
        first_line = t.description.strip().splitlines()[0]
        assert first_line.endswith(".") and len(first_line) <= 80, t.name
        for name, prop in schema["properties"].items():
            assert prop.get("description"), f"{t.name}.{name}"
    assert not (tmp_path / "ws").exists()  # building the tools writes nothing


def test_config_schema_has_descriptions():
    schema = ToolConfig.model_json_schema()
    assert "summarizer" not in schema["properties"]
    assert all(p.get("description") for p in schema["properties"].values())
