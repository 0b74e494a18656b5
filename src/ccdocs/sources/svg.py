"""SVG images: parsed once, checked as untrusted input, and drawn by svglib without a word of its own on the terminal.

An SVG (`sources.images` finds and reads its file) is parsed by lxml without entities or network and must be an
`<svg>` drawing made of itself alone:

- a hyperlink (`<a>`'s `href` or `xlink:href`, kept in the Word document, which embeds the SVG as it is) goes
  where a link of the paper may go: an http(s) or mailto address (or `#id` of the drawing);
- any other reference (`href` or `xlink:href` of any element but a `<script>`, which draws nothing)
  names one of its own elements (`#id`) or embeds a base64 PNG or JPEG bitmap (`data:image/png;base64,…`): a file
  (relative, absolute, `file:`, the web) or another embedded kind is refused, which svglib and CairoSVG drop (the
  picture would lose a part silently);
- each embedded bitmap meets a plain raster's bounds (`images.bitmap`: its format read from its bytes, at most
  MAX_PIXELS, Pillow's decompression-bomb check an error) and CairoSVG's (at most MAX_SIDE pixels a side), checked
  before svglib, Pillow or CairoSVG decode it; all of them together, each drawn as often as the drawing draws it,
  at most MAX_PIXELS;
- it is made of what svglib draws, an allow list read off svglib 2.3's `SvgRenderer.renderNode`, `convertText`,
  `renderGradient`, `get_clippath` and `applyStyleOnShape`: the elements of ELEMENTS (shapes, paths, text with
  `<tspan>`, groups, `<use>`, `<symbol>`, `<switch>`, clipping paths, linear and radial gradients, embedded
  bitmaps); each property of PROPERTIES at a value svglib draws as a browser or Word does (those it reads, and
  those it does not read at the value it draws as: `opacity: 1`, `letter-spacing: normal`, `paint-order` with the
  fill first ...), as a presentation attribute, in `style` or in a `<style>` rule; no attribute it leaves out at a
  value that changes the drawing (LOST_ATTRIBUTES: `gradientTransform`, `textLength`, `rotate` ...); no gradient
  fill on text, nor a see-through gradient (reportlab's shadings have no alpha); no paint with a fallback
  (`fill="url(#g) red"`: svglib paints nothing of it); no radial gradient's focal point away from its centre, nor
  a gradient's percentage, or default that is one, in user space, nor a length svglib cannot read there
  (`_gradient_geometry`); a gradient svglib reads otherwise than SVG (stops out of order or outside 0..1, geometry
  and stops taken through `xlink:href`, a filled shape's own `transform` or `clip-path`, a box that is no square)
  is drawn as SVG draws it (`rendered`, `svgpaint`); no length in `em` or `ex` but a text's places (svglib reads
  them as 16 and 8 user units whatever the font size); no
  `currentColor` whose `color` svglib and CairoSVG take from different elements, nor a stop of it; no length in `%`
  svglib reads as user units (a font size, stroke width, radius); no geometry SVG calls an error (an
  odd number of coordinates, a negative size), `visibility: collapse` nor a `baseline-shift` (CairoSVG draws none),
  which each renderer draws its own way; no `<style>` rule svglib does not apply where CairoSVG does (to the
  `<svg>` itself, or to an element before the `<style>`); of the `<svg>`'s box in a web page (d3's and Observable
  Plot's), its bounds (`max-width` …) and a white background, which neither renderer reads, and one side sized from
  its content (`height: auto`), which both are given as the page draws it (`_box_printed`), but no size in its
  `style`; a `white-space` keeping no space of the text;
  a `currentColor` no `color` names is black in both (`rendered`).
  What neither side draws is passed over: `<title>`, `<desc>`, `<metadata>` and elements of other
  namespaces (Inkscape's, RDF) with their content, comments, vendor properties (`-inkscape-…`), rendering hints.
  Anything else (an animation, `<tref>`, `mix-blend-mode`, `text-decoration`, `writing-mode` ...) is refused at
  its own line of the SVG naming it and what to do, as are a `url(…)` naming a file or never closed and a CSS
  at-rule (`@import`, `@media`: svglib skips them);
- it draws at most MAX_DRAWN elements once each `<use>` and `url(#…)` is drawn where it stands, a path's or
  polyline's points and a text's characters counted one element every PER_ELEMENT (`_weight`), and none of its
  elements holds itself through a reference: drawing costs some milliseconds an element in each language (svglib
  for the check and the PDF, CairoSVG for the Word document's picture), so the bound is one of time, set so that
  the worst drawing it accepts costs about what the worst PNG `bounds.IMAGE` accepts does (a paper's drawings
  together are bounded by `images.MOST_DRAWN`);
- svglib draws it (once, as the PDF writer will, into nothing) without reporting on its `svglib.svglib` logger
  a part it drops or changes (an unresolvable percentage or viewport size, a transform or colour it cannot read,
  a clipping path it cannot find or make, ...): each such report is a refusal; the harmless ones (HARMLESS: an
  old Inkscape file's 90 dpi, a font family replaced by a standard font) are silent. Python warnings the
  libraries give while an SVG is read or drawn (deprecations, Pillow's notes on palettes) are silent: every one
  that would mean a lost part is refused above before the libraries run.
"""

from __future__ import annotations

import base64
import binascii
import copy
import io
import logging
import re
import warnings
from contextlib import contextmanager
from functools import lru_cache
from urllib.parse import urlsplit

from ..errors import Failure
from . import characters
from .images import FORMAT_HINT, MAX_PIXELS, SIZE_HINT, Unfit, bitmap

MAX_POINTS = 14_400.0                   # an SVG's side: ISO 32000-1 annex C's largest page side (200 inches)
# an SVG's elements once each `<use>` and `url(#…)` is drawn where it stands (`_weight`). Measured (breaks-8 #1: an
# SVG of 20,000 one-segment paths, within the former 100,000, took check 60 s; 99,000 more than 120 s): over the
# budget-table fixture's build (en and zh, DOCX and PDF), 2,000 one-line `<text>`s, the costliest element a count
# (2.95 ms of CPU each; one-segment paths 2.2 ms, `<tspan>`s 1.5 ms, a clipping path's parts 1.2 ms), took 5.9-6.6 s
# more, where the worst PNG `bounds.IMAGE` accepts (2,640 × 2,640 pixels of noise) took 4.2-4.3 s more (bounds.py's
# table: +5.0 s over a check, measured 2026-12-01); a path's points cost some 0.03-0.04 ms each, a text's characters
# 0.03 ms: 40 of them count one element. The charts of tests/svg (d3, Observable Plot, matplotlib) draw 22-313
MAX_DRAWN = 2_000
# the selectors of an SVG's `<style>` rules together (a rule's selectors separated by commas, within `:is(…)` too):
# each is matched against every element by each rule check (`_matched`) and by svglib and CairoSVG (review-14 R15:
# 1,000 rules of two selectors over 1,800 `<rect>`s took 5.8 s to read, linear in the rules; some 300,000 fit in
# 20 MB). The charts of tests/svg write 1-3 (matplotlib one, Observable Plot three, d3 none); at the bound, 200
# selectors (100 rules of two) over 1,800 `<rect>`s took 1.5 s of CPU to read. Their text is bounded first, as
# tinycss2 reads it whole before a rule is counted (150,000 such rules, 6.6 MB, took 12 s up to the refusal); the
# charts of tests/svg write 80-300 characters, and 1,400 such rules (55 KB) took 0.17 s up to the selectors' refusal
MAX_SELECTORS = 200
MAX_STYLE_TEXT = 65_536                 # characters of the `<style>` elements together
MAX_DESCENDANTS = 2                     # descendant combinators in one `<style>` selector (`_backtracking`)
MAX_NESTING = 32                        # brackets nested in an SVG's CSS (`_nested_css`)
UNQUOTED_URL = re.compile(r"(?i)url\([ \t\n]*[^\s'\"][^)]*\)?")  # one token: its brackets are not counted
PER_ELEMENT = 40                        # a path's points or a text's characters counted one element (`_weight`)
MAX_SIDE = 32_767                       # an embedded bitmap's side: the largest image surface cairo makes
ORIENTATION = 0x0112                    # the Exif tag CairoSVG turns an embedded JPEG by (svglib does not)
SVG_NS = "{http://www.w3.org/2000/svg}"
HREFS = ("href", "{http://www.w3.org/1999/xlink}href")   # the references svglib and CairoSVG follow
NOT_DRAWN = {"a", "script"}             # elements whose reference is a hyperlink or a script: nothing is drawn of it
EMBEDDED = re.compile(r"data:image/(png|jpe?g);base64,")  # what svglib draws of a data URI (its own pattern)
REFERENCE = re.compile(r"""url\(\s*['"]?#([^)'"\s]+)""")  # `fill="url(#grad)"`, `mask: url('#m')`
LOGGER = "svglib.svglib"
HARMLESS = ("This SVG was created with Inkscape",       # pre-0.92 files at 90 dpi: printed ~7% larger, all of it
            "Unable to find a suitable font")           # no font file of that family: drawn in Helvetica
UNRESOLVED_SIZE = re.compile(r"Unable to resolve \w+ unit")   # svglib's reports of a `%`, `vw`... it cannot size
REDRAW_HINT = "correct that part in the program that made the drawing, or save the figure as PNG"
DRAWN_HINT = ("simplify the drawing (fewer elements; paths of fewer points: Inkscape's Path ▸ Simplify; text as "
              "fewer, longer lines), or save it as PNG at the size it prints (300 dpi)")
# a drawing whose count is most of all markers, a `<use>` of a shape placed at a point (matplotlib's scatter and line
# markers: `<use xlink:href="#m0" x=… y=…>`): drawn as one embedded bitmap (an `<image>`, counted by its pixels) the
# axes and text stay vectors
MARKERS_HINT = ("most of it are {:,} markers, a `<use>` of a shape at each point of a scatter or a line: have the "
                "program draw them as one bitmap, the axes and text staying vectors (matplotlib: `rasterized=True` "
                "in `ax.scatter(…)` or `ax.plot(…)`, then `savefig(…, dpi=300)`), or save the figure as PNG at the "
                "size it prints (300 dpi)")
BITMAP_SIZE_HINT = "embed the bitmaps at the size they print (300 dpi at most), or save the figure as PNG"
BITMAP_HINT = "embed the bitmap again, as a PNG or JPEG, from the program that made the drawing"
BITMAP_HINTS = {SIZE_HINT: BITMAP_SIZE_HINT, FORMAT_HINT: BITMAP_HINT}   # a raster's hints, for an embedded one
FLATTEN_HINT = "flatten the effect in the drawing program, or export the drawing as PNG"
PATHS_HINT = ("turn {} into paths in the drawing program (Inkscape: Path ▸ Object to Path), or export the "
              "drawing as PNG")
LEAVE_HINT = "leave it out or give it {}, as svglib draws it, or export the drawing as PNG"
SHAPES = frozenset({"line", "rect", "circle", "ellipse", "polyline", "polygon", "path", "text", "image"})
ELEMENTS = SHAPES | {"svg", "g", "defs", "a", "style", "symbol", "use", "switch", "clipPath", "linearGradient",
                     "radialGradient", "stop", "tspan"}   # renderNode's, its shapes' and renderGradient's
# drawn by no renderer of either side, passed over with their content: descriptions, a script (Word and svglib run
# none), views and cursors, SVG fonts (Word and browsers draw the text in a font of their own, as svglib does)
PASSED_OVER = frozenset({"title", "desc", "metadata", "script", "view", "cursor", "font", "font-face"})
UNHIDDEN = frozenset({"use", "svg", "a", "switch", "tspan", "symbol"})   # drawn by svglib, hidden or not
# what CairoSVG (the Word document's picture) draws nothing under (Surface.draw: `defs`, INVISIBLE_TAGS) but what a
# reference draws of it (a `<use>`'s href, a `url(#id)`)
CAIRO_UNDRAWN = frozenset({"defs", "clipPath", "filter", "linearGradient", "marker", "mask", "pattern",
                           "radialGradient", "symbol"})
# drawn by svglib though a `<style>` rule hides them, by property: it reads a `<g>`'s own `display` before applying
# the rules to it (a shape's rules are applied first; a `<g>`'s `visibility` reaches its shapes through them)
UNHIDDEN_BY_RULE = {"display": UNHIDDEN | {"g"}, "visibility": UNHIDDEN}
IN_TEXT = frozenset({"tspan", "a"})     # what a `<text>` may hold: svglib prints the words of all it holds
IN_CLIP = frozenset({"path", "rect", "circle", "ellipse", "polygon", "use"})  # get_clippath's shapes
ANIMATION = ("an animation `<{}>` (a printed figure shows one state)",
             "remove the animation, keeping the state to print")
