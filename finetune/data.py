"""Generate planner training data offline: ``python -m tinyagent.finetune generate``.

Requests are composed from intent templates (finetune/data_intents.py, data_synth.py) with gold
plans, made to look like people's typing (finetune/data_people.py: noise, lists, requests no tool
serves); date arguments copy the request's own words for the time (tools.date_phrases.find_phrases); every
plan is rendered with ``format_plan`` and checked with ``compile_plan`` against the tool specs;
prompts are built with the run-time ``plan_messages``.

Output: ``<out>/{train,val,test,unseen}.jsonl`` and ``store/examples.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from langchain_core.tools import ToolException

from tinyagent.finetune import data_intents as I
from tinyagent.finetune import data_people as P
from tinyagent.finetune import data_vocab as V
from tinyagent.finetune.data_synth import TRAIN_TOOLS, UNSEEN_TOOLS, spec_dict, synth_intent
from tinyagent.nodes.plans.planlang import PlanError, Task, compile_plan, format_plan
from tinyagent.nodes.plans.prompts import composed_example, plan_messages
from tinyagent.tools.date_phrases import find_phrases
from tinyagent.tools.dates import parse_end, parse_when
from tinyagent.tools.specs import Param, ToolSpec, specs_for

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "finetune" / "data"
STORE_EXAMPLES = ROOT / "store" / "examples.jsonl"
MAX_SHOWN = 5          # tools in a prompt (the run-time default of max_tools)
MAX_STEPS = 8
DECLINE_SHARE = 0.08   # share of requests no shown tool can serve (gold: the empty plan)
NOISE_SHARE = 0.45     # share of requests typed casually (typos, lower case, fillers, short forms)
SYNTH_SHARE = 0.2      # share of train plan examples that use a synthetic tool
ONLY_SYNTH_DECLINES = 0.4  # share of train declines shown only synthetic tools (none that fits)
COMPOSED_SHARE = 0.6   # of those, the share whose in-context example is composed from a tool schema
N_STORE = 1500
SYNTH_NAMES = {t.spec.name for t in TRAIN_TOOLS + UNSEEN_TOOLS}


# -- tool specs --------------------------------------------------------------------------------
def _p(name: str, type_: str = "string", required: bool = False, items: str = "any", role: str = "") -> Param:
    return Param(name, type_, required, items=items, role=role)


_L = dict(type_="array", items="string")
#: TinyAgent's tools, for developing without tools/; the real data uses tools.default_tools.
FALLBACK_SPECS = [
    ToolSpec("get_phone_number", "Find a contact's phone number.", (_p("name", required=True),)),
    ToolSpec("get_email_address", "Find a contact's email address.", (_p("name", required=True),)),
    ToolSpec("create_calendar_event", "Create a calendar event.", (
        _p("title", required=True), _p("start_date", required=True, role="when"), _p("end_date", role="when"),
        _p("location"), _p("invitees", **_L), _p("notes"), _p("calendar"))),
    ToolSpec("open_and_get_file_path", "Find a file by name and return its path.", (_p("file_name", required=True),)),
    ToolSpec("summarize_pdf", "Summarize a PDF file.", (_p("pdf_path", required=True),)),
    ToolSpec("compose_new_email", "Draft a new email.", (
        _p("recipients", required=True, **_L), _p("cc", **_L), _p("subject"), _p("context"),
        _p("attachments", **_L))),
    ToolSpec("reply_to_email", "Reply to the current email.", (
        _p("cc", **_L), _p("context"), _p("attachments", **_L))),
    ToolSpec("forward_email", "Forward the current email.", (
        _p("recipients", required=True, **_L), _p("cc", **_L), _p("context"), _p("attachments", **_L))),
    ToolSpec("maps_open_location", "Show a place on the map.", (_p("location", required=True),)),
    ToolSpec("maps_show_directions", "Show directions between two places.", (
        _p("start_location"), _p("end_location"), _p("transport"))),
    ToolSpec("create_note", "Create a note.", (_p("name", required=True), _p("content"), _p("folder"))),
    ToolSpec("open_note", "Open a note.", (_p("name", required=True), _p("folder"))),
    ToolSpec("append_note_content", "Append text to a note.", (
        _p("name", required=True), _p("content", required=True), _p("folder"))),
    ToolSpec("create_reminder", "Create a reminder.", (
        _p("name", required=True), _p("due_date", role="when"), _p("notes"), _p("list_name"),
        _p("priority", "integer"), _p("all_day", "boolean"))),
    ToolSpec("send_sms", "Send a text message.", (_p("recipients", required=True, **_L), _p("message", required=True))),
    ToolSpec("get_zoom_meeting_link", "Create a meeting and return its link.", (
        _p("topic", required=True), _p("start_time", required=True, role="when"), _p("duration", "integer"),
        _p("meeting_invitees", **_L))),
    ToolSpec("search_documents", "Search the user's documents.", (_p("query", required=True), _p("k", "integer"))),
    ToolSpec("run_python", "Run Python code and return what it prints.", (_p("code", required=True),)),
]


def real_specs() -> dict[str, ToolSpec] | None:
    """Specs of the project's tools (tools.default_tools on a temporary workspace), or None."""
    try:
        from tinyagent.tools import default_tools
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        try:
            from tinyagent.tools.workspace import init_workspace
            ws: Any = init_workspace(Path(tmp))
        except ImportError:
            ws = Path(tmp)
        try:
            from tinyagent.tools import ToolConfig
            tools = default_tools(ws, ToolConfig())
        except ImportError:
            tools = default_tools(ws)
        return specs_for(tools)


