"""The review as a Word document, for reviewers who annotate in Word: a bilingual table, changes as revisions.

One table of three columns, a row per segment in document order: the paragraph (`report ¶12`, its status when
not translated, and its file and line), the source, the translation. A fuzzy row's source shows the change
since the translation was made as Word revisions, word by word from the previous msgid (`#|`) to the current
one: removed words in `w:del` (struck through), new words in `w:ins` (underlined), so that Word's Review pane
lists them and "Accept" gives the current source. A fuzzy or failing row's translation carries a Word comment
(`word/comments.xml`, by python-docx's comments API) naming what to do and each failing check.
"""

from __future__ import annotations

import io
from collections import Counter

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..oxml.revisions import revision_run
from ..oxml.tables import cell_margins, cell_width, fixed_layout, repeat_header
from ..oxml.text import set_borders, set_fonts, set_lang
from ..oxml.xml import element, props, twips
from ..l10n.language import as_language
from ..pipeline import Sources, assessed
from ..writers.docx.skeleton import new_document
from .extract import location, stamp
from .review import language_name, word_changes

AUTHOR = "ccdocs"
LATIN, EAST_ASIAN = "Arial", "SimSun"
WIDTHS = (Cm(3.6), Cm(11.6), Cm(11.5))  # paragraph, source, translation: A4 landscape less 1.5 cm margins
GRID = {edge: (0.5, "808080", 0) for edge in ("top", "left", "bottom", "right", "insideH", "insideV")}
FUZZY_NOTE = ("Fuzzy: the English changed since this translation was made (tracked changes in the English "
              "column). Check the translation, then remove the fuzzy flag in the catalog.")


def _fonts(rpr, lang: str):
    """`rpr` (a `w:rPr`) with the review's fonts and the language of the text."""
    set_fonts(rpr, LATIN, EAST_ASIAN)
    profile = as_language(lang)
    set_lang(rpr, profile.tag, profile.east_asian_tag)
    return rpr


def _text_run(paragraph, text: str, lang: str, size: float | None = None, italic: bool = False):
    run = paragraph.add_run(text)
    _fonts(props(run._r, "w:rPr"), lang)
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)
    return run


def _revised(paragraph, old: str, new: str, lang: str, ids: Counter, when: str) -> None:
    """`new` in `paragraph`, the words changed since `old` as tracked deletions and insertions."""
    for kind, text in word_changes(old, new):
        if kind == "equal":
            _text_run(paragraph, text, lang)
            continue
        ids["revision"] += 1
        paragraph._p.append(revision_run(text, kind, ids["revision"], AUTHOR, when, _fonts(element("w:rPr"), lang)))


def _remarks(item) -> list[str]:
    """What the comment on a row says: the fuzzy note, then each failing check without the row's name."""
    found = [FUZZY_NOTE] if item.status == "fuzzy" else []
    return found + [message.removeprefix(f"{item.place}: ") for message in item.problems]


def review_docx(sources: Sources, lang: str) -> bytes:
    """The review of a document's translation into `lang` as DOCX bytes (see the module's description)."""
    spec = sources.spec
    items = assessed(sources, lang, named=True)
    when = stamp(spec).strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = new_document(next(filter(None, (as_language(code).east_asian_tag for code in (lang, spec.source))), None),
                       720)
    doc.core_properties.author = AUTHOR
    doc.core_properties.title = f"{spec.symbol}: {language_name(lang)} translation review"
    doc.core_properties.created = doc.core_properties.modified = stamp(spec)
    doc.core_properties.last_modified_by = AUTHOR
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1.5)
    section.header_distance = section.footer_distance = Cm(1.0)
    section.gutter = 0
    _text_run(doc.add_paragraph(), doc.core_properties.title, "en", 16).bold = True
    counts = Counter(item.status for item in items)
    _text_run(doc.add_paragraph(), f"{len(items)} segments: " + ", ".join(
        f"{counts[status]} {status}" for status in ("translated", "fuzzy", "untranslated", "failing")), "en")

    table = doc.add_table(rows=1, cols=3)
    fixed_layout(table._tbl, sum(width.twips for width in WIDTHS))
    set_borders(props(table._tbl, "w:tblPr"), "w:tblBorders", GRID)
    cell_margins(props(table._tbl, "w:tblPr"), twips(2), twips(4), twips(2), twips(4))
    for cell, title in zip(table.rows[0].cells, ("Paragraph", language_name(spec.source),
                                                 language_name(lang))):
        _text_run(cell.paragraphs[0], title, "en").bold = True
    repeat_header(table.rows[0]._tr)
    ids: Counter = Counter()
    for item in items:
        where, source, target = table.add_row().cells
        _text_run(where.paragraphs[0], item.place, "en").bold = True
        detail = where.add_paragraph()
        if item.status != "translated":
            _text_run(detail, f"{item.status} · ", "en", 8, italic=True)
        _text_run(detail, f"{location(spec.folder, item.segment.file)}:{item.segment.line}", "en", 8)
        if item.status == "fuzzy" and item.previous:
            _revised(source.paragraphs[0], item.previous, item.segment.msgid, spec.source, ids, when)
        else:
            _text_run(source.paragraphs[0], item.segment.msgid, spec.source)
        anchor = [_text_run(target.paragraphs[0], item.translation, lang)] if item.translation else \
            [_text_run(target.paragraphs[0], "not translated", "en", italic=True)]
        remarks = _remarks(item)
        if remarks:
            comment = doc.add_comment(anchor, remarks[0], author=AUTHOR, initials="cc")
            comment._comment_elm.set(qn("w:date"), when)  # python-docx stamps the clock time: the build's date
            for remark in remarks[1:]:
                comment.add_paragraph(remark)
    for column, width in zip(table.columns, WIDTHS):
        column.width = width
        for cell in column.cells:
            cell_width(cell._tc, width.twips)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
