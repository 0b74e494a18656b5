"""The PDF's /PageLabels: a viewer shows each page's printed number (`2`, `Annex-3`), not its place in the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageLabels:
    """Adds a page-label range (reportlab's `Canvas.addPageLabel`: arabic numbers, a prefix, a start) wherever a
    page's printed number does not continue the previous page's: the first page, an annex numbered afresh,
    the report after an annex. Pages are counted from 1, as reportlab's `doc.page`."""

    last: tuple[str, int] | None = None

    def page(self, canv, page: int, prefix: str, number: int) -> None:
        """Label `page` (1-based) as `prefix` + `number`."""
        if self.last != (prefix, number - 1):
            canv.addPageLabel(page - 1, "ARABIC", number, prefix or None)
        self.last = (prefix, number)
