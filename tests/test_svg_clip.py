"""An SVG draws nothing outside its own box in the PDF, as Word, LibreOffice and browsers clip it to its viewport.

A drawing's shapes and text may lie beyond its `viewBox`: a band across the page above it, a text far below it.
Unclipped, the PDF painted them over the paper's own text, margins or cover. Each page of both languages is read as
poppler renders it: no pixel of the colours drawn only outside the box, the drawing's inside shown.
"""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image as PILImage

from ccdocs.build import build
from conftest import REPORT, write_doc
from translated import fill_catalog

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">
  <rect x="0" y="0" width="300" height="100" fill="#eeeeee"/>
  <rect x="-400" y="-300" width="1100" height="50" fill="#ff0000"/>
  <text x="10" y="60" font-size="20" fill="#000000">inside</text>
  <text x="10" y="400" font-size="30" fill="#0000ff">OUTSIDE BELOW THE VIEWBOX</text>
</svg>"""
RED, BLUE, GREY = (255, 0, 0), (0, 0, 255), (238, 238, 238)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict:
    """lang -> the colours of every page of the PDF (pdftoppm, 36 dpi), the drawing shown after the report."""
    work = tmp_path_factory.mktemp("clip")
    folder = write_doc(work / "doc", {"content/report.md": REPORT + "\n![A drawing](figures/a.svg)\n"})
    (folder / "figures").mkdir()
    (folder / "figures" / "a.svg").write_text(SVG)
    fill_catalog(folder, {})
    colours = {}
    for pdf in build([folder], work / "out", None, ("pdf",)):
        prefix = work / pdf.parent.name
        subprocess.run(["pdftoppm", "-r", "36", "-png", str(pdf), str(prefix)], check=True)
        found: set = set()
        for page in sorted(work.glob(f"{pdf.parent.name}-*.png")):
            with PILImage.open(page) as image:
                found |= {colour for _, colour in image.convert("RGB").getcolors(1 << 24)}
        colours[pdf.parent.name] = found
    return colours


def near(colours: set, wanted: tuple, by: int = 40) -> bool:
    return any(all(abs(a - b) <= by for a, b in zip(colour, wanted)) for colour in colours)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_beyond_the_viewbox_is_painted(pages, lang):
    assert near(pages[lang], GREY, 2)                                   # the drawing's own box is drawn
    assert not near(pages[lang], RED) and not near(pages[lang], BLUE)   # the band above, the text below: clipped
