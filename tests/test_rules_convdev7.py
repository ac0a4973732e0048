"""What the seventh and eighth development conversation sets (bench/conversations_dev7_cases.py, dev8) met on their
first runs, put right where a rule is exact: which email a reply means, what a forward or a follow-up carries, who a
title's "him" is (nodes/rules/*.py, tools/inbox.py)."""

from __future__ import annotations

import pathlib

import pytest

from tests.fakes import ruled as _ruled

DECLINED = "Assistant: I can't do that: none of my tools can {verb} (the nearest of my tools: send sms). Nothing was run."


def test_a_reply_gets_no_new_email_beside_it(specs):
    out = _ruled(specs, "hey can u answer lucas re the invoice - ask him for his IBAN, i dont have his bank details anymore",
                 '1. get_email_address(name="lucas")\n2. compose_new_email(recipients=["$1"], subject="Invoice", '
                 'context="Ask him for his IBAN")\n3. reply_to_email(context="Ask him for his IBAN")\n4. join()')
    assert "compose_new_email" not in out and "get_email_address" not in out and "reply_to_email" in out


def test_a_reply_gets_no_forward_it_never_asks_for(specs):
    context = ("User: forward the q3 draft to priya\nResult: forward_email(recipients=['$1'], message_id='q3 draft') -> "
               "Saved email 'Fwd: Q3 report draft for review' to priya.patel@example.com. It forwards Sarah Lee's email "
               "'Q3 report draft for review' of Sat 28 Nov.\nAssistant: Saved email 'Fwd: Q3 report draft for review'.")
    out = _ruled(specs, "thanks. reply to that one as well and tell sarah that priya will send comments too",
                 '1. reply_to_email(context="Thanks")\n2. get_email_address(name="Sarah")\n'
                 '3. forward_email(recipients=["$2"])\n4. join()', context=context)
    assert "forward_email" not in out and 'context="That priya will send comments too"' in out


def test_a_reply_and_a_forward_both_asked_for_stay(specs):
    out = _ruled(specs, "Reply saying I'll send the figures tomorrow and forward the email to Nadia",
                 '1. reply_to_email(context="I\'ll send the figures tomorrow.")\n2. get_email_address(name="Nadia")\n'
                 '3. forward_email(recipients=["$2"])\n4. join()')
    assert "forward_email(recipients=[\"$2\"])" in out


@pytest.mark.parametrize("query, plan, text", [
    ("answer saturday's mail - the budget section looks fine to me, but why were the certification fees so high?",
     '1. reply_to_email(context="Siturday\'s mail says the budget section looks fine")\n2. join()',
     "The budget section looks fine to me, but why were the certification fees so high?"),
    ("reply to priyas lunch thing. no. cant. busy friday.", '1. reply_to_email(context="Priyas lunch thing")\n2. join()',
     "No. cant. busy friday"),
    ("answer the lunch email: yes I'm in, and I'll bring dessert", '1. reply_to_email(context="Yes I\'m in")\n2. join()',
     "Yes I'm in, and I'll bring dessert"),
])
def test_the_words_a_reply_dictates_are_its_text(specs, query, plan, text):
    assert f'context="{text}"' in _ruled(specs, query, plan)


def test_a_forward_carries_the_note_after_add(specs):
    out = _ruled(specs, "pass the firmware email on to priya. add: heads up, the pilot units update on thursday",
                 '1. get_email_address(name="priya")\n2. forward_email(recipients=["$1"])\n'
                 '3. append_note_content(name="Heads up", content="Hours up, the pilot units update on thursday")\n4. join()')
    assert 'context="Heads up, the pilot units update on thursday"' in out and "append_note_content" not in out


def test_a_forward_carries_the_file_asked_for_instead_of_a_second_email(specs):
    out = _ruled(specs, "send sarah's latest email on to marcus, with the team handbook attached too",
                 '1. get_email_address(name="marcus")\n2. open_and_get_file_path(file_name="team handbook")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Team handbook", context="Join the team", attachments=["$2"])\n'
                 '4. forward_email(recipients=["$1"])\n5. join()')
    assert "compose_new_email" not in out and 'attachments=["$2"]' in out.split("forward_email")[1]


