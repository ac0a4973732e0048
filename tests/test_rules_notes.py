"""A follow-up's "put that in a new note called X": the note is made, and "that" is the answer before (nodes/rules/notes.py)."""

from __future__ import annotations

from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.request.reading import read_request
from tinyagent.nodes.rules.notes import last_answer, new_note_created, note_of_it, that_is_the_answer
from tinyagent.nodes.rules.pipeline import Facts, run_rules

RISK = ("User: in the q3 report whats the main risk?\n"
        "Result: search_documents(query='q3 report main risk') -> [...]\n"
        "Assistant: From your documents (q3 report main risk): Documents/Sample/Project_Falcon_Q3_Report.pdf: Risks and "
        "next steps: the main risk is the supply of the particulate matter sensors.")


def test_put_that_in_a_new_note_makes_the_note_with_the_answer(specs):
    raw = '1. append_note_content(name="Falcon risks", content="In new note: Falcon risks")\n2. join()<END_OF_PLAN>'
    query = "put that in a new note called Falcon risks"
    out = format_plan(run_rules(compile_plan(raw, specs), Facts(specs, query, context=RISK)))
    assert out == ('1. create_note(name="Falcon risks", content="Risks and next steps: the main risk is the supply of '
                   'the particulate matter sensors.")\n2. join()<END_OF_PLAN>')
    # each switches off alone
    half = run_rules(compile_plan(raw, specs), Facts(specs, query, context=RISK), off=("new_note_created",))
    assert half[0].tool == "append_note_content" and "particulate" in half[0].args["content"]


def test_text_that_sends_the_answer_but_text_him_that_clause_is_his_message(specs):
    raw = '1. send_sms(recipients=["David"], message="Check this out")\n2. join()<END_OF_PLAN>'
    tasks = compile_plan(raw, specs)
    fixed = that_is_the_answer(tasks, specs, read_request("text that to david", context=RISK))
    assert "particulate matter sensors" in fixed[0].args["message"]
    said = '1. send_sms(recipients=["David"], message="I land back thursday evening")\n2. join()<END_OF_PLAN>'
    assert that_is_the_answer(compile_plan(said, specs), specs,
                              read_request("text david that i land back thursday evening", context=RISK)) is None
    assert that_is_the_answer(compile_plan(said, specs), specs,
                              read_request("text him that i land back thursday evening", context=RISK)) is None
    # a message that already carries the answer's words is left as the model wrote it
    kept = '1. send_sms(recipients=["David"], message="Main risk: sensor supply")\n2. join()<END_OF_PLAN>'
    assert that_is_the_answer(compile_plan(kept, specs), specs, read_request("text that to david", context=RISK)) is None


def test_appending_to_a_note_is_kept_where_no_new_note_is_asked(specs):
    raw = '1. append_note_content(name="Shopping list", content="Eggs")\n2. join()<END_OF_PLAN>'
    assert new_note_created(compile_plan(raw, specs), specs, "put eggs on the shopping list") is None
    made = new_note_created(compile_plan(raw, specs), specs, "make a shopping list note with eggs")
    assert made[0].tool == "create_note"


