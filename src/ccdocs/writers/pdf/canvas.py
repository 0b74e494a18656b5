"""The canvas a paper is drawn on: reportlab's, its pages' content streams encoded as reportlab encodes them, with
fewer steps on the way to the file's bytes."""

from __future__ import annotations

import re
import zlib
from functools import cache

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

PAGE_LEVEL = 5  # zlib's compression level of the pages' content streams (`page_stream`)


class PaperCanvas(Canvas):
    """reportlab's Canvas, whose `save` first turns each page's content (a str of operators) into its deflated
    stream (`page_stream`), then formats the file's objects with their texts encoded by `pdfdoc_encoder`'s; a form
    XObject (`endForm`) carries the resources its stream names, as a page does."""

    def endForm(self, **extra_attributes):
        """reportlab's endForm, the form given the resources a page is given: reportlab's form lists only the fonts
        and the images, while the stream of an SVG's form (`images.svg_form`) names svglib's graphics states
        (`/gRLs0 gs`: a fill- or stroke-opacity, `transparent`) and shadings (`/Sh0 sh`: a gradient), which a
        reader not finding them skips (a gradient printed as the black of its clip, an opacity opaque)."""
        resources = pdfdoc.PDFResourceDictionary(ExtGState=self._extgstate.getState() or {})
        resources.basicFonts()
        resources.allProcs()
        if self._formsinuse:
            resources.XObject = self._doc.xobjDict(self._formsinuse)
        resources.setShading(self._shadingUsed)
        resources.setColorSpace(self._colorsUsed)
        super().endForm(Resources=resources, **extra_attributes)

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
    """The content stream of a page's `content` (a str of operators, encoded in UTF-8 as reportlab encodes it),
    deflated now at PAGE_LEVEL, its `/Filter` FlateDecode alone; saving writes its bytes as they are (`PDFStream.format`
    applies no filter to a stream whose dictionary names them).

    reportlab would deflate it at zlib's default level (6), then ASCII85-encode it (`rl_config.useA85`, for 7-bit
    channels no PDF travels over now): a quarter larger, and the time of a pass over it. Level 5 is measured on the
    Chinese sample's pages (314 KB of operators): 59.5 KB against 58.6 KB at level 6 in 35% less time (its pages
    are a twelfth of the file; the ASCII85 text was 73 KB)."""
    stream = pdfdoc.PDFStream(content=zlib.compress(content.encode("utf-8"), PAGE_LEVEL))
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
    stream.__Comment__ = "page stream"
    return stream
