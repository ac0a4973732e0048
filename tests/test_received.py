"""A reply or forward step gets the person's words for which email it means (nodes/rules/received.py)."""

from __future__ import annotations

import pytest

from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.nodes.rules.received import email_words, name_received_email, received_for_asked


def _named(plan: str, query: str, specs, context: str = "") -> str | None:
    tasks = compile_plan(plan, specs)
    out = name_received_email(tasks, specs, query, context)
    step = next(t for t in (out or tasks) if t.tool in ("reply_to_email", "forward_email"))
    return step.args.get("message_id")


@pytest.mark.parametrize("query, plan, words", [
    ("forward sarah's q3 report email to Lucas Martin and attach the falcon q3 report pdf",
     '1. get_email_address(name="Lucas Martin")\n2. open_and_get_file_path(file_name="falcon q3 report")\n'
     '3. forward_email(recipients=["$1"], attachments=["$2"])\n4. join()<END_OF_PLAN>', "sarah's q3 report"),
    ("reply to David's email about lisbon and say thanks, I'll be at the airport early",
     '1. reply_to_email(context="Thanks, I\'ll be at the airport early")\n2. join()<END_OF_PLAN>', "david's about lisbon"),
    ("fwd the email from Omar about the garden to tom",
     '1. get_email_address(name="tom")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>',
     "from omar about garden"),
    ("reply to lucas about the invoice saying I'll pay on Friday",
     '1. reply_to_email(context="I\'ll pay on Friday")\n2. join()<END_OF_PLAN>', "lucas about invoice"),
    ("reply to yesterday's email: sounds good",
     '1. reply_to_email(context="Sounds good")\n2. join()<END_OF_PLAN>', "yesterday's"),
])
def test_the_words_for_the_email_go_into_the_step(specs, query, plan, words):
    assert _named(plan, query, specs) == words


def test_no_words_for_an_email_leave_the_newest(specs):
    plan = '1. reply_to_email(context="See you there")\n2. join()<END_OF_PLAN>'
    assert _named(plan, "reply: see you there", specs) is None


def test_that_email_in_a_follow_up_is_the_one_the_conversation_showed(specs):
    context = ("person: reply to lucas about the invoice\nassistant: Saved email 'Re: Invoice for November' to "
               "Lucas Martin <lucas.martin@example.com> as a draft")
    plan = '1. get_email_address(name="Tom")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>'
    assert _named(plan, "forward that email to Tom too", specs, context) == "Invoice for November"


def test_a_step_that_names_its_email_is_left_alone(specs):
    plan = '1. reply_to_email(context="ok", message_id="<a@b.c>")\n2. join()<END_OF_PLAN>'
    assert _named(plan, "reply to sarah's email: ok", specs) == "<a@b.c>"


def test_recipient_names_are_not_words_for_the_email():
    assert email_words("forward the firmware notes to Yuki", {"yuki"}) == "firmware notes"


def _final(plan: str, query: str, specs) -> str:
    from tinyagent.nodes.plans.planlang import format_plan

    tasks = compile_plan(plan, specs)
    tasks = received_for_asked(tasks, specs, query) or tasks
    tasks = name_received_email(tasks, specs, query) or tasks
    return format_plan(tasks)


def test_a_forward_planned_as_a_new_email_forwards(specs):
    plan = ('1. get_email_address(name="Lucas Martin")\n2. compose_new_email(recipients=["$1"], subject="Q3 report", '
            'context="FYI")\n3. join()<END_OF_PLAN>')
    assert _final(plan, "forward sarah's q3 report email to Lucas Martin", specs) == (
        '1. get_email_address(name="Lucas Martin")\n'
        '2. forward_email(recipients=["$1"], context="FYI", message_id="sarah\'s q3 report")\n3. join()<END_OF_PLAN>')


def test_a_reply_planned_as_a_new_email_answers_the_sender(specs):
    plan = ('1. get_email_address(name="David")\n2. compose_new_email(recipients=["$1"], context="Thanks!")\n'
            '3. join()<END_OF_PLAN>')
    assert _final(plan, "reply to David's email about lisbon and say thanks", specs) == (
        '1. reply_to_email(context="Thanks!", message_id="david\'s about lisbon")\n2. join()<END_OF_PLAN>')


def test_a_new_email_asked_for_stays_new(specs):
    plan = ('1. get_email_address(name="Lucas")\n2. compose_new_email(recipients=["$1"], context="Hi")\n'
            '3. join()<END_OF_PLAN>')
    assert received_for_asked(compile_plan(plan, specs), specs, "email lucas hi") is None


