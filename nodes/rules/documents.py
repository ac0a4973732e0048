"""A question about a named document searches that document: its name goes into the search (guards files)."""

from __future__ import annotations

from tinyagent.nodes.plans.planlang import Task, rewrite_role
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import alnum_words, singular_stem
from tinyagent.nodes.rules.registry import rule


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
        missing = not any(singular_stem(w) in have for w in doc), bool(topic) and not any(singular_stem(w) in have for w in topic)
        if not any(missing):
            return None
        # "tuesday" -> "lisbon itinerary tuesday"; "team handbook" -> "team handbook expenses"
        return " ".join(([*doc] if missing[0] else []) + [value.strip()] + (list(topic) if missing[1] else []))
    return rewrite_role(tasks, specs, "question", named)
