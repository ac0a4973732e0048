"""E-mail: RFC 5322 messages with attachments in the workspace's Maildir, sent only via a configured SMTP server."""

from __future__ import annotations

import glob
import mailbox
import mimetypes
import re
import smtplib
from collections.abc import Sequence
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, formataddr, getaddresses, make_msgid, parsedate_to_datetime
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools import cancel
from tinyagent.tools.base import StrList, make_tool
from tinyagent.tools.contacts import resolve_address
from tinyagent.tools.files import find_file
from tinyagent.tools.paths import Workspace, disk_full
from tinyagent.tools.wording import message_for_recipient, said_line, subject_for

MAIL_DIR = "Mail"
FOLDERS = ("inbox", "drafts", "outbox", "sent")
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def maildir(ws: Workspace, folder: str) -> mailbox.Maildir:
    (ws.root / MAIL_DIR).mkdir(parents=True, exist_ok=True)
    return mailbox.Maildir(ws.root / MAIL_DIR / folder, factory=None, create=True)


def parse(data: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(data)


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


def _header(msg: EmailMessage, name: str) -> str:
    """A header's text, "" when it is missing or cannot be parsed."""
    try:
        return str(msg[name] or "")
    except Exception:  # noqa: BLE001 - the email package raises many kinds on malformed headers
        return ""


def _inbox_file(ws: Workspace, key: str) -> str:
    """The workspace path of the inbox message ``key`` (for messages that name it)."""
    for sub in ("cur", "new"):
        for path in (ws.root / MAIL_DIR / "inbox" / sub).glob(glob.escape(key) + "*"):
            return ws.display(path)
    return f"{MAIL_DIR}/inbox/{key}"


def _inbox(ws: Workspace) -> list[tuple[datetime, str, EmailMessage, bytes]]:
    """Every inbox message as (date, key, headers, raw bytes), oldest first."""
    box = maildir(ws, "inbox")
    headers = []
    for key in box.keys():
        try:
            data = box.get_bytes(key)
        except KeyError:  # removed meanwhile
            continue
        msg = BytesParser(policy=policy.default).parsebytes(data, headersonly=True)
        try:
            date = _header(msg, "Date")
            when = parsedate_to_datetime(date) if date else None
            if when is not None and when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError):
            when = None
        headers.append((when or datetime.min.replace(tzinfo=timezone.utc), key, msg, data))
    if not headers:
        raise ToolException("The inbox (Mail/inbox) is empty, so there is no email to reply to or forward.")
    headers.sort(key=lambda h: (h[0], h[1]))
    return headers


def email_label(msg: EmailMessage) -> str:
    """Which email this is, for a person: sender, subject and date ("Sarah Lee's email 'Q3 ...' of Sat 28 Nov")."""
    raw = _header(msg, "From")
    name = (getaddresses([raw])[0][0] if raw else "") or raw or "an unknown sender"
    try:
        when = parsedate_to_datetime(_header(msg, "Date")).strftime(" of %a %d %b")
    except (TypeError, ValueError):
        when = ""
    return f"{name}'s email '{_header(msg, 'Subject')}'{when}"


#: Words of a description that say nothing about which email it is.
_PLAIN = {"the", "a", "an", "most", "very", "that", "this", "those", "these", "my", "his", "her", "their", "our", "your", "me",
          "email", "emails", "e-mail", "mail", "mails", "message", "messages", "msg", "one", "from", "about", "re",
          "regarding", "on", "of", "to", "with", "and", "in", "inbox", "last", "latest", "newest", "new", "recent",
          "sent", "got", "received", "reply", "forward", "fwd", "s", "it", "for", "subject", "called", "titled"}
#: Words that pick the oldest, or the newest, of the emails a description fits.
_OLDEST = {"oldest", "earliest", "first", "older"}
_NEWEST = {"latest", "newest", "last", "recent", "newer", "new"}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _alike(a: str, b: str) -> bool:
    a, b = _stem(a), _stem(b)
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _score(words: list[str], msg: EmailMessage, when: datetime, today, dated: frozenset[str] = frozenset()) -> int:
    """How many words of a description this email fits: its sender, its subject words, its day (a day in
    ``dated``, "from friday" or "friday's", only by the day it came)."""
    sender = getaddresses([_header(msg, "From")])
    name, address = sender[0] if sender else ("", "")
    who = set(re.findall(r"[a-z0-9]+", f"{name} {address.split('@')[0]}".lower()))
    subject = re.findall(r"[a-z0-9]+", re.sub(r"(?i)^\s*((re|fwd?|aw|wg)\s*:\s*)+", "", _header(msg, "Subject")).lower())
    score = 0
    for w in words:
        if w in ("yesterday", "today"):
            day = today if w == "today" else today.fromordinal(today.toordinal() - 1)
            score += when.date() == day
        elif w in _DAYS:
            score += when.weekday() == _DAYS.index(w) or (w in subject and w not in dated)
        elif any(_alike(w, t) for t in who if len(t) > 2) or any(_alike(w, t) for t in subject):
            score += 1
    return score


