"""Step numbers that name no step: taken out of a text, and a file named only by them is the file the request names."""

from __future__ import annotations

import re

from tinyagent.nodes.plans.planlang import REF, Task, rewrite_params
from tinyagent.nodes.request.lexicon import FREE_TEXT
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import alnum_words
from tinyagent.nodes.rules.registry import rule

#: What is left of a text once its loose "$K" went: the separators around it
_LEFT = re.compile(r"[\s:;,\-–]+$|^[\s:;,\-–]+")


@rule("dangling_reference", "compile",
      "a '$K' naming no earlier step, and no money the person said, is taken out of a text; a file named only so "
      "is the one the request names; an attachment named only so goes where nothing is asked attached", "made-up content")
def dangling_reference(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """The planner writes step numbers that name no step: ``forward_email(context="Invoice from Lucas: $32")`` in a
    two-step plan, ``summarize_pdf(pdf_path="$13\\n$20")`` for "summarize the lisbon itinerary". The compiler reads a
    "$32" inside a longer text as money, so it reached the draft. A "$K" that names no earlier step of the plan and
    whose number neither the request nor an earlier turn says (the person's "$32" or "32 dollars" stays) is taken
    out of a message or free text where words are left (a text of nothing else is left to broken_reference and the
    checks). A file
    parameter holding nothing else gets the name of the file the request asks to read ("lisbon itinerary"); where
    it names none, it is left to the checks."""
    request = as_request(request)
    said = f"{request.query}\n{request.context}"
    ids = {t.id for t in tasks}

    def loose(t: Task, text: str) -> list[str]:
        return [m.group(0) for m in REF.finditer(text)
                if not (int(m.group(1)) in ids and int(m.group(1)) < t.id)
                and not re.search(rf"(?<![\d.,]){m.group(1)}(?!\d)", said)]  # ("$32", "32 dollars", "24 total")

    def mended(t: Task, p, value):
        if not isinstance(value, str) or not (bad := loose(t, value)):
            return None
        rest = value
        for ref in bad:
            rest = re.sub(re.escape(ref) + r"(?![\d.,]\d)", " ", rest)
        rest = _LEFT.sub("", " ".join(rest.split()))
        if p.role == "file" or p.name.endswith("_path"):
            return request.file_to_read if not alnum_words(rest) and not REF.search(rest) else None
        if (p.role == "message" or p.name in FREE_TEXT or p.name == "subject") and alnum_words(rest):
            return rest
        return None
    out = rewrite_params(tasks, specs, mended)
    # an attachment that is only a "$K" naming no earlier step, where the request asks to attach nothing ("email
    # Elena Rossi about the logo revisions: ..." planned attachments=["$3"]): no attachment
    if request.asks_to_attach:
        return out
    fixed, changed = [], False
    for t in out or tasks:
        slot = specs[t.tool].with_role("attachments") if t.tool in specs else None
        files = t.args.get(slot) if slot else None
        if isinstance(files, list) and files and all(isinstance(f, str) and loose(t, f) and not alnum_words(
                REF.sub(" ", f)) for f in files):
            t, changed = t.with_args({k: v for k, v in t.args.items() if k != slot}), True
        fixed.append(t)
    return fixed if changed else out
