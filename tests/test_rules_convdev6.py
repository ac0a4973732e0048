"""What the sixth development conversation set (bench/conversations_dev6_cases.py) met on its first run, put right
where a rule is exact: who "her" is after a declined turn or an event named for someone, "invite them both" after an
email to two people (nodes/rules/followups.py, invitees.py, unstated.py)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled

DECLINED = "Assistant: I can't do that: none of my tools can ring (the nearest of my tools: send sms). Nothing was run."


@pytest.mark.parametrize("earlier, query, plan, who", [
    ("ring priya on her mobile pls", "ok then text her that i'll call at 2 instead",
     '1. send_sms(recipients=["her"], message="I\'ll call at 2")\n2. join()', "priya"),
    ("send nina the book club reading list", "ah ok, you don't have it. text her i'll bring a copy on thursday then",
     '1. get_phone_number(name="Nothing")\n2. send_sms(recipients=["$1"], message="I\'ll bring a copy")\n3. join()', "nina"),
])
def test_her_after_a_declined_ask_is_the_person_it_named(specs, earlier, query, plan, who):
    out = _ruled(specs, query, plan, context=f"User: {earlier}\n{DECLINED}")
    assert out.startswith(f'1. get_phone_number(name="{who}")')


def test_her_after_an_event_named_for_someone_is_that_person(specs):
    context = ("User: add Nina's housewarming on saturday 7pm\nResult: create_calendar_event(title=\"Nina's housewarming\", "
               "start_date='saturday 7pm') -> Created event 'Nina's housewarming' on Saturday 5 December 2026, 19:00 to "
               "20:00 in calendar.ics.\nAssistant: Created event 'Nina's housewarming' on Saturday 5 December 2026.")
    out = _ruled(specs, "text her i'll bring wine",
                 '1. get_phone_number(name="Saturday")\n2. send_sms(recipients=["$1"], message="I\'ll bring wine")\n3. join()',
                 context=context)
    assert out.startswith('1. get_phone_number(name="Nina")')


def test_invite_them_both_invites_the_people_emailed_before(specs):
    context = ("User: email james and yuki asking who has the spare sensor boards\n"
               "Result: get_email_address(name='james') -> james.obrien@example.com\n"
               "Result: get_email_address(name='yuki') -> yuki.tanaka@example.com\n"
               "Assistant: Saved email 'Spare sensor boards' to james.obrien@example.com, yuki.tanaka@example.com.")
    plan = ('1. get_email_address(name="them")\n2. create_calendar_event(title="Quick sync", start_date="wednesday at 9:30")'
            '\n3. join()')
    out = _ruled(specs, "invite them both to a quick sync about it on wednesday at 9:30, 20 minutes", plan, context=context)
    assert 'get_email_address(name="james")' in out and 'get_email_address(name="yuki")' in out
    assert 'invitees=["$1", "$2"]' in out and "them both" not in out


def test_a_name_copied_with_the_words_around_it_is_the_name(specs):
    """"could you send it to omar too, he's doing the garden that week" looked up "omar too he", and the rule for "he"
    then put the earlier turn's Aisha there."""
    context = ("User: email aisha my lisbon itinerary\nResult: get_email_address(name='aisha') -> aisha.okafor@example.com\n"
               "Assistant: Saved email 'Itinerary' to aisha.okafor@example.com as a draft.")
    out = _ruled(specs, "could you send it to omar too, he's doing the garden that week",
                 '1. get_email_address(name="omar too he")\n2. compose_new_email(recipients=["$1"], context="Garden")\n3. join()',
                 context=context)
    assert out.startswith('1. get_email_address(name="omar")')


@pytest.mark.parametrize("query, plan, who", [
    ("what's nina's email", '1. get_email_address(name="Lisbon")\n2. join()', "nina"),
    ("send that to priya as well", '1. get_email_address(name="Prototype")\n2. compose_new_email(recipients=["$1"], '
     'context="The prototype enclosures are in the storage room")\n3. join()', "priya"),
    ("send that to her as well", '1. get_email_address(name="Priya")\n2. compose_new_email(recipients=["$1"], '
     'context="The prototype enclosures are in the storage room")\n3. join()', "Priya"),  # no one named: as planned
])
def test_the_one_person_the_request_names_is_looked_up(specs, query, plan, who):
    context = ("User: email marcus: the prototype enclosures are in the storage room now\nResult: compose_new_email("
               "recipients=['$1'], context='The prototype enclosures are in the storage room') -> Saved email 'Prototype "
               "enclosures' to marcus.chen@example.com as a draft.\nAssistant: Saved email 'Prototype enclosures' to "
               "marcus.chen@example.com as a draft. The text: \"The prototype enclosures are in the storage room\"")
    out = _ruled(specs, query, plan, context=context)
    assert out.startswith(f'1. get_email_address(name="{who}")')


