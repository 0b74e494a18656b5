"""A table's figures: sums and derived columns computed from the data, stated figures checked against them."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..errors import Collector
from .spec import ColumnSpec, TableSpec

NA = "n/a"  # the value of a ratio whose denominator is zero or missing


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

    def __init__(self, spec: TableSpec, show: Callable, out: Collector):
        self.spec, self.show, self.out = spec, show, out
        self.sums = dict(spec.sums)
        if spec.total is not None:
            self.sums[spec.total] = ("total", total_members(spec))
        self.values: dict = {}
        self.unknown: set = set()  # (row, column) cells that are not numbers, and the sums that count them

    def fail(self, row_id: str, message: str, hint: str | None = None) -> None:
        dataset = self.spec.dataset
        self.out.add(dataset.path, dataset.line_of(row_id), message, hint)

    def stated(self, row_id: str, column: ColumnSpec):
        """The cell of the data as a number, None when empty; a word in a figure column is reported."""
        value = self.spec.dataset[row_id].get(column.key, "")
        if value == "" or column.type == "text":
            return value if column.type == "text" else None
        if isinstance(value, str):
            self.unknown.add((row_id, column.key))
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: `{value}` is not a number",
                      "write the figure as digits, without thousands separators or units")
            return None
        return value

    def value(self, row_id: str, column: ColumnSpec):
        """The figure printed in a row for a summed column: the stated one, or the sum of the row's members."""
        key = (row_id, column.key)
        if key not in self.values:
            summed = row_id in self.sums and column.summed
            self.values[key] = self.summed(row_id, column) if summed else self.stated(row_id, column)
        return self.values[key]

    def summed(self, row_id: str, column: ColumnSpec):
        members = self.sums[row_id][1]
        figures = [self.value(m, column) for m in members]
        stated = self.stated(row_id, column)
        if any((m, column.key) in self.unknown for m in members):
            self.unknown.add((row_id, column.key))
            return stated
        if all(f is None for f in figures):
            return stated
        computed = sum((f for f in figures if f is not None), 0)
        if stated is None:
            return computed
        if self.show(stated, column) != self.show(computed, column):
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: stated {self.show(stated, column)}, "
                      f"computed {self.show(computed, column)}",
                      f"the sum of {', '.join(members)}; correct the stated figure or one of these rows")
            return computed  # so that the sums and ratios built on it report nothing more
        return stated

    def derived(self, row_id: str, column: ColumnSpec, row: dict):
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
        stated = self.stated(row_id, column) if column.key in self.spec.dataset.columns else None
        if stated is not None and (result in (None, NA) or self.show(stated, column) != self.show(result, column)):
            sign = "-" if how == "difference" else "/"
            shown = self.show(result, column) if result not in (None, NA) else "nothing"
            self.fail(row_id, f"row `{row_id}`, column `{column.key}`: stated {self.show(stated, column)}, "
                      f"computed {shown}", f"{column.key} = {a} {sign} {b} = {left} {sign} {right}")
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
            shown = show(total / (100 if column.type == "percent" else 1), column)
            out.add(dataset.path, dataset.line_of(spec.total or last) or 1,
                    f"column `{column.key}`: the rows add up to {shown}, not 100%",
                    f"the shares of {', '.join(counted)} must add up to 100% (within rounding)")


def compute(spec: TableSpec, show: Callable, out: Collector) -> dict:
    """Every row's values by row id; `show(value, column)` prints a figure for the messages."""
    computer = _Computer(spec, show, out)
    rows = {row_id: computer.row(row_id) for row_id in spec.dataset if row_id not in spec.headings}
    _check_hundred(spec, rows, show, out)
    return rows
