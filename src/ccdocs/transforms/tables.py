"""Table numbers: every table with a caption is `Table 1`, `Table 2`, … through the report, again from 1 in each
annex (as paragraphs and figures are), printed before its caption (`Table 2: Applicants by region` / `表2：…`), so
that a cross-reference can name it. `caption_numbers` and `number_captions` serve any captioned block."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..model import Document, Table
from .walk import replace


def caption_numbers(doc: Document, kinds: tuple) -> dict:
    """(part index, block index) -> number of every captioned top-level block of one of the types `kinds`: counted
    through the parts before the annexes, then from 1 in each annex (a block without a caption has no number:
    nothing would show it)."""
    numbers, count = {}, 0
    for p, part in enumerate(doc.parts):
        count = 0 if part.kind == "annex" else count
        for b, block in enumerate(part.blocks):
            if isinstance(block, kinds) and block.caption:
                count += 1
                numbers[(p, b)] = count
    return numbers


def number_captions(doc: Document, catalog: Catalog, numbers: dict, template: str) -> Document:
    """Give each block `numbers` names its caption prefix: the catalog's `template` (`Table {number}: {caption}`)
    with its number and an empty caption (`Table 2: ` / `表2：`)."""
    parts = []
    for p, part in enumerate(doc.parts):
        blocks = tuple(replace(block, prefix=catalog.format(template, number=numbers[(p, b)], caption=""))
                       if (p, b) in numbers else block for b, block in enumerate(part.blocks))
        parts.append(replace(part, blocks=blocks))
    return replace(doc, parts=tuple(parts))


def table_numbers(doc: Document) -> dict:
    """(part index, block index) -> number of every captioned top-level table (`caption_numbers`)."""
    return caption_numbers(doc, (Table,))


def number_tables(doc: Document, catalog: Catalog) -> Document:
    """Give every numbered table its caption prefix: `Table 2: ` / `表2：`."""
    return number_captions(doc, catalog, table_numbers(doc), "Table {number}: {caption}")
