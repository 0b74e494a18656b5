"""An SVG's paints print in the PDF as the Word document's picture (CairoSVG) shows them, or are refused.

A gradient and a fill-opacity are drawn (breaks-7 #10): the SVG's form XObject carries the shadings and graphics
states its stream names, so a reader draws the gradient and the see-through fill, without a syntax error, where it
drew the black of the gradient's clip and an opaque fill.

What svglib (the PDF) paints otherwise than CairoSVG, a browser and Word is refused at its SVG line, by `build` and
`check`: a paint with a fallback (`url(#g) #00ff00`: svglib paints nothing, breaks-7 #9), a `currentColor` whose
`color` the two take from different elements (#11), a length in `em`/`ex` (svglib: 16/8 user units whatever the
font size, #12), a see-through gradient (a `stop-opacity` or a shape's `fill-opacity` below 1: reportlab's shadings
have no alpha). What both paint alike stays accepted.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from ccdocs.build import build
from conftest import REPORT, write_doc
from refusals import Case
from translated import fill_catalog

PAINTED = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#00ff00"/><stop offset="1" stop-color="#0000ff"/>
  </linearGradient></defs>
  <rect x="5" y="5" width="40" height="40" fill="url(#g)"/>
  <rect x="55" y="55" width="40" height="40" fill="#ff0000" fill-opacity="0.5"/>
</svg>"""


def near(colours: set, wanted: tuple, by: int = 30) -> bool:
    return any(all(abs(a - b) <= by for a, b in zip(colour, wanted)) for colour in colours)


def test_a_gradient_and_an_opacity_print_as_drawn(tmp_path):
    folder = write_doc(tmp_path / "doc", {"content/report.md": REPORT + "\n![A drawing](figures/a.svg)\n"})
    (folder / "figures").mkdir()
    (folder / "figures" / "a.svg").write_text(PAINTED)
    fill_catalog(folder, {})
    for pdf in build([folder], tmp_path / "out", None, ("pdf",)):
        for page in PdfReader(pdf).pages:
            for form in (page["/Resources"].get("/XObject") or {}).values():
                form = form.get_object()
                named = set(re.findall(rb"/(\w+) (gs|sh)\b", form.get_data()))
                resources = form["/Resources"]
                for name, operator in named:      # each graphics state and shading the stream names is there
                    kind = "/ExtGState" if operator == b"gs" else "/Shading"
                    assert "/" + name.decode() in resources.get(kind, {}), (name, list(resources))
        prefix = tmp_path / pdf.parent.name
        shown = subprocess.run(["pdftoppm", "-r", "36", "-png", str(pdf), str(prefix)], capture_output=True,
                               text=True, check=True)
        assert shown.stderr == ""                          # poppler: no "ExtGState 'gRLs0' is unknown"
        colours: set = set()
        for png in tmp_path.glob(f"{pdf.parent.name}-*.png"):
            with PILImage.open(png) as image:
                colours |= {colour for _, colour in image.convert("RGB").getcolors(1 << 24)}
        assert near(colours, (0, 128, 128))                # the gradient's middle, not its clip's black
        assert near(colours, (255, 128, 128)) and not near(colours, (255, 0, 0), 60)   # half red on white


WHERE = f"content/report.md:{len(REPORT.splitlines()) + 2}"      # the image's line: after REPORT and a blank line
HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">\n'


def shows(body: str) -> dict:
    return {"content/report.md": REPORT + "\n![A drawing](figures/a.svg)\n",
            "figures/a.svg": HEAD + body + "\n</svg>\n"}


