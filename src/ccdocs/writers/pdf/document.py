"""The page layout: A4 page templates (cover, body, annex-first, annex), parts, headers and footnote areas."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus.doctemplate import ActionFlowable, BaseDocTemplate, LayoutError, PageTemplate

from ...errors import InputError, problem

from ...source_date import source_date
from .canvas import PaperCanvas
from .footnotes import NoteFrame, PageNotes
from .furniture import RunningHeader, header_height
from .invisible import read_as
from .pagelabels import PageLabels
from .text import NOTE_CALLBACK, TextBlock

PAGE_SIZES = {"A4": A4}


def landscape_width(theme) -> float:
    """The text width of a landscape page of the theme's size (its margins as on the portrait pages)."""
    return PAGE_SIZES[theme.get("page.size", "A4")][1] - theme.pt("page.margins.left") - theme.pt("page.margins.right")


class StartPart(ActionFlowable):
    """Marks where a part begins: its headers and page numbers apply from the next page."""

    def __init__(self, part):
        super().__init__()
        self.part = part

    def apply(self, doc):
        doc.pending = self.part


class StartDocument(ActionFlowable):
    """Marks where an attached document begins: from the next page (its cover) its symbol heads the pages, which
    are numbered from its cover."""

    def __init__(self, symbol: str):
        super().__init__()
        self.symbol = symbol

    def apply(self, doc):
        doc.pending_symbol = self.symbol


class Locate(ActionFlowable):
    """Marks where a block's flowables begin: a block that cannot be laid out is reported at its `source`."""

    def __init__(self, source, what: str):
        super().__init__()
        self.source, self.what = source, what

    def apply(self, doc):
        doc.locate = self


