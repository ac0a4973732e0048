"""Refusals found in the seventeenth session, each its own rule (a broken reference in a text, a title made of thanks, Python that reads a word of the request as a name, a meeting set up as only an email), and the mend of such a title."""

from __future__ import annotations

import re

from tinyagent.nodes.plans.planlang import REF, PlanError, Task, is_ref, names_no_step, refs_only_to_no_step, renumbered
from tinyagent.nodes.request.lexicon import FREE_TEXT, REQUEST_LEAD
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.checks import python_param
from tinyagent.nodes.rules.messages import BROKEN_REF
from tinyagent.nodes.rules.registry import rule

#: A text that is a reference gone wrong ("$40)", "$!", "The time is: $!") or that repeats what a refused
#: plan was told ("Step 1 does not refer to an earlier step"): never a message to send or a note to write (a "$"
#: after an amount, "45$,", doubled, "$$$", or before one, "$1,250", "$12.50", is money; "${USER}", "$(pwd)" are shell)
_BROKEN_TEXT = re.compile(rf"^(?:{BROKEN_REF.pattern})$|(?<![\d$])\$(?![\d\s${{(])[^\w\s]|does not refer to an earlier "
                          r"step|can only use results of steps", re.I)
#: What names a thing the plan makes: an event's title, a note's or reminder's name, a meeting's topic (an
#: email's subject may well be "Thank you")
_TITLES = {"title", "name", "topic"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _broken(t: Task, value: str) -> bool:
    """``value`` has a broken "$" ("$!", "$40)") or repeats what a refused plan was told, and names no step ``t`` uses."""
    return bool(_BROKEN_TEXT.search(value)) and is_ref(value) is None and not set(map(int, REF.findall(value))) & set(t.deps)


@rule("broken_optional_dropped", "compile, early",
      "an optional text with a broken '$' ('$120.' naming no step) is left out, not refused", "made-up content",
      reads="specs")
def broken_optional_dropped(tasks: list[Task], specs: dict) -> list[Task] | None:
    """"remind me friday to buy stamps" was planned ``create_reminder(name="Buy stamps", due_date="friday",
    notes="$120.")`` three times and refused each time: an optional parameter (a message, a note or a free text)
    whose value is a "$" that names no step the step uses ("$120.", "$13\n$20") is left out; a required one is
    still refused (refuse_broken_text)."""
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        drop = [p.name for p in (spec.params if spec else ()) if not p.required
                and (p.role == "message" or p.name in FREE_TEXT) and isinstance(v := t.args.get(p.name), str) and v
                and (names_no_step(t, v) or refs_only_to_no_step(t, v) or _broken(t, v))]
        if drop:
            t, changed = t.with_args({k: v for k, v in t.args.items() if k not in drop}), True
        out.append(t)
    return out if changed else None


@rule("refuse_broken_text", "compile, early",
      "a message or text with a broken '$' ('$!', '$40)') or that repeats what a refused plan was told is refused",
      "made-up content", reads="specs")
def refuse_broken_text(tasks: list[Task], specs: dict) -> None:
    for t in tasks:
        for p in (specs[t.tool].params if t.tool in specs else ()):
            value = t.args.get(p.name)
            if (p.role == "message" or p.name in FREE_TEXT) and isinstance(value, str) and value \
                    and _broken(t, value):  # ("$2." is step 2's result)
                raise PlanError(f"Step {t.id}: {p.name} is '{value.strip()}', which is neither the words the person "
                                f"asked for nor a step's result. Write the words, or \"$K\" alone for step K's result.")


#: What the request puts in the calendar: "thx. and put the offsite in my calendar, wednesday next week, all day"
_PUT_IN = re.compile(r"\b(?:put|add|pop|stick|schedule|book|block|create|make)\s+(?:(?:a|an|the|my|our)\s+)?"
                     r"(?P<what>[\w' -]{2,40}?)\s+(?:in|on|into|to)\s+(?:my|the|our)?\s*(?:calendar|calender|cal|diary)\b",
                     re.I)


@rule("title_from_request", "compile",
      "an event titled only by the person's thanks or a filler ('Thx') takes what the request puts in the calendar "
      "('the offsite')", "made-up content")
def title_from_request(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    m = _PUT_IN.search(as_request(request).query)
    if not m or not _words(m.group("what")) or set(_words(m.group("what"))) <= REQUEST_LEAD:
        return None
    what = m.group("what").strip()
    out, changed = [], False
    for t in tasks:
        value = t.args.get("title")
        if t.tool in specs and "when" in specs[t.tool].roles and isinstance(value, str) and _words(value) \
                and set(_words(value)) <= REQUEST_LEAD:
            t, changed = t.with_args({**t.args, "title": what[:1].upper() + what[1:]}), True
        out.append(t)
    return out if changed else None


@rule("refuse_thanks_title", "compile, early",
      "an event, note or meeting named only by the person's thanks or a filler ('Thx') is refused", "made-up content",
      reads="specs")
def refuse_thanks_title(tasks: list[Task], specs: dict) -> None:
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None or spec.roles & {"person", "note"}:  # (a look-up's name is a person's, a note opened is named)
            continue
        for name in _TITLES:
            value = t.args.get(name)
            if isinstance(value, str) and _words(value) and set(_words(value)) <= REQUEST_LEAD:
                raise PlanError(f"Step {t.id}: {name} is '{value}', the person's thanks or a filler word, not what "
                                f"it is. Write what the request calls it.")


def unset_names(code: str) -> list[str]:
    """The names ``code`` reads but never sets, imports or gets from Python itself (``Lucas`` in
    ``print(Lucas + Omar)``): a NameError when it runs. [] for code that does not compile."""
    import ast
    import builtins

    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return []
    set_, read = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (set_.add(node.id) if isinstance(node.ctx, (ast.Store, ast.Del)) else read.append(node.id))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if any(a.name == "*" for a in node.names):  # ("from math import *" sets names it does not list)
                return []
            set_.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            set_.add(node.name)  # (their parameters are ast.arg nodes, walked below)
        elif isinstance(node, ast.arg):
            set_.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            set_.add(node.name)
    return list(dict.fromkeys(n for n in read if n not in set_ and not hasattr(builtins, n)))


#: Code the person gives: "run this python: import json; print(json.loads('{bad'))", "in python: print(2**10)"
_CODE_GIVEN = re.compile(r"\b(?:python|code|script)(?:\s+(?:pls|please|plz|for\s+me|for\s+us))?\s*:\s*(?P<code>\S.*?)\s*$",
                         re.I | re.S)


def _runs_as_python(text: str) -> bool:
    """``text`` is Python that does something: it parses and sets a name or calls something."""
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return any(isinstance(n, (ast.Assign, ast.Call)) for n in ast.walk(tree))


def _code_after_colon(query: str) -> str:
    """Python a request that asks for Python writes after a colon ("Could you run this little bit of Python for me?
    I'm double-checking an average: scores = [4, 5, 3]; print(sum(scores) / len(scores))"), "" where it writes none."""
    if not re.search(r"\b(?:python|code|script)\b", query, re.I):
        return ""
    for m in re.finditer(r":\s*", query):
        rest = query[m.end():].strip()
        if rest and _runs_as_python(rest):
            return rest
    return ""


@rule("code_as_given", "compile, early",
      "Python the person wrote out ('run this python: a; b') runs whole, not its first statement", "made-up content")
def code_as_given(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"run this python: import json; print(json.loads('{bad'))" was planned ``run_python(code="import json")``: where
    the request gives code after "python:" (or "code:", "script:"), a code value that is a part of it is all of it."""
    query = as_request(request).query
    m = _CODE_GIVEN.search(query)
    given = m.group("code").strip() if m else _code_after_colon(query)
    if not given:
        return None
    tokens = set(re.findall(r"[A-Za-z_]\w*", given))
    if not tokens:
        return None
    out, changed, done = [], False, False
    for t in tasks:
        name = python_param(specs[t.tool]) if t.tool in specs else None
        code = t.args.get(name) if name else None
        own = set(re.findall(r"[A-Za-z_]\w*", code)) if isinstance(code, str) else set()
        # a part of it, or mostly its names ("print(while True)" for "while True: pass"): the code given, once
        if isinstance(code, str) and code.strip() and code.strip() != given \
                and ("".join(code.split()) in "".join(given.split()) or own and 5 * len(own & tokens) >= 3 * len(own)
                     or "print(" in given and _runs_as_python(given)):  # (the person's Python, as written)
            if done:  # (a second step with a piece of the same code goes)
                changed = True
                continue
            t, changed, done = t.with_args({**t.args, name: given}), True, True
        elif isinstance(code, str) and code.strip() == given:
            done = True
        out.append(t)
    return renumbered(out, tasks[0].id) if changed else None


@rule("refuse_unset_names", "compile, early",
      "Python that reads a name of the request it never sets ('Lucas') is refused, and the replanner told the "
      "request's numbers",
      "made-up content")
def refuse_unset_names(tasks: list[Task], specs: dict, request: Request | str) -> None:
    query = as_request(request).query
    said = {w.lower() for w in re.findall(r"[A-Za-z_]\w*", query)}
    for t in tasks:
        name = python_param(specs[t.tool]) if t.tool in specs else None
        code = t.args.get(name) if name else None
        if not isinstance(code, str) or REF.search(code):
            continue
        if "".join(code.split()) in "".join(query.split()):  # the person's own code ("run this python: print(x)"): run
            continue                                        # as given, its error reported
        # only a name the request says ("Lucas" of "I owe Lucas 480 EUR"): the request's words made variables;
        # a module the code forgot to import is left to the run
        unset = [n for n in unset_names(code) if n.lower() in said]
        if unset:
            numbers = [n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", query)]
            raise PlanError(f"Step {t.id}: {name} uses {unset[0]}, which it never sets: {code!r}. Write the "
                            f"request's numbers themselves" + (f" ({', '.join(numbers[:6])})" if numbers else "")
                            + " in Python code that print()s the answer.")


#: A request that sets up a call or meeting ("could you set up a 30 minute call with Elena on Wednesday at 3pm")
_SETS_UP = re.compile(r"\b(?:set\s*up|schedule|book|arrange|organi[sz]e)\b[^.?!]{0,40}\b(?:call|meeting|sync|"
                      r"catch[- ]?up|1:1|one[- ]on[- ]one)\b", re.I)


@rule("refuse_meeting_as_email", "compile, early",
      "a request that sets up a call or meeting at a time makes an event or a meeting link, not only an email",
      "dates")
def refuse_meeting_as_email(tasks: list[Task], specs: dict, request: Request | str) -> None:
    """Of the corpus's and the development set's first requests that set up a call or meeting and give a time, 15
    get a meeting link and 8 an event, none an email; the trial's "Could you please set up a 30 minute call with
    Elena Rossi and Yuki Tanaka on Wednesday at 3pm" made only an email draft "Thanks for coming"."""
    from tinyagent.nodes.rules.extra_steps import link_asked

    request = as_request(request)
    if request.context or not request.times or not _SETS_UP.search(request.query) or link_asked(request, specs):
        return None  # (a link asked for is made by link_asked_for, after the early refusals)
    makers = [n for n, s in specs.items() if "when" in s.roles and "people" in s.roles]
    if not makers or any(t.tool in makers for t in tasks):
        return None
    if any(t.tool in specs and {"people", "message"} <= specs[t.tool].roles for t in tasks):
        raise PlanError(f"The request sets up a call or meeting at a time, but the plan only writes a message. "
                        f"Call {' or '.join(makers)} with the time and the people.")
