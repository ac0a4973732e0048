"""This graph vs the usual LangGraph agent (a ReAct tool-calling loop) on the same requests, model and tools.

    .venv/bin/python bench/react_baseline.py [--limit 30] [--checks-only] [--no-checks]

Both systems run every request end to end, one after the other, in one process; the tools really
execute, each system on its own copy of the same workspace (the sample data plus the contacts,
files and notes the test requests name). Requests: the first --limit planning requests of the
test split (finetune/data/test.jsonl), then CHECKS: hand-written requests over the sample data
whose outcome can be checked (an answer that contains the right address, a note or event that
exists afterwards). Results: a table of medians and ratios, and bench/results/react.json.

- this graph: build_graph() with the default settings (the base Q4_1 GGUF plus the project's LoRA
  adapter when it exists). Plan success: finetune.evaluate.compare (isomorphic DAG) between the
  first plan that compiled and the gold plan. Model calls: plan rounds + join calls.
- ReAct: langchain.agents.create_agent over ChatLlamaCpp with the same base GGUF (without the
  adapter, which is trained for the plan language, not for this tool-call format) and
  llama-cpp-python's "chatml-function-calling" handler. Plan success: the tools it called, as a
  multiset, equal the gold plan's, in an order where every gold dependency was called in an
  earlier model turn than the call that needs it. Capped at --recursion-limit graph steps and
  --timeout seconds (checked before each model and tool call).

Stock ChatLlamaCpp + chatml-function-calling does not run a tool loop; ReactChatLlamaCpp fixes,
in as few lines as possible: (1) ChatLlamaCpp has no chat_format field, so it goes in model_kwargs;
(2) its bind_tools rejects tool_choice="auto", and without it the handler shows the model no tools;
(3) the handler's template drops tool results (role "tool"), so they are sent as user messages;
(4) the handler constrains a plain-text reply with its function-name grammar (the reply is always
empty) and leaves max_tokens unlimited: the grammar is dropped for replies, and every completion
is capped at --max-tokens; (5) ChatLlamaCpp's default n_batch=8 makes prompt evaluation several
times slower: 512, as this graph uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import mailbox
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

warnings.filterwarnings("ignore", category=DeprecationWarning)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_community.chat_models import ChatLlamaCpp  # noqa: E402
from langchain_community.chat_models.llamacpp import _convert_message_to_dict  # noqa: E402
from langchain_core.callbacks import BaseCallbackHandler  # noqa: E402
from langchain_core.messages import AIMessage, ToolMessage  # noqa: E402
from langchain_core.utils.function_calling import convert_to_openai_tool  # noqa: E402

from bench.common import (  # noqa: E402
    PLOTS,
    gold_tasks,
    median,
    others_running,
    pyplot,
    save,
    save_plot,
    seeded_workspace,
    table,
    test_rows,
)

#: Static, so llama.cpp reuses its evaluated prefix (this text and the tool schemas) across requests;
#: the date goes into the user message, as in this graph's planner prompt.
REACT_SYSTEM = ("You are a helpful assistant on the user's computer. Use the functions to do what the "
                "user asks: call a function, read its result, then call the next one. When everything "
                "is done, reply with a short answer for the user.")


# -- the ReAct baseline ----------------------------------------------------------------------
class ReactChatLlamaCpp(ChatLlamaCpp):
    """ChatLlamaCpp with llama-cpp-python's chatml-function-calling handler, usable in a tool loop."""

    def bind_tools(self, tools, *, tool_choice=None, **kwargs):  # (2)
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], tool_choice="auto")

    def _create_message_dicts(self, messages):  # (3)
        return [{"role": "user", "content": f"Result of functions.{m.name}: {m.content}"}
                if isinstance(m, ToolMessage) else _convert_message_to_dict(m) for m in messages]


class Meter:
    """Counts llama.cpp completions and their tokens on one Llama; applies fix (4)."""

    def __init__(self, client: Any, max_tokens: int, verbose: bool = False):
        self.completions = self.prompt_tokens = self.gen_tokens = 0
        create = client.create_completion

        def counted(*args, **kw):
            prompt = kw.get("prompt", args[0] if args else "")
            if isinstance(prompt, str) and prompt.endswith("message:\n"):
                kw["grammar"] = None
            kw["max_tokens"] = min(kw.get("max_tokens") or max_tokens, max_tokens)
            t = time.perf_counter()
            out = create(*args, **kw)
            usage = out.get("usage") or {}
            self.completions += 1
            self.prompt_tokens += usage.get("prompt_tokens", 0)
            self.gen_tokens += usage.get("completion_tokens", 0)
            if verbose:
                print(f"  react completion {time.perf_counter() - t:.1f}s {usage}: "
                      f"{out['choices'][0]['text'][:100]!r}", file=sys.stderr)
            return out

        client.create_completion = counted

    def snapshot(self) -> tuple[int, int, int]:
        return self.completions, self.prompt_tokens, self.gen_tokens


