"""The DOCX writer's state: the document being built and what the writing has reached."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.blkcntnr import BlockItemContainer
from docx.oxml.simpletypes import ST_TwipsMeasure
from docx.shared import Pt

from ...model import Document
from ...oxml import FootnotesPart, place, props
from ...theme import Theme
from .styles import add_styled


@dataclass
class Where:
    """Where blocks go: a container (body, cell, footnote) and the style of its plain paragraphs."""

    container: BlockItemContainer
    style: str = "Normal"
    level: int = 0


@dataclass
class WriterState:
    """The python-docx document, the footnotes part, and the running numbers of paragraphs and notes."""

    doc: Document
    theme: Theme
    document: object
    footnotes: FootnotesPart
    lang: str
    numbering: object
    text_width: int                        # twips between the margins
    sequence: tuple | None = None          # (numId, the next number it will show)
    next_note: int = 1                     # the number Word gives the next auto-numbered footnote
    page_break: bool = False               # the next paragraph starts a page
    after_table: bool = False              # the next paragraph follows a table: space above it
    next_bookmark: int = 0                 # the w:id of the next bookmark (w:bookmarkStart/End), for any that adds one
    contents_pages: dict | None = None     # a contents table's heading -> its page in the PDF layout (laid out once)
    fonts: object = None                   # the faces tables are measured with (pdf.faces.FontSet), on first use
    measure: object = None                 # their measure (widths.Remembered), on first use
    anchors: dict = field(default_factory=dict)   # anchor id -> its bookmark's name (writers.docx.references)
    numerals: dict = field(default_factory=dict)  # anchor id -> the number a reference shows of its prefix
    bookmark_names: set = field(default_factory=set)  # the anchors' bookmark names of every document written
    root: Document | None = None           # the paper written, when `doc` is a document it attaches
    rows: dict = field(default_factory=dict)  # table rows' shells by the table's shape and the row's kind (tables.py)
    # what python-docx would search the package for at each chart, picture and link (writers.docx.parts):
    related: dict = field(default_factory=dict)   # (source part, type, target part or URL) -> the rId relating them
    pictures: dict = field(default_factory=dict)  # a stored picture's SHA-1 -> its media part
    vectors: dict = field(default_factory=dict)   # a stored SVG's bytes -> its part
    charts_made: int = 0                   # the chart parts made (`word/charts/chartN.xml`)
    next_shape: int = 0                    # the id of the next drawing (`wp:docPr/@id`); 0 before the first

    def paragraph(self, where: Where, style: str, number: int | None = None):
        """A new paragraph in `where`, numbered in the list `number` (a numId) when given; the first after a part
        break starts a page, one after a table has air."""
        p = add_styled(where.container, style, number)
        if self.page_break:   # python-docx's `page_break_before` and `space_before`, without their searches
            place(props(p._p, "w:pPr"), "w:pageBreakBefore")
            self.page_break = False
        if self.after_table:
            place(props(p._p, "w:pPr"), "w:spacing",
                  before=ST_TwipsMeasure.to_xml(Pt(self.theme.pt("spacing.paragraph_after"))))
            self.after_table = False
        return p

    @property
    def language(self):
        """The profile of the language written (l10n.language.Language)."""
        return self.doc.meta.language

    @property
    def body(self) -> BlockItemContainer:
        """The document body as a block container."""
        return BlockItemContainer(self.document.element.body, self.document.part)
