"""Image files a content file shows (`![alternative text](figures/name.png)`): found, checked and read once.

An image file is untrusted input. Its path is relative to the document folder and stays inside it (no absolute
path, no `..` or link leading out, a regular file: `spec.not_a_file_inside`); it is at most MAX_BYTES long. A PNG
or JPEG is opened with Pillow, its format read from its bytes (a `.png` that is not a PNG is refused), its pixel
count bounded by MAX_PIXELS before it is decoded (a decompression bomb is refused unread), then decoded whole, so
that a truncated or corrupt file is refused here rather than in a writer. An SVG is parsed by lxml without
entities or network and must be an `<svg>` drawing that svglib converts; it can reach no other file (svglib is
given bytes, so `xlink:href` to a file resolves to nothing).
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote

from ..errors import Collector
from ..parse.lines import locate
from .spec import OUTSIDE_HINT, not_a_file_inside

MAX_BYTES = 20 * 1024 * 1024            # a figure for a paper: a full page at 300 dpi is far less
MAX_PIXELS = 40_000_000                 # 40 megapixels; a full A4 page at 300 dpi is 8.7
MAX_POINTS = 14_400.0                   # an SVG's side: ISO 32000-1 annex C's largest page side (200 inches)
MAX_DRAWN = 100_000                     # an SVG's elements once each `<use>` and `url(#…)` is drawn where it stands
DEFAULT_DPI = 96.0                      # Word's and the browsers' assumption for an image that states none
FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
PILLOW = {"png": "PNG", "jpeg": "JPEG"}
JPEG_HEADERS = (b"JFIF", b"Exif")        # the first segment python-docx reads a JPEG's size and resolution from
SVG_NS = "{http://www.w3.org/2000/svg}svg"
REFERENCE = re.compile(r"""url\(\s*['"]?#([^)'"\s]+)""")  # `fill="url(#grad)"`, `mask: url('#m')`
FORMAT_HINT = "save the figure as PNG (a drawing or screenshot), JPEG (a photograph) or SVG (a drawing as vectors)"


@dataclass(frozen=True)
class Picture:
    """An image file read and checked: `path` as written in the content, `format` (`png`, `jpeg`, `svg`), its
    bytes, its natural `size` in points (pixels at the resolution it states, DEFAULT_DPI when none; an SVG's own
    width and height) and its `pixels` (width, height; (0, 0) for an SVG)."""

    path: str
    format: str
    data: bytes
    size: tuple
    pixels: tuple = (0, 0)


def image_path(src: str) -> str:
    """The file an image token's `src` names: markdown-it percent-encodes it, the file system does not."""
    return unquote(src)


def read_picture(folder: Path, raw: str) -> Picture | tuple[str, str]:
    """The image file `raw` (relative to `folder`) read and checked, or (message, hint) saying why not."""
    if "://" in raw or raw.startswith("data:"):
        return (f"`{raw[:80]}` is not a file of the document folder: an image is a file beside the content",
                "save the image in the document folder (e.g. `figures/`) and name it there")
    if Path(raw).is_absolute() or PureWindowsPath(raw).anchor:
        return f"`{raw[:80]}` is an absolute path", "name images relative to the document folder: `figures/name.png`"
    kind = FORMATS.get(Path(raw).suffix.lower())
    if kind is None:
        return f"`{raw[:80]}`: a {Path(raw).suffix or 'file without an extension'} image is not supported", FORMAT_HINT
    wrong = not_a_file_inside(folder, folder / raw)
    if wrong == "missing":
        return (f"image `{raw[:80]}` does not exist",
                "save it there, or correct the path (relative to the document folder)")
    if wrong:
        return f"image `{raw[:80]}` {wrong}", OUTSIDE_HINT if "leaves" in wrong else "name an image file here"
    path = folder / raw
    try:
        if path.stat().st_size > MAX_BYTES:
            return (f"image `{raw[:80]}` is larger than {MAX_BYTES // 2**20} MB",
                    "save it at the size it prints (300 dpi at most)")
        data = path.read_bytes()
    except OSError as exc:
        return f"image `{raw[:80]}` cannot be read: {exc.strerror or exc}", "check the file's permissions"
    return (_svg if kind == "svg" else _raster)(raw, kind, data)


def _raster(raw: str, kind: str, data: bytes) -> Picture | tuple[str, str]:
    from PIL import Image

    bad = (f"image `{raw[:80]}` is not a readable {kind.upper()} file", FORMAT_HINT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != PILLOW[kind]:
                    return (f"image `{raw[:80]}` is named .{Path(raw).suffix.lstrip('.')} but holds "
                            f"{image.format or 'something else'}", FORMAT_HINT)
                if kind == "jpeg" and data[6:10] not in JPEG_HEADERS:
                    return (f"image `{raw[:80]}` is a JPEG without a JFIF or Exif header (as a CMYK or Adobe JPEG "
                            "is), which the Word document cannot hold", "save it again as an RGB JPEG, or as PNG")
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return _too_many(raw, width, height)
                dpi = image.info.get("dpi")
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _too_many(raw, 0, 0)
    except (OSError, SyntaxError, ValueError, EOFError):
        return bad
    xdpi, ydpi = (float(dpi[0]), float(dpi[1])) if dpi and min(dpi) >= 10 else (DEFAULT_DPI, DEFAULT_DPI)
    return Picture(raw, kind, data, (width * 72.0 / xdpi, height * 72.0 / ydpi), (width, height))


def _too_many(raw: str, width: int, height: int) -> tuple[str, str]:
    shown = f" ({width} × {height})" if width else ""
    return (f"image `{raw[:80]}` has more than {MAX_PIXELS // 1_000_000} million pixels{shown}",
            "save it at the size it prints (300 dpi at most)")


def svg_drawing(data: bytes):
    """The reportlab Drawing svglib makes of an SVG's bytes (None when it cannot)."""
    from svglib.svglib import svg2rlg

    return svg2rlg(io.BytesIO(data))


def _svg(raw: str, kind: str, data: bytes) -> Picture | tuple[str, str]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    bad = f"image `{raw[:80]}` is not a readable SVG drawing", FORMAT_HINT
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"image `{raw[:80]}` is not well-formed SVG: {exc.msg}", bad[1]
    if root.tag != SVG_NS:
        return bad
    drawn = _drawn_elements(root)
    if isinstance(drawn, str):
        return (f"image `{raw[:80]}` refers to itself through `#{drawn}`: it would be drawn without end",
                "remove the `<use>` or `url(#…)` that names an element holding it")
    if drawn > MAX_DRAWN:
        return (f"image `{raw[:80]}` would draw more than {MAX_DRAWN:,} elements, or nest its `<use>` and "
                "`url(#…)` references deeper than they can be drawn", "save the drawing as PNG, or with fewer "
                "repeated elements")
    try:
        drawing = svg_drawing(data)
        if drawing is None or not (drawing.width > 0 and drawing.height > 0):
            return bad
        if max(drawing.width, drawing.height) > MAX_POINTS:
            return (f"image `{raw[:80]}` is {drawing.width:g} × {drawing.height:g} points; a drawing is at most "
                    f"{MAX_POINTS:,.0f} points (200 inches) a side",
                    "give the `<svg>` the width and height it prints at")
        _drawn(drawing)
    except Exception as exc:  # noqa: BLE001 - svglib, Pillow and reportlab fail in many ways on an odd drawing
        said = " ".join(str(exc).split())[:160] or type(exc).__name__
        return (f"image `{raw[:80]}` cannot be drawn ({said})",
                "save the drawing again from its program without out-of-range sizes or embedded images, or save "
                "the figure as PNG")
    return Picture(raw, kind, data, (float(drawing.width), float(drawing.height)))


def _drawn_elements(root) -> int | str:
    """How many elements an SVG draws once each `<use>` (`href`/`xlink:href="#id"`) and `url(#id)` reference is
    drawn where it stands, counted up to MAX_DRAWN + 1 (also for references nested beyond Python's stack); or the
    id through which an element refers to itself (a pattern filled with itself, a group using itself: drawn
    without end)."""
    ids = {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    counted: dict = {}
    visiting: set = set()

    def count(element) -> int:
        if element in counted:
            return counted[element]
        visiting.add(element)
        total = 1
        named = [value[1:] for key, value in element.attrib.items()
                 if key.rsplit("}", 1)[-1] == "href" and value.startswith("#")]
        named += [found for value in element.attrib.values() for found in REFERENCE.findall(value)]
        for part in [child for child in element if isinstance(child.tag, str)] + [ids[n] for n in named if n in ids]:
            if part in visiting:
                raise _Cycle(part.get("id") or "")
            total = min(total + count(part), MAX_DRAWN + 1)
        visiting.discard(element)
        counted[element] = total
        return total

    try:
        return count(root)
    except _Cycle as cycle:
        return cycle.args[0]
    except RecursionError:  # references nested deeper than Python's stack: far more than any drawing draws
        return MAX_DRAWN + 1


class _Cycle(Exception):
    """An SVG element reached again while its own parts are counted (`_drawn_elements`): the id it is named by."""


def _drawn(drawing) -> None:
    """Draw `drawing` once, as the PDF writer will, into nothing: what reportlab cannot write (a number beyond the
    range of PDF's reals, an embedded image Pillow cannot read) raises here, at the image's line, not in a writer."""
    from reportlab.graphics import renderPDF

    renderPDF.drawToString(drawing)


def image_sources(text: str) -> list[tuple[str, int, int | None]]:
    """(path as written, 1-based line, column) of every image in a content file's Markdown, in order; a text
    without `![` holds no image (inline or by reference) and is not parsed."""
    if "![" not in text:
        return []
    from ..parse.markdown import parser

    lines = text.split("\n")
    found = []
    for token in parser().parse(text, {}):
        if token.type != "inline" or not token.map:
            continue
        for child in token.children or ():
            if child.type == "image":
                src = image_path(str(child.attrs.get("src", "")))
                line, col = locate(lines, token.map[0], token.map[1], "](" + src.split("/")[0])
                found.append((src, line + 1, col))
    return found


def read_images(folder: Path, texts: dict, out: Collector) -> dict:
    """path as written -> Picture of every image the content files `texts` (path -> text) show; each refused one
    a problem in `out` at the line that shows it. Each file is read once however often it is shown."""
    pictures: dict = {}
    refused: dict = {}
    for path, text in texts.items():
        for src, line, col in image_sources(text):
            if src not in pictures and src not in refused:
                read = read_picture(folder, src)
                (pictures if isinstance(read, Picture) else refused)[src] = read
            if src in refused:
                out.add(path, line, *refused[src], col)
    return pictures
