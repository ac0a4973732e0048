"""Document search: a Chroma index of the user's text, Markdown and PDF files, kept in step with the disk."""

from __future__ import annotations

import hashlib
import os
import re
import threading
import uuid
from pathlib import Path

from filelock import FileLock
from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import make_tool
from tinyagent.tools.config import ToolConfig
from tinyagent.tools.paths import STATE_DIR, Workspace, atomic_write

COLLECTION = "documents"
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst"}
SUFFIXES = TEXT_SUFFIXES | {".pdf"}
CHUNK_CHARS = 800
OVERLAP_CHARS = 150
MAX_K = 20
SKIP_DIRS = {"Mail", STATE_DIR}

_guard = threading.Lock()
_collections: dict[str, tuple] = {}  # index dir -> (client, collection, generation)
GENERATION_FILE = ".documents.generation"


def _split_long(paragraph: str, size: int) -> list[str]:
    """A paragraph longer than ``size``, cut at sentence (else word) boundaries."""
    pieces, current = [], ""
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        while len(sentence) > size:
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > size:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def chunk_text(text: str, size: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS) -> list[str]:
    """~``size``-character chunks made of whole paragraphs; each repeats the previous one's tail."""
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if para:
            paragraphs.extend(_split_long(para, size) if len(para) > size else [para])
    chunks: list[str] = []
    current: list[str] = []
    for para in paragraphs:
        if current and len("\n\n".join(current + [para])) > size:
            chunks.append("\n\n".join(current))
            tail = current[-1]
            if len(tail) > overlap:  # keep the last sentences that fit in the overlap
                cut = tail.find(" ", len(tail) - overlap)
                tail = tail[cut + 1:] if cut != -1 else ""
            current = [tail] if tail and len(tail) + len(para) + 2 <= size else []
        current.append(para)
    if current:
        chunks.append("\n\n".join(current))
    return chunks


def _generation(index_dir: Path) -> str:
    """A token that index_documents changes after every write, in any process."""
    try:
        return (index_dir / GENERATION_FILE).read_text().strip()
    except OSError:
        return ""


def _collection(index_dir: Path, create: bool):
    """The Chroma collection under ``index_dir``, reopened when another process changed the index."""
    key = str(index_dir)
    with _guard:
        generation = _generation(index_dir)
        cached = _collections.get(key)
        if cached and cached[2] == generation:
            return cached[1]
        if not create and not index_dir.exists():
            return None
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        from tinyagent.store.embeddings import MiniLMEmbeddingFunction

        if cached:  # another process wrote to the index: this process's view is stale
            try:
                cached[0].close()
            except Exception:  # an older client without close(): keep going with a new one
                pass
        index_dir.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=key, settings=ChromaSettings(anonymized_telemetry=False))
        col = client.get_or_create_collection(
            COLLECTION, embedding_function=MiniLMEmbeddingFunction(), metadata={"hnsw:space": "cosine"})
        _collections[key] = (client, col, generation)
        return col


def _bump_generation(index_dir: Path) -> None:
    """Record a write, so other processes reopen the index and this one keeps its up-to-date view."""
    generation = uuid.uuid4().hex
    atomic_write(index_dir / GENERATION_FILE, generation)
    with _guard:
        if str(index_dir) in _collections:
            client, col, _ = _collections[str(index_dir)]
            _collections[str(index_dir)] = (client, col, generation)


def read_document(path: Path) -> str:
    if path.suffix.lower() == ".pdf":
        from tinyagent.tools.pdf import extract_text
        return extract_text(path, path.name)
    return path.read_text(encoding="utf-8", errors="replace")


def _files(target: Path, ws: Workspace) -> list[Path]:
    if target.is_file():
        return [target] if target.suffix.lower() in SUFFIXES else []
    out = []
    for dirpath, dirnames, filenames in os.walk(target):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and not (here == ws.root and d in SKIP_DIRS))
        out += [here / f for f in sorted(filenames)
                if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES
                and not (here == ws.root and f == "README.txt" and _layout_readme(here / f))]
    return out


