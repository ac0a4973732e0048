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

from tinyagent.nodes.plans.planlang import REF, PlanError, Task, is_ref
from tinyagent.nodes.request.lexicon import COMMON_WORDS, FILE_VERBS, FREE_TEXT, WRITTEN_TEXT
from tinyagent.nodes.request.typos import typo_of
from tinyagent.store.embeddings import english_words
from tinyagent.tools.dates import find_phrases
from tinyagent.tools.specs import ToolSpec

_FILE_NOUN = (r"(?:file|pdf|doc|docx|document|report|deck|slides|sheet|spreadsheet|itinerary|handbook|contract|"
              r"invoice|presentation|photos?|pictures?|agenda|minutes|proposal|cv|resume|receipts?|"
              r"slip|form|chapter|poster|scans?|screenshots?|brochure|manual|guide)")
# Between "email"/"send" and the file, a word that starts another clause means the file is not what is
# sent: a topic ("email Ana about the contract renewal"), the message ("email Ana to ask for the
# invoice") or the next ask ("send Ana the link, then summarize the pdf").
_CLAUSE = r"(?:about|regarding|abt|re|on|to|and|then|also|saying|that|for|with|asking|telling|after|before|but)"
_GAP = r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s|[\w.+-]+@[\w.-]+\w\s|(?!\b" + _CLAUSE + r"\b)[^.?!;:,()'\"\n])"
_DET = r"(?:the|my|our|this|these|those)"
_MODS = r"(?:(?!" + _DET + r"\b)[\w'-]+\s+){0,3}"  # up to three words before the file noun, no determiner
_ATTACH = re.compile(
    r"\battach|\bas an attachment|\binclude (?:the|my|our) [\w -]{0,30}?\bfile\b"
    r"|\bwith (?:the|my|our) " + _MODS + _FILE_NOUN + r"\b"
    # "email Sarah the Q3 report", "send the photos to Ayesha"; not "remind me to send the invoice",
    # nor a message in brackets or after a dash ("(send the agenda)")
    r"|(?<!\bto )(?<![(\-'] )(?<![(\-'])\b(?P<verb>e-?mail|send|mail|share)\b" + _GAP
    + r"{0,40}?\b" + _DET + r"\s+" + _MODS + _FILE_NOUN
    + r"\b(?!\s+(?:renewal|review|signing|talk|meeting|call|draft)\b)", re.I)
# "send it to Ravi" after the file was named ("find the budget spreadsheet and send it to Ravi"), but
# not what a step makes ("summarize the report and email it to Ravi": the summary is sent)
_SEND_IT = re.compile(r"(?<!\bto )\b(?:send|e-?mail|mail|share)\s+(?:it|them)\s+(?:to|over)\b", re.I)
_NAMED_FILE = re.compile(r"\b" + _DET + r"\s+(" + _MODS + _FILE_NOUN + r")\b", re.I)
_MADE = re.compile(r"\b(?:summar|sum up|tl;?dr|link|zoom|result|answer|total)", re.I)
# the name of the file to attach, where the request gives it
_FILE_AFTER_ATTACH = re.compile(
    r"\battach(?:ing)?\s+(?:(?:the|my|our)\s+)?((?:[\w'-]+\s?){1,4}?)"
    r"(?=\s*(?:\b(?:to|and|for|with|from|in|on|please|pls|as|then|too|also)\b|[,.;:!?]|$))", re.I)
_FILE_INCLUDED = re.compile(r"\binclude (?:the|my|our) ([\w -]{1,30}?)\s*\bfile\b", re.I)
_FILE_AS_ATTACHMENT = re.compile(r"\b(?:with|w/)\s+(?:(?:the|my|our)\s+)?((?:[\w'-]+\s?){1,4}?)\s+as an attachment",
                                 re.I)


def _attach_match(query: str) -> re.Match | None:
    if re.search(r"\b(?:forward|fwd)", query, re.I):
        return None
    for m in _ATTACH.finditer(query):
        if m.group("verb") and re.search(r"\b(?:e-?mail|mail|reply|message|text|line|remind(?:er)?)\b[^.?!;:]*:\s*$",
                                         query[:m.start()], re.I):
            continue  # the words of a message or reminder after a colon ("email Jack about it: send the agenda")
        return m
    it = _SEND_IT.search(query)
    if it and not _MADE.search(query[:it.start()]):
        named = list(_NAMED_FILE.finditer(query[:it.start()]))
        return named[-1] if named else None
    return None


def asks_to_attach(query: str) -> bool:
    """The request asks to send a file along ("email Sarah the Q3 report", "attach the slides",
    "find the budget spreadsheet and send it to Ravi"); forwarding keeps the email's own files.

    Callers pass the request as read with its typos corrected where they have it ("emial Sarah the
    Q3 reprot"; store/spelling.py)."""
    return _attach_match(query) is not None


def attached_file(query: str) -> str | None:
    """The name of the file the request asks to send along, as it says it ("email Sarah the Q3
    report" -> "Q3 report", "attach my resume to an email" -> "resume"), or None."""
    m = _attach_match(query)
    if m is None:
        return None
    text = m.group(0)
    found = None
    if re.search(r"\battach", text, re.I):  # the words after "attach", in the match or past it
        found = _FILE_AFTER_ATTACH.search(text) or _FILE_AFTER_ATTACH.search(query[m.start():])
    if found:
        name = found.group(1)
    elif enclosed := _FILE_AS_ATTACHMENT.search(query):
        name = enclosed.group(1)
    elif included := _FILE_INCLUDED.search(text):
        name = included.group(1)
    else:
        named = list(_NAMED_FILE.finditer(text))
        if not named:
            return None
        name = named[-1].group(1)
    name = re.sub(r"\s+(?:file|pdf|docx?|document)$", "", name.strip(), flags=re.I)  # "meeting notes pdf"
    return None if name.lower() in {"", "it", "them", "this", "that", "these", "those", "one", "file", "files"} \
        else name


_CONTACT_ASK = re.compile(
    r"(?:'s?|\bof|\bfor|\bdoes)\s+(?:[\w.-]+\s+){0,3}?(?:e-?m(?:ai*|i+)l(?:\s+address)?|(?:phone|cell|mobile)"
    r"(?:\s+(?:number|no\.?|#))?|n[ua]?mb?e?r|digits|contact(?:\s+details|\s+info)?)\b"
    r"|\b(?:n[ua]?mb?e?r|e-?m(?:ai*|i+)l(?:\s+address)?|phone(?:\s+number)?)s?\s+(?:of|does)\b"
    r"|\b(?:n[ua]?mb?e?r|e-?mail address|phone number)s?\s+for\b"
    r"|\b(?:what|which)\s+(?:n[ua]?mb?e?r|e-?mail)\b|\bhow (?:can|do|would|should) i (?:cal+|reach|contact|text)\b",
    re.I)


_RECEIVED = re.compile(
    r"\b(?:repl(?:y|ies|ied)|respond|answer|forward|fwd|fw|write back|pass\b.{0,40}\balong|send\b.{0,40}\bon to"
    r"|share (?:this|that|the)|(?:this|that|the|last|latest|his|her|their|its)\s+(?:e-?mail|mail|message)"
    r"|'s\s+(?:e-?mail|mail|message))", re.I)


def speaks_of_received_email(query: str) -> bool:
    """The request is about an email the person got ("reply that ...", "forward it to ...", "the
    email from Marco", "Anneke's email"), not only about writing a new one."""
    return bool(_RECEIVED.search(query))


def asks_for_contact(query: str) -> bool:
    """The request asks for someone's address or number itself ("what's Ana's email", "how can I
    call Paul"): a lookup may then be the whole answer."""
    return bool(_CONTACT_ASK.search(query))


#: words that ask for a file itself, before its name ("open my resume", "where is the lease", "the path of ...")
_FILE_ASK = re.compile(r"\b(?:open|opne|find|fnd|locate|pull(?:\s+it)?\s+up|bring\s+up|path|show|see|view|display|get|fetch|"
                       r"grab|look\s+up|look\s+for|where|access|launch|load|read|check)\b", re.I)


def asks_for_file(query: str, name: str) -> bool:
    """The request asks for the file ``name`` itself ("open my resume", "get the path of course
    notes", "locate style guide on my computer"): a verb that asks for a file comes before the name
    in its sentence. True when the request does not say the name as written (a look-up of a name
    the request does not say is judged elsewhere, ``lookups.stray_lookup``)."""
    at = query.casefold().find(name.strip().casefold()) if name.strip() else -1
    if at < 0:
        return True
    before = re.split(r"[.;!?\n]|\d[).]\s|\b(?:and|then|also)\b|,", query[:at])[-1]
    if _FILE_ASK.search(before):
        return True
    # "fidn the file syllabus", "Locaate lease agreement"
    return any(typo_of(w, FILE_VERBS, least=4) for w in re.findall(r"[a-z]{4,}", before.casefold()))


def file_lookups(specs: dict[str, ToolSpec]) -> set[str]:
    """Tools that find a file by name: every required parameter has the "file" role."""
    return {name for name, s in specs.items() if s.params and all(p.role == "file" for p in s.params if p.required)
            and any(p.role == "file" for p in s.params)}


def person_lookups(specs: dict[str, ToolSpec]) -> set[str]:
    """Tools that look a person up by name: every required parameter has the "person" role."""
    return {name for name, s in specs.items() if s.params and all(p.role == "person" for p in s.params if p.required)
            and any(p.role == "person" for p in s.params)}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


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


_TEXT_WORD = re.compile(r"[^\W\d_]{3,}")


def text_words(text: str, common: frozenset[str] = COMMON_WORDS) -> list[str]:
    """The words of a text that can tell it apart: three letters or more, lower case, ``common``
    ones left out."""
    return [w for w in (x.lower() for x in _TEXT_WORD.findall(text)) if w not in common]


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


def check_plan(tasks: Sequence[Task], specs: dict[str, ToolSpec], query: str, context: str = "",
               done: Sequence[dict] = (), reading: str = "") -> None:
    """Raise PlanError with what to change when the plan does not do what the request says.

    ``context``: the earlier turns ("User: ..." lines); a name the person typed there may be
    meant by "him" now, but an address or number must be in this request or come from a lookup.
    ``done``: the task records of earlier rounds; a step that repeats a finished one is refused.
    ``reading``: the request read with its typos corrected (retrieve), for what it asks to attach."""
    for t in tasks:
        for d in done:
            if d.get("status") == "done" and d.get("tool") == t.tool and d.get("args") == t.args:
                raise PlanError(f"Step {t.id} repeats step {d['id']}, which already ran. Plan only what is "
                                f"still missing, and use \"${d['id']}\" for its result.")
    by_id = {t.id: t for t in tasks}
    for t in tasks:
        spec = specs.get(t.tool)
        if spec and "received" in spec.roles and not context \
                and not speaks_of_received_email(reading or query):
            raise PlanError(f"Step {t.id}: {t.tool} acts on an email the person received, but the request "
                            f"asks for a new email. Write a new email instead.")
    said = _words(query)
    earlier = _words(" ".join(line[5:] for line in context.splitlines() if line.startswith("User:")))
    shown = _words(context)  # what the person said or was answered in earlier turns: text to save may come from it
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
                            and not (_words(item) & known):
                        raise PlanError(
                            f"Step {t.id}: {p.name} has '{item}', which the request does not name. "
                            f"Look the person up by the name the request uses and pass \"$K\".")
            if (p.role == "message" or p.name in FREE_TEXT) and isinstance(value, str):
                odd = made_up_word(value, said | earlier)
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
    phrases = [p for p in find_phrases(query) if len(p) > 3]
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
    if asks_to_attach(reading or query):
        senders = [t for t in tasks if "attachments" in specs[t.tool].roles]
        if senders and not any(t.args.get(p.name) for t in senders for p in specs[t.tool].params
                               if p.role == "attachments"):
            finder = next((f"{n}({p.name}=\"{attached_file(reading or query) or '...'}\")" for n, s in specs.items()
                           for p in s.params if p.role == "file"), "the file-finding tool")
            raise PlanError(f"The request asks to attach a file, but no step attaches one. Call {finder} "
                            f"and pass \"$K\" in attachments.")
