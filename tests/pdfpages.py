"""Pages of a PDF as poppler reads them: layout text lines and word boxes (`pdftotext -layout`, `-bbox`)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from lxml import etree

XHTML = "{http://www.w3.org/1999/xhtml}"


def squeeze(text: str) -> str:
    """`text` without whitespace: pdftotext spaces Han and Latin text unevenly."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Word:
    """A word on a PDF page with its box, in points from the top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    """One rendered page: its layout text lines and its words."""

    number: int
    lines: list
    words: list

    @property
    def header(self) -> list[str]:
        """The first two non-empty lines without spaces: the running header when there is one."""
        return [squeeze(line) for line in self.lines if line.strip()][:2]

    @property
    def squeezed(self) -> str:
        """The page's text without any whitespace (line breaks and Han–Latin spacing vary)."""
        return squeeze("\n".join(self.lines))

    def rows(self) -> list[list[Word]]:
        """Words grouped into visual lines, left to right; a raised mark joins the line it sits on."""
        rows: list[tuple[float, float, list]] = []
        for word in sorted(self.words, key=lambda w: -w.height):
            middle = (word.y0 + word.y1) / 2
            row = next((r for r in rows if r[0] <= middle <= r[1]), None)
            if row is None:
                rows.append((word.y0, word.y1, [word]))
            else:
                row[2].append(word)
        return [sorted(r[2], key=lambda w: w.x0) for r in sorted(rows, key=lambda r: r[0])]


def read_pages(pdf) -> list[Page]:
    """Every page of `pdf` as layout text (`pdftotext -layout`) and word boxes (`pdftotext -bbox`)."""
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout.split("\f")
    boxes = etree.fromstring(subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                                            check=True).stdout)
    pages = []
    for number, page in enumerate(boxes.iter(f"{XHTML}page"), start=1):
        words = [Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter(f"{XHTML}word")]
        pages.append(Page(number, layout[number - 1].splitlines(), words))
    return pages
