"""A sixteenth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev16 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. It did not read the other development sets' cases or the blind
bench/conversations_cases.py. Three voices: a busy nurse between shifts (short, practical, 24-hour times
like "1930" and "0830"), a small landlord managing tenants (Tom Becker and Nina Kowalski as tenants, Omar
Haddad as the gardener, Lucas Martin as the accountant; repairs, rent, money, dates like "the 12th"), and
a Scottish or Irish English speaker ("wee", "grand", "would you ever", "half 2" for 14:30, "so it is").
It covers: reply (by sender, subject words, "the one about ...", the older of Sarah's two emails, the
newest, a day, "that email" after it was answered) · forward (with an attachment kept, to two people, with
a note, as a later turn) · followup (him/her/it, "same to ...", "text him too", the evening / day before,
after a failed turn, three turns) · correction (a time, a person, a day, a file) · meeting (invitees,
a meeting link emailed or texted, lengths, a link asked for in a second turn) · failure (an unknown
contact, file, note or email, a date that does not exist, Python that errors) · document (a fact from
a named PDF, "what did it say about ..." after a summary, a fact then emailed or noted) · append ·
duration (a night shift past midnight, "90 mins", "from half 2 for about two hours") · edit (a change
no tool makes: said so, or done as a new thing without claiming a change) · impossible (pay, ring,
print) · language (Irish Gaelic; a Polish second turn).
Run: ``bench/outcomes.py --cases conversations-dev16 [--only dev16_x,dev16_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly
after today; "the 12th" is Saturday 2026-12-12, "the 14th" Monday 2026-12-14; "evening" is 18:00.
The inbox is listed in bench/conversations_dev_cases.py's docstring (Lucas's invoice is 4 days old:
Thursday 2026-11-26 under the pinned clock). A reply quotes the original, so a reply's body pattern uses
words its original does not contain. Beyond the DSL: ``either``, ``all_of``, ``says_not``, ``LINK`` and
``ENGLISH`` (conversations_dev_cases), ``MISSING``, ``BAD_DATE`` and ``CLAIMED_EDIT``
(conversations_dev2_cases).
What the checks cannot say: in which turn a thing was written (only the end state is read), or that a
link in a mail is the same link shown in an earlier turn.
"""

from __future__ import annotations

import re

from conversations_dev2_cases import BAD_DATE, CLAIMED_EDIT, MISSING
from conversations_dev_cases import ENGLISH, LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                            outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


#: Said when Python code failed.
PY_ERROR = r"error|exception|traceback|failed|out of range"
#: A forward's subject.
FWD = r"^Fwd?:"


