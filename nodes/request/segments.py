"""Cut a long request into the asks that can be planned one by one (a list, sentences, "; ", "then").

The planner writes plans of one to three steps well and longer ones poorly (on the generated test
split: 48 of 52 right up to three steps, 10 of 27 from four steps on), and stops or rambles in
long lists. The compile node uses these parts where a first plan of a long request is invalid
(each part is then planned alone) or leaves a part out (``uncovered``: that part is planned alone
and added). A cut is made only where the person separated asks and the next piece opens one of its
own; a piece that refers back ("email the summary to Leila", "text him") stays with the one before.
With ``keep_back=False`` such pieces are cut too, so that the ask before one ("email Eric about the
results" in "... & text him 'happy birthday!'") can be planned alone when the plan leaves it out
(the compile node's ``missing_asks``).
"""

from __future__ import annotations

import re

from tinyagent.nodes.request.lexicon import ASK_OPENERS, ASK_VERBS, CONTENT_VERBS, PART_STOP
from tinyagent.nodes.request.typos import typo_of
from tinyagent.nodes.request.words import letter_words, literal_texts


#: A piece that speaks of what an earlier one made or found ("email the summary to Leila", "add
#: it to my notes", "text him", "send the link to Robert") stays with it.
_BACK = re.compile(
    r"\b(?:there|same)\b"
    r"|\b(?:the|that|this)\s+(?:summary|link|result|results|answer|total|output|path|details|info|findings|sum|average)\b"
    r"|\b(?:the|that)\s+(?:meeting|event|call|email|mail|message|note|file|doc|document|pdf|reminder|number"
    r"|address|recording|list|room|invite)(?=\s*(?:$|[,.;!?]|(?:to|in|on|into|with|for|as|along)\b))"
    r"|\b(?:to|into|in|on|with|from|about|of) (?:it|them)\b"
    r"|\bwhat (?:you|u|it|they) (?:find|found|get|got|say|says)\b", re.IGNORECASE)
#: a pronoun as the object of the piece's first words ("text him", "add it to", "send them the link")
_PRONOUN = re.compile(r"^(?:\S+\s+){0,2}(?:it|them|him|her|that|those|these)\b", re.IGNORECASE)


#: Words that only modify an email or event being written ("..., with Samuel in cc", "attaching the deck").
_MODIFIER = re.compile(r"\b(?:cc|bcc|attach|attaching|attached|attachment|attachments|copy|copying|invite|inviting)\b"
                       r"|^\s*(?:with (?:the |a )?)?(?:note|notes|list|folder|location|calendar|subject|title)\s*:"
                       r"|^\s*add (?:a |the )?notes?\s*(?::|to\b)"  # "..., and add a note: bring snacks"
                       r"|^\s*(?:send|share) (?:the|a|an|my|our) (?!.*\bto\b)",  # "email Ana and send the agenda"
                       re.IGNORECASE)

_OPENERS = re.compile(
    r"^(?:(?:and|also|then|finally|first|firstly|second|next|after that|afterwards|plus|lastly|oh|ok|okay|"
    r"so|hey|hi|yo|pls|please|plz|thanks|thx|now|additionally)\b[\s,:;.!-]*)+", re.IGNORECASE)

# strong breaks: a new line, a list marker, a sentence end, ";", "then", "also", "+"
_LIST_MARK = re.compile(r"(?:^|\s)(?:\(?\d{1,2}[).]|[-*•])\s+(?=\S)")
_NUMBERED = re.compile(r"\(?\d{1,2}[).]")
#: polite words at a piece's end, not counted as its words ("remind me thank you so much")
_POLITE = re.compile(r"(?:\s*\b(?:thank you(?: so much)?|thanks(?: a lot)?|thx|ty|asap|please|pls|plz|if you can|"
                     r"when you get a (?:sec|chance)|for me)\b[\s.!?:)]*)+$", re.IGNORECASE)
#: words before a list or an ask that only lead into it ("I need you to", "Can you", "quick one:")
_LEAD = re.compile(r"(?:\bto|\byou|\bu|:)\s*$", re.IGNORECASE)
_STRONG = re.compile(
    r"\n+|;(?=\s)\s*"  # (not "tl;dr")
    r"|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bMrs)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<=[A-Za-z)'\"])[.!?]+\s+(?=[A-Za-z])"
    r"|(?<=\d)[.!?]+\s+(?=[A-Z])"  # after a number only before a capital ("22.6. at midday" goes on)
    r"|(?i:,?\s+(?:and\s+)?then\s+|,\s*(?:and\s+)?also\s+|\s+also\s+(?=[a-z])|\s+\+\s+)")
# weak breaks: only where the next words open an ask of their own
_WEAK = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&|n)\s+", re.IGNORECASE)


def _first(piece: str) -> str:
    """The piece's first word after openers ("Also, please text ..." -> "text"); "" for none."""
    words = _OPENERS.sub("", piece.strip()).split()
    return words[0].strip(",:;.!?\"'()").casefold() if words else ""


def _opens_ask(piece: str, strong: bool = False) -> bool:
    """Whether a piece opens an ask of its own: with a verb of ASK_VERBS, or after a strong break
    also with a request's opening words ("What's ...", "can you ...")."""
    first = _first(piece)
    return first in ASK_VERBS or (strong and first in ASK_OPENERS)


def refers_back(piece: str) -> bool:
    """Whether a piece speaks of what an earlier one made or found ("text him", "email the summary")."""
    return bool(_BACK.search(piece) or _PRONOUN.search(_OPENERS.sub("", piece.strip())))


def _line_start(text: str, mark: re.Match) -> bool:
    pos = mark.start() + len(mark.group()) - len(mark.group().lstrip())
    return not text[text.rfind("\n", 0, pos) + 1:pos].strip()


