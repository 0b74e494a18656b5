"""`chf` prints whole francs: an amount with centimes (at most two decimals) is rounded, as budget papers print
amounts; one the data writes with three decimals or more is refused where it is written, never rounded away
(breaks-9, noticed: silent change).

`amount: 12345.675` and `{{ d.amount | chf }}` printed `CHF 12,346`, `check` ok, while `| number` refuses a value
with decimals: three decimals are no francs and centimes but a European thousands point (`1.735` for 1,735), a
decimal comma's export or another unit. An amount a figure computes (`total / 12`) is still rounded: `chf` is the
only filter printing francs, and a division has decimals by nature.
"""

from __future__ import annotations

from conftest import MINIMAL, REPORT
from refusals import invoke


def _build_en(folder, tmp_path) -> tuple[int, str]:
    code, output, escaped = invoke(["build", str(folder), "--lang", "en", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    assert not escaped, output
    return code, output


def _printed(tmp_path) -> str:
    return (tmp_path / "out/en/wo_cc_86_inf_1.json").read_text(encoding="utf-8")


def _amount(make_doc, written: str, figure: str = "{{ workforce.amount | chf }}"):
    return make_doc({"data/workforce.yaml": f"staff: 1735\ncore_share: 0.601\namount: {written}\n",
                     "content/report.md": REPORT.replace("Second paragraph.", f"Amount {figure}.")})


def test_a_yaml_amount_of_three_decimals_is_told_at_its_value(make_doc, tmp_path):
    folder = _amount(make_doc, "12345.675")
    code, output = _build_en(folder, tmp_path)
    assert code == 1 and output.splitlines()[-1] == "1 error; nothing was written.", output
    assert (f"{folder}/data/workforce.yaml:3:9: error: `12345.675` has 3 decimals, more than centimes, so the figure "
            f"at {folder}/content/report.md:5 cannot print it with `| chf`, which rounds francs and centimes to whole "
            "francs (write the amount in francs with at most two decimals, or check its unit and its separators; to "
            "print the decimals, write `| decimal(3)` in the figure)") in output, output
    assert not (tmp_path / "out").exists()


def test_check_refuses_it_as_build_does(make_doc):
    folder = _amount(make_doc, "12345.675")
    code, output, escaped = invoke(["check", str(folder)])
    assert not escaped and code == 1, output
    assert f"{folder}/data/workforce.yaml:3:9: error: `12345.675` has 3 decimals" in output, output


def test_a_csv_amount_with_a_thousands_point_is_told_at_its_cell_with_the_whole_number(make_doc, tmp_path):
    report = REPORT.replace("Second paragraph.", "Amount {{ applicants.africa.applied | chf }}.")
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,1.735\ntotal,,\n",
                       "content/report.md": report.replace("::: table applicants\nApplicants by region\n:::\n", ""),
                       "document.yaml": MINIMAL.split("tables:")[0]})
    code, output = _build_en(folder, tmp_path)
    assert code == 1, output
    assert (f"{folder}/data/applicants.csv:2:15: error: row `africa`, column `applied`: `1.735` has 3 decimals, more "
            f"than centimes, so the figure at {folder}/content/report.md:5 cannot print it with `| chf`, which rounds "
            "francs and centimes to whole francs (if the point is a thousands separator [1.735 for 1,735], write "
            "`1735`; ") in output, output


def test_a_table_chf_column_refuses_a_cell_of_three_decimals_at_the_cell(make_doc, tmp_path):
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,12345.675\ntotal,,\n",
                       "document.yaml": MINIMAL.replace("{key: applied, heading: Applications}",
                                                        "{key: applied, heading: Applications, type: chf}")})
    code, output = _build_en(folder, tmp_path)
    assert code == 1, output
    assert (f"{folder}/data/applicants.csv:2:15: error: row `africa`, column `applied`: `12345.675` has 3 decimals, "
            "more than centimes, which `applicants` (under `tables:` or `charts:`) rounds to whole francs as `chf` "
            "(write the amount in francs with at most two decimals, or check its unit and its separators; to print "
            "the decimals, give the column `type: decimal` and `places: 3`)") in output, output


def test_centimes_are_rounded_to_whole_francs(make_doc, tmp_path):
    folder = _amount(make_doc, "12345.50")
    code, output = _build_en(folder, tmp_path)
    assert code == 0, output
    assert "Amount CHF 12,346." in _printed(tmp_path)


def test_an_amount_the_figure_computes_is_rounded(make_doc, tmp_path):
    folder = _amount(make_doc, "12345.675", "{{ (workforce.staff * 1000 / 7) | chf }}")  # the stated one unprinted
    code, output = _build_en(folder, tmp_path)
    assert code == 0, output
    assert "Amount CHF 247,857." in _printed(tmp_path)


def test_a_table_chf_column_rounds_centimes(make_doc, tmp_path):
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,Africa,12345.49\ntotal,,12345.49\n",
                       "document.yaml": MINIMAL.replace("{key: applied, heading: Applications}",
                                                        "{key: applied, heading: Applications, type: chf}")})
    code, output = _build_en(folder, tmp_path)
    assert code == 0, output
    assert "CHF 12,345" in _printed(tmp_path)
