"""`tinyagent chat`: the chat session: read a request, stream the run into the view, ask for approval."""

from __future__ import annotations

import logging
import queue
import sys
import threading
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Callable, Sequence

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langgraph.types import Command
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from tinyagent.graph.bootstrap import ensure_workspace
from tinyagent.graph.settings import Settings
from tinyagent.graph.threads import open_checkpointer
from tinyagent.graph.view import RunView, short
from tinyagent.nodes.report.approval import why_asked
from tinyagent.tools.risk import approve_text, parse_approve

HELP = """\
Type a request, e.g. "Email Sarah the Q3 slides and remind me to call her on Friday".
  /tools      the tools the agent can use
  /plan       the last plan, its tasks and their results
  /workspace  the workspace folder and what is in it
  /new        start a new conversation thread
  /help       this help          /quit  leave (or Ctrl-D)
Ctrl-C cancels the running request and keeps the session."""

APPROVAL_QUESTION = "Run this plan? [y/N/or type a comment to replan] "


def approval_words(approve: str) -> str:
    """The start line's words for an approval setting ("asks before plans that send or delete")."""
    return {"all": "asks before every plan", "none": "approval off: plans run without asking"}.get(
        approve, f"asks before plans that {approve.replace(',', ' or ')}")


QUIT = ("/quit", "/exit", "/q")


def approval_value(reply: str) -> Any:
    """The person's reply to the approval question, as a resume value for the compile node. A chat
    command ("/quit") is a no, never a comment for the planner to replan on."""
    reply = reply.strip()
    if reply.lower() in ("y", "yes"):
        return True
    if reply.lower() in ("", "n", "no") or reply.startswith("/"):
        return False
    return reply  # "ok", "no, use Tom" or a comment: the compile node reads it


class Cancelled(Exception):
    """The person pressed Ctrl-C."""


class StopWhenCancelled(BaseCallbackHandler):
    """Run callbacks that stop a cancelled run's model mid-sentence and start no more tools."""

    raise_error = True

    def __init__(self, cancel: threading.Event):
        self.cancel = cancel

    def _check(self, *args: Any, **kwargs: Any) -> None:
        if self.cancel.is_set():
            raise Cancelled("cancelled")

    on_llm_new_token = on_tool_start = on_llm_start = _check


# LangChain logs every error raised in a callback; a cancellation is not one to show.
logging.getLogger("langchain_core.callbacks.manager").addFilter(
    lambda record: not any("Cancelled(" in str(a) for a in record.args or ()))


def line_reader(settings: Settings) -> Callable[[str], str]:
    """prompt_toolkit with a history file on a terminal; plain ``input()`` when stdin is piped."""
    if not sys.stdin.isatty():
        return input
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    session = PromptSession(history=FileHistory(str(settings.data_dir / "history.txt")))
    return lambda prompt: session.prompt(prompt)


def new_thread_id() -> str:
    return uuid.uuid4().hex[:12]


