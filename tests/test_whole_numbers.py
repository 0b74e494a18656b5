"""A figure with decimals given to a whole-number format is refused where the data writes it, never rounded nor
printed with decimals (breaks-8 #11, newcomer-12 N6: silent change).

`{{ c.a.v | number }}` (documented as a whole number, grouped) printed a CSV cell of 1234.5678 as `1,234.568` and
`staff: 1.735` (a European thousands separator) as `1.735`; a table column of `type: integer` printed 0.4 as 0,
`check` ok. The data's figure is now told at its CSV cell or YAML key, naming the use, with what to write: the
figure's `| decimal(n)` to print the decimals (`| decimal(0)` to round), the column's `type: decimal`, or, for a
number of three decimals, the whole number a thousands separator would make of it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import MINIMAL, REPORT
from refusals import invoke

from ccdocs.l10n.formats import Formats, NotWhole, thousands_reading


def _built_en(folder, tmp_path) -> tuple[int, str]:
    code, output, escaped = invoke(["build", str(folder), "--lang", "en", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    assert not escaped, output
    return code, output


def _told_alone(folder, tmp_path, told: str) -> None:
    """The English build of `folder` fails with the one error `told`."""
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and output.splitlines()[-1] == "1 error; nothing was written.", output
    assert told in output, output


@pytest.mark.parametrize("value", [Decimal("1234.5678"), 1.735, Decimal("0.4"), Decimal("-0.0001"), "2.5"])
def test_number_refuses_a_value_with_decimals(value):
    with pytest.raises(NotWhole):
        Formats("en").number(value)


@pytest.mark.parametrize("value, printed", [(13930, "13,930"), (13930.0, "13,930"), (Decimal("12.000"), "12"),
                                            (Decimal("-0"), "0"), (-0.0, "0")])
def test_number_prints_a_whole_number_given_with_a_point(value, printed):
    assert Formats("en").number(value) == printed


def test_a_yaml_number_with_a_thousands_point_is_told_at_its_key_with_the_whole_number(make_doc, tmp_path):
    """N6: `staff: 1.735` printed "We count 1.735 staff"."""
    folder = make_doc({"data/workforce.yaml": "staff: 1.735\ncore_share: 0.601\n"})
    _told_alone(folder, tmp_path, f"{folder}/data/workforce.yaml:1:8: error: `1.735` is not a whole number, so the "
                f"figure at {folder}/content/report.md:3 cannot print it with `| number`, which prints whole numbers "
                "(if the point is a thousands separator [1.735 for 1,735], write `1735`; to print the decimals, write "
                "`| decimal(3)` in the figure, to round it, `| decimal(0)`)")


def test_a_csv_figure_with_decimals_is_told_at_its_cell_naming_the_figure(make_doc, tmp_path):
    """breaks-8 #11: 1234.5678 printed `1,234.568`."""
    report = REPORT.replace("Second paragraph.", "Africa: {{ applicants.africa.applied | number }}.")
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,1234.5678\ntotal,,\n",
                       "content/report.md": report.replace("::: table applicants\nApplicants by region\n:::\n", ""),
                       "document.yaml": MINIMAL.split("tables:")[0]})
    _told_alone(folder, tmp_path, f"{folder}/data/applicants.csv:2:15: error: row `africa`, column `applied`: "
                f"`1234.5678` is not a whole number, so the figure at {folder}/content/report.md:5 cannot print it "
                "with `| number`, which prints whole numbers (to print the decimals, write `| decimal(4)` in the "
                "figure, to round it, `| decimal(0)`)")


def test_a_figure_computing_decimals_is_told_at_the_figure(make_doc, tmp_path):
    folder = make_doc({"content/report.md": REPORT.replace("Second paragraph.",
                                                           "A third: {{ (workforce.staff / 4) | number }}.")})
    code, output = _built_en(folder, tmp_path)
    assert code == 1 and (f"{folder}/content/report.md:5:10: error: this figure gives `433.75`, not a whole number, "
                          "which `| number` prints (to print the decimals, write `| decimal(2)` in the figure, to "
                          "round it, `| decimal(0)`)") in output, output


