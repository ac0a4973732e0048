"""More development conversations over the sample workspace, of kinds the first set lacks (in-sample).

Written by helper convdev2 on 2026-12-07 as a DEVELOPMENT set: the team reads its failures to fix the
agent. It adds the kinds bench/conversations_dev_cases.py has few or none of, in new situations and
wordings (it neither copies nor saw the blind bench/conversations_cases.py):
  failure (something cannot be done: an unknown contact, a missing file, note or email, a date that does
  not exist, Python code that fails; the answer says so, names the thing, and says what to do, and
  nothing wrong is written) · edit (a follow-up that changes something already made; no tool edits in
  place, so either the right new item or an honest "can't" is right, never a claim that the old one
  changed) · document (answers from a named PDF's text, then saved or sent) · append (to a named note,
  first turn or follow-up) · duration · correction (a wrong name or recipient put right) · followup
  (him/her/them/it, the day before, "as well", "too") · meeting (invitees, a meeting link mailed or put
  in the calendar).
Run: ``bench/outcomes.py --cases conversations-dev2 [--only dev2_x,dev2_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; an hour 1-7 without am/pm is afternoon, 8-11 morning. The sample calendar and reminders start empty;
the inbox is listed in bench/conversations_dev_cases.py's docstring. Beyond the DSL: ``either``,
``all_of`` and ``says_not`` from conversations_dev_cases; ``missing`` (below) for "not found, and what to do",
as the DSL's not_found misses the mail tool's "No inbox email fits ...". What the checks cannot say: in
which turn a thing was written (only the end state is read), that an answer says the old item stays as it
was (only that it claims no change, in the words of CLAIMED_EDIT), or that two messages carry the same text.
"""

from __future__ import annotations

import re

from conversations_dev_cases import LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, NOT_FOUND, Q3, SENT, Event, Mail, Note, Reminder,
                            Sms, case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P

#: Said when something is not there (NOT_FOUND, and the mail tool's "No inbox email fits ...").
MISSING = NOT_FOUND + r"|no inbox e-?mail|\b(doesn't|does not|did not|didn't) fit|\bno e-?mails?\b"
#: What to do next: a suggestion, the candidates, or a question back.
NEXT = (r"did you mean|contacts include|closest|newest|say which|which one|\buse\b|\bgive\b|\badd\b|check|"
        r"\btry\b|create|instead|would you like|could you|please|let me know|spell|full name|another|different|"
        r"rephrase|exact name")
#: A date the tools cannot read, said so.
BAD_DATE = (r"no such date|(could not|couldn't|can't|cannot|unable to) (read|understand|parse)|"
            r"not a (valid|real) date|(doesn't|does not) exist|invalid|only (has )?(28|29) days|which (day|date)")
#: A claim that a thing made earlier was changed in place (no tool can do that).
CLAIMED_EDIT = (r"(?m)(\b(has been|have been|was|were|is now|I'?ve|I have|I|successfully)\s+|^)"
                r"(moved|changed|updated|rescheduled|renamed|edited|shortened|amended)\b")
#: A claim that an email made earlier was taken back (no tool can do that).
CLAIMED_UNDO = (r"\b(has been|have been|was|were|I'?ve|I have|I|successfully)\s+"
                r"(deleted|cancell?ed|removed|recalled|withdrawn|unsent)\b")
#: A number given as the result of a division by zero.
ZERO_RESULT = (r"\b(result|answer) (is|was|would be):?\s*-?(\d|inf)|\b(equals|comes to)\s*-?(\d|inf)|"
               r"\b0\s*(=|is)\s*-?(\d|inf)")


