"""The training-data generator: deterministic, valid plans, unique requests, honest splits."""

from __future__ import annotations

import json
import re

import pytest

from tinyagent.finetune import data
from tinyagent.finetune.data_synth import TRAIN_TOOLS, UNSEEN_TOOLS
from tinyagent.nodes.plans.planlang import Task, compile_plan, format_plan

SPECS = {s.name: s for s in data.FALLBACK_SPECS}
SYNTH = {t.spec.name: t.spec for t in TRAIN_TOOLS + UNSEEN_TOOLS}


@pytest.fixture(scope="module")
def splits():
    out, dropped = data.generate(SPECS, n_train=40, n_val=40, n_test=40, n_unseen=40, seed=3)
    return out


def _dump(splits):
    return [json.dumps(data.record(ex, {**SPECS, **SYNTH}), sort_keys=True)
            for name in sorted(splits) for ex in splits[name]]


def test_generation_is_deterministic(splits):
    again, _ = data.generate(SPECS, n_train=40, n_val=40, n_test=40, n_unseen=40, seed=3)
    assert _dump(splits) == _dump(again)
    other, _ = data.generate(SPECS, n_train=40, n_val=40, n_test=40, n_unseen=40, seed=4)
    assert _dump(splits) != _dump(other)


def test_sizes_and_kinds(splits):
    assert {k: len(v) for k, v in splits.items()} == {"train": 40, "val": 40, "test": 40, "unseen": 40}
    assert {ex.kind for exs in splits.values() for ex in exs} == {"plan"}
    declines = [ex for ex in splits["train"] + splits["test"] if ex.decline]
    assert declines and all(ex.plan == "1. join()<END_OF_PLAN>" and not ex.tasks for ex in declines)


def test_plans_compile_and_gold_tools_are_shown(splits):
    all_specs = {**SPECS, **SYNTH}
    for exs in splits.values():
        for ex in exs:
            if ex.kind != "plan":
                continue
            tasks = compile_plan(ex.plan, all_specs)
            assert [(t.tool, t.args) for t in tasks] == [(t.tool, t.args) for t in ex.tasks]
            assert set(ex.tools) <= set(ex.shown)
            assert len(ex.shown) >= min(data.MAX_SHOWN, len(all_specs))
            assert ex.messages[-1] == {"role": "assistant", "content": ex.plan}
            assert ex.plan.endswith("join()<END_OF_PLAN>")
            # the prompt lists exactly the shown tools
            user = ex.messages[1]["content"]
            assert all(f"- {name}(" in user for name in ex.shown)
            assert f"Request: {ex.query}" in user


def test_date_arguments_copy_the_requests_words_and_resolve_to_the_gold_time(splits):
    from tinyagent.tools.date_phrases import find_phrases

    dated = [(ex, t) for exs in splits.values() for ex in exs for t in ex.tasks
             if t.tool in ("create_calendar_event", "create_reminder", "get_zoom_meeting_link")
             and {"start_date", "due_date", "start_time"} & set(t.args)]
    assert dated
    for ex, t in dated:
        for key in ("start_date", "due_date", "start_time", "end_date"):
            if key in t.args:
                assert t.args[key] in find_phrases(ex.query), (ex.query, t.args)
                assert not re.match(r"\d{4}-\d\d-\d\d", t.args[key]) or t.args[key] in ex.query


def test_no_request_in_two_splits(splits):
    seen = {}
    for name, exs in splits.items():
        for ex in exs:
            key = data.norm(ex.query)
            assert seen.setdefault(key, name) == name, ex.query


def test_unseen_tools_only_in_unseen_split(splits):
    unseen = {t.spec.name for t in UNSEEN_TOOLS}
    for name, exs in splits.items():
        for ex in exs:
            used = set(ex.tools) | set(ex.shown)
            if name == "unseen":
                assert used & unseen and not used & {t.spec.name for t in TRAIN_TOOLS}
                assert ex.unseen
            else:
                assert not used & unseen


def test_unseen_records_carry_their_specs(splits):
    ex = splits["unseen"][0]
    rec = data.record(ex, {**SPECS, **SYNTH})
    names = {s["name"] for s in rec["specs"]}
    assert set(ex.tools) - set(SPECS) <= names


