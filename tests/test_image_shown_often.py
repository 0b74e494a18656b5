"""An image shown many times is read into the PDF once: a logo or separator shown in every section costs one decoding.

The PDF writer draws a PNG or JPEG as a form XObject made the first time the document shows it (`raster_form`):
its pixels are decoded, digested and compressed once, and every showing draws that form at its own place and
size. Counted by the readers made (never by time), in both languages, the build's jobs run in this process.
"""

from __future__ import annotations

import io
from unittest import mock

import pdfplumber
import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from ccdocs import workers
from ccdocs.build import build
from ccdocs.writers.pdf import images
from conftest import REPORT, write_doc
from translated import fill_catalog

SHOWINGS = 4
HALF = '{width="50%"}'


def png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGBA", (300, 100), (10, 120, 200, 128)).save(out, "PNG", dpi=(150, 150))
    return out.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple:
    """(the PDFs built, how many readers of the image the PDF writer made) for the minimal document showing one
    PNG SHOWINGS times, once with a `{width}` (the same file at another size)."""
    work = tmp_path_factory.mktemp("often")
    shown = "".join(f"\nParagraph {i}.\n\n![Picture {i}](figures/a.png){HALF if i == 0 else ''}\n"
                    for i in range(SHOWINGS))
    folder = write_doc(work / "doc", {"content/report.md": REPORT + shown})
    (folder / "figures").mkdir()
    (folder / "figures" / "a.png").write_bytes(png())
    fill_catalog(folder, {})
    readers = []
    real = images.ImageReader

    def counted(source):
        readers.append(source)
        return real(source)

    with mock.patch.object(workers, "cpu_count", lambda: 1), mock.patch.object(images, "ImageReader", counted):
        pdfs = build([folder], work / "out", None, ("pdf",))
    return pdfs, len(readers)


def test_the_pixels_are_read_once_a_document(made):
    pdfs, readers = made
    assert len(pdfs) == 2 and readers == 2                                        # en, zh: not 2 × SHOWINGS


def image_xobjects(path) -> set:
    """The object numbers of the image XObjects `path`'s pages draw, in form XObjects too (an SMask is not drawn)."""
    found: set = set()

    def walk(resources) -> None:
        for reference in (resources.get("/XObject") or {}).values():
            xobject = reference.get_object()
            if xobject["/Subtype"] == "/Image":
                found.add(reference.idnum)
            elif reference.idnum not in found:
                found.add(reference.idnum)
                walk(xobject.get("/Resources") or {})
                found.discard(reference.idnum)

    for page in PdfReader(path).pages:
        walk(page.get("/Resources") or {})
    return found


def test_every_showing_is_drawn_where_it_stands_from_one_image(made):
    pdfs, _ = made
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            shown = [(index, round(i["top"]), round(i["width"])) for index, page in enumerate(pdf.pages)
                     for i in page.images]
        assert len(set(shown)) == SHOWINGS, shown                                # each at its own place
        assert {width for *_, width in shown} > {144}                             # 300 px at 150 dpi, and 50%
        assert len(image_xobjects(path)) == 1, path
