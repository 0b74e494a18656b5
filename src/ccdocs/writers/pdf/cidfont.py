"""A TrueType face embedded as one composite font (PDF 1.7 §9.7): every glyph a document uses in one subset.

reportlab embeds a TrueType face as simple fonts of 256 glyphs each, so a Chinese line changes font (`Tf`) and
starts a new string wherever its characters fall in different subsets. `CIDTrueType` codes each character in two
bytes instead: a `Type0` font, encoding `Identity-H`, over one `CIDFontType2` whose program is one subset of the
face (reportlab's `TTFontFile.makeSubset`, which takes any number of glyphs). A character's code (its CID) is the
order in which the document first showed it (1, 2, …; 0 is the missing glyph); `CIDToGIDMap` maps it to its glyph
in the subset, `W` gives the advances and a `ToUnicode` CMap gives the text back to readers (an Arabic
presentation form as the letters it stands for). A face holding the ideographs or Arabic's presentation forms
is one (faces.loaded).
"""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from functools import lru_cache
from itertools import count, repeat

import reportlab
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, TTFontFace

from ... import cache

CMAP_BLOCK = 100  # entries a beginbfchar block may hold (PDF 1.7 §9.10.3)
POSITIONAL = ("<initial>", "<medial>", "<final>", "<isolated>")  # the decomposition tags of the presentation forms
KEPT_SIZE = 16 * 1024  # bytes: a stream at least this long is compressed once per user (`compressed`): font programs


class Coding:
    """The codes one document gives a face's characters: `codes` maps a character to its two bytes, `escaped` to
    them as a PDF string holds them (rl_accel.escapePDF, which escapes each byte alone: a text's string is its
    characters' joined), `shown` lists the characters in code order (code n is shown[n - 1]), `name` is the font's
    resource name once asked for. `glyphs`: the face's character map (code point -> glyph)."""

    def __init__(self, glyphs: dict):
        self.glyphs = glyphs
        self.codes: dict[str, bytes] = {}
        self.escaped = Escaped(self)
        self.shown: list[str] = []
        self.name: str | None = None

    def add(self, ch: str) -> None:
        """Give `ch` the next code, the missing glyph's (0) if the face has none, a no-break space the space's (as
        reportlab does)."""
        if ch in self.codes:
            return
        if ch == "\xa0":
            self.add(" ")
            self.codes[ch], self.escaped[ch] = self.codes[" "], self.escaped[" "]
        elif ord(ch) in self.glyphs:
            self.shown.append(ch)
            self.codes[ch], self.escaped[ch] = code_strings(len(self.shown))
        else:
            self.codes[ch], self.escaped[ch] = code_strings(0)


class Escaped(dict):
    """A Coding's characters -> their escaped codes; looking up a character not coded yet codes it (`Coding.add`),
    so a text's string is one C-speed pass over its characters, new ones coded in the order of their first use."""

    def __init__(self, coding: Coding):
        super().__init__()
        self.coding = coding

    def __missing__(self, ch: str) -> str:
        coding = self.coding
        if ch not in coding.codes and ch != "\xa0" and ord(ch) in coding.glyphs:
            # `Coding.add`'s common case, in line: a call less per character a document shows
            coding.shown.append(ch)
            coding.codes[ch], escaped = code_strings(len(coding.shown))
            self[ch] = escaped
            return escaped
        coding.add(ch)
        return self[ch]


