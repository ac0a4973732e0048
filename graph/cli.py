"""The `tinyagent` command: run one request, chat, manage the workspace and the document index."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from tinyagent.graph import threads as thread_store
from tinyagent.graph.inputs import (
    InputError,
    check_folder,
    clean_request,
    require_request,
)
from tinyagent.graph.settings import Settings, SettingsError
from tinyagent.nodes.model.gguf_check import ModelFileError
from tinyagent.nodes.model.llm_server import ModelServerError

#: Errors that are the person's to fix: printed as one line, exit status 2.
USER_ERRORS = (SettingsError, ModelFileError, ModelServerError, InputError, FileNotFoundError)
#: Exit status of `tinyagent run` when a plan needs approval and there is no terminal to ask on.
NEEDS_APPROVAL = 3


class ApprovalNeeded(Exception):
    """A plan has steps that need the person's approval, and nobody can be asked."""

    def __init__(self, message: str, question: dict[str, Any] | None = None):
        super().__init__(message)
        self.question = question or {}


#: `tinyagent run`'s exit statuses (also in its --help).
EXIT_CODES = """exit status:
  0    the request ran (or was declined); the answer says what happened, failed steps included
  1    an unexpected error (TINYAGENT_DEBUG=1 shows where)
  2    bad input: an empty request, a bad setting, a missing or non-GGUF model, a workspace that is a file
  3    the plan has steps that send or delete and there is no terminal to ask on: nothing ran; pass --yes
  130  interrupted (Ctrl-C)
With --json every outcome, these included, is one JSON object on stdout with a "status" key:
done, declined, failed, stopped, dry_run, needs_approval, error or interrupted."""


def add_settings_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("model and limits (also TINYAGENT_* environment variables)")
    g.add_argument("--model", dest="model_path", type=Path, help="GGUF chat model")
    g.add_argument("--lora", dest="lora_path", type=Path, help="GGUF LoRA adapter")
    g.add_argument("--no-lora", action="store_true", help="run the base model without the adapter")
    g.add_argument("--no-merge", action="store_true", help="apply the adapter at run time instead of "
                   "running it merged into the model (slower per token; the merged model is built once)")
    g.add_argument("--workspace", type=Path, help="folder with your contacts, mail, notes, files")
    g.add_argument("--data-dir", type=Path, help="where the index and chat threads live")
    g.add_argument("--threads", dest="n_threads", type=int)
    g.add_argument("--n-ctx", dest="n_ctx", type=int)
    g.add_argument("--temperature", type=float)
    g.add_argument("--max-replans", type=int)
    g.add_argument("--task-timeout", dest="task_timeout_s", type=float)
    g.add_argument("--max-tools", type=int)
    g.add_argument("--approve", metavar="RISKS", help="what waits for your approval: a comma-separated "
                   "list of read, change, send, delete, or all or none (default: send,delete)")


#: The flag of each setting, for messages about a bad value.
FLAGS = {"model_path": "--model", "lora_path": "--lora", "workspace": "--workspace",
         "data_dir": "--data-dir", "n_threads": "--threads", "n_ctx": "--n-ctx",
         "temperature": "--temperature", "max_replans": "--max-replans",
         "task_timeout_s": "--task-timeout", "max_tools": "--max-tools", "approve": "--approve"}


def settings_from(args: argparse.Namespace) -> Settings:
    overrides = {f: getattr(args, f) for f in FLAGS if getattr(args, f, None) is not None}
    if getattr(args, "no_lora", False):
        overrides["lora_path"] = None
    if getattr(args, "no_merge", False):
        overrides["merge_adapter"] = False
    try:
        return Settings(**overrides)
    except ValidationError as exc:  # one line per run, naming the flag or variable to change
        problems = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            source = (f"{FLAGS.get(field, field)} {overrides[field]}" if field in overrides
                      else f"TINYAGENT_{field.upper()}")
            problems.append(f"{source}: {err['msg']}")
        raise SettingsError("Bad setting: " + "; ".join(problems) + ". See `tinyagent run --help`.") from None


