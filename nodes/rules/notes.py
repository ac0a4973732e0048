"""A follow-up's "put that in a new note": the note is made, not appended to, and "that" is the answer before (guards made-up content)."""

from __future__ import annotations

import re
from dataclasses import replace

from tinyagent.nodes.plans.planlang import Task, is_ref, names_no_step, refs_only_to_no_step, renumbered, rewrite_params
from tinyagent.nodes.request.lexicon import SERVED_VERBS, UNSERVED_VERBS
from tinyagent.nodes.request.reading import ANSWER_CHARS, Request, as_request
from tinyagent.nodes.request.words import text_words
from tinyagent.nodes.rules.followups import EVENT_MADE
from tinyagent.nodes.rules.lookups import NEW_ID
from tinyagent.nodes.rules.messages import says_words
from tinyagent.nodes.rules.registry import rule

#: "a new note", "make a shopping list note"; not "make sure my packing note ..." nor "sarah's new number to my note"
_NEW_NOTE = re.compile(r"\b(?:new|create|make|start)\b(?:\s+(?!(?:sure|to|in|into|on|onto|from|of)\b)\w+){0,3}?\s+note\b", re.I)
#: "put that in a note", "save this", "text that to david", "send him the answer": what the earlier turn answered
_THAT_THING = (r"(?:\s+(?:summary|answer|info|information|result|results|bit|part|passage|quote|time|times|date|place|"
               r"address|location|venue|details|numbers|figures))?")
_SAVE_THAT = re.compile(r"\b(?:put|save|add|write|jot|copy|paste)\s+(?:that|this|the answer|those|these)" + _THAT_THING +
                        r"(?=\s+(?:in|into|on|to|down|as|under)\b|\s*[.!?,]?\s*$)", re.I)
_SEND_THAT = re.compile(r"\b(?:text|txt|send|email|e-mail|mail|share|forward)\s+(?:(?:him|her|them|me|[a-z]+)\s+)??"
                        r"(?:that|this|it|the answer|the same|those|these|both(?=\s+numbers\b)|them(?=\s+to\b)|the(?=\s+(?:summary|info|details|place|"
                        r"address|location|venue|numbers|figures|times?|date)\b))" + _THAT_THING +
                        r"(?=\s+(?:to|over|along|too|as well|so|because|since)\b|\s*[.!?,;]|\s*$)", re.I)
_DICTATES = re.compile(r"\b(?:text|txt|sms|message|msg|email|e-mail|mail|tell|say|saying|ask|write|reply)\b", re.I)
#: A turn that asked something: its answer is what "that" may be ("whats the main risk?", "when do i fly back")
_ASKED = re.compile(r"\?\s*$|^\s*(?:\w+\s+){0,3}?(?:what|whats|what's|when|where|who|whose|which|how|is|are|does|do|did)\b"
                    r"|^\s*(?:\w+\s+){0,3}?(?:summari[sz]e|sum\s+up|tl;?dr|give\s+me\s+(?:a|the)\s+summary)\b", re.I)
_FROM_DOCUMENTS = re.compile(r"^(?:From your documents|Summary)(?: \([^)]*\))?:\s*(?:\S+\.(?:pdf|txt|md|docx?|html?)\s*:\s*)?",
                             re.I)


@rule("new_note_created", "compile",
      "'put that in a new note called X' makes the note X instead of appending to a note that is not there")
