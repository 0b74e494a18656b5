"""A chart spec under `charts:` in document.yaml, checked and read into a ChartSpec.

A chart draws rows of a CSV dataset (the same rows a table may show; `rows:` picks some): its `category` column
names each point, each of its `series` is a figure column. Its figures are checked like a table's
(`tables.compute`): the values drawn are read as a table of the same columns would read them, a stated `total` row
must be the sum of the rows drawn and a `sums_to: 100` series must add up to 100%; the total row is checked, never
drawn. The rows not drawn are left out of every check (as a table's heading rows are).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..errors import Collector, Hints, did_you_mean
from ..sources.data import Dataset
from ..tables.spec import FIGURE_TYPES, ColumnSpec, TableSpec, named_dataset

KINDS = ("column", "bar", "line", "pie", "doughnut")
GROUPINGS = ("clustered", "stacked", "percent")     # `percent`: 100% stacked
STACKED = ("column", "bar")                           # the kinds whose series may be stacked
ROUND = ("pie", "doughnut")                           # one series, its categories the slices
SORTS = ("ascending", "descending")
SPEC_KEYS = ("data", "kind", "grouping", "category", "series", "type", "places", "axis_title", "data_labels",
             "sort", "rows", "total", "sums_to", "width", "height", "gaps")
SERIES_KEYS = ("key", "label")
HEIGHT = (3.0, 20.0)          # centimetres: a chart lower than 3 cm shows nothing; higher than 20 leaves no caption
DEFAULT_HEIGHT = 7.5


@dataclass(frozen=True)
class ChartSpec:
    """A checked chart spec: what to draw (`table` holds the dataset, the category column as its label, the
    series as its columns and the total) and how."""

    name: str
    kind: str
    table: TableSpec
    rows: tuple                   # the row ids drawn, in the data's order (before any sort)
    grouping: str = "clustered"
    axis_title: str = ""
    data_labels: bool = False
    sort: str = ""
    width: float = 1.0
    height: float = DEFAULT_HEIGHT

    @property
    def series(self) -> tuple:
        """The ColumnSpec of each series, first series first."""
        return self.table.columns


class _Reader:
    """Reads one raw chart spec, recording each problem at its place in document.yaml."""

    def __init__(self, name: str, raw: dict, yf, out: Collector):
        self.name, self.raw, self.yf, self.out = name, raw, yf, out
        self.hints = Hints()  # "did you mean" of a name the data does not hold: the first few (each reads it all)

    def fail(self, keys: tuple, message: str, hint: str | None = None) -> None:
        self.out.extend([self.yf.problem(("charts", self.name) + keys, f"chart `{self.name}`: {message}", hint)])

    def choice(self, key: str, choices: tuple, default: str) -> str | None:
        value = self.raw.get(key, default)
        if value not in choices:
            self.fail((key,), f"unknown {key} `{value}`", did_you_mean(str(value), choices) or
                      "one of: " + ", ".join(choices))
            return None
        return value

    def text(self, key: str) -> str:
        value = self.raw.get(key, "")
        if not isinstance(value, str):
            self.fail((key,), f"`{key}` is a text, got {value!r}")
            return ""
        return value

    def number(self, key: str, default: float, low: float, high: float, what: str) -> float:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            self.fail((key,), f"`{key}` is {what}, got {value!r}")
            return default
        return float(value)

    def series(self, dataset: Dataset, kind: str, number: str, places: int, hundred: bool) -> list:
        raw = self.raw.get("series")
        if not isinstance(raw, list) or not raw:
            self.fail(("series",), "`series` lists the figure columns drawn, each with its label",
                      "series: [{key: applied, label: Applications}]")
            return []
        if kind in ROUND and len(raw) > 1:
            self.fail(("series",), f"a {kind} chart draws one series, got {len(raw)}",
                      "draw several series as columns, bars or lines")
            return []
        columns = []
        for index, item in enumerate(raw):
            where = ("series", index)
            if not isinstance(item, dict) or not isinstance(item.get("key"), str):
                self.fail(where, "each series is a mapping with a `key` and a `label`",
                          "{key: applied, label: Applications}")
                continue
            for key in item:
                if key not in SERIES_KEYS:
                    self.fail(where + (key, "<key>"), f"unknown series key `{key}`", did_you_mean(str(key),
                                                                                                 SERIES_KEYS))
            if item["key"] not in dataset.columns:
                self.fail(where + ("key",), f"column `{item['key']}` is not in {dataset.path.name}",
                          self.hints(item["key"], dataset.columns))
                continue
            if item["key"] in (c.key for c in columns):
                self.fail(where + ("key",), f"column `{item['key']}` is drawn twice", "list each series once")
                continue
            label = item.get("label", item["key"])
            if not isinstance(label, str) or not label.strip():
                self.fail(where + ("label",), f"`label` is the text the legend prints, got {label!r}")
                continue
            columns.append(ColumnSpec(item["key"], label, number, places, sums_to_100=hundred, index=index))
        return columns

    def rows(self, dataset: Dataset, total: str | None) -> tuple:
        raw = self.raw.get("rows")
        if raw is None:
            return tuple(r for r in dataset if r != total)
        if not isinstance(raw, list) or not raw or not all(isinstance(r, str | int) for r in raw):
            self.fail(("rows",), "`rows` lists the ids of the rows drawn", "rows: [africa, asia, europe]")
            return ()
        ids = [str(r) for r in raw]
        missing = [r for r in ids if r not in dataset]
        for row_id in missing:
            self.fail(("rows",), f"row `{row_id}` is not in {dataset.path.name}", self.hints(row_id, dataset))
        if total in ids:
            self.fail(("rows",), f"row `{total}` is the total: it is checked, not drawn", "leave it out of `rows`")
        repeated = sorted(r for r, times in Counter(ids).items() if times > 1)
        if repeated:
            self.fail(("rows",), f"row `{repeated[0]}` is listed twice", "list each row once")
        return () if missing or total in ids or repeated else tuple(ids)


def read_chart_spec(name: str, raw, yf, data: dict, out: Collector) -> ChartSpec | None:
    """The checked spec of chart `name`; None (problems recorded in `out`) when it cannot be used."""
    reader = _Reader(name, raw if isinstance(raw, dict) else {}, yf, out)
    if not isinstance(raw, dict):
        reader.fail((), "a chart spec is a mapping: kind, data, category, series, ...")
        return None
    found = len(out.problems)
    for key in raw:
        if key not in SPEC_KEYS:
            reader.fail((key, "<key>"), f"unknown key `{key}`", did_you_mean(str(key), SPEC_KEYS))
    dataset = named_dataset(raw, data, reader.fail)
    if dataset is None:
        return None
    kind = reader.choice("kind", KINDS, "column")
    grouping = reader.choice("grouping", GROUPINGS, "clustered")
    if kind and grouping and grouping != "clustered" and kind not in STACKED:
        reader.fail(("grouping",), f"a {kind} chart is not stacked", "stack columns or bars")
    number = reader.choice("type", FIGURE_TYPES, "integer")
    places = raw.get("places", 1 if number in ("decimal", "percent", "percent_value") else 0)
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 6:
        reader.fail(("places",), f"`places` is a whole number from 0 to 6, got {places!r}")
        places = 0
    hundred = raw.get("sums_to") is not None
    if hundred and (raw.get("sums_to") != 100 or number not in ("percent", "percent_value")):
        reader.fail(("sums_to",), "`sums_to: 100` applies to a chart of `type: percent` or `percent_value`")
    category = raw.get("category")
    if category not in dataset.columns:
        reader.fail(("category",), f"category column `{category}` is not in {dataset.path.name}",
                    reader.hints(str(category), dataset.columns))
    total = raw.get("total")
    if total is not None and (not isinstance(total, str | int) or str(total) not in dataset):
        reader.fail(("total",), f"`total` names the row of {dataset.path.name} holding the total, got {total!r}",
                    reader.hints(str(total), list(dataset)))
        total = None
    total = str(total) if total is not None else None
    sort = reader.choice("sort", SORTS + ("",), "")
    labels = raw.get("data_labels", False)
    if not isinstance(labels, bool):
        reader.fail(("data_labels",), f"`data_labels` is true or false, got {labels!r}")
    if not isinstance(raw.get("gaps", False), bool):  # empty cells meant as gaps, not warned of (`charts.gaps`)
        reader.fail(("gaps",), f"`gaps` is true or false, got {raw['gaps']!r}")
    series = reader.series(dataset, kind, number or "integer", places, hundred)
    rows = reader.rows(dataset, total)
    if not rows and "rows" not in raw:
        reader.fail(("data",), f"{dataset.path.name} has no row to draw", "add its rows, or draw another dataset")
    width = reader.number("width", 1.0, 0.2, 1.0, "the chart's share of the text width, from 0.2 to 1 (0.6 for 60%)")
    height = reader.number("height", DEFAULT_HEIGHT, *HEIGHT, f"the chart's height in centimetres, from "
                           f"{HEIGHT[0]:g} to {HEIGHT[1]:g}")
    axis_title = reader.text("axis_title")
    if len(out.problems) > found:
        return None
    undrawn = frozenset(dataset) - frozenset(rows) - {total}   # neither read nor counted
    table = TableSpec(name, dataset, category, tuple(series), {}, undrawn, total)
    return ChartSpec(name, kind, table, rows, grouping, axis_title, labels is True, sort or "",
                     width, height)
