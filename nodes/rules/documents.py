"""A question about a named document searches that document: its name goes into the search (guards files); a search made of a message's words goes."""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from tinyagent.nodes.plans.planlang import Task, is_ref, renumbered, rewrite_role
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import alnum_words, singular_stem
from tinyagent.nodes.rules.lookups import NEW_ID
from tinyagent.nodes.rules.registry import rule
from tinyagent.tools.passages import alike


@rule("search_named_document", "compile",
      "a question about a named document searches that document by its name")
def search_named_document(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A search (a tool with a "question" parameter) for a request that asks what a named document says gets
    the document's name in its question when it has none of it, and what it asks about when it has none of
    that: "tuesday" -> "lisbon itinerary tuesday", so the search reads that document ("what does the lisbon
    itinerary pdf say about tuesday?"); "team handbook" -> "team handbook expenses"."""
    request = as_request(request)
    doc = request.document_named
    if not doc:
        return None
    topic = request.topic_asked

    def named(value):
        if not (isinstance(value, str) and value.strip() and not value.lstrip().startswith("$")):
            return None
        have = {singular_stem(w) for w in alnum_words(value)}

        def held(words) -> bool:  # (a word typed wrong in the request counts: "newslettr" for "newsletter")
            return any(singular_stem(w) in have or (len(w) >= 5 and any(
                len(h) >= 5 and SequenceMatcher(None, w, h).ratio() >= 0.8 for h in have)) for w in words)
        missing = not held(doc), bool(topic) and not held(topic)
        if not any(missing):
            return None
        # "tuesday" -> "lisbon itinerary tuesday"; "team handbook" -> "team handbook expenses"
        return " ".join(([*doc] if missing[0] else []) + [value.strip()] + (list(topic) if missing[1] else []))
    return rewrite_role(tasks, specs, "question", named)


#: Words of a question that ask, not what about ("remind me, who is the falcon sensor actually built for?")
_ASKING = {"what", "whats", "what's", "who", "whos", "who's", "when", "where", "which", "how", "why", "is", "are", "was",
           "were", "does", "do", "did", "the", "a", "an", "my", "our", "me", "remind", "tell", "please", "pls", "can", "could",
           "you", "actually", "really", "again", "for", "of", "to", "in", "on", "at", "it", "that", "this", "there", "one",
           "line", "enough", "quick", "question", "about", "i", "we", "us", "any"}


#: A request that asks a question: "remind me, who is ...", "what's the checkout time ...", "... in the handbook?"
_A_QUESTION = re.compile(r"^\W*(?:[\w']+\W+){0,3}?(?:what|what's|whats|who|who's|when|where|which|how|why)\b|\?\s*$", re.I)


#: A request of several asks: "..., and what does ...", "...; also ...", two question marks
_MORE_ASKS = re.compile(r"[,;]\s*(?:and|also|then)\b|\?.+\?|\band\s+(?:what|when|where|who|how|which|text|email|remind|tell)\b",
                        re.I)


@rule("search_said_words", "compile",
      "a question's document search asks in the question's own words, not words the model made up", "made-up content")
def search_said_words(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"remind me, who is the falcon sensor actually built for?" was searched for "foster parent": on a first turn
    that asks a question, a search (a tool with a "question" parameter) none of whose words are the
    request's (a word typed wrong counts as said) searches the question's own words instead ("falcon sensor built")."""
    request = as_request(request)
    # (one question, not "what's 1,250 minus 10%, and what does the handbook say about approving travel?")
    if request.context or not _A_QUESTION.search(request.query) or _MORE_ASKS.search(request.query):
        return None
    said = alnum_words(request.query)
    own = [w for w in said if w not in _ASKING and len(w) > 2]
    if len(own) < 2:
        return None

    def made_up(value):
        if not (isinstance(value, str) and value.strip()) or value.lstrip().startswith("$"):
            return None
        words = [w for w in alnum_words(value) if len(w) > 2]
        new = [w for w in words if not any(alike(w, x) or SequenceMatcher(None, w, x).ratio() >= 0.8 for x in said)]
        return " ".join(own) if len(words) >= 2 and len(new) == len(words) else None
    return rewrite_role(tasks, specs, "question", made_up)


#: A request that asks for a search of the documents itself: "search my docs for", "look through my files for"
_SEARCH_ASKED = re.compile(r"\b(?:search|look\s+(?:up|through|in)|check|find)\b[^.?!]{0,30}?\b(?:docs?|documents?|files?)\b",
                           re.I)


@rule("search_not_the_message", "compile",
      "a document search made of the words of a message the plan sends is no search the person asked for",
      "made-up content")
def search_not_the_message(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"reply to the garden quote - 1250 is more than I wanted to spend, is there a cheaper option?" was planned with
    the reply and a search of the documents for "cheap option": the question is the reply's, asked of Omar. A
    search (a tool with a "question" parameter) whose result no step uses and whose words are all words of a
    message another step sends is dropped (never the whole plan), unless the request asks to search the documents
    ("search my docs for the venue deposit and email tom asking about it")."""
    if _SEARCH_ASKED.search(as_request(request).query):
        return None
    used = {d for t in tasks for d in t.deps}
    said = [alnum_words(v) for t in tasks for p in (specs[t.tool].params if t.tool in specs else ())
            if p.role == "message" and isinstance(v := t.args.get(p.name), str) and not v.lstrip().startswith("$")]

    def of_a_message(t: Task) -> bool:
        q = specs[t.tool].with_role("question") if t.tool in specs else None
        words = alnum_words(str(t.args.get(q) or "")) if q else []
        return bool(words) and t.id not in used and any(all(any(alike(w, x) for x in s) for w in words) for s in said)
    kept = [t for t in tasks if not of_a_message(t)]
    return renumbered(kept, tasks[0].id) if kept and len(kept) < len(tasks) else None


#: "how many schools were in the pilot, and email the number to james": a question, then its answer sent on
_ANSWER_SENT = re.compile(r"^\s*(?:(?:hey|hi|ok|okay|so|pls|please)\b[\s,]*)*(?P<question>(?:how\s+(?:many|much|long|far)|what|whats|"
                          r"what's|when|where|who|which)\b[^,;?]{4,120}?)\??\s*[,;]?\s*(?:and\s+)?(?:then\s+)?"
                          r"(?:e-?mail|mail|text|txt|send|message)\s+(?:(?:the|that)\s+(?:number|answer|date|time|result|"
                          r"figure|amount|name|place)|it|that)\s+(?:to|over\s+to)\s+[a-z]", re.I)


@rule("answer_sent_on", "compile",
      "a question whose answer the request sends on ('how many schools were in the pilot, and email the number to "
      "james') searches the documents first and sends what it finds", "made-up content")
def answer_sent_on(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """Planned as the email alone, with no text: a first request that asks a question and sends "the number", "the
    answer" or "it" to someone, whose plan sends one message that carries no step's result and searches nothing, gets
    the document search of the question before the message, and the message is what it finds."""
    request = as_request(request)
    m = _ANSWER_SENT.match(request.query)
    search = next((n for n, s in specs.items() if "question" in s.roles), None)
    if request.context or not m or search is None or any(t.tool == search for t in tasks):
        return None
    senders = [t for t in tasks if (sp := specs.get(t.tool)) and {"people", "message"} <= sp.roles]
    if len(senders) != 1:
        return None
    sender = senders[0]
    slot = specs[sender.tool].with_role("message")
    if is_ref(sender.args.get(slot)) in {t.id for t in tasks}:
        return None  # (it sends a step's result already)
    query = next(p.name for p in specs[search].params if p.required or p.role == "question")
    question = re.sub(r"^(?:how\s+many|how\s+much|what(?:'s|s)?|when|where|who|which)\s+(?:is|are|was|were|do|does|did)?\s*",
                      "", m.group("question").strip(), flags=re.I)
    made = Task(NEW_ID, search, {query: question or m.group("question").strip()}, ())
    sent = replace(sender.with_args({**sender.args, slot: f"${NEW_ID}"}), deps=tuple(sorted({*sender.deps, NEW_ID})))
    order = [made] + [sent if t is sender else t for t in tasks]
    return renumbered(order, tasks[0].id)
