"""What the fourth development conversation set met on its first run, put right where a rule is exact: a reply's text
dictated after "reply that" or after the email's words and a colon, a note made of the message's words, "mail it to
them" after a meeting link, a question that names its document last (nodes/rules/messages.py, extra_steps.py,
notes.py, documents.py; nodes/request/asks.py)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled
from tinyagent.nodes.request.reading import read_request


def test_reply_that_dictates_the_whole_text_and_no_note_is_made_of_it(specs):
    out = _ruled(specs, "re the q3 draft: reply that the budget part is fine but the risks part needs more detail",
                 '1. reply_to_email(context="The budget part is fine")\n'
                 '2. append_note_content(name="Risk section", content="More detail")\n3. join()<END_OF_PLAN>')
    assert 'context="The budget part is fine but the risks part needs more detail"' in out
    assert 'message_id="q3 draft"' in out
    assert "append_note_content" not in out


def test_a_note_the_request_asks_for_stays(specs):
    out = _ruled(specs, "reply to sarah that the budget is fine and add 'check risks' to my ideas",
                 '1. reply_to_email(context="The budget is fine")\n'
                 '2. append_note_content(name="Ideas", content="Check risks")\n3. join()<END_OF_PLAN>')
    assert 'append_note_content(name="Ideas", content="Check risks")' in out


def test_a_reply_made_of_the_asking_verb_and_the_emails_words_gets_the_text_after_the_colon(specs):
    out = _ruled(specs, "answer the flights and hotel mail: can I get a window seat?",
                 '1. reply_to_email(context="Answer the flights and hotel")\n2. join()<END_OF_PLAN>')
    assert 'context="Can I get a window seat?"' in out


def test_mail_it_after_a_meeting_link_sends_the_link(specs):
    context = ("User: I need a meeting link for book club on thursday 7pm\n"
               "Result: get_zoom_meeting_link(topic='Book club', start_time='thursday 7pm') -> "
               "https://meet.jit.si/BookClub-1da8ce285bff (Jitsi Meet room 'Book club', Thursday 3 December 2026)\n"
               "Assistant: Meeting link (Book club): https://meet.jit.si/BookClub-1da8ce285bff (Jitsi Meet room "
               "'Book club', Thursday 3 December 2026)")
    plan = ('1. get_email_address(name="nina")\n2. get_email_address(name="elena")\n'
            '3. compose_new_email(recipients=["$1", "$2"], subject="Book club", context="Send it")\n4. join()<END_OF_PLAN>')
    assert "https://meet.jit.si/BookClub-1da8ce285bff" in _ruled(specs, "mail it to nina and elena", plan, context)
    # after a turn that did something (an event made), "it" is not an answer to send
    made = context.replace("Result: get_zoom_meeting_link(", "Result: create_calendar_event(")
    assert "meet.jit.si" not in _ruled(specs, "mail it to nina and elena", plan, made)


@pytest.mark.parametrize("query, document, topic", [
    ("What are the next steps in the Falcon Q3 report?", ("falcon", "q3", "report"), ("steps",)),
    ("Where are the weekly sync meeting notes shared, per the handbook?", ("handbook",),
     ("weekly", "sync", "meeting", "notes", "shared")),
    ("the q3 report - what cost more than expected?", ("q3", "report"), ("cost", "more", "than", "expected")),
    ("what is on in the city centre?", (), ()),          # a place, not a document
    ("where is the meeting in the report room?", (), ()),
])
def test_a_question_that_names_its_document_last_or_after_a_dash(query, document, topic):
    request = read_request(query)
    assert (request.document_named, request.topic_asked) == (document, topic)


def test_the_search_of_a_named_document_gets_what_the_question_asks(specs):
    out = _ruled(specs, "What are the next steps in the Falcon Q3 report?",
                 '1. search_documents(query="Falcon Q3 report")\n2. join()<END_OF_PLAN>')
    assert 'search_documents(query="Falcon Q3 report steps")' in out
    # a document word the person typed wrong is in the search already, spelled right: not added again
    out = _ruled(specs, "wat dose the handbok say about core hours",
                 '1. search_documents(query="handbook core hours")\n2. join()<END_OF_PLAN>')
    assert 'search_documents(query="handbook core hours")' in out


@pytest.mark.parametrize("query, verb", [
    ("gimme the gist of the lisbon trip pdf", "summarize"),
    ("give me a quick overview of the q3 report", "summarize"),
    ("the gist of it is fine", "the"),  # no ask to summarize
])
def test_the_gist_of_a_document_is_its_summary(query, verb):
    from tinyagent.nodes.rules.opening import opening_verb

    assert opening_verb(query) == verb


def test_his_email_after_a_declined_turn_is_the_email_that_turn_spoke_of_and_the_ask_is_the_text(specs):
    context = ("User: call lucas about the invoice\nAssistant: I can't do that: none of my tools can call (I have: "
               "compose new email, reply to email). Nothing was run.")
    out = _ruled(specs, "ugh fine, reply to his email instead and ask him to call me",
                 '1. reply_to_email(context="$13")\n2. join()<END_OF_PLAN>', context)
    assert out.startswith('1. reply_to_email(context="Ask him to call me", message_id="lucas invoice")')


def test_send_them_to_someone_after_a_question_sends_the_answer_unless_the_request_dictates_its_own(specs):
    context = ("User: What are the next steps in the Falcon Q3 report?\nAssistant: From your documents: "
               "Next steps: order the second supplier's sensors in January and ship firmware 2.1.")
    out = _ruled(specs, "text them to marcus",
                 '1. get_phone_number(name="Marcus")\n2. send_sms(recipients=["$1"], message="They said:")\n'
                 '3. join()<END_OF_PLAN>', context)
    assert "second supplier's sensors in January" in out
    found = ("User: Would you find the photographs of the ruby wedding party, please?\nAssistant: I found "
             "Pictures/Ruby Wedding/ruby_wedding_party.zip.")
    plan = ('1. get_email_address(name="Marjorie")\n2. open_and_get_file_path(file_name="ruby wedding party")\n'
            '3. compose_new_email(recipients=["$1"], context="Here are the photographs from our lovely day.", '
            'attachments=["$2"])\n4. join()<END_OF_PLAN>')
    out = _ruled(specs, "Please send them to Marjorie with the message: Here are the photographs from our lovely day.",
                 plan, found)
    assert 'context="Here are the photographs from our lovely day."' in out


def test_a_file_path_taken_from_a_search_is_the_file_found_by_name(specs):
    out = _ruled(specs, "gimme the gist of the lisbon trip pdf",
                 '1. search_documents(query="the Lisbon trip")\n2. summarize_pdf(pdf_path="$1")\n3. join()<END_OF_PLAN>')
    assert out.startswith('1. open_and_get_file_path(file_name="lisbon trip")\n2. summarize_pdf(pdf_path="$1")')
    kept = ('1. search_documents(query="budget")\n2. open_and_get_file_path(file_name="q3 report")\n'
            '3. summarize_pdf(pdf_path="$2")\n4. join()<END_OF_PLAN>')
    assert _ruled(specs, "search my docs for the budget and summarize the q3 report", kept) == kept


def test_a_file_name_taken_from_a_search_is_the_searchs_words_without_the_search(specs):
    out = _ruled(specs, "wheres the falcon q3 reprot pdf",
                 '1. search_documents(query="Falcon Q3 report")\n2. open_and_get_file_path(file_name="$1")\n'
                 '3. join()<END_OF_PLAN>')
    assert out == '1. open_and_get_file_path(file_name="Falcon Q3 report")\n2. join()<END_OF_PLAN>'


def test_the_route_is_no_place_beside_the_directions(specs):
    out = _ruled(specs, "how far is Belem from Alfama, can you show me the route",
                 '1. maps_show_directions(start_location="Alfama", end_location="Belem")\n'
                 '2. maps_open_location(location="the route")\n3. join()<END_OF_PLAN>')
    assert "maps_open_location" not in out and "maps_show_directions" in out


def test_a_file_put_where_the_recipient_goes_and_the_person_in_the_text_trade_places(specs):
    out = _ruled(specs, "Yuki just joined the team, could you send her the team handbook?",
                 '1. get_email_address(name="Yuki")\n2. open_and_get_file_path(file_name="team handbook")\n'
                 '3. compose_new_email(recipients=["$2"], subject="Team handbook", context="$1")\n4. join()<END_OF_PLAN>')
    assert '3. compose_new_email(recipients=["$1"], subject="Team handbook", attachments=["$2"])' in out


def test_and_add_dictates_the_forwards_note_and_no_note_is_made_of_it(specs):
    out = _ruled(specs, "Please forward Sarah's Q3 draft to Marcus and James, and add: please get your comments to her "
                        "by Wednesday.",
                 '1. get_email_address(name="Marcus")\n2. get_email_address(name="James")\n'
                 '3. forward_email(recipients=["$1"], context="Send Q3 draft", message_id="sarah\'s q3 draft")\n'
                 '4. append_note_content(name="Comments", content="Her by Wednesday")\n5. join()<END_OF_PLAN>')
    assert 'context="Please get your comments to her by Wednesday"' in out and "append_note_content" not in out
    kept = _ruled(specs, "email tom the agenda and add to my ideas note: agenda template",
                  '1. get_email_address(name="tom")\n2. compose_new_email(recipients=["$1"], subject="Agenda")\n'
                  '3. append_note_content(name="Ideas", content="Agenda template")\n4. join()<END_OF_PLAN>')
    assert 'append_note_content(name="Ideas", content="Agenda template")' in kept


@pytest.mark.parametrize("query, fixed", [
    ("oh he's not in there? then text tom becker instead, he'll tell him", "text tom becker that the van is ready"),
    ("email him instead", None),  # another way to reach him: an ask of its own
])
def test_the_same_ask_to_someone_else_instead_plans_the_earlier_request_again(query, fixed):
    from tinyagent.nodes.rules.corrections import corrected_request

    assert corrected_request(query, ["text Jonas that the van is ready"], ["Jonas"]) == fixed


@pytest.mark.parametrize("query, name", [
    ("q3 report to sarah and james by email, cc priya. go", "q3 report"),
    ("the lisbon itinerary to james by email please", "lisbon itinerary"),
    ("the team handbook to yuki pls", None),  # no way of sending said
    ("reply to tom by email", None),
])
def test_a_file_named_first_and_sent_by_email_is_attached(query, name):
    assert read_request(query).attached_file == name


def test_a_reply_that_copies_someone_else_still_does_not_copy_the_sender(specs):
    out = _ruled(specs, "reply to marcus re firmware 2.1, cc yuki: go ahead with thursday's rollout",
                 '1. get_email_address(name="marcus")\n2. get_email_address(name="Yuki")\n'
                 '3. reply_to_email(cc=["$1", "$2"], context="Go ahead with Thursday\'s rollout")\n4. join()<END_OF_PLAN>')
    assert 'get_email_address(name="marcus")' not in out and 'get_email_address(name="Yuki")' in out
    kept = _ruled(specs, "reply to marcus and cc marcus too",
                  '1. get_email_address(name="marcus")\n2. reply_to_email(cc=["$1"], context="ok")\n3. join()<END_OF_PLAN>')
    assert 'get_email_address(name="marcus")' in kept


def test_two_replies_to_the_same_email_are_one_saying_what_the_request_dictates(specs):
    out = _ruled(specs, "answer the email Omar sent about the hedges - the 14th is perfect and the side gate code is 2580",
                 '1. reply_to_email(context="The hedges are on the 14th", message_id="omar hedges")\n'
                 '2. reply_to_email(context="Code is 2580", message_id="omar hedges")\n3. join()<END_OF_PLAN>')
    assert out == ('1. reply_to_email(context="The 14th is perfect and the side gate code is 2580", '
                   'message_id="omar hedges")\n2. join()<END_OF_PLAN>')
    two = ('1. reply_to_email(context="Yes", message_id="omar")\n2. reply_to_email(context="No", message_id="lucas")\n'
           '3. join()<END_OF_PLAN>')
    assert _ruled(specs, "reply to omar: yes, and reply to lucas: no", two).count("reply_to_email") == 2


def test_a_second_event_at_no_time_is_no_second_event(specs):
    out = _ruled(specs, "I have my eye test at the City Clinic on the eleventh at twenty past three. It usually takes "
                        "about forty minutes. Would you put that in the calendar?",
                 '1. create_calendar_event(title="Eye test", start_date="the eleventh at twenty past three")\n'
                 '2. create_calendar_event(title="Put it", start_date="in the calendar")\n3. join()<END_OF_PLAN>')
    assert out.count("create_calendar_event") == 1 and "Put it" not in out
    two = ('1. create_calendar_event(title="Bin collection", start_date="this Wednesday")\n'
           '2. create_calendar_event(title="Recycling collection", start_date="the sixteenth")\n3. join()<END_OF_PLAN>')
    assert _ruled(specs, "bins this wednesday and recycling on the sixteenth", two).count("create_calendar_event") == 2


@pytest.mark.parametrize("query, code, fixed", [
    ("what is 1250 EUR plus 20% VAT", "print(1250 + 20 / 100 * 100)", "print(round(1250 * 1.2, 2))"),
    ("25% off 80 bucks, how much?", "print(80 - 25)", "print(round(80 * 0.75, 2))"),
    ("what is 1250 EUR plus 20% VAT", "print(1250 * 1.2)", None),  # right already
    ("net amount of a gross invoice of 7,380 including 23% VAT", "print(7380 / 1.23)", None),  # the VAT is in it
])
def test_an_amount_with_a_percent_added_or_taken_off_is_computed_from_the_two_numbers(specs, query, code, fixed):
    plan = f'1. run_python(code="{code}")\n2. join()<END_OF_PLAN>'
    assert _ruled(specs, query, plan).split("\n")[0] == f'1. run_python(code="{fixed or code}")'


def test_an_email_asking_if_is_not_also_a_text_and_asks_the_question(specs):
    out = _ruled(specs, "email nina kowalski asking if book club is still on for thursday at 7",
                 '1. get_phone_number(name="nina kowalski")\n2. send_sms(recipients=["$1"], message="Book club is on for '
                 'thursday at 7")\n3. get_email_address(name="nina kowalski")\n4. compose_new_email(recipients=["$3"], '
                 'context="Book club is on for thursday at 7")\n5. join()<END_OF_PLAN>')
    assert "send_sms" not in out and 'context="Ask if book club is still on for thursday at 7"' in out
    both = ('1. get_phone_number(name="nina")\n2. send_sms(recipients=["$1"], message="Book club")\n'
            '3. get_email_address(name="nina")\n4. compose_new_email(recipients=["$3"], context="Book club")\n'
            '5. join()<END_OF_PLAN>')
    assert "send_sms" in _ruled(specs, "email nina and text her the book club time", both)


def test_an_email_to_a_texts_report_goes_to_the_person_and_the_text_goes(specs):
    """newuser22: "email Elena Rossi asking if she's free for coffee next week" queued a text, then wrote the email
    to "$2", the text's report; and the same as a follow-up after her phone number was asked."""
    plan = ('1. get_email_address(name="Elena Rossi")\n2. send_sms(recipients=["$1"], message="Free for coffee")\n'
            '3. compose_new_email(recipients=["$2"], subject="Coffee", context="Are you free for coffee next week?")\n4. join()')
    want = ('1. get_email_address(name="Elena Rossi")\n2. compose_new_email(recipients=["$1"], subject="Coffee", '
            'context="Are you free for coffee next week?")\n3. join()<END_OF_PLAN>')
    assert _ruled(specs, "email Elena Rossi asking if she's free for coffee next week", plan) == want
    context = ("User: what's Elena Rossi's phone number?\nResult: get_phone_number(name='Elena Rossi') -> +1-555-0105\n"
               "Assistant: The phone number of Elena Rossi is +1-555-0105.")
    assert _ruled(specs, "email her asking if she's free for coffee next week", plan, context=context) == want
    assert "send_sms" in _ruled(specs, "and text her too", plan, context=context)  # a text asked for stays


