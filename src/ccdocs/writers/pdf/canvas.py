"""The canvas a paper is drawn on: reportlab's, its pages' content streams encoded as reportlab encodes them, with
fewer steps on the way to the file's bytes."""

from __future__ import annotations

import re
from functools import cache

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas


class PaperCanvas(Canvas):
    """reportlab's Canvas, whose `save` first turns each page's content (a str of operators) into its stream
    (`page_stream`), then formats the file's objects with their texts encoded by `pdfdoc_encoder`'s."""

    def save(self):
        for page in self._doc.Pages.pages:
            if page.compression and page.stream and not page.Contents and not page.Override_default_compilation:
                page.Contents = page_stream(page.stream)
        # reportlab's objects reach `pdfdoc.pdfdocEnc` (the module's name, read at each call) for every text they
        # write: while this file is formatted, it is `pdfdoc_encoder`'s over reportlab's own, then reportlab's again
        encode = pdfdoc.pdfdocEnc
        pdfdoc.pdfdocEnc = pdfdoc_encoder(encode)
        try:
            super().save()
        finally:
            pdfdoc.pdfdocEnc = encode


def pdfdoc_encoder(encode):
    """`encode` (reportlab's `pdfdocEnc`: a str in PDFDocEncoding through its `extpdfdoc` codec, a table looked up
    per character, 2% of a Chinese paper's write) giving an ASCII text without a character reportlab's codec does
    not give as itself (`unmapped`) as its ASCII bytes: the same bytes, one pass in C. Object numbers, names,
    numbers, the cross-reference table are such texts."""
    search = unmapped().search

    def encoded(text):
        if text.__class__ is str and text.isascii() and search(text) is None:
            return text.encode("ascii")
        return encode(text)

    return encoded


@cache
def unmapped() -> re.Pattern:
    """The ASCII characters reportlab's `extpdfdoc` codec does not encode as their ASCII byte (U+0018-U+001F,
    which it refuses), as a regex class; found by asking the codec, once per process."""
    odd = []
    for code in range(128):
        try:
            same = chr(code).encode("extpdfdoc") == bytes((code,))
        except UnicodeEncodeError:
            same = False
        if not same:
            odd.append(re.escape(chr(code)))
    return re.compile(f"[{''.join(odd)}]" if odd else "(?!)")


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
