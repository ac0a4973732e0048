"""A seventh set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev7 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure how the
agent does on wording nobody has read yet, then reads its failures (it becomes in-sample from then on).
Its situations and wordings are new: it neither copies nor rewords the six other development sets, and it
did not see the blind sets or the agent's code. The voices vary on purpose: terse, chatty, typos, polite,
impatient, non-native English. The kind of each case:
  reply / forward (which inbox email: by sender, subject words, day ("yesterday", "saturday's", "wednesday's
  from last week", "this morning", "from friday"), "my oldest", "sarah's latest", "sarah's older"; to whom; with a
  note or an attachment; six of them as a later turn, after a phone number, an address, a text, a reply or
  a declined request) · followup (after a declined or failed turn: "ok fine, email him that instead",
  "then remind me to call him"; "it"/"that day"/"that flight number" pointing two turns back; "an hour
  before it", "send the same to sarah", "yuki needs that too", "what about his email address then";
  five three-turn conversations) · document (the right passage of a sample PDF, most without naming the
  file; a remainder to work out; summaries saved or mailed; an answer appended to a note, mailed, made a
  reminder) · failure (a contact, a file, an inbox email, a note that do not exist; one with a second
  turn) · append · meeting (invitees, a length, a room, a meeting link mailed or put in the calendar) ·
  correction · duration · edit · decline.

Run: ``bench/outcomes.py --cases conversations-dev7 [--only dev7_x,dev7_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "evening" 18:00; an hour 1-7 without am/pm is afternoon, 8-11 morning; an event without an end lasts
one hour; a date alone is an all-day event. The sample calendar and reminders start empty.

The inbox relied on (tools/sample.py MAILS, dated from the tools' clock: days before today, weekday):
Priya Patel 'Team lunch on Friday?' (0, Mon 08:00, the newest) · David Kim 'Lisbon trip: flights and hotel'
(1, Sun) · Sarah Lee 'Q3 report draft for review' (2, Sat, Project_Falcon_Q3_Report.pdf attached; her
latest) · Marcus Chen 'Firmware 2.1 release notes' (3, Fri) · Lucas Martin 'Invoice for November' (4, Thu)
· Sarah Lee 'Offsite agenda for next week' (5, Wed; the first/older of her two) · Omar Haddad 'Quote for
the garden work' (6, the oldest). A reply quotes its original and a forward carries it (and its
attachment), so every body pattern uses words its original does not contain.

Beyond the DSL: ``either``/``all_of``/``says_not`` (conversations_dev_cases), ``MISSING``/``CLAIMED_EDIT``/
``CLAIMED_UNDO`` (conversations_dev2_cases), ``both_ways`` (conversations_dev6_cases: one mail to two
people or one each) and ``absent`` (below: an answer that names one of the words and says it is not
there). What the checks cannot say: in which turn a thing was written (only the end state is read), that
"it" was understood as the thing two turns back other than by what was written, that an answer declined
for the right reason (only that it says it cannot), and that two messages carry the same words (only that
each has the words asked for).
"""

from __future__ import annotations

import re

from conversations_dev2_cases import CLAIMED_EDIT, CLAIMED_UNDO, MISSING
from conversations_dev6_cases import both_ways
from conversations_dev_cases import LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Check, Event, Mail, Note, Reminder, Sms,
                            case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(*names: str) -> str:
    """An answer that names one of ``names`` and says it is not there (loosely: no next step demanded)."""
    return rf"(?=.*({'|'.join(re.escape(n) for n in names)}))(?=.*({MISSING}))"


def no_claimed_change(check: Check) -> Check:
    """``check``, and a last answer that claims no edit or undo (no tool changes or takes back a thing)."""
    return all_of(check, says_not(CLAIMED_EDIT), says_not(CLAIMED_UNDO))


#: Words of the Lisbon itinerary a summary of it holds (some of them).
LISBON_WORDS = r"workshop|alfama|casa do rio|belem|tp ?1234|07:40|metro|tram|partner|check.?in|check.?out"
#: Words of the team handbook a summary of it holds (some of them).
HANDBOOK_WORDS = r"hours|expense|receipt|security|password|sync|flexible|lock"

