"""What the fifth development set (finetune/eval/dev5.jsonl) met on its first run, put right where a rule is exact:
a sum and a document question in one request, ... (nodes/rules/unstated.py, ...)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled


def test_a_sum_and_a_document_question_keep_both_steps(specs):
    """"What's 1,250 minus 10%, and what does the handbook say about approving travel?": the code the percent rule
    mends and the search the document rule mends are asked for, not made up."""
    plan = '1. run_python(code="print(1250 - 10)")\n2. search_documents(query="authorization")\n3. join()'
    out = _ruled(specs, "What's 1,250 minus 10%, and what does the handbook say about approving travel?", plan)
    assert out == ('1. run_python(code="print(round(1250 * 0.9, 2))")\n'
                   '2. search_documents(query="handbook authorization approving travel")\n3. join()<END_OF_PLAN>')


@pytest.mark.parametrize("query, plan, tool", [
    ("Could you find Omar Haddad's email address for me? I'll write to him about the hedges myself later tonight.",
     '1. get_phone_number(name="Omar Haddad")\n2. join()', "get_email_address"),
    ("whats priya's mobile", '1. get_email_address(name="priya")\n2. join()', "get_phone_number"),
    ("marcus email and phone pls", '1. get_email_address(name="marcus")\n2. join()', "get_email_address"),  # both: as planned
])
def test_a_look_up_asked_for_by_kind_is_of_that_kind(specs, query, plan, tool):
    assert _ruled(specs, query, plan).startswith(f"1. {tool}(")


@pytest.mark.parametrize("query, plan, second", [
    ("haircut sat 10am, parents evening tues 6pm, both in the calendar",
     '1. create_calendar_event(title="Haircut", start_date="sat 10am")\n2. join()',
     'create_calendar_event(title="Parents evening", start_date="tues 6pm")'),
    ("remind me thurs to pay the window cleaner and fri to water the plants",
     '1. create_reminder(name="Pay the window cleaner", due_date="thurs")\n2. join()',
     'create_reminder(name="Water the plants", due_date="fri")'),
])
def test_two_things_with_a_time_each_are_two_steps(specs, query, plan, second):
    assert f"2. {second}" in _ruled(specs, query, plan)


@pytest.mark.parametrize("query, plan", [
    ("ok so amir's birthday is next fri, remind me thurs to get a card for amir",
     '1. create_reminder(name="get a card for amir", due_date="thurs")\n2. join()'),
    ("block monday 9am to friday 5pm for the audit", '1. create_calendar_event(title="Audit", start_date="monday 9am", '
     'end_date="friday 5pm")\n2. join()'),
])
def test_a_time_that_says_why_or_until_when_is_no_second_step(specs, query, plan):
    assert _ruled(specs, query, plan).count("\n") == plan.count("\n")


LINK = ("User: video call with Marcus tomorrow 11 about the firmware rollout\nResult: get_email_address(name='Marcus') -> "
        "marcus.chen@example.com\nResult: get_zoom_meeting_link(topic='Firmware rollout', start_time='tomorrow 11', "
        "meeting_invitees=['$1']) -> https://meet.jit.si/Firmware-rollout-x81mzp (Jitsi Meet room 'Firmware rollout', "
        "Tuesday 8 December 2026, 11:00, 60 min; no account needed)\nAssistant: Meeting link (Firmware rollout): "
        "https://meet.jit.si/Firmware-rollout-x81mzp")


def test_email_him_the_link_sends_the_link(specs):
    out = _ruled(specs, "email him the link too", '1. get_email_address(name="Meet")\n2. compose_new_email(recipients='
                 '["$1"], subject="Link", context="Join the email chain!")\n3. join()', context=LINK)
    assert 'get_email_address(name="Marcus")' in out
    assert ('context="https://meet.jit.si/Firmware-rollout-x81mzp (Jitsi Meet room \'Firmware rollout\', Tuesday 8 '
            'December 2026, 11:00, 60 min)"') in out


def test_text_it_to_two_people_looks_up_both(specs):
    out = _ruled(specs, "txt it to james n priya", '1. get_phone_number(name="Jitsi")\n2. send_sms(recipients=["$1"], '
                 'message="https://meet.jit.si/Firmware-rollout-x81mzp")\n3. join()', context=LINK)
    assert 'get_phone_number(name="james")' in out and 'get_phone_number(name="priya")' in out
    assert 'recipients=["$1", "$2"]' in out


def test_an_attachment_naming_no_step_goes_where_nothing_is_asked_attached(specs):
    plan = ('1. get_email_address(name="Elena Rossi")\n2. compose_new_email(recipients=["$1"], subject="Logo revisions", '
            'context="We would like the darker blue version", attachments=["$3"])\n3. join()')
    out = _ruled(specs, "Please email Elena Rossi about the logo revisions: we would like the darker blue version.", plan)
    assert "attachments" not in out


@pytest.mark.parametrize("query, verb", [
    ("answer Omar's garden quote - tell him the 14th is fine and ask if they take card", "reply"),
    ("write email to Lucas Martin, I want to ask him can he send me the invoice also as pdf", "email"),
    ("answer the questions in the survey", None),
])
def test_a_reply_or_an_email_asked_in_other_words(query, verb):
    from tinyagent.nodes.rules.opening import said_otherwise
    assert said_otherwise(query) == verb


def test_a_forward_to_two_people_goes_to_both_not_to_the_sender(specs):
    out = _ruled(specs, "Could you forward Marcus's release notes to Sarah and James, please?",
                 '1. forward_email(recipients=["Marcus"])\n2. join()')
    assert 'get_email_address(name="Sarah")' in out and 'get_email_address(name="James")' in out
    assert 'recipients=["$1", "$2"]' in out and 'name="Marcus"' not in out


def test_a_numbered_note_named_with_call_it_is_written_whole_and_nothing_sums_it(specs):
    out = _ruled(specs, "new note in Recipes, call it Granny's flapjack: 1) 250g oats 2) 125g butter 3) 125g sugar 4) 3 "
                        "tbsp golden syrup",
                 '1. create_note(name="Granny\'s flapjack", content="1")\n2. run_python(code="print(round(250 / 250, 2))")'
                 '\n3. join()')
    assert out == ('1. create_note(name="Granny\'s flapjack", content="1) 250g oats 2) 125g butter 3) 125g sugar 4) 3 tbsp '
                   'golden syrup")\n2. join()<END_OF_PLAN>')


def test_a_meeting_at_a_place_needs_no_link(specs):
    plan = ('1. get_zoom_meeting_link(topic="Catch-up", start_time="the 10th at 11am")\n2. create_calendar_event(title='
            '"Catch-up", start_date="the 10th at 11am", location="the café downstairs")\n3. join()')
    assert "get_zoom_meeting_link" not in _ruled(specs, "Would you set up a 30-minute catch-up with Lucas on the 10th at "
                                                        "11am, at the café downstairs?", plan)
    assert "get_zoom_meeting_link" in _ruled(specs, "set up a video catch-up with Lucas on the 10th at 11am, at the café "
                                                    "downstairs", plan)


@pytest.mark.parametrize("query, plan, tool", [
    ("find the team handbook", '1. search_documents(query="team handbook")\n2. join()', "open_and_get_file_path"),
    ("where did I save the falcon q3 report, find it", '1. search_documents(query="Falcon Q3 report")\n2. join()',
     "open_and_get_file_path"),
    ("find the part about expenses in the team handbook", '1. search_documents(query="expenses team handbook")\n2. join()',
     "search_documents"),                                                  # what the document says: searched
])
def test_a_file_asked_for_itself_is_found_by_name(specs, query, plan, tool):
    assert _ruled(specs, query, plan).startswith(f"1. {tool}(")


@pytest.mark.parametrize("query, earlier, again", [
    ("by metro", "how do i get to the innovation centre in Parque das Nacoes?",
     "how do i get to the innovation centre in Parque das Nacoes by metro"),
    ("and walking?", "directions from alfama to belem", "directions from alfama to belem walking"),
    ("by metro", "text priya hi", None),                                   # no way asked before
])
def test_a_way_to_go_plans_the_directions_again_that_way(query, earlier, again):
    from tinyagent.nodes.rules.corrections import request_again
    out = request_again(query, [earlier], [], "")
    assert (out[0] if out else None) == again


def test_email_what_you_find_sends_what_the_search_found(specs):
    out = _ruled(specs, "Could you check what the handbook says about lost laptops and email what you find to James?",
                 '1. search_documents(query="handbook lost laptops")\n2. get_email_address(name="James")\n'
                 '3. compose_new_email(recipients=["$2"], context="What you find to James")\n4. join()')
    assert 'compose_new_email(recipients=["$2"], context="$1")' in out


def test_an_online_meeting_planned_as_an_event_is_a_link(specs):
    plan = ('1. get_email_address(name="James")\n2. get_email_address(name="Priya")\n3. create_calendar_event(title='
            '"Online meeting", start_date="tomorrow 3pm", invitees=["$1", "$2"])\n4. join()')
    out = _ruled(specs, "make online meeting tomorrow 3pm with James and Priya for talk about the pilot schools", plan)
    assert 'get_zoom_meeting_link(topic="Online meeting", start_time="tomorrow 3pm", meeting_invitees=["$1", "$2"])' in out
    assert "create_calendar_event" not in out
    kept = _ruled(specs, "put an online meeting with James and Priya in my calendar tomorrow 3pm", plan)
    assert "create_calendar_event" in kept                                # a calendar asked for: the event stays


def test_and_remind_me_written_into_a_message_is_a_reminder(specs):
    out = _ruled(specs, "forward the landscaper's quote to my accountant Lucas and remind me to decide on it by the 12th",
                 '1. get_email_address(name="Lucas")\n2. forward_email(recipients=["$1"], context="Remind me to decide on '
                 'it by the 12th")\n3. join()')
    assert 'create_reminder(name="Decide on it", due_date="the 12th")' in out and "Remind me" not in out


def test_the_person_texted_gets_a_text_and_the_person_emailed_an_email(specs):
    plan = ('1. get_email_address(name="Omar")\n2. compose_new_email(recipients=["$1"], context="The 14th works")\n'
            '3. get_email_address(name="Lucas")\n4. compose_new_email(recipients=["$3"], context="The invoice is paid")\n'
            '5. join()')
    out = _ruled(specs, "email Omar the landscaper that the 14th works, and text Lucas my accountant that the invoice "
                        "is paid", plan)
    assert 'get_phone_number(name="Lucas")' in out and 'send_sms(recipients=["$3"], message="The invoice is paid")' in out
    assert 'compose_new_email(recipients=["$1"]' in out


def test_text_the_total_sends_the_sum(specs):
    out = _ruled(specs, "1) what's 1250 + 480 2) text the total to Lucas", '1. run_python(code="print(1250 + 480)")\n'
                 '2. get_phone_number(name="Lucas")\n3. send_sms(recipients=["$2"], message="The total is: $#3")\n4. join()')
    assert 'send_sms(recipients=["$2"], message="$1")' in out


def test_email_two_people_a_file_attaches_it(specs):
    plan = ('1. get_email_address(name="priya")\n2. get_email_address(name="david")\n3. compose_new_email(recipients='
            '["$1", "$2"], subject="Lisbon itinerary", context="The itinerary")\n4. join()')
    out = _ruled(specs, "email priya and david the lisbon itinerary", plan)
    assert 'open_and_get_file_path(file_name="lisbon itinerary")' in out and "attachments" in out


@pytest.mark.parametrize("query, attach", [
    ("write email to Lucas Martin, I want to ask him can he send me the invoice also as pdf", False),
    ("email tom and ask if he can send the contract", False),         # what he is asked to send
    ("could you send tom the contract", True),
])
def test_a_file_someone_else_is_asked_to_send_is_not_attached(query, attach):
    from tinyagent.nodes.request.asks import asks_to_attach
    assert asks_to_attach(query) is attach


@pytest.mark.parametrize("query, plan, has, lacks", [
    ("Please reply to Omar's quote for the garden and tell him the 14th suits us.",
     '1. reply_to_email(context="The 14th suits us")\n2. create_reminder(name="The 14th", due_date="the 14th")\n3. join()',
     "reply_to_email", "create_reminder"),                                  # dev6: a reminder made of the reply's words
    ("In the itinerary, what we do on wednesday?", '1. create_calendar_event(title="In the itinerary", start_date='
     '"wednesday")\n2. search_documents(query="itinerary wednesday")\n3. join()', "search_documents", "create_calendar"),
    ("Create a 30-minute video meeting on Wednesday at 9 with Sarah Lee and Lucas Martin regarding the project budget.",
     '1. get_zoom_meeting_link(topic="Project budget", start_time="Wednesday at 9")\n2. create_calendar_event(title='
     '"Project budget", start_date="Wednesday at 9", location="$1")\n3. join()', 'meeting_invitees=["$1", "$2"]',
     "create_calendar"),
    ("open the team hand book", "1. join()", 'open_and_get_file_path(file_name="team handbook")', "summarize"),
    ("just open the lisbon itinerary for me, no need to summarise it", '1. open_and_get_file_path(file_name="lisbon '
     'itinerary")\n2. summarize_pdf(pdf_path="$1")\n3. join()', "open_and_get_file_path", "summarize_pdf"),
    ("how much is 15 percent of 480, and text that number to Lucas", '1. run_python(code="print(15 / 100 * 480)")\n'
     '2. get_phone_number(name="Lucas")\n3. send_sms(recipients=["$2"], message="Number to 15 percent of 480")\n4. join()',
     'message="$1"', "Number to"),
])
def test_dev6_first_run(specs, query, plan, has, lacks):
    out = _ruled(specs, query, plan)
    assert has in out and lacks not in out
