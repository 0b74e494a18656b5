"""Characters the PDF sets but never draws, and text in the form the faces draw it: what Word and LibreOffice do with
the DOCX's same text.

Unicode's default-ignorable code points (DerivedCoreProperties.txt, `Default_Ignorable_Code_Point`: the soft
hyphen, the direction marks LRM, RLM and ALM, the zero-width space, joiners and non-joiner, the word joiner, the
byte order mark, variation selectors, tag characters …), those a paper may hold (sources/characters.py refuses the
bidirectional embeddings and isolates), have no width and no ink: `runs.RunMaker.text` puts them in runs of their
own (no face need hold them), `setting.Advances` gives them no width and the line drawing skips them. They keep
their line-breaking class (UAX #14, cjk.py): a line may end after a zero-width space (ZW) and after a soft hyphen
(BA) before a letter, as after a hyphen; the word joiner (WJ) and the zero-width joiner (ZWJ) keep their neighbours
together; a line ending at a soft hyphen shows a hyphen, its width counted (`hyphenated_width`).

Decomposed text (NFD: `e` + U+0301, as macOS and many PDFs give text when copied) is drawn in its composed form
(NFC, `composed`): reportlab positions no marks, so a base and a combining mark would be drawn side by side. The
sources keep the text as written (the DOCX holds it so, and Word and LibreOffice compose it as they draw; catalogs'
message ids stay those of the text as written), only the PDF's drawing composes it, and only a letter with the marks
after it: a character NFC would replace by another on its own (a CJK compatibility ideograph U+F900 豈 by U+8C48,
the angstrom, ohm and kelvin signs by Å, Ω and K) is drawn and read from the PDF as typed, as the DOCX holds it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...sources.characters import IGNORABLE_RANGES

RANGES = IGNORABLE_RANGES  # Default_Ignorable_Code_Point less what sources/characters.py refuses
IN_BMP = "".join(f"{chr(a)}-{chr(b)}" for a, b in RANGES if b < 0x10000)  # for a regex's character class
# A sequence of them: the BMP's and the other planes' in two classes (re scans for a class holding characters beyond
# the BMP some ten times slower)
IGNORABLE = re.compile("[{}]+|[{}]+".format(IN_BMP, "".join(f"{chr(a)}-{chr(b)}" for a, b in RANGES if a >= 0x10000)))
# what a line's drawing skips: a line break, and every default-ignorable character (the pieces of a line are cut
# at its runs, each sequence of them a run of its own: `invisible_runs`); a frozenset, read in C a piece at a time
UNDRAWN = frozenset("\n").union(*(map(chr, range(a, b + 1)) for a, b in RANGES))
SOFT_HYPHEN = "\u00ad"
HYPHEN = "-"             # what a line ending at a soft hyphen shows, in the soft hyphen's run's face


def ignorable(ch: str) -> bool:
    """Whether `ch` is default-ignorable: set without width, never drawn."""
    return ch != "\n" and ch in UNDRAWN


def composed(text: str) -> str:
    """`text` with each letter and the marks after it in Unicode's composed form (NFC), the rest as typed; itself
    when it is already composed (a check in C, nothing copied). NFC of the whole text would also replace the
    characters Unicode maps to another on their own (singletons: U+F900 豈 → U+8C48, U+212B Å → U+00C5, U+2126 Ω →
    U+03A9, U+212A K → K) or keeps decomposed (U+0958 क़): the drawing needs none of that, and the PDF's text
    would no longer be the DOCX's nor the source's. A letter followed by marks is composed whole (a sign followed
    by a mark may so become another letter: U+212B + U+0301 → U+01FA).

    >>> composed("e\\u0301") == "\\u00e9", composed("\\uf900\\u212b") == "\\uf900\\u212b"
    (True, True)
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    marks = "".join(sorted(ch for ch in set(text) if composes_after(ch)))
    return clusters(marks).sub(lambda found: unicodedata.normalize("NFC", found.group()), text) if marks else text


@lru_cache(maxsize=1024)
def composes_after(ch: str) -> bool:
    """Whether NFC may compose `ch` with what comes before it or reorder it: a mark (general category M: the
    combining accents, the Indic vowel signs), or a Hangul vowel or final consonant jamo (U+1161–U+1175,
    U+11A8–U+11C2)."""
    return unicodedata.category(ch)[0] == "M" or "\u1161" <= ch <= "\u1175" or "\u11a8" <= ch <= "\u11c2"


@lru_cache(maxsize=64)
def clusters(marks: str) -> re.Pattern:
    """The regex of a character followed by one or more of `marks` (the characters of a text that `composes_after`
    something)."""
    return re.compile("(?s).[{}]+".format(re.escape(marks)))


# the default-ignorable characters a PDF viewer reads in a text it lays out itself (an outline entry, the document's
# title): the joiners change how letters join, the direction marks how a line is ordered
READ = frozenset("\u200c\u200d\u200e\u200f\u061c")


def read_as(text: str) -> str:
    """`text` as a PDF viewer should get a text it lays out itself (outline entries, the document's title and
    author), and as a drawing outside the body starts from (`rtl.drawn`): composed (NFC), without the
    default-ignorable characters but the joiners and direction marks (`READ`). A soft hyphen, a zero-width space,
    a variation selector would be drawn by a viewer as a glyph or a box, a decomposed accent beside its letter.

    >>> read_as("Cafe\u0301 work\u00adforce\u200b\ufe0f \u200b\u200f"), read_as("Cafe\u0301")
    ('Café workforce \u200f', 'Café')
    """
    if text.isascii():
        return text
    if IGNORABLE.search(text):
        text = IGNORABLE.sub(lambda found: "".join(ch for ch in found.group() if ch in READ), text)
    return composed(text)


def pieces(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (chunk, ignorable) pieces, in order.

    >>> pieces("soft\\u00adhyphen")
    [('soft', False), ('\\xad', True), ('hyphen', False)]
    """
    out, at = [], 0
    for match in IGNORABLE.finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], False))
        out.append((match.group(), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def hyphenated_width(setting, start: int, end: int) -> float:
    """`Setting.width` of a text holding soft hyphens: a line [start, end) ending at one (not the text's end) is as
    wide as the hyphen it shows."""
    width = setting.prefix[end] - setting.prefix[start] - setting.space_before[start] if end > start else 0.0
    if end > start and shown_hyphen(setting, end):
        run = setting.runs[setting.run_of[end - 1]]
        width += run.face.width(HYPHEN) * run.size / 1000
    return width


def shown_hyphen(setting, end: int) -> bool:
    """Whether a line whose set text ends at `end` shows a hyphen: its last character a soft hyphen, not the text's
    last."""
    return 0 < end < len(setting.text) and setting.text[end - 1] == SOFT_HYPHEN


def draw_hyphen(pen, setting, at: int, x: float, y: float):
    """Show with `pen` the hyphen of the soft hyphen at offset `at`, at (x, y) in its run's face and size."""
    run = setting.runs[setting.run_of[at]]
    pen.show(run, HYPHEN, x, y + run.rise, run.face.width(HYPHEN) * run.size / 1000)


def invisible_runs(maker, text: str, look, where, face) -> list:
    """The runs of a text holding default-ignorable characters (RunMaker.text): each sequence of them a run of its
    own in `face` (the look's Latin face, which shows a soft hyphen's hyphen), the chunks between as `maker` sets
    them."""
    runs = []
    for chunk, hidden in pieces(text):
        runs += [maker.run(chunk, face, look)] if hidden else maker.text(chunk, look, where)
    return runs
