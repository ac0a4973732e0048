"""Word pools and date phrases for the training-data generator (people, places, files, times)."""

from __future__ import annotations

import datetime as dt
import random

FIRST = """Sarah James Maria David Emma Daniel Olivia Michael Sophia Robert Ava William Isabella Thomas
Mia Joseph Charlotte Charles Amelia Christopher Harper Matthew Evelyn Anthony Abigail Mark Emily
Steven Ella Paul Grace Andrew Chloe Joshua Lily Kevin Hannah Brian Zoe George Nora Edward Leah
Ryan Aria Jason Layla Jacob Riley Gary Nina Eric Priya Jonathan Aisha Stephen Mei Larry Yuki
Justin Fatima Scott Elena Brandon Lucia Frank Ana Benjamin Ingrid Samuel Chen Gregory Omar
Raymond Sofia Patrick Hugo Alexander Leila Jack Tariq Dennis Ines Jerry Kenji Tyler Amara Aaron
Rosa Jose Nadia Adam Ravi Henry Clara Nathan Oscar Peter Julia Zachary Marta Kyle Dmitri""".split()

LAST = """Lee Smith Johnson Garcia Brown Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson
Taylor Thomas Moore Jackson Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen
King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell
Carter Roberts Patel Kim Chen Singh Müller Rossi Dubois Novak Costa Silva Tanaka Sato Ivanova
Kowalski Jensen Larsen Okafor Mensah Haddad Khan Ahmed Fischer Weber Schmidt Bauer Moreau Laurent
Romano Ricci Svensson Berg Murphy Kelly O'Brien Walsh Byrne Cohen Levi Park Choi Wang Zhang Liu""".split()

PLACES = """Golden Gate Park|the Louvre|Central Station|the Ferry Building|Union Square|Stanford University|
the airport|SFO|JFK Airport|Blue Bottle Coffee on Market Street|Times Square|the Eiffel Tower|
Berkeley Marina|Lake Merritt|the office|Fisherman's Wharf|the Museum of Modern Art|Brooklyn Bridge|
Shibuya Crossing|Alexanderplatz|King's Cross Station|Piazza Navona|the city library|
Mission Dolores Park|Ocean Beach|Palo Alto Caltrain station|the Mall of America|Coit Tower|
1600 Amphitheatre Parkway, Mountain View|221B Baker Street, London|5th Avenue and 42nd Street|
Oakland Coliseum|Santa Monica Pier|Pike Place Market|the Space Needle|Grand Central Terminal|
Boston Common|Millennium Park|the Art Institute of Chicago|Zilker Park|Balboa Park|the Getty Center|
Room 204|the main conference room|Building 3|the cafeteria|my parents' house|the gym""".replace("\n", "").split("|")

CITIES = """Paris|London|Berlin|Tokyo|New York|San Francisco|Chicago|Madrid|Rome|Lisbon|Toronto|Sydney|
Seattle|Boston|Austin|Amsterdam|Vienna|Prague|Seoul|Mumbai|Mexico City|Dublin|Oslo|Zurich""".replace(
    "\n", "").split("|")

TRANSPORT = {"driving": ["drive", "driving", "by car"], "walking": ["walk", "walking", "on foot"],
             "transit": ["take the bus", "by public transit", "by train"]}

FILES = """Q3 slides|budget 2026|project proposal|meeting notes|resume|lease agreement|tax return 2025|
travel itinerary|design spec|quarterly report|invoice 1042|onboarding guide|research paper|
conference poster|marketing plan|product roadmap|contract draft|expense report|user study results|
syllabus|thesis chapter 2|grant application|sales forecast|team photo|release notes|API documentation|
floor plan|insurance policy|lab report|board minutes|pitch deck|hiring plan|style guide|
annual review|benchmark results|workshop agenda|course notes|recipe book|wedding guest list""".replace(
    "\n", "").split("|")

PDFS = """quarterly report|research paper|lease agreement|insurance policy|grant application|
design spec|annual review|contract draft|user study results|lab report|thesis chapter 2|
onboarding guide|board minutes|benchmark results|tax return 2025|project proposal""".replace(
    "\n", "").split("|")

TOPICS = """the Q3 review|the product launch|the budget|the hiring plan|the design review|the roadmap|
the offsite|the client demo|the marketing campaign|the conference talk|the sprint planning|
the quarterly numbers|the website redesign|the grant proposal|the team dinner|the onboarding|
the customer feedback|the contract renewal|the research results|the paper draft|the migration|
the holiday party|the fundraising|the security audit|the user study|the release""".replace(
    "\n", "").split("|")

