"""Python code mended: a bracket too many or too few at its end, and a percent of an amount written wrong (the plan check refuses other broken code)."""

from __future__ import annotations

import ast
import re

from tinyagent.nodes.plans.planlang import Task, renumbered
from tinyagent.nodes.request.reading import as_request
from tinyagent.nodes.rules.checks import compiles, python_param
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule


#: "print(480 + 1250) / 3": a sum whose last operation was written after print's bracket
_PRINT_THEN = re.compile(r"print\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)\s*(\*\*|//|[-+*/%])\s*([\d.]+|\([^()\n]*\))$")


@rule("close_code", "compile",
      "Python code a bracket short or over at its end, or closing print before the sum's last step, is made whole", "",
      reads="specs")
def close_code(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task] | None:
    """The tasks with Python code that does not compile only for a bracket too many or too few at its
    end made whole (``print(round(15.98 / 3, 2)))``); None when there is none. Other broken code is
    left for the plan check to refuse."""
    out, changed = [], False
    for t in tasks:
        name = python_param(specs[t.tool]) if t.tool in specs else None
        code = t.args.get(name) if name else None
        if isinstance(code, str) and (m := _PRINT_THEN.match(code.strip())) and compiles(fixed := f"print(({m[1]}) {m[2]} {m[3]})"):
            # "print(480 + 1250) / 3" divides what print returns (None): the sum is divided, then printed
            t, changed = t.with_args({**t.args, name: fixed}), True
        elif isinstance(code, str) and not compiles(code):
            body = code.rstrip()
            fixes = [body[:-k] for k in range(1, 4) if body[-k:] == ")" * k] + [body + ")" * k for k in range(1, 4)]
            fixed = next((c for c in fixes if compiles(c)), None)
            if fixed is not None:
                args = {**t.args, name: fixed}
                t, changed = t.with_args(args), True
        out.append(t)
    return out if changed else None


