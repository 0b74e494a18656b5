"""A table of flowable cells that splits between rows, and inside a row that a whole page cannot hold.

reportlab draws each piece; the splitting is ours: a row taller than the frame is cut at the frame's foot,
each cell's flowables cut between lines, the rest carried to a row on the next page under the repeated header
rows, as Word splits a row across pages. No text is dropped: what a cut leaves is carried whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import Table, TableStyle

FUZZ = 1e-6


@dataclass(frozen=True)
class Row:
    """One row: a list of flowables per cell, and its kind (`heading`, `body`, `total`, ... as the styler reads)."""

    cells: tuple
    kind: str = "body"


def cut_cell(flows: list, width: float, room: float) -> tuple[list, list]:
    """The flowables of a cell split into what fills `room` at `width` and the rest (each flowable whole or
    split between its lines; nothing dropped)."""
    head: list = []
    used = 0.0
    for index, flow in enumerate(flows):
        before = flow.getSpaceBefore() if head else 0.0
        height = flow.wrap(width, room - used - before)[1]
        if used + before + height <= room + FUZZ:
            head.append(flow)
            used += before + height + flow.getSpaceAfter()
            continue
        pieces = flow.split(width, room - used - before) if room - used - before > 0 else []
        if len(pieces) > 1:
            return head + pieces[:1], list(pieces[1:]) + list(flows[index + 1:])
        return head, list(flows[index:])
    return head, []


class Grid(Flowable):
    """Rows of flowable cells in fixed column widths, styled by `styler(rows) -> table style commands`.

    `head` rows are repeated at the top of every piece. Split between rows anywhere; a row that no frame can
    hold (taller than the page) is cut inside where it falls, as Word does. `keep` moves the whole grid to the
    next frame unless it starts a frame or no frame holds it (boxes and key figures stay whole when they can).
    """

    def __init__(self, rows: list[Row], widths: list[float], styler: Callable, head: int = 0,
                 keep: bool = False):
        super().__init__()
        self.rows, self.widths, self.styler, self.head, self.keep = list(rows), list(widths), styler, head, keep
        self.spaceBefore = self.spaceAfter = 0.0
        self._table: Table | None = None

    @property
    def marks(self) -> list[str]:
        """The footnote labels marked in the cells, in order (for the notes area)."""
        return [label for row in self.rows for cell in row.cells for flow in cell
                for label in getattr(flow, "marks", ())]

    def table(self) -> Table:
        """The reportlab table drawing this piece."""
        if self._table is None:
            self._table = Table([[list(cell) for cell in row.cells] for row in self.rows], colWidths=self.widths,
                                style=TableStyle(self.styler(self.rows)), hAlign="LEFT")
        return self._table

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.table().wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self):
        self.table().drawOn(self.canv, 0, 0)

    def piece(self, rows: list[Row], head: int, first: bool, last: bool) -> Grid:
        """A grid of `rows` (the first `head` of them repeated) in this one's columns and style, keeping the space
        before only when `first`, the space after only when `last`."""
        out = Grid(rows, self.widths, self.styler, head, keep=False)
        out.spaceBefore = self.spaceBefore if first else 0.0
        out.spaceAfter = self.spaceAfter if last else 0.0
        return out

    def split(self, availWidth, availHeight):
        table = self.table()
        table.wrap(availWidth, availHeight)
        heights = table._rowHeights
        frame = getattr(self, "_frame", None)
        full = frame._height - frame._topPadding - frame._bottomPadding if frame is not None else availHeight
        at_top = frame is None or frame._atTop
        # header rows taller than half a page, or than the frame, are printed once, not repeated (as Word does)
        head = self.head if sum(heights[:self.head]) <= min(full / 2, availHeight) + FUZZ else 0
        if head < self.head and not at_top:
            return []
        used, fit = sum(heights[:head]), head
        while fit < len(self.rows) and used + heights[fit] <= availHeight + FUZZ:
            used += heights[fit]
            fit += 1
        if fit == len(self.rows):
            return [self]
        if self.keep and not at_top and sum(heights) <= full + FUZZ:
            return []
        header = self.rows[:head]
        if fit > head:
            return [self.piece(self.rows[:fit], head, True, False),
                    self.piece(header + self.rows[fit:], head, False, True)]
        if not at_top and used + heights[fit] <= full + FUZZ:
            return []
        top, rest = self.cut_row(fit, availHeight - used)
        if top is None:
            return []
        after = ([rest] if rest else []) + self.rows[fit + 1:]
        if not after:
            return [self.piece(header + [top], head, True, True)]
        return [self.piece(header + [top], head, True, False), self.piece(header + after, head, False, True)]

    def cut_row(self, index: int, room: float) -> tuple[Row | None, Row | None]:
        """Row `index` cut into the part that fills `room` and the rest (None when nothing is left); (None, None)
        when no cell can give a line to the first part."""
        row, styles = self.rows[index], self.table()._cellStyles[index]
        tops, rests = [], []
        for cell, style, width in zip(row.cells, styles, self.widths):
            inner = width - style.leftPadding - style.rightPadding
            top, rest = cut_cell(list(cell), inner, room - style.topPadding - style.bottomPadding)
            tops.append(tuple(top))
            rests.append(tuple(rest))
        if not any(tops):
            return None, None
        return Row(tuple(tops), row.kind), (Row(tuple(rests), row.kind) if any(rests) else None)
