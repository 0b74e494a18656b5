"""The empty cells a chart draws as nothing, each a warning at its cell: a bar or column left out, a line broken,
reads as zero to the committee, and an editor who forgot a figure is told nothing else when the table has no total
to check. A chart whose gaps are meant (a year without data) says so with `gaps: true`; a figure that is zero is
written 0."""

from __future__ import annotations

from ..errors import Collector, Problem, display_path
from .spec import read_chart_spec


def gaps(spec, data: dict) -> list[Problem]:
    """A warning at each empty cell of a series a chart of the document (`spec`, a DocumentSpec) draws, in the
    charts' order, unless the chart says `gaps: true`; none for a chart the build refuses (it told why). `data`: the
    data files as the build read them (`Sources.data`): what is told is the paper as built, whatever the files hold
    since (a cell of a file changed since is told at its row's line, `Dataset.place_of`)."""
    return [item for name, raw in spec.charts.items() if isinstance(raw, dict) and raw.get("gaps") is not True
            for item in _empty(name, raw, spec, data)]


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
                line, col = dataset.place_of(row_id, series.key)
                found.append(Problem(
                    display_path(dataset.path), line, col, f"row `{row_id}`, column `{series.key}` is empty: the "
                    f"{chart.kind} chart `{name}` draws nothing there, which reads as zero", "write the figure "
                    f"(0 if it is zero); if the chart is meant to show no figure there, add `gaps: true` under "
                    f"`charts: {name}:` in document.yaml", "warning"))
    return found
