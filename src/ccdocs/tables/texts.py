"""A table's words: looked up in the document's "data" messages, then the toolkit catalog; listed for extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..errors import display_path
from ..i18n.catalogs import po_path, read_catalog
from ..l10n.catalog import Catalog
from ..sources.data import Dataset

CONTEXT = "data"
TEXT_KEYS = ("label_heading", "unit")
LIST_KEYS = ("notes",)


def data_messages(folder: Path, lang: str) -> dict[str, str]:
    """msgid -> msgstr of the finished entries with msgctxt "data" in the document's content catalog."""
    path = po_path(folder, lang)
    if not path.is_file():
        return {}
    catalog = read_catalog(path, lang)
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

    def format(self, msgid: str, **kw) -> str:
        """A toolkit pattern (`Source: {source}`) in this language, filled in."""
        return self.catalog.format(msgid, **kw)


def _spec_texts(table: dict, where: tuple, yf) -> list:
    found = []
    for key in TEXT_KEYS:
        if isinstance(table.get(key), str):
            found.append((table[key], where + (key,)))
    for index, col in enumerate(table.get("columns") or ()):
        if isinstance(col, dict) and isinstance(col.get("heading"), str):
            found.append((col["heading"], where + ("columns", index, "heading")))
    for key in LIST_KEYS:
        items = table.get(key)
        items = [items] if isinstance(items, str) else items
        for index, note in enumerate(items or ()):
            if isinstance(note, str):
                found.append((note, where + (key, index)))
    if isinstance(table.get("source"), str):
        found.append((table["source"], where + ("source",)))
    shown = display_path(yf.path)
    return [(text, shown, yf.where(*keys)[0]) for text, keys in found]


def _data_texts(table: dict, dataset: Dataset) -> list:
    keys = [table.get("label")] + [c.get("key") for c in table.get("columns") or ()
                                   if isinstance(c, dict) and c.get("type") == "text"]
    keys = [k for k in keys if isinstance(k, str) and k in dataset.columns]
    shown = display_path(dataset.path)
    return [(row[key], shown, dataset.line_of(row["id"])) for row in dataset.rows for key in keys
            if isinstance(row.get(key), str) and row[key].strip()]


def translatable_texts(spec, data: dict) -> list[tuple[str, str, int]]:
    """Every document-specific text of every table spec, in document order, as (text, file, line).

    Headings, unit, notes and source come from document.yaml; row labels and text cells from the
    data file at their row's line. Texts the toolkit catalog already translates into each of the
    document's other languages (regions, `Total`) are left out; so is a repeat of the same place.
    """
    others = [lang for lang in spec.languages if lang != spec.original]
    catalogs = [Catalog.load(lang) for lang in others]
    result, seen = [], set()
    for name, table in (spec.tables or {}).items():
        if not isinstance(table, dict):
            continue
        found = _spec_texts(table, ("tables", name), spec.yaml)
        dataset = data.get(table.get("data")) if isinstance(table.get("data"), str) else None
        if isinstance(dataset, Dataset):
            found += _data_texts(table, dataset)
        for text, shown, line in found:
            known = catalogs and all(not c.missing([text]) for c in catalogs)
            if not known and (text, shown, line) not in seen:
                seen.add((text, shown, line))
                result.append((text, shown, line))
    return result
