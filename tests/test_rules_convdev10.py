"""What the tenth and eleventh development conversation sets (bench/conversations_dev10_cases.py, _dev11_cases.py) met
on their first runs, put right where a rule is exact: replies that lost the words they were told to say."""

from __future__ import annotations

import re

import pytest

from tests.fakes import ruled as _ruled


@pytest.mark.parametrize("query, written, said", [
    # none of the words it was told to say
    ("reply to priyas lunch mail pls, tell her i cant do fri, on nights this week n sleep til 2", "Send her",
     "I cant do fri, on nights this week n sleep til 2"),
    ("Please reply to Omar for the garden quote, write him that 14th is okay for start and price is fine also.",
     "Send the garden quote", "14th is okay for start and price is fine also"),
    ("sarah emailed me twice, reply to the older one and tell her ill bring my hiking boots", "I told the older one",
     "Ill bring my hiking boots"),
    # only the words that name the email it answers
    ("reply to omar's quote, too pricey for me, can he do 1000 eur", "Omar's quote",
     "Too pricey for me, can he do 1000 eur"),
    # the first words, one of them mangled
    ("reply to sarah's q3 email: got it, reading it tonight", "Gotten it", "Got it, reading it tonight"),
])
def test_a_reply_says_what_it_was_told_to(specs, query, written, said):
    out = _ruled(specs, query, f'1. reply_to_email(context="{written}")\n2. join()')
    assert f'context="{said}"' in out


@pytest.mark.parametrize("query, plan", [
    # a paraphrase that shares a word with what was said stays
    ("that email from the bank about fraud - reply saying it wasnt me", '1. reply_to_email(context="It wasn\'t me.")'),
    ("tell them both we're 10 mins out", '1. get_phone_number(name="reza")\n2. send_sms(recipients=["$1"], '
                                         'message="We\'re 10 minutes out.")'),
    # two messages told: each keeps its own
    ("Please email Aurelio to say the proofs are approved, and email Jessamy to say the print run is 5,000 copies.",
     '1. get_email_address(name="Aurelio")\n2. compose_new_email(recipients=["$1"], context="The proofs are approved.")\n'
     '3. get_email_address(name="Jessamy")\n4. compose_new_email(recipients=["$3"], context="The print run is 5,000 copies.")'),
    # "say it my wife with sms": the words after "say" name the person texted, not the message
    ("I am coming late to the dinner, maybe 30 minutes. Please say it my wife with sms",
     '1. get_phone_number(name="wife")\n2. send_sms(recipients=["$1"], message="I am coming late to the dinner, maybe 30 minutes.")'),
    # the words after the email are which one ("the one about the trip"), not the message
    ("reply to the email from the school, the one about the trip, and say uh yes Amara can go",
     '1. reply_to_email(context="Yes, Amara can go.", message_id="from school")'),
])
def test_a_message_that_is_what_was_said_stays(specs, query, plan):
    out = _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()")
    texts = re.findall(r'(?:context|message)="((?:[^"\\]|\\.)*)"', plan)
    assert texts and all(f'"{t}"' in out for t in texts)


@pytest.mark.parametrize("query", ["invite yuki n james to code review tmrw 2pm", "invite yuki + james to code review tmrw 2pm"])
def test_invitees_joined_by_n_or_plus_are_each_looked_up(specs, query):
    out = _ruled(specs, query, '1. get_email_address(name="yuki")\n2. create_calendar_event(title="Code review", '
                               'start_date="tmrw 2pm")\n3. join()')
    assert 'get_email_address(name="yuki")' in out and 'get_email_address(name="james")' in out
    assert 'invitees=["$1", "$2"]' in out


def test_a_link_asked_to_be_emailed_is_made_first(specs):
    out = _ruled(specs, "Need a 30 min call w/ Lucas Thu 4pm re the invoice. Get a link and email it to him",
                 '1. get_email_address(name="Lucas")\n2. open_and_get_file_path(file_name="invoice")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Invoice", context="Join the 30-minute call with Lucas")\n'
                 '4. join()')
    assert out.splitlines()[:3] == [
        '1. get_email_address(name="Lucas")',
        '2. get_zoom_meeting_link(topic="Invoice", start_time="Thu 4pm", duration=30, meeting_invitees=["$1"])',
        '3. compose_new_email(recipients=["$1"], subject="Invoice", context="$2")']


