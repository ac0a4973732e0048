"""retrieve: a real Chroma index on disk of tool cards and solved examples, with offline embeddings."""

import json

from langchain_core.tools import StructuredTool, tool

import tinyagent.store.tool_index as ti
from tinyagent.store.tool_index import ToolIndex, load_examples
from tinyagent.tools.specs import specs_for

EXAMPLES = [
    {"query": "Email Sarah the report", "tools": ["get_email_address", "compose_new_email"],
     "plan": '1. get_email_address(name="Sarah")\n2. compose_new_email(recipients=["$1"])\n3. join()'},
    {"query": "Text Tom that I'm late", "tools": ["get_phone_number", "send_sms"],
     "plan": '1. get_phone_number(name="Tom")\n2. send_sms(recipients=["$1"], message="late")\n3. join()'},
    {"query": "Remind me to pay rent on Friday", "tools": ["create_reminder"],
     "plan": '1. create_reminder(name="pay rent", due_date="2026-11-27 09:00:00")\n2. join()'},
]


def test_retrieves_the_needed_tools_and_nearest_example(tmp_path, tools_workspace):
    from tinyagent.tools import default_tools
    specs = specs_for(default_tools(tools_workspace))
    index = ToolIndex(tmp_path / "store")
    assert index.sync_tools(specs.values())["added"] == len(specs)
    index.sync_examples(EXAMPLES)
    found = index.retrieve("Send a text message to Ana saying I'm on my way", list(specs), max_tools=5)
    assert {"send_sms", "get_phone_number"} <= set(found.tools) and len(found.tools) == 5
    assert found.examples[0]["query"] == "Text Tom that I'm late"
    found = index.retrieve("Show me directions to the airport", list(specs), max_tools=3)
    assert "maps_show_directions" in found.tools
    # only the tools a graph has are ever shown
    found = index.retrieve("Email Bob", ["create_note", "open_note"], max_tools=5)
    assert set(found.tools) <= {"create_note", "open_note"} and found.examples == []


def test_new_tool_is_indexed_and_found_without_examples(tmp_path):
    @tool
    def convert_currency(amount: float, from_currency: str, to_currency: str) -> str:
        """Convert an amount of money from one currency to another."""
        return "ok"

    from tests.fakes import compose_new_email, get_email_address
    index = ToolIndex(tmp_path)
    index.sync_examples(EXAMPLES)
    tools = [get_email_address, compose_new_email]
    index.sync_tools(specs_for(tools).values())
    counts = index.sync_tools(specs_for([*tools, convert_currency]).values())
    assert counts == {"added": 1, "updated": 0, "unchanged": 2}
    found = index.retrieve("How much is 20 euros in dollars?", ["get_email_address", "compose_new_email",
                                                                 "convert_currency"], max_tools=1)
    assert found.tools == ["convert_currency"]


def test_changed_tool_is_reembedded_and_persisted(tmp_path):
    def make(description):
        return StructuredTool.from_function(func=lambda city: city, name="weather", description=description)

    index = ToolIndex(tmp_path)
    index.sync_tools(specs_for([make("Weather forecast for a city.")]).values())
    again = ToolIndex(tmp_path)  # a new process: the index on disk is reused, not rebuilt
    assert again.sync_tools(specs_for([make("Weather forecast for a city.")]).values())["unchanged"] == 1
    assert again.sync_tools(specs_for([make("Today's weather and rain risk.")]).values())["updated"] == 1


def test_index_from_another_version_is_rebuilt(tmp_path, monkeypatch):
    from tests.fakes import get_email_address
    ToolIndex(tmp_path).sync_tools(specs_for([get_email_address]).values())
    monkeypatch.setattr(ti, "INDEX_VERSION", "cards-v2-test")
    index = ToolIndex(tmp_path)
    assert index.sync_tools(specs_for([get_email_address]).values())["added"] == 1


def test_shipped_examples_compile_against_the_default_tools(tools_workspace):
    from tinyagent.nodes.plans.planlang import compile_plan
    from tinyagent.tools import default_tools
    specs = specs_for(default_tools(tools_workspace))
    examples = load_examples()
    assert len(examples) >= 100
    for ex in examples:
        tasks = compile_plan(ex["plan"], specs)
        assert sorted({t.tool for t in tasks}) == sorted(set(ex["tools"])), json.dumps(ex)


