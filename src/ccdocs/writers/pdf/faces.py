"""The faces of one PDF: resolved font files registered with reportlab once, measured per character."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ...l10n.fonts import FontFile, FontResolver


@dataclass(frozen=True)
class Face:
    """A registered TrueType face: its reportlab name, family, glyph map and advance widths (1/1000 em)."""

    name: str
    family: str
    glyphs: dict
    widths: dict
    default_width: float

    def has(self, ch: str) -> bool:
        """Whether the face holds a glyph for `ch`."""
        return ord(ch) in self.glyphs

    def width(self, ch: str) -> float:
        """The advance of `ch` in 1/1000 em."""
        return self.widths.get(ord(ch), self.default_width)


def registered(font: FontFile) -> TTFont:
    """The reportlab font of `font`, registered under a name fixed by its file, index and size."""
    stat = font.path.stat()
    digest = hashlib.sha1(f"{font.path}|{font.index}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:8]
    name = f"{font.family.replace(' ', '')}-{font.index}-{digest}"
    if name in pdfmetrics.getRegisteredFontNames():
        return pdfmetrics.getFont(name)
    ttf = TTFont(name, str(font.path), subfontIndex=font.index)
    pdfmetrics.registerFont(ttf)
    return ttf


class FontSet:
    """The faces one write uses, by role, resolved and loaded on first use."""

    def __init__(self, theme, lang: str, resolver: FontResolver | None = None):
        self.lang = lang
        self.resolver = resolver or FontResolver(theme)
        self.faces: dict[str, Face] = {}

    def face(self, role: str) -> Face:
        """The face serving `role` (latin_regular… zh_body, zh_heading)."""
        if role not in self.faces:
            font = self.resolver.resolve(role, self.lang)
            try:
                ttf = registered(font)
            except TTFError as exc:
                self.resolver.fail(f"`{font.path}` cannot be embedded: {exc}", "choose another TrueType font")
            face = ttf.face
            self.faces[role] = Face(ttf.fontName, font.family, face.charToGlyph, face.charWidths,
                                    face.defaultWidth)
        return self.faces[role]

    def families(self) -> list[str]:
        """The families loaded so far, for messages."""
        return sorted({f.family for f in self.faces.values()})
