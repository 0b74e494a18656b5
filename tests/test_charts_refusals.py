"""Charts refused where they are wrong: a spec at its line of document.yaml, data that contradicts itself at the data
file's row (as a table's figures are checked), a placement at its line of the content; `check` finds each."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, REPORT
from refusals import Case

HIRES = "id,region,applied,hired\nafrica,Africa,60,4\nasia,Asia,40,3\ntotal,,100,7\n"   # drawn, in no table
SHARES = "id,grade,share\nd,Directors,0.05\np,Professionals,0.496\ng,Support,0.354\n"


def charted(spec: str, placed: str = "::: chart figure\nApplicants by region\n:::\n", data: str = HIRES,
            shares: str = SHARES) -> dict:
    """The minimal document with a chart `figure` (`spec`: its keys, indented by four) placed after the table."""
    yaml = MINIMAL.replace("  applicants: data/applicants.csv\n",
                           "  applicants: data/applicants.csv\n  shares: data/shares.csv\n  hires: data/hires.csv\n")
    return {"document.yaml": yaml + "charts:\n  figure:\n" + spec, "content/report.md": REPORT + "\n" + placed,
            "data/hires.csv": data, "data/shares.csv": shares}


COLUMNS = "    data: hires\n    category: region\n    series: [{key: applied, label: Applications}]\n"
CASES = [
    Case("total-disagrees", charted(COLUMNS + "    total: total\n",
                                    data=HIRES.replace("total,,100,7", "total,,90,7")),
         "row `total`, column `applied`: stated 90, computed 100", "data/hires.csv:4"),
    Case("total-of-the-rows-drawn", charted(COLUMNS + "    total: total\n    rows: [africa]\n"),
         "row `total`, column `applied`: stated 100, computed 60", "data/hires.csv:4"),
    Case("shares-do-not-add-up", charted("    kind: doughnut\n    data: shares\n    category: grade\n"
                                         "    type: percent\n    sums_to: 100\n"
                                         "    series: [{key: share, label: Share}]\n"),
         "column `share`: the rows add up to 90.0%, not 100%", "data/shares.csv:4"),
    Case("negative-slice", charted("    kind: pie\n" + COLUMNS, data=HIRES.replace("asia,Asia,40", "asia,Asia,-40")),
         "row `asia`, column `applied`: a pie chart cannot draw the negative figure -40", "data/hires.csv:3"),
    Case("nothing-to-share", charted("    kind: doughnut\n" + COLUMNS, data="id,region,applied\nafrica,Africa,0\n"),
         "the doughnut chart `figure` has no figure above zero", "data/hires.csv:2"),
    # a 100% stacked chart's columns are shares of each category's sum, as slices are (breaks-6 #3)
    Case("negative-share", charted("    grouping: percent\n" + COLUMNS.replace("[{key: applied, label: Applications}]",
                                   "[{key: applied, label: A}, {key: hired, label: H}]"),
                                   data=HIRES.replace("asia,Asia,40,3", "asia,Asia,-5,15")),
         "row `asia`, column `applied`: the 100% stacked chart `figure` draws each category's figures as shares of "
         "their sum, and cannot draw the negative figure -5", "data/hires.csv:3"),
    Case("no-whole-to-share", charted("    grouping: percent\n" + COLUMNS.replace("[{key: applied, label: Applications}]",
                                      "[{key: applied, label: A}, {key: hired, label: H}]"),
                                      data=HIRES.replace("asia,Asia,40,3", "asia,Asia,0,")),
         "row `asia`: the 100% stacked chart `figure` has no figure above zero in it", "data/hires.csv:3"),
    # two slices or series never share a colour: the palette's 6, each darker and lighter, give 18 (breaks-6 #13)
    Case("slices-beyond-the-colours", charted("    kind: pie\n" + COLUMNS, data="id,region,applied,hired\n" + "".join(
        f"r{i},Region {i},{i + 1},1\n" for i in range(19))), "chart `figure`: slice 19 (`Region 18`) would share a "
         "colour with another: the theme's `chart.palette` gives 18 distinct colours (its 6, each also darker and "
         "lighter) for 19 slices", "data/hires.csv:20", args=("--format", "docx")),
    Case("series-beyond-the-colours", charted("    data: hires\n    category: region\n    series:\n" + "".join(
        f"      - {{key: s{j}, label: S{j}}}\n" for j in range(19)), data="id,region," + ",".join(
            f"s{j}" for j in range(19)) + "\n" + "".join(f"r{i},R{i}," + ",".join("1" * 19) + "\n" for i in range(2))),
         "chart `figure`: series 19 (`S18`) would share a colour with another", "document.yaml:51",
         args=("--format", "pdf")),
    Case("beyond-a-charts-precision", charted(COLUMNS, data=HIRES.replace("asia,Asia,40,3", "asia,Asia,9999999999999999999,3")
                                                  .replace("total,,100,7", "total,,10000000000000000059,7")),
         "row `asia`, column `applied`: the chart `figure` cannot draw 9999999999999999999 exactly", "data/hires.csv:3"),
    Case("categories-too-many-to-label", charted(COLUMNS, data="id,region,applied,hired\n" + "".join(
        f"r{i},Region {i},{i},1\n" for i in range(2000))), "its 2,000 categories leave 0.2 pt each along the axis",
         "content/report.md:", args=("--format", "pdf")),   # the PDF's limit: its axis, a theme's width
    # a bar chart's categories stand one above the other: the room is its height's (verify-9 V12), and the hint to
    # draw a column chart as bars names the height that gives each row a line
    Case("bars-too-many-to-label", charted("    kind: bar\n" + COLUMNS, data="id,region,applied,hired\n" + "".join(
        f"r{i},Region {i},{i},1\n" for i in range(30))), "its 30 categories leave 6.5 pt each along the axis, less "
         "than a line of its labels (9.6 pt): they would print over one another (give it `height: 10.8` cm or more",
         "content/report.md:", args=("--format", "pdf")),
    Case("columns-hint-bars-of-a-height", charted(COLUMNS, data="id,region,applied,hired\n" + "".join(
        f"r{i},Region {i},{i},1\n" for i in range(50))), "(draw it as `kind: bar` with `height: ",
         "content/report.md:", args=("--format", "pdf")),
    Case("mark-apart-in-a-label", charted(COLUMNS, data=HIRES.replace("asia,Asia,40", "asia,x\u0304 mean,40")),
         "chart figure contains 'x' + U+0304 COMBINING MACRON, which no single character writes",
         "data/hires.csv:3", args=("--format", "pdf")),   # the PDF draws the macron beside the x; at the label's row
    Case("word-in-a-figure", charted(COLUMNS, data=HIRES.replace("asia,Asia,40", "asia,Asia,forty")),
         "row `asia`, column `applied`: `forty` is not a number", "data/hires.csv:3"),
    Case("unknown-chart", charted(COLUMNS, placed="::: chart figure\nA\n:::\n\n::: chart figures\nB\n:::\n"),
         "no chart `figures` under `charts:` in document.yaml", "content/report.md:"),
    Case("unknown-kind", charted("    kind: radar\n" + COLUMNS), "chart `figure`: unknown kind `radar`",
         "document.yaml:30"),
    Case("pie-of-two-series", charted("    kind: pie\n    data: hires\n    category: region\n"
                                      "    series: [{key: applied, label: A}, {key: hired, label: B}]\n"),
         "a pie chart draws one series, got 2", "document.yaml:33"),
    Case("stacked-lines", charted("    kind: line\n    grouping: stacked\n" + COLUMNS),
         "a line chart is not stacked", "document.yaml:31"),
    Case("missing-series-column", charted(COLUMNS.replace("key: applied", "key: applicants")),
         "column `applicants` is not in hires.csv", "document.yaml:32"),
    Case("never-placed", charted(COLUMNS, placed=""), "chart `figure` is never placed", "document.yaml:29"),
    Case("too-high", charted(COLUMNS + "    height: 40\n"), "`height` is the chart's height in centimetres",
         "document.yaml:33"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_wrong_chart_is_refused_where_it_is_written(refuse, case):
    refuse(case)