def test_forward_it_after_a_declined_turn_forwards_the_email_that_turn_named(specs):
    out = _ruled(specs, "fine, forward it to james then, he's got a printer",
                 '1. get_email_address(name="james")\n2. forward_email(recipients=["$1"])\n3. join()',
                 context="User: print lucas's invoice email\n" + DECLINED.format(verb="print"))
    assert "lucas" in out and "invoice" in out.split("message_id=")[1]


def test_email_him_that_instead_sends_what_the_declined_turn_dictated(specs):
    out = _ruled(specs, "ok fine, email him that instead",
                 '1. get_email_address(name="him")\n2. compose_new_email(recipients=["$1"], subject="Alternative", '
                 'context="Instead of his email")\n3. join()',
                 context="User: ring omar and tell him the gate code is 4711\n" + DECLINED.format(verb="ring"))
    assert 'get_email_address(name="omar")' in out and 'context="The gate code is 4711"' in out


@pytest.mark.parametrize("query, plan, context, want", [
    ("text her that too, same words", '1. send_sms(recipients=["that too", "same words"], message="That too, same words")\n2. join()',
     "User: email aisha: my test results can wait until january\nResult: get_email_address(name='aisha') -> "
     "aisha.okafor@example.com\nResult: compose_new_email(recipients=['$1'], context='My test results can wait until "
     "january') -> Saved email.\nAssistant: Saved email.",
     ['get_phone_number(name="aisha")', 'message="My test results can wait until january"']),
    ("hm ok. just text him to bring his own copy then",
     '1. get_phone_number(name="hm")\n2. send_sms(recipients=["$1"], message="Bring his own copy")\n3. join()',
     "User: email marcus the soldering checklist\nResult: get_email_address(name='marcus') -> marcus.chen@example.com\n"
     "Assistant: I could not find the file path.", ['get_phone_number(name="marcus")']),
    ("and send her the same by email", '1. compose_new_email(recipients=["$2"])\n2. join()',
     "User: text nina: your book is on the doorstep\nResult: get_phone_number(name='nina') -> +1-555-0111\n"
     "Result: send_sms(recipients=['$1'], message='Your book is on the doorstep') -> SMS queued.\nAssistant: SMS queued.",
     ['get_email_address(name="nina")', 'context="Your book is on the doorstep"']),
])
def test_a_follow_up_sends_the_same_to_the_person_it_means(specs, query, plan, context, want):
    out = _ruled(specs, query, plan, context=context)
    assert all(w in out for w in want), out


def test_call_him_in_a_reminder_is_the_person_the_earlier_turn_named(specs):
    out = _ruled(specs, "ok he's not in there. then remind me to call him tomorrow at 8",
                 '1. create_reminder(name="Call him", due_date="tomorrow at 8")\n2. join()',
                 context="User: email the electrician that thursday works\nResult: get_email_address(name='electrician') -> "
                         "No contact named 'electrician' in contacts.vcf.\nAssistant: I could not find the email address.")
    assert 'name="Call electrician"' in out


def test_a_meeting_link_asked_for_makes_no_event(specs):
    out = _ruled(specs, "can you make me a jitsi link for the enclosure supplier call, wednesday 2pm",
                 '1. create_calendar_event(title="Jitsi", start_date="wednesday 2pm")\n'
                 '2. get_zoom_meeting_link(topic="Enclosure supplier", start_time="wednesday 2pm")\n3. join()')
    assert "create_calendar_event" not in out and "get_zoom_meeting_link" in out


def test_an_event_with_two_people_invites_both_and_does_not_end_when_it_starts(specs):
    out = _ruled(specs, "schedule a meeting with Marcus and Yuki on wednesday at 2pm about the firmware release",
                 '1. get_email_address(name="Marcus")\n2. get_email_address(name="Yuki")\n3. create_calendar_event('
                 'title="Firmware release", start_date="wednesday at 2pm", end_date="wednesday at 2pm", location="$1")\n4. join()')
    assert 'invitees=["$1", "$2"]' in out and "end_date" not in out and "location" not in out


