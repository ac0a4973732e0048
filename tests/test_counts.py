"""The count hold: a first plan is held to the tool counts the classifier is sure of (nodes/model/counts.py)."""

from __future__ import annotations

import re

import numpy as np

from tinyagent.nodes.model.counts import count_refuser

LOOKUP, EMAIL, NOTE, SMS = "get_email_address", "compose_new_email", "create_note", "send_sms"


def decode(wanted: list[str], refuse) -> str:
    """A scripted model under a ``refuse`` hook: it writes the ``wanted`` calls one per step, token by
    token (the step number, the tool's name in pieces, its arguments); where a token is refused, its
    next choice is ``join()``, as the small planner's is once a plan could end."""
    text = ""
    for n, call in enumerate(wanted + ["join()<END_OF_PLAN>"], 1):
        name, args = call.split("(", 1)
        pieces = [f"{n}.", " " + name[:4], *re.findall(r".{1,5}", name[4:]), "(" + args]
        line = ""
        for piece in pieces:
            if refuse is not None and refuse(text + line, piece):
                return text + f"{n}. join()<END_OF_PLAN>"
            line += piece
        text += line + ("\n" if name != "join" else "")
    return text


def tools_of(plan: str) -> list[str]:
    return re.findall(r"\d+\. (\w+)\(", plan)


SURE = {LOOKUP: [0.99, 0.02], EMAIL: [0.99, 0.01], NOTE: [0.03, 0.0], SMS: [0.02, 0.0]}
EXTRA = [f'{LOOKUP}(name="Ana")', f'{EMAIL}(recipients=["$1"], subject="Notes")']


def test_a_tool_needed_once_is_not_called_again_and_join_follows_the_predicted_calls():
    refuse = count_refuser(SURE, [LOOKUP, EMAIL, NOTE], 0.9)
    # a repeated email, and an invented note after the complete plan: both give way to join()
    assert tools_of(decode(EXTRA + [f'{EMAIL}(recipients=["$1"], subject="Notes")'], refuse)) == [LOOKUP, EMAIL, "join"]
    assert tools_of(decode(EXTRA + [f'{NOTE}(name="Notes", content="Ana")'], refuse)) == [LOOKUP, EMAIL, "join"]
    # the plan the request needs is written whole, in any order
    assert tools_of(decode(EXTRA, refuse)) == [LOOKUP, EMAIL, "join"]
    # before the predicted calls are written, an unlikely tool may still be called
    assert tools_of(decode([f'{NOTE}(name="Notes", content="Ana")'] + EXTRA, refuse)) == [NOTE, LOOKUP, EMAIL, "join"]


def test_where_the_classifier_is_unsure_nothing_changes():
    two_people = {**SURE, LOOKUP: [0.99, 0.5]}  # "email Ana and Bo": one look-up or two
    refuse = count_refuser(two_people, [LOOKUP, EMAIL], 0.9)
    plan = [f'{LOOKUP}(name="Ana")', f'{LOOKUP}(name="Bo")', f'{EMAIL}(recipients=["$1", "$2"])']
    assert tools_of(decode(plan, refuse)) == [LOOKUP, LOOKUP, EMAIL, "join"]
    maybe_note = {**SURE, NOTE: [0.5, 0.0]}  # a note that may be wanted: the plan may go on to it
    refuse = count_refuser(maybe_note, [LOOKUP, EMAIL, NOTE], 0.9)
    assert tools_of(decode(EXTRA + [f'{NOTE}(name="Notes", content="Ana")'], refuse)) == [LOOKUP, EMAIL, NOTE, "join"]
    # a callable tool the classifier cannot judge (your own): no forced end, only the counts it is sure of
    refuse = count_refuser(SURE, [LOOKUP, EMAIL, "lock_door"], 0.9)
    assert tools_of(decode(EXTRA + ['lock_door(door="front")'], refuse)) == [LOOKUP, EMAIL, "lock_door", "join"]
    assert tools_of(decode(EXTRA + [f'{EMAIL}(recipients=["$1"])'], refuse)) == [LOOKUP, EMAIL, "join"]
    # a tool the plan must call (a file to send along) keeps the plan open until it is called
    refuse = count_refuser({**SURE, "open_and_get_file_path": [0.05, 0.0]},
                           [LOOKUP, EMAIL, "open_and_get_file_path"], 0.9, must=["open_and_get_file_path"])
    plan = EXTRA + ['open_and_get_file_path(file_name="Q3 report")']
    assert tools_of(decode(plan, refuse)) == [LOOKUP, EMAIL, "open_and_get_file_path", "join"]
    # a looked-up person no step uses yet: the join hook asks for one more step, this one does not end the plan
    refuse = count_refuser({LOOKUP: [0.99, 0.01], SMS: [0.05, 0.0]}, [LOOKUP, SMS], 0.9, lookups=[LOOKUP])
    plan = [f'{LOOKUP}(name="Ana")', f'{SMS}(recipients=["$1"], message="Hi")']
    assert tools_of(decode(plan, refuse)) == [LOOKUP, SMS, "join"]
    # every callable tool unlikely: the plan is not ended before its first step (declining is retrieve's job)
    refuse = count_refuser({NOTE: [0.05, 0.0], SMS: [0.05, 0.0]}, [NOTE, SMS], 0.9)
    assert tools_of(decode([f'{NOTE}(name="Ana", content="Hi")', f'{SMS}(recipients=["Ana"])'], refuse)) == [NOTE, "join"]
    # nothing sure at all: no hook
    assert count_refuser({LOOKUP: [0.6, 0.3]}, [LOOKUP, "lock_door"], 0.9) is None
    assert count_refuser(SURE, [LOOKUP, EMAIL], 0.0) is None


