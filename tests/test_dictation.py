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


def test_a_time_put_right_within_the_request_is_read_as_put_right():
    from tinyagent.nodes.rules.corrections import self_corrected

    assert self_corrected("Can you put Emma's piano recital in the calendar for Thursday at 6, no wait, sorry, it's at "
                          "6:30pm") == "Can you put Emma's piano recital in the calendar for Thursday at 6:30pm"
    assert self_corrected("put a budget workshop on friday starting at 9 no make that 9 30") == (
        "put a budget workshop on friday starting at 9:30")
    assert self_corrected("um remind me on the 23rd, no wait the 22nd, to pick up the turkey from the butcher") == (
        "um remind me on the 22nd, to pick up the turkey from the butcher")
    # "scratch that" before a time is the time put right, not the request taken back
    assert self_corrected(spoken_punctuation("zoom link for budget sign off on Friday at three, scratch that, Friday at "
                                             "two thirty")) == "zoom link for budget sign off on Friday at two thirty"
    assert self_corrected("text sarah that i mean it") == "text sarah that i mean it"


def test_the_request_read_is_the_one_put_right(tmp_path):
    query, _ = split_request([HumanMessage("remind me to call mum at 5, no wait, at 6")])
    assert query == "remind me to call mum at 6"
