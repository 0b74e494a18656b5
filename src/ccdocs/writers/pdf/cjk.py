"""Line-break opportunities for Chinese and mixed text: the Unicode line-breaking classes (UAX #14) as Chinese
layout tailors them (W3C CLREQ), unbroken Latin words, numbers and web addresses.

A line may start or end where UAX #14 allows it, read through the classes of the characters on either side
(`uniseg` carries the Unicode data, `l10n.uax14` keeps its classes); `NO_START` and `NO_END` hold the characters that may not start or end a
line, `ch in NO_START`.

A text with CJK characters is read through one string of its characters' kinds (`kinds_of`: a letter a character,
each character's looked up once per process), off which its breaks, stretch points and auto-spaces are found in C.
The regexes compiled at import hold no large range of Unicode: re builds such a class in Python, code point by code
point (the CJK ranges took a tenth of the PDF writer's import); the one test that needs them, whether a text holds
a CJK character at all, is compiled when a text first asks it (`cjk_char`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import accumulate, compress, filterfalse

from ...l10n import uax14

URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef]+")
# Inside a web address a line may start after these; never after a hyphen, which would read as hyphenation.
URL_BREAK_AFTER = frozenset("/_?&=")

CJK_RANGES = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"  # as `is_cjk`
# Where text without CJK characters may break: after a line break, after spaces, after a hyphen in a word. Each
# such place is the end of a separator: a line break, a run of spaces before a character that is neither (possessive:
# never tried again shorter), a hyphen (soft or not) before a letter, zero-width spaces before a character that is not
# a space. re finds them by scanning for their first characters, where
# the places themselves, empty matches behind lookbehinds, had it try three alternatives at every offset.
LATIN_SEPARATOR = re.compile("(\n|[ \t\u3000]++(?=[^ \t\u3000\n])|[-\u2010\u00ad](?=[^\\W\\d_])"
                             "|\u200b++(?=[^ \t\u3000\n]))")
SPACES = frozenset(" \t\u3000")
# The hyphens a line may end after before a letter, the soft hyphen (U+00AD, UAX #14 BA: invisible unless the line
# ends there) included; after a zero-width space (ZW) a line may always end, never before one (UAX #14 LB7, LB8)
HYPHENS = "-\u2010\u00ad"
ZWSP = "\u200b"

# UAX #14 classes that no line starts with: closing punctuation (CL, CP: ，。、）」】 and `)]}`), exclamation and
# question marks (EX), numeric separators (IS: `,.:;`), non-starters (NS: ：；・), inseparables (IN: … ‥), dashes and
# hyphens that break after (BA: – ‐, HY: -), the solidus (SY), postfix signs (PO: % ‰ ℃ °) and what glues to the
# character before it (GL, WJ, ZWJ, CM).
NO_START_CLASSES = frozenset({"CL", "CP", "EX", "IS", "NS", "IN", "BA", "HY", "SY", "PO", "GL", "WJ", "ZWJ", "CM"})
# … nor ends with: opening punctuation (OP: （《「【 and `([{`), prefix signs (PR: $ ¥ ￥ ±) and glue.
NO_END_CLASSES = frozenset({"OP", "PR", "GL", "WJ", "ZWJ"})
# CLREQ's tailoring: the interpunct (间隔号 ·, class AI) and the full-width tilde used as a connector (连接号 ～,
# class ID) do not start a line either; UAX #14 leaves both breakable.
CLREQ_NO_START = frozenset("\u00b7\uff5e")
# The two-em dash —— (B2 B2) stays whole (UAX #14 LB17); the ellipsis …… does as an inseparable (IN).
UNBROKEN_CLASS = "B2"


def line_break(ch: str) -> str:
    """The UAX #14 line-breaking class of `ch` (`l10n.uax14`: uniseg's, kept per user for the BMP)."""
    return uax14.line_break(ch)


