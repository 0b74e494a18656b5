"""The i18n commands refuse a language the document is not translated into at document.yaml's line, as build
and dump do (`DocumentSpec.unlisted`): one not among `languages:` at that line, the language the text is keyed in
at `original:` (they said `ccdocs: error: `fr` is not among the languages of DOC`, exit 2, naming no line)."""

from __future__ import annotations

import pytest

from refusals import Case

LANGUAGES_LINE = "document.yaml:9"  # the minimal document's `languages: [en, zh]`
ORIGINAL_LINE = "document.yaml:8"  # its `original: en`
UNLISTED = "`fr` is not among the document's languages"
KEYED = "`en` is the language the text is keyed in (`original: en`): it has no catalog"

CASES = [
    Case("build", {}, UNLISTED, LANGUAGES_LINE, command=("build", "{doc}", "--lang", "fr", "--out", "{out}")),
    Case("update", {}, UNLISTED, LANGUAGES_LINE, command=("i18n", "update", "{doc}", "--lang", "fr")),
    Case("update-two", {}, UNLISTED, LANGUAGES_LINE, command=("i18n", "update", "{doc}", "--lang", "zh,fr")),
    Case("export", {}, UNLISTED, LANGUAGES_LINE,
         command=("i18n", "export", "{doc}", "--lang", "fr", "-o", "{out}/doc.xlf")),
    Case("import", {}, UNLISTED, LANGUAGES_LINE,
         command=("i18n", "import", "{doc}", "{doc}/document.yaml", "--lang", "fr")),
    Case("review", {}, UNLISTED, LANGUAGES_LINE,
         command=("i18n", "review", "{doc}", "--lang", "fr", "-o", "{out}/review.html")),
    Case("update-source", {}, KEYED, ORIGINAL_LINE, command=("i18n", "update", "{doc}", "--lang", "en")),
    Case("export-source", {}, KEYED, ORIGINAL_LINE,
         command=("i18n", "export", "{doc}", "--lang", "en", "-o", "{out}/doc.xlf")),
    Case("review-source", {}, KEYED, ORIGINAL_LINE,
         command=("i18n", "review", "{doc}", "--lang", "en", "-o", "{out}/review.html")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_language_the_document_is_not_translated_into_is_refused_at_its_document_yaml_line(refuse, case):
    output = refuse(case)
    assert f"{case.where}:" in output and "nothing was written" in output, output
