"""The verb a first request opens with, judged before planning: no tool does it (declined) or a tool is named by it (planned)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from tinyagent.nodes.request.lexicon import (COURTESY, OWN_TOOL_VERBS, REQUEST_LEAD, SERVED_VERBS, UNSERVED_VERBS,
                                            VERB_SYNONYMS)
from tinyagent.nodes.request.asks import RE_FROM
from tinyagent.nodes.request.reading import read_request
from tinyagent.nodes.rules.registry import rule
from tinyagent.tools.specs import ToolSpec

_WORD = re.compile(r"[a-z']+")


#: Replies and forwards asked for in other words: "answer Lucas about the invoice", "make answer to the mail of
#: David", "write back to priya", "respond to sarah's email", "pass omar's garden quote on to tom"
_SAID_OTHERWISE = (
    (re.compile(r"(?:make\s+(?:an?\s+)?)?answer\s+(?:to\s+)?(?:(?:the|that|this|his|her|their|[a-z]+'s)\s+"
                r"(?:[\w-]+\s+){0,3}?(?:e-?mail|mail|message|msg)\b|(?:him|her|them)\b"
                # "now answer it: yes please": the email the conversation showed
                r"|(?:it|that|this)\s*(?:[,:\-]|$|\b(?:and|saying|with)\b)"
                r"|(?!(?:my|the|this|that|a|an|these|those|all|some|every|it|your|me|in|with|only|please|questions?|"
                r"honestly|briefly|quickly|shortly|simply|clearly|exactly|fully|properly|politely)\b)"
                r"[a-z]+(?:'s)?(?:\s+[a-z]+){0,2}\s*(?:[,:\-]|"
                r"\b(?:about|re|regarding|and|saying|that)\b))", re.I), "reply"),
    # "re the q3 report draft - tell sarah the table on page 4 has a typo": what to answer, about which email
    (re.compile(r"re\s*:?\s+(?:the\s+|my\s+|your\s+)?[\w' ]{2,40}?\s*[-:\u2013]\s*(?:tell|let|say|ask)\s", re.I), "reply"),
    (re.compile(r"(?:write|get)\s+back\s+to\b(?!\s+(?:me|us|work)\b)"
                # "Please write answer to Omar for the garden price", "send a reply to lucas"
                r"|(?:write|send|make|draft)\s+(?:an?\s+)?(?:answer|reply|response)\s+(?:to|for)\b"
                r"|respond\s+to\b(?!\s+(?:this|the|that|my|these|those)\s+questions?\b)"
                # Indian English: "please revert back to David's mail regarding Lisbon"
                r"|revert\s+(?:back\s+)?to\s+(?:(?:the|that|this|his|her|their|[a-z]+'s)\s+(?:[\w-]+\s+){0,3}?(?:e-?mail|mail|message|msg)\b"
                r"|(?!(?:the|my|our|an?|old|previous|original|last|earlier|default|it|that|this)\b)[a-z]+\b)", re.I), "reply"),
    # ("Flick Omar's garden quote on to Tom Becker", "bung the invoice over to Sarah": Australian and British)
    (re.compile(r"(?:pass|send|flick|shoot|bung|pop|chuck)\s+(?:[\w'-]+\s+){1,6}?(?:on|along|over)\s+to\b"
                r"|bounce\s+(?:[\w'-]+\s+){1,6}?(?:over\s+)?to\b", re.I), "forward"),
    # "write to Lucas Martin asking ...", "write an email to priya": a new email; not "write to my notes"
    (re.compile(r"write\s+(?:(?:an?\s+)?e-?mail\s+)?to\s+(?!(?:my|the|a|an|this|that|your|our|it|me)\b)[a-z]"
                # "ok write him: the lab key is at reception"
                r"|write\s+(?:him|her|them)\s*[:,\-]", re.I), "email"),
    # "write that down in a note called ...", "jot this down": a note
    (re.compile(r"(?:write|jot|note|put)\s+(?:that|this|it|these|those)\s+down\b", re.I), "note"),
    # "new note: wifi code is ...", "quick note - ...": a note
    (re.compile(r"(?:new|quick)\s+note\s*[:\-]", re.I), "newnote"),
    # "quick sumary of the lisbon itinary", "a recap of the handbook": a summary
    (re.compile(r"(?:(?:give|gimme|get)\s+(?:me\s+|us\s+)?(?:the\s+)?)?(?:(?:a|quick|short|brief)\s+)*"
                r"(?:summary|sumary|summery|summry|recap|gist|overview|rundown)\s+of\b", re.I), "summarize"),
    # "where's the lisbon itinerary file", "where is my tax pdf saved": the file itself
    (re.compile(r"where(?:'s|s|\s+is|\s+are)\s+(?:the|my|our)\s+[\w' -]{1,40}?\b(?:file|pdf|doc|docx|document|spreadsheet)s?\b",
                re.I), "findfile"),
    # "kindly take a printout of the team handbook", "take a print of it": printing
    (re.compile(r"(?:take|make|get|give)\s+(?:me\s+)?(?:an?\s+|\d+\s+)?(?:print-?outs?|prints?|hard\s*cop(?:y|ies))\s+of\b", re.I), "print"),
    # "make a meeting link for ...", "get me a zoom link": the meeting link
    (re.compile(r"(?:make|create|get|generate|set\s+up|send|need|want|(?:i\s+)?(?:need|want|would\s+like|'d\s+like))\s+(?:me\s+|us\s+)?"
                r"(?:an?\s+)?(?:new\s+)?(?:zoom|video|meeting|jitsi|call|conference)\s+(?:call\s+)?link\b", re.I), "link"),
)


def opening_verb(query: str) -> str:
    """The first word of a request after its greeting and politeness ("hey, could you please pay ..." -> "pay"); a
    reply or forward asked for in other words is "reply" or "forward" ("answer Lucas about the invoice")."""
    m = _first_word(query)
    return (said_otherwise(query, m) or m.group()) if m else ""


#: A wish said before the ask: "I would like that you reimburse ...", "i'd like you to book ...", "I need to cancel ..."
_WISH = re.compile(r"^\W*(?:(?:please|pls|kindly|hi|hello|hey)\W+)*"
                   r"(?:i(?:'d|\s+would)\s+(?:like|love)\s+(?:that\s+(?:you|u)\s+|(?:you|u)\s+to\s+|to\s+)"
                   r"|i\s+(?:want|need)\s+(?:that\s+(?:you|u)\s+|(?:you|u)\s+to\s+|to\s+))", re.I)


def _first_word(query: str) -> re.Match | None:
    """The first word of a request after its greeting and politeness, or None."""
    prev = ""
    if wish := _WISH.match(query):  # ("I would like that you reimburse the inscription fees": reimburse)
        return next((m for m in _WORD.finditer(query.lower(), wish.end()) if m.group() not in REQUEST_LEAD), None)
    for m in _WORD.finditer(query.lower()):
        # (the "to" of a non-native "please to email at Priya")
        if m.group() not in REQUEST_LEAD and not (m.group() == "to" and prev in ("please", "pls", "plz", "kindly")):
            return m
        prev = m.group()
    return None


def said_otherwise(query: str, first: re.Match | None = None) -> str | None:
    """The verb a request opens with in other words ("answer Lucas about" -> "reply", "make a meeting link" ->
    "link"), or None; ``first``: its first word, where the caller found it."""
    m = first or _first_word(query)
    return next((verb for rx, verb in _SAID_OTHERWISE if rx.match(query, m.start())), None) if m else None


@rule("decline_unserved", "retrieve",
      "a request that opens with an action no tool does (pay, order, delete, rename...) is declined, not planned; "
      "a follow-up only where no served verb asks for more",
      "made-up content")
def unserved_action(query: str, specs: Iterable[ToolSpec]) -> str | None:
    """The verb of ``query`` that no tool in ``specs`` serves ("pay" for "pay the electricity bill"), or
    None: the request opens with one of UNSERVED_VERBS and no tool's name or description has it."""
    verb = opening_verb(query)
    if verb not in UNSERVED_VERBS and verb not in SERVED_VERBS:
        # "Oh dear, I have changed my mind. Could you kindly delete that appointment?": the ask after an aside
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", query.strip()) if x]
        if len(sentences) > 1 and len(sentences[0].split()) <= 8 \
                and not re.search(r"\b(?:not|actually|meant|mean)\b", sentences[0], re.I):  # (not a correction)
            verb = opening_verb(sentences[1])
    if verb not in UNSERVED_VERBS and verb not in _SENDS:
        return None
    if re.search(r"\breserve\s+(?:some\s+|an?\s+|the\s+)?(?:time|hours?|slot|block)\b", query, re.I):
        return None  # ("reserve time in my calendar for the investor call": an event)
    said = re.compile(rf"\b(?:{'|'.join(map(re.escape, {verb, *VERB_SYNONYMS.get(verb, ())}))})", re.I)
    specs = list(specs)
    if any(said.search(_tool_words(s)) for s in specs) or _names_a_choice(query, specs):
        return None
    return verb


