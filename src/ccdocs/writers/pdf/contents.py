"""The contents table as flowables: its title, then one row per entry with dot leaders and the page number."""

from __future__ import annotations

import math
from dataclasses import replace

from reportlab.platypus.flowables import Flowable

from ...model import Contents, Text
from .runs import Look, Where
from .tables import KeepRoom
from .text import TextBlock

LEADER = "."
LEADER_PITCH = 0.3      # em between the dots of a leader (about Word's dot leader)
LEADER_GAP = 0.25       # em kept free on either side of a leader


def natural_width(block: TextBlock) -> float:
    """The width of a one-line text block's text."""
    setting = block.setting
    return setting.width(0, setting.trimmed(0, len(setting.text))) if setting.text else 0.0


class ContentsRow(Flowable):
    """One entry: its text wrapped left of the right-hand columns (each a right-aligned one-line text and its
    width), a dot leader from the end of its last line to the first column's text, the whole row a link to its
    heading (`bookmark()`: the heading's outline key, known once every heading is built)."""

    def __init__(self, text: TextBlock, columns: list[tuple[TextBlock, float]], bookmark):
        super().__init__()
        self.text, self.columns, self.bookmark = text, columns, bookmark

    def getSpaceAfter(self):
        return self.text.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        _, self.height = self.text.wrap(availWidth, availHeight)
        for block, width in self.columns:
            block.wrap(width, availHeight)
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        return []

    def draw(self):
        canv, text, s = self.canv, self.text, self.text.style
        flip = (lambda x, w: self.width - x - w) if s.rtl else (lambda x, w: x)   # right to left: mirrored
        text.drawOn(canv, 0, 0)
        start, nxt, x = text.lines[-1]
        line_end = x + text.setting.width(start, text.setting.trimmed(start, nxt))
        right, leader_end = self.width, self.width
        for block, width in reversed(self.columns):
            right -= width
            block.drawOn(canv, flip(right, width), s.leading - block.height)
            leader_end = right + width - natural_width(block)
        runs = text.setting.runs
        if runs:
            pitch, gap = LEADER_PITCH * s.size, LEADER_GAP * s.size
            baseline = s.leading - ((s.leading - s.size) / 2 + 0.82 * s.size)
            canv.setFont(runs[-1].face.name, s.size)
            dot = runs[-1].face.width(LEADER) * s.size / 1000
            for step in range(math.ceil((line_end + gap) / pitch), math.floor((leader_end - gap) / pitch) + 1):
                canv.drawString(flip(step * pitch, dot), baseline, LEADER)
        key = self.bookmark()
        if key:
            canv.linkRect("", key, (0, 0, self.width, self.height), relative=1, thickness=0)


def contents_table(builder, block: Contents) -> list:
    """The title (bold, in the chapter heading's size, capitals where the language has them) kept with the
    first rows, then the rows; page numbers from `builder.pages` (the previous layout pass, by document symbol; '' before one)."""
    size = builder.theme.size(builder.lang, "heading1")
    where = Where(block.source, "the contents table")
    title_style = builder.style(size, align="left", after=builder.pt("contents.title_after"))
    title = builder.text((Text(block.title),), Look(size, bold=True, heading=True, caps=True), title_style, where)
    keep = size * builder.factor + builder.pt("contents.title_after") + 2 * builder.body * builder.factor
    widths = ([builder.pt("pdf.contents.paragraphs_width")] if block.paragraphs else []) + [builder.pt("contents.page_width")]
    look = Look(builder.body)
    out = [KeepRoom(keep), title]
    pages = builder.pages.get(builder.meta.symbol, {})
    for entry in block.entries:
        texts = ([entry.paragraphs] if block.paragraphs else []) + [pages.get(entry.target, "")]
        columns = [(builder.block_of(builder.maker.text(t, look, where), builder.style(builder.body, align="right")), w)
                   for t, w in zip(texts, widths)]
        style = builder.style(builder.body, align="left", left=builder.pt("contents.indent") * (entry.level - 1),
                              right=sum(widths), after=builder.pt("contents.row_after"))
        text = builder.text((Text(entry.text),), look, style, where)
        out.append(ContentsRow(text, columns, lambda target=entry.target: builder.targets.get(target)))
    if block.entries:
        out[-1].text.style = replace(out[-1].text.style, after=builder.pt("spacing.paragraph_after"))
    return out
