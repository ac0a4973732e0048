"""Argument values fitted to the request's words and the tool's schema (nodes/rules/fit.py, nodes/request/quantities.py)."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.tools import StructuredTool

from tests.fakes import AllToolsIndex
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.nodes.rules.fit import fit_values
from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.nodes.request.quantities import mentions, unit_of
from tinyagent.tools.specs import specs_for

CALLS: list[tuple[str, dict]] = []


def tool(name: str, description: str, props: dict, required=()) -> StructuredTool:
    def run(**kwargs):
        CALLS.append((name, kwargs))
        return f"{name} ok"
    schema = {"type": "object", "properties": props, "required": list(required)}
    return StructuredTool.from_function(func=run, name=name, description=description, args_schema=schema)


TOOLS = [
    tool("set_savings_rate", "Set the interest rate of a savings account.",
         {"account": {"type": "string"},
          "rate": {"type": "number", "description": "yearly rate as a decimal fraction, e.g. 0.04 for 4%"}},
         ["account", "rate"]),
    tool("tip_calculator", "Work out a tip.",
         {"bill": {"type": "number", "description": "the bill in dollars"},
          "tip_percent": {"type": "number", "description": "tip in percent, e.g. 18 for 18%"}},
         ["bill", "tip_percent"]),
    tool("pay_friend", "Send money to a friend.",
         {"friend": {"type": "string"},
          "amount_cents": {"type": "integer", "description": "amount in cents, e.g. 1250 for $12.50"}},
         ["friend", "amount_cents"]),
    tool("log_revenue", "Record a company's yearly revenue.",
         {"company": {"type": "string"},
          "revenue_millions": {"type": "number", "description": "revenue in millions of dollars"}},
         ["company", "revenue_millions"]),
    tool("set_grant", "Record a research grant. The amount is in thousands of euros (40 = 40,000 EUR).",
         {"lab": {"type": "string"}, "amount_keur": {"type": "number"}}, ["lab", "amount_keur"]),
    tool("convert", "Convert money between currencies.",
         {"amount": {"type": "number"}, "source": {"type": "string", "description": "ISO 4217 code, e.g. 'EUR'"},
          "target": {"type": "string", "description": "three-letter currency code"}}, ["amount", "source", "target"]),
    tool("state_alerts", "Weather alerts for a US state, given by its two-letter code.",
         {"state": {"type": "string"}}, ["state"]),
    tool("set_budget", "Set a spending limit.",
         {"amount": {"type": "integer", "description": "the limit in dollars"}}, ["amount"]),
    tool("snooze", "Silence notifications for a while.",
         {"seconds": {"type": "integer", "description": "how long, in seconds"}}, ["seconds"]),
    tool("get_forecast", "Weather forecast for a city.",
         {"city": {"type": "string"},
          "days": {"type": "integer", "description": "how many days ahead", "default": 1},
          "units": {"type": "string", "enum": ["metric", "imperial"], "default": "metric"}},
         ["city"]),
    tool("book_tickets", "Book cinema tickets.",
         {"movie": {"type": "string"}, "num_tickets": {"type": "integer", "default": 1},
          "seat": {"type": "string", "enum": ["standard", "premium", "recliner"], "default": "standard"}},
         ["movie"]),
    tool("standings", "League table.",
         {"league": {"type": "string", "enum": ["premier_league", "bundesliga", "laliga"]}}, ["league"]),
    tool("water_plants", "Run the sprinklers in a zone.",
         {"zone": {"type": "string"}, "minutes": {"type": "integer", "default": 10}}, ["zone"]),
    tool("rent_bike", "Rent a bike.",
         {"location": {"type": "string"}, "minutes": {"type": "integer", "default": 60}}, ["location"]),
    tool("compound_growth", "What savings grow to.",
         {"principal": {"type": "number"}, "rate": {"type": "number"}, "years": {"type": "integer"},
          "compounds_per_year": {"type": "integer", "default": 12}}, ["principal", "rate", "years"]),
    tool("record_show", "Record a TV show.", {"title": {"type": "string"}, "start": {"type": "string"}},
         ["title", "start"]),
    tool("cart_add", "Add a product to the cart by its SKU.",
         {"sku": {"type": "string"}, "quantity": {"type": "integer", "default": 1}}, ["sku"]),
]
SPECS = specs_for(TOOLS)


def fitted(plan: str, request: str) -> list[dict]:
    tasks = compile_plan(plan, SPECS)
    return [t.args for t in (fit_values(tasks, SPECS, request) or tasks)]


@pytest.mark.parametrize("request_, plan, want", [
    ("set my holiday savings to 6.5%", '1. set_savings_rate(account="holiday", rate=6.5)\n2. join()',
     {"account": "holiday", "rate": 0.065}),
    ("tip 18 percent on 64 dollars", '1. tip_calculator(bill=64, tip_percent=0.18)\n2. join()',
     {"bill": 64, "tip_percent": 18}),
    ("send Jo $12 for lunch", '1. pay_friend(friend="Jo", amount_cents=12)\n2. join()',
     {"friend": "Jo", "amount_cents": 1200}),
    ("acme made 213 million last year", '1. log_revenue(company="acme", revenue_millions=213)\n2. join()',
     {"company": "acme", "revenue_millions": 213}),
    ("acme made $1.2 billion last year", '1. log_revenue(company="acme", revenue_millions=1.2)\n2. join()',
     {"company": "acme", "revenue_millions": 1200}),
    ("the robotics lab got a grant of 1.2 million euros", '1. set_grant(lab="robotics", amount_keur=1.2)\n2. join()',
     {"lab": "robotics", "amount_keur": 1200}),
    ("what are 250 swiss francs in british pounds", '1. convert(amount=250, source="swiss francs", target="british pounds")\n2. join()',
     {"amount": 250, "source": "CHF", "target": "GBP"}),
    ("any storm warnings in new mexico?", '1. state_alerts(state="New Mexico")\n2. join()', {"state": "NM"}),
    ("cap my spending at 25k", '1. set_budget(amount=25)\n2. join()', {"amount": 25000}),
    ("cap my spending at 3 million", '1. set_budget(amount=3)\n2. join()', {"amount": 3000000}),
    ("mute everything for 10 minutes", '1. snooze(seconds=10)\n2. join()', {"seconds": 600}),
    ("quiet for an hour please", '1. snooze(seconds=1)\n2. join()', {"seconds": 3600}),
    ("gimme the 7-day outlook for Lisbon", '1. get_forecast(city="Lisbon")\n2. join()', {"city": "Lisbon", "days": 7}),
    ("forecast for Denver in imperial", '1. get_forecast(city="Denver", units="metric")\n2. join()',
     {"city": "Denver", "units": "imperial"}),
    ("two recliner tickets for Dune", '1. book_tickets(movie="Dune")\n2. join()',
     {"movie": "Dune", "num_tickets": 2, "seat": "recliner"}),
])
def test_values_are_put_in_the_form_the_tool_asks_for(request_, plan, want):
    assert fitted(plan, request_) == [want]


@pytest.mark.parametrize("request_, plan", [
    # already right, or the request does not explain the value: left as written
    ("set my holiday savings to 6.5%", '1. set_savings_rate(account="holiday", rate=0.065)\n2. join()'),
    ("set my savings rate to 0.05", '1. set_savings_rate(account="main", rate=0.05)\n2. join()'),
    ("send Jo 1250 cents", '1. pay_friend(friend="Jo", amount_cents=1250)\n2. join()'),
    ("snooze for 45 seconds", '1. snooze(seconds=45)\n2. join()'),
    ("cap my spending at 2500", '1. set_budget(amount=2500)\n2. join()'),
    # two quantities that would give two different values: no guess
    ("mute for 5 minutes, or 5 hours if it's late", '1. snooze(seconds=5)\n2. join()'),
    # a count stated for a tool called twice: which call it belongs to is not clear
    ("3 day forecast for Bergen and for Rome", '1. get_forecast(city="Bergen")\n2. get_forecast(city="Rome")\n3. join()'),
    # a choice the request does not name, or names two of
    ("forecast for Denver", '1. get_forecast(city="Denver", units="imperial")\n2. join()'),
    ("Dune tickets, premium or recliner", '1. book_tickets(movie="Dune", seat="premium")\n2. join()'),
    # a name no table knows, or a code already
    ("convert 5 doubloons to euros", '1. convert(amount=5, source="doubloons", target="EUR")\n2. join()'),
    # "a" is an article, not a count of one ("a low priority reminder")
    ("please book a ticket for Dune", '1. book_tickets(movie="Dune")\n2. join()'),
    # an integer the conversion would make fractional
    ("mute for 1.5 ms", '1. snooze(seconds=1)\n2. join()'),
    # an allowed value written with a space ("la liga" is "laliga"): two named, so no guess
    ("bundesliga and la liga standings", '1. standings(league="bundesliga")\n2. standings(league="laliga")\n3. join()'),
    # a stated number another step takes belongs to that step
    ("run the sprinklers in the hallway for 30 minutes; rent a bike near the station",
     '1. water_plants(zone="hallway", minutes=30)\n2. rent_bike(location="the station")\n3. join()'),
])
def test_values_the_request_does_not_decide_are_left_alone(request_, plan):
    tasks = compile_plan(plan, SPECS)
    assert fit_values(tasks, SPECS, request_) is None


def test_references_to_other_steps_are_never_touched():
    plan = '1. get_forecast(city="Oslo")\n2. snooze(seconds="$1")\n3. join()'
    tasks = compile_plan(plan, SPECS)
    out = fit_values(tasks, SPECS, "a 5 day forecast for Oslo, then mute for 10 minutes")
    assert out[0].args == {"city": "Oslo", "days": 5} and out[1].args == {"seconds": "$1"}


def test_quantities_in_a_request():
    found = [(m.number, m.percent, m.money, m.scale) for m in mentions(
        "Pay $12.50, raise it 6.5%, 213M in sales and 1,200 more, a 5-day trip for two people")]
    assert found == [(12.5, False, True, 1.0), (6.5, True, False, 1.0), (213.0, False, False, 1e6),
                     (1200.0, False, False, 1.0), (5.0, False, False, 1.0), (2.0, False, False, 1.0)]
    assert [m.noun for m in mentions("a 5-day trip for two people")] == ["day", "people"]
    numbers = sorted(m.number for m in mentions("at 10:30 on 2026-12-04"))
    assert numbers == [10.0, 2026.0]  # the minutes and the date's month and day are not quantities
    assert [(m.number, m.scale, m.noun) for m in mentions("wait 5m")] == [(5.0, 1.0, "m")]  # m: minutes or metres
    assert [(m.number, m.scale) for m in mentions("25k or 40K")] == [(25.0, 1e3), (40.0, 1e3)]
    assert [(m.number, m.scale, m.money) for m in mentions("a $5k budget")] == [(5.0, 1e3, True)]
    assert [m.noun for m in mentions("another one")] == [""]  # "an" inside "another" is no number


@pytest.mark.parametrize("name, description, unit", [
    ("rate", "as a decimal fraction, e.g. 0.05 for 5%", "fraction"),
    ("tax", "the rate, 4% written as a decimal", "fraction"),
    ("share", "a value between 0 and 1", "fraction"),
    ("discount", "discount in percent", "percent"),
    ("growth_pct", "", "percent"),
    ("amount_cents", "", "cents"),
    ("price", "price in minor units (cents)", "cents"),
    ("revenue", "in millions of USD", "millions"),
    ("budget_k", "", "thousands"),
    ("timeout_ms", "", "milliseconds"),
    ("delay", "delay in seconds, e.g. 600 for ten minutes", "seconds"),
    ("duration_minutes", "how long", "minutes"),
    ("hours", "hours as a decimal number", "hours"),
    ("amount", "the limit in dollars", ""),
])
def test_the_unit_a_parameter_asks_for(name, description, unit):
    assert unit_of(name, description) == unit


def test_a_run_calls_the_tool_with_fitted_values_and_records_them(tmp_path):
    CALLS.clear()
    plan = '1. set_savings_rate(account="holiday", rate=6.5)\n2. get_forecast(city="Oslo")\n3. join()'
    g = build_graph(tools=TOOLS, settings=Settings(data_dir=tmp_path / "data", lora_path=None),
                    llm=FakeListLLM(responses=[plan]), index=AllToolsIndex())
    out = g.invoke({"messages": [{"role": "user", "content": "set my holiday savings to 6.5% and get a 3 day forecast for Oslo"}]},
                   context={"approve": "none"})
    assert sorted(CALLS, key=lambda c: c[0]) == [("get_forecast", {"city": "Oslo", "days": 3}),
                                                 ("set_savings_rate", {"account": "holiday", "rate": 0.065})]
    assert 'rate=0.065' in out["plan"] and 'days=3' in out["plan"]  # the plan recorded is the one that ran
    calls = [c for m in out["messages"] for c in getattr(m, "tool_calls", [])]
    assert {c["name"]: c["args"] for c in calls}["set_savings_rate"]["rate"] == 0.065


@pytest.mark.parametrize("name, description, kind, names, codes", [
    ("from_currency", "ISO 4217 code, e.g. 'EUR'", ("currency", True), ["euros", "Yen", "usd"], ["EUR", "JPY", "USD"]),
    ("state", "two-letter state code, e.g. 'TX'", ("state", False), ["texas", "New York"], ["TX", "NY"]),
    ("country", "ISO 3166 alpha-3 country code", ("country", True), ["Germany", "the Netherlands"], ["DEU", "NLD"]),
    ("country", "country code", ("country", False), ["south korea", "UK"], ["KR", "GB"]),
])
def test_names_become_the_codes_a_parameter_asks_for(name, description, kind, names, codes):
    from tinyagent.nodes.rules.codes import code_kind, to_code

    assert code_kind(name, description) == kind
    assert [to_code(n, *kind) for n in names] == codes


@pytest.mark.parametrize("name, description", [("city", ""), ("state", "the state the order is in"),
                                               ("currency", "the currency, as people say it")])
def test_a_parameter_that_asks_for_no_code_keeps_names(name, description):
    from tinyagent.nodes.rules.codes import code_kind

    assert code_kind(name, description) is None


def test_an_identifier_copied_in_part_is_copied_whole():
    from tinyagent.nodes.rules.fit_words import whole_identifier
    assert whole_identifier("88213", "add 2 of SKU-88213 to my cart") == "SKU-88213"
    assert whole_identifier("5512", "I want to return SKU-5512 from order 100871") == "SKU-5512"
    assert whole_identifier("4471", "buy connection C-4471 for me") == "C-4471"
    # whole already, a version's "v", two words holding it, no digit, held inside a word: as written
    assert whole_identifier("100871", "return SKU-5512 from order 100871") == "100871"
    assert whole_identifier("2.3.1", "deploy payments-api v2.3.1 to staging") == "2.3.1"
    assert whole_identifier("88213", "SKU-88213 or BOX-88213?") == "88213"
    assert whole_identifier("Lisbon", "hotels in Lisbon-Centro") == "Lisbon"
    assert whole_identifier("1234", "part SKU-1234-B") == "1234"
    tasks = compile_plan('1. cart_add(sku="88213", quantity=2)\n2. join()', SPECS)
    assert fit_values(tasks, SPECS, "add 2 of SKU-88213 to my cart")[0].args == {"sku": "SKU-88213", "quantity": 2}


@pytest.mark.parametrize("request_, written, want", [
    ("record Planet Earth on BBC One, 2026-12-06 at 20:00", "2026-12-06 00:00", "2026-12-06 20:00"),
    ("record Planet Earth tmrw at 9pm", "2026-12-31T21:00:00", "2026-12-01T21:00:00"),
    ("record Planet Earth next friday", "2026-12-03", "2026-12-04"),
    # a phrase of a time alone keeps the day written ("on the fourteenth at two": "the fourteenth" is no phrase)
    ("record Planet Earth on the fourteenth at two", "2026-12-14T14:30", "2026-12-14T14:00"),
    ("record Planet Earth on Christmas Eve at noon", "2026-12-24T12:00:00", "2026-12-24T12:00:00"),
    ("record Planet Earth on New Year's Eve at 9pm", "2026-12-31", "2026-12-31"),   # a date alone: as written
])
def test_a_date_the_plan_wrote_is_worked_out_from_the_requests_words(request_, written, want):
    from tinyagent.tools import clock
    with clock.use_today("2026-11-30"):  # a Monday
        tasks = compile_plan(f'1. record_show(title="Planet Earth", start="{written}")\n2. join()', SPECS)
        out = fit_values(tasks, SPECS, request_) or tasks
    assert out[0].args["start"] == want


def test_dates_of_several_calls_come_from_the_one_phrase_or_one_phrase_each_in_order():
    from tinyagent.tools import clock
    two = '1. record_show(title="Dune", start="{}")\n2. record_show(title="Alien", start="{}")\n3. join()'
    with clock.use_today("2026-11-30"):
        both = fit_values(compile_plan(two.format("2026-12-10", "2026-12-14"), SPECS), SPECS,
                          "record Dune and Alien, both on 2026-12-10")
        each = fit_values(compile_plan(two.format("2026-12-20", "2027-03-04"), SPECS), SPECS,
                          "record Dune on 2026-12-20 and Alien on 2026-12-23")
        three = fit_values(compile_plan(two.format("2026-12-20", "2027-03-04"), SPECS), SPECS,
                           "record Dune on 2026-12-20, Alien on 2026-12-23 or 2026-12-24")
        tomorrow = fit_values(compile_plan(two.format("2026-12-03", "2026-12-03"), SPECS), SPECS,
                              "record Dune and Alien tomorrow")
    assert [t.args["start"] for t in tomorrow] == ["2026-12-01", "2026-12-01"]
    assert [t.args["start"] for t in both] == ["2026-12-10", "2026-12-10"]
    assert [t.args["start"] for t in each] == ["2026-12-20", "2026-12-23"]
    assert three is None  # three phrases for two dates: which is which is not clear


@pytest.mark.parametrize("request_, plan", [
    # right already; two time phrases for one date; only a length; not a date
    ("record Planet Earth on 2026-12-06 at 20:00", '1. record_show(title="Planet Earth", start="2026-12-06 20:00")\n2. join()'),
    ("record Planet Earth from friday 8pm to saturday 9am", '1. record_show(title="Planet Earth", start="2026-12-01")\n2. join()'),
    ("record Planet Earth for 2 hours", '1. record_show(title="Planet Earth", start="2026-12-03")\n2. join()'),
    ("record Planet Earth tomorrow", '1. record_show(title="Planet Earth", start="tomorrow")\n2. join()'),
])
def test_dates_the_request_does_not_decide_are_left_as_written(request_, plan):
    from tinyagent.tools import clock
    with clock.use_today("2026-11-30"):
        assert fit_values(compile_plan(plan, SPECS), SPECS, request_) is None


def test_no_gold_plan_of_the_generated_splits_is_fitted():
    """Every rule of nodes/rules/fit.py, run on the gold plans of the unseen, val and test splits with each
    row's today: a right plan is never changed."""
    import json
    from pathlib import Path

    from tinyagent.finetune import data
    from tinyagent.tools import clock

    specs = {**(data.real_specs() or {}), **{t.spec.name: t.spec for t in data.TRAIN_TOOLS + data.UNSEEN_TOOLS}}
    checked = 0
    for split in ("unseen", "val", "test"):
        for line in Path(data.ROOT / "finetune" / "data" / f"{split}.jsonl").open():
            row = json.loads(line)
            if row.get("kind", "plan") != "plan":
                continue
            with clock.use_today(row["today"]):
                assert fit_values(compile_plan(row["plan"], specs), specs, row["query"]) is None, row["query"]
            checked += 1
    assert checked > 450


