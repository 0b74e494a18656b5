"""A table spec under `tables:` in document.yaml, checked and read into a TableSpec."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import Collector, Hints, did_you_mean
from ..sources.data import Dataset

FIGURE_TYPES = ("integer", "decimal", "percent", "percent_value", "chf", "chf_thousands")
COLUMN_TYPES = FIGURE_TYPES + ("text",)
SUMMED_TYPES = ("integer", "decimal", "chf", "chf_thousands")
SPEC_KEYS = ("data", "label", "abbreviation", "label_heading", "label_width", "columns", "headings", "groups",
             "subtotals", "totals", "total", "unit", "notes", "source", "spanning_headings", "width", "landscape")
COLUMN_KEYS = ("key", "heading", "type", "places", "align", "width", "zero", "negative", "difference", "ratio",
               "sum_of", "sum", "sums_to")
SUM_KINDS = (("groups", "group"), ("subtotals", "subtotal"), ("totals", "total"))
DERIVATIONS = ("difference", "ratio", "sum_of")
ALIGNS = ("left", "right", "center")


@dataclass(frozen=True)
class ColumnSpec:
    """One figure or text column: where it comes from, how it prints, what is checked."""

    key: str
    heading: str
    type: str = "integer"
    places: int = 1
    align: str = "right"
    width: float = 1.0
    dash_zero: bool = False
    parentheses: bool = False
    derived: tuple = ()
    summed: bool = True
    sums_to_100: bool = False
    index: int = 0


@dataclass(frozen=True)
class TableSpec:
    """A checked table spec: its dataset, label column, columns and row structure."""

    name: str
    dataset: Dataset
    label: str
    columns: tuple
    sums: dict
    headings: frozenset
    total: str | None
    label_heading: str = ""
    label_width: float = 2.5
    abbreviation: str | None = None
    unit: str = ""
    notes: tuple = ()
    source: str = ""
    spans: tuple = ()  # (heading, first, last): a spanning heading over columns[first..last]
    width: float = 1.0  # the share of the text width
    landscape: bool = False  # printed on landscape pages
    members: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "members", frozenset(m for _, ms in self.sums.values() for m in ms))

    def kind(self, row_id: str) -> str:
        """The row's kind: heading, group, member, subtotal, total or body."""
        if row_id in self.headings:
            return "heading"
        if row_id == self.total:
            return "total"
        if row_id in self.sums:
            return self.sums[row_id][0]
        if row_id in self.members:
            return "member"
        return "body"


