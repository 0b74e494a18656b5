"""Specification: a combining mark svglib draws apart from its letter is refused, as one typed apart is (a mark in a
`<tspan>` of its own passed the check, which composed the `<text>` whole, and was printed beside its letter).

svglib draws a `<text>`'s own text, each `<tspan>`'s text and the text after each as Strings of their own, placed one
after the other: `e<tspan>&#x301;</tspan>` is drawn `e`, then U+0301 alone, which reportlab sets beside the `e`
(no GPOS). Each piece is composed alone and checked as the paper's text is, naming the piece's SVG line.
"""

from __future__ import annotations

import pytest

from conftest import write_doc
from refusals import Case, run
from test_svg import WHERE, shows, svg

APART = svg('<text x="5" y="50" font-size="12">Cafe<tspan>&#x301;</tspan> prix</text>', 'width="200" height="100"')
SAID = ("image `figures/a.svg`, line 2: the drawing's text, in a piece drawn on its own (a `<tspan>`, or the text "
        "after one) contains U+0301 COMBINING ACUTE ACCENT, which no single character writes")
CASES = [Case(f"svg-tspan-mark-{lang}", shows(APART), SAID, WHERE, args=("--format", "pdf", "--lang", lang))
         for lang in ("en", "zh")]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_mark_in_a_tspan_of_its_own_is_refused_at_its_line(refuse, case):
    assert "write a letter with its accent as one character" in refuse(case)


@pytest.mark.parametrize("body", ['Caf<tspan font-weight="bold">&#xE9;</tspan> prix',
                                  'Cafe&#x301;<tspan> prix</tspan>', "<tspan>Cafe&#x301;</tspan> prix"])
def test_a_mark_in_the_piece_of_its_letter_is_drawn_composed(tmp_path, body):
    drawing = svg(f'<text x="5" y="50" font-size="12">{body}</text>', 'width="200" height="100"')
    code, said, _ = run(["check", str(write_doc(tmp_path / "doc", shows(drawing)))])
    assert code == 0, said
