"""Multi-turn conversations a new user has with the assistant over the sample workspace, and the files they must leave.

Written by helper blind-c on 2026-12-06, blind: from bench/outcomes_cases.py (the checking DSL and
its date conventions: today is Monday 2026-11-30 10:00) and tools/sample.py (the sample data) only,
without reading the planner, its rules or any past result. FROZEN: these cases were written before
the work they judge; do not edit them to fit a result.

What they judge: the right inbox email chosen for replies and forwards (by sender, subject words,
newest/oldest), follow-ups that carry a person, event, email or fact over to the next turn,
corrections, lengths ("for 45 minutes") that set an event's end, meeting requests that invite
people, answers drawn from a named PDF or note, appends to a named note, requests in another
language, and requests no tool serves (edits, payments, calls): nothing written, no false claim.
Each check lists exactly what must be written (anything else is a failure) and, where one is
due, what the answer must say.

Inbox of the sample (sender: subject; age): Sarah: "Q3 report draft for review" (2 days, with
Project_Falcon_Q3_Report.pdf); David: "Lisbon trip: flights and hotel" (1 day); Priya: "Team lunch
on Friday?" (newest); Sarah: "Offsite agenda for next week" (5 days); Marcus: "Firmware 2.1
release notes" (3 days); Lucas: "Invoice for November" (4 days); Omar: "Quote for the garden
work" (oldest). A reply quotes the original and a forward carries its text and attachments, so
body patterns below use only words the original does not contain.
"""

from __future__ import annotations

from outcomes_cases import (
    ANY_ACTION,
    CANT,
    EMAIL,
    HANDBOOK,
    LISBON,
    NOT_FOUND,
    PHONE,
    Q3,
    SENT,
    Case,
    Event,
    Mail,
    Note,
    Reminder,
    Sms,
    case,
    outcome,
)

E, P = EMAIL, PHONE
ENGLISH = r"English"
EDITED = {"moved", "rescheduled"}
REMOVED = {"cancelled", "canceled", "deleted", "removed"}


def missing(name: str) -> str:
    """An answer pattern: it names ``name`` and says it was not found (for a turn before the last)."""
    return rf"(?=.*{name})(?=.*(?:{NOT_FOUND}))"


