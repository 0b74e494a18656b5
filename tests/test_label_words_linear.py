"""A label word typed beside a cross-reference (`第[](#x)段`, `paragraph [](#x)`) is looked for in the spaces and
the word next to each reference, not in the whole text before it (verify-11 V1: a msgstr of 150,000 `[](#a)`,
0.9 MB, took `check` hours, each reference's text before it sliced and searched whole; a word of letters 300,000
long before one reference, some 15 minutes, the pattern trying it from each of its letters)."""

from __future__ import annotations

import pytest

from bounded import within
from ccdocs.i18n.checkers import Entry, label_words_around
from ccdocs.l10n.catalog import Catalog
from ccdocs.transforms.references import doubled, label_words

MANY = 150_000


def _around(translation: str) -> list[str]:
    return label_words_around(Entry("report ¶2", "See [](#a).", translation, "zh"))


def test_a_translation_of_many_references_is_checked_in_time_linear_in_it():
    said = within(lambda: _around("见" + "[](#a)" * MANY + "第[](#a)段。"), 60, f"{MANY} references checked")
    assert said == ["report ¶2: `第` is typed beside `[](#a)`, whose label prints it already: write `[](#a)` alone "
                    "(`[](#a)` prints the whole label)"]


def test_a_long_word_before_a_reference_is_read_once():
    words = label_words(Catalog.load("en"))
    assert within(lambda: doubled("a" * 300_000 + ".", " see", words), 60, "a long word read") == ""
    assert within(lambda: doubled("x" + "paragraph" * 30_000, "", words), 60, "a long word read") == ""


@pytest.mark.parametrize("lang,text,start,end,word", [
    ("en", "see paragraph\u00a0[](#a) and [](#b).", 14, 20, "paragraph"),
    ("en", "see paragraph\u00a0[](#a) and [](#b).", 25, 31, ""),
    ("en", "in Tables\n[](#a)", 10, 16, "Tables"),
    ("en", "in [](#a) Chapter", 3, 9, ""),
    ("zh", "该方法见第 [](#a)，及[](#b) 段。", 6, 12, "第"),
    ("zh", "该方法见第 [](#a)，及[](#b) 段。", 14, 20, "段"),
    ("zh", "见[](#a)和[](#b)。", 8, 14, ""),
])
def test_the_word_beside_a_reference_in_a_text_is_found_at_its_place(lang, text, start, end, word):
    assert text[start:end].startswith("[](#")
    assert doubled(text, text, label_words(Catalog.load(lang)), start, end) == word
