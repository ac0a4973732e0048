"""A fourth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev4 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure how the
agent does on wordings nobody has read yet, then reads its failures (from then on it is in-sample like the
other development sets). It copies and rewords no case of bench/conversations_dev_cases.py,
bench/conversations_dev2_cases.py or bench/conversations_dev3_cases.py, and neither saw nor copies the blind
bench/conversations_cases.py. Its author read only the checking DSL, the sample workspace, the README's
"what you can ask" and tool list, the benchmark runner and tests/test_outcomes_checkers.py, not the agent's
code, rules or benchmark notes. Voices vary: terse, chatty, typos, polite, impatient, non-native English,
lists.

What it covers (the ``kind`` of each case), with weight on the team's weakest kinds:
  reply (which inbox email: by sender, by subject words, by day "last wednesday", "yesterday's mail", the
  first/older and the newest of Sarah's two, "answer it" after a forward showed one; what to say in the
  person's own words) · forward (to one, two or three people, with a note, with a file added, by day, the
  oldest, "forward it" after a reply, "that email" two turns back, a recipient put right) · followup
  (him/her/it pointing one or two turns back, "the evening before", "the day before he starts", "send that
  to X as well", "email her the same", a follow-up after a declined or a failed turn) · document (a named
  file's text, a summary saved as a note, answers in a file the question does not name, then texted,
  mailed or turned into a reminder) · failure · append · meeting · correction · duration · edit · decline.
  Replies and forwards as later turns: dev4_reply_answer_it_after_forward, dev4_reply_priya_after_contact,
  dev4_forward_that_after_reply_quote, dev4_forward_newest_after_reply, dev4_forward_then_text_her,
  dev4_correction_forward_yuki_not_tom, dev4_followup_call_declined_reply.

Run: ``bench/outcomes.py --cases conversations-dev4 [--only dev4_x,dev4_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today ("next wednesday" too); "evening" 18:00; an event without an end lasts one hour. The sample calendar
and reminders start empty.

The inbox relied on (tools/sample.py MAILS, dated from the tools' clock: days before today, weekday):
  Priya Patel 'Team lunch on Friday?' (0, Mon, the newest) · David Kim 'Lisbon trip: flights and hotel'
  (1, Sun, yesterday's) · Sarah Lee 'Q3 report draft for review' (2, Sat, Project_Falcon_Q3_Report.pdf
  attached, Sarah's newer) · Marcus Chen 'Firmware 2.1 release notes' (3, Fri) · Lucas Martin 'Invoice for
  November' (4, Thu) · Sarah Lee 'Offsite agenda for next week' (5, Wed, Sarah's older) · Omar Haddad
  'Quote for the garden work' (6, Mon the 23rd, the oldest). No email from James, Tom, Yuki or a plumber.
A reply quotes the original and a forward carries it, so a body pattern uses words its original (and the
quote header: date, sender) does not contain; a forward of the Q3 email carries its PDF.

Beyond the DSL: ``either``, ``all_of``, ``says_not`` (conversations_dev_cases); ``CLAIMED_EDIT``,
``CLAIMED_UNDO`` (conversations_dev2_cases); ``gone``, ``GroupSms``, ``to_both`` (conversations_dev3_cases).
Outcomes that are both right are joined with ``either``: one mail to several people or one each; "send that
to X as well" after a text as texts (one or one each) or as mail; a summary mailed with or without the file;
an edit as a new item beside the old one or an honest "can't"; a question to Lucas as a reply to his
invoice or a new mail. What the checks cannot say: in which turn a thing was written (only the end state is
read), that two messages carry the same words (only a pattern each), that a declined turn was declined for
the right reason (only that the answer says it cannot), that a follow-up's "it" was resolved from the right
turn other than by what was written, and any claim beyond the runner's false-claim words and
CLAIMED_EDIT/CLAIMED_UNDO.
"""

from __future__ import annotations

from conversations_dev2_cases import CLAIMED_EDIT, CLAIMED_UNDO
from conversations_dev3_cases import GroupSms, gone, to_both
from conversations_dev_cases import LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                           outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P

LINKED = ("get_zoom_meeting_link",)

