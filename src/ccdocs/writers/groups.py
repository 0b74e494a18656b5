"""A data table's group heading rows kept with their first member rows, the same in both writers.

A group heading row is a row of kind `heading` below the header rows: a `headings:` row of a table, printed as
its label alone (a section's title, "Operating expenses"). Like a heading of the text, it never ends a page: it
stands on the page of the headings right under it (`B. Non-personnel resources` over `Interns and WIPO
fellowships`) and of its first `table.keep_rows` member rows, the rows up to the next heading (all of them when
fewer). The PDF's grid splits no row there (`pdf.grid.Grid.stranded`); Word is told with `w:keepNext`
(`docx.keeping.joined_rows`).
"""

from __future__ import annotations

from collections.abc import Callable


def group_end(kind: Callable[[int], str], count: int, at: int, least: int) -> int:
    """The index after the last row that must stand on the page of the group heading row `at`, of `count` rows
    whose kinds `kind(index)` gives: the headings right under it, then their first `least` member rows (one at the
    least; those up to the next heading when fewer). Reads only those rows: `least` headings under it at the most
    (a run of headings with no rows between them is not kept whole), so that the rows kept with each heading of a
    table, and the rows a split reads, stay within a few.

    >>> kind = ["heading", "heading", "body", "body", "subtotal", "body", "heading", "body"].__getitem__
    >>> group_end(kind, 8, 0, 3), group_end(kind, 8, 1, 3), group_end(kind, 8, 6, 3), group_end(kind, 8, 0, 0)
    (5, 5, 8, 3)
    >>> group_end((["heading"] * 10 + ["body"] * 5).__getitem__, 15, 0, 3)
    4
    """
    need = max(1, least)
    end = at + 1
    while end < min(count, at + 1 + need) and kind(end) == "heading":
        end += 1
    members = 0
    while members < need and end < count and kind(end) != "heading":
        end, members = end + 1, members + 1
    return end