def _breaks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, strong) of every place the request may be cut, in order."""
    found: dict[int, tuple[int, bool]] = {}
    marks = [m for m in _LIST_MARK.finditer(text) if _NUMBERED.match(m.group().strip())
             or _line_start(text, m) or len(text[:m.start()].split()) <= 5]  # a bullet starts a line, or follows a few words
    if len(marks) >= 2:  # a list, in lines or inline ("1) ... 2) ...")
        for m in marks:
            found[m.start()] = (m.end(), True)
    for m in _STRONG.finditer(text):
        if m.end() > m.start():
            found.setdefault(m.start(), (m.end(), True))
    for m in _WEAK.finditer(text):
        found.setdefault(m.start(), (m.end(), False))
    out, last = [], 0
    for a in sorted(found):
        b, strong = found[a]
        if a >= last:
            out.append((a, b, strong))
            last = b
    return out


def segments(query: str, keep_back: bool = True) -> list[str]:
    """The asks of a request that can each be planned alone, in order, as written; one item when
    it cannot be cut safely. A piece stays with the one before it when it refers back to it (a
    pronoun, "the summary", "the link"), only modifies it (cc, attach, invite) or does not open
    an ask of its own; words before the first ask ("quick one:", "hey,") stay with the first.

    ``keep_back=False``: a piece that refers back is an ask of its own too ("email Eric about the
    results", "text him 'happy birthday!'"); ``refers_back`` tells which of them cannot be planned
    alone."""
    text = query.strip()
    cuts = _breaks(text)
    spans = []  # (start, end, came after a strong break)
    pos, strong = 0, True
    for a, b, kind in cuts:
        spans.append((pos, a, strong))
        pos, strong = b, kind
    spans.append((pos, len(text), strong))
    out: list[list[int]] = []  # [start, end] of each segment
    lead: int | None = None  # where words before any ask began ("After that,", "Can you"): they go with the next
    lead_strong = False
    for a, b, strong in spans:
        piece = text[a:b]
        strong = strong or (lead is not None and lead_strong)  # "After that, what's ..." follows a full stop
        alone = len(letter_words(_POLITE.sub("", piece))) >= 3 and not _LEAD.search(_POLITE.sub("", piece)) and (_opens_ask(piece, strong) or (strong and _first(piece) not in CONTENT_VERBS)) \
            and not (keep_back and refers_back(piece)) and not _MODIFIER.search(piece)
        if not out and not alone:  # the first ask may say anything; only lead-in words go on to the next
            alone = len(letter_words(_POLITE.sub("", piece))) >= 3 and not _LEAD.search(_POLITE.sub("", piece))
        if not _first(piece) or (not out and not alone):
            if lead is None:
                lead, lead_strong = a, strong
            continue
        if out and (not alone or (not strong and not _opens_ask(text[out[-1][0]:out[-1][1]], True))):
            out[-1][1] = b
        else:
            out.append([a if lead is None else lead, b])
        lead = None
    if lead is not None and out:
        out[-1][1] = len(text)
    # a segment that, with the pieces joined to it, refers back ("add Yuki and Lily to it") goes
    # with the one before
    merged: list[list[int]] = []
    for seg in out:
        if merged and keep_back and refers_back(text[seg[0]:seg[1]]):
            merged[-1][1] = seg[1]
        else:
            merged.append(seg)
    out = merged
    parts = [_clean(text[a:b]) for a, b in out]
    parts = [p for p in parts if letter_words(p)]
    return parts if len(parts) > 1 else [query]


_LEADING = re.compile(r"^(?:(?:and|then|also|finally|after that|afterwards|next|plus|lastly)\b[\s,:]*)+", re.IGNORECASE)


def _clean(part: str) -> str:
    """A segment without its list marker, the words that joined it to the one before, and trailing separators."""
    part = _LIST_MARK.sub(" ", part, count=1) if _LIST_MARK.match(part) else part
    return _LEADING.sub("", part.strip(" ,;&+\n-")).strip(" ,;&+\n")


def _tokens(text: str) -> set[str]:
    """The words a value and a request can share: words of three letters or more (not the most
    common ones) and numbers."""
    words = {w for w in re.findall(r"[^\W\d_]{3,}", text.casefold()) if w not in PART_STOP}
    return words | set(re.findall(r"\d+(?:[.:]\d+)?", text))


def _parts_of(args, said: list[set[str]]) -> set[int]:
    """The indexes of the parts (their ``_tokens``) that a step's values share a word or number with."""
    words = set().union(*(_tokens(v) for v in literal_texts(args, numbers=True))) if args else set()
    return {i for i, part in enumerate(said) if any(typo_of(w, part, least=5, swaps=False) for w in words)}


def placed(args, parts: list[str]) -> bool:
    """Whether a step's values share a word or number with any of the request's ``parts``."""
    return bool(_parts_of(args, [_tokens(p) for p in parts]))


def home(args, parts: list[str]) -> int | None:
    """The one part of the request a step's values speak of; None for none or several."""
    found = _parts_of(args, [_tokens(p) for p in parts])
    return found.pop() if len(found) == 1 else None


def uncovered(parts: list[str], steps: list[dict]) -> list[int]:
    """The indexes of ``parts`` (from ``segments``) that no step of a plan speaks of: no value of
    any step shares a word or number with the part ("look up Elena's email" beside a plan of
    Ines's forward and the Team sync event). Steps are ``{"tool", "args"}`` dicts."""
    if len(parts) < 2:
        return []
    said = [_tokens(p) for p in parts]
    covered = set().union(*(_parts_of(step.get("args"), said) for step in steps))
    return [i for i in range(len(parts)) if i not in covered]
