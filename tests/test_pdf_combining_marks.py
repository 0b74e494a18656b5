"""Specification: a combining mark with no precomposed form (q + U+0301) is drawn over its base, taking no room.

The last note left `q́` as "drawn side by side". Measured: the faces a paper's Latin and Arabic text is set in give
combining marks a zero advance (Liberation Sans regular, bold and italic: U+0300, U+0301, U+0308, U+0327 all 0;
Amiri 0), the mark is set in the Latin face in a Chinese paper too (`runs.by_script`: a mark is no CJK character),
the line engine measures it from the face's advances (0), and the glyph's outline stands left of its origin, over
the letter before it. So the PDF draws `q́` as one letter with its accent, in both languages; only a face giving its
marks an advance (the Chinese face UMing gives them 500, but never sets them) would set them apart, and reportlab
applies no mark positioning (GPOS) that could place one exactly.
"""

from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import MINIMAL, write_doc

SCALE = 8  # pixels a point


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    from ccdocs.build import build

    work = tmp_path_factory.mktemp("marks")
    out = {}
    for lang in ("en", "zh"):
        yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
            .replace("languages: [en, zh]", f"languages: [{lang}]")
        folder = write_doc(work / lang, {"document.yaml": yaml, "content/report.md": "# T\n\nSay q\u0301x now.\n"})
        out[lang] = build([folder], work / f"out-{lang}", None, ("pdf",))[0]
    return out


def ink(page, box) -> int:
    """Dark pixels of the rendered `page` (pypdfium2) in `box` (x0, top, x1, bottom in points)."""
    image = page.render(scale=SCALE).to_pil().convert("L")
    x0, top, x1, bottom = (round(v * SCALE) for v in box)
    histogram = image.crop((x0, top, x1, bottom)).histogram()   # pixels of each grey level, 0 black
    return sum(histogram[:128])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_mark_takes_no_room_and_stands_over_its_letter(pdfs, lang):
    with pdfplumber.open(pdfs[lang]) as doc:
        number, page = next((n, p) for n, p in enumerate(doc.pages) if "now" in (p.extract_text() or ""))
        chars = page.chars
        at = next(i for i, c in enumerate(chars) if c["text"] == "\u0301")
        q, mark, x = chars[at - 1], chars[at], chars[at + 1]
    assert (q["text"], x["text"]) == ("q", "x")
    assert mark["x1"] - mark["x0"] < 0.01 and abs(x["x0"] - q["x1"]) < 0.01     # no advance: x follows q
    accent = (q["top"] - 0.1 * q["size"], q["top"] + 0.25 * q["size"])            # above the x-height
    rendered = pdfium.PdfDocument(pdfs[lang])[number]
    assert ink(rendered, (q["x0"], accent[0], q["x1"], accent[1])) > 0            # the accent over q
    assert ink(rendered, (x["x0"] + 0.5, accent[0], x["x1"], accent[1])) == 0     # nothing over x
