"""Codes that APIs take for what people call by name: currencies (ISO 4217), US states, countries (ISO 3166)."""

from __future__ import annotations

import functools
import re

CURRENCIES = {
    "USD": ("dollar", "us dollar", "american dollar", "buck"), "EUR": ("euro",),
    "GBP": ("pound", "british pound", "pound sterling", "sterling", "uk pound"),
    "JPY": ("yen", "japanese yen"), "CNY": ("yuan", "renminbi", "chinese yuan", "rmb"),
    "CHF": ("swiss franc", "franc"), "CAD": ("canadian dollar",), "AUD": ("australian dollar", "aussie dollar"),
    "NZD": ("new zealand dollar", "kiwi dollar"), "INR": ("rupee", "indian rupee"),
    "BRL": ("real", "reais", "brazilian real"), "MXN": ("peso", "mexican peso"),
    "KRW": ("won", "korean won", "south korean won"), "SEK": ("krona", "kronor", "swedish krona"),
    "NOK": ("norwegian krone",), "DKK": ("danish krone",), "PLN": ("zloty", "polish zloty"),
    "TRY": ("lira", "turkish lira"), "ZAR": ("rand", "south african rand"),
    "SGD": ("singapore dollar",), "HKD": ("hong kong dollar",), "THB": ("baht", "thai baht"),
    "AED": ("dirham", "uae dirham"), "CZK": ("koruna", "czech koruna"), "HUF": ("forint", "hungarian forint"),
    "ILS": ("shekel", "israeli shekel"),
}
US_STATES = {
    "AL": "alabama", "AK": "alaska", "AZ": "arizona", "AR": "arkansas", "CA": "california",
    "CO": "colorado", "CT": "connecticut", "DE": "delaware", "FL": "florida", "GA": "georgia",
    "HI": "hawaii", "ID": "idaho", "IL": "illinois", "IN": "indiana", "IA": "iowa", "KS": "kansas",
    "KY": "kentucky", "LA": "louisiana", "ME": "maine", "MD": "maryland", "MA": "massachusetts",
    "MI": "michigan", "MN": "minnesota", "MS": "mississippi", "MO": "missouri", "MT": "montana",
    "NE": "nebraska", "NV": "nevada", "NH": "new hampshire", "NJ": "new jersey", "NM": "new mexico",
    "NY": "new york", "NC": "north carolina", "ND": "north dakota", "OH": "ohio", "OK": "oklahoma",
    "OR": "oregon", "PA": "pennsylvania", "RI": "rhode island", "SC": "south carolina",
    "SD": "south dakota", "TN": "tennessee", "TX": "texas", "UT": "utah", "VT": "vermont",
    "VA": "virginia", "WA": "washington", "WV": "west virginia", "WI": "wisconsin", "WY": "wyoming",
    "DC": "district of columbia",
}
#: what a person of (or a passport from) each country is called, as people write it: "a German passport"
DEMONYMS = {
    "US": "american", "GB": "british", "DE": "german", "FR": "french", "IT": "italian", "ES": "spanish",
    "PT": "portuguese", "NL": "dutch", "BE": "belgian", "CH": "swiss", "AT": "austrian", "IE": "irish",
    "SE": "swedish", "NO": "norwegian", "DK": "danish", "FI": "finnish", "PL": "polish", "CZ": "czech",
    "GR": "greek", "TR": "turkish", "CA": "canadian", "MX": "mexican", "BR": "brazilian", "AR": "argentinian",
    "CL": "chilean", "CO": "colombian", "PE": "peruvian", "JP": "japanese", "CN": "chinese",
    "KR": "south korean", "IN": "indian", "SG": "singaporean", "TH": "thai", "VN": "vietnamese",
    "ID": "indonesian", "PH": "filipino", "AU": "australian", "NZ": "new zealander", "ZA": "south african",
    "NG": "nigerian", "KE": "kenyan", "EG": "egyptian", "MA": "moroccan", "IL": "israeli", "AE": "emirati",
    "SA": "saudi", "UA": "ukrainian", "HU": "hungarian", "RO": "romanian",
}
#: alpha-2, alpha-3, names
COUNTRIES = [
    ("US", "USA", ("united states", "united states of america", "america", "usa", "us")),
    ("GB", "GBR", ("united kingdom", "uk", "great britain", "britain", "england")),
    ("DE", "DEU", ("germany",)), ("FR", "FRA", ("france",)), ("IT", "ITA", ("italy",)),
    ("ES", "ESP", ("spain",)), ("PT", "PRT", ("portugal",)), ("NL", "NLD", ("netherlands", "holland")),
    ("BE", "BEL", ("belgium",)), ("CH", "CHE", ("switzerland",)), ("AT", "AUT", ("austria",)),
    ("IE", "IRL", ("ireland",)), ("SE", "SWE", ("sweden",)), ("NO", "NOR", ("norway",)),
    ("DK", "DNK", ("denmark",)), ("FI", "FIN", ("finland",)), ("PL", "POL", ("poland",)),
    ("CZ", "CZE", ("czechia", "czech republic")), ("GR", "GRC", ("greece",)), ("TR", "TUR", ("turkey", "turkiye")),
    ("CA", "CAN", ("canada",)), ("MX", "MEX", ("mexico",)), ("BR", "BRA", ("brazil",)),
    ("AR", "ARG", ("argentina",)), ("CL", "CHL", ("chile",)), ("CO", "COL", ("colombia",)),
    ("PE", "PER", ("peru",)), ("JP", "JPN", ("japan",)), ("CN", "CHN", ("china",)),
    ("KR", "KOR", ("south korea", "korea")), ("IN", "IND", ("india",)), ("SG", "SGP", ("singapore",)),
    ("TH", "THA", ("thailand",)), ("VN", "VNM", ("vietnam",)), ("ID", "IDN", ("indonesia",)),
    ("PH", "PHL", ("philippines",)), ("AU", "AUS", ("australia",)), ("NZ", "NZL", ("new zealand",)),
    ("ZA", "ZAF", ("south africa",)), ("NG", "NGA", ("nigeria",)), ("KE", "KEN", ("kenya",)),
    ("EG", "EGY", ("egypt",)), ("MA", "MAR", ("morocco",)), ("IL", "ISR", ("israel",)),
    ("AE", "ARE", ("united arab emirates", "uae")), ("SA", "SAU", ("saudi arabia",)),
    ("UA", "UKR", ("ukraine",)), ("HU", "HUN", ("hungary",)), ("RO", "ROU", ("romania",)),
]