class CIDTrueType(TTFont):
    """A reportlab TrueType font whose text is coded in two bytes per character against one composite font per
    document: `splitString` returns one piece, [(0, bytes)], and `addObjects` writes the Type0 font."""

    code_bytes = 2  # bytes per character in what splitString returns

    def coding(self, doc) -> Coding:
        """The codes of this font in `doc` (reportlab's per-document state slot)."""
        coding = self.state.get(doc)
        if coding is None:
            coding = self.state[doc] = Coding(self.face.charToGlyph)
            coding.add(" ")  # always there, as in reportlab's first subset: text extractors
            # (pypdf) tell a gap between words by the width of the font's space
        return coding

    def splitString(self, text, doc, encoding="utf-8"):
        """`text` (str) coded for `doc`: [(0, two bytes per character)]; characters met first are given codes."""
        coding = self.coding(doc)
        try:
            return [(0, b"".join(map(coding.codes.__getitem__, text)))]
        except KeyError:
            for ch in dict.fromkeys(text):  # each character once, in the order of its first use
                coding.add(ch)
            return [(0, b"".join(map(coding.codes.__getitem__, text)))]

    def getSubsetInternalName(self, subset, doc):
        """The resource name (/F3) of the font in `doc`; asking for it first puts the font in the document."""
        coding = self.coding(doc)
        if coding.name is None:
            coding.name = f"F{len(doc.fontMapping) + 1}"
            doc.fontMapping[self.fontName] = "/" + coding.name
            doc.delayedFonts.append(self)
        return "/" + coding.name

    def addObjects(self, doc):
        """Write the Type0 font, its CIDFontType2, descriptor, subset program and CMaps into `doc` (at save)."""
        coding = self.coding(doc)
        face = self.face
        base = (SUBSETN(0) + b"+" + face.name + face.subfontNameX).decode("pdfdoc")
        glyphs = list(map(ord, coding.shown))
        # makeSubset numbers the glyphs in the order of their first character, after the missing glyph (0): each
        # character's glyph in the subset, found in C (a Chinese paper shows a thousand characters)
        gids = list(map(face.charToGlyph.__getitem__, glyphs))
        numbered = dict(zip(dict.fromkeys([0, *gids]), count()))
        cid_to_gid = [0, *map(numbered.__getitem__, gids)]

        program = pdfdoc.PDFStream(content=subset_program(face, tuple(glyphs)))
        program.dictionary["Length1"] = len(program.content)
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor", "FontName": pdfdoc.PDFName(base),
            "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC, "FontBBox": pdfdoc.PDFArray(face.bbox),
            "ItalicAngle": face.italicAngle, "Ascent": face.ascent, "Descent": face.descent,
            "CapHeight": face.capHeight, "StemV": face.stemV, "MissingWidth": face.defaultWidth,
            "FontFile2": self.stream(doc, program, f"fontFile:{face.filename}({base})"),
        })
        identity = cid_to_gid == list(range(len(cid_to_gid)))
        descendant = pdfdoc.PDFDictionary({
            "Type": "/Font", "Subtype": "/CIDFontType2", "BaseFont": pdfdoc.PDFName(base),
            "CIDSystemInfo": pdfdoc.PDFDictionary({"Registry": pdfdoc.PDFString("Adobe"),
                                                   "Ordering": pdfdoc.PDFString("Identity"), "Supplement": 0}),
            "FontDescriptor": doc.Reference(descriptor, "fontDescriptor:" + base),
            "DW": face.defaultWidth,
            "W": pdfdoc.PDFArray([1, NumberArray(list(map(face.charWidths.get, glyphs, repeat(face.defaultWidth))))]),
            "CIDToGIDMap": "/Identity" if identity else self.stream(
                doc, pdfdoc.PDFStream(content=b"".join(g.to_bytes(2, "big") for g in cid_to_gid)),
                "cidToGidMap:" + base),
        })
        font = pdfdoc.PDFDictionary({
            "Type": "/Font", "Subtype": "/Type0", "BaseFont": pdfdoc.PDFName(base), "Encoding": "/Identity-H",
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(descendant, "cidFont:" + base)]),
            "ToUnicode": self.stream(doc, pdfdoc.PDFStream(content=to_unicode(coding.shown)), "toUnicodeCMap:" + base),
        })
        doc.idToObject["BasicFonts"].dict[coding.name] = doc.Reference(font, coding.name)
        del self.state[doc]

    @staticmethod
    def stream(doc, stream, name: str):
        """A reference to `stream` in `doc`, compressed as the document's streams are (`deflated`)."""
        deflated(doc, stream)
        return doc.Reference(stream, name)


class NumberArray(pdfdoc.PDFObject):
    """A PDF array of numbers formatted at once, as reportlab's PDFArray formats them one by one (ten a line): a
    composite font's widths are a thousand numbers."""

    def __init__(self, numbers: list):
        self.numbers = numbers

    def format(self, document) -> bytes:
        rows = [fp_str(*self.numbers[at:at + 10]) for at in range(0, len(self.numbers), 10)]
        return b"[ " + " \n  ".join(rows).encode("ascii") + b" ]"