def test_no_link_is_made_where_none_is_asked_for(specs):
    plan = ('1. get_email_address(name="Elena")\n2. compose_new_email(recipients=["$1"], subject="Logo review", '
            'context="Can we do a call about the logo review on Friday at 11am?")\n3. join()')
    out = _ruled(specs, "email Elena to ask for a call about the logo review Fri 11am", plan)
    assert "meeting_link" not in out


REMINDED = ("User: {0}\nResult: create_reminder(name='Call', due_date='tmrw 9am') -> Created reminder 'Call', due "
            "Tuesday 1 December 2026, 09:00 in reminders.ics.\nAssistant: Created reminder 'Call'.")


@pytest.mark.parametrize("query, plan, earlier, person", [
    ("text him too, say ill ring at 9", '1. get_phone_number(name="him")\n2. send_sms(recipients=["$1"], message="Ill ring at 9")',
     "Remind me call Tom re invoice tmrw 9am", "Tom"),
    # the words after "him" are what he is told, not his name
    ("also txt him ill call after my shift", '1. send_sms(recipients=["ill call after my shift"], message="Ill call after my shift")',
     "remind me 2morrow 1600 to call lucas re invoice", "lucas"),
])
def test_him_after_a_reminder_to_call_someone_is_that_person(specs, query, plan, earlier, person):
    out = _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()", context=REMINDED.format(earlier))
    assert out.startswith(f'1. get_phone_number(name="{person}")') and 'recipients=["$1"]' in out


@pytest.mark.parametrize("query, plan, to", [
    # the person whose email it is is not whom it goes to, also written in lower case with a surname
    ("forward david's flight email to elena rossi and attach the lisbon itinerary pdf, he forgot to attach it",
     '1. get_email_address(name="david")\n2. open_and_get_file_path(file_name="lisbon itinerary")\n'
     '3. forward_email(recipients=["$1"], attachments=["$2"])', "elena rossi"),
    ("fwd the invoice from lucas to tom becker pls",
     '1. get_email_address(name="tom")\n2. forward_email(recipients=["lucas", "Tom Beckner"])', "tom becker"),
])
def test_a_forward_goes_to_the_person_after_to(specs, query, plan, to):
    out = _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()")
    lookups = [line for line in out.splitlines() if "get_email_address" in line]
    assert lookups == [f'1. get_email_address(name="{to}")'] and 'recipients=["$1"]' in out


def test_an_email_named_before_the_ask_is_the_one_answered(specs):
    out = _ruled(specs, "marcus 2.1 mail, reply pls: hold off w the rollout til next week, cant test it before, sorry",
                 '1. get_email_address(name="marcus")\n2. reply_to_email(context="Hold off")\n3. join()')
    assert out.startswith('1. reply_to_email(context="Hold off w the rollout til next week, cant test it before, sorry", '
                          'message_id="marcus 2 1")')


@pytest.mark.parametrize("query, held", [
    ("whats aishas number", True),          # convdev10: planned empty, "none of my tools fits"
    ("what is toms phone number", True),
    ("whats priyas email", True),
    ("what is this address", False),
    ("whats the bus number", False),
    ("remind me to buy milk", False),
])
def test_a_first_request_for_someones_number_gets_a_plan(specs, query, held):
    from tinyagent.nodes.request.reading import read_request
    from tinyagent.nodes.rules.decoding import Decoding, contact_not_empty

    d = Decoding(request=read_request(query), view={}, shown=list(specs.values()), specs=specs, settings=None, first=True)
    assert contact_not_empty(d) is held


