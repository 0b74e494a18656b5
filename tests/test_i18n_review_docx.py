"""`ccdocs i18n review --format docx`: the review as a Word table, English changes as revisions, checks as comments.

A copy of WO/CC/86/INF/1 with report ¶2 edited in English and updated (fuzzy), one placeholder dropped from a
translation (failing) and one translation emptied (untranslated), reviewed as DOCX once for the module.
"""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from ccdocs.i18n.catalogs import po_path
from ccdocs.i18n.extract import document_segments
from ccdocs.pipeline import read_sources
from conftest import DOCS, run_ccdocs
from libreoffice import to_pdf
from ooxml.validate import validate

EDITS = [("The Organization chose to treat these pressures as an occasion",
          "The Organization decided to treat these new pressures as an opportunity")]
PREVIOUS, CURRENT = EDITS[0]
DROPPED = ("本组织的{{ report.member_states | number }}个成员国", "本组织的成员国")  # report ¶3 loses its placeholder
EMPTIED = 'msgstr "成果落地之年"'  # the heading before report ¶1


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """The path of the review DOCX of the edited copy."""
    work = tmp_path_factory.mktemp("review-docx")
    folder = work / "doc"
    shutil.copytree(DOCS["86"], folder, ignore=shutil.ignore_patterns("expected"))
    intro = folder / "content" / "01-introduction.md"
    intro.write_text(intro.read_text(encoding="utf-8").replace(*EDITS[0]), encoding="utf-8")
    assert run_ccdocs("i18n", "update", folder, "--lang", "zh").returncode == 0
    po = po_path(folder, "zh")
    po.write_text(po.read_text(encoding="utf-8").replace(*DROPPED).replace(EMPTIED, 'msgstr ""'), encoding="utf-8")
    out = work / "review.docx"
    result = run_ccdocs("i18n", "review", folder, "--lang", "zh", "--format", "docx", "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def test_a_docx_name_without_format_gets_a_docx(tmp_path):
    """`-o x.docx` without `--format`: the format is the name's (it was HTML in a .docx name, silently)."""
    out = tmp_path / "named.docx"
    result = run_ccdocs("i18n", "review", DOCS["86"], "--lang", "zh", "-o", out)
    assert result.returncode == 0, result.stderr
    assert len(docx.Document(out).tables[0].rows) > 10


def row_of(document, label: str):
    return next(row for row in document.tables[0].rows if row.cells[0].paragraphs[0].text == label)


def test_a_three_column_bilingual_table_row_per_segment(reviewed):
    table = docx.Document(str(reviewed)).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Paragraph", "English", "Chinese"]
    segments = document_segments(read_sources(reviewed.parent / "doc"))  # every place, a text used twice twice
    assert len(table.rows) == 1 + len(segments)
    first = table.rows[1].cells
    assert first[0].paragraphs[0].text == "cover-note ¶1"
    assert first[1].text.startswith("The Secretariat submits to the WIPO Coordination Committee")
    assert first[2].text.startswith("秘书处现将本说明之后所附的人力资源年度报告")
    assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None  # repeated on each page


def test_the_english_change_of_a_fuzzy_row_is_tracked_word_by_word(reviewed):
    cell = row_of(docx.Document(str(reviewed)), "report ¶2").cells[1]._tc
    deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in cell.iter(qn("w:del"))]
    inserted = ["".join(t.text for t in i.iter(qn("w:t"))) for i in cell.iter(qn("w:ins"))]
    assert deleted == ["chose", "occasion"] and inserted == ["decided", "new ", "opportunity"]
    assert all(d.get(qn("w:author")) == "ccdocs" for d in cell.iter(qn("w:del"), qn("w:ins")))
    kept = "".join(t.text for t in cell.iter(qn("w:t")))  # "Accept all" reads the current English
    assert kept.startswith(CURRENT)
    ids = [int(e.get(qn("w:id"))) for e in docx.Document(str(reviewed)).element.iter(qn("w:ins"), qn("w:del"))]
    assert len(ids) == len(set(ids)) == 5


def _comment_in(row) -> str:
    """The id of the comment anchored in the row's translation cell."""
    start = row.cells[2]._tc.find(f".//{qn('w:commentRangeStart')}")
    assert start is not None, "no comment anchored in the translation"
    return start.get(qn("w:id"))


def comments_by_id(path) -> dict:
    return {str(c.comment_id): c.text for c in docx.Document(str(path)).comments}


def test_fuzzy_and_failing_rows_carry_a_comment_with_the_checks(reviewed):
    document = docx.Document(str(reviewed))
    comments = comments_by_id(reviewed)
    fuzzy = comments[_comment_in(row_of(document, "report ¶2"))]
    assert fuzzy.startswith("Fuzzy: the English changed since this translation was made")
    failing = comments[_comment_in(row_of(document, "report ¶3"))]
    assert "placeholder `{{ report.member_states | number }}` is missing from the translation" in failing
    assert len(comments) == 2  # the translated rows, and the untranslated heading, carry none
    heading = row_of(document, "report, before ¶1")
    assert heading.cells[2].text == "not translated" and "untranslated" in heading.cells[0].text


def test_the_review_passes_the_ooxml_schemas(reviewed):
    assert validate(reviewed) == []


def test_libreoffice_opens_it_and_prints_both_languages(reviewed, tmp_path):
    pdf = to_pdf([reviewed], tmp_path) / "review.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "WO/CC/86/INF/1: Chinese translation review" in text
    assert "The Secretariat submits to the WIPO Coordination Committee" in text
    assert "秘书处现将本说明之后所附的人力资源年度报告" in text
    assert "chosedecided" in text.replace(" ", "")  # the deletion shown beside the insertion, as Word shows them
