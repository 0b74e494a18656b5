"""What a key-figures panel's cell holds, checked alike by both writers: a figure is read at a glance, whole.

A key figure is set large and bold (`keyfigures.figure_size`, the heading faces) over what it counts, in a cell of
the panel's width shared by the figures of a row, padded by `box.padding`. A figure may break between words (`CHF
12.3 million` over two lines), never inside a number or word: the PDF engine and Word would cut a 40-digit figure
into three lines of digits, which read as three numbers. So a figure whose widest unit does not fit its cell's line
is refused at the panel's line, with the width it needs and the width it has, in check and in each format's build.
"""

from __future__ import annotations

from ..errors import problem
from ..parse.inlines import plain
from ..sources.themefile import cm


def rows_of(count: int, most: int) -> tuple[int, int]:
    """(rows, figures a row) of a panel of `count` figures, at most `most` a row (the theme's
    `docx.keyfigures_per_row` or `pdf.keyfigures_per_row`) but for one more: `most` + 1 still fit on one row;
    more go into rows as even as can be."""
    rows = 1 if count <= most + 1 else -(-count // most)
    return rows, max(1, -(-count // rows))


def too_wide(fonts, language, theme, block, per_row: int, cell: float) -> list:
    """The problems (`errors.problem`) at the panel `block`'s line (a `model.KeyFigures`) of each figure whose widest unbreakable unit,
    set at `keyfigures.figure_size` in the bold heading faces as the PDF engine sets it (`pdf.measure.Measure`),
    is wider than `cell` (points: a figure's cell, `per_row` a row) less twice `box.padding`. `fonts`: the faces
    by role (`pdf.faces.FontSet`); `language`: the document's profile."""
    from .pdf.measure import Measure  # the PDF engine's metrics, imported by the writer that asks

    size = float(theme.get("keyfigures.figure_size", 16))
    room = cell - 2 * theme.pt("box.padding")
    measure = Measure(fonts, language, size, float(theme.get("pdf.cjk_autospace", 0)))
    problems = []
    for number, item in enumerate(block.items, 1):
        figure = plain(item.figure)
        needed = measure.widest(figure, bold=True, heading=True)
        if needed > room:
            shown = figure if len(figure) <= 24 else f"{figure[:11]}…{figure[-11:]}"
            problems.append(problem(
                block.source.file if block.source else "document", block.source.line if block.source else None,
                f"key figure {number} `{shown}` needs {cm(needed)} on one line at the panel's {size:g} pt, more "
                f"than its cell's {cm(room)} ({per_row} figures a row): it would be broken over lines, read as "
                "several numbers",
                "write it shorter (in thousands or millions, with the unit in its label), or give it in a table"))
    return problems
