"""Tables, boxes and key figures: ruled data tables, shaded single-cell boxes, a panel of figures."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table as WordTable, _Cell
from docx.text.paragraph import Paragraph

from ...errors import InputError
from ...model import Box, KeyFigures, Table
from ...parse.inlines import plain
from ...oxml import (cant_split, cell_margins, centred, clark, fixed_table, place, place_block, props,
                     repeat_header, set_borders, set_shading, twips)
from . import blocks
from .captions import write_caption
from .inlines import PLAIN, Format, add_inlines, add_run
from .keeping import keep_with_next, kept_with_next
from .state import Where, WriterState
from ..columns import share, table_widths
from ..keyfigures import rows_of, too_wide
from ..pdf.faces import FontSet
from ..pdf.measure import Measure
from .layout import text_height
from .widths import Remembered, row_height
from .styles import add_styled, style_id, styled

ALIGN = ("left", "right", "center")          # a column's alignments that Word's w:jc says as they are
ROW_FORMAT = {"body": Format(), "member": Format(), "group": Format(bold=True), "total": Format(bold=True)}
TR, TC, P = clark("w:tr"), clark("w:tc"), clark("w:p")


def fonts(state: WriterState) -> FontSet:
    """The faces the theme names, as the PDF writer resolves them: tables are measured with them."""
    if state.fonts is None:
        state.fonts = FontSet(state.theme, state.lang)
    return state.fonts


def measure(state: WriterState) -> Remembered:
    """The measure of table texts both writers share (`pdf.measure.Measure`) in this document's language, each
    text measured once in the document."""
    if state.measure is None:
        state.measure = Remembered(Measure.of(state.theme, state.language, fonts(state)))
    return state.measure


def _grid(state: WriterState, where: Where, rows: int, widths: list[float], points: bool = False):
    """A table of `rows` rows whose columns share the text width in the ratio of `widths`, or (`points`) are
    `widths` points wide; centred when narrower than the text."""
    if state.page_break or state.after_table:   # a table right after a table would merge with it
        state.paragraph(where, "Table Note")
    cols = [twips(w) for w in widths] if points else \
        [round(w) for w in share(state.text_width, widths, [0] * len(widths))]
    tbl = place_block(where.container._element, fixed_table(rows, cols))
    if sum(cols) < state.text_width - len(cols):
        centred(tbl)
    return WordTable(tbl, where.container), [w / 20 for w in cols]


def _keep_whole(tr, texts: list[str], widths: list[float], measured: Remembered, padding: float, half: float):
    """Keep the row `tr` on one page (`w:cantSplit`) only when it surely fits `half` a page (points): a longer row
    is split across pages by Word, as the PDF writer splits it."""
    if row_height(texts, widths, measured, padding) <= half:
        cant_split(tr)


def _body_row(blank, block: Table, kind: str, whole: bool, joined: bool, rule: float, indent) -> object:
    """The shell of a body row of `kind` (a copy of the empty row `blank`): each cell's paragraph in the Table Text
    style aligned as its column, the first indented in a member row, ruled above in a total row; kept on one page
    when `whole`, with the next row when `joined`. A table's rows are copies of a few shells, kept for the
    document's tables of the same column widths and alignments (`WriterState.rows`), only the texts added one by
    one (each element made costs a call and a Python proxy; a copy is one call)."""
    tr = blank.__copy__()
    if whole:
        cant_split(tr)
    for index, (tc, column) in enumerate(zip(tr.iterchildren(TC), block.columns)):
        p = Paragraph(next(tc.iterchildren(P)), None)   # its parent unused: no style or part looked up
        styled(p, "Table Text")
        _align(p, column.align)
        if index == 0 and kind == "member":
            p.paragraph_format.left_indent = indent
        if kind == "total":
            _rule(tc, "top", rule)
    if joined:
        keep_with_next(tr)
    return tr


def _cell_paragraph(cell, style: str):
    """The cell's one paragraph, styled."""
    return styled(Paragraph(next(cell._tc.iterchildren(P)), cell), style)


