"""The final answer, built in code from the task records: what ran, what failed, what was not done.

Nothing here is written by the model, so the answer never claims an action whose task did not
succeed and never states content that no tool returned. Tool results that are already sentences
("Created event 'Review' on Friday 4 December 2026, 15:00 to 16:00 in calendar.ics.") are quoted
as they are; values (a phone number, a summary, a program's output) are introduced by what was
asked. Lookups whose result a later successful step used are not repeated.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Sequence

from tinyagent.nodes.plans.prompts import as_text
from tinyagent.tools.risk import RISK_WORDS
from tinyagent.tools.passages import alike, reranked, topic_words

MAX_RESULT_CHARS = 700

#: Leading words of a tool name that say "fetch": get_phone_number -> "phone number".
_FETCH = re.compile(r"^(?:get|open_and_get|fetch|find|lookup|look_up|read|search|open)_")


def _label(tool: str) -> str:
    return _FETCH.sub("", tool).replace("_", " ").strip() or tool


def _action(tool: str) -> str:
    """``send_sms`` -> "send sms"; ``open_and_get_file_path`` -> "find the file path"."""
    if _FETCH.match(tool):
        return f"find the {_label(tool)}"
    return tool.replace("_", " ")


def _text(value: Any) -> str:
    text = as_text(value).strip()
    return text if len(text) <= MAX_RESULT_CHARS else text[: MAX_RESULT_CHARS - 3].rstrip() + "..."


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" or text.endswith('"') else text + "."  # (a report ending in a quote: as it is)


def _subject(task: dict) -> str:
    """The first literal argument, as the thing a lookup was about ("Marcus", "Q3 report")."""
    for value in (task.get("args") or {}).values():
        if isinstance(value, str) and value and not value.startswith("$"):
            return value
    return ""


def _is_fetch(tool: str) -> bool:
    return bool(_FETCH.match(tool)) or tool.startswith(("summarize", "run_", "calculate", "search"))


#: Words of a search that ask, not about what: "the", "what", "say"
_PLAIN_ASKED = {"the", "what", "whats", "does", "say", "says", "about", "and", "for", "from", "with", "that", "this", "are",
                "was", "how", "when", "where", "who", "which", "why", "can", "you", "tell", "there", "any", "have", "has",
                "did", "get", "got", "according", "document", "documents", "file", "pdf", "doc", "your", "mine"}


def _query_words(query: str) -> set[str]:
    """The words of a question a passage's sentence is judged by (three letters or more)."""
    return {w for w in re.findall(r"\w+", query.casefold()) if len(w) > 2}


def _best_sentences(text: str, query: str, n: int = 2) -> str:
    """The ``n`` sentences of a passage that share the most with the query, in their order. A shared word
    counts less the more sentences hold it: in a Lisbon itinerary, "hotel" picks the hotel's sentence over
    the sentences that only say "Lisbon". A sentence that shares none is left out when another shares some
    (a title line, a sample marker)."""
    sentences = [x.strip() for x in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if x.strip()]
    words = _query_words(query)
    held = [{w for w in words if any(alike(w, x) for x in re.findall(r"\w+", s.casefold()))}  # ("passwords": "password")
            for s in sentences]
    spread = {w: sum(w in h for h in held) for w in words}
    shared = [sum(1 / spread[w] for w in h) for h in held]
    ranked = sorted(range(len(sentences)), key=lambda i: -shared[i])[:n]
    if any(shared[i] for i in ranked):
        ranked = [i for i in ranked if shared[i]]
    return " ".join(sentences[i] for i in sorted(ranked))


def _shares(text: str, query: str) -> bool:
    return bool(_query_words(query) & set(re.findall(r"\w+", text.casefold())))


#: A hit that is an inbox email (tools/inbox_search.py): its label names the sender and the subject
_EMAIL_SHOWN = re.compile(r"^[^:]*'s email '")


def _shown_text(hit: dict, query: str) -> str:
    """What a hit shows: an email whole, a document's passage by the sentences that answer the query."""
    return str(hit["text"]) if _EMAIL_SHOWN.search(str(hit.get("path", ""))) else _best_sentences(str(hit["text"]), query)


