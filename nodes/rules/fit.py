"""Argument values fitted in code to the request's own words and the form the tool's schema asks for.

The small planner copies numbers as the person wrote them: "6.5%" becomes 6.5 where the tool's
description asks for a decimal fraction, "213 million" becomes 213, "10 minutes" becomes 10 where
the tool counts seconds. It also picks an allowed value the request does not name, and leaves out
an optional count the request states ("a 5 day forecast" without ``days=5``). Where the request
leaves no doubt, these are fixed here, after compile, the way dates are put in a tool's layout:

- a number the plan copied from a quantity in the request is put in the unit the parameter's name
  or description names (fraction, percent, cents, thousands/millions/billions, a duration unit),
  or in plain units when it names none ("2.5 million" is 2500000); only when exactly one such
  conversion explains the written value;
- a name where the parameter asks for a code (ISO currency, US state, country: "euros" as "EUR",
  "texas" as "TX") is put as that code;
- an allowed value (schema enum) the request does not name is replaced by the one allowed value it
  does name, when it names exactly one;
- an identifier the plan copied in part ("88213" from "SKU-88213") is copied whole, when exactly one
  word of the request holds it and the rest of that word is a prefix or suffix joined by a dash,
  underscore or "#" (not "v2.3.1" for "2.3.1"); only values with a digit and no space;
- a date or time the plan wrote in an ISO layout ("2026-07-31 18:00:00") is worked out in code from
  the request's words for it ("tmrw") in the same layout, when the request has one time phrase
  (lengths such as "for 2 hours" aside), or as many as the plan has such values (taken in order):
  the planner picks the layout, the date arithmetic is not left to a 135M model;
- a number the request never states (not even in another unit) is replaced by the one it states by
  the parameter's name ("for the next 12 hours" where the plan wrote ``hours=60``), unless another
  argument holds that number;
- an optional number the plan left out is filled from "<number> <its name>" in the request ("5 day",
  "two tickets") unless another step already takes that number, and an optional choice from the
  one allowed value the request names, when the tool is called once and the request states exactly
  one such value;
- an allowed value is also named by what the parameter's description says it stands for ("metric
  for Celsius, imperial for Fahrenheit": "fahrenheit" names ``imperial``), and a code of three
  capitals or more by a capitalised word it begins ("ATL" by "Atlanta");
- a left-out ``max_``/``min_`` number takes the one limit the request states ("under 650k",
  "at least 3", in the parameter's unit), a left-out ``..._after``/``..._before`` time the one
  "after 2pm" in the parameter's layout, and a left-out yes/no the request's own words for it by
  the parameter's name ("don't notify anyone": ``notify=False``; "open now": ``open_now=True``);
- a number the plan cut at a thousands comma (300 for "$300,000") is the whole number;
- a name copied in part ("Zurich" for "Zurich HB", "Artemide" for "Hotel Artemide") is copied
  whole, when exactly one run of capitalised words in the request begins or ends with it and the
  request never writes it alone (a sentence's first word, "I", months and weekdays are no part of
  such a run); a phrase of three words or more copied with an ending changed ("Want a pilot" for
  "wants a pilot") is the request's own words;
- a value is put in the form the parameter's description, or the tool's sentence about it, asks
  for: "digits only" ("100311" for "#100311"), "without spaces" ("UA901" for "UA 901"); a
  parameter with no description of its own takes the country or currency codes the tool's
  description asks for ("German" as "DE" where "countries are ISO 3166-1 alpha-2 codes").

References to other steps and values the request does not explain are never touched. The fits of
text copied in part or in another form (names, identifiers, phrases, forms) are in nodes/rules/fit_words.py.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from tinyagent.nodes.plans.planlang import Task, refs_in
from tinyagent.nodes.request.lexicon import COUNT_WORDS
from tinyagent.nodes.request.quantities import Mention, about, in_unit, singular, unit_of
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.codes import code_kind, to_code
from tinyagent.nodes.rules.fit_words import as_written, fit_form, whole_identifier, whole_name
from tinyagent.tools.dates import fit_layout
from tinyagent.tools.specs import Param, ToolSpec
from tinyagent.nodes.rules.registry import rule


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _as_type(value: float, ptype: str) -> int | float | None:
    if _close(value, round(value)):
        return int(round(value))
    return None if ptype == "integer" else round(value, 10)


def _written(m: Mention) -> list[float]:
    """The values a plan writes when it copies ``m`` as the person wrote it (6.5 or 0.065 for
    "6.5%", 12 or 1200 for "$12", 213 or 213000000 for "213 million")."""
    return ([m.number, m.value] + ([m.number / 100] if m.percent else []) + ([m.value * 100] if m.money else [])
            + ([m.head] if m.head else []))  # 300 for "$300,000": the plan stopped at the comma


def explained(value: float, param: Param, found: list[Mention], tool_description: str = "") -> bool:
    """``value`` is one of the request's quantities, as written or in the unit ``param`` wants."""
    unit = unit_of(param.tool_key, param.description, tool_description)
    for m in found:
        target = in_unit(m, unit)
        if any(_close(value, c) for c in _written(m) + ([target] if target is not None else [])):
            return True
    return False