def test_what_a_reply_says_is_not_taken_for_which_email():
    assert email_words("cc Li Wei on a reply saying the shipment left this morning", {"li", "wei"}) == ""
    assert email_words("reply saying thanks", set()) == ""


def test_a_forward_looked_up_for_the_emails_sender_goes_to_the_named_person(specs):
    from tinyagent.nodes.plans.planlang import format_plan
    from tinyagent.nodes.rules.received import forward_to_named

    plan = '1. get_email_address(name="Omar")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>'
    out = forward_to_named(compile_plan(plan, specs), specs, "Forward Omar's garden quote email to Tom Becker")
    assert format_plan(out).startswith('1. get_email_address(name="Tom Becker")')
    ok = '1. get_email_address(name="Tom Becker")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>'
    assert forward_to_named(compile_plan(ok, specs), specs, "Forward Omar's garden quote email to Tom Becker") is None


def test_email_him_after_looking_him_up_is_a_new_email_to_him(specs):
    """ "do i have james's email?" then "ok email him asking if 2.1 is out yet": the model replied to the
    newest email and left James's address unused; it is a new email to him. A follow-up that replies to
    an email ("reply to that one") stays a reply."""
    from tinyagent.nodes.plans.planlang import compile_plan, format_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    context = ("User: do i have james's email?\nResult: get_email_address(name='james') -> james.obrien@example.com\n"
               "Assistant: The email address of james is james.obrien@example.com.")
    plan = '1. get_email_address(name="him")\n2. reply_to_email(context="If 2.1 is out")\n3. join()'
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(specs, "ok email him asking if 2.1 is out yet", context=context)))
    # (the text is the question asked whole: "asking if ..." dictates it since the nineteenth session)
    assert out == ('1. get_email_address(name="james")\n2. compose_new_email(recipients=["$1"], '
                   'context="Ask if 2.1 is out yet")\n3. join()<END_OF_PLAN>')
    reply = '1. reply_to_email(context="Sounds good")\n2. join()'
    assert run_rules(compile_plan(reply, specs), Facts(specs, "reply to that one: sounds good", context=context))[0].tool \
        == "reply_to_email"
    # "email him back" replies, and "email that to sarah" forwards the email shown before
    shown = ("User: whats the latest email\nResult: get_latest_emails(n=1) -> [{'from': 'Tom Becker <tom@example.com>', "
             "'subject': 'Budget'}]\nAssistant: Tom Becker's email 'Budget'")
    back = '1. get_email_address(name="Tom")\n2. reply_to_email(message_id="latest", context="Thanks")\n3. join()'
    assert "reply_to_email(" in format_plan(run_rules(compile_plan(back, specs), Facts(
        specs, "email him back saying thanks", context=shown)))
    on = '1. get_email_address(name="Sarah")\n2. forward_email(message_id="Budget", recipients=["Sarah"])\n3. join()'
    assert "forward_email(" in format_plan(run_rules(compile_plan(on, specs), Facts(specs, "email that to sarah", context=shown)))


def test_a_forward_typed_in_lower_case_goes_to_the_person_after_to(specs):
    from tinyagent.nodes.plans.planlang import compile_plan, format_plan
    from tinyagent.nodes.rules.received import forward_to_named

    plan = '1. get_email_address(name="marcus firmware")\n2. forward_email(recipients=["$1"])\n3. join()'
    out = forward_to_named(compile_plan(plan, specs), specs, "forward marcus firmware mail to yuki")
    assert format_plan(out).startswith('1. get_email_address(name="yuki")')
    # "to the team", "to me": no one named after "to"
    assert forward_to_named(compile_plan(plan, specs), specs, "forward marcus firmware mail to me") is None


def test_the_email_words_keep_what_the_typo_corrector_changed(tmp_path, specs):
    """ "fwd sarahs offsite email to priya": the corrector read "offsite" as "office", which fits neither of
    Sarah's two emails; the words as typed go along, and the mail tool finds the offsite one."""
    from tinyagent.nodes.plans.planlang import compile_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules
    from tinyagent.tools import init_workspace
    from tinyagent.tools.inbox import inbox_message
    from tinyagent.tools.paths import Workspace

    plan = '1. get_email_address(name="priya")\n2. forward_email(recipients=["$1"])\n3. join()'
    out = run_rules(compile_plan(plan, specs), Facts(specs, "fwd sarahs offsite email to priya",
                                                     reading="fwd sarah office email to priya"))
    said = out[1].args["message_id"]
    assert "offsite" in said.split()
    msg, _ = inbox_message(Workspace(init_workspace(tmp_path / "ws", sample=True)), said)
    assert "Offsite" in msg["Subject"]


