"""SVG images: parsed once, checked as untrusted input, and drawn by svglib without a word of its own on the terminal.

An SVG (`sources.images` finds and reads its file) is parsed by lxml without entities or network and must be an
`<svg>` drawing made of itself alone:

- a reference (`href` or `xlink:href` of any element but a hyperlink `<a>` or a `<script>`, which draw nothing)
  names one of its own elements (`#id`) or embeds a base64 PNG or JPEG bitmap (`data:image/png;base64,…`): a file
  (relative, absolute, `file:`, the web) or another embedded kind is refused, which svglib and CairoSVG drop (the
  picture would lose a part silently);
- each embedded bitmap meets a plain raster's bounds (`images.bitmap`: its format read from its bytes, at most
  MAX_PIXELS, Pillow's decompression-bomb check an error) and CairoSVG's (at most MAX_SIDE pixels a side), checked
  before svglib, Pillow or CairoSVG decode it; all of them together, each drawn as often as the drawing draws it,
  at most MAX_PIXELS;
- it holds no element svglib does not draw and no property it does not read (UNDRAWN, read off svglib's
  `SvgRenderer.renderNode` and `applyStyleOnShape`: a mask, marker, filter, pattern, foreign object, text on a
  path, opacity, a gradient stroke), as an attribute, in `style` or in a `<style>` rule; no `url(…)` naming a file
  and no CSS at-rule (`@import`, `@media`: svglib skips them), each refused at its own line of the SVG. What
  svglib draws stays accepted: shapes, paths, text and `<tspan>`, groups, `<use>`, `<symbol>`, `<switch>`,
  clipping paths, linear and radial gradient fills, embedded bitmaps;
- it draws at most MAX_DRAWN elements once each `<use>` and `url(#…)` is drawn where it stands, and none of its
  elements holds itself through a reference;
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
import io
import logging
import re
import warnings
from contextlib import contextmanager

from .images import FORMAT_HINT, MAX_PIXELS, SIZE_HINT, Unfit, bitmap

MAX_POINTS = 14_400.0                   # an SVG's side: ISO 32000-1 annex C's largest page side (200 inches)
MAX_DRAWN = 100_000                     # an SVG's elements once each `<use>` and `url(#…)` is drawn where it stands
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
BITMAP_SIZE_HINT = "embed the bitmaps at the size they print (300 dpi at most), or save the figure as PNG"
BITMAP_HINT = "embed the bitmap again, as a PNG or JPEG, from the program that made the drawing"
BITMAP_HINTS = {SIZE_HINT: BITMAP_SIZE_HINT, FORMAT_HINT: BITMAP_HINT}   # a raster's hints, for an embedded one
FLATTEN_HINT = "flatten the effect in the drawing program, or export the drawing as PNG"
PATHS_HINT = ("turn {} into paths in the drawing program (Inkscape: Path ▸ Object to Path), or export the "
              "drawing as PNG")
UNDRAWN = {  # what svglib does not draw (`<element>`) or read (property): (what it is, values it draws, what to do)
    "<mask>": ("a `<mask>`", None, FLATTEN_HINT),
    "<filter>": ("a `<filter>`", None, FLATTEN_HINT),
    "<marker>": ("a `<marker>` (an arrowhead or a dot on a line)", None, PATHS_HINT.format("the markers")),
    "<pattern>": ("a `<pattern>` fill (a hatching or tiling)", None, FLATTEN_HINT),
    "<foreignObject>": ("a `<foreignObject>` (HTML in a drawing)", None,
                        "draw its content as SVG text and shapes, or export the drawing as PNG"),
    "<textPath>": ("a `<textPath>` (text along a path)", None, PATHS_HINT.format("the text")),
    "mask": ("the `mask` property", "none", FLATTEN_HINT),
    "filter": ("the `filter` property", "none", FLATTEN_HINT),
    **{name: (f"the `{name}` property", "none", PATHS_HINT.format("the markers"))
       for name in ("marker", "marker-start", "marker-mid", "marker-end")},
    "opacity": ("a see-through `opacity` (printed opaque)", r"1(\.0*)?|100%",
                "give the shapes `fill-opacity` and `stroke-opacity` instead, or export the drawing as PNG"),
    "stroke": ("a gradient or pattern stroke", r"(?!url\().*",
               "stroke with a plain colour, or export the drawing as PNG"),
}
FILE_URL = re.compile(r"""url\(\s*['"]?(?!#)""")      # `fill="url(file.svg#g)"`: drawn from another file
CSS_AT_RULES = {"font-face", "charset", "namespace"}      # at-rules whose loss changes no part of the drawing
SVG_SIZE_HINT = ("give the `<svg>` a `viewBox`, or its width and height in absolute units "
                 '(`width="400" height="300"`)')


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


def rendered(root, records: list):
    """The reportlab Drawing svglib makes of a parsed SVG (changing `root`: svglib copies what a `<use>` draws into
    it), its reports kept in `records` (`quiet`)."""
    from svglib.svglib import SvgRenderer

    with quiet(records):
        return SvgRenderer(io.BytesIO()).render(root)  # a source without a path: no file reference is resolved


def drawing(data: bytes):
    """The reportlab Drawing of an SVG's bytes that `read_svg` accepted, made quietly (as the PDF writer draws it)."""
    return rendered(parsed(data), [])


def read_svg(raw: str, data: bytes) -> tuple[float, float] | tuple[str, str]:
    """The natural (width, height) in points of the SVG image `raw` (as the content names it) whose bytes are
    `data`, or (message, hint) saying why it is refused."""
    from lxml import etree

    unreadable = f"image `{raw[:80]}` is not a readable SVG drawing", FORMAT_HINT
    try:
        root = parsed(data)
    except etree.XMLSyntaxError as exc:
        return f"image `{raw[:80]}` is not well-formed SVG: {exc.msg}", FORMAT_HINT
    if root.tag != SVG_NS + "svg":
        return unreadable
    elements = list(root.iter(etree.Element))
    pixels: dict = {}
    bitmaps: dict = {}
    undrawn = None                      # said after the bounds below: a drawing without end is refused as such
    for element in elements:
        wrong = _reference(raw, element, pixels, bitmaps)
        if wrong:
            return wrong
        undrawn = undrawn or _undrawn(raw, element)
    drawn = _drawn(root, elements, pixels)
    if isinstance(drawn, str):
        return (f"image `{raw[:80]}` refers to itself through `#{drawn}`: it would be drawn without end",
                "remove the `<use>` or `url(#…)` that names an element holding it")
    if drawn[0] > MAX_DRAWN:
        return (f"image `{raw[:80]}` would draw more than {MAX_DRAWN:,} elements, or nest its `<use>` and "
                "`url(#…)` references deeper than they can be drawn", "save the drawing as PNG, or with fewer "
                "repeated elements")
    if drawn[1] > MAX_PIXELS:
        return (f"the bitmaps image `{raw[:80]}` embeds have more than {MAX_PIXELS // 1_000_000} million pixels "
                "together, each counted as often as it is drawn", BITMAP_SIZE_HINT)
    if undrawn:
        return undrawn
    return _drawable(raw, root, unreadable)


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
    except Exception as exc:  # noqa: BLE001 - svglib, Pillow and reportlab fail in many ways on an odd drawing
        said = " ".join(str(exc).split())[:160] or type(exc).__name__
        return (f"image `{raw[:80]}` cannot be drawn ({said})",
                "save the drawing again from its program without out-of-range sizes, or save the figure as PNG")
    reported = [r for r in records if r.levelno >= logging.WARNING and not str(r.msg).startswith(HARMLESS)]
    if reported:
        said = " ".join(reported[0].getMessage().split())[:160]
        return (f"image `{raw[:80]}` cannot be drawn as it stands: svglib, which draws it in the PDF, says "
                f"“{said}”", SVG_SIZE_HINT if UNRESOLVED_SIZE.match(said) else REDRAW_HINT)
    if max(made.width, made.height) > MAX_POINTS:
        return (f"image `{raw[:80]}` is {made.width:g} × {made.height:g} points; a drawing is at most "
                f"{MAX_POINTS:,.0f} points (200 inches) a side", "give the `<svg>` the width and height it prints at")
    return float(made.width), float(made.height)


def _reference(raw: str, element, pixels: dict, bitmaps: dict) -> tuple[str, str] | None:
    """Why the reference `element` makes (its `href`) is refused, or None: a `#id` of the drawing, or an embedded
    bitmap within bounds, whose pixel count `pixels` then keeps by element. `bitmaps`: what `_embedded` said of each
    data URI checked so far (each is checked once however often it stands)."""
    target = next((element.get(key) for key in HREFS if element.get(key) is not None), None)
    name = element.tag.rsplit("}", 1)[-1]
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
    if isinstance(bitmaps[target], tuple):
        return bitmaps[target]
    pixels[element] = bitmaps[target]
    return None


def _undrawn(raw: str, element) -> tuple[str, str] | None:
    """Why `element` is refused as a part svglib would leave out of the PDF (UNDRAWN, FILE_URL, a CSS at-rule), at
    its own line of the SVG (a `<style>` rule's own line), or None. Its properties are read as presentation
    attributes, from its `style` attribute and, for a `<style>`, from each rule (tinycss2, as svglib reads them)."""
    import tinycss2

    name = element.tag.rsplit("}", 1)[-1] if element.tag.startswith(SVG_NS) else None
    line = element.sourceline
    if f"<{name}>" in UNDRAWN:
        what, _, hint = UNDRAWN[f"<{name}>"]
        return _cannot(raw, line, what), hint
    declared = [(line, key, value) for key, value in element.attrib.items() if key != "style"]
    if element.get("style"):
        declared += _declarations(tinycss2.parse_declaration_list(element.get("style")), line)
    if name == "style":
        for rule in tinycss2.parse_stylesheet(element.text or "", skip_comments=True, skip_whitespace=True):
            at = line + rule.source_line - 1
            if rule.type == "at-rule" and rule.lower_at_keyword not in CSS_AT_RULES:
                return (_cannot(raw, at, f"a CSS `@{rule.at_keyword}` rule (it skips every at-rule)"),
                        "write its rules in the `<style>` itself, or export the drawing as PNG")
            if rule.type == "qualified-rule":
                declared += _declarations(tinycss2.parse_declaration_list(rule.content), line)
    for at, key, value in declared:
        if FILE_URL.search(value):
            return (f"image `{raw[:80]}`, line {at}: `{key}: {value[:80]}` refers to another file, which is left "
                    "out: an SVG figure is drawn from itself alone", "draw that part in this SVG itself, or "
                    "export the drawing as PNG")
        if key in UNDRAWN and not re.fullmatch(UNDRAWN[key][1], value.strip()):
            return _cannot(raw, at, f"{UNDRAWN[key][0]} (`{key}: {value[:80]}`)"), UNDRAWN[key][2]
    return None


def _declarations(parsed: list, line: int) -> list[tuple[int, str, str]]:
    """(line in the SVG, property, value) of each CSS declaration tinycss2 parsed from a text starting at `line`."""
    import tinycss2

    return [(line + item.source_line - 1, item.lower_name, tinycss2.serialize(item.value).strip())
            for item in parsed if item.type == "declaration"]


def _cannot(raw: str, line: int, what: str) -> str:
    return f"image `{raw[:80]}`, line {line}: svglib, which draws the PDF, cannot draw {what}"


def _embedded(at: str, kind: str, encoded: str) -> int | tuple[str, str]:
    """The pixel count of a base64 bitmap of `kind` (`png`, `jpeg`) an element embeds, checked as a plain raster
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
    return width * height


def _drawn(root, elements: list, pixels: dict) -> tuple[int, int] | str:
    """(elements, bitmap pixels) an SVG draws once each `<use>` (`href`/`xlink:href="#id"`) and `url(#id)`
    reference is drawn where it stands, each counted up to its bound + 1 (MAX_DRAWN, MAX_PIXELS; references
    nested beyond Python's stack count as more); or the id through which an element refers to itself (a pattern
    filled with itself, a group using itself: drawn without end). `pixels`: an embedded bitmap's, by element."""
    ids = {element.get("id"): element for element in elements if element.get("id")}
    counted: dict = {}
    visiting: set = set()

    def count(element) -> tuple[int, int]:
        if element in counted:
            return counted[element]
        visiting.add(element)
        total, drawn = 1, pixels.get(element, 0)
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


class _Cycle(Exception):
    """An SVG element reached again while its own parts are counted (`_drawn`): the id it is named by."""