def test_a_table_integer_column_refuses_a_cell_with_decimals_at_the_cell(make_doc, tmp_path):
    """breaks-8 #11: an `integer` column printed 0.4 as 0."""
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,0.4\neurope,Europe,7\ntotal,,\n"})
    _told_alone(folder, tmp_path, f"{folder}/data/applicants.csv:2:15: error: row `africa`, column `applied`: `0.4` "
                "is not a whole number, which `applicants` (under `tables:` or `charts:`) prints as `integer` (round "
                "it in the data, or give the table's column [or the chart] `type: decimal` and `places: 1`)")


def test_a_chart_of_whole_numbers_refuses_a_cell_with_decimals_at_the_cell(copy_fixture):
    """breaks-8 #11, charts: a bar chart's data labels printed 0.000001 as `0`."""
    folder = copy_fixture("86")
    data = folder / "data" / "applicants.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("africa,Africa,,3944,", "africa,Africa,,0.000001,"),
                    encoding="utf-8")
    code, output, escaped = invoke(["check", str(folder)])
    assert code == 1 and not escaped, output
    assert (f"{folder}/data/applicants.csv:2:16: error: row `africa`, column `applied`: `0.000001` is not a whole "
            "number, which `applications-by-region` (under `tables:` or `charts:`) prints as `integer` (round it in "
            "the data, or give the table's column [or the chart] `type: decimal` and `places: 6`)") in output, output


def test_whole_numbers_written_with_a_point_still_print(make_doc, tmp_path):
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,12.000\neurope,Europe,7\ntotal,,\n",
                       "data/workforce.yaml": "staff: 1735.0\ncore_share: 0.601\n"})
    code, output = _built_en(folder, tmp_path)
    assert code == 0, output


def test_a_chart_without_data_labels_draws_figures_with_decimals_as_they_are(copy_fixture):
    """review-13 R1: a chart of `integer` figures (the default type) with decimals and no data labels prints no
    figure (its axis prints round steps): it draws them, where the whole-number check refused it; the same chart
    with data labels, which would print them rounded, is refused."""
    folder = copy_fixture("86")
    (folder / "data" / "growth.csv").write_text("id,year,rate\ny1,2024,2.5\ny2,2025,3.25\n", encoding="utf-8")
    spec = folder / "document.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace("\nlanguages: [en, zh]", "\nlanguages: [en]", 1)  # the chart's caption is not translated
    text = text.replace("\ndata:\n", "\ndata:\n  growth: data/growth.csv\n", 1)
    text = text.replace("\ncharts:\n", "\ncharts:\n  growth:\n    kind: line\n    data: growth\n    category: year\n"
                        "    series: [{key: rate, label: Growth}]\n", 1)
    spec.write_text(text, encoding="utf-8")
    report = folder / "content" / "05-recruitment.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n::: chart growth\nGrowth\n:::\n", encoding="utf-8")
    code, output, escaped = invoke(["check", str(folder)])
    assert code == 0 and not escaped, output
    spec.write_text(text.replace("series: [{key: rate, label: Growth}]\n",
                                 "series: [{key: rate, label: Growth}]\n    data_labels: true\n"), encoding="utf-8")
    code, output, escaped = invoke(["check", str(folder)])
    assert code == 1 and "`2.5` is not a whole number, which `growth`" in output, output


@pytest.mark.parametrize("value, reading", [("1.735", "1735"), ("-12.500", "-12500"), ("999.999", "999999"),
                                            ("0.601", None), ("-0.250", None), ("1000.000", None), ("1.73", None)])
def test_a_point_is_read_as_a_thousands_separator_only_where_it_can_be_one(value, reading):
    """review-13 R2: `0.601` in a count column was hinted "[0.601 for 601], write `601`": no one writes 601 so."""
    assert thousands_reading(Decimal(value)) == reading
