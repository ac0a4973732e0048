"""A third set of development conversations over the sample workspace, in new wordings (in-sample once run).

Written by helper convdev3 on 2026-12-07 as a DEVELOPMENT set: written fresh, in new voices (terse,
chatty, typos, polite, impatient, non-native English, lists), after the failures of the first two
development sets (bench/conversations_dev_cases.py, bench/conversations_dev2_cases.py) had been read many
times; it copies and rewords none of their cases and neither saw nor copies the blind
bench/conversations_cases.py. Once the team has run it and read its failures it is in-sample like them.
Its author read only the checking DSL, the sample workspace, the README and the benchmark runner, not the
agent's code, rules or benchmark notes.

What it covers (the ``kind`` of each case):
  reply (which inbox email: by sender, by subject words, by day "the email from friday", "I got an email
  on Saturday", the older of Sarah's two, "that email" after a forward named one; what to say in the
  person's own words, some polite, some a follow-up turn) · forward (to one or two people, with a note,
  with an added attachment, by day, "and to james as well", "forward that email" after a reply) ·
  followup (him/her/them/it, "an hour before it", "the day before", "send that to yuki as well", "text her
  the same words", "what about his email address", a follow-up after a declined turn) · document (a named
  file's text, a summary, answers in a file the question does not name, then saved, texted, mailed or put
  in the calendar) · failure (an unknown person, a missing file, note or email, then what the person does
  instead) · append · meeting (invitees, a length, a meeting link shown with the event made or mailed) ·
  correction (a wrong name, channel or file put right) · duration · edit (no tool edits in place: the
  right new item or an honest "can't", never a claimed change) · decline.

Run: ``bench/outcomes.py --cases conversations-dev3 [--only dev3_x,dev3_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today ("next thursday" too); "morning" is 09:00; an hour 1-7 without am/pm is afternoon, 8-11 morning.
The sample calendar and reminders start empty.

The inbox relied on (tools/sample.py MAILS, dated from the tools' clock: days before today, weekday):
  Priya Patel 'Team lunch on Friday?' (0, Mon, the newest) · David Kim 'Lisbon trip: flights and hotel'
  (1, Sun) · Sarah Lee 'Q3 report draft for review' (2, Sat, Project_Falcon_Q3_Report.pdf attached) ·
  Marcus Chen 'Firmware 2.1 release notes' (3, Fri) · Lucas Martin 'Invoice for November' (4, Thu) · Sarah
  Lee 'Offsite agenda for next week' (5, Wed, Sarah's older email) · Omar Haddad 'Quote for the garden
  work' (6, Mon the 23rd, the oldest). No tool lists or reads the inbox: an email is only "shown" by a
  reply or forward that names it.
A reply quotes the original and a forward carries it, so a body pattern uses words its original does not
contain (tests/test_outcomes_checkers.py checks that a reply saying only "Noted." fails each). Outcomes
that are both right are joined with ``either``: one mail to two people or one each; a summary mailed with
or without the file; a follow-up "send that" as a text or an email; the workshop as 09:00-17:00 or all day;
an edit as a new item beside the old one or declined. "text marcos" then "oops, marcus" accepts a first
answer that says Marcos is not a contact or that names Marcus (the end state, one text to Marcus, is what
counts).

Beyond the DSL: ``either``, ``all_of``, ``says_not`` (conversations_dev_cases); ``CLAIMED_EDIT``,
``CLAIMED_UNDO``, ``MISSING`` (conversations_dev2_cases); ``gone`` (below: names the thing and says it is
not there, without dev2's ``missing`` demand of a next step); ``GroupSms`` (below: one text to several
numbers). No case asks for a meeting link in a text: the link's random hex part can hold seven digits in a
row, which the DSL's content rule reads as a phone number in the text. What the checks cannot say: in
which turn a thing was written (only the end state is read), that two messages carry the same words (only
a pattern each), that a follow-up's text is the answer before (only that it holds the fact), that a
declined request was declined for the right reason (only that the answer says it cannot), and any claim
beyond the runner's false-claim words and CLAIMED_EDIT/CLAIMED_UNDO.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conversations_dev_cases import LINK, all_of, either, says_not
from conversations_dev2_cases import CLAIMED_EDIT, CLAIMED_UNDO, MISSING
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Check, Event, Item, Mail, Note, Reminder,
                            Sms, _search, case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def gone(what: str) -> str:
    """An answer that names ``what`` and says it is not there (loosely: no next step demanded)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


