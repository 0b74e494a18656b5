"""Data files named in document.yaml: CSV tables keyed by `id`, and YAML mappings.

A CSV file is untrusted input. It is decoded as UTF-8 (an undecodable byte is refused at its line), its
line ends (LF, CR LF or CR alone) are made LF, its refused characters are found before any cell is read,
and the csv module reads it in strict mode, so that every malformation (a quote never closed, text after a
closing quote, a cell over the module's field limit) is an error at its line. A cell is a figure when it
is written as plain digits with an optional sign and decimal point, and has at most MAX_DIGITS digits;
anything else (`1e5`, `nan`, `inf`, `1,234`, a number of more digits) stays text, which a table refuses in
a figure column. A cell written as a grouped number (`1,234`) is kept as typed, its place recorded (`Dataset.grouped`):
where a number is expected of it (a table's or a chart's figure column, a figure's filter or arithmetic) it is refused
there, at its own line and column; in a text column, a label, or a figure printing it alone, it is a text. Rows are
reached by id in constant time; reading is linear in the file.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType

from ..errors import Collector, InputError, Problem, composed, display_path, problem, written_another_way
from .bounds import CSV, read_bounded
from .characters import HINT, invisible, refused
from .memo import signature
from .yamlfile import GROUPED, decode, grouped, read_yaml

ROWS = "rows"  # the name a figure reads a CSV table's rows by, in file order (`applicants.rows`): no row's id

NEWLINE = re.compile(r"\n")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")  # the digits read one way: linear in them
MAX_DIGITS = 20  # with 6 decimal places and a percent's two more, a figure still prints exactly (28 digits)
SHOWN = 40  # the characters of a cell a message quotes


LEADING_ZERO = re.compile(r"[+-]?0\d")


def too_long(text: str) -> bool:
    """Whether `text` is a plain number of more than MAX_DIGITS digits (leading zeros not counted)."""
    return NUMBER.fullmatch(text) is not None and sum(c.isdigit() for c in text.lstrip("+-0.")) > MAX_DIGITS


def typed(cell: str):
    """A CSV cell as int or Decimal when it is a plain number of at most MAX_DIGITS digits, else the stripped text.

    A number written with a leading zero (`007`, `00123`) is a code, kept as written.

    >>> typed(" 42 "), typed("-0.5"), typed("1e5"), typed("nan"), typed("1" * 21) == "1" * 21, typed("007")
    (42, Decimal('-0.5'), '1e5', 'nan', True, '007')
    """
    text = cell.strip()
    if not NUMBER.fullmatch(text) or too_long(text) or LEADING_ZERO.match(text):
        return text
    return Decimal(text) if "." in text else int(text)


@dataclass(frozen=True)
class Dataset(Mapping):
    """A CSV file: rows keyed by their `id` (a dict, reached in constant time), in file order, with each row's line.

    `rows` is the tuple of rows (read-only mappings of column -> text, int or Decimal), `by_id` the same rows
    as a read-only dict keyed by id, `lines` the line of each row by id, `grouped` the (line, column) of each cell
    written as a grouped number (`1,735`), by (row id, column name). Rows, lines and grouped given as dicts are
    copied into read-only views. `misfits`: the (row id, column name) of each text in a column of figures (one
    holding a number in some row): `nan`, `1 500`, `−1500`, `1,500`, not a number where one is meant. `version`:
    the file's `memo.signature` when it was read (None: not known), to tell a file changed since.
    """

    path: Path
    columns: tuple[str, ...]
    rows: tuple
    lines: Mapping = field(default_factory=dict)
    grouped: Mapping = field(default_factory=dict)
    version: tuple | None = None
    by_id: Mapping = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        rows = tuple(MappingProxyType(dict(row)) for row in self.rows)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "lines", MappingProxyType(dict(self.lines)))
        object.__setattr__(self, "grouped", MappingProxyType(dict(self.grouped)))
        object.__setattr__(self, "by_id", MappingProxyType({row["id"]: row for row in rows}))

    @cached_property
    def misfits(self) -> frozenset:
        """The (row id, column name) of each text in a column of figures (`Dataset`), found when first asked (by the
        figures' values, `values.data_value`, and the tables): linear in the cells."""
        figures = [column for column in self.columns if any(type(row[column]) in (int, Decimal) for row in self.rows)]
        return frozenset((row["id"], column) for row in self.rows for column in figures
                         if type(row[column]) is not int and type(row[column]) is not Decimal and row[column])

    def __reduce__(self):
        """Pickled as plain dicts (read-only views do not pickle), made read-only again when loaded."""
        return Dataset, (self.path, self.columns, tuple(dict(row) for row in self.rows), dict(self.lines),
                         dict(self.grouped), self.version)

    def grouped_problem(self, row_id: str, column: str, use: str, shown: str) -> Problem | None:
        """The refusal of the cell (`row_id`, `column`) where `use` needs a number (`yamlfile.grouped`'s), at the
        cell's own line and column of the file told as `shown`, when it is written as a grouped number; else None."""
        place = self.grouped.get((row_id, column))
        if place is None:
            return None
        return grouped_cell(shown, place, row_id, column, self.by_id[row_id][column], use)

    def not_a_number(self, row_id: str, column: str, shown: str) -> Problem:
        """The refusal, at its own line and column of the file told as `shown`, of the cell (`row_id`, `column`), a
        text where a number is meant (`not_a_number`)."""
        return not_a_number(shown, self.place_of(row_id, column), row_id, column, self.by_id[row_id][column])

    def place_of(self, row_id: str, column: str) -> tuple[int, int | None]:
        """(line, column) of the cell (`row_id`, `column`) in the file (read again: asked of a cell a message names);
        its row's line alone, as read, when the file has changed since (`version`): the row may stand elsewhere."""
        line = self.lines[row_id]
        if self.version is not None and signature(self.path) != self.version:
            return line, None
        return cell_place(self.path, line, self.columns.index(column))

    def __getitem__(self, key):
        return self.by_id[key]

    def __iter__(self):
        return iter(self.by_id)

    def __len__(self):
        return len(self.by_id)

    def __contains__(self, key):
        return key in self.by_id

    def line_of(self, row_id: str) -> int | None:
        """The line of the row `row_id` in the CSV file."""
        return self.lines.get(row_id)


def grouped_cell(shown: str, place: tuple[int, int], row_id: str, column: str, value: str, use: str) -> Problem:
    """The refusal, at `place` (line, column) of the CSV file `shown`, of the cell `value` of the row `row_id` and
    `column`, written as a grouped number, where `use` needs a number (`yamlfile.grouped`)."""
    message, hint = grouped(value, "CSV", use)
    return Problem(shown, *place, f"row `{row_id}`, column `{column}`: {message}", hint)


SPACES = re.compile(r"(?<=\d)[ '_\u00a0\u2009\u202f\u2019](?=\d{3}(?!\d))")  # a group separator CSV does not know
SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u066b": ".", "\u066c": ","})  # minus, en dash, Arabic marks
EXPONENT = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d{1,3}")


def meant(text: str) -> str | None:
    """The plain number a text that is not one most likely means, written as a figure cell is (digits, a point, a
    leading `-`): a group separator CSV does not read as one dropped (`1 500`, `1'500`, `1,500`), a minus sign or
    an accountant's parentheses made `-`, other digits (full-width, Arabic-Indic) made ASCII, an exponent written
    out, leading zeros dropped; None when it means none (`nan`, `inf`, `0x10`, `n/a`).

    >>> [meant(t) for t in ("1 500", "1'500", "\u22121500", "(1,500)", "\uff11\uff0c\uff15\uff10\uff10", "5e3",
    ...                     "0001500", "nan", "1,50")]
    ['1500', '1500', '-1500', '-1500', '1500', '5000', '1500', None, None]
    """
    plain = unicodedata.normalize("NFKC", text).strip().translate(SIGNS)
    if not any(c.isdigit() for c in plain):
        return None
    plain = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in plain)
    if plain.startswith("(") and plain.endswith(")"):
        plain = "-" + plain[1:-1].strip()
    plain = SPACES.sub("", plain)
    if GROUPED.fullmatch(plain):
        plain = plain.replace(",", "")
    if EXPONENT.fullmatch(plain):
        try:
            plain = f"{Decimal(plain):f}"
        except InvalidOperation:
            return None
    sign, digits = ("-", plain[1:]) if plain.startswith("-") else ("", plain.removeprefix("+"))
    whole, point, fraction = digits.partition(".")
    plain = sign + (whole.lstrip("0") or "0") + point + fraction
    return plain if NUMBER.fullmatch(plain) and not too_long(plain) and plain != text.strip() else None


