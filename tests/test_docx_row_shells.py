"""DOCX tables whose rows are copies of row shells (issue 19, `writers/docx/tables.py`): a ruled table's header rows,
and only they, repeat on each page and are set in the Table Heading style, every body row (a budget's heading rows
among them) in Table Text; each cell holds its own text."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn


def _ruled_tables(path):
    body = Document(path).element.body
    for tbl in body.iter(qn("w:tbl")):
        style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if style is not None and style.get(qn("w:val")) == "RuledTable":
            yield tbl


def _styles(tr) -> set[str]:
    return {style.get(qn("w:val")) for style in tr.iter(qn("w:pStyle"))}


@pytest.mark.parametrize("key", ["86", "84", "budget"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_only_a_tables_header_rows_repeat_and_are_set_as_headings(built, key, lang):
    tables = list(_ruled_tables(built(key, lang, "docx")))
    assert tables
    for tbl in tables:
        rows = tbl.findall(qn("w:tr"))
        repeated = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows]
        head = repeated.index(False)
        assert head in (1, 2) and not any(repeated[head:]), repeated
        assert all(_styles(tr) == {"TableHeading"} for tr in rows[:head])
        assert all(_styles(tr) == {"TableText"} for tr in rows[head:])
        texts = ["".join(t.text for t in tc.iter(qn("w:t"))) for tr in rows[head:] for tc in tr.findall(qn("w:tc"))]
        assert len(set(texts)) > 1   # each cell its own text, not a shell's