UNDRAWN = {  # the elements svglib does not draw that a drawing program makes: (what it is, what to do)
    "mask": ("a `<mask>`", FLATTEN_HINT),
    "filter": ("a `<filter>`", FLATTEN_HINT),
    "marker": ("a `<marker>` (an arrowhead or a dot on a line)", PATHS_HINT.format("the markers")),
    "pattern": ("a `<pattern>` fill (a hatching or tiling)", FLATTEN_HINT),
    "foreignObject": ("a `<foreignObject>` (HTML in a drawing)",
                      "draw its content as SVG text and shapes, or export the drawing as PNG"),
    "textPath": ("a `<textPath>` (text along a path)", PATHS_HINT.format("the text")),
    "tref": ("a `<tref>` (text copied from another element)", "write the text in the `<text>` itself"),
    **{name: (ANIMATION[0].format(name), ANIMATION[1])
       for name in ("animate", "animateTransform", "animateMotion", "animateColor", "set")},
}
# a number's digits read one way only (`\d+\.?\d*` splits n digits n ways, each tried when what follows fails:
# quadratic in a long run of digits, and a colour's three channels the product of theirs)
DECIMAL = r"(?:\d+(?:\.\d*)?|\.\d+)"
NUMBER = rf"[+-]?{DECIMAL}([eE][+-]?\d+)?"
ZERO = r"[+-]?0*(\.0*)?(px|pt|em|%)?"
LENGTH = re.compile(rf"(\+?{DECIMAL}(?:[eE][+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex)?")  # a side's
FIGURES = "(?:tabular-nums|lining-nums)"
SPACING = ("`normal`", rf"normal|{ZERO}")
# property -> (values svglib draws as a browser and Word do, as said in a hint; their pattern), None: any value.
# Read by svglib: fill (a gradient on a shape only: `_gradient_text`), stroke, their opacities and rules, the
# stroke's width, joins, caps and dashes, the font, text-anchor, display, visibility, clip-path and clip-rule,
# stop-color and stop-opacity, color (for currentColor). Not read, at the value svglib draws as: the rest.
PROPERTIES = {
    **dict.fromkeys(("fill", "stroke-width", "stroke-dasharray", "font-family", "font-size", "font-weight",
                     "font-style", "stop-color", "color", "display"), None),
    "stroke": ("a plain colour", r"(?!url\().*"),
    **dict.fromkeys(("fill-opacity", "stroke-opacity"), ("a number (0.5, not 50%)", NUMBER)),
    "stop-opacity": ("1", r"\+?0*1(\.0*)?"),   # a shading of reportlab has no alpha: `_property` says so
    **dict.fromkeys(("fill-rule", "clip-rule"), ("`nonzero` or `evenodd`", "nonzero|evenodd")),
    "stroke-linejoin": ("`miter`, `round` or `bevel`", "miter|round|bevel"),
    "stroke-linecap": ("`butt`, `round` or `square`", "butt|round|square"),
    "text-anchor": ("`start`, `middle` or `end`", "start|middle|end"),
    "visibility": ("`visible`, `hidden` or `collapse`", "visible|hidden|collapse"),
    "clip-path": ("`url(#id)` of a `<clipPath>`", r"none|url\(\s*#[^)]*\)"),
    "baseline-shift": ("the `<tspan>`'s own attribute", None),   # read as an attribute only: `_property`
    "opacity": ("1", r"1(\.0*)?|100%"),
    "stroke-dashoffset": ("0", ZERO),
    **dict.fromkeys(("mask", "filter", "marker", "marker-start", "marker-mid", "marker-end"), ("`none`", "none")),
    **dict.fromkeys(("letter-spacing", "word-spacing"), SPACING),
    **dict.fromkeys(("text-decoration", "text-decoration-line", "text-transform", "font-size-adjust",
                     "vector-effect", "shape-inside"), ("`none`", "none")),
    **dict.fromkeys(("font-variant-ligatures", "font-variant-caps", "font-variant-east-asian",
                     "font-variant-position", "font-feature-settings", "unicode-bidi", "mix-blend-mode"),
                    ("`normal`", "normal")),
    # figures of one width and on the line (Observable Plot's axes: `tabular-nums`) are the paper's faces' own
    # (Arial, Liberation Sans, Arimo) and the fallback's, in which svglib and CairoSVG, reading neither, set them
    **dict.fromkeys(("font-variant", "font-variant-numeric"),
                    ("`normal` or `tabular-nums`", rf"normal|{FIGURES}(?:\s+{FIGURES})?")),
    # read by neither renderer, which collapse a text's spaces alike (`xml:space` apart): refused where the drawing's
    # text holds spaces a browser would keep (`_spaces`); Observable Plot's `white-space: pre` on every text
    "white-space": ("`normal`", "normal|nowrap|pre|pre-wrap|pre-line|break-spaces"),
    "font-stretch": ("`normal`", "normal|100%"),
    "writing-mode": ("`horizontal-tb`", "horizontal-tb|lr-tb|lr"),
    "direction": ("`ltr`", "ltr"),
    **dict.fromkeys(("dominant-baseline", "alignment-baseline"), ("`auto`", "auto|baseline|alphabetic")),
    "isolation": ("`auto`", "auto"),
    "inline-size": ("`auto`", r"auto|0*(\.0*)?(px)?"),
    "clip": ("`auto`", "auto"),
    "paint-order": ("the fill before the stroke", None),   # `_fill_first`
    # drawn the same whatever their value, or part of nothing svglib is given to draw (filters are refused):
    # rendering hints, interaction, SVG 1.1 text's line-height and text-align (of flowed text only), the miter
    # limit (PDF's 10 for SVG's 4: a tip on joins sharper than 29 degrees, chosen: every Inkscape file says 4)
    **dict.fromkeys(("shape-rendering", "text-rendering", "image-rendering", "color-rendering",
                     "color-interpolation", "color-interpolation-filters", "color-profile", "cursor",
                     "pointer-events", "enable-background", "flood-color", "flood-opacity", "lighting-color",
                     "line-height", "text-align", "solid-color", "solid-opacity", "stroke-miterlimit", "overflow",
                     "font-kerning", "kerning", "mask-type", "glyph-orientation-horizontal",
                     "glyph-orientation-vertical"), None),
}
# A colour svglib (the PDF) and CairoSVG (the Word document's picture) both read, opaque, as each other: a name,
# `#rgb`, `#rrggbb` or `rgb(r, g, b)` (CSS Color 4's `rgb(r g b / a)` stops CairoSVG; an alpha part, `#rrggbbaa`,
# `rgba()`, `hsla()`, is see-through in the PDF only; `hsl()` is black in the Word document's picture)
CHANNEL = rf"\s*[+-]?{DECIMAL}%?\s*"
COLOUR = re.compile(rf"(?i)[a-z]+|#[0-9a-f]{{3}}|#[0-9a-f]{{6}}|rgb\({CHANNEL},{CHANNEL},{CHANNEL}\)")
COLOURED = {"fill": re.compile(r"url\(.*"), "stroke": None, "stop-color": None, "color": None}
COLOUR_HINT = ("write it as `#rrggbb`, `rgb(r, g, b)` or a colour name, and make a colour see-through with "
               "`fill-opacity`, `stroke-opacity` or `stop-opacity`")
PRESENTATION = frozenset(PROPERTIES) | {"transform-origin", "transform-box", "text-overflow", "font"}
# attributes svglib does not read at a value that changes the drawing: element (None: any) -> (what, drawn values)
LOST_ATTRIBUTES = {
    "gradientTransform": (None, "a transformed gradient", r"\s*"),
    "spreadMethod": (None, "a gradient repeated or reflected", "pad"),
    "fr": (None, "a radial gradient's focal radius", ZERO),
    "clipPathUnits": (None, "a clipping path sized by what it clips", "userSpaceOnUse"),
    "pathLength": (None, "a path's stated length (it scales the dashes)", None),
    "textLength": (None, "text stretched to a length", None),
    "lengthAdjust": (None, "text stretched to a length", None),
    "rotate": ({"text", "tspan"}, "letters turned one by one", None),
    "viewBox": ({"symbol"}, "a `<symbol>` scaled to where it is used", None),
}
TEXT_HINT = "give the text a plain colour, or turn it into paths in the drawing program, or export it as PNG"
SEE_THROUGH_HINT = "remove text no one should see, give see-through text a paler plain colour, or export it as PNG"
FILE_URL = re.compile(r"""url\(\s*+(?!['"]?#)""")     # `fill="url(file.svg#g)"`: drawn from another file
# `url(#g )`, `url( #g )`: CairoSVG (the Word document's picture) finds no element by a reference with a space
# before its `)` and paints nothing; svglib paints the gradient. `url( #g)` and quoted, `url('#g')`: both paint it.
SPACED_URL = re.compile(r"""url\(\s*['"]?#[^)'"\s]*['"]?\s+\)""")
SPACED_HINT = "write it without spaces inside the parentheses: `url(#id)`"
PAINT_URL = re.compile(r"""url\(\s*(['"]?)#([^'"]+?)\1\s*\)""")   # svglib's _GRADIENT_URL_RE: the fill it paints
PAINT_HINT = "write the gradient's `url(#id)` alone, or the plain colour alone"
# a length in the font's size (`4em`, `.5ex`, not 0): svglib reads it as 16 (`em`) or 8 (`ex`) user units whatever
# the font size, CairoSVG, a browser and Word as the element's font size (or its half)
EM = re.compile(rf"(?<![\w.])({NUMBER})\s*(em|ex)(?![\w-])")
# attributes holding a length svglib reads, and the properties (`line-height` ... are drawn alike whatever they are)
GEOMETRY = frozenset({"x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "dx", "dy",
                      "fx", "fy"})
SIZED = GEOMETRY | {"font-size", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "baseline-shift"}
# a length in `%` svglib reads as that many user units (its reports: it knows no box to take it of; `x`, `width` ...
# are a share of the viewBox, as CairoSVG, a browser and Word read them), where the others read a share
PERCENT = re.compile(rf"(?<![\w.])({NUMBER})\s*%")
SHARES = SIZED - {"x", "y", "width", "height", "cx", "cy", "x1", "y1", "x2", "y2"}
PLACES = frozenset({"x", "y", "dx", "dy", "baseline-shift"})   # a text's: svglib reads their `em` in its font size
EM_HINT = "give the length in user units or px, as the drawing's other lengths"
SIDES = {"rect": ("width", "height"), "circle": ("r",), "ellipse": ("rx", "ry")}   # a negative one is an error
NEGATIVE = re.compile(rf"\s*-\s*(?!0*(\.0*)?(?![\d.]))({DECIMAL})")                  # `-40`, `-.5`; not `-0`
GRADIENT_OPACITY_HINT = ("make the gradient opaque, its colours mixed with what lies behind it, or export the "
                         "drawing as PNG")
SHIFT_HINT = ("raise or lower the text by the `<tspan>`'s `dy`, the next one's `dy` taking it back, or turn it "
              "into paths")
CURRENT_HINT = "write the colour itself in place of `currentColor`, or give `color` to the element giving the paint"
UNCLOSED_HINT = "close it where the reference ends: `url(#id)`"
CSS_AT_RULES = {"font-face", "charset", "namespace"}      # at-rules whose loss changes no part of the drawing
SVG_SIZE_HINT = ("give the `<svg>` a `viewBox`, or its width and height in absolute units "
                 '(`width="400" height="300"`)')
# the `<svg>`'s box in a web page (d3's and Observable Plot's `max-width: 100%`), given in its `style` or by a
# `<style>` rule: property -> (what is accepted, as said in a hint; its pattern), None: any value. Read by neither
# renderer (ccdocs sizes the figure on the page); a background is painted by neither, alike on white paper. Their
# `height: auto` (WebKit's `intrinsic` …), a side sized from the other and the `viewBox`'s proportions, is written
# out before either draws (`_box_printed`): CairoSVG reads it as a size of 0 and draws nothing of the `<svg>`,
# svglib fails on it.
BLANK = ("white, as the paper", r"(?i)white|#fff|#ffffff|transparent|none|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\)")
WEB_BOX = {**dict.fromkeys(("max-width", "min-width", "max-height", "min-height"), None),
           "background": BLANK, "background-color": BLANK}
FROM_CONTENT = "auto|intrinsic|fit-content|min-content|max-content"   # a side a browser sizes from the viewBox
BOX_SIDES = {"width": "height", "height": "width"}                      # a side of the `<svg>`, and the other
ABSOLUTE = {None: 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}  # in px
# a gradient's geometry by its kind, and what either kind takes from a gradient it links to (SVG 1.1 §13.2)
GRADIENTS = {"linearGradient": ("x1", "y1", "x2", "y2"), "radialGradient": ("cx", "cy", "r", "fx", "fy", "fr")}
SHARED = ("gradientUnits", "gradientTransform", "spreadMethod")
# the geometry of a gradient in user space whose default is a share of the drawing (CairoSVG, a browser and Word):
# (svglib's default, in user units; theirs)
USER_SHARES = {"x2": ("1 user unit", "100% of the drawing's width"),
               "cx": ("0.5 user units", "50% of the drawing's width"),
               "cy": ("0.5 user units", "50% of the drawing's height"),
               "r": ("0.5 user units", "50% of the drawing's diagonal")}