_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CUR = r"(?:[$€£]\s?)?"
#: "18% tip on 74.50", "15 percent of 240", "the tip on 86.40 at 12.5%", "tip 12.5% on 146": a part of a sum, nothing more
_PERCENT_OF = (
    re.compile(rf"(?<![\d.]){_NUM}\s?(?:%|percent|per\s?cent)\s+(?:tip\s+|service\s+charge\s+|discount\s+)?(?:of|on)\s+"
               rf"(?:a\s+bill\s+of\s+|the\s+bill\s+of\s+|an?\s+|the\s+|my\s+)?{_CUR}{_NUM}(?![\d%]|\s?(?:%|percent))", re.I),
    re.compile(rf"\b(?:tip|service\s+charge)\s+(?:on|for)\s+(?:a\s+bill\s+of\s+|the\s+bill\s+of\s+)?{_CUR}{_NUM}"
               rf"\s+at\s+(?P<p>\d+(?:\.\d+)?)\s?(?:%|percent|per\s?cent)", re.I),
)
#: Words that make it more than a part of a sum: a total, a discount taken off, a rise, an interest
_MORE = re.compile(r"\b(?:total|plus|add|added|including|incl|inclusive|with|off|minus|less|after|increase|rise|"
                   r"interest|compound|each|per|split|between|among|times|and)\b|[+*/-]", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def percent_asked(query: str) -> tuple[float, float] | None:
    """(percent, amount) where the whole request asks for a percent of one amount ("whats an 18% tip on 74.50"),
    else None."""
    found = []
    for rx in _PERCENT_OF:
        for m in rx.finditer(query):
            if m.groupdict().get("p"):
                found.append((m.start(), m.end(), _number(m.group("p")), _number(m.group(1))))
            else:
                found.append((m.start(), m.end(), _number(m.group(1)), _number(m.group(2))))
    if len(found) != 1:
        return None
    start, end, percent, amount = found[0]
    rest = query[:start] + " " + query[end:]
    if _MORE.search(rest) or re.search(r"\d", rest):
        return None
    return percent, amount


def _literals(code: str) -> list[float] | None:
    """The numbers written in ``code``, less the digits a ``round`` keeps; None where it does not parse."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    kept = {id(c.args[1]) for c in ast.walk(tree) if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "round"
            and len(c.args) == 2}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and type(n.value) in (int, float)
            and id(n) not in kept]


_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
        ast.Div: lambda a, b: a / b}


def _value(node: ast.AST) -> float | None:
    """The value of a sum of numbers (+ - * / and round), or None for anything else."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        a, b = _value(node.left), _value(node.right)
        if a is None or b is None or (isinstance(node.op, ast.Div) and b == 0):
            return None
        return _OPS[type(node.op)](a, b)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "round" and node.args and not node.keywords:
        return _value(node.args[0])
    return None


def printed(code: str) -> float | None:
    """What ``print(<a sum of numbers>)`` prints, unrounded; None for other code."""
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return None
    if len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(call := body[0].value, ast.Call) \
            and getattr(call.func, "id", "") == "print" and len(call.args) == 1:
        return _value(call.args[0])
    return None


@rule("percent_of", "compile",
      "a percent of one amount is computed from the two numbers the person gave", "made-up content")
def percent_of(tasks: list[Task], specs: dict[str, ToolSpec], request) -> list[Task] | None:
    """"whats an 18% tip on 74.50" was planned ``print(round((74.50 / 2) * 18, 1))`` and answered 670.5. Where the
    whole request asks for one percent of one amount, Python code that prints a sum of numbers other than that
    part, or that writes a number other than the two given, the percent as a fraction or 100, is made the sum
    itself: ``print(round(74.5 * 18 / 100, 2))``."""
    asked = percent_asked(as_request(request).read)
    if asked is None:
        return None
    percent, amount = asked
    want = amount * percent / 100
    fine = {percent, amount, percent / 100, 100, round(1 + percent / 100, 6), round(1 - percent / 100, 6)}
    return _sum_made_right(tasks, specs, want, fine, f"print(round({amount:g} * {percent:g} / 100, 2))",
                           unreadable_wrong=False)


def _sum_made_right(tasks: list[Task], specs: dict[str, ToolSpec], want: float, fine: set[float], right: str,
                    unreadable_wrong: bool) -> list[Task] | None:
    """The tasks with each Python step that prints a sum other than ``want``, or that writes a number not in
    ``fine`` (code that does not parse counts as wrong where ``unreadable_wrong``), made ``right``; None when none."""
    out, changed = [], False
    for t in tasks:
        name = python_param(specs[t.tool]) if t.tool in specs else None
        code = t.args.get(name) if name else None
        if isinstance(code, str):
            value = printed(code)  # (the numbers it writes are read only where it prints no plain sum)
            numbers = _literals(code) if value is None else None
            if value is not None:
                wrong = abs(value - want) > 0.005
            elif numbers is None:
                wrong = unreadable_wrong
            else:
                wrong = any(round(n, 6) not in fine for n in numbers)
            if wrong:
                t = t.with_args({**t.args, name: right})
                changed = True
        out.append(t)
    return out if changed else None


_AMOUNT = r"(?:[$€£]\s*)?(?P<a>\d[\d,]*(?:\.\d+)?)(?:\s*(?:[$€£]|eur|euros?|usd|dollars?|gbp|pounds?|quid|bucks))?"
_PCT = r"(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)"
#: "1250 EUR plus 20% VAT", "80 + 15%", "4.50 with a 10% tip"; "300 minus 15%", "25% off 80" (not "7,380 including 23%
#: VAT": the amount holds the percent already)
_PERCENT_UP = re.compile(rf"{_AMOUNT}\s+(?:plus|\+|with|and\s+add)\s+(?:an?\s+|the\s+)?{_PCT}", re.I)
_PERCENT_DOWN = re.compile(rf"{_AMOUNT}\s+(?:minus|-|less|after|without)\s+(?:an?\s+|the\s+)?{_PCT}"
                           rf"|{_PCT.replace('?P<p>', '?P<p2>')}\s+(?:off|discount\s+on|discount\s+off)\s+(?:of\s+)?"
                           rf"{_AMOUNT.replace('?P<a>', '?P<a2>')}", re.I)


def percent_changed(query: str) -> tuple[float, float] | None:
    """(amount, factor) where the whole request asks for one amount with a percent added or taken off ("1250 EUR
    plus 20% VAT": 1250, 1.2; "25% off 80": 80, 0.75), else None."""
    found = [(m, 1) for m in _PERCENT_UP.finditer(query)] + [(m, -1) for m in _PERCENT_DOWN.finditer(query)]
    if len(found) != 1:
        return None
    m, sign = found[0]
    rest = query[:m.start()] + " " + query[m.end():]
    if re.search(r"\d", rest):
        return None
    groups = m.groupdict()
    amount = _number(groups.get("a") or groups.get("a2"))
    return amount, round(1 + sign * _number(groups.get("p") or groups.get("p2")) / 100, 6)


@rule("percent_added", "compile",
      "an amount with a percent added or taken off is computed from the person's two numbers", "made-up content")
def percent_added(tasks: list[Task], specs: dict[str, ToolSpec], request) -> list[Task] | None:
    """"what is 1250 EUR plus 20% VAT" was planned ``print(1250 + 20 / 100 * 100)`` and answered 1270. Where the whole
    request asks for one amount with a percent added ("plus", "with") or taken off ("minus", "less", "off"),
    Python code that prints another number is made the sum itself: ``print(round(1250 * 1.2, 2))``."""
    asked = percent_changed(as_request(request).read)
    if asked is None:
        return None
    amount, factor = asked
    want = amount * factor
    percent = round(abs(factor - 1) * 100, 6)
    fine = {amount, factor, percent, round(percent / 100, 6), 100, 1}
    return _sum_made_right(tasks, specs, want, fine, f"print(round({amount:g} * {factor:g}, 2))",
                           unreadable_wrong=True)


_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10}
_N = r"\d{1,2}|two|three|four|five|six|seven|eight|ten"
#: ", split between 3 people", "and divide it by four", "split 3 ways": the sum shared out
_SPLIT = re.compile(rf"[,;]?\s*(?:and\s+)?(?:then\s+)?(?:split|divided?|shared?)\s+(?:it\s+|that\s+|the\s+(?:bill|total|cost)\s+)?"
                    rf"(?:evenly\s+|equally\s+)?(?:between|among|amongst|by|for|with|in)\s+(?P<n>{_N})\b"
                    rf"(?:\s+(?:people|persons|friends|of\s+us|ways))?"
                    rf"|[,;]?\s*(?:and\s+)?(?:split\s+)?(?P<n2>{_N})\s+ways\b", re.I)


