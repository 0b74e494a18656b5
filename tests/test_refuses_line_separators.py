"""U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR in a paragraph (breaks-5 #12): Markdown reads neither as
a line end, so they stayed in the text and were refused as a character "none of the fonts holds" ("name a font
that has it"). They are refused as the line break they are, at their line and column, typed or as a number, in
the source and in a translation.
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_refuses_catalogs import SECOND, catalog, msgstr, po, zh
from test_refuses_markdown import line, report

SEPARATOR = "in the text: a line break inside the paragraph, which Markdown does not read as one and no font draws"

CASES = [
    Case("paragraph", report("First line\u2028second line."), f"a line separator U+2028 {SEPARATOR}",
         line(1) + ":11"),
    Case("paragraph-separator-item", report("- one\u2029two"), "a paragraph separator U+2029 in the text", line(1) + ":6"),
    Case("heading", report("## Head\u2028ing"), "a line separator U+2028", line(1) + ":8"),
    Case("entity", report("A &#x2028; B"), "a line separator U+2028", line(1) + ":3"),
    Case("decimal-entity", report("A &#8233; B"), "a paragraph separator U+2029", line(1) + ":3"),
    Case("cell", report("| a | b |", "|---|---|", "| 1 | x\u2028y |"), "a line separator U+2028", line(3) + ":8"),
    zh("translation", po(catalog(translated={SECOND: "第二\u2028段。"})), "a line separator U+2028", msgstr(SECOND)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_line_separator_refused(refuse, case):
    output = refuse(case)
    assert "none of the fonts" not in output
