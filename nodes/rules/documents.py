"""A question about a named document searches that document: its name goes into the search (guards files)."""

from __future__ import annotations

from tinyagent.nodes.plans.planlang import Task
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import alnum_words, singular_stem


def search_named_document(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A search (a tool with a "question" parameter) for a request that asks what a named document says gets
    the document's name in its question when it has none of it, and what it asks about when it has none of
    that: "tuesday" -> "lisbon itinerary tuesday", so the search reads that document ("what does the lisbon
    itinerary pdf say about tuesday?"); "team handbook" -> "team handbook expenses"."""
    request = as_request(request)
    doc = request.document_named
    if not doc:
        return None
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        param = (spec.with_role("question") if spec else None)
        value = t.args.get(param) if param else None
        if isinstance(value, str) and value.strip() and not value.lstrip().startswith("$"):
            have = {singular_stem(w) for w in alnum_words(value)}
            topic = request.topic_asked
            missing = not any(singular_stem(w) in have for w in doc), bool(topic) and not any(singular_stem(w) in have for w in topic)
            if any(missing):  # "tuesday" -> "lisbon itinerary tuesday"; "team handbook" -> "team handbook expenses"
                words = ([*doc] if missing[0] else []) + [value.strip()] + (list(topic) if missing[1] else [])
                args = {**t.args, param: " ".join(words)}
                out.append(t.with_args(args))
                changed = True
                continue
        out.append(t)
    return out if changed else None