def _ruled(plan: str, query: str, specs) -> str:
    from tinyagent.nodes.plans.planlang import format_plan
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    return format_plan(run_rules(compile_plan(plan, specs, loose=True), Facts(specs, query)))


def test_tell_her_in_a_reply_is_the_replys_text_not_an_email_to_friday(specs):
    """The new-user trial's reply to Priya said "The team lunch" and looked up a contact "friday at 12"."""
    query = "hey can you reply to priyas email about the team lunch and tell her friday at 12:30 works for me"
    plan = ('1. reply_to_email(context="The team lunch", message_id="about team lunch priyas")\n'
            '2. get_email_address(name="friday at 12")\n'
            '3. compose_new_email(recipients=["$2"], subject="Team lunch", context="Tell her Friday at 12:30 works for me")\n'
            '4. join()<END_OF_PLAN>')
    out = _ruled(plan, query, specs)
    assert out.startswith('1. reply_to_email(context="Friday at 12:30 works for me"') and "compose_new_email" not in out
    assert "get_email_address" not in out
    # a new email to someone the request names stays
    both = ('1. reply_to_email(context="Sounds good")\n2. get_email_address(name="Tom")\n'
            '3. compose_new_email(recipients=["$2"], context="Sounds good")\n4. join()<END_OF_PLAN>')
    assert "compose_new_email" in _ruled(both, "reply to priya and say sounds good, and email Tom the same", specs)


def test_a_closing_thank_you_is_no_second_email(specs):
    query = "Please forward David's email with the Lisbon flights to Elena Rossi, thank you"
    plan = ('1. get_email_address(name="Elena Rossi")\n2. forward_email(recipients=["$1"])\n'
            '3. get_email_address(name="Elena Rossi")\n'
            '4. compose_new_email(recipients=["$3"], subject="Lisbon flights", context="Thank you")\n5. join()<END_OF_PLAN>')
    out = _ruled(plan, query, specs)
    assert "compose_new_email" not in out and out.count("get_email_address") == 1 and "forward_email" in out
    # thanks the request asks for are sent
    asked = ('1. get_email_address(name="sarah")\n2. compose_new_email(recipients=["$1"], context="Lunch is at 1")\n'
             '3. get_phone_number(name="sarah")\n4. send_sms(recipients=["$3"], message="Thanks")\n5. join()<END_OF_PLAN>')
    assert 'message="Thanks"' in _ruled(asked, "email sarah that lunch is at 1 and text her thanks", specs)


def test_on_the_map_is_no_place(specs):
    plan = ('1. maps_open_location(location="Parque das Nacoes")\n2. maps_open_location(location="On the map")\n'
            '3. join()<END_OF_PLAN>')
    out = _ruled(plan, "where is Parque das Nacoes? show me on a map", specs)
    assert out == '1. maps_open_location(location="Parque das Nacoes")\n2. join()<END_OF_PLAN>'


def test_an_event_there_is_no_map_step(specs):
    """no_place drops only map steps: an event "there" on friday is an event, not a map shown "there"."""
    plan = ('1. create_calendar_event(title="Coffee with Ana", start_date="monday 10am", location="Cafe Luna")\n'
            '2. create_calendar_event(title="Lunch with Ana", start_date="friday 1pm", location="There")\n3. join()')
    out = _ruled(plan, "schedule coffee with Ana at Cafe Luna on monday 10am and lunch with her there on friday at 1pm",
                 specs)
    assert 'title="Lunch with Ana"' in out


def test_a_thank_you_the_request_sends_is_a_message(specs):
    """"then send her a thank you" asks for the thanks: courtesy_no_message leaves them."""
    plan = ('1. get_email_address(name="Elena")\n2. forward_email(recipients=["$1"], message_id="david flights")\n'
            '3. get_email_address(name="Elena")\n4. compose_new_email(recipients=["$3"], context="Thank you")\n5. join()')
    out = _ruled(plan, "forward david's flight email to elena, then send her a thank you", specs)
    assert 'context="Thank you"' in out