def split_asked(query: str) -> tuple[str, float, float, float, int] | None:
    """("tip", amount, percent, total, people) or ("part", ...) or ("changed", ...) where the whole request asks for a
    percent of an amount or an amount with a percent added, shared between a number of people ("whats an 18% tip on a
    74.50 dinner bill, split between 3 people?": the tip, the bill with it, and each share), else None."""
    m = _SPLIT.search(query)
    if not m:
        return None
    said = (m.group("n") or m.group("n2")).lower()
    people = int(said) if said.isdigit() else _COUNT[said]
    rest = query[:m.start()] + query[m.end():]
    if people < 2 or len(_SPLIT.findall(rest)):
        return None
    if (part := percent_asked(rest)) is not None:
        percent, amount = part
        tip = bool(re.search(r"\b(?:tip|tips|service|gratuity)\b", rest, re.I))
        total = amount * (1 + percent / 100) if tip else amount * percent / 100
        return ("tip" if tip else "part"), amount, percent, total, people
    if (changed := percent_changed(rest)) is not None:
        amount, factor = changed
        return "changed", amount, round((factor - 1) * 100, 6), amount * factor, people
    return None


@rule("percent_split", "compile",
      "a percent of an amount (or an amount with one added) shared between people is computed from the person's numbers",
      "made-up content")
def percent_split(tasks: list[Task], specs: dict[str, ToolSpec], request) -> list[Task] | None:
    """"whats an 18% tip on a 74.50 dinner bill, split between 3 people?" was planned
    ``print(round((74.50 / 3) * 100, 2))`` and answered 2483.33. Where the whole request asks for that, Python code
    that prints another share, or writes a number other than the person's and 100, prints the tip (or the part), the
    total and each share."""
    asked = split_asked(as_request(request).read)
    if asked is None:
        return None
    kind, amount, percent, total, people = asked
    lines = [f"amount = {amount:g}"]
    if kind == "tip":
        lines += [f"tip = amount * {percent:g} / 100", 'print("tip:", round(tip, 2))', 'print("total:", round(amount + tip, 2))',
                  f'print("each of {people}:", round((amount + tip) / {people}, 2))']
    elif kind == "part":
        lines += [f"part = amount * {percent:g} / 100", 'print("part:", round(part, 2))',
                  f'print("each of {people}:", round(part / {people}, 2))']
    else:
        lines += [f"total = amount * {1 + percent / 100:g}", 'print("total:", round(total, 2))',
                  f'print("each of {people}:", round(total / {people}, 2))']
    fine = {amount, abs(percent), round(abs(percent) / 100, 6), 100, 1, float(people), round(1 + percent / 100, 6),
            round(1 - abs(percent) / 100, 6)}
    out = _sum_made_right(tasks, specs, total / people, fine, "\n".join(lines), unreadable_wrong=True)
    if out is None:
        return None
    used = {d for t in out for d in t.deps}
    seen, kept = set(), []
    for t in out:  # two wrong steps made right are one step
        key = (t.tool, repr(sorted(t.args.items())))
        if key in seen and t.id not in used:
            continue
        seen.add(key)
        kept.append(t)
    return renumbered(kept, out[0].id) if len(kept) < len(out) else out
