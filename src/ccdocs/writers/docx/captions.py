"""The caption above a table, chart or figure in Word: `Table Caption`, its number a bookmarked field."""

from __future__ import annotations

from ...oxml import place, props
from . import references
from .inlines import add_inlines
from .state import Where, WriterState


def write_caption(state: WriterState, where: Where, caption: tuple, prefix: str, anchor: str) -> None:
    """A figure's caption paragraph (`Table Caption`, its number first when a transform gave it one, its anchor
    bookmarked), kept with the figure after it; nothing without a caption."""
    if not caption:
        return
    p = state.paragraph(where, "Table Caption")
    references.add_prefix(state, p, prefix, anchor)
    add_inlines(state, p, caption)
    references.anchor_rest(state, p, prefix, anchor)
    place(props(p._p, "w:pPr"), "w:keepNext")    # python-docx's `keep_with_next = True`, without its search
