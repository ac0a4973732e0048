"""What the new-user trials (newuser18-20) met, each put right in the plan where a rule is exact: a step number naming
no step, a message word taken to pick an email, a forward's note that only names the email, a percent sum written
wrong, a calendar nobody named, "put that in a note" after a summary, "and text her too", a name running into a time,
a map's town, the notes an email is called by (nodes/rules/*.py)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled
from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.nodes.request.reading import read_request
from tinyagent.nodes.rules.code import percent_asked, percent_of
from tinyagent.nodes.rules.dangling import dangling_reference


def test_a_file_named_only_by_step_numbers_is_the_file_the_request_names(specs):
    plan = '1. summarize_pdf(pdf_path="$13\\n$20")\n2. join()<END_OF_PLAN>'
    assert _ruled(specs, "summarize the lisbon itinerary", plan) == \
        '1. summarize_pdf(pdf_path="lisbon itinerary")\n2. join()<END_OF_PLAN>'
    # switched off, the plan keeps the loose numbers (the tool then finds no file)
    assert "$13" in _ruled(specs, "summarize the lisbon itinerary", plan, off=("dangling_reference",))
    # a request that names no file to read leaves it to the checks
    assert dangling_reference(compile_plan(plan, specs), specs, read_request("summarize it")) is None


def test_a_loose_step_number_leaves_a_message_but_the_persons_money_stays(specs):
    plan = ('1. get_email_address(name="Priya Patel")\n2. compose_new_email(recipients=["$1"], '
            'context="Invoice from Lucas: $32")\n3. join()<END_OF_PLAN>')
    out = dangling_reference(compile_plan(plan, specs), specs, read_request("email priya about the invoice from lucas"))
    assert out[1].args["context"] == "Invoice from Lucas"
    said = dangling_reference(compile_plan(plan, specs), specs, read_request("email priya that lucas's invoice is $32"))
    assert said is None
    # a step's real result is no loose number
    real = ('1. get_zoom_meeting_link(topic="Sync", start_time="friday at 3")\n2. get_email_address(name="Priya Patel")\n'
            '3. compose_new_email(recipients=["$2"], context="Join here: $1")\n4. join()<END_OF_PLAN>')
    assert dangling_reference(compile_plan(real, specs), specs, read_request("send priya a meeting link")) is None


@pytest.mark.parametrize("query, message", [
    ("email tom that the invoice total is 32 dollars", "The invoice total is $32"),
    ("text tom that lunch cost 12 bucks each, 24 total", "Lunch was $12 each, $24 total"),
])
def test_money_the_person_said_in_words_is_no_loose_step_number(specs, query, message):
    plan = (f'1. get_email_address(name="Tom")\n2. compose_new_email(recipients=["$1"], context="{message}")\n'
            '3. join()<END_OF_PLAN>')
    assert dangling_reference(compile_plan(plan, specs), specs, read_request(query)) is None


def test_a_forward_note_that_only_names_the_email_is_left_out(specs):
    plan = ('1. get_email_address(name="Priya Patel")\n2. forward_email(recipients=["$1"], '
            'context="Invoice from Lucas: $32")\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "forward the invoice email from Lucas to Priya Patel", plan)
    assert 'forward_email(recipients=["$1"], message_id="invoice from lucas")' in out
    # a note the person dictated stays
    asked = ('1. get_email_address(name="Priya Patel")\n2. forward_email(recipients=["$1"], '
             'context="FYI, please pay by friday")\n3. join()<END_OF_PLAN>')
    kept = _ruled(specs, "forward the invoice email from Lucas to Priya Patel, fyi please pay by friday", asked)
    assert 'context="FYI, please pay by friday"' in kept


def test_a_word_of_the_dictated_message_does_not_pick_a_second_email(specs):
    plan = ('1. reply_to_email(context="Thanks")\n2. reply_to_email(context="The payment goes out", '
            'message_id="monday")\n3. join()<END_OF_PLAN>')
    query = "reply to lucas's invoice email, tell him thanks and that the payment goes out monday"
    out = _ruled(specs, query, plan)
    assert out.count("reply_to_email") == 1
    assert 'context="Thanks and that the payment goes out monday"' in out and "lucas" in out
    # two replies the person asked for, each to its own email, both stay
    two = ('1. reply_to_email(context="Friday works", message_id="priya")\n'
           '2. reply_to_email(context="The 14th is fine", message_id="omar")\n3. join()<END_OF_PLAN>')
    both = _ruled(specs, "reply to priya that friday works and reply to omar that the 14th is fine", two)
    assert both.count("reply_to_email") == 2
    # a second reply that carries nothing of the first's message is one asked for ("reply to lucas's invoice email")
    bare = ('1. reply_to_email(message_id="tom", context="The invoice from lucas is paid")\n'
            '2. reply_to_email(message_id="lucas invoice")\n3. join()<END_OF_PLAN>')
    query = "reply to tom's email: the invoice from lucas is paid. then reply to lucas's invoice email too"
    assert _ruled(specs, query, bare).count("reply_to_email") == 2


@pytest.mark.parametrize("query, asked", [
    ("whats an 18% tip on 74.50", (18, 74.5)),
    ("what is 15 percent of $1,240?", (15, 1240)),
    ("whats the tip on 86.40 at 12.5 percent", (12.5, 86.4)),
    ("total with 18% tip on 74.50", None),            # a total, not the part
    ("25% off 89.99", None),                          # a discount taken off
    ("whats 18% of 950 and where's the nearest bank", None),
    ("vat at 20% on 1875 and 640", None),
])
def test_a_percent_of_one_amount_is_read_only_where_that_is_the_whole_ask(query, asked):
    assert percent_asked(query) == asked


def test_a_percent_sum_written_wrong_is_the_sum_of_the_persons_numbers(specs):
    wrong = '1. run_python(code="print(round((74.50 / 2) * 18, 1))")\n2. join()<END_OF_PLAN>'
    out = percent_of(compile_plan(wrong, specs), specs, "whats an 18% tip on 74.50")
    assert out[0].args["code"] == "print(round(74.5 * 18 / 100, 2))"
    exec(compile(out[0].args["code"], "<plan>", "exec"), {"print": lambda v: pytest.approx(13.41) == v or pytest.fail(v)})
    # the percent left whole ("86.40 * 12.5") is wrong too; a right sum in another form stays
    assert percent_of(compile_plan('1. run_python(code="print(86.40 * 12.5)")\n2. join()<END_OF_PLAN>', specs), specs,
                      "whats the tip on 86.40 at 12.5 percent") is not None
    right = '1. run_python(code="print(74.50 * 0.18)")\n2. join()<END_OF_PLAN>'
    assert percent_of(compile_plan(right, specs), specs, "whats an 18% tip on 74.50") is None


def test_a_calendar_the_person_did_not_name_is_left_to_the_tool(specs):
    plan = ('1. create_calendar_event(title="Lunch with Marcus", start_date="friday at 12:30", calendar="Local")\n'
            '2. join()<END_OF_PLAN>')
    assert 'calendar=' not in _ruled(specs, "put lunch with Marcus on friday at 12:30 in my calendar", plan)
    named = plan.replace('"Local"', '"Work"')
    assert 'calendar="Work"' in _ruled(specs, "put lunch with Marcus on friday at 12:30 in my work calendar", named)


def test_put_that_in_a_note_after_a_summary_writes_the_summary(specs):
    context = ("User: summarize the lisbon itinerary\n"
               "Assistant: Summary (lisbon itinerary): This itinerary covers a four-day business trip to Lisbon.")
    plan = '1. create_note(name="Lisbon plan", content="$2")\n2. join()<END_OF_PLAN>'
    out = _ruled(specs, "put that in a note called Lisbon plan", plan, context=context)
    assert out == ('1. create_note(name="Lisbon plan", content="This itinerary covers a four-day business trip to '
                   'Lisbon.")\n2. join()<END_OF_PLAN>')


def test_what_the_nineteenth_trial_met(specs):
    """newuser19 (c616ef6): 'the 20th of december at 10am' lost its time, 'and text her too' texted "Too",
    'Aisha wednesday 2pm' was looked up as a contact, a reply gained an "About" and lost its question, and a
    text carried the person's thanks to the assistant."""
    from tinyagent.tools.date_phrases import find_phrases
    from tinyagent.tools.passages import answers

    assert find_phrases("remind me to renew my passport on the 20th of december at 10am") == \
        ["the 20th of december at 10am"]
    before = ("User: email priya that the venue is booked for friday\nResult: get_email_address(name='priya') -> "
              "priya.patel@example.com\nResult: compose_new_email(recipients=['$1'], context='The venue is booked for "
              "Friday') -> Saved email\nAssistant: Saved email")
    plan = '1. get_phone_number(name="priya")\n2. send_sms(recipients=["$1"], message="Too")\n3. join()<END_OF_PLAN>'
    assert 'message="The venue is booked for Friday"' in _ruled(specs, "and text her too", plan, before)
    event = ('1. get_email_address(name="Tom Becker")\n2. get_email_address(name="Aisha wednesday 2pm")\n'
             '3. create_calendar_event(title="Planning", start_date="wednesday 2pm", invitees=["$1", "$2"])\n'
             '4. join()<END_OF_PLAN>')
    assert 'get_email_address(name="Aisha")' in _ruled(specs, "Schedule a planning session with Tom Becker and Aisha "
                                                              "wednesday 2pm", event)
    number = '1. send_sms(recipients=["079 884 21 03"], message="At the neighbour")\n2. join()<END_OF_PLAN>'
    assert "079 884 21 03" in _ruled(specs, "text 079 884 21 03 at the neighbour", number)
    reply = '1. reply_to_email(context="About the price is fine")\n2. join()<END_OF_PLAN>'
    assert 'context="The price is fine but can he start after the 15th"' in _ruled(
        specs, "pls reply to Omar's garden quote and tell him the price is fine but can he start after the 15th", reply)
    from tinyagent.nodes.rules.messages import dictated

    assert dictated("Could you text Nina that the keys are under the mat? Thanks", ["Nina"]) == "the keys are under the mat"
    hits = [{"path": "Documents/Sample/Lisbon_Trip_Itinerary.pdf", "text": "Check in at the hotel Casa do Rio in Lisbon."}]
    assert answers("whats the name of the hotel in lisbon?", hits) == hits[0]


