"""'That email' in a follow-up is the email the conversation last showed, not the newest."""

from __future__ import annotations

from tinyagent.nodes.plans.planlang import compile_plan, format_plan


def test_that_email_given_as_the_step_s_email_is_the_one_the_conversation_showed(specs):
    from tinyagent.nodes.rules.shown_email import pointed_email

    context = ("User: forward marcus's firmware email to Yuki\nAssistant: Saved email 'Fwd: Firmware 2.1 release "
               "notes' to Yuki Tanaka <yuki.tanaka@example.com> as a draft")
    plan = '1. reply_to_email(context="Thanks", message_id="that email")\n2. join()<END_OF_PLAN>'
    tasks = compile_plan(plan, specs)
    assert format_plan(pointed_email(tasks, specs, context)) == (
        '1. reply_to_email(context="Thanks", message_id="Firmware 2.1 release notes")\n2. join()<END_OF_PLAN>')
    assert pointed_email(tasks, specs, "") is None  # a first turn: the newest, as the tool takes it
    named = compile_plan('1. reply_to_email(context="Thanks", message_id="omar quote")\n2. join()<END_OF_PLAN>', specs)
    assert pointed_email(named, specs, context) is None
