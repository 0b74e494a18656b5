"""A chart's value axis: a figure as the axis counts it, the axis' scale (its ends and step, the same in the PDF and
the DOCX) and a value of the axis as the language prints it. Read by the model (`place`), by the PDF writer, which
imports nothing else of the model's charts and tables (their placing imports Jinja2 and babel's catalog reader),
and by the DOCX's chart part (oxml.charts)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from ..l10n.formats import Formats

THOUSAND = Decimal(1000)
PRECISE = 15  # significant digits a double holds exactly, as Word's, LibreOffice's and reportlab's charts keep figures


def plotted(value, number: str) -> float | None:
    """A figure as the value axis counts it: francs in thousands for `chf_thousands`, a `percent` as its fraction,
    anything else as it is; None for an empty cell."""
    if not isinstance(value, int | Decimal):
        return None
    return float(Decimal(value) / THOUSAND) if number == "chf_thousands" else float(value)


def axis_text(value: float, number: str, places: int, formats: Formats) -> str:
    """A value of the axis (`plotted`'s unit) as the language prints it: `1,000`, `40%`, `58,488`."""
    amount = Decimal(repr(value)) * (THOUSAND if number == "chf_thousands" else 1)
    return formats.figure(amount, number, places)


STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))  # a step is one of these × a power of ten
MOST_STEPS = 6          # the most steps (gridline to gridline) an axis is divided into: 3 to 6, 4 to 7 gridlines
EMPTY_STEPS = 5         # the steps of the axis of a chart whose figures are all zero or empty: 0 to 5 units


@dataclass(frozen=True)
class Scale:
    """A value axis from `low` to `high` (`plotted`'s unit) with a gridline and a tick label every `step`, from
    `low`: reportlab's valueMin, valueMax and valueSteps (the ticks) in the PDF, `c:min`, `c:max` and `c:majorUnit` in
    the DOCX."""

    low: Decimal
    high: Decimal
    step: Decimal

    def ticks(self) -> list[float]:
        """The values of the gridlines, from `low` to `high`."""
        return [float(self.low + self.step * n) for n in range(int((self.high - self.low) / self.step) + 1)]


def unit(number: str, places: int) -> Decimal:
    """The smallest step an axis of `number` figures prints apart (its tick labels have the places a bar's label of
    that type has, none but for `decimal`): a hundredth for a `percent` (a fraction printed `40%`), 10^-places for a
    `decimal`, else one (a franc, a thousand francs for `chf_thousands`, one unit)."""
    if number == "percent":
        return Decimal("0.01")
    return Decimal(1).scaleb(-places) if number == "decimal" else Decimal(1)


def extent(chart) -> tuple[Decimal, Decimal]:
    """The lowest and highest value `chart` (a model Chart with a value axis) draws, zero included (its columns and
    bars stand on zero; its lines are measured from it too): a stacked chart's stacks, summed above and below zero
    apart, else each figure; an empty cell draws nothing."""
    series = [[Decimal(repr(v)) for v in s.values if v is not None] for s in chart.series]
    if chart.grouping == "clustered" or chart.kind == "line":
        drawn = [v for values in series for v in values]
        return min(drawn + [Decimal(0)]), max(drawn + [Decimal(0)])
    columns = list(zip(*([Decimal(repr(v or 0.0)) for v in s.values] for s in chart.series)))
    return (min([sum(v for v in c if v < 0) for c in columns] + [Decimal(0)]),
            max([sum(v for v in c if v > 0) for c in columns] + [Decimal(0)]))


def value_scale(chart) -> Scale:
    """The scale of `chart`'s value axis, as an editor draws one: from zero (or a round value below the lowest
    negative figure) to a round value at or above the highest figure, in equal steps of 1, 2, 2.5 or 5 × a power of
    ten, the least of these steps that needs no more than MOST_STEPS (3 to 6 steps: fewer only where the figures
    are smaller than 3 of their unit), never finer than the figures print (`unit`: no `0.5` on an axis of whole
    numbers); a step more below a negative figure within half a step of the low end whose label is printed beyond
    its bar (7 steps at most then); 0 to 100% by 20% for a 100% stacked chart; 0 to EMPTY_STEPS units for a chart
    of zeros."""
    if chart.grouping == "percent":
        return Scale(Decimal(0), Decimal(1), Decimal("0.2"))
    least = unit(chart.number, chart.places)
    low, high = extent(chart)
    if low == high:   # all zero (or empty)
        return Scale(Decimal(0), least * EMPTY_STEPS, least)
    step = nice_step(low, high, least)
    bottom = _floor(low / step) * step
    if low < 0 and low - bottom < step / 2 and labelled_beyond(chart):
        bottom -= step   # room for the label below (left of) the lowest bar, above the categories' names
    return Scale(bottom, _ceiling(high / step) * step, step)


def labelled_beyond(chart) -> bool:
    """Whether `chart` prints its figures beyond its bars' ends (clustered columns and bars with data labels), a
    negative bar's below (left of) its end, where the category names stand at the axis' low end."""
    return chart.data_labels and chart.grouping == "clustered" and chart.kind in ("column", "bar")


def nice_step(low: Decimal, high: Decimal, least: Decimal) -> Decimal:
    """The least step of STEPS × 10^n, a whole multiple of `least`, dividing the axis from `low` to `high` (`low`
    below `high`), each end rounded out to a multiple of it, into at most MOST_STEPS steps."""
    power = Decimal(1).scaleb(math.floor(((high - low) / MOST_STEPS).log10()))   # 10^n at or below the step
    while True:
        for mantissa in STEPS:
            step = mantissa * power
            if step >= least and step % least == 0 and \
                    _ceiling(high / step) - _floor(low / step) <= MOST_STEPS:
                return step.normalize()
        power *= 10


def _floor(value: Decimal) -> Decimal:
    return value.to_integral_value(rounding="ROUND_FLOOR")


def _ceiling(value: Decimal) -> Decimal:
    return value.to_integral_value(rounding="ROUND_CEILING")