@pytest.mark.parametrize("query, tool", [
    ("Please write answer to Omar for the garden price, I want say: is ok for me", "reply_to_email"),
    ("ok write him: the lab key is at reception", "compose_new_email"),
    ("frwd lucas invoice emial to tom n omar", "forward_email"),
])
def test_the_verb_said_otherwise_names_its_tool(query, tool):
    from tinyagent.nodes.request.lexicon import VERB_TOOLS
    from tinyagent.nodes.rules.opening import opening_tool
    assert opening_tool(query, VERB_TOOLS) == tool


def test_the_mail_that_came_in_yesterday_is_yesterdays(specs):
    out = _ruled(specs, "The mail that came in yesterday: please write back and ask whether breakfast is included at the hotel.",
                 '1. reply_to_email(context="Ask whether breakfast is included at the hotel")\n2. join()')
    assert 'message_id="yesterday"' in out


def test_an_email_address_is_no_document_to_search():
    from tinyagent.nodes.request.reading import read_request
    assert read_request("what about his email address, is that in there too?").document_named == ()
    assert read_request("what does the lisbon itinerary say about tuesday").document_named == ("lisbon", "itinerary")


@pytest.mark.parametrize("words, sender", [
    ("i received morning", "Priya Patel"), ("the one from this morning", "Priya Patel"),
    ("yesterday evening", "David Kim"), ("came in yesterday", "David Kim"),
])
def test_the_email_of_this_morning_is_todays(tmp_path: pathlib.Path, words, sender):
    from tinyagent.tools import clock, init_workspace
    from tinyagent.tools.inbox import header, inbox_message
    from tinyagent.tools.paths import Workspace
    with clock.use_today("2026-11-30"):
        msg, _ = inbox_message(Workspace(init_workspace(tmp_path / "ws", sample=True)), words)
    assert header(msg, "From").startswith(sender)


def test_remind_me_what_is_a_question_not_a_reminder(specs):
    out = _ruled(specs, "remind me, who is the falcon sensor actually built for?",
                 '1. create_reminder(name="Remind me", list_name="Falun sensor")\n'
                 '2. search_documents(query="foster parent")\n3. join()')
    assert out.startswith('1. search_documents(query="falcon sensor built")') and "create_reminder" not in out


def test_a_search_the_model_wrote_in_other_words_keeps_them_where_they_share_one(specs):
    out = _ruled(specs, "when's the kids term end", '1. search_documents(query="school term end date")\n2. join()')
    assert 'query="school term end date"' in out


def test_call_him_after_a_failed_look_up_is_the_person_asked_for(specs):
    out = _ruled(specs, "ok he's not in there. then remind me to call him tomorrow at 8",
                 '1. create_reminder(name="Call him", due_date="tomorrow at 8")\n2. join()',
                 context="User: email the electrician that thursday works\nAssistant: I could not find the email address: "
                         "No contact named 'electrician' in contacts.vcf. / I did not compose new email.")
    assert 'name="Call electrician"' in out


def test_mail_that_to_a_person_looks_up_that_person_not_a_word_of_the_answer(specs):
    context = ("User: summarise the lisbon itinerary\nResult: summarize_pdf(pdf_path='x') -> Summary: SAMPLE DATA: an "
               "example document. This itinerary covers a four-day business trip to Lisbon.\n"
               "Assistant: Summary: SAMPLE DATA: an example document. This itinerary covers a four-day business trip.")
    out = _ruled(specs, "mail that to david kim and ask him if the times are still right",
                 '1. get_email_address(name="DATA")\n2. compose_new_email(recipients=["$1"], subject="Trip", '
                 'context="Ask him if the times are still right")\n3. join()', context=context)
    assert out.startswith('1. get_email_address(name="david kim")')


