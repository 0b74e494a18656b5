"""Specification: a chart's legend entry wider than the chart is wrapped within the chart's width in the PDF, as
LibreOffice and Word wrap it in the DOCX, its lines counted in the legend's room that the quarter rule checks; an
entry holding a piece no line may break at that is wider than the chart is refused at its `::: chart` line, in both
formats and by `check` (review-14 R12).

Each entry was drawn on one line, never wrapped: under a column chart a 175-character series label ran past both
edges of the page (and a Chinese one from about 60 characters), `check` said ok, and LibreOffice wrapped the same
entry in the DOCX. Now the PDF breaks it between words and between Chinese characters (`cjk.break_positions`).
"""

from __future__ import annotations

import re

import pytest
from reportlab.graphics.shapes import Group, String
from reportlab.lib.units import cm

from ccdocs.l10n.language import as_language
from ccdocs.model.nodes import Chart, ChartSeries, Source
from ccdocs.writers.pdf.chartroom import ChartRoom
from ccdocs.writers.pdf.charts import chart_drawing
from ccdocs.writers.pdf.faces import FontSet
from refusals import Case
from test_charts_refusals import charted
from test_pdf_footnotes import THEME

LONG = ("Baseline (2024/25), counting every staff member on a fixed-term or continuing appointment in the "
        "Professional and higher categories and the General Service category alike")   # the reviewer's (170 characters)
CHINESE = ("基线（2024/25年），统计专业及以上职类和一般事务职类中所有定期或连续任用的工作人员，"
           "包括在日内瓦总部和驻外办事处任职的人员，不论其资金来源")                       # 70 characters
FACES = ("Helvetica", "Helvetica")


def chart(kind: str, label: str, height: float = 7.5) -> Chart:
    return Chart("staff", kind, (), ("Alpha", "Beta", "Gamma"),
                 (ChartSeries(label, (1.0, 2.0, 3.0), ("1", "2", "3")),
                  ChartSeries("Proposed", (2.0, 3.0, 4.0), ("2", "3", "4"))),
                 height=height, source=Source("content/report.md", 12))


def strings(node) -> list:
    """The drawing's Strings, its groups walked."""
    found = []
    for part in node.contents:
        found += strings(part) if isinstance(part, Group) else [part] if isinstance(part, String) else []
    return found


def chinese_faces() -> tuple:
    fonts = FontSet(THEME, "zh")
    return fonts.face("zh_body").name, fonts.face("latin_regular").name


@pytest.mark.parametrize("kind", ["column", "line", "bar"])
@pytest.mark.parametrize("label, lang", [(LONG, "en"), (CHINESE, "zh")], ids=["english", "chinese"])
def test_a_legend_entry_wider_than_the_chart_is_drawn_within_it_in_lines(kind, label, lang):
    faces = FACES if lang == "en" else chinese_faces()
    drawing = chart_drawing(chart(kind, label), 12 * cm, faces, 9, ("1F4E79", "E07B1F"), as_language(lang))
    x0, y0, x1, y1 = drawing.getBounds()
    assert x0 >= -0.01 and y0 >= -0.01 and x1 <= drawing.width + 0.01 and y1 <= drawing.height + 0.01, \
        (drawing.getBounds(), drawing.width, drawing.height)
    lines = [s for s in strings(drawing) if s.text in label and not s.text.replace(".", "").isdigit()]  # not ticks
    assert len(lines) > 1 and (" " if lang == "en" else "").join(s.text for s in lines) == label
    assert all(0 <= s.getBounds()[0] and s.getBounds()[2] <= drawing.width for s in lines)


def test_the_wrapped_entry_takes_its_lines_from_the_plot():
    one = ChartRoom(chart("column", "Baseline"), 12 * cm, FACES, 9, as_language("en"))
    wrapped = ChartRoom(chart("column", LONG), 12 * cm, FACES, 9, as_language("en"))
    lines = len(wrapped.legend_entries[0])
    assert lines > 1 and [high for _, _, high in wrapped.legend_rows()] == [lines, 1]   # "Proposed" on a row of its own
    assert wrapped.column_axes(wrapped.legend_height(lines + 1)).height < one.column_axes(one.legend_height(1)).height


def test_the_quarter_rule_counts_the_entry_s_lines():
    problem = ChartRoom(chart("column", LONG * 3, height=3), 12 * cm, FACES, 9, as_language("en")) \
        .short(Source("content/report.md", 12))
    assert problem is not None and "its legend of 2 series (2 rows, 8 lines) takes" in problem.message, problem
    height = float(re.search(r"give it `height: ([\d.]+)` or more", problem.hint).group(1))
    assert ChartRoom(chart("column", LONG * 3, height=height), 12 * cm, FACES, 9, as_language("en")) \
        .short(Source("content/report.md", 12)) is None


WORD = "Anmeldungsbearbeitungsgebuehrenerstattungsantraegeundwiderspruchsverfahrensordnungsbestimmungen" * 2
SERIES = "    data: hires\n    category: region\n    series: [{key: applied, label: Applied}, {key: hired, label: %s}]\n"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_entry_no_line_can_break_wider_than_the_chart_is_refused_at_its_chart_line(refuse, fmt):
    files = charted(SERIES % WORD)
    line = files["content/report.md"].split("\n").index("::: chart figure") + 1
    printed = refuse(Case("unbreakable-legend", files, "its legend entry", f"content/report.md:{line}",
                          args=("--format", fmt)))
    assert "with no space to break it at" in printed and "shorter series labels" in printed, printed
