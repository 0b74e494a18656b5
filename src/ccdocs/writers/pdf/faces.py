"""The faces of one PDF: resolved font files registered with reportlab once, measured per character."""

from __future__ import annotations

import gc
import hashlib
import marshal
import mmap
import pickle
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from ... import cache
from ...l10n.fonts import FontFile, FontResolver
from .cidfont import CIDTrueType, NumberArray, deflated, subset_program

IDEOGRAPH = 0x4E00  # 一: a face holding it serves Chinese (or Japanese, Korean) text
PRESENTATION_FORM = 0xFE8D  # ARABIC LETTER ALEF ISOLATED FORM: a face holding it draws shaped Arabic (rtl.shaped)
CACHE_FORMAT = 3  # raise when what `_stored` keeps changes
UNSTORED = ("_ttf_data", "_pdfScale", "_tables")  # the file's bytes (read again), a lambda only extractInfo
# uses, the tables read for subsets
# What only making a subset (a glyph's place and metrics in the file) or reportlab's own shaping reads of a face:
# kept in the cache entry apart, read on first use (`TablesOnce.__getattr__`). A Chinese face's are 100,000 small
# objects (some 10 ms and 12 MB to read, of 18 ms and 16 MB), which a build whose subsets are kept never reads.
LATER = ("hmetrics", "glyphPos", "glyphToChar")


@dataclass(frozen=True, eq=False)
class Face:
    """A registered TrueType face: its reportlab name, family, glyph map and advance widths (1/1000 em). One
    object per registered font and process (`measured_face`), whose name `registered` fixes by font file, index,
    size and time: faces compare and hash by identity, in C (runs and the widths tables key on them many times a
    write), and a face's runs are kept from one write to the next (`setting.measured`).
    `held`: a `str.translate` table deleting every character the face holds, and line breaks (`held_table`)."""

    name: str
    family: str
    glyphs: dict
    widths: dict
    default_width: float
    held: dict = field(repr=False)

    def has(self, ch: str) -> bool:
        """Whether the face holds a glyph for `ch`."""
        return ord(ch) in self.glyphs

    def holds(self, text: str) -> bool:
        """Whether the face holds a glyph for every character of `text` but line breaks: nothing is left once they
        are deleted (one pass in C, where a set of the characters cost a hash table per text)."""
        return not text.translate(self.held)

    def width(self, ch: str) -> float:
        """The advance of `ch` in 1/1000 em."""
        return self.widths.get(ord(ch), self.default_width)

    def advance(self, text: str) -> float:
        """The advances of `text`'s characters summed in order, in 1/1000 em (each as `width` gives it)."""
        return sum(map(self.widths.get, map(ord, text), repeat(self.default_width)))


class TablesOnce(TTFontFace):
    """reportlab's face, each of whose tables is read from the file once (reportlab copies the tables it needs
    each time it makes a subset of 256 glyphs, the glyph table of a Chinese face (17 MB) among them), and each of
    whose subset programs is made once per process. A face read from the cache reads its LATER tables on their
    first use."""

    def __getattr__(self, name):
        later = self.__dict__.get("_later") if name in LATER else None
        if later is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        del self.__dict__["_later"]
        self.__dict__.update(marshal.loads(later))
        return self.__dict__[name]

    def get_table(self, tag):
        tables = self.__dict__.setdefault("_tables", {})
        if tag not in tables:
            tables[tag] = super().get_table(tag)
        return tables[tag]

    def addSubsetObjects(self, doc, fontname, subset):
        """reportlab's font descriptor of a subset and its program, the program compressed once per process for
        the same bytes (cidfont.deflated)."""
        descriptor = super().addSubsetObjects(doc, fontname, subset)
        deflated(doc, doc.idToObject[f"fontFile:{self.filename}({fontname})"])  # the name reportlab gives it
        return descriptor

    def makeSubset(self, subset):
        """reportlab's font program holding `subset` (code points), made once per process for the same face and
        subset (cidfont.subset_program): a Latin face's subsets of 256 glyphs are the same from one write to the
        next."""
        return subset_program(self, tuple(subset))


class SubsetTrueType(TTFont):
    """reportlab's TrueType font, embedded as simple fonts of 256 glyphs each, whose widths arrays are formatted at
    once (cidfont.NumberArray: the same bytes as reportlab's PDFArray, which formats each number through its own
    dispatch; a subset's are 256 numbers)."""

    def addObjects(self, doc):
        state = self.state.get(doc)
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(state.subsets))] if state else []
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            fonts[name].Widths = NumberArray(fonts[name].Widths.sequence)


def identity(font: FontFile) -> tuple:
    """What names the version of a face's file: (resolved path, face index, size, modification time in ns)."""
    stat = font.path.stat()
    return font.path.resolve(), font.index, stat.st_size, stat.st_mtime_ns


def cache_entry(font: FontFile, folder: Path | None = None, named: tuple | None = None) -> Path:
    """The cache entry of a face: named by its file's `identity` (`named`, found when None), and the Python and
    reportlab versions."""
    return cache.entry("face", *(named or identity(font)), reportlab.Version, CACHE_FORMAT, sys.version_info[:2],
                       marshal.version, folder=folder)


