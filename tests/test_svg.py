"""SVG images as untrusted input (sources/svg.py): a drawing made of itself alone, its embedded bitmaps within a
plain raster's bounds, drawn by svglib without a part lost or changed, and not a line of the libraries' own on the
terminal.

What svglib and CairoSVG would drop (a reference to a file, an embedded kind other than PNG or JPEG), a bitmap
beyond a raster's bounds (one, or all together as drawn), and each report svglib makes of a part it cannot draw
as written are refused at the content line showing the image, by `build` and `check`, the SVG named, the command
printing our lines only. A drawing with a valid embedded bitmap and harmless reports builds in both languages and
formats, the bitmap drawn in the PDF, nothing printed on stderr.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image as PILImage

from conftest import REPORT, run_ccdocs, write_doc
from refusals import Case, write_files
from translated import fill_catalog

LINE = len(REPORT.splitlines()) + 2          # the line after REPORT and a blank line
WHERE = f"content/report.md:{LINE}"
OURS = re.compile(r"^(\S+:\d+(:\d+)?: error: .*|\d+ errors?; nothing was written\.)$")


def svg(body: str, size: str = 'width="100" height="100"', extra: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {extra} {size}>\n'
            f"{body}\n</svg>\n")


def bitmap(size=(4, 4), mode="RGB", fmt="PNG") -> bytes:
    out = io.BytesIO()
    PILImage.new(mode, size).save(out, fmt)
    return out.getvalue()


def turned_jpeg() -> bytes:
    """A photograph its Exif orientation turns a quarter (tag 0x0112 = 6), as a camera held upright saves it."""
    exif = PILImage.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    PILImage.new("RGB", (8, 4)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def corrupt_exif_jpeg() -> bytes:
    """A JPEG whose Exif block ends before its first entry (Pillow warns `Corrupt EXIF data` reading it)."""
    data = bitmap((8, 8), fmt="JPEG")
    block = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x05" + b"\xff" * 40
    return data[:2] + b"\xff\xe1" + (len(block) + 2).to_bytes(2, "big") + block + data[2:]


def embedded(data: bytes, mime: str = "image/png", attrs: str = 'width="50" height="50"') -> str:
    return f'<image {attrs} xlink:href="data:{mime};base64,{base64.b64encode(data).decode()}"/>'


def shows(drawing: str, **files) -> dict:
    return {"content/report.md": REPORT + "\n![A chart](figures/a.svg)\n", "figures/a.svg": drawing, **files}


LEFT_OUT = "which is left out: an SVG figure is drawn from itself alone"
REFUSED = [
    # a reference svglib and CairoSVG leave out: the picture would lose a part silently
    Case("file-beside", shows(svg('<image width="5" height="5" href="b.png"/>'), **{"figures/b.png": bitmap()}),
         f"image `figures/a.svg`, line 2: `<image>` refers to `b.png`, {LEFT_OUT}", WHERE),
    Case("file-url", shows(svg('<image width="5" height="5" xlink:href="file:///etc/b.png"/>')), LEFT_OUT, WHERE),
    Case("absolute", shows(svg('<image width="5" height="5" xlink:href="/etc/b.png"/>')), LEFT_OUT, WHERE),
    Case("web", shows(svg('<image width="5" height="5" href="https://example.org/b.png"/>')), LEFT_OUT, WHERE),
    Case("use-of-a-file", shows(svg('<use xlink:href="parts.svg#a"/>')), "`<use>` refers to `parts.svg#a`", WHERE),
    Case("embedded-gif", shows(svg(embedded(bitmap(fmt="GIF"), "image/gif"))),
         "embeds `data:image/gif;base64,", WHERE),
    Case("embedded-svg", shows(svg('<image width="5" height="5" href="data:image/svg+xml;base64,PHN2Zy8+"/>')),
         "only a base64 PNG or JPEG bitmap is", WHERE),
    # an embedded bitmap meets a plain raster's bounds, before a library decodes it
    Case("embedded-48-megapixels", shows(svg(embedded(bitmap((8000, 6000), "1")))),
         "embeds a bitmap that has more than 40 million pixels (8000 × 6000)", WHERE),
    Case("embedded-not-what-it-says", shows(svg(embedded(bitmap(), "image/jpeg"))),
         "embeds a bitmap said to be JPEG that holds PNG", WHERE),
    Case("embedded-truncated", shows(svg(embedded(bitmap((300, 300))[:-40]))),
         "embeds a bitmap that is not a readable PNG file", WHERE),
    Case("embedded-wider-than-cairo", shows(svg(embedded(bitmap((33000, 10), "1")))),
         "a side is at most 32,767 pixels", WHERE),
    Case("embedded-turned-photograph", shows(svg(embedded(turned_jpeg(), "image/jpeg"))),
         "embeds a photograph turned by its Exif orientation", WHERE),
    Case("embedded-together", shows(svg("<defs>" + embedded(bitmap((5000, 3000), "1"), attrs='id="b" width="9"')
                                        + '</defs>' + '<use xlink:href="#b"/>' * 3)),
         "embeds have more than 40 million pixels together", WHERE),
    # what svglib reports it cannot draw as written
    Case("percent-size", shows(svg('<rect width="10" height="10"/>', 'width="100%" height="100%"')),
         "svglib, which draws it in the PDF, says “Unable to resolve percentage unit", WHERE),
    Case("transform", shows(svg('<rect width="10" height="10" transform="rotate(abc)"/>')),
         "“Unable to parse transform expression 'rotate(abc)'”", WHERE),
    Case("colour", shows(svg('<rect width="10" height="10" fill="notacolour"/>')),
         "“Can't handle color: notacolour”", WHERE),
    # a colour svglib (PDF) and CairoSVG (the DOCX's picture) draw otherwise: CSS Color 4 (an internal error in
    # CairoSVG), an alpha part (see-through in the PDF, opaque in the DOCX), hsl() (black in the DOCX)
    Case("colour-css4", shows(svg('<rect width="10" height="10"\n fill="rgb(255 0 0 / 50%)"/>')),
         "image `figures/a.svg`, line 3: the colour `fill: rgb(255 0 0 / 50%)` is not one the PDF (svglib) and the "
         "Word document (CairoSVG) draw alike", WHERE),
    Case("colour-alpha", shows(svg('<rect width="10" height="10" fill="#ff000080"/>')), "`fill: #ff000080`", WHERE),
    Case("colour-rgba-rule", shows(svg('<style>\n.a { stroke: rgba(255, 0, 0, 0.5) }\n</style>')),
         "line 3: the colour `stroke: rgba(255, 0, 0, 0.5)`", WHERE),
    Case("colour-hsl-stop", shows(svg('<linearGradient id="g"><stop offset="0" stop-color="hsl(0, 100%, 50%)"/>'
                                      '</linearGradient>')), "`stop-color: hsl(0, 100%, 50%)`", WHERE),
    Case("clip-path", shows(svg('<rect width="10" height="10" clip-path="url(#none)"/>')),
         "“Unable to find a clipping path with id none”", WHERE),
    # what svglib leaves out without a word (sources.svg.UNDRAWN): at the SVG's own line of it
    Case("mask", shows(svg('<mask id="m"><rect width="5" height="5" fill="white"/></mask>\n'
                           '<rect width="10" height="10" mask="url(#m)"/>')),
         "image `figures/a.svg`, line 2: svglib, which draws the PDF, cannot draw a `<mask>`", WHERE),
    Case("marker", shows(svg('<path d="M0 0L9 9" stroke="black"\n style="marker-end: url(#m)"/>')),
         "line 3: svglib, which draws the PDF, cannot draw the `marker-end` property (`marker-end: url(#m)`)", WHERE),
    Case("marker-element", shows(svg('<marker id="m"><path d="M0 0L2 1L0 2z"/></marker>')),
         "cannot draw a `<marker>` (an arrowhead or a dot on a line)", WHERE),
    Case("filter", shows(svg('<filter id="f"><feGaussianBlur stdDeviation="2"/></filter>')),
         "cannot draw a `<filter>`", WHERE),
    Case("filter-in-a-style-rule", shows(svg('<style>\n.a { fill: red }\n.b { filter: url(#f) }\n</style>')),
         "line 4: svglib, which draws the PDF, cannot draw the `filter` property", WHERE),
    Case("foreign-object", shows(svg('<foreignObject width="9" height="9"><p xmlns="http://www.w3.org/1999/xhtml">'
                                     'Hi</p></foreignObject>')), "cannot draw a `<foreignObject>`", WHERE),
    Case("text-path", shows(svg('<path id="p" d="M0 9H90"/><text><textPath href="#p">Along</textPath></text>')),
         "cannot draw a `<textPath>` (text along a path)", WHERE),
    Case("pattern-fill", shows(svg('<pattern id="p" width="4" height="4"><path d="M0 0L4 4" stroke="black"/>'
                                   '</pattern><rect width="10" height="10" fill="url(#p)"/>')),
         "cannot draw a `<pattern>` fill", WHERE),
    Case("gradient-stroke", shows(svg('<linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
                                      '\n<rect width="10" height="10" stroke="url(#g)"/>')),
         "line 3: svglib, which draws the PDF, cannot draw a gradient or pattern stroke", WHERE),
    Case("opacity", shows(svg('<rect width="10" height="10" opacity="0.4"/>')),
         "cannot draw a see-through `opacity` (printed opaque) (`opacity: 0.4`)", WHERE),
    Case("fill-from-a-file", shows(svg('<rect width="10" height="10" style="fill:url(parts.svg#g)"/>')),
         "line 2: `fill: url(parts.svg#g)` refers to another file, which is left out", WHERE),
    Case("css-import", shows(svg('<style>@import url(chart.css);</style><rect width="10" height="10" class="a"/>')),
         "cannot draw a CSS `@import` rule", WHERE),
    # what an element passed over holds (breaks-6 #2): CairoSVG applies a `<style>` wherever it stands and draws
    # what any element holds, in the Word document's picture; svglib neither, in the PDF
    Case("style-in-metadata", shows(svg('<metadata><style xmlns="http://www.w3.org/2000/svg">rect { fill: #FF0000 }'
                                        '</style></metadata>\n<rect width="10" height="10" fill="#1F4E79"/>')),
         "image `figures/a.svg`, line 2: a `<style>` inside `<metadata>` (line 2): CairoSVG, which draws the Word "
         "document's picture, applies its rules", WHERE),
    Case("import-in-title", shows(svg('<rect width="10" height="10"/>\n<title>T\n<style>@import url("data:text/css,'
                                      'rect{fill:red}");</style></title>')),
         "line 4: a `<style>` inside `<title>` (line 3)", WHERE),
    Case("shape-in-desc", shows(svg('<rect width="10" height="10" fill="#1F4E79"/>\n<desc>A box\n'
                                    '<rect width="5" height="10" fill="#FF0000"/></desc>')),
         "image `figures/a.svg`, line 4: a `<rect>` inside `<desc>` (line 3): CairoSVG, which draws the Word "
         "document's picture, draws it; svglib, which draws the PDF, does not", WHERE),
    Case("text-in-another-namespace", shows(svg('<rect width="10" height="10"/>\n<i:foo xmlns:i="http://www.inkscape.'
                                                'org/namespaces/inkscape"><g><text x="1" y="9">SECRET</text></g></i:foo>')),
         "line 3: a `<g>` inside `<i:foo>` (line 3)", WHERE),
    Case("shape-in-desc-drawn-by-use", shows(svg('<defs><g id="x">\n<desc>d<rect width="9" height="9" fill="red"/>'
                                                 '</desc></g></defs>\n<use href="#x"/>')),
         "line 3: a `<rect>` inside `<desc>` (line 3): CairoSVG, which draws the Word document's picture, draws it",
         WHERE),  # under `<defs>`, but drawn by the `<use>` of its group
    Case("style-of-another-type", shows(svg('<rect width="10" height="10" fill="#1F4E79"/>\n<style type="text/foo">'
                                            'rect { fill: #FF0000 }</style>')),
         "image `figures/a.svg`, line 3: a `<style type=\"text/foo\">`: svglib, which draws the PDF, applies its "
         "rules; CairoSVG, which draws the Word document's picture, does not, nor do Word and browsers", WHERE),
    Case("important-rule", shows(svg('<style>\nrect { stroke: none;\nfill: #FF0000 !important }</style>\n'
                                     '<rect width="10" height="10" style="fill: #1F4E79"/>')),
         "image `figures/a.svg`, line 4: `fill: … !important` in a `<style>` rule: CairoSVG, which draws the Word "
         "document's picture, ranks it above the element's own style, as CSS does; svglib, which draws the PDF, "
         "does not (leave `!important` out, and give the element the value itself)", WHERE),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_refused_at_the_image_line(refuse, case):
    assert "figures/a.svg" in refuse(case)


# what svglib draws (its renderNode and applyStyleOnShape), as a chart program saves it: all of it accepted
DRAWN = ('<defs><linearGradient id="lg" x2="1"><stop offset="0" stop-color="#1F4E79"/><stop offset="1" '
         'stop-color="#9DC3E6"/></linearGradient><radialGradient id="rg"><stop offset="0" stop-color="red"/>'
         '<stop offset="1" stop-color="white"/></radialGradient><clipPath id="c"><rect width="200" height="100"/>'
         '</clipPath><symbol id="tick"><line x2="4" stroke="black"/></symbol></defs>\n'
         '<style>.axis { stroke: #444; stroke-width: 0.8; stroke-dasharray: 2 1 }</style>\n'
         '<title>A chart</title><desc>Bars</desc>\n'
         '<g clip-path="url(#c)" style="fill-opacity: 0.9; marker: none; filter: none" opacity="1">'
         '<rect x="120" y="10" width="20" height="80" fill="url(#lg)" fill-opacity="1"/><circle cx="170" cy="30" '
         'r="10" fill="url(#rg)" fill-opacity="1"/><path class="axis" d="M110 90H200" marker-end="none"/>'
         '<polyline points="110,80 150,40" stroke="red" fill="none"/><use href="#tick" x="110" y="90"/>'
         '<text x="110" y="98" font-size="6" fill-opacity="1">Ratio <tspan font-weight="bold">%</tspan></text></g>\n')


def test_a_drawing_with_an_embedded_bitmap_builds_quietly_with_the_bitmap_drawn(tmp_path):
    """The minimal document (en, zh) showing an SVG that embeds a 30 × 20 PNG (its base64 broken over lines) and a
    JPEG with a corrupt Exif block (on which Pillow warns, in svglib and in CairoSVG), holds what svglib draws
    (DRAWN: gradient fills, a clipping path, a `<style>` rule, text with a `<tspan>`, `<use>` of a `<symbol>`, an
    opacity of 1 and markers and filters of `none`) and a hyperlink, is sized in
    percent of its viewBox and says it was made by an old Inkscape (a report svglib makes, harmless): the command
    prints its outputs' paths and nothing else. Run as a command, as the user runs it (under
    pytest, its logging plugin would catch what svglib logs)."""
    folder = write_doc(tmp_path / "doc", None)
    data = base64.b64encode(bitmap((30, 20))).decode()
    drawing = svg(DRAWN + f'<a href="https://www.wipo.int"><rect width="100" height="50" fill="#1F4E79"/></a>'
                  f'<image x="10" y="60" width="60" height="40" xlink:href="data:image/png;base64,{data[:20]}\n'
                  f'{data[20:]}"/>' + embedded(corrupt_exif_jpeg(), "image/jpeg", 'x="100" width="8" height="8"'),
                  'width="100%" height="100%" viewBox="0 0 200 100"',
                  'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="0.91 r13725"')
    write_files(folder, shows(drawing))
    fill_catalog(folder, {"A chart": "图表"})
    done = run_ccdocs("build", folder, "--out", tmp_path / "out")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    made = [Path(line) for line in done.stdout.splitlines()]
    assert sorted(p.suffix for p in made) == [".docx", ".docx", ".pdf", ".pdf"]
    for path in made:
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                images = [image for page in pdf.pages for image in page.images]
            assert sorted(image["srcsize"] for image in images) == [(8, 8), (30, 20)], path   # the bitmaps, drawn
            assert path.read_bytes().count(b"/ShadingType") >= 2, path                 # the two gradients, drawn
        else:
            with zipfile.ZipFile(path) as package:
                assert any(n.endswith(".svg") for n in package.namelist()), path

    write_files(folder, shows(svg('<rect width="10" height="10"/>', 'width="100%" height="100%"')))
    checked = run_ccdocs("check", folder)
    assert checked.returncode == 1
    assert "Unable to resolve percentage unit" in checked.stderr
    assert [line for line in checked.stderr.splitlines() if not OURS.match(line)] == []


# what svglib does not draw and the old deny list (UNDRAWN) did not name: accepted, silently lost in the PDF while
# the DOCX (Word, LibreOffice, CairoSVG's fallback) showed it. The allow list refuses each at the SVG's own line.
GRADIENT = '<linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/>' \
           '</linearGradient>\n'
NOT_ALLOWED = [
    Case("animate", shows(svg('<rect width="10" height="10">\n<animate attributeName="x" to="9" dur="1s"/></rect>')),
         "line 3: svglib, which draws the PDF, cannot draw an animation `<animate>`", WHERE),
    Case("set", shows(svg('<rect width="10" height="10"><set attributeName="fill" to="red"/></rect>')),
         "cannot draw an animation `<set>`", WHERE),
    Case("paint-order", shows(svg('<text x="1" y="9" stroke="white" style="paint-order: stroke">Hi</text>')),
         "line 2: svglib, which draws the PDF, cannot draw the `paint-order` property (`paint-order: stroke`)", WHERE),
    Case("mix-blend-mode", shows(svg('<rect width="10" height="10" style="mix-blend-mode: multiply"/>')),
         "cannot draw the `mix-blend-mode` property (`mix-blend-mode: multiply`)", WHERE),
    Case("gradient-text", shows(svg(GRADIENT + '<text x="1" y="9" fill="url(#g)">Hi</text>')),
         "line 3: svglib, which draws the PDF, cannot draw a gradient fill on text (`fill: url(#g)`)", WHERE),
    Case("gradient-text-inherited", shows(svg(GRADIENT + '<g style="fill: url(#g)">\n<rect width="5" height="5"/>'
                                              '<text x="1" y="9">Hi <tspan>there</tspan></text></g>')),
         "line 4: svglib, which draws the PDF, cannot draw a gradient fill on text", WHERE),
    Case("gradient-text-rule", shows(svg(GRADIENT + '<style>\nrect { fill: red }\n.t { fill: url(#g) }\n</style>'
                                         '<text class="t" x="1" y="9">Hi</text>')),
         "line 5: svglib, which draws the PDF, cannot draw a gradient fill on text, from this style rule", WHERE),
    Case("text-path-svg2", shows(svg('<text><tspan>On <textPath path="M0 9H90">a path</textPath></tspan></text>')),
         "cannot draw a `<textPath>` (text along a path)", WHERE),
    Case("tref", shows(svg('<text id="t" x="1" y="9">Hi</text><text x="1" y="20"><tref href="#t"/></text>')),
         "cannot draw a `<tref>` (text copied from another element)", WHERE),
    Case("writing-mode", shows(svg('<text x="9" y="1" writing-mode="tb-rl">縦書き</text>')),
         "cannot draw the `writing-mode` property (`writing-mode: tb-rl`)", WHERE),
    Case("text-decoration", shows(svg('<text x="1" y="9" style="text-decoration: underline">Hi</text>')),
         "cannot draw the `text-decoration` property (`text-decoration: underline`)", WHERE),
    Case("letter-spacing", shows(svg('<text x="1" y="9" letter-spacing="2">Hi</text>')),
         "cannot draw the `letter-spacing` property (`letter-spacing: 2`)", WHERE),
    Case("font-shorthand", shows(svg('<text x="1" y="9" style="font: bold 10px sans-serif">Hi</text>')),
         "cannot draw the `font` property (`font: bold 10px sans-serif`)", WHERE),
    Case("opacity-percent", shows(svg('<rect width="10" height="10" fill-opacity="50%"/>')),
         "cannot draw the `fill-opacity` property (`fill-opacity: 50%`)", WHERE),
    Case("title-in-text", shows(svg('<text x="1" y="9"><title>Tooltip</title>Hi</text>')),
         "svglib, which draws the PDF, prints the words of a `<title>` inside a `<text>`", WHERE),
    Case("other-namespace-shape", shows(svg('<x:rect xmlns:x="urn:example" width="10" height="10"/>')),
         "draws `<rect>`, an element of another namespace, as an SVG `<rect>`", WHERE),
    Case("gradient-transform", shows(svg(GRADIENT.replace('id="g"', 'id="g" gradientTransform="rotate(90)"')
                                         + '<rect width="10" height="10" fill="url(#g)"/>')),
         'cannot draw a transformed gradient (`gradientTransform="rotate(90)"`)', WHERE),
    Case("rotated-letters", shows(svg('<text x="1" y="9" rotate="0 30 60">Hi</text>')),
         'cannot draw letters turned one by one (`rotate="0 30 60"`)', WHERE),
    Case("baseline-shift-style", shows(svg('<text x="1" y="9">m<tspan style="baseline-shift: super">2</tspan></text>')),
         "cannot draw a `baseline-shift` in a style (`baseline-shift: super`): it reads the attribute only", WHERE),
    Case("hidden-use", shows(svg('<rect id="r" width="10" height="10"/><use href="#r" x="20" display="none"/>')),
         "draws a `<use>` hidden by `display: none` all the same", WHERE),
    Case("clip-text", shows(svg('<clipPath id="c"><text y="9">Hi</text></clipPath>'
                                '<rect width="10" height="10" clip-path="url(#c)"/>')),
         "cannot draw a clipping path made of a `<text>`", WHERE),
    Case("unknown-element", shows(svg('<hatch id="h" pitch="4"/>')), "cannot draw a `<hatch>` element", WHERE),
    Case("stop-colour-rule", shows(svg('<style>\nstop { stop-color: red }\n</style>' + GRADIENT.replace(
        ' stop-color="red"', '') + '<rect width="10" height="10" fill="url(#g)"/>')),
         "line 3: svglib, which draws the PDF, cannot draw a `stop-color` in a style rule", WHERE),
]


@pytest.mark.parametrize("case", NOT_ALLOWED, ids=lambda case: case.id)
def test_what_svglib_does_not_draw_is_refused_whatever_it_is(refuse, case):
    assert "figures/a.svg" in refuse(case)


SAVED = Path(__file__).parent / "svg"   # drawings as programs save them: matplotlib 3.11 (made by it), Inkscape 1.3's
                                        # form (written after it: namedview, RDF metadata, its style properties)


@pytest.mark.parametrize("name, words", [("matplotlib-bars-paths.svg", []),
                                         ("matplotlib-bars-text.svg", ["Resources (millions of francs)", "2024"]),
                                         ("matplotlib-pie.svg", []), ("inkscape-style.svg", ["Sector total"])])
def test_drawings_as_programs_save_them_are_accepted_and_drawn(name, words):
    """Passed over: comments, `<metadata>` (RDF), `sodipodi:namedview`, vendor properties; accepted at the values
    svglib draws as: `paint-order: markers fill stroke`, `letter-spacing: 0px`, `writing-mode: lr-tb`, normal font
    variants, `stroke-dashoffset: 0`, the miter limit. The text the drawing holds is in the PDF svglib makes."""
    from pypdf import PdfReader
    from reportlab.graphics import renderPDF

    from ccdocs.sources.svg import drawing, read_svg

    data = (SAVED / name).read_bytes()
    size = read_svg(name, data)
    assert all(isinstance(side, float) for side in size), size
    text = PdfReader(io.BytesIO(renderPDF.drawToString(drawing(data)))).pages[0].extract_text()
    assert all(word in text for word in words), text


@pytest.mark.parametrize("held", [
    '<defs><font id="f"><glyph unicode="a"><path d="M0 0 L10 10"/></glyph></font></defs>',  # SVG 1.1's glyph outline
    '<defs><desc>d<rect width="20" height="20" fill="#FF0000"/></desc></defs>',
    '<symbol id="s"><desc>d<rect width="20" height="20" fill="#FF0000"/></desc></symbol>',
])
def test_what_a_passed_over_element_holds_under_defs_is_passed_over_unless_referenced(held):
    """CairoSVG draws nothing under `<defs>`, a symbol or a gradient but what a reference draws (refused on 2fad2c2:
    'a `<path>` inside `<font>` … CairoSVG … draws it')."""
    import cairosvg

    from ccdocs.sources.svg import read_svg

    drawing = svg(held + '<rect width="5" height="5" fill="#0000FF"/>')
    assert read_svg("a.svg", drawing.encode()) == (75.0, 75.0)
    png = PILImage.open(io.BytesIO(cairosvg.svg2png(bytestring=drawing.encode()))).convert("RGBA")
    assert png.getpixel((15, 15))[3] == 0 and png.getpixel((2, 2))[2] == 255  # the held rect not drawn, the blue one


def test_what_no_renderer_draws_is_passed_over():
    """A script (neither Word nor svglib runs one), a view, an SVG font (Word draws the text in a font of its own,
    as svglib does), a description: passed over with what they hold; a script's words inside a `<text>` are not."""
    from ccdocs.sources.svg import read_svg

    passed = svg('<script>document.title = "x"</script><view id="v" viewBox="0 0 9 9"/><desc>A bar</desc>'
                 '<defs><font id="f"><font-face font-family="Plan"/><glyph unicode="a" d="M0 0H9"/></font></defs>'
                 '<text x="1" y="9" font-family="Plan">a</text>')
    assert read_svg("a.svg", passed.encode()) == (75.0, 75.0)
    said = read_svg("a.svg", svg('<text x="1" y="9"><script>x()</script>a</text>').encode())
    assert "prints the words of a `<script>` inside a `<text>`" in said[0]


