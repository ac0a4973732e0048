"""An id argument given a name the person said ("add a task to the Annual Report project") is found first by the
tool that finds that kind of id, and passed on as its result.

The small planner, shown your own tools, often writes the name where a tool asks for an id:
``pm_create_task(project_id="Annual Report", ...)`` where the tool set has ``pm_find_project(name)``;
``form_close(survey_id="xmas party")`` beside ``form_find(title)``. The call would fail or act on
nothing. Where the value is a name copied from the request (words, not an id: no digit in a single
word, not a ``$K``), the parameter is ``X_id`` and exactly one tool of the set finds X (its name says
find/search/lookup/get/list/resolve and names X, as ``store/own_tools.id_finders`` reads it) and can be
called with that name alone (one text parameter that names, every other one optional), a step calling
the finder with the name is put before the call, and the call takes its result. A finder step the plan
already has for that name is used instead of a new one; where the plan has one it uses for nothing,
nothing is added beside it (it may be this name, garbled). Each name gets its own step ("a bonus for
ben and chloe").

Then an id the plan writes as words no finder takes by name ("my unit", "3 bundles of firewood", "the first one"),
or a required one it leaves out, where one tool lists or finds that kind of thing ("my_units", "list_reservations",
"browse_bouquets") and can be called with what the call and the request give: that tool's result (the person's own
things, "my unit", from a tool named for them where a search of free ones is beside it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, dependency_order, refs_in, renumbered
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.registry import rule
from tinyagent.nodes.rules.fit import iso_layout
from tinyagent.nodes.rules.times import DAY_PARAM, TIME_PARAM
from tinyagent.store.own_tools import FINDER, id_finders, id_kind
from tinyagent.tools.specs import ToolSpec

#: Parameter names a finder takes a name by, when it requires none.
_NAME_PARAMS = ("name", "title", "query", "q", "search", "keyword", "keywords", "term", "text")


#: An identifier as tools show them: "CT-4410", "WB-2207", "ORD88".
_ID = r"[A-Z]{1,6}-?\d{2,}"
#: Words that point at a thing without naming it ("one of them", "the first one", "that").
_POINTING = {"the", "a", "an", "one", "ones", "of", "them", "it", "that", "this", "those", "these", "my", "our",
             "your", "his", "her", "their", "first", "second", "third", "last", "other", "same", "new", "next"}


def is_name(value: str) -> bool:
    """Words that name something, not an identifier: "Annual Report", "xmas party", "hiring Q1"; not
    "CLM-79904", "5102", "pl_301", "ORD-88", "$1", and not words that only point ("one of them")."""
    value = value.strip()
    if not value or refs_in(value) or not re.search(r"[A-Za-z]{3}", value):
        return False
    if not set(re.findall(r"[\w']+", value.lower())) - _POINTING:
        return False
    if " " not in value:  # one word: an id when it holds a digit, a dash, an underscore or only capitals
        return bool(re.fullmatch(r"[A-Za-z][a-z']+|[A-Z][a-z]+(?:[A-Z][a-z]+)+", value))
    return not re.search(r"[_#@/]", value)


def _said(value: str, query: str) -> bool:
    """Every word of ``value`` is a word of the request (case and a possessive aside: "camper van" in "the camper
    van's inspection")."""
    said = set(re.findall(r"[\w'&.-]+", query.casefold()))
    said |= {w.removesuffix("'s") for w in said} | {w.rstrip(".") for w in said}  # ("... for the Maibock.")
    return all(w in said for w in re.findall(r"[\w'&.-]+", value.casefold()))


def as_said(value: str, query: str) -> str:
    """``value`` as the request writes it, where the planner only changed its case ("PRIYA" for "priya")."""
    m = re.search(rf"(?<![\w'&.-]){re.escape(value.strip())}(?![\w&-])", query, re.I)
    return m.group(0) if m and m.group(0) != value.strip() else value


def _names_it(p) -> bool:
    name = p.name.lower()
    return (name in _NAME_PARAMS or name.endswith("_name")) and p.type in ("string", "any") and not p.enum


def _name_param(spec: ToolSpec) -> str | None:
    """The text parameter a finder takes a name by, when it can be called with that alone (every other
    parameter optional: ``search_restaurants(city, name)`` needs a city the name does not give), else None: one
    that names ("name", "title", "query", "X_name"), or the finder's one required parameter where it is free
    text and none names ("find_wash_locations(near)": "the wash near kreuzberg")."""
    required = [p for p in spec.params if p.required]
    if len(required) > 1 or (required and not (_names_it(required[0]) or _free_text(required[0])
                                               and not any(_names_it(p) for p in spec.params))):
        return None
    return required[0].name if required else next((p.name for p in spec.params if _names_it(p)), None)


def _plain_text(p) -> bool:
    """A parameter that takes words as said: a string with no choices and no layout."""
    return p.type in ("string", "any") and not p.enum and not p.layout


def _free_text(p) -> bool:
    """A plain text parameter with no day, time or id in its name."""
    return _plain_text(p) and not p.name.endswith("_id") and not DAY_PARAM.search(p.name) and not TIME_PARAM.search(p.name)


def finder_for(tool: str, param: str, specs: dict[str, ToolSpec]) -> tuple[str, str] | None:
    """(the finder of ``param``'s ids, the parameter it takes the name by), when exactly one tool finds them:
    by its name ("find_project" for ``project_id``), else by its name and description ("form_find", "Find a
    survey by its title." for ``survey_id``)."""
    params = {n: [p.name for p in s.params] for n, s in specs.items()}
    found = [n for n in id_finders({n: (param,) if n == tool else ps for n, ps in params.items()}, [tool])
             if n != tool]
    usable = [(n, p) for n in found if (p := _name_param(specs[n]))]
    if not usable:  # (by name: "list_batches" for ``batch_id``, where the one id_finders names takes no name)
        kinds = _plurals(id_kind(param).lower())
        found = [n for n in specs if n != tool and FINDER.search(n) and kinds & set(n.lower().split("_"))]
        found = found or [n for n, s in specs.items() if n != tool and FINDER.search(n)
                          and kinds & set(re.findall(r"[a-z]+", s.description.lower()))]
        usable = [(n, p) for n in found if (p := _name_param(specs[n]))]
    return usable[0] if len(usable) == 1 else None


def _plurals(kind: str) -> set[str]:
    """``kind`` and its plurals: "batch" -> batches, "entry" -> entries, "unit" -> units."""
    return {kind, kind + "s", kind + "es", *([kind[:-1] + "ies"] if kind.endswith("y") else [])}


def shown_id(name: str, context: str) -> str | None:
    """The id an earlier answer gives beside ``name`` ("CT-4410 CoolAir Leeds", "CoolAir (CT-4410)"), or in the one
    item of its list that names it ("the library one": "DS-118 Didsbury Library drive, 9am-3pm; DS-121 ..."), or None."""
    n = re.escape(name.strip())
    m = re.search(rf"\b({_ID})\W{{1,3}}{n}\b|\b{n}\W{{1,3}}({_ID})\b", context, re.I)
    if m:
        return m.group(1) or m.group(2)
    bare = re.escape(_ARTICLE.sub("", name.strip()))
    items = [x for x in re.split(r"[;\n]|(?<=\.)\s", context) if re.search(rf"\b{bare}\b", x, re.I)]
    ids = re.findall(rf"\b{_ID}\b", items[0]) if len(items) == 1 else []
    return ids[0] if len(ids) == 1 else None


#: An id parameter that says it takes a name too ("Charger id or station name"): the name is the value
_TAKES_NAME = re.compile(r"\bor\s+(?:\w+\s+)?name\b", re.I)

#: The article or possessive a name is written with in a plan ("the library", "my unit")
_ARTICLE = re.compile(r"(?i)^(?:the|my|our)\s+")


def _shown(value: str, context: str) -> bool:
    """The conversation showed the thing ``value`` names ("the library" where an answer listed "Didsbury Library")."""
    bare = _ARTICLE.sub("", value.strip())
    return bool(context and bare and re.search(rf"\b{re.escape(bare)}\b", context, re.I))


@rule("find_the_id", "compile",
      "an id argument given a name the person said is found first by the tool that finds that kind of id "
      "(or is the id an earlier answer gave beside that name)", "people", reads="specs request context")
def find_the_id(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request,
                context: str = "") -> list[Task] | None:
    """The tasks with a finder step before each call given a name for an id, or None when none is."""
    request = as_request(query)
    query = request.query
    out = None
    for _ in range(len(tasks)):  # one call at a time; a second call for the same name reuses the step
        if (changed := _one_found(out or tasks, specs, query, context)) is None:
            break
        out = changed
    for _ in range(len(tasks)):  # then ids written as words no finder takes by name, or left out
        if (changed := _one_listed(out or tasks, specs, query, context, request.phrases)) is None:
            break
        out = changed
    return out


#: The person's own things: "my unit", "our booking", "the move we have booked", "the flowers i ordered"
_OWN = re.compile(r"\b(?:my|our|mine|ours)\b|\b(?:i|we)(?:'ve|\s+have)?\s+(?:booked|ordered|reserved|rented|bought|got)\b",
                  re.I)
_LENGTH_SAID = re.compile(r"\b\d+\s*(?:min|mins|minutes?|h|hrs?|hours?|days?|nights?|weeks?|months?)\b", re.I)
#: An id as written by a tool or the person: "CT-4410", "U12", "4410", "pl_301"
_AN_ID = re.compile(r"^(?=.*\d)[\w-]+$|^[\w]+_[\w]+$|\b[A-Za-z]+[-_]?\d+\b|\b\d+[-_][A-Za-z\d]+\b")


def listers(tool: str, param: str, specs: dict[str, ToolSpec]) -> list[str]:
    """The other tools whose name says they find, list or hold ``param``'s kind of thing: a finder of it
    ("find_units", "list_reservations") or one named by the things themselves ("my_units", "browse_bouquets",
    "planetarium_shows")."""
    kind = id_kind(param).lower()
    out = []
    for n in specs:
        words = set(n.lower().split("_"))
        if n != tool and ((_plurals(kind) - {kind}) & words or kind in words and FINDER.search(n)) \
                and not _ID_PARAMS(specs[n]) & {param}:
            out.append(n)
    return out


def _ID_PARAMS(spec: ToolSpec) -> set[str]:
    return {p.name for p in spec.params if p.name.endswith("_id")}


def _lister_call(finder: ToolSpec, call: Task, value: str, query: str, when: str = "") -> dict | None:
    """The arguments to call ``finder`` with for ``call``'s id: its parameters of the same name as the call's, and
    its name parameter the words the plan wrote for the id where the request says them; its day parameter ``when``
    (the request's one time phrase) where the call gives none and the finder needs one, or where the plan wrote the
    id as that day ("cancel my court friday"); None where a required parameter has no value."""
    from tinyagent.nodes.rules.fit import _named

    args: dict = {}
    by = _name_param(finder)
    dated = bool(when) and when.casefold() in value.casefold()
    for p in finder.params:
        if p.name in call.args and p.name != by and not str(call.args[p.name]).startswith("$"):
            args[p.name] = call.args[p.name]
        elif p.name == by and value and is_name(value) and _said(value, query) and not dated:
            args[p.name] = _ARTICLE.sub("", value)
        elif p.enum and len(named := _named(p, query)) == 1:
            args[p.name] = named[0]
        elif when and (p.required or dated) and DAY_PARAM.search(p.name) and "time" not in p.name and _plain_text(p):
            args[p.name] = when
    if any(p.required and p.name not in args for p in finder.params):
        return None
    return args


def one_time(phrases: tuple[str, ...]) -> str:
    """The one time the request gives: its one time phrase, or the one that holds all the others ("Wednesday 07:00"
    beside "07:00" and "Wednesday"); "" where it gives none or several."""
    words = [set(re.findall(r"[\w:]+", p.lower())) for p in phrases]
    whole = [p for p, w in zip(phrases, words) if all(o <= w for o in words)]
    return whole[0] if len(whole) == 1 else ""


def _one_listed(tasks: list[Task], specs: dict[str, ToolSpec], query: str, context: str,
                phrases: tuple[str, ...]) -> list[Task] | None:
    """An id the plan writes as words ("my unit", "3 bundles of firewood", "the first one") or leaves out, where one
    tool lists or finds that kind of thing and the request gives no id: that tool's result (the person's own, "my
    unit", from a tool of theirs: "my_units" before "find_units"). Words that are the request's time or length are
    no such id (``phrases``: its time phrases)."""
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None:
            continue
        for p in spec.params:
            if not (p.name.endswith("_id") and len(p.name) > 3 and p.type in ("string", "any")) \
                    or _TAKES_NAME.search(p.description):
                continue
            value = t.args.get(p.name)
            if value is None and not p.required:
                continue
            value = "" if value is None else value
            if isinstance(value, str) and iso_layout(value) and one_time(phrases):
                value = one_time(phrases)  # (a time the planner wrote out: "2026-12-08 15:30:00" for "the 6pm ... friday")
            if not isinstance(value, str) or refs_in(value) or _AN_ID.search(value.strip()) \
                    or value and _shown(value, context):
                continue
            found = listers(t.tool, p.name, specs)
            said_when = [w for w in phrases if w.lower() in value.lower()] if value else []
            dated = len(found) == 1 and any(DAY_PARAM.search(x.name) for x in specs[found[0]].params)
            if value and (_LENGTH_SAID.search(value) or said_when and not (
                    len(found) == 1 and (one_time(phrases) and dated or not dated))):
                # ("90 minutes this time": a length; "my sunday booking" is found by its day, by a lister that takes one,
                # and "my appointment of next Monday" by a lister of them all)
                continue
            # the plan's own step of that finder (one: used by nothing, or by another call for these words)
            unused = [x for x in tasks if x.tool in found and x.id != t.id]
            by = _name_param(specs[unused[0].tool]) if len(unused) == 1 else None
            if by and str(unused[0].args.get(by, "")).casefold() != value.casefold() and is_name(value) \
                    and _said(value, query):
                continue  # (a finder of another name, or this one garbled: "Rof" for the "Roof" project)
            if len(unused) == 1:  # what the call takes, and every call given the same words for it
                k = unused[0].id
                return dependency_order([replace(x, args={**x.args, p.name: f"${k}"}, deps=tuple(sorted({*x.deps, k})))
                                         if x.id == t.id or x.tool == t.tool and x.args.get(p.name) == t.args.get(p.name)
                                         else x for x in tasks], tasks[0].id)
            if len(found) > 1:  # the person's own ("my unit": my_units) or a search ("the first one": find_units)
                own = [n for n in found if {"my", "mine"} & set(n.lower().split("_"))]
                found = own if _OWN.search(query) and own else [n for n in found if n not in own]
            if len(found) != 1 or any(x.tool == found[0] and x.id < t.id for x in tasks):
                continue
            args = _lister_call(specs[found[0]], t, value, query, one_time(phrases))
            if args is None:
                continue
            new_id = max(x.id for x in tasks) + 1
            step = Task(id=new_id, tool=found[0], args=args)
            call = replace(t, args={**t.args, p.name: f"${new_id}"}, deps=tuple(sorted({*t.deps, new_id})))
            order = [x for x in tasks if x.id < t.id] + [step, call] + [x for x in tasks if x.id > t.id]
            return renumbered(order, tasks[0].id)
    return None


def _one_found(tasks: list[Task], specs: dict[str, ToolSpec], query: str, context: str) -> list[Task] | None:
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None:
            continue
        for p in spec.params:
            value = t.args.get(p.name)
            if isinstance(value, str) and value.isupper() and not refs_in(value):
                value = as_said(value, query)  # ("PRIYA": a name the request writes "priya")
            if not (p.name.endswith("_id") and len(p.name) > 3 and isinstance(value, str) and is_name(value)
                    and _said(value, query)) or _TAKES_NAME.search(p.description):
                continue
            if _shown(value, context):
                # a name the conversation showed: the id given beside it, else left as the planner wrote it
                if found_id := shown_id(value, context):
                    return renumbered([replace(x, args={**x.args, p.name: found_id}) if x.id == t.id else x
                                       for x in tasks], tasks[0].id)
                continue
            found = finder_for(t.tool, p.name, specs)
            if found is None:
                continue
            finder, by = found
            earlier = next((x for x in tasks if x.id < t.id and x.tool == finder
                            and str(x.args.get(by, "")).casefold() == value.casefold()), None)
            if earlier is not None:
                return renumbered([replace(x, args={**x.args, p.name: f"${earlier.id}"},
                                           deps=tuple(sorted({*x.deps, earlier.id}))) if x.id == t.id else x
                                   for x in tasks], tasks[0].id)
            used = set().union(*(set(x.deps) for x in tasks))
            if any(x.tool == finder and x.id not in used for x in tasks):
                continue  # the plan finds one it does not use yet: not a second guess beside it
            new_id = max(x.id for x in tasks) + 1  # numbered in place below
            step = Task(id=new_id, tool=finder, args={by: _ARTICLE.sub("", value)})
            call = replace(t, args={**t.args, p.name: f"${new_id}"}, deps=tuple(sorted({*t.deps, new_id})))
            order = [x for x in tasks if x.id < t.id] + [step, call] + [x for x in tasks if x.id > t.id]
            return renumbered(order, tasks[0].id)
    return None


@rule("name_without_time", "compile",
      "a name a finder looks up is the name, without the request's time words ('extendable ladder for tmrw')",
      "made-up content")
def name_without_time(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """"lemme grab the extendable ladder for tmrw" was planned ``tl_search_tools(query="extendable ladder for tmrw")``:
    the finder looks a thing up by name, and the time is the booking's. A finder's (its name says find, search, get
    or list) name parameter that ends in "for", "on", "at", "from" or "by" and one of the request's time phrases after
    other words loses them ("black friday" is a name); a search of what documents say (a "question" parameter) keeps
    them."""
    times = sorted(as_request(query).times, key=len, reverse=True)
    if not times:
        return None
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        key = _name_param(spec) if spec and FINDER.search(t.tool) and not spec.roles & {"question", "file"} else None
        value = t.args.get(key) if key else None
        if isinstance(value, str):
            cut = value
            for phrase in times:
                cut = re.sub(rf"\s+\b(?:for|on|at|from|by)\s+{re.escape(phrase)}\s*$", "", cut, flags=re.I)
            cut = cut.strip(" ,.")
            if cut and cut != value.strip() and re.search(r"[a-z]{3}", cut, re.I):
                t, changed = t.with_args({**t.args, key: cut}), True
        out.append(t)
    return out if changed else None