def test_a_meeting_link_is_never_attached(specs):
    out = _ruled(specs, "Could you please draft a reply to Sarah's offsite email saying I'll bring my laptop but I "
                        "can't join the hike?",
                 '1. get_zoom_meeting_link(topic="the hike", start_time="2026-12-08")\n'
                 '2. reply_to_email(context="I\'ll bring my laptop", attachments=["$1"])\n3. join()<END_OF_PLAN>')
    assert out.startswith("1. reply_to_email(") and "meeting_link" not in out and "attachments" not in out


def test_trial_newuser21_misses_put_right(specs):
    from tinyagent.nodes.rules.opening import opening_verb

    assert opening_verb("I need a meeting link for a firmware sync with Yuki tomorrow at 10am, 30 mins") == "link"
    out = _ruled(specs, "ok text him that thursday rollout is fine by me",
                 '1. get_phone_number(name="marcus")\n2. send_sms(recipients=["$1"], message="The rollout is fine by me")\n'
                 '3. join()<END_OF_PLAN>')
    assert 'message="Thursday rollout is fine by me"' in out
    out = _ruled(specs, "Forward Omar's garden quote to Lucas Martin please",
                 '1. get_email_address(name="Omar")\n2. get_email_address(name="Lucas Martin")\n'
                 '3. forward_email(recipients=["$2"], context="$1")\n4. join()<END_OF_PLAN>')
    assert out.startswith('1. get_email_address(name="Lucas Martin")\n2. forward_email(recipients=["$1"]')
    assert "context" not in out
    out = _ruled(specs, "where's Casa do Rio in Alfama? show me on a map",
                 '1. maps_open_location(location="Casa do Rio, Alfama")\n2. maps_show_directions(end_location="Alfama")\n'
                 '3. join()<END_OF_PLAN>')
    assert "maps_show_directions" not in out
    # the number looked up and saved in a note stays the note's content
    kept = _ruled(specs, "look up Beatriz's number and save it in a note called Emergency contacts",
                  '1. get_phone_number(name="Beatriz")\n2. create_note(name="Emergency contacts", content="$1")\n'
                  '3. join()<END_OF_PLAN>')
    assert 'content="$1"' in kept


