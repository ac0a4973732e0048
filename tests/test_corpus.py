"""The teacher corpus (finetune/corpus/): every gold plan compiles, it is as big as issue 30 asks, and no
request is a near duplicate of a blind or development request."""

from __future__ import annotations

import pytest

from tinyagent.finetune import corpus as C


@pytest.fixture(scope="module")
def rows():
    return [r for p in C.corpus_files()[0] for r in C.read_rows(p)]


@pytest.fixture(scope="module")
def toolsets():
    return C.read_toolsets(C.corpus_files()[1])


def test_every_gold_plan_compiles_and_every_row_is_well_formed(rows, toolsets):
    errors = C.check(rows, toolsets)
    assert errors == [], errors[:20]


def test_the_corpus_is_as_big_and_as_varied_as_asked(rows):
    card = C.card(rows)
    assert card["default_tools"] >= 3000 and card["other_domains"] >= 1500 and card["tool_sets"] >= 60
    assert 0.12 <= card["decline_share_default"] <= 0.18
    assert card["followups"] >= 300 and card["tags"]["which-email"] >= 100
    assert len(card["authors"]) >= 5 and len(card["voices"]) >= 10
    assert set(card["tools_default"]) >= {s for s in C.default_specs()}  # every default tool is in it


def test_no_corpus_request_is_a_near_duplicate_of_a_frozen_one(rows):
    assert C.near_duplicates(rows, C.frozen_rows()) == []


def test_the_overlap_measure_catches_a_copy_with_small_changes():
    frozen = [{"id": "bl-1", "query": "remind me to water the ferns on friday at noon"}]
    copy = [{"id": "c-1", "query": "pls remind me to water the ferns on friday at noon!"}]
    other = [{"id": "c-2", "query": "text my sister that the ferns need water"}]
    assert C.near_duplicates(copy, frozen) == [("c-1", "bl-1", 1.0)]
    assert C.near_duplicates(other, frozen) == []


def test_the_bank_keeps_single_turns_once_and_scopes_its_declines():
    rows = [{"query": "Text Sam hi", "plan": "p1", "tools": ["send_sms"]},
            {"query": "text sam hi", "plan": "p2", "tools": ["send_sms"]},  # the same request again
            {"query": "and her too", "plan": "p3", "tools": ["send_sms"], "history": [{}]},
            {"query": "order a pizza", "plan": "1. join()<END_OF_PLAN>", "tools": []}]
    bank = C.bank_rows(rows, scope=["send_sms", "create_note"])
    assert [b["query"] for b in bank] == ["Text Sam hi", "order a pizza"]
    assert "scope" not in bank[0] and bank[1]["scope"] == ["create_note", "send_sms"]


def test_corpus_rows_carry_the_tools_their_plan_calls(rows):
    out = C.corpus_rows()
    assert len(out) == sum(1 for r in rows if not r.get("toolset"))
    assert all(r["tools"] == [] for r in out if r["decline"])
    assert all(r["tools"] for r in out if not r["decline"])
