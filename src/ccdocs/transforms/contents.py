"""Contents tables: the rows (chapters, annexes, optionally sub-headings) and their paragraph ranges.

The page numbers are not in the model: they come from the PDF layout (`writers.pdf.heading_pages`), which both
writers print, so the transform only names each listed heading (`Heading.toc`) for the writers to find it.
"""

from __future__ import annotations

from dataclasses import replace

from ..l10n.catalog import Catalog
from ..model import Contents, ContentsEntry, Document, Heading, Para
from ..parse.inlines import plain

TOC_NAME = "_Toc{:09d}"  # Word's hidden-bookmark form: Word's own contents fields name their targets so


def paragraph_range(labels: list[str], catalog: Catalog) -> str:
    """`paragraphs 1 to 6` / `第1至6段` for the printed labels (`1.` … `6.`) of the numbered paragraphs under
    a heading; `paragraph 7` for one; '' for none."""
    numbers = [label.rstrip(".") for label in labels]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return catalog.format("paragraph {number}", number=numbers[0])
    return catalog.format("paragraphs {first} to {last}", first=numbers[0], last=numbers[-1])


def _listed(doc: Document, depth: int):
    """(part index, block index, level) of every heading a contents table of `depth` lists: the report's
    headings down to `depth`, each annex's first level-1 heading as level 1, its sub-headings as level 2."""
    for p, part in enumerate(doc.parts):
        if part.kind not in ("report", "annex"):
            continue
        titled = False
        for b, block in enumerate(part.blocks):
            if not isinstance(block, Heading):
                continue
            if part.kind == "annex" and block.level == 1:
                if titled:
                    continue
                titled = True
            if block.level <= depth:
                yield p, b, block.level


def _labels_under(blocks: tuple, start: int, level: int) -> list[str]:
    """The labels of the numbered paragraphs from `start` to the next heading of `level` or above."""
    labels = []
    for block in blocks[start + 1:]:
        if isinstance(block, Heading) and block.level <= level:
            break
        if isinstance(block, Para) and block.label:
            labels.append(block.label)
    return labels


def fill_contents(doc: Document, catalog: Catalog) -> Document:
    """Fill every `Contents` block with its title and rows, naming the headings they list (`Heading.toc`)."""
    tables = [block for part in doc.parts for block in part.blocks if isinstance(block, Contents)]
    if not tables:
        return doc
    depth = max(table.depth for table in tables)
    listed = list(_listed(doc, depth))
    names = {(p, b): TOC_NAME.format(n) for n, (p, b, _) in enumerate(listed, 1)}
    rows = []
    for p, b, level in listed:
        part, heading = doc.parts[p], doc.parts[p].blocks[b]
        text = heading.prefix.replace("\t", " ") + " ".join(plain(heading.children).split())
        if part.kind == "annex" and level == 1:
            text = catalog.format("{annex}: {title}", annex=part.label, title=text)
            labels = [block.label for block in part.blocks if isinstance(block, Para) and block.label]
        else:
            labels = _labels_under(part.blocks, b, level)
        rows.append(ContentsEntry(level, text, names[(p, b)], paragraph_range(labels, catalog)))
    title = catalog.gettext("Contents")
    parts = []
    for p, part in enumerate(doc.parts):
        blocks = []
        for b, block in enumerate(part.blocks):
            if (p, b) in names:
                block = replace(block, toc=names[(p, b)])
            elif isinstance(block, Contents):
                entries = tuple(replace(row, paragraphs=row.paragraphs if block.paragraphs else "")
                                for row in rows if row.level <= block.depth)
                block = replace(block, title=title, entries=entries)
            blocks.append(block)
        parts.append(replace(part, blocks=tuple(blocks)))
    return replace(doc, parts=tuple(parts))