# -- one example -------------------------------------------------------------------------------
@dataclass
class Example:
    query: str
    today: Any
    tasks: list[Task]
    plan: str
    kind: str = "plan"
    split: str = "train"
    shown: list[str] = field(default_factory=list)
    unseen: bool = False
    decline: bool = False  # no shown tool can serve the request
    messages: list[dict] = field(default_factory=list)

    @property
    def tools(self) -> list[str]:
        return list(dict.fromkeys(t.tool for t in self.tasks))


CONNECT2 = ["{a} and {b}", "{a}, then {b}", "{a}. Also, {b}", "{a}, and also {b}", "first {a}, then {b}",
            "{a}; {b}", "{a} and then {b}", "{a}. After that, {b}"]
CONNECT3 = ["{a}, {b} and {c}", "{a}, then {b}, and {c}", "{a}. Then {b}. Also {c}", "{a}; {b}; and {c}",
            "first {a}, then {b}, and finally {c}", "{a}, {b}, and also {c}"]
CONNECT4 = ["{a}, {b}, {c} and {d}", "1) {a} 2) {b} 3) {c} 4) {d}", "{a}. {b}. {c}. And {d}",
            "- {a}\n- {b}\n- {c}\n- {d}"]
PREFIXES = ["please ", "can you ", "hey, ", "I need you to ", "could you ", "quick one: ", "pls "]


def compose(r: random.Random, today, intents: Sequence[Callable], weights: Sequence[float],
            must: Callable | None = None) -> tuple[str, list[tuple[str, dict]]]:
    """A request of 1-3 clauses and its gold steps (at most MAX_STEPS)."""
    while True:
        k = r.choices([1, 2, 3, 4], [0.5, 0.33, 0.12, 0.05])[0]
        chosen = [must] if must else []
        while len(chosen) < k:
            f = r.choices(intents, weights)[0]
            if f not in chosen:
                chosen.append(f)
        r.shuffle(chosen)
        g = I.Gen(r, today)
        clauses = []
        for i, f in enumerate(chosen):
            g.question = False
            clauses.append(f(g, i == len(chosen) - 1))
        if len(g.steps) <= MAX_STEPS:
            break
    if k == 1:
        text = clauses[0]
    elif k == 4:
        text = r.choice(CONNECT4).format(**dict(zip("abcd", clauses)))
    elif r.random() < 0.15:
        text = r.choice(P.LISTS2 if k == 2 else P.LISTS3).format(**dict(zip("abc", clauses)))
    else:
        text = r.choice(CONNECT2 if k == 2 else CONNECT3).format(**dict(zip("abc", clauses)))
    ask = g.question
    if r.random() < 0.18:
        prefix = r.choice(PREFIXES)
        ask = ask or prefix in ("can you ", "could you ")
        text = prefix + text
    end = "?" if ask else r.choices([".", "", "!"], [0.6, 0.33, 0.07])[0]
    text = text.rstrip(".") + end
    if r.random() < 0.88:
        text = I.cap(text)
    return re.sub(r"[ \t]+", " ", text).strip(), g.steps


