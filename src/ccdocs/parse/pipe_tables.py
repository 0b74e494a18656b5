"""GitHub pipe tables (`| Grade | Staff |`) as the model's plain Table, and their rows as lines of source text.

A pipe table is read by markdown-it's own table rule (GFM); this module maps its tree onto `model.Table`, so that
both writers draw it as they draw a data table, and splits or rebuilds a row's line for translation. A figure
`{{ staff | number }}` may stand in a cell: its filter's `|` is shielded while the unrendered source is parsed.
"""

from __future__ import annotations

import re

from ..model import Code, Column, Row, Source, Strong, Table, Text
from ..sources import spans
from .inlines import plain

FIGURE = re.compile(spans.FIGURE, re.S)
STAND_IN = "\ufdd0"   # a non-character: refused in every source, so never typed
ROW_PREFIX = re.compile(r"^[ \t>]*")
ALIGN = re.compile(r"text-align:(left|right|center)")
NUMBER = re.compile(r"[(+\-\u2212]?\s*(?:CHF\s*)?\d[\d,.\u00a0\u202f' ]*(?:%|\s*[%‰])?\)?")
NO_FIGURE = {"", "-", "\u2013", "\u2014", "…", "..."}   # and the words of `no_figure` (the catalogs' `n/a`)
WIDTH_FLOOR, WIDTH_CAP = 4, 40   # a column's weight: its longest cell in character cells, within these bounds
WIDE = 0x2E80                    # from here on (CJK), a character takes two cells


def shield(text: str) -> str:
    """`text` with the `|` of each figure `{{ … | filter }}` replaced by a stand-in of the same length, so that
    Markdown never reads a figure's filter as a cell separator (undo with `unshield`)."""
    return FIGURE.sub(lambda m: m.group().replace("|", STAND_IN), text)


def unshield(text: str) -> str:
    """The text `shield` changed, as written."""
    return text.replace(STAND_IN, "|")


def row_cells(line: str) -> tuple[str, list[str]]:
    """(the line's container prefix, its cells) of one pipe-table row as markdown-it's table rule splits it:
    at each `|` a backslash does not escape, the outer pipes dropped, each cell trimmed and unescaped (`\\|`)."""
    from markdown_it.rules_block.table import escapedSplit  # here: a model whose blocks are kept imports no parser

    prefix = ROW_PREFIX.match(line).group()
    cells = escapedSplit(shield(line[len(prefix):].strip()))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return prefix, [unshield(cell.strip()) for cell in cells]


def escape_cell(text: str) -> str:
    """A cell's text as typed in a row: every `|` outside a figure escaped (`\\|`), on one line."""
    return unshield(shield(" ".join(text.split())).replace("|", "\\|"))


def row_line(prefix: str, cells: list[str]) -> str:
    """One row's line from its prefix and its cells' texts (escaped here)."""
    return prefix + "| " + " | ".join(escape_cell(cell) for cell in cells) + " |"


def _is_number(text: str) -> bool:
    return bool(NUMBER.fullmatch(text.strip()))


def _alignments(node, rows: list[list[str]], no_figure: frozenset = frozenset()) -> list[str]:
    """Each column's alignment: from the `:---:` row; else the first column left (a table's labels) and any
    other right when every cell in it holding something is a figure (`1,735`, `60.1%`, `(811)`, `-`), a cell
    saying there is none (`no_figure`, compared without case: `n/a`, `s.o.`, `不适用`) holding nothing."""
    empty = NO_FIGURE | {word.casefold() for word in no_figure}
    found = []
    for index, cell in enumerate(node.children[0].children[0].children):
        written = ALIGN.search(str(cell.attrs.get("style", "")))
        texts = [row[index].strip() for row in rows if row[index].strip().casefold() not in empty]
        figures = index > 0 and texts and all(_is_number(text) for text in texts)
        found.append(written.group(1) if written else "right" if figures else "left")
    return found


def _cells(text: str) -> int:
    return sum(2 if ord(c) >= WIDE else 1 for c in text)


def _weights(heads: list[str], rows: list[list[str]]) -> list[float]:
    """Relative column widths: each column's longest text, in character cells, within WIDTH_FLOOR..WIDTH_CAP."""
    return [float(min(WIDTH_CAP, max([WIDTH_FLOOR, _cells(head)] + [_cells(row[i]) for row in rows])))
            for i, head in enumerate(heads)]


