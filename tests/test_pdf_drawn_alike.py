"""The PDF writer's short ways give what reportlab's, or their plain definitions, give (issue 19).

`Pen.spread_parts` moves a justified piece's glyphs over a span in one pass: the parts are those the per-glyph
definition gives. `canvas.page_stream` filters a page's content before the save: the stream is written as the one
reportlab's `PDFPage.check_format` makes. `TextBlock.first_x` sums a label's widths in C: the same float as the sum
character by character.
"""

from __future__ import annotations

import random
from io import BytesIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from ccdocs.theme import load_theme
from ccdocs.writers.pdf.canvas import page_stream
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.pen import Pen
from ccdocs.writers.pdf.setting import Run
from ccdocs.writers.pdf.text import TextBlock, TextStyle


def test_a_spread_piece_moves_the_glyphs_the_definition_moves():
    pen = Pen(Canvas(BytesIO()))
    rnd = random.Random(19)
    for _ in range(2000):
        parts = [f"<{n}>" for n in range(rnd.randint(1, 30))]
        first = rnd.randint(0, 500)
        spread_at = sorted(rnd.sample(range(first, first + len(parts)), rnd.randint(1, len(parts))))
        spread, size = rnd.choice([0.25, 1.5, 0.0625]), rnd.choice([10.5, 11.0])
        expected = list(parts)
        pen.spread_parts(list(parts), size, spread, spread_at, first)  # the move's text, as the pen keeps it
        for at in spread_at:
            expected[at - first] = pen.move + expected[at - first]
        assert pen.spread_parts(list(parts), size, spread, spread_at, first) == expected, (parts, spread_at, first)


def test_a_page_stream_is_written_as_reportlabs():
    canvas = Canvas(BytesIO())
    content = "\n".join(["BT /F1 10.5 Tf 1 0 0 1 72 720 Tm [(\\000\\001) -250 (abc\\(d\\))] TJ ET",
                         "q 0 0 0 rg 72 700 m 300 700 l S Q", "é ünïcode in a comment ("] * 200) + "\n"
    for a85 in (1, 0):
        rl_config.useA85, saved = a85, rl_config.useA85
        try:
            ours = page_stream(content)
            theirs = pdfdoc.PDFStream(content=content, filters=[pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress]
                                      if a85 else [pdfdoc.PDFZCompress])
            assert pdfdoc.format(ours, canvas._doc, toplevel=1) == pdfdoc.format(theirs, canvas._doc, toplevel=1)
        finally:
            rl_config.useA85 = saved


def test_a_labels_width_is_the_sum_of_its_characters_widths():
    fonts = FontSet(load_theme(), "zh")
    latin, chinese = fonts.face("latin_regular"), fonts.face("zh_body")
    rnd = random.Random(20)
    for _ in range(300):
        label = tuple(Run("".join(rnd.choice("0123456789.()第条款ⅣA") for _ in range(rnd.randint(1, 6))),
                          rnd.choice([latin, chinese]), rnd.choice([10.5, 11.0, 7.15])) for _ in range(rnd.randint(1, 3)))
        style = TextStyle(leading=15.0, label=label, label_x=3.3, size=11.0)
        width = sum(r.face.width(ch) * r.size / 1000 for r in label for ch in r.text)
        assert TextBlock([Run("x", latin, 11.0)], style).first_x() == max(0.0, 3.3 + width + 0.25 * 11.0)