def starts_no_line(ch: str, cls: str | None = None) -> bool:
    """Whether a line may not start with `ch` (of line-breaking class `cls`, looked up when None): closing marks,
    stops, dashes, ellipses, postfix signs, a closing quotation mark (class QU, general category Pf: ” ’)."""
    if ch in SPACES or ch == "\n":
        return False
    cls = line_break(ch) if cls is None else cls
    return (cls in NO_START_CLASSES or ch in CLREQ_NO_START
            or (cls == "QU" and unicodedata.category(ch) == "Pf"))


def ends_no_line(ch: str, cls: str | None = None) -> bool:
    """Whether a line may not end with `ch` (of class `cls`): opening marks, prefix signs, an opening quotation
    mark (QU, Pi: “ ‘)."""
    if ch in SPACES or ch == "\n":
        return False
    cls = line_break(ch) if cls is None else cls
    return cls in NO_END_CLASSES or (cls == "QU" and unicodedata.category(ch) == "Pi")


class CharacterRule:
    """The characters a predicate holds for, for `ch in RULE` (the classes cover all of Unicode)."""

    def __init__(self, holds):
        self.holds = holds

    def __contains__(self, ch) -> bool:
        return isinstance(ch, str) and len(ch) == 1 and self.holds(ch)


NO_START = CharacterRule(starts_no_line)
NO_END = CharacterRule(ends_no_line)


def is_cjk(ch: str) -> bool:
    """Whether `ch` is a Han character, kana, hangul, CJK punctuation or a full-width form."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF)


@cache
def cjk_char() -> re.Pattern:
    """The regex of one CJK character (`is_cjk`), compiled on first use."""
    return re.compile(f"[{CJK_RANGES}]")


def kinds_of(text: str) -> str:
    """The kind letters of `text` (KINDS, one a character), or "" for a text without CJK characters, which the Latin
    rules break (`latin_breaks`).

    >>> kinds_of("a word"), len(kinds_of("见WIPO"))
    ('', 5)
    """
    if text.isascii() or not cjk_char().search(text):
        return ""
    return text.translate(KINDS)


def can_break(before: str, after: str) -> bool:
    """Whether a line may end after `before` when `after` follows it."""
    return breakable(before, after, line_break(before), line_break(after))


def breakable(before: str, after: str, cb: str, ca: str) -> bool:
    """`can_break` for characters whose line-breaking classes `cb`, `ca` are known."""
    if before == "\n":
        return True
    if after in SPACES or after == "\n" or after == ZWSP:
        return False
    if before in SPACES or before == ZWSP:
        return True
    if starts_no_line(after, ca) or ends_no_line(before, cb):
        return False
    if cb == ca == UNBROKEN_CLASS:
        return False
    if is_cjk(before) or is_cjk(after):
        return True
    return before in HYPHENS and before != after and after.isalpha()


def latin_breaks(text: str) -> list[int]:
    """The offsets (0 < offset < len(text)) where a line may start in text without CJK characters: the ends of the
    separators (LATIN_SEPARATOR), every second of the lengths of the words and separators `split` gives, summed in C
    (no Python runs per word).

    >>> latin_breaks("a well-known  word\\n")
    [2, 7, 14]
    """
    found = list(accumulate(map(len, LATIN_SEPARATOR.split(text))))[1::2]
    if found and found[-1] == len(text):  # after a line break that ends the text
        found.pop()
    return found


def autospace_points(text: str, kinds: str | None = None) -> list[int]:
    """The offsets where an ideograph (Han, kana) and a letter or figure not CJK meet, either way round, in order: a
    match of AUTOSPACE_KINDS on the text's kinds (`kinds_of`, given or found); none in a text without CJK characters.

    >>> autospace_points("共2026年的WIPO数据，a")
    [1, 5, 7, 11]
    """
    kinds = kinds_of(text) if kinds is None else kinds
    return [match.end() for match in AUTOSPACE_KINDS.finditer(kinds)] if kinds else []


def url_breaks(text: str) -> set[int]:
    """Offsets inside web addresses where a line may start: after `/`, `_`, `?`, `&`, `=`."""
    found = set()
    for match in URL.finditer(text):
        start = match.start() + (match.group().find("://") + 3 if "://" in match.group() else 0)
        for i in range(start + 1, match.end()):
            if text[i - 1] in URL_BREAK_AFTER and text[i] not in URL_BREAK_AFTER:
                found.add(i)
    return found


def url_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the web addresses in `text`."""
    return [match.span() for match in URL.finditer(text)] if ("://" in text or "www." in text) else []


