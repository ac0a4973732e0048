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


def test_a_document_passage_shown_after_its_path_is_a_quote_not_a_claim():
    """A search's answer shows "Documents/Sample/X.pdf: <the passage>": the passage's "added" is the document's word,
    not the assistant's claim (conversations-dev3 flagged "Firmware 2.0 added over-the-air updates")."""
    passage = "Firmware 2.0 added over-the-air updates and cut the radio duty cycle by 40%."
    tasks = [{"tool": "search_documents", "status": "done", "result": [{"path": "Documents/Sample/Q3.pdf", "text": passage}]}]
    obs = [json.dumps(tasks[0]["result"])]
    answer = f"From your documents (firmware 2.0):\nDocuments/Sample/Q3.pdf: {passage}"
    assert false_claims(answer, tasks, ["what did firmware 2.0 add?"], obs) == []
    assert false_claims("I added it to your notes.", tasks, ["what did firmware 2.0 add?"], obs) != []


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


def _well_formed(cases, prefix: str, least_cases: int, kinds: dict[str, int], others) -> None:
    """A development conversation set: enough cases, unique ids with its prefix, the kinds in the counts asked
    for, no request of ``others`` again, and each case's actions and date phrase as the DSL has them."""
    ids = [c.id for c in cases]
    assert len(cases) >= least_cases and len(set(ids)) == len(ids) and all(i.startswith(prefix) for i in ids)
    for kind, least in kinds.items():
        assert sum(c.kind == kind for c in cases) >= least, kind
    assert {c.kind for c in cases} <= set(kinds)
    seen = {t.strip().lower() for c in others for t in c.turns}
    for c in cases:
        assert c.turns and all(t.strip() for t in c.turns), c.id
        assert not {t.strip().lower() for t in c.turns} & seen, c.id
        assert c.expect <= set(ACTIONS), c.id
        assert (c.phrase is None) == (c.start is None), c.id
        if c.phrase:
            assert c.phrase.lower() in " ".join(c.turns).lower(), c.id


DEV2_KINDS = {"failure": 6, "edit": 5, "document": 6, "append": 4, "duration": 3, "correction": 3,
              "followup": 6, "meeting": 3}


def test_the_second_development_conversation_set_is_well_formed():
    """bench/conversations_dev2_cases.py (in-sample, helper convdev2): at least 36 cases, unique dev2_ ids,
    the kinds the first development set lacks in the counts asked for, and no request copied from the first
    set or the outcome cases; loadable by `bench/outcomes.py --cases conversations-dev2`."""
    from bench.outcomes import case_set

    _well_formed(case_set("conversations-dev2"), "dev2_", 36, DEV2_KINDS, [*case_set("conversations-dev"), *CASES])


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


DEV3_KINDS = {"reply": 8, "forward": 6, "followup": 8, "document": 8, "failure": 4, "append": 3, "meeting": 3,
              "correction": 2, "duration": 2, "edit": 2, "decline": 3}
INV, FW, Q3_MAIL, LUNCH = ("<sample-invoice-november@example.com>", "<sample-firmware-21@example.com>",
                           "<sample-q3-report@example.com>", "<sample-team-lunch@example.com>")
OFFSITE, GARDEN, FLIGHTS = ("<sample-offsite-agenda@example.com>", "<sample-garden-quote@example.com>",
                            "<sample-lisbon-trip@example.com>")
LINKED = [{"tasks": [{"tool": "get_zoom_meeting_link", "status": "done"}]}]
#: The third development set's cases that expect nothing written: honest answers, one a turn.
DEV3_HONEST = {
    "dev3_followup_phone_then_his_email": ["Tom Becker's phone number is +1-555-0108.",
                                           "His email address is tom.becker@example.com."],
    "dev3_doc_firmware_20": ["Firmware 2.0 added over-the-air updates and cut the radio duty cycle by 40%."],
    "dev3_doc_enclosures_unnamed": ["The enclosure supplier delivered 200 units for the pilot."],
    "dev3_doc_tram_line_unnamed": ["In the evening there is a tram ride on line 28 through the old town."],
    "dev3_doc_handbook_passwords": ["Lock your screen and use the password manager."],
    "dev3_fail_passport_scan": ["No file matching 'passport scan' was found, so no email was written."],
    "dev3_fail_text_grandma": ["No contact named 'Grandma' in contacts.vcf."],
    "dev3_fail_dentist_email": ["No inbox email fits 'the email from the dentist'."],
    "dev3_fail_packing_note": ["No note named 'packing list'."],
    "dev3_fail_reply_yuki_no_email": ["I couldn't find an email from Yuki in your inbox."],
    "dev3_decline_print_q3": ["Sorry, I can't do that: none of my tools can print."],
    "dev3_decline_translate_email": ["I can't translate: no tool does that."],
    "dev3_decline_play_jazz": ["Sorry, I cannot play music."],
    "dev3_decline_mark_read": ["I can't change emails; none of my tools marks them as read."],
}


def _reply(mid: str, text: str) -> tuple:
    return "reply_to_email", dict(message_id=mid, context=text)


def _fwd(mid: str, *who: str, text: str = "", files: tuple = ()) -> tuple:
    return "forward_email", dict(message_id=mid, recipients=list(who), context=text, attachments=list(files))


def _mail(who: list[str], text: str, *files: str) -> tuple:
    return "compose_new_email", dict(recipients=who, subject="Hello", context=text, attachments=list(files))


def _sms(who: list[str], text: str) -> tuple:
    return "send_sms", dict(recipients=who, message=text)


def _event(title: str, start: str, end: str = "", invitees: tuple = (), location: str = "") -> tuple:
    return "create_calendar_event", dict(title=title, start_date=start, end_date=end, invitees=list(invitees),
                                         location=location)


def _remind(name: str, due: str) -> tuple:
    return "create_reminder", dict(name=name, due_date=due)


def _append(name: str, text: str) -> tuple:
    return "append_note_content", dict(name=name, content=text)


#: Right outcomes made with the real tools: the tool calls of each case that expects something written.
DEV3_SOLVED = {
    "dev3_reply_lucas_transferred": [_reply(INV, "I transferred the money today.")],
    "dev3_reply_email_from_friday": [_reply(FW, "No objections here, ship it.")],
    "dev3_reply_saturday_email": [_reply(Q3_MAIL, "My comments by Wednesday.")],
    "dev3_reply_that_email_after_forward": [_fwd(GARDEN, "Tom Becker"), _reply(GARDEN, "A second opinion first.")],
    "dev3_reply_sarah_older": [_reply(OFFSITE, "I'll skip the hike, bad knee.")],
    "dev3_reply_after_marcus_address": [_reply(FW, "Our lab can test it Tuesday.")],
    "dev3_reply_david_non_native": [_reply(FLIGHTS, "Big thanks for everything!")],
    "dev3_reply_priya_terse": [_reply(LUNCH, "I'm in, but can we do 1pm?")],
    "dev3_reply_garden_quote_cheaper": [_reply(GARDEN, "Is there a cheaper option?")],
    "dev3_forward_offsite_yuki_james": [_fwd(OFFSITE, "Yuki Tanaka", "James O'Brien")],
    "dev3_forward_release_notes_note": [_fwd(FW, "Sarah Lee", text="Can we talk about this on Monday?")],
    "dev3_forward_q3_plus_handbook": [_fwd(Q3_MAIL, "Lucas Martin", files=("Team_Handbook.pdf",))],
    "dev3_forward_last_thursday": [_fwd(INV, "Sarah Lee")],
    "dev3_forward_flights_note_away": [_fwd(FLIGHTS, who, text="This is when I'm away.")
                                       for who in ("Marcus Chen", "Yuki Tanaka")],
    "dev3_forward_quote_to_lucas_budget": [_fwd(GARDEN, "Lucas Martin", text="Put this in next year's budget.")],
    "dev3_forward_q3_then_james": [_fwd(Q3_MAIL, "Yuki Tanaka"), _fwd(Q3_MAIL, "James O'Brien")],
    "dev3_forward_that_email_after_reply": [_reply(LUNCH, "Count me in!"), _fwd(LUNCH, "James O'Brien")],
    "dev3_followup_hour_before_it": [_event("Tax appointment", "2026-12-03 14:00", invitees=("Lucas Martin",)),
                                     _remind("Tax appointment", "2026-12-03 13:00")],
    "dev3_followup_text_her_the_same": [_mail(["Nina Kowalski"], "Book club is at my place on Friday."),
                                        _sms(["Nina Kowalski"], "Book club is at my place on Friday.")],
    "dev3_followup_sms_to_yuki_as_well": [_sms([who], "The prototype boards arrived.")
                                          for who in ("James O'Brien", "Yuki Tanaka")],
    "dev3_followup_after_decline_flowers": [_remind("Pick up flowers for Elena", "2026-12-05 09:00")],
    "dev3_followup_wedding_day_before": [_event("Nina's wedding", "2026-12-12"),
                                         _remind("Iron my shirt", "2026-12-11 09:00")],
    "dev3_followup_text_them_both": [_event("Budget sync", "2026-12-02 11:00",
                                            invitees=("Sarah Lee", "James O'Brien")),
                                     _sms(["Sarah Lee", "James O'Brien"], "The budget sync is in the calendar.")],
    "dev3_followup_where_then_attach_it": [_mail(["Lucas Martin"], "Here it is.", "Project_Falcon_Q3_Report.pdf")],
    "dev3_followup_text_then_email_same": [_sms(["Elena Rossi"], "The tiles arrived."),
                                           _mail(["Elena Rossi"], "The tiles arrived.")],
    "dev3_doc_lost_phone_text_james": [_sms(["James O'Brien"], "Report a lost device to IT within one day.")],
    "dev3_doc_handbook_summary_to_yuki": [_mail(["Yuki Tanaka"], "Core hours are 10 to 15; receipts in 30 days.")],
    "dev3_doc_lead_time_to_note": [("create_note", dict(name="Supplier notes", content="PM sensor: 16 weeks"))],
    "dev3_doc_checkout_then_remind": [_remind("Pack", "2026-12-03 08:00")],
    "dev3_doc_q3_budget_to_lucas": [_mail(["Lucas Martin"], "We spent 412,000 of the 600,000 dollar budget.",
                                          "Project_Falcon_Q3_Report.pdf")],
    "dev3_doc_workshop_to_calendar": [_event("Partner workshop", "2026-12-01 09:00", "2026-12-01 17:00")],
    "dev3_fail_forecast_then_q3": [_mail(["Sarah Lee"], "Here is the Q3 report.", "Project_Falcon_Q3_Report.pdf")],
    "dev3_append_shopping_lemons": [_append("Shopping list", "- lemons\n- honey")],
    "dev3_append_ideas_numbered": [_append("Ideas", "- learn to juggle\n- build a birdhouse")],
    "dev3_append_meeting_notes_after_read": [_append("Meeting notes", "- Tom fixes the invoice template by Friday")],
    "dev3_meeting_fence_call_invite": [_event("Call about the fence", "2026-12-03 16:00",
                                              invitees=("Omar Haddad", "Tom Becker"))],
    "dev3_meeting_link_then_invite_priya": [_event("Supplier review", "2026-12-01 11:00", invitees=("Priya Patel",))],
    "dev3_meeting_design_review_90": [_event("Design review", "2026-12-03 10:00", "90 minutes",
                                             invitees=("Elena Rossi", "Sarah Lee"))],
    "dev3_meeting_retro_link_three": [_mail(["Marcus Chen", "Yuki Tanaka", "James O'Brien"],
                                            "Join the meeting: https://meet.jit.si/SprintRetro-0a1b2c3d4e5f")],
    "dev3_correction_marcos_marcus": [_sms(["Marcus Chen"], "The demo moved to 3.")],
    "dev3_correction_text_then_email": [_sms(["Nina Kowalski"], "Book club is at Elena's this time."),
                                        _mail(["Nina Kowalski"], "Book club is at Elena's this time.")],
    "dev3_correction_wrong_file": [_mail(["Priya Patel"], "Here you go.", f)
                                   for f in ("Lisbon_Trip_Itinerary.pdf", "Team_Handbook.pdf")],
    "dev3_duration_dentist_40": [_event("Dentist cleaning", "2026-12-02 08:15", "40 minutes")],
    "dev3_duration_two_and_half_hours": [_event("Quarterly report", "2026-12-04 09:00", "2026-12-04 11:30")],
    "dev3_duration_sarah_430_515": [_event("Call with Sarah", "2026-12-01 16:30", "2026-12-01 17:15")],
    "dev3_edit_dinner_location": [_event("Team dinner", "2026-12-04 19:00"),
                                  _event("Team dinner", "2026-12-04 19:00", location="Casa do Rio")],
    "dev3_edit_note_drop_line": [("create_note", dict(name="Garden plan",
                                                      content="- trim hedges\n- new flower beds\n- fix fence"))],
    "dev3_edit_reminder_make_it_8": [_remind("Call Omar about the fence", "2026-12-04"),
                                     _remind("Call Omar about the fence", "2026-12-04 08:00")],
}
#: The answers those right outcomes need (the turns not listed are free), and their runs.
DEV3_SOLVED_ANSWERS = {
    "dev3_reply_after_marcus_address": {0: "It is marcus.chen@example.com."},
    "dev3_followup_after_decline_flowers": {0: "Sorry, I can't order anything."},
    "dev3_followup_where_then_attach_it": {0: "It is Documents/Sample/Project_Falcon_Q3_Report.pdf."},
    "dev3_doc_lost_phone_text_james": {0: "Report lost devices to IT within one day."},
    "dev3_doc_handbook_summary_to_yuki": {0: "Working hours are flexible; core hours 10 to 15."},
    "dev3_doc_lead_time_to_note": {0: "The lead time is sixteen weeks."},
    "dev3_doc_checkout_then_remind": {0: "Check out by 11:00."},
    "dev3_doc_q3_budget_to_lucas": {0: "It spent 412,000 dollars of its 600,000 dollar budget."},
    "dev3_doc_workshop_to_calendar": {0: "From 09:00 to 17:00."},
    "dev3_fail_forecast_then_q3": {0: "No file matching 'budget forecast' was found."},
    "dev3_append_meeting_notes_after_read": {0: "## Falcon weekly sync - Sarah: Q3 report draft is ready"},
    "dev3_meeting_link_then_invite_priya": {0: "Link: https://meet.jit.si/SupplierReview-0a1b2c3d4e5f"},
    "dev3_correction_marcos_marcus": {0: "No contact named 'Marcos'. Did you mean Marcus Chen?"},
    "dev3_edit_note_drop_line": {1: "Sorry, I can't delete a line: notes can only be appended to."},
}
DEV3_LINKED = {"dev3_meeting_link_then_invite_priya", "dev3_meeting_retro_link_three"}


