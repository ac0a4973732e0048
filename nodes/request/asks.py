"""What a request asks for beyond its words: to send a file along (and which), someone's address or number,
a file itself, or something about an email the person got."""

from __future__ import annotations

import re
from typing import Sequence

from tinyagent.nodes.request.lexicon import (DOCUMENT_PLAIN, FILE_VERBS, NOT_DOCUMENT_LEADS, NOT_DOCUMENT_TIMES,
                                             NOT_DOCUMENTS, TOPIC_PLAIN)
from tinyagent.nodes.request.typos import typo_of
from tinyagent.nodes.request.words import alnum_words

_FILE_NOUN = (r"(?:file|pdf|doc|docx|document|report|rpt|deck|slides|sheet|spreadsheet|itinerary|handbook|contract|"
              r"invoice|presentation|photos?|pictures?|agenda|minutes|proposal|cv|resume|receipts?|"
              r"slip|form|chapter|poster|scans?|screenshots?|brochure|manual|guide|checklist|diagram|schematics?|"
              r"datasheet|drawings?|template|certificate|workbook)")
#: The nouns a file is called by ("the q3 report", "the itinerary")
FILE_NOUN = _FILE_NOUN

# Between "email"/"send" and the file, a word that starts another clause means the file is not what is
# sent: a topic ("email Ana about the contract renewal"), the message ("email Ana to ask for the
# invoice") or the next ask ("send Ana the link, then summarize the pdf").
_CLAUSE = r"(?:about|regarding|abt|re|on|to|and|then|also|saying|that|for|with|asking|telling|after|before|but)"

