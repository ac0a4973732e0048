"""What the seventeenth development conversation set (bench/conversations_dev17_cases.py: a startup founder, an Indian
English speaker, a phone's dictation) met on its first run, and the sixteenth's misses still open, put right where a rule is exact."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled

_EVENT = ("User: put design sync w elena on my cal thu 10am\n"
          "Result: create_calendar_event(title='Design sync', start_date='thu 10am') -> Created event 'Design sync' on "
          "Thursday 3 December 2026, 10:00 to 11:00 in calendar.ics.\n"
          "Assistant: Created event 'Design sync' on Thursday 3 December 2026, 10:00 to 11:00 in calendar.ics.")


def test_an_email_asked_for_by_its_senders_name_and_subject_is_searched(specs):
    out = _ruled(specs, "show me marcus's firmware mail", '1. get_email_address(name="marcus")\n2. join()')
    assert out.startswith('1. search_documents(query="marcus\'s firmware mail")')
    # "find lin's email" asks for her address: not an email read
    assert "get_email_address" in _ruled(specs, "find lin's email", '1. get_email_address(name="lin")\n2. join()')


def test_revert_back_is_a_reply_and_a_printout_is_printing(specs):
    from tinyagent.nodes.rules.opening import opening_verb, unserved_action

    assert opening_verb("Please revert back to David's mail regarding Lisbon asking whether pickup is arranged.") == "reply"
    assert opening_verb("kindly revert to priya on the lunch") == "reply"
    assert opening_verb("revert to the old version") == "revert"
    assert unserved_action("Kindly take a printout of the team handbook, 2 copies.", specs.values()) == "print"
    assert opening_verb("take a look at the report") == "take"


def test_a_long_topic_of_a_document_question_is_searched_in_that_document(specs):
    from tinyagent.nodes.request.reading import read_request

    query = "what does the team handbook say about flying business class on a long trip"
    assert read_request(query).topic_asked == ("flying", "business", "class", "long", "trip")
    out = _ruled(specs, query, '1. search_documents(query="team handbook")\n2. join()')
    assert 'search_documents(query="team handbook flying business class long trip")' in out


@pytest.mark.parametrize("query, plan, want", [
    ("what do my meeting notes say about marcus", '1. open_note(name="meeting notes", folder="Meeting notes")\n2. join()',
     'open_note(name="meeting notes")'),
    ("Kindly add in my meeting notes: Action - Priya to share the supplier list by Friday.",
     '1. append_note_content(name="Meeting notes", content="Action", folder="Supplier list")\n2. join()',
     'append_note_content(name="Meeting notes", content="Action - Priya to share the supplier list by Friday")'),
    # a folder said as one stays
    ("open 'dec goals' in journal", '1. open_note(name="dec goals", folder="journal")\n2. join()',
     'open_note(name="dec goals", folder="journal")'),
    ("put it in my Work folder: note called plan", '1. create_note(name="plan", content="", folder="Work")\n2. join()',
     'folder="Work"'),
    # a note's words after its bare name and a colon are its content whole
    ("create a note Q1 goals: hire 2 engineers, close seed round",
     '1. create_note(name="Q1 goals", content="Hire 2 engineers")\n2. join()',
     'create_note(name="Q1 goals", content="Hire 2 engineers, close seed round")'),
])
def test_notes_where_the_person_put_them(specs, query, plan, want):
    assert want in _ruled(specs, query, plan)


def test_the_meeting_link_of_it_after_an_event_and_the_person_it_was_with(specs):
    out = _ruled(specs, "get a meeting link for it and email it to her",
                 '1. get_email_address(name="meeting link")\n2. compose_new_email(recipients=["$1"], subject="It", '
                 'context="Join the email to her")\n3. get_zoom_meeting_link(topic="it", start_time="2027-04-05 16:00:00")'
                 '\n4. join()', _EVENT)
    assert 'get_email_address(name="elena")' in out
    assert 'get_zoom_meeting_link(topic="Design sync", start_time="2026-12-03 10:00")' in out


def test_a_meeting_mailed_to_both_goes_to_both(specs):
    out = _ruled(specs, "need a video link for deck review w sarah and james tmrw 3pm, mail it to both pls",
                 '1. get_email_address(name="sarah")\n2. get_email_address(name="james")\n'
                 '3. create_calendar_event(title="Deck review", start_date="tmrw 3pm", invitees=["$1", "$2"])\n'
                 '4. open_and_get_file_path(file_name="mail")\n'
                 '5. compose_new_email(recipients=["$4"], subject="Deck review", attachments=["$3"])\n6. join()')
    assert 'compose_new_email(recipients=["$1", "$2"]' in out and 'name="both"' not in out


@pytest.mark.parametrize("query, plan, want", [
    ("mtg w yuki fri 9am re firmware 2.1 signoff, invite her + email her a heads up",
     '1. get_email_address(name="yuki fri 9am")\n2. compose_new_email(recipients=["$1"], subject="Firmware 2.1", '
     'context="Signoff, invite her")\n3. join()', 'create_calendar_event(title="Firmware", start_date="fri 9am", '
                                               'invitees=["$1"])'),
    # a title the request never says is what the meeting is about
    ("schedule a call with james on wednesday at 3 pm about the enclosure",
     '1. get_email_address(name="james")\n2. create_calendar_event(title="Concert", start_date="wednesday at 3 pm", '
     'invitees=["$1"])\n3. join()', 'title="Enclosure"'),
    # an end that is only the start's day goes: the hour said is when it starts
    ("set up a meeting with elena on friday at 4pm about the new logo",
     '1. get_email_address(name="elena")\n2. create_calendar_event(title="New logo", start_date="friday at 4pm", '
     'end_date="friday", invitees=["$1"])\n3. join()', 'start_date="friday at 4pm", invitees=["$1"])'),
    ("block deep work wed 9-12 ffs, no meetings",
     '1. create_calendar_event(title="Deep work", start_date="wed", end_date="wed")\n2. join()',
     'start_date="wed at 9", end_date="wed at 12"'),
])
def test_meetings_as_asked(specs, query, plan, want):
    assert want in _ruled(specs, query, plan)


def test_dictated_days_and_hours_are_read_as_meant():
    from tinyagent.nodes.request.dictation import spoken_punctuation

    assert spoken_punctuation("remind me to call omar to morrow at ten am") == "remind me to call omar tomorrow at ten am"
    assert spoken_punctuation("meeting with elena on friday at for pm") == "meeting with elena on friday at four pm"
    assert spoken_punctuation("call mum to night at 8") == "call mum tonight at 8"
    assert spoken_punctuation("sign up for night school") == "sign up for night school"
    assert spoken_punctuation("go to night school") == "go to night school"
    assert spoken_punctuation("wait for pm approval") == "wait for pm approval"


def test_a_request_in_another_script_is_answered_in_english():
    from tinyagent.nodes.request.language import foreign_language

    assert foreign_language("कृपया प्रिया को ईमेल भेजें कि मीटिंग कल सुबह दस बजे है") == "Hindi"
    assert foreign_language("Напомни мне завтра позвонить маме") == "Russian"
    assert foreign_language("email 李 about the report") is None


def test_a_file_sent_to_someone_is_emailed_to_them(specs):
    out = _ruled(specs, "Kindly send the team handbook to Rahul Sharma today itself.",
                 '1. open_and_get_file_path(file_name="team handbook")\n2. join()')
    assert 'get_email_address(name="Rahul Sharma")' in out
    assert 'compose_new_email(recipients=["$2"], attachments=["$1"], subject="Team handbook")' in out


@pytest.mark.parametrize("query, plan, context, want", [
    ("Also text him the same, he may not check his mails.",
     '1. send_sms(recipients=["$2"], message="The same, he may not check his mails")\n2. get_phone_number(name="him")'
     '\n3. join()',
     "User: Kindly reply to Omar's quotation mail that we accept the 1,250 EUR quote and he may proceed.\n"
     "Result: reply_to_email(context='We accept the 1,250 EUR quote', message_id='omar') -> Saved email 'Re: Quote "
     "for the garden work' to Omar Haddad <omar.haddad@example.com> as a draft\nAssistant: Saved email.",
     'message="We accept the 1,250 EUR quote"'),
    ("ugh ok text marcus that then", '1. get_phone_number(name="Marcus")\n2. send_sms(recipients=["$1"], message="Then")'
     '\n3. join()', "User: text ravi that the staging server is down\nAssistant: I could not find the phone number: No "
                    "contact named 'ravi' in contacts.vcf.", 'message="The staging server is down"'),
    # "them" after a meeting "w ana n bilal": both, each looked up already
    ("send them the zoom link", '1. get_email_address(name="ana")\n2. get_email_address(name="bilal")\n'
     '3. compose_new_email(recipients=["$1", "$2"], subject="Zoom", context="https://zoom.us/j/1")\n4. join()',
     "User: zoom for budget review w ana n bilal fri 10am\nAssistant: ok", 'get_email_address(name="bilal")'),
])
def test_follow_ups_that_send_the_same(specs, query, plan, context, want):
    assert want in _ruled(specs, query, plan, context)


def test_the_needful_for_someone_else_and_a_file_put_right():
    from tinyagent.nodes.rules.corrections import corrected_request

    assert corrected_request("Do the needful for Yuki also.", ["Kindly send the Q3 report pdf to James O'Brien."],
                             ["James O'Brien"]) == "Kindly send the Q3 report pdf to Yuki."
    assert corrected_request("Sorry, not the handbook, I meant the Q3 report.", ["Kindly email Priya the team handbook."],
                             ["Priya"]) == "Kindly email Priya the Q3 report."
    assert corrected_request("no not marcus - yuki, sorry!!", ["text marcus that im late"], ["marcus"]) == \
        "text yuki that im late"


# -- the sixteenth set's misses still open (bench/conversations_dev16_cases.py, read last session) -------------------

def test_a_person_looked_up_with_an_apostrophe_is_him_after(specs):
    """The transcript writes get_phone_number(name="James O'Brien") in double quotes: he is still the one looked up."""
    out = _ruled(specs, "grand, text him I'll see him at the match Saturday so I will",
                 '1. get_phone_number(name="grand")\n2. send_sms(recipients=["$1"], message="I\'ll see him")\n3. join()',
                 "User: what's James O'Brien's number there\nResult: get_phone_number(name=\"James O'Brien\") -> "
                 "+1-555-0106\nAssistant: The phone number of James O'Brien is +1-555-0106.")
    assert 'get_phone_number(name="James O\'Brien")' in out and '"grand"' not in out


def test_irish_and_polish_are_answered_in_english():
    from tinyagent.nodes.request.language import foreign_language

    assert foreign_language("Cuir téacs chuig Tom Becker go mbeidh mé déanach, le do thoil") == "Irish"
    assert foreign_language("wyślij to też do Sarah, proszę") == "Polish"
    assert foreign_language("send it to dom too") is None


def test_half_two_an_overnight_shift_and_the_time_sent_on(specs, make_tools):
    from tinyagent.tools.dates import parse_when
    from datetime import datetime

    assert parse_when("Wednesday from half 2", now=datetime(2026, 11, 30, 10)) == (datetime(2026, 12, 2, 14, 30), True)
    out = _ruled(specs, "put the plumber in the calendar for Wednesday from half 2, he says it'll take about two hours",
                 '1. create_calendar_event(title="Plumber", start_date="Wednesday", end_date="Wednesday")\n2. join()')
    assert 'start_date="Wednesday from half 2", end_date="two hours"' in out
    night = _ruled(specs, "put my night shift in for tomorrow 1930 to 0730",
                   '1. create_reminder(name="Night shift", due_date="tomorrow 1930")\n2. join()')
    assert 'create_calendar_event(title="Night shift", start_date="tomorrow at 19:30", end_date="tomorrow at 07:30")' in night
    made = make_tools()["create_calendar_event"].invoke(
        {"title": "Night shift", "start_date": "2026-12-01 19:30", "end_date": "2026-12-01 07:30"})
    assert "to Wednesday 2 December 2026, 07:30" in made
    sent = _ruled(specs, "text Tom the time so he knows", '1. send_sms(recipients=["Tom"], message="The time says the time")'
                  '\n2. join()', "User: Put a flat inspection at Tom's on the 12th at 11 in my calendar\nResult: "
                  "create_calendar_event(title='Flat inspection', start_date='the 12th at 11') -> Created event 'Flat "
                  "inspection' on Saturday 12 December 2026, 11:00 to 12:00 in calendar.ics.\nAssistant: Created event.")
    assert 'message="Flat inspection: Saturday 12 December 2026, 11:00"' in sent


def test_what_it_said_is_what_the_document_read_before_says(specs):
    from tinyagent.nodes.request.reading import read_request

    before = "User: summarise the lisbon itinerary pdf\nAssistant: Summary: this itinerary covers a trip"
    assert read_request("what did it say about the tram?", context=before).document_named == ("lisbon", "itinerary")
    assert read_request("what did it say about the tram?").document_named == ()
    out = _ruled(specs, "what did it say about the tram?", '1. search_documents(query="tram")\n2. join()', before)
    assert 'search_documents(query="lisbon itinerary tram")' in out


def test_a_forward_with_the_email_and_the_person_swapped(specs):
    out = _ruled(specs, "pls fwd marcus's firmware 2.1 notes to priya, add: test it on the pilot units before thu",
                 '1. forward_email(recipients=["marcus\'s firmware 2.1 notes"], message_id="priya")\n'
                 '2. append_note_content(name="Test", content="$1")\n3. join()')
    assert out.startswith('1. forward_email(recipients=["priya"], message_id="marcus\'s firmware 2.1 notes"')
    assert "append_note_content" not in out


def test_a_note_named_before_a_dash_and_the_same_emailed_on(specs):
    out = _ruled(specs, "new note called Investor list - sequoia, a16z",
                 '1. create_note(name="Investor list", content="Sequoia", folder="A16Z")\n2. join()')
    assert 'create_note(name="Investor list", content="Sequoia, a16z")' in out
    answer = ("Documents/Sample/Project_Falcon_Q3_Report.pdf: Battery life in the field trial reached nine months on two "
              "AA cells, above the target of six months.")
    sent = _ruled(specs, "Do the needful and email the same to Yuki.",
                  '1. get_email_address(name="Yuki")\n2. compose_new_email(recipients=["$1"], context="Send")\n3. join()',
                  "User: Kindly tell me the battery life achieved in the field trial as per the Q3 report.\n"
                  f"Result: search_documents(query='Battery life achieved') -> {answer}\n"
                  f"Assistant: From your documents (Battery life achieved): {answer}")
    assert "nine months" in sent


def test_the_link_made_before_is_emailed_to_him(specs):
    link = ("https://meet.jit.si/GardenWalkthrough-abcdefghijkl (Jitsi Meet room 'Garden walkthrough', Saturday 5 "
            "December 2026, 10:00, 60 min; no account needed)")
    out = _ruled(specs, "put it on my calendar and email him the link",
                 '1. create_calendar_event(title="The Garden Walkthrough", start_date="this week")\n2. join()',
                 "User: get a meeting link for the garden walkthrough with Omar on Saturday at 10\n"
                 "Result: get_email_address(name='Omar') -> omar.haddad@example.com\n"
                 "Result: get_zoom_meeting_link(topic='Garden walkthrough', start_time='Saturday at 10', "
                 f"meeting_invitees=['omar.haddad@example.com']) -> {link}\nAssistant: Meeting link: {link}")
    assert 'get_email_address(name="Omar")' in out
    assert f'compose_new_email(recipients=["$2"], context="{link}", subject="Meeting link")' in out
    # "Send to him a message that ..." after his number: a message asked for, planned, not declined
    from tinyagent.nodes.rules.opening import served_followup
    assert served_followup("Send to him a message that the invoice I pay it on friday", specs.values())


def test_emails_found_are_introduced_as_the_inbox_not_by_the_words_searched():
    from tinyagent.nodes.report.answer import done_line

    task = {"tool": "search_documents", "args": {"query": "the message Mr Chen sent about the firmware"},
            "result": [{"path": "Marcus Chen's email 'Firmware 2.1 release notes' of Fri 27 Nov",
                        "text": "Hi, firmware 2.1 is ready for the pilot sensors."}]}
    line = done_line(task, label="From your documents", question="show me the message Mr Chen sent about the firmware")
    assert line.startswith("From your inbox: Marcus Chen's email 'Firmware 2.1 release notes'") and " sent " not in line
    doc = {"tool": "search_documents", "args": {"query": "expenses"},
           "result": [{"path": "Documents/Sample/Team_Handbook.pdf", "text": "Expenses: submit receipts within thirty days."}]}
    assert done_line(doc, label="From your documents", question="expenses?").startswith("From your documents (expenses)")


# -- the eighteenth set's first run (bench/conversations_dev18_cases.py: a retired teacher, a student, an Australian) --

def test_fillers_and_titles_of_other_englishes(specs):
    out = _ruled(specs, "Righto, text her that book club's at my place Thursday, bring a plate",
                 '1. get_phone_number(name="Righto")\n2. send_sms(recipients=["$1"], message="Book club")\n3. join()',
                 "User: What's Nina's mobile?\nResult: get_phone_number(name='Nina') -> +1-555-0111\n"
                 "Assistant: The phone number of Nina is +1-555-0111.")
    assert 'get_phone_number(name="Nina")' in out
    from tinyagent.nodes.rules.opening import opening_verb, served_followup
    assert opening_verb("Flick Omar's garden quote on to Tom Becker, he's doing a comparison for me") == "forward"
    assert served_followup("Please send her a short note thanking her for her kindness", specs.values())


def test_the_same_thing_because_and_a_meeting_with_whom_and_about_what(specs):
    out = _ruled(specs, "text him the same thing too bc he never checks his mail lol",
                 '1. send_sms(recipients=["$2"], message="The same thing")\n2. get_phone_number(name="him")\n3. join()',
                 "User: email marcus asking if hes still up for the gym at 6\nResult: get_email_address(name='marcus') -> "
                 "marcus.chen@example.com\nResult: compose_new_email(recipients=['marcus.chen@example.com'], subject='Gym', "
                 "context='Could you let me know if hes still up for the gym at 6?') -> Saved email\nAssistant: Saved email.")
    assert 'message="Could you let me know if hes still up for the gym at 6?"' in out
    meeting = _ruled(specs, "I should like to arrange a meeting with Mr Kim and Miss Rossi on Thursday at eleven in the "
                            "morning to discuss the Lisbon arrangements. Would you put it in my calendar?",
                     '1. get_email_address(name="Mr Kim")\n2. get_email_address(name="Miss Rossi")\n'
                     '3. create_calendar_event(title="Meeting with Mr Kim", start_date="Thursday at eleven in the morning", '
                     'invitees=["$2", "$1"])\n4. join()')
    assert 'title="Lisbon arrangements"' in meeting
    both = _ruled(specs, "meeting w marcus + priya thurs 4pm re the sensor supplier, invite them & get a zoom link",
                  '1. get_email_address(name="priya")\n2. get_zoom_meeting_link(topic="Sensor supplier", start_time="thurs '
                  '4pm", meeting_invitees=["$1"])\n3. join()')
    assert 'get_email_address(name="marcus")' in both


def test_corrections_with_an_emoji_and_the_time_it_replaces():
    from tinyagent.nodes.rules.corrections import corrected_request, retimed_request

    assert corrected_request("wait no i meant omar 😅 tom doesnt care", ["text tom im gonna be late"], ["tom"]) == \
        "text omar im gonna be late"
    assert retimed_request("Sorry mate, make that 3 not 2", ["Pop a catch up with Elena in the calendar Thursday at 2pm"]) \
        == "Pop a catch up with Elena in the calendar Thursday at 3pm"


def test_an_email_shown_by_what_it_is_and_who_sent_it(specs):
    out = _ruled(specs, "Please show me the invoice that Mr Martin sent me.", '1. get_email_address(name="Mr Martin")\n2. join()')
    assert out.startswith('1. search_documents(query="the invoice that Mr Martin sent me")')


def test_whom_a_follow_up_means_after_an_event_or_an_address(specs):
    lunch = _ruled(specs, "Email her to confirm", '1. get_email_address(name="Lunch")\n2. compose_new_email(recipients=["$1"], '
                   'context="Confirm")\n3. join()', "User: Lunch with Priya on Friday at half twelve, chuck it in the calendar\n"
                   "Result: create_calendar_event(title='Lunch with Priya', start_date='Friday at half twelve') -> Created "
                   "event 'Lunch with Priya' on Friday 4 December 2026, 12:30 to 13:30 in calendar.ics.\nAssistant: Created.")
    assert 'get_email_address(name="Priya")' in lunch
    visit = _ruled(specs, "Text him so he knows I'll be there", '1. get_phone_number(name="him")\n2. send_sms(recipients=["$1"], '
                   'message="I\'ll be there")\n3. join()', "User: Put a site visit at Omar's on Friday at 8am in the diary\n"
                   "Assistant: Created event 'Site visit' on Friday 4 December 2026, 08:00 to 09:00 in Calendars/Diary.ics.")
    assert 'get_phone_number(name="Omar")' in visit
    handbook = _ruled(specs, "send him the team handbook, hes new and kinda lost tbh",
                      '1. open_and_get_file_path(file_name="team handbook")\n2. reply_to_email(context="Welcome", '
                      'attachments=["$1"])\n3. join()', "User: whats james's email\nResult: get_email_address(name='james') -> "
                      "james.obrien@example.com\nAssistant: The email address of james is james.obrien@example.com.")
    assert handbook.startswith('1. get_email_address(name="james")') and "reply_to_email" not in handbook
    assert 'compose_new_email(recipients=["$1"], context="Welcome", attachments=["$2"])' in handbook


def test_which_email_by_the_day_it_came_and_the_sender_named_after_what_they_are(specs):
    friday = _ruled(specs, "Got an email on Friday, reply to it and tell him go for it, Thursday's sweet by me",
                    '1. reply_to_email(context="Go for it", message_id="Thursday\'s sweet by me")\n2. join()')
    assert "message_id=\"friday friday's\"" in friday
    from tinyagent.nodes.rules.received import email_words
    assert email_words("I received a message from the travel agent, Mr Kim, regarding my journey to Lisbon. Would you "
                       "reply to it", set()).endswith("kim")
    assert "callum" not in email_words("Would you please forward the newest email from the orthodontist to my ex-husband, "
                                       "Callum, so he knows", set())


def test_the_oldest_email_is_shown_alone(tools_workspace, specs):
    from tinyagent.tools.paths import Workspace
    from tinyagent.tools.inbox_search import inbox_texts
    from tinyagent.tools.workspace import init_workspace

    out = _ruled(specs, "whats the oldest email in my inbox rn", "1. join()")
    assert out.startswith('1. search_documents(query="whats the oldest email in my inbox rn")')
    ws = Workspace(init_workspace(tools_workspace.parent / "sample-ws", sample=True))
    oldest, latest = inbox_texts(ws, "whats the oldest email in my inbox"), inbox_texts(ws, "show me my latest email")
    assert len(oldest) == 1 and len(latest) == 1 and oldest != latest
    assert len(inbox_texts(ws, "anything in my inbox about lunch")) > 1


def test_a_file_put_right_in_the_same_breath():
    from tinyagent.nodes.rules.corrections import self_corrected

    assert self_corrected("Please email Miss Rossi the Q3 report. No, forgive me, I mean the Lisbon itinerary; she is "
                          "travelling with me.") == "Please email Miss Rossi the Lisbon itinerary"
    assert self_corrected("text sarah i mean priya that im late") == "text sarah i mean priya that im late"


def test_a_forward_said_as_flick_an_aside_before_the_ask_and_a_quote_asked_of_the_inbox(specs):
    from tinyagent.nodes.rules.corrections import corrected_request
    from tinyagent.nodes.rules.email_read import asks_to_see_email
    from tinyagent.nodes.rules.opening import served_action
    from tinyagent.nodes.rules.received import email_words

    assert email_words("Flick Omar's garden quote on to Tom Becker, he's doing a comparison for me", set()) == \
        "omar's garden quote"
    assert served_action("How very good. Would you email that to Mr O'Brien, please?") == "email"
    assert asks_to_see_email("How much did Omar quote me for the garden work?")
    assert corrected_request("Ah, my mistake; I meant Mrs Kowalski, the lady from the book club.",
                             ["Please email the Lisbon itinerary to Mrs Margaret Whitfield."], ["Mrs Margaret Whitfield"]) \
        == "Please email the Lisbon itinerary to Mrs Kowalski."


def test_a_question_of_a_document_sends_nothing(specs):
    out = _ruled(specs, "Could you find where the handbook talks about security, and tell me what it asks of us regarding "
                        "passwords? I am afraid I am hopeless with them.",
                 '1. search_documents(query="security")\n2. reply_to_email(context="Ask for a new email")\n3. join()')
    assert out == '1. search_documents(query="handbook security")\n2. join()<END_OF_PLAN>'


def test_a_meeting_needed_and_a_reply_to_no_one_beside_the_email(specs):
    from tinyagent.nodes.rules.opening import opening_verb

    out = _ruled(specs, "Reckon I need a quick 30 min meeting with Lucas about the invoice, Wednesday 11am. Put it in and "
                        "email him so he knows",
                 '1. reply_to_email(context="Reckon I need a quick 30 min meeting with Lucas")\n2. create_calendar_event('
                 'title="Invoice", start_date="Wednesday 11am.")\n3. get_email_address(name="Lucas")\n4. compose_new_email('
                 'recipients=["$3"], context="Say hello")\n5. join()')
    assert "reply_to_email" not in out and out.startswith("1. create_calendar_event(")
    assert opening_verb("need a jitsi link for a study sesh w/ yuki tmrw 7pm, send it to her pls") == "link"


def test_a_link_asked_for_alone_makes_no_event(specs):
    from tinyagent.nodes.plans.planlang import compile_plan
    from tinyagent.nodes.rules.meetings import no_event_wanted

    plan = ('1. get_email_address(name="sarah")\n2. get_email_address(name="james")\n3. create_calendar_event(title="Deck '
            'review", start_date="tmrw 3pm", invitees=["$1", "$2"])\n4. get_zoom_meeting_link(topic="Deck review", '
            'start_time="tmrw 3pm")\n5. compose_new_email(recipients=["$1", "$2"], subject="Deck review", context="$4")\n'
            '6. join()<END_OF_PLAN>')
    out = no_event_wanted(compile_plan(plan, specs), specs,
                          "need a video link for deck review w sarah and james tmrw 3pm, mail it to both pls")
    assert out is not None and "create_calendar_event" not in [t.tool for t in out]
    # a meeting put in the calendar keeps its event beside the link
    assert no_event_wanted(compile_plan(plan, specs), specs, "get me a video link for deck review tmrw 3pm and put it in "
                                                             "my calendar") is None
