"""What the third development conversation set met on its first run, each put right where a rule is exact: replies
and forwards asked for in other words, the dictated words whole, "the same" and "that summary" in a follow-up, a
file's path never pasted as a message, a corrected file, numbered items, "append:" after a note was shown
(nodes/rules/opening.py, messages.py, attachments.py, followups.py, corrections.py, notes.py)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled
from tinyagent.nodes.plans.prompts import plan_messages, shown_context
from tinyagent.nodes.request.lexicon import VERB_TOOLS
from tinyagent.nodes.rules.corrections import corrected_request
from tinyagent.nodes.rules.opening import opening_tool, served_action


@pytest.mark.parametrize("query, tool", [
    ("Could you please answer Lucas about the invoice? Let him know I transferred the money", "reply_to_email"),
    ("please make answer to the mail of David about Lisbon, say him big thanks", "reply_to_email"),
    ("write back to priya and say yes", "reply_to_email"),
    ("pass the offsite agenda on to yuki and james pls", "forward_email"),
    ("email nina that book club is at my place on friday this time", "compose_new_email"),
    ("answer my question: what is 2+2", None),         # no email answered
    ("email address for coach Brennan?", None),        # "email" the noun
    ("email of my landlord", None),
])
def test_a_reply_forward_or_email_asked_for_in_other_words_names_its_tool(query, tool):
    assert opening_tool(query, VERB_TOOLS) == tool
    if tool in ("reply_to_email", "forward_email"):
        assert served_action(query) in ("reply", "forward")  # planned, not declined


@pytest.mark.parametrize("query", [
    "answer questions about the handbook", "answer honestly: is the lisbon trip on tuesday?",
    "answer briefly, what's the wifi password", "answer in short: when is the offsite?",
    "respond to this question: what's 2+2", "get back to me with the q3 numbers",
])
def test_answer_or_respond_said_of_a_question_to_the_assistant_names_no_reply(query):
    assert opening_tool(query, VERB_TOOLS) != "reply_to_email"


def test_the_dictated_words_are_the_reply_whole(specs):
    plan = '1. reply_to_email(context="Tell Sarah I\'ll skip the hike")\n2. join()<END_OF_PLAN>'
    out = _ruled(specs, "reply to the older of sarahs two emails. tell her i'll skip the hike, my knee is bad", plan)
    assert 'context="I\'ll skip the hike, my knee is bad"' in out
    terse = '1. reply_to_email(context="Im in")\n2. join()<END_OF_PLAN>'
    assert 'context="Im in but can we do 1pm"' in _ruled(specs, "reply priya: im in but can we do 1pm", terse)


def test_the_same_where_nothing_is_dictated_is_the_message_sent_before(specs):
    context = ("User: text elena that the tiles arrived\nResult: get_phone_number(name='elena') -> +1-555-0105\n"
               "Result: send_sms(recipients=['$1'], message='The tiles arrived') -> SMS queued\nAssistant: SMS queued")
    plan = ('1. get_email_address(name="she")\n2. compose_new_email(recipients=["$1"], context="Let her in")\n'
            '3. join()<END_OF_PLAN>')
    assert 'context="The tiles arrived"' in _ruled(specs, "does she have an email? send her the same there", plan, context)
    # words dictated beside "the same" stay the person's
    said = plan.replace('"Let her in"', '"I will be late"')
    assert 'context="I will be late"' in _ruled(specs, "email her the same but say i will be late", said, context)


def test_a_files_path_is_attached_never_pasted_as_the_message(specs):
    plan = ('1. get_email_address(name="sarah")\n2. forward_email(recipients=["$1"], context="$3")\n'
            '3. open_and_get_file_path(file_name="team handbook")\n4. join()<END_OF_PLAN>')
    out = _ruled(specs, "forward sarah's q3 mail to lucas, and add the team handbook as well", plan)
    assert 'attachments=["$2"]' in out and "context=" not in out


def test_attach_it_after_a_search_attaches_the_file_the_search_found(specs):
    context = ("User: where is the q3 report saved?\nResult: search_documents(query='Q3 report') -> [{'path': "
               "'Documents/Sample/Project_Falcon_Q3_Report.pdf', 'text': 'Project Falcon: Third Quarter Report'}]\n"
               "Assistant: From your documents (Q3 report): Documents/Sample/Project_Falcon_Q3_Report.pdf: Project")
    plan = ('1. open_and_get_file_path(file_name="budget")\n2. compose_new_email(recipients=["lucas"], '
            'context="Wants the budget page")\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "ok attach it to an email for lucas, he wants the budget page", plan, context)
    assert 'open_and_get_file_path(file_name="Documents/Sample/Project_Falcon_Q3_Report.pdf")' in out
    assert 'attachments=["$1"]' in out


def test_a_link_email_whose_text_was_an_address_carries_the_link(specs):
    plan = ('1. get_zoom_meeting_link(topic="Sprint retro", start_time="friday 3pm")\n2. get_email_address(name="marcus")\n'
            '3. get_email_address(name="yuki")\n4. compose_new_email(recipients=["$2", "$3"], subject="Sprint retro", '
            'context="$3")\n5. join()<END_OF_PLAN>')
    out = _ruled(specs, "make a meeting link for the sprint retro friday 3pm and email it to marcus and yuki", plan)
    assert 'context="$1"' in out
    # an address the person asked to send stays
    asked = ('1. get_email_address(name="marcus")\n2. get_email_address(name="priya")\n'
             '3. compose_new_email(recipients=["$2"], context="$1")\n4. join()<END_OF_PLAN>')
    assert 'context="$1"' in _ruled(specs, "email priya marcus's address", asked)


def test_a_corrected_file_replans_the_request_with_it():
    assert corrected_request("sorry i meant the team handbook", ["send priya the lisbon itinerary"], ["priya"]) == \
        "send priya the team handbook"
    assert corrected_request("i mean Aisha", ["text anna that the lab results are in"], ["Anna"]) == \
        "text Aisha that the lab results are in"


def test_a_corrected_file_is_put_in_as_written():
    # (a backslash in the person's words is no group reference of the replacement: it raised re.error)
    assert corrected_request(r"sorry i meant the budget\final report", ["send priya the lisbon itinerary"], ["priya"]) \
        == r"send priya the budget\final report"
    assert corrected_request(r"sorry i meant the q3\2 report", ["send priya the lisbon itinerary"], ["priya"]) \
        == r"send priya the q3\2 report"


def test_numbered_items_are_all_the_notes(specs):
    plan = ('1. append_note_content(name="Ideas", content="1) learn to juggle")\n2. create_reminder(name="Build a '
            'birdhouse")\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "Please add the following to my Ideas note: 1) learn to juggle 2) build a birdhouse", plan)
    assert out == ('1. append_note_content(name="Ideas", content="1) learn to juggle 2) build a birdhouse")\n'
                   '2. join()<END_OF_PLAN>')
    ask = '1. append_note_content(name="Shopping list", content="1) eggs")\n2. join()<END_OF_PLAN>'
    assert 'content="1) eggs 2) milk"' in _ruled(specs, "add to my shopping list: 1) eggs 2) milk 3) text ana the list", ask)


def test_append_colon_after_a_note_was_shown_adds_the_line_to_it(specs):
    context = ("User: what's in my meeting notes?\nResult: open_note(name='meeting notes') -> # Meeting notes\n"
               "Assistant: The note (meeting notes): # Meeting notes")
    plan = '1. append_note_content(name="Invoice template", content="Friday")\n2. join()<END_OF_PLAN>'
    assert _ruled(specs, "append: Tom fixes the invoice template by friday", plan, context) == (
        '1. append_note_content(name="meeting notes", content="Tom fixes the invoice template by friday")\n'
        '2. join()<END_OF_PLAN>')


def test_email_that_summary_sends_the_summary_the_turn_before_gave(specs):
    context = ("User: can you sum up the team handbook for me\n"
               "Assistant: Summary: This handbook explains how we work together. Working hours are flexible.")
    plan = ('1. get_email_address(name="yuki")\n2. compose_new_email(recipients=["$1"], subject="Summary", '
            'context="Join the community")\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "email that summary to yuki, she's new", plan, context)
    assert 'context="This handbook explains how we work together. Working hours are flexible."' in out


def test_the_planner_is_shown_an_earlier_answer_cut_short_the_rules_read_it_longer(specs):
    long = "Assistant: " + "Budget: the project spent 412,000 dollars. " * 10
    context = "User: what does the q3 report say about the budget?\n" + long
    assert shown_context(context).splitlines()[1] == long[:len("Assistant: ") + 200]
    prompt = plan_messages("email that to lucas", list(specs.values()), context=context)[-1]["content"]
    assert long[:400] not in prompt and long[:200] in prompt


@pytest.mark.parametrize("query, start_end", [
    ("put a call with sarah from 4:30 to 5:15pm tomorrow", ("tomorrow at 4:30pm", "tomorrow at 5:15pm")),
    ("block friday 2-4pm for deep work", ("friday at 2pm", "friday at 4pm")),
    ("meeting 11-1pm wednesday", ("wednesday at 11am", "wednesday at 1pm")),
    ("book 10:00-10:30 on dec 4", ("on dec 4 at 10:00", "on dec 4 at 10:30")),
    ("dinner for 2-4 people on friday", None),        # no times
    ("call 3 to 4 friday", None),                     # two numbers said as neither times nor a range
    ("put the conference from 3 to 5 june in my calendar", None),    # days of a month, not hours
    ("block off december from 20 to 27 for the holiday", None),
    ("trip from the 20th to 25th", None),
    ("call with omar from 3 to 5pm on 5 june", ("on 5 june at 3pm", "on 5 june at 5pm")),  # the day's 5 stays
])
def test_a_time_range_is_read_as_a_start_and_an_end(query, start_end):
    from tinyagent.nodes.rules.lengths import stated_range

    assert stated_range(query) == start_end


def test_an_event_planned_at_the_ranges_end_starts_at_its_start(specs):
    plan = ('1. create_calendar_event(title="Call with Sarah", start_date="5:15pm tomorrow")\n2. join()<END_OF_PLAN>')
    out = _ruled(specs, "put a call with sarah from 4:30 to 5:15pm tomorrow", plan)
    assert 'start_date="tomorrow at 4:30pm", end_date="tomorrow at 5:15pm"' in out
    # a plan that has the range in its own words is left as it is
    right = '1. create_calendar_event(title="Deep work", start_date="fri 3pm", end_date="5pm")\n2. join()<END_OF_PLAN>'
    assert _ruled(specs, "deep work fri 3-5pm", right) == right


def test_a_question_with_no_number_is_not_planned_as_python_where_the_search_fits_as_surely(specs):
    from tinyagent.nodes.rules.opening import code_needs_numbers

    sure = ["run_python", "search_documents"]
    assert code_needs_numbers("whats the lead time on the particulate matter sensor", sure, specs) == ["run_python"]
    assert code_needs_numbers("whats 15% of 80", sure, specs) == []                      # a number
    assert code_needs_numbers("whats the average of my three invoices", sure, specs) == []  # a sum asked
    assert code_needs_numbers("run some python that prints hello", sure, specs) == []
    assert code_needs_numbers("whats the lead time on the sensor", ["run_python"], specs) == []  # nothing else fits


def test_how_a_thing_goes_is_no_word_the_passage_must_hold():
    from tinyagent.tools.passages import answers

    hits = [{"path": "Documents/Sample/Lisbon_Trip_Itinerary.pdf",
             "text": "Tuesday: In the evening there is a tram ride on line 28 through the old town."}]
    assert answers("which tram line goes through the old town in lisbon?", hits) == hits[0]


def test_yes_in_a_follow_up_is_no_one_her_is_the_person_before(specs):
    context = ("User: email yuki: can we move our 1:1 to thursday?\nResult: get_email_address(name='yuki') -> "
               "yuki.tanaka@example.com\nAssistant: Saved email")
    plan = ('1. get_email_address(name="yes")\n2. create_calendar_event(title="1:1", start_date="thursday 10:30", '
            'invitees=["$1"])\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "she said yes. put it in the calendar thursday 10:30, 30 min, and invite her", plan, context)
    assert 'get_email_address(name="yuki")' in out


def test_a_reply_made_of_the_words_that_pick_its_email_says_what_was_dictated(specs):
    plan = '1. reply_to_email(context="The invoice")\n2. join()<END_OF_PLAN>'
    out = _ruled(specs, "Could you please answer Lucas about the invoice? Let him know I transferred the money this "
                        "morning.", plan)
    assert 'context="I transferred the money this morning"' in out
    # a paraphrase of the dictated words stays ("I'm vegetarian" for "im veggie")
    said = '1. reply_to_email(context="I\'m vegetarian.")\n2. join()<END_OF_PLAN>'
    assert "vegetarian" in _ruled(specs, "reply to the email abt team lunch, say im veggie", said)


def test_email_it_after_finding_a_file_attaches_the_file(specs):
    found = ("User: can u find the lisbon itinerary\nResult: search_documents(query='the Lisbon itinerary') -> "
             "[{'path': 'Documents/Sample/Lisbon_Trip_Itinerary.pdf', 'text': 'Trip Itinerary: Lisbon'}]\n"
             "Assistant: From your documents")
    plan = '1. get_email_address(name="david")\n2. compose_new_email(recipients=["$1"], context="Here it is")\n3. join()<END_OF_PLAN>'
    assert 'attachments=["Documents/Sample/Lisbon_Trip_Itinerary.pdf"]' in _ruled(specs, "email it to david", plan, found)
    # after a question about what a document says, "it" is not the file
    asked = found.replace("can u find the lisbon itinerary", "what does the itinerary say about tuesday")
    assert "attachments" not in _ruled(specs, "email it to david", plan, asked)
    # nor after a "where" asked of what a document says (where a file is saved is asked for the file)
    where = found.replace("can u find the lisbon itinerary", "where are we staying in lisbon?")
    assert "attachments" not in _ruled(specs, "email it to david", plan, where)
    saved = found.replace("can u find the lisbon itinerary", "where is the lisbon itinerary saved?")
    assert 'attachments=["Documents/Sample/Lisbon_Trip_Itinerary.pdf"]' in _ruled(specs, "email it to david", plan, saved)


def test_a_forward_carries_the_words_told_not_a_second_email(specs):
    broken = ('1. get_email_address(name="lucas martin")\n2. compose_new_email(recipients=["$1"], context="Please put '
              'this in next year\'s budget")\n3. forward_email(recipients=["$2"])\n4. join()<END_OF_PLAN>')
    out = _ruled(specs, "send omar's quote on to lucas martin and say: please put this in next year's budget", broken)
    assert "compose_new_email" not in out and out.count("forward_email(") == 1
    assert 'forward_email(recipients=["$1"], message_id="omar\'s quote", context="Please put this in next year\'s budget")' in out
    two = ('1. get_email_address(name="tom")\n2. forward_email(recipients=["$1"])\n'
           '3. compose_new_email(recipients=["$1"], context="Book the train")\n4. join()<END_OF_PLAN>')
    assert 'context="Book the train"' in _ruled(specs, "forward sarah's offsite agenda to tom and tell him to book the train", two)
    # a new email with a file of its own to the same person stays
    files = two.replace('context="Book the train")', 'context="The tickets", attachments=["Documents/x.pdf"])')
    assert "compose_new_email" in _ruled(specs, "forward sarah's agenda to tom and email him the tickets pdf", files)


def test_a_second_email_to_fewer_people_or_asked_apart_is_no_forwards_note(specs):
    fewer = ('1. get_email_address(name="tom")\n2. get_email_address(name="sarah")\n'
             '3. forward_email(recipients=["$1", "$2"], message_id="invoice")\n'
             '4. compose_new_email(recipients=["$2"], context="It\'s paid")\n5. join()<END_OF_PLAN>')
    out = _ruled(specs, "forward the invoice to tom and sarah, and email sarah that it's paid", fewer)
    assert "compose_new_email" in out  # (tom is told nothing)
    apart = ('1. get_email_address(name="tom")\n2. forward_email(recipients=["$1"], message_id="invoice")\n'
             '3. compose_new_email(recipients=["$1"], context="The budget is approved")\n4. join()<END_OF_PLAN>')
    out = _ruled(specs, "forward the invoice to tom, and send him a separate email that the budget is approved", apart)
    assert "compose_new_email" in out


def test_a_question_after_the_document_it_asks_searches_for_what_it_asks(specs):
    plan = '1. search_documents(query="Falcon Q3 report")\n2. join()<END_OF_PLAN>'
    out = _ruled(specs, "in the falcon q3 report, how big is the annual budget?", plan)
    assert 'search_documents(query="Falcon Q3 report annual budget")' in out


def test_words_put_into_a_named_note_after_its_colon_are_appended(specs):
    out = _ruled(specs, "put in my meeting notes: Action - Priya finds a venue for the offsite", "1. join()<END_OF_PLAN>")
    assert out == ('1. append_note_content(name="meeting notes", content="Action - Priya finds a venue for the '
                   'offsite")\n2. join()<END_OF_PLAN>')
    # a plan that writes the note is left to the note rules
    plan = '1. append_note_content(name="Shopping list", content="Eggs")\n2. join()<END_OF_PLAN>'
    assert _ruled(specs, "add to my shopping list: eggs", plan) == plan


def test_put_that_in_a_note_called_x_planned_as_a_reminder_makes_the_note(specs):
    context = ("User: what time does my flight to lisbon land?\nAssistant: From your documents (flight): "
               "Documents/Sample/Lisbon_Trip_Itinerary.pdf: Monday: flight TP 1234 arrives in Lisbon at 10:05.")
    out = _ruled(specs, "put that in a note called Trip times", '1. create_reminder(name=" trip times")\n2. join()<END_OF_PLAN>',
                 context)
    assert out == ('1. create_note(name="Trip times", content="Monday: flight TP 1234 arrives in Lisbon at 10:05.")\n'
                   '2. join()<END_OF_PLAN>')


def test_a_search_made_of_the_words_of_a_message_sent_is_dropped(specs):
    plan = ('1. reply_to_email(context="1250 is more than I wanted to spend, is there a cheaper option?")\n'
            '2. search_documents(query="cheap option")\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "reply to the garden quote - 1250 is more than I wanted to spend, is there a cheaper option?", plan)
    assert "search_documents" not in out and "reply_to_email" in out
    # a search of its own beside a message stays
    asked = ('1. search_documents(query="lisbon hotel")\n2. get_phone_number(name="tom")\n'
             '3. send_sms(recipients=["$2"], message="I land at 10")\n4. join()<END_OF_PLAN>')
    assert "search_documents" in _ruled(specs, "which hotel am i in and text tom i land at 10", asked)
    # a search the request asks for in its own words stays, whatever the message says
    searched = ('1. search_documents(query="venue deposit")\n2. get_email_address(name="tom")\n'
                '3. compose_new_email(recipients=["$2"], context="Asking about the venue deposit")\n4. join()<END_OF_PLAN>')
    query = "search my docs for the venue deposit and email tom asking about the venue deposit"
    assert "search_documents" in _ruled(specs, query, searched)


@pytest.mark.parametrize("query, tool", [
    ("Please write to Lucas Martin asking whether the November invoice can be split", "compose_new_email"),
    ("quick sumary of the lisbon itinary pls", "summarize_pdf"),
    ("make a meeting link for the firmware rollout check-in on Wednesday at 4", "get_zoom_meeting_link"),
    ("bounce the team lunch email over to elena, she's comin too", "forward_email"),
    ("write to my notes that the boiler was fixed", None),
])
def test_more_asks_in_other_words_name_their_tool(query, tool):
    assert opening_tool(query, VERB_TOOLS) == tool


def test_new_note_colon_is_served():
    assert served_action("new note: wifi code at grandma's is BLUEBIRD42") == "newnote"


def test_the_sender_of_the_email_a_reply_answers_is_not_copied(specs):
    plan = ('1. get_email_address(name="Marcus")\n2. reply_to_email(cc=["$1"], context="Thursday works")\n'
            '3. join()<END_OF_PLAN>')
    out = _ruled(specs, "reply to marcus's firmware email - thursday works, go ahead", plan)
    assert "get_email_address" not in out and "cc=" not in out
    cc = plan.replace('name="Marcus"', 'name="tom"')
    assert 'cc=["$1"]' in _ruled(specs, "reply to marcus's firmware email and cc tom", cc)


@pytest.mark.parametrize("query", ["reply to tom's email about james and add james to it",
                                   "reply to the email about james's visit and put james on it",
                                   "answer the james email from tom, include james too"])
def test_a_person_the_request_adds_to_a_reply_stays_copied(specs, query):
    plan = '1. get_email_address(name="james")\n2. reply_to_email(message_id="tom james", cc=["$1"])\n3. join()<END_OF_PLAN>'
    assert 'cc=["$1"]' in _ruled(specs, query, plan)


def test_ask_whether_is_the_question_the_reply_puts(specs):
    plan = ('1. reply_to_email(context="The garden quote")\n2. get_zoom_meeting_link(topic="clippings", '
            'start_time="2026-12-07")\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "Please reply to Omar's email about the garden quote and ask whether the price includes "
                        "taking away the clippings.", plan)
    assert 'context="Ask whether the price includes taking away the clippings"' in out
    assert "get_zoom_meeting_link" not in out  # no call or link asked for


def test_a_map_or_a_link_no_word_asks_for_goes_but_one_asked_for_stays(specs):
    plan = '1. search_documents(query="itinerary school visit")\n2. maps_open_location(location="Belem")\n3. join()<END_OF_PLAN>'
    assert "maps_" not in _ruled(specs, "in the itinerary, which day is the visit of the school in Belem?", plan)
    assert "maps_open_location" in _ruled(specs, "which day is the school visit in Belem, and show it on a map", plan)


def test_a_contact_is_never_an_attachment(specs):
    plan = ('1. get_email_address(name="Lucas Martin")\n2. forward_email(recipients=["accounts@brightbooks.example"], '
            'context="Please file this under December", attachments=["$1"])\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "Would you forward Lucas Martin's invoice to my accountant, accounts@brightbooks.example, with "
                        "a note saying please file this under December?", plan)
    assert "attachments" not in out and "get_email_address" not in out


def test_adding_to_my_note_appends_to_it(specs):
    plan = '1. create_note(name="Ideas", content="Build a bird box w the kids")\n2. join()<END_OF_PLAN>'
    assert "append_note_content(name=\"Ideas\"" in _ruled(specs, "ad to my ideas note: build a bird box w the kids", plan)
    assert "create_note" in _ruled(specs, "make a new ideas note: build a bird box", plan)


def test_a_one_word_garble_of_a_dictated_reply_is_the_dictated_words(specs):
    plan = '1. reply_to_email(context="Friended")\n2. join()<END_OF_PLAN>'
    assert 'context="Friday works, count me in"' in _ruled(specs, "reply to priya's lunch email: friday works, count me in", plan)
    short = '1. get_phone_number(name="tom")\n2. send_sms(recipients=["$1"], message="Late")\n3. join()<END_OF_PLAN>'
    assert 'message="Late"' in _ruled(specs, "text tom: running late", short)  # a word of the request stays


def test_a_new_note_and_a_file_asked_where_name_their_tools():
    assert opening_tool("new note: wifi code at grandma's is BLUEBIRD42", VERB_TOOLS) == "create_note"
    assert opening_tool("where's the lisbon itinerary file", VERB_TOOLS) == "open_and_get_file_path"
    assert opening_tool("where is the lisbon trip", VERB_TOOLS) is None  # no file asked for


def test_an_action_no_tool_does_is_read_through_its_typos(tmp_path):
    """ "cancle the dentist appoinment on thursday" is declined as "cancel" is (the request as retrieval read it)."""
    from langchain_core.language_models.fake import FakeListLLM

    from tests.fakes import AllToolsIndex
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.tools import default_tools, init_workspace

    class Reads(AllToolsIndex):
        classifier = type("Known", (), {"names": [t.name for t in default_tools(init_workspace(tmp_path / "w0"))]})()

        def retrieve(self, query, available, **kwargs):
            found = super().retrieve(query, available, **kwargs)
            found.reading = query.replace("cancle", "cancel").replace("appoinment", "appointment")
            return found
    g = build_graph(tools=default_tools(init_workspace(tmp_path / "ws")), settings=Settings(
        data_dir=tmp_path / "d", lora_path=None), llm=FakeListLLM(responses=[
            '1. create_reminder(name="Dentist", due_date="thursday")\n2. join()<END_OF_PLAN>'] * 3), index=Reads())
    out = g.invoke({"messages": [("human", "cancle the dentist appoinment on thursday")]}, context={"dry_run": True})
    assert [t["rule"] for t in out["rule_trace"]] == ["decline_unserved"] and "cancel" in out["rule_trace"][0]["held"]
    assert out["plan"] == "1. join()<END_OF_PLAN>" and not out["tasks"]
