"""A message the person dictated ("say thanks, I'll pay it this week") is written whole, not cut at its first comma (guards made-up content)."""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from tinyagent.nodes.plans.planlang import Task, is_ref, names_no_step, refs_in, renumbered, rewrite_params, rewrite_role
from tinyagent.nodes.request.lexicon import COMMON_WORDS, COURTESY, FREE_TEXT
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import text_words
from tinyagent.nodes.rules.received import _NOTHING_DONE
from tinyagent.nodes.rules.registry import rule

#: What opens dictated words: "say ...", "saying ...", "tell her ...", "reply: ...", "just say ..."
_SAY = re.compile(r"\b(?:(?:say|saying|says)(?:\s+(?:him|her|them)\b)?|tell\s+(?:him|her|them|\w+)|let\s+(?:him|her|them|\w+)\s+know(?:\s+that)?|"
                  r"write\s+back|write\s+(?:him|her|them)(?:\s+that)?|(?:reply|answer)\b[^:.!?\n]{0,60}:|(?:reply|answer)\b[^:.!?\n\-–]{0,60}\s[-–]|(?:reply|answer|respond)\s+(?:back\s+)?that|"
                  r"with\s+(?:the|a)\s+(?:message|note|text)\s*:|(?:\band|^|[.!,]|-)\s*(?:add|write)\s*:|"
                  # "... and mention that I'm allergic to nuts"
                  r"\bmention(?:\s+(?:to\s+)?(?:him|her|them))?(?:\s+that)?(?=\s)|"
                  # "reply to priyas lunch thing. no. cant. busy friday.": the sentences after the one that asks
                  r"(?:reply|answer|respond)\s+to\b[^.!?:\n]{0,60}[.!](?=\s+(?!(?:say|saying|tell|ask|and|also|then|pls|please|"
                  r"thanks|thank|it|that|this)\b)\w))"
                  r"\s*[:,-]?\s+(?P<text>.+)$", re.I)
#: Where the dictated words end: another ask joined on ("..., and remind me to pay it on friday", "..., and
#: another to Joost saying ...", "... 3) add eggs", "... late. text ana ...")
_NEXT_ASK = re.compile(r"\s\(?\d+[).]\s|[,.;]\s*(?:and|then|also|plus)\b"
                       # (not where the message goes on: "yes I'm in, and I'll bring dessert")
                       r"(?!\s+(?:i|i'm|i'll|i've|i'd|im|ill|ive|we|we're|we'll|we've|he|she|they|it's|that's|will|would|"
                       r"can't|cant|won't|already)\b)|(?:(?:,|\.|;)?\s+(?:and|then|also|plus)\s+(?:then\s+)?|[.;!?]\s+)"
                       r"(?:remind|text|txt|email|e-mail|mail|forward|fwd|reply|create|add|put|send|schedule|book|make|set|find|"
                       r"open|search|cc|attach)\b", re.I)
_WORD = re.compile(r"[a-z0-9']+")
#: The asking verb a reply's text may copy beside the words that pick the email
_ANSWERING = {"answer", "reply", "respond", "forward", "fwd", "mail", "email", "send", "pass"}
_JOINS = {"and", "then", "also", "plus", "um", "uh", "umm", "er"}
#: What goes on one message after its "and" ("I booked the table and sent the invite", "... and we'll be there
#: by ten"): a subject, an auxiliary, or a verb in the past; a new ask opens with a verb of its own ("and ask ...")
_GOES_ON = {"i", "i'm", "i'll", "i've", "i'd", "im", "ill", "ive", "we", "we're", "we'll", "we've", "he", "she", "they",
            "he's", "she's", "they're", "it", "it's", "its", "that's", "will", "would", "can", "can't", "cant", "could",
            "won't", "wont", "should", "might", "am", "is", "are", "was", "were", "have", "has", "had", "already",
            "sent", "made", "got", "did", "paid", "bought", "told", "took", "left", "found", "put", "kept", "brought"}


def _one_message(rest: list[str]) -> bool:
    """The words a message left out of the dictated ones join no other ask on: no "then", "also" or filler, and
    an "and" only where the message goes on ("... and sent the invite to everyone")."""
    for i, w in enumerate(rest):
        if w in _JOINS and not (w == "and" and i + 1 < len(rest)
                                and (rest[i + 1] in _GOES_ON or len(rest[i + 1]) > 4 and rest[i + 1].endswith("ed"))):
            return False
    return True


