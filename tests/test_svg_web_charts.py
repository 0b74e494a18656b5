"""Charts exported from the web (d3, Observable Plot) print as they are drawn, or are refused for what differs.

d3's examples and Observable Plot give the root `<svg>` a box in a web page: `style="max-width: 100%; height: auto;
height: intrinsic;"`, and Plot a `<style>` rule saying so again (`:where(.plot-d6a7b5) { display: block; height:
auto; height: intrinsic; max-width: 100%; }`; before Plot 0.6, `.plot { background: white; … }`). A printed figure
has no such box: ccdocs sizes it (`{width="60%"}`). Neither renderer reads a page's bounds (`max-width`) nor paints
the box's background: accepted, and drawn as without them (R14: refused as "the `max-width` property"), a background
where it is white as the paper. The box's `height: auto` (`intrinsic` …) is refused for what it does: CairoSVG (the
Word document's picture) reads it as a height of 0 and draws nothing of the drawing (svglib, the PDF, failed on
it); so are a background of another colour (painted by neither) and a side given as a length.
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
    """What svglib draws of an SVG, as the PDF prints it (its size, its shapes' geometry and paint), and CairoSVG's
    PNG of it at that size, as the Word document's picture shows it."""
    import cairosvg

    made = drawing(data)

    def shapes(node):
        for part in getattr(node, "contents", None) or [node]:
            yield from (shapes(part) if hasattr(part, "contents") else [part])
    return (made.width, made.height, [sorted((k, repr(v)) for k, v in vars(shape).items()) for shape in shapes(made)],
            cairosvg.svg2png(bytestring=data, output_width=round(made.width), output_height=round(made.height)))


PLOT_RULE = ("<style>:where(.plot-d6a7b5) {\n  --plot-background: white;\n  display: block;\n  max-width: 100%;\n}"
             "</style>")
OLD_PLOT_RULE = "<style>\n .plot {\n display: block;\n background: white;\n max-width: 100%;\n }\n</style>"


@pytest.mark.parametrize("attributes, body", [
    ('style="max-width: 100%;"', BARS),                                                               # d3's
    ('style="max-width: 100%; min-width: 0; max-height: 80vh; min-height: 1in"', BARS),
    ('class="plot-d6a7b5"', PLOT_RULE + BARS),                                                        # Plot's
    ('class="plot"', OLD_PLOT_RULE + BARS),
    ('style="background: white; background-color: #FFFFFF; max-width: 100%"', BARS),
], ids=["d3", "bounds", "plot-rule", "old-plot-rule", "white-background"])
def test_a_web_page_box_of_the_svg_prints_the_drawing_as_without_it(attributes, body):
    """Accepted, and drawn by svglib (the PDF) and CairoSVG (the Word document's picture) as without the box."""
    plain = svg('viewBox="0 0 200 100"', BARS)
    boxed = svg('viewBox="0 0 200 100" ' + attributes, body)
    assert read_svg("a.svg", boxed) == read_svg("a.svg", plain) == (150.0, 75.0)
    assert drawn(boxed) == drawn(plain)


WHERE = f"content/report.md:{len(REPORT.splitlines()) + 2}"


def shows(attributes: str, body: str = BARS) -> dict:
    return {"content/report.md": REPORT + "\n![A chart](figures/a.svg)\n",
            "figures/a.svg": svg(attributes, body).decode()}


AUTO_HINT = ("(leave `height: auto` out: the `<svg>`'s `width`, `height` and `viewBox` size the figure, printed at "
             "the width the image's `{width=\"…%\"}` gives)")
REFUSED = [
    Case("d3-height-auto", shows('viewBox="0 0 200 100" style="max-width: 100%; height: auto; height: intrinsic;"'),
         "image `figures/a.svg`, line 1: `height: auto` sizes the `<svg>`'s box in a web page from its `viewBox`; "
         "CairoSVG, which draws the Word document's picture, reads it as a size of 0 and draws nothing of the "
         f"drawing {AUTO_HINT}", WHERE),
    Case("plot-height-intrinsic", shows('class="plot-d6a7b5" viewBox="0 0 200 100"', PLOT_RULE.replace(
        "max-width", "height: intrinsic;\n  max-width") + BARS), "image `figures/a.svg`, line 5: `height: intrinsic` "
         "sizes the `<svg>`'s box in a web page from its `viewBox`; CairoSVG", WHERE),
    Case("a-length", shows('viewBox="0 0 200 100" style="max-width: 100%;\n width: 300px"'),
         "image `figures/a.svg`, line 2: `width: 300px` sizes the `<svg>`'s box in a web page, which a printed "
         "figure is not (give the drawing its size as the `<svg>`'s `width` and `height` attributes, with its "
         "`viewBox`)", WHERE),
    Case("a-background", shows('viewBox="0 0 200 100" style="max-width: 100%; background: #f4f4f4"'),
         "image `figures/a.svg`, line 1: `background: #f4f4f4` paints the `<svg>`'s box in a web page; neither "
         "svglib, which draws the PDF, nor CairoSVG, which draws the Word document's picture, paints it (draw the "
         "background as a `<rect>` covering the drawing, its first element)", WHERE),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_a_web_page_box_printed_otherwise_is_refused_at_its_line(refuse, case):
    assert "figures/a.svg" in refuse(case)
