"""A small document of one chart of every kind, one to a page, in English with a finished Chinese catalog, built by
the chart tests (tests/test_charts*.py)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

from ccdocs.i18n.catalogs import po_path
from conftest import MINIMAL

DOCUMENT = MINIMAL.split("parts:")[0] + """\
parts:
  - {type: report, files: [content/report.md]}
data:
  regions: data/regions.csv
  grades: data/grades.csv
  trend: data/trend.csv
charts:
"""

# name -> (spec lines, English caption, Chinese caption); one chart to a page (13 cm high)
CHARTS = {
    "columns": ("kind: column\n    data: regions\n    category: region\n    total: total\n"
                "    series: [{key: applied, label: Applications}, {key: hired, label: Appointments}]\n"
                "    axis_title: Candidates", "Columns by region", "按区域分列的柱形图"),
    "columns_stacked": ("kind: column\n    grouping: stacked\n    data: regions\n    category: region\n"
                        "    series: [{key: applied, label: Applications}, {key: hired, label: Appointments}]\n"
                        "    total: total", "Stacked columns by region", "按区域分列的堆积柱形图"),
    "columns_percent": ("kind: column\n    grouping: percent\n    data: grades\n    category: grade\n"
                        "    series: [{key: women, label: Women}, {key: men, label: Men}]",
                        "Gender by category", "按类别分列的性别"),
    "bars": ("kind: bar\n    data: regions\n    category: region\n    total: total\n    sort: descending\n"
             "    series: [{key: applied, label: Applications}]", "Bars by region", "按区域分列的条形图"),
    "bars_stacked": ("kind: bar\n    grouping: stacked\n    data: grades\n    category: grade\n"
                     "    series: [{key: women, label: Women}, {key: men, label: Men}]",
                     "Stacked bars by category", "按类别分列的堆积条形图"),
    "trend": ("kind: line\n    data: trend\n    category: year\n"
              "    series: [{key: staff, label: Staff}, {key: temps, label: Temporary staff}]",
              "Staff over five years", "五年来的工作人员"),
    "shares": ("kind: pie\n    data: grades\n    category: grade\n    type: percent\n    sums_to: 100\n"
               "    series: [{key: share, label: Share}]", "Shares by category", "按类别分列的比例"),
    "ring": ("kind: doughnut\n    data: grades\n    category: grade\n    type: percent\n    sums_to: 100\n"
             "    series: [{key: share, label: Share}]", "Ring by category", "按类别分列的圆环图"),
}

FILES = {
    "data/regions.csv": "id,region,applied,hired\nafrica,Africa,2130,112\nasia,Asia,5214,231\n"
                        "europe,Europe,6687,358\namericas,Americas,1890,149\ntotal,,15921,850\n",
    "data/grades.csv": "id,grade,women,men,share\nd,Directors,31,52,0.05\np,Professionals,412,398,0.496\n"
                       "g,Support,520,322,0.454\n",
    "data/trend.csv": "id,year,staff,temps\ny2021,2021,1627,250\ny2022,2022,1650,262\ny2023,2023,1701,270\n"
                      "y2024,2024,1722,281\ny2025,2025,1735,295\n",
}

ZH = {"Africa": "非洲", "Asia": "亚洲", "Applications": "申请数", "Appointments": "任命数", "Candidates": "候选人",
      "Women": "女性", "Men": "男性",
      "Staff": "工作人员", "Temporary staff": "临时工作人员", "Share": "比例", "Directors": "主任",
      "Professionals": "专业人员", "Support": "支助人员", "Europe": "欧洲", "Americas": "美洲",
      "Charts": "图表", "Every kind of chart follows.": "以下是各种图表。"}
ZH.update({en: zh for _, en, zh in CHARTS.values()})

# What each chart shows, in order: categories (en, zh) and the data labels of its first series.
CATEGORIES = {
    "regions": (["Africa", "Asia", "Europe", "Americas"], ["非洲", "亚洲", "欧洲", "美洲"]),
    "grades": (["Directors", "Professionals", "Support"], ["主任", "专业人员", "支助人员"]),
    "trend": (["2021", "2022", "2023", "2024", "2025"],) * 2,
}


def shown(name: str, lang: str) -> tuple[list, list]:
    """The categories of chart `name` in the order drawn in `lang`, and its first series' values as printed."""
    data = CHARTS[name][0].split("data: ")[1].split("\n")[0]
    categories = CATEGORIES[data][lang == "zh"]
    values = {"regions": ["2,130", "5,214", "6,687", "1,890"], "grades": ["31", "412", "520"],
              "trend": ["1,627", "1,650", "1,701", "1,722", "1,735"]}[data]
    if name in ("shares", "ring"):
        values = ["5.0%", "49.6%", "45.4%"]
    if name == "bars":   # sorted by applications, the most first
        order = [2, 1, 0, 3]
        categories, values = [categories[i] for i in order], [values[i] for i in order]
    return categories, values


def make_charts_document(folder: Path, charts: dict = CHARTS) -> Path:
    """Write the document (every chart of `charts` with data labels, 13 cm high: one to a page) and its Chinese
    catalog, every entry translated."""
    from ccdocs.cli import main
    from click.testing import CliRunner

    yaml = DOCUMENT + "".join(f"  {name}:\n    {spec}\n    data_labels: true\n    height: 13\n"
                              for name, (spec, _, _) in charts.items())
    report = "# Charts\n\nEvery kind of chart follows.\n\n" + "".join(
        f"::: chart {name}\n{caption}\n:::\n\n" for name, (_, caption, _) in charts.items())
    for name, text in {"document.yaml": yaml, "content/report.md": report, **FILES}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["i18n", "update", str(folder), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    path = po_path(folder, "zh")
    with path.open("rb") as f:
        catalog = read_po(f, locale="zh_Hans_CN")
    for message in catalog:
        if message.id and message.id in ZH:
            message.string = ZH[message.id]
            message.flags.discard("fuzzy")
    with path.open("wb") as f:
        write_po(f, catalog, width=0)
    return folder
