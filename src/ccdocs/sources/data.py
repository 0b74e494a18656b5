"""Data files named in document.yaml: CSV tables keyed by `id`, and YAML mappings."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import Collector, InputError, problem
from .yamlfile import read_yaml

INTEGER = re.compile(r"^[+-]?\d+$")
DECIMAL = re.compile(r"^[+-]?(\d+\.\d*|\.\d+)$")


def typed(cell: str):
    """A CSV cell as int or Decimal when it is written as a plain number, else the stripped text."""
    text = cell.strip()
    if INTEGER.match(text):
        return int(text)
    if DECIMAL.match(text):
        return Decimal(text)
    return text


@dataclass(frozen=True)
class Dataset(Mapping):
    """A CSV file: rows keyed by their `id`, in file order, with each row's line."""

    path: Path
    columns: tuple[str, ...]
    rows: tuple[dict, ...]
    lines: dict = field(default_factory=dict)

    def __getitem__(self, key):
        for row in self.rows:
            if row["id"] == key:
                return row
        raise KeyError(key)

    def __iter__(self):
        return (row["id"] for row in self.rows)

    def __len__(self):
        return len(self.rows)

    def line_of(self, row_id: str) -> int | None:
        """The line of the row `row_id` in the CSV file."""
        return self.lines.get(row_id)


@dataclass(frozen=True)
class YamlData:
    """A YAML data file: its value, and where each value stands."""

    path: Path
    value: object
    positions: dict


def read_csv(path: Path) -> Dataset:
    """Read a CSV file with a header and an `id` column; every problem is raised together."""
    out = Collector()
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([problem(path, 1, "the CSV file is empty", "give a header line with an `id` column")])
    header = [h.strip() for h in header]
    if "id" not in header:
        out.add(path, 1, "the header has no `id` column", "name the first column `id`; rows are reached by it")
    for index, name in enumerate(header):
        if not name:
            out.add(path, 1, f"column {index + 1} has no name")
        elif header.index(name) != index:
            out.add(path, 1, f"column `{name}` appears twice in the header")
    rows, lines = [], {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            out.add(path, line, f"this row has {len(cells)} cells, the header has {len(header)}",
                    "add or remove cells (commas) so the row matches the header")
            continue
        row = {name: typed(cell) for name, cell in zip(header, cells)}
        row_id = str(row.get("id", ""))
        if "id" in header and not row_id:
            out.add(path, line, "this row has an empty `id`")
            continue
        if row_id in lines:
            out.add(path, line, f"duplicate row id `{row_id}`", f"the first is on line {lines[row_id]}")
            continue
        row["id"] = row_id
        lines[row_id] = line
        rows.append(row)
    out.raise_if_any()
    return Dataset(path, tuple(header), tuple(rows), lines)


def read_data(path: Path):
    """A Dataset for CSV, a YamlData for YAML."""
    if path.suffix.lower() == ".csv":
        return read_csv(path)
    yf = read_yaml(path)
    return YamlData(path, yf.data, yf.positions)


def read_all(files: dict[str, Path]) -> dict:
    """Every data file by name; problems from all files are raised together."""
    out, result = Collector(), {}
    for name, path in files.items():
        try:
            result[name] = read_data(path)
        except InputError as exc:
            out.extend(exc.problems)
        except UnicodeDecodeError as exc:
            out.add(path, None, f"the file is not UTF-8 text ({exc.reason})", "save it as UTF-8")
    out.raise_if_any()
    return result


def jinja_value(item):
    """What a template sees for a data file: the Dataset itself, or the YAML value."""
    return item.value if isinstance(item, YamlData) else item
