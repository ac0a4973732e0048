"""A request to see an email or what someone wrote ("show me the email from David Kim", "what did marcus say about the new firmware?") searches the inbox's emails (guards made-up content)."""

from __future__ import annotations

import re

from tinyagent.nodes.plans.planlang import Task
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.registry import rule

_LEAD = r"^\W*(?:(?:hey|hi|ok|okay|so|sorry|pls|please|can\s+you|could\s+you|would\s+you|(?:to\s+)?bother\s+you|but)\W+){0,6}"
#: Asking to see an email: "show me the email from David Kim", "what's in the offsite agenda email?", "what did marcus say
#: about the new firmware?", "anything from David Kim at Northwind?", "could you show me what Sarah wrote in her email"
_SEE_EMAIL = re.compile(
    _LEAD + r"(?:(?:show|read|open|display|pull\s+up|bring\s+up|find)\s+(?:me\s+)?(?:what\s+\w+\s+(?:wrote|said|sent)\b|"
    r"(?:(?:the|that|this|my|his|her|their)\s+(?:(?!and\b)[\w'-]+\s+){0,4}?"
    # ("show me marcus's firmware mail"; "find lin's email" is her address)
    r"|[a-z]+'s\s+(?:(?!and\b)[\w'-]+\s+){1,4}?)(?:e-?mail|mail|message)\b(?!\s*addr))"
    r"|what(?:'s|s|\s+is|\s+was)\s+in\s+(?:the|that|this|my|his|her)\s+(?:(?!and\b)[\w'-]+\s+){0,4}?(?:e-?mail|mail|message)\b"
    r"|what\s+did\s+\w+\s+(?:say|write|send|want|ask)\b"
    # ("How much did Omar quote me for the garden work?": what his email says)
    r"|how\s+much\s+(?:did|does|is)\s+[A-Za-z]\w+\s+(?:quote|quoting|charge|charging|ask|asking|want|wanting|bill|invoice)\b"
    # ("whats the oldest email in my inbox rn", "what's my latest email")
    r"|what(?:'s|s|\s+is|\s+was)\s+(?:the|my)\s+(?:oldest|earliest|first|newest|latest|last|most\s+recent)\s+(?:e-?mail|mail|message)\b"
    # ("Please show me the invoice that Mr Martin sent me")
    r"|(?:show|read|open|find)\s+(?:me\s+)?the\s+(?:[\w'-]+\s+){1,3}?(?:that|which)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?\w+(?:\s+\w+)?\s+"
    r"(?:sent|emailed|mailed|forwarded)\s+(?:me|us)\b"
    r"|any(?:thing)?\s+(?:new\s+)?(?:(?:e-?mails?|mail|messages?)\s+)?from\s+\w+)", re.I)
#: ... but not to act on it: "show me the email from David and reply ...", "read this email aloud"
_ACTS = re.compile(r"\b(?:reply|respond|answer|forward|fwd|send|aloud|loud|text|txt)\b"
                   r"|\be-?mail\s+(?:it|that|this|them|him|her|to)\b|\n"
                   r"|(?:^|[,.;]\s*|\band\s+|\bthen\s+)(?:pls\s+|please\s+)?e-?mail\s+\w+\s+the\b", re.I)


@rule("email_not_declined", "retrieve",
      "a first request to see an email ('anything from David Kim at Northwind?') is planned with the search of the "
      "inbox, not declined", "made-up content")
def asks_to_see_email(query: str) -> bool:
    """The first request only asks to see an email or what someone wrote ("anything from David Kim at Northwind?")."""
    return bool(_SEE_EMAIL.search(query)) and not _ACTS.search(query)


@rule("email_read", "compile",
      "a first request to see an email or what someone wrote ('show me the email from David Kim') searches the inbox's "
      "emails", "made-up content")
def email_read(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """"show me the email from David Kim" was planned as a look-up of his address, "what's in the offsite agenda
    email?" as a look-up of a contact "offsite agenda", "anything from David Kim at Northwind?" declined. A request
    that only asks to see an email, or what someone said or wrote, is the search (a tool with a "question" parameter)
    of its words (the person's, which name the sender: a search the model wrote, "new firmware", may not), which reads
    the inbox's emails (tools/inbox_search.py)."""
    request = as_request(query)
    search = next((n for n, s in specs.items() if "question" in s.roles), None)
    if search is None or not asks_to_see_email(request.query) or request.context:
        return None  # (a follow-up's "what did he write about the price?" is searched with the earlier turn's words)
    param = next(p.name for p in specs[search].params if p.role == "question")
    words = re.sub(_LEAD, "", request.query.strip(), flags=re.I).rstrip(" ?.!")
    # what the email is, without the asking: "the email from David Kim", "the offsite agenda email"
    words = re.sub(r"^(?:(?:show|read|open|display|pull\s+up|bring\s+up|find)\s+(?:me\s+)?|what(?:'s|s|\s+is|\s+was)\s+in\s+)",
                   "", words, flags=re.I) or words
    searches = [t for t in tasks if t.tool == search]
    if tasks and searches == tasks and all(t.args.get(param) == words for t in tasks):
        return None
    return [Task(tasks[0].id if tasks else 1, search, {param: words}, ())]
