"""Footnotes: the reference run in the text and the note's own paragraphs in the footnotes part."""

from __future__ import annotations

from docx.blkcntnr import BlockItemContainer
from docx.oxml.ns import qn

from ...oxml import mark_run, reference_run, sub
from ...model import Para
from . import blocks
from .state import Where
from .styles import add_styled

REFERENCE = "FootnoteReference"     # style ids and the stored name of Word's own note style
NOTE_TEXT = "footnote text"


def add_note(state, sink, note):
    """Call a new footnote from `sink` and write its blocks; Word numbers it unless its mark is custom.

    The model's mark is kept exactly: a mark that is not the number Word would give (the cover note's `*`)
    becomes a custom mark, which takes no number.
    """
    custom = None if note.label == str(state.next_note) else note.label
    if custom is None:
        state.next_note += 1
    note_el = state.footnotes.notes.add_note()
    sink.append(reference_run(note_el.id, REFERENCE, custom))
    container = BlockItemContainer(note_el, state.footnotes)
    blocks.write_blocks(state, Where(container, NOTE_TEXT), note.blocks)
    first = note_el.find(qn("w:p"))
    if first is None or not isinstance(note.blocks[0], Para):   # a note opening with a list: the mark on a line
        first = add_styled(container, NOTE_TEXT)._p            # of its own above it (as the PDF)
        note_el.insert(0, first)
    ppr = first.find(qn("w:pPr"))
    tab = sub(first, "w:r")
    sub(tab, "w:tab")
    at = 0 if ppr is None else 1
    first.insert(at, tab)
    first.insert(at, mark_run(REFERENCE, custom))
    return note_el