def to_tasks(steps: list[tuple[str, dict]], specs: dict[str, ToolSpec]) -> list[Task]:
    """Gold tasks with arguments in each tool's parameter order (unknown names kept last)."""
    tasks = []
    for i, (tool, args) in enumerate(steps, 1):
        spec = specs.get(tool)
        order = list(spec.param_names) if spec else []
        ordered = {k: args[k] for k in order if k in args}
        ordered.update({k: v for k, v in args.items() if k not in ordered})
        deps = sorted({int(m) for v in ordered.values() for m in re.findall(r"\$(\d+)", json.dumps(v))})
        tasks.append(Task(i, tool, ordered, tuple(deps)))
    return tasks


def check_plan(plan: str, gold: list[Task], specs: dict[str, ToolSpec]) -> bool:
    """The plan compiles against ``specs`` and means exactly the gold tasks."""
    try:
        got = compile_plan(plan, specs)
    except PlanError:
        return False
    return [(t.tool, t.args) for t in got] == [(t.tool, t.args) for t in gold]


def norm(query: str) -> str:
    return " ".join(re.sub(r"[^\w$]+", " ", query.lower()).split())


def held_out_queries() -> list[str]:
    """The requests of the frozen hand-written evaluation set (finetune/eval/), never generated."""
    path = ROOT / "finetune" / "eval" / "handwritten.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["query"] for line in path.open(encoding="utf-8") if line.strip()]


def split_queries(data_dir: Path, splits: Sequence[str] = ("val", "test", "unseen")) -> list[str]:
    """The requests of a generated data dir's held-out splits."""
    paths = [Path(data_dir) / f"{name}.jsonl" for name in splits]
    if not any(p.exists() for p in paths):
        raise SystemExit(f"--exclude-from {data_dir}: no val.jsonl, test.jsonl or unseen.jsonl there")
    return [json.loads(line)["query"] for p in paths if p.exists()
            for line in p.open(encoding="utf-8") if line.strip()]


def near_key(query: str) -> str:
    """Requests that differ only in word order, filler words or punctuation share this key."""
    fill = {"please", "pls", "can", "you", "could", "hey", "the", "a", "and", "also", "then", "um", "ok", "so"}
    return "~" + " ".join(sorted(set(norm(query).split()) - fill))


def _reads(parse: Callable[[str], Any], phrase: str) -> Any:
    try:
        return parse(phrase)
    except ToolException:
        return None


