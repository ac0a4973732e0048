"""Make generated requests look like people's: noise, lists, pronouns, declines, dates in many forms.

Everything here is applied by finetune/data.py after a request is composed. It never changes a
word the gold plan copies (names, texts, the words for times), so the plan stays right.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from tinyagent.finetune import data_vocab as V

#: Requests no assistant tool can serve; their gold plan is the empty plan.
DECLINES = [
    "book me a flight to {city}", "order sushi for dinner tonight", "put on some classical music", "play {song} on spotify",
    "what's the weather in {city} tomorrow", "will it rain this weekend", "turn off the living room lights",
    "set the thermostat to 21 degrees", "tell me a fun fact", "how are you today", "who won the game last night",
    "what's the price of bitcoin right now", "buy 10 shares of Apple", "translate 'good morning' into Japanese",
    "what's the population of Canada", "who wrote War and Peace", "get me a taxi home",
    "book a table for two at an Italian restaurant", "order more printer paper on Amazon",
    "what time is it in Tokyo", "recommend a good sci-fi movie", "how tall is the Eiffel Tower",
    "start the vacuum cleaner", "open the garage door", "pay my electricity bill", "transfer $200 to {first}",
    "post this on Instagram", "tweet that I'm on vacation", "what's the score of the {team} game",
    "find me a cheap hotel in {city}", "rent a car for next week", "sing me a song",
    "what's the best programming language", "write a haiku about the sea", "open Netflix", "mute the tv",
    "what's trending on the news", "track my package from Amazon", "how many calories are in an apple",
    "give me a recipe for lasagna", "set an alarm on my phone for 6am", "take a screenshot",
    "restart my computer", "how much is in my savings account", "what's the exchange rate of the yen today",
    "find flights to {city} under $300", "order flowers for {first}", "hi there", "ok cool, bye",
    "never mind", "who are you", "what can't you do", "dim the bedroom lights to 30%", "play the next episode",
    "find a plumber near me", "book a haircut at my barber", "what's the traffic like on the highway",
]
DECLINE_SLOTS = {"song": ["Bohemian Rhapsody", "some Taylor Swift", "my workout playlist", "lo-fi beats"],
                 "team": ["Lakers", "Arsenal", "Yankees", "Bayern"]}

FILLERS_BEFORE = ["um ", "ok so ", "hey ", "pls ", "yo ", "quick q: ", "so, ", "hi! ", "hello! ", "hiya ",
                  "ok ", "right, ", "one more: "]
FILLERS_AFTER = [" thx", " thanks!", " asap", " please", " pls", " ty", " if you can", " when you get a sec",
                 " :)", " thank you so much"]
SHORT = {"you": "u", "please": "pls", "and": "&", "tomorrow": "tmrw", "message": "msg", "with": "w/",
         "because": "bc", "thanks": "thx", "about": "abt", "tonight": "tonite"}
LISTS2 = ["1) {a} 2) {b}", "- {a}\n- {b}", "{a} + {b}", "two things: {a}, and {b}", "{a}\nalso {b}"]
LISTS3 = ["1) {a} 2) {b} 3) {c}", "- {a}\n- {b}\n- {c}", "three things: {a}; {b}; {c}", "{a}, {b}, {c}"]


def decline_request(r: random.Random) -> str:
    text = r.choice(DECLINES)
    text = text.format(city=r.choice(V.CITIES), first=r.choice(V.FIRST),
                       **{k: r.choice(v) for k, v in DECLINE_SLOTS.items()})
    if r.random() < 0.3:  # a polite opener only before an imperative ("can you what's ..." is not English)
        imperative = not re.match(r"^(what|who|how|will|hi|ok|never|good|sing)\b", text, re.I)
        text = r.choice(["please ", "can you ", "could you ", "hey, "] if imperative else ["hey, ", "so ", "um "]) + text
    return text[:1].upper() + text[1:] if r.random() < 0.7 else text


def extra_date_phrase(r: random.Random, today: dt.date) -> str | None:
    """A day as people also write it: abbreviations, numeric dates, the Nth, weekends. The value is
    read back with tools.dates (the same rules the tools use)."""
    k = r.random()
    wd = r.choice(["mon", "tue", "wed", "thu", "fri", "sat", "sun", "Mon", "Fri", "Wed"])
    day = today + dt.timedelta(days=r.randint(1, 60))
    forms = [f"tmrw", f"{wd}", f"next {wd}", f"{day.month}/{day.day}", f"the {_ord(day.day)}",
             "this weekend", "next week", f"{V.MONTHS[day.month - 1][:3]} {_ord(day.day)}",
             f"{day.day}.{day.month}.", f"tomorrow", f"this coming {V.WEEKDAYS[day.weekday()]}"]
    return forms[int(k * len(forms))]


def extra_time_phrase(r: random.Random) -> str:
    return r.choice(["noon", "10am", "4:30", "7 pm", "half past 2", "8:15am", "midday", "9 AM", "2:45pm"])


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def protected_words(steps: list[tuple[str, dict]], phrases: list[str]) -> set[str]:
    """Words the plan copies from the request (argument texts and time phrases): never altered."""
    words: set[str] = set()

    def add(value) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"\w+(?:'\w+)*", value))
        elif isinstance(value, (list, tuple)):
            for v in value:
                add(v)
        elif isinstance(value, dict):
            for v in value.values():
                add(v)
    for _, args in steps:
        add(args)
    for p in phrases:
        add(p)
    return words


def _typo(word: str, r: random.Random) -> str:
    if len(word) < 4:
        return word
    i = r.randrange(1, len(word) - 1)
    kind = r.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind < 0.7:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def add_noise(text: str, r: random.Random, protect: set[str]) -> str:
    """Casual typing: lower case, dropped punctuation, typos and short forms in unprotected words,
    fillers. ``protect`` holds the lower-cased words the plan copies."""
    def edit(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if low in protect or any(ch.isdigit() for ch in word):
            return word
        if low in SHORT and r.random() < 0.35:
            return SHORT[low]
        if r.random() < 0.06:
            return _typo(word, r)
        return word

    text = re.sub(r"[A-Za-z]+(?:'[A-Za-z]+)*", edit, text)
    if r.random() < 0.35:
        text = text.rstrip(".!?")
    if r.random() < 0.25:
        text = r.choice(FILLERS_BEFORE) + text[:1].lower() + text[1:]
    if r.random() < 0.2:
        text = text.rstrip(".!?") + r.choice(FILLERS_AFTER)
    if r.random() < 0.35:
        text = text.lower()
    return text
