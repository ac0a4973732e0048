"""The plan language: good plans compile to the right DAG; each kind of bad plan has its own error."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinyagent.nodes.plans.planlang import PlanError, compile_plan, format_plan, parse_plan
from tinyagent.tools.specs import Param, ToolSpec, specs_for

SPECS = {
    "get_email_address": ToolSpec("get_email_address", "Email of a contact.",
                                  (Param("name", "string", True),)),
    "compose_new_email": ToolSpec("compose_new_email", "Draft an email.", (
        Param("recipients", "array", True, items="string"),
        Param("subject", "string", False, default=""),
        Param("attachments", "array", False, items="string", default=[]))),
    "create_reminder": ToolSpec("create_reminder", "A reminder.", (
        Param("name", "string", True), Param("priority", "integer", False, default=0),
        Param("all_day", "boolean", False, default=False))),
}

KEYWORD = '''1. get_email_address(name="Sarah Lee")
2. get_email_address(name="Tom")
3. compose_new_email(recipients=["$1", "$2"], subject="Notes for $2")
Thought: both addresses are needed first.
4. join()<END_OF_PLAN>'''


def test_keyword_plan_builds_the_dag():
    tasks = compile_plan(KEYWORD, SPECS)
    assert [(t.id, t.tool, t.deps) for t in tasks] == [
        (1, "get_email_address", ()), (2, "get_email_address", ()),
        (3, "compose_new_email", (1, 2))]
    assert tasks[2].args == {"recipients": ["$1", "$2"], "subject": "Notes for $2"}


def test_positional_plan_in_tinyagent_form():
    plan = '1. get_email_address("Sarah")\n2. compose_new_email([$1], "Hi", [])\n3. join()'
    tasks = compile_plan(plan, SPECS)
    assert tasks[1].args == {"recipients": ["$1"], "subject": "Hi", "attachments": []}
    assert tasks[1].deps == (1,)


def test_zero_step_plan_and_round_trip():
    assert compile_plan("1. join()<END_OF_PLAN>", SPECS) == []
    tasks = compile_plan(KEYWORD, SPECS)
    again = compile_plan(format_plan(tasks), SPECS)
    assert [(t.tool, t.args, t.deps) for t in again] == [(t.tool, t.args, t.deps) for t in tasks]


def test_replan_continues_numbering_and_may_use_earlier_rounds():
    plan = '4. compose_new_email(recipients=["$1"])\n5. join()'
    tasks = compile_plan(plan, SPECS, first_id=4, known_ids=[1, 2, 3])
    assert tasks[0].id == 4 and tasks[0].deps == (1,)
    with pytest.raises(PlanError, match="found 1 where 4"):
        compile_plan('1. get_email_address(name="x")\n2. join()', SPECS, first_id=4)


def test_a_step_written_before_the_lookup_it_uses_runs_after_it():
    """The small planner sometimes writes `send(recipients=["$3"])` and the lookup after it; the
    compiled plan puts the lookup first and renumbers, keeping the steps before it as written."""
    plan = ('1. get_email_address(name="Ana")\n2. compose_new_email(recipients=["$1"], subject="Hi")\n'
            '3. compose_new_email(recipients=["$4"], subject="See $1")\n4. get_email_address(name="Tom")\n'
            '5. join()<END_OF_PLAN>')
    tasks = compile_plan(plan, SPECS)
    assert [(t.id, t.tool, t.deps) for t in tasks] == [
        (1, "get_email_address", ()), (2, "compose_new_email", (1,)),
        (3, "get_email_address", ()), (4, "compose_new_email", (1, 3))]
    assert tasks[3].args == {"recipients": ["$3"], "subject": "See $1"}
    assert format_plan(tasks).splitlines()[2:4] == ['3. get_email_address(name="Tom")',
                                                    '4. compose_new_email(recipients=["$3"], subject="See $1")']
    # in a replan the numbering goes on from the earlier rounds' steps
    tasks = compile_plan('7. compose_new_email(recipients=["$8", "$2"])\n8. get_email_address(name="Tom")\n'
                         '9. join()', SPECS, first_id=7, known_ids=range(1, 7))
    assert [(t.id, t.tool, t.deps) for t in tasks] == [(7, "get_email_address", ()), (8, "compose_new_email", (2, 7))]
    # only a whole "$K" may point ahead: inside text a later step's number is a wrong plan
    with pytest.raises(PlanError, match=r"\$2 does not refer to an earlier step"):
        compile_plan('1. compose_new_email(recipients=["a@b.c"], subject="see $2")\n'
                     '2. get_email_address(name="x")\n3. join()', SPECS)


@pytest.mark.parametrize("plan, message", [
    ('1. send_fax(to="x")\n2. join()', "unknown tool `send_fax`. Available tools: compose_new_email"),
    ('1. get_email_address(nmae="x")\n2. join()', "unknown argument `nmae`. Its arguments are: name"),
    ('1. compose_new_email(subject="x")\n2. join()', "missing required argument(s): recipients"),
    ('1. create_reminder(name="x", priority="high")\n2. join()', "`priority` must be an integer"),
    ('1. create_reminder(name=["x"])\n2. join()', "`name` must be a quoted string"),
    ('1. compose_new_email(recipients=[1])\n2. join()', "every item of `recipients`"),
    ('1. compose_new_email(recipients=["$2"])\n2. join()', "$2 does not refer to an earlier step"),
    ('1. compose_new_email(recipients=["$2"])\n2. compose_new_email(recipients=["$1"])\n3. join()',
     "Steps 1, 2 wait for each other's results"),
    ('1. compose_new_email(recipients=["$1"])\n2. join()', "$1 does not refer to an earlier step"),
    ('1. join()\n2. get_email_address(name="x")', "join() must be the last step"),
    ('1. get_email_address(name="x")', "does not end with join()"),
    ('1. get_email_address(name="x")\n3. join()', "found 3 where 2 was expected"),
    ('1. get_email_address(name="x", name="y")\n2. join()', "`name` is given twice"),
    ('1. get_email_address("x", name="y")\n2. join()', "given twice"),
    ('1. get_email_address("a", "b")\n2. join()', "2 positional arguments given but it takes 1"),
    ('1. get_email_address(name=x)\n2. join()', "is not a literal"),
    ('1. get_email_address(name="x"\n2. join()', "not a valid call"),
    ("Sure! Here is the plan:", "is not a step"),
    ("", "The plan is empty"),
    ('1. os.system("rm -rf /")\n2. join()', "is not a tool call"),
])
def test_each_bad_plan_has_its_own_error(plan, message):
    with pytest.raises(PlanError) as err:
        compile_plan(plan, SPECS)
    assert message in str(err.value)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_random_text_never_crashes_the_parser(text):
    try:
        compile_plan(text, SPECS)
    except PlanError:
        pass


step_line = st.builds(lambda n, body: f"{n}. {body}", st.integers(0, 12),
                      st.sampled_from(['get_email_address(name="a")', "join()", 'x(', "compose_new_email($1)",
                                       'create_reminder("r", 1, True)', "join(1)", "$$", '"\\']))


@settings(max_examples=300, deadline=None)
@given(st.lists(step_line, max_size=6))
def test_random_step_sequences_compile_or_fail_cleanly(lines):
    try:
        tasks = compile_plan("\n".join(lines), SPECS)
    except PlanError:
        return
    for t in tasks:  # whatever compiles is a DAG over earlier steps
        assert all(d < t.id for d in t.deps)


def test_parse_keeps_literal_types():
    [step] = parse_plan('1. create_reminder("r", 3, True)')
    assert step.args == ("r", 3, True)


def test_enum_arguments_take_only_their_values_and_optional_ones_are_never_none():
    from typing import Literal

    from langchain_core.tools import tool

    from tinyagent.nodes.plans.grammar import plan_grammar

    @tool
    def set_fan(speed: Literal["low", "medium", "high"], room: str | None = None) -> str:
        """Set the fan speed."""
        return speed

    specs = specs_for([set_fan])
    assert specs["set_fan"].param("speed").enum == ("low", "medium", "high")
    with pytest.raises(PlanError, match="`speed` must be one of 'low', 'medium', 'high', not 'max'"):
        compile_plan('1. set_fan(speed="max")\n2. join()', specs)
    assert compile_plan('1. set_fan(speed="high")\n2. join()', specs)[0].args == {"speed": "high"}
    grammar = plan_grammar(specs.values())
    assert '"\\"low\\"" | "\\"medium\\"" | "\\"high\\""' in grammar
    assert "None" not in grammar.split("set-fan", 1)[1]