# -- the generator -----------------------------------------------------------------------------
class Generator:
    """Draws examples for each split; keeps request texts unique across all splits."""

    def __init__(self, specs: dict[str, ToolSpec], seed: int = 0, exclude: Iterable[str] = ()):
        self.r = random.Random(seed)
        self.real = dict(specs)
        self.train_synth = {t.spec.name: t.spec for t in TRAIN_TOOLS}
        self.unseen_synth = {t.spec.name: t.spec for t in UNSEEN_TOOLS}
        self.all_specs = {**self.real, **self.train_synth, **self.unseen_synth}
        real_intents = [f for f in I.INTENTS if all_tools_known(f, self.real)]
        self.real_intents = (real_intents, [I.INTENTS[f] for f in real_intents])
        self.synth_train = [synth_intent(t) for t in TRAIN_TOOLS]
        self.synth_unseen = [synth_intent(t) for t in UNSEEN_TOOLS]
        # decontamination: nothing generated may match the frozen hand-written evaluation set
        # and ``exclude``: another draw's held-out requests (``--exclude-from``), e.g. the shipped splits
        self.seen: set[str] = {k for q in [*held_out_queries(), *exclude] for k in (norm(q), near_key(q))}
        self.dropped = 0
        self.dropped_dates = 0

    def draw(self, must: Callable | None = None, pool: tuple | None = None) -> Example | None:
        """One unique request with a gold plan that compiles, or None (duplicate or invalid)."""
        today = V.random_today(self.r)
        intents, weights = pool or self.real_intents
        query, steps = compose(self.r, today, intents, weights, must)
        if self.r.random() < NOISE_SHARE:
            query = P.add_noise(query, self.r, P.protected_words(steps, find_phrases(query)))
        key = norm(query)
        if key in self.seen or near_key(query) in self.seen:
            return None
        steps = self.words_for_times(query, today, steps)
        if steps is None:
            self.dropped_dates += 1
            return None
        tasks = to_tasks(steps, self.all_specs)
        plan = format_plan(tasks)
        if not check_plan(plan, tasks, self.all_specs):
            self.dropped += 1
            return None
        self.seen.update((key, near_key(query)))
        return Example(query, today, tasks, plan)

    def words_for_times(self, query: str, today, steps: list[tuple[str, dict]]) -> list | None:
        """The steps with each date argument replaced by the request's words for that time (the
        phrase tools.dates resolves to the gold value), an end one hour after the start left out;
        None when the request holds no such words."""
        phrases = find_phrases(query)
        now = datetime.combine(today, dtime(10))
        out = []
        for tool, args in steps:
            spec = self.all_specs.get(tool)
            roles = {p.name: p.role for p in spec.params} if spec else {}
            args = dict(args)
            start = None
            for name in [n for n in args if roles.get(n) == "when"]:
                gold = datetime.fromisoformat(str(args[name]))
                all_day = bool(args.get("all_day")) or gold.time() == dtime(0)
                if name == "end_date" and start is not None:
                    if gold == start + timedelta(hours=1):
                        del args[name]
                        continue
                    match = [p for p in phrases if _reads(lambda p: parse_end(p, start, True, now=now)[0], p) == gold]
                else:
                    match = [p for p in phrases
                             if _reads(lambda p: parse_when(p, now=now), p) in ((gold, not all_day), (gold, True))]
                    start = gold
                if not match:
                    return None
                args[name] = max(match, key=len)
            out.append((tool, args))
        return out

    def decline_example(self, pool: list[str]) -> Example | None:
        """A request no shown tool can serve; the gold plan is the empty plan."""
        query = P.decline_request(self.r)
        if self.r.random() < NOISE_SHARE:
            query = P.add_noise(query, self.r, set())
        if norm(query) in self.seen or near_key(query) in self.seen:  # near copies too, as draw()
            return None
        self.seen.update((norm(query), near_key(query)))
        return Example(query, V.random_today(self.r), [], format_plan([]), decline=True)

    def draw_many(self, n: int, make: Callable[[], Example | None]) -> list[Example]:  # noqa: D401
        out, tries = [], 0
        while len(out) < n and tries < 50 * n + 100:
            tries += 1
            ex = make()
            if ex is not None:
                out.append(ex)
        return out

    # kinds of request
    def real_example(self) -> Example | None:
        return self.draw()

    def train_synth_example(self) -> Example | None:
        must = self.r.choice(self.synth_train)
        if self.r.random() < 0.5:  # only synthetic tools
            pool = (self.synth_train, [1.0] * len(self.synth_train))
        else:
            pool = (self.real_intents[0] + self.synth_train,
                    self.real_intents[1] + [0.6] * len(self.synth_train))
        return self.draw(must, pool)

    def unseen_example(self) -> Example | None:
        must = self.r.choice(self.synth_unseen)
        if self.r.random() < 0.6:
            pool = (self.synth_unseen, [1.0] * len(self.synth_unseen))
        else:
            pool = (self.real_intents[0] + self.synth_unseen,
                    self.real_intents[1] + [1.0] * len(self.synth_unseen))
        ex = self.draw(must, pool)
        if ex is not None:
            ex.unseen = True
        return ex

    # prompts
    def shown_tools(self, ex: Example, pool: list[str]) -> list[str]:
        """The needed tools plus distractors (often related ones) up to MAX_SHOWN, in some order."""
        need = ex.tools or [self.r.choice(pool)]
        shown = list(need)
        others = [n for n in pool if n not in shown]
        words = {w for n in need for w in n.split("_") if len(w) > 3}
        related = [n for n in others if words & set(n.split("_"))]
        while len(shown) < MAX_SHOWN and others:
            src = related if related and self.r.random() < 0.5 else others
            pick = self.r.choice(src)
            shown.append(pick)
            others.remove(pick)
            if pick in related:
                related.remove(pick)
        if self.r.random() < 0.5:
            shown.sort()  # retrieval lists the tools by name
        else:
            self.r.shuffle(shown)
        return shown

    def plan_prompt(self, ex: Example, pool: list[str], icl: ExamplePicker) -> None:
        ex.shown = self.shown_tools(ex, pool)
        shots = [{"query": s.query, "plan": s.plan} for s in icl.pick(ex, self.r)]
        synth = [n for n in ex.tools if n in SYNTH_NAMES]
        if synth and self.r.random() < COMPOSED_SHARE:
            # as at run time for tools no stored example uses: an example made from a schema
            made = composed_example(self.all_specs[self.r.choice(synth)])
            shots = [made] if made else shots
        ex.messages = plan_messages(ex.query, [self.all_specs[n] for n in ex.shown], shots, today=ex.today)
        ex.messages.append({"role": "assistant", "content": ex.plan})