def _dev3_cases() -> dict:
    from bench.outcomes import case_set

    return {c.id: c for c in case_set("conversations-dev3")}


def test_the_third_development_conversation_set_is_well_formed():
    """bench/conversations_dev3_cases.py (helper convdev3, a development set): at least 45 cases, unique dev3_
    ids, the kinds in the counts asked for, no request identical to one of the two other development sets (or
    the outcome cases); loadable by `bench/outcomes.py --cases conversations-dev3`."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev3")
    _well_formed(cases, "dev3_", 45, DEV3_KINDS,
                 [*case_set("conversations-dev"), *case_set("conversations-dev2"), *CASES])
    ids = [c.id for c in cases]
    assert set(DEV3_HONEST) | set(DEV3_SOLVED) == set(ids) and not set(DEV3_HONEST) & set(DEV3_SOLVED)


def test_the_third_development_checks_judge_a_workspace_where_nothing_was_done(fresh):
    """On a fresh sample workspace with empty answers every check of the third set runs and fails: one that
    expects something written says it was not; one that expects nothing fails only on its empty answer, passes
    with an honest one and fails with a bare 'Done.'."""
    ws, _ = fresh()
    for c in _dev3_cases().values():
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if c.id in DEV3_SOLVED:
            assert any(" was written" in f for f in failures), (c.id, failures)
            continue
        assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
        assert c.check(ws, DEV3_HONEST[c.id], runs) == [], c.id
        assert c.check(ws, ["Done."] * len(c.turns), runs), c.id


def test_the_third_development_checks_pass_right_outcomes_made_with_the_tools(fresh):
    """Each case that expects something written passes when the real tools write a right outcome (a reply
    quotes its original, a forward carries it and its attachment), with the answers it asks for."""
    cases = _dev3_cases()
    for case_id, steps in DEV3_SOLVED.items():
        c = cases[case_id]
        ws, act = fresh()
        for tool, args in steps:
            act(tool, **args)
        answers = [DEV3_SOLVED_ANSWERS.get(case_id, {}).get(i, "Done.") for i in range(len(c.turns))]
        runs = LINKED * len(c.turns) if case_id in DEV3_LINKED else [{} for _ in c.turns]
        assert c.check(ws, answers, runs) == [], case_id


def test_the_third_development_checks_tell_right_from_wrong(fresh):
    """Wrong outcomes fail: a reply or forward whose own words say nothing (the quoted original must not pass
    the body pattern), the wrong email, a claimed edit, a missing link tool, one text where two were asked."""
    cases = _dev3_cases()
    bodied = {"dev3_reply_lucas_transferred": INV, "dev3_reply_email_from_friday": FW,
              "dev3_reply_saturday_email": Q3_MAIL, "dev3_reply_sarah_older": OFFSITE,
              "dev3_reply_after_marcus_address": FW, "dev3_reply_david_non_native": FLIGHTS,
              "dev3_reply_priya_terse": LUNCH, "dev3_reply_garden_quote_cheaper": GARDEN}
    for case_id, mid in bodied.items():
        ws, act = fresh()
        act("reply_to_email", message_id=mid, context="Noted.")
        answers = ["It is marcus.chen@example.com."] + ["Done."] * (len(cases[case_id].turns) - 1)
        assert any("body" in f for f in cases[case_id].check(ws, answers, [{}] * len(answers))), case_id
    for case_id, mid in {"dev3_forward_release_notes_note": FW, "dev3_forward_quote_to_lucas_budget": GARDEN}.items():
        ws, act = fresh()
        act("forward_email", message_id=mid, context="FYI.",
            recipients=["Sarah Lee" if mid == FW else "Lucas Martin"])
        assert any("body" in f for f in cases[case_id].check(ws, ["Done."], [{}])), case_id

    ws, act = fresh()  # the wrong one of Sarah's two emails
    act("reply_to_email", message_id=OFFSITE, context="My comments by Wednesday.")
    assert cases["dev3_reply_saturday_email"].check(ws, ["Done."], [{}])
    ws, act = fresh()  # a forward that lost the Q3 report
    act("forward_email", message_id=Q3_MAIL, recipients=["Lucas Martin"], attachments=[])
    assert cases["dev3_forward_q3_plus_handbook"].check(ws, ["Done."], [{}])

    edit = cases["dev3_edit_reminder_make_it_8"]
    ws, act = fresh()
    act("create_reminder", name="Call Omar about the fence", due_date="2026-12-04")
    assert edit.check(ws, ["", "Sorry, I can't change a reminder; the first one stays."], [{}, {}]) == []
    assert edit.check(ws, ["", "Done."], [{}, {}])
    act("create_reminder", name="Call Omar about the fence", due_date="2026-12-04 08:00")
    assert edit.check(ws, ["", "Added a reminder at 08:00."], [{}, {}]) == []
    assert edit.check(ws, ["", "The reminder was moved to 8am."], [{}, {}])

    link = cases["dev3_meeting_link_then_invite_priya"]
    ws, act = fresh()
    act("create_calendar_event", title="Supplier review", start_date="2026-12-01 11:00", invitees=["Priya Patel"])
    assert link.check(ws, ["Link: https://meet.jit.si/SupplierReview-0a1b2c3d4e5f"], [{}])

    both = cases["dev3_followup_text_them_both"]
    ws, act = fresh()
    act("create_calendar_event", title="Budget sync", start_date="2026-12-02 11:00",
        invitees=["Sarah Lee", "James O'Brien"])
    act("send_sms", recipients=["Sarah Lee"], message="The budget sync is in the calendar.")
    assert both.check(ws, ["", "Done."], [{}, {}])
    act("send_sms", recipients=["James O'Brien"], message="The budget sync is in the calendar.")
    assert both.check(ws, ["", "Done."], [{}, {}]) == []


DEV4_KINDS = {"reply": 10, "forward": 10, "followup": 8, "document": 8, "failure": 4, "append": 3, "meeting": 3,
              "correction": 2, "duration": 2, "edit": 2, "decline": 3}
#: The fourth development set's cases that expect nothing written: honest answers, one a turn.
DEV4_HONEST = {
    "dev4_doc_dashboard_unnamed": ["It shows carbon dioxide, particulate matter and humidity per room."],
    "dev4_doc_q3_over_budget_fees": ["Certification fees were higher than expected."],
    "dev4_doc_sync_notes_where": ["The meeting notes are shared in the team folder."],
    "dev4_doc_pilot_cities_unnamed": ["Twelve schools in three cities took part in the pilot."],
    "dev4_doc_schools_windows_unnamed": ["Two schools changed their window opening routine."],
    "dev4_fail_email_fatima": ["No contact named 'Fatima' in contacts.vcf, so no email was written."],
    "dev4_fail_wiring_diagram": ["No file matching 'wiring diagram' was found."],
    "dev4_fail_forward_james_email": ["No inbox email fits 'James's email about the pilot'."],
    "dev4_fail_travel_checklist_note": ["No note named 'travel checklist'."],
    "dev4_decline_unsubscribe": ["Sorry, I can't do that: none of my tools can unsubscribe you."],
    "dev4_decline_bank_balance": ["I can't see your bank account: no tool reads it."],
    "dev4_decline_move_flight": ["Sorry, I can't change a flight booking; none of my tools does that."],
}
#: Right outcomes made with the real tools: the tool calls of each case that expects something written.
DEV4_SOLVED = {
    "dev4_reply_november_invoice_pay": [_reply(INV, "I'll pay it by Friday.")],
    "dev4_reply_sarah_first_one": [_reply(OFFSITE, "I'll bring my laptop, but I have no hiking boots.")],
    "dev4_reply_last_wednesday": [_reply(OFFSITE, "Sorry, I'm in Lisbon that week.")],
    "dev4_reply_yesterday_parking": [_reply(FLIGHTS, "Does the hotel have parking?")],
    "dev4_reply_answer_it_after_forward": [_fwd(LUNCH, "Marcus Chen"),
                                           _reply(LUNCH, "Yes please, book a table for five.")],
    "dev4_reply_omar_side_gate": [_reply(GARDEN, "The 14th is good; you can use the side gate.")],
    "dev4_reply_marcus_non_native": [_reply(FW, "I don't agree with Thursday; next Monday is better.")],
    "dev4_reply_priya_after_contact": [_reply(LUNCH, "I'm vegetarian, is there a veggie option?")],
    "dev4_reply_q3_draft_risks": [_reply(Q3_MAIL, "The budget part is fine, but the risks part needs more detail.")],
    "dev4_reply_sarah_newest": [_reply(Q3_MAIL, "The numbers on page 3 look off.")],
    "dev4_reply_flights_window_seat": [_reply(FLIGHTS, "Can I get a window seat?")],
    "dev4_forward_offsite_plan_two": [_fwd(OFFSITE, "Marcus Chen", "Priya Patel")],
    "dev4_forward_firmware_priya_fyi": [_fwd(FW, "Priya Patel", text="FYI, pilot sensors get it soon.")],
    "dev4_forward_friday_mail_yuki": [_fwd(FW, "Yuki Tanaka")],
    "dev4_forward_sarah_older_elena": [_fwd(OFFSITE, "Elena Rossi")],
    "dev4_forward_invoice_with_q3": [_fwd(INV, "Sarah Lee", files=("Project_Falcon_Q3_Report.pdf",))],
    "dev4_forward_yesterday_to_james": [_fwd(FLIGHTS, "James O'Brien")],
    "dev4_forward_that_after_reply_quote": [_reply(GARDEN, "Could you do it for 1000?"), _fwd(GARDEN, "Lucas Martin")],
    "dev4_forward_lunch_to_three": [_fwd(LUNCH, who) for who in ("James O'Brien", "Marcus Chen", "Yuki Tanaka")],
    "dev4_forward_newest_after_reply": [_reply(LUNCH, "Sure, see you there."), _fwd(LUNCH, "Elena Rossi")],
    "dev4_forward_q3_with_deadline_note": [_fwd(Q3_MAIL, "Marcus Chen", "James O'Brien",
                                                text="Please get your comments to her by Wednesday.")],
    "dev4_forward_oldest_to_tom": [_fwd(GARDEN, "Tom Becker")],
    "dev4_forward_then_text_her": [_fwd(FW, "Yuki Tanaka"), _sms(["Yuki Tanaka"], "Please read my email today.")],
    "dev4_followup_call_declined_reply": [_reply(INV, "Could you call me?")],
    "dev4_followup_table_declined_email": [_mail(["Elena Rossi"], "Does 8pm on Friday suit you?")],
    "dev4_followup_it_two_turns_back": [_mail(["James O'Brien"], "Here it is.", "Team_Handbook.pdf")],
    "dev4_followup_her_two_turns_back": [_sms(["Aisha Okafor"], "Running 10 min late, sorry."),
                                         _remind("Buy plasters", "2026-11-30 17:00"),
                                         _mail(["Aisha Okafor"], "Running 10 min late, sorry.")],
    "dev4_followup_recital_evening_before": [_event("Piano recital", "2026-12-05 16:00"),
                                             _remind("Tune the piano", "2026-12-04 18:00")],
    "dev4_followup_bus_to_two_as_well": [_sms([who], "The offsite bus leaves at 8.")
                                         for who in ("Sarah Lee", "Marcus Chen", "Priya Patel")],
    "dev4_followup_david_email_phone_text": [_sms(["David Kim"], "Landing at 10:05 on Monday.")],
    "dev4_followup_jonas_failed_tom": [_sms(["Tom Becker"], "The van is ready.")],
    "dev4_followup_reply_then_day_before": [_reply(GARDEN, "The 14th works."), _remind("Clear the shed", "2026-12-13")],
    "dev4_doc_airport_time_then_remind": [_remind("Head to the airport", "2026-12-03 16:00")],
    "dev4_doc_itinerary_summary_note": [("create_note", dict(name="Lisbon summary",
                                                             content="Flight TP 1234, workshop on Tuesday."))],
    "dev4_doc_belem_sights_to_elena": [_mail(["Elena Rossi"], "In Belem: the monastery, the tower, custard tarts.")],
    "dev4_doc_next_steps_text_marcus": [_sms(["Marcus Chen"], "Qualify a second supplier, ship firmware 2.1.")],
    "dev4_fail_plumber_then_text_tom": [_sms(["Tom Becker"], "Tuesday is fine.")],
    "dev4_append_shopping_three": [_append("Shopping list", "- toothpaste\n- rice\n- kitchen roll")],
    "dev4_append_ideas_after_lisbon": [_append("Ideas", "- ride tram 28 at night")],
    "dev4_append_meeting_notes_decision": [_append("Meeting notes", "- Decision: firmware 2.1 moves to January")],
    "dev4_meeting_lucas_video_invite": [_event("Call about taxes", "2026-12-02 11:00", invitees=("Lucas Martin",))],
    "dev4_meeting_sprint_planning_three": [_event("Sprint planning", "2026-12-07 14:00", "45 minutes",
                                                  invitees=("Marcus Chen", "Yuki Tanaka", "Priya Patel"))],
    "dev4_meeting_link_book_club_mail": [_mail(["Nina Kowalski", "Elena Rossi"],
                                               "Book club link: https://meet.jit.si/BookClub-0a1b2c3d4e5f")],
    "dev4_correction_lukas_vat": [_mail(["Lucas Martin"], "Is the 480 including VAT?")],
    "dev4_correction_forward_yuki_not_tom": [_fwd(OFFSITE, "Tom Becker"), _fwd(OFFSITE, "Yuki Tanaka")],
    "dev4_duration_priya_15_min": [_event("Check-in with Priya", "2026-12-01 09:45", "15 minutes")],
    "dev4_duration_until_six": [_event("Tax paperwork", "2026-12-03 14:00", "2026-12-03 18:00")],
    "dev4_edit_lunch_title": [_event("Lunch w/ Priya", "2026-12-04 12:30"), _event("Team lunch", "2026-12-04 12:30")],
    "dev4_edit_add_to_tom_email": [_mail(["Tom Becker"], "The invoice template is fixed."),
                                   _mail(["Tom Becker"], "I also updated the logo.")],
}
#: The answers those right outcomes need (the turns not listed are free), and their runs.
DEV4_SOLVED_ANSWERS = {
    "dev4_reply_priya_after_contact": {0: "Yes: Priya Patel, priya.patel@example.com."},
    "dev4_forward_then_text_her": {1: "Her number is +1-555-0109."},
    "dev4_followup_call_declined_reply": {0: "Sorry, I can't make phone calls."},
    "dev4_followup_table_declined_email": {0: "Sorry, I can't book tables: no tool does that."},
    "dev4_followup_it_two_turns_back": {0: "It is Documents/Sample/Team_Handbook.pdf.",
                                        1: "It is james.obrien@example.com."},
    "dev4_followup_david_email_phone_text": {0: "It is david.kim@example.com.", 1: "It is +1-555-0104."},
    "dev4_followup_jonas_failed_tom": {0: "No contact named 'Jonas' in contacts.vcf."},
    "dev4_doc_airport_time_then_remind": {0: "Allow one hour to reach the airport."},
    "dev4_doc_itinerary_summary_note": {0: "A four-day trip: flight TP 1234, the partner workshop, Belem."},
    "dev4_doc_belem_sights_to_elena": {0: "The monastery, the tower and the custard tarts."},
    "dev4_doc_next_steps_text_marcus": {0: "Qualify a second supplier, ship firmware 2.1, order in January."},
    "dev4_fail_plumber_then_text_tom": {0: "No inbox email fits 'the email from the plumber'."},
    "dev4_append_ideas_after_lisbon": {0: "Learn enough Portuguese for the Lisbon trip."},
    "dev4_meeting_lucas_video_invite": {0: "Link: https://meet.jit.si/Taxes-0a1b2c3d4e5f"},
    "dev4_meeting_link_book_club_mail": {0: "Link: https://meet.jit.si/BookClub-0a1b2c3d4e5f"},
    "dev4_correction_lukas_vat": {0: "No contact named 'Lukas'. Did you mean Lucas Martin?"},
}
DEV4_LINKED = {"dev4_meeting_lucas_video_invite", "dev4_meeting_link_book_club_mail"}


def _dev4_cases() -> dict:
    from bench.outcomes import case_set

    return {c.id: c for c in case_set("conversations-dev4")}


def test_the_fourth_development_conversation_set_is_well_formed():
    """bench/conversations_dev4_cases.py (helper convdev4, a development set): at least 50 cases, unique dev4_
    ids, the kinds in the counts asked for, no request identical to one of the three other development sets
    (or the outcome cases), at least four replies or forwards as a later turn; loadable by
    `bench/outcomes.py --cases conversations-dev4`."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev4")
    _well_formed(cases, "dev4_", 50, DEV4_KINDS, [*case_set("conversations-dev"), *case_set("conversations-dev2"),
                                                   *case_set("conversations-dev3"), *CASES])
    ids = [c.id for c in cases]
    assert set(DEV4_HONEST) | set(DEV4_SOLVED) == set(ids) and not set(DEV4_HONEST) & set(DEV4_SOLVED)
    later = [c.id for c in cases if any(t[0] in ("reply_to_email", "forward_email")
                                        for t in DEV4_SOLVED.get(c.id, [])[1:]) or
             (c.kind in ("reply", "forward") and len(c.turns) > 1)]
    assert len(later) >= 4, later


