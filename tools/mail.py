"""E-mail: RFC 5322 messages with attachments in the workspace's Maildir, sent only via a configured SMTP server."""

from __future__ import annotations

import mailbox
import mimetypes
import re
import smtplib
from collections.abc import Sequence
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, getaddresses, make_msgid
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools import cancel
from tinyagent.tools.base import StrList, make_tool
from tinyagent.tools.contacts import resolve_address
from tinyagent.tools.files import find_file
from tinyagent.tools.inbox import MAIL_DIR, describe_target, email_label, header, inbox_message, maildir
from tinyagent.tools.paths import Workspace, disk_full
from tinyagent.tools.wording import message_for_recipient, said_line, subject_for

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def _addresses(ws: Workspace, people: list[str]) -> list[str]:
    out = []
    for who in people:
        if str(who).strip():
            name, addr = resolve_address(ws, str(who))
            out.append(formataddr((name, addr)) if name else addr)
    return out


def _attach(ws: Workspace, msg: EmailMessage, attachments: list[str]) -> list[str]:
    names = []
    for item in attachments:
        if not str(item).strip():
            continue
        path = find_file(ws, str(item))
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ToolException(f"{path.name} is {size // 2**20} MiB; attachments are limited to 25 MiB.")
        ctype, encoding = mimetypes.guess_type(path.name)
        if ctype is None or encoding is not None:
            ctype = "application/octet-stream"
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
        names.append(path.name)
    return names


def _new_message(ws: Workspace, to: list[str], cc: list[str], subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = ws.config.mail_from
    if to:
        msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now(timezone.utc).astimezone())
    domain = ws.config.mail_from.rpartition("@")[2] or "localhost"
    msg["Message-ID"] = make_msgid(domain=domain)
    msg["X-Mailer"] = "TinyAgent"
    msg.set_content(body if body.endswith("\n") else body + "\n")
    return msg


def _save(ws: Workspace, folder: str, msg: EmailMessage, flags: str) -> Path:
    box = maildir(ws, folder)
    entry = mailbox.MaildirMessage(msg.as_bytes(policy=policy.SMTP))
    entry.set_subdir("cur")
    entry.set_flags(flags)
    with ws.lock(ws.root / MAIL_DIR / folder):
        try:
            key = box.add(entry)  # written in tmp/, moved to cur/; a failed write is removed
        except OSError as exc:
            full = disk_full(exc, ws.root / MAIL_DIR / folder)
            if full is None:
                raise
            raise full from exc
    return ws.root / MAIL_DIR / folder / "cur" / f"{key}{box.colon}2,{flags}"


def _smtp_send(ws: Workspace, msg: EmailMessage) -> None:
    cfg = ws.config
    cancel.check("sending the email")
    with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=30) as smtp:
        smtp.ehlo()
        if cfg.smtp_starttls:
            smtp.starttls()
            smtp.ehlo()
        if cfg.smtp_user:
            smtp.login(cfg.smtp_user, cfg.smtp_password or "")
        # refused once the task was stopped (tools/cancel.py); a stop waits for a send under way
        with cancel.committing("sending the email"):
            smtp.send_message(msg)


def deliver(ws: Workspace, msg: EmailMessage, attached: list[str]) -> str:
    """Send through SMTP when configured (copy in sent/), else keep as a draft; say which happened."""
    what = f"email '{msg['Subject']}' to {msg['To']}"
    if msg["Cc"]:
        what += f" (cc {msg['Cc']})"
    if attached:
        what += f" with {', '.join(attached)}"
    if not ws.config.smtp_configured:
        path = _save(ws, "drafts", msg, "D")
        return (f"Saved {what} as a draft in {ws.display(path)}; not sent, because no SMTP server is "
                "configured.")
    try:
        _smtp_send(ws, msg)
    except (smtplib.SMTPException, OSError) as exc:
        path = _save(ws, "outbox", msg, "")
        raise ToolException(
            f"Could not send the {what} through {ws.config.smtp_host}:{ws.config.smtp_port} ({exc}); "
            f"it is queued in {ws.display(path)}.") from exc
    try:
        path = _save(ws, "sent", msg, "S")
    except (ToolException, OSError) as exc:  # it was sent: say so, and that no copy was kept
        return f"Sent {what}; no copy was kept in Mail/sent ({exc})."
    return f"Sent {what}; a copy is in {ws.display(path)}."


