"""Whether two words are one word written two ways (a typo, another ending): the one matcher the rules use."""

from __future__ import annotations

from typing import Iterable

from tinyagent.store.spelling import edit_distance


def typo_of(word: str, other: str | Iterable[str], *, edits: int = 1, more_from: int = 0, shorter: bool = False,
            least: int = 0, swaps: bool = True, stem: int = 0) -> bool:
    """``word`` is ``other`` (or one of the words ``other``), or is it with a typo: at most ``edits``
    edits apart (a swap of neighbouring letters is one edit, two without ``swaps``), one edit more
    from ``more_from`` letters of ``word`` (of the shorter of the two with ``shorter``). With ``least``,
    a typo needs that many letters in both words; with ``stem``, two words of that many letters or
    more that begin with the same ``stem`` letters are one word with another ending ("summary",
    "summarize"). Words are compared as given (lower-case them first where case does not count)."""
    if not isinstance(other, str):
        return word in other or any(typo_of(word, o, edits=edits, more_from=more_from, shorter=shorter,
                                            least=least, swaps=swaps, stem=stem) for o in other)
    if word == other:
        return True
    if least and (len(word) < least or len(other) < least):
        return False
    size = min(len(word), len(other)) if shorter else len(word)
    limit = edits + (1 if more_from and size >= more_from else 0)
    if abs(len(word) - len(other)) <= limit and edit_distance(word, other, swaps=swaps) <= limit:
        return True
    return bool(stem) and min(len(word), len(other)) >= stem and word[:stem] == other[:stem]