def says_words(query: str) -> bool:
    """The request dictates words of its own ("say ...", "tell him ...", "with the message: ...")."""
    return bool(_SAY.search(query))


def dictated(query: str, names: list[str] = ()) -> str:
    """The words the request dictates for a message, or "": after "say" or "tell her", or after "text"
    and the person the plan looks up ("text david i'll send the hotel booking tonight")."""
    m = _SAY.search(query)
    for name in [*names, "him", "her", "them"] if not m else ():
        m = re.search(rf"\b(?:text|txt|sms|message|msg)\s+{re.escape(name)}\b(?:'s\s+phone)?\s*(?:(?:too|also|as\s+well)\s+)?"
                      rf"(?:that\s+|saying\s+|to\s+say\s+|[:,-]\s*)?(?P<text>.+)$", query, re.I)
        if m:
            break
    if not m:  # "... and ask whether the price includes taking away the clippings": the question to put to them
        m = _ASK.search(query)
    if not m:
        return ""
    text = _you(m.group("text")) if m.group("text") else "ask" + m.group("asking")[len("asking"):]  # ("asking if ...": "ask if ...")
    text = _as_question(text)
    end = _NEXT_ASK.search(text)
    text = text[:end.start()] if end else text
    # "... under the mat? Thanks": the thanks after the message is the person's to the assistant
    return _THANKS_AFTER.sub("", text).strip(" \"'.")


#: Thanks said to the assistant after a dictated message: "... under the mat? Thanks", "..., thank you!"
_THANKS_AFTER = re.compile(r"(?<=\w)([.?!])?\s*[,;]?\s*(?:thanks|thank\s+you|thx|ty|cheers)(?:\s+so\s+much)?[.!]*\s*$"
                           r"|(?<=\w)([.?!])\s*(?:pls|please)[.!]*\s*$", re.I)  # ("... send the slides please": theirs)


#: A question dictated to be asked: "and ask whether ...", ", ask him if ..." (the message tools word it as one)
_ASK = re.compile(r"(?:\band\s+|,\s*)(?P<text>ask\s+(?:him|her|them|[a-z]+\s+)?(?:if|whether|when|what|where|how|who|why)\b.+"
                  # "... and ask him to call me": what they are asked to do
                  r"|ask\s+(?:him|her|them)\s+to\s+.+)$"
                  # "email nina asking if book club is still on": the question put to her
                  r"|\b(?P<asking>asking\s+(?:him|her|them\s+)?(?:if|whether|when|what|where|how|who|why)\b.+)$", re.I)


#: A whole request that tells one person something: "text him that tuesday works for the garden"
_TELL_THAT = re.compile(r"^\s*(?:(?:ok|okay|and|also|now|then|pls|please|can\s+you|could\s+you)\b[\s,]*)*"
                        r"(?:text|txt|sms|message|tell|email|e-mail)\s+(?:him|her|them|[a-z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+"
                        r"(?:(?:too|also|as\s+well)\s+)?that\s+(?P<text>[^.;!?]+?)[\s.!]*$", re.I)


def told(query: str) -> str:
    """What a request that only tells one person something tells ("tuesday works for the garden"), or "", said to
    them ("he should come on friday" -> "you should come on friday")."""
    m = _TELL_THAT.match(query)
    if not m or _NEXT_ASK.search(m.group("text")):
        return ""
    return _you(m.group("text").strip())


_ASK_IF = re.compile(r"^ask\s+(?:(?:him|her|them)\s+)?(?:if|whether)\s+(?P<who>(?:the\s+)?[\w'-]+)\s+"
                     r"(?P<aux>can|could|will|would|is|are|was|has|should|might)\s+(?P<rest>[^?]+?)[\s?.!]*$", re.I)


def _as_question(said: str) -> str:
    """"ask if Mia can come in on Friday" as the question put to them: "Can Mia come in on Friday?" (an "ask ..." is the
    instruction, not the words they read); other asks as said."""
    m = _ASK_IF.match(said.strip())
    if not m or m.group("who").lower() in {"i", "we", "you", "he", "she", "they"}:
        return said
    return f"{m.group('aux').capitalize()} {m.group('who')} {m.group('rest')}?"


