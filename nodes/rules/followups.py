"""A follow-up's "her", "him", "them", "it", "the day before" and "put it on my calendar" resolved against the earlier turns (guards people, dates)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import getaddresses

from tinyagent.nodes.plans.planlang import (Task, dependency_order, is_ref, refs_in, names_no_step, renumbered, rewrite_params, rewrite_role,
                                            unresolved_refs, unused_dropped)
from tinyagent.nodes.request.lexicon import NOT_A_NAME, ONE_PERSON, PRONOUN_FILLER, SEVERAL_PEOPLE
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.rules.registry import rule
from tinyagent.tools.dates import MONTHS, WEEKDAYS

_PRONOUN = re.compile(r"\b(her|him|them|she|he|they|both of them|both)\b", re.I)
#: An earlier call that looked a person up, as the transcript shows it: get_email_address(name='Aisha')
_LOOKUP = re.compile(r"(\w+)\((?:[^()]*?)\bname=(?:'([^']+)'|\"([^\"]+)\")")  # ("James O'Brien" in double quotes)
#: What a mail tool reports it wrote: "Saved email 'Q3 report' to Priya Patel <priya@example.com> (cc ...) with
#: Project_Falcon_Q3_Report.pdf as a draft": its recipients, and the files it carried
_EMAIL_SENT = re.compile(r"-> (?:Saved|Sent) email '[^']*' to (?P<to>.+?)(?: \(cc [^)]*\)?)?(?: with (?P<files>.+?))?"
                         r"(?: as a draft|; |$)")
#: An event a turn made, as its tool reports it: (title, "Friday 4 December 2026", "09:00" or "" for an all-day one)
EVENT_MADE = re.compile(r"Created event '(.+?)' (?:on|from) ([A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4})(?:, (\d{2}:\d{2}))?")
#: The people an event's title says it is with: "Lunch with Marcus", "1:1 with Sam Lee and Ana"
_MET_WITH = re.compile(r"\bwith\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?:\s*(?:,|&|and)\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)*)\s*$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "fifteen": 15,
            "twenty": 20, "thirty": 30, "half an": 0.5}
_RELATIVE = re.compile(r"\b(?:the\s+)?(day|night|morning|evening)\s+before\b|\b(\d+|an?|one|two|three|four|five|six|ten|"
                       r"fifteen|twenty|thirty|half an)\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(before|after|"
                       r"earlier|later|ahead)\b", re.I)
_CLOCK = re.compile(r"\b(?:at|@)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.I)
_ABOUT_IT = re.compile(r"^(?:(?:remind(?:er)?|me|about|of|to|for|the|it|that|this|event|meeting|one)\s*)+$", re.I)


_LENGTH = re.compile(r"\b(?:\d+|an?|one|two|half an)\s*(?:minutes?|mins?|hours?|hrs?|days?)\b(?:\s+(?:before|after|earlier|later))?", re.I)


def _about_it(name: str) -> bool:
    """A reminder's name that says only "it" ("Remind about it", "It the day before at 9", "Remind for 30
    minutes": the time phrase copied in too)."""
    bare = _LENGTH.sub(" ", _CLOCK.sub(" ", _RELATIVE.sub(" ", name))).strip(" ,.-")
    return not bare or bool(_ABOUT_IT.match(bare))


def earlier_people(context: str) -> list[list[str]]:
    """The people the earlier turns looked up or wrote to, turn by turn: the transcript's look-up calls,
    and the named recipients of the emails its mail tools report ("Saved email 'Re: Team lunch' to Priya
    Patel <priya@...>": a reply goes to a person nobody looked up)."""
    turns: list[list[str]] = []
    lines = context.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("User:"):
            turns.append([])
            # declined ("ring priya on her mobile pls" names Priya all the same) or failed, its look-up shown nowhere
            # ("email the electrician that thursday works": no such contact)
            nxt = next((x for x in lines[i + 1:] if not x.startswith("Result:")), "")
            if nxt.startswith(("Assistant: I can't do that", "Assistant: I could not")):
                turns[-1] += asked_person(line[5:])

        names = [single or double for tool, single, double in _LOOKUP.findall(line)
                 if "phone" in tool or "email" in tool or "contact" in tool]
        if line.startswith("Result:") and (sent := _EMAIL_SENT.search(line)):
            names += [n for n, addr in getaddresses([sent.group("to")]) if n and "@" not in n]
        if line.startswith("Result:") and (made := EVENT_MADE.search(line)):
            if met := _MET_WITH.search(made.group(1)):
                names += [n for n in re.split(r"\s*(?:,|&|\band\b)\s*", met.group(1)) if n]  # "Lunch with Marcus"
            elif whose := re.match(r"([A-Z][\w-]+)'s\s", made.group(1)):  # "Nina's housewarming"
                names.append(whose.group(1))
        for name in names:
            if not turns:
                turns.append([])
            words = set(name.lower().split())
            same = [i for i, n in enumerate(turns[-1]) if words <= set(n.lower().split()) or set(n.lower().split()) <= words]
            if not same:
                turns[-1].append(name)
            elif len(name) > len(turns[-1][same[0]]):  # "Tom" looked up, then written to as "Tom Becker"
                turns[-1][same[0]] = name
    found = [t for t in turns if t]
    if not found:  # "block 2 hours with james on thursday ...": who the last request was with, where no turn named anyone
        asked = [line[5:] for line in lines if line.startswith("User:")]
        withs = [n for n in _WITH_PERSON.findall(asked[-1]) if n.split()[0].lower().rstrip(".") not in
                 _NOT_PERSON | _DAY_WORDS | NOT_A_NAME | _NOT_WITH] if asked else []
        # "remind me to call lucas re invoice": the one its ask is for
        reminded = re.match(r"^\s*(?:pls\s+|please\s+)?remind\s+me\b(?P<what>.*)$", asked[-1], re.I) if asked else None
        withs = withs or (asked_person(reminded.group("what")) if reminded else [])
        # "put a site visit at Omar's on Friday": whose place it is at
        withs = withs or [n for n in _AT_WHOSE.findall(asked[-1] if asked else "") if n.lower() not in NOT_A_NAME]
        if withs and (more := re.search(rf"(?<![\w'-]){re.escape(withs[0])}((?:\s*(?:,|&|\band\b|\bn\b)\s*[A-Za-z][a-z'-]+)+)",
                                        asked[-1])):  # ("zoom for budget review w ana n bilal": both)
            withs = [withs[0]] + [n for n in re.split(r"\s*(?:,|&|\band\b|\bn\b)\s*", more.group(1)) if n
                                  and n.lower() not in _NOT_PERSON | NOT_A_NAME | _NOT_WITH]  # ("w ji-ho n sun": Sun)
            return [withs]
        found = [withs[:1]] if withs else []
    return found