def inbox_message(ws: Workspace, message_id: str | None) -> tuple[EmailMessage, str]:
    """The inbox message that ``message_id`` names: its Message-ID, or the person's words for it (sender,
    subject words, "yesterday's"; "oldest"/"first" or "latest"/"last" picks among the emails that fit),
    or the newest one when it names none; and the workspace path of its file. Words that fit two emails
    equally (with no such pick), or none, are an error that lists the candidates."""
    from tinyagent.tools import clock

    headers = _inbox(ws)
    if not message_id or not str(message_id).strip():
        return parse(headers[-1][3]), _inbox_file(ws, headers[-1][1])
    want = str(message_id).strip().strip("<>").lower()
    for _, key, msg, data in headers:
        if _header(msg, "Message-ID").strip().strip("<>").lower() == want:
            return parse(data), _inbox_file(ws, key)
    by_subject = [(key, data) for _, key, m, data in headers if want in _header(m, "Subject").lower()]
    if len(by_subject) == 1:
        return parse(by_subject[0][1]), _inbox_file(ws, by_subject[0][0])
    if "@" in want:  # a Message-ID that is not in the inbox
        recent = "; ".join(f"{_header(m, 'Message-ID')} '{_header(m, 'Subject')}' from {_header(m, 'From')}"
                           for _, _, m, _ in headers[-3:][::-1])
        raise ToolException(f"No single inbox message matches '{message_id}'. Newest messages: {recent}.")
    # "the email from friday", "friday's email": the day it came, not a subject word ("Team lunch on Friday?")
    dated = frozenset(m.group(1) or m.group(2) for m in re.finditer(
        rf"\b(?:from|on|sent|received|got\s+it)\s+(?:last\s+)?({'|'.join(_DAYS)})\b|\b({'|'.join(_DAYS)})'s\b", want))
    said = re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", want))
    words = [w for w in said if w not in _PLAIN and w not in _OLDEST]
    # "the oldest one", "sarah's first email": the oldest of those that fit; "her latest": the newest
    oldest = any(w in _OLDEST for w in said)
    newest = not oldest and any(w in _NEWEST for w in said)
    if not words:  # "that email", "the latest one": the newest; "the oldest one": the oldest
        pick = headers[0] if oldest else headers[-1]
        return parse(pick[3]), _inbox_file(ws, pick[1])
    today = clock.now().date()
    scored = sorted(((_score(words, m, when, today, dated), when, key, m, data) for when, key, m, data in headers),
                    key=lambda h: (h[0], h[1]), reverse=True)
    best = scored[0][0]
    tied = [h for h in scored if h[0] == best]  # (newest first)
    if best and (len(tied) == 1 or oldest or newest):
        pick = tied[-1] if oldest else tied[0]
        return parse(pick[4]), _inbox_file(ws, pick[2])
    shown = tied if best else scored
    listed = "; ".join(email_label(h[3]) for h in shown[:4])
    if best:
        raise ToolException(f"{len(tied)} inbox emails fit '{message_id}' equally: {listed}. Say which one "
                            f"(by sender, subject words or day).")
    raise ToolException(f"No inbox email fits '{message_id}'. Newest emails: {listed}. Say which one "
                        f"(by sender, subject words or day).")


def describe_target(ws: Workspace, message_id: str | None) -> str:
    """Which email a reply or forward with ``message_id`` acts on, in words, or why none fits."""
    try:
        msg, _ = inbox_message(ws, message_id)
    except ToolException as exc:
        return str(exc)
    return ("the newest email, " if not message_id else "") + email_label(msg)


#: An address a reply can go to: local@domain, no spaces or angle brackets.
ADDRESS = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")


def _sender(original: EmailMessage, where: str) -> str:
    """The address to reply to (Reply-To, else From), or a ToolException naming the file."""
    raw = _header(original, "Reply-To") or _header(original, "From")
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
    msg_id = _header(original, "Message-ID").strip()
    quoted = "\n".join("> " + line if line else ">" for line in _text_of_file(original, where).splitlines())
    text = message_for_recipient(context)
    body = f"{text}\n\nOn {_header(original, 'Date')}, {_header(original, 'From')} wrote:\n{quoted}\n"
    to_address = {a.lower() for _, a in getaddresses([str(sender)])}
    copied = [a for a in _addresses(ws, cc) if not {x.lower() for _, x in getaddresses([a])} & to_address]
    msg = _new_message(ws, [str(sender)], copied,  # the sender is not copied on the reply to them
                       _prefixed("Re:", _header(original, "Subject")), body)
    if msg_id:
        msg["In-Reply-To"] = msg_id
        refs = _header(original, "References").split()
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
    header = "\n".join(f"{h}: {_header(original, h)}" for h in ("From", "Date", "Subject", "To")
                       if _header(original, h))
    text = message_for_recipient(context)
    body = (f"{text}\n\n---------- Forwarded message ----------\n{header}\n\n"
            f"{_text_of_file(original, where)}\n")
    msg = _new_message(ws, to, _addresses(ws, cc),
                       _prefixed("Fwd:", _header(original, "Subject")), body)
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