def fit_number(value: float, param: Param, found: list[Mention], tool_description: str = "") -> int | float:
    """``value`` in the unit ``param`` wants, when it was copied from one quantity in the request."""
    unit = unit_of(param.tool_key, param.description, tool_description)
    targets = set()
    for m in found:
        target = in_unit(m, unit)
        if target is None:
            continue
        if _close(value, target):
            return value  # already in the right form for one of the request's quantities
        if any(_close(value, c) for c in _written(m)):
            targets.add(round(target, 9))
    if len(targets) != 1:
        return value
    fitted = _as_type(targets.pop(), param.type)
    return value if fitted is None else fitted


def _said(option: str, words: str, raw: str) -> bool:
    if len(option) >= 3 and option.isupper() and option.isalpha() and re.search(
            rf"(?<!\w){option[0]}{option[1:].lower()}[a-z]{{2,}}", raw):
        return True  # a code the request writes out in full: "ATL" for "Atlanta"
    if len(option) < 3:  # "US", "F": only as written, in capitals
        return option.isupper() and re.search(rf"(?<!\w){re.escape(option)}(?!\w)", raw) is not None
    letters = "".join(re.findall(r"[a-z0-9]+", option.lower()))
    # "la liga" names "laliga" and "laliga" names "La Liga": spaces between the letters do not matter
    phrase = r"\s?".join(map(re.escape, letters))
    return bool(letters) and re.search(rf"(?<!\w){phrase}(?:s|es)?(?!\w)", words) is not None


def _meanings(param: Param) -> dict[str, list[str]]:
    """What the parameter's description says its allowed values stand for: "metric for Celsius and
    km/h, imperial for Fahrenheit and mph" gives imperial: Fahrenheit, mph."""
    out = {}
    for o in (o for o in param.enum if isinstance(o, str) and o):
        m = re.search(rf"(?<![\w-]){re.escape(o)}\s*(?:for|=|means|:)\s*([^,;.()]+)", param.description, re.I)
        if m:
            out[o] = [w.strip() for w in re.split(r"\s+(?:and|or)\s+|/(?=[a-z]{3})", m.group(1)) if w.strip()]
    return out


def _named(param: Param, query: str) -> list[str]:
    """The allowed values of ``param`` that the request names, or else those whose meaning (as the
    description gives it) the request names ("fahrenheit" for ``imperial``)."""
    words = " ".join(re.findall(r"[a-z0-9]+", query.lower()))
    named = [o for o in param.enum if isinstance(o, str) and _said(o, words, query)]
    if named:
        return named
    return [o for o, meant in _meanings(param).items()
            if any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", query.lower()) for w in meant)]


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:([T ])\d{2}:\d{2}(:\d{2})?)?")


def iso_layout(value: str) -> str:
    """The strftime layout of a date or date-time written in ISO form, or "" for any other value."""
    m = _ISO.fullmatch(value.strip())
    if not m:
        return ""
    return "%Y-%m-%d" + (m.group(1) + "%H:%M" + (":%S" if m.group(2) else "") if m.group(1) else "")


