"""The request read once (nodes/request/reading.py) and the one typo matcher (nodes/request/typos.py)."""

from __future__ import annotations

import pytest

from tinyagent.nodes.request.reading import Request, as_request, read_request
from tinyagent.nodes.request.typos import typo_of


def test_a_request_with_typos_is_read_as_corrected_for_what_it_asks():
    # hw-025 of the development set, with the reading retrieve gives it
    request = read_request("emial Sarah Lee the Q3 reprot", "email Sarah Lee the Q3 report")
    assert request.read == "email Sarah Lee the Q3 report"
    assert request.asks_to_attach and request.attached_file == "Q3 report"
    assert not request.asks_for_contact and not request.speaks_of_received_email
    # the words a recipient may be named by are the ones typed
    assert {"sarah", "lee", "reprot"} <= request.words
    assert "Sarah Lee" in request.spans and "Q3 report" in request.spans  # (copied from the reading too)


def test_a_request_of_two_asks_is_read_into_its_parts_and_times():
    request = read_request("Email Fatima the agenda and remind me to print copies tomorrow morning")
    assert request.parts == ("Email Fatima the agenda", "remind me to print copies tomorrow morning")
    assert request.times == ("tomorrow morning",)
    assert request.asks_to_attach and request.attached_file == "agenda"


def test_quantities_lengths_and_points_in_time_are_told_apart():
    request = read_request("Set up a zoom for the vendor call on the 5th at 3pm for 45 minutes")
    assert request.phrases == ("the 5th at 3pm", "for 45 minutes")
    assert request.times == ("the 5th at 3pm",)  # the length is no point in time
    assert {45.0, 2700.0, 0.75} <= request.lengths  # 45 minutes in minutes, seconds and hours
    tip = read_request("whats an 18% tip on 64.50")
    assert [(m.number, m.percent) for m in tip.quantities] == [(18.0, True), (64.5, False)]
    assert tip.numbers == {"18", "64.50"} and not tip.times


def test_a_forward_typed_with_a_typo_speaks_of_a_received_email_as_read():
    request = read_request("fowrard the last email to Hiroshi", "forward the last email to Hiroshi")
    assert request.speaks_of_received_email
    assert not request.asks_to_attach  # forwarding keeps the email's own files


def test_a_follow_up_reads_the_earlier_turns():
    context = "User: email Aisha the agenda\nAssistant: get_email_address(name='Aisha')"
    request = read_request("and text her too", "", context)
    assert request.earlier_words == {"email", "aisha", "the", "agenda"}
    assert "aisha" in request.named and "aisha" not in request.words
    assert "Aisha" in request.spans  # the name an earlier call looked up


def test_the_same_texts_give_the_same_reading_and_a_reading_passes_through():
    request = read_request("text priya im running 10 min late")
    assert read_request("text priya im running 10 min late") is request
    assert as_request(request) is request and as_request("text priya im running 10 min late") is request
    assert isinstance(request, Request) and request.read == request.query
    with pytest.raises(AttributeError):  # read once: a reading is never changed
        request.query = "something else"


@pytest.mark.parametrize("word, other, kw, same", [
    ("Chralotte".lower(), "charlotte", {"more_from": 5}, True),  # a swap of two letters is one edit
    ("carlota", "charlotte", {"more_from": 5}, False),  # three edits
    ("jon", "john", {}, True),
    ("jon", "jan", {"least": 5}, False),  # short words: only as written
    ("meeting", "meetign", {"least": 5, "swaps": False}, False),  # a swap is two edits without swaps
    ("meeting", "meting", {"least": 5, "swaps": False}, True),
    ("summary", "summarize", {"more_from": 6, "shorter": True, "stem": 5}, True),  # another ending
    ("summary", "summarize", {"more_from": 6, "shorter": True}, False),
    ("fidn", "find", {"least": 4}, True),  # "fidn the file syllabus"
    ("proxacrometro", "passport", {"edits": 2}, False),
])
def test_one_typo_matcher_with_its_thresholds(word, other, kw, same):
    assert typo_of(word, other, **kw) is same


def test_the_typo_matcher_takes_a_set_of_words():
    said = {"passport", "charger", "socks"}
    assert typo_of("pasport", said, edits=2) and typo_of("socks", said, least=5)
    assert not typo_of("compass", said, more_from=6, shorter=True, stem=5)
