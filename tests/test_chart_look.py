"""A chart looks the same in the PDF and in the DOCX as Word and LibreOffice draw it (charts.look): read off the
PDF's drawing and off LibreOffice's PDF of the DOCX (pdfplumber's strokes and poppler's words), and off the chart
part's XML, which must say what makes the drawing match rather than leave it to each application's defaults."""

from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pytest

from pdfpages import read_pages
from test_charts import C, A, change_chart

sys.path.insert(0, str(Path(__file__).parent / "ooxml"))
from validate import validate  # noqa: E402


def strokes(pdf: Path) -> tuple[list, list]:
    """The light grey gridlines of the PDF's chart (pdfplumber's lines on the one page that has them), and the dark
    straight strokes within 10 points of them (axes, tick marks: not the page's rules)."""
    with pdfplumber.open(pdf) as doc:
        lines = [[dict(line, colour=tuple(line["stroking_color"] or ())) for line in page.lines if line["stroke"]]
                 for page in doc.pages]
    grey = [[s for s in page if s["colour"] and 0.6 < min(s["colour"]) <= max(s["colour"]) < 0.8] for page in lines]
    (grid, page), = [(g, page) for g, page in zip(grey, lines) if g]
    box = (min(g["x0"] for g in grid) - 10, min(g["top"] for g in grid) - 10, max(g["x1"] for g in grid) + 10,
           max(g["bottom"] for g in grid) + 10)
    dark = [s for s in page if s["colour"] and max(s["colour"]) < 0.2 and box[0] <= s["x0"] and box[1] <= s["top"]
            and s["x1"] <= box[2] and s["bottom"] <= box[3]]
    return grid, dark


def across(line: dict) -> bool:
    """Whether `line` runs left to right (else top to bottom)."""
    return abs(line["top"] - line["bottom"]) < 0.5


@pytest.mark.parametrize("kind", ["column", "bar", "line"])
def test_the_category_axis_is_a_thin_line_at_zero_and_nothing_else_marks_the_axes_in_both_formats(
        make_doc, tmp_path, kind):
    """charts13: the PDF drew both axes as black lines with tick marks (the value axis' at each gridline, the
    category axis' between the categories), LibreOffice's drawing of the DOCX neither (its axes had no `c:spPr`:
    LibreOffice draws no line, Word its own default style). A WIPO paper's charts are plain: now both draw the
    category axis as one thin black line (0.5 pt) at zero, across the plot (as long as the gridlines), and no
    value axis line and no tick marks; the DOCX says so (`c:spPr` of each axis, `c:majorTickMark none`) and
    validates. A chart of 100, -50, 30, so that zero is not the plot's edge."""
    pdf, space, office = change_chart(make_doc, tmp_path, f"    kind: {kind}\n")
    cat, val = space.find(f".//{C}catAx"), space.find(f".//{C}valAx")
    assert cat.find(f"{C}majorTickMark").get("val") == val.find(f"{C}majorTickMark").get("val") == "none"
    line = cat.find(f"{C}spPr/{A}ln")
    assert (line.get("w"), line.find(f"{A}solidFill/{A}srgbClr").get("val")) == ("6350", "000000")
    assert val.find(f"{C}spPr/{A}ln/{A}noFill") is not None
    assert not validate(pdf.with_suffix(".docx"))
    for drawn in (pdf, office):
        grid, dark = strokes(drawn)
        assert len(dark) == 1, (drawn, [(s["x0"], s["top"], s["x1"], s["bottom"]) for s in dark])
        axis, = dark
        assert abs(axis["linewidth"] - 0.5) < 0.05, (drawn, axis["linewidth"])
        flat = kind != "bar"    # the categories along the bottom (columns, lines), else down the left
        assert across(axis) == flat == across(grid[0]), drawn
        length = (axis["x1"] - axis["x0"]) if flat else (axis["bottom"] - axis["top"])
        span = (grid[0]["x1"] - grid[0]["x0"]) if flat else (grid[0]["bottom"] - grid[0]["top"])
        assert abs(length - span) < 2, (drawn, length, span)
        zero = next(w for page in read_pages(drawn) for w in page.words if w.text == "0")   # the tick label
        at = (zero.y0 + zero.y1) / 2 if flat else (zero.x0 + zero.x1) / 2
        place = axis["top"] if flat else axis["x0"]
        assert abs(place - at) < 2, (drawn, place, zero)
