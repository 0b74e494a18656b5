"""The Chart of a `::: chart NAME` container: spec read, figures computed and checked, labels translated and
values printed for one language."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import Hints, display_path
from ..l10n.formats import Formats
from ..model import Chart, ChartSeries, Source
from ..tables.compute import compute
from ..tables.place import TablePlacer, cell_text
from .axis import PRECISE, plotted
from .spec import ROUND, ChartSpec, read_chart_spec

# what a paper's charts draw in all, per language: each `::: chart` draws its chart again, in the model, the PDF and
# the DOCX (breaks-9 #5: nothing counted them, so 40 KB of content placed one chart 1,200 times and took check 45 s
# of CPU; 6,000 placements ran past a minute). A chart's own size is bounded apart (its categories by the room to
# label them, its series by its colours and its legend's room), and its cost grows with both its placements and
# the figures it draws (categories x series): `check`'s CPU a placement, 8 ms for 4 figures, 42 ms for 240 (40
# categories x 6 series), 92 ms for 720 (40 x 18; 300 of them took 28 s and 480 MB). Real papers draw some tens of
# charts of some tens of figures. At the bounds (an English paper), 300 placements of 4 figures took check 3.0 s of
# CPU and 78 MB; 41 of 720 figures, 3.6 s and 109 MB; 300 of 100 figures (20 x 5: both bounds), 6.8 s and 137 MB.
MOST_CHARTS = 300
MOST_FIGURES = 30_000


def significant_digits(figure: int | Decimal) -> int:
    """How many significant digits `figure` has (0 for zero).

    >>> significant_digits(9_999_999_999_999_999_999), significant_digits(Decimal("120.50")), significant_digits(0)
    (19, 4, 0)
    """
    return len(Decimal(figure).normalize().as_tuple().digits) if figure else 0


def _message_text(value, column) -> str:
    return cell_text(value, column, Formats("en"))


@dataclass(frozen=True)
class ChartPlacer:
    """Builds the Chart named in a `::: chart NAME` container, for the language of `tables` (whose spec, data,
    formats, words and problems it shares), and remembers which it placed."""

    tables: TablePlacer
    placed: set = field(default_factory=set)
    drawn: list = field(default_factory=list)     # (Source of a `::: chart`, its figures, the figures till it)
    hints: Hints = field(default_factory=Hints)   # for the first few unknown names (V10: not each)

    def mark(self) -> tuple:
        """Where this placer stands (what `since` is given): the charts placed so far and how many placements."""
        return frozenset(self.placed), len(self.drawn)

    def since(self, mark: tuple) -> tuple:
        """What was placed since `mark`: the names, and each placement's Source and figures, which `replay` counts
        again for blocks kept from an earlier parse (`kept.parsed`)."""
        names, count = mark
        return frozenset(self.placed - names), tuple((source, figures) for source, figures, _ in self.drawn[count:])

    def replay(self, made: tuple) -> None:
        """Count again what an earlier parse placed (`since`): its names placed, its placements among the paper's."""
        names, drawn = made
        self.placed.update(names)
        for source, figures in drawn:
            self.draw(source, figures)

    def draw(self, source, figures: int) -> bool:
        """Count the chart of `figures` (categories x series) placed at `source` (its `::: chart`) among the paper's
        (`MOST_CHARTS`, `MOST_FIGURES`); False, with a problem at `source`, for the placement that passes a bound,
        False without one for those after it."""
        before = self.drawn[-1][2] if self.drawn else 0
        self.drawn.append((source, figures, before + figures))
        charts = len(self.drawn)
        if charts <= MOST_CHARTS and before + figures <= MOST_FIGURES:
            return True
        if charts - 1 <= MOST_CHARTS and before <= MOST_FIGURES:   # the others were within both: this passes one
            what = (f"this `::: chart` would make the paper draw {charts:,} charts, more than the {MOST_CHARTS:,}"
                    if charts > MOST_CHARTS else f"this chart's {figures:,} figures would make the paper's charts "
                    f"draw {before + figures:,}, more than the {MOST_FIGURES:,}")
            self.tables.out.add(source.file, source.line, f"{what} ccdocs draws in a paper (each `::: chart` draws "
                                "its chart again)", "a paper draws some tens of charts of some tens of figures: "
                                "place each chart once, and give the figures of the others in tables")
        return False

    @property
    def charts(self) -> dict:
        """The raw specs under `charts:`."""
        return self.tables.spec.charts

    def __call__(self, name: str, caption: tuple, source, notes: tuple = (), caption_typed=None,
                 notes_typed: tuple = ()) -> Chart | None:
        """The chart `name`, or None when its spec or data is wrong (the problems go to `out`); its caption and
        `notes` (the paragraphs of its `::: chart`) were typed at `caption_typed` and `notes_typed` (Sources)."""
        out, formats, words = self.tables.out, self.tables.formats, self.tables.words
        if name not in self.charts:
            out.add(source.file, source.line, f"no chart `{name}` under `charts:` in document.yaml",
                         self.hints(name, self.charts))
            return None
        self.placed.add(name)
        chart = read_chart_spec(name, self.charts[name], self.tables.spec.yaml, self.tables.data, out)
        if chart is None or not self.draw(source, len(chart.rows) * len(chart.series)):
            return None
        found = len(out.problems)
        values = compute(chart.table, _message_text, out, printed=chart.data_labels)
        self.check_precision(chart, values)
        if chart.kind in ROUND:
            self.check_slices(chart, values)
        elif chart.grouping == "percent":
            self.check_shares(chart, values)
        if len(out.problems) > found:
            return None  # data that contradicts itself is not drawn
        rows = self.order(chart, values)
        label = chart.table.label
        categories = tuple(words(str(chart.table.dataset[r].get(label, "")).strip()) for r in rows)
        typed = self.typed(name)
        series = tuple(ChartSeries(words(c.heading), tuple(plotted(values[r][c.key], c.type) for r in rows),
                                   tuple(cell_text(values[r][c.key], c, formats) for r in rows),
                                   typed("series", c.index, "label"))
                       for c in chart.series)
        first = chart.series[0]
        shown = self.tables.shown(chart.table.dataset.path)
        return Chart(name, chart.kind, caption, categories, series, chart.grouping, first.type, first.places,
                     words(chart.axis_title) if chart.axis_title else "", chart.data_labels, chart.width,
                     chart.height, tuple(notes), source, notes_typed=tuple(notes_typed),
                     categories_typed=tuple(Source(shown, chart.table.dataset.line_of(r)) for r in rows),
                     axis_title_typed=typed("axis_title") if chart.axis_title else None, caption_typed=caption_typed)

    def check_precision(self, chart: ChartSpec, values: dict) -> None:
        """A figure a chart draws holds at most PRECISE significant digits, as a chart's figures are held in Word,
        LibreOffice and the PDF's drawing alike (a double): 9,999,999,999,999,999,999 would be labelled
        10,000,000,000,000,000,000 by the DOCX's chart. Refused at its row; a table shows such a figure exactly."""
        dataset = chart.table.dataset
        for row_id in chart.rows:
            for series in chart.series:
                figure = values[row_id][series.key]
                if isinstance(figure, int | Decimal) and significant_digits(figure) > PRECISE:
                    self.tables.out.add(display_path(dataset.path), dataset.line_of(row_id),
                                        f"row `{row_id}`, column `{series.key}`: the chart `{chart.name}` cannot "
                                        f"draw {figure} exactly: a chart holds a figure's first {PRECISE} digits",
                                        "round the figure (or show it in a table, which prints it exactly)")

    def check_slices(self, chart: ChartSpec, values: dict) -> None:
        """A pie's or doughnut's slices are shares of a whole: a negative figure is refused at its row, and so is a
        chart whose figures are all empty or zero (there is no whole to share)."""
        key, dataset = chart.series[0].key, chart.table.dataset
        shown = display_path(dataset.path)
        figures = {r: values[r][key] for r in chart.rows}
        for row_id, figure in figures.items():
            if isinstance(figure, int | Decimal) and figure < 0:
                self.tables.out.add(shown, dataset.line_of(row_id), f"row `{row_id}`, column `{key}`: a {chart.kind} "
                                    f"chart cannot draw the negative figure {figure}", "draw it as columns or bars")
        if not any(isinstance(f, int | Decimal) and f > 0 for f in figures.values()):
            self.tables.out.add(shown, dataset.line_of(chart.rows[0]) if chart.rows else None,
                                f"column `{key}`: the {chart.kind} chart `{chart.name}` has no figure above zero",
                                "a pie shares a whole: give the rows their figures")

    def check_shares(self, chart: ChartSpec, values: dict) -> None:
        """A 100% stacked chart draws each category's figures as shares of their sum, as a pie its slices: a
        negative figure is refused at its row (its share would run below the axis and the others' above 100%), and
        so is a category whose figures are all empty or zero (it has no whole to share: drawn as nothing)."""
        dataset = chart.table.dataset
        shown = display_path(dataset.path)
        for row_id in chart.rows:
            figures = [values[row_id][s.key] for s in chart.series]
            for series, figure in zip(chart.series, figures):
                if isinstance(figure, int | Decimal) and figure < 0:
                    self.tables.out.add(shown, dataset.line_of(row_id),
                                        f"row `{row_id}`, column `{series.key}`: the 100% stacked chart "
                                        f"`{chart.name}` draws each category's figures as shares of their sum, and "
                                        f"cannot draw the negative figure {figure}",
                                        "draw it with `grouping: stacked` or `clustered`")
            if not any(isinstance(f, int | Decimal) and f > 0 for f in figures):
                self.tables.out.add(shown, dataset.line_of(row_id),
                                    f"row `{row_id}`: the 100% stacked chart `{chart.name}` has no figure above zero "
                                    "in it: there is no whole to share", "leave the row out (`rows:`), or draw the "
                                    "chart with `grouping: stacked`")

    @staticmethod
    def order(chart: ChartSpec, values: dict) -> tuple:
        """The rows drawn, in the data's order or sorted by the first series (empty cells last)."""
        if not chart.sort:
            return chart.rows
        key, known, empty = chart.series[0].key, [], []
        for row in chart.rows:   # one pass: the rows with a figure, and the others in the data's order
            (known if isinstance(values[row][key], int | Decimal) else empty).append(row)
        known.sort(key=lambda r: values[r][key], reverse=chart.sort == "descending")
        return tuple(known + empty)

    def check_all_placed(self) -> None:
        """Once every part is parsed: a problem at each chart under `charts:` that no `::: chart` placed. Nothing
        is said while other problems stand: a file that could not be read may hold the missing `::: chart`."""
        if self.tables.out.problems:
            return
        for name in self.charts:
            if name not in self.placed:
                self.tables.out.extend([self.tables.spec.yaml.problem(
                    ("charts", name, "<key>"), f"chart `{name}` is never placed",
                    f"add `::: chart {name}` where it belongs, or remove it")])

    def typed(self, name: str):
        """A function from keys under the chart `name` in document.yaml to the Source of their line."""
        yaml = self.tables.spec.yaml
        path = display_path(yaml.path)
        return lambda *keys: Source(path, yaml.where("charts", name, *keys)[0])
