"""What figures see of the data: plain immutable values, made once from the loaded files.

A template never receives a loader's object (a CSV dataset carries its path, a YAML value is a mutable
dict): each data file, `variables:` and `doc` become read-only mappings (`MappingProxyType`), tuples and
scalars (text, numbers including Decimal, booleans, dates, None). A CSV file becomes a `Table`: its rows by
`id` (`applicants.africa`, `applicants['africa']`) and in file order (`applicants.rows`). None of these values
has a method that reaches a file, a module or a mutation, and the figure sandbox calls no method anyway.

The conversion is linear in the data: a value shared through YAML aliases is converted once, and one that
contains itself (a recursive alias) is refused.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from ..errors import InputError, Problem, display_path, problem
from .data import ROWS, Dataset, YamlData, cell_place, not_a_number

SCALARS = (str, int, float, Decimal, date, bytes, type(None))  # bool is an int
EXACT_SCALARS = frozenset({str, int, float, bool, Decimal, date, datetime, bytes, type(None)})


class Table(Mapping):
    """A CSV file as figures see it: rows (read-only mappings) by `id`, and `rows` in the file's order."""

    __slots__ = ("_by_id", ROWS)

    def __init__(self, rows: tuple):
        self.rows = rows
        self._by_id = MappingProxyType({row["id"]: row for row in rows})

    def __getitem__(self, key):
        return self._by_id[key]

    def __iter__(self) -> Iterator:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"<table of {len(self)} rows>"


class GroupedText(str):
    """A CSV cell written as a grouped number (`1,735`): a text where a figure prints it alone, refused where a
    figure formats or computes with it (`sandbox`), told at the cell: `place` (path, line, column), the row `row_id`
    and `column` naming it (`Dataset.grouped`)."""

    def __new__(cls, text: str, place: tuple, row_id: str, column: str):
        made = super().__new__(cls, text)
        made.place, made.row_id, made.column = place, row_id, column
        return made

    def __reduce__(self):
        return GroupedText, (str(self), self.place, self.row_id, self.column)


class NumberText(str):
    """A CSV cell of a column of figures that is not a number (`nan`, `1 500`, `−1500`: `Dataset.misfits`): a text
    where a figure prints it alone (translated as a text of the data is), refused where a figure formats or computes
    with it (`sandbox`), told at the cell as the table printing it tells it (`problem`), once whatever uses it. `cell`:
    (path, row line, index of the cell in its row, row id, column, the text as typed)."""

    def __new__(cls, text: str, cell: tuple):
        made = super().__new__(cls, text)
        made.cell = cell
        return made

    def __reduce__(self):
        return type(self), (str(self), self.cell)

    def problem(self) -> Problem:
        """The refusal of the cell, at its own line and column (the file read again: asked of a cell told)."""
        path, line, index, row_id, column, typed = self.cell
        return not_a_number(display_path(path), cell_place(path, line, index), row_id, column, typed)


def _is_scalar(value) -> bool:
    return type(value) in EXACT_SCALARS or isinstance(value, SCALARS)


def _children(value) -> tuple:
    """The values inside a container that are containers themselves; TypeError for what data cannot hold."""
    if type(value) is dict or isinstance(value, Mapping):
        values = value.values()
    elif isinstance(value, (list, tuple, set, frozenset)):
        values = value
    else:
        raise TypeError(f"not a data value: {type(value).__name__}")
    return tuple(child for child in values if not _is_scalar(child))


def frozen(value, path: str | Path = "the data"):
    """`value` (YAML-loaded: dicts, lists, sets, scalars) as read-only mappings, tuples, frozensets and scalars.

    Raises InputError (at `path`) when a value contains itself.

    >>> v = frozen({"a": [1, {"b": 2}]})
    >>> v["a"][1]["b"], type(v).__name__, type(v["a"]).__name__
    (2, 'mappingproxy', 'tuple')
    """
    if _is_scalar(value):
        return value
    done: dict[int, object] = {}
    pending: set[int] = set()
    stack = [(value, False)]
    while stack:
        item, expanded = stack.pop()
        key = id(item)
        if expanded:
            pending.discard(key)
            done[key] = _rebuilt(item, done)
            continue
        if key in done:
            continue
        if key in pending:
            raise InputError([problem(path, None, "a value contains itself (a recursive YAML alias)",
                                      "give the value itself instead of `*alias` inside its own `&alias`")])
        pending.add(key)
        stack.append((item, True))
        stack.extend((child, False) for child in _children(item))
    return done[id(value)]