def test_forward_him_sarahs_email_goes_to_him(specs):
    context = ("User: What is David Kim's email address, please?\nResult: get_email_address(name='David Kim') -> "
               "david.kim@example.com\nAssistant: The email address of David Kim is david.kim@example.com.")
    out = _ruled(specs, "Thank you. Would you forward him Sarah's email with the Q3 report?",
                 '1. get_email_address(name="Sarah")\n2. forward_email(recipients=["$1"], context="Q3 report")\n3. join()',
                 context=context)
    assert out.startswith('1. get_email_address(name="David Kim")\n2. forward_email(recipients=["$1"], '
                          'message_id="sarah\'s q3 report")')


FORWARDED = ("User: forward priya's lunch email to tom\nResult: get_email_address(name='tom') -> tom.becker@example.com\n"
             "Assistant: Saved email 'Fwd: Team lunch on Friday?' to tom.becker@example.com.")
EMAILED = ("User: Write email to Tom Becker: the invoice I pay on Friday.\nResult: get_email_address(name='Tom Becker') -> "
           "tom.becker@example.com\nResult: compose_new_email(recipients=['$1'], subject='Invoice', context='Pay the invoice "
           "on Friday') -> Saved email 'Invoice' to tom.becker@example.com as a draft.\nAssistant: Saved email.")


@pytest.mark.parametrize("query, written, context, message", [
    ("text him as well that he should come on friday, lunch is on me", "That he should come on Friday", FORWARDED,
     "You should come on friday, lunch is on me"),
    ("Send him same as SMS also.", "Send him same", EMAILED, "Pay the invoice on Friday"),
])
def test_a_follow_up_text_says_what_it_was_told(specs, query, written, context, message):
    out = _ruled(specs, query, f'1. get_phone_number(name="tom")\n2. send_sms(recipients=["$1"], message="{written}")\n3. join()',
                 context=context)
    assert f'message="{message}"' in out


@pytest.mark.parametrize("query, plan, note", [
    ("make a note called Q1 priorities, hire a second tester, qualify the new supplier, ship 2.1",
     '1. create_note(name="Q1 priorities")', 'create_note(name="Q1 priorities", content="Hire a second tester, '
                                             'qualify the new supplier, ship 2.1")'),
    ("create a note called Errands with call the bank and pick up dry cleaning",
     '1. create_note(name="Errands", content="Call the bank")\n2. open_note(name="dry cleaning")',
     'create_note(name="Errands", content="Call the bank and pick up dry cleaning")'),
    ("Please add a line to my meeting notes: Action: James to send the supplier list by Friday.",
     '1. open_and_get_file_path(file_name="supplier list")',
     'append_note_content(name="meeting notes", content="Action: James to send the supplier list by Friday.")'),
])
def test_a_note_gets_the_words_it_was_given(specs, query, plan, note):
    out = _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()")
    assert out == f"1. {note}\n2. join()<END_OF_PLAN>"


@pytest.mark.parametrize("query, earlier, looked_up, again", [
    ("wait no thursday, theyre due thursday", "remind me to return the library books fri", [],
     "remind me to return the library books thursday"),
    ("sorry 1500 not 1400", "calendar: staff meeting wed 1400", [], "calendar: staff meeting wed 1500"),
    ("sorry meant the handbook not q3. send that instead", "email marcus the q3 rpt", ["marcus"],
     "email marcus the handbook"),
    ("wrong one sorry, the handbook", "email james the q3 report", ["james"], "email james the handbook"),
])
def test_a_correction_plans_the_request_again(query, earlier, looked_up, again):
    from tinyagent.nodes.rules.corrections import request_again
    assert request_again(query, [earlier], looked_up, "")[0] == again


def test_everyone_with_whom_a_meeting_is_set_in_lower_case_is_invited(specs):
    out = _ruled(specs, "set up a design review with elena rossi and tom becker on thursday at 2, make it 90 minutes, "
                        "put it in my calendar",
                 '1. get_email_address(name="elena rossi")\n2. get_email_address(name="tom becker")\n3. create_calendar_event('
                 'title="Design review", start_date="thursday at 2", end_date="thursday at 2", location="$1")\n4. join()')
    assert 'invitees=["$1", "$2"]' in out and 'get_email_address(name="tom becker")' in out


