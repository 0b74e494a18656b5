"""Specification: an SVG's text is composed and checked for combining marks as the paper's own text is (verify-9
V1, the SVG part).

reportlab places no marks: a mark with no precomposed form after its letter (x + U+0304, the sample mean x̄) was
printed beside the letter in the PDF, where a browser and Word draw it over the letter. The body, the tables and
the charts refuse it (`RunMaker.marks_apart`); an SVG's `<text>` is refused by the same check, at the content line
showing the image, naming the SVG's line, in check and build, in both languages; a mark that composes (e + U+0301)
is drawn as one character.
"""

from __future__ import annotations

import subprocess

import pytest

from conftest import write_doc
from refusals import Case
from test_svg import WHERE, shows, svg

MEAN = svg('<rect width="10" height="10"/>\n<text x="5" y="50" font-size="12">mean x&#x304; n&#x308;</text>',
           'width="200" height="100"')
SAID = ("image `figures/a.svg`, line 3: the drawing's text contains 'x' + U+0304 COMBINING MACRON, which no "
        "single character writes: the PDF would print the mark beside its letter, not over it")
CASES = [Case("svg-mark-apart", shows(MEAN), SAID, WHERE, args=("--format", "pdf")),
         Case("svg-mark-apart-zh", shows(MEAN), SAID, WHERE, args=("--format", "pdf", "--lang", "zh"))]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_mark_apart_in_an_svg_text_is_refused_at_its_line(refuse, case):
    said = refuse(case)
    assert "'n' + U+0308 COMBINING DIAERESIS" in said, said


def test_a_mark_that_composes_is_drawn_as_one_character(tmp_path):
    from ccdocs.build import build

    drawing = svg('<text x="5" y="50" font-size="12">Cafe&#x301; prix</text>', 'width="200" height="100"')
    pdf, = build([write_doc(tmp_path / "doc", shows(drawing))], tmp_path / "out", ["en"], ("pdf",))
    read = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Caf\u00e9" in read and "e\u0301" not in read, read
