"""Clearly marked sample data for a new workspace: contacts, inbox mails, notes and real PDFs."""

from __future__ import annotations

MARKER = "SAMPLE DATA"
#: The line each sample document opens with (no part of what a search answers).
SAMPLE_LINE = f"{MARKER}: an example document created by TinyAgent."

#: (name, e-mail, phone, organisation): all at example.com, phone numbers in the fictional 555-01xx range.
CONTACTS = [
    ("Sarah Lee", "sarah.lee@example.com", "+1-555-0101", "Falcon Labs"),
    ("Marcus Chen", "marcus.chen@example.com", "+1-555-0102", "Falcon Labs"),
    ("Priya Patel", "priya.patel@example.com", "+1-555-0103", "Falcon Labs"),
    ("David Kim", "david.kim@example.com", "+1-555-0104", "Northwind Travel"),
    ("Elena Rossi", "elena.rossi@example.com", "+1-555-0105", "Rossi Design"),
    ("James O'Brien", "james.obrien@example.com", "+1-555-0106", "Falcon Labs"),
    ("Aisha Okafor", "aisha.okafor@example.com", "+1-555-0107", "City Clinic"),
    ("Tom Becker", "tom.becker@example.com", "+1-555-0108", "Becker & Sons"),
    ("Yuki Tanaka", "yuki.tanaka@example.com", "+1-555-0109", "Falcon Labs"),
    ("Lucas Martin", "lucas.martin@example.com", "+1-555-0110", "Martin Accounting"),
    ("Nina Kowalski", "nina.kowalski@example.com", "+1-555-0111", "Book Club"),
    ("Omar Haddad", "omar.haddad@example.com", "+1-555-0112", "Haddad Landscaping"),
]

#: (Message-ID, from index into CONTACTS, subject, days ago, body, attachment or None)
MAILS = [
    ("<sample-q3-report@example.com>", 0, "Q3 report draft for review", 2,
     "Hi,\n\nthe draft of the Project Falcon Q3 report is attached. Could you review the budget "
     "section and send me your comments by Thursday? I would also like to set up a short review "
     "meeting on Friday afternoon.\n\nThanks,\nSarah", "Project_Falcon_Q3_Report.pdf"),
    ("<sample-lisbon-trip@example.com>", 3, "Lisbon trip: flights and hotel", 1,
     "Hello,\n\nyour flights to Lisbon are confirmed: TP 1234 leaves on Monday at 07:40 and the "
     "return flight TP 1235 is on Thursday at 18:15. The hotel is Casa do Rio in Alfama, check-in "
     "from 14:00. The full itinerary is in the attached PDF.\n\nBest regards,\nDavid", None),
    ("<sample-team-lunch@example.com>", 2, "Team lunch on Friday?", 0,
     "Hey,\n\nshall we do a team lunch on Friday at 12:30? I was thinking of the Italian place "
     "near the office. Let me know if that works for you.\n\nPriya", None),
    ("<sample-offsite-agenda@example.com>", 0, "Offsite agenda for next week", 5,
     "Hi all,\n\nhere is the plan for the offsite on Wednesday next week: 9:30 kick-off, 11:00 roadmap "
     "workshop, lunch at 12:30 and a hike in the afternoon. Please bring a laptop and good shoes.\n\n"
     "Sarah", None),
    ("<sample-firmware-21@example.com>", 1, "Firmware 2.1 release notes", 3,
     "Hi,\n\nfirmware 2.1 is ready for the pilot sensors. It fixes the humidity drift, adds a battery "
     "warning at 15% and cuts the boot time to four seconds. I plan to roll it out on Thursday unless "
     "someone objects.\n\nMarcus", None),
    ("<sample-invoice-november@example.com>", 9, "Invoice for November", 4,
     "Dear customer,\n\nplease find our invoice for November's bookkeeping: 480 EUR, due by "
     "December 20. Let me know if you have any questions.\n\nKind regards,\nLucas Martin", None),
    ("<sample-garden-quote@example.com>", 11, "Quote for the garden work", 6,
     "Hello,\n\nas promised, the quote for trimming the hedges and planting the new beds is 1,250 EUR, "
     "two days of work. We could start on the 14th if that suits you.\n\nBest,\nOmar", None),
]