def test_save_that_after_a_summary_of_a_found_file_saves_the_summary(specs):
    context = ("User: give me the gist of the team handbook\nResult: open_and_get_file_path(file_name='team handbook') -> "
               "Documents/Sample/Team_Handbook.pdf\nResult: summarize_pdf(pdf_path='$1') -> Summary: This handbook explains "
               "how we work together.\nAssistant: Summary: This handbook explains how we work together.")
    out = _ruled(specs, "save that as a note called Handbook gist",
                 '1. create_note(name="Handbook gist", content="$2")\n2. join()', context=context)
    assert 'content="This handbook explains how we work together."' in out


def test_remind_me_names_no_document():
    from tinyagent.nodes.request.reading import read_request
    assert read_request("remind me, what is project falcon actually building?").document_named == ()


def test_the_mail_of_a_date_is_that_days(tmp_path: pathlib.Path):
    from tinyagent.tools import clock, init_workspace
    from tinyagent.tools.inbox import header, inbox_message
    from tinyagent.tools.paths import Workspace
    with clock.use_today("2026-11-30"):
        ws = Workspace(init_workspace(tmp_path / "ws", sample=True))
        assert header(inbox_message(ws, "i got on nov 27")[0], "Subject") == "Firmware 2.1 release notes"
        assert header(inbox_message(ws, "the 26th of november")[0], "Subject") == "Invoice for November"


def test_passages_of_other_things_say_the_documents_do_not_mention_it():
    from tinyagent.nodes.report.answer import _passages
    hits = [{"path": "Documents/Sample/Project_Falcon_Q3_Report.pdf", "text": "The field trial reached nine months."}]
    assert _passages(hits, "lease pets", "what does my lease say about pets?").startswith(
        "Your documents do not mention lease or pets")
    assert "do not mention" not in _passages(hits, "field trial", "how long did the field trial run?")


def test_a_question_a_passage_answers_is_planned_with_the_search(tmp_path):
    from langchain_core.language_models.fake import FakeListLLM
    from tinyagent.graph.graph import build_graph, open_index
    from tinyagent.graph.settings import Settings
    from tinyagent.tools import default_tools, init_workspace
    settings = Settings(data_dir=tmp_path / "data", lora_path=None)
    tools = default_tools(init_workspace(tmp_path / "ws", sample=True))
    graph = build_graph(tools=tools, settings=settings, index=open_index(settings),
                        llm=FakeListLLM(responses=['1. search_documents(query="weekly sync")\n2. join()<END_OF_PLAN>'] * 3))
    out = graph.invoke({"messages": [("human", "when is the weekly sync?")]}, context={"approve": "none"})
    assert "documents_know" in [x["rule"] for x in out["rule_trace"]]
    assert "Monday" in out["answer"]


@pytest.mark.parametrize("query, text", [
    ("Would you please reply to Priya's message about lunch and mention that I'm allergic to nuts, just so the restaurant "
     "knows? Thank you so much.", "I'm allergic to nuts, just so the restaurant knows"),
])
def test_mention_that_dictates_the_reply(specs, query, text):
    assert f'context="{text}"' in _ruled(specs, query, '1. reply_to_email(context="Lunch")\n2. join()')


def test_the_same_after_a_failed_text_is_what_that_text_said(specs):
    out = _ruled(specs, "hmm ok. email sarah the same then, she can tell him",
                 '1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"], subject="Sara", '
                 'context="Tell her")\n3. join()',
                 context="User: text bruno that the hike is cancelled\nAssistant: I could not find the phone number: No "
                         "contact named 'bruno' in contacts.vcf. / I did not send sms.")
    assert 'context="The hike is cancelled"' in out


def test_invite_them_invites_the_people_of_the_turn_before(specs):
    context = ("User: text marcus and priya that the sensor call moved to 3\nResult: get_phone_number(name='marcus') -> "
               "+1-555-0102\nResult: get_phone_number(name='priya') -> +1-555-0103\nAssistant: SMS queued.")
    out = _ruled(specs, "put it in my calendar tomorrow at 3 and invite them",
                 '1. create_calendar_event(title="Sensor call", start_date="tomorrow at 3")\n2. join()', context=context)
    assert 'get_email_address(name="marcus")' in out and 'get_email_address(name="priya")' in out
    assert 'invitees=["$1", "$2"]' in out


