"""The PDF line setting's fast paths give what their plain definitions give (writers/pdf/cjk.py, setting.py).

`latin_breaks` sums the lengths of the words and separators `LATIN_SEPARATOR` cuts; LATIN_BREAK's matches (a line may
start after a line break, after spaces before a character, after a hyphen before a letter) are what it stands for.
`stretch_points` leaves out the breaks inside words, found word by word; the rule, one break at a time, is what it
stands for. `autospace_points` looks beside runs of letters and figures; `AUTOSPACE`'s matches, tried at every
offset, are what it stands for. A Setting's widths come from a table per face and size; the face's advances scaled
character by character are what they stand for. `measure.unbroken` reads a text's letters in C; the column minimum's
rules, a character at a time, are what it stands for. `runs.by_script` cuts a text at the runs of its characters'
scripts; grouping the characters one by one is what it stands for. A CJK text's breaks, stretch points and
auto-spaces are read off its kinds string (`cjk.kinds_of`), each character's flags looked up once (the unified
ideographs' without uniseg); the rules asked of each character are what they stand for, on texts drawn from a wider
alphabet too (hangul, kana, full-width letters, compatibility and astral ideographs, glue). The PDF writer's import
leaves uniseg, arabic-reshaper and python-bidi to the first text that needs them.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import unicodedata
from itertools import groupby

from test_pdf_breaks import ALPHABET, texts

from ccdocs.l10n import uax14
from ccdocs.l10n.ambiguous import takes_east_asian_face
from ccdocs.theme import load_theme
from ccdocs.writers.pdf import cjk
from ccdocs.writers.pdf.cjk import (SPACES, autospace_points, break_positions, can_break, cjk_breaks, is_cjk, kinds_of,
                                   latin_breaks, stretch_points)
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.measure import SHORT_WORD, unbroken
from ccdocs.writers.pdf.runs import by_script
from ccdocs.writers.pdf.setting import Run, Setting


# Where a line may start in a text without CJK characters
LATIN_BREAK = re.compile("(?<=\n)|(?<=[ \t\u3000])(?=[^ \t\u3000\n])|(?<=[-\u2010\u00ad])(?=[^\\W\\d_])"
                         "|(?<=\u200b)(?=[^ \t\u3000\n\u200b])")
# Auto-spacing's rule: between an ideograph (Han, kana) and a letter or figure that is not CJK, either way round
IDEOGRAPH = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
ALNUM = f"[^\\W_{IDEOGRAPH}\\uac00-\\ud7af\\uff00-\\uffef]"
AUTOSPACE = re.compile(f"(?<=[{IDEOGRAPH}])(?={ALNUM})|(?<={ALNUM})(?=[{IDEOGRAPH}])")
# Beyond test_pdf_breaks.ALPHABET: hangul, full-width letters and figures, kana (a small one may not start a line),
# the iteration mark and ideographic zero (CJK letters, not ideographs), compatibility, extension A and astral
# ideographs, a Yijing hexagram (U+4DC0: not an ideograph), the underscore, no-break and zero-width spaces, a word
# joiner, the two-em dashes of U+2E3A, a soft hyphen
WIDER = ALPHABET + "한국ａＡ１カナぁー々〇豈㐀𠀀䷀_\u00a0\u200b\u2060\u2e3a\u00ad"


def wider_texts() -> list[str]:
    """Texts drawn from WIDER (seeded: the same every run)."""
    rnd = random.Random(86)
    return ["".join(rnd.choice(WIDER) for _ in range(rnd.randint(1, 24))) for _ in range(2000)]


def test_latin_breaks_are_where_latin_break_matches():
    runs = ["a  \n", "a \t\u3000b", "x" + " " * 50 + "\n", "\n\nb", "a-b-c", "a--b", "a-1", "é-è", "a -b", "a\u2010b"]
    for text in texts() + wider_texts() + runs:
        expected = [m.start() for m in LATIN_BREAK.finditer(text, 1) if m.start() < len(text)]
        assert latin_breaks(text) == expected, text


def test_stretch_points_are_the_breaks_after_a_space_or_beside_a_cjk_character():
    latin = ["".join(ch for ch in text if not is_cjk(ch)) for text in texts()]  # the path of texts without CJK
    for text in texts() + latin + wider_texts():
        breaks = list(range(1, len(text)))  # every offset, whatever the rules allow there
        expected = [i for i in breaks if text[i - 1] in SPACES or is_cjk(text[i - 1]) or is_cjk(text[i])]
        assert stretch_points(text, breaks) == expected, text


def test_autospace_points_are_where_autospace_matches():
    for text in texts() + wider_texts():
        assert autospace_points(text) == [m.start() for m in AUTOSPACE.finditer(text, 1)], text


def test_a_settings_widths_are_its_faces_advances_at_its_sizes():
    fonts = FontSet(load_theme(), "zh")
    latin, chinese = fonts.face("latin_regular"), fonts.face("zh_body")
    for text in texts()[:300]:
        half = len(text) // 2
        runs = (Run(text[:half], latin, 11.0), Run(text[half:], chinese, 10.5))
        setting = Setting(runs, 0.0)
        expected = [0.0]
        for run in runs:
            for ch in run.text:
                width = 0.0 if ch == "\n" else run.face.widths.get(ord(ch), run.face.default_width) * (run.size / 1000)
                expected.append(expected[-1] + width)
        assert setting.prefix == expected, text


def ideograph(ch: str) -> bool:
    return is_cjk(ch) and unicodedata.category(ch) == "Lo"


def test_unbroken_offsets_are_after_a_figure_before_an_ideograph_and_inside_short_words():
    for text in texts() + ["男性 和女性工作人员人数 2015年 P4", "１２名职员", "第5章五年计划"]:
        expected = {i for i in range(1, len(text))
                    if unicodedata.category(text[i - 1]) == "Nd" and ideograph(text[i])}
        start = None
        for index, ch in enumerate(text + " "):
            if ideograph(ch):
                start = index if start is None else start
                continue
            if start is not None and index - start <= SHORT_WORD:
                expected.update(range(start + 1, index))
            start = None
        assert unbroken(text) == expected, text


def test_by_script_cuts_where_the_script_of_the_characters_changes():
    for east_asian in (True, False):
        in_cjk_face = (lambda ch: is_cjk(ch) or takes_east_asian_face(ch)) if east_asian else is_cjk
        for text in texts():
            expected = [""]  # Latin and CJK chunks in turn, the first Latin (maybe empty)
            for cjk, chars in groupby(text, key=in_cjk_face):
                if not cjk and expected == [""]:
                    expected[0] = "".join(chars)
                else:
                    expected.append("".join(chars))
            assert by_script(text, east_asian) == expected, text


def test_cjk_breaks_are_the_pairs_can_break_allows_on_a_wider_alphabet():
    for text in wider_texts():
        expected = [i for i in range(1, len(text)) if can_break(text[i - 1], text[i])]
        assert cjk_breaks(text) == expected, text
        if kinds_of(text):  # what a Setting reads: the same breaks, the kinds given
            assert break_positions(text, kinds=kinds_of(text)) == break_positions(text) == expected, text


def test_a_texts_kinds_are_none_without_a_cjk_character_and_the_rules_flags_with_one():
    assert kinds_of("an ASCII text") == kinds_of("“é—…”") == ""
    unified = "".join(chr(o) for low, high in cjk.UNIFIED for o in range(low, high + 1))
    for ch in set(WIDER) | set(unified):
        flags = ((cjk.starts_no_line(ch) and cjk.NOT_START) | (cjk.ends_no_line(ch) and cjk.NOT_END)
                 | (is_cjk(ch) and cjk.CJK) | (ch in cjk.HYPHENS and cjk.HYPHEN) | (ch.isalpha() and cjk.LETTER)
                 | (bool(re.fullmatch(f"[{IDEOGRAPH}]", ch)) and cjk.IDEOGRAPH)
                 | (bool(re.fullmatch(ALNUM, ch)) and cjk.ALNUM))
        expected = {"\n": "n", " ": "s", "\t": "s", "\u3000": "t", "\u200b": "z"}.get(ch, chr(cjk.KIND + flags))
        assert cjk.kind_of(ch) == expected, ch
    # the unified ideographs' kind is given without uniseg: every one of them, assigned or not, is of class ID
    assert {cjk.line_break(ch) for ch in unified} == {"ID"}


# A fresh interpreter imports the PDF writer, sets an English text with typographic quotes and a dash, then a
# Chinese one; it prints which of the libraries were imported after each step (after the Chinese one, when none
# was, that it holds the line-breaking classes read from the per-user cache).
LAZY = """
import sys
from ccdocs.l10n import uax14
from ccdocs.writers.pdf import paper
from ccdocs.writers.pdf.runs import by_script
from ccdocs.writers.pdf.setting import Run, Setting
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.theme import load_theme
LIBRARIES = ("uniseg", "arabic_reshaper", "bidi")
print([name for name in LIBRARIES if name in sys.modules])
face = FontSet(load_theme(), "en").face("latin_regular")
by_script("“A text” — set", False)
Setting((Run("“A text” — set", face, 11.0),), 0.25)
print([name for name in LIBRARIES if name in sys.modules])
Setting((Run("中文，text", face, 11.0),), 0.25)
print([name for name in LIBRARIES if name in sys.modules] or uax14._table.cache_info().currsize)
"""


def test_the_pdf_writers_import_leaves_the_unicode_libraries_to_the_texts_that_need_them():
    uax14._table()  # the line-breaking classes kept in the suite's per-user cache, which the child reads
    done = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["[]", "[]", "1"]  # uniseg's classes, kept (tests/test_uax14_kept.py)
