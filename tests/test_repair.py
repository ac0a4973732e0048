"""A named file found but not attached, or not looked up, is attached in code; anything less clear is
left to the checks."""

import pytest

from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.rules.files import attach_found_file
from tinyagent.tools import ToolConfig, default_tools, init_workspace
from tinyagent.tools.specs import specs_for


@pytest.fixture(scope="module")
def specs(tmp_path_factory):
    return specs_for(default_tools(init_workspace(tmp_path_factory.mktemp("ws")), ToolConfig()))


def repaired(text, specs, query, first_id=1):
    out = attach_found_file(compile_plan(text, specs, first_id=first_id, known_ids=range(1, first_id)),
                            specs, query)
    return format_plan(out) if out else None


def applied(repair, plan, specs, *args) -> str | None:
    """The plan after ``repair(tasks, specs, *args)``, as text; None when it repairs nothing."""
    out = repair(compile_plan(plan, specs), specs, *args)
    return format_plan(out) if out else None


def test_a_lookup_written_after_the_email_moves_before_it_and_is_attached(specs):
    plan = ('1. get_email_address(name="Sarah Lee")\n'
            '2. compose_new_email(recipients=["$1"], subject="Q3 report")\n'
            '3. open_and_get_file_path(file_name="Q3 report")\n4. join()<END_OF_PLAN>')
    assert repaired(plan, specs, "Email Sarah Lee the Q3 report") == (
        '1. get_email_address(name="Sarah Lee")\n'
        '2. open_and_get_file_path(file_name="Q3 report")\n'
        '3. compose_new_email(recipients=["$1"], subject="Q3 report", attachments=["$2"])\n'
        '4. join()<END_OF_PLAN>')


def test_references_follow_the_renumbered_steps(specs):
    plan = ('5. compose_new_email(recipients=["$6"], subject="Slides", context="from $1")\n'
            '6. get_email_address(name="Tom")\n'
            '7. open_and_get_file_path(file_name="slides")\n8. join()<END_OF_PLAN>')
    # $6 before step 6: the lookup is put first, then the found file attached
    assert repaired(plan, specs, "send Tom the slides", first_id=5) == (
        '5. get_email_address(name="Tom")\n6. open_and_get_file_path(file_name="slides")\n'
        '7. compose_new_email(recipients=["$5"], subject="Slides", context="from $1", attachments=["$6"])\n'
        '8. join()<END_OF_PLAN>')
    plan = ('5. get_email_address(name="Tom")\n'
            '6. compose_new_email(recipients=["$5"], subject="Slides", context="see $1")\n'
            '7. open_and_get_file_path(file_name="slides")\n8. join()<END_OF_PLAN>')
    assert repaired(plan, specs, "send Tom the slides", first_id=5) == (
        '5. get_email_address(name="Tom")\n6. open_and_get_file_path(file_name="slides")\n'
        '7. compose_new_email(recipients=["$5"], subject="Slides", context="see $1", attachments=["$6"])\n'
        '8. join()<END_OF_PLAN>')


@pytest.mark.parametrize("plan, query", [
    # nothing asks for a file to be attached
    ('1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"], subject="Hi")\n'
     '3. open_and_get_file_path(file_name="notes")\n4. join()', "email Sarah hi, then open my notes"),
    # already attached
    ('1. open_and_get_file_path(file_name="report")\n2. compose_new_email(recipients=["a@b.c"], subject="R", '
     'attachments=["$1"])\n3. join()', "email a@b.c the report"),
    # two files: which goes where is not clear
    ('1. open_and_get_file_path(file_name="a")\n2. open_and_get_file_path(file_name="b")\n'
     '3. compose_new_email(recipients=["a@b.c"], subject="R")\n4. join()', "email a@b.c the a and b files"),
    # no file lookup, and the request names no file: the plan checks ask the planner for one
    ('1. compose_new_email(recipients=["a@b.c"], subject="R")\n2. join()', "email a@b.c and attach it"),
])
def test_nothing_unclear_is_repaired(specs, plan, query):
    assert repaired(plan, specs, query) is None