def test_a_please_inside_the_dictated_request_is_the_recipients(specs):
    from tinyagent.nodes.rules.messages import dictated

    assert dictated("reply to tom: could you send the slides please") == "could you send the slides please"
    assert dictated("text mom: can you pick up milk on the way home please", ["mom"]).endswith("home please")
    # (a please after the message's own end is the person's, to the assistant)
    assert dictated("tell Nina the keys are under the mat. please", ["Nina"]) == "the keys are under the mat"


def test_i_need_to_send_the_file_is_a_file_to_send(specs):
    from tinyagent.nodes.request.reading import read_request

    query = "As the trip organiser I need to send the Lisbon itinerary to Marcus and Priya so they have the flight times."
    assert read_request(query).attached_file == "Lisbon itinerary"
    assert not read_request("remind me to send the invoice to Tom").asks_to_attach  # an errand, not this ask
    plan = ('1. get_email_address(name="Marcus")\n2. get_email_address(name="Priya")\n3. compose_new_email(recipients='
            '["$1", "$2"], subject="Lisbon itinerary", context="The flight times")\n4. join()<END_OF_PLAN>')
    out = _ruled(specs, query, plan)
    assert 'open_and_get_file_path(file_name="Lisbon itinerary")' in out and 'attachments=["$3"]' in out


