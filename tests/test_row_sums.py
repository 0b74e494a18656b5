"""Row sums: a column declared `sum_of: [women, men]` is the sum of those columns in each row; a stated figure
that differs is refused at the data file's row (`check` finds it too); a column the data leaves out is computed
and printed, in both languages and both formats."""

from __future__ import annotations

import io
import zipfile

import pdfplumber
import pytest
from conftest import MINIMAL
from refusals import Case

from ccdocs.build import build

TABLE = """\
tables:
  applicants:
    data: applicants
    label: region
    columns:
      - {key: women, heading: Women}
      - {key: men, heading: Men}
      - {key: total, heading: Total, sum_of: [women, men]}
    total: total
"""
REPORT = "# Introduction\n\nText.\n\n::: table applicants\nApplicants\n:::\n"


def files(csv: str, table: str = TABLE, lang: str = "en") -> dict:
    spec = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]")
    return {"document.yaml": spec + table, "data/applicants.csv": csv, "content/report.md": REPORT}


WRONG = "id,region,women,men,total\nafrica,Africa,1200,800,2100\nasia,Asia,10,20,30\ntotal,,1210,820,2030\n"
CASES = [
    Case("stated-row-sum-wrong", files(WRONG), "row `africa`, column `total`: stated 2,100, computed 2,000",
         "data/applicants.csv:2"),
    Case("total-row-sum-wrong", files(WRONG.replace("2100", "2000").replace("2030", "2031")),
         "row `total`, column `total`: stated 2,031, computed 2,030", "data/applicants.csv:4"),
    Case("sum-of-one-column", files(WRONG, TABLE.replace("[women, men]", "[women]")),
         "`sum_of` names the two or more columns", "document.yaml:"),
    Case("sum-of-unknown-column", files(WRONG, TABLE.replace("[women, men]", "[women, mne]")),
         "`sum_of` uses `mne`, which is neither in applicants.csv nor an earlier column", "document.yaml:"),
    Case("total-with-no-rows-above", files("id,region,women,men,total\ntotal,,5,6,11\n"),
         "row `total` is the total, but no row above it is counted", "data/applicants.csv:2"),
    Case("sum-of-and-ratio", files(WRONG, TABLE.replace("sum_of: [women, men]",
                                                        "sum_of: [women, men], ratio: [women, men]")),
         "a column is one of `difference`, `ratio` or `sum_of`", "document.yaml:"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_row_sum_that_does_not_add_up_is_refused_at_its_row(refuse, case):
    refuse(case)


WIDE = TABLE.replace("      - {key: total, heading: Total, sum_of: [women, men]}\n",
                     "      - {key: total, heading: Total, sum_of: [women, men]}\n"
                     "      - {key: code, heading: Code, type: text}\n")
CODED = "id,region,women,men,total,code\nafrica,Africa,1200,800,2000,AF\nasia,Asia,10,20,30,AS\ntotal,,1210,820,2030,\n"


def at_sum(table: str, needle: str = "sum_of") -> str:
    """`document.yaml:N`, N the line of the table spec's column that holds `needle`."""
    text = files(CODED, table)["document.yaml"]
    return f"document.yaml:{text[:text.index(needle)].count(chr(10)) + 1}"


OPERANDS = [  # each wrong operand refused once, at the column's line of document.yaml, before any row is read
    ("text-column-declared-later", WIDE.replace("[women, men]", "[women, code]"), "`sum_of` uses `code`, a text"),
    ("difference-of-a-text-column", WIDE.replace("sum_of: [women, men]", "difference: [women, code]"),
     "`difference` uses `code`, a text"),
    ("the-label-column", WIDE.replace("[women, men]", "[women, region]"), "`sum_of` uses `region`, the label"),
    ("itself", WIDE.replace("[women, men]", "[women, total]"), "`sum_of` uses `total`, the column itself"),
    ("a-percent-sum", WIDE.replace("sum_of: [women, men]", "type: percent, sum_of: [women, men]"),
     "a `sum_of` column adds up amounts"),
]


@pytest.mark.parametrize("name,table,fragment", OPERANDS, ids=[o[0] for o in OPERANDS])
def test_a_derived_column_with_a_wrong_operand_is_refused_once_at_its_spec_line(refuse, name, table, fragment):
    needle = "difference" if "difference" in table else "sum_of"
    output = refuse(Case(name, files(CODED, table), fragment, at_sum(table, needle)))
    assert output.count("error:") == 1, output  # not one per data row, nor a spanning heading's echo


def test_a_refused_sum_column_under_a_spanning_heading_gives_one_error(refuse):
    table = WIDE.replace("[women, men]", "[women, code]") + \
        "    spanning_headings:\n      - {heading: '2025', columns: [women, men, total]}\n"
    output = refuse(Case("spanned", files(CODED, table), "`sum_of` uses `code`, a text", at_sum(table)))
    assert "is not a column" not in output and output.count("error:") == 1, output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_row_sum_missing_from_the_data_is_computed_and_printed(make_doc, lang):
    csv = "id,region,women,men\nafrica,Africa,1200,800\nasia,Asia,10,20\ntotal,,1210,820\n"
    folder = make_doc(files(csv, lang=lang))
    made = {p.suffix: p for p in build([folder], folder.parent / "out", None, ("docx", "pdf"))}
    document = zipfile.ZipFile(io.BytesIO(made[".docx"].read_bytes())).read("word/document.xml").decode()
    with pdfplumber.open(made[".pdf"]) as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    for figure in ("2,000", "30", "2,030"):
        assert f">{figure}<" in document and figure in words, figure
