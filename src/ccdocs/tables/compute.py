"""A table's figures: sums and derived columns computed from the data, stated figures checked against them."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..errors import Collector, Problem, display_path
from ..l10n.formats import beyond_centimes, places_of, whole_hint
from ..sources.data import MAX_DIGITS
from .spec import ColumnSpec, TableSpec, sum_order

NA = "n/a"  # the value of a ratio whose denominator is zero or missing
LISTED = 12  # the row ids a message names before it counts the rest
LARGEST = Decimal(10) ** MAX_DIGITS  # a computed figure this large cannot be printed exactly


def listed(ids) -> str:
    """Row ids for a message, the first few named and the rest counted.

    >>> listed(["a", "b"]), listed(map(str, range(20)))
    ('a, b', '0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 8 more')
    """
    ids = list(ids)
    named = ", ".join(ids[:LISTED])
    return f"{named} and {len(ids) - LISTED:,} more" if len(ids) > LISTED else named


def total_members(spec: TableSpec) -> tuple:
    """The rows the grand total adds up: those above it that no other sum counts and that are not headings."""
    if spec.total is None:
        return ()
    counted = {m for _, members in spec.sums.values() for m in members}
    rows = []
    for row_id in spec.dataset:
        if row_id == spec.total:
            break
        if row_id not in counted and row_id not in spec.headings:
            rows.append(row_id)
    return tuple(rows)


class _Computer:
    """Works out every figure of one table once, recording contradictions in the data."""

    def __init__(self, spec: TableSpec, show: Callable, out: Collector, shown: str | None = None,
                 printed: bool = True):
        self.spec, self.show, self.out = spec, show, out
        self.sums = dict(spec.sums)
        if spec.total is not None:
            self.sums[spec.total] = ("total", total_members(spec))
        self.values: dict = {}
        self.unknown: set = set()  # (row, column) cells that are not numbers, and the sums that count them
        # printed whole (not a ratio's operand, nor a chart's figure no label prints)
        self.whole = {c.key for c in spec.columns if c.type == "integer"} if printed else set()
        self.francs = {c.key for c in spec.columns if c.type == "chf"} if printed else set()  # centimes at most
        self.shown = display_path(spec.dataset.path) if shown is None else shown  # once: it asks the file system

    def fail(self, row_id: str, message: str, hint: str | None = None) -> None:
        self.out.extend([Problem(self.shown, self.spec.dataset.line_of(row_id), None, message, hint)])

    def stated(self, row_id: str, column: ColumnSpec):
        """The cell of the data as a number, None when empty; a word in a figure column is reported."""
        value = self.spec.dataset[row_id].get(column.key, "")
        if column.type == "text":
            return str(value)  # a number in a text column prints as the data holds it, as a label does
        if value == "":
            return None
        if isinstance(value, str):
            self.unknown.add((row_id, column.key))
            dataset = self.spec.dataset
            written = None if (row_id, column.key) in dataset.misfits else dataset.grouped_problem(
                row_id, column.key, f"`{self.spec.name}` (under `tables:` or `charts:`) cannot print as a figure",
                self.shown)  # a grouped text of a text column, named by its use
            # else at the cell, as a figure formatting it tells it (`values.NumberText`): the two told once
            self.out.extend([written or dataset.not_a_number(row_id, column.key, self.shown)])
            return None
        if column.key in self.whole and isinstance(value, Decimal) and value != value.to_integral_value():
            self.unknown.add((row_id, column.key))
            self.out.extend([self._not_whole(row_id, column, value)])
            return None
        if column.key in self.francs and beyond_centimes(value):
            self.unknown.add((row_id, column.key))
            self.out.extend([self._centimes(row_id, column, value)])
            return None
        return value

    def _not_whole(self, row_id: str, column: ColumnSpec, value: Decimal) -> Problem:
        """The refusal, at its cell, of a figure with a fractional part in an `integer` column (never rounded)."""
        hint = whole_hint(value, "round it in the data, or give the table's column (or the chart) `type: decimal` "
                                 f"and `places: {places_of(value)}`")
        return Problem(self.shown, *self.spec.dataset.place_of(row_id, column.key), f"row `{row_id}`, column "
                       f"`{column.key}`: `{value}` is not a whole number, which `{self.spec.name}` (under `tables:` "
                       "or `charts:`) prints as `integer`", hint)

    def _centimes(self, row_id: str, column: ColumnSpec, value: Decimal) -> Problem:
        """The refusal, at its cell, of an amount written with more decimals than centimes in a `chf` column, which
        rounds francs and centimes to whole francs (`l10n.formats.Centimes`): never rounded away."""
        hint = whole_hint(value, "write the amount in francs with at most two decimals, or check its unit and its "
                                 f"separators; to print the decimals, give the column `type: decimal` and `places: "
                                 f"{places_of(value)}`")
        return Problem(self.shown, *self.spec.dataset.place_of(row_id, column.key), f"row `{row_id}`, column "
                       f"`{column.key}`: `{value}` has {-value.as_tuple().exponent} decimals, more than centimes, which "
                       f"`{self.spec.name}` (under `tables:` or `charts:`) rounds to whole francs as `chf`", hint)

    def value(self, row_id: str, column: ColumnSpec):
        """The figure printed in a row for a summed column: the stated one, or the sum of the row's members."""
        key = (row_id, column.key)
        if key not in self.values:
            summed = row_id in self.sums and column.summed
            value = self.summed(row_id, column) if summed else self.stated(row_id, column)
            self.values[key] = self.bounded(row_id, column, value)
        return self.values[key]

    def bounded(self, row_id: str, column: ColumnSpec, value):
        """The figure, or None with the problem recorded when it has more digits than a figure may."""
        if isinstance(value, int | Decimal) and abs(value) >= LARGEST:
            self.unknown.add((row_id, column.key))
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: the figure computed has more than "
                      f"{MAX_DIGITS} digits", "give the figures in a larger unit (thousands, millions)")
            return None
        return value

    def summed(self, row_id: str, column: ColumnSpec):
        members = self.sums[row_id][1]
        figures = [self.value(m, column) for m in members]
        stated = self.stated(row_id, column)
        if any((m, column.key) in self.unknown for m in members):
            self.unknown.add((row_id, column.key))
            return stated
        if all(f is None for f in figures):
            return stated
        computed = self.bounded(row_id, column, sum((f for f in figures if f is not None), 0))
        if stated is None or computed is None:
            return computed
        if self.show(stated, column) != self.show(computed, column):
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: stated {self.show(stated, column)}, "
                      f"computed {self.show(computed, column)}",
                      f"the sum of {listed(members)}; correct the stated figure or one of these rows")
            return computed  # so that the sums and ratios built on it report nothing more
        return stated

    def derived(self, row_id: str, column: ColumnSpec, row: dict):
        if column.derived[0] == "sum_of":
            return self.row_sum(row_id, column, row)
        how, a, b = column.derived
        left, right = row.get(a), row.get(b)
        if how == "difference":
            result = None if left is None or right is None or NA in (left, right) else left - right
        elif left is None or left == NA:
            result = None
        else:
            result = NA if right in (None, 0, NA) else Decimal(left) / Decimal(right)
            if result != NA and column.type == "percent_value":
                result *= 100
        if result not in (None, NA) and self.bounded(row_id, column, result) is None:
            return None
        stated = self.stated(row_id, column) if column.key in self.spec.dataset.columns else None
        if stated is not None and (result in (None, NA) or self.show(stated, column) != self.show(result, column)):
            sign = "-" if how == "difference" else "/"
            shown = self.show(result, column) if result not in (None, NA) else "nothing"
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: stated {self.show(stated, column)}, "
                      f"computed {shown}", f"{column.key} = {a} {sign} {b} = {left} {sign} {right}")
        return result

    def row_sum(self, row_id: str, column: ColumnSpec, row: dict):
        """The sum of the row's figures in the columns `sum_of` names (None when it has none of them); a stated
        figure that differs is reported at the row's line."""
        operands = column.derived[1:]
        if any((row_id, k) in self.unknown for k in operands) or NA in (row.get(k) for k in operands):
            return None  # a word where a figure should be is reported once, where it stands
        figures = [row.get(k) for k in operands if row.get(k) is not None]
        result = self.bounded(row_id, column, sum(figures, 0)) if figures else None
        stated = self.stated(row_id, column) if column.key in self.spec.dataset.columns else None
        if stated is not None and result is not None and self.show(stated, column) != self.show(result, column):
            shown = " + ".join(self.show(row.get(k), column) if row.get(k) is not None else "nothing"
                               for k in operands)
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: stated {self.show(stated, column)}, "
                      f"computed {self.show(result, column)}", f"{column.key} = {' + '.join(operands)} = {shown}")
        return result

    def row(self, row_id: str) -> dict:
        """Every column's value in one row, by key: data columns (and the operands), then derived ones in order."""
        shown = {c.key for c in self.spec.columns}
        operands = [ColumnSpec(k, k) for c in self.spec.columns if c.derived for k in c.derived[1:]
                    if k not in shown and k in self.spec.dataset.columns]
        row = {c.key: self.value(row_id, c) for c in list(self.spec.columns) + operands if not c.derived}
        for column in self.spec.columns:
            if column.derived:
                row[column.key] = self.derived(row_id, column, row)
        return row


