"""Landscape sections: a part, or a wide table, in a section of its own whose page is turned (`w:pgSz
w:orient="landscape"`, width and height swapped), as the PDF turns its pages.

The landscape section keeps the headers of the section before it (it names none, so Word links them: the symbol
and `page N` at the top right, the numbers running on) and shows no first-page header. A table takes the
headings just before it into its section; the portrait section resumes after its notes.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from ...oxml import element, place, props, put, twips
from . import tables
from .layout import PAGE_SIZES

INHERITED = ("w:headerReference", "w:footerReference", "w:titlePg", "w:pgNumType", "w:type")


def is_landscape(sect_pr) -> bool:
    """Whether the section's page is landscape."""
    size = sect_pr.find(qn("w:pgSz"))
    return size is not None and size.get(qn("w:orient")) == "landscape"


def orient(state, sect_pr, landscape: bool):
    """Turn the section's page (A4 of the theme) and set the text width the writer lays tables out in."""
    width, height = PAGE_SIZES[state.theme.get("page.size", "A4")]
    if landscape:
        width, height = height, width
    size = place(sect_pr, "w:pgSz", w=width, h=height)
    if landscape:
        size.set(qn("w:orient"), "landscape")
    state.text_width = _text_width(state, landscape)


def _body(state):
    return state.document.element.body


def _starts_section(el) -> bool:
    """Whether `el` (the element before a section's content) ends the section before: none, or a paragraph
    holding a `w:sectPr`."""
    return el is None or (el.tag == qn("w:p") and el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)


def turn(state, landscape: bool, before_headings: bool = False):
    """Go on in a section of the other orientation: close the current section after the last block written (or
    before the headings that end the text, with `before_headings`) unless the current section holds nothing yet
    there, in which case it is turned itself."""
    body = _body(state)
    current = body.sectPr
    if is_landscape(current) == landscape:
        return
    last = current.getprevious()
    if before_headings:
        while last is not None and last.tag == qn("w:p") and _style(last).startswith("Heading"):
            last = last.getprevious()
    if last is current.getprevious() and _rejoin(current, last):
        state.text_width = _text_width(state, landscape)
        return
    if not _starts_section(last):
        closing = deepcopy(current)
        if last.tag != qn("w:p"):   # a table: the break goes into a paragraph of its own after it
            last.addnext(element("w:p"))
            last = last.getnext()
        put(props(last, "w:pPr"), closing)
        for tag in INHERITED:
            for found in current.findall(qn(tag)):
                current.remove(found)
        state.page_break = False     # the new section starts the page
    orient(state, current, landscape)


def _rejoin(current, last) -> bool:
    """When the section that `last` (the body's last paragraph) closes has the orientation `current` is turned
    to (two landscape tables in a row), take its break out: that section goes on. Whether it did."""
    closing = last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if last is not None and last.tag == qn("w:p") else None
    if closing is None or is_landscape(closing) == is_landscape(current):
        return False
    closing.getparent().remove(closing)
    if last.find(qn("w:r")) is None:
        last.getparent().remove(last)
    current.getparent().replace(current, closing)
    return True


def stay_on_landscape(state, p) -> None:
    """When the paragraph `p` (python-docx) was written just after a landscape table's section was closed (by an
    empty paragraph holding its break), reopen that section: a part's closing marker follows the table on its
    landscape page, as in the PDF, instead of standing alone on a portrait one (the next part turns back)."""
    before = p._p.getprevious()
    if before is not None and before.tag == qn("w:p") and before.find(qn("w:r")) is None \
            and _rejoin(_body(state).sectPr, before):
        state.text_width = _text_width(state, True)


def _text_width(state, landscape: bool) -> int:
    """The text width in twips of a page of the theme's size, turned when `landscape`."""
    width, height = PAGE_SIZES[state.theme.get("page.size", "A4")]
    margins = twips(state.theme.pt("page.margins.left")) + twips(state.theme.pt("page.margins.right"))
    return (height if landscape else width) - margins


def _style(p) -> str:
    found = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val")) if found is not None else ""


def write_table(state, where, block):
    """A table (`tables.write_table`); a landscape one in a landscape section of its own (with the headings just
    before it), the portrait section resuming after it, unless it stands in a landscape part."""
    if not block.landscape or is_landscape(_body(state).sectPr):
        return tables.write_table(state, where, block)
    turn(state, True, before_headings=True)
    table = tables.write_table(state, where, block)
    turn(state, False)
    return table