def test_an_event_at_a_time_the_request_never_says_is_dropped(specs):
    out = _ruled(specs, "Send Nina the Lisbon itinerary, please.",
                 '1. get_email_address(name="Nina")\n2. open_and_get_file_path(file_name="itinerary")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Lisbon itinerary", context="The itinerary", '
                 'attachments=["$2"])\n4. create_calendar_event(title="Inflight", start_date="2026-12-29", location="$2")\n'
                 '5. join()')
    assert "create_calendar_event" not in out and "compose_new_email" in out


def test_add_things_after_a_note_was_shown_appends_them_to_it(specs):
    context = ("User: whats on my shopping list\nResult: open_note(name='shopping list') -> # Shopping list - oat milk\n"
               "Assistant: The note (shopping list): # Shopping list - oat milk")
    out = _ruled(specs, "add plasters and earplugs",
                 '1. append_note_content(name="plasters", content="Earplugs")\n2. append_note_content(name="earplugs", '
                 'content="Earplugs")\n3. join()', context=context)
    assert out == '1. append_note_content(name="shopping list", content="Plasters and earplugs")\n2. join()<END_OF_PLAN>'


def test_a_search_result_is_the_message_not_the_recipient(specs):
    out = _ruled(specs, "look up the lead time of the particulate sensor in the q3 report and text it to marcus",
                 '1. search_documents(query="particle sensor")\n2. send_sms(recipients=["$1"], message="Marcus: What was '
                 'the lead time?")\n3. join()')
    assert out.splitlines()[1:3] == ['2. get_phone_number(name="marcus")', '3. send_sms(recipients=["$2"], message="$1")']


def test_a_question_whose_answer_is_emailed_is_searched_first(specs):
    out = _ruled(specs, "how many schools were in the pilot, and email the number to james",
                 '1. get_phone_number(name="james")\n2. compose_new_email(recipients=["$1"], subject="Number")\n3. join()')
    assert out.splitlines()[0] == '1. search_documents(query="schools were in the pilot")'
    assert 'compose_new_email(recipients=["$2"], subject="Number", context="$1")' in out


def test_him_in_a_first_request_is_the_one_person_it_names(specs):
    out = _ruled(specs, "Need a 30 min call w/ Lucas Thu 4pm re the invoice. Get a link and email it to him",
                 '1. get_email_address(name="him")\n2. open_and_get_file_path(file_name="link")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Link", context="$2")\n4. join()')
    assert out.splitlines()[:2] == ['1. get_email_address(name="Lucas")', '2. get_zoom_meeting_link(topic="Invoice", '
                                    'start_time="Thu 4pm", duration=30, meeting_invitees=["$1"])']


@pytest.mark.parametrize("query, plan, want", [
    ("sarah emailed me twice, reply to the older one saying im in", '1. reply_to_email(context="I repeated it twice")',
     'reply_to_email(context="Im in", message_id="older sarah")'),
    ("answer my latest email - sounds good, see u there", '1. reply_to_email(context="Sounds good")',
     'reply_to_email(context="Sounds good, see u there", message_id="latest")'),
    ("forward priya's team lunch email to nina and add that she's welcome to join us",
     '1. get_email_address(name="nina")\n2. forward_email(recipients=["$1"], context="She\'s welcome to join us")',
     'forward_email(recipients=["$1"], context="She\'s welcome to join us", message_id="priya\'s team lunch")'),
    ("new note 'Client todo': invoice becker & sons, moodboard for elena",
     '1. create_note(name="Client todo", content="Invoice")\n2. open_and_get_file_path(file_name="moodboard for elena")',
     'create_note(name="Client todo", content="Invoice becker & sons, moodboard for elena")'),
])
def test_convdev12_first_run(specs, query, plan, want):
    out = _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()")
    assert want in out and out.count("\n") <= plan.count("\n") + 1


