"""Transforms that resolve the model, applied in a fixed order."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..model import Document
from .annexes import label_annexes
from .chapters import label_chapters
from .footnotes import number_footnotes
from .lists import label_lists
from .markers import insert_markers
from .paragraphs import number_paragraphs


def apply_all(doc: Document, lang: str, catalog: Catalog, chapter_style: str, annexes: int) -> Document:
    """Every transform, in order: annexes, chapters, paragraphs, footnotes, lists, markers."""
    doc = label_annexes(doc, lang, catalog)
    doc = label_chapters(doc, lang, catalog, chapter_style)
    doc = number_paragraphs(doc)
    doc = number_footnotes(doc)
    doc = label_lists(doc, lang)
    return insert_markers(doc, catalog)
