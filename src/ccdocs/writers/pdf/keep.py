"""Keeping a heading or caption with what follows it: a page break unless the first unit after it fits.

The first unit of what follows is measured, not guessed: a paragraph's or list item's first lines (`lines` of
them, all when fewer), a table's caption, unit line, header and first body rows (the whole table when it fits a
page), a box or key-figures panel whole. Headings, captions and unit lines are `sticky`: they are measured whole
and the unit after them is added, so a heading over a caption over a table moves as one.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import CondPageBreak, PageBreak

STICKY = "sticky"   # the attribute marking a flowable that must stand on the page of what follows it


def sticky(flowable):
    """`flowable`, marked to stay with what follows it."""
    setattr(flowable, STICKY, True)
    return flowable


class KeepWith(CondPageBreak):
    """A page break unless the sticky flowables after it and the first unit of what follows them fit in the space
    left; none at the top of a frame, where breaking would only leave a page empty. `story[start:]` is read
    lazily, as far as that unit ends. The space after the last flowable is passed on to the next page."""

    _SPACETRANSFER = True

    def __init__(self, lines: int):
        super().__init__(0.0)
        self.lines = lines
        self.story: Sequence = ()
        self.start = 0

    def follow(self, story: Sequence, start: int):
        """Measure from `story[start]` on."""
        self.story, self.start = story, start

    def wrap(self, availWidth, availHeight):
        frame = self._doctemplateAttr("frame")
        unit = self.unit()
        full = fresh_room(self, availHeight, [mark for f in unit for mark in getattr(f, "marks", ())])
        need = self.needed(unit, availWidth, full)
        self.height = 0.0 if frame is None or frame._atTop or need > full else need
        return super().wrap(availWidth, availHeight)

    def unit(self) -> list:
        """The sticky flowables from `story[start]` on and the first flowable after them (none past a page
        break: what follows starts a page of its own)."""
        out = []
        for index in range(self.start, len(self.story)):  # by index: islice would step over the story before it
            flowable = self.story[index]
            if isinstance(flowable, PageBreak):
                break
            if isinstance(flowable, ActionFlowable | CondPageBreak):
                continue
            out.append(flowable)
            if not getattr(flowable, STICKY, False):
                break
        return out

    def needed(self, unit: list, width: float, full: float) -> float:
        """The height of the sticky flowables of `unit` and the first unit of the flowable after them, spaces
        between them included."""
        total, after = 0.0, 0.0
        for flowable in unit:
            before = max(flowable.getSpaceBefore() - after, 0.0) if total else 0.0
            if getattr(flowable, STICKY, False):
                total += before + flowable.wrap(width, full)[1]
                after = flowable.getSpaceAfter()
                total += after
                continue
            return total + before + first_unit(flowable, width, full, self.lines, total + before)
        return total


def fresh_room(flowable, current: float, marks=()) -> float:
    """The height in points an empty frame offers on the page `flowable` would move to (the page template
    reportlab turns to next: a cover page is followed by a shorter body page), less the room its notes area
    would keep there for notes continued from earlier pages and those of `marks`; `current` outside a layout."""
    doc = getattr(getattr(flowable, "canv", None), "_doctemplate", None)
    if doc is None:
        return current
    template = doc.pageTemplate
    if hasattr(doc, "_nextPageTemplateIndex"):
        template = doc.pageTemplates[doc._nextPageTemplateIndex]
    elif template.autoNextPageTemplate:
        template = next(t for t in doc.pageTemplates if t.id == template.autoNextPageTemplate)
    frame = template.frames[0]
    room = frame._height - frame._topPadding - frame._bottomPadding
    notes = getattr(doc, "notes", None)
    if notes is not None:
        grow = notes.backlog() + sum(notes.piece_height(p) for label in notes.new(marks) for p in notes.flows[label])
        room -= grow + notes.opening() if grow else 0.0
    return room


def first_unit(flowable, width: float, full: float, lines: int, above: float) -> float:
    """The height of the part of `flowable` that must stand with what precedes it (`above` high on its page): a
    grid's `lead` (told what stands above it), a text's first `lines` lines, anything else whole."""
    lead = getattr(flowable, "lead", None)
    if lead is not None:
        flowable.above = max(flowable.above, above)
        return lead(width, full - flowable.above)
    if hasattr(flowable, "split_lines"):  # its first `lines` lines: as high as the piece `split_lines` would cut
        count = len(flowable.layout(width))
        if count > lines:
            return lines * flowable.style.leading
    return flowable.wrap(width, full)[1]


def link(story: list) -> list:
    """Point every KeepWith of `story` at the flowables after it; `story` itself, for chaining."""
    for index, flowable in enumerate(story):
        if isinstance(flowable, KeepWith):
            flowable.follow(story, index + 1)
    return story
