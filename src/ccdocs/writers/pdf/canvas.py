"""The canvas a paper is drawn on: reportlab's, its pages' content streams encoded as reportlab encodes them, with
fewer steps on the way to the file's bytes."""

from __future__ import annotations

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas


class PaperCanvas(Canvas):
    """reportlab's Canvas, whose `save` first turns each page's content (a str of operators) into its stream
    (`page_stream`)."""

    def save(self):
        for page in self._doc.Pages.pages:
            if page.compression and page.stream and not page.Contents and not page.Override_default_compilation:
                page.Contents = page_stream(page.stream)
        super().save()


def page_stream(content: str) -> pdfdoc.PDFStream:
    """The compressed content stream `PDFPage.check_format` makes of a page's `content`, its filters applied now
    and the result kept as bytes, which saving writes as they are (`PDFStream.format` applies no filter to a stream
    whose dictionary names them). The same bytes: reportlab's filters (Flate, then ASCII85 unless
    `rl_config.useA85` is off) in its order, the ASCII85 text encoded as ASCII, where reportlab passes the whole of
    it (15 KB a page of Chinese) through its PDFDocEncoding codec's per-character table, which maps ASCII to
    itself."""
    filters = [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress] if rl_config.useA85 else [pdfdoc.PDFZCompress]
    for each in reversed(filters):
        content = each.encode(content)
    if isinstance(content, str):
        content = content.encode("ascii") if content.isascii() else pdfdoc.pdfdocEnc(content)
    stream = pdfdoc.PDFStream(content=content)
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(each.pdfname) for each in filters])
    stream.__Comment__ = "page stream"
    return stream
