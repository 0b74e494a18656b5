"""A chart's value axis has one scale, ccdocs's (charts.axis.value_scale), in both formats.

The PDF's axis took reportlab's own steps and the DOCX's Word's or LibreOffice's (0 to 40 by 10 in the PDF, by 5 in
LibreOffice's drawing of the DOCX): gridlines and tick labels differed between the two. Now the scale is computed
from the figures, an editor's round steps, and written into both: reportlab's valueMin, valueMax and ticks, the
chart part's `c:min`, `c:max` and `c:majorUnit`.
"""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from charts_sample import DOCUMENT
from libreoffice import render
from pdfpages import read_pages, squeeze

sys.path.insert(0, str(Path(__file__).parent / "ooxml"))
from validate import validate  # noqa: E402

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def chart(values: list, kind: str = "column", grouping: str = "clustered", number: str = "integer", places: int = 0):
    """A model Chart of one series a list of `values` (plotted: a `percent` as a fraction), with its categories."""
    from ccdocs.model import Chart
    from ccdocs.model.nodes import ChartSeries

    series = tuple(ChartSeries(f"S{i}", tuple(v), tuple(str(x) for x in v)) for i, v in enumerate(values))
    return Chart(name="c", kind=kind, caption=(), categories=tuple(f"C{i}" for i in range(len(values[0]))),
                 series=series, grouping=grouping, number=number, places=places)


def scale(*args, **kwargs) -> tuple:
    from ccdocs.charts.axis import value_scale

    found = value_scale(chart(*args, **kwargs))
    return float(found.low), float(found.high), float(found.step)


@pytest.mark.parametrize("values, kwargs, expected", [
    ([[6, 18, 3, 30], [6, 38, 3, 30]], {}, (0, 40, 10)),               # from zero, 4 steps of 10
    ([[2130, 5214, 6687, 1890]], {}, (0, 8000, 2000)),                   # 0 to 8,000 by 2,000
    ([[3944, 3764, 3555, 1718, 1353, 815, 772]], {"kind": "bar"}, (0, 4000, 1000)),
    ([[1627, 1650, 1701, 1722, 1735]], {"kind": "line"}, (0, 2000, 500)),   # a line's axis from zero too
    ([[12.5, 23]], {"number": "percent_value"}, (0, 25, 5)),
    ([[0.123, 0.457, 0.28]], {"number": "percent"}, (0, 0.5, 0.1)),     # 0% to 50% by 10%
    ([[58488.3, 412345, 1250000]], {"number": "chf_thousands"}, (0, 1250000, 250000)),   # 2.5 × 10^n
    ([[1.5e12, 3e11]], {}, (0, 1500000000000, 250000000000)),                      # very large
    ([[0.0003, 0.0012]], {"number": "decimal", "places": 4}, (0, 0.0012, 0.0002)),   # very small
])
def test_the_scale_runs_from_zero_in_round_steps_of_1_2_2_5_or_5_times_a_power_of_ten(values, kwargs, expected):
    """From zero to the least multiple of the step at or above the highest figure: the least step of 1, 2, 2.5 or
    5 × 10^n that needs no more than 6 steps (7 gridlines)."""
    assert scale(values, **kwargs) == expected


def test_negative_figures_take_the_axis_below_zero_to_a_round_value():
    assert scale([[100, -50, 30]]) == (-50, 100, 25)
    assert scale([[-7, -7, -7]]) == (-8, 0, 2)     # all negative: the axis ends at zero


def test_a_negative_figure_labelled_beyond_its_bar_keeps_a_step_below_it():
    """A clustered chart printing its figures beyond its bars prints a negative one below (left of) its bar's end,
    where the category names stand at the axis' low end: within half a step of that end, the axis goes a step
    further. Without labels, or stacked (the labels inside the bars), or with room enough, it does not."""
    def labelled(values, **kwargs):
        from ccdocs.charts.axis import value_scale

        found = value_scale(replace(chart(values, **kwargs), data_labels=True))
        return float(found.low), float(found.high), float(found.step)

    assert labelled([[100, -50, 30]]) == (-75, 100, 25)
    assert labelled([[100, -50, 30]], kind="bar") == (-75, 100, 25)
    assert labelled([[100, -40, 30]]) == (-75, 100, 25)      # 10 short of -50: within half a step
    assert labelled([[100, -35, 30]]) == (-50, 100, 25)      # 15 short: room enough
    assert labelled([[-30, 20, 45], [10, -8, 30]], kind="bar") == (-40, 60, 20)
    assert labelled([[10, -10, -5], [20, 20, -15]], grouping="stacked") == (-20, 30, 10)
    assert scale([[100, -50, 30]]) == (-50, 100, 25)


