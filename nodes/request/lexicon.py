"""The English words the request readers and the plan rules look for: each list named, with what it is for."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- asks: where a request is cut into parts, and what starts another ask ------------------------------

#: Verbs that open an ask of its own after "and", "&" or a comma ("..., summarize the report and
#: route me to the gym"). Verbs that only add to the ask before them (invite, attach, ask, say,
#: copy, apologize) are not here: "email Ana and ask about the rent" is one ask (request/segments.py).
ASK_VERBS = _words("""
add append arrange block book buy calculate call cancel check compose compute convert create define
delete dial dim draft email extend fetch figure find fwd forward generate get give jot locate lock
log look lookup mail make map message navigate new open order pass pay ping plan play pull put read
record remind rent reply reserve respond route run save schedule search send set shoot show
sms start stop summarise summarize sum take tell text track translate turn txt unlock update view
wake water work write""")

#: Words that open a request of its own after a full stop, ";", a new line or "then" ("... .
#: What's Ana's number?", "then can you find ...") (request/segments.py).
ASK_OPENERS = _words("i i'd i'm i'll what whats what's where who how can could would will pls please plz "
                     "let need remember")

#: Verbs that go on with the ask before them even after a ";" or a full stop ("mail Raymond about
#: the migration; ask for the updated invoice") (request/segments.py).
CONTENT_VERBS = _words("ask asking say saying apologize apologise propose mention invite inviting include "
                       "including attach attaching thank wish cc copy")

#: Words that start another ask or clause ("weather in paris and remind me ..."), never a further value
#: of a list the plan copied one of (rules/fanout.py): the ask verbs, but for fifteen that were never
#: among them there, and question words, joiners and more verbs.
NOT_LISTED = (ASK_VERBS - _words("arrange compute dial dim fetch generate locate lookup new plan sms summarise "
                                 "txt view water")) | _words(
    "after alert also and answer are ask can change could count do don't drop finally first how i invite is "
    "lastly let light mark me move mute next no note or pause please plus remember share switch then transfer "
    "what when where which who")

#: Verbs in a tool's name that do not name the tool ("find" in ``find_parking``): a request that says
#: them does not ask for that tool (rules/unstated.py).
TOOL_VERBS = _words("find get set show check make create list search open send add update look lookup "
                    "run start stop view read write fetch query")

#: Verbs, even misspelt, that ask for a file itself before its name ("open my resume", "where is the
#: lease") (request/asks.py, ``asks_for_file``).
FILE_VERBS = _words("open find locate path show fetch grab where access launch load read check display")

# -- words that tell texts apart --------------------------------------------------------------------

#: Words too common to tell a request from an example or a made-up value (plan values against the request).
COMMON_WORDS = _words("the and for you your with that this are was can from but not all any our out has "
                      "have its his her him she they them what when who how why will would could should "
                      "about into please pls just also then now one two get let")

#: Words too common for a plan step's values and a part of the request to share (request/segments.py).
PART_STOP = _words("the and for with from about that this your you are can will what when where how into onto "
                   "over under them they their his her its our out new all any get let put set use not but")

#: Words a name copied from the request never starts or ends with ("the Q3 report" -> "Q3 report")
#: (request/spans.py).
NAME_EDGES = _words("the a an my our your his her their to and or of for with me please pls in on at about from "
                    "that this it is i can you also too then send email text call find open get")

# -- parameters by name -----------------------------------------------------------------------------

#: Free-text parameters (the words the person wants written or sent) besides the "message" role
#: (rules/checks.py: no made-up words in them).
FREE_TEXT = _words("content body text message msg note notes description summary context comment memo details")

#: Free text written into the person's files as given (a note's content, a reminder's notes); an email's
#: gist or a message (the "message" role) the planner may word itself ("Thanks" for "thx") (rules/checks.py).
WRITTEN_TEXT = FREE_TEXT - _words("context summary description details comment message msg")

#: Parameters whose text the planner writes in its own words (a reply's gist "Thanks" for "thx"): never
#: dropped as unstated (rules/unstated.py).
OWN_WORDS = (FREE_TEXT - _words("msg memo details")) | _words("reason subject")

#: Free text (a note's content, a message, code, a search) is one value however it is worded: never
#: called once per listed value (rules/fanout.py).
ONE_VALUE = FREE_TEXT | _words("prompt code query")

#: Name parts that say "a count of" rather than what is counted (``num_tickets``) (rules/fit.py).
COUNT_WORDS = _words("num number n count max min total of qty quantity no nb how many desired requested")

#: Words of a person look-up's name and description that do not say which kind of address it finds
#: (rules/lookups.py, ``lookup_for``).
LOOKUP_FILLER = _words("a an the or and of by to get contact name names as is string return returns unknown "
                       "ambiguous error naming candidate invite")

# -- people -----------------------------------------------------------------------------------------

#: Pronouns for one person and for several, in a follow-up (rules/followups.py).
ONE_PERSON = _words("her him she he hers his")
SEVERAL_PEOPLE = frozenset({"them", "they", "both", "everyone", "all of them"})
#: Words that may stand beside a pronoun in a name the planner copied ("her too", "him as well").
PRONOUN_FILLER = _words("too also as well again both of then and")

#: Words that end a list of invited names ("invite Ana and Raj to ...") (rules/invitees.py).
NOT_A_NAME = _words("to for on at about tomorrow today tonight next this the a an in from by re regarding around "
                    "after before and send email text then please pls asap so it that every each over via using "
                    "monday tuesday wednesday thursday friday saturday sunday tmrw tmr noon lunch dinner coffee "
                    "breakfast re: our my me you attach with share also "
                    "mr mrs ms mx miss dr prof "  # (a courtesy title: "to Mrs. Nina Kowalski" names Nina Kowalski)
                    "too grand great lovely brilliant perfect cool super cheers "
                    "righto splendid excellent wonderful marvellous sweet mate ta "
                    "get make book put add create set schedule")  # ("invite them & get a zoom link": a verb)  # ("Righto, text her ...", "Splendid.")  # ("grand, text him ...", "text him too")
#: A courtesy title before a name, as a pattern ("Mrs. Nina Kowalski", "Dr Okafor"); the words alone (TITLES)
TITLE_WORD = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)"
TITLE = rf"(?:{TITLE_WORD}\.?\s+)"
TITLES = _words("mr mrs ms mx miss dr prof mr. mrs. ms. mx. dr. prof.")
#: Words that invite nobody in particular ("invite everyone") (rules/invitees.py).
NOBODY = _words("me us everyone everybody team them him her myself all you people")

# -- received email ---------------------------------------------------------------------------------

#: Words around an email that do not say which one it is ("reply to the email") (rules/received.py).
EMAIL_NOISE = _words("reply replies replied answer respond write back forward fwd pass send on please pls can "
                     "you could and just quickly also the a an that this it one same last my his her their to "
                     "email emails e-mail mail mails message messages msg msgs instead too again then now ok okay ugh")

#: Words too common to show that the request gives a value the plan wrote (rules/unstated.py): the
#: common words and "new".
GIVEN_COMMON = COMMON_WORDS | {"new"}

#: Words of such a phrase that do not say which document ("the lease pdf" is the lease).
DOCUMENT_PLAIN = {"the", "my", "our", "this", "that", "a", "an", "pdf", "doc", "docs", "document", "file", "it", "um", "uh",
          "of", "one", "bit", "part", "section", "page", "with", "about", "from", "s", "documents", "files", "stuff",
          "folder", "pdfs"}
#: What a request may ask about "in my ..." or "according to my ..." that is no document the search reads:
#: the other tools' own stores ("in my notes what did i write about lisbon").
NOT_DOCUMENTS = {"notes", "note", "calendar", "calender", "inbox", "email", "emails", "mail", "mails", "messages",
                 "reminders", "contacts", "phone", "texts"}
#: ... nor a time ("in the morning what do i have", "in the meantime what should i do")
NOT_DOCUMENT_TIMES = {"morning", "afternoon", "evening", "night", "meantime", "meanwhile", "end", "beginning", "past",
                      "future", "week", "weekend", "day", "first", "last", "next"}
#: ... nor a request's own lead-in ("three things: what's 45*19, open my budget note, ...")
NOT_DOCUMENT_LEADS = {"things", "thing", "question", "questions", "quick", "two", "three", "four", "few", "couple",
                      "ok", "okay", "so", "also", "hey", "hi", "and", "then", "one", "last"}
#: Words of what a question about a document asks about that say nothing of it ("about my ... please").
TOPIC_PLAIN = DOCUMENT_PLAIN | {"my", "your", "me", "please", "pls", "quick", "thanks", "anything", "something", "next"}

# -- actions no default tool does ----------------------------------------------------------------

#: What a request or a message says only to be polite: "thank you", "thanks so much", "please" (rules/messages.py,
#: rules/received.py)
COURTESY = _words("thank thanks thankyou thx ty you please pls plz cheers much so very a lot")

#: Verbs that, opening a request, ask for what none of the default tools can do: pay, order, delete,
#: call, play, translate... (of the corpus's first-turn requests, 141 opened by these no tool serves, 1
#: that a tool does; rules/opening.py). Of its follow-ups opening with one, 13 of 14 are declines ("ok pay
#: it"); the other asks for more with a served verb ("cancel that and instead remind me on friday"), which
#: keeps a follow-up planned. A tool of your own whose name or description has the verb serves it. "upgrade",
#: "downgrade", "sync", "switch", "complain", "merge", "freeze" and "unlock" were added later: of the corpus's and the
#: development sets' first turns opening with them whose tools do not name the verb, 15 are declines and none is planned.
#: "withdraw", "exchange", "unregister", "deregister", "unbook", "quit", "dispute" and "insure" later still (from
#: dev8-domains: "withdraw me from the blitz tournament" beside a register tool): 2 such first turns, both declines
#: ("drop" stays out: "drop him an email" is served).
UNSERVED_VERBS = _words("""
buy call cancel delete dial download erase install order pay play post print record recommend refund
remove rename reschedule ring scan sing stream transfer translate tweet turn uninstall unsubscribe upload venmo
archive mute snooze unsend move extend rate renew edit update change fix tune slice donate repair refill
upgrade downgrade sync switch complain merge freeze unlock withdraw exchange unregister deregister unbook quit
dispute insure sell reserve rent hire draw scale identify appraise authenticate design forecast predict diagnose
deliver ship engrave reimburse augment""")
#: What a tool may call a verb of UNSERVED_VERBS by ("reserve" is served by a tool that books)
VERB_SYNONYMS = {"reserve": {"book", "booking", "reservation", "hold", "borrow", "request"}, "rent": {"hire", "rental", "book", "reserve"},
                 "hire": {"rent", "rental", "book", "reserve"}, "sell": {"sale", "listing", "marketplace"},
                 "identify": {"id", "recogni"}, "appraise": {"value", "valuation", "estimate", "worth"},
                 "authenticate": {"genuine", "authentic", "verify"}, "forecast": {"weather", "predict"},
                 "predict": {"forecast", "prediction"}, "deliver": {"delivery", "ship"}, "ship": {"shipping", "deliver"},
                 "scale": {"resize", "convert"}, "draw": {"draft", "create", "plan"}, "design": {"create", "draft"},
                 "record": {"log", "logs", "logged", "track"}, "delete": {"cancel", "remove"},
                 "remove": {"delete", "cancel"}, "withdraw": {"cancel", "remove", "delete"},
                 "reimburse": {"refund", "repay", "reimbursement", "claim"}, "augment": {"increase", "upgrade", "raise", "resize", "scale"},
                 # (what a tool may call a change: "switch the grind on my subscription" with update_subscription)
                 **{v: {"update", "change", "edit", "modify", "set", "swap", "switch", "amend", "adjust"} - {v}
                    for v in ("switch", "change", "update", "edit", "fix")},
                 "move": {"reschedule", "change", "update", "transfer", "relocate"},
                 # (what a tool may call sending: "send $50 to Bob" with a transfer tool, "send the invite" with an RSVP one)
                 "send": {"transfer", "pay", "payment", "share", "message", "notify", "deliver", "ship", "dispatch",
                          "post", "invite", "forward", "email", "mail", "text", "sms", "gift", "wire", "remit", "upload",
                          "export", "publish", "broadcast", "announce", "reply", "chat"}}

#: Verbs that, opening a request, name what a default tool does: such a request is planned even where
#: the classifier is unsure of every tool ("note: gate code is 4471", "cal: eye test sat 10:20";
#: rules/opening.py). With UNSERVED_VERBS, on the first turns of the corpus and the development set
#: (in-sample: the classifier is fitted on the corpus), requests declined before planning that no tool
#: serves went 389 -> 410 of 493, and those a tool serves 63 -> 41 of 2291.
#: "put", "invite", "create", "find", "open" and "show" were added later: of the corpus's first turns
#: opening with them, 358 a tool serves and 21 no tool does.
SERVED_VERBS = _words("add append cal create email find findfile fwd forward invite jot link mail msg newnote note open put read remind reply "
                      "schedule show sms summarise summarize text txt "
                      # (the corpus's and development sets' first turns opening with calculate or compute: 17, all
                      # planned; "run this in python: ..." was declined)
                      "run execute calculate compute calc python")

#: Verbs that, opening a request or one of its clauses, name the one tool of your own whose name opens with them
#: ("book me at the closest place to Camden saturday 11am": book_donation; "... and book a lesson for Wednesday at 5":
#: book_lesson): the first plan calls it. Of the corpus's and the read development sets' first turns where such a verb
#: names exactly one tool (not one named for a status, history or list), 310 gold plans call it, 4 call another
#: tool and 4 are declines ("order me a dna test kit" beside order_certificate).
OWN_TOOL_VERBS = _words("""
book cancel reserve order rent enroll register renew extend report log upload submit pay schedule reschedule request
apply claim donate track estimate add save create send set start stop play mute convert buy refill sign return transfer
approve rate review message invite share""")

#: The default tool a request's opening verb names: the first plan calls it ("Forward the firmware release
#: notes from Marcus to Yuki" was planned as a note). Of the corpus's and the development set's first turns
#: opening with these verbs, 594 call that tool and 9 do not (mostly things no tool does: "forward my calls
#: to my work phone", "remind my husband to take his pills"); of its follow-up turns, 171 and 2.
VERB_TOOLS = {"forward": "forward_email", "fwd": "forward_email", "frwd": "forward_email", "fwrd": "forward_email",
              "foward": "forward_email", "forwad": "forward_email", "reply": "reply_to_email", "text": "send_sms",
              "txt": "send_sms", "sms": "send_sms", "remind": "create_reminder", "summarize": "summarize_pdf",
              "summarise": "summarize_pdf", "invite": "create_calendar_event", "email": "compose_new_email",
              "e-mail": "compose_new_email", "link": "get_zoom_meeting_link", "newnote": "create_note",
              "findfile": "open_and_get_file_path"}

#: What may come before the verb that opens a request ("hey, can you please ...", "thanks! also text her ...").
REQUEST_LEAD = _words("hey hi hello ok okay so um uh yo pls please plz kindly quickly just can could would will ever "
                      "you u ya me go ahead and help thanks thank thx ty great cool perfect awesome nice oh ah "
                      "also now then actually alright "
                      # "never mind then, just reply to ...", "hmm ok. email sarah ...", "fine, forward it to james"
                      "never mind nevermind fine hmm hm well right yeah yep sure sorry")
