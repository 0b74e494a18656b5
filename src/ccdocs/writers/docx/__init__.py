"""The DOCX writer: a WO/CC paper as a Word document, `write(doc, theme) -> bytes`."""

from __future__ import annotations

from ...i18n.cached import code
from ...model import Document
from ...oxml import add_footnotes_part, twips
from ...theme import Theme
from .blocks import write_blocks
from .contents import span_document
from .cover import write_cover
from .hints import hint_east_asian_runs
from .landscape import turn
from .layout import needs_section, new_section, page_setup, set_headers, text_width
from .package import set_properties, to_bytes
from . import references
from .rtl import right_to_left
from .skeleton import new_document
from .state import Where, WriterState
from .styles import add_styles


def ready() -> None:
    """Work out in this process what every write reads first (`writers.ready_writer`): the code's digest
    (`i18n.cached.code`, ~10 ms: it names the styles and chart workbooks kept in the per-user cache), which each
    write forked from a build's parent worked out again."""
    code()


def write(doc: Document, theme: Theme) -> bytes:
    """The DOCX bytes of `doc`: cover block, parts in sections with their headers, footnotes, numbering."""
    lang, language = doc.meta.lang, doc.meta.language
    document = new_document(language.east_asian_tag, twips(theme.pt("numbered_paragraph.tab")))
    add_styles(document, theme, language)
    footnotes = add_footnotes_part(document.part, document.settings.element)
    state = WriterState(doc, theme, document, footnotes, lang, document.part.numbering_part.element,
                        text_width(theme), root=doc)
    section = document.sections[0]
    page_setup(section, theme)
    write_document(state, doc, section)
    if language.script.east_asian:
        hint_east_asian_runs(document)
    if language.script.direction == "rtl":
        right_to_left(document, theme.font(lang, "body"), language.tag)
    set_properties(document, doc.meta)
    return to_bytes(document)


def write_document(state: WriterState, doc: Document, section=None):
    """`doc`'s cover and parts, then the documents it attaches, each under its own headers. `section` is the
    first section, already set up; without it, `doc` is an attached document and opens a section of its own on a
    new page, its cover without header and its pages numbered from 1."""
    state.doc = doc
    references.prepare(state, doc)
    first = doc.parts[0]
    if section is None:
        new_section(state, first, cover=True)
    else:
        set_headers(section, state, first, cover=True)
    start = len(state.document.element.body) - 1   # where its paragraphs begin: before the body's sectPr
    write_cover(state)
    current = None
    for part in doc.parts:
        if current is not None and needs_section(current, part):
            new_section(state, part)
        elif current is not None and part.new_page:
            state.page_break = True
        turn(state, part.landscape)
        state.sequence = None
        write_blocks(state, Where(state.body), part.blocks)
        current = part
    span_document(state, doc, start)
    for other in doc.attached:
        write_document(state, other)