# a drawing's hyperlinks: the Word document embeds the SVG as it is (Word follows its links), so each is held to the
# paper's own rule for a link (an http(s) address with a host, or mailto), at the `<a>`'s line of the SVG
LINKS = [
    Case("link-javascript", shows(svg('<a xlink:href="javascript:alert(1)">\n<rect width="9" height="9"/></a>')),
         "image `figures/a.svg`, line 2: a link to `javascript:alert(1)`: a link in a paper goes to an http(s) or "
         "mailto address", WHERE),
    Case("link-file", shows(svg('<rect width="9" height="9"/>\n<a href="file:///etc/passwd"><text y="9">Hi</text>'
                                '</a>')), "line 3: a link to `file:///etc/passwd`", WHERE),
    Case("link-in-text", shows(svg('<text y="9">See <a href=" JavaScript:x()">this</a></text>')),
         "a link to ` JavaScript:x()`", WHERE),
    Case("link-relative", shows(svg('<a href="report.html"><rect width="9" height="9"/></a>')),
         "a link to `report.html`", WHERE),
    Case("link-without-host", shows(svg('<a href="http:evil"><rect width="9" height="9"/></a>')),
         "a link to `http:evil`", WHERE),
]


@pytest.mark.parametrize("case", LINKS, ids=lambda case: case.id)
def test_a_drawing_links_where_a_paper_links(refuse, case):
    assert "write the full address" in refuse(case)


