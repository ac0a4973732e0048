"""What the ninth development conversation set (bench/conversations_dev9_cases.py) met on its first run, put right
where a rule is exact: corrections, a forward to the person named, a note two turns back, a line for a named note."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled

DECLINED = "Assistant: I can't do that: none of my tools can call (the nearest of my tools: compose new email). Nothing was run."


@pytest.mark.parametrize("query, earlier, looked_up, again", [
    ("i meant the q3 report, not the itinerary", "email james the lisbon itinerary", ["james"], "email james the q3 report"),
    ("wrong one, that text was for Priya", "Send Marcus a text: the lab key is at reception", ["Marcus"],
     "Send Priya a text: the lab key is at reception"),
    ("Elena I mean", "email Elana the team handbook", ["Elana"], "email Elena the team handbook"),
    ("never mind, tell marcus then", "text Hugo that I'm stuck in traffic", ["Hugo"], "text marcus that I'm stuck in traffic"),
])
def test_a_correction_plans_the_request_again(query, earlier, looked_up, again):
    from tinyagent.nodes.rules.corrections import request_again
    assert request_again(query, [earlier], looked_up, "")[0] == again


def test_email_him_instead_after_a_declined_call_sends_what_it_said(specs):
    out = _ruled(specs, "ok then just email him instead",
                 '1. get_email_address(name="lucas")\n2. compose_new_email(recipients=["$1"], subject="Invoice", '
                 'context="Pay invoice")\n3. join()',
                 context="User: call lucas and tell him the invoice is paid\n" + DECLINED)
    assert 'context="The invoice is paid"' in out


def test_add_to_it_two_turns_after_the_note(specs):
    context = ("User: create a note called Bike repairs: new chain, brake pads\nResult: create_note(name='Bike repairs', "
               "content='New chain brake pads') -> Created note 'Bike repairs'.\nAssistant: Created note.\n"
               "User: whats yuki's number\nResult: get_phone_number(name='yuki') -> +1-555-0109\nAssistant: The number.")
    out = _ruled(specs, "add front light to it", '1. append_note_content(name="Front light", content="$100")\n2. join()',
                 context=context)
    assert out.startswith('1. append_note_content(name="Bike repairs", content="Front light")')


def test_a_line_for_a_named_note_is_appended(specs):
    out = _ruled(specs, "Please add to my meeting notes: James will order the certification samples.",
                 '1. open_and_get_file_path(file_name="meeting notes")\n2. compose_new_email(recipients=["James"], '
                 'subject="Samples", context="Add to your meeting notes")\n3. join()')
    assert out.startswith('1. append_note_content(name="meeting notes", content="James will order the certification '
                          'samples.")')


def test_send_that_to_tom_as_well_after_a_forward_forwards_it(specs):
    context = ("User: forward the invoice email to elena\nResult: forward_email(recipients=['$1'], message_id='invoice') -> "
               "Saved email 'Fwd: Invoice for November' to elena.rossi@example.com. It forwards Lucas Martin's email "
               "'Invoice for November' of Thu 26 Nov.\nAssistant: Saved email.")
    out = _ruled(specs, "send that to tom as well",
                 '1. get_email_address(name="tom")\n2. compose_new_email(recipients=["$1"], subject="Tom", '
                 'context="Send that to Tom")\n3. join()', context=context)
    assert 'forward_email(recipients=["$1"], message_id="Invoice for November")' in out


def test_a_forward_goes_to_the_person_named_not_the_one_of_the_turn_before(specs):
    context = ("User: remind me to pay lucas's invoice on dec 18\nResult: create_reminder(name=\"Pay Lucas's invoice\", "
               "due_date='dec 18') -> Created reminder.\nAssistant: Created reminder.")
    out = _ruled(specs, "also fwd that invoice mail to elena so she has a copy",
                 '1. get_email_address(name="Lucas")\n2. forward_email(recipients=["$1"])\n3. join()', context=context)
    assert out.startswith('1. get_email_address(name="elena")')


def test_him_after_a_request_with_someone_is_that_person(specs):
    context = ("User: block 2 hours with james on thursday at 1pm to go through the expense reports\nResult: "
               "create_calendar_event(title='Expense reports', start_date='thursday at 1pm') -> Created event.\n"
               "Assistant: Created event 'Expense reports'.")
    out = _ruled(specs, "and email him the details so he knows",
                 '1. get_email_address(name="him")\n2. compose_new_email(recipients=["$1"], context="The details")\n'
                 '3. join()', context=context)
    assert out.startswith('1. get_email_address(name="james")')


def test_python_pls_with_code_runs_it_whole(specs):
    from tinyagent.nodes.rules.opening import served_action
    assert served_action("python pls: nums = [1, 2, 3]; print(nums[5])") == "python"
    out = _ruled(specs, "python pls: nums = [1, 2, 3]; print(nums[5])",
                 '1. run_python(code="nums = [1, 2, 3]")\n2. join()')
    assert 'run_python(code="nums = [1, 2, 3]; print(nums[5])")' in out


def test_question_words_a_passage_need_not_hold():
    from tinyagent.tools.passages import answers
    hit = {"path": "Documents/Sample/Lisbon_Trip_Itinerary.pdf",
           "text": "Take the metro red line from the airport to the city centre."}
    assert answers("Which metro line do I take from the airport into the centre in Lisbon?", [hit]) is hit


@pytest.mark.parametrize("query, plan, code", [
    ("run this python: import requests; print(requests.get('http://example.com').status_code)",
     '1. run_python(code="import requests")\n2. run_python(code="print(requests.get(\'http://example.com\'))")\n3. join()',
     "import requests; print(requests.get('http://example.com').status_code)"),
    ("run this in python: while True: pass", '1. run_python(code="print(while True)")\n2. join()', "while True: pass"),
])
def test_the_persons_code_runs_once_and_whole(specs, query, plan, code):
    out = _ruled(specs, query, plan)
    assert out == f'1. run_python(code="{code}")\n2. join()<END_OF_PLAN>'


def test_a_new_email_asked_for_is_one_email(specs):
    out = _ruled(specs, "email aisha asking if my blood test results are in",
                 '1. get_email_address(name="aisha")\n2. reply_to_email(cc=["$1"], context="Are your blood test results in?")\n'
                 '3. compose_new_email(recipients=["$2"])\n4. join()')
    assert out == ('1. get_email_address(name="aisha")\n2. compose_new_email(recipients=["$1"], context="Are your blood '
                   'test results in?")\n3. join()<END_OF_PLAN>')


def test_email_that_summary_sends_the_summary_not_a_file_called_summary(specs):
    context = ("User: can u give me the gist of my lisbon itinerary, short pls\nResult: summarize_pdf(pdf_path='Documents/"
               "Sample/Lisbon_Trip_Itinerary.pdf') -> Summary: This itinerary covers a four-day business trip to Lisbon.\n"
               "Assistant: Summary (lisbon itinerary): This itinerary covers a four-day business trip to Lisbon.")
    out = _ruled(specs, "email that summary to nina",
                 '1. get_email_address(name="nina")\n2. open_and_get_file_path(file_name="summary")\n'
                 '3. compose_new_email(recipients=["$1"], subject="Summary", context="$2")\n4. join()', context=context)
    assert "open_and_get_file_path" not in out and "four-day business trip" in out


def test_add_that_to_it_keeps_a_step_result_it_uses(specs):
    from tinyagent.nodes.plans.planlang import Task
    from tinyagent.nodes.rules.notes import note_of_it
    from tinyagent.nodes.request.reading import as_request
    context = ("User: create a note called Bike repairs: new chain\nResult: create_note(name='Bike repairs', content='New "
               "chain') -> Created note 'Bike repairs'.\nAssistant: Created note.\nUser: whats yuki's number\n"
               "Result: get_phone_number(name='yuki') -> +1-555-0109\nAssistant: The number.")
    tasks = [Task(1, "get_phone_number", {"name": "yuki"}),
             Task(2, "append_note_content", {"name": "Bike repairs", "content": "$1"}, (1,))]
    out = note_of_it(tasks, specs, as_request("add that number to it", context=context))
    assert out is None or all(t.args.get("content") == "$1" for t in out if t.tool == "append_note_content")
