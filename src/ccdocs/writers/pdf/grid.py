"""A table of flowable cells that splits between rows, and inside a row that a whole page cannot hold.

reportlab draws each piece; the splitting is ours: a row taller than the frame is cut at the frame's foot,
each cell's flowables cut between lines, the rest carried to a row on the next page under the repeated header
rows, as Word splits a row across pages. No text is dropped: what a cut leaves is carried whole.

Linear in the rows: a piece is a view of the rows left (never a copy of them), its footnote marks are found in
an index made once, and a split measures only the rows that reach past the frame's foot.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import Table, TableStyle

from ..groups import group_end
from .keep import fresh_room

FUZZ = 1e-6
FIRST_MEASURE = 16  # rows measured at first; twice as many each time that is too few to fill the frame


@dataclass(frozen=True)
class Row:
    """One row: a list of flowables per cell, and its kind (`heading`, `body`, `total`, ... as the styler reads)."""

    cells: tuple
    kind: str = "body"

    @property
    def marks(self) -> list[str]:
        """The footnote labels marked in the cells, in order."""
        return [label for cell in self.cells for flow in cell for label in getattr(flow, "marks", ())]


class MarkIndex:
    """Where the footnote marks stand in a list of rows: read once, then found by range of rows at once."""

    def __init__(self, rows: Sequence[Row]):
        self.labels = {i: marks for i, row in enumerate(rows) if (marks := row.marks)}
        self.at = sorted(self.labels)

    def between(self, lo: int, hi: int) -> list[str]:
        """The labels marked in rows `lo` to `hi` (excluded), in order."""
        return [label for i in self.at[bisect_left(self.at, lo):bisect_left(self.at, hi)] for label in self.labels[i]]


@dataclass(frozen=True)
class Rows:
    """The rows of a grid without copying the rows left: a few `lead` rows (header rows repeated, a row's part
    carried from a cut), then `body[lo:hi]` of a list shared by every piece of the grid, whose marks `index`
    holds."""

    lead: tuple
    body: Sequence[Row]
    lo: int
    hi: int
    index: MarkIndex
    totals: tuple = ()  # the indexes in `body` of its total rows, found once

    @classmethod
    def of(cls, rows: Sequence[Row]) -> Rows:
        """All of `rows` (indexed once)."""
        totals = tuple(i for i, row in enumerate(rows) if row.kind == "total")
        return cls((), rows, 0, len(rows), MarkIndex(rows), totals)

    def __len__(self) -> int:
        return len(self.lead) + self.hi - self.lo

    def at(self, index: int) -> Row:
        """Row `index`."""
        return self.lead[index] if index < len(self.lead) else self.body[self.lo + index - len(self.lead)]

    def first(self, count: int) -> list[Row]:
        """The first `count` rows (all when fewer)."""
        return list(self.lead[:count]) + list(self.body[self.lo:min(self.hi, self.lo + count - len(self.lead))])

    def after(self, count: int, lead: Sequence[Row] = ()) -> Rows:
        """The rows after the first `count`, `lead` put before them."""
        skipped = max(0, count - len(self.lead))
        return Rows(tuple(lead) + self.lead[count:], self.body, self.lo + skipped, self.hi, self.index, self.totals)

    def last_total(self) -> int:
        """The index of the last total row among these rows' body rows; `len(self)` when there is none."""
        at = bisect_left(self.totals, self.hi) - 1
        if at < 0 or self.totals[at] < self.lo:
            return len(self)
        return len(self.lead) + self.totals[at] - self.lo

    @property
    def marks(self) -> list[str]:
        """The footnote labels marked in these rows, in order."""
        return [label for row in self.lead for label in row.marks] + self.index.between(self.lo, self.hi)


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

    `head` rows are repeated at the top of every piece. Split between rows, leaving at least `least` body rows on
    either side (so a total row never stands alone), else the grid moves to the next frame; a row that no frame
    can hold (taller than the page) is cut inside where it falls, as Word does. `keep` moves the whole grid to
    the next frame unless it starts a frame or no frame holds it (tables, boxes and key figures stay whole when
    they can).

    Rows are measured a run of them at a time, so the styler's commands for a row may depend on its kind, its
    place from the top and whether it is the last row, but not on how many rows come after it. `wrap` gives the
    grid's height when it fits the height offered, else the height of the rows measured, more than offered.
    """

    def __init__(self, rows: Sequence[Row] | Rows, widths: list[float], styler: Callable, head: int = 0,
                 keep: bool = False, guess: int = FIRST_MEASURE, least: int = 0):
        super().__init__()
        self.rows = rows if isinstance(rows, Rows) else Rows.of(list(rows))
        self.widths, self.styler, self.head, self.keep = list(widths), styler, head, keep
        self.least = least   # body rows a split leaves at the least on either side (0: any split)
        self.above = 0.0     # the height of what must stand above the grid on its page (a heading, a caption)
        self.guess = max(guess, head + 1)
        self.spaceBefore = self.spaceAfter = 0.0
        self._probe: Table | None = None     # the table of the rows measured, of all when all are
        self._heights: list[float] = []      # the heights of the first rows, as in a table of them all

    @property
    def marks(self) -> list[str]:
        """The footnote labels marked in the cells, in order (for the notes area)."""
        return self.rows.marks

    def make(self, rows: list[Row]) -> Table:
        """The reportlab table of `rows` in this grid's columns and style."""
        return Table([[list(cell) for cell in row.cells] for row in rows], colWidths=self.widths,
                     style=TableStyle(self.styler(rows)), hAlign="LEFT", longTableOptimize=0)

    def table(self) -> Table:
        """The reportlab table drawing this piece (all its rows measured)."""
        self.measure(float("inf"))
        return self._probe

    def whole(self) -> bool:
        """Whether every row is measured."""
        return self._probe is not None and len(self._heights) == len(self.rows)

    def measure(self, need: float) -> list[float]:
        """The heights of the first rows, as in a table of all the rows: enough rows to add up to more than
        `need`, or all of them. Measured rows are kept; too few are measured again in a run twice as long."""
        while not self.whole() and sum(self._heights) <= need + FUZZ:
            count = max(self.guess, 2 * len(self._heights) + 1)
            rows = self.rows.first(count + 1)   # one more, so that the last row measured is not styled as last
            probe = self.make(rows)
            probe.wrap(sum(self.widths), need)
            self._probe = probe
            self._heights = list(probe._rowHeights[:count] if len(rows) > count else probe._rowHeights)
        return self._heights

    def wrap(self, availWidth, availHeight):
        heights = self.measure(availHeight)
        self.width, self.height = self._probe._width, self._probe._height if self.whole() else sum(heights)
        return self.width, self.height

    def draw(self):
        self.table().drawOn(self.canv, 0, 0)

    def tail(self) -> int:
        """Where the rows a split must leave for the next piece begin: the last total row, the rows after it (the
        "of which" rows under a total) and the `least` rows before it that are not total rows; without a total
        row, the last `least` such rows. Reads only those rows."""
        index, found = self.rows.last_total(), 0
        while index > self.head and found < self.least:
            index -= 1
            found += self.rows.at(index).kind != "total"
        return index

    def lead(self, width: float, room: float) -> float:
        """The height that must stand on the page of what comes before the grid (a heading, a caption): the whole
        grid when it is kept whole and `room` (a frame's height less what stands above the grid) holds it, else
        its header rows and first `least` body rows (one at the least)."""
        heights = self.measure(room)
        if self.keep and self.whole() and sum(heights) <= room + FUZZ:
            return sum(heights)
        count, header = self.head + max(1, self.least), sum(heights[:self.head])
        stranded = self.stranded(count)
        if stranded is not None:   # a group heading row among them stands with its first rows
            count = stranded[1]
        for index in range(self.head, min(count, len(heights))):
            if header + heights[index] > room + self.above + FUZZ:   # no page holds it: `split` cuts it where it
                return sum(heights[:index]) + self.opening(index)    # falls, its first lines under these rows
        return sum(heights[:count])

    def stranded(self, fit: int) -> tuple[int, int] | None:
        """The group heading rows a split before row `fit` would leave at the foot of the page, kept from their
        first `least` member rows (`groups.group_end`): (the index of the first of them, of the row after those
        that must stand with them); None when it leaves none. Reads the `least` rows before `fit` and those."""
        kind, count = (lambda index: self.rows.at(index).kind), len(self.rows)
        before = range(min(fit, count) - 1, max(self.head, fit - max(1, self.least)) - 1, -1)
        last = next((index for index in before if kind(index) == "heading"), None)
        end = fit if last is None else group_end(kind, count, last, self.least)
        if end <= fit:
            return None
        first = last
        while first > max(self.head, last - max(1, self.least)) and kind(first - 1) == "heading":
            first -= 1
        return first, end

    def opening(self, index: int) -> float:
        """The height of the first lines of row `index` (a measured one; `least` lines, one at the least, in its
        cells' leading, padding included): what a row no page holds brings onto the page where it starts."""
        row, styles = self.rows.at(index), self._probe._cellStyles[index]
        leading = max((getattr(getattr(cell[0], "style", None), "leading", 0.0) for cell in row.cells if cell),
                      default=0.0)
        return max(1, self.least) * leading + max(s.topPadding + s.bottomPadding for s in styles)

    def piece(self, rows: Rows, head: int, first: bool, last: bool, guess: int | None = None) -> Grid:
        """A grid of `rows` (the first `head` of them repeated) in this one's columns and style, keeping the space
        before only when `first`, the space after only when `last`; `guess` rows (default: all) measured first."""
        out = Grid(rows, self.widths, self.styler, head, keep=False, guess=guess or len(rows), least=self.least)
        out.hAlign = self.hAlign   # a narrower grid stays centred on every page it runs over
        out.spaceBefore = self.spaceBefore if first else 0.0
        out.spaceAfter = self.spaceAfter if last else 0.0
        return out

    def split(self, availWidth, availHeight):
        frame = getattr(self, "_frame", None)
        full = frame._height - frame._topPadding - frame._bottomPadding if frame is not None else availHeight
        at_top = frame is None or frame._atTop
        heights = self.measure(0.0)
        # header rows taller than half a page, or than the frame, are printed once, not repeated (as Word does)
        head = self.head if sum(heights[:self.head]) <= min(full / 2, availHeight) + FUZZ else 0
        if head < self.head and not at_top:
            return []
        heights = self.measure(availHeight)
        used, fit = sum(heights[:head]), head
        while fit < len(heights) and used + heights[fit] <= availHeight + FUZZ:
            used += heights[fit]
            fit += 1
        if fit == len(self.rows):
            return [self]
        # an empty frame on the page the grid would move to, less its notes: measured only for a grid that may move
        # whole (not a piece) and fits a frame without notes, so that a grid's notes are not all measured again at
        # every split of a long one
        if self.keep and not at_top and sum(self.measure(full)) <= full - self.above + FUZZ:
            fresh = fresh_room(self, full, self.marks)
            if sum(self.measure(fresh)) <= fresh - self.above + FUZZ:
                return []   # moves whole, with what stands above it
        header = self.rows.first(head)
        if fit > head and sum(heights[:head]) + heights[fit] > full + FUZZ:
            # the next row no page holds: cut where it falls, under the rows before it (as Word breaks it), not
            # moved to a piece of its own, which would stand on this page under the header rows repeated
            pieces = self.cut_at(fit, availHeight - used, head, header)
            if pieces:
                return pieces
        if fit > head and self.least:
            kept = min(fit, self.tail())                     # leave `least` body rows for the next piece
            if kept - head >= self.least:
                fit = kept
            elif not at_top:
                return []                                    # too few rows here: all move to the next frame
        if fit > head and (stranded := self.stranded(fit)) is not None:
            if stranded[0] - head < max(1, self.least) and not at_top:
                return []                                    # a group heading row goes over with its rows
            if stranded[0] > head:
                fit = stranded[0]
        if fit > head:
            return [self.piece(Rows.of(self.rows.first(fit)), head, True, False),
                    self.piece(self.rows.after(fit, header), head, False, True, guess=fit + 2)]
        if not at_top and used + heights[fit] <= full + FUZZ:
            return []
        return self.cut_at(fit, availHeight - used, head, header) or []

    def cut_at(self, fit: int, room: float, head: int, header: list[Row]) -> list[Grid] | None:
        """The grid cut inside row `fit` (a measured one): the rows before it and the part of it that fills `room`,
        then the `header` rows (`head` of them) over the rest of it and the rows after it; None when no line of it
        fits `room`."""
        top, rest = self.cut_row(fit, room)
        if top is None:
            return None
        first = Rows.of(self.rows.first(fit) + [top])
        after = self.rows.after(fit + 1, header + ([rest] if rest else []))
        if len(after) == head:
            return [self.piece(first, head, True, True)]
        return [self.piece(first, head, True, False), self.piece(after, head, False, True, guess=head + 2)]

    def cut_row(self, index: int, room: float) -> tuple[Row | None, Row | None]:
        """Row `index` (a measured one) cut into the part that fills `room` and the rest (None when nothing is
        left); (None, None) when no cell can give a line to the first part."""
        row, styles = self.rows.first(index + 1)[index], self._probe._cellStyles[index]
        tops, rests = [], []
        for cell, style, width in zip(row.cells, styles, self.widths):
            inner = width - style.leftPadding - style.rightPadding
            top, rest = cut_cell(list(cell), inner, room - style.topPadding - style.bottomPadding)
            tops.append(tuple(top))
            rests.append(tuple(rest))
        if not any(tops):
            return None, None
        return Row(tuple(tops), row.kind), (Row(tuple(rests), row.kind) if any(rests) else None)
