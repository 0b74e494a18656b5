"""Specification: numbers past a numbering style's old ceiling are written, or refused at the input's line.

Chinese numerals were written up to 9,999 only: the 10,000th chapter of a Chinese paper (chapters numbered 一、二、…)
or its 10,000th annex was an internal error. They are now written at any size in the standard reading (一万,
一万零一, 十万, 一亿零一百万), as CLDR's `zh` spellout does below 一亿. Arabic ordinal words stop at 199: a session
number above it is refused at its document.yaml line, not an internal error.
"""

from __future__ import annotations

import random

import pytest
from refusals import Case

from ccdocs.l10n.numerals import chinese_numeral

DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
SMALL = {"十": 10, "百": 100, "千": 1000}
LARGE = {"万": 10 ** 4, "亿": 10 ** 8}


def read_chinese(text: str) -> int:
    """An independent reader: digits times 十/百/千 summed into a section; 万 and 亿 multiply all read since the
    last larger unit (一万亿 = 10^12, 一亿亿 = 10^16); a bare leading 十 is 10."""
    total, section, digit = 0, 0, None
    stack: list[tuple[int, int]] = []  # (unit, value) of the large units read, to multiply what follows them
    for ch in text:
        if ch in SMALL:
            section += (1 if digit is None else digit) * SMALL[ch]
            digit = None
        elif ch in LARGE:
            unit = LARGE[ch]
            value = section + (digit or 0)
            while stack and stack[-1][0] <= unit:  # 一万亿, 一亿亿: the smaller unit is part of the multiple
                value += stack.pop()[1]
            stack.append((unit, value * unit))
            section, digit = 0, None
        else:
            digit = DIGITS[ch]
    return sum(value for _, value in stack) + section + (digit or 0)


@pytest.mark.parametrize("n, numeral", [
    (10000, "一万"), (10001, "一万零一"), (10010, "一万零一十"), (10100, "一万零一百"), (11000, "一万一千"),
    (12345, "一万二千三百四十五"), (20000, "二万"), (100000, "十万"), (100001, "十万零一"), (110000, "十一万"),
    (1000000, "一百万"), (1010000, "一百零一万"), (10001000, "一千万一千"), (10100000, "一千零一十万"),
    (100000000, "一亿"), (100010000, "一亿零一万"), (100000001, "一亿零一"), (110000000, "一亿一千万"),
    (101000000, "一亿零一百万"), (10 ** 12, "一万亿"), (10 ** 16, "一亿亿"),
])
def test_chinese_numerals_past_9999_read_as_chinese_writes_them(n, numeral):
    assert chinese_numeral(n) == numeral


def test_chinese_numerals_read_back_at_every_size():
    numbers = [*range(9990, 10200), *range(99990, 100200)]
    numbers += random.Random(19).sample(range(10 ** 4, 10 ** 18), 3000)
    for n in numbers:
        text = chinese_numeral(n)
        assert read_chinese(text) == n, (n, text)
        assert "零零" not in text and not text.endswith("零") and not text.startswith("一十"), (n, text)


def test_the_ten_thousandth_chapter_of_a_chinese_paper_is_numbered(make_doc):
    """10,001 chapters in the `roman` style (Chinese: 一、二、…): the model labels the 10,000th 一万、."""
    from ccdocs.model import Heading
    from ccdocs.pipeline import read_sources, resolve

    chapters = "".join(f"# Chapter {n}\n\nText {n}.\n\n" for n in range(1, 10002))
    folder = make_doc({"content/report.md": chapters})
    yaml = folder / "document.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "chapter_style: roman\n", encoding="utf-8")
    doc = resolve(read_sources(folder), "zh")
    report = next(part for part in doc.parts if part.kind == "report")
    prefixes = [block.prefix for block in report.blocks if isinstance(block, Heading) and block.level == 1]
    assert prefixes[9998:] == ["九千九百九十九、", "一万、", "一万零一、"]


ARABIC = """\
symbol: WO/CC/{number}/INF/1
body: coordination-committee
session:
  number: {number}
  {count}
venue: Geneva
first_day: 2026-07-07
last_day: 2026-07-15
date: 2026-05-21
original: en
languages: [en, ar]
title: {{en: Annual Report, ar: التقرير السنوي}}
kind: information
parts:
  - {{type: cover-note, files: [content/note.md]}}
  - {{type: report, files: [content/report.md]}}
"""
TEXTS = {"content/note.md": "The note.\n", "content/report.md": "# Introduction\n\nText.\n", "content/annex.md": None,
         "data/workforce.yaml": None, "data/applicants.csv": None}

CASES = [
    Case("arabic-session-number-past-199", {"document.yaml": ARABIC.format(number=250, count=""), **TEXTS},
         "`session.number` is 250: the ar cover spells it in `arabic-ordinal` numbering, which goes up to 199",
         "document.yaml:4"),
    Case("arabic-session-count-past-199", {"document.yaml": ARABIC.format(number=86, count="ordinary: 230"),
                                           **TEXTS},
         "`session.ordinary` is 230", "document.yaml:5"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_session_number_the_cover_cannot_spell_is_refused_at_its_line(refuse, case):
    refuse(case)
