"""Checks of a compiled plan against the request: the right people, the named attachments, real messages.

They use the roles a tool's schema gives its parameters (``x-role``), never tool names:
- "people": a recipient written as text must be named in the request, else it comes from a
  lookup (``"$K"``); a phone number or address remembered from another turn is refused, and so is
  the result of a step that finds a file or makes an event or meeting;
- "message": a message may quote a result inside its text (a meeting link), but not a person
  lookup's result: "The text to Marcus says: $1" sends his number instead of the message;
- "attachments": a request that asks to attach something gets an email step with attachments.
- "received": the email a tool answers or passes on (a reply, a forward); such a step needs a
  request that speaks of an email it got ("reply", "forward", "the email", "Anneke's email"), not
  one that asks for a new email ("attach my resume to an email to Camille");
- "file": the name a file-finding tool takes; retrieve makes the first plan call it when the
  request asks to attach something (``asks_to_attach``).
- "message" (and free text such as a note's content): a word the model made up, in no dictionary
  and not the request's, even misspelt ("a note with passport, charger and socks" written as
  ``content="Proxacrometro"``), is refused rather than written into the person's files.
- free text written into the person's files as given (a note's content, a reminder's notes) must
  share a word with the request: ``content="Compass"`` for "passport, charger and socks" is an
  English word, but not the person's (``unsaid_text``); an email's gist or a message is the
  planner's wording and not judged so;
- Python code to run must compile.
A step may also not repeat a step that already ran. Each failure is a sentence for the planner,
like a compile error.
"""

from __future__ import annotations

import re
from typing import Sequence

from tinyagent.nodes.plans.planlang import REF, PlanError, Task, is_ref, unresolved_refs
from tinyagent.nodes.request.lexicon import FREE_TEXT, WRITTEN_TEXT
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.typos import typo_of
from tinyagent.nodes.request.words import text_words, word_set
from tinyagent.store.embeddings import english_words
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule


def file_lookups(specs: dict[str, ToolSpec]) -> set[str]:
    """Tools that find a file by name: every required parameter has the "file" role."""
    return {name for name, s in specs.items() if s.params and all(p.role == "file" for p in s.params if p.required)
            and any(p.role == "file" for p in s.params)}


def person_lookups(specs: dict[str, ToolSpec]) -> set[str]:
    """Tools that look a person up by name: every required parameter has the "person" role."""
    return {name for name, s in specs.items() if s.params and all(p.role == "person" for p in s.params if p.required)
            and any(p.role == "person" for p in s.params)}