def parsed(data: bytes):
    """The root element lxml reads from an SVG's bytes: no entity resolved, no network, no huge tree, comments
    dropped (as svglib's own reader drops them). Raises lxml's XMLSyntaxError."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    return etree.fromstring(data, parser)


@contextmanager
def quiet(records: list):
    """While a drawing is read or drawn: svglib's log records at WARNING and above kept in `records`, none printed
    (nor made below WARNING: svglib then also skips listing each element's unused attributes for its debug log);
    Python's warnings silenced."""
    logger = logging.getLogger(LOGGER)
    level = logger.level

    def keep(record) -> bool:
        records.append(record)
        return False

    logger.setLevel(logging.WARNING)
    logger.addFilter(keep)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeFilter(keep)
        logger.setLevel(level)


def rendered(root, records: list, font_map=None):
    """The reportlab Drawing svglib makes of a parsed SVG (changing `root`: svglib copies what a `<use>` draws into
    it), its reports kept in `records` (`quiet`); its text in the fonts `font_map` (an svglib FontMap) names, else
    in those svglib's global map finds. The `<svg>` given no `color` attribute gets CSS's initial one, black:
    svglib paints a `currentColor` no element's `color` names with its own default, `none` for a stroke (d3's and
    Observable Plot's axes left out), where CairoSVG, a browser and Word paint it black; a `color` the `<svg>`'s
    `style` gives still comes first. Its box in a web page is printed as the page draws it (`_box_printed`). Its
    gradients are written as SVG reads them, where svglib reads them otherwise (`_gradients_linked`,
    `_stops_clamped`), and svglib's renderer paints each gradient fill in its shape's own space and box
    (`svgpaint.Renderer`)."""
    from .svgpaint import Renderer

    if root.get("color") is None:
        root.set("color", "black")
    _box_printed(root)
    _gradients_linked(root)
    _stops_clamped(root)
    with quiet(records):   # a source without a path: no file reference is resolved
        return Renderer(io.BytesIO(), font_map=font_map).render(root)


def _gradients(root) -> list:
    """The gradients of the drawing `root`, by their name without its namespace, as svglib reads them."""
    return [element for element in root.iter() if isinstance(element.tag, str)
            and element.tag.rsplit("}", 1)[-1] in GRADIENTS]


def _inherited(gradients: list) -> dict:
    """Gradient -> (attribute -> the gradient giving it, the gradient giving the stops or None) for each of
    `gradients` (the drawing's), as SVG reads them through their `href`/`xlink:href` links: each attribute of
    GRADIENTS (its own kind's, from one of its kind; SHARED from either) from the first of its chain giving it, the
    stops from the first holding any; a link to something not a gradient, or met before, ends a chain. Each
    gradient's is read once, from the one it links to: a drawing of long chains is read in a time its size bounds."""
    named = {gradient.get("id"): gradient for gradient in gradients if gradient.get("id")}
    read: dict = {}                    # gradient -> (attribute -> giver, of either kind; stops' giver)
    for start in gradients:
        chain, met, at = [], set(), start
        while at is not None and at not in read and at not in met:
            chain.append(at)
            met.add(at)
            href = next((at.get(key) for key in reversed(HREFS) if at.get(key)), "")
            at = named.get(href[1:]) if href.startswith("#") else None
        given, stops = read[at] if at in read else ({}, None)
        for gradient in reversed(chain):   # the end of the chain first, each over the one it links to
            given = {**given, **{key: gradient for key in SHARED + GRADIENTS["linearGradient"] +
                                 GRADIENTS["radialGradient"] if gradient.get(key) is not None}}
            held = any(isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "stop" for child in gradient)
            stops = gradient if held else stops
            read[gradient] = given, stops
    kinds = {gradient: gradient.tag.rsplit("}", 1)[-1] for gradient in gradients}
    return {gradient: ({key: giver for key, giver in given.items()
                        if key in SHARED or key in GRADIENTS[kinds[gradient]] and kinds[giver] == kinds[gradient]},
                       stops) for gradient, (given, stops) in read.items()}


def _gradients_linked(root) -> None:
    """Give each gradient of `root` linked to another (`xlink:href="#id"`, Inkscape's way: the stops in one, the
    geometry in another naming it) what SVG has it take from its chain, and a link to the gradient holding its
    stops alone (none where it holds its own). svglib merges a linked gradient under the one naming it with every
    value of the latter, those not written at their defaults (an inherited `gradientUnits`, `x1` … lost), and
    follows one link only (a chain of two: no stops, the shape left out of the PDF); CairoSVG, a browser and Word
    read the whole chain. The same drawing, as SVG says it, written so that svglib reads it whole."""
    linked = [(gradient, given, stops) for gradient, (given, stops) in _inherited(_gradients(root)).items()
              if any(gradient.get(key) for key in HREFS)]
    for gradient, given, stops in linked:      # each chain read before any is rewritten
        for key, giver in given.items():
            gradient.set(key, giver.get(key))
        for key in HREFS:
            gradient.attrib.pop(key, None)
        if stops is not None and stops is not gradient:
            gradient.set(HREFS[1], "#" + stops.get("id"))


def _stops_clamped(root) -> None:
    """Write each gradient stop's `offset` as SVG reads it: a number (or a percentage) within 0 and 1, and not
    below an earlier stop's (SVG 1.1 §13.2.4: an offset out of order is set to the largest before it). svglib
    passes the offsets on as written: reportlab spreads the colours over `-1`..`2`, or sorts stops out of order
    (their colours reversed), where CairoSVG, a browser and Word clamp them; an offset svglib cannot read is 0 to
    it, as written here."""
    for gradient in _gradients(root):
        least = 0.0
        for stop in gradient:
            if isinstance(stop.tag, str) and stop.tag.rsplit("}", 1)[-1] == "stop":
                offset = _gradient_number(stop.get("offset", "0").strip())
                least = min(max(least, 0.0 if offset is None else offset), 1.0)
                stop.set("offset", repr(least))



def _from_content(key: str, value: str) -> bool:
    """Whether property `key` at `value` is a side of a box sized from its content (`height: auto`, FROM_CONTENT)."""
    return key in BOX_SIDES and re.fullmatch(FROM_CONTENT, value.strip(), re.IGNORECASE) is not None


def _sized_by_content(node) -> bool:
    """Whether a tinycss2 node is a declaration of a side sized from the content (`_from_content`)."""
    import tinycss2

    return node.type == "declaration" and _from_content(node.lower_name, tinycss2.serialize(node.value))


def _box_printed(root) -> bool:
    """Write the `<svg>` `root`'s box in a web page as the page draws it, where a side of it is sized from its
    content (`height: auto`, given in its `style` or by a `<style>` rule: d3's and Observable Plot's charts), and
    say whether anything changed. The side's declaration is left out (CairoSVG, which draws the Word document's
    picture, reads it as a size of 0 and draws nothing; svglib fails on it), and the side's attribute is the other
    side's in the `viewBox`'s proportions, as a browser sizes it (`width="640" height="400" viewBox="0 0 640 320"`
    prints 640 × 320; with `width="100%"`, a relative side, both sides the `viewBox`'s own); without a `viewBox`,
    the attributes size it as they stand. `_web_sides` refuses what the page sizes otherwise (both sides, a rule
    sizing another element)."""
    import cssselect2
    import tinycss2

    sides, changed = set(), False
    declared = tinycss2.parse_declaration_list(root.get("style", ""))
    if any(_sized_by_content(node) for node in declared):
        sides.update(node.lower_name for node in declared if _sized_by_content(node))
        kept = tinycss2.serialize([node for node in declared if not _sized_by_content(node)]).strip()
        if kept:
            root.set("style", kept)
        else:
            del root.attrib["style"]
        changed = True
    wrapper = None
    for style in root.iter(SVG_NS + "style"):
        rules = tinycss2.parse_stylesheet(style.text or "")
        written = False
        for rule in (rule for rule in rules if rule.type == "qualified-rule"):
            declared = tinycss2.parse_declaration_list(rule.content)
            if not any(_sized_by_content(node) for node in declared):
                continue
            wrapper = wrapper or cssselect2.ElementWrapper.from_xml_root(root)
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:   # a selector neither renderer reads: its rule styles nothing
                selectors = []
            if any(selector.test(wrapper) for selector in selectors):
                sides.update(node.lower_name for node in declared if _sized_by_content(node))
            rule.content = [node for node in declared if not _sized_by_content(node)]
            written = True
        if written:
            style.text = tinycss2.serialize(rules)
            changed = True
    if len(sides) == 1:
        _side_from_view_box(root, *sides)
    return changed


def _px(length: str) -> tuple[float, str] | None:
    """(the length in px, its unit as written) of a side written in absolute units (`640`, `6in`), else None."""
    read = LENGTH.fullmatch(length.strip())
    return (float(read.group(1)) * ABSOLUTE[read.group(2)], read.group(2) or "") if read and \
        read.group(2) in ABSOLUTE else None


def _side_from_view_box(root, side: str) -> None:
    """Give the `<svg>` `root` its `side` (`width` or `height`) in the proportions of its `viewBox`, from the other
    side's absolute length, as a browser sizes a side given as `auto`; nothing where the `viewBox` is lacking or the
    side is already so (to 0.1%). Where the other side is relative (`width="100%"`) or missing, the page draws the
    figure the container's width and the `viewBox`'s proportions: both sides are given the `viewBox`'s (printed
    640 × 400 letterboxed for `width="100%" height="400" viewBox="0 0 640 320"`, review-14 R9; now 640 × 320)."""
    other = _px(root.get(BOX_SIDES[side]) or "")
    try:
        box = [float(number) for number in re.split(r"[\s,]+", (root.get("viewBox") or "").strip())]
    except ValueError:
        return
    if len(box) != 4 or not (box[2] > 0 and box[3] > 0):
        return
    if other is None:
        root.set("width", f"{box[2]:g}")
        root.set("height", f"{box[3]:g}")
        return
    wanted = other[0] * (box[3] / box[2] if side == "height" else box[2] / box[3])      # in px
    own = _px(root.get(side) or "")
    if own is None or abs(own[0] - wanted) > wanted / 1000:
        root.set(side, f"{wanted / ABSOLUTE[other[1] or None]:g}{other[1]}")


@lru_cache(maxsize=4)
def printable(data: bytes) -> bytes:
    """The bytes of an SVG `read_svg` accepted as CairoSVG (the Word document's picture) and Word are given them:
    as read, but where its box in a web page is sized from its content, as the page draws it (`_box_printed`:
    svglib is given the same drawing by `rendered`). Made once for a drawing the paper shows again (the same bytes
    object: its hash is kept), as the DOCX writer asks at each showing."""
    from lxml import etree

    root = parsed(data)
    if not _box_printed(root):
        return data
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)


def drawing(data: bytes, font_map=None):
    """The reportlab Drawing of an SVG's bytes that `read_svg` accepted, made quietly (as the PDF writer draws it),
    its text in the fonts `font_map` names (`rendered`)."""
    return rendered(parsed(data), [], font_map)


def read_svg(raw: str, data: bytes, drawn: list | None = None) -> tuple[float, float] | tuple[str, str]:
    """The natural (width, height) in points of the SVG image `raw` (as the content names it) whose bytes are
    `data`, or (message, hint) saying why it is refused; `drawn`, when given, receives the elements it draws as
    MAX_DRAWN counts them (for a paper's count: `images.MOST_DRAWN`)."""
    from lxml import etree

    unreadable = f"image `{raw[:80]}` is not a readable SVG drawing", FORMAT_HINT
    try:
        root = parsed(data)
    except etree.XMLSyntaxError as exc:
        return (f"image `{raw[:80]}` is not well-formed SVG: {exc.msg}",
                "repair it, or export the drawing again as SVG (or save it as PNG)")
    if root.tag != SVG_NS + "svg":
        return unreadable
    elements = list(root.iter(etree.Element))
    pixels: dict = {}
    bitmaps: dict = {}
    for element in elements:
        wrong = _reference(raw, element, pixels, bitmaps) or _nested_css(raw, element)
        if wrong:
            return wrong
    counted = _drawn(root, elements, pixels)   # the bounds first: each element's checks (`_undrawn`) cost more
    if isinstance(counted, str):
        return (f"image `{raw[:80]}` refers to itself through `#{counted}`: it would be drawn without end",
                "remove the `<use>` or `url(#…)` that names an element holding it")
    if drawn is not None:
        drawn.append(counted[0])
    if counted[0] > MAX_DRAWN:
        return (f"image `{raw[:80]}` would draw more than {MAX_DRAWN:,} elements (each `<use>` and `url(#…)` drawn "
                f"where it stands, a path's points and a text's characters counting one every {PER_ELEMENT}), or "
                "nest its `<use>` and `url(#…)` references deeper than they can be drawn: drawn in the PDF and the "
                "Word document, each takes some milliseconds a language", _drawn_hint(elements))
    if counted[1] > MAX_PIXELS:
        return (f"the bitmaps image `{raw[:80]}` embeds have more than {MAX_PIXELS // 1_000_000} million pixels "
                "together, each counted as often as it is drawn", BITMAP_SIZE_HINT)
    return _undrawn(raw, root) or _drawable(raw, root, unreadable)