EXAMPLE = {"query": "Email Priya Shah the budget and add 'Call the bank' to my errands note",
           "plan": '1. get_email_address(name="Priya Shah")\n'
                   '2. compose_new_email(recipients=["$1"], subject="Budget")\n'
                   '3. append_note_content(name="errands", content="Call the bank")\n4. join()<END_OF_PLAN>'}


def trimmed(text, specs, query, examples=(EXAMPLE,)):
    from tinyagent.nodes.rules.extra_steps import drop_copied_steps

    out = drop_copied_steps(compile_plan(text, specs), query, list(examples))
    return format_plan(out) if out else None


def test_a_step_copied_from_the_example_is_dropped_with_what_uses_it(specs):
    plan = ('1. get_email_address(name="Marta")\n'
            '2. compose_new_email(recipients=["$1"], context="The train is late")\n'
            '3. append_note_content(name="errands", content="Call the bank")\n'
            '4. get_email_address(name="Priya Shah")\n'
            '5. compose_new_email(recipients=["$4"], context="$2")\n6. join()<END_OF_PLAN>')
    assert trimmed(plan, specs, "email Marta that the train is late") == (
        '1. get_email_address(name="Marta")\n'
        '2. compose_new_email(recipients=["$1"], context="The train is late")\n3. join()<END_OF_PLAN>')


def test_steps_the_request_asks_for_are_kept_even_when_the_example_has_them(specs):
    plan = ('1. append_note_content(name="errands", content="Call the bank")\n2. join()<END_OF_PLAN>')
    # the request shares words with the step: it was asked for, not copied
    assert trimmed(plan, specs, "add call the bank to my errands note") is None
    # a value the example does not hold is the model's own; short codes alone never count
    assert trimmed('1. create_note(name="Ideas", content="Sailing")\n2. join()<END_OF_PLAN>', specs,
                   "note some holiday plans") is None
    # no example shown, or a plan that would be dropped whole: left to the checks
    assert trimmed(plan, specs, "remind me about the dentist", examples=()) is None
    assert trimmed(plan, specs, "remind me about the dentist") is None


def test_no_gold_step_of_the_generated_test_split_looks_copied():
    """The rule, run on the generator's gold plans with the example each prompt showed."""
    import json
    from pathlib import Path

    from tinyagent.finetune import data
    from tinyagent.nodes.rules.extra_steps import copied_from_example

    specs = {**(data.real_specs() or {}), **{t.spec.name: t.spec for t in data.TRAIN_TOOLS + data.UNSEEN_TOOLS}}
    rows = [json.loads(line) for line in Path(data.ROOT / "finetune" / "data" / "test.jsonl").open()]
    steps = copies = 0
    for row in rows:
        if row["decline"]:
            continue
        prompt = "\n".join(m["content"] for m in row["messages"][:-1]).replace(row["query"], "")
        for task in compile_plan(row["plan"], specs):
            steps += 1
            copies += copied_from_example(task, row["query"], prompt)
    assert steps > 400 and copies == 0


def test_a_file_the_request_names_is_looked_up_and_attached_when_the_plan_forgot_it(specs):
    plan = ('1. get_email_address(name="Fatima")\n2. compose_new_email(recipients=["$1"], subject="Agenda")\n'
            '3. create_reminder(name="Print copies", due_date="tomorrow morning")\n4. join()<END_OF_PLAN>')
    assert repaired(plan, specs, "Email Fatima the agenda and remind me to print copies tomorrow morning") == (
        '1. get_email_address(name="Fatima")\n2. open_and_get_file_path(file_name="agenda")\n'
        '3. compose_new_email(recipients=["$1"], subject="Agenda", attachments=["$2"])\n'
        '4. create_reminder(name="Print copies", due_date="tomorrow morning")\n5. join()<END_OF_PLAN>')
    # the email first: the look-up goes before it, numbering starts where the plan did
    plan = '3. compose_new_email(recipients=["kwame@example.com"], subject="Invoice")\n4. join()<END_OF_PLAN>'
    assert repaired(plan, specs, "email kwame@example.com the invoice pdf", first_id=3) == (
        '3. open_and_get_file_path(file_name="invoice")\n'
        '4. compose_new_email(recipients=["kwame@example.com"], subject="Invoice", attachments=["$3"])\n'
        '5. join()<END_OF_PLAN>')


