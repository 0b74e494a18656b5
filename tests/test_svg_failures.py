"""Specification: an SVG that svglib or reportlab fails to draw is refused naming the element (its SVG line) and
what in it cannot be drawn, in ccdocs' words, never the library's (verify-9: `cannot be drawn (_fp_one failed in
_fp_str @ src/_rl_accel.c:396 …)`, `(setDash: array=[0.0, 0.0] …)`, `(float division by zero)`, `(Empty tag
name)`).
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_svg import WHERE, shows, svg

LARGE = "a number larger than a PDF holds"
ODD = {   # id -> (the SVG's third line, the element named, what it holds)
    "stroke-width-beyond-reals": ('<rect width="10" height="10" stroke="red" stroke-width="1e400"/>', "rect", LARGE),
    "font-size-1e308": ('<text x="1" y="10" font-size="1e308">Hi</text>', "text", LARGE),
    "radius-1e39": ('<circle r="1e39" cx="5" cy="5"/>', "circle", LARGE),
    "scale-0": ('<g transform="scale(0)"><rect width="10" height="10"/></g>', "g", "a scale or size of zero"),
    "dashes-of-zero": ('<rect width="10" height="10" stroke="red" stroke-dasharray="0 0"/>', "rect",
                       "a dash pattern (`stroke-dasharray`) whose dashes and gaps are all zero"),
    "style-unread": ('<rect width="10" height="10" style="fill:red;;;:"/>', "rect", "a `style` svglib cannot read"),
}
CASES = [Case(name, shows(svg(f'<rect width="10" height="10"/>\n{line}')),
              f"image `figures/a.svg`, line 3: `<{element}>` cannot be drawn in the PDF: it holds {what}", WHERE)
         for name, (line, element, what) in ODD.items()]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_drawing_the_libraries_fail_on_is_refused_at_the_element(refuse, case):
    said = refuse(case)
    for words in ("_fp_one", "_rl_accel", "setDash", "division by zero", "Empty tag name"):
        assert words not in said, said


def test_a_malformed_svg_is_told_to_be_repaired_not_saved_as_svg():
    """newcomer-10 #12: the hint of a malformed SVG said to save the figure as PNG, JPEG or SVG, which it is."""
    from ccdocs.sources.svg import read_svg

    message, hint = read_svg("figures/a.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">')
    assert "is not well-formed SVG" in message
    assert hint == "repair it, or export the drawing again as SVG (or save it as PNG)"
