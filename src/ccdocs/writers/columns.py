"""Column widths shared by both writers, so that a table is split the same way in DOCX and PDF."""

from __future__ import annotations

from ..errors import InputError, problem


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
