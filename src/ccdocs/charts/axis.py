"""A chart's value axis: a figure as the axis counts it and a value of the axis as the language prints it. Read by
the model (`place`) and by the PDF writer, which imports nothing else of the model's charts and tables (their
placing imports Jinja2 and babel's catalog reader)."""

from __future__ import annotations

from decimal import Decimal

from ..l10n.formats import Formats

THOUSAND = Decimal(1000)
PRECISE = 15  # significant digits a double holds exactly, as Word's, LibreOffice's and reportlab's charts keep figures


def plotted(value, number: str) -> float | None:
    """A figure as the value axis counts it: francs in thousands for `chf_thousands`, a `percent` as its fraction,
    anything else as it is; None for an empty cell."""
    if not isinstance(value, int | Decimal):
        return None
    return float(Decimal(value) / THOUSAND) if number == "chf_thousands" else float(value)


def axis_text(value: float, number: str, places: int, formats: Formats) -> str:
    """A value of the axis (`plotted`'s unit) as the language prints it: `1,000`, `40%`, `58,488`."""
    amount = Decimal(repr(value)) * (THOUSAND if number == "chf_thousands" else 1)
    return formats.figure(amount, number, places)
