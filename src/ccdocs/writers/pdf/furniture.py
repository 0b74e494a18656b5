"""Page furniture: the cover block of page 1 and the running header of the later pages."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus.flowables import Spacer

from ...model import Text
from .images import logo_flowables
from .runs import Look, Where
from .text import TextBlock


def cover(builder, entry: str | None = None) -> list:
    """Language letter, then symbol, ORIGINAL and DATE at the right; body, session, place and dates, title
    and author at the left (fields in `meta.caps` in capitals). The title opens the outline, as `entry` when given
    (an attached document's, which names its symbol)."""
    meta, theme, lang = builder.meta, builder.theme, builder.lang
    caps = set(meta.caps)
    where = Where(None, "the cover")

    def line(field, text, role, align="left", bold=False, heading=False, before=0.0, after=0.0):
        size = theme.size(lang, role)
        look = Look(size, bold=bold, heading=heading, caps=field in caps)
        style = builder.style(size, align=align, before=before, after=after)
        return builder.text((Text(text),), look, style, where)

    letter_size = theme.size(lang, "cover_letter")
    # the big letter's line is 1.1 of its size; `spacing.line` spaces it as Word's Cover Letter style (a multiple
    # of Normal's): the line's added height below the letter, where LibreOffice's rendering of the DOCX puts it
    added = letter_size * 1.1 * (float(theme.get("spacing.line", 1.0)) - 1)
    letter = builder.text((Text(meta.language_letter),), Look(letter_size, bold=True),
                          builder.style(letter_size, align="right",
                                        after=builder.pt("cover.letter_space_after") + added), where)
    letter.style = replace(letter.style, leading=letter_size * 1.1)
    out = logo_flowables(builder) + [letter] + [line(f, getattr(meta, f), "cover_symbol", align="right")
                                               for f in ("symbol", "original", "date")]
    body_size = theme.size(lang, "cover_body")
    out.append(Spacer(0, builder.pt("cover.block_before_body")))
    out.append(line("body", meta.body, "cover_body", bold=True, after=builder.pt("pdf.cover.body_after")))
    out.append(session(builder, body_size, "session" in caps, where))
    out.append(line("place_dates", meta.place_dates, "cover_body", bold=True))
    out.append(Spacer(0, builder.pt("cover.title_before")))
    out.append(line("title", meta.title, "cover_title", heading=True, after=builder.pt("pdf.cover.title_after")))
    out[-1].style = replace(out[-1].style, outline=builder.outline_entry(entry or meta.title, 0))
    out.append(line("author", meta.author, "body", after=builder.pt("pdf.cover.author_after")))
    return out


def session(builder, size: float, caps: bool, where) -> TextBlock:
    """The session line, its ordinal suffix (`th`) in superscript."""
    look = Look(size, bold=True, caps=caps)
    scale, rise = builder.maker.mark
    runs = []
    for text, superscript in builder.meta.session_runs:
        for run in builder.maker.text(text, look, where):
            runs.append(replace(run, size=size * scale, rise=size * rise) if superscript else run)
    return TextBlock(runs, builder.style(size, align="left"))


def header_height(builder) -> float:
    """The height of the two header lines and the space after them."""
    size = builder.theme.size(builder.lang, "header")
    return 2 * size * builder.factor + builder.pt("pdf.header_after")


class RunningHeader:
    """The running header of one write's pages: its look and style set once, and the block of each line laid
    out once for the pages that show it (the symbol: every page; a page's number: its own)."""

    def __init__(self, builder):
        self.builder = builder
        size = builder.theme.size(builder.lang, "header")
        self.look, self.where = Look(size), Where(None, "the running header")
        self.style = builder.style(size, align="right")
        self.blocks: dict[tuple, tuple] = {}   # (text, width) -> (its block wrapped at width, its height)

    def draw(self, canv, lines, x: float, top: float, width: float):
        """The lines right-aligned at the top of the page, `width` wide from `x`; none in a dry layout
        (paper.layout)."""
        if self.builder.dry:
            return
        y = top
        for text in lines:
            found = self.blocks.get((text, width))
            if found is None:
                block = self.builder.block_of(self.builder.maker.text(text, self.look, self.where), self.style)
                found = self.blocks[text, width] = (block, block.wrap(width, 1e6)[1])
            block, h = found
            block.drawOn(canv, x, y - h)
            y -= h
