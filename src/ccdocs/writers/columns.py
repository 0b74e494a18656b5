"""Column widths shared by both writers, so that a table is split the same way in DOCX and PDF."""

from __future__ import annotations


def share(total: float, weights: list[float], minimum: list[float]) -> list[float]:
    """`total` split in the ratio of `weights`, no column below its `minimum` while the others can give.

    >>> share(100, [1, 1], [10, 70])
    [30.0, 70]
    """
    if sum(minimum) >= total:
        return [total * m / sum(minimum) for m in minimum]
    fixed: dict = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        rest = total - sum(fixed.values())
        widths = [fixed.get(i, rest * weights[i] / sum(weights[j] for j in free)) for i in range(len(weights))]
        short = [i for i in free if widths[i] < minimum[i]]
        if not short:
            return widths
        fixed.update({i: minimum[i] for i in short})
