"""Replies and forwards: which received email one means (the person's words for it, put in the step), one
asked for but planned as a new email, one planned where no received email is spoken of (guards people)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tinyagent.nodes.plans.planlang import Task, dependency_order, format_call, is_ref, renumbered, unused_dropped
from tinyagent.nodes.request.lexicon import COURTESY, EMAIL_NOISE, TITLE, TITLE_WORD, TITLES
from tinyagent.nodes.request.reading import Request, as_request
from tinyagent.nodes.request.words import content_words, phrase_words, text_words
from tinyagent.tools.specs import ToolSpec
from tinyagent.nodes.rules.registry import rule
from tinyagent.nodes.rules.opening import opening_verb

_NOUN = r"(?:e-?mails?|mails?|messages?|msgs?|invites?|invitations?|thread)"
_WORD = r"[\w&-]+(?:\.\w+)*"
#: "sarah's q3 report email", "yesterday's email", "the firmware notes email": what stands between a
#: possessive or a determiner and the noun
_BEFORE = re.compile(rf"(?:\b({_WORD}'s|(?:yester|to|mon|tues|wednes|thurs|fri|satur|sun)days)|"
                     rf"\b(?:the|that|this|his|her|their|my|a|an|your))\s+((?:{_WORD}\s+){{0,3}}){_NOUN}\b", re.I)
#: "email from Omar about the garden", "the message regarding the invoice"
_AFTER = re.compile(rf"\b{_NOUN}\s+((?:from|by|of|about|regarding|re:?|on|with the subject|titled|called|with\s+the(?!\s+(?:summary|link|answer|info|information|details|results?|numbers?)\b))\s+"
                    rf"[^,.;:!?\"\n]*?)(?=\s+(?:to|and|&|saying|say|tell|with|w/?|cc|asking|but|then|plus)(?:\b|\s)|[,.;:!?\"\n]|$)",
                    re.I)
#: "reply to lucas about the invoice", "forward the firmware notes to yuki", "fwd omar's quote to tom", "pass the
#: offsite agenda on to yuki"
_VERB = re.compile(r"\b(?:(?:repl(?:y|ies|ied)|respond|write back)\s+to|answer|forward|fwd|pass on|send on|"
                   r"(?:pass|send|flick|shoot|bung|pop|chuck)(?=\s+[^,.;:!?\n]{1,40}?\s+(?:on|along|over)\s*to\b))\s+"
                   r"(?!(?:saying|say|that|and|with|telling|tell|asking|to|cc|back)\b)"
                   r"((?:the\s+|that\s+|this\s+|his\s+|her\s+|their\s+)?[^,.;:!?\"\n]*?)"
                   r"(?=\s+(?:to|and|&|saying|say|tell|that|with|cc|asking|but|then|plus|on to|onto|along to)\b|\s[-–]\s|"
                   r"[,.;:!?\"\n]|$)",
                   re.I)
_POINTER = re.compile(r"\b(that|this|the same|the last|that last)\s+(e-?mail|mail|message|one)\b"
                      r"|\b(forward|fwd|reply to|answer|pass on|send on) (it|that|this)\b(?!\s+(?:is|was|\w+\s+e-?mail)\b)"
                      # "i meant reply to him: paid already" after his email was forwarded: that email
                      r"|\b(?:reply|respond|write back) to (?:him|her|them)\b",
                      re.I)
#: A pick of the email made only of pronouns and fillers ("him"): no pick at all
_NO_PICK = {"him", "her", "them", "it", "that", "this", "one", "he", "she", "they", "his", "their"}
#: "Sarah sent me two mails", "the email Omar sent about the hedges": who sent it, and what about
_SENT_BY = re.compile(r"\b([A-Za-z][\w'-]*)\s+(?:sent|wrote|mailed|emailed)\s+(?:me\s+|us\s+)?(?:(?:about|regarding|re:?)\s+"
                      r"([^,.;:!?\"\n]*?)(?=\s+(?:to|and|saying|say|tell|-)\b|[,.;:!?\"\n]|\s-\s|$))?", re.I)
#: Words before "sent" that are not its sender ("she sent", "the one i sent", "just sent")
_NOT_SENDER = {"i", "she", "he", "they", "we", "you", "who", "that", "which", "it", "one", "just", "already", "email",
               "mail", "message", "was", "were", "been", "have", "has", "had"}
#: "his email", "her last mail": the email of the person the turn before spoke of
_THEIR_EMAIL = re.compile(r"\b(?:his|her|their)\s+(?:last\s+|latest\s+)?(?:e-?mail|mail|message|msg)\b", re.I)
#: The turn before did nothing: declined or failed
_NOTHING_DONE = re.compile(r"^Assistant: (?:I can't do that|I could not|Nothing was run|I did not)", re.M)
#: Words of the turn before that say what was asked of the person, not who or what about ("call", "text")
_NOT_ABOUT = {"call", "ring", "phone", "text", "txt", "email", "mail", "message", "remind", "tell", "ask", "book",
              "meet", "meeting", "please", "pls", "can", "could", "you"}
#: "re the q3 draft: reply that ...": the email's subject said first
#: "the mail that came in yesterday", "the email I received this morning", "the message I got on friday": its day
_CAME = re.compile(rf"\b{_NOUN}\s+(?:that\s+|which\s+)?(?:i\s+)?(?:came(?:\s+in)?|arrived|got|received|was\s+sent)\s+"
                   r"((?:this\s+|on\s+|last\s+)?(?:yesterday|today|morning|afternoon|evening|tonight|monday|tuesday|wednesday|"
                   r"thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b", re.I)
#: "Got an email on Friday, reply to it": the day it came
_GOT = re.compile(rf"\b(?:got|received|had)\s+(?:an?|the|that|this)\s+{_NOUN}\s+((?:on\s+|last\s+|this\s+)?(?:yesterday|today|"
                  r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b", re.I)
#: "a message from the travel agent, Mr Kim, regarding ...": who the sender is, said after what they are
_APPOSITIVE = re.compile(rf"\bfrom\s+(?:the|my|our)\s+(?:(?!(?:to|for|and|about|with)\b)[a-z][\w'-]*\s?){{1,3}},\s+"
                         rf"({TITLE}?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*,")
_LEAD_RE = re.compile(r"^\s*(?:re|regarding)\s*:?\s+((?:the\s+)?[^,.;:!?\n]{2,40}?)\s*[:,-]", re.I)
#: "sarah's email with the q3 report": the email a file came with
_WITH_FILE = re.compile(rf"'s\s+{_NOUN}\s+with\s+(?:the\s+)?((?:[\w'-]+\s+){{0,3}}?(?:report|pdf|file|itinerary|invoice|quote|"
                        r"agenda|notes|draft|slides|document|doc|attachment))\b", re.I)
#: "marcus 2.1 mail, reply pls: ...", "omar's quote email - fwd to tom": the email named first, then what to do with it
_LEAD_MAIL = re.compile(r"^\s*((?:[\w'.&-]+\s+){1,4}?)(?:e-?mail|mail|message|msg)\s*[,:;-]\s*(?:(?:pls|please|plz|can\s+you|"
                        r"could\s+you)\s+)?(?:repl(?:y|ies)|answer|respond|write\s+back|fwd|forward)\b", re.I)
#: A subject shown by an earlier turn's result: "email 'Re: Q3 report' to ...", "Sarah Lee's email 'Q3 ...'"
_SHOWN = re.compile(r"email '([^']+)'")
#: The roles whose values are not words about the email: the people it goes to (the text to send often
#: repeats the request's words for the email, so it does not count).
_OTHER_ROLES = {"person", "people"}


#: "forward sarah's q3 email to", "fwd the message from Omar": a forward of something named as an email
_FORWARD = re.compile(r"\b(?:forward|fwd|fw|pass on|send on)\s+[^,.;:!?\n]{0,40}?\b" + _NOUN + r"\b", re.I)
#: "reply to Priya", "respond to the landlord's email", "write back to Sam": answering an email
_REPLY = re.compile(r"\b(?:repl(?:y|ies)|respond|write back)\s+to\b|\banswer\s+[^,.;:!?\n]{0,30}?\b" + _NOUN + r"\b",
                    re.I)


def email_words(query: str, said: set[str]) -> str:
    """The words of ``query`` that describe which email it speaks of, without those of ``said`` (names
    looked up for the recipients, the text to send): "sarah's q3 report", "from omar about the garden", ""."""
    found: list[str] = []
    query = re.sub(rf"\b({TITLE_WORD})\.(?=\s+[A-Z])", r"\1", query)  # ("from Mr. Omar Haddad about": no sentence ends)
    for rx in (_LEAD_RE, _LEAD_MAIL, _BEFORE, _AFTER, _VERB, _CAME, _WITH_FILE, _APPOSITIVE):
        for m in rx.finditer(query):
            found += [w for g in m.groups() if g for w in phrase_words(re.split(r"\b(?:saying|say|telling)\b", g)[0])]
    # ("Got an email on Friday": the day it came, "friday's", which the inbox reads as that day's, not a subject word)
    found += [f"{m.group(1).split()[-1].lower()}'s" for m in _GOT.finditer(query)
              if m.group(1).split()[-1].lower() not in ("morning", "afternoon", "evening", "night")]
    for m in _SENT_BY.finditer(query):
        if m.group(1).lower() not in _NOT_SENDER:
            found += phrase_words(m.group(1)) + (phrase_words(m.group(2)) if m.group(2) else [])
    keep = [w for w in found if w.removesuffix("'s") not in said and w not in EMAIL_NOISE and w != "with" and w not in TITLES]
    if not set(keep) - {"at", "to", "for", "from", "by", "of", "on", "in", "with", "please", "pls", "it"}:
        return ""  # ("forward it please at David Kim": nothing about which email; the newest)
    named = [w for w in keep if w not in {"him", "her", "them"}]  # ("forward him sarah's email": sarah's, not him)
    if set(named) - {"from", "by", "of", "about", "to", "re", "regarding", "on"}:
        keep = named
    out: list[str] = []
    for w in keep:
        if w not in out:
            out.append(w)
    return " ".join(out)


def _swapped(t: Task, spec: ToolSpec, param: str, query: str) -> Task | None:
    """The step with its email and its message the right way round, where the model wrote the person's words for the
    email as the message and words of the message as the email: "reply to priya's lunch email, friday 12:30 works
    great" planned ``reply_to_email(context="Priya's lunch email", message_id="friday 12:30")``, which two emails
    fit. The message becomes what the request says after the email's words; None when it is not so."""
    message = next((p.name for p in spec.params if p.role == "message"), None)
    picked, text = t.args.get(param), t.args.get(message) if message else None
    m = next((m for rx in (_BEFORE, _AFTER) for m in rx.finditer(query)), None)
    if not (isinstance(picked, str) and isinstance(text, str) and m) or is_ref(picked) is not None:
        return None
    about = {w.removesuffix("'s") for w in phrase_words(m.group(0))} - EMAIL_NOISE
    rest = re.sub(r"^[\s,;:\-]+", "", query[m.end():]).strip().rstrip(".!")
    have_text = {w.removesuffix("'s") for w in phrase_words(text)} - EMAIL_NOISE
    have_pick = {w.removesuffix("'s") for w in phrase_words(picked)} - EMAIL_NOISE
    rest_words = {w.removesuffix("'s") for w in phrase_words(rest)}
    if not (have_text and have_text <= about and have_pick and have_pick <= rest_words and not have_pick & about):
        return None
    words = " ".join(w for w in dict.fromkeys(phrase_words(m.group(0))) if w.removesuffix("'s") not in EMAIL_NOISE)
    return replace(t, args={**t.args, param: words, message: rest[:1].upper() + rest[1:]})


