"""A document's content catalogs: `DOC_DIR/locales/<lang>/LC_MESSAGES/content.po`, read with babel."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ..errors import InputError, problem

DOMAIN = "content"


def po_path(folder: Path, lang: str) -> Path:
    """Where the content catalog of `lang` lives in a document folder."""
    return folder / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(folder: Path) -> Path:
    """Where the extracted template of the source content lives."""
    return folder / "locales" / f"{DOMAIN}.pot"


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """A .po or .pot file as a babel Catalog; a syntax error names the file and line."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=lang, abort_invalid=True)
    except Exception as exc:  # babel raises PoFileError and ValueError subclasses
        line = getattr(exc, "lineno", None)
        raise InputError([problem(path, line, f"cannot read this catalog: {exc}",
                                  "fix the .po syntax, or regenerate it with `ccdocs i18n update`")])


def translations(folder: Path, lang: str) -> dict[str, str]:
    """msgid -> msgstr of the finished (non-empty, non-fuzzy) entries of `lang`; empty if no catalog."""
    path = po_path(folder, lang)
    if not path.is_file():
        return {}
    catalog = read_catalog(path, lang)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