@pytest.mark.parametrize("query, plan, text, which", [
    ("sarah wrote me twice - answer the older one: I can bring the projector",
     '1. reply_to_email(context="Sarah wrote me twice")\n2. join()', "I can bring the projector", "older sarah"),
    ("Good morning! Could you kindly respond to Priya's lunch email and let her know I have a dentist appointment at noon "
     "that day, so I'll have to skip it this time?", '1. reply_to_email(context="Good morning")\n2. join()',
     "I have a dentist appointment at noon that day, so I'll have to skip it this time?", "priya's lunch"),
])
def test_a_reply_made_of_the_requests_other_words_gets_the_dictated_words(specs, query, plan, text, which):
    out = _ruled(specs, query, plan)
    assert f'context="{text}"' in out and f'message_id="{which}"' in out


def test_a_list_of_names_before_a_dash_is_every_recipient(specs):
    out = _ruled(specs, "forward the offsite agenda to marcus and yuki - add that we carpool from the office at 8",
                 '1. forward_email(recipients=["marcus"], context="We carpool from the office at 8")\n2. join()')
    assert 'get_email_address(name="yuki")' in out and 'recipients=["$1", "$2"]' in out


def test_many_thanks_to_the_person_a_forward_goes_to_is_no_second_email(specs):
    out = _ruled(specs, "Hi there, would you mind forwarding Lucas's invoice email to Priya Patel? She is collecting the "
                        "team's costs this month. Many thanks!",
                 '1. get_email_address(name="Lucas")\n2. forward_email(recipients=["$1"])\n3. get_email_address(name="Priya '
                 'Patel")\n4. compose_new_email(recipients=["$3"], subject="Team costs", context="Many thanks!")\n5. join()')
    assert "compose_new_email" not in out and 'get_email_address(name="Priya Patel")' in out


@pytest.mark.parametrize("query, file", [
    ("fwd the q3 draft to elena, and put the lisbon itinerary in too", "lisbon itinerary"),
    ("forward sarah's agenda for the offsite to Elena and stick the team handbook on it too", "team handbook"),
])
def test_a_file_put_in_beside_a_forward_is_attached(specs, query, file):
    out = _ruled(specs, query, '1. get_email_address(name="elena")\n2. forward_email(recipients=["$1"])\n3. join()')
    assert f'open_and_get_file_path(file_name="{file}")' in out and 'attachments=["$2"]' in out


def test_a_forward_of_an_email_that_has_files_attached_attaches_nothing_more(specs):
    query = ("Good evening. I'm told the email from the Royal Horticultural Society has our membership cards attached. "
             "Would you kindly forward it to my wife, Perpetua?")
    out = _ruled(specs, query, '1. get_email_address(name="Perpetua")\n2. forward_email(recipients=["$1"])\n3. join()')
    assert "attachments" not in out


def test_a_note_planned_as_a_text_goes_with_the_forward(specs):
    out = _ruled(specs, "send the garden work quote on to nina, with a note: this is the gardener I told you about at book club",
                 '1. get_phone_number(name="nina")\n2. send_sms(recipients=["$1"], message="This is the gardener I told you '
                 'about at book club")\n3. forward_email(recipients=["$2"])\n4. join()')
    assert "send_sms" not in out and 'context="This is the gardener I told you about at book club"' in out


@pytest.mark.parametrize("query, plan, has", [
    ("meeting notes: Priya books the italian place for friday lunch", "1. join()",
     'append_note_content(name="meeting notes", content="Priya books the italian place for friday lunch")'),
    ("shopping list += cat food, bin bags", '1. append_note_content(name="shopping list", content="Cat food")\n2. join()',
     'content="Cat food, bin bags"'),
    ("anything about portuguese in my ideas note?", "1. join()", 'open_note(name="ideas")'),
    ("what's on my reading list?", "1. join()", 'open_note(name="reading list")'),
])
def test_notes_named_first_or_asked_about(specs, query, plan, has):
    assert has in _ruled(specs, query, plan)


def test_quick_note_is_no_note_named_quick(specs):
    assert _ruled(specs, "quick note: call mum", "1. join()") == "1. join()<END_OF_PLAN>"


