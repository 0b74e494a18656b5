"""A chart looks the same in the PDF and in the DOCX as Word and LibreOffice draw it (charts.look): read off the
PDF's drawing and off LibreOffice's PDF of the DOCX (pdfplumber's strokes and poppler's words), and off the chart
part's XML, which must say what makes the drawing match rather than leave it to each application's defaults."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest

from pdfpages import read_pages
from test_charts import C, A, change_files, drawn_by_office, english, one_chart

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


@pytest.fixture(scope="module")
def chart_case(tmp_path_factory) -> Callable:
    """`drawn_by_office` of this module's chart cases (`CASES`, below the tests making them): each built, LibreOffice
    drawing their DOCX files in one call."""
    return drawn_by_office(CASES, tmp_path_factory.mktemp("chart-look-drawn"))


AXES = {kind: change_files(f"    kind: {kind}\n") for kind in ("column", "bar", "line")}   # 100, -50, 30


@pytest.mark.parametrize("kind", ["column", "bar", "line"])
def test_the_category_axis_is_a_thin_line_at_zero_and_nothing_else_marks_the_axes_in_both_formats(
        chart_case, kind):
    """charts13: the PDF drew both axes as black lines with tick marks (the value axis' at each gridline, the
    category axis' between the categories), LibreOffice's drawing of the DOCX neither (its axes had no `c:spPr`:
    LibreOffice draws no line, Word its own default style). A WIPO paper's charts are plain: now both draw the
    category axis as one thin black line (0.5 pt) at zero, across the plot (as long as the gridlines), and no
    value axis line and no tick marks; the DOCX says so (`c:spPr` of each axis, `c:majorTickMark none`) and
    validates. A chart of 100, -50, 30, so that zero is not the plot's edge."""
    pdf, _, space, office = chart_case(f"axis-{kind}")
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


def shapes(pdf: Path) -> list[dict]:
    """The strokes and fills of the PDF's pages (pdfplumber's lines, curves and rects), their colours as tuples
    rounded to 2 places (poppler and LibreOffice write them to different precision)."""
    def colour(value) -> tuple:
        return tuple(round(c, 2) for c in value or ())
    with pdfplumber.open(pdf) as doc:
        return [dict(o, stroke_colour=colour(o["stroking_color"]), fill_colour=colour(o["non_stroking_color"]))
                for page in doc.pages for o in page.lines + page.curves + page.rects]


def two_series(kind: str, labels: tuple, rows: str) -> dict:
    """The minimal document's files with a chart of `kind` of two series labelled `labels` over `rows` (CSV lines
    `id,name,a,b`)."""
    return one_chart("c", f"    kind: {kind}\n    data: c\n    category: name\n    series: [{{key: a, "
                          f"label: {labels[0]}}}, {{key: b, label: {labels[1]}}}]\n", "id,name,a,b\n" + rows, "Two")


def rgb(colour: str) -> tuple:
    """RRGGBB as pdfplumber's colour, rounded as `shapes` rounds it."""
    return tuple(round(int(colour[i:i + 2], 16) / 255, 2) for i in (0, 2, 4))


LINE_LEGEND = two_series("line", ("Staff", "Temporary"), "y1,2023,1627,250\ny2,2024,1650,262\ny3,2025,1701,270\n")


def test_a_line_charts_legend_keys_each_series_by_its_line_and_circle_in_both_formats(chart_case):
    """charts13: the PDF keyed a line chart's series in its legend by a colour square (8 pt), Word and LibreOffice
    by a short line with the series' circle on it; and the lines were 1.5 pt in the PDF, 2.25 pt in the DOCX, its
    circles 4 pt in the PDF, 5 pt outlined by the series' line in LibreOffice's drawing. Now both draw the series
    as 1.5 pt lines with a 5 pt filled circle at each point (charts.look), and key each in the legend by a short
    line (three times the labels' size) with its circle at the middle, just left of its name: read off the PDF and
    LibreOffice's drawing of the DOCX (pdfplumber's lines and curves), and off the chart part (the series' `a:ln`,
    its `c:marker` without outline); the DOCX validates."""
    pdf, docx, space, office = chart_case("line-legend")
    colours = []
    for ser in space.iterfind(f".//{C}ser"):
        line = ser.find(f"{C}spPr/{A}ln")
        assert line.get("w") == "19050"
        marker = ser.find(f"{C}marker")
        assert (marker.find(f"{C}symbol").get("val"), marker.find(f"{C}size").get("val")) == ("circle", "5")
        assert marker.find(f"{C}spPr/{A}ln/{A}noFill") is not None
        colours.append(line.find(f"{A}solidFill/{A}srgbClr").get("val"))
    assert not validate(docx)
    for drawn in (pdf, office):
        found = shapes(drawn)
        words = {w.text: w for page in read_pages(drawn) for w in page.words}
        for name, colour in zip(("Staff", "Temporary"), map(rgb, colours)):
            word = words[name]
            middle = (word.y0 + word.y1) / 2
            keys = [o for o in found if o["object_type"] == "line" and o["stroke_colour"] == colour
                    and abs(o["top"] - o["bottom"]) < 0.5 and 0 <= word.x0 - o["x1"] < 6 and abs(o["top"] - middle) < 4]
            assert len(keys) == 1, (drawn, name, [(o["x0"], o["top"], o["x1"]) for o in found
                                                  if o["stroke_colour"] == colour or o["fill_colour"] == colour])
            key, = keys
            assert 20 < key["x1"] - key["x0"] < 26 and abs(key["linewidth"] - 1.5) < 0.05, (drawn, key)
            circles = [o for o in found if o["object_type"] == "curve" and o["fill"] and o["fill_colour"] == colour
                       and abs((o["x0"] + o["x1"]) / 2 - (key["x0"] + key["x1"]) / 2) < 1
                       and abs((o["top"] + o["bottom"]) / 2 - key["top"]) < 1]
            assert len(circles) == 1 and abs(circles[0]["x1"] - circles[0]["x0"] - 5) < 0.5, (drawn, name, circles)
            squares = [o for o in found if o["object_type"] == "rect" and o["fill_colour"] == colour]
            assert not squares, (drawn, name, squares)
            lines = {round(o["linewidth"], 1) for o in found if o["object_type"] == "curve" and o["stroke"]
                     and o["stroke_colour"] == colour and o["x1"] - o["x0"] > 50}   # the series' line
            assert lines == {1.5}, (drawn, name, lines)


COLUMN_LEGEND = two_series("column", ("Approved", "Proposed"), "r1,Alpha,11,21\nr2,Beta,12,22\nr3,Gamma,13,23\n")


def test_a_column_charts_legend_keys_and_bars_are_drawn_alike_in_both_formats(chart_case):
    """charts13b: the PDF keyed each series by an 8 pt colour square 4 pt from its name, the entries 12 pt apart,
    LibreOffice by a 4.8 pt square (0.6 of the 8 pt labels) 2-3 pt from it, the entries 6 pt apart; and the PDF
    left 1/10 of a bar between the bars of a cluster and 6/10 between the clusters, where the DOCX says they touch
    (no `c:overlap`: 0) and 8/10 of a bar apart (`c:gapWidth` 80). Now the PDF draws the keys and bars as Word and
    LibreOffice do, and the DOCX writes its `c:overlap` 0 (an application's default need not be the schema's) and
    validates: read off the PDF and LibreOffice's drawing of the DOCX (pdfplumber's rects and curves), each name's
    square key 4.8 pt (± 0.5), at most 3.5 pt to its left, the clusters' bars touching, and 0.8 of a bar (± 5%)
    between two clusters."""
    pdf, docx, space, office = chart_case("column-legend")
    assert (space.find(f".//{C}gapWidth").get("val"), space.find(f".//{C}overlap").get("val")) == ("80", "0")
    assert not validate(docx)
    colours = [rgb(ser.find(f"{C}spPr/{A}solidFill/{A}srgbClr").get("val")) for ser in space.iterfind(f".//{C}ser")]
    for drawn in (pdf, office):
        filled = [o for o in shapes(drawn) if o["fill"] and o["fill_colour"] in colours]
        words = {w.text: w for page in read_pages(drawn) for w in page.words}
        for name, colour in zip(("Approved", "Proposed"), colours):
            word = words[name]
            keys = [o for o in filled if o["fill_colour"] == colour and o["x1"] <= word.x0 + 0.5
                    and word.x0 - o["x1"] < 6 and word.y0 <= (o["top"] + o["bottom"]) / 2 <= word.y1]
            assert len(keys) == 1, (drawn, name, [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in filled])
            key, = keys
            side, high = key["x1"] - key["x0"], key["bottom"] - key["top"]
            assert abs(side - 4.8) <= 0.5 and abs(high - 4.8) <= 0.5 and word.x0 - key["x1"] <= 3.5, (drawn, key)
        bars = sorted((o for o in filled if o["x1"] - o["x0"] > 10), key=lambda o: o["x0"])
        assert [o["fill_colour"] for o in bars] == colours * 3, (drawn, bars)
        width = bars[0]["x1"] - bars[0]["x0"]
        for first, second in zip(bars[::2], bars[1::2]):    # a category's two bars touch
            assert abs(second["x0"] - first["x1"]) < 0.5, (drawn, first, second)
        for second, first in zip(bars[1::2], bars[2::2]):   # 0.8 of a bar between two categories
            assert abs((first["x0"] - second["x1"]) / width - 0.8) < 0.04, (drawn, first, second, width)


def turns(pdf: Path) -> dict:
    """The angles (degrees, rounded, the sign dropped) the PDF's letters are turned by -> how many letters."""
    counted: dict = {}
    with pdfplumber.open(pdf) as doc:
        for char in (c for page in doc.pages for c in page.chars):
            a, b = char["matrix"][:2]
            turn = abs(round(math.degrees(math.atan2(b, a))))
            counted[turn] = counted.get(turn, 0) + 1
    return counted


NAMES = ["Professional and higher categories", "General Service category", "Directors and above",
         "Temporary staff on short-term contracts"]
LABELLED = {rows: two_series("column", ("First", "Second"),
                             "".join(f"r{i},{NAMES[i % 4]} {i},{i + 1},{i + 2}\n" for i in range(rows)))
            for rows in (4, 12)}   # four long names, then twelve


@pytest.mark.parametrize("rows, angle", [(4, 0), (12, 45)])
def test_category_labels_are_wrapped_or_turned_alike_in_both_formats(chart_case, rows, angle):
    """charts13b: a column chart of four long category names (`Professional and higher categories` …) wrapped
    them level in the PDF (charts.look.label_angle: every word fits its category's width) where LibreOffice turned
    them 45°, squeezing the plot to a strip; Word decides on its own too. Now the DOCX's category axis says the
    PDF's angle (`a:bodyPr rot`: 0, level, which LibreOffice wraps; -2700000 for 45°): read off the PDF and
    LibreOffice's drawing of the DOCX, four names stand level, wrapped (`categories` below `Professional`), twelve
    narrower slots turn them 45° in both; the DOCX validates."""
    pdf, docx, space, office = chart_case(f"labels-{rows}")
    assert space.find(f".//{C}catAx/{C}txPr/{A}bodyPr").get("rot") == str(-angle * 60000)
    assert not validate(docx)
    letters = sum(len(name) - 1 for name in NAMES) * rows // 4    # the names' letters, near enough
    for drawn in (pdf, office):
        turned = turns(drawn)
        if angle:
            assert turned.get(angle, 0) >= letters and set(turned) == {0, angle}, (drawn, turned)
        else:           # all level, each name wrapped: its last word on a line below its first
            assert set(turned) == {0}, (drawn, turned)
            words = {w.text: w for page in read_pages(drawn) for w in page.words}
            assert words["categories"].y0 > words["Professional"].y0 + 6, (drawn, words["categories"])   # a line on


def fonts_of(pdf: Path, page_of: str, texts: tuple) -> list[set]:
    """The fonts (subset tags dropped) of the letters of each of `texts` (whole words) on the page holding
    `page_of`."""
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in doc.pages if page_of in (p.extract_text() or "").replace(" ", ""))
        words = page.extract_words(extra_attrs=["fontname"])
    return [{w["fontname"].split("+")[-1] for w in words if w["text"] == text} for text in texts]


