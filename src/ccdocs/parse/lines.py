"""Where a piece of source stands among a text's lines, for tokens that know only their block's lines."""

from __future__ import annotations


def locate(lines: list[str], first: int, last: int, needle: str) -> tuple[int, int | None]:
    """(0-based line, 1-based column) of `needle`'s first occurrence in `lines[first:last]` (at least the line
    `first`); `(first, None)` when it is not there as written.

    >>> locate(["a", "b c", "c"], 1, 3, "c")
    (1, 3)
    """
    for index in range(first, min(max(last, first + 1), len(lines))):
        col = lines[index].find(needle)
        if col >= 0:
            return index, col + 1
    return first, None
