"""A thirteenth set of development conversations over the sample workspace, written fresh (in-sample once
run).

Written by helper convdev13 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. Every request was written by hand, without reading the other development sets' cases
or the blind bench/conversations_cases.py. Three voices: a startup founder (terse, imperative, "tmrw",
"w/", several asks chained in one message), a parent organising family logistics (chatty, kids' names and
times, corrects themselves mid-sentence or in the next turn) and a non-native speaker (French or
Portuguese word order, "please to ...", "at Marcus", "reunion" for meeting, "agenda" for calendar,
"actually" meaning "currently", "14h" for 2pm).
Kinds: reply (by sender, subject words, "the newest", "the older one", the one with the attachment, a
weekday plus subject words, the one picked after an ambiguous first try) · forward (to one or two people,
after a reply, with an event) · followup (him/her/it, "the same", the evening before, an hour before,
three-turn ones) · correction (in the same message, or in the next turn: time, person, content) · meeting
(invitees, lengths, a meeting link mailed, texted or put in the calendar) · failure (an unknown contact,
file, note or email; a second turn after it) · document (a fact from the Q3 report, the itinerary or the
handbook, sent or saved on) · append · duration · edit (move an event, rename a note: not possible) ·
impossible (pay, call, translate) · language (French, Portuguese).
Run: ``bench/outcomes.py --cases conversations-dev13 [--only dev13_x,dev13_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today (Tuesday 12-01 ... Sunday 12-06); "morning" 09:00, "evening" 18:00, "tonight" 20:00. The inbox is
listed in bench/conversations_dev_cases.py's docstring (Sarah has two emails: the Q3 draft, newer, with the
PDF, and the offsite agenda; Priya's lunch email is the newest; nobody else wrote twice; Nina, Aisha,
Elena, Tom, Yuki and James wrote nothing). A reply quotes the original, so a reply's body pattern uses
words its original does not contain. Beyond the DSL: ``either``, ``all_of``, ``says_not``, ``LINK`` and
``ENGLISH`` (conversations_dev_cases), ``MISSING`` and ``CLAIMED_EDIT`` (conversations_dev2_cases).
What the checks cannot say: in which turn a thing was written (only the end state is read), and that a
second text or mail after a correction replaced the first (nothing can be unsent; both are expected).
"""

from __future__ import annotations

import re

from conversations_dev2_cases import CLAIMED_EDIT, MISSING
from conversations_dev_cases import ENGLISH, LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                            outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


#: Words of a summary of the Q3 report.
SUMMARY_Q3 = r"falcon|sensor|budget|pilot|firmware|battery|schools"