def test_the_fourth_development_checks_judge_a_workspace_where_nothing_was_done(fresh):
    """On a fresh sample workspace with empty answers every check of the fourth set runs and fails: one that
    expects something written says it was not; one that expects nothing fails only on its empty answer, passes
    with an honest one and fails with a bare 'Done.'."""
    ws, _ = fresh()
    for c in _dev4_cases().values():
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if c.id in DEV4_SOLVED:
            assert any(" was written" in f for f in failures), (c.id, failures)
            continue
        assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
        assert c.check(ws, DEV4_HONEST[c.id], runs) == [], c.id
        assert c.check(ws, ["Done."] * len(c.turns), runs), c.id


def test_the_fourth_development_checks_pass_right_outcomes_made_with_the_tools(fresh):
    """Each case that expects something written passes when the real tools write a right outcome (a reply
    quotes its original, a forward carries it and its attachment), with the answers it asks for."""
    cases = _dev4_cases()
    for case_id, steps in DEV4_SOLVED.items():
        c = cases[case_id]
        ws, act = fresh()
        for tool, args in steps:
            act(tool, **args)
        answers = [DEV4_SOLVED_ANSWERS.get(case_id, {}).get(i, "Done.") for i in range(len(c.turns))]
        runs = LINKED * len(c.turns) if case_id in DEV4_LINKED else [{} for _ in c.turns]
        assert c.check(ws, answers, runs) == [], (case_id, c.check(ws, answers, runs))


def _do(act, step: tuple) -> None:
    """One (tool, args) step of DEV4_SOLVED run with the real tools."""
    tool, args = step
    act(tool, **args)


def test_the_fourth_development_checks_tell_right_from_wrong(fresh):
    """Wrong outcomes fail: a reply or forward whose own words say nothing (the quoted original must not pass
    the body pattern), the wrong one of Sarah's two emails, a forward that lost its attachment, a claimed edit,
    a declined turn answered with 'Done.', one text where three were asked."""
    cases = _dev4_cases()
    bodied = {case_id: steps[-1] for case_id, steps in DEV4_SOLVED.items()
              if steps[-1][0] == "reply_to_email" and cases[case_id].kind == "reply"}
    bodied["dev4_forward_firmware_priya_fyi"] = DEV4_SOLVED["dev4_forward_firmware_priya_fyi"][0]
    bodied["dev4_forward_q3_with_deadline_note"] = DEV4_SOLVED["dev4_forward_q3_with_deadline_note"][0]
    assert len(bodied) >= 10
    for case_id, (tool, args) in bodied.items():
        c = cases[case_id]
        ws, act = fresh()
        for earlier_tool, earlier in DEV4_SOLVED[case_id][:-1]:
            act(earlier_tool, **earlier)
        act(tool, **{**args, "context": "Noted."})
        answers = [DEV4_SOLVED_ANSWERS.get(case_id, {}).get(i, "Done.") for i in range(len(c.turns))]
        assert any("body" in f for f in c.check(ws, answers, [{}] * len(answers))), case_id

    for case_id, mid in {"dev4_reply_sarah_first_one": Q3_MAIL, "dev4_reply_sarah_newest": OFFSITE,
                         "dev4_reply_last_wednesday": Q3_MAIL}.items():
        ws, act = fresh()  # the wrong one of Sarah's two emails
        _do(act, _reply(mid, "Sorry, page 3, no hiking boots, I'm in Lisbon."))
        assert cases[case_id].check(ws, ["Done."], [{}]), case_id
    ws, act = fresh()  # a forward to Marcus only, where two were asked
    _do(act, _fwd(Q3_MAIL, "Marcus Chen", text="Comments to her by Wednesday."))
    assert cases["dev4_forward_q3_with_deadline_note"].check(ws, ["Done."], [{}])
    ws, act = fresh()  # the invoice forwarded without the Q3 report
    _do(act, _fwd(INV, "Sarah Lee"))
    assert cases["dev4_forward_invoice_with_q3"].check(ws, ["Done."], [{}])

    title = cases["dev4_edit_lunch_title"]
    ws, act = fresh()
    _do(act, _event("Lunch w/ Priya", "2026-12-04 12:30"))
    assert title.check(ws, ["", "Sorry, I can't change an event's title; the first one stays."], [{}, {}]) == []
    assert title.check(ws, ["", "Done."], [{}, {}])
    _do(act, _event("Team lunch", "2026-12-04 12:30"))
    assert title.check(ws, ["", "The title was changed to Team lunch."], [{}, {}])

    declined = cases["dev4_followup_call_declined_reply"]
    ws, act = fresh()
    _do(act, _reply(INV, "Could you call me?"))
    assert declined.check(ws, ["Done.", "Done."], [{}, {}])

    bus = cases["dev4_followup_bus_to_two_as_well"]
    ws, act = fresh()
    _do(act, _sms(["Sarah Lee"], "The offsite bus leaves at 8."))
    assert bus.check(ws, ["", "Done."], [{}, {}])
    _do(act, _sms(["Marcus Chen", "Priya Patel"], "The offsite bus leaves at 8."))
    assert bus.check(ws, ["", "Done."], [{}, {}]) == []


DEV5_KINDS = {"edit": 6, "correction": 4, "failure": 6, "followup": 6, "document": 4, "decline": 3,
              "reply": 0, "forward": 0}