#: "ring priya on her mobile", "call aisha and ask ...", "pay lucas's invoice", "send nina the reading list": who an
#: ask is for, right after its verb
_ASKED_PERSON = re.compile(r"\b(?:call|ring|phone|text|txt|email|e-mail|mail|message|msg|tell|ask|invite|send|pay|meet|"
                           r"visit|remind|book|thank|congratulate|wish)\s+(?:(?:the|my|our)\s+(?=[a-z]+\s+(?:that|to|about|and|"
                           r"if|whether|the|a|an|my)\b))?(?P<name>[a-z][a-z'-]*)\b", re.I)
_NOT_PERSON = {"me", "us", "my", "our", "your", "the", "a", "an", "her", "him", "them", "it", "that", "this", "those",
               "these", "his", "their", "all", "everyone", "everybody", "back", "up", "out", "on", "in", "over", "again",
               "some", "someone", "somebody", "anyone", "nobody", "people", "team", "mum", "mom", "dad", "home", "work",
               "office", "about", "for", "to", "when", "what", "if", "whether", "how", "and", "or", "please", "pls",
               "now", "later", "today", "tomorrow", "tonight", "you", "whoever", "one", "two", "both", "for"}


#: Whom something is with: "block 2 hours with james on thursday", "lunch with Priya"
_WITH_PERSON = re.compile(r"(?:\bwith|(?<![\w/])w/?)\s+((?:(?:Dr|Mr|Mrs|Ms|Prof|Father|Sister)\.?\s+)?[A-Za-z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\b")
#: Whose place something is at: "a site visit at Omar's", "dinner at Priya's place"
_AT_WHOSE = re.compile(r"\bat\s+([A-Z][a-z'-]+)'s\b")
#: What one does something with that is no one: "with milk", "with the team" (the article is filtered before)
_NOT_WITH = {"milk", "sugar", "cream", "ice", "lemon", "team", "family", "kids", "friends", "care", "love", "thanks",
             "regards", "attachment", "attachments", "pleasure", "respect", "subject", "message", "note", "link", "details",
             "photos", "pictures", "something", "nothing", "anything", "everything", "someone", "somebody"}


def asked_person(request: str) -> list[str]:
    """Who a request's ask is for, where a name follows its verb ("call aisha and ask ..." -> ["aisha"]); [] otherwise."""
    out = []
    for m in _ASKED_PERSON.finditer(request):
        name = re.sub(r"'s?$", "", m.group("name"))
        if name.lower() not in _NOT_PERSON | _DAY_WORDS | NOT_A_NAME and len(name) > 1 and name not in out:
            out.append(name)
    return out[:1]


def _referred(query: str | Request, context: str, pointer: re.Pattern) -> tuple[str, list[list[str]]] | None:
    """(the request, the people of the earlier turns) for a follow-up whose request has ``pointer`` ("her",
    "his email"), or None when it is no such follow-up or no earlier turn named anyone."""
    request = as_request(query, context=context)
    if not request.context or not pointer.search(request.query):
        return None
    turns = earlier_people(request.context)
    return (request.query, turns) if turns else None


_DAY_WORDS = {w.lower() for w in (*WEEKDAYS, *MONTHS)} | {"today", "tomorrow", "tonight", "tmrw", "tues", "thurs", "weekend"}
#: Words of a follow-up that are no one's name: "she said yes. ... invite her" looked up a contact "yes"
_NO_NAME = {"yes", "yeah", "yep", "no", "nope", "ok", "okay", "sure", "thanks", "thx", "it", "that", "this", "there",
            "here", "meeting", "link", "call", "event", "calendar", "email", "mail", "text", "message",
            # fillers and what a follow-up says of the message ("hm ok. just text him ...", "text her that too, same words")
            "hm", "hmm", "um", "uh", "too", "same", "words", "word", "thing", "instead", "then", "also", "just"}


