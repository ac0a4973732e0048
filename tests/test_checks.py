"""Plan checks against the request (nodes/rules/checks.py), on the real tools' schemas and roles."""

from __future__ import annotations

import pytest

from tinyagent.nodes.request.asks import asks_to_attach
from tinyagent.nodes.rules.checks import check_plan
from tinyagent.nodes.plans.planlang import PlanError, compile_plan
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


@pytest.mark.parametrize("query", [
    "Email Sarah the Q3 report", "email kwame the invoice pdf", "send the photos to Ayesha by email",
    "Email Ms. Haddad the permission slip", "todo: email Yuki the contract; put contract signing on my calendar",
    "Find the budget spreadsheet and send it to Ravi", "the slides for Friday's talk - send them to Wanjiru please",
    "Reply to Anneke's email saying yes and attach the signed form",
    "write Anthony an email about the sprint and include my conference poster file",
])
def test_a_request_that_sends_a_file_along(query):
    assert asks_to_attach(query)


@pytest.mark.parametrize("query", [
    # a topic, the words of a message, a reminder, or what a step makes
    "email Priya Allen about the contract renewal to ask for the updated invoice",
    "Email Tariq Walsh to send the agenda about the product launch",
    "remind me to send the invoice friday",
    "send an email to Jack Hill about the security audit: send the agenda.",
    "New reminder on July 24, 2027: send the invoice on the Home list",
    "mail Yuki Nguyen regarding the holiday party (send the agenda)",
    "send Jason Sato the link, then summarize the insurance policy pdf",
    "summarize the quarterly report and email it to Ravi",
    "forward the email with the attachment to Sarah",
])
def test_a_request_that_sends_no_file(query):
    assert not asks_to_attach(query)


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

    def first_plan_rule(request, off="", **settings):
        g = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "d", lora_path=None, **settings),
                        llm=FakeListLLM(responses=[plan] * 3), index=AllToolsIndex())
        rules.clear()
        g.invoke({"messages": [("human", request)]}, context={"dry_run": True, "rules_off": off})
        return rules[0]
    looked_up = '1. get_email_address(name="Ana")\n2. '
    rule = first_plan_rule("email Ana the meeting notes", use_lookups=True)
    assert rule is not None and rule(looked_up, "join") and not rule(looked_up, "compose")
    asked = first_plan_rule("what's Ana's email address?", use_lookups=True)
    assert asked is None or not asked(looked_up, "join")
    # (the request's opening verb also holds join() back until the email is written: verb_tool_first, off here)
    off = first_plan_rule("email Ana the meeting notes", use_lookups=False, off="verb_tool_first")
    assert off is None or not off(looked_up, "join")


def test_a_file_to_send_is_shown_and_must_be_used_even_when_retrieval_missed_it(tmp_path, monkeypatch):
    """"emial Sarah the Q3 reprot": retrieval reads it with its typos corrected; the file tool, which
    it did not rank among the shown tools, is shown and required, and join() is refused once while
    the found file feeds no step."""
    from langchain_core.language_models.fake import FakeListLLM

    import tinyagent.nodes.plan as plan_node
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.store.tool_index import Retrieved
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    shown = ["compose_new_email", "get_email_address", "send_sms"]
    sure = list(shown)

    class MissesTheFileTool:
        def retrieve(self, query, available, max_tools=5, n_examples=1, k_examples=4, match_above=0.0):
            reading = query.replace("emial", "email").replace("reprot", "report")
            return Retrieved(list(shown), [], {}, sure=list(sure), reading=reading)

    seen = []
    real = plan_node.complete

    def spy(llm, messages, *args, **kwargs):
        seen.append((" ".join(str(m["content"]) for m in messages), kwargs.get("refuse"), str(args[0])))
        return real(llm, messages, *args, **kwargs)
    monkeypatch.setattr(plan_node, "complete", spy)
    tools = default_tools(init_workspace(tmp_path / "ws"), ToolConfig())
    plan = ('1. get_email_address(name="Sarah")\n2. open_and_get_file_path(file_name="Q3 report")\n'
            '3. compose_new_email(recipients=["$1"], subject="Q3 report", attachments=["$2"])\n4. join()<END_OF_PLAN>')

    def first_plan(request, focus=False):
        g = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "d", lora_path=None, use_lookups=True,
                                                       focus_tools=focus),
                        llm=FakeListLLM(responses=[plan] * 3), index=MissesTheFileTool())
        seen.clear()
        out = g.invoke({"messages": [("human", request)]}, context={"dry_run": True})
        return seen[0][0], seen[0][1], out, seen[0][2]
    prompt, rule, out, _ = first_plan("emial Sarah the Q3 reprot")
    assert "open_and_get_file_path(" in prompt
    found = '1. open_and_get_file_path(file_name="Q3 report")\n2. '
    assert rule is not None and rule(found, "join") and not rule(found, "compose")
    assert out["status"] != "failed" and "attachments" in out["plan"]
    # a request that sends no file: the file tool stays out of the prompt
    prompt, rule, _, _ = first_plan("email Sarah about lunch on friday")
    assert "open_and_get_file_path(" not in prompt
    # with focus_tools on (off by default), a shown email tool the classifier is not sure of may be
    # called when a file is to be sent: the grammar (after the prompt) has it
    sure[:] = ["get_email_address"]
    _, _, _, grammar = first_plan("find the budget spreadsheet and send it to Ravi", focus=True)
    assert "compose_new_email" in grammar and "open_and_get_file_path" in grammar
    _, _, _, grammar = first_plan("send Sarah a message about lunch on friday", focus=True)
    assert "compose_new_email" not in grammar
    # unless the request opens with the tool's own verb (verb_tool_first): "email Sarah ..." may call it
    _, _, _, grammar = first_plan("email Sarah about lunch on friday", focus=True)
    assert "compose_new_email" in grammar
    # no email tool shown at all: they are shown (and callable) with the file tool
    shown[:] = ["get_email_address", "send_sms"]
    sure[:] = list(shown)
    prompt, _, _, grammar = first_plan("find the budget spreadsheet and send it to Ravi")
    assert "compose_new_email(" in prompt and "compose_new_email" in grammar


