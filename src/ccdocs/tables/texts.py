"""A table's words: looked up in the document's "data" messages, then the toolkit catalog; listed for extraction."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..charts.texts import chart_texts
from ..errors import display_path
from ..i18n.catalogs import po_path, shared_catalog
from ..l10n.catalog import Catalog
from ..parse.pipe_tables import FIGURE
from ..sandbox import DOTTED, Untranslated
from ..sources.data import Dataset
from ..sources.values import NumberText, Table, data_value, frozen

CONTEXT = "data"
TEXT_KEYS = ("label_heading", "unit")
LIST_KEYS = ("notes",)
EMPTY_LABELS = {"total": "Total", "subtotal": "Subtotal"}   # what a sum row without a label prints, by its kind
SUM_KEYS = {"total": "total", "totals": "total", "subtotals": "subtotal"}  # spec keys naming sum rows, their kind
LETTERS = re.compile(r"[^\W\d_]+")
CODE_LETTERS = 3   # the longest run of capitals a code may hold: `ASG`, `USG`, `PCT` (`WIPO`, `TOTAL` are words)
# A figure naming one value, without filter or operator: `{{ applicants.africa.region }}`, `{{ who }}`
NAMING = re.compile(r"\{\{\s*(" + DOTTED + r")\s*\}\}")


def reads_alike(text: str) -> bool:
    """Whether a table text reads the same in every language, so needs no translation: it holds no word, only
    numbers, symbols, codes and figures `{{ … }}`, every run of letters being at most CODE_LETTERS Latin capitals.

    >>> [reads_alike(t) for t in ("P4", "D-1", "ASG", "2015–2016", "{{ a.b | number }}", "Total", "WIPO", "n/a")]
    [True, True, True, True, True, False, False, False]
    """
    return all(len(run) <= CODE_LETTERS and run.isascii() and run.isupper()
               for run in LETTERS.findall(FIGURE.sub(" ", text)))


def _text(value) -> bool:
    """Whether a value of a table spec is a text to print (an empty `label_heading: ""` prints nothing)."""
    return isinstance(value, str) and bool(value.strip())


def data_messages(folder: Path, lang: str) -> dict[str, str]:
    """msgid -> msgstr of the finished entries with msgctxt "data" in the document's content catalog."""
    path = po_path(folder, lang)
    if not path.is_file():
        return {}
    catalog = shared_catalog(path, lang)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy and m.context == CONTEXT}


@dataclass(frozen=True)
class Words:
    """Translates a table's texts: the document's "data" messages first, then the toolkit catalog."""

    catalog: Catalog
    messages: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def load(cls, folder: Path, lang: str, original: str, catalog: Catalog) -> Words:
        """The words of `lang`; the original language reads no content catalog."""
        messages = data_messages(folder, lang) if lang != original else {}
        return cls(catalog, MappingProxyType(messages))

    def __call__(self, text: str) -> str:
        """The translation of `text`, or `text` itself."""
        return self.messages.get(text) or self.catalog.gettext(text)

    def knows(self, text: str) -> bool:
        """Whether `text` has a translation here (the data messages' or the toolkit catalog's)."""
        return text in self.messages or not self.catalog.missing((text,))

    def format(self, msgid: str, **kw) -> str:
        """A toolkit pattern (`Source: {source}`) in this language, filled in."""
        return self.catalog.format(msgid, **kw)


def _listed(value) -> list:
    """`value` if it is a list, else none: a malformed spec is refused by its reader, not here."""
    return value if isinstance(value, list) else []


def _spec_texts(table: dict, where: tuple, yf) -> list:
    found = []
    for key in TEXT_KEYS:
        if _text(table.get(key)):
            found.append((table[key], where + (key,)))
    for index, col in enumerate(_listed(table.get("columns"))):
        if isinstance(col, dict) and _text(col.get("heading")):
            found.append((col["heading"], where + ("columns", index, "heading")))
    for index, span in enumerate(_listed(table.get("spanning_headings"))):
        if isinstance(span, dict) and isinstance(span.get("heading"), str):
            found.append((span["heading"], where + ("spanning_headings", index, "heading")))
    for key in LIST_KEYS:
        items = table.get(key)
        items = [items] if isinstance(items, str) else _listed(items)
        for index, note in enumerate(items):
            if _text(note):
                found.append((note, where + (key, index)))
    if _text(table.get("source")):
        found.append((table["source"], where + ("source",)))
    shown = display_path(yf.path)
    return [(text, shown, yf.where(*keys)[0]) for text, keys in found]


def _data_texts(table: dict, dataset: Dataset) -> list:
    keys = [table.get("label")] + [c.get("key") for c in _listed(table.get("columns"))
                                   if isinstance(c, dict) and c.get("type") == "text"]
    keys = [k for k in keys if isinstance(k, str) and k in dataset.columns]
    shown = display_path(dataset.path)
    return [(row[key], shown, dataset.line_of(row["id"])) for row in dataset.rows for key in keys
            if isinstance(row.get(key), str) and row[key].strip()]


