"""A question about a named document: the files the question's words name, and their passages ranked for it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Sequence

#: Words of a file name or a question that say nothing about which document or what about it.
_PLAIN = {"pdf", "doc", "docx", "docs", "document", "documents", "file", "files", "txt", "md", "the", "my", "our",
          "your", "a", "an", "of", "and", "for", "in", "on", "at", "to", "about", "what", "whats", "does", "do",
          "did", "is", "are", "was", "it", "say", "says", "said", "state", "states", "mention", "mentions",
          "written", "write", "tell", "me", "according", "from", "sample", "copy", "final", "v1", "v2", "new",
          "when", "where", "who", "whom", "how", "which", "why", "there", "any", "anything", "with", "be", "by",
          "can", "could", "you", "please", "pls", "i", "we", "that", "this", "will", "there", "look", "find",
          # what a question says of itself, not of what it asks about ("remind me, who is the sensor actually built
          # for? one line is enough")
          "remind", "actually", "really", "exactly", "again", "just", "one", "line", "enough", "quick", "quickly",
          "briefly", "short", "shortly",
          # and the words a question asks with ("which metro line do I take into the centre", "do i need to sort out
          # lunch", "where's the workshop held")
          "into", "onto", "need", "sort", "out", "held", "located", "happen", "happening"}
PASSAGE_CHARS = 600


def words(text: str) -> list[str]:
    """Lower-case words of a name or a question: 'Lisbon_Trip_Itinerary' -> lisbon, trip, itinerary."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)  # ProjectFalcon -> Project Falcon
    text = re.sub(r"\bcheck[\s-]+(out|in)\b", r"check \1 check\1", text, flags=re.I)  # ("check out": "checkout" too)
    return re.findall(r"[a-z0-9]+", text.lower())


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def alike(a: str, b: str) -> bool:
    """The same word, give or take a plural or an ending ('itinerary'/'itineraries', 'handbook'/'handbooks')."""
    a, b = _stem(a), _stem(b)
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b[:-1]) or b.startswith(a[:-1]))
                      and abs(len(a) - len(b)) <= 3)


def name_words(path: Path) -> list[str]:
    """The words of a file's name that can say which document it is."""
    return [w for w in dict.fromkeys(words(path.stem)) if w not in _PLAIN and (len(w) > 1)]


def named_files(paths: Iterable[Path], question: str) -> list[Path]:
    """The files whose name the question names best: at least one of their name's words, and half or more of
    them, are in the question ('Lisbon itinerary Tuesday' names Lisbon_Trip_Itinerary.pdf), else the one file
    whose name alone holds a word of the question ('the itinerary'); [] when none."""
    asked = [w for w in words(question) if w not in _PLAIN]
    paths = list(paths)
    scored = []
    for p in paths:
        own = name_words(p)
        hits = sum(any(alike(w, a) for a in asked) for w in own)
        if own and hits and 2 * hits >= len(own):
            scored.append((hits, p))
    if not scored:
        # "what does the itinerary say about tuesday": a word that is in one file's name only names that file
        only = [[p for p in paths if any(alike(w, a) for a in name_words(p))] for w in asked if len(w) > 3]
        named = {tuple(ps) for ps in only if len(ps) == 1}
        return [next(iter(named))[0]] if len(named) == 1 else []
    best = max(h for h, _ in scored)
    return sorted(p for h, p in scored if h == best)


def topic_words(question: str, files: Sequence[Path]) -> list[str]:
    """The question's words that are not the document's name: what it asks about ('tuesday'); words that only ask
    for a kind of fact ('vacation days': 'days', which a passage on receipts "within thirty days" holds) count
    only where nothing else is asked."""
    named = {w for p in files for w in name_words(p)}
    out = [w for w in dict.fromkeys(words(question))
           if w not in _PLAIN and len(w) > 1 and not any(alike(w, n) for n in named)]
    return [w for w in out if w not in _ASKS_FOR] or out


def paragraphs(text: str, size: int = PASSAGE_CHARS) -> list[str]:
    """The document's paragraphs (blank-line separated), a long one cut at sentence ends near ``size``."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        while len(para) > size:
            cut = max(para.rfind(". ", 0, size), para.rfind("? ", 0, size), para.rfind("! ", 0, size))
            cut = cut + 1 if cut > size // 3 else (para.rfind(" ", 0, size) if para.rfind(" ", 0, size) > 0 else size)
            out.append(para[:cut].strip())
            para = para[cut:].strip()
        if para:
            out.append(para)
    return out


#: Words a question and a document say the same thing with: "fly back home" is the "return flight"
_SAME_THING = [{"fly", "flying", "flies", "flight", "flights", "plane", "aeroplane", "airplane"},
               {"back", "home", "return", "returning"}]
_ALSO = {w: group for group in _SAME_THING for w in group}


def _holds(t: str, own: Sequence[str]) -> int:
    """How often the passage's words (``own``) say the topic word ``t``, or what says the same thing."""
    return sum(alike(t, w) or w in _ALSO.get(t, ()) for w in own)


