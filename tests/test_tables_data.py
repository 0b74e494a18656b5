"""CSV data that must be read, and tables that must be made: line ends, rows by id, long texts, the most rows."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal

import pytest

from conftest import MINIMAL
from refusals import run
from ccdocs.sources.data import read_csv
from ccdocs.tables.place import MOST_ROWS

ROWS = "id,region,applied\nafrica,Africa,100\nasia,\"Asia,\nPacific\",2.5\ntotal,,102.5\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_read_alike(tmp_path, newline):
    path = tmp_path / "a.csv"
    path.write_bytes(ROWS.replace("\n", newline).encode())
    data = read_csv(path)
    assert list(data) == ["africa", "asia", "total"]
    assert data["asia"]["region"] == "Asia,\nPacific" and data["asia"]["applied"] == Decimal("2.5")
    assert [data.line_of(row_id) for row_id in data] == [2, 3, 5]


def test_rows_by_id_are_a_read_only_mapping(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(ROWS, encoding="utf-8")
    data = read_csv(path)
    assert dict(data.by_id) == {row["id"]: row for row in data.rows}
    assert "asia" in data and "nowhere" not in data and len(data) == 3
    with pytest.raises(TypeError):
        data["africa"]["applied"] = 1  # type: ignore[index]
    again = pickle.loads(pickle.dumps(data))
    assert again == data and again.line_of("total") == 5 and again["asia"] == data["asia"]


def test_ids_stay_as_written(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,v\n007,1\n1.50,2\n", encoding="utf-8")
    assert list(read_csv(path)) == ["007", "1.50"]


def table_rows(folder) -> list[str]:
    """The rows of the minimal document's table as `ccdocs dump --json` prints them: `label | cell | ...`."""
    code, output, _ = run(["dump", str(folder), "--lang", "en", "--json"], timeout=1200)
    assert code == 0, output[-3000:]
    block = next(b for b in json.loads(output)["blocks"] if b["type"] == "table")
    return block["text"].split("\n")[2:]  # after the caption and the header


def test_a_number_longer_than_a_figure_is_a_label(make_doc):
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica," + "7" * 30 + ",100\ntotal,,100\n"})
    assert table_rows(folder)[0] == "7" * 30 + " | 100"


def test_a_3000_character_text_cell_is_kept_whole(make_doc):
    text = " ".join(["remark"] * 430)[:3000]
    folder = make_doc({"data/applicants.csv": f"id,region,applied\nafrica,{text},100\ntotal,,100\n"})
    assert table_rows(folder)[0] == text + " | 100"


def test_numbers_in_a_text_column_print_as_text(make_doc):
    spec = MINIMAL.replace("[{key: applied, heading: Applications}]",
                           "[{key: applied}, {key: year, type: text}, {key: code, type: text}]")
    folder = make_doc({"document.yaml": spec,
                       "data/applicants.csv": "id,region,applied,year,code\nafrica,Africa,100,2025,1.50\n"
                                              "total,,100,,\n"})
    assert table_rows(folder)[0] == "Africa | 100 | 2025 | 1.50"


def test_codes_with_a_leading_zero_print_as_written_in_labels_text_columns_and_figures(make_doc):
    spec = MINIMAL.replace("[{key: applied, heading: Applications}]", "[{key: applied}, {key: code, type: text}]")
    report = "# Introduction\n\nCode {{ applicants.africa.code }}.\n\n::: table applicants\nApplicants\n:::\n"
    folder = make_doc({"document.yaml": spec, "content/report.md": report,
                       "data/applicants.csv": "id,region,applied,code\nafrica,00123,100,007\ntotal,,100,\n"})
    assert table_rows(folder)[0] == "00123 | 100 | 007"
    code, output, _ = run(["dump", str(folder), "--lang", "en", "--json"], timeout=1200)
    assert "Code 007." in [b["text"] for b in json.loads(output)["blocks"]]


def test_sums_nested_3000_deep(make_doc):
    """Each sum counts the next: computed without recursion (the walk once overflowed Python's stack)."""
    spec = MINIMAL.replace("    total: total\n", "    total: total\n    subtotals: {" + ", ".join(
        f"s{i}: [s{i + 1}]" for i in range(2999)) + "}\n")
    body = "".join(f"s{i},S{i},\n" for i in range(2999))
    folder = make_doc({"document.yaml": spec, "data/applicants.csv": f"id,region,applied\n{body}s2999,Last,7\n"
                                                                       "total,,7\n"})
    rows = table_rows(folder)
    assert rows[0] == "S0 | 7" and rows[-1] == "Total | 7" and len(rows) == 3001


def test_a_table_of_the_most_rows_a_paper_prints_is_made(make_doc):
    """A table of `tables.place.MOST_ROWS` rows (its total among them: the paper prints no other) is read, checked,
    summed and placed in time linear in the rows (this is not a timing test: quadratic lookups took 51 s for 32,000
    rows); one row more is refused (test_table_rows_bound.py)."""
    last = MOST_ROWS - 2
    body = "".join(f"r{i},Region {i},{i % 1000}\n" for i in range(MOST_ROWS - 1))
    total = sum(i % 1000 for i in range(MOST_ROWS - 1))
    folder = make_doc({"data/applicants.csv": f"id,region,applied\n{body}total,,{total}\n"})
    rows = table_rows(folder)
    assert len(rows) == MOST_ROWS
    assert rows[-1] == f"Total | {total:,}" and rows[last] == f"Region {last} | {last % 1000}"
