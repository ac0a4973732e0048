"""Joiner examples: synthetic results of each tool, and the Finish/Replan answer written from them."""

from __future__ import annotations

import contextlib
import io
import random
import re
from typing import Any
from urllib.parse import quote_plus

from finetune import data_vocab as V
from nodes.planlang import Task, format_call

SUMMARY_BITS = ["revenue grew 12% over the quarter", "the main risk is the delayed supplier contract",
                "the study recommends a second round of interviews", "the tenant may end the lease with 60 days notice",
                "costs must be approved by the finance team first", "the deadline is the end of next month",
                "three of the five goals were met", "the new design cut page load time in half",
                "the committee asks for a revised budget", "results favour option B"]

DOC_FACTS = ["new requests need a manager's approval", "the limit is 25 per day",
             "it takes 5 to 7 business days", "it must be filed before the 15th of each month",
             "the owner is the operations team", "exceptions go through the help desk",
             "it applies to all full-time staff", "it was last updated in March"]


def _run_code(code: str) -> str:
    """Run one of the generator's own arithmetic snippets to get the real printed result."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # noqa: S102 - only code written by data_intents._calc
    return out.getvalue().strip()


def _resolve(value: Any, results: dict[int, Any]) -> Any:
    if isinstance(value, str):
        m = re.fullmatch(r"\$(\d+)", value)
        if m:
            return results.get(int(m.group(1)), value)
        return re.sub(r"\$(\d+)", lambda m: str(results.get(int(m.group(1)), m.group(0))), value)
    if isinstance(value, list):
        return [_resolve(v, results) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(v, results) for k, v in value.items()}
    return value


def _names(value: Any) -> str:
    vals = value if isinstance(value, list) else [value]
    vals = [str(v) for v in vals]
    return vals[0] if len(vals) == 1 else ", ".join(vals[:-1]) + " and " + vals[-1]


def result_of(tool: str, a: dict[str, Any], r: random.Random) -> tuple[Any, str]:
    """(what the tool returns, the sentence an answer would say about it); args already resolved."""
    if tool == "get_email_address":
        e = V.email_of(a["name"], r)
        return e, f"{a['name']}'s email is {e}"
    if tool == "get_phone_number":
        p = V.phone(r)
        return p, f"{a['name']}'s number is {p}"
    if tool in ("compose_new_email", "reply_to_email", "forward_email"):
        subj = {"compose_new_email": a.get("subject", ""), "reply_to_email": "Re: Project update",
                "forward_email": "Fwd: Project update"}[tool]
        to = _names(a["recipients"]) if a.get("recipients") else "ana.costa@example.com"
        what = f"email '{subj}' to {to}"
        if a.get("cc"):
            what += f" (cc {_names(a['cc'])})"
        if a.get("attachments"):
            what += f" with {_names(a['attachments'])}"
        folder = f"Mail/drafts/cur/{r.randint(10**9, 10**10 - 1)}.tinyagent:2,D"
        kind = {"compose_new_email": "email", "reply_to_email": "reply", "forward_email": "forward"}[tool]
        return (f"Saved {what} as a draft in {folder}; not sent, because no SMTP server is configured.",
                f"I saved the {kind} to {to} as a draft (no mail server is set up to send it)")
    if tool == "create_calendar_event":
        cal = f"Calendars/{a['calendar']}.ics" if a.get("calendar") else "calendar.ics"
        who = f" with {_names(a['invitees'])}" if a.get("invitees") else ""
        return (f"Created event '{a['title']}' {a['start_date']} to {a['end_date']}{who} in {cal}.",
                f"'{a['title']}' is on your calendar for {a['start_date'][:16]}")
    if tool == "get_zoom_meeting_link":
        slug = re.sub(r"\W+", "-", a["topic"].lower()).strip("-") + f"-{r.getrandbits(48):012x}"
        url = f"https://meet.jit.si/{slug}"
        return url, f"the meeting link is {url}"
    if tool == "send_sms":
        return (f"SMS to {_names(a['recipients'])} queued in SMS/outbox.jsonl; not delivered, because no "
                "SMS carrier is configured.",
                f"the text to {_names(a['recipients'])} is queued (no SMS carrier is set up)")
    if tool == "maps_open_location":
        url = f"https://www.openstreetmap.org/search?query={quote_plus(a['location'])}"
        return url, f"here is {a['location']} on the map: {url}"
    if tool == "maps_show_directions":
        engine = {"w": "fossgis_osrm_foot", "r": "fossgis_osrm_foot"}.get(a.get("transport", "d"), "fossgis_osrm_car")
        url = f"https://www.openstreetmap.org/directions?engine={engine}"
        if a.get("start_location"):
            url += "&from=" + quote_plus(a["start_location"])
        url += "&to=" + quote_plus(a.get("end_location", ""))
        return url, f"here are the directions to {a.get('end_location')}: {url}"
    if tool == "create_note":
        path = f"Notes/{a.get('folder', 'Notes') + '/' if a.get('folder') else ''}{a['name']}.md"
        return f"Created note '{a['name']}' in {path}.", f"I created the note '{a['name']}'"
    if tool == "open_note":
        text = V.fill(r.choice(V.NOTE_LINES), r)
        return f"# {a['name']}\n\n- {text}", f"your {a['name']} note says: {text}"
    if tool == "append_note_content":
        return f"Appended to note '{a['name']}' in Notes/{a['name']}.md.", f"I added it to your {a['name']} note"
    if tool == "create_reminder":
        due = ""
        if a.get("due_date"):
            due = f", due {a['due_date'][:10] if a.get('all_day') else a['due_date']}"
        lst = f"Reminders/{a['list_name']}.ics" if a.get("list_name") else "reminders.ics"
        return f"Created reminder '{a['name']}'{due} in {lst}.", f"I set the reminder '{a['name']}'{due}"
    if tool == "open_and_get_file_path":
        ext = r.choice([".pdf", ".pdf", ".docx", ".pptx"])
        path = f"/home/user/Documents/{a['file_name'].replace(' ', '_')}{ext}"
        return path, f"the file is at {path}"
    if tool == "summarize_pdf":
        s = "; ".join(r.sample(SUMMARY_BITS, 2))
        return cap_first(s) + ".", f"in short: {s}"
    if tool == "search_documents":
        fact = r.choice(DOC_FACTS)
        doc = r.choice(["Documents/handbook.md", "Documents/policies.pdf", "Documents/wiki/process.md"])
        hits = [{"path": doc, "text": f"{cap_first(a['query'])}: {fact}.", "score": round(r.uniform(0.5, 0.8), 4)}]
        if r.random() < 0.5:
            other = r.choice([f for f in DOC_FACTS if f != fact])
            hits.append({"path": "Documents/notes.md", "text": f"Also, {other}.", "score": round(r.uniform(0.3, 0.5), 4)})
        return hits, f"according to {doc}, for {a['query']} {fact}"
    if tool == "run_python":
        out = _run_code(a["code"])
        return ({"stdout": out + "\n", "stderr": "", "exit_code": 0, "timed_out": False},
                f"the result is {out}")
    return "Done.", "done"


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def failure_of(tool: str, a: dict[str, Any], r: random.Random) -> tuple[str, str, str] | None:
    """(error text, replan reason, what went wrong in words) for a failure of this call, if plausible."""
    if tool in ("get_email_address", "get_phone_number"):
        name = a["name"]
        first = name.split()[0]
        kind = r.random()
        if kind < 0.5:
            others = [f"{first} {x}" for x in r.sample(V.LAST, r.randint(1, 2))]
            listing = ", ".join(others)
            return (f"No contact named '{name}'. Closest contacts: {listing}.",
                    f"There is no contact named {name}; the closest is {others[0]}.",
                    f"I couldn't find a contact named {name}; the closest is {others[0]}")
        if kind < 0.75 and " " not in name:
            others = [f"{name} {x}" for x in r.sample(V.LAST, 2)]
            return (f"'{name}' is ambiguous: it could be {others[0]}, {others[1]}. Use the full name.",
                    f"'{name}' matches {others[0]} and {others[1]}; ask which one.",
                    f"'{name}' could be {others[0]} or {others[1]}; please tell me which one")
        what = "e-mail address" if tool == "get_email_address" else "phone number"
        return (f"{name} has no {what} in contacts.vcf.",
                f"{name} has no {what} saved; ask the user for it.",
                f"{name} has no {what} in your contacts")
    if tool == "open_and_get_file_path":
        return (f"No file matching '{a['file_name']}' in the workspace or allowed folders (Documents).",
                f"The file '{a['file_name']}' was not found; ask the user for the exact name.",
                f"I couldn't find a file named '{a['file_name']}'")
    if tool == "open_note":
        return (f"No note named '{a['name']}'. Use create_note to make a new one.",
                f"The note '{a['name']}' does not exist; check the name.",
                f"there is no note named '{a['name']}'")
    if tool == "summarize_pdf":
        return (f"{a['pdf_path']} is not a PDF file.", "The file found is not a PDF; look for the PDF version.",
                "the file I found is not a PDF, so I could not summarize it")
    return None


def join_example(tasks: list[Task], r: random.Random, allow_replan: bool) -> tuple[list[dict], str]:
    """Task records as the executor writes them, and the joiner's target line."""
    results: dict[int, Any] = {}
    records, sentences = [], []
    failable = [t for t in tasks if failure_of(t.tool, t.args, random.Random(0))]
    failed_id = r.choice(failable).id if failable and r.random() < 0.35 else None
    failure = None
    broken: dict[int, str] = {}
    for t in tasks:
        rec = {"id": t.id, "tool": t.tool, "call": format_call(t.tool, t.args)}
        bad_dep = next((d for d in t.deps if d in broken), None)
        if t.id == failed_id:
            failure = failure_of(t.tool, t.args, r)
            rec.update(status="failed", error=failure[0])
            broken[t.id] = f"step {t.id} failed ({failure[0]})"
        elif bad_dep is not None:
            rec.update(status="skipped", error=f"skipped because {broken[bad_dep]}")
            broken[t.id] = f"step {t.id} was skipped"
        else:
            value, sentence = result_of(t.tool, _resolve(t.args, results), r)
            results[t.id] = value
            rec.update(status="done", result=value)
            # a lookup used by a later step is a means, not news for the user
            if not any(t.id in u.deps for u in tasks):
                sentences.append(sentence)
        records.append(rec)
    if failure is None:
        return records, f"Finish({cap_first('. '.join(cap_first(s) for s in sentences))}.)"
    if allow_replan:
        return records, f"Replan({failure[1]})"
    skipped = [rec for rec in records if rec["status"] == "skipped"]
    answer = cap_first(failure[2])
    if skipped:
        answer += ", so " + ("that step was" if len(skipped) == 1 else f"{len(skipped)} steps were") + " not done"
    answer += "."
    if sentences:
        answer += " " + ". ".join(cap_first(s) for s in sentences) + "."
    return records, f"Finish({answer})"
