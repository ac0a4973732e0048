"""The inbox: its emails, oldest first, and which one a person's words name ("sarah's first email", "yesterday's")."""

from __future__ import annotations

import glob
import mailbox
import re
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from langchain_core.tools import ToolException

from tinyagent.tools.paths import Workspace

MAIL_DIR = "Mail"
FOLDERS = ("inbox", "drafts", "outbox", "sent")


def maildir(ws: Workspace, folder: str) -> mailbox.Maildir:
    (ws.root / MAIL_DIR).mkdir(parents=True, exist_ok=True)
    return mailbox.Maildir(ws.root / MAIL_DIR / folder, factory=None, create=True)


def parse(data: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(data)


def header(msg: EmailMessage, name: str) -> str:
    """A header's text, "" when it is missing or cannot be parsed."""
    try:
        return str(msg[name] or "")
    except Exception:  # noqa: BLE001 - the email package raises many kinds on malformed headers
        return ""


def inbox_file(ws: Workspace, key: str) -> str:
    """The workspace path of the inbox message ``key`` (for messages that name it)."""
    for sub in ("cur", "new"):
        for path in (ws.root / MAIL_DIR / "inbox" / sub).glob(glob.escape(key) + "*"):
            return ws.display(path)
    return f"{MAIL_DIR}/inbox/{key}"


def inbox(ws: Workspace) -> list[tuple[datetime, str, EmailMessage, bytes]]:
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
            date = header(msg, "Date")
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
    raw = header(msg, "From")
    name = (getaddresses([raw])[0][0] if raw else "") or raw or "an unknown sender"
    try:
        when = parsedate_to_datetime(header(msg, "Date")).strftime(" of %a %d %b")
    except (TypeError, ValueError):
        when = ""
    return f"{name}'s email '{header(msg, 'Subject')}'{when}"


#: Words of a description that say nothing about which email it is.
_PLAIN = {"the", "a", "an", "most", "very", "that", "this", "those", "these", "my", "his", "her", "their", "our", "your", "me",
          "email", "emails", "e-mail", "mail", "mails", "message", "messages", "msg", "one", "from", "about", "re",
          "regarding", "on", "of", "to", "with", "and", "in", "inbox", "last", "latest", "newest", "new", "recent",
          "sent", "got", "received", "reply", "forward", "fwd", "s", "it", "for", "subject", "called", "titled",
          # who sent or got it, said as a pronoun ("the first one she sent", "the mail i got on friday")
          "i", "she", "he", "him", "they", "them", "we", "us", "you", "came"}
#: Words that pick the oldest, or the newest, of the emails a description fits.
_OLDEST = {"oldest", "earliest", "first", "older", "earlier"}
_NEWEST = {"latest", "newest", "last", "recent", "newer", "new", "later"}
_AGO_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_MONTH_NO = {m: i for i, m in enumerate(_MONTHS.split("|"), 1)}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _alike(a: str, b: str) -> bool:
    a, b = _stem(a), _stem(b)
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _score(words: list[str], msg: EmailMessage, when: datetime, today, dated: frozenset[str] = frozenset()) -> int:
    """How many words of a description this email fits: its sender, its subject words, its day (a day in
    ``dated``, "from friday" or "friday's", only by the day it came)."""
    sender = getaddresses([header(msg, "From")])
    name, address = sender[0] if sender else ("", "")
    who = set(re.findall(r"[a-z0-9]+", f"{name} {address.split('@')[0]}".lower()))
    subject = re.findall(r"[a-z0-9]+", re.sub(r"(?i)^\s*((re|fwd?|aw|wg)\s*:\s*)+", "", header(msg, "Subject")).lower())
    score = 0
    for w in words:
        if w in ("yesterday", "today"):
            day = today if w == "today" else today.fromordinal(today.toordinal() - 1)
            score += when.date() == day
        elif re.fullmatch(r"day\d{4}", w):  # "the mail i got on nov 27"
            score += (when.month, when.day) == (int(w[3:5]), int(w[5:]))
        elif re.fullmatch(r"ago\d", w):  # "the email from two days ago"
            score += when.date() == today.fromordinal(today.toordinal() - int(w[3:]))
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

    headers = inbox(ws)
    if not message_id or not str(message_id).strip():
        return parse(headers[-1][3]), inbox_file(ws, headers[-1][1])
    want = str(message_id).strip().strip("<>").lower()
    for _, key, msg, data in headers:
        if header(msg, "Message-ID").strip().strip("<>").lower() == want:
            return parse(data), inbox_file(ws, key)
    by_subject = [(key, data) for _, key, m, data in headers if want in header(m, "Subject").lower()]
    if len(by_subject) == 1:
        return parse(by_subject[0][1]), inbox_file(ws, by_subject[0][0])
    if "@" in want:  # a Message-ID that is not in the inbox
        recent = "; ".join(f"{header(m, 'Message-ID')} '{header(m, 'Subject')}' from {header(m, 'From')}"
                           for _, _, m, _ in headers[-3:][::-1])
        raise ToolException(f"No single inbox message matches '{message_id}'. Newest messages: {recent}.")
    # "the email from friday", "friday's email": the day it came, not a subject word ("Team lunch on Friday?")
    # ("yesterdays mail", "fridays email": the day's, without the apostrophe)
    want = re.sub(rf"\b(yesterday|today|{'|'.join(_DAYS)})s\b", r"\1's", want)
    # "the email I received this morning", "the one from earlier today": today's; "yesterday evening": yesterday's
    want = re.sub(r"\b(yesterday)\s+(?:morning|afternoon|evening|night)\b", r"\1", want)
    want = re.sub(r"\b(?:(?:this|earlier)\s+)?(?:morning|afternoon|evening)\b|\btonight\b|\bearlier\s+today\b", "today", want)
    dated = frozenset(m.group(1) or m.group(2) for m in re.finditer(
        rf"\b(?:from|on|sent|received|got(?:\s+it)?|came(?:\s+in)?)\s+(?:(?:on|last)\s+)*({'|'.join(_DAYS)})\b"
        rf"|\b({'|'.join(_DAYS)})'s\b", want))
    # "the mail i got on nov 27", "the 27th of november": that day's (the year is the newest such day's)
    want = re.sub(rf"\b({_MONTHS})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b",
                  lambda m: f"day{_MONTH_NO[m.group(1)[:3]]:02d}{int(m.group(2)):02d}", want)
    want = re.sub(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})[a-z]*\b",
                  lambda m: f"day{_MONTH_NO[m.group(2)[:3]]:02d}{int(m.group(1)):02d}", want)
    want = re.sub(r"\b(\d|one|a|two|three|four|five|six)\s+days?\s+ago\b",
                  lambda m: f"ago{m.group(1) if m.group(1).isdigit() else _AGO_NUMBERS[m.group(1)]}", want)
    said = re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", want))
    words = [w for w in said if w not in _PLAIN and w not in _OLDEST]
    # "the oldest one", "sarah's first email": the oldest of those that fit; "her latest": the newest
    oldest = any(w in _OLDEST for w in said)
    newest = not oldest and any(w in _NEWEST for w in said)
    if not words:  # "that email", "the latest one": the newest; "the oldest one": the oldest
        pick = headers[0] if oldest else headers[-1]
        return parse(pick[3]), inbox_file(ws, pick[1])
    today = clock.now().date()
    scored = sorted(((_score(words, m, when, today, dated), when, key, m, data) for when, key, m, data in headers),
                    key=lambda h: (h[0], h[1]), reverse=True)
    best = scored[0][0]
    tied = [h for h in scored if h[0] == best]  # (newest first)
    if best and (len(tied) == 1 or oldest or newest):
        pick = tied[-1] if oldest else tied[0]
        return parse(pick[4]), inbox_file(ws, pick[2])
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
