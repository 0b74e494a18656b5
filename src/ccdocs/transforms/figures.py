"""Figure numbers: every chart and image with a caption is `Figure 1`, `Figure 2`, … (one sequence) through the
report, again from 1 in each annex (as paragraphs are), printed before its caption (`Figure 2: Applicants by
region` / `图2：…`) in both formats, when the theme numbers figures (`chart.numbered`)."""

from __future__ import annotations

from ..l10n.catalog import Catalog
from ..model import Chart, Document, Image
from .walk import replace

FIGURES = (Chart, Image)   # the blocks numbered as figures


def figure_numbers(doc: Document) -> dict:
    """(part index, block index) -> number of every captioned top-level figure (chart or image): counted through
    the parts before the annexes, then from 1 in each annex (one without a caption has no number: nothing would
    show it)."""
    numbers, count = {}, 0
    for p, part in enumerate(doc.parts):
        if part.kind == "annex":
            count = 0
        for b, block in enumerate(part.blocks):
            if isinstance(block, FIGURES) and block.caption:
                count += 1
                numbers[(p, b)] = count
    return numbers


def number_figures(doc: Document, catalog: Catalog) -> Document:
    """Give every numbered figure its caption prefix: `Figure 2: ` / `图2：`."""
    numbers = figure_numbers(doc)
    parts = []
    for p, part in enumerate(doc.parts):
        blocks = tuple(replace(block, prefix=catalog.format("Figure {number}: {caption}", number=numbers[(p, b)],
                                                            caption=""))
                       if (p, b) in numbers else block for b, block in enumerate(part.blocks))
        parts.append(replace(part, blocks=blocks))
    return replace(doc, parts=tuple(parts))
