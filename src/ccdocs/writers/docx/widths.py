"""Row heights estimated from the shared measure (`writers.columns.Measure`), so that only a row that surely fits
a page is kept whole."""

from __future__ import annotations

from math import ceil


class Remembered:
    """A table measure (`pdf.measure.Measure`: `size`, `widest`, `line`) that measures each text once per
    document: a table's column widths and its rows' two height estimates ask for the same texts."""

    def __init__(self, measure):
        self.measure, self.size = measure, measure.size
        self._widest: dict[tuple, float] = {}
        self._line: dict[str, float] = {}

    def widest(self, text: str, bold: bool = False, heading: bool = False) -> float:
        """As `Measure.widest`."""
        key = (text, bold, heading)
        if key not in self._widest:
            self._widest[key] = self.measure.widest(text, bold, heading)
        return self._widest[key]

    def line(self, text: str) -> float:
        """As `Measure.line`."""
        if text not in self._line:
            self._line[text] = self.measure.line(text)
        return self._line[text]


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