def test_a_stacked_chart_measures_its_stacks_above_and_below_zero_apart():
    """Stacks of 10 + 20, -10 + 20, -5 - 15: from -20 to 30 (a clustered chart of the same figures: -20 to 20)."""
    assert scale([[10, -10, -5], [20, 20, -15]], grouping="stacked") == (-20, 30, 10)
    assert scale([[10, -10, -5], [20, 20, -15]]) == (-20, 20, 10)
    assert scale([[31, 412, 520], [52, 398, 322]], kind="bar", grouping="stacked") == (0, 1000, 200)


def test_a_100_percent_stacked_chart_runs_from_0_to_100_percent_by_20():
    assert scale([[31, 412, 520], [52, 398, 322]], grouping="percent") == (0, 1, 0.2)


def test_all_equal_and_all_zero_figures():
    """Equal figures stand below the top of an axis from zero; a chart of zeros (or empty cells) gets 0 to 5 of its
    smallest printed step, not an axis of no height."""
    assert scale([[7, 7, 7]]) == (0, 8, 2)
    assert scale([[0, 0, 0]]) == (0, 5, 1)
    assert scale([[None, 0, None]]) == (0, 5, 1)
    assert scale([[0, 0]], number="percent") == (0, 0.05, 0.01)


def test_no_step_finer_than_the_figures_print():
    """Whole numbers never step by 0.5 (the tick labels would print 0, 1, 1, 2 …), percentages (printed `40%` on the
    axis) never by 2.5%, decimals of one place never by 0.05: fewer gridlines instead."""
    assert scale([[1, 2, 3]]) == (0, 3, 1)
    assert scale([[0.07, 0.12]], number="percent") == (0, 0.12, 0.02)
    assert scale([[0.01, 0.04]], number="decimal", places=1) == (0, 0.1, 0.1)
    assert scale([[0.3, 0.9]], number="decimal", places=1) == (0, 1, 0.2)


def test_every_scale_has_3_to_6_steps():
    """Over many spans, positive and negative, the step divides the axis into 3 to 6 steps (4 to 7 gridlines), the
    figures within it."""
    from ccdocs.charts.axis import value_scale

    for top in [3.7, 9, 11, 17, 23, 38, 49, 51, 99, 101, 249, 251, 777, 1001, 4999, 6687, 12345, 98765]:
        for low in (0, -top / 3, -top):
            found = value_scale(chart([[top, low]]))
            steps = (found.high - found.low) / found.step
            assert 3 <= steps <= 6 and found.low <= Decimal(repr(low)) and found.high >= Decimal(repr(top)), \
                (top, low, found)


