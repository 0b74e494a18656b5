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
  texts' words, punctuation marks and URLs (`words`): 2·M/T, M the tokens in common, T the tokens of both;
  measured with the CLOSEST memory texts likeliest to be close, for texts of at most LONGEST tokens (`Filled`
  counts the entries where more might have been, and those longer). The close matching of a whole fill stops at a
  bound on its work (WORK_MOST, a count, the same on every machine): the entries after it take exact matches only,
  the others are left untranslated, and `Filled` counts them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from babel.messages.catalog import Catalog

from ..errors import InputError, UsageError, display_path, problem
from ..sources.characters import first_refused
from ..sources.spec import named_source, not_a_file_inside
from ..sources.within import place_inside
from .catalogs import ContentCatalog, po_path, read_catalog

THRESHOLD = 0.8
# A close match is measured (difflib's ratio, pure Python) with at most CLOSEST memory texts, those sharing the most
# neighbouring tokens with the entry first, and only between texts of at most LONGEST tokens; the texts counted
# against an entry are EXAMINED at most, those sharing its rarest tokens first (`_Candidates.near`). Memory texts
# holding an entry's words in other orders all pass difflib's quick bounds (breaks-6 #7: 8,000 of them and a paper of
# 200 paragraphs took 70 s, 1.6 million ratios; now 2.2 s; 17,000 and 1,000 paragraphs, 8.1 s). A ratio takes 0.06 ms
# for 30 tokens, 0.35 ms for 300 (one token repeated 300 times: 6 ms); a WIPO paragraph is some 150. With 16, a scan
# of every unit gives the same matches on texts where tens are close (test_i18n_memory); when more might have been,
# the summary says so.
CLOSEST = 16
LONGEST = 300
EXAMINED = 2_000
# The work of one fill's close matching, bounded (review-14 R2, as `update.WORK_MOST` bounds the update's own): an
# entry costs the index entries its prefix reads and the token occurrences of each unit counted against it
# (`_Candidates.near`, `_best`'s neighbours), one unit each, and RATIO_WORK units a step of difflib's measure: the
# tokens of both texts plus, for each token of the memory's text, the entry's occurrences of it (the pairs difflib's
# longest-match loop visits: a token repeated 300 times costs 90,000, where 300 distinct cost 600). Before, nothing
# bounded the entries: 10,000 against a memory of 50,000 took 62 s, a catalog at its bound some 5 minutes, 16
# measures of 300 repetitions of one word 0.25-0.3 s an entry (3,000 such, some 15 minutes), holding the folder's
# lock. WORK_MOST stops the close matching at some 20 s of CPU: measured 2026-12-01 (load 4-5 on 2 CPUs) at the
# worst cost a unit found, 18-word sentences against a memory of 50,000 (5.5 ms an entry, 160 ns a unit), 19.4 s
# (3,527 entries matched, then the rest counted; the index 3.0 s before it); 18-word texts of 20 common words, 13.8 s;
# 300 repetitions, 7.5 s. The entries past it take exact matches only, the others are left untranslated and
# counted (`Filled.unmatched`).
RATIO_WORK = 2
WORK_MOST = 120_000_000
WORD = re.compile(r"[a-z][a-z+.-]*://[^\s()\[\]<>]+|\w+|[^\w\s]")  # a URL is one word
XLIFF_SUFFIXES = (".xlf", ".xliff")
MARK = "memory: "
GIVE = "give a .po catalog, a document folder or an XLIFF (.xlf) file"
OTHER_HINT = "give a memory translated into {lang}: a catalog, document folder or XLIFF file of {lang}"


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
    cut: int = 0     # entries more than CLOSEST memory texts might have been close to: measured with CLOSEST only
    long: int = 0    # entries of more than LONGEST tokens, given no close match
    unmatched: int = 0  # entries past the close matching's work bound (WORK_MOST), given no close match
    spent: int = field(default=0, compare=False)  # the close matching's work so far in the command, this
    #                                                 catalog's included (not said)

    def __str__(self) -> str:
        said = [f"{self.exact} exact", f"{self.close} fuzzy"]
        if self.cut:
            said.append(f"{self.cut} compared with their {CLOSEST} likeliest memory entries only, of many alike")
        if self.long:
            said.append(f"{self.long} of more than {LONGEST} words and signs, given no close match")
        if self.unmatched:
            said.append(f"{self.unmatched} not compared with the memory's texts, left untranslated: close matching "
                        "stops at a bound on its work (some 20 s), reached here")
        return f"{self.exact + self.close} from memory ({', '.join(said)})"


