"""The Table of a `::: table NAME` container: spec read, figures computed and checked, cells printed per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..errors import Collector, Hints, display_path
from ..l10n.catalog import Catalog
from ..l10n.formats import Formats
from ..model import Column, Row, Source, Table, Text
from ..model.nodes import Span
from ..sources.spec import DocumentSpec
from .compute import NA, compute
from .spec import ColumnSpec, TableSpec, read_table_spec
from .texts import EMPTY_LABELS, Words

# the rows a paper's data tables print in all, per language (each `::: table` prints its table's rows again; a
# CSV file's bound, 4 MB, bounds one placement, not the paper): each row is a line of cells set, measured and
# broken in the PDF and written in the DOCX, some 0.4 ms of `check`'s CPU and 10 KB (breaks-7 #3: one table of
# 100,000 rows placed four times took check 147 s and 3.2 GB). The fixtures print at most 42 rows, the longest
# papers' annexes some hundreds; 20,000 rows are some 500 pages of tables. At the bound (one table of 19,964 rows
# and the budget-table fixture's), check took 9.3 s of CPU and 304 MB, an English build 10.1 s and 307 MB.
MOST_ROWS = 20_000


def cell_text(value, column: ColumnSpec, formats: Formats, words=str) -> str:
    """One printed cell: a text translated by `words`, a figure formatted, '' for nothing, NA (`n/a`) translated
    by `words` (the toolkit catalog's `n/a`: 不适用)."""
    if column.type == "text":
        return words(value) if value else ""
    if value is None:
        return ""
    if value == NA:
        return words(NA)
    return formats.figure(value, column.type, column.places, parentheses=column.parentheses,
                          dash_zero=column.dash_zero)


def row_order(spec: TableSpec) -> list:
    """The row ids in print order: the data's order, each group's members moved right under it."""
    members = {m for kind, ms in spec.sums.values() if kind == "group" for m in ms}
    order = []
    for row_id in spec.dataset:
        if row_id in members:
            continue
        order.append(row_id)
        if spec.sums.get(row_id, ("",))[0] == "group":
            order.extend(spec.sums[row_id][1])
    return order


@dataclass(frozen=True)
class TablePlacer:
    """Builds the Table named in a `::: table NAME` container, for one language, and remembers which it placed."""

    spec: DocumentSpec
    data: dict
    formats: Formats
    catalog: Catalog
    out: Collector
    placed: set = field(default_factory=set)
    printed: list = field(default_factory=list)       # (Source of a `::: table`, its rows, the rows till it)
    shown_paths: dict = field(default_factory=dict)   # path -> how problems name it (`shown`)
    hints: Hints = field(default_factory=Hints)        # for the first few unknown names (V10: not each)

    @cached_property
    def english(self) -> Formats:
        """The formats the messages show figures in (English, as printed), made once for every table placed."""
        return Formats("en")

    def shown(self, path) -> str:
        """`display_path(path)`, asked of the file system once per file for all the tables placed."""
        if path not in self.shown_paths:
            self.shown_paths[path] = display_path(path)
        return self.shown_paths[path]

    def message_text(self, value, column: ColumnSpec) -> str:
        """A figure as the error messages show it: in English, as printed."""
        return cell_text(value, column, self.english)

    @cached_property
    def words(self) -> Words:
        """The table words of this language: the document's "data" messages, then the toolkit's."""
        return Words.load(self.spec.folder, self.formats.lang, self.spec.source, self.catalog)

    def __call__(self, name: str, caption: tuple, source, notes: tuple = (), caption_typed=None,
                 notes_typed: tuple = ()) -> Table | None:
        """The table `name`, or None when its spec or data is wrong (the problems go to `out`); its caption and
        `notes` (the paragraphs of its `::: table`) were typed at `caption_typed` and `notes_typed` (Sources)."""
        tables = self.spec.tables
        if name not in tables:
            self.out.add(source.file, source.line, f"no table `{name}` under `tables:` in document.yaml",
                         self.hints(name, tables))
            return None
        self.placed.add(name)
        table = read_table_spec(name, tables[name], self.spec.yaml, self.data, self.out)
        if table is None:
            return None
        if not self.print_rows(source, len(table.dataset)):
            return None
        found = len(self.out.problems)
        values = compute(table, self.message_text, self.out, self.shown(table.dataset.path))
        if len(self.out.problems) > found:
            return None  # data that contradicts itself is not printed
        words = self.words
        typed = self.typed(name)
        columns = (Column(words(table.label_heading) if table.label_heading else "", "left", table.label_width,
                          typed("label_heading")),)
        columns += tuple(Column(words(c.heading), c.align, c.width, typed("columns", i, "heading"))
                         for i, c in enumerate(table.columns))
        shown = self.shown(table.dataset.path)
        rows = tuple(self._row(table, row_id, values.get(row_id), shown) for row_id in row_order(table))
        spec_notes = tuple((Text(words(n)),) for n in table.notes)
        source_line = (Text(words.format("Source: {source}", source=words(table.source))),) if table.source else ()
        spans = tuple(Span(words(heading), first + 1, last + 1, typed("spanning_headings", i, "heading"))
                      for i, (heading, first, last) in enumerate(table.spans))  # column 0 is the label column
        return Table(name, caption, columns, rows, spec_notes + tuple(notes), source_line,
                     words(table.unit) if table.unit else "", source, spans, table.width, landscape=table.landscape,
                     width_source=typed("width") if "width" in tables[name] else None,
                     notes_typed=tuple(typed("notes", i) for i in range(len(table.notes))) + tuple(notes_typed)
                     + ((typed("source"),) if table.source else ()), caption_typed=caption_typed,
                     unit_typed=typed("unit") if table.unit else None)

    def print_rows(self, source, rows: int) -> bool:
        """Count the `rows` of a table placed at `source` (its `::: table`) among the paper's (`MOST_ROWS`); False,
        with a problem at `source`, for the placement that passes the bound, False without one for those after it."""
        before = self.printed[-1][2] if self.printed else 0
        self.printed.append((source, rows, before + rows))
        if before + rows <= MOST_ROWS:
            return True
        if before <= MOST_ROWS:
            self.out.add(source.file, source.line, f"this table's {rows:,} rows would make the paper's tables print "
                         f"{before + rows:,} rows, more than the {MOST_ROWS:,} ccdocs prints in all (some 500 pages)",
                         "a paper's tables print some hundreds of rows: keep only the rows the paper shows, and place "
                         "each table once (each `::: table` prints all its rows again)")
        return False

    def mark(self) -> tuple:
        """Where this placer stands (what `since` is given): the tables placed so far and how many placements."""
        return frozenset(self.placed), len(self.printed)

    def since(self, mark: tuple) -> tuple:
        """What was placed since `mark`: the names, and each placement's Source and rows, which `replay` counts
        again for blocks kept from an earlier parse (`kept.parsed`)."""
        names, count = mark
        return frozenset(self.placed - names), tuple((source, rows) for source, rows, _ in self.printed[count:])

    def replay(self, made: tuple) -> None:
        """Count again what an earlier parse placed (`since`): its names placed, its rows among the paper's."""
        names, rows = made
        self.placed.update(names)
        for source, count in rows:
            self.print_rows(source, count)

    def check_all_placed(self) -> None:
        """Once every part is parsed: a problem at the line of each table under `tables:` that no `::: table`
        placed (it would silently not be printed). Nothing is said while other problems stand: a file that could
        not be read may hold the missing `::: table`."""
        if self.out.problems:
            return
        for name in self.spec.tables:
            if name not in self.placed:
                self.out.extend([self.spec.yaml.problem(("tables", name, "<key>"), f"table `{name}` is never placed",
                                                        f"add `::: table {name}` where it belongs, or remove it")])

    def typed(self, name: str):
        """A function from keys under the table `name` in document.yaml to the Source of their line."""
        path = self.shown(self.spec.yaml.path)
        return lambda *keys: Source(path, self.spec.yaml.where("tables", name, *keys)[0])

    def _label(self, table: TableSpec, row_id: str, kind: str) -> str:
        row = table.dataset[row_id]
        text = str(row.get(table.label, "")).strip()
        label = self.words(text) if text else self.words(EMPTY_LABELS[kind]) if kind in EMPTY_LABELS else ""
        abbreviation = str(row.get(table.abbreviation, "")).strip() if table.abbreviation else ""
        if abbreviation:
            return self.words.format("{name} ({abbreviation})", name=label, abbreviation=abbreviation)
        return label

    def _row(self, table: TableSpec, row_id: str, values: dict | None, shown: str) -> Row:
        kind = table.kind(row_id)
        cells = [self._label(table, row_id, kind)]
        for column in table.columns:
            cells.append(cell_text(values[column.key], column, self.formats, self.words) if values else "")
        line = table.dataset.line_of(row_id)
        return Row(tuple(cells), kind, Source(shown, line) if line else None)
