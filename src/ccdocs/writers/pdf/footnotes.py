"""Footnotes at the foot of the page that carries their marks: the reserving frame and the notes area."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus.flowables import CondPageBreak, Flowable, PageBreak
from reportlab.platypus.frames import Frame

FUZZ = 1e-6
CONTINUED = 2 / 3  # the share of a page that notes continued from the last page may take
CLEARLY = 1e-3    # points by which a flowable is taller than the space left, rounding aside
SHRINK = 6.0      # points by which a forced split is shortened until its notes can start on the page


def marks_in(flowable) -> list[str]:
    """The footnote labels whose marks a flowable (a text block, a table, a group) carries, in order."""
    marks = getattr(flowable, "marks", None)
    if marks is not None:
        return list(marks)
    found: list[str] = []
    cells = getattr(flowable, "_cellvalues", None)
    items = [c for row in cells for c in row] if cells is not None else \
        getattr(flowable, "_content", None) or getattr(flowable, "_flowables", None) or []
    for item in items:
        for f in item if isinstance(item, list | tuple) else [item]:
            if isinstance(f, Flowable):
                found += marks_in(f)
    return found


@dataclass
class Rules:
    """The notes area's geometry: width, space around the separator, its length, space after each note."""

    width: float
    before: float
    after: float
    rule_width: float
    note_after: float
    line: float = 0.5
    rtl: bool = False             # the separator at the right: the notes run right to left