def _items(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


_CONTACT_LITERAL = re.compile(r"@|\d{3}")
_LONG_WORD = re.compile(r"(?<![\w'])[A-Za-z]{6,}(?![\w'])")


def made_up_word(value: str, said: set[str]) -> str | None:
    """A word of six letters or more in ``value`` that is neither a word the person wrote (within
    two edits) nor an English word, or None: "Proxacrometro" for "passport, charger and socks"."""
    known = english_words()
    if not known:
        return None
    for m in _LONG_WORD.finditer(value):
        w = m.group(0).lower()
        if w in known or typo_of(w, said, edits=2):
            continue
        return m.group(0)
    return None


def python_param(spec: ToolSpec) -> str | None:
    """The parameter that takes Python code to run (``run_python(code=...)``), or None."""
    return next((p.name for p in spec.params if p.name == "code" and "python" in
                 f"{p.description} {spec.description}".lower()), None)


def compiles(code: str) -> bool:
    """Whether ``code`` is Python that compiles (it is not run here)."""
    try:
        compile(code, "<plan>", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


def said_word(word: str, said: set[str]) -> bool:
    """``word`` is one of ``said``, even misspelt (one edit, two from six letters) or with another ending
    of the same stem ("summary", "summarize")."""
    return typo_of(word, said, more_from=6, shorter=True, stem=5)


def unsaid_text(value: str, said: set[str]) -> bool:
    """A text the person would write or send that shares no word with what they said (three letters
    or more, common ones aside, even misspelt or with another ending): ``content="Compass"`` for a
    note "with passport, charger and socks", "The launch moved to next week" for "add it to my
    Standup notes note". No free text of a gold plan of the generated splits or the hand-written set
    is such a text (tests/test_checks.py)."""
    words = text_words(value)  # ("$K" has no letters)
    return bool(words) and not any(said_word(w, said) for w in words)


def check_plan(tasks: Sequence[Task], specs: dict[str, ToolSpec], query: str | Request, context: str = "",
               done: Sequence[dict] = (), reading: str = "") -> None:
    """Raise PlanError with what to change when the plan does not do what the request says.

    ``context``: the earlier turns ("User: ..." lines); a name the person typed there may be
    meant by "him" now, but an address or number must be in this request or come from a lookup.
    ``done``: the task records of earlier rounds; a step that repeats a finished one is refused.
    ``reading``: the request read with its typos corrected (retrieve), for what it asks to attach.
    ``query`` may be the request read already (nodes/request/reading.py), with its context and reading."""
    request = as_request(query, reading, context)
    context = request.context
    for t in tasks:
        for d in done:
            if d.get("status") == "done" and d.get("tool") == t.tool and d.get("args") == t.args:
                raise PlanError(f"Step {t.id} repeats step {d['id']}, which already ran. Plan only what is "
                                f"still missing, and use \"${d['id']}\" for its result.")
    for t in tasks:
        if loose := unresolved_refs(t):
            raise PlanError(f"Step {t.id} ({t.tool}): ${loose[0]} does not refer to an earlier step; "
                            f"a step can only use results of steps before it.")
    by_id = {t.id: t for t in tasks}
    for t in tasks:
        spec = specs.get(t.tool)
        if spec and "received" in spec.roles and not context \
                and not request.speaks_of_received_email:
            raise PlanError(f"Step {t.id}: {t.tool} acts on an email the person received, but the request "
                            f"asks for a new email. Write a new email instead.")
    said, earlier = request.words, request.earlier_words
    shown = request.shown_words  # what the person said or was answered in earlier turns: text to save may come from it
    lookups = person_lookups(specs)
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None:
            continue
        for p in spec.params:
            value = t.args.get(p.name)
            if value in (None, "", []):
                continue
            if p.role == "people":
                for item in _items(value):
                    dep = by_id.get(is_ref(item))
                    made = specs[dep.tool].roles if dep is not None and dep.tool in specs else frozenset()
                    if made & {"file", "when", "attachments"}:  # a file, an event or a meeting: no one's address
                        raise PlanError(
                            f"Step {t.id}: {p.name} has \"${dep.id}\", the result of {dep.tool}, which is not "
                            f"anyone's address. Look the person up by the name the request uses and pass that "
                            f"step's \"$K\".")
                    known = said if _CONTACT_LITERAL.search(str(item)) else said | earlier
                    if isinstance(item, str) and not REF.fullmatch(item.strip().strip('"')) \
                            and not (word_set(item) & known):
                        raise PlanError(
                            f"Step {t.id}: {p.name} has '{item}', which the request does not name. "
                            f"Look the person up by the name the request uses and pass \"$K\".")
            if (p.role == "message" or p.name in FREE_TEXT) and isinstance(value, str):
                odd = made_up_word(value, said | shown)  # (a word an earlier answer showed is no made-up one)
                if odd:
                    raise PlanError(f"Step {t.id}: {p.name} has '{odd}', which is not a word of the request. "
                                    f"Write the words the person asked for.")
                if p.role != "message" and p.name in WRITTEN_TEXT and unsaid_text(value, said | shown):
                    raise PlanError(f"Step {t.id}: {p.name} is '{value}', but the request says none of these "
                                    f"words. Write the words the person asked for, or \"$K\" for a step's result.")
            if p.name == python_param(spec) and isinstance(value, str) and not REF.search(value) \
                    and not compiles(value):
                raise PlanError(f"Step {t.id}: {p.name} is not Python that runs: {value!r}. Write complete "
                                f"Python code that print()s the answer.")
            if p.role == "message" and isinstance(value, str):
                whole = REF.fullmatch(value.strip())
                for k in map(int, REF.findall(value)):
                    dep = by_id.get(k)
                    if not whole and dep is not None and dep.tool in lookups:
                        raise PlanError(
                            f"Step {t.id}: {p.name} puts the result of step {k} ({dep.tool}) inside the "
                            f"message. Write the words the person asked to send; step {k} goes in the recipients.")
    phrases = [p for p in request.phrases if len(p) > 3]
    for t in tasks:  # the words for a time belong in the time argument, not in the name
        spec = specs.get(t.tool)
        slots = [p for p in spec.params if p.role == "when"] if spec else []
        if not slots or any(t.args.get(p.name) for p in slots):
            continue
        for phrase in phrases:
            for name, value in t.args.items():
                if isinstance(value, str) and phrase.casefold() in value.casefold():
                    raise PlanError(f"Step {t.id}: '{phrase}' is a time: pass it as {slots[0].name}=\"{phrase}\" "
                                    f"and leave it out of {name}.")
    if request.asks_to_attach:
        senders = [t for t in tasks if "attachments" in specs[t.tool].roles]
        if senders and not any(t.args.get(p.name) for t in senders for p in specs[t.tool].params
                               if p.role == "attachments"):
            finder = next((f"{n}({p.name}=\"{request.attached_file or '...'}\")" for n, s in specs.items()
                           for p in s.params if p.role == "file"), "the file-finding tool")
            raise PlanError(f"The request asks to attach a file, but no step attaches one. Call {finder} "
                            f"and pass \"$K\" in attachments.")


@rule("checks", "compile, early",
      "refuse a plan that invents people, files, dates or text, or misses what the request asks", "made-up content", reads=None)
def run_checks(tasks: list[Task], facts) -> None:
    """check_plan on the facts a rule reads (the done tasks of earlier rounds among them)."""
    check_plan(tasks, facts.specs, facts.request, done=list(facts.done))