def test_a_checklist_is_a_file_to_attach():
    from tinyagent.nodes.request.reading import read_request
    assert read_request("mail james the soldering checklist").asks_to_attach
    assert not read_request("Please reply to the email from the hospital with 'appointment letter' in the subject").asks_to_attach


@pytest.mark.parametrize("query, lead", [("never mind then, just reply to david's lisbon email", "reply"),
                                         ("fine, forward it to james then", "forward")])
def test_what_a_follow_up_says_before_its_verb_is_no_verb(query, lead):
    from tinyagent.nodes.rules.opening import opening_verb
    assert opening_verb(query) == lead


def test_a_named_note_or_file_is_planned_not_declined():
    from tinyagent.nodes.request.reading import read_request
    from tinyagent.nodes.rules.decoding import Decoding, named_not_empty
    def d(q):
        return Decoding(request=read_request(q), view={"served_first": True}, shown=[], specs={}, settings=None, first=True)
    assert named_not_empty(d("show me my bookshelf note")) and named_not_empty(d("read me lucas's invoice email"))
    assert not named_not_empty(d("show me directions to belem"))
    assert not named_not_empty(d("open the lisbon itinerary"))  # (planned empty, open_the_file finds it)


def test_a_tool_with_a_day_and_a_time_gets_each_as_said():
    from tinyagent.tools.specs import Param, ToolSpec
    from tests.fakes import ruled
    spec = ToolSpec(name="book_wheel", description="Book a pottery wheel.", params=[
        Param("day", "string", True, "Day, in the person's words."), Param("start_time", "string", True, "Start time."),
        Param("hours", "integer", False, "How many hours.")])
    cancel = ToolSpec(name="cancel_booking", description="Cancel a booking.", params=[
        Param("booking_id", "string", True, "The booking.")])
    out = ruled({"book_wheel": spec, "cancel_booking": cancel}, "cancel WB-7712 and get me a wheel friday 6pm, just 1 hour",
                '1. cancel_booking(booking_id="WB-7712")\n2. book_wheel(day="friday 6pm", start_time="$1", hours=1)\n'
                '3. join()')
    assert 'book_wheel(day="friday", start_time="6pm", hours=1)' in out
    laid = ToolSpec(name="book_table", description="Book a table.", params=[
        Param("date", "string", True, "Date as YYYY-MM-DD."), Param("time", "string", True, "Time as HH:MM.")])
    assert "2026" in ruled({"book_table": laid}, "table friday 6pm", '1. book_table(date="2026-12-11", time="18:00")\n2. join()')


def test_an_optional_note_that_is_a_broken_step_number_is_left_out(specs):
    out = _ruled(specs, "remind me friday to buy stamps",
                 '1. create_reminder(name="Buy stamps", due_date="friday", notes="$120.")\n2. join()')
    assert out.startswith('1. create_reminder(name="Buy stamps", due_date="friday")')


def test_remind_me_what_is_a_question():
    from tinyagent.nodes.retrieve import asks_a_question
    assert asks_a_question("remind me, what is project falcon actually building? one line is enough")
    assert not asks_a_question("remind me to call mum at 6")


def test_a_link_made_in_the_plan_is_what_the_text_sends(specs):
    out = _ruled(specs, "make me a video link for the review and text it to marcus",
                 '1. get_email_address(name="marcus")\n2. send_sms(recipients=["$1"], message="It is")\n'
                 '3. get_zoom_meeting_link(topic="Review", start_time="friday at 3")\n4. join()')
    assert '2. get_zoom_meeting_link(topic="Review", start_time="friday at 3")' in out and 'send_sms(recipients=["$1"], message="$2")' in out


def test_what_is_on_my_list_opens_the_note_not_a_search(specs):
    out = _ruled(specs, "what's on my shopping list", '1. search_documents(query="shopping list")\n2. join()')
    assert out.startswith('1. open_note(name="shopping list")')
    kept = _ruled(specs, "whats the name of the guy from the plumbing company in my notes",
                  '1. search_documents(query="plumbing company contact name")\n2. join()')
    assert "search_documents" in kept


