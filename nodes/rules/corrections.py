"""A follow-up that plans the request before again: a correction ("i mean Aisha"), a new time ("actually make it 4pm"), a picked email ("the q3 one")."""

from __future__ import annotations

import re

from tinyagent.nodes.request.asks import FILE_NOUN
from tinyagent.nodes.request.lexicon import SERVED_VERBS, TITLE, TITLE_WORD
from tinyagent.nodes.request.reading import read_request
from tinyagent.nodes.rules.opening import opening_verb


_CORRECTION = re.compile(r"^\s*(?:(?:oh|ah|ugh|um|uh|ok|okay|no+|nope|sorry|oops|wait|nah|my bad|my mistake|my apologies|apologies|"
                         r"pardon me|forgive me)\b[\s,.!;-]*)*(?:i\s+)?(?:mean|meant)\s+(?P<a>.+?)[\s.!]*$"
                         # "Elena I mean": the name first
                         r"|^\s*(?P<g>[A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s*,?\s+i\s+mean(?:t)?[\s.!]*$"
                         r"|^\s*(?:(?:ah|oh)\s+)?(?:no+|nope|nah|sorry|oops|my bad)\b[\s,.!-]+(?:not\s+\w+[\s,.-]+)?"
                         r"(?:(?:it'?s|it\s+is|is)\s+)?(?P<b>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
                         r"(?:[\s,]+not\s+\w+)?[\s.!]*$"
                         # "sorry, Lucas with a c", "it's Yusuf, spelt with a y": the name as it is spelt
                         r"|^\s*(?:(?:oh|ah|ugh|um|uh|no+|nope|sorry|oops|my bad|it'?s|its)\b[\s,.!-]*)*(?P<e>[A-Za-z][\w'-]*"
                         r"(?:\s+[A-Z][\w'-]*)?)[\s,-]+(?:(?:spelt|spelled|written)\s+)?with\s+an?\s+['\"]?[a-z]{1,2}['\"]?"
                         r"(?:\s+not\s+an?\s+['\"]?[a-z]{1,2}['\"]?)?[\s.!]*$"
                         # "and lucas too", "oh and Tom Becker as well": the same again for someone else
                         r"|^\s*(?:(?:oh|ah|ok|okay)\b[\s,]*)?(?:and|also|plus)\s+(?P<d>[A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+"
                         r"(?:too|as\s+well|also)[\s.!]*$"
                         # "same to marcus", "and the same for Tom Becker pls", "do the same for ana"
                         # ("do the needful for Yuki also": Indian English)
                         r"|^\s*(?:and\s+|ok\s+|now\s+|kindly\s+|please\s+|pls\s+)?(?:do\s+)?(?:the\s+)?(?:same|needful)"
                         r"(?:\s+thing|\s+message|\s+one)?\s+(?:to|for|with)\s+"
                         r"(?P<c>[\w'-]+(?:\s+[A-Z][\w'-]*){0,2}?)(?:\s+(?:too|as well|also|please|pls|plz))*[\s.!]*$",
                         re.I)
#: "no not marcus - yuki, sorry!!": the person put right, the wrong one named first
_NOT_BUT = re.compile(r"^\s*(?:(?:oh|ah|ugh|um|uh|no+|nope|nah|oops|sorry|wait)\b[\s,.!-]*)*"
                      # ("Sorry I make a mistake, is not Priya, is Yuki")
                      r"(?:i\s+(?:make|made)\s+a\s+mistake[\s,.!-]*)?(?:(?:it\s+)?is\s+)?not\s+"
                      # ("Sorry, not the handbook, I meant the Q3 report.": a file put right)
                      r"(?:(?:the|my|our)\s+(?=[\w'-]+(?:\s+[\w'-]+)?[\s,.;:!-]+(?:i\s+mean|i\s+meant|it'?s|its|the|my)\b))?"
                      r"(?P<old>[\w'-]+(?:\s+(?!(?:i|it'?s|its|the|my)\b)[\w'-]+)??)[\s,.;:!-]+"
                      r"(?:(?:i\s+mean|i\s+meant|it'?s|its|it\s+is|is)\s+)?(?:(?:the|my|our)\s+)?"
                      r"(?P<who>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)"
                      r"(?:[\s,.!-]+(?:sorry|pls|please|thanks|thx))*[\s.!]*$", re.I)
