"""The final answer is built from the task records: it never claims what failed or did not run."""

from __future__ import annotations

import json

from tinyagent.nodes.report.answer import compose, fixable


def rec(id, tool, status, result=None, error=None, deps=(), args=None, round=0):
    return {"id": id, "tool": tool, "status": status, "result": result, "error": error, "deps": list(deps),
            "args": args or {}, "round": round}


def test_failed_writes_are_reported_as_failures_never_as_done():
    tasks = [rec(1, "create_note", "failed", error="Permission denied: Notes/Test.md", args={"name": "Test"}),
             rec(2, "create_note", "failed", error="Permission denied: Notes/Test.md", args={"name": "Test"})]
    answer = compose(tasks)
    assert "Created" not in answer and "created" not in answer
    assert answer.count("I could not create note: Permission denied") == 2


def test_what_ran_what_failed_and_what_was_skipped():
    tasks = [rec(1, "get_email_address", "done", "sarah.lee@example.com", args={"name": "Sarah"}),
             rec(2, "compose_new_email", "done", "Saved the email to sarah.lee@example.com as a draft.", deps=[1]),
             rec(3, "get_phone_number", "failed", error="No contact named 'Anna' in contacts.vcf.", args={"name": "Anna"}),
             rec(4, "send_sms", "skipped", error="skipped because step 3 failed", deps=[3])]
    answer = compose(tasks)
    lines = answer.splitlines()
    assert lines[0] == "Saved the email to sarah.lee@example.com as a draft."
    assert lines[1] == "I could not find the phone number: No contact named 'Anna' in contacts.vcf."
    assert lines[2] == "I did not send sms, because step 3 (find the phone number) failed."
    assert "sarah.lee@example.com is" not in answer  # the lookup step 2 used is not repeated


def test_values_are_introduced_by_what_was_asked():
    assert compose([rec(1, "get_phone_number", "done", "+1-555-0102", args={"name": "Marcus"})]) == \
        "The phone number of Marcus is +1-555-0102."
    out = compose([rec(1, "run_python", "done", "355687428096000\n", args={"code": "import math\nprint(math.factorial(17))"})],
                  labels={"run_python": "Python printed"})
    assert out == "Python printed: 355687428096000"


def test_rejected_steps_after_a_step_that_ran():
    tasks = [rec(1, "create_reminder", "done", "Created reminder 'Call mum', due Tuesday 1 December 2026."),
             rec(2, "send_sms", "rejected", round=1)]
    answer = compose(tasks)
    assert answer.startswith("Created reminder 'Call mum'") and "did not send sms, because you did not approve it" in answer
    assert "nothing was run" not in answer.lower()


def test_empty_plan_says_what_cannot_be_done():
    answer = compose([], shown_tools=["send_sms", "create_calendar_event"])
    assert "can't do that" in answer and "send sms" in answer and "Nothing was run" in answer


def test_only_argument_errors_of_the_last_round_are_fixable():
    tasks = [rec(1, "send_sms", "failed", error="bad arguments for send_sms: message: Field required"),
             rec(2, "get_phone_number", "failed", error="No contact named 'Anna'."),
             rec(3, "run_python", "failed", error="run_python did not finish within 10 s and was stopped.")]
    assert [t["id"] for t in fixable(tasks, 0)] == [1]
    assert fixable(tasks, 1) == []


def test_search_hits_are_shown_as_the_sentences_that_answer():
    hits = [{"path": "Documents/Team_Handbook.pdf", "score": 0.6,
             "text": "Working hours are flexible. Expenses: submit receipts within thirty days through the finance "
                     "portal. Travel must be approved by your manager. Security: lock your screen."},
            {"path": "Notes/Ideas.md", "score": 0.2, "text": "Automate the weekly status e-mail."}]
    out = compose([rec(1, "search_documents", "done", hits, args={"query": "how long to submit expense receipts"})],
                  labels={"search_documents": "From your documents"})
    assert out.startswith("From your documents (how long to submit expense receipts):")
    assert "submit receipts within thirty days" in out and "Team_Handbook.pdf" in out
    assert "lock your screen" not in out
    assert "Working hours" not in out  # a sentence with none of the question's words is left out
    assert "Ideas.md" not in out  # and a second hit with none of them


def test_the_sentence_with_the_rarer_word_of_the_question_is_shown():
    """In a Lisbon itinerary every sentence says "Lisbon": the hotel's sentence answers "lisbon hotel"."""
    hits = [{"path": "Documents/Lisbon_Trip_Itinerary.pdf", "score": 0.6,
             "text": "This itinerary covers a trip to Lisbon. Monday: the flight arrives in Lisbon at 10:05. "
                     "Check in at the hotel Casa do Rio in Alfama. Dinner in Lisbon with the partners."}]
    out = compose([rec(1, "search_documents", "done", hits, args={"query": "lisbon hotel"})],
                  labels={"search_documents": "From your documents"})
    assert "Casa do Rio" in out
    assert "10:05" not in out or "Dinner" not in out  # two sentences at most, the hotel's one of them
    plural = [{"path": "Documents/Team_Handbook.pdf", "score": 0.5,
               "text": "Expenses: submit receipts within thirty days. Security: use the password manager."}]
    asked = compose([rec(1, "search_documents", "done", plural, args={"query": "handbook passwords"})],
                    labels={"search_documents": "From your documents"})
    assert "password manager" in asked and "receipts" not in asked  # "passwords" asks for "password"