class _Reader:
    """Reads one raw table spec, recording each problem at its place in document.yaml."""

    def __init__(self, name: str, raw: dict, yf, out: Collector):
        self.name, self.raw, self.yf, self.out = name, raw, yf, out
        self.hints = Hints()  # "did you mean" of a name the data does not hold: the first few (each reads it all)
        listed = raw.get("columns") if isinstance(raw.get("columns"), list) else []
        self.declared = {c["key"]: c.get("type", "integer") for c in listed  # every column's type, by key
                         if isinstance(c, dict) and isinstance(c.get("key"), str)}

    def fail(self, keys: tuple, message: str, hint: str | None = None) -> None:
        self.out.extend([self.yf.problem(("tables", self.name) + keys, f"table `{self.name}`: {message}", hint)])

    def text(self, key: str) -> str:
        value = self.raw.get(key, "")
        if not isinstance(value, str):
            self.fail((key,), f"`{key}` is a text, got {value!r}")
            return ""
        self.untabbed((key,), value)
        return value

    def texts(self, key: str) -> tuple:
        value = self.raw.get(key) or []
        listed = isinstance(value, list)
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail((key,), f"`{key}` is a list of texts")
            return ()
        for index, text in enumerate(value):
            self.untabbed((key, index) if listed else (key,), text)
        return tuple(value)

    def untabbed(self, keys: tuple, text: str) -> None:
        """Record a tab in a table text at its place, as `sources.data` does in a CSV text cell: Word would
        print a tab stop, the PDF a space (line breaks are read as before)."""
        if "\t" in text:
            self.fail(keys, f"`{keys[0]}` holds a tab U+0009: a table text is one line of text (Word would "
                      "print a tab stop, the PDF a space)", "write a space")

    def column(self, index: int, raw, known: dict, dataset: Dataset) -> ColumnSpec | None:
        where = ("columns", index)
        if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
            self.fail(where, "each column is a mapping with a `key`", "{key: applied, heading: Applications}")
            return None
        for key in raw:
            if key not in COLUMN_KEYS:
                self.fail(where + (key, "<key>"), f"unknown column key `{key}`", did_you_mean(str(key), COLUMN_KEYS))
        if not isinstance(raw.get("heading", ""), str):
            self.fail(where + ("heading",), f"`heading` is a text, got {raw['heading']!r}")
            return None
        kind = raw.get("type", "integer")
        if kind not in COLUMN_TYPES:
            self.fail(where + ("type",), f"unknown column type `{kind}`", did_you_mean(str(kind), COLUMN_TYPES))
            return None
        derived = self.derivation(where, raw, known, dataset)
        if derived is None:
            return None
        if derived and kind == "text":
            self.fail(where + ("type",), f"a `{derived[0]}` column holds figures, not text",
                      f"give it a figure type: {', '.join(FIGURE_TYPES)}")
            return None
        if derived[:1] == ("sum_of",) and kind not in SUMMED_TYPES:
            self.fail(where + ("sum_of",), f"a `sum_of` column adds up amounts: its type is one of "
                      f"{', '.join(SUMMED_TYPES)}, not `{kind}`", "a share is a `ratio: [part, whole]` column")
            return None
        amounts = [operand for operand in derived[1:] if self.declared.get(operand) in SUMMED_TYPES]
        if derived[:1] == ("difference",) and kind not in SUMMED_TYPES and amounts:
            self.fail(where + ("difference",), f"a `difference` of amounts is an amount (`{amounts[0]}` is "
                      f"{self.declared[amounts[0]]}): its type is one of {', '.join(SUMMED_TYPES)}, not `{kind}`, "
                      "which would print it as a percentage", f"give it `{amounts[0]}`'s type; a percentage change is "
                      f"a further column `ratio: [{raw['key']}, {derived[2]}]`")
            return None
        if not derived and raw["key"] not in dataset.columns:
            self.fail(where + ("key",), f"column `{raw['key']}` is not in {dataset.path.name}",
                      self.hints(raw["key"], dataset.columns))
            return None
        places = raw.get("places", 1 if kind in ("decimal", "percent", "percent_value") else 0)
        if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 6:
            self.fail(where + ("places",), f"`places` is a whole number from 0 to 6, got {places!r}")
            places = 0
        align = raw.get("align", "right" if kind in FIGURE_TYPES else "left")
        if align not in ALIGNS:
            self.fail(where + ("align",), f"unknown alignment `{align}`", did_you_mean(str(align), ALIGNS))
        width = raw.get("width", 1)
        if isinstance(width, bool) or not isinstance(width, int | float) or width <= 0:
            self.fail(where + ("width",), f"`width` is a positive number, got {width!r}")
            width = 1
        choices = {"zero": ("figure", "dash"), "negative": ("minus", "parentheses")}
        for key, allowed in choices.items():
            if raw.get(key, allowed[0]) not in allowed:
                self.fail(where + (key,), f"`{key}` is one of {', '.join(allowed)}, got {raw[key]!r}")
        if raw.get("sums_to", 100) != 100 or (raw.get("sums_to") and kind not in ("percent", "percent_value")):
            self.fail(where + ("sums_to",), "`sums_to: 100` applies to a percent or percent_value column")
        summed = kind != "text" and bool(raw.get("sum", kind in SUMMED_TYPES and not derived))
        return ColumnSpec(raw["key"], raw.get("heading", raw["key"]), kind, places, align, float(width),
                          raw.get("zero") == "dash", raw.get("negative") == "parentheses", derived, summed,
                          raw.get("sums_to") == 100, index)

    def derivation(self, where: tuple, raw: dict, known: dict, dataset: Dataset) -> tuple | None:
        named = [key for key in DERIVATIONS if key in raw]
        if not named:
            return ()
        if len(named) > 1:
            self.fail(where, f"a column is one of `difference`, `ratio` or `sum_of`, not `{named[0]}` and "
                      f"`{named[1]}`")
            return None
        operands = raw[named[0]]
        if named[0] == "sum_of":
            if not isinstance(operands, list) or len(operands) < 2 or len(set(map(str, operands))) < len(operands):
                self.fail(where + (named[0],), "`sum_of` names the two or more columns of the row it adds up, each "
                          "once: [women, men]")
                return None
        elif not isinstance(operands, list) or len(operands) != 2:
            self.fail(where + (named[0],), f"`{named[0]}` names two columns: [a, b]")
            return None
        labels = (self.raw.get("label"), self.raw.get("abbreviation"))
        for operand in operands:
            wrong = ("the column itself" if operand == raw["key"] else "the label column" if operand in labels
                     else "a text column" if isinstance(operand, str) and self.declared.get(operand) == "text"
                     else None)
            if wrong:
                self.fail(where + (named[0],), f"`{named[0]}` uses `{operand}`, {wrong}",
                          "a difference, ratio or sum is computed from the row's other figure columns")
                return None
            if operand not in dataset.columns and operand not in list(known):
                self.fail(where + (named[0],), f"`{named[0]}` uses `{operand}`, which is neither in "
                          f"{dataset.path.name} nor an earlier column",
                          self.hints(str(operand), list(dataset.columns) + list(known)))
                return None
        return (named[0], *map(str, operands))

    def spans(self, columns: list) -> tuple:
        """The spanning headings: (heading, first, last) over consecutive columns, none over another's."""
        raw = self.raw.get("spanning_headings") or []
        if not isinstance(raw, list):
            self.fail(("spanning_headings",), "`spanning_headings` is a list of {heading: …, columns: [a, b]}")
            return ()
        at = {c.key: i for i, c in enumerate(columns)}
        spans, owner = [], {}
        for index, item in enumerate(raw):
            where = ("spanning_headings", index)
            keys = item.get("columns") if isinstance(item, dict) else None
            heading = item.get("heading") if isinstance(item, dict) else None
            if isinstance(heading, int | float) and not isinstance(heading, bool):
                self.fail(where + ("heading",), f"a spanning heading is a text, got the number {heading!r}",
                          f"quote the year: heading: '{heading}'")
                continue
            if isinstance(heading, str) and not heading.strip():
                self.fail(where + ("heading",), "a spanning heading is not empty",
                          "write the words over its columns, or remove the spanning heading")
                continue
            if not isinstance(item, dict) or not isinstance(item.get("heading"), str) or not isinstance(keys, list) \
                    or not keys or not all(isinstance(k, str) for k in keys):
                self.fail(where, "a spanning heading is a mapping {heading: …, columns: [a, b]} naming the columns "
                          "it spans", "{heading: '2025', columns: [women, men, total]}")
                continue
            for key in item:
                if key not in ("heading", "columns"):
                    self.fail(where + (key, "<key>"), f"unknown key `{key}` of a spanning heading",
                              did_you_mean(str(key), ("heading", "columns")))
            unknown = [k for k in keys if k not in at]
            if any(k in self.declared for k in unknown):
                continue  # a column refused where it is declared: its own error says why
            if unknown:
                hint = ("the label column stands beside the spanning headings" if unknown[0] == self.raw.get("label")
                        else did_you_mean(unknown[0], list(at)))
                self.fail(where + ("columns",), f"spanning heading `{item['heading']}`: `{unknown[0]}` is not a "
                          "column of the table", hint)
                continue
            places = [at[k] for k in keys]
            if places != list(range(places[0], places[0] + len(places))):
                order = ", ".join(c.key for c in columns[min(places):max(places) + 1])
                self.fail(where + ("columns",), f"spanning heading `{item['heading']}`: its columns are not "
                          "consecutive, in the table's order", f"the columns from the first to the last: {order}")
                continue
            taken = [k for k in keys if k in owner]
            if taken:
                self.fail(where + ("columns",), f"spanning heading `{item['heading']}`: column `{taken[0]}` is "
                          f"already under `{owner[taken[0]]}`", "a column stands under one spanning heading")
                continue
            owner.update({k: item["heading"] for k in keys})
            spans.append((item["heading"], places[0], places[-1]))
        return tuple(spans)

    def flag(self, key: str) -> bool:
        """A yes/no key (`landscape: true`); false when absent."""
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            self.fail((key,), f"`{key}` is true or false, got {value!r}")
            return False
        return value

    def share(self) -> float:
        """The table's `width`: a share of the text width, above 0 and at most 1."""
        width = self.raw.get("width", 1)
        if isinstance(width, bool) or not isinstance(width, int | float) or not 0 < width <= 1:
            self.fail(("width",), f"`width` is the table's share of the text width, above 0 and at most 1 "
                      f"(0.6 for 60%), got {width!r}")
            return 1.0
        return float(width)

    def sums(self, dataset: Dataset) -> dict:
        result = {}
        for key, kind in SUM_KINDS:
            mapping = self.raw.get(key) or {}
            if not isinstance(mapping, dict):
                self.fail((key,), f"`{key}` maps a row id to the list of rows it adds up")
                continue
            for row_id, members in mapping.items():
                if not isinstance(members, list) or not members:
                    self.fail((key, row_id), f"`{row_id}` under `{key}` lists the rows it adds up")
                    continue
                if row_id in result:
                    self.fail((key, row_id), f"row `{row_id}` is the sum of two lists")
                    continue
                repeated = [str(m) for m, n in Counter(map(str, members)).items() if n > 1]
                if repeated:
                    self.fail((key, row_id), f"row `{repeated[0]}` is listed twice in the sum `{row_id}`",
                              "list each row once")
                    continue
                result[str(row_id)] = (kind, tuple(str(m) for m in members))
        return result

    def rows_exist(self, ids, keys: tuple, dataset: Dataset) -> bool:
        missing = [row_id for row_id in ids if row_id not in dataset]
        for row_id in missing:
            self.fail(keys, f"row `{row_id}` is not in {dataset.path.name}", self.hints(row_id, dataset))
        return not missing


