"""Translation memory: earlier documents' translations offered to the untranslated entries of a catalog.

A memory is read from content catalogs (`.po`), document folders (their `locales/<lang>/LC_MESSAGES/content.po`)
or XLIFF 1.2 files (`.xlf`, `.xliff`, as `ccdocs i18n export` writes them and CAT tools give them back). Only
finished translations count: a fuzzy entry, an obsolete one, or a unit whose state asks for review is left out,
since its translation was made for another English. When two memories translate the same English differently,
the first one given wins (the order of `--memory`, as a translator ranks them).

An untranslated entry of the catalog then takes:

- an EXACT match (the same English; the same msgctxt preferred): the translation, as a finished one, the way
  `msgmerge --compendium` and a CAT tool's 100% match give it: the English is the one it was made from. It stays
  reviewable: a translator comment `memory: exact, from FILE:LINE` says where it came from (every PO editor shows
  translator comments; `grep '# memory:'` lists them), and the build's checkers still run on it;
- else a CLOSE match: the memory English most like it, when the similarity is at least `THRESHOLD`: the
  translation as fuzzy, with `#| msgid` the memory's English, so that the review page's word diff shows what
  differs, and `memory: 86% match, from FILE:LINE`. The similarity is difflib's `SequenceMatcher.ratio()` on the
  texts' words, punctuation marks and URLs (`words`): 2·M/T, M the tokens in common, T the tokens of both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from babel.messages.catalog import Catalog

from ..errors import InputError, display_path, problem
from ..sources.characters import first_refused
from .catalogs import ContentCatalog, po_path, read_catalog

THRESHOLD = 0.8
WORD = re.compile(r"[a-z][a-z+.-]*://[^\s()\[\]<>]+|\w+|[^\w\s]")  # a URL is one word
XLIFF_SUFFIXES = (".xlf", ".xliff")
MARK = "memory: "


@dataclass(frozen=True)
class Unit:
    """One finished translation of a memory: English, msgctxt (None for content), translation, and its origin."""

    source: str
    context: str | None
    translation: str
    origin: str


@dataclass(frozen=True)
class Filled:
    """How many untranslated entries a memory filled: exactly (finished) and closely (fuzzy)."""

    exact: int
    close: int

    def __str__(self) -> str:
        return f"{self.exact + self.close} from memory ({self.exact} exact, {self.close} fuzzy)"


def words(text: str) -> list[str]:
    """The tokens the similarity compares, lower case: each URL whole (two links to different pages share none of
    their words), runs of word characters, single punctuation marks."""
    return WORD.findall(text.lower())


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the two texts' `words`, from 0 (nothing in common) to 1 (the same words)."""
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def _from_catalog(catalog: ContentCatalog, path: Path) -> list[Unit]:
    found = []
    for message in catalog:
        if message.id and isinstance(message.string, str) and message.string and not message.fuzzy:
            where = catalog.where(message)
            found.append(Unit(message.id, message.context, message.string,
                              f"{display_path(path)}:{where[1]}" if where else display_path(path)))
    return found


def _from_xliff(path: Path) -> list[Unit]:
    """The finished units of an XLIFF file (state translated, signed-off, final or none), read by `i18n.xliff`."""
    from .xliff import DONE_STATES, _parsed, _state

    found = []
    for unit in _parsed(path).unit_iter():
        target, state = str(unit.target or ""), _state(unit)
        if str(unit.source) and target.strip() and (state is None or state in DONE_STATES):
            found.append(Unit(str(unit.source), unit.xmlelement.get("resname"), target,
                              f"{display_path(path)}:{unit.xmlelement.sourceline}"))
    return found


def read_memory(paths: Iterable[Path], lang: str) -> list[Unit]:
    """The finished translations into `lang` of each path in order: a .po, a document folder or an XLIFF file.

    Raises InputError naming each path that is none of these (or a folder without a `lang` catalog), or whose
    name holds a character a paper may not hold (it is written into the catalog, in each unit's origin), and every
    problem of the catalogs as `read_catalog` reports it and of the XLIFF files as `xliff` reads them (a bidi
    override or a C1 control in a unit, a DOCTYPE, a file too large: see `xliff`).
    """
    units: list[Unit] = []
    wrong = []
    for path in paths:
        catalog = po_path(path, lang) if path.is_dir() else path
        char = first_refused(display_path(path))
        if char:
            wrong.append(problem(path, None, f"the name of this memory holds a {char}, which every unit it fills "
                                             "would carry into the catalog's comments", "rename it"))
        elif path.is_file() and path.suffix.lower() in XLIFF_SUFFIXES:
            units += _from_xliff(path)
        elif catalog.is_file() and catalog.suffix.lower() in (".po", ".pot"):
            units += _from_catalog(read_catalog(catalog, lang), catalog)
        elif path.is_dir():
            wrong.append(problem(path, None, f"this folder has no {lang} catalog ({display_path(catalog)})",
                                 f"give a document folder translated into {lang}, or its catalog"))
        else:
            wrong.append(problem(path, None, "not a translation memory: give a .po catalog, a document folder or "
                                             "an XLIFF (.xlf) file", None))
    if wrong:
        raise InputError(wrong)
    return units


def _best(english: str, units: list[Unit]) -> tuple[float, Unit | None]:
    """The unit most like `english` (the first among equals) and its similarity; difflib's quick upper bounds
    skip the units that cannot reach `THRESHOLD`."""
    target = words(english)
    best, chosen = 0.0, None
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(target)
    for unit in units:
        matcher.set_seq1(words(unit.source))
        if matcher.real_quick_ratio() < max(THRESHOLD, best) or matcher.quick_ratio() < max(THRESHOLD, best):
            continue
        ratio = matcher.ratio()
        if ratio >= THRESHOLD and ratio > best:
            best, chosen = ratio, unit
    return best, chosen


def fill(catalog: Catalog, units: list[Unit]) -> Filled:
    """Give each untranslated active entry of `catalog` its exact or close match from `units` (see the module)."""
    exact: dict[tuple, Unit] = {}
    for unit in units:
        exact.setdefault((unit.source, unit.context), unit)
        exact.setdefault((unit.source, "*"), unit)
    candidates = list({unit.source: unit for unit in reversed(units)}.values())[::-1]  # the first of each English
    counts = [0, 0]
    for message in catalog:
        if not message.id or message.string:
            continue
        unit = exact.get((message.id, message.context)) or exact.get((message.id, "*"))
        if unit is not None:
            message.string = unit.translation
            message.user_comments.append(f"{MARK}exact, from {unit.origin}")
            counts[0] += 1
            continue
        ratio, unit = _best(message.id, candidates)
        if unit is not None:
            message.string = unit.translation
            message.flags.add("fuzzy")
            message.previous_id = [unit.source]
            message.user_comments.append(f"{MARK}{int(ratio * 100)}% match, from {unit.origin}")
            counts[1] += 1
    return Filled(*counts)
