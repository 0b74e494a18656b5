"""Where a piece of source stands among a text's lines, for tokens that know only their block's lines."""

from __future__ import annotations

import re


def locate(lines: list[str], first: int, last: int, needle: str | re.Pattern) -> tuple[int, int | None]:
    r"""(0-based line, 1-based column) of `needle`'s first occurrence (a string, or a pattern's first match) in
    `lines[first:last]` (at least the line `first`); `(first, None)` when it is not there as written.

    >>> locate(["a", "b c", "c"], 1, 3, "c")
    (1, 3)
    >>> locate(["[^a]: see [^a]"], 0, 1, re.compile(r"\[\^a\](?!:)"))
    (0, 11)
    """
    pattern = needle if isinstance(needle, re.Pattern) else re.compile(re.escape(needle))
    for index in range(first, min(max(last, first + 1), len(lines))):
        match = pattern.search(lines[index])
        if match:
            return index, match.start() + 1
    return first, None
