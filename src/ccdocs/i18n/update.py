"""Merging the template into a language's content catalog, so that an edit disturbs only its own entry."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import get_close_matches
from pathlib import Path
from shlex import quote

from babel.messages.catalog import Catalog, Message

from ..errors import Problem, display_path
from ..sources.bounds import CATALOG
from ..sources.within import place_inside
from .catalogs import DOMAIN, po_path, read_catalog, too_large
from .extract import write_catalogs
from .locking import held
from .memory import Filled, Unit, fill

# babel's fuzzy matching bounded (`_close`): a new msgid is measured by difflib with the CLOSEST translated messages
# sharing the most of its RAREST runs of GRAM characters, of those held by at most EXAMINED messages. Texts
# babel's cut-off (0.6 of the characters) finds alike share most of their runs; a new paragraph is measured some
# 16 times, not once per obsolete entry (20 new against 6,000 obsolete: 78 s before, now well under a second).
GRAM = 3
RAREST = 32
CLOSEST = 16
EXAMINED = 2_000
# The work of one update's fuzzy matching, bounded (review-13 R10): a new msgid costs the candidates its grams name
# (at most RAREST x EXAMINED, each counted) and the characters difflib measures, its own and its CLOSEST candidates'
# (CHARACTER_WORK units each: difflib spends some 30 times a count's time on a character of a sentence, less on
# texts of 200 characters and more, where it sets popular characters aside). Measured on 18-word sentences against
# a 20,000-entry catalog: ~100,000 units, 6-13 ms, a new msgid; a paper rewritten at the bounds (50,000 new against
# 50,000 gone) took 5-7 minutes holding the folder's lock. WORK_MOST stops the matching after some 15-25 s of CPU
# (some 1,500 such msgids, after the index's 1-3 s), for the whole command: its languages' catalogs are merged
# under one lock (review-14 R18: five languages, each with its own bound, reached the lock's 2 minutes); the new
# msgids past it are left new, untranslated, and the update says how many (`Changes.unmatched`, `unmatched`).
CHARACTER_WORK = 30
WORK_MOST = 150_000_000


@dataclass(frozen=True)
class Changes:
    """What an update did to a catalog: entries added empty, made fuzzy, made obsolete; filled from memory."""

    new: int
    fuzzy: int
    obsolete: int
    memory: Filled | None = None
    crowded: Problem | None = None  # a warning: translated, the catalog would be beyond the bound (`update_all`)
    unmatched: tuple = ()  # the (msgid, msgctxt) of new messages left without fuzzy matching, the bound reached
    #                        (WORK_MOST), and untranslated still after the memory, if one was given
    spent: int = 0  # the matching's work so far in the command, this catalog's included (one bound for all)

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


def merge(catalog: Catalog, template: Catalog, used: frozenset = frozenset(), spent: int = 0) -> Changes:
    """Update `catalog` from `template` with babel's Catalog.update, fuzzy matching only what is gone, each new
    message against the few likeliest (`_close`).

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
    matched, unmatched, spent = _close(catalog, template, spent)
    catalog.update(_own(template), no_fuzzy_matching=True, update_header_comment=False)
    _made_fuzzy(catalog, matched)
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
                   obsolete=sum(1 for key in map(_key, catalog.obsolete.values()) if key in active),
                   unmatched=unmatched, spent=spent)


def _grams(key: str) -> set[str]:
    """The runs of GRAM characters of a fuzzy-match key, its ends marked, so that a one-letter text has one too."""
    padded = f" {key} "
    return {padded[start:start + GRAM] for start in range(max(1, len(padded) - GRAM + 1))}


