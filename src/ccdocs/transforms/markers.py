"""The bracketed markers between parts and at the end, in the language being built."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..l10n.language import Language
from ..model import Document, Marker
from .annexes import annex_number, annex_text
from .walk import replace


def insert_markers(doc: Document, language: Language, catalog: Catalog) -> Document:
    """Append each part's closing marker: `[… follows]`, `[Annex II follows]`, `[End of …]`; an annex's marker
    is given its number (the profile's `annexes.numbers`), not its label, so that each catalog writes the annex's
    name as its sentence needs."""
    parts = list(doc.parts)
    annexes = [p for p in parts if p.kind == "annex"]
    number = {id(part): annex_number(index, len(annexes), language) for index, part in enumerate(annexes, 1)}
    out = []
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is None:
            text = (annex_text("[End of Annex and of document]", "[End of Annex {number} and of document]",
                               number[id(part)], catalog) if part.kind == "annex"
                    else catalog.gettext("[End of document]"))
        elif part.kind == "cover-note":
            text = catalog.format("[{title} follows]", title=doc.meta.title)
        elif following.kind == "annex" and part.kind != "annex":
            text = catalog.gettext("[Annex follows]" if len(annexes) == 1 else "[Annexes follow]")
        else:
            text = catalog.format("[Annex {number} follows]", number=number[id(following)])
        out.append(replace(part, blocks=part.blocks + (Marker(text),)))
    return replace(doc, parts=tuple(out))
