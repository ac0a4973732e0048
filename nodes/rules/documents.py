"""A question about a named document searches that document: its name goes into the search (guards files)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, format_call

_NAME = r"(?P<doc>[\w'&.-]+(?:\s+[\w'&.-]+){0,4}?)"
_SAY = r"(?:say|says|said|state|states|stated|mention|mentions|write|writes|written|cover|covers|have|has|tell)"
#: "what does the lisbon itinerary pdf say about tuesday", "what's the q3 report say", "does the lease mention
#: pets", "according to the handbook, ...", "in the warranty doc, ...", "lisbon itinerary, what's on wednesday"
_ASKS = (
    re.compile(rf"\b(?:what|wat|waht|wht)(?:'s|\s+does|\s+dose|\s+did|\s+do|\s+is)?\s+(?:the|my|our|this|that)\s+"
               rf"{_NAME}\s+{_SAY}\b", re.I),
    re.compile(rf"\b(?:does|dose|did|do)\s+(?:the|my|our|this|that)\s+{_NAME}\s+{_SAY}\b", re.I),
    re.compile(rf"\bwhat\s+is\s+written\s+in\s+(?:the|my|our)\s+{_NAME}(?=\s+(?:about|on|regarding|for)\b)", re.I),
    re.compile(rf"\b(?:according\s+to|check|consult|search|read|look\s+(?:at|in|through))\s+(?:the|my|our)\s+"
               rf"{_NAME}(?=\s*(?:[,:?]|\s-|->)|\s+(?:for|and\s+tell|what|when|where|how|who|which)\b)", re.I),
    re.compile(rf"^\s*(?:\w+\s+){{0,3}}?in\s+(?:the|my|our)\s+{_NAME}(?=\s*(?:[,:]|\s-|->))", re.I),
    re.compile(rf"^\s*(?:the\s+|my\s+)?{_NAME}\s*(?:[,:.]|\s-|->)\s*(?:what|when|where|how|who|which|does|is|are)\b",
               re.I),
)
#: Words of such a phrase that do not say which document ("the lease pdf" is the lease).
_PLAIN = {"the", "my", "our", "this", "that", "a", "an", "pdf", "doc", "docs", "document", "file", "it", "um", "uh",
          "of", "one", "bit", "part", "section", "page", "with", "about", "from", "s", "documents", "files", "stuff",
          "folder", "pdfs"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def named_document(query: str) -> list[str]:
    """The words the request names a document by when it asks what that document says ("lisbon itinerary")."""
    for rx in _ASKS:
        m = rx.search(query)
        if m:
            words = [w for w in _words(m.group("doc")) if w not in _PLAIN]
            if words and len(words) <= 4:
                return words
    return []


#: What the question asks about: "... say about tuesday?", "... regarding late deliveries."
_ABOUT = re.compile(r"\b(?:about|abt|bout|regarding|concerning|re)\s+(?P<topic>[^?.!,;:\n]{2,60})", re.I)
_TOPIC_PLAIN = _PLAIN | {"my", "your", "me", "please", "pls", "quick", "thanks", "anything", "something", "next"}


def asked_topic(query: str) -> list[str]:
    """The words of what a question about a document asks about ("tuesday", "late deliveries")."""
    m = _ABOUT.search(query)
    words = [w for w in _words(m.group("topic")) if w not in _TOPIC_PLAIN] if m else []
    return words if len(words) <= 5 else []


def search_named_document(tasks: list[Task], specs: dict, query: str) -> list[Task] | None:
    """A search (a tool with a "question" parameter) for a request that asks what a named document says gets
    the document's name in its question when it has none of it, and what it asks about when it has none of
    that: "tuesday" -> "lisbon itinerary tuesday", so the search reads that document ("what does the lisbon
    itinerary pdf say about tuesday?"); "team handbook" -> "team handbook expenses"."""
    doc = named_document(query)
    if not doc:
        return None
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        param = next((p.name for p in (spec.params if spec else ()) if p.role == "question"), None)
        value = t.args.get(param) if param else None
        if isinstance(value, str) and value.strip() and not value.lstrip().startswith("$"):
            have = {_stem(w) for w in _words(value)}
            topic = asked_topic(query)
            missing = not any(_stem(w) in have for w in doc), bool(topic) and not any(_stem(w) in have for w in topic)
            if any(missing):  # "tuesday" -> "lisbon itinerary tuesday"; "team handbook" -> "team handbook expenses"
                words = ([*doc] if missing[0] else []) + [value.strip()] + (topic if missing[1] else [])
                args = {**t.args, param: " ".join(words)}
                out.append(replace(t, args=args, line=f"{t.id}. {format_call(t.tool, args)}"))
                changed = True
                continue
        out.append(t)
    return out if changed else None
