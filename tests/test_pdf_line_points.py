"""The PDF line setting's fast paths give what their plain definitions give (writers/pdf/cjk.py, setting.py).

`latin_breaks` sums the lengths of the pieces `LATIN_BREAK` cuts; the regex's matches are what it stands for.
`stretch_points` leaves out the breaks inside words, found word by word; the rule, one break at a time, is what it
stands for. `autospace_points` looks beside runs of letters and figures; `AUTOSPACE`'s matches, tried at every
offset, are what it stands for. A Setting's widths come from a table per face and size; the face's advances scaled
character by character are what they stand for. `measure.unbroken` reads a text's letters in C; the column minimum's
rules, a character at a time, are what it stands for. `runs.by_script` cuts a text at the runs of its characters'
scripts; grouping the characters one by one is what it stands for.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby

from test_pdf_breaks import texts

from ccdocs.l10n.ambiguous import takes_east_asian_face
from ccdocs.theme import load_theme
from ccdocs.writers.pdf.cjk import (AUTOSPACE, LATIN_BREAK, SPACES, autospace_points, is_cjk, latin_breaks,
                                   stretch_points)
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.measure import SHORT_WORD, unbroken
from ccdocs.writers.pdf.runs import by_script
from ccdocs.writers.pdf.setting import Run, Setting


def test_latin_breaks_are_where_latin_break_matches():
    for text in texts():
        expected = [m.start() for m in LATIN_BREAK.finditer(text, 1) if m.start() < len(text)]
        assert latin_breaks(text) == expected, text


def test_stretch_points_are_the_breaks_after_a_space_or_beside_a_cjk_character():
    latin = ["".join(ch for ch in text if not is_cjk(ch)) for text in texts()]  # the path of texts without CJK
    for text in texts() + latin:
        breaks = list(range(1, len(text)))  # every offset, whatever the rules allow there
        expected = [i for i in breaks if text[i - 1] in SPACES or is_cjk(text[i - 1]) or is_cjk(text[i])]
        assert stretch_points(text, breaks) == expected, text


def test_autospace_points_are_where_autospace_matches():
    for text in texts():
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
