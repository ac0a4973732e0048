"""Development conversations of new users over the sample workspace, with the checks of what they leave (in-sample).

Written by helper convdev on 2026-12-06 as a DEVELOPMENT set: the team reads its failures to fix
the agent (unlike the blind bench/conversations_cases.py, which this set neither copies nor saw).
Run: ``bench/outcomes.py --cases conversations-dev [--only dev_x,dev_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; "next week" is Monday 2026-12-07.

The inbox relied on (tools/sample.py MAILS; newest first, days before today):
  Priya Patel 'Team lunch on Friday?' (0, the newest) · David Kim 'Lisbon trip: flights and hotel' (1,
  yesterday's; says the itinerary is attached but has no attachment) · Sarah Lee 'Q3 report draft for
  review' (2, Project_Falcon_Q3_Report.pdf attached) · Marcus Chen 'Firmware 2.1 release notes' (3) ·
  Lucas Martin 'Invoice for November' (4) · Sarah Lee 'Offsite agenda for next week' (5) · Omar Haddad
  'Quote for the garden work' (6, the oldest).
A reply quotes the original, so a reply's body pattern uses words its original does not contain.
Caveat (2026-12-06): init_workspace dates the sample inbox from the real clock, not the pinned
TINYAGENT_NOW, so under the benchmark no email is "yesterday's" (dev_reply_yesterday fails for that
reason until the sample inbox is dated from tools.clock.now()).
Beyond the DSL: ``either`` (two outcomes both right, e.g. a correction the tools cannot apply) and
``says_not`` (an answer must not say something), joined with ``all_of``.
"""

from __future__ import annotations

import re

from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, NOT_FOUND, Q3, Check, Event, Mail, Note,
                            Reminder, Sms, case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P

LINK = r"https://meet\.jit\.si/\S+|https://\S*zoom\S*"
ENGLISH = r"\benglish\b"


def either(*checks: Check) -> Check:
    """A check that passes when any of ``checks`` passes (two outcomes are both right); else the first's failures."""
    def check(ws, answers, runs):
        results = [c(ws, answers, runs) for c in checks]
        return [] if any(not r for r in results) else results[0]
    return check


def all_of(*checks: Check) -> Check:
    """A check that passes when every one of ``checks`` passes; their failures together."""
    return lambda ws, answers, runs: [f for c in checks for f in c(ws, answers, runs)]


def says_not(pattern: str, turn: int = -1) -> Check:
    """A check that the answer of ``turn`` does not say ``pattern`` (a claim the DSL's words do not cover)."""
    def check(ws, answers, runs):
        text = answers[turn] if answers else ""
        return [f"answer {text[:100]!r} says /{pattern}/"] if re.search(pattern, text or "", re.I) else []
    return check


