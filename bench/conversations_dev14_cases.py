"""A fourteenth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev14 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. It did not read the other development sets' cases or the blind
bench/conversations_cases.py. Three voices: a sales rep between client calls (brisk, names companies and
people, "asap", two asks chained in one line), a PhD student (long sentences, hedges, detailed questions
about the documents) and a grandparent new to phones (very polite, names in full with Mr./Mrs., dates
written as "the 3rd of December"). It covers: reply (by sender, company, subject words, the day it came,
"the older of her two", "the one with the report", "that one" after it was shown) · forward (to one or
two people, keeping the Q3 attachment, "and Yuki too") · followup (him/her/it, "the evening before",
"what did it say about ...", three turns) · correction (a time, a day, a person, a file put right in the
next turn) · meeting (invitees, a meeting link mailed or put in the calendar, lengths) · failure (an
unknown person, file, note or email; a date that does not exist; Python code that errors; a second turn
after the failure) · document (facts from the Q3 report, the Lisbon itinerary, the handbook and the notes,
saved or sent on) · append · duration · edit (a rename or a changed draft no tool can make) · impossible
(call, print, translate) · language (Spanish, German, French; one followed by the same ask in English) ·
chain (two asks in one request) · date.
Run: ``bench/outcomes.py --cases conversations-dev14 [--only dev14_x,dev14_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today ("Tuesday" is 2026-12-01, "Thursday" 2026-12-03); "morning" 09:00, "evening" 18:00; "next Monday"
2026-12-07. The inbox is listed in bench/conversations_dev_cases.py's docstring (Marcus's firmware email
is from Friday 2026-11-27; Sarah's offsite email is the older of her two). A reply quotes the original,
so a reply's body pattern uses words its original does not contain. Beyond the DSL: ``either``,
``all_of`` and ``says_not`` (conversations_dev_cases), ``MISSING``, ``BAD_DATE``, ``CLAIMED_EDIT`` and
``CLAIMED_UNDO`` (conversations_dev2_cases).
What the checks cannot say: in which turn a thing was written (only the end state is read), or that a
link in the calendar is the one shown before. A correction the tools cannot apply in place (a new event
or reminder at the right time, the first one left) is accepted either done as a second item or declined.
"""

from __future__ import annotations

import re

from conversations_dev2_cases import BAD_DATE, CLAIMED_EDIT, CLAIMED_UNDO, MISSING
from conversations_dev_cases import ENGLISH, LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Check, Event, Mail, Note, Reminder,
                            Sms, case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


def one_or_each(people: tuple[str, ...], attach: tuple[str, ...] = (), subject: str | None = None,
                body: str | None = None, **rest) -> Check:
    """One mail to all of ``people``, or one mail to each of them (both are right); ``rest`` goes to outcome."""
    return either(outcome(mails=[Mail(people, attach, subject=subject, body=body)], **rest),
                  outcome(mails=[Mail((p,), attach, subject=subject, body=body) for p in people], **rest))


#: Said when Python code failed.
PY_ERROR = r"error|exception|traceback|failed|zero|divi"
#: A number claimed as the result of the failing snippet.
PY_RESULT = r"\b(result|average|answer) (is|was|would be):?\s*-?\d"

