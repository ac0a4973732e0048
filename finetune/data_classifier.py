"""Extra requests the tool classifier is fitted on: misspelt copies, and servable asks about the declines' topics.

The classifier (store/tool_classifier.py) decides which tools the planner sees and whether nothing
fits. Fitted on the generator's requests alone it learns two things people break:
- the words of an intent spelt right: the generator misspells 6% of the words the plan does not
  copy, never the ones it does, so "remnd me", "emial" or "sned" are far from anything it saw;
- the declines' topics as declines: requests no tool serves are negatives for every tool, so a
  topic word of theirs (a flight, the lights, a bill) pulls a reminder or a note about it below
  the decline threshold.
Here, for the classifier only (the planner is never trained on these): a copy of requests with a
typo in many of their words, spelt words included (the labels do not depend on the spelling), and
reminders, notes, texts and emails whose content is one of the decline requests'
(``data_people.DECLINES``): the intent decides the tool, not the topic.
"""

from __future__ import annotations

import random
import re

from tinyagent.finetune import data_vocab as V
from tinyagent.finetune.data_people import DECLINE_SLOTS, DECLINES, _typo

#: Servable asks whose content is an errand; each with the tools its plan uses.
ABOUT = [
    ("remind me to {x}", ["create_reminder"]),
    ("set a reminder to {x} {when}", ["create_reminder"]),
    ("reminder: {x}", ["create_reminder"]),
    ("don't let me forget to {x}", ["create_reminder"]),
    ("make a note: {x}", ["create_note"]),
    ("jot down '{x}' in a note called {note}", ["create_note"]),
    ("add '{x}' to my {note} note", ["append_note_content"]),
    ("put {x} on my to do note", ["append_note_content"]),
    ("text {first} to {x}", ["get_phone_number", "send_sms"]),
    ("message {first}: can you {x}?", ["get_phone_number", "send_sms"]),
    ("email {first} asking them to {x}", ["get_email_address", "compose_new_email"]),
    ("put '{x}' on my calendar {when}", ["create_calendar_event"]),
]
WHEN = ["tomorrow", "tonight", "on Friday", "at 6pm", "next week", "in 20 minutes", "this weekend", ""]
_IMPERATIVE = re.compile(r"^(?!what|who|how|will|hi|ok|never|give me|tell me|sing|recommend)[a-z]", re.I)


def errands(r: random.Random) -> list[str]:
    """The imperative decline requests as errands: "book a flight to Oslo", "pay my electricity bill"."""
    out = []
    for text in DECLINES:
        if not _IMPERATIVE.match(text):
            continue
        text = text.format(city=r.choice(V.CITIES), first=r.choice(V.FIRST),
                           **{k: r.choice(v) for k, v in DECLINE_SLOTS.items()})
        out.append(re.sub(r"^(\w+) me\b", r"\1", text))  # "book me a flight" -> "book a flight"
    return out


def misspelt(text: str, r: random.Random, share: float = 0.35) -> str:
    """``text`` with a typo in about ``share`` of its words of four letters or more."""
    return re.sub(r"[A-Za-z]{4,}", lambda m: _typo(m.group(0), r) if r.random() < share else m.group(0), text)


def classifier_rows(rows: list[dict], r: random.Random, n_about: int = 1500,
                    misspelt_share: float = 0.5) -> list[dict]:
    """Extra ``{"query", "tools"}`` rows: misspelt copies of ``misspelt_share`` of ``rows``, and
    ``n_about`` asks about the declines' topics."""
    extra = [{"query": misspelt(row["query"], r), "tools": row.get("tools") or []}
             for row in rows if r.random() < misspelt_share]
    todo = errands(r)
    for _ in range(n_about):
        template, tools = r.choice(ABOUT)
        query = template.format(x=r.choice(todo), when=r.choice(WHEN), first=r.choice(V.FIRST),
                                note=r.choice(V.NOTE_NAMES)).replace("  ", " ").strip()
        if r.random() < 0.3:
            query = misspelt(query, r)
        extra.append({"query": query[:1].upper() + query[1:], "tools": tools})
    return extra