def test_the_answer_cut_short_in_the_transcript_ends_on_a_whole_word():
    from tinyagent.nodes.request.reading import ANSWER_CHARS

    long = "Assistant: " + "word " * (ANSWER_CHARS // 5 - 1) + "words"  # the transcript cut it there
    assert last_answer("User: x\n" + long).endswith("word word ...")
    assert last_answer("User: x\nAssistant: Done.") == "Done."
    assert last_answer("User: x") == ""


def test_that_after_an_action_is_not_its_report(specs):
    """ "now email that to Fenella" after making a note: "that" is the note, not the answer "Created the note"."""
    context = ('User: create a note called Venue options with the Old Mill, Hartley Barn and the Grange\n'
               'Assistant: Created the note "Venue options".')
    plan = ('1. get_email_address(name="Fenella")\n2. compose_new_email(recipients=["$1"], subject="Venue options", '
            'context="The Old Mill, Hartley Barn, the Grange")\n3. join()<END_OF_PLAN>')
    assert that_is_the_answer(compile_plan(plan, specs), specs, read_request("now email that to Fenella", context=context)) is None


def test_a_dictated_message_is_written_whole(specs):
    from tinyagent.nodes.rules.messages import whole_message

    def fixed(plan, query):
        out = whole_message(compile_plan(plan, specs), specs, query)
        return format_plan(out) if out else None
    assert 'context="Thanks, I\'ll pay it this week"' in fixed(
        '1. reply_to_email(context="Thanks")\n2. join()', "reply to the invoice email and say thanks, I'll pay it this week")
    assert 'context="Sounds good, go ahead"' in fixed(
        '1. reply_to_email(context="Say sounds good")\n2. join()', "just reply to the oldest email, say sounds good, go ahead")
    # the next ask is not part of the message, and a message the model wrote in its own words stays
    assert 'context="Friday works"' in fixed('1. reply_to_email(context="Friday")\n2. create_reminder(name="Book a table")\n3. join()',
                                             "reply to priya and say friday works, and remind me to book a table")
    assert fixed('1. send_sms(recipients=["Pieter"], message="The keys are under the mat.")\n2. join()',
                 "send a text to Pieter saying the keys are under the mat, and another to Joost saying hi") is None
    assert fixed('1. reply_to_email(context="Sorry, I cannot come")\n2. join()', "tell her sorry I can't make it") is None


def test_text_her_the_same_sends_the_earlier_message(specs):
    from tinyagent.nodes.rules.messages import same_message_again

    context = ("User: answer the latest email, tell her sorry I can't make it\n"
               "Result: reply_to_email(context=\"Sorry I can't make it\", message_id='latest') -> Saved email "
               "'Re: Team lunch on Friday?' to Priya Patel <priya.patel@example.com> as a draft")
    plan = '1. send_sms(recipients=["Priya Patel"], message="The same")\n2. join()<END_OF_PLAN>'
    out = same_message_again(compile_plan(plan, specs), specs, read_request("and text her the same", context=context))
    assert out[0].args["message"] == "Sorry I can't make it"
    own = '1. send_sms(recipients=["Priya Patel"], message="Sorry, running late")\n2. join()<END_OF_PLAN>'
    assert same_message_again(compile_plan(own, specs), specs, read_request("and text her the same", context=context)) is None


def test_add_a_quote_to_it_appends_it_to_the_note_read_before(specs):
    """ "whats in my ideas note", then "add 'visit the tile museum in lisbon' to it": the model named a note
    after the quote and wrote "$1200" for its text; the note is the one read, the text is the quote."""
    context = "User: whats in my ideas note\nResult: open_note(name='ideas') -> # Ideas\nAssistant: The note (ideas): # Ideas"
    raw = '1. append_note_content(name="Visit the tile museum", content="$1200")\n2. join()<END_OF_PLAN>'
    query = "add 'visit the tile museum in lisbon' to it"
    out = format_plan(run_rules(compile_plan(raw, specs, loose=True), Facts(specs, query, context=context)))
    assert out == '1. append_note_content(name="ideas", content="Visit the tile museum in lisbon")\n2. join()<END_OF_PLAN>'
    # a quoted note name is not the text: "create a note called 'gift ideas': lego for rafi"
    named = '1. create_note(name="gift ideas", content="lego for rafi")\n2. join()<END_OF_PLAN>'
    assert format_plan(run_rules(compile_plan(named, specs), Facts(specs, "create a note called 'gift ideas': lego for rafi"))) \
        == named


def _texted(specs, who: str, message: str, query: str) -> str | None:
    """The text whole_message gives a plan that looks ``who`` up and texts ``message``, or None when it leaves it."""
    from tinyagent.nodes.rules.messages import whole_message

    plan = f'1. get_phone_number(name="{who}")\n2. send_sms(recipients=["$1"], message="{message}")\n3. join()'
    out = whole_message(compile_plan(plan, specs), specs, query)
    return out[1].args["message"] if out else None


def test_a_text_dictated_after_the_name_is_sent_whole(specs):
    assert _texted(specs, "Aisha", "Are we still on for tennis?", "text her: are we still on for tennis saturday?") \
        == "Are we still on for tennis saturday?"
    # a next ask joined on is not part of the text
    assert _texted(specs, "Lars", "I'm on my way.", "text Lars I'm on my way and show me directions to 12 Harbour Road") \
        is None


def test_text_her_that_too_sends_the_earlier_message(specs):
    from tinyagent.nodes.rules.messages import same_message_again

    context = ("User: email aisha that I need to move my appointment to next week\n"
               "Result: compose_new_email(recipients=['$1'], context='I need to move my appointment to next week') -> "
               "Saved email '' to Aisha Okafor <aisha@example.com> as a draft")
    plan = '1. get_phone_number(name="Aisha")\n2. send_sms(recipients=["$1"], message="That too")\n3. join()'
    out = same_message_again(compile_plan(plan, specs), specs, read_request("text her that too", context=context))
    assert out[1].args["message"] == "I need to move my appointment to next week"


def test_a_note_that_is_there_is_appended_to_and_it_is_the_note_the_request_makes(specs):
    """ "make sure my packing note has passport" and "add sarah's new number to my note" append to a note that is
    there (a second create_note would make "packing (2)"); "create a shopping note and add eggs to it": "it" is
    the shopping note this request makes, not the note an earlier turn read."""
    raw = '1. append_note_content(name="packing", content="passport")\n2. join()<END_OF_PLAN>'
    assert new_note_created(compile_plan(raw, specs), specs, "make sure my packing note has passport") is None
    assert new_note_created(compile_plan(raw, specs), specs, "add sarah's new number to my note") is None
    context = "User: whats in my packing note\nResult: open_note(name='packing') -> # packing\nAssistant: The note (packing): socks"
    both = ('1. create_note(name="shopping", content="")\n2. append_note_content(name="shopping", content="eggs")\n'
            '3. join()<END_OF_PLAN>')
    assert format_plan(run_rules(compile_plan(both, specs), Facts(specs, "create a shopping note and add eggs to it",
                                                                  context=context))) == both
    one = '1. create_note(name="shopping", content="eggs")\n2. join()<END_OF_PLAN>'
    assert format_plan(run_rules(compile_plan(one, specs), Facts(specs, "make a shopping note and put eggs in it",
                                                                 context=context))) == one


def test_send_this_inside_a_dictated_text_is_the_persons_words(specs):
    """ "text david can you send this to me" after a question: "send this" is David's part of the text the person
    dictates, not the earlier answer to send."""
    plan = '1. get_phone_number(name="David")\n2. send_sms(recipients=["$1"], message="Can you send this to me")\n3. join()'
    assert that_is_the_answer(compile_plan(plan, specs), specs,
                              read_request("text david can you send this to me", context=RISK)) is None


def test_a_dictated_text_ends_where_a_next_sentence_asks_again(specs):
    """ "text sam running late. text ana running late too": Sam's text is "Running late", not the next ask too."""
    from tinyagent.nodes.rules.messages import whole_message

    plan = ('1. get_phone_number(name="Sam")\n2. send_sms(recipients=["$1"], message="Running late")\n'
            '3. get_phone_number(name="Ana")\n4. send_sms(recipients=["$3"], message="Running late")\n5. join()')
    assert whole_message(compile_plan(plan, specs), specs, "text sam running late. text ana running late too") is None


def test_a_quote_for_one_ask_is_not_every_text_of_the_plan(specs):
    """ "add 'buy milk' to my list and text sam i'm running late": the quote is the list's, not Sam's text; nor is
    it where the plan wrote another quote ("text sam 'running late' and add 'buy milk' to my list")."""
    from tinyagent.nodes.rules.messages import quoted_text

    both = ('1. append_note_content(name="list", content="Buy milk")\n2. get_phone_number(name="Sam")\n'
            '3. send_sms(recipients=["$2"], message="I\'m running late")\n4. join()')
    assert quoted_text(compile_plan(both, specs), specs, "add 'buy milk' to my list and text sam i'm running late") is None
    sms = '1. get_phone_number(name="Sam")\n2. send_sms(recipients=["$1"], message="Running late")\n3. join()'
    assert quoted_text(compile_plan(sms, specs), specs, "text sam 'running late' and add 'buy milk' to my list") is None


def test_add_a_line_to_the_note_just_shown_is_an_append_whatever_the_plan_was(specs):
    """The new-user trial: "open my meeting notes", then 'add "review meeting booked for Friday 10am" to it'
    made a calendar event. After a note was shown, a request that only adds one thing to it appends it; after
    an event, "add Lucas to it" is left to the plan."""
    context = "User: open my meeting notes\nResult: open_note(name='meeting notes') -> # Meeting notes\nAssistant: ..."
    plan = '1. create_calendar_event(title="Review meeting", start_date="Friday 10am")\n2. join()'
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(specs, 'add "review meeting booked for Friday 10am" to it',
                                                                 context=context)))
    assert out == ('1. append_note_content(name="meeting notes", content="Review meeting booked for Friday 10am")\n'
                   '2. join()<END_OF_PLAN>')
    event = ("User: schedule a budget check-in thursday 11am\nResult: create_calendar_event(title='Budget check-in', "
             "start_date='thursday 11am') -> Created event 'Budget check-in'")
    invite = '1. get_email_address(name="Lucas")\n2. create_calendar_event(title="Budget check-in", start_date="thursday 11am", invitees=["$1"])\n3. join()'
    assert note_of_it(compile_plan(invite, specs), specs, read_request("add Lucas to it", context=event)) is None


