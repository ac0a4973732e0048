"""``python -m tinyagent.finetune chat-rows``: the corpus's requests as training rows, each prompt the one the planner sees at run time."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any, Sequence

from tinyagent.finetune.corpus import CORPUS_DIR, corpus_files, plan_tools, read_rows, read_toolsets
from tinyagent.finetune.evaluate import conversation, tool_from_json_schema

DEFAULT_OUT = Path(__file__).resolve().parent / "data-corpus"


def held_out(row_id: str, share: float) -> bool:
    """Whether a row goes to the validation file: a stable hash of its id, so every run splits alike."""
    return int(hashlib.sha256(row_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


class Prompter:
    """Builds the planner's prompt for a row as the graph would: the tools retrieval shows (plus any tool
    the gold plan calls that it missed, as the generator's rows always show the needed ones), the
    solved example retrieval picks other than the row itself, today, and the earlier turns."""

    def __init__(self, toolsets: dict[str, dict], data_dir: Path):
        from tinyagent.graph.graph import open_index
        from tinyagent.graph.settings import Settings

        # one example more than shown, so the row's own (the bank holds the corpus) can be left out
        self.settings = Settings(data_dir=data_dir, lora_path=None)
        self.shown_examples = self.settings.n_examples
        self.settings = self.settings.model_copy(update={"n_examples": self.shown_examples + 1})
        self.index = open_index(self.settings)
        self.toolsets = toolsets
        self.graphs: dict[str, Any] = {}

    def resources(self, toolset: str | None):
        """The resources of the graph of a row's tool set (the default tools for None), built once."""
        from tinyagent.graph.graph import build_graph, default_tools

        key = toolset or ""
        if key not in self.graphs:
            tools = ([tool_from_json_schema(t) for t in self.toolsets[toolset]["tools"]] if toolset
                     else default_tools(self.settings))
            self.graphs[key] = build_graph(tools=tools, settings=self.settings, llm=object(), index=self.index)
        return self.graphs[key].resources

    def messages(self, row: dict) -> list[dict[str, str]]:
        import datetime as dt

        from langchain_core.messages import AIMessage, HumanMessage

        from tinyagent.nodes.plans.prompts import plan_messages
        from tinyagent.nodes.retrieve import retrieval, split_request

        res = self.resources(row.get("toolset"))
        turns = [HumanMessage(text) if role == "human" else AIMessage(text) for role, text in conversation(row)]
        query, context = split_request(turns)
        view = retrieval(res, query, self.settings.max_tools, context)
        shown = [n for n in view["tools"] if n in res.specs]
        shown += [n for n in plan_tools(row["plan"]) if n in res.specs and n not in shown]
        own = row["query"].casefold().strip()
        examples = [e for e in view["examples"] if e["query"].casefold().strip() != own][:self.shown_examples]
        messages = plan_messages(query, [res.specs[n] for n in shown],
                                 examples, today=dt.date.fromisoformat(row["today"]), context=context)
        return [*messages, {"role": "assistant", "content": row["plan"]}]


def build_rows(rows: Sequence[dict], toolsets: dict[str, dict], data_dir: Path, val_share: float = 0.05,
               progress=None) -> tuple[list[dict], list[dict]]:
    """(train rows, validation rows): each {"messages", "id", "query", "plan", "source"}."""
    prompter = Prompter(toolsets, data_dir)
    train, val = [], []
    for i, row in enumerate(rows, 1):
        rec = {"messages": prompter.messages(row), "id": row["id"], "query": row["query"], "plan": row["plan"],
               "source": "corpus", "kind": "plan", "decline": bool(row.get("decline"))}
        (val if held_out(row["id"], val_share) else train).append(rec)
        if progress and (i % 250 == 0 or i == len(rows)):
            progress(f"{i}/{len(rows)} rows")
    return train, val


def source_rows() -> tuple[list[dict], dict[str, dict]]:
    """(every corpus row, the corpus's tool sets)."""
    row_files, set_files = corpus_files(CORPUS_DIR)
    return [r for p in row_files for r in read_rows(p)], read_toolsets(set_files)


def domain_source_rows() -> tuple[list[dict], dict[str, dict]]:
    """(the rows over other domains' tool sets: the corpus's and the read development sets' (finetune/domains.py
    DEV_DOMAIN_FILES), none near a blind or development request; their tool sets)."""
    from tinyagent.finetune.corpus import corpus_near_duplicates
    from tinyagent.finetune.domains import dev_domain_rows

    rows, toolsets = source_rows()
    dev, dev_sets, dev_near = dev_domain_rows()
    near = corpus_near_duplicates(CORPUS_DIR) | dev_near
    return [r for r in rows + dev if r.get("toolset") and r["id"] not in near], {**toolsets, **dev_sets}


def write_jsonl(path: Path, rows: Sequence[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tinyagent.finetune chat-rows", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="folder for train.jsonl and val.jsonl, what `finetune train --data` reads")
    ap.add_argument("--val-share", type=float, default=0.05, help="share of rows for val.jsonl (by id)")
    ap.add_argument("--mix", type=Path, default=None,
                    help="a folder of generated rows (`finetune generate`'s train.jsonl) to add to the training file")
    ap.add_argument("--mix-rows", type=int, default=0, help="how many of those to add (0: all)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N corpus rows")
    ap.add_argument("--domains", action="store_true",
                    help="only the rows over other domains' tool sets: the corpus's and those of the development sets "
                         "of other domains already read (finetune/domains.py DEV_DOMAIN_FILES), none near a blind request")
    args = ap.parse_args(argv)
    rows, toolsets = domain_source_rows() if args.domains else source_rows()
    rows = rows[:args.limit]
    with tempfile.TemporaryDirectory(prefix="tinyagent-chat-rows-") as tmp:
        train, val = build_rows(rows, toolsets, Path(tmp), args.val_share,
                                progress=lambda text: print(text, file=sys.stderr))
    if args.mix:
        mixed = read_rows(args.mix / "train.jsonl")
        train += mixed[:args.mix_rows] if args.mix_rows else mixed
    write_jsonl(args.out / "train.jsonl", train)
    write_jsonl(args.out / "val.jsonl", val)
    print(f"wrote {len(train)} training rows and {len(val)} validation rows to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
