"""Characters a paper may not hold, found at the boundary of every source (Markdown, YAML, CSV, catalogs, figures).

XML 1.0 (§2.2 Char) allows TAB, LF, CR and U+0020 to U+D7FF, U+E000 to U+FFFD, U+10000 to U+10FFFF. On top of
what it forbids (the other C0 controls, lone surrogates, U+FFFE and U+FFFF), a paper refuses DEL and the C1
controls (U+0080 to U+009F: left over from text decoded in the wrong encoding) and Unicode's non-characters
(U+FDD0 to U+FDEF and the last two code points of every plane): none of them prints, and Word refuses the former.
It also refuses the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): they
reorder what a reader sees without changing what is stored ("Trojan Source", CVE-2021-42574); the marks a
right-to-left text needs (U+200E, U+200F, U+061C) stay allowed. It refuses the tag characters (U+E0000 to U+E007F)
too, which spell an invisible text a reader never sees (Word keeps it, the PDF drops it), outside the one place they
belong: an emoji tag sequence (UTS #51: U+1F3F4 WAVING BLACK FLAG, tag letters, U+E007F CANCEL TAG, the flags of
England, Scotland and Wales).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_NONCHARACTERS = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
_IN_ASCII = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f"
_IN_BMP = f"{_IN_ASCII}\\x80-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff\\u202a-\\u202e\\u2066-\\u2069"
_TAGS = "\\U000e0000-\\U000e007f"
_FLAG = "\\U0001f3f4[\\U000e0020-\\U000e007e]+\\U000e007f"  # an emoji tag sequence: matched whole, not refused
# A refused character is group 1 of a match; a match without it is a flag's tag sequence (`_refused_in`)
REFUSED = re.compile(f"{_FLAG}|([{_IN_BMP}{_NONCHARACTERS}{_TAGS}])")
# The same characters, looked for in a text that can hold no others (`_refusing`): re scans for a set holding
# characters beyond the BMP some ten times slower than for one that does not (0.35 s for a 1.2 MB content file)
_REFUSED_IN_ASCII = re.compile(f"([{_IN_ASCII}])")
_REFUSED_IN_BMP = re.compile(f"([{_IN_BMP}])")
_BEYOND_BMP = re.compile("[\\U00010000-\\U0010ffff]")
HINT = "delete it (it often comes from copying out of another program)"
# Default_Ignorable_Code_Point less what REFUSED refuses (U+202A–U+202E, U+2066–U+2069), as ranges of code points;
# Unicode 15 (tests/test_pdf_text_fidelity.py checks them against uniseg's property): what prints nothing and takes
# no width (parse.visible, writers.pdf.invisible)
IGNORABLE_RANGES = ((0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
                    (0x200B, 0x200F), (0x2060, 0x2065), (0x206A, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F),
                    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
                    (0xE0000, 0xE0FFF))


def ignorable(char: str) -> bool:
    """Whether `char` is in `IGNORABLE_RANGES`."""
    code = ord(char)
    return any(first <= code <= last for first, last in IGNORABLE_RANGES)
# Where a line ends: exactly the characters Python's str.splitlines breaks at (LF, CR, VT, FF, FS, GS, RS, NEL,
# U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR; Unicode's mandatory breaks, UAX #14 BK, CR, LF, NL). A text
# of one line (a heading or cell and its translation, a cover field, a figure, a command's text option) holds none.
LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_ONE_LINE = re.compile(f"\t|{LINE_BREAK.pattern}")  # what a one-line text may not hold (`one_line`)
# ... named as such when a paper may hold it elsewhere; the others are refused control characters (`describe`)
BREAK_NAMES = {"\n": "line feed", "\r": "carriage return", "\u2028": "line separator", "\u2029": "paragraph separator"}
# What a file name a source lists may not hold besides `REFUSED`: a control character (C0, DEL, C1: TAB and LF
# included) or a line break, which would split or blur the name where ccdocs writes it (messages, a catalog's `#:`)
_IN_FILE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def describe(char: str) -> str:
    """How a refused character is named in a message: `control character U+000B`."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "lone surrogate"
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = "bidirectional embedding, override or isolate"
    elif code <= 0x9F:
        kind = "control character"
    elif 0xE0000 <= code <= 0xE007F:
        return f"tag character U+{code:04X} (invisible text) outside a flag emoji"
    else:
        kind = "non-character"
    return f"{kind} U+{code:04X}"