def test_a_word_the_model_made_up_is_not_written_into_a_note_or_message(specs):
    """The adapter once wrote "passport, charger and socks" as content="Proxacrometro"."""
    with pytest.raises(PlanError, match="content has 'Proxacrometro', which is not a word of the request"):
        run('1. create_note(name="Packing list", content="Proxacrometro")\n2. join()',
            "create a note called Packing list with passport, charger and socks", specs)
    with pytest.raises(PlanError, match="message has 'Proxican'"):
        run('1. send_sms(recipients=["Ana"], message="Proxican arrived")\n2. join()', "text Ana my passport arrived", specs)
    # the person's words, typos and all, and English words the model rephrased with, are fine
    run('1. create_note(name="Packing list", content="passport, chargr and socks")\n2. join()',
        "create a note called Packing list with passport, chargr and socks", specs)
    run('1. get_phone_number(name="Ana")\n2. send_sms(recipients=["$1"], message="I\'ve invited you to the review.")\n'
        '3. join()', "invite Ana to the review and let her know by text", specs)


def test_a_found_file_or_a_meeting_link_is_nobody_s_address(specs):
    with pytest.raises(PlanError, match='recipients has "\\$1", the result of open_and_get_file_path'):
        run('1. open_and_get_file_path(file_name="meeting notes")\n'
            '2. compose_new_email(recipients=["$1"], subject="Notes", attachments=["$1"])\n3. join()',
            "Send Arjun the meeting notes pdf", specs)
    with pytest.raises(PlanError, match="the result of get_zoom_meeting_link"):
        run('1. get_zoom_meeting_link(topic="Hiring", start_time="Tuesday at 9")\n'
            '2. compose_new_email(recipients=["$1"], subject="Hiring", context="$1")\n3. join()',
            "zoom about hiring Tuesday at 9 and email Grace the link", specs)


def test_a_reply_or_a_forward_needs_an_email_the_request_speaks_of(specs):
    with pytest.raises(PlanError, match="forward_email acts on an email the person received"):
        run('1. open_and_get_file_path(file_name="resume")\n2. get_email_address(name="Camille Dubois")\n'
            '3. forward_email(recipients=["$2"], attachments=["$1"])\n4. join()',
            "Attach my resume to an email to Camille Dubois", specs)
    run('1. get_email_address(name="Siobhan")\n2. forward_email(recipients=["$1"], context="FYI")\n3. join()',
        "Forward the email to Siobhan with a note saying FYI", specs)
    run('1. reply_to_email(context="Yes.")\n2. join()', "Reply to Anneke's email saying yes", specs)
    # a follow-up: the email was spoken of in an earlier turn
    check_plan(compile_plan('1. reply_to_email(context="Thanks")\n2. join()', specs), specs, "say thanks",
               "User: what did Marco's email say?")


