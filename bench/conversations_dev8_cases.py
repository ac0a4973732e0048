"""An eighth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev8 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure how the
agent does on wording nobody has read yet, then reads its failures (it becomes in-sample from then on).
Its situations and wordings are new: it neither copies nor rewords the six other development sets (dev,
dev2 ... dev6; it did not read dev7), and it did not see the blind sets. The kind of each case:
  reply / forward (which inbox email: by sender, subject words, day name, a date, "the newest one", the
  first of Sarah's two; to whom; with a note or an attachment; several as a later turn after the email was
  replied to, forwarded or a turn failed) · followup (after a declined or a failed turn "ok then ...",
  her/him/it pointing two turns back, three-turn ones, "the day before", "an hour before it", "send that
  to X as well", "and text her the same", "what about his email address") · document (the right passage of a
  sample PDF or note, mostly without naming the file; then sent, texted, saved or appended) · failure (a
  file, a contact, a note, an inbox email that do not exist) · append · meeting (invitees, a meeting link
  mailed or texted) · correction · duration · edit · decline.

Run: ``bench/outcomes.py --cases conversations-dev8 [--only dev8_x,dev8_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today (in a request about the inbox, the past one: "thursday's email"); "morning" 09:00, "evening" 18:00;
an event without an end lasts one hour; a date alone is an all-day event. The sample calendar and reminders
start empty.

The inbox relied on (tools/sample.py MAILS: days before today, date, weekday): Priya Patel 'Team lunch on
Friday?' (0, Nov 30 Mon, the newest) · David Kim 'Lisbon trip: flights and hotel' (1, Nov 29 Sun) · Sarah
Lee 'Q3 report draft for review' (2, Nov 28 Sat, Project_Falcon_Q3_Report.pdf attached) · Marcus Chen
'Firmware 2.1 release notes' (3, Nov 27 Fri) · Lucas Martin 'Invoice for November' (4, Nov 26 Thu) · Sarah
Lee 'Offsite agenda for next week' (5, Nov 25 Wed; the first/older of her two) · Omar Haddad 'Quote for the
garden work' (6, Nov 24 Tue, the oldest). No tool reads an inbox email out, so no case asks what an email
says. A reply quotes its original and a forward carries it (and its attachment), so every body pattern uses
words its original does not contain; a reply does not carry the original's attachment.

Beyond the DSL: ``either`` (conversations_dev_cases), ``gone`` and ``GroupSms``
(conversations_dev3_cases), ``no_change_claimed`` (conversations_dev5_cases), ``both_ways``
(conversations_dev6_cases) and ``texts_to`` (below: one text to several people, or one each). What the
checks cannot say: in which turn a thing was written (only the end state is read), that "it"/"her" was
understood as the thing two turns back other than by what was written, that an answer declined for the right
reason (only that it says it cannot), that two messages carry the same words (only that each has the words
asked for), and that a sum in an answer was worked out rather than both numbers quoted.
"""

from __future__ import annotations

from conversations_dev3_cases import GroupSms, gone
from conversations_dev5_cases import no_change_claimed
from conversations_dev6_cases import both_ways
from conversations_dev_cases import LINK, either
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Check, Event, Mail, Note, Reminder, Sms,
                            case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def texts_to(people: tuple[str, ...], text: str, **rest) -> Check:
    """One text to all of ``people`` (first names) or one to each, matching ``text``, beside ``rest``."""
    return either(outcome(sms=[GroupSms(tuple(P[p] for p in people), text)], **rest),
                  outcome(sms=[Sms(P[p], text) for p in people], **rest))


#: What the Q3 report is about (an answer or a summary that read it).
Q3_WORDS = r"sensor|pilot|budget|firmware|batter|school|supplier"
#: What the team handbook is about.
HANDBOOK_WORDS = r"expense|receipt|core hours|working hours|security|password|flexible|travel"

