"""Merging the template into a language's content catalog, so that an edit disturbs only its own entry."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from babel.messages.catalog import Catalog

from ..errors import Problem, display_path
from ..sources.within import place_inside
from .catalogs import DOMAIN, po_path, read_catalog
from .extract import write_catalogs
from .locking import held
from .memory import Filled, Unit, fill


@dataclass(frozen=True)
class Changes:
    """What an update did to a catalog: entries added empty, made fuzzy, made obsolete; filled from memory."""

    new: int
    fuzzy: int
    obsolete: int
    memory: Filled | None = None

    def __str__(self) -> str:
        told = f"{self.new} new, {self.fuzzy} fuzzy, {self.obsolete} obsolete"
        return f"{told}; {self.memory}" if self.memory is not None else told


def left(stats, folder: str) -> Problem | None:
    """The note after an update of a catalog still holding messages a final build refuses (`stats`, its
    `i18n.stats.LanguageStats` after the update, of the document `folder` as displayed): the update's counts are of
    what it changed, and a second run's `0 fuzzy` must not read as nothing left. None when nothing is left."""
    if stats.complete:
        return None
    counts = dict(stats.counts)
    failing = f", {counts['failing']} failing a check" if counts["failing"] else ""
    return Problem(display_path(stats.catalog), None, None, f"left: {counts['fuzzy']} fuzzy, {counts['untranslated']} "
                   f"untranslated{failing} of {stats.total} messages, which a final build refuses (the counts above "
                   "are of this update's changes)", f"`ccdocs i18n stats {folder}` counts them; `ccdocs i18n review "
                   f"{folder} --lang {stats.lang} -o review.html` shows them", "note")


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
    _keep_first_previous(after, before, kept)
    was_fuzzy = {key for key, m in before.items() if m.fuzzy and key in wanted}
    return Changes(new=sum(1 for key, m in after.items() if key not in before and not m.fuzzy),
                   fuzzy=sum(1 for key, m in after.items() if m.fuzzy and key not in was_fuzzy),
                   obsolete=sum(1 for key in map(_key, catalog.obsolete.values()) if key in active))


def _keep_first_previous(after: dict, before: dict, kept: dict) -> None:
    """Give a message made fuzzy from an entry that was already fuzzy that entry's own previous msgid.

    babel sets `previous_id` to the msgid of the entry a new message was matched with; when that entry was fuzzy
    (edited twice before the translator reviewed it), its translation was made from ITS previous msgid, which is
    what the translator must compare with, as `msgmerge --previous` keeps it. A msgid matched under more than one
    context with different previous msgids is left as babel set it.
    """
    earlier: dict[str, list] = {}
    for key, message in before.items():
        if key not in kept and message.fuzzy and message.previous_id:
            earlier.setdefault(message.id, []).append(list(message.previous_id))
    for key, message in after.items():
        if key in kept or not message.fuzzy or len(message.previous_id) != 1:
            continue
        found = earlier.get(message.previous_id[0], [])
        if found and all(previous == found[0] for previous in found):
            message.previous_id = list(found[0])


def start(lang: str, template: Catalog) -> Catalog:
    """An empty catalog of `lang` with the template's project and dates (babel's `init`)."""
    return Catalog(locale=lang, domain=DOMAIN, project=template.project, version=template.version,
                   creation_date=template.creation_date, revision_date=template.creation_date, fuzzy=False)


def update(folder: Path, lang: str, template: Catalog, used: frozenset = frozenset(),
           memory: list[Unit] | None = None) -> tuple[Path, Changes]:
    """Merge `template` into `DOC_DIR/locales/<lang>/LC_MESSAGES/content.po` (made when missing); write it.
    `used`: the texts an entry added by hand keeps alive, as in `merge`; `memory`: earlier translations offered
    to the entries left untranslated (`memory.fill`), None for none. As `update_all`."""
    return update_all(folder, {lang: memory}, template, used)[0]


def update_all(folder: Path, memories: dict[str, list[Unit] | None], template: Catalog,
               used: frozenset = frozenset()) -> list[tuple[Path, Changes]]:
    """`update` of the catalog of each language of `memories` (each with its memory, None for none), in its order:
    all written or none (InputError when one would be beyond the bound every reader keeps to, `write_catalogs`)."""
    merged = {}
    with held(folder):  # read, merged and written by one command at a time (`locking`)
        for lang, memory in memories.items():
            path = po_path(folder, lang)
            catalog = read_catalog(path) if place_inside(folder, path, f"the {lang} catalog") \
                else start(lang, template)
            changes = merge(catalog, template, used)
            if memory is not None:
                changes = replace(changes, memory=fill(catalog, memory))
            merged[path] = catalog, changes
        write_catalogs({path: catalog for path, (catalog, _) in merged.items()}, folder)
    return [(path, changes) for path, (_, changes) in merged.items()]