def refused(text: str) -> Iterator[tuple[int, int, str]]:
    """Each refused character of `text` as (1-based line, 1-based column, description), in order.

    >>> list(refused("ok\\nab\\x0bc"))
    [(2, 3, 'control character U+000B')]
    >>> list(refused("\\U0001f3f4\\U000e0067\\U000e0062\\U000e0065\\U000e006e\\U000e0067\\U000e007f ok\\U000e0041"))
    [(1, 11, 'tag character U+E0041 (invisible text) outside a flag emoji')]
    """
    line, line_start, counted = 1, 0, 0  # lines are counted on from the last match: linear in the text
    for match in _refused_in(text):
        start = match.start()
        line += text.count("\n", counted, start)
        line_start = max(line_start, text.rfind("\n", counted, start) + 1)
        counted = start
        yield line, start - line_start + 1, describe(match.group())


def _named(char: str) -> str:
    """How a line break or control character is named: `line feed U+000A`, else as `describe` names it."""
    return f"{BREAK_NAMES[char]} U+{ord(char):04X}" if char in BREAK_NAMES else describe(char)


def line_break(text: str) -> str | None:
    r"""How the first line break of `text` is named (`line separator U+2028`, `line feed U+000A`); None: one line.

    >>> line_break("one line"), line_break("a\rb"), line_break("a\u2029b"), line_break("a\x85b")
    (None, 'carriage return U+000D', 'paragraph separator U+2029', 'control character U+0085')
    >>> all(bool(LINE_BREAK.search(c)) == (len(f"a{c}b".splitlines()) > 1) for c in map(chr, range(0x10000)))
    True
    """
    match = LINE_BREAK.search(text)
    if match is None:
        return None
    return _named(match.group())


def file_name_control(name: str) -> str | None:
    r"""How the first control character or line break of the file name `name` is named; None when it has none.

    >>> file_name_control("content/my report.md"), file_name_control("content/a\nb.md"), file_name_control("a\tb")
    (None, 'line feed U+000A', 'control character U+0009')
    """
    match = _IN_FILE_NAME.search(name)
    if match is None:
        return None
    return _named(match.group())


def one_line(text: str) -> str | None:
    r"""How the first line break or tab of a one-line text (a cover field) is named; None when it holds neither. A
    tab is no line break, but it is layout, not text: Word prints it as a jump to the next tab stop, the PDF as a
    space.

    >>> one_line("Tab\there"), one_line("a\u2028b"), one_line("one line")
    ('tab U+0009', 'line separator U+2028', None)
    """
    match = _ONE_LINE.search(text)
    if match is None:
        return None
    return "tab U+0009" if match.group() == "\t" else line_break(match.group())


def invisible(name: str) -> tuple[int, str] | None:
    """Where the first format character (Unicode category Cf: zero width space, word joiner, U+FEFF, soft hyphen,
    left-to-right mark...) of `name` stands (0-based) and how it is named; None when it holds none. A name (a data
    id or key) holding one looks like the name without it, yet is another name.

    >>> invisible("posts\\u200b"), invisible("posts"), invisible("\\ufeffid")
    ((5, 'U+200B ZERO WIDTH SPACE'), None, (0, 'U+FEFF ZERO WIDTH NO-BREAK SPACE'))
    """
    if name.isascii():
        return None
    for at, char in enumerate(name):
        if unicodedata.category(char) == "Cf":
            return at, f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"
    return None


def first_refused(text: str) -> str | None:
    """The description of the first refused character of `text`, or None when it has none."""
    match = next(_refused_in(text), None)
    return describe(match.group()) if match else None


def _refused_in(text: str) -> Iterator[re.Match]:
    """The matches of the refused characters of `text`, in order (a flag's tag sequence passed over)."""
    return (match for match in _refusing(text).finditer(text) if match.lastindex)


def _refusing(text: str) -> re.Pattern:
    """REFUSED, or a pattern finding the same characters in `text` faster: that of the ASCII ones in an ASCII text
    (Python knows it without reading it), that of the BMP ones in a text without a character beyond the BMP."""
    if text.isascii():
        return _REFUSED_IN_ASCII
    return REFUSED if _BEYOND_BMP.search(text) else _REFUSED_IN_BMP
