"""Footnote marks: `*`, `**` in the cover note; 1, 2, … through the report and annexes."""

from __future__ import annotations

from itertools import count

from ..model import Document, Note
from .walk import map_parts, rebuild, replace


def number_footnotes(doc: Document) -> Document:
    """Give every Note its printed mark, in document order."""
    numbers = count(1)

    def number(part):
        stars = count(1)

        def visit(node):
            label = "*" * next(stars) if part.kind == "cover-note" else str(next(numbers))
            return replace(node, label=label)

        return rebuild(part, visit, Note)

    return map_parts(doc, number)
