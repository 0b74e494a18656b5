"""Specification: a glossary term of nothing but invisible characters is no term (verify-10 V4).

A row `\\u200b,福,` (or U+E0100 as the source, or `Foo,\\u200b,`) was accepted where ` ,福,` and `\\u3000,福,`
are refused: the blank test was str.strip. A term must show something as a paragraph must (`parse.visible.shows`):
a source or target of spaces and invisible characters only is refused at its row, as an empty one is.
"""

from __future__ import annotations

import pytest

from conftest import ccdocs_here
from refusals import Case

HEADER = "source,target,note\n"
SAID = "a glossary row needs a source and a target"


def catalog_made(folder, out):
    ccdocs_here("i18n", "update", folder, "--lang", "zh")


@pytest.mark.parametrize("case", [
    Case("zero-width-source", {"locales/zh/glossary.csv": HEADER + "WIPO,产权组织,\n\u200b,福,\n"}, SAID,
         "glossary.csv:3", setup=catalog_made),
    Case("variation-selector-source", {"locales/zh/glossary.csv": HEADER + "\U000e0100,福,\n"}, SAID,
         "glossary.csv:2", setup=catalog_made),
    Case("zero-width-target", {"locales/zh/glossary.csv": HEADER + "Foo,\u200b\u2060,\n"}, SAID,
         "glossary.csv:2", setup=catalog_made),
], ids=lambda case: case.id)
def test_a_term_of_invisible_characters_is_refused_at_its_row(refuse, case):
    refuse(case)