def not_a_number(shown: str, place: tuple[int, int], row_id: str, column: str, value: str) -> Problem:
    """The refusal, at `place` (line, column) of the CSV file `shown`, of the cell `value` of the row `row_id` and
    `column`, a text where a number is meant (a table's figure column, a figure formatting or computing with it),
    told alike whatever uses it, so that a table and the figures using one cell tell it once, with what to write."""
    cut = value if len(value) <= SHOWN else value[:SHOWN] + "…"
    if too_long(value):
        return Problem(shown, *place, f"row `{row_id}`, column `{column}`: `{value[:12]}…` is a number of more than "
                       f"{MAX_DIGITS} digits", "give the figures in a larger unit (thousands, millions)")
    if GROUPED.fullmatch(value):
        message, hint = grouped(value, "CSV", "its column of figures cannot hold")
        return Problem(shown, *place, f"row `{row_id}`, column `{column}`: {message}", hint)
    figure = meant(value)
    hint = (f"write `{figure}`: a figure is written as digits, a point for its decimals and a `-` for a negative one"
            if figure is not None else "write the figure as digits, without thousands separators, units or "
            "exponents, or leave the cell empty where there is no figure")
    return Problem(shown, *place, f"row `{row_id}`, column `{column}`: `{cut}` is not a number", hint)


