"""The plan rules as one pipeline: named, switchable, traced on the plan message, the stream and `run --json`."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake import FakeListLLM

from tests.fakes import AllToolsIndex
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.nodes.rules.pipeline import BY_NAME, RULES, Facts, Trace, describe_trace, parse_rules_off, run_rules
from tinyagent.nodes.plans.planlang import compile_plan, format_plan


def test_every_rule_has_a_unique_name_a_stage_and_a_purpose():
    assert len(BY_NAME) == len(RULES)
    for r in RULES:
        assert r.stage in ("retrieve", "decode", "compile", "compile, early") and r.purpose
        assert r.guards in ("", "dates", "people", "attachments", "made-up content")
        assert (r.apply is None) == (r.stage in ("retrieve", "decode"))  # (applied by their nodes)


def test_unknown_rule_names_are_refused_with_the_list():
    assert parse_rules_off("fan_out, fit_values") == ("fan_out", "fit_values")
    with pytest.raises(ValueError, match="unknown rule\\(s\\) fan_in in rules_off; the rules are: decline_unserved, decline_advice, decline_knowledge, decline_pleasantry, code_needs_numbers, documents_know, email_not_declined, contact_not_declined, plan_served, focus_tools, own_focus, copy_spans"):
        parse_rules_off("fan_in")
    with pytest.raises(ValueError, match="fan_in"):
        Settings(rules_off="fan_in")


# a raw plan through all the rules to the final plan (table test)
CASES = [
    ("Text Tom Becker that I'm running late",
     '1. get_email_address(name="Tom Becker")\n2. send_sms(recipients=["$1"], message="I\'m running late")\n'
     '3. join()<END_OF_PLAN>',
     '1. get_phone_number(name="Tom Becker")\n2. send_sms(recipients=["$1"], message="I\'m running late")\n'
     '3. join()<END_OF_PLAN>', ["right_lookups"]),
    ("Put Dentist in my calendar for Thursday at 9:30 am for 45 minutes",
     '1. create_calendar_event(title="Dentist", start_date="Thursday at 9:30 am")\n'
     '2. create_calendar_event(title="45 minutes", start_date="Thursday at 9:30 am")\n3. join()<END_OF_PLAN>',
     '1. create_calendar_event(title="Dentist", start_date="Thursday at 9:30 am", end_date="for 45 minutes")\n'
     '2. join()<END_OF_PLAN>', ["stated_length"]),
    ("forward sarah's q3 report email to Lucas Martin",
     '1. get_email_address(name="Lucas Martin")\n2. compose_new_email(recipients=["$1"], subject="Q3 report")\n'
     '3. join()<END_OF_PLAN>',
     '1. get_email_address(name="Lucas Martin")\n'
     '2. forward_email(recipients=["$1"], message_id="sarah\'s q3 report")\n3. join()<END_OF_PLAN>',
     ["received_for_asked", "name_received_email"]),
]


@pytest.mark.parametrize("query, raw, final, fired", CASES)
def test_a_raw_plan_through_every_rule(specs, query, raw, final, fired):
    trace = Trace()
    out = run_rules(compile_plan(raw, specs), Facts(specs, query), trace=trace)
    assert format_plan(out) == final
    assert [s["rule"] for s in trace.steps] == fired
    off = run_rules(compile_plan(raw, specs), Facts(specs, query), off=fired)
    assert format_plan(off) == raw  # switched off, the plan stays as the model wrote it


def test_a_follow_ups_reminder_keeps_the_time_counted_from_the_event(specs):
    """Through every rule: followup_times gives "remind me about it the day before at 9" the event's day
    and title, and no later rule takes the time away (drop_unstated_optionals dropped it: the written-out
    time is in no word of the request)."""
    context = ("User: book a 1:1 with Sam on Friday 4pm\n"
               "Result: create_calendar_event(title='1:1 with Sam', start_date='Friday 4pm') -> Created event "
               "'1:1 with Sam' on Friday 4 December 2026, 16:00 to 17:00 in calendar.ics.")
    raw = '1. create_reminder(name="It the day before")\n2. join()<END_OF_PLAN>'
    trace = Trace()
    out = run_rules(compile_plan(raw, specs), Facts(specs, "remind me about it the day before at 9", context=context),
                    trace=trace)
    assert format_plan(out) == '1. create_reminder(name="1:1 with Sam", due_date="2026-12-03 09:00")\n2. join()<END_OF_PLAN>'
    assert [s["rule"] for s in trace.steps] == ["followup_times"]


@pytest.mark.parametrize("query, raw, taken", [
    # the email lookup starts at its line; compile's pipeline makes step 1 a phone lookup: not used
    (CASES[0][0], CASES[0][1], []),
    (CASES[2][0], CASES[2][1], [1]),
    ("Tom Becker's number and email",
     '1. get_email_address(name="Tom Becker")\n2. get_phone_number(name="Tom Becker")\n3. join()<END_OF_PLAN>', [1, 2]),
])
def test_early_start_and_compile_agree(tmp_path, specs, query, raw, taken):
    """What early start hands to execute is what compile's pipeline keeps: a read-only step it
    started is used only where the final plan has it with the same tool and values."""
    from tinyagent.nodes.report.record import task_record
    from tinyagent.nodes.rules.early import EarlyStart
    from tinyagent.tools import default_tools, init_workspace

    tools = {t.name: t for t in default_tools(init_workspace(tmp_path / "ws"))}
    facts = Facts(specs, query)
    early = EarlyStart(tools=tools, facts=facts, first_id=1, rnd=0, t0=0.0, timeout=5, today=None,
                       run_tasks=None, emit=lambda e: None)
    early._start = lambda task: early.started.setdefault(task.id, (task.tool, task.args, task.id))  # record only
    for piece in raw.replace("<END_OF_PLAN>", "").splitlines(keepends=True):
        early.feed(piece)
    final = [task_record(t) for t in run_rules(compile_plan(raw, specs), facts)]
    assert early.started and sorted(early.take(final)) == taken
    calls = {r["id"]: (r["tool"], r["args"]) for r in final}
    assert all(calls[i] == early.started[i][:2] for i in taken)


def test_the_trace_reaches_the_plan_message_the_stream_and_the_state(tmp_path):
    from tinyagent.tools import default_tools, init_workspace

    tools = default_tools(init_workspace(tmp_path / "ws"))
    plan = ('1. get_email_address(name="Tom Becker")\n2. send_sms(recipients=["$1"], message="Late")\n'
            '3. join()<END_OF_PLAN>')

    def graph():
        return build_graph(tools=tools, settings=Settings(data_dir=tmp_path, lora_path=None),
                           llm=FakeListLLM(responses=[plan]), index=AllToolsIndex())
    events, state = [], {}
    for mode, chunk in graph().stream({"messages": [("human", "Text Tom Becker that I am late")]},
                                      stream_mode=["custom", "values"], context={"dry_run": True}):
        if mode == "custom" and chunk.get("type") == "rules":
            events.append(chunk)
        if mode == "values":
            state = chunk
    assert [s["rule"] for s in state["rule_trace"]] == ["right_lookups"]
    assert state["rule_trace"][0]["added"] == ['get_phone_number(name="Tom Becker")']
    assert events and events[0]["trace"] == state["rule_trace"]
    message = next(m for m in state["messages"] if getattr(m, "tool_calls", None))
    assert message.additional_kwargs["tinyagent"]["rules"] == state["rule_trace"]
    assert "right_lookups (a text's recipient is looked up by phone number" in describe_trace(state["rule_trace"])
    # switched off for one run: the plan keeps the email look-up and nothing is traced
    out = graph().invoke({"messages": [("human", "Text Tom Becker that I am late")]},
                         context={"dry_run": True, "rules_off": "right_lookups"})
    assert [x for x in out["rule_trace"] if x["rule"] == "right_lookups"] == []
    assert out["tasks"][0]["tool"] == "get_email_address"


def test_decode_rules_switch_off_and_say_where_they_held_the_plan(tmp_path, monkeypatch):
    """The plan node applies the decode rules not switched off: each refuser it passes to the model
    is one of them, traced where it turned a token down; switched off, none is passed."""
    import tinyagent.nodes.plan as plan_node
    from tinyagent.nodes.rules.pipeline import EMBEDDED_ONLY, held
    from tinyagent.tools import default_tools, init_workspace

    tools = default_tools(init_workspace(tmp_path / "ws"))
    seen = {}

    def fake_complete(llm, messages, grammar, max_tokens, temperature, on_token=None, refuse=None):
        seen["refuse"], seen["grammar"] = refuse, grammar
        text = '1. get_phone_number(name="Tom Becker")\n2. join()<END_OF_PLAN>'
        if refuse is not None:  # as llama.cpp would: join() at step 2 is turned down (a lookup unused)
            seen["held"] = refuse('1. get_phone_number(name="Tom Becker")\n2. ', "join")
        return text, 10, 10
    monkeypatch.setattr(plan_node, "complete", fake_complete)
    graph = build_graph(tools=tools, settings=Settings(data_dir=tmp_path, lora_path=None, use_lookups=True),
                        llm=FakeListLLM(responses=["unused"]), index=AllToolsIndex())
    # (verb_tool_first, which holds join() back too until send_sms has a step, is off here: this is use_lookups')
    out = graph.invoke({"messages": [("human", "text Tom Becker that I'm late")]},
                       context={"dry_run": True, "rules_off": "verb_tool_first"})
    assert seen["refuse"] is not None and seen["held"] is True
    assert [x["rule"] for x in out["rule_trace"] if x.get("stage") == "decode"] == ["use_lookups"]
    assert "step 2: turned down join" in out["rule_trace"][0]["held"]
    assert 'Tom Becker' in seen["grammar"]  # copy_spans: the names the grammar allows are the request's
    out = graph.invoke({"messages": [("human", "text Tom Becker that I'm late")]},
                       context={"dry_run": True, "rules_off": ",".join([*EMBEDDED_ONLY, "copy_spans"])})
    assert seen["refuse"] is None and not [x for x in out["rule_trace"] if x.get("stage") == "decode"]
    assert "Tom Becker" not in seen["grammar"]
    assert held("x", None, []) is None


def test_the_tools_a_plan_must_call_are_three_rules_each_traced_and_switched_off_by_name(tmp_path):
    """required_tools (the classifier's very sure tools), own_tools_required (your own tools that fit)
    and find_file_first (the file finder of a file to send) hold join() back as one refuser; where it
    turns join() down, the trace names the rule whose tool has no step yet, and each switches off alone."""
    from types import SimpleNamespace

    from tinyagent.nodes.request.reading import read_request
    from tinyagent.nodes.rules.decoding import Decoding, decode_rules
    from tinyagent.nodes.rules.pipeline import held
    from tinyagent.tools import default_tools, init_workspace
    from tinyagent.tools.specs import ToolSpec

    specs = {s.name: s for s in map(ToolSpec.from_tool, default_tools(init_workspace(tmp_path / "ws")))}
    settings = SimpleNamespace(focus_tools=True, copy_spans=True, use_lookups=False, hold_counts_above=0.0,
                               stated_values=False)
    query = "email Sarah Lee the Q3 report"
    view = {"focus": [], "required": ["compose_new_email"], "required_own": [], "required_file": ["open_and_get_file_path"]}
    shown = [specs["compose_new_email"], specs["open_and_get_file_path"], specs["get_email_address"]]

    def run(off=(), text='1. get_email_address(name="Sarah Lee")\n2. '):
        trace: list[dict] = []
        d = Decoding(request=read_request(query), view=view, shown=shown, specs=specs, settings=settings, first=True)
        _, _, refuse = decode_rules(d, off, trace, held)
        return (refuse(text, "join") if refuse else False), [x["rule"] for x in trace]

    assert run() == (True, ["required_tools", "find_file_first"])
    assert run(text='1. open_and_get_file_path(file_name="Q3 report")\n2. ') == (True, ["required_tools"])
    assert run(off=("required_tools",)) == (True, ["find_file_first"])
    assert run(off=("required_tools", "find_file_first")) == (False, [])
    # the classifier very sure of a shown tool: no empty first plan (the model's own decline), and no more
    view.update({"required": [], "required_file": [], "sure_plan": True})
    assert run(text="1. ") == (True, ["plan_when_sure"])
    assert run(text='1. get_email_address(name="Sarah Lee")\n2. ') == (False, [])  # one step is enough
    assert run(off=("plan_when_sure",), text="1. ") == (False, [])
    view.update({"sure_plan": False, "served_followup": True})  # "text her to check her inbox", a follow-up
    assert run(text="1. ") == (True, ["followup_not_empty"])
    assert run(off=("followup_not_empty",), text="1. ") == (False, [])
    view.update({"served_followup": False, "served_first": True})  # "note: gate code is 4471", a first request
    # it names a file ("the Q3 report"): not empty (named_not_empty); served_not_empty is off by default
    assert run(text="1. ") == (True, ["named_not_empty"])
    assert run(off=("named_not_empty",), text="1. ") == (False, [])
    settings.served_not_empty = True
    assert run(off=("named_not_empty",), text="1. ") == (True, ["served_not_empty"])
    assert run(off=("served_not_empty", "named_not_empty"), text="1. ") == (False, [])
    settings.served_not_empty = False
    view.update({"served_first": False, "timed_first": True})  # "coffee with elena thursday at 10am"
    assert run(text="1. ") == (True, ["timed_not_empty"])
    assert run(off=("timed_not_empty",), text="1. ") == (False, [])
    view.update({"timed_first": False})
    # a replan is not held back: the first plan's steps are done or refused already
    d = Decoding(request=read_request(query), view=view, shown=shown, specs=specs, settings=settings, first=False)
    assert decode_rules(d, (), [], held)[2] is None