# -- the tool classifier (store/tool_classifier.py) --------------------------------------------
def test_clauses_split_a_request_into_its_asks():
    from tinyagent.store.tool_classifier import clauses
    assert clauses("Email Dana about the budget, text Leo that I'm late and then pull up the lease") == [
        "Email Dana about the budget", "text Leo that I'm late", "pull up the lease"]
    assert clauses("Remind me to call mom") == ["Remind me to call mom"]


def test_classifier_fit_separates_tools_and_round_trips(tmp_path):
    import numpy as np

    from tinyagent.store.tool_classifier import ToolClassifier
    rng = np.random.default_rng(0)
    centres = {"a": rng.normal(size=16), "b": rng.normal(size=16)}
    vecs, labels = [], []
    for _ in range(60):
        need = [t for t in ("a", "b") if rng.random() < 0.5] or ["a"]
        v = sum(centres[t] for t in need) + 0.3 * rng.normal(size=16)
        vecs.append(v / np.linalg.norm(v))
        labels.append(need + ["synthetic_tool"])  # a tool outside the fitted set is only a negative
    clf = ToolClassifier.fit(np.array(vecs), labels, {"a": "da", "b": "db"})
    assert clf.names == ["a", "b"]
    p = clf.probabilities(np.array(vecs))
    truth = np.array([[t in row for t in ("a", "b")] for row in labels])
    assert ((p >= 0.5) == truth).mean() > 0.95
    clf.save(tmp_path / "c.npz")
    again = ToolClassifier.load(tmp_path / "c.npz")
    assert again.names == ["a", "b"] and np.allclose(again.probabilities(np.array(vecs)), p)
    # it speaks only for tools whose card is unchanged since it was fitted
    assert again.known({"a": "da", "b": "changed"}) == {"a": 0}
    assert ToolClassifier.load(tmp_path / "missing.npz") is None


def test_a_usual_helper_of_a_sure_tool_is_shown_from_a_lower_probability():
    import numpy as np

    from tinyagent.store.tool_classifier import ToolClassifier
    # "phone" was needed by 9 of the 10 requests that needed "sms"; "note" never with "sms"
    together = np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.0], [0.0, 0.0, 1.0]], np.float32)
    clf = ToolClassifier(["sms", "phone", "note"], ["", "", ""], np.zeros((4, 3), np.float32),
                         np.zeros(3, np.float32), together)
    assert clf.sure(np.array([0.9, 0.3, 0.3])).tolist() == [True, True, False]
    assert clf.sure(np.array([0.9, 0.1, 0.3])).tolist() == [True, False, False]
    assert clf.sure(np.array([0.4, 0.3, 0.3])).tolist() == [False, False, False]
    assert clf.sure(np.array([0.9, 0.3, 0.3]), columns=[1, 2]).tolist() == [False, False, False]


def test_shipped_classifier_shows_every_tool_of_a_many_part_request(tmp_path, tools_workspace):
    from tinyagent.tools import default_tools
    specs = specs_for(default_tools(tools_workspace))
    query = ("Send Dennis Chen an email on the grant proposal to ask if the deadline can move to next "
             "week, message Henry Taylor: the package arrived, and also pull up the lab report file")
    need = {"get_email_address", "compose_new_email", "get_phone_number", "send_sms", "open_and_get_file_path"}
    index = ToolIndex(tmp_path / "store")
    assert index.classifier is not None, "store/tool_classifier.npz is shipped with the project"
    index.sync_tools(specs.values())
    index.sync_examples(load_examples())
    found = index.retrieve(query, list(specs), max_tools=5)
    assert need <= set(found.tools), found.tools
    assert set(found.probabilities) == set(specs)  # the classifier speaks for every default tool
    # a one-part request still gets the default number of tools, the sure one among them
    found = index.retrieve("Show me the way to the airport", list(specs), max_tools=5)
    assert len(found.tools) == 5 and "maps_show_directions" in found.tools