@dataclass(frozen=True)
class YamlData:
    """A YAML data file: its value, and where each value stands."""

    path: Path
    value: object
    positions: dict


def _unclosed_quote(text: str, start: int) -> tuple[int, int | None]:
    """Where the quote that is never closed opens, in a record starting on line `start`: (line, column).

    A quoted cell open at the end of the file ends the record; the csv module (not strict) gives that cell
    as everything after its quote, each doubled quote read as one, which tells where the quote stands.
    """
    offset = 0
    for _ in range(start - 1):
        offset = text.index("\n", offset) + 1
    tail = text[offset:]
    last = next(csv.reader(io.StringIO(tail, newline="")), [""])[-1]
    at = len(tail) - len(last) - last.count('"') - 1
    if not 0 <= at < len(tail) or tail[at] != '"':
        return start, None
    return start + tail.count("\n", 0, at), at - (tail.rfind("\n", 0, at) + 1) + 1


def _csv_problem(path: Path, text: str, start: int, exc: csv.Error, holds: str):
    """A csv.Error as a problem at the line of the record it stopped in (`holds`: see `csv_records`)."""
    reason = str(exc)
    if reason.startswith("unexpected end of data"):
        line, col = _unclosed_quote(text, start)
        return problem(path, line, "a quote opened here is never closed",
                       'close the quoted cell with `"`; a quote inside a quoted cell is written twice: `""`', col)
    if reason.startswith("field larger than field limit"):
        return problem(path, start, f"a cell of more than {csv.field_size_limit():,} characters",
                       f"{holds}; if a quote opened in this row is never closed, close it")
    if "expected after" in reason:
        return problem(path, start, "text follows a quoted cell's closing quote",
                       'quote the whole cell, and write a quote inside it twice: `"a ""b"" c"`')
    return problem(path, start, f"this is not a valid CSV row ({reason})", "check the quotes and commas")