def test_a_number_the_request_never_states_becomes_the_one_it_states_for_that_parameter():
    tasks = compile_plan('1. get_forecast(city="Oslo", days=60)\n2. join()', SPECS)
    assert fit_values(tasks, SPECS, "a 5 day forecast for Oslo")[0].args == {"city": "Oslo", "days": 5}
    # stated (even in another unit), or the stated number another argument holds: as written
    for request_, plan in [
            ("a 5 day forecast for Oslo, or 7 days", '1. get_forecast(city="Oslo", days=7)\n2. join()'),
            ("mute for 10 minutes", '1. snooze(seconds=600)\n2. join()'),
            ("10k at 4% a year, compounded yearly, after 15 years",
             '1. compound_growth(principal=10000, rate=0.04, years=15, compounds_per_year=1)\n2. join()')]:
        assert fit_values(compile_plan(plan, SPECS), SPECS, request_) is None, request_


FORM_TOOLS = specs_for([
    tool("track_parcel", "Where a parcel is. Tracking numbers look like #4471; pass the digits only.",
         {"tracking_number": {"type": "string"}}, ["tracking_number"]),
    tool("gate_info", "Gate of a flight. The flight code is letters and digits with no spaces, like AF12.",
         {"flight_code": {"type": "string"}}, ["flight_code"]),
    tool("thermostat", "Set the heating.",
         {"mode": {"type": "string", "enum": ["eco", "boost"], "default": "eco",
                   "description": "eco for saving energy, boost for heating up fast."}}, []),
    tool("stock_at", "Stock of a product in a depot.",
         {"product": {"type": "string"}, "depot": {"type": "string", "enum": ["LYS", "BOR", "ALL"]}},
         ["product", "depot"]),
    tool("cancel_table", "Cancel a table booking.",
         {"booking_id": {"type": "string"}, "notify": {"type": "boolean", "default": True}}, ["booking_id"]),
    tool("find_restaurant", "Restaurants by cuisine.",
         {"cuisine": {"type": "string"}, "open_now": {"type": "boolean", "default": False}}, ["cuisine"]),
    tool("power_used", "Electricity used in a month; month is YYYY-MM.", {"month": {"type": "string"}}, ["month"]),
    tool("timetable", "Trains between two stations.",
         {"origin": {"type": "string"}, "destination": {"type": "string"}}, ["origin", "destination"]),
])


