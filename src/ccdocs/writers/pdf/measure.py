"""Set widths of a table's texts as the PDF engine sets them (faces, runs, auto-spacing, break opportunities);
the DOCX writer measures with it too, so that both split a table's width alike (`writers/columns.py`).

A unit a line may not break inside is what the PDF engine's break opportunities leave (`cjk.py`: Chinese between
any two characters but for the line-start and line-end rules; Latin words, codes such as `P4` or `D-1` and
numbers whole), a number kept with the ideograph after it (`2015年`, `12名`), as Chinese typesetting keeps a
figure with its counter, and a short Chinese word (a run of at most SHORT_WORD ideographs: `男性`, `职等`, `总计`)
kept whole: only longer Chinese texts are broken between characters for a column's minimum.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import filterfalse

from ...errors import InputError, problem
from ...sources.themefile import cm
from ..columns import table_size
from .cjk import is_cjk
from .runs import Look, RunMaker, Where
from .setting import kept

SHORT_WORD = 4  # ideographs: a run of Chinese no longer than this is not broken for a column's minimum


class Letters(dict):
    """`str.translate`'s table of what a column's minimum asks of each character: `d` a decimal digit, `w` an
    ideograph (CJK, a letter: `男`, not `，`), `x` anything else; each character looked up once, then read in C."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        category = unicodedata.category(ch)
        self[code] = letter = "d" if category == "Nd" else "w" if category == "Lo" and is_cjk(ch) else "x"
        return letter


LETTERS = Letters()  # the process's table: grows by the characters met
COUNTED = re.compile("dw")                                      # a figure and the ideograph after it: `5年`
SHORT = re.compile(f"(?<!w)w{{2,{SHORT_WORD}}}(?!w)")           # a run of 2 to SHORT_WORD ideographs


def unbroken(text: str) -> set[int]:
    """The offsets where a break the line-breaking rules allow is not taken for a column's minimum: between a
    decimal digit and the ideograph after it (a counter, a unit), and inside runs of at most SHORT_WORD ideographs.

    >>> sorted(unbroken("男性 和女性工作人员人数 2015年 P4"))
    [1, 17]
    """
    letters = text.translate(LETTERS)
    found = {match.start() + 1 for match in COUNTED.finditer(letters)}
    for match in SHORT.finditer(letters):
        found.update(range(match.start() + 1, match.end()))
    return found


class Measure:
    """Set widths in points of a table's texts at `size`, with the PDF engine's faces, runs and auto-spacing;
    `fonts` gives the faces by role (`faces.FontSet`)."""

    def __init__(self, fonts, language, size: float, autospace: float):
        self.maker = RunMaker(fonts, language, 1.0, 0.0, None)
        self.fonts = fonts
        self.size, self.autospace = size, autospace
        self.where = Where(None, "a table")

    @classmethod
    def of(cls, theme, language, fonts) -> Measure:
        """The measure of tables in `language` (its profile): their type size (`columns.table_size`), the theme's
        auto-spacing."""
        return cls(fonts, language, table_size(theme, language.code), float(theme.get("pdf.cjk_autospace", 0)))

    def widest(self, text: str, bold: bool = False, heading: bool = False) -> float:
        """The width of the widest unit of `text` a line may not break inside (0 for no text)."""
        runs = self.maker.text(text, Look(self.size, bold=bold, heading=heading), self.where)
        setting = kept(self.fonts.settings, runs, self.autospace)
        whole = setting.text
        points = [0, *filterfalse(unbroken(whole).__contains__, setting.breaks), len(whole)]
        return max((setting.width(a, setting.trimmed(a, b)) for a, b in zip(points, points[1:])), default=0.0)

    def line(self, text: str) -> float:
        """The width of `text` set on one line."""
        setting = kept(self.fonts.settings, self.maker.text(text, Look(self.size), self.where), self.autospace)
        return setting.width(0, len(setting.text))


def item_source(item):
    """Where a list item was written: the `Source` of its first block that has one (None when none has)."""
    return next((block.source for block in item.blocks if getattr(block, "source", None)), None)


def label_hanging(fonts, language, size: float, autospace: float, labels, hanging: float,
                  room: float | None = None, sources=()) -> float:
    """The hanging indent (points) a list's `labels` need at `size`, set as the PDF engine sets them: `hanging`
    while every label fits in it, else the widest label and half an em (`(viii)` in a list whose hanging indent
    fits `(i)`): the text of every item moves right alike. Both writers use it.

    With `room` (points: the line from the labels' place to the right margin): InputError for a label needing
    more than half of it (item 3,000 of a lettered list is `(ddd…)`, 116 letters: its text would be set past the
    margin, its label lost in Word's rendering), at that item's place in `sources` (a `model.Source` a label)."""
    measure = Measure(fonts, language, size, autospace)
    widths = [measure.line(label) if label else 0.0 for label in labels]
    widest = max(widths, default=0.0)
    if room is not None and widest + size / 2 > room / 2:
        at = next(i for i, width in enumerate(widths) if width + size / 2 > room / 2)
        shown = labels[at] if len(labels[at]) <= 24 else f"{labels[at][:11]}…{labels[at][-11:]}"
        raise InputError([problem(sources[at].file, sources[at].line,
                                  f"list item {at + 1}'s label `{shown}` needs {cm(widths[at] + size / 2)} (its "
                                  f"width and half an em): a list's labels may take half the line they start on "
                                  f"({cm(room / 2)} here), its items' text the other half",
                                  "split the list, or make its items paragraphs of their own")])
    return hanging if widest <= hanging else widest + size / 2
