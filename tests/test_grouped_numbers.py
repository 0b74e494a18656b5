"""A number written with a group separator in a data file (`staff: 1,735`, a CSV cell "1,735") is refused at its
line and column in that file (newcomer #6: it was told at the figure using it, 'cannot format this figure: not a
number: '1,735''): neither YAML nor CSV reads it as a number, and a text of it would print `1,735` in every
language, whatever its way of grouping digits."""

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
