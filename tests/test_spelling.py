"""The retrieval typo reader: unknown words become the nearest word the requests use; real words,
names and short forms stay as typed."""

import numpy as np

from tinyagent.store.spelling import Speller, edit_distance
from tinyagent.store.tool_classifier import ToolClassifier

COUNTS = {"remind": 900, "email": 800, "calendar": 500, "schedule": 300, "where": 200, "send": 700,
          "morning": 150, "meeting": 400, "sprint": 40, "the": 5000, "remnder": 12}
KNOWN = set(COUNTS) - {"remnder"} | {"print", "oven", "open", "invoice", "invite", "plumber", "number"}


def test_edit_distance_counts_a_swap_of_neighbours_as_one():
    assert edit_distance("emial", "email") == 1
    assert edit_distance("remnd", "remind") == 1
    assert edit_distance("schedual", "schedule") == 2
    assert edit_distance("abc", "abc") == 0 and edit_distance("", "abc") == 3


def test_typos_become_the_words_meant():
    sp = Speller(COUNTS, KNOWN)
    assert sp.correct("remidn me to sned the emial") == "remind me to send the email"
    assert sp.correct("put it on my calandar tmrw mornin") == "put it on my calendar tmrw morning"
    assert sp.correct("schedual a meetign") == "schedule a meeting"   # two edits in a long word


def test_real_words_names_and_short_forms_stay_as_typed():
    sp = Speller(COUNTS, KNOWN)
    # "print" is one edit from the target "sprint", but a real word; so are "oven" and "invoice"
    assert sp.correct("remind me to print the invoice and check the oven") == \
        "remind me to print the invoice and check the oven"
    # capitalised words are names; words under four letters are short forms; digits are values
    assert sp.correct("email Emial the rpt abt 2pm") == "email Emial the rpt abt 2pm"
    # only one edit for words under seven letters: "wheer" is one from "where", "whre" too, "wre" is short
    assert sp.correct("wheer whre wre") == "where where wre"
    # the requests' own typos are not targets ("remnder" is in the counts but not a real word)
    assert Speller(COUNTS, KNOWN).counts.get("remnder") is None


def test_the_classifier_keeps_its_words_and_reads_requests_with_them(tmp_path):
    clf = ToolClassifier(["a"], ["da"], np.zeros((2, 1), np.float32), np.zeros(1, np.float32),
                         np.ones((1, 1), np.float32), {w: c for w, c in COUNTS.items() if w in KNOWN},
                         sorted(KNOWN - set(COUNTS)))
    clf.save(tmp_path / "c.npz")
    again = ToolClassifier.load(tmp_path / "c.npz")
    assert again.spell_counts == clf.spell_counts and again.known_words == clf.known_words
    assert again.read("remnd me to print the invoice") == "remind me to print the invoice"
    # a classifier saved without words (an older file, or --no-spelling) reads requests as typed
    bare = ToolClassifier(["a"], ["da"], clf.weights, clf.bias, clf.together)
    bare.save(tmp_path / "bare.npz")
    assert ToolClassifier.load(tmp_path / "bare.npz").read("remnd me") == "remnd me"