_GAP = r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s|[\w.+-]+@[\w.-]+\w\s|(?!\b" + _CLAUSE + r"\b)[^.?!;:,()'\"\n])"

_DET = r"(?:the|my|our|this|these|those)"

_MODS = r"(?:(?!" + _DET + r"\b)[\w'-]+\s+){0,3}"  # up to three words before the file noun, no determiner

_ATTACH = re.compile(
    r"\battach|\bas an attachment|\binclude (?:the|my|our) [\w -]{0,30}?\bfile\b"
    r"|\bwith (?:the|my|our) " + _MODS + _FILE_NOUN + r"\b"
    # "email priya and david the lisbon itinerary": two people, then the file
    r"|\b(?:e-?mail|send|mail|share)\s+[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*)*\s+(?:and|&)\s+[a-z][\w'-]*\s+" + _DET + r"\s+"
    + _MODS + _FILE_NOUN + r"\b"
    # "... and stick the team handbook on it too", "and put the lisbon itinerary in too": one more file on the email
    r"|\b(?:put|stick|throw|pop|add|include)\s+" + _DET + r"\s+" + _MODS + _FILE_NOUN
    + r"\s+(?:in|on|with)(?:\s+(?:it|there))?\s+(?:too|as\s+well|also)\b"
    # "email Sarah the Q3 report", "send the photos to Ayesha"; not "remind me to send the invoice",
    # nor a message in brackets or after a dash ("(send the agenda)")
    r"|(?<!\bto )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bhe can )(?<!\bshe can )(?<!\bthey can )(?<!\bhe could )"
    r"(?<!\bshe could )(?<!\bthey could )(?<![(\-'] )(?<![(\-'])\b(?P<verb>e-?mail|send|mail|share)\b" + _GAP
    + r"{0,40}?\b" + _DET + r"\s+" + _MODS + _FILE_NOUN
    + r"\b(?!\s+(?:renewal|review|signing|talk|meeting|call|draft)\b)", re.I)

# "send it to Ravi" after the file was named ("find the budget spreadsheet and send it to Ravi"), but
# not what a step makes ("summarize the report and email it to Ravi": the summary is sent)
_SEND_IT = re.compile(r"(?<!\bto )\b(?:send|e-?mail|mail|share)\s+(?:it|them)\s+(?:to|over)\b", re.I)

_NAMED_FILE = re.compile(r"\b" + _DET + r"\s+(" + _MODS + _FILE_NOUN + r")\b", re.I)

_MADE = re.compile(r"\b(?:summar|sum up|tl;?dr|link|zoom|result|answer|total)", re.I)

# the name of the file to attach, where the request gives it
_FILE_AFTER_ATTACH = re.compile(
    r"\battach(?:ing)?\s+(?:(?:the|my|our)\s+)?((?:[\w'-]+\s?){1,4}?)"
    r"(?=\s*(?:\b(?:to|and|for|with|from|in|on|please|pls|as|then|too|also)\b|[,.;:!?]|$))", re.I)

_FILE_INCLUDED = re.compile(r"\binclude (?:the|my|our) ([\w -]{1,30}?)\s*\bfile\b", re.I)

_FILE_AS_ATTACHMENT = re.compile(r"\b(?:with|w/)\s+(?:(?:the|my|our)\s+)?((?:[\w'-]+\s?){1,4}?)\s+as an attachment",
                                 re.I)



def _attach_match(query: str) -> re.Match | None:
    if re.search(r"\b(?:forward|fwd)", query, re.I):  # a forward keeps its own files; one more is asked by name
        return _ONE_MORE_FILE.search(query)
    for m in _ATTACH.finditer(query):
        if m.group("verb") and re.search(r"\b(?:e-?mail|mail|reply|message|text|line|remind(?:er)?)\b[^.?!;:]*:\s*$",
                                         query[:m.start()], re.I):
            continue  # the words of a message or reminder after a colon ("email Jack about it: send the agenda")
        return m
    it = _SEND_IT.search(query)
    if it and not _MADE.search(query[:it.start()]):
        named = list(_NAMED_FILE.finditer(query[:it.start()]))
        return named[-1] if named else None
    return _BY_EMAIL.match(query)


#: "fwd the q3 draft to elena, and put the lisbon itinerary in too", "and attach the team handbook": a file asked for
#: beside the forwarded email's own (not "the email ... has our membership cards attached")
_ONE_MORE_FILE = re.compile(r"\b(?:attach|put|stick|throw|pop|add|include)\s+" + _DET + r"\s+" + _MODS + _FILE_NOUN + r"\b",
                            re.I)

#: "q3 report to sarah and james by email, cc priya": a file named first, sent by email
_BY_EMAIL = re.compile(r"^\s*(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:" + _DET + r"\s+)?(" + _MODS + _FILE_NOUN
                       + r")\s+to\s+[^.?!;:]{1,60}?\bby\s+e-?mail\b", re.I)



def asks_to_attach(query: str) -> bool:
    """The request asks to send a file along ("email Sarah the Q3 report", "attach the slides",
    "find the budget spreadsheet and send it to Ravi"); forwarding keeps the email's own files.

    Callers pass the request as read with its typos corrected where they have it ("emial Sarah the
    Q3 reprot"; store/spelling.py)."""
    return _attach_match(_wanted(query)) is not None


#: "I need to send ...", "I'd like to email ...": the person's own ask, not an errand for someone ("remind me to send")
_WANT_TO = re.compile(r"\b(?:i|we)\s+(?:really\s+)?(?:need|want|have|got|would\s+like|'d\s+like|must)\s+to\s+"
                      r"(?=(?:e-?mail|send|mail|share)\b)"
                      # "Please to send her the handbook": the "to" of a non-native "please to"
                      r"|(?<=\bplease)\s+to(?=\s+(?:e-?mail|send|mail|share)\b)", re.I)


def _wanted(query: str) -> str:
    """The request with "I need to" before its sending verb left out, so the verb is read as the ask."""
    return _WANT_TO.sub("", query)



def attached_file(query: str) -> str | None:
    """The name of the file the request asks to send along, as it says it ("email Sarah the Q3
    report" -> "Q3 report", "attach my resume to an email" -> "resume"), or None."""
    query = _wanted(query)
    m = _attach_match(query)
    if m is None:
        return None
    text = m.group(0)
    found = None
    if m.re is _BY_EMAIL:  # "q3 report to sarah by email": the file named first
        found = m
    elif re.search(r"\battach", text, re.I):  # the words after "attach", in the match or past it
        found = _FILE_AFTER_ATTACH.search(text) or _FILE_AFTER_ATTACH.search(query[m.start():])
    if found:
        name = found.group(1)
    elif enclosed := _FILE_AS_ATTACHMENT.search(query):
        name = enclosed.group(1)
    elif included := _FILE_INCLUDED.search(text):
        name = included.group(1)
    else:
        named = list(_NAMED_FILE.finditer(text))
        if not named:
            return None
        name = named[-1].group(1)
    name = re.sub(r"\s+(?:file|pdf|docx?|document)$", "", name.strip(), flags=re.I)  # "meeting notes pdf"
    return None if name.lower() in {"", "it", "them", "this", "that", "these", "those", "one", "file", "files"} \
        else name



_CONTACT_ASK = re.compile(
    r"(?:'s?|\bof|\bfor|\bdoes)\s+(?:[\w.-]+\s+){0,3}?(?:e-?m(?:ai*|i+)l(?:\s+address)?|(?:phone|cell|mobile)"
    r"(?:\s+(?:number|no\.?|#))?|n[ua]?mb?e?r|digits|contact(?:\s+details|\s+info)?)\b"
    r"|\b(?:n[ua]?mb?e?r|e-?m(?:ai*|i+)l(?:\s+address)?|phone(?:\s+number)?)s?\s+(?:of|does)\b"
    r"|\b(?:n[ua]?mb?e?r|e-?mail address|phone number)s?\s+for\b"
    r"|\b(?:what|which)\s+(?:n[ua]?mb?e?r|e-?mail)\b|\bhow (?:can|do|would|should) i (?:cal+|reach|contact|text)\b"
    # "whats aishas number", "what is toms phone number": the possessive without its apostrophe
    r"|\b(?:whats|wats|what'?s|what\s+is|what\s+was)\s+(?!(?:this|his|hers|its|yours|theirs|ours|us|was|is|as|thus|"
    r"plus|bus|gas|class|less|press|business|status|address)\b)[a-z]{2,}s\s+(?:(?:phone|cell|mobile)\s+)?(?:n[ua]?mb?e?r|e-?mail|"
    r"phone|cell|mobile|address|contact)\b",
    re.I)

#: "re the q3 draft from sarah: comments by wed": about what someone sent, what is said after it the answer
RE_FROM = r"^\W*re:?\s+(?:the|his|her|my|their)\s+[^:]{2,60}?\bfrom\s+[A-Za-z]+\s*[:,-]"
_RECEIVED = re.compile(
    r"\b(?:repl(?:y|ies|ied)|respond|answer|forward|fwd|fw|write back|pass\b.{0,40}\b(?:along|on to)|send\b.{0,40}\bon to"
    r"|share (?:this|that|the)|(?:this|that|the|last|latest|his|her|their|its)\s+(?:e-?mail|mail|message)"
    rf"|'s\s+(?:e-?mail|mail|message)|{RE_FROM})", re.I)



def speaks_of_received_email(query: str) -> bool:
    """The request is about an email the person got ("reply that ...", "forward it to ...", "the
    email from Marco", "Anneke's email"), not only about writing a new one."""
    return bool(_RECEIVED.search(query))



def asks_for_contact(query: str) -> bool:
    """The request asks for someone's address or number itself ("what's Ana's email", "how can I
    call Paul"): a lookup may then be the whole answer."""
    return bool(_CONTACT_ASK.search(query))



#: words that ask for a file itself, before its name ("open my resume", "where is the lease", "the path of ...")
_FILE_ASK = re.compile(r"\b(?:open|opne|find|fnd|locate|pull(?:\s+it)?\s+up|bring\s+up|path|show|see|view|display|get|fetch|"
                       r"grab|look\s+up|look\s+for|where|access|launch|load|read|check)\b", re.I)



def asks_for_file(query: str, name: str) -> bool:
    """The request asks for the file ``name`` itself ("open my resume", "get the path of course
    notes", "locate style guide on my computer"): a verb that asks for a file comes before the name
    in its sentence. True when the request does not say the name as written (a look-up of a name
    the request does not say is judged elsewhere, ``lookups.stray_lookup``)."""
    at = query.casefold().find(name.strip().casefold()) if name.strip() else -1
    if at < 0:
        return True
    before = re.split(r"[.;!?\n]|\d[).]\s|\b(?:and|then|also)\b|,", query[:at])[-1]
    if _FILE_ASK.search(before):
        return True
    # "fidn the file syllabus", "Locaate lease agreement"
    return any(typo_of(w, FILE_VERBS, least=4) for w in re.findall(r"[a-z]{4,}", before.casefold()))


_DOC_NAME = r"(?P<doc>[\w'&.-]+(?:\s+[\w'&.-]+){0,4}?)"
_DOC_SAY = (r"(?:say|says|said|state|states|stated|mention|mentions|write|writes|written|cover|covers|have|has|tell|talk|talks|"
            r"discuss|discusses|explain|explains)")
#: The kinds of document a name ends in when the question names it last
_DOC_KIND = (r"(?:report|itinerary|handbook|pdf|docx?|document|manual|guide|contract|lease|policy|letter|brochure|slides|"
             r"deck|spreadsheet|memo|minutes|agenda|proposal)")
#: "what does the lisbon itinerary pdf say about tuesday", "what's the q3 report say", "does the lease mention
#: pets", "according to the handbook, ...", "in the warranty doc, ...", "in the q3 report whats the main risk",
#: "lisbon itinerary, what's on wednesday"
_DOCUMENT_ASKS = (
    re.compile(rf"\b(?:what|wat|waht|wht)(?:'s|\s+does|\s+dose|\s+did|\s+do|\s+is)?\s+(?:the|my|our|this|that)\s+"
               rf"{_DOC_NAME}\s+{_DOC_SAY}\b", re.I),
    re.compile(rf"\b(?:does|dose|did|do)\s+(?:the|my|our|this|that)\s+{_DOC_NAME}\s+{_DOC_SAY}\b", re.I),
    # "find where the team handbook talks about lost devices"
    re.compile(rf"\bwhere\s+(?:the|my|our)\s+{_DOC_NAME}\s+{_DOC_SAY}\b", re.I),
    # "how many schools were in the pilot? it's in the q3 report", "... It'll be in the Lisbon itinerary"
    re.compile(rf"[?.!]\s*(?:it'?ll\s+be|it\s+will\s+be|it'?s|it\s+is|should\s+be|must\s+be)\s+in\s+(?:the|my|our)\s+"
               rf"(?P<doc>(?:[\w'&.-]+\s+){{0,3}}?{_DOC_KIND})\s*[?.!]?\s*$", re.I),
    re.compile(rf"\bwhat\s+is\s+written\s+in\s+(?:the|my|our)\s+{_DOC_NAME}(?=\s+(?:about|on|regarding|for)\b)", re.I),
    re.compile(rf"\b(?:according\s+to|check|consult|search|read|look\s+(?:at|in|through))\s+(?:the|my|our)\s+"
               rf"{_DOC_NAME}(?=\s*(?:[,:?]|\s-|->)|\s+(?:for|and\s+tell|what|when|where|how|who|which)\b)", re.I),
    # "what am i doing on tuesday according to the itinerary": the document named last
    re.compile(rf"\baccording\s+to\s+(?:the|my|our)\s+{_DOC_NAME}\s*[.!?]?\s*$", re.I),
    re.compile(rf"^\s*(?:\w+\s+){{0,3}}?in\s+(?:the|my|our)\s+{_DOC_NAME}(?=\s*(?:[,:]|\s-|->))", re.I),
    # "in the q3 report whats the main risk?"
    re.compile(rf"^\s*(?:\w+\s+){{0,3}}?in\s+(?:the|my|our)\s+{_DOC_NAME}(?=\s+(?:what|whats|what's|wats|when|where|how|"
               rf"who|which|is\s+there|are\s+there)\b)", re.I),
    re.compile(rf"^\s*(?:the\s+|my\s+)?{_DOC_NAME}\s*(?:[,:.]|\s-|->)\s*(?:what|when|where|how|who|which|does|is|are)\b",
               re.I),
    # the question first, the document last: "what are the next steps in the falcon q3 report?", "where are the sync
    # notes shared, per the handbook?" (a document by the kind of document it is, not any place: "in the city centre")
    re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:what|whats|what's|when|where|how|who|which|is|are|does|do)\b[^?!]{{3,80}}?"
               rf"(?:\b(?:in|from|of)|,?\s*\b(?:per|according\s+to))\s+(?:the|my|our)\s+"
               rf"(?P<doc>(?:[\w'&.-]+\s+){{0,3}}?{_DOC_KIND})\s*[?.!]?\s*$", re.I),
)
#: A follow-up that asks what the document just read says: "what did it say about the tram?", "does it mention pets?"
_IT_SAYS = re.compile(rf"\b(?:(?:what|wat)(?:'s|\s+does|\s+did|\s+do)?|does|did)\s+(?:it|that|this|the\s+(?:pdf|doc|document|file))"
                      rf"\s+{_DOC_SAY}\b", re.I)