def sum_order(sums: dict) -> tuple[list, str | None]:
    """The rows that are sums, each after the sums it counts, and a row that (through other sums) adds itself up
    (None when there is none). A depth-first walk without recursion, each row entered once: linear in the sums."""
    order, done, open_ = [], set(), set()
    for root in sums:
        if root in done:
            continue
        stack = [(root, iter(sums[root][1]))]
        open_.add(root)
        while stack:
            row_id, members = stack[-1]
            member = next(members, None)
            if member is None:
                stack.pop()
                open_.discard(row_id)
                done.add(row_id)
                order.append(row_id)
            elif member in open_:
                return order, member
            elif member in sums and member not in done:
                open_.add(member)
                stack.append((member, iter(sums[member][1])))
    return order, None


def named_dataset(raw: dict, data: dict, fail) -> Dataset | None:
    """The CSV dataset a table's or chart's `data:` names among the document's data; None when it names none (the
    problem given to `fail(keys, message, hint)`)."""
    dataset = data.get(raw.get("data")) if isinstance(raw.get("data"), str) else None
    if not isinstance(dataset, Dataset):
        fail(("data",), f"`data: {raw.get('data')}` is not a CSV dataset under `data:`",
             did_you_mean(str(raw.get("data")), [k for k, v in data.items() if isinstance(v, Dataset)]))
        return None
    return dataset