#: "Priya's email about the lunch, can you answer it?": an email named, then answered as "it"
_ANSWER_IT = re.compile(r"\b(?:answer|reply\s+to|respond\s+to|write\s+back\s+to)\s+(?:it|that|this)(?:\s+one)?\b", re.I)
_AN_EMAIL_NAMED = re.compile(r"\b[a-z][\w-]*'s\s+(?:[\w-]+\s+){0,2}(?:e-?mail|mail|message)\b|\b(?:e-?mail|mail|message)\s+"
                            r"(?:from|about)\s+[a-z]", re.I)


@rule("answered_is_a_reply", "compile",
      "'Priya's email about the lunch, can you answer it? Tell her ...' is a reply to that email, not a new email",
      "people")
def answered_is_a_reply(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """Planned as a new email to Priya: a first request that names an email it received and asks to answer "it", whose
    plan writes one new email and no reply, replies to that email with the email's text (its attachments kept); the
    look-up of the person it was going to is dropped."""
    request = as_request(query)
    if request.context or "reply_to_email" not in specs or not _ANSWER_IT.search(request.query) \
            or not _AN_EMAIL_NAMED.search(request.query):
        return None
    new = [t for t in tasks if t.tool == "compose_new_email"]
    if len(new) != 1 or any(t.tool == "reply_to_email" for t in tasks):
        return None
    mail = new[0]
    reply = Task(mail.id, "reply_to_email", {k: v for k, v in mail.args.items() if k in ("context", "attachments", "cc")},
                 tuple(d for d in mail.deps if any(is_ref(v) == d for v in [*(mail.args.get("attachments") or []),
                                                                            *(mail.args.get("cc") or [])])))
    out = [reply if t is mail else t for t in tasks]
    return unused_dropped(out, lambda t: t.tool in specs and "person" in specs[t.tool].roles) or out


@rule("name_received_email", "compile",
      "a reply or forward gets the person's words for which email it means (and its message, where the model swapped "
      "the two)", "people")
def name_received_email(tasks: list[Task], specs: dict, query: str | Request, context: str = "") -> list[Task] | None:
    """A reply or forward step (a tool with a "received" parameter) left without it gets the person's words
    for the email ("david's lisbon"), or, for "that email" in a follow-up, the subject the conversation last
    showed; the tool finds the email they fit, and says which it took or that none or two fit."""
    said: set[str] = set()  # names looked up: not words about the email
    for t in tasks:
        roles = {p.name: p.role for p in specs[t.tool].params} if t.tool in specs else {}
        for name, v in t.args.items():
            for item in v if isinstance(v, list) and roles.get(name) in _OTHER_ROLES else [v]:
                if roles.get(name) in _OTHER_ROLES and isinstance(item, str) and not is_ref(item):
                    said.update(w.removesuffix("'s") for w in phrase_words(item))
    request = as_request(query, context=context)
    query, context = request.read, request.context
    words = email_words(query, said)
    if words and request.query != query:  # a word the typo corrector changed is kept as typed too ("offsite": "office")
        words = " ".join(dict.fromkeys(words.split() + email_words(request.query, said).split()))
    if set(words.split()) <= _NO_PICK:  # ("reply to him": no words for the email)
        words = ""
    if not words and _POINTER.search(query) and context:
        shown = _SHOWN.findall(context)
        words = re.sub(r"(?i)^\s*((re|fwd?)\s*:\s*)+", "", shown[-1]) if shown else ""
    if not words and (_THEIR_EMAIL.search(query) or _POINTER.search(query)) \
            and _NOTHING_DONE.search(context.rsplit("\nUser:", 1)[-1]):
        # "reply to his email instead" after "call lucas about the invoice" was declined: the person and what about;
        # "fine, forward it to james then" after "print lucas's invoice email" was declined: that email
        asked = [line[5:] for line in context.splitlines() if line.startswith("User:")]
        words = " ".join(w for w in text_words(asked[-1]) if w not in _NOT_ABOUT) if asked else ""
    out, changed = [], False
    for t in tasks:
        spec = specs.get(t.tool)
        param = (spec.with_role("received") if spec else None)
        if param is not None and (swapped := _swapped(t, spec, param, request.query)) is not None:
            out.append(swapped)
            changed = True
            continue
        picked = t.args.get(param) if param else None
        # (or words of the message itself: "Got an email on Friday, reply to it and tell him go for it, Thursday's
        # sweet by me" planned with the email "Thursday's sweet by me")
        from tinyagent.nodes.rules.messages import dictated  # (messages reads this module: imported here)

        told = dictated(request.query).lower()
        of_message = isinstance(picked, str) and bool(words.strip()) and is_ref(picked) is None and bool(told) \
            and re.search(re.escape(picked.strip().lower()), told) is not None \
            and not set(phrase_words(picked)) & set(words.split())
        if param is None or (picked and not of_message and not (isinstance(picked, str) and words.strip()
                                                                 and set(re.findall(r"[a-z']+", picked.lower())) <= _NO_PICK)):
            out.append(t)
            continue
        if words.strip():
            out.append(replace(t, args={**t.args, param: words}))
            changed = True
        else:
            out.append(t)
    return out if changed else None


def target_of(tool: Any, args: dict) -> str | None:
    """What a step acts on, in words, where its tool says (``metadata["target"]``: the email a reply answers)."""
    describe = (getattr(tool, "metadata", None) or {}).get("target")
    if describe is None:
        return None
    try:
        return describe(args)
    except Exception as exc:  # noqa: BLE001 - a description must never stop the plan
        return f"(could not tell: {exc})"


@rule("received_for_asked", "compile",
      "'forward/reply to X's email' planned as a new email is the forward or reply", "people")
def received_for_asked(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """A request to forward or answer an email the person got, planned as a new email, gets the forward
    (a "received" tool that takes people) or the reply (one that does not): "forward sarah's q3 report
    email to Lucas" planned as ``compose_new_email(recipients=["$1"], subject="Q3 report")`` would send
    a new, empty email. A reply goes to the sender, so its recipients and their look-ups go."""
    request = as_request(query)
    forward, reply = bool(_FORWARD.search(request.read)), bool(_REPLY.search(request.read))
    if forward == reply or not request.speaks_of_received_email or any(
            "received" in specs[t.tool].roles for t in tasks if t.tool in specs):
        return None
    received = [s for s in specs.values() if "received" in s.roles]
    takes_people = [s for s in received if any(p.required and p.role == "people" for p in s.params)]
    target = (takes_people if forward else [s for s in received if s not in takes_people])
    news = [t for t in tasks if t.tool in specs and {"people", "message", "attachments"} <= specs[t.tool].roles]
    if len(target) != 1 or len(news) != 1:
        return None
    target, new = target[0], news[0]
    roles = {p.name: p.role for p in specs[new.tool].params}
    args = {}
    for p in target.params:
        value = new.args.get(p.name)
        if value in (None, "", []) or p.role == "received" or (roles.get(p.name) != p.role):
            continue
        args[p.name] = value
    if forward and not any(args.get(p.name) for p in target.params if p.required):
        return None
    gone = set() if forward else {v for p, v in new.args.items() if roles.get(p) == "people" for v in
                                  (v if isinstance(v, list) else [v]) if is_ref(v)}
    out = []
    for t in tasks:
        if t is new:
            out.append(replace(t, tool=target.name, args=args, deps=tuple(d for d in t.deps if f"${d}" not in gone),
                               line=f"{t.id}. {format_call(target.name, args)}"))
        elif f"${t.id}" in gone and "person" in specs[t.tool].roles and not any(
                f"${t.id}" in repr(o.args) for o in tasks if o is not new):
            continue  # the look-up of the sender a reply goes to anyway
        else:
            out.append(t)
    return renumbered(out, min(t.id for t in tasks)) if len(out) != len(tasks) else out


#: "... to Tom Becker", "... on to my sister": who a forward goes to, as the request says it
_TO_WHOM = re.compile(rf"\b(?:to|on to|onto)\s+({TITLE}?(?:[A-Z][\w'-]*|my\s+\w+)(?:\s+[A-Z][\w'-]*)?)"
                      # typed in lower case: one name, then the end of the ask ("fwd marcus firmware mail to yuki")
                      r"|\b(?:to|on to|onto)\s+(?!(?:me|the|him|her|them|us|my|our|your|a|an|it|this|that|everyone|all|"
                      r"do|be|say|tell|ask|check|see|read|let|attach|send|forward|fwd|reply|email|mail|text|call|go|come|"
                      r"get|make|put|add|remind|book|pay|bring|take|have|keep|meet|show|look|find|open|review|sign)\b)([a-z][a-z'-]+(?:\s+(?!(?:and|with|pls|please|plz|asap|too|"
                      r"thanks|thx|now|today|tonight|tomorrow|tmrw|so|because|since|as|also|then|first|later|right|for|"
                      r"at|on|in|by)\b)[a-z][a-z'-]+)?)(?=\s*(?:$|[,.!?;]|\s(?:and|with|pls|please|"
                      r"plz|asap|too|thanks|thx|now|today|so|because|since)\b))")


@rule("forward_to_named", "compile",
      "a forward looked up for the email's own sender goes to the person named after 'to'", "people")
def forward_to_named(tasks: list[Task], specs: dict, query: str | Request) -> list[Task] | None:
    """A forward whose recipient is looked up by the name of the email's own sender ("Forward Omar's garden
    quote email to Tom Becker" planned as a look-up of Omar), by the words for the email ("marcus's release
    notes"), or by words the person never said (a name taken from an earlier answer: "Nov The text See")
    goes to the person the request sends it to."""
    request = as_request(query)
    said = request.words | request.earlier_words
    query = request.read
    to = [m.group(1) or m.group(2) for m in _TO_WHOM.finditer(query)]
    if len(to) != 1:
        return None
    target = to[0].strip()
    words = set(email_words(query, set()).replace("'s", " ").split())
    by_id = {t.id: t for t in tasks}
    out, changed = list(tasks), False
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None or "received" not in spec.roles:
            continue
        for p in spec.params:
            if p.role != "people" or not p.required:
                continue
            swapped = _email_as_recipient(t, spec, p.name, target, words)
            if swapped is not None:  # ("fwd marcus's firmware 2.1 notes to priya": the email and whom it goes to swapped)
                out[out.index(t)] = swapped
                changed = True
                continue
            for ref in t.args.get(p.name) or []:
                k = is_ref(ref) if isinstance(ref, str) else None
                look = by_id.get(k) if k else None
                if look is None:
                    continue
                name_param = next((q.name for q in specs[look.tool].params if q.role == "person"), None)
                name = str(look.args.get(name_param, "")) if name_param else ""
                named = set(name.lower().replace("'s", " ").split()) - TITLES  # ("Mr Omar Haddad")
                own = content_words(name)
                unsaid = bool(own) and 2 * len(own & said) < len(own)  # (mostly words the person never said)
                # (or a name of an earlier turn only, where this request sends it to someone it names: "also fwd that
                # invoice mail to elena" after "remind me to pay lucas's invoice")
                before = bool(own) and not own & request.words and target.lower() in " ".join(request.words)
                if name and (named <= words or unsaid or before) and name.lower() not in target.lower():
                    out[out.index(look)] = replace(look, args={**look.args, name_param: target})
                    changed = True
    return _one_lookup_per_name(out, specs) if changed else None


def _email_as_recipient(t: Task, spec, people: str, target: str, words: set[str]) -> Task | None:
    """The forward with the email's words written as its recipient and the person it goes to as the email
    (``forward_email(recipients=["marcus's firmware 2.1 notes"], message_id="priya")``) put the right way round."""
    sent = t.args.get(people)
    which = spec.with_role("received")
    if not isinstance(sent, list) or len(sent) != 1 or not isinstance(sent[0], str) or is_ref(sent[0]) is not None \
            or which is None:
        return None
    about = sent[0]
    own = set(about.lower().replace("'s", " ").split())
    if target.lower() in about.lower() or not ("'s" in about or own <= words) or len(own) < 2:
        return None
    args = {**t.args, people: [target]}
    chosen = t.args.get(which)
    if chosen is None or isinstance(chosen, str) and set(chosen.lower().split()) <= set(target.lower().split()):
        args[which] = about
    return t.with_args(args)


def _one_lookup_per_name(tasks: list[Task], specs: dict) -> list[Task]:
    """The tasks with a second look-up of the same name by the same tool dropped, its users pointed at the first, and a
    list that names both once ("fwd the invoice from lucas to tom becker": Lucas's look-up became Tom Becker's, beside
    the plan's own)."""
    first: dict[tuple[str, str], int] = {}
    same: dict[int, int] = {}
    for t in tasks:
        spec = specs.get(t.tool)
        name_param = next((q.name for q in spec.params if q.role == "person"), None) if spec else None
        if name_param and isinstance(t.args.get(name_param), str):
            key = (t.tool, " ".join(t.args[name_param].casefold().split()))
            if key in first:
                same[t.id] = first[key]
            else:
                first[key] = t.id
    if not same:
        return tasks
    out = []
    for t in tasks:
        if t.id in same:
            continue
        args = {k: (list(dict.fromkeys(f"${same.get(is_ref(x), is_ref(x))}" if isinstance(x, str) and is_ref(x) else x
                                       for x in v)) if isinstance(v, list) else v) for k, v in t.args.items()}
        out.append(replace(t, args=args, deps=tuple(sorted({same.get(d, d) for d in t.deps}))))
    return renumbered(out, tasks[0].id)


_NEW_MAIL_VERBS = {"email", "e-mail", "mail", "write", "message", "msg"}
#: "Would you send her an email to ask whether ...": a new email, as "email her ..." is
_SEND_AN_EMAIL = re.compile(r"\bsend\s+(?:\w+\s+){0,2}?an?\s+(?:new\s+|short\s+|quick\s+)?(?:e-?mail|mail)\b", re.I)
_MAIL_IT_BACK = re.compile(r"\b(?:e-?mail|mail|write|message|msg)\s+(?:\w+\s+)?(?:back|that|this|it)\b", re.I)


def _unused_lookups(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task]:
    """The steps that look a person's address up (a tool with a "person" parameter) whose result no step uses."""
    used = {d for t in tasks for d in t.deps}
    return [t for t in tasks if t.id not in used and t.tool in specs
            and any(p.role == "person" for p in specs[t.tool].params) and "email" in t.tool]


@rule("mail_to_a_mail", "compile",
      "a message addressed only to another message's result, with nothing of its own to send, is dropped", "people",
      reads="specs")
def mail_to_a_mail(tasks: list[Task], specs: dict[str, ToolSpec]) -> list[Task] | None:
    """"email aisha asking if my blood test results are in" was planned with a reply to Aisha and a new email to the
    reply's result ("$2"), which carried nothing; once the reply is a new email (new_email_for_unasked_reply), the
    second goes: a step that sends a message (people and a text) to recipients that are all other such steps'
    results, with no text and no files of its own, is dropped where no step uses it."""
    senders = {t.id for t in tasks if (sp := specs.get(t.tool)) and sp.with_role("people") and sp.with_role("message")}

    def empty_echo(t: Task) -> bool:
        sp = specs.get(t.tool)
        if t.id not in senders or not sp or sp.with_role("received"):  # (a forward to it: forward_says_it's)
            return False
        to = t.args.get(sp.with_role("people")) or []
        text = t.args.get(sp.with_role("message"))
        files = t.args.get(sp.with_role("attachments") or "")
        return bool(to) and all(is_ref(x) in senders for x in to) and not files \
            and (not text or is_ref(text) is not None)
    return unused_dropped(tasks, empty_echo)


@rule("new_email_for_unasked_reply", "compile",
      "a reply or forward where the request speaks of no received email is a new email", "people")
def new_email_for_unasked_reply(tasks: list[Task], specs: dict[str, ToolSpec], query: str,
                                context: str = "") -> list[Task] | None:
    """On a first turn whose request speaks of no email the person got, a reply or a forward (a
    tool with a "received" parameter) becomes a new email with the same people, text and files:
    "Attach my resume to an email to Camille" planned as ``forward_email(recipients=["$2"], ...)``
    would pass on whatever email came last. The new-email tool is the one tool that takes people,
    a message and attachments and answers nothing; None when there is no such tool or no such step.
    ``query``: the request read with its typos corrected where the caller has it."""
    request = as_request(query, context=context)
    if request.speaks_of_received_email:
        return None
    # a follow-up may speak of an email shown before ("reply to that"): only "email him ..." with a
    # person looked up for nothing is a new email to that person
    # ("email him back saying thanks" replies, "email that to sarah" forwards the email shown)
    new_mail = opening_verb(request.query) in _NEW_MAIL_VERBS or bool(_SEND_AN_EMAIL.search(request.query))
    unused = _unused_lookups(tasks, specs) if request.context and new_mail \
        and not _MAIL_IT_BACK.search(request.query) else []
    added = _to_whom_before(tasks, specs, request) if request.context and not unused else None
    if added:
        tasks, unused = added  # ("whats james's email", then "send him the team handbook": a new email to him)
    if request.context and not unused:
        return None
    targets = [n for n, s in specs.items() if {"people", "message", "attachments"} <= s.roles
               and "received" not in s.roles]
    if len(targets) != 1:
        return None
    target = specs[targets[0]]
    people = [p for p in target.params if p.role == "people"]
    main = next((p for p in people if p.required), people[0])
    out, changed, dropped = [], False, False
    for t in tasks:
        spec = specs.get(t.tool)
        if spec is None or "received" not in spec.roles:
            out.append(t)
            continue
        args: dict[str, Any] = {}
        for p in spec.params:
            value = t.args.get(p.name)
            if value in (None, "", []) or p.role == "received":
                continue
            same = next((q for q in target.params if q.name == p.name and q.role == p.role), None) or \
                next((q for q in target.params if q.role == p.role and p.role in ("message", "attachments")), None)
            if same is not None:
                args[same.name] = value
        if not args.get(main.name):  # a reply's cc is who the new email goes to
            for p in people:
                if p is not main and args.get(p.name):
                    args[main.name] = args.pop(p.name)
                    break
        if not args.get(main.name) and unused:  # "email him asking ...": the person looked up
            args[main.name] = [f"${unused[0].id}"]
            t = replace(t, deps=tuple(sorted({*t.deps, unused[0].id})))
        if not args.get(main.name):
            # a reply to no one beside a new email the plan writes anyway ("Reckon I need a quick 30 min meeting with
            # Lucas ... email him so he knows" planned with a reply of the request's words first): it goes
            if not request.context and any(_sends(specs.get(x.tool)) for x in tasks) \
                    and t.id not in {d for x in tasks for d in x.deps}:
                changed = dropped = True
                continue
            out.append(t)
            continue
        args = {q.name: args[q.name] for q in target.params if q.name in args}  # in the tool's order
        out.append(replace(t, tool=target.name, args=args, line=f"{t.id}. {format_call(target.name, args)}"))
        changed = True
    if changed and added:  # (the look-up first, the steps numbered on from it)
        return dependency_order(renumbered(out, min(t.id for t in out)), min(t.id for t in out))
    if changed and dropped and out:
        return renumbered(out, tasks[0].id)
    return out if changed else None


#: A follow-up that sends him a file or a few words: "send him the team handbook, hes new"
_SEND_HIM = re.compile(r"^\W*(?:(?:pls|please|ok|okay|now|and|also|then)\W+)*(?:send|email|e-mail|mail)\s+(?:him|her|them)\b", re.I)
#: An email the earlier turns showed or acted on: a reply to it then answers that one
_EMAIL_BEFORE = re.compile(r"'s email '|It (?:answers|forwards) |email '[^']*' of ", re.I)


def _to_whom_before(tasks: list[Task], specs: dict[str, ToolSpec], request: Request) -> tuple[list[Task], list[Task]] | None:
    """A follow-up "send him ..." after turns that showed no email: the plan with a look-up of the person the turn before
    looked up (so the reply it planned becomes a new email to them), and that look-up; None otherwise."""
    from tinyagent.nodes.rules.followups import earlier_people

    if not _SEND_HIM.match(request.query) or _EMAIL_BEFORE.search(request.context):
        return None
    people = earlier_people(request.context)
    look = next((n for n, sp in specs.items() if "person" in sp.roles and "email" in n), None)
    if not people or look is None or not any((sp := specs.get(t.tool)) and "received" in sp.roles for t in tasks):
        return None
    step = Task(max(t.id for t in tasks) + 1, look, {specs[look].with_role("person"): people[-1][-1]}, ())
    return [step, *tasks], [step]


def _sends(spec: ToolSpec | None) -> bool:
    """A tool that sends a new message to people (a new email, a text): people and a message, nothing received."""
    return spec is not None and {"people", "message"} <= spec.roles and "received" not in spec.roles


def _lookup_names(t: Task, tasks: list[Task], specs: dict[str, ToolSpec]) -> list[str] | None:
    """The names the people of sending step ``t`` were looked up by, or None where one is not a look-up."""
    by_id = {x.id: x for x in tasks}
    people = [v for p in specs[t.tool].params if p.role == "people" for v in (t.args.get(p.name) or [])]
    names = []
    for v in people:
        src = by_id.get(is_ref(v))
        name = src.args.get("name") if src is not None and src.tool in specs and \
            any(p.role == "person" for p in specs[src.tool].params) else None
        if not isinstance(name, str):
            return None
        names.append(name)
    return names or None


def _without(tasks: list[Task], drop: set[int]) -> list[Task]:
    """The tasks without ``drop`` and the look-ups only they used, renumbered."""
    used = {d for t in tasks if t.id not in drop for d in t.deps}
    drop |= {d for t in tasks if t.id in drop for d in t.deps if d not in used}
    return renumbered([t for t in tasks if t.id not in drop], tasks[0].id)


@rule("reply_says_it", "compile",
      "'reply to priya's email and tell her X': X is the reply's text, not a new email to someone named by X's words",
      "people")
def reply_says_it(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """A plan with one reply or forward and a new message whose people were looked up by words of what the
    request dictates ("reply to priyas email about the team lunch and tell her friday at 12:30 works for me"
    planned a reply saying "The team lunch" and an email to a contact "friday at 12"): the dictated words are
    the reply's text, and the new message and its look-ups go, unless the request names its people outside the
    dictated words too ("tell her I'll ask Tom, then text tom ...")."""
    from tinyagent.nodes.rules.messages import _words, dictated

    request = as_request(query)
    replies = [t for t in tasks if t.tool in specs and "received" in specs[t.tool].roles]
    said = dictated(request.query)
    if len(replies) != 1 or len(_words(said)) < 2:
        return None
    inside, outside = set(_words(said)), set(_words(request.query.replace(said, " ", 1)))
    # (someone the request also names outside the dictated words is asked for: "..., then text tom to ...")
    strays = {t.id for t in tasks if _sends(specs.get(t.tool)) and (names := _lookup_names(t, tasks, specs))
              and all(set(_words(n)) <= inside and not set(_words(n)) <= outside for n in names)}
    message = next((p.name for p in specs[replies[0].tool].params if p.role == "message"), None)
    if not strays or message is None:
        return None
    out = [t.with_args({**t.args, message: said[:1].upper() + said[1:]}) if t is replies[0] else t for t in tasks]
    return _without(out, strays)


#: What a request closes with to be polite: "..., thank you", "thanks in advance!", "kindly"
_CLOSING = COURTESY | {"in", "advance", "kindly", "many", "so", "much", "very"}


#: Thanks the request asks to send: "text her thanks", "say thank you", "thank him for the flowers", "send her a thank you"
_THANKS_ASKED = re.compile(r"\b(?:say|saying|tell|told|text|txt|sms|e-?mail|mail|message|msg|write|reply|thank|send|drop|shoot)\b"
                           r"[^,.;!?]*\b(?:thank|thanks|thx|ty|cheers)\b", re.I)


@rule("courtesy_no_message", "compile",
      "a second message to the same person made only of the request's 'thank you' is no message", "made-up content")
def courtesy_no_message(tasks: list[Task], specs: dict[str, ToolSpec], query: str | Request) -> list[Task] | None:
    """A new message whose text is only courtesy ("Thank you", from "Please forward David's email with the Lisbon
    flights to Elena Rossi, thank you") to people another step already sends to is dropped, with its look-ups;
    not where the request asks for the thanks ("email sarah the report and text her thanks")."""
    from tinyagent.nodes.rules.messages import _words

    if _THANKS_ASKED.search(as_request(query).query):
        return None

    def recipients(t: Task) -> set[str] | None:
        names = _lookup_names(t, tasks, specs) if t.tool in specs else None
        return {" ".join(_words(n)) for n in names} if names else None
    senders = [t for t in tasks if t.tool in specs and "people" in specs[t.tool].roles and "message" in specs[t.tool].roles]
    drop = set()
    for t in senders:
        text = [t.args[p.name] for p in specs[t.tool].params if p.role == "message" and isinstance(t.args.get(p.name), str)]
        who = recipients(t)
        if _sends(specs[t.tool]) and text and who and all(_words(v) and set(_words(v)) <= _CLOSING for v in text) \
                and any(o is not t and o.id not in drop and recipients(o) == who for o in senders):
            drop.add(t.id)
    return _without(list(tasks), drop) if drop else None
