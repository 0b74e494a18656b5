"""Document symbols, years, dates and figures typed in a document's prose rather than bound to its data: what may be stale in
next year's report. A Chinese-keyed text's are found too: next to a CJK character, in full-width digits, as
`2025年12月31日`, `二〇二五年` or `1,234万`.

Only the text a reader sees is searched: every segment of the content files (paragraphs, headings, items,
captions, quotes, footnotes) and the tables' own texts in document.yaml. Inside them, `{{ … }}` figures, link
targets, footnote marks, attribute lists and the block markup at the start of a line (`#`, `-`, `1.`, `>`) are
left out, so what is found is a literal the editor typed, with its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n.segments import extract
from ..sources import spans

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
YEARISH = r"(?:1[89]|2[01])\d\d"
# a letter or digit a literal may not touch: any but those of the scripts that set no space between words (CJK,
# kana, Hangul, full-width forms), so that `2025年` and `为1,234万` are found where `P4` and `x2025` are not
WORD = r"[^\W\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af\uff00-\uffef]"
BEFORE, AFTER = rf"(?<!{WORD})", rf"(?!{WORD})"
CHINESE_YEAR = "[一二][〇零一二三四五六七八九]{3}(?=年)"  # 二〇二五年
KINDS = (
    ("symbol", re.compile(rf"{BEFORE}[A-Z]{{1,12}}(?:/[A-Z0-9.]{{1,12}}){{1,8}}")),  # a document's (WO/CC/82/INF/1)
    ("date", re.compile(rf"{BEFORE}(?:(?:{MONTHS})\s+\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?,\s+{YEARISH}"
                        rf"|\d{{1,2}}\s+(?:{MONTHS})\s+{YEARISH}|(?:{MONTHS})\s+{YEARISH}"
                        rf"|{YEARISH}-\d\d-\d\d|{YEARISH}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?){AFTER}")),
    ("year", re.compile(rf"(?<![\d,.]){BEFORE}{YEARISH}(?:\s*[–/-]\s*(?:{YEARISH}|\d\d){AFTER})?(?!\d|,\d{{3}}|\.\d)"
                        rf"|{CHINESE_YEAR}")),
    ("figure", re.compile(rf"(?<![.,]){BEFORE}\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s?%| per cent|[万亿])?")),
)
DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # full-width digits read as digits (one character each)
# Each span crosses no opening of its kind, so a line of many unclosed ones is scanned in linear time (`spans`)
HIDDEN = re.compile(
    rf"{spans.FIGURE}|{spans.STATEMENT}|{spans.span('{#', '#}')}"      # figures and (refused) statements
    rf"|{spans.span('](', ')', '[^)]')}|<[a-z]+:(?:(?!<)[^>])*>|https?://\S+"  # link targets, autolinks, addresses
    rf"|{spans.span('[^', ']', '[^]]')}|\{{(?:[.#:]|[A-Za-z][\w-]*=)(?:(?!\{{)[^}}])*\}}"  # note marks, attribute lists
    r"|^\s*(?:>\s?)*(?:[-*+]\s+|\d{1,9}[.)]\s+|#{1,6}\s+|:::.*)?", re.M)


@dataclass(frozen=True)
class Literal:
    """A year, date or figure typed in the prose: where it stands and its text."""

    path: Path
    line: int
    col: int
    kind: str
    text: str


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def in_line(text: str) -> list[tuple[int, str, str]]:
    """The literals of one line of Markdown: (0-based column, kind, text), in order.

    >>> in_line("In 2024, {{ staff | number }} staff; 35% more than on May 16, 2023 [^2] (see [p. 4](x/2020)).")
    [(3, 'year', '2024'), (37, 'figure', '35%'), (54, 'date', 'May 16, 2023'), (81, 'figure', '4')]
    >>> in_line("As document WO/CC/82/INF/1 says: 10 to 15 years.")
    [(12, 'symbol', 'WO/CC/82/INF/1'), (33, 'figure', '10'), (39, 'figure', '15')]
    >>> in_line("见WO/CC/82/INF/1：2025年，２０２５年度，截至2025年12月31日，二〇二五年，1,234万瑞士法郎。")  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'symbol', 'WO/CC/82/INF/1'), (16, 'year', '2025'), (22, 'year', '２０２５'), (31, 'date', '2025年12月31日'),
     (43, 'year', '二〇二五'), (49, 'figure', '1,234万')]
    """
    masked = HIDDEN.sub(_blank, text).translate(DIGITS)
    found = []
    for kind, pattern in KINDS:  # what one kind finds is blanked for the next, in one pass
        found += [(match.start(), kind, text[match.start():match.end()]) for match in pattern.finditer(masked)]
        masked = pattern.sub(_blank, masked)
    return sorted(found)


def in_content(path: Path, text: str) -> list[Literal]:
    """The literals typed in the segments of a content file (its text as written)."""
    lines = text.splitlines()
    seen: set[int] = set()
    found = []
    for segment in extract(text, str(path)):
        for number in range(segment.line, max(segment.line, segment.end) + 1):
            if number in seen or number > len(lines):
                continue
            seen.add(number)
            found += [Literal(path, number, col + 1, kind, literal) for col, kind, literal in in_line(lines[number - 1])]
    return found


def in_texts(texts) -> list[Literal]:
    """The literals of the tables' own texts: (text, file, line) triples, or (text, file, line, column) where texts
    share a line (a flow mapping's), each literal located where it is written in the file, searched from the text's
    line (and 1-based column) on (a text folded over lines, or quoted, is found all the same)."""
    lines: dict[str, list[str]] = {}
    found = []
    for text, file, line, *col in texts:
        if file not in lines:
            try:
                lines[file] = Path(file).read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                lines[file] = []
        at = (line, col[0] - 1 if col else 0)
        for _, kind, literal in in_line(text):
            at = _written(lines[file], literal, at)
            found.append(Literal(Path(file), at[0], at[1] + 1, kind, literal))
            at = (at[0], at[1] + len(literal))
    return found


def _written(lines: list[str], literal: str, start: tuple[int, int]) -> tuple[int, int]:
    """Where `literal` is next written in `lines` from `start` (1-based line, 0-based column); `start` if nowhere."""
    number, col = start
    for index in range(number - 1, len(lines)):
        found = lines[index].find(literal, col if index == number - 1 else 0)
        if found >= 0:
            return index + 1, found
    return start