def checked_settings(args: argparse.Namespace) -> Settings:
    """The settings, with their folders and model files checked before anything is loaded."""
    settings = settings_from(args)
    check_folder(settings.data_dir, "data folder", "--data-dir (or TINYAGENT_DATA_DIR)")
    check_folder(settings.workspace_dir, "workspace", "--workspace (or TINYAGENT_WORKSPACE)")
    settings.check()  # model and adapter: present, and GGUF headers of the right kind
    return settings


def task_view(t: dict[str, Any]) -> dict[str, Any]:
    out = {k: t.get(k) for k in ("id", "tool", "args", "deps", "round", "status", "risk")}
    if t.get("target"):
        out["target"] = t["target"]  # what it acts on: the email a reply answers
    if "result" in t:
        out["result"] = t["result"]
    if t.get("error"):
        out["error"] = t["error"]
    for k in ("start", "end"):
        if t.get(k) is not None:
            out[k] = t[k]
    return out


def run_report(state: dict[str, Any], total: float) -> dict[str, Any]:
    """The `tinyagent run --json` object."""
    timings = {k: round(state.get("timings", {}).get(k, 0.0), 4)
               for k in ("retrieve", "plan", "compile", "execute", "join")}
    timings["total"] = round(total, 4)
    tasks = state.get("tasks", [])
    status = state.get("status") or ""
    if status in ("", "ready", "finished"):
        status = "declined" if not tasks and not state.get("plan_error") else (
            "failed" if tasks and all(t.get("status") == "failed" for t in tasks) else "done")
    return {
        "status": status,
        "query": state.get("query"),
        "tools": state.get("tools", []),
        "plan": "\n".join(state.get("plans", [])) or state.get("plan", ""),  # what the model wrote, every round
        "final_plan": state.get("plan", ""),  # after the plan rules ("rules" says what each changed)
        "plan_error": state.get("plan_error"),
        "tasks": [task_view(t) for t in state.get("tasks", [])],
        "answer": state.get("answer") or None,
        "rules": state.get("rule_trace", []),  # what each plan rule changed (nodes/rules/pipeline.py)
        "replans": state.get("replans", 0),
        "prompt_tokens": state.get("prompt_tokens", 0),
        "timings": timings,
    }


#: The question `tinyagent run` asks on a terminal (the chat's words).
APPROVAL_QUESTION = "Run this plan? [y/N/or type a comment to replan] "


def terminal_ask(question: dict[str, Any]) -> str:
    """Show the plan and why it waits on stderr (stdout stays the result); read the answer."""
    from tinyagent.nodes.report.approval import why_asked

    print(question.get("plan", ""), file=sys.stderr)
    print(why_asked(question), file=sys.stderr)
    print(APPROVAL_QUESTION, end="", file=sys.stderr, flush=True)
    try:
        return input()
    except EOFError:
        return "no"


def run_request(graph: Any, query: str, *, dry_run: bool = False, yes: bool = False,
                ask: Callable[[dict[str, Any]], str] | None = None) -> dict[str, Any]:
    """Run one request on a graph with a checkpointer. A plan with a step that needs approval
    (the settings' ``approve``) asks ``ask(question)`` (a reply as in the chat); ``yes`` approves
    without asking; with neither, ApprovalNeeded is raised and nothing runs."""
    from langgraph.types import Command

    from tinyagent.nodes.report.approval import why_asked

    config = {"configurable": {"thread_id": "run"}}
    context: dict[str, Any] = {"dry_run": dry_run, **({"approve": "none"} if yes else {})}
    state = graph.invoke({"messages": [("human", query)]}, config=config, context=context)
    while "__interrupt__" in state:
        question = state["__interrupt__"][0].value
        if ask is None:
            raise ApprovalNeeded(
                f"not run: {why_asked(question)[:-1].lower()}, which needs your approval, and there is "
                f"no terminal to ask on. Run it on a terminal to be asked, or pass --yes to allow it.", question)
        state = graph.invoke(Command(resume=ask(question)), config=config, context=context)
    return state


