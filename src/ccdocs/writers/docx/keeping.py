"""Word's way of keeping a table's rows together across a page break, as the PDF writer splits its grids.

Word has no "keep this table whole": `w:keepNext` on the paragraphs of a row keeps that row on the page of the
next one. A table whose rows fit a page is kept whole (every row but the last joined to the next), so Word moves
it, with its caption (itself `keepNext`), to the next page; a longer one keeps its header rows with its first
`least` body rows and its last `least` body rows together, so no page holds fewer, nor the total row alone.
"""

from __future__ import annotations

from math import ceil

from docx.oxml.ns import qn

from ...oxml import place, props
from ...sources import themefile
from ..groups import group_end
from .layout import PAGE_SIZES


def joined_rows(kinds: list[str], head: int, heights: list[float], room: float, least: int) -> list[int]:
    """The indexes of the rows to keep with the next row, of rows of `kinds` (`heading`, `body`, `total`, …) whose
    first `head` are header rows, `heights` points high (estimates), on a page `room` points high; a total row
    does not count among the `least` body rows, and the rows after the last total row (its "of which" rows) stay
    with it, as the PDF's `Grid.tail`; a group heading row (`heading` below the header rows) stays with the
    headings under it and their first `least` member rows (`groups.group_end`), as the PDF's `Grid.stranded`.

    >>> joined_rows(["heading"] + ["body"] * 4 + ["total"], 1, [20.0] * 6, 700.0, 3)
    [0, 1, 2, 3, 4]
    >>> joined_rows(["heading"] + ["body"] * 8 + ["total"], 1, [100.0] * 10, 700.0, 3)
    [0, 1, 2, 6, 7, 8]
    >>> joined_rows(["heading"] + ["body"] * 8 + ["total", "heading", "body"], 1, [100.0] * 12, 700.0, 3)
    [0, 1, 2, 6, 7, 8, 9, 10]
    >>> joined_rows(["heading"] + ["body"] * 6 + ["heading"] * 2 + ["body"] * 6 + ["total"], 1, [60.0] * 16, 700.0, 3)
    [0, 1, 2, 7, 8, 9, 10, 12, 13, 14]
    """
    count = len(kinds)
    if sum(heights) <= room:
        return list(range(count - 1))
    tail, found = max((i for i, kind in enumerate(kinds) if kind == "total"), default=count), 0
    while tail > head and found < least:
        tail -= 1
        found += kinds[tail] != "total"
    grouped = {index for at in range(head, count) if kinds[at] == "heading"
               for index in range(at, min(group_end(kinds.__getitem__, count, at, least), count) - 1)}
    return sorted(set(range(min(head + least - 1, count - 1))) | set(range(tail, count - 1)) | grouped)


def kept_with_next(tbl, head: int, texts: list[list[str]], kinds: list[str], widths: list[float], measure, theme,
                   lang: str) -> set[int]:
    """The indexes of the rows of `tbl` (a `w:tbl` in its place; rows of `texts` and `kinds`, columns `widths`
    points wide) to keep with the next row (`keep_with_next`): those `joined_rows` names, their heights estimated
    as the PDF sets them, on a page whose room is the body's height less the paragraphs kept above the table (its
    caption, a heading)."""
    room = body_height(theme, lang, page_height(tbl, theme)) - kept_above(tbl, theme, lang)
    pad, leading = theme.pt("table.cell_padding"), line_factor(theme, lang)
    heights = [row_height(cells, widths, measure, pad, leading) for cells in texts]
    return set(joined_rows(kinds, head, heights, room, int(theme.get("table.keep_rows", 3))))


def keep_with_next(tr) -> None:
    """`w:keepNext` on every paragraph of the row `tr`: Word keeps the row on the page of the next one."""
    for p in tr.iter(qn("w:p")):
        place(props(p, "w:pPr"), "w:keepNext")


def line_factor(theme, lang: str) -> float:
    """Word's line height over the type size: the PDF's leading, which is set to match it (`themefile.line_factor`:
    `pdf.leading` times `spacing.line`, Word's line spacing)."""
    return themefile.line_factor(theme.data, lang)


def row_height(cells: list[str], widths: list[float], measure, padding: float, leading: float) -> float:
    """The height in points of a row of `cells` in columns `widths` points wide: its tallest cell's lines."""
    lines = 1
    for text, width in zip(cells, widths):
        inner = max(width - 2 * padding, measure.size)
        lines = max(lines, sum(max(1, ceil(measure.line(line) / inner)) for line in text.split("\n")))
    return lines * measure.size * leading + 2 * padding


def page_height(tbl, theme) -> float:
    """The height in points of the page `tbl` is laid out on: its section's (the one being written, portrait or
    landscape), the theme's page when the table stands outside the body."""
    last = next(tbl.getparent().iterchildren(reversed=True))     # a body's w:sectPr is its last child
    section = last if last.tag == qn("w:sectPr") else None
    size = section.find(qn("w:pgSz")) if section is not None else None
    if size is None:
        return PAGE_SIZES[theme.get("page.size", "A4")][1] / 20
    return int(size.get(qn("w:h"))) / 20


def body_height(theme, lang: str, height: float) -> float:
    """The height in points between the running header (or the top margin, when lower) and the bottom margin of a
    page `height` points high, as Word lays out a page of the body (and as the PDF's body frame)."""
    header = theme.pt("page.header_distance") + 2 * theme.size(lang, "header") * line_factor(theme, lang) + \
        theme.pt("docx.header_after")
    return height - max(theme.pt("page.margins.top"), header) - theme.pt("page.margins.bottom")


def kept_above(tbl, theme, lang: str) -> float:
    """The estimated height of the paragraphs just before `tbl` that Word keeps with it (`keepNext` by their
    style: the caption, the unit line, a heading), one line each at the size and with the spacing their style
    gives them (`styles.py`), as the PDF measures what it keeps above a table (`pdf.keep.KeepWith`)."""
    line, total, el = line_factor(theme, lang), 0.0, tbl.getprevious()
    while el is not None and el.tag == qn("w:p"):
        style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = style.get(qn("w:val")) if style is not None else ""
        if name.startswith("Heading"):  # at the top of the page the table would move to: no space before it
            total += theme.size(lang, "heading" + name[-1]) * line + theme.pt("spacing.heading_after")
        elif name == "TableCaption":
            total += theme.size(lang, "body") * line + theme.pt("docx.caption_after")
        elif name == "TableNote":  # the unit line, set with no space before it (`tables.write_table`)
            total += theme.size(lang, "footnote") * line
        else:
            break
        el = el.getprevious()
    return total