def in_chinese(folder: Path) -> list:
    """The charts sample (charts_sample.py) made in `folder/doc` and built in Chinese as PDF and DOCX: the paths."""
    from ccdocs.build import build
    from charts_sample import make_charts_document

    return build([make_charts_document(folder / "doc")], folder / "out", ("zh",), ("pdf", "docx"))


def test_an_ascii_label_is_set_in_the_latin_face_in_both_formats(chart_case):
    """charts13b: a Chinese chart's categories `2021` … `2025` (and any label in ASCII: an English name left as it
    is) were drawn in the PDF in the Chinese body face (AR PL UMing's digits), where Word and LibreOffice set the
    DOCX's ASCII letters and digits in its `a:latin` face, as the tick labels. Now the PDF draws an all-ASCII label
    in the Latin face, a label holding Han characters in the body face: read off the Chinese line chart of the
    charts sample (its categories years, its legend Chinese) in the PDF and in LibreOffice's drawing of the DOCX,
    the year `2023` is in the font of the tick `1,000`, and not in the legend's `工作人员`."""
    pdf, _, _, office = chart_case("sample-zh")
    for drawn in (pdf, office):
        year, tick, legend = fonts_of(drawn, "五年来的工作人员", ("2023", "1,000", "工作人员"))
        assert year and year == tick and not year & legend, (drawn, year, tick, legend)