def _passages(result: list, query: str, question: str = "") -> str:
    """Search hits ({"path", "text"}, best first) as the sentences that answer the query and the person's
    ``question`` (the request's words that ask about something); the second hit only where it shares a word
    with them, or the first does not either."""
    hits = [h for h in result if isinstance(h, dict) and h.get("text")]
    asked = topic_words(question, []) if question else []
    if asked:  # ("which hotel am i staying at in lisbon?" searched as "lisbon": the hotel's passage first)
        hits = reranked(hits, asked, len(hits))
        query = " ".join([query, *asked])
    hits = hits[:2]
    if len(hits) == 2 and _shares(str(hits[0]["text"]), query) and not _shares(str(hits[1]["text"]), query):
        hits = hits[:1]
    # (an email is shown whole: "Marcus Chen's email 'Firmware 2.1 release notes' of Fri 27 Nov: Hi, ...")
    lines = [f"{h.get('path', '')}: {_shown_text(h, query)}".lstrip(": ") for h in hits]
    missing = hits[0].get("missing") if hits and all(h.get("missing") for h in hits) else None
    if missing:  # ("what does the team handbook say about holidays?": it says nothing of them)
        where = " and ".join(dict.fromkeys(str(h.get("path", "")).rsplit("/", 1)[-1] for h in hits)) or "The document"
        lines.insert(0, f"{where} does not mention {', '.join(map(str, missing))}; the passages closest to the question:")
    elif hits and (said := sorted(w for w in _query_words(query) if w not in _PLAIN_ASKED)) \
            and not any(_shares(f"{h['text']} {h.get('path', '')}", " ".join(said)) for h in hits):
        # ("what does my lease say about pets?" with no lease: the nearest passages are about something else)
        lines.insert(0, f"Your documents do not mention {' or '.join(said)}; the passages closest to the question:")
    return "\n".join(lines)


def process_failure(result: Any) -> str | None:
    """A program's result that failed ({"stdout", "stderr", "exit_code"} with a non-zero exit) as one
    sentence: the error's last line, the line of the code it names, and what was printed before it."""
    if not (isinstance(result, dict) and {"stderr", "exit_code"} <= set(result) and result.get("exit_code")):
        return None
    lines = [x.strip() for x in str(result.get("stderr") or "").splitlines() if x.strip()]
    error = lines[-1] if lines else f"it stopped with exit status {result['exit_code']}"
    # the person's line (main.py), not the library's where the error was raised ("statistics.py", line 327)
    stderr = str(result.get("stderr") or "")
    at = re.findall(r'File "main\.py", line (\d+)', stderr) or re.findall(r'line (\d+)', stderr)
    where = f" at line {at[-1]}" if at and not error.startswith("Stopped") else ""
    printed = " ".join(str(result.get("stdout") or "").split())
    return (f"The code failed{where}: {error.rstrip('.')}."
            + (f" Before that it printed: {printed[:200]}" if printed else ""))


def done_line(task: dict, label: str | None = None, question: str = "") -> str:
    """One line for a finished task. ``label`` (the tool's ``metadata["label"]``) introduces a value; passages
    found are shown by what ``question`` (the person's request) asks."""
    raw = task.get("result")
    if isinstance(raw, str) and raw.lstrip().startswith('{"stdout"'):  # the record as JSON text
        try:
            raw = json.loads(raw)
        except ValueError:
            pass
    if (failure := process_failure(raw)) is not None:  # (read after the JSON text: a failed run is no output)
        return failure
    if isinstance(raw, dict) and {"stdout", "exit_code"} <= set(raw):  # a program that ran: what it printed
        raw = str(raw.get("stdout") or "").strip() or "nothing (the code printed no output)"
    inbox = False
    if isinstance(raw, list) and raw and all(isinstance(h, dict) and "text" in h for h in raw):
        # emails found in the inbox are introduced as such, not by the words searched ("the message Mr Chen sent ...")
        inbox = label is not None and all(_EMAIL_SHOWN.search(str(h.get("path", ""))) for h in raw)
        raw = _passages(raw, _subject(task), question)
    result = _text(raw)
    if not result:
        return f"Ran {task['tool']}."
    if not _is_fetch(task["tool"]) and "\n" not in result and not label:
        if re.match(r"^[A-Z]\S*\s+\S+\s+\S+", result):
            return _sentence(result)  # an action's own report: "Created event ...", "SMS to ... queued ..."
        return f"{_sentence(task['tool'].replace('_', ' ')).rstrip('.')}: {result}"  # a bare value
    about = _subject(task)
    about = about if about and len(about) < 60 and "(" not in about and "\n" not in about and not inbox else ""
    label = "From your inbox" if inbox else label
    if label:
        head = label + (f" ({about})" if about else "")
    elif about and "\n" not in result and len(result) <= 120:
        return f"The {_label(task['tool'])} of {about} is {result}."
    else:
        head = _label(task["tool"]).capitalize() + (f" ({about})" if about else "")
    return f"{head}:\n{result}" if "\n" in result or len(result) > 120 else f"{head}: {result}"


def failed_line(task: dict) -> str:
    return f"I could not {_action(task['tool'])}: {_sentence(_text(task.get('error') or 'it failed'))}"


