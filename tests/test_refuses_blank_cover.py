"""Specification: a cover text of nothing but invisible characters is refused as an empty one is (verify-10 V1).

document.yaml's `title: {en: ""}` was refused at its line, but a title of U+E0100 VARIATION SELECTOR-17, U+1D173 or
U+200B ZERO WIDTH SPACE alone passed `check` and printed no title on the cover. The printed texts document.yaml
gives (`title`, `venue`, `author`; one text, or one a language) are held to the test a paragraph is held to
(`parse.visible.shows`): one of white space and invisible characters only is refused at its line, naming them.
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_refuses_yaml import DOC, TITLE, doc

CASES = [
    Case("title-en-ivs", doc(TITLE, r'title: {en: "\U000E0100", zh: 甲}'),
         "`title.en` holds only U+E0100 VARIATION SELECTOR-17: the cover would print no title", f"{DOC}:10"),
    Case("title-en-zwsp", doc(TITLE, r'title: {en: "\u200b", zh: 甲}'),
         "`title.en` holds only U+200B ZERO WIDTH SPACE: the cover would print no title", f"{DOC}:10"),
    Case("title-zh-musical", doc(TITLE, r'title: {en: Report, zh: " \U0001D173"}'),
         "`title.zh` holds only U+1D173 MUSICAL SYMBOL BEGIN BEAM", f"{DOC}:10"),
    Case("title-one-text-joiner", doc(TITLE, r'title: "\u2060\u200b"'),
         "`title` holds only U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER", f"{DOC}:10"),
    Case("venue-zwsp", doc("venue: Geneva", r'venue: "\u200b"'),
         "`venue` holds only U+200B ZERO WIDTH SPACE: the cover would print no venue", f"{DOC}:4"),
    Case("author-en-hangul-filler", doc(TITLE, TITLE + "\n" + r'author: {en: "\u3164", zh: 秘书处}'),
         "`author.en` holds only U+3164 HANGUL FILLER: the cover would print no author", f"{DOC}:11"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_cover_text_of_invisible_characters_is_refused_at_its_line(refuse, case):
    refuse(case)