#: An address a reply can go to: local@domain, no spaces or angle brackets.
ADDRESS = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")


def _sender(original: EmailMessage, where: str) -> str:
    """The address to reply to (Reply-To, else From), or a ToolException naming the file."""
    raw = header(original, "Reply-To") or header(original, "From")
    found = [addr for _, addr in getaddresses([raw]) if ADDRESS.fullmatch(addr)] if raw else []
    if not found:
        what = f"its sender {raw!r} is not an email address" if raw.strip() else "it has no sender (From)"
        raise ToolException(f"The email {where} is malformed: {what}, so there is no one to reply to. "
                            f"Open the file to check it, or reply to another email by its message_id.")
    return raw


def _text_of_file(original: EmailMessage, where: str) -> str:
    try:
        return _text_of(original)
    except Exception as exc:  # noqa: BLE001 - a damaged body (unknown charset, broken MIME)
        raise ToolException(f"The email {where} is malformed: its text cannot be read ({exc}). Open the "
                            f"file to check it, or use another email by its message_id.") from exc


def _text_of(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = part.get_content()
    if part.get_content_subtype() == "html":
        text = re.sub(r"<[^>]+>", "", re.sub(r"(?i)<br\s*/?>|</p>", "\n", text))
    return text.strip()


def _prefixed(prefix: str, subject: str) -> str:
    subject = subject or ""
    return subject if subject.lower().startswith(prefix.lower()) else f"{prefix} {subject}".strip()


class ComposeArgs(BaseModel):
    recipients: StrList = Field(description="E-mail addresses or contact names.", json_schema_extra={"x-role": "people"})
    cc: StrList = Field(default=[], description="Addresses or names to copy.", json_schema_extra={"x-role": "people"})
    subject: str = Field(default="", description="Subject line.")
    context: str = Field(default="", description="What the email says (an instruction such as 'ask if X' is turned into words to the recipient).",
                         json_schema_extra={"x-role": "message"})
    attachments: StrList = Field(default=[], description="File paths or names to attach.",
                                 json_schema_extra={"x-role": "attachments"})


def compose_new_email(ws: Workspace, recipients: list[str], cc: Sequence[str] = (), subject: str = "",
                      context: str = "", attachments: Sequence[str] = ()) -> str:
    """Write a new email to recipients, with optional attachments.

    Sent when an SMTP server is configured, otherwise saved as a draft in Mail/drafts.
    """
    to = _addresses(ws, recipients)
    if not to:
        raise ToolException("compose_new_email needs at least one recipient (an address or a contact name).")
    text = message_for_recipient(context)
    msg = _new_message(ws, to, _addresses(ws, cc), subject.strip() or subject_for(text), text)
    attached = _attach(ws, msg, attachments)
    return deliver(ws, msg, attached) + said_line(text)


class ReplyArgs(BaseModel):
    cc: StrList = Field(default=[], description="Addresses or names to copy.", json_schema_extra={"x-role": "people"})
    context: str = Field(default="", description="Text of the reply.", json_schema_extra={"x-role": "message"})
    attachments: StrList = Field(default=[], description="File paths or names to attach.",
                                 json_schema_extra={"x-role": "attachments"})
    message_id: str | None = Field(default=None, description="Which email to answer: its Message-ID or the person's "
                                   "words for it (sender, subject words, 'yesterday'); the newest if omitted.",
                                   json_schema_extra={"x-role": "received"})


def reply_to_email(ws: Workspace, cc: Sequence[str] = (), context: str = "", attachments: Sequence[str] = (),
                   message_id: str | None = None) -> str:
    """Reply to an inbox email: the one the person names, else the newest.

    Quotes the original; sent when SMTP is configured, otherwise saved as a draft.
    """
    original, where = inbox_message(ws, message_id)
    sender = _sender(original, where)
    msg_id = header(original, "Message-ID").strip()
    quoted = "\n".join("> " + line if line else ">" for line in _text_of_file(original, where).splitlines())
    text = message_for_recipient(context)
    body = f"{text}\n\nOn {header(original, 'Date')}, {header(original, 'From')} wrote:\n{quoted}\n"
    to_address = {a.lower() for _, a in getaddresses([str(sender)])}
    copied = [a for a in _addresses(ws, cc) if not {x.lower() for _, x in getaddresses([a])} & to_address]
    msg = _new_message(ws, [str(sender)], copied,  # the sender is not copied on the reply to them
                       _prefixed("Re:", header(original, "Subject")), body)
    if msg_id:
        msg["In-Reply-To"] = msg_id
        refs = header(original, "References").split()
        msg["References"] = " ".join(refs + [msg_id])
    attached = _attach(ws, msg, attachments)
    return f"{deliver(ws, msg, attached)} It answers {email_label(original)}.{said_line(text)}"


class ForwardArgs(BaseModel):
    recipients: StrList = Field(description="E-mail addresses or contact names.", json_schema_extra={"x-role": "people"})
    cc: StrList = Field(default=[], description="Addresses or names to copy.", json_schema_extra={"x-role": "people"})
    context: str = Field(default="", description="Text above the forwarded email.", json_schema_extra={"x-role": "message"})
    attachments: StrList = Field(default=[], description="File paths or names to attach.",
                                 json_schema_extra={"x-role": "attachments"})
    message_id: str | None = Field(default=None, description="Which email to forward: its Message-ID or the person's "
                                   "words for it (sender, subject words, 'yesterday'); the newest if omitted.",
                                   json_schema_extra={"x-role": "received"})


def forward_email(ws: Workspace, recipients: list[str], cc: Sequence[str] = (), context: str = "",
                  attachments: Sequence[str] = (), message_id: str | None = None) -> str:
    """Forward an inbox email to recipients: the one named, else the newest.

    Keeps the original text and attachments; sent when SMTP is configured, otherwise a draft.
    """
    to = _addresses(ws, recipients)
    if not to:
        raise ToolException("forward_email needs at least one recipient (an address or a contact name).")
    original, where = inbox_message(ws, message_id)
    quoted = "\n".join(f"{h}: {header(original, h)}" for h in ("From", "Date", "Subject", "To")
                        if header(original, h))
    text = message_for_recipient(context)
    body = (f"{text}\n\n---------- Forwarded message ----------\n{quoted}\n\n"
            f"{_text_of_file(original, where)}\n")
    msg = _new_message(ws, to, _addresses(ws, cc),
                       _prefixed("Fwd:", header(original, "Subject")), body)
    attached = []
    for part in original.iter_attachments():
        payload = part.get_payload(decode=True)
        if payload is None:
            continue
        filename = part.get_filename() or "attachment"
        msg.add_attachment(payload, maintype=part.get_content_maintype(),
                           subtype=part.get_content_subtype(), filename=filename)
        attached.append(filename)
    attached += _attach(ws, msg, attachments)
    return f"{deliver(ws, msg, attached)} It forwards {email_label(original)}.{said_line(text)}"


def tools_for(ws: Workspace) -> list:
    reply, forward = make_tool(ws, reply_to_email, ReplyArgs), make_tool(ws, forward_email, ForwardArgs)
    for t in (reply, forward):  # which email it acts on, for the approval prompt, the plan view and the record
        t.metadata = {**(t.metadata or {}), "target": lambda args: describe_target(ws, args.get("message_id"))}
    return [make_tool(ws, compose_new_email, ComposeArgs), reply, forward]