def test_a_stated_length_makes_an_event_not_a_reminder(specs):
    out = _ruled(specs, "90 min budget workshop on wednesday from 1pm",
                 '1. create_reminder(name="90 min budget workshop", due_date="wednesday from 1pm")\n2. join()')
    assert out.startswith('1. create_calendar_event(title="90 min budget workshop", start_date="wednesday from 1pm"')
    kept = _ruled(specs, "remind me wednesday at 1pm about the 90 min workshop",
                  '1. create_reminder(name="90 min workshop", due_date="wednesday at 1pm")\n2. join()')
    assert "create_reminder" in kept


def test_the_persons_own_python_runs_as_given(specs):
    out = _ruled(specs, "run this python: print(undefined_var)", '1. run_python(code="print(undefined_var)")\n2. join()')
    assert 'run_python(code="print(undefined_var)")' in out


def test_a_file_found_is_never_the_recipient(specs):
    out = _ruled(specs, "email the tax return pdf to David",
                 '1. open_and_get_file_path(file_name="tax return")\n2. compose_new_email(recipients=["$1"], '
                 'subject="Tax return")\n3. join()')
    assert 'get_email_address(name="David")' in out and 'recipients=["$2"]' in out and 'attachments=["$1"]' in out


def test_a_reminder_twin_of_the_event_goes(specs):
    out = _ruled(specs, "invite Greta to the review on friday at 10",
                 '1. get_email_address(name="Greta")\n2. create_reminder(name="Review", due_date="friday at 10")\n'
                 '3. create_calendar_event(title="Review", start_date="friday at 10")\n4. join()')
    assert "create_reminder" not in out and 'create_calendar_event(title="Review", start_date="friday at 10", ' \
        'invitees=["$1"])' in out
    # (a reminder asked for is not this rule's to drop)
    kept = _ruled(specs, "review on friday at 10, and remind me about it",
                  '1. create_calendar_event(title="Review", start_date="friday at 10")\n'
                  '2. create_reminder(name="Review", due_date="friday at 10")\n3. join()', off=("drop_restated_steps",))
    assert "create_reminder" in kept


def test_a_link_sent_on_replaces_a_file_nobody_asked_for(specs):
    out = _ruled(specs, "get me a video link for a call with omar on thursday at 8am about the garden plan and email it to him",
                 '1. get_email_address(name="omar")\n2. open_and_get_file_path(file_name="garden plan")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Garden plan", context="$2")\n'
                 '4. get_zoom_meeting_link(topic="Garden plan", start_time="thursday at 8am")\n5. join()')
    assert "open_and_get_file_path" not in out and 'context="$2"' in out.split("compose_new_email")[1]


def test_a_misspelt_name_is_written_as_said(specs):
    out = _ruled(specs, "forward the garden quote to tom becker, he says he can do it cheaper",
                 '1. forward_email(recipients=["tom Beckker"], context="He can do it cheaper")\n2. join()')
    assert out.startswith('1. get_email_address(name="tom becker")')
    kept = _ruled(specs, "Could you kindly look up Mr. Okonkwo's phone number for me?",
                  '1. get_phone_number(name="Mr. Okonkwo")\n2. join()')
    assert 'name="Mr. Okonkwo"' in kept


def test_re_the_email_tell_her_is_a_reply():
    from tinyagent.nodes.request.lexicon import VERB_TOOLS
    from tinyagent.nodes.rules.opening import opening_tool
    assert opening_tool("re the q3 report draft - tell sarah the table on page 4 has a typo", VERB_TOOLS) == "reply_to_email"
    assert opening_tool("re: lisbon trip - remind me to book the hotel", VERB_TOOLS) is None