def _nested_css(raw: str, element) -> tuple[str, str] | None:
    """Why the CSS `element` holds (a `<style>`'s text, a `style` attribute) is refused before any reader parses it:
    brackets nested more than MAX_NESTING deep (`:is(:is(… rect …))`: tinycss2, cssselect2 and ccdocs's own walks
    of its tokens recurse into each, and 3,000 levels in 15 KB ended the check in a RecursionError: review-14 R22).
    Counted over the text as written, a bracket in a string or comment too (charts nest two or three)."""
    css = (element.text or "") if element.tag == SVG_NS + "style" else element.get("style", "")
    if css.count("(") + css.count("[") + css.count("{") <= MAX_NESTING:
        return None
    depth = deepest = 0
    for piece in UNQUOTED_URL.split(css):  # an unquoted `url(…)` is one token, nothing nested in it (CSS Syntax §4.3.6)
        for ch in piece:
            if ch in "([{":
                depth += 1
                deepest = max(deepest, depth)
            elif ch in ")]}":
                depth = max(0, depth - 1)
    if deepest <= MAX_NESTING:
        return None
    return (f"image `{raw[:80]}`, line {element.sourceline}: its CSS nests brackets more than {MAX_NESTING} deep "
            f"({deepest}): a drawing program writes two or three", "save the drawing with its styles as attributes, "
            "or as PNG")


def _drawn_hint(elements: list) -> str:
    """What to do with a drawing of `elements` beyond MAX_DRAWN: MARKERS_HINT where its markers (a `<use>` at a point,
    `x` or `y`, of an element of the drawing) weigh more than the rest of its elements, each with what it draws
    (`_weight`: the count itself stops at the bound), else DRAWN_HINT. Each shape a marker uses is weighed once
    (a shape of 79,000 points used 400 times cost 30 s, weighed at each use: review-14 R8)."""
    ids = {element.get("id"): element for element in elements if element.get("id")}
    uses = {element: next((element.get(key) for key in HREFS if element.get(key)), "") for element in elements
            if element.tag == SVG_NS + "use" and (element.get("x") or element.get("y"))}
    markers = {use: ids[target[1:]] for use, target in uses.items() if target.startswith("#") and target[1:] in ids}
    weights = {shape: _weight(shape) for shape in set(markers.values())}  # each shape weighed once, however used
    weight = sum(1 + weights[shape] for shape in markers.values())
    rest = 0
    for element in elements:  # weighed until the rest outweighs the markers (each path's numbers read once)
        if element not in markers:
            rest += _weight(element)
            if rest >= weight:
                return DRAWN_HINT
    return MARKERS_HINT.format(len(markers))


def _drawable(raw: str, root, unreadable: tuple) -> tuple:
    """(width, height) of the drawing svglib makes of `root`, drawn once into nothing as the PDF writer will (what
    reportlab cannot write, a number beyond PDF's reals, raises here), or why it is refused."""
    from reportlab.graphics import renderPDF

    records: list = []
    try:
        made = rendered(root, records)
        if made is None or not (made.width > 0 and made.height > 0):
            return unreadable
        with quiet(records):
            renderPDF.drawToString(made)
    except Failure:            # an svglib ccdocs cannot draw with (`svgpaint.svglib_read`): no fault of the drawing
        raise
    except Exception as exc:  # noqa: BLE001 - svglib, Pillow and reportlab fail in many ways on an odd drawing
        return _failed(raw, root, exc)
    reported = [r for r in records if r.levelno >= logging.WARNING and not str(r.msg).startswith(HARMLESS)]
    if reported:
        said = " ".join(reported[0].getMessage().split())[:160]
        return (f"image `{raw[:80]}` cannot be drawn as it stands: svglib, which draws it in the PDF, says "
                f"“{said}”", SVG_SIZE_HINT if UNRESOLVED_SIZE.match(said) else REDRAW_HINT)
    if max(made.width, made.height) > MAX_POINTS:
        return (f"image `{raw[:80]}` is {made.width:g} × {made.height:g} points; a drawing is at most "
                f"{MAX_POINTS:,.0f} points (200 inches) a side", "give the `<svg>` the width and height it prints at")
    return float(made.width), float(made.height)


# what svglib or reportlab fails on, in an editor's words: (a test of the exception, what the element holds, what to
# do); the first that holds is said, else FAILED
FAILURES = (
    (lambda exc: isinstance(exc, OverflowError) or "number too large" in str(exc),
     "a number larger than a PDF holds (a size, position, stroke width or font size)",
     "give it sizes within the drawing's, or remove it"),
    (lambda exc: isinstance(exc, ZeroDivisionError),
     "a scale or size of zero (`scale(0)`, a zero matrix)",
     "remove the element (a program's hidden object), or give it a scale other than 0"),
    (lambda exc: "setDash" in str(exc),
     "a dash pattern (`stroke-dasharray`) whose dashes and gaps are all zero",
     "give `stroke-dasharray` a dash longer than zero, or leave it out for a solid line"),
    (lambda exc: "Empty tag name" in str(exc),
     "a `style` svglib cannot read (an empty declaration such as `;:`)",
     "write its `style` as `property: value` pairs separated by `;`"),
)
FAILED = ("something svglib and reportlab, which draw it in the PDF, cannot draw", REDRAW_HINT)
# elements whose content is drawn only where another element uses it (that element is named instead)
USED_ONLY = frozenset({"defs", "clipPath", "linearGradient", "radialGradient", "symbol", "style", *PASSED_OVER})


def _failed(raw: str, root, exc: Exception) -> tuple[str, str]:
    """(message, hint) for a drawing svglib or reportlab fails on with `exc`: the element it fails on, by its SVG
    line (`_culprit`), and what in it, in an editor's words (FAILURES), not the library's."""
    what, hint = next(((what, hint) for test, what, hint in FAILURES if test(exc)), FAILED)
    element = _culprit(root)
    if element is None:
        return f"image `{raw[:80]}` cannot be drawn in the PDF: it holds {what}", hint
    name = element.tag.rsplit("}", 1)[-1]
    return (f"image `{raw[:80]}`, line {element.sourceline}: `<{name}>` cannot be drawn in the PDF: it holds {what}",
            hint)


def _culprit(root):
    """The first drawn element, in the drawing's order, with which the drawing fails to draw (a shape, a `<text>`
    whole, a `<use>`, a `<g>` whose own transform fails: any element but the `<svg>`, a text's parts and what is
    drawn only where it is used), None when the drawing without them fails too. Found by halving: the drawing cut
    after its first k drawn elements is drawn for log2(n) values of k (a copy each time: svglib changes what it
    draws), only for a drawing that fails."""
    def drawn(tree) -> list:
        return [element for element in tree.iter(SVG_NS + "*")
                if element is not tree and element.tag.rsplit("}", 1)[-1] not in USED_ONLY
                and not any(a.tag.rsplit("}", 1)[-1] in USED_ONLY or a.tag == SVG_NS + "text"
                            for a in element.iterancestors())]

    def fails(kept: int) -> bool:
        tree = copy.deepcopy(root)
        for element in drawn(tree)[kept:]:
            element.getparent().remove(element)
        try:
            from reportlab.graphics import renderPDF

            records: list = []
            made = rendered(tree, records)
            with quiet(records):
                renderPDF.drawToString(made)
        except Exception:  # noqa: BLE001 - as `_drawable`
            return True
        return False

    elements = drawn(root)
    if not elements or fails(0):
        return None
    good, bad = 0, len(elements)     # the drawing cut after `good` elements draws, after `bad` fails
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (good, middle) if fails(middle) else (middle, bad)
    return elements[bad - 1]


def _reference(raw: str, element, pixels: dict, bitmaps: dict) -> tuple[str, str] | None:
    """Why the reference `element` makes (its `href`) is refused, or None: a `#id` of the drawing, or an embedded
    bitmap within bounds, whose pixel count `pixels` then keeps by element. `bitmaps`: what `_embedded` said of each
    data URI checked so far (each is checked once however often it stands)."""
    target = next((element.get(key) for key in HREFS if element.get(key) is not None), None)
    name = element.tag.rsplit("}", 1)[-1]
    if name == "a" and target is not None:
        return _link(raw, element.sourceline, target)
    if target is None or target.startswith("#") or name in NOT_DRAWN:
        return None
    at = f"image `{raw[:80]}`, line {element.sourceline}: `<{name}>`"
    embedded = EMBEDDED.match(target)
    if embedded is None:
        if target.startswith("data:"):
            return (f"{at} embeds `{target[:40]}…`, which is not drawn: only a base64 PNG or JPEG bitmap is",
                    "embed the bitmap as `data:image/png;base64,…` or `data:image/jpeg;base64,…`")
        return (f"{at} refers to `{target[:80]}`, which is left out: an SVG figure is drawn from itself alone",
                "embed the bitmap in the SVG as a `data:image/png;base64,…` URI, or place the bitmap as an image of "
                "its own (`![…](figures/name.png)`)")
    if target not in bitmaps:
        bitmaps[target] = _embedded(at, "png" if embedded.group(1) == "png" else "jpeg",
                                    target[embedded.end():])
    if isinstance(bitmaps[target][0], str):
        return bitmaps[target]
    width, height = bitmaps[target]
    pixels[element] = width * height
    return _stretched(at, element, width, height) if name == "image" else None


def _stretched(at: str, element, width: int, height: int) -> tuple[str, str] | None:
    """Why an `<image>` (named by `at`) of a `width` × `height` pixel bitmap is refused as stretched by svglib
    (it fills the `<image>`'s box whatever its `preserveAspectRatio`) where a browser and Word keep the bitmap's
    proportions (SVG's default `xMidYMid meet`), or None: the box has the bitmap's proportions (to 1%), or says
    `preserveAspectRatio="none"`, or svglib sizes a side from the bitmap (`width` or `height` left out)."""
    if (element.get("preserveAspectRatio") or "").split()[:1] == ["none"]:
        return None
    sides = [LENGTH.fullmatch((element.get(side) or "").strip()) for side in ("width", "height")]
    if not all(sides) or sides[0].group(2) != sides[1].group(2) or not float(sides[1].group(1)) > 0:
        return None
    if abs(float(sides[0].group(1)) / float(sides[1].group(1)) * height / width - 1) <= 0.01:
        return None
    return (f"{at} shows a bitmap of {width} × {height} pixels in a box of {sides[0].group(0)} × "
            f"{sides[1].group(0)}: svglib, which draws the PDF, stretches it to the box, where a browser and Word "
            "keep its proportions (`preserveAspectRatio`)",
            'give the `<image>` the bitmap\'s proportions, or `preserveAspectRatio="none"` to stretch it everywhere')


def _link(raw: str, line: int, href: str) -> tuple[str, str] | None:
    """Why the hyperlink `href` of an `<a>` at `line` is refused, or None: the paper's own rule for a link
    (`parse.markdown`: an http(s) address with a host, or mailto), applied to the drawing's links, which the Word
    document keeps (it embeds the SVG as it is) and Word follows; a `#id` of the drawing itself is kept too."""
    from ..parse.markdown import WEB_SCHEMES

    parts = urlsplit(href.strip())
    scheme = parts.scheme.lower()
    if href.strip().startswith("#") or scheme == "mailto" or scheme in WEB_SCHEMES and parts.netloc:
        return None
    return (f"image `{raw[:80]}`, line {line}: a link to `{href[:80]}`: a link in a paper goes to an http(s) or "
            "mailto address (the Word document keeps the drawing's links)",
            "write the full address (`https://…`), or remove the `<a>` in the drawing program")


def _undrawn(raw: str, root) -> tuple[str, str] | None:
    """The first part of the drawing `root` that svglib would leave out of the PDF or draw otherwise, in the order
    of the SVG, as (message naming the SVG's own line, hint); None when it is all drawn as a browser and Word draw
    it (the module's allow list). Elements (`_element`), then each one's properties (`_properties`), then the
    fills of its text (`_gradient_text`)."""
    rules: list = []                   # (line, prelude, declarations) of each `<style>` rule met
    passed: list = []                  # the elements passed over with their content
    for element, inside in _walk(root, passed):
        wrong = (_refused_text(raw, element, inside) or _element(raw, element, inside)
                 or _properties(raw, element, rules) or _malformed(raw, element))
        if wrong:
            return wrong
    return (_held(raw, root, passed) or _gradient_text(raw, root, rules) or _ruled(raw, root, rules)
            or _see_through_gradient(raw, root, rules) or _gradient_geometry(raw, root)
            or _current_colour(raw, root, rules) or _spaces(raw, root, rules) or _unstyled(raw, root)
            or _web_sides(raw, root, rules))


