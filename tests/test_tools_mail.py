"""Mail: RFC 5322 messages with attachments in the Maildir; SMTP only when configured (tested on 127.0.0.1)."""

from __future__ import annotations

import mailbox
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from langchain_core.tools import ToolException

from bench.load import free_port


def _messages(ws, folder):
    box = mailbox.Maildir(ws / "Mail" / folder, factory=None, create=False)
    return [BytesParser(policy=policy.default).parsebytes(box.get_bytes(k)) for k in box.keys()]


def _add_inbox(ws, msg_id, sender, subject, date, body="Hello", attachment=None):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "me@localhost", subject
    msg["Date"], msg["Message-ID"] = date, msg_id
    msg.set_content(body)
    if attachment:
        msg.add_attachment(attachment[1], subtype="plain", filename=attachment[0])
    mailbox.Maildir(ws / "Mail" / "inbox", factory=None).add(msg)


@pytest.fixture
def inbox(tools_workspace):
    _add_inbox(tools_workspace, "<old@example.com>", "Old Sender <old@example.com>", "Old news",
               "Mon, 02 Nov 2026 09:00:00 +0000", body="Old body")
    _add_inbox(tools_workspace, "<new@example.com>", "Sarah Lee <sarah.lee@example.com>", "Budget",
               "Wed, 04 Nov 2026 09:00:00 +0000", body="Can you check the budget?\nThanks",
               attachment=("budget.txt", "total: 42\n"))
    _add_inbox(tools_workspace, "<mid@example.com>", "Tom <tom.becker@example.com>", "Lunch",
               "Tue, 03 Nov 2026 09:00:00 +0000")
    return tools_workspace


def test_compose_saves_a_real_draft_with_attachment(tools_workspace, make_tools):
    (tools_workspace / "Documents" / "Q3 slides.pdf").write_bytes(b"%PDF-1.4 fake slides")
    out = make_tools(mail_from="me@example.com")["compose_new_email"].invoke({
        "recipients": ["Sarah Lee", "bob@example.org"], "cc": ["Marcus"], "subject": "Q3 slides",
        "context": "Slides attached.", "attachments": ["Documents/Q3 slides.pdf"]})
    assert "draft" in out and "no SMTP server" in out
    assert (tools_workspace / re.search(r"in (Mail/drafts/cur/\S+);", out).group(1)).is_file()
    (msg,) = _messages(tools_workspace, "drafts")
    assert msg["From"] == "me@example.com"
    assert msg["To"] == "Sarah Lee <sarah.lee@example.com>, bob@example.org"
    assert msg["Cc"] == "Marcus Chen <marcus.chen@example.com>"
    assert msg["Subject"] == "Q3 slides" and msg["Message-ID"].endswith("@example.com>") and msg["Date"]
    assert msg.get_body(("plain",)).get_content().strip() == "Slides attached."
    (att,) = list(msg.iter_attachments())
    assert att.get_filename() == "Q3 slides.pdf" and att.get_content_type() == "application/pdf"
    assert att.get_content() == b"%PDF-1.4 fake slides"
    box = mailbox.Maildir(tools_workspace / "Mail" / "drafts", create=False)
    assert [box.get_message(k).get_flags() for k in box.keys()] == ["D"]


def test_an_email_without_a_subject_gets_one_from_its_text(tools_workspace, make_tools):
    out = make_tools()["compose_new_email"].invoke({
        "recipients": ["Tom Becker"], "context": "Ask if he can move our 1:1 to Thursday"})
    (msg,) = _messages(tools_workspace, "drafts")
    assert msg["Subject"] == "Move our 1:1 to Thursday"
    assert "Saved email 'Move our 1:1 to Thursday'" in out
    assert msg.get_body(("plain",)).get_content().strip() == "Could you let me know if you can move our 1:1 to Thursday?"


def test_attachment_by_file_name_and_single_string_recipient(tools_workspace, make_tools):
    (tools_workspace / "Documents" / "notes.txt").write_text("hi")
    make_tools()["compose_new_email"].invoke({"recipients": "tom.becker@example.com", "attachments": ["notes"]})
    (msg,) = _messages(tools_workspace, "drafts")
    assert msg["To"] == "tom.becker@example.com"
    assert [a.get_filename() for a in msg.iter_attachments()] == ["notes.txt"]


