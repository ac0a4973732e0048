"""A file found to be sent along is attached, not pasted in as the message's text (nodes/rules/attachments.py)."""

from __future__ import annotations

from tinyagent.nodes.rules.attachments import attach_not_paste
from tinyagent.nodes.plans.planlang import compile_plan, format_plan


def test_a_found_file_in_the_text_is_attached(specs):
    plan = ('1. get_email_address(name="Sarah Lee")\n2. open_and_get_file_path(file_name="Q3 report")\n'
            '3. compose_new_email(recipients=["$1"], subject="Q3 report", context="$2")\n4. join()<END_OF_PLAN>')
    out = attach_not_paste(compile_plan(plan, specs), specs, "Email Sarah Lee the Q3 report")
    assert format_plan(out).splitlines()[2] == \
        '3. compose_new_email(recipients=["$1"], subject="Q3 report", attachments=["$2"])'


def test_a_summary_in_the_text_stays(specs):
    plan = ('1. open_and_get_file_path(file_name="Q3 report")\n2. summarize_pdf(pdf_path="$1")\n'
            '3. get_email_address(name="Sarah")\n4. compose_new_email(recipients=["$3"], context="$2")\n'
            '5. join()<END_OF_PLAN>')
    assert attach_not_paste(compile_plan(plan, specs), specs, "email Sarah a summary of the Q3 report") is None