def words(text: str) -> list[str]:
    """The tokens the similarity compares, lower case: each URL whole (two links to different pages share none of
    their words), runs of word characters, single punctuation marks."""
    return WORD.findall(text.lower())


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the two texts' `words`, from 0 (nothing in common) to 1 (the same words)."""
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def _from_catalog(catalog: ContentCatalog, path: Path) -> list[Unit]:
    found, shown = [], display_path(path)  # once: resolving a path per entry took most of a 20,000-entry read
    for message in catalog:
        if message.id and isinstance(message.string, str) and message.string and not message.fuzzy:
            where = catalog.where(message)
            found.append(Unit(message.id, message.context, message.string, f"{shown}:{where[1]}" if where else shown))
    return found


def _other_language(catalog: ContentCatalog, path: Path, lang: str, folder: bool) -> list:
    """A problem at the header's `Language:` line when the catalog at `path` translates into another language than
    `lang` (babel takes the catalog's locale from that header), or at its header when it names none and is no
    `folder`'s (`locales/<lang>/…` says it): a catalog of any language would fill the entries as finished `lang`
    translations; none when it names `lang`."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    header = next((number for number, text in enumerate(lines, 1) if text.startswith('msgid ""')), 1)
    ends = next((number for number, text in enumerate(lines[header:], header + 1) if not text.strip()), len(lines))
    line = next((number for number in range(header, ends) if lines[number - 1].startswith('"Language:')), None)
    said = catalog.locale_identifier
    if line is None or not said:  # without the header's word, babel's locale is the one it was asked to read
        return [] if folder else [problem(path, header, "this catalog does not say its language (its header has no `Language:`): "
                        f"its translations would fill the {lang} catalog as finished {lang} ones, whatever their "
                        "language", f'if it is a {lang} catalog, add `"Language: {lang}\\n"` to its header, as '
                        "`ccdocs i18n update` writes it; or give its document folder")]
    if said.replace("-", "_").split("_")[0].lower() == lang:
        return []
    return [problem(path, line, f"this catalog is translated into `{said}`, not `{lang}` (its header's `Language:`)",
                    OTHER_HINT.format(lang=lang))]


def _from_xliff(path: Path, lang: str, wrong: list) -> list[Unit]:
    """The finished units of an XLIFF file (state translated, signed-off, final or none), read by `i18n.xliff`;
    none when it is translated into another language than `lang`, a problem in `wrong` at each such `<file>`."""
    from .xliff import DONE_STATES, _parsed, _state, other_language

    store = _parsed(path, memory=True)
    other = other_language(store, path, lang, OTHER_HINT)
    if other:
        wrong += other
        return []
    found = []
    for unit in store.unit_iter():
        target, state = str(unit.target or ""), _state(unit)
        if str(unit.source) and target.strip() and (state is None or state in DONE_STATES):
            found.append(Unit(str(unit.source), unit.xmlelement.get("resname"), target,
                              f"{display_path(path)}:{unit.xmlelement.sourceline}"))
    return found


def unreadable(path: Path) -> str | None:
    """What stands at a memory `path` that is neither a folder nor a file to read, as words after "this translation
    memory" (`does not exist`, `is a link that leads nowhere`, `is not a regular file (a FIFO …)`), never opened: a
    FIFO would block; None for a folder or a regular file."""
    if path.is_dir() or not (standing := not_a_file_inside(None, path)):
        return None
    if standing != "missing":
        return standing
    return "is a link that leads nowhere" if path.is_symlink() else "does not exist"


def _no_memory(path: Path, lang: str) -> str | None:
    """Why `path`, given as `--memory`, names no memory of `lang` at all (a folder without its catalog, a file of
    another kind), as the option's error says it; None when it names one, or something `read_memory` tells at the
    path itself."""
    if path.is_dir():
        catalog = po_path(path, lang)
        return None if catalog.exists() or catalog.is_symlink() else \
            f"this folder has no {lang} catalog ({display_path(catalog)}) (give a document folder translated into " \
            f"{lang}, or its catalog)"
    if path.is_file() and path.suffix.lower() not in (*XLIFF_SUFFIXES, ".po", ".pot"):
        return f"not a translation memory ({GIVE})"
    return None


def read_memory(paths: Iterable[Path], lang: str) -> list[Unit]:
    """The finished translations into `lang` of each path in order: a .po, a document folder or an XLIFF file.

    Raises UsageError at the option (`--memory PATH: …`) for a path naming no memory at all (a folder without a
    `lang` catalog, a file of another kind: `_no_memory`); InputError naming each path that is none of these (missing,
    a FIFO or another file that is not a regular one, a folder's catalog that is none, never opened: it would
    block), or that is
    translated into another language (an XLIFF `<file>`'s `target-language`, a catalog's `Language:` header: at
    that line), or whose name holds a character a paper may not hold (it is written into the catalog, in each
    unit's origin), and every problem of the catalogs as `read_catalog` reports it and of the XLIFF files as
    `xliff` reads them (a bidi override or a C1 control in a unit, a DOCTYPE, a file too large: see `xliff`).
    """
    paths = tuple(paths)
    for path in paths:  # the option naming no memory at all: a usage error, before anything is read
        said = _no_memory(path, lang)
        if said:
            raise UsageError(f"--memory {path}: {said}")
    units: list[Unit] = []
    wrong = []
    for path in paths:
        catalog = po_path(path, lang) if path.is_dir() else path
        if path.is_dir():  # a memory folder's catalog is read only from inside it; a hard link is read there
            with named_source(path):
                place_inside(path, catalog, f"the {lang} catalog of this memory")
        char = first_refused(display_path(path))
        if char:
            wrong.append(problem(path, None, f"the name of this memory holds a {char}, which every unit it fills "
                                             "would carry into the catalog's comments", "rename it"))
        elif said := unreadable(path):
            wrong.append(problem(path, None, f"this translation memory {said}", GIVE))
        elif path.is_file() and path.suffix.lower() in XLIFF_SUFFIXES:
            units += _from_xliff(path, lang, wrong)
        elif catalog.is_file() and catalog.suffix.lower() in (".po", ".pot"):
            read = read_catalog(catalog, lang)
            other = _other_language(read, catalog, lang, path.is_dir())
            wrong += other
            units += [] if other else _from_catalog(read, catalog)
        else:  # a folder whose catalog stands but is no regular file (a FIFO, a folder): never opened
            wrong.append(problem(path, None, f"this folder has no {lang} catalog ({display_path(catalog)})",
                                 f"give a document folder translated into {lang}, or its catalog"))
    if wrong:
        raise InputError(wrong)
    return units


def _shared(length: int) -> int:
    """The fewest tokens a text of `length` tokens shares with a text whose similarity to it reaches `THRESHOLD`.

    2·M/(a+b) ≥ t needs b ≥ a·t/(2−t) (difflib's `real_quick_ratio`), so M ≥ t·(a+b)/2 ≥ a·t/(2−t); rounded down
    (a float's error can only lengthen the prefixes `_Candidates` reads, never drop a match)."""
    return max(1, math.floor(length * THRESHOLD / (2 - THRESHOLD) - 1e-9))


def _occurrences(tokens: list[str]) -> list[tuple[str, int]]:
    """The tokens as distinct items: (token, n) for the n-th occurrence of each, so that two texts' shared items
    are the bag intersection difflib's `quick_ratio` counts."""
    seen: dict[str, int] = {}
    found = []
    for token in tokens:
        seen[token] = seen.get(token, 0) + 1
        found.append((token, seen[token]))
    return found


class _Candidates:
    """The memory's English texts, indexed to find the few a text may be close to (prefix filtering, the
    similarity-join technique): two texts reaching `THRESHOLD` share at least `_shared(n)` of each one's n token
    occurrences, so, the occurrences of every text ordered the same way (rarest in the memory first), the first
    n − `_shared(n)` + 1 of each share one. Only the memory's prefixes are indexed and only a text's prefix looked
    up: the work grows with the texts that share a rare word, not with the memory's size. Every unit whose
    similarity reaches `THRESHOLD` is among the candidates (`_best` still measures each).

    An occurrence is held as its rank in that order (an int), so that ordering a text's and counting two texts'
    shared occurrences are done by `sorted` and set intersection, in C. `work` counts what the texts looked up so far
    cost (see WORK_MOST)."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.tokens = [words(unit.source) for unit in units]
        self.neighbours = [set(_occurrences(list(zip(tokens, tokens[1:])))) for tokens in self.tokens]
        occurrences = [_occurrences(tokens) for tokens in self.tokens]
        frequency = Counter(pair for pairs in occurrences for pair in pairs)
        order = sorted(frequency, key=lambda pair: (frequency[pair], pair))
        self.rank = {pair: rank for rank, pair in enumerate(order)}
        self.ranks = [sorted(self.rank[pair] for pair in pairs) for pairs in occurrences]
        self.index: dict[int, list[int]] = defaultdict(list)
        for number, ranks in enumerate(self.ranks):
            for rank in ranks[:len(ranks) - _shared(len(ranks)) + 1]:
                self.index[rank].append(number)
        self.work = 0

    def near(self, tokens: list[str]) -> tuple[list[tuple[int, int]], bool]:
        """(number, shared) of each unit whose similarity to a text of `tokens` may reach `THRESHOLD`, in the
        memory's order: its number in `units` and the token occurrences the two texts share; of at most EXAMINED
        units, those sharing the text's rarest tokens first, and whether there were more."""
        if not tokens:  # only a blank unit may be like a blank text
            return [(number, 0) for number, ranks in enumerate(self.ranks) if not ranks][:EXAMINED], False
        pairs = _occurrences(tokens)
        known = sorted(self.rank[pair] for pair in pairs if pair in self.rank)
        unknown = len(pairs) - len(known)  # in no unit: the rarest, first in the prefix, and found nowhere
        prefix = known[:max(0, len(pairs) - _shared(len(pairs)) + 1 - unknown)]
        mine, found, numbers = set(known), [], {}
        for rank in prefix:
            held = self.index.get(rank, [])[:EXAMINED + 1]
            numbers.update(dict.fromkeys(held))
            self.work += len(held)
            if len(numbers) > EXAMINED:
                break
        for number in sorted(list(numbers)[:EXAMINED]):
            ranks = self.ranks[number]
            self.work += len(ranks)
            if 2.0 * min(len(pairs), len(ranks)) / (len(pairs) + len(ranks)) >= THRESHOLD:  # real_quick_ratio
                found.append((number, len(mine.intersection(ranks))))
        return found, len(numbers) > EXAMINED


def _best(target: list[str], candidates: _Candidates) -> tuple[float, Unit | None, bool]:
    """The unit most like a text of the tokens `target` (the first among equals) and its similarity, and whether
    more units than were measured might have been (beyond CLOSEST, or EXAMINED: `_Candidates.near`).

    A unit is measured when difflib's quick upper bound (`quick_ratio` = 2·shared/(a+b), here from the index;
    `real_quick_ratio` is `near`'s) may still reach `THRESHOLD` and the best found, those sharing the most pairs of
    neighbouring tokens with the text first (the same words in another order share few), at most CLOSEST. Adds what
    it cost to `candidates.work`."""
    best, chosen, measured = 0.0, None, 0
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(target)
    near, more = candidates.near(target)
    quick = {number: 2.0 * shared / (len(target) + len(candidates.tokens[number])) if target else 1.0
             for number, shared in near if not target or 2.0 * shared >= THRESHOLD * (
                 len(target) + len(candidates.tokens[number]))}   # as difflib's quick_ratio
    mine = set(_occurrences(list(zip(target, target[1:]))))
    kept = {number: len(mine.intersection(candidates.neighbours[number])) for number in quick}
    candidates.work += sum(min(len(mine), len(candidates.neighbours[number])) for number in quick)
    counts = Counter(target)
    for number in sorted(quick, key=lambda number: (-kept[number], -quick[number], number)):
        if quick[number] < max(THRESHOLD, best):
            continue
        if measured == CLOSEST:
            return best, chosen and chosen[1], True
        measured += 1
        tokens = candidates.tokens[number]
        candidates.work += RATIO_WORK * (len(tokens) + len(target) + sum(counts[token] for token in tokens))
        matcher.set_seq1(tokens)
        ratio = matcher.ratio()
        if ratio >= THRESHOLD and (ratio > best or ratio == best and number < chosen[0]):
            best, chosen = ratio, (number, candidates.units[number])
    return best, chosen and chosen[1], more


def fill(catalog: Catalog, units: list[Unit], spent: int = 0) -> Filled:
    """Give each untranslated active entry of `catalog` its exact or close match from `units` (see the module); once
    the close matching's work reaches WORK_MOST, the entries after it in the catalog's order take exact matches only.
    `spent`: the work the command's catalogs filled before this one spent (one bound for the command, which holds
    the folder's lock for all its languages: review-14 R18); the Filled's `spent` counts this one's too."""
    exact: dict[tuple, Unit] = {}
    for unit in units:
        exact.setdefault((unit.source, unit.context), unit)
        exact.setdefault((unit.source, "*"), unit)
    first = list({unit.source: unit for unit in reversed(units)}.values())[::-1]  # the first of each English
    candidates: _Candidates | None = None  # indexed when the first entry without an exact match comes
    counts = [0, 0, 0, 0, 0]
    for message in catalog:
        if not message.id or message.string:
            continue
        unit = exact.get((message.id, message.context)) or exact.get((message.id, "*"))
        if unit is not None:
            message.string = unit.translation
            message.user_comments.append(f"{MARK}exact, from {unit.origin}")
            counts[0] += 1
            continue
        target = words(message.id)
        if len(target) > LONGEST:
            counts[3] += 1
            continue
        if (spent if candidates is None else candidates.work) >= WORK_MOST:  # (no index made past the bound)
            counts[4] += 1
            continue
        if candidates is None:
            candidates = _Candidates([unit for unit in first if len(words(unit.source)) <= LONGEST])
            candidates.work = spent
        ratio, unit, cut = _best(target, candidates)
        counts[2] += cut
        if unit is not None:
            message.string = unit.translation
            message.flags.add("fuzzy")
            message.previous_id = [unit.source]
            message.user_comments.append(f"{MARK}{int(ratio * 100)}% match, from {unit.origin}")
            counts[1] += 1
    return Filled(*counts, spent=spent if candidates is None else candidates.work)