def test_validator_drops_broken_plans():
    good = [Task(1, "get_email_address", {"name": "Sarah Lee"}),
            Task(2, "compose_new_email", {"recipients": ["$1"], "subject": "Hi"}, (1,))]
    unknown = [Task(1, "teleport", {"where": "Mars"})]
    forward = [Task(1, "compose_new_email", {"recipients": ["$2"]}, (2,)),
               Task(2, "get_email_address", {"name": "Sarah Lee"})]
    exs = [data.Example(f"q{i}", None, tasks, format_plan(tasks))
           for i, tasks in enumerate([good, unknown, forward])]
    kept, dropped = data.check_examples(exs, SPECS)
    assert [e.query for e in kept] == ["q0"] and dropped == 2
    # a plan whose text compiles to something other than its gold is dropped too
    wrong = data.Example("q3", None, good, format_plan(good[:1]))
    assert data.check_examples([wrong], SPECS) == ([], 1)


def test_relative_dates_resolve_against_today():
    import datetime as dt
    import random

    from tinyagent.finetune import data_vocab as V
    r = random.Random(0)
    today = dt.date(2026, 11, 25)  # a Wednesday
    for _ in range(200):
        text, day = V.date_phrase(r, today)
        assert day >= today
        if text == "tomorrow":
            assert day == dt.date(2026, 11, 26)
        if text.endswith("Friday"):
            assert day == dt.date(2026, 11, 27)


def test_real_tools_give_valid_data():
    specs = data.real_specs()
    if specs is None:
        pytest.skip("tools/ is not available")
    out, dropped = data.generate(specs, n_train=20, n_val=8, n_test=8, n_unseen=8, seed=1)
    assert dropped == 0
    all_specs = {**specs, **SYNTH}
    for ex in out["train"] + out["test"]:
        if ex.kind == "plan":
            assert data.check_plan(ex.plan, ex.tasks, all_specs)
            assert all(f"- {all_specs[n].signature()}" in ex.messages[1]["content"] for n in ex.shown)


def test_retriever_step_fits_a_classifier_the_index_can_load(tmp_path, capsys):
    """``python -m tinyagent.finetune retriever`` on freshly generated data writes a classifier for the
    default tools that picks the tools of the requests it was fitted on, and the embeddings of
    the solved examples it is given, keyed as the index looks them up."""
    import numpy as np

    from tinyagent.finetune import retriever
    from tinyagent.store.embeddings import get_embedder
    from tinyagent.store.tool_classifier import ToolClassifier

    specs = data.real_specs()
    if specs is None:
        pytest.skip("tools/ is not available")
    out, _ = data.generate(specs, n_train=120, n_val=20, n_test=4, n_unseen=4, seed=5)
    for split in ("train", "val"):
        data.write_jsonl(tmp_path / f"{split}.jsonl", [data.record(ex, {**specs, **SYNTH}) for ex in out[split]])
    examples = data.store_examples(out["train"], set(specs), n=30)
    data.write_jsonl(tmp_path / "examples.jsonl", examples)
    assert retriever.main(["--data", str(tmp_path), "--out", str(tmp_path / "clf.npz"), "--corpus", "",
                           "--examples", str(tmp_path / "examples.jsonl"),
                           "--example-vectors", str(tmp_path / "examples.npz")]) == 0
    printed = capsys.readouterr().out
    assert "val: every needed tool among the classifier's picks for" in printed
    assert "embeddings of 30 solved examples" in printed
    from tinyagent.store.tool_index import example_key, load_example_vectors
    vectors = load_example_vectors(tmp_path / "examples.npz")
    assert set(vectors) == {example_key(e["query"]) for e in examples}
    clf = ToolClassifier.load(tmp_path / "clf.npz")
    assert sorted(clf.names) == sorted(specs) and len(set(clf.digests)) == len(specs)
    rows = [r for r in retriever.plan_rows(tmp_path / "train.jsonl") if set(r["tools"]) <= set(specs)]
    hits = [set(r["tools"]) <= retriever.shown(clf, get_embedder(), r["query"]) for r in rows[:40]]
    assert np.mean(hits) > 0.8
    # the typo reader's words travel with it: targets the requests use, real words guarded
    assert "remind" in clf.spell_counts and clf.read("remnd me") == "remind me"
    assert all(clf.speller.correct_word(w) is None for w in clf.known_words[:200])
    assert retriever.main(["--data", str(tmp_path), "--out", str(tmp_path / "bare.npz"), "--no-spelling", "--corpus", "",
                           "--examples", str(tmp_path / "examples.jsonl"),
                           "--example-vectors", str(tmp_path / "examples2.npz")]) == 0
    assert ToolClassifier.load(tmp_path / "bare.npz").read("remnd me") == "remnd me"


