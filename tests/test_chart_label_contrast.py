"""A data label drawn on its series' or slice's colour (inside a stacked bar, on a pie's slice) is white where white
reads on that colour (4.5:1, WCAG's contrast for text), else black, alike in both formats: the lighter colours
24e2f98 adds for the series beyond the palette carried white labels at 1.5:1 (verify-11 V16), as did the palette's
own light colours (F2B134)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree
from reportlab.graphics.shapes import Group, String

from ccdocs.charts.colours import label_colour
from ccdocs.l10n.language import as_language
from ccdocs.model import Chart, ChartSeries
from ccdocs.oxml.charts import ChartXml
from ccdocs.writers.pdf.charts import chart_drawing

sys.path.insert(0, str(Path(__file__).parent / "ooxml"))
from validate import part_problems  # noqa: E402

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DARK, LIGHT = "1F4E79", "F7D085"   # the default palette's first colour; a lighter variant of its F2B134
TWO = (ChartSeries("Dark", (10.0, 12.0), ("10", "12")), ChartSeries("Light", (21.0, 22.0), ("21", "22")))
STACKED = Chart("ch", "column", (), ("Alpha", "Beta"), TWO, grouping="stacked", data_labels=True)
PIE = Chart("pie", "pie", (), ("Alpha", "Beta"), (ChartSeries("Share", (10.0, 21.0), ("10", "21")),), data_labels=True)


def test_a_label_is_white_on_a_dark_colour_and_black_on_a_light_one():
    assert (label_colour(DARK), label_colour(LIGHT), label_colour("F2B134"), label_colour("FFFFFF")) == (
        "FFFFFF", "000000", "000000", "000000")


def _strings(group) -> dict:
    """The text of each String or Label (a bar's, kept a widget) the drawing holds: its fill colour (hex)."""
    found = {}
    for shape in group.contents:
        if isinstance(shape, Group):
            found.update(_strings(shape))
        elif isinstance(shape, String) or hasattr(shape, "_text"):
            found[getattr(shape, "_text", None) or shape.text] = shape.fillColor.hexval()[2:].upper()
    return found


@pytest.mark.parametrize("chart", [STACKED, PIE], ids=["stacked", "pie"])
def test_the_pdf_sets_each_label_in_the_colour_that_reads_on_its_fill(chart):
    drawing = chart_drawing(chart, 400, ("Helvetica", "Helvetica"), 9, (DARK, LIGHT), as_language("en"))
    strings = _strings(drawing)
    assert (strings["10"], strings["21"]) == ("FFFFFF", "000000"), strings


def _label_colours(space) -> list:
    """(series index, point index or None, colour) of each label text colour the chart part gives."""
    found = []
    for index, ser in enumerate(space.iter(f"{C}ser")):
        labels = ser.find(f"{C}dLbls")
        for label in [labels, *labels.findall(f"{C}dLbl")]:
            point = label.find(f"{C}idx")
            colour = label.find(f"{C}txPr//{A}defRPr/{A}solidFill/{A}srgbClr")
            found.append((index, None if point is None else int(point.get("val")),
                          None if colour is None else colour.get("val")))
    return found


@pytest.mark.parametrize("chart, colours", [(STACKED, [(0, None, "FFFFFF"), (1, None, "000000")]),
                                            (PIE, [(0, None, "FFFFFF"), (0, 1, "000000")])], ids=["stacked", "pie"])
def test_the_docx_gives_each_label_the_colour_that_reads_on_its_fill(chart, colours):
    space = ChartXml(chart, [DARK, LIGHT], ("Calibri", "SimSun", None), 9, "en-US", "CHF").build()
    assert _label_colours(space) == colours
    assert part_problems(etree.tostring(space)) == []
