"""Values the person never gave are left out, and steps made only of them dropped (nodes/rules/unstated.py)."""

from __future__ import annotations

import pytest
from langchain_core.tools import StructuredTool

from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.rules.unstated import drop_invented_steps, drop_unstated_optionals
from tinyagent.tools import clock
from tinyagent.tools.specs import specs_for


def tool(name: str, description: str, props: dict, required=()) -> StructuredTool:
    schema = {"type": "object", "properties": props, "required": list(required)}
    return StructuredTool.from_function(func=lambda **kw: "ok", name=name, description=description,
                                        args_schema=schema)


SPECS = specs_for([
    tool("deal_pipeline", "Open deals by stage for a quarter written like 2026-Q4.",
         {"quarter": {"type": "string"}, "owner": {"type": "string", "description": "Sales rep's username."}},
         ["quarter"]),
    tool("hotel_reviews", "Guest reviews of a hotel.",
         {"hotel_name": {"type": "string"}, "limit": {"type": "integer", "default": 10},
          "language": {"type": "string", "enum": ["en", "de", "fr"], "default": "en"}}, ["hotel_name"]),
    tool("convert", "Convert money.", {"amount": {"type": "number"}, "to": {"type": "string"},
                                       "note": {"type": "string"}}, ["amount"]),
    tool("order_food", "Order a dish from a restaurant.",
         {"restaurant": {"type": "string"}, "dish": {"type": "string"}}, ["restaurant", "dish"]),
    tool("schedule_delivery", "Schedule a delivery.",
         {"address": {"type": "string"}, "time": {"type": "string", "description": "YYYY-MM-DD HH:MM:SS"}},
         ["address"]),
    tool("find_parking", "Find parking near a place.",
         {"location": {"type": "string"}, "time": {"type": "string", "description": "YYYY-MM-DD HH:MM:SS"}},
         ["location"]),
    tool("rent_bike", "Rent a bike.", {"location": {"type": "string"}, "minutes": {"type": "integer"}},
         ["location"]),
    tool("air_quality", "Air quality in a city.", {"city": {"type": "string"}}, ["city"]),
])


def left(plan: str, query: str) -> str | None:
    out = drop_unstated_optionals(compile_plan(plan, SPECS), SPECS, query)
    return format_plan(out).removesuffix("<END_OF_PLAN>") if out else None


def dropped(plan: str, query: str) -> str | None:
    out = drop_invented_steps(compile_plan(plan, SPECS), SPECS, query)
    return format_plan(out).removesuffix("<END_OF_PLAN>") if out else None


def test_an_optional_value_the_request_never_gives_is_left_to_the_tool():
    assert left('1. deal_pipeline(quarter="2026-Q4", owner="Sales rep")\n2. join()',
                "pipeline for 2026-Q4") == '1. deal_pipeline(quarter="2026-Q4")\n2. join()'
    assert left('1. hotel_reviews(hotel_name="Hotel Artemide", limit=6)\n2. join()',
                "reviews of the Hotel Artemide") == '1. hotel_reviews(hotel_name="Hotel Artemide")\n2. join()'


@pytest.mark.parametrize("plan, query", [
    # stated as written, with a typo, in another ending, or in another unit
    ('1. deal_pipeline(quarter="2026-Q4", owner="mkowalski")\n2. join()', "mkowalski's deals for 2026-Q4"),
    ('1. hotel_reviews(hotel_name="Ritz", limit=5)\n2. join()', "5 reviews of the Ritz"),
    ('1. hotel_reviews(hotel_name="Ritz", limit=5)\n2. join()', "five reviews of the Ritz"),
    ('1. convert(amount=20, note="summary of costs")\n2. join()', "convert 20 and summarize the costs"),
    ('1. convert(amount=20, note="Lunch money")\n2. join()', "convert 20 for lnch mony"),
    # a choice, a code, a value with no word to judge, a required value: never judged
    ('1. hotel_reviews(hotel_name="Ritz", language="de")\n2. join()', "reviews of the Ritz"),
    ('1. convert(amount=20, to="EUR")\n2. join()', "20 dollars in euros"),
    ('1. convert(amount=20, note="r")\n2. join()', "convert 20"),
    ('1. order_food(restaurant="Nopa", dish="pizza")\n2. join()', "order from Nopa"),
    # a time written out when the request names one
    ('1. find_parking(location="Union Square", time="2026-12-02 18:00:00")\n2. join()',
     "parking at Union Square tomorrow at 6pm"),
])
def test_values_the_request_gives_in_any_form_are_kept(plan, query):
    assert left(plan, query) is None