def asks_what_it_says(query: str) -> bool:
    """The request asks what "it" (the document of the turn before) says ("what did it say about the tram?")."""
    return bool(_IT_SAYS.search(query))


#: Where the question ends when the document is named after it ("... in the falcon q3 report?")
_DOC_LAST = re.compile(rf"(?:\b(?:in|from|of)|,?\s*\b(?:per|according\s+to))\s+(?:the|my|our)\s+"
                       rf"(?:[\w'&.-]+\s+){{0,3}}?{_DOC_KIND}\s*[?.!]?\s*$", re.I)


#: Words that ask, and what a contact holds: no document's name is made of them
_ASKING_WORDS = {"what", "whats", "what's", "when", "where", "who", "how", "which", "why"}
_CONTACT_WORDS = {"address", "number", "phone", "mobile", "cell"}
_LEAD_VERBS = {"remind", "tell", "ask", "quick", "question", "hey", "ok", "okay", "so"}


def named_document(query: str) -> list[str]:
    """The words the request names a document by when it asks what that document says ("lisbon itinerary")."""
    for rx in _DOCUMENT_ASKS:
        m = rx.search(query)
        if m:
            words = [w for w in alnum_words(m.group("doc")) if w not in DOCUMENT_PLAIN]
            while words and words[-1] in ("as", "well", "too", "also", "please", "pls"):  # "in my calendar as well,"
                words.pop()
            # (a store of another tool, "my work calendar", a time or a lead-in, "three things:", is no document)
            # (nor a question, or someone's address or number: "what about his email address, is that in there too?")
            if words and len(words) <= 4 and not set(words) <= NOT_DOCUMENTS | NOT_DOCUMENT_TIMES | NOT_DOCUMENT_LEADS \
                    and words[-1] not in NOT_DOCUMENTS | _CONTACT_WORDS and not set(words) & _ASKING_WORDS \
                    and words[0] not in _LEAD_VERBS:  # ("remind me, what is project falcon building?")
                return words
    return []