@pytest.mark.parametrize("query, earlier, looked_up, fixed", [
    ("no not marcus - yuki, sorry!!", "text marcus that the demo room is booked for 2", ["marcus"],
     "text yuki that the demo room is booked for 2"),
    ("oh wait i meant tomorrow", "remind me today at 6pm to water the plants", [],
     "remind me tomorrow at 6pm to water the plants"),
    ("sorry, 8 in the evening", "book 'car service' saturday at 8", [], "book 'car service' saturday 8pm"),
    ("sorry, can you also text tom", "remind me today at 6pm to water the plants", [], None),
])
def test_corrections_of_a_person_or_a_time_said_briefly(query, earlier, looked_up, fixed):
    from tinyagent.nodes.rules.corrections import request_again

    again = request_again(query, [earlier], looked_up, "")
    assert (again[0] if again else None) == fixed


def test_reply_to_him_after_his_email_was_forwarded_answers_that_email(specs):
    context = ("User: forward the invoice email to lucas\nResult: forward_email(recipients=['lucas.martin@example.com'], "
               "message_id='invoice') -> Saved email 'Fwd: Invoice for November' to lucas.martin@example.com as a draft. "
               "It forwards Lucas Martin's email 'Invoice for November' of Thu 26 Nov.\nAssistant: Saved email 'Fwd: "
               "Invoice for November' to lucas.martin@example.com as a draft.")
    out = _ruled(specs, "ugh no, I meant reply to him: paid already",
                 '1. reply_to_email(context="Paid already", message_id="him")\n2. join()<END_OF_PLAN>', context)
    assert 'message_id="Invoice for November"' in out