def test_put_that_in_a_note_mends_a_step_number_that_names_no_step(specs):
    raw = '1. append_note_content(name="Falcon risks", content="$13.")\n2. join()<END_OF_PLAN>'
    out = run_rules(compile_plan(raw, specs), Facts(specs, "put that in a new note called Falcon risks", context=RISK))
    assert out[0].tool == "create_note" and "particulate" in out[0].args["content"]


def test_oh_and_bread_too_after_an_append_appends_it(specs):
    context = ("User: put eggs on the shopping list\nResult: append_note_content(name='Shopping list', content='Eggs') -> "
               "Appended to note 'Shopping list'\nAssistant: Appended to note 'Shopping list'.")
    for query, text in [("oh and bread too", "Bread"), ("oh and 'learn to bake sourdough' too", "Learn to bake sourdough")]:
        out = format_plan(run_rules(compile_plan("1. join()", specs), Facts(specs, query, context=context)))
        assert out == f'1. append_note_content(name="Shopping list", content="{text}")\n2. join()<END_OF_PLAN>'
    # an ask of its own is not an item
    assert run_rules(compile_plan("1. join()", specs), Facts(specs, "and text her too", context=context)) == []


def test_that_after_a_declined_question_is_not_the_decline(specs):
    context = ("User: what time does my flight to lisbon land?\nAssistant: I can't do that: none of my tools fits "
               "this request (the nearest of my tools: create calendar event, documents). Nothing was run.")
    raw = '1. create_note(name="Trip times", content="$1200")\n2. join()<END_OF_PLAN>'
    assert that_is_the_answer(compile_plan(raw, specs, loose=True), specs,
                              read_request("put that in a note called Trip times", context=context)) is None


