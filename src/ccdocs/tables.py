"""Tables placed from data: a spec in document.yaml, a dataset, cells formatted per language."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Collector, did_you_mean
from .l10n.catalog import Catalog
from .l10n.formats import Formats
from .model import Column, Row, Table, Text
from .sources.data import Dataset
from .sources.spec import DocumentSpec

FIGURE_TYPES = ("integer", "decimal", "percent", "percent_value", "chf", "chf_thousands")
COLUMN_TYPES = FIGURE_TYPES + ("text",)
SPEC_KEYS = ("data", "label", "columns", "groups", "total", "notes", "source", "unit", "label_heading")
COLUMN_KEYS = ("key", "heading", "type", "places", "align", "width")


@dataclass(frozen=True)
class TablePlacer:
    """Builds the Table named in a `::: table NAME` container, for one language."""

    spec: DocumentSpec
    data: dict
    formats: Formats
    catalog: Catalog
    out: Collector

    def __call__(self, name: str, caption: tuple, source) -> Table | None:
        tables = self.spec.tables
        if name not in tables:
            self.out.add(source.file, source.line, f"no table `{name}` under `tables:` in document.yaml",
                         did_you_mean(name, tables))
            return None
        table = tables[name]
        yf = self.spec.yaml
        where = ("tables", name)
        bad = [k for k in table if k not in SPEC_KEYS]
        for key in bad:
            self.out.extend([yf.problem(where + (key, "<key>"), f"unknown key `{key}` in table `{name}`",
                                        did_you_mean(key, SPEC_KEYS))])
        dataset = self.data.get(table.get("data"))
        if not isinstance(dataset, Dataset):
            self.out.extend([yf.problem(where + ("data",), f"table `{name}` places `{table.get('data')}`, "
                                        "which is not a CSV dataset under `data:`", did_you_mean(
                                            str(table.get("data")), self.data))])
            return None
        columns = self._columns(name, table, dataset)
        if columns is None:
            return None
        return Table(name, caption, tuple(c for c, _ in columns), self._rows(name, table, dataset, columns),
                     tuple((Text(self.catalog.gettext(n)),) for n in table.get("notes", ())),
                     (Text(self.catalog.format("Source: {source}", source=self.catalog.gettext(table["source"]))),)
                     if table.get("source") else (), self.catalog.gettext(table["unit"]) if table.get("unit") else "",
                     source)

    def _columns(self, name, table, dataset):
        yf, where = self.spec.yaml, ("tables", name, "columns")
        label = table.get("label")
        if label not in dataset.columns:
            self.out.extend([yf.problem(("tables", name, "label"), f"table `{name}`: label column `{label}` is not "
                                        f"in {dataset.path.name}", did_you_mean(str(label), dataset.columns))])
            return None
        heading = self.catalog.gettext(table.get("label_heading", "")) if table.get("label_heading") else ""
        columns = [(Column(heading, "left", 2.5), {"key": label, "type": "label"})]
        for index, col in enumerate(table.get("columns") or ()):
            if not isinstance(col, dict) or col.get("key") not in dataset.columns:
                key = col.get("key") if isinstance(col, dict) else col
                self.out.extend([yf.problem(where + (index,), f"table `{name}`: column `{key}` is not in "
                                            f"{dataset.path.name}", did_you_mean(str(key), dataset.columns))])
                continue
            kind = col.get("type", "integer")
            if kind not in COLUMN_TYPES:
                self.out.extend([yf.problem(where + (index, "type"), f"unknown column type `{kind}`",
                                            did_you_mean(kind, COLUMN_TYPES))])
                continue
            align = col.get("align", "right" if kind in FIGURE_TYPES else "left")
            columns.append((Column(self.catalog.gettext(col.get("heading", col["key"])), align,
                                   float(col.get("width", 1))), col))
        return columns

    def _cell(self, value, col, dataset, row_id) -> str:
        kind = col.get("type", "integer")
        if kind == "label":
            return self.catalog.gettext(str(value))
        if kind == "text":
            return self.catalog.gettext(str(value)) if value != "" else ""
        if value == "" or value is None:
            return "-"
        if isinstance(value, str):
            self.out.add(dataset.path, dataset.line_of(row_id),
                         f"`{value}` in column `{col['key']}` of row `{row_id}` is not a number",
                         "write the figure as digits, without thousands separators")
            return value
        places = col.get("places", 1)
        f = self.formats
        return {
            "integer": lambda: f.number(value), "decimal": lambda: f.decimal(value, places),
            "percent": lambda: f.percent(value, places), "percent_value": lambda: f.percent_value(value, places),
            "chf": lambda: f.chf(value), "chf_thousands": lambda: f.number(value),
        }[kind]()

    def _row(self, data_row, columns, dataset, kind) -> Row:
        cells = tuple(self._cell(data_row.get(col["key"], ""), col, dataset, data_row["id"]) for _, col in columns)
        if kind == "total" and not cells[0]:
            cells = (self.catalog.gettext("Total"),) + cells[1:]
        return Row(cells, kind)

    def _rows(self, name, table, dataset, columns) -> tuple:
        groups = table.get("groups") or {}
        total = table.get("total")
        members = {m: g for g, ms in groups.items() for m in ms}
        for row_id in list(groups) + list(members) + ([total] if total else []):
            if row_id not in dataset:
                self.out.extend([self.spec.yaml.problem(("tables", name), f"table `{name}` names row `{row_id}`, "
                                                        f"which is not in {dataset.path.name}",
                                                        did_you_mean(str(row_id), list(dataset)))])
                return ()
        rows = []
        for data_row in dataset.rows:
            row_id = data_row["id"]
            if row_id in members or row_id == total:
                continue
            if row_id in groups:
                rows.append(self._row(data_row, columns, dataset, "group"))
                rows.extend(self._row(dataset[m], columns, dataset, "member") for m in groups[row_id])
            else:
                rows.append(self._row(data_row, columns, dataset, "body"))
        if total:
            rows.append(self._row(dataset[total], columns, dataset, "total"))
        return tuple(rows)