def cmd_run(args: argparse.Namespace) -> int:
    from langgraph.checkpoint.memory import InMemorySaver

    from tinyagent.graph.graph import build_graph

    query = require_request(args.query)  # control characters and escape sequences removed
    t0 = time.perf_counter()
    # one request: no later one could start from a kept plan state (12 MB of peak memory)
    settings = checked_settings(args).model_copy(update={"prefix_cache": 0})
    graph = build_graph(settings=settings, checkpointer=InMemorySaver())
    try:
        state = run_request(graph, query, dry_run=args.dry_run, yes=args.yes,
                            ask=terminal_ask if sys.stdin.isatty() else None)
    except ApprovalNeeded as exc:
        if args.json:  # the steps that wait, as one object; nothing ran
            q = exc.question
            print(json.dumps({"status": "needs_approval", "query": query, "plan": q.get("plan", ""),
                              "waiting": [task_view(t) for t in q.get("tasks", []) if t["id"] in q.get("needs_approval", [])],
                              "error": one_line(exc), "exit_status": NEEDS_APPROVAL}, ensure_ascii=False, default=str))
        raise
    report = run_report(state, time.perf_counter() - t0)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=str))
        return 0
    print(report["plan"])
    for t in report["tasks"]:
        outcome = t.get("result", t.get("error", ""))
        print(f"  [{t['status']}] {t['id']}. {t['tool']} -> {outcome}")
    if report["answer"]:
        print(report["answer"])
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from tinyagent.graph.chat import chat, line_reader

    settings = checked_settings(args)
    thread_store.check_store(settings)  # SQLite file, or PostgreSQL (database_url)
    if args.thread is not None:
        thread_store.check_thread(settings, args.thread)
    read = line_reader(settings)
    return chat(settings, thread=args.thread, approve="none" if args.no_approval else settings.approve,
                read_line=lambda prompt: clean_request(read(prompt)))


