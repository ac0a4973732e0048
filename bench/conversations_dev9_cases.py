"""A ninth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev9 on 2026-12-07 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. New situations and wordings (it did not read bench/conversations_dev7_cases.py,
bench/conversations_dev8_cases.py or the blind bench/conversations_cases.py), in many voices (terse,
chatty, typos, polite, impatient, non-native English). It covers: failure (an unknown contact, file,
note or email; Python code that errors; a second turn after the failure) · meeting (invitees, a meeting
link sent to someone or put in the calendar, lengths) · correction (a time, a day, a word, a person or a file put
right after the first turn) · document (a fact from a named or unnamed document, saved or sent on) ·
followup (him/her/it, "it" two turns back, the evening before, an hour before it, after a declined or a
failed turn, three-turn ones) · reply and forward (by sender, subject words, day, the older of Sarah's
two emails, as later turns, with a note or an attachment) · append · decline.
Run: ``bench/outcomes.py --cases conversations-dev9 [--only dev9_x,dev9_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "evening" is 18:00. The inbox is listed in bench/conversations_dev_cases.py's docstring (Marcus's
firmware email is from Friday 2026-11-27). A reply quotes the original, so a reply's body pattern uses
words its original does not contain. Beyond the DSL: ``either``, ``all_of`` and ``says_not``
(conversations_dev_cases), ``MISSING``, ``CLAIMED_EDIT`` and ``CLAIMED_UNDO`` (conversations_dev2_cases).
What the checks cannot say: in which turn a thing was written (only the end state is read), that a
meeting link put in the calendar is the same link shown before (only the event is checked), or that one
text message went to two people at once (Sms has one number).
"""

from __future__ import annotations

import re

from conversations_dev2_cases import CLAIMED_EDIT, CLAIMED_UNDO, MISSING
from conversations_dev_cases import LINK, all_of, either, says_not
from outcomes_cases import (ANY_ACTION, CANT, HANDBOOK, LISBON, Q3, SENT, Event, Mail, Note, Reminder, Sms, case,
                            outcome)
from outcomes_cases import EMAIL as E
from outcomes_cases import PHONE as P


def absent(what: str) -> str:
    """An answer that names ``what`` and says it is not there (what to do next is not required)."""
    return rf"(?=.*{re.escape(what)})(?=.*({MISSING}))"


#: Words of a summary of the Lisbon itinerary.
SUMMARY_LISBON = r"workshop|alfama|casa do rio|TP ?123[45]|belem|flight|tram"
#: Said when Python code failed.
PY_ERROR = r"error|exception|traceback|failed|out of range"


