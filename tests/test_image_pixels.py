"""What a raster image's pixels show on the PDF's page is what Word shows from the DOCX (LibreOffice standing in).

A PNG may say its transparency three ways (an alpha channel; a tRNS entry naming a palette's transparent entries or
the one transparent grey or colour) and store 1 to 16 bits a sample. Word and LibreOffice draw every one over the
page: a transparent pixel shows the white paper whatever colour it hides, and 16-bit grey at its full range. The PDF
must draw the same, in the body, in the theme's cover logo and in a bitmap an SVG embeds; what it could not draw
alike is refused at the image's line. Each image below is one flat colour; the tests read the pixel at its centre
in the PDF ccdocs writes and in LibreOffice's rendering of the DOCX (pdftoppm at 72 dpi: one pixel a point), in
both languages.
"""

from __future__ import annotations

import base64
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image as PILImage

from ccdocs.build import build
from conftest import REPORT, write_doc
from libreoffice import render
from refusals import Case
from translated import fill_catalog

WIDTH, HEIGHT = 96, 48          # pixels; at 96 dpi, 72 × 36 points
NEAR = 3                        # of 255: the renderers' rounding


def png_of(depth: int, colour_type: int, pixel: bytes, trns: bytes | None = None, plte: bytes | None = None,
           width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A PNG (ISO/IEC 15948) of `width` × `height` pixels of one `pixel` (its bytes as stored: at `depth` bits a
    sample of `colour_type`), with a tRNS and a PLTE chunk when given: the bit depths and chunks Pillow does not
    write."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    samples = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    row_bytes = (width * samples * depth + 7) // 8
    row = (pixel * (row_bytes // len(pixel) + 1))[:row_bytes]
    header = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + (chunk(b"PLTE", plte) if plte else b"")
            + (chunk(b"tRNS", trns) if trns is not None else b"")
            + chunk(b"IDAT", zlib.compress(b"".join(b"\0" + row for _ in range(height)))) + chunk(b"IEND", b""))


def grey16(value: int) -> bytes:
    return struct.pack(">H", value)


RED_BLACK = bytes([0, 0, 0, 255, 0, 0])        # a palette: 0 black, 1 red
WHITE = (255, 255, 255)
# name -> (the PNG, the colour it shows over white paper)
IMAGES = {
    "rgb": (png_of(8, 2, bytes([200, 30, 30])), (200, 30, 30)),                      # as before: nothing changes
    "grey": (png_of(8, 0, bytes([156])), (156, 156, 156)),
    "grey-16-bit": (png_of(16, 0, grey16(40000)), (156, 156, 156)),                  # 40000 / 65535 of white
    "rgba-hidden-black": (png_of(8, 6, bytes([0, 0, 0, 0])), WHITE),                 # a logo's transparent ground
    "rgba-hidden-red": (png_of(8, 6, bytes([255, 0, 0, 0])), WHITE),
    "rgba-half-blue": (png_of(8, 6, bytes([0, 0, 200, 128])), (127, 127, 227)),
    "rgba-16-bit-half-blue": (png_of(16, 6, grey16(0) * 2 + grey16(51400) + grey16(32896)), (127, 127, 227)),
    "grey-alpha-half": (png_of(8, 4, bytes([100, 128])), (177, 177, 177)),
    "grey-alpha-16-bit-half": (png_of(16, 4, grey16(25700) + grey16(32896)), (177, 177, 177)),
    "palette-trns": (png_of(8, 3, bytes([1]), trns=bytes([255, 0]), plte=RED_BLACK), WHITE),
    "palette-trns-half": (png_of(8, 3, bytes([1]), trns=bytes([255, 128]), plte=RED_BLACK), (255, 127, 127)),
    "rgb-trns": (png_of(8, 2, bytes([10, 20, 30]), trns=grey16(10) + grey16(20) + grey16(30)), WHITE),
    "grey-trns": (png_of(8, 0, bytes([50]), trns=grey16(50)), WHITE),
    "grey-1-bit-trns": (png_of(1, 0, bytes([0]), trns=grey16(0)), WHITE),
    "grey-2-bit-trns": (png_of(2, 0, bytes([0b10101010]), trns=grey16(2)), WHITE),
    "grey-4-bit-trns": (png_of(4, 0, bytes([0x55]), trns=grey16(5)), WHITE),
    "grey-16-bit-trns": (png_of(16, 0, grey16(40000), trns=grey16(40000)), WHITE),
}


def svg_with(png: bytes) -> bytes:
    """An SVG drawing made of one embedded bitmap, `png`, filling it."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{WIDTH}" '
            f'height="{HEIGHT}"><image width="{WIDTH}" height="{HEIGHT}" '
            f'xlink:href="data:image/png;base64,{base64.b64encode(png).decode()}"/></svg>').encode()


# the same in an SVG: name -> (the SVG, the colour it shows over white paper)
SVGS = {f"svg-{name}": (svg_with(IMAGES[name][0]), IMAGES[name][1])
        for name in ("rgba-hidden-black", "rgba-half-blue", "grey-16-bit", "palette-trns", "grey-trns")}
SHOWN = {**{f"{name}.png": shown for name, shown in IMAGES.items()},
         **{f"{name}.svg": shown for name, shown in SVGS.items()}}
# the theme's cover logo: its left half opaque blue, its right half transparent black
LOGO = (png_of(8, 6, bytes([0, 0, 200, 255]) * (WIDTH // 2) + bytes([0, 0, 0, 0]) * (WIDTH // 2)))
LOGO_THEME = "cover:\n  logo: images/logo.png\n  logo_height: 2cm\n"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """(lang, who) -> the PDF: `ccdocs` (written by the PDF writer) and `word` (LibreOffice's rendering of the
    DOCX), of the minimal document showing every image of IMAGES in turn, under the cover logo."""
    work = tmp_path_factory.mktemp("pixels")
    shown = "".join(f"\n![Image {name}](figures/{name})\n" for name in SHOWN)
    folder = write_doc(work / "doc", {"content/report.md": REPORT + shown,
                                      "templates/themes/logo.yaml": LOGO_THEME})
    (folder / "document.yaml").write_text((folder / "document.yaml").read_text() + "theme: logo\n")
    (folder / "figures").mkdir()
    for name, (data, _) in SHOWN.items():
        (folder / "figures" / name).write_bytes(data)
    (folder / "templates" / "images").mkdir()
    (folder / "templates" / "images" / "logo.png").write_bytes(LOGO)
    fill_catalog(folder, {})
    built = {(p.parent.name, p.suffix): p for p in build([folder], work / "out", None, ("docx", "pdf"))}
    word = render({lang: built[lang, ".docx"] for lang in ("en", "zh")}, work)
    return {**{(lang, "ccdocs"): built[lang, ".pdf"] for lang in ("en", "zh")},
            **{(lang, "word"): word[lang] for lang in ("en", "zh")},
            **{(lang, "docx"): built[lang, ".docx"] for lang in ("en", "zh")}}


def images(pdf: Path) -> tuple[dict, list]:
    """(the cover logo's box, the boxes of the other images in reading order) of `pdf`, each (page index, x0, top,
    x1, bottom) in points; the logo is the image at the top of page 1."""
    found = []
    with pdfplumber.open(pdf) as document:
        for index, page in enumerate(document.pages):
            for image in sorted(page.images, key=lambda i: i["top"]):
                found.append((index, image["x0"], image["top"], image["x1"], image["bottom"]))
    (logo,) = [box for box in found if box[0] == 0 and box[2] < 120]
    return logo, [box for box in found if box != logo]


def pixel(pdf: Path, page: int, x: float, y: float) -> tuple:
    """The colour (R, G, B) at (x, y) points from the top left of page `page` (0-based) of `pdf`, as poppler
    renders it at 72 dpi."""
    prefix = pdf.with_name(f"{pdf.stem}-{page}")
    rendered = prefix.with_suffix(".png")
    if not rendered.exists():
        subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", "-f", str(page + 1), "-l", str(page + 1),
                        str(pdf), str(prefix)], check=True)
    with PILImage.open(rendered) as image:
        return image.convert("RGB").getpixel((int(x), int(y)))


def near(found: tuple, expected: tuple) -> bool:
    return all(abs(a - b) <= NEAR for a, b in zip(found, expected))


@pytest.mark.parametrize("who", ["ccdocs", "word"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_image_shows_its_colour_over_the_paper(made, lang, who):
    _, boxes = images(made[lang, who])
    assert len(boxes) == len(SHOWN)
    shown = {name: pixel(made[lang, who], page, (x0 + x1) / 2, (top + bottom) / 2)
             for name, (page, x0, top, x1, bottom) in zip(SHOWN, boxes)}
    wrong = {name: (colour, SHOWN[name][1]) for name, colour in shown.items() if not near(colour, SHOWN[name][1])}
    assert not wrong, f"{who} draws (found, expected): {wrong}"


@pytest.mark.parametrize("who", ["ccdocs", "word"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cover_logo_keeps_its_transparent_half_white(made, lang, who):
    logo, _ = images(made[lang, who])
    page, x0, top, x1, bottom = logo
    middle = (top + bottom) / 2
    assert near(pixel(made[lang, who], page, x0 + (x1 - x0) / 4, middle), (0, 0, 200))
    assert near(pixel(made[lang, who], page, x0 + 3 * (x1 - x0) / 4, middle), WHITE)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_holds_each_png_as_it_was_saved(made, lang):
    with zipfile.ZipFile(made[lang, "docx"]) as docx:
        media = {docx.read(name) for name in docx.namelist() if name.startswith("word/media/")}
    assert {data for data, _ in IMAGES.values()} | {LOGO} <= media


WHERE = f"content/report.md:{len(REPORT.splitlines()) + 2}"
REFUSED = [
    # Pillow reads a 16-bit RGB PNG's samples as 8 bits, but its tRNS colour at 16: the colour cannot be matched
    Case("rgb-16-bit-trns", {"content/report.md": REPORT + "\n![A chart](figures/a.png)\n",
                             "figures/a.png": png_of(16, 2, grey16(60000) + grey16(30000) + grey16(10000),
                                                     trns=grey16(60000) + grey16(30000) + grey16(10000))},
         "image `figures/a.png` is a 16-bit PNG whose transparent colour is a tRNS entry", WHERE),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_refused(refuse, case):
    refuse(case)