REFUSED = {
    "Strong": ("part of a cell in bold would print plain: a pipe table prints its cells as plain text",
               "make a whole row bold for a total row (`| **Total** | **1,735** |`), or take the `**` away"),
    "Emph": ("italics in a cell would print plain: a pipe table prints its cells as plain text", "take the `*` away"),
    "Link": ("a link in a cell would print as its text alone",
             "write the address in the table's caption or a note under it (`::: table` … `:::`)"),
    "Note": ("a footnote mark cannot stand in a cell of a pipe table",
             "put the note's text in a note under the table: `::: table`, caption, the table, notes, `:::`"),
    "LineBreak": ("a line break in a cell would not be printed", "write the cell on one line"),
    "Ref": ("a cross-reference cannot stand in a cell of a pipe table: a cell prints plain text, and its label "
            "would not follow the numbering", "refer to the block in the paragraph before or after the table"),
}
OTHER = ("this cannot stand in a cell of a pipe table: a cell prints plain text (a code span as its text)",
         "write the cell as plain text")


def cell_text(inlines: tuple, refuse) -> tuple[str, bool]:
    """(printed text, wholly bold) of one cell's inlines; what a cell cannot print goes to `refuse(message, hint)`.

    A cell prints plain text (a code span as its text): a bold cell is kept only as part of a bold row (a total);
    part of a cell in bold, italics, links, footnote marks and line breaks are refused rather than lost.
    """
    if len(inlines) == 1 and isinstance(inlines[0], Strong):
        return cell_text(inlines[0].children, refuse)[0], True
    wrong = next((item for item in inlines if not isinstance(item, Text | Code)), None)
    if wrong is not None:
        refuse(*REFUSED.get(type(wrong).__name__, OTHER))
    return plain(inlines), False


def build_table(node, convert_cell, ctx, caption: tuple = (), notes: tuple = (), caption_typed=None,
                notes_typed: tuple = ()) -> Table:
    """The Table of a markdown-it `table` node: the header row as the columns' headings, every other row a body
    row (a row wholly in bold a total row, bold and ruled), alignments and widths as `_alignments` and
    `_weights` say. `convert_cell(inline_node) -> inlines`; `ctx` records problems (`fail`) and sources, and
    holds `no_figure`, the words of a cell without a figure (the toolkit catalogs' `n/a`). The caption and
    `notes` were typed at `caption_typed` and `notes_typed` (Sources).

    A row with more cells than the header is refused: markdown-it would drop the cells beyond.
    """
    source = ctx.source(node)
    name = f"at {source.file}:{source.line}"
    groups = [child for child in node.children if child.type in ("thead", "tbody")]
    head, body = groups[0].children[0], [row for group in groups[1:] for row in group.children]
    texts, kinds, lines = [], [], []
    for row in [head, *body]:
        ctx.at(row)
        line = row.map[0] if row.map else None
        if line is not None and line < len(ctx.lines):
            count = len(row_cells(ctx.lines[line])[1])
            if count > len(head.children):
                ctx.fail(f"this row has {count} cells, the table's header {len(head.children)}: the cells beyond "
                         "would not be printed", "give the header a cell for each column, or join the extra cells")
        cells = [cell_text(convert_cell(cell.children[0]) if cell.children else (), ctx.fail) for cell in row.children]
        texts.append([text for text, _ in cells])
        filled = [bold for (text, bold) in cells if text.strip()]
        kinds.append("total" if row is not head and filled and all(filled) else "body")
        lines.append(Source(source.file, ctx.line))
    aligns = _alignments(node, texts[1:], ctx.no_figure)
    weights = _weights(texts[0], texts[1:])
    columns = tuple(Column(text, align, weight, at) for text, align, weight, at in
                    zip(texts[0], aligns, weights, [lines[0]] * len(aligns)))
    rows = tuple(Row(tuple(cells), kind, at) for cells, kind, at in zip(texts[1:], kinds[1:], lines[1:]))
    return Table(name, caption, columns, rows, notes, (), "", source, notes_typed=notes_typed,
                 caption_typed=caption_typed)