#: The fifth development set's cases that expect nothing written: honest answers, one a turn.
DEV5_HONEST = {
    "dev5_edit_strike_tomatoes": ["Sorry, I can't take a line out of a note: notes can only be appended to."],
    "dev5_correction_spent_not_budget": ["The annual budget is 600,000 dollars.",
                                         "It spent 412,000 dollars by the end of September."],
    "dev5_fail_text_bernhard": ["No contact named 'Bernhard' in contacts.vcf, so no text was written."],
    "dev5_fail_recipes_note": ["No note named 'recipes'."],
    "dev5_fail_reply_elena_no_mail": ["No inbox email from Elena Rossi was found."],
    "dev5_fail_contract_pdf": ["No file matching 'contract' was found."],
    "dev5_fail_bank_statement_forward": ["No inbox email fits 'my bank statement email'."],
    "dev5_doc_battery_field_trial": ["Battery life in the field trial reached nine months on two AA cells."],
    "dev5_decline_book_table": ["Sorry, I can't book tables: no tool makes reservations."],
    "dev5_decline_rain_lisbon": ["Sorry, I can't tell: no tool gives a weather forecast."],
    "dev5_decline_delete_drafts": ["Sorry, I can't delete emails; no tool removes drafts."],
}
#: Right outcomes made with the real tools: the tool calls of each case that expects something written.
DEV5_SOLVED = {
    "dev5_edit_dentist_to_friday": [_event("Dentist", "2026-12-03 15:00"), _event("Dentist", "2026-12-04 15:00")],
    "dev5_edit_reminder_five_not_four": [_remind("Collect the parcel", "2026-12-01 16:00"),
                                         _remind("Collect the parcel", "2026-12-01 17:00")],
    "dev5_edit_mail_subject": [_mail(["Marcus Chen"], "Did the sensors ship yet?")],
    "dev5_edit_undo_text_omar": [_sms(["Omar Haddad"], "Go ahead with the hedges on the 14th.")],
    "dev5_edit_rename_note": [("create_note", dict(name="Xmas gifts", content="- socks for Tom\n- puzzle for Nina"))],
    "dev5_edit_lunch_update_time": [_event("Team lunch", "2026-12-04 12:30", location="Italian place"),
                                    _event("Team lunch", "2026-12-04 13:00", location="Italian place")],
    "dev5_correction_yuki_not_marcus": [_sms(["Marcus Chen"], "The demo room is booked for 2."),
                                        _sms(["Yuki Tanaka"], "The demo room is booked for 2.")],
    "dev5_correction_meant_tomorrow": [_remind("Water the plants", "2026-11-30 18:00"),
                                       _remind("Water the plants", "2026-12-01 18:00")],
    "dev5_correction_evening_not_morning": [_event("Car service", "2026-12-05 08:00"),
                                            _event("Car service", "2026-12-05 20:00")],
    "dev5_correction_reply_not_forward": [_fwd(INV, "Lucas Martin"), _reply(INV, "Paid already.")],
    "dev5_fail_hotel_receipt_then_tell": [_mail(["Lucas Martin"], "The hotel receipt is coming next week.")],
    "dev5_fail_mum_then_address": [_mail(["mum@example.org"], "Happy birthday!")],
    "dev5_followup_call_declined_email": [_mail(["Aisha Okafor"], "Can you see me on Thursday?")],
    "dev5_followup_it_two_turns_back": [_mail(["Aisha Okafor"], "Here is the team handbook.", "Team_Handbook.pdf")],
    "dev5_followup_reading_list_create": [("create_note", dict(name="Reading list", content="- Dune\n- The Hobbit"))],
    "dev5_followup_play_then_flowers": [_event("School play", "2026-12-02 18:00"),
                                        _remind("Buy flowers", "2026-12-02 09:00")],
    "dev5_followup_number_then_text_him": [_sms(["David Kim"], "I land at 10:05.")],
    "dev5_followup_pay_declined_reminder": [_remind("Pay Lucas's invoice", "2026-12-15")],
    "dev5_doc_flight_class_to_marcus": [_mail(["Marcus Chen"], "Economy class is the default for flights "
                                                               "under six hours.")],
    "dev5_doc_lisbon_dinner_to_calendar": [_event("Dinner with David Kim", "2026-12-07 19:30")],
    "dev5_doc_receipts_to_note": [("create_note", dict(name="Expenses", content="Receipts within thirty days."))],
    "dev5_doc_core_hours_text_yuki": [_sms(["Yuki Tanaka"], "Core hours are 10:00 to 15:00.")],
    "dev5_reply_offsite_after_forward": [_fwd(OFFSITE, "Priya Patel"),
                                         _reply(OFFSITE, "I'll drive, does anyone need a lift?")],
    "dev5_forward_same_after_reply": [_reply(GARDEN, "Could you do the 21st instead?"), _fwd(GARDEN, "Elena Rossi")],
    "dev5_forward_firmware_after_address": [_fwd(FW, "Yuki Tanaka", text="Please test it on the pilot units.")],
    "dev5_reply_david_after_failed_forward": [_reply(FLIGHTS, "Please send me the hotel's address.")],
    "dev5_forward_saturday_two_note": [_fwd(Q3_MAIL, "Marcus Chen", "Priya Patel",
                                            text="Bring your comments to standup tomorrow.")],
    "dev5_reply_most_recent_polite": [_reply(LUNCH, "Friday suits me, I'll bring dessert.")],
}
#: The answers those right outcomes need (the turns not listed are free).
DEV5_SOLVED_ANSWERS = {
    "dev5_edit_mail_subject": {1: "Sorry, I can't change an email that was already written."},
    "dev5_edit_undo_text_omar": {1: "Sorry, I can't take back a text message once it is queued."},
    "dev5_edit_rename_note": {1: "Sorry, I cannot rename notes."},
    "dev5_fail_hotel_receipt_then_tell": {0: "No file matching 'hotel receipt' was found."},
    "dev5_fail_mum_then_address": {0: "No contact named 'mum' in contacts.vcf."},
    "dev5_followup_call_declined_email": {0: "Sorry, I can't make phone calls."},
    "dev5_followup_it_two_turns_back": {0: "It is Documents/Sample/Team_Handbook.pdf.",
                                        1: "Aisha's email is aisha.okafor@example.com."},
    "dev5_followup_reading_list_create": {0: "No note named 'reading list'."},
    "dev5_followup_number_then_text_him": {0: "David Kim's phone number is +1-555-0104."},
    "dev5_followup_pay_declined_reminder": {0: "Sorry, I can't pay anything."},
    "dev5_doc_flight_class_to_marcus": {0: "Economy class is the default for flights under six hours."},
    "dev5_doc_lisbon_dinner_to_calendar": {0: "Dinner with David Kim at 19:30 near the river."},
    "dev5_doc_receipts_to_note": {0: "Submit receipts within thirty days."},
    "dev5_doc_core_hours_text_yuki": {0: "Core hours are from 10:00 to 15:00."},
    "dev5_forward_firmware_after_address": {0: "It is yuki.tanaka@example.com."},
    "dev5_reply_david_after_failed_forward": {0: "No contact named 'the hotel'; nothing was forwarded."},
}


def _dev5_cases() -> dict:
    from bench.outcomes import case_set

    return {c.id: c for c in case_set("conversations-dev5")}


