"""Chapter labels of the report's top headings: `Chapter 1: ` or `I. `, in the language profile's forms."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..l10n.language import Language
from ..l10n.numerals import numeral
from ..model import Document, Heading
from .walk import map_parts, replace


def chapter_numeral(number: int, language: Language, style: str) -> str:
    """Chapter `number` as its prefix prints it: `3`, or with Roman chapters in `chapters.numbers`: `III` / `三`."""
    if style == "roman":
        return numeral(number, language.chapter_numbers, language)
    return str(number)


def chapter_prefix(number: int, language: Language, catalog: Catalog, style: str) -> str:
    """The prefix of chapter `number`: `Chapter 1: ` / `第1章：`, or in `chapters.prefix` `I.<tab>` / `一、`; none in
    the style `none`."""
    if style == "none":
        return ""
    number_text = chapter_numeral(number, language, style)
    if style == "roman":
        return language.chapter_prefix.format(number=number_text)
    return catalog.format("Chapter {number}: {title}", number=number_text, title="")


def label_chapters(doc: Document, language: Language, catalog: Catalog, style: str) -> Document:
    """Prefix each level-1 heading of the report with its chapter label."""

    def label(part):
        if part.kind != "report":
            return part
        blocks, number = [], 0
        for block in part.blocks:
            if isinstance(block, Heading) and block.level == 1:
                number += 1
                block = replace(block, prefix=chapter_prefix(number, language, catalog, style))
            blocks.append(block)
        return replace(part, blocks=tuple(blocks))

    return map_parts(doc, label)