class PaperTemplate(BaseDocTemplate):
    """A WO/CC paper: no header on the cover page, `symbol / page N` later, annexes numbered afresh, each page
    keeping room at its foot for the notes of the marks it carries; dated SOURCE_DATE_EPOCH, else its own date."""

    def __init__(self, buffer, builder, notes: PageNotes):
        theme, meta = builder.theme, builder.meta
        self.builder, self.notes = builder, notes
        margins = {side: theme.pt(f"page.margins.{side}") for side in ("top", "bottom", "left", "right")}
        size = PAGE_SIZES[theme.get("page.size", "A4")]
        super().__init__(buffer, pagesize=size, leftMargin=margins["left"], rightMargin=margins["right"],
                         topMargin=margins["top"], bottomMargin=margins["bottom"], title=read_as(meta.title),
                         subject=meta.symbol, author=read_as(meta.author), creator="ccdocs", producer="ccdocs",
                         keywords=[meta.symbol], lang=meta.language.pdf_tag,
                         invariant=1, displayDocTitle=1, pageCompression=1,
                         initialFontName=builder.fonts.face("latin_regular").name)
        self.header_top = size[1] - theme.pt("page.header_distance")
        below_header = size[1] - self.header_top + header_height(builder)
        frames = {}
        for name in ("cover", "body", "annex-first", "annex"):
            top = margins["top"] if name == "cover" else max(margins["top"], below_header)
            frames[name] = NoteFrame(margins["left"], margins["bottom"], self.width,
                                     size[1] - top - margins["bottom"], leftPadding=0, rightPadding=0,
                                     topPadding=0, bottomPadding=0, id=name, notes=notes, overlapAttachedSpace=1)
        turned = (size[1], size[0])     # a landscape page: the header as far below its top, the same margins
        for name in ("body", "annex-first", "annex"):
            frames[name + "-landscape"] = NoteFrame(
                margins["left"], margins["bottom"], turned[0] - margins["left"] - margins["right"],
                turned[1] - max(margins["top"], below_header) - margins["bottom"], leftPadding=0, rightPadding=0,
                topPadding=0, bottomPadding=0, id=name + "-landscape", notes=notes, overlapAttachedSpace=1)
        self.addPageTemplates([
            PageTemplate("cover", [frames["cover"]], autoNextPageTemplate="body"),
            PageTemplate("body", [frames["body"]], onPage=self.header),
            PageTemplate("annex-first", [frames["annex-first"]], onPage=self.header, autoNextPageTemplate="annex"),
            PageTemplate("annex", [frames["annex"]], onPage=self.header),
            PageTemplate("body-landscape", [frames["body-landscape"]], onPage=self.header, pagesize=turned),
            PageTemplate("annex-first-landscape", [frames["annex-first-landscape"]], onPage=self.header,
                         pagesize=turned, autoNextPageTemplate="annex-landscape"),
            PageTemplate("annex-landscape", [frames["annex-landscape"]], onPage=self.header, pagesize=turned),
        ])
        self.part = self.pending = self.pending_symbol = None
        self.symbol, self.document_start = meta.symbol, 1   # the document being laid out: its symbol, first page
        self.locate: Locate | None = None
        self.part_start = 1
        self.marks_on_page: list[str] = []
        self.labels = PageLabels()
        self.running = RunningHeader(builder)
        self.outline_pages: dict[str, int] = {}   # a heading's outline key -> its printed page number

    def build(self, flowables, filename=None, canvasmaker=PaperCanvas):
        """reportlab's build, drawn on a PaperCanvas."""
        super().build(flowables, filename, canvasmaker)

    @staticmethod
    def page_width(theme) -> float:
        """The width of the theme's page."""
        return PAGE_SIZES[theme.get("page.size", "A4")][0]

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.canv.setNamedCB(NOTE_CALLBACK, lambda canv, kind, label: self.marks_on_page.append(label))
        issued = self.builder.meta.issued
        if issued and source_date() is None:  # else reportlab stamps SOURCE_DATE_EPOCH itself
            stamp = "D:" + issued.replace("-", "")[:8] + "000000+00'00'"
            self.canv.setDateFormatter(lambda *when: stamp)

    def handle_flowable(self, flowables):
        """Lay out the next flowable; one that fits no page is an InputError at its block's source."""
        try:
            super().handle_flowable(flowables)
        except LayoutError:
            where = self.locate
            source = where.source if where else None
            raise InputError([problem(source.file if source else "document", source.line if source else None,
                                      f"{where.what if where else 'the text'} cannot be laid out on page "
                                      f"{self.page}: a part of it, or of the footnotes it marks, is taller than "
                                      "the page", "shorten it or its footnotes, or split them")]) from None

    def handle_pageBegin(self):
        if self.pending_symbol is not None:
            self.symbol, self.document_start, self.pending_symbol = self.pending_symbol, self.page + 1, None
        if self.pending is not None:
            self.part, self.pending = self.pending, None
            if self.part.restart_pages:
                self.part_start = self.page + 1
        super().handle_pageBegin()
        self.frame.reserve(self.notes.start_page(self.frame._aH))
        self.labels.page(self.canv, self.page, self.label_prefix(), self.printed_page())

    def printed_page(self) -> int:
        """This page's number as its header prints it: in its annex, else in its document."""
        part = self.part
        return self.page - (self.part_start if part and part.restart_pages else self.document_start) + 1

    def label_prefix(self) -> str:
        """What a viewer shows before this page's number: `Annex-`, `Annex II-` in an annex numbered afresh, the
        symbol first in an attached document; nothing in the paper's own pages."""
        names = [self.symbol] if self.symbol != self.builder.meta.symbol else []
        if self.part is not None and self.part.restart_pages and self.part.label:
            names.append(self.part.label)
        return ", ".join(names) + "-" if names else ""

    def afterFlowable(self, flowable):
        """Note the printed page of each heading with an outline entry (where its first line is drawn)."""
        if isinstance(flowable, TextBlock) and flowable.head and flowable.style.outline:
            self.outline_pages.setdefault(flowable.style.outline[0], self.printed_page())

    def handle_pageEnd(self):
        frame = self.frame
        stray = [label for label in self.marks_on_page if label not in self.notes.started]
        if stray:
            raise RuntimeError(f"page {self.page}: footnote marks {stray} are drawn without their notes")
        self.notes.draw(self.canv, frame._x1 + frame._leftPadding, frame._y1 + frame._bottomPadding)
        if self.notes.placed:
            self._curPageFlowableCount += 1     # a page of continued notes is not an empty page
        self.marks_on_page = []
        super().handle_pageEnd()

    def header(self, canv, doc):
        """The symbol, then the part's header line with this page's number in the part."""
        part = self.part
        number = self.printed_page()
        first = part is not None and part.restart_pages and number == 1 and part.first_header
        line = part.first_header if first else (part.header if part else self.builder.meta.page_word)
        width, height = canv._pagesize      # portrait or landscape: the header at the top right of either
        self.running.draw(canv, [self.symbol, line.replace("{page}", str(number))], self.leftMargin,
                          self.header_top - self.pagesize[1] + height, width - self.leftMargin - self.rightMargin)