def test_a_request_typed_fast_reaches_its_tool(tmp_path, tools_workspace):
    """The shipped classifier reads typos as the words meant (store/spelling.py): as typed, the
    request looks like no tool and would be declined; read, it is a reminder."""
    from tinyagent.store.tool_classifier import request_texts
    from tinyagent.tools import default_tools

    specs = specs_for(default_tools(tools_workspace))
    index = ToolIndex(tmp_path / "store")
    index.sync_tools(specs.values())
    query = "remidn me abt yoga class sat mornin"
    clf = index.classifier
    assert clf.read(query) == "remind me abt yoga class sat morning"
    as_typed = clf.probabilities(index.embedder.embed(request_texts(query))).max(axis=0)
    assert as_typed.max() < 0.35  # below decline_below: without the reader, a decline
    found = index.retrieve(query, list(specs), max_tools=5)
    assert found.probabilities["create_reminder"] > 0.8 and found.sure == ["create_reminder"]
    # real words are not "corrected": "print" stays though "sprint" is one edit away
    assert clf.read("remind me to print the invoice") == "remind me to print the invoice"


def test_classifier_ignores_a_tool_whose_card_changed(tmp_path):
    @tool
    def send_sms(recipients: list[str], message: str) -> str:
        """Water the plants in the named rooms."""  # same name as a default tool, another job
        return "ok"

    from tests.fakes import get_email_address
    index = ToolIndex(tmp_path)
    index.sync_tools(specs_for([get_email_address, send_sms]).values())
    assert "send_sms" not in index.classifier.known(index._digests)
    found = index.retrieve("Text Leo that I'm running late", ["get_email_address", "send_sms"], max_tools=2)
    assert "send_sms" not in found.probabilities


def test_sure_tools_keep_the_shown_tools_the_classifier_cannot_judge(tmp_path, tools_workspace):
    @tool
    def schedule_delivery(address: str, date: str) -> str:
        """Arrange a parcel or grocery delivery to an address on a date."""
        return "ok"

    from tinyagent.tools import default_tools
    specs = specs_for([*default_tools(tools_workspace), schedule_delivery])
    index = ToolIndex(tmp_path / "store")
    index.sync_tools(specs.values())
    found = index.retrieve("Arrange a delivery to Balboa Park on Oct 20, and get directions from the "
                           "Getty Center to the office walking", list(specs), max_tools=5)
    assert {"schedule_delivery", "maps_show_directions"} <= set(found.tools)
    # the classifier is sure of the directions; the delivery tool is new to it, so it stays callable
    assert {"schedule_delivery", "maps_show_directions"} <= set(found.sure) <= set(found.tools)
    assert "schedule_delivery" not in found.probabilities


def test_a_request_for_new_tools_only_can_call_only_the_new_tools(tmp_path, tools_workspace):
    @tool
    def find_parking(location: str, time: str = "") -> str:
        """Find a parking spot near a place, optionally at a given time."""
        return "ok"

    @tool
    def rent_bike(location: str, minutes: int = 30) -> str:
        """Rent a bike at a station near a place."""
        return "ok"

    from tinyagent.tools import default_tools
    specs = specs_for([*default_tools(tools_workspace), find_parking, rent_bike])
    index = ToolIndex(tmp_path / "store")
    index.sync_tools(specs.values())
    found = index.retrieve("Where can I park at Millennium Park on Sunday at 14:15?", list(specs), max_tools=5)
    # the classifier needs none of the tools it knows here, so both new tools are shown, and only
    # they are callable; the known tools shown beside them are distractors
    assert {"find_parking", "rent_bike"} <= set(found.tools)
    assert set(found.sure) == {"find_parking", "rent_bike"}
    assert not any(found.probabilities[t] >= 0.5 for t in found.tools if t in found.probabilities)


def test_the_example_shown_has_the_tools_the_request_needs(tmp_path, tools_workspace):
    from tinyagent.tools import default_tools
    specs = specs_for(default_tools(tools_workspace))
    index = ToolIndex(tmp_path / "store")
    index.sync_tools(specs.values())
    index.sync_examples(load_examples())
    # a four-step request: the example shown solves another request with the same four tools, so
    # the planner sees the shape to copy (open -> summarize, look up -> email with $K)
    found = index.retrieve("Summarize my lease agreement and email the summary to Jose Ricci.",
                           list(specs), max_tools=5, n_examples=1)
    assert set(found.examples[0]["tools"]) == {"open_and_get_file_path", "summarize_pdf",
                                               "get_email_address", "compose_new_email"}
    found = index.retrieve("Text Kenji that I'm running late", list(specs), max_tools=5, n_examples=1)
    assert set(found.examples[0]["tools"]) == {"get_phone_number", "send_sms"}


