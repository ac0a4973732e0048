"""The outcome benchmark's checks, judged on real tool actions on a fresh sample workspace, without any model."""

from __future__ import annotations

import json
import mailbox
import os
from email.message import EmailMessage
from pathlib import Path

import pytest
from langchain_core.language_models.fake import FakeListLLM

from bench.outcomes import ACTIONS, carried, false_claims, pinned_now, report, run_case, summarize
from bench.outcomes_cases import BY_ID, CASES, date_found, written
from tests.fakes import AllToolsIndex
from tinyagent.tools import default_tools, init_workspace


@pytest.fixture
def fresh(tmp_path: Path):
    """``fresh()`` -> (workspace, act): a new sample workspace and ``act(tool, **args)`` on it."""
    count = iter(range(100))

    def make():
        ws = init_workspace(tmp_path / f"ws{next(count)}", sample=True)
        tools = {t.name: t for t in default_tools(ws)}
        return ws, lambda tool, **args: tools[tool].invoke(args)
    return make


def put_mail(ws: Path, to: str, subject: str, body: str) -> None:
    """A draft written straight into the Maildir: a wrong mail the tools themselves might refuse."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "me@localhost", to, subject
    msg.set_content(body)
    mailbox.Maildir(ws / "Mail" / "drafts", factory=None).add(msg)


def put_sms(ws: Path, to: str, message: str) -> None:
    """A text message appended straight to the SMS outbox, as send_sms writes it."""
    with open(ws / "SMS" / "outbox.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x", "to": [to], "message": message, "status": "queued"}) + "\n")


def check(case_id: str, ws: Path, *answers: str, runs: list[dict] | None = None) -> list[str]:
    case = BY_ID[case_id]
    answers = list(answers) or [""] * len(case.turns)
    return case.check(ws, answers, runs or [{} for _ in answers])


def test_cases_are_many_unique_and_complete():
    assert len(CASES) >= 60 and len(BY_ID) == len(CASES)
    assert {c.kind for c in CASES} >= {"single", "multi", "date", "people", "followup", "failure", "none", "content"}
    for c in CASES:
        assert c.turns and all(t.strip() for t in c.turns), c.id
        assert c.expect <= set(ACTIONS), c.id
        assert (c.phrase is None) == (c.start is None), c.id
        if c.phrase:
            assert c.phrase.lower() in " ".join(c.turns).lower(), c.id
    assert sum(c.start is not None for c in CASES) >= 15


def test_email_with_attachment(fresh):
    ws, act = fresh()
    act("compose_new_email", recipients=["Sarah Lee"], subject="Q3 report",
        context="Hi Sarah, here is the Q3 report.", attachments=["Project_Falcon_Q3_Report.pdf"])
    assert check("multi_email_q3_sarah", ws) == []

    ws, act = fresh()
    act("compose_new_email", recipients=["Marcus Chen"], subject="Q3 report",
        context="Hi, here is the Q3 report.", attachments=["Project_Falcon_Q3_Report.pdf"])
    [failure] = check("multi_email_q3_sarah", ws)
    assert "recipients ['marcus.chen@example.com']" in failure

    ws, act = fresh()
    act("compose_new_email", recipients=["Sarah Lee"], subject="Q3 report", context="Hi Sarah, the Q3 report.")
    [failure] = check("multi_email_q3_sarah", ws)
    assert "attachments none" in failure


def test_event_date_end_and_invitees(fresh):
    ws, act = fresh()
    act("create_calendar_event", title="Falcon design review", start_date="2026-12-04 15:00:00")
    assert check("date_next_friday", ws) == [] and date_found(ws, "2026-12-04 15:00")

    ws, act = fresh()
    act("create_calendar_event", title="Falcon design review", start_date="2026-12-05 15:00:00")
    [failure] = check("date_next_friday", ws)
    assert "starts 2026-12-05 15:00:00" in failure and not date_found(ws, "2026-12-04 15:00")

    ws, act = fresh()
    act("create_calendar_event", title="Falcon design review", start_date="2026-12-04 15:00:00",
        end_date="2026-12-04 17:00:00")
    assert any("ends 2026-12-04 17:00:00" in f for f in check("date_next_friday", ws))

    ws, act = fresh()
    act("create_calendar_event", title="Firmware review", start_date="2026-12-03 15:00:00",
        invitees=["Marcus Chen", "Yuki Tanaka"])
    assert check("multi_invite", ws) == []
    ws, act = fresh()
    act("create_calendar_event", title="Firmware review", start_date="2026-12-03 15:00:00",
        invitees=["Marcus Chen", "Sarah Lee"])
    assert any("invitees" in f for f in check("multi_invite", ws))


def test_all_day_event_and_date_only_reminder(fresh):
    ws, act = fresh()
    act("create_calendar_event", title="Hiking trip", start_date="2026-12-05", end_date="")
    assert check("date_all_day_saturday", ws) == []
    ws, act = fresh()
    act("create_calendar_event", title="Hiking trip", start_date="2026-12-05 09:00:00")
    assert any("expected all day 2026-12-05" in f for f in check("date_all_day_saturday", ws))

    ws, act = fresh()
    act("create_reminder", name="Renew my passport", due_date="2026-12-07 09:00:00")
    assert check("date_next_week", ws) == []
    ws, act = fresh()
    act("create_reminder", name="Renew my passport", due_date="2026-12-08")
    assert any("due 2026-12-08" in f for f in check("date_next_week", ws))


def test_a_question_writes_nothing_and_answers(fresh):
    ws, act = fresh()
    assert check("multi_search_expenses", ws, "Receipts must be submitted within thirty days.") == []
    assert check("multi_search_expenses", ws, "You have 30 days.") == []
    assert check("multi_search_expenses", ws, "You have a month.") != []
    act("create_reminder", name="Submit expense receipts", due_date="2026-12-30")
    [failure] = check("multi_search_expenses", ws, "Within thirty days.")
    assert failure.startswith("unexpected reminder 'Submit expense receipts'")


def test_unknown_person_gets_nothing(fresh):
    ws, act = fresh()
    assert check("people_unknown_anna_email", ws, "I couldn't find a contact named Anna.") == []
    assert check("people_unknown_anna_email", ws, "Done.") != []
    act("compose_new_email", recipients=["Sarah Lee"], subject="Q3 report", context="Hi, the Q3 report.",
        attachments=["Project_Falcon_Q3_Report.pdf"])
    failures = check("people_unknown_anna_email", ws, "Anna was not found, so I emailed Sarah.")
    assert failures == ["unexpected mail to sarah.lee@example.com 'Q3 report' with Project_Falcon_Q3_Report.pdf"]


def test_follow_up_text_goes_to_the_right_number(fresh):
    answers = ("Marcus Chen's number is +1-555-0102.", "I texted him.")
    ws, act = fresh()
    act("send_sms", recipients=["Marcus Chen"], message="I'm on my way")
    assert check("followup_marcus_number_text", ws, *answers) == []
    assert check("followup_marcus_number_text", ws, "I don't know.", "I texted him.") != []

    ws, act = fresh()
    act("send_sms", recipients=["Tom Becker"], message="I'm on my way")
    assert any("sent to ['+1-555-0108']" in f for f in check("followup_marcus_number_text", ws, *answers))

    ws, _ = fresh()
    (ws / "SMS").mkdir(exist_ok=True)
    put_sms(ws, "+1-555-0102", "+1-555-0102 $1")
    failures = check("followup_marcus_number_text", ws, *answers)
    assert any("unresolved reference" in f for f in failures)
    assert any("contains a phone number" in f for f in failures)


def test_mail_body_is_a_message_not_the_instruction(fresh):
    ws, _ = fresh()
    put_mail(ws, "Lucas Martin <lucas.martin@example.com>", "Tax forms", "Ask if the tax forms are ready")
    assert any("body is the instruction" in f for f in check("content_tax_forms", ws))
    ws, act = fresh()
    act("compose_new_email", recipients=["Lucas Martin"], subject="Tax forms",
        context="Hi Lucas, are the tax forms ready yet? Thanks!")
    assert check("content_tax_forms", ws) == []


def test_missing_attachment_is_not_papered_over(fresh):
    ws, _ = fresh()
    assert check("fail_missing_spreadsheet", ws, "I couldn't find a budget spreadsheet in your files.") == []
    put_mail(ws, "sarah.lee@example.com", "Budget", "Hi Sarah, the budget spreadsheet is attached.")
    failures = check("fail_missing_spreadsheet", ws, "I couldn't find the spreadsheet.")
    assert any(f.startswith("unexpected mail to sarah.lee@example.com") for f in failures)
    assert any("says it has an attachment but has none" in f for f in failures)


def test_note_append_and_a_duplicate_note(fresh):
    ws, act = fresh()
    act("append_note_content", name="Shopping list", content="- light bulbs")
    assert check("single_note_append", ws) == []
    ws, act = fresh()
    act("create_note", name="Shopping list", content="- light bulbs")
    failures = check("single_note_append", ws)
    assert failures and "Shopping list (2)" in failures[0]


def test_forward_keeps_the_attachment(fresh):
    ws, act = fresh()
    act("forward_email", recipients=["Marcus Chen"], message_id="<sample-q3-report@example.com>",
        context="FYI, the Q3 report draft.")
    assert check("multi_forward", ws) == []
    ws, act = fresh()
    act("forward_email", recipients=["Marcus Chen"], message_id="<sample-team-lunch@example.com>")
    assert check("multi_forward", ws) != []


def test_a_link_tool_must_have_run(fresh):
    ws, _ = fresh()
    done = [{"tasks": [{"tool": "get_zoom_meeting_link", "status": "done"}]}]
    failed = [{"tasks": [{"tool": "get_zoom_meeting_link", "status": "failed"}]}]
    assert check("single_zoom", ws, "Here is the link: https://meet.jit.si/FalconStandup-1", runs=done) == []
    assert check("single_zoom", ws, "Here is the link: https://meet.jit.si/x", runs=failed) == [
        "get_zoom_meeting_link did not run successfully"]


def test_false_claim_when_the_compose_task_failed():
    request = ["Email Sarah the budget spreadsheet"]
    failed = [{"tool": "get_email_address", "status": "done", "result": "sarah.lee@example.com"},
              {"tool": "compose_new_email", "status": "failed", "error": "No file matching 'budget spreadsheet'"}]
    obs = ["sarah.lee@example.com", "No file matching 'budget spreadsheet'"]
    [claim] = false_claims("I sent the email to Sarah.", failed, request, obs)
    assert "claims 'sent'" in claim
    assert false_claims("I could not find the spreadsheet, so no email was sent.", failed, request, obs) == []
    done = [dict(failed[1], status="done", result="Saved email 'Budget' to sarah.lee@example.com as a draft")]
    assert false_claims("I sent the email to Sarah.", done, request, obs) == []
    assert false_claims("I booked it.", done, request, obs) != []
    assert false_claims("Sent.", done, request, obs, forbidden={"sent"}) != []


def test_false_claim_of_unseen_people_addresses_numbers_and_dates():
    tasks = [{"tool": "create_calendar_event", "status": "done",
              "result": "Created event 'Review' on 2026-12-04 15:00:00 to 16:00 in calendar.ics."}]
    request = ["Put the review on my calendar next Friday at 3pm"]
    obs = [tasks[0]["result"]]
    assert false_claims("I added the review on December 4 at 3pm.", tasks, request, obs) == []
    assert false_claims("Added the review for today, 2026-11-30... no, Friday.", tasks, request, obs) == []
    claims = false_claims("I added the review on December 5 and invited Sarah (sarah.lee@example.com, "
                          "+1-555-0101).", tasks, request, obs)
    assert len(claims) == 4
    assert {c.split(",")[0] for c in claims} == {
        "mentions sarah.lee@example.com", "mentions the number +1-555-0101",
        "mentions the date 2026-12-05", "mentions Sarah"}


def test_the_phrase_carried_into_the_plan():
    assert carried("next Friday at 3pm", [{"args": {"start_date": "next Friday 3 pm"}}])
    assert not carried("next Friday at 3pm", [{"args": {"start_date": "2026-12-04 15:00:00"}}])
    assert carried("tonight", [{"args": {"due_date": "tonight"}}])


def test_pinned_now_is_restored(monkeypatch):
    monkeypatch.delenv("TINYAGENT_NOW", raising=False)
    with pinned_now():
        assert os.environ["TINYAGENT_NOW"] == "2026-11-30T10:00:00"
    assert "TINYAGENT_NOW" not in os.environ


def test_the_runner_with_a_scripted_model(tmp_path):
    case = BY_ID["multi_email_q3_sarah"]
    plan = ('1. get_email_address(name="Sarah Lee")\n'
            '2. open_and_get_file_path(file_name="Q3 report")\n'
            '3. compose_new_email(recipients=["$1"], subject="Q3 report", '
            'context="Hi Sarah, here is the Q3 report.", attachments=["$2"])\n4. join()<END_OF_PLAN>')
    llm = FakeListLLM(responses=[plan, "Finish(I saved the email to Sarah with the Q3 report as a draft.)"])
    with pinned_now():
        good, _ = run_case(case, tmp_path / "good", llm=llm, index=AllToolsIndex(), index_docs=False)
    assert good["correct"], good["failures"]
    assert good["false_claims"] == [] and [t["status"] for t in good["turns"][0]["tasks"]] == ["done"] * 3

    wrong = plan.replace('file_name="Q3 report"', 'file_name="budget spreadsheet"')
    llm = FakeListLLM(responses=[wrong, "Finish(I sent the email to Sarah.)"])
    with pinned_now():
        bad, _ = run_case(case, tmp_path / "bad", llm=llm, index=AllToolsIndex(), index_docs=False)
    assert not bad["correct"] and "no mail was written" in bad["failures"][0]
    assert written(Path(bad["workspace"]))["mail"] == []

    bad["turns"][0]["false_claims"] = ["claims 'sent' but no compose_new_email succeeded"]
    summary = summarize([good, bad])
    assert summary["correct"] == 1 and summary["answers_with_false_claims"] == 1
    assert "outcomes correct" in report(summary)

def test_dates_right_counts_reminders_too(fresh):
    ws, act = fresh()
    act("create_reminder", name="Check the oven", due_date="2026-11-30 12:00:00")
    assert date_found(ws, "2026-11-30 12:00") and date_found(ws, "2026-11-30")
    assert not date_found(ws, "2026-11-30 13:00")


def test_the_blind_conversation_set_is_well_formed():
    """bench/conversations_cases.py (frozen, helper blind-c): at least 40 cases, unique ids, most of them
    several turns, a dozen that pick which email; loadable by `bench/outcomes.py --cases conversations`."""
    from bench.outcomes import case_set

    cases = case_set("conversations")
    ids = [c.id for c in cases]
    assert len(cases) >= 40 and len(set(ids)) == len(ids) and all(i.startswith("conv_") for i in ids)
    assert sum(len(c.turns) > 1 for c in cases) >= 30
    assert sum(c.kind in ("reply", "forward") for c in cases) >= 10


def test_the_development_conversation_set_is_well_formed():
    """bench/conversations_dev_cases.py (in-sample, helper convdev): at least 45 cases, unique dev_ ids, most
    of them several turns, a dozen that pick which email; loadable by `--cases conversations-dev`."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev")
    ids = [c.id for c in cases]
    assert len(cases) >= 45 and len(set(ids)) == len(ids) and all(i.startswith("dev_") for i in ids)
    assert sum(len(c.turns) > 1 for c in cases) >= 30
    assert sum(c.kind in ("reply", "forward") for c in cases) >= 12
    for c in cases:
        assert c.turns and all(t.strip() for t in c.turns), c.id
        assert c.expect <= set(ACTIONS), c.id
        if c.phrase:
            assert c.phrase.lower() in " ".join(c.turns).lower(), c.id