def _you(said: str) -> str:
    """Words told about the person as said to them: "he should come on friday" -> "you should come on friday"."""
    return re.sub(r"^(?:he|she|they)\s+(?=(?:should|can|could|will|would|must|might|may|needs?\s+to|has\s+to|have\s+to)\b)",
                  "you ", said, flags=re.I)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _to_them(said: str) -> str:
    """Dictated words as the message to the person: "to check her inbox" -> "Check your inbox"."""
    text = re.sub(r"^to\s+", "", said.strip(), flags=re.I)
    if text != said.strip():  # an instruction told about them ("text her to ..."): said to them
        text = re.sub(r"\b(?:her|his|their)\b", "your", text, flags=re.I)
        text = re.sub(r"\b(?:she|he|they)\b", "you", text, flags=re.I)
    return text[:1].upper() + text[1:]


def _spelt_out(said: str, written: str) -> bool:
    """``written`` is ``said`` spelt out or in full ("wk" -> "week", "im" -> "i'm", "bday" -> "birthday"): the letters
    of the one said are the written one's, in order."""
    letters = iter(written.replace("'", ""))
    return all(c in letters for c in said.replace("'", ""))


#: Words told to be said to the person the plan answers or texts: "say ...", "tell her ...", "write him that ..."
_TOLD = re.compile(r"\b(?:say|saying|tell\s+(?:him|her|them)|write\s+(?:him|her|them)(?:\s+that)?)\s+(?P<text>\S.*)$", re.I)
#: "reply to omar's quote, too pricey for me, can he do 1000 eur": the words after the email the reply names
_AFTER_EMAIL = re.compile(r"^\s*(?:pls\s+|please\s+)?(?:reply|answer|respond)\s+to\b[^,.:!?\n]{1,40},\s+(?!(?:say|saying|tell|ask|"
                          r"and|also|then|pls|please|plz|thanks|thank|it|that|this|the\s+one|the\s+subject|cc|copy|attach\w*|"
                          r"add|includ\w*|but|with|if|i\s+mean)\b)(?P<text>[^.!?\n]+?)[.!]?\s*$", re.I)


def _content(text: str) -> set[str]:
    """The words of a text that say something (numbers too), apostrophes dropped ("wasn't" = "wasnt")."""
    return {w.replace("'", "") for w in _words(text)} - {w.replace("'", "") for w in COMMON_WORDS}


def _shares(value: str, said: str) -> bool:
    """``value`` has a word of ``said``, or one of them spelt out ("mins" -> "minutes")."""
    have, told_words = _content(value), _content(said)
    return bool(have & told_words) or any(len(x) >= 3 and _spelt_out(x, w) for x in told_words for w in have)


def _one_word_off(have: list[str], said: list[str], query_words: set[str], spelt: bool = False) -> bool:
    """``have`` is ``said`` with one word mangled ("get it" for "got it"): a word like it that the request does not
    write and (unless ``spelt``) that is not the said one spelt out ("gotten" for "got")."""
    if spelt:  # ("i'm" for "im" is the same word)
        have, said = [w.replace("'", "") for w in have], [w.replace("'", "") for w in said]
    return len(have) == len(said) and [a == b for a, b in zip(have, said)].count(False) == 1 and all(
        a == b or (a not in query_words and SequenceMatcher(None, a, b).ratio() >= 0.5 and (spelt or not _spelt_out(b, a)))
        for a, b in zip(have, said))


@rule("whole_message", "compile",
      "a message the person dictated ('say thanks, I'll pay it this week') is written whole, not cut short",
      "made-up content")