def new_note_created(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A request that says a new note ("a new note called Falcon risks", "make a note") is planned with
    the tool that makes a note, where the plan appends to one: appending to a note that is not there fails."""
    if "create_note" not in specs or "append_note_content" not in specs:
        return None
    request = as_request(request)
    called = _NOTE_CALLED.search(request.query)
    if called and request.context and _SAVE_THAT.search(request.query) \
            and not any(t.tool in ("create_note", "append_note_content") for t in tasks):
        # "put that in a note called Trip times" planned as a reminder "trip times": the note, which
        # that_is_the_answer then fills with the answer before
        name = called.group("name").strip()
        out = [Task(t.id, "create_note", {"name": name, "content": ""}, ()) if str(t.args.get("name") or t.args.get("title") or "")
               .strip().lower() == name.lower() and not t.deps else t for t in tasks]
        return out if out != tasks else None
    if not _NEW_NOTE.search(request.query):
        return None
    made = {str(t.args.get("name", "")).lower() for t in tasks if t.tool == "create_note"}  # ("create X and add eggs to it")
    out = [replace(t, tool="create_note") if t.tool == "append_note_content"
           and str(t.args.get("name", "")).lower() not in made else t for t in tasks]
    return out if out != tasks else None


_NOT_A_NAME_PART = {"with", "in", "into", "on", "for", "from", "and", "to", "about", "the", "a", "of", "containing",
                    "saying", "that", "please", "pls", "too"}


#: A whole request that adds a line to a named note: "Please add to my meeting notes: James will order the samples"
_ADD_LINE_TO_NOTE = re.compile(r"^\W*(?:(?:please|pls|can\s+you|could\s+you|hey|ok|okay)\W+)*(?:to\s+)?"
                          r"(?:add|append|put|jot|write)\s+"
                          r"(?:(?:this|that|the\s+following|an?\s+(?:new\s+)?(?:line|bullet|point|item|entry))\s+)?"
                          r"(?:to|in|into|on(?:to)?)\s+(?:my|the|our)\s+"
                          r"(?P<name>[\w' -]{1,30}?(?:\s+(?:note|notes|list))|(?:note|notes|list)\s+of\s+(?:the\s+)?[\w' -]{1,20}?"
                          # ("add to my ideas: ...": a note named by what it holds)
                          r"|ideas|to-?dos?|journal)"
                          r"\s*:\s*(?P<what>\S.*?)\s*$", re.I)
#: "In my meeting notes put also: ...": the note named first, then what goes in it
_IN_NOTE_PUT = re.compile(r"^\W*in\s+(?:my|the|our)\s+(?P<name>[\w' -]{1,30}?\s+(?:note|notes|list))\s+(?:please\s+)?"
                          r"(?:put|add|write|jot)(?:\s+(?:also|too|down))?\s*:\s*(?P<what>\S.*?)\s*$", re.I)


@rule("add_to_named_note", "compile",
      "'add to my meeting notes: X' appends X to that note, whatever else the model planned", "made-up content")
def add_to_named_note(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"Please add to my meeting notes: James will order the certification samples." was planned as a file look-up
    and an email, three times: a request that is only a line to add to a named note or list is that append (the note
    tool finds the note by its name, or says it has none), where the plan does not already append it."""
    query = as_request(request).query
    m = _ADD_LINE_TO_NOTE.match(query) or _IN_NOTE_PUT.match(query)
    if "append_note_content" not in specs or any(t.tool in ("append_note_content", "create_note") for t in tasks):
        return None
    if not m:
        return _items_added(tasks, query)
    what = m.group("what").strip()
    name = m.group("name").strip()
    if of := re.match(r"(?:note|notes|list)\s+of\s+(?:the\s+)?(.+)$", name, re.I):  # "my notes of meeting": meeting notes
        name = f"{of.group(1)} {name.split()[0]}"
    return [Task(tasks[0].id if tasks else 1, "append_note_content",
                 {"name": name, "content": what[:1].upper() + what[1:]}, ())]


def _items_added(tasks: list[Task], query: str) -> list[Task] | None:
    """"Could you please add 'a birthday card for Nina' to my shopping list? Thank you ever so much." planned as a
    reminder: a first sentence that only adds something to a named list or note, with no other ask, and a plan that
    writes no note, is that append."""
    first = re.split(r"(?<=[.!?])\s+", query.strip())[0]
    m = _ITEMS_ONTO.search(first)
    if re.search(r"\breminders?\b", query, re.I) or any(t.args.get("list_name") for t in tasks):
        return None  # (a reminder list: "add a reminder to my shopping list", "errands list" planned as one)
    rest = query.strip()[len(first):]
    if not m or re.search(r"\b(?:and|then|also)\b", first[m.end():] + first[:m.start()], re.I) \
            or re.search(r"\b(?:remind|email|mail|text|send|call|schedule|book)\b", rest, re.I):
        return None
    kind = re.search(r"(list|notes?)\b", first[m.end("name"):], re.I)
    name = f"{m.group('name').strip()} {kind.group(1)}" if kind and kind.group(1).lower() == "list" else m.group("name").strip()
    what = m.group("what").strip().strip("'\"‘’“”")
    return [Task(tasks[0].id if tasks else 1, "append_note_content", {"name": name, "content": what[:1].upper() + what[1:]},
                 ())]


@rule("note_name_as_called", "compile",
      "'a note called Handbook gist' makes the note 'Handbook gist', not 'Handbook'", "made-up content")
def note_name_as_called(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"save that as a note called Handbook gist" was planned ``create_note(name="Handbook", ...)``: a new note's name
    that is the first words of the name the request calls it by is that name whole."""
    m = _NOTE_CALLED.search(as_request(request).query)
    if not m:
        return None
    called = m.group("name").strip()
    out, changed = [], False
    for t in tasks:
        name = t.args.get("name")
        extra = called[len(name.strip()):].lower().split() if isinstance(name, str) else []
        if t.tool == "create_note" and isinstance(name, str) and name.strip() \
                and name.strip().lower() != called.lower() and called.lower().startswith(name.strip().lower() + " ") \
                and len(extra) <= 2 and not set(extra) & _NOT_A_NAME_PART:  # (not "... in the School folder")
            t, changed = t.with_args({**t.args, "name": called}), True
        out.append(t)
    return out if changed else None


#: "ad to my ideas note: ...", "put eggs on the shopping list": a note the person has, added to
_ADD_TO_NOTE = re.compile(r"\b(?:add|ad|append|put|jot|write)\b.*?\b(?:to|in|into|on|onto)\s+(?:my|the|our)\s+"
                          r"(?P<name>[\w' -]{1,40}?)\s+(?:note|notes|list)\b", re.I)

#: "meeting notes, add a line: ...", "shopping list - put eggs on": the note named first, then what to add
_NOTE_THEN_ADD = re.compile(r"^\s*(?:(?:pls|please|ok|okay|on|in|to)\s+)?(?:(?:my|the|our)\s+)?(?P<name>[\w' -]{1,40}?)\s+"
                            r"(?:note|notes|list)\s*[,:;-]+\s*(?:(?:pls|please|can\s+you|could\s+you)\s+)?"
                            r"(?:add|ad|append|put|jot|write)\b", re.I)


@rule("append_not_create", "compile",
      "'add X to my ideas note' appends to that note; it does not make a new one", "made-up content")
def append_not_create(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"ad to my ideas note: build a bird box w the kids" was planned ``create_note(name="Ideas", ...)``, which
    would make a second note beside the person's own. A step that makes a note named as the request names the note
    it adds to ("my ideas note"), where the request says no new note, appends to it."""
    if "append_note_content" not in specs:
        return None
    request = as_request(request)
    m = _ADD_TO_NOTE.search(request.query) or _NOTE_THEN_ADD.match(request.query)
    if not m or _NEW_NOTE.search(request.query):
        return None
    said = set(text_words(m.group("name")))
    out = [replace(t, tool="append_note_content").with_args(t.args) if t.tool == "create_note" and said
           and set(text_words(str(t.args.get("name", "")))) <= said | {"note", "notes", "list"}
           and set(text_words(str(t.args.get("name", "")))) & said else t for t in tasks]
    return out if out != tasks else None


#: "put toothpaste, rice & kitchen roll on the shopping list": what is added, and to which list or note
_ITEMS_ONTO = re.compile(r"\b(?:put|add|ad|append|jot)\s+(?P<what>(?!(?:it|that|this|them|these|those)\b)[^.!?:;]{2,120}?)"
                         r"\s+(?:on|onto|to|in|into)\s+(?:my|the|our)\s+(?P<name>[\w' -]{1,40}?)\s*(?:list|note|notes)\b",
                         re.I)


@rule("added_items", "compile",
      "'put toothpaste, rice & kitchen roll on the shopping list' adds those words, not a garble of them",
      "made-up content")
def added_items(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"pls put toothpaste, rice & kitchen roll on the shopping list" was planned with the content "Toap, rice, and
    kitchen roll". The one step that writes into the note or list the request names takes what the request puts
    there, as said, where its content has a word the request does not say and shares a word with what is put."""
    request = as_request(request)
    m = _ITEMS_ONTO.search(request.query) or (_ITEMS_INTO_IT.search(request.query) if request.context else None)
    if not m:
        return None
    what = m.group("what").strip(" ,")
    if re.match(r"(?:the|my|our|your|that|this|those|these|his|her|their)\b", what, re.I):
        return None  # "add the total to my Budget note": a thing said before, not the words to add
    said, items = set(text_words(request.query)), set(text_words(what))
    # ("add nappies to it, then text the whole list to Tom" planned content="$2", Tom's number: a person is no item)
    people = {t.id for t in tasks if (s := specs.get(t.tool)) and "person" in s.roles}
    writers = [t for t in tasks if t.tool in ("append_note_content", "create_note") and isinstance(t.args.get("content"), str)
               and (is_ref(t.args["content"]) is None or is_ref(t.args["content"]) in people)]
    if len(writers) != 1 or not items:
        return None
    content = writers[0].args["content"]
    own = set(text_words(content))
    if is_ref(content) is None and (not own - said or not own & items):
        return None
    writer = writers[0]
    kept = tuple(d for d in writer.deps if d != is_ref(content))
    return [replace(t.with_args({**t.args, "content": what[:1].upper() + what[1:]}), deps=kept) if t is writer else t
            for t in tasks]


#: In a follow-up, "add nappies to it" after a note was shown: the items added to "it"
_ITEMS_INTO_IT = re.compile(r"\b(?:put|add|ad|append|jot)\s+(?P<what>(?!(?:it|that|this|them)\b)[^.!?:;,]{2,80}?)\s+"
                            r"(?:on|onto|to|in|into)\s+(?:it|that|this)\b", re.I)


#: "a note called Trip times", "a new note named 'Supplier notes'"
_NOTE_CALLED = re.compile(r"\bnote\s+(?:called|named|titled)\s+['\"]?(?P<name>[^'\".,;:!?]+?)['\"]?\s*[.!?]*\s*$", re.I)


def last_answer(context: str) -> str:
    """The answer of the turn before, as the transcript keeps it, without the lead a document search
    puts before its passage ("From your documents (main risk): Documents/...pdf: ")."""
    answers = [line[len("Assistant:"):].strip() for line in context.splitlines() if line.startswith("Assistant:")]
    if not answers:
        return ""
    text = _FROM_DOCUMENTS.sub("", answers[-1])
    if len(answers[-1]) >= ANSWER_CHARS and " " in text:  # cut short in the transcript: to its last whole word
        text = text.rsplit(" ", 1)[0].rstrip(",;:") + " ..."
    return text


def _fetched(context: str) -> bool:
    """The turn before only fetched a value ("I need a meeting link for book club": the link), nothing it did."""
    last = context.rsplit("\nUser:", 1)[-1]
    results = re.findall(r"^Result: (\w+)\(", last, re.M)
    # (the file a summary was made of is found first: "give me the gist of the team handbook")
    fetched = [r for r in results if "file" not in r]
    return bool(fetched) and all(re.match(r"(?:get|search|summari[sz]e|open)_", r) for r in fetched)


_ANSWER_WORDS = {"summary", "gist", "answer", "result", "results", "that", "this", "it", "the", "those", "recap", "info"}


@rule("summary_not_a_file", "compile",
      "in a follow-up, 'email that summary to nina' sends the summary, not a file called 'summary'", "made-up content")
def summary_not_a_file(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"can u give me the gist of my lisbon itinerary", then "email that summary to nina", was planned with a file
    look-up "summary" (none: the email was not written): after a turn that fetched something (a summary, a search), a
    file look-up named only by words for that answer goes, with the message's and attachments' uses of it; the answer
    is then the message (that_is_the_answer)."""
    request = as_request(request)
    if not request.context or not _fetched(request.context):
        return None
    gone = {t.id for t in tasks if (sp := specs.get(t.tool)) and "file" in sp.roles
            and (names := [str(v) for p in sp.params if p.role == "file" for v in [t.args.get(p.name)] if v])
            and all(set(re.findall(r"[a-z]+", n.lower())) <= _ANSWER_WORDS for n in names)}
    if not gone:
        return None
    out = []
    for t in tasks:
        if t.id in gone:
            continue
        args = {}
        for k, v in t.args.items():
            if isinstance(v, list) and any(is_ref(x) in gone for x in v):
                v = [x for x in v if is_ref(x) not in gone]
                if not v:
                    continue
            elif isinstance(v, str) and is_ref(v) in gone:
                continue
            args[k] = v
        sp = specs.get(t.tool)
        msg = sp.with_role("message") if sp and sp.with_role("people") else None
        if args != t.args and msg and not args.get(msg) and (answer := last_answer(request.context)):
            args[msg] = answer  # (what "that summary" is)
        out.append(replace(t, args=args, deps=tuple(d for d in t.deps if d not in gone)).with_args(args)
                   if args != t.args else t)
    return renumbered(out, tasks[0].id) if out else None


@rule("that_is_the_answer", "compile",
      "in a follow-up, 'put that in a note' or 'text that to David' writes the answer before, not words made up",
      "made-up content")
def that_is_the_answer(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A follow-up to a question that saves or sends "that" ("in the q3 report whats the main risk?" then
    "put that in a new note called Falcon risks") writes the earlier answer as the note's content (saved)
    or the message (sent), where
    the plan's text shares no word with that answer that the request does not say too ("In new note:
    Falcon risks")."""
    request = as_request(request)
    # the ask itself, not words dictated in a message ("text david can you send this to me")
    save, send = [m if m and not _DICTATES.search(request.query[:m.start()]) else None
                  for m in (_SAVE_THAT.search(request.query), _SEND_THAT.search(request.query))]
    asked = [line[5:] for line in request.context.splitlines() if line.startswith("User:")]
    made = EVENT_MADE.findall(request.context.rsplit("\nUser:", 1)[-1])
    if send and made and re.search(r"\bthe\s+(?:time|times|date|day|details)\b", send.group(0), re.I):
        # "text Tom the time so he knows" after the event was made: its title, day and time
        title, day, clock = made[-1]
        when = f"{day}, {clock}" if clock else day
        return rewrite_params(tasks, specs, lambda t, p, v: f"{title}: {when}" if p.role == "message" and isinstance(v, str)
                              and is_ref(v) is None and not set(text_words(v)) & set(text_words(f"{title} {when}")) else None)
    if not (save or send) or not asked or not (_ASKED.search(asked[-1]) or _fetched(request.context)):
        return None
    if send and not save and says_words(request.query):  # "send them to Marjorie with the message: ...": its own words
        return None
    answer = last_answer(request.context)
    if re.match(r"(?:I can't|I could not|I did not|Nothing was run|This request looks like)", answer):
        return None  # the question was not answered: there is no "that" to save or send
    said = set(text_words(answer)) - set(text_words(request.query))  # (the note's name may be a word of both)
    if not said:
        return None
    def answered(t: Task, p, v):
        if send and not save and (slot := specs[t.tool].with_role("attachments")) and t.args.get(slot):
            return None  # "send it to him" with the file found before: "it" is that file, not the answer
        if ((save and p.name == "content") or (send and p.role == "message")) and isinstance(v, str) \
                and (is_ref(v) is None or names_no_step(t, v)) \
                and not set(text_words(v)) & said:  # (a step's result stays; "$13." naming none does not)
            return answer
        return None
    return rewrite_params(tasks, specs, answered)


_TO_IT = re.compile(r"\b(?:to|in|into|on)\s+(?:it|that|this|that\s+note|this\s+note|the\s+note|that\s+list|the\s+list|"
                    r"that\s+one)\s*[.!?]*\s*$|\b(?:add|append|put)\b.*\b(?:to|in|into|on)\s+(?:it|that\s+note|the\s+note)\b",
                    re.I)
#: A request that only adds one thing to "it": 'add "review meeting booked for Friday 10am" to it'
_ADD_TO_IT = re.compile(r"^\s*(?:(?:pls|please|ok|okay|oh|and|also|now|then|can\s+you|could\s+you)\b[\s,]*)*"
                        r"(?:add|append|put|write|jot)\s+(?P<what>.+?)\s+(?:to|in|into|on)\s+(?:it|that\s+note|the\s+note|"
                        r"this\s+note|that\s+list|the\s+list)(?:\s+(?:too|as\s+well|please|pls))*\s*[.!?]*\s*$", re.I)
#: Verbs that open an ask of their own ("and text her too"), not one more thing to add
_ASKS = SERVED_VERBS | UNSERVED_VERBS | {"send", "tell", "ask", "make", "book", "get", "set", "check", "what", "when", "where",
                                         "who", "how", "can", "could", "please", "pls", "i", "me", "that", "it", "same"}
#: A request that adds one more thing to what the turn before added: "oh and bread too", "also: james to check"
_AND_TOO = re.compile(r"^\s*(?:(?:oh|ah|ok|okay)\b[\s,]*)?(?:and|also|plus)\b[\s:,]*(?P<what>.+?)"
                      r"(?:\s+(?:too|as\s+well))?\s*[.!]*\s*$", re.I)
#: A request that is only a line to add, after a colon: "append: Tom fixes the invoice template by friday"
_APPEND_COLON = re.compile(r"^\s*(?:(?:pls|please|ok|okay|oh|and|also|now|then)\b[\s,]*)*(?:add|append|jot(?:\s+down)?)"
                          r"\s*:\s*(?P<what>.+?)\s*$", re.I)
#: A follow-up that only adds things, naming no note: "add plasters and earplugs" after the shopping list was shown
_ADD_BARE = re.compile(r"^\s*(?:(?:pls|please|ok|okay|oh|and|also|now|then)\b[\s,]*)*(?:add|append|jot(?:\s+down)?)\s+"
                       r"(?P<what>(?![^.!?]*\b(?:to|in|into|on|onto)\s+(?:my|the|it|that|this|a|an)\b)[^.!?]+?)\s*[.!]*\s*$", re.I)
#: A note an earlier turn's step read or wrote, as the transcript shows its call: open_note(name='ideas')
_NOTE_CALL = re.compile(r"\b(?:open_note|create_note|append_note_content)\((?:[^()]*?)\bname=(['\"])(?P<name>.+?)\1")


@rule("note_of_it", "compile",
      "in a follow-up, 'add X to it' appends to the note the earlier turn read or wrote", "made-up content")
def note_of_it(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A follow-up that adds "to it" ("whats in my ideas note", then "add 'visit the tile museum' to it")
    appends to the note the earlier turns read or wrote last, where the plan names another note; where the
    whole request only adds one thing to the note the turn before showed ("add ... to it", "oh and bread
    too") and the plan has no note step, the plan is that append."""
    if "append_note_content" not in specs:
        return None
    request = as_request(request)
    # "append: Tom fixes the invoice template by friday" after "what's in my meeting notes?": one more line for it
    more = _AND_TOO.match(request.query) or _APPEND_COLON.match(request.query) \
        or _ADD_BARE.match(request.query)  # (not "and text her too")
    if more and (re.sub(r"^the\s+", "", more.group("what").lower()).split() or [""])[0] in _ASKS:
        more = None  # ("and the same to marcus")
    if not request.context or not (_TO_IT.search(request.query) or more) or _NEW_NOTE.search(request.query):
        return None  # ("make a shopping note and put eggs in it": "it" is the note this request makes)
    notes = [m.group("name") for line in request.context.splitlines() if line.startswith("Result:")
             for m in _NOTE_CALL.finditer(line)]
    if not notes:
        return None
    results = [line for line in request.context.splitlines() if line.startswith("Result:")]
    whole = _ADD_TO_IT.match(request.query) or more
    if whole and results and _NOTE_CALL.search(results[-1]) \
            and (not any(t.tool in ("append_note_content", "create_note") for t in tasks)
                 or all(t.tool in ("append_note_content", "create_note") for t in tasks) and len(tasks) > 1):
        # the whole request adds one thing to the note just shown, and the plan has no note step
        # ('add "review meeting booked for Friday 10am" to it' planned as a calendar event), or splits it in notes of
        # their own ("and parmesan + pasta" planned as notes "Parmesan" and "Pasta")
        text = whole.group("what").strip().strip("'\"\u2018\u2019\u201c\u201d").strip()
        first = tasks[0].id if tasks else 1
        return [Task(first, "append_note_content", {"name": notes[-1], "content": text[:1].upper() + text[1:]}, ())]
    out = [replace(t, tool="append_note_content", args={**t.args, "name": notes[-1]})
           if t.tool in ("append_note_content", "create_note") and t.args.get("name") != notes[-1] else t for t in tasks]
    if whole:  # "add front light to it" two turns after the note: what it adds, where the plan wrote a broken "$100"
        text = whole.group("what").strip().strip("'\"\u2018\u2019\u201c\u201d").strip()
        out = [t.with_args({**t.args, "content": text[:1].upper() + text[1:]})
               if t.tool == "append_note_content" and text and (not isinstance(t.args.get("content"), str)
                                                               or refs_only_to_no_step(t, t.args["content"])
                                                               # ("Earplugs" for "add plasters and earplugs")
                                                               or is_ref(t.args["content"]) is None
                                                               and 0 < len(set(text_words(t.args["content"])))
                                                               and set(text_words(t.args["content"])) < set(text_words(text)))
               else t for t in out]
        seen: set[tuple] = set()  # (the same append twice, once per item the plan split: one)
        kept = []
        for t in out:
            key = (t.args.get("name"), t.args.get("content")) if t.tool == "append_note_content" else None
            if key is not None and key in seen and not any(t.id in o.deps for o in out):
                continue
            seen.add(key)
            kept.append(t)
        out = renumbered(kept, tasks[0].id) if len(kept) != len(out) else out
    line = _APPEND_COLON.match(request.query)
    if line:  # the line after "append:" whole, where the plan wrote a part of it ("Friday")
        said = line.group("what").strip().strip("'\"")
        out = [t.with_args({**t.args, "content": said[:1].upper() + said[1:]})
               if t.tool == "append_note_content" and isinstance(t.args.get("content"), str)
               and is_ref(t.args["content"]) is None
               # (a part of it, "Friday"; or words it never said, "Hermit numbers" for "add: churn numbers")
               and set(text_words(t.args["content"])) != set(text_words(said)) else t for t in out]
    return out if out != tasks else None


#: What a request writes into a note after a colon: "new note called Garden plans: hedges trimmed, new beds
#: planted", "add to my shopping list: eggs, milk", "note: gate code is 4471"
_NOTE_TEXT = re.compile(r"\b(?:note|notes|list)\b(?:\s+(?:in\s+[\w' -]{1,30}?,?\s+)?(?:called|named|titled|call\s+it|name\s+it)"
                        r"\s+[^:\n]{1,60}?|\s+['\"\u2018\u201c][^'\"\u2019\u201d:\n]{1,60}['\"\u2019\u201d]"
                        # ("create a note Q1 goals: hire 2 engineers, close seed round": the name said bare)
                        r"|(?<=\bnote)\s+(?!(?:called|named|titled|that|saying|with|to|for|about|in|on|of)\b)[\w'-]+(?:\s+[\w'-]+){0,3}?)?"
                        # ("new note called Investor list - sequoia, a16z": a dash after the name)
                        r"(?:\s*(?::|\+=)|(?<=\S)\s+[-\u2013]\s+)\s*(?P<text>\S.*)$",
                        re.I | re.S)


#: "make a note called Q1 priorities, hire a second tester, ...", "create a note called Errands with call the bank and pick
#: up dry cleaning": a note named, then its words after a comma or "with"
_NOTE_NAMED_THEN = re.compile(r"\bnote\s+(?:called|named|titled)\s+[^,:\n]{1,40}?(?:\s*,|\s+with|\s+saying)\s+(?P<text>\S.*)$",
                          re.I | re.S)


#: "put in my meeting notes: Action - Priya finds a venue", "add to my shopping list: eggs, milk": words for a named note
_INTO_NOTE = re.compile(r"^\s*(?:(?:pls|please|ok|okay|can\s+you|could\s+you)\b[\s,]*)*(?:(?:add|put|append|jot(?:\s+down)?|write)"
                        r"\s+(?:(?:this|these|the\s+following|an?\s+(?:new\s+)?(?:line|bullet|point|item|entry))\s+)?"
                        r"(?:in|into|to|on|onto)\s+(?:my|the|our)\s+)?"
                        # ("meeting notes: Priya books the italian place", "shopping list += cat food, bin bags")
                        r"(?P<name>[\w' -]{1,40}?\s+(?:note|notes|list))\s*(?::|\+=)\s*(?P<text>\S.*?)\s*$", re.I)


@rule("note_after_colon", "compile",
      "'put in my meeting notes: X' planned with no note step is the append of X to that note", "made-up content")
def note_after_colon(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A request that is only words put into a named note after its colon ("put in my meeting notes: Action - Priya
    finds a venue for the offsite"), planned with no step that writes a note (an empty plan), is that append; the
    note tool finds the note by the words the person calls it ("my meeting notes")."""
    if "append_note_content" not in specs or tasks:
        return None
    m = _INTO_NOTE.match(as_request(request).query)
    if not m or _NEW_NOTE.search(m.group("name")) or re.match(r"(?:new|quick|a|an|another|make|create|start)\b",
                                                                m.group("name").strip(), re.I):
        return None
    name = re.sub(r"\s+(?:note)$", "", m.group("name").strip(), flags=re.I)
    text = m.group("text").strip().strip("'\"")
    return [Task(1, "append_note_content", {"name": name, "content": text[:1].upper() + text[1:]}, ())]


#: A question about what a named note or list holds: "anything about portuguese in my ideas note?", "what's on my reading
#: list?", "is milk on the shopping list?"
_NOTE_ASKED = re.compile(r"^(?=.*(?:\?\s*$|^\s*(?:what|whats|what's|anything|is|are|do|does|did|have|show|read|check)\b))"
                         r".*\b(?:in|on|from|of)\s+(?:my|the|our)\s+(?P<name>[\w' -]{1,30}?)\s+(?P<kind>note|notes|list)\b",
                         re.I)


@rule("note_asked_about", "compile",
      "a question about what a named note or list holds ('anything about portuguese in my ideas note?') opens that note, "
      "not an empty plan", "")
def note_asked_about(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"anything about portuguese in my ideas note?" and "what's on my reading list?" were declined. A plan with no
    step, or only a document search, for a question about what a named note or list holds, opens that note (the note
    tool finds it by those words, or says it has none)."""
    # (or with only a document search: "what's on my shopping list" searched the documents, whose passage was the
    # note's first line)
    searched = len(tasks) == 1 and tasks[0].tool in specs and "question" in specs[tasks[0].tool].roles
    if (tasks and not searched) or "open_note" not in specs:
        return None
    m = _NOTE_ASKED.match(as_request(request).query)
    if not m or m.group("name").lower() in ("calendar", "inbox", "contacts", "phone", "email", "emails"):
        return None
    if searched and set(m.group("name").lower().split()) & {"in", "my", "the", "of", "from", "a", "an", "notes"}:
        return None  # ("whats the name of the guy from the plumbing company in my notes": a search of them all)
    name = m.group("name").strip() + (" list" if m.group("kind").lower() == "list" else "")
    return [Task(1, "open_note", {"name": name}, ())]


#: A numbered item that is an ask of its own: "3) text ana the list"
_ITEM_ASK = re.compile(r"\(?\d{1,2}[).]\s+(?:remind|text|txt|email|e-mail|mail|forward|fwd|reply|create|send|schedule|"
                       r"book|set|find|open|search|cc|attach)\b", re.I)


@rule("whole_note", "compile",
      "what a request writes into a note after a colon ('new note called Garden plans: hedges trimmed, new beds "
      "planted, ...') is the note's content whole, not its first item, and no step is made of its words",
      "made-up content")
def whole_note(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A note's content (a ``content`` argument of a tool with a note ``name``) whose words are the first words of
    what the request puts after the note's colon, and fewer of them ("Hedges trimmed" for "... called Garden
    plans: hedges trimmed, new beds planted, quote was 1250 EUR, start on the 14th"), is given those words whole,
    up to another ask joined on ("..., and text Omar"), where no other step writes into that note. Where the
    note's words run to the end of the request, the other steps made only of them (an event "Quote" on "the
    14th", a search for "quote") are dropped: the request asks for the note alone."""
    from tinyagent.nodes.rules.messages import _NEXT_ASK, _words

    m = _NOTE_TEXT.search(as_request(request).query) or _NOTE_NAMED_THEN.search(as_request(request).query)
    if not m:
        return None
    # (also cut at a list's next number and verb: "... scarf for Oma 2 remind me to order them", and at an ask
    # about the note itself: "podcast about gardening, text it to ana")
    said = m.group("text")
    if re.match(r"\(?1[).]\s", said):  # a numbered list is the note's ("1) learn to juggle 2) build a birdhouse"),
        # up to an item that is an ask of its own ("3) text ana")
        items = re.split(r"\s(?=\(?\d{1,2}[).]\s)", said)
        asks = [i for i, x in enumerate(items) if i and _ITEM_ASK.match(x)]
        said = " ".join(items[:asks[0]] if asks else items)
        asked = [said] + ([" ".join(items[asks[0]:])] if asks else [])
    else:
        asked = _NEXT_ASK.split(said, 1)
    parts = re.split(r"\s\d{1,2}\s+(?=(?:remind|text|txt|email|mail|forward|reply|create|add|put|send|schedule|"
                     r"book|make|set|find|open|search)\b)|,\s*(?=(?:remind|text|txt|email|e-mail|mail|forward|fwd|send|"
                     r"reply)\s+(?:it|this|that|me)\b)", asked[0], maxsplit=1, flags=re.I) + asked[1:]
    text = parts[0].strip().rstrip(".,;")
    whole = _words(text)
    if len(whole) < (2 if "," in text else 3):  # (two items listed are a list: "sequoia, a16z")
        return None

    def cut_short(t: Task, p, value):
        if p.name != "content" or "name" not in t.args or not isinstance(value, str) or is_ref(value) is not None:
            return None
        if sum(o.args.get("name") == t.args["name"] and "content" in o.args for o in tasks) > 1:
            return None  # (each item written by a step of its own: "Passport", then "Charger", ...)
        have = _words(value)
        if have and len(have) < len(whole) and whole[:len(have)] == have:
            return text[:1].upper() + text[1:]
        return None
    out = rewrite_params(tasks, specs, cut_short)
    named = [t for t in (out or tasks) if t.tool in specs and "content" in {q.name for q in specs[t.tool].params}
             and "name" in t.args and t.args.get("content") in (None, "")]
    if len(named) == 1 and sum("content" in t.args for t in (out or tasks) if t.args.get("name") == named[0].args["name"]) == 0:
        # a note made with none of the words the request puts in it ("make a note called Q1 priorities, hire a second
        # tester, ..." made an empty note)
        out = [t.with_args({**t.args, "content": text[:1].upper() + text[1:]}) if t is named[0] else t for t in (out or tasks)]
    kept = out or list(tasks)
    notes = [t for t in kept if isinstance(t.args.get("content"), str) and set(_words(t.args["content"])) >= set(whole)]
    if len(parts) > 1 or not notes:
        return out
    inside = set(whole)

    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))

    def made_of_note(t: Task) -> bool:
        values = [v for v in t.args.values() if v not in (None, "", [])]
        if t not in notes and (code := t.args.get("code")) and isinstance(code, str):  # "print(round(250 / 250, 2))"
            return set(re.findall(r"\d+(?:\.\d+)?", re.sub(r",\s*\d+\)\s*\)?\s*$", ")", code))) <= numbers
        return t not in notes and bool(values) and all(
            isinstance(v, str) and is_ref(v) is None and set(_words(v)) <= inside for v in values)
    drop = {t.id for t in kept if made_of_note(t)}
    drop -= {d for t in kept if t.id not in drop for d in t.deps}  # (a step another kept step uses stays)
    return renumbered([t for t in kept if t.id not in drop], kept[0].id) if drop else out


#: "now email it to sarah", "send that note to yuki": the note the turn before wrote, sent on
_SEND_NOTE = re.compile(r"\b(?:e-?mail|mail|send|forward|share)\s+(?:it|that|this|that\s+note|the\s+note|this\s+note)\s+(?:on\s+)?to\b"
                        r"|\b(?:e-?mail|mail|send)\s+(?:him|her|them|[a-z]+)\s+(?:it|that\s+note|the\s+note)\b", re.I)


@rule("note_sent_on", "compile",
      "in a follow-up, 'email it to sarah' after a note was written sends that note, attached", "attachments")
def note_sent_on(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"make a note called Q1 priorities, ...", then "now email it to sarah", was planned as an email with no text: a
    follow-up that sends "it" on, where the turn before wrote or read a note and the plan's one new email carries
    no step's result and no file, finds the note's file by its name and attaches it."""
    request = as_request(request)
    finder = next((n for n, s in specs.items() if "file" in s.roles), None)
    if not request.context or finder is None or not _SEND_NOTE.search(request.query):
        return None
    last = request.context.rsplit("\nUser:", 1)[-1]
    notes = [m.group("name") for line in last.splitlines() if line.startswith("Result:")
             for m in _NOTE_CALL.finditer(line)]
    mails = [t for t in tasks if t.tool == "compose_new_email"]
    if not notes or len(mails) != 1 or any(t.tool == finder for t in tasks):
        return None
    mail = mails[0]
    if mail.args.get("attachments") or is_ref(str(mail.args.get("context", ""))) in {t.id for t in tasks}:
        return None  # (it sends a step's result; a broken "$200" is none)
    find = Task(NEW_ID, finder, {next(p.name for p in specs[finder].params if p.required): notes[-1]}, ())
    sent = replace(mail.with_args({**mail.args, "attachments": [f"${NEW_ID}"]}), deps=tuple(sorted({*mail.deps, NEW_ID})))
    order = [find] + [sent if t is mail else t for t in tasks]
    return renumbered(order, tasks[0].id)


#: A list the request writes out, one item a line: "Create note 'Supplies order' with:\n- printer paper\n- toner"
_LISTED = re.compile(r":\s*\n(?P<items>(?:[ \t]*(?:[-*•]|\d+[.)])[ \t]*\S[^\n]*(?:\n|$)){2,})", re.I)


@rule("whole_list", "compile",
      "a note made or added to with one item of the list the request writes out holds the whole list", "made-up content")
def whole_list(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"Create note 'Supplies order' with:\\n- printer paper\\n- toner\\n- sticky notes" was planned with the content
    "Printer paper": a note step whose text is one item of the list the request writes out after a colon, one item a
    line, gets the whole list, a line each."""
    m = _LISTED.search(as_request(request).query)
    if not m:
        return None
    lines = [x.strip() for x in m.group("items").splitlines() if x.strip()]
    items = {re.sub(r"^(?:[-*•]|\d+[.)])\s*", "", x).strip(" .").casefold() for x in lines}
    out, changed = [], False
    for t in tasks:
        text = t.args.get("content")
        if "note" in t.tool and isinstance(text, str) and not is_ref(text) and text.strip(" .").casefold() in items:
            # (an item taken for another value goes: folder="Sticky notes")
            args = {k: v for k, v in t.args.items() if k in ("name", "content") or not isinstance(v, str)
                    or v.strip(" .").casefold() not in items}
            t, changed = t.with_args({**args, "content": "\n".join(lines)}), True
        out.append(t)
    return out if changed else None


#: "email that list to Elena", "pls text the list to James": the note the turn before read or wrote, its text sent
_SEND_LIST = re.compile(r"\b(?:e-?mail|mail|send|text|txt|sms|message|share)\s+(?:\w+\s+)?(?:that|the|this|my)\s+"
                        r"(?:whole\s+|full\s+)?list\b", re.I)


@rule("list_sent_inline", "compile",
      "in a follow-up, 'text the list to James' after a note was read or written sends the note's text", "made-up content")
def list_sent_inline(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"what's on my shopping list?", then "email that list to Elena", was planned as an email with no text; after "Create
    note 'Supplies order' with: ...", "pls text the list to James" as a text of made-up words. A follow-up that sends "the
    list" on, where the turn before read or wrote a note and the plan's one message carries no step's result, opens the
    note by its name and sends its text."""
    request = as_request(request)
    opener = next((n for n, s in specs.items() if "note" in s.roles), None)
    if not request.context or opener is None or not _SEND_LIST.search(request.query):
        return None
    last = request.context.rsplit("\nUser:", 1)[-1]
    notes = [m.group("name") for line in last.splitlines() if line.startswith("Result:") for m in _NOTE_CALL.finditer(line)]
    senders = [t for t in tasks if (s := specs.get(t.tool)) and {"people", "message"} <= s.roles]
    if not notes or len(senders) != 1 or any(t.tool == opener for t in tasks):
        return None
    sender = senders[0]
    slot = specs[sender.tool].with_role("message")
    if sender.args.get("attachments") or is_ref(str(sender.args.get(slot, ""))) in {t.id for t in tasks}:
        return None
    added = [t for t in tasks if t.tool == "append_note_content" and str(t.args.get("name", "")).casefold() == notes[-1].casefold()
             and isinstance(t.args.get("content"), str) and is_ref(t.args["content"]) is None]
    shown = re.search(rf"{_NOTE_CALL.pattern}[^\n]*?->\s*(?P<text>[^\n]+)", last)
    if added and shown and not shown.group("text").rstrip().endswith(("...", "…")):
        # ("add nappies to it, then text the whole list to Tom": the list as shown, with what this turn adds; read
        # again, it could be read before the addition is written)
        text = f"{shown.group('text').strip()}\n- {added[-1].args['content']}"
        return [t.with_args({**t.args, slot: text}) if t is sender else t for t in tasks]
    read = Task(NEW_ID, opener, {next(p.name for p in specs[opener].params if p.required): notes[-1]}, ())
    sent = replace(sender.with_args({**sender.args, slot: f"${NEW_ID}"}), deps=tuple(sorted({*sender.deps, NEW_ID})))
    return renumbered([read] + [sent if t is sender else t for t in tasks], tasks[0].id)


#: A folder the person names as one: "in my Work folder", "folder: Recipes", "under Work/2026"
_FOLDER_SAID = re.compile(r"\bfolders?\b|\bdirector(?:y|ies)\b|\w/\w", re.I)


@rule("folder_not_said", "compile",
      "a note's folder the request never names as a folder ('what do my meeting notes say about marcus': folder='Meeting "
      "notes') is left out, so the note is found by its name wherever it is", "made-up content")
def folder_not_said(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"what do my meeting notes say about marcus" was planned ``open_note(name="meeting notes", folder="Meeting
    notes")`` and "add in my meeting notes: Action - Priya to share the supplier list" ``folder="Supplier list"``: no
    such folder, so the note (Work/Meeting notes.md) was not found. A note tool's ``folder`` the request does not speak
    of as a folder (the word, a path, or "in journal" for folder="journal") is left out: the note is then looked for by name in every folder, and a new
    one goes to the top folder."""
    query = as_request(request).query
    if _FOLDER_SAID.search(query):
        return None

    def said(folder: str, name) -> bool:  # "open 'dec goals' in journal", "'ideas' for work"
        return (not isinstance(name, str) or folder.casefold() != name.casefold()) and bool(re.search(
            rf"\b(?:in|under|into|for)\s+(?:my\s+|the\s+|our\s+)?{re.escape(folder)}\b", query, re.I))
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is not None and "note" in t.tool and isinstance(t.args.get("folder"), str) \
                and not is_ref(t.args["folder"]) and not said(t.args["folder"].strip(), t.args.get("name")) \
                and any(p.name == "folder" and not p.required for p in spec.params):
            t, changed = t.with_args({k: v for k, v in t.args.items() if k != "folder"}), True
        out.append(t)
    return out if changed else None