def test_web_mail_and_own_links_are_kept():
    from ccdocs.sources.svg import read_svg

    for href in ("https://www.wipo.int/about", "HTTP://wipo.int", "mailto:info@wipo.int", "#bar"):
        drawn = read_svg("a.svg", svg(f'<a xlink:href="{href}"><rect id="bar" width="9" height="9"/></a>').encode())
        assert drawn == (75.0, 75.0), (href, drawn)


# what svglib draws otherwise than a browser and Word, refused at the SVG's line with what to do
PNG_30_20 = base64.b64encode(bitmap((30, 20))).decode()
DRAWN_OTHERWISE = [
    Case("image-stretched", shows(svg(f'<image width="60" height="60" href="data:image/png;base64,{PNG_30_20}"/>')),
         "image `figures/a.svg`, line 2: `<image>` shows a bitmap of 30 × 20 pixels in a box of 60 × 60: svglib, "
         "which draws the PDF, stretches it to the box", WHERE),
    Case("image-stretched-slice", shows(svg(f'<image width="30mm" height="10mm" preserveAspectRatio="xMinYMin slice" '
                                            f'href="data:image/png;base64,{PNG_30_20}"/>')),
         "in a box of 30mm × 10mm", WHERE),
    Case("a-styled-in-text", shows(svg('<text x="1" y="9">See <a href="https://wipo.int" fill="blue">\nthis</a>'
                                       '</text>')),
         "line 2: svglib, which draws the PDF, prints the words of an `<a>` inside a `<text>` without the `<a>`'s own "
         "style (`fill`)", WHERE),
    Case("a-styled-in-text-by-a-rule", shows(svg('<style>\ntext a { fill: blue; text-decoration: none }\n</style>\n'
                                                 '<text x="1" y="9">See <a href="https://wipo.int">this</a></text>')),
         "line 3: svglib, which draws the PDF, prints the words of an `<a>` inside a `<text>` (line 5) without the "
         "style this rule gives it", WHERE),
    Case("use-hidden-by-a-rule", shows(svg('<style>\n.off { display: none }\n</style><rect id="r" width="9" '
                                           'height="9"/>\n<use class="off" href="#r" x="20"/>')),
         "line 3: svglib, which draws the PDF, draws a `<use>` (line 5) this rule hides all the same", WHERE),
    Case("tspan-hidden-by-a-rule", shows(svg('<style>#t { visibility: hidden }</style>\n'
                                             '<text x="1" y="9">A <tspan id="t">secret</tspan></text>')),
         "line 2: svglib, which draws the PDF, draws a `<tspan>` (line 3) this rule hides all the same", WHERE),
    Case("see-through-text", shows(svg('<g fill-opacity="0.5">\n<text x="1" y="9">Hi</text></g>')),
         "line 3: svglib, which draws the PDF, prints text opaque whatever its `fill-opacity: 0.5`", WHERE),
    Case("see-through-text-rule", shows(svg('<style>\n.t { fill-opacity: 0 }\n</style><text class="t" y="9">Hi'
                                            '</text>')), "line 3: svglib, which draws the PDF, cannot draw a "
         "see-through `fill-opacity` on text, from this style rule", WHERE),
    Case("g-hidden-by-a-rule", shows(svg('<style>\ng.x { display:none }\n</style>\n'
                                        '<g class="x"><text x="10" y="50">HIDDENG2</text></g>')),
         "line 3: svglib, which draws the PDF, draws a `<g>` (line 5) this rule hides all the same", WHERE),
    Case("nested-svg", shows(svg('<svg x="10" y="10" width="20" height="20" viewBox="0 0 10 10">\n'
                                 '<rect width="50" height="50"/></svg>')),
         "line 2: svglib, which draws the PDF, cannot draw a nested `<svg>` as a browser and Word do", WHERE),
]