#: "oh he's not in there? then text tom becker instead, he'll tell him": the same ask, to someone else
_INSTEAD = re.compile(r"(?:^|[.?!,]\s+)(?:(?:then|ok|okay|so|oh|just|pls|please|never\s+mind|nevermind|fine)[\s,]+)*"
                      r"(?P<verb>text|txt|email|e-mail|message|msg|tell)"
                      r"\s+(?P<e>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)\s+(?:instead|then)\b(?:\s*[,;].*)?[\s.!]*$", re.I)


_NO_ONE = {"me", "us", "you", "it", "that", "this", "them", "him", "her", "too", "both"}
#: Words of a correction that only say when ("tomorrow", "at 5", "8 in the evening")
_DAYTIME_WORDS = {"at", "on", "in", "the", "next", "this", "evening", "morning", "afternoon", "night", "tonight", "today",
                  "tomorrow", "tmrw", "noon", "midnight", "am", "pm", "o'clock"}
#: A correction that names a file, not a person: "the team handbook", "my q3 report pdf"
_A_FILE = re.compile(rf"\b{FILE_NOUN}$", re.I)


#: Emoji and other pictographs: they end a phrase ("i meant omar 😅 tom doesnt care")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+")


def corrected_request(query: str, earlier: list[str], looked_up: list[str]) -> str | None:
    """A correction ("i mean Aisha", "no, Tom Becker", "sorry, Aisha") of the request before it, or the same
    again for someone else ("same to marcus", "and lucas too"): that request with the person it named (or the one its plan looked
    up, or her/him) replaced, planned again whole; None when ``query`` is neither or there is no earlier
    request."""
    query = _EMOJI.sub(", ", query).strip(" ,")  # ("wait no i meant omar 😅 tom doesnt care": the emoji ends the name)
    m = _CORRECTION.match(query) or _NOT_BUT.match(query)
    instead = _INSTEAD.search(query) if not m and earlier else None
    if instead and instead.group("verb").lower() != "tell" \
            and opening_verb(earlier[-1]) != instead.group("verb").lower().replace("txt", "text"):
        instead = None  # "email her instead" after a text: an ask of its own, by another way
    if not (m or instead) or not earlier:
        return None
    groups = m.groupdict() if m else {}
    new = re.sub(r"(?:\s+(?:too|as well|please|pls|plz|thanks|thx))+$", "",
                 (instead.group("e") if instead else
                  groups.get("a") or groups.get("b") or groups.get("c") or groups.get("d") or groups.get("e")
                  or groups.get("g") or groups.get("who")
                  or "").strip(" ,.!"), flags=re.I)
    new = re.sub(r"\s*,?\s+not\s+.*$", "", new, flags=re.I)  # "i meant the q3 report, not the itinerary"
    new = re.split(r"\s*[,;]\s*", new)[0].strip()  # ("i meant omar, tom doesnt care": a reason after the name)
    if read_request(new).phrases and not set(re.findall(r"[\w']+", new.lower())) - _DAYTIME_WORDS:
        return None  # "i meant tomorrow": a time, for retimed_request
    new = re.sub(r"'s$", "", new)  # "I meant omar's"
    words = new.lower().split()
    if not new or len(words) > 4 or new.lower() in _NO_ONE:
        return None
    if set(words) & _NO_ONE or words[0] in SERVED_VERBS:  # "and text him too": an ask of its own, not a person
        return None
    prev = earlier[-1]
    # "send priya the lisbon itinerary", then "sorry i meant the team handbook": the file sent is the one corrected
    sent = read_request(prev).attached_file
    if sent and _A_FILE.search(new) and sent.lower() not in new.lower():
        file = re.sub(r"^(?:the|my|our)\s+", "", new, flags=re.I)
        return re.sub(re.escape(sent), lambda _: file, prev, count=1, flags=re.I)  # (as written: "budget\\final")
    first = new.split()[0].lower()
    candidates = ([groups["old"]] if groups.get("old") else []) + [n for n in reversed(looked_up) if n.strip()]
    candidates += [w for w in re.findall(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?", prev) if w.split()[0].lower() == first]
    candidates += ["her", "him", "them"]
    for old in candidates:
        pattern = re.compile(rf"(?<!\w){re.escape(old)}(?:'s)?(?!\w)", re.I)
        if pattern.search(prev) and old.lower() != new.lower():
            return pattern.sub(lambda x: new + ("'s" if x.group(0).lower().endswith("'s") else ""), prev, count=1)
    return None


_RETIME = re.compile(r"^\s*(?:(?:oh|ah|um|uh|ok|okay|sorry|wait|actually|no+|nope|hmm+|and|but|can\s+you|could\s+you|"
                     r"pls|please|plz|correction|update|change|mate|dude|bro|hun|love)\b[\s,.!:-]*)*"
                     r"(?:(?:make|change|move|push|switch|put|shift)\s+"
                     r"(?:(?:it|that|this)(?:\s+(?:reminder|event|meeting|call|one|appointment|booking))?|the\s+\w+)"
                     r"(?:\s+(?:to|for|at|on))?|(?:let'?s\s+)?do|how\s+about)\s+(?P<when>[^.!?]+?)"
                     # ("Sorry mate, make that 3 not 2": the time it replaces said after it)
                     r"(?:\s*,?\s+not\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?"
                     r"(?:\s+(?:instead|then|please|pls|thanks|thx))*"
                     # a reason after it ("no, make it monday please, friday I am in Lisbon"), not another ask
                     r"(?:\s*[,;]\s*(?!\s*(?:and\s+|then\s+|also\s+)?(?:text|txt|email|e-mail|mail|remind|add|send|tell|"
                     r"call|book|create|invite|forward|reply)\b)[^.!?]*)?[\s.!?]*$"
                     # "it's actually at 5:15, not 4:30. could you fix that?"
                     # "oh wait i meant tomorrow", "sorry, 8 in the evening": a new time said alone
                     r"|^\s*(?:(?:oh|ah|um|uh|sorry|wait|actually|no+|nope|oops|correction|update)\b[\s,.!:-]*)+"
                     r"(?:i\s+(?:mean|meant)\s+)?"
                     r"(?P<when3>[^,;.!?]+?)"
                     # a reason after it ("wait no thursday, theyre due thursday"), not another ask
                     r"(?:\s*[,;]\s*(?!\s*(?:and\s+|then\s+|also\s+)?(?:text|txt|email|e-mail|mail|remind|add|send|tell|"
                     r"call|book|create|invite|forward|reply)\b)[^.!?]*)?[\s.!?]*$"
                     r"|^\s*(?:(?:oh|ah|um|uh|sorry|wait|actually|no+|nope)\b[\s,.!-]*)*(?:it'?s|its|it\s+is)\s+"
                     r"(?:actually\s+|really\s+)?(?P<when2>[^,.!?]+?)(?:\s*,?\s*not\s+[^,.!?]+?)?[\s.!?]*"
                     r"(?:(?:could|can|would)\s+you\s+(?:please\s+)?(?:fix|change|update|correct)\s+(?:that|it|this)"
                     r"(?:\s+please)?[\s.!?]*)?$", re.I)
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b", re.I)
_BARE_HOUR = re.compile(r"^(?:at\s+)?(\d{1,2})$")
#: What a new time may say besides its date phrase ("move it to friday", "how about the 15th then")
_WHEN_WORDS = {"at", "on", "to", "for", "by", "the"}


_RELENGTH = re.compile(r"^\s*(?:(?:oh|ah|um|uh|ok|okay|sorry|wait|actually|hmm+|and|but)\b[\s,.!-]*)*"
                       r"(?:make\s+it|it\s+(?:only\s+)?(?:needs|takes|is)|(?:it'?s|its)\s+(?:only\s+)?|only|just)\s*(?:for\s+)?"
                       r"(?P<length>(?:\d+(?:\.\d+)?|an?|one|two|three|four|half\s+an|an\s+hour\s+and\s+a\s+half)\s*"
                       r"(?:minutes?|mins?|hours?|hrs?|h)?)(?:\s+(?:long|instead|then|please|pls))*[\s.!?]*$", re.I)
_STATED_LENGTH = re.compile(r"\s*,?\s*\bfor\s+(?:\d+(?:\.\d+)?|an?|one|two|three|half\s+an)\s*(?:minutes?|mins?|hours?|hrs?)\b",
                            re.I)


#: A time put right within the request itself: "... for Thursday at 6, no wait, sorry, it's at 6:30pm", "... starting at 9
#: no make that 9 30"
_SELF_FIX = re.compile(r"[,;]?\s*\b(?:no\s+wait|wait\s+no|no\s+sorry|no,?\s+make\s+(?:that|it)|make\s+that|"
                       r"sorry,?\s+i\s+mean(?:t)?|i\s+mean(?:t)?)\b[\s,.!-]*(?P<after>[^.!?]+?)[\s.!?]*$", re.I)


def self_corrected(query: str) -> str:
    """The request with a time it puts right itself written as put right ("put Emma's piano recital in the calendar for
    Thursday at 6, no wait, sorry, it's at 6:30pm" -> "... for Thursday 6:30pm"); unchanged otherwise."""
    m = _SELF_FIX.search(query)
    if not m or m.start() < 8:
        return query
    before = query[:m.start()].rstrip(" ,;")
    after = re.sub(r"^(?:sorry|oops)[\s,]+", "", m.group("after").strip(), flags=re.I)
    # the rest of the request after the time put right ("..., no wait the 22nd, to pick up the turkey") stays
    cut = re.search(r",\s*(?!\s*(?:sorry|oops)\b)", after)
    after, tail = (after[:cut.start()].strip(), after[cut.end():].strip()) if cut else (after, "")
    # ("Please email Miss Rossi the Q3 report. No, forgive me, I mean the Lisbon itinerary; she is travelling ..."):
    # the file put right
    sent = read_request(before).attached_file
    other = re.sub(r"^(?:the|my|our)\s+", "", re.split(r"\s*[;,]\s*", after)[0], flags=re.I).strip()
    if sent and _A_FILE.search(other) and sent.lower() not in other.lower():
        before = re.sub(r"(?:[\s.,;!]*\b(?:no|sorry|forgive\s+me|pardon\s+me|wait|oops))+[\s,.!]*$", "", before, flags=re.I)
        return re.sub(re.escape(sent), lambda _: other, before, count=1, flags=re.I)
    fixed = _fixed_time(before, after)
    return f"{fixed}, {tail}" if fixed and tail else (fixed or query)


def _fixed_time(before: str, after: str) -> str | None:
    """``before`` with its time put right by ``after``, or None."""
    if re.fullmatch(r"\d{1,2}\s+\d{2}", after):  # "9 30"
        after = after.replace(" ", ":")
    clock = re.fullmatch(r"(?:it'?s\s+|its\s+)?(?:at\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)", after, re.I)
    last = re.search(r"\bat\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?\s*$", before, re.I)
    if clock and last:  # the clock said last before it, put right: "starting at 9 no make that 9 30"
        return f"{before[:last.start()]}at {clock.group(1)}"
    return retimed_request(after, [before]) or retimed_request(f"no, {after}", [before])


def relengthed_request(query: str, earlier: list[str]) -> str | None:
    """A new length for what the request before made ("block friday at 1pm for the vendor demo", then "oh
    it only needs 45 minutes"): that request with the length said, to plan again whole; None otherwise."""
    m = _RELENGTH.match(query)
    if not m or not earlier or not re.search(r"minutes?|mins?|hours?|hrs?|\bh\b", m.group("length"), re.I):
        return None
    if re.fullmatch(r"(?:a|one)\s*(?:minute|min)", m.group("length").strip(), re.I):  # "just a minute": wait, no length
        return None
    prev = earlier[-1]
    if not read_request(prev).phrases:
        return None
    return f"{_STATED_LENGTH.sub('', prev).rstrip(' .!')} for {m.group('length').strip()}"


def retimed_request(query: str, earlier: list[str]) -> str | None:
    """A correction of the time or day the request before gave ("block thursday 3pm for the budget
    review", then "actually make it 4pm"): that request with its date phrase changed, to plan again
    whole (the tools make a new item; none moves one); None when ``query`` is no such correction."""
    m = _RETIME.match(query)
    if not m or not earlier:
        return None
    new = (m.group("when") or m.group("when2") or m.group("when3")).strip()
    # "8 in the evening" is 8pm, "7 in the morning" 7am
    new = re.sub(r"\b(\d{1,2}(?::\d{2})?)\s+in\s+the\s+(evening|afternoon|night|morning)\b",
                 lambda x: x.group(1) + ("am" if x.group(2).lower() == "morning" else "pm"), new, flags=re.I)
    # "make it 1400", "at 0930h": a clock written the 24-hour way
    new = re.sub(r"^(at\s+)?([01]\d|2[0-3])([0-5]\d)\s*(?:h|hrs|hours)?$", r"\1\2:\3", new.strip(), flags=re.I)
    if hour := _BARE_HOUR.match(new):  # "make it 4": the hour, in the old phrase's half of the day
        new = hour.group(1)
    elif not read_request(new).phrases or re.search(r"\b(?:min|mins|minutes?|hours?|hrs?)\b", new, re.I):
        return None
    # only a date phrase: "do i have anything tomorrow?" or "how about lunch with sarah at noon" asks something new
    rest = "" if hour else new
    for phrase in read_request(new).phrases:
        rest = rest.replace(phrase, " ")
    if set(re.findall(r"[\w']+", rest.lower())) - _WHEN_WORDS:
        return None
    prev = earlier[-1]
    phrases = [p for p in read_request(prev).phrases if not re.match(r"\s*for\b", p, re.I)]
    if not phrases:
        return None
    old = phrases[0]
    old_clock = _CLOCK_TIME.search(old) or re.search(r"\b(?:at\s+)?\d{1,2}\b", old)
    new_clock = _CLOCK_TIME.search(new) or re.search(r"\bat\s+\d{1,2}\b", new)  # ("monday at 10": a time too)
    if hour:
        if not old_clock:
            return None
        half = re.search(r"am|pm|a\.m\.|p\.m\.", old_clock.group(0), re.I)
        new_clock_text = new + (half.group(0) if half else "")
        changed = old[:old_clock.start()] + new_clock_text + old[old_clock.end():]
    elif new_clock and not re.sub(r"\bat\b", "", new[:new_clock.start()] + new[new_clock.end():]).strip(" ,"):
        # a time alone: the old day keeps, its time changes, in the old time's half of the day ("5:15" for "4:30pm")
        half = re.search(r"am|pm|a\.m\.|p\.m\.", old_clock.group(0), re.I) if old_clock else None
        clock = new_clock.group(0) + (half.group(0) if half and re.fullmatch(r"\d{1,2}(?::\d{2})?", new_clock.group(0))
                                      else "")
        changed = (old[:old_clock.start()] + clock + old[old_clock.end():]) if old_clock else f"{old} at {clock}"
    elif not new_clock and old_clock:  # a day alone: the old time keeps
        changed = f"{new} at {old_clock.group(0)}" if not old_clock.group(0).lower().startswith("at") \
            else f"{new} {old_clock.group(0)}"
    else:
        changed = new
    fixed = prev.replace(old, changed, 1)
    return fixed if fixed != prev else None


_TIED = re.compile(r"inbox emails fit '(?P<tied>.+?)' equally: (?P<listed>.*)|No inbox email fits '(?P<none>.+?)'\. "
                   r"Newest emails: (?P<newest>.*)")
_PICK_PLAIN = {"the", "one", "a", "an", "email", "e-mail", "mail", "message", "msg", "please", "pls", "plz", "that", "this",
               "about", "re", "with", "its", "it's", "it", "ok", "okay", "oh", "i", "mean", "meant", "sorry", "is", "was",
               "its", "thanks", "thx", "yes", "yeah", "um", "uh"}
_WHICH_OF_THEM = {"first", "oldest", "older", "last", "latest", "newest", "newer", "recent", "earlier", "later",
                  "yesterday's", "yesterday", "today's", "today"}
_POINTER_TAIL = re.compile(r"(?:'s)?(?:\s+(?:e-?mail|mail|message|msg)s?)?$", re.I)


def picked_request(query: str, earlier: list[str], answer: str) -> str | None:
    """The person's pick after the mail tool said which emails fit ("2 inbox emails fit 'sarah' equally:
    ... Say which one"), then "the q3 one": the request before, with the email it names made plain ("reply
    to sarah: thanks" -> "reply to the q3 email from sarah: thanks"), to plan again whole; None otherwise."""
    m = _TIED.search(answer or "")
    words = re.findall(r"\w+(?:'\w+)?", query.lower())
    if not m or not earlier or not words or len(words) > 6:
        return None
    pick = [w for w in words if w not in _PICK_PLAIN]
    listed = set(re.findall(r"\w+(?:'\w+)?", (m.group("listed") or m.group("newest") or "").lower()))
    # each word of the pick names one of the emails listed, or which of them ("the older one")
    if not pick or len(pick) > 3 or not all(w in listed or w in _WHICH_OF_THEM for w in pick):
        return None
    said = (m.group("tied") or m.group("none")).strip()
    prev = earlier[-1]
    at = re.search(rf"(?<!\w){re.escape(said)}(?:'s)?(?:\s+(?:e-?mail|mail|message|msg)s?\b)?", prev, re.I)
    if not at:
        return None
    who = _POINTER_TAIL.sub("", said).strip() or said
    return f"{prev[:at.start()]}the {' '.join(pick)} email from {who}{prev[at.end():]}"


_INVITE_TOO = re.compile(r"^\s*(?:(?:oh|ah|ok|okay|and|also|pls|please|can\s+you|could\s+you)\b[\s,.!-]*)*invite\s+"
                         r"(?P<who>[A-Za-z][\w'-]*(?:\s+(?:and\s+)?[A-Za-z][\w'-]*){0,3}?)\s+"
                         r"(?:to\s+(?:it|that|this|the\s+\w+)|too|as\s+well)[\s.!]*$", re.I)


def invited_request(query: str, earlier: list[str]) -> str | None:
    """People invited to what the request before made ("schedule a budget check-in thursday 11am", then "oh,
    invite Lucas to it"): that request with them invited, to plan again whole; None otherwise."""
    m = _INVITE_TOO.match(query)
    if not m or not earlier or not read_request(earlier[-1]).phrases:
        return None
    return f"{earlier[-1].rstrip(' .!')} and invite {m.group('who')}"


#: "ok then just email her instead", "text him then": the ask before, by another way
_OTHER_WAY = re.compile(r"^\s*(?:(?:ok|okay|oh|then|so|just|fine|alright|right|pls|please|can\s+you|could\s+you|"
                        r"maybe)\b[\s,.!-]*)*(?P<verb>text|txt|sms|email|e-mail|mail|message|msg)\s+(?:her|him|them)"
                        r"(?:\s+(?:instead|then|about\s+it))+[\s.!]*$", re.I)
_WAY = {"txt": "text", "sms": "text", "msg": "message", "e-mail": "email", "mail": "email"}


def other_way_request(query: str, earlier: list[str], answer: str) -> str | None:
    """An ask declined before ("call aisha and ask if she can see me thursday": no tool calls), then "ok then just
    email her instead": that ask again with its verb the new way ("email aisha and ask if ..."); None otherwise."""
    m = _OTHER_WAY.match(query)
    if not m or not earlier or not answer.startswith("I can't do that"):
        return None
    verb = opening_verb(earlier[-1])
    if not verb or verb in SERVED_VERBS:
        return None
    new = _WAY.get(m.group("verb").lower(), m.group("verb").lower())
    again, n = re.subn(rf"\b{re.escape(verb)}\b", new, earlier[-1], count=1, flags=re.I)
    return again if n else None


#: "by metro", "walking then", "and by car?": the way to go, alone
_BY_WAY = re.compile(r"^\s*(?:(?:and|ok|okay|what\s+about|how\s+about|actually|no|oh)\b[\s,]*)*(?P<way>(?:by|on|via)\s+"
                     r"(?:the\s+)?(?:metro|subway|tube|underground|tram|bus|train|car|taxi|bike|bicycle|foot)|walking|on\s+foot|"
                     r"driving|cycling)(?:\s+(?:then|instead|please|pls))*\s*[?.!]*\s*$", re.I)
_WAY_ASKED = re.compile(r"\b(?:directions?|route|how\s+(?:do|can|should)\s+i\s+get|get\s+(?:me\s+)?(?:to|from)|way\s+to|"
                        r"how\s+far)\b", re.I)


def rerouted_request(query: str, earlier: list[str]) -> str | None:
    """Directions asked before ("directions to the innovation centre in Parque das Nacoes"), then "by metro": those
    directions again by that way; None otherwise."""
    m = _BY_WAY.match(query)
    if not m or not earlier or not _WAY_ASKED.search(earlier[-1]):
        return None
    return f"{earlier[-1].rstrip(' ?.!')} {m.group('way')}"


#: "sorry, friday not thursday", "no - room B, not room A", "not thursday, friday": the word put right
_SWAP = re.compile(r"^\s*(?:(?:oh|ah|ugh|um|uh|no+|nope|nah|oops|sorry|wait|actually|my\s+bad|"
                   r"(?:i\s+am|i'?m)\s+(?:so\s+|very\s+|really\s+|terribly\s+)?sorry)\b[\s,.!-]*)*"
                   r"(?:i\s+)?(?:meant\s+)?"  # ("sorry meant the handbook not q3")
                   r"(?:(?P<new>[\w'.:]+(?:\s+[\w'.:]+){0,2}?)\s*,?\s+not\s+(?:the\s+)?(?P<old>[\w'.:]+(?:\s+[\w'.:]+)?)"
                   r"|not\s+(?P<old2>[\w'.:]+(?:\s+[\w'.:]+)?)\s*[,;-]+\s*(?:but\s+|it'?s\s+)?(?P<new2>[\w'.:]+(?:\s+[\w'.:]+)?))"
                   r"[\s.!]*(?:,?\s*(?:sorry|pls|please|thanks|thx))?"
                   r"(?:[\s.!]*(?:pls\s+|please\s+)?(?:send|do|email|text|use)\s+(?:that|it|this)(?:\s+one)?\s+instead)?[\s.!]*$",
                   re.I)
#: What names a file after its words ("the q3 rpt"): put right with them where the new words name one of their own
_FILE_TAIL = r"(?:\s+(?:rpt|report|pdf|doc|document|file|slides|deck|sheet|spreadsheet))?"
#: "oops wrong person, that was meant for sarah": the person put right
_MEANT_FOR = re.compile(r"\bwrong\s+(?:person|one|guy|contact)\b[\s,.!-]*(?:(?:that|it|the)(?:\s+(?:text|email|e-mail|mail|message|msg|"
                        r"one))?\s+was\s+)?(?:meant|supposed\s+to\s+go|"
                        r"for)\s+(?:for\s+|to\s+)?(?P<who>[A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)?)[\s.!]*$", re.I)


#: "wrong one sorry, the handbook", "wrong file - I meant my lisbon itinerary": the file put right
_WRONG_FILE = re.compile(r"\bwrong\s+(?:one|file|doc|document|attachment|pdf|report)\b[\s,.!-]*(?:sorry[\s,.!-]*)?"
                         r"(?:i\s+meant\s+|it'?s\s+|should\s+(?:have\s+)?be(?:en)?\s+|send\s+)?"
                         r"(?P<what>(?:the|my|our)\s+[\w' -]{2,40}?)[\s.!]*$", re.I)


def swapped_request(query: str, earlier: list[str], looked_up: list[str]) -> str | None:
    """"email sarah that the customer demo is on thursday", then "sorry, friday not thursday": the request before
    with the word put right ("... on friday"), planned again whole; "oops wrong person, that was meant for sarah" puts
    the person right the same way. None where the word corrected is not one of the request before."""
    if not earlier:
        return None
    prev = earlier[-1]
    m = _SWAP.match(query)
    if m:
        new, old = (m.group("new") or m.group("new2")).strip(" .:"), (m.group("old") or m.group("old2")).strip(" .:")
        if any(old.lower() == n.lower() or set(old.lower().split()) <= set(n.lower().split()) for n in looked_up):
            return None  # a person put right: corrected_request's ("no not marcus - yuki", "not Kowalski")
        pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)", re.I)
        if new.lower() != old.lower() and pattern.search(prev) and not pattern.search(new):
            if re.match(r"(?:the|my|our)\s", new, re.I):  # "the handbook" for "the q3 rpt": the whole of the old name
                # (and the words before it: "the team handbook" for "the handbook")
                whole = re.compile(rf"(?<!\w)(?:(?:the|my|our)\s+(?:[\w'-]+\s+){{0,2}}?)?{re.escape(old)}{_FILE_TAIL}(?!\w)",
                                   re.I)
                return whole.sub(lambda _: new, prev, count=1)
            return pattern.sub(lambda _: new, prev, count=1)
        return None
    m = _MEANT_FOR.search(query)
    if m:
        return corrected_request(f"i meant {m.group('who')}", earlier, looked_up)
    m = _WRONG_FILE.search(query)
    named = re.search(rf"\b(?:the|my|our)\s+(?:[\w'-]+\s+){{0,3}}?{FILE_NOUN}\b", prev, re.I) if m else None
    if m and named and m.group("what").lower() not in named.group(0).lower():
        return prev[:named.start()] + m.group("what").strip() + prev[named.end():]
    return None


#: What a correction says around what it puts right: "Oh dear, I am sorry,", "Sorry, I've just realised", a title
_AROUND = re.compile(r"^\s*(?:(?:oh|ah|ach|och|argh|er|erm|dear|sorry|so|very|terribly|really|i\s+am|i'?m|wait|no|nope|actually|oops|hmm|"
                     r"i'?ve\s+just\s+reali[sz]ed|i\s+just\s+reali[sz]ed|just\s+reali[sz]ed|i\s+reali[sz]ed|my\s+bad)\b[\s,.!:-]*)+",
                     re.I)
_TITLED = re.compile(rf"\b{TITLE_WORD}\.?\s+(?=[A-Z])")
#: ... and why, after what it puts right: "... not Wednesday; the committee meeting got pushed back."
_WHY_AFTER = re.compile(r"(\bnot\s+[^;.!?]+?)\s*[;.!?]\s+\S.*$", re.I | re.S)


def _trimmed(query: str) -> str:
    """A correction without its apologies, the reason after it and the courtesy titles of names: "Sorry, I've just
    realised I meant Thursday, not Wednesday; the meeting got pushed back." -> "I meant Thursday, not Wednesday"."""
    text = _AROUND.sub("", _WHY_AFTER.sub(r"\1", _TITLED.sub("", query.strip()))).strip()
    m = re.match(r"(?!(?:i\s+)?(?:mean|meant|is|it'?s|its|it\s+is)\b)(?P<new>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s*,?\s+not\s+\w",
                 text, re.I)
    if m and not set(m.group("new").lower().split()) & {"thanks", "thank", "thx", "ok", "okay", "now", "later", "yet",
                                                         "yes", "just", "that", "this", "it"}:
        text = f"I meant {text}"  # ("no sorry, priya, not marcus")
    return text or query


def request_again(query: str, earlier: list[str], looked_up: list[str], answer: str) -> tuple[str, str] | None:
    """The request before, to plan again whole with what this follow-up changes, and in words what that is;
    None when it changes nothing of it."""
    trimmed = _trimmed(query)
    if trimmed != query:  # ("Oh dear, I am sorry, I meant Mrs. Aisha Okafor, not Mrs. Kowalski.")
        again = request_again(trimmed, [_TITLED.sub("", e) for e in earlier],
                              [re.sub(rf"^{TITLE}", "", n) for n in looked_up], answer)
        if again:
            return again
    for fixed, why in ((lambda: swapped_request(query, earlier, looked_up), "with what you put right"),
                       (lambda: corrected_request(query, earlier, looked_up), "with the person you named"),
                       (lambda: retimed_request(query, earlier), "at the time you gave"),
                       (lambda: relengthed_request(query, earlier), "with the length you gave"),
                       (lambda: invited_request(query, earlier), "with the people you invited"),
                       (lambda: picked_request(query, earlier, answer), "with the email you picked"),
                       (lambda: other_way_request(query, earlier, answer), "the way you asked"),
                       (lambda: rerouted_request(query, earlier), "by the way you go")):
        if text := fixed():
            return text, why
    return None


#: The changes whose new plan makes a second item beside the first: what the answer says of the first.
MADE_AGAIN = {"at the time you gave", "with the length you gave", "with the people you invited", "with what you put right"}
KEPT_NOTE = ("This is a new one, made again with your change: the one made before is still there, unchanged "
             "(no tool of mine can move, change or delete it).")