CASES = [
    # -- reply / forward: choosing the inbox email ---------------------------------------------------
    case("dev_reply_his_email_after_number", "reply",
         ["whats omar's number", "actually just reply to his email, say the 14th is fine for me"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"\bfine\b")], answer={0: r"555-0112"})),
    case("dev_reply_invoice_then_remind", "reply",
         ["reply to the invoice email and say thanks, I'll pay it this week", "and remind me to pay it on friday"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\bpay")],
                 reminders=[Reminder("2026-12-04", r"pay|invoice|lucas")]),
         when=("on friday", "2026-12-04")),
    case("dev_reply_oldest", "reply", "can you reply to the oldest email in my inbox, just say sounds good, go ahead",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"go ahead")])),
    case("dev_reply_yesterday", "reply", ["reply to yesterday's email pls: thank you, see you there!"],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"see you")])),
    case("dev_reply_latest_then_text", "reply",
         ["answer the latest email, tell her sorry I can't make it", "and text her the same"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"sorry|can'?t|cannot|not make")],
                 sms=[Sms(P["Priya"], r"sorry|can'?t|cannot|not make|lunch")])),
    case("dev_forward_then_reply_that_email", "forward",
         ["forward marcus firmware mail to yuki", "now reply to that email and tell marcus to go for it"],
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware"),
                        Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go for it")])),
    case("dev_forward_offsite_with_handbook", "forward",
         ["fwd sarahs offsite email to priya and attach the team handbook",
          "thx. and put the offsite in my calendar, wednesday next week, all day"],
         outcome(mails=[Mail((E["Priya"],), (HANDBOOK,), subject=r"^Fwd:.*offsite")],
                 events=[Event("2026-12-09", r"offsite")]),
         when=("wednesday next week", "2026-12-09")),
    case("dev_forward_flights_with_itinerary", "forward",
         ["Could you forward David's email about the flights to Elena, with the itinerary PDF attached?",
          "Thank you. Please text her to check her inbox."],
         outcome(mails=[Mail((E["Elena"],), (LISBON,), subject=r"^Fwd:.*lisbon")],
                 sms=[Sms(P["Elena"], r"inbox|e-?mail|mail|itinerary|flight")])),
    case("dev_reply_q3_then_forward_that", "forward",
         ["reply to sarah's q3 email: will send my notes tomorrow", "forward that one to james too"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"tomorrow|notes"),
                        Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("dev_forward_invoice_to_tom_remind", "forward",
         ["forward lucas's invoice to Tom, he handles payments now",
          "remind me to check with him on thursday at 10"],
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*invoice")],
                 reminders=[Reminder("2026-12-03 10:00", r"tom|invoice|check|payment")]),
         when=("thursday at 10", "2026-12-03 10:00")),
    case("dev_reply_lunch_cc_marcus", "reply", "reply to the team lunch email: yes! and cc marcus",
         outcome(mails=[Mail((E["Priya"],), cc=(E["Marcus"],), subject=r"^Re:.*lunch", body=r"\byes\b")])),
    case("dev_forward_quote_to_elena", "forward", "forward omar's quote to elena, she wanted to see the price",
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*garden")])),
    case("dev_reply_sarah_which_one", "reply",
         ["reply to sarah: thanks, looks good", "the q3 one"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"looks good")])),
    case("dev_reply_release_notes_hold", "reply",
         ["reply to the release notes mail: please wait, the pilot schools are closed that week",
          "also text james that the rollout is on hold"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"wait|closed")],
                 sms=[Sms(P["James"], r"hold")])),
    case("dev_reply_lucas_with_q3", "reply", "Reply to Lucas and attach the Q3 report, he asked for the budget numbers.",
         outcome(mails=[Mail((E["Lucas"],), (Q3,), subject=r"^Re:.*invoice")])),
    case("dev_reply_quote_then_remind", "reply",
         ["reply to omars quote, tell him I need to think about it a bit",
          "remind me tomorrow at 6pm to decide about the garden"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"think")],
                 reminders=[Reminder("2026-12-01 18:00", r"garden|omar|decide|quote")]),
         when=("tomorrow at 6pm", "2026-12-01 18:00")),

    # -- follow-ups that carry a person, event, file or note ------------------------------------------
    case("dev_followup_text_her_too", "followup",
         ["send nina the team handbook pls", "text her too, say it's in her inbox"],
         outcome(mails=[Mail((E["Nina"],), (HANDBOOK,))], sms=[Sms(P["Nina"], r"inbox|e-?mail|mail|handbook")])),
    case("dev_followup_remind_day_before", "followup",
         ["put dentist on my calendar friday 3pm", "remind me about it the day before at 9"],
         outcome(events=[Event("2026-12-04 15:00", r"dentist")], reminders=[Reminder("2026-12-03 09:00", r"dentist")]),
         when=("friday 3pm", "2026-12-04 15:00")),
    case("dev_followup_send_to_elena_as_well", "followup",
         ["email marcus the q3 report", "send that to Elena as well"],
         outcome(mails=[Mail((E["Marcus"],), (Q3,)), Mail((E["Elena"],), (Q3,))])),
    case("dev_followup_correction_4pm", "followup",
         ["block thursday 3pm for the budget review", "actually make it 4pm"],
         either(outcome(events=[Event("2026-12-03 15:00", r"budget"), Event("2026-12-03 16:00", r"budget")]),
                outcome(events=[Event("2026-12-03 15:00", r"budget")], answer=CANT)),
         when=("thursday 3pm", "2026-12-03 15:00")),
    case("dev_followup_i_mean_aisha", "followup",
         ["text Anna that the lab results are in", "oh sorry i mean Aisha"],
         outcome(sms=[Sms(P["Aisha"], r"results")], answer={0: NOT_FOUND})),
    case("dev_followup_email_then_ask_him", "followup",
         ["do i have james's email?", "ok email him asking if 2.1 is out yet"],
         outcome(mails=[Mail((E["James"],), body=r"2\.1|firmware|\bout\b")], answer={0: r"james\.obrien@example\.com"})),
    case("dev_followup_event_then_link", "followup",
         ["meeting with elena friday 11am about the logo, put it in my calendar and invite her",
          "can i get a meeting link for it too"],
         outcome(events=[Event("2026-12-04 11:00", r"logo|elena|meeting", invitees=(E["Elena"],))], answer=LINK,
                 ran=("get_zoom_meeting_link",)),
         when=("friday 11am", "2026-12-04 11:00")),
    case("dev_followup_note_add_to_it", "followup",
         ["whats in my ideas note", "add 'visit the tile museum in lisbon' to it"],
         outcome(notes=[Note("Ideas", (r"tile museum", r"hiking"))], answer={0: r"hiking|portuguese|status"})),
    case("dev_followup_demo_then_morning_before", "followup",
         ["add 'Falcon demo' on dec 9 at 2pm for 2 hours", "remind me the morning before to prep the slides"],
         outcome(events=[Event("2026-12-09 14:00", r"falcon demo", end="2026-12-09 16:00")],
                 reminders=[Reminder("2026-12-08 09:00", r"slide|prep|demo")]),
         when=("dec 9 at 2pm", "2026-12-09 14:00")),
    case("dev_followup_file_to_two_people", "followup",
         ["can u find the lisbon itinerary", "email it to david", "and nina as well"],
         outcome(mails=[Mail((E["David"],), (LISBON,)), Mail((E["Nina"],), (LISBON,))],
                 answer={0: r"Lisbon_Trip_Itinerary"})),
    case("dev_followup_same_to_marcus", "followup",
         ["text priya running 10 min late", "same to marcus"],
         outcome(sms=[Sms(P["Priya"], r"late"), Sms(P["Marcus"], r"late")])),
    case("dev_followup_email_then_invite_her", "followup",
         ["email yuki: can we move our 1:1 to thursday?",
          "she said yes. put it in the calendar thursday 10:30, 30 min, and invite her"],
         outcome(mails=[Mail((E["Yuki"],), body=r"thursday|1:1|move")],
                 events=[Event("2026-12-03 10:30", r"1:1|1-1|one.on.one|yuki|meeting", end="2026-12-03 11:00",
                               invitees=(E["Yuki"],))]),
         when=("thursday 10:30", "2026-12-03 10:30")),
    case("dev_followup_invite_then_email_them", "followup",
         ["invite marcus and priya to the sensor supplier call tuesday 2pm", "email them the q3 report before it"],
         outcome(events=[Event("2026-12-01 14:00", r"sensor|supplier", invitees=(E["Marcus"], E["Priya"]))],
                 mails=[Mail((E["Marcus"], E["Priya"]), (Q3,))]),
         when=("tuesday 2pm", "2026-12-01 14:00")),
    case("dev_followup_wrong_name_then_number", "followup",
         ["What is Lukas's phone number?", "i mean Lucas Martin. text him that the forms are signed"],
         outcome(sms=[Sms(P["Lucas"], r"forms|signed")])),

    # -- lengths, meetings with invitees, meeting links ----------------------------------------------
    case("dev_length_45_min_and_reminder", "length",
         ["put 'physio' in my calendar wednesday 8am for 45 minutes", "thx, and a reminder 30 min before"],
         outcome(events=[Event("2026-12-02 08:00", r"physio", end="2026-12-02 08:45")],
                 reminders=[Reminder("2026-12-02 07:30")]),
         when=("wednesday 8am", "2026-12-02 08:00")),
    case("dev_length_2_hour_block", "length", "i need a 2 hour block tomorrow afternoon to write the grant report",
         outcome(events=[Event("2026-12-01 14:00", r"report|writ|grant", end="2026-12-01 16:00")]),
         when=("tomorrow afternoon", "2026-12-01 14:00")),
    case("dev_meeting_link_mailed", "meeting",
         "get me a meeting link for a call with james and yuki thursday 4pm about firmware and mail it to them",
         outcome(mails=[Mail((E["James"], E["Yuki"]), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev_meeting_workshop_90_min", "meeting",
         ["Please schedule a design workshop with Elena and Sarah on the 8th at 9:30, for 90 minutes.",
          "Thanks! Can you also remind me the evening before to print the mockups?"],
         outcome(events=[Event("2026-12-08 09:30", r"design|workshop", end="2026-12-08 11:00",
                               invitees=(E["Elena"], E["Sarah"]))],
                 reminders=[Reminder("2026-12-07 18:00", r"mockup|print")]),
         when=("the 8th at 9:30", "2026-12-08 09:30")),
    case("dev_meeting_link_then_calendar", "meeting",
         ["zoom link for tomorrow 9am standup pls, 15 min", "and put it on my calendar"],
         outcome(events=[Event("2026-12-01 09:00", r"standup", end="2026-12-01 09:15")], answer={0: LINK},
                 ran=("get_zoom_meeting_link",)),
         when=("tomorrow 9am", "2026-12-01 09:00")),
    case("dev_meeting_dinner_location", "meeting",
         ["dinner with david at casa do rio on the 7th at 8pm, 2 hours, put it in", "and text him it's booked"],
         outcome(events=[Event("2026-12-07 20:00", r"dinner", end="2026-12-07 22:00", may_invite=(E["David"],),
                               location=r"casa do rio")],
                 sms=[Sms(P["David"], r"booked|dinner|casa|calendar")]),
         when=("the 7th at 8pm", "2026-12-07 20:00")),

    # -- questions about a named file or note, appends to a named note -------------------------------
    case("dev_question_handbook_expenses", "question",
         ["what does the handbook say about expenses", "ok remind me friday to send my receipts"],
         outcome(reminders=[Reminder("2026-12-04", r"receipt|expense")],
                 answer={0: r"thirty days|30 days|receipt|economy|approved"}),
         when=("friday", "2026-12-04")),
    case("dev_question_q3_risk_to_note", "question",
         ["in the q3 report whats the main risk?", "put that in a new note called Falcon risks"],
         outcome(notes=[Note("Falcon risks", (r"supply|supplier|particulate|lead time",))],
                 answer={0: r"supply|supplier|particulate|sixteen weeks|16 weeks"})),
    case("dev_question_itinerary_tuesday", "question", "what am i doing on tuesday in lisbon according to the itinerary",
         outcome(answer=r"workshop|Parque das Na|tram"), ANY_ACTION),
    case("dev_question_return_flight_text", "question",
         ["when do i fly back from lisbon", "text david that i land back thursday evening"],
         outcome(sms=[Sms(P["David"], r"thursday")], answer={0: r"18:15|6:15 ?pm|TP ?1235"})),
    case("dev_note_shopping_eggs_bread", "note", ["put eggs on the shopping list", "oh and bread too"],
         outcome(notes=[Note("Shopping list", (r"eggs", r"bread", r"oat milk"))])),
    case("dev_note_meeting_notes_append", "note",
         ["add to my meeting notes: Yuki to test firmware 2.1 on the pilot boards", "what's in that note now?"],
         outcome(notes=[Note("Meeting notes", (r"yuki", r"pilot boards", r"falcon weekly sync"))],
                 answer=r"pilot boards|Falcon weekly sync|Q3 report draft")),

    # -- declines: nothing written, no false claim, an honest answer -----------------------------------
    case("dev_decline_pay_invoice", "decline", "pay lucas's invoice from my bank account please",
         all_of(outcome(answer=CANT), says_not(r"\b(I|I've|I have|it's|it is|it was|it has been|is now) paid\b")),
         ANY_ACTION),
    case("dev_decline_event_colour", "decline", ["do i have anything on thursday?", "make the dentist one red pls"],
         outcome(answer=CANT), ANY_ACTION),
    case("dev_decline_call_omar", "decline", "call omar and tell him the hedges can wait",
         outcome(answer=CANT), ANY_ACTION),
    case("dev_decline_book_flight", "decline", ["when is my flight to lisbon?", "ok book me a flight to rome for the 14th"],
         outcome(answer={0: r"0?7:40|TP ?1234", -1: CANT}), ANY_ACTION),
    case("dev_decline_delete_email", "decline", "delete the oldest email in my inbox",
         outcome(answer=CANT), ANY_ACTION),
    case("dev_decline_spanish", "decline", "Envía un correo a Sarah con el informe Q3, por favor",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev_decline_german_after_hello", "decline",
         ["hello! thanks for setting this up", "Erinnere mich morgen um 9 an den Zahnarzt"],
         outcome(answer={-1: ENGLISH}), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