def cmd_threads(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    threads = thread_store.list_threads(settings)
    if not threads:
        print(f"No saved chat threads in {thread_store.where(settings)}; `tinyagent chat` starts one.")
    for tid, query in threads:
        print(f"{tid}  {' '.join(query.split())[:100]}")
    return 0


def cmd_workspace(args: argparse.Namespace) -> int:
    from tinyagent.tools.workspace import init_workspace

    if args.path is not None and args.workspace is not None and args.path != args.workspace:
        raise InputError(f"two workspaces given: {args.path} and --workspace {args.workspace}; give one.")
    path = check_folder(args.path or settings_from(args).workspace_dir, "workspace",
                        "`tinyagent workspace init`")
    made = init_workspace(path, sample=args.sample)
    print(f"Workspace ready at {made}" + (" (with sample data)" if args.sample else ""))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from tinyagent.tools import ToolConfig, index_documents

    settings = settings_from(args)
    check_folder(settings.workspace_dir, "workspace", "--workspace (or TINYAGENT_WORKSPACE)")
    counts = index_documents(args.path, settings.workspace_dir,
                             ToolConfig(allowed_roots=[Path(args.path).resolve()]))
    print(json.dumps(counts))
    return 0


def cmd_finetune(args: argparse.Namespace) -> int:
    from tinyagent.finetune.__main__ import main as finetune_main

    return finetune_main(args.rest) or 0


def cmd_rules(args: argparse.Namespace) -> int:
    from tinyagent.nodes.rules.pipeline import EMBEDDED_ONLY, RULES

    for r in RULES:
        print(f"{r.name:28s} {r.stage + ('*' if r.name in EMBEDDED_ONLY else ''):15s} {r.guards or '-':16s} {r.purpose}")
    print("\n* turns down tokens as the model writes: llama.cpp in process at temperature 0 only, not behind "
          "a model server (model_url)")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from tinyagent.finetune.__main__ import main as finetune_main

    return finetune_main(["eval", *args.rest]) or 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tinyagent", description="An offline agent that plans tool "
                                "calls with a small local model and runs them in parallel.")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="run one request", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("query")
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.add_argument("--dry-run", action="store_true", help="plan and compile, run no tool")
    r.add_argument("--yes", action="store_true", help="run the plan without asking, even the steps "
                   "that need approval (--approve); without a terminal such a plan needs --yes")
    add_settings_flags(r)
    r.set_defaults(func=cmd_run)

    c = sub.add_parser("chat", help="interactive chat")
    c.add_argument("--thread", help="resume a conversation thread by id")
    c.add_argument("--no-approval", action="store_true", help="run plans without asking first (--approve none)")
    add_settings_flags(c)
    c.set_defaults(func=cmd_chat)

    rl = sub.add_parser("rules", help="list the plan rules (name, what it guards, purpose); switch one off "
                        "with TINYAGENT_RULES_OFF or context rules_off")
    rl.set_defaults(func=cmd_rules)

    t = sub.add_parser("threads", help="list the saved chat threads (resume one with chat --thread)")
    add_settings_flags(t)
    t.set_defaults(func=cmd_threads)

    w = sub.add_parser("workspace", help="manage the workspace folder")
    wsub = w.add_subparsers(dest="action", required=True)
    wi = wsub.add_parser("init", help="create the workspace layout")
    wi.add_argument("path", nargs="?", type=Path, help="the folder (default: --workspace, TINYAGENT_WORKSPACE, "
                    "or 'workspace' in the data folder, ~/.local/share/tinyagent/workspace); give one or the other, "
                    "not both")
    wi.add_argument("--sample", action="store_true", help="add clearly marked sample data")
    add_settings_flags(wi)
    wi.set_defaults(func=cmd_workspace)

    i = sub.add_parser("index", help="add a folder of documents to the search index")
    i.add_argument("path", type=Path)
    add_settings_flags(i)
    i.set_defaults(func=cmd_index)

    f = sub.add_parser("finetune", help="generate | retriever | train | export | eval (see finetune/)",
                       add_help=False)
    f.add_argument("rest", nargs=argparse.REMAINDER)
    f.set_defaults(func=cmd_finetune)

    e = sub.add_parser("eval", help="evaluate the planner on a split (same as finetune eval)",
                       add_help=False)
    e.add_argument("rest", nargs=argparse.REMAINDER)
    e.set_defaults(func=cmd_eval)
    return p


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    """Bad input is one line on stderr (what is wrong, what to do) and exit status 2, never a
    traceback; an unexpected error is one line and status 1 (TINYAGENT_DEBUG=1 shows it whole)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["eval"], ["finetune"]):  # their own flags, --help included, go to their own parser
        args = argparse.Namespace(rest=argv[1:], func=cmd_eval if argv[0] == "eval" else cmd_finetune, json=False)
    else:
        args = parser().parse_args(argv)
    try:
        return args.func(args)
    except USER_ERRORS as exc:
        print(f"tinyagent: {one_line(exc)}", file=sys.stderr)
        if getattr(args, "json", False):  # `run --json`: the outcome on stdout too
            print(json.dumps({"status": "error", "error": one_line(exc), "exit_status": 2}))
        return 2
    except ApprovalNeeded as exc:
        print(f"tinyagent: {one_line(exc)}", file=sys.stderr)
        return NEEDS_APPROVAL
    except KeyboardInterrupt:
        if getattr(args, "json", False):
            print(json.dumps({"status": "interrupted", "exit_status": 130}))
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("TINYAGENT_DEBUG"):
            raise
        print(f"tinyagent: unexpected error: {type(exc).__name__}: {one_line(exc)} "
              "(run again with TINYAGENT_DEBUG=1 to see where)", file=sys.stderr)
        if getattr(args, "json", False):
            print(json.dumps({"status": "error", "error": f"unexpected error: {type(exc).__name__}: {one_line(exc)}",
                              "exit_status": 1}))
        return 1


if __name__ == "__main__":
    sys.exit(main())
