"""A seventeenth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev17 on 2026-12-08 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. Every request was typed by hand in three voices: an impatient startup founder
(clipped, lowercase, "pls", "asap", "ffs", "w/", "tmrw"), an Indian English speaker in an office
("kindly", "do the needful", "revert back", "PFA", "today itself", "the same"), and someone dictating by
voice on a phone (run-on sentences without punctuation, speech-to-text slips such as "to morrow",
"at for pm"). It did not read the other development sets' cases or the blind bench/conversations_cases.py.
It covers: reply (by sender, subject words, "the latest", the older of Sarah's two emails, a weekday,
"that one" after it was shown, then "text him the same") · forward (to one, two, a later "and to X too",
with a note, "that" after a question about it) · followup (him/her/it, the evening before, the same to
another person, after a declined turn, three turns) · correction (a time, a person, an attachment, a day)
· meeting (invitees, a video link mailed or texted, lengths, a link for an event made the turn before) ·
failure (an unknown contact, file, note or email, a date that does not exist, Python that errors, a
second turn after a failure) · document (facts of the three PDFs and the notes, one sent on by mail, one
by text) · append · duration · edit (a rename or a change no tool can make) · impossible · language.
Run: ``bench/outcomes.py --cases conversations-dev17 [--only dev17_x,dev17_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "tonight" is 20:00, "evening" 18:00. The inbox is listed in bench/conversations_dev_cases.py's
docstring (Marcus's firmware email is from Friday 2026-11-27, Lucas's invoice from Thursday 2026-11-26).
A reply quotes the original, so a reply's body pattern uses words its original does not contain.
Beyond the DSL: ``either``, ``all_of`` and ``says_not`` (conversations_dev_cases), ``MISSING``,
``BAD_DATE`` and ``CLAIMED_EDIT`` (conversations_dev2_cases).
What the checks cannot say: in which turn a thing was written (only the end state is read), or that a
link mailed in a later turn is the one shown before (only that a link is there).
Unsure: the speech-to-text slips ("to morrow", "at for pm", "for 30") are held to the time a person meant;
a correction of a text already queued accepts the first text left in the outbox (no tool can take it back).
"""

from __future__ import annotations

import re

from conversations_dev2_cases import BAD_DATE, CLAIMED_EDIT, MISSING
from conversations_dev_cases import ENGLISH, LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                            outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


#: Said when Python code failed.
PY_ERROR = r"error|exception|traceback|failed|division by zero|divide by zero|divided by zero|cannot divide"