def test_a_file_name_the_request_does_not_say_becomes_the_one_it_says(specs):
    plan = ('1. get_email_address(name="My mother")\n2. open_and_get_file_path(file_name="tool")\n'
            '3. compose_new_email(recipients=["$1"], subject="Tool")\n4. join()<END_OF_PLAN>')
    assert repaired(plan, specs, "Email my mum the holiday photos") == (
        '1. get_email_address(name="My mother")\n2. open_and_get_file_path(file_name="holiday photos")\n'
        '3. compose_new_email(recipients=["$1"], subject="Tool", attachments=["$2"])\n4. join()<END_OF_PLAN>')
    # typed fast: the name comes from the request as retrieval read it
    out = attach_found_file(compile_plan('1. compose_new_email(recipients=["a@b.c"], subject="R")\n2. join()', specs),
                            specs, "emial a@b.c the Q3 reprot", reading="email a@b.c the Q3 report")
    assert out is not None and out[0].args == {"file_name": "Q3 report"}


def test_a_lookup_of_someone_the_request_never_names_is_dropped(specs):
    from tinyagent.nodes.rules.lookups import drop_stray_lookups

    def dropped(plan, query, context=""):
        return applied(drop_stray_lookups, plan, specs, query, context)
    plan = ('1. get_email_address(name="Sarah Lee")\n2. open_and_get_file_path(file_name="Q3 report")\n'
            '3. compose_new_email(recipients=["$1"], subject="Q3 report", attachments=["$2"])\n'
            '4. get_email_address(name="John")\n5. open_and_get_file_path(file_name="calendar")\n6. join()<END_OF_PLAN>')
    assert dropped(plan, "email Sarah Lee the Q3 report") == (
        '1. get_email_address(name="Sarah Lee")\n2. open_and_get_file_path(file_name="Q3 report")\n'
        '3. compose_new_email(recipients=["$1"], subject="Q3 report", attachments=["$2"])\n4. join()<END_OF_PLAN>')
    # named in the request (even with a typo) or in an earlier turn, or used by a step: kept
    assert dropped('1. get_phone_number(name="Charlotte")\n2. join()', "give me Chralotte's number") is None
    assert dropped('1. get_phone_number(name="Marcus")\n2. join()', "and his number?",
                   "User: what's Marcus's email?") is None
    assert dropped('1. get_email_address(name="John")\n2. compose_new_email(recipients=["$1"], subject="Hi")\n'
                   '3. join()', "email my brother hi") is None


def test_no_gold_step_of_the_generated_test_split_is_a_stray_lookup():
    import json
    from pathlib import Path

    from tinyagent.finetune import data
    from tinyagent.nodes.rules.lookups import drop_stray_lookups
    from tinyagent.store.tool_classifier import ToolClassifier

    reader = ToolClassifier.load(data.ROOT / "store" / "tool_classifier.npz")  # typos read as retrieve reads them
    specs = {**(data.real_specs() or {}), **{t.spec.name: t.spec for t in data.TRAIN_TOOLS + data.UNSEEN_TOOLS}}
    rows = [json.loads(line) for line in Path(data.ROOT / "finetune" / "data" / "test.jsonl").open()]
    rows = [row for row in rows if not row["decline"]]
    assert len(rows) > 150
    assert not [row["query"] for row in rows if drop_stray_lookups(
        compile_plan(row["plan"], specs), specs, row["query"], reading=reader.read(row["query"]))]