def _rule(tc, edge: str, width: float):
    set_borders(props(tc, "w:tcPr"), "w:tcBorders", {edge: (width, "000000", 0)})


def _align(p, align: str) -> None:
    """Align `p` (a styled paragraph) `left`, `right` or `center` (`w:jc`, as python-docx's setter puts it);
    any other alignment leaves it as its style says."""
    if align in ALIGN:
        place(props(p._p, "w:pPr"), "w:jc", val=align)


def _heading_cell(cell, text: str, align: str, rule: float, fill):
    """A header cell: its heading in the Table Heading style, ruled beneath, shaded."""
    _heading_look(cell._tc, align, rule, fill)
    add_run(None, text, PLAIN, next(cell._tc.iterchildren(P)))


def _heading_look(tc, align: str, rule: float, fill) -> None:
    """The header cell `tc` without its text: its paragraph in the Table Heading style, aligned, ruled beneath,
    shaded."""
    _align(styled(Paragraph(next(tc.iterchildren(P)), None), "Table Heading"), align)
    _rule(tc, "bottom", rule)
    if fill:
        set_shading(props(tc, "w:tcPr"), fill)


def _heading_row(blank, block: Table, whole: bool, joined: bool, rule: float, fill):
    """The shell of a table's one header row, repeated on each page (a copy of the empty row `blank`): its cells
    as `_heading_look` makes them, kept whole and with the next row as `_body_row`'s."""
    tr = blank.__copy__()
    repeat_header(tr)
    if whole:
        cant_split(tr)
    for tc, column in zip(tr.iterchildren(TC), block.columns):
        _heading_look(tc, column.align, rule, fill)
    if joined:
        keep_with_next(tr)
    return tr


def _spanned_header(table, block: Table, rule: float, fill) -> None:
    """Fill a table's two header rows (repeated on each page): its spanning headings, each merged across its
    columns (`w:gridSpan`), over the column headings, each column under none merged down over both rows
    (`w:vMerge`)."""
    trs = list(table._tbl.iterchildren(TR))[:2]
    for tr in trs:
        repeat_header(tr)
    grouped = set()
    top, bottom = table.rows[0], table.rows[1]
    for span in block.spans:
        merged = top.cells[span.first].merge(top.cells[span.last])
        _heading_cell(merged, span.heading, "center", rule, fill)
        grouped.update(range(span.first, span.last + 1))
    top_cells, bottom_cells = top.cells, bottom.cells  # a column's merge leaves the others' cells as they are
    for index, column in enumerate(block.columns):
        cell = bottom_cells[index]
        if index not in grouped:
            cell = top_cells[index].merge(cell)
        _heading_cell(cell, column.heading, column.align, rule, fill)