def _sum_labels(table: dict, dataset: Dataset) -> list:
    """`Total` / `Subtotal` at the line of each sum row whose label is empty (it prints that word)."""
    label, shown, found = table.get("label"), display_path(dataset.path), []
    for key, kind in SUM_KEYS.items():
        named = table.get(key)
        for row_id in [named] if isinstance(named, str) else named if isinstance(named, dict) else ():
            row = dataset.get(row_id) if isinstance(row_id, str) else None
            if row is not None and not str(row.get(label, "") or "").strip():
                found.append((EMPTY_LABELS[kind], shown, dataset.line_of(row_id)))
    return found


def table_texts(spec, data: dict) -> list[tuple[str, str, int]]:
    """Every text of every table and chart spec that a build looks up (`Words`), in document order, as (text,
    file, line); the charts' (`charts.texts.chart_texts`) after the tables'.

    Headings, unit, notes and source come from document.yaml; row labels and text cells from the
    data file at their row's line. A text of blanks only prints nothing and is left out.
    """
    found = []
    for name, table in (spec.tables or {}).items():
        if not isinstance(table, dict):
            continue
        found += _spec_texts(table, ("tables", name), spec.yaml)
        dataset = data.get(table.get("data")) if isinstance(table.get("data"), str) else None
        if isinstance(dataset, Dataset):
            found += _data_texts(table, dataset) + _sum_labels(table, dataset)
    return found + chart_texts(spec, data)


def figure_values(spec, data: dict) -> dict:
    """What figures name besides `doc`: each data file's values (`sources.values.data_value`) and `variables:`."""
    return {**{name: data_value(item) for name, item in data.items()}, **frozen(spec.variables, spec.yaml.path)}


def shown_texts(texts: dict, values: Mapping) -> list[tuple[str, str, int]]:
    """The texts of the data (or of `variables:`) that the content files `texts` (text by path) print through a
    figure naming one value (`NAMING`: `{{ applicants.africa.region }}`), as (text, content file, line) in order:
    a figure evaluates the same data in every language, so such a text is a table text to translate (a formatted
    number or date, a filter's result, is the language's own; a text that `reads_alike` needs none).
    `values`: `figure_values`."""
    found = []
    for path, text in texts.items():
        shown, line, counted = display_path(path), 1, 0  # lines counted on from the last figure: linear
        for match in NAMING.finditer(text):
            value = values
            for name in match.group(1).split("."):  # a Table's rows by id, a mapping's values by key
                value = value[name] if isinstance(value, Mapping) and name in value else None
            if isinstance(value, str) and value.strip() and not reads_alike(value):  # `3-`, `P4` print as they are
                line, counted = line + text.count("\n", counted, match.start()), match.start()
                found.append((value, shown, line))
    return found


class _UntranslatedCell(NumberText, Untranslated):
    """A text of a column of figures (`NumberText`) with no translation (`Untranslated`): refused as each is."""


def translated_values(values: dict, words: Words, marked: bool = False) -> dict:
    """`values` (`figure_values`) with each text `words` translates replaced by its translation, as a table prints
    it; a CSV row's `id` kept (rows are named by it). Each container is rebuilt once (YAML aliases share one).
    With `marked`, a text it does not translate that needs a translation (not `reads_alike`) is kept as an
    `Untranslated` text, which a figure may print only by naming it alone (`sandbox.text`)."""
    done: dict[int, object] = {}

    def walk(value, key=None):
        if isinstance(value, str):
            if key == "id":
                return value
            if marked and not words.knows(value) and value.strip() and not reads_alike(value):
                kept = Untranslated(value)
            else:
                kept = words(value)
            if isinstance(value, NumberText) and kept is not value:  # still told at its cell where a figure formats it
                return (_UntranslatedCell if isinstance(kept, Untranslated) else NumberText)(kept, value.cell)
            return kept
        if not isinstance(value, Mapping | tuple | frozenset):
            return value
        if id(value) not in done:
            if isinstance(value, Table):
                done[id(value)] = Table(tuple(MappingProxyType({k: walk(v, k) for k, v in row.items()})
                                              for row in value.rows))
            elif isinstance(value, Mapping):
                done[id(value)] = MappingProxyType({k: walk(v) for k, v in value.items()})
            else:
                done[id(value)] = type(value)(map(walk, value))
        return done[id(value)]

    return {name: walk(value) for name, value in values.items()}


def translatable_texts(spec, data: dict, figures: list | None = None) -> list[tuple[str, str, int]]:
    """The texts of `table_texts`, then `figures` (`shown_texts`), a translator is asked for, in document order, as
    (text, file, line).

    Texts the toolkit catalog already translates into each of the document's other languages (regions,
    `Total`) are left out; so is a repeat of the same place.
    """
    others = [lang for lang in spec.languages if lang != spec.source]
    catalogs = [Catalog.load(lang) for lang in others]
    result, seen = [], set()
    for text, shown, line in table_texts(spec, data) + (figures or []):
        known = catalogs and all(not c.missing([text]) for c in catalogs)
        if not known and (text, shown, line) not in seen:
            seen.add((text, shown, line))
            result.append((text, shown, line))
    return result
