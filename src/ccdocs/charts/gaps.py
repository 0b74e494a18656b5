"""The empty cells a chart draws as nothing, each a warning at its cell: a bar or column left out, a line broken,
reads as zero to the committee, and an editor who forgot a figure is told nothing else when the table has no total
to check. A chart whose gaps are meant (a year without data) says so with `gaps: true`; a figure that is zero is
written 0."""

from __future__ import annotations

from ..errors import Collector, InputError, Problem, display_path
from ..sources.data import cell_place, read_data
from .spec import read_chart_spec


def gaps(spec) -> list[Problem]:
    """A warning at each empty cell of a series a chart of the document (`spec`, a DocumentSpec) draws, in the
    charts' order, unless the chart says `gaps: true`; none for a chart the build refuses (it told why)."""
    charts = {name: raw for name, raw in spec.charts.items() if isinstance(raw, dict) and raw.get("gaps") is not True}
    if not charts:
        return []
    drawn = {raw["data"] for raw in charts.values() if isinstance(raw.get("data"), str)}  # read again: no other
    try:
        data = {name: read_data(path) for name, path in spec.data.items() if name in drawn}
        return [item for name, raw in charts.items() for item in _empty(name, raw, spec, data)]
    except (InputError, OSError):  # the build read them; one changed since is told at the next build
        return []


def _empty(name: str, raw: dict, spec, data: dict) -> list[Problem]:
    """The warnings of one chart (`charts.spec.read_chart_spec`'s spec of `raw`, none if it is refused)."""
    chart = read_chart_spec(name, raw, spec.yaml, data, Collector())
    if chart is None:
        return []
    found = []
    dataset = chart.table.dataset
    for row_id in chart.rows:
        for series in chart.series:
            if series.key in dataset.columns and dataset[row_id][series.key] == "":
                line, col = cell_place(dataset.path, dataset.line_of(row_id), dataset.columns.index(series.key))
                found.append(Problem(
                    display_path(dataset.path), line, col, f"row `{row_id}`, column `{series.key}` is empty: the "
                    f"{chart.kind} chart `{name}` draws nothing there, which reads as zero", "write the figure "
                    f"(0 if it is zero); if the chart is meant to show no figure there, add `gaps: true` under "
                    f"`charts: {name}:` in document.yaml", "warning"))
    return found
