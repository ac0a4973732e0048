"""Courtesy titles before a name ("Mrs. Nina Kowalski", "Mr Haddad", "Dr. Okafor") left out: contacts are found by name."""

from __future__ import annotations

import re

#: A title before a capitalised name; "Miss" is left alone ("I miss Tom"), and so is a title not followed by a name
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Mister|Missus)\.?\s+(?=[A-Z][a-z'’-]*\b)")


def without_titles(text: str) -> str:
    """``text`` without the courtesy titles written before a name: "to Mrs. Nina Kowalski" -> "to Nina Kowalski",
    so that the period of "Mrs." ends no sentence and the name looked up is the contact's; unchanged otherwise."""
    return _TITLE.sub("", text or "") if text else text
