"""A chart of many rows costs what its rows cost (breaks-6 #12): its spec is read in time linear in them, and a
chart the PDF refuses for its room (too many categories to label) is refused from their number, never drawn."""

from __future__ import annotations

from pathlib import Path

from bounded import within
from ccdocs.charts.place import ChartPlacer
from ccdocs.charts.spec import read_chart_spec
from ccdocs.errors import Collector
from ccdocs.sources.data import Dataset
from ccdocs.writers.pdf import charts as pdf_charts
from refusals import Case
from test_charts_refusals import COLUMNS, charted

ROWS = 100_000


def _spec(**more):
    dataset = Dataset(Path("c.csv"), ("id", "cat", "a"),
                      tuple({"id": f"r{i}", "cat": f"C{i}", "a": i} for i in range(ROWS)),
                      {f"r{i}": i + 2 for i in range(ROWS)})
    raw = {"kind": "line", "data": "c", "category": "cat", "series": [{"key": "a", "label": "A"}], **more}
    out = Collector()
    spec = read_chart_spec("ch", raw, None, {"c": dataset}, out)
    assert not out.problems
    return spec


def _spec_rows() -> int:
    return len(_spec().rows)


def test_a_chart_of_many_rows_is_read_in_time_linear_in_them():
    # the rows not drawn were found by looking each row up in the tuple of those drawn: 100,000 rows took a minute
    assert within(_spec_rows, 20, f"a chart spec of {ROWS:,} rows read") == ROWS


def test_a_sorted_chart_of_many_rows_is_ordered_in_time_linear_in_them():
    # verify-11 V2: the rows without a figure were found by looking each row up in the list of those with one
    # (100,000 rows: check over 300 s); now one pass, those with a figure sorted, the others after in the data's order
    spec = _spec(sort="descending")
    values = {row: {"a": i if i % 3 else ""} for i, row in enumerate(spec.rows)}   # every third cell empty
    rows = within(lambda: ChartPlacer.order(spec, values), 20, f"a sorted chart of {ROWS:,} rows ordered")
    with_figure = [f"r{i}" for i in range(ROWS - 1, -1, -1) if i % 3]
    assert rows == tuple(with_figure + [f"r{i}" for i in range(0, ROWS, 3)])


def test_a_chart_without_room_for_its_labels_is_refused_before_it_is_drawn(refuse, monkeypatch):
    def drawn(*args, **kwargs):
        raise AssertionError("a refused chart was drawn")

    monkeypatch.setattr(pdf_charts, "chart_drawing", drawn)
    refuse(Case("too-many", charted(COLUMNS, data="id,region,applied,hired\n" + "".join(
        f"r{i},Region {i},{i},1\n" for i in range(2000))), "its 2,000 categories leave 0.2 pt each along the axis",
        "content/report.md:", args=("--format", "pdf")))