def write_table(state: WriterState, where: Where, block: Table):
    """Caption above; header rows repeated on each page; rows kept whole unless long; figures aligned; notes
    below; narrower than the text when its `width` says so, then centred. The columns' widths are the PDF's
    (`writers.columns.table_widths`)."""
    theme = state.theme
    write_caption(state, where, block.caption, block.prefix, block.anchor)
    if block.unit:
        p = state.paragraph(where, "Table Note")
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = 0  # it stands above the table, as in the PDF (no note's space before)
        if block.width < 1:  # a narrower table is centred: its unit line ends at the table's right edge
            p.paragraph_format.right_indent = Pt(state.text_width / 20 * (1 - block.width) / 2)
        add_run(p, block.unit)
    pad = theme.pt("table.cell_padding")
    measured = measure(state)
    widths = table_widths(block, theme, measured, state.text_width / 20)
    head = 2 if block.spans else 1
    table, widths = _grid(state, where, 3 if block.spans else 1, widths, points=True)
    tbl = table._tbl
    blank = tbl[-1]   # an empty row: the shells of the rows are made from it
    tbl.remove(blank)
    place(props(tbl, "w:tblPr"), "w:tblStyle", val=style_id("Ruled Table"))  # python-docx's `style` setter,
    # without its search by name
    rule, fill = theme.pt("table.rule_width"), theme.get("table.header_fill")
    headings = [c.heading for c in block.columns]
    texts = [headings] * head + [list(r.cells) for r in block.rows]
    joined = kept_with_next(tbl, head, texts, ["heading"] * head + [r.kind for r in block.rows], widths, measured,
                            theme, state.lang)
    half = text_height(theme) / 2
    shells, shape = state.rows, (tuple(widths), tuple(c.align for c in block.columns))
    if block.spans:
        _spanned_header(table, block, rule, fill)
        for index, tr in enumerate(tbl.iterchildren(TR)):
            _keep_whole(tr, headings, widths, measured, pad, half)
            if index in joined:
                keep_with_next(tr)
    else:
        key = "header", shape, row_height(headings, widths, measured, pad) <= half, 0 in joined
        if key not in shells:
            shells[key] = _heading_row(blank, block, *key[2:], rule, fill)
        tr = shells[key].__copy__()
        tbl.append(tr)
        for tc, text in zip(tr.iterchildren(TC), headings):
            add_run(None, text, PLAIN, next(tc.iterchildren(P)))
    indent = Pt(theme.pt("table.member_indent"))
    for index, (model_row, cells) in enumerate(zip(block.rows, texts[head:]), head):
        key = "body", shape, model_row.kind, row_height(cells, widths, measured, pad) <= half, index in joined
        if key not in shells:
            shells[key] = _body_row(blank, block, *key[2:], rule, indent)
        tr = shells[key].__copy__()   # lxml's copy is deep: the row, its cells and their paragraphs
        tbl.append(tr)
        fmt = ROW_FORMAT.get(model_row.kind, PLAIN)
        for tc, text in zip(tr.iterchildren(TC), cells):
            add_run(None, text, fmt, next(tc.iterchildren(P)))
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
    for cell in _cells(table):
        set_shading(props(cell._tc, "w:tcPr"), fill)


def _cells(table) -> list:
    """The cells of a table without merged cells (a grid of `_grid`), row by row: its rows' `w:tc` (python-docx's
    `cell` and `cells` work out every cell of the table, merges and all, at each call)."""
    return [_Cell(tc, table) for tr in table._tbl.iterchildren(TR) for tc in tr.iterchildren(TC)]


def write_box(state: WriterState, where: Where, block: Box):
    """A shaded, bordered single-cell table (it may run onto the next page): the title, then the blocks."""
    table, _ = _grid(state, where, 1, [1.0])
    _framed(state, table, state.theme.get("box.fill"), state.theme.get("box.border"))
    cell = _cells(table)[0]
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
    rows, per_row = rows_of(len(block.items), int(state.theme.get("docx.keyfigures_per_row", 4)))
    table, widths = _grid(state, where, rows, [1.0] * per_row)
    problems = too_wide(fonts(state), state.language, state.theme, block, per_row, widths[0])
    if problems:
        raise InputError(problems)
    _framed(state, table, state.theme.get("box.fill"), state.theme.get("box.border"))
    measured, pad, half = measure(state), state.theme.pt("box.padding"), text_height(state.theme) / 2
    for index, tr in enumerate(table._tbl.iterchildren(TR)):
        items = block.items[index * per_row:(index + 1) * per_row]
        texts = [plain(item.figure) + "\n" + plain(item.label) for item in items]
        _keep_whole(tr, texts, widths, measured, pad, half)
    for cell, item in zip(_cells(table), block.items):
        add_inlines(state, _cell_paragraph(cell, "Key Figure"), item.figure)
        add_inlines(state, add_styled(cell, "Key Figure Label"), item.label)
    state.after_table = True
    return table
