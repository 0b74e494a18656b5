"""A mistake is told where it was typed (newcomer-12 N18, N5): an undefined footnote mark at its own line and
column, with the note defined under a close label suggested; a value of the data or of `variables:` that a filter
cannot format at the value's own line, with what to write, as well as at the figure."""

from __future__ import annotations

from conftest import MINIMAL, REPORT
from refusals import invoke


def _built_en(folder, tmp_path) -> tuple[int, str]:
    code, output, escaped = invoke(["build", str(folder), "--lang", "en", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    assert not escaped, output
    return code, output


def test_an_undefined_footnote_mark_is_told_at_its_column_with_the_unused_note_of_a_close_label(make_doc, tmp_path):
    report = REPORT.replace("Second paragraph.", "Second paragraph,\nwith staff counted by grade[^grad] here.")
    report = report.replace("[^staff]: As at", "[^grade]: Grades P and G.\n\n[^staff]: As at")
    folder = make_doc({"content/report.md": report})
    code, output = _built_en(folder, tmp_path)
    assert code == 1, output
    assert (f"{folder}/content/report.md:6:28: error: footnote `[^grad]` is not defined (did you mean `[^grade]`? "
            "A note the file defines and never marks; or add a line `[^grad]: text of the note`)") in output, output
    assert f"{folder}/content/report.md:8:1: error: footnote `[^grade]` is never used" in output, output


def test_an_undefined_footnote_mark_with_no_close_note_is_told_to_be_written(make_doc, tmp_path):
    folder = make_doc({"content/report.md": REPORT.replace("Second paragraph.", "Second[^x] paragraph.")})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and (f"{folder}/content/report.md:5:7: error: footnote `[^x]` is not defined (add a line "
                          "`[^x]: text of the note`)") in output, output


def test_a_quoted_grouped_number_of_the_data_is_told_at_its_place_with_the_digits_to_write(make_doc, tmp_path):
    """newcomer-12 N5: `staff: '1,735'` (quoted, as YAML's reading of 1,735 as a text asks) with `| number` was told
    only at the figure ('check the value in the data file'); an unquoted one is told at the data file already."""
    folder = make_doc({"data/workforce.yaml": "staff: '1,735'\ncore_share: 0.601\n"})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and output.splitlines()[-1] == "1 error; nothing was written.", output
    assert (f"{folder}/data/workforce.yaml:1:8: error: `1,735` is a text, not a number, so the figure at "
            f"{folder}/content/report.md:3 cannot format it (`| number`) (write the digits alone, without quotes: "
            "`1735` [the paper groups them as each language writes numbers])") in output, output


def test_a_variable_written_as_a_geneva_date_is_told_in_document_yaml_with_the_iso_date(make_doc, tmp_path):
    """newcomer-12 N5-bis: `period_start: 01.01.2025` under `variables:` with `| date` was told at the figure as
    'not an ISO date … (check the value in the data file …)': it is in document.yaml, not in a data file."""
    document = MINIMAL.replace("variables: {", "variables: {closing_day: 31.01.2025, ")
    report = REPORT.replace("Second paragraph.", "Until {{ closing_day | date }}.")
    folder = make_doc({"document.yaml": document, "content/report.md": report})
    code, output = _built_en(folder, tmp_path)
    line = next(n for n, text in enumerate(document.splitlines(), 1) if text.startswith("variables:"))
    assert code == 1 and (f"{folder}/document.yaml:{line}:26: error: `31.01.2025` is not a date written YYYY-MM-DD, so "
                          f"the figure at {folder}/content/report.md:5 cannot format it (`| date`) (write it as "
                          "YYYY-MM-DD: `2025-01-31` [read day first, as 31.01.2025 is in Geneva])") in output, output


def test_a_text_no_yaml_holds_is_told_at_the_figure_as_before(make_doc, tmp_path):
    folder = make_doc({"content/report.md": REPORT.replace("Second paragraph.", "See {{ 'x' | number }}.")})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and (f"{folder}/content/report.md:5:5: error: cannot format this figure: not a number: 'x' "
                          "(check the value in the data file and the filter)") in output, output


def test_an_empty_cell_a_figure_formats_is_told_empty_at_the_figure_not_at_an_empty_text_of_the_yaml(make_doc,
                                                                                                     tmp_path):
    """An empty CSV cell is the same Python object as an empty text of the YAML (`note: ''`): never told there."""
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,\ntotal,,\n",
                       "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\nnote: ''\n",
                       "content/report.md": REPORT.replace("Second paragraph.",
                                                           "Africa: {{ applicants.africa.applied | number }}.")})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and (f"{folder}/content/report.md:5:9: error: cannot format this figure: its value is empty (an "
                          "empty cell of a CSV file, or an empty text) (write the figure in the data file [0 if it is "
                          "zero])") in output and "workforce.yaml" not in output, output


def test_a_text_of_a_csv_cell_is_never_told_at_an_equal_text_of_the_yaml(make_doc, tmp_path):
    """review-13 R8: a CSV cell's text a filter refuses was told at a YAML key holding the same words (the only
    one alike), a line that has nothing to do with it; it is told at the figure."""
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,Sustain\ntotal,,\n",
                       "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\naside: Sustain\n",
                       "content/report.md": REPORT.replace("Second paragraph.",
                                                           "Africa: {{ applicants.africa.applied | number }}.")})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and "workforce.yaml" not in output, output