def _names_a_choice(query: str, specs: Sequence[ToolSpec]) -> bool:
    """The request names a choice of several words a tool offers ("upgrade me to premium unlimited": a membership tool's
    plan "premium_unlimited"): that tool may do it."""
    text = query.lower()
    return any(isinstance(e, str) and re.search(r"[_ ]", e.strip()) and re.search(
        rf"\b{re.escape(e.lower().replace('_', ' '))}\b", text) for s in specs for p in s.params for e in p.enum)


#: An email asked of tools that send none ("email my prescription to my new optometrist" to an optician's tools; of
#: the corpus's and the development sets' first turns so opened, 2, both declines): the default tools' email ones name it
_SENDS = frozenset({"email", "send"})


def _tool_words(spec: ToolSpec) -> str:
    """A tool's name and description, as the words a request is matched against ("play music Play a song ...")."""
    return f"{spec.name.replace('_', ' ')} {spec.description}"


#: A request for advice or an opinion ("any tips for ...", "which film stock is best for ...", "is it safe to ...",
#: "could you recommend a wine ..."): no tool gives one. Of the first turns of the corpus and the development sets
#: that ask so, all 9 are declines (6 of them in sets the pattern was not written from).
_ADVICE = re.compile(r"^\W*(?:(?:hey|hi|so|ok|okay|um|uh|quick\s+question|also|and|any\s+chance)\W+){0,3}(?:"
                     r"(?:any|some|got\s+any|give\s+me\s+(?:some\s+)?)\s*(?:tips?|advice|suggestions?|pointers)\b"
                     r"|how\s+(?:do|can|should|would)\s+(?:i|we)\s+(?:stop|avoid|improve|get\s+better|learn|deal\s+with|handle|"
                     r"choose|pick|decide|know\s+(?:if|whether|when|which))\b"
                     r"|which\s+[\w'\s]{1,40}?\b(?:is|are)\s+(?:the\s+)?(?:best|better|nicer)\b"
                     # (not "what's the best way to get to Belem": a route)
                     r"|what(?:'s|s|\s+is)\s+(?:the\s+)?best\s+(?!(?:way|route)\s+(?:to\s+)?(?:get|go|cycle|walk|drive|travel|"
                     r"commute)\b)"
                     r"|is\s+it\s+(?:safe|ok|okay|better|worth|normal|bad|good|rude|weird)\b"
                     r"|do\s+you\s+think\b(?!\s+you\s+(?:could|can))|what\s+do\s+you\s+(?:think|recommend|suggest)\b"
                     r"|(?:can|could|would)\s+you\s+(?:recommend|suggest)\b)", re.I)