CASES = [
    # -- failure: something is not there; said plainly, nothing wrong written --------------------------
    case("dev9_fail_car_lease_pdf", "failure", "email the car lease pdf to lucas pls",
         outcome(answer=absent("lease")), SENT),
    case("dev9_fail_text_fatima", "failure", "Text Fatima that the keys are under the mat.",
         outcome(answer=absent("Fatima")), SENT),
    case("dev9_fail_gym_plan_note", "failure", "open my note 'Gym plan'",
         outcome(answer=absent("Gym plan")), ANY_ACTION),
    case("dev9_fail_reply_swimming_school", "failure",
         "reply to the mail from the swimming school: yes, tuesday lessons are ok for us",
         outcome(answer=absent("swimming")), SENT),
    case("dev9_fail_python_index", "failure", "python pls: nums = [1, 2, 3]; print(nums[5])",
         outcome(answer=PY_ERROR), ANY_ACTION),
    case("dev9_fail_gregor_then_james", "failure",
         ["email Gregor the offsite agenda", "ok forget him, forward it to james then"],
         either(outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*offsite")], answer={0: absent("Gregor")}),
                outcome(mails=[Mail((E["James"],), body=r"offsite|kick-?off|roadmap|hike")],
                        answer={0: absent("Gregor")}))),
    case("dev9_fail_marketing_pdf_then_q3", "failure",
         ["summarise the marketing plan pdf", "fine, summarise the q3 report then"],
         outcome(answer={0: absent("marketing plan"), 1: r"sensor|budget|pilot|firmware|batter"}), ANY_ACTION),
    case("dev9_fail_hannah_then_ask_sarah", "failure",
         ["whats Hannah's email?", "hmm ok. text sarah and ask her for Hannah's address"],
         outcome(sms=[Sms(P["Sarah"], r"hannah")], answer={0: absent("Hannah")})),
    case("dev9_fail_forward_from_nina", "failure", "Forward Nina's email about the book club to Elena, please.",
         outcome(answer=absent("Nina")), SENT),

    # -- meeting: invitees, links, lengths -------------------------------------------------------------
    case("dev9_meeting_supplier_call_invite", "meeting",
         "set up a supplier call w/ marcus and yuki on wednesday at 2:30pm, invite both",
         outcome(events=[Event("2026-12-02 14:30", r"supplier|call", invitees=(E["Marcus"], E["Yuki"]))]),
         when=("wednesday at 2:30pm", "2026-12-02 14:30")),
    case("dev9_meeting_link_mail_elena", "meeting",
         "get me a video link for a chat with Elena about the new logo and mail it to her",
         outcome(mails=[Mail((E["Elena"],), body=LINK)], ran=("get_zoom_meeting_link",))),
    case("dev9_meeting_link_then_calendar", "meeting",
         ["make a meeting link for the budget review on friday at 4pm", "put it in my calendar too"],
         outcome(events=[Event("2026-12-04 16:00", r"budget|review")], answer={0: LINK},
                 ran=("get_zoom_meeting_link",)),
         when=("friday at 4pm", "2026-12-04 16:00")),
    case("dev9_meeting_onboarding_45", "meeting",
         "book a 45 min onboarding session with yuki thursday 11am, she should be invited",
         outcome(events=[Event("2026-12-03 11:00", r"onboarding", end="2026-12-03 11:45", invitees=(E["Yuki"],))]),
         when=("thursday 11am", "2026-12-03 11:00")),
    case("dev9_meeting_expenses_two_hours_james", "meeting",
         ["block 2 hours with james on thursday at 1pm to go through the expense reports",
          "and email him the details so he knows"],
         outcome(events=[Event("2026-12-03 13:00", r"expense", end="2026-12-03 15:00", may_invite=(E["James"],))],
                 mails=[Mail((E["James"],), body=r"thursday|expense|1 ?pm|13:00")]),
         when=("thursday at 1pm", "2026-12-03 13:00")),
    case("dev9_meeting_link_text_priya", "meeting", "jitsi link for tmrw 9am standup, text it to priya",
         outcome(sms=[Sms(P["Priya"], LINK)], ran=("get_zoom_meeting_link",))),

    # -- correction: a time, a day, a person or a file put right ----------------------------------------
    case("dev9_correction_dry_cleaning_4pm", "correction",
         ["remind me to pick up the dry cleaning thursday at 3pm", "make it 4pm instead"],
         all_of(either(outcome(reminders=[Reminder("2026-12-03 15:00", r"dry clean"),
                                          Reminder("2026-12-03 16:00", r"dry clean")]),
                       outcome(reminders=[Reminder("2026-12-03 15:00", r"dry clean")], answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("thursday at 3pm", "2026-12-03 15:00")),
    case("dev9_correction_demo_wednesday", "correction",
         ["text yuki that the demo is on tuesday", "sorry, wednesday not tuesday"],
         all_of(outcome(sms=[Sms(P["Yuki"], r"wednesday"), Sms(P["Yuki"], r"tuesday")]), says_not(CLAIMED_UNDO))),
    case("dev9_correction_itinerary_to_q3", "correction",
         ["email james the lisbon itinerary", "i meant the q3 report, not the itinerary"],
         all_of(outcome(mails=[Mail((E["James"],), (LISBON,)), Mail((E["James"],), (Q3,))]), says_not(CLAIMED_UNDO))),
    case("dev9_correction_party_nachos", "correction",
         ["make a note called Party ideas: karaoke, tacos", "sorry, nachos not tacos"],
         all_of(either(outcome(notes=[Note("Party ideas", (r"karaoke", r"nachos"))]),
                       outcome(notes=[Note("Party ideas", (r"karaoke", r"tacos"))], answer=CANT)),
                says_not(CLAIMED_EDIT))),
    case("dev9_correction_nina_dinner_saturday", "correction",
         ["put dinner with nina on my calendar friday 7pm", "oops, saturday i meant"],
         all_of(either(outcome(events=[Event("2026-12-04 19:00", r"dinner|nina", may_invite=(E["Nina"],)),
                                       Event("2026-12-05 19:00", r"dinner|nina", may_invite=(E["Nina"],))]),
                       outcome(events=[Event("2026-12-04 19:00", r"dinner|nina", may_invite=(E["Nina"],))],
                               answer=CANT)),
                says_not(CLAIMED_EDIT)),
         when=("friday 7pm", "2026-12-04 19:00")),
    case("dev9_correction_key_for_priya", "correction",
         ["Send Marcus a text: the lab key is at reception", "wrong one, that text was for Priya"],
         all_of(outcome(sms=[Sms(P["Marcus"], r"key|reception"), Sms(P["Priya"], r"key|reception")]),
                says_not(CLAIMED_UNDO))),
    case("dev9_correction_elana_elena", "correction", ["email Elana the team handbook", "Elena I mean"],
         outcome(mails=[Mail((E["Elena"],), (HANDBOOK,))])),

    # -- document: a fact from the right passage, saved or sent on --------------------------------------
    case("dev9_doc_battery_life_trial", "document",
         "how long did the sensor batteries last in the field trial? it's somewhere in the q3 report",
         outcome(answer=r"nine months|9 months"), ANY_ACTION),
    case("dev9_doc_landing_time", "document", "what time do i land in lisbon on monday",
         outcome(answer=r"10[:.]05"), ANY_ACTION),
    case("dev9_doc_metro_line_airport", "document",
         "Which metro line do I take from the airport into the centre in Lisbon?",
         outcome(answer=r"\bred\b"), ANY_ACTION),
    case("dev9_doc_economy_then_note", "document",
         ["According to the team handbook, what class do we fly when the flight is under six hours?",
          "put that in a note called Travel rules"],
         outcome(notes=[Note("Travel rules", (r"economy",))], answer={0: r"economy"})),
    case("dev9_doc_pilot_schools_then_text", "document",
         ["how many schools were in the falcon pilot, and in how many cities?", "text that to yuki"],
         outcome(sms=[Sms(P["Yuki"], r"\b12\b|twelve")],
                 answer={0: r"(?=.*(\b12\b|twelve))(?=.*(\b3\b|three))"})),
    case("dev9_doc_itinerary_summary_to_nina", "document",
         ["can u give me the gist of my lisbon itinerary, short pls", "email that summary to nina"],
         either(outcome(mails=[Mail((E["Nina"],), body=SUMMARY_LISBON)], answer={0: SUMMARY_LISBON}),
                outcome(mails=[Mail((E["Nina"],), (LISBON,))], answer={0: SUMMARY_LISBON}))),
    case("dev9_doc_production_order", "document", "when is the production order planned, per the falcon report?",
         outcome(answer=r"january"), ANY_ACTION),
    case("dev9_doc_checkout_last_day", "document", "whats the check-out time on the last day of the lisbon trip",
         outcome(answer=r"\b11(:00| ?am)?\b"), ANY_ACTION),
    case("dev9_doc_workshop_lunch_unnamed", "document", "do i need to sort out lunch on the workshop day in lisbon?",
         outcome(answer=r"provided|included"), ANY_ACTION),
    case("dev9_doc_workshop_place_then_map", "document",
         ["where's the partner workshop held?", "show it on the map"],
         outcome(answer={0: r"parque das na[cç][oõ]es|innovation cent", 1: r"openstreetmap\.org/\S+"}),
         ANY_ACTION),

    # -- followup: him/her/it, two turns back, before it, after a declined or failed turn ---------------
    case("dev9_followup_david_mail_number_text", "followup",
         ["david kim - email address?", "and his number?", "text him that i got the flight details, thanks"],
         outcome(sms=[Sms(P["David"], r"flight")],
                 answer={0: r"david\.kim@example\.com", 1: r"555-0104"})),
    case("dev9_followup_dentist_evening_before", "followup",
         ["put the dentist on my calendar wednesday at 8am", "remind me the evening before"],
         outcome(events=[Event("2026-12-02 08:00", r"dentist")], reminders=[Reminder("2026-12-01 18:00")]),
         when=("wednesday at 8am", "2026-12-02 08:00")),
    case("dev9_followup_aisha_mail_and_text", "followup",
         ["email aisha asking if my blood test results are in", "text her the same thing too"],
         outcome(mails=[Mail((E["Aisha"],), body=r"blood|result")], sms=[Sms(P["Aisha"], r"blood|result")])),
    case("dev9_followup_note_two_turns_back", "followup",
         ["create a note called Bike repairs: new chain, brake pads", "whats yuki's number", "add front light to it"],
         outcome(notes=[Note("Bike repairs", (r"chain", r"brake pads", r"front light"))], answer={1: r"555-0109"})),
    case("dev9_followup_call_declined_email", "followup",
         ["call lucas and tell him the invoice is paid", "ok then just email him instead"],
         outcome(mails=[Mail((E["Lucas"],), body=r"paid")], answer={0: CANT})),
    case("dev9_followup_hugo_failed_marcus", "followup",
         ["text Hugo that I'm stuck in traffic", "never mind, tell marcus then"],
         either(outcome(sms=[Sms(P["Marcus"], r"traffic|stuck")], answer={0: absent("Hugo")}),
                outcome(mails=[Mail((E["Marcus"],), body=r"traffic|stuck")], answer={0: absent("Hugo")}))),
    case("dev9_followup_hour_before_haircut", "followup",
         ["put haircut on my calendar friday at 11", "an hour before it remind me to grab cash"],
         outcome(events=[Event("2026-12-04 11:00", r"hair")], reminders=[Reminder("2026-12-04 10:00", r"cash")]),
         when=("friday at 11", "2026-12-04 11:00")),
    case("dev9_followup_invoice_tom_as_well", "followup",
         ["forward the invoice email to elena", "send that to tom as well"],
         outcome(mails=[Mail((E["Elena"],), subject=r"^Fwd:.*invoice"), Mail((E["Tom"],), subject=r"invoice")])),
    case("dev9_followup_omar_number_address_mail", "followup",
         ["omar's number?", "and what about his email addr", "email him: could you start on the 14th after all?"],
         outcome(mails=[Mail((E["Omar"],), body=r"14")],
                 answer={0: r"555-0112", 1: r"omar\.haddad@example\.com"})),
    case("dev9_followup_her_two_turns_back_q3", "followup",
         ["text elena that the logo looks great", "remind me friday morning to pay the deposit",
          "email her the q3 report too"],
         outcome(sms=[Sms(P["Elena"], r"logo")], reminders=[Reminder("2026-12-04 09:00", r"deposit")],
                 mails=[Mail((E["Elena"],), (Q3,))]),
         when=("friday morning", "2026-12-04 09:00")),
    case("dev9_followup_table_declined_calendar", "followup",
         ["book me a table at the italian place for friday lunch",
          "ok then just put lunch with priya on my calendar friday 12:30"],
         outcome(events=[Event("2026-12-04 12:30", r"lunch", may_invite=(E["Priya"],))], answer={0: CANT}),
         when=("friday 12:30", "2026-12-04 12:30")),
    case("dev9_followup_push_rollout_check", "followup",
         ["email marcus: can we push the 2.1 rollout to next week?",
          "remind me wednesday at 5pm to check if he answered"],
         outcome(mails=[Mail((E["Marcus"],), body=r"push|next week|rollout")],
                 reminders=[Reminder("2026-12-02 17:00", r"marcus|answer|check|rollout|2\.1|repl")]),
         when=("wednesday at 5pm", "2026-12-02 17:00")),

    # -- reply: which email, what to say ---------------------------------------------------------------
    case("dev9_reply_lucas_vat", "reply", "answer lucas about the november bill - is VAT included in that amount?",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"\bvat\b")])),
    case("dev9_reply_sarah_older_vegetarian", "reply",
         "reply to sarah's earlier mail, the offsite one: I'm vegetarian, could the caterer know?",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"vegetarian|caterer")])),
    case("dev9_reply_after_forward_thank_david", "reply",
         ["forward the lisbon flights email to yuki", "now reply to it and thank david for sorting the hotel"],
         outcome(mails=[Mail((E["Yuki"],), subject=r"^Fwd:.*lisbon"),
                        Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"thank")])),
    case("dev9_reply_last_friday_fine", "reply", "Reply to the email from last Friday: that's fine by me, go on.",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"fine by me|go on")])),

    case("dev9_reply_after_text_marcus_rollout", "reply",
         ["text marcus that i read his release notes", "and reply to his email: roll it out, no objections from me"],
         outcome(sms=[Sms(P["Marcus"], r"release notes|read|2\.1|firmware")],
                 mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"objection")])),

    # -- forward: which email, to whom, with a note or an attachment ------------------------------------
    case("dev9_forward_after_reminder_invoice_elena", "forward",
         ["remind me to pay lucas's invoice on dec 18", "also fwd that invoice mail to elena so she has a copy"],
         outcome(reminders=[Reminder("2026-12-18", r"invoice|lucas|pay")],
                 mails=[Mail((E["Elena"],), subject=r"^Fwd:.*invoice")]),
         when=("on dec 18", "2026-12-18")),
    case("dev9_forward_garden_two_note", "forward",
         "fwd the garden quote to aisha and tom, note: anyone know a cheaper gardener?",
         either(outcome(mails=[Mail((E["Aisha"], E["Tom"]), subject=r"^Fwd:.*garden", body=r"cheaper")]),
                outcome(mails=[Mail((E["Aisha"],), subject=r"^Fwd:.*garden", body=r"cheaper"),
                               Mail((E["Tom"],), subject=r"^Fwd:.*garden", body=r"cheaper")]))),
    case("dev9_forward_lunch_james_handbook", "forward",
         "fwd the lunch invite to james + attach the team handbook, he's new here",
         outcome(mails=[Mail((E["James"],), (HANDBOOK,), subject=r"^Fwd:.*lunch")])),
    case("dev9_forward_after_text_lunch", "forward",
         ["text priya that I'll be at lunch on friday", "and forward her lunch email to marcus, he wants to come too"],
         outcome(sms=[Sms(P["Priya"], r"lunch|friday")], mails=[Mail((E["Marcus"],), subject=r"^Fwd:.*lunch")])),
    case("dev9_forward_sarah_older_nina", "forward", "sarah sent me two emails. forward the older one to nina",
         outcome(mails=[Mail((E["Nina"],), subject=r"^Fwd:.*offsite")])),

    # -- append, decline -------------------------------------------------------------------------------
    case("dev9_append_pine_nuts", "append", "put pine nuts on the shopping list pls",
         outcome(notes=[Note("Shopping list", (r"pine nuts", r"oat milk"))])),
    case("dev9_append_meeting_notes_james", "append",
         "Please add to my meeting notes: James will order the certification samples.",
         outcome(notes=[Note("Meeting notes", (r"james", r"certification", r"falcon weekly sync"))])),
    case("dev9_decline_cancel_gym", "decline", "cancel my gym membership", outcome(answer=CANT), ANY_ACTION),
    case("dev9_decline_upload_drive", "decline", "upload all my notes to google drive",
         outcome(answer=CANT), ANY_ACTION),
]
