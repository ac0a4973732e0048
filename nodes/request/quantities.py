"""Quantities in a person's words ("6.5%", "$12.50", "213 million", "90 minutes") and the unit a tool's parameter wants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tinyagent.tools.dates import NUMBERS

#: seconds in each duration unit a request or a parameter may name
SECONDS = {"ms": 0.001, "millisecond": 0.001, "s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60,
           "h": 3600, "hr": 3600, "hour": 3600, "day": 86400, "week": 604800}
#: what a scale word multiplies by
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "mn": 1e6, "million": 1e6,
          "b": 1e9, "bn": 1e9, "bil": 1e9, "billion": 1e9}

_WORD_NUMBERS = {k: v for k, v in NUMBERS.items() if " " not in k}
_NUMBER = (r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|(?:"
           + "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True)) + r")\b)")
_MENTION = re.compile(
    r"(?<![\w.,$€£:/])(?<!\d-)(?P<cur>[$€£]\s?)?" + _NUMBER
    + r"(?:\s?(?P<pct>%|percent\b|per cent\b|pct\b)"
    r"|\s?(?P<scale>k|thousand|mm|mil|mn|million|bn|bil|billion|m|b)(?![a-z]))?"
    r"(?:[\s-]?(?P<noun>[a-z]+)(?:\s(?P<next>[a-z]+))?)?", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A number as written in a request, with what surrounds it."""

    number: float  # the digits as written: 6.5 in "6.5%", 213 in "213 million"
    percent: bool = False
    money: bool = False
    scale: float = 1.0  # 1e6 for "213 million"
    noun: str = ""  # the word after the number ("5 day forecast": "day")
    next: str = ""  # the word after that ("two recliner tickets": "tickets")
    article: bool = False  # "a"/"an" read as one ("an hour"): a unit's one, never a count
    head: float = 0.0  # the first group of digits written with thousands commas: 300 in "300,000"
    bound: str = ""  # "max" after "under", "up to", ...; "min" after "at least", "over", ...

    @property
    def unit(self) -> float:
        """Seconds in the duration unit that follows ("90 minutes": 60), else 0."""
        return duration_unit(self.noun) if self.noun else 0.0

    @property
    def value(self) -> float:
        """The plain quantity: 213 million is 213000000."""
        return self.number * self.scale


def singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 2 else word


def duration_unit(word: str) -> float:
    """Seconds in a duration word ("minutes", "hrs", "ms"), or 0 when it is none."""
    word = word.lower()
    word = {"mins": "min", "secs": "sec", "hrs": "hr"}.get(word, word)
    return SECONDS.get(singular(word) if len(word) > 2 else word, 0.0)


_BOUND = re.compile(r"(?:\b(?P<max>under|below|less than|at most|up to|no more than|max(?:imum)?|within|cheaper than)"
                    r"|\b(?P<min>over|above|more than|at least|min(?:imum)?|no less than))\s*$", re.I)


def mentions(text: str) -> list[Mention]:
    """Every number in ``text`` with its currency sign, percent sign, scale word and following noun."""
    out = []
    for m in _MENTION.finditer(text):
        raw = m.group("num").lower().replace(",", "")
        number = float(_WORD_NUMBERS[raw]) if raw in _WORD_NUMBERS else float(raw)
        if raw in ("a", "an") and not m.group("noun"):
            continue  # the article alone is no number
        word = m.group("scale") or ""
        noun = (m.group("noun") or "").lower()
        if word in ("m", "b") and not m.group("cur") or len(word) == 1 and raw in _WORD_NUMBERS:
            word, noun = "", noun or word.lower()  # "5m", "a b": a unit or a word; "$5m", "213M", "25k": a scale
        scale = SCALES[word.lower()] if word else 1.0
        grouped = m.group("num").split(",")
        before = _BOUND.search(text[:m.start()])
        out.append(Mention(number, percent=bool(m.group("pct")), money=bool(m.group("cur")),
                           scale=scale, noun=noun,
                           next=(m.group("next") or "").lower(), article=raw in ("a", "an"),
                           head=float(grouped[0]) if len(grouped) > 1 else 0.0,
                           bound=("min" if before.group("min") else "max") if before else ""))
    return out


