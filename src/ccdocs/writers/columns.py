"""Column widths shared by both writers, so that a table is split the same way in DOCX and PDF.

Both writers call `table_widths` with the same table, theme, text width and measure (`pdf.measure.Measure`: the
faces the theme names, reportlab's metrics, the PDF engine's break opportunities), so both get the same widths.
"""

from __future__ import annotations

import re

from ..errors import InputError, problem

SLACK = 1.0  # points added to each minimum: Word rounds widths to twips and measures with its own hinting
FIGURE = re.compile(r"[(+\-\u2212\u2013]?\d[\d,.'\u00a0\u2009\u202f]*%?\)?")  # a printed figure: never broken


def table_size(theme, lang: str) -> float:
    """The type size of a table's texts in points: `table.font_size`, else the language's `sizes.*.table`."""
    return float(theme.get("table.font_size", theme.size(lang, "table")))


def minimums(table, measure, padding: float, indent: float) -> tuple[list[float], list[float]]:
    """The narrowest width in points of each column: its widest unit among heading and cells, padded; each
    spanning heading's widest unit fits the columns it spans (their minimums raised in proportion). And the
    width of each column's widest figure, padded (0 without figures): a figure is never broken."""
    out, figures = [], []
    for index, column in enumerate(table.columns):
        widest, figure = measure.widest(column.heading, bold=True, heading=True), 0.0
        for row in table.rows:
            left = indent if index == 0 and row.kind == "member" else 0.0
            text = row.cells[index]
            width = left + measure.widest(text, bold=row.kind in ("group", "total"))
            widest = max(widest, width)
            if FIGURE.fullmatch(text.strip()):
                figure = max(figure, width)
        out.append(widest + 2 * padding + SLACK)
        figures.append(figure + 2 * padding + SLACK if figure else 0.0)
    for span in table.spans:
        need = measure.widest(span.heading, bold=True, heading=True) + 2 * padding + SLACK
        spanned = range(span.first, span.last + 1)
        have = sum(out[i] for i in spanned)
        if have < need:
            for i in spanned:
                out[i] *= need / have
    return out, figures


def table_widths(table, theme, measure, text_width: float) -> list[float]:
    """The widths in points of `table`'s columns, as both writers print them: the table's share of
    `text_width` split in the ratio of the columns' widths, no column below its minimum (`minimums`).

    `measure` sets the table's texts (`pdf.measure.Measure`, at `table_size`). Raises InputError at the table's
    place when the columns cannot fit: too many for the width, or their figures wider than it together."""
    padding = theme.pt("table.cell_padding")
    total = text_width * table.width
    floor = 2 * padding + measure.size
    check_room(table, total, floor, len(table.columns) * floor <= text_width)
    indent = theme.pt("table.member_indent")
    least, figures = minimums(table, measure, padding, indent)
    if sum(figures) > total:
        refuse(table, f"table {table.name}: its figures need {sum(figures):.0f} pt side by side, the table is "
               f"{total:.0f} pt wide, and a figure is never broken across lines",
               room_hint(table, theme, sum(figures), text_width), sum(figures) <= text_width)
    if sum(least) > total:  # a word wider than the table is broken: the columns share the width by their texts
        least = capped(total, demands(table, measure, padding, indent, least), figures)
    return share(total, [c.width or 1.0 for c in table.columns], least, figures)


def demands(table, measure, padding: float, indent: float, least: list[float]) -> list[float]:
    """The width in points each column asks for: its longest text (heading or cell) set on one line, padded, and
    never less than its minimum (`least`). When the minimums overflow the table (a word wider than it), the
    columns are cut down from these, not from their minimums: a column of long breakable text (400 full-width
    digits) next to one long word gets its share of the width, not the width of one character, and a short
    column (`P4`) keeps its one line; each long word is then broken at its column's edge, as Word breaks it in
    a fixed-width table."""
    out = []
    for index, column in enumerate(table.columns):
        longest = max((measure.line(line) for line in column.heading.split("\n")), default=0.0)
        for row in table.rows:
            left = indent if index == 0 and row.kind == "member" else 0.0
            longest = max(longest, left + max(measure.line(line) for line in row.cells[index].split("\n")))
        out.append(max(least[index], longest + 2 * padding + SLACK))
    return out