def _web_sides(raw: str, root, rules: list) -> tuple[str, str] | None:
    """Why a side sized from the content (`height: auto`, FROM_CONTENT) is refused, at its line, or None: given by
    a `<style>` rule (`rules`, as `_properties` keeps them) to an element other than the `<svg>` (CairoSVG, which
    draws the Word document's picture, reads it as a size of 0 there and draws nothing of it), or to both sides of
    the `<svg>` (the web page around it sizes it; a printed figure has none). One side of the `<svg>` is printed as
    the page draws it (`_box_printed`)."""
    import tinycss2

    given = [(line, key, value) for line, key, value, _ in _declarations(
        tinycss2.parse_declaration_list(root.get("style", "")), root.sourceline, "style")
        if _from_content(key, value)]
    ruled = _matched(root, [(at, prelude, [found for found in declared if _from_content(found[1], found[2])])
                            for at, prelude, declared in rules], tuple(BOX_SIDES))
    for element, declared in ruled.items():
        if element is not root:
            line, key, value = declared[0]
            return (f"image `{raw[:80]}`, line {line}: `{key}: {value[:40]}` in this `<style>` rule sizes the "
                    f"`<{element.tag.rsplit('}', 1)[-1]}>` at line {element.sourceline} too: CairoSVG, which draws "
                    "the Word document's picture, reads it there as a size of 0 and draws nothing of it",
                    f"make the rule style the `<svg>` alone (as Observable Plot's `:where(.plot-…)` does), or leave "
                    f"`{key}: {value[:40]}` out")
    given += ruled.get(root, [])
    sized = {key: (line, value) for line, key, value in given}
    if len(sized) == len(BOX_SIDES):
        (line, width), (_, height) = sized["width"], sized["height"]
        return (f"image `{raw[:80]}`, line {line}: `width: {width[:40]}` and `height: {height[:40]}` leave the "
                "`<svg>`'s size to the web page around it, which a printed figure has not",
                f"leave `width: {width[:40]}` out: the `<svg>`'s `width` and `viewBox` then size the figure, as in "
                "the page")
    return None


def _held(raw: str, root, passed: list) -> tuple[str, str] | None:
    """Why a part held by an element passed over with its content (`passed`: `<metadata>`, `<desc>`, an element of
    another namespace ..., each with whether it stands under CAIRO_UNDRAWN) is refused, or None: a `<style>`
    (CairoSVG, which draws the Word document's picture, applies every SVG `<style>` wherever it stands, as Word and
    browsers do; svglib, which draws the PDF, does not), or an element a renderer draws (CairoSVG draws what any
    element holds but `<defs>`, a clipping path, gradient, mask, pattern, filter, marker or symbol, unless a
    reference draws it: svglib and browsers draw nothing of it). An element of the SVG namespace or of none, as
    CairoSVG reads one."""
    referenced = None  # the ids a reference names, found at the first element under CAIRO_UNDRAWN
    for holder, undrawn in passed:
        for element in holder.iterdescendants():
            local = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else None
            if local is None or "}" in element.tag and not element.tag.startswith(SVG_NS) or \
                    local not in ELEMENTS and local not in UNDRAWN:
                continue
            if undrawn and local != "style":
                referenced = _referenced_ids(root) if referenced is None else referenced
                if not any(node.get("id") in referenced for node in (element, *element.iterancestors())):
                    continue  # CairoSVG draws nothing of it (an SVG font's glyph outline in `<defs>`)
            at = (f"image `{raw[:80]}`, line {element.sourceline}: a `<{local}>` inside `<{_prefixed(holder)}>` "
                  f"(line {holder.sourceline})")
            if local == "style":
                return (f"{at}: CairoSVG, which draws the Word document's picture, applies its rules, as Word does; "
                        "svglib, which draws the PDF, does not",
                        f"move the `<style>` out of the `<{_prefixed(holder)}>`, or remove it")
            return (f"{at}: CairoSVG, which draws the Word document's picture, draws it; svglib, which draws the "
                    "PDF, does not, nor does a browser", f"remove it, or move it out of the "
                    f"`<{_prefixed(holder)}>` where it belongs to the drawing")
    return None


def _prefixed(element) -> str:
    """An element's name as the SVG writes it: `metadata`, `sodipodi:namedview`."""
    local = element.tag.rsplit("}", 1)[-1]
    return f"{element.prefix}:{local}" if element.prefix and not element.tag.startswith(SVG_NS) else local


def _refused_text(raw: str, element, inside: str | None) -> tuple[str, str] | None:
    """The first character of the words `element` prints in a `<text>` (its own text; the text after it, inside a
    `<text>`) that a paper refuses wherever it stands (`characters.refused`: a bidirectional override, a tag
    character outside a flag, a non-character), as (message naming its SVG line, hint); None when it holds none."""
    if _name(element) != "text" and inside != "text":
        return None
    pieces = [(element.sourceline, element.text)] + ([(element.sourceline, element.tail)] if inside == "text" else [])
    for start, piece in pieces:
        for line, _col, what in characters.refused(piece or ""):
            return (f"image `{raw[:80]}`, line {start + line - 1}: the drawing's text holds a {what}, which cannot "
                    "stand in a document", characters.HINT)
    return None


def _walk(root, passed: list):
    """(element, what it stands in: `text`, `clipPath` or None) for each element svglib may draw, in the order of
    the SVG. Passed over with their content, each kept in `passed` with whether it stands under CAIRO_UNDRAWN
    (`_held` looks into them): `<title>`, `<desc>` and `<metadata>` (but in a `<text>`, whose words svglib prints:
    `_element` says so) and the elements of other namespaces (Inkscape's `sodipodi:namedview`, RDF) whose names
    svglib does not draw (it reads an element by its name alone: an `x:rect` is drawn)."""
    waiting = [(root, None, False)]
    while waiting:
        element, inside, undrawn = waiting.pop()
        name = _name(element)
        if inside != "text" and (name in PASSED_OVER or element.tag.rsplit("}", 1)[-1] not in ELEMENTS
                                 and not element.tag.startswith(SVG_NS)):
            passed.append((element, undrawn))
            continue
        yield element, inside
        held = "text" if name == "text" or inside == "text" else "clipPath" if name == "clipPath" else inside
        undrawn = undrawn or name in CAIRO_UNDRAWN
        waiting += [(child, held, undrawn) for child in reversed(element) if isinstance(child.tag, str)]


def _referenced_ids(root, linked: bool = True) -> set:
    """The ids the drawing `root` names in a reference: an href `#id` (a `<use>`; unless not `linked`), a `url(#id)`
    (in an attribute or a `<style>`'s rules)."""
    found = set()
    for element in (element for element in root.iter() if isinstance(element.tag, str)):
        found.update(REFERENCE.findall(element.text or ""))
        for key, value in element.attrib.items():
            found.update(([value[1:]] if linked else []) if key.rsplit("}", 1)[-1] == "href" and
                         value.startswith("#") else REFERENCE.findall(value))
    return found


def _name(element) -> str | None:
    """An SVG element's name without its namespace; None for an element of another namespace."""
    return element.tag[len(SVG_NS):] if element.tag.startswith(SVG_NS) else None


def _element(raw: str, element, inside: str | None) -> tuple[str, str] | None:
    """Why `element`, standing in `inside` (`_walk`), is refused as an element svglib leaves out or draws
    otherwise, or None."""
    name, line, local = _name(element), element.sourceline, element.tag.rsplit("}", 1)[-1]
    at = f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF,"
    if name is None and inside != "text":
        return (f"{at} draws `<{local}>`, an element of another namespace, as an SVG `<{local}>`; a browser and Word "
                "draw nothing of it", "remove it, or give it its own namespace's name")
    if name in UNDRAWN:
        what, hint = UNDRAWN[name]
        return _cannot(raw, line, what), hint
    if name == "svg" and element.getparent() is not None:
        return (_cannot(raw, line, "a nested `<svg>` as a browser and Word do: it draws what lies outside its "
                        "viewport too"),
                "draw its content in a `<g>` (with a `clipPath` where it must be cut), or export the drawing as PNG")
    if inside == "text" and name == "a" and _styled(element):
        return (f"{at} prints the words of an `<a>` inside a `<text>` without the `<a>`'s own style (`"
                f"{_styled(element)}`)", "give the style to a `<tspan>` inside the `<a>`")
    if inside == "text" and name not in IN_TEXT:
        if "".join(element.itertext()).strip():
            return (f"{at} prints the words of a `<{local}>` inside a `<text>`, which a browser and Word do not",
                    "move it out of the `<text>`")
        return None
    if name not in ELEMENTS:
        return (_cannot(raw, line, f"a `<{name}>` element"),
                "draw it with shapes, paths and text, or export the drawing as PNG")
    if inside == "clipPath" and name not in IN_CLIP:
        return (_cannot(raw, line, f"a clipping path made of a `<{name}>`"),
                "make the clipping path of paths and shapes (Inkscape: Path ▸ Object to Path), or export the "
                "drawing as PNG")
    return None


def _malformed(raw: str, element) -> tuple[str, str] | None:
    """Why `element`'s geometry is refused as an error of SVG each renderer draws its own way, at its line, or
    None: a `<polyline>` or `<polygon>` of an odd number of coordinates (svglib draws nothing of it; CairoSVG, a
    browser and Word leave out the last), a negative side of a `<rect>`, `<circle>` or `<ellipse>` (a browser and
    Word draw nothing of it; svglib and CairoSVG each a shape of their own)."""
    name, at = _name(element), f"image `{raw[:80]}`, line {element.sourceline}"
    if name in ("polyline", "polygon"):
        found = sum(1 for _ in re.finditer(NUMBER, element.get("points", "")))
        if found % 2:
            return (f"{at}: the `<{name}>`'s `points` hold an odd number of coordinates ({found}): svglib, which "
                    "draws the PDF, draws nothing of it, where a browser and Word leave out the last",
                    "give each point its x and its y")
    for side in SIDES.get(name, ()):
        value = element.get(side, "")
        if NEGATIVE.match(value):
            return (f"{at}: `{side}=\"{value.strip()[:40]}\"`: a negative size is an error in SVG, which a browser "
                    f"and Word draw nothing of, and svglib (the PDF) and CairoSVG (the Word document's picture) each "
                    "draw their own way", "give the size as a positive length, or remove the shape")
    return None


def _styled(element) -> str | None:
    """The first property, or `class`, that an `<a>` gives itself (svglib styles the words of a `<text>`'s `<a>`
    by the `<text>` only), or None; a vendor's is read by no renderer."""
    import tinycss2

    given = [key for key in element.attrib if key in PRESENTATION or key == "class"]
    given += [key for _, key, _, _ in _declarations(tinycss2.parse_declaration_list(element.get("style", "")), 0,
                                                     "style") if not key.startswith("-")]
    return given[0] if given else None


