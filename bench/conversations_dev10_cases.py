"""A tenth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev10 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. New situations and wordings (it did not read the cases of the other development sets
or the blind bench/conversations_cases.py), in three voices: a busy small-business owner typing between
customers (short, imperative, abbreviations: "cal", "tmrw", "w/", "rpt"), a retired teacher (complete,
polite, sometimes over-explained sentences, "Mr Kim") and a teenager (lowercase, slang, "lol", "rn",
"pls", "tmrw"). It covers: reply (an email named by sender, subject words, weekday, "the older one",
"the latest", "that one" after a forward, a reply then a text) · forward (to one or two people, with a
line added, by weekday, "it" after a reply) · followup (him/her/it, an hour before, the evening before,
three turns, after a failed turn) · correction (a time, a day, a person, a file put right) · meeting
(invitees, a meeting link mailed, texted or put in the calendar, a location) · failure (an unknown
contact, file, note or email) · document (a fact from a PDF, said, texted, mailed or saved) · append ·
duration (an end time or a length) · edit (rename an event, change a note's line: no tool can) ·
impossible (pay, play, print) · language (Spanish, German).
Run: ``bench/outcomes.py --cases conversations-dev10 [--only dev10_x,dev10_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "morning" 09:00, "evening" 18:00; an event without an end lasts one hour. The inbox is listed in
bench/conversations_dev_cases.py's docstring; by weekday: Priya's lunch email is from Monday 11-30, David's
Lisbon email Sunday 11-29, Sarah's Q3 email Saturday 11-28, Marcus's firmware email Friday 11-27, Lucas's
invoice Thursday 11-26, Sarah's offsite agenda Wednesday 11-25 and Omar's garden quote Tuesday 11-24.
A reply quotes the original, so a reply's body pattern uses words its original does not contain.
Beyond the DSL: ``either``, ``all_of`` and ``says_not`` (conversations_dev_cases), ``MISSING`` and
``CLAIMED_EDIT`` (conversations_dev2_cases). A correction the tools cannot apply in place (a time, a day)
may be done as a new item beside the old one, or declined: both are accepted. What the checks cannot
say: in which turn a thing was written (only the end state is read).
"""

from __future__ import annotations

import re

from conversations_dev2_cases import CLAIMED_EDIT, MISSING
from conversations_dev_cases import ENGLISH, LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                            outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


#: Words of a summary of the team handbook.
SUMMARY_HANDBOOK = r"working hours|core hours|flexible|expenses|receipts|security|password|whom to ask|falcon team"
#: Words of a summary of the Q3 report.
SUMMARY_Q3 = r"sensor|budget|pilot|firmware|battery|schools|prototype"