def _matches(topic: Sequence[str], passage: str) -> tuple[int, int]:
    """(how many topic words the passage holds, how often): 'Budget: ... annual budget' beats '... the budget'."""
    own = words(passage)
    found = [_holds(t, own) for t in topic]
    return sum(1 for n in found if n), sum(found)


def reranked(hits: list[dict], topic: Sequence[str], k: int) -> list[dict]:
    """Search hits ({"text", "score"}, best first) with those holding more of the topic words first."""
    order = sorted(range(len(hits)), key=lambda i: (-_matches(topic, hits[i]["text"])[0], i))
    return [hits[i] for i in order[:k]]


def ranked_passages(texts: dict[str, str], question: str, topic: Sequence[str], k: int,
                    embed: Callable[[list[str]], "object"] | None = None, max_embedded: int = 200) -> list[dict]:
    """The ``k`` passages of ``texts`` (path -> text) that answer ``question`` best: those holding the most
    topic words first (only those, when any does), then by meaning (``embed``: unit vectors, else order).
    Each is {"path", "text", "score"}: score is the share of topic words it holds, or its similarity; where
    none holds a topic word, each also has ``"missing"``: the topic words no passage holds ("holidays")."""
    pool = [(path, para) for path, text in texts.items() for para in paragraphs(text)]
    counts = [_matches(topic, para) for _, para in pool]
    best = max(counts, default=(0, 0))
    # the passages that speak of what is asked ("Tuesday: partner workshop ..."), else all of them
    keep = [i for i, c in enumerate(counts) if c[0] or not best[0]][:max_embedded]
    similarity = [0.0] * len(keep)
    if embed is not None and keep:
        import numpy as np

        vectors = np.asarray(embed([question] + [pool[i][1] for i in keep]))
        similarity = [float(s) for s in vectors[1:] @ vectors[0]]
    order = sorted(range(len(keep)), key=lambda j: (-counts[keep[j]][0], -counts[keep[j]][1], -similarity[j], keep[j]))
    out = []
    for j in order[:k]:
        path, para = pool[keep[j]]
        score = counts[keep[j]][0] / len(topic) if topic and counts[keep[j]][0] else similarity[j]
        out.append({"path": path, "text": para, "score": round(float(score), 4)}
                   | ({"missing": list(topic)} if topic and not best[0] else {}))
    return out


#: Words a question asks with that no passage need hold: what kind of fact it wants, not what about
#: ("what time does my flight land": a time; the passage holds "flight" and "lands 10:05").
_ASKS_FOR = {"time", "times", "date", "dates", "day", "days", "much", "many", "long", "planned", "happening",
             "going", "get", "got", "have", "has", "need", "supposed", "whats", "what's", "exactly", "again",
             "remind", "know", "thing", "things", "info", "details", "detail", "am", "im", "were", "been", "will",
             # when a thing happens, asked of the thing: the passage names the flight, not that it lands
             "land", "lands", "landing", "leave", "leaves", "leaving", "depart", "departs", "arrive", "arrives",
             "start", "starts", "begin", "begins", "end", "ends", "finish", "finishes", "stay", "staying", "due",
             # how a thing moves, asked of the thing: "which tram line goes through the old town"
             "go", "goes", "went", "gone", "take", "takes", "taking", "run", "runs", "happen", "happens",
             # what a thing is called, asked of the thing: "whats the name of the hotel in lisbon?"
             "name", "names", "called"}


def answers(question: str, hits: Sequence[dict]) -> dict | None:
    """The hit ({"path", "text"}) that holds every word ``question`` asks about, counting its file's name,
    and one of them at least in its text, when it asks about two words or more ("return flight lisbon": the
    itinerary's "Return flight ... Lisbon ..."; "wednesday on the lisbon trip": "Wednesday: site visit ..." of
    Lisbon_Trip_Itinerary.pdf); None when no hit holds them all. (Two in the text, tried after a review, lost
    the second example: words of a file's name say what its passages are about.)"""
    topic = [w for w in topic_words(question, []) if w not in _ASKS_FOR and not w.isdigit()]
    if len(topic) < 2:
        return None
    for hit in hits:
        text = words(hit.get("text", ""))
        own = text + name_words(Path(str(hit.get("path", ""))))
        if all(any(alike(t, w) for w in own) for t in topic) and any(alike(t, w) for t in topic for w in text):
            return hit
    return None