def test_a_person_looked_up_for_nothing_is_dropped_unless_the_address_was_asked_for(specs):
    from tinyagent.nodes.rules.lookups import drop_stray_lookups

    def dropped(plan, query, context="", reading=""):
        return applied(drop_stray_lookups, plan, specs, query, context, reading)
    plan = ('1. get_email_address(name="Tomás")\n2. compose_new_email(recipients=["$1"], subject="Photos")\n'
            '3. get_phone_number(name="Tomás")\n4. join()<END_OF_PLAN>')
    assert dropped(plan, "email Tomás the photos") == (
        '1. get_email_address(name="Tomás")\n2. compose_new_email(recipients=["$1"], subject="Photos")\n'
        '3. join()<END_OF_PLAN>')
    # asked for (typed fast, read with the typo corrected), or a follow-up: kept
    assert dropped(plan, "email Tomás the photos and what's his number") is None
    assert dropped(plan, "email Tomás the photos, what numbeer does he have",
                   reading="email Tomás the photos, what number does he have") is None
    assert dropped(plan, "and email him the photos", context="User: what's Tomás's email?") is None


def test_a_recipient_written_as_a_name_is_looked_up_first(specs):
    from tinyagent.nodes.rules.lookups import look_up_names

    def looked(plan, query="send the link to Arash and cc Li Wei and Ana"):
        return applied(look_up_names, plan, specs, query)
    assert looked('1. get_zoom_meeting_link(topic="Budget sync", start_time="Thursday at 3pm")\n'
                  '2. send_sms(recipients=["Arash"], message="$1")\n3. join()<END_OF_PLAN>') == (
        '1. get_zoom_meeting_link(topic="Budget sync", start_time="Thursday at 3pm")\n'
        '2. get_phone_number(name="Arash")\n3. send_sms(recipients=["$2"], message="$1")\n4. join()<END_OF_PLAN>')
    # the e-mail tools' people get the e-mail look-up; one already made is reused
    assert looked('1. get_email_address(name="Li Wei")\n2. reply_to_email(cc=["Li Wei", "Ana"], context="Sent")\n'
                  '3. join()<END_OF_PLAN>') == (
        '1. get_email_address(name="Li Wei")\n2. get_email_address(name="Ana")\n'
        '3. reply_to_email(cc=["$1", "$2"], context="Sent")\n4. join()<END_OF_PLAN>')
    # addresses, numbers, references and anything with a digit stay as written
    assert looked('1. send_sms(recipients=["+1 555 0100"], message="Hi")\n2. compose_new_email(recipients='
                  '["ana@example.com"], subject="Hi")\n3. send_sms(recipients=["48 Mill Lane"], message="Hi")\n'
                  '4. join()<END_OF_PLAN>') is None
    # a name the request does not say is left for the plan checks to refuse
    assert looked('1. send_sms(recipients=["Drio"], message="Cancelled")\n2. join()<END_OF_PLAN>',
                  "txt Diego that the meeting is canceld") is None
    # a look-up written after the step is not used before it runs: the step gets its own
    assert looked('1. send_sms(recipients=["Arash"], message="hi")\n2. get_phone_number(name="Arash")\n'
                  '3. join()<END_OF_PLAN>') == (
        '1. get_phone_number(name="Arash")\n2. send_sms(recipients=["$1"], message="hi")\n'
        '3. get_phone_number(name="Arash")\n4. join()<END_OF_PLAN>')


def test_an_address_written_out_is_used_as_written_not_looked_up(specs):
    from tinyagent.nodes.rules.lookups import drop_address_lookups

    def fixed(plan):
        return applied(drop_address_lookups, plan, specs)
    assert fixed('1. reply_to_email(context="Paid")\n2. get_email_address(name="Accounting@example.com")\n'
                 '3. forward_email(recipients=["$2"])\n4. join()<END_OF_PLAN>') == (
        '1. reply_to_email(context="Paid")\n2. forward_email(recipients=["Accounting@example.com"])\n'
        '3. join()<END_OF_PLAN>')
    assert fixed('1. get_phone_number(name="+1 555 010 0199")\n2. send_sms(recipients=["$1"], message="Hi")\n'
                 '3. join()<END_OF_PLAN>') == '1. send_sms(recipients=["+1 555 010 0199"], message="Hi")\n2. join()<END_OF_PLAN>'
    # a name is looked up; a result used inside a message is left alone
    assert fixed('1. get_email_address(name="Ana")\n2. compose_new_email(recipients=["$1"])\n3. join()') is None
    assert fixed('1. get_email_address(name="a@b.co")\n2. send_sms(recipients=["Ana"], message="write to $1")\n'
                  '3. join()') is None
    # the name an address in the request spells is that address
    plan = ('1. get_email_address(name="George Davis")\n2. compose_new_email(recipients=["$1"], subject="Follow-up")\n'
            '3. join()')
    asked = "Draft an email to george.davis@company.example with the subject 'Follow-up'"
    assert applied(drop_address_lookups, plan, specs, asked) == (
        '1. compose_new_email(recipients=["george.davis@company.example"], subject="Follow-up")\n2. join()<END_OF_PLAN>')
    assert applied(drop_address_lookups, plan.replace("George Davis", "George Smith"), specs, asked) is None


