"""Column widths: the model's ratios, widened where a heading word or a figure would otherwise break; row heights
estimated, so that only a row that surely fits a page is kept whole."""

from __future__ import annotations

from math import ceil

from reportlab.pdfbase.pdfmetrics import stringWidth

FIRST_WIDE = 0x2E80   # from here on (CJK), a character is one em wide


def measure(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` in points, with Helvetica's metrics (Arial's) and full-width Han characters."""
    narrow = "".join(c for c in text if ord(c) < FIRST_WIDE)
    return stringWidth(narrow, "Helvetica-Bold" if bold else "Helvetica", size) + size * (len(text) - len(narrow))


def needs(table, size: float, padding: float) -> list[float]:
    """The narrowest width in points of each column: its longest heading word, its longest figure or word."""
    out = []
    for index, column in enumerate(table.columns):
        widest = max((measure(word, size, True) for word in column.heading.split()), default=0)
        for row in table.rows:
            cell = row.cells[index]
            parts = [cell] if column.align == "right" else cell.split()
            widest = max([widest] + [measure(part, size, row.kind in ("group", "total")) for part in parts])
        out.append(widest + 2 * padding + 1)
    return out


def row_height(texts: list[str], widths: list[float], size: float, padding: float) -> float:
    """A generous estimate in points of a row's height: each cell's text at `size` in its column's width in
    points, with a third more for the room lost at line ends."""
    tallest = 0.0
    for text, width in zip(texts, widths):
        inner = max(width - 2 * padding, size)
        lines = sum(max(1, ceil(measure(line, size) * 4 / 3 / inner)) for line in text.split("\n"))
        tallest = max(tallest, lines * size * 1.2)
    return tallest + 2 * padding