def _graph_plan(tmp_path, monkeypatch, scripted: list[str], **settings) -> str:
    """The plan the graph makes for "email Ana the notes" when the model writes ``scripted`` (under
    the hooks the plan node hands the decoder) and the classifier is sure of one look-up and one email."""
    from langchain_core.language_models.fake import FakeListLLM

    import tinyagent.nodes.plan as plan_node
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.store.tool_index import Retrieved
    from tinyagent.tools import ToolConfig, default_tools, init_workspace

    class SureIndex:
        def retrieve(self, query, available, max_tools=5, n_examples=1, k_examples=4, match_above=0.0, prefer=()):
            probs = {n: SURE.get(n, [0.01, 0.0])[0] for n in available}
            repeats = {n: SURE.get(n, [0.01, 0.0])[1] / probs[n] for n in available}
            return Retrieved([LOOKUP, EMAIL, NOTE], [], {}, probs, [LOOKUP, EMAIL, NOTE], reading=query,
                             repeats=repeats)

    def fake_complete(llm, messages, grammar, max_tokens, temperature, on_token=None, refuse=None):
        text = decode(scripted, refuse)
        if on_token:
            on_token(text)
        return text, 100, 20
    monkeypatch.setattr(plan_node, "complete", fake_complete)
    tools = default_tools(init_workspace(tmp_path / "ws"), ToolConfig())
    g = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "d", lora_path=None, **settings),
                    llm=FakeListLLM(responses=["unused"]), index=SureIndex())
    out = g.invoke({"messages": [("human", "email Ana the notes")]}, context={"dry_run": True})
    return out["plans"][0]


def test_the_plan_node_holds_the_first_plan_and_the_setting_switches_it_off(tmp_path, monkeypatch):
    extra = EXTRA + [f'{NOTE}(name="Ana", content="Notes")']
    assert tools_of(_graph_plan(tmp_path, monkeypatch, extra, hold_counts_above=0.9)) == [LOOKUP, EMAIL, "join"]
    assert tools_of(_graph_plan(tmp_path, monkeypatch, extra, hold_counts_above=0.0)) == [LOOKUP, EMAIL, NOTE, "join"]


def test_repeats_are_fitted_on_the_gold_counts_and_kept_with_the_classifier(tmp_path):
    from tinyagent.store.tool_classifier import ToolClassifier

    rng = np.random.default_rng(0)
    one, two = rng.normal(size=8), rng.normal(size=8)
    vecs = np.array([v / np.linalg.norm(v) for v in [one, two] * 20])
    tools = [[LOOKUP, EMAIL]] * 40
    clf = ToolClassifier.fit(vecs, tools, {LOOKUP: "a", EMAIL: "b", NOTE: "c"}, steps=50)
    counts = [{LOOKUP: 1, EMAIL: 1}, {LOOKUP: 2, EMAIL: 1}] * 20
    clf.fit_repeats(vecs, counts, steps=300)
    p = np.array([clf.repeats(vecs[m:m + 1]) for m in (0, 1)])
    i, j, k = (clf.names.index(n) for n in (LOOKUP, EMAIL, NOTE))
    assert p[0, i] < 0.2 < 0.8 < p[1, i]           # one person, then two
    assert p[0, j] < 0.2 and p[1, j] < 0.2         # always one email
    assert abs(p[0, k] - 0.5) < 1e-6               # a tool no plan calls: unsure
    clf.save(tmp_path / "c.npz")
    again = ToolClassifier.load(tmp_path / "c.npz")
    assert np.allclose(again.repeats(vecs[:1]), p[0])
    # two clauses that each ask for the email: never sure of "once"
    assert clf.repeats(vecs[[0, 0, 0]])[j] >= 0.5 > clf.repeats(vecs[[0, 0]])[j]