EVENTS = """Team sync|Design review|Lunch with {first}|Dentist appointment|Project kickoff|1:1 with {first}|
Budget meeting|Coffee with {first}|Yoga class|Sprint planning|Client call|Doctor's appointment|
Interview with {first}|Book club|Board meeting|Product demo|Dinner with {first}|Standup|
Quarterly review|Team offsite|Study group|Piano lesson|Car service|Haircut|Parent-teacher meeting|
Workshop|Retrospective|Code review|Lab meeting|Farewell party""".replace("\n", "").split("|")

CALENDARS = ["Work", "Personal", "Family", "Home", "School"]

REMINDERS = """call the bank|pay the rent|renew my passport|buy milk|book flights|water the plants|
submit the expense report|pick up the dry cleaning|send the invoice|review the contract|
back up my laptop|buy a birthday gift for {first}|call {first}|take out the trash|schedule a vet visit|
cancel the gym membership|update my resume|file the taxes|return the library books|order new ink|
check the flight status|prepare the slides|read the design doc|refill the prescription""".replace(
    "\n", "").split("|")

REMINDER_LISTS = ["Work", "Personal", "Groceries", "Errands", "Home"]

NOTE_NAMES = """Meeting notes|Ideas|Shopping list|Reading list|Project log|Travel plans|Recipes|
Gift ideas|Weekly goals|Book notes|Research notes|Interview notes|Packing list|To do|
Journal|Workout plan|Q3 planning|Standup notes|Movie list|Garden log""".replace("\n", "").split("|")

NOTE_FOLDERS = ["Work", "Personal", "Projects", "Travel", "Ideas", "Archive"]

NOTE_LINES = """buy eggs and bread|call the plumber on Monday|the demo went well|ask {first} about the budget|
try the new ramen place|read Thinking, Fast and Slow|book the hotel in {city}|finish the slides by Friday|
pack the charger|follow up with {first}|the launch moved to next week|add tests for the parser|
ideas for the offsite: hiking, cooking class|rent is due on the 1st|{first} prefers mornings|
order a new keyboard|renew the domain|draft the blog post|check the flight to {city}|
pick up tomatoes and basil""".replace("\n", "").split("|")

MESSAGES = """I'm running 10 minutes late|are we still on for lunch?|the meeting moved to 4pm|
can you call me when you're free?|happy birthday!|I'll pick you up at 7|thanks for today|
dinner is at 8, see you there|I sent you the files|don't forget the tickets|landing at 6pm|
can we reschedule to tomorrow?|good luck with the interview!|the package arrived|
I'm outside the building|let's meet at the usual place""".replace("\n", "").split("|")

EMAIL_BODIES = """ask if the deadline can move to next week|share the latest numbers|confirm the meeting time|
thank them for the help|ask for feedback on the draft|say I'll be out of office on Friday|
ask them to review the document|propose a call next week|send the agenda|remind them about the deadline|
ask for the updated invoice|say the project is on track|invite them to the demo|
ask for their availability next week|share the meeting notes|apologize for the delay""".replace(
    "\n", "").split("|")

SEARCH_TOPICS = """the vacation policy|the refund process|the onboarding checklist|the API rate limits|
the budget for 2026|the lease termination clause|the warranty terms|how to reset the router|
the project deadlines|the security guidelines|the travel reimbursement rules|the release process|
the parental leave policy|the data retention policy|the deployment steps|the pricing tiers|
the meeting room booking rules|the expense limits|the backup schedule|the code review guidelines""".replace(
    "\n", "").split("|")

DOMAINS = ["example.com", "example.org", "mail.example.net", "company.example"]


def person(r: random.Random, full: float = 0.85) -> str:
    """A person's name as a user would write it: usually first and last, sometimes only the first."""
    first = r.choice(FIRST)
    return f"{first} {r.choice(LAST)}" if r.random() < full else first


def email_of(name: str, r: random.Random) -> str:
    parts = [p.lower().replace("'", "").replace("ü", "u") for p in name.split()]
    return ".".join(parts) + "@" + r.choice(DOMAINS)


def phone(r: random.Random) -> str:
    return f"+1 555 {r.randint(100, 999)} {r.randint(1000, 9999)}"


def fill(text: str, r: random.Random) -> str:
    """Fill {first}/{city} slots of a pool entry."""
    return text.format(first=r.choice(FIRST), city=r.choice(CITIES))