@dataclass(frozen=True)
class GroupSms:
    """One text message to exactly these numbers (any order) whose text matches a pattern."""

    to: tuple[str, ...]
    text: str | None = None

    def problems(self, s: Item) -> list[str]:
        out = [] if sorted(s.to) == sorted(self.to) else [f"sent to {s.to}, expected {sorted(self.to)}"]
        if not _search(self.text, s.message):
            out.append(f"message {s.message!r} does not match /{self.text}/")
        return out

    def __str__(self) -> str:
        return f"one SMS to {', '.join(self.to)}"


def to_both(people: tuple[str, ...], **mail) -> Check:
    """Either one mail to all of ``people`` or one mail to each, every one as ``mail`` says."""
    return either(outcome(mails=[Mail(people, **mail)]), outcome(mails=[Mail((p,), **mail) for p in people]))


CASES = [
    # -- reply: which inbox email, named in many ways ---------------------------------------------------
    case("dev3_reply_lucas_transferred", "reply",
         "Could you please answer Lucas about the invoice? Let him know I transferred the money this morning.",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"transferr")])),
    case("dev3_reply_email_from_friday", "reply", "the email from friday - reply: no objections here, ship it",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"objection|ship it")])),
    case("dev3_reply_saturday_email", "reply",
         "I got an email on Saturday, can you reply to it saying my comments will be with you by wednesday",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"wednesday")])),
    case("dev3_reply_that_email_after_forward", "reply",
         ["pass omar's garden quote on to tom becker, he knows about gardens",
          "cool. now reply to that email too and tell omar I want a second opinion first"],
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden"),
                        Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"second opinion")])),
    case("dev3_reply_sarah_older", "reply",
         "reply to the older of sarahs two emails. tell her i'll skip the hike, my knee is bad",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"knee")])),
    case("dev3_reply_after_marcus_address", "reply",
         ["what's marcus's email address?", "great, now reply to the firmware one from him: our lab can test it tuesday"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"\blab\b")],
                 answer={0: r"marcus\.chen@example\.com"})),
    case("dev3_reply_david_non_native", "reply",
         "please make answer to the mail of David about Lisbon, say him big thanks for organize everything",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"thank|organi[sz]")])),
    case("dev3_reply_priya_terse", "reply", "reply priya: im in but can we do 1pm",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"1 ?pm|13:00|1 ?p\.m\.")])),
    case("dev3_reply_garden_quote_cheaper", "reply",
         "reply to the garden quote - 1250 is more than I wanted to spend, is there a cheaper option?",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"cheaper|spend")])),

    # -- forward: which email, to whom, with a note or a file ------------------------------------------
    case("dev3_forward_offsite_yuki_james", "forward", "pass the offsite agenda on to yuki and james pls",
         to_both((E["Yuki"], E["James"]), subject=r"^Fwd:.*offsite")),
    case("dev3_forward_release_notes_note", "forward",
         "Forward the 2.1 release notes to Sarah with a note: can we talk about this on monday?",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Fwd:.*firmware", body=r"monday")])),
    case("dev3_forward_q3_plus_handbook", "forward",
         "forward sarah's q3 mail to lucas, and add the team handbook as well",
         outcome(mails=[Mail((E["Lucas"],), (Q3, HANDBOOK), subject=r"^Fwd:.*Q3")])),
    case("dev3_forward_last_thursday", "forward",
         "forward last thursday's email to sarah, she asked what our bookkeeping costs",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Fwd:.*invoice")])),
    case("dev3_forward_flights_note_away", "forward",
         "forward the lisbon flights email to marcus and yuki with the note: this is when I'm away",
         to_both((E["Marcus"], E["Yuki"]), subject=r"^Fwd:.*lisbon", body=r"\baway\b")),
    case("dev3_forward_quote_to_lucas_budget", "forward",
         "send omar's quote on to lucas martin and say: please put this in next year's budget",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Fwd:.*garden", body=r"budget")])),
    case("dev3_forward_q3_then_james", "forward", ["forward sarah's q3 report email to yuki", "and to james as well"],
         either(outcome(mails=[Mail((E["Yuki"],), (Q3,), subject=r"^Fwd:.*Q3"),
                               Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")]),
                outcome(mails=[Mail((E["Yuki"],), (Q3,), subject=r"^Fwd:.*Q3"), Mail((E["James"],), (Q3,))]))),
    case("dev3_forward_that_email_after_reply", "forward",
         ["reply to the lunch email: count me in!", "forward that email to james, he might want to join"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"count me in"),
                        Mail((E["James"],), subject=r"^Fwd:.*lunch")])),

    # -- followup: a later turn refers back ----------------------------------------------------------
    case("dev3_followup_phone_then_his_email", "followup",
         ["tom becker's phone number?", "what about his email address"],
         outcome(answer={0: r"555-0108", 1: r"tom\.becker@example\.com"}), ANY_ACTION),
    case("dev3_followup_hour_before_it", "followup",
         ["schedule a tax appointment with lucas on thursday at 2pm", "remind me an hour before it"],
         outcome(events=[Event("2026-12-03 14:00", r"tax|lucas|appointment", may_invite=(E["Lucas"],))],
                 reminders=[Reminder("2026-12-03 13:00")]),
         when=("thursday at 2pm", "2026-12-03 14:00")),
    case("dev3_followup_text_her_the_same", "followup",
         ["email nina that book club is at my place on friday this time", "n text her the same words pls"],
         outcome(mails=[Mail((E["Nina"],), body=r"my place|friday")], sms=[Sms(P["Nina"], r"my place|friday")])),
    case("dev3_followup_sms_to_yuki_as_well", "followup",
         ["text james: the prototype boards just arrived", "send that to yuki as well"],
         either(outcome(sms=[Sms(P["James"], r"prototype|boards"), Sms(P["Yuki"], r"prototype|boards")]),
                outcome(sms=[Sms(P["James"], r"prototype|boards")],
                        mails=[Mail((E["Yuki"],), body=r"prototype|boards")]))),
    case("dev3_followup_after_decline_flowers", "followup",
         ["order flowers for elena's birthday", "fine, then remind me on saturday morning to pick some up myself"],
         outcome(reminders=[Reminder("2026-12-05 09:00", r"flower|pick")], answer={0: CANT}),
         when=("saturday morning", "2026-12-05 09:00")),
    case("dev3_followup_wedding_day_before", "followup",
         ["put Nina's wedding in my calendar on december 12, all day", "remind me the day before to iron my shirt"],
         outcome(events=[Event("2026-12-12", r"wedding", may_invite=(E["Nina"],))],
                 reminders=[Reminder("2026-12-11", r"shirt|iron")]),
         when=("december 12, all day", "2026-12-12")),
    case("dev3_followup_text_them_both", "followup",
         ["invite sarah and james to a budget sync on wednesday at 11", "text them both that it's in the calendar"],
         either(outcome(events=[Event("2026-12-02 11:00", r"budget", invitees=(E["Sarah"], E["James"]))],
                        sms=[Sms(P["Sarah"], r"calendar|budget|sync|wednesday"),
                             Sms(P["James"], r"calendar|budget|sync|wednesday")]),
                outcome(events=[Event("2026-12-02 11:00", r"budget", invitees=(E["Sarah"], E["James"]))],
                        sms=[GroupSms((P["Sarah"], P["James"]), r"calendar|budget|sync|wednesday")])),
         when=("wednesday at 11", "2026-12-02 11:00")),
    case("dev3_followup_where_then_attach_it", "followup",
         ["where is the q3 report saved?", "ok attach it to an email for lucas, he wants the budget page"],
         outcome(mails=[Mail((E["Lucas"],), (Q3,))], answer={0: r"Project_Falcon_Q3_Report|Documents"})),
    case("dev3_followup_text_then_email_same", "followup",
         ["text elena that the tiles arrived", "does she have an email? send her the same there"],
         outcome(sms=[Sms(P["Elena"], r"tile")], mails=[Mail((E["Elena"],), body=r"tile")])),

    # -- document: a file's text, named or not, then saved or sent -------------------------------------
    case("dev3_doc_lost_phone_text_james", "document",
         ["According to the handbook, how soon do I have to report a lost phone?",
          "text that to james, he lost his yesterday"],
         outcome(sms=[Sms(P["James"], r"one day|1 day|24 ?h|a day")],
                 answer={0: r"one day|1 day|24 hours|within a day"})),
    case("dev3_doc_firmware_20", "document", "what did firmware 2.0 add, per the q3 report?",
         outcome(answer=r"over.the.air|duty cycle|forty percent|40 ?%|40 percent"), ANY_ACTION),
    case("dev3_doc_handbook_summary_to_yuki", "document",
         ["can you sum up the team handbook for me", "email that summary to yuki, she's new"],
         either(outcome(mails=[Mail((E["Yuki"],), body=r"core hours|expense|receipt|security|working hours|password")],
                        answer={0: r"expense|receipt|core hours|working hours|security|welcome|flexible"}),
                outcome(mails=[Mail((E["Yuki"],), (HANDBOOK,),
                                    body=r"core hours|expense|receipt|security|working hours|password")],
                        answer={0: r"expense|receipt|core hours|working hours|security|welcome|flexible"}))),
    case("dev3_doc_enclosures_unnamed", "document", "how many enclosures did the supplier deliver for the pilot?",
         outcome(answer=r"\b200\b|two hundred"), ANY_ACTION),
    case("dev3_doc_lead_time_to_note", "document",
         ["whats the lead time on the particulate matter sensor", "jot that down in a new note called Supplier notes"],
         outcome(notes=[Note("Supplier notes", (r"sixteen weeks|16 weeks",))],
                 answer={0: r"sixteen weeks|16 weeks"})),
    case("dev3_doc_tram_line_unnamed", "document", "which tram line goes through the old town in lisbon?",
         outcome(answer=r"\b28\b"), ANY_ACTION),
    case("dev3_doc_checkout_then_remind", "document",
         ["per the lisbon itinerary, what time do I need to check out of the hotel?",
          "remind me thursday at 8 to pack before that"],
         outcome(reminders=[Reminder("2026-12-03 08:00", r"pack|check")], answer={0: r"11:00|11 ?am|\b11\b"}),
         when=("thursday at 8", "2026-12-03 08:00")),
    case("dev3_doc_q3_budget_to_lucas", "document",
         ["what does the q3 report say about the budget?", "email that to lucas please"],
         either(outcome(mails=[Mail((E["Lucas"],), body=r"412|600")], answer={0: r"412|600"}),
                outcome(mails=[Mail((E["Lucas"],), (Q3,), body=r"412|600")], answer={0: r"412|600"}))),
    case("dev3_doc_handbook_passwords", "document", "Does the handbook say anything about passwords?",
         outcome(answer=r"password manager"), ANY_ACTION),
    case("dev3_doc_workshop_to_calendar", "document",
         ["when does the partner workshop in lisbon start and finish?", "put it in my calendar on tuesday then"],
         either(outcome(events=[Event("2026-12-01 09:00", r"workshop", end="2026-12-01 17:00")],
                        answer={0: r"(?=.*(09:00|9:00|9 ?am))(?=.*(17:00|5:00|5 ?pm))"}),
                outcome(events=[Event("2026-12-01", r"workshop")],
                        answer={0: r"(?=.*(09:00|9:00|9 ?am))(?=.*(17:00|5:00|5 ?pm))"})),
         when=("on tuesday", "2026-12-01 09:00")),

    # -- failure: not there; said plainly, nothing wrong written ---------------------------------------
    case("dev3_fail_passport_scan", "failure", "attach my passport scan to an email for david",
         outcome(answer=gone("passport")), SENT),
    case("dev3_fail_text_grandma", "failure", "Text Grandma that I'll visit on Sunday afternoon.",
         outcome(answer=gone("Grandma")), SENT),
    case("dev3_fail_dentist_email", "failure", "forward the email from the dentist to aisha",
         outcome(answer=gone("dentist")), SENT),
    case("dev3_fail_packing_note", "failure", "read me my packing list note",
         outcome(answer=gone("packing list")), ANY_ACTION),
    case("dev3_fail_reply_yuki_no_email", "failure", "reply to yuki's email: thanks, got it",
         outcome(answer=gone("Yuki")), SENT),
    case("dev3_fail_forecast_then_q3", "failure",
         ["email the budget forecast to sarah", "ok then send her the q3 report instead"],
         outcome(mails=[Mail((E["Sarah"],), (Q3,))], answer={0: gone("forecast")})),

    # -- append: to a named note -------------------------------------------------------------------------
    case("dev3_append_shopping_lemons", "append", "shopping list: add lemons, honey",
         outcome(notes=[Note("Shopping list", (r"lemon", r"honey", r"oat milk"))])),
    case("dev3_append_ideas_numbered", "append",
         "Please add the following to my Ideas note: 1) learn to juggle 2) build a birdhouse",
         outcome(notes=[Note("Ideas", (r"juggl", r"bird ?house", r"hiking"))])),
    case("dev3_append_meeting_notes_after_read", "append",
         ["what's in my meeting notes?", "append: Tom fixes the invoice template by friday"],
         outcome(notes=[Note("Meeting notes", (r"\btom\b", r"invoice template", r"falcon weekly sync"))],
                 answer={0: r"Falcon weekly sync|Q3 report draft|firmware 2\.1|review meeting"})),

    # -- meeting: invitees, a meeting link -----------------------------------------------------------------
    case("dev3_meeting_fence_call_invite", "meeting",
         "set up a call with omar and tom on thursday at 4pm about the fence, invite both of them",
         outcome(events=[Event("2026-12-03 16:00", r"fence|call", invitees=(E["Omar"], E["Tom"]))]),
         when=("thursday at 4pm", "2026-12-03 16:00")),
    case("dev3_meeting_link_then_invite_priya", "meeting",
         "I need a video link for the supplier review with priya tomorrow at 11, and put the review in my calendar "
         "with her invited",
         outcome(events=[Event("2026-12-01 11:00", r"supplier|review", invitees=(E["Priya"],))], answer=LINK,
                 ran=("get_zoom_meeting_link",)),
         when=("tomorrow at 11", "2026-12-01 11:00")),
    case("dev3_meeting_design_review_90", "meeting",
         "set up a design review with elena and sarah next thursday at 10 for 90 minutes and invite them",
         outcome(events=[Event("2026-12-03 10:00", r"design|review", end="2026-12-03 11:30",
                               invitees=(E["Elena"], E["Sarah"]))]),
         when=("next thursday at 10", "2026-12-03 10:00")),
    case("dev3_meeting_retro_link_three", "meeting",
         "make a meeting link for the sprint retro friday 3pm and email it to marcus, yuki and james",
         either(outcome(mails=[Mail((E["Marcus"], E["Yuki"], E["James"]), body=LINK)], ran=("get_zoom_meeting_link",)),
                outcome(mails=[Mail((E[p],), body=LINK) for p in ("Marcus", "Yuki", "James")],
                        ran=("get_zoom_meeting_link",)))),

    # -- correction: a name, a channel or a file put right -------------------------------------------------
    case("dev3_correction_marcos_marcus", "correction", ["text marcos that the demo moved to 3", "oops, marcus"],
         outcome(sms=[Sms(P["Marcus"], r"demo")], answer={0: gone("Marcos") + "|marcus"})),
    case("dev3_correction_text_then_email", "correction",
         ["Text Nina: book club is at Elena's this time", "no wait, I wanted to email her that, not text"],
         all_of(outcome(sms=[Sms(P["Nina"], r"elena")], mails=[Mail((E["Nina"],), body=r"elena")]),
                says_not(CLAIMED_UNDO))),
    case("dev3_correction_wrong_file", "correction",
         ["send priya the lisbon itinerary", "sorry i meant the team handbook"],
         all_of(outcome(mails=[Mail((E["Priya"],), (LISBON,)), Mail((E["Priya"],), (HANDBOOK,))]),
                says_not(CLAIMED_UNDO))),

    # -- duration ------------------------------------------------------------------------------------------
    case("dev3_duration_dentist_40", "duration", "dentist cleaning wed 8:15, takes 40 min",
         outcome(events=[Event("2026-12-02 08:15", r"dentist|clean", end="2026-12-02 08:55")]),
         when=("wed 8:15", "2026-12-02 08:15")),
    case("dev3_duration_two_and_half_hours", "duration",
         "reserve 2.5 hours on friday morning for the quarterly report",
         outcome(events=[Event("2026-12-04 09:00", r"quarterly|report", end="2026-12-04 11:30")]),
         when=("friday morning", "2026-12-04 09:00")),
    case("dev3_duration_sarah_430_515", "duration", "put a call with sarah from 4:30 to 5:15pm tomorrow",
         outcome(events=[Event("2026-12-01 16:30", r"call|sarah", end="2026-12-01 17:15", may_invite=(E["Sarah"],))]),
         when=("from 4:30 to 5:15pm tomorrow", "2026-12-01 16:30")),

    # -- edit: a change to what was made; a new item or an honest "can't", never a claimed change ---------
    case("dev3_edit_dinner_location", "edit",
         ["add 'team dinner' friday 7pm to my calendar", "actually set the location to Casa do Rio"],
         all_of(either(outcome(events=[Event("2026-12-04 19:00", r"dinner", location=r"casa do rio"),
                                       Event("2026-12-04 19:00", r"dinner")]),
                       outcome(events=[Event("2026-12-04 19:00", r"dinner")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("friday 7pm", "2026-12-04 19:00")),
    case("dev3_edit_note_drop_line", "edit",
         ["new note 'Garden plan' with: trim hedges, new flower beds, fix fence", "delete the hedges line from it"],
         all_of(outcome(notes=[Note("Garden plan", (r"hedges", r"flower beds", r"fence"))], answer=CANT),
                says_not(CLAIMED_EDIT), says_not(CLAIMED_UNDO))),
    case("dev3_edit_reminder_make_it_8", "edit",
         ["remind me friday to call omar about the fence", "make that 8am"],
         all_of(either(outcome(reminders=[Reminder("2026-12-04 08:00", r"omar|fence"),
                                          Reminder("2026-12-04", r"omar|fence")]),
                       outcome(reminders=[Reminder("2026-12-04", r"omar|fence")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("friday", "2026-12-04")),

    # -- decline: things no tool does ---------------------------------------------------------------------
    case("dev3_decline_print_q3", "decline", "print the q3 report, 2 copies",
         outcome(answer=CANT), ANY_ACTION),
    case("dev3_decline_translate_email", "decline", "translate omar's email into portuguese for me",
         outcome(answer=CANT), ANY_ACTION),
    case("dev3_decline_play_jazz", "decline", "play some jazz while i work",
         outcome(answer=CANT), ANY_ACTION),
    case("dev3_decline_mark_read", "decline", "mark all my emails as read",
         outcome(answer=CANT), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
