"""Contents tables: the rows (chapters, annexes, optionally sub-headings) and their paragraph ranges.

The page numbers are not in the model: they come from the PDF layout (`writers.pdf.heading_pages`), which both
writers print, so the transform only names each listed heading (`Heading.toc`) for the writers to find it.
"""

from __future__ import annotations

import re

from ..errors import InputError, Problem
from ..l10n.catalog import Catalog
from ..model import Contents, ContentsEntry, Document, Heading, Para
from ..parse.inlines import plain
from .references import range_words
from .walk import replace

TOC_NAME = "_Toc{:09d}"  # Word's hidden-bookmark form: Word's own contents fields name their targets so
BREAKING_SPACE = re.compile(r"[ \t\r\n]+")  # what a row joins into one space: a no-break space (fr `4\u00a0:`) stays


def paragraph_range(labels: list[str], catalog: Catalog) -> str:
    """`paragraphs 1 to 6` / `第1至6段` for the printed labels (`1.` … `6.`) of the numbered paragraphs under
    a heading (`paragraphs 1 and 2` / `第1和2段` for two, as a reference's range says it); `paragraph 7` for one;
    '' for none."""
    numbers = [label.rstrip(".") for label in labels]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return catalog.format("paragraph {number}", number=numbers[0])
    return catalog.format(range_words(numbers[0], numbers[-1]), first=numbers[0], last=numbers[-1])


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


def _problems(doc: Document, listed: list) -> list[Problem]:
    """What a paper's contents table cannot be: a second one, one in an annex, one with nothing to list, a paper
    with an annex it cannot list (no `#` heading to name it and to link to)."""
    problems, first = [], None
    for part in doc.parts:
        for block in part.blocks:
            if not isinstance(block, Contents):
                continue
            at = (block.source.file, block.source.line) if block.source else ("document", None)
            if first is not None:
                problems.append(Problem(*at, None, f"a second contents table (the first is at {first[0]}:{first[1]})",
                                        "a paper has one contents table: take this one away"))
            elif part.kind == "annex":
                problems.append(Problem(*at, None, "a contents table in an annex",
                                        "put it at the start of the report (it lists the report's chapters and the "
                                        "annexes)"))
            elif not listed:
                problems.append(Problem(*at, None, "a contents table with nothing to list: the paper has no chapter "
                                        "(`#` heading) and no annex", "give the report `#` chapter headings, or take "
                                        "the contents table away"))
            first = first or at
    for part in doc.parts:
        if part.kind == "annex" and not any(isinstance(b, Heading) and b.level == 1 for b in part.blocks):
            where = next((b.source for b in part.blocks if getattr(b, "source", None)), None)
            problems.append(Problem(where.file if where else "document.yaml", where.line if where else None, None,
                                    f"the contents table lists each annex by its title, and {part.label} has none",
                                    "give the annex a `#` title on its first line"))
    return problems


def fill_contents(doc: Document, catalog: Catalog) -> Document:
    """Fill every `Contents` block with its title and rows, naming the headings they list (`Heading.toc`);
    InputError when `_problems` finds any."""
    tables = [block for part in doc.parts for block in part.blocks if isinstance(block, Contents)]
    if not tables:
        return doc
    depth = max(table.depth for table in tables)
    listed = list(_listed(doc, depth))
    problems = _problems(doc, listed)
    if problems:
        raise InputError(problems)
    names = {(p, b): TOC_NAME.format(n) for n, (p, b, _) in enumerate(listed, 1)}
    rows = []
    for p, b, level in listed:
        part, heading = doc.parts[p], doc.parts[p].blocks[b]
        text = heading.prefix.replace("\t", " ") + BREAKING_SPACE.sub(" ", plain(heading.children)).strip(" ")
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
