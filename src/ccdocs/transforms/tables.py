"""Table numbers: every table with a caption is `Table 1`, `Table 2`, … through the document, printed before its
caption (`Table 2: Applicants by region` / `表2：…`), so that a cross-reference can name it."""

from __future__ import annotations

from dataclasses import replace

from ..l10n.catalog import Catalog
from ..model import Document, Table


def table_numbers(doc: Document) -> dict:
    """(part index, block index) -> number of every captioned top-level table, in document order (a table
    without a caption has no number: nothing would show it)."""
    places = [(p, b) for p, part in enumerate(doc.parts) for b, block in enumerate(part.blocks)
              if isinstance(block, Table) and block.caption]
    return {place: number for number, place in enumerate(places, 1)}


def number_tables(doc: Document, catalog: Catalog) -> Document:
    """Give every numbered table its caption prefix: `Table 2: ` / `表2：`."""
    numbers = table_numbers(doc)
    parts = []
    for p, part in enumerate(doc.parts):
        blocks = tuple(replace(block, prefix=catalog.format("Table {number}: {caption}", number=numbers[(p, b)],
                                                            caption=""))
                       if (p, b) in numbers else block for b, block in enumerate(part.blocks))
        parts.append(replace(part, blocks=blocks))
    return replace(doc, parts=tuple(parts))
