"""Row heights estimated from the shared measure (`writers.columns.Measure`), so that only a row that surely fits
a page is kept whole."""

from __future__ import annotations

from math import ceil


def row_height(texts: list[str], widths: list[float], measure, padding: float) -> float:
    """A generous estimate in points of a row's height: each cell's text at the measure's size in its column's
    width in points, with a third more for the room lost at line ends."""
    size = measure.size
    tallest = 0.0
    for text, width in zip(texts, widths):
        inner = max(width - 2 * padding, size)
        lines = sum(max(1, ceil(measure.line(line) * 4 / 3 / inner)) for line in text.split("\n"))
        tallest = max(tallest, lines * size * 1.2)
    return tallest + 2 * padding
