"""Turn a plain function of (workspace, **arguments) into a LangChain tool with a pydantic schema."""

from __future__ import annotations

import inspect
import re
from typing import Annotated, Any, Callable

from langchain_core.tools import BaseTool, StructuredTool, ToolException
from pydantic import BaseModel, BeforeValidator

from tinyagent.tools.paths import Workspace, disk_full


def _as_list(value: Any) -> Any:
    """Small models often write one string where a list is expected: accept it."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        value = value.decode() if isinstance(value, bytes) else value
        parts = [p.strip() for p in re.split(r"[,;]", value)]
        if len(parts) > 1 and all("@" in p for p in parts):  # "a@x.org, b@y.org"
            return parts
        return [value] if value.strip() else []
    if isinstance(value, tuple):
        return list(value)
    return value


#: A list of strings that also accepts a single string (or None) from the planner.
StrList = Annotated[list[str], BeforeValidator(_as_list)]


def make_tool(ws: Workspace, fn: Callable[..., Any], schema: type[BaseModel]) -> BaseTool:
    """A StructuredTool named after ``fn``, described by its docstring, bound to ``ws``.

    Unexpected OS and value errors become ToolException messages, so the planner sees a
    sentence instead of a traceback.
    """
    name = fn.__name__

    def run(**kwargs: Any) -> Any:
        try:
            return fn(ws, **kwargs)
        except ToolException:
            raise
        except (OSError, ValueError, LookupError, TypeError) as exc:
            full = disk_full(exc, getattr(exc, "filename", None) or ws.root)
            raise (full or ToolException(f"{name} failed: {exc}")) from exc

    return StructuredTool.from_function(
        func=run, name=name, description=inspect.cleandoc(fn.__doc__ or name), args_schema=schema)
