"""Paragraph numbers: each part from 1; the report's run through all its chapters."""

from __future__ import annotations

from ..model import Document, Para
from .walk import map_parts, replace


def number_paragraphs(doc: Document) -> Document:
    """Label every numbered top-level paragraph `1.`, `2.`, … within its part."""

    def number(part):
        count, blocks = 0, []
        for block in part.blocks:
            if isinstance(block, Para) and block.numbered:
                count += 1
                block = replace(block, label=f"{count}.")
            blocks.append(block)
        return replace(part, blocks=tuple(blocks))

    return map_parts(doc, number)
