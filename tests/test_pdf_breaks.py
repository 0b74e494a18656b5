"""The PDF engine's fast paths give what their plain definitions give (writers/pdf/cjk.py, writers/pdf/pen.py).

`cjk_breaks` reads break opportunities off the characters' kinds pair by pair in C; `can_break` is the rule it
stands for, one pair of characters at a time. `Pen.coded` reads a text's codes off the document's tables; reportlab's
`splitString` is what it stands for.
"""

from __future__ import annotations

import random

from reportlab.pdfgen.canvas import Canvas

from ccdocs.theme import load_theme
from ccdocs.writers.pdf.cjk import can_break, cjk_breaks
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.pen import Pen

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
        font_name = fonts.face(role).name
        for text in texts()[:400]:
            text = "".join(ch for ch in text if fonts.face(role).has(ch))
            _, _, chunks = pen.coded(font_name, text)
            font = pen.faces[font_name][0]
            assert chunks == font.splitString(text, canv._doc), (role, text)