REFUSED = [
    Case("fallback-paint", shows('<rect width="10" height="10"/>\n<rect width="60" height="60" fill="url(#nope) '
                                 '#00ff00"/>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a paint with a fallback (`fill: "
         "url(#nope) #00ff00`): it paints nothing, where a browser and Word paint the gradient, or the colour after "
         "it when the drawing has no such gradient (write the gradient's `url(#id)` alone, or the plain colour alone)",
         WHERE),
    Case("fallback-paint-rule", shows('<style>\n.a { fill: url(#g) none }\n</style><rect class="a" width="9" '
                                      'height="9"/>'), "line 3: svglib, which draws the PDF, cannot draw a paint "
         "with a fallback (`fill: url(#g) none`)", WHERE),
    Case("see-through-stop", shows('<linearGradient id="g"><stop offset="0" stop-color="#00ff00"/>\n<stop offset="1" '
                                   'stop-color="#0000ff" stop-opacity="0.2"/></linearGradient>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a see-through gradient stop (printed "
         "opaque) (`stop-opacity: 0.2`) (make the gradient opaque, its colours mixed with what lies behind it, or "
         "export the drawing as PNG)", WHERE),
    Case("see-through-gradient-fill", shows('<linearGradient id="g"><stop offset="0" stop-color="red"/>'
                                            '</linearGradient><g style="fill-opacity: .5">\n<rect width="9" '
                                            'height="9" fill="url(#g)"/></g>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a see-through gradient fill "
         "(`fill-opacity: .5` with `fill: url(#g)`): it prints the gradient opaque", WHERE),
    Case("see-through-gradient-rule", shows('<style>\n.a { fill-opacity: .5 }\n</style><linearGradient id="g"><stop '
                                            'offset="0" stop-color="red"/></linearGradient>\n<rect class="a" '
                                            'width="9" height="9" fill="url(#g)"/>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a see-through gradient fill "
         "(`fill-opacity: .5` with `fill: url(#g)`, the `<rect>` at line 5), from this style rule: it prints the "
         "gradient opaque (make the gradient opaque", WHERE),
    Case("see-through-gradient-rule-fill", shows('<style>\n.a { fill: url(#g) }\n</style><linearGradient id="g">'
                                                 '<stop offset="0" stop-color="red"/></linearGradient>\n<g fill-'
                                                 'opacity="0.5"><rect class="a" width="9" height="9"/></g>'),
         "line 3: svglib, which draws the PDF, cannot draw a see-through gradient fill (`fill-opacity: 0.5` with "
         "`fill: url(#g)`, the `<rect>` at line 5), from this style rule", WHERE),
    Case("current-colour-own", shows('<g>\n<rect width="40" height="40" fill="currentColor" color="#00ff00"/></g>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, paints `fill: currentColor` with the `color` of "
         "the element's parent, not with its own (`color: #00ff00`), where a browser and Word paint it with its own "
         "(write the colour itself in place of `currentColor`, or give `color` to the element giving the paint)",
         WHERE),
    Case("current-colour-own-style", shows('<rect width="40" height="40"\n style="stroke: currentColor; color: red"'
                                           '/>'), "line 3: svglib, which draws the PDF, paints `stroke: currentColor`",
         WHERE),
    Case("current-colour-own-rule", shows('<style>.k { color: #00ff00 }</style>\n<rect class="k" width="40" '
                                          'height="40" fill="currentColor"/>'),
         "line 3: svglib, which draws the PDF, paints `fill: currentColor` with the `color` of the element's parent",
         WHERE),
    Case("current-colour-between", shows('<g fill="currentColor">\n<g color="#00ff00">\n<rect width="40" '
                                         'height="40"/></g></g>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, paints what this element holds with its "
         "`color: #00ff00` where `fill: currentColor` is given at line 2; a browser and Word paint it with the "
         "`color` given there", WHERE),
    Case("em-width", shows('<rect x="20" y="20"\n width="4em" height="2em" fill="#00ff00" font-size="10"/>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a length in `em` as a browser and "
         "Word do (`width=\"4em\"`): it reads `1em` as 16 user units whatever the font size, where they read it in "
         "the element's font size (give the length in user units or px, as the drawing's other lengths)", WHERE),
    Case("ex-stroke", shows('<g font-size="10">\n<rect width="9" height="9" style="stroke-width: .5ex"/></g>'),
         "line 3: svglib, which draws the PDF, cannot draw a length in `ex` as a browser and Word do "
         "(`stroke-width: .5ex`): it reads `1ex` as 8 user units", WHERE),
    Case("em-font-size", shows('<g font-size="10">\n<text x="1" y="50" font-size="2em">Hg</text></g>'),
         "line 3: svglib, which draws the PDF, cannot draw a length in `em` as a browser and Word do "
         "(`font-size=\"2em\"`)", WHERE),
    Case("em-font-size-rule", shows('<style>\n.t { font-size: 1.5em }\n</style><text class="t" y="9">Hg</text>'),
         "line 3: svglib, which draws the PDF, cannot draw a length in `em` as a browser and Word do "
         "(`font-size: 1.5em`)", WHERE),
    Case("percent-font-size", shows('<g font-size="20">\n<text x="1" y="50" font-size="200%">Hg</text></g>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a length in `%` as a browser and "
         "Word do (`font-size=\"200%\"`): it reads `200%` as 200 user units, where they read a share of the font "
         "size the text inherits (give the length in user units or px, as the drawing's other lengths)", WHERE),
    Case("percent-stroke-width", shows('<circle cx="50" cy="50" r="20" stroke="red"\n style="stroke-width: 5%"/>'),
         "line 3: svglib, which draws the PDF, cannot draw a length in `%` as a browser and Word do (`stroke-width: "
         "5%`): it reads `5%` as 5 user units, where they read a share of the drawing's size", WHERE),
    Case("current-colour-stop", shows('<linearGradient id="g" color="#00ff00">\n<stop offset="0" stop-color='
                                      '"currentColor"/></linearGradient><rect width="9" height="9" fill="url(#g)"/>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, cannot draw a gradient stop of `currentColor` "
         "(`stop-color: currentColor`); CairoSVG (the Word document's picture), a browser and Word paint it with the "
         "`color` the stop inherits (write the colour itself in place of `currentColor` [`#rrggbb`])", WHERE),
    Case("rule-on-the-svg", shows('<style>\nsvg { fill: #ff0000 }\n</style><rect width="40" height="40"/>'),
         "image `figures/a.svg`, line 3: svglib, which draws the PDF, does not apply a `<style>` rule to the `<svg>` "
         "itself (`fill: #ff0000`); CairoSVG, which draws the Word document's picture, a browser and Word do (give "
         "the `<svg>` the property as its own attribute [`fill=\"#ff0000\"`], or give it to a `<g>` holding the "
         "drawing)", WHERE),
    Case("rule-after-its-shape", shows('<rect class="a" width="40" height="40"/>\n<style>\n.a { fill: #ff0000 }\n'
                                       '</style>'),
         "image `figures/a.svg`, line 4: svglib, which draws the PDF, does not apply this rule (`fill: #ff0000`) to "
         "the `<rect>` at line 2, which it draws before the `<style>`; CairoSVG, which draws the Word document's "
         "picture, a browser and Word do (move the `<style>` to the start of the drawing, before what it styles)",
         WHERE),
    Case("baseline-shift", shows('<text x="1" y="50" font-size="30">x\n<tspan baseline-shift="super">2</tspan></text>'),
         "image `figures/a.svg`, line 3: CairoSVG, which draws the Word document's picture, does not raise or lower "
         "text by `baseline-shift: super`; svglib, which draws the PDF, does (raise or lower the text by the "
         "`<tspan>`'s `dy`, the next one's `dy` taking it back, or turn it into paths)", WHERE),
    Case("em-tspan-of-its-own-size", shows('<text x="1" y="50" font-size="20">Hg\n<tspan dx="1em" font-size="10">'
                                           'Ab</tspan></text>'),
         "line 3: svglib, which draws the PDF, cannot draw a length in `em` as a browser and Word do (`dx=\"1em\"`): "
         "it reads `1em` in the `<text>`'s font size, not the `<tspan>`'s own", WHERE),
]


SPACED = [('fill="url( #g )"', "fill: url( #g )"), ('fill="url(#g )"', "fill: url(#g )")]


@pytest.mark.parametrize("attribute, said", SPACED, ids=["both-sides", "after"])
def test_a_reference_spaced_inside_its_parentheses_is_refused_for_what_it_is(attribute, said):
    """CairoSVG paints nothing by an attribute's `url(#g )` (a space before the `)`: checked, cairosvg 2.x), svglib
    the gradient: refused, and told so (it was told as "refers to another file", whose wrong reason a fix of
    `url('#g')`'s false refusal must not keep). `url( #g)` both paint; in a style, CSS reads `url(#g )` as `url(#g)`."""
    from ccdocs.sources.svg import read_svg

    body = ('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
            f'<rect width="9" height="9" {attribute}/>')
    told, hint = read_svg("a.svg", (HEAD + body + "\n</svg>\n").encode())   # (message, hint): refused
    assert f"`{said}`: CairoSVG, which draws the Word document's picture, finds nothing by a reference with a " \
           "space before its `)`" in told
    assert "another file" not in told and hint == "write it without spaces inside the parentheses: `url(#id)`"


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_what_svglib_paints_otherwise_is_refused_at_its_line(refuse, case):
    assert "figures/a.svg" in refuse(case)


@pytest.mark.parametrize("body", [
    '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
    '<rect width="9" height="9" fill="url(#g)"/>',
    '<rect width="9" height="9" fill="url(#nope)"/>',                        # nothing, in both
    '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
    '<rect width="9" height="9" fill="url(\'#g\')"/><rect width="9" height="9" style="fill:url(&quot;#g&quot;)"/>'
    '<rect width="9" height="9" fill="url( #g)"/>',
    # quoted, in both (was refused as another file's)
    '<linearGradient id="g"><stop offset="0" style="stop-color:#00ff00;stop-opacity:1"/></linearGradient>'
    '<g fill-opacity="0.5"><rect width="9" height="9" fill="url(#g)" fill-opacity="1"/>'
    '<rect width="9" height="9"/></g>',
    '<style>.a { fill-opacity: 1 } .b { fill-opacity: .5 }</style><linearGradient id="g"><stop offset="0" '
    'stop-color="red"/></linearGradient><g fill-opacity=".5"><rect class="a" width="9" height="9" fill="url(#g)"/>'
    '</g><rect class="b" width="9" height="9" fill="red"/>',                # opaque by its rule; a plain colour
    '<style>svg, rect { fill: #ff0000 } g.a { stroke: #00ff00 }</style><g class="a"><rect width="9" height="9"/>'
    '</g>',                                            # the rule reaches the shape itself; the group after the style
    '<g color="#00ff00"><g><rect width="9" height="9" fill="currentColor" stroke="currentColor"/></g></g>',
    '<g fill="currentColor" color="red"><rect width="9" height="9" color="#00ff00"/></g>',   # red, in both
    '<rect width="9" height="9" style="color:#000000;fill:#ff0000;stroke-width:1px;line-height:1.25em"/>',
    '<g font-size="10"><text x="1" y="9" dy="0.71em">d3 <tspan dy="-.5em" baseline-shift="baseline">axis</tspan>'
    '</text></g><rect x="0em" width="9" height="9"/>',                       # a text's places, and 0
])
def test_what_both_paint_alike_is_kept(body):
    from ccdocs.sources.svg import read_svg

    assert read_svg("a.svg", (HEAD + body + "\n</svg>\n").encode()) == (75.0, 75.0), body


def strokes(body: str, head: str = HEAD) -> list:
    """The stroke colour of each shape svglib draws of an SVG, as the PDF prints it."""
    from ccdocs.sources.svg import drawing

    def shapes(node):
        for part in getattr(node, "contents", None) or [node]:
            yield from (shapes(part) if hasattr(part, "contents") else [part])
    return [shape.strokeColor for shape in shapes(drawing((head + body + "\n</svg>\n").encode()))]


def test_a_current_colour_stroke_no_colour_names_is_drawn_black():
    """d3's and Observable Plot's axes, grid lines and rules: `stroke="currentColor"` and no `color` in the drawing.
    CairoSVG (the Word document's picture), a browser and Word stroke them black, CSS's initial `color`; svglib
    stroked nothing (its own default stroke, `none`): the PDF's chart had no axes, silently. A `color` the `<svg>`
    gives in its `style`, or a group's, still paints them."""
    from reportlab.lib import colors

    axis = '<g fill="none" stroke="currentColor"><path d="M0.5,6V0.5H90.5V6"/><line x1="1" x2="1" y2="6"/></g>'
    assert strokes(axis) == [colors.black, colors.black]
    assert strokes(axis, HEAD.replace(">", ' style="color: #00ff00">', 1)) == [colors.HexColor("#00ff00")] * 2
    assert strokes(f'<g color="#0000ff">{axis}</g>') == [colors.HexColor("#0000ff")] * 2