#: A tool's words that say it advises: such a tool serves the request
_ADVISES = re.compile(r"\b(?:tips?|advice|advise|recommend\w*|suggest\w*|best)\b", re.I)


@rule("decline_advice", "retrieve",
      "a first request for advice or an opinion ('any tips for ...', 'which X is best', 'is it safe to ...') is declined "
      "where no tool's name or description says it advises", "made-up content")
def asks_advice(query: str, specs: Iterable[ToolSpec]) -> bool:
    """``query`` asks for advice or an opinion and no tool of ``specs`` gives one (its name or description says tips,
    advice, recommends, suggests or best)."""
    return bool(_ADVICE.search(query)) and not any(_ADVISES.search(_tool_words(s)) for s in specs)


#: A question of general knowledge or small talk, with the words of a tool that would answer it: "what's the difference
#: between IFRS 16 and ASC 842", "who won the f1 championship this year", "how many milligrams of caffeine are there in a
#: double espresso", "can you explain me how works the Dutch pension system", "what does 'PR' mean", "tell me a joke"
_KNOWLEDGE = tuple((re.compile(r"^\W*(?:(?:hey|hi|so|ok|okay|um|uh|quick\s+question|also|and|btw|random\s+(?:q|question)|"
                               r"just\s+curious)\W+){0,3}(?:" + ask + ")", re.I), frozenset(answers.split()))
                   for ask, answers in (
    (r"(?:what(?:'s|s|\s+is|\s+are)\s+(?:the\s+)?)?diff(?:erence)?s?\s+between\b|(?:can|could)\s+(?:you|u)\s+(?:please\s+)?"
     r"explain\b|explain\s+(?:me\s+|to\s+me\s+)?(?:how|what|why|the)\b",
     "explain explains explanation faq faqs knowledge glossary definition definitions define wiki encyclopedia"),
    (r"what(?:'s|s|\s+is|\s+was)\s+the\s+(?:meaning|origin|definition)\s+of\b|what\s+(?:does|do)\s+['\"]?[\w.-]+['\"]?\s+"
     r"(?:mean|stand\s+for)\b|what\s+means\b",
     "meaning meanings definition definitions define dictionary glossary word words etymology abbreviation"),
    (r"what(?:'s|s|\s+is|\s+was)\s+the\s+(?:capital|population)\s+of\b",
     "country countries capital capitals population geography city cities"),
    (r"who\s+(?:won|invented|wrote|painted|discovered|founded|engineered|composed|directed|designed|built|sang|was\s+the\s+first)\b",
     "score scores result results winner winners standings league fixtures match matches history author authors artist"),
    (r"how\s+many\s+calories\b|how\s+many\s+[\w-]+(?:\s+[\w-]+){0,2}?\s+(?:are|is)\s+(?:there\s+)?in\s+(?:an?|one)\b",
     "calorie calories nutrition nutrient nutrients ingredient ingredients facts"),
    (r"tell\s+(?:me|us)\s+a\s+(?:joke|story|fun\s+fact)\b|do\s+(?:you|u)\s+(?:even\s+)?(?:dream|sleep|swim|eat|have\s+feelings)\b",
     "joke jokes story stories fact facts trivia")))