_FRACTION = re.compile(r"\bfraction\b|\b0?\.\d+\s*(?:for|=|means|is)\s*\d+(?:\.\d+)?\s*%"
                       r"|\bbetween 0(?:\.0)? and 1(?:\.0)?(?![\d.])|\b0(?:\.0)?\s*(?:-|to)\s*1(?:\.0)?(?![\d.])", re.I)
_DECIMAL = re.compile(r"\bdecimal\b", re.I)
_PERCENT = re.compile(r"\bper ?cent(?:age)?\b|\bpct\b|%", re.I)
_CENTS = re.compile(r"\bcents?\b|\bminor units?\b|\bpence\b", re.I)
_IN_SCALE = re.compile(r"\b(?:in|as)\s+(?:\w+\s+){0,2}?(thousands|millions|billions)\b|_(thousands|millions|billions|k|mm|bn)\b"
                       r"|\b(thousands|millions|billions) of\b", re.I)
_IN_UNIT = re.compile(r"\b(?:in|as)\s+(?:\w+\s+){0,2}?(milliseconds|ms|seconds|secs|minutes|mins|hours|hrs|days|weeks)\b", re.I)
_NAME_UNIT = re.compile(r"(?:^|_)(ms|millis|milliseconds|seconds|secs|sec|minutes|mins|min|hours|hrs|days|weeks)$", re.I)


def about(name: str, text: str) -> str:
    """The sentences of a tool's description that speak of its parameter ``name`` (or a word of it)."""
    words = ({w for w in re.split(r"[^a-z0-9]+", name.lower()) if len(w) >= 4}
             | {name.lower().replace("_", " "), name.lower()})
    return " ".join(s for s in re.split(r"(?<=[.;!?])\s+|\n+", text)
                    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", s.lower()) for w in words))


def unit_of(name: str, description: str, tool_description: str = "") -> str:
    """The form a numeric parameter wants, from its name and description: "fraction" (0.05 for 5%),
    "percent" (5 for 5%), "cents", a scale ("thousands", "millions", "billions"), a duration unit
    ("seconds", "minutes", ...), or "" when nothing says. Where the parameter's own description says
    nothing of it, the tool description's sentences that name the parameter may."""
    if tool_description:
        return unit_of(name, description) or unit_of(name, about(name, tool_description))
    text = f"{description} ".replace("_", " ")
    scale = _IN_SCALE.search(f"{description} _{name} ")
    if _CENTS.search(text) or re.search(r"(?:^|_)cents$", name, re.I):
        return "cents"
    if _FRACTION.search(text) or _DECIMAL.search(text) and (_PERCENT.search(text) or re.search(r"\brate\b|\b0?\.\d", text)):
        return "fraction"
    if _PERCENT.search(text) or re.search(r"(?:^|_)(?:pct|percent|percentage)$", name, re.I):
        return "percent"
    if scale:
        word = next(g for g in scale.groups() if g).lower()
        return {"k": "thousands", "mm": "millions", "bn": "billions"}.get(word, word)
    unit = _IN_UNIT.search(text) or _NAME_UNIT.search(name)
    if unit:
        word = unit.group(1).lower()
        return {"ms": "milliseconds", "millis": "milliseconds", "secs": "seconds", "sec": "seconds",
                "mins": "minutes", "min": "minutes", "hrs": "hours"}.get(word, word)
    return ""


def in_unit(mention: Mention, unit: str) -> float | None:
    """``mention`` expressed in ``unit`` (see ``unit_of``), or None when it is not that kind of quantity."""
    if unit == "fraction":
        return mention.number / 100 if mention.percent else None
    if unit == "percent":
        return mention.number if mention.percent else None
    if unit == "cents":
        return mention.value * 100 if mention.money else None
    if unit in ("thousands", "millions", "billions"):
        return mention.value / SCALES[unit[:-1]] if mention.scale != 1 and not mention.percent else None
    if unit and mention.unit:
        return mention.number * mention.unit / duration_unit(unit)
    if not unit and (mention.scale != 1 or mention.head) and not mention.percent:
        return mention.value  # nothing says otherwise: 2.5 million is 2500000, "300,000" is 300000
    return None
