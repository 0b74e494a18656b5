"""List labels: `•`, and `(a)`/`（a）`, `(i)`/`（i）` in the language profile's `lists.label` form."""

from __future__ import annotations

from ..l10n.language import Language
from ..l10n.numerals import numeral
from ..model import Document, ListBlock
from .walk import rebuild, replace


def item_label(style: str, index: int, language: Language) -> str:
    """The printed label of item `index` (from 1) of a list in `style`."""
    if style == "bullet":
        return "•"
    return language.list_label.format(mark=numeral(index, "alpha" if style == "alpha" else "roman-lower", language))


def label_lists(doc: Document, language: Language) -> Document:
    """Label every list item."""

    def visit(node):
        items = tuple(replace(item, label=item_label(node.style, i, language)) for i, item in enumerate(node.items, 1))
        return replace(node, items=items)

    return rebuild(doc, visit, ListBlock)