@lru_cache(maxsize=16)
def subset_program(face, glyphs: tuple) -> bytes:
    """The font program of `face` holding `glyphs` (code points), reportlab's `makeSubset`; made once per process
    for a face and glyph list (a rebuild of the same text, a batch's documents sharing their glyphs, a Latin
    face's subsets: faces.TablesOnce.makeSubset), and kept in the per-user cache for the next build's workers
    (a Chinese face's subset reads the face's glyph table: ~50-90 ms a first write) under the face file's identity
    (`face.identity`, which faces.loaded gives a face: its resolved path, index, size and modification time),
    reportlab's version and the glyphs. A face without an identity is not kept."""
    identity = getattr(face, "identity", None)
    entry = None if identity is None else cache.entry("program", *identity, reportlab.Version, glyphs)
    program = None if entry is None else cache.read(entry)
    if program is None:
        program = TTFontFace.makeSubset(face, list(glyphs))
        if entry is not None:
            cache.write(entry, program)
    return program


@lru_cache(maxsize=32)
def compressed(content: bytes) -> bytes:
    """`content` compressed as reportlab compresses a stream (`PDFZCompress`), once per process for equal bytes;
    one of at least KEPT_SIZE bytes (a font program: a Chinese subset's half a megabyte takes ~40 ms) once per
    user, kept under the digest of its bytes, reportlab's version (its filter) and zlib's."""
    if not isinstance(content, bytes) or len(content) < KEPT_SIZE:
        return pdfdoc.PDFZCompress.encode(content)
    entry = cache.entry("deflated", hashlib.sha256(content).hexdigest(), reportlab.Version, zlib.ZLIB_RUNTIME_VERSION)
    found = cache.read(entry)
    if found is None:
        found = pdfdoc.PDFZCompress.encode(content)
        cache.write(entry, found)
    return found


def deflated(doc, stream: pdfdoc.PDFStream) -> None:
    """Compress `stream` now as `doc` compresses its streams when it saves them (its `/Filter` then tells the save
    it is done): the same content once per process (`compressed`; a Chinese subset program is half a megabyte, a
    Latin one 25 KB and the same from one write to the next)."""
    if doc.compression:
        stream.content = compressed(stream.content)
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])


def text_of(ch: str) -> str:
    """The text a reader extracts for `ch`: an Arabic presentation form (a contextual form or ligature, whose
    compatibility decomposition is tagged <initial>, <medial>, <final> or <isolated>) as the letters it stands for
    (NFKC: U+FE8D → U+0627), in display order as the writer draws right-to-left text (rtl.displayed: the lam-alef
    U+FEFB → U+0627 U+0644), so that a reader putting the line back in logical order character by character
    (pdftotext, pdf.js) reads لا; any other character as itself.

    >>> text_of("\ufefb"), text_of("\ufe8d"), text_of("\uff0c")
    ('ال', 'ا', '，')
    """
    if not unicodedata.decomposition(ch).startswith(POSITIONAL):
        return ch
    from .rtl import displayed  # only for the presentation forms rtl.shaped draws: no shaper loaded otherwise
    return displayed(unicodedata.normalize("NFKC", ch), 1)


@lru_cache(maxsize=1 << 16)
def code_strings(code: int) -> tuple[bytes, str]:
    """A composite font's two-byte `code` and the same as a PDF string holds it (rl_accel.escapePDF), made once per
    process (the n-th character a document shows has code n)."""
    data = code.to_bytes(2, "big")
    return data, escapePDF(data)


@lru_cache(maxsize=1 << 16)
def utf16_hex(ch: str) -> str:
    """The text a reader extracts for `ch` (`text_of`) as a CMap writes it: UTF-16BE in upper-case hexadecimal
    digits; once per process for a character."""
    return text_of(ch).encode("utf-16-be").hex().upper()


def to_unicode(shown: list[str]) -> bytes:
    """The ToUnicode CMap of two-byte codes 1… standing for the characters `shown`, each as `text_of` gives it
    (UTF-16BE, so a character beyond the BMP as its surrogate pair; a ligature as several: PDF 1.7 §9.10.3)."""
    entries = [f"<{n:04X}> <{digits}>" for n, digits in enumerate(map(utf16_hex, shown), 1)]
    blocks = []
    for at in range(0, len(entries), CMAP_BLOCK):
        chunk = entries[at:at + CMAP_BLOCK]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
        *blocks, "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]).encode("ascii")