def test_a_time_written_into_a_name_is_the_time(specs):
    from tinyagent.nodes.rules.times import time_out_of_name

    out = time_out_of_name(compile_plan('1. create_reminder(name="It next monday at 9:45")\n2. join()', specs), specs,
                           "remind me about it next monday at 9:45")
    assert out[0].args == {"name": "It", "due_date": "next monday at 9:45"}
    given = compile_plan('1. create_reminder(name="Call mum", due_date="tomorrow at 6pm")\n2. join()', specs)
    assert time_out_of_name(given, specs, "remind me to call mum tomorrow at 6pm") is None


def test_a_text_that_is_only_a_broken_reference_is_the_step_that_fills_it(specs):
    """"create a video call link for the offsite planning on wednesday at 3 and email it to sarah and priya" was
    planned with context="$40)": a draft saying "$40)" went to both."""
    import pytest

    from tinyagent.nodes.plans.planlang import PlanError
    from tinyagent.nodes.rules.checks import check_plan
    from tinyagent.nodes.rules.messages import broken_reference

    query = "create a video call link for the offsite planning on wednesday at 3 and email it to sarah and priya"
    plan = ('1. get_zoom_meeting_link(topic="Offsite planning", start_time="wednesday at 3")\n'
            '2. get_email_address(name="sarah")\n3. get_email_address(name="priya")\n'
            '4. compose_new_email(recipients=["$2", "$3"], subject="Offsite planning", context="$40)")\n5. join()')
    out = broken_reference(compile_plan(plan, specs, loose=True), specs)
    assert out[3].args["context"] == "$1" and out[3].deps == (1, 2, 3)  # the link, the one step that informs
    check_plan(out, specs, query)  # and the checks take it
    # no step to fill it (only look-ups): left as it is, and refuse_broken_text refuses it, as it refuses "$!" in a
    # text and a text that repeats what a refused plan was told
    text = '1. get_phone_number(name="elena")\n2. send_sms(recipients=["$1"], message="{}")\n3. join()'
    assert broken_reference(compile_plan(text.format("$!"), specs, loose=True), specs) is None
    for message in ("$!", "The time is: $!", "Step 1 does not refer to an earlier step"):
        with pytest.raises(PlanError, match="neither the words the person asked for nor a step's result"):
            run_rules(compile_plan(text.format(message), specs, loose=True), Facts(specs, "text elena the time too"))
    run_rules(compile_plan(text.format("It's $20 each"), specs), Facts(specs, "text elena it's $20 each"))  # money stays