def test_send_that_to_marcus_as_well_after_a_forward_forwards_it(specs):
    context = ("User: forward the offsite agenda to priya\nResult: get_email_address(name='priya') -> priya.patel@example.com\n"
               "Result: forward_email(recipients=['$1'], message_id='office agenda offsite') -> Saved email 'Fwd: Offsite "
               "agenda for next week' to priya.patel@example.com as a draft in Mail/drafts/cur/1796662315.M838819P2153:2,D; "
               "not sent, because\nAssistant: Saved email.")
    out = _ruled(specs, "send that to marcus as well", '1. get_email_address(name="marcus")\n2. compose_new_email('
                 'recipients=["$1"], subject="Marcus", context="Send")\n3. join()', context=context)
    assert '2. forward_email(recipients=["$1"], message_id="office agenda offsite")' in out


def test_her_a_heads_up_is_no_name(specs):
    context = ("User: reply to sarahs q3 draft email, fyi my comments will be in by wed eod\nResult: reply_to_email("
               "context='Fyi', message_id='q3 draft sarahs') -> Saved email 'Re: Q3 report draft for review' to Sarah Lee "
               "<sarah.lee@example.com> as a draft\nAssistant: Saved email.")
    out = _ruled(specs, "and text her a heads up that its in her inbox",
                 '1. send_sms(recipients=["her a heads up"], message="Its in your inbox")\n2. join()', context=context)
    assert out.startswith('1. get_phone_number(name="Sarah Lee")')


def test_i_am_so_sorry_i_meant_thursday():
    from tinyagent.nodes.rules.corrections import request_again
    assert request_again("I am so sorry, I meant Thursday, not Wednesday.",
                         ["remind me to collect my prescription on Wednesday at eleven"], [], "")[0] == (
        "remind me to collect my prescription on Thursday at eleven")


@pytest.mark.parametrize("query, plan, want", [
    ("forward marcus's release notes to priya + james, then put firmware rollout thu 9am in cal",
     '1. forward_email(recipients=["marcus\'s release notes"], context="Priya")\n2. create_calendar_event(title="Firmware '
     'rollout", start_date="thu 9am")', 'forward_email(recipients=["$1", "$2"], context="Priya", message_id="marcus\'s '
                                          'release notes")'),
    ("can you forward the email with the Lisbon flights to Nina? she's looking after the kids that week",
     '1. get_email_address(name="Nina")\n2. forward_email(recipients=["$1"])',
     'forward_email(recipients=["$1"], message_id="lisbon flights")'),
    ("The last mail I have received, forward it please at David Kim",
     '1. get_email_address(name="David Kim")\n2. forward_email(recipients=["$1"])', 'forward_email(recipients=["$1"])\n'),
])
def test_convdev13_which_email_and_to_whom(specs, query, plan, want):
    assert want in _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()")


def test_the_person_asked_about_in_the_message_is_not_the_recipient(specs):
    context = ("User: What's Aisha's email? she's the kids' doctor\nResult: get_email_address(name='Aisha') -> "
               "aisha.okafor@example.com\nAssistant: The email address of Aisha is aisha.okafor@example.com.")
    out = _ruled(specs, "great, email her asking if Mia can come in for the flu shot on Friday after school",
                 '1. get_email_address(name="Mia")\n2. compose_new_email(recipients=["$1"], subject="Flu shot", '
                 'context="Ask if Mia can come in")\n3. join()', context=context)
    assert out.startswith('1. get_email_address(name="Aisha")')
    assert 'context="Can Mia come in for the flu shot on Friday after school?"' in out


@pytest.mark.parametrize("query, plan, context, want", [
    ("add: churn numbers", '1. append_note_content(name="Churn numbers", content="Hermit numbers")',
     "User: create note Investor Qs: burn rate\nResult: create_note(name='Investor Qs', content='Burn rate') -> Created "
     "note 'Investor Qs'.\nAssistant: Created note.", 'append_note_content(name="Investor Qs", content="Churn numbers")'),
    ("reply to lucas's invoice email, just say thanks, received",
     '1. reply_to_email(context="Say thanks", attachments=["Lucas\'s invoice"])', "",
     'reply_to_email(context="Thanks, received", message_id="lucas\'s invoice")'),
])
def test_convdev13_notes_and_attachments(specs, query, plan, context, want):
    assert want in _ruled(specs, query, plan + "\n2. join()", context=context)