def missing(what: str) -> str:
    """An answer that names ``what``, says it is not there, and says what to do."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))(?=.*({NEXT}))"


CASES = [
    # -- failure: it cannot be done; the answer says so plainly, nothing wrong is written ------------
    case("dev2_fail_text_bob_smith", "failure", "text Bob Smith that the spare key is under the flowerpot",
         outcome(answer=missing("Bob Smith")), SENT),
    case("dev2_fail_tax_return_then_ask", "failure",
         ["can you send lucas my 2019 tax return", "ok, then just email him asking for a copy of it"],
         outcome(mails=[Mail((E["Lucas"],), body=r"cop(y|ies)|tax return|2019")], answer={0: missing("tax return")})),
    case("dev2_fail_gym_log", "failure", "add 20 min rowing to my gym log",
         either(outcome(answer=missing("gym log")),
                outcome(notes=[Note("Gym log", (r"rowing",))],
                        answer=r"creat|new note|no note|(didn't|did not) exist"))),
    case("dev2_fail_landlord_email", "failure", "reply to the email from my landlord and say the heating is fixed",
         outcome(answer=missing("landlord")), SENT),
    case("dev2_fail_february_30", "failure", "remind me on february 30th to call the bank",
         outcome(answer=rf"(?=.*({BAD_DATE}))(?=.*({NEXT}))"), ANY_ACTION),
    case("dev2_fail_divide_by_zero", "failure", "run 250 / 0 in python for me and tell me the result",
         all_of(outcome(answer=r"zero|undefined|not defined|infinit|error|fail|can'?t|cannot|impossible"),
                says_not(ZERO_RESULT)), ANY_ACTION),
    case("dev2_fail_invite_unknown", "failure", "invite Greta Lindqvist to the roadmap review on friday at 10",
         either(outcome(answer=missing("Greta")),
                outcome(events=[Event("2026-12-04 10:00", r"roadmap")], answer=missing("Greta"))),
         SENT | {"invited"}),

    # -- edit: a follow-up changes what was made; the right new item or an honest "can't" --------------
    case("dev2_edit_move_bank_call", "edit",
         ["put 'call with the bank' in my calendar tomorrow at 3pm", "hmm, can you move it to 4:30 instead?"],
         all_of(either(outcome(events=[Event("2026-12-01 15:00", r"bank"), Event("2026-12-01 16:30", r"bank")]),
                       outcome(events=[Event("2026-12-01 15:00", r"bank")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("tomorrow at 3pm", "2026-12-01 15:00")),
    case("dev2_edit_push_reminder_friday", "edit",
         ["remind me wednesday to renew the car insurance", "can you push that reminder to friday"],
         all_of(either(outcome(reminders=[Reminder("2026-12-02", r"insurance"), Reminder("2026-12-04", r"insurance")]),
                       outcome(reminders=[Reminder("2026-12-02", r"insurance")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("wednesday", "2026-12-02")),
    case("dev2_edit_rename_bike_note", "edit",
         ["new note called Bike stuff: replace chain, pump tyres, buy lights", "rename that note to Bike maintenance"],
         all_of(either(outcome(notes=[Note("Bike stuff", (r"chain",))], answer=CANT),
                       outcome(notes=[Note("Bike stuff", (r"chain",)), Note("Bike maintenance", (r"chain",))])),
                says_not(CLAIMED_EDIT))),
    case("dev2_edit_add_cups_to_list", "edit",
         ["make a note called Party supplies with crisps, lemonade and napkins", "add paper cups to that list"],
         outcome(notes=[Note("Party supplies", (r"crisps", r"lemonade", r"napkins", r"paper cups"))])),
    case("dev2_edit_demo_45_minutes", "edit",
         ["block friday at 1pm for the vendor demo", "oh it only needs 45 minutes"],
         all_of(either(outcome(events=[Event("2026-12-04 13:00", r"demo"),
                                       Event("2026-12-04 13:00", r"demo", end="2026-12-04 13:45")]),
                       outcome(events=[Event("2026-12-04 13:00", r"demo")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("friday at 1pm", "2026-12-04 13:00")),
    case("dev2_edit_invite_lucas_after", "edit",
         ["schedule a budget check-in thursday 11am", "oh, invite Lucas to it"],
         all_of(either(outcome(events=[Event("2026-12-03 11:00", r"budget"),
                                       Event("2026-12-03 11:00", r"budget", invitees=(E["Lucas"],))]),
                       outcome(events=[Event("2026-12-03 11:00", r"budget")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("thursday 11am", "2026-12-03 11:00")),
    case("dev2_edit_attach_to_that_email", "edit",
         ["email yuki asking for the humidity test results", "oh, attach the q3 report to that email"],
         all_of(either(outcome(mails=[Mail((E["Yuki"],), body=r"humidity|test results"), Mail((E["Yuki"],), (Q3,))]),
                       outcome(mails=[Mail((E["Yuki"],), body=r"humidity|test results")], answer=CANT)),
                says_not(CLAIMED_EDIT))),

    # -- document: answers from a named file's text, then saved or sent ---------------------------------
    case("dev2_doc_handbook_flights", "document", "what does the handbook say about booking flights?",
         outcome(answer=r"approv|manager|economy"), ANY_ACTION),
    case("dev2_doc_battery_to_note", "document",
         ["how long did the battery last in the falcon field trial?", "save that in a note called Battery facts"],
         outcome(notes=[Note("Battery facts", (r"nine months|9 months",))], answer={0: r"nine months|9 months"})),
    case("dev2_doc_hotel_text_elena", "document",
         ["which hotel am i staying at in lisbon? check the itinerary", "text that to Elena"],
         outcome(sms=[Sms(P["Elena"], r"casa do rio")], answer={0: r"casa do rio"})),
    case("dev2_doc_q3_pilot_schools", "document",
         "how many schools were in the falcon pilot according to the q3 report?",
         outcome(answer=r"\btwelve\b|\b12\b"), ANY_ACTION),
    case("dev2_doc_wednesday_email_nina", "document",
         ["what's planned for wednesday on the lisbon trip?", "email that to nina"],
         either(outcome(mails=[Mail((E["Nina"],), body=r"belem|site visit|pilot school")],
                        answer={0: r"belem|site visit|pilot school|monastery|custard"}),
                outcome(mails=[Mail((E["Nina"],), (LISBON,), body=r"belem|site visit|pilot school")],
                        answer={0: r"belem|site visit|pilot school|monastery|custard"}))),
    case("dev2_doc_sync_then_remind", "document",
         ["when is the weekly sync according to the handbook?", "remind me about it next monday at 9:45"],
         outcome(reminders=[Reminder("2026-12-07 09:45", r"sync|meeting|weekly")],
                 answer={0: r"(?=.*monday)(?=.*(10:00|10 ?am))"}),
         when=("next monday at 9:45", "2026-12-07 09:45")),
    case("dev2_doc_q3_annual_budget", "document", "in the falcon q3 report, how big is the annual budget?",
         outcome(answer=r"600,?000|600 ?k\b|600 thousand"), ANY_ACTION),
    case("dev2_doc_landing_note_then_text", "document",
         ["what time does my flight to lisbon land?", "put that in a note called Trip times",
          "and text it to David too"],
         outcome(notes=[Note("Trip times", (r"10[:.]05",))], sms=[Sms(P["David"], r"10[:.]05")],
                 answer={0: r"10[:.]05"})),

    # -- append: to a named note, first turn or follow-up ----------------------------------------------
    case("dev2_append_shopping_soap", "append", "stick dish soap and sponges on my shopping list",
         outcome(notes=[Note("Shopping list", (r"dish soap", r"sponges", r"oat milk"))])),
    case("dev2_append_ideas_two_turns", "append",
         ["add 'start a herb garden on the balcony' to my ideas", "oh and 'learn to bake sourdough' too"],
         outcome(notes=[Note("Ideas", (r"herb garden", r"sourdough", r"hiking"))])),
    case("dev2_append_meeting_actions", "append",
         ["put in my meeting notes: Action - Priya finds a venue for the offsite",
          "also: James to check the pilot battery data"],
         outcome(notes=[Note("Meeting notes",
                             (r"priya", r"venue", r"james", r"battery data", r"falcon weekly sync"))])),
    case("dev2_append_after_reading_list", "append", ["read me my shopping list", "add washing-up gloves, we're out"],
         outcome(notes=[Note("Shopping list", (r"gloves", r"oat milk"))], answer={0: r"oat milk|coffee beans"})),

    # -- duration: how long an event lasts ---------------------------------------------------------------
    case("dev2_duration_piano_90", "duration", "put a 90-minute piano lesson in my calendar saturday at 11",
         outcome(events=[Event("2026-12-05 11:00", r"piano", end="2026-12-05 12:30")]),
         when=("saturday at 11", "2026-12-05 11:00")),
    case("dev2_duration_half_hour_accountant", "duration",
         "schedule a half hour call with my accountant on tuesday at 4",
         outcome(events=[Event("2026-12-01 16:00", r"accountant|call|lucas", end="2026-12-01 16:30",
                               may_invite=(E["Lucas"],))]),
         when=("tuesday at 4", "2026-12-01 16:00")),
    case("dev2_duration_from_to", "duration", "block wednesday from 1 to 3:30 for writing the supplier review",
         outcome(events=[Event("2026-12-02 13:00", r"supplier|review|writ", end="2026-12-02 15:30")]),
         when=("wednesday from 1", "2026-12-02 13:00")),
    case("dev2_duration_deep_work_reminder", "duration",
         ["put 'deep work' in my calendar tomorrow 9am for three hours",
          "and remind me to silence my phone 5 minutes before"],
         outcome(events=[Event("2026-12-01 09:00", r"deep work", end="2026-12-01 12:00")],
                 reminders=[Reminder("2026-12-01 08:55", r"phone|silence")]),
         when=("tomorrow 9am", "2026-12-01 09:00")),

    # -- correction: the person puts a name or recipient right ----------------------------------------
    case("dev2_correction_ayesha_aisha", "correction", ["text Ayesha that her parcel came", "sorry, Aisha"],
         outcome(sms=[Sms(P["Aisha"], r"parcel")], answer={0: missing("Ayesha")})),
    case("dev2_correction_q3_to_yuki", "correction", ["send the q3 report to james", "no, Yuki Tanaka, not James"],
         all_of(outcome(mails=[Mail((E["James"],), (Q3,)), Mail((E["Yuki"],), (Q3,))]), says_not(CLAIMED_UNDO))),
    case("dev2_correction_number_omar", "correction", ["what's lucas's phone number", "sorry, I meant omar's"],
         outcome(answer={0: r"555-0110", 1: r"555-0112"}), ANY_ACTION),
    case("dev2_correction_nadia_nina", "correction", ["email Nadia the lisbon itinerary", "I mean Nina"],
         outcome(mails=[Mail((E["Nina"],), (LISBON,))], answer={0: missing("Nadia")})),

    # -- followup: him, her, them, it, the day before, as well, too ------------------------------------
    case("dev2_followup_number_then_text_him", "followup",
         ["do i have a number for omar?", "text him that tuesday works for the garden"],
         outcome(sms=[Sms(P["Omar"], r"tuesday|garden")], answer={0: r"555-0112"})),
    case("dev2_followup_party_day_before", "followup",
         ["add Elena's birthday party to the calendar on saturday at 7pm", "remind me the day before to buy a present"],
         outcome(events=[Event("2026-12-05 19:00", r"birthday|party", may_invite=(E["Elena"],))],
                 reminders=[Reminder("2026-12-04", r"present|gift")]),
         when=("saturday at 7pm", "2026-12-05 19:00")),
    case("dev2_followup_to_tom_as_well", "followup",
         ["email omar asking if he can start the garden work on the 14th", "send that to tom becker as well"],
         outcome(mails=[Mail((E["Omar"],), body=r"14th|start|garden"), Mail((E["Tom"],), body=r"14th|start|garden")])),
    case("dev2_followup_text_her_that_too", "followup",
         ["email aisha that I need to move my appointment to next week", "text her that too"],
         outcome(mails=[Mail((E["Aisha"],), body=r"appointment|next week|move")],
                 sms=[Sms(P["Aisha"], r"appointment|next week|move")])),
    case("dev2_followup_them_both_handbook", "followup",
         ["what are james's and yuki's email addresses?", "send them both the handbook"],
         either(outcome(mails=[Mail((E["James"], E["Yuki"]), (HANDBOOK,))],
                        answer={0: r"(?=.*james\.obrien@example\.com)(?=.*yuki\.tanaka@example\.com)"}),
                outcome(mails=[Mail((E["James"],), (HANDBOOK,)), Mail((E["Yuki"],), (HANDBOOK,))],
                        answer={0: r"(?=.*james\.obrien@example\.com)(?=.*yuki\.tanaka@example\.com)"}))),
    case("dev2_followup_find_then_summarize_it", "followup",
         ["where's the team handbook file?", "summarize it for me"],
         outcome(answer={0: r"Team_Handbook|Documents",
                         1: r"expense|receipt|core hours|working hours|security|welcome|flexible"}),
         ANY_ACTION),
    case("dev2_followup_review_then_prep", "followup",
         ["text marcus that the firmware review is tomorrow at 2", "remind me to prep for it tomorrow at 1pm"],
         outcome(sms=[Sms(P["Marcus"], r"review|firmware")],
                 reminders=[Reminder("2026-12-01 13:00", r"prep|review|firmware")]),
         when=("tomorrow at 1pm", "2026-12-01 13:00")),
    case("dev2_followup_and_lucas_too", "followup",
         ["text nina that book club is cancelled this week", "and lucas too"],
         outcome(sms=[Sms(P["Nina"], r"cancel"), Sms(P["Lucas"], r"cancel")])),

    # -- meeting: invitees, a meeting link mailed, a link then the calendar ----------------------------
    case("dev2_meeting_roadmap_three_invitees", "meeting",
         "set up a roadmap planning meeting next tuesday from 10 to 11:30 and invite sarah, marcus and james",
         outcome(events=[Event("2026-12-01 10:00", r"roadmap", end="2026-12-01 11:30",
                               invitees=(E["Sarah"], E["Marcus"], E["James"]))]),
         when=("next tuesday from 10", "2026-12-01 10:00")),
    case("dev2_meeting_link_to_sarah_priya", "meeting",
         "create a video call link for the offsite planning on wednesday at 3 and email it to sarah and priya",
         either(outcome(mails=[Mail((E["Sarah"], E["Priya"]), body=LINK)], ran=("get_zoom_meeting_link",)),
                outcome(mails=[Mail((E["Sarah"],), body=LINK), Mail((E["Priya"],), body=LINK)],
                        ran=("get_zoom_meeting_link",)))),
    case("dev2_meeting_link_then_invite_david", "meeting",
         ["I need a meeting link for a call with David on friday at 9", "add that call to my calendar and invite him"],
         outcome(events=[Event("2026-12-04 09:00", r"call|david|meeting", invitees=(E["David"],))],
                 answer={0: LINK}, ran=("get_zoom_meeting_link",)),
         when=("friday at 9", "2026-12-04 09:00")),
    case("dev2_meeting_kickoff_then_text", "meeting",
         ["schedule a kickoff with elena and nina on the 10th at 2pm and invite them both", "text elena the time too"],
         outcome(events=[Event("2026-12-10 14:00", r"kick", invitees=(E["Elena"], E["Nina"]))],
                 sms=[Sms(P["Elena"], r"2 ?pm|14:00|2:00|\b2\b")]),
         when=("the 10th at 2pm", "2026-12-10 14:00")),
]

BY_ID = {c.id: c for c in CASES}
