"""Questions the inbox answers ("what did marcus say about the new firmware?", "what's in the offsite agenda email?"): its emails' text."""

from __future__ import annotations

import re
from email.utils import getaddresses

from langchain_core.tools import ToolException

from tinyagent.tools.inbox import email_label, header, inbox, parse
from tinyagent.tools.paths import Workspace

#: A question that names an email: "the offsite agenda email", "her message", "my inbox"
_AN_EMAIL = re.compile(r"\b(?:e-?mails?|mails?|messages?|inbox|letters?)\b", re.I)
#: What a sender did that a question asks about: "what did marcus say", "anything from David", "what Sarah wrote"
_SENDER_DID = re.compile(r"\b(?:say|says|said|wrote|write|writes|written|sent|send|from|ask|asks|asked|want|wants|wanted)\b",
                         re.I)
#: Which end of the inbox a question asks for: "the oldest email", "her latest message"
_OLDEST = re.compile(r"\b(?:oldest|earliest|first)\s+(?:\w+\s+)?(?:e-?mail|mail|message)", re.I)
_NEWEST = re.compile(r"\b(?:newest|latest|last|most\s+recent)\s+(?:\w+\s+)?(?:e-?mail|mail|message)", re.I)
#: Reading an email aloud is no search of it
_ALOUD = re.compile(r"\b(?:aloud|out\s+loud|loud)\b", re.I)


def _body(data: bytes) -> str:
    """An email's text, one paragraph."""
    msg = parse(data)
    part = msg.get_body(preferencelist=("plain", "html"))
    text = part.get_content() if part is not None else ""
    if part is not None and part.get_content_subtype() == "html":
        text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(re.sub(r"\[SAMPLE DATA\]", " ", text).split())  # (the sample inbox's mark, as documents' is left out)


def inbox_texts(ws: Workspace, query: str) -> dict[str, str]:
    """The inbox emails a question asks about, as {label: text} ("Marcus Chen's email 'Firmware 2.1 release notes' of
    Fri 27 Nov": "Firmware 2.1 release notes. Hi, ..."): where it names an email, or a sender with what they said
    ("what did marcus say about ..."); only that sender's where it names one. {} where it asks of no email."""
    if _ALOUD.search(query):
        return {}
    try:
        mails = inbox(ws)
    except ToolException:
        return {}
    said = set(re.findall(r"[a-z]+", query.lower()))

    def sender(msg) -> str:
        raw = header(msg, "From")
        return (getaddresses([raw])[0][0] if raw else "") or raw
    named = {key for _, key, msg, _ in mails if {w for w in re.findall(r"[a-z]+", sender(msg).lower()) if len(w) > 2} & said}
    if not (_AN_EMAIL.search(query) or named and _SENDER_DID.search(query)):
        return {}
    out = {}
    for _, key, msg, data in reversed(mails):  # (newest first)
        if named and key not in named:
            continue
        out[email_label(msg)] = f"{header(msg, 'Subject')}. {_body(data)}"
    # "what's the oldest email in my inbox", "show me sarah's latest email": that one alone
    if out and _OLDEST.search(query):
        return dict([list(out.items())[-1]])
    if out and _NEWEST.search(query):
        return dict([next(iter(out.items()))])
    return out


def inbox_passages(ws: Workspace, query: str, k: int) -> list[dict]:
    """The ``k`` emails that answer ``query`` best (tools/passages.ranked_passages: those holding its words first, then
    by meaning), each {"path": its label, "text", "score"}; [] where the question asks of no email."""
    from tinyagent.store.embeddings import get_embedder
    from tinyagent.tools.passages import ranked_passages, topic_words

    texts = inbox_texts(ws, query)
    if not texts:
        return []
    senders = {w for label in texts for w in re.findall(r"[a-z]+", label.split("'s email")[0].lower())}
    topic = [w for w in topic_words(query, []) if w not in senders] or topic_words(query, [])
    hits = ranked_passages(texts, query, topic, k, get_embedder().embed, max_embedded=50)
    return [{x: v for x, v in h.items() if x != "missing"} for h in hits]  # (the email asked for: shown whole, not "missing")
