"""A sixth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev6 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure how the
agent does on wording nobody has read yet, then reads its failures (it becomes in-sample from then on).
Its situations and wordings are new: it neither copies nor rewords the five other development sets, and
it did not see the blind sets. The kind of each case:
  reply / forward (which inbox email: by sender, subject words, day, "two days ago", "the latest", the
  older of Sarah's two; to whom; with a note or an attachment; five of them as a later turn after the
  email was forwarded, replied to or talked about) · followup (after a declined or failed turn "ok then
  text her", "it" two turns back, "the evening before it", "an hour before it", "send that to X as
  well", "and text her the same", "what about his mail address", "and the way back?") · document (the
  right passage of a sample PDF, some not naming the file; then saved, texted, mailed or made a
  reminder) · failure (a file, a contact, a note, an inbox email that do not exist) · append · meeting
  (invitees, a meeting link mailed or texted) · correction · duration · edit · decline.

Run: ``bench/outcomes.py --cases conversations-dev6 [--only dev6_x,dev6_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "evening" 18:00, "tonight" 20:00, "morning" 09:00; an event without an end lasts one hour; a date
alone is an all-day event. The sample calendar and reminders start empty.

The inbox relied on (tools/sample.py MAILS: days before today, weekday): Priya Patel 'Team lunch on
Friday?' (0, Mon, the newest) · David Kim 'Lisbon trip: flights and hotel' (1, Sun) · Sarah Lee 'Q3 report
draft for review' (2, Sat, Project_Falcon_Q3_Report.pdf attached) · Marcus Chen 'Firmware 2.1 release
notes' (3, Fri) · Lucas Martin 'Invoice for November' (4, Thu) · Sarah Lee 'Offsite agenda for next week'
(5, Wed; the older of her two) · Omar Haddad 'Quote for the garden work' (6, the oldest). A reply quotes
its original and a forward carries it (and its attachment), so every body pattern uses words its original
does not contain; a reply does not carry the original's attachment.

Beyond the DSL: ``either``/``all_of``/``says_not`` (conversations_dev_cases), ``CLAIMED_EDIT``
(conversations_dev2_cases), ``gone`` (conversations_dev3_cases: names the thing, says it is not there),
``no_change_claimed`` (conversations_dev5_cases) and ``both_ways`` (below: one mail to two people, or
one each, beside the other things written). What the checks cannot say: in which turn a thing was
written (only the end state is read), that "it" was understood as the thing two turns back other than by
what was written, that an answer declined for the right reason (only that it says it cannot), and that
two messages carry the same words (only that each has the words asked for).
"""

from __future__ import annotations

from conversations_dev2_cases import CLAIMED_EDIT
from conversations_dev3_cases import gone
from conversations_dev5_cases import no_change_claimed
from conversations_dev_cases import LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Check, Event, Mail, Note, Reminder, Sms,
                            case, outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def both_ways(people: tuple[str, ...], mail: dict, **rest) -> Check:
    """One mail to all of ``people`` or one to each (as ``mail`` says), beside ``rest`` (outcome's arguments)."""
    return either(outcome(mails=[Mail(people, **mail)], **rest),
                  outcome(mails=[Mail((p,), **mail) for p in people], **rest))