def csv_records(path: Path, text: str, holds: str = "a table cell holds a figure or a short text"):
    """(line, cells) of each record of the CSV `text` (its line ends made LF), the line where the record starts.

    InputError at its line for a malformed record: a quote never closed (at the line where it opens), text after a
    closing quote, a cell over the csv module's field limit (told what a cell holds: `holds`)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError([_csv_problem(path, text, start, exc, holds)]) from None
        yield start, cells


def _hidden(path: Path | str, line: int, col: int | None, what: str, name: str) -> Problem | None:
    """The problem of a data id or key `name` (`what`: `row id`...) holding an invisible character
    (`characters.invisible`), at the character when `col` says where `name` begins; None when it holds none. A
    figure naming what a reader sees would not find it ("did you mean `posts`?" naming the same-looking id)."""
    found = invisible(name)
    if found is None:
        return None
    at, char = found
    seen = "".join(c for c in name if not invisible(c))
    where = f"after `{seen[:at]}`" if at else "at its start"
    return problem(path, line, f"the {what} `{seen}` holds an invisible character, {char}, {where}", HINT,
                   None if col is None else col + at)


def _cell_place(text: str, starts: list[int], line: int, cells: list[str], index: int) -> tuple[int, int]:
    """(line, column) of the value of `cells[index]`, a cell of the record starting on `line` of `text` (`starts`:
    each line's offset), found by counting the cells before it as the csv module read them: a cell is written as
    read, or quoted (its quotes doubled) when its text begins with a quote; a comma follows each."""
    at = starts[line - 1]
    for cell in cells[:index]:
        at += (len(cell) + cell.count('"') + 2 if text.startswith('"', at) else len(cell)) + 1
    at += text.startswith('"', at)
    at += len(cells[index]) - len(cells[index].lstrip())
    row = bisect_right(starts, at)
    return row, at - starts[row - 1] + 1


def cell_place(path: Path, line: int, index: int) -> tuple[int, int]:
    """(line, column) of the `index`th cell (from 0) of the row starting on `line` of the CSV file `path`, read as
    `read_csv` reads it: the file read again once (`_lines`, while it is unchanged), then the row's lines alone (a
    table's or a chart's thousand refused cells of a 4 MB file each read the whole file again: review-13 R9)."""
    text, starts = _lines(path, signature(path))
    begin, span = starts[line - 1], 1
    while True:
        end = starts[line - 1 + span] if line - 1 + span < len(starts) else len(text)
        try:
            cells = next(csv.reader(io.StringIO(text[begin:end], newline=""), strict=True))
            break
        except csv.Error:  # a quoted cell going on past these lines: twice as many
            if end == len(text):
                raise
            span *= 2
    return _cell_place(text, starts, line, cells, index)


@lru_cache(maxsize=4)
def _lines(path: Path, version: tuple | None) -> tuple[str, list[int]]:
    """The text of the CSV file `path` as `read_csv` reads it, its line breaks made `\\n`, and the offset of each
    line; kept by the file's `version` (`memo.signature`), which an edit changes."""
    text = decode(path, read_bounded(path, CSV)).replace("\r\n", "\n").replace("\r", "\n")
    return text, [0, *(match.end() for match in NEWLINE.finditer(text))]


def _cell_column(text: str, line: int, cell: str) -> int | None:
    """The column where `cell` is first written on `line` of `text` (as read: quotes may stand around it)."""
    found = text.split("\n", line)[line - 1].find(cell)
    return found + 1 if found >= 0 else None


def _header(path: Path, text: str, records, out: Collector) -> list[str]:
    try:
        line, header = next(records)
    except StopIteration:
        raise InputError([problem(path, 1, "the CSV file is empty", "give a header line with an `id` column")])
    if len(header) == 1 and ";" in header[0]:  # every row one cell: told once, not as missing ids
        raise InputError([problem(path, line, f"the header `{header[0]}` is one cell: this file is separated by "
                                  "`;`, as Excel saves a CSV where a comma writes the decimals (French, German, "
                                  "Swiss locales)", "save it with commas between the cells: Excel writes a CSV with "
                                  "the list separator of the computer's region settings, so set that to `,` first; "
                                  "LibreOffice asks for the field delimiter")])
    header = [h.strip() for h in header]
    out.extend(found for name in header if not name.isascii()
               and (found := _hidden(path, line, _cell_column(text, line, name), "column name", name)))
    if "id" not in header:
        out.add(path, line, "the header has no `id` column", "name the first column `id`; rows are reached by it")
    first: dict = {}
    for index, name in enumerate(header):
        if not name:
            out.add(path, line, f"column {index + 1} has no name")
        elif (earlier := first.setdefault(composed(name), index)) == index:
            continue
        elif header[earlier] == name:
            out.add(path, line, f"column `{name}` appears twice in the header")
        else:  # `café` composed and decomposed
            out.add(path, line, f"the column name {written_another_way(name, header[earlier], line)}",
                    "keep one of the columns, or give one another name", _cell_column(text, line, name))
    return header


