"""A question about a named document searches that document: its name goes into the search query."""

from __future__ import annotations

import pytest

from tinyagent.nodes.plans.planlang import compile_plan, format_plan
from tinyagent.nodes.request.asks import named_document
from tinyagent.nodes.rules.documents import search_named_document
from tinyagent.nodes.rules.pipeline import BY_NAME


def _fixed(plan: str, query: str, specs) -> str:
    tasks = compile_plan(plan, specs)
    return format_plan(search_named_document(tasks, specs, query) or tasks)


def test_the_document_the_question_names_is_searched(specs):
    plan = '1. search_documents(query="tuesday")\n2. join()<END_OF_PLAN>'
    assert _fixed(plan, "what does the lisbon itinerary pdf say about tuesday?", specs) == (
        '1. search_documents(query="lisbon itinerary tuesday")\n2. join()<END_OF_PLAN>')
    assert BY_NAME["search_named_document"].stage == "compile"
    plan = '1. search_documents(query="team handbook")\n2. join()<END_OF_PLAN>'
    assert _fixed(plan, "Would you mind checking what the team handbook says about expenses?", specs) == (
        '1. search_documents(query="team handbook expenses")\n2. join()<END_OF_PLAN>')


@pytest.mark.parametrize("query, words", [
    ("Does the tenancy agreement say anything about painting?", ["tenancy", "agreement"]),
    ("according to the team handbook, when are core hours?", ["team", "handbook"]),
    ("lisbon itinerary, what's on wednesday", ["lisbon", "itinerary"]),
    ("what did the dentist's letter say about my next check-up?", ["dentist", "letter"]),
    ("wat dose the boiler manual say abt pressure", ["boiler", "manual"]),
    ("what did Sarah say about the budget", []),
    ("search my documents for the wifi password", []),
    ("in the q3 report whats the main risk?", ["q3", "report"]),
    ("in my notes what did i write about lisbon", []),          # the notes are no document the search reads
    ("according to my calendar, am i free on friday?", []),
    ("three things: what's 45*19, open my budget note, and remind me to transfer rent on the 1st", []),
    ("in the morning what do i have", []),                      # a time is no document
    ("in the meantime what should i do", []),
    ("in my work calendar what's on friday", []),               # nor another tool's store
    ("what does the email policy say about personal use", ["email", "policy"]),
    ("stick that in my calendar as well, 7pm start", []),      # dev5: "calendar as well" is no document
])
def test_the_words_that_name_the_document(query, words):
    assert named_document(query) == words


def test_a_search_that_names_it_already_or_no_document_is_left_alone(specs):
    plan = '1. search_documents(query="Lisbon itinerary Tuesday")\n2. join()<END_OF_PLAN>'
    assert search_named_document(compile_plan(plan, specs), specs, "what does the lisbon itinerary say about tuesday") is None
    plan = '1. search_documents(query="wifi password")\n2. join()<END_OF_PLAN>'
    assert search_named_document(compile_plan(plan, specs), specs, "find the wifi password in my docs") is None