def test_comma_separated_addresses_are_split(tools_workspace, make_tools):
    make_tools()["compose_new_email"].invoke({"recipients": "a@example.org, b@example.org", "subject": "x"})
    (msg,) = _messages(tools_workspace, "drafts")
    assert msg["To"] == "a@example.org, b@example.org"


@pytest.mark.parametrize("args, message", [
    ({"recipients": []}, "at least one recipient"),
    ({"recipients": ["Nobody Known"]}, "No contact named 'Nobody Known'"),
    ({"recipients": ["Sarah"]}, "ambiguous"),
    ({"recipients": ["bob@example.org"], "attachments": ["no-such-file.pdf"]}, "No file matching"),
    ({"recipients": ["bob@example.org"], "attachments": ["../../etc/passwd"]}, "outside the allowed folders"),
    ({"recipients": ["bob@example.org"], "attachments": ["/etc/hostname"]}, "outside the allowed folders"),
])
def test_compose_errors(tools_workspace, make_tools, args, message):
    with pytest.raises(ToolException, match=message):
        make_tools()["compose_new_email"].invoke(args)
    assert _messages(tools_workspace, "drafts") == []


def test_reply_to_newest_inbox_message(inbox, make_tools):
    out = make_tools()["reply_to_email"].invoke({"context": "Looks fine to me.", "cc": ["Tom Becker"]})
    assert "Re: Budget" in out
    (msg,) = _messages(inbox, "drafts")
    assert msg["To"] == "Sarah Lee <sarah.lee@example.com>" and msg["Cc"] == "Tom Becker <tom.becker@example.com>"
    assert msg["Subject"] == "Re: Budget"
    assert msg["In-Reply-To"] == "<new@example.com>" and msg["References"] == "<new@example.com>"
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("Looks fine to me.") and "> Can you check the budget?" in body


def test_reply_to_chosen_message_and_unknown_id(inbox, make_tools):
    tool = make_tools()["reply_to_email"]
    tool.invoke({"context": "ok", "message_id": "old@example.com"})
    (msg,) = _messages(inbox, "drafts")
    assert msg["To"] == "Old Sender <old@example.com>" and msg["Subject"] == "Re: Old news"
    with pytest.raises(ToolException, match="No single inbox message matches.*<new@example.com>"):
        tool.invoke({"context": "ok", "message_id": "<missing@example.com>"})


def test_forward_keeps_text_and_attachments(inbox, make_tools):
    (inbox / "Documents" / "extra.txt").write_text("extra")
    make_tools()["forward_email"].invoke({"recipients": ["Marcus Chen"], "context": "FYI",
                                          "attachments": ["extra.txt"]})
    (msg,) = _messages(inbox, "drafts")
    assert msg["Subject"] == "Fwd: Budget" and msg["To"] == "Marcus Chen <marcus.chen@example.com>"
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("FYI") and "Forwarded message" in body and "Can you check the budget?" in body
    atts = {a.get_filename(): a.get_content() for a in msg.iter_attachments()}
    assert atts == {"budget.txt": "total: 42\n", "extra.txt": "extra"}


def test_reply_with_empty_inbox(make_tools):
    with pytest.raises(ToolException, match="inbox .* is empty"):
        make_tools()["reply_to_email"].invoke({"context": "hi"})




@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    class Sink:
        def __init__(self):
            self.envelopes = []

        async def handle_DATA(self, server, session, envelope):
            self.envelopes.append(envelope)
            return "250 OK"

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, sink
    finally:
        controller.stop()


