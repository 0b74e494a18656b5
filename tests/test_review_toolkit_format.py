"""`ccdocs i18n review --toolkit` writes an HTML page only: asking for Word, by `--format docx` or by an `-o` name
ending in .docx, is refused saying which of the two asked for it and what to do (exit 2, nothing written)."""

from __future__ import annotations

import pytest

from refusals import Case


@pytest.mark.parametrize("case", [
    # no --format given: the message must not blame one (it said "--format docx reviews a document's content")
    Case("toolkit-named-docx", {}, "strings.docx: the toolkit's strings are reviewed as an HTML "
         "page, and the name ends in .docx (name it *.html", None, code=2,
         command=("i18n", "review", "--toolkit", "--lang", "zh", "-o", "{out}/strings.docx")),
    Case("toolkit-html-named-docx", {}, "the name ends in .docx (name it *.html", None, code=2,
         command=("i18n", "review", "--toolkit", "--lang", "zh", "--format", "html", "-o", "{out}/strings.docx")),
    Case("toolkit-format-docx", {}, "--toolkit reviews the toolkit's strings as an HTML page; --format docx is for a "
         "document's content (leave --format out", None, code=2,
         command=("i18n", "review", "--toolkit", "--lang", "zh", "--format", "docx", "-o", "{out}/strings.html")),
], ids=lambda case: case.id)
def test_the_toolkit_review_asked_for_as_word_says_what_asked(refuse, case):
    refuse(case)


def test_the_no_format_message_names_no_option_not_given(refuse):
    said = refuse(Case("toolkit-named-docx-words", {}, "strings.docx", None, code=2,
                       command=("i18n", "review", "--toolkit", "--lang", "zh", "-o", "{out}/strings.docx")))
    assert "--format" not in said