@pytest.mark.parametrize("case", DRAWN_OTHERWISE, ids=lambda case: case.id)
def test_what_svglib_draws_otherwise_is_refused(refuse, case):
    assert "figures/a.svg" in refuse(case)


def test_what_svglib_draws_as_word_does_is_kept():
    """A bitmap in a box of its proportions, or stretched on purpose, or sized by one side; an `<a>` in a text
    styled through a `<tspan>`; a rule hiding a shape (svglib leaves it out) or styling an `<a>` outside text."""
    from ccdocs.sources.svg import read_svg

    kept = [f'<image width="{w}" height="{h}" {extra} href="data:image/png;base64,{PNG_30_20}"/>'
            for w, h, extra in (("60", "40", ""), ("60.3", "40", ""), ("60", "60", 'preserveAspectRatio="none"'),
                                ("60", "", ""))]
    kept += ['<text x="1" y="9">See <a href="https://wipo.int"><tspan fill="blue">this</tspan></a></text>',
             '<style>.off { display: none } a { fill: blue }</style><rect class="off" width="9" height="9"/>'
             '<a href="https://wipo.int"><rect width="9" height="9"/></a>',
             '<style>g.x { visibility: hidden }</style><g class="x"><rect width="9" height="9"/></g>']
    for body in kept:
        assert read_svg("a.svg", svg(body).encode()) == (75.0, 75.0), body