class StepCounter(BaseCallbackHandler):
    """Counts chat-model calls and stops a run that has gone on past its deadline."""

    raise_error = True

    def __init__(self, timeout: float):
        self.calls, self.deadline, self.timeout = 0, float("inf"), timeout

    def start(self) -> None:
        self.calls, self.deadline = 0, time.perf_counter() + self.timeout

    def _check(self) -> None:
        if time.perf_counter() > self.deadline:
            raise TimeoutError(f"ReAct run stopped after {self.timeout:g} s")

    def on_chat_model_start(self, *args, **kwargs) -> None:
        self._check()
        self.calls += 1

    def on_tool_start(self, *args, **kwargs) -> None:
        self._check()


def make_react(model_path: Path, tools: list, args) -> tuple[Any, Meter, StepCounter]:
    from langchain.agents import create_agent

    from tinyagent.nodes.model.llm import install_cpu_defaults

    for t in tools:  # errors go back to the model as observations, as in this graph
        t.handle_tool_error = True
        t.handle_validation_error = True
    install_cpu_defaults()  # as the agent loads its model: no AMX buffers where they crash (nodes/model/llm.py)
    model = ReactChatLlamaCpp(model_path=str(model_path), model_kwargs={"chat_format": "chatml-function-calling"},  # (1)
                              n_ctx=4096, n_batch=512, temperature=0.0, n_threads=args.threads,
                              max_tokens=args.max_tokens, seed=0, verbose=False)
    return create_agent(model, tools, system_prompt=REACT_SYSTEM), Meter(model.client, args.max_tokens, args.verbose), StepCounter(args.timeout)


def run_react(agent, meter: Meter, steps: StepCounter, query: str, today: str, limit: int) -> dict:
    day = dt.date.fromisoformat(today)
    request = f"Today is {day.strftime('%A')}, {today}.\n\n{query}"
    before = meter.snapshot()
    steps.start()
    t0 = time.perf_counter()
    error, messages = None, []
    try:
        out = agent.invoke({"messages": [("human", request)]},
                           config={"recursion_limit": limit, "callbacks": [steps]})
        messages = out["messages"]
    except Exception as exc:  # the step cap, the deadline, a broken tool call
        error = f"{type(exc).__name__}: {str(exc)[:200]}"
    wall = time.perf_counter() - t0
    comps, ptok, gtok = (a - b for a, b in zip(meter.snapshot(), before))
    calls, invalid = [], 0  # calls: (tool, model turn, args); invalid: unparseable, never run
    for turn, m in enumerate(x for x in messages if isinstance(x, AIMessage)):
        calls += [(c["name"], turn, c.get("args")) for c in m.tool_calls]
        invalid += len(m.invalid_tool_calls)
    last = next((m for m in reversed(messages) if isinstance(m, AIMessage)), None)
    answer = last.content if last is not None and not last.tool_calls else ""
    return {"latency_s": wall, "model_calls": steps.calls, "completions": comps, "prompt_tokens": ptok,
            "gen_tokens": gtok, "calls": calls, "invalid_calls": invalid, "answer": answer, "error": error}


def react_success(calls: list[tuple], gold: list[dict]) -> bool:
    """The called tools equal the gold multiset, each gold dependency called in an earlier turn."""
    if sorted(c[0] for c in calls) != sorted(t["tool"] for t in gold):
        return False
    per_tool = []
    for tool in sorted({t["tool"] for t in gold}):
        mine = [i for i, c in enumerate(calls) if c[0] == tool]
        ids = [t["id"] for t in gold if t["tool"] == tool]
        per_tool.append([dict(zip(ids, p)) for p in itertools.permutations(mine)])
    for combo in itertools.islice(itertools.product(*per_tool), 20000):
        where = {g: i for part in combo for g, i in part.items()}  # gold id -> index into calls
        if all(calls[where[d]][1] < calls[where[t["id"]]][1] for t in gold for d in t["deps"]):
            return True
    return False