def test_a_reply_or_forward_where_the_request_speaks_of_no_email_is_a_new_email(specs):
    from tinyagent.nodes.rules.received import new_email_for_unasked_reply

    def renewed(plan, query, context=""):
        return applied(new_email_for_unasked_reply, plan, specs, query, context)
    assert renewed('1. open_and_get_file_path(file_name="resume")\n2. get_email_address(name="Camille Dubois")\n'
                   '3. forward_email(recipients=["$2"], attachments=["$1"])\n4. join()<END_OF_PLAN>',
                   "Attach my resume to an email to Camille Dubois") == (
        '1. open_and_get_file_path(file_name="resume")\n2. get_email_address(name="Camille Dubois")\n'
        '3. compose_new_email(recipients=["$2"], attachments=["$1"])\n4. join()<END_OF_PLAN>')
    # a reply's cc is who the new email goes to
    assert renewed('1. open_and_get_file_path(file_name="budget spreadsheet")\n2. get_email_address(name="Ravi")\n'
                   '3. reply_to_email(cc=["$2"], context="Send it", attachments=["$1"])\n4. join()<END_OF_PLAN>',
                   "Find the budget spreadsheet and send it to Ravi") == (
        '1. open_and_get_file_path(file_name="budget spreadsheet")\n2. get_email_address(name="Ravi")\n'
        '3. compose_new_email(recipients=["$2"], context="Send it", attachments=["$1"])\n4. join()<END_OF_PLAN>')
    # an email spoken of, or a follow-up, or a reply to no one: left alone
    assert renewed('1. reply_to_email(context="Yes")\n2. join()', "reply to Anneke's email saying yes") is None
    assert renewed('1. reply_to_email(context="Thanks")\n2. join()', "say thanks", "User: what did Marco say?") is None
    assert renewed('1. reply_to_email(context="Thanks")\n2. join()', "say thanks") is None


def test_no_gold_plan_of_the_generated_test_split_is_renewed():
    import json
    from pathlib import Path

    from tinyagent.finetune import data
    from tinyagent.nodes.rules.received import new_email_for_unasked_reply
    from tinyagent.store.tool_classifier import ToolClassifier

    reader = ToolClassifier.load(data.ROOT / "store" / "tool_classifier.npz")
    specs = {**(data.real_specs() or {}), **{t.spec.name: t.spec for t in data.TRAIN_TOOLS + data.UNSEEN_TOOLS}}
    rows = [json.loads(line) for line in Path(data.ROOT / "finetune" / "data" / "test.jsonl").open()]
    replies = [row for row in rows if "reply_to_email" in row["plan"] or "forward_email" in row["plan"]]
    assert len(replies) > 15
    assert not [row["query"] for row in replies if new_email_for_unasked_reply(
        compile_plan(row["plan"], specs), specs, reader.read(row["query"]))]


