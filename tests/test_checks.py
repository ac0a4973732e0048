"""Plan checks against the request (nodes/checks.py), on the real tools' schemas and roles."""

from __future__ import annotations

import pytest

from tinyagent.nodes.checks import check_plan
from tinyagent.nodes.planlang import PlanError, compile_plan
from tinyagent.tools import default_tools, init_workspace
from tinyagent.tools.specs import specs_for


@pytest.fixture(scope="module")
def specs(tmp_path_factory):
    return specs_for(default_tools(init_workspace(tmp_path_factory.mktemp("ws"))))


def run(plan: str, query: str, specs) -> None:
    check_plan(compile_plan(plan, specs), specs, query)


def test_a_number_from_another_turn_is_refused(specs):
    with pytest.raises(PlanError, match="'\\+1-555-0103', which the request does not name"):
        run('1. send_sms(recipients=["+1-555-0103"], message="On my way")\n2. join()', "text Marcus that I'm on my way",
            specs)
    run('1. get_phone_number(name="Marcus")\n2. send_sms(recipients=["$1"], message="On my way")\n3. join()',
        "text Marcus that I'm on my way", specs)
    run('1. send_sms(recipients=["marcus"], message="On my way")\n2. join()', "text Marcus that I'm on my way", specs)


def test_a_lookup_result_inside_a_message_is_refused_but_a_link_is_fine(specs):
    with pytest.raises(PlanError, match="puts the result of step 1 \\(get_phone_number\\) inside the message"):
        run('1. get_phone_number(name="Marcus")\n2. send_sms(recipients=["$1"], message="The text to Marcus says: $1")\n'
            '3. join()', "text Marcus I'm late", specs)
    run('1. get_zoom_meeting_link(topic="Sync", start_time="tomorrow 3pm")\n2. get_email_address(name="Sarah")\n'
        '3. compose_new_email(recipients=["$2"], subject="Sync", context="Join here: $1")\n4. join()',
        "zoom tomorrow 3pm about sync and email Sarah the link", specs)


def test_a_requested_attachment_must_be_attached(specs):
    with pytest.raises(PlanError, match="asks to attach a file"):
        run('1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"], subject="Q3 report")\n3. join()',
            "email Sarah and attach the Q3 report", specs)
    run('1. get_email_address(name="Sarah")\n2. open_and_get_file_path(file_name="Q3 report")\n'
        '3. compose_new_email(recipients=["$1"], subject="Q3 report", attachments=["$2"])\n4. join()',
        "email Sarah and attach the Q3 report", specs)
    run('1. get_email_address(name="Sarah")\n2. forward_email(recipients=["$1"])\n3. join()',
        "forward the email with the attachment to Sarah", specs)


def test_a_name_from_an_earlier_user_turn_is_allowed_but_not_a_number(specs):
    context = "User: what's Marcus's number?\nAssistant: The phone number of Marcus is +1-555-0102."
    run('1. get_phone_number(name="Marcus")\n2. send_sms(recipients=["$1"], message="On my way")\n3. join()',
        "text him that I'm on my way", specs)
    check_plan(compile_plan('1. send_sms(recipients=["Marcus"], message="On my way")\n2. join()', specs), specs,
               "text him that I'm on my way", context)
    with pytest.raises(PlanError, match="does not name"):
        check_plan(compile_plan('1. send_sms(recipients=["+1-555-0102"], message="On my way")\n2. join()', specs),
                   specs, "text him that I'm on my way", context)


def test_a_new_round_may_not_repeat_a_finished_step(specs):
    done = [{"id": 1, "tool": "create_reminder", "args": {"name": "Call mum"}, "status": "done"}]
    with pytest.raises(PlanError, match="Step 2 repeats step 1, which already ran"):
        check_plan(compile_plan('2. create_reminder(name="Call mum")\n3. join()', specs, first_id=2, known_ids=[1]),
                   specs, "remind me to call mum", "", done)


def test_a_file_sent_by_name_must_be_attached(specs):
    with pytest.raises(PlanError, match="asks to attach a file"):
        run('1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"], subject="Q3 report")\n3. join()',
            "Email Sarah the Q3 report", specs)
    run('1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"], subject="Lunch")\n3. join()',
        "Email Sarah about lunch on Friday", specs)


def test_the_words_for_a_time_go_in_the_time_argument(specs):
    with pytest.raises(PlanError, match="'tomorrow at 9' is a time: pass it as due_date"):
        run('1. create_reminder(name="Call the dentist tomorrow at 9")\n2. join()',
            "remind me to call the dentist tomorrow at 9", specs)
    run('1. create_reminder(name="Call the dentist", due_date="tomorrow at 9")\n2. join()',
        "remind me to call the dentist tomorrow at 9", specs)


def test_the_first_plan_must_use_a_person_it_looked_up_unless_the_address_is_what_was_asked(tmp_path, monkeypatch):
    """The plan node hands the decoder a rule that refuses join() while a contact lookup feeds no
    step: for "email Ana the notes", not for "what's Ana's email address?", nor with use_lookups off."""
    from langchain_core.language_models.fake import FakeListLLM

    import tinyagent.nodes.plan as plan_node
    from tests.fakes import AllToolsIndex
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    rules = []
    real = plan_node.complete

    def spy(*args, **kwargs):
        rules.append(kwargs.get("refuse"))
        return real(*args, **kwargs)
    monkeypatch.setattr(plan_node, "complete", spy)
    tools = default_tools(init_workspace(tmp_path / "ws"), ToolConfig())
    plan = '1. get_email_address(name="Ana")\n2. join()<END_OF_PLAN>'

    def first_plan_rule(request, **settings):
        g = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "d", lora_path=None, **settings),
                        llm=FakeListLLM(responses=[plan] * 3), index=AllToolsIndex())
        rules.clear()
        g.invoke({"messages": [("human", request)]}, context={"dry_run": True})
        return rules[0]
    looked_up = '1. get_email_address(name="Ana")\n2. '
    rule = first_plan_rule("email Ana the meeting notes")
    assert rule is not None and rule(looked_up, "join") and not rule(looked_up, "compose")
    asked = first_plan_rule("what's Ana's email address?")
    assert asked is None or not asked(looked_up, "join")
    off = first_plan_rule("email Ana the meeting notes", use_lookups=False)
    assert off is None or not off(looked_up, "join")