def test_an_svg_shown_often_is_drawn_once_a_document(tmp_path):
    """An SVG holding a bitmap, shown 4 times (once at 50%): svglib draws it, and its bitmap is decoded and
    compressed, once a document (a form XObject placed at each showing: `images.svg_form`), not at each showing;
    each showing stands at its own place and size. Counted by the drawings made (never by time), en and zh, the
    build's jobs run in this process."""
    from unittest import mock

    from ccdocs import workers
    from ccdocs.build import build
    from ccdocs.writers.pdf import svgtext

    half = '{width="50%"}'
    shown = "".join(f"\nParagraph {i}.\n\n![Picture {i}](figures/a.svg){half if i == 0 else ''}\n" for i in range(4))
    folder = write_doc(tmp_path / "doc", {"content/report.md": REPORT + shown})
    write_files(folder, {"figures/a.svg": svg(embedded(bitmap((300, 200)), attrs='width="100" height="66.667"'),
                                              'width="100" height="66.667"')})
    fill_catalog(folder, {})
    made = []
    real = svgtext.paper_drawing

    def counted(data, fonts):
        made.append(data)
        return real(data, fonts)

    with mock.patch.object(workers, "cpu_count", lambda: 1), mock.patch.object(svgtext, "paper_drawing", counted):
        pdfs = build([folder], tmp_path / "out", None, ("pdf",))
    assert len(pdfs) == 2 and len(made) == 2                                       # en, zh: not 2 × 4
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            places = {(index, round(i["top"]), round(i["width"])) for index, page in enumerate(pdf.pages)
                      for i in page.images}
        assert len(places) == 4 and len({width for *_, width in places}) == 2, places