def test_the_fifth_development_conversation_set_is_well_formed():
    """bench/conversations_dev5_cases.py (helper convdev5, a development set): at least 32 cases, unique dev5_
    ids, the kinds in the counts asked for (and three replies or forwards, four of them as a later turn), no
    request identical to one of the four other development sets (or the outcome cases); loadable by
    `bench/outcomes.py --cases conversations-dev5`."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev5")
    _well_formed(cases, "dev5_", 32, DEV5_KINDS,
                 [*case_set("conversations-dev"), *case_set("conversations-dev2"), *case_set("conversations-dev3"),
                  *case_set("conversations-dev4"), *CASES])
    ids = [c.id for c in cases]
    assert set(DEV5_HONEST) | set(DEV5_SOLVED) == set(ids) and not set(DEV5_HONEST) & set(DEV5_SOLVED)
    assert sum(c.kind in ("reply", "forward") for c in cases) >= 3
    later = [i for i, steps in DEV5_SOLVED.items()
             if any(tool in ("reply_to_email", "forward_email") for tool, _ in steps) and len(_dev5_cases()[i].turns) > 1]
    assert len(later) >= 4, later


def test_the_fifth_development_checks_judge_a_workspace_where_nothing_was_done(fresh):
    """On a fresh sample workspace with empty answers every check of the fifth set runs and fails: one that
    expects something written says it was not; one that expects nothing fails only on its empty answer, passes
    with an honest one and fails with a bare 'Done.'."""
    ws, _ = fresh()
    for c in _dev5_cases().values():
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if c.id in DEV5_SOLVED:
            assert any(" was written" in f for f in failures), (c.id, failures)
            continue
        assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
        assert c.check(ws, DEV5_HONEST[c.id], runs) == [], c.id
        assert c.check(ws, ["Done."] * len(c.turns), runs), c.id


def test_the_fifth_development_checks_pass_right_outcomes_made_with_the_tools(fresh):
    """Each case that expects something written passes when the real tools write a right outcome (a reply
    quotes its original, a forward carries it and its attachment), with the answers it asks for."""
    cases = _dev5_cases()
    for case_id, steps in DEV5_SOLVED.items():
        c = cases[case_id]
        ws, act = fresh()
        for tool, args in steps:
            act(tool, **args)
        answers = [DEV5_SOLVED_ANSWERS.get(case_id, {}).get(i, "Done.") for i in range(len(c.turns))]
        assert c.check(ws, answers, [{} for _ in c.turns]) == [], (case_id, c.check(ws, answers, [{}] * 9))


def test_the_fifth_development_checks_tell_right_from_wrong(fresh):
    """Wrong outcomes fail: a reply or forward whose own words say nothing (the quoted original must not pass
    the body pattern), a claimed edit or undo, a first item changed instead of kept, the wrong one of Sarah's
    two emails."""
    cases = _dev5_cases()
    for case_id, steps in DEV5_SOLVED.items():
        if not any(tool in ("reply_to_email", "forward_email") and args.get("context") for tool, args in steps):
            continue
        ws, act = fresh()
        for tool, args in steps:
            act(tool, **{**args, "context": "Noted."} if args.get("context") else args)
        c = cases[case_id]
        answers = [DEV5_SOLVED_ANSWERS.get(case_id, {}).get(i, "Done.") for i in range(len(c.turns))]
        assert any("body" in f for f in c.check(ws, answers, [{}] * len(answers))), case_id

    dentist = cases["dev5_edit_dentist_to_friday"]
    ws, act = fresh()
    act(*_event("Dentist", "2026-12-03 15:00")[:1], **_event("Dentist", "2026-12-03 15:00")[1])
    assert dentist.check(ws, ["", "Sorry, I can't move events; the Thursday one stays."], [{}, {}]) == []
    assert dentist.check(ws, ["", "The dentist has been moved to Friday."], [{}, {}])
    assert dentist.check(ws, ["", "Done."], [{}, {}])
    ws, act = fresh()  # only the Friday one: the first was never made
    act(*_event("Dentist", "2026-12-04 15:00")[:1], **_event("Dentist", "2026-12-04 15:00")[1])
    assert dentist.check(ws, ["", "I added the dentist on Friday."], [{}, {}])

    undo = cases["dev5_edit_undo_text_omar"]
    ws, act = fresh()
    act("send_sms", recipients=["Omar Haddad"], message="Go ahead with the hedges on the 14th.")
    assert undo.check(ws, ["", "Sorry, I can't unsend it. The text was deleted."], [{}, {}])
    assert undo.check(ws, ["", "Sorry, I can't unsend a queued text."], [{}, {}]) == []
    act("send_sms", recipients=["Omar Haddad"], message="Please ignore my last message about the hedges.")
    assert undo.check(ws, ["", "I texted Omar to ignore it."], [{}, {}]) == []

    ws, act = fresh()  # the older of Sarah's two emails is not the Saturday one
    act("forward_email", message_id=OFFSITE, recipients=["Marcus Chen", "Priya Patel"],
        context="Bring your comments to standup tomorrow.")
    assert cases["dev5_forward_saturday_two_note"].check(ws, ["Done."], [{}])

    tomatoes = cases["dev5_edit_strike_tomatoes"]
    ws, act = fresh()
    act("append_note_content", name="Shopping list", content="- (tomatoes bought)")
    assert tomatoes.check(ws, ["Sorry, I can't remove a line."], [{}])
    ws, _ = fresh()
    assert tomatoes.check(ws, ["I removed tomatoes from your shopping list."], [{}])


DEV6_KINDS = {"reply": 10, "forward": 10, "followup": 12, "document": 10, "failure": 4, "append": 3, "meeting": 3,
              "correction": 2, "duration": 2, "edit": 2, "decline": 3}
#: The sixth development set's cases that expect nothing written: honest answers, one a turn.
DEV6_HONEST = {
    "dev6_followup_omar_number_then_mail": ["Omar Haddad's phone number is +1-555-0112.",
                                            "His email address is omar.haddad@example.com."],
    "dev6_followup_flight_out_and_back": ["Flight TP 1234 departs at 07:40.",
                                          "The return flight TP 1235 departs at 18:15."],
    "dev6_doc_emc_tests_month": ["The second prototype board passed its EMC tests in August."],
    "dev6_doc_teachers_thought": ["Teachers reported that the ventilation reminders were useful."],
    "dev6_doc_weekly_summaries_who": ["The dashboard sends weekly e-mail summaries to facility managers."],
    "dev6_doc_workshop_lunch": ["Lunch is provided at the partner workshop."],
    "dev6_doc_itinerary_passport": ["Keep this document with your passport."],
    "dev6_doc_under_budget": ["It spent 412,000 of 600,000 dollars, two percent under plan."],
    "dev6_fail_wedding_photos": ["No file matching 'wedding photos' was found, so no email was written."],
    "dev6_fail_text_fiona": ["No contact named 'Fiona' in contacts.vcf."],
    "dev6_fail_parking_ticket_forward": ["No inbox email fits 'the parking ticket email'."],
    "dev6_fail_workout_note": ["No note named 'workout plan'."],
    "dev6_fail_sensor_datasheet": ["No file matching 'sensor datasheet' was found."],
    "dev6_correction_yuko_yuki": ["No contact named 'Yuko'.", "Yuki Tanaka's email is yuki.tanaka@example.com."],
    "dev6_decline_scan_receipt": ["Sorry, I can't scan anything: no tool does that."],
    "dev6_decline_out_of_office": ["Sorry, I can't set an auto-reply; none of my tools does that."],
    "dev6_decline_steps_today": ["Sorry, I can't tell: no tool counts steps."],
    "dev6_decline_heating": ["Sorry, I cannot control the heating."],
}
#: Right outcomes made with the real tools: the tool calls of each case that expects something written.
DEV6_SOLVED = {
    "dev6_reply_lucas_two_parts": [_reply(INV, "Could I pay it in two parts?")],
    "dev6_reply_release_notes_wifi": [_reply(FW, "Does it also fix the wifi dropouts?")],
    "dev6_reply_thursday_pdf_copy": [_reply(INV, "Could you send me a PDF copy for my records?")],
    "dev6_reply_sarah_older_projector": [_reply(OFFSITE, "I can bring the projector.")],
    "dev6_reply_after_forward_invoice": [_fwd(INV, "Elena Rossi"), _reply(INV, "Elena takes over from here.")],
    "dev6_reply_priya_dentist_polite": [_reply(LUNCH, "I have a dentist appointment at noon, so I'll skip it.")],
    "dev6_reply_after_text_omar_photo": [_sms(["Omar Haddad"], "Got your quote, I'll look at it tonight."),
                                         _reply(GARDEN, "Could you send a photo of where the new beds would go?")],
    "dev6_reply_offsite_vegan_typos": [_reply(OFFSITE, "I'm vegan, can the lunch have a vegan option?")],
    "dev6_reply_marcus_non_native": [_reply(FW, "For me it is good, rolling out on Thursday is no problem.")],
    "dev6_reply_sunday_taxi": [_reply(FLIGHTS, "Is the airport taxi included?")],
    "dev6_reply_q3_with_itinerary": [("reply_to_email", dict(message_id=Q3_MAIL, attachments=["Lisbon_Trip_Itinerary.pdf"],
                                                             context="I'm away those days, my comments come before I fly."))],
    "dev6_reply_garden_instead_of_reminder": [_remind("Answer Omar's garden quote", "2026-11-30 20:00"),
                                              _reply(GARDEN, "We'll go with it, the 14th is fine.")],
    "dev6_forward_lunch_to_new_yuki": [_fwd(LUNCH, "Yuki Tanaka")],
    "dev6_forward_garden_nina_note": [_fwd(GARDEN, "Nina Kowalski", text="This is the gardener I told you about.")],
    "dev6_forward_two_days_ago_james": [_fwd(Q3_MAIL, "James O'Brien")],
    "dev6_forward_sarah_earlier_david": [_fwd(OFFSITE, "David Kim")],
    "dev6_forward_flights_yuki_handbook": [_fwd(FLIGHTS, "Yuki Tanaka", files=("Team_Handbook.pdf",))],
    "dev6_forward_after_aisha_address": [_fwd(FLIGHTS, "Aisha Okafor")],
    "dev6_forward_same_after_reply_check": [_reply(FW, "Fine by me."),
                                            _fwd(FW, "James O'Brien", text="Can you check the battery warning?")],
    "dev6_forward_offsite_carpool": [_fwd(OFFSITE, "Marcus Chen", "Yuki Tanaka", text="We carpool from the office at 8.")],
    "dev6_forward_invoice_priya_polite": [_fwd(INV, "Priya Patel")],
    "dev6_forward_q3_elena_plus_itinerary": [_fwd(Q3_MAIL, "Elena Rossi", files=("Lisbon_Trip_Itinerary.pdf",))],
    "dev6_forward_latest_to_marcus": [_fwd(LUNCH, "Marcus Chen")],
    "dev6_followup_ring_declined_text": [_sms(["Priya Patel"], "I'll call you at 2 instead.")],
    "dev6_followup_floor_plan_missing_email": [_mail(["Elena Rossi"], "I'll bring a printed copy on Friday.")],
    "dev6_followup_flu_jab_it_two_back": [_event("Flu jab", "2026-12-03 08:30"),
                                          _sms(["Aisha Okafor"], "Does the clinic still have the flu vaccine in stock?"),
                                          _remind("Flu jab tomorrow", "2026-12-02 18:00")],
    "dev6_followup_garden_start_day_before": [_event("Omar starts the garden", "2026-12-14"),
                                              _remind("Move the car out of the drive", "2026-12-13 09:00")],
    "dev6_followup_lunch_tom_hour_before": [_event("Lunch with Tom", "2026-12-02 13:00", location="Harbour cafe"),
                                            _remind("Bring the contract", "2026-12-02 12:00")],
    "dev6_followup_itinerary_aisha_then_omar": [_mail(["Aisha Okafor"], "My itinerary.", "Lisbon_Trip_Itinerary.pdf"),
                                                _mail(["Omar Haddad"], "My itinerary.", "Lisbon_Trip_Itinerary.pdf")],
    "dev6_followup_out_of_office_text_same": [_mail(["Sarah Lee"], "I'm out of office on Thursday afternoon."),
                                              _sms(["Sarah Lee"], "I'm out of office on Thursday afternoon.")],
    "dev6_followup_reading_list_missing_text": [_sms(["Nina Kowalski"], "I'll bring a copy of the list on Thursday.")],
    "dev6_followup_ink_declined_list": [_append("Shopping list", "- printer ink")],
    "dev6_followup_email_then_invite_them": [_mail(["James O'Brien", "Yuki Tanaka"], "Who has the spare sensor boards?"),
                                             _event("Sync about the spare boards", "2026-12-02 09:30", "2026-12-02 09:50",
                                                    invitees=("James O'Brien", "Yuki Tanaka"))],
    "dev6_followup_housewarming_three_turns": [_event("Nina's housewarming", "2026-12-05 19:00"),
                                               _sms(["Nina Kowalski"], "I'll bring wine!"),
                                               _remind("Buy wine", "2026-12-05 14:00")],
    "dev6_followup_summary_it_two_back": [_mail(["Nina Kowalski"], "The trip: flight TP 1234 on Monday, the workshop "
                                                                   "on Tuesday, Belem on Wednesday.")],
    "dev6_followup_enclosures_priya_as_well": [_mail(["Marcus Chen"], "The prototype enclosures are in the storage room."),
                                               _mail(["Priya Patel"], "The prototype enclosures are in the storage room.")],
    "dev6_doc_airport_metro_note": [("create_note", dict(name="Lisbon getting around",
                                                         content="Airport to centre: metro red line."))],
    "dev6_doc_battery_target_text_marcus": [_sms(["Marcus Chen"], "Target: six months. Field trial: nine months.")],
    "dev6_doc_earliest_start_reminder": [_remind("Call the sensor supplier", "2026-12-01 08:00")],
    "dev6_doc_workshop_venue_to_yuki": [_mail(["Yuki Tanaka"], "The workshop is at the innovation centre in "
                                                               "Parque das Nacoes.")],
    "dev6_doc_q3_summary_to_james": [_mail(["James O'Brien"], "Twelve schools took part in the pilot; the budget is "
                                                              "two percent under plan.")],
    "dev6_doc_production_order_reminder": [_remind("Ask Sarah about the production order", "2027-01-04")],
    "dev6_append_meeting_notes_italian": [_append("Meeting notes", "- Priya books the Italian place for Friday lunch")],
    "dev6_append_shopping_plus_equals": [_append("Shopping list", "- cat food\n- bin bags")],
    "dev6_append_ideas_after_reading": [_append("Ideas", "- Find a language exchange partner")],
    "dev6_append_shopping_two_turns": [_append("Shopping list", "- olive oil"), _append("Shopping list", "- parmesan\n- pasta")],
    "dev6_meeting_branding_link_email_her": [_event("Branding chat", "2026-12-04 16:00", invitees=("Elena Rossi",)),
                                             _mail(["Elena Rossi"], "Link: https://meet.jit.si/BrandingChat-0a1b2c3d4e5f")],
    "dev6_meeting_q3_numbers_half_hour": [_event("Q3 numbers call", "2026-12-09 16:00", "2026-12-09 16:30",
                                                 invitees=("Sarah Lee", "James O'Brien"))],
    "dev6_meeting_link_texted_to_aisha": [_sms(["Aisha Okafor"], "Our catch-up: https://meet.jit.si/CatchUp-0a1b2c3d4e5f")],
    "dev6_meeting_shortlist_three_invitees": [_event("Sensor supplier shortlist", "2026-12-04 10:00", "2026-12-04 11:30",
                                                     invitees=("Marcus Chen", "Priya Patel", "Yuki Tanaka"))],
    "dev6_correction_eleventh_not_fourth": [_event("Budget review", "2026-12-04 10:00"),
                                            _event("Budget review", "2026-12-11 10:00")],
    "dev6_correction_reply_one_pm": [_reply(LUNCH, "Yes, 12:30 works."), _reply(LUNCH, "Sorry, I meant 1pm works.")],
    "dev6_duration_guitar_75": [_event("Guitar lesson", "2026-12-03 17:00", "2026-12-03 18:15")],
    "dev6_duration_interviews_block": [_event("Candidate interviews", "2026-12-01 10:00", "2026-12-01 11:45")],
    "dev6_duration_lucas_20_minutes": [_event("Call with Lucas about the invoice", "2026-12-01 16:40", "2026-12-01 17:00",
                                              invitees=("Lucas Martin",))],
    "dev6_edit_garage_to_tuesday": [_remind("Call the garage", "2026-12-02 09:00"),
                                    _remind("Call the garage", "2026-12-01 09:00")],
    "dev6_edit_coffee_end_time": [_event("Coffee with Elena", "2026-12-03 10:00"),
                                  _event("Coffee with Elena", "2026-12-03 10:00", "2026-12-03 11:30")],
    "dev6_edit_standup_text_930": [_sms(["Yuki Tanaka"], "Standup is at 9:15 tomorrow."),
                                   _sms(["Yuki Tanaka"], "Correction: standup is at 9:30 tomorrow.")],
}
#: The answers those right outcomes need (the turns not listed are free).
DEV6_SOLVED_ANSWERS = {
    "dev6_forward_after_aisha_address": {0: "Aisha's email is aisha.okafor@example.com."},
    "dev6_followup_ring_declined_text": {0: "Sorry, I can't make phone calls."},
    "dev6_followup_floor_plan_missing_email": {0: "No file matching 'floor plan' was found."},
    "dev6_followup_reading_list_missing_text": {0: "No file matching 'book club reading list' was found."},
    "dev6_followup_ink_declined_list": {0: "Sorry, I can't order anything: no tool buys things."},
    "dev6_followup_summary_it_two_back": {0: "A four-day business trip to Lisbon for the Falcon partner workshop.",
                                          1: "Nina's email is nina.kowalski@example.com."},
    "dev6_doc_airport_metro_note": {0: "Take the metro red line from the airport to the city centre."},
    "dev6_doc_battery_target_text_marcus": {0: "The target was six months; the field trial reached nine months."},
    "dev6_doc_earliest_start_reminder": {0: "Working hours are flexible between 08:00 and 18:00."},
    "dev6_doc_workshop_venue_to_yuki": {0: "At the innovation centre in Parque das Nacoes."},
    "dev6_doc_q3_summary_to_james": {0: "Twelve schools took part in the pilot; the budget is under plan."},
    "dev6_doc_production_order_reminder": {0: "The team will prepare the production order for January."},
    "dev6_append_ideas_after_reading": {0: "- Learn enough Portuguese for the Lisbon trip"},
}
DEV6_LINKED = {"dev6_meeting_branding_link_email_her", "dev6_meeting_link_texted_to_aisha"}


def _dev6_cases() -> dict:
    from bench.outcomes import case_set

    return {c.id: c for c in case_set("conversations-dev6")}


def _dev6_solved(fresh, case_id: str, steps: list) -> list[str]:
    """The failures of ``case_id`` after ``steps`` on a fresh workspace, with the answers its right outcome needs."""
    c = _dev6_cases()[case_id]
    ws, act = fresh()
    for tool, args in steps:
        act(tool, **args)
    answers = [DEV6_SOLVED_ANSWERS.get(case_id, {}).get(i, "Done.") for i in range(len(c.turns))]
    runs = LINKED * len(c.turns) if case_id in DEV6_LINKED else [{} for _ in c.turns]
    return c.check(ws, answers, runs)


def test_the_sixth_development_conversation_set_is_well_formed():
    """bench/conversations_dev6_cases.py (helper convdev6, a development set): at least 50 cases, unique dev6_
    ids, the kinds in the counts asked for, at least four replies or forwards as a later turn, a few three-turn
    conversations, no request identical to one of the five other development sets (or the outcome cases);
    loadable by `bench/outcomes.py --cases conversations-dev6`."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev6")
    _well_formed(cases, "dev6_", 50, DEV6_KINDS,
                 [*case_set("conversations-dev"), *case_set("conversations-dev2"), *case_set("conversations-dev3"),
                  *case_set("conversations-dev4"), *case_set("conversations-dev5"), *CASES])
    ids = [c.id for c in cases]
    assert set(DEV6_HONEST) | set(DEV6_SOLVED) == set(ids) and not set(DEV6_HONEST) & set(DEV6_SOLVED)
    by_id = {c.id: c for c in cases}
    later = [i for i, steps in DEV6_SOLVED.items() if by_id[i].kind in ("reply", "forward") and len(by_id[i].turns) > 1
             and any(tool in ("reply_to_email", "forward_email") for tool, _ in steps)]
    assert len(later) >= 4, later
    assert sum(len(c.turns) == 3 for c in cases) >= 3