#: What the question asks about: "... say about tuesday?", "... regarding late deliveries."
_ABOUT_TOPIC = re.compile(r"\b(?:about|abt|bout|regarding|concerning|re)\s+(?P<topic>[^?.!,;:\n]{2,60})", re.I)


#: Words a question asks with, that say what kind of fact it wants, not what about ("how big is the annual budget")
_QUESTION_PLAIN = {"what", "whats", "what's", "wat", "when", "where", "who", "whom", "which", "how", "why", "is", "are",
                   "was", "were", "does", "do", "did", "in", "on", "at", "to", "for", "and", "or", "say", "says", "big",
                   "much", "many", "long", "i", "we", "there", "any", "according", "per", "tell", "can", "could", "you",
                   "time", "date", "day", "have", "has", "need", "am", "be", "by", "soon", "often", "far"}


def asked_topic(query: str, document: Sequence[str] = ()) -> list[str]:
    """The words of what a question about a document asks about ("tuesday", "late deliveries"): what it says
    after "about", else, for a question about the ``document`` it names, its words that are not the document's
    nor the question's own ("in the falcon q3 report, how big is the annual budget?": "annual budget")."""
    m = _ABOUT_TOPIC.search(query)
    asked = _IN_THE_DOCUMENT.match(query) if document and not m else None
    last = _DOC_LAST.search(query) if document and not m and not asked else None
    if m:  # (the little words of a long topic are not counted: "flying business class on a long trip")
        words = [w for w in alnum_words(m.group("topic")) if w not in TOPIC_PLAIN and w not in _TOPIC_LINKS]
    elif asked or last:  # the question after the document, or before it ("what are the next steps in the q3 report?")
        question = (asked.group("question") or asked.group("after")) if asked else query[:last.start()]
        words = [w for w in alnum_words(question) if w not in TOPIC_PLAIN and w not in _QUESTION_PLAIN
                 and w not in document and len(w) > 2]
    else:
        words = []
    return words if len(words) <= (5 if m or last or (asked and asked.group("after")) else 3) else []


