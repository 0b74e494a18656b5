"""Blocks to Word paragraphs: headings, numbered paragraphs, lists, quotes, markers; dispatch by type."""

from __future__ import annotations

import re

from docx.shared import Emu, Pt

from ...model import Box, Chart, Contents, Heading, Image, KeyFigures, ListBlock, Marker, Para, Quote, Table, Text
from ...oxml import add_sequence, twips
from ..pdf.measure import item_source, label_hanging
from .contents import write_contents
from .inlines import add_inlines, add_run
from ...transforms.decisions import ROLE
from .state import Where, WriterState
from . import charts, images, landscape, references, tables

NUMBER = re.compile(r"^(\d+)\.$")
BODY_LISTS = ("List Item", "List Item 2")
NOTE_LISTS = ("Footnote List", "Footnote List 2")
NOTE_LIST_PLACES = ("footnote text",) + NOTE_LISTS    # the styles of a footnote's paragraphs and its lists
DASHES = "—–-― "


def _numbered(state: WriterState, label: str) -> int | None:
    """The numId of the list whose next number is `label` (`12.`): the part's sequence, or a new one where the
    labels jump; None for a label Word's numbers cannot show (then written as text)."""
    match = NUMBER.match(label)
    if not match:
        return None
    value = int(match.group(1))
    if state.sequence is None or state.sequence[1] != value:
        tab = twips(state.theme.pt("numbered_paragraph.tab"))
        state.sequence = (add_sequence(state.numbering, value, tab), value)
    state.sequence = (state.sequence[0], value + 1)
    return state.sequence[0]


def _decision_indent(state: WriterState, p, style: str) -> None:
    """Move `p` (of `style`) right by the theme's `decision.indent`, as a proposed decision stands: a direct `w:ind`
    (over the style's and a number's own) keeping the style's first-line or hanging indent, its tabs moved too."""
    shift, base, pf = Pt(state.theme.pt("decision.indent")), state.document.styles[style].paragraph_format, \
        p.paragraph_format
    pf.left_indent = Emu(shift + (base.left_indent or 0))
    pf.first_line_indent = base.first_line_indent or Emu(0)
    for stop in base.tab_stops:
        pf.tab_stops.add_tab_stop(Emu(shift + stop.position))


def _label_room(state: WriterState, block: ListBlock, style: str) -> int:
    """How much wider (EMU) than `style`'s hanging indent the widest label of `block` needs, as the PDF writer
    measures it (`pdf.measure.label_hanging`); 0 when it fits."""
    base = state.document.styles[style].paragraph_format
    hanging = -(base.first_line_indent or 0)
    label_x = Emu((base.left_indent or 0) - hanging).pt + (state.theme.pt("decision.indent") if block.role == ROLE
                                                           else 0.0)
    size = state.theme.size(state.lang, "footnote" if style in NOTE_LISTS else "body")
    needed = label_hanging(tables.fonts(state), state.language, size, float(state.theme.get("pdf.cjk_autospace", 0)),
                           [item.label for item in block.items], Emu(hanging).pt, state.text_width / 20 - label_x,
                           [item_source(item) or block.source for item in block.items])
    return max(0, int(Pt(needed)) - hanging)


def _widen_hanging(state: WriterState, p, style: str, wider: int) -> None:
    """Move `p`'s text (of `style`) right by `wider` EMU, its label where it was: a direct `w:ind`, its tab too."""
    base, pf = state.document.styles[style].paragraph_format, p.paragraph_format
    left = pf.left_indent if pf.left_indent is not None else base.left_indent or 0
    first = pf.first_line_indent if pf.first_line_indent is not None else base.first_line_indent or 0
    pf.left_indent, pf.first_line_indent = Emu(left + wider), Emu(first - wider)
    pf.tab_stops.add_tab_stop(Emu(left + wider))


def write_para(state: WriterState, where: Where, block: Para):
    """A paragraph; a labelled one at the top level is a Numbered Paragraph with Word's own number."""
    if block.label:
        number = _numbered(state, block.label)
        p = state.paragraph(where, "Numbered Paragraph", number)
        if number is None:
            add_run(p, f"{block.label}\t")
        if block.role == ROLE:
            _decision_indent(state, p, "Numbered Paragraph")
    else:
        p = state.paragraph(where, where.style)
    add_inlines(state, p, block.children)
    references.anchor_block(state, p, block.anchor)
    return p


def write_heading(state: WriterState, where: Where, block: Heading):
    """A heading: `Heading 1`–`3`, the chapter prefix before its text."""
    p = state.paragraph(where, f"Heading {min(max(block.level, 1), 3)}")
    references.add_prefix(state, p, block.prefix, block.anchor)
    add_inlines(state, p, block.children)
    references.anchor_rest(state, p, block.prefix, block.anchor)
    if block.toc:
        references.mark(state, p._p, name=block.toc)
    return p


def write_list(state: WriterState, where: Where, block: ListBlock):
    """A list: each item's label, a tab, its text; nested lists one indent further; air after the list. In a
    footnote the items are set in the note's size, their labels at the note's tab (`Footnote List`)."""
    styles = NOTE_LISTS if where.style in NOTE_LIST_PLACES else BODY_LISTS
    style = styles[min(where.level, 1)]
    inner = Where(where.container, style, where.level + 1)
    wider = _label_room(state, block, style)
    last = None
    for item in block.items:
        for index, child in enumerate(item.blocks):
            if isinstance(child, Para):
                last = state.paragraph(inner, style)
                if block.role == ROLE:
                    _decision_indent(state, last, style)
                if wider:
                    _widen_hanging(state, last, style, wider)
                if index == 0:
                    add_run(last, f"{item.label}\t")
                else:  # an item's later paragraph, unlabelled: its first line at the item's text, as the PDF sets it
                    last.paragraph_format.first_line_indent = Emu(0)
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
    landscape.stay_on_landscape(state, p)
    return p


BLOCKS = {Para: write_para, Heading: write_heading, ListBlock: write_list, Quote: write_quote,
          Marker: write_marker, Table: landscape.write_table, Box: tables.write_box,
          KeyFigures: tables.write_keyfigures, Contents: write_contents,
          Chart: charts.write_chart, Image: images.write_image}


def write_block(state: WriterState, where: Where, block):
    """Write one block of any type."""
    return BLOCKS[type(block)](state, where, block)


def write_blocks(state: WriterState, where: Where, blocks):
    """Write blocks in order."""
    for block in blocks:
        write_block(state, where, block)


__all__ = ["write_block", "write_blocks"]