CASES = [
    # -- reply: which email, named in many ways -----------------------------------------------------------
    case("dev10_reply_priya_im_in", "reply",
         "reply to priya's lunch thing, say im in lol",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"i'?m in\b|count me in|\byes\b|\bsure\b")])),
    case("dev10_reply_lucas_split", "reply",
         "Reply to Lucas re the invoice - ask if I can split it in 2 payments",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"split|two payments|2 payments|instal")])),
    case("dev10_reply_firmware_teacher", "reply",
         "Could you please answer the email about the firmware release? I would like Marcus to know that "
         "Thursday suits me perfectly well, and that I have no objections.",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"suits|no objection|fine|good|works")])),
    case("dev10_reply_tuesday_mail", "reply",
         "reply to tuesday's email: go ahead w/ the hedges",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"go ahead")])),
    case("dev10_reply_older_sarah", "reply",
         "sarah emailed me twice, reply to the older one and tell her ill bring my hiking boots",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"boots")])),
    case("dev10_reply_q3_by_subject", "reply",
         "re the q3 draft: tell sarah my notes on the budget come wed",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"\bwed|notes")])),
    case("dev10_reply_latest_too_early", "reply",
         "Reply to the latest email. 12:30 too early for me, can we do 1:30",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"early|\b1:30|13:30")])),
    case("dev10_reply_mr_kim_window", "reply",
         "Would you kindly reply to Mr Kim's message about the flights and the hotel? Please tell him that I "
         "would prefer a window seat on both flights, if that is still possible. Thank you.",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*Lisbon", body=r"window")])),
    case("dev10_reply_omar_then_text", "reply",
         ["reply to omar's quote, too pricey for me, can he do 1000 eur", "text him the same"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"1,?000\b|pric|expensive")],
                 sms=[Sms(P["Omar"], r"1,?000\b|pric|expensive")])),
    case("dev10_forward_then_reply_that", "reply",
         ["fwd david's lisbon email to elena", "now reply to that one too, tell david thanks for sorting it all out"],
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*Lisbon"),
                        Mail((E["David"],), subject=r"^Re:.*Lisbon", body=r"thank|sorting")])),

    # -- forward ---------------------------------------------------------------------------------------------
    case("dev10_forward_q3_priya", "forward",
         "fwd the q3 draft to priya",
         outcome(mails=[Mail((E["Priya"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("dev10_forward_garden_to_tom", "forward",
         "Please forward Mr Haddad's quote for the garden to Tom Becker. He was asking me only last week who "
         "trims my hedges, so I think he would find it useful.",
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden")])),
    case("dev10_forward_lisbon_nina", "forward",
         "can u forward the lisbon flights email to nina pls",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*Lisbon")])),
    case("dev10_forward_thursday_to_sarah", "forward",
         "Forward thursday's email to Sarah",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Fwd:.*invoice")])),
    case("dev10_forward_offsite_two", "forward",
         "forward the offsite agenda to James and Yuki",
         either(outcome(mails=[Mail((E["James"], E["Yuki"]), subject=r"^Fwd:.*offsite")]),
                outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*offsite"),
                               Mail((E["Yuki"],), subject=r"^Fwd:.*offsite")]))),
    case("dev10_forward_firmware_note", "forward",
         "forward marcus's firmware notes to yuki and tell her to test it on the lab units",
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware", body=r"\btest|\blab\b")])),
    case("dev10_reply_then_forward_it", "forward",
         ["reply to sarah's q3 email: got it, reading it tonight", "forward it to marcus as well"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"tonight|reading|got it"),
                        Mail((E["Marcus"],), (Q3,), subject=r"^Fwd:.*Q3")])),

    # -- follow-ups ----------------------------------------------------------------------------------------
    case("dev10_fu_aisha_number_text", "followup",
         ["whats aishas number", "k text her im running 10 min late for my appt"],
         outcome(sms=[Sms(P["Aisha"], r"late")], answer={0: r"555-0107"})),
    case("dev10_fu_reminder_then_text_tom", "followup",
         ["Remind me call Tom re invoice tmrw 9am", "text him too, say ill ring at 9"],
         outcome(reminders=[Reminder("2026-12-01 09:00", r"tom|invoice")], sms=[Sms(P["Tom"], r"ring|call|\b9")]),
         when=("tmrw 9am", "2026-12-01 09:00")),
    case("dev10_fu_book_club_evening_before", "followup",
         ["Please add the book club meeting to my calendar for Thursday at seven in the evening.",
          "Thank you. Would you also remind me the evening before, so that I remember to finish the book?"],
         either(outcome(events=[Event("2026-12-03 19:00", r"book club")], reminders=[Reminder("2026-12-02 18:00")]),
                outcome(events=[Event("2026-12-03 19:00", r"book club")], reminders=[Reminder("2026-12-02 19:00")])),
         when=("Thursday at seven in the evening", "2026-12-03 19:00")),
    case("dev10_fu_itinerary_then_text", "followup",
         ["email elena the lisbon itinerary", "and text her that i sent it"],
         outcome(mails=[Mail((E["Elena"],), (LISBON,))], sms=[Sms(P["Elena"], r"sent|itinerary|e-?mail|mail")])),
    case("dev10_fu_priya_three_turns", "followup",
         ["whats priyas email", "send her the team handbook", "and the q3 report too"],
         either(outcome(mails=[Mail((E["Priya"],), (HANDBOOK,)), Mail((E["Priya"],), (Q3,))],
                        answer={0: r"priya\.patel@example\.com"}),
                outcome(mails=[Mail((E["Priya"],), (HANDBOOK,)), Mail((E["Priya"],), (HANDBOOK, Q3))],
                        answer={0: r"priya\.patel@example\.com"}))),
    case("dev10_fu_lunch_hour_before", "followup",
         ["put lunch w priya fri 12:30 in cal", "remind me an hour before"],
         outcome(events=[Event("2026-12-04 12:30", r"lunch", may_invite=(E["Priya"],))],
                 reminders=[Reminder("2026-12-04 11:30")]),
         when=("fri 12:30", "2026-12-04 12:30")),
    case("dev10_fu_list_email_nina", "followup",
         ["whats on my shopping list rn", "email it to nina"],
         outcome(mails=[Mail((E["Nina"],), body=r"oat milk")], answer={0: r"oat milk|coffee beans|basil"})),
    case("dev10_fu_david_forward_q3", "followup",
         ["What is David Kim's email address, please?", "Thank you. Would you forward him Sarah's email with the Q3 report?"],
         outcome(mails=[Mail((E["David"],), (Q3,), subject=r"^Fwd:.*Q3")], answer={0: r"david\.kim@example\.com"})),
    case("dev10_fu_after_unknown_maria", "followup",
         ["text maria dinner's at 8", "oh wait i meant marcus"],
         outcome(sms=[Sms(P["Marcus"], r"dinner|\b8\b")], answer={0: absent("Maria")})),
    case("dev10_fu_invite_then_email", "followup",
         ["invite marcus to the firmware review thurs 3pm", "and email him to bring the test results"],
         outcome(events=[Event("2026-12-03 15:00", r"firmware|review", invitees=(E["Marcus"],))],
                 mails=[Mail((E["Marcus"],), body=r"test results")]),
         when=("thurs 3pm", "2026-12-03 15:00")),
    case("dev10_fu_gym_note_then_remind", "followup",
         ["make a note called Gym plan: mon legs, wed arms, fri cardio", "and remind me sat morning to go"],
         outcome(notes=[Note("Gym plan", (r"legs", r"arms", r"cardio"))],
                 reminders=[Reminder("2026-12-05 09:00", r"gym")]),
         when=("sat morning", "2026-12-05 09:00")),
    case("dev10_fu_text_then_calendar", "followup",
         ["Text Nina book club is at my place Thurs", "put it in my cal 7pm"],
         outcome(sms=[Sms(P["Nina"], r"book club|my place")], events=[Event("2026-12-03 19:00", r"book club")]),
         when=("Thurs", "2026-12-03 19:00")),

    # -- corrections -----------------------------------------------------------------------------------------
    case("dev10_corr_supplier_call_4pm", "correction",
         ["Cal: supplier call Wed 2pm", "actually make it 4pm"],
         either(all_of(outcome(events=[Event("2026-12-02 14:00", r"supplier"), Event("2026-12-02 16:00", r"supplier")]),
                       says_not(CLAIMED_EDIT)),
                outcome(events=[Event("2026-12-02 14:00", r"supplier")], answer=CANT)),
         when=("Wed 2pm", "2026-12-02 14:00")),
    case("dev10_corr_library_thursday", "correction",
         ["remind me to return the library books fri", "wait no thursday, theyre due thursday"],
         either(all_of(outcome(reminders=[Reminder("2026-12-04", r"library|books"),
                                          Reminder("2026-12-03", r"library|books")]),
                       says_not(CLAIMED_EDIT)),
                outcome(reminders=[Reminder("2026-12-04", r"library|books")], answer=CANT)),
         when=("fri", "2026-12-04")),
    case("dev10_corr_nina_wednesday", "correction",
         ["Please send a text message to Nina saying that the book club is on Thursday this week.",
          "Oh dear, I have made a mistake: it is on Wednesday, not Thursday. Could you send her a corrected message?"],
         outcome(sms=[Sms(P["Nina"], r"^(?!.*wednesday).*thursday"), Sms(P["Nina"], r"wednesday")])),
    case("dev10_corr_handbook_not_q3", "correction",
         ["email marcus the q3 rpt", "sorry meant the handbook not q3. send that instead"],
         outcome(mails=[Mail((E["Marcus"],), (Q3,)), Mail((E["Marcus"],), (HANDBOOK,))])),
    case("dev10_corr_sarah_not_priya", "correction",
         ["text priya lunch fri works", "oops meant sarah not priya"],
         outcome(sms=[Sms(P["Priya"], r"lunch|works"), Sms(P["Sarah"], r"lunch|works")])),

    # -- meetings ----------------------------------------------------------------------------------------------
    case("dev10_meet_link_elena_email", "meeting",
         "Set up a video call w/ Elena for the logo review Fri 11am and email her the link",
         outcome(mails=[Mail((E["Elena"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev10_meet_invite_two", "meeting",
         "invite yuki n james to code review tmrw 2pm",
         outcome(events=[Event("2026-12-01 14:00", r"code review", invitees=(E["Yuki"], E["James"]))]),
         when=("tmrw 2pm", "2026-12-01 14:00")),
    case("dev10_meet_budget_teacher", "meeting",
         "I would like to hold a meeting with Sarah Lee and Priya Patel about the Q3 budget next Monday at half "
         "past ten in the morning. Could you put it in my calendar and invite the two of them, please?",
         outcome(events=[Event("2026-12-07 10:30", r"budget|q3|meeting", invitees=(E["Sarah"], E["Priya"]))]),
         when=("next Monday at half past ten in the morning", "2026-12-07 10:30")),
    case("dev10_meet_link_in_calendar", "meeting",
         "meeting link for the weekly sync mon 10am, put it in my cal too",
         outcome(events=[Event("2026-12-07 10:00", r"sync")], ran=("get_zoom_meeting_link",)),
         when=("mon 10am", "2026-12-07 10:00")),
    case("dev10_meet_link_text_omar", "meeting",
         ["get me a meeting link for the garden chat with omar tmrw at 4", "text it to him"],
         outcome(sms=[Sms(P["Omar"], LINK)], ran=("get_zoom_meeting_link",))),
    case("dev10_meet_lucas_30min_link", "meeting",
         "Need a 30 min call w/ Lucas Thu 4pm re the invoice. Get a link and email it to him",
         outcome(mails=[Mail((E["Lucas"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev10_meet_omar_location", "meeting",
         "schedule a meeting with omar on saturday at 10am at my house to walk through the garden",
         outcome(events=[Event("2026-12-05 10:00", r"garden|omar|meeting", may_invite=(E["Omar"],),
                               location=r"house|home")]),
         when=("saturday at 10am", "2026-12-05 10:00")),

    # -- failures: what is missing is said, nothing is sent ------------------------------------------------
    case("dev10_fail_unknown_kevin", "failure",
         "text kevin im outside",
         outcome(answer=absent("Kevin")), SENT),
    case("dev10_fail_price_list", "failure",
         "Email Tom the price list PDF",
         outcome(answer=absent("price list")), SENT),
    case("dev10_fail_nina_no_email", "failure",
         "Would you please reply to the email that Nina sent me about the book club? Tell her I have finished "
         "the novel and enjoyed it very much.",
         outcome(answer=absent("Nina")), SENT),
    case("dev10_fail_note_garden_plan", "failure",
         "open my note called Garden plan",
         outcome(answer=absent("Garden plan")), ANY_ACTION),
    case("dev10_fail_forward_from_yuki", "failure",
         "fwd the email from yuki to marcus pls",
         outcome(answer=absent("Yuki")), SENT),
    case("dev10_fail_lease_pdf", "failure",
         "Summarize the lease agreement PDF for me, would you?",
         outcome(answer=absent("lease")), ANY_ACTION),
    case("dev10_fail_gabriel_and_sarah", "failure",
         "email sarah and gabriel the team handbook",
         outcome(answer=absent("Gabriel")), SENT),

    # -- documents ---------------------------------------------------------------------------------------------
    case("dev10_doc_pilot_schools", "document",
         "Could you look in my documents and tell me how many schools took part in the Falcon pilot? "
         "I was asked about it at dinner and could not remember.",
         outcome(answer=r"twelve|\b12\b"), ANY_ACTION),
    case("dev10_doc_lead_time", "document",
         "lead time on the particulate matter sensor? its in the q3 report",
         outcome(answer=r"sixteen|\b16\b"), ANY_ACTION),
    case("dev10_doc_hotel_name", "document",
         "whats the hotel called in lisbon",
         outcome(answer=r"casa do rio"), ANY_ACTION),
    case("dev10_doc_handbook_to_james", "document",
         "Summarize the team handbook and email the summary to James",
         outcome(mails=[Mail((E["James"],), body=SUMMARY_HANDBOOK)])),
    case("dev10_doc_battery_life", "document",
         "How long did the batteries last in the field trial, according to the Q3 report?",
         outcome(answer=r"nine months|9 months"), ANY_ACTION),
    case("dev10_doc_tram_then_text", "document",
         ["which tram line is the evening ride on in lisbon", "text that to david"],
         outcome(sms=[Sms(P["David"], r"28")], answer={0: r"\b28\b"})),
    case("dev10_doc_q3_into_note", "document",
         "Summarise the Q3 report into a note called Falcon Q3 notes",
         outcome(notes=[Note("Falcon Q3 notes", (SUMMARY_Q3,))])),
    case("dev10_doc_workshop_time_note", "document",
         ["Could you tell me what time the partner workshop starts on the Tuesday of my Lisbon trip?",
          "Lovely. Please put that in a note called Lisbon workshop so that I do not forget it."],
         outcome(notes=[Note("Lisbon workshop", (r"0?9:00|9 ?am|nine",))], answer={0: r"0?9:00|9 ?am|nine"})),

    # -- append to a note ----------------------------------------------------------------------------------
    case("dev10_append_ideas_skate", "append",
         "add 'learn to skateboard' to my ideas note",
         outcome(notes=[Note("Ideas", (r"skateboard", r"hiking trail"))])),
    case("dev10_append_shopping_two", "append",
         "shopping list: add printer paper and stamps",
         outcome(notes=[Note("Shopping list", (r"printer paper", r"stamps", r"oat milk"))])),
    case("dev10_append_meeting_notes", "append",
         "Please add a line to my meeting notes: Action: James to send the supplier list by Friday.",
         outcome(notes=[Note("Meeting notes", (r"supplier list", r"Falcon weekly sync"))])),
    case("dev10_append_after_reading", "append",
         ["read me my shopping list", "add dish soap to it pls"],
         outcome(notes=[Note("Shopping list", (r"dish soap", r"basil"))], answer={0: r"oat milk|coffee beans|basil"})),

    # -- durations ---------------------------------------------------------------------------------------------
    case("dev10_dur_inventory_90", "duration",
         "block 90 min tmrw 1pm for inventory count",
         outcome(events=[Event("2026-12-01 13:00", r"inventory", end="2026-12-01 14:30")]),
         when=("tmrw 1pm", "2026-12-01 13:00")),
    case("dev10_dur_piano_lesson", "duration",
         "Please put a piano lesson in my calendar on Wednesday, from four o'clock until half past five in the afternoon.",
         outcome(events=[Event("2026-12-02 16:00", r"piano", end="2026-12-02 17:30")]),
         when=("Wednesday, from four o'clock", "2026-12-02 16:00")),
    case("dev10_dur_study_group", "duration",
         "add study group sat 2 to 4:30pm to my calendar",
         outcome(events=[Event("2026-12-05 14:00", r"study", end="2026-12-05 16:30")]),
         when=("sat 2 to 4:30pm", "2026-12-05 14:00")),

    # -- edits no tool can make ----------------------------------------------------------------------------
    case("dev10_edit_rename_dentist", "edit",
         ["Put Dentist on my cal Thurs 9am", "rename it to Dentist - Dr Alvarez"],
         either(all_of(outcome(events=[Event("2026-12-03 09:00", r"dentist")], answer=CANT), says_not(CLAIMED_EDIT)),
                all_of(outcome(events=[Event("2026-12-03 09:00", r"^(?!.*alvarez).*dentist"),
                                       Event("2026-12-03 09:00", r"alvarez")]), says_not(CLAIMED_EDIT))),
         when=("Thurs 9am", "2026-12-03 09:00")),
    case("dev10_edit_note_line", "edit",
         ["create a note called Errands with call the bank and pick up dry cleaning",
          "change 'call the bank' to 'email the bank' in that note"],
         all_of(outcome(notes=[Note("Errands", (r"call the bank", r"dry cleaning"))], answer=CANT),
                says_not(CLAIMED_EDIT))),

    # -- impossible: no tool does it ----------------------------------------------------------------------
    case("dev10_impossible_pay_invoice", "impossible",
         "pay lucas's invoice",
         outcome(answer=CANT), ANY_ACTION),
    case("dev10_impossible_play_playlist", "impossible",
         "play my study playlist pls",
         outcome(answer=CANT), ANY_ACTION),
    case("dev10_impossible_print_handbook", "impossible",
         "Could you please print the team handbook for me? I find it much easier to read on paper.",
         outcome(answer=CANT), ANY_ACTION),

    # -- not English ------------------------------------------------------------------------------------------
    case("dev10_lang_spanish_text", "language",
         "envía un mensaje a Marcus diciendo que llego tarde",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev10_lang_german_reminder", "language",
         "Erinnere mich morgen um 9 Uhr an den Zahnarzt",
         outcome(answer=ENGLISH), ANY_ACTION),
]