CASES = [
    # -- reply: which inbox email --------------------------------------------------------------------
    case("dev17_reply_priya_lunch_founder", "reply",
         "reply to priya re lunch - yes fri 12:30 is fine, book the table pls",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\byes\b|\bfine\b|table")])),
    case("dev17_reply_lucas_invoice_kindly", "reply",
         "Kindly reply to the invoice mail from Lucas Martin saying payment will be done by 15th December itself.",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"payment|15th|december 15|15 dec")])),
    case("dev17_reply_omar_voice", "reply",
         "reply to omar about the garden quote say the 14th works great and can he start at 8 in the morning",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"morning|great|8 ?am")])),
    case("dev17_reply_that_one_firmware", "reply",
         ["show me marcus's firmware mail", "reply to that one, thursday rollout is ok go ahead"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go ahead|\bok\b|okay")],
                 answer={0: r"humidity|battery|four seconds|boot"})),
    case("dev17_reply_revert_david", "reply",
         "Please revert back to David's mail regarding Lisbon asking whether airport pickup is arranged from our side.",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"pick ?-?up")])),
    case("dev17_reply_sarah_offsite_not_q3", "reply",
         "sarah sent me 2 mails, reply to the offsite one: laptop yes, skipping the hiking part tho",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"hiking|skip")])),
    case("dev17_reply_sarah_q3_voice", "reply",
         "reply to sarahs q3 draft email and say i will send my comments on the budget by wednesday not thursday "
         "because im travelling",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"wednesday|travel")])),
    case("dev17_reply_latest_gr8", "reply", "reply to my latest mail: sounds gr8, count me in",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"count me in|gr8|great")])),
    case("dev17_reply_then_text_same", "reply",
         ["Kindly reply to Omar's quotation mail that we accept the 1,250 EUR quote and he may proceed.",
          "Also text him the same, he may not check his mails."],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"accept|proceed")],
                 sms=[Sms(P["Omar"], r"accept|proceed")])),
    case("dev17_reply_by_weekday", "reply",
         "reply to the email i got last thursday: received, we will pay before the due date",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"received|pay before")])),

    # -- forward ------------------------------------------------------------------------------------
    case("dev17_fwd_q3_james_asap", "forward", "fwd sarah's q3 draft to james asap",
         outcome(mails=[Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("dev17_fwd_invoice_to_priya", "forward",
         "Kindly forward Lucas Martin's November invoice to Priya, she is handling the accounts.",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*invoice")])),
    case("dev17_fwd_that_after_question", "forward",
         ["what did david say about the hotel", "ok forward that to elena"],
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*lisbon")], answer={0: r"casa do rio|alfama|14:00"})),
    case("dev17_fwd_offsite_two_voice", "forward",
         "forward sarahs email about the offsite agenda to yuki and james so they know about the hike",
         either(outcome(mails=[Mail((E["Yuki"], E["James"]), subject=r"^Fwd:.*offsite")]),
                outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*offsite"),
                               Mail((E["James"],), subject=r"^Fwd:.*offsite")]))),
    case("dev17_fwd_garden_then_nina", "forward",
         ["Please forward Omar's garden quote to Tom Becker for a second opinion.", "And to Nina also."],
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden"), Mail((E["Nina"],), subject=r"^Fwd:.*garden")])),
    case("dev17_fwd_firmware_with_note", "forward",
         "pls fwd marcus's firmware 2.1 notes to priya, add: test it on the pilot units before thu",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*firmware", body=r"test")])),

    # -- follow-ups ---------------------------------------------------------------------------------
    case("dev17_fu_number_then_text", "followup", ["whats tom beckers number", "text him: invoice paid, thx"],
         outcome(sms=[Sms(P["Tom"], r"paid")], answer={0: r"555-0108"})),
    case("dev17_fu_dentist_evening_before", "followup",
         ["put dentist appointment in my calendar thursday at 9:30 am", "and remind me the evening before"],
         outcome(events=[Event("2026-12-03 09:30", r"dentist")], reminders=[Reminder("2026-12-02 18:00")]),
         when=("thursday at 9:30 am", "2026-12-03 09:30")),
    case("dev17_fu_email_then_text_same", "followup",
         ["Kindly email Aisha that I will come to the clinic on Friday at 5pm for the report collection.",
          "Text her the same also."],
         outcome(mails=[Mail((E["Aisha"],), body=r"clinic|report")], sms=[Sms(P["Aisha"], r"clinic|report")])),
    case("dev17_fu_note_then_add", "followup",
         ["new note called Investor list - sequoia, a16z", "add accel too"],
         outcome(notes=[Note("Investor list", (r"sequoia", r"a16z", r"accel"))])),
    case("dev17_fu_three_turns_elena", "followup",
         ["whats elena's email", "send her the team handbook", "and text her that i mailed it"],
         outcome(mails=[Mail((E["Elena"],), (HANDBOOK,))], sms=[Sms(P["Elena"], r"mail|handbook|sent")],
                 answer={0: r"elena\.rossi@example\.com"})),
    case("dev17_fu_reminder_then_text_voice", "followup",
         ["remind me to call omar to morrow at ten am about the hedges",
          "and text him that ill call him at ten"],
         outcome(reminders=[Reminder("2026-12-01 10:00", r"omar|hedge|call")], sms=[Sms(P["Omar"], r"call|ten|10")]),
         when=("to morrow at ten am", "2026-12-01 10:00")),
    case("dev17_fu_flight_then_reminder", "followup",
         ["What time is my return flight from Lisbon?",
          "Okay, kindly remind me on Thursday at 4 pm to leave for the airport."],
         outcome(reminders=[Reminder("2026-12-03 16:00", r"airport")], answer={0: r"18:15|6:15 ?pm"}),
         when=("Thursday at 4 pm", "2026-12-03 16:00")),
    case("dev17_fu_same_to_priya", "followup", ["text marcus standup moved to 11", "same to priya"],
         outcome(sms=[Sms(P["Marcus"], r"standup|11"), Sms(P["Priya"], r"standup|11")])),
    case("dev17_fu_q3_needful_yuki", "followup",
         ["Kindly send the Q3 report pdf to James O'Brien.", "Do the needful for Yuki also."],
         outcome(mails=[Mail((E["James"],), (Q3,)), Mail((E["Yuki"],), (Q3,))])),
    case("dev17_fu_after_decline_lunch", "followup",
         ["order lunch for the whole team on friday", "ok then just put team lunch on my cal fri 12:30"],
         outcome(events=[Event("2026-12-04 12:30", r"lunch")], answer={0: CANT}),
         when=("fri 12:30", "2026-12-04 12:30")),

    # -- corrections --------------------------------------------------------------------------------
    case("dev17_corr_reminder_time", "correction",
         ["remind me to run payroll today 5pm", "actually 6pm"],
         all_of(either(outcome(reminders=[Reminder("2026-11-30 18:00", r"payroll")]),
                       outcome(reminders=[Reminder("2026-11-30 17:00", r"payroll"),
                                          Reminder("2026-11-30 18:00", r"payroll")])),
                says_not(CLAIMED_EDIT))),
    case("dev17_corr_person_text", "correction",
         ["text marcus running 10 min late", "sorry meant priya not marcus"],
         either(outcome(sms=[Sms(P["Marcus"], r"late"), Sms(P["Priya"], r"late")]),
                outcome(sms=[Sms(P["Priya"], r"late")]))),
    case("dev17_corr_attachment", "correction",
         ["Kindly email Priya the team handbook.", "Sorry, not the handbook, I meant the Q3 report."],
         either(outcome(mails=[Mail((E["Priya"],), (HANDBOOK,)), Mail((E["Priya"],), (Q3,))]),
                outcome(mails=[Mail((E["Priya"],), (Q3,))]))),
    case("dev17_corr_day_voice", "correction",
         ["schedule a call with james on wednesday at 3 pm about the enclosure", "no sorry thursday not wednesday"],
         all_of(either(outcome(events=[Event("2026-12-02 15:00", r"call|james|enclosure", may_invite=(E["James"],)),
                                       Event("2026-12-03 15:00", r"call|james|enclosure", may_invite=(E["James"],))]),
                       outcome(events=[Event("2026-12-03 15:00", r"call|james|enclosure",
                                             may_invite=(E["James"],))])),
                says_not(CLAIMED_EDIT))),

    # -- meetings -----------------------------------------------------------------------------------
    case("dev17_meet_link_mail_both", "meeting",
         "need a video link for deck review w sarah and james tmrw 3pm, mail it to both pls",
         either(outcome(mails=[Mail((E["Sarah"], E["James"]), body=LINK)], ran=("get_zoom_meeting_link",)),
                outcome(mails=[Mail((E["Sarah"],), body=LINK), Mail((E["James"],), body=LINK)],
                        ran=("get_zoom_meeting_link",)))),
    case("dev17_meet_invitees_kindly", "meeting",
         "Kindly schedule a meeting with Priya and Marcus on Wednesday at 11 am regarding the sensor supplier "
         "and add both of them as invitees.",
         outcome(events=[Event("2026-12-02 11:00", r"sensor|supplier", invitees=(E["Priya"], E["Marcus"]))]),
         when=("Wednesday at 11 am", "2026-12-02 11:00")),
    case("dev17_meet_for_pm_voice", "meeting",
         "set up a meeting with elena on friday at for pm about the new logo",
         outcome(events=[Event("2026-12-04 16:00", r"logo", may_invite=(E["Elena"],))]),
         when=("friday at for pm", "2026-12-04 16:00")),
    case("dev17_meet_event_and_link_30min", "meeting",
         "Please create a meeting 'Budget review' with Lucas Martin on 8th December at 2:30 pm for 30 minutes "
         "and get me a video link for the same.",
         outcome(events=[Event("2026-12-08 14:30", r"budget", end="2026-12-08 15:00", may_invite=(E["Lucas"],))],
                 answer=LINK, ran=("get_zoom_meeting_link",)),
         when=("8th December at 2:30 pm", "2026-12-08 14:30")),
    case("dev17_meet_then_link_to_her", "meeting",
         ["put design sync w elena on my cal thu 10am", "get a meeting link for it and email it to her"],
         outcome(events=[Event("2026-12-03 10:00", r"design", may_invite=(E["Elena"],))],
                 mails=[Mail((E["Elena"],), body=LINK)], ran=("get_zoom_meeting_link",)),
         when=("thu 10am", "2026-12-03 10:00")),
    case("dev17_meet_planning_two_hours", "meeting",
         "Block 2 hours tomorrow from 2 pm for quarterly planning with Sarah, Marcus and Priya, kindly include all "
         "three as invitees.",
         outcome(events=[Event("2026-12-01 14:00", r"planning", end="2026-12-01 16:00",
                               invitees=(E["Sarah"], E["Marcus"], E["Priya"]))]),
         when=("tomorrow from 2 pm", "2026-12-01 14:00")),
    case("dev17_meet_link_text_nina_voice", "meeting",
         "get me a meeting link for a call with nina about the book club tonight at seven pm and text it to her",
         outcome(sms=[Sms(P["Nina"], LINK)], ran=("get_zoom_meeting_link",))),
    case("dev17_meet_invite_and_headsup", "meeting",
         "mtg w yuki fri 9am re firmware 2.1 signoff, invite her + email her a heads up",
         outcome(events=[Event("2026-12-04 09:00", r"firmware|sign", invitees=(E["Yuki"],))],
                 mails=[Mail((E["Yuki"],), body=r"firmware|friday|meeting|sign")]),
         when=("fri 9am", "2026-12-04 09:00")),

    # -- failures -----------------------------------------------------------------------------------
    case("dev17_fail_unknown_rahul", "failure", "Kindly send the team handbook to Rahul Sharma today itself.",
         outcome(not_found="Rahul"), SENT),
    case("dev17_fail_missing_pitch_deck", "failure", "email james the pitch deck pdf asap",
         outcome(not_found="pitch deck"), SENT),
    case("dev17_fail_november_31", "failure", "remind me to pay the rent on november 31st",
         outcome(answer=BAD_DATE), ANY_ACTION),
    case("dev17_fail_missing_note_vendor", "failure", "Kindly open my Vendor contacts note and revert.",
         outcome(answer=absent("Vendor contacts")), ANY_ACTION),
    case("dev17_fail_no_mail_from_aisha", "failure",
         "reply to the email from aisha and tell her thursday is fine for me",
         outcome(answer=absent("Aisha")), SENT),
    case("dev17_fail_python_zero", "failure", "run this python pls: print(480 / 0)",
         outcome(answer=PY_ERROR), ANY_ACTION),
    case("dev17_fail_unknown_then_marcus", "failure",
         ["text ravi that the staging server is down", "ugh ok text marcus that then"],
         outcome(sms=[Sms(P["Marcus"], r"server|down")], answer={0: absent("Ravi")})),

    # -- documents ----------------------------------------------------------------------------------
    case("dev17_doc_pm_lead_time", "document", "whats the lead time on the pm sensor per the q3 report",
         outcome(answer=r"sixteen weeks|16 weeks|16-week"), ANY_ACTION),
    case("dev17_doc_pilot_schools", "document", "How many schools participated in the pilot as per the Q3 report?",
         outcome(answer=r"twelve|\b12\b"), ANY_ACTION),
    case("dev17_doc_business_class_voice", "document",
         "what does the team handbook say about flying business class on a long trip",
         outcome(answer=r"economy"), ANY_ACTION),
    case("dev17_doc_checkout_then_text", "document",
         ["by what time do i have to check out of the hotel in lisbon on thursday", "text that to priya"],
         outcome(sms=[Sms(P["Priya"], r"\b11\b")], answer={0: r"\b11(:00| ?am)"})),
    case("dev17_doc_battery_then_email", "document",
         ["Kindly tell me the battery life achieved in the field trial as per the Q3 report.",
          "Do the needful and email the same to Yuki."],
         either(outcome(mails=[Mail((E["Yuki"],), body=r"nine months|9 months")],
                        answer={0: r"nine months|9 months"}),
                outcome(mails=[Mail((E["Yuki"],), (Q3,), body=r"nine months|9 months")],
                        answer={0: r"nine months|9 months"}))),
    case("dev17_doc_weekly_sync", "document", "when is the weekly sync, handbook says?",
         outcome(answer=r"(?=.*monday)(?=.*\b10\b)"), ANY_ACTION),
    case("dev17_doc_lisbon_tuesday_voice", "document",
         "what am i doing on tuesday in lisbon according to the itinerary",
         outcome(answer=r"workshop"), ANY_ACTION),
    case("dev17_doc_meeting_notes_marcus", "document", "what do my meeting notes say about marcus",
         outcome(answer=r"2\.1|next sprint|firmware"), ANY_ACTION),
    case("dev17_doc_budget_under", "document", "were we over or under budget in q3 and by how much",
         outcome(answer=r"(?=.*under)(?=.*(two percent|2 ?%|2 percent|412))"), ANY_ACTION),

    # -- append -------------------------------------------------------------------------------------
    case("dev17_append_shopping_founder", "append", "add paper towels + dish soap to shopping list",
         outcome(notes=[Note("Shopping list", (r"paper towels", r"dish soap", r"oat milk"))])),
    case("dev17_append_meeting_notes_kindly", "append",
         "Kindly add in my meeting notes: Action - Priya to share the supplier list by Friday.",
         outcome(notes=[Note("Meeting notes", (r"supplier list", r"Falcon weekly sync"))])),
    case("dev17_append_ideas_voice", "append", "add to my ideas note build a bird house with the kids",
         outcome(notes=[Note("Ideas", (r"bird ?house", r"portuguese"))])),
    case("dev17_append_after_open", "append", ["show my shopping list", "add coffee filters to it"],
         outcome(notes=[Note("Shopping list", (r"coffee filters", r"basil"))], answer={0: r"oat milk"})),

    # -- durations ----------------------------------------------------------------------------------
    case("dev17_dur_vendor_45", "duration",
         "Please put 'Vendor call' in my calendar on Thursday at 11:30 am for 45 minutes.",
         outcome(events=[Event("2026-12-03 11:30", r"vendor", end="2026-12-03 12:15")]),
         when=("Thursday at 11:30 am", "2026-12-03 11:30")),
    case("dev17_dur_gym_half_hour_voice", "duration", "add gym to my calendar to morrow at 7 am for half an hour",
         outcome(events=[Event("2026-12-01 07:00", r"gym", end="2026-12-01 07:30")]),
         when=("to morrow at 7 am", "2026-12-01 07:00")),
    case("dev17_dur_deep_work_range", "duration", "block deep work wed 9-12 ffs, no meetings",
         outcome(events=[Event("2026-12-02 09:00", r"deep work", end="2026-12-02 12:00")]),
         when=("wed 9-12", "2026-12-02 09:00")),

    # -- edits no tool can make -----------------------------------------------------------------------
    case("dev17_edit_rename_note", "edit",
         ["create a note Q1 goals: hire 2 engineers, close seed round", "rename it to 2027 goals"],
         all_of(outcome(notes=[Note("Q1 goals", (r"engineers", r"seed"))], answer=CANT), says_not(CLAIMED_EDIT))),
    case("dev17_edit_change_time", "edit",
         ["Kindly add Client visit on Tuesday at 3 pm to my calendar.", "Please change it to 4 pm."],
         all_of(either(outcome(events=[Event("2026-12-01 15:00", r"client"), Event("2026-12-01 16:00", r"client")]),
                       outcome(events=[Event("2026-12-01 15:00", r"client")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("Tuesday at 3 pm", "2026-12-01 15:00")),

    # -- impossible ---------------------------------------------------------------------------------
    case("dev17_imp_pay_invoice", "impossible", "pay lucas's invoice now pls", outcome(answer=CANT), ANY_ACTION),
    case("dev17_imp_printout", "impossible", "Kindly take a printout of the team handbook, 2 copies.",
         outcome(answer=CANT), ANY_ACTION),
    case("dev17_imp_call_voice", "impossible", "call marcus chen on speaker phone now",
         outcome(answer=CANT), ANY_ACTION),

    # -- not English --------------------------------------------------------------------------------
    case("dev17_lang_hindi", "language", "कृपया प्रिया को ईमेल भेजें कि मीटिंग कल सुबह दस बजे है",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev17_lang_spanish_voice", "language", "recuérdame llamar a omar mañana a las diez de la mañana",
         outcome(answer=ENGLISH), ANY_ACTION),
]