class Chat:
    """One chat session: a graph with a checkpointer, the current thread, the console."""

    def __init__(self, graph: Any, settings: Settings, thread: str, approve: str,
                 console: Console, read_line: Callable[[str], str]):
        self.graph, self.settings, self.thread = graph, settings, thread
        self.approve = approve_text(parse_approve(approve))  # which risks wait for the person
        self.console, self.read_line = console, read_line
        self.worker: threading.Thread | None = None  # the current (or a cancelled) run
        self.cancelled = False  # the last run was cancelled and its thread not yet tidied

    @property
    def config(self) -> dict[str, Any]:
        return {"configurable": {"thread_id": self.thread}}

    # -- session -------------------------------------------------------------------------
    def start(self) -> None:
        """Say what is running, load the index and the model (showing progress), show the thread."""
        s, res = self.settings, self.graph.resources
        model = Path(s.model_path).name + (f" + {Path(s.lora_path).name}" if s.lora_path else "")
        self.console.print(f"[bold]tinyagent[/] · {model} · {len(res.tools)} tools · "
                           f"{approval_words(self.approve)} · /help for commands")
        with self.console.status("Starting…") as status:
            def progress(text: str) -> None:
                status.update(text)
                self.console.print(f"· {text}", style="dim")
            res.index(progress=progress)
            res.llm(progress=progress)
        self.show_thread()

    def show_thread(self) -> None:
        values = self.graph.get_state(self.config).values
        messages = values.get("messages", [])
        said = [m for m in messages if isinstance(m, HumanMessage) or (isinstance(m, AIMessage) and m.content)]
        for m in said[-6:]:  # the plan's tool calls and results are in between; show the words
            who = "you" if isinstance(m, HumanMessage) else "agent"
            self.console.print(f"[dim]{who}:[/] {short(m.content, 300)}")
        resumed = "Resumed" if messages else "Thread"
        self.console.print(f"{resumed} [bold]{self.thread}[/] (continue it later with "
                           f"`tinyagent chat --thread {self.thread}`)", highlight=False)

    def loop(self) -> int:
        while True:
            try:
                line = self.read_line("› ").strip()
            except KeyboardInterrupt:
                continue
            except EOFError:
                break
            if line in QUIT:
                break
            if line.startswith("/"):
                self.command(line)
            elif line and self.request(line) == "quit":
                break
        if self.wait_for_worker():
            self.tidy_cancelled()
        return 0

    def command(self, line: str) -> None:
        name = line.split()[0].lower()
        if name == "/help":
            self.console.print(HELP, highlight=False)
        elif name == "/tools":
            self.show_tools()
        elif name == "/plan":
            values = self.graph.get_state(self.config).values
            if values.get("plans"):
                view = RunView().load_state(values)
                self.console.print(Text(f"request: {values.get('query', '')}", style="dim"))
                self.console.print(view.render())
            else:
                self.console.print("No plan yet in this thread.")
        elif name == "/workspace":
            self.show_workspace()
        elif name == "/new":
            if self.wait_for_worker():
                self.tidy_cancelled()
            self.thread = new_thread_id()
            self.console.print(f"New thread [bold]{self.thread}[/]", highlight=False)
        else:
            self.console.print(f"Unknown command {name}; type /help.")

    def show_tools(self) -> None:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        for name, tool in sorted(self.graph.resources.tools.items()):
            table.add_row(Text(name, style="bold"), (tool.description or "").strip().splitlines()[0])
        self.console.print(table)

    def show_workspace(self) -> None:
        root = Path(self.settings.workspace_dir)
        self.console.print(f"Workspace: [bold]{root}[/]", highlight=False)
        if not root.is_dir():
            self.console.print("(it does not exist yet)")
            return
        for entry in sorted(root.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                n = sum(1 for p in entry.rglob("*") if p.is_file())
                self.console.print(f"  {entry.name}/  {n} file{'s' if n != 1 else ''}", highlight=False)
            else:
                self.console.print(f"  {entry.name}", highlight=False)

    # -- one request ---------------------------------------------------------------------
    def request(self, text: str) -> str:
        """Run a request to its end, asking for approval at each interrupt; "quit" when the person
        answered the approval question with /quit (the plan is rejected, then the chat ends)."""
        view = RunView()
        payload: Any = {"messages": [("human", text)]}
        quit_after = False
        while True:
            outcome = self.stream(payload, view)
            if outcome != "interrupt":
                return "quit" if quit_after else outcome
            reason = why_asked(view.interrupt or {})
            if reason:
                self.console.print(reason, style="bold", highlight=False)
            try:
                reply = self.read_line(APPROVAL_QUESTION)
            except (KeyboardInterrupt, EOFError):
                reply = "no"
            quit_after = quit_after or reply.strip().lower() in QUIT
            view.interrupt, view.finished = None, False
            view.printed = len(view.items)  # the plan is on screen already
            payload = Command(resume=approval_value(reply))

    def stream(self, payload: Any, view: RunView) -> str:
        """Stream one run into ``view`` on a Live display. Returns done, interrupt, cancelled or error."""
        if not self.wait_for_worker():
            return "cancelled"
        self.tidy_cancelled()
        events: queue.Queue = queue.Queue()
        cancel = threading.Event()
        config = {**self.config, "callbacks": [StopWhenCancelled(cancel)]}
        stream = self.graph.stream(payload, config=config, context={"approve": self.approve},
                                   stream_mode=["updates", "custom"])

        def pump() -> None:  # runs the graph in a worker thread so Ctrl-C never waits for a node
            try:
                for item in stream:
                    if cancel.is_set():
                        break
                    events.put(("item", item))
                events.put(("end", None))
            except BaseException as exc:  # noqa: BLE001 - shown to the person, the session goes on
                events.put(("error", exc))
            finally:
                stream.close()

        self.worker = threading.Thread(target=pump, name="tinyagent-run", daemon=True)
        self.worker.start()
        outcome = "cancelled"
        # transient: the live area is replaced by one final print, the same on a terminal or a pipe
        with Live(view.render(), console=self.console, refresh_per_second=8, transient=True) as live:
            try:
                while True:
                    try:
                        kind, item = events.get(timeout=0.1)
                    except queue.Empty:
                        continue
                    if kind == "item":
                        view.feed(*item)
                        live.update(view.render())
                    else:
                        outcome = ("error" if kind == "error" else
                                   "interrupt" if view.interrupt else "done")
                        break
            except KeyboardInterrupt:
                cancel.set()
                self.cancelled = True
                view.cancel()
        view.finished = True
        self.console.print(view.render())
        if outcome == "error":
            self.console.print(f"[red]Error:[/] {item}", highlight=False)
        elif outcome == "cancelled":
            self.console.print("[yellow]Cancelled.[/] The thread is kept; ask again or go on.")
        return outcome

    def tidy_cancelled(self) -> None:
        """Close a cancelled request in its thread: say so in the conversation, leave nothing pending."""
        if not self.cancelled:
            return
        self.cancelled = False
        state = self.graph.get_state(self.config)
        messages = state.values.get("messages", [])
        answered = bool(messages) and isinstance(messages[-1], AIMessage) and bool(messages[-1].content) \
            and not messages[-1].tool_calls
        if state.next or not answered:
            # every tool call of the plan gets its ToolMessage, so the record stays a valid chat
            results = {m.tool_call_id for m in messages if isinstance(m, ToolMessage)}
            open_calls = [c for m in messages if isinstance(m, AIMessage) for c in m.tool_calls
                          if c["id"] not in results]
            closed = [ToolMessage("Cancelled.", tool_call_id=c["id"], name=c["name"], status="error")
                      for c in open_calls]
            self.graph.update_state(self.config, {"messages": [*closed, AIMessage("(cancelled)")],
                                                  "status": "cancelled"}, as_node="join")

    def wait_for_worker(self) -> bool:
        """Let a cancelled run stop before the thread is used again; False if Ctrl-C cut the wait."""
        if self.worker is None or not self.worker.is_alive():
            return True
        try:
            with self.console.status("Waiting for the cancelled run to stop…"):
                self.worker.join()
        except KeyboardInterrupt:
            return False
        return not self.worker.is_alive()


def chat(settings: Settings | None = None, thread: str | None = None, approve: str | None = None, *,
         tools: Sequence[Any] | None = None, llm: Any = None, index: Any = None,
         console: Console | None = None, read_line: Callable[[str], str] | None = None) -> int:
    """Chat in the terminal. Threads persist in ``<data_dir>/threads.sqlite`` (or PostgreSQL, with a
    ``database_url`` setting); ``thread`` resumes one.

    approve: which risks wait for the person's yes ("send,delete", "all", "none"; default: the settings').

    tools, llm, index: as for ``build_graph`` (default: the project's tools and model).
    console, read_line: where output goes and how a line is read (default: the terminal).
    """
    from tinyagent.graph.graph import build_graph

    settings = settings or Settings()
    console = console or Console()
    if tools is None and ensure_workspace(settings.workspace_dir):
        console.print(f"Created a workspace with sample data at [bold]{settings.workspace_dir}[/]",
                      highlight=False)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = ExitStack()
    checkpointer = store.enter_context(open_checkpointer(settings))  # SQLite, or PostgreSQL
    try:
        graph = build_graph(tools=tools, settings=settings, checkpointer=checkpointer,
                            llm=llm, index=index)
        session = Chat(graph, settings, thread or new_thread_id(), approve or settings.approve, console,
                       read_line or line_reader(settings))
        session.start()
        return session.loop()
    finally:
        store.close()
