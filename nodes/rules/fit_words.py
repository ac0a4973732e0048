"""Text values the plan copied in part or in another form made the request's own: whole names and identifiers,
the request's own words, the form the parameter asks for (nodes/rules/fit.py runs them)."""

from __future__ import annotations

import re

from tinyagent.store.embeddings import english_words
from tinyagent.store.spelling import edit_distance
from tinyagent.tools.dates import MONTHS, WEEKDAYS
from tinyagent.tools.specs import Param


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_@#./+-]*[A-Za-z0-9]")


_AFFIX = re.compile(r"[A-Za-z]+[-_#]|[-_#][A-Za-z]+")


def whole_identifier(value: str, query: str) -> str:
    """The request's word that holds ``value`` with a prefix or suffix the plan left out
    ("SKU-88213" for "88213"), or ``value`` unchanged."""
    v = value.strip()
    if not re.search(r"\d", v) or " " in v:
        return value
    words = set(_WORD.findall(query))
    holders = {w for w in words if w != v and (w.startswith(v) or w.endswith(v))}
    if v in words or len(holders) != 1:
        return value
    word = holders.pop()
    rest = word[len(v):] if word.startswith(v) else word[:-len(v)]
    return word if _AFFIX.fullmatch(rest) else value


_TOKEN = re.compile(r"[^\s,;:!?()\"]+|[,;:!?()\"]")


_SENTENCE_END = re.compile(r"[.!?]$")


def _name_runs(query: str) -> list[tuple[str, ...]]:
    """Runs of capitalised words in the request ("Zurich HB", "Hotel Artemide"); the first word of a
    line or sentence, and "I", are never part of one."""
    runs: list[tuple[str, ...]] = []
    for line in query.splitlines():
        run: list[str] = []
        start = True
        for tok in _TOKEN.findall(line):
            word = re.sub(r"'s$", "", tok.rstrip("."))
            capital = (word[:1].isupper() and not start and word not in ("I", "I'm", "I'll", "I'd", "I've")
                       and word.lower() not in MONTHS and word.lower() not in WEEKDAYS)
            if capital:
                run.append(word)
            if not capital or word != tok:  # a word that is not capitalised, or ends with a full stop
                if run:
                    runs.append(tuple(run))
                run = []
            start = bool(_SENTENCE_END.search(tok)) or (start and not word[:1].isalpha())
        if run:
            runs.append(tuple(run))
    return runs


def whole_name(value: str, query: str) -> str:
    """The request's whole name when the plan copied the start or end of it ("Zurich HB" for
    "Zurich", "Hotel Artemide" for "Artemide"), or ``value`` unchanged."""
    words = tuple(value.split())
    if not words or not all(w[:1].isupper() for w in words):
        return value
    runs = _name_runs(query)
    if words in runs:
        return value
    n = len(words)
    longer = {r for r in runs if len(r) > n and (r[:n] == words or r[-n:] == words)}
    return " ".join(longer.pop()) if len(longer) == 1 else value


_SPAN_WORD = re.compile(r"[\w'@-]+(?:\.[\w'@-]+)*")


def _inflected(a: str, b: str) -> bool:
    """One word with another ending: "want" and "wants", "pilot" and "pilots" (up to two letters)."""
    a, b = a.lower(), b.lower()
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2
            and long_[len(short):].isalpha())


def _garbled(a: str, b: str) -> bool:
    """The plan's word ``a``, of five letters or more, is no word but the request's word ``b`` with one letter
    wrong, missing or added ("LISON" for "lisbon"; "tomorrow" for a typed "tomorow" stays, and so does
    "invoice" for a typed "invoce", though the vocabulary lacks "invoice": the typed word is none either)."""
    a, b = a.lower(), b.lower()
    return (min(len(a), len(b)) >= 5 and a.isalpha() and b.isalpha() and a not in english_words()
            and b in english_words() and edit_distance(a, b) == 1)


def as_written(value: str, query: str) -> str:
    """The request's own words where the plan copied a phrase of three words or more with an ending
    changed ("Want a pilot in January" for "wants a pilot in January") or a long word garbled ("Fly back
    from LISON" for "fly back from lisbon"), the first letter as the plan wrote it; ``value`` unchanged
    otherwise."""
    words = _SPAN_WORD.findall(value)
    if len(words) < 3 or len(words) != len(value.split()):
        return value
    spans = list(_SPAN_WORD.finditer(query))
    found = []
    for i in range(len(spans) - len(words) + 1):
        pairs = list(zip(words, (m.group(0) for m in spans[i:i + len(words)])))
        if all(a.lower() == b.lower() or _inflected(a, b) or _garbled(a, b) for a, b in pairs):
            if any(a.lower() != b.lower() for a, b in pairs):
                found.append(query[spans[i].start():spans[i + len(words) - 1].end()])
            else:
                return value  # copied as written somewhere
    if len(found) != 1:
        return value
    text = found[0]
    return (text[0].upper() if value[0].isupper() else text[0].lower()) + text[1:]


_NO_SPACES = re.compile(r"\b(?:without|no) spaces\b", re.I)


_DIGITS_ONLY = re.compile(r"\bdigits only\b|\bonly (?:the )?digits\b", re.I)


def fit_form(value: str, param: Param, tool_description: str = "") -> str:
    """``value`` in the form the parameter's description (or the tool's sentences about it) asks
    for: "without spaces" ("UA901" for "UA 901"), "digits only" ("100311" for "#100311"); only
    values with a digit."""
    words = {w for w in re.split(r"[^a-z0-9]+", param.tool_key.lower()) if len(w) >= 4}
    said = [s for s in re.split(r"(?<=[.!?])\s+|\n+", tool_description)
            if any(re.search(rf"(?<!\w){re.escape(w)}", s.lower()) for w in words)]
    text = " ".join([param.description, *said])
    if not re.search(r"\d", value):
        return value
    if _DIGITS_ONLY.search(text):
        return re.sub(r"\D", "", value)
    if _NO_SPACES.search(text):
        return re.sub(r"\s+", "", value)
    return value