# -- this graph ------------------------------------------------------------------------------
class CompleteCounter:
    """Wraps nodes.model.llm.complete where a node calls it (the planner; the joiner composes its answer
    in code and calls no model since the truthful-answer work): model calls and tokens per request."""

    def __init__(self):
        import tinyagent.nodes.join
        import tinyagent.nodes.plan
        nodes = tinyagent.nodes
        self.calls: list[tuple[str, int, int]] = []
        for module in (nodes.plan, nodes.join):
            if not hasattr(module, "complete"):
                continue
            inner = module.complete

            def counted(*args, _inner=inner, _name=module.__name__, **kw):
                text, n_prompt, n_gen = _inner(*args, **kw)
                self.calls.append((_name, n_prompt, n_gen))
                return text, n_prompt, n_gen

            module.complete = counted


def run_ours(graph, counter: CompleteCounter, query: str, today: str) -> dict:

    counter.calls.clear()
    t0 = time.perf_counter()
    error, state = None, {}
    try:
        state = graph.invoke({"messages": [("human", query)]}, context={"today": today})
    except Exception as exc:
        error = f"{type(exc).__name__}: {str(exc)[:200]}"
    wall = time.perf_counter() - t0
    tasks = state.get("tasks", [])
    first = min((t["round"] for t in tasks), default=0)
    return {"latency_s": wall, "model_calls": len(counter.calls), "completions": len(counter.calls),
            "prompt_tokens": sum(c[1] for c in counter.calls), "gen_tokens": sum(c[2] for c in counter.calls),
            "plan_rounds": sum(c[0] == "tinyagent.nodes.plan" for c in counter.calls),
            "first_plan": [t for t in tasks if t["round"] == first],
            "calls": [(t["tool"], t["round"], t["args"]) for t in tasks if t["status"] in ("done", "error")],
            "answer": state.get("answer", ""), "plan_error": state.get("plan_error"), "error": error}


