"""Annex labels and the running-header texts of every part."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..l10n.language import Language
from ..l10n.numerals import numeral
from ..model import Document
from .walk import replace


def annex_number(index: int, total: int, language: Language) -> str | None:
    """The number of the `index`th (from 1) of `total` annexes in the profile's `annexes.numbers` (II, 二), or
    None for the only annex, which has none."""
    return None if total == 1 else numeral(index, language.annex_numbers, language)


def annex_text(single: str, numbered: str, number: str | None, catalog: Catalog) -> str:
    """The catalog's message `single` for the only annex, else `numbered` with its `{number}`: each language
    writes the annex's name in the case and the capitals the sentence wants (`[Fin de l’annexe II et du
    document]`, `[Конец приложения II и документа]`)."""
    return catalog.gettext(single) if number is None else catalog.format(numbered, number=number)


def annex_label(index: int, total: int, language: Language, catalog: Catalog) -> str:
    """`Annex` alone, or `Annex I`, `Annex II`; `附件`, `附件一`: the number in the profile's `annexes.numbers`."""
    return annex_text("Annex", "Annex {number}", annex_number(index, total, language), catalog)


def label_annexes(doc: Document, language: Language, catalog: Catalog) -> Document:
    """Set each part's label and header; annexes start a page and restart its numbers."""
    total = sum(part.kind == "annex" for part in doc.parts)
    page = catalog.gettext("page {page}")
    parts, index = [], 0
    for part in doc.parts:
        if part.kind == "annex":
            index += 1
            label = annex_label(index, total, language, catalog)
            header = catalog.format("{annex}, page {page}", annex=label, page="{page}")
            part = replace(part, label=label, header=header, first_header=label, new_page=True, restart_pages=True,
                           title_prefix=catalog.format("{annex}: {title}", annex=label, title=""))
        else:
            part = replace(part, header=page, new_page=part.kind == "report" and index == 0 and len(parts) > 0)
        parts.append(part)
    return replace(doc, parts=tuple(parts))