def _properties(raw: str, element, rules: list) -> tuple[str, str] | None:
    """Why a property or attribute `element` gives is refused (PROPERTIES, LOST_ATTRIBUTES, FILE_URL, a `url(`
    never closed, a CSS at-rule), at its own line of the SVG (a `<style>` rule's own line), or None. Its properties are read as
    presentation attributes, from its `style` attribute and, for a `<style>`, from each rule (tinycss2, as svglib
    reads them; each qualified rule kept in `rules` as (line, prelude, declarations))."""
    import tinycss2

    name, line = _name(element), element.sourceline
    for key, value in element.attrib.items():
        if _unclosed(value):   # CairoSVG reads a `style` as written
            return _cannot_close(raw, line, key, value)
        if key != "style" and FILE_URL.search(value):   # the style's declarations are read one by one below
            return _other_file(raw, line, key, value)
        if key != "style" and SPACED_URL.search(value):
            return _spaced(raw, line, key, value)
        if key in LOST_ATTRIBUTES:
            names, what, drawn = LOST_ATTRIBUTES[key]
            if (names is None or name in names) and not (drawn and re.fullmatch(drawn, value.strip())):
                return (_cannot(raw, line, f"{what} (`{key}=\"{value[:80]}\"`)"),
                        "leave it out in the drawing program, or export the drawing as PNG")
    declared = [(line, key, value, "attribute") for key, value in element.attrib.items() if key in PRESENTATION]
    if element.get("style"):
        declared += _declarations(tinycss2.parse_declaration_list(element.get("style")), line, "style")
    if name == "style" and element.get("type", "text/css") != "text/css":  # CairoSVG's find_stylesheets
        return (f"image `{raw[:80]}`, line {line}: a `<style type=\"{element.get('type')[:40]}\">`: svglib, which "
                "draws the PDF, applies its rules; CairoSVG, which draws the Word document's picture, does not, nor "
                "do Word and browsers", "write `type=\"text/css\"`, or leave the `type` out")
    if name == "style":
        if sum(len(style.text or "") for style in element.getroottree().iter(SVG_NS + "style")) > MAX_STYLE_TEXT:
            return _restyled(raw, line, f"{MAX_STYLE_TEXT // 1024} KB of text")
        for rule in tinycss2.parse_stylesheet(element.text or "", skip_comments=True, skip_whitespace=True):
            at = line + rule.source_line - 1
            if rule.type == "qualified-rule" and sum(_selectors(prelude) for _, prelude, _ in rules) + _selectors(
                    rule.prelude) > MAX_SELECTORS:
                return _restyled(raw, line, f"{MAX_SELECTORS} selectors")
            if rule.type == "qualified-rule" and _backtracking(rule.prelude):
                return (f"image `{raw[:80]}`, line {at}: the `<style>` selector "
                        f"`{tinycss2.serialize(rule.prelude).strip()[:80]}` holds {_backtracking(rule.prelude)}: "
                        "CairoSVG (cssselect2), which draws the Word document's picture, tries every ancestor or "
                        "earlier sibling of each element for each, its time growing as their power (a short "
                        "selector took minutes)", "save the drawing with its styles as attributes, or as PNG")
            if rule.type == "at-rule" and rule.lower_at_keyword not in CSS_AT_RULES:
                return (_cannot(raw, at, f"a CSS `@{rule.at_keyword}` rule (it skips every at-rule)"),
                        "write its rules in the `<style>` itself, or export the drawing as PNG")
            if rule.type == "qualified-rule":
                parsed = tinycss2.parse_declaration_list(rule.content)
                ranked = next((item for item in parsed if item.type == "declaration" and item.important), None)
                if ranked:  # CairoSVG (cssselect2) ranks it above an inline style; svglib applies the inline last
                    return (f"image `{raw[:80]}`, line {line + ranked.source_line - 1}: `{ranked.lower_name}: … "
                            "!important` in a `<style>` rule: CairoSVG, which draws the Word document's picture, "
                            "ranks it above the element's own style, as CSS does; svglib, which draws the PDF, does "
                            "not", "leave `!important` out, and give the element the value itself")
                found = _declarations(parsed, line, "rule")
                rules.append((at, rule.prelude, found))
                declared += found
    empty = name == "g" and not any(isinstance(child.tag, str) for child in element)   # Plot's tips' `<g>`
    for at, key, value, how in declared:
        wrong = _property(raw, name, at, key, value, how, paints=not (empty and how != "rule"))
        if wrong:
            return wrong
    return _em_length(raw, element, declared)


def _restyled(raw: str, line: int, what: str) -> tuple[str, str]:
    """The refusal of drawing `raw`'s `<style>` (at `line`) beyond MAX_STYLE_TEXT or MAX_SELECTORS (`what`)."""
    return (f"image `{raw[:80]}`, line {line}: the drawing's `<style>` rules have more than {what} together: each "
            "rule is matched against every element it draws, in each language",
            "save the drawing with its styles as attributes, or as PNG")


def _selectors(tokens: list) -> int:
    """How many selectors a rule's prelude `tokens` lists: one, and one more for each comma, within `:is(…)` and
    the other functions too."""
    return 1 + sum(token.type == "literal" and token.value == "," for token in _tokens(tokens))


def _backtracking(tokens: list) -> str | None:
    """What in a rule's prelude `tokens` makes matching it backtrack beyond the bound, said as a phrase ("3
    descendant combinators", "a `~` combinator"), or None: a selector of more than MAX_DESCENDANTS descendant
    combinators (a space between two compound selectors, within `:is(…)` and the other functions too), or a
    general-sibling `~` (matched against every earlier sibling). Measured with `read_svg` (2 CPUs, loaded):
    `x g g rect` over 250 nested `<g>`, 20 rules, 10.5 s; `x g rect`, 100 rules, 1.0 s; `x rect ~ rect` over 1,800
    `<rect>`, 5 rules, 14.7 s. Charts' own (matplotlib, d3, Observable Plot's `:where(.plot-…) text`) hold at most
    one."""
    most = descendants = 0
    before = None  # the last token that is not whitespace, in the selector being read
    pending = False  # whitespace met after a compound selector
    for token in _tokens(tokens):
        if token.type == "whitespace":
            pending = before is not None and not _combinator(before)
            continue
        if token.type == "literal" and token.value == "~":
            return "a `~` combinator"
        if token.type == "literal" and token.value == ",":
            most, descendants, before, pending = max(most, descendants), 0, None, False
            continue
        if pending and not _combinator(token):
            descendants += 1
        pending, before = False, token
    most = max(most, descendants)
    return f"{most} descendant combinators" if most > MAX_DESCENDANTS else None


def _combinator(token) -> bool:
    return token.type == "literal" and token.value in (">", "+", "~", ",")


def _tokens(tokens: list):
    """Each of `tokens` and, in each function or block, its own, in order (tinycss2's)."""
    for token in tokens:
        yield token
        yield from _tokens(getattr(token, "arguments", None) or getattr(token, "content", None) or [])


def _em_length(raw: str, element, declared: list) -> tuple[str, str] | None:
    """Why a length in `em` or `ex` that `element` gives (a SIZED attribute, or property `declared`: as an
    attribute, in its `style` or in a `<style>` rule) is refused, at its line, or None. svglib reads `em` as 16 user
    units (`ex` 8) whatever the font size; CairoSVG, a browser and Word as the element's font size: alike only at
    the default size. Kept: a `<text>`'s places (`x`, `y`, `dx`, `dy`, `baseline-shift` attributes), which svglib
    reads in the text's font size, as a `<tspan>`'s giving no font size of its own."""
    import tinycss2

    name = _name(element)
    sized = "font-size" in element.attrib or any(
        key == "font-size" for _, key, _, _ in _declarations(tinycss2.parse_declaration_list(element.get("style", "")),
                                                              0, "style"))
    kept = PLACES if name == "text" or name == "tspan" and not sized else frozenset()
    given = [] if name in GRADIENTS else [(element.sourceline, key, value, "attribute")   # `_gradient_geometry`'s
                                          for key, value in element.attrib.items() if key in GEOMETRY]
    for at, key, value, how in [item for item in given + declared if item[1] in SIZED]:
        length = next((m.group(0) for m in EM.finditer(value) if float(m.group(1)) != 0), None)
        if length and not (how == "attribute" and key in kept):
            said = f'`{key}="{value[:80]}"`' if how == "attribute" else f"`{key}: {value[:80]}`"
            read = ("in the `<text>`'s font size, not the `<tspan>`'s own" if key in PLACES else
                    f"as {16 if length.endswith('em') else 8} user units whatever the font size")
            return (_cannot(raw, at, f"a length in `{length[-2:]}` as a browser and Word do ({said}): it reads "
                            f"`1{length[-2:]}` {read}, where they read it in the element's font size"), EM_HINT)
        share = PERCENT.search(value) if key in SHARES else None
        if share:
            said = f'`{key}="{value[:80]}"`' if how == "attribute" else f"`{key}: {value[:80]}`"
            of = "the font size the text inherits" if key == "font-size" else "the drawing's size"
            return (_cannot(raw, at, f"a length in `%` as a browser and Word do ({said}): it reads "
                            f"`{share.group(1)}%` as {share.group(1)} user units, where they read a share of {of}"),
                    EM_HINT)
    return None


def _property(raw: str, name: str | None, line: int, key: str, value: str, how: str,
              paints: bool = True) -> tuple[str, str] | None:
    """Why property `key` at `value`, given by element `name` as an `attribute`, in its `style` or in a `rule`
    at `line` of the SVG, is refused (PROPERTIES), or None. A vendor's property (`-inkscape-font-specification`)
    is read by no renderer; `inherit` takes the value checked where it is given. Not `paints`: the element holds
    nothing a colour it gives would paint (an empty `<g>`), so its colours are not checked."""
    value = value.replace("!important", "").strip()
    if _unclosed(value):
        return _cannot_close(raw, line, key, value)
    if FILE_URL.search(value):
        return _other_file(raw, line, key, value)
    if SPACED_URL.search(value):
        return _spaced(raw, line, key, value)
    if key.startswith("-") or value == "inherit":
        return None
    said = f"`{key}: {value[:80]}`"
    boxed = how == "rule" or how == "style" and name == "svg"     # the `<svg>`'s box in a web page, if any
    if boxed and key in WEB_BOX and re.fullmatch(WEB_BOX[key] and WEB_BOX[key][1] or ".*", value):
        return None
    if boxed and key.startswith("background"):
        return (f"image `{raw[:80]}`, line {line}: {said} paints the `<svg>`'s box in a web page; neither svglib, "
                "which draws the PDF, nor CairoSVG, which draws the Word document's picture, paints it",
                "draw the background as a `<rect>` covering the drawing, its first element")
    if boxed and _from_content(key, value):
        return None                    # printed as the page draws it (`_box_printed`), or refused by `_web_sides`
    if boxed and key in ("width", "height"):
        return (f"image `{raw[:80]}`, line {line}: {said} sizes the `<svg>`'s box in a web page, which a printed "
                "figure is not", "give the drawing its size as the `<svg>`'s `width` and `height` attributes, "
                "with its `viewBox`")
    if key not in PROPERTIES:
        hint = ("give `font-family`, `font-size`, `font-weight` and `font-style` instead" if key == "font"
                else "leave it out, or export the drawing as PNG")
        return _cannot(raw, line, f"the `{key}` property ({said})"), hint
    if key in ("stop-color", "stop-opacity") and how == "rule":
        return (_cannot(raw, line, f"a `{key}` in a style rule ({said}): it reads the `<stop>`'s own only"),
                f"give each `<stop>` its `{key}` attribute instead")
    shifted = key == "baseline-shift" and not re.fullmatch(rf"baseline|{ZERO}", value)
    if key == "baseline-shift" and how != "attribute":
        return (_cannot(raw, line, f"a `baseline-shift` in a style ({said}): it reads the attribute only"),
                SHIFT_HINT if shifted else "leave it out: the text stays on its line")
    if shifted:
        return (f"image `{raw[:80]}`, line {line}: CairoSVG, which draws the Word document's picture, does not "
                f"raise or lower text by {said}; svglib, which draws the PDF, does", SHIFT_HINT)
    hidden = key == "display" and value == "none" or key == "visibility" and value in ("hidden", "collapse")
    if hidden and how != "rule" and name in UNHIDDEN:
        return (f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, draws a `<{name}>` hidden by {said} "
                "all the same", "remove the element instead of hiding it")
    if key == "visibility" and value == "collapse":
        return (f"image `{raw[:80]}`, line {line}: CairoSVG, which draws the Word document's picture, draws what "
                f"{said} hides; svglib, which draws the PDF, a browser and Word hide it",
                "write `visibility: hidden`, or remove what it hides")
    shown, pattern = PROPERTIES[key] or (None, None)
    if key == "paint-order" and not _fill_first(value) or pattern and not re.fullmatch(pattern, value):
        what, hint = {
            "opacity": ("a see-through `opacity` (printed opaque)",
                        "give the shapes `fill-opacity` and `stroke-opacity` instead, or export the drawing as PNG"),
            "stroke": ("a gradient or pattern stroke", "stroke with a plain colour, or export the drawing as PNG"),
            "stop-opacity": ("a see-through gradient stop (printed opaque)", GRADIENT_OPACITY_HINT),
        }.get(key, (f"the `{key}` property", FLATTEN_HINT if key in ("mask", "filter") else
                    PATHS_HINT.format("the markers") if key.startswith("marker") else LEAVE_HINT.format(shown)))
        return _cannot(raw, line, f"{what} ({said})"), hint
    if key == "fill" and value.startswith("url(") and not PAINT_URL.fullmatch(value):
        return (_cannot(raw, line, f"a paint with a fallback ({said}): it paints nothing, where a browser and Word "
                        "paint the gradient, or the colour after it when the drawing has no such gradient"),
                PAINT_HINT)
    if key == "stop-color" and value.lower() == "currentcolor":
        return (_cannot(raw, line, f"a gradient stop of `currentColor` ({said}); CairoSVG (the Word document's "
                        "picture), a browser and Word paint it with the `color` the stop inherits"),
                "write the colour itself in place of `currentColor` (`#rrggbb`)")
    if paints and key in COLOURED and "var(" in value:
        return (f"image `{raw[:80]}`, line {line}: the colour {said} is a CSS variable, which neither svglib, which "
                "draws the PDF, nor CairoSVG, which draws the Word document's picture, reads (CairoSVG paints it "
                "black)", "write the colour itself (`#rrggbb`) in place of `var(…)`")
    if paints and key in COLOURED and not COLOUR.fullmatch(value) and \
            not (COLOURED[key] and COLOURED[key].fullmatch(value)):
        return (f"image `{raw[:80]}`, line {line}: the colour {said} is not one the PDF (svglib) and the Word "
                "document (CairoSVG) draw alike: an alpha part prints see-through in the PDF only, and CSS Color 4's "
                "forms (`rgb(r g b / a)`, `hsl()`, `color()`) are drawn otherwise or not at all", COLOUR_HINT)
    return None


