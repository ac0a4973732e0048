"""Punctuation said aloud to a phone's dictation ("tell him thanks comma see you friday full stop") written as marks, and
words taken back with "scratch that" left out, a day or hour misheard ("to morrow", "at for pm") as meant."""

from __future__ import annotations

import re

#: Said marks that are never anything else in a request: always written as the mark.
_ALWAYS = {"comma": ",", "full stop": ".", "question mark": "?", "exclamation mark": "!", "exclamation point": "!"}
#: Words that are marks only in a dictated request (one that says a mark above too): "period", "colon", "new line".
_DICTATED = {"period": ".", "colon": ":", "semicolon": ";", "new line": "\n", "new paragraph": "\n"}

_WORDS = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, {*_ALWAYS, *_DICTATED}), key=len, reverse=True))
                    + r")(?![\w'])", re.I)
_SPACE_BEFORE = re.compile(r"\s+([,.?!:;])")
_REPEATED = re.compile(r"([,.?!:;])(?:\s*[,.:;])+")
_SENTENCE = re.compile(r"([.?!]\s+)([a-z])")


#: "text marcus, no scratch that, text priya ...": the words of the sentence before "scratch that" are taken back
_SCRATCH = re.compile(r"(?:^|(?<=[.!?]\s))[^.!?]*?\b(?:no\s+|oh\s+)?scratch\s+that\b[\s,.!;:-]*"
                      # (a new ask after it; a time after it is a time put right: "... at three, scratch that, at two")
                      r"(?=(?:pls\s+|please\s+)?(?:text|txt|email|e-mail|mail|send|remind|call|put|add|create|make|book|"
                      r"schedule|forward|fwd|reply|note|invite)\b)", re.I)
_SCRATCH_TIME = re.compile(r"(?<=[\w,.;])\s*,?\s*\bscratch\s+that\b", re.I)


#: Speech-to-text slips of a day or an hour: "to morrow" (tomorrow), "to night", "at for pm" (at four pm), "at to pm"
_HEARD_DAY = re.compile(r"\bto\s+(?:(morrow)\b|(night)(?=\s*(?:$|[,.!?;]|(?:at|by|around|after|before|about)\b)))", re.I)
_HEARD_HOUR = re.compile(r"\b(at|by|from|till|until)\s+(for|to|too)(?=\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)\b)", re.I)


def heard_right(text: str) -> str:
    """``text`` with a dictated day or hour written as meant ("remind me to call omar to morrow at ten" -> "...
    tomorrow at ten", "friday at for pm" -> "friday at four pm")."""
    text = _HEARD_DAY.sub(lambda m: "to" + (m.group(1) or m.group(2)), text)
    return _HEARD_HOUR.sub(lambda m: f"{m.group(1)} {'four' if m.group(2).lower() == 'for' else 'two'}", text)


def spoken_punctuation(text: str) -> str:
    """``text`` with its said punctuation written as marks ("comma" -> ",", "full stop" -> "."; "period", "colon",
    "new line" too where the request says one of the others), a sentence after a said stop capitalised; unchanged
    when it says none."""
    if _SCRATCH.search(text or "") and (kept := _SCRATCH.sub("", text).strip()):
        text = kept
    text = _SCRATCH_TIME.sub(", no wait", text or "")  # (read as a time put right, nodes/rules/corrections.self_corrected)
    text = heard_right(text)
    said = [m.group(1).lower() for m in _WORDS.finditer(text or "")]
    if not any(w in _ALWAYS for w in said):
        return text
    marks = {**_ALWAYS, **_DICTATED}
    out = _WORDS.sub(lambda m: marks[m.group(1).lower()], text)
    out = _SPACE_BEFORE.sub(r"\1", out)
    out = _REPEATED.sub(r"\1", out)
    out = _SENTENCE.sub(lambda m: m.group(1) + m.group(2).upper(), out)
    out = re.sub(r"[ \t]+", " ", out).strip()
    return re.sub(r"^[,.:;]\s*", "", out)