def _rebuilt(item, done: dict):
    """The immutable copy of one container whose containers are all converted already."""
    get = done.get
    if type(item) is dict or isinstance(item, Mapping):
        return MappingProxyType({name: get(id(child), child) for name, child in item.items()})
    if isinstance(item, (set, frozenset)):
        return frozenset(get(id(child), child) for child in item)
    return tuple(get(id(child), child) for child in item)


def table(rows) -> Table:
    """A CSV file's rows (mappings of scalars with an `id`), in order, as a Table of read-only rows."""
    return Table(tuple(row if isinstance(row, MappingProxyType) else MappingProxyType(dict(row)) for row in rows))


def data_value(item):
    """What figures see of a loaded data file (a Dataset or a YamlData): a Table, or the frozen YAML value."""
    if isinstance(item, Dataset):
        rows = item.rows
        if item.grouped or item.misfits:  # rare: only then are rows made anew, each such cell a GroupedText or a
            # NumberText
            rows = tuple(MappingProxyType({column: _cell(item, row["id"], index, column, value)
                                           for index, (column, value) in enumerate(row.items())}) for row in rows)
        return table(rows)
    return frozen(item.value, item.path)


def _cell(item: Dataset, row_id: str, index: int, column: str, value):
    """The value figures see of the cell (`row_id`, `column`), the `index`th of its row, of the CSV file `item`."""
    key = (row_id, column)
    if key in item.misfits:
        return NumberText(value, (item.path, item.line_of(row_id), index, row_id, column, value))
    if key in item.grouped:
        return GroupedText(value, (item.path, *item.grouped[key]), *key)
    return value


class Origins:
    """Where a text a figure was given stands in the YAML files of a document's `sources` (its YAML data files and
    `variables:` in document.yaml): `origins(value)` is (path, line, column) of the very text given, or None (a
    text of a CSV file or of the figure, or a copy: told at the figure; an equal text elsewhere in the YAML is no
    place of it, review-13 R8). Asked when a filter refuses a text (`templating.render`); the index
    is made at the first question, once for the render of every file of a language."""

    def __init__(self, sources):
        self.sources = sources
        self.index: dict | None = None
        self.numbers: dict | None = None

    def __call__(self, value: str) -> tuple[Path, int, int] | None:
        if len(value) < 2:  # Python shares the empty text and each single character: the same object, any place
            return None
        if self.index is None:
            self.index = self._indexed()
        found = self.index.get(id(value))
        return found[1] if found is not None and found[0] is value else None

    def number_place(self, value) -> tuple[Path, int, int, str] | None:
        """Where the number `value` (the very object a figure was given: a float or Decimal; a whole number is never
        asked) is written in the data: (path, line, column, what names it: "row `a`, column `v`: " in a CSV file, ""
        in YAML), or None when it is computed or typed in the figure. The index (every such number of the YAML
        data files, of `variables:` and of the CSV files, by identity) is made at the first question."""
        if self.numbers is None:
            self.numbers = self._numbers()
        found = self.numbers.get(id(value))
        if found is None or found[0] is not value:
            return None
        path, line, place, naming = found[1]
        if naming:  # a CSV cell, known by its index in its row: its column found now, for the one asked
            line, place = cell_place(path, line, place)
        return path, line, place, naming

    def _numbers(self) -> dict:
        found = {}
        for item in self.sources.data.values():
            if isinstance(item, Dataset):
                for row in item.rows:
                    for index, (column, cell) in enumerate(row.items()):
                        if isinstance(cell, Decimal):
                            naming = f"row `{row['id']}`, column `{column}`: "
                            found[id(cell)] = (cell, (item.path, item.line_of(row["id"]), index, naming))
        for node, place in _yaml_scalars(self.sources):
            if isinstance(node, float | Decimal):
                found[id(node)] = (node, (*place, ""))
        return found

    def _indexed(self) -> dict:
        return {id(node): (node, place) for node, place in _yaml_scalars(self.sources) if isinstance(node, str)}


def _yaml_scalars(sources):
    """(value, (path, line, column)) of each scalar of the YAML data files of `sources` and of `variables:` in its
    document.yaml whose place is recorded."""
    spec = sources.spec
    trees = [(item.path, item.value, item.positions, ()) for item in sources.data.values()
             if isinstance(item, YamlData)]
    trees.append((spec.yaml.path, spec.yaml.data.get("variables") if isinstance(spec.yaml.data, dict) else None,
                  spec.yaml.positions, ("variables",)))
    for path, tree, positions, prefix in trees:
        stack = [(prefix, tree)]
        while stack:
            keys, node = stack.pop()
            if isinstance(node, dict):
                stack.extend((keys + (key,), child) for key, child in node.items())
            elif isinstance(node, list):
                stack.extend((keys + (index,), child) for index, child in enumerate(node))
            elif keys in positions:
                yield node, (path, *positions[keys])
