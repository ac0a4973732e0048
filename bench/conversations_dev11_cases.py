"""An eleventh set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev11 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. New situations and wordings (it did not read the other development sets' cases or the
blind bench/conversations_cases.py), in three voices: a nurse on night shifts (tired, typos, 24-hour times
like "0730", "txt", "pls"), a non-native speaker (German, Spanish or Hindi word order, articles dropped,
"per email", "10 o'clock") and a manager dictating into the phone (run-on sentences, "comma" and "full stop"
left in, self-corrections mid-sentence: "no scratch that", "no make that 9 30").
It covers: reply (by sender, subject words, day, "the older one", "the newest", "that email" after it was
shown, a reply then a text) · forward (by sender, subject words, "the oldest", after it was shown, to two
people, with a file the original lacks, then a text) · followup (her/him/it/that, the evening before, an
hour before, the same as a text, a note sent on, a turn after a failed one, three-turn ones) · correction
(a time, a day, a person, a file; within one sentence) · meeting (invitees, lengths, a meeting link mailed
or put in the calendar) · failure (an unknown contact, file, note, email or PDF; a second turn after it) ·
document (a fact from a named or unnamed PDF, sent on or saved) · append · duration · edit (rename a note,
retitle an event: no tool does it) · impossible (call, pay, translate) · language (German, Spanish).
Run: ``bench/outcomes.py --cases conversations-dev11 [--only dev11_x,dev11_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "evening" is 18:00; a time like "at 2" for a meeting is read as 14:00. The inbox is listed in
bench/conversations_dev_cases.py's docstring (Lucas's invoice is from Thursday 2026-11-26, Marcus's
firmware email from Friday 2026-11-27). A reply quotes the original, so a reply's body pattern uses words
its original does not contain. Beyond the DSL: ``either``, ``all_of``, ``says_not`` and ``ENGLISH``
(conversations_dev_cases), ``MISSING``, ``CLAIMED_EDIT`` and ``CLAIMED_UNDO`` (conversations_dev2_cases).
A correction of something already written cannot take it back (no tool moves, edits or unsends), so the
checks accept the old thing staying beside the new one, and (for a time or a day) an answer that says it
cannot change it; they refuse an answer that claims it was changed or taken back.
What the checks cannot say: in which turn a thing was written (only the end state is read), that a
meeting link put in the calendar is the link shown before, or what a reply's own words say beyond a
key word (the original is quoted under it).
"""

from __future__ import annotations

import re

from conversations_dev2_cases import CLAIMED_EDIT, CLAIMED_UNDO, MISSING
from conversations_dev_cases import ENGLISH, LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                            outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


#: Words of a summary of the Q3 report.
SUMMARY_Q3 = r"falcon|sensor|budget|pilot|firmware|schools"
#: A forwarded subject.
FWD = r"^(Fwd?|FW):"

