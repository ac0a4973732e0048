"""Extra classifier requests for two asks people word freely: a question about a named document, an append to a named note.

A new user's "what does the lisbon itinerary pdf say about tuesday?" and "append to my meeting notes: Yuki
will own the firmware 2.1 release" were declined (issue 32): every tool's probability was below
``decline_below``. The generator words a document search as "search my documents for X" and an append as
"add X to the Y note", so a document named by what it is (the lease, the itinerary) with a question about
it, or a note named in passing ("jot in my meeting notes that ..."), was far from anything the classifier
saw. Here, for the classifier only (the planner is never trained on these), such asks in many shapes.
"""

from __future__ import annotations

import random

#: Documents as people name them: what the document is, sometimes whose or which.
DOCS = ["lease", "tenancy agreement", "itinerary", "trip itinerary", "travel itinerary", "handbook",
        "employee handbook", "team handbook", "quarterly report", "annual report", "project report", "contract",
        "employment contract", "insurance policy", "home insurance policy", "warranty", "user manual",
        "boiler manual", "washing machine manual", "course syllabus", "school newsletter", "meeting minutes",
        "board minutes", "conference programme", "event schedule", "wedding schedule", "travel policy",
        "expense policy", "onboarding guide", "style guide", "product spec", "project proposal", "grant proposal",
        "research paper", "thesis draft", "recipe book", "mortgage offer", "pension letter", "bank statement",
        "phone contract", "gym membership terms", "rental agreement", "visa letter", "school handbook",
        "safety guidelines", "release notes", "training plan", "budget plan", "business plan", "lab report"]
QUALIFIERS = ["", "", "", "Lisbon", "Berlin", "Q3", "2025", "new", "signed", "final", "Falcon", "school", "office"]
KINDS = ["", "", "", " pdf", " doc", " document", " file"]
TOPICS = ["tuesday", "day 2", "the deposit", "pets", "parking", "refunds", "the deadline", "overtime", "the budget",
          "check-in", "the ferry", "batteries", "holidays", "sick leave", "notice period", "cancellation",
          "the final exam", "late fees", "the return flight", "water damage", "the warranty period", "lunch",
          "the dress code", "remote work", "the next steps", "risks", "the timeline", "payment dates",
          "the hotel", "the keynote", "security", "passwords", "the start date", "costs", "renewal",
          "repairs", "the speaker list", "the second week", "guests", "travel expenses", "the pilot"]
QUESTIONS = [
    "what does the {doc} say about {topic}", "what's the {doc} say about {topic}?",
    "what did the {doc} say about {topic}", "does the {doc} mention {topic}?",
    "according to the {doc}, what about {topic}?", "in the {doc}, what does it say about {topic}",
    "check the {doc} for {topic}", "look in my {doc} and tell me about {topic}",
    "{doc} - what about {topic}?", "{doc}: {topic}?", "what is written in the {doc} about {topic}",
    "find the part of the {doc} about {topic}", "what does my {doc} state regarding {topic}",
    "can you tell me what the {doc} says on {topic}", "the {doc}, what does it say about {topic}",
    "search the {doc} for {topic}", "anything in the {doc} about {topic}?",
    "what does the {doc} have on {topic}", "read the {doc} and tell me about {topic}",
    "where does the {doc} talk about {topic}", "remind me what the {doc} says about {topic}",
]
NOTES = ["meeting notes", "ideas", "shopping list", "reading list", "packing list", "to do", "standup notes",
         "project log", "weekly sync", "garden", "recipes", "travel plans", "gift ideas", "journal", "book club",
         "work notes", "house", "car", "wedding", "groceries", "sprint", "1:1 notes", "research notes"]
ITEMS = ["Lena owns the launch checklist", "rice and lentils", "call the plumber", "Tom presents on Monday",
         "ship the release on Thursday", "learn Portuguese", "the blue hat", "Omar is away until the 12th",
         "ask about the budget", "bring the spare cables", "book the venue", "oat milk", "decision: go with vendor B",
         "review the checklist", "buy a new charger", "an idea for a blog post", "plant garlic",
         "follow up with the landlord", "tickets for the museum", "new tyres before winter", "fix the login bug"]
APPENDS = [
    "append to my {note} note: {item}", "append to my {note}: {item}", "add to the {note} note: {item}",
    "add '{item}' to my {note}", "jot in my {note} that {item}", "put '{item}' in the {note} note",
    "{note} note: add {item}", "in my {note} notes, add that {item}", "stick {item} on the end of my {note} note",
    "tack '{item}' onto the {note} note", "update my {note} note with {item}", "add a line to my {note}: {item}",
    "throw {item} on the {note} note", "{note} += {item}", "write in my {note} note: {item}",
    "add {item} to the bottom of my {note}", "can you append '{item}' to my {note} notes?",
    "please add to my {note} that {item}", "my {note} note, append: {item}", "note in my {note}: {item}",
]


def document_question(r: random.Random) -> str:
    doc = f"{r.choice(QUALIFIERS)} {r.choice(DOCS)}{r.choice(KINDS)}".strip()
    return r.choice(QUESTIONS).format(doc=doc, topic=r.choice(TOPICS))


def note_append(r: random.Random) -> str:
    return r.choice(APPENDS).format(note=r.choice(NOTES), item=r.choice(ITEMS))


def ask_rows(r: random.Random, n: int = 600) -> list[dict]:
    """``n`` document questions (search_documents) and ``n`` note appends (append_note_content)."""
    rows = [{"query": document_question(r), "tools": ["search_documents"]} for _ in range(n)]
    rows += [{"query": note_append(r), "tools": ["append_note_content"]} for _ in range(n)]
    return rows