def test_smtp_send_reaches_the_local_server(tools_workspace, make_tools, smtp_server):
    controller, sink = smtp_server
    (tools_workspace / "Documents" / "report.txt").write_text("numbers")
    out = make_tools(smtp_host="127.0.0.1", smtp_port=controller.port, mail_from="me@example.com")[
        "compose_new_email"].invoke({"recipients": ["Sarah Lee"], "cc": ["bob@example.org"],
                                     "subject": "Report", "context": "Here it is.", "attachments": ["report.txt"]})
    assert out.startswith("Sent") and "Mail/sent" in out
    (env,) = sink.envelopes
    assert env.mail_from == "me@example.com"
    assert sorted(env.rcpt_tos) == ["bob@example.org", "sarah.lee@example.com"]
    received = BytesParser(policy=policy.default).parsebytes(env.original_content)
    assert received["Subject"] == "Report"
    assert received.get_body(("plain",)).get_content().strip() == "Here it is."
    assert [a.get_filename() for a in received.iter_attachments()] == ["report.txt"]
    (copy,) = _messages(tools_workspace, "sent")
    assert copy["Message-ID"] == received["Message-ID"]
    assert _messages(tools_workspace, "drafts") == []


def test_smtp_failure_queues_in_outbox(tools_workspace, make_tools):
    tool = make_tools(smtp_host="127.0.0.1", smtp_port=free_port())["compose_new_email"]
    with pytest.raises(ToolException, match="Could not send.*queued in Mail/outbox"):
        tool.invoke({"recipients": ["bob@example.org"], "subject": "Hi", "context": "Hello"})
    (msg,) = _messages(tools_workspace, "outbox")
    assert msg["Subject"] == "Hi"


@pytest.mark.parametrize("name,data,problem", [
    ("binary", bytes(range(256)) * 4, "it has no sender (From)"),
    ("empty", b"", "it has no sender (From)"),
    ("bad-from", b'From: <<<@@@>>> "unterminated\nSubject: hi\nDate: Mon, 30 Nov 2026 10:00:00 +0000\n\nbody\n',
     "its sender '<>' is not an email address"),
])
def test_reply_to_a_malformed_email_names_its_file(tools_workspace, make_tools, name, data, problem):
    path = tools_workspace / "Mail" / "inbox" / "cur" / f"1700000000.{name}.host:2,"
    path.write_bytes(data)
    with pytest.raises(ToolException) as info:
        make_tools()["reply_to_email"].invoke({"context": "Thanks"})
    assert str(info.value).startswith(f"The email Mail/inbox/cur/{path.name} is malformed: {problem}")
    assert "reply to another email by its message_id" in str(info.value)
    assert _messages(tools_workspace, "drafts") == []  # no reply to nobody was drafted


def test_a_cancelled_smtp_send_sends_nothing(tools_workspace, make_tools):
    """The task is stopped while the server is still greeting: the mail is not sent, nor queued."""
    import threading

    from aiosmtpd.controller import Controller

    from tinyagent.tools.cancel import TaskCancelled, Token, set_current

    greeting, stopped = threading.Event(), threading.Event()

    class SlowGreeting:
        def __init__(self):
            self.envelopes = []

        async def handle_EHLO(self, server, session, envelope, hostname, responses):
            import asyncio
            greeting.set()
            while not stopped.is_set():  # the task is stopped meanwhile
                await asyncio.sleep(0.01)
            session.host_name = hostname
            return responses

        async def handle_DATA(self, server, session, envelope):
            self.envelopes.append(envelope)
            return "250 OK"

    sink = SlowGreeting()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    tool = make_tools(smtp_host="127.0.0.1", smtp_port=controller.port)["compose_new_email"]
    token, outcome = Token(), {}

    def task():
        set_current(token)
        try:
            outcome["result"] = tool.invoke({"recipients": ["bob@example.org"], "subject": "Hi", "context": "Hello"})
        except Exception as exc:  # noqa: BLE001
            outcome["error"] = exc

    worker = threading.Thread(target=task)
    try:
        worker.start()
        assert greeting.wait(10)
        assert token.cancel("the task was stopped", wait=1)  # no send under way yet
        stopped.set()
        worker.join(10)
    finally:
        stopped.set()
        controller.stop()
    assert isinstance(outcome.get("error"), TaskCancelled), outcome
    assert "before sending the email" in str(outcome["error"])
    assert sink.envelopes == []
    assert _messages(tools_workspace, "outbox") == [] and _messages(tools_workspace, "sent") == []


