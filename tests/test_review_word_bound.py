"""The review's word diff (HTML rows and the DOCX's tracked revisions) does bounded work on a long paragraph.

A fuzzy entry's old and new English of 20,000 words each kept `ccdocs i18n review` running for over five minutes
(difflib compares every token pair). Above `review.DIFFED_PAIRS` token pairs the common words at the start and end
are kept and only the part between is compared, or shown removed and added whole when it is itself too long.
"""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from ccdocs.i18n import review
from ccdocs.i18n.review import DIFFED_PAIRS, word_changes


def words(count: int, seed: int) -> str:
    """`count` words drawn from a vocabulary of 3,000 four-letter words (the breaker's recipe)."""
    draw = random.Random(seed)
    vocabulary = ["".join(draw.choice("abcdefghij") for _ in range(4)) for _ in range(3000)]
    return " ".join(draw.choice(vocabulary) for _ in range(count))


@pytest.fixture
def compared(monkeypatch):
    """The token-list sizes word_changes hands to difflib; a pair beyond the bound fails at once."""
    sizes = []

    def bounded(junk, a, b, autojunk=True):
        sizes.append(len(a) * len(b))
        assert len(a) * len(b) <= DIFFED_PAIRS, f"{len(a)} x {len(b)} tokens compared one by one"
        return SequenceMatcher(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(review, "SequenceMatcher", bounded)
    return sizes


def test_two_unrelated_paragraphs_of_20000_words_are_shown_removed_and_added_whole(compared):
    old, new = words(20_000, 1), words(20_000, 2)
    assert word_changes(old, new) == [("delete", old), ("insert", new)]
    assert compared == []


def test_one_changed_word_in_a_20000_word_paragraph_is_marked_alone(compared):
    old = words(20_000, 3)
    head, word, tail = old.partition(old.split(" ")[10_000])
    new = head + "workforce" + tail
    assert word_changes(old, new) == [("equal", head), ("delete", word), ("insert", "workforce"), ("equal", tail)]
    assert max(compared) <= DIFFED_PAIRS


def test_a_long_paragraph_with_words_changed_in_its_middle_compares_only_that_middle(compared):
    old = words(6_000, 4).split(" ")
    new = list(old)
    for place in range(3_000, 3_100, 20):
        new[place] = "changed"
    pieces = word_changes(" ".join(old), " ".join(new))
    assert [text for kind, text in pieces if kind == "delete"] == old[3_000:3_100:20]
    assert [text for kind, text in pieces if kind == "insert"] == ["changed"] * 5
    assert "".join(text for kind, text in pieces if kind != "delete") == " ".join(new)


def test_an_ordinary_paragraph_is_compared_word_by_word_as_before():
    assert word_changes("the staff grew", "the workforce grew") == \
        [("equal", "the "), ("delete", "staff"), ("insert", "workforce"), ("equal", " grew")]
