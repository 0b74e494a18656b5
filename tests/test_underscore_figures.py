"""A number written with an underscore (`1_000`, the typo `1__0`) is no figure: it is refused where it is written,
never read as another number (breaks-9, noticed: silent change).

`staff: 1__0` in a YAML data file printed `We count 10 staff` (and `1_000` printed 1,000), `check` ok: the YAML
loader reads such a value as a text, as YAML 1.2 does, but a filter turned a text into a number with Python's
`Decimal`, which reads `_` between digits as digit grouping (PEP 515), whatever their number. A CSV cell refuses
`1_000` where its column holds figures; a text of the data given to a figure now is refused alike, at the value in
the YAML, with the digits to write.
"""

from __future__ import annotations

import pytest
from conftest import REPORT
from refusals import invoke

from ccdocs.l10n.formats import Formats


@pytest.mark.parametrize("filter_name", ["number", "chf", "chf_thousands", "percent", "decimal"])
@pytest.mark.parametrize("text", ["1__0", "1_000", "-1_0.5", "0.6_01"])
def test_a_text_with_an_underscore_is_no_number_for_any_format(text, filter_name):
    with pytest.raises(ValueError, match="not a number"):
        getattr(Formats("en"), filter_name)(text)


def _build_en(folder, tmp_path) -> tuple[int, str]:
    code, output, escaped = invoke(["build", str(folder), "--lang", "en", "--format", "json", "--out",
                                    str(tmp_path / "out")])
    assert not escaped, output
    return code, output


@pytest.mark.parametrize("written, col, digits", [("1__0", 8, "10"), ("1_735", 8, "1735"), ("'1_735'", 8, "1735")])
def test_a_yaml_number_with_an_underscore_is_told_at_its_value_with_the_digits(make_doc, tmp_path, written, col,
                                                                                digits):
    folder = make_doc({"data/workforce.yaml": f"staff: {written}\ncore_share: 0.601\n"})
    code, output = _build_en(folder, tmp_path)
    value = written.strip("'")
    assert code == 1 and output.splitlines()[-1] == "1 error; nothing was written.", output
    assert (f"{folder}/data/workforce.yaml:1:{col}: error: `{value}` is a text, not a number, so the figure at "
            f"{folder}/content/report.md:3 cannot format it (`| number`) (write the digits without `_`, as `{digits}` "
            "if that is the figure: the paper groups them as each language writes numbers)") in output, output
    assert not (tmp_path / "out").exists()


def test_check_refuses_it_as_build_does(make_doc):
    folder = make_doc({"data/workforce.yaml": "staff: 1__0\ncore_share: 0.601\n"})
    code, output, escaped = invoke(["check", str(folder)])
    assert not escaped and code == 1, output
    assert f"{folder}/data/workforce.yaml:1:8: error: `1__0` is a text, not a number" in output, output


def test_a_csv_text_with_an_underscore_is_no_figure(make_doc, tmp_path):
    """A cell of a column of texts, given to a figure: told at the figure (the column holds no figures)."""
    report = REPORT.replace("Second paragraph.", "Code {{ applicants.africa.region | number }}.")
    folder = make_doc({"data/applicants.csv": "id,region,applied\nafrica,1__0,100\ntotal,,100\n",
                       "content/report.md": report})
    code, output = _build_en(folder, tmp_path)
    assert code == 1 and (f"{folder}/content/report.md:5:6: error: cannot format this figure: not a number: "
                          "'1__0'") in output, output


def test_a_text_written_with_an_underscore_still_prints_as_a_text(make_doc, tmp_path):
    """The value is refused only where a figure formats it as a number: as a text it prints as written."""
    folder = make_doc({"data/workforce.yaml": "staff: 1735\ncore_share: 0.601\ncode: A_1_000\nref: 1_000\n",
                       "content/report.md": REPORT.replace("Second paragraph.",
                                                           "Codes {{ workforce.code }} and {{ workforce.ref }}.")})
    code, output = _build_en(folder, tmp_path)
    assert code == 0, output
    printed = (tmp_path / "out/en/wo_cc_86_inf_1.json").read_text(encoding="utf-8")
    assert "Codes A_1_000 and 1_000." in printed