def form_fitted(plan: str, request_: str) -> list[dict]:
    tasks = compile_plan(plan, FORM_TOOLS)
    return [t.args for t in (fit_values(tasks, FORM_TOOLS, request_) or tasks)]


def test_a_name_copied_in_part_is_copied_whole():
    from tinyagent.nodes.rules.fit_words import whole_name
    request_ = "trains from Wien Hauptbahnhof to Graz, then the Hotel Sacher reviews"
    assert whole_name("Wien", request_) == "Wien Hauptbahnhof"
    assert whole_name("Sacher", request_) == "Hotel Sacher"
    assert form_fitted('1. timetable(origin="Wien", destination="Graz")\n2. join()', request_) == [
        {"origin": "Wien Hauptbahnhof", "destination": "Graz"}]
    # whole already, said alone elsewhere, a month or a sentence's first word, "I", two longer names
    assert whole_name("Graz", request_) == "Graz"
    assert whole_name("Clara", "email Clara Diaz, and what's Clara's number?") == "Clara"
    assert whole_name("Austin", "sunrise in Austin September 5th") == "Austin"
    assert whole_name("Sarah Chen", "Email Sarah Chen the report") == "Sarah Chen"
    assert whole_name("Sarah", "tell Sarah I am late") == "Sarah"
    assert whole_name("Park", "Central Park or Hyde Park?") == "Park"