def test_an_svg_shown_often_is_rendered_and_stored_once_in_the_docx(tmp_path):
    """verify-9 V3, the DOCX's side: the PNG fallback of an SVG was rendered by CairoSVG at each showing (0.33 s
    each, in check too) and each showing added a `vectorN.svg` part. Shown 4 times at one size: rendered once for
    both languages, one SVG part and one PNG part in each DOCX, every showing pointing at them. Counted (never
    timed), the build's jobs run in this process."""
    import zipfile
    from unittest import mock

    import cairosvg

    from ccdocs import workers
    from ccdocs.build import build

    shown = "".join(f"\nParagraph {i}.\n\n![Picture {i}](figures/a.svg)\n" for i in range(4))
    folder = write_doc(tmp_path / "doc", {"content/report.md": REPORT + shown})
    write_files(folder, {"figures/a.svg": svg('<rect width="90" height="60" fill="#1f4e79"/>',
                                              'width="100" height="66.667"')})
    fill_catalog(folder, {})
    rendered = []
    real = cairosvg.svg2png

    def counted(**kwargs):
        rendered.append(kwargs["output_width"])
        return real(**kwargs)

    with mock.patch.object(workers, "cpu_count", lambda: 1), mock.patch.object(cairosvg, "svg2png", counted):
        docs = build([folder], tmp_path / "out", None, ("docx",))
    assert len(docs) == 2 and len(rendered) <= 1, rendered                   # not 2 x 4 (none: kept earlier)
    for path in docs:
        names = zipfile.ZipFile(path).namelist()
        assert len([n for n in names if n.endswith(".svg")]) == 1, names
        assert len([n for n in names if n.startswith("word/media/") and n.endswith(".png")]) == 1, names
        body = zipfile.ZipFile(path).read("word/document.xml").decode()
        assert body.count("svgBlip") == 4