CASES = [
    # -- reply: which email is answered ------------------------------------------------------------------
    case("dev13_reply_invoice_and_reminder", "reply",
         "reply to lucas re invoice: paying next week, send a receipt after pls. "
         "remind me fri to check it cleared",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"receipt|next week")],
                 reminders=[Reminder("2026-12-04", r"clear|invoice|lucas|pay|check")]),
         when=("fri", "2026-12-04")),
    case("dev13_reply_priya_school_pickup", "reply",
         "Oh and Priya's email about the lunch, can you answer it? Tell her I can't do Friday, I pick up Leo "
         "from school right at 12:30, so sorry!!",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"leo|school|pick")])),
    case("dev13_reply_sarah_ambiguous_offsite", "reply",
         ["Could you reply to Sarah and say count me in, but I have to leave by 3 for the school run",
          "the offsite one"],
         either(outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"school|leave")]),
                outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"school|leave"),
                               Mail((E["Sarah"],), subject=r"^Re:.*Q3")]))),
    case("dev13_reply_firmware_text_priya", "reply",
         "answer marcus's firmware mail: go ahead thursday, no objection from me. "
         "also text priya 2.1 ships thu",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go ahead")],
                 sms=[Sms(P["Priya"], r"2\.1|ship|thu")])),
    case("dev13_reply_newest_nonnative", "reply",
         "Please to respond at the last mail I have received, say yes for me it is ok",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\bok\b|okay|\byes\b")])),
    case("dev13_reply_sunday_hotel", "reply",
         "The mail of sunday about the hotel, please respond him that we arrive late, "
         "so check-in after 22h is possible?",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"\blate\b|22")])),
    case("dev13_reply_sarah_older", "reply",
         "reply to sarah's older mail. agenda fine, add 30min for investor update before lunch",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"investor")])),
    case("dev13_reply_garden_then_text", "reply",
         ["reply to the garden quote, the 14th works for us, can they start at 8 though? the kids leave for "
          "school at 8:15",
          "and text him the same please"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"\b8\b|8 ?am|eight")],
                 sms=[Sms(P["Omar"], r"14|\b8\b|eight")])),
    case("dev13_reply_attached_report", "reply",
         "Respond to the mail with the report attached: I read it tonight and I send my comments "
         "before Thursday",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"tonight")])),

    # -- forward -------------------------------------------------------------------------------------------
    case("dev13_fwd_q3_two_people", "forward", "fwd sarah's q3 draft to yuki and james",
         either(outcome(mails=[Mail((E["Yuki"], E["James"]), (Q3,), subject=r"^Fwd:.*Q3")]),
                outcome(mails=[Mail((E["Yuki"],), (Q3,), subject=r"^Fwd:.*Q3"),
                               Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")]))),
    case("dev13_fwd_garden_to_tom", "forward",
         "Could you forward Omar's quote to Tom? He's my brother-in-law and he did his own garden last year",
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden")])),
    case("dev13_fwd_offsite_to_elena", "forward", "Please to forward the mail of the offsite at Elena",
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*offsite")])),
    case("dev13_fwd_after_reply", "forward",
         ["reply to lucas's invoice email, just say thanks, received",
          "forward it to Aisha as well, she handles our family paperwork"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"thank|received"),
                        Mail((E["Aisha"],), subject=r"^Fwd:.*invoice")])),
    case("dev13_fwd_release_notes_and_event", "forward",
         "forward marcus's release notes to priya + james, then put firmware rollout thu 9am in cal",
         either(outcome(mails=[Mail((E["Priya"], E["James"]), subject=r"^Fwd:.*firmware")],
                        events=[Event("2026-12-03 09:00", r"firmware|rollout")]),
                outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*firmware"),
                               Mail((E["James"],), subject=r"^Fwd:.*firmware")],
                        events=[Event("2026-12-03 09:00", r"firmware|rollout")])),
         when=("thu 9am", "2026-12-03 09:00")),
    case("dev13_fwd_lisbon_to_nina", "forward",
         "can you forward the email with the Lisbon flights to Nina? she's looking after the kids "
         "that week so she needs to know when I'm back",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*lisbon")])),
    case("dev13_fwd_newest_to_david", "forward",
         "The last mail I have received, forward it please at David Kim",
         outcome(mails=[Mail((E["David"],), subject=r"^Fwd:.*lunch")])),

    # -- follow-ups ----------------------------------------------------------------------------------------
    case("dev13_followup_swim_evening_before", "followup",
         ["Put Mia's swimming lesson in the calendar, Wednesday 4:30pm",
          "and remind me the evening before to pack her towel and goggles"],
         outcome(events=[Event("2026-12-02 16:30", r"swim")],
                 reminders=[Reminder("2026-12-01 18:00", r"towel|goggles|swim|pack")]),
         when=("Wednesday 4:30pm", "2026-12-02 16:30")),
    case("dev13_followup_yuki_number_text", "followup",
         ["yuki's number?", "text her: demo moved to 3pm, need the firmware build by 2"],
         outcome(sms=[Sms(P["Yuki"], r"demo|build")], answer={0: r"555-0109"})),
    case("dev13_followup_elena_mail_handbook", "followup",
         ["Which is the email of Elena Rossi?", "Please to send her the handbook of the team"],
         outcome(mails=[Mail((E["Elena"],), (HANDBOOK,))], answer={0: r"elena\.rossi@example\.com"})),
    case("dev13_followup_text_same_nina", "followup",
         ["text Tom that I'll drop the kids at his place at 5:30", "and text Nina the same"],
         outcome(sms=[Sms(P["Tom"], r"kids|5:30"), Sms(P["Nina"], r"kids|5:30")])),
    case("dev13_followup_note_add_email", "followup",
         ["create note Investor Qs: burn rate, hiring plan", "add: churn numbers", "email it to sarah"],
         either(outcome(notes=[Note("Investor Qs", (r"burn", r"hiring", r"churn"))],
                        mails=[Mail((E["Sarah"],), body=r"churn")]),
                outcome(notes=[Note("Investor Qs", (r"burn", r"hiring", r"churn"))],
                        mails=[Mail((E["Sarah"],), ("Investor Qs.md",))]))),
    case("dev13_followup_dentist_hour_before", "followup",
         ["Dentist for Leo on Thursday at 8:15am, can you put that in?", "and remind me an hour before"],
         outcome(events=[Event("2026-12-03 08:15", r"dentist")], reminders=[Reminder("2026-12-03 07:15")]),
         when=("Thursday at 8:15am", "2026-12-03 08:15")),
    case("dev13_followup_reminder_then_mail", "followup",
         ["Remind me tomorrow at 11 to call Omar for the hedges",
          "And write him an email that I will call him at 11 please"],
         outcome(reminders=[Reminder("2026-12-01 11:00", r"omar|hedge|call")],
                 mails=[Mail((E["Omar"],), body=r"call|11")]),
         when=("tomorrow at 11", "2026-12-01 11:00")),
    case("dev13_followup_summary_to_note", "followup",
         ["summarize the q3 report", "put that in a note called Board deck notes"],
         outcome(notes=[Note("Board deck notes", (SUMMARY_Q3,))], ran=("summarize_pdf",))),
    case("dev13_followup_aisha_flu_shot", "followup",
         ["What's Aisha's email? she's the kids' doctor",
          "great, email her asking if Mia can come in for the flu shot on Friday after school"],
         outcome(mails=[Mail((E["Aisha"],), body=r"flu")], answer={0: r"aisha\.okafor@example\.com"})),
    case("dev13_followup_agenda_then_sms", "followup",
         ["Create a meeting in my agenda with Marcus the Friday at 10h", "Send him a SMS for say it"],
         outcome(events=[Event("2026-12-04 10:00", may_invite=(E["Marcus"],))],
                 sms=[Sms(P["Marcus"], r"friday|\b10")]),
         when=("the Friday at 10h", "2026-12-04 10:00")),
    case("dev13_followup_party_three_turns", "followup",
         ["remind me to buy a birthday present for Nina's son Saturday morning",
          "oh and add wrapping paper to my shopping list",
          "and text Nina we'll be there at 3 on Saturday"],
         outcome(reminders=[Reminder("2026-12-05 09:00", r"present|birthday|gift")],
                 notes=[Note("Shopping list", (r"wrapping paper", r"oat milk"))],
                 sms=[Sms(P["Nina"], r"saturday|\b3\b")]),
         when=("Saturday morning", "2026-12-05 09:00")),
    case("dev13_followup_same_to_james", "followup", ["email priya the handbook", "same to james"],
         outcome(mails=[Mail((E["Priya"],), (HANDBOOK,)), Mail((E["James"],), (HANDBOOK,))])),

    # -- corrections ----------------------------------------------------------------------------------------
    case("dev13_correct_same_message", "correction",
         "Can you put Emma's piano recital in the calendar for Thursday at 6, no wait, sorry, it's at 6:30pm",
         outcome(events=[Event("2026-12-03 18:30", r"piano|recital")])),
    case("dev13_correct_pickup_time", "correction",
         ["Remind me to pick up Leo from football on Wednesday at 5pm",
          "sorry, make that 5:30, practice runs late this week"],
         all_of(outcome(reminders=[Reminder("2026-12-02 17:00", r"leo|football|pick"),
                                   Reminder("2026-12-02 17:30", r"leo|football|pick")]),
                says_not(CLAIMED_EDIT)),
         when=("Wednesday at 5pm", "2026-12-02 17:00")),
    case("dev13_correct_standup_text", "correction",
         ["text marcus standup at 9:15 tmrw", "correction: 9:45"],
         outcome(sms=[Sms(P["Marcus"], r"9:15"), Sms(P["Marcus"], r"9:45")])),
    case("dev13_correct_person_yuki", "correction",
         ["Please to email at Priya that the sync of Tuesday is at 14h",
          "Sorry I make a mistake, is not Priya, is Yuki"],
         outcome(mails=[Mail((E["Priya"],), body=r"sync"), Mail((E["Yuki"],), body=r"sync")])),
    case("dev13_correct_carpool_note", "correction",
         ["Create a note called Carpool with: Monday Tom drives, Wednesday me",
          "oops, Wednesday is Nina not me, add that"],
         outcome(notes=[Note("Carpool", (r"tom", r"nina"))])),

    # -- meetings ------------------------------------------------------------------------------------------
    case("dev13_meeting_link_email_both", "meeting",
         "jitsi link for investor sync w/ sarah + marcus tmrw 4pm, email it to both",
         either(outcome(mails=[Mail((E["Sarah"], E["Marcus"]), body=LINK)], ran=("get_zoom_meeting_link",)),
                outcome(mails=[Mail((E["Sarah"],), body=LINK), Mail((E["Marcus"],), body=LINK)],
                        ran=("get_zoom_meeting_link",)))),
    case("dev13_meeting_link_in_calendar", "meeting",
         "Set up a video call with Elena on Friday at 11 about the kids' room design and put it "
         "in my calendar with the link",
         outcome(events=[Event("2026-12-04 11:00", may_invite=(E["Elena"],))],
                 ran=("get_zoom_meeting_link",)),
         when=("Friday at 11", "2026-12-04 11:00")),
    case("dev13_meeting_reunion_invite", "meeting",
         "I need a reunion with Yuki and Marcus on Thursday at 15h, invite them please",
         outcome(events=[Event("2026-12-03 15:00", invitees=(E["Yuki"], E["Marcus"]))]),
         when=("Thursday at 15h", "2026-12-03 15:00")),
    case("dev13_meeting_45min_lucas", "meeting", "45 min call w/ lucas about runway, wed 10am, invite him",
         outcome(events=[Event("2026-12-02 10:00", r"runway|call|lucas", end="2026-12-02 10:45",
                               invitees=(E["Lucas"],))]),
         when=("wed 10am", "2026-12-02 10:00")),
    case("dev13_meeting_link_text_nina", "meeting",
         "Can you get me a meeting link for the school committee call tonight at 8, and text it to Nina?",
         outcome(sms=[Sms(P["Nina"], r"https://")], ran=("get_zoom_meeting_link",))),
    case("dev13_meeting_link_mail_david", "meeting",
         "Please to do a meeting link of 30 minutes with David about the trip, tomorrow 9h, "
         "and send him by mail",
         outcome(mails=[Mail((E["David"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev13_meeting_allhands_then_link", "meeting",
         ["invite priya, james, yuki to eng all-hands fri 9am", "also get a link for it and email them"],
         either(outcome(events=[Event("2026-12-04 09:00", invitees=(E["Priya"], E["James"], E["Yuki"]))],
                        mails=[Mail((E["Priya"], E["James"], E["Yuki"]), body=LINK)],
                        ran=("get_zoom_meeting_link",)),
                outcome(events=[Event("2026-12-04 09:00", invitees=(E["Priya"], E["James"], E["Yuki"]))],
                        mails=[Mail((E["Priya"],), body=LINK), Mail((E["James"],), body=LINK),
                               Mail((E["Yuki"],), body=LINK)],
                        ran=("get_zoom_meeting_link",))),
         when=("fri 9am", "2026-12-04 09:00")),

    # -- failures: what is not there is said, nothing sent -------------------------------------------------
    case("dev13_fail_unknown_julia", "failure", "text Julia the deck is ready",
         outcome(answer=absent("Julia")), SENT),
    case("dev13_fail_permission_slip", "failure", "Email the school permission slip PDF to Aisha please",
         outcome(answer=rf"(?=.*permission)(?=.*({MISSING}))"), SENT),
    case("dev13_fail_no_mail_from_nina", "failure", "Please forward at Marcus the mail of Nina",
         outcome(answer=absent("Nina")), SENT),
    case("dev13_fail_note_then_create", "failure",
         ["What's on my Kids activities note?", "ok then create it: Mia swim Wed, Leo football Wed"],
         outcome(notes=[Note("Kids activities", (r"swim", r"football"))],
                 answer={0: absent("Kids activities")})),
    case("dev13_fail_cap_table", "failure", "send the cap table xlsx to lucas",
         outcome(answer=rf"(?=.*cap table)(?=.*({MISSING}))"), SENT),
    case("dev13_fail_pedro_then_david", "failure",
         ["Send a SMS to Pedro that I arrive late, actually I am in the traffic",
          "ah sorry, is David, not Pedro"],
         outcome(sms=[Sms(P["David"], r"late|traffic")], answer={0: absent("Pedro")})),

    # -- documents -----------------------------------------------------------------------------------------
    case("dev13_doc_flight_class", "document", "What says the handbook about the class for the flights?",
         outcome(answer=r"economy"), ANY_ACTION),
    case("dev13_doc_lead_time_text", "document",
         "lead time on the PM sensor per the Q3 report? text marcus the number",
         outcome(sms=[Sms(P["Marcus"], r"sixteen|16")], answer=r"sixteen|16")),
    case("dev13_doc_hotel_text_nina", "document",
         ["What's the name of the hotel in Lisbon again?",
          "text it to Nina please, she wants to send the kids' drawings there"],
         outcome(sms=[Sms(P["Nina"], r"casa do rio")], answer={0: r"casa do rio"})),
    case("dev13_doc_pilot_schools_note", "document",
         ["how many schools in the falcon pilot", "put that in a new note Pilot stats"],
         outcome(notes=[Note("Pilot stats", (r"twelve|\b12\b",))], answer={0: r"twelve|\b12\b"})),
    case("dev13_doc_checkout_hour", "document",
         "At what hour I must check out of the hotel in Lisbon the Thursday?",
         outcome(answer=r"11:00|11 ?am|\b11\b"), ANY_ACTION),
    case("dev13_doc_weekly_sync", "document",
         "When's the weekly sync according to the team handbook? trying to work out if I can still do school "
         "drop-off that day",
         outcome(answer=r"(?=.*monday)(?=.*\b10\b)"), ANY_ACTION),
    case("dev13_doc_battery_and_send", "document",
         "battery life in the field trial per q3 report? and email yuki the report",
         outcome(mails=[Mail((E["Yuki"],), (Q3,))], answer=r"nine months|9 months")),

    # -- append ------------------------------------------------------------------------------------------
    case("dev13_append_shopping_kids", "append",
         "add eggs, bananas and juice boxes for the kids' lunchboxes to the shopping list",
         outcome(notes=[Note("Shopping list", (r"eggs", r"bananas", r"juice boxes", r"oat milk"))])),
    case("dev13_append_ideas", "append", "ideas note += referral program for pilot schools",
         outcome(notes=[Note("Ideas", (r"referral", r"automate"))])),
    case("dev13_append_meeting_notes", "append",
         "Please to add in my notes of meeting: Yuki will test the firmware on Friday",
         outcome(notes=[Note("Meeting notes", (r"yuki", r"falcon weekly sync"))])),
    case("dev13_append_then_text_list", "append",
         ["what's on my shopping list?",
          "add nappies to it, then text the whole list to Tom, he's doing the shop"],
         outcome(notes=[Note("Shopping list", (r"nappies", r"oat milk"))],
                 sms=[Sms(P["Tom"], r"oat milk|coffee|tomatoes|nappies")], answer={0: r"oat milk"})),

    # -- duration ---------------------------------------------------------------------------------------
    case("dev13_duration_party", "duration",
         "Block 2 and a half hours on Saturday from 10am for Mia's birthday party",
         outcome(events=[Event("2026-12-05 10:00", r"birthday|party|mia", end="2026-12-05 12:30")]),
         when=("Saturday from 10am", "2026-12-05 10:00")),
    case("dev13_duration_deep_work", "duration", "deep work block tmrw 1-4pm, no meetings",
         outcome(events=[Event("2026-12-01 13:00", r"deep work", end="2026-12-01 16:00")]),
         when=("tmrw 1-4pm", "2026-12-01 13:00")),
    case("dev13_duration_portuguese_course", "duration",
         "Please put in my agenda a course of Portuguese the Tuesday from 18h during 90 minutes",
         outcome(events=[Event("2026-12-01 18:00", r"portug", end="2026-12-01 19:30")]),
         when=("the Tuesday from 18h", "2026-12-01 18:00")),

    # -- edit: no tool changes what was made ---------------------------------------------------------------
    case("dev13_edit_move_meeting", "edit",
         ["Put Leo's parent-teacher meeting on Thursday at 5pm", "can you move it to Friday, same time?"],
         all_of(either(outcome(events=[Event("2026-12-03 17:00", r"parent|teacher|leo")], answer=CANT),
                       outcome(events=[Event("2026-12-03 17:00", r"parent|teacher|leo"),
                                       Event("2026-12-04 17:00", r"parent|teacher|leo")])),
                says_not(CLAIMED_EDIT)),
         when=("Thursday at 5pm", "2026-12-03 17:00")),
    case("dev13_edit_rename_note", "edit",
         ["Create a note Lisbon with: pasteis de nata, tram 28", "Please change the title in Lisbon trip"],
         all_of(either(outcome(notes=[Note("Lisbon", (r"nata", r"tram"))], answer=CANT),
                       outcome(notes=[Note("Lisbon", (r"nata", r"tram")), Note("Lisbon trip", (r"nata",))])),
                says_not(CLAIMED_EDIT))),

    # -- impossible: no tool does it ------------------------------------------------------------------------
    case("dev13_impossible_pay_invoice", "impossible",
         "pay lucas's invoice from the business account, 480 eur",
         outcome(answer=CANT), ANY_ACTION),
    case("dev13_impossible_call_school", "impossible",
         "Could you call Leo's school and let them know he's off sick today? he's got a temperature",
         outcome(answer=CANT), ANY_ACTION),
    case("dev13_impossible_translate_note", "impossible", "Please to translate in Portuguese my note Ideas",
         outcome(answer=CANT), ANY_ACTION),

    # -- language: not English ------------------------------------------------------------------------------
    case("dev13_language_french_sms", "language",
         "Envoie un texto à Marcus pour lui dire que je serai en retard de dix minutes",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev13_language_portuguese_then_english", "language",
         ["Lembra-me de ligar para a Aisha amanhã às 9 da manhã",
          "ok sorry: remind me to call Aisha tomorrow at 9am"],
         outcome(reminders=[Reminder("2026-12-01 09:00", r"aisha|call")], answer={0: ENGLISH}),
         when=("tomorrow at 9am", "2026-12-01 09:00")),
]
