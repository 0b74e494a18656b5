"""A page's content stream, filtered before the save (writers/pdf/canvas.py `page_stream`, issue 19), is written as
the one reportlab's `PDFPage.check_format` makes: the same bytes, with ASCII85 on and off."""

from __future__ import annotations

from io import BytesIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from ccdocs.writers.pdf.canvas import page_stream


def test_a_page_stream_is_written_as_reportlabs():
    canvas = Canvas(BytesIO())
    content = "\n".join(["BT /F1 10.5 Tf 1 0 0 1 72 720 Tm [(\\000\\001) -250 (abc\\(d\\))] TJ ET",
                         "q 0 0 0 rg 72 700 m 300 700 l S Q", "é ünïcode in a comment ("] * 200) + "\n"
    for a85 in (1, 0):
        rl_config.useA85, saved = a85, rl_config.useA85
        try:
            ours = page_stream(content)
            theirs = pdfdoc.PDFStream(content=content, filters=[pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress]
                                      if a85 else [pdfdoc.PDFZCompress])
            assert pdfdoc.format(ours, canvas._doc, toplevel=1) == pdfdoc.format(theirs, canvas._doc, toplevel=1)
        finally:
            rl_config.useA85 = saved

