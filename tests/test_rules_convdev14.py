"""What the fourteenth and fifteenth development conversation sets (bench/conversations_dev14_cases.py, _dev15_cases.py)
met on their first runs, put right where a rule is exact: courtesy titles before names, lengths, a link sent by text."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from langchain_core.tools import ToolException

from tests.fakes import ruled as _ruled


@pytest.mark.parametrize("query, plan, want", [
    # the period of "Mrs." ended the sentence: the forward went to the email's sender, then to a contact "Mrs"
    ("Please forward the letter from Mr. Omar Haddad about the garden to Mrs. Nina Kowalski. She wanted to see what he "
     "is charging.",
     '1. get_email_address(name="Mr Omar Haddad")\n2. forward_email(recipients=["$1"], context="The garden", '
     'message_id="letter from")\n3. join()', 'get_email_address(name="Mrs. Nina Kowalski")'),
    ("Would you please send on the email about the third quarter report to Mr. James O'Brien. I believe there is a "
     "document with it; please make sure it goes along too.",
     '1. compose_new_email(recipients=["$2"], subject="Third quarter report", context="I believe there is a document")'
     '\n2. search_documents(query="document")\n3. join()', 'get_email_address(name="Mr. James O\'Brien")'),
])
def test_a_titled_name_is_the_person_it_names(specs, query, plan, want):
    assert want in _ruled(specs, query, plan)


def test_contacts_are_found_with_a_courtesy_title(make_tools):
    tools = make_tools()
    assert tools["get_email_address"].invoke({"name": "Mrs Sarah Lee"}) == "sarah.lee@example.com"
    assert tools["get_phone_number"].invoke({"name": "Ms. Sarah Chen"}) == "+1-555-0102"
    with pytest.raises(ToolException, match="No contact named 'Mr Oliver Bennett'"):
        tools["get_phone_number"].invoke({"name": "Mr Oliver Bennett"})


def test_an_end_that_repeats_the_start_is_the_default_hour(tools_workspace, make_tools):
    from tests.test_tools_calendar import _components

    make_tools()["create_calendar_event"].invoke(
        {"title": "Design review", "start_date": "2026-12-04 14:00", "end_date": "2026-12-04 14:00"})
    (event,) = _components(tools_workspace / "calendar.ics", "VEVENT")
    assert event.decoded("DTEND") == datetime(2026, 12, 4, 15)


def test_a_length_said_after_its_unit_and_for_a_link_and_its_event(specs):
    out = _ruled(specs, "Please put my hair appointment in the calendar on the 3rd of December at ten o'clock in the "
                        "morning. It takes about an hour and a half.",
                 '1. create_calendar_event(title="Hair appointment", start_date="the 3rd of December at ten o\'clock '
                 'in the morning")\n2. join()')
    assert 'end_date="an hour and a half"' in out
    both = _ruled(specs, "half an hour call with James on Friday at 9, put it on the calendar",
                  '1. get_zoom_meeting_link(topic="James", start_time="Friday at 9")\n'
                  '2. create_calendar_event(title="James", start_date="Friday at 9", location="$1")\n3. join()')
    assert "duration=30" in both and 'end_date="half an hour"' in both


def test_an_event_titled_only_by_its_length_is_named_by_what_it_is(specs):
    out = _ruled(specs, "book a 30 min call with James O'Brien wed 9:30, invite him",
                 '1. get_email_address(name="James O\'Brien")\n2. create_calendar_event(title="30 minutes", '
                 'start_date="wed 9:30", invitees=["$1"])\n3. join()')
    assert 'title="Call with James O\'Brien"' in out and 'end_date="30 min"' in out
    kept = _ruled(specs, "90 min budget workshop on wednesday from 1pm",
                  '1. create_calendar_event(title="90 min budget workshop", start_date="wednesday from 1pm")\n2. join()')
    assert 'title="90 min budget workshop"' in kept


def test_a_meeting_link_is_never_the_recipient_of_its_text(specs):
    out = _ruled(specs, "get me a jitsi link for a call w/ Yuki tmrw 4pm and text it to her",
                 '1. get_zoom_meeting_link(topic="Call", start_time="tmrw 4pm")\n'
                 '2. send_sms(recipients=["$1"], message="The result is $1")\n3. join()')
    assert 'get_phone_number(name="Yuki")' in out and re.search(r'send_sms\(recipients=\["\$\d"\], message="\$2"\)', out)


@pytest.mark.parametrize("query, only", [
    ("Thank you, you are a big help! Have a nice evening.", True),   # dev11-domains: planned as a look-up
    ("great thanks so much", True),
    ("hi there", True),
    ("thanks, and text her too", False),
    ("Thank you. Could you put it in my calendar, then?", False),
    ("ok book it", False),
])
def test_a_request_that_only_thanks_asks_for_nothing(query, only):
    from tinyagent.nodes.rules.opening import only_pleasantry

    assert only_pleasantry(query) is only


def _joined(plan: str) -> str:
    """``plan`` with its join() step."""
    return f"{plan}\n{plan.count(chr(10)) + 2}. join()"


@pytest.mark.parametrize("query, plan, want, unwanted", [
    # the calendar asked for: the link becomes the event where no link is asked
    ("put hangout w nina on my cal sat 3pm for like 2 hrs", '1. get_zoom_meeting_link(topic="Hangout", start_time="sat 3pm")',
     ['create_calendar_event(title="Hangout", start_date="sat 3pm", end_date="2 hrs")'], ["get_zoom_meeting_link"]),
    # a meeting made, and a link asked for it: both
    ("Set up a meeting with Elena on Friday at 11am about the new logo, and get me a video link for it",
     '1. get_email_address(name="Elena")\n2. create_calendar_event(title="New logo", start_date="Friday at 11am", '
     'end_date="Friday at 11am", notes="$1")',
     ['get_zoom_meeting_link(topic="New logo", start_time="Friday at 11am", meeting_invitees=["$1"])',
      'create_calendar_event(title="New logo", start_date="Friday at 11am", invitees=["$1"], notes="$2")'], []),
    # the invite sent by email: the event, and the email that carries it
    ("I want to make a meeting with Priya and Marcus Tuesday at 10 for the sensors, please send to them the invite by "
     "email",
     '1. get_email_address(name="Priya")\n2. get_email_address(name="Marcus Tuesday at 10")\n3. compose_new_email('
     'recipients=["$1", "$2"], subject="Sensor invite", context="Send them the invite")',
     ['get_email_address(name="Marcus")', 'create_calendar_event(title="Sensors", start_date="Tuesday at 10", '
      'invitees=["$1", "$2"])', 'compose_new_email(recipients=["$1", "$2"], subject="Sensor invite", context="$3")'], []),
    # the link sent to both
    ("jitsi link for a pipeline review w/ Marcus and Priya tomorrow 4pm, send it to both",
     '1. get_email_address(name="Marcus")\n2. get_email_address(name="Priya")\n3. create_calendar_event(title="Pipeline '
     'review", start_date="tomorrow 4pm", end_date="tomorrow 4pm", invitees=["$1", "$2"])',
     ['compose_new_email(recipients=["$1", "$2"], subject="Pipeline review", context="$3")'], ["create_calendar_event"]),
    # no calendar wanted
    ("Would it be possible to set up an online meeting with Yuki Tanaka on Friday at 3pm to go over my questions on the "
     "firmware, and then email her the link? I don't need it in the calendar, I'll remember it.",
     '1. get_email_address(name="Yuki Tanaka")\n2. compose_new_email(recipients=["$1"], context="Go over my questions on '
     'the firmware")\n3. create_calendar_event(title="Yi-Tanaka", start_date="Friday at 3pm")',
     ["get_zoom_meeting_link", 'compose_new_email(recipients=["$1"], context="$2")'], ["create_calendar_event"]),
    # two links at the one time, three people invited and mailed
    ("Set up a Falcon budget meeting with Sarah, Marcus and Priya on Wednesday at 1pm: put it in my calendar with the "
     "three of them invited, make a meeting link and email everyone the link.",
     '1. get_email_address(name="Sarah")\n2. get_email_address(name="Marcus")\n3. get_zoom_meeting_link(topic="Falcon '
     'budget", start_time="Wednesday at 1pm", meeting_invitees=["$1", "$2"])\n4. create_calendar_event(title="Falcon '
     'budget", start_date="Wednesday at 1pm")\n5. get_email_address(name="Priya")\n6. get_zoom_meeting_link(topic='
     '"Photography", start_time="Wednesday at 1pm", meeting_invitees=["$5"])\n7. create_calendar_event(title='
     '"Photography", start_date="Wednesday at 1pm")',
     ['meeting_invitees=["$1", "$2", "$3"]', 'compose_new_email(recipients=["$1", "$2", "$3"]'], ["Photography"]),
    ("Quarterly all-hands Dec 10 9:30-11am. Invite: Sarah, Marcus, Priya, James, Yuki",
     '1. get_email_address(name="Sarah")\n2. create_calendar_event(title="Quarterly all-hands", start_date="Dec 10 9:30", '
     'invitees=["$1"])\n3. get_email_address(name="Priya")',
     ['get_email_address(name="Yuki")', 'invitees=["$1", "$2", "$3", "$4", "$5"]'], []),
])
def test_a_meeting_gets_the_parts_the_request_asks_for(specs, query, plan, want, unwanted):
    out = _ruled(specs, query, _joined(plan))
    assert all(w in out for w in want), out
    assert not any(u in out for u in unwanted), out


@pytest.mark.parametrize("query, plan", [
    # a note's agenda, a diary to start, an advent calendar: no meeting
    ("make a note Steering committee agenda: budget overrun, vendor shortlist, go-live date. meeting is tomorrow",
     '1. create_note(name="Steering committee agenda", content="Budget overrun, vendor shortlist, go-live date.")'),
    ("remind me to start the advent calendar on the 1st", '1. create_reminder(name="start the advent calendar", '
                                                           'due_date="the 1st")'),
    # "email" the noun, not a send: the invite is the event
    ("get ciaras email n invite her to the launch party dec 18 7pm",
     '1. get_email_address(name="ciara")\n2. create_calendar_event(title="launch party", start_date="dec 18 7pm", '
     'invitees=["$1"])'),
])
def test_no_meeting_part_is_added_where_none_is_asked(specs, query, plan):
    out = _ruled(specs, query, _joined(plan))
    assert out.count("\n") == plan.count("\n") + 1, out


@pytest.mark.parametrize("query, plan, want", [
    ("add to my ideas: CRM integration pitch for Becker & Sons",
     '1. get_email_address(name="Becker")\n2. compose_new_email(recipients=["$1"], context="CRM integration pitch")',
     '1. append_note_content(name="ideas", content="CRM integration pitch for Becker & Sons")'),
    ("Could you please add 'a birthday card for Nina' to my shopping list? Thank you ever so much.",
     '1. create_reminder(name="Add a birthday card for Nina", notes="Thank you!")',
     '1. append_note_content(name="shopping list", content="A birthday card for Nina")'),
    ("In my meeting notes put also: Lucas wants the payment before 20 December", '1. search_documents(query="Lucas")',
     '1. append_note_content(name="meeting notes", content="Lucas wants the payment before 20 December")'),
])
def test_a_line_added_to_a_named_note_is_appended_to_it(specs, query, plan, want):
    assert _ruled(specs, query, _joined(plan)) == want + "\n2. join()<END_OF_PLAN>"


@pytest.mark.parametrize("query, plan", [
    ("add a reminder to my shopping list for oat milk", '1. create_reminder(name="Oat milk", list_name="shopping")'),
    ("add to my work calendar: quarterly review with the director, 11 december 14:00", '1. create_calendar_event('
     'title="Quarterly review with the director", start_date="11 December 14:00")'),
])
def test_a_reminder_list_or_a_calendar_is_no_note(specs, query, plan):
    assert "append_note_content" not in _ruled(specs, query, _joined(plan))


@pytest.mark.parametrize("query, plan, want", [
    ("show me the email from David Kim", '1. get_email_address(name="David Kim")',
     '1. search_documents(query="the email from David Kim")'),
    ("what's in the offsite agenda email?", '1. get_email_address(name="offsite agenda")',
     '1. search_documents(query="the offsite agenda email")'),
    # the model's search without the sender: the person's words, which name him
    ("what did marcus say about the new firmware?", '1. search_documents(query="new firmware")',
     '1. search_documents(query="what did marcus say about the new firmware")'),
])
def test_a_request_to_see_an_email_searches_the_inbox(specs, query, plan, want):
    assert _ruled(specs, query, _joined(plan)) == want + "\n2. join()<END_OF_PLAN>"


@pytest.mark.parametrize("query, plan", [
    ("read this email out loud", '1. search_documents(query="this email")'),
    ("open my Meeting notes note and email its contents to Ferdinand",
     '1. open_note(name="Meeting notes")\n2. get_email_address(name="Ferdinand")\n3. compose_new_email(recipients=["$2"], '
     'subject="Meeting notes", context="$1")'),
    ("find the email addresses of both Ottilie Brandt and Caspar Brandt",
     '1. get_email_address(name="Ottilie Brandt")\n2. get_email_address(name="Caspar Brandt")'),
])
def test_no_inbox_search_where_the_request_acts_or_asks_an_address(specs, query, plan):
    assert _ruled(specs, query, _joined(plan)) == _joined(plan) + "<END_OF_PLAN>"


def test_a_question_for_a_number_is_planned_an_action_on_an_email_is_not():
    from tinyagent.nodes.rules.opening import asks_for_contact

    assert asks_for_contact("what's Tom Becker's cell") and asks_for_contact("can you find aisha's email address?")
    assert not asks_for_contact("delete omar's email, not interested")
    assert not asks_for_contact("change my password of email")


def test_a_note_of_a_list_written_out_holds_the_whole_list(specs):
    out = _ruled(specs, "Create note 'Supplies order' with:\n- printer paper\n- toner\n- sticky notes",
                 _joined('1. create_note(name="Supplies order", content="Printer paper", folder="Sticky notes")'))
    assert out.startswith('1. create_note(name="Supplies order", content="- printer paper\\n- toner\\n- sticky notes")')


def test_send_her_an_email_after_a_look_up_is_a_new_email(specs):
    out = _ruled(specs, "Thank you. Would you send her an email to ask whether my appointment is still at half past nine?",
                 _joined('1. reply_to_email(context="Thank you")\n2. get_email_address(name="Aisha Okafor")'),
                 context="User: Could you please tell me the email address of Aisha Okafor?\n"
                         "Assistant: The email address of Aisha Okafor is aisha.okafor@example.com.")
    assert "reply_to_email" not in out and "compose_new_email" in out


def test_what_someone_wrote_in_an_email_is_searched_in_the_inbox(specs):
    out = _ruled(specs, "Sorry to bother you, but could you show me what Sarah wrote in her email about the offsite? I "
                        "can't quite remember whether it mentioned anything we were supposed to bring along.",
                 _joined('1. get_email_address(name="Sarah")\n2. reply_to_email(context="The offsite")\n'
                         '3. search_documents(query="weapons")'))
    assert out.startswith('1. search_documents(query="what Sarah wrote in her email about the offsite?') and "reply" not in out


@pytest.mark.parametrize("query, plan, code", [
    ("run this python for me: nums = [4, 8]; print(nums[5])", '1. run_python(code="print(sum([4, 8]))")',
     "nums = [4, 8]; print(nums[5])"),
    ("Could you run this little bit of Python for me? I'm double-checking an average I computed by hand: "
     "scores = [4, 5, 3]; print(sum(scores) / len(scores[3:]))",
     '1. run_python(code="print(sum([score for score in scores])))")',
     "scores = [4, 5, 3]; print(sum(scores) / len(scores[3:]))"),
])
def test_python_the_person_wrote_runs_as_written(specs, query, plan, code):
    # (its error is the answer: IndexError, ZeroDivisionError)
    assert _ruled(specs, query, _joined(plan)).startswith(f'1. run_python(code="{code}")')


@pytest.mark.parametrize("query, earlier, looked_up, again", [
    ("Sorry, I've just realised I meant Thursday, not Wednesday; the committee meeting got pushed back.",
     "Could you set a reminder for me to send my supervisor the chapter draft on Wednesday at 9?", [],
     "Could you set a reminder for me to send my supervisor the chapter draft on Thursday at 9?"),
    ("Oh dear, I am sorry, I meant Mrs. Aisha Okafor, not Mrs. Kowalski.",
     "Please send a text message to Mrs. Nina Kowalski saying I shall be a little late on Thursday.",
     ["Mrs Nina Kowalski"], "Please send a text message to Aisha Okafor saying I shall be a little late on Thursday."),
    ("wait no, the lisbon itinerary, not the q3", "email david kim the q3 report", ["david kim"],
     "email david kim the lisbon itinerary"),
    ("sorry - the Q3 report, not the handbook", "Email Sarah the team handbook", ["Sarah"], "Email Sarah the Q3 report"),
])
def test_a_correction_with_apologies_and_reasons_is_the_request_again(query, earlier, looked_up, again):
    from tinyagent.nodes.rules.corrections import request_again

    assert request_again(query, [earlier], looked_up, "")[0] == again


@pytest.mark.parametrize("query, plan, want", [
    ("text Maria at Northwind the new pricing is live",
     '1. get_phone_number(name="Maria")\n2. send_sms(recipients=["Northwind"], message="The new pricing is live")',
     'get_phone_number(name="Maria")'),
    ("Please send a text message to my grandson, Mr. Oliver Bennett, saying happy birthday from Grandma.",
     '1. get_phone_number(name="Grandma")\n2. send_sms(recipients=["$1"], message="Happy birthday from Grandma")',
     'get_phone_number(name="Mr. Oliver Bennett")'),
])
def test_the_person_is_not_their_firm_nor_a_name_in_the_message(specs, query, plan, want):
    out = _ruled(specs, query, _joined(plan))
    assert want in out and "Northwind" not in out.split("send_sms")[0] and 'name="Grandma"' not in out


def test_two_messages_each_keep_their_person(specs):
    out = _ruled(specs, "Please send a text to Pieter saying the keys are under the mat, and another to Joost saying the "
                        "wifi password is on the fridge.",
                 _joined('1. get_phone_number(name="Pieter")\n2. send_sms(recipients=["$1"], message="The keys are under '
                         'the mat.")\n3. get_phone_number(name="Joost")\n4. send_sms(recipients=["$3"], message="The wifi '
                         'password is on the fridge.")'))
    assert 'get_phone_number(name="Joost")' in out


@pytest.mark.parametrize("query, context, plan, want", [
    ("email that list to Elena",
     "User: what's on my shopping list?\nResult: open_note(name='shopping list') -> # Shopping list - oat milk\n"
     "Assistant: The note (shopping list): # Shopping list - oat milk",
     '1. compose_new_email(recipients=["$2"])\n2. get_email_address(name="Elena")',
     ['open_note(name="shopping list")', 'context="$1"']),
    ("pls text the list to James",
     "User: Create note 'Supplies order' with:\n- printer paper\n- toner\nResult: create_note(name='Supplies order', "
     "content='- printer paper') -> Created note 'Supplies order'\nAssistant: Created note 'Supplies order'.",
     '1. send_sms(recipients=["James"], message="The list to James")',
     ['open_note(name="Supplies order")', 'message="$1"']),
])
def test_the_list_sent_on_is_the_notes_text(specs, query, context, plan, want):
    out = _ruled(specs, query, _joined(plan), context=context)
    assert all(w in out for w in want), out


def test_a_link_asked_after_an_event_is_that_events_link(specs):
    context = ("User: invite priya, james, yuki to eng all-hands fri 9am\nResult: create_calendar_event(title='Engagement') "
               "-> Created event 'Engagement' on Friday 4 December 2026, 09:00 to 10:00\n"
               "Assistant: Created event 'Engagement' on Friday 4 December 2026, 09:00 to 10:00 in calendar.ics.")
    out = _ruled(specs, "also get a link for it and email them",
                 _joined('1. get_email_address(name="priya")\n2. get_email_address(name="james")\n'
                         '3. get_email_address(name="yuki")\n4. compose_new_email(recipients=["$1", "$2", "$3"], '
                         'context="It is")'), context=context)
    assert 'get_zoom_meeting_link(topic="Engagement", start_time="2026-12-04 09:00", meeting_invitees=["$1", "$2", "$3"])' \
        in out and 'compose_new_email(recipients=["$1", "$2", "$3"], context="$4")' in out


def test_items_added_to_the_list_shown_then_the_whole_list_sent(specs):
    context = ("User: what's on my shopping list?\nResult: open_note(name='shopping list') -> # Shopping list - oat milk "
               "- coffee beans\nAssistant: The note (shopping list): # Shopping list - oat milk - coffee beans")
    out = _ruled(specs, "add nappies to it, then text the whole list to Tom, he's doing the shop",
                 _joined('1. append_note_content(name="nappies", content="$2")\n2. get_phone_number(name="Tom")\n'
                         '3. send_sms(recipients=["$2"], message="The whole list is on the phone to Tom")'), context=context)
    assert 'append_note_content(name="shopping list", content="Nappies")' in out
    assert 'message="# Shopping list - oat milk - coffee beans\\n- Nappies"' in out


def test_a_reply_to_someones_email_gets_no_new_email_to_them(specs):
    # convdev12: "Sarah Lee's email" is the email answered, not a new email asked for
    out = _ruled(specs, "Could you kindly reply to Sarah Lee's email about the offsite next week and tell her that I will "
                        "bring my walking boots and my laptop.",
                 _joined('1. reply_to_email(context="Send the reply to Sarah Lee")\n2. get_phone_number(name="Sarah Lee")\n'
                         '3. compose_new_email(recipients=["$2"], subject="Offsite", context="Tell her I will bring my walking '
                         'boots")'))
    assert out.count("\n") == 1 and out.startswith('1. reply_to_email(context="That I will bring my walking boots and my laptop"')


def test_a_follow_up_question_sends_nothing(specs):
    context = ("User: Could you summarise the Team Handbook PDF for me?\nResult: summarize_pdf(pdf_path='$1') -> Summary: "
               "This handbook explains how we work together\nAssistant: Summary: This handbook explains how we work together")
    out = _ruled(specs, "Thank you. What does it say I should do if I lose my laptop?",
                 _joined('1. reply_to_email(context="I should do if I lose my laptop?")\n'
                         '2. search_documents(query="handbook lost laptop")'), context=context)
    assert "reply_to_email" not in out and "search_documents" in out
    kept = _ruled(specs, "Thanks. Can you email that to Priya?", _joined('1. get_email_address(name="Priya")\n'
                  '2. compose_new_email(recipients=["$1"], context="Summary")'), context=context)
    assert "compose_new_email" in kept


def test_no_calendar_wanted_and_no_reminder_asked(specs):
    out = _ruled(specs, "Would it be possible to set up an online meeting with Yuki Tanaka on Friday at 3pm, and then email "
                        "her the link? I don't need it in the calendar, I'll remember it.",
                 _joined('1. get_email_address(name="Yuki Tanaka")\n2. get_zoom_meeting_link(topic="Firmware", '
                         'start_time="Friday at 3pm", meeting_invitees=["$1"])\n3. compose_new_email(recipients=["$1"], '
                         'context="$2")\n4. create_reminder(name="Remember")'))
    assert "create_reminder" not in out and "get_zoom_meeting_link" in out


@pytest.mark.parametrize("query, earlier, looked_up, again", [
    ("actually make it 1400", "Put the gas safety check at Nina's flat in my calendar for the 12th at 10", [],
     "Put the gas safety check at Nina's flat in my calendar for the 12th 14:00"),
    ("no sorry, priya, not marcus", "text marcus running 10 late", ["marcus"], "text priya running 10 late"),
    ("ach no, I meant the Q3 report, not the handbook", "email Elena the team handbook", ["Elena"],
     "email Elena the Q3 report"),
])
def test_corrections_of_the_sixteenth_set(query, earlier, looked_up, again):
    from tinyagent.nodes.rules.corrections import request_again

    assert request_again(query, [earlier], looked_up, "")[0] == again


@pytest.mark.parametrize("query, plan, want", [
    ("find where the team handbook talks about lost devices", '1. search_documents(query="team handbook")',
     'search_documents(query="team handbook lost devices")'),
    ("What time have I to be out of the hotel on the Thursday? It'll be in the Lisbon itinerary",
     '1. search_documents(query="Lisbon itinerary")', 'search_documents(query="Lisbon itinerary out hotel thursday")'),
])
def test_a_document_named_after_its_question_is_searched_for_what_it_asks(specs, query, plan, want):
    assert want in _ruled(specs, query, _joined(plan))


def test_the_sixteenth_sets_names_and_emails(specs):
    from tinyagent.nodes.rules.opening import unserved_action

    # the person whose email is answered, when no email of theirs is there, is still the one named: the reply fails
    out = _ruled(specs, "reply to Aisha's email and say yes that's fine",
                 _joined('1. get_email_address(name="Aisha")\n2. reply_to_email(cc=["$1"], context="Yes that\'s fine")'))
    assert out.startswith('1. reply_to_email(context="Yes that\'s fine", message_id="Aisha\'s email")')
    context = ("User: Email Tom Becker that the boiler engineer is coming on the 12th\nResult: get_email_address(name="
               "'Tom Becker') -> tom.becker@example.com\nAssistant: Saved email 'Boiler' to tom.becker@example.com")
    assert 'get_phone_number(name="Tom Becker")' in _ruled(specs, "text him too",
                                                            _joined('1. send_sms(recipients=["too"], message="Tell him")'),
                                                            context=context)
    assert unserved_action("would you ever ring Tom Becker for me, the line's bad on my phone", specs.values()) == "ring"


@pytest.mark.parametrize("query, plan, want", [
    ("Set up a meeting with Omar Wednesday 0900 for 45 minutes about the garden at number 12, invite him and email him "
     "about it", '1. create_calendar_event(title="Meet Omar", start_date="Wednesday 0900", end_date="for 45 minutes")\n'
     '2. get_email_address(name="Omar")\n3. compose_new_email(recipients=["$2"], subject="Garden", context="About it")',
     'create_calendar_event(title="Meet Omar", start_date="Wednesday 0900", end_date="for 45 minutes", invitees=["$1"])'),
    ("meeting link for handover with aisha 1930 tonight, text it to her",
     '1. get_email_address(name="aisha")\n2. get_phone_number(name="aisha")\n3. send_sms(recipients=["$2"], message="$1")',
     'send_sms(recipients=["$2"], message="$3")'),
    ("video call with Sarah and Marcus tmrw 1400 re the rota, email them both the link",
     '1. get_email_address(name="Sarah")\n2. get_email_address(name="Marcus")\n3. get_zoom_meeting_link(topic="ROTA", '
     'start_time="tmrw 1400", meeting_invitees=["$1", "$2"])\n4. compose_new_email(recipients=["$1"], subject="ROTA", '
     'context="Join the Zoom meeting on ROTA")', 'compose_new_email(recipients=["$1", "$2"], subject="ROTA", context="$3")'),
    ("get me a meeting link for a catch-up with Elena on Friday at 1530, 30 mins, and put it in my calendar",
     '1. get_email_address(name="Elena")\n2. create_calendar_event(title="Meet with Elena", start_date="Friday at 1530", '
     'end_date="Friday at 1530", location="$1")\n3. get_zoom_meeting_link(topic="Catch-up", start_time="Friday at 1530", '
     'duration=30)\n4. create_calendar_event(title="Meet with Elena", start_date="Friday at 1530", location="$3")',
     'create_calendar_event(title="Meet with Elena", start_date="Friday at 1530", end_date="30 mins", invitees=["$1"])'),
])
def test_meetings_of_the_sixteenth_set(specs, query, plan, want):
    out = _ruled(specs, query, _joined(plan))
    assert want in out and out.count("create_calendar_event") <= 1, out


def test_a_meeting_titled_only_as_a_meeting_is_titled_by_what_it_is_about(specs):
    out = _ruled(specs, "would you ever set up a wee meeting with Priya and Yuki on Thursday at 2 about the pilot schools? "
                        "no video, just in the calendar",
                 _joined('1. get_email_address(name="Priya")\n2. get_email_address(name="Yuki")\n'
                         '3. create_calendar_event(title="Wee meeting", start_date="Thursday at 2")'))
    assert 'title="Pilot schools"' in out
    kept = _ruled(specs, "zoom for a quick catch-up with Luca tomorrow at 12, text him the link",
                  _joined('1. get_zoom_meeting_link(topic="Quick catch-up", start_time="tomorrow at 12")'))
    assert 'topic="Quick catch-up"' in kept
