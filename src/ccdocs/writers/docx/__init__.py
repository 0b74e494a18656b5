"""The DOCX writer: a WO/CC paper as a Word document, `write(doc, theme) -> bytes`."""

from __future__ import annotations

from ...model import Document
from ...oxml import add_footnotes_part, twips
from ...theme import Theme
from .blocks import write_blocks
from .cover import write_cover
from .hints import hint_east_asian_runs
from .layout import needs_section, new_section, page_setup, set_headers, text_width
from .package import set_properties, to_bytes
from .skeleton import new_document
from .state import Where, WriterState
from .styles import add_styles


def write(doc: Document, theme: Theme) -> bytes:
    """The DOCX bytes of `doc`: cover block, parts in sections with their headers, footnotes, numbering."""
    lang = doc.meta.lang
    document = new_document("zh-CN" if lang == "zh" else None, twips(theme.pt("numbered_paragraph.tab")))
    add_styles(document, theme, lang)
    footnotes = add_footnotes_part(document.part, document.settings.element)
    state = WriterState(doc, theme, document, footnotes, lang, document.part.numbering_part.element,
                        text_width(theme))
    section = document.sections[0]
    page_setup(section, theme)
    write_cover(state)
    current = None
    for part in doc.parts:
        if current is None:
            set_headers(section, state, part, cover=True)
        elif needs_section(current, part):
            new_section(state, part)
        elif part.new_page:
            state.page_break = True
        state.sequence = None
        write_blocks(state, Where(state.body), part.blocks)
        current = part
    if lang == "zh":
        hint_east_asian_runs(document)
    set_properties(document, doc.meta)
    return to_bytes(document)
