"""finetune chat-rows: corpus requests become training rows whose prompt is the planner's own at run time."""

from __future__ import annotations

from tinyagent.finetune.chat_rows import build_rows, domain_source_rows, held_out
from tinyagent.finetune.corpus import CORPUS_DIR, corpus_files, plan_tools, read_rows, read_toolsets


def test_each_row_is_the_run_time_prompt_with_the_gold_plan_as_the_reply(tmp_path):
    row_files, set_files = corpus_files(CORPUS_DIR)
    rows = [r for p in row_files for r in read_rows(p)]
    single = next(r for r in rows if not r.get("history") and not r.get("toolset") and not r["decline"])
    followup = next(r for r in rows if r.get("history") and not r.get("toolset"))
    domain = next(r for r in rows if r.get("toolset") and not r["decline"])
    train, val = build_rows([single, followup, domain], read_toolsets(set_files), tmp_path, val_share=0.0)
    assert val == [] and [r["id"] for r in train] == [single["id"], followup["id"], domain["id"]]
    for rec, row in zip(train, [single, followup, domain]):
        system, user, reply = rec["messages"]
        assert (system["role"], user["role"], reply["role"]) == ("system", "user", "assistant")
        assert reply["content"] == row["plan"]
        assert user["content"].rstrip().endswith(f"Request: {row['query']}")
        tools = user["content"].split("\n\n")[0]
        assert all(f"- {t}(" in tools for t in plan_tools(row["plan"]) if t != "join")  # every tool it calls is shown
        examples = user["content"].split("Examples:", 1)[1] if "Examples:" in user["content"] else ""
        assert f"Request: {row['query']}\n" not in examples  # never its own solved plan (the bank holds the corpus)
    assert "Conversation so far:" in train[1]["messages"][1]["content"]
    assert followup["history"][0]["human"] in train[1]["messages"][1]["content"]


def test_the_validation_split_is_stable_by_id():
    ids = [f"t9-{i:04d}" for i in range(2000)]
    held = [i for i in ids if held_out(i, 0.05)]
    assert 60 <= len(held) <= 140 and held == [i for i in ids if held_out(i, 0.05)]


def test_the_other_domain_rows_are_the_corpus_and_the_read_development_sets_never_a_blind_or_unread_one():
    from tinyagent.finetune.corpus import EVAL_DIR
    from tinyagent.finetune.domains import DEV_DOMAIN_FILES

    rows, toolsets = domain_source_rows()
    assert rows and all(r.get("toolset") in toolsets for r in rows)
    ids = {r["id"] for r in rows}
    for path in DEV_DOMAIN_FILES:  # the read development sets are in
        assert {r["id"] for r in read_rows(path)} & ids
    blind = {r["id"] for p in EVAL_DIR.glob("blind*.jsonl") for r in read_rows(p)}
    unread = {r["id"] for p in EVAL_DIR.glob("dev*-domains.jsonl") if p not in DEV_DOMAIN_FILES for r in read_rows(p)}
    assert not ids & (blind | unread)