def share(total: float, weights: list[float], minimum: list[float], floor: list[float] | None = None) -> list[float]:
    """`total` split in the ratio of `weights`, no column below its `minimum` while the others can give.

    Minimums that together exceed `total` (a word wider than the page) are cut down, the widest first, to one
    common width but never below their `floor` (a column's widest figure): such a word is then broken between
    characters, as Word does, a figure never.

    >>> share(100, [1, 1], [10, 70])
    [30.0, 70]
    >>> share(100, [1, 1, 1], [10, 200, 300])
    [10.0, 45.0, 45.0]
    """
    if sum(minimum) > total:
        minimum = capped(total, minimum, floor)
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


def capped(total: float, minimum: list[float], floor: list[float] | None = None) -> list[float]:
    """`minimum` with its largest values lowered to one cap so that they sum to `total`, none below its
    `floor` (which together fit `total`).

    >>> capped(100, [10, 200, 300])
    [10, 45.0, 45.0]
    >>> capped(100, [10, 200, 300], [0, 60, 0])
    [10, 60, 30.0]
    """
    floor = floor or [0.0] * len(minimum)
    held: dict = {}  # the columns held at their floor, above the common cap
    while True:
        free = [i for i in range(len(minimum)) if i not in held]
        rest, left, cap = total - sum(held.values()), len(free), total
        for m in sorted(minimum[i] for i in free):
            if m * left >= rest:
                cap = rest / left
                break
            rest, left = rest - m, left - 1
        over = [i for i in free if floor[i] > min(minimum[i], cap)]
        if not over:
            return [held[i] if i in held else min(minimum[i], cap) for i in range(len(minimum))]
        held.update({i: floor[i] for i in over})


def check_room(table, total: float, floor: float, narrowed: bool = False) -> None:
    """Raise InputError when `table`'s columns cannot each be `floor` wide within `total`; at its `width:` line
    when `narrowed` (they would fit the whole text width), else at its place."""
    most = max(1, int(total // floor))
    if len(table.columns) > most:
        refuse(table, f"table {table.name} has {len(table.columns)} columns; at most {most} fit "
               f"{'its `width`' if narrowed else 'the width of the page'}", "give it a larger `width`" if narrowed else "leave some columns out, or split the table in "
               "two", narrowed)


def room_hint(table, theme, needed: float, text_width: float) -> str:
    """What to do for `table`, whose figures need `needed` points side by side, more than it has: landscape pages
    only where they would hold them (and the table is not on them yet), said where they are set, its spec's
    `tables:` entry or, for a pipe table (`piped`), its part; a larger `width` only for a data table narrower
    than `text_width` that it would hold them in."""
    from .pdf.document import landscape_width   # only for a refused table

    ways = []
    if needed <= landscape_width(theme) and not table.landscape and text_width < landscape_width(theme):
        ways.append("print the part holding it on landscape pages (`landscape: true` on that part under `parts:` in "
                    "document.yaml)" if piped(table) else
                    f"print it on landscape pages (`landscape: true` under `tables: {table.name}:` in document.yaml)")
    if not piped(table) and needed <= text_width:
        ways.append("give it a larger `width`")
    ways.append("leave some columns out" if ways else "leave some columns out, or split the table in two")
    return ", ".join(ways[:-1]) + (", or " if len(ways) > 1 else "") + ways[-1]


def piped(table) -> bool:
    """Whether `table` was written in the text as a pipe table, which has no spec of its own (no `landscape`, no
    `width`): parse/pipe_tables names it by its place (`at report.md:5`), a data table is named by its key under
    `tables:`, one word (`::: table NAME`)."""
    return " " in table.name


def refuse(table, message: str, hint: str, narrowed: bool = False) -> None:
    """Raise InputError with `message` and `hint` at the place of `table` (its `::: table` line), or at the
    `width:` line of its spec when `narrowed` (the width it was given is the cause) and that line is known."""
    source = table.width_source if narrowed and table.width_source else table.source
    raise InputError([problem(source.file if source else "document", source.line if source else None, message,
                              hint)])
