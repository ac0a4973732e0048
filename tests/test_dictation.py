"""Punctuation said aloud to a phone's dictation is written as marks before the request is read and planned."""

from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage

from tinyagent.nodes.request.dictation import spoken_punctuation
from tinyagent.nodes.retrieve import split_request


def test_said_marks_are_written():
    # convdev11's dictated requests: the reply lost its words, the note its items
    assert spoken_punctuation("reply to the email from thursday comma the invoice one comma say thank you full stop "
                              "I will transfer the money before the 20th full stop") == (
        "reply to the email from thursday, the invoice one, say thank you. I will transfer the money before the 20th.")
    assert spoken_punctuation("make a note called Q1 priorities comma hire a second tester comma ship 2.1") == (
        "make a note called Q1 priorities, hire a second tester, ship 2.1")
    assert spoken_punctuation("tell him thanks full stop and ask if the hotel has parking question mark") == (
        "tell him thanks. And ask if the hotel has parking?")


def test_words_that_are_marks_only_when_dictated_stay_otherwise():
    assert spoken_punctuation("remind me about the notice period of the lease") == (
        "remind me about the notice period of the lease")
    assert spoken_punctuation("note colon cancer screening friday") == "note colon cancer screening friday"
    # with a said comma, "period" and "colon" are marks too
    assert spoken_punctuation("text tom colon running late comma sorry period") == "text tom: running late, sorry."


def test_the_request_and_earlier_turns_are_read_with_the_marks():
    messages = [HumanMessage("email sarah comma say hi"), AIMessage("Saved email to Sarah."),
                HumanMessage("text him as well that he should come on friday comma lunch is on me")]
    query, context = split_request(messages)
    assert query == "text him as well that he should come on friday, lunch is on me"
    assert "User: email sarah, say hi" in context


def test_words_taken_back_with_scratch_that_are_left_out():
    # convdev11: "text marcus comma no scratch that text priya ..." texted Marcus
    assert spoken_punctuation("text marcus comma no scratch that text priya that the review moved to friday") == (
        "text priya that the review moved to friday")
    assert spoken_punctuation("scratch that") == "scratch that"  # nothing left: as said