def test_the_development_checks_judge_a_workspace_where_nothing_was_done(fresh):
    """On a fresh sample workspace with empty answers, every development check runs: a case that expects
    something written fails, a decline fails only on its answer, and passes with an honest one."""
    from bench.outcomes import case_set

    ws, _ = fresh()
    honest = ("Your flight TP 1234 leaves at 07:40. Sorry, I can't do that: none of my tools fits this request. "
              "This request looks like German. I plan requests in English only, so nothing was run.")
    for c in case_set("conversations-dev"):
        empty = [""] * len(c.turns)
        failures = c.check(ws, empty, [{} for _ in c.turns])
        assert failures, c.id
        if c.kind == "decline":
            assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
            assert c.check(ws, [honest] * len(c.turns), [{} for _ in c.turns]) == [], c.id
        elif c.kind != "question" or len(c.turns) > 1:
            assert any(" was written" in f for f in failures), (c.id, failures)


DEV2_KINDS = {"failure": 6, "edit": 5, "document": 6, "append": 4, "duration": 3, "correction": 3,
              "followup": 6, "meeting": 3}


def test_the_second_development_conversation_set_is_well_formed():
    """bench/conversations_dev2_cases.py (in-sample, helper convdev2): at least 36 cases, unique dev2_ ids,
    the kinds the first development set lacks in the counts asked for, and no request copied from the first
    set or the outcome cases; loadable by `bench/outcomes.py --cases conversations-dev2`."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev2")
    ids = [c.id for c in cases]
    assert len(cases) >= 36 and len(set(ids)) == len(ids) and all(i.startswith("dev2_") for i in ids)
    for kind, least in DEV2_KINDS.items():
        assert sum(c.kind == kind for c in cases) >= least, kind
    assert {c.kind for c in cases} <= set(DEV2_KINDS)
    seen = {t.strip().lower() for c in [*case_set("conversations-dev"), *CASES] for t in c.turns}
    for c in cases:
        assert c.turns and all(t.strip() for t in c.turns), c.id
        assert not {t.strip().lower() for t in c.turns} & seen, c.id
        assert c.expect <= set(ACTIONS), c.id
        assert (c.phrase is None) == (c.start is None), c.id
        if c.phrase:
            assert c.phrase.lower() in " ".join(c.turns).lower(), c.id


def test_the_second_development_checks_judge_a_workspace_where_nothing_was_done(fresh):
    """On a fresh sample workspace with empty answers, every check of the second development set runs: a
    case that expects something written says it was not; one that expects nothing written fails only on its
    empty answer, and passes with an honest one (what was not found and what to do, or what the file says)."""
    from bench.outcomes import case_set

    ws, _ = fresh()
    honest = ("No contact named 'Bob Smith' in contacts.vcf. No contact named 'Greta Lindqvist' either. "
              "Contacts include: Sarah Lee, Marcus Chen. No inbox email fits 'the email from my landlord'. "
              "Say which one. No note named 'gym log'. Could not read the date 'february 30th': no such "
              "date or time. Use the person's own words. The code failed at line 1: ZeroDivisionError: "
              "division by zero. Travel must be approved by your manager before booking. Twelve schools "
              "took part in the pilot. The annual budget is 600,000 dollars. The file is "
              "Documents/Sample/Team_Handbook.pdf; it covers working hours and expenses. Lucas Martin's "
              "phone number is +1-555-0110; Omar Haddad's is +1-555-0112.")
    nothing_written = []
    for c in case_set("conversations-dev2"):
        empty = [""] * len(c.turns)
        failures = c.check(ws, empty, [{} for _ in c.turns])
        assert failures, c.id
        if any(" was written" in f for f in failures):
            continue
        nothing_written.append(c.id)
        assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
        assert c.check(ws, [honest] * len(c.turns), [{} for _ in c.turns]) == [], c.id
    assert len(nothing_written) >= 6


def test_the_second_development_checks_tell_right_from_wrong(fresh):
    """A few outcomes made with the real tools: an edit is right as a new event beside the old one, wrong
    when the answer claims the old one moved; a missing note is right as an honest answer or as the new
    note."""
    from bench.outcomes import case_set

    cases = {c.id: c for c in case_set("conversations-dev2")}
    move, gym = cases["dev2_edit_move_bank_call"], cases["dev2_fail_gym_log"]
    ws, act = fresh()
    act("create_calendar_event", title="Call with the bank", start_date="2026-12-01 15:00")
    act("create_calendar_event", title="Call with the bank", start_date="2026-12-01 16:30")
    runs = [{}, {}]
    assert move.check(ws, ["", "Created event 'Call with the bank' at 16:30."], runs) == []
    assert move.check(ws, ["", "The event was moved to 16:30."], runs)
    ws, act = fresh()
    act("create_calendar_event", title="Call with the bank", start_date="2026-12-01 15:00")
    assert move.check(ws, ["", "Sorry, I can't change an event that is already in the calendar."], runs) == []
    assert move.check(ws, ["", "Done."], runs)
    ws, act = fresh()
    assert gym.check(ws, ["Added it."], [{}])
    assert gym.check(ws, ["No note named 'gym log'. Use create_note to make a new one."], [{}]) == []
    act("create_note", name="Gym log", content="- 20 min rowing")
    assert gym.check(ws, ["Created the new note Gym log."], [{}]) == []
    act("create_note", name="Cardio", content="- 20 min rowing")
    assert gym.check(ws, ["Created the new note Gym log."], [{}])
