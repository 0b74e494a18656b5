"""Specification: a chart's value-axis title longer than the side it stands along is wrapped to it in the PDF, as
LibreOffice and Word wrap it in the DOCX, its lines counted in the room the plot leaves; one holding a piece no
line may break at that is longer than the side is refused at its `axis_title:` line (breaks-9 #12).

The title was drawn on one line, never measured: beside a column chart an 89-character title ran up over the
caption and the paragraph above the figure; under a bar chart a 170-character one was cut by both page edges,
while LibreOffice wrapped both (at 0.8 of the chart's height, or width: chart2's `lcl_createTitle`). Now the PDF
breaks it at the same width, between words and between Chinese characters (`cjk.break_positions`), each line
centred on the plot within the drawing.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from reportlab.graphics.shapes import Group, String
from reportlab.lib.units import cm

from ccdocs.cli import main
from ccdocs.l10n.language import as_language
from ccdocs.model.nodes import Chart, ChartSeries, Source
from ccdocs.writers.pdf.chartroom import ChartRoom
from ccdocs.writers.pdf.charts import chart_drawing
from ccdocs.writers.pdf.faces import FontSet
from conftest import CATALOG, translated_as_written
from refusals import Case, write_files
from test_charts_refusals import charted
from test_pdf_footnotes import THEME

TITLE = "Number of applications received from the Member States during the biennium under review"  # 89 characters
LONGER = TITLE + ", counted by the International Bureau at the end of each year of the biennium"      # 168
CHINESE = "各成员国在审议的两年期内向国际局提交并由国际局在每年年底统计的国际申请数量"
FACES = ("Helvetica", "Helvetica")
TITLE_SHARE = 0.8   # LibreOffice wraps an axis title at 0.8 of the chart's side (chart2's lcl_createTitle)


def chart(kind: str, title: str, height: float = 7.5) -> Chart:
    return Chart("growth", kind, (), ("2020", "2021", "2022", "2023"),
                 (ChartSeries("Alpha", (1.0, 2.0, 3.0, 4.0), ("1", "2", "3", "4")),
                  ChartSeries("Beta", (2.0, 3.0, 4.0, 5.0), ("2", "3", "4", "5"))),
                 axis_title=title, height=height, source=Source("content/report.md", 12),
                 axis_title_typed=Source("document.yaml", 40))


def title_strings(drawing, title_words: set) -> list:
    """The Strings of the drawing (its groups walked) whose words are the axis title's."""
    found = []
    for node in drawing.contents:
        if isinstance(node, Group):
            found += title_strings(node, title_words)
        elif isinstance(node, String) and node.text.split() and set(node.text.split()) <= title_words:
            found.append(node)
    return found


@pytest.mark.parametrize("kind, title", [("column", TITLE), ("line", TITLE), ("bar", LONGER)])
def test_a_long_axis_title_is_drawn_within_the_chart_in_lines_of_its_side(kind, title):
    drawing = chart_drawing(chart(kind, title), 16.5 * cm, FACES, 9, ("1F4E79", "E07B1F"), as_language("en"))
    x0, y0, x1, y1 = drawing.getBounds()
    assert min(x0, y0) >= -0.01 and x1 <= drawing.width + 0.01 and y1 <= drawing.height + 0.01, \
        (drawing.getBounds(), drawing.width, drawing.height)
    lines = [s.text for s in title_strings(drawing, set(title.split()))]
    assert len(lines) > 1 and " ".join(lines) == title


def test_each_line_is_as_long_as_its_side_allows_as_libreoffice_wraps_it():
    room = ChartRoom(chart("column", TITLE), 16.5 * cm, FACES, 9, as_language("en"))
    side = TITLE_SHARE * 7.5 * cm
    assert len(room.title_lines) > 1 and all(room.text_width(line) <= side for line in room.title_lines)
    words, at = TITLE.split(), 0
    for line in room.title_lines[:-1]:   # the next word would not have fitted on it
        at += len(line.split())
        assert room.text_width(line + " " + words[at]) > side


def test_a_chinese_title_breaks_between_its_characters():
    fonts = FontSet(THEME, "zh")
    faces = (fonts.face("zh_body").name, fonts.face("latin_regular").name)
    room = ChartRoom(chart("column", CHINESE, height=4.0), 16.5 * cm, faces, 9, as_language("zh"))
    assert len(room.title_lines) > 1 and "".join(room.title_lines) == CHINESE
    assert all(room.text_width(line, within=CHINESE) <= TITLE_SHARE * 4.0 * cm for line in room.title_lines)


def test_the_wrapped_title_takes_its_lines_from_the_plot():
    one = ChartRoom(chart("column", "Applications"), 16.5 * cm, FACES, 9, as_language("en")).column_axes(0.0)
    three = ChartRoom(chart("column", LONGER), 16.5 * cm, FACES, 9, as_language("en")).column_axes(0.0)
    assert three.width < one.width and three.left > one.left


WORD = "Anmeldungsbearbeitungsgebuehrenerstattungsantraege"
OVERLONG = [
    ("column", charted("    data: hires\n    category: region\n    height: 3\n    axis_title: Applications (" + WORD
                       + ")\n    series: [{key: applied, label: Applications}]\n"),
     "its `axis_title` holds `(Anmeldungsbearbeitu…rstattungsantraege)`", "give the chart `height: "),
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("name, files, fragment, hint", OVERLONG, ids=[o[0] for o in OVERLONG])
def test_a_title_no_line_can_break_longer_than_its_side_is_refused_at_its_line(refuse, fmt, name, files, fragment,
                                                                                  hint):
    line = files["document.yaml"].split("\n").index(next(l for l in files["document.yaml"].split("\n")
                                                          if l.startswith("    axis_title:"))) + 1
    printed = refuse(Case(name, files, "longer than the chart's height of 3.0 cm it stands along",
                          f"document.yaml:{line}", args=("--format", fmt)))
    assert fragment in printed and hint in printed, printed


def test_the_height_the_refusal_gives_draws_the_chart(make_doc, tmp_path):
    folder = make_doc({CATALOG: None})
    write_files(folder, OVERLONG[0][1])
    translated_as_written(folder)
    refused = CliRunner().invoke(main, ["check", str(folder)])
    assert refused.exit_code == 1, refused.output
    height = re.search(r"give the chart `height: ([\d.]+)` or more", refused.output).group(1)
    write_files(folder, {"document.yaml": OVERLONG[0][1]["document.yaml"].replace("height: 3", f"height: {height}")})
    built = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
