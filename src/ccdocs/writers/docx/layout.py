"""Page layout: A4 and the theme's margins, a section per run of parts, running headers with a PAGE field."""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from ...model import Part
from ...oxml import add_field, continue_page_numbers, restart_page_numbers, twips
from ...theme import Theme
from .inlines import add_run
from .state import WriterState
from .styles import add_styled, styled

PAGE_SIZES = {"A4": (11906, 16838)}   # twips, portrait


def text_width(theme: Theme) -> int:
    """The width between the margins, in twips."""
    width, _ = PAGE_SIZES[theme.get("page.size", "A4")]
    return width - twips(theme.pt("page.margins.left")) - twips(theme.pt("page.margins.right"))


def text_height(theme: Theme) -> float:
    """The height between the margins, in points."""
    _, height = PAGE_SIZES[theme.get("page.size", "A4")]
    return height / 20 - theme.pt("page.margins.top") - theme.pt("page.margins.bottom")


def page_setup(section, theme: Theme):
    """Page size, margins and header distance from the theme."""
    width, height = PAGE_SIZES[theme.get("page.size", "A4")]
    section.page_width, section.page_height = Twips(width), Twips(height)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Pt(theme.pt(f"page.margins.{side}")))
    section.header_distance = section.footer_distance = Pt(theme.pt("page.header_distance"))
    section.gutter = Twips(0)  # w:gutter is a required attribute of w:pgMar (ISO 29500)


def _fill_header(header, state: WriterState, second_line: str):
    """The symbol, then `second_line` with its `{page}` as a PAGE field; air below the last line."""
    header.is_linked_to_previous = False
    symbol = header.paragraphs[0]
    styled(symbol, "Header")
    add_run(symbol, state.doc.meta.symbol)
    last = symbol
    if second_line:
        last = add_styled(header, "Header")
        before, marker, after = second_line.partition("{page}")
        if before:
            add_run(last, before)
        if marker:
            add_field(last._p, "PAGE", "1")
        if after:
            add_run(last, after)
    last.paragraph_format.space_after = Pt(state.theme.pt("docx.header_after"))


def set_headers(section, state: WriterState, part: Part, cover: bool):
    """The running header; a different first page: empty on the cover, the symbol and `Annex` in an annex."""
    first_page = cover or bool(part.first_header)
    section.different_first_page_header_footer = first_page
    if first_page:
        first = section.first_page_header
        first.is_linked_to_previous = False
        if not cover:
            _fill_header(first, state, part.first_header)
    _fill_header(section.header, state, part.header)


def new_section(state: WriterState, part: Part, cover: bool = False):
    """Start a section on a new page for `part`; the break goes into the last paragraph written. A `cover`
    section opens an attached document: no header on its first page (its cover), its pages numbered from 1."""
    document = state.document
    section = document.add_section(WD_SECTION.NEW_PAGE)
    body = document.element.body
    holder = body[-2]
    before = holder.getprevious()
    if before is not None and before.tag == qn("w:p") and before.find(qn("w:pPr") + "/" + qn("w:sectPr")) is None:
        before.set_sectPr(holder.pPr.sectPr)
        body.remove(holder)
    set_headers(section, state, part, cover=cover)
    if part.restart_pages or cover:
        restart_page_numbers(section._sectPr, 1)
    else:
        continue_page_numbers(section._sectPr)
    return section


def needs_section(current: Part, part: Part) -> bool:
    """Whether `part` needs a section of its own: other headers, or its pages numbered afresh."""
    return part.restart_pages or part.header != current.header or part.first_header != current.first_header
