"""Fit the tool classifier of the retrieve node: ``python -m tinyagent.finetune retriever [--data D] [--out F]``.

Reads the planning requests of ``train.jsonl`` (the ``tools`` each needs), embeds them with the
same offline MiniLM the index uses, fits store.tool_classifier.ToolClassifier for the default
tools, and reports on the val split how often every needed tool would be shown. The requests are
read as retrieval reads them, typos corrected (store/spelling.py), and the words for that are
stored with the classifier: the train requests' words, and the real English words to leave as typed
(pyspellchecker's frequency list, from 200 uses, and MiniLM's whole words). It is also fitted
on extra requests made for it (finetune/data_classifier.py: misspelt copies, reminders and notes
about the declines' topics; finetune/data_asks.py: document questions and note appends;
``--no-augment`` leaves them out). It also writes
the embeddings of the shipped solved examples (store/examples.jsonl, train requests written by
``generate``) to store/examples.npz, so a new tool index does not embed them again. Beside the
classifier it fits how likely each tool is called twice or more (``ToolClassifier.fit_repeats``) on
the gold plans of the same single-turn requests, generated and corpus. A minute or two on a CPU; no torch.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

import numpy as np

from tinyagent.finetune.config import ROOT
from tinyagent.finetune.corpus import plan_tools
from tinyagent.finetune.data_asks import ask_rows
from tinyagent.finetune.data_classifier import classifier_rows
from tinyagent.store.spelling import Speller, count_words
from tinyagent.store.tool_classifier import CLASSIFIER_FILE, ToolClassifier, request_texts
from tinyagent.store.tool_index import (
    EXAMPLE_VECTORS_FILE,
    EXAMPLES_FILE,
    load_examples,
    save_example_vectors,
)


def plan_rows(path: Path) -> list[dict]:
    """The planning rows of a split; requests no tool serves stay in as negatives for every tool."""
    if not path.exists():
        raise SystemExit(f"{path} does not exist: run `python -m tinyagent.finetune generate` first")
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if r.get("kind") == "plan" and (r.get("tools") or r.get("decline"))]


def default_digests() -> dict[str, str]:
    """Card digest of every default tool (built over a throwaway workspace)."""
    from tinyagent.finetune.data import real_specs
    from tinyagent.store.tool_index import card_digest

    return {name: card_digest(spec) for name, spec in (real_specs() or {}).items()}


ENGLISH_MIN_USES = 200   # pyspellchecker counts below this hold typos themselves ("calender": 98)


def real_words(embedder) -> set[str]:
    """Lower-case words that are real English: pyspellchecker's list and MiniLM's whole words."""
    import gzip
    import importlib.resources
    import re

    try:
        resource = importlib.resources.files("spellchecker") / "resources" / "en.json.gz"
    except ModuleNotFoundError:
        raise SystemExit("`finetune retriever` needs pyspellchecker (pip install -e '.[finetune]')") from None
    with resource.open("rb") as f:
        english = json.loads(gzip.decompress(f.read()))
    words = {w for w, n in english.items() if n >= ENGLISH_MIN_USES and w.isalpha() and w.isascii()}
    return words | {w for w in embedder.tokenizer.get_vocab() if re.fullmatch(r"[a-z]+", w)}


def guarded_words(spell: dict[str, int], known: set[str]) -> list[str]:
    """The real words the typo reader must be told to leave alone: those it would otherwise turn
    into a target ("print" -> "sprint"). Any other word is left as typed anyway, so the classifier
    file stores these few thousand, not the whole list (and the agent holds no more in memory)."""
    bare = Speller(spell)
    return sorted(w for w in known - set(spell) if bare.correct_word(w) is not None)


def shown(clf: ToolClassifier, embedder, query: str, max_tools: int = 5) -> set[str]:
    """The tools the classifier alone puts in front of the planner (its sure ones, else its top)."""
    from tinyagent.store.tool_index import EXTRA_SURE

    p = clf.probabilities(embedder.embed(request_texts(clf.read(query)))).max(axis=0)
    order = sorted(range(len(clf.names)), key=lambda i: -p[i])
    is_sure = clf.sure(p)
    sure = [clf.names[i] for i in order if is_sure[i]][:max_tools + EXTRA_SURE]
    return set(sure or [clf.names[order[0]]])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tinyagent.finetune retriever", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "finetune" / "data", help="folder with train/val.jsonl")
    ap.add_argument("--out", type=Path, default=CLASSIFIER_FILE, help=f"default {CLASSIFIER_FILE}")
    ap.add_argument("--examples", type=Path, default=EXAMPLES_FILE, help="solved examples to embed")
    ap.add_argument("--example-vectors", type=Path, default=EXAMPLE_VECTORS_FILE,
                    help=f"where their embeddings go (default {EXAMPLE_VECTORS_FILE})")
    ap.add_argument("--corpus", type=Path, default=ROOT / "finetune" / "corpus",
                    help="teacher-written rows (finetune/corpus/) fitted beside the generated ones; '' for none")
    ap.add_argument("--corpus-weight", type=int, default=3,
                    help="each corpus row counts this many times (a request in people's words is worth more)")
    ap.add_argument("--bank", choices=["corpus", "file"], default=None,
                    help="the solved-example bank: 'corpus' writes the corpus's single-turn rows to --examples, "
                         "'file' embeds the --examples file as it is (default: corpus for the shipped "
                         "store/examples.jsonl, file for any other --examples)")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--no-augment", action="store_true",
                    help="fit on the train requests alone, without the extra requests of data_classifier.py")
    ap.add_argument("--about", type=int, default=1500, help="extra asks about the declines' topics (default 1500)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the extra requests")
    ap.add_argument("--no-spelling", action="store_true",
                    help="no typo reader: requests are embedded as typed (store/spelling.py)")
    args = ap.parse_args(argv)

    from tinyagent.store.embeddings import get_embedder

    train = plan_rows(args.data / "train.jsonl")
    corpus = []
    if str(args.corpus) not in ("", ".") and args.corpus.exists():
        from tinyagent.finetune.corpus import corpus_near_duplicates, corpus_rows

        corpus = corpus_rows(args.corpus, exclude=corpus_near_duplicates(args.corpus))
        print(f"{len(corpus)} corpus rows (x{args.corpus_weight})", file=sys.stderr)
    train = train + [{"query": r["query"], "tools": r["tools"], "plan": "" if r.get("history") else r["plan"]}
                     for r in corpus] * max(1, args.corpus_weight)
    embedder = get_embedder()
    digests = default_digests()
    # the typo reader: targets are the requests' frequent words that are real words (Speller keeps those)
    speller = None if args.no_spelling else Speller(count_words(r["query"] for r in train), real_words(embedder))
    spell = speller.counts if speller else {}
    read = speller.correct if spell else (lambda q: q)
    print(f"embedding {len(train)} training requests ...", file=sys.stderr)
    vectors = embedder.embed([read(r["query"]) for r in train])
    r = random.Random(args.seed)
    # misspelt copies and asks about the declines' topics, then document questions and note appends
    extra = [] if args.no_augment else classifier_rows(train, r, n_about=args.about) + ask_rows(r)
    if extra:
        print(f"embedding {len(extra)} extra requests for the classifier ...", file=sys.stderr)
        fit_vectors = np.concatenate([vectors, embedder.embed([read(e["query"]) for e in extra])])
    else:
        fit_vectors = vectors
    clf = ToolClassifier.fit(fit_vectors, [r["tools"] for r in train] + [e["tools"] for e in extra], digests,
                             l2=args.l2, steps=args.steps, spell_counts=spell,
                             known_words=guarded_words(spell, speller.known) if spell else [])
    # how many times each gold plan calls each tool (single-turn rows: a follow-up's count needs its context)
    counted = [i for i, r in enumerate(train) if r.get("plan")]
    clf.fit_repeats(vectors[counted], [Counter(plan_tools(train[i]["plan"])) for i in counted], steps=args.steps)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.out)
    print(f"wrote {args.out}: {len(clf.names)} tools, fitted on {len(train)} requests and {len(extra)} extra; "
          f"typo reader: {len(spell)} target words, {len(clf.known_words)} more real words")
    bank_from = args.bank or ("corpus" if args.examples == EXAMPLES_FILE else "file")
    if bank_from == "corpus" and corpus:
        from tinyagent.finetune.corpus import bank_rows

        bank = bank_rows(corpus, scope=list(digests))
        with args.examples.open("w", encoding="utf-8") as f:
            for e in bank:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
        print(f"wrote {args.examples}: {len(bank)} solved examples from the corpus")
    examples = load_examples(args.examples)
    if examples:
        queries = [e["query"] for e in examples]  # as written: the index embeds them so too
        save_example_vectors(queries, embedder.embed(queries), args.example_vectors)
        print(f"wrote {args.example_vectors}: embeddings of {len(queries)} solved examples")
    val_path = args.data / "val.jsonl"
    if val_path.exists():
        rows = [r for r in plan_rows(val_path) if r["tools"] and set(r["tools"]) <= set(digests)]
        hits = sum(set(r["tools"]) <= shown(clf, embedder, r["query"]) for r in rows)
        print(f"val: every needed tool among the classifier's picks for {hits}/{len(rows)} requests")
        p2 = [clf.repeats(embedder.embed(request_texts(q)), q, embedder.embed) for q in (clf.read(r["query"]) for r in rows)]
        right = sum((p2[k][clf.names.index(t)] >= 0.5) == (n >= 2) for k, r in enumerate(rows)
                    for t, n in Counter(plan_tools(r["plan"])).items() if t in clf.names)
        calls = sum(len(set(plan_tools(r["plan"])) & set(clf.names)) for r in rows)
        print(f"val: once or more than once right for {right}/{calls} called tools")
    return 0


if __name__ == "__main__":
    sys.exit(main())