def read_table_spec(name: str, raw, yf, data: dict, out: Collector) -> TableSpec | None:
    """The checked spec of table `name`; None (problems recorded in `out`) when it cannot be used."""
    reader = _Reader(name, raw if isinstance(raw, dict) else {}, yf, out)
    if not isinstance(raw, dict):
        reader.fail((), "a table spec is a mapping: data, label, columns, ...")
        return None
    for key in raw:
        if key not in SPEC_KEYS:
            reader.fail((key, "<key>"), f"unknown key `{key}`", did_you_mean(str(key), SPEC_KEYS))
    dataset = named_dataset(raw, data, reader.fail)
    if dataset is None:
        return None
    label = raw.get("label")
    abbreviation = raw.get("abbreviation")
    for key, column in (("label", label), ("abbreviation", abbreviation)):
        if (column is not None or key == "label") and column not in dataset.columns:
            reader.fail((key,), f"{key} column `{column}` is not in {dataset.path.name}",
                        reader.hints(str(column), dataset.columns))
            return None
    columns, known = [], {}
    listed = {key: raw.get(key) or [] for key in ("columns", "headings")}
    for key, value in listed.items():
        if not isinstance(value, list):
            reader.fail((key,), f"`{key}` is a list, got {value!r}")
            listed[key] = []
    for index, col in enumerate(listed["columns"]):
        column = reader.column(index, col, known, dataset)
        if column is not None:
            columns.append(column)
            known[column.key] = column.type
    sums = reader.sums(dataset)
    headings = listed["headings"]
    total = raw.get("total")
    if isinstance(total, list | dict):
        reader.fail(("total",), f"`total` names one row, got {total!r}")
        return None
    ids = list(sums) + [m for _, ms in sums.values() for m in ms] + list(headings) + ([total] if total else [])
    if not reader.rows_exist(dict.fromkeys(map(str, ids)), (), dataset):
        return None
    counts = Counter(m for _, ms in sums.values() for m in dict.fromkeys(ms))
    twice = [m for m, count in counts.items() if count > 1]
    for row_id in twice:
        reader.fail(("subtotals",), f"row `{row_id}` is counted in two sums", "list each row under one sum")
    width = raw.get("label_width", 2.5)
    if isinstance(width, bool) or not isinstance(width, int | float) or width <= 0:
        reader.fail(("label_width",), f"`label_width` is a positive number, got {width!r}")
        width = 2.5
    looped = sum_order(sums)[1]
    if looped:
        reader.fail(("subtotals",), f"row `{looped}` is part of its own sum")
        return None
    return TableSpec(name, dataset, label, tuple(columns), sums, frozenset(map(str, headings)),
                     str(total) if total else None, reader.text("label_heading"), float(width), abbreviation,
                     reader.text("unit"), reader.texts("notes"), reader.text("source"), reader.spans(columns),
                     reader.share(), reader.flag("landscape"))
