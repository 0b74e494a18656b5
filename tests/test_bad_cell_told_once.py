"""A CSV cell that is not a number in a column of figures is told once, at its own line and column, with what to
write; the figures using it are its consequences, not told again (breaks-8 #12, message).

budget-table's `posts.proposed` written `nan` gave four errors: the figure formatting it ('not a finite number:
'nan''), a figure computing with it ('`-` cannot be applied to a text'), a false one ('each key figure starts with its
figure in bold': the failed figure left `- **** for posts`), and last the cell itself, at the row's column 1. A bare
figure of a CSV decimal was told as Python writes it (`Decimal('1.5')`).
"""

from __future__ import annotations

import pytest
from conftest import MINIMAL, REPORT, ccdocs_here

ENGLISH = MINIMAL.replace("languages: [en, zh]", "languages: [en]")
USES = REPORT.replace("Second paragraph.", """\
::: keyfigures
- **{{ applicants.africa.applied | number }}** applications from Africa
:::

Others: {{ (applicants.total.applied - applicants.africa.applied) | number }}.""")


def _errors(make_doc, cell: str, report: str = USES) -> list[str]:
    """The errors `check` tells of applicants.csv's `africa.applied` written `cell` (of the other rows' figures), used
    by `report` (the table `applicants` placed or not)."""
    document = ENGLISH if "::: table applicants" in report else ENGLISH.split("tables:")[0]
    data = f"id,region,applied\nafrica,Africa,{cell}\neurope,Europe,7\ntotal,,107\n"
    folder = make_doc({"document.yaml": document, "content/report.md": report, "data/applicants.csv": data})
    result = ccdocs_here("check", folder)
    assert "Traceback" not in result.stderr, result.stderr
    return [line.split("/doc/", 1)[1] for line in result.stderr.splitlines() if ": error: " in line]


def test_a_cell_a_table_and_figures_use_is_told_once_at_its_column(make_doc):
    assert _errors(make_doc, "nan") == [
        "data/applicants.csv:2:15: error: row `africa`, column `applied`: `nan` is not a number (write the figure as "
        "digits, without thousands separators, units or exponents, or leave the cell empty where there is no figure)"]


@pytest.mark.parametrize("cell, meant", [('"1 500"', "1500"), ("1'500", "1500"), ("\u22121500", "-1500"),
                                         ("(1500)", "-1500"), ('"\uff11\uff0c\uff15\uff10\uff10"', "1500"),
                                         ("5e3", "5000"), ("0001500", "1500")])
def test_a_cell_meaning_a_number_is_told_with_the_figure_to_write(make_doc, cell, meant):
    told = _errors(make_doc, cell)
    column = 16 if cell.startswith('"') else 15
    assert len(told) == 1 and told[0].startswith(f"data/applicants.csv:2:{column}: error: row `africa`, column "
                                                 "`applied`: "), told
    assert told[0].endswith(f"is not a number (write `{meant}`: a figure is written as digits, a point for its "
                            "decimals and a `-` for a negative one)"), told


def test_a_grouped_cell_of_a_column_of_figures_is_told_once(make_doc):
    assert _errors(make_doc, '"1,500"') == [
        "data/applicants.csv:2:16: error: row `africa`, column `applied`: `1,500` is not a number: its group "
        "separator `,` makes CSV read it as a text, which its column of figures cannot hold (write the digits alone, "
        "`1500`: the paper groups them as each language writes numbers; if the file was exported with a decimal "
        "comma, `1,500` is 1.500: write `1.500`)"]


ALONE = REPORT.replace("Second paragraph.", "Africa: {{ applicants.africa.applied }}.").replace(
    "::: table applicants\nApplicants by region\n:::\n", "")


def test_a_text_of_a_column_of_figures_printed_alone_is_the_text(make_doc):
    assert _errors(make_doc, "n/a", ALONE) == []


def test_a_bare_decimal_figure_is_told_as_the_data_writes_it(make_doc):
    assert _errors(make_doc, "1.5", ALONE) == [
        "content/report.md:5:9: error: this figure gives `1.5` unformatted (format a number with a filter: "
        "`| number`, `| decimal(1)`, `| percent(1)`)"]


@pytest.mark.parametrize("cell", ["nan", "TBD"])
def test_the_breakers_cell_in_a_paper_of_two_languages_is_told_once(copy_fixture, cell):
    """breaks-8 #12's recipe: budget-table (en and zh) with `posts.proposed` written `nan` (a word the zh build keeps
    as a text no catalog translates: told at the cell too, not again at the zh figures)."""
    folder = copy_fixture("budget")
    data = folder / "data" / "budget.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("posts,Posts,58488445,", f"posts,Posts,{cell},"),
                    encoding="utf-8")
    result = ccdocs_here("check", folder)
    assert "Traceback" not in result.stderr, result.stderr
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == [
        f"{folder}/data/budget.csv:3:13: error: row `posts`, column `proposed`: `{cell}` is not a number (write the "
        "figure as digits, without thousands separators, units or exponents, or leave the cell empty where there is "
        "no figure)"], result.stderr