def test_the_classifiers_extra_requests_misspell_and_ask_about_the_declines_topics():
    import random

    from tinyagent.finetune.data_classifier import ABOUT, classifier_rows, errands, misspelt
    from tinyagent.finetune.data_people import DECLINES

    r = random.Random(0)
    todo = errands(r)
    assert "book a flight to" in " ".join(todo) and not any("{" in t or t.startswith("what") for t in todo)
    assert len(todo) < len(DECLINES)  # questions and greetings are not errands
    text = "Remind me to send the quarterly invoice tomorrow"
    typos = [misspelt(text, random.Random(i)) for i in range(20)]
    assert all(len(t.split()) == len(text.split()) for t in typos) and sum(t != text for t in typos) >= 15
    rows = [{"query": text, "tools": ["create_reminder"]}] * 100
    extra = classifier_rows(rows, random.Random(1), n_about=200)
    copies, about = extra[:-200], extra[-200:]
    assert 30 < len(copies) < 70 and all(e["tools"] == ["create_reminder"] for e in copies)
    tools = {t for _, ts in ABOUT for t in ts}
    assert all(set(e["tools"]) <= tools and e["tools"] for e in about)
    assert sum(any(t.lower() in e["query"].lower() for t in todo) for e in about) > 100  # the rest misspelt


def test_fitted_with_the_extra_requests_a_reminder_about_a_declines_topic_is_a_reminder(tmp_path, capsys):
    """Declines are negatives for every tool: fitted on the generator's requests alone, a reminder
    about a decline's topic loses its tool; the extra requests keep it."""
    from tinyagent.finetune import retriever
    from tinyagent.store.embeddings import get_embedder
    from tinyagent.store.tool_classifier import ToolClassifier, request_texts

    specs = data.real_specs()
    if specs is None:
        pytest.skip("tools/ is not available")
    out, _ = data.generate(specs, n_train=400, n_val=10, n_test=4, n_unseen=4, seed=7)
    data.write_jsonl(tmp_path / "train.jsonl", [data.record(ex, {**specs, **SYNTH}) for ex in out["train"]])
    probs = {}
    for flags in ([], ["--no-augment"]):
        out_file = tmp_path / f"clf{len(flags)}.npz"
        assert retriever.main(["--data", str(tmp_path), "--out", str(out_file), "--about", "300", "--corpus", "",
                               "--examples", str(tmp_path / "none.jsonl"),
                               "--example-vectors", str(tmp_path / "none.npz"), *flags]) == 0
        clf = ToolClassifier.load(out_file)
        vec = get_embedder().embed(request_texts("remind me to switch off the kitchen lights tonight"))
        probs[len(flags)] = float(clf.probabilities(vec).max(axis=0)[clf.names.index("create_reminder")])
    assert probs[0] > 0.5 and probs[0] > probs[1] + 0.2, probs


