"""An empty cell a chart draws is a warning at the cell (newcomer-12 N4): the chart drew no bar there, which a reader
takes for zero, and nothing was said (a total row checks nothing when the sum left the cell out too). A chart whose
gaps are meant says `gaps: true`; a value of it other than true or false is refused."""

from __future__ import annotations

from conftest import MINIMAL, REPORT
from refusals import invoke

CHART = """\
charts:
  regions:
    kind: column
    data: applicants
    category: region
    total: total
    series: [{key: applied, label: Applications}]
"""
FILES = {"document.yaml": MINIMAL.split("tables:\n")[0] + CHART,
         "content/report.md": REPORT.split("::: table")[0] + "::: chart regions\nApplications by region\n:::\n",
         "data/applicants.csv": 'id,region,applied\nafrica,Africa,100\n"asia",Asia,\ntotal,,100\n'}


def _run(make_doc, tmp_path, files: dict, command: str) -> tuple[str, str]:
    folder = make_doc({**FILES, **files})
    args = [command, str(folder)] + (["--lang", "en", "--format", "json", "--out", str(tmp_path / "out")]
                                     if command == "build" else [])
    code, output, escaped = invoke(args)
    assert not escaped, output
    return str(folder), f"{code}\n{output}"


def test_an_empty_cell_a_chart_draws_is_a_warning_at_the_cell_in_check_and_build(make_doc, tmp_path):
    for command in ("check", "build"):
        folder, told = _run(make_doc, tmp_path, {}, command)
        assert told.startswith("0\n"), told
        assert (f"{folder}/data/applicants.csv:3:13: warning: row `asia`, column `applied` is empty: the column chart "
                "`regions` draws nothing there, which reads as zero (write the figure [0 if it is zero]; if the chart "
                "is meant to show no figure there, add `gaps: true` under `charts: regions:` in document.yaml)") in told


def test_a_chart_whose_gaps_are_meant_says_so_and_is_not_warned(make_doc, tmp_path):
    _, told = _run(make_doc, tmp_path, {"document.yaml": FILES["document.yaml"] + "    gaps: true\n"}, "check")
    assert told.startswith("0\n") and "warning" not in told, told
    folder, told = _run(make_doc, tmp_path, {"document.yaml": FILES["document.yaml"] + "    gaps: yes\n"}, "check")
    assert told.startswith("1\n") and "error: chart `regions`: `gaps` is true or false, got 'yes'" in told, told