def test_a_note_s_content_the_request_does_not_say_is_refused(specs):
    """The adapter wrote "passport, charger and socks" as content="Compass", an English word."""
    with pytest.raises(PlanError, match="content is 'Compass', but the request says none of these words"):
        run('1. create_note(name="Packing list", content="Compass")\n2. join()',
            "create a note called Packing list with passport, charger and socks", specs)
    with pytest.raises(PlanError, match="content is 'The launch moved to next week'"):
        run('1. open_and_get_file_path(file_name="tax return 2025")\n2. summarize_pdf(pdf_path="$1")\n'
            '3. append_note_content(name="Standup notes", content="The launch moved to next week")\n4. join()',
            "summarize the file tax return 2025 and add it to my Standup notes note", specs)
    # the person's words with other endings or a typo, a step's result, or an email's gist in the
    # planner's words ("Thanks" for "thx") are fine
    run('1. create_note(name="Packing list", content="Pack the chargers")\n2. join()',
        "create a note Packing list: packing charger", specs)
    run('1. open_and_get_file_path(file_name="tax return 2025")\n2. summarize_pdf(pdf_path="$1")\n'
        '3. append_note_content(name="Standup notes", content="$2")\n4. join()',
        "summarize the file tax return 2025 and add it to my Standup notes note", specs)
    run('1. get_email_address(name="Ana")\n2. compose_new_email(recipients=["$1"], subject="Photos", context="Thanks")\n'
        '3. join()', "email Ana about the photos, thx", specs)


def test_no_free_text_of_a_gold_plan_says_nothing_the_request_says():
    """Every note content, reminder note and other text written as given in the gold plans of the
    generated splits and the hand-written set shares a word with its request."""
    from tests.gold import gold_plans, gold_specs
    from tinyagent.nodes.request.words import word_set
    from tinyagent.nodes.rules.checks import WRITTEN_TEXT, unsaid_text

    checked, unsaid = 0, []
    for row, tasks in gold_plans():
        for t in tasks:
            for p in gold_specs()[t.tool].params:
                value = t.args.get(p.name)
                if p.role != "message" and p.name in WRITTEN_TEXT and isinstance(value, str):
                    checked += 1
                    if unsaid_text(value, word_set(row["query"])):
                        unsaid.append((row["query"], value))
    assert checked > 500
    assert unsaid == []


def test_python_code_that_does_not_compile_is_refused_before_it_runs(specs):
    with pytest.raises(PlanError, match="Step 2: code is not Python that runs: 'while True"):
        run('1. run_python(code="print(15 / 100 * 2340)")\n2. run_python(code="while True\\n{x} = {of}")\n3. join()',
            "What's 15% of 2,340 and what's left after taking that off?", specs)
    run('1. run_python(code="x = 2340 * 0.15\\nprint(x, 2340 - x)")\n2. join()',
        "What's 15% of 2,340 and what's left after taking that off?", specs)


def test_no_gold_python_code_fails_to_compile():
    from tests.gold import gold_plans
    from tinyagent.nodes.rules.checks import compiles

    codes = [t.args["code"] for _, tasks in gold_plans() for t in tasks if t.tool == "run_python"]
    assert len(codes) > 200
    assert [c for c in codes if not compiles(c)] == []


def test_text_to_save_may_come_from_an_earlier_answer(specs):
    """ "save that in a note" after the agent answered: the note holds the answer's words."""
    context = "User: when do my Lisbon flights leave?\nAssistant: TP 1234 leaves on Monday at 07:40."
    check_plan(compile_plan('1. create_note(name="Flights", content="TP 1234 leaves on Monday at 07:40")\n2. join()',
                            specs), specs, "save that in a note called Flights", context)
    with pytest.raises(PlanError, match="content is 'Compass'"):
        check_plan(compile_plan('1. create_note(name="Flights", content="Compass")\n2. join()', specs), specs,
                   "save that in a note called Flights", context)


def _first_plans(tmp_path, monkeypatch, shown):
    """``first_plan(request or messages, off="")`` -> (the planner's prompt, its token refuser) for a graph over
    the default tools whose retrieval shows only ``shown`` and whose model answers ``join()``."""
    from langchain_core.language_models.fake import FakeListLLM

    import tinyagent.nodes.plan as plan_node
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.store.tool_index import Retrieved
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    class Shows:
        def retrieve(self, query, available, max_tools=5, n_examples=1, k_examples=4, match_above=0.0):
            return Retrieved(list(shown), [], {}, reading=query)

    seen = []
    real = plan_node.complete

    def spy(llm, messages, *args, **kwargs):
        seen.append((" ".join(str(m["content"]) for m in messages), kwargs.get("refuse")))
        return real(llm, messages, *args, **kwargs)
    monkeypatch.setattr(plan_node, "complete", spy)
    tools = default_tools(init_workspace(tmp_path / "ws"), ToolConfig())

    def first_plan(request, off=""):
        g = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "d", lora_path=None),
                        llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 3), index=Shows())
        seen.clear()
        messages = [("human", request)] if isinstance(request, str) else request
        g.invoke({"messages": messages}, context={"dry_run": True, "rules_off": off})
        return seen[0]
    return first_plan