def break_positions(text: str, glued=frozenset(), kinds: str | None = None) -> list[int]:
    """The offsets where a line may start (each > 0), never in `glued` (e.g. before a footnote mark) nor inside a
    web address except after its separators; `kinds`: the text's (`kinds_of`), found when not given."""
    spans = url_spans(text)
    kinds = kinds_of(text) if kinds is None else kinds
    found = cjk_breaks(text, kinds) if kinds else latin_breaks(text)
    if not spans:  # `found` is in order, without 0 nor len(text)
        return list(filterfalse(glued.__contains__, found)) if glued else found
    inside = {i for a, b in spans for i in range(a + 1, b)}
    found = (set(found) - inside) | url_breaks(text) if spans else set(found)
    return sorted(found.difference(glued, (0, len(text))))


@cache
def character(ch: str) -> tuple:
    """What line breaking asks of `ch`, looked up once per character: (class, starts no line, ends no line, is
    CJK, is a space, is a hyphen).

    >>> character("，")[1:]
    (True, False, True, False, False)
    """
    cls = line_break(ch)
    return cls, starts_no_line(ch, cls), ends_no_line(ch, cls), is_cjk(ch), ch in SPACES, ch in HYPHENS


# A text's kinds string holds a letter per character: a line break (n), a space or tab (s), the ideographic space
# (t: a space, and CJK), the zero-width space (z: a break after it, never before) or, for any other character, the
# letter chr(KIND + flags) of these flags, one of the 128 Latin-1 letters from U+0080 (the kinds string stays one
# byte a character, and its characters are the interpreter's shared one-letter strings, their hashes kept: none made
# per character). IDEOGRAPH and ALNUM are auto-spacing's sides: Han and kana, and letters and figures that are not
# CJK.
NOT_START, NOT_END, CJK, HYPHEN, LETTER, IDEOGRAPH, ALNUM = 1, 2, 4, 8, 16, 32, 64
KIND = 0x80
FLAGGED = [chr(KIND + flags) for flags in range(128)]
# The ideographs whose line-breaking class is ID, as UAX #14 gives it to every code point of these blocks, assigned
# or not (CJK Unified Ideographs and Extension A; tests/test_pdf_line_points.py checks each against uniseg): their
# kind is known without uniseg.
UNIFIED = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def is_ideograph(o: int) -> bool:
    """Whether code point `o` is Han or kana for auto-spacing: hiragana, katakana, CJK ideographs and their
    extensions and compatibility forms."""
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def kind_of(ch: str) -> str:
    """The kind letter of `ch` (see above).

    >>> kind_of("\\n"), kind_of(" "), kind_of("\\u3000"), ord(kind_of("，")) - KIND == NOT_START | CJK
    ('n', 's', 't', True)
    """
    if ch == "\n":
        return "n"
    if ch in SPACES:
        return "t" if ch == "\u3000" else "s"
    if ch == ZWSP:
        return "z"
    o = ord(ch)
    if any(low <= o <= high for low, high in UNIFIED):
        return FLAGGED[CJK | IDEOGRAPH | (ch.isalpha() and LETTER)]
    cls, no_start, no_end, cjk, space, hyphen = character(ch)
    ideograph = is_ideograph(o)
    alnum = ch.isalnum() and not (ideograph or 0xAC00 <= o <= 0xD7AF or 0xFF00 <= o <= 0xFFEF)
    return FLAGGED[(no_start and NOT_START) + (no_end and NOT_END) + (cjk and CJK) + (hyphen and HYPHEN)
                   + (ch.isalpha() and LETTER) + (ideograph and IDEOGRAPH) + (alnum and ALNUM)]