CASES = [
    # -- reply: which inbox email, named in many ways ---------------------------------------------------
    case("dev4_reply_november_invoice_pay", "reply",
         "answer the november invoice mail pls - tell him I'll pay it by friday",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\bpay|friday")])),
    case("dev4_reply_sarah_first_one", "reply",
         "Sarah sent me two mails. Please reply to the first one she sent and say I'll bring my laptop but I have "
         "no hiking boots",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"boots")])),
    case("dev4_reply_last_wednesday", "reply",
         "reply to the email I got last wednesday: sorry, I'm in Lisbon that week",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"lisbon|sorry")])),
    case("dev4_reply_yesterday_parking", "reply", "yesterdays mail -> reply, ask if the hotel has parking",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"parking")])),
    case("dev4_reply_answer_it_after_forward", "reply",
         ["send the team lunch email on to marcus", "now answer it: yes please, book a table for five"],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Fwd:.*lunch"),
                        Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"table")])),
    case("dev4_reply_omar_side_gate", "reply",
         "Would you be so kind as to reply to Omar's quote for me? Please say the 14th is good and that he can "
         "use the side gate.",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"gate")])),
    case("dev4_reply_marcus_non_native", "reply",
         "pls make reply for marcus mail about firmware, i am not agree with thursday, better is next monday",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"monday")])),
    case("dev4_reply_priya_after_contact", "reply",
         ["is priya in my contacts?", "ok reply to her mail then - I'm vegetarian, is there a veggie option there?"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"vegetarian|veggie")],
                 answer={0: r"priya\.patel@example\.com|555-0103|Priya Patel"})),
    case("dev4_reply_q3_draft_risks", "reply",
         "re the q3 draft: reply that the budget part is fine but the risks part needs more detail",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"risk|detail")])),
    case("dev4_reply_sarah_newest", "reply", "reply to sarah's newest mail. tell her the numbers on page 3 look off",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"numbers|page 3")])),
    case("dev4_reply_flights_window_seat", "reply", "answer the flights and hotel mail: can I get a window seat?",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"window")])),

    # -- forward: which email, to whom, with a note or a file ------------------------------------------
    case("dev4_forward_offsite_plan_two", "forward", "could you pass sarah's offsite plan along to marcus and priya?",
         to_both((E["Marcus"], E["Priya"]), subject=r"^Fwd:.*offsite")),
    case("dev4_forward_firmware_priya_fyi", "forward",
         "forward the firmware mail to priya with a short note: fyi, pilot sensors get it soon",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*firmware", body=r"fyi|soon")])),
    case("dev4_forward_friday_mail_yuki", "forward", "forward the mail i got on friday to yuki",
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware")])),
    case("dev4_forward_sarah_older_elena", "forward", "Forward the older email from Sarah to Elena, thanks.",
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*offsite")])),
    case("dev4_forward_invoice_with_q3", "forward",
         "forward the invoice to sarah w/ the q3 report attached, she wants both for the budget meeting",
         outcome(mails=[Mail((E["Sarah"],), (Q3,), subject=r"^Fwd:.*invoice")])),
    case("dev4_forward_yesterday_to_james", "forward",
         "forward yesterday's email to my colleague james, he's coming to lisbon too",
         outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*lisbon")])),
    case("dev4_forward_that_after_reply_quote", "forward",
         ["reply to omars quote: could you do it for 1000?", "forward that to lucas too so he knows"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"\b1,?000\b"),
                        Mail((E["Lucas"],), subject=r"^Fwd:.*garden")])),
    case("dev4_forward_lunch_to_three", "forward", "fwd priya's lunch invite to james, marcus and yuki",
         to_both((E["James"], E["Marcus"], E["Yuki"]), subject=r"^Fwd:.*lunch")),
    case("dev4_forward_newest_after_reply", "forward",
         ["reply to the newest email: sure, see you there", "also forward it to elena, she might come along"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"sure|see you"),
                        Mail((E["Elena"],), subject=r"^Fwd:.*lunch")])),
    case("dev4_forward_q3_with_deadline_note", "forward",
         "Please forward Sarah's Q3 draft to Marcus and James, and add: please get your comments to her by "
         "Wednesday.",
         to_both((E["Marcus"], E["James"]), attach=(Q3,), subject=r"^Fwd:.*Q3", body=r"wednesday")),
    case("dev4_forward_oldest_to_tom", "forward", "send the oldest mail in my inbox on to tom becker",
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden")])),
    case("dev4_forward_then_text_her", "forward",
         ["forward marcus's release notes to yuki", "what's her number?", "text her to read that email today"],
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*firmware")],
                 sms=[Sms(P["Yuki"], r"read|e-?mail|mail|today|firmware|release")], answer={1: r"555-0109"})),

    # -- followup: a later turn refers back (one or two turns), or follows a declined or failed turn ----
    case("dev4_followup_call_declined_reply", "followup",
         ["call lucas about the invoice", "ugh fine, reply to his email instead and ask him to call me"],
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\bcall|phone|\bring\b")],
                 answer={0: CANT})),
    case("dev4_followup_table_declined_email", "followup",
         ["book a table for me and elena at casa do rio on friday",
          "ok then just email her asking if 8pm friday suits her"],
         outcome(mails=[Mail((E["Elena"],), body=r"8 ?pm|friday|suit")], answer={0: CANT})),
    case("dev4_followup_it_two_turns_back", "followup",
         ["find the team handbook", "what's james's email?", "send it to him"],
         outcome(mails=[Mail((E["James"],), (HANDBOOK,))],
                 answer={0: r"Team_Handbook|Documents", 1: r"james\.obrien@example\.com"})),
    case("dev4_followup_her_two_turns_back", "followup",
         ["text aisha: running 10 min late, sorry", "remind me to buy plasters later today at 5",
          "and email her the same"],
         outcome(sms=[Sms(P["Aisha"], r"late")], reminders=[Reminder("2026-11-30 17:00", r"plaster")],
                 mails=[Mail((E["Aisha"],), body=r"late")]),
         when=("later today at 5", "2026-11-30 17:00")),
    case("dev4_followup_recital_evening_before", "followup",
         ["add 'piano recital' on saturday at 4pm", "set a reminder the evening before to tune the piano"],
         outcome(events=[Event("2026-12-05 16:00", r"piano|recital")],
                 reminders=[Reminder("2026-12-04 18:00", r"tune|piano")]),
         when=("saturday at 4pm", "2026-12-05 16:00")),
    case("dev4_followup_bus_to_two_as_well", "followup",
         ["text sarah that the offsite bus leaves at 8", "send that to marcus and priya as well"],
         either(outcome(sms=[Sms(P["Sarah"], r"bus"), Sms(P["Marcus"], r"bus"), Sms(P["Priya"], r"bus")]),
                outcome(sms=[Sms(P["Sarah"], r"bus"), GroupSms((P["Marcus"], P["Priya"]), r"bus")]),
                outcome(sms=[Sms(P["Sarah"], r"bus")], mails=[Mail((E["Marcus"], E["Priya"]), body=r"bus")]),
                outcome(sms=[Sms(P["Sarah"], r"bus")],
                        mails=[Mail((E["Marcus"],), body=r"bus"), Mail((E["Priya"],), body=r"bus")]))),
    case("dev4_followup_david_email_phone_text", "followup",
         ["what's david kim's email", "and his phone?", "text him: landing at 10:05 on monday"],
         outcome(sms=[Sms(P["David"], r"10[:.]05|landing")],
                 answer={0: r"david\.kim@example\.com", 1: r"555-0104"})),
    case("dev4_followup_jonas_failed_tom", "followup",
         ["text Jonas that the van is ready", "oh he's not in there? then text tom becker instead, he'll tell him"],
         outcome(sms=[Sms(P["Tom"], r"\bvan\b")], answer={0: gone("Jonas")})),
    case("dev4_followup_reply_then_day_before", "followup",
         ["reply to omar: the 14th works", "remind me the day before he starts to clear the shed"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"\bworks\b")],
                 reminders=[Reminder("2026-12-13", r"shed")])),

    # -- document: a file's text, named or not, then saved or sent --------------------------------------
    case("dev4_doc_dashboard_unnamed", "document", "what does the falcon dashboard show for each room?",
         outcome(answer=r"carbon dioxide|particulate|humidity|co2"), ANY_ACTION),
    case("dev4_doc_airport_time_then_remind", "document",
         ["how much time should i allow to get to the airport on my last day in lisbon?",
          "ok remind me on thursday at 4pm to head to the airport"],
         outcome(reminders=[Reminder("2026-12-03 16:00", r"airport|leave|head")],
                 answer={0: r"one hour|1 hour|an hour|60 min"}),
         when=("on thursday at 4pm", "2026-12-03 16:00")),
    case("dev4_doc_q3_over_budget_fees", "document",
         "the q3 report - what cost more than expected?",
         outcome(answer=r"certification"), ANY_ACTION),
    case("dev4_doc_sync_notes_where", "document", "Where are the weekly sync meeting notes shared, per the handbook?",
         outcome(answer=r"team folder"), ANY_ACTION),
    case("dev4_doc_itinerary_summary_note", "document",
         ["give me a short summary of the lisbon itinerary", "save that as a note named Lisbon summary"],
         outcome(notes=[Note("Lisbon summary", (r"workshop|alfama|belem|TP ?1234|casa do rio|flight",))],
                 answer={0: r"workshop|alfama|belem|TP ?1234|casa do rio"})),
    case("dev4_doc_pilot_cities_unnamed", "document", "in how many cities did the falcon pilot run?",
         outcome(answer=r"\bthree\b|\b3\b"), ANY_ACTION),
    case("dev4_doc_schools_windows_unnamed", "document",
         "what did the schools change after they saw the co2 levels during lessons?",
         outcome(answer=r"window"), ANY_ACTION),
    case("dev4_doc_belem_sights_to_elena", "document",
         ["what is there to see in belem according to my trip plan?", "email that list to elena, she's been there"],
         either(outcome(mails=[Mail((E["Elena"],), body=r"monastery|tower|custard")],
                        answer={0: r"monastery|tower|custard"}),
                outcome(mails=[Mail((E["Elena"],), (LISBON,), body=r"monastery|tower|custard")],
                        answer={0: r"monastery|tower|custard"}))),
    case("dev4_doc_next_steps_text_marcus", "document",
         ["What are the next steps in the Falcon Q3 report?", "text them to marcus"],
         outcome(sms=[Sms(P["Marcus"], r"supplier|firmware|production|january")],
                 answer={0: r"second supplier|production order|january|firmware 2\.1"})),

    # -- failure: not there; said plainly, nothing wrong written ---------------------------------------
    case("dev4_fail_email_fatima", "failure", "email Fatima the team handbook",
         outcome(answer=gone("Fatima")), SENT),
    case("dev4_fail_wiring_diagram", "failure", "send yuki the wiring diagram pdf",
         outcome(answer=gone("wiring diagram")), SENT),
    case("dev4_fail_forward_james_email", "failure", "forward james's email about the pilot to priya",
         outcome(answer=gone("James")), SENT),
    case("dev4_fail_travel_checklist_note", "failure", "read my travel checklist note",
         outcome(answer=gone("travel checklist")), ANY_ACTION),
    case("dev4_fail_plumber_then_text_tom", "failure",
         ["reply to the email from the plumber: tuesday is fine",
          "oh it was tom actually, text him that tuesday is fine"],
         outcome(sms=[Sms(P["Tom"], r"tuesday")], answer={0: gone("plumber")})),

    # -- append: to a named note -------------------------------------------------------------------------
    case("dev4_append_shopping_three", "append", "pls put toothpaste, rice & kitchen roll on the shopping list",
         outcome(notes=[Note("Shopping list", (r"toothpaste", r"rice", r"kitchen roll", r"oat milk"))])),
    case("dev4_append_ideas_after_lisbon", "append",
         ["anything in my ideas note about lisbon?", "add: ride tram 28 at night"],
         outcome(notes=[Note("Ideas", (r"tram 28", r"hiking"))], answer={0: r"portuguese|lisbon"})),
    case("dev4_append_meeting_notes_decision", "append",
         "meeting notes, add a line: Decision - firmware 2.1 rollout moves to January",
         outcome(notes=[Note("Meeting notes", (r"january", r"falcon weekly sync"))])),

    # -- meeting: invitees, a length, a meeting link -----------------------------------------------------
    case("dev4_meeting_lucas_video_invite", "meeting",
         "set up a video call with lucas about taxes next wednesday at 11 with a meeting link, put it in my "
         "calendar and invite him",
         outcome(events=[Event("2026-12-02 11:00", r"tax|call|lucas", invitees=(E["Lucas"],))], answer=LINK,
                 ran=LINKED),
         when=("next wednesday at 11", "2026-12-02 11:00")),
    case("dev4_meeting_sprint_planning_three", "meeting",
         "book a 45 min sprint planning monday the 7th at 2pm with marcus, yuki and priya, invite all three",
         outcome(events=[Event("2026-12-07 14:00", r"sprint|planning", end="2026-12-07 14:45",
                               invitees=(E["Marcus"], E["Yuki"], E["Priya"]))]),
         when=("monday the 7th at 2pm", "2026-12-07 14:00")),
    case("dev4_meeting_link_book_club_mail", "meeting",
         ["I need a meeting link for book club on thursday 7pm", "mail it to nina and elena"],
         either(outcome(mails=[Mail((E["Nina"], E["Elena"]), body=LINK)], answer={0: LINK}, ran=LINKED),
                outcome(mails=[Mail((E["Nina"],), body=LINK), Mail((E["Elena"],), body=LINK)], answer={0: LINK},
                        ran=LINKED))),

    # -- correction: a name or a recipient put right -------------------------------------------------------
    case("dev4_correction_lukas_vat", "correction",
         ["email lukas and ask: is the 480 incl. VAT?", "sorry, Lucas with a c"],
         outcome(mails=[Mail((E["Lucas"],), body=r"\bvat\b")], answer={0: gone("ukas") + "|lucas"})),
    case("dev4_correction_forward_yuki_not_tom", "correction",
         ["forward the offsite agenda to tom", "no, i meant yuki, not tom"],
         all_of(outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*offsite"),
                               Mail((E["Yuki"],), subject=r"^Fwd:.*offsite")]),
                says_not(CLAIMED_UNDO))),

    # -- duration ------------------------------------------------------------------------------------------
    case("dev4_duration_priya_15_min", "duration", "quick 15 min check-in with priya tomorrow 9:45, put it in the cal",
         outcome(events=[Event("2026-12-01 09:45", r"check.?in|priya", end="2026-12-01 10:00",
                               may_invite=(E["Priya"],))]),
         when=("tomorrow 9:45", "2026-12-01 09:45")),
    case("dev4_duration_until_six", "duration", "block thursday from 2pm until 6 for the tax paperwork",
         outcome(events=[Event("2026-12-03 14:00", r"tax|paperwork", end="2026-12-03 18:00")]),
         when=("thursday from 2pm", "2026-12-03 14:00")),

    # -- edit: no tool edits in place; a new item or an honest "can't", never a claimed change ------------
    case("dev4_edit_lunch_title", "edit",
         ["add 'lunch w/ priya' to friday at 12:30", "change the title to Team lunch"],
         all_of(either(outcome(events=[Event("2026-12-04 12:30", r"team lunch", may_invite=(E["Priya"],)),
                                       Event("2026-12-04 12:30", r"lunch", may_invite=(E["Priya"],))]),
                       outcome(events=[Event("2026-12-04 12:30", r"lunch", may_invite=(E["Priya"],))], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("friday at 12:30", "2026-12-04 12:30")),
    case("dev4_edit_add_to_tom_email", "edit",
         ["email tom that the invoice template is fixed", "add to that email that I also updated the logo"],
         all_of(either(outcome(mails=[Mail((E["Tom"],), body=r"logo"), Mail((E["Tom"],), body=r"template")]),
                       outcome(mails=[Mail((E["Tom"],), body=r"template")], answer=CANT)),
                says_not(CLAIMED_EDIT))),

    # -- decline: things no tool does, said plainly ------------------------------------------------------
    case("dev4_decline_unsubscribe", "decline", "unsubscribe me from all the newsletters",
         outcome(answer=CANT), ANY_ACTION),
    case("dev4_decline_bank_balance", "decline", "how much money is in my bank account right now?",
         outcome(answer=CANT), ANY_ACTION),
    case("dev4_decline_move_flight", "decline", "move my lisbon flight to tuesday",
         all_of(outcome(answer=CANT), says_not(CLAIMED_EDIT)), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