def test_a_note_dictated_after_its_colon_is_written_whole(specs):
    """"Make a new note called Garden plans: hedges trimmed, new beds planted, ..." kept only "Hedges trimmed", and
    made an event "Quote" on the 14th and a document search out of the note's words."""
    query = "Make a new note called Garden plans: hedges trimmed, new beds planted, quote was 1250 EUR, start on the 14th"
    plan = ('1. create_note(name="Garden plans", content="Hedges trimmed")\n2. search_documents(query="quote")\n'
            '3. create_calendar_event(title="Quote", start_date="the 14th")\n4. join()<END_OF_PLAN>')
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(specs, query)))
    assert out == ('1. create_note(name="Garden plans", content="Hedges trimmed, new beds planted, quote was 1250 EUR, '
                   'start on the 14th")\n2. join()<END_OF_PLAN>')
    # another ask joined on is not the note's, and its steps stay
    query = "add to my shopping list: eggs, milk and bread, and text omar i'm on my way"
    plan = ('1. append_note_content(name="shopping list", content="Eggs")\n2. get_phone_number(name="omar")\n'
            '3. send_sms(recipients=["$2"], message="I\'m on my way")\n4. join()<END_OF_PLAN>')
    out = format_plan(run_rules(compile_plan(plan, specs), Facts(specs, query)))
    assert 'content="Eggs, milk and bread"' in out and "send_sms" in out


def test_send_that_to_someone_as_well_sends_the_earlier_message(specs):
    from tinyagent.nodes.rules.messages import same_message_again

    context = ("User: email omar asking if he can start the garden work on the 14th\n"
               "Result: compose_new_email(recipients=['$1'], context='Can you start the garden work on the 14th?') -> "
               "Saved email '' to Omar Haddad <omar@example.com> as a draft")
    plan = ('1. get_email_address(name="tom becker")\n'
            '2. compose_new_email(recipients=["$1"], subject="To Tom Becker", context="Send it")\n3. join()')
    out = same_message_again(compile_plan(plan, specs), specs, read_request("send that to tom becker as well", context=context))
    assert out[1].args["context"] == "Can you start the garden work on the 14th?"
    # words the follow-up dictates are its own message
    plan = '1. get_phone_number(name="omar")\n2. send_sms(recipients=["$1"], message="I\'m late")\n3. join()'
    assert same_message_again(compile_plan(plan, specs), specs,
                              read_request("text him the same but say I'm late", context=context)) is None