def test_a_note_named_first_then_a_line_to_add_appends_to_it(specs):
    plan = '1. create_note(name="Meeting notes", content="Decision: firmware 2.1 rollout moves to January")\n2. join()'
    assert 'append_note_content(name="Meeting notes"' in _ruled(
        specs, "meeting notes, add a line: Decision - firmware 2.1 rollout moves to January", plan)
    assert "create_note" in _ruled(specs, "new note - meeting notes, add a line: Decision - firmware 2.1 rollout moves to January",
                                   plan)


def test_a_reply_that_is_only_a_lead_in_gets_the_dictated_words(specs):
    """newuser22: "... reply to the email from lucas about the invoice, tell him thanks ill pay it next tuesday" drafted
    the reply "The email from Lucas says:"."""
    out = _ruled(specs, "hey can you reply to the email from lucas about the invoice, tell him thanks ill pay it next "
                        "tuesday", '1. reply_to_email(context="The email from Lucas says: ")\n2. join()')
    assert 'context="Thanks ill pay it next tuesday"' in out


@pytest.mark.parametrize("query, code, prints", [
    # newuser22: answered 2483.33
    ("whats an 18% tip on a 74.50 dinner bill, split between 3 people?", "print(round((74.50 / 3) * 100, 2))",
     "tip: 13.41\ntotal: 87.91\neach of 3: 29.3"),
    ("calculate 74.50 plus an 18 percent tip, then divide by 3", "print(74.50 + 18 / 100)", "total: 87.91\neach of 3: 29.3"),
    ("15% of 240 split 4 ways", "print(240 / 4)", "part: 36.0\neach of 4: 9.0"),
    ("whats an 18% tip on a 74.50 dinner bill, split between 3 people?", "print(round(74.5 * 1.18 / 3, 2))", "29.3"),
])
def test_a_percent_shared_between_people_is_computed_from_their_numbers(specs, query, code, prints):
    import ast
    import contextlib
    import io

    out = _ruled(specs, query, f'1. run_python(code="{code}")\n2. join()<END_OF_PLAN>')
    written = ast.literal_eval(out.split("code=", 1)[1].split(")\n2. join()")[0])
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(written, {})  # noqa: S102  (the plan's own code, made by the rule from the person's numbers)
    assert buffer.getvalue().strip() == prints
