"""A chart's words for translation: series labels and axis title from document.yaml, category labels from the data
file at their row's line; looked up like a table's (`tables.texts.Words`, msgctxt "data")."""

from __future__ import annotations

from ..errors import display_path
from ..sources.data import Dataset


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def chart_texts(spec, data: dict) -> list[tuple[str, str, int]]:
    """Every text of every chart spec a build looks up, in document order, as (text, file, line): each series'
    label and the axis title (document.yaml), then the category labels (the data file, at the row's line).
    The total row's label is never drawn, so never asked for."""
    found = []
    shown = display_path(spec.yaml.path)
    for name, chart in (spec.charts or {}).items():
        if not isinstance(chart, dict):
            continue
        for index, series in enumerate(chart.get("series") or ()):
            if isinstance(series, dict) and _text(series.get("label")):
                found.append((series["label"], shown, spec.yaml.where("charts", name, "series", index, "label")[0]))
        if _text(chart.get("axis_title")):
            found.append((chart["axis_title"], shown, spec.yaml.where("charts", name, "axis_title")[0]))
        dataset = data.get(chart.get("data")) if isinstance(chart.get("data"), str) else None
        category = chart.get("category")
        if not isinstance(dataset, Dataset) or category not in dataset.columns:
            continue
        rows = chart.get("rows")
        total = str(chart.get("total"))
        drawn = [str(r) for r in rows] if isinstance(rows, list) else [r for r in dataset if r != total]
        where = display_path(dataset.path)
        found += [(str(dataset[r][category]).strip(), where, dataset.line_of(r)) for r in drawn
                  if r in dataset and _text(str(dataset[r].get(category, "")))]
    return found
