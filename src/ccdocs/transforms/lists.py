"""List labels: `•`, `(a)`/`（a）`, `(i)`/`（i）` as the language writes them."""

from __future__ import annotations

from dataclasses import replace
from string import ascii_lowercase

from ..model import Document, ListBlock
from .numerals import roman
from .walk import rebuild


def item_label(style: str, index: int, lang: str) -> str:
    """The printed label of item `index` (from 1) of a list in `style`."""
    if style == "bullet":
        return "•"
    mark = ascii_lowercase[(index - 1) % 26] if style == "alpha" else roman(index).lower()
    return f"（{mark}）" if lang == "zh" else f"({mark})"


def label_lists(doc: Document, lang: str) -> Document:
    """Label every list item."""

    def visit(node):
        if not isinstance(node, ListBlock):
            return node
        items = tuple(replace(item, label=item_label(node.style, i, lang)) for i, item in enumerate(node.items, 1))
        return replace(node, items=items)

    return rebuild(doc, visit)