def test_a_step_that_only_restates_what_the_plan_holds_is_dropped(specs):
    from tinyagent.nodes.rules.extra_steps import drop_restated_steps

    def dropped(plan):
        out = drop_restated_steps(compile_plan(plan, specs))
        return format_plan(out) if out else None
    email = ('1. search_documents(query="backup schedule")\n2. get_email_address(name="Tariq Wang")\n'
             '3. compose_new_email(recipients=["$2"], subject="Quarterly numbers", context="Ask if it can move")\n')
    # the email's subject as a note's name, then the first step again: both dropped
    assert dropped(email + '4. open_note(name="Quarterly numbers")\n5. search_documents(query="backup schedule")\n'
                   '6. join()<END_OF_PLAN>') == email + "4. join()<END_OF_PLAN>"
    # the same person's number after their address, a note opened after writing to it, a step using
    # an earlier result, a step whose result is used, a value the plan does not hold: all kept
    assert dropped('1. get_email_address(name="Zoe Park")\n2. get_phone_number(name="Zoe Park")\n3. join()') is None
    assert dropped('1. append_note_content(name="Q3 planning", content="Pack the charger")\n'
                   '2. open_note(name="Q3 planning")\n3. join()') is None
    assert dropped('1. open_and_get_file_path(file_name="lab report")\n2. summarize_pdf(pdf_path="$1")\n'
                   '3. create_note(name="lab report", content="$2")\n4. join()') is None
    assert dropped('1. maps_open_location(location="Union Square")\n'
                   '2. create_note(name="Trip", content="Union Square")\n3. join()') is None
    # the same note written twice, by another tool under the same names: the second goes
    note = '1. append_note_content(name="Workout plan", content="Read Thinking, Fast and Slow")\n'
    assert dropped(note + '2. create_note(name="Workout plan", content="Read Thinking, Fast and Slow")\n'
                   '3. join()') == note + "2. join()<END_OF_PLAN>"
    assert dropped(note + '2. create_note(name="Workout plan", content="Stretch")\n3. join()') is None


def test_no_gold_step_of_the_generated_test_split_restates_the_plan():
    import json
    from pathlib import Path

    from tinyagent.finetune import data
    from tinyagent.nodes.rules.extra_steps import drop_restated_steps

    specs = {**(data.real_specs() or {}), **{t.spec.name: t.spec for t in data.TRAIN_TOOLS + data.UNSEEN_TOOLS}}
    rows = [json.loads(line) for line in Path(data.ROOT / "finetune" / "data" / "test.jsonl").open()]
    rows = [row for row in rows if not row["decline"]]
    assert len(rows) > 150
    assert not [row["query"] for row in rows if drop_restated_steps(compile_plan(row["plan"], specs))]


def test_a_file_looked_up_for_nothing_is_dropped_unless_the_request_asks_for_it(specs):
    """ "drop Rosa a line" is no file called "line"; "open my resume" asks for the file itself."""
    from tinyagent.nodes.rules.lookups import drop_stray_lookups

    query = "drop Rosa Harris a line about the hiring plan and say the project is on track"
    plan = ('1. get_email_address(name="Rosa Harris")\n'
            '2. compose_new_email(recipients=["$1"], subject="Hiring plan", context="The project is on track")\n'
            '3. open_and_get_file_path(file_name="line")\n4. join()')
    assert applied(drop_stray_lookups, plan, specs, query) == (
        '1. get_email_address(name="Rosa Harris")\n'
        '2. compose_new_email(recipients=["$1"], subject="Hiring plan", context="The project is on track")\n'
        '3. join()<END_OF_PLAN>')
    for asked in ("open my resume", "get the path of resume", "hello! pls fidn the file resume",
                  "Locaate resume on my computer", "can you show me the resume file"):
        assert applied(drop_stray_lookups, '1. open_and_get_file_path(file_name="resume")\n2. join()',
                       specs, asked) is None, asked
    # a follow-up ("and the other one?") is not judged
    assert applied(drop_stray_lookups, '1. open_and_get_file_path(file_name="line")\n2. join()', specs,
                   "and a line", "User: open my resume") is None


def test_no_gold_file_lookup_of_the_generated_splits_or_the_hand_written_set_is_unasked():
    """The 124 look-ups of a file whose path is the answer ("open my resume", "locate style guide on
    my computer") are all asked for."""
    from tests.gold import gold_plans
    from tinyagent.nodes.request.asks import asks_for_file

    seen, unasked = 0, []
    for row, tasks in gold_plans():
        used = {d for t in tasks for d in t.deps}
        for t in tasks:
            if t.tool == "open_and_get_file_path" and t.id not in used:
                seen += 1
                if not asks_for_file(row["query"], t.args["file_name"]):
                    unasked.append(row["query"])
    assert seen > 100
    assert unasked == []


