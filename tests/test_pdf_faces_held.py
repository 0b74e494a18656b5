"""`Face.holds` (writers/pdf/faces.py) deletes the characters a face holds with one `str.translate`; what it stands
for is the plain definition: every character but a line break has a glyph in the face's character map."""

from __future__ import annotations

import random

from ccdocs.theme import load_theme
from ccdocs.writers.pdf.faces import FontSet

# Chinese, Latin, accented and full-width letters, figures, punctuation, spaces, a line break, a tab, characters
# no face of the theme holds (an emoji, a private-use character, NUL, a byte-order mark), Arabic
ALPHABET = "中文字年，。“”——…·％%$¥ab Z1é2015ー①Ⅳ \t\u3000\n\U0001F600\ue000\x00\ufeffا"


def test_a_face_holds_a_text_when_it_has_a_glyph_for_every_character_but_line_breaks():
    fonts = FontSet(load_theme(), "zh")
    rnd = random.Random(19)
    for role in ("latin_regular", "latin_bold", "zh_body", "zh_heading"):
        face = fonts.face(role)
        for _ in range(5000):
            text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 6)))
            expected = all(ord(ch) in face.glyphs for ch in text if ch != "\n")
            assert face.holds(text) == expected, (role, text)