PIE = one_chart("c", "    kind: pie\n    data: c\n    category: name\n    type: percent\n    sums_to: 100\n"
                     "    data_labels: true\n    series: [{key: a, label: Share}]\n",
                "id,name,a\nr1,Directors,0.05\nr2,Professionals,0.496\nr3,Support,0.454\n", "Shares")


def test_a_pies_labels_stand_inside_their_slices_near_the_rim_in_both_formats(chart_case):
    """charts13b: the PDF printed a pie's data labels at 0.65 of the radius, the DOCX left them to the application
    (`bestFit`: LibreOffice set them inside near the rim, Word as it chooses), so a 5% slice's label stood in the
    slice's narrow part in the PDF only. Now the DOCX says `inEnd` and the PDF sets each label inside its slice,
    its farthest corner 4 pt short of the rim: read off the PDF and LibreOffice's drawing of the DOCX, each label's
    middle is between 0.8 and 1 of the radius from the pie's centre (estimated from the slices' boxes)."""
    pdf, docx, space, office = chart_case("pie-labels")
    assert {e.get("val") for e in space.iter(f"{C}dLblPos")} == {"inEnd"}
    assert not validate(docx)
    for drawn in (pdf, office):
        with pdfplumber.open(drawn) as doc:
            page = next(p for p in doc.pages if "Shares" in (p.extract_text() or ""))
            slices = [o for o in page.curves if o["fill"] and o["x1"] - o["x0"] > 30]
            labels = [w for w in page.extract_words() if w["text"] in ("5.0%", "49.6%", "45.4%")]
        left, right = min(o["x0"] for o in slices), max(o["x1"] for o in slices)
        top, bottom = min(o["top"] for o in slices), max(o["bottom"] for o in slices)
        radius, x, y = (bottom - top) / 2, (left + right) / 2, (top + bottom) / 2
        assert len(labels) == 3, (drawn, labels)
        for label in labels:
            out = math.hypot((label["x0"] + label["x1"]) / 2 - x, (label["top"] + label["bottom"]) / 2 - y) / radius
            assert 0.8 < out < 1, (drawn, label["text"], out)


CASES = {  # the charts `chart_case` builds and LibreOffice draws, in one call for the module
    **{f"axis-{kind}": english(files) for kind, files in AXES.items()},
    "line-legend": english(LINE_LEGEND),
    "column-legend": english(COLUMN_LEGEND),
    **{f"labels-{rows}": english(files) for rows, files in LABELLED.items()},
    "sample-zh": in_chinese,
    "pie-labels": english(PIE),
}