def test_a_sum_closed_into_print_before_its_last_step_is_made_whole(specs):
    """newuser20: "480 euros plus 1250 euros, split 3 ways" ran print(480 + 1250) / 3 and failed."""
    plan = '1. run_python(code="print(480 + 1250) / 3")\n2. join()<END_OF_PLAN>'
    assert 'code="print((480 + 1250) / 3)"' in _ruled(specs, "480 euros plus 1250 euros, split 3 ways", plan)
    right = '1. run_python(code="print(7 * 6)")\n2. join()<END_OF_PLAN>'
    assert _ruled(specs, "what is 7 times 6", right) == right


@pytest.mark.parametrize("query, plan", [
    ("how do i get 2 heathrow t5 by train from paddington, and remind me at 8 to leave",
     '1. maps_show_directions(start_location="paddington", end_location="heathrow t5", transport="r")\n'
     '2. create_reminder(name="leave", due_date="8am")\n3. join()<END_OF_PLAN>'),
    ("whats the addy of st thomas hospital? also remind me to book a checkup",
     '1. maps_open_location(location="st thomas hospital")\n2. create_reminder(name="book a checkup")\n'
     '3. join()<END_OF_PLAN>'),
    ("locate 221b baker st and remind me to leave at 5",
     '1. maps_open_location(location="221b baker st")\n2. create_reminder(name="leave", due_date="5pm")\n'
     '3. join()<END_OF_PLAN>'),
    ("set up a sync with priya tomorrow at 10 and remind me at 9:50",
     '1. get_zoom_meeting_link(topic="sync with priya", start_time="tomorrow at 10am")\n'
     '2. create_reminder(name="sync with priya", due_date="tomorrow at 9:50am")\n3. join()<END_OF_PLAN>'),
])
def test_a_map_or_a_link_asked_in_the_corpus_words_stays_beside_another_step(specs, query, plan):
    # (the default corpus asks a map with "how do i get 2", "the addy of", "locate", "by bus", "the way from"; a call
    # with "sync", as refuse_meeting_as_email reads it)
    assert _ruled(specs, query, plan).count("\n") == plan.count("\n")