def test_a_value_is_put_in_the_form_the_description_asks_for():
    assert form_fitted('1. track_parcel(tracking_number="#4471")\n2. join()', "where is parcel #4471") == [
        {"tracking_number": "4471"}]
    assert form_fitted('1. gate_info(flight_code="AF 12")\n2. join()', "which gate for AF 12?") == [
        {"flight_code": "AF12"}]
    # a value with no digit is not a number or a code: as written
    assert form_fitted('1. gate_info(flight_code="Air France")\n2. join()', "gate for Air France?") == [
        {"flight_code": "Air France"}]


def test_an_allowed_value_is_chosen_by_what_the_description_says_it_means():
    assert form_fitted('1. thermostat(mode="boost")\n2. join()', "heating to saving energy please") == [
        {"mode": "eco"}]
    assert form_fitted('1. thermostat()\n2. join()', "warm the flat, I need heating up fast") == [
        {"mode": "boost"}]
    # a code the request writes out in full (a capitalised word it begins), not one inside a word
    assert form_fitted('1. stock_at(product="desk", depot="BOR")\n2. join()', "desks for the analysis lab?") == [
        {"product": "desk", "depot": "BOR"}]
    assert form_fitted('1. stock_at(product="desk", depot="BOR")\n2. join()', "desks in Lysander depot?") == [
        {"product": "desk", "depot": "LYS"}]


