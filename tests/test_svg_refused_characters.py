"""Specification: an SVG's text is held to the characters every other source is held to (verify-10 V5).

A bidirectional override (U+202E) in an SVG's `<text>` passed: the PDF drew a stray glyph before the words and kept
U+202E in its text layer, Word printed the words clean. A paragraph, a cell, a data file refuse it
(`sources.characters`); the SVG reader asks the same check of the words each `<text>` prints (its own text, a
`<tspan>`'s and the text after one), refusing at the content line showing the image, naming the SVG's line, in
check and build, for both formats and both languages.
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_svg import WHERE, shows, svg

OVERRIDE = svg('<rect width="10" height="10"/>\n<text x="5" y="30" font-size="14">&#x202E;Approve 123</text>',
               'width="200" height="100"')
IN_TSPAN = svg('<text x="5" y="30" font-size="14">Approve\n<tspan>12&#x2066;3</tspan></text>',
               'width="200" height="100"')
AFTER_TSPAN = svg('<text x="5" y="30" font-size="14"><tspan>Approve</tspan>\n\n 1&#xE0041;23</text>',
                  'width="200" height="100"')
SAID = "the drawing's text holds a {}, which cannot stand in a document"
BIDI = "bidirectional embedding, override or isolate U+{}"
CASES = [
    Case("svg-override", shows(OVERRIDE), f"image `figures/a.svg`, line 3: {SAID.format(BIDI.format('202E'))}", WHERE),
    Case("svg-override-zh-pdf", shows(OVERRIDE), f"image `figures/a.svg`, line 3: {SAID.format(BIDI.format('202E'))}",
         WHERE, args=("--format", "pdf", "--lang", "zh")),
    Case("svg-override-docx", shows(OVERRIDE), "line 3: the drawing's text holds a bidirectional", WHERE,
         args=("--format", "docx")),
    Case("svg-isolate-in-tspan", shows(IN_TSPAN),
         f"image `figures/a.svg`, line 3: {SAID.format(BIDI.format('2066'))}", WHERE),
    Case("svg-tag-after-tspan", shows(AFTER_TSPAN), "image `figures/a.svg`, line 4: the drawing's text holds a tag "
         "character U+E0041 (invisible text) outside a flag emoji, which cannot stand in a document", WHERE),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_refused_character_in_an_svg_text_is_refused_at_its_line(refuse, case):
    refuse(case)