# -- requests whose outcome can be checked ---------------------------------------------------
def _files(ws: Path, pattern: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace").lower() for p in ws.glob(pattern) if p.is_file())


def _mails_to(ws: Path, address: str, attachment: str | None = None) -> bool:
    for folder in ("drafts", "outbox", "sent"):
        for msg in mailbox.Maildir(ws / "Mail" / folder, create=False):
            if address in str(msg.get("To", "")).lower():
                names = [p.get_filename() or "" for p in msg.walk()]
                if attachment is None or any(attachment in n for n in names):
                    return True
    return False


def passes(check, ws: Path, answer: str | None) -> bool:
    try:
        return bool(check(ws, answer or ""))
    except Exception:  # an unreadable file the run wrote counts as a failed check
        return False


def checks(today: dt.date) -> list[tuple[str, Any]]:
    """(request, check(workspace, answer) -> bool) over the sample workspace of tools/sample.py."""
    friday = today + dt.timedelta(days=(4 - today.weekday()) % 7 or 7)
    return [
        ("What is Sarah Lee's email address?", lambda ws, a: "sarah.lee@example.com" in a.lower()),
        ("What is Marcus Chen's phone number?", lambda ws, a: "555-0102" in a),
        ("Find Elena Rossi's email address and phone number",
         lambda ws, a: "elena.rossi@example.com" in a.lower() and "555-0105" in a),
        ("Create a note called Lab supplies that says order pipette tips",
         lambda ws, a: "pipette" in _files(ws, "Notes/**/Lab supplies*.md")),
        ("Add light bulbs to my Shopping list note",
         lambda ws, a: "light bulbs" in _files(ws, "Notes/**/Shopping list*.md")),
        ("Text Tom Becker that I am running late",
         lambda ws, a: "555-0108" in _files(ws, "SMS/outbox.jsonl") and "late" in _files(ws, "SMS/outbox.jsonl")),
        ("Email David Kim to ask for the address of the hotel in Lisbon",
         lambda ws, a: _mails_to(ws, "david.kim@example.com")),
        ("Send Priya Patel the Team Handbook PDF",
         lambda ws, a: _mails_to(ws, "priya.patel@example.com", "Team_Handbook")),
        ("Remind me to renew my passport tomorrow at 9am",
         lambda ws, a: "passport" in _files(ws, "*.ics") + _files(ws, "Reminders/*.ics")),
        (f"Put Falcon design review on my calendar on {friday.isoformat()} from 3pm to 4pm",
         lambda ws, a: "falcon design review" in _files(ws, "*.ics") + _files(ws, "Calendars/*.ics")),
    ]


# -- the run ---------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=30, help="test requests (kind=plan), first N")
    ap.add_argument("--data", type=Path, default=None, help="folder with test.jsonl (default finetune/data)")
    ap.add_argument("--no-checks", action="store_true", help="skip the checkable requests")
    ap.add_argument("--checks-only", action="store_true", help="only the checkable requests")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-tokens", type=int, default=256, help="cap per ReAct completion")
    ap.add_argument("--recursion-limit", type=int, default=12)
    ap.add_argument("--timeout", type=float, default=120.0, help="wall cap per ReAct run, s")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--verbose", action="store_true", help="print every ReAct completion")
    ap.add_argument("--plot", type=Path, default=PLOTS / "react.png")
    args = ap.parse_args()

    from tinyagent.finetune.evaluate import compare
    from tinyagent.graph.graph import build_graph
    from tinyagent.graph.settings import Settings
    from tinyagent.tools import ToolConfig, default_tools, init_workspace
    from tinyagent.tools.specs import specs_for

    for why in others_running():
        print(f"WARNING: timings are not representative: {why}", file=sys.stderr)
    kw = {"data_dir": args.data} if args.data else {}
    rows = [] if args.checks_only else test_rows(args.limit, **kw)
    tmp = Path(tempfile.mkdtemp(prefix="tinyagent-react-"))
    settings = Settings(data_dir=tmp / "ours", workspace=tmp / "ours" / "workspace", n_threads=args.threads)
    specs = specs_for(default_tools(init_workspace(tmp / "probe"), ToolConfig()))
    ws = {name: seeded_workspace(tmp / name / "workspace", rows, specs) for name in ("ours", "react")}
    graph = build_graph(tools=default_tools(ws["ours"], ToolConfig()), settings=settings)
    counter = CompleteCounter()
    agent, meter, steps = make_react(settings.model_path, default_tools(ws["react"], ToolConfig()), args)
    adapter = settings.lora_path.name if settings.lora_path else "none"
    print(f"model {settings.model_path.name}; this graph's adapter: {adapter}; ReAct: base model", file=sys.stderr)

    today = dt.date.today().isoformat()
    t = time.perf_counter()  # warm-up, not counted: loads the model and builds the tool index
    run_ours(graph, counter, "What is Sarah Lee's phone number?", today)
    print(f"warm-up: this graph {time.perf_counter() - t:.1f} s", file=sys.stderr)
    t = time.perf_counter()
    run_react(agent, meter, steps, "What is Sarah Lee's phone number?", today, args.recursion_limit)
    print(f"warm-up: ReAct {time.perf_counter() - t:.1f} s", file=sys.stderr)

    results = []
    for i, row in enumerate(rows):
        gold = gold_tasks(row, specs)
        ours = run_ours(graph, counter, row["query"], row["today"])
        ours["success"] = compare(ours.pop("first_plan"), gold)["success"]
        react = run_react(agent, meter, steps, row["query"], row["today"], args.recursion_limit)
        react["success"] = react_success(react["calls"], gold)
        results.append({"kind": "test", "query": row["query"], "gold": row["plan"], "ours": ours, "react": react})
        print(f"[{i + 1}/{len(rows)}] ours {ours['latency_s']:.1f}s {'ok ' if ours['success'] else 'bad'} "
              f"react {react['latency_s']:.1f}s {'ok ' if react['success'] else 'bad'} {row['query'][:60]}",
              file=sys.stderr)
    if not args.no_checks:
        for query, check in checks(dt.date.today()):
            ours = run_ours(graph, counter, query, today)
            ours.pop("first_plan")
            ours["correct"] = passes(check, ws["ours"], ours["answer"])
            react = run_react(agent, meter, steps, query, today, args.recursion_limit)
            react["correct"] = passes(check, ws["react"], react["answer"])
            results.append({"kind": "check", "query": query, "ours": ours, "react": react})
            print(f"[check] ours {'ok ' if ours['correct'] else 'bad'} react {'ok ' if react['correct'] else 'bad'} "
                  f"{query}", file=sys.stderr)

    summary = summarize(results)
    print(report(summary, adapter, args))
    path = save(args.out or "react.json",
                {"command": " ".join(sys.argv), "adapter": adapter, "summary": summary, "results": results,
                 "settings": {k: getattr(args, k) for k in ("limit", "threads", "max_tokens",
                                                            "recursion_limit", "timeout")}})
    print(f"wrote {path}", file=sys.stderr)
    plot(results, summary, args.plot)


def plot(results: list[dict], s: dict, path: Path) -> None:
    plt = pyplot()

    sides, labels = ("ours", "react"), ("this graph", "ReAct")
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(11, 3.4))
    a.boxplot([[r[x]["latency_s"] for r in results] for x in sides], showfliers=True)
    a.set_xticks([1, 2], labels)
    a.set(ylabel="end-to-end latency per request, s", title="Latency", ylim=(0, None))
    names = [k for k in ("plan_success", "answer_correct") if s["ours"][k] is not None]
    for i, x in enumerate(sides):
        b.bar([j + (i - 0.5) * 0.38 for j in range(len(names))], [100 * s[x][k] for k in names], 0.38,
              label=labels[i])
    b.set_xticks(range(len(names)), [{"plan_success": "plan success\n(test split)",
                                      "answer_correct": "outcome correct\n(checks)"}[k] for k in names])
    b.set(ylabel="%", ylim=(0, 100), title="Success")
    b.legend(fontsize=8)
    for i, x in enumerate(sides):
        c.bar([j + (i - 0.5) * 0.38 for j in range(2)],
              [s[x]["median_prompt_tokens"], s[x]["median_gen_tokens"]], 0.38, label=labels[i])
    c.set_xticks([0, 1], ["prompt tokens", "generated tokens"])
    c.set(yscale="log", title="Median tokens per request")
    c.legend(fontsize=8)
    save_plot(fig, path)


