"""A tab typed in the text (breaks-4 #10): Word prints it as a jump to the next tab stop (`<w:tab/>`, in a cell
to the cell's next stop: `1<tab>2` reads as two figures), the PDF as one space; the two formats differed silently.
One rule for both writers, as for one-line fields (7079aad, 80c94cd): a tab in a paragraph, heading, list item,
pipe-table cell, footnote or code span is refused at its line and column, and in a translation at its msgstr's
line. A tab that is Markdown's indentation (a nested list, a continuation line, around a cell) is syntax and
stays accepted.
"""

from __future__ import annotations

import pytest

from ccdocs.errors import Collector
from ccdocs.parse.markdown import parse_markdown
from refusals import Case
from test_refuses_catalogs import CAPTION, HEADING, NOTE, SECOND, catalog, msgstr, po, zh
from test_refuses_markdown import line, report

TAB = "a tab U+0009 in the text"

CASES = [
    Case("paragraph", report("Col1\tCol2\tCol3 tab inside."), TAB, line(1) + ":5"),
    Case("paragraph-hint", report("Col1\tCol2"), "write a space; to set texts in columns, write a table", line(1)),
    Case("heading", report("## Intro\tHeading"), TAB, line(1) + ":9"),
    Case("list-item", report("- item\twith tab"), TAB, line(1) + ":7"),
    Case("ordered-item", report("1. one", "2. two \tthree"), TAB, line(2) + ":8"),
    Case("pipe-cell", report("| a | c |", "|---|---|", "| 1\t2 | 3 |"), TAB, line(3) + ":4"),
    Case("pipe-heading-cell", report("| a\tb | c |", "|---|---|", "| 1 | 3 |"), TAB, line(1) + ":4"),
    Case("footnote", report("Text[^t].", "", "[^t]: Note\twith tab."), TAB, line(3) + ":11"),
    Case("code-span", report("> A `x\ty` code."), TAB, line(1) + ":7"),
    Case("second-line", report("First line", "second\tline."), TAB, line(2) + ":7"),
    # written as an entity, the tab is decoded by markdown-it into the text all the same (verify-9 V11)
    Case("entities", report("Col1&#9;Col2&Tab;Col3 here."), TAB, line(1) + ":5"),
    Case("hex-entity-cell", report("| a | c |", "|---|---|", "| 1&#x09;2 | 3 |"), TAB, line(3) + ":4"),
]

TRANSLATIONS = [
    zh("paragraph", po(catalog(translated={SECOND: "第二\t段。"})), "a tab U+0009 in the translation",
       msgstr(SECOND)),
    zh("heading", po(catalog(translated={HEADING: "导\t言"})), "report, before ¶1: a tab U+0009", msgstr(HEADING)),
    zh("note", po(catalog(translated={NOTE: "截至\t2025 年 12 月 31 日。"})), "write a space", msgstr(NOTE)),
    zh("caption", po(catalog(translated={CAPTION: "按区域\t分列的申请人"})), "a tab U+0009", msgstr(CAPTION)),
    zh("entity", po(catalog(translated={SECOND: "第二&#9;段。"})), "a tab U+0009 in the translation",
       msgstr(SECOND)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_tab_in_text_refused(refuse, case):
    refuse(case)


@pytest.mark.parametrize("case", TRANSLATIONS, ids=lambda c: c.id)
def test_tab_in_translation_refused(refuse, case):
    refuse(case)


@pytest.mark.parametrize("text", ["- one\n\t- nested with a tab\n", "First line\n\tcontinued.\n",
                                  "| a |\t b |\n|---|---|\n|\t1 | 2\t|\n"], ids=["nested-list", "continuation", "cells"])
def test_tab_as_indentation_accepted(text):
    out = Collector()
    parse_markdown("# T\n\n" + text, None, "r.md", out, None)
    assert not out.problems
