"""Column widths: the model's ratios, widened where a heading word or a figure would otherwise break."""

from __future__ import annotations

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