def whole_message(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A message (a tool's "message" parameter: a text, an email's body) whose words are the first words
    of what the request dictates, and fewer of them ("Thanks" for "say thanks, I'll pay it this week";
    "Say sounds good" for "just say sounds good, go ahead"; "Are we still on for tennis?" for "text her:
    are we still on for tennis saturday?"), is given the dictated words whole, where the words left out
    join no other ask on. (Words left out before the message's, "I'll send" of "text david i'll send the
    hotel booking tonight", are not mended: on the corpus's gold plans that changed 29 right messages.)"""
    names = [str(v) for t in tasks for p in (specs[t.tool].params if t.tool in specs else ())
             if p.role == "person" and isinstance(v := t.args.get(p.name), str) and not is_ref(v)]
    query = as_request(request).query
    said = dictated(query, names)
    # told once, with "say", "tell her", "write him that", to no one the plan looks up ("say it my wife with sms")
    explicit = len(_TOLD.findall(query)) == 1 and (m := _TOLD.search(query)) is not None \
        and m.group("text").lower().startswith(said.lower()[:12]) \
        and not {w.lower() for n in names for w in _words(n)} & set(_words(said))
    after = None if said else (_AFTER_EMAIL.search(query) or _AFTER_EMAIL.search(as_request(request).read))
    said = after.group("text").strip() if after else said  # (then only a reply's text naming the email is mended)
    said_only = told(as_request(request).query)  # the whole request tells one thing: a message without its words is wrong
    whole = _words(said)
    if len(whole) < 2:
        return None
    query_words = set(_words(as_request(request).query))

    def cut_short(value):
        if value is None:  # (only a reply's or forward's note, below)
            return said[:1].upper() + said[1:]
        if not isinstance(value, str) or value.lstrip().startswith("$"):
            return None
        have = _words(value)
        if have and set(have) <= COURTESY and not set(whole) <= COURTESY:  # "Thank you" for "thank you. text her
            return _to_them(said)                                           # to check her inbox"
        if value.rstrip().endswith(":") and not set(text_words(value)) & set(text_words(said)):
            return said[:1].upper() + said[1:]  # "The email from Lucas says:": a lead-in with nothing after it
        if explicit and (len(whole) >= 3 or len(have) >= 3) and have and not _shares(value, said) \
                and not set(text_words(value)) <= COURTESY and not set(whole) <= _ONLY_SAME \
                and sum(1 for t in tasks if (sp := specs.get(t.tool)) and sp.with_role("message")) == 1:
            # "Send her" for "reply to priyas lunch mail pls, tell her i cant do fri, on nights this week ...", "I told
            # the older one" for "... reply to the older one and tell her ill bring my hiking boots": none of the words
            # it was told to say
            return said[:1].upper() + said[1:]
        if explicit and 2 <= len(have) == len(whole) - 1 <= 4 and have == whole[1:] \
                and whole[0] in {"i", "im", "i'm", "ill", "i'll", "we", "we're", "were", "you", "he", "she", "they", "it's"}:
            return said[:1].upper() + said[1:]  # "In Lol" for "say im in lol": the first word it was told left out
        if have[:2] in (["ask", "if"], ["ask", "whether"]) and said.rstrip().endswith("?") \
                and set(have[2:]) <= set(whole):  # "Ask if Mia can come in": the instruction, not the question
            return said[:1].upper() + said[1:]
        if have[:2] in (["that", "he"], ["that", "she"], ["that", "they"]) and len(have) >= 4 \
                and set(have[2:]) <= set(whole):  # "That he should come on Friday": the instruction copied in
            return said[:1].upper() + said[1:]
        if have[:1] == ["say"]:  # "Say sounds good": the instruction copied in
            have = have[1:]
        elif lead := next((k for k in range(1, 5) if len(have) - k >= (2 if k == 1 else 3)
                           and not set(have[:k]) & set(whole) and whole[:len(have) - k] == have[k:]), 0):
            # "About the price is fine" for "tell him the price is fine but can he start after the 15th", "Siturday's
            # mail says the budget section looks fine" for "answer saturday's mail - the budget section looks fine ..."
            have = have[lead:]
        elif have[:1] == ["tell"] and len(have) > 2:  # "Tell Sarah I'll skip the hike": the instruction and the person
            have = have[2:]
        # the words left out join no other ask on ("... and show me directions") and are no filler
        if have and len(have) < len(whole) and whole[:len(have)] == have and _one_message(whole[len(have):]):
            return said[:1].upper() + said[1:]
        if 2 <= len(have) < len(whole) and _one_message(whole[len(have):]) \
                and _one_word_off(have, whole[:len(have)], query_words, spelt=True):
            return said[:1].upper() + said[1:]  # "Gotten it" for "reply to sarah's q3 email: got it, reading it tonight"
        if said == said_only and not set(text_words(value)) & set(text_words(said)):  # "Tue, 2026-12-31"
            return said[:1].upper() + said[1:]
        if len(have) == 1 and len(whole) >= 3 and have[0] not in query_words:  # "Friended" for "friday works, count me in"
            return said[:1].upper() + said[1:]
        if 2 <= len(whole) <= 4 and len(have) == len(whole) and _one_word_off(have, whole, query_words):
            return said[:1].upper() + said[1:]  # "Get it" for "reply to lucas's invoice: got it, thanks"
        if said == said_only and len(have) >= 2 and set(have) - {"the", "a", "an"} <= set(whole) \
                and 0 < len(set(whole) - set(have) - {"the", "a", "an"}) <= 2:  # "The rollout is fine by me" for "... that thursday rollout is fine by me"
            return said[:1].upper() + said[1:]
        if whole[:1] == ["ask"] and "ask" not in have and len(have) >= 2 and set(have) <= set(whole) \
                and not value.rstrip().endswith("?"):
            # "Book club is on for thursday at 7" for "asking if book club is still on ...": the question, not an answer
            return said[:1].upper() + said[1:]
        return None

    def picked_by(t: Task, p, value):
        """A reply's text that is only the words that pick the email it answers ("The invoice" for "answer Lucas
        about the invoice? Let him know I transferred the money"), not what it says: the dictated words. (A text
        that only shares no word with them may be their paraphrase: "I'm vegetarian" for "im veggie".)"""
        pick = specs[t.tool].with_role("received") if t.tool in specs else None
        mine = set(text_words(value)) - _ANSWERING if p.role == "message" and isinstance(value, str) and not is_ref(value) \
            else set()  # ("Answer the flights and hotel" for "answer the flights and hotel mail: can I get a window seat?")
        if pick and mine and not mine & set(text_words(said)) and mine <= set(text_words(str(t.args.get(pick) or ""))):
            return said[:1].upper() + said[1:]
        if pick and mine and len(whole) >= 3 and not mine & set(text_words(said)) \
                and mine <= set(text_words(as_request(request).query.replace(said, " "))):
            # "Sarah wrote me twice" for "sarah wrote me twice - answer the older one: I can bring the projector",
            # "Good morning" for "Good morning! Could you kindly respond to ...": the request's other words
            return said[:1].upper() + said[1:]
        return None
    # a forward or reply planned without the words the request dictates ("pass the firmware email on to priya. add:
    # heads up, ..."): they are its note
    # (where no other step carries a message, and the words come after the ask: not "he replied saying thanks, can you
    # forward his reply ...")
    if after:
        return rewrite_params(tasks, specs, picked_by)
    noted = {t.tool for t in tasks if (sp := specs.get(t.tool)) and sp.with_role("received")}
    ask = re.search(r"\b(?:forward|fwd|frwd|pass|send|reply|answer|respond|write\s+back)\b", query, re.I)
    carried = [t for t in tasks if (sp := specs.get(t.tool)) and sp.with_role("message") and t.args.get(sp.with_role("message"))]
    if carried or not ask or query.find(said) < ask.end():
        noted = set()
    out = rewrite_role(tasks, specs, "message", cut_short, absent=True) if noted else None
    if out is not None and any(t.tool not in noted and a.args != t.args for a, t in zip(out, tasks)):
        out = None  # (an absent text of another tool is not filled in)
    out = out or rewrite_role(tasks, specs, "message", cut_short)
    return rewrite_params(out or tasks, specs, picked_by) or out


_SAME = re.compile(r"\b(?:the\s+same|same\s+(?:message|thing|text|words))\b|\bthat\s+(?:too|as\s+well)\b|"
                   # "Send him same as SMS also": the article left out
                   r"\b(?:him|her|them)\s+same\b|\bsame\s+as\s+(?:an?\s+)?(?:sms|text|txt|e-?mail|mail|message)\b|"
                   r"^\W*(?:(?:and|also|oh|ok|okay|now|pls|please)\W+)*(?:text|txt|sms|e-?mail|mail|message|msg)\s+"
                   r"(?:him|her|them)\s+(?:too|as\s+well|also)\W*$|"
                   r"\b(?:send|forward|fwd|email|e-mail|mail|text|txt)\s+(?:that|it|this)\s+to\s+[\w .'-]{1,40}?\s+"
                   r"(?:too|as\s+well)\b", re.I)
#: A message an earlier turn's step carried, as the transcript shows its call: context='...' or message="..."
_SENT_TEXT = re.compile(r"\b(?:context|message)=(['\"])(?P<text>.+?)\1(?=[,)])")
_ONLY_SAME = {"the", "same", "message", "text", "thing", "as", "above", "before", "one", "words", "again", "that", "too",
              "well", "it", "this", "pls", "please", "plz", "also", "then", "thanks"}


#: "send that one to elena as well", "send it to tom too": the message before, to someone else, said no way
_SEND_THAT_TO = re.compile(r"\b(?:send|pass)\s+(?:that|it|this|the\s+same)(?:\s+one)?\s+(?:on\s+)?to\s+[a-z]", re.I)
_A_WAY = re.compile(r"\b(?:e-?mail|mail|text|txt|sms|whatsapp|message)\b", re.I)


@rule("same_way_again", "compile",
      "in a follow-up, 'send that one to elena as well' after a text sends her a text, not an email; after a forward, "
      "the forward", "made-up content")
def same_way_again(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"text nina: sorry, i can't make book club this month", then "send that one to elena as well", was planned as an
    email to Elena: a follow-up that sends "that" on to someone and says no way of sending gets the way the turn
    before sent it: a new email with no file becomes a text of the turn's message (its recipients are looked up for
    a phone by right_lookups)."""
    request = as_request(request)
    if not request.context or not _SEND_THAT_TO.search(request.query) or _A_WAY.search(request.query):
        return None
    last = request.context.rsplit("\nUser:", 1)[-1]
    texted = [m.group("text") for line in last.splitlines() if line.startswith("Result: send_sms(")
              for m in _SENT_TEXT.finditer(line)]
    forwarded = [m.group(1) for line in last.splitlines() if line.startswith("Result: forward_email(")
                 for m in re.finditer(r"\bforwards [^.]*?email '([^']+)'", line)]
    if not forwarded:  # (the result cut before what it forwards: the words the forward picked the email by)
        forwarded = [m.group(2) for line in last.splitlines() if line.startswith("Result: forward_email(")
                     for m in re.finditer(r"\bmessage_id=(['\"])(.+?)\1", line.split(" -> ")[0])]
    if texted and "send_sms" in specs:  # a new message (email, not a forward) becomes the text again
        way, role, value = "send_sms", "message", texted[-1]
        again = lambda t, sp: t.tool != way and not sp.with_role("received")  # noqa: E731
    elif forwarded and not texted and "forward_email" in specs:
        # "forward the invoice email to elena", then "send that to tom as well": the same email forwarded to him
        way, role, value = "forward_email", "received", forwarded[-1]
        again = lambda t, sp: t.tool == "compose_new_email"  # noqa: E731
    else:
        return None
    to = specs[way]
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        if spec and spec.with_role("people") and spec.with_role("message") and again(t, spec) \
                and not t.args.get(spec.with_role("attachments") or ""):
            t = replace(t, tool=way).with_args({to.with_role("people"): t.args.get(spec.with_role("people")) or [],
                                               to.with_role(role): value})
            changed = True
        out.append(t)
    return out if changed else None


@rule("same_message_again", "compile",
      "in a follow-up, 'text her the same' sends the message the earlier turn sent", "made-up content")
def same_message_again(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A follow-up that sends "the same", "that too" or "that to Tom as well" ("answer the latest email, tell her
    sorry I can't make it", then "and text her the same") gets the message the earlier turn's step carried, where
    the plan wrote only "The same" or the request's own words ("Send it")."""
    request = as_request(request)
    if not request.context or not _SAME.search(request.query):
        return None
    sent = [m.group("text") for line in request.context.splitlines() if line.startswith("Result:")
            for m in _SENT_TEXT.finditer(line)]
    if not sent and (said_then := _said_by_undone_turn(request.context)):
        # the turn before failed ("text bruno that the hike is cancelled": no such contact), then "email sarah the same":
        # the words it dictated
        sent = [said_then]
    if not sent:
        return None

    # where the request dictates nothing, whatever the plan wrote is not what it asks for ("send her the same there"
    # planned as "Let her in"); where it dictates ("text her the same but say I'm late") only "The same" is replaced
    said = bool(dictated(request.query))

    def only_same(value):  # (a message the plan left out: "and send her the same by email" planned with no text)
        return sent[-1] if value is None or isinstance(value, str) and not is_ref(value) and (
            not said or set(_words(value)) <= _ONLY_SAME
            # ("also text him the same, he may not check his mails": the plan's "The same, he may not ...")
            or re.match(r"\s*(?:the\s+)?same(?:\s+(?:thing|message|text|words))?(?:\s+(?:too|as\s+well|again))?\s*"
                        r"(?:[,.;:!-]|$|\b(?:bc|because|since|as|cause|cos|coz|cuz)\b)", value, re.I)) else None
    return rewrite_role(tasks, specs, "message", only_same, absent=True)


#: A follow-up that sends "that" the turn before dictated: "ok fine, email him that instead", "text her that then"
_THAT_INSTEAD = re.compile(r"\b(?:e-?mail|mail|text|txt|message|msg|tell|send)\s+(?:him|her|them|[a-z]+)\s+(?:(?:that|this|it)\b"
                           r"(?:\s+(?:instead|then|too|as\s+well|by\s+(?:e-?mail|text)))*|instead)\s*[.!]*\s*$", re.I)


def _said_by_undone_turn(context: str) -> str:
    """The words the turn before dictated (two or more, capitalised), where that turn ran nothing (declined or
    failed: "ring omar and tell him the gate code is 4711"), or ""."""
    turns = context.split("User: ")
    if not turns[-1] or not _NOTHING_DONE.search(turns[-1]):
        return ""
    asked = turns[-1].splitlines()[0]
    said = dictated(asked) or told(asked)
    return said[:1].upper() + said[1:] if len(_words(said)) >= 2 else ""


@rule("said_before_instead", "compile",
      "after a declined or failed turn, 'email him that instead' sends the words that turn dictated", "made-up content")
def said_before_instead(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """"ring omar and tell him the gate code is 4711" (declined: no tool rings), then "ok fine, email him that
    instead", was planned with the text "Instead of his email": a message step of such a follow-up gets the words
    the turn before dictated ("the gate code is 4711"), where the turn before ran nothing."""
    request = as_request(request)
    if not request.context or not _THAT_INSTEAD.search(request.query):
        return None
    said = _said_by_undone_turn(request.context)
    if not said:
        return None
    return rewrite_role(tasks, specs, "message", lambda value: said if not is_ref(value) and value != said else None,
                        absent=True)


_SAID_BEFORE = re.compile(r"\b(?:add|append|put|jot|write|say|saying|says|text|txt|tell\s+\w+)\s*:?\s*$", re.I)
_QUOTED = re.compile(r"'(?P<a>[^']{3,200}?)'(?!\w)|\"(?P<b>[^\"]{3,200}?)\"|\u2018(?P<c>[^\u2019]{3,200}?)\u2019|\u201c(?P<d>[^\u201d]{3,200}?)\u201d")


@rule("quoted_text", "compile",
      "the words the person put in quotes ('visit the tile museum') are the text added or sent", "made-up content")
def quoted_text(tasks: list[Task], specs: dict, request: Request | str) -> list[Task] | None:
    """A note's content or a message that is a step number naming no step ("$1200") or shares no word with
    the words the request quotes ("add 'visit the tile museum in lisbon' to it") is those words; a text that is
    another quote's words, or one of several texts the plan writes, is left as it is."""
    query = as_request(request).query
    # the quote is what is added or said: it follows the verb ("add 'x' to it"), not a note's name ("a note called 'x'")
    quotes = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(query)
              if _SAID_BEFORE.search(query[:m.start()])]
    quotes = [q.strip() for q in quotes if len(_words(q)) >= 2]
    if len(quotes) != 1:
        return None
    quote = quotes[0]
    # with several texts in the plan ("add 'buy milk' to my list and text sam i'm running late") the quote is one
    # of them: only a step number naming no step is mended then
    texts = [t for t in tasks for p in (specs[t.tool].params if t.tool in specs else ())
             if (p.role == "message" or p.name == "content") and isinstance(t.args.get(p.name), str)]
    other = {w for m in _QUOTED.finditer(query) for w in _words(next(g for g in m.groups() if g))} - set(_words(quote))
    def mended(t: Task, p, v):
        others = {str(x).lower() for k, x in t.args.items() if k != p.name}
        if (p.role == "message" or p.name == "content") and isinstance(v, str) and quote.lower() not in others and (
                names_no_step(t, v)
                or len(texts) == 1 and not set(_words(v)) & (set(_words(quote)) | other)):  # (another quote's: kept)
            return quote[:1].upper() + quote[1:]
        return None
    return rewrite_params(tasks, specs, mended)


#: A text that is only a reference gone wrong: "$40)", "$23\n", "$!" (no word in it; "$1,250" and "$12.50" are money;
#: rules/refusals.py refuses what is left of them)
BROKEN_REF = re.compile(r"\s*\$(?!(?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d\s*$|\d{1,3}(?:,\d{3})+\s*$)[\d\W_]*")


#: "email what you find to James", "text her the result", "send him what it says": a step's result, by what it is
_WHAT_FOUND = re.compile(r"\b(?:what\s+(?:you|u)\s+(?:find|found|get|got)|what\s+it\s+says|the\s+(?:result|results|answer|"
                         r"findings|total|sum|number|amount|figure))\b|\bthat\s+(?:number|amount|figure|total)\b", re.I)
_FOUND_PLAIN = {"what", "you", "u", "find", "found", "get", "got", "it", "says", "the", "result", "results", "answer", "to",
                "findings", "total", "sum", "is", "number", "amount", "figure", "that"}


def _only_what_found(value: str, query: str) -> bool:
    """A message that only names what a step found, in the request's words ("What you find to James")."""
    m = _WHAT_FOUND.search(query)
    if not m:
        return False
    words = set(_words(re.sub(r"\$\S*", " ", value)))  # ("The total is: $#3": a step number the planner broke)
    return bool(words & set(_words(m.group(0)))) and words - _FOUND_PLAIN <= set(_words(query))


@rule("broken_reference", "compile",
      "a message or text that is only a broken '$K' ('$40)', '$!') or a contact look-up's result is the result of the "
      "one earlier step that can fill it, else the words the request dictates", "made-up content")
def broken_reference(tasks: list[Task], specs: dict, request: Request | str = "") -> list[Task] | None:
    """A message or free text whose whole value is a "$" with digits and signs but no word, naming no step
    it depends on ("create a video call link ... and email it to sarah and priya" planned
    ``context="$40)"``), gets the result of the one earlier step of the plan that informs rather than
    looks someone or a file up or writes (the meeting link); so does a message that is a contact look-up's result.
    Where there is no such step and the request dictates the words ("reply to his email instead and ask him to
    call me" planned ``context="$13"``), the message is those words; otherwise it is left for the checks to
    refuse."""
    said = dictated(as_request(request).query) if request else ""
    said_all = as_request(request).query if request else ""
    def informs(t: Task) -> bool:
        spec = specs.get(t.tool)
        return spec is not None and not spec.roles & {"person", "file", "message"} \
            and not any(p.name in FREE_TEXT for p in spec.params)
    # a message that is a contact look-up's result (an address as the email's text: ``context="$3"`` for "make a
    # meeting link ... and email it to marcus, yuki and james") is as broken
    lookups = {t.id for t in tasks if (s := specs.get(t.tool)) and s.roles and s.roles <= {"person"}}
    out, changed, orphans = [], False, set()
    for t in tasks:
        spec = specs.get(t.tool)
        broken = [p.name for p in (spec.params if spec else ())
                  if (p.role == "message" or p.name in FREE_TEXT) and isinstance(t.args.get(p.name), str)
                  and (BROKEN_REF.fullmatch(t.args[p.name]) and not (is_ref(t.args[p.name]) in t.deps)
                       or is_ref(t.args[p.name]) in lookups
                       # "... and email what you find to James" planned context="What you find to James"
                       or p.role == "message" and _only_what_found(t.args[p.name], said_all))]
        fills = [e for e in out if e.id < t.id and informs(e)]
        if broken and len(fills) == 1:
            k = fills[0].id
            t = replace(t, args={**t.args, **{n: f"${k}" for n in broken}}, deps=tuple(sorted({*t.deps, k})))
            t = t.with_args(t.args)
            changed = True
        elif broken and not fills and len(_words(said)) >= 2 and all(spec.param(n).role == "message" for n in broken):
            t = t.with_args({**t.args, **{n: said[:1].upper() + said[1:] for n in broken}})
            changed = True
        elif broken and not fills and not said and spec.with_role("received") and all(
                is_ref(t.args[n]) in lookups and not spec.param(n).required for n in broken):
            # "Forward Omar's garden quote to Lucas Martin" with Omar's address as the forward's text: no text, and
            # no look-up of Omar where nothing else uses it
            gone = {is_ref(t.args[n]) for n in broken}
            args = {k: v for k, v in t.args.items() if k not in broken}
            t = replace(t, deps=tuple(d for d in t.deps if d not in gone or d in refs_in(args))).with_args(args)
            orphans |= gone
            changed = True
        out.append(t)
    if orphans:
        used = {d for t in out for d in t.deps}
        out = renumbered([t for t in out if t.id not in orphans or t.id in used], tasks[0].id)
    return out if changed else None
