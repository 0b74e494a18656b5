"""Charts exported from the web (d3, Observable Plot) print as they are drawn, or are refused for what differs.

d3's examples and Observable Plot give the root `<svg>` a box in a web page: `style="max-width: 100%; height: auto;
height: intrinsic;"`, and Plot a `<style>` rule saying so again (`:where(.plot-d6a7b5) { display: block; height:
auto; height: intrinsic; max-width: 100%; }`; before Plot 0.6, `.plot { background: white; … }`). A printed figure
has no such box: ccdocs sizes it (`{width="60%"}`). Neither renderer reads a page's bounds (`max-width`) nor paints
the box's background: accepted, and drawn as without them (R14: refused as "the `max-width` property"), a background
where it is white as the paper. The box's `height: auto` (`intrinsic` …) sizes the drawing by its width and its
`viewBox`'s proportions in the page: it is printed so, in the PDF and in the Word document's picture alike
(review-13 R11: refused, as CairoSVG reads it as a height of 0 and draws nothing, and svglib fails on it). Refused:
what the page alone sizes (both sides `auto`), such a side a rule gives another element, a background of another
colour (painted by neither) and a side given as a length.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from ccdocs.sources.svg import drawing, printable, read_svg
from conftest import REPORT, ccdocs_here
from refusals import Case

BARS = '<rect x="10" y="10" width="180" height="80" fill="#4269d0"/><line x2="200" stroke="currentColor"/>'


def svg(attributes: str, body: str = BARS) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" {attributes}>\n'
            f'{body}\n</svg>\n').encode()


def shapes(node):
    """The shapes of a reportlab drawing, groups opened."""
    for part in getattr(node, "contents", None) or [node]:
        yield from (shapes(part) if hasattr(part, "contents") else [part])


def drawn(data: bytes) -> tuple:
    """What svglib draws of an SVG, as the PDF prints it (its size, its shapes' geometry and paint), and CairoSVG's
    PNG of it at that size, as the Word document's picture shows it (given the bytes the DOCX writer gives it)."""
    import cairosvg

    made = drawing(data)
    return (made.width, made.height, [sorted((k, repr(v)) for k, v in vars(shape).items()) for shape in shapes(made)],
            cairosvg.svg2png(bytestring=printable(data), output_width=round(made.width),
                             output_height=round(made.height)))


PLOT_RULE = ("<style>:where(.plot-d6a7b5) {\n  --plot-background: white;\n  display: block;\n  max-width: 100%;\n}"
             "</style>")
OLD_PLOT_RULE = "<style>\n .plot {\n display: block;\n background: white;\n max-width: 100%;\n }\n</style>"


@pytest.mark.parametrize("attributes, body", [
    ('style="max-width: 100%;"', BARS),                                                               # d3's
    ('style="max-width: 100%; min-width: 0; max-height: 80vh; min-height: 1in"', BARS),
    ('class="plot-d6a7b5"', PLOT_RULE + BARS),                                                        # Plot's
    ('class="plot"', OLD_PLOT_RULE + BARS),
    ('style="background: white; background-color: #FFFFFF; max-width: 100%"', BARS),
    ('style="max-width: 100%; height: auto; height: intrinsic;"', BARS),                             # d3's whole
    ('class="plot-d6a7b5" style="max-width: 100%; height: auto; height: intrinsic;"',                # Plot's whole
     PLOT_RULE.replace("max-width", "height: auto;\n  height: intrinsic;\n  max-width") + BARS),
    ('style="width: AUTO"', BARS),
    ('style="height: fit-content !important"', BARS),
], ids=["d3", "bounds", "plot-rule", "old-plot-rule", "white-background", "d3-height-auto", "plot-height-auto",
        "width-auto", "fit-content"])
def test_a_web_page_box_of_the_svg_prints_the_drawing_as_without_it(attributes, body):
    """Accepted, and drawn by svglib (the PDF) and CairoSVG (the Word document's picture) as without the box."""
    plain = svg('viewBox="0 0 200 100"', BARS)
    boxed = svg('viewBox="0 0 200 100" ' + attributes, body)
    assert read_svg("a.svg", boxed) == read_svg("a.svg", plain) == (150.0, 75.0)
    assert drawn(boxed) == drawn(plain)


def test_a_side_sized_from_the_content_prints_in_the_view_box_s_proportions_as_in_the_page():
    """`height: auto` in a page sizes the drawing by its width and its `viewBox`'s proportions, whatever its `height`
    attribute says (200 × 200 here, not 200 × 100): printed so; `width: auto` alike from the height; a side in other
    units kept in them (6 in wide, 3 in high)."""
    assert read_svg("a.svg", svg('viewBox="0 0 200 200" style="height: auto"')) == (150.0, 150.0)
    assert drawn(svg('viewBox="0 0 200 200" style="height: auto"')) == drawn(
        svg('viewBox="0 0 200 200"').replace(b'height="100"', b'height="200"'))
    assert read_svg("a.svg", svg('viewBox="0 0 400 100" style="width: auto"')) == (300.0, 75.0)
    inches = svg('viewBox="0 0 600 300" style="height: auto"').replace(b'width="200" height="100"',
                                                                       b'width="6in" height="4in"')
    assert read_svg("a.svg", inches) == (432.0, 216.0)
    assert b'height="3in"' in printable(inches)


def test_a_relative_width_with_a_side_sized_from_the_content_prints_in_the_view_box_s_proportions():
    """`width="100%"` and `height: auto`: the page draws the drawing as wide as its container, as high as the
    `viewBox`'s proportions make it, whatever its `height` attribute says; printed at the `viewBox`'s size, not
    letterboxed in the attributes' box (640 × 400 for a 2:1 drawing, review-14 R9). A missing width likewise."""
    relative = svg('viewBox="0 0 640 320" style="height: auto"').replace(b'width="200" height="100"',
                                                                        b'width="100%" height="400"')
    assert read_svg("a.svg", relative) == (480.0, 240.0)
    assert drawn(relative) == drawn(svg('viewBox="0 0 640 320"').replace(b'width="200" height="100"',
                                                                          b'width="640" height="320"'))
    missing = relative.replace(b'width="100%" ', b"")
    assert read_svg("a.svg", missing) == (480.0, 240.0)


def test_the_word_document_draws_a_d3_chart_with_its_height_auto_as_without_it(make_doc, tmp_path):
    """Built: the Word document's picture (its PNG fallback, CairoSVG's) is the one of the chart without its
    `height: auto`, not an empty one, and the SVG Word 2016 draws holds the drawing without it."""
    def pictures(attributes: str) -> tuple:
        folder = make_doc({"content/report.md": REPORT + "\n![A chart](figures/a.svg)\n",
                           "figures/a.svg": svg('viewBox="0 0 200 100" ' + attributes).decode()})
        out = tmp_path / attributes.count("auto").__str__()
        assert ccdocs_here("build", folder, "--lang", "en", "--format", "docx", "--out", out).returncode == 0
        with zipfile.ZipFile(next(out.glob("en/*.docx"))) as docx:
            media = {Path(name).suffix: docx.read(name) for name in docx.namelist() if name.startswith("word/media")}
        return media[".png"], media[".svg"]

    plain_png, _ = pictures('style="max-width: 100%"')
    boxed_png, boxed_svg = pictures('style="max-width: 100%; height: auto; height: intrinsic;"')
    assert boxed_png == plain_png
    assert PILImage.open(io.BytesIO(boxed_png)).convert("L").getextrema()[0] < 128      # the blue bars drawn
    assert b"auto" not in boxed_svg and b"intrinsic" not in boxed_svg
    assert read_svg("a.svg", boxed_svg) == (150.0, 75.0)


WHERE = f"content/report.md:{len(REPORT.splitlines()) + 2}"


def shows(attributes: str, body: str = BARS) -> dict:
    return {"content/report.md": REPORT + "\n![A chart](figures/a.svg)\n",
            "figures/a.svg": svg(attributes, body).decode()}


REFUSED = [
    Case("both-sides-auto", shows('viewBox="0 0 200 100" style="max-width: 100%;\n width: auto; height: auto"'),
         "image `figures/a.svg`, line 2: `width: auto` and `height: auto` leave the `<svg>`'s size to the web page "
         "around it, which a printed figure has not (leave `width: auto` out: the `<svg>`'s `width` and `viewBox` "
         "then size the figure, as in the page)", WHERE),
    Case("rule-sizes-a-shape", shows('class="plot-d6a7b5" viewBox="0 0 200 100"', PLOT_RULE.replace(
        ":where(.plot-d6a7b5)", ":where(.plot-d6a7b5), rect").replace("max-width", "height: intrinsic;\n  max-width")
        + BARS), "image `figures/a.svg`, line 5: `height: intrinsic` in this `<style>` rule sizes the `<rect>` at "
         "line 7 too: CairoSVG, which draws the Word document's picture, reads it there as a size of 0 and draws "
         "nothing of it (make the rule style the `<svg>` alone [as Observable Plot's `:where(.plot-…)` does], or "
         "leave `height: intrinsic` out)", WHERE),
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


SAVED = Path(__file__).parent / "svg"
PLOT = SAVED / "observable-plot-bars.svg"                # as Observable Plot 0.6 exports a bar chart
HEIGHTS = re.compile(r" *height: (auto|intrinsic);\n?")   # the page's box sized from the drawing


def differing(data: bytes, folder: Path) -> float:
    """The share of the pixels in which svglib's drawing of an SVG (the PDF, rasterised by poppler) and CairoSVG's
    (the Word document's picture) differ by more than a quarter of a colour channel's scale (a red printed blue is
    apart, though their greys are near)."""
    import subprocess

    import cairosvg
    from PIL import Image, ImageChops
    from reportlab.graphics import renderPDF

    renderPDF.drawToFile(drawing(data), str(folder / "pdf.pdf"))
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", folder / "pdf.pdf", folder / "pdf"], check=True)
    with Image.open(folder / "pdf.png") as pdf:
        printed = pdf.convert("RGB")
    png = cairosvg.svg2png(bytestring=printable(data), output_width=printed.width, output_height=printed.height,
                           background_color="white")
    with Image.open(io.BytesIO(png)) as picture:
        channels = ImageChops.difference(printed, picture.convert("RGB")).split()
    far = [channel.point(lambda v: 255 if v > 64 else 0) for channel in channels]
    apart = ImageChops.lighter(ImageChops.lighter(far[0], far[1]), far[2]).histogram()[255]
    return apart / (printed.width * printed.height)


def test_an_observable_plot_chart_prints_as_drawn(tmp_path):
    """Observable Plot's bar chart (its `<style>`'s `:where(.plot-…)` rules, `fill`/`stroke="currentColor"`, `<g
    aria-label>`, `font-family="system-ui, sans-serif"`, `font-variant="tabular-nums"` on the value axis, `white-space:
    pre` on every text, `stroke-opacity` grid lines, the empty `<g>` of `tip: true` filled `var(--plot-background)`,
    which paints nothing, its `height: auto` in its `style` and its rule) is accepted as exported (it was refused for
    `white-space: pre`, then `font-variant: tabular-nums`: neither renderer reads them, and the paper's faces set
    figures of one width; then for `height: auto`, review-13 R11), and svglib's drawing (the PDF) and CairoSVG's
    (the Word document's picture) differ in fewer than 2% of their pixels (the letters' shapes: the faces differ),
    and the Word document's picture is the one of the chart without its two `height` lines."""
    import cairosvg

    exported = PLOT.read_bytes()
    assert read_svg("plot.svg", exported) == (480.0, 300.0)
    assert differing(exported, tmp_path) < 0.02
    stripped = HEIGHTS.sub("", exported.decode()).encode()
    assert (cairosvg.svg2png(bytestring=printable(exported), output_width=480) ==
            cairosvg.svg2png(bytestring=stripped, output_width=480))


def test_a_d3_chart_prints_as_drawn(tmp_path):
    """A bar chart as d3's examples draw it (`style="max-width: 100%;"`, d3-axis's groups: `fill="none"`,
    `font-family="sans-serif"`, `opacity="1"` ticks, `stroke="currentColor"` domain paths and tick lines,
    `fill="currentColor"` labels, `dy="0.71em"`), no `color` anywhere: accepted, its two axes' lines and four tick
    marks stroked black in the PDF as in the Word document's picture (svglib stroked none: a3fe686), fewer than 2%
    of the pixels apart (thin lines weigh little there: hence the count)."""
    from reportlab.lib import colors

    data = (SAVED / "d3-bars.svg").read_bytes()
    assert read_svg("d3.svg", data) == (480.0, 300.0)
    assert sum(getattr(shape, "strokeColor", None) == colors.black for shape in shapes(drawing(data))) == 6
    assert differing(data, tmp_path) < 0.02


@pytest.mark.parametrize("body", [
    '<g font-variant="tabular-nums"><text x="1" y="9">1,234</text></g>',
    '<text x="1" y="9" style="font-variant-numeric: lining-nums tabular-nums">1,234</text>',
    '<style>text { white-space: pre }</style><text x="1" y="9">Staff <tspan>2025</tspan></text>',
    '<text x="1" y="9" white-space="nowrap">Staff  2025</text>',                   # collapsed, as both do
])
def test_text_properties_neither_renderer_reads_are_kept_where_they_change_nothing(body):
    assert read_svg("a.svg", svg('viewBox="0 0 200 100"', body)) == (150.0, 75.0), body


SPACES = [
    Case("pre-keeps-two-spaces", shows('viewBox="0 0 200 100"', '<style>\ntext { white-space: pre }\n</style>\n'
                                       '<text x="1" y="9">Staff  2025</text>'),
         "image `figures/a.svg`, line 5: the text “Staff  2025” holds spaces that `white-space: pre` (line 3) "
         "keeps in a browser; svglib, which draws the PDF, and CairoSVG, which draws the Word document's picture, "
         "run them into one (write one space between words and none at the text's ends [place a piece by its own "
         "`<tspan x=…>`], or leave `white-space` out)", WHERE),
    Case("css-variable", shows('viewBox="0 0 200 100"', '<g fill="var(--plot-background)">\n<rect width="9" '
                                                         'height="9"/></g>'),
         "image `figures/a.svg`, line 2: the colour `fill: var(--plot-background)` is a CSS variable, which neither "
         "svglib, which draws the PDF, nor CairoSVG, which draws the Word document's picture, reads (CairoSVG paints "
         "it black) (write the colour itself [`#rrggbb`] in place of `var(…)`)", WHERE),
    Case("small-caps", shows('viewBox="0 0 200 100"', '<text x="1" y="9" font-variant="small-caps">Staff</text>'),
         "line 2: svglib, which draws the PDF, cannot draw the `font-variant` property (`font-variant: small-caps`) "
         "(leave it out or give it `normal` or `tabular-nums`, as svglib draws it", WHERE),
]


@pytest.mark.parametrize("case", SPACES, ids=lambda case: case.id)
def test_text_properties_neither_renderer_reads_are_refused_where_they_would_show(refuse, case):
    assert "figures/a.svg" in refuse(case)


def test_a_drawing_shown_again_is_made_printable_once(make_doc, tmp_path):
    """The DOCX writer asks for the drawing's bytes at each showing (its SVG part): written out once however often
    the paper shows it (an SVG within the image bound, shown hundreds of times within the paper's drawn bound, was
    parsed at each showing), and once checked when read."""
    from unittest import mock

    from ccdocs import workers
    from ccdocs.build import build
    from ccdocs.sources import svg as module

    shown = "".join(f"\nParagraph {i}.\n\n![Chart {i}](figures/a.svg)\n" for i in range(4))
    folder = make_doc({"content/report.md": REPORT + shown,
                       "figures/a.svg": svg('viewBox="0 0 200 100" style="height: auto"').decode()})
    module.printable.cache_clear()
    calls = []
    real = module._box_printed

    def counted(root):
        calls.append(root)
        return real(root)

    with mock.patch.object(workers, "cpu_count", lambda: 1), mock.patch.object(module, "_box_printed", counted):
        assert len(build([folder], tmp_path / "out", ["en"], ("docx",), write=False)) == 1
    assert len(calls) == 2, len(calls)      # read_svg's drawing, then the DOCX's bytes