# -- dates ---------------------------------------------------------------------------------------
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def random_today(r: random.Random) -> dt.date:
    return dt.date(2025, 1, 1) + dt.timedelta(days=r.randint(0, 3 * 365 - 1))


def fmt(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def time_phrase(r: random.Random) -> tuple[str, dt.time]:
    """A clock time as people write it ("3pm", "10:30 am", "15:00", "noon") and its value."""
    if r.random() < 0.2:
        from tinyagent.finetune.data_people import extra_time_phrase
        from tinyagent.tools.dates import parse_when

        text = extra_time_phrase(r)
        return text, parse_when(text, now=dt.datetime(2026, 1, 5, 0, 1))[0].time()
    hour = r.choice([8, 9, 9, 10, 10, 11, 12, 13, 14, 14, 15, 15, 16, 17, 18, 19])
    minute = r.choice([0, 0, 0, 0, 30, 30, 15, 45])
    if hour == 12 and minute == 0 and r.random() < 0.3:
        return "noon", dt.time(12)
    style = r.random()
    h12 = hour % 12 or 12
    ampm = "am" if hour < 12 else "pm"
    if style < 0.25:
        text = f"{hour:02d}:{minute:02d}"
    elif minute == 0 and style < 0.7:
        text = f"{h12}{ampm}" if r.random() < 0.7 else f"{h12} {ampm}"
    else:
        text = f"{h12}:{minute:02d}{ampm}" if r.random() < 0.6 else f"{h12}:{minute:02d} {ampm}"
    return text, dt.time(hour, minute)


def date_phrase(r: random.Random, today: dt.date) -> tuple[str, dt.date]:
    """A day relative to ``today`` or written out, and its value (always today or later)."""
    if r.random() < 0.25:
        from tinyagent.finetune.data_people import extra_date_phrase
        from tinyagent.tools.dates import parse_when

        text = extra_date_phrase(r, today)
        return text, parse_when(text, now=dt.datetime.combine(today, dt.time(10)))[0].date()
    kind = r.random()
    if kind < 0.15:
        return "tomorrow", today + dt.timedelta(days=1)
    if kind < 0.2:
        return "today", today
    if kind < 0.25:
        return "the day after tomorrow", today + dt.timedelta(days=2)
    if kind < 0.45:
        wd = r.randrange(7)
        ahead = (wd - today.weekday()) % 7 or 7  # the next such weekday after today
        word = r.choice(["on", "next", "this", "on"]) if ahead < 7 else r.choice(["next", "on"])
        return f"{word} {WEEKDAYS[wd]}", today + dt.timedelta(days=ahead)
    if kind < 0.5:
        n = r.randint(2, 10)
        return f"in {n} days", today + dt.timedelta(days=n)
    day = today + dt.timedelta(days=r.randint(1, 200))
    style = r.random()
    if style < 0.3:
        text = f"{MONTHS[day.month - 1][:3]} {day.day}"
    elif style < 0.55:
        text = f"{MONTHS[day.month - 1]} {_ordinal(day.day)}"
    elif style < 0.7:
        text = f"{day.day} {MONTHS[day.month - 1]}"
    elif style < 0.85:
        text = day.isoformat()
    else:
        text = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if day.year != today.year and style < 0.7:  # a yearless date must not be read as this year
        text += f" {day.year}"
    return ("on " + text) if r.random() < 0.5 else text, day


def when_phrase(r: random.Random, today: dt.date) -> tuple[str, dt.datetime]:
    """"tomorrow at 3pm", "Nov 27 at 10:30", "2026-12-01 09:30", ... and the datetime meant."""
    dtext, day = date_phrase(r, today)
    ttext, tm = time_phrase(r)
    if r.random() < 0.8:
        text = f"{dtext} at {ttext}"
    else:
        text = f"{dtext} {ttext}" if not dtext.startswith("on ") else f"{dtext[3:]} {ttext}"
    return text, dt.datetime.combine(day, tm)


def duration_phrase(r: random.Random) -> tuple[str, int]:
    minutes = r.choice([15, 30, 30, 45, 60, 60, 90, 120])
    if minutes < 60 or minutes == 90 and r.random() < 0.5:
        return f"{minutes} minutes", minutes
    if minutes == 90:
        return "an hour and a half", 90
    if minutes == 60:
        return r.choice(["an hour", "one hour", "1 hour", "60 minutes"]), 60
    return f"{minutes // 60} hours", minutes
