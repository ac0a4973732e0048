"""Which of your own tools a request needs (store/own_tools.py): the features, the fit, the finders of ids,
the shipped fit on tools it has never seen, and the first plan's grammar held to the likely tools."""

from __future__ import annotations

import json

import numpy as np
import pytest
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.tools import StructuredTool

from tinyagent.graph.graph import build_graph, open_index
from tinyagent.graph.settings import Settings
from tinyagent.store.embeddings import get_embedder
from tinyagent.store.own_tools import FEATURES, OWN_TOOLS_FILE, OwnToolFit, features, id_finders
from tinyagent.store.tool_classifier import request_texts
from tinyagent.store.tool_index import tool_card
from tinyagent.tools.specs import specs_for


def tool(name: str, description: str, schema: dict) -> StructuredTool:
    return StructuredTool.from_function(func=lambda **kw: f"{name} ok", name=name, description=description,
                                        args_schema=schema)


def obj(required: list[str], **props: str) -> dict:
    return {"type": "object", "required": required,
            "properties": {k: {"type": "string", "description": v} for k, v in props.items()}}


# an invoicing app a developer brings: none of it was in the corpus the fit learned from
FIND = tool("billing_find_customer", "Find a customer by name; returns its customer id.",
            obj(["name"], name="The customer's name."))
CREATE = tool("billing_create_invoice", "Create an invoice for a customer.",
              obj(["customer_id", "amount"], customer_id="The customer's id.", amount="The total, e.g. '300 EUR'."))
REFUND = tool("billing_refund_payment", "Refund a payment that a customer made.",
              obj(["payment_id"], payment_id="The payment's id."))
EXPORT = tool("billing_export_ledger", "Export the ledger of a year as a CSV spreadsheet.",
              obj(["year"], year="The year, e.g. '2026'."))
PAUSE = tool("billing_pause_subscription", "Pause a customer's monthly subscription.",
             obj(["customer_id"], customer_id="The customer's id."))
APP = [FIND, CREATE, REFUND, EXPORT, PAUSE]


def test_features_are_relative_to_the_other_tools():
    sims = np.array([[0.5, 0.2, 0.1],    # the whole request
                     [0.1, 0.6, 0.0],    # its first clause
                     [0.4, 0.3, 0.2]])   # its second
    f = dict(zip(FEATURES, features(sims).T))
    assert f["request"].tolist() == [0.5, 0.2, 0.1] and f["clause"].tolist() == [0.4, 0.6, 0.2]
    assert f["request_gap"].tolist() == pytest.approx([0.0, -0.3, -0.4])
    assert f["request_top"].tolist() == [1, 0, 0] and f["clause_top"].tolist() == [0, 1, 0]
    assert f["clauses_topped"].tolist() == [1, 1, 0]  # each clause's best tool
    one = features(np.array([[0.3, 0.7]]))  # a request of one clause: the clause is the request
    assert one[:, 0].tolist() == one[:, 1].tolist()


def test_the_fit_learns_which_tool_is_called_and_survives_a_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    samples = []
    for _ in range(300):  # the tool called is the one closest to the request, by a margin
        sims = rng.uniform(0.0, 0.3, size=(1, 5))
        used = rng.integers(5)
        sims[0, used] += 0.3
        samples.append((sims, [i == used for i in range(5)]))
    fit = OwnToolFit.fit(samples)
    p = fit.probabilities(np.array([[0.1, 0.55, 0.2, 0.15, 0.05]]))
    assert p.argmax() == 1 and p[1] > 0.8 and max(p[[0, 2, 3, 4]]) < 0.2
    fit.save(tmp_path / "fit.json")
    again = OwnToolFit.load(tmp_path / "fit.json")
    assert again is not None and np.allclose(again.probabilities(np.array([[0.1, 0.55, 0.2]])),
                                             fit.probabilities(np.array([[0.1, 0.55, 0.2]])))
    # a fit written for other features, or no file, is no fit (retrieval goes on without it)
    d = json.loads((tmp_path / "fit.json").read_text())
    (tmp_path / "old.json").write_text(json.dumps({**d, "features": d["features"][:-1]}))
    assert OwnToolFit.load(tmp_path / "old.json") is None and OwnToolFit.load(tmp_path / "none.json") is None


def test_the_finders_an_id_comes_from():
    params = {"billing_find_customer": ["name"], "billing_create_invoice": ["customer_id", "amount"],
              "billing_refund_payment": ["payment_id"], "billing_list_payments": ["customer_id"],
              "pm_search_tasks": ["query"], "pm_move_task": ["task_id", "column"], "get_status": ["id"]}
    assert id_finders(params, ["billing_create_invoice"]) == ["billing_find_customer"]
    assert id_finders(params, ["billing_refund_payment"]) == ["billing_list_payments"]
    assert id_finders(params, ["pm_move_task"]) == ["pm_search_tasks"]  # "tasks" names a task
    assert id_finders(params, ["billing_find_customer", "get_status"]) == []  # no X_id, or a bare "id"


