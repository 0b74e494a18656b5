"""Image files a content file shows (`![alternative text](figures/name.png)`): found, checked and read once.

An image file is untrusted input. Its path is relative to the document folder and stays inside it (no absolute
path, no `..` or link leading out, a regular file: `spec.not_a_file_inside`); it is read within `bounds.IMAGE`. A PNG
or JPEG is opened with Pillow, its format read from its bytes (a `.png` that is not a PNG is refused), its pixel
count bounded by MAX_PIXELS before it is decoded (a decompression bomb is refused unread), then decoded whole, so
that a truncated or corrupt file is refused here rather than in a writer (`bitmap`). What a PNG's pixels show is read
once, here, for the check and for the PDF (`shown`): Word and LibreOffice draw a PNG's transparency (an alpha
channel, a palette's or a colour's tRNS entry) over the page and 16-bit grey at its full range; the PDF draws the
same (an SMask, grey scaled to 8 bits), and what it could not draw alike is refused. An SVG is checked by
`sources.svg`: a drawing made of itself alone, its embedded bitmaps within a raster's bounds, drawn by svglib
without a part lost or changed.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote

from ..errors import Collector
from ..parse.lines import locate
from .bounds import IMAGE, Beyond, read_within
from .spec import hint_for, not_a_file_inside

MAX_PIXELS = 40_000_000                 # 40 megapixels; a full A4 page at 300 dpi is 8.7
# the elements a paper's SVG drawings draw together, each showing counted (`svg.MAX_DRAWN` bounds one drawing, not
# the paper: breaks-8 #1, a drawing of 2,000 elements shown 40 times took the PDF 46 s, and each SVG within its
# bound adds its own): five drawings at their bound, some 30 s of CPU over an en and zh paper's check (2.95 ms an
# element at worst, `svg.MAX_DRAWN`); the charts of tests/svg (d3, Observable Plot, matplotlib) draw 22-313 each
MOST_DRAWN = 10_000
# the pictures a paper shows, each showing counted (breaks-9 #5: nothing counted them but CONTENTS' 50,000 lines, some
# 25,000 showings): each is laid out and written again in both formats, 0.8 ms of check's CPU a showing of one small
# PNG, 2.6 ms of distinct ones (each read). Real papers show some tens. At the bound (an English paper), check took
# 2.1 s of CPU and 76 MB for one PNG shown 2,000 times, 5.7 s and 85 MB for 2,000 distinct ones.
MOST_SHOWN = 2_000
# the pixels of the raster pictures a paper shows together, each picture counted once (it is read once): MOST_SHOWN
# counts showings, not the decoding, which costs by the pixel (review-14 R13: a flat 6,320 × 6,320 PNG, 40 Mpx in
# 130 KB, took check 1.65 s of CPU, so 2,000 distinct ones some 55 minutes a language). Real papers show some tens of
# pictures of a few million pixels (an A4 page's width at 300 dpi is 2,480); 400 million is ten pictures at
# MAX_PIXELS or some thirty 12 Mpx phone photographs. At the bound (an English paper of ten distinct flat 40 Mpx PNGs)
# check took 17.1 s of CPU (and 4.5 s of system) and 442 MB, where the minimal document takes 2.1-2.5 s and 98 MB
MOST_PIXELS = 400_000_000
DEFAULT_DPI = 96.0                      # Word's and the browsers' assumption for an image that states none
FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
PILLOW = {"png": ("PNG",), "jpeg": ("JPEG", "MPO")}   # MPO: a JPEG with more images after it (a phone's, a 3D camera's)
JPEG_HEADERS = (b"JFIF", b"Exif")        # the first segment python-docx reads a JPEG's size and resolution from
FORMAT_HINT = "save the figure as PNG (a drawing or screenshot), JPEG (a photograph) or SVG (a drawing as vectors)"
SIZE_HINT = IMAGE.hint


@dataclass(frozen=True)
class Picture:
    """An image file read and checked: `path` as written in the content, `format` (`png`, `jpeg`, `svg`), its
    bytes, its natural `size` in points (pixels at the resolution it states, DEFAULT_DPI when none; an SVG's own
    width and height) and its `pixels` (width, height; (0, 0) for an SVG); `drawn`, the elements an SVG draws
    (`svg.MAX_DRAWN`'s count; 0 for a raster)."""

    path: str
    format: str
    data: bytes
    size: tuple
    pixels: tuple = (0, 0)
    drawn: int = 0


def image_path(src: str) -> str:
    """The file an image token's `src` names: markdown-it percent-encodes it, the file system does not."""
    return unquote(src)


@dataclass(frozen=True)
class Within:
    """The folder images are named in, as messages say it: its `name` and an `example` path in it."""

    name: str
    example: str


CONTENT = Within("the document folder", "figures/name.png")      # an image the content shows
TEMPLATES = Within("the templates folder", "images/logo.png")    # a theme's cover logo


def read_picture(folder: Path, raw: str, within: Within = CONTENT, shared: bool = False) -> Picture | tuple[str, str]:
    """The image file `raw` (relative to `folder`, which messages call `within`) read and checked, or (message,
    hint) saying why not. `shared`: `folder` is the user's or the toolkit's templates folder, where a hard link is
    read (`spec.not_a_file_inside`); a document folder's never is."""
    if "://" in raw or raw.startswith("data:"):
        return (f"`{raw[:80]}` is not a file of {within.name}: an image is a file in it",
                f"save the image in {within.name} and name it there: `{within.example}`")
    if Path(raw).is_absolute() or PureWindowsPath(raw).anchor:
        return f"`{raw[:80]}` is an absolute path", f"name images relative to {within.name}: `{within.example}`"
    kind = FORMATS.get(Path(raw).suffix.lower())
    if kind is None:
        return f"`{raw[:80]}`: a {Path(raw).suffix or 'file without an extension'} image is not supported", FORMAT_HINT
    wrong = not_a_file_inside(folder, folder / raw, shared)
    if wrong == "missing":
        return (f"image `{raw[:80]}` does not exist",
                f"save it there, or correct the path (relative to {within.name})")
    if wrong and wrong.startswith("leaves"):
        return (f"image `{raw[:80]}` leaves {within.name}",
                f"keep images inside {within.name}; links pointing out are refused")
    if wrong:
        return f"image `{raw[:80]}` {wrong}", hint_for(wrong, "name an image file here", folder / raw)
    path = folder / raw
    try:
        data = read_within(path, IMAGE, f"image `{raw[:80]}`")
    except Beyond as exc:
        return str(exc), SIZE_HINT
    except OSError as exc:
        return f"image `{raw[:80]}` cannot be read: {exc.strerror or exc}", "check the file's permissions"
    return (_svg if kind == "svg" else _raster)(raw, kind, data)


def _raster(raw: str, kind: str, data: bytes) -> Picture | tuple[str, str]:
    try:
        width, height, dpi = bitmap(data, kind)
    except Unfit as exc:
        what, hint = exc.args
        if exc.found:
            what = f"is named .{Path(raw).suffix.lstrip('.')} but {what}"
        return f"image `{raw[:80]}` {what}", hint
    if kind == "jpeg" and data[6:10] not in JPEG_HEADERS:
        return (f"image `{raw[:80]}` is a JPEG without a JFIF or Exif header (as a CMYK or Adobe JPEG is), which the "
                "Word document cannot hold", "save it again as an RGB JPEG, or as PNG")
    turned = upright(data, kind)
    if turned is not None:
        data = turned
        width, height, dpi = bitmap(data, kind)
    xdpi, ydpi = (float(dpi[0]), float(dpi[1])) if dpi and min(dpi) >= 10 else (DEFAULT_DPI, DEFAULT_DPI)
    return Picture(raw, kind, data, (width * 72.0 / xdpi, height * 72.0 / ydpi), (width, height))


ORIENTATION = 0x0112    # the Exif (TIFF) tag saying how a camera's pixels are turned from the picture it shows
TURNS = range(2, 9)     # its values that turn or mirror them (1: as stored)


def upright(data: bytes, kind: str) -> bytes | None:
    """A PNG's or JPEG's bytes (checked by `bitmap`) with its pixels turned as its Exif `Orientation` (a JPEG's
    Exif block, a PNG's eXIf chunk) says, once, as every viewer shows it (a browser, Word's Insert Picture, a file
    manager): what a phone saves as the sensor took it, the turn in the tag. Pillow turns them
    (`ImageOps.exif_transpose`) and writes them again: a JPEG with its own quantization tables and sampling (what
    Pillow's `quality="keep"` keeps; the same bytes each time), its colour profile and its resolution, the sides'
    swapped with them (stated, DEFAULT_DPI when it stated none, so that the file starts with the JFIF header the Word
    document reads: a CMYK one would start with libjpeg's Adobe one), without its Exif block; a PNG losslessly, its
    transparency kept. Both writers then get the same upright pixels, and the picture's size is measured upright.
    None when there is no turn: no tag, Orientation 1, an Exif block Pillow cannot read (as viewers show it)."""
    from PIL import Image, ImageOps, JpegImagePlugin

    with Image.open(io.BytesIO(data)) as image:
        if kind == "png" and "exif" not in image.info:  # Pillow reads ImageMagick's "Raw profile type exif" text
            return None                                   # chunk too, which browsers ignore: an eXIf chunk only
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")        # Pillow's notes on a corrupt Exif block: its orientation is none
            turn = image.getexif().get(ORIENTATION, 1)
        if turn not in TURNS:
            return None
        info = dict(image.info)
        sampling = JpegImagePlugin.get_sampling(image) if kind == "jpeg" else -1
        tables = getattr(image, "quantization", None)
        turned = ImageOps.exif_transpose(image)
    kept = {"icc_profile": info["icc_profile"]} if info.get("icc_profile") else {}
    dpi = info.get("dpi") or ((DEFAULT_DPI, DEFAULT_DPI) if kind == "jpeg" else None)
    if dpi:
        kept["dpi"] = (dpi[1], dpi[0]) if turn >= 5 else dpi   # 5 to 8: a quarter turn, the sides swapped
    out = io.BytesIO()
    if kind == "jpeg":
        turned.save(out, "JPEG", qtables=tables, **({"subsampling": sampling} if sampling >= 0 else {}), **kept)
    else:
        if "transparency" in info:
            kept["transparency"] = info["transparency"]
        turned.save(out, "PNG", **kept)
    return out.getvalue()


class Unfit(Exception):
    """Why a bitmap's bytes are refused (`bitmap`): `args` (what is wrong, said of the bitmap: `holds JPEG`, `has
    more than 40 million pixels`; what to do); `found`, the format it holds when not the one it is named."""

    def __init__(self, what: str, hint: str, found: str | None = None):
        super().__init__(what, hint)
        self.found = found


def bitmap(data: bytes, kind: str, decode: bool = True) -> tuple[int, int, tuple | None]:
    """(width, height, dpi or None) of a PNG or JPEG (`kind`: `png`, `jpeg`) read by Pillow from its bytes: its
    format read from them, its pixel count bounded by MAX_PIXELS before it is decoded (a decompression bomb is
    refused unread), then verified and, with `decode`, decoded whole as the PDF shows it (`shown`), so that a
    truncated or corrupt bitmap, or one the PDF could not show as Word does, is refused here rather than in a
    writer. Raises Unfit."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in PILLOW[kind]:
                    found = image.format or "something else"
                    raise Unfit(f"holds {found}", FORMAT_HINT, found)
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise Unfit(_too_many(width, height), SIZE_HINT)
                dpi = image.info.get("dpi")
                image.verify()
            if decode:
                with Image.open(io.BytesIO(data)) as image:
                    shown(image)
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Unfit(_too_many(0, 0), SIZE_HINT) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise Unfit(f"is not a readable {kind.upper()} file", FORMAT_HINT) from None
    return width, height, dpi


SIXTEEN_BIT_GREY = ("I;16", "I;16B", "I;16L", "I")   # Pillow's modes for a 16-bit greyscale PNG
SAMPLE_SCALE = {"L;2": 85, "L;4": 17}              # a 2- or 4-bit grey sample's value once Pillow reads it as 8 bits
EIGHT_BIT_HINT = "save it as an 8-bit PNG, RGBA where it has transparent parts"


def shown(image):
    """The pixels of `image` (a PNG or JPEG Pillow opened, or decoded: an SVG's bitmap) as Word and LibreOffice
    show them on a page, for the PDF: None when reportlab draws the file's bytes as they are (a JPEG; a PNG without
    transparency of at most 8 bits a sample: black and white, grey, RGB, a palette), else the decoded Pillow image
    of mode `L` (16-bit grey scaled to 8 bits), `LA` or `RGBA` (its transparency, an alpha channel or a tRNS
    entry, as an alpha channel the PDF draws as an SMask; an alpha opaque throughout is left out), decoded whole.

    Raises Unfit for a PNG the PDF could not show as Word does: a 16-bit RGB one whose transparent colour is a tRNS
    entry (Pillow reads its samples as 8 bits, so the colour cannot be matched), a mode Pillow reads from no PNG."""
    mode, key = image.mode, image.info.get("transparency")
    rawmode = image.tile[0].args if getattr(image, "tile", None) else None    # a decoded image has none
    if image.format in PILLOW["jpeg"] or (mode in ("1", "L", "RGB", "P") and key is None):
        return None
    image.load()
    if mode in SIXTEEN_BIT_GREY:
        wide = image.convert("I")
        grey = wide.point(lambda value: value / 257 + 0.5).convert("L")          # 0..65535 to 0..255, rounded
        if key is None:
            return grey
        grey.putalpha(wide.point([0 if value == key else 255 for value in range(65536)], "L"))
        return _opaque_left_out(grey)
    if mode in ("1", "L"):
        grey, key = image.convert("L"), key * SAMPLE_SCALE.get(rawmode, 1)     # Pillow compares the unscaled key
        grey.putalpha(grey.point(lambda value: 0 if value == key else 255))
        return _opaque_left_out(grey)
    if mode == "RGB" and rawmode == "RGB;16B":
        raise Unfit("is a 16-bit PNG whose transparent colour is a tRNS entry, which the PDF cannot match",
                    EIGHT_BIT_HINT)
    if mode in ("LA", "RGB", "RGBA", "P", "PA"):
        return _opaque_left_out(image if mode in ("LA", "RGBA") else image.convert("RGBA"))
    raise Unfit(f"is a PNG of Pillow's mode {mode}, which the PDF cannot draw as Word does", EIGHT_BIT_HINT)


def _opaque_left_out(image):
    """`image` (`LA` or `RGBA`) without its alpha channel when every pixel is opaque."""
    if image.getchannel("A").getextrema() == (255, 255):
        return image.convert(image.mode[:-1])
    return image


def _too_many(width: int, height: int) -> str:
    shown = f" ({width} × {height})" if width else ""
    return f"has more than {MAX_PIXELS // 1_000_000} million pixels{shown}"


def svg_drawing(data: bytes):
    """The reportlab Drawing svglib makes of the bytes of an SVG the source reader accepted (`sources.svg`), made
    without a word on the terminal."""
    from .svg import drawing

    return drawing(data)


def _svg(raw: str, kind: str, data: bytes) -> Picture | tuple[str, str]:
    from .svg import read_svg

    drawn: list = []
    read = read_svg(raw, data, drawn)
    return read if isinstance(read[0], str) else Picture(raw, kind, data, read, drawn=drawn[0])


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
    a problem in `out` at the line that shows it, and the showing by which the paper's SVG drawings would draw more
    than MOST_DRAWN elements (each showing counted), or the paper show more than MOST_SHOWN pictures (no file read
    after it), or its pictures hold more than MOST_PIXELS pixels (each picture counted once; no file read after
    it). Each file is read once however often it is shown."""
    pictures: dict = {}
    refused: dict = {}
    drawn = shown = pixels = 0
    for path, text in texts.items():
        for src, line, col in image_sources(text):
            shown += 1
            if shown > MOST_SHOWN:
                if shown == MOST_SHOWN + 1:
                    out.add(path, line, f"this image would make the paper show {shown:,} pictures, more than the "
                            f"{MOST_SHOWN:,} ccdocs shows in a paper (each showing counted)", "a paper shows some "
                            "tens of pictures: show each once, and gather small ones into one figure", col)
                continue
            if src not in pictures and src not in refused:
                if pixels > MOST_PIXELS:
                    continue
                read = read_picture(folder, src)
                (pictures if isinstance(read, Picture) else refused)[src] = read
                held = read.pixels[0] * read.pixels[1] if isinstance(read, Picture) else 0
                pixels += held
                if pixels > MOST_PIXELS:
                    out.add(path, line, f"image `{src[:80]}` holds {held:,} pixels, which would make the paper's "
                            f"pictures hold {pixels:,}, more than the {MOST_PIXELS:,} ccdocs reads in a paper (each "
                            "picture counted once): each million takes some 40 ms a language to read",
                            "save each picture at the size it prints at 300 dpi, some 2,000 pixels across an A4 "
                            "page's text, or show fewer", col)
                    continue
            if src in refused:
                out.add(path, line, *refused[src], col)
            elif pictures[src].drawn and drawn <= MOST_DRAWN < drawn + pictures[src].drawn:
                out.add(path, line, f"image `{src[:80]}` draws {pictures[src].drawn:,} elements, which would make "
                        f"the paper's SVG drawings draw {drawn + pictures[src].drawn:,}, more than the "
                        f"{MOST_DRAWN:,} ccdocs draws in a paper (each showing counted): each takes some "
                        "milliseconds a language", "show each drawing once, simplify the drawings (fewer elements, "
                        "paths of fewer points), or save the largest as PNG at the size it prints (300 dpi)", col)
            drawn += pictures[src].drawn if src in pictures else 0
    return pictures