def test_a_text_s_recipient_is_looked_up_by_phone(specs):
    from tinyagent.nodes.rules.lookups import right_lookups

    plan = ('1. get_email_address(name="Kyle Mitchell")\n2. send_sms(recipients=["$1"], message="Late")\n'
            '3. get_phone_number(name="Kyle Mitchell")\n4. send_sms(recipients=["$3"], message="Sorry")\n5. join()')
    swapped = applied(right_lookups, plan, specs)
    assert swapped == ('1. get_phone_number(name="Kyle Mitchell")\n2. send_sms(recipients=["$1"], message="Late")\n'
                       '3. get_phone_number(name="Kyle Mitchell")\n4. send_sms(recipients=["$3"], message="Sorry")\n'
                       '5. join()<END_OF_PLAN>')
    # an address that goes to an email, or to an email and a text at once, stays as it is
    assert applied(right_lookups, '1. get_email_address(name="Ana")\n'
                   '2. compose_new_email(recipients=["$1"], subject="Hi")\n3. join()', specs) is None
    assert applied(right_lookups, '1. get_email_address(name="Ana")\n'
                   '2. compose_new_email(recipients=["$1"], subject="Hi")\n'
                   '3. send_sms(recipients=["$1"], message="Hi")\n4. join()', specs) is None


def test_no_gold_plan_of_the_generated_splits_or_the_hand_written_set_changes_its_lookups():
    from tests.gold import gold_plans, gold_specs
    from tinyagent.nodes.rules.lookups import right_lookups

    specs = gold_specs()
    checked, changed = 0, []
    for row, tasks in gold_plans():
        checked += 1
        if right_lookups(tasks, specs):
            changed.append(row["query"])
    assert checked > 3500
    assert changed == []


def test_python_code_a_bracket_over_or_short_is_made_whole(specs):
    from tinyagent.nodes.rules.code import close_code

    assert applied(close_code, '1. run_python(code="print(round(15.98 / 3, 2)))")\n2. join()', specs) == (
        '1. run_python(code="print(round(15.98 / 3, 2))")\n2. join()<END_OF_PLAN>')
    assert applied(close_code, '1. run_python(code="print(2 ** 20")\n2. join()', specs) == (
        '1. run_python(code="print(2 ** 20)")\n2. join()<END_OF_PLAN>')
    # code that compiles, or that no bracket at its end mends, is left as it is
    assert applied(close_code, '1. run_python(code="print(2 ** 20)")\n2. join()', specs) is None
    assert applied(close_code, '1. run_python(code="while True\\n{x} = {of}")\n2. join()', specs) is None


def test_a_note_opened_by_a_name_the_request_calls_a_file_is_the_file_looked_up(specs):
    from tinyagent.nodes.rules.files import file_for_note

    found = '1. open_and_get_file_path(file_name="Meeting notes")\n2. join()<END_OF_PLAN>'
    for query in ("I need u to get the path of meeting notes", "1) open the meeting notes doc 2) remind me at 5"):
        assert applied(file_for_note, '1. open_note(name="Meeting notes")\n2. join()', specs, query) == found
    for query in ("open my meeting notes note", "read the note called meeting notes", "open meeting notes"):
        assert applied(file_for_note, '1. open_note(name="Meeting notes")\n2. join()', specs, query) is None


def test_no_gold_note_of_the_generated_splits_or_the_hand_written_set_is_taken_for_a_file():
    from tests.gold import gold_plans, gold_specs
    from tinyagent.nodes.rules.files import file_for_note

    notes, changed = 0, []
    for row, tasks in gold_plans():
        notes += any(t.tool == "open_note" for t in tasks)
        if file_for_note(tasks, gold_specs(), row["query"]):
            changed.append(row["query"])
    assert notes > 100
    assert changed == []