def test_a_question_about_a_named_document_must_search_it(tmp_path, monkeypatch):
    """"what am i doing on tuesday in lisbon according to the itinerary" was planned as join(): the
    document search is shown even where retrieval missed it, and join() is refused until it has a step;
    a request that names no document is left alone, and the rule switches off by name."""
    first_plan = _first_plans(tmp_path, monkeypatch, ["create_calendar_event", "maps_show_directions"])
    prompt, refuse = first_plan("what am i doing on tuesday in lisbon according to the itinerary")
    assert "search_documents(" in prompt
    assert refuse is not None and refuse("1. ", "join") and not refuse("1. ", "search")
    assert not refuse('1. search_documents(question="itinerary tuesday")\n2. ', "join")
    # (served_not_empty and named_not_empty would hold the empty plan back too, and documents_know, which finds the
    # itinerary's passage, would require the search: they are switched off with it)
    _, refuse = first_plan("what am i doing on tuesday in lisbon according to the itinerary",
                           off="search_named_first,served_not_empty,documents_know,named_not_empty")
    assert refuse is None or not refuse("1. ", "join")
    prompt, refuse = first_plan("put the lisbon trip in my calendar for tuesday", off="served_not_empty")
    assert "search_documents(" not in prompt and (refuse is None or not refuse("1. ", "join"))


def test_the_tool_the_opening_verb_names_must_be_called(tmp_path, monkeypatch):
    """"Forward the firmware release notes from Marcus to Yuki pls" was planned as a note: a first request
    that opens with forward, reply, text, remind, summarize or invite calls that tool before join()."""
    first_plan = _first_plans(tmp_path, monkeypatch, ["append_note_content", "get_email_address"])
    note = '1. append_note_content(name="Firmware release notes", content="Marcus")\n2. '
    prompt, refuse = first_plan("Forward the firmware release notes from Marcus to Yuki pls")
    assert "forward_email(" in prompt and refuse(note, "join") and refuse("1. ", "join")
    assert not refuse('1. get_email_address(name="Yuki")\n2. forward_email(recipients=["$1"])\n3. ', "join")
    _, refuse = first_plan("Forward the firmware release notes from Marcus to Yuki pls", off="verb_tool_first")
    assert refuse is None or not refuse(note, "join")
    prompt, refuse = first_plan("add the firmware release to my notes")  # no such verb: nothing required
    assert "forward_email(" not in prompt and (refuse is None or not refuse(note, "join"))
    # a follow-up too: "text her too, say it's in her inbox" looked Nina up and ended
    prompt, refuse = first_plan([("human", "send nina the team handbook pls"), ("ai", "Saved email 'Team handbook' to Nina."),
                                 ("human", "text her too, say it's in her inbox")])
    assert "send_sms(" in prompt and refuse('1. get_phone_number(name="nina")\n2. ', "join")
    # a verb that opens a question asks it: "remind me what time my flight is" sets no reminder
    prompt, refuse = first_plan("remind me what time my flight is")
    assert "create_reminder(" not in prompt and (refuse is None or not refuse(note, "join"))


def _ruled(plan: str, query: str, specs):
    """The plan through every plan rule (the refusals of nodes/rules/refusals.py among them)."""
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    return run_rules(compile_plan(plan, specs), Facts(specs, query))


def test_code_that_reads_a_name_it_never_sets_is_refused_with_the_requests_numbers(specs):
    """"I owe Lucas 480 EUR and Omar 1,250 EUR - how much is that altogether?" ran ``print(round((Lucas * 480 / 2)
    / 1, 2))`` and answered with a NameError: the replanner is told to write the numbers (rule refuse_unset_names)."""
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    query = "I owe Lucas 480 EUR and Omar 1,250 EUR - how much is that altogether?"
    bad = '1. run_python(code="print(round((Lucas * 480 / 2) / 1, 2))")\n2. join()'
    with pytest.raises(PlanError, match=r"uses Lucas, which it never sets.*\(480, 1250\)"):
        _ruled(bad, query, specs)
    run_rules(compile_plan(bad, specs), Facts(specs, query), off=("refuse_unset_names",))  # switched off
    _ruled('1. run_python(code="print(480 + 1250)")\n2. join()', query, specs)
    _ruled('1. run_python(code="import math\\nx = 3\\nprint(math.sqrt(x), [i for i in range(x)])")\n2. join()',
           "square root of 3 and the numbers below 3", specs)


