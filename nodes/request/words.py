"""The words of a request or of a plan's values, cut the ways the rules compare them."""

from __future__ import annotations

import re
from typing import Any

from tinyagent.nodes.plans.planlang import is_ref
from tinyagent.nodes.request.lexicon import COMMON_WORDS

_ALNUM = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> set[str]:
    """Lower-case runs of letters and digits of three characters or more, common words left out."""
    return {w for w in _ALNUM.findall(text.lower()) if len(w) >= 3 and w not in COMMON_WORDS}


def literal_texts(value: Any, numbers: bool = False) -> list[str]:
    """The text values of a step's arguments (references to other steps left out); with ``numbers``,
    its numbers too, written out (yes/no values and None never)."""
    if isinstance(value, str):
        return [] if is_ref(value) is not None else [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in literal_texts(v, numbers)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in literal_texts(v, numbers)]
    return [str(value)] if numbers and not isinstance(value, bool) and value is not None else []


_WORD = re.compile(r"\w+")
_TEXT_WORD = re.compile(r"[^\W\d_]{3,}")
_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_PHRASE_WORD = re.compile(r"[\w'&-]+")


def word_set(text: str) -> set[str]:
    """Every run of word characters, case folded: the words a person named someone by."""
    return set(_WORD.findall(text.casefold()))


def text_words(text: str, common: frozenset[str] = COMMON_WORDS) -> list[str]:
    """The words of a text that can tell it apart: three letters or more, lower case, ``common``
    ones left out."""
    return [w for w in (x.lower() for x in _TEXT_WORD.findall(text)) if w not in common]


def letter_words(text: str) -> list[str]:
    """Words of Latin letters and apostrophes, as written: how many words a piece of a request has."""
    return _LETTER_WORD.findall(text)


def phrase_words(text: str) -> list[str]:
    """Lower-case words with their apostrophes, "&" and dashes ("sarah's", "q&a", "e-mail")."""
    return _PHRASE_WORD.findall(text.lower())


def alnum_words(text: str) -> list[str]:
    """Lower-case runs of letters and digits, in order ("Q3 report's" -> ["q3", "report", "s"])."""
    return _ALNUM.findall(text.lower())


def singular_stem(word: str) -> str:
    """A word without a plural "s" ("itineraries" stays, "reports" -> "report", "glass" stays)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