@rule("decline_knowledge", "retrieve",
      "a first request to your own tools that asks a question of general knowledge or small talk ('who won the f1 "
      "championship this year', 'what does PR mean') is declined where no tool has the words of its answer",
      "made-up content")
def asks_knowledge(query: str, specs: Iterable[ToolSpec]) -> bool:
    """``query`` asks a question of general knowledge or small talk ("who won the f1 championship this year lol") and no
    tool of ``specs`` has a word of what would answer it (scores, results, a dictionary, nutrition, ...)."""
    for ask, answers in _KNOWLEDGE:
        if ask.search(query):
            return not any(answers & set(_WORD.findall(_tool_words(s).lower())) for s in specs)
    return False


#: What a request says only to be pleasant: thanks, greetings, praise, goodbyes ("Thank you, you are a big help! Have a
#: nice evening.")
_PLEASANTRY = frozenset("""thank thanks thankyou thx ty tysm you u ya your youre you're so much very really a lot big great
    help helpful helped been are were is was have had nice good lovely wonderful fantastic amazing awesome cool perfect
    brilliant super the best star legend day evening night morning afternoon weekend hi hello hey hiya bye goodbye
    cheers ok okay alright all that's thats it for now see later again too as well and oh ah wow lol haha""".split())


@rule("decline_pleasantry", "retrieve",
      "a first request that only thanks, greets or says goodbye asks for nothing: nothing is planned", "made-up content")
def only_pleasantry(query: str) -> bool:
    """Every word of ``query`` is a word of thanks, greeting, praise or goodbye ("Thank you, you are a big help! Have
    a nice evening.", "hi there thanks so much"): it asks for nothing."""
    words = re.findall(r"[a-z']+", query.lower())
    return bool(words) and all(w in _PLEASANTRY or w in {"there", "again", "mate", "dear"} for w in words)