def summarize(results: list[dict]) -> dict:
    out = {}
    test = [r for r in results if r["kind"] == "test"]
    check = [r for r in results if r["kind"] == "check"]
    for side in ("ours", "react"):
        runs = [r[side] for r in results]
        out[side] = {
            "test_requests": len(test),
            "plan_success": sum(r[side]["success"] for r in test) / len(test) if test else None,
            "checks": len(check),
            "answer_correct": sum(r[side]["correct"] for r in check) / len(check) if check else None,
            "failed_runs": sum(bool(r["error"]) for r in runs),
            **{f"median_{k}": median([r[k] for r in runs])
               for k in ("latency_s", "model_calls", "completions", "prompt_tokens", "gen_tokens")},
        }
    return out


def report(s: dict, adapter: str, args) -> str:
    o, r = s["ours"], s["react"]
    pct = lambda x: "n/a" if x is None else f"{x:.0%}"  # noqa: E731
    ratio = lambda k: f"{r[k] / o[k]:.2f}x" if o[k] else "n/a"  # noqa: E731
    rows = [("plan success (test split)", pct(o["plan_success"]), pct(r["plan_success"]), ""),
            ("answer/outcome correct (checks)", pct(o["answer_correct"]), pct(r["answer_correct"]), ""),
            ("runs that raised or hit a step/time cap", o["failed_runs"], r["failed_runs"], ""),
            ("median end-to-end latency, s", f"{o['median_latency_s']:.2f}", f"{r['median_latency_s']:.2f}",
             ratio("median_latency_s")),
            ("median model calls", f"{o['median_model_calls']:g}", f"{r['median_model_calls']:g}",
             ratio("median_model_calls")),
            ("median llama.cpp completions", f"{o['median_completions']:g}", f"{r['median_completions']:g}",
             ratio("median_completions")),
            ("median prompt tokens", f"{o['median_prompt_tokens']:.0f}", f"{r['median_prompt_tokens']:.0f}",
             ratio("median_prompt_tokens")),
            ("median generated tokens", f"{o['median_gen_tokens']:.0f}", f"{r['median_gen_tokens']:.0f}",
             ratio("median_gen_tokens"))]
    head = (f"{o['test_requests']} test requests + {o['checks']} checkable requests; this graph: LoRA "
            f"{adapter}; ReAct: base model, all 18 tools, cap {args.recursion_limit} steps / {args.timeout:g} s")
    return head + "\n" + table(["per request", "this graph", "ReAct", "ReAct / this graph"], rows)


if __name__ == "__main__":
    main()
