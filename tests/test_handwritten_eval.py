"""The frozen hand-written evaluation set (finetune/eval/handwritten.jsonl) is well formed and unseen in training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tinyagent.nodes.plans.planlang import PlanError, compile_plan
from tinyagent.tools.specs import specs_for

ROOT = Path(__file__).resolve().parents[1]
EVAL_FILE = ROOT / "finetune" / "eval" / "handwritten.jsonl"
DATA_DIR = ROOT / "finetune" / "data"
EMPTY_PLAN = "1. join()<END_OF_PLAN>"
CATEGORIES = {"casual", "typo", "multi", "pronoun", "polite", "list", "dates", "helper", "question", "decline"}
KEYS = {"id", "query", "today", "plan", "category", "decline"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with EVAL_FILE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def specs(tmp_path_factory):
    """The default tool set's specs, as the planner and the compiler see them."""
    from tinyagent.tools import default_tools, init_workspace

    ws = init_workspace(tmp_path_factory.mktemp("ws") / "ws")
    return specs_for(default_tools(ws))


def test_size_and_fields(rows):
    tool_rows = [r for r in rows if not r["decline"]]
    declines = [r for r in rows if r["decline"]]
    assert len(tool_rows) >= 125, len(tool_rows)
    assert len(declines) >= 45, len(declines)
    for r in rows:
        assert set(r) == KEYS, r["id"]
        assert r["today"] == "2026-11-30", r["id"]
        assert r["category"] and set(r["category"]) <= CATEGORIES, r["id"]
        assert ("decline" in r["category"]) == r["decline"], r["id"]
        assert isinstance(r["query"], str) and r["query"].strip() == r["query"] and r["query"], r["id"]


def test_ids_and_queries_unique(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert ids == [f"hw-{i:03d}" for i in range(1, len(rows) + 1)]
    queries = [r["query"].casefold() for r in rows]
    dupes = {q for q in queries if queries.count(q) > 1}
    assert not dupes, dupes


def test_plans_compile(rows, specs):
    errors = []
    for r in rows:
        if r["decline"]:
            assert r["plan"] == EMPTY_PLAN, r["id"]
            continue
        assert r["plan"].endswith("join()<END_OF_PLAN>"), r["id"]
        try:
            tasks = compile_plan(r["plan"], specs)
        except PlanError as exc:
            errors.append(f"{r['id']}: {exc}")
            continue
        if not tasks:
            errors.append(f"{r['id']}: a tool row with an empty plan")
        for t in tasks:  # "$K" is a whole argument (or list item), never inside a text
            for v in t.args.values():
                for item in (v if isinstance(v, list) else [v]):
                    if isinstance(item, str) and "$" in item and item.strip() not in {f"${d}" for d in t.deps}:
                        errors.append(f"{r['id']} step {t.id}: reference inside text {item!r}")
    assert not errors, "\n".join(errors)


def test_never_in_training_data(rows):
    seen = set()
    for split in ("train", "val", "test", "unseen"):
        path = DATA_DIR / f"{split}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    seen.add(json.loads(line)["query"].strip().casefold())
    leaked = [r["id"] for r in rows if r["query"].strip().casefold() in seen]
    assert not leaked, leaked
