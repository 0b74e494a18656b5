"""A number written with a group separator in a data file (`staff: 1,735`, a CSV cell "1,735") is refused at its
line and column in that file (newcomer #6: it was told at the figure using it, 'cannot format this figure: not a
number: '1,735''): neither YAML nor CSV reads it as a number, and a text of it would print `1,735` in every
language, whatever its way of grouping digits. A CSV cell is refused where a number is expected of it (a table's or
a chart's figure column, a figure formatting or computing with it), at its own place: in a text column or a row's
label it is the text typed, which CSV cannot quote otherwise (review-12 R2, R3)."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, ccdocs_here

ENGLISH = MINIMAL.replace("languages: [en, zh]", "languages: [en]")


def _errors(make_doc, files: dict) -> list[str]:
    result = ccdocs_here("check", make_doc({"document.yaml": ENGLISH, **files}))
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if ": error: " in line]


@pytest.mark.parametrize("files, where, value", [
    ({"data/workforce.yaml": "staff: 1,735\ncore_share: 0.601\n"}, "data/workforce.yaml:1:8", "1,735"),
    ({"data/workforce.yaml": "staff: -12,000.5\ncore_share: 0.601\n"}, "data/workforce.yaml:1:8", "-12,000.5"),
    ({"data/applicants.csv": 'id,region,applied\nafrica,Africa,"1,000"\ntotal,,100\n'}, "data/applicants.csv:2:16",
     "1,000"),
    ({"document.yaml": ENGLISH.replace("variables: {period_start: 2025-01-01, period_end: 2025-12-31}",
                                       "variables:\n  period_start: 2025-01-01\n  staff: 1,735")},
     "document.yaml:21:10", "1,735"),
], ids=["yaml", "yaml-decimal", "csv", "variables"])
def test_a_grouped_number_is_refused_at_its_place_in_the_data(make_doc, files, where, value):
    told = _errors(make_doc, files)
    assert len(told) == 1, told
    assert told[0].split(": error: ")[0].endswith(where), told
    assert f"`{value}` is not a number: its group separator `,`" in told[0]
    assert f"write the digits alone, `{value.replace(',', '')}`" in told[0]


def test_a_quoted_yaml_text_of_digits_and_commas_stays_a_text(make_doc):
    """Quoted, it is a text by the writer's choice: printed as typed where a figure prints it as a text."""
    told = _errors(make_doc, {"data/workforce.yaml": 'staff: 1735\ncore_share: 0.601\ncode: "1,735"\n'})
    assert told == []


BANDS = ENGLISH.replace("  applicants: data/applicants.csv\n", "  applicants: data/applicants.csv\n  bands: data/bands.csv\n") + """\
  bands:
    data: bands
    label: band
    columns: [{key: offices, heading: Offices}, {key: note, heading: Note, type: text}]
"""
PLACED = "::: table bands\nBands\n:::\n\n::: table applicants\nApplicants\n:::\n"


def _bands(make_doc, csv: str, figures: str = "") -> list[str]:
    """The errors check tells of data/bands.csv holding `csv`, a table of it (`offices` figures, `note` a text, the
    label `band`) placed in the report, which holds `figures` on its line 3 (or nothing)."""
    report = f"# Introduction\n\n{figures or 'Text.'}\n\n{PLACED}"
    return _errors(make_doc, {"document.yaml": BANDS, "data/bands.csv": csv, "content/report.md": report})


def test_a_grouped_number_in_a_text_column_or_a_label_is_the_text_typed(make_doc):
    """CSV has no way to write `1,500` but as a grouped number: a label or a `type: text` column prints it so."""
    folder = make_doc({"document.yaml": BANDS, "content/report.md": f"# Introduction\n\nAt {{{{ bands.b1.band }}}}.\n\n{PLACED}",
                       "data/bands.csv": 'id,band,offices,note\nb1,"1,000",12,"1,500"\nb2,"Up to 1,000",3,x\n'})
    assert ccdocs_here("check", folder).returncode == 0
    dumped = ccdocs_here("dump", folder, "--lang", "en").stdout
    assert "    1,000 | 12 | 1,500\n" in dumped and "] 1. At 1,000.\n" in dumped, dumped


def test_each_grouped_number_where_a_figure_is_expected_is_told_at_its_own_cell(make_doc):
    told = _bands(make_doc, 'id,band,offices,note\nb2,"Up to 1,000","1,000",y\nb3,5,"2,000","3,000"\n'
                  'b4,"a ""q"", b","12,000,000",x\n')
    assert [line.split(": error: ")[0].split("doc/")[1] for line in told] == [
        "data/bands.csv:2:19", "data/bands.csv:3:7", "data/bands.csv:4:18"], told
    assert "row `b2`, column `offices`: `1,000` is not a number" in told[0]
    assert "which `bands` (under `tables:` or `charts:`) cannot print as a figure" in told[0]
    # the hint: the digits alone, and where one comma may be a decimal comma, that reading too
    assert told[0].endswith("(write the digits alone, `1000`: the paper groups them as each language writes numbers; "
                            "if the file was exported with a decimal comma, `1,000` is 1.000: write `1.000`)"), told
    assert told[2].endswith("(write the digits alone, `12000000`: the paper groups them as each language writes "
                            "numbers)"), told


def test_a_grouped_cell_does_not_hide_its_rows_other_problems(make_doc):
    told = _bands(make_doc, 'id,band,offices,note\n,"1,000","1,000",y\nb3,5,"1,000",x\n')
    assert len(told) == 1 and "data/bands.csv:2:1: error: this row has an empty `id`" in told[0], told


def test_a_figure_formatting_or_computing_with_a_grouped_cell_is_told_at_the_cell(make_doc):
    told = _bands(make_doc, 'id,band,offices,note\nb1,A,12,"1,500"\nb2,B,3,"2,500.5"\n',
                  "Notes {{ bands.b1.note | number }} and {{ bands.b2.note * 2 }}, as typed {{ bands.b1.note }}.")
    assert [line.split(": error: ")[0].split("doc/")[1] for line in told] == [
        "data/bands.csv:2:10", "data/bands.csv:3:9"], told
    assert "row `b1`, column `note`: `1,500` is not a number: its group separator `,` makes CSV read it as a text, " \
           "which the figure at " in told[0] and "content/report.md:3:7 cannot format (write the digits alone, " \
           "`1500`" in told[0], told
    assert "content/report.md:3:40 cannot compute with" in told[1], told