NOTES = {
    "Shopping list": "- oat milk\n- coffee beans\n- tomatoes\n- basil\n- batteries (AA)",
    "Ideas": "- Automate the weekly status e-mail\n- Try the new hiking trail in the hills\n"
             "- Learn enough Portuguese for the Lisbon trip",
    "Work/Meeting notes": "## Falcon weekly sync\n\n- Sarah: Q3 report draft is ready for review\n"
                          "- Marcus: sensor firmware 2.1 ships next sprint\n"
                          "- Action: book a review meeting for Friday",
}

PDFS = {
    "Project_Falcon_Q3_Report.pdf": ("Project Falcon: Third Quarter Report", [
        "Project Falcon builds a low-power air quality sensor for schools and small offices. This "
        "report summarises progress in the third quarter, the state of the budget, and the risks "
        "the team sees for the final quarter of the year.",
        "Hardware: the second prototype board passed its electromagnetic compatibility tests in "
        "August. Battery life in the field trial reached nine months on two AA cells, above the "
        "target of six months. The enclosure supplier delivered 200 units for the pilot.",
        "Software: firmware version 2.0 added over-the-air updates and reduced the radio duty "
        "cycle by forty percent. The dashboard now shows carbon dioxide, particulate matter and "
        "humidity per room, with weekly e-mail summaries for facility managers.",
        "Pilot: twelve schools in three cities took part in the pilot. Teachers reported that the "
        "ventilation reminders were useful, and two schools changed their window opening routine "
        "after seeing the carbon dioxide levels during lessons.",
        "Budget: the project spent 412,000 dollars of its 600,000 dollar annual budget by the end "
        "of September, which is two percent under plan. Component prices fell, but certification "
        "fees were higher than expected.",
        "Risks and next steps: the main risk is the supply of the particulate matter sensor, which "
        "has a lead time of sixteen weeks. The team will qualify a second supplier, ship firmware "
        "2.1, and prepare the production order for January.",
    ]),
    "Lisbon_Trip_Itinerary.pdf": ("Trip Itinerary: Lisbon, Portugal", [
        "This itinerary covers a four-day business trip to Lisbon for the Falcon partner workshop. "
        "All times are local. Keep this document with your passport.",
        "Monday: flight TP 1234 departs at 07:40 and arrives in Lisbon at 10:05. Take the metro "
        "red line from the airport to the city centre. Check in at the hotel Casa do Rio in Alfama "
        "from 14:00. Dinner with David Kim at 19:30 near the river.",
        "Tuesday: partner workshop from 09:00 to 17:00 at the innovation centre in Parque das "
        "Nacoes. Lunch is provided. In the evening there is a tram ride on line 28 through the "
        "old town.",
        "Wednesday: site visit at a pilot school in Belem in the morning, then free time in the "
        "afternoon. Suggested: the monastery, the tower and the famous custard tarts.",
        "Thursday: check out by 11:00. The return flight TP 1235 departs at 18:15. Allow one hour "
        "to reach the airport by taxi or metro in the afternoon traffic.",
    ]),
    "Team_Handbook.pdf": ("Falcon Team Handbook", [
        "Welcome to the Falcon team. This handbook explains how we work together, where to find "
        "things, and whom to ask.",
        "Working hours are flexible between 08:00 and 18:00, with core hours from 10:00 to 15:00. "
        "The weekly sync is on Monday at 10:00; the meeting notes are shared in the team folder.",
        "Expenses: submit receipts within thirty days through the finance portal. Travel must be "
        "approved by your manager before booking; economy class is the default for flights under "
        "six hours.",
        "Security: lock your screen when you leave your desk, use the password manager, and report "
        "lost devices to IT within one day.",
    ]),
}
