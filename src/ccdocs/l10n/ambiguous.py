"""Punctuation and symbols whose face follows the language of the text: set in the Chinese face in Chinese text.

Unicode gives such characters the East Asian Width "Ambiguous" (UAX #11): “ ” ‘ ’ — … · ° × § ‰ ※ ① ⑴ Ⅳ and the like
are wide in East Asian text and narrow elsewhere. The hyphen and the en dash (`2018–2021`), dashes that break after
(UAX #14 class BA), are half-width connectors in Chinese too (CLREQ's 半字线) and stay in the Latin face. Word picks their font by the run's `w:rFonts w:hint`
(ISO 29500 §17.3.2.26; Microsoft's implementer notes [MS-OI29500] §2.1.88 list the blocks, among them Latin-1's
symbols and General Punctuation U+2000–U+206F, that take the East Asian font only under `w:hint="eastAsia"`).
Letters and combining marks of that width class (é, Greek, Cyrillic) stay in the Latin face: the hint would move
them too, so runs holding both are split.
"""

from __future__ import annotations

import unicodedata

from .uax14 import line_break

ASCII_END = 0x80


def takes_east_asian_face(ch: str) -> bool:
    """Whether `ch` is punctuation, a symbol or a number form (enclosed ① ⑴ ⒈ ❶, Roman Ⅳ: categories No, Nl) of
    ambiguous East Asian width, set in the Chinese face in Chinese. The one rule of the DOCX's hints and the PDF's
    runs.

    >>> [takes_east_asian_face(c) for c in "“—…·°①⑴⒈❶Ⅳa字é–1"]
    [True, True, True, True, True, True, True, True, True, True, False, False, False, False, False]
    """
    if ord(ch) < ASCII_END or unicodedata.east_asian_width(ch) != "A":
        return False
    category = unicodedata.category(ch)
    if category == "Pd":
        return line_break(ch) != "BA"
    return category[0] in "PS" or category in ("No", "Nl")


def moved_by_hint(ch: str) -> bool:
    """Whether Word would move `ch` to the East Asian font under `w:hint="eastAsia"` although it is to stay in the
    Latin face: a letter, mark or other character outside ASCII and the East Asian blocks, not punctuation or a symbol
    of ambiguous width.

    >>> [moved_by_hint(c) for c in "é α a 字 “"]
    [True, False, True, False, False, False, False, False, False]
    """
    o = ord(ch)
    if o < ASCII_END or ch.isspace() or takes_east_asian_face(ch):
        return False
    return unicodedata.east_asian_width(ch) not in ("W", "F")


def hint_segments(text: str) -> list[tuple[str, bool | None]]:
    """`text` cut into (piece, hinted) pairs: True for a piece holding East Asian punctuation or symbols, False for
    one holding letters the hint would move, None for one that does not care (ASCII, Han, spaces), which is joined
    to a neighbour when there is one.

    >>> hint_segments("见“WIPO Lex”—— é")
    [('见“WIPO Lex”—— ', True), ('é', False)]
    >>> hint_segments("2026年")
    [('2026年', None)]
    """
    out: list[list] = []
    for ch in text:
        kind = True if takes_east_asian_face(ch) else False if moved_by_hint(ch) else None
        if out and (kind is None or out[-1][1] is None or out[-1][1] == kind):
            out[-1][0] += ch
            if out[-1][1] is None:
                out[-1][1] = kind
        else:
            out.append([ch, kind])
    return [(piece, kind) for piece, kind in out]
