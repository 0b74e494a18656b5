"""The PDF engine's fast paths give what their plain definitions give (writers/pdf/cjk.py, writers/pdf/pen.py).

`cjk_breaks` reads break opportunities off the characters' kinds pair by pair in C; `can_break` is the rule it
stands for, one pair of characters at a time. The pen reads a text's string off the document's escaped codes of
each face (`Ink.entry`), and `Pen.coded` a Latin text's codes off the font's assignments; reportlab's `splitString`
is what they stand for.
"""

from __future__ import annotations

import random

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfgen.canvas import Canvas

from ccdocs.theme import load_theme
from ccdocs.writers.pdf.cjk import can_break, cjk_breaks
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.pen import Pen, Uncoded

# Chinese and Latin letters, full-width and Latin punctuation that may not start or end a line, spaces (the
# ideographic one too), line breaks, hyphens, two-em dashes, ellipses, figures, currency and percent signs
ALPHABET = "中文字年，。、；：？！）（《》「」“”‘’—–-‐…·～％%$¥ab Z1 \t\u3000\n——,.;:!?()[]é2015ー々〜＄￥①Ⅳ/"


def texts() -> list[str]:
    """Short texts drawn from ALPHABET (seeded: the same every run), and a few written out."""
    rnd = random.Random(19)
    drawn = ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 24))) for _ in range(3000)]
    return drawn + ["见“WIPO Lex”——2026年", "第12条（草案）。", "约占75%，比2015年", "a-b 中\n文", "——……"]


def test_cjk_breaks_are_the_pairs_can_break_allows():
    for text in texts():
        expected = [i for i in range(1, len(text)) if can_break(text[i - 1], text[i])]
        assert cjk_breaks(text) == expected, text


def test_a_text_is_coded_as_reportlabs_split_string_codes_it(tmp_path):
    fonts = FontSet(load_theme(), "zh")
    canv = Canvas(str(tmp_path / "x.pdf"))
    pen = Pen(canv)
    for role in ("latin_regular", "zh_body"):
        font, table, composite = pen.ink.entry(fonts.face(role).name)
        for text in texts()[:400]:
            text = "".join(ch for ch in text if fonts.face(role).has(ch))
            try:
                shown = "".join(map(table.__getitem__, text))  # the string the pen shows: each character's code
            except Uncoded:  # a Latin character the document has not coded in the face's first subset yet
                shown = None
            chunks = font.splitString(text, canv._doc)
            if not composite:
                assert pen.coded(font, text) == chunks, (role, text)
            if shown is not None and text:
                assert [subset for subset, _ in chunks] == [0], (role, text)
                assert shown == escapePDF(chunks[0][1]), (role, text)
