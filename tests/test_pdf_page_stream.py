"""A page's content stream (writers/pdf/canvas.py `page_stream`, issue 19) is its operators deflated at PAGE_LEVEL under
FlateDecode alone (no ASCII85 text a quarter larger), and reads back as the operators drawn."""

from __future__ import annotations

import zlib
from io import BytesIO

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from ccdocs.writers.pdf.canvas import PAGE_LEVEL, page_stream

CONTENT = "\n".join(["BT /F1 10.5 Tf 1 0 0 1 72 720 Tm [(\\000\\001) -250 (abc\\(d\\))] TJ ET",
                     "q 0 0 0 rg 72 700 m 300 700 l S Q", "é ünïcode in a comment ("] * 200) + "\n"


def test_a_page_stream_is_its_operators_deflated():
    stream = page_stream(CONTENT)
    written = pdfdoc.format(stream, Canvas(BytesIO())._doc, toplevel=1)
    assert b"/Filter [ /FlateDecode ]" in written
    assert b"ASCII85Decode" not in written
    assert zlib.decompress(stream.content) == CONTENT.encode("utf-8")  # as reportlab encodes a str's operators
    assert stream.content == zlib.compress(CONTENT.encode("utf-8"), PAGE_LEVEL)


def test_the_stream_is_written_with_its_length_and_bytes_as_they_are():
    stream = page_stream(CONTENT)
    written = pdfdoc.format(stream, Canvas(BytesIO())._doc, toplevel=1)
    assert f"/Length {len(stream.content)}".encode("ascii") in written
    assert stream.content in written
