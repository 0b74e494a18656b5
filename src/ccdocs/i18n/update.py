"""Merging the template into a language's content catalog, so that an edit disturbs only its own entry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from .catalogs import DOMAIN, po_path, read_catalog
from .extract import write_catalog


@dataclass(frozen=True)
class Changes:
    """What an update did to a catalog: entries added empty, made fuzzy, made obsolete."""

    new: int
    fuzzy: int
    obsolete: int

    def __str__(self) -> str:
        return f"{self.new} new, {self.fuzzy} fuzzy, {self.obsolete} obsolete"


def _key(message) -> tuple:
    return message.id, message.context


def _active(catalog: Catalog) -> dict:
    return {_key(m): m for m in catalog if m.id}


def merge(catalog: Catalog, template: Catalog, used: frozenset = frozenset()) -> Changes:
    """Update `catalog` from `template` with babel's Catalog.update, fuzzy matching only what is gone.

    babel offers every translated message as a fuzzy candidate, so a new paragraph could take a
    translation that still belongs to an unchanged one. Here the candidates are the messages no
    longer in the template (and earlier obsolete ones): each kept message is blanked during the
    update and given back its translation and its previous msgid afterwards.

    `used` holds the (msgid, msgctxt) of texts the document still prints that the template leaves out (a
    table word the toolkit translates, `Total`): an entry of the catalog for one of them, added by hand to
    translate it otherwise, stays as it is instead of turning obsolete.
    """
    wanted = {_key(m) for m in template if m.id}
    kept_out = {key for key, m in _active(catalog).items() if key in used and key not in wanted}
    wanted |= kept_out
    active = set(_active(catalog))
    for message in list(catalog.obsolete.values()):
        if catalog.get(message.id, message.context) is None:
            catalog[message.id] = message
    catalog.obsolete.clear()
    before = _active(catalog)
    kept = {}
    for key, message in before.items():
        if key in wanted:
            kept[key] = (message.string, message.previous_id)
            message.string = ""
    catalog.update(template, update_header_comment=False)
    for key, message in list(catalog.obsolete.items()):
        if _key(message) in kept_out:
            del catalog.obsolete[key]
            catalog[message.id] = message
    after = _active(catalog)
    for key, (string, previous) in kept.items():
        message = after[key]
        message.string = string
        if message.fuzzy and not message.previous_id:
            message.previous_id = previous
    was_fuzzy = {key for key, m in before.items() if m.fuzzy and key in wanted}
    return Changes(new=sum(1 for key, m in after.items() if key not in before and not m.fuzzy),
                   fuzzy=sum(1 for key, m in after.items() if m.fuzzy and key not in was_fuzzy),
                   obsolete=sum(1 for key in map(_key, catalog.obsolete.values()) if key in active))


def start(lang: str, template: Catalog) -> Catalog:
    """An empty catalog of `lang` with the template's project and dates (babel's `init`)."""
    return Catalog(locale=lang, domain=DOMAIN, project=template.project, version=template.version,
                   creation_date=template.creation_date, revision_date=template.creation_date, fuzzy=False)


def update(folder: Path, lang: str, template: Catalog, used: frozenset = frozenset()) -> tuple[Path, Changes]:
    """Merge `template` into `DOC_DIR/locales/<lang>/LC_MESSAGES/content.po` (made when missing); write it.
    `used`: the texts an entry added by hand keeps alive, as in `merge`."""
    path = po_path(folder, lang)
    catalog = read_catalog(path) if path.is_file() else start(lang, template)
    changes = merge(catalog, template, used)
    write_catalog(catalog, path)
    return path, changes