CASES = [
    # -- reply: which email, in many ways ------------------------------------------------------------
    case("dev11_reply_priya_lunch_nights", "reply",
         "reply to priyas lunch mail pls, tell her i cant do fri, on nights this week n sleep til 2",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"nights?\b|sleep")])),
    case("dev11_reply_omar_quote_ok", "reply",
         "Please reply to Omar for the garden quote, write him that 14th is okay for start and price is fine also.",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"okay|\bok\b|fine")])),
    case("dev11_reply_by_thursday_dictated", "reply",
         "reply to the email from thursday comma the invoice one comma say thank you full stop I will transfer "
         "the money before the 20th full stop",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"transfer|thank")])),
    case("dev11_reply_marcus_hold_off", "reply",
         "marcus 2.1 mail, reply pls: hold off w the rollout til next week, cant test it before, sorry",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"hold|next week|test")])),
    case("dev11_reply_that_email_after_shown", "reply",
         ["What wrote David about the hotel?", "Ok. Answer to that email: thank you, check-in at 14 is good for me."],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"thank|good for me")],
                 answer={0: r"casa do rio|alfama|14:00|check-in"})),
    case("dev11_reply_sarah_older_offsite", "reply",
         "reply to sarahs older email the offsite one and say I'll be there but I have to leave by three comma "
         "no sorry by four comma school pickup",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"pick.?up|school|\bfour\b")])),
    case("dev11_reply_sarah_q3_saturday", "reply",
         "answer sarahs q3 draft mail - comments by thurs not possible, im on night shift, will send sat",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"shift|\bsat")])),
    case("dev11_reply_newest_unnamed", "reply",
         "Reply on the newest mail in my inbox: yes, I come, thank you for inviting.",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\bcom(e|ing)\b|invit|yes")])),
    case("dev11_reply_then_text_him", "reply",
         ["reply to david kim's lisbon email tell him thanks the flights look good full stop and ask if the hotel "
          "has parking", "and text him that I replied"],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"parking")],
                 sms=[Sms(P["David"], r"repl|e-?mail|mail|inbox")])),

    # -- forward ---------------------------------------------------------------------------------------
    case("dev11_fwd_q3_james_selfcorrect", "forward",
         "forward sarah's q3 draft to james o'brien and say can you check the budget numbers comma no wait "
         "the risk section comma before thursday",
         outcome(mails=[Mail((E["James"],), (Q3,), subject=FWD + r".*Q3", body=r"risk")])),
    case("dev11_fwd_invoice_tom", "forward", "fwd the invoice from lucas to tom becker pls",
         outcome(mails=[Mail((E["Tom"],), subject=FWD + r".*invoice")])),
    case("dev11_fwd_oldest_to_nina", "forward", "The oldest email in inbox, please forward it to Nina.",
         outcome(mails=[Mail((E["Nina"],), subject=FWD + r".*garden")])),
    case("dev11_fwd_that_after_shown", "forward",
         ["what did marcus say abt firmware 2.1", "ok fwd that to yuki"],
         outcome(mails=[Mail((E["Yuki"],), subject=FWD + r".*firmware")],
                 answer={0: r"humidity|battery|boot|thursday|pilot"})),
    case("dev11_fwd_lisbon_add_pdf", "forward",
         "forward david's flight email to elena rossi and attach the lisbon itinerary pdf comma he forgot to "
         "attach it",
         either(outcome(mails=[Mail((E["Elena"],), (LISBON,), subject=FWD + r".*lisbon")]),
                outcome(mails=[Mail((E["Elena"],), subject=FWD + r".*lisbon"), Mail((E["Elena"],), (LISBON,))]))),
    case("dev11_fwd_offsite_two_people", "forward", "Forward the email of the offsite to Marcus and Priya, please.",
         either(outcome(mails=[Mail((E["Marcus"], E["Priya"]), subject=FWD + r".*offsite")]),
                outcome(mails=[Mail((E["Marcus"],), subject=FWD + r".*offsite"),
                               Mail((E["Priya"],), subject=FWD + r".*offsite")]))),
    case("dev11_fwd_lunch_then_text", "forward",
         ["forward priya's lunch email to tom", "text him as well that he should come on friday comma lunch is on me"],
         outcome(mails=[Mail((E["Tom"],), subject=FWD + r".*lunch")], sms=[Sms(P["Tom"], r"friday|on me")])),

    # -- follow-ups --------------------------------------------------------------------------------------
    case("dev11_fu_number_then_late", "followup", ["aishas number?", "txt her im running late, there at 0745"],
         outcome(sms=[Sms(P["Aisha"], r"late|0745|7:45")], answer={0: r"555-0107"})),
    case("dev11_fu_flu_clinic_evening_before", "followup",
         ["put flu jab clinic thursday 0800 in calender", "remind me the evening before"],
         outcome(events=[Event("2026-12-03 08:00", r"flu")], reminders=[Reminder("2026-12-02 18:00")]),
         when=("thursday 0800", "2026-12-03 08:00")),
    case("dev11_fu_email_then_same_sms", "followup",
         ["Write email to Tom Becker: the invoice I pay on Friday.", "Send him same as SMS also."],
         outcome(mails=[Mail((E["Tom"],), body=r"friday|pay")], sms=[Sms(P["Tom"], r"friday|pay")])),
    case("dev11_fu_note_then_email_it", "followup",
         ["make a note called Q1 priorities comma hire a second tester comma qualify the new supplier comma ship 2.1",
          "now email it to sarah"],
         either(outcome(notes=[Note("Q1 priorities", (r"tester", r"supplier"))],
                        mails=[Mail((E["Sarah"],), body=r"tester|supplier")]),
                outcome(notes=[Note("Q1 priorities", (r"tester", r"supplier"))],
                        mails=[Mail((E["Sarah"],), ("Q1 priorities.md",))]))),
    case("dev11_fu_bike_three_turns", "followup",
         ["Make appointment 'Bike repair' on Saturday 10 o'clock.", "Remind me one hour before.",
          "And text Omar that I am not at home Saturday morning."],
         outcome(events=[Event("2026-12-05 10:00", r"bike")], reminders=[Reminder("2026-12-05 09:00")],
                 sms=[Sms(P["Omar"], r"saturday|home")]),
         when=("Saturday 10 o'clock", "2026-12-05 10:00")),
    case("dev11_fu_david_email_then_handbook", "followup", ["whats davids email", "send him the handbook pdf"],
         outcome(mails=[Mail((E["David"],), (HANDBOOK,))], answer={0: r"david\.kim@example\.com"})),
    case("dev11_fu_dentist_two_back", "followup",
         ["put dentist on friday at 8 30 in the morning in my calendar",
          "text elena I can't do the friday breakfast then",
          "and remind me about the dentist the day before at 9 pm"],
         outcome(events=[Event("2026-12-04 08:30", r"dentist")], sms=[Sms(P["Elena"], r"breakfast|friday")],
                 reminders=[Reminder("2026-12-03 21:00", r"dentist")]),
         when=("friday at 8 30 in the morning", "2026-12-04 08:30")),
    case("dev11_fu_summary_into_note", "followup",
         ["Make summary of the Q3 report, please.", "Put this in a note with name Q3 short."],
         outcome(notes=[Note("Q3 short", (SUMMARY_Q3,))], answer={0: SUMMARY_Q3})),
    case("dev11_fu_reminder_then_text_lucas", "followup",
         ["remind me 2morrow 1600 to call lucas re invoice", "also txt him ill call after my shift"],
         outcome(reminders=[Reminder("2026-12-01 16:00", r"lucas|invoice")], sms=[Sms(P["Lucas"], r"call|shift")]),
         when=("2morrow 1600", "2026-12-01 16:00")),
    case("dev11_fu_unknown_then_i_mean", "followup", ["Text to Marta that I come later.", "Sorry, I mean Marcus."],
         outcome(sms=[Sms(P["Marcus"], r"later|late")], answer={0: absent("Marta")})),
    case("dev11_fu_list_add_then_text", "followup",
         ["whats on my shopping list", "add plasters and earplugs", "txt the whole list to aisha"],
         outcome(notes=[Note("Shopping list", (r"oat milk", r"plasters", r"earplugs"))],
                 sms=[Sms(P["Aisha"], r"(?=.*oat milk)(?=.*earplug)")], answer={0: r"oat milk|coffee|basil"})),
    case("dev11_fu_directions_then_email", "followup",
         ["Show me way from Alfama to Belem with public transport.", "Send this link to David per email."],
         outcome(mails=[Mail((E["David"],), body=r"openstreetmap\.org")], answer={0: r"openstreetmap\.org"})),

    # -- corrections ------------------------------------------------------------------------------------
    case("dev11_corr_staff_meeting_time", "correction",
         ["calendar: staff meeting wed 1400", "sorry 1500 not 1400"],
         all_of(either(outcome(events=[Event("2026-12-02 14:00", r"staff"), Event("2026-12-02 15:00", r"staff")]),
                       outcome(events=[Event("2026-12-02 14:00", r"staff")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("wed 1400", "2026-12-02 14:00")),
    case("dev11_corr_person_in_sentence", "correction",
         "text marcus comma no scratch that text priya that the review moved to friday",
         outcome(sms=[Sms(P["Priya"], r"review|friday")])),
    case("dev11_corr_reminder_day", "correction",
         ["Remind me Tuesday to bring the documents to clinic.", "No, not Tuesday, Wednesday."],
         all_of(either(outcome(reminders=[Reminder("2026-12-01", r"document"), Reminder("2026-12-02", r"document")]),
                       outcome(reminders=[Reminder("2026-12-01", r"document")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("Tuesday", "2026-12-01")),
    case("dev11_corr_wrong_file", "correction", ["email james the q3 report", "wrong one sorry, the handbook"],
         all_of(outcome(mails=[Mail((E["James"],), (Q3,)), Mail((E["James"],), (HANDBOOK,))]),
                says_not(CLAIMED_UNDO))),
    case("dev11_corr_wrong_person", "correction",
         ["Send Nina the Lisbon itinerary, please.", "Ah sorry, I mean Elena, not Nina."],
         all_of(outcome(mails=[Mail((E["Nina"],), (LISBON,)), Mail((E["Elena"],), (LISBON,))]),
                says_not(CLAIMED_UNDO))),

    # -- meetings -------------------------------------------------------------------------------------------
    case("dev11_meet_design_review_90", "meeting",
         "set up a design review with elena rossi and tom becker on thursday at 2 comma make it 90 minutes comma "
         "put it in my calendar",
         outcome(events=[Event("2026-12-03 14:00", r"design|review", end="2026-12-03 15:30",
                               invitees=(E["Elena"], E["Tom"]))]),
         when=("thursday at 2", "2026-12-03 14:00")),
    case("dev11_meet_handover_link_email", "meeting", "get zoom link for handover tmrw 0700 and email it to aisha",
         outcome(mails=[Mail((E["Aisha"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev11_meet_link_then_calendar", "meeting",
         ["Give me meeting link for call with Yuki Friday 10 o'clock.", "Put it also in my calendar with the link."],
         outcome(events=[Event("2026-12-04 10:00", r"yuki|call|meeting", may_invite=(E["Yuki"],))],
                 answer={0: LINK}, ran=("get_zoom_meeting_link",)),
         when=("Friday 10 o'clock", "2026-12-04 10:00")),
    case("dev11_meet_lunch_reply_and_calendar", "meeting",
         "reply to priya yes to lunch on friday at 12 30 and put it in my calendar as well",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"yes|sounds good|see you|count me|great")],
                 events=[Event("2026-12-04 12:30", r"lunch", may_invite=(E["Priya"],))]),
         when=("friday at 12 30", "2026-12-04 12:30")),
    case("dev11_meet_q3_review_30min", "meeting", "book the q3 review w sarah fri 1500 for 30 min, invite her",
         outcome(events=[Event("2026-12-04 15:00", r"review|Q3", end="2026-12-04 15:30", invitees=(E["Sarah"],))]),
         when=("fri 1500", "2026-12-04 15:00")),
    case("dev11_meet_workshop_link_mail", "meeting",
         "I need meeting link for workshop with Marcus, 2 hours, Wednesday 9 o'clock. Send it to him per email.",
         outcome(mails=[Mail((E["Marcus"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev11_meet_kickoff_three", "meeting",
         "put a kickoff next monday 9 till 10 30 with sarah marcus and yuki in the calendar full stop title "
         "Falcon Q1 kickoff",
         outcome(events=[Event("2026-12-07 09:00", r"kickoff", end="2026-12-07 10:30",
                               invitees=(E["Sarah"], E["Marcus"], E["Yuki"]))]),
         when=("next monday 9 till 10 30", "2026-12-07 09:00")),

    # -- failures ---------------------------------------------------------------------------------------------
    case("dev11_fail_unknown_doctor_sms", "failure", "txt dr mueller im on call tonight, back tmrw",
         outcome(answer=absent("Mueller")), SENT),
    case("dev11_fail_missing_roadmap_file", "failure", "Send to Sarah the presentation of the roadmap.",
         outcome(answer=absent("roadmap")), SENT),
    case("dev11_fail_missing_yuki_email", "failure",
         "forward the email from yuki about the battery test to marcus full stop",
         outcome(answer=absent("Yuki")), SENT),
    case("dev11_fail_missing_rota_note", "failure", "add 'swap shift w carla' to my rota note",
         either(outcome(answer=absent("rota")), outcome(notes=[Note("Rota", (r"carla",))]))),
    case("dev11_fail_unknown_then_ask_priya", "failure",
         ["What is email address of Raj Sharma?", "Okay, then write to Priya and ask her for his address."],
         outcome(mails=[Mail((E["Priya"],), body=r"\braj\b")], answer={0: absent("Raj")})),
    case("dev11_fail_missing_minutes_pdf", "failure",
         "summarise the board minutes pdf for me comma the one from october",
         outcome(answer=absent("minutes")), ANY_ACTION),

    # -- documents ----------------------------------------------------------------------------------------------
    case("dev11_doc_workshop_start", "document", "what time does the lisbon workshop start on tue",
         outcome(answer=r"0?9:00|9 ?am|9 o'?clock"), ANY_ACTION),
    case("dev11_doc_battery_life", "document", "How long the battery is lasting in field trial of Falcon?",
         outcome(answer=r"nine months|9 months"), ANY_ACTION),
    case("dev11_doc_lead_time_to_marcus", "document",
         "look up the lead time of the particulate sensor in the q3 report and text it to marcus",
         outcome(sms=[Sms(P["Marcus"], r"sixteen|16")])),
    case("dev11_doc_checkout_into_note", "document",
         ["when do i have to check out of the hotel in lisbon", "ok put that in a note called Lisbon checkout"],
         outcome(notes=[Note("Lisbon checkout", (r"11",))], answer={0: r"11:00|11 ?am|11 o'?clock"})),
    case("dev11_doc_economy_class", "document", "In the handbook, which class I can fly when flight is short?",
         outcome(answer=r"economy"), ANY_ACTION),
    case("dev11_doc_pilot_schools_email", "document",
         "how many schools were in the pilot comma and email the number to james",
         outcome(mails=[Mail((E["James"],), body=r"twelve|\b12\b")])),
    case("dev11_doc_weekly_sync", "document", "when is weekly sync acc to handbook",
         outcome(answer=r"(?=.*monday)(?=.*(10:00|10 ?am|\b10\b))"), ANY_ACTION),

    # -- append ---------------------------------------------------------------------------------------------
    case("dev11_app_shopping", "append", "add ibuprofen n energy drinks to shopping list",
         outcome(notes=[Note("Shopping list", (r"ibuprofen", r"energy drink", r"oat milk"))])),
    case("dev11_app_ideas", "append", "To my Ideas note add please: visit tile museum in Lisbon.",
         outcome(notes=[Note("Ideas", (r"tile museum", r"hiking trail"))])),
    case("dev11_app_meeting_notes", "append",
         "add to my meeting notes comma action colon Yuki to qualify the second sensor supplier full stop",
         outcome(notes=[Note("Meeting notes", (r"yuki", r"supplier", r"Falcon weekly sync"))])),
    case("dev11_app_open_then_add", "append", ["open my ideas note", "add 'sleep 8 hrs after nights' to it"],
         outcome(notes=[Note("Ideas", (r"sleep 8", r"Automate"))], answer={0: r"automate|hiking|portuguese"})),

    # -- durations ----------------------------------------------------------------------------------------------
    case("dev11_dur_0730_to_0930", "duration", "block 0730 to 0930 wed for sleep study training",
         outcome(events=[Event("2026-12-02 07:30", r"training|sleep", end="2026-12-02 09:30")]),
         when=("0730 to 0930 wed", "2026-12-02 07:30")),
    case("dev11_dur_45_minutes", "duration",
         "Make event 'Tax meeting with Lucas' Thursday 16 o'clock for 45 minutes.",
         outcome(events=[Event("2026-12-03 16:00", r"tax", end="2026-12-03 16:45", may_invite=(E["Lucas"],))]),
         when=("Thursday 16 o'clock", "2026-12-03 16:00")),
    case("dev11_dur_two_and_half_selfcorrect", "duration",
         "put a two and a half hour budget workshop on friday starting at 9 no make that 9 30",
         outcome(events=[Event("2026-12-04 09:30", r"budget", end="2026-12-04 12:00")]),
         when=("friday starting at 9 no make that 9 30", "2026-12-04 09:30")),

    # -- edits no tool makes ------------------------------------------------------------------------------------
    case("dev11_edit_rename_note", "edit",
         ["new note called Shift swaps: carla takes my sat, i take her tue", "rename that note to Rota changes"],
         all_of(either(outcome(notes=[Note("Shift swaps", (r"carla",))], answer=CANT),
                       outcome(notes=[Note("Shift swaps", (r"carla",)), Note("Rota changes", (r"carla",))])),
                says_not(CLAIMED_EDIT))),
    case("dev11_edit_event_title", "edit",
         ["Put 'Doctor' in calendar Friday 8:15.", "Please change the title of it to 'Dr. Okafor check-up'."],
         all_of(either(outcome(events=[Event("2026-12-04 08:15", r"doctor")], answer=CANT),
                       outcome(events=[Event("2026-12-04 08:15", r"doctor"),
                                       Event("2026-12-04 08:15", r"okafor", may_invite=(E["Aisha"],))])),
                says_not(CLAIMED_EDIT)),
         when=("Friday 8:15", "2026-12-04 08:15")),

    # -- impossible ----------------------------------------------------------------------------------------------
    case("dev11_imp_call_aisha", "impossible", "call aisha pls cant type rn", outcome(answer=CANT), ANY_ACTION),
    case("dev11_imp_pay_invoice", "impossible",
         "pay lucas's invoice from the business account comma 480 euros full stop", outcome(answer=CANT), ANY_ACTION),
    case("dev11_imp_translate_quote", "impossible", "Translate the garden quote email into Spanish for me.",
         outcome(answer=CANT), ANY_ACTION),

    # -- not English ---------------------------------------------------------------------------------------------
    case("dev11_lang_german_sms", "language", "Bitte schick Sarah eine SMS, dass ich heute später komme.",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev11_lang_spanish_reminder", "language", "¿Puedes recordarme mañana a las 8 que llame a Omar?",
         outcome(answer=ENGLISH), ANY_ACTION),
]
