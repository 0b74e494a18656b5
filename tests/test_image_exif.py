"""A phone's photograph builds as saved: whatever its Exif block holds, with the images an MPO keeps after it.

python-docx reads a JPEG's or PNG's header itself to learn its size, and fails on a well-formed Exif block that
holds a text of at most four bytes (`Make` = `HTC`, `LGE`, `ZTE`, as those phones write it): it reads the value,
which the TIFF format stores in place, as an offset into the file. ccdocs describes each image to the DOCX writer
by what it read of it with Pillow, so such a photograph builds in both formats and both languages, stored in the
DOCX as it was saved and printed at the size its resolution says.

A JPEG followed by more images in the same file (the CIPA Multi-Picture Format: a phone's depth or HDR frames, a 3D
camera's second view) is what Pillow calls an MPO; it is a JPEG, and Word, LibreOffice and the PDF show its first
image.
"""

from __future__ import annotations

import io
import subprocess
import zipfile

import pdfplumber
import pytest
from lxml import etree
from PIL import Image as PILImage

from ccdocs.build import build
from conftest import REPORT, write_doc
from translated import fill_catalog

MAKE = 0x010F                                       # the Exif (TIFF) tag of the camera's maker
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_POINT = 12700


def photograph(make: str) -> bytes:
    """A 120 × 80 JPEG at 96 dpi (JFIF) whose Exif block names the camera's maker `make`."""
    exif = PILImage.Exif()
    exif[MAKE] = make
    out = io.BytesIO()
    PILImage.new("RGB", (120, 80), GREEN).save(out, "JPEG", dpi=(96, 96), exif=exif.tobytes())
    return out.getvalue()


def multi_picture() -> bytes:
    """A 120 × 80 JPEG at 96 dpi, green, followed by a blue one in the same file (MPO)."""
    out = io.BytesIO()
    PILImage.new("RGB", (120, 80), GREEN).save(out, "MPO", dpi=(96, 96), save_all=True,
                                               append_images=[PILImage.new("RGB", (120, 80), (0, 0, 200))])
    return out.getvalue()


GREEN = (30, 120, 60)
PHOTOS = {"htc": photograph("HTC"), "lg": photograph("LG"), "canon": photograph("Canon"), "mpo": multi_picture()}


def built_showing(work, files: dict) -> dict:
    """(lang, suffix) -> the file built (en, zh; DOCX, PDF) under `work` from the minimal document showing each
    image of `files` (its name in `figures/` -> its bytes), in their order."""
    shown = "".join(f"\n![A picture {name}](figures/{name})\n" for name in files)
    folder = write_doc(work / "doc", {"content/report.md": REPORT + shown})
    (folder / "figures").mkdir()
    for name, data in files.items():
        (folder / "figures" / name).write_bytes(data)
    fill_catalog(folder, {})
    return {(p.parent.name, p.suffix): p for p in build([folder], work / "out", None, ("docx", "pdf"))}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """(lang, suffix) -> the file built from the minimal document showing each photograph of PHOTOS."""
    return built_showing(tmp_path_factory.mktemp("exif"), {f"{name}.jpg": data for name, data in PHOTOS.items()})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_holds_each_photograph_as_saved_at_its_size(made, lang):
    with zipfile.ZipFile(made[lang, ".docx"]) as docx:
        media = {docx.read(name) for name in docx.namelist() if name.startswith("word/media/")}
        body = etree.fromstring(docx.read("word/document.xml"))
    assert set(PHOTOS.values()) <= media
    extents = [(int(e.get("cx")), int(e.get("cy"))) for e in body.iter(f"{WP}extent")]
    assert extents == [(90 * EMU_PER_POINT, 60 * EMU_PER_POINT)] * len(PHOTOS)     # 120 × 80 px at 96 dpi


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_prints_each_photograph_its_first_image(made, lang):
    pdf_path = made[lang, ".pdf"]
    with pdfplumber.open(pdf_path) as pdf:
        images = [(index, i) for index, page in enumerate(pdf.pages) for i in page.images]
    assert [(round(i["width"]), round(i["height"])) for _, i in images] == [(90, 60)] * len(PHOTOS)
    for index, image in images:
        prefix = pdf_path.with_name(f"page-{index}")
        subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(pdf_path), str(prefix)], check=True)
        with PILImage.open(prefix.with_suffix(".png")) as page:
            centre = page.convert("RGB").getpixel((int((image["x0"] + image["x1"]) / 2),
                                                   int((image["top"] + image["bottom"]) / 2)))
        assert all(abs(a - b) <= 8 for a, b in zip(centre, GREEN)), centre       # JPEG's rounding
