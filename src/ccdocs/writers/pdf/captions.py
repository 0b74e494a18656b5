"""The caption above a table, chart or figure in the PDF: its number first, bold, kept with what follows."""

from __future__ import annotations

from ...model import Text
from .keep import KeepWith, sticky
from .runs import Look, Where


def caption_flowables(builder, caption: tuple, prefix: str, anchor: str, where: Where) -> list:
    """A figure's caption (its number first when a transform gave it one) in bold, left, kept with what follows;
    [] without a caption."""
    if not caption:
        return []
    style = builder.style(builder.body, align="left", after=builder.pt("pdf.caption_after", 6.0),
                          anchor=builder.maker.destination(anchor))
    inlines = ((Text(prefix),) if prefix else ()) + tuple(caption)
    block = builder.text(inlines, Look(builder.body, bold=True, heading=True), style, where)
    return [KeepWith(int(builder.theme.get("pdf.keep_lines", 3))), sticky(block)]
