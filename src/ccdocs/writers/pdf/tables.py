"""Tables, boxes and key-figure panels as grids that split between rows, and inside a row longer than a page."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.platypus.flowables import CondPageBreak

from ...model import Para, Text
from ..columns import table_size, table_widths
from ..keyfigures import rows_of, too_wide
from .captions import caption_flowables
from .grid import Grid, Row
from .keep import sticky
from .rtl import mirrored_grid
from .runs import Look, Where
from .text import TextBlock


class KeepRoom(CondPageBreak):
    """A page break unless `height` is left, passing the space after the last flowable on to the next."""

    _SPACETRANSFER = True


def color(builder, dotted: str, default: str):
    """A theme colour given as hex digits."""
    return HexColor("#" + str(builder.theme.get(dotted, default)).lstrip("#"))


def header_rows(t, heading) -> list[Row]:
    """The header rows: the column headings (kind `heading`), under a row of spanning headings (kind
    `spanning`) when the table has any, where a column under none has its heading (spanned down over both
    rows) and a spanning heading stands in its first column. `heading(text, align, source)` makes a cell."""
    own = [(heading(c.heading, c.align, c.source),) for c in t.columns]
    if not t.spans:
        return [Row(tuple(own), "heading")]
    top, below = list(own), [()] * len(own)
    for span in t.spans:
        top[span.first:span.last + 1] = [(heading(span.heading, "center", span.source),)] + \
            [()] * (span.last - span.first)
        below[span.first:span.last + 1] = own[span.first:span.last + 1]
    return [Row(tuple(top), "spanning"), Row(tuple(below), "heading")]


def span_commands(t, piece: list[Row], rule: float, color) -> list:
    """The merged cells of the header rows in a piece of the table: each spanning heading across its columns,
    ruled beneath; each column under none spanned down over both header rows."""
    out = []
    for index in (i for i, r in enumerate(piece[:-1]) if r.kind == "spanning"):
        grouped = set()
        for span in t.spans:
            out += [("SPAN", (span.first, index), (span.last, index)),
                    ("LINEBELOW", (span.first, index), (span.last, index), rule, color)]
            grouped.update(range(span.first, span.last + 1))
        out += [("SPAN", (c, index), (c, index + 1)) for c in range(len(t.columns)) if c not in grouped]
    return out


def table(builder, t) -> list:
    """Caption, unit, the table (header rows repeated, figures right-aligned, totals bold, members indented),
    its notes and its source; narrower than the text when its `width` says so, then centred."""
    size = table_size(builder.theme, builder.lang)
    where = Where(t.source, f"table {t.name}")
    pad = builder.pt("table.cell_padding", 3.0)
    indent = builder.pt("table.member_indent")
    widths = table_widths(t, builder.theme, builder.measure, builder.width)

    def cell(text, align, bold=False, left=0.0, heading=False, typed=None, right=0.0):
        style = builder.style(size, align=align, left=left, right=right, after=0.0)
        at = Where(typed, f"table {t.name}") if typed else where
        return builder.text((Text(text),), Look(size, bold=bold, heading=heading), style, at)

    rows = header_rows(t, lambda text, align, typed: cell(text, align, bold=True, heading=True, typed=typed))
    head = len(rows)
    for row in t.rows:
        strong = row.kind in ("total", "group")
        rows.append(Row(tuple((cell(text, c.align, strong, indent if row.kind == "member" and i == 0 else 0.0,
                                    typed=row.source),)
                              for i, (text, c) in enumerate(zip(row.cells, t.columns))), row.kind))
    rule, black = builder.pt("table.rule_width", 0.5), HexColor("#000000")
    style = [("FONTNAME", (0, 0), (-1, -1), builder.fonts.face("latin_regular").name),
             ("LINEABOVE", (0, 0), (-1, 0), rule, black), ("LINEBELOW", (0, head - 1), (-1, head - 1), rule, black),
             ("LINEBELOW", (0, -1), (-1, -1), rule, black),
             ("BACKGROUND", (0, 0), (-1, head - 1), color(builder, "table.header_fill", "D9D9D9")),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
             ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]

    def styler(piece: list[Row]) -> list:
        return style + span_commands(t, piece, rule, black) + \
            [("LINEABOVE", (0, i), (-1, i), rule, black) for i, r in enumerate(piece) if r.kind == "total"]

    if builder.rtl:
        rows, widths, styler = mirrored_grid(rows, widths, styler)
    grid = Grid(rows, widths, styler, head=head, keep=True, least=int(builder.theme.get("table.keep_rows", 3)))
    grid.hAlign = "CENTER" if t.width < 1 else "LEFT"
    after = builder.pt("spacing.paragraph_after")
    out = caption_flowables(builder, t.caption, t.prefix, t.anchor, where.at(t.caption_typed))
    if t.unit:
        out.append(sticky(cell(t.unit, "right", right=(builder.width - sum(widths)) / 2)))  # at the table's edge
    out.append(grid)
    small = builder.style(size, align="left", after=2.0)
    typed = t.notes_typed or (None,) * (len(t.notes) + 1)  # where each note, then the source line, was typed
    tail = [builder.text(n, Look(size), small, where.at(at)) for n, at in zip(t.notes, typed)]
    if t.source_line:
        tail.append(builder.text(t.source_line, Look(size, italic=True), small, where.at(typed[len(t.notes)])))
    grid.spaceBefore, grid.spaceAfter = 0.0, (4.0 if tail else after)
    if tail:
        tail[-1].style = replace(tail[-1].style, after=after)
    return out + tail


def panel(builder, rows: list, widths: list, extra: list) -> Grid:
    """A shaded, bordered grid of flowable rows, padded inside, the space after each row kept; moved whole to
    the next page unless longer than a page."""
    pad = builder.pt("box.padding", 6.0)
    style = [("FONTNAME", (0, 0), (-1, -1), builder.fonts.face("latin_regular").name),
             ("BACKGROUND", (0, 0), (-1, -1), color(builder, "box.fill", "EAF0F7")),
             ("BOX", (0, 0), (-1, -1), builder.pt("box.border_width", 0.75), color(builder, "box.border", "4F6F9F")),
             ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
             ("TOPPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, 0), pad),
             ("VALIGN", (0, 0), (-1, -1), "TOP")] + extra

    def styler(piece: list[Row]) -> list:
        out = list(style)
        for index, row in enumerate(piece):
            flows = [f for cell in row.cells for f in cell]
            space = pad if index == len(piece) - 1 else max([f.getSpaceAfter() for f in flows] or [0.0])
            out.append(("BOTTOMPADDING", (0, index), (-1, index), space))
        return out

    cells = [Row(tuple(tuple(cell) if isinstance(cell, list) else (cell,) for cell in row)) for row in rows]
    if builder.rtl:
        cells, widths, styler = mirrored_grid(cells, widths, styler)
    grid = Grid(cells, widths, styler, keep=True)
    grid.spaceAfter = builder.pt("spacing.paragraph_after")
    return grid


def box(builder, b) -> list:
    """A box: its title in bold, then its blocks, on a shaded ground inside a border."""
    pad = builder.pt("box.padding", 6.0)
    inner = builder.width - 2 * pad
    saved, builder.width = builder.width, inner
    try:
        flows = []
        if b.title:
            style = builder.style(builder.body, align="left", after=6.0)
            flows.append(builder.text(b.title, Look(builder.body, bold=True, heading=True), style,
                                      Where(b.source, "a box title")))
        for block in b.blocks:
            flows += builder.para(block, after=builder.pt("pdf.box_after")) if isinstance(block, Para) \
                else builder.block(block)
    finally:
        builder.width = saved
    flows = [f for f in flows if not isinstance(f, CondPageBreak)]
    if flows and isinstance(flows[-1], TextBlock):
        flows[-1].style = replace(flows[-1].style, after=0.0)
    return [panel(builder, [[f] for f in flows], [builder.width], [])]


def key_figures(builder, k) -> list:
    """Key figures: each figure large and bold over what it counts, centred, up to four a row, in a shaded
    bordered panel (as the DOCX)."""
    size = float(builder.theme.get("keyfigures.figure_size", 16))
    small = builder.theme.size(builder.lang, "table")
    where = Where(k.source, "a key figure")
    per_row = rows_of(len(k.items), int(builder.theme.get("pdf.keyfigures_per_row", 4)))[1]
    builder.maker.problems.extend(too_wide(builder.fonts, builder.language, builder.theme, k, per_row,
                                           builder.width / per_row))
    rows, row = [], []
    for item in k.items:
        figure = builder.text(item.figure, Look(size, bold=True, heading=True),
                              builder.style(size, align="center", after=2.0), where)
        label = builder.text(item.label, Look(small), builder.style(small, align="center", after=6.0), where)
        row.append([figure, label])
        if len(row) == per_row:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [[] for _ in range(per_row - len(row))])
    width = builder.width / per_row
    inner = ("INNERGRID", (0, 0), (-1, -1), builder.pt("box.border_width", 0.75), color(builder, "box.border", "4F6F9F"))
    return [panel(builder, rows, [width] * per_row, [inner])]
