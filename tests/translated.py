"""Scratch documents translated into Chinese for tests: the catalog made by `ccdocs i18n update`, then filled."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from ccdocs.cli import main
from ccdocs.i18n.catalogs import po_path


def i18n_update(folder: Path, lang: str = "zh") -> str:
    """Run `ccdocs i18n update FOLDER --lang LANG`; what it printed (the command must succeed)."""
    result = CliRunner().invoke(main, ["i18n", "update", str(folder), "--lang", lang])
    assert result.exit_code == 0, result.output
    return result.output


def fill_catalog(folder: Path, translations: dict, keep_empty=lambda msgid: False, lang: str = "zh") -> Path:
    """Update the catalog of `lang`, then give every entry its translation in `translations` (by msgid, or by
    (msgid, msgctxt)), else its own text, except the entries `keep_empty(msgid)` leaves untranslated."""
    i18n_update(folder, lang)
    path = po_path(folder, lang)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        text = translations.get((message.id, message.context), translations.get(message.id))
        message.string = text if text is not None else ("" if keep_empty(message.id) else message.id)
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=1 << 30)
    return path