def _names_a_day(phrase: str) -> bool:
    """The time phrase names a day ("friday at 3", "the 14th", "tomorrow"), not only a time of day ("at two")."""
    from tinyagent.tools.clock import now
    from tinyagent.tools.dates import _clean, _find_date

    return _find_date(_clean(phrase), now().date()) is not None


def fit_written_dates(tasks: list[Task], query: str | Request) -> list[Task]:
    """The tasks with their ISO-written dates worked out from the request's time phrases (resolved
    against the run's today, ``tools.clock``): each from the one phrase, or in order from as many
    phrases as there are such values; unchanged otherwise."""
    phrases = list(as_request(query).times)
    found = [(i, k) for i, t in enumerate(tasks) for k, v in t.args.items()
             if isinstance(v, str) and iso_layout(v)]
    if not found or not phrases or (len(phrases) > 1 and len(phrases) != len(found)):
        return tasks
    out = list(tasks)
    for (i, key), phrase in zip(found, phrases if len(phrases) > 1 else phrases * len(found)):
        value = out[i].args[key]
        fitted = fit_layout(phrase, iso_layout(value))
        if len(fitted) >= 10 and not _names_a_day(phrase):  # "at two" for the 14th at 14:30: the value's day, the time
            fitted = value[:10] + fitted[10:]                # said ("12:00" for a date alone: the date as written)
        if fitted != value and iso_layout(fitted):
            args = {**out[i].args, key: fitted}
            out[i] = out[i].with_args(args)
    return out if out != tasks else tasks


def fit_choice(value: str, param: Param, query: str) -> str:
    """The one allowed value the request names, in place of one it does not name."""
    named = _named(param, query)
    if value in named or len(named) != 1:
        return value
    return named[0]


def fit_code(value: str, param: Param, tool_description: str = "") -> str:
    """The code a parameter asks for (ISO currency, US state, country) in place of the name written.
    A parameter with no description of its own also takes the country or currency codes the tool's
    description asks for ("Countries are ISO 3166-1 alpha-2 codes": "German" as "DE"), when the
    value is such a name."""
    kind = code_kind(param.tool_key, f"{param.description} {about(param.tool_key, tool_description)}")
    if kind is None and not param.description:
        kind = code_kind("", tool_description)
        kind = kind if kind and kind[0] in ("country", "currency") else None
    code = to_code(value, *kind) if kind else None
    return code or value


def stated_count(param: Param, found: list[Mention]) -> int | float | None:
    """The number the request states for an optional count by its name ("5 day" for ``days``)."""
    parts = {singular(w) for w in re.split(r"[^a-z0-9]+", param.tool_key.lower()) if w} - COUNT_WORDS
    values = {m.number for m in found if {singular(m.noun), singular(m.next)} & parts
              and not (m.percent or m.money or m.article) and m.scale == 1}
    if len(values) != 1:
        return None
    value = _as_type(values.pop(), param.type)
    return None if value is None or value == param.default else value


_AFTER = re.compile(r"\b(after|before)\s+(\d{1,2}(?::\d{2})?\s*(?:am|pm)?|noon|midnight)(?![\w:])", re.I)


def stated_bound(param: Param, found: list[Mention], query: str, tool_description: str = "") -> Any:
    """A limit the request states for an optional ``max_``/``min_`` number ("under 650k" for
    ``max_price``, in its unit) or an ``..._after``/``..._before`` time ("after 2pm" for
    ``depart_after``, in its layout), when it states exactly one such limit."""
    parts = param.tool_key.lower().split("_")
    if param.type in ("integer", "number") and parts[0] in ("max", "min") and len(parts) > 1:
        unit = unit_of(param.tool_key, param.description, tool_description)
        values = {in_unit(m, unit) for m in found if m.bound == parts[0]}
        if len(values) != 1 or None in values:
            return None
        return _as_type(values.pop(), param.type)
    side = next((w for w in ("after", "before") if w in parts), None)
    if param.type == "string" and side and param.layout:
        said = [m.group(2) for m in _AFTER.finditer(query) if m.group(1).lower() == side]
        fitted = fit_layout(said[0], param.layout) if len(said) == 1 else None
        return fitted if fitted and fitted != said[0] else None
    return None