def all_tools_known(intent: Callable, specs: dict[str, ToolSpec]) -> bool:
    """Whether every tool an intent may use exists (tried on a few draws)."""
    r = random.Random(1)
    import datetime as dt
    for _ in range(30):
        g = I.Gen(r, dt.date(2026, 1, 1))
        intent(g, True)
        if any(tool not in specs for tool, _ in g.steps):
            return False
    return True


# words of a request that call for a tool whose name and description do not share them
_SERVES = {"rain": "weather", "sunny": "weather", "forecast": "weather", "transfer": "pay", "spotify": "music",
           "song": "music", "episode": "podcast", "dim": "lights", "cab": "taxi", "ride": "taxi",
           "yen": "currency", "bitcoin": "price", "shares": "stock", "flights": "flight"}


_STOP = frozenset("the for and you can get set all any how what who its one two not off out new are was".split())


def _stems(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _STOP}


def could_serve(spec: ToolSpec, request: str) -> bool:
    """Whether a tool's name or description shares a content word with the request (or a word the
    request implies), so it might serve a request the generator labels as having no tool."""
    words = _stems(request) | {_SERVES[w].rstrip("s") for w in re.findall(r"[a-z]+", request.lower()) if w in _SERVES}
    return bool(words & _stems(f"{spec.name.replace('_', ' ')} {spec.description}"))


class ExamplePicker:
    """Chooses the in-context example: a train example sharing the most tools with this one."""

    def __init__(self, pool: list[Example]):
        self.groups: dict[tuple[str, ...], list[Example]] = {}
        for ex in pool:
            self.groups.setdefault(tuple(sorted(set(ex.tools))), []).append(ex)
        self.keys = sorted(self.groups)

    def pick(self, ex: Example, r: random.Random) -> list[Example]:
        need, shown = set(ex.tools), set(ex.shown)
        scored = sorted(((len(need & set(k)) - 0.5 * len(set(k) - shown) - 0.2 * len(k) + r.random() * 0.1, k)
                         for k in self.keys), reverse=True)
        key = scored[0][1] if r.random() < 0.7 else r.choice(scored[:5])[1]
        candidates = [e for e in self.groups[key] if e.query != ex.query]
        if not candidates:
            key = scored[1][1]
            candidates = self.groups[key]
        # the shortest of a few candidates keeps prompts short
        return [min(r.sample(candidates, min(8, len(candidates))), key=lambda e: len(e.plan) + len(e.query))]


def check_examples(examples: list[Example], specs: dict[str, ToolSpec]) -> tuple[list[Example], int]:
    """Keep the plan examples whose plan compiles to their gold tasks; count the others."""
    kept = [ex for ex in examples if ex.kind != "plan" or check_plan(ex.plan, ex.tasks, specs)]
    return kept, len(examples) - len(kept)


