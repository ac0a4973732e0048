"""Turn what the person asked to say ("ask if the tax forms are ready") into what the recipient reads.

A planner copies the request's words; for a message those are often an instruction about the
recipient, not words to them. These rules rewrite the common instruction forms, by rule and
without a model; anything else is kept as written. Pronouns for the recipient (he, she, they) in
the instruction become "you".
"""

from __future__ import annotations

import re

_YOU = [(r"\bhe's\b|\bshe's\b|\bthey're\b", "you're"), (r"\b(?:he|she|they) (?:is|are)\b", "you are"),
        (r"\b(?:he|she|they) (?:was|were)\b", "you were"), (r"\b(?:he|she|they) has\b", "you have"),
        (r"\b(?:he|she|they) (?:does|do)\b", "you do"), (r"\b(?:he|she|they)\b", "you"),
        (r"\b(?:him|them)\b", "you"), (r"\b(?:his|their)\b", "your"), (r"\bher\b(?= \w)", "your"),
        (r"\bher\b", "you"), (r"\bhimself|herself|themselves\b", "yourself")]


def _to_you(text: str) -> str:
    for pattern, repl in _YOU:
        text = re.sub(pattern, repl, text, flags=re.I)
    return text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str, mark: str = ".") -> str:
    text = text.strip().rstrip(".!?")
    return text + mark if text else text


_RECIPIENT = r"(?:(?:him|her|them|everyone|the team|\w+)\s+)?"
_RULES: list[tuple[re.Pattern, callable]] = [
    # ask (him) if/whether X -> "Could you let me know if X?"
    (re.compile(rf"^ask\s+{_RECIPIENT}(if|whether)\s+(.+)$", re.I),
     lambda m: _end(f"Could you let me know {m[1].lower()} {_to_you(m[2])}", "?")),
    # ask (him) when/what/where/how/who X -> "Could you let me know when X?"
    (re.compile(rf"^ask\s+{_RECIPIENT}(when|what|where|how|who|which|why)\s+(.+)$", re.I),
     lambda m: _end(f"Could you let me know {m[1].lower()} {_to_you(m[2])}", "?")),
    # ask (him) for X -> "Could you send me X?"
    (re.compile(rf"^ask\s+{_RECIPIENT}for\s+(.+)$", re.I), lambda m: _end(f"Could you send me {_to_you(m[1])}", "?")),
    # ask (him) to X -> "Could you X?"
    (re.compile(rf"^ask\s+{_RECIPIENT}to\s+(.+)$", re.I), lambda m: _end(f"Could you {_to_you(m[1])}", "?")),
    # ask (him) about X -> "What's the latest on X?"
    (re.compile(rf"^ask\s+{_RECIPIENT}about\s+(.+)$", re.I), lambda m: _end(f"What's the latest on {_to_you(m[1])}", "?")),
    # thanks and (that) X -> "Thanks. X." ("tell him thanks and that the payment goes out monday")
    (re.compile(r"^(thanks|thank you|many thanks)\s*,?\s+and\s+(?:that\s+)?(.+)$", re.I),
     lambda m: f"{_cap(m[1].lower())}. {_end(_cap(_to_you(m[2])))}"),
    # tell/let (him) know (that) X -> "X."
    (re.compile(rf"^(?:tell|inform|notify)\s+{_RECIPIENT}(?:that\s+)?(.+)$", re.I), lambda m: _end(_cap(_to_you(m[1])))),
    (re.compile(rf"^let\s+{_RECIPIENT}know\s+(?:that\s+)?(.+)$", re.I), lambda m: _end(_cap(_to_you(m[1])))),
    (re.compile(r"^(?:say|saying|mention)\s*:?\s+(?:that\s+)?(.+)$", re.I), lambda m: _end(_cap(_to_you(m[1])))),
    # remind (him) to/about X -> "Just a reminder to X."
    (re.compile(rf"^remind\s+{_RECIPIENT}(to|about|of)\s+(.+)$", re.I),
     lambda m: _end(f"Just a reminder {'to' if m[1].lower() == 'to' else 'about'} {_to_you(m[2])}")),
    # thank (him) for X -> "Thank you for X."
    (re.compile(rf"^thank\s+{_RECIPIENT}for\s+(.+)$", re.I), lambda m: _end(f"Thank you for {_to_you(m[1])}")),
    # invite (him) to X -> "Would you like to join X?"
    (re.compile(rf"^invite\s+{_RECIPIENT}to\s+(.+)$", re.I), lambda m: _end(f"Would you like to join {_to_you(m[1])}", "?")),
    # confirm X -> "I'm confirming X."
    (re.compile(r"^confirm\s+(.+)$", re.I), lambda m: _end(f"I'm confirming {_to_you(m[1])}")),
    # apologize for X -> "Sorry for X."
    (re.compile(r"^apologi[sz]e\s+(?:for\s+)?(.+)$", re.I), lambda m: _end(f"Sorry for {_to_you(m[1])}")),
    # propose/suggest X -> "How about X?"
    (re.compile(r"^(?:propose|suggest)\s+(.+)$", re.I), lambda m: _end(f"How about {_to_you(m[1])}", "?")),
    # share/send the X -> "Here is the X."
    (re.compile(r"^(?:share|send|forward)\s+((?:the|my|our)\s+.+)$", re.I), lambda m: _end(f"Sharing {m[1]} with you")),
]


