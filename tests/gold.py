"""The gold plans the rule tests check against: every plan row of the generated train, val, test and
unseen splits and of the frozen hand-written set, compiled with the row's own today."""

from __future__ import annotations

import json
from functools import cache
from typing import Iterator

from tinyagent.finetune import data
from tinyagent.nodes.plans.planlang import Task, compile_plan
from tinyagent.tools import clock
from tinyagent.tools.specs import ToolSpec


@cache
def gold_specs() -> dict[str, ToolSpec]:
    """The schemas of every tool the gold plans call (the agent's own and the generator's)."""
    return {**(data.real_specs() or {}), **{t.spec.name: t.spec for t in data.TRAIN_TOOLS + data.UNSEEN_TOOLS}}


def gold_plans() -> Iterator[tuple[dict, list[Task]]]:
    """(row, its compiled gold plan) for each plan row; yielded inside ``clock.use_today(row's today)``,
    so a rule that resolves dates sees the day the row was written for."""
    files = [data.ROOT / "finetune" / "data" / f"{s}.jsonl" for s in ("train", "val", "test", "unseen")]
    for path in [*files, data.ROOT / "finetune" / "eval" / "handwritten.jsonl"]:
        for line in path.open():
            row = json.loads(line)
            if row.get("kind", "plan") != "plan" or not row.get("plan"):
                continue
            with clock.use_today(row.get("today")):
                yield row, compile_plan(row["plan"], gold_specs())