@rule("contact_not_declined", "retrieve",
      "a first request for someone's number or address ('what's Tom Becker's cell') is planned, not declined", "people")
def asks_for_contact(query: str) -> bool:
    """``query`` asks for someone's number or email address itself (nodes/request/asks.py), as a question or a
    look-up ("what's Tom Becker's cell", "find aisha's email"; not "delete omar's email, not interested")."""
    from tinyagent.nodes.request.asks import asks_for_contact as asks

    return asks(query) and bool(_LOOKS_UP.search(query))


#: A question, or asking to be given or found something: "what's ...", "can you find ...", "... number?"
_LOOKS_UP = re.compile(r"^\W*(?:(?:hey|hi|ok|okay|so|pls|please|can\s+you|could\s+you|would\s+you)\W+)*"
                       r"(?:what|whats|wats|which|how|where|who|give|get|find|look|tell|need)\b|\?\s*$", re.I)


#: Where a request's later part begins: "cancel that and instead remind me"
_LATER_PART = re.compile(r"\b(?:and|then|instead|but|also)\b|[,;:]", re.I)
#: What a follow-up makes of the earlier turn's answer: "turn that into a note", "record it as a reminder"
_INTO = re.compile(r"\b(?:into|as)\s+(?:an?\s+|my\s+|the\s+)?(?:new\s+)?([a-z]+)", re.I)


def asks_more(query: str) -> bool:
    """A later part of ``query`` opens with a tool's own verb: "cancel that and instead remind me on friday"
    asks for a reminder too ("delete that text" does not: its "text" is the thing, not the ask); or it asks
    for what a tool makes: "turn that into a note" (a reminder, an email...)."""
    into = {w.lower() for w in _INTO.findall(query)}
    return any(opening_verb(part) in SERVED_VERBS for part in _LATER_PART.split(query)[1:] if part.strip()) \
        or any(w in SERVED_VERBS or w.removesuffix("s") in SERVED_VERBS or w.removesuffix("er") in SERVED_VERBS
               for w in into)


#: A reply asked for past the opening verb: "re the invoice from Lucas: pls reply that ...", "re the q3 draft from
#: sarah: comments by wed" (of the corpus's and development sets' first turns so worded, 15, none a decline)
_REPLY_ASKED = re.compile(rf"\b(?:reply|respond)\s+(?:that|saying|with|to\s+(?:him|her|them|it|that|this))\b|{RE_FROM}", re.I)


def reply_asked(query: str) -> bool:
    """The request asks for a reply past its opening verb ("re the invoice from Lucas: pls reply that ...")."""
    return bool(_REPLY_ASKED.search(query))


@rule("plan_served", "retrieve",
      "a first request that opens with a tool's own verb (reply, forward, email, text, remind, note...), or asks what a "
      "named document says, is planned, not declined")
def served_action(query: str) -> str | None:
    """What in ``query`` a default tool does: the verb it opens with ("note" for "note: gate code is 4471"), or
    the document it asks about ("the itinerary" for "what am i doing on tuesday according to the itinerary");
    None when neither."""
    verb = opening_verb(query)
    if verb not in SERVED_VERBS and (aside := re.match(r"^\s*[^.!?]{1,25}[.!]\s+(?=\S)", query)) \
            and len(aside.group(0).split()) <= 4:
        # ("How very good. Would you email that to Mr O'Brien, please?": the ask after a short aside)
        verb = opening_verb(query[aside.end():])
    if verb in SERVED_VERBS:
        return verb
    if reply_asked(query):  # ("re the invoice from Lucas: pls reply that the payment goes out on the 15th")
        return "reply"
    doc = read_request(query).document_named
    return f"ask the {' '.join(doc)}" if doc else None


_MORE = re.compile(r"\b(?:too|as well|also)\b", re.I)
#: What "you too" and "me too" say beside the lead words: they add nothing to the turn before
_SAYS_NOTHING = REQUEST_LEAD | {"too", "as", "well", "also", "you", "me", "same", "to", "that's", "all", "bye", "lol", "haha"}


