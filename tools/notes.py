"""Notes as Markdown files in folders under the workspace's Notes/ folder."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import make_tool
from tinyagent.tools.paths import Workspace, atomic_write, update_file
from tinyagent.tools.wording import note_text, said_line

NOTES_DIR = "Notes"
NOTE_SUFFIXES = (".md", ".markdown", ".txt")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    for suffix in NOTE_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    if not name.strip():
        raise ToolException("The note name is empty; give the note a name, e.g. 'Shopping list'.")
    return name.strip()


def notes_root(ws: Workspace) -> Path:
    """Notes/ of the workspace, symlinks resolved (the folder itself may be a link the user made)."""
    return Path(os.path.realpath(ws.root / NOTES_DIR))


def folder_path(ws: Workspace, folder: str | None) -> Path:
    """The folder of notes named ``folder`` ('Notes' or empty is the top folder), kept inside Notes/."""
    root = notes_root(ws)
    text = (folder or "").strip().rstrip("/")
    if text.lower() == NOTES_DIR.lower():
        return root
    if text.lower().startswith(NOTES_DIR.lower() + "/"):
        text = text[len(NOTES_DIR) + 1:]
    if not text:
        return root
    return ws.resolve(text, base=root, within=[root], what="folder")


def _note_file(ws: Workspace, name: str, folder: str | None) -> Path:
    base = folder_path(ws, folder)
    return ws.resolve(f"{name}.md", base=base, within=[base], what="note name")


#: Words of a note's name as people say it that are not part of its name ("my meeting notes", "the Ideas note").
_LOOSE = {"my", "the", "our", "a", "an", "this", "that", "note", "notes", "file", "list"}


def _fold(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _loosely_named(files: list[Path], name: str) -> list[Path]:
    """The notes whose name, else whose headings, hold every word of ``name`` besides 'my', 'the', 'note'
    and the like, plurals folded: several when it fits several."""
    want = {_fold(w) for w in _key(Path(name).name).split() if w not in _LOOSE}
    if not want:
        return []
    by_name = [p for p in files if want <= {_fold(w) for w in _key(p.stem).split()}]
    if by_name:
        return by_name
    heads = []
    for p in files:  # "the weekly sync notes": the note whose heading is "Falcon weekly sync"
        try:
            lines = p.read_text(encoding="utf-8", errors="replace").splitlines()[:200]
        except OSError:
            continue
        words = {_fold(w) for line in lines if line.lstrip().startswith("#") for w in _key(line).split()}
        if want <= words:
            heads.append(p)
    return heads


def find_note(ws: Workspace, name: str, folder: str | None = None) -> Path:
    """The existing note called ``name`` (case and punctuation ignored); error with suggestions."""
    name = _clean_name(name)
    root = notes_root(ws)
    base = folder_path(ws, folder) if folder else root
    for suffix in ("",) + NOTE_SUFFIXES:
        candidate = ws.resolve(name + suffix, base=base, within=[root], what="note name")
        if candidate.is_file():
            return candidate
    if not base.is_dir():
        where = f"folder '{folder}'" if folder else f"{NOTES_DIR}/"
        raise ToolException(f"There is no {where} with notes; create the note with create_note first.")
    files = [p for p in (base.rglob("*") if folder is None else base.glob("*"))
             if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES and not p.name.startswith(".")]
    want = _key(Path(name).name)
    hits = [p for p in files if _key(p.stem) == want]
    if len(hits) == 1:
        return ws.resolve(hits[0], within=[root], what="note")  # a symlink must not lead outside
    if len(hits) > 1:
        listing = ", ".join(ws.display(p) for p in sorted(hits))
        raise ToolException(f"Several notes are named '{name}': {listing}. Give the folder too.")
    hits = _loosely_named(files, name)
    if len(hits) == 1:  # "my meeting notes" for Work/Meeting notes.md, "the shopping note" for Shopping list
        return ws.resolve(hits[0], within=[root], what="note")
    if len(hits) > 1:
        listing = ", ".join(ws.display(p) for p in sorted(hits))
        raise ToolException(f"Several notes fit '{name}': {listing}. Give the note's full name.")
    stems = {_key(p.stem): p for p in files}
    close = difflib.get_close_matches(want, list(stems), n=3, cutoff=0.6)
    hint = (" Did you mean " + " or ".join(f"'{stems[c].stem}'" for c in close) + "?") if close else \
        (" Notes include: " + ", ".join(sorted(p.stem for p in files)[:6]) + ".") if files else ""
    where = f" in folder '{folder}'" if folder else ""
    raise ToolException(f"No note named '{name}'{where}.{hint} To start it, ask to create a new note named "
                        f"'{name}' (create_note).")


class CreateNoteArgs(BaseModel):
    name: str = Field(description="Name (title) of the note.")
    content: str = Field(default="", description="Text of the note.")
    folder: str = Field(default="Notes", description="Folder of the note.")


def create_note(ws: Workspace, name: str, content: str = "", folder: str = "Notes") -> str:
    """Create a new note with a name and content.

    Writes Notes/<folder>/<name>.md (folders are created). An existing note is never overwritten:
    the new one gets a numbered name.
    """
    name = _clean_name(name)
    path = _note_file(ws, name, folder)
    content = note_text(content)
    text = f"# {Path(name).name}\n\n{content.strip()}\n" if content.strip() else f"# {Path(name).name}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with ws.lock(path.parent):
        if path.exists():
            if path.read_text(encoding="utf-8", errors="replace") == text:
                return f"Note '{Path(name).name}' already exists with this content in {ws.display(path)}."
            n = 2
            while path.with_name(f"{path.stem} ({n}).md").exists():
                n += 1
            path = path.with_name(f"{path.stem} ({n}).md")
        atomic_write(path, text)
    return f"Created note '{Path(name).name}' in {ws.display(path)}." + said_line(content.strip())


class OpenNoteArgs(BaseModel):
    name: str = Field(description="Name of the note.", json_schema_extra={"x-role": "note"})
    folder: str | None = Field(default=None, description="Folder of the note; searched everywhere if omitted.")


def open_note(ws: Workspace, name: str, folder: str | None = None) -> str:
    """Open a note and return its content."""
    path = find_note(ws, name, folder)
    return path.read_text(encoding="utf-8", errors="replace")


class AppendNoteArgs(BaseModel):
    name: str = Field(description="Name of the existing note.")
    content: str = Field(description="Text to add at the end.")
    folder: str = Field(default="Notes", description="Folder of the note.")


def append_note_content(ws: Workspace, name: str, content: str, folder: str = "Notes") -> str:
    """Add text to the end of an existing note."""
    if not content.strip():
        raise ToolException("The content to append is empty; give the text to add.")
    top = (folder or "").strip().strip("/").lower() in ("", NOTES_DIR.lower())
    path = find_note(ws, name, None if top else folder)

    def change(old: bytes | None) -> str:
        text = (old or b"").decode("utf-8", errors="replace")
        if text and not text.endswith("\n"):
            text += "\n"
        return text + as_list_item(text, note_text(content).strip("\n")) + "\n"

    update_file(ws, path, change)
    return f"Appended to note '{path.stem}' in {ws.display(path)}." + said_line(note_text(content).strip())


_ITEM = re.compile(r"^(\s*)(?:([-*\u2022])|(\d+)([.)]))\s+\S")


def as_list_item(note: str, line: str) -> str:
    """One line added to a note that ends in a list is written as the list's next item ("- Bread" after "- Eggs",
    "4. Call the bank" after "3. ..."), a numbered line ("1) learn to juggle 2) build a birdhouse") as its next items;
    other text as it is."""
    last = next((x for x in reversed(note.splitlines()) if x.strip()), "")
    m = _ITEM.match(last)
    items = [x.strip() for x in re.split(r"(?:^|\s)\(?\d{1,2}[).]\s+", line.strip()) if x.strip()] \
        if re.match(r"\(?1[).]\s", line.strip()) else [line.strip()]
    if not m or "\n" in line.strip() or (_ITEM.match(line) and len(items) < 2):
        return line
    first = int(m.group(3)) + 1 if m.group(3) else 0
    return "\n".join(f"{m.group(1)}{m.group(2) or f'{first + i}{m.group(4)}'} {x}" for i, x in enumerate(items))


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, create_note, CreateNoteArgs), make_tool(ws, open_note, OpenNoteArgs),
            make_tool(ws, append_note_content, AppendNoteArgs)]