CASES = [
    # -- reply: which email -------------------------------------------------------------------------
    case("dev14_reply_omar_garden_crew", "reply",
         "reply to omar haddad re the garden quote - 14th works, pls confirm crew size asap",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"crew|confirm")])),
    case("dev14_reply_lucas_christmas", "reply",
         "Good morning. Would you be so kind as to answer the email from Mr. Lucas Martin about the November "
         "invoice, and tell him thank you, I shall pay it before Christmas. Many thanks.",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"christmas")])),
    case("dev14_reply_offsite_after_reading", "reply",
         ["Sorry to bother you, but could you show me what Sarah wrote in her email about the offsite? I can't "
          "quite remember whether it mentioned anything we were supposed to bring along.",
          "Right, thank you. Could you reply to that email and tell her I might have to slip away before the "
          "hike because of a departmental seminar, if that's alright?"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"seminar|slip away")],
                 answer={0: r"laptop|shoes"})),
    case("dev14_reply_priya_lunch_demo", "reply",
         "answer priya's lunch email: can't do fri, client demo at Northwind all day. monday instead?",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"northwind|demo")])),
    case("dev14_reply_friday_email_go_ahead", "reply",
         "reply to the email i got on friday, tell him go ahead, Falcon clients are waiting on it",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go ahead|waiting|clients")])),
    case("dev14_reply_sarah_older_packed_lunch", "reply",
         "Dear assistant, Mrs. Sarah Lee has written to me twice. Please answer the older of her two letters "
         "and say that I will bring a packed lunch and a flask of tea for the walk.",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"packed|flask|\btea\b")])),
    case("dev14_reply_sarah_report_certification", "reply",
         "Could you reply to Sarah's most recent email (the one with the report draft, I believe) and let her "
         "know that I've gone through the budget section and have a couple of questions about the "
         "certification costs, so a meeting on Friday afternoon would suit me quite well?",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"certification")])),
    case("dev14_reply_david_resend", "reply",
         ["anything from David Kim at Northwind?",
          "reply to that, ask him to resend the itinerary, it never came through. asap pls"],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"resend|came through|never")],
                 answer={0: r"lisbon|flight|TP ?1234|casa do rio|hotel"})),
    case("dev14_reply_firmware_subject_fine", "reply",
         "Hello, I do hope you are well. There is an email called 'Firmware 2.1 release notes'. Could you "
         "please write back to it and say that Thursday is perfectly fine with me. Thank you kindly.",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"\bfine\b|perfectly")])),
    case("dev14_reply_q3_draft_slammed", "reply",
         "re the q3 draft from sarah: comments by wed, not thu, slammed with client calls thu",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"\bwed|slammed|client calls")])),

    # -- forward ------------------------------------------------------------------------------------
    case("dev14_forward_q3_two_clients", "forward",
         "fwd sarah's q3 report email to david kim at northwind and elena rossi, asap",
         one_or_each((E["David"], E["Elena"]), (Q3,), subject=r"^Fwd:.*Q3")),
    case("dev14_forward_garden_to_nina", "forward",
         "Please forward the letter from Mr. Omar Haddad about the garden to Mrs. Nina Kowalski. She wanted to "
         "see what he is charging.",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*garden")])),
    case("dev14_forward_firmware_after_question", "forward",
         ["What did Marcus say in the firmware release notes email about the battery warning? I'm trying to "
          "reconcile it with what the Q3 report says about battery life.",
          "Could you forward that email to Yuki Tanaka, please, perhaps with a short note that she might find "
          "the battery part relevant?"],
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware")], answer={0: r"15 ?%|fifteen"})),
    case("dev14_forward_offsite_and_yuki_too", "forward",
         ["Forward the offsite agenda email to James O'Brien", "oh and Yuki too"],
         outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*offsite"),
                        Mail((E["Yuki"],), subject=r"^Fwd:.*offsite")])),
    case("dev14_forward_flights_to_priya", "forward",
         "forward the one about the lisbon flights to priya, she's booking the partner dinner",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*lisbon")])),
    case("dev14_forward_third_quarter_with_document", "forward",
         "Would you please send on the email about the third quarter report to Mr. James O'Brien. I believe "
         "there is a document with it; please make sure it goes along too.",
         outcome(mails=[Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")])),

    # -- follow-ups ---------------------------------------------------------------------------------
    case("dev14_followup_tom_cell_then_text", "followup",
         ["what's Tom Becker's cell", "text him: running 10 late, stuck on a Falcon call"],
         outcome(sms=[Sms(P["Tom"], r"late")], answer={0: r"555-0108"})),
    case("dev14_followup_aisha_address_then_email", "followup",
         ["Could you please tell me the email address of Mrs. Aisha Okafor at the City Clinic?",
          "Thank you. Would you send her an email to ask whether my appointment on the 3rd of December is still "
          "at half past nine?"],
         outcome(mails=[Mail((E["Aisha"],), body=r"appointment")], answer={0: r"aisha\.okafor@example\.com"})),
    case("dev14_followup_lunch_evening_before", "followup",
         ["put lunch w/ Elena Rossi on thursday 1pm", "remind me the evening before"],
         outcome(events=[Event("2026-12-03 13:00", r"lunch|elena", may_invite=(E["Elena"],))],
                 reminders=[Reminder("2026-12-02 18:00")]),
         when=("thursday 1pm", "2026-12-03 13:00")),
    case("dev14_followup_email_priya_text_too", "followup",
         ["email Priya that the Becker & Sons demo is now at 3pm", "text her too"],
         outcome(mails=[Mail((E["Priya"],), body=r"demo")], sms=[Sms(P["Priya"], r"demo|3 ?pm")])),
    case("dev14_followup_workshop_three_turns", "followup",
         ["Could you look up in the Lisbon itinerary what's planned for the Tuesday? I have a vague memory of a "
          "workshop, but I'm not at all sure of the times.",
          "And where exactly is it held, if it says?",
          "Thank you. Could you put it in my calendar, then? I suppose that would be tomorrow, from nine "
          "until five."],
         outcome(events=[Event("2026-12-01 09:00", r"workshop", end="2026-12-01 17:00")],
                 answer={0: r"0?9:00|9 ?am|nine", 1: r"parque das na|innovation cent"}),
         when=("tomorrow, from nine", "2026-12-01 09:00")),
    case("dev14_followup_david_mail_hotel", "followup",
         ["Would you be kind enough to read me the email from Mr. David Kim about my trip to Lisbon?",
          "Thank you. What did it say about the hotel, please?"],
         outcome(answer=r"casa do rio|alfama"), ANY_ACTION),
    case("dev14_followup_handbook_james_as_well", "followup",
         ["send Marcus the team handbook", "send that to James as well"],
         outcome(mails=[Mail((E["Marcus"],), (HANDBOOK,)), Mail((E["James"],), (HANDBOOK,))])),
    case("dev14_followup_reply_then_remind_pay", "followup",
         ["reply to Lucas's invoice email, say payment goes out Friday",
          "and remind me friday morning to actually do it"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"payment|goes out")],
                 reminders=[Reminder("2026-12-04 09:00")]),
         when=("friday morning", "2026-12-04 09:00")),
    case("dev14_followup_ideas_portuguese_text", "followup",
         ["Could you open my Ideas note? I think I wrote something in there about Portuguese, but I can't "
          "recall the exact wording.",
          "Would you mind texting that line to Elena Rossi? She kindly offered to practise with me."],
         outcome(sms=[Sms(P["Elena"], r"portuguese")], answer={0: r"portuguese"})),
    case("dev14_followup_omar_number_then_text", "followup",
         ["What is the telephone number for Mr. Omar Haddad, please?",
          "Lovely. Please send him a text message saying the hedges can wait until the spring."],
         outcome(sms=[Sms(P["Omar"], r"hedges|spring")], answer={0: r"555-0112"})),

    # -- corrections --------------------------------------------------------------------------------
    case("dev14_correction_demo_4pm", "correction",
         ["calendar: demo w/ Rossi Design thursday 3pm", "actually make it 4pm, Elena pushed"],
         all_of(either(outcome(events=[Event("2026-12-03 15:00", r"demo|rossi", may_invite=(E["Elena"],)),
                                       Event("2026-12-03 16:00", r"demo|rossi", may_invite=(E["Elena"],))]),
                       outcome(events=[Event("2026-12-03 15:00", r"demo|rossi", may_invite=(E["Elena"],))],
                               answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("thursday 3pm", "2026-12-03 15:00")),
    case("dev14_correction_sms_nina_meant_aisha", "correction",
         ["Please send a text message to Mrs. Nina Kowalski saying I shall be a little late on Thursday.",
          "Oh dear, I am sorry, I meant Mrs. Aisha Okafor, not Mrs. Kowalski."],
         all_of(outcome(sms=[Sms(P["Nina"], r"late"), Sms(P["Aisha"], r"late")]), says_not(CLAIMED_UNDO))),
    case("dev14_correction_reminder_thursday", "correction",
         ["Could you set a reminder for me to send my supervisor the chapter draft on Wednesday at 9?",
          "Sorry, I've just realised I meant Thursday, not Wednesday; the committee meeting got pushed back."],
         all_of(either(outcome(reminders=[Reminder("2026-12-02 09:00", r"chapter|draft|supervisor"),
                                          Reminder("2026-12-03 09:00", r"chapter|draft|supervisor")]),
                       outcome(reminders=[Reminder("2026-12-02 09:00", r"chapter|draft|supervisor")],
                               answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("Wednesday at 9", "2026-12-02 09:00")),
    case("dev14_correction_file_lisbon_not_q3", "correction",
         ["email david kim the q3 report", "wait no, the lisbon itinerary, not the q3"],
         all_of(outcome(mails=[Mail((E["David"],), (Q3,)), Mail((E["David"],), (LISBON,))]),
                says_not(CLAIMED_UNDO))),

    # -- meetings -----------------------------------------------------------------------------------
    case("dev14_meeting_tom_link_mail_calendar", "meeting",
         "set up a video call w/ Tom Becker (Becker & Sons) thursday 2pm - get a link, email it to him, and "
         "put it on my calendar",
         outcome(mails=[Mail((E["Tom"],), body=LINK)],
                 events=[Event("2026-12-03 14:00", r"becker|tom|call", may_invite=(E["Tom"],))],
                 ran=("get_zoom_meeting_link",)),
         when=("thursday 2pm", "2026-12-03 14:00")),
    case("dev14_meeting_elena_curtains_3rd", "meeting",
         "Would you please put a meeting with Mrs. Elena Rossi in my calendar for the 3rd of December at eleven "
         "o'clock in the morning? It is about the new curtains.",
         outcome(events=[Event("2026-12-03 11:00", r"curtain|elena|meeting", may_invite=(E["Elena"],))]),
         when=("the 3rd of December at eleven o'clock in the morning", "2026-12-03 11:00")),
    case("dev14_meeting_supervision_ninety_minutes", "meeting",
         "I need to schedule a supervision meeting with Sarah Lee and James O'Brien, ideally next Monday at 2pm "
         "and for ninety minutes if possible, and I'd like them both to be on the invite.",
         outcome(events=[Event("2026-12-07 14:00", r"supervision", end="2026-12-07 15:30",
                               invitees=(E["Sarah"], E["James"]))]),
         when=("next Monday at 2pm", "2026-12-07 14:00")),
    case("dev14_meeting_pipeline_link_two", "meeting",
         "jitsi link for a pipeline review w/ Marcus and Priya tomorrow 4pm, send it to both",
         one_or_each((E["Marcus"], E["Priya"]), body=LINK, ran=("get_zoom_meeting_link",))),
    case("dev14_meeting_design_review_link_calendar", "meeting",
         "Could you get a meeting link for a design review with Elena Rossi on Friday at 11 and add the meeting "
         "to my calendar?",
         outcome(events=[Event("2026-12-04 11:00", r"design review", may_invite=(E["Elena"],))],
                 ran=("get_zoom_meeting_link",)),
         when=("Friday at 11", "2026-12-04 11:00")),
    case("dev14_meeting_family_lunch_then_email", "meeting",
         ["Hello dear. Could you put a family lunch on my calendar for Saturday the 5th of December at half past "
          "twelve?",
          "Thank you. Would you send Mrs. Nina Kowalski an email about it, please, so she knows to come?"],
         outcome(events=[Event("2026-12-05 12:30", r"lunch")],
                 mails=[Mail((E["Nina"],), body=r"lunch|saturday|12:30|half past")]),
         when=("Saturday the 5th of December at half past twelve", "2026-12-05 12:30")),
    case("dev14_meeting_james_30min_invite", "meeting",
         "book a 30 min call with James O'Brien wed 9:30, invite him",
         outcome(events=[Event("2026-12-02 09:30", r"call|james", end="2026-12-02 10:00",
                               invitees=(E["James"],))]),
         when=("wed 9:30", "2026-12-02 09:30")),
    case("dev14_meeting_yuki_link_no_calendar", "meeting",
         "Would it be possible to set up an online meeting with Yuki Tanaka on Friday at 3pm to go over my "
         "questions on the firmware, and then email her the link? I don't need it in the calendar, I'll "
         "remember it.",
         outcome(mails=[Mail((E["Yuki"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev14_meeting_contract_review_heads_up", "meeting",
         ["put a contract review with Lucas Martin (Martin Accounting) on my cal for tuesday 10am",
          "and email him a heads-up about it"],
         outcome(events=[Event("2026-12-01 10:00", r"contract", may_invite=(E["Lucas"],))],
                 mails=[Mail((E["Lucas"],), body=r"contract|review|tuesday")]),
         when=("tuesday 10am", "2026-12-01 10:00")),
    case("dev14_meeting_budget_three_invited_link", "meeting",
         "Set up a Falcon budget meeting with Sarah, Marcus and Priya on Wednesday at 1pm: put it in my calendar "
         "with the three of them invited, make a meeting link and email everyone the link.",
         one_or_each((E["Sarah"], E["Marcus"], E["Priya"]), body=LINK,
                     events=[Event("2026-12-02 13:00", r"budget", invitees=(E["Sarah"], E["Marcus"], E["Priya"]))],
                     ran=("get_zoom_meeting_link",)),
         when=("Wednesday at 1pm", "2026-12-02 13:00")),

    # -- failures -----------------------------------------------------------------------------------
    case("dev14_fail_unknown_greg_acme", "failure", "email Greg from Acme the q3 report asap",
         outcome(answer=absent("Greg")), SENT),
    case("dev14_fail_unknown_grandson", "failure",
         "Please send a text message to my grandson, Mr. Oliver Bennett, saying happy birthday from Grandma.",
         outcome(answer=absent("Oliver")), SENT),
    case("dev14_fail_missing_thesis_pdf", "failure",
         "Could you email Sarah Lee my thesis proposal PDF? I believe it's called something like "
         "Thesis_Proposal_v3, though I may have renamed it at some point.",
         outcome(answer=absent("thesis")), SENT),
    case("dev14_fail_missing_clients_note", "failure", "read me my Clients note, need the Becker order number",
         outcome(answer=absent("Clients")), ANY_ACTION),
    case("dev14_fail_no_email_from_nina", "failure",
         "Would you kindly reply to the email from Mrs. Nina Kowalski about the book club and say I will bring "
         "the biscuits?",
         outcome(answer=absent("Nina")), SENT),
    case("dev14_fail_november_31", "failure", "put Northwind renewal call on nov 31 at 2pm",
         outcome(answer=BAD_DATE), ANY_ACTION),
    case("dev14_fail_python_zero_division", "failure",
         "Could you run this little bit of Python for me? I'm double-checking an average I computed by hand: "
         "scores = [4, 5, 3]; print(sum(scores) / len(scores[3:]))",
         all_of(outcome(answer=PY_ERROR), says_not(PY_RESULT)), ANY_ACTION),
    case("dev14_fail_maria_then_david", "failure",
         ["text Maria at Northwind the new pricing is live", "ok then text David Kim, same thing"],
         outcome(sms=[Sms(P["David"], r"pricing")], answer={0: absent("Maria")})),

    # -- documents ----------------------------------------------------------------------------------
    case("dev14_doc_battery_vs_target", "document",
         "I'm writing up a comparison and would like to know, from the Q3 report, how long the battery lasted "
         "in the field trial, and, if it says, what the target had been.",
         outcome(answer=r"(?=.*(nine|9) months)(?=.*(six|6) months)"), ANY_ACTION),
    case("dev14_doc_pilot_schools_cities", "document",
         "How many schools took part in the Falcon pilot, and in how many cities, according to the third quarter "
         "report? I've seen two different numbers quoted and I'd like to be certain.",
         outcome(answer=r"(?=.*(twelve|12))(?=.*(three|3) cities)"), ANY_ACTION),
    case("dev14_doc_pm_sensor_lead_time", "document",
         "lead time on the particulate matter sensor? q3 report. need it for the Becker & Sons quote",
         outcome(answer=r"sixteen weeks|16 weeks"), ANY_ACTION),
    case("dev14_doc_lisbon_checkout", "document",
         "Could you please look in the Lisbon trip paper and tell me by what time I must leave the hotel on the "
         "Thursday?",
         outcome(answer=r"11:00|11 ?am|eleven"), ANY_ACTION),
    case("dev14_doc_spend_then_email_james", "document",
         ["falcon q3: how much did we spend vs the annual budget thru sept", "shoot that to James O'Brien"],
         either(outcome(mails=[Mail((E["James"],), body=r"412")], answer={0: r"412"}),
                outcome(mails=[Mail((E["James"],), (Q3,), body=r"412")], answer={0: r"412"}))),
    case("dev14_doc_handbook_travel_rules", "document",
         "Would you be able to find where the team handbook discusses travel, specifically whether flights need "
         "to be approved beforehand and what class one is expected to fly?",
         outcome(answer=r"(?=.*(manager|approv))(?=.*economy)"), ANY_ACTION),
    case("dev14_doc_airport_to_centre", "document",
         "In the Lisbon itinerary, how is one supposed to get from the airport into the city centre on arrival? "
         "I'd rather avoid taxis if I can.",
         outcome(answer=r"metro|red line"), ANY_ACTION),
    case("dev14_doc_firmware_20", "document",
         "what did firmware 2.0 add, per the q3 report? client asking",
         outcome(answer=r"over.the.air|(forty|40) ?(percent|%)|duty cycle"), ANY_ACTION),
    case("dev14_doc_meeting_notes_action", "document", "whats the action item in my meeting notes",
         outcome(answer=r"review meeting|friday"), ANY_ACTION),
    case("dev14_doc_handbook_three_turns_note", "document",
         ["Could you summarise the Team Handbook PDF for me? I've only just joined and I'm feeling a little "
          "overwhelmed.",
          "Thank you. What does it say I should do if I lose my laptop?",
          "Could you save that in a note called Onboarding, please?"],
         outcome(notes=[Note("Onboarding", (r"\bIT\b|lost|device|one day",))],
                 answer={1: r"one day|1 day|within a day|24 hours"})),
    case("dev14_doc_flight_home_time", "document",
         "What time does my aeroplane home from Lisbon leave, please? I should like to tell my daughter.",
         outcome(answer=r"18:15|6:15 ?pm|quarter past six"), ANY_ACTION),
    case("dev14_doc_under_plan_reason", "document",
         "In the Q3 report, is there any explanation of why the budget came in under plan? I seem to recall "
         "something about component prices, and possibly some fees going the other way.",
         outcome(answer=r"(?=.*component)(?=.*certification)"), ANY_ACTION),

    # -- append -------------------------------------------------------------------------------------
    case("dev14_append_birthday_card", "append",
         "Could you please add 'a birthday card for Nina' to my shopping list? Thank you ever so much.",
         outcome(notes=[Note("Shopping list", (r"birthday card", r"oat milk"))])),
    case("dev14_append_ideas_crm", "append", "add to my ideas: CRM integration pitch for Becker & Sons",
         outcome(notes=[Note("Ideas", (r"CRM", r"portuguese"))])),
    case("dev14_append_meeting_notes_calibration", "append",
         "Could you append to my meeting notes that Yuki offered to share the humidity calibration data, with "
         "an action for me to follow up with her on it?",
         outcome(notes=[Note("Meeting notes", (r"calibration", r"Falcon weekly sync"))])),
    case("dev14_append_list_then_eggs", "append",
         ["whats on my shopping list", "add eggs and butter to it"],
         outcome(notes=[Note("Shopping list", (r"eggs", r"butter", r"basil"))], answer={0: r"oat milk|coffee"})),

    # -- durations ----------------------------------------------------------------------------------
    case("dev14_duration_hair_ninety", "duration",
         "Please put my hair appointment in the calendar on the 3rd of December at ten o'clock in the morning. "
         "It takes about an hour and a half.",
         outcome(events=[Event("2026-12-03 10:00", r"hair", end="2026-12-03 11:30")]),
         when=("the 3rd of December at ten o'clock in the morning", "2026-12-03 10:00")),
    case("dev14_duration_prep_45", "duration", "block 45 min fri 8:30am for call prep, Northwind pitch",
         outcome(events=[Event("2026-12-04 08:30", r"prep|northwind|pitch", end="2026-12-04 09:15")]),
         when=("fri 8:30am", "2026-12-04 08:30")),
    case("dev14_duration_writing_block", "duration",
         "Could you block out a writing session for my thesis tomorrow, from 1 until 4:30 in the afternoon? I "
         "keep losing whole days to email.",
         outcome(events=[Event("2026-12-01 13:00", r"writ|thesis", end="2026-12-01 16:30")]),
         when=("tomorrow, from 1", "2026-12-01 13:00")),

    # -- edits no tool makes ------------------------------------------------------------------------
    case("dev14_edit_rename_birthdays_note", "edit",
         ["Please create a note called Birthdays that says Mrs. Nina Kowalski, 14th of March.",
          "Oh, could you please rename that note to Family birthdays?"],
         all_of(either(outcome(notes=[Note("Birthdays", (r"nina",))], answer=CANT),
                       outcome(notes=[Note("Birthdays", (r"nina",)), Note("Family birthdays", (r"nina",))])),
                says_not(CLAIMED_EDIT))),
    case("dev14_edit_draft_wed_to_thu", "edit",
         ["email sarah: q3 comments coming wed", "edit that email, change wed to thu"],
         all_of(either(outcome(mails=[Mail((E["Sarah"],), body=r"\bwed")], answer=CANT),
                       outcome(mails=[Mail((E["Sarah"],), body=r"\bwed"), Mail((E["Sarah"],), body=r"\bthu")])),
                says_not(CLAIMED_EDIT))),

    # -- impossible ---------------------------------------------------------------------------------
    case("dev14_impossible_ring_aisha", "impossible",
         "Could you please ring Mrs. Aisha Okafor at the clinic for me? I find the buttons on the telephone "
         "rather small.",
         outcome(answer=CANT), ANY_ACTION),
    case("dev14_impossible_print_q3", "impossible", "print the q3 report, 5 copies, for the Becker meeting",
         outcome(answer=CANT), ANY_ACTION),
    case("dev14_impossible_translate_handbook", "impossible",
         "Could you translate the security section of the team handbook into German for a visiting colleague? "
         "Her English is fine, but I think she'd appreciate it.",
         outcome(answer=CANT), ANY_ACTION),

    # -- languages ----------------------------------------------------------------------------------
    case("dev14_language_spanish_reminder", "language",
         "¿Podrías recordarme mañana a las nueve que tengo que llamar a mi director de tesis?",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev14_language_german_email_nina", "language",
         "Guten Tag, könnten Sie bitte Frau Nina Kowalski eine E-Mail schreiben, dass ich am Donnerstag nicht "
         "zum Buchclub komme? Vielen Dank.",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev14_language_french_then_english", "language",
         ["envoie un texto à Marcus : je serai en retard pour la démo",
          "sorry, english: text Marcus I'll be late for the demo"],
         outcome(sms=[Sms(P["Marcus"], r"late")], answer={0: ENGLISH})),

    # -- two asks in one line -----------------------------------------------------------------------
    case("dev14_chain_text_marcus_remind_prep", "chain",
         "text marcus the Becker demo is at 3 today, and remind me at 2:30 to prep the deck",
         outcome(sms=[Sms(P["Marcus"], r"demo")], reminders=[Reminder("2026-11-30 14:30", r"prep|deck")]),
         when=("at 2:30", "2026-11-30 14:30")),
    case("dev14_chain_handbook_elena_text", "chain",
         "email Elena Rossi the team handbook and text her to check her inbox",
         outcome(mails=[Mail((E["Elena"],), (HANDBOOK,))], sms=[Sms(P["Elena"], r"inbox|e-?mail|check")])),
    case("dev14_date_tablets_3rd", "date",
         "Could you kindly remind me to take my tablets on the 3rd of December at 8 o'clock in the morning? "
         "Thank you, dear.",
         outcome(reminders=[Reminder("2026-12-03 08:00", r"tablet")]),
         when=("the 3rd of December at 8 o'clock in the morning", "2026-12-03 08:00")),
]
