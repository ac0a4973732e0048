"""The words a person, file or note name may be copied from: spans of the request and the earlier turns."""

from __future__ import annotations

import re

from tinyagent.nodes.request.lexicon import NAME_EDGES

_TOKEN = re.compile(r"[^\s,;:!?()\[\]{}\"]+")
MAX_WORDS = 5
#: A name an earlier turn's call looked up or opened: name='Aisha', file_name='Q3 report'
_CALLED = re.compile(r"\b(?:name|file_name)=(?:'([^']+)'|\"([^\"]+)\")")  # ("James O'Brien" in double quotes)


def _tokens(text: str) -> list[str]:
    out = []
    for t in _TOKEN.findall(text or ""):
        t = re.sub(r"(?:'s|’s|')$", "", t.strip(".'’`"))
        if t:
            out.append(t)
    return out


def request_spans(query: str, reading: str = "", context: str = "") -> list[str]:
    """Every run of one to five words of the request (as typed and as read, typos corrected), of the
    person's earlier turns and of the earlier answers (their file paths left out), that neither starts nor
    ends with a small word, plus the names earlier calls looked up; the longest first, each once."""
    texts = [query, reading]
    for line in (context or "").splitlines():
        if line.startswith("User:"):
            texts.append(line.split(":", 1)[1])
        elif line.startswith("Assistant:"):  # (a file path an answer shows names no one: "Mail/drafts/cur/17966.vm")
            texts.append(" ".join(t for t in line.split(":", 1)[1].split() if "/" not in t and "\\" not in t))
    spans = dict.fromkeys(a or b for a, b in _CALLED.findall(context or ""))  # (a dict keeps the order and each once)
    for text in texts:
        words = _tokens(text)
        for n in range(MAX_WORDS, 0, -1):
            for i in range(len(words) - n + 1):
                run = words[i:i + n]
                if run[0].lower() not in NAME_EDGES and run[-1].lower() not in NAME_EDGES:
                    spans.setdefault(" ".join(run))
    return list(spans)