def generate(specs: dict[str, ToolSpec], n_train=3000, n_val=150, n_test=200, n_unseen=150,
             seed=0, rewrite: Callable[[list[Example]], Any] | None = None, exclude: Iterable[str] = (),
             ) -> tuple[dict[str, list[Example]], int]:
    """All splits (plan and join examples); returns them and the number of dropped plans.

    ``rewrite`` (finetune/teacher.py) may reword the train and val requests in place before the
    prompts are built; the test and unseen splits keep the generator's wording."""
    gen = Generator(specs, seed, exclude)
    r = gen.r
    real_pool = sorted(gen.real)
    train_pool = real_pool + sorted(gen.train_synth)
    unseen_pool = real_pool + sorted(gen.unseen_synth)

    def mixed() -> Example | None:
        return gen.train_synth_example() if r.random() < SYNTH_SHARE else gen.real_example()

    def declines(n: int) -> list[Example]:
        return gen.draw_many(n, lambda: gen.decline_example(real_pool))

    def with_declines(n: int, make: Callable[[], Example | None]) -> list[Example]:
        k = round(n * DECLINE_SHARE)
        return gen.draw_many(n - k, make) + declines(k)

    train = with_declines(n_train, mixed)
    val = with_declines(n_val, mixed)
    test = with_declines(n_test, gen.real_example)
    unseen = gen.draw_many(n_unseen, gen.unseen_example)
    if rewrite is not None:
        print(rewrite(train + val), file=sys.stderr)
        held_out = {norm(ex.query) for ex in test + unseen}  # no request in two splits, reworded or not
        train, val = ([ex for ex in exs if norm(ex.query) not in held_out] for exs in (train, val))

    icl = ExamplePicker(train)
    for ex in train + val:
        if ex.decline:
            # never a synthetic tool that could serve the request ("will it rain" beside get_weather);
            # some declines show only synthetic tools, as an app with its own tools does
            fits_not = [n for n in sorted(gen.train_synth) if not could_serve(gen.train_synth[n], ex.query)]
            gen.plan_prompt(ex, fits_not if r.random() < ONLY_SYNTH_DECLINES else real_pool + fits_not, icl)
        else:
            gen.plan_prompt(ex, train_pool, icl)
    for ex in test:
        gen.plan_prompt(ex, real_pool, icl)
    for ex in unseen:
        gen.plan_prompt(ex, unseen_pool, icl)
    splits = {"train": train, "val": val, "test": test, "unseen": unseen}
    for name, exs in splits.items():
        for ex in exs:
            ex.split = name
        r.shuffle(exs)
    dropped = gen.dropped
    print(f"{gen.dropped_dates} drawn requests dropped: no words for a time that resolve to the gold one",
          file=sys.stderr)
    for name in splits:
        splits[name], bad = check_examples(splits[name], gen.all_specs)
        dropped += bad
    return splits, dropped


def record(ex: Example, all_specs: dict[str, ToolSpec]) -> dict:
    rec = {"messages": ex.messages, "kind": ex.kind, "split": ex.split, "query": ex.query,
           "today": ex.today.isoformat(), "plan": ex.plan if ex.kind == "plan" else None,
           "tools": ex.tools, "shown_tools": ex.shown, "unseen": ex.unseen, "decline": ex.decline}
    synth = [n for n in ex.shown if n in SYNTH_NAMES]
    if synth:  # schemas of the synthetic tools shown, so the evaluation can rebuild them
        rec["specs"] = [spec_dict(all_specs[n]) for n in synth]
    return rec