CASES = [
    # -- reply: which inbox email, said many ways; what to say in the person's own words -------------
    case("dev7_reply_lucas_iban", "reply",
         "hey can u answer lucas re the invoice - ask him for his IBAN, i dont have his bank details anymore",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\biban\b|bank")])),
    case("dev7_reply_firmware_school_holidays", "reply",
         "firmware mail -> write back: pls hold it until after the school holidays, the pilot classrooms are empty",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"holiday|classroom|\bhold")])),
    case("dev7_reply_yesterday_breakfast", "reply",
         "The mail that came in yesterday: please write back and ask whether breakfast is included at the hotel.",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"breakfast")])),
    case("dev7_reply_sarah_older_snacks", "reply",
         "sarah's older mail: reply that i'll bring snacks for the whole group",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"snack")])),
    case("dev7_reply_this_morning_late", "reply",
         "Hello! Could you please reply to the email I received this morning and tell Priya that I'd love to "
         "come, but I'll be about 15 minutes late?",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\blate\b|15")])),
    case("dev7_reply_garden_big_tree_non_native", "reply",
         "Please write answer to Omar for the garden price, I want say: is ok for me, but can he also cut the "
         "big tree?",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"\btree")])),
    case("dev7_reply_saturday_certification", "reply",
         "answer saturday's mail - the budget section looks fine to me, but why were the certification fees "
         "so high?",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"certification|\bfees\b")])),
    case("dev7_reply_last_wednesday_recital", "reply",
         "wednesday's email from last week - answer it: i'll have to leave before the hike, my daughter has a recital",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"recital|daughter|\bleave")])),
    case("dev7_reply_lunch_impatient_no", "reply", "reply to priyas lunch thing. no. cant. busy friday.",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch",
                             body=r"busy|can'?t|cannot|\bno\b|\bnot\b|unable")])),
    case("dev7_reply_after_forward_q3_priya_too", "reply",
         ["forward the q3 draft to priya so she can look at the pilot numbers",
          "thanks. reply to that one as well and tell sarah that priya will send comments too"],
         outcome(mails=[Mail((E["Priya"],), (Q3,), subject=r"^Fwd:.*Q3"),
                        Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"priya")])),
    case("dev7_reply_after_lucas_number_18th", "reply",
         ["got a phone number for lucas martin?",
          "nah i'll write instead. reply to his email and say i'll pay on the 18th"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\b18(th)?\b|eighteenth")],
                 answer={0: r"555-0110"})),
    case("dev7_reply_after_text_david_quiet_floor", "reply",
         ["text david thanks for sorting out the flights",
          "and answer his email too: could the hotel give me a room on a quiet floor?"],
         outcome(sms=[Sms(P["David"], r"thank|flight")],
                 mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"quiet|floor")])),

    # -- forward: which email, to whom, with a note or an attachment -----------------------------------
    case("dev7_forward_offsite_boots_note", "forward",
         "forward the offsite plan to james and priya, note: wear boots, it's muddy up there",
         both_ways((E["James"], E["Priya"]), dict(subject=r"^Fwd:.*offsite", body=r"boot|mud"))),
    case("dev7_forward_firmware_priya_heads_up", "forward",
         "pass the firmware email on to priya. add: heads up, the pilot units update on thursday",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*firmware", body=r"heads.?up|\bunits?\b")])),
    case("dev7_forward_invoice_yuki_with_handbook", "forward",
         "Forward the November invoice to Yuki and attach the team handbook, she's learning how we do expenses.",
         outcome(mails=[Mail((E["Yuki"],), (HANDBOOK,), subject=r"^Fwd:.*invoice")])),
    case("dev7_forward_yesterday_aisha_cat", "forward",
         "could you forward yesterday's email to Aisha? she's minding the cat while I'm in Lisbon",
         outcome(mails=[Mail((E["Aisha"],), subject=r"^Fwd:.*lisbon")])),
    case("dev7_forward_oldest_james_fair_price", "forward",
         "forward my oldest email to james o'brien. note: is this a fair price? you had your garden done last year",
         outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*garden", body=r"fair|price|last year")])),
    case("dev7_forward_sarah_latest_plus_handbook", "forward",
         "send sarah's latest email on to marcus, with the team handbook attached too",
         outcome(mails=[Mail((E["Marcus"],), (Q3, HANDBOOK), subject=r"^Fwd:.*Q3")])),
    case("dev7_forward_invoice_typos_recommend", "forward",
         "frwd lucas invoice emial to tom n omar, tell them this is the acountant i recomended",
         both_ways((E["Tom"], E["Omar"]), dict(subject=r"^Fwd:.*invoice", body=r"recomm?end|acc?ountant"))),
    case("dev7_forward_friday_email_with_q3", "forward",
         "forward the email from friday to yuki and james with the q3 report attached",
         both_ways((E["Yuki"], E["James"]), dict(attach=(Q3,), subject=r"^Fwd:.*firmware"))),
    case("dev7_forward_after_tom_address_catering", "forward",
         ["does tom becker have an email in my contacts?",
          "ok forward him the offsite agenda, he's catering the lunch"],
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*offsite")], answer={0: r"tom\.becker@example\.com"})),
    case("dev7_forward_after_print_declined", "forward",
         ["print lucas's invoice email", "fine, forward it to james then, he's got a printer"],
         outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*invoice")], answer={0: CANT})),
    case("dev7_forward_after_reply_david_marcus", "forward",
         ["answer david's email: all good, thank you!", "and forward it to marcus, he's on the same flights"],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"all good|thank"),
                        Mail((E["Marcus"],), subject=r"^Fwd:.*lisbon")])),

    # -- followup: her/him/it/that, two turns back, after a declined or failed turn ---------------------
    case("dev7_followup_ring_omar_then_email", "followup",
         ["ring omar and tell him the gate code is 4711", "ok fine, email him that instead"],
         outcome(mails=[Mail((E["Omar"],), body=r"4711|gate")], answer={0: CANT})),
    case("dev7_followup_spreadsheet_missing_text_yuki", "followup",
         ["send yuki the pilot results spreadsheet",
          "right, you don't have it. text her that i'll bring it on a usb stick tomorrow"],
         outcome(sms=[Sms(P["Yuki"], r"usb|stick|bring")], answer={0: absent("spreadsheet", "pilot results")})),
    case("dev7_followup_concert_hour_before_two_back", "followup",
         ["add 'school concert' on friday at 6pm to my calendar", "text elena to ask if she wants to come along",
          "and remind me an hour before it"],
         outcome(events=[Event("2026-12-04 18:00", r"concert")], sms=[Sms(P["Elena"], r"concert|come")],
                 reminders=[Reminder("2026-12-04 17:00")]),
         when=("friday at 6pm", "2026-12-04 18:00")),
    case("dev7_followup_graduation_that_day_three", "followup",
         ["my sister's graduation is on december 19, put it in the calendar",
          "remind me the day before to pick up the gift",
          "and text nina that i can't do book club that day"],
         outcome(events=[Event("2026-12-19", r"graduat")], reminders=[Reminder("2026-12-18", r"gift")],
                 sms=[Sms(P["Nina"], r"book club|can'?t|cannot|won'?t")]),
         when=("december 19", "2026-12-19")),
    case("dev7_followup_room_3_same_to_sarah", "followup",
         ["text yuki the demo moved to room 3", "send the same to sarah"],
         outcome(sms=[Sms(P["Yuki"], r"room 3"), Sms(P["Sarah"], r"room 3")])),
    case("dev7_followup_james_number_address_write", "followup",
         ["is there a number for james?", "what about his email address then", "ok write him: the lab key is at reception"],
         outcome(mails=[Mail((E["James"],), body=r"\bkey\b|reception")],
                 answer={0: r"555-0106", 1: r"james\.obrien@example\.com"})),
    case("dev7_followup_taxi_declined_sunday_evening", "followup",
         ["book me a taxi to the airport for monday 5am", "can't? ok remind me sunday evening to order one myself"],
         outcome(reminders=[Reminder("2026-12-06 18:00", r"taxi|cab")], answer={0: CANT}),
         when=("sunday evening", "2026-12-06 18:00")),
    case("dev7_followup_pilot_data_yuki_as_well", "followup",
         ["email priya that the pilot data is in the shared folder now", "yuki needs that too, same email pls"],
         outcome(mails=[Mail((E["Priya"],), body=r"pilot data|shared folder"),
                        Mail((E["Yuki"],), body=r"pilot data|shared folder")])),
    case("dev7_followup_parent_teacher_hour_before", "followup",
         ["parent-teacher meeting wednesday 4:30pm, add it pls", "and a reminder 60 min before it pls"],
         outcome(events=[Event("2026-12-02 16:30", r"parent|teacher")], reminders=[Reminder("2026-12-02 15:30")]),
         when=("wednesday 4:30pm", "2026-12-02 16:30")),
    case("dev7_followup_test_results_text_same", "followup",
         ["email aisha: my test results can wait until january", "text her that too, same words"],
         outcome(mails=[Mail((E["Aisha"],), body=r"january|results")], sms=[Sms(P["Aisha"], r"january|results")])),
    case("dev7_followup_electrician_missing_remind", "followup",
         ["email the electrician that thursday works", "ok he's not in there. then remind me to call him tomorrow at 8"],
         outcome(reminders=[Reminder("2026-12-01 08:00", r"electrician")], answer={0: absent("electrician")}),
         when=("tomorrow at 8", "2026-12-01 08:00")),
    case("dev7_followup_nina_number_text_then_mail", "followup",
         ["whats ninas number", "text her: your book is on the doorstep", "and send her the same by email"],
         outcome(sms=[Sms(P["Nina"], r"doorstep|book")], mails=[Mail((E["Nina"],), body=r"doorstep|book")],
                 answer={0: r"555-0111"})),
    case("dev7_followup_clinic_call_declined_text", "followup",
         ["call the clinic and cancel my appointment on thursday",
          "ugh. then text aisha that i need to cancel thursday"],
         outcome(sms=[Sms(P["Aisha"], r"cancel")], answer={0: CANT})),
    case("dev7_followup_flight_number_two_back", "followup",
         ["what's the flight number of my return flight from lisbon?",
          "put a reminder on thursday at 3pm to leave for the airport",
          "and text that flight number to elena"],
         outcome(reminders=[Reminder("2026-12-03 15:00", r"airport|leave")], sms=[Sms(P["Elena"], r"1235")],
                 answer={0: r"TP ?1235"}),
         when=("thursday at 3pm", "2026-12-03 15:00")),

    # -- document: the right passage, named or not; then saved, mailed or made a reminder ----------------
    case("dev7_doc_radio_duty_cycle", "document", "by how much did firmware 2.0 cut the radio duty cycle?",
         outcome(answer=r"forty|\b40\b"), ANY_ACTION),
    case("dev7_doc_itinerary_local_times", "document",
         "are the times in my lisbon itinerary local time or home time?",
         outcome(answer=r"\blocal\b"), ANY_ACTION),
    case("dev7_doc_trip_length_days", "document", "how many days is the lisbon business trip",
         outcome(answer=r"\bfour\b|\b4\b|monday.*thursday"), ANY_ACTION),
    case("dev7_doc_component_prices", "document",
         "did the falcon components get cheaper or more expensive this quarter?",
         outcome(answer=r"\bfell\b|cheaper|lower|decreas|dropped|\bdown\b"), ANY_ACTION),
    case("dev7_doc_what_falcon_builds", "document",
         "remind me, what is project falcon actually building? one line is enough",
         outcome(answer=r"air quality|sensor"), ANY_ACTION),
    case("dev7_doc_budget_left_after_september", "document",
         "how much of the falcon budget was still left after september?",
         outcome(answer=r"188|(?=.*412)(?=.*600)"), ANY_ACTION),
    case("dev7_doc_site_visit_where", "document", "where is the school site visit on the lisbon trip?",
         outcome(answer=r"bel[eé]m"), ANY_ACTION),
    case("dev7_doc_over_budget_to_meeting_notes", "document",
         ["where did falcon overspend, going by the q3 report?", "add that to my meeting notes"],
         outcome(notes=[Note("Meeting notes", (r"certification",))], answer={0: r"certification"})),
    case("dev7_doc_travel_approval_mail_priya", "document",
         ["per the handbook, who has to ok my travel before i book it?",
          "email that to priya, she's planning her lisbon trip"],
         outcome(mails=[Mail((E["Priya"],), body=r"manager")], answer={0: r"manager"})),
    case("dev7_doc_handbook_gist_note", "document",
         ["give me the gist of the team handbook", "save that as a note called Handbook gist"],
         outcome(notes=[Note("Handbook gist", (HANDBOOK_WORDS,))], answer={0: HANDBOOK_WORDS})),
    case("dev7_doc_supply_risk_reminder", "document",
         ["what is the falcon team doing about the sensor supply risk?",
          "remind me next monday to ask marcus how the second supplier is going"],
         outcome(reminders=[Reminder("2026-12-07", r"supplier|marcus")], answer={0: r"second supplier|qualify"}),
         when=("next monday", "2026-12-07")),
    case("dev7_doc_itinerary_summary_to_david", "document",
         ["summarise the lisbon itinerary", "mail that to david kim and ask him if the times are still right"],
         either(outcome(mails=[Mail((E["David"],), body=LISBON_WORDS)], answer={0: LISBON_WORDS}),
                outcome(mails=[Mail((E["David"],), (LISBON,))], answer={0: LISBON_WORDS}))),

    # -- failure: a thing that is not there, said so; nothing wrong written -------------------------------
    case("dev7_fail_text_greg", "failure", "text greg that band practice is at 8 tonight",
         outcome(answer=absent("greg")), SENT),
    case("dev7_fail_forward_car_insurance", "failure", "forward the car insurance email to tom",
         outcome(answer=absent("insurance")), SENT),
    case("dev7_fail_summarise_lease", "failure", "summarise my apartment lease pdf",
         outcome(answer=absent("lease")), ANY_ACTION),
    case("dev7_fail_wifi_passwords_note", "failure", "open my note called Wifi passwords",
         outcome(answer=absent("wifi")), ANY_ACTION),
    case("dev7_fail_soldering_checklist_then_text", "failure",
         ["email marcus the soldering checklist", "hm ok. just text him to bring his own copy then"],
         outcome(sms=[Sms(P["Marcus"], r"copy|bring|checklist")], answer={0: absent("soldering", "checklist")})),

    # -- append: to a named note, first turn or follow-up ---------------------------------------------------
    case("dev7_append_shopping_typos_lentils", "append", "ad chickpeas and lentils to shoping list",
         outcome(notes=[Note("Shopping list", (r"chickpea", r"lentil", r"oat milk"))])),
    case("dev7_append_ideas_pottery_polite", "append",
         "Could you please add 'take a pottery class in January' to my ideas note? Thank you!",
         outcome(notes=[Note("Ideas", (r"pottery", r"portuguese"))])),
    case("dev7_append_meeting_notes_two_turns", "append",
         ["add to the meeting notes: Marcus sends the 2.1 changelog to the pilot schools",
          "and: next sync moves to tuesday"],
         outcome(notes=[Note("Meeting notes", (r"changelog", r"tuesday", r"falcon weekly sync"))])),

    # -- meeting: invitees, a length, a room, a meeting link -----------------------------------------------
    case("dev7_meeting_link_omar_mailed", "meeting",
         "get me a video link for a call with omar on thursday at 8am about the garden plan and email it to him",
         outcome(mails=[Mail((E["Omar"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev7_meeting_pilot_retro_three_invitees", "meeting",
         "schedule 'pilot retro' on the 10th from 3 to 3:45pm, invite priya, yuki and james",
         outcome(events=[Event("2026-12-10 15:00", r"retro", end="2026-12-10 15:45",
                               invitees=(E["Priya"], E["Yuki"], E["James"]))]),
         when=("the 10th from 3", "2026-12-10 15:00")),
    case("dev7_meeting_jitsi_then_calendar_james", "meeting",
         ["can you make me a jitsi link for the enclosure supplier call, wednesday 2pm",
          "cool, put it in the calendar with james invited"],
         outcome(events=[Event("2026-12-02 14:00", r"supplier|enclosure|call", invitees=(E["James"],))],
                 ran=("get_zoom_meeting_link",)),
         when=("wednesday 2pm", "2026-12-02 14:00")),
    case("dev7_meeting_room_b_elena", "meeting",
         "put a design review with elena in meeting room B on friday 2-3pm in my calendar, and invite her",
         outcome(events=[Event("2026-12-04 14:00", r"design review", invitees=(E["Elena"],), location=r"room b")]),
         when=("friday 2-3pm", "2026-12-04 14:00")),

    # -- correction: the person puts something right in the next turn ---------------------------------------
    case("dev7_correction_library_ninth", "correction",
         ["remind me to return the library books on the 8th", "sorry, the 9th"],
         no_claimed_change(either(
             outcome(reminders=[Reminder("2026-12-09", r"library|book"), Reminder("2026-12-08", r"library|book")]),
             outcome(reminders=[Reminder("2026-12-08", r"library|book")], answer=CANT))),
         when=("on the 8th", "2026-12-08")),
    case("dev7_correction_demo_friday_not_thursday", "correction",
         ["email sarah that the customer demo is on thursday", "sorry, friday not thursday"],
         no_claimed_change(either(
             outcome(mails=[Mail((E["Sarah"],), body=r"friday"), Mail((E["Sarah"],), body=r"thursday")]),
             outcome(mails=[Mail((E["Sarah"],), body=r"thursday")], answer=CANT)))),
    case("dev7_correction_priya_phone_not_mail", "correction",
         ["what's priya's email", "sorry i meant her phone number"],
         outcome(answer={0: r"priya\.patel@example\.com", 1: r"555-0103"}), ANY_ACTION),

    # -- duration --------------------------------------------------------------------------------------------
    case("dev7_duration_yoga_50_minutes", "duration", "yoga class saturday 9:15, 50 minutes, calendar pls",
         outcome(events=[Event("2026-12-05 09:15", r"yoga", end="2026-12-05 10:05")]),
         when=("saturday 9:15", "2026-12-05 09:15")),
    case("dev7_duration_budget_workshop_until_four", "duration",
         "Please block Thursday 1:30pm to 4pm for the budget workshop.",
         outcome(events=[Event("2026-12-03 13:30", r"budget workshop", end="2026-12-03 16:00")]),
         when=("Thursday 1:30pm", "2026-12-03 13:30")),

    # -- edit: no tool changes a thing in place; a new item or an honest "can't", never a claimed change ----
    case("dev7_edit_stamps_reminder_envelopes", "edit",
         ["remind me friday to buy stamps", "add envelopes to that reminder"],
         no_claimed_change(either(
             outcome(reminders=[Reminder("2026-12-04", r"envelope"), Reminder("2026-12-04", r"stamp")]),
             outcome(reminders=[Reminder("2026-12-04", r"stamp")], answer=CANT)))),
    case("dev7_edit_lunch_james_90_minutes", "edit",
         ["put lunch with james on thursday at 1 in the calendar", "can you make it 90 minutes instead of an hour"],
         no_claimed_change(either(
             outcome(events=[Event("2026-12-03 13:00", r"lunch", end="2026-12-03 14:30", may_invite=(E["James"],)),
                             Event("2026-12-03 13:00", r"lunch", may_invite=(E["James"],))]),
             outcome(events=[Event("2026-12-03 13:00", r"lunch", may_invite=(E["James"],))], answer=CANT))),
         when=("thursday at 1", "2026-12-03 13:00")),

    # -- decline: nothing any tool does, said plainly ---------------------------------------------------------
    case("dev7_decline_share_screen", "decline", "share my screen with marcus for the call",
         outcome(answer=CANT), ANY_ACTION),
    case("dev7_decline_do_not_disturb", "decline", "turn on do not disturb on my phone until noon",
         outcome(answer=CANT), ANY_ACTION),
    case("dev7_decline_post_slack", "decline", "post the offsite agenda in our team slack channel",
         outcome(answer=CANT), ANY_ACTION),
    case("dev7_decline_archive_quote", "decline", "archive omar's garden quote email, i'm done with it",
         outcome(answer=CANT), ANY_ACTION),
]