def served_followup(query: str, specs: Iterable[ToolSpec]) -> bool:
    """A follow-up a tool serves: it opens with a tool's own verb ("text her to check her inbox", "add ... to
    it") or adds to the turn before ("oh and bread too", "can i get a meeting link for it too"), and opens
    with no action that no tool does ("and book a flight too")."""
    words = set(_WORD.findall(query.lower()))
    adds = bool(_MORE.search(query) or _AND_MORE.match(query) and words - _SAYS_NOTHING - COURTESY - {"again", "and"}) \
        and not words <= _SAYS_NOTHING  # (not "thanks, you too", "and thanks again")
    return (served_action(query) is not None or adds or bool(_SENT_AS.search(query))) \
        and unserved_action(query, specs) is None


#: "oh and good shoes for the hike", "and the charger": one more thing for what the turn before made
_AND_MORE = re.compile(r"^\s*(?:(?:oh|ah|ok|okay)\b[\s,]*)?(?:and|also|plus)\b", re.I)
#: "drop him an email saying ...", "please send it by email to Aisha": a message a tool sends, said as a noun
_SENT_AS = re.compile(r"\b(?:drop|shoot|send|fire|write|give|ping)\s+(?:\w+\s+){0,2}?an?\s+(?:quick\s+|short\s+)?"
                      r"(?:e-?mail|mail|text|txt|message|msg|sms|line|note)\b|\b(?:by|via|per)\s+(?:e-?mail|mail|text|sms)\b", re.I)


#: "email of my landlord", "email address for coach Brennan?", "email from Olga on monday": the word is a noun
_NOUN_AFTER = re.compile(r"^\s*(?:(?:of|for|from|address(?:es)?|addr|id|is|was|about|in)\b|[?.!]*\s*$)", re.I)
#: "remind me what time my flight is", "text me who is coming": the verb opens a question, not its tool's ask
_ASKS_BACK = re.compile(r"^\s*(?:me\s+)?(?:what|what's|whats|who|whom|which|how)\b", re.I)


def opening_tool(query: str, tools: dict[str, str]) -> str | None:
    """The tool (of ``tools``, verb -> tool) the verb ``query`` opens with names, or None; none where the verb
    opens a question ("remind me what time my flight is")."""
    first = _first_word(query)
    phrased = said_otherwise(query, first)
    if phrased:  # (a phrase of its own: "make a meeting link for ...")
        return tools.get(phrased)
    verb = first.group() if first else ""
    return tools[verb] if verb in tools and _opens_an_ask(query, verb) else None


def _opens_an_ask(query: str, verb: str) -> bool:
    """``verb``, where ``query`` says it, opens an ask: no question after it ("remind me what time my flight is") and it
    names no thing ("email of my landlord")."""
    m = re.search(rf"\b{re.escape(verb)}\b", query, re.I)
    return not (m and (_ASKS_BACK.match(query[m.end():]) or _NOUN_AFTER.match(query[m.end():])))


#: A tool named for what it shows, not for an action: "t4_refill_status", "donation_history", "reading_lists"
_SHOWS = re.compile(r"(?:status|history|list|lists)$")


def own_verb_tools(query: str, names: Sequence[str]) -> list[str]:
    """The tools of ``names`` (your own) that the verb the request or one of its clauses opens with names: the one
    tool whose name opens with that verb ("book me at the closest place": book_donation), a verb of OWN_TOOL_VERBS;
    none where two tools open with it or it opens a question."""
    from tinyagent.store.tool_classifier import clauses

    out: list[str] = []
    for part in [query, *clauses(query)]:
        verb = opening_verb(part)
        if verb not in OWN_TOOL_VERBS or not _opens_an_ask(part, verb):
            continue
        hits = [n for n in names if _name_words(n)[:1] == [verb] and not _SHOWS.search(n)]
        if len(hits) == 1 and hits[0] not in out:
            out.append(hits[0])
    return out


def _name_words(name: str) -> list[str]:
    """A tool name's words without a prefix of its tool set ("t4_find_chargers": find, chargers)."""
    return [w for w in name.lower().split("_") if w and not re.fullmatch(r"[a-z]\d+", w)]