def stated_choice(param: Param, query: str) -> str | None:
    """The one allowed value the request names for an optional choice the plan left out."""
    named = _named(param, query)
    return named[0] if len(named) == 1 and named[0] != param.default else None


_NEGATION = r"(?:don'?t|do not|doesn'?t|does not|no|not|without|never)"


def stated_flag(param: Param, query: str) -> bool | None:
    """A yes/no the request states for an optional flag by its name: ``notify`` is False for "don't
    notify anyone", ``open_now`` True for "places open now"; None when it states none, or the
    default."""
    phrase = r"\s+".join(map(re.escape, (w for w in re.split(r"[^a-z0-9]+", param.tool_key.lower()) if w)))
    low = query.lower()
    if not phrase or len(phrase) < 3 or not re.search(rf"(?<!\w){phrase}(?:s|es|ed|ing)?(?!\w)", low):
        return None
    value = not re.search(rf"(?<!\w){_NEGATION}\s+(?:\w+\s+)?{phrase}", low)
    return None if value == bool(param.default) else value


def _fit_arg(param: Param, value: Any, query: str, found: list[Mention], described: str,
             taken: frozenset = frozenset()) -> Any:
    """``described``: the tool's whole description; ``taken``: numbers other arguments hold."""
    if refs_in(value):
        return value
    if param.type in ("integer", "number") and isinstance(value, (int, float)) and not isinstance(value, bool):
        fitted = fit_number(value, param, found, described)
        if fitted == value and not explained(value, param, found, described):
            # a number the request never states: the one it states by this parameter's name
            stated = stated_count(param, found)
            if stated is not None and stated not in taken:
                return stated
        return fitted
    if param.enum and isinstance(value, str):
        return fit_choice(value, param, query)
    if param.type == "string" and isinstance(value, str):
        value = whole_name(whole_identifier(as_written(value, query), query), query)
        return fit_code(fit_form(value, param, described), param, described)
    if param.type == "array" and isinstance(value, list):
        return [whole_name(whole_identifier(v, query), query) if isinstance(v, str) else v for v in value]
    return value


@rule("fit_values", "compile, early",
      "numbers in the tool's unit, named choices, stated counts")
def fit_values(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """The tasks with their values fitted, or None when nothing changed."""
    request = as_request(query)
    query, found = request.query, list(request.quantities)
    calls = Counter(t.tool for t in tasks)
    # a stated number another step already takes is that step's ("water the hallway for 30 minutes;
    # rent a bike": the bike's minutes are not 30)
    taken = {v for t in tasks for v in t.args.values() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    dated = fit_written_dates(tasks, request)
    out, changed = [], dated is not tasks
    for t in dated:
        spec = specs.get(t.tool)
        if spec is None:
            out.append(t)
            continue
        args = dict(t.args)
        for p in spec.params:
            if p.name in args:
                others = frozenset(v for k, v in args.items() if k != p.name and isinstance(v, (int, float))
                                   and not isinstance(v, bool))
                args[p.name] = _fit_arg(p, args[p.name], query, found, f"{spec.description}\n{spec.details}",
                                        taken | others)
            elif not p.required and calls[t.tool] == 1:  # left out: stated in the request?
                stated = (stated_choice(p, query) if p.enum else
                          stated_bound(p, found, query, f"{spec.description}\n{spec.details}") or
                          (stated_count(p, found) if p.type in ("integer", "number") else
                           stated_flag(p, query) if p.type == "boolean" else None))
                if stated is not None and not (p.type in ("integer", "number") and stated in taken):
                    args[p.name] = stated
        if args != t.args:  # a value changed, or a left-out one was added
            changed = True
            t = t.with_args(args)
        out.append(t)
    return out if changed else None
