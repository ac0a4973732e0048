"""Synthetic tools (schemas only, never run) with request templates, to teach choosing among new tools.

``TRAIN_TOOLS`` are mixed into the training data with the real tools; ``UNSEEN_TOOLS`` appear only in
the ``unseen`` split, to measure how well the planner uses tools it never saw during training.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tinyagent.finetune import data_vocab as V
from tinyagent.finetune.data_intents import Gen
from tinyagent.tools.specs import Param, ToolSpec

LANGS = ["French", "Spanish", "German", "Italian", "Japanese", "Portuguese", "Korean", "Dutch", "Greek"]
PHRASES = ["where is the train station", "thank you for your help", "I would like a coffee",
           "the meeting starts at noon", "how much does this cost", "good morning everyone",
           "see you tomorrow", "I am allergic to peanuts", "can I have the bill please", "happy new year"]
CURRENCIES = {"USD": "dollars", "EUR": "euros", "JPY": "yen", "GBP": "pounds", "CHF": "Swiss francs",
              "CAD": "Canadian dollars", "INR": "rupees"}
RESTAURANTS = ["Nopa", "Zuni Cafe", "Chez Panisse", "the Italian place on 5th", "Sushi Ran", "Tartine",
               "La Taqueria", "Blue Hill", "the Thai Garden", "Osteria Mozza"]
SONGS = ["Bohemian Rhapsody", "Clair de Lune", "Blinding Lights", "Hey Jude", "Take Five", "Yellow",
         "Dancing Queen", "So What", "Heroes", "Viva la Vida"]
ARTISTS = ["Miles Davis", "Taylor Swift", "The Beatles", "Radiohead", "Nina Simone", "Daft Punk",
           "Adele", "Bach", "Fleetwood Mac", "Kendrick Lamar"]
TICKERS = ["AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "GOOGL", "META", "IBM"]
ROOMS = ["living room", "kitchen", "bedroom", "office", "hallway", "garage"]
DISHES = ["lasagna", "pad thai", "banana bread", "chicken curry", "ramen", "shakshuka", "risotto", "tacos"]
WORDS = ["serendipity", "ephemeral", "ubiquitous", "quixotic", "laconic", "petrichor", "sonder", "hubris"]
UNITS = [("miles", "kilometers"), ("pounds", "kilograms"), ("cups", "milliliters"), ("feet", "meters"),
         ("gallons", "liters"), ("ounces", "grams")]
MOVIES = ["Dune", "Oppenheimer", "Spirited Away", "The Matrix", "Amélie", "Parasite", "Arrival"]
PODCASTS = ["Radiolab", "The Daily", "Hardcore History", "99% Invisible", "Planet Money"]
AIRLINE = ["UA", "LH", "BA", "AF", "DL", "NH", "KL"]
CATEGORIES = ["groceries", "travel", "dining", "office supplies", "transport", "books"]
NEWS = ["technology", "climate", "sports", "the economy", "science", "elections", "space"]
ACTIVITIES = ["running", "cycling", "swimming", "yoga", "weightlifting", "hiking"]


def slot(name: str, g: Gen) -> tuple[str, Any]:
    """(words in the request, value in the plan) for a template slot; trailing digits are ignored."""
    r, base = g.r, re.sub(r"\d+$", "", name)
    if base == "city":
        c = r.choice(V.CITIES)
        return c, c
    if base == "day":
        text, day = V.date_phrase(r, g.today)
        return text, day.isoformat()
    if base == "when":
        text, t = V.when_phrase(r, g.today)
        return text, V.fmt(t)
    if base == "person":
        p = V.person(r)
        return p, p
    if base == "lang":
        lang = r.choice(LANGS)
        return lang, lang
    if base == "phrase":
        p = r.choice(PHRASES)
        return f"'{p}'", p
    if base == "amount":
        a = r.choice([20, 50, 75, 100, 250, 1200, 19.99, 3.5, 640])
        return str(a), a
    if base == "cur":
        code = r.choice(list(CURRENCIES))
        return (code if r.random() < 0.5 else CURRENCIES[code]), code
    if base == "n":
        n = r.randint(2, 8)
        return str(n), n
    if base == "minutes":
        n = r.choice([5, 10, 15, 20, 25, 30, 45])
        return f"{n} minutes", n
    if base == "temp":
        n = r.randint(17, 25)
        return f"{n} degrees", n
    if base == "units":
        a, b = r.choice(UNITS)
        n = r.choice([3, 5, 10, 12, 26.2, 150])
        return f"{n} {a} to {b}", (n, a, b)
    pools = {"restaurant": RESTAURANTS, "song": SONGS, "artist": ARTISTS, "ticker": TICKERS,
             "room": ROOMS, "dish": DISHES, "word": WORDS, "movie": MOVIES, "podcast": PODCASTS,
             "category": CATEGORIES, "news": NEWS, "activity": ACTIVITIES, "place": V.PLACES,
             "topic": [t[4:] if t.startswith("the ") else t for t in V.TOPICS], "file": V.FILES}
    # values whose form the parameter's description decides (the planner must read it)
    if base in ("pct", "pctn"):
        n = r.choice([2, 3, 4.5, 5, 7, 8, 10, 12, 15, 20, 25])
        text = r.choice([f"{n}%", f"{n} percent", f"{n} %"])
        return text, (round(n / 100, 4) if base == "pct" else n)
    if base in ("mil", "milnum"):
        n = r.choice([2, 5, 12, 40, 75, 120, 213, 350, 1.5])
        text = r.choice([f"{n} million", f"{n}M", f"{n} mil"])
        return text, (n if base == "mil" else int(round(n * 1_000_000)))
    if base in ("hrs_min", "hrs_sec"):
        n = r.choice([1, 2, 3, 1.5])
        text = f"{n} hour" + ("s" if n != 1 else "")
        return text, int(n * 60) if base == "hrs_min" else int(n * 3600)
    if base in ("min_sec", "min_min"):
        n = r.choice([2, 5, 10, 15, 30, 45])
        return f"{n} minutes", (n * 60 if base == "min_sec" else n)
    if base in ("cents", "dollars"):
        n = r.choice([4, 12, 20, 35, 99, 150])
        return f"${n}", (n * 100 if base == "cents" else n)
    if base == "flight":
        f = f"{r.choice(AIRLINE)}{r.randint(10, 999)}"
        return f, f
    if base == "phone":
        p = V.phone(r)
        return p, p
    if base == "tracking":
        t = f"1Z{r.randint(10**7, 10**8 - 1)}"
        return t, t
    if base in pools:
        v = r.choice(pools[base])
        return v, v
    raise KeyError(name)


@dataclass(frozen=True)
class SynthTool:
    """A tool schema plus phrasings; ``args`` maps each parameter to the slot that fills it."""

    spec: ToolSpec
    args: dict[str, str]
    templates: tuple[str, ...]

    def make(self, g: Gen) -> str:
        template = g.r.choice(self.templates)
        names = re.findall(r"{(\w+)}", template)
        filled = {n: slot(n, g) for n in names}
        args = {}
        for p in self.spec.params:
            key = self.args[p.name]
            src, _, part = key.partition(".")
            if src in filled:
                value = filled[src][1]
                args[p.name] = value[int(part)] if part else value
        g.add(self.spec.name, **args)
        return template.format(**{k: v[0] for k, v in filled.items()})


def tool(name: str, description: str, params: str, args: dict[str, str], *templates: str,
         notes: dict[str, str] | None = None) -> SynthTool:
    """``params``: "city:string!, date:string" (``!`` = required); ``notes``: parameter descriptions."""
    ps = []
    for item in params.split(","):
        pname, ptype = item.strip().split(":")
        req = ptype.endswith("!")
        ptype = ptype.rstrip("!")
        items = "any"
        if ptype.startswith("list"):
            ptype, items = "array", "string"
        ps.append(Param(pname, ptype, req, items=items, description=(notes or {}).get(pname, "")))
    ps.sort(key=lambda p: not p.required)
    return SynthTool(ToolSpec(name, description, tuple(ps)), args, tuple(templates))


TRAIN_TOOLS = [
    tool("set_savings_rate", "Set the share of each paycheck moved to savings.", "rate:number!",
         {"rate": "pct"}, "save {pct} of my pay", "set my savings rate to {pct}", "put {pct} of each paycheck aside",
         notes={"rate": "as a decimal fraction, e.g. 0.05 for 5%"}),
    tool("set_tip_percent", "Set the default tip for restaurant bills.", "percent:number!",
         {"percent": "pctn"}, "tip {pctn} by default", "set my default tip to {pctn}", "make the tip {pctn}",
         notes={"percent": "in percent, e.g. 18 for 18%"}),
    tool("log_company_revenue", "Record a company's yearly revenue in the finance sheet.",
         "company:string!, revenue_millions:number!",
         {"company": "topic", "revenue_millions": "mil"},
         "log {mil} revenue for {topic}", "{topic} made {mil} this year, record it",
         notes={"revenue_millions": "revenue in millions of dollars, e.g. 12.5"}),
    tool("set_budget_limit", "Set a spending limit for a budget category.", "category:string!, amount:number!",
         {"category": "category", "amount": "milnum"},
         "cap {category} spending at {milnum}", "set the {category} budget to {milnum}",
         notes={"amount": "the limit as a plain number in dollars, e.g. 2500000"}),
    tool("start_focus_mode", "Silence notifications for a while.", "duration_minutes:integer!",
         {"duration_minutes": "hrs_min"}, "focus mode for {hrs_min}", "mute notifications for {hrs_min}",
         "no notifications for the next {hrs_min}", notes={"duration_minutes": "how long, in minutes"}),
    tool("set_sleep_timer", "Stop the music after a while.", "seconds:integer!",
         {"seconds": "min_sec"}, "stop the music in {min_sec}", "sleep timer {min_sec}", "turn the music off after {min_sec}",
         notes={"seconds": "delay in seconds, e.g. 600 for ten minutes"}),
    tool("pay_friend", "Pay a friend back.", "person:string!, amount_cents:integer!, note:string",
         {"person": "person", "amount_cents": "cents", "note": "dish"},
         "send {person} {cents}", "pay {person} {cents} for the {dish}", "transfer {cents} to {person}",
         notes={"amount_cents": "amount in cents, e.g. 1250 for $12.50", "note": "memo shown to them"}),
    tool("get_weather", "Get the weather forecast for a city on a date.", "city:string!, date:string",
         {"city": "city", "date": "day"},
         "what's the weather in {city} {day}?", "will it rain in {city} {day}?", "weather forecast for {city}",
         "check the weather in {city} {day}", "how warm will it be in {city} {day}?", "get the forecast for {city}"),
    tool("translate_text", "Translate text into another language.", "text:string!, language:string!",
         {"text": "phrase", "language": "lang"},
         "translate {phrase} to {lang}", "how do you say {phrase} in {lang}?", "put {phrase} into {lang}",
         "what is {phrase} in {lang}?", "give me the {lang} for {phrase}"),
    tool("convert_currency", "Convert an amount of money between currencies.",
         "amount:number!, from_currency:string!, to_currency:string!",
         {"amount": "amount", "from_currency": "cur1", "to_currency": "cur2"},
         "convert {amount} {cur1} to {cur2}", "how much is {amount} {cur1} in {cur2}?",
         "change {amount} {cur1} into {cur2}", "what are {amount} {cur1} worth in {cur2}?",
         notes={"from_currency": "ISO 4217 code, e.g. 'EUR'", "to_currency": "ISO 4217 code of the target currency"}),
    tool("book_table", "Reserve a table at a restaurant.", "restaurant:string!, time:string!, people:integer",
         {"restaurant": "restaurant", "time": "when", "people": "n"},
         "book a table at {restaurant} {when} for {n}", "reserve {restaurant} {when} for {n} people",
         "get us a table for {n} at {restaurant} {when}", "make a dinner reservation at {restaurant} {when}"),
    tool("play_music", "Play a song or artist on the speakers.", "song:string, artist:string",
         {"song": "song", "artist": "artist"},
         "play {song}", "put on some {artist}", "play {song} by {artist}", "I want to hear {artist}",
         "start playing {song}"),
    tool("get_stock_price", "Get the latest price of a stock ticker.", "ticker:string!",
         {"ticker": "ticker"},
         "what's {ticker} trading at?", "get the stock price of {ticker}", "how is {ticker} doing today?",
         "check the {ticker} share price", notes={"ticker": "exchange symbol in capitals, e.g. 'AAPL'"}),
    tool("set_thermostat", "Set the home thermostat to a temperature in Celsius.", "temperature:integer!, room:string",
         {"temperature": "temp", "room": "room"},
         "set the thermostat to {temp}", "make the {room} {temp}", "heat the {room} to {temp}",
         "turn the heating to {temp}"),
    tool("turn_on_lights", "Turn on the lights in a room.", "room:string!, brightness:integer",
         {"room": "room", "brightness": "n"},
         "turn on the lights in the {room}", "lights on in the {room}", "switch the {room} lights on",
         "light up the {room}"),
    tool("find_recipe", "Find a recipe for a dish.", "dish:string!, servings:integer",
         {"dish": "dish", "servings": "n"},
         "find a recipe for {dish}", "how do I make {dish}?", "get me a {dish} recipe for {n} people",
         "look up how to cook {dish}"),
    tool("define_word", "Look up the definition of an English word.", "word:string!",
         {"word": "word"},
         "what does {word} mean?", "define {word}", "look up the word {word}", "give me the meaning of {word}"),
    tool("set_timer", "Start a countdown timer.", "minutes:integer!, label:string",
         {"minutes": "minutes", "label": "dish"},
         "set a timer for {minutes}", "start a {minutes} timer for the {dish}", "timer {minutes} please",
         "count down {minutes}", notes={"minutes": "length of the timer in minutes", "label": "what the timer is for"}),
    tool("track_package", "Get the delivery status of a package by tracking number.", "tracking_number:string!",
         {"tracking_number": "tracking"},
         "where is my package {tracking}?", "track package {tracking}", "check the delivery status of {tracking}",
         "has {tracking} shipped yet?"),
    tool("get_flight_status", "Get the status of a flight by its number.", "flight_number:string!, date:string",
         {"flight_number": "flight", "date": "day"},
         "is flight {flight} on time?", "check the status of {flight} {day}", "what's the status of flight {flight}?",
         "has {flight} landed?"),
    tool("convert_units", "Convert a quantity between units.", "value:number!, from_unit:string!, to_unit:string!",
         {"value": "units.0", "from_unit": "units.1", "to_unit": "units.2"},
         "convert {units}", "how much is {units}?", "change {units} for me"),
    tool("get_news", "Get the latest headlines on a topic.", "topic:string!, count:integer",
         {"topic": "news", "count": "n"},
         "what's the latest news on {news}?", "get me {n} headlines about {news}", "show news about {news}",
         "any news on {news} today?"),
    tool("log_expense", "Record an expense in the budget.", "amount:number!, category:string!, note:string",
         {"amount": "amount", "category": "category", "note": "restaurant"},
         "log an expense of {amount} for {category}", "I spent {amount} on {category}, record it",
         "add a {category} expense of {amount} at {restaurant}", "track {amount} under {category}"),
    tool("get_time_in", "Get the current local time in a city.", "city:string!",
         {"city": "city"},
         "what time is it in {city}?", "current time in {city}", "tell me the local time in {city}",
         "check the time in {city}"),
    tool("play_podcast", "Play the latest episode of a podcast.", "podcast:string!",
         {"podcast": "podcast"},
         "play {podcast}", "put on the latest {podcast} episode", "start {podcast}", "I want to listen to {podcast}"),
    tool("search_web", "Search the web and return the top results.", "query:string!",
         {"query": "movie"},
         "search the web for {movie} reviews", "look up {movie} online", "google {movie}",
         "find {movie} on the internet"),
    tool("order_taxi", "Order a taxi to a destination.", "destination:string!, pickup_time:string",
         {"destination": "place", "pickup_time": "when"},
         "get me a taxi to {place}", "order a cab to {place} {when}", "book a ride to {place}",
         "call a taxi to {place} {when}"),
    tool("add_contact", "Save a new contact with a phone number.", "name:string!, phone:string!",
         {"name": "person", "phone": "phone"},
         "save {person} with the number {phone}", "add {person} to my contacts, number {phone}",
         "create a contact for {person}: {phone}"),
    tool("log_workout", "Log a workout in the fitness journal.", "activity:string!, minutes:integer!",
         {"activity": "activity", "minutes": "minutes"},
         "log {minutes} of {activity}", "I did {activity} for {minutes}, record it",
         "add a {activity} workout of {minutes}", "track {minutes} {activity}"),
    tool("find_movie_showtimes", "Find showtimes of a movie on a date.", "movie:string!, date:string",
         {"movie": "movie", "date": "day"},
         "when is {movie} playing {day}?", "find showtimes for {movie}", "showtimes of {movie} {day}",
         "where can I see {movie} {day}?"),
    tool("create_playlist", "Create a music playlist.", "name:string!, songs:list[string]",
         {"name": "topic", "songs": "song"},
         "create a playlist called {topic}", "make a new playlist '{topic}'", "start a playlist named {topic}"),
    tool("share_file", "Share a file with a person by link.", "file_name:string!, person:string!",
         {"file_name": "file", "person": "person"},
         "share {file} with {person}", "give {person} access to the {file} file", "send {person} a link to {file}"),
    tool("get_directions_time", "Estimate the travel time between two places.", "origin:string!, destination:string!",
         {"origin": "place1", "destination": "place2"},
         "how long does it take to get from {place1} to {place2}?", "travel time from {place1} to {place2}",
         "estimate the trip from {place1} to {place2}"),
    tool("book_hotel", "Book a hotel room in a city.", "city:string!, check_in:string!, nights:integer",
         {"city": "city", "check_in": "day", "nights": "n"},
         "book a hotel in {city} {day} for {n} nights", "find me a room in {city} from {day}",
         "reserve a hotel in {city} checking in {day}"),
    tool("set_alarm", "Set an alarm clock.", "time:string!, label:string",
         {"time": "when", "label": "topic"},
         "set an alarm for {when}", "wake me up {when}", "alarm {when} for {topic}", "set my alarm to {when}"),
]

UNSEEN_TOOLS = [
    tool("set_interest_alert", "Alert me when a savings account's interest rate passes a value.", "rate:number!",
         {"rate": "pct"}, "tell me when interest passes {pct}", "alert me if the rate goes above {pct}",
         notes={"rate": "yearly rate as a decimal, e.g. 0.04 for 4%"}),
    tool("pause_notifications", "Pause a phone's notifications.", "seconds:integer!",
         {"seconds": "hrs_sec"}, "pause notifications for {hrs_sec}", "do not disturb for {hrs_sec}",
         notes={"seconds": "how long, in seconds"}),
    tool("get_air_quality", "Get the air quality index for a city.", "city:string!",
         {"city": "city"},
         "what's the air quality in {city}?", "check the AQI in {city}", "is the air clean in {city} today?",
         "get the air quality index for {city}"),
    tool("book_flight", "Book a flight between two cities on a date.",
         "origin:string!, destination:string!, date:string!, passengers:integer",
         {"origin": "city1", "destination": "city2", "date": "day", "passengers": "n"},
         "book a flight from {city1} to {city2} {day}", "fly me from {city1} to {city2} {day}",
         "get {n} tickets from {city1} to {city2} {day}", "I need a flight {city1} to {city2} {day}"),
    tool("order_food", "Order food for delivery from a restaurant.", "restaurant:string!, dish:string!, quantity:integer",
         {"restaurant": "restaurant", "dish": "dish", "quantity": "n"},
         "order {dish} from {restaurant}", "get {n} portions of {dish} delivered from {restaurant}",
         "I want {dish} from {restaurant} delivered"),
    tool("lock_door", "Lock a smart door lock.", "door:string!",
         {"door": "room"},
         "lock the {room} door", "make sure the {room} door is locked", "lock up the {room}"),
    tool("rent_bike", "Rent a shared bike near a place.", "location:string!, minutes:integer",
         {"location": "place", "minutes": "minutes"},
         "rent a bike near {place}", "get me a bike at {place} for {minutes}", "find a rental bike at {place}"),
    tool("check_calories", "Estimate the calories of a dish.", "dish:string!, servings:integer",
         {"dish": "dish", "servings": "n"},
         "how many calories are in {dish}?", "calories of {n} servings of {dish}", "check the calories in {dish}"),
    tool("get_exchange_rate", "Get the exchange rate between two currencies.", "base:string!, target:string!",
         {"base": "cur1", "target": "cur2"},
         "what's the exchange rate from {cur1} to {cur2}?", "get the {cur1} to {cur2} rate",
         "how many {cur2} for one of {cur1}?"),
    tool("water_plants", "Start the garden irrigation for some minutes.", "zone:string!, minutes:integer",
         {"zone": "room", "minutes": "minutes"},
         "water the plants in the {room}", "run the sprinklers in the {room} for {minutes}",
         "turn on irrigation for the {room}"),
    tool("find_parking", "Find a parking spot near a place.", "location:string!, time:string",
         {"location": "place", "time": "when"},
         "find parking near {place}", "where can I park at {place} {when}?", "look for a parking spot near {place}"),
    tool("schedule_delivery", "Schedule a package pickup or delivery.", "address:string!, time:string!",
         {"address": "place", "time": "when"},
         "schedule a pickup at {place} {when}", "arrange a delivery to {place} {when}",
         "have a courier come to {place} {when}"),
    tool("get_sunrise_time", "Get sunrise and sunset times for a city on a date.", "city:string!, date:string",
         {"city": "city", "date": "day"},
         "when is sunrise in {city} {day}?", "what time does the sun set in {city}?",
         "sunrise and sunset in {city} {day}"),
    tool("send_fax", "Send a document by fax to a number.", "file_name:string!, number:string!",
         {"file_name": "file", "number": "phone"},
         "fax {file} to {phone}", "send {file} by fax to {phone}", "fax the {file} document to {phone}"),
]

SYNTH_BY_NAME = {t.spec.name: t for t in TRAIN_TOOLS + UNSEEN_TOOLS}


def synth_intent(t: SynthTool):
    """An intent function (like those of data_intents) for a synthetic tool."""
    def intent(g: Gen, solo: bool) -> str:
        clause = t.make(g)
        if clause.endswith("?"):
            g.question = True
            clause = clause[:-1]
        return clause
    intent.__name__ = t.spec.name
    return intent


def spec_dict(spec: ToolSpec) -> dict:
    """A spec as JSON (stored with unseen examples so the evaluation can rebuild the tools)."""
    return {"name": spec.name, "description": spec.description,
            "params": [{"name": p.name, "type": p.type, "required": p.required, "items": p.items,
                        "description": p.description} for p in spec.params]}


def spec_from_dict(d: dict) -> ToolSpec:
    return ToolSpec(d["name"], d["description"],
                    tuple(Param(p["name"], p["type"], p["required"], items=p.get("items", "any"),
                                description=p.get("description", "")) for p in d["params"]))


__all__ = ["TRAIN_TOOLS", "UNSEEN_TOOLS", "SYNTH_BY_NAME", "synth_intent", "spec_dict", "spec_from_dict"]