def _in_the_message(value: str, query: str) -> bool:
    """``value`` is said only in the words the request has sent to her or him ("email her asking if Mia can come in
    for the flu shot": Mia is in the message; "her" is whom it goes to)."""
    to = re.search(r"\b(?:e-?mail|mail|text|txt|message|msg|tell|ask|write)\s+(?:him|her|them)\b", query, re.I)
    said = re.search(r"\b(?:asking|saying|to\s+say|that|if|whether)\b", query[to.end():], re.I) if to else None
    if not said:
        return False
    start = to.end() + said.start()
    where = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(value.strip())}(?!\w)", query, re.I)]
    return bool(where) and all(w > start for w in where)


def _whose_email(value: str, query: str) -> bool:
    """``value`` is the person whose email "forward him Sarah's email" sends on: not whom it goes to."""
    v = re.escape(value.strip())
    return bool(re.search(r"\b(?:forward|fwd|send|pass)\s+(?:him|her|them)\b", query, re.I)
                and re.search(rf"\b{v}'s\s+(?:[\w-]+\s+){{0,3}}?(?:e-?mail|mail|message|msg)\b", query, re.I))


def _after_pronoun(value: str, query: str) -> bool:
    """``value`` is the words right after the pronoun, what is said to them, not a name ("also txt him ill call after
    my shift" looked up a contact "ill call after my shift"), or the pronoun with them ("her a heads up")."""
    if re.match(r"(?:him|her|them)\s+(?:a|an|the|that|this|about|some)\b", value.strip(), re.I):
        return True
    return len(value.split()) >= 2 and bool(re.search(rf"\b(?:him|her|them)\s*[:,-]?\s+{re.escape(value.strip())}",
                                                      query, re.I))


