"""The page layout: A4 page templates (cover, body, annex-first, annex), parts, headers and footnote areas."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus.doctemplate import ActionFlowable, BaseDocTemplate, LayoutError, PageTemplate

from ...errors import InputError, problem

from ...source_date import source_date
from .footnotes import NoteFrame, PageNotes
from .furniture import draw_header, header_height
from .text import NOTE_CALLBACK

PAGE_SIZES = {"A4": A4}


class StartPart(ActionFlowable):
    """Marks where a part begins: its headers and page numbers apply from the next page."""

    def __init__(self, part):
        super().__init__()
        self.part = part

    def apply(self, doc):
        doc.pending = self.part


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
                         topMargin=margins["top"], bottomMargin=margins["bottom"], title=meta.title,
                         subject=meta.symbol, author=meta.author, creator="ccdocs", producer="ccdocs",
                         keywords=[meta.symbol], lang="en" if meta.lang == "en" else meta.locale_tag,
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
        self.addPageTemplates([
            PageTemplate("cover", [frames["cover"]], autoNextPageTemplate="body"),
            PageTemplate("body", [frames["body"]], onPage=self.header),
            PageTemplate("annex-first", [frames["annex-first"]], onPage=self.header, autoNextPageTemplate="annex"),
            PageTemplate("annex", [frames["annex"]], onPage=self.header),
        ])
        self.part = self.pending = None
        self.locate: Locate | None = None
        self.part_start = 1
        self.marks_on_page: list[str] = []

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
        if self.pending is not None:
            self.part, self.pending = self.pending, None
            if self.part.restart_pages:
                self.part_start = self.page + 1
        super().handle_pageBegin()
        self.frame.reserve(self.notes.start_page(self.frame._aH))

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
        number = self.page - self.part_start + 1 if part and part.restart_pages else self.page
        first = part is not None and part.restart_pages and number == 1 and part.first_header
        line = part.first_header if first else (part.header if part else self.builder.meta.page_word)
        draw_header(canv, self.builder, [self.builder.meta.symbol, line.replace("{page}", str(number))],
                    self.leftMargin, self.header_top, self.width)