def test_a_place_on_a_map_keeps_the_town_the_request_puts_it_in(specs):
    plan = '1. maps_open_location(location="Casa do Rio")\n2. join()<END_OF_PLAN>'
    assert 'location="Casa do Rio, Lisbon"' in _ruled(specs, "where is Casa do Rio in Lisbon? show me on a map", plan)
    route = ('1. maps_show_directions(start_location="Belem Tower", end_location="the airport")\n2. join()<END_OF_PLAN>')
    assert _ruled(specs, "directions from Belem Tower to the airport", route) == route


def test_the_notes_an_email_is_called_by_are_no_note_to_write(specs):
    """newuser19 and newuser20: "forward the firmware release notes to ..." appended to a note "Firmware release notes"."""
    plan = ('1. append_note_content(name="Firmware release notes", content="Marcus to Yuki")\n'
            '2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>')
    out = _ruled(specs, "forward the firmware release notes from marcus to yuki", plan)
    # (Yuki looked up, by the name as the request writes it: "yuki")
    assert "append_note_content" not in out and 'get_email_address(name="yuki")' in out.replace('"Yuki"', '"yuki"')
    asked = ('1. get_email_address(name="yuki")\n2. forward_email(recipients=["$1"])\n'
             '3. append_note_content(name="meeting notes", content="Sent to yuki")\n4. join()<END_OF_PLAN>')
    assert "append_note_content" in _ruled(specs, "forward marcus's email to yuki and add 'sent to yuki' to my meeting "
                                                  "notes", asked)


def test_and_text_him_too_is_an_ask_of_its_own_not_a_person():
    """Tried as a new user: after "email tom that the boiler is fixed", "and text him too" was planned again as
    "email text him that ..." (a contact "text him")."""
    from tinyagent.nodes.rules.corrections import corrected_request

    earlier = ["email tom that the boiler is fixed, thanks"]
    assert corrected_request("and text him too", earlier, ["tom"]) is None
    assert corrected_request("and email sarah too", earlier, ["tom"]) is None
    assert corrected_request("and lucas too", earlier, ["tom"]) == "email lucas that the boiler is fixed, thanks"
