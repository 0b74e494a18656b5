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


TRIED = 8  # the candidates after the last piece found that `locate_next` looks at for the next one


def locate_next(lines: list[str], first: int, last: int, pattern: re.Pattern, candidate: re.Pattern,
                since: tuple[int, int]) -> tuple[int, int | None, tuple[int, int]]:
    r"""`locate` for pieces met in the order they are written (a block's references): (0-based line, 1-based
    column) of the first of the next `TRIED` matches of `candidate` (a piece of the kind) in `lines[first:last]`
    from `since` (0-based line, 0-based offset) on that `pattern` (this piece) matches too, and the place after
    it, to search from for the next piece. `(first, None, after)` when none is (a piece typed otherwise than
    `pattern` reads it, as `&#97;`): `after` passes over the first candidate, or all when there is none.

    Each piece is found at its own place, not at the first alike, and every search starts further than the one
    before: a block's pieces are found in time linear in it.

    >>> locate_next(["[](#a) [](#a)"], 0, 1, re.compile(r"\[\]\(#a\)"), re.compile(r"\[\]\(#"), (0, 6))
    (0, 8, (0, 13))
    >>> locate_next(["[](#&#97;) [](#b)"], 0, 1, re.compile(r"\[\]\(#a\)"), re.compile(r"\[\]\(#"), (0, 0))
    (0, None, (0, 4))
    """
    line, offset = since
    tried, passed = 0, None
    stop = min(max(last, first + 1), len(lines))
    for index in range(max(first, line), stop):
        text = lines[index]
        for found in candidate.finditer(text, offset if index == line else 0):
            match = pattern.match(text, found.start())
            if match:
                return index, match.start() + 1, (index, match.end())
            tried, passed = tried + 1, passed or (index, found.end())
            if tried == TRIED:
                return first, None, passed
    return first, None, passed or (stop, 0)
