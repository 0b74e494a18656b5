"""The contents table as Word's own: a `TOC` field over the heading styles, its result pre-filled with the rows
and the page numbers of ccdocs's PDF layout; the headings it lists carry the bookmarks its rows link to.

Word rebuilds the rows from the headings when an editor updates the field (F9): the pages follow the text; the
paragraph ranges, which no heading holds, are then left out (rebuild with ccdocs to have them back).
"""

from __future__ import annotations

import re

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from ...model import Contents
from ...oxml import element, field_runs, place, twips
from ...oxml.fields import bookmark
from .inlines import Format, add_run
from .state import Where, WriterState
from .styles import new_style, style_id
from .tables import fonts

TITLE_STYLE = "TOC Heading"        # Word's own names: its TOC field gives its rows the styles `toc 1`, `toc 2`
ROW_STYLE = "toc {level}"
SPAN = "_Doc_{symbol}"             # the bookmark around one document of a transmittal, for its TOC's `\b` switch


def span_name(doc) -> str:
    """The name of the bookmark spanning `doc` in a transmittal's DOCX (`_Doc_WO_CC_84_INF_1`, at most 40)."""
    return SPAN.format(symbol=re.sub(r"[^A-Za-z0-9_]", "_", doc.meta.symbol))[:40]


def in_transmittal(state: WriterState) -> bool:
    """Whether the DOCX holds more than one document: a transmittal and the documents it attaches."""
    return bool((state.root or state.doc).attached)


def span_document(state: WriterState, doc, start: int) -> None:
    """Bookmark `doc`'s own paragraphs (from the body's child `start` on, its attached documents not yet
    written) when it holds a contents table in a transmittal: its `TOC` field lists that span only."""
    if not in_transmittal(state) or not any(isinstance(b, Contents) for part in doc.parts for b in part.blocks):
        return
    paragraphs = [child for child in state.document.element.body[start:] if child.tag == qn("w:p")]
    first, end = bookmark(state.next_bookmark, span_name(doc))
    state.next_bookmark += 1
    ppr = paragraphs[0].find(qn("w:pPr"))
    paragraphs[0].insert(0 if ppr is None else list(paragraphs[0]).index(ppr) + 1, first)
    paragraphs[-1].append(end)


def _styles(state: WriterState, block: Contents) -> None:
    """Define `TOC Heading` and `toc 1`, `toc 2` once: rows indented by level, a dot leader to the first column
    and right tabs at each column's right edge (no right indent, as Word's own: LibreOffice drops a tab set beyond
    it, and the page number with it)."""
    styles, theme = state.document.styles, state.theme
    if style_id(TITLE_STYLE) in [s.style_id for s in styles]:
        return
    title = new_style(styles, TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH, True, base="Heading 1", following="Normal")
    title.paragraph_format.space_after = Pt(theme.pt("contents.title_after"))
    # not an outline level: the title is not a row of its own table (Heading 1's level 0 reset to body text)
    place(title.element.get_or_add_pPr(), "w:outlineLvl", val=9)
    width = state.text_width
    page = twips(theme.pt("contents.page_width"))
    columns = [width - page, width] if block.paragraphs else [width]
    for level in (1, 2):
        style = new_style(styles, ROW_STYLE.format(level=level), WD_STYLE_TYPE.PARAGRAPH, True, base="Normal",
                          following="Normal")
        pf = style.paragraph_format
        pf.left_indent = Pt(theme.pt("contents.indent") * (level - 1))
        pf.space_after = Pt(theme.pt("contents.row_after"))
        for index, position in enumerate(columns):
            leader = WD_TAB_LEADER.DOTS if index == 0 else WD_TAB_LEADER.SPACES
            pf.tab_stops.add_tab_stop(Twips(position), WD_TAB_ALIGNMENT.RIGHT, leader)


def _pages(state: WriterState) -> dict[str, str]:
    """The printed page of each heading the contents table of the document being written lists: the whole
    paper (a transmittal with its attached documents) laid out once by the PDF writer (only a contents table
    asks)."""
    if state.contents_pages is None:
        from ..pdf import heading_pages

        state.contents_pages = heading_pages(state.root or state.doc, state.theme)
    return state.contents_pages.get(state.doc.meta.symbol, {})


def _lines(state: WriterState, block: Contents) -> list[str]:
    """Each entry's text with a line break (`\\n`) wherever the PDF's contents row breaks it (`pdf.contents`: the
    text wraps left of the paragraph and page columns), the spaces at a break dropped: Word and LibreOffice wrap a
    row's text at the margin only, and set a range whose column the text's last line reaches right after it
    (`…of Expenditureparagraphs 1 to 3`); broken as the PDF breaks it, the last line leaves the range its column."""
    from ..pdf.contents import ContentsRow, contents_table
    from ..pdf.flowables import Builder

    builder = Builder(state.doc, state.theme, fonts(state), state.text_width / 20)
    rows = [flowable for flowable in contents_table(builder, block) if isinstance(flowable, ContentsRow)]
    lines = []
    for entry, row in zip(block.entries, rows):
        row.wrap(builder.width, float("inf"))
        text = row.text.setting.text
        lines.append("\n".join(text[start:end].rstrip() for start, end, _ in row.text.lines)
                     if text == entry.text else entry.text)  # a text the PDF sets otherwise: left to the margin
    return lines


def write_contents(state: WriterState, where: Where, block: Contents):
    """The title (`Contents` in capitals / `目 录`), then the field `TOC \\o "1-N" \\h \\z \\u` whose result is one
    paragraph per row: a link to the heading's bookmark holding its text (broken into the PDF's lines: `_lines`), a
    tab, the paragraph range and a tab (when asked), and a `PAGEREF` field showing the PDF's page number."""
    _styles(state, block)
    pages = _pages(state)
    texts = _lines(state, block)
    title = state.paragraph(where, TITLE_STYLE)
    add_run(title, block.title, Format(caps=True))
    instruction = f'TOC \\o "1-{block.depth}" \\h \\z \\u'
    if in_transmittal(state):
        instruction += f" \\b {span_name(state.doc)}"     # the headings of its own document only
    begin = field_runs(instruction, "")
    rows = block.entries or (None,)
    last = None
    for index, entry in enumerate(rows):
        p = state.paragraph(where, ROW_STYLE.format(level=entry.level if entry else 1))
        if index == 0:
            p._p.extend(begin[:3])            # begin, instruction, separate: the result follows
        if entry is not None:
            link = element("w:hyperlink")
            link.set(qn("w:anchor"), entry.target)
            link.set(qn("w:history"), "1")
            p._p.append(link)
            add_run(p, texts[index] + "\t" + (entry.paragraphs + "\t" if block.paragraphs else ""), sink=link)
            for run in field_runs(f"PAGEREF {entry.target} \\h", pages.get(entry.target, "")):
                link.append(run)
        last = p
    last._p.append(begin[-1])                 # end
    return last