# The charts built in both formats: name -> (spec, data, the tick labels of its value axis from low to high, and
# the scale the DOCX's `c:min`, `c:max`, `c:majorUnit` holds)
CHARTS = {
    "counts": ("kind: column\n    series: [{key: a, label: Applications}, {key: b, label: Appointments}]",
               "a,b\nr1,Alpha,6,6\nr2,Beta,18,38\nr3,Gamma,3,3\nr4,Delta,30,30\n",
               ["0", "10", "20", "30", "40"], (0, 40, 10)),
    "change": ("kind: column\n    series: [{key: a, label: Change}]", "a\nr1,Alpha,100\nr2,Beta,-50\nr3,Gamma,30\n",
               ["-50", "-25", "0", "25", "50", "75", "100"], (-50, 100, 25)),
    "shares": ("kind: bar\n    type: percent\n    series: [{key: a, label: Share}]",
               "a\nr1,Alpha,0.123\nr2,Beta,0.457\nr3,Gamma,0.28\n",
               ["0%", "10%", "20%", "30%", "40%", "50%"], (0, 0.5, 0.1)),
    "stacks": ("kind: bar\n    grouping: stacked\n    series: [{key: a, label: Women}, {key: b, label: Men}]",
               "a,b\nr1,Directors,31,52\nr2,Professionals,412,398\nr3,Support,520,322\n",
               ["0", "200", "400", "600", "800", "1,000"], (0, 1000, 200)),
    "rates": ("kind: line\n    type: decimal\n    places: 2\n    series: [{key: a, label: Rate}]",
              "a\nr1,Alpha,0.12\nr2,Beta,0.07\nr3,Gamma,0.31\n",
              ["0.00", "0.10", "0.20", "0.30", "0.40"], (0, 0.4, 0.1)),
    "mix": ("kind: column\n    grouping: percent\n    series: [{key: a, label: Women}, {key: b, label: Men}]",
            "a,b\nr1,Directors,31,52\nr2,Professionals,412,398\n",
            ["0%", "20%", "40%", "60%", "80%", "100%"], (0, 1, 0.2)),
}
CAPTIONS = {name: f"Axis of {name}" for name in CHARTS}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(the PDF, the DOCX, LibreOffice's PDF of the DOCX) of an English document of CHARTS, one to a page."""
    from ccdocs.build import build

    folder = tmp_path_factory.mktemp("scale") / "doc"
    data = "".join(f"  {name}: data/{name}.csv\n" for name in CHARTS)
    yaml = DOCUMENT.replace("  regions: data/regions.csv\n  grades: data/grades.csv\n  trend: data/trend.csv\n", data)
    yaml = yaml.replace("languages: [en, zh]", "languages: [en]") + "".join(
        f"  {name}:\n    {spec}\n    data: {name}\n    category: name\n    height: 13\n"
        for name, (spec, *_) in CHARTS.items())
    files = {"document.yaml": yaml, "content/report.md": "# Charts\n\nThe charts follow.\n\n" + "".join(
        f"::: chart {name}\n{CAPTIONS[name]}\n:::\n\n" for name in CHARTS),
        **{f"data/{name}.csv": f"id,name,{csv}" for name, (_, csv, *_) in CHARTS.items()}}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    paths = build([folder], folder.parent / "out", ("en",), ("pdf", "docx"))
    pdf, docx = (next(p for p in paths if p.suffix == suffix) for suffix in (".pdf", ".docx"))
    return pdf, docx, render({"office": docx}, folder.parent)["office"]


TICK = re.compile(r"-?[\d,]+(\.\d+)?%?")


def tick_labels(pdf: Path, name: str) -> list[str]:
    """The value axis' labels drawn on the page of chart `name` (the figures below its caption: it has no data
    labels, and its categories are words), from the axis' low end to its high end."""
    page, = (p for p in read_pages(pdf) if squeeze(CAPTIONS[name]) in p.squeezed)
    caption = next(w for w in page.words if w.text == name)
    words = [w for w in page.words if w.y0 > caption.y1 and TICK.fullmatch(w.text.replace("−", "-"))]
    if CHARTS[name][0].startswith("kind: bar"):
        return [w.text for w in sorted(words, key=lambda w: w.x0)]
    return [w.text for w in sorted(words, key=lambda w: -w.y0)]


def scales(docx: Path) -> list[tuple]:
    """Each chart part's value axis: (c:min, c:max, c:majorUnit) as numbers, None for one it lacks."""
    found = []
    with zipfile.ZipFile(docx) as package:
        names = sorted((n for n in package.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)),
                       key=lambda n: int(re.search(r"\d+", n).group()))
        for name in names:
            axis = etree.fromstring(package.read(name)).find(f".//{C}valAx")
            found.append(tuple(float(e.get("val")) if e is not None else None for e in (
                axis.find(f"{C}scaling/{C}min"), axis.find(f"{C}scaling/{C}max"), axis.find(f"{C}majorUnit"))))
    return found


def test_the_docx_value_axis_holds_the_scale_and_validates(built):
    _, docx, _ = built
    assert scales(docx) == [tuple(map(float, c[3])) for c in CHARTS.values()]
    assert not validate(docx)


@pytest.mark.parametrize("name", list(CHARTS))
def test_the_pdf_and_libreoffices_drawing_of_the_docx_print_the_same_tick_labels(built, name):
    """Read off both renderings: the same labels, at the same steps, from the same low end to the same high end."""
    pdf, _, office = built
    expected = CHARTS[name][2]
    assert tick_labels(pdf, name) == expected
    assert tick_labels(office, name) == expected