CASES = [
    # -- reply: which inbox email, said many ways; what to say in the person's words -------------------
    case("dev6_reply_lucas_two_parts", "reply", "answer lucas about his invoice, ask if I can pay it in two parts",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice",
                             body=r"two (parts|payments|instal)|split|instal")])),
    case("dev6_reply_release_notes_wifi", "reply", "reply to the 2.1 release notes: does it also fix the wifi dropouts?",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"wi-?fi|dropout")])),
    case("dev6_reply_thursday_pdf_copy", "reply",
         "Reply to the email I got on Thursday. Ask for a PDF copy for my records.",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\bpdf\b|records")])),
    case("dev6_reply_sarah_older_projector", "reply", "sarah wrote me twice - answer the older one: I can bring the projector",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"projector")])),
    case("dev6_reply_after_forward_invoice", "reply",
         ["send lucas's invoice on to elena, she's doing my books from now on",
          "then reply to that email and tell lucas elena takes over from here"],
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*invoice"),
                        Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"elena|take(s)? over")])),
    case("dev6_reply_priya_dentist_polite", "reply",
         "Good morning! Could you kindly respond to Priya's lunch email and let her know I have a dentist "
         "appointment at noon that day, so I'll have to skip it this time?",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"dentist|skip")])),
    case("dev6_reply_after_text_omar_photo", "reply",
         ["text omar that i got his quote and will look at it tonight",
          "actually also reply to his email: could you send a photo of where the new beds would go?"],
         outcome(sms=[Sms(P["Omar"], r"quote|tonight|look")],
                 mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"photo")])),
    case("dev6_reply_offsite_vegan_typos", "reply", "rply to sarah's offsite mail: im vegan, can the lunch have a vegan option?",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"vegan")])),
    case("dev6_reply_marcus_non_native", "reply",
         "Please you answer to the mail of Marcus for firmware, I say: for me is good, roll out on Thursday no problem",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"good|no problem")])),
    case("dev6_reply_sunday_taxi", "reply", "reply to sunday's email and ask david whether the airport taxi is included",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"taxi|included")])),
    case("dev6_reply_q3_with_itinerary", "reply",
         "reply to the q3 draft and attach my lisbon itinerary - say i'm away those days so my comments come before i fly",
         outcome(mails=[Mail((E["Sarah"],), (LISBON,), subject=r"^Re:.*Q3", body=r"away|\bfly\b|before")])),
    case("dev6_reply_garden_instead_of_reminder", "reply",
         ["remind me to answer omar's garden quote tonight",
          "on second thought just reply to it now: we'll go with it, the 14th is fine"],
         outcome(reminders=[Reminder("2026-11-30 20:00", r"omar|garden|quote|answer|repl")],
                 mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"go with it|\bfine\b")]),
         when=("tonight", "2026-11-30 20:00")),

    # -- forward: which email, to whom, with a note or an attachment ----------------------------------
    case("dev6_forward_lunch_to_new_yuki", "forward",
         "forward the team lunch mail to yuki, she's new and doesn't know the place",
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*lunch")])),
    case("dev6_forward_garden_nina_note", "forward",
         "send the garden work quote on to nina, with a note: this is the gardener I told you about at book club",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*garden", body=r"book club|told you|gardener")])),
    case("dev6_forward_two_days_ago_james", "forward", "fwd the email from two days ago to james",
         outcome(mails=[Mail((E["James"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("dev6_forward_sarah_earlier_david", "forward",
         "forward the earlier of sarah's two mails to david kim, he's sorting out the bus for the offsite",
         outcome(mails=[Mail((E["David"],), subject=r"^Fwd:.*offsite")])),
    case("dev6_forward_flights_yuki_handbook", "forward",
         "forward david's lisbon email to yuki and attach the team handbook, she needs the travel rules",
         outcome(mails=[Mail((E["Yuki"],), (HANDBOOK,), subject=r"^Fwd:.*lisbon")])),
    case("dev6_forward_after_aisha_address", "forward",
         ["is there an email address for aisha?",
          "good. forward her the flights and hotel email, she's covering for me while i'm away"],
         outcome(mails=[Mail((E["Aisha"],), subject=r"^Fwd:.*lisbon")], answer={0: r"aisha\.okafor@example\.com"})),
    case("dev6_forward_same_after_reply_check", "forward",
         ["reply to marcus's firmware mail: fine by me",
          "now forward that same mail to james, note: can you check the battery warning before it ships?"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"\bfine\b"),
                        Mail((E["James"],), subject=r"^Fwd:.*firmware", body=r"\bcheck\b|ships")])),
    case("dev6_forward_offsite_carpool", "forward",
         "forward the offsite agenda to marcus and yuki - add that we carpool from the office at 8",
         both_ways((E["Marcus"], E["Yuki"]), dict(subject=r"^Fwd:.*offsite", body=r"car ?pool"))),
    case("dev6_forward_invoice_priya_polite", "forward",
         "Hi there, would you mind forwarding Lucas's invoice email to Priya Patel? She is collecting the team's "
         "costs this month. Many thanks!",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*invoice")])),
    case("dev6_forward_q3_elena_plus_itinerary", "forward",
         "fwd the q3 draft to elena, and put the lisbon itinerary in too",
         outcome(mails=[Mail((E["Elena"],), (Q3, LISBON), subject=r"^Fwd:.*Q3")])),
    case("dev6_forward_latest_to_marcus", "forward", "send the latest email in my inbox over to marcus",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Fwd:.*lunch")])),

    # -- followup: later turns refer back (after a decline or a failure, two turns back, the day before) ----
    case("dev6_followup_ring_declined_text", "followup",
         ["ring priya on her mobile pls", "ok then text her that i'll call at 2 instead"],
         outcome(sms=[Sms(P["Priya"], r"\b2\b|\btwo\b|14:00")], answer={0: CANT})),
    case("dev6_followup_floor_plan_missing_email", "followup",
         ["email elena the floor plan for the new office",
          "you don't have it? ok then just tell her by email that i'll bring a printed copy on friday"],
         outcome(mails=[Mail((E["Elena"],), body=r"print|copy|friday")], answer={0: gone("floor plan")})),
    case("dev6_followup_flu_jab_it_two_back", "followup",
         ["put 'flu jab' in my calendar thursday at 8:30am",
          "text aisha to ask if the clinic still has the vaccine in stock",
          "and remind me the evening before it"],
         outcome(events=[Event("2026-12-03 08:30", r"flu")], sms=[Sms(P["Aisha"], r"vaccine|stock|flu|jab")],
                 reminders=[Reminder("2026-12-02 18:00", r"flu|jab|vaccin")]),
         when=("thursday at 8:30am", "2026-12-03 08:30")),
    case("dev6_followup_garden_start_day_before", "followup",
         ["omar starts on the garden on dec 14, put it in my calendar",
          "remind me the day before to move the car out of the drive"],
         outcome(events=[Event("2026-12-14", r"garden|omar", may_invite=(E["Omar"],))], reminders=[Reminder("2026-12-13", r"car|drive")]),
         when=("dec 14", "2026-12-14")),
    case("dev6_followup_lunch_tom_hour_before", "followup",
         ["lunch with tom on wednesday at 1pm at the harbour cafe, add it",
          "and remind me an hour before it to bring the contract"],
         either(outcome(events=[Event("2026-12-02 13:00", r"lunch|tom", may_invite=(E["Tom"],), location=r"harbour")],
                        reminders=[Reminder("2026-12-02 12:00", r"contract")]),
                outcome(events=[Event("2026-12-02 13:00", r"harbour", may_invite=(E["Tom"],))],
                        reminders=[Reminder("2026-12-02 12:00", r"contract")])),
         when=("wednesday at 1pm", "2026-12-02 13:00")),
    case("dev6_followup_itinerary_aisha_then_omar", "followup",
         ["email aisha my lisbon itinerary, she's watering my plants while i'm away",
          "could you send it to omar too, he's doing the garden that week"],
         outcome(mails=[Mail((E["Aisha"],), (LISBON,)), Mail((E["Omar"],), (LISBON,))])),
    case("dev6_followup_out_of_office_text_same", "followup",
         ["email sarah that i'm out of office thursday afternoon", "and text her the same, she never reads mail"],
         outcome(mails=[Mail((E["Sarah"],), body=r"thursday|office")], sms=[Sms(P["Sarah"], r"thursday|office")])),
    case("dev6_followup_omar_number_then_mail", "followup", ["omars phone nr?", "what about his mail address"],
         outcome(answer={0: r"555-0112", 1: r"omar\.haddad@example\.com"}), ANY_ACTION),
    case("dev6_followup_reading_list_missing_text", "followup",
         ["send nina the book club reading list", "ah ok, you don't have it. text her i'll bring a copy on thursday then"],
         outcome(sms=[Sms(P["Nina"], r"thursday|copy|bring")], answer={0: gone("reading list")})),
    case("dev6_followup_ink_declined_list", "followup",
         ["order printer ink online for me", "fine, add it to my shopping list then"],
         outcome(notes=[Note("Shopping list", (r"\bink\b", r"oat milk"))], answer={0: CANT})),
    case("dev6_followup_email_then_invite_them", "followup",
         ["email james and yuki asking who has the spare sensor boards",
          "invite them both to a quick sync about it on wednesday at 9:30, 20 minutes"],
         both_ways((E["James"], E["Yuki"]), dict(body=r"spare|board"),
                   events=[Event("2026-12-02 09:30", r"sync|sensor|board|spare", end="2026-12-02 09:50",
                                 invitees=(E["James"], E["Yuki"]))]),
         when=("wednesday at 9:30", "2026-12-02 09:30")),
    case("dev6_followup_housewarming_three_turns", "followup",
         ["add Nina's housewarming on saturday 7pm", "text her i'll bring wine",
          "and a reminder that afternoon to buy it"],
         outcome(events=[Event("2026-12-05 19:00", r"housewarming", may_invite=(E["Nina"],))], sms=[Sms(P["Nina"], r"wine")],
                 reminders=[Reminder("2026-12-05", r"wine")]),
         when=("saturday 7pm", "2026-12-05 19:00")),
    case("dev6_followup_flight_out_and_back", "followup",
         ["when do i fly out to lisbon?", "and what about the way back?"],
         outcome(answer={0: r"0?7[:.]40", 1: r"18[:.]15|6[:.]15"}), ANY_ACTION),
    case("dev6_followup_summary_it_two_back", "followup",
         ["summarise my lisbon itinerary", "what's nina's email", "email it to her, she's house-sitting while i'm gone"],
         either(outcome(mails=[Mail((E["Nina"],), body=r"workshop|alfama|TP ?1234|belem|casa do rio|flight")],
                        answer={0: r"workshop|alfama|TP ?1234|belem|casa do rio", 1: r"nina\.kowalski@example\.com"}),
                outcome(mails=[Mail((E["Nina"],), (LISBON,))],
                        answer={0: r"workshop|alfama|TP ?1234|belem|casa do rio", 1: r"nina\.kowalski@example\.com"}))),
    case("dev6_followup_enclosures_priya_as_well", "followup",
         ["email marcus: the prototype enclosures are in the storage room now", "send that to priya as well"],
         outcome(mails=[Mail((E["Marcus"],), body=r"enclosure|storage"), Mail((E["Priya"],), body=r"enclosure|storage")])),

    # -- document: the right passage of a file, named or not; then saved, sent or made a reminder ---------
    case("dev6_doc_emc_tests_month", "document", "when did the second falcon prototype board pass its emc tests?",
         outcome(answer=r"august"), ANY_ACTION),
    case("dev6_doc_teachers_thought", "document", "what did the teachers think of the sensors in the falcon pilot?",
         outcome(answer=r"ventilation|useful"), ANY_ACTION),
    case("dev6_doc_weekly_summaries_who", "document", "who gets the weekly email summaries from the falcon dashboard?",
         outcome(answer=r"facility manager"), ANY_ACTION),
    case("dev6_doc_workshop_lunch", "document",
         "do they give us lunch at the partner workshop in lisbon or should i bring something?",
         outcome(answer=r"provided|\byes\b"), ANY_ACTION),
    case("dev6_doc_itinerary_passport", "document", "my itinerary says something about my passport, what was it?",
         outcome(answer=r"\bkeep\b"), ANY_ACTION),
    case("dev6_doc_under_budget", "document", "is project falcon over or under budget so far?",
         outcome(answer=r"\bunder\b|2 ?%|two percent"), ANY_ACTION),
    case("dev6_doc_airport_metro_note", "document",
         ["how am i supposed to get from the airport to the city centre in lisbon?",
          "write that down in a note called Lisbon getting around"],
         outcome(notes=[Note("Lisbon getting around", (r"metro|red line",))], answer={0: r"metro|red line"})),
    case("dev6_doc_battery_target_text_marcus", "document",
         ["what was the target battery life for the falcon sensor?",
          "text marcus both numbers, the target and what the field trial got"],
         outcome(sms=[Sms(P["Marcus"], r"(?=.*\b(six|6)\b)(?=.*\b(nine|9)\b)")], answer={0: r"six months|6 months"})),
    case("dev6_doc_earliest_start_reminder", "document",
         ["per the handbook, how early can i start my working day?",
          "ok remind me tomorrow at that time to call the sensor supplier"],
         outcome(reminders=[Reminder("2026-12-01 08:00", r"supplier|sensor|call")],
                 answer={0: r"08:00|\b8 ?(am|a\.m\.)|\b8\b"}),
         when=("tomorrow at that time", "2026-12-01 08:00")),
    case("dev6_doc_workshop_venue_to_yuki", "document",
         ["where exactly is the partner workshop in lisbon?", "mail yuki the place, she's coming with me"],
         either(outcome(mails=[Mail((E["Yuki"],), body=r"innovation|parque")],
                        answer={0: r"innovation cent|parque das na"}),
                outcome(mails=[Mail((E["Yuki"],), (LISBON,), body=r"innovation|parque")],
                        answer={0: r"innovation cent|parque das na"}))),
    case("dev6_doc_q3_summary_to_james", "document",
         ["give me a short summary of the falcon q3 report", "send that summary to james, he was on holiday"],
         either(outcome(mails=[Mail((E["James"],), body=r"sensor|pilot|budget|firmware|batter|school")],
                        answer={0: r"sensor|pilot|budget|firmware|batter|school"}),
                outcome(mails=[Mail((E["James"],), (Q3,), body=r"sensor|pilot|budget|firmware|batter|school")],
                        answer={0: r"sensor|pilot|budget|firmware|batter|school"}))),
    case("dev6_doc_production_order_reminder", "document",
         ["when is the falcon production order planned for?", "remind me on jan 4 to ask sarah about it"],
         outcome(reminders=[Reminder("2027-01-04", r"sarah|production|order")], answer={0: r"january"}),
         when=("jan 4", "2027-01-04")),

    # -- failure: not there; said plainly, nothing written -------------------------------------------------
    case("dev6_fail_wedding_photos", "failure", "email elena the wedding photos",
         outcome(answer=gone("photos")), SENT),
    case("dev6_fail_text_fiona", "failure", "text fiona that choir practice is cancelled tonight",
         outcome(answer=gone("Fiona")), SENT),
    case("dev6_fail_parking_ticket_forward", "failure", "forward the parking ticket email to lucas",
         outcome(answer=gone("parking")), SENT),
    case("dev6_fail_workout_note", "failure", "what's in my workout plan note?",
         outcome(answer=gone("workout")), ANY_ACTION),
    case("dev6_fail_sensor_datasheet", "failure", "summarise the sensor datasheet pdf",
         outcome(answer=gone("datasheet")), ANY_ACTION),

    # -- append: to a named note -----------------------------------------------------------------------------
    case("dev6_append_meeting_notes_italian", "append", "meeting notes: Priya books the italian place for friday lunch",
         outcome(notes=[Note("Meeting notes", (r"italian", r"falcon weekly sync"))])),
    case("dev6_append_shopping_plus_equals", "append", "shopping list += cat food, bin bags",
         outcome(notes=[Note("Shopping list", (r"cat food", r"bin bags", r"oat milk"))])),
    case("dev6_append_ideas_after_reading", "append",
         ["anything about portuguese in my ideas note?", "add 'find a language exchange partner' under it"],
         outcome(notes=[Note("Ideas", (r"language exchange", r"hiking"))], answer={0: r"portuguese"})),
    case("dev6_append_shopping_two_turns", "append", ["add olive oil to the shopping list", "and parmesan + pasta"],
         outcome(notes=[Note("Shopping list", (r"olive oil", r"parmesan", r"pasta", r"oat milk"))])),

    # -- meeting: invitees, a meeting link ------------------------------------------------------------------
    case("dev6_meeting_branding_link_email_her", "meeting",
         ["invite elena to a branding chat on friday at 4pm", "get me a meeting link for it too", "email her the link"],
         outcome(events=[Event("2026-12-04 16:00", r"brand", invitees=(E["Elena"],))],
                 mails=[Mail((E["Elena"],), body=LINK)], ran=("get_zoom_meeting_link",)),
         when=("friday at 4pm", "2026-12-04 16:00")),
    case("dev6_meeting_q3_numbers_half_hour", "meeting",
         "set up a 30 min call with sarah and james on the 9th at 4pm about the q3 numbers and invite them both",
         outcome(events=[Event("2026-12-09 16:00", r"q3|numbers|call", end="2026-12-09 16:30",
                               invitees=(E["Sarah"], E["James"]))]),
         when=("the 9th at 4pm", "2026-12-09 16:00")),
    case("dev6_meeting_link_texted_to_aisha", "meeting",
         "i need a video link for a catch-up with aisha tomorrow at noon, then text it to her",
         outcome(sms=[Sms(P["Aisha"], r"https://")], ran=("get_zoom_meeting_link",))),
    case("dev6_meeting_shortlist_three_invitees", "meeting",
         "Sensor supplier shortlist - friday 10 to 11:30 with marcus, priya and yuki. put it in the calendar and "
         "invite them",
         outcome(events=[Event("2026-12-04 10:00", r"supplier|shortlist", end="2026-12-04 11:30",
                               invitees=(E["Marcus"], E["Priya"], E["Yuki"]))]),
         when=("friday 10", "2026-12-04 10:00")),

    # -- correction: the second turn puts the first right ----------------------------------------------------
    case("dev6_correction_eleventh_not_fourth", "correction",
         ["put the budget review on friday the 4th at 10", "sorry, it's the 11th, not the 4th"],
         no_change_claimed(outcome(events=[Event("2026-12-04 10:00", r"budget"), Event("2026-12-11 10:00", r"budget")])),
         when=("friday the 4th at 10", "2026-12-04 10:00")),
    case("dev6_correction_yuko_yuki", "correction", ["what's Yuko's email?", "sorry - Yuki"],
         outcome(answer={1: r"yuki\.tanaka@example\.com"}), ANY_ACTION),
    case("dev6_correction_reply_one_pm", "correction",
         ["reply to priya's lunch email: yes, 12:30 works", "oh wait, i meant 1pm works, not 12:30"],
         all_of(either(outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\byes\b"),
                                      Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\b1 ?pm|13:00|\bone\b")]),
                       outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\byes\b")], answer=CANT)),
                says_not(CLAIMED_EDIT))),

    # -- duration: how long an event lasts --------------------------------------------------------------------
    case("dev6_duration_guitar_75", "duration", "put a 75 minute guitar lesson in on thursday at 5pm",
         outcome(events=[Event("2026-12-03 17:00", r"guitar", end="2026-12-03 18:15")]),
         when=("thursday at 5pm", "2026-12-03 17:00")),
    case("dev6_duration_interviews_block", "duration", "block 10 to 11:45 tomorrow for candidate interviews",
         outcome(events=[Event("2026-12-01 10:00", r"interview", end="2026-12-01 11:45")]),
         when=("10 to 11:45 tomorrow", "2026-12-01 10:00")),
    case("dev6_duration_lucas_20_minutes", "duration",
         "20-minute call with lucas tomorrow at 4:40pm about the invoice, add it to my calendar",
         outcome(events=[Event("2026-12-01 16:40", r"lucas|invoice|call", end="2026-12-01 17:00",
                               may_invite=(E["Lucas"],))]),
         when=("tomorrow at 4:40pm", "2026-12-01 16:40")),

    # -- edit: no tool changes what was made; a new item beside the old one, or an honest "can't" -------------
    case("dev6_edit_garage_to_tuesday", "edit",
         ["remind me on wednesday to call the garage", "make it tuesday instead"],
         no_change_claimed(either(
             outcome(reminders=[Reminder("2026-12-02", r"garage"), Reminder("2026-12-01", r"garage")]),
             outcome(reminders=[Reminder("2026-12-02", r"garage")], answer=CANT))),
         when=("on wednesday", "2026-12-02")),
    case("dev6_edit_coffee_end_time", "edit", ["coffee with elena thursday at 10am", "make it end at 11:30"],
         no_change_claimed(either(
             outcome(events=[Event("2026-12-03 10:00", r"coffee", may_invite=(E["Elena"],)),
                             Event("2026-12-03 10:00", r"coffee", end="2026-12-03 11:30", may_invite=(E["Elena"],))]),
             outcome(events=[Event("2026-12-03 10:00", r"coffee", may_invite=(E["Elena"],))], answer=CANT))),
         when=("thursday at 10am", "2026-12-03 10:00")),
    case("dev6_edit_standup_text_930", "edit",
         ["text yuki that standup is at 9:15 tomorrow", "change that text to 9:30 pls"],
         no_change_claimed(either(
             outcome(sms=[Sms(P["Yuki"], r"9[:.]15"), Sms(P["Yuki"], r"9[:.]30")]),
             outcome(sms=[Sms(P["Yuki"], r"9[:.]15")], answer=CANT)))),

    # -- decline: no tool does it, said plainly ---------------------------------------------------------------
    case("dev6_decline_scan_receipt", "decline", "scan the receipt on my desk and file it under expenses",
         outcome(answer=CANT), ANY_ACTION),
    case("dev6_decline_out_of_office", "decline", "turn on an out-of-office auto-reply for next week",
         outcome(answer=CANT), ANY_ACTION),
    case("dev6_decline_steps_today", "decline", "how many steps have i walked today?",
         outcome(answer=CANT), ANY_ACTION),
    case("dev6_decline_heating", "decline", "turn the heating down to 19 degrees",
         outcome(answer=CANT), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
