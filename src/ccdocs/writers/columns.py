"""Column widths shared by both writers, so that a table is split the same way in DOCX and PDF.

Both writers call `table_widths` with the same table, theme, text width and measure (`pdf.measure.Measure`: the
faces the theme names, reportlab's metrics, the PDF engine's break opportunities), so both get the same widths.
"""

from __future__ import annotations

from ..errors import InputError, problem

SLACK = 1.0  # points added to each minimum: Word rounds widths to twips and measures with its own hinting


def table_size(theme, lang: str) -> float:
    """The type size of a table's texts in points: `table.font_size`, else the language's `sizes.*.table`."""
    return float(theme.get("table.font_size", theme.size(lang, "table")))


def minimums(table, measure, padding: float, indent: float) -> list[float]:
    """The narrowest width in points of each column: its widest unit among heading and cells, padded; each
    spanning heading's widest unit fits the columns it spans (their minimums raised in proportion)."""
    out = []
    for index, column in enumerate(table.columns):
        widest = measure.widest(column.heading, bold=True, heading=True)
        for row in table.rows:
            left = indent if index == 0 and row.kind == "member" else 0.0
            widest = max(widest, left + measure.widest(row.cells[index], bold=row.kind in ("group", "total")))
        out.append(widest + 2 * padding + SLACK)
    for span in table.spans:
        need = measure.widest(span.heading, bold=True, heading=True) + 2 * padding + SLACK
        spanned = range(span.first, span.last + 1)
        have = sum(out[i] for i in spanned)
        if have < need:
            for i in spanned:
                out[i] *= need / have
    return out


def table_widths(table, theme, measure, text_width: float) -> list[float]:
    """The widths in points of `table`'s columns, as both writers print them: the table's share of
    `text_width` split in the ratio of the columns' widths, no column below its minimum (`minimums`).

    `measure` sets the table's texts (`pdf.measure.Measure`, at `table_size`). Raises InputError when the
    columns cannot fit."""
    padding = theme.pt("table.cell_padding")
    total = text_width * table.width
    check_room(table, total, 2 * padding + measure.size)
    least = minimums(table, measure, padding, theme.pt("table.member_indent"))
    return share(total, [c.width or 1.0 for c in table.columns], least)


def share(total: float, weights: list[float], minimum: list[float]) -> list[float]:
    """`total` split in the ratio of `weights`, no column below its `minimum` while the others can give.

    Minimums that together exceed `total` (a word wider than the page) are cut down, the widest first, to one
    common width: such a word is then broken between characters, as Word does.

    >>> share(100, [1, 1], [10, 70])
    [30.0, 70]
    >>> share(100, [1, 1, 1], [10, 200, 300])
    [10.0, 45.0, 45.0]
    """
    if sum(minimum) > total:
        minimum = capped(total, minimum)
    top = max(weights, default=1.0)
    weights = [w / top for w in weights]
    fixed: dict = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        rest = total - sum(fixed.values())
        parts = sum(weights[j] for j in free)
        widths = [fixed[i] if i in fixed else rest * weights[i] / parts if parts else rest / len(free)
                  for i in range(len(weights))]
        short = [i for i in free if widths[i] < minimum[i]]
        if not short:
            return widths
        fixed.update({i: minimum[i] for i in short})


def capped(total: float, minimum: list[float]) -> list[float]:
    """`minimum` with its largest values lowered to one cap so that they sum to `total`.

    >>> capped(100, [10, 200, 300])
    [10, 45.0, 45.0]
    """
    rest, left = total, len(minimum)
    cap = total
    for m in sorted(minimum):
        if m * left >= rest:
            cap = rest / left
            break
        rest, left = rest - m, left - 1
    return [min(m, cap) for m in minimum]


def check_room(table, total: float, floor: float) -> None:
    """Raise InputError at `table`'s source when its columns cannot each be `floor` wide within `total`."""
    most = max(1, int(total // floor))
    if len(table.columns) > most:
        source = table.source
        raise InputError([problem(source.file if source else "document", source.line if source else None,
                                  f"table {table.name} has {len(table.columns)} columns; at most {most} fit the "
                                  "width of the page", "leave some columns out, or split the table in two")])