@dataclass
class PageNotes:
    """The notes of the page being laid out: what is placed, what continues on the next page."""

    flows: dict
    rules: Rules
    placed: list = field(default_factory=list)
    carry: list = field(default_factory=list)
    done: set = field(default_factory=set)
    started: list = field(default_factory=list)
    continued: bool = False
    ended: bool = False          # the text has ended: continued notes may fill whole pages
    dry: bool = False            # a layout for its page numbers alone: the frames and the notes area draw nothing

    def new(self, labels) -> list[str]:
        """The labels among `labels` whose notes are not placed yet."""
        return [label for label in labels if label not in self.done]

    def piece_height(self, piece) -> float:
        """The height a note piece takes in the area, its spacing included."""
        return piece.wrap(self.rules.width, 1e6)[1] + piece.getSpaceAfter()

    def opening(self) -> float:
        """The separator's share of the area: space above, the rule, space below."""
        return self.rules.before + self.rules.line + self.rules.after

    def area(self) -> float:
        """The height of the area as placed so far (0 without notes)."""
        return self.opening() + sum(self.piece_height(p) for p in self.placed) if self.placed else 0.0

    def backlog(self) -> float:
        """The height of the notes still continuing from earlier pages: they come before any new note."""
        return sum(self.piece_height(p) for p in self.carry)

    def extra(self, labels) -> float:
        """How much the area grows if the notes of `labels` are added (after the backlog)."""
        *_, grow = self.extras(labels)
        return grow

    def extras(self, labels):
        """`extra(labels[:count])` for count = 0, 1, ... len(labels) in turn, each note measured once."""
        yield 0.0
        base, grown, opening = self.backlog(), 0.0, 0.0 if self.placed else self.opening()
        for label in labels:
            for piece in self.flows[label]:
                grown += self.piece_height(piece)
            yield base + grown + opening

    def least(self, labels) -> float:
        """The least growth that places the backlog and the notes of `labels` whole but the last, of which one
        line."""
        *whole, last = labels
        first = self.flows[last][0]
        grow = self.backlog() + sum(self.piece_height(p) for label in whole for p in self.flows[label])
        return grow + (0.0 if self.placed else self.opening()) + first.style.leading + first.getSpaceAfter()

    def place(self, labels):
        """Add the backlog and the notes of `labels` whole."""
        self.placed += self.carry
        self.carry = []
        for label in labels:
            self.placed += self.flows[label]
            self.done.add(label)
        self.started += labels

    def place_partly(self, labels, room: float) -> float:
        """Add as much of the backlog and the notes of `labels` as `room` holds, cutting a note between lines;
        the rest continues on the next page. Returns the area's height."""
        queue = self.carry + [p for label in labels for p in self.flows[label]]
        self.carry = []
        self.done.update(labels)
        self.fill(queue, room)
        self.started += [label for label in labels if not any(p is self.flows[label][0] for p in self.carry)]
        return self.area()

    def fill(self, queue: list, room: float):
        """Place pieces from `queue` while they fit in an area of height `room`; carry the rest."""
        used = self.area() or self.opening()
        while queue:
            piece = queue[0]
            h = self.piece_height(piece)
            if used + h <= room + FUZZ:
                self.placed.append(queue.pop(0))
                used += h
                continue
            lines = int((room - used - piece.getSpaceAfter() + FUZZ) // piece.style.leading)
            if lines >= 1:
                head, rest = piece.split_lines(self.rules.width, lines)
                self.placed.append(head)
                queue[0] = rest
            break
        self.carry = queue

    def start_page(self, frame_height: float) -> float:
        """Begin a page: notes continued from the last page come first, under a full-width rule."""
        self.placed, self.started, self.continued = [], [], bool(self.carry)
        queue, self.carry = self.carry, []
        if queue:
            self.fill(queue, frame_height * (1.0 if self.ended else CONTINUED))
        return self.area()

    def draw(self, canv, x: float, bottom: float):
        """Draw the separator and the notes placed on this page, the last one ending at `bottom`."""
        if not self.placed or self.dry:
            return
        r = self.rules
        y = bottom + self.area() - r.before
        canv.saveState()
        canv.setLineWidth(r.line)
        length = r.width if self.continued else r.rule_width
        start = x + r.width - length if r.rtl else x
        canv.line(start, y, start + length, y)
        canv.restoreState()
        y -= r.line + r.after
        for piece in self.placed:
            h = piece.wrap(r.width, 1e6)[1]
            piece.drawOn(canv, x, y - h)
            y -= h + piece.getSpaceAfter()


def _placed(canv, x, y, _sW=0):
    """What a flowable's `drawOn` does in a dry layout: nothing."""


class NoteFrame(Frame):
    """A frame that keeps room at its foot for the notes of what it holds, and moves or splits text whose
    notes do not fit; notes that no page could hold whole start under their mark when they can end overleaf."""

    def __init__(self, *args, notes: PageNotes, **kwargs):
        self.notes = notes
        super().__init__(*args, **kwargs)

    def reserve(self, height: float):
        """Set the room kept for notes at the foot of the frame."""
        self._y1p = self._y1 + self._bottomPadding + height

    def space(self, flowable) -> float:
        """The height left for `flowable` above the notes area, its space before deducted."""
        s = 0.0 if self._atTop else max(flowable.getSpaceBefore() - (self._prevASpace if self._oASpace else 0), 0)
        return self._y - self._y1p - s

    def _reset(self):
        super()._reset()
        self.held: list = []

    def _add(self, flowable, canv, trySplit=0):
        if self.notes.dry:
            flowable.drawOn = _placed   # reportlab's Frame._add places it and would draw it there: not in a dry layout
            try:
                added = self.add_with_notes(flowable, canv, trySplit)
            finally:
                del flowable.drawOn
        else:
            added = self.add_with_notes(flowable, canv, trySplit)
        if added:
            self.held.append(flowable)
        return added

    def add_with_notes(self, flowable, canv, trySplit=0):
        """Add `flowable` with room for the notes its marks bring (reportlab's `add`)."""
        labels = self.notes.new(marks_in(flowable))
        if not labels:
            return super()._add(flowable, canv, trySplit)
        if self.space(flowable) <= 0 or self.wrapped(flowable, canv) > self.space(flowable) + CLEARLY:
            return 0    # too tall with no room kept for notes: keeping room only makes it worse (and costs)
        base = self._y1p
        self._y1p = base + self.notes.extra(labels)
        if super()._add(flowable, canv, 1):
            self.notes.place(labels)
            self.reserve(self.notes.area())
            return 1
        if self._atTop or self.only_headings() or self.ends_overleaf(self.notes.extra(labels)):
            self._y1p = base + self.notes.least(labels)
            if super()._add(flowable, canv, 1):
                room = self._y + flowable.getSpaceAfter() - self._y1 - self._bottomPadding
                self.reserve(self.notes.place_partly(labels, room))
                return 1
        self._y1p = base
        return 0

    add = _add

    def only_headings(self) -> bool:
        """Whether the frame holds headings only (moving the text below them would leave them alone)."""
        return bool(self.held) and all(isinstance(f, CondPageBreak) or getattr(f, "style", None) is not None
                                       and getattr(f.style, "outline", None) for f in self.held)

    def ends_overleaf(self, grow: float) -> bool:
        """Whether notes `grow` high, too high for any one page, can start here and end on the next page (so
        their mark need not move to a page of its own)."""
        full = self._height - self._topPadding - self._bottomPadding
        return full < grow <= self._y - self._y1p + full * CONTINUED

    def split(self, flowable, canv):
        labels = self.notes.new(marks_in(flowable))
        if not labels:
            return super().split(flowable, canv)
        for count, room in enumerate(self.notes.extras(labels)):
            if self.space(flowable) - room <= 0:
                break  # no room left for the text; more notes only take more
            pieces = self.split_with(flowable, canv, room)
            if pieces and set(self.notes.new(marks_in(pieces[0]))) <= set(labels[:count]) \
                    and self.fits(pieces[0], canv):
                return pieces
        if not self._atTop:
            return []
        pieces = self.forced_split(flowable, canv, labels)
        if not pieces and self.notes.carry:
            # notes continued from earlier pages come first: a page more of them, then this text
            return [PageBreak(), flowable]
        return pieces

    def forced_split(self, flowable, canv, labels) -> list:
        """At the top of a page, text whose notes fill more than the page: the longest piece whose notes all
        start here, only the last of them continuing on the next page; shortened until so, down to a line."""
        for count in range(1, len(labels) + 1):
            room = self.notes.least(labels[:count])
            if self.space(flowable) - room <= 0:
                break  # more notes only take more room
            while self.space(flowable) - room > 0:
                pieces = self.split_with(flowable, canv, room)
                if pieces and set(self.notes.new(marks_in(pieces[0]))) <= set(labels[:count]):
                    return pieces
                room += SHRINK
        if hasattr(flowable, "split_lines") and len(flowable.layout(self._getAvailableWidth())) > 1 \
                and self.space(flowable) > self.notes.least(labels[:1]):
            pieces = list(flowable.split_lines(self._getAvailableWidth(), 1))
            if set(self.notes.new(marks_in(pieces[0]))) <= set(labels[:1]):
                return pieces
        return []

    def split_with(self, flowable, canv, room: float) -> list:
        """The flowable split to the space left when `room` more is kept for notes."""
        base = self._y1p
        self._y1p = base + room
        try:
            return super().split(flowable, canv) if self.space(flowable) > 0 else []
        finally:
            self._y1p = base

    def wrapped(self, flowable, canv) -> float:
        """The height `flowable` takes in the space left for it above the notes area."""
        flowable.canv = canv
        try:
            return flowable.wrap(self._getAvailableWidth(), self.space(flowable))[1]
        finally:
            del flowable.canv

    def fits(self, piece, canv) -> bool:
        """Whether a split-off piece fits with the notes its marks bring."""
        return self.wrapped(piece, canv) + self.notes.extra(self.notes.new(marks_in(piece))) \
            <= self.space(piece) + FUZZ


class NotesTail(Flowable):
    """The story's last flowable: asks for further pages, one at a time, while notes still continue."""

    def __init__(self, notes: PageNotes):
        super().__init__()
        self.notes = notes

    def wrap(self, availWidth, availHeight):
        return (0, 0) if not self.notes.carry else (availWidth, availHeight + 1)

    def split(self, availWidth, availHeight):
        if not self.notes.carry:
            return []
        self.notes.ended = True
        return [PageBreak(), NotesTail(self.notes)]

    def draw(self):
        pass