#: Little words inside what a question asks about ("flying business class on a long trip")
_TOPIC_LINKS = {"on", "in", "at", "to", "for", "and", "or", "if", "when", "while", "during", "by", "into", "onto", "we",
                "i", "you", "our", "their", "his", "her", "its"}


#: "in the falcon q3 report, how big is the annual budget?", "per the itinerary: when do i check out": the question
#: after the document it asks
_IN_THE_DOCUMENT = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:in|per|according\s+to)\s+(?:the|my|our)\s+[^,:?]{1,40}[,:]\s*"
                              r"(?P<question>.+)$"
                              # "the q3 report - what cost more than expected?"
                              r"|^\s*(?:the|my|our)\s+[^,:?]{1,40}?\s(?:-|->)\s*(?P<after>.+)$", re.I)


#: "summarize the lisbon itinerary", "open my tax letter pdf and ...": the file a request asks to read, as it says it
_FILE_READ = re.compile(
    r"\b(?:summari[sz]e|summary\s+of|gist\s+of|overview\s+of|rundown\s+of|sum\s+up|tl;?dr(?:\s+of)?|read|open|"
    r"go\s+through|skim)\s+(?:me\s+)?"
    r"(?:(?:the|my|our|this|that)\s+)?(?P<doc>(?:[\w'.-]+\s?){1,5}?)"
    r"(?=\s*(?:\b(?:and|then|to|for|please|pls|in|into|from|so|as)\b|[,;:!?]|\.(?:\s|$)|$))", re.I)


def read_file_named(query: str) -> str | None:
    """The name of the file the request asks to summarize, read or open, as it says it ("lisbon itinerary"),
    or None (a pronoun: "summarize it")."""
    m = _FILE_READ.search(query)
    if not m:
        return None
    name = re.sub(r"\s+(?:file|pdf|docx?|document)$", "", m.group("doc").strip(), flags=re.I)
    return None if name.lower() in {"", "it", "them", "this", "that", "these", "those", "one", "file", "files",
                                    "email", "emails", "mail", "inbox"} else name
