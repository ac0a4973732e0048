"""A named file found but not attached is attached in code; anything less clear is left to the checks."""

import pytest

from tinyagent.nodes.planlang import compile_plan, format_plan
from tinyagent.nodes.repair import attach_found_file
from tinyagent.tools import ToolConfig, default_tools, init_workspace
from tinyagent.tools.specs import specs_for


@pytest.fixture(scope="module")
def specs(tmp_path_factory):
    return specs_for(default_tools(init_workspace(tmp_path_factory.mktemp("ws")), ToolConfig()))


def repaired(text, specs, query, first_id=1):
    out = attach_found_file(compile_plan(text, specs, first_id=first_id, known_ids=range(1, first_id)),
                            specs, query)
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
    # no file lookup at all: the plan checks ask the planner for one
    ('1. compose_new_email(recipients=["a@b.c"], subject="R")\n2. join()', "email a@b.c the report"),
])
def test_nothing_unclear_is_repaired(specs, plan, query):
    assert repaired(plan, specs, query) is None
