"""Create the workspace layout (idempotently, never overwriting user files) and optional sample data."""

from __future__ import annotations

import mailbox
from datetime import timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from tinyagent.tools import clock, sample
from tinyagent.tools.calendar import CALENDAR_FILE, REMINDERS_FILE, empty_calendar
from tinyagent.tools.contacts import CONTACTS_FILE
from tinyagent.tools.inbox import FOLDERS, MAIL_DIR
from tinyagent.tools.notes import NOTES_DIR
from tinyagent.tools.paths import STATE_DIR, Workspace, atomic_write, update_file

DOCUMENTS_DIR = "Documents"
README = f"""This folder is a TinyAgent workspace: the personal data the assistant works on, in open formats.

  {CONTACTS_FILE:<14} contacts (vCard)
  {CALENDAR_FILE:<14} calendar events (iCalendar); other calendars in Calendars/
  {REMINDERS_FILE:<14} reminders (iCalendar VTODO); other lists in Reminders/
  {NOTES_DIR + '/':<14} notes (Markdown), in folders
  {MAIL_DIR + '/':<14} mail (Maildir folders: {', '.join(FOLDERS)})
  {'SMS/':<14} queued text messages (outbox.jsonl)
  {DOCUMENTS_DIR + '/':<14} your documents and PDFs
  {STATE_DIR + '/':<14} TinyAgent's locks and document index

Files marked "{sample.MARKER}" are examples created by `tinyagent workspace init --sample`.
"""


def _create(path: Path, data: str | bytes) -> None:
    """Write ``path`` only if it does not exist yet."""
    if not path.exists():
        atomic_write(path, data)


def init_workspace(path: str | Path, sample: bool = False) -> Path:
    """Create the workspace folder layout; with ``sample``, add the sample data. Returns the path."""
    root = Path(path).expanduser().resolve()
    for sub in (NOTES_DIR, DOCUMENTS_DIR, STATE_DIR, MAIL_DIR):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for folder in FOLDERS:
        mailbox.Maildir(root / MAIL_DIR / folder, create=True)
    _create(root / CONTACTS_FILE, "")
    _create(root / CALENDAR_FILE, empty_calendar("Calendar"))
    _create(root / REMINDERS_FILE, empty_calendar("Reminders"))
    _create(root / "README.txt", README)
    if sample:
        add_sample_data(Workspace(root))
    return root


def make_pdf(title: str, paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(f"TinyAgent ({sample.MARKER})")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 6, sample.SAMPLE_LINE,
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for para in paragraphs:
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def _vcard(name: str, email: str, phone: str, org: str) -> str:
    given, _, family = name.partition(" ")
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"FN:{name}\r\nN:{family};{given};;;\r\nORG:{org}\r\n"
            f"EMAIL;TYPE=INTERNET,PREF:{email}\r\nTEL;TYPE=CELL:{phone}\r\n"
            f"NOTE:{sample.MARKER}\r\nEND:VCARD\r\n")


def add_sample_data(ws: Workspace) -> None:
    """Add each sample item that is missing (by name or Message-ID); existing files stay as they are."""
    root = ws.root
    docs = root / DOCUMENTS_DIR / "Sample"
    for name, (title, paragraphs) in sample.PDFS.items():
        _create(docs / name, make_pdf(title, paragraphs))

    def add_cards(old: bytes | None) -> str:
        text = (old or b"").decode("utf-8", errors="replace")
        have = {line.split(":", 1)[1].strip() for line in text.splitlines()
                if line.upper().startswith("FN") and ":" in line}
        if text and not text.endswith("\n"):
            text += "\r\n"
        return text + "".join(_vcard(*c) for c in sample.CONTACTS if c[0] not in have)

    update_file(ws, root / CONTACTS_FILE, add_cards)

    for name, body in sample.NOTES.items():
        title = name.rsplit("/", 1)[-1]
        _create(root / NOTES_DIR / f"{name}.md", f"# {title}\n\n_{sample.MARKER}_\n\n{body}\n")

    inbox = mailbox.Maildir(root / MAIL_DIR / "inbox", factory=None, create=True)
    with ws.lock(root / MAIL_DIR / "inbox"):
        have = {str(inbox.get_message(k)["Message-ID"]) for k in inbox.keys()}
        # dated from the tools' clock (a pinned TINYAGENT_NOW too), so 'yesterday's email' is the sample's
        # one-day-old email on the day the clock says (read back as UTC, as mail.py reads a zoneless date)
        now = clock.now().replace(microsecond=0, second=0, tzinfo=timezone.utc)
        for msg_id, who, subject, days, body, attachment in sample.MAILS:
            if msg_id in have:
                continue
            name, addr, *_ = sample.CONTACTS[who]
            msg = EmailMessage()
            msg["From"] = formataddr((name, addr))
            msg["To"] = ws.config.mail_from
            msg["Subject"] = subject
            msg["Date"] = format_datetime(now - timedelta(days=days, hours=who))
            msg["Message-ID"] = msg_id
            msg["X-TinyAgent-Sample"] = "yes"
            msg.set_content(f"[{sample.MARKER}]\n\n{body}\n")
            if attachment:
                msg.add_attachment((docs / attachment).read_bytes(), maintype="application",
                                   subtype="pdf", filename=attachment)
            inbox.add(msg)