def test_money_in_a_text_is_not_a_broken_reference(specs):
    """"45$," and "$$$" and "$12.50" are money, not a "$K" gone wrong: refuse_broken_text takes them."""
    text = '1. get_phone_number(name="omar")\n2. send_sms(recipients=["$1"], message="{}")\n3. join()'
    for message in ("The tickets were 45$, pay me back when you can", "It costs $$$ but worth it", "$12.50"):
        out = run_rules(compile_plan(text.format(message), specs), Facts(specs, f"text omar {message}"))
        assert out[1].args["message"] == message


def test_items_each_appended_by_a_step_of_their_own_are_not_written_twice(specs):
    """whole_note gives a note its words whole, but not where each item has its own step (it wrote "Passport,
    charger, sunscreen" and then "Charger" and "Sunscreen" again)."""
    plan = ('1. append_note_content(name="packing list", content="Passport")\n'
            '2. append_note_content(name="packing list", content="Charger")\n'
            '3. append_note_content(name="packing list", content="Sunscreen")\n4. join()')
    out = run_rules(compile_plan(plan, specs), Facts(specs, "add to my packing list: passport, charger, sunscreen"))
    assert [t.args["content"] for t in out] == ["Passport", "Charger", "Sunscreen"]


def test_shell_words_in_a_note_are_not_a_broken_reference(specs):
    """"${USER}" and "$(pwd)" in a note are the person's shell, not a "$K" gone wrong."""
    content = "ssh ${USER}@build01 then run $(pwd)/deploy.sh"
    plan = f'1. create_note(name="Deploy", content="{content}")\n2. join()'
    out = run_rules(compile_plan(plan, specs), Facts(specs, f"note: deploy is {content}"))
    assert out[0].args["content"] == content


def test_an_ask_about_the_note_after_a_comma_is_not_its_content(specs):
    """"create a note called Ideas: podcast about gardening, text it to ana": the note is "Podcast about
    gardening"; whole_note wrote "..., text it to ana" into it."""
    plan = ('1. create_note(name="Ideas", content="Podcast about gardening")\n2. get_phone_number(name="ana")\n'
            '3. send_sms(recipients=["$2"], message="Podcast about gardening")\n4. join()')
    out = run_rules(compile_plan(plan, specs), Facts(specs, "create a note called Ideas: podcast about gardening, text it to ana"))
    assert out[0].args["content"] == "Podcast about gardening" and out[2].tool == "send_sms"


def test_a_text_of_thanks_where_the_request_dictates_more_is_what_it_dictates(specs):
    """"Thank you. Please text her to check her inbox." queued an SMS "Thank you"."""
    assert _texted(specs, "Elena", "Thank you", "Thank you. Please text her to check her inbox.") == "Check your inbox"
    assert _texted(specs, "ana", "Thank you so much", "text ana thank you so much") is None  # thanks it sends stay


def test_the_items_put_on_a_list_are_the_words_said():
    from tests.fakes import ruled
    from tinyagent.finetune.data import real_specs

    specs = real_specs()
    plan = '1. append_note_content(name="Shopping list", content="Toap, rice, and kitchen roll")\n2. join()'
    assert 'content="Toothpaste, rice & kitchen roll"' in ruled(specs, "pls put toothpaste, rice & kitchen roll on the "
                                                                        "shopping list", plan)
    # a thing said before ("the total") is not the words to add
    total = '1. append_note_content(name="Budget", content="Holiday total: 2,847.50")\n2. join()'
    assert 'content="Holiday total: 2,847.50"' in ruled(specs, "could you add the total to my Budget note, please?", total)