def _said(value: str, query: str) -> bool:
    """The request names this person itself (a pronoun, alone or with "too", names no one; nor does a day:
    "text him that tuesday works" looked up a contact "tuesday")."""
    v = value.strip().lower()
    words = set(re.findall(r"[a-z]+", v))
    if words and words <= ONE_PERSON | SEVERAL_PEOPLE | PRONOUN_FILLER | _DAY_WORDS | _NO_NAME:
        return False
    return bool(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", query.lower()))


@rule("followup_people", "compile",
      "a follow-up's her/him/them are the people the earlier turn looked up", "people")
def people_of_pronouns(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """In a follow-up whose request says "her", "him" or "them", a person the plan names that the request
    does not ("Her", a name made up, or a "$K" naming no step) is the person the earlier turns looked up:
    the last one for her/him, all of the last turn's for them ("and text her too" after Aisha's address:
    Aisha's number)."""
    found = _referred(query, context, _PRONOUN)
    if found is None:
        return None
    query, turns = found
    many = any(w in SEVERAL_PEOPLE for w in re.findall(r"[a-z]+", query.lower()))
    names = turns[-1] if many else [turns[-1][-1]]
    named = {n.casefold() for n in names}  # ("send them the zoom link": ana and bilal, each looked up already)
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        args = dict(t.args)
        loose = {f"${k}" for k in unresolved_refs(t)}  # "text her the same": recipients=["$2"], a step not written
        for p in (spec.params if spec else ()):
            v = args.get(p.name)
            if p.role == "person" and isinstance(v, str) and not is_ref(v) and not _said(v, query) \
                    and (bare := _without_filler(v)) and _said(bare, query):
                args[p.name] = bare  # "omar too he" for "could you send it to omar too, he's ...": Omar, said
            elif p.role == "person" and isinstance(v, str) and not (many and v.strip().casefold() in named) \
                    and (v in loose or not is_ref(v) and not _said(v, query)
                                                                 # ("grand, text him ...": no one's name)
                                                                 or not is_ref(v) and v.strip().lower() in NOT_A_NAME
                                                                 or not is_ref(v) and _after_pronoun(v, query)
                                                                 or not is_ref(v) and _whose_email(v, query)
                                                                 or not is_ref(v) and _in_the_message(v, query)):
                args[p.name] = names[0]
            elif p.role == "people" and isinstance(v, list):
                fixed = [x for x in v if not isinstance(x, str) or (is_ref(x) and x not in loose)
                         or _said(x, query) and not _after_pronoun(x, query)]
                if len(fixed) < len(v):
                    args[p.name] = fixed + [n for n in names if n not in fixed]
        if args != t.args:
            changed = True
            out.append(replace(t, args=args))
        else:
            out.append(t)
    if not changed:
        return None
    # "them": one look-up per person, where the plan looked up only the first
    return _one_lookup_each(out, specs, names) if many else out


_WITH_NAMED = re.compile(r"\b(?:with|w/)\s*(?P<name>[A-Z][a-z'-]+(?:\s+(?!(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|"
                         r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Tonight|Next|This|"
                         r"At|On|In|And|About|Re)\b)[A-Z][a-z'-]+)?)\b")


#: "a call w yuki": a name typed in lower case after "with", "w/" or "w"
_WITH_LOWER = re.compile(r"\b(?:with|w/|w)\s*([a-z][a-z'-]+)\b")
_NOT_WITH = NOT_A_NAME | {"a", "an", "the", "my", "your", "his", "her", "our", "their", "me", "us", "you", "him", "them",
                          "everyone", "everybody", "all", "both", "team", "some", "someone", "people", "family", "friends"}


def one_person_named(query: str, lower: bool = False) -> str | None:
    """The one person a request names ("with Lucas", "call Lucas", "w/ Lucas Martin"), the longest way it names them;
    None where it names none or several. ``lower``: a name typed in lower case after "with" or "w" counts too, where
    no capitalised one does ("get me a jitsi link for a call w yuki tmrw 4pm")."""
    named = {n for n in _WITH_NAMED.findall(query) if n.split()[0].lower() not in _NOT_PERSON | _DAY_WORDS}
    named |= {n for n in asked_person(query) if n[:1].isupper()}
    if not named and lower:
        named = {n for n in _WITH_LOWER.findall(query) if n not in _NOT_WITH | _NOT_PERSON | _DAY_WORDS}
    return max(named, key=len) if len({n.split()[0].lower() for n in named}) == 1 else None


@rule("pronoun_of_request", "compile",
      "in a first request, 'him' or 'her' is the one person the request names ('a call w/ Lucas ... email it to him')",
      "people")
def pronoun_of_request(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """"Need a 30 min call w/ Lucas Thu 4pm re the invoice. Get a link and email it to him", planned part by part, looked
    up a contact "him". A person the plan names only as him, her or them, in a request with no earlier turn that names
    one person ("with Lucas", "call Lucas"), is that person."""
    request = as_request(query, context=context)
    who = None if request.context else one_person_named(request.query)
    if who is None:
        return None

    def pronoun(value):
        return who if isinstance(value, str) and value.strip().lower() in {"him", "her", "them"} else None
    return rewrite_role(tasks, specs, "person", pronoun)


#: Whom a follow-up sends to: "mail that to david kim and ask him ...", "send it to Nina"
_SENT_TO = re.compile(r"\b(?:send|mail|e-?mail|text|txt|forward|fwd)\s+(?:that|it|this|them|those)\s+(?:on\s+)?to\s+"
                      r"(?P<name>[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)(?=\s*(?:$|[,.!?;]|\s(?:and|with|saying|asking|too|as\s+well|"
                      r"pls|please|now)\b))", re.I)


@rule("sent_to_named", "compile",
      "in a follow-up, 'mail that to david kim' looks up David Kim, not a name of the earlier answer", "people")
def sent_to_named(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """"summarise the lisbon itinerary", then "mail that to david kim and ask him if the times are still right", was
    planned with a look-up of "DATA" (of the summary's "SAMPLE DATA"): a person look-up whose name the person never
    said (in this request or before) is of the one person the request sends "that" to."""
    request = as_request(query, context=context)
    m = _SENT_TO.search(request.query)
    asked = asked_person(request.query) if not m and request.context else []
    if not m and not asked:
        return None
    # ("text elena I can't do the friday breakfast then" looked up "Created", a word of the answer before)
    name = m.group("name").strip() if m else asked[0]
    words = set(name.lower().split())
    if words & (_NOT_PERSON | _NO_NAME | _DAY_WORDS):
        return None
    said = request.words | request.earlier_words

    def unsaid(value):
        if not isinstance(value, str) or is_ref(value) is not None:
            return None
        own = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", value)}
        # a name the person never said (a follow-up), or in any request the words of what is sent ("meeting link for
        # the school", for "a meeting link for the school committee call ..., and text it to Nina")
        thing = bool(own & _THINGS_SENT) and name.split()[0].lower() not in own
        return name if own and (request.context and not own & said or thing) else None
    return rewrite_role(tasks, specs, "person", unsaid)


#: Words of what is sent, never of whom: a look-up "meeting link for the school" is no one's
_THINGS_SENT = {"link", "meeting", "call", "zoom", "jitsi", "file", "pdf", "report", "note", "notes", "email", "mail",
                "message", "summary", "itinerary", "agenda", "invite", "invitation"}


_TITLE_PRONOUN = re.compile(r"\b(him|her|them)\b", re.I)


@rule("person_in_title", "compile",
      "in a follow-up, a reminder or event titled 'Call him' is titled for the person the earlier turn named",
      "made-up content")
def person_in_title(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """"email the electrician that thursday works" (no such contact), then "ok he's not in there. then remind me to
    call him tomorrow at 8", made a reminder "Call him": in a follow-up, the him/her/them of a reminder's or event's
    title (a step with a time) is the person the earlier turns looked up or wrote to last (all of them for "them")."""
    found = _referred(query, context, _TITLE_PRONOUN)
    if found is None:
        return None
    turns = found[1]
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        name = next((p.name for p in (spec.params if spec else ()) if p.required and p.type == "string" and p.role == ""),
                    None)
        value = t.args.get(name) if name else None
        if spec and any(p.role == "when" for p in spec.params) and isinstance(value, str) and _TITLE_PRONOUN.search(value):
            who = lambda m: " and ".join(turns[-1]) if m.group(1).lower() == "them" else turns[-1][-1]  # noqa: E731
            t, changed = t.with_args({**t.args, name: _TITLE_PRONOUN.sub(who, value)}), True
        out.append(t)
    return out if changed else None


def _without_filler(value: str) -> str:
    """A name the planner copied with the words around it ("omar too he"): the name alone."""
    return " ".join(w for w in value.split() if w.lower() not in ONE_PERSON | SEVERAL_PEOPLE | PRONOUN_FILLER)


def _one_lookup_each(tasks: list[Task], specs: dict, names: list[str]) -> list[Task]:
    """Where the plan looks up fewer of ``names`` than there are, with one look-up feeding people lists,
    a look-up of the same tool is added for each one missing, and the lists take them all."""
    lookups = [t for t in tasks if any(p.role == "person" for p in specs[t.tool].params)]
    if len(lookups) != 1 or len(names) < 2:
        return tasks
    first = lookups[0]
    param = next(p.name for p in specs[first.tool].params if p.role == "person")
    more = [replace(first, id=1000 + i, args={**first.args, param: n}) for i, n in enumerate(names)
            if n != first.args.get(param)]
    refs = [f"${first.id}"] + [f"${m.id}" for m in more]
    out = []
    for t in tasks:
        args = {k: (v + [r for r in refs if r not in v] if isinstance(v, list) and f"${first.id}" in v else v)
                for k, v in t.args.items()}
        deps = tuple(sorted(set(t.deps) | {m.id for m in more})) if args != t.args else t.deps
        out.append(replace(t, args=args, deps=deps))
        if t is first:
            out += more
    return renumbered(out, tasks[0].id)


_THEIR_EMAIL = re.compile(r"\b(his|her|their)\s+(?:(?:latest|last|newest|recent|new|own)\s+)?(?:e-?mails?|mails?|messages?|msgs?)\b",
                          re.I)
#: What a reply's or forward's "which email" says when it says only whose: "his email", "her latest mail"
#: A reply to the person the conversation named: "reply to him saying thanks", "answer her: yes", "get back to them"
_REPLY_TO_THEM = re.compile(r"\b(?:(?:reply|respond|write\s+back|get\s+back)\s+to|answer)\s+(?:him|her|them)\b", re.I)
_ONLY_WHOSE = {"his", "her", "their", "email", "e-mail", "mail", "message", "msg", "emails", "mails", "messages",
               "latest", "last", "newest", "recent", "new", "own", "the"}


@rule("email_of_earlier_person", "compile",
      "in a follow-up, 'reply to his email' answers the email of the person the earlier turn named", "people")
def email_of_earlier_person(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """A reply or forward (a tool with a "received" parameter) whose email the follow-up gives only as
    "his/her/their email" ("whats omar's number" then "reply to his email, say the 14th is fine") acts on
    an email of the person the earlier turns looked up or wrote to last; without it the tool takes the
    newest email, someone else's. So does "reply to him" ("what did marcus email me about?" then "reply to him
    saying thanks": Marcus's email, not the newest)."""
    found = _referred(query, context, _THEIR_EMAIL) or _referred(query, context, _REPLY_TO_THEM)
    if found is None:
        return None
    whose = f"{found[1][-1][-1]}'s email"

    def only_whose(value):
        words = set(re.findall(r"[a-z-]+", value.lower())) if isinstance(value, str) else set()
        return whose if not words or words <= _ONLY_WHOSE else None
    return rewrite_role(tasks, specs, "received", only_whose, absent=True)


_SEND_IT = re.compile(r"\b(?:send|forward|fwd|email|e-mail|mail|share)\s+(?:that|it|this|the same(?:\s+\w+)?|them|those)\b", re.I)


@rule("same_files_again", "compile",
      "in a follow-up, 'send that to Elena as well' sends the files the earlier email carried", "attachments")
def same_files_again(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """A follow-up that sends "that" or "it" on ("send that to Elena as well" after emailing Marcus the Q3
    report) attaches to its message the files the earlier turn's email carried, where the plan attaches
    none; the tool finds them by name."""
    request = as_request(query, context=context)
    if not request.context or not _SEND_IT.search(request.query):
        return None
    sent = [m.group("files") for line in request.context.splitlines() if (m := _EMAIL_SENT.search(line)) and m.group("files")]
    if not sent:
        return None
    files = [f.strip() for f in sent[-1].split(", ") if f.strip()]
    return rewrite_role(tasks, specs, "attachments", lambda value: None if value else files, absent=True)


def last_event(context: str) -> tuple[str, datetime, bool] | None:
    """The event the earlier turns made last: (title, start, has a time), from its tool's own report."""
    found = EVENT_MADE.findall(context)
    if not found:
        return None
    title, day, clock = found[-1]
    start = datetime.strptime(day.split(" ", 1)[1], "%d %B %Y")
    if clock:
        start = start.replace(hour=int(clock[:2]), minute=int(clock[3:]))
    return title, start, bool(clock)


def relative_time(query: str, start: datetime, timed: bool) -> datetime | None:
    """ "the day before at 9", "an hour after", "30 minutes before" counted from ``start``."""
    m = _RELATIVE.search(query)
    if not m:
        same = _SAME_DAY.search(query)  # "and a reminder that morning to buy flowers": the event's own day
        if not same:
            return None
        part = same.group(1).lower()
        when = start.replace(hour=_PART_HOUR.get(part, 9), minute=0)
        if c := _CLOCK.search(query):
            when = when.replace(hour=_hour(c), minute=int(c.group(2) or 0))
        return when
    if m.group(1):
        when = start - timedelta(days=1)
        when = when.replace(hour={"night": 20, "morning": 9, "evening": 18}.get(m.group(1).lower(), when.hour),
                            minute=0 if m.group(1).lower() != "day" else when.minute)
    else:
        n = _NUMBERS.get(m.group(2).lower()) if not m.group(2).isdigit() else int(m.group(2))
        unit = m.group(3).lower()
        step = (timedelta(minutes=n) if unit.startswith("m") else timedelta(hours=n) if unit.startswith("h")
                else timedelta(weeks=n) if unit.startswith("w") else timedelta(days=n))
        when = start - step if m.group(4).lower() in ("before", "earlier", "ahead") else start + step
    if c := _CLOCK.search(query[m.end():] + " " + query[:m.start()]):
        when = when.replace(hour=_hour(c), minute=int(c.group(2) or 0))
    elif not timed and not m.group(1):
        return None
    return when


#: "that morning", "the same day", "on the day": the event's own day, at the part of it said (morning: 9:00)
_SAME_DAY = re.compile(r"\b(?:that|the\s+same|on\s+the)\s+(day|morning|afternoon|evening|night)\b", re.I)
_PART_HOUR = {"morning": 9, "day": 9, "afternoon": 14, "evening": 18, "night": 20}


def _hour(c: re.Match) -> int:
    """The hour of a clock match: "at 5" is the afternoon, "at 9" the morning, "9pm" 21."""
    hour = int(c.group(1)) % 12 if c.group(3) else int(c.group(1))
    if c.group(3) and c.group(3).lower().startswith("p"):
        hour += 12
    elif not c.group(3) and 1 <= hour <= 7:
        hour += 12  # "at 5": the afternoon
    return hour


@rule("followup_times", "compile",
      "a follow-up's 'the day before at 9' counts from the event the earlier turn made", "dates")
def times_of_the_event(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """In a follow-up, "the day before at 9" or "an hour after" is counted from the event the earlier turn
    made: the first step with a time gets that time (written out), and a reminder named only "about it"
    gets the event's title."""
    request = as_request(query, context=context)
    query, context = request.query, request.context
    if not context:
        return None
    event = last_event(context)
    if event is None:
        return None
    title, start, timed = event
    when = relative_time(query, start, timed)
    out, changed, timed_one = [], False, False
    for t in tasks:
        spec = specs.get(t.tool)
        args = dict(t.args)
        whens = [p for p in (spec.params if spec else ()) if p.role == "when" and "end" not in p.name.lower()]
        if when is not None and whens and not timed_one:
            args[whens[0].name] = when.strftime("%Y-%m-%d %H:%M")
            timed_one = True
        name = next((p.name for p in (spec.params if spec else ()) if p.required and p.type == "string"
                     and p.role == ""), None)
        if whens and name and isinstance(args.get(name), str) and _about_it(args[name]):
            args[name] = title
        if args != t.args:
            changed = True
            out.append(replace(t, args=args))
        else:
            out.append(t)
    return out if changed else None


#: What the meeting-link tool reports: "https://meet.jit.si/X (Jitsi Meet room 'standup', Tuesday 1 December 2026, 09:00, 15 min"
_MEETING = re.compile(r"(?P<url>https?://\S+) \((?:Jitsi Meet room|Zoom meeting) '(?P<topic>[^']*)', "
                      r"(?P<day>[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4})(?:, (?P<clock>\d{2}:\d{2}))?, (?P<minutes>\d+) min")
_TO_CALENDAR = re.compile(r"\b(?:calendar|calender|cal|diary)\b", re.I)
_MEETING_IT = re.compile(r"\b(?:it|that|this|the\s+(?:call|meeting|one)|that\s+(?:call|meeting))\b", re.I)
_SAYS_ONLY_IT = {"put", "it", "on", "in", "my", "the", "calendar", "calender", "cal", "diary", "add", "that", "this", "call",
                 "meeting", "to", "and", "invite", "him", "her", "them", "please", "pls", "too", "also", "as", "well", "event"}


#: "and text him about it too", "email them about that": a message about what the turn before made
_ABOUT_IT_ASK = re.compile(r"\b(?:text|txt|sms|message|msg|tell|email|e-?mail|mail|remind)\s+(?:him|her|them|\w+)\s+about\s+"
                           r"(?:it|that|this)\b", re.I)
_FILLER = {"it", "too", "about", "that", "this", "also", "and", "the", "event", "as", "well", "so", "him", "her", "them",
           "tell", "text", "let", "know"}


@rule("message_about_the_event", "compile",
      "in a follow-up, 'text him about it too' after an event sends what the event is and when, not 'It too'",
      "made-up content")
def message_about_the_event(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """After "put lunch with Marcus on thursday at 12:30", "and text him about it too" was planned with the text "It
    too". A message (a tool's "message" parameter) made only of words like "it", "too", "about", in a follow-up that
    asks to tell someone about "it", where the turn before made an event, is that event: its title, day and time."""
    request = as_request(request)
    if not request.context or not _ABOUT_IT_ASK.search(request.query):
        return None
    last = request.context.rsplit("\nUser:", 1)[-1]
    made = [m for line in last.splitlines() if line.startswith("Result:") for m in EVENT_MADE.findall(line)]
    if not made:
        return None
    title, day, clock = made[-1]
    said = f"{title}, {day}" + (f" at {clock}" if clock else "")

    def about(t: Task, p, v):
        if p.role != "message" or not isinstance(v, str) or is_ref(v) is not None:
            return None
        return said if set(re.findall(r"[a-z]+", v.lower())) <= _FILLER else None
    return rewrite_params(tasks, specs, about)


#: "email him the link too", "text the link to james n priya", "send her that url"
_THE_LINK = re.compile(r"\b(?:the|that|this)\s+(?:meeting\s+|call\s+|zoom\s+|jitsi\s+|video\s+|map\s+)?(?:link|url)\b", re.I)
_LINK_MADE = re.compile(r"^Result: \w+\(.*?\) -> (?P<made>https?://\S+(?: \([^)]*\))?)", re.M)


#: The link sent on: "and text it to marcus", "email them the link", "send her the link"
_SEND_IT_ON = re.compile(r"\b(?:text|txt|sms|e-?mail|mail|send|message|msg|forward)\s+(?:(?:him|her|them|\w+)\s+)?"
                         r"(?:it|the\s+link|that\s+link|the\s+url)\b"
                         # "... and send him by mail": the link made, by the way said
                         r"|\bsend\s+(?:it\s+)?(?:to\s+)?(?:him|her|them)\s+(?:by|via|per)\s+(?:e-?mail|mail|text|sms)\b", re.I)


@rule("link_is_the_message", "compile",
      "in a follow-up, 'email him the link too' sends the link the earlier turn made, not words made up",
      "made-up content")
def link_is_the_message(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """After a meeting link was made, "email him the link too" was planned with the text "Join the email chain!". A
    message (a tool's "message" parameter) in a follow-up that sends "the link", which does not hold the link, is the
    link the earlier turns made last, with what the tool said of it (the meeting's time). Where the plan makes the
    link itself ("make me a video link for it and text it to marcus" planned with the text "It is"), the message is
    that step's result."""
    request = as_request(request)
    makers = [t for t in tasks if "meeting_link" in t.tool]
    if len(makers) == 1 and _SEND_IT_ON.search(request.query):
        k = makers[0].id
        out = rewrite_role(tasks, specs, "message",
                           lambda v: None if isinstance(v, str) and f"${k}" in v else f"${k}", absent=True)
        if not out:
            return None
        out = [t for t in out if t.id != k or "meeting_link" in t.tool]
        if not request.asks_to_attach:  # ("... about the garden plan and email it to him": no file, the link)
            out = [t.with_args({n: v for n, v in t.args.items() if n != specs[t.tool].with_role("attachments")})
                   if t.tool in specs and specs[t.tool].with_role("attachments") and specs[t.tool].with_role("message")
                   else t for t in out]
        fixed = []
        for t, o in zip(out, tasks):
            refs = {r for v in t.args.values() for r in refs_in(v, whole=False)} if t.args != o.args else None
            fixed.append(replace(t, deps=tuple(sorted(d for d in {*t.deps, k} if d in refs)))
                         if refs is not None else t)
        fixed = unused_dropped(fixed, lambda t: t.tool in specs and "file" in specs[t.tool].roles) or fixed
        return dependency_order(fixed, tasks[0].id)  # (the link first, when the plan wrote it last)
    if not request.context or not _THE_LINK.search(request.query):
        return None
    made = _LINK_MADE.findall(request.context)
    if not made:
        return None
    link = made[-1].replace("; no account needed", "")
    url = link.split()[0]

    def the_link(t: Task, p, v):
        if p.role != "message" or (isinstance(v, str) and (url in v or is_ref(v) is not None)):
            return None
        return link
    return rewrite_params(tasks, specs, the_link)


@rule("event_of_the_meeting", "compile",
      "in a follow-up, 'put it on my calendar' after a meeting link makes the event at the meeting's time, with its link",
      "dates")
def event_of_the_meeting(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A follow-up that puts "it" on the calendar ("zoom link for tomorrow 9am standup pls, 15 min", then "and
    put it on my calendar") without a time of its own: the event takes the meeting's start and length, the
    link as its notes, and the meeting's topic where the plan's title says only "it"."""
    request = as_request(request)
    if not request.context or request.phrases or not (_TO_CALENDAR.search(request.query) and _MEETING_IT.search(request.query)):
        return None
    found = list(_MEETING.finditer(request.context))
    if not found:
        return None
    m = found[-1]
    start = datetime.strptime(m.group("day").split(" ", 1)[1], "%d %B %Y")
    if m.group("clock"):
        start = start.replace(hour=int(m.group("clock")[:2]), minute=int(m.group("clock")[3:]))
    end = start + timedelta(minutes=int(m.group("minutes")))
    layout = "%Y-%m-%d %H:%M" if m.group("clock") else "%Y-%m-%d"
    topic, said = set(re.findall(r"[a-z]+", m.group("topic").lower())), set(re.findall(r"[a-z]+", request.query.lower()))
    out, changed = [], False
    for t in tasks:
        names = {p.name for p in specs[t.tool].params} if t.tool in specs else set()
        own = set(re.findall(r"[a-z]+", str(t.args.get("title", "")).lower())) - _SAYS_ONLY_IT - topic
        if not {"title", "start_date", "end_date"} <= names or own & said:  # ("add my dentist appointment to the calendar")
            out.append(t)
            continue
        args = {**t.args, "start_date": start.strftime(layout)}
        if m.group("clock"):
            args["end_date"] = end.strftime(layout)
        if "notes" in names and not args.get("notes"):
            args["notes"] = m.group("url")
        title = str(args.get("title", ""))
        if not set(re.findall(r"[a-z]+", title.lower())) - _SAYS_ONLY_IT:
            args["title"] = m.group("topic")
        changed |= args != t.args
        out.append(replace(t, args=args))
    return out if changed else None


_IT_FILE = re.compile(r"\b(?:it|that|this|that\s+file|the\s+file|that\s+pdf|the\s+pdf|that\s+doc(?:ument)?)\b", re.I)
#: A file an earlier turn's step found, as the transcript shows it: open_and_get_file_path(...) -> Documents/x.pdf
_FOUND_FILE = re.compile(r"\bopen_and_get_file_path\([^)]*\) -> (?P<path>[^\s;]+\.\w{1,5})\b"
                         r"|\bsearch_documents\([^)]*\) -> \[\{'path': '(?P<hit>[^']+\.\w{1,5})'")
#: An earlier request that asked for a file itself: "can u find the lisbon itinerary", "where is the q3 report saved?"
_ASKED_FILE = re.compile(r"\b(?:find|fnd|locate|open|pull\s+up|bring\s+up|look\s+for|path)\b"
                         r"|\bwhere\s+(?:do|did|have)\s+i\s+(?:have|keep|kept|put|save|saved|store|stored)\b|\bwhere\b(?=[^?.!]{0,50}"
                         r"\b(?:file|files|pdf|doc|docs|document|saved|stored|kept)\b)", re.I)  # (not "where are we staying?")
#: "attach it to an email for lucas", "send that to tom": the file sent is "it", whatever else the request says
_SEND_IT = re.compile(r"\b(?:attach|send|forward|fwd|share|e-?mail|mail)\s+(?:it|that|this|that\s+file|the\s+file)\b", re.I)
_ONLY_IT = {"it", "that", "this", "file", "the", "pdf", "doc", "document"}


@rule("file_of_it", "compile",
      "in a follow-up, 'summarize it' or 'send it to Tom' acts on the file the earlier turn found", "attachments")
def file_of_it(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A follow-up that says "it" or "that file" ("where's the team handbook file?", then "summarize it for
    me"): a file argument that is a step number naming no step, or only "it", is the file the earlier turns
    found last (its path, as the file tool reported it, or the first hit of a search for a file the person asked
    for); "email it to david", planned with no file, attaches it."""
    request = as_request(request)
    if not request.context or not _IT_FILE.search(request.query):
        return None
    # a search's first hit is the file found where that turn asked for a file ("can u find the lisbon itinerary",
    # "where is the q3 report saved?"), not where it asked what a document says; "it" may point two turns back
    # ("find the team handbook", "what's james's email?", "send it to him")
    found, for_file = [], False
    for line in request.context.splitlines():
        if line.startswith("User:"):
            for_file = bool(_ASKED_FILE.search(line))
        elif line.startswith("Result:"):
            found += [m.group("path") or m.group("hit") for m in _FOUND_FILE.finditer(line) if m.group("path") or for_file]
    if not found:
        return None
    # "ok attach it to an email for lucas, he wants the budget page": the one file looked up is the file found
    # before, where its name shares no word with that file's ("budget" for Project_Falcon_Q3_Report.pdf)
    finders = [t for t in tasks if (s := specs.get(t.tool)) and "file" in s.roles]
    own = set(re.findall(r"[a-z0-9]+", found[-1].rsplit("/", 1)[-1].lower().replace("_", " ")))
    send_it = bool(_SEND_IT.search(request.query))
    sent_it = send_it and len(finders) == 1

    def it_found(t: Task, p, v):
        if not (p.role in ("file", "attachments") or p.name.endswith("_path")):
            return None
        if isinstance(v, list):
            items = [found[-1] if is_it(t, x) else x for x in v]
            return items if items != v else None
        return found[-1] if is_it(t, v) else None

    def is_it(t: Task, v) -> bool:
        if not isinstance(v, str):
            return False
        words = set(re.findall(r"[a-z0-9]+", v.lower()))
        return names_no_step(t, v) or is_ref(v) is None and (
            words <= _ONLY_IT or sent_it and t in finders and not words & own)
    out = rewrite_params(tasks, specs, it_found)
    # "email it to david" after the file was found, planned without it: the one sender attaches it
    senders = [t for t in (out or tasks) if (s := specs.get(t.tool)) and s.with_role("attachments") and s.with_role("people")]
    used = {d for t in (out or tasks) for d in t.deps}
    # (or with a file look-up nothing uses: "send it to him, he's feeding the cat" looked up a file "cat")
    idle = [t for t in (out or tasks) if t.id not in used and (sp := specs.get(t.tool)) and "file" in sp.roles]
    if send_it and not finders and len(senders) == 1 \
            and not senders[0].args.get(specs[senders[0].tool].with_role("attachments")):
        slot = specs[senders[0].tool].with_role("attachments")
        out = [t.with_args({**t.args, slot: [found[-1]]}) if t is senders[0] else t for t in (out or tasks)]
    elif send_it and len(finders) == 1 and idle and len(senders) == 1 \
            and not senders[0].args.get(specs[senders[0].tool].with_role("attachments")):
        # the one file looked up (now the file found before) goes with the sender
        slot, k = specs[senders[0].tool].with_role("attachments"), idle[0].id
        out = [replace(t.with_args({**t.args, slot: [f"${k}"]}), deps=tuple(sorted({*t.deps, k})))
               if t is senders[0] else t for t in (out or tasks)]
        out = dependency_order(out, tasks[0].id)
    return out
