"""The bracketed markers between parts and at the end, in the language being built."""

from __future__ import annotations

from dataclasses import replace

from ..l10n.catalog import Catalog
from ..model import Document, Marker


def insert_markers(doc: Document, catalog: Catalog) -> Document:
    """Append each part's closing marker: `[… follows]`, `[Annex II follows]`, `[End of …]`."""
    parts = list(doc.parts)
    annexes = [p for p in parts if p.kind == "annex"]
    out = []
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is None:
            text = (catalog.format("[End of {annex} and of document]", annex=part.label) if part.kind == "annex"
                    else catalog.gettext("[End of document]"))
        elif part.kind == "cover-note":
            text = catalog.format("[{title} follows]", title=doc.meta.title)
        elif following.kind == "annex" and part.kind != "annex":
            text = catalog.gettext("[Annex follows]" if len(annexes) == 1 else "[Annexes follow]")
        else:
            text = catalog.format("[{annex} follows]", annex=following.label)
        out.append(replace(part, blocks=part.blocks + (Marker(text),)))
    return replace(doc, parts=tuple(out))
