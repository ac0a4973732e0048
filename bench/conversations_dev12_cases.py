"""A twelfth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev12 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. It did not read the other conversation sets' cases nor the blind
bench/conversations_cases.py. Three voices: a freelance designer juggling clients (casual, "pls", "thx",
"fyi", "eod", "w/", "re"), a careful elderly user (full sentences, "could you kindly", full names, times
in words such as "half past ten in the morning"), and someone typing on a phone while walking (typos,
missing apostrophes, run-together words, autocorrect slips). It covers: reply (by sender, subject words,
"my latest email", the older of Sarah's two, the email from Friday, "that email" after it was shown) ·
forward (to one or two people, with a note, "send that to X as well") · followup (him/her/it, the
evening before, an hour before, the same text, a note two turns back, three-turn ones) · correction (a
time, a person, a day, a file) · meeting (invitees, lengths, a meeting link mailed, texted or put in the
calendar) · failure (an unknown contact, file, note or email; a second turn after a failure) · document
(facts from the PDFs, saved to a note or mailed on) · append · duration · edit (rename or delete what was
just made: declined, the thing stays) · impossible (pay, print, call) · language (German, Spanish).
Run: ``bench/outcomes.py --cases conversations-dev12 [--only dev12_x,dev12_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "morning" 09:00, "afternoon" 14:00, "evening" 18:00; an event without an end lasts one hour. The
inbox is listed in bench/conversations_dev_cases.py's docstring (Marcus's firmware email is from Friday
2026-11-27; Sarah's Q3 email is newer than her offsite one). A reply quotes the original, so a reply's
body pattern uses words its original does not contain. Beyond the DSL: ``either``, ``all_of``,
``says_not``, ``LINK`` and ``ENGLISH`` (conversations_dev_cases), ``MISSING``, ``CLAIMED_EDIT`` and
``CLAIMED_UNDO`` (conversations_dev2_cases). A correction may leave the first thing too (no tool moves or
takes back what was made), so corrections accept both end states but not a claim that it was changed.
What the checks cannot say: in which turn a thing was written (only the end state is read).
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


#: Words of a summary of the Lisbon itinerary.
SUMMARY_LISBON = r"workshop|alfama|casa do rio|TP ?123[45]|belem|flight|tram"
#: Words of a summary of the team handbook.
SUMMARY_HANDBOOK = r"hours|expense|receipt|security|sync|password|economy"

CASES = [
    # -- reply: which inbox email ---------------------------------------------------------------------
    case("dev12_reply_omar_garden_counter", "reply",
         "reply to omar re the garden quote pls - 14th works but can he do it for 1100 instead?",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"instead|1,?100")])),
    case("dev12_reply_lucas_transfer", "reply",
         "Could you kindly reply to the email from Lucas Martin about the November invoice, and tell him that "
         "I shall transfer the money well before the twentieth of December.",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"transfer")])),
    case("dev12_reply_priya_cant_typo", "reply",
         "repy to priyas lunch emial, cant make it friday sry, maybe next wk?",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch",
                             body=r"can'?t|cannot|unable|sorry|\bsry\b|next w")])),
    case("dev12_reply_firmware_after_forward", "reply",
         ["fwd marcus's firmware notes to yuki pls", "ok and reply to that one too, tell him go ahead w the rollout"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go ahead"),
                        Mail((E["Yuki"],), subject=r"^Fwd:.*firmware")])),
    case("dev12_reply_sarah_offsite_boots", "reply",
         "Could you kindly reply to Sarah Lee's email about the offsite next week and tell her that I will "
         "bring my walking boots and my laptop.",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"boots")])),
    case("dev12_reply_latest", "reply", "answer my latest email - sounds good, see u there",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"sounds good|see (u|you)")])),
    case("dev12_reply_david_window_seat", "reply",
         "reply to davids mail abt the flights n hotel, ask if he can get me a window seat on the way bakc",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"window")])),
    case("dev12_reply_q3_then_text", "reply",
         ["reply to sarahs q3 draft email, fyi my comments will be in by wed eod",
          "and text her a heads up that its in her inbox"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"\bwed|eod")],
                 sms=[Sms(P["Sarah"], r"inbox|mail|repl|heads")])),
    case("dev12_reply_older_of_two", "reply", "sarah emailed me twice, reply to the older one saying im in",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"\bi'?m in\b|\bim in\b|count me")])),
    case("dev12_reply_friday_mail", "reply",
         "Could you kindly reply to the email I received on Friday and tell the sender that Thursday is "
         "perfectly acceptable to me.",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"acceptable")])),

    # -- forward -------------------------------------------------------------------------------------
    case("dev12_fwd_sarah_latest_to_james", "forward", "fwd sarahs latest email to james pls",
         outcome(mails=[Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("dev12_fwd_lisbon_to_elena", "forward",
         "Could you kindly forward the email from David Kim about the Lisbon flights and the hotel to Elena Rossi.",
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*lisbon")])),
    case("dev12_fwd_garden_to_tom_typo", "forward", "forwrd omars quote emial to tom becker",
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden")])),
    case("dev12_fwd_invoice_after_reply", "forward",
         ["reply to lucas's invoice email, thx will pay by the 15th", "fwd that to aisha too, she does my books now"],
         outcome(mails=[Mail((E["Aisha"],), subject=r"^Fwd:.*invoice"),
                        Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"15")])),
    case("dev12_fwd_firmware_two_people", "forward", "forward the firmware 2.1 notes to Yuki and James, thx",
         either(outcome(mails=[Mail((E["Yuki"], E["James"]), subject=r"^Fwd:.*firmware")]),
                outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware"),
                               Mail((E["James"],), subject=r"^Fwd:.*firmware")]))),
    case("dev12_fwd_offsite_then_marcus", "forward",
         ["forward the offsite agenda to priya", "send that to marcus as well"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*offsite"),
                        Mail((E["Marcus"],), subject=r"^Fwd:.*offsite")])),
    case("dev12_fwd_lunch_with_note", "forward",
         "forward priya's team lunch email to nina and add that she's welcome to join us",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*lunch", body=r"welcome|join")])),

    # -- follow-ups ----------------------------------------------------------------------------------
    case("dev12_fu_number_then_text", "followup",
         ["whats aishas nmber", "txt her im running 10 min late to the clinic"],
         outcome(sms=[Sms(P["Aisha"], r"late")], answer={0: r"555-0107"})),
    case("dev12_fu_clinic_evening_before", "followup",
         ["Please put my appointment with Aisha Okafor at the City Clinic in the calendar for Thursday at "
          "half past ten in the morning.", "Could you kindly remind me about it the evening before as well."],
         outcome(events=[Event("2026-12-03 10:30", r"aisha|okafor|clinic|appointment", may_invite=(E["Aisha"],))],
                 reminders=[Reminder("2026-12-02 18:00")]),
         when=("Thursday at half past ten in the morning", "2026-12-03 10:30")),
    case("dev12_fu_email_then_same_text", "followup",
         ["email tom that the logo files are ready, i'll send the final versions by eod", "text him the same"],
         outcome(mails=[Mail((E["Tom"],), body=r"logo")], sms=[Sms(P["Tom"], r"logo")])),
    case("dev12_fu_note_then_add", "followup",
         ["new note 'Client todo': invoice becker & sons, moodboard for elena",
          "add 'chase lucas re bookkeeping' to it"],
         outcome(notes=[Note("Client todo", (r"invoice", r"moodboard", r"chase lucas"))])),
    case("dev12_fu_reminder_then_text", "followup",
         ["remind me 2 call omar abt the hedges tmrw at 4pm", "and txt him ill ring him at 4"],
         outcome(reminders=[Reminder("2026-12-01 16:00", r"omar|hedge")], sms=[Sms(P["Omar"], r"ring|call|\b4")]),
         when=("tmrw at 4pm", "2026-12-01 16:00")),
    case("dev12_fu_three_turns_yuki", "followup",
         ["whats yukis email", "email her asking if the enclosure renders look ok",
          "and remind me friday morning to check for her answer"],
         outcome(mails=[Mail((E["Yuki"],), body=r"render|enclosure")], reminders=[Reminder("2026-12-04 09:00")],
                 answer={0: r"yuki\.tanaka@example\.com"}),
         when=("friday morning", "2026-12-04 09:00")),
    case("dev12_fu_summary_then_note", "followup",
         ["Could you kindly summarise the team handbook for me.",
          "Thank you. Would you please save that summary in a note called Handbook summary."],
         outcome(notes=[Note("Handbook summary", (SUMMARY_HANDBOOK,))], answer={0: SUMMARY_HANDBOOK})),
    case("dev12_fu_workshop_then_text_time", "followup",
         ["put 'brand workshop w elena' on my cal wed 2-4pm", "txt her the time pls"],
         outcome(events=[Event("2026-12-02 14:00", r"brand|workshop", end="2026-12-02 16:00",
                               may_invite=(E["Elena"],))],
                 sms=[Sms(P["Elena"], r"wed|\b2 ?(pm|-)|14:00|2:00")]),
         when=("wed 2-4pm", "2026-12-02 14:00")),
    case("dev12_fu_hour_before", "followup",
         ["meeting w marcus fri 11am, put it in pls", "remind me an hr before"],
         outcome(events=[Event("2026-12-04 11:00", r"marcus|meeting", may_invite=(E["Marcus"],))],
                 reminders=[Reminder("2026-12-04 10:00")]),
         when=("fri 11am", "2026-12-04 11:00")),
    case("dev12_fu_david_number_then_text", "followup",
         ["What is David Kim's telephone number, please?",
          "Please send David Kim a text message saying that the hotel in Alfama is lovely and thank him."],
         outcome(sms=[Sms(P["David"], r"hotel|alfama|lovely")], answer={0: r"555-0104"})),
    case("dev12_fu_note_two_turns_back", "followup",
         ["create a note called Sprint wishlist with new icon set", "whats marcus's email",
          "add dark mode to the wishlist note too"],
         outcome(notes=[Note("Sprint wishlist", (r"icon", r"dark mode"))],
                 answer={1: r"marcus\.chen@example\.com"})),
    case("dev12_fu_shopping_three_turns", "followup",
         ["whats on my shoping lst", "add bread n eggs", "txt the list to nina"],
         outcome(notes=[Note("Shopping list", (r"bread", r"eggs", r"oat milk"))],
                 sms=[Sms(P["Nina"], r"bread|eggs|oat milk|coffee")], answer={0: r"oat milk|coffee|tomato"})),

    # -- corrections ---------------------------------------------------------------------------------
    case("dev12_corr_dentist_4pm", "correction", ["dentist fri 9am pls put in cal", "actually make it 4pm"],
         all_of(either(outcome(events=[Event("2026-12-04 16:00", r"dentist"), Event("2026-12-04 09:00", r"dentist")]),
                       outcome(events=[Event("2026-12-04 16:00", r"dentist")])),
                says_not(CLAIMED_EDIT))),
    case("dev12_corr_marcus_to_priya", "correction",
         ["text marcus that the mockups are in the shared folder", "sorry i meant priya not marcus"],
         all_of(either(outcome(sms=[Sms(P["Priya"], r"mockup"), Sms(P["Marcus"], r"mockup")]),
                       outcome(sms=[Sms(P["Priya"], r"mockup")])),
                says_not(CLAIMED_UNDO))),
    case("dev12_corr_prescription_day", "correction",
         ["Would you kindly remind me to collect my prescription from the pharmacy on Wednesday at eleven in "
          "the morning.", "I am so sorry, I meant Thursday, not Wednesday."],
         all_of(either(outcome(reminders=[Reminder("2026-12-03 11:00", r"prescription|pharmacy"),
                                          Reminder("2026-12-02 11:00", r"prescription|pharmacy")]),
                       outcome(reminders=[Reminder("2026-12-03 11:00", r"prescription|pharmacy")])),
                says_not(CLAIMED_EDIT))),
    case("dev12_corr_wrong_file", "correction",
         ["email elena the q3 report", "oops wrong file, send her the lisbon itinerary instead"],
         all_of(either(outcome(mails=[Mail((E["Elena"],), (Q3,)), Mail((E["Elena"],), (LISBON,))]),
                       outcome(mails=[Mail((E["Elena"],), (LISBON,))])),
                says_not(CLAIMED_UNDO))),
    case("dev12_corr_reminder_10", "correction",
         ["remind me tmrw 9am to send the invoice to becker", "wait, make that 10"],
         all_of(either(outcome(reminders=[Reminder("2026-12-01 10:00", r"invoice|becker"),
                                          Reminder("2026-12-01 09:00", r"invoice|becker")]),
                       outcome(reminders=[Reminder("2026-12-01 10:00", r"invoice|becker")])),
                says_not(CLAIMED_EDIT))),

    # -- meetings ------------------------------------------------------------------------------------
    case("dev12_meet_link_email_elena", "meeting",
         "get a meeting link for a logo review w elena thu 3pm and email it to her",
         outcome(mails=[Mail((E["Elena"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev12_meet_invite_two_elderly", "meeting",
         "Could you kindly put a meeting with Sarah Lee and Priya Patel in my calendar for Friday at two o'clock "
         "in the afternoon, about the quarterly report.",
         outcome(events=[Event("2026-12-04 14:00", r"report|Q3|quarterly|meeting",
                               invitees=(E["Sarah"], E["Priya"]))]),
         when=("Friday at two o'clock in the afternoon", "2026-12-04 14:00")),
    case("dev12_meet_90min_kickoff", "meeting", "set up a 90 min kickoff w tom becker next mon 10am, invite him",
         outcome(events=[Event("2026-12-07 10:00", r"kick", end="2026-12-07 11:30", invitees=(E["Tom"],))]),
         when=("next mon 10am", "2026-12-07 10:00")),
    case("dev12_meet_link_then_calendar", "meeting",
         ["need a zoom link for a client call tmrw at 11", "put it in my calendar too"],
         outcome(events=[Event("2026-12-01 11:00", r"client|call")], answer={0: LINK},
                 ran=("get_zoom_meeting_link",)),
         when=("tmrw at 11", "2026-12-01 11:00")),
    case("dev12_meet_link_text_james", "meeting",
         "get me a zoom link for a quick sync w james tmrw at 3 n text it to him",
         outcome(sms=[Sms(P["James"], LINK)], ran=("get_zoom_meeting_link",))),
    case("dev12_meet_bookclub_then_email", "meeting",
         ["Please invite Nina Kowalski to book club on Thursday at seven o'clock in the evening.",
          "Could you also send Nina an email to let her know that I will bring the biscuits."],
         outcome(events=[Event("2026-12-03 19:00", r"book club", invitees=(E["Nina"],))],
                 mails=[Mail((E["Nina"],), body=r"biscuit")]),
         when=("Thursday at seven o'clock in the evening", "2026-12-03 19:00")),
    case("dev12_meet_q3_review_then_link", "meeting",
         ["sarah wants a review mtg friday afternoon re the q3 draft, put it in my cal w her invited",
          "and get a meeting link for it, email her the link"],
         outcome(events=[Event("2026-12-04 14:00", r"review|q3", invitees=(E["Sarah"],))],
                 mails=[Mail((E["Sarah"],), body=LINK)], ran=("get_zoom_meeting_link",)),
         when=("friday afternoon", "2026-12-04 14:00")),

    # -- failures ------------------------------------------------------------------------------------
    case("dev12_fail_unknown_jenny", "failure", "text jenny that the banner is done, thx",
         outcome(answer=absent("Jenny")), SENT),
    case("dev12_fail_pension_pdf", "failure",
         "Could you kindly email Lucas Martin my pension statement PDF.",
         outcome(answer=absent("pension")), SENT),
    case("dev12_fail_missing_note", "failure", "open my note called Client rates",
         outcome(answer=absent("Client rates")), ANY_ACTION),
    case("dev12_fail_no_mail_from_aisha", "failure", "reply to the email from aisha, say thx got it",
         outcome(answer=absent("Aisha")), SENT),
    case("dev12_fail_then_handbook", "failure",
         ["email the brand guidelines pdf to elena", "ok just send her the team handbook then"],
         outcome(mails=[Mail((E["Elena"],), (HANDBOOK,))], answer={0: absent("guidelines")})),
    case("dev12_fail_unknown_kevin_typo", "failure", "wats kevins numbr",
         outcome(answer=absent("kevin")), ANY_ACTION),

    # -- documents -----------------------------------------------------------------------------------
    case("dev12_doc_return_flight", "document", "when do i fly back from lisbon",
         outcome(answer=r"18:15|6:15 ?pm"), ANY_ACTION),
    case("dev12_doc_battery_life", "document",
         "Could you kindly tell me how long the batteries lasted in the field trial, according to the Project "
         "Falcon report.",
         outcome(answer=r"nine months|9 months"), ANY_ACTION),
    case("dev12_doc_lead_time", "document", "whats the lead time on the particulate sensor in the q3 report?",
         outcome(answer=r"sixteen weeks|16 weeks"), ANY_ACTION),
    case("dev12_doc_economy_to_note", "document",
         "search my docs for the rule about economy class flights and save it in a note called Travel policy",
         outcome(notes=[Note("Travel policy", (r"economy",))])),
    case("dev12_doc_site_visit_then_email", "document",
         ["what day is the school site visit in belem?", "email that to david kim pls"],
         outcome(mails=[Mail((E["David"],), body=r"belem|wednesday|site visit")], answer={0: r"wednesday"})),
    case("dev12_doc_pilot_then_attach", "document",
         ["how many schools were in the falcon pilot", "send the whole report to nina"],
         outcome(mails=[Mail((E["Nina"],), (Q3,))], answer={0: r"twelve|\b12\b"})),
    case("dev12_doc_summary_typo", "document", "summarise the lisbn itinerary pdf pls",
         outcome(answer=SUMMARY_LISBON), ANY_ACTION),
    case("dev12_doc_hotel_name", "document", "Which hotel am I staying at in Lisbon, please?",
         outcome(answer=r"casa do rio"), ANY_ACTION),

    # -- append ----------------------------------------------------------------------------------------
    case("dev12_append_ideas_portfolio", "append", "add to my ideas note: redo portfolio site in jan",
         outcome(notes=[Note("Ideas", (r"portfolio", r"Portuguese"))])),
    case("dev12_append_meeting_notes", "append",
         "Could you kindly add the following line to my meeting notes: Priya Patel will book the room for Friday.",
         outcome(notes=[Note("Meeting notes", (r"book the room", r"Falcon weekly sync"))])),
    case("dev12_append_shopping_typo", "append", "add toothpaste n AAA batteris to shoping list",
         outcome(notes=[Note("Shopping list", (r"toothpaste", r"AAA", r"oat milk"))])),
    case("dev12_append_ideas_font", "append", "put 'ask elena about the font licence' at the end of the Ideas note",
         outcome(notes=[Note("Ideas", (r"font licen[cs]e", r"hiking"))])),

    # -- durations -----------------------------------------------------------------------------------
    case("dev12_dur_45min_admin", "duration", "block 45 min for invoice admin tmrw 9am",
         outcome(events=[Event("2026-12-01 09:00", r"invoice|admin", end="2026-12-01 09:45")]),
         when=("tmrw 9am", "2026-12-01 09:00")),
    case("dev12_dur_hairdresser", "duration",
         "Please add a hairdresser appointment on Saturday from ten o'clock until half past eleven in the morning.",
         outcome(events=[Event("2026-12-05 10:00", r"hair", end="2026-12-05 11:30")]),
         when=("Saturday from ten o'clock", "2026-12-05 10:00")),
    case("dev12_dur_sprint_3h", "duration", "put design sprint in my calender thurs 1pm for 3 hrs",
         outcome(events=[Event("2026-12-03 13:00", r"sprint", end="2026-12-03 16:00")]),
         when=("thurs 1pm", "2026-12-03 13:00")),

    # -- edit (no tool changes what was made) ----------------------------------------------------------
    case("dev12_edit_rename_note", "edit",
         ["create a note called Moodboard ideas with terracotta and sage", "rename it to Palette ideas"],
         all_of(outcome(notes=[Note("Moodboard ideas", (r"terracotta", r"sage"))], answer=CANT),
                says_not(CLAIMED_EDIT))),
    case("dev12_edit_delete_event", "edit",
         ["Please put a visit to the garden centre in my calendar for Saturday at ten o'clock in the morning.",
          "Oh dear, I have changed my mind. Could you kindly delete that appointment?"],
         all_of(outcome(events=[Event("2026-12-05 10:00", r"garden")], answer=CANT), says_not(CLAIMED_UNDO)),
         when=("Saturday at ten o'clock in the morning", "2026-12-05 10:00")),

    # -- impossible ----------------------------------------------------------------------------------
    case("dev12_imp_pay_invoice", "impossible", "pay lucas's invoice pls, the 480", outcome(answer=CANT), ANY_ACTION),
    case("dev12_imp_print_itinerary", "impossible",
         "Could you kindly print the Lisbon itinerary for me, so that I may keep it with my passport.",
         outcome(answer=CANT), ANY_ACTION),
    case("dev12_imp_call_omar", "impossible", "call omar rn", outcome(answer=CANT), ANY_ACTION),

    # -- language --------------------------------------------------------------------------------------
    case("dev12_lang_german_sms", "language", "Kannst du bitte Marcus eine SMS schicken, dass ich später komme?",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev12_lang_spanish_reminder", "language", "¿Me puedes recordar llamar a Omar mañana a las diez?",
         outcome(answer=ENGLISH), ANY_ACTION),
]