@pytest.mark.parametrize("query, earlier, looked_up, again", [
    ("ah sorry, is David, not Pedro", "Send a SMS to Pedro that I arrive late", ["Pedro"], "Send a SMS to David that I arrive late"),
    ("Sorry I make a mistake, is not Priya, is Yuki", "Please to email at Priya that the sync of Tuesday is at 14h", [],
     "Please to email at Yuki that the sync of Tuesday is at 14h"),
])
def test_a_person_put_right_the_non_native_way(query, earlier, looked_up, again):
    from tinyagent.nodes.rules.corrections import request_again
    assert request_again(query, [earlier], looked_up, "")[0] == again


def test_please_to_email_opens_with_email():
    from tinyagent.nodes.rules.opening import opening_verb
    assert opening_verb("Please to email at Priya that the sync of Tuesday is at 14h") == "email"


@pytest.mark.parametrize("query, plan, want", [
    ("Block 2 and a half hours on Saturday from 10am for Mia's birthday party",
     '1. create_calendar_event(title="Mia\'s birthday party", start_date="Saturday from 10am")',
     'end_date="2 and a half hours"'),
    ("jitsi link for investor sync w/ sarah + marcus tmrw 4pm, email it to both",
     '1. get_email_address(name="sarah")\n2. get_email_address(name="marcus")\n3. get_zoom_meeting_link(topic="Investor '
     'sync", start_time="tmrw 4pm")\n4. compose_new_email(recipients=["$1"], subject="Investor sync", context="$3")',
     'compose_new_email(recipients=["$1", "$2"]'),  # (the link invites both too)
    ("Please to do a meeting link of 30 minutes with David about the trip, tomorrow 9h, and send him by mail",
     '1. get_zoom_meeting_link(topic="The trip", start_time="tomorrow", duration=30)\n2. get_email_address(name="David")\n'
     '3. compose_new_email(recipients=["$2"], context="Send by mail")', 'start_time="tomorrow 9h"'),
    ("Can you get me a meeting link for the school committee call tonight at 8, and text it to Nina?",
     '1. get_phone_number(name="meeting link for the school")\n2. get_zoom_meeting_link(topic="school committee", '
     'start_time="tonight at 8")\n3. send_sms(recipients=["$1"], message="$2")', 'get_phone_number(name="Nina")'),
    ("Please to add in my notes of meeting: Yuki will test the firmware on Friday", '1. search_documents(query="Yuki")',
     'append_note_content(name="meeting notes", content="Yuki will test the firmware on Friday")'),
])
def test_convdev13_meetings_and_notes(specs, query, plan, want):
    assert want in _ruled(specs, query, plan + f"\n{plan.count(chr(10)) + 2}. join()")


def test_the_link_made_is_what_send_him_by_mail_sends(specs):
    out = _ruled(specs, "Please to do a meeting link of 30 minutes with David about the trip, tomorrow 9h, and send him "
                        "by mail", '1. get_zoom_meeting_link(topic="The trip", start_time="tomorrow", duration=30)\n'
                                   '2. get_email_address(name="David")\n3. compose_new_email(recipients=["$2"], '
                                   'context="Send by mail")\n4. join()')
    link = next(line.split(".")[0] for line in out.splitlines() if "get_zoom_meeting_link" in line)
    assert f'context="${link}"' in out


def test_email_it_to_sarah_after_a_note_attaches_the_note(specs):
    context = ("User: make a note called Q1 priorities, hire a second tester, ship 2.1\nResult: create_note(name='Q1 "
               "priorities', content='Hire a second tester, ship 2.1') -> Created note 'Q1 priorities' in Notes/Q1 "
               "priorities.md.\nAssistant: Created note 'Q1 priorities'.")
    out = _ruled(specs, "now email it to sarah", '1. get_email_address(name="sarah")\n2. compose_new_email(recipients=["$1"], '
                 'subject="Q1 priorities", context="$200")\n3. join()', context=context)
    assert out.startswith('1. open_and_get_file_path(file_name="Q1 priorities")') and 'attachments=["$1"]' in out


