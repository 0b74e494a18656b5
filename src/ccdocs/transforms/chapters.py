"""Chapter labels of the report's top headings: `Chapter 1: ` or `I. `, as the language writes them."""

from __future__ import annotations

from dataclasses import replace

from ..l10n.catalog import Catalog
from ..l10n.numerals import chinese_numeral
from ..model import Document, Heading
from .numerals import roman
from .walk import map_parts


def chapter_numeral(number: int, lang: str, style: str) -> str:
    """Chapter `number` as its prefix prints it: `3`, or with Roman chapters `III` / `三`."""
    if style == "roman":
        return chinese_numeral(number) if lang == "zh" else roman(number)
    return str(number)


def chapter_prefix(number: int, lang: str, catalog: Catalog, style: str) -> str:
    """The prefix of chapter `number`: `Chapter 1: ` / `第1章：`, or `I. ` / `一、`; none in the style `none`."""
    if style == "none":
        return ""
    numeral = chapter_numeral(number, lang, style)
    if style == "roman":
        return f"{numeral}、" if lang == "zh" else f"{numeral}.\t"
    return catalog.format("Chapter {number}: {title}", number=numeral, title="")


def label_chapters(doc: Document, lang: str, catalog: Catalog, style: str) -> Document:
    """Prefix each level-1 heading of the report with its chapter label."""

    def label(part):
        if part.kind != "report":
            return part
        blocks, number = [], 0
        for block in part.blocks:
            if isinstance(block, Heading) and block.level == 1:
                number += 1
                block = replace(block, prefix=chapter_prefix(number, lang, catalog, style))
            blocks.append(block)
        return replace(part, blocks=tuple(blocks))

    return map_parts(doc, label)