def kinds_break(before: str, after: str) -> bool:
    """`breakable` for two characters of kinds `before` and `after`. Two-em dashes (class B2: U+2014, U+2E3A,
    U+2E3B) are neither CJK, hyphens nor letters, so no break falls between two of them, as `breakable`'s B2 rule
    says; a hyphen is never a letter, so a hyphen and the letter after it always differ."""
    if before == "n":
        return True
    if after in "sntz":
        return False
    if before in "stz":
        return True
    b, a = ord(before) - KIND, ord(after) - KIND
    if a & NOT_START or b & NOT_END:
        return False
    return bool(b & CJK or a & CJK or (b & HYPHEN and a & LETTER))


class Kinds(dict):
    """`str.translate`'s table of kind letters: each character's looked up once (by `kind_of`), then read in C."""

    def __missing__(self, code: int) -> str:
        self[code] = kind = kind_of(chr(code))
        return kind


class Pairs(dict):
    """Whether a line may start between characters of kinds (before, after): `kinds_break` of each pair looked up
    once, then read in C."""

    def __missing__(self, pair: tuple) -> bool:
        self[pair] = found = kinds_break(*pair)
        return found


KINDS = Kinds()   # the process's tables: they grow by the characters and the pairs of kinds met
BREAKS = Pairs()


def flagged(flag: int) -> str:
    """The kind letters having `flag`, for a regex's character class."""
    return "".join(letter for flags, letter in enumerate(FLAGGED) if flags & flag)


# Auto-spacing's points: an ideograph before a letter or figure, or a letter or figure before an ideograph (a match
# ends between the two).
IDEOGRAPHS, ALNUMS = flagged(IDEOGRAPH), flagged(ALNUM)
AUTOSPACE_KINDS = re.compile(f"[{IDEOGRAPHS}](?=[{ALNUMS}])|[{ALNUMS}](?=[{IDEOGRAPHS}])")
# Characters neither spaces nor CJK, and a space not CJK after them (the ideographic space is CJK): no stretch
# point after any of them but the last
NOT_BESIDE_KINDS = re.compile(f"[nz{''.join(sorted(set(FLAGGED) - set(flagged(CJK))))}]+s?")


def cjk_breaks(text: str, kinds: str | None = None) -> list[int]:
    """The offsets (0 < offset < len(text)) where `breakable` lets a line start: each pair of neighbours' kinds
    (`kinds`, the text's, found when not given) looked up in BREAKS."""
    kinds = text.translate(KINDS) if kinds is None else kinds
    return list(compress(range(1, len(kinds)), map(BREAKS.__getitem__, zip(kinds, kinds[1:]))))


def stretch_points(text: str, breaks: list[int], kinds: str | None = None) -> list[int]:
    """The break offsets where a justified line may gain space: after a space, or beside a CJK character; never
    inside a word or a web address (a break after a hyphen or a slash is not one). In a text with CJK characters the
    breaks left out, after a character neither a space nor CJK and before one not CJK, are found by one regex on
    its kinds (`kinds`, found when not given; one match per word).

    >>> stretch_points("see 中文 a-b", [4, 5, 6, 7, 9])
    [4, 5, 6, 7]
    """
    kinds = kinds_of(text) if kinds is None else kinds
    if not kinds:  # the breaks after a space: the character before each read in C
        return list(compress(breaks, map(SPACES.__contains__, map(text.__getitem__, map((-1).__add__, breaks)))))
    inside = set()
    for match in NOT_BESIDE_KINDS.finditer(kinds):
        inside.update(range(match.start() + 1, match.end()))
    return list(filterfalse(inside.__contains__, breaks))