def _layout_readme(path: Path) -> bool:
    """The README.txt a workspace is made with (its folders, listed), not a document of the person's: a question's
    passages from it read like claims ("queued text messages") and answer nothing."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").startswith("This folder is a TinyAgent workspace")
    except OSError:
        return False


def _target(path: str | Path, ws: Workspace) -> Path:
    p = Path(path).expanduser()
    if not p.is_absolute():
        p = Path.cwd() / p if (Path.cwd() / p).exists() else ws.root / p
    target = ws.resolve(str(p), what="folder to index")
    if not target.exists():
        raise ToolException(f"{path} does not exist.")
    return target


def index_documents(path: str | Path, workspace: str | Path, config: ToolConfig | None = None) -> dict:
    """Add the text, Markdown and PDF files under ``path`` to the document index.

    Unchanged files are skipped (size, mtime, then sha256), a changed file's chunks are replaced, and
    indexed files under ``path`` that are gone are removed. Returns counts.
    """
    ws = Workspace(workspace, config)
    target = _target(path, ws)
    files = _files(target, ws)
    counts = {"files": len(files), "added": 0, "updated": 0, "unchanged": 0, "removed": 0,
              "skipped": 0, "chunks": 0, "errors": []}
    ws.index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(ws.index_dir / ".documents.lock"), timeout=600):
        col = _collection(ws.index_dir, create=True)
        known: dict[str, dict] = {}
        got = col.get(include=["metadatas"])
        for meta in got["metadatas"] or []:
            known.setdefault(meta["path"], meta)
        pending: list[tuple[str, str, dict]] = []
        for f in files:
            key, st = str(f), f.stat()
            old = known.get(key)
            if old and old.get("mtime") == st.st_mtime and old.get("size") == st.st_size:
                counts["unchanged"] += 1
                continue
            data = f.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            if old and old.get("sha256") == sha:
                counts["unchanged"] += 1
                continue
            try:
                chunks = chunk_text(read_document(f))
            except (ToolException, OSError, UnicodeError) as exc:
                counts["skipped"] += 1
                counts["errors"].append({"path": ws.display(f), "error": str(exc)})
                continue
            if old:
                col.delete(where={"path": key})
                counts["updated"] += 1
            else:
                counts["added"] += 1
            stem = hashlib.sha1(key.encode()).hexdigest()[:16]
            meta = {"path": key, "mtime": st.st_mtime, "size": st.st_size, "sha256": sha}
            pending += [(f"{stem}-{i}", chunk, {**meta, "chunk": i}) for i, chunk in enumerate(chunks)]
        for start in range(0, len(pending), 256):  # few large embedding batches
            ids, docs, metas = zip(*pending[start:start + 256])
            col.add(ids=list(ids), documents=list(docs), metadatas=list(metas))
        counts["chunks"] = len(pending)
        present = {str(f) for f in files}
        for key in known:
            p = Path(key)
            if key not in present and (p == target or p.is_relative_to(target)):
                col.delete(where={"path": key})
                counts["removed"] += 1
        counts["total_chunks"] = col.count()
        if pending or counts["updated"] or counts["removed"]:
            _bump_generation(ws.index_dir)
    return counts


class SearchArgs(BaseModel):
    query: str = Field(description="What to look for in the documents.", json_schema_extra={"x-role": "question"})
    k: int = Field(default=4, description="How many passages to return.")


def _named_passages(ws: Workspace, query: str, k: int) -> list[dict]:
    """A question about a document its words name ("Lisbon itinerary Tuesday"): that file's passages that
    answer it, read from the file itself (indexed or not); [] when the query names no document."""
    from tinyagent.store.embeddings import get_embedder
    from tinyagent.tools.files import iter_files
    from tinyagent.tools.passages import named_files, ranked_passages, topic_words

    named = named_files((p for p in iter_files(ws) if p.suffix.lower() in SUFFIXES), query)
    texts = {}
    for path in named[:3]:
        try:
            texts[ws.display(path)] = read_document(path)
        except (ToolException, OSError, UnicodeError):
            continue
    if not texts:
        return []
    return ranked_passages(texts, query, topic_words(query, named), min(int(k), MAX_K), get_embedder().embed)


def _index_documents_folder(ws: Workspace) -> None:
    """Before the first search, the workspace's Documents/ folder is indexed (nothing else is yet)."""
    from tinyagent.tools.workspace import DOCUMENTS_DIR

    folder = ws.root / DOCUMENTS_DIR
    if folder.is_dir() and _files(folder, ws):
        index_documents(folder, ws.root, ws.config)


def search_documents(ws: Workspace, query: str, k: int = 4) -> list[dict]:
    """Search the user's documents and return matching passages.

    A query that names a document by the words of its file name ("Lisbon itinerary Tuesday") is answered
    from that file's passages; one that asks of an email ("what did marcus say about the new firmware?",
    "the offsite agenda email") from the inbox's emails (tools/inbox_search.py), each headed by which email it is.
    Before the first search, the workspace's Documents/ folder is indexed.
    Returns a list of {"path", "text", "score"}, best first.
    """
    if not query.strip():
        raise ToolException("The search query is empty; say what to look for.")
    if int(k) < 1:
        raise ToolException(f"k={k} must be at least 1.")
    from tinyagent.tools.inbox_search import inbox_passages

    mails = inbox_passages(ws, query, min(int(k), 2))  # ("what did marcus say about the new firmware?": his email)
    if mails:
        return _shown(mails)
    named = _named_passages(ws, query, k)
    if named:
        return _shown(named)
    col = _collection(ws.index_dir, create=False)
    if col is None or col.count() == 0:
        _index_documents_folder(ws)
        col = _collection(ws.index_dir, create=False)
    if col is None or col.count() == 0:
        raise ToolException("No documents are indexed yet; add a folder with `tinyagent index PATH`.")
    from tinyagent.tools.passages import reranked, topic_words

    # a few more than asked, those holding the query's words first ("tuesday" in a chunk about Monday too)
    res = col.query(query_texts=[query], n_results=min(max(3 * int(k), 12), MAX_K, col.count()),
                    include=["documents", "metadatas", "distances"])
    hits = [{"path": ws.display(Path(meta["path"])), "text": doc, "score": round(1.0 - float(dist), 4)}
            for doc, meta, dist in zip(res["documents"][0], res["metadatas"][0], res["distances"][0])]
    return _shown(reranked(hits, topic_words(query, []), min(int(k), MAX_K)))


def _shown(hits: list[dict]) -> list[dict]:
    """The passages without the line a sample document opens with ("SAMPLE DATA: an example document ..."):
    it answers no question."""
    from tinyagent.tools.sample import SAMPLE_LINE

    out = [{**h, "text": " ".join(h["text"].replace(SAMPLE_LINE, " ").split())} for h in hits]
    return [h for h in out if h["text"]]


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, search_documents, SearchArgs)]