def store_examples(train: list[Example], real: set[str], n: int = N_STORE, seed: int = 0) -> list[dict]:
    """Solved train examples over the real tools, spread over as many tool combinations as possible."""
    r = random.Random(seed)
    groups: dict[tuple, list[Example]] = {}
    for ex in train:
        if ex.kind == "plan" and ex.tools and set(ex.tools) <= real:
            groups.setdefault(tuple(sorted(set(ex.tools))), []).append(ex)
    keys = sorted(groups)
    for k in keys:
        r.shuffle(groups[k])
    out: list[dict] = []
    while len(out) < n and any(groups.values()):
        for k in keys:
            if groups[k] and len(out) < n:
                ex = groups[k].pop()
                out.append({"query": ex.query, "plan": ex.plan, "tools": ex.tools})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def token_stats(rows: list[dict]) -> dict[str, float] | None:
    """Median and max tokens of full chats, with SmolLM2's tokenizer read from the GGUF."""
    try:
        from transformers import AutoTokenizer

        from tinyagent.graph.settings import default_model_path
        from tinyagent.nodes.plans.prompts import chatml

        path = default_model_path()
        tok = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
    except Exception as exc:  # the stats are a convenience; never fail generation for them
        print(f"(token stats skipped: {exc})", file=sys.stderr)
        return None
    counts = {"plan": [], "join": []}
    for row in rows:
        text = chatml(row["messages"], add_generation_prompt=False)
        counts[row["kind"]].append(len(tok(text)["input_ids"]))
    out = {}
    for kind, c in counts.items():
        if c:
            out[f"{kind}_median"] = statistics.median(c)
            out[f"{kind}_max"] = max(c)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="finetune generate", description=__doc__.splitlines()[0])
    ap.add_argument("--n-train", type=int, default=3000)
    ap.add_argument("--n-val", type=int, default=150)
    ap.add_argument("--n-test", type=int, default=200)
    ap.add_argument("--n-unseen", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--store", type=Path, default=STORE_EXAMPLES, help="where to write the solved examples")
    ap.add_argument("--exclude-from", type=Path, metavar="DIR",
                    help="never draw a request (or a near copy) of DIR's val, test or unseen split: "
                         "a bigger train draw that keeps the shipped splits (finetune/data) honest")
    ap.add_argument("--fallback-specs", action="store_true", help="use built-in specs instead of tools/")
    ap.add_argument("--no-tokens", action="store_true", help="skip the token statistics")
    ap.add_argument("--teacher", help="a LangChain chat model (init_chat_model name, e.g. openai:gpt-4o-mini) "
                    "that rewrites train/val requests; see finetune/teacher.py")
    ap.add_argument("--teacher-base-url", help="its endpoint, e.g. an OpenAI-compatible server")
    ap.add_argument("--teacher-share", type=float, default=0.3, help="share of requests to rewrite")
    args = ap.parse_args(argv)

    t0 = time.time()
    specs = None if args.fallback_specs else real_specs()
    if specs is None:
        print("tools/ not available: using the built-in fallback specs", file=sys.stderr)
        specs = {s.name: s for s in FALLBACK_SPECS}
    rewrite = None
    if args.teacher:
        from tinyagent.finetune.teacher import load_teacher, make_rewriter
        rewrite = make_rewriter(load_teacher(args.teacher, args.teacher_base_url), args.teacher_share, args.seed)
    exclude = split_queries(args.exclude_from) if args.exclude_from else []
    splits, dropped = generate(specs, args.n_train, args.n_val, args.n_test, args.n_unseen, args.seed,
                               rewrite=rewrite, exclude=exclude)
    all_specs = {**specs, **{t.spec.name: t.spec for t in TRAIN_TOOLS + UNSEEN_TOOLS}}
    rows_all = []
    for name, exs in splits.items():
        rows = [record(ex, all_specs) for ex in exs]
        rows_all += rows
        write_jsonl(args.out / f"{name}.jsonl", rows)
        kinds = Counter(r["kind"] for r in rows)
        print(f"{name:7s} {len(rows):5d} examples  " + "  ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    store = store_examples(splits["train"], set(specs), seed=args.seed)
    write_jsonl(args.store, store)
    print(f"store   {len(store):5d} solved examples -> {args.store}")
    print(f"dropped {dropped} invalid plans")
    if not args.no_tokens:
        stats = token_stats(rows_all)
        if stats:
            print("tokens  " + "  ".join(f"{k}={v:g}" for k, v in stats.items()))
    print(f"done in {time.time() - t0:.1f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
