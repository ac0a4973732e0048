"""What the nodes share: settings, the tools, the tool index and the model, loaded once and lazily."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Sequence

from langchain_core.tools import BaseTool

from tinyagent.nodes.context import Context, context_schema
from tinyagent.nodes.rules.early import EarlyRegistry
from tinyagent.tools.specs import ToolSpec


class Resources:
    """Holds the tool set and loads the model and the index on first use (both take seconds)."""

    def __init__(self, settings, tools: Sequence[BaseTool], llm: Any = None, index: Any = None):
        self.settings = settings
        names = [t.name for t in tools]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"Two tools share the name(s) {', '.join(dupes)}; tool names must be unique.")
        specs = [ToolSpec.from_tool(t) for t in tools]
        shown = [s.name for s in specs]  # what the plan calls them: `math.factorial` -> math_factorial
        clash = sorted({f"{t.name} ({s.name})" for t, s in zip(tools, specs) if shown.count(s.name) > 1})
        if clash:
            raise ValueError(f"Tools {', '.join(clash)} get the same name in a plan; rename one of them.")
        #: tools and specs by the name the plan calls them (the tool's own name where it is a Python
        #: identifier; ToolSpec.real_name is the tool's own name)
        self.tools: dict[str, BaseTool] = {s.name: t for s, t in zip(specs, tools)}
        self.specs: dict[str, ToolSpec] = {s.name: s for s in specs}
        #: the graph's context schema: Context with these settings as its defaults
        self.context_type: type[Context] = context_schema(settings)
        #: read-only tasks started while their plan is written, until the execute node takes them
        self.early = EarlyRegistry()
        self._llm = llm
        self._index = index
        self._synced = False
        self._lock = threading.Lock()

    def llm(self, progress: Callable[[str], None] | None = None) -> Any:
        with self._lock:
            if self._llm is None:
                from tinyagent.nodes.model.llm import load_llama
                t = time.perf_counter()
                if progress and getattr(self.settings, "model_url", None):
                    progress(f"Connecting to the model server {self.settings.model_url}")
                elif progress:
                    progress(f"Loading model {self.settings.model_path.name}"
                             + (f" + {self.settings.lora_path.name}" if self.settings.lora_path else ""))
                self._llm = load_llama(self.settings)
                if progress:
                    progress(f"Model loaded in {time.perf_counter() - t:.1f} s")
            return self._llm

    def index(self, progress: Callable[[str], None] | None = None) -> Any:
        with self._lock:
            if self._index is not None and not self._synced and hasattr(self._index, "sync_tools"):
                # a shared index passed in: add this graph's tools to it (cards are keyed by content)
                self._index.sync_tools(self.specs.values())
                self._synced = True
            if self._index is None:
                from tinyagent.store.tool_index import ToolIndex, load_examples
                t = time.perf_counter()
                if progress:
                    progress("Opening the tool index")
                index = ToolIndex(self.settings.store_dir)
                counts = index.sync_tools(self.specs.values())
                ex = index.sync_examples(load_examples())
                if progress and (counts["added"] or counts["updated"] or ex["added"] or ex["updated"]):
                    progress(f"Indexed {counts['added'] + counts['updated']} tool(s) and "
                             f"{ex['added'] + ex['updated']} example(s) in {time.perf_counter() - t:.1f} s")
                self._index = index
            return self._index


def run_context(runtime: Any, res: Resources) -> Context:
    """The run's context; a run given none (or a dict) gets the graph's defaults for what is missing."""
    ctx = getattr(runtime, "context", None) if runtime is not None else None
    if ctx is None:
        return res.context_type()
    return res.context_type(**ctx) if isinstance(ctx, dict) else ctx


def writer_of(runtime: Any) -> Callable[[Any], None]:
    """The run's custom-event writer (a no-op outside a streaming run)."""
    return getattr(runtime, "stream_writer", None) or (lambda _event: None)
