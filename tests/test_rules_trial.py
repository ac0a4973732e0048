"""What the eighteenth new-user trial met, each put right in the plan: a step number naming no step, a message word
taken to pick an email, a forward's note that only names the email, a percent sum written wrong, a calendar nobody
named, and "put that in a note" after a summary (nodes/rules/dangling.py, chosen_email.py, code.py, unstated.py,
notes.py)."""

from __future__ import annotations

import pytest

from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.request.reading import read_request
from tinyagent.nodes.rules.code import percent_asked, percent_of
from tinyagent.nodes.rules.dangling import dangling_reference
from tinyagent.nodes.rules.pipeline import Facts, run_rules


def _ruled(specs, query: str, plan: str, context: str = "", off=()) -> str:
    return format_plan(run_rules(compile_plan(plan, specs, loose=True), Facts(specs, query, context=context), off=off))


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
