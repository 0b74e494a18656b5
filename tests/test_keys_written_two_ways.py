"""Specification: two data keys (YAML), row ids or column names (CSV) that are one name in two of Unicode's forms
are refused as a key written twice is, at the second one's line and column.

`café` typed composed (NFC: U+00E9) and `café` typed decomposed (NFD: `e` + U+0301, as macOS or text pasted from a
PDF writes it) look the same to the editor but were two keys: check ok, and a figure took whichever its own
spelling matched (breaks-8 #7). They are compared composed, as `errors.another_form` compares a name with its
choices, and the second is refused naming the first's line, both spelled by their code points.
"""

from __future__ import annotations

import unicodedata

import pytest
from refusals import Case

NFC = unicodedata.normalize("NFC", "café")
NFD = unicodedata.normalize("NFD", "café")
SAID = "of line {line} written another way: the same letters with their accents as one character or as a letter " \
       "and a combining mark"
ROWS = "id,region,applied\nafrica,Africa,100\n{first},A,5\n{second},B,7\ntotal,,112\n"


@pytest.mark.parametrize("case", [
    Case("yaml-composed-first", {"data/workforce.yaml": f"staff: 1735\ncore_share: 0.601\n{NFC}: 5\n{NFD}: 7\n"},
         f"`cafe\\u0301` is `caf\\u00e9` {SAID.format(line=3)}", "doc/data/workforce.yaml:4:1"),
    Case("yaml-decomposed-first", {"data/workforce.yaml": f"staff: 1735\n{NFD}: 7\ncore_share: 0.601\n{NFC}: 5\n"},
         f"`caf\\u00e9` is `cafe\\u0301` {SAID.format(line=2)}", "doc/data/workforce.yaml:4:1"),
    Case("yaml-nested", {"data/workforce.yaml": f"staff: 1735\ncore_share: 0.601\nby:\n  {NFC}: 5\n  {NFD}: 7\n"},
         f"`cafe\\u0301` is `caf\\u00e9` {SAID.format(line=4)}", "doc/data/workforce.yaml:5:3"),
    Case("csv", {"data/applicants.csv": ROWS.format(first=NFC, second=NFD)},
         f"the row id `cafe\\u0301` is `caf\\u00e9` {SAID.format(line=3)}", "doc/data/applicants.csv:4:1"),
    Case("csv-quoted", {"data/applicants.csv": ROWS.format(first=NFD, second=f'"{NFC}"')},
         f"the row id `caf\\u00e9` is `cafe\\u0301` {SAID.format(line=3)}", "doc/data/applicants.csv:4:2"),
    Case("csv-column", {"data/applicants.csv": f"id,region,applied,{NFC},{NFD}\nafrica,Africa,100,5,7\n"
                                               "total,,100,5,7\n"},
         f"the column name `cafe\\u0301` is `caf\\u00e9` {SAID.format(line=1)}", "doc/data/applicants.csv:1:24"),
], ids=lambda case: case.id)
def test_a_key_in_two_unicode_forms_is_refused_at_the_second(refuse, case):
    output = refuse(case)
    assert "keep one of" in output


def test_a_key_written_twice_alike_is_still_told_so(refuse):
    refuse(Case("yaml-same", {"data/workforce.yaml": f"staff: 1735\ncore_share: 0.601\n{NFC}: 5\n{NFC}: 7\n"},
                f"`{NFC}` is written twice in this mapping, on line 3 and here", "doc/data/workforce.yaml:4:1"))