def _fill_first(value: str) -> bool:
    """Whether a `paint-order` paints the fill before the stroke, as svglib does (markers are refused apart)."""
    named = value.split()
    if named == ["normal"]:
        return True
    order = named + [part for part in ("fill", "stroke", "markers") if part not in named]
    return "fill" in order and "stroke" in order and order.index("fill") < order.index("stroke")


def _gradient_text(raw: str, root, rules: list) -> tuple[str, str] | None:
    """Why a `<text>` or `<tspan>` is refused as filled with a gradient (`fill: url(…)`), which svglib applies to
    shapes only (the words print unfilled), or see-through (`fill-opacity` below 1: svglib prints it opaque); or
    None: its own fill and opacity, else the nearest ancestor's, as an attribute or in `style`; or a `<style>`
    rule's that a text matches (cssselect2, as svglib matches them)."""
    import tinycss2

    waiting = [(root, None, None)]
    while waiting:                     # each element's fill: its own, else its parent's (one pass, top down)
        element, fill, opacity = waiting.pop()
        given = _declarations(tinycss2.parse_declaration_list(element.get("style", "")), 0, "style")
        own = [value for _, key, value, _ in given if key == "fill"]
        own = own[-1] if own else element.get("fill", "").strip()
        fill = own if own and own != "inherit" else fill
        own = [value for _, key, value, _ in given if key == "fill-opacity"]
        own = own[-1] if own else element.get("fill-opacity", "").strip()
        opacity = own if own and own != "inherit" else opacity
        if element.tag in (SVG_NS + "text", SVG_NS + "tspan") and fill and fill.startswith("url("):
            return _cannot(raw, element.sourceline, f"a gradient fill on text (`fill: {fill[:80]}`)"), TEXT_HINT
        if element.tag in (SVG_NS + "text", SVG_NS + "tspan") and _see_through(opacity):
            return (f"image `{raw[:80]}`, line {element.sourceline}: svglib, which draws the PDF, prints text "
                    f"opaque whatever its `fill-opacity: {opacity[:80]}`, where a browser and Word draw it "
                    "see-through (or not at all)", SEE_THROUGH_HINT)
        waiting += [(child, fill, opacity) for child in reversed(element) if isinstance(child.tag, str)]
    filled = []                        # (line, prelude, what) of each rule filling with a gradient or see-through
    for line, prelude, found in rules:
        if any(key == "fill" and value.startswith("url(") for _, key, value, _ in found):
            filled.append((line, prelude, "a gradient fill"))
        elif any(key == "fill-opacity" and _see_through(value) for _, key, value, _ in found):
            filled.append((line, prelude, "a see-through `fill-opacity`"))
    if not filled:
        return None
    import cssselect2

    texts = [wrapper for wrapper in cssselect2.ElementWrapper.from_xml_root(root).iter_subtree()
             if wrapper.etree_element.tag in (SVG_NS + "text", SVG_NS + "tspan")]
    for line, prelude, what in filled:
        try:
            selectors = cssselect2.compile_selector_list(prelude)
        except cssselect2.SelectorError:
            continue
        if any(selector.test(text) for selector in selectors for text in texts):
            return _cannot(raw, line, f"{what} on text, from this style rule"), TEXT_HINT
    return None


