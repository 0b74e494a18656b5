"""A chart's plot keeps its room: the legend (a line a series or slice when their labels are long), the category
names (turned, or a bar chart's on one line each) and the value axis' labels are laid out first, and the plot got
what they left of the chart, nothing checking that anything was: with too little the PDF drew the columns downwards
from the caption over the paragraph above, or a bar chart's value axis backwards over the names and off the page,
while Word and LibreOffice drew the legend alone (breaks-9 #2). A chart whose plot would get less than a quarter of
its height (or width) is refused at its `::: chart` line, in both formats and by `check`, naming what takes the room and
what to do; the height it suggests draws it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from ccdocs.cli import main
from ccdocs.errors import InputError
from ccdocs.l10n.language import as_language
from ccdocs.model.nodes import Chart, ChartSeries
from ccdocs.writers.pdf.charts import chart_drawing
from conftest import CATALOG, translated_as_written
from refusals import Case, write_files
from test_charts_refusals import charted

LONG = "Staff members of the Organization on fixed-term appointments in the Professional category and above, region"
WORD = "Supercalifragilisticexpialidociousness-and-internationalization-department-of-the-Organization"
SECTOR = "Department of Information and Communication Technology, Infrastructure and Platforms Sector of the " \
    "Organization, including the Madrid and Hague Registry Systems"


def legend(height: str = "    height: 6\n") -> dict:
    """A column chart of 18 series whose labels take a line each in its legend."""
    series = "".join(f"      - {{key: s{j}, label: \"{LONG} {j}\"}}\n" for j in range(18))
    data = "id,region," + ",".join(f"s{j}" for j in range(18)) + "\n" + "".join(
        f"r{i},{2020 + i}," + ",".join(str((i * j) % 50 + 1) for j in range(18)) + "\n" for i in range(3))
    return charted("    data: hires\n    category: region\n" + height + "    series:\n" + series, data=data)


def turned() -> dict:
    """A column chart whose 14 long names are turned, standing as high as the chart."""
    return charted("    data: hires\n    category: region\n    height: 6\n    series: [{key: applied, label: V}]\n",
                   data="id,region,applied\n" + "".join(f"r{i},{WORD}{i},{i + 1}\n" for i in range(14)))


def bars() -> dict:
    """A bar chart whose names, too many lines to wrap in their rows, are wider than the chart."""
    return charted("    kind: bar\n    data: hires\n    category: region\n    data_labels: true\n"
                   "    axis_title: Number of applications\n    series: [{key: applied, label: Applicants}]\n",
                   data="id,region,applied\n" + "".join(f"r{i},\"{SECTOR} {i}\",{i * 37 % 90 + 5}\n"
                                                        for i in range(5)))


def slices() -> dict:
    """A pie of 18 slices whose long names take a legend line each, in a chart 4 cm high."""
    return charted("    kind: pie\n    data: hires\n    category: region\n    height: 4\n"
                   "    series: [{key: applied, label: V}]\n",
                   data="id,region,applied\n" + "".join(f"r{i},\"{LONG} {i}\",{i + 1}\n" for i in range(18)))


SHORT = [
    ("legend", legend(), "less than a quarter of the chart's 6 cm: its legend of 18 series (18 rows) takes",
     "shorter series labels, or fewer series"),
    ("legend-at-the-default-height", legend(""), "less than a quarter of the chart's 7.5 cm: its legend of 18 series",
     "give it `height: "),
    ("turned-names", turned(), "high, less than a quarter of the chart's 6 cm: its category names, turned, take",
     "shorter category names, or draw it as `kind: bar`"),
    ("bar-names-on-one-line", bars(), "wide, less than a quarter of the chart's 16.5 cm: its category names take",
     "where its category names wrap, or shorten them"),
    ("slices", slices(), "less than a quarter of the chart's 4 cm: its legend of 18 slices", "fewer slices"),
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("name, files, fragment, hint", SHORT, ids=[s[0] for s in SHORT])
def test_a_chart_whose_plot_would_lack_its_room_is_refused_at_its_line(refuse, fmt, name, files, fragment, hint):
    printed = refuse(Case(name, files, "chart figure: its plot would be ", "content/report.md:", args=("--format",
                                                                                                       fmt)))
    assert fragment in printed and hint in printed, printed


def test_the_height_the_refusal_gives_draws_the_chart(make_doc, tmp_path):
    folder = make_doc({CATALOG: None})
    write_files(folder, legend())
    translated_as_written(folder)
    runner = CliRunner()
    refused = runner.invoke(main, ["check", str(folder)])
    assert refused.exit_code == 1, refused.output
    height = re.search(r"give it `height: ([\d.]+)` or more", refused.output).group(1)
    write_files(folder, legend(f"    height: {height}\n"))
    built = runner.invoke(main, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output


def test_no_plot_of_negative_size_reaches_the_drawing():
    # the check before the drawing is the drawing's own: a chart it would refuse is never drawn inside out
    chart = Chart("ch", "column", (), ("2020", "2021"),
                  tuple(ChartSeries(f"{LONG} {j}", (1.0, 2.0), ("1", "2")) for j in range(18)), height=3.0)
    with pytest.raises(InputError, match="its plot would be -"):
        chart_drawing(chart, 400, ("Helvetica", "Helvetica"), 9, ("1F4E79",) * 18, as_language("en"))