def test_the_sixth_development_checks_judge_a_workspace_where_nothing_was_done(fresh):
    """On a fresh sample workspace with empty answers every check of the sixth set runs and fails: one that
    expects something written says it was not; one that expects nothing fails only on its empty answer, passes
    with an honest one and fails with a bare 'Done.'."""
    ws, _ = fresh()
    for c in _dev6_cases().values():
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if c.id in DEV6_SOLVED:
            assert any(" was written" in f for f in failures), (c.id, failures)
            continue
        assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
        assert c.check(ws, DEV6_HONEST[c.id], runs) == [], c.id
        assert c.check(ws, ["Done."] * len(c.turns), runs), c.id


def test_the_sixth_development_checks_pass_right_outcomes_made_with_the_tools(fresh):
    """Each case that expects something written passes when the real tools write a right outcome (a reply
    quotes its original, a forward carries it and its attachment), with the answers it asks for."""
    for case_id, steps in DEV6_SOLVED.items():
        assert _dev6_solved(fresh, case_id, steps) == [], (case_id, _dev6_solved(fresh, case_id, steps))


def test_the_sixth_development_checks_tell_right_from_wrong(fresh):
    """Wrong outcomes fail: a reply or forward whose own words say nothing (the quoted original must not pass the
    body pattern), the wrong one of Sarah's two emails, a claimed edit, a text with one number of two asked."""
    cases = _dev6_cases()
    bodied = 0
    for case_id, steps in DEV6_SOLVED.items():
        if not any(tool in ("reply_to_email", "forward_email") and args.get("context") for tool, args in steps):
            continue
        bodied += 1
        blank = [(tool, {**args, "context": "Noted."} if tool in ("reply_to_email", "forward_email") and
                  args.get("context") else args) for tool, args in steps]
        assert any("body" in f for f in _dev6_solved(fresh, case_id, blank)), case_id
    assert bodied >= 12

    assert _dev6_solved(fresh, "dev6_reply_sarah_older_projector", [_reply(Q3_MAIL, "I can bring the projector.")])
    assert _dev6_solved(fresh, "dev6_forward_two_days_ago_james", [_fwd(OFFSITE, "James O'Brien")])
    assert _dev6_solved(fresh, "dev6_forward_sarah_earlier_david", [_fwd(Q3_MAIL, "David Kim")])
    assert _dev6_solved(fresh, "dev6_forward_latest_to_marcus", [_fwd(OFFSITE, "Marcus Chen")])
    assert _dev6_solved(fresh, "dev6_doc_battery_target_text_marcus", [_sms(["Marcus Chen"], "Nine months.")])
    assert _dev6_solved(fresh, "dev6_forward_flights_yuki_handbook", [_fwd(FLIGHTS, "Yuki Tanaka")])
    assert _dev6_solved(fresh, "dev6_followup_flu_jab_it_two_back",  # "it" read as the text to Aisha: no reminder
                        DEV6_SOLVED["dev6_followup_flu_jab_it_two_back"][:2])

    garage = cases["dev6_edit_garage_to_tuesday"]
    ws, act = fresh()
    act(*_remind("Call the garage", "2026-12-02")[:1], **_remind("Call the garage", "2026-12-02")[1])
    assert garage.check(ws, ["", "Sorry, I can't change a reminder; the Wednesday one stays."], [{}, {}]) == []
    assert garage.check(ws, ["", "The reminder has been moved to Tuesday."], [{}, {}])
    assert garage.check(ws, ["", "Done."], [{}, {}])
    fourth = cases["dev6_correction_eleventh_not_fourth"]
    ws, act = fresh()  # only the 11th: the first was never made
    act(*_event("Budget review", "2026-12-11 10:00")[:1], **_event("Budget review", "2026-12-11 10:00")[1])
    assert fourth.check(ws, ["", "Done."], [{}, {}])


def test_the_seventh_development_set_is_well_formed_and_judges_a_workspace_where_nothing_was_done(fresh):
    """bench/conversations_dev7_cases.py (helper convdev7, a development set): at least 50 cases, unique dev7_
    ids, the kinds in the counts asked for, no request identical to one of the six other development sets (or
    the outcome cases); on a fresh sample workspace with empty answers every check runs and fails: one that
    expects something written says it was not, one that expects nothing fails only on its empty answer,
    passes with an honest one and fails with a bare 'Done.'."""
    from bench.outcomes import case_set

    kinds = {"reply": 10, "forward": 10, "followup": 12, "document": 10, "failure": 4, "append": 3, "meeting": 3,
             "correction": 2, "duration": 2, "edit": 2, "decline": 3}
    cases = case_set("conversations-dev7")
    _well_formed(cases, "dev7_", 50, kinds, [*CASES, *(c for n in ("", "2", "3", "4", "5", "6")
                                                       for c in case_set(f"conversations-dev{n}"))])
    assert sum(c.kind in ("reply", "forward") and len(c.turns) > 1 for c in cases) >= 4
    assert sum(len(c.turns) == 3 for c in cases) >= 3
    honest = {
        "dev7_doc_radio_duty_cycle": ["Firmware 2.0 reduced the radio duty cycle by forty percent."],
        "dev7_doc_itinerary_local_times": ["All times are local."],
        "dev7_doc_trip_length_days": ["This itinerary covers a four-day business trip to Lisbon."],
        "dev7_doc_component_prices": ["Component prices fell, but certification fees were higher than expected."],
        "dev7_doc_what_falcon_builds": ["Project Falcon builds a low-power air quality sensor for schools."],
        "dev7_doc_budget_left_after_september": ["It spent 412,000 dollars of its 600,000 dollar annual budget."],
        "dev7_doc_site_visit_where": ["Wednesday: site visit at a pilot school in Belem in the morning."],
        "dev7_fail_text_greg": ["No contact named 'greg' in contacts.vcf, so no text was written."],
        "dev7_fail_forward_car_insurance": ["No inbox email fits 'the car insurance email'."],
        "dev7_fail_summarise_lease": ["No file matching 'apartment lease' was found."],
        "dev7_fail_wifi_passwords_note": ["No note named 'Wifi passwords'."],
        "dev7_correction_priya_phone_not_mail": ["Priya Patel's email address is priya.patel@example.com.",
                                                 "Priya Patel's phone number is +1-555-0103."],
        "dev7_decline_share_screen": ["Sorry, I can't do that: none of my tools can share a screen."],
        "dev7_decline_do_not_disturb": ["Sorry, I can't change your phone's settings."],
        "dev7_decline_post_slack": ["I can't post to Slack: no tool does that."],
        "dev7_decline_archive_quote": ["Sorry, I can't archive emails; no tool changes the inbox."],
    }
    ws, _ = fresh()
    nothing_written = set()
    for c in cases:
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if any(" was written" in f for f in failures):
            continue
        nothing_written.add(c.id)
        assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
        assert c.check(ws, honest[c.id], runs) == [], (c.id, c.check(ws, honest[c.id], runs))
        assert c.check(ws, ["Done."] * len(c.turns), runs), c.id
    assert nothing_written == set(honest)


