"""What a request says, read once per request: its words, time phrases, quantities, asks, parts and spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from tinyagent.nodes.request import asks
from tinyagent.nodes.plans.prompts import ANSWER_CHARS, TRANSCRIPT_CHARS  # noqa: F401  (where the rules read them)
from tinyagent.nodes.request.lexicon import DOCUMENT_PLAIN, GIVEN_COMMON
from tinyagent.nodes.request.quantities import Mention, mentions
from tinyagent.nodes.request.segments import segments
from tinyagent.nodes.request.spans import request_spans
from tinyagent.nodes.request.words import alnum_words, content_words, text_words, word_set
from tinyagent.tools.date_phrases import find_phrases
from tinyagent.tools.dates import parse_duration

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LENGTH = re.compile(r"half an? hour|(?:an?|\d+(?:\.\d+)?|[a-z]+)(?:\s+and\s+a\s+half)?\s+(?:hours?|hrs?|minutes?|mins?)"
                     r"(?:\s+and\s+a\s+half)?")
_LETTERS = re.compile(r"[^\W\d_]+")
#: an email address as written ("george.davis@company.example")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def time_phrases(text: str) -> list[str]:
    """The words of ``text`` for points in time, its lengths ("for 2 hours") left out."""
    return [p for p in find_phrases(text) if parse_duration(p) is None]


@dataclass(frozen=True)
class Request:
    """One request as the rules read it: ``query`` as typed, ``reading`` with its typos corrected
    (retrieve; "" for none), ``context`` the earlier turns ("User: ..." lines and answers). Each
    reading is worked out once, when first asked for; ``read_request`` keeps recent ones, so the
    graph's state holds only the texts."""

    query: str
    reading: str = ""
    context: str = ""

    @property
    def read(self) -> str:
        """The request as read: typos corrected where retrieve did, else as typed."""
        return self.reading or self.query

    # -- what it asks (of the request as read) ------------------------------------------------------
    @cached_property
    def asks_to_attach(self) -> bool:
        """It asks to send a file along ("email Sarah the Q3 report")."""
        return asks.asks_to_attach(self.read)

    @cached_property
    def attached_file(self) -> str | None:
        """The name of the file it asks to send along, as it says it ("Q3 report"), or None."""
        return asks.attached_file(self.read)

    @cached_property
    def file_to_read(self) -> str | None:
        """The name of the file it asks to summarize, read or open, as it says it ("lisbon itinerary"), or None."""
        return asks.read_file_named(self.read)

    @cached_property
    def document_named(self) -> tuple[str, ...]:
        """The words the request names a document by when it asks what that document says ("lisbon itinerary"); in a
        follow-up that asks what "it" says ("what did it say about the tram?"), the document the turn before read."""
        named = tuple(asks.named_document(self.read))
        if named or not self.context or not asks.asks_what_it_says(self.read):
            return named
        earlier = [line[5:].strip() for line in self.context.splitlines() if line.startswith("User:")]
        before = earlier[-1] if earlier else ""
        read = asks.read_file_named(before) or " ".join(asks.named_document(before))
        return tuple(w for w in alnum_words(read) if w not in DOCUMENT_PLAIN) if read else ()

    @cached_property
    def topic_asked(self) -> tuple[str, ...]:
        """What a question about a document asks about ("tuesday", "late deliveries")."""
        return tuple(asks.asked_topic(self.read, self.document_named))

    @cached_property
    def asks_for_contact(self) -> bool:
        """It asks for someone's address or number itself ("what's Ana's email")."""
        return asks.asks_for_contact(self.read)

    @cached_property
    def speaks_of_received_email(self) -> bool:
        """It is about an email the person got ("reply that ...", "Anneke's email")."""
        return asks.speaks_of_received_email(self.read)

    def asks_for_file(self, name: str) -> bool:
        """It asks for the file ``name`` itself ("open my resume")."""
        return asks.asks_for_file(self.read, name)

    # -- its words (of the request as typed, and the earlier turns) --------------------------------
    @cached_property
    def words(self) -> frozenset[str]:
        """Its words, case folded (a name written as a recipient must be one of them)."""
        return frozenset(word_set(self.query))

    @cached_property
    def earlier_words(self) -> frozenset[str]:
        """The words of the person's earlier turns, case folded."""
        return frozenset(word_set(" ".join(line[5:] for line in self.context.splitlines()
                                           if line.startswith("User:"))))

    @cached_property
    def shown_words(self) -> frozenset[str]:
        """The words of the earlier turns and their answers, case folded."""
        return frozenset(word_set(self.context))

    @cached_property
    def named(self) -> frozenset[str]:
        """The lower-case runs of letters of the request and the earlier turns (the names it says)."""
        return frozenset(w.lower() for w in _LETTERS.findall(self.query + "\n" + self.context))

    @cached_property
    def named_folded(self) -> frozenset[str]:
        """``named``, case folded rather than lower-cased."""
        return frozenset(w.casefold() for w in _LETTERS.findall(f"{self.query}\n{self.context}"))

    @cached_property
    def content_words(self) -> frozenset[str]:
        """Its words of three letters or more, common ones aside (nodes/request/words.py)."""
        return frozenset(content_words(self.query))

    @cached_property
    def content_words_read(self) -> frozenset[str]:
        """``content_words`` of the request as typed and as read."""
        return self.content_words | content_words(self.read)

    @cached_property
    def given_words(self) -> frozenset[str]:
        """The words that show it gives a value: three letters or more, common ones and "new" aside."""
        return frozenset(text_words(self.query, GIVEN_COMMON))

    @cached_property
    def numbers(self) -> frozenset[str]:
        """The numbers it writes in digits, as written ("48", "2.5")."""
        return frozenset(_NUMBER.findall(self.query))

    @cached_property
    def addresses(self) -> tuple[str, ...]:
        """The email addresses it writes out."""
        return tuple(EMAIL.findall(self.query))

    # -- quantities and times -----------------------------------------------------------------------
    @cached_property
    def quantities(self) -> tuple[Mention, ...]:
        """Its numbers with what surrounds them ("6.5%", "213 million", "90 minutes")."""
        return tuple(mentions(self.query))

    @cached_property
    def phrases(self) -> tuple[str, ...]:
        """Its words for times and lengths ("next Friday at 3pm", "for 2 hours")."""
        return tuple(find_phrases(self.query))

    @cached_property
    def times(self) -> tuple[str, ...]:
        """Its words for points in time, lengths left out."""
        return tuple(p for p in self.phrases if parse_duration(p) is None)

    @cached_property
    def lengths(self) -> frozenset[float]:
        """The lengths of time it states ("90 minutes", "half an hour"), in seconds, minutes and hours."""
        found = [parse_duration(m) for m in _LENGTH.findall(self.query.lower())]
        return frozenset(s / unit for d in found if d for s in [d.total_seconds()] for unit in (1, 60, 3600))

    # -- its parts and the words names are copied from ------------------------------------------------
    @cached_property
    def parts(self) -> tuple[str, ...]:
        """The asks it can be cut into (nodes/request/segments.py); one for a request that cannot be cut."""
        return tuple(segments(self.query))

    @cached_property
    def spans(self) -> tuple[str, ...]:
        """The runs of words a name may be copied from (nodes/request/spans.py), the longest first."""
        return tuple(request_spans(self.query, self.reading, self.context))


def read_request(query: str, reading: str = "", context: str = "") -> Request:
    """The request read from these texts, the same object for the same texts (kept for the last 256)."""
    return _read(query, reading or "", context or "")


@lru_cache(maxsize=256)
def _read(query: str, reading: str, context: str) -> Request:
    return Request(query, reading, context)


def as_request(query: str | Request, reading: str = "", context: str = "") -> Request:
    """``query`` when it is a Request already, else the request read from these texts."""
    return query if isinstance(query, Request) else read_request(query, reading, context)