def test_mail_yuki_the_place_sends_the_answer_before(specs):
    context = ("User: where exactly is the partner workshop in lisbon?\nResult: search_documents(query='Partner workshop') "
               "-> [{'path': 'Documents/Sample/Lisbon_Trip_Itinerary.pdf', 'text': 'Tuesday: partner workshop at the "
               "innovation centre in Parque das Nacoes.', 'score': 0.9}]\nAssistant: From your documents (Partner workshop): "
               "Documents/Sample/Lisbon_Trip_Itinerary.pdf: Tuesday: partner workshop at the innovation centre in Parque "
               "das Nacoes.")
    out = _ruled(specs, "mail yuki the place, she's coming with me", '1. get_email_address(name="yuki")\n'
                 '2. compose_new_email(recipients=["$1"], subject="Workshop", context="Join the party")\n3. join()', context)
    assert "innovation centre in Parque das Nacoes" in out


def test_and_two_more_things_after_an_append_is_one_more_append(specs):
    context = ("User: add olive oil to the shopping list\nResult: append_note_content(name='Shopping', content='Olive oil') "
               "-> Appended to note 'Shopping list' in Notes/Shopping list.md. The text: \"Olive oil\"\nAssistant: Appended "
               "to note 'Shopping list' in Notes/Shopping list.md.")
    out = _ruled(specs, "and parmesan + pasta", '1. append_note_content(name="Parmesan", content="Floating Parmesan")\n'
                 '2. append_note_content(name="Pasta", content="$1")\n3. join()', context)
    assert out == '1. append_note_content(name="Shopping", content="Parmesan + pasta")\n2. join()<END_OF_PLAN>'


def test_text_marcus_both_numbers_sends_the_answer_before(specs):
    context = ("User: what was the target battery life for the falcon sensor?\nResult: search_documents(query='Target "
               "battery life') -> [{'path': 'Documents/Sample/Project_Falcon_Q3_Report.pdf', 'text': 'Battery life in "
               "the field trial reached nine months on two AA cells, above the target of six months.', 'score': 0.9}]\n"
               "Assistant: From your documents (Target battery life): Documents/Sample/Project_Falcon_Q3_Report.pdf: "
               "Battery life in the field trial reached nine months on two AA cells, above the target of six months.")
    out = _ruled(specs, "text marcus both numbers, the target and what the field trial got",
                 '1. get_phone_number(name="marcus")\n2. send_sms(recipients=["$1"], message="The target got")\n3. join()',
                 context)
    assert "nine months" in out and "six months" in out


def test_an_event_made_of_a_replys_words_is_dropped(specs):
    query = ("Good morning! Could you kindly respond to Priya's lunch email and let her know I have a dentist appointment "
             "at noon that day, so I'll have to skip it this time?")
    plan = ('1. reply_to_email(context="Good morning")\n2. create_calendar_event(title="Dentist appointment", '
            'start_date="morning", end_date="noon")\n3. join()')
    assert "create_calendar_event" not in _ruled(specs, query, plan)
    assert "create_calendar_event" in _ruled(specs, "reply to priya that I have a dentist appointment at noon, and put it "
                                                    "in my calendar", plan)


def test_send_that_to_priya_as_well_keeps_the_email_though_it_has_the_examples_words(specs):
    """convdev6: the planner copied the solved example's text ("Invoice 4471 ...") into the email, and the email was
    dropped as copied; the message is the one sent before (same_message_again), so the email stays."""
    from tinyagent.nodes.plans.planlang import compile_plan, format_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    context = ("User: email marcus: the prototype enclosures are in the storage room now\nResult: get_email_address(name="
               "'marcus') -> marcus.chen@example.com\nResult: compose_new_email(recipients=['$1'], subject='Prototype "
               "enclosures', context='The prototype enclosures are in the storage room') -> Saved email 'Prototype "
               "enclosures' to marcus.chen@example.com as a draft.\nAssistant: Saved email 'Prototype enclosures' to "
               "marcus.chen@example.com as a draft.")
    example = {"query": "email the accountant that invoice 4471 was paid",
               "plan": '1. get_email_address(name="accountant")\n2. compose_new_email(recipients=["$1"], subject='
                       '"Invoice 4471", context="Payment for invoice 4471 was processed this morning.")\n3. join()'}
    plan = ('1. get_email_address(name="Prototype")\n2. compose_new_email(recipients=["$1"], subject="Invoice 4471", '
            'context="Payment for invoice 4471 was processed this morning.")\n3. join()')
    out = format_plan(run_rules(compile_plan(plan, specs, loose=True),
                                Facts(specs, "send that to priya as well", context=context, examples=[example])))
    assert 'get_email_address(name="priya")' in out
    assert 'context="The prototype enclosures are in the storage room"' in out