CASES = [
    # -- reply: which email -------------------------------------------------------------------------
    case("dev16_reply_omar_grand", "reply",
         "reply to Omar about the hedges and tell him the 14th is grand, I'll leave the side gate open",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"grand|gate")])),
    case("dev16_reply_invoice_subject", "reply",
         "Reply to the invoice email - say I'll transfer it on the 12th when the rents are in",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"12th|\brent|transfer")])),
    case("dev16_reply_lunch_on_shift", "reply",
         "reply to the one about lunch. on shift fri, cant make it, sorry",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"shift|can'?t|sorry")])),
    case("dev16_reply_older_sarah", "reply",
         "Sarah sent me two emails last week, would you ever answer the older one and say I'll bring my walking boots",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"boots")])),
    case("dev16_reply_newest", "reply", "reply to my latest email: yes count me in",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"count me in|yes")])),
    case("dev16_reply_david_aisle", "reply",
         "Answer David's mail about the flights and ask him can he get me an aisle seat on the way out",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"aisle")])),
    case("dev16_reply_thursday", "reply",
         "reply to thursday's email, tell him I have a query on the VAT before I pay",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"VAT|query")])),
    case("dev16_reply_q3_then_text", "reply",
         ["reply to Sarah's Q3 draft email, say my comments will be with her by Wednesday",
          "and text her that I replied"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"wednesday")],
                 sms=[Sms(P["Sarah"], r"repl|email|mail")])),
    case("dev16_reply_firmware_go_ahead", "reply",
         "Marcus's firmware mail - reply go ahead, no objection from me",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go ahead|no objection")])),

    # -- forward ------------------------------------------------------------------------------------
    case("dev16_fwd_garden_to_tom", "forward", "Forward the garden quote to Tom Becker",
         outcome(mails=[Mail((E["Tom"],), subject=FWD + r".*garden")])),
    case("dev16_fwd_q3_keeps_pdf", "forward", "fwd sarahs q3 draft to james pls",
         outcome(mails=[Mail((E["James"],), (Q3,), subject=FWD + r".*Q3")])),
    case("dev16_fwd_flights_to_aisha", "forward",
         "Can you forward David's email about Lisbon flights to Aisha so she knows when I'm away",
         outcome(mails=[Mail((E["Aisha"],), subject=FWD + r".*lisbon")])),
    case("dev16_fwd_firmware_two", "forward", "forward the firmware 2.1 notes to Priya and Yuki",
         either(outcome(mails=[Mail((E["Priya"], E["Yuki"]), subject=FWD + r".*firmware")]),
                outcome(mails=[Mail((E["Priya"],), subject=FWD + r".*firmware"),
                               Mail((E["Yuki"],), subject=FWD + r".*firmware")]))),
    case("dev16_fwd_invoice_with_note", "forward",
         "Forward Lucas's invoice to Tom and add a line saying this is the bookkeeping one I mentioned for the flat",
         outcome(mails=[Mail((E["Tom"],), subject=FWD + r".*invoice", body=r"flat|bookkeeping one|mentioned")])),
    case("dev16_fwd_that_after_reply", "forward",
         ["reply to Omar's quote and say that's grand, go ahead on the 14th", "forward that to Nina as well"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"grand|go ahead"),
                        Mail((E["Nina"],), subject=FWD + r".*garden")])),

    # -- follow-ups -----------------------------------------------------------------------------------
    case("dev16_fu_aisha_number_text", "followup",
         ["aisha's number?", "text her im swapping to nights, on at 1930"],
         outcome(sms=[Sms(P["Aisha"], r"night|1930|19:30")], answer={0: r"555-0107"})),
    case("dev16_fu_dentist_evening_before", "followup",
         ["dentist thurs 0830, put it in", "remind me the evening before"],
         outcome(events=[Event("2026-12-03 08:30", r"dentist")], reminders=[Reminder("2026-12-02 18:00")]),
         when=("thurs 0830", "2026-12-03 08:30")),
    case("dev16_fu_tom_email_then_text", "followup",
         ["Email Tom Becker that the boiler engineer is coming on the 12th between 9 and 12",
          "text him too"],
         outcome(mails=[Mail((E["Tom"],), body=r"boiler")], sms=[Sms(P["Tom"], r"boiler")])),
    case("dev16_fu_note_then_add", "followup",
         ["make a note called Flat 2 repairs: leaking kitchen tap, broken blind in the bedroom",
          "add the smoke alarm battery to it"],
         outcome(notes=[Note("Flat 2 repairs", (r"tap", r"blind", r"smoke alarm"))])),
    case("dev16_fu_omar_email_then_mail", "followup",
         ["What's Omar's email address?", "email him asking could he cut back the hedge at number 4 on the 12th"],
         outcome(mails=[Mail((E["Omar"],), body=r"hedge")], answer={0: r"omar\.haddad@example\.com"})),
    case("dev16_fu_inspection_three_turns", "followup",
         ["Put a flat inspection at Tom's on the 12th at 11 in my calendar",
          "text Tom the time so he knows",
          "and remind me the day before at 9"],
         outcome(events=[Event("2026-12-12 11:00", r"inspection", may_invite=(E["Tom"],))],
                 sms=[Sms(P["Tom"], r"11|inspection")], reminders=[Reminder("2026-12-11 09:00")]),
         when=("the 12th at 11", "2026-12-12 11:00")),
    case("dev16_fu_same_to_marcus", "followup",
         ["text Priya I can cover her shift saturday", "same to marcus"],
         outcome(sms=[Sms(P["Priya"], r"cover|shift"), Sms(P["Marcus"], r"cover|shift")])),
    case("dev16_fu_itinerary_to_david_too", "followup",
         ["Email Sarah the Lisbon itinerary", "send that to David as well"],
         outcome(mails=[Mail((E["Sarah"],), (LISBON,)), Mail((E["David"],), (LISBON,))])),
    case("dev16_fu_james_number_match", "followup",
         ["what's James O'Brien's number there", "grand, text him I'll see him at the match Saturday so I will"],
         outcome(sms=[Sms(P["James"], r"match")], answer={0: r"555-0106"})),
    case("dev16_fu_unknown_then_sarah", "followup",
         ["text Siobhan I'll be late for handover", "sorry I meant Sarah"],
         outcome(sms=[Sms(P["Sarah"], r"late|handover")])),

    # -- corrections ----------------------------------------------------------------------------------
    case("dev16_corr_gas_check_time", "correction",
         ["Put the gas safety check at Nina's flat in my calendar for the 12th at 10", "actually make it 1400"],
         all_of(either(outcome(events=[Event("2026-12-12 10:00", r"gas"), Event("2026-12-12 14:00", r"gas")]),
                       outcome(events=[Event("2026-12-12 14:00", r"gas")])),
                says_not(CLAIMED_EDIT)),
         when=("the 12th at 1400", "2026-12-12 14:00")),
    case("dev16_corr_person_text", "correction",
         ["text marcus running 10 late", "no sorry, priya, not marcus"],
         either(outcome(sms=[Sms(P["Marcus"], r"late"), Sms(P["Priya"], r"late")]),
                outcome(sms=[Sms(P["Priya"], r"late")]))),
    case("dev16_corr_rent_day", "correction",
         ["Remind me to collect the rent from Nina on Friday", "sorry, the 12th, not Friday"],
         all_of(either(outcome(reminders=[Reminder("2026-12-04", r"rent"), Reminder("2026-12-12", r"rent")]),
                       outcome(reminders=[Reminder("2026-12-12", r"rent")])),
                says_not(CLAIMED_EDIT)),
         when=("the 12th", "2026-12-12")),
    case("dev16_corr_wrong_file", "correction",
         ["email Elena the team handbook", "ach no, I meant the Q3 report, not the handbook"],
         either(outcome(mails=[Mail((E["Elena"],), (HANDBOOK,)), Mail((E["Elena"],), (Q3,))]),
                outcome(mails=[Mail((E["Elena"],), (Q3,))]))),

    # -- meetings -------------------------------------------------------------------------------------
    case("dev16_meet_video_rota", "meeting",
         "video call with Sarah and Marcus tmrw 1400 re the rota, email them both the link",
         either(outcome(mails=[Mail((E["Sarah"], E["Marcus"]), body=LINK)]),
                outcome(mails=[Mail((E["Sarah"],), body=LINK), Mail((E["Marcus"],), body=LINK)]),
                outcome(mails=[Mail((E["Sarah"], E["Marcus"]), body=LINK)],
                        events=[Event("2026-12-01 14:00", may_invite=(E["Sarah"], E["Marcus"]))]),
                outcome(mails=[Mail((E["Sarah"],), body=LINK), Mail((E["Marcus"],), body=LINK)],
                        events=[Event("2026-12-01 14:00", may_invite=(E["Sarah"], E["Marcus"]))])),
         when=("tmrw 1400", "2026-12-01 14:00")),
    case("dev16_meet_tom_damp", "meeting",
         "Meeting with Tom Becker at the flat on the 12th at 11am about the damp in the bathroom. "
         "Put it in the calendar and invite him.",
         outcome(events=[Event("2026-12-12 11:00", r"damp|tom|flat", invitees=(E["Tom"],))]),
         when=("the 12th at 11am", "2026-12-12 11:00")),
    case("dev16_meet_elena_link_calendar", "meeting",
         "get me a meeting link for a catch-up with Elena on Friday at 1530, 30 mins, and put it in my calendar",
         outcome(events=[Event("2026-12-04 15:30", r"elena|catch", end="2026-12-04 16:00",
                               may_invite=(E["Elena"],))],
                 ran=("get_zoom_meeting_link",)),
         when=("Friday at 1530", "2026-12-04 15:30")),
    case("dev16_meet_omar_invite_email", "meeting",
         "Set up a meeting with Omar Wednesday 0900 for 45 minutes about the garden at number 12, "
         "invite him and email him about it",
         outcome(events=[Event("2026-12-02 09:00", r"garden|omar", end="2026-12-02 09:45", invitees=(E["Omar"],))],
                 mails=[Mail((E["Omar"],), body=r"garden|wednesday|meet|0?9")]),
         when=("Wednesday 0900", "2026-12-02 09:00")),
    case("dev16_meet_wee_pilot", "meeting",
         "would you ever set up a wee meeting with Priya and Yuki on Thursday at 2 about the pilot schools? "
         "no video, just in the calendar",
         outcome(events=[Event("2026-12-03 14:00", r"pilot", may_invite=(E["Priya"], E["Yuki"]))]),
         when=("Thursday at 2", "2026-12-03 14:00")),
    case("dev16_meet_aisha_link_sms", "meeting",
         "meeting link for handover with aisha 1930 tonight, text it to her",
         either(outcome(sms=[Sms(P["Aisha"], r"https://")]),
                outcome(sms=[Sms(P["Aisha"], r"https://")],
                        events=[Event("2026-11-30 19:30", may_invite=(E["Aisha"],))])),
         when=("1930 tonight", "2026-11-30 19:30")),
    case("dev16_meet_lucas_link_later", "meeting",
         ["put a call with Lucas about the rent accounts on the 14th at 10 in my calendar",
          "get a video link for it and email it to him"],
         outcome(events=[Event("2026-12-14 10:00", r"call|rent|lucas|accounts", may_invite=(E["Lucas"],))],
                 mails=[Mail((E["Lucas"],), body=LINK)]),
         when=("the 14th at 10", "2026-12-14 10:00")),
    case("dev16_meet_falcon_planning_two_hours", "meeting",
         "Book a 2 hour meeting called Falcon planning next Monday at 0930 with James and Sarah, "
         "and email them both a video link for it",
         either(outcome(events=[Event("2026-12-07 09:30", r"falcon planning", end="2026-12-07 11:30",
                                      may_invite=(E["James"], E["Sarah"]))],
                        mails=[Mail((E["James"], E["Sarah"]), body=LINK)]),
                outcome(events=[Event("2026-12-07 09:30", r"falcon planning", end="2026-12-07 11:30",
                                      may_invite=(E["James"], E["Sarah"]))],
                        mails=[Mail((E["James"],), body=LINK), Mail((E["Sarah"],), body=LINK)])),
         when=("next Monday at 0930", "2026-12-07 09:30")),

    # -- failures -------------------------------------------------------------------------------------
    case("dev16_fail_unknown_siobhan", "failure", "text Siobhan that I'll be 10 min late for handover",
         outcome(answer=absent("Siobhan")), SENT),
    case("dev16_fail_tenancy_pdf", "failure", "Email Tom Becker a copy of the tenancy agreement pdf",
         outcome(answer=absent("tenancy")), SENT),
    case("dev16_fail_rent_ledger_note", "failure", "what have I got in my Rent ledger note",
         outcome(answer=absent("Rent ledger")), ANY_ACTION),
    case("dev16_fail_no_aisha_email", "failure", "reply to Aisha's email and say yes that's fine",
         outcome(answer=absent("Aisha")), SENT),
    case("dev16_fail_feb_30", "failure", "remind me on the 30th of February to renew the gas certificate",
         outcome(answer=BAD_DATE), ANY_ACTION),
    case("dev16_fail_python_index", "failure",
         "run this python for me: rents = [650, 700, 725]; print(rents[3])",
         outcome(answer=PY_ERROR), ANY_ACTION),

    # -- documents ------------------------------------------------------------------------------------
    case("dev16_doc_receipts", "document", "handbook - how long to put expense receipts in?",
         outcome(answer=r"thirty days|30 days"), ANY_ACTION),
    case("dev16_doc_lead_time", "document",
         "What's the lead time on the particulate matter sensor according to the Q3 report?",
         outcome(answer=r"sixteen|16"), ANY_ACTION),
    case("dev16_doc_pilot_schools", "document", "how many schools were in the pilot? it's in the q3 report",
         outcome(answer=r"twelve|\b12\b"), ANY_ACTION),
    case("dev16_doc_lost_devices", "document", "find where the team handbook talks about lost devices",
         outcome(answer=r"one day|1 day|within a day|24 hours"), ANY_ACTION),
    case("dev16_doc_checkout", "document",
         "What time have I to be out of the hotel on the Thursday? It'll be in the Lisbon itinerary",
         outcome(answer=r"11:00|11 ?am|\b11\b"), ANY_ACTION),
    case("dev16_doc_tram_after_summary", "document",
         ["summarise the lisbon itinerary pdf", "what did it say about the tram?"],
         outcome(answer=r"\b28\b"), ANY_ACTION),
    case("dev16_doc_budget_then_email", "document",
         ["how much had Falcon spent by the end of September? q3 report", "email that to Lucas"],
         outcome(mails=[Mail((E["Lucas"],), body=r"412")], answer={0: r"412,?000|412 ?k|412 thousand"})),
    case("dev16_doc_economy_flights", "document",
         "what does the handbook say about flights, is it economy we have to fly?",
         outcome(answer=r"economy|six hours|6 hours"), ANY_ACTION),
    case("dev16_doc_battery_to_note", "document",
         ["what battery life did they get in the field trial, Q3 report", "put that in a note called Battery"],
         outcome(notes=[Note("Battery", (r"nine months|9 months",))], answer={0: r"nine months|9 months"})),

    # -- append ---------------------------------------------------------------------------------------
    case("dev16_append_shopping_landlord", "append", "Add bin bags and bleach to my shopping list",
         outcome(notes=[Note("Shopping list", (r"bin bags", r"bleach", r"oat milk"))])),
    case("dev16_append_ideas_leith", "append", "stick 'buy a wee flat in Leith' on my ideas note",
         outcome(notes=[Note("Ideas", (r"Leith", r"Portuguese"))])),
    case("dev16_append_meeting_notes", "append",
         "add to my meeting notes: Tom's boiler fixed, accountant invoice due the 20th",
         outcome(notes=[Note("Meeting notes", (r"boiler", r"Falcon weekly sync"))])),
    case("dev16_append_after_reading", "append",
         ["whats on my shopping list", "add plasters and paracetamol to it"],
         outcome(notes=[Note("Shopping list", (r"plasters", r"paracetamol", r"coffee beans"))],
                 answer={0: r"oat milk|coffee beans|tomatoes|basil|batteries"})),

    # -- durations ------------------------------------------------------------------------------------
    case("dev16_dur_night_shift", "duration", "put my night shift in for tomorrow 1930 to 0730",
         outcome(events=[Event("2026-12-01 19:30", r"shift", end="2026-12-02 07:30")]),
         when=("tomorrow 1930", "2026-12-01 19:30")),
    case("dev16_dur_viewings_90", "duration", "Block out 90 mins on the 12th at 1000 for viewings at flat 3",
         outcome(events=[Event("2026-12-12 10:00", r"viewing", end="2026-12-12 11:30")]),
         when=("the 12th at 1000", "2026-12-12 10:00")),
    case("dev16_dur_plumber_half_two", "duration",
         "put the plumber in the calendar for Wednesday from half 2, he says it'll take about two hours",
         outcome(events=[Event("2026-12-02 14:30", r"plumber", end="2026-12-02 16:30")]),
         when=("Wednesday from half 2", "2026-12-02 14:30")),

    # -- edits no tool makes --------------------------------------------------------------------------
    case("dev16_edit_remove_basil", "edit", "take the basil off my shopping list",
         outcome(answer=CANT), ANY_ACTION),
    case("dev16_edit_move_event", "edit",
         ["put boiler service at Nina's on Friday 0900", "move that to the 14th"],
         either(all_of(outcome(events=[Event("2026-12-04 09:00", r"boiler")], answer=CANT),
                       says_not(CLAIMED_EDIT)),
                all_of(outcome(events=[Event("2026-12-04 09:00", r"boiler"), Event("2026-12-14 09:00", r"boiler")]),
                       says_not(CLAIMED_EDIT))),
         when=("Friday 0900", "2026-12-04 09:00")),

    # -- impossible -----------------------------------------------------------------------------------
    case("dev16_imp_pay_lucas", "impossible", "pay Lucas the 480 for the bookkeeping",
         outcome(answer=CANT), ANY_ACTION),
    case("dev16_imp_ring_tom", "impossible", "would you ever ring Tom Becker for me, the line's bad on my phone",
         outcome(answer=CANT), ANY_ACTION),
    case("dev16_imp_print_handbook", "impossible", "print off the team handbook so I have it on the ward",
         outcome(answer=CANT), ANY_ACTION),

    # -- not English ----------------------------------------------------------------------------------
    case("dev16_lang_irish", "language", "Cuir téacs chuig Tom Becker go mbeidh mé déanach, le do thoil",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev16_lang_polish_second_turn", "language",
         ["Email Nina the Lisbon itinerary", "wyślij to też do Sarah, proszę"],
         outcome(mails=[Mail((E["Nina"],), (LISBON,))], answer=ENGLISH)),
]