def test_a_step_of_made_up_values_and_what_other_steps_hold_is_dropped():
    with clock.use_today("2026-11-30"):
        # "pizza" is nobody's; "Room 204" is the delivery's
        assert dropped('1. air_quality(city="Paris")\n2. order_food(restaurant="Room 204", dish="pizza")\n'
                       '3. schedule_delivery(address="Room 204", time="2027-04-23 18:00:00")\n4. join()',
                       "Check the AQI in Paris, then arrange a delivery to Room 204 April 23rd 2027 6pm!") == (
            '1. air_quality(city="Paris")\n2. schedule_delivery(address="Room 204", time="2027-04-23 18:00:00")\n'
            '3. join()')
        # a time the request never names, at a place the bike step holds (typo and all)
        assert dropped('1. find_parking(location="Lake Merritt", time="2027-06-13 14:00:00")\n'
                       '2. rent_bike(location="Lake Meritt", minutes=20)\n3. join()',
                       "get me a bike at Lake Merritt for 20 minutes") == (
            '1. rent_bike(location="Lake Meritt", minutes=20)\n2. join()')


@pytest.mark.parametrize("plan, query", [
    # two asks at one place: each holds the other's value, neither makes one up
    ('1. find_parking(location="Union Square")\n2. rent_bike(location="Union Square")\n3. join()',
     "find parking and rent a bike at Union Square"),
    # a made-up value beside a value of its own: the step is wrong, not invented
    ('1. order_food(restaurant="Nopa", dish="pizza")\n2. join()', "order from Nopa"),
    ('1. order_food(restaurant="Nopa", dish="pizza")\n2. schedule_delivery(address="Nopa")\n3. join()',
     "order from Nopa and schedule a delivery from there"),
    # the only step is never dropped
    ('1. order_food(restaurant="Room 204", dish="pizza")\n2. join()', "something for Room 204"),
])
def test_steps_with_values_of_their_own_are_kept(plan, query):
    assert dropped(plan, query) is None


def test_no_gold_plan_of_the_generated_splits_or_the_hand_written_set_is_changed():
    """Both rules, run on the gold plans of the train, val, test and unseen splits and the
    hand-written set with each row's today: a right plan is never changed."""
    from tests.gold import gold_plans, gold_specs

    specs = gold_specs()
    checked, changed = 0, []
    for row, tasks in gold_plans():
        if (drop_unstated_optionals(tasks, specs, row["query"])
                or drop_invented_steps(tasks, specs, row["query"])):
            changed.append(row["query"])
        checked += 1
    assert checked > 3500
    assert changed == []


def test_a_second_text_of_made_up_words_to_the_same_number_is_dropped(tmp_path):
    """The planner texted Kyle what was asked, then a second text of its own to the same number."""
    from tinyagent.tools import default_tools, init_workspace

    specs = specs_for(default_tools(init_workspace(tmp_path / "ws")))
    query = "open a Zoom room for the audit, then let Kyle Mitchell know by text: I'm running 10 minutes late."
    plan = ('1. get_phone_number(name="Kyle Mitchell")\n'
            '2. send_sms(recipients=["$1"], message="I\'m running 10 minutes late")\n'
            '3. send_sms(recipients=["$1"], message="I can\'t talk to you anymore")\n4. join()')
    out = drop_invented_steps(compile_plan(plan, specs), specs, query)
    assert format_plan(out).removesuffix("<END_OF_PLAN>") == (
        '1. get_phone_number(name="Kyle Mitchell")\n'
        '2. send_sms(recipients=["$1"], message="I\'m running 10 minutes late")\n3. join()')
    # two texts the person dictated, or one text to another number: kept
    both = query + " And text him: see you soon"
    assert drop_invented_steps(compile_plan(plan.replace("I can't talk to you anymore", "see you soon"), specs),
                               specs, both) is None
    other = ('1. get_phone_number(name="Kyle Mitchell")\n2. get_phone_number(name="Ana")\n'
             '3. send_sms(recipients=["$1"], message="I\'m running 10 minutes late")\n'
             '4. send_sms(recipients=["$2"], message="I can\'t talk to you anymore")\n5. join()')
    assert drop_invented_steps(compile_plan(other, specs), specs, query + " Text Ana too.") is None