def test_shipped_example_vectors_cover_the_shipped_examples_and_spare_the_embedder(tmp_path):
    import numpy as np

    examples = load_examples()
    vectors = ti.load_example_vectors()
    assert len(examples) >= 1000
    assert {ti.example_key(e["query"]) for e in examples} <= set(vectors), \
        "store/examples.npz is stale: run `python -m tinyagent.finetune retriever`"

    class Counting:
        def __init__(self, inner):
            self.inner, self.texts = inner, 0

        def embed(self, texts):
            self.texts += len(texts)
            return self.inner.embed(texts)

    emb = Counting(ti.ToolIndex(tmp_path / "a").embedder)
    index = ToolIndex(tmp_path / "b", embedder=emb)
    new = {"query": "Water the ferns on the balcony", "plan": "1. join()<END_OF_PLAN>", "tools": []}
    assert index.sync_examples(examples[:50] + [new])["added"] == 51
    assert emb.texts == 1  # only the example the shipped file does not cover was embedded
    # and a stored vector is the one the embedder gives (float16 keeps cosine within 1e-3)
    q = examples[0]["query"]
    a, b = vectors[ti.example_key(q)], emb.inner.embed([q])[0]
    assert float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)) > 0.999
    # a new bank replaces the old one: the examples no longer shipped are removed
    assert index.sync_examples(examples[40:60]) == {"added": 10, "updated": 0, "unchanged": 10, "removed": 41}
    assert index._cols["examples"].count() == 20


def test_example_vectors_of_another_index_version_are_ignored(tmp_path, monkeypatch):
    import numpy as np

    ti.save_example_vectors(["hello"], np.ones((1, 4)), tmp_path / "v.npz")
    assert set(ti.load_example_vectors(tmp_path / "v.npz")) == {ti.example_key("hello")}
    monkeypatch.setattr(ti, "INDEX_VERSION", "cards-v2+another-model")
    assert ti.load_example_vectors(tmp_path / "v.npz") == {}
    assert ti.load_example_vectors(tmp_path / "missing.npz") == {}


def test_a_tool_the_request_names_in_words_is_shown_and_callable(tmp_path, tools_workspace):
    """"open the Seoul trip note" spells out open_note: shown and callable whatever the similarity
    and the classifier say of it in a request of two asks."""
    from tinyagent.store.tool_matches import named_tools
    from tinyagent.tools import default_tools

    names = ["open_note", "create_note", "maps_open_location", "send_sms", "run_python", "lights"]
    assert named_tools("Open the Seoul trip note and show me Gyeongbokgung Palace on a map", names) == ["open_note"]
    assert named_tools("1. create notes for me 2. run it in python", names) == ["create_note", "run_python"]
    assert named_tools("turn on the lights", names) == []  # one word names nothing
    assert named_tools("send a text to Ana", names) == []  # "sms" is not said
    specs = specs_for(default_tools(tools_workspace))
    index = ToolIndex(tmp_path / "store")
    index.sync_tools(specs.values())
    found = index.retrieve("Open the Seoul trip note and show me Gyeongbokgung Palace on a map", list(specs),
                           max_tools=5)
    assert "open_note" in found.tools and "open_note" in found.sure and "maps_open_location" in found.tools


def test_a_decline_example_is_shown_only_to_a_graph_with_the_tools_it_was_declined_with(tmp_path, tools_workspace):
    """'move $200 to savings' is a decline for the assistant's tools, not for a banking app's: the
    corpus's declines made a custom tool set's planner write empty plans (47% of its dev rows)."""
    from tinyagent.tools import default_tools

    @tool
    def transfer_between_accounts(from_account: str, to_account: str, amount_cents: int) -> str:
        """Move money between the customer's own accounts."""
        return "ok"

    specs = specs_for(default_tools(tools_workspace))
    index = ToolIndex(tmp_path / "store")
    index.sync_tools([*specs.values(), *specs_for([transfer_between_accounts]).values()])
    decline = {"query": "transfer 200 from my savings to checking", "tools": [], "plan": "1. join()<END_OF_PLAN>",
               "scope": sorted(specs)}
    index.sync_examples([decline, *EXAMPLES])
    found = index.retrieve("move $200 from checking to savings", list(specs), max_tools=5, n_examples=4)
    assert decline["query"] in [e["query"] for e in found.examples]  # shown with the assistant's own tools
    found = index.retrieve("move $200 from checking to savings", ["transfer_between_accounts"], max_tools=5,
                           n_examples=4)
    assert decline["query"] not in [e["query"] for e in found.examples]