def test_the_persons_question_picks_the_passage_when_the_search_was_only_the_place():
    """ "which hotel am i staying at in lisbon?" planned as a search for "lisbon": the hits are the
    itinerary's passages in the search's order; the one with the hotel is shown first, with its sentence."""
    hits = [{"path": "Documents/Lisbon_Trip_Itinerary.pdf", "score": 0.69, "text": "Trip Itinerary: Lisbon, Portugal"},
            {"path": "Documents/Lisbon_Trip_Itinerary.pdf", "score": 0.54,
             "text": "This itinerary covers a business trip to Lisbon. All times are local."},
            {"path": "Documents/Lisbon_Trip_Itinerary.pdf", "score": 0.53,
             "text": "Monday: the flight arrives in Lisbon at 10:05. Take the metro to the centre. "
                     "Check in at the hotel Casa do Rio in Alfama from 14:00."}]
    task = rec(1, "search_documents", "done", hits, args={"query": "lisbon"})
    out = compose([task], labels={"search_documents": "From your documents"},
                  question="which hotel am i staying at in lisbon?")
    first = out.splitlines()[1]
    assert "Casa do Rio" in first and "metro" not in first
    assert "Casa do Rio" not in compose([task], labels={"search_documents": "From your documents"})  # as before


def test_instructions_become_words_for_the_recipient():
    from tinyagent.tools.wording import message_for_recipient as words

    assert words("Ask if the tax forms are ready") == "Could you let me know if the tax forms are ready?"
    assert words("ask him when it ships") == "Could you let me know when it ships?"
    assert words("tell her I'm on my way") == "I'm on my way."
    assert words("Remind them about the deadline") == "Just a reminder about the deadline."
    assert words("The slides are attached.") == "The slides are attached."
    assert words("Thanks and that the payment goes out monday") == "Thanks. The payment goes out monday."


def test_a_python_error_is_one_sentence_with_its_line():
    from tinyagent.nodes.report.answer import compose

    task = {"id": 1, "tool": "run_python", "status": "done", "args": {"code": "x = 1\nprint(1/0)"},
            "result": {"stdout": "", "exit_code": 1, "timed_out": False,
                       "stderr": 'Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n'
                                 "ZeroDivisionError: division by zero\n"}}
    answer = compose([task])
    assert answer == "The code failed at line 2: ZeroDivisionError: division by zero."
    # raised inside the standard library: the line of the person's code, not the library's
    task["args"] = {"code": "import statistics\nstatistics.mean([])"}
    task["result"]["stderr"] = ('Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n'
                                '  File "/usr/lib/python3.11/statistics.py", line 430, in mean\n'
                                "statistics.StatisticsError: mean requires at least one data point\n")
    assert compose([task]) == "The code failed at line 2: statistics.StatisticsError: mean requires at least one data point."
    assert "{" not in answer and "Traceback" not in answer


def test_a_program_that_ran_is_answered_with_what_it_printed():
    """Not the raw {"stdout": ..., "exit_code": 0} record (the new-user trial's "whats 15% tip on 86.40")."""
    result = {"stdout": "12.96\n", "stderr": "", "exit_code": 0, "timed_out": False}
    as_text = json.dumps(result)
    out = compose([rec(1, "run_python", "done", result, args={"code": "print(round(86.40 * 0.15, 2))"})],
                  labels={"run_python": "Python printed"})
    assert out == "Python printed: 12.96"
    assert compose([rec(1, "run_python", "done", as_text)], labels={"run_python": "Python printed"}) == out
    # a failed run given as JSON text is the failure, not "nothing (the code printed no output)"
    failed = json.dumps({"stdout": "", "stderr": "ZeroDivisionError: division by zero\n", "exit_code": 1})
    assert compose([rec(1, "run_python", "done", failed)]).startswith("The code failed")


def test_a_message_sent_or_saved_shows_its_words(tmp_path):
    """The seventeenth session's trial: "txt tom keys are under the mat" queued "Are they under the mat?", and the
    answer said only "queued": each tool's report quotes the words it wrote (not the planner's argument: the
    email and text tools word it for the recipient), and the answer carries the report."""
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    root = tmp_path / "ws"
    tools = {t.name: t for t in default_tools(init_workspace(root, sample=True), ToolConfig())}
    sms = tools["send_sms"].invoke({"recipients": ["Tom Becker"], "message": "Are they under the mat?"})
    written = json.loads((root / "SMS" / "outbox.jsonl").read_text().splitlines()[-1])["message"]
    assert sms.endswith(f'The text: "{written}"')
    note = tools["append_note_content"].invoke({"name": "Shopping list", "content": "dish soap"})
    assert (root / "Notes" / "Shopping list.md").read_text().rstrip().endswith("dish soap") and \
        note.endswith('The text: "dish soap"')
    answer = compose([{"id": 1, "tool": "send_sms", "status": "done", "args": {"message": "x"}, "result": sms}])
    assert answer.endswith(f'The text: "{written}"')


def test_a_meeting_link_an_event_holds_unseen_is_shown():
    """"set up a video call with lucas ... with a meeting link, put it in my calendar": the event's report does not
    show the link it holds, so the answer shows the link; one an email's text carries is not repeated."""
    link = "https://meet.jit.si/Taxes-39a1 (Jitsi Meet room 'Taxes', Wednesday 2 December 2026, 11:00, 60 min)"
    made = rec(1, "get_zoom_meeting_link", "done", link, args={"topic": "Taxes"})
    event = rec(2, "create_calendar_event", "done", "Created event 'Taxes' on Wednesday 2 December 2026, 11:00 to 12:00 "
                "in calendar.ics.", deps=[1])
    assert "https://meet.jit.si/Taxes-39a1" in compose([made, event])
    mail = rec(2, "compose_new_email", "done", "Saved email 'Call' to tom@example.com as a draft. The text: "
               "\"Join at https://meet.jit.si/Taxes-39a1\"", deps=[1])
    assert compose([made, mail]).count("https://meet.jit.si/Taxes-39a1") == 1