CASES = [
    # -- reply: which inbox email, said many ways; what to say in the person's words -------------------
    case("dev8_reply_lucas_bank_details", "reply",
         "answer lucas about the invoice - can he resend it with his bank details? thx",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\bbank|iban")])),
    case("dev8_reply_firmware_one_rollback", "reply",
         "reply to the firmware one and ask whether 2.1 can be rolled back if something breaks in the pilot",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"roll(ed)? ?back|revert|break")])),
    case("dev8_reply_yesterday_hotel_gym", "reply",
         "answer yesterday's mail, ask david whether that hotel has a gym",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"\bgym")])),
    case("dev8_reply_sarah_first_doctor", "reply",
         "Sarah sent me two emails. Reply to the first one she sent: I'll join after lunch, I have a doctor's "
         "appointment in the morning.",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"doctor|\bmorning\b")])),
    case("dev8_reply_priya_nut_allergy_polite", "reply",
         "Would you please reply to Priya's message about lunch and mention that I'm allergic to nuts, just so "
         "the restaurant knows? Thank you so much.",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\bnuts?\b|allerg")])),
    case("dev8_reply_invoice_non_native_18th", "reply",
         "pls make answer to the invoice mail, I want say I pay on 18 december, is ok?",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\b18(th)?\b|eighteen")])),
    case("dev8_reply_newest_off_sick", "reply", "reply to the newest one in my inbox: off sick this week, sorry!",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\bsick\b")])),
    case("dev8_reply_re_q3_draft_typo", "reply",
         "re the q3 report draft - tell sarah the table on page 4 has a typo in the totals",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"typo|page 4|table|total")])),
    case("dev8_reply_offsite_with_handbook", "reply",
         "answer the mail about the offsite and attach the team handbook, say the part on travel costs is on "
         "page 2",
         outcome(mails=[Mail((E["Sarah"],), (HANDBOOK,), subject=r"^Re:.*offsite", body=r"page|travel|cost")])),
    case("dev8_reply_after_forward_garden_second_quote", "reply",
         ["forward the garden quote to tom becker, he says he can do it cheaper",
          "then answer omar that i'm getting a second quote and will let him know by friday"],
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden"),
                        Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"second|friday|let (you|him) know")])),
    case("dev8_reply_after_failed_forward_rental_car", "reply",
         ["forward the car rental confirmation to david",
          "never mind then, just reply to david's lisbon email and ask if he can add a rental car"],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"rental|\bcar\b")],
                 answer={0: gone("rental")})),
    case("dev8_reply_sarah_after_forward_to_priya", "reply",
         ["pass sarah's q3 draft on to priya, note: could you take the part about money?",
          "and reply to that email, tell sarah priya is doing those comments"],
         outcome(mails=[Mail((E["Priya"],), (Q3,), subject=r"^Fwd:.*Q3", body=r"\btake\b|\bpart\b|money"),
                        Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"priya")])),

    # -- forward: which email, to whom, with a note or an attachment ----------------------------------
    case("dev8_forward_firmware_test_note_two", "forward",
         "fwd marcus's 2.1 email to yuki + james, write: please test on your units first",
         both_ways((E["Yuki"], E["James"]), dict(subject=r"^Fwd:.*firmware", body=r"\btest|units first"))),
    case("dev8_forward_last_tuesday_aisha", "forward",
         "forward the mail i got last tuesday to aisha, she asked about my garden guy",
         outcome(mails=[Mail((E["Aisha"],), subject=r"^Fwd:.*garden")])),
    case("dev8_forward_q3_yuki_hardware", "forward",
         "could you fwd sarah's q3 draft to yuki and tell her to look at the hardware section",
         outcome(mails=[Mail((E["Yuki"],), (Q3,), subject=r"^Fwd:.*Q3", body=r"hardware")])),
    case("dev8_forward_sarah_older_james_missed", "forward",
         "forward the older of sarah's emails to james, he missed it",
         outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*offsite")])),
    case("dev8_forward_flights_nina", "forward",
         "forward david's flight details email to nina so she knows when im back",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*lisbon")])),
    case("dev8_forward_lunch_three_people", "forward", "fwd the team lunch invite to marcus, james and yuki",
         both_ways((E["Marcus"], E["James"], E["Yuki"]), dict(subject=r"^Fwd:.*lunch"))),
    case("dev8_forward_quote_james_with_itinerary", "forward",
         "forward omar's quote to james with my lisbon itinerary attached - he's house-sitting and will let the "
         "gardeners in",
         outcome(mails=[Mail((E["James"],), (LISBON,), subject=r"^Fwd:.*garden")])),
    case("dev8_forward_nov_27_yuki", "forward", "fwd the mail i got on nov 27 to yuki",
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware")])),
    case("dev8_forward_offsite_tom_terse", "forward", "offsite mail -> tom. now.",
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*offsite")])),
    case("dev8_forward_firmware_sarah_with_q3", "forward",
         "Please forward the firmware email to Sarah and attach the Q3 report, she wants both in one place.",
         outcome(mails=[Mail((E["Sarah"],), (Q3,), subject=r"^Fwd:.*firmware")])),
    case("dev8_forward_after_reply_invoice_sarah", "forward",
         ["reply to lucas's invoice: got it, thanks", "forward that one to sarah as well, she's tracking costs"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"got it|thanks"),
                        Mail((E["Sarah"],), subject=r"^Fwd:.*invoice")])),
    case("dev8_forward_after_reply_flights_marcus", "forward",
         ["reply to david's lisbon mail: all good on my side",
          "and forward his mail to marcus too, he's on the same flights"],
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"all good|my side"),
                        Mail((E["Marcus"],), subject=r"^Fwd:.*lisbon")])),

    # -- followup: later turns refer back (after a decline or a failure, two turns back, the day before) ----
    case("dev8_followup_call_declined_text_yuki", "followup",
         ["call yuki please", "right, then text her to call me back after 4"],
         outcome(sms=[Sms(P["Yuki"], r"call|back|after|\b4\b|16:00")], answer={0: CANT})),
    case("dev8_followup_checklist_missing_email", "followup",
         ["mail james the soldering checklist",
          "ok then email him that i'll walk him through it at standup tomorrow"],
         outcome(mails=[Mail((E["James"],), body=r"walk|standup|tomorrow")], answer={0: gone("soldering")})),
    case("dev8_followup_clinic_her_two_back", "followup",
         ["what's aisha's number", "put a checkup at the clinic in my calendar thursday 4:30pm",
          "text her that i'll be there at half four"],
         outcome(events=[Event("2026-12-03 16:30", r"check ?up|clinic", may_invite=(E["Aisha"],))],
                 sms=[Sms(P["Aisha"], r"4[:.]?30|half|four|16[:.]30")], answer={0: r"555-0107"}),
         when=("thursday 4:30pm", "2026-12-03 16:30")),
    case("dev8_followup_leaving_drinks_day_before_card", "followup",
         ["marcus's leaving drinks thursday at 6pm at the anchor pub, add it",
          "and remind me the day before to sign his card"],
         either(outcome(events=[Event("2026-12-03 18:00", r"drinks|leaving|marcus", may_invite=(E["Marcus"],))],
                        reminders=[Reminder("2026-12-02", r"card")]),
                outcome(events=[Event("2026-12-03 18:00", r"anchor", may_invite=(E["Marcus"],))],
                        reminders=[Reminder("2026-12-02", r"card")])),
         when=("thursday at 6pm", "2026-12-03 18:00")),
    case("dev8_followup_q3_review_hour_before_print", "followup",
         ["block friday 2pm for the q3 review with sarah", "remind me an hour before it to print the report"],
         outcome(events=[Event("2026-12-04 14:00", r"review|q3", may_invite=(E["Sarah"],))],
                 reminders=[Reminder("2026-12-04 13:00", r"print")]),
         when=("friday 2pm", "2026-12-04 14:00")),
    case("dev8_followup_skip_book_club_elena_as_well", "followup",
         ["text nina: sorry, i can't make book club this month", "send that one to elena as well, she's in it too"],
         outcome(sms=[Sms(P["Nina"], r"book club|can'?t|sorry"), Sms(P["Elena"], r"book club|can'?t|sorry")])),
    case("dev8_followup_demo_units_text_same", "followup",
         ["email yuki that the demo units arrive on wednesday", "and text her the same pls"],
         outcome(mails=[Mail((E["Yuki"],), body=r"demo|wednesday")], sms=[Sms(P["Yuki"], r"demo|wednesday")])),
    case("dev8_followup_lucas_number_then_address", "followup",
         ["do i have a number for lucas martin", "what about his email address, is that in there too?"],
         outcome(answer={0: r"555-0110", 1: r"lucas\.martin@example\.com"}), ANY_ACTION),
    case("dev8_followup_haircut_declined_reminder", "followup",
         ["book me a haircut at the barber for friday",
          "ok then remind me thursday at 9am to ring the barber myself"],
         outcome(reminders=[Reminder("2026-12-03 09:00", r"barber|haircut")], answer={0: CANT}),
         when=("thursday at 9am", "2026-12-03 09:00")),
    case("dev8_followup_itinerary_tom_it_two_back", "followup",
         ["open the lisbon itinerary", "what's tom becker's email", "send it to him, he's feeding the cat"],
         outcome(mails=[Mail((E["Tom"],), (LISBON,))], answer={1: r"tom\.becker@example\.com"})),
    case("dev8_followup_unknown_bruno_email_sarah", "followup",
         ["text bruno that the hike is cancelled", "hmm ok. email sarah the same then, she can tell him"],
         outcome(mails=[Mail((E["Sarah"],), body=r"hike|cancel")], answer={0: gone("Bruno")})),
    case("dev8_followup_text_then_invite_them", "followup",
         ["text marcus and priya that the sensor call moved to 3",
          "put it in my calendar tomorrow at 3 and invite them"],
         texts_to(("Marcus", "Priya"), r"\b3\b|three|15:00",
                  events=[Event("2026-12-01 15:00", r"sensor|call", invitees=(E["Marcus"], E["Priya"]))]),
         when=("tomorrow at 3", "2026-12-01 15:00")),
    case("dev8_followup_plants_her_two_back", "followup",
         ["remind me tomorrow at 8am to water elena's plants", "wait, do i have her mobile number?",
          "text her that i'll do it before work"],
         outcome(reminders=[Reminder("2026-12-01 08:00", r"plant|water")],
                 sms=[Sms(P["Elena"], r"before work|plant|water")], answer={1: r"555-0105"}),
         when=("tomorrow at 8am", "2026-12-01 08:00")),
    case("dev8_followup_yuki_missing_note_then_create", "followup",
         ["add 'ask yuki about the test rig' to my todo note",
          "no such note? fine, make a new one called Todo with that in it"],
         outcome(notes=[Note("Todo", (r"test rig",))], answer={0: gone("todo")})),

    # -- document: the right passage of a file, named or not; then saved, sent or appended --------------
    case("dev8_doc_component_prices", "document", "did component prices go up or down for falcon this quarter?",
         outcome(answer=r"\bfell\b|\bdown\b|lower|dropped|decreas|cheaper"), ANY_ACTION),
    case("dev8_doc_who_sensor_is_for", "document", "remind me, who is the falcon sensor actually built for?",
         outcome(answer=r"school|office"), ANY_ACTION),
    case("dev8_doc_hotel_check_in_to_elena", "document",
         ["from what time can i check in at my hotel in lisbon?", "email that to elena, she's meeting me there"],
         either(outcome(mails=[Mail((E["Elena"],), body=r"14[:.]00|\b2 ?pm|\b14\b")], answer={0: r"14[:.]00|\b2 ?pm"}),
                outcome(mails=[Mail((E["Elena"],), (LISBON,), body=r"14[:.]00|\b2 ?pm|\b14\b")],
                        answer={0: r"14[:.]00|\b2 ?pm"}))),
    case("dev8_doc_supply_risk_plan", "document",
         "what's the team doing about the risk with the particulate sensor supply?",
         outcome(answer=r"second supplier|another supplier|qualify"), ANY_ACTION),
    case("dev8_doc_handbook_summary_note", "document",
         ["summarise the team handbook for me", "put that summary in a new note called Handbook notes"],
         outcome(notes=[Note("Handbook notes", (HANDBOOK_WORDS,))], answer={0: HANDBOOK_WORDS})),
    case("dev8_doc_trip_length_text_omar", "document",
         ["how many days is my lisbon trip?", "text omar that, he wants to know how long i'm away"],
         outcome(sms=[Sms(P["Omar"], r"\bfour\b|\b4\b|monday.*thursday")],
                 answer={0: r"\bfour\b|\b4\b|monday.*thursday"})),
    case("dev8_doc_latest_finish_text_yuki", "document",
         ["how late can i work under our flexible hours?", "text yuki that, she asked me yesterday"],
         outcome(sms=[Sms(P["Yuki"], r"18[:.]?00|\b6 ?pm|\bsix\b|\b18\b")], answer={0: r"18[:.]00|\b6 ?pm"})),
    case("dev8_doc_leaving_desk", "document", "what am i meant to do when i leave my desk, per the handbook?",
         outcome(answer=r"\block"), ANY_ACTION),
    case("dev8_doc_meeting_notes_to_yuki", "document",
         ["read me my meeting notes", "email them to yuki, she missed the sync"],
         either(outcome(mails=[Mail((E["Yuki"],), body=r"firmware|q3|review")], answer={0: r"firmware|q3|review"}),
                outcome(mails=[Mail((E["Yuki"],), ("Meeting notes.md",))], answer={0: r"firmware|q3|review"}))),
    case("dev8_doc_q3_gist_to_note_unnamed", "document",
         ["give me the gist of how falcon did last quarter", "save that as a note called Falcon gist"],
         outcome(notes=[Note("Falcon gist", (Q3_WORDS,))], answer={0: Q3_WORDS})),

    # -- failure: not there; said plainly, nothing written -------------------------------------------------
    case("dev8_fail_calibration_spreadsheet", "failure", "send marcus the sensor calibration spreadsheet",
         outcome(answer=gone("calibration")), SENT),
    case("dev8_fail_bookshelf_note", "failure", "show me my bookshelf note",
         outcome(answer=gone("bookshelf")), ANY_ACTION),
    case("dev8_fail_dentist_email_reply", "failure", "reply to the dentist's email, say tuesday is fine",
         outcome(answer=gone("dentist")), SENT),
    case("dev8_fail_unknown_hiroshi", "failure", "email Hiroshi the offsite agenda",
         outcome(answer=gone("Hiroshi")), SENT),
    case("dev8_fail_annual_report_pdf", "failure", "summarise annual_report_2025.pdf",
         outcome(answer=gone("annual")), ANY_ACTION),

    # -- append: to a named note -----------------------------------------------------------------------------
    case("dev8_append_ideas_surfing", "append", "add 'try surfing in Cascais' to my ideas",
         outcome(notes=[Note("Ideas", (r"surf", r"cascais", r"hiking"))])),
    case("dev8_append_sync_notes_supplier", "append",
         "append to the falcon sync notes: action for yuki - qualify the second supplier",
         outcome(notes=[Note("Meeting notes", (r"yuki", r"second supplier", r"falcon weekly sync"))])),
    case("dev8_append_shopping_after_reading", "append",
         ["what's on my shopping list", "put tinfoil and cat litter on it"],
         outcome(notes=[Note("Shopping list", (r"tin ?foil", r"cat litter", r"oat milk"))], answer={0: r"oat milk"})),

    # -- meeting: invitees, a meeting link ------------------------------------------------------------------
    case("dev8_meeting_enclosure_redesign_invite", "meeting",
         "set up a meeting with yuki and james on thursday 11am about the enclosure redesign and invite them both",
         outcome(events=[Event("2026-12-03 11:00", r"enclosure|redesign", invitees=(E["Yuki"], E["James"]))]),
         when=("thursday 11am", "2026-12-03 11:00")),
    case("dev8_meeting_link_mail_priya", "meeting",
         "get a jitsi link for my 1:1 with priya on wednesday at 3 and mail it to her",
         outcome(mails=[Mail((E["Priya"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev8_meeting_packaging_review_link_text", "meeting",
         ["put a packaging review with elena and marcus on the 8th at 10:30",
          "make me a video link for it and text it to marcus"],
         outcome(events=[Event("2026-12-08 10:30", r"packaging", may_invite=(E["Elena"], E["Marcus"]))],
                 sms=[Sms(P["Marcus"], r"https://")], ran=("get_zoom_meeting_link",)),
         when=("the 8th at 10:30", "2026-12-08 10:30")),
    case("dev8_meeting_site_visit_two_hours", "meeting",
         "invite omar and tom to a site meeting at my place saturday 9am, 2 hours",
         outcome(events=[Event("2026-12-05 09:00", r"site|meeting", end="2026-12-05 11:00",
                               invitees=(E["Omar"], E["Tom"]))]),
         when=("saturday 9am", "2026-12-05 09:00")),

    # -- correction: the second turn puts the first right ----------------------------------------------------
    case("dev8_correction_slides_wrong_person", "correction",
         ["email priya that the budget slides are ready", "oops wrong person, that was meant for sarah"],
         no_change_claimed(outcome(mails=[Mail((E["Priya"],), body=r"slides|budget"),
                                          Mail((E["Sarah"],), body=r"slides|budget")]))),
    case("dev8_correction_budget_left", "correction",
         ["what's the annual falcon budget?", "no sorry, i meant how much of it is left"],
         outcome(answer={0: r"600,?000|600 ?k", 1: r"188,?000|188 ?k|(?=.*412)(?=.*600)"}), ANY_ACTION),
    case("dev8_correction_electrician_saturday", "correction",
         ["remind me friday at 5 to call the electrician", "no wait, saturday at 5"],
         no_change_claimed(either(
             outcome(reminders=[Reminder("2026-12-04 17:00", r"electrician"),
                                Reminder("2026-12-05 17:00", r"electrician")]),
             outcome(reminders=[Reminder("2026-12-04 17:00", r"electrician")], answer=CANT))),
         when=("friday at 5", "2026-12-04 17:00")),

    # -- duration: how long an event lasts --------------------------------------------------------------------
    case("dev8_duration_budget_workshop_90", "duration", "90 min budget workshop on wednesday from 1pm",
         outcome(events=[Event("2026-12-02 13:00", r"budget|workshop", end="2026-12-02 14:30")]),
         when=("wednesday from 1pm", "2026-12-02 13:00")),
    case("dev8_duration_focus_block_till_10", "duration", "put 'focus block' in my calendar tomorrow 8:30 till 10",
         outcome(events=[Event("2026-12-01 08:30", r"focus", end="2026-12-01 10:00")]),
         when=("tomorrow 8:30", "2026-12-01 08:30")),
    case("dev8_duration_yoga_45", "duration", "yoga, friday 7am, 45 mins",
         outcome(events=[Event("2026-12-04 07:00", r"yoga", end="2026-12-04 07:45")]),
         when=("friday 7am", "2026-12-04 07:00")),

    # -- edit: no tool changes what was made; a new item beside the old one, or an honest "can't" -------------
    case("dev8_edit_team_photo_half_hour_later", "edit",
         ["add 'team photo' on thursday at 2pm", "push it back half an hour"],
         no_change_claimed(either(
             outcome(events=[Event("2026-12-03 14:00", r"photo"), Event("2026-12-03 14:30", r"photo")]),
             outcome(events=[Event("2026-12-03 14:00", r"photo")], answer=CANT))),
         when=("thursday at 2pm", "2026-12-03 14:00")),
    case("dev8_edit_gym_reminder_earlier", "edit",
         ["remind me to renew my gym membership on dec 10", "actually make that dec 8"],
         no_change_claimed(either(
             outcome(reminders=[Reminder("2026-12-10", r"gym|membership"), Reminder("2026-12-08", r"gym|membership")]),
             outcome(reminders=[Reminder("2026-12-10", r"gym|membership")], answer=CANT))),
         when=("dec 10", "2026-12-10")),

    # -- decline: no tool does it, said plainly ---------------------------------------------------------------
    case("dev8_decline_focus_playlist", "decline", "play my focus playlist on spotify",
         outcome(answer=CANT), ANY_ACTION),
    case("dev8_decline_do_not_disturb", "decline", "put my phone on do not disturb until 5pm",
         outcome(answer=CANT), ANY_ACTION),
    case("dev8_decline_bank_balance", "decline", "how much money is in my bank account?",
         outcome(answer=CANT), ANY_ACTION),
    case("dev8_decline_exchange_rate", "decline", "whats the euro to dollar exchange rate right now",
         outcome(answer=CANT), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