_ASKS_CODE = re.compile(r"\b(?:iso|code|codes|abbreviat\w*|abbrev|symbol|alpha-?[23])\b|\b(?:two|2|three|3)[- ]letter\b", re.I)
_QUOTED_CODE = re.compile(r"""["'(]([A-Z]{2,3})["')]""")


def _forms(name: str) -> list[str]:
    words = re.findall(r"[a-z]+", name.lower())
    if words and words[0] == "the":
        words = words[1:]
    plain = " ".join(words)
    return [plain, plain[:-1]] if plain.endswith("s") else [plain]  # "euros", "british pounds"


@functools.lru_cache(maxsize=2)
def _tables(three: bool) -> dict[str, dict[str, str]]:
    countries = {}
    for a2, a3, names in COUNTRIES:
        for n in (*names, DEMONYMS.get(a2, names[0]), a2.lower(), a3.lower()):
            countries[n] = a3 if three else a2
    return {
        "currency": {**{c.lower(): c for c in CURRENCIES}, **{n: c for c, ns in CURRENCIES.items() for n in ns}},
        "state": {**{c.lower(): c for c in US_STATES}, **{n: c for c, n in US_STATES.items()}},
        "country": countries,
    }


def code_kind(name: str, description: str) -> tuple[str, bool] | None:
    """Which code a string parameter asks for ("currency", "state" or "country", and whether
    three-letter for a country), from its name and description; None when it asks for none."""
    text = f"{name.replace('_', ' ')} {description}"
    examples = _QUOTED_CODE.findall(description)
    if not (_ASKS_CODE.search(text) or examples):
        return None
    three = bool(re.search(r"\balpha-?3\b|\b(?:three|3)[- ]letter\b", text, re.I)) or any(len(e) == 3 for e in examples)
    lower = text.lower()
    if "currenc" in lower or "4217" in lower or any(e in CURRENCIES for e in examples):
        return "currency", True
    if "country" in lower or "3166" in lower:
        return "country", three
    if "state" in lower or any(e in US_STATES for e in examples):
        return "state", False
    return None


def to_code(value: str, kind: str, three: bool = False) -> str | None:
    """The code for a name people write ("euros" -> "EUR", "texas" -> "TX"), or None when unknown."""
    table = _tables(three)[kind]
    return next((table[f] for f in _forms(value) if f in table), None)