#: A question, as people type one: a question mark, or an opening question word ("whats the q3 budget")
_QUESTION = re.compile(r"\?\s*$|^\s*(?:(?:hey|hi|so|ok|okay|and|oh|um|quick question)[,\s]+)*"
                       r"(?:what|what's|whats|when|where|who|whom|which|how|is|are|was|does|do|did|can|could)\b", re.I)


@rule("documents_know", "retrieve",
      "a question the classifier would decline, or plan as Python code with no number in it, that a passage of your "
      "documents answers (it holds every word the question asks about) is planned with the document search")
def documents_know(query: str, search) -> dict | None:
    """The passage that answers ``query`` (tools/passages.answers), for a question; None when it is not a
    question or no passage holds what it asks about. ``search(query)`` gives the document search's hits
    (it raises where there are no documents)."""
    from tinyagent.tools.passages import answers

    if not _QUESTION.search(query):
        return None
    try:
        return answers(query, search(query))
    except Exception:  # noqa: BLE001 - no documents, no index: nothing known
        return None


#: What asks for code or a sum without writing a number: "run this in python", "calculate the average"
_CODE_WORDS = re.compile(r"\b(?:python|code|script|program|calculat\w*|comput\w*|math|sum|average|convert|"
                         r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                         r"fifty|hundred|thousand|million|half|third|quarter|percent|dozen|square|root)\b|\d", re.I)


@rule("code_needs_numbers", "retrieve",
      "a first request that gives no number and asks for no code or sum is not planned with Python code where "
      "another tool fits it as surely")
def code_needs_numbers(query: str, sure: Sequence[str], specs: dict) -> list[str]:
    """The code-running tools to hold back for ``query`` (of the tools the classifier is sure of, ``sure``):
    "whats the lead time on the particulate matter sensor" was planned ``print(time_in_millimeters_per_particle)``,
    though the document search was as sure. None where the request writes a number or asks for code or a sum, or
    no other sure tool is left."""
    from tinyagent.nodes.rules.checks import python_param

    coders = [n for n in sure if n in specs and python_param(specs[n])]
    if not coders or len(coders) == len(sure) or _CODE_WORDS.search(query):
        return []
    return coders


#: A request that asks something back, not for something done: "what's on at 3?", "is the office open at 9"
_QUESTION = re.compile(r"^\s*(?:remind\s+me\s*[,:\-]?\s+)?(?:what|what's|whats|when|where|who|how|is|are|do|does|did|can\s+i|should|which|"
                       r"why|tell\s+me)\b"
                       r"|\?\s*$", re.I)
_POLITE_ASK = re.compile(r"^\s*(?:(?:hi|hey|hello|ok|okay)\b[\s,!]*)?(?:(?:can|could|would|will)\s+you|please|pls|kindly)\b"
                         r"(?!\s+(?:please\s+)?(?:tell|show|let)\s+me\b)", re.I)
#: What people book that no default tool books: a table, a taxi, a seat; an alarm
_BOOKED = re.compile(r"\b(?:alarm|table|taxi|cab|uber|courier|seat|flight|train|ticket|tickets|hotel|room|delivery)\b",
                     re.I)


def timed_ask(query: str) -> bool:
    """A first request that gives a clock time ("a 75 minute guitar lesson in on thursday at 5pm", "coffee with elena
    thursday at 10am", "block 90 minutes tomorrow at 2pm"), asks nothing back and opens with no action no tool does:
    something to put in the calendar, a reminder or a meeting link. Booking a table, a taxi, a seat or an alarm is
    left to the planner. (Of the corpus's and the development sets' first turns over the default tools, 418 such
    requests need a tool and 2 do not: "set my phone to do not disturb until 9am", "wake me at seven o'clock".)"""
    from tinyagent.tools.dates import parse_when

    asked = _QUESTION.search(query) and not _POLITE_ASK.match(query)  # ("Can you block 90 minutes ...?": an ask)
    if asked or opening_verb(query) in UNSERVED_VERBS or _BOOKED.search(query):
        return False
    for phrase in read_request(query).phrases:
        try:
            if parse_when(phrase)[1] and re.search(r"\d|\bat\s+[a-z]", phrase, re.I):
                return True
        except Exception:  # noqa: BLE001  (a phrase the tool reads another way is no clock time)
            continue
    return False

