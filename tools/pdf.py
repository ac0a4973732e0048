"""PDF text extraction (pypdf) and summaries: extractive by default, the local model when configured."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from pathlib import Path

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import make_tool
from tinyagent.tools.files import find_file
from tinyagent.tools.paths import Workspace

MAX_PAGES = 200
SUMMARY_SENTENCES = 5
SUMMARY_CHARS = 900
MODEL_INPUT_CHARS = 12000

_STOP = set("""a an and are as at be been but by can could did do does for from had has have he her his
i if in into is it its may me more most my no not of on or our she should so such than that the their
them then there these they this those to was we were what when which who will with would you your
also about after all any before between both each just other only over same some very""".split())

log = logging.getLogger(__name__)


def _clean(text: str) -> str:
    """Join the lines of a page into paragraphs: a short line (well under the page's width) ends one."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)          # words hyphenated across lines
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    width = max((len(line) for line in lines), default=0)
    out = []
    for line in lines:
        if not line:
            out.append("\n\n")
            continue
        out.append(line)
        out.append("\n\n" if len(line) < 0.75 * width else " ")
    return re.sub(r"\s*\n\n\s*", "\n\n", "".join(out)).strip()


def extract_text(path: Path, display: str) -> str:
    """All text of a PDF; a clear ToolException for encrypted, broken or text-less files."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (NotImplementedError, DependencyError) as exc:
                raise ToolException(f"{display} is encrypted ({exc}); it cannot be read.") from exc
            if not ok:
                raise ToolException(f"{display} is password-protected; it cannot be read without the password.")
        pages = reader.pages
        parts = [_clean(page.extract_text() or "") for page in list(pages)[:MAX_PAGES]]
    except ToolException:
        raise
    except FileNotDecryptedError as exc:
        raise ToolException(f"{display} is password-protected; it cannot be read without the password.") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise ToolException(f"{display} is not a readable PDF ({exc.__class__.__name__}: {exc}).") from exc
    text = "\n\n".join(p for p in parts if p)
    if not text:
        raise ToolException(f"{display} contains no extractable text (it may be empty or a scanned image).")
    return text


def sentences(text: str) -> list[str]:
    out = []
    for para in text.split("\n\n"):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", para.strip()):
            s = s.strip()
            if len(s.split()) >= 6 and re.search(r"[A-Za-z]{3}", s):
                out.append(s)
    return out


def extractive_summary(text: str, max_sentences: int = SUMMARY_SENTENCES, max_chars: int = SUMMARY_CHARS) -> str:
    """The highest-scoring sentences (word frequency, early position), in document order."""
    sents = sentences(text)
    if not sents:
        return text[:max_chars].strip()
    def words(s: str) -> list[str]:
        return [w for w in re.findall(r"[a-z][a-z'-]+", s.lower()) if w not in _STOP]
    freq = Counter(w for s in sents for w in words(s))
    top = max(freq.values(), default=1)
    scored = []
    for i, s in enumerate(sents):
        ws_ = words(s)
        if not ws_:
            continue
        score = sum(freq[w] / top for w in ws_) / math.sqrt(len(ws_))
        score *= 1.0 + 0.5 / (1 + i)                          # the opening says what the text is
        scored.append((score, i))
    chosen, used = [], 0
    for _, i in sorted(scored, reverse=True):
        if len(chosen) >= max_sentences or used + len(sents[i]) > max_chars and chosen:
            continue
        chosen.append(i)
        used += len(sents[i]) + 1
    return " ".join(sents[i] for i in sorted(chosen))


class PdfArgs(BaseModel):
    pdf_path: str = Field(description="Path or name of the PDF file.")


def summarize_pdf(ws: Workspace, pdf_path: str) -> str:
    """Summarize the text of a PDF file.

    Returns a short summary; the path may come from open_and_get_file_path.
    """
    path = find_file(ws, pdf_path)
    display = ws.display(path)
    with open(path, "rb") as fh:
        if b"%PDF" not in fh.read(1024):
            raise ToolException(f"{display} is not a PDF file.")
    text = extract_text(path, display)
    summary = extractive_summary(text)
    if ws.config.summarizer is not None and len(text) > len(summary):
        try:
            generated = (ws.config.summarizer(text[:MODEL_INPUT_CHARS]) or "").strip()
        except Exception:  # the model is optional: fall back to the extractive summary
            log.exception("summarizer failed; using the extractive summary")
            generated = ""
        if generated:
            summary = generated
    return summary


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, summarize_pdf, PdfArgs)]
