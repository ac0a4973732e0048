"""Find files by (fuzzy) name in the workspace and the roots the user allowed."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import make_tool
from tinyagent.tools.paths import Workspace

#: Workspace folders that hold data of other tools, not user files.
SKIP_DIRS = {"Mail", ".tinyagent"}
MAX_FILES = 50_000
#: Words around a file's name that are not in it: "the q3 report", "my tax letter pdf"
_FILLER = {"the", "my", "our", "a", "an", "this", "that", "your", "file", "pdf", "doc", "docx", "document"}


def _key(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def iter_files(ws: Workspace):
    """Every visible file under the workspace and the allowed roots (bounded, no symlinked dirs)."""
    seen = 0
    for root in ws.roots:
        for dirpath, dirnames, filenames in os.walk(root):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                 and not (here == ws.root and d in SKIP_DIRS))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                seen += 1
                if seen > MAX_FILES:
                    return
                yield here / name


def _typed_off(word: str, words: list[str]) -> bool:
    """``word`` is one of ``words`` with one letter left out, added, changed or two swapped ("lisbn", "handbok",
    "reprot"; not "contract" for "contacts")."""
    from tinyagent.store.spelling import edit_distance

    return len(word) >= 4 and any(w[:1] == word[:1] and edit_distance(word, w) <= 1 for w in words)


def _score(query: str, q_ext: str, path: Path) -> float:
    name, stem = path.name.lower(), _key(path.stem)
    if query == name:
        return 1.0
    if q_ext and path.suffix.lower() != q_ext:
        return 0.0
    q = _key(Path(query).stem if q_ext else query)
    if not q:
        return 0.0
    if q == stem:
        return 0.95
    words = stem.split()
    asked = [t for t in q.split() if t not in _FILLER] or q.split()
    if all(t in words or t.removesuffix("s") in words for t in asked):
        return 0.85
    if q in stem:
        return 0.8
    # each word of the name said, one of them typed a letter off and another exact ("lisbn itinerary", "team handbok"):
    # that file (a single word a letter off, "Budjet", is only suggested)
    exact = [t for t in asked if t in words or t.removesuffix("s") in words]
    if exact and len(asked) - len(exact) == 1 and all(t in exact or _typed_off(t, words) for t in asked):
        return 0.7
    ratio = difflib.SequenceMatcher(None, q, stem).ratio()
    return 0.45 * ratio if ratio >= 0.6 else 0.0  # a near name is only suggested, never opened


def find_file(ws: Workspace, file_name: str) -> Path:
    """An existing file named by a path (inside the allowed folders) or by its name or the words of
    its name; a merely similar name ("contract" for contacts.vcf) is an error that suggests it."""
    text = (file_name or "").strip().strip("'\"")
    if not text:
        raise ToolException("The file name is empty; give a file name such as 'report.pdf'.")
    looks_like_path = "/" in text or "\\" in text or text.startswith("~") or text.startswith("..")
    try:
        direct = ws.resolve(text, what="file path")
    except ToolException:
        if looks_like_path:
            raise
        direct = None
    if direct is not None and direct.is_file():
        return direct
    if looks_like_path and direct is not None and direct.is_dir():
        raise ToolException(f"'{text}' is a folder, not a file; give a file inside it.")
    query = Path(text).name.lower()
    suffix = Path(query).suffix
    q_ext = suffix if 1 < len(suffix) <= 6 and suffix[1:].isalnum() else ""
    scored = [(s, p) for p in iter_files(ws) if (s := _score(query, q_ext, p)) > 0]
    if not scored:
        where = ", ".join(ws.display(r) for r in ws.roots)
        raise ToolException(f"No file matching '{text}' in the workspace or allowed folders ({where}). Check "
                            f"the name, or put the file in one of those folders and ask again.")
    best = max(s for s, _ in scored)
    top = sorted(p for s, p in scored if s == best)
    if best < 0.5:
        close = ", ".join(ws.display(p) for _, p in sorted(scored, key=lambda sp: -sp[0])[:3])
        raise ToolException(f"No file named '{text}' was found. Closest names: {close}.")
    if len(top) > 1:
        listing = ", ".join(ws.display(p) for p in top[:5])
        raise ToolException(f"Several files match '{text}': {listing}. Give a longer name or the path.")
    return top[0]


class FileArgs(BaseModel):
    file_name: str = Field(description="Name or part of the name of the file.",
                           json_schema_extra={"x-role": "file"})


def open_and_get_file_path(ws: Workspace, file_name: str) -> str:
    """Find a file by name and return its path.

    The path is relative to the workspace when the file is inside it; pass it to summarize_pdf or
    as an email attachment.
    """
    return ws.display(find_file(ws, file_name))


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, open_and_get_file_path, FileArgs)]
