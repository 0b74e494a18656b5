"""Blocks to Word paragraphs: headings, numbered paragraphs, lists, quotes, markers; dispatch by type."""

from __future__ import annotations

import re

from docx.shared import Pt

from ...model import Box, Heading, KeyFigures, ListBlock, Marker, Para, Quote, Table, Text
from ...oxml import add_sequence, number_paragraph, props, twips
from .inlines import add_inlines, add_run
from .state import Where, WriterState
from . import tables

NUMBER = re.compile(r"^(\d+)\.$")
DASHES = "—–-― "


def _numbered(state: WriterState, p, label: str):
    """Give `p` Word's number `label` (`12.`): the part's sequence, or a new one where the labels jump."""
    match = NUMBER.match(label)
    if not match:
        add_run(p, f"{label}\t")
        return
    value = int(match.group(1))
    if state.sequence is None or state.sequence[1] != value:
        tab = twips(state.theme.pt("numbered_paragraph.tab"))
        state.sequence = (add_sequence(state.numbering, value, tab), value)
    number_paragraph(props(p._p, "w:pPr"), state.sequence[0])
    state.sequence = (state.sequence[0], value + 1)


def write_para(state: WriterState, where: Where, block: Para):
    """A paragraph; a labelled one at the top level is a Numbered Paragraph with Word's own number."""
    if block.label:
        p = state.paragraph(where, "Numbered Paragraph")
        _numbered(state, p, block.label)
    else:
        p = state.paragraph(where, where.style)
    add_inlines(state, p, block.children)
    return p


def write_heading(state: WriterState, where: Where, block: Heading):
    """A heading: `Heading 1`–`3`, the chapter prefix before its text."""
    p = state.paragraph(where, f"Heading {min(max(block.level, 1), 3)}")
    if block.prefix:
        add_run(p, block.prefix)
    add_inlines(state, p, block.children)
    return p


def write_list(state: WriterState, where: Where, block: ListBlock):
    """A list: each item's label, a tab, its text; nested lists one indent further; air after the list."""
    style = "List Item" if where.level == 0 else "List Item 2"
    inner = Where(where.container, style, where.level + 1)
    last = None
    for item in block.items:
        for index, child in enumerate(item.blocks):
            if isinstance(child, Para):
                last = state.paragraph(inner, style)
                if index == 0:
                    add_run(last, f"{item.label}\t")
                add_inlines(state, last, child.children)
            else:
                write_block(state, inner, child)
    if last is not None and where.level == 0 and where.style == "Normal":
        last.paragraph_format.space_after = Pt(state.theme.pt("spacing.paragraph_after"))


def write_quote(state: WriterState, where: Where, block: Quote):
    """A quotation in `Quote` paragraphs, its attribution after a dash."""
    write_blocks(state, Where(where.container, "Quote", where.level), block.blocks)
    if block.attribution:
        children = block.attribution
        if isinstance(children[0], Text):
            children = (Text(children[0].text.lstrip(DASHES)),) + children[1:]
        p = state.paragraph(where, "Quote Attribution")
        add_run(p, "— ")
        add_inlines(state, p, children)


def write_marker(state: WriterState, where: Where, block: Marker):
    """A bracketed marker on its own line."""
    p = state.paragraph(where, "Marker")
    add_run(p, block.text)
    return p


BLOCKS = {Para: write_para, Heading: write_heading, ListBlock: write_list, Quote: write_quote,
          Marker: write_marker, Table: tables.write_table, Box: tables.write_box,
          KeyFigures: tables.write_keyfigures}


def write_block(state: WriterState, where: Where, block):
    """Write one block of any type."""
    return BLOCKS[type(block)](state, where, block)


def write_blocks(state: WriterState, where: Where, blocks):
    """Write blocks in order."""
    for block in blocks:
        write_block(state, where, block)


__all__ = ["write_block", "write_blocks"]