def test_a_text_the_request_asks_for_besides_the_reply_stays(specs):
    """reply_says_it drops a new message to people looked up by the dictated words only: "tell her I'll ask Tom,
    then text tom ..." asks for the text to Tom as well."""
    plan = ('1. reply_to_email(context="I will ask Tom", message_id="priya")\n2. get_phone_number(name="Tom")\n'
            '3. send_sms(recipients=["$2"], message="Can you send Priya the slides?")\n4. join()')
    out = _ruled(plan, "reply to priya and tell her I'll ask Tom, then text tom to send her the slides", specs)
    assert out == plan.replace("4. join()", "4. join()<END_OF_PLAN>")  # the right plan is left as it is


def test_an_email_and_its_message_written_the_wrong_way_round_are_swapped(specs):
    """The seventeenth session's trial: "reply to priya's lunch email, friday 12:30 works great" planned
    ``reply_to_email(context="Priya's lunch email", message_id="friday 12:30")``, which two emails fit."""
    query = "reply to priya's lunch email, friday 12:30 works great"
    plan = '1. reply_to_email(context="Priya\'s lunch email", message_id="friday 12:30")\n2. join()<END_OF_PLAN>'
    assert _ruled(plan, query, specs) == ('1. reply_to_email(context="Friday 12:30 works great", message_id="priya\'s '
                                          'lunch")\n2. join()<END_OF_PLAN>')
    # the right way round already: left as it is
    right = '1. reply_to_email(context="Friday 12:30 works great", message_id="priya\'s lunch")\n2. join()<END_OF_PLAN>'
    assert _ruled(right, query, specs) == right


@pytest.mark.parametrize("query, plan, context, words", [
    # the day's email typed without its apostrophe
    ("yesterdays mail -> reply, ask if the hotel has parking",
     '1. reply_to_email(context="Ask if the hotel has parking")\n2. join()<END_OF_PLAN>', "", "yesterdays"),
    # the subject said first, as in a memo
    ("re the q3 draft: reply that the budget part is fine",
     '1. reply_to_email(context="The budget part is fine")\n2. join()<END_OF_PLAN>', "", "q3 draft"),
    # the sender named in a sentence of its own
    ("Sarah sent me two mails. Please reply to the first one she sent and say I'll bring my laptop",
     '1. reply_to_email(context="I\'ll bring my laptop")\n2. join()<END_OF_PLAN>', "", "first she sent sarah"),
    # "forward that" after a turn that showed an email
    ("forward that to lucas too so he knows",
     '1. get_email_address(name="lucas")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>',
     "User: reply to omars quote: could you do it for 1000?\nAssistant: Saved email 'Re: Quote for the garden work' "
     "to Omar Haddad <omar.haddad@example.com> as a draft", "Quote for the garden work"),
])
def test_which_email_as_people_word_it(specs, query, plan, context, words):
    assert _named(plan, query, specs, context) == words


@pytest.mark.parametrize("query, looked_up, context, person", [
    # the words for the email, looked up as a person
    ("forward marcus's release notes to yuki", "marcus's release notes", "", "yuki"),
    # a name taken from an earlier answer, never said by the person
    ("also forward it to elena, she might come along", "Nov The text See",
     "User: reply to the newest email: sure, see you there\nAssistant: Saved email 'Re: Team lunch on Friday?' to "
     "Priya Patel as a draft. It answers Priya Patel's email 'Team lunch on Friday?' of Mon 30 Nov. The text: \"See "
     "you there\"", "elena"),
])
def test_a_forward_looked_up_for_words_that_are_not_its_recipient_goes_to_the_person_named(specs, query, looked_up,
                                                                                            context, person):
    from tinyagent.nodes.plans.planlang import format_plan
    from tinyagent.nodes.request.reading import read_request
    from tinyagent.nodes.rules.received import forward_to_named

    plan = f'1. get_email_address(name="{looked_up}")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>'
    out = forward_to_named(compile_plan(plan, specs), specs, read_request(query, "", context))
    assert out is not None and format_plan(out).startswith(f'1. get_email_address(name="{person}")')
    said = '1. get_email_address(name="Tom Becker")\n2. forward_email(recipients=["$1"])\n3. join()<END_OF_PLAN>'
    assert forward_to_named(compile_plan(said, specs), specs, read_request("forward it to Tom Becker", "", context)) is None


@pytest.mark.parametrize("query, verb", [
    ("now answer it: yes please, book a table for five", "reply"),
    ("answer it and say thanks", "reply"),
    ("could you pass sarah's offsite plan along to marcus and priya?", "forward"),
])
def test_replies_and_forwards_said_in_other_words_open_with_their_tool(query, verb):
    from tinyagent.nodes.rules.opening import opening_verb

    assert opening_verb(query) == verb