CASES: list[Case] = [
    # -- replies: the right inbox email, the right person, Re: its subject -------------------------
    case("conv_reply_lucas_invoice", "reply",
         "reply to Lucas's invoice email - tell him I'll pay it by the 15th",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"15th|the 15\b|Dec\w* 15\b")])),
    case("conv_reply_sarah_offsite", "reply",
         "Reply to Sarah's email about the offsite agenda and say I'll be there",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"be there")])),
    case("conv_reply_latest", "reply", "reply to my most recent email: count me in!",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"count me in|I'm in|yes|sounds good")])),
    case("conv_reply_david_cc_elena", "reply",
         "Reply to David's email about the Lisbon flights, cc Elena, and say thanks, it all looks good",
         outcome(mails=[Mail((E["David"],), cc=(E["Elena"],), subject=r"^Re:.*lisbon", body=r"thank")])),
    case("conv_reply_omar_then_remind", "reply",
         ["Can you answer the email from Omar about the garden? Great, let's do it",
          "and remind me on Dec 13 at 6pm to move the car out of the driveway"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"let'?s do it|great")],
                 reminders=[Reminder("2026-12-13 18:00", r"car|driveway")]),
         when=("Dec 13 at 6pm", "2026-12-13 18:00")),
    case("conv_reply_marcus_then_remind", "reply",
         ["reply to marcus's firmware email: no objections from me, go ahead",
          "remind me thursday at 4pm to check the rollout went ok"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go ahead|no objection")],
                 reminders=[Reminder("2026-12-03 16:00", r"rollout|firmware")]),
         when=("thursday at 4pm", "2026-12-03 16:00")),
    case("conv_priya_email_then_reply_cc", "reply",
         ["What's Priya's email?", "ok reply to her lunch email and say I'm in, cc Marcus"],
         outcome(mails=[Mail((E["Priya"],), cc=(E["Marcus"],), subject=r"^Re:.*lunch")],
                 answer={0: r"priya\.patel@example\.com"})),
    case("conv_reply_lunch_then_event", "reply",
         ["reply to Priya's lunch email, count me in", "put it on my calendar for friday 12:30"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch")],
                 events=[Event("2026-12-04 12:30", r"lunch", may_invite=(E["Priya"],))]),
         when=("friday 12:30", "2026-12-04 12:30")),
    case("conv_reply_invoice_then_forward", "reply",
         ["Reply to Lucas's invoice email and say I'll pay it next week", "and forward it to Tom Becker as well"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"next week|pay"),
                        Mail((E["Tom"],), subject=r"^Fwd:.*invoice")])),

    # -- forwards: the right email to the right people, Fwd: its subject, its attachments ----------
    case("conv_fwd_firmware_yuki_then_tom", "forward",
         ["forward the firmware notes to Yuki", "forward that email to Tom too"],
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware"),
                        Mail((E["Tom"],), subject=r"^Fwd:.*firmware")])),
    case("conv_fwd_q3_priya", "forward",
         "Forward Sarah's Q3 draft email to Priya and ask her to have a look at the budget numbers",
         outcome(mails=[Mail((E["Priya"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("conv_fwd_garden_elena_text_her", "forward",
         ["forward omar's garden quote to elena", "text her to have a look at it when she gets a chance"],
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*garden")],
                 sms=[Sms(P["Elena"], r"look|quote|email|garden")])),
    case("conv_fwd_offsite_yuki_then_james", "forward",
         ["fwd the offsite agenda email to Yuki", "and James too pls"],
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*offsite"),
                        Mail((E["James"],), subject=r"^Fwd:.*offsite")])),
    case("conv_fwd_oldest_to_tom", "forward",
         ["what's Tom's email address?", "forward him the oldest email in my inbox"],
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden")],
                 answer={0: r"tom\.becker@example\.com"})),
    case("conv_fwd_missing_nina", "failure", "Forward Nina's book club email to Elena",
         outcome(not_found="Nina"), SENT),

    # -- follow-ups: the person of an earlier turn ------------------------------------------------
    case("conv_email_nina_text_her_too", "followup",
         ["Email Nina that book club is at my place on Thursday", "text her too"],
         outcome(mails=[Mail((E["Nina"],), body=r"book club|thursday")],
                 sms=[Sms(P["Nina"], r"book club|thursday")])),
    case("conv_yuki_email_then_invite", "followup",
         ["What's Yuki's email?", "invite her to a firmware review friday at 10"],
         outcome(events=[Event("2026-12-04 10:00", r"firmware|review", invitees=(E["Yuki"],))],
                 answer={0: r"yuki\.tanaka@example\.com"}),
         when=("friday at 10", "2026-12-04 10:00")),
    case("conv_dinner_david_text_him", "followup",
         ["Put dinner with David Kim at Casa do Rio on Dec 7 at 7:30pm on my calendar",
          "send him a text saying looking forward to it"],
         outcome(events=[Event("2026-12-07 19:30", r"dinner", may_invite=(E["David"],), location=r"casa do rio")],
                 sms=[Sms(P["David"], r"looking forward")]),
         when=("Dec 7 at 7:30pm", "2026-12-07 19:30")),
    case("conv_aisha_three_turns", "followup",
         ["whats aisha's number", "text her I'm running 10 min late for my 6 o'clock",
          "and remind me to leave at 5:30pm today"],
         outcome(sms=[Sms(P["Aisha"], r"late")],
                 reminders=[Reminder("2026-11-30 17:30", r"leave")],
                 answer={0: r"555-0107"}),
         when=("5:30pm today", "2026-11-30 17:30")),
    case("conv_reminder_omar_email_him", "followup",
         ["Remind me to call Omar about the hedges tomorrow at 11", "also email him that I'll ring him tomorrow morning"],
         outcome(reminders=[Reminder("2026-12-01 11:00", r"omar|hedge")],
                 mails=[Mail((E["Omar"],), body=r"tomorrow|ring|call")]),
         when=("tomorrow at 11", "2026-12-01 11:00")),
    case("conv_elena_itinerary_three_turns", "followup",
         ["Email Elena the Lisbon itinerary", "text her too that it's in her inbox",
          "and remind me friday to ask her what she thinks"],
         outcome(mails=[Mail((E["Elena"],), (LISBON,))],
                 sms=[Sms(P["Elena"], r"inbox|itinerary|email|sent")],
                 reminders=[Reminder("2026-12-04", r"elena")])),

    # -- corrections -------------------------------------------------------------------------------
    case("conv_correction_lucas_to_tom", "correction",
         ["What's Lucas's number?", "no, I meant Tom Becker. text him that the invoice is paid"],
         outcome(sms=[Sms(P["Tom"], r"invoice|paid")], answer={0: r"555-0110"})),
    case("conv_correction_handbook_yuki", "correction",
         ["Email James the team handbook", "sorry, wrong person, I meant Yuki. send it to her instead"],
         # the draft to James cannot be taken back by any tool: it stays, and must not be said to be gone
         outcome(mails=[Mail((E["James"],), (HANDBOOK,)), Mail((E["Yuki"],), (HANDBOOK,))]),
         {"deleted", "recalled", "unsent"}),
    case("conv_correction_zoe_then_nina", "correction",
         ["Text Zoe that I'm outside", "hm ok, text Nina then"],
         outcome(sms=[Sms(P["Nina"], r"outside")], answer={0: missing("Zoe")})),

    # -- lengths and meeting requests make events -------------------------------------------------
    case("conv_call_sarah_45min", "duration", "book a call w/ Sarah tomorrow at 2 for 45 minutes",
         outcome(events=[Event("2026-12-01 14:00", r"call|sarah", end="2026-12-01 14:45", may_invite=(E["Sarah"],))]),
         when=("tomorrow at 2", "2026-12-01 14:00")),
    case("conv_deep_work_90min", "duration", "block 90 mins thursday morning for deep work",
         outcome(events=[Event("2026-12-03 09:00", r"deep work|focus", end="2026-12-03 10:30")]),
         when=("thursday morning", "2026-12-03 09:00")),
    case("conv_meeting_yuki_marcus_90min", "meeting",
         "Set up a meeting with Yuki and Marcus on Friday at 10am for an hour and a half about the firmware rollout",
         outcome(events=[Event("2026-12-04 10:00", r"firmware|rollout", end="2026-12-04 11:30",
                               invitees=(E["Yuki"], E["Marcus"]))]),
         when=("Friday at 10am", "2026-12-04 10:00")),
    case("conv_meeting_priya_james", "meeting",
         "can u set up a meeting w Priya and James on wednesday at 11 about the sensor suplier",
         outcome(events=[Event("2026-12-02 11:00", r"sensor|supplier|suplier", invitees=(E["Priya"], E["James"]))]),
         when=("wednesday at 11", "2026-12-02 11:00")),
    case("conv_event_45min_then_day_before", "duration",
         ["Schedule a firmware review with Marcus on Thursday at 4pm for 45 minutes",
          "remind me about it the day before at 9"],
         outcome(events=[Event("2026-12-03 16:00", r"firmware|review", end="2026-12-03 16:45",
                               may_invite=(E["Marcus"],))],
                 reminders=[Reminder("2026-12-02 09:00", r"firmware|review")]),
         when=("Thursday at 4pm", "2026-12-03 16:00")),
    case("conv_offsite_then_day_before", "followup",
         ["Put the team offsite on my calendar for December 9, 9:30am to 5pm",
          "remind me the day before at 9 to pack my hiking shoes"],
         outcome(events=[Event("2026-12-09 09:30", r"offsite", end="2026-12-09 17:00")],
                 reminders=[Reminder("2026-12-08 09:00", r"shoe|hik|pack")]),
         when=("December 9, 9:30am", "2026-12-09 09:30")),
    case("conv_meeting_email_remind_four_turns", "meeting",
         ["Set up a meeting with Sarah and Marcus on Friday at 2pm about the Q3 budget",
          "email them both the Q3 report",
          "remind me about the meeting the day before at 9",
          "thanks!"],
         outcome(events=[Event("2026-12-04 14:00", r"Q3|budget", invitees=(E["Sarah"], E["Marcus"]))],
                 mails=[Mail((E["Sarah"], E["Marcus"]), (Q3,))],
                 reminders=[Reminder("2026-12-03 09:00", r"Q3|budget|meeting")]),
         when=("Friday at 2pm", "2026-12-04 14:00")),
    case("conv_link_then_calendar_yuki", "meeting",
         ["Get me a meeting link for a firmware sync with Yuki on Thursday at 11",
          "put it on my calendar and invite her"],
         outcome(events=[Event("2026-12-03 11:00", r"firmware|sync", invitees=(E["Yuki"],))],
                 answer={0: r"https://\S+"}, ran=("get_zoom_meeting_link",)),
         when=("Thursday at 11", "2026-12-03 11:00")),

    # -- edits no tool can make: nothing more written, no false claim -----------------------------
    case("conv_move_event_cant", "edit",
         ["Put the Falcon design review on my calendar Friday at 3pm", "actually move it to 5pm"],
         outcome(events=[Event("2026-12-04 15:00", r"design review")], answer=CANT),
         EDITED, when=("Friday at 3pm", "2026-12-04 15:00")),
    case("conv_cancel_reminder_cant", "edit",
         ["Remind me to call the dentist tomorrow at 9", "actually cancel that reminder"],
         outcome(reminders=[Reminder("2026-12-01 09:00", r"dentist")], answer=CANT),
         REMOVED, when=("tomorrow at 9", "2026-12-01 09:00")),

    # -- questions about a named document, answered from its text ----------------------------------
    case("conv_doc_battery_life", "document",
         "whats teh battery life they got in the falcon field trial? its in the Q3 report",
         outcome(answer=r"nine months|9 months|9-month"), ANY_ACTION),
    case("conv_doc_landing_time", "document", "the lisbon itinerary - what time do I land on monday?",
         outcome(answer=r"10[:.]05"), ANY_ACTION),
    case("conv_doc_tram_line", "document", "Which tram line is the Tuesday evening ride in Lisbon? check the itinerary",
         outcome(answer=r"\b28\b"), ANY_ACTION),
    case("conv_doc_meeting_notes_action", "document", "what's the action item in my Falcon meeting notes?",
         outcome(answer=r"review meeting|book a review|review.{0,40}friday"), ANY_ACTION),
    case("conv_doc_travel_approval_then_email", "document",
         ["who has to approve travel before I book, per the team handbook?",
          "ok email Sarah asking her to approve my Lisbon trip"],
         outcome(mails=[Mail((E["Sarah"],), body=r"approv")], answer={0: r"manager"})),
    case("conv_doc_lead_time_to_note", "document",
         ["According to the Q3 report, what's the lead time on the particulate matter sensor?",
          "add that to my meeting notes"],
         outcome(notes=[Note("Meeting notes", (r"sixteen weeks|16 weeks|16-week", r"Falcon weekly sync"))],
                 answer={0: r"sixteen weeks|16 weeks|16-week"})),
    case("conv_doc_budget_then_text", "document",
         ["How much of the budget has Falcon spent so far, per the Q3 report?", "text that number to Marcus"],
         outcome(sms=[Sms(P["Marcus"], r"412")], answer={0: r"412,?000|412 ?k|412 thousand"})),
    case("conv_doc_wednesday_then_event", "document",
         ["What's planned for Wednesday in my Lisbon itinerary?",
          "put the school visit on my calendar for Dec 9 at 9am for 3 hours"],
         outcome(events=[Event("2026-12-09 09:00", r"visit|school|belem", end="2026-12-09 12:00")],
                 answer={0: r"Belem|pilot school|monastery|custard"}),
         when=("Dec 9 at 9am", "2026-12-09 09:00")),
    case("conv_doc_schools_then_email", "document",
         ["how many schools were in the Falcon pilot?", "email James that figure and ask if we can add more next year"],
         outcome(mails=[Mail((E["James"],), body=r"twelve|\b12\b")], answer={0: r"twelve|\b12\b"})),

    # -- appends to a named note (what was there stays) --------------------------------------------
    case("conv_append_ideas", "append", "add 'build a bird feeder with the kids' to my Ideas note",
         outcome(notes=[Note("Ideas", (r"bird feeder", r"hiking trail", r"Portuguese"))])),
    case("conv_append_meeting_notes", "append",
         "Append to my meeting notes: Yuki will test firmware 2.1 on the pilot sensors next week",
         outcome(notes=[Note("Meeting notes", (r"Yuki", r"pilot sensors", r"Sarah: Q3 report draft"))])),
    case("conv_shopping_then_add", "append", ["whats on my shopping list rn", "add eggs and spinach to it"],
         outcome(notes=[Note("Shopping list", (r"eggs", r"spinach", r"oat milk", r"batteries"))],
                 answer={0: r"oat milk|coffee beans|tomatoes|basil|batteries"})),
    case("conv_create_then_append", "append",
         ["start a note called Lisbon packing: passport, EU plug adapter",
          "oh and add sunscreen to the Lisbon packing note"],
         outcome(notes=[Note("Lisbon packing", (r"passport", r"adapter", r"sunscreen"))])),

    # -- another language: the assistant plans in English and says so -------------------------------
    case("conv_lang_german", "language", "Kannst du Marcus eine SMS schicken, dass ich heute später komme?",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("conv_lang_spanish_then_english", "language",
         ["Recuérdame llamar a Omar mañana a las 10", "sorry - remind me to call Omar tomorrow at 10"],
         outcome(reminders=[Reminder("2026-12-01 10:00", r"omar")], answer={0: ENGLISH}),
         when=("tomorrow at 10", "2026-12-01 10:00")),

    # -- requests no tool serves: nothing written, said plainly --------------------------------------
    case("conv_impossible_pay_invoice", "impossible", "pay Lucas's invoice from my bank account pls",
         outcome(answer=CANT), ANY_ACTION | {"paid", "transferred"}),
    case("conv_impossible_delete_email", "impossible", "delete the invoice email from Lucas",
         outcome(answer=CANT), REMOVED),
    case("conv_impossible_call_tom", "impossible", ["Find Tom Becker's number", "call him for me"],
         outcome(answer={0: r"555-0108", -1: CANT}), {"called", "calling", "dialed", "dialing"}),

    # -- failures: what is missing is named, nothing is written -------------------------------------
    case("conv_fail_reply_aisha", "failure", "reply to Aisha's email and say thanks",
         outcome(not_found="Aisha"), SENT),
    case("conv_fail_spec_sheet", "failure", ["What's Yuki's email", "send her the firmware spec sheet"],
         outcome(not_found="spec sheet", answer={0: r"yuki\.tanaka@example\.com"}), SENT),
    case("conv_fail_berlin_itinerary", "failure", "what hotel does my Berlin itinerary have?",
         outcome(not_found="Berlin"), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
assert len(BY_ID) == len(CASES), "duplicate case ids"
assert all(c.id.startswith("conv_") for c in CASES)