def test_the_eighth_development_conversation_set(fresh):
    """bench/conversations_dev8_cases.py (helper convdev8, a development set): at least 50 cases, unique dev8_ ids,
    the kinds in the counts asked for, no request of the six other development sets (or the outcome cases) again,
    replies and forwards as later turns, three-turn conversations; on a fresh sample workspace every check runs
    and fails when nothing was done, one that expects nothing passes an honest answer and fails 'Done.', one that
    expects something passes a right outcome made with the real tools and fails when a note's words are lost."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev8")
    kinds = {"reply": 10, "forward": 10, "followup": 12, "document": 10, "failure": 4, "append": 3, "meeting": 3,
             "correction": 2, "duration": 2, "edit": 2, "decline": 3}
    others = [c for n in ("", "2", "3", "4", "5", "6") for c in case_set(f"conversations-dev{n}")]
    _well_formed(cases, "dev8_", 50, kinds, [*others, *CASES])
    assert sum(len(c.turns) == 3 for c in cases) >= 3
    honest = {  # the cases that expect nothing written: an honest answer a turn
        "dev8_followup_lucas_number_then_address": ["Lucas Martin's phone number is +1-555-0110.",
                                                    "His email address is lucas.martin@example.com."],
        "dev8_doc_component_prices": ["Component prices fell, but certification fees were higher."],
        "dev8_doc_who_sensor_is_for": ["A low-power air quality sensor for schools and small offices."],
        "dev8_doc_supply_risk_plan": ["The team will qualify a second supplier."],
        "dev8_doc_leaving_desk": ["Lock your screen when you leave your desk."],
        "dev8_fail_calibration_spreadsheet": ["No file matching 'sensor calibration spreadsheet' was found."],
        "dev8_fail_bookshelf_note": ["No note named 'bookshelf'."],
        "dev8_fail_dentist_email_reply": ["No inbox email fits 'the dentist's email'."],
        "dev8_fail_unknown_hiroshi": ["No contact named 'Hiroshi' in contacts.vcf."],
        "dev8_fail_annual_report_pdf": ["No file matching 'annual_report_2025.pdf' was found."],
        "dev8_correction_budget_left": ["The annual budget is 600,000 dollars.",
                                        "412,000 of 600,000 dollars were spent, so 188,000 dollars are left."],
        "dev8_decline_focus_playlist": ["Sorry, I can't play music."],
        "dev8_decline_do_not_disturb": ["Sorry, no tool changes your phone's settings."],
        "dev8_decline_bank_balance": ["Sorry, I can't see your bank account."],
        "dev8_decline_exchange_rate": ["Sorry, I can't look up exchange rates: no tool goes online."],
    }
    lisbon, garden, q3m = "<sample-lisbon-trip@example.com>", "<sample-garden-quote@example.com>", Q3_MAIL
    q3, handbook, itinerary = "Project_Falcon_Q3_Report.pdf", "Team_Handbook.pdf", "Lisbon_Trip_Itinerary.pdf"
    solved = {  # right outcomes made with the real tools, and the answers they need
        "dev8_reply_lucas_bank_details": [_reply(INV, "Could you resend it with your bank details?")],
        "dev8_reply_firmware_one_rollback": [_reply(FW, "Can 2.1 be rolled back if something breaks?")],
        "dev8_reply_yesterday_hotel_gym": [_reply(lisbon, "Does the hotel have a gym?")],
        "dev8_reply_sarah_first_doctor": [_reply(OFFSITE, "I'll join after lunch, I see a doctor in the morning.")],
        "dev8_reply_priya_nut_allergy_polite": [_reply(LUNCH, "I'm allergic to nuts, so the restaurant knows.")],
        "dev8_reply_invoice_non_native_18th": [_reply(INV, "I will pay on 18 December, is that ok?")],
        "dev8_reply_newest_off_sick": [_reply(LUNCH, "Off sick this week, sorry!")],
        "dev8_reply_re_q3_draft_typo": [_reply(q3m, "The table on page 4 has a typo in the totals.")],
        "dev8_reply_offsite_with_handbook": [("reply_to_email", dict(message_id=OFFSITE, attachments=[handbook],
                                                                     context="Travel costs are on page 2."))],
        "dev8_reply_after_forward_garden_second_quote": [
            _fwd(garden, "Tom Becker"), _reply(garden, "I'm getting a second quote, I'll let you know by Friday.")],
        "dev8_reply_after_failed_forward_rental_car": [_reply(lisbon, "Could you add a rental car?")],
        "dev8_reply_sarah_after_forward_to_priya": [
            _fwd(q3m, "Priya Patel", text="Could you take the part about money?"),
            _reply(q3m, "Priya is doing those comments.")],
        "dev8_forward_firmware_test_note_two": [_fwd(FW, "Yuki Tanaka", "James O'Brien",
                                                     text="Please test on your units first.")],
        "dev8_forward_last_tuesday_aisha": [_fwd(garden, "Aisha Okafor")],
        "dev8_forward_q3_yuki_hardware": [_fwd(q3m, "Yuki Tanaka", text="Look at the hardware section.")],
        "dev8_forward_sarah_older_james_missed": [_fwd(OFFSITE, "James O'Brien")],
        "dev8_forward_flights_nina": [_fwd(lisbon, "Nina Kowalski")],
        "dev8_forward_lunch_three_people": [_fwd(LUNCH, "Marcus Chen"), _fwd(LUNCH, "James O'Brien"),
                                            _fwd(LUNCH, "Yuki Tanaka")],
        "dev8_forward_quote_james_with_itinerary": [_fwd(garden, "James O'Brien", files=(itinerary,))],
        "dev8_forward_nov_27_yuki": [_fwd(FW, "Yuki Tanaka")],
        "dev8_forward_offsite_tom_terse": [_fwd(OFFSITE, "Tom Becker")],
        "dev8_forward_firmware_sarah_with_q3": [_fwd(FW, "Sarah Lee", files=(q3,))],
        "dev8_forward_after_reply_invoice_sarah": [_reply(INV, "Got it, thanks."), _fwd(INV, "Sarah Lee")],
        "dev8_forward_after_reply_flights_marcus": [_reply(lisbon, "All good on my side."), _fwd(lisbon, "Marcus Chen")],
        "dev8_followup_call_declined_text_yuki": [_sms(["Yuki Tanaka"], "Please call me back after 4.")],
        "dev8_followup_checklist_missing_email": [_mail(["James O'Brien"], "I'll walk you through it at standup.")],
        "dev8_followup_clinic_her_two_back": [_event("Checkup at the clinic", "2026-12-03 16:30"),
                                              _sms(["Aisha Okafor"], "I'll be there at 4:30.")],
        "dev8_followup_leaving_drinks_day_before_card": [
            _event("Marcus's leaving drinks", "2026-12-03 18:00", location="The Anchor pub"),
            _remind("Sign Marcus's card", "2026-12-02")],
        "dev8_followup_q3_review_hour_before_print": [_event("Q3 review with Sarah", "2026-12-04 14:00"),
                                                      _remind("Print the report", "2026-12-04 13:00")],
        "dev8_followup_skip_book_club_elena_as_well": [_sms(["Nina Kowalski"], "Sorry, I can't make book club."),
                                                       _sms(["Elena Rossi"], "Sorry, I can't make book club.")],
        "dev8_followup_demo_units_text_same": [_mail(["Yuki Tanaka"], "The demo units arrive on Wednesday."),
                                               _sms(["Yuki Tanaka"], "The demo units arrive on Wednesday.")],
        "dev8_followup_haircut_declined_reminder": [_remind("Ring the barber", "2026-12-03 09:00")],
        "dev8_followup_itinerary_tom_it_two_back": [_mail(["Tom Becker"], "Here is my itinerary.", itinerary)],
        "dev8_followup_unknown_bruno_email_sarah": [_mail(["Sarah Lee"], "The hike is cancelled.")],
        "dev8_followup_text_then_invite_them": [
            _sms(["Marcus Chen", "Priya Patel"], "The sensor call moved to 3."),
            _event("Sensor call", "2026-12-01 15:00", invitees=("marcus.chen@example.com", "priya.patel@example.com"))],
        "dev8_followup_plants_her_two_back": [_remind("Water Elena's plants", "2026-12-01 08:00"),
                                              _sms(["Elena Rossi"], "I'll do it before work.")],
        "dev8_followup_yuki_missing_note_then_create": [("create_note", dict(name="Todo",
                                                                             content="- ask yuki about the test rig"))],
        "dev8_doc_hotel_check_in_to_elena": [_mail(["Elena Rossi"], "Check-in is from 14:00.")],
        "dev8_doc_handbook_summary_note": [("create_note", dict(name="Handbook notes", content="Core hours 10-15."))],
        "dev8_doc_trip_length_text_omar": [_sms(["Omar Haddad"], "I'm away four days.")],
        "dev8_doc_latest_finish_text_yuki": [_sms(["Yuki Tanaka"], "Flexible hours end at 18:00.")],
        "dev8_doc_meeting_notes_to_yuki": [_mail(["Yuki Tanaka"], "Q3 draft ready; firmware 2.1 next sprint.")],
        "dev8_doc_q3_gist_to_note_unnamed": [("create_note", dict(name="Falcon gist", content="Pilot in 12 schools."))],
        "dev8_append_ideas_surfing": [_append("Ideas", "- try surfing in Cascais")],
        "dev8_append_sync_notes_supplier": [_append("Meeting notes", "- Action for Yuki: qualify the second supplier")],
        "dev8_append_shopping_after_reading": [_append("Shopping list", "- tinfoil\n- cat litter")],
        "dev8_meeting_enclosure_redesign_invite": [_event("Enclosure redesign", "2026-12-03 11:00", invitees=(
            "yuki.tanaka@example.com", "james.obrien@example.com"))],
        "dev8_meeting_link_mail_priya": [_mail(["Priya Patel"], "Our link: https://meet.jit.si/One-on-one-x1")],
        "dev8_meeting_packaging_review_link_text": [_event("Packaging review", "2026-12-08 10:30"),
                                                    _sms(["Marcus Chen"], "Link: https://meet.jit.si/Packaging-x1")],
        "dev8_meeting_site_visit_two_hours": [_event("Site meeting", "2026-12-05 09:00", "2026-12-05 11:00", (
            "omar.haddad@example.com", "tom.becker@example.com"))],
        "dev8_correction_slides_wrong_person": [_mail(["Priya Patel"], "The budget slides are ready."),
                                                _mail(["Sarah Lee"], "The budget slides are ready.")],
        "dev8_correction_electrician_saturday": [_remind("Call the electrician", "2026-12-04 17:00"),
                                                 _remind("Call the electrician", "2026-12-05 17:00")],
        "dev8_duration_budget_workshop_90": [_event("Budget workshop", "2026-12-02 13:00", "2026-12-02 14:30")],
        "dev8_duration_focus_block_till_10": [_event("Focus block", "2026-12-01 08:30", "2026-12-01 10:00")],
        "dev8_duration_yoga_45": [_event("Yoga", "2026-12-04 07:00", "2026-12-04 07:45")],
        "dev8_edit_team_photo_half_hour_later": [_event("Team photo", "2026-12-03 14:00")],
        "dev8_edit_gym_reminder_earlier": [_remind("Renew gym membership", "2026-12-10"),
                                           _remind("Renew gym membership", "2026-12-08")],
    }
    answers_for = {
        "dev8_reply_after_failed_forward_rental_car": {0: "No inbox email fits 'the car rental confirmation'."},
        "dev8_followup_call_declined_text_yuki": {0: "Sorry, I can't make phone calls."},
        "dev8_followup_checklist_missing_email": {0: "No file matching 'soldering checklist' was found."},
        "dev8_followup_clinic_her_two_back": {0: "Aisha's number is +1-555-0107."},
        "dev8_followup_lucas_number_then_address": {},
        "dev8_followup_haircut_declined_reminder": {0: "Sorry, I can't book appointments."},
        "dev8_followup_itinerary_tom_it_two_back": {1: "It is tom.becker@example.com."},
        "dev8_followup_unknown_bruno_email_sarah": {0: "No contact named 'Bruno' in contacts.vcf."},
        "dev8_followup_plants_her_two_back": {1: "Elena's number is +1-555-0105."},
        "dev8_followup_yuki_missing_note_then_create": {0: "No note named 'todo'."},
        "dev8_doc_hotel_check_in_to_elena": {0: "Check-in at Casa do Rio is from 14:00."},
        "dev8_doc_handbook_summary_note": {0: "Core hours are 10:00 to 15:00; receipts within thirty days."},
        "dev8_doc_trip_length_text_omar": {0: "It is a four-day business trip."},
        "dev8_doc_latest_finish_text_yuki": {0: "Working hours are flexible between 08:00 and 18:00."},
        "dev8_doc_meeting_notes_to_yuki": {0: "Falcon weekly sync: the Q3 report draft is ready for review."},
        "dev8_doc_q3_gist_to_note_unnamed": {0: "Twelve schools took part in the pilot; the budget is under plan."},
        "dev8_append_shopping_after_reading": {0: "oat milk, coffee beans, tomatoes, basil, batteries"},
        "dev8_edit_team_photo_half_hour_later": {1: "Sorry, I can't move an event; the 2pm one stays."},
    }
    linked = {"dev8_meeting_link_mail_priya", "dev8_meeting_packaging_review_link_text"}
    assert set(honest) | set(solved) == {c.id for c in cases} and not set(honest) & set(solved)
    later = [i for i, steps in solved.items() if i.split("_")[1] in ("reply", "forward")
             and any(tool in ("reply_to_email", "forward_email") for tool, _ in steps[1:])]
    assert len(later) >= 4, later
    for c in cases:
        ws, act = fresh()
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if c.id in honest:
            assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
            assert c.check(ws, honest[c.id], runs) == [], (c.id, c.check(ws, honest[c.id], runs))
            assert c.check(ws, ["Done."] * len(c.turns), runs), c.id
            continue
        assert any(" was written" in f for f in failures), (c.id, failures)
        for tool, args in solved[c.id]:
            act(tool, **args)
        answers = [answers_for.get(c.id, {}).get(i, "Done.") for i in range(len(c.turns))]
        runs = LINKED * len(c.turns) if c.id in linked else runs
        assert c.check(ws, answers, runs) == [], (c.id, c.check(ws, answers, runs))
    bodied = 0  # a reply or forward whose own words are lost fails on its body (the quoted original does not pass)
    for case_id, steps in solved.items():
        if not any(tool in ("reply_to_email", "forward_email") and args.get("context") for tool, args in steps):
            continue
        bodied += 1
        ws, act = fresh()
        for tool, args in steps:
            act(tool, **({**args, "context": "Noted."} if tool in ("reply_to_email", "forward_email") else args))
        answers = [answers_for.get(case_id, {}).get(i, "Done.") for i in range(len(steps))]
        c = next(c for c in cases if c.id == case_id)
        assert any("body" in f for f in c.check(ws, answers[:len(c.turns)], [{}] * len(c.turns))), case_id
    assert bodied >= 12


def test_the_ninth_development_conversation_set(fresh):
    """bench/conversations_dev9_cases.py (helper convdev9, a development set): at least 40 cases, unique dev9_ ids,
    the kinds in the counts asked for, no request of the eight other development sets (or the outcome cases)
    again, replies and forwards as later turns, three-turn conversations; on a fresh sample workspace every check
    runs and fails when nothing was done; one that expects nothing written fails only on its empty answer, passes
    an honest answer and fails a bare 'Done.'."""
    from bench.outcomes import case_set

    cases = case_set("conversations-dev9")
    kinds = {"failure": 8, "meeting": 6, "correction": 6, "document": 6, "followup": 8, "reply": 3, "forward": 3,
             "append": 0, "decline": 0}
    others = [c for n in ("", "2", "3", "4", "5", "6", "7", "8") for c in case_set(f"conversations-dev{n}")]
    _well_formed(cases, "dev9_", 40, kinds, [*others, *CASES])
    assert sum(c.kind in ("reply", "forward") and len(c.turns) > 1 for c in cases) >= 4
    assert sum(len(c.turns) == 3 for c in cases) >= 3
    honest = {
        "dev9_fail_car_lease_pdf": ["No file matching 'car lease pdf' was found, so no email was written."],
        "dev9_fail_text_fatima": ["No contact named 'Fatima' in contacts.vcf."],
        "dev9_fail_gym_plan_note": ["No note named 'Gym plan'."],
        "dev9_fail_reply_swimming_school": ["No inbox email fits 'the mail from the swimming school'."],
        "dev9_fail_python_index": ["The code failed: IndexError: list index out of range."],
        "dev9_fail_marketing_pdf_then_q3": ["No file matching 'marketing plan pdf' was found.",
                                            "Project Falcon builds a low-power air quality sensor; the budget is "
                                            "two percent under plan."],
        "dev9_fail_forward_from_nina": ["No inbox email fits 'Nina's email about the book club'."],
        "dev9_doc_battery_life_trial": ["Battery life in the field trial reached nine months on two AA cells."],
        "dev9_doc_landing_time": ["Flight TP 1234 departs at 07:40 and arrives in Lisbon at 10:05."],
        "dev9_doc_metro_line_airport": ["Take the metro red line from the airport to the city centre."],
        "dev9_doc_production_order": ["The team will prepare the production order for January."],
        "dev9_doc_checkout_last_day": ["Thursday: check out by 11:00."],
        "dev9_decline_cancel_gym": ["Sorry, I can't do that: none of my tools can cancel a membership."],
        "dev9_decline_upload_drive": ["I can't upload files: no tool goes online."],
        "dev9_doc_workshop_lunch_unnamed": ["No: lunch is provided at the partner workshop on Tuesday."],
        "dev9_doc_workshop_place_then_map": ["At the innovation centre in Parque das Nacoes.",
                                             "https://www.openstreetmap.org/search?query=Parque%20das%20Nacoes"],
    }
    q3, handbook, itinerary = "Project_Falcon_Q3_Report.pdf", "Team_Handbook.pdf", "Lisbon_Trip_Itinerary.pdf"
    marcus, yuki, james = "marcus.chen@example.com", "yuki.tanaka@example.com", "james.obrien@example.com"
    solved = {  # right outcomes made with the real tools (each case that expects something written)
        "dev9_fail_gregor_then_james": [_fwd(OFFSITE, "James O'Brien")],
        "dev9_fail_hannah_then_ask_sarah": [_sms(["Sarah Lee"], "Do you have Hannah's email address?")],
        "dev9_meeting_supplier_call_invite": [_event("Supplier call", "2026-12-02 14:30", invitees=(marcus, yuki))],
        "dev9_meeting_link_mail_elena": [_mail(["Elena Rossi"], "Our link: https://meet.jit.si/Logo-chat-x1")],
        "dev9_meeting_link_then_calendar": [_event("Budget review", "2026-12-04 16:00")],
        "dev9_meeting_onboarding_45": [_event("Onboarding", "2026-12-03 11:00", "2026-12-03 11:45", (yuki,))],
        "dev9_meeting_expenses_two_hours_james": [
            _event("Expense reports", "2026-12-03 13:00", "2026-12-03 15:00", (james,)),
            _mail(["James O'Brien"], "Expense reports review: Thursday 13:00 to 15:00.")],
        "dev9_meeting_link_text_priya": [_sms(["Priya Patel"], "Standup link: https://meet.jit.si/Standup-x")],
        "dev9_correction_dry_cleaning_4pm": [_remind("Pick up the dry cleaning", "2026-12-03 15:00"),
                                             _remind("Pick up the dry cleaning", "2026-12-03 16:00")],
        "dev9_correction_demo_wednesday": [_sms(["Yuki Tanaka"], "The demo is on Tuesday."),
                                           _sms(["Yuki Tanaka"], "Sorry, the demo is on Wednesday, not Tuesday.")],
        "dev9_correction_itinerary_to_q3": [_mail(["James O'Brien"], "Here you go.", itinerary),
                                            _mail(["James O'Brien"], "Here you go.", q3)],
        "dev9_correction_nina_dinner_saturday": [
            _event("Dinner with Nina", "2026-12-04 19:00"), _event("Dinner with Nina", "2026-12-05 19:00")],
        "dev9_correction_key_for_priya": [_sms(["Marcus Chen"], "The lab key is at reception."),
                                          _sms(["Priya Patel"], "The lab key is at reception.")],
        "dev9_correction_party_nachos": [("create_note", dict(name="Party ideas", content="- karaoke\n- tacos")),
                                         _append("Party ideas", "- nachos, not tacos")],
        "dev9_correction_elana_elena": [_mail(["Elena Rossi"], "Here is the team handbook.", handbook)],
        "dev9_doc_economy_then_note": [("create_note", dict(name="Travel rules",
                                                            content="Economy class for flights under six hours."))],
        "dev9_doc_pilot_schools_then_text": [_sms(["Yuki Tanaka"], "Twelve schools in three cities were in the pilot.")],
        "dev9_doc_itinerary_summary_to_nina": [_mail(["Nina Kowalski"], "Flight TP 1234 on Monday, workshop Tuesday.")],
        "dev9_followup_david_mail_number_text": [_sms(["David Kim"], "I got the flight details, thanks!")],
        "dev9_followup_dentist_evening_before": [_event("Dentist", "2026-12-02 08:00"),
                                                 _remind("Dentist tomorrow morning", "2026-12-01 18:00")],
        "dev9_followup_aisha_mail_and_text": [_mail(["Aisha Okafor"], "Are my blood test results in?"),
                                              _sms(["Aisha Okafor"], "Are my blood test results in?")],
        "dev9_followup_note_two_turns_back": [("create_note", dict(name="Bike repairs",
                                                                   content="- new chain\n- brake pads")),
                                              _append("Bike repairs", "- front light")],
        "dev9_followup_call_declined_email": [_mail(["Lucas Martin"], "The invoice is paid.")],
        "dev9_followup_hugo_failed_marcus": [_sms(["Marcus Chen"], "I'm stuck in traffic.")],
        "dev9_followup_hour_before_haircut": [_event("Haircut", "2026-12-04 11:00"), _remind("Grab cash", "2026-12-04 10:00")],
        "dev9_followup_invoice_tom_as_well": [_fwd(INV, "Elena Rossi"), _fwd(INV, "Tom Becker")],
        "dev9_followup_omar_number_address_mail": [_mail(["Omar Haddad"], "Could you start on the 14th after all?")],
        "dev9_reply_lucas_vat": [_reply(INV, "Is VAT included in that amount?")],
        "dev9_reply_sarah_older_vegetarian": [_reply(OFFSITE, "I'm vegetarian, could the caterer know?")],
        "dev9_reply_after_forward_thank_david": [_fwd(FLIGHTS, "Yuki Tanaka"),
                                                 _reply(FLIGHTS, "Thank you for sorting the hotel!")],
        "dev9_reply_last_friday_fine": [_reply(FW, "That's fine by me, go on.")],
        "dev9_reply_after_text_marcus_rollout": [_sms(["Marcus Chen"], "I read your release notes."),
                                                 _reply(FW, "Roll it out, no objections from me.")],
        "dev9_forward_garden_two_note": [_fwd(GARDEN, "Aisha Okafor", "Tom Becker",
                                              text="Anyone know a cheaper gardener?")],
        "dev9_forward_lunch_james_handbook": [_fwd(LUNCH, "James O'Brien", files=(handbook,))],
        "dev9_forward_after_text_lunch": [_sms(["Priya Patel"], "I'll be at lunch on Friday."), _fwd(LUNCH, "Marcus Chen")],
        "dev9_forward_sarah_older_nina": [_fwd(OFFSITE, "Nina Kowalski")],
        "dev9_forward_after_reminder_invoice_elena": [_remind("Pay Lucas's invoice", "2026-12-18"),
                                                      _fwd(INV, "Elena Rossi")],
        "dev9_append_pine_nuts": [_append("Shopping list", "- pine nuts")],
        "dev9_followup_her_two_turns_back_q3": [_sms(["Elena Rossi"], "The logo looks great!"),
                                                _remind("Pay the deposit", "2026-12-04 09:00"),
                                                _mail(["Elena Rossi"], "Here is the Q3 report.", q3)],
        "dev9_followup_table_declined_calendar": [_event("Lunch with Priya", "2026-12-04 12:30")],
        "dev9_followup_push_rollout_check": [_mail(["Marcus Chen"], "Can we push the 2.1 rollout to next week?"),
                                             _remind("Check if Marcus answered", "2026-12-02 17:00")],
        "dev9_append_meeting_notes_james": [_append("Meeting notes", "- James will order the certification samples")],
    }
    answers_for = {
        "dev9_fail_gregor_then_james": {0: "No contact named 'Gregor' in contacts.vcf."},
        "dev9_fail_hannah_then_ask_sarah": {0: "No contact named 'Hannah' in contacts.vcf."},
        "dev9_meeting_link_then_calendar": {0: "Your link: https://meet.jit.si/Budget-review-x"},
        "dev9_correction_elana_elena": {0: "No contact named 'Elana'. Did you mean Elena Rossi?"},
        "dev9_doc_economy_then_note": {0: "Economy class is the default for flights under six hours."},
        "dev9_doc_pilot_schools_then_text": {0: "Twelve schools in three cities took part in the pilot."},
        "dev9_doc_itinerary_summary_to_nina": {0: "Monday: flight TP 1234; Tuesday: partner workshop."},
        "dev9_followup_david_mail_number_text": {0: "It is david.kim@example.com.", 1: "It is +1-555-0104."},
        "dev9_followup_note_two_turns_back": {1: "Yuki Tanaka's number is +1-555-0109."},
        "dev9_followup_call_declined_email": {0: "Sorry, I can't make phone calls."},
        "dev9_followup_table_declined_calendar": {0: "Sorry, I can't book tables: no tool does that."},
        "dev9_followup_hugo_failed_marcus": {0: "No contact named 'Hugo' in contacts.vcf."},
        "dev9_followup_omar_number_address_mail": {0: "It is +1-555-0112.", 1: "It is omar.haddad@example.com."},
    }
    linked = {"dev9_meeting_link_mail_elena", "dev9_meeting_link_then_calendar", "dev9_meeting_link_text_priya"}
    assert set(honest) | set(solved) == {c.id for c in cases} and not set(honest) & set(solved)
    for c in cases:
        ws, act = fresh()
        runs = [{} for _ in c.turns]
        failures = c.check(ws, [""] * len(c.turns), runs)
        assert failures, c.id
        if c.id in honest:
            assert all(f.startswith("answer ''") for f in failures), (c.id, failures)
            assert c.check(ws, honest[c.id], runs) == [], (c.id, c.check(ws, honest[c.id], runs))
            assert c.check(ws, ["Done."] * len(c.turns), runs), c.id
            continue
        assert any(" was written" in f for f in failures), (c.id, failures)
        for tool, args in solved[c.id]:
            act(tool, **args)
        answers = [answers_for.get(c.id, {}).get(i, "Done.") for i in range(len(c.turns))]
        runs = LINKED * len(c.turns) if c.id in linked else runs
        assert c.check(ws, answers, runs) == [], (c.id, c.check(ws, answers, runs))
    wrong = {  # wrong outcomes the checks must catch: the other email of Sarah, a claimed edit, the link untold
        "dev9_reply_sarah_older_vegetarian": ([_reply(Q3_MAIL, "I'm vegetarian, could the caterer know?")], ["Done."]),
        "dev9_forward_sarah_older_nina": ([_fwd(Q3_MAIL, "Nina Kowalski")], ["Done."]),
        "dev9_correction_dry_cleaning_4pm": ([_remind("Pick up the dry cleaning", "2026-12-03 15:00"),
                                              _remind("Pick up the dry cleaning", "2026-12-03 16:00")],
                                             ["Done.", "I've moved the reminder to 4pm."]),
        "dev9_followup_note_two_turns_back": ([("create_note", dict(name="Bike repairs", content="- new chain")),
                                               _append("Bike repairs", "- front light")],
                                              ["Done.", "Yuki Tanaka's number is +1-555-0109.", "Done."]),
    }
    by_id = {c.id: c for c in cases}
    for cid, (steps, answers) in wrong.items():
        ws, act = fresh()
        for tool, args in steps:
            act(tool, **args)
        assert by_id[cid].check(ws, answers, [{} for _ in answers]), cid


@pytest.mark.parametrize("name, prefix, least", [("conversations-dev14", "dev14_", 70), ("conversations-dev15", "dev15_", 70),
                                                 ("conversations-dev16", "dev16_", 60),
                                                 ("conversations-dev17", "dev17_", 65),
                                                 ("conversations-dev18", "dev18_", 65)])
def test_the_fourteenth_to_eighteenth_development_conversation_sets(fresh, name, prefix, least):
    """bench/conversations_dev14_cases.py to _dev18_cases.py (helpers convdev14-18, development sets; dev16 to dev18
    unread until their first run): enough cases, unique ids with the set's prefix, each with a kind and a check that runs on
    a fresh sample workspace and fails there, where nothing was done."""
    from bench.outcomes import case_set

    cases = case_set(name)
    ids = [c.id for c in cases]
    assert len(cases) >= least and len(set(ids)) == len(ids) and all(i.startswith(prefix) for i in ids)
    assert {"reply", "forward", "meeting", "document", "failure", "followup"} <= {c.kind for c in cases}
    for c in cases:
        ws, _ = fresh()
        assert c.check(ws, [""] * len(c.turns), [{}] * len(c.turns)), c.id