@pytest.mark.parametrize("query, earlier, looked_up, again", [
    ("sorry, friday not thursday", "email sarah that the customer demo is on thursday", ["sarah"],
     "email sarah that the customer demo is on friday"),
    ("not thursday, friday", "put the dentist on thursday at 3", [], "put the dentist on friday at 3"),
    ("oops wrong person, that was meant for sarah", "email priya that the budget slides are ready", ["priya"],
     "email sarah that the budget slides are ready"),
])
def test_a_word_put_right_plans_the_request_again(query, earlier, looked_up, again):
    from tinyagent.nodes.rules.corrections import request_again
    assert request_again(query, [earlier], looked_up, "")[0] == again


def test_not_now_changes_nothing():
    from tinyagent.nodes.rules.corrections import request_again
    assert request_again("thanks, not now", ["text marcus the demo moved"], ["marcus"], "") is None


def test_code_the_person_gives_runs_whole(specs):
    out = _ruled(specs, "run this python: import json; print(json.loads('{bad'))",
                 '1. run_python(code="import json")\n2. join()')
    assert "run_python(code=\"import json; print(json.loads('{bad'))\")" in out


def test_run_and_calculate_are_tools_verbs():
    from tinyagent.nodes.rules.opening import served_action
    assert served_action("run this in python: while True: pass") == "run"
    assert served_action("calculate 15% of 80") == "calculate"


def test_a_note_called_x_is_named_x_whole(specs):
    assert 'name="Handbook gist"' in _ruled(specs, "save that as a note called Handbook gist",
                                             '1. create_note(name="Handbook", content="The handbook")\n2. join()')
    kept = _ruled(specs, "uh put the trip summary in a note called trip prep in the School folder",
                  '1. create_note(name="trip prep", content="The trip", folder="School")\n2. join()')
    assert 'name="trip prep"' in kept


def test_send_that_one_on_after_a_text_is_a_text(specs):
    context = ("User: text nina: sorry, i can't make book club this month\nResult: get_phone_number(name='nina') -> "
               "+1-555-0111\nResult: send_sms(recipients=['$1'], message=\"Sorry, I can't make book club this month\") -> "
               "SMS queued.\nAssistant: SMS to +1-555-0111 queued.")
    out = _ruled(specs, "send that one to elena as well, she's in it too",
                 '1. get_email_address(name="elena")\n2. compose_new_email(recipients=["$1"], context="Send it")\n3. join()',
                 context=context)
    assert 'get_phone_number(name="elena")' in out and "send_sms(recipients=[\"$1\"], message=\"Sorry, I can't make book " \
        "club this month\")" in out
    by_mail = _ruled(specs, "send that one to elena by email as well",
                     '1. get_email_address(name="elena")\n2. compose_new_email(recipients=["$1"], context="Sorry")\n3. join()',
                     context=context)
    assert "compose_new_email" in by_mail


def test_a_short_reply_keeps_its_words(specs):
    assert 'context="Got it"' in _ruled(specs, "reply to lucas's invoice: got it, thanks",
                                        '1. reply_to_email(context="Get it")\n2. join()')
    assert 'message="I\'m outside."' in _ruled(specs, "txt jaz im outside",
                                               '1. get_phone_number(name="jaz")\n2. send_sms(recipients=["$1"], '
                                               'message="I\'m outside.")\n3. join()')


def test_send_it_two_turns_after_the_file_was_found_attaches_it(specs):
    context = ("User: open the lisbon itinerary\nResult: open_and_get_file_path(file_name='lisbon itinerary') -> "
               "Documents/Sample/Lisbon_Trip_Itinerary.pdf\nAssistant: Found the file.\nUser: what's tom becker's email\n"
               "Result: get_email_address(name='tom') -> tom.becker@example.com\nAssistant: The email address of tom is "
               "tom.becker@example.com.")
    out = _ruled(specs, "send it to him, he's feeding the cat",
                 '1. get_email_address(name="him")\n2. open_and_get_file_path(file_name="cat")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Cat feeding", context="Feed the cat")\n4. join()',
                 context=context)
    assert 'open_and_get_file_path(file_name="Documents/Sample/Lisbon_Trip_Itinerary.pdf")' in out
    assert 'attachments=["$2"]' in out