class _Gone:
    """The translated messages a new one may take its translation from (babel's fuzzy candidates: those left
    translated once the kept ones are blanked, `merge`), by babel's key (the msgid, lower case, stripped; the last
    of a key wins, as in babel), indexed by their GRAMs to find the few a new msgid may be close to."""

    def __init__(self, catalog: Catalog, spent: int = 0) -> None:
        self.messages = {message.id.lower().strip(): message for message in catalog if message.id and message.string}
        self.keys = list(self.messages)
        self.index: dict[str, list[int]] = defaultdict(list)
        for number, key in enumerate(self.keys):
            for gram in _grams(key):
                self.index[gram].append(number)
        self.lengths = sorted((len(key), number) for number, key in enumerate(self.keys))
        self.work = spent  # spent by `closest` so far, and by the catalogs matched before in the command (WORK_MOST)

    def closest(self, msgid: str):
        """The message babel's matching gives `msgid` (difflib's `get_close_matches`, its cut-off 0.6, on the
        lower-cased texts), sought among the CLOSEST sharing the most of its RAREST grams held by at most EXAMINED
        messages (a gram most of them hold tells none apart); when it has none such, among the CLOSEST nearest
        in length (difflib's `real_quick_ratio`). None for none. Adds what it cost to `work`."""
        key = msgid.lower().strip()
        held = sorted((len(self.index[gram]), gram) for gram in _grams(key)
                      if 0 < len(self.index.get(gram, ())) <= EXAMINED)[:RAREST]
        shared = Counter(number for _, gram in held for number in self.index[gram])
        if shared:
            numbers = [number for number, _ in shared.most_common(CLOSEST)]
        else:
            at = bisect_left(self.lengths, (len(key), -1))
            numbers = [number for _, number in self.lengths[max(0, at - CLOSEST // 2):at + CLOSEST // 2]]
        candidates = [self.keys[number] for number in numbers]
        self.work += sum(count for count, _ in held) + CHARACTER_WORK * (len(key) + sum(map(len, candidates)))
        found = get_close_matches(key, candidates, 1)
        return self.messages[found[0]] if found else None


def _close(catalog: Catalog, template: Catalog, spent: int = 0) -> tuple[dict[tuple, Message], tuple, int]:
    """The translated message of `catalog` each template message it lacks takes as fuzzy, by the key of the new
    message; the keys of the new messages left unmatched, in the template's order, once the matching's work reached
    WORK_MOST; and the work spent, counted from `spent` (what the command's catalogs before this one spent: one
    bound for the command, which holds the folder's lock for all its languages).

    babel's own matching (`Catalog.update`) measures every new msgid against every candidate with difflib, in
    pure Python: 20 new paragraphs against 6,000 obsolete entries took 78 s, a catalog at its bound with a new
    section many minutes, while an import waiting on the catalog's lock gives up after 2 minutes (breaks-8 #10).
    Here each is measured against the CLOSEST likeliest only (`_Gone`), with babel's measure and cut-off, and
    the update itself made without fuzzy matching (`_made_fuzzy` does what babel's would)."""
    gone = None  # indexed when the first new message comes
    matched, unmatched = {}, []
    for message in template:
        if message.id and catalog.get(message.id, message.context) is None:
            if (spent if gone is None else gone.work) >= WORK_MOST:  # (no index made once the bound is reached)
                unmatched.append(_key(message))
                continue
            gone = gone or _Gone(catalog, spent)
            found = gone.closest(message.id)
            if found is not None:
                matched[_key(message)] = found
    return matched, tuple(unmatched), gone.work if gone is not None else spent


def _own(template: Catalog) -> Catalog:
    """A copy of `template`'s messages for one catalog's update: babel's update puts the template's very messages
    in the catalog, which the fuzzy matches and a memory's translations then fill, and the catalog of another
    language updated from the same template would take them."""
    own = Catalog(creation_date=template.creation_date, fuzzy=False)
    for message in template:
        if message.id:
            own[message.id] = message.clone()
    return own


def _made_fuzzy(catalog: Catalog, matched: dict[tuple, Message]) -> None:
    """Give each new message of `catalog` the translation of its match (`_close`) as babel's fuzzy matching gives
    it: the translation, its translator comments and flags, fuzzy, the match's msgid as previous; the match itself
    no longer obsolete (it was replaced)."""
    for key, old in matched.items():
        message = catalog.get(*key)
        message.string = old.string
        message.previous_id = [old.id]
        if old.user_comments:
            message.user_comments = list(dict.fromkeys(old.user_comments))
        message.flags |= old.flags | {"fuzzy"}
    taken = {_key(old) for old in matched.values()}
    for gone, message in list(catalog.obsolete.items()):
        if _key(message) in taken:
            del catalog.obsolete[gone]


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
    merged, spent, filling = {}, 0, 0  # the fuzzy and the memory's matching's work, each one bound for the command
    with held(folder):  # read, merged and written by one command at a time (`locking`)
        for lang, memory in memories.items():
            path = po_path(folder, lang)
            catalog = read_catalog(path) if place_inside(folder, path, f"the {lang} catalog") \
                else start(lang, template)
            changes = merge(catalog, template, used, spent)
            spent = changes.spent
            if memory is not None:  # what the memory filled is no longer left unmatched
                changes = replace(changes, memory=fill(catalog, memory, filling),
                                  unmatched=tuple(key for key in changes.unmatched if not catalog.get(*key).string))
                filling = changes.memory.spent
            merged[path] = catalog, changes
        written = write_catalogs({path: catalog for path, (catalog, _) in merged.items()}, folder)
    return [(path, replace(changes, crowded=_crowded(path, catalog, written[path])))
            for path, (catalog, changes) in merged.items()]


def unmatched(path: Path, changes: Changes, folder: str, lang: str) -> Problem | None:
    """The note of an update whose fuzzy matching stopped at its bound (`WORK_MOST`), for the catalog at `path` of
    the document `folder` (as displayed) in `lang`; None when every new message was matched (or filled from the
    memory given). A later update does not match them (they are no longer new): the note says what fills them."""
    if not changes.unmatched:
        return None
    given = "" if changes.memory is None else " nor filled from the memory given"
    return Problem(display_path(path), None, None, f"{len(changes.unmatched)} of the {changes.new} new messages were "
                   f"not compared with the earlier translations{given}: fuzzy matching stops at a bound on its work "
                   "(some 20 s), reached here, so they are left untranslated (the earlier translations are kept in "
                   "the catalog as obsolete `#~` entries; a later update does not compare them again)",
                   "translate them, or fill those an earlier translation holds from the catalog as it was before this "
                   f"update: `git -C {quote(display_path(Path(path).parent))} show HEAD:./{Path(path).name} > "
                   "before.po` (its copy in version control), then "
                   f"`ccdocs i18n update {quote(str(folder))} --lang {lang} --memory before.po` (the same English as "
                   "the new text, a close one as fuzzy)", "note")


def _crowded(path: Path, catalog: Catalog, data: bytes) -> Problem | None:
    """A warning when the catalog just written as `data`, once its untranslated entries are translated, would be
    beyond the bound every reader keeps to (a translation taking about as many bytes as its English: Chinese
    0.74 of them, Russian and Arabic twice), said now, before the translators fill it, with what fills it
    (`catalogs.too_large`); None when it leaves them room."""
    coming = sum(len(message.id.encode("utf-8")) for message in catalog if message.id and not message.string)
    return too_large(path, data, len(data), coming=coming) if len(data) + coming > CATALOG.most else None