@pytest.mark.parametrize("words, subject", [
    ("Tom's email", "Re: Lunch"),                   # by sender's first name
    ("the lunch one", "Re: Lunch"),                 # by a subject word
    ("old news from Old Sender", "Re: Old news"),   # sender and subject together
    ("sarah lee about the budget", "Re: Budget"),
    ("", "Re: Budget"),                             # none named: the newest
    ("that email", "Re: Budget"),                   # no describing word: the newest
])
def test_reply_to_the_email_the_person_names(inbox, make_tools, words, subject):
    out = make_tools()["reply_to_email"].invoke({"context": "ok", "message_id": words})
    (msg,) = _messages(inbox, "drafts")
    assert msg["Subject"] == subject
    assert f"'{subject.removeprefix('Re: ')}'" in out  # the result says which email it answered


def test_reply_by_the_day_it_came(inbox, make_tools):
    from tinyagent.tools import clock

    with clock.use_today("2026-11-04"):
        make_tools()["reply_to_email"].invoke({"context": "ok", "message_id": "yesterday's email"})
    (msg,) = _messages(inbox, "drafts")
    assert msg["Subject"] == "Re: Lunch"  # sent Tue 3 Nov


def test_the_email_from_a_day_is_the_one_that_came_that_day_not_one_naming_it(tmp_path):
    """"the email from friday - reply: ..." fit Priya's "Team lunch on Friday?" as well as Marcus's email of Friday."""
    from tinyagent.tools import clock, default_tools, init_workspace

    with clock.use_today("2026-11-30"):
        ws = init_workspace(tmp_path / "ws", sample=True)
        reply = {t.name: t for t in default_tools(ws)}["reply_to_email"]
        assert "Marcus Chen's email 'Firmware 2.1 release notes' of Fri 27 Nov" in \
            reply.invoke({"context": "Ship it", "message_id": "from friday"})
        assert "Marcus Chen's email" in reply.invoke({"context": "Ship it", "message_id": "friday's email"})
        # a day that is a subject word, said as one, still fits the subject
        assert "'Team lunch on Friday?'" in reply.invoke({"context": "Yes", "message_id": "priya friday lunch"})


def test_the_day_said_the_way_people_type_it_picks_the_email_of_that_day(tmp_path):
    """"the mail i got on friday" and "yesterdays mail" (no apostrophe) are the emails that came that day, not
    Priya's "Team lunch on Friday?"; "the first one she sent" after naming Sarah is her older email."""
    from tinyagent.tools import clock, default_tools, init_workspace

    with clock.use_today("2026-11-30"):
        ws = init_workspace(tmp_path / "ws", sample=True)
        forward = {t.name: t for t in default_tools(ws)}["forward_email"]
        for words, fits in [("i got friday", "Marcus Chen's email 'Firmware 2.1 release notes' of Fri 27 Nov"),
                            ("the mail i got on friday", "Marcus Chen's email"),
                            ("yesterdays mail", "David Kim's email 'Lisbon trip: flights and hotel' of Sun 29 Nov"),
                            ("sarah first one she sent", "Sarah Lee's email 'Offsite agenda for next week'"),
                            # convdev6: "two days ago", "the earlier of sarah's two mails", "sarah wrote me twice ... older"
                            ("from two days ago", "Sarah Lee's email 'Q3 report draft for review' of Sat 28 Nov"),
                            ("sarah's two earlier of", "Sarah Lee's email 'Offsite agenda for next week'"),
                            ("older sarah", "Sarah Lee's email 'Offsite agenda for next week'")]:
            assert fits in forward.invoke({"recipients": ["yuki.tanaka@example.com"], "message_id": words}), words


def test_forward_the_named_email_and_say_which(inbox, make_tools):
    out = make_tools()["forward_email"].invoke({"recipients": ["Marcus Chen"], "message_id": "tom lunch"})
    (msg,) = _messages(inbox, "drafts")
    assert msg["Subject"] == "Fwd: Lunch"
    assert "It forwards Tom's email 'Lunch' of Tue 03 Nov" in out


