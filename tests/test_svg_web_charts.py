"""Charts exported from the web (d3, Observable Plot) print as they are drawn, or are refused for what differs.

d3's examples and Observable Plot give the root `<svg>` a box in a web page: `style="max-width: 100%; height: auto;
height: intrinsic;"`, and Plot a `<style>` rule saying so again (`:where(.plot-d6a7b5) { display: block; height:
auto; height: intrinsic; max-width: 100%; }`; before Plot 0.6, `.plot { background: white; … }`). A printed figure
has no such box: ccdocs sizes it (`{width="60%"}`). Neither renderer reads a page's bounds (`max-width`); CairoSVG
(the Word document's picture) reads `height: auto` as 0, the `viewBox`'s side (it draws at the size ccdocs gives);
svglib (the PDF) read it as the drawing's height and failed on it. So the box is accepted where both print the
drawing as it stands without it (R14: it was refused as "the `max-width` property"), and refused where the printed
figure would differ: a side sized from a `viewBox` the `<svg>` has not (CairoSVG draws nothing), or one of other
proportions than the `<svg>`'s width and height (a browser, what the author saw, sizes it by the `viewBox`); a
rule giving a side to another element too; a background (painted by neither); a side given as a length.
"""

from __future__ import annotations

import pytest

from ccdocs.sources.svg import drawing, read_svg
from conftest import REPORT
from refusals import Case

BARS = '<rect x="10" y="10" width="180" height="80" fill="#4269d0"/><line x2="200" stroke="currentColor"/>'


def svg(attributes: str, body: str = BARS) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" {attributes}>\n'
            f'{body}\n</svg>\n').encode()


def drawn(data: bytes) -> tuple:
    """What svglib draws of an SVG, as the PDF prints it: its size and its shapes' geometry and paint."""
    made = drawing(data)

    def shapes(node):
        for part in getattr(node, "contents", None) or [node]:
            yield from (shapes(part) if hasattr(part, "contents") else [part])
    return made.width, made.height, [sorted((k, repr(v)) for k, v in vars(shape).items()) for shape in shapes(made)]


PLOT_RULE = ("<style>:where(.plot-d6a7b5) {\n  --plot-background: white;\n  display: block;\n  height: auto;\n"
             "  height: intrinsic;\n  max-width: 100%;\n}</style>")
OLD_PLOT_RULE = ("<style>\n .plot {\n display: block;\n background: white;\n height: auto;\n height: intrinsic;\n"
                 " max-width: 100%;\n }\n</style>")


@pytest.mark.parametrize("attributes, body", [
    ('viewBox="0 0 200 100" style="max-width: 100%; height: auto; height: intrinsic;"', BARS),       # d3's
    ('viewBox="0 0 200 100" style="max-width: 100%; height: auto;"', BARS),
    ('viewBox="0 0 400 200" style="width: auto; height: auto; min-width: 0; max-height: 80vh"', BARS),
    ('class="plot-d6a7b5" viewBox="0 0 200 100"', PLOT_RULE + BARS),                                 # Plot's
    ('class="plot" viewBox="0 0 200 100"', OLD_PLOT_RULE + BARS),
    ('viewBox="0 0 200 100" style="background: white; background-color: #FFFFFF; max-width: 100%"', BARS),
], ids=["d3", "d3-auto", "auto-sides", "plot-rule", "old-plot-rule", "white-background"])
def test_a_web_page_box_of_the_svg_prints_the_drawing_as_without_it(attributes, body):
    """Accepted, and svglib draws the drawing as it draws it without the box (the PDF); CairoSVG draws at the size
    ccdocs gives, into the `viewBox`, whatever the box says."""
    plain = svg('viewBox="' + attributes.split('viewBox="')[1].split('"')[0] + '"', BARS)
    assert read_svg("a.svg", svg(attributes, body)) == read_svg("a.svg", plain) == (150.0, 75.0)
    assert drawn(svg(attributes, body)) == drawn(plain)


WHERE = f"content/report.md:{len(REPORT.splitlines()) + 2}"


def shows(attributes: str, body: str = BARS) -> dict:
    return {"content/report.md": REPORT + "\n![A chart](figures/a.svg)\n",
            "figures/a.svg": svg(attributes, body).decode()}


REFUSED = [
    Case("no-viewbox", shows('style="max-width: 100%; height: auto; height: intrinsic;"'),
         "image `figures/a.svg`, line 1: `height: auto` sizes the drawing by its `viewBox`, which the `<svg>` has "
         "not: CairoSVG, which draws the Word document's picture, draws nothing of it (a side of 0), svglib, which "
         "draws the PDF, draws it at its width and height (give the `<svg>` a `viewBox` [`viewBox=\"0 0 W H\"`, W "
         "and H its width and height], or leave `height: auto` out)", WHERE),
    Case("other-proportions", shows('viewBox="0 0 400 400" style="max-width: 100%; height: auto"'),
         "image `figures/a.svg`, line 1: `height: auto` makes a browser size the drawing by its `viewBox`'s "
         "proportions (400 × 400); svglib, which draws the PDF, and CairoSVG, which draws the Word document's "
         "picture, size it by the `<svg>`'s width and height (200 × 100), the drawing centred in it (give the "
         "`<svg>` a width and height of its `viewBox`'s proportions, or leave `height: auto` out)", WHERE),
    Case("rule-other-proportions", shows('class="plot" viewBox="0 0 400 400"', OLD_PLOT_RULE + BARS),
         "line 6: `height: auto` makes a browser size the drawing by its `viewBox`'s proportions", WHERE),
    Case("rule-sizes-a-shape", shows('class="c" viewBox="0 0 200 100"', '<style>\n.c,\nrect { height: auto }\n'
                                     '</style>\n' + BARS.replace("<rect", '<rect class="c"')),
         "image `figures/a.svg`, line 4: `height: auto` sizes or paints the `<svg>`'s box in a web page, but this "
         "rule gives it to a `<rect>` (line 6) too, which CairoSVG, which draws the Word document's picture, and "
         "svglib, which draws the PDF, draw each their own way (give the rule a selector the `<svg>` alone matches "
         "[its class], or leave the property out)", WHERE),
    Case("a-length", shows('viewBox="0 0 200 100" style="max-width: 100%;\n height: 300px"'),
         "image `figures/a.svg`, line 2: `height: 300px` sizes the `<svg>`'s box in a web page, which a printed "
         "figure is not: svglib, which draws the PDF, reads it as the drawing's size, CairoSVG, which draws the "
         "Word document's picture, does not (give the drawing its size as the `<svg>`'s `width` and `height` "
         "attributes, with its `viewBox`; `height` may be `auto`, sized from the `viewBox`)", WHERE),
    Case("a-background", shows('viewBox="0 0 200 100" style="max-width: 100%; background: #f4f4f4"'),
         "image `figures/a.svg`, line 1: `background: #f4f4f4` paints the `<svg>`'s box in a web page; neither "
         "svglib, which draws the PDF, nor CairoSVG, which draws the Word document's picture, paints it (draw the "
         "background as a `<rect>` covering the drawing, its first element)", WHERE),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_a_web_page_box_printed_otherwise_is_refused_at_its_line(refuse, case):
    assert "figures/a.svg" in refuse(case)