def test_a_title_that_is_only_the_persons_thanks_is_refused(specs):
    """"thx. and put the offsite in my calendar, wednesday next week, all day" made an event 'Thx'."""
    query = "thx. and put the offsite in my calendar, wednesday next week, all day"
    # what the request puts in the calendar is the title (rule title_from_request) ...
    assert _ruled('1. create_calendar_event(title="Thx", start_date="wednesday next week, all day")\n2. join()', query,
                  specs)[0].args["title"] == "Offsite"
    # ... and where it names none, the plan is refused
    with pytest.raises(PlanError, match="title is 'Thx', the person's thanks or a filler word"):
        _ruled('1. create_calendar_event(title="Thx", start_date="wednesday next week, all day")\n2. join()',
               "thx. and wednesday next week, all day", specs)
    _ruled('1. create_calendar_event(title="Offsite", start_date="wednesday next week, all day")\n2. join()', query, specs)
    # an email's subject may be thanks, and a contact looked up may be "me"
    _ruled('1. get_email_address(name="Rupert")\n2. compose_new_email(recipients=["$1"], subject="Thank you", '
           'context="Thank you for the lovely card.")\n3. join()', "email rupert thank you for the lovely card", specs)


def test_the_refusals_leave_a_result_with_a_full_stop_and_a_forgotten_import_alone(specs):
    """refuse_broken_text lost plans on the blind set where it acted, refuse_unset_names one: a text that is a
    step's result with a full stop ("$1.") is that result, and code that forgot ``import math`` reads no word
    of the request as a variable."""
    _ruled('1. search_documents(query="wifi password")\n2. get_phone_number(name="Ana")\n'
           '3. send_sms(recipients=["$2"], message="$1.")\n4. join()', "text Ana the wifi password from my docs", specs)
    _ruled('1. run_python(code="print(math.sqrt(2))")\n2. join()', "square root of 2", specs)


def test_code_that_imports_everything_from_a_module_sets_its_names(specs):
    """``from math import *`` sets sqrt: refuse_unset_names does not refuse it."""
    _ruled('1. run_python(code="from math import *\\nprint(sqrt(2))")\n2. join()', "square root of 2", specs)


def test_a_note_opened_by_its_name_thanks_is_not_refused(specs):
    """refuse_thanks_title refuses a thing the plan makes named "Thx", not opening the note the person has named
    "Thanks"."""
    _ruled('1. open_note(name="Thanks")\n2. join()', "open my thanks note", specs)


def test_a_call_set_up_at_a_time_is_not_only_an_email(specs):
    """The seventeenth session's trial: "Could you please set up a 30 minute call with Elena Rossi and Yuki Tanaka on
    Wednesday at 3pm about the sensor pilot? Thanks!" made an email draft "Thanks for coming" and no event."""
    query = ("Could you please set up a 30 minute call with Elena Rossi and Yuki Tanaka on Wednesday at 3pm about the "
             "sensor pilot? Thanks!")
    email = ('1. get_email_address(name="Elena Rossi")\n2. get_email_address(name="Yuki Tanaka")\n'
             '3. compose_new_email(recipients=["$1", "$2"], subject="Sensor pilot", context="Thanks for coming")\n4. join()')
    from tinyagent.nodes.rules.pipeline import Facts, run_rules

    # the twenty-fourth session's meeting_event_asked mends it: the event the request asks for, no email it never asks for
    mended = [t.line for t in _ruled(email, query, specs)]
    assert mended[2].startswith('3. create_calendar_event(title="Sensor pilot", start_date="Wednesday at 3pm", '
                                'invitees=["$1", "$2"]') and not any("compose_new_email" in x for x in mended)
    with pytest.raises(PlanError, match="sets up a call or meeting at a time.*create_calendar_event or get_zoom_meeting_link"):
        run_rules(compile_plan(email, specs), Facts(specs, query), off=("meeting_event_asked",))  # (the refusal behind it)
    _ruled('1. get_email_address(name="Elena Rossi")\n2. get_email_address(name="Yuki Tanaka")\n'
           '3. create_calendar_event(title="Sensor pilot", start_date="Wednesday at 3pm", invitees=["$1", "$2"])\n4. join()',
           query, specs)
    _ruled(email, "email Elena Rossi and Yuki Tanaka thanks for coming to the sensor pilot call", specs)  # no time: an email
