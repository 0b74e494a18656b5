"""Tables, boxes and key figures: ruled data tables, shaded single-cell boxes, a panel of figures."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Twips

from ...model import Box, KeyFigures, Table
from ...parse.inlines import plain
from ...oxml import (cant_split, cell_margins, cell_width, fixed_layout, props, repeat_header, set_borders,
                     set_shading, twips)
from . import blocks
from .inlines import Format, add_inlines, add_run
from .state import Where, WriterState
from ..columns import check_room, share
from .layout import text_height
from .widths import needs, row_height
from .styles import add_styled, styled

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
ROW_FORMAT = {"body": Format(), "member": Format(), "group": Format(bold=True), "total": Format(bold=True)}
KEYFIGURES_PER_ROW = 4        # five still fit on one row; more go into balanced rows


def _grid(state: WriterState, where: Where, rows: int, widths: list[float], minimum: list[float] | None = None):
    """A table of `rows` rows whose columns share the text width in the ratio of `widths` (each ≥ `minimum`)."""
    if state.page_break or state.after_table:   # a table right after a table would merge with it
        state.paragraph(where, "Table Note")
    total = state.text_width
    cols = [round(w) for w in share(total, widths, [twips(m) for m in minimum or [0] * len(widths)])]
    table = where.container.add_table(rows, len(cols), Twips(total))
    fixed_layout(table._tbl, total)
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, cols):
        col.w = Twips(width)
    for row in table.rows:
        for cell, width in zip(row.cells, cols):
            cell_width(cell._tc, width)
    return table, [w / 20 for w in cols]


def _keep_whole(state: WriterState, row, texts: list[str], widths: list[float], size: float, padding: float):
    """Keep `row` on one page (`w:cantSplit`) only when it surely fits half a page: a longer row is split
    across pages by Word, as the PDF writer splits it."""
    if row_height(texts, widths, size, padding) <= text_height(state.theme) / 2:
        cant_split(row._tr)


def _cell_paragraph(cell, style: str):
    """The cell's one paragraph, styled."""
    p = cell.paragraphs[0]
    styled(p, style)
    return p


def _rule(cell, edge: str, width: float):
    set_borders(props(cell._tc, "w:tcPr"), "w:tcBorders", {edge: (width, "000000", 0)})


def write_table(state: WriterState, where: Where, block: Table):
    """Caption above; a header row repeated on each page; rows kept whole unless long; figures aligned; notes below."""
    theme = state.theme
    if block.caption:
        add_inlines(state, state.paragraph(where, "Table Caption"), block.caption)
    if block.unit:
        p = state.paragraph(where, "Table Note")
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.keep_with_next = True
        add_run(p, block.unit)
    size = theme.size(state.lang, "table")
    check_room(block, state.text_width / 20, 2 * theme.pt("table.cell_padding") + size)
    minimum = needs(block, size, theme.pt("table.cell_padding"))
    pad = theme.pt("table.cell_padding")
    table, widths = _grid(state, where, 1 + len(block.rows), [c.width for c in block.columns], minimum)
    table.style = "Ruled Table"
    rule, fill = theme.pt("table.rule_width"), theme.get("table.header_fill")
    header = table.rows[0]
    repeat_header(header._tr)
    _keep_whole(state, header, [c.heading for c in block.columns], widths, size, pad)
    for cell, column in zip(header.cells, block.columns):
        p = _cell_paragraph(cell, "Table Heading")
        p.alignment = ALIGN.get(column.align)
        add_run(p, column.heading)
        _rule(cell, "bottom", rule)
        if fill:
            set_shading(props(cell._tc, "w:tcPr"), fill)
    indent = Pt(theme.pt("table.member_indent"))
    for row, model_row in zip(table.rows[1:], block.rows):
        _keep_whole(state, row, list(model_row.cells), widths, size, pad)
        for index, (cell, column, text) in enumerate(zip(row.cells, block.columns, model_row.cells)):
            p = _cell_paragraph(cell, "Table Text")
            p.alignment = ALIGN.get(column.align)
            if index == 0 and model_row.kind == "member":
                p.paragraph_format.left_indent = indent
            add_run(p, text, ROW_FORMAT.get(model_row.kind, Format()))
            if model_row.kind == "total":
                _rule(cell, "top", rule)
    for note in block.notes:
        add_inlines(state, state.paragraph(where, "Table Note"), note)
    if block.source_line:
        add_inlines(state, state.paragraph(where, "Table Source"), block.source_line)
    state.after_table = True
    return table


def _framed(state: WriterState, table, fill: str, border: str):
    """Shade every cell and draw the box border round and between the cells, cells padded."""
    theme = state.theme
    width, pad = theme.pt("box.border_width"), twips(theme.pt("box.padding"))
    tbl_pr = props(table._tbl, "w:tblPr")
    edges = {edge: (width, border, 0) for edge in ("top", "left", "bottom", "right", "insideH", "insideV")}
    set_borders(tbl_pr, "w:tblBorders", edges)
    cell_margins(tbl_pr, pad, pad, pad, pad)
    for cell in (c for row in table.rows for c in row.cells):
        set_shading(props(cell._tc, "w:tcPr"), fill)


def write_box(state: WriterState, where: Where, block: Box):
    """A shaded, bordered single-cell table (it may run onto the next page): the title, then the blocks."""
    table, _ = _grid(state, where, 1, [1.0])
    _framed(state, table, state.theme.get("box.fill"), state.theme.get("box.border"))
    cell = table.cell(0, 0)
    cell._tc.remove(cell._tc.p_lst[0])
    inner = Where(cell, "Box Text", 0)
    if block.title:
        add_inlines(state, add_styled(cell, "Box Title"), block.title)
    blocks.write_blocks(state, inner, block.blocks)
    last = cell.paragraphs[-1] if cell._tc.p_lst else add_styled(cell, "Box Text")
    last.paragraph_format.space_after = Pt(0)
    state.after_table = True
    return table


def write_keyfigures(state: WriterState, where: Where, block: KeyFigures):
    """A panel of key figures, each large and bold over what it counts; rows kept whole unless long."""
    count = len(block.items)
    rows = 1 if count <= KEYFIGURES_PER_ROW + 1 else -(-count // KEYFIGURES_PER_ROW)
    per_row = -(-count // rows)
    table, widths = _grid(state, where, rows, [1.0] * per_row)
    _framed(state, table, state.theme.get("box.fill"), state.theme.get("box.border"))
    size, pad = state.theme.size(state.lang, "table"), state.theme.pt("box.padding")
    for index, row in enumerate(table.rows):
        items = block.items[index * per_row:(index + 1) * per_row]
        texts = [plain(item.figure) + "\n" + plain(item.label) for item in items]
        _keep_whole(state, row, texts, widths, size, pad)
    for index, item in enumerate(block.items):
        cell = table.cell(index // per_row, index % per_row)
        add_inlines(state, _cell_paragraph(cell, "Key Figure"), item.figure)
        add_inlines(state, add_styled(cell, "Key Figure Label"), item.label)
    state.after_table = True
    return table