def read_csv(path: Path) -> Dataset:
    """Read a CSV file with a header and an `id` column; every problem of its rows is raised together.

    Raises InputError for a file larger than `bounds.CSV`, undecodable bytes, refused characters, malformed CSV
    and wrong rows, each at its line.
    """
    version = signature(path)  # before reading: a change while it is read tells it changed
    text = decode(path, read_bounded(path, CSV)).replace("\r\n", "\n").replace("\r", "\n")  # lines count alike
    shown = display_path(path)  # once: it asks the file system, and a file may have a problem on every line
    bad = [Problem(shown, line, col, f"{what} cannot stand in a data file", HINT) for line, col, what in refused(text)]
    if bad:
        raise InputError(bad)
    out = Collector()

    def fail(line: int, message: str, hint: str | None = None) -> None:
        out.extend([Problem(shown, line, None, message, hint)])
    records = csv_records(path, text)
    header = _header(path, text, records, out)
    rows, lines, grouped_cells, starts, forms = [], {}, {}, [], {}
    tabbed = "\t" in text  # rare: only then are the cells looked at for one
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            fail(line, f"this row has {len(cells)} cells, the header has {len(header)}",
                 "add or remove cells (commas) so the row matches the header")
            continue
        row = {name: cell.strip() if name == "id" else typed(cell) for name, cell in zip(header, cells)}
        row_id = row.get("id", "")
        if "id" in header and not row_id:
            fail(line, "this row has an empty `id`")
            continue
        if not row_id.isascii() and invisible(row_id):
            out.extend([_hidden(path, line, _cell_column(text, line, row_id), "row id", row_id)])
            continue
        if tabbed and (cell := next((v for v in row.values() if isinstance(v, str) and "\t" in v), None)):
            col = _cell_column(text, line, cell)
            out.add(path, line, "this cell holds a tab U+0009: a table text is one line of text (Word would print a "
                    "tab stop, the PDF a space)", "write a space (ccdocs reads comma-separated values)",
                    None if col is None else col + cell.index("\t"))
            continue
        if row_id in lines:
            fail(line, f"duplicate row id `{row_id}`", f"the first is on line {lines[row_id]}")
            continue
        if row_id == ROWS:
            fail(line, f"the row id `{ROWS}` is the name a figure reads the table's rows by, in file order "
                 f"(`{{{{ NAME.{ROWS} }}}}`): no figure could read this row", "give the row another id")
            continue
        if (first := forms.setdefault(composed(row_id), row_id)) != row_id:  # `café` composed and decomposed
            out.extend([Problem(shown, line, _cell_column(text, line, row_id), "the row id "
                                f"{written_another_way(row_id, first, lines[first])}",
                                "keep one of the rows, or give one another id")])
            continue
        for index, name in enumerate(header):
            if name != "id" and isinstance(row[name], str) and GROUPED.fullmatch(row[name]):  # refused where used
                starts = starts or [0, *(match.end() for match in NEWLINE.finditer(text))]
                grouped_cells[(row_id, name)] = _cell_place(text, starts, line, cells, index)
        lines[row_id] = line
        rows.append(row)
    out.raise_if_any()
    return Dataset(path, tuple(header), tuple(rows), lines, grouped_cells, version)


def read_data(path: Path):
    """A Dataset for CSV, a YamlData for YAML."""
    if path.suffix.lower() == ".csv":
        return read_csv(path)
    yf = read_yaml(path)
    keys = [found for keys, (line, col) in yf.positions.items() if keys and keys[-1] == "<key>"
            and isinstance(keys[-2], str) and (found := _hidden(path, line, col, "key", keys[-2]))]
    if keys:
        raise InputError(keys)
    return YamlData(path, yf.data, yf.positions)


def read_all(files: dict[str, Path]) -> dict:
    """Every data file by name; problems from all files are raised together."""
    out, result = Collector(), {}
    for name, path in files.items():
        try:
            result[name] = read_data(path)
        except InputError as exc:
            out.extend(exc.problems)
    out.raise_if_any()
    return result
