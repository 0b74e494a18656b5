"""A text of the data that a figure prints (`{{ workforce.place }}`), translated by the catalog's `msgctxt "data"`
entry, is told at that entry's msgstr when its translation makes the paragraph unprintable (a character no font
holds, a combining mark apart from its letter), as a table text is (1759c1d). The figure's line is also the
paragraph's, whose translation covers it too: a line two translations share was told at the English paragraph's line
(`content/report.md:5`), which holds neither. Now the problem goes to the one translation holding the character it
names; a character the paragraph's own translation holds is told at the paragraph's msgstr."""

from __future__ import annotations

import pytest

from refusals import Case
from test_figure_texts import PLACE_ENTRY, TRANSLATION, files
from test_refuses_catalogs import PO

CHECK = ("check", "{doc}")


def po_line(files_: dict, text: str) -> str:
    """`content.po:N`, N the line of the catalog holding `text`."""
    lines = files_[PO].split("\n")
    return f"{PO}:{next(n for n, line in enumerate(lines, 1) if text in line)}"


def place(translation: str) -> dict:
    """The figure texts' document, the place's translation `translation`."""
    return files(PLACE_ENTRY.replace('msgstr "新楼"', f'msgstr "{translation}"'))


def paragraph(translation: str) -> dict:
    """The figure texts' document, the paragraph's translation `translation`, the place's 新楼."""
    made = files(PLACE_ENTRY)
    return {**made, PO: made[PO].replace(f'msgstr "{TRANSLATION}"', f'msgstr "{translation}"')}


EMOJI, MARK = place("新楼😀"), place("新楼x\u0304")
OWN = paragraph(TRANSLATION.replace("。", "😀。"))


@pytest.mark.parametrize("case", [
    Case("data-text-no-font", EMOJI, "content/report.md:5 (table text): paragraph 2. contains '😀' "
         "(U+1F600 GRINNING FACE), which none of the fonts holds", po_line(EMOJI, "新楼😀"), command=CHECK),
    Case("data-text-mark-apart", MARK, "content/report.md:5 (table text): paragraph 2. contains 'x' + "
         "U+0304", po_line(MARK, "新楼x"), command=CHECK),
    Case("paragraph-no-font", OWN, "content/report.md:5: paragraph 2. contains '😀'",
         po_line(OWN, "😀。"), command=CHECK),
], ids=lambda case: case.id)
def test_a_figure_s_data_text_is_told_at_the_translation_holding_the_character(refuse, case):
    assert "report.md:5:1: error" not in refuse(case)
