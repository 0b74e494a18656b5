"""An image prints at least 5% of the text width wide, as `{width="5%"}` is the least width an editor may give.

Without `{width}` an image prints at the resolution it states; a stated resolution far above the real one (a PNG
saying 100,000 dpi), a bitmap of a few pixels or an SVG a few points wide would print a few hundredths of a
millimetre wide: the figure vanishes from the paper and only its invisible alternative text is left. Such an image
is an error at its line in both formats, found by `check`; a width given prints it at that share.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from PIL import Image as PILImage

from ccdocs.build import build
from ccdocs.theme import load_theme
from ccdocs.writers.docx.layout import text_width
from conftest import REPORT, translated_as_written
from refusals import Case, refused, write_files

WHERE = f"content/report.md:{len(REPORT.splitlines()) + 2}"
TINY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"><rect width="2" height="1"/></svg>'


def png(size: tuple, dpi: float | None) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(out, "PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return out.getvalue()


def shows(name: str, data, width: str = "") -> dict:
    return {"content/report.md": f"{REPORT}\n![A chart](figures/{name}){width}\n", f"figures/{name}": data}


CASES = [
    Case("dpi-far-above", shows("a.png", png((200, 100), 100_000)),
         "image `figures/a.png` is 0.00508 cm wide (200 pixels at 100,000 dpi), narrower than 5% of the text width",
         WHERE),
    Case("one-pixel", shows("a.png", png((1, 1), None)), "is 0.0265 cm wide (1 pixel at 96 dpi)", WHERE),
    Case("svg-two-points", shows("a.svg", TINY_SVG), "is 0.0529 cm wide (the width the SVG gives itself)", WHERE),
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_image_that_would_vanish_is_refused_at_its_line(make_doc, tmp_path, case, fmt):
    folder = make_doc()
    write_files(folder, case.files)
    output = refused(Case(case.id, {}, case.fragment, case.where, args=("--format", fmt)), folder, tmp_path / "out")
    assert 'give it a width, a share of the text width: `{width="20%"}`' in output


def test_a_width_given_prints_it_at_that_share(make_doc, tmp_path):
    folder = make_doc()
    write_files(folder, shows("a.png", png((200, 100), 100_000), '{width="40%"}'))
    translated_as_written(folder)  # the caption too: each paper at that share
    made = build([folder], tmp_path / "out", None, ("pdf",))
    for pdf_path in made:
        with pdfplumber.open(pdf_path) as pdf:
            (image,) = [i for page in pdf.pages for i in page.images]
        assert image["width"] == pytest.approx(0.4 * text_width(load_theme("default")) / 20, abs=0.5)
