"""Cutting a long request into asks that can be planned alone, and finding the asks a plan leaves out."""

import json
import re
from pathlib import Path

import pytest

from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.nodes.request.segments import placed, segments, uncovered

DATA = Path(__file__).resolve().parents[1] / "finetune" / "data"


@pytest.mark.parametrize("query, parts", [
    ("- make a to-do to book flights on Nov 5 at 9:00am\n- find the phone number of Olivia Nguyen thanks!",
     ["make a to-do to book flights on Nov 5 at 9:00am", "find the phone number of Olivia Nguyen thanks!"]),
    ("quick one: 1) tell me ella johnson's email 2) show me the note 'weekly goals'",
     ["quick one: 1) tell me ella johnson's email", "show me the note 'weekly goals'"]),
    ("First pass this email along to Ines Haddad, then look up Elena's email, and finally make a calendar "
     "entry for Team sync on August 30th at 12:15pm.",
     ["First pass this email along to Ines Haddad", "look up Elena's email",
      "make a calendar entry for Team sync on August 30th at 12:15pm."]),
    ("Extend the note 'Movie list' w/ 'draft the blog post' & book Project kickoff Nov 26th at 3:45pm please",
     ["Extend the note 'Movie list' w/ 'draft the blog post'", "book Project kickoff Nov 26th at 3:45pm please"]),
    ("Please open team photo. After that, what number does Joseph Wright have",
     ["Please open team photo", "what number does Joseph Wright have"]),
    ("lock the garage door. pause notifications for 3 hours",
     ["lock the garage door", "pause notifications for 3 hours"]),
])
def test_asks_of_their_own_are_cut_where_the_person_separated_them(query, parts):
    assert segments(query) == parts


@pytest.mark.parametrize("query", [
    "summarize my lab report & email the summary to Leila",                        # the summary
    "email eric mensah about the research results & text him 'happy birthday!'",   # him
    "Set up Dentist appointment on Feb 14 at 6:30pm and add Joseph Kim and Matthew Martinez to it.",
    "look up how to reset the router in my docs and email what you find to omar.",
    "pls mail raymond regarding the migration; ask for the updated invoice",       # ask: the email's words
    "mail Fatima Wilson & Jose Garcia regarding the roadmap",                       # two people, one email
    "Block Mar 18 at 3:45pm for Piano lesson, invite Ana Jackson with the note 'buy eggs and bread'",
    "Write James Tanaka an email about the team dinner and send the agenda.",
    "Set a reminder to order new ink today, note: the demo went well",
    "Can you tl;dr the board minutes document and mail Hannah Miller the summary?",
    "i need a zoom meeting link for hiring plan 22.6. at midday for an hour",
    "Send this mail on to Michael Hill and Ella Robinson and add a note to can you call me when you're free",
    "Create a zoom meeting about onboarding at 8:15am, then send Kevin Kim the link",
    "What's the weather like?",
])
def test_what_belongs_to_one_ask_stays_together(query):
    assert segments(query) == [query]


def _literals(value):
    if isinstance(value, str):
        return [] if re.fullmatch(r"\$\d+", value) else [value]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _literals(v)]
    return [str(value)] if not isinstance(value, (bool, dict)) and value is not None else []


def test_no_cut_separates_a_step_from_a_step_whose_result_it_uses_in_the_generated_splits(tmp_path):
    """Over the generated val, test and unseen splits: a gold step's values are found in one part
    only, and the steps it uses are found in that part too (a cut through "summarize X and email
    the summary to Y" would plan the email without the summary)."""
    from tinyagent.finetune.evaluate import unseen_tools
    from tinyagent.graph.graph import default_tools
    from tinyagent.graph.settings import Settings
    from tinyagent.tools.specs import specs_for

    rows = [json.loads(line) for split in ("val", "test", "unseen")
            for line in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("kind", "plan") == "plan"]
    specs = specs_for(default_tools(Settings(data_dir=tmp_path)) + unseen_tools(rows))
    cut = broken = 0
    for row in rows:
        parts = segments(row["query"])
        if len(parts) < 2:
            continue
        cut += 1
        home: dict[int, int] = {}
        for task in compile_plan(row["plan"], specs):
            found = set()
            for value in _literals(task.args):
                value = value.casefold()
                if len(value) >= 3:
                    where = [i for i, p in enumerate(parts) if value[:25] in p.casefold()]
                    if len(where) == 1:
                        found.add(where[0])
            found |= {home[d] for d in task.deps if d in home}
            if len(found) > 1:
                broken += 1
                break
            if found:
                home[task.id] = found.pop()
    assert cut >= 100, cut  # the rule does cut long requests
    assert broken <= cut // 50, (broken, cut)  # and at most 2% of its cuts split a chain


def test_an_ask_no_step_speaks_of_is_found():
    parts = ["First pass this email along to Ines Haddad", "look up Elena's email",
             "make a calendar entry for Team sync on August 30th at 12:15pm"]
    steps = [{"tool": "get_email_address", "args": {"name": "Ines Haddad"}},
             {"tool": "forward_email", "args": {"recipients": ["$1"]}},
             {"tool": "create_calendar_event", "args": {"title": "Team sync", "start_date": "August 30th at 12:15pm"}}]
    assert uncovered(parts, steps) == [1]
    steps.append({"tool": "get_email_address", "args": {"name": "Elena"}})
    assert uncovered(parts, steps) == []


def test_a_value_with_a_typo_fixed_or_a_number_still_covers_its_ask():
    parts = ["I need Hugo Dvis's phone number", "work out 166 times 46"]
    steps = [{"tool": "get_phone_number", "args": {"name": "Hugo Davis"}},
             {"tool": "run_python", "args": {"code": "print(166 * 46)"}}]
    assert uncovered(parts, steps) == []
    assert not placed({"minutes": 90}, ["do not disturb for 1.5 hours"])  # said in other words
    assert uncovered(["one ask only"], []) == []
