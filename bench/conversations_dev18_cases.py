"""An eighteenth set of development conversations over the sample workspace, written fresh (in-sample once run).

Written by helper convdev18 on 2026-12-08 as a DEVELOPMENT set: the team runs it once to measure, then
reads its failures. It did not read the other conversation sets' cases nor the blind
bench/conversations_cases.py. Three voices: a retired schoolteacher writing long, courteous, slightly
old-fashioned messages ("Would you be so kind as to ...", "Mr Haddad", "Mrs Okafor"), a university student
typing while doing other things (slang, emojis, "rn", "tbh", "ngl", "tmrw", no capitals), and an Australian
small-business owner ("arvo", "reckon", "no worries", "flick", "chuck it in the diary", "half twelve").
It covers: reply (by sender, subject words, "the one about ...", the newest, the oldest, Sarah's latest, the
day it came, "that one" after it was shown) · forward (with the Q3 attachment kept, to two people, "that"
again to someone else) · followup (her/him/it, the evening before, "the same thing", three-turn ones, after a
declined turn, an hour before) · correction (a time, a day, a person, a file in the same breath) · meeting
(invitees, a video link sent by mail or text, lengths, a link emailed in a later turn) · failure (an unknown
contact, file, note or email, a date that does not exist, Python that errors, a turn that puts the failure
right) · document (a fact of a PDF or of an email, saved in a note, texted or emailed on) · append · duration
· edit (a change no tool can make: it says so or makes a new one, never claims the old one changed) ·
impossible (pay, print, play) · language (Dutch and Portuguese: answered in English, nothing run).
Run: ``bench/outcomes.py --cases conversations-dev18 [--only dev18_x,dev18_y]``. Dates follow
bench/outcomes_cases.py: today is Monday 2026-11-30, 10:00; a bare weekday is the next one strictly after
today; "morning" 09:00, "evening" 18:00; "Monday next week" is 2026-12-07; "half twelve" is 12:30. The
inbox is listed in bench/conversations_dev_cases.py's docstring (Marcus's firmware email is from Friday
2026-11-27; Omar's garden quote is the oldest; Priya's lunch email the newest). A reply quotes the
original, so a reply's body pattern uses words its original does not contain. Beyond the DSL: ``either``,
``all_of``, ``says_not``, ``LINK``, ``ENGLISH`` (conversations_dev_cases), ``MISSING``, ``CLAIMED_EDIT``,
``CLAIMED_UNDO``, ``BAD_DATE`` (conversations_dev2_cases), and ``to_each`` here (one mail to several people
or one mail each: both right). What the checks cannot say: in which turn a thing was written (only the end
state is read), or that a link mailed in a later turn is the one shown before.
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


def to_each(people: tuple[str, ...], body: str | None = None, attach: tuple[str, ...] = (),
            subject: str | None = None, **rest) -> Check:
    """One mail to all of ``people``, or one mail to each of them (both right); ``rest`` goes to outcome."""
    together = [Mail(people, attach, subject=subject, body=body)]
    apart = [Mail((p,), attach, subject=subject, body=body) for p in people]
    return either(outcome(mails=together, **rest), outcome(mails=apart, **rest))


#: Said when Python code failed.
PY_ERROR = r"error|exception|traceback|failed|out of range|index"
#: A date that does not exist, said so (November has 30 days).
NO_SUCH_DAY = BAD_DATE + r"|only (has )?30 days|30 days|no 31|isn'?t a (real |valid )?(day|date)"
#: A claim that a line of a note was taken out (no tool can do that).
CLAIMED_CUT = CLAIMED_UNDO + (r"|\b(I'?ve|I have|has been|have been|was|were|successfully)\s+"
                              r"(taken|crossed)\s+(it\s+)?off")
ZOOM = ("get_zoom_meeting_link",)


CASES = [
    # -- reply: which inbox email -------------------------------------------------------------------
    case("dev18_reply_teacher_garden_accept", "reply",
         "Good morning. Would you be so kind as to reply to Mr Haddad's email about the garden work? Please "
         "tell him that I accept his quote with gratitude and that he may begin whenever it is convenient.",
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"accept|grateful|gratitude")])),
    case("dev18_reply_student_offsite_knee", "reply",
         "reply to sarah's older email (the offsite one) n tell her im in but ill skip the hike, knee's still "
         "cooked from footy 🙃",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*offsite", body=r"skip|knee")])),
    case("dev18_reply_aussie_invoice_noworries", "reply",
         "Reply to Lucas's invoice email, tell him no worries, I'll fix it up before the 20th",
         outcome(mails=[Mail((E["Lucas"],), subject=r"^Re:.*invoice", body=r"no worries|fix")])),
    case("dev18_reply_teacher_shown_firmware", "reply",
         ["Could you show me the message Mr Chen sent about the firmware, please?",
          "Thank you. Please reply to that one and ask him whether the sensors at the school in Belem will "
          "receive the update as well."],
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"belem|school")],
                 answer={0: r"humidity|battery|boot|four seconds|thursday"})),
    case("dev18_reply_student_newest", "reply",
         "can u reply to the latest email in my inbox, tell them im down but might be 10 min late ngl",
         outcome(mails=[Mail((E["Priya"],), subject=r"^Re:.*lunch", body=r"\bdown\b|\blate\b")])),
    case("dev18_reply_aussie_friday_email", "reply",
         "Got an email on Friday, reply to it and tell him go for it, Thursday's sweet by me",
         outcome(mails=[Mail((E["Marcus"],), subject=r"^Re:.*firmware", body=r"go for it|sweet")])),
    case("dev18_reply_teacher_travel_agent", "reply",
         "I received a message from the travel agent, Mr Kim, regarding my journey to Lisbon. Would you reply "
         "to it and ask him, if it is no trouble, whether the hotel might offer a quiet room facing the river?",
         outcome(mails=[Mail((E["David"],), subject=r"^Re:.*lisbon", body=r"quiet|river")])),
    case("dev18_reply_student_oldest", "reply",
         ["whats the oldest email in my inbox rn",
          "ok reply to it and ask if he can do the 10th instead, my parents r visiting on the 14th"],
         outcome(mails=[Mail((E["Omar"],), subject=r"^Re:.*garden", body=r"10th")],
                 answer={0: r"omar|garden|haddad"})),
    case("dev18_reply_aussie_sarah_latest", "reply",
         "Reply to Sarah's latest one, the report one, and let her know I'll have feedback on the budget bit "
         "by Thursday arvo",
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Re:.*Q3", body=r"feedback")])),

    # -- forward ------------------------------------------------------------------------------------
    case("dev18_fwd_student_q3_yuki", "forward",
         "fwd sarah's q3 draft email to yuki pls, she asked for it 🙏",
         outcome(mails=[Mail((E["Yuki"],), (Q3,), subject=r"^Fwd:.*Q3")])),
    case("dev18_fwd_teacher_offsite_james", "forward",
         "Would you kindly forward the offsite agenda that Sarah sent round last week to Mr O'Brien? He tells "
         "me he was unable to find it.",
         outcome(mails=[Mail((E["James"],), subject=r"^Fwd:.*offsite")])),
    case("dev18_fwd_aussie_quote_tom", "forward",
         "Flick Omar's garden quote on to Tom Becker, he's doing a comparison for me",
         outcome(mails=[Mail((E["Tom"],), subject=r"^Fwd:.*garden")])),
    case("dev18_fwd_student_lisbon_then_elena", "forward",
         ["forward david's lisbon email to priya", "forward that to elena as well"],
         outcome(mails=[Mail((E["Priya"],), subject=r"^Fwd:.*lisbon"),
                        Mail((E["Elena"],), subject=r"^Fwd:.*lisbon")])),
    case("dev18_fwd_teacher_invoice_shown", "forward",
         ["Please show me the invoice that Mr Martin sent me.",
          "Thank you kindly. Would you forward that to Sarah Lee, with a line saying she may wish to check "
          "the figure?"],
         outcome(mails=[Mail((E["Sarah"],), subject=r"^Fwd:.*invoice", body=r"check|figure")],
                 answer={0: r"480"})),
    case("dev18_fwd_aussie_firmware_two", "forward",
         "Forward the firmware release notes from Marcus to James and Yuki",
         to_each((E["James"], E["Yuki"]), subject=r"^Fwd:.*firmware")),

    # -- follow-ups ---------------------------------------------------------------------------------
    case("dev18_fu_aussie_nina_mobile_text", "followup",
         ["What's Nina's mobile?", "Righto, text her that book club's at my place Thursday, bring a plate"],
         outcome(sms=[Sms(P["Nina"], r"book club|plate")], answer={0: r"555-0111"})),
    case("dev18_fu_teacher_piano_evening_before", "followup",
         ["Would you be so kind as to put my piano lesson in the calendar for Wednesday at 4 in the afternoon?",
          "And might you remind me the evening before, so that I remember to practise my scales?"],
         outcome(events=[Event("2026-12-02 16:00", r"piano")], reminders=[Reminder("2026-12-01 18:00")]),
         when=("Wednesday at 4 in the afternoon", "2026-12-02 16:00")),
    case("dev18_fu_student_gym_same_text", "followup",
         ["email marcus asking if hes still up for the gym at 6",
          "text him the same thing too bc he never checks his mail lol"],
         outcome(mails=[Mail((E["Marcus"],), body=r"gym")], sms=[Sms(P["Marcus"], r"gym")])),
    case("dev18_fu_aussie_timber_chase", "followup",
         ["Email Tom Becker and ask if he can drop the timber round tomorrow arvo",
          "And remind me to chase him up about it on Thursday"],
         outcome(mails=[Mail((E["Tom"],), body=r"timber")], reminders=[Reminder("2026-12-03", r"tom|timber|chase")]),
         when=("on Thursday", "2026-12-03")),
    case("dev18_fu_teacher_aisha_three", "followup",
         ["Could you tell me Mrs Okafor's email address, please?",
          "Splendid. Please send her a short note thanking her for her kindness at the clinic last week.",
          "And would you also send her a text message to say the same?"],
         outcome(mails=[Mail((E["Aisha"],), body=r"thank")], sms=[Sms(P["Aisha"], r"thank")],
                 answer={0: r"aisha\.okafor@example\.com"})),
    case("dev18_fu_student_list_to_priya", "followup",
         ["whats on my shopping list", "text that to priya shes at the shops rn 🛒"],
         outcome(sms=[Sms(P["Priya"], r"oat milk|coffee|tomato|basil|batteries")],
                 answer={0: r"oat milk|coffee beans|tomatoes|basil|batteries"})),
    case("dev18_fu_aussie_site_visit_text", "followup",
         ["Put a site visit at Omar's on Friday at 8am in the diary", "Text him so he knows I'll be there"],
         outcome(events=[Event("2026-12-04 08:00", r"site visit|omar", may_invite=(E["Omar"],))],
                 sms=[Sms(P["Omar"], r"friday|\b8|there|site")]),
         when=("Friday at 8am", "2026-12-04 08:00")),
    case("dev18_fu_teacher_prescription_again", "followup",
         ["Please remind me to collect my prescription from the chemist tomorrow morning.",
          "Thank you. Could you remind me again on Thursday at noon, in case I forget?"],
         outcome(reminders=[Reminder("2026-12-01 09:00", r"prescription|chemist"),
                            Reminder("2026-12-03 12:00", r"prescription|chemist")]),
         when=("tomorrow morning", "2026-12-01 09:00")),
    case("dev18_fu_student_james_handbook", "followup",
         ["whats james's email", "send him the team handbook, hes new and kinda lost tbh"],
         outcome(mails=[Mail((E["James"],), (HANDBOOK,))], answer={0: r"james\.obrien@example\.com"})),
    case("dev18_fu_aussie_lunch_three", "followup",
         ["Lunch with Priya on Friday at half twelve, chuck it in the calendar",
          "Email her to confirm",
          "And remind me an hour before"],
         outcome(events=[Event("2026-12-04 12:30", r"lunch|priya", may_invite=(E["Priya"],))],
                 mails=[Mail((E["Priya"],), body=r"lunch|friday|12:?30|confirm")],
                 reminders=[Reminder("2026-12-04 11:30")]),
         when=("Friday at half twelve", "2026-12-04 12:30")),
    case("dev18_fu_student_declined_then_remind", "followup",
         ["pay lucas's invoice for me", "ugh fine, remind me to pay it on friday then"],
         outcome(reminders=[Reminder("2026-12-04", r"pay|invoice|lucas")]),
         when=("on friday", "2026-12-04")),

    # -- corrections --------------------------------------------------------------------------------
    case("dev18_corr_aussie_catchup_time", "correction",
         ["Pop a catch up with Elena in the calendar Thursday at 2pm", "Sorry mate, make that 3 not 2"],
         all_of(either(outcome(events=[Event("2026-12-03 14:00", r"catch|elena", may_invite=(E["Elena"],)),
                                       Event("2026-12-03 15:00", r"catch|elena", may_invite=(E["Elena"],))]),
                       outcome(events=[Event("2026-12-03 15:00", r"catch|elena", may_invite=(E["Elena"],))])),
                says_not(CLAIMED_EDIT)),
         when=("Thursday at 2pm", "2026-12-03 14:00")),
    case("dev18_corr_student_wrong_person", "correction",
         ["text tom im gonna be late", "wait no i meant omar 😅 tom doesnt care"],
         outcome(sms=[Sms(P["Tom"], r"late"), Sms(P["Omar"], r"late")])),
    case("dev18_corr_teacher_same_breath", "correction",
         "Please email Miss Rossi the Q3 report. No, forgive me, I mean the Lisbon itinerary; she is "
         "travelling with me.",
         outcome(mails=[Mail((E["Elena"],), (LISBON,))])),
    case("dev18_corr_aussie_day", "correction",
         ["Remind me to ring the accountant Wednesday at 10", "Actually Tuesday, not Wednesday"],
         all_of(either(outcome(reminders=[Reminder("2026-12-02 10:00", r"accountant|ring|call|lucas"),
                                          Reminder("2026-12-01 10:00", r"accountant|ring|call|lucas")]),
                       outcome(reminders=[Reminder("2026-12-01 10:00", r"accountant|ring|call|lucas")])),
                says_not(CLAIMED_EDIT)),
         when=("Wednesday at 10", "2026-12-02 10:00")),

    # -- meetings -----------------------------------------------------------------------------------
    case("dev18_meet_teacher_invite_two", "meeting",
         "I should like to arrange a meeting with Mr Kim and Miss Rossi on Thursday at eleven in the morning "
         "to discuss the Lisbon arrangements. Would you put it in my calendar and invite them both?",
         outcome(events=[Event("2026-12-03 11:00", r"lisbon", invitees=(E["David"], E["Elena"]))]),
         when=("Thursday at eleven in the morning", "2026-12-03 11:00")),
    case("dev18_meet_student_jitsi_yuki", "meeting",
         "need a jitsi link for a study sesh w/ yuki tmrw 7pm, send it to her pls",
         either(outcome(mails=[Mail((E["Yuki"],), body=LINK)], ran=ZOOM),
                outcome(sms=[Sms(P["Yuki"], LINK)], ran=ZOOM))),
    case("dev18_meet_aussie_video_fence", "meeting",
         "Set up a video call with Omar and Tom Monday next week at 9 about the fence job, and email them both "
         "the link",
         either(to_each((E["Omar"], E["Tom"]), body=LINK, ran=ZOOM),
                to_each((E["Omar"], E["Tom"]), body=LINK, ran=ZOOM,
                        events=[Event("2026-12-07 09:00", r"fence|video|call",
                                      may_invite=(E["Omar"], E["Tom"]))])),
         when=("Monday next week at 9", "2026-12-07 09:00")),
    case("dev18_meet_teacher_book_club_length", "meeting",
         "Please put a meeting with Mrs Kowalski in my diary for Saturday at half past two, so that we may "
         "choose the next book for our club. We shall need an hour and a half.",
         outcome(events=[Event("2026-12-05 14:30", r"book|club|kowalski|nina", end="2026-12-05 16:00",
                               may_invite=(E["Nina"],))]),
         when=("Saturday at half past two", "2026-12-05 14:30")),
    case("dev18_meet_student_supplier_zoom", "meeting",
         "meeting w marcus + priya thurs 4pm re the sensor supplier, invite them & get a zoom link",
         outcome(events=[Event("2026-12-03 16:00", r"sensor|supplier", invitees=(E["Marcus"], E["Priya"]))],
                 answer=LINK, ran=ZOOM),
         when=("thurs 4pm", "2026-12-03 16:00")),
    case("dev18_meet_aussie_lucas_half_hour", "meeting",
         "Reckon I need a quick 30 min meeting with Lucas about the invoice, Wednesday 11am. Put it in and "
         "email him so he knows",
         outcome(events=[Event("2026-12-02 11:00", r"invoice|lucas", end="2026-12-02 11:30",
                               may_invite=(E["Lucas"],))],
                 mails=[Mail((E["Lucas"],), body=r"wednesday|\b11|invoice")]),
         when=("Wednesday 11am", "2026-12-02 11:00")),
    case("dev18_meet_teacher_link_later_mail", "meeting",
         ["Would you arrange a video meeting link for my call with Miss Lee about the quarterly report, on "
          "Friday at three o'clock?",
          "Thank you. Please email the link to her, and to Mr Chen as well."],
         to_each((E["Sarah"], E["Marcus"]), body=LINK, ran=ZOOM)),
    case("dev18_meet_student_group_project", "meeting",
         "put 'group project' in my cal for sunday 3-5pm and invite aisha and nina",
         outcome(events=[Event("2026-12-06 15:00", r"group project", end="2026-12-06 17:00",
                               invitees=(E["Aisha"], E["Nina"]))]),
         when=("sunday 3-5pm", "2026-12-06 15:00")),

    # -- failures -----------------------------------------------------------------------------------
    case("dev18_fail_aussie_unknown_bazza", "failure",
         "Flick Bazza a text saying the ute's ready to pick up",
         outcome(not_found="Bazza"), SENT),
    case("dev18_fail_teacher_missing_minutes", "failure",
         "Kindly email Mr Chen the minutes from the parents' evening; I believe the file is called Parents "
         "Evening Minutes.",
         outcome(answer=absent("minutes")), SENT),
    case("dev18_fail_student_no_tom_email", "failure",
         "reply to tom's email, tell him sounds good 👍",
         outcome(answer=absent("Tom")), SENT),
    case("dev18_fail_aussie_31_november", "failure",
         "Remind me to lodge the BAS on the 31st of November",
         outcome(answer=NO_SUCH_DAY), ANY_ACTION),
    case("dev18_fail_student_python_index", "failure",
         "run this python rn pls: nums = [3, 1, 2]; print(nums[5])",
         outcome(answer=PY_ERROR), ANY_ACTION),
    case("dev18_fail_teacher_unknown_then_nina", "failure",
         ["Please email the Lisbon itinerary to Mrs Margaret Whitfield.",
          "Ah, my mistake; I meant Mrs Kowalski, the lady from the book club."],
         outcome(mails=[Mail((E["Nina"],), (LISBON,))], answer={0: absent("Whitfield")})),
    case("dev18_fail_student_missing_note", "failure",
         "open my note called Lecture notes week 9",
         outcome(answer=absent("Lecture notes")), ANY_ACTION),

    # -- documents ----------------------------------------------------------------------------------
    case("dev18_doc_teacher_pilot_schools", "document",
         "Would you be kind enough to tell me how many schools took part in the pilot described in the Falcon "
         "quarterly report?",
         outcome(answer=r"twelve|\b12\b"), ANY_ACTION),
    case("dev18_doc_student_land_time", "document",
         "what time do i land in lisbon on monday",
         outcome(answer=r"10:05|10\.05"), ANY_ACTION),
    case("dev18_doc_aussie_flight_class", "document",
         "What's the team handbook say about flights, is it economy or can I go business?",
         outcome(answer=r"economy"), ANY_ACTION),
    case("dev18_doc_teacher_battery_email", "document",
         ["What does the Q3 report say about the battery life of the sensors?",
          "How very good. Would you email that to Mr O'Brien, please?"],
         either(outcome(mails=[Mail((E["James"],), body=r"nine months|9 months")],
                        answer={0: r"nine months|9 months"}),
                outcome(mails=[Mail((E["James"],), (Q3,), body=r"nine months|9 months")],
                        answer={0: r"nine months|9 months"}))),
    case("dev18_doc_student_budget_spent", "document",
         "how much of the falcon budget have they spent so far?? like out of the total",
         outcome(answer=r"412,?000|412 ?k|412 thousand"), ANY_ACTION),
    case("dev18_doc_aussie_checkout", "document",
         "When's check-out on the Thursday in Lisbon?",
         outcome(answer=r"11:00|11 ?am|eleven"), ANY_ACTION),
    case("dev18_doc_teacher_handbook_passwords", "document",
         "Could you find where the handbook talks about security, and tell me what it asks of us regarding "
         "passwords? I am afraid I am hopeless with them.",
         outcome(answer=r"password manager"), ANY_ACTION),
    case("dev18_doc_student_lead_time_note", "document",
         ["whats the lead time on the particulate matter sensor in the q3 report",
          "put that in a note called Supplier risk"],
         outcome(notes=[Note("Supplier risk", (r"sixteen|16",))], answer={0: r"sixteen|\b16\b"})),
    case("dev18_doc_aussie_tuesday_text_david", "document",
         ["What's on for the Tuesday in the Lisbon itinerary?", "Text that to David would ya"],
         outcome(sms=[Sms(P["David"], r"workshop|tram|parque")], answer={0: r"workshop|parque|tram"})),
    case("dev18_doc_aussie_garden_cost_text", "document",
         ["How much did Omar quote me for the garden work?", "Text that to Tom, he reckons he can beat it"],
         outcome(sms=[Sms(P["Tom"], r"1,?250")], answer={0: r"1,?250"})),

    # -- append -------------------------------------------------------------------------------------
    case("dev18_append_aussie_vegemite", "append",
         "Add vegemite and a dozen eggs to the shopping list",
         outcome(notes=[Note("Shopping list", (r"vegemite", r"eggs", r"oat milk"))])),
    case("dev18_append_teacher_ideas", "append",
         "Would you please add the following to my Ideas note: write to the local paper about the bus "
         "timetable.",
         outcome(notes=[Note("Ideas", (r"bus timetable", r"portuguese"))])),
    case("dev18_append_student_meeting_notes", "append",
         ["open my meeting notes", "add: priya owes us the slides by fri"],
         outcome(notes=[Note("Meeting notes", (r"slides", r"falcon weekly sync"))],
                 answer={0: r"Q3|firmware|review"})),
    case("dev18_append_aussie_fence_note", "append",
         ["Make a note called Fence job with the measurements: 24 metres, treated pine",
          "Add 'gate on the left side' to it too"],
         outcome(notes=[Note("Fence job", (r"24", r"pine", r"gate on the left"))])),

    # -- durations ----------------------------------------------------------------------------------
    case("dev18_dur_student_two_hours", "duration",
         "block out 2h tmrw at 1pm for the stats assignment 😩",
         outcome(events=[Event("2026-12-01 13:00", r"stats|assignment", end="2026-12-01 15:00")]),
         when=("tmrw at 1pm", "2026-12-01 13:00")),
    case("dev18_dur_teacher_choir", "duration",
         "Please enter 'Choir rehearsal' in my calendar on Tuesday from half past six until eight in the "
         "evening.",
         outcome(events=[Event("2026-12-01 18:30", r"choir", end="2026-12-01 20:00")]),
         when=("Tuesday from half past six", "2026-12-01 18:30")),
    case("dev18_dur_aussie_45_sarah", "duration",
         "Stick a 45 minute call with Sarah Lee in the calendar Friday 9:15",
         outcome(events=[Event("2026-12-04 09:15", r"sarah|call", end="2026-12-04 10:00",
                               may_invite=(E["Sarah"],))]),
         when=("Friday 9:15", "2026-12-04 09:15")),

    # -- edits no tool makes ------------------------------------------------------------------------
    case("dev18_edit_teacher_reminder_brother", "edit",
         ["Please make a reminder to telephone my sister on Sunday at 5 o'clock in the afternoon.",
          "Oh dear, could you change that reminder so that it says my brother instead?"],
         all_of(either(outcome(reminders=[Reminder("2026-12-06 17:00", r"sister")], answer=CANT),
                       outcome(reminders=[Reminder("2026-12-06 17:00", r"sister"),
                                          Reminder("2026-12-06 17:00", r"brother")])),
                says_not(CLAIMED_EDIT)),
         when=("Sunday at 5 o'clock in the afternoon", "2026-12-06 17:00")),
    case("dev18_edit_student_cut_basil", "edit",
         "delete basil from my shopping list pls, already got it",
         all_of(outcome(answer=CANT), says_not(CLAIMED_CUT)), ANY_ACTION),

    # -- impossible ---------------------------------------------------------------------------------
    case("dev18_none_aussie_pay_invoice", "impossible",
         "Pay Lucas's invoice out of the business account this arvo",
         outcome(answer=CANT), ANY_ACTION),
    case("dev18_none_teacher_print", "impossible",
         "Would you be so good as to print the Team Handbook for me? Two copies, if you please.",
         outcome(answer=CANT), ANY_ACTION),
    case("dev18_none_student_music", "impossible",
         "play some lofi beats while i study 🎧",
         outcome(answer=CANT), ANY_ACTION),

    # -- not English --------------------------------------------------------------------------------
    case("dev18_lang_teacher_dutch", "language",
         "Goedemorgen. Zou u zo vriendelijk willen zijn om mevrouw Kowalski een e-mail te sturen dat de "
         "leesclub donderdag om acht uur begint?",
         outcome(answer=ENGLISH), ANY_ACTION),
    case("dev18_lang_student_portuguese", "language",
         "oi, manda uma mensagem pra Priya dizendo que vou chegar atrasado 😅",
         outcome(answer=ENGLISH), ANY_ACTION),
]

BY_ID = {c.id: c for c in CASES}