def skipped_line(task: dict, reason: str) -> str:
    return f"I did not {_action(task['tool'])}, because {reason}."


def unserved_answer(verb: str, shown_tools: Iterable[str] = ()) -> str:
    """The answer to a request that asks for an action no tool does ("pay the gas bill")."""
    names = ", ".join(_label(t) for t in shown_tools)
    return (f"I can't do that: none of my tools can {verb}" + (f" (the nearest of my tools: {names})." if names else ".")
            + " Nothing was run.")


def compose(tasks: Sequence[dict], shown_tools: Iterable[str] = (), labels: dict[str, str] | None = None,
            question: str = "") -> str:
    """One answer for every task of the request (all rounds), grounded in the records alone; ``question`` is
    the request, whose words choose the passages a search shows."""
    labels = labels or {}
    if not tasks:
        names = ", ".join(_label(t) for t in shown_tools)
        return ("I can't do that: none of my tools fits this request"
                + (f" (the nearest of my tools: {names})." if names else ".") + " Nothing was run.")
    used = {d for t in tasks if t.get("status") == "done" for d in (t.get("deps") or ())}
    failed_ids = {t["id"] for t in tasks if t.get("status") in ("failed", "error")}
    lines: list[str] = []
    for t in tasks:
        status = t.get("status")
        if status == "done":
            if t["id"] not in used or _link_not_shown(t, tasks):
                lines.append(done_line(t, labels.get(t["tool"]), question))
        elif status in ("failed", "error"):
            lines.append(failed_line(t))
        elif status == "skipped":
            causes = sorted(set(t.get("deps") or ()) & failed_ids)
            reason = (f"step {causes[0]} ({_action(next(x['tool'] for x in tasks if x['id'] == causes[0]))}) failed"
                      if causes else "a step it needed did not finish")
            lines.append(skipped_line(t, reason))
        elif status == "rejected":
            lines.append(skipped_line(t, "you did not approve it"))
        elif status in ("planned", "running"):
            lines.append(skipped_line(t, "the run stopped before it"))
    if not lines:
        lines.append("Done.")
    return "\n".join(lines)


def _link_not_shown(task: dict, tasks: Sequence[dict]) -> bool:
    """A link a step made (a meeting room) that the steps using it do not report ("Created event 'Taxes' ... in
    calendar.ics" holds the link as its location, unseen): the person asked for it, so the answer shows it."""
    link = re.match(r"https?://\S+", str(task.get("result") or "").strip())
    return bool(link) and not any(link.group(0) in str(t.get("result") or "") for t in tasks
                                  if t is not task and task["id"] in (t.get("deps") or ()))


#: Errors a new plan can fix: the arguments did not fit the tool's schema.
_FIXABLE = re.compile(r"bad arguments for|validation error|Field required|Input should be", re.I)


def fixable(tasks: Sequence[dict], round_: int) -> list[dict]:
    """The failed tasks of round ``round_`` whose error a new plan could fix (wrong arguments).
    A person not found, an ambiguous name, a missing file or a tool that crashed or timed out is
    reported instead: planning again cannot change those."""
    return [t for t in tasks if t.get("round", 0) == round_ and t.get("status") in ("failed", "error")
            and _FIXABLE.search(str(t.get("error") or ""))]


def _after(tasks: Sequence[dict]) -> str:
    """What ran, as the answer's first lines, where anything did."""
    return compose(tasks) + "\n" if any(t.get("status") == "done" for t in tasks) else ""


def stopped_answer(tasks: Sequence[dict], plan_error: str | None, stop: dict | None) -> str:
    """The answer when compile stopped the run before executing: no valid plan (``plan_error``), the
    plan rejected (``stop["reason"] == "rejected"``), or approval needed but impossible (no checkpointer)."""
    stop = stop or {}
    if stop.get("reason") == "rejected":
        return compose(tasks)
    if stop.get("reason") == "no_checkpointer":
        before = stop.get("done", 0)
        ran = [t for t in tasks if t.get("status") != "rejected"]  # with the lookups started early
        return _after(ran) + (
            f"Nothing {'else ' if len(ran) > before else ''}was run: step(s) {', '.join(map(str, stop['steps']))} "
            f"of the plan ({' and '.join(RISK_WORDS[r] for r in stop['risks'])}) need your approval, but this "
            f"graph has no checkpointer to pause on. Build it with one (build_graph(checkpointer=InMemorySaver())) "
            f"to be asked, or run with context={{'approve': 'none'}} to allow it without asking.")
    return _after(tasks) + (f"I could not write a valid plan for this request, so nothing more was run "
                            f"({plan_error}) Try rephrasing it, or name the tool to use.")
