"""Your own tools as the twelfth other-domain development set (finetune/eval/dev12-domains.jsonl, read after its first run)
met them: general questions declined, a wish before the ask, an id written as a time, handles listed together."""

from __future__ import annotations

import pytest
from langchain_core.tools import StructuredTool

from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.rules.opening import asks_knowledge, opening_verb, unserved_action
from tinyagent.nodes.rules.pipeline import Facts, run_rules
from tinyagent.tools.specs import specs_for

S = {"type": "string"}


def tool(name: str, props: dict, required=(), description="") -> StructuredTool:
    return StructuredTool.from_function(func=lambda **kw: "ok", name=name, description=description or f"{name}.",
                                        args_schema={"type": "object", "properties": props, "required": list(required)})


KARTING = specs_for([
    tool("list_sessions", {"day": S, "kart_class": {"type": "string", "enum": ["adult", "junior", "twin"]}}, ["day"],
         "List open race sessions on a day."),
    tool("book_session", {"session_id": S, "drivers": {"type": "integer"}}, ["session_id", "drivers"], "Book a session."),
    tool("get_lap_times", {"driver_name": S, "day": S}, ["driver_name"], "Lap times of a driver."),
])
NOTARY = specs_for([
    tool("list_my_appointments", {}, [], "The person's booked appointments."),
    tool("cancel_appointment", {"appointment_id": S}, ["appointment_id"], "Cancel an appointment."),
    tool("get_fee_estimate", {"service": S}, ["service"], "Estimate the notary's fee for a service."),
])
SERVERS = specs_for([
    tool("whitelist_player", {"server_name": S, "player_name": S}, ["server_name", "player_name"],
         "Add a player to a server's whitelist."),
    tool("get_server_status", {"server_name": S}, ["server_name"], "Whether a game server is online."),
])


def ruled(specs, query: str, plan: str) -> str:
    return format_plan(run_rules(compile_plan(plan, specs, loose=True), Facts(specs, query)))


@pytest.mark.parametrize("query", [
    "What is the difference between a notary in France and a notary public in the USA?",
    "who won the f1 championship this year lol",
    "How many milligrams of caffeine are there in a double espresso?",
    "Can you explain me how works the Dutch pension system?",
    "What means 'PR' in English? My coach writes it always.",
    "What is the capital of Bangladesh, it is Dacca or Dhaka?",
    "tell me a joke",
])
def test_a_question_of_general_knowledge_is_declined(query):
    assert asks_knowledge(query, KARTING.values())


def test_a_tool_that_answers_it_is_asked():
    dictionary = specs_for([tool("define_word", {"word": S}, ["word"], "The meaning and definition of an English word.")])
    assert not asks_knowledge("what does 'petrichor' mean", dictionary.values())
    scores = specs_for([tool("get_results", {"league": S}, ["league"], "Match results and scores of a league.")])
    assert not asks_knowledge("who won the match last night", scores.values())
    assert not asks_knowledge("What were my times per lap yesterday?", KARTING.values())


def test_a_wish_before_the_ask_is_not_the_ask():
    assert opening_verb("I would like that you reimburse the inscription fees of my team, we could not play.") == "reimburse"
    assert opening_verb("I would like to augment the RAM of the server survival to 8 Go.") == "augment"
    assert opening_verb("i need you to cancel my booking") == "cancel"
    assert opening_verb("I would like a table for two") == "i"
    assert unserved_action("I would like that you reimburse the inscription fees of my team", NOTARY.values()) == "reimburse"
    refunds = specs_for([tool("request_refund", {"order_id": S}, ["order_id"], "Request a refund of an order.")])
    assert unserved_action("please reimburse my order 55", refunds.values()) is None


@pytest.mark.parametrize("specs, query, plan, want", [
    # an id written as a time: the lister of those things, for that time
    (KARTING, "book the 6pm adult race friday for 3, names are Kev, Jake and Tom",
     '1. book_session(session_id="2026-12-08 15:30:00", drivers=3)\n2. join()',
     '1. list_sessions(day="friday 6pm", kart_class="adult")\n2. book_session(session_id="$1", drivers=3)'),
    # an id written as a day, where the lister takes no day: the person's own, all of them
    (NOTARY, "Annul my appointment of next Monday, I have an empêchement.",
     '1. cancel_appointment(appointment_id="next Monday")\n2. join()',
     '1. list_my_appointments()\n2. cancel_appointment(appointment_id="$1")'),
    # two handles listed together: one call each
    (SERVERS, "add xX_Creeper_Xx and bigmike07 to the whitelist on skyblock",
     '1. whitelist_player(server_name="skyblock", player_name="bigmike07")\n2. join()',
     'whitelist_player(server_name="skyblock", player_name="xX_Creeper_Xx")'),
])
def test_ids_and_lists_of_your_own_tools(specs, query, plan, want):
    assert want in ruled(specs, query, plan)


def test_sending_asked_of_tools_that_send_nothing_is_declined():
    assert unserved_action("Can you send me the procès-verbal of the last assembly?", NOTARY.values()) == "send"
    bank = specs_for([tool("transfer_money", {"to": S, "amount": {"type": "number"}}, ["to", "amount"],
                           "Transfer money to a payee.")])
    assert unserved_action("send 50 euros to Bob", bank.values()) is None
    invites = specs_for([tool("send_invite", {"event_id": S}, ["event_id"], "Send the invitation of an event.")])
    assert unserved_action("send the invite for saturday", invites.values()) is None


def test_a_change_a_tool_calls_an_update_is_planned():
    roastery = specs_for([tool("update_subscription", {"subscription_id": S, "grind": S}, ["subscription_id"],
                               "Update a coffee subscription: its grind or size.")])
    assert unserved_action("Please switch the grind on my subscription to filter.", roastery.values()) is None
    assert unserved_action("Please switch the grind on my subscription to filter.", NOTARY.values()) == "switch"
