"""The PDF writer: a WO/CC paper laid out with reportlab, footnotes at the foot of their pages."""

from __future__ import annotations

from io import BytesIO

from reportlab.platypus.doctemplate import NextPageTemplate, PageBreak

from ...model import Document
from ...theme import Theme
from .document import Locate, PaperTemplate, StartPart
from .faces import FontSet
from .flowables import Builder
from .footnotes import NotesTail, PageNotes, Rules
from .furniture import cover


def story(builder: Builder, doc: Document) -> list:
    """The flowables of the whole paper: cover block, then each part, a new page where the part asks."""
    out = [Locate(doc.meta.source("title"), "the cover")] + cover(builder)
    for index, part in enumerate(doc.parts):
        if index and part.new_page:
            out += [StartPart(part), NextPageTemplate("annex-first" if part.restart_pages else "body"), PageBreak()]
        else:
            out.append(StartPart(part))
        out += builder.blocks(part)
    return out


def write(doc: Document, theme: Theme) -> bytes:
    """The PDF bytes of `doc`."""
    fonts = FontSet(theme, doc.meta.lang)
    margins = theme.pt("page.margins.left") + theme.pt("page.margins.right")
    width = PaperTemplate.page_width(theme) - margins
    builder = Builder(doc, theme, fonts, width)
    flowables = story(builder, doc)
    builder.maker.problems.raise_if_any()
    rules = Rules(width, theme.pt("pdf.note_rule_before"), theme.pt("pdf.note_rule_after"),
                  theme.pt("footnotes.rule_width"), theme.pt("spacing.footnote_after"))
    notes = PageNotes(builder.notes, rules)
    buffer = BytesIO()
    PaperTemplate(buffer, builder, notes).build(flowables + [NotesTail(notes)])
    return buffer.getvalue()