def _check_hundred(spec: TableSpec, rows: dict, show: Callable, out: Collector) -> None:
    counted = [r for r in spec.dataset if spec.kind(r) in ("body", "group")]
    for column in (c for c in spec.columns if c.sums_to_100):
        figures = [rows[r][column.key] for r in counted if rows[r][column.key] not in (None, NA)]
        total = sum(figures, Decimal(0)) * (100 if column.type == "percent" else 1)
        tolerance = Decimal(len(figures)) * Decimal("0.5") * Decimal(1).scaleb(-column.places)
        if abs(total - 100) > tolerance:
            dataset = spec.dataset
            last = counted[-1] if counted else None
            share = total / (100 if column.type == "percent" else 1)
            shown = show(share, column) if abs(share) < LARGEST else f"a figure of more than {MAX_DIGITS} digits"
            out.add(dataset.path, dataset.line_of(spec.total or last) or 1,
                    f"column `{column.key}`: the rows add up to {shown}, not 100%",
                    f"the shares of {listed(counted)} must add up to 100% (within rounding)")


def compute(spec: TableSpec, show: Callable, out: Collector, shown: str | None = None, printed: bool = True) -> dict:
    """Every row's values by row id; `show(value, column)` prints a figure for the messages; `shown`, how the
    messages name the data file (`display_path` of it, asked here when not given). `printed`: whether the figures
    print (a table's, a chart's data labels): an `integer` column's cell with decimals is then refused, never
    rounded; a chart without data labels draws it as it is (review-13 R1: a chart of growth rates was refused)."""
    computer = _Computer(spec, show, out, shown, printed)
    if spec.total is not None and not computer.sums[spec.total][1]:
        computer.fail(spec.total, f"row `{spec.total}` is the total, but no row above it is counted",
                      "put the total row after the rows it adds up")
        return {}
    order, looped = sum_order(computer.sums)
    if looped is not None:
        computer.fail(looped, f"row `{looped}` is part of its own sum (through the total `{spec.total}`)",
                      "a sum cannot count the total")
        return {}
    for row_id in (r for r in order if r not in spec.headings):  # each sum after those it counts: no deep waits
        for column in spec.columns:
            if not column.derived:
                computer.value(row_id, column)
    rows = {row_id: computer.row(row_id) for row_id in spec.dataset if row_id not in spec.headings}
    _check_hundred(spec, rows, show, out)
    return rows