def message_for_recipient(text: str) -> str:
    """The words the recipient reads for an instruction such as "ask if the tax forms are ready"
    ("Could you let me know if the tax forms are ready?"); other text is returned as written, but
    a meeting is called by the service its link is on ("Join the Zoom meeting: https://meet.jit.si/...")."""
    raw = right_service((text or "").strip())
    if not raw:
        return raw
    for pattern, make in _RULES:
        m = pattern.match(raw)
        if m:
            out = make(m)
            return out if out.strip(" .?") else raw
    return raw


#: What opens a message but says nothing of its matter: a greeting, "could you let me know if", "please"
_SUBJECT_LEAD = re.compile(
    r"^(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,30}[,.!]\s*)?(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?"
    r"(?:let\s+me\s+know\s+(?:if|whether)\s+(?:you\s+(?:can|could)\s+)?)?|(?:please|just|quick\s+question:?)\s+)?",
    re.I)


def subject_for(text: str) -> str:
    """A subject for an email the planner gave none: the matter of its first sentence, eight words at most
    ("Could you let me know if you can move our 1:1 to Thursday?" -> "Move our 1:1 to Thursday")."""
    first = re.split(r"(?<=[.!?])\s+|\n", (text or "").strip(), maxsplit=1)[0]
    words = _SUBJECT_LEAD.sub("", first).strip().rstrip(".!?").split()
    return _cap(" ".join(words[:8]) + ("..." if len(words) > 8 else "")) if words else ""


def right_service(text: str) -> str:
    """Text that calls a Jitsi link's meeting "Zoom" calls it Jitsi."""
    if "meet.jit.si" in text and re.search(r"\bzoom\b", text, re.I):
        return re.sub(r"\bzoom\b", "Jitsi", text, flags=re.I)
    return text


#: An instruction the planner copied in front of a note's text: "Say we need to book a bus", "that the
#: boiler was fixed" (the person asked to note that; "say hi to grandma" is a to-do and stays).
_NOTE_LEAD = re.compile(r"^\s*(?:say(?:ing)?\s+(?:that\s+)?|that\s+)(?=(?:we|i|you|they|he|she|it|the|our|my|there)\b)",
                        re.I)


def note_text(text: str) -> str:
    """A note's text without an instruction copied in front of it ("Say we need ..." -> "We need ...")."""
    m = _NOTE_LEAD.match(text or "")
    return _cap(text[m.end():]) if m and len(text[m.end():].split()) >= 3 else text


def said_line(text: str) -> str:
    """' The text: "..."' for the words a message or note was given as written (an email's above any quoted or
    forwarded one), or '' for none: a tool's report quotes what it wrote, so a gist the planner cut short is
    seen before it is sent on."""
    text = " ".join(str(text or "").split())
    return f' The text: "{text[:200]}{"..." if len(text) > 200 else ""}"' if text else ""