def _unstyled(raw: str, root) -> tuple[str, str] | None:
    """Why a `<style>` rule is refused as one svglib does not apply to an element it matches, at the rule's line,
    or None: svglib applies to an element the rules of the `<style>` elements drawn before it first reads the
    element's properties, once (NodeTracker.apply_rules marks it), so never to the `<svg>` itself (read before any
    `<style>`) nor to an element before the `<style>` (`<defs>`'s content is drawn first); CairoSVG, a browser and
    Word apply every rule wherever it stands. Kept: a rule giving only what neither draws (WEB_BOX, `white-space`,
    a custom property, `display` other than `none`) or what is printed as the page draws it (`_box_printed`), and
    one an early element holds no shape of but those it matches itself (matplotlib's `*`: svglib applies it to each
    shape)."""
    import cssselect2
    import tinycss2

    drawn = [e for e in root.iter(SVG_NS + "*") if _name(e) not in PASSED_OVER
             and not any(_name(a) in PASSED_OVER for a in e.iterancestors())]
    styles = [e for e in drawn if _name(e) == "style"]
    if not styles:
        return None
    in_defs = {e for defs in root.iter(SVG_NS + "defs") for e in defs.iterdescendants()}
    # when svglib first reads each element's properties: the `<svg>`, then `<defs>`'s content, then the rest
    order = {e: (0 if e is root else 1 if e in in_defs else 2, number) for number, e in enumerate(drawn)}
    wrappers = {w.etree_element: w for w in cssselect2.ElementWrapper.from_xml_root(root).iter_subtree()}
    for style in styles:
        before = [e for e in drawn if order[e] < order[style]]
        for rule in tinycss2.parse_stylesheet(style.text or "", skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue
            given = [(line, key, value) for line, key, value, _ in _declarations(
                tinycss2.parse_declaration_list(rule.content), style.sourceline, "rule")
                if not (key in WEB_BOX or key == "white-space" or key.startswith("-")
                        or key == "display" and value != "none"
                        or _from_content(key, value))]
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                continue
            early = [e for e in before if given and any(selector.test(wrappers[e]) for selector in selectors)]
            if not early:
                continue
            lacking: dict = {}         # element -> whether it is or holds a shape the rule does not match itself
            for element in reversed(drawn):
                lacking[element] = any(lacking.get(child, False) for child in element) or (
                    _name(element) in SHAPES and not any(selector.test(wrappers[element]) for selector in selectors))
            early = next((e for e in early if _name(e) in SHAPES or lacking[e]), None)
            if early is None:          # a rule every shape matches itself (matplotlib's `*`) is applied to them
                continue
            line, key, value = given[0]
            if early is root:
                return (f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, does not apply a `<style>` "
                        f"rule to the `<svg>` itself (`{key}: {value[:80]}`); CairoSVG, which draws the Word "
                        "document's picture, a browser and Word do", f"give the `<svg>` the property as its own "
                        f"attribute (`{key}=\"{value[:40]}\"`), or give it to a `<g>` holding the drawing")
            return (f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, does not apply this rule "
                    f"(`{key}: {value[:80]}`) to the `<{_name(early)}>` at line {early.sourceline}, which it draws "
                    "before the `<style>`; CairoSVG, which draws the Word document's picture, a browser and Word do",
                    "move the `<style>` to the start of the drawing, before what it styles")
    return None


def _matched(root, rules: list, keys: tuple) -> dict:
    """Element -> [(line, property, value)] of the declarations of `keys` the `<style>` rules give it, in the rules'
    order (cssselect2, as svglib and CairoSVG match them; a selector neither reads is skipped)."""
    matched: dict = {}
    given = [(prelude, [(line, key, value) for line, key, value, _ in found if key in keys])
             for _, prelude, found in rules]
    if not any(declared for _, declared in given):
        return matched
    import cssselect2

    wrappers = list(cssselect2.ElementWrapper.from_xml_root(root).iter_subtree())
    for prelude, declared in [rule for rule in given if rule[1]]:
        try:
            selectors = cssselect2.compile_selector_list(prelude)
        except cssselect2.SelectorError:
            continue
        for wrapper in wrappers:
            if any(selector.test(wrapper) for selector in selectors):
                matched.setdefault(wrapper.etree_element, []).extend(declared)
    return matched


def _see_through_gradient(raw: str, root, rules: list) -> tuple[str, str] | None:
    """Why a shape's gradient fill is refused as see-through (its `fill-opacity` below 1), at the line of the
    `<style>` rule giving the gradient or the opacity, else the shape's, or None: reportlab's shadings have no alpha
    (the PDF prints the gradient opaque), CairoSVG draws it see-through. An element's own value: its `style`'s, else
    a rule's (the last), else its attribute; else its parent's."""
    import tinycss2

    ruled = _matched(root, rules, ("fill", "fill-opacity"))
    waiting = [(root, {})]
    while waiting:                     # property -> (value, the rule's line or None), inherited top down
        element, inherited = waiting.pop()
        own = {key: (value.strip(), None) for key, value in element.attrib.items() if key in ("fill", "fill-opacity")}
        own.update((key, (value, line)) for line, key, value in ruled.get(element, []))
        own.update((key, (value, None)) for _, key, value, _ in _declarations(
            tinycss2.parse_declaration_list(element.get("style", "")), 0, "style") if key in ("fill", "fill-opacity"))
        values = {**inherited, **{key: given for key, given in own.items() if given[0] and given[0] != "inherit"}}
        (fill, filled), (opacity, faded) = values.get("fill", ("", None)), values.get("fill-opacity", ("", None))
        if _name(element) in SHAPES - {"text", "image"} and fill.startswith("url(") and _see_through(opacity):
            said = f"a see-through gradient fill (`fill-opacity: {opacity[:40]}` with `fill: {fill[:80]}`" + (
                f", the `<{_name(element)}>` at line {element.sourceline}), from this style rule" if filled or faded
                else ")")
            return (_cannot(raw, filled or faded or element.sourceline, f"{said}: it prints the gradient opaque"),
                    GRADIENT_OPACITY_HINT)
        waiting += [(child, values) for child in reversed(element) if isinstance(child.tag, str)]
    return None


def _gradient_geometry(raw: str, root) -> tuple[str, str] | None:
    """Why the geometry of a gradient the drawing paints with (`url(#id)`) is refused, at the line of the gradient
    giving it (its own, or one it links to: `_inherited`), or None. svglib, which draws the PDF, reads it otherwise
    than CairoSVG (the Word document's picture), a browser and Word: it draws a radial gradient from its centre,
    whatever its focal point (`fx`, `fy`); it reads only a plain number or a percentage (a length: its default); in
    user space (`gradientUnits="userSpaceOnUse"`) it reads a percentage, and USER_SHARES' defaults, as so many user
    units, where they read a share of the drawing's size."""
    gradients, painting = _gradients(root), _referenced_ids(root, linked=False)
    inherited = _inherited(gradients)
    for gradient in (gradient for gradient in gradients if gradient.get("id") in painting):
        given = inherited[gradient][0]
        kind = gradient.tag.rsplit("}", 1)[-1]
        written = {key: giver.get(key).strip() for key, giver in given.items()}
        spaced = written.get("gradientUnits") == "userSpaceOnUse"
        for key in GRADIENTS[kind]:
            value, line = written.get(key), (given[key] if key in given else gradient).sourceline
            if value is None:
                if spaced and key in USER_SHARES:
                    return (_cannot(raw, line, f"a gradient in user space (`gradientUnits=\"userSpaceOnUse\"`) "
                                    f"without `{key}`: it takes {USER_SHARES[key][0]}, where CairoSVG, "
                                    "which draws the Word document's picture, a browser and Word take "
                                    f"{USER_SHARES[key][1]}"), f"give the gradient its `{key}` in user units")
                continue
            number = _gradient_number(value)
            said = f'`{key}="{value[:40]}"`'
            if number is None:
                return (_cannot(raw, line, f"a gradient's {said}: it reads a plain number or a percentage there "
                                "only, and takes its default in place of a length"),
                        "give it as a number of user units (or, for a gradient in the shape's box, a share of it "
                        "from 0 to 1)")
            if spaced and value.endswith("%") and number != 0:
                return (_cannot(raw, line, f"a percentage of a gradient in user space (`gradientUnits=\"userSpace"
                                f"OnUse\"`, {said}) as a browser and Word do: it reads `{value[:40]}` as "
                                f"{number:g} user units, where they read a share of the drawing's size"),
                        "give it in user units, as the drawing's other lengths")
        for focal, centre in (("fx", "cx"), ("fy", "cy")) if kind == "radialGradient" else ():
            if focal in written and _gradient_number(written[focal]) != _gradient_number(written.get(centre, "50%")):
                return (_cannot(raw, given[focal].sourceline, f"a radial gradient's focal point away from its "
                                f"centre (`{focal}=\"{written[focal][:40]}\"`, `{centre}=\""
                                f"{written.get(centre, '50%')[:40]}\"`): it spreads the colours from the centre, "
                                "where CairoSVG, which draws the Word document's picture, a browser and Word spread "
                                "them from the focal point"),
                        f"leave `fx` and `fy` out (or give them the values of `cx` and `cy`), or export the drawing "
                        "as PNG")
    return None


def _gradient_number(value: str) -> float | None:
    """A gradient's geometry as svglib reads it (`_float_attr`): a number, or a percentage as a share; None where
    it reads neither (and takes the attribute's default)."""
    try:
        return float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return None


def _current_colour(raw: str, root, rules: list) -> tuple[str, str] | None:
    """Why a `color` is refused as changing what a `fill` or `stroke` of `currentColor` paints in one renderer
    only, at its element's line, or None. svglib, which draws the PDF, takes the colour from the `color` of the
    painted element's parent and up; CairoSVG (the Word document's picture), a browser and Word from the element
    giving the paint and up. They differ where a painted element gives the paint and its own `color`, or where an
    element holding others, under the one giving the paint, gives a `color`. Each element's own declarations: its
    attributes, its `style`, and the `<style>` rules matching it (cssselect2, as svglib matches them)."""
    import tinycss2

    def current(value: str | None) -> bool:
        return (value or "").replace("!important", "").strip() == "currentColor"

    if not any(current(v) for e in root.iter(SVG_NS + "*") for v in e.attrib.values()) and \
            "currentColor" not in "".join(e.get("style", "") + (e.text or "") for e in root.iter(SVG_NS + "*")):
        return None
    ruled = {element: [(key, value) for _, key, value in given]
             for element, given in _matched(root, rules, ("color", "fill", "stroke")).items()}
    waiting = [(root, {})]
    while waiting:                     # each paint's giver when it is `currentColor` (one pass, top down)
        element, givers = waiting.pop()
        own = dict(ruled.get(element, []))
        own.update((key, value) for key, value in element.attrib.items() if key in ("color", "fill", "stroke"))
        own.update((key, value) for _, key, value, _ in _declarations(
            tinycss2.parse_declaration_list(element.get("style", "")), 0, "style"))
        givers = {**givers, **{key: element if current(own[key]) else None
                               for key in ("fill", "stroke") if key in own and own[key].strip() != "inherit"}}
        children = [child for child in element if isinstance(child.tag, str)]
        colour = own.get("color", "").strip()
        for key, giver in givers.items():
            if giver is None or not colour or colour in ("inherit", "currentColor"):
                continue
            if giver is element and _name(element) in SHAPES | {"tspan"}:
                return (f"image `{raw[:80]}`, line {element.sourceline}: svglib, which draws the PDF, paints "
                        f"`{key}: currentColor` with the `color` of the element's parent, not with its own "
                        f"(`color: {colour[:80]}`), where a browser and Word paint it with its own", CURRENT_HINT)
            if giver is not element and any(_name(child) not in PASSED_OVER | {None} for child in children):
                return (f"image `{raw[:80]}`, line {element.sourceline}: svglib, which draws the PDF, paints what "
                        f"this element holds with its `color: {colour[:80]}` where `{key}: currentColor` is given "
                        f"at line {giver.sourceline}; a browser and Word paint it with the `color` given there",
                        CURRENT_HINT)
        waiting += [(child, givers) for child in reversed(children)]
    return None


def _spaces(raw: str, root, rules: list) -> tuple[str, str] | None:
    """Why a `white-space` that keeps a text's spaces (`pre`, `pre-wrap` …), as an attribute, in a `style` or a
    `<style>` rule, is refused, or None: the drawing's text holds spaces it would keep in a browser (a tab or line
    break, two spaces in a row, a space at a `<text>`'s start or end), which svglib (the PDF) and CairoSVG (the Word
    document's picture) run into one, as they read no `white-space`."""
    import tinycss2

    def kept(value: str) -> bool:
        return value.replace("!important", "").strip() not in ("normal", "nowrap", "inherit")

    given = [(e.sourceline, v) for e in root.iter(SVG_NS + "*") for v in [e.get("white-space", "")] if v and kept(v)]
    given += [(e.sourceline + line, value) for e in root.iter(SVG_NS + "*") for line, key, value, _ in _declarations(
        tinycss2.parse_declaration_list(e.get("style", "")), 0, "style") if key == "white-space" and kept(value)]
    given += [(line, value) for _, _, found in rules for line, key, value, _ in found
              if key == "white-space" and kept(value)]
    if not given:
        return None
    for text in root.iter(SVG_NS + "text"):
        words = "".join(text.itertext())
        if re.search(r"[\t\n\r]|  ", words) or words != words.strip(" "):
            line, value = given[0]
            return (f"image `{raw[:80]}`, line {text.sourceline}: the text “{words.strip()[:40]}” holds spaces "
                    f"that `white-space: {value[:40]}` (line {line}) keeps in a browser; svglib, which draws the PDF, "
                    "and CairoSVG, which draws the Word document's picture, run them into one",
                    "write one space between words and none at the text's ends (place a piece by its own "
                    "`<tspan x=…>`), or leave `white-space` out")
    return None


def _see_through(opacity: str | None) -> bool:
    """Whether a `fill-opacity` (a number: `_property` refuses the rest) is below 1."""
    return opacity is not None and re.fullmatch(NUMBER, opacity) is not None and float(opacity) < 1


def _ruled(raw: str, root, rules: list) -> tuple[str, str] | None:
    """Why a `<style>` rule is refused, at its line, or None: it hides (`display: none`, `visibility: hidden`) an
    element svglib draws all the same (UNHIDDEN_BY_RULE: a `<use>`, `<a>`, `<switch>`, `<tspan>`, `<symbol>`, and
    a `<g>` given `display: none`), or styles an `<a>`
    inside a `<text>` (svglib styles its words by the `<text>` only). Rules matched with cssselect2, as svglib
    matches them."""
    if not any(found for _, _, found in rules):
        return None
    import cssselect2

    wrappers = list(cssselect2.ElementWrapper.from_xml_root(root).iter_subtree())
    unhidden = {key: [w for w in wrappers if _name(w.etree_element) in names]
                for key, names in UNHIDDEN_BY_RULE.items()}
    linked = [w for w in wrappers if w.etree_element.tag == SVG_NS + "a"
              and any(a.tag == SVG_NS + "text" for a in w.etree_element.iterancestors())]
    for line, prelude, found in rules:
        hides = {key for _, key, value, _ in found
                 if key == "display" and value == "none" or key == "visibility" and value in ("hidden", "collapse")}
        hidden = {id(w): w for key in hides for w in unhidden[key]}.values()
        styles = any(not key.startswith("-") for _, key, _, _ in found)
        try:
            selectors = cssselect2.compile_selector_list(prelude)
        except cssselect2.SelectorError:
            continue
        for wrapper, styled in [(w, False) for w in hidden] + [(w, True) for w in linked if styles]:
            if not any(selector.test(wrapper) for selector in selectors):
                continue
            element = wrapper.etree_element
            if styled:
                return (f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, prints the words of an `<a>` "
                        f"inside a `<text>` (line {element.sourceline}) without the style this rule gives it",
                        "give the style to a `<tspan>` inside the `<a>`")
            return (f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, draws a `<{_name(element)}>` "
                    f"(line {element.sourceline}) this rule hides all the same",
                    "remove the element instead of hiding it")
    return None


def _other_file(raw: str, line: int, key: str, value: str) -> tuple[str, str]:
    return (f"image `{raw[:80]}`, line {line}: `{key}: {value[:80]}` refers to another file, which is left out: an "
            "SVG figure is drawn from itself alone", "draw that part in this SVG itself, or export the drawing as PNG")


def _spaced(raw: str, line: int, key: str, value: str) -> tuple[str, str]:
    return (f"image `{raw[:80]}`, line {line}: `{key}: {value[:80]}`: CairoSVG, which draws the Word document's "
            "picture, finds nothing by a reference with a space before its `)` and paints nothing; svglib, which "
            "draws the PDF, paints it", SPACED_HINT)


def _unclosed(value: str) -> bool:
    """Whether a `url(` of `value` has no `)` after it: CairoSVG looks for one from each `url(` to the end of the
    value (`helpers.PAINT_URL`, time quadratic in a value of many), svglib draws no reference of it."""
    return value.rfind("url(") > value.rfind(")")


def _cannot_close(raw: str, line: int, key: str, value: str) -> tuple[str, str]:
    return f"image `{raw[:80]}`, line {line}: `{key}: {value[:80]}` opens a `url(` it never closes", UNCLOSED_HINT


def _declarations(parsed: list, line: int, how: str) -> list[tuple[int, str, str, str]]:
    """(line in the SVG, property, value, `how`) of each CSS declaration tinycss2 parsed from a text starting at
    `line` (`how`: `style` or `rule`, as `_property` takes it)."""
    import tinycss2

    return [(line + item.source_line - 1, item.lower_name, tinycss2.serialize(item.value).strip(), how)
            for item in parsed if item.type == "declaration"]


def _cannot(raw: str, line: int, what: str) -> str:
    return f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, cannot draw {what}"


def _embedded(at: str, kind: str, encoded: str) -> tuple[int, int] | tuple[str, str]:
    """The (width, height) in pixels of a base64 bitmap of `kind` (`png`, `jpeg`) an element embeds, checked as a plain raster
    is and within CairoSVG's bounds, or why it is refused (`at` names the element)."""
    from PIL import Image

    try:
        data = base64.decodebytes(encoded.encode("ascii"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")        # Pillow's notes on a corrupt Exif block: its orientation is none
            width, height, _ = bitmap(data, kind, decode=False)
            with Image.open(io.BytesIO(data)) as image:
                turned = image.getexif().get(ORIENTATION, 1) != 1
    except Unfit as exc:
        said = f" said to be {kind.upper()}" if exc.found else ""
        return f"{at} embeds a bitmap{said} that {exc.args[0]}", BITMAP_HINTS[exc.args[1]]
    except (binascii.Error, UnicodeEncodeError):
        return f"{at} embeds a bitmap that is not readable base64", BITMAP_HINT
    if max(width, height) > MAX_SIDE:
        return (f"{at} embeds a bitmap of {width} × {height} pixels; a side is at most {MAX_SIDE:,} pixels",
                BITMAP_SIZE_HINT)
    if turned:
        return (f"{at} embeds a photograph turned by its Exif orientation, which the Word document's picture "
                "would show turned and the PDF not", "save the photograph turned as it shows, then embed it again")
    return width, height


def _drawn(root, elements: list, pixels: dict) -> tuple[int, int] | str:
    """(elements, bitmap pixels) an SVG draws once each `<use>` (`href`/`xlink:href="#id"`) and `url(#id)`
    reference is drawn where it stands (an element weighed by `_weight`), each counted up to its bound + 1
    (MAX_DRAWN, MAX_PIXELS; references nested beyond Python's stack count as more); or the id through which an
    element refers to itself (a pattern filled with itself, a group using itself: drawn without end). `pixels`: an
    embedded bitmap's, by element."""
    ids = {element.get("id"): element for element in elements if element.get("id")}
    counted: dict = {}
    visiting: set = set()

    def count(element) -> tuple[int, int]:
        if element in counted:
            return counted[element]
        visiting.add(element)
        total, drawn = _weight(element), pixels.get(element, 0)
        named = [value[1:] for key, value in element.attrib.items()
                 if key.rsplit("}", 1)[-1] == "href" and value.startswith("#")]
        named += [found for value in element.attrib.values() for found in REFERENCE.findall(value)]
        for part in [child for child in element if isinstance(child.tag, str)] + [ids[n] for n in named if n in ids]:
            if part in visiting:
                raise _Cycle(part.get("id") or "")
            more, shown = count(part)
            total, drawn = min(total + more, MAX_DRAWN + 1), min(drawn + shown, MAX_PIXELS + 1)
        visiting.discard(element)
        counted[element] = total, drawn
        return total, drawn

    try:
        return count(root)
    except _Cycle as cycle:
        return cycle.args[0]
    except RecursionError:  # references nested deeper than Python's stack: far more than any drawing draws
        return MAX_DRAWN + 1, 0


NUMBERS = re.compile(NUMBER)            # the numbers of a path's `d` or a polyline's `points` (`_weight`)


def _weight(element) -> int:
    """What drawing `element` costs, in elements: 1, and 1 more for every PER_ELEMENT points of its path or
    polyline (`d`, `points`: two numbers a point) or characters a `<text>` or `<tspan>` draws of its own (a
    `<tspan>`'s text and the text after it)."""
    shape = element.get("d") or element.get("points") or ""
    parts = sum(1 for _ in NUMBERS.finditer(shape)) // 2 if shape else 0
    if element.tag in (SVG_NS + "text", SVG_NS + "tspan"):
        parts += len((element.text or "").strip())
        parts += len((element.tail or "").strip()) if element.tag == SVG_NS + "tspan" else 0
    return 1 + parts // PER_ELEMENT


class _Cycle(Exception):
    """An SVG element reached again while its own parts are counted (`_drawn`): the id it is named by."""
