"""A glossary term is found before the plural its text gives it, `s` or `es`, however long its last word is among the
glossary's (review-11 R8: past CROWDED terms, a text's word was read up to one letter past the longest word of a
term, so `boxes` for the term `box` among three-letter terms ended nowhere: `Two boxes here.` found nothing)."""

from __future__ import annotations

import pytest

from ccdocs.i18n.glossary import CROWDED, Term, terms_in

WORDS = ["box", "cat", "dog", "pen", "ink", "map", "cup", "hat", "jar", "key", "lid", "mug", "net", "oar", "pot", "rug",
         "saw", "tap", "urn", "van", "tax", "fee"]


@pytest.mark.parametrize(("text", "found"), [("Two boxes here.", ["box"]), ("New taxes.", ["tax"]),
                                             ("the fees", ["fee"]), ("two boxes", ["box"]), ("a box.", ["box"]),
                                             ("a boxer", [])])
def test_a_term_whose_last_word_is_the_longest_is_found_before_its_plural(text, found):
    terms = tuple(Term(word, "X", "", "glossary.csv", line) for line, word in enumerate(WORDS, start=2))
    assert len(terms) > CROWDED  # the index walks the text's words
    assert [term.source for term in terms_in(text, terms)] == found