def _stored(ttf: TTFont) -> bytes:
    """What parsing a font file found: the font's and its face's attributes, less the file's bytes; the glyph
    tables (plain ints, floats, lists and dicts) marshalled, which loads twice as fast as pickle."""
    face = {k: v for k, v in vars(ttf.face).items() if k not in UNSTORED}
    plain = {}
    for key, value in face.items():
        try:
            marshal.dumps(value)  # refuses the subclasses (reportlab's name bytes) that pickle keeps
        except ValueError:
            continue
        plain[key] = value
    later = {key: plain.pop(key) for key in LATER if key in plain}
    return pickle.dumps({"font": {k: v for k, v in vars(ttf).items() if k not in ("face", "state")},
                         "face": {k: v for k, v in face.items() if k not in plain and k not in later},
                         "plain": marshal.dumps(plain), "later": marshal.dumps(later)},
                        protocol=pickle.HIGHEST_PROTOCOL)


def _mapped(path: Path) -> mmap.mmap:
    """The bytes of a font file, read from the page cache as reportlab slices them (a CJK file is 20 MB)."""
    with open(path, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _restored(data: bytes, font: FontFile) -> TTFont | None:
    """The font `_stored` described, over the font file's bytes, as TTFont() made it; None if it is damaged."""
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of small containers: collections would only slow the load
    try:
        stored = pickle.loads(data)
        face = TablesOnce.__new__(TablesOnce)
        face.__dict__.update(marshal.loads(stored["plain"]), **stored["face"], _ttf_data=_mapped(font.path),
                             _later=stored["later"])
        ttf = TTFont.__new__(TTFont)
        ttf.__dict__.update(stored["font"], face=face, state=WeakKeyDictionary())
        return ttf
    except Exception:  # noqa: BLE001 - a damaged entry is parsed again
        return None
    finally:
        if collecting:
            gc.enable()


def loaded(font: FontFile, name: str, folder: Path | None = None) -> TTFont:
    """The reportlab font of `font` named `name`: from the face cache (in `folder`), else parsed and cached. Its
    face carries its file's `identity`, which names the subset programs kept of it (cidfont.subset_program)."""
    named = identity(font)
    path = cache_entry(font, folder, named)
    data = cache.read(path)
    ttf = _restored(data, font) if data is not None else None
    if ttf is None:
        ttf = TTFont(name, str(font.path), subfontIndex=font.index)
        cache.write(path, _stored(ttf))
        ttf.face.__class__ = TablesOnce
    ttf.face.identity = named
    ttf.fontName = name
    if IDEOGRAPH in ttf.face.charToGlyph or PRESENTATION_FORM in ttf.face.charToGlyph:
        # one composite font (cidfont.py): a CJK face's thousands of glyphs not in subsets of 256; an Arabic face's
        # presentation forms given back to readers as the letters they stand for (its ToUnicode)
        ttf.__class__ = CIDTrueType
    else:
        ttf.__class__ = SubsetTrueType
    return ttf


def registered(font: FontFile) -> TTFont:
    """The reportlab font of `font`, registered under a name fixed by its file, index and size."""
    stat = font.path.stat()
    digest = hashlib.sha1(f"{font.path}|{font.index}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:8]
    name = f"{font.family.replace(' ', '')}-{font.index}-{digest}"
    if name in pdfmetrics.getRegisteredFontNames():
        return pdfmetrics.getFont(name)
    ttf = loaded(font, name)
    pdfmetrics.registerFont(ttf)
    return ttf


@lru_cache(maxsize=16)
def held_table(face: TTFontFace) -> dict:
    """The `str.translate` table deleting the characters `face` has a glyph for and line breaks (U+000A), made once
    per process for a loaded face (a Chinese face's is ~24,000 entries)."""
    table = dict.fromkeys(face.charToGlyph)
    table[10] = None
    return table


def measured_face(ttf: TTFont, family: str) -> Face:
    """The Face of the registered font `ttf` (of `family`), made on its first use in the process and kept on the
    font, which reportlab's registry keeps: every write of the process sets its text in the same Face object."""
    face = ttf.__dict__.get("measured")
    if face is None:
        face = ttf.measured = Face(ttf.fontName, family, ttf.face.charToGlyph, ttf.face.charWidths,
                                   ttf.face.defaultWidth, held_table(ttf.face))
    return face


class FontSet:
    """The faces one write uses, by role, resolved and loaded on first use."""

    def __init__(self, theme, lang: str, resolver: FontResolver | None = None):
        self.lang = lang
        self.resolver = resolver or FontResolver(theme)
        self.faces: dict[str, Face] = {}
        self.settings: dict = {}  # the Settings of the texts set in these faces (setting.kept)
        self.runs: dict = {}      # a text's runs in these faces by look, for each script setting (RunMaker.made)

    def face(self, role: str) -> Face:
        """The face serving `role` (latin_regular… zh_body, zh_heading)."""
        if role not in self.faces:
            font = self.resolver.resolve(role, self.lang)
            try:
                ttf = registered(font)
            except Exception as exc:  # noqa: BLE001 - reportlab's parser fails on a damaged file in many ways
                named = f" ({font.source})" if font.source else ""
                reason = str(exc) if isinstance(exc, TTFError) else f"{type(exc).__name__}: {exc}"
                self.resolver.fail(f"`{font.path}`{named} cannot be embedded: {reason}",
                                   "choose another TrueType font")
            self.faces[role] = measured_face(ttf, font.family)
        return self.faces[role]

    def families(self) -> list[str]:
        """The families loaded so far, for messages."""
        return sorted({f.family for f in self.faces.values()})