def test_the_shipped_fit_finds_the_tools_of_an_app_it_has_never_seen():
    fit = OwnToolFit.load(OWN_TOOLS_FILE)
    assert fit is not None and fit.rows > 2000 and fit.tool_sets >= 95  # corpus and read development sets
    embed = get_embedder().embed
    specs = specs_for(APP)
    cards = embed([tool_card(s) for s in specs.values()])

    def likely(request: str) -> dict[str, float]:
        p = fit.probabilities(embed(request_texts(request)) @ cards.T)
        return dict(zip(specs, p.tolist()))
    p = likely("refund the payment pay_8812, it was charged twice")
    assert max(p, key=p.get) == "billing_refund_payment" and p["billing_refund_payment"] > 0.5
    assert p["billing_export_ledger"] < 0.1 and p["billing_pause_subscription"] < 0.1
    p = likely("export last year's ledger as a spreadsheet")
    assert max(p, key=p.get) == "billing_export_ledger" and p["billing_refund_payment"] < 0.1


def grammar_of(tmp_path, request: str, **settings) -> str:
    import tinyagent.nodes.plan as plan_node

    seen: list[str] = []
    real = plan_node.complete

    def spy(llm, messages, grammar, *args, **kwargs):
        seen.append(str(grammar))
        return real(llm, messages, grammar, *args, **kwargs)
    s = Settings(data_dir=tmp_path / "data", lora_path=None, **settings)
    mp = pytest.MonkeyPatch()
    mp.setattr(plan_node, "complete", spy)
    try:
        g = build_graph(tools=APP, settings=s, llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 3),
                        index=open_index(s))
        g.invoke({"messages": [{"role": "user", "content": request}]}, context={"dry_run": True})
    finally:
        mp.undo()
    return seen[0]


def test_the_first_plan_calls_only_the_likely_own_tools_and_the_finders_of_their_ids(tmp_path):
    grammar = grammar_of(tmp_path, "invoice Nordlys AB for 300 EUR")
    assert "billing_create_invoice" in grammar and "billing_find_customer" in grammar  # its customer_id
    assert "billing_export_ledger" not in grammar and "billing_refund_payment" not in grammar
    # off (own_focus_above=0, or the rule switched off): every shown tool stays callable
    off = grammar_of(tmp_path, "invoice Nordlys AB for 300 EUR", own_focus_above=0.0)
    assert "billing_export_ledger" in off and "billing_refund_payment" in off
    assert Settings().own_focus_above == 0.2


# a blood donation service (dev7-domains met these): a search of sites, a booking, a history
SITES = tool("find_donation_sites", "Find blood donation sites near a place; returns site ids.",
             obj(["near"], near="A place or postcode."))
BOOK = tool("book_donation", "Book a donation appointment at a site.",
            obj(["site_id", "day"], site_id="Site id from find_donation_sites.", day="The day as said.", time="The time."))
HISTORY = tool("donation_history", "Your past donations.", obj([]))


def test_the_tool_a_clause_opens_with_the_verb_of_must_be_called(tmp_path):
    """"book me at the closest place to Camden saturday 11am" was planned with the site search alone: the one tool of
    yours whose name opens with the verb a clause opens with is required in the first plan (rule verb_tool_first)."""
    from tinyagent.nodes.rules.opening import own_verb_tools

    names = ["find_donation_sites", "book_donation", "donation_history", "cancel_appointment"]
    assert own_verb_tools("book me at the closest place to Camden saturday 11am", names) == ["book_donation"]
    assert own_verb_tools("find a site near Leeds and book a donation for wednesday at 5", names) == ["book_donation"]
    assert own_verb_tools("pls cancel my appointment thursday", names) == ["cancel_appointment"]
    # a question, a noun, or a verb two tools open with (or none) names none
    assert own_verb_tools("how do i book a donation?", names) == []
    assert own_verb_tools("book of records", names) == []
    assert own_verb_tools("book me in", [*names, "book_parking"]) == []
    assert own_verb_tools("order me a dna test kit", names) == []

    s = Settings(data_dir=tmp_path / "data", lora_path=None)

    def required_verb(graph, text, messages=()):
        for update in graph.stream({"messages": [*messages, {"role": "user", "content": text}]},
                                   context={"dry_run": True}, stream_mode="updates"):
            if "retrieve" in update:
                return update["retrieve"]["required_verb"], update["retrieve"]["own_focus"]
    g = build_graph(tools=[SITES, BOOK, HISTORY], settings=s,
                    llm=FakeListLLM(responses=["1. join()<END_OF_PLAN>"] * 4), index=open_index(s))
    required, callable_ = required_verb(g, "book me at the closest place to Camden saturday 11am")
    assert required == ["book_donation"] and "book_donation" in callable_
    assert required_verb(g, "and saturday too", [{"role": "user", "content": "book me at Camden friday"},
                                                  {"role": "assistant", "content": "Booked."}])[0] == []  # a follow-up
