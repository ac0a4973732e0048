"""The verb a first request opens with: an action no tool does is declined before planning, a tool's own verb is planned."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake import FakeListLLM

from tests.test_custom_tools import recorder
from tinyagent.graph.graph import build_graph, open_index
from tinyagent.graph.settings import Settings
from tinyagent.nodes.rules.opening import opening_verb, served_action, unserved_action
from tinyagent.tools import default_tools, init_workspace
from tinyagent.tools.specs import ToolSpec


@pytest.fixture(scope="module")
def specs(tmp_path_factory):
    return [ToolSpec.from_tool(t) for t in default_tools(init_workspace(tmp_path_factory.mktemp("ws") / "ws"))]


@pytest.mark.parametrize("query, verb", [
    ("pay the electricity bill", "pay"),
    ("hey, could you please delete omar's email", "delete"),
    ("Can you call Tom Becker?", "call"),
    ("order a large pizza for 8pm", "order"),
    ("remind me to pay rent on the 1st", None),          # the reminder is the ask
    ("text Ana that I'll call her later", None),
    ("book a meeting with Sarah on Friday at 2", None),   # "book" can be an event: not declined here
    # what none of the default tools does to things made before (first turns of the corpus and development sets:
    # 28 declines caught, 2 requests of tools of your own declined)
    ("can you move my dentist appointment from wednesday to friday", "move"),
    ("extend my booking BK-77310 by another hour", "extend"),
    ("rate my outfit", "rate"),
    ("Kindly renew my parking permit on the council website.", "renew"),
    ("Could you upgrade my membership to the unlimited plan, please?", "upgrade"),
    ("sync my bookings w/ my outlook calendar", "sync"),
    ("switch me to a cheaper electricity provider", "switch"),
    ("complain about the driver of bus 12, he was rude", "complain"),
    ("withdraw me from the blitz tournament", "withdraw"),     # dev8-domains: planned as a registration
    ("Oh dear, I have changed my mind. Could you kindly delete that appointment?", "delete"),  # convdev12: the ask after an aside
    ("Oh, sorry, it's actually at 5:15, not 4:30. Could you fix that?", None),  # a correction, planned again
    ("great, drop him an email saying the payment went out today", None),
])
def test_the_opening_action_no_tool_does(specs, query, verb):
    assert unserved_action(query, specs) == verb


def test_a_tool_of_your_own_that_does_it_serves_it(specs):
    play = ToolSpec.from_tool(recorder("play_music", "Play a song or playlist on the speakers.",
                                       {"type": "object", "required": ["song"], "properties": {"song": {"type": "string"}}}))
    assert opening_verb("ok so play some jazz") == "play"
    assert unserved_action("play some jazz", specs) == "play"
    assert unserved_action("play some jazz", [*specs, play]) is None
    extend = ToolSpec(name="extend_booking", description="Extend a booking by some hours.", params=[])
    assert unserved_action("extend booking LX-2290 by one day", [*specs, extend]) is None


def test_the_agent_declines_it_says_why_and_the_rule_switches_off(tmp_path):
    """Through the graph, on a real tool index: no plan, nothing run, an answer naming what it cannot do,
    the rule in the trace; switched off, the request goes to the planner (here a scripted one)."""
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    tools = default_tools(init_workspace(tmp_path / "ws"))
    graph = build_graph(tools=tools, settings=settings, llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4),
                        index=open_index(settings))
    # (the classifier declines "pay the gas bill" by itself; deleting an email it takes for an email ask)
    out = graph.invoke({"messages": [("human", "hey can you delete omar's email")]}, context={"approve": "none"})
    assert out["tasks"] == [] and out["status"] == "finished"
    assert out["answer"].startswith("I can't do that: none of my tools can delete") and "Nothing was run" in out["answer"]
    assert [x["rule"] for x in out["rule_trace"]] == ["decline_unserved"]
    off = graph.invoke({"messages": [("human", "hey can you delete omar's email")]},
                       context={"approve": "none", "rules_off": "decline_unserved"})
    assert "decline_unserved" not in [x["rule"] for x in off["rule_trace"]] and "can delete" not in off["answer"]
    # a follow-up that opens with it is declined too (13 of the corpus's 14 such follow-ups are declines) ...
    later = graph.invoke({"messages": [("human", "text Ana that I'm late"), ("ai", "Queued a text to Ana."),
                                       ("human", "delete that text")]}, context={"approve": "none"})
    assert [x["rule"] for x in later["rule_trace"]] == ["decline_unserved"] and later["tasks"] == []
    assert later["answer"].startswith("I can't do that: none of my tools can delete")
    renamed = graph.invoke({"messages": [("human", "new note called Bike stuff: replace chain"),
                                         ("ai", "Created note 'Bike stuff' in Notes/Bike stuff.md."),
                                         ("human", "rename that note to Bike maintenance")]}, context={"approve": "none"})
    assert renamed["tasks"] == [] and "can rename" in renamed["answer"]
    # ... unless a tool's own verb asks for more: that is left to the planner, which reads the earlier turn
    instead = graph.invoke({"messages": [("human", "remind me to call mum at 6"), ("ai", "Created reminder 'Call mum'."),
                                         ("human", "actually cancel that and instead remind me on friday")]},
                           context={"approve": "none"})
    assert "decline_unserved" not in [x["rule"] for x in instead["rule_trace"]]


def test_a_request_that_opens_with_a_tools_verb_is_planned_though_the_classifier_is_unsure(tmp_path):
    """"note: gate code is 4471" (the classifier is unsure of every tool) goes to the planner, traced;
    switched off, it is declined unplanned."""
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    tools = default_tools(init_workspace(tmp_path / "ws"))
    plan = '1. create_note(name="Gate code", content="gate code is 4471")\n2. join()<END_OF_PLAN>'
    graph = build_graph(tools=tools, settings=settings, llm=FakeListLLM(responses=[plan] * 4),
                        index=open_index(settings))
    query = "note: the code of the building door is 4592#"
    off = graph.invoke({"messages": [("human", query)]}, context={"dry_run": True, "rules_off": "plan_served"})
    assert off["tasks"] == []  # the classifier alone declines it
    out = graph.invoke({"messages": [("human", query)]}, context={"dry_run": True})
    assert [t["tool"] for t in out["tasks"]] == ["create_note"]
    assert [x["rule"] for x in out["rule_trace"]] == ["plan_served"]


def test_a_follow_up_that_opens_with_a_tools_verb_is_marked_for_a_plan(tmp_path):
    """"Please text her to check her inbox" after an email: the plan node gets ``served_followup`` (rule
    followup_not_empty holds join() back from an empty plan); "thanks!" gets nothing."""
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    graph = build_graph(tools=default_tools(init_workspace(tmp_path / "ws")), settings=settings,
                        llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4), index=open_index(settings))
    earlier = [("human", "email nina the agenda"), ("ai", "Saved email 'Agenda' to Nina Kowalski <nina@example.com>.")]

    def served(text):
        for update in graph.stream({"messages": [*earlier, ("human", text)]}, context={"dry_run": True},
                                   stream_mode="updates"):
            if "retrieve" in update:
                return update["retrieve"]["served_followup"]
    assert served("Please text her to check her inbox") is True
    assert served("thanks!") is False


@pytest.mark.parametrize("query, verb", [
    ("Thank you. Please text her to check her inbox.", "text"),   # thanks first, then the ask
    ("great, also remind me the day before", "remind"),
    ("put eggs on the shopping list", "put"),
    ("invite Sarah to the standup on monday at 9", "invite"),
    ("thanks!", None),
    ("what's the weather like", None),
])
def test_the_served_verb_after_thanks_and_fillers(query, verb):
    from tinyagent.nodes.rules.opening import served_action
    assert served_action(query) == verb


@pytest.mark.parametrize("query, served", [
    ("Thank you. Please text her to check her inbox.", True),
    ("oh and bread too", True),
    ("can i get a meeting link for it too", True),
    ("and order a pizza too", False),       # an action no tool does
    ("thanks, that's all", False),
    ("thanks, you too!", False),            # a reply in kind adds nothing to plan
    ("me too", False),
    # dev5: one more thing for the note before; a message said as a noun
    ("oh and good shoes for the hike", True),
    ("and thanks again", False),
    ("great, drop him an email saying the payment went out today", True),
    ("good, please send it by email to Aisha", True),
])
def test_a_follow_up_a_tool_serves(specs, query, served):
    from tinyagent.nodes.rules.opening import served_followup
    assert served_followup(query, specs) is served


def test_a_follow_up_that_makes_a_tools_thing_of_the_answer_asks_more():
    """"turn that into a note" opens with "turn" (no tool turns) but asks for a note: the follow-up is not
    declined; "delete that text" and "ok pay it" still are."""
    from tinyagent.nodes.rules.opening import asks_more

    for query in ("turn that into a note", "turn it into a reminder for friday", "record that as a new note",
                  "cancel that and instead remind me on friday"):
        assert asks_more(query), query
    for query in ("delete that text", "ok pay it", "rename that note", "pay it as soon as possible", "delete it as well"):
        assert not asks_more(query), query


@pytest.mark.parametrize("query, timed", [
    ("put a 75 minute guitar lesson in on thursday at 5pm", True),       # convdev6: declined by the model
    ("coffee with elena thursday at 10am", True),
    ("Can you block 90 minutes tomorrow at 2pm for going through the budget section?", True),  # dev5
    ("I just need a call link for the supplier check-in tomorrow at 4, that's all", True),
    ("what do i have at 3pm friday", False),                              # a question
    ("can you tell me what is at 3pm?", False),
    ("set an alarm for 6:45", False),                                     # no tool sets alarms
    ("book a table for four at the italian place on friday at 12:30", False),
    ("remind me tonight to call mum", False),                             # no clock time
    ("order pizza for 7pm", False),                                       # an action no tool does
])
def test_a_first_request_with_a_clock_time_is_an_ask_for_the_calendar(query, timed):
    from tinyagent.nodes.rules.opening import timed_ask
    assert timed_ask(query) is timed


def test_a_summary_of_a_named_document_is_not_held_to_a_search(tmp_path):
    """dev5: "no time to read the whole Falcon report, just give me the gist" was made to search the report beside the
    summary; "what does the falcon report say about the budget?" must still search it."""
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    graph = build_graph(tools=default_tools(init_workspace(tmp_path / "ws")), settings=settings,
                        llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4), index=open_index(settings))

    def searched(text):
        for update in graph.stream({"messages": [("human", text)]}, context={"dry_run": True}, stream_mode="updates"):
            if "retrieve" in update:
                return update["retrieve"].get("required_search")
    assert not searched("no time to read the whole Falcon report, just give me the gist")
    assert searched("what does the falcon report say about the budget?") == ["search_documents"]


def test_a_first_request_with_a_clock_time_is_planned_not_declined(tmp_path):
    """dev5: "Can you block 90 minutes tomorrow at 2pm for going through the budget section?" was declined before
    planning (the classifier sure of no tool); it is planned, held to a plan (rule timed_not_empty)."""
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    graph = build_graph(tools=default_tools(init_workspace(tmp_path / "ws")), settings=settings,
                        llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4), index=open_index(settings))

    def retrieved(text):
        for update in graph.stream({"messages": [("human", text)]}, context={"dry_run": True}, stream_mode="updates"):
            if "retrieve" in update:
                return update["retrieve"]["nothing_fits"], update["retrieve"]["timed_first"]
    assert retrieved("Can you block 90 minutes tomorrow at 2pm for going through the budget section?") == (False, True)
    assert retrieved("what do i have at 3pm friday")[1] is False


@pytest.mark.parametrize("query, advice", [
    ("any tips for getting off the start line cleaner? we're always late to the gun", True),
    ("which dog food is best for a puppy", True),
    ("is it safe to eat raw cookie dough", True),
    ("Could you recommend a wine to go with roast lamb on Sunday?", True),
    ("what's the best way to get to Belem from Alfama", False),  # a route: the maps tool
    ("Do you think you could text Nina that the cake needs to go in the fridge?", False),  # a polite ask
    ("how do I get to the marina", False),
])
def test_a_request_for_advice(specs, query, advice):
    from tinyagent.nodes.rules.opening import asks_advice
    assert asks_advice(query, specs) is advice


def test_a_tool_of_your_own_that_advises_serves_advice(specs):
    from tinyagent.nodes.rules.opening import asks_advice
    tips = ToolSpec(name="care_tips", description="Care tips for a plant by its name.", params=[])
    assert asks_advice("any tips for my fern?", specs) and not asks_advice("any tips for my fern?", [*specs, tips])


def test_advice_is_declined_through_the_graph_and_the_rule_switches_off(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    tools = default_tools(init_workspace(tmp_path / "ws"))
    graph = build_graph(tools=tools, settings=settings, llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4),
                        index=open_index(settings))
    out = graph.invoke({"messages": [("human", "which laptop is best for travelling, do you think?")]},
                       context={"approve": "none"})
    assert out["tasks"] == [] and [x["rule"] for x in out["rule_trace"]] == ["decline_advice"]
    assert out["answer"].startswith("I can't do that: none of my tools can give advice")
    off = graph.invoke({"messages": [("human", "which laptop is best for travelling, do you think?")]},
                       context={"approve": "none", "rules_off": "decline_advice"})
    assert "decline_advice" not in [x["rule"] for x in off["rule_trace"]]


def test_an_email_asked_of_tools_that_send_none_is_declined(specs):
    # dev9-domains: "email my prescription to my new optometrist" to an optician's tools was planned as a look-up
    rx = ToolSpec.from_tool(recorder("get_prescription", "Show the person's glasses or contact lens prescription.",
                                     {"type": "object", "required": [], "properties": {"kind": {"type": "string"}}}))
    assert unserved_action("email my prescription to my new optometrist", [rx]) == "email"
    assert unserved_action("email my prescription to my new optometrist", [*specs, rx]) is None  # the default tools email
    mailer = ToolSpec(name="send_report", description="Email a report to someone.", params=[])
    assert unserved_action("email the report to the team", [rx, mailer]) is None


def test_a_request_naming_a_choice_a_tool_offers_is_not_declined_for_its_verb():
    # dev9-domains: "upgrade me to premium unlimited now" beside change_membership(plan: ... "premium_unlimited")
    change = ToolSpec.from_tool(recorder("change_membership", "Change the membership plan.", {
        "type": "object", "required": ["plan"],
        "properties": {"plan": {"type": "string", "enum": ["none", "basic_unlimited", "premium_unlimited"]}}}))
    assert unserved_action("upgrade me to premium unlimited now", [change]) is None
    assert unserved_action("upgrade my car's tyres", [change]) == "upgrade"


def test_a_verb_no_tool_serves_is_declined_unless_a_tool_does_it_by_another_word():
    # dev11-domains: "sell my morgan dollar on ebay" to a coin collection's tools was planned as a catalogue search
    coins = ToolSpec.from_tool(recorder("search_catalog", "Find coins in the catalogue by name, year or country.",
                                        {"type": "object", "required": ["query"], "properties": {"query": {"type": "string"}}}))
    assert unserved_action("sell my morgan dollar on ebay", [coins]) == "sell"
    assert unserved_action("Please reserve a rowing boat on the lake for Saturday morning.", [coins]) == "reserve"
    # a tool that books serves "reserve"; one that holds copies for you too
    booker = ToolSpec(name="book_table", description="Book a table at the restaurant.", params=[])
    holder = ToolSpec(name="request_copies", description="Request printed copies of a score to be held for you.", params=[])
    assert unserved_action("reserve a table for two at 8", [booker]) is None
    assert unserved_action("Please reserve three printed copies of the Cantique", [holder]) is None


@pytest.mark.parametrize("query", ["re the invoice from Lucas: pls reply that the payment goes out on the 15th",
                                   "re the q3 draft from sarah: comments by wed, not thu, slammed with client calls thu"])
def test_a_reply_asked_past_the_opening_is_served(query):
    # convdev15 and convdev14: both declined before planning
    assert served_action(query) == "reply"


def test_a_reply_asked_past_the_opening_speaks_of_a_received_email():
    from tinyagent.nodes.request.asks import speaks_of_received_email
    from tinyagent.nodes.rules.opening import reply_asked

    assert speaks_of_received_email("re the q3 draft from sarah: comments by wed, not thu")
    assert reply_asked("re the invoice from Lucas: pls reply that the payment goes out on the 15th")
    assert not reply_asked("reply to lucas") and not reply_asked("remind me re the invoice tomorrow")


def test_logging_tools_serve_record_and_cancelling_ones_delete_and_time_is_reserved_in_the_calendar(specs):
    # dev11-domains: "Please record a breastfeed ..." to a baby log's log_feed, "delete my permit" to cancel_permit
    log = ToolSpec(name="log_feed", description="Log a feed: breast side or bottle, length.", params=[])
    cancel = ToolSpec(name="cancel_permit", description="Cancel a permit you bought.", params=[])
    assert unserved_action("Please record a breastfeed on the left side lasting 14 minutes", [log]) is None
    assert unserved_action("Please delete my permit for tomorrow, I am sick.", [cancel]) is None
    assert unserved_action("Please reserve time in my calendar for the investor call on Wednesday at 4pm", specs) is None
    assert unserved_action("reserve a court at the leisure centre", specs) == "reserve"
