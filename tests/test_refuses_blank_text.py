"""A block of nothing but blanks (breaks-4 #17): a line holding only a no-break space (U+00A0, Word's and web
pages' `&nbsp;` of an empty paragraph), an ideographic space (U+3000) or an invisible format character (U+200B,
U+00AD, U+2060) is no blank line to CommonMark: it made an empty numbered paragraph (or bullet, note, cell) and
moved every later number. Refused at its line and column, as a heading of blanks already was; a translation of
blanks is no translation (untranslated, at its msgstr's line).
"""

from __future__ import annotations

import pytest

from refusals import Case
from test_refuses_catalogs import HEADING, NOTE, SECOND, catalog, msgstr, po, zh
from test_refuses_markdown import line, report

EMPTY = "it would print as an empty"
UNTRANSLATED = 'content/report.md:5 (report ¶2): "Second'

CASES = [
    Case("nbsp-paragraph", report("First.", "", "\u00a0", "", "Next."), "paragraph holds only U+00A0 NO-BREAK SPACE",
         line(3) + ":1"),
    Case("nbsp-entity-paragraph", report("&nbsp;"), "holds only U+00A0 NO-BREAK SPACE", line(1) + ":1"),
    Case("ideographic-paragraph", report("\u3000\u3000"), "holds only U+3000 IDEOGRAPHIC SPACE", line(1) + ":1"),
    Case("zero-width-paragraph", report("\u200b"), "holds only U+200B ZERO WIDTH SPACE", line(1) + ":1"),
    Case("soft-hyphen-joiner", report("\u00ad\u2060"), "U+00AD SOFT HYPHEN, U+2060 WORD JOINER", line(1) + ":1"),
    Case("nbsp-list-item", report("- one", "- \u00a0", "- three"), "this list item holds only U+00A0",
         line(2) + ":3"),
    Case("ideographic-ordered-item", report("1. one", "2. \u3000"), "list item holds only U+3000", line(2) + ":4"),
    Case("emphasised-blank", report("- *\u200b*"), "list item holds only U+200B", line(1) + ":4"),
    Case("nbsp-footnote", report("Text[^b].", "", "[^b]: \u00a0"), "this footnote holds only U+00A0",
         line(3) + ":7"),
    Case("nbsp-quote", report("> \u00a0"), "this quotation holds only U+00A0", line(1) + ":3"),
    Case("nbsp-box", report("::: box", "\u00a0", ":::"), "this paragraph holds only U+00A0", line(2) + ":1"),
    Case("zero-width-cell", report("| a | b |", "|---|---|", "| 1 | \u200b |"),
         "this table cell holds only U+200B ZERO WIDTH SPACE", line(3) + ":7"),
    Case("zero-width-heading", report("## \u200b"), "a heading without text", line(1)),
    # entities of any HTML5 name and the Hangul fillers (default-ignorable letters: no space, no Cf) print nothing too
    Case("named-entity-paragraph", report("First.", "", "&ZeroWidthSpace;"), "holds only U+200B ZERO WIDTH SPACE",
         line(3) + ":1"),
    Case("named-entity-footnote", report("Text[^b].", "", "[^b]: &NoBreak;&ZeroWidthSpace;"),
         "this footnote holds only U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER", line(3) + ":7"),
    Case("hangul-filler-paragraph", report("\u3164"), "holds only U+3164 HANGUL FILLER", line(1) + ":1"),
    Case("hangul-fillers-item", report("- one", "- \u115f\u1160\uffa0"),
         "list item holds only U+115F HANGUL CHOSEONG FILLER", line(2) + ":3"),
    Case("hangul-filler-heading", report("## \u3164"), "a heading without text", line(1)),
    # invisible characters beyond the BMP (breaks-5 #1): an ideographic variation selector (a mark), the musical and
    # shorthand format controls (Cf), an unassigned default-ignorable code point, typed or as a number
    Case("ivs-paragraph", report("First.", "", "\U000e0100", "", "Next."),
         "paragraph holds only U+E0100 VARIATION SELECTOR-17", line(3) + ":1"),
    Case("ivs-heading", report("## \U000e0100"), "a heading without text", line(1)),
    Case("shorthand-list-item", report("- one", "- \U0001bca0"),
         "list item holds only U+1BCA0 SHORTHAND FORMAT LETTER OVERLAP", line(2) + ":3"),
    Case("musical-footnote", report("Text[^b].", "", "[^b]: \U0001d173"),
         "this footnote holds only U+1D173 MUSICAL SYMBOL BEGIN BEAM", line(3) + ":7"),
    Case("ivs-entity-item", report("- one", "- &#xE01EF;"), "list item holds only U+E01EF VARIATION SELECTOR-256",
         line(2) + ":3"),
    Case("unassigned-ignorable-quote", report("> \U000e0fff"), "this quotation holds only U+E0FFF", line(1) + ":3"),
]

TRANSLATIONS = [
    zh("nbsp", po(catalog(translated={SECOND: "\u00a0"})), UNTRANSLATED, msgstr(SECOND)),
    zh("zero-width", po(catalog(translated={SECOND: "\u200b"})), UNTRANSLATED, msgstr(SECOND)),
    zh("nbsp-zero-width-ideographic", po(catalog(translated={SECOND: "\u00a0\u200b\u3000"})), UNTRANSLATED,
       msgstr(SECOND)),
    zh("note-soft-hyphen", po(catalog(translated={NOTE: "\u00ad"})), "untranslated segment", msgstr(NOTE)),
    zh("named-entity", po(catalog(translated={SECOND: "&ZeroWidthSpace;"})),   # read as Markdown, then refused
       "this paragraph holds only U+200B ZERO WIDTH SPACE", msgstr(SECOND)),
    zh("hangul-filler", po(catalog(translated={SECOND: "\u3164"})), UNTRANSLATED, msgstr(SECOND)),
    zh("ivs", po(catalog(translated={SECOND: "\U000e0100"})), UNTRANSLATED, msgstr(SECOND)),
    zh("ivs-heading", po(catalog(translated={HEADING: "\U000e0100"})), "untranslated segment", msgstr(HEADING)),
    zh("musical-entity", po(catalog(translated={SECOND: "&#x1D173;"})),   # read as Markdown, then refused
       "this paragraph holds only U+1D173 MUSICAL SYMBOL BEGIN BEAM", msgstr(SECOND)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_blank_block_refused(refuse, case):
    output = refuse(case)
    assert EMPTY in output or "heading" in case.id


@pytest.mark.parametrize("case", TRANSLATIONS, ids=lambda c: c.id)
def test_blank_translation_untranslated(refuse, case):
    refuse(case)