def test_a_flag_the_request_states_by_its_name_is_set():
    assert form_fitted('1. cancel_table(booking_id="T-9")\n2. join()', "cancel T-9, don't notify anyone") == [
        {"booking_id": "T-9", "notify": False}]
    assert form_fitted('1. find_restaurant(cuisine="thai")\n2. join()', "thai places open now") == [
        {"cuisine": "thai", "open_now": True}]
    # said as the default, or not said: left out
    assert form_fitted('1. cancel_table(booking_id="T-9")\n2. join()', "cancel T-9 and notify them") == [
        {"booking_id": "T-9"}]
    assert form_fitted('1. find_restaurant(cuisine="thai")\n2. join()', "thai food nearby") == [{"cuisine": "thai"}]


def test_a_month_is_written_in_the_layout_the_description_asks_for():
    assert compile_plan('1. power_used(month="2026-10-03")\n2. join()', FORM_TOOLS)[0].args == {"month": "2026-10"}


def test_a_phrase_copied_with_a_word_garbled_is_the_persons_words():
    """The search for "when do i fly back from lisbon" was "Fly back from LISON"; a typo the person made
    is not copied over the planner's real word ("Pay the electric bill" for "pay the electrik bill")."""
    from tinyagent.nodes.rules.fit_words import as_written

    assert as_written("Fly back from LISON", "when do i fly back from lisbon") == "Fly back from lisbon"
    assert as_written("Pay the electric bill", "remind me to pay the electrik bill") == "Pay the electric bill"
    # nor where the vocabulary lacks the planner's word ("plumber"): the typed "plumbr" is no word either
    assert as_written("Call the plumber tomorrow", "call the plumbr tomorrow") == "Call the plumber tomorrow"
    assert as_written("Wants a pilot in January", "he wants a pilot in January") == "Wants a pilot in January"
