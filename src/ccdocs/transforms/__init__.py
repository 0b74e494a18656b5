"""Transforms that resolve the model, applied in a fixed order."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..l10n.language import Language
from ..model import Document
from .annexes import label_annexes
from .chapters import label_chapters
from .contents import fill_contents
from .decisions import place_decisions
from .figures import number_figures
from .footnotes import number_footnotes
from .lists import label_lists
from .markers import insert_markers
from .paragraphs import number_paragraphs
from .references import resolve_references
from .tables import number_tables


def apply_all(doc: Document, language: Language, catalog: Catalog, chapter_style: str, annexes: int,
              figures: bool = True) -> Document:
    """Every transform, in order: decisions, annexes, chapters, paragraphs, footnotes, lists, markers, tables,
    cross-references, contents tables."""
    doc = place_decisions(doc, catalog)
    doc = label_annexes(doc, language, catalog)
    doc = label_chapters(doc, language, catalog, chapter_style)
    doc = number_paragraphs(doc)
    doc = number_footnotes(doc)
    doc = label_lists(doc, language)
    doc = insert_markers(doc, language, catalog)
    doc = number_tables(doc, catalog)
    doc = number_figures(doc, catalog) if figures else doc   # when the theme numbers figures
    doc = resolve_references(doc, language, catalog, chapter_style)
    return fill_contents(doc, catalog)