def test_no_or_two_emails_fit_is_an_error_that_lists_them(inbox, make_tools):
    _add_inbox(inbox, "<b2@example.com>", "Sarah Lee <sarah.lee@example.com>", "Trip",
               "Thu, 05 Nov 2026 09:00:00 +0000")
    tool = make_tools()["reply_to_email"]
    with pytest.raises(ToolException, match="2 inbox emails fit 'sarah' equally: .*'Trip'.*'Budget'.*Say which"):
        tool.invoke({"context": "ok", "message_id": "sarah"})
    with pytest.raises(ToolException, match="No inbox email fits 'the invoice from Lucas'.*Say which"):
        tool.invoke({"context": "ok", "message_id": "the invoice from Lucas"})
    assert _messages(inbox, "drafts") == []  # nothing written on a wrong guess


def test_oldest_or_latest_picks_among_the_emails_that_fit(inbox, make_tools):
    """"sarah's latest email" is the newer of her two, "sarah's first email" the older; "the oldest one"
    with nothing else named is the oldest in the inbox. Without such a word, two that fit are an error."""
    _add_inbox(inbox, "<b2@example.com>", "Sarah Lee <sarah.lee@example.com>", "Trip",
               "Thu, 05 Nov 2026 09:00:00 +0000")
    tool = make_tools()["reply_to_email"]
    for words, subject in [("sarah's latest email", "Re: Trip"), ("sarah's first email", "Re: Budget"),
                           ("the oldest one", "Re: Old news"), ("the most recent one", "Re: Trip")]:
        out = tool.invoke({"context": "ok", "message_id": words})
        assert f"'{subject.removeprefix('Re: ')}'" in out, (words, out)
    subjects = sorted(m["Subject"] for m in _messages(inbox, "drafts"))
    assert subjects == sorted(["Re: Trip", "Re: Budget", "Re: Old news", "Re: Trip"])


def test_reply_and_forward_tools_tell_which_email_they_act_on(inbox, make_tools):
    tools = make_tools()
    describe = tools["forward_email"].metadata["target"]
    assert describe({"message_id": "lunch"}) == "Tom's email 'Lunch' of Tue 03 Nov"
    assert describe({}).startswith("the newest email, Sarah Lee's email 'Budget'")
    assert "No inbox email fits" in tools["reply_to_email"].metadata["target"]({"message_id": "invoice"})


def test_a_reply_does_not_copy_its_own_recipient(inbox, make_tools):
    make_tools()["reply_to_email"].invoke({"context": "ok", "cc": ["sarah.lee@example.com", "Tom Becker"]})
    (msg,) = _messages(inbox, "drafts")
    assert msg["To"] == "Sarah Lee <sarah.lee@example.com>" and msg["Cc"] == "Tom Becker <tom.becker@example.com>"


def test_the_sample_inbox_is_dated_from_the_tools_clock(tmp_path, monkeypatch):
    """With the clock pinned (TINYAGENT_NOW, as the benchmarks do), the sample's one-day-old email is
    "yesterday's email" on that day: David's Lisbon email."""
    from tinyagent.tools import default_tools, init_workspace

    monkeypatch.setenv("TINYAGENT_NOW", "2026-11-30T10:00:00")
    tools = {t.name: t for t in default_tools(init_workspace(tmp_path / "ws", sample=True))}
    out = tools["reply_to_email"].invoke({"context": "Thanks!", "message_id": "yesterday's email"})
    assert "'Lisbon trip: flights and hotel' of Sun 29 Nov" in out


def test_the_report_of_an_email_quotes_the_words_it_wrote(tmp_path):
    """newuser18: the answer quoted the planner's gist "Ask if she can move our 1:1 to Thursday" as the email's text,
    while the draft said "Could you let me know if you can move our 1:1 to Thursday?": the tool's own report quotes
    what it wrote."""
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    tools = {t.name: t for t in default_tools(init_workspace(tmp_path / "ws", sample=True), ToolConfig())}
    out = tools["compose_new_email"].invoke({"recipients": ["priya.patel@example.com"],
                                             "context": "Ask if she can move our 1:1 to Thursday"})
    drafts = list((tmp_path / "ws" / "Mail" / "drafts" / "cur").iterdir())
    body = drafts[0].read_text().split("\n\n", 1)[1].strip()
    assert out.endswith(f'The text: "{body}"')