def test_a_note_file_is_found_by_the_note_name(make_tools, tools_workspace):
    notes = tools_workspace / "Notes"
    notes.mkdir(exist_ok=True)
    (notes / "Q1 priorities.md").write_text("# Q1 priorities\n\n- hire a second tester\n", encoding="utf-8")
    assert make_tools()["open_and_get_file_path"].invoke({"file_name": "Q1 priorities"}).endswith("Q1 priorities.md")


@pytest.mark.parametrize("query, held", [("whats on my shoping lst", True), ("what's in my ideas note?", True),
                                         ("whats the weather", False), ("what is on my calendar tomorrow", False)])
def test_a_question_about_a_note_gets_a_plan(specs, query, held):
    from tinyagent.nodes.request.reading import read_request
    from tinyagent.nodes.rules.decoding import Decoding, note_question_not_empty

    d = Decoding(request=read_request(query), view={}, shown=list(specs.values()), specs=specs, settings=None, first=True)
    assert note_question_not_empty(d) is held


def test_fifteen_h_is_a_clock_not_a_length(specs):
    out = _ruled(specs, "I need a reunion with Yuki and Marcus on Thursday at 15h, invite them please",
                 '1. get_email_address(name="Yuki")\n2. get_email_address(name="Marcus")\n3. create_calendar_event('
                 'title="Reunion", start_date="Thursday at 15h", invitees=["$1", "$2"])\n4. join()')
    assert "end_date" not in out  # not an event of fifteen hours
    assert 'end_date="2 h"' in _ruled(specs, "block 2h on friday for the audit",
                                      '1. create_calendar_event(title="Audit", start_date="friday")\n2. join()')


def test_a_start_said_before_the_day_gets_it(specs):
    out = _ruled(specs, "block 0730 to 0930 wed for sleep study training",
                 '1. create_calendar_event(title="Sleep study training", start_date="0730", end_date="0930 wed")\n2. join()')
    assert 'start_date="wed 0730"' in out


def test_people_looked_up_for_an_event_with_them_are_invited(specs):
    out = _ruled(specs, "set up a design review with elena rossi and tom becker on thursday at 2, make it 90 minutes, "
                        "put it in my calendar",
                 '1. get_email_address(name="elena rossi")\n2. get_email_address(name="tom becker")\n'
                 '3. create_calendar_event(title="Design review", start_date="thursday at 2")\n4. join()')
    assert 'invitees=["$1", "$2"]' in out


def test_a_name_from_the_answer_before_is_not_who_is_texted(specs):
    context = ("User: put dentist on friday at 8 30 in the morning in my calendar\nResult: create_calendar_event("
               "title='Dentist', start_date='friday at 8 30') -> Created event 'Dentist' on Friday 4 December 2026.\n"
               "Assistant: Created event 'Dentist' on Friday 4 December 2026, 08:30 to 09:30 in calendar.ics.")
    out = _ruled(specs, "text elena I can't do the friday breakfast then",
                 '1. get_phone_number(name="Created")\n2. send_sms(recipients=["$1"], message="Cant do it")\n3. join()',
                 context=context)
    assert out.startswith('1. get_phone_number(name="elena")')


def test_a_reply_that_left_out_its_first_word_gets_it(specs):
    out = _ruled(specs, "reply to priya's lunch thing, say im in lol", '1. reply_to_email(context="In Lol")\n2. join()')
    assert 'context="Im in lol"' in out


def test_an_email_named_then_answered_as_it_is_a_reply(specs):
    out = _ruled(specs, "Oh and Priya's email about the lunch, can you answer it? Tell her I can't do Friday, so sorry!!",
                 '1. get_email_address(name="Priya")\n2. compose_new_email(recipients=["$1"], subject="Lunch", '
                 'context="I can\'t do Friday")\n3. join()')
    assert out.startswith('1. reply_to_email(context="I can\'t do Friday') and "get_email_address" not in out
    assert "message_id=" in out