def test_teacher_rewrites_keep_the_plans_literals_or_are_rejected():
    """A teacher's rewording replaces a request only if it keeps what the plan takes from it."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from tinyagent.finetune.teacher import make_rewriter

    out, _ = data.generate(SPECS, n_train=12, n_val=0, n_test=2, n_unseen=2, seed=7)
    plans = [ex for ex in out["train"] if ex.kind == "plan" and ex.tasks]
    originals = {id(ex): ex.query for ex in plans}

    class Teacher(FakeListChatModel):
        """Keeps every word but reorders the prefix, or drops the first literal (alternately)."""
        responses: list = ["unused"]
        calls: int = 0

        def invoke(self, prompt, *a, **k):
            query = prompt.split("Request: ", 1)[1]
            self.calls += 1
            if self.calls % 2:
                return super().invoke("x").model_copy(update={"content": f"Request: I'd like this: {query}"})
            ex = next(e for e in plans if e.query == query)
            literal = next(str(v) for t in ex.tasks for v in t.args.values()
                           if isinstance(v, str) and v and v.lower() in query.lower())
            return super().invoke("x").model_copy(update={"content": query.replace(literal, "someone")})

    teacher = Teacher()
    stats = make_rewriter(teacher, share=1.0)(plans)
    assert stats.asked == len(plans) == teacher.calls and stats.failed == 0
    assert stats.kept == (len(plans) + 1) // 2 and stats.kept + stats.rejected == len(plans)
    for ex in plans:
        if ex.query != originals[id(ex)]:
            assert ex.query == f"I'd like this: {originals[id(ex)]}"  # label stripped, literals kept
            assert data.check_plan(ex.plan, ex.tasks, {**SPECS, **SYNTH})  # the generator's plan, unchanged


def test_teacher_failure_keeps_the_original_and_share_is_checked():
    from tinyagent.finetune.teacher import make_rewriter

    class Down:
        def invoke(self, prompt):
            raise ConnectionError("endpoint down")

    out, _ = data.generate(SPECS, n_train=6, n_val=0, n_test=1, n_unseen=1, seed=2)
    plans = [ex for ex in out["train"] if ex.kind == "plan"]
    before = [ex.query for ex in plans]
    stats = make_rewriter(Down(), share=1.0)(plans)
    assert stats.failed == len(plans) and [ex.query for ex in plans] == before
    with pytest.raises(ValueError, match="between 0 and 1"):
        make_rewriter(Down(), share=1.5)


def test_teacher_that_cannot_load_says_what_to_do():
    from tinyagent.finetune.teacher import load_teacher

    with pytest.raises(SystemExit, match="(?s)cannot load the teacher 'nosuchprovider:model'.*install its package"):
        load_teacher("nosuchprovider:model")


def test_a_bigger_draw_excludes_the_shipped_held_out_splits(splits, tmp_path):
    """`generate --exclude-from finetune/data`: a new train draw never holds a request (or a near
    copy) of the test, val or unseen split the shipped figures are measured on."""
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for name in ("val", "test", "unseen"):
        data.write_jsonl(shipped / f"{name}.jsonl", [{"query": ex.query} for ex in splits[name]])
    held = data.split_queries(shipped)
    assert len(held) == 120
    keys = {k for q in held for k in (data.norm(q), data.near_key(q))}
    # the same seed draws the same requests first: without the exclusion they would come back
    plain, _ = data.generate(SPECS, n_train=200, n_val=0, n_test=0, n_unseen=0, seed=3)
    assert any(data.near_key(ex.query) in keys for ex in plain["train"])
    fresh, _ = data.generate(SPECS, n_train=200, n_val=0, n_test=0, n_unseen=0, seed=3, exclude=held)
    assert len(fresh["train"]) == 200
    assert not [ex.query for ex in fresh["train"] if data.norm(ex.query) in keys or data.near_key(ex.query) in keys]
    with pytest.raises(SystemExit, match="no val.jsonl"):
        data.split_queries(tmp_path / "nowhere")


def test_no_decline_is_a_near_copy_of_another_split():
    """Declines come from a small pool of topics: filler words alone must not make a test decline
    a 'new' request beside its train twin (at this size, 4 of 12 test declines were)."""
    out, _ = data.generate(SPECS, n_train=600, n_val=0, n_test=150, n_unseen=0, seed=3)
    keys = {name: {data.near_key(ex.query) for ex in exs if ex.decline} for name, exs in out.items()}
    assert len(keys["test"]) >= 10 and len(keys["train"]) >= 40
    assert not keys["train"] & keys["test"]
