"""What a build may print of a translation: every segment's status, the final build's refusal, the draft's marks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import ClassVar
from pathlib import Path

from ..errors import InputError, Problem, display_path
from ..l10n.catalog import Catalog
from ..l10n.language import Language, profile_of
from ..tables.texts import reads_alike
from ..transforms.references import label_words
from .cached import code, read_kept, write_kept
from .catalogs import ContentCatalog, po_path
from .checkers import Entry, check
from .extract import DATA, content_files, context, document_segments
from .glossary import glossary
from .segments import Segment
from .structure import breaking

STATUSES = ("translated", "fuzzy", "untranslated", "failing")
TABLE_KINDS = (DATA, "cell")  # the segments of tables: a table text of document.yaml or a data file, a pipe table's cell
ATTRIBUTION = ("—", "--", "―")


@dataclass(frozen=True)
class Assessment:
    """One segment of the source and how its translation stands: status, text, previous msgid, problems.

    `at` is the catalog file and line of the translation's msgstr, where a problem it causes is reported.
    """

    segment: Segment
    place: str
    status: str
    translation: str = ""
    previous: str = ""
    problems: tuple = ()
    at: tuple | None = None


def assess_message(segment: Segment, place: str, message, lang: str, at: tuple | None = None,
                   glossary: tuple = (), profile: Language | None = None, checked: dict | None = None) -> Assessment:
    """The status of one segment given its catalog message (None when the catalog lacks it); `glossary`: the
    `glossary.Term`s its translation must render; `profile`: the profile of `lang` when the caller has it;
    `checked`: the problems of the texts checked before with the same `lang`, `glossary` and `profile` (`_checked`).

    A table text that reads the same in every language (`P4`, `2025`, `ASG`: `tables.texts.reads_alike`) is
    translated as it stands until a translator writes another translation.
    """
    if (message is None or not message.string) and segment.kind in TABLE_KINDS and reads_alike(segment.msgid):
        return Assessment(segment, place, "translated", segment.msgid)
    if message is None or not message.string:
        return Assessment(segment, place, "untranslated", at=at)
    previous = "\n".join(message.previous_id) if message.previous_id else ""
    problems = _checked(Entry(place, segment.msgid, message.string, lang, glossary, profile, segment.kind == DATA),
                        checked)
    status = "fuzzy" if message.fuzzy else ("failing" if problems else "translated")
    return Assessment(segment, place, status, message.string, previous, problems, at)


def _checked(entry: Entry, checked: dict | None) -> tuple[str, ...]:
    """`check(entry)`; with `checked`, a text and translation checked before (a message used in several places)
    are not checked again: their messages, which begin with the entry's name, are given the name of this one."""
    key = _pair(entry.source, entry.translation, entry.plain)
    if checked is None or checked.get(key) is None:
        problems = tuple(check(entry))
        if checked is not None and all(problem.startswith(entry.name) for problem in problems):
            checked[key] = (entry.name, problems)
        return problems
    name, problems = checked[key]
    return tuple(entry.name + problem[len(name):] for problem in problems)


def _pair(source: str, translation: str, plain: bool) -> tuple:
    """What names a checked text and translation: a plain one (a table text) is checked further than the same pair
    in Markdown (`checkers.plain_markup`)."""
    return (source, translation, "plain") if plain else (source, translation)


def assess(segments: Iterable[Segment], catalog: ContentCatalog, lang: str,
           place: Callable[[Segment], str] | None = None, glossary: tuple = ()) -> list[Assessment]:
    """Each segment, in order, against the catalog of `lang`; named by `place` (default: file and line); the
    translations checked against the terms of `glossary` too."""

    def where(segment: Segment) -> str:
        if segment.kind == DATA:
            return "table text"
        return place(segment) if place else f"{segment.file}:{segment.line}"

    found, profile = [], profile_of(lang)  # the profile looked up once for the catalog's every message
    key = _checks_key(catalog, lang, profile, glossary)
    passed = read_kept("checks", key, code()) or frozenset()
    checked = {pair: ("", ()) for pair in passed}  # no problem whatever the entry's name
    for segment in segments:
        message = catalog.get(segment.msgid, context(segment))
        at = catalog.where(message) if message is not None else None
        found.append(assess_message(segment, where(segment), message, lang, at, glossary, profile, checked))
    passing = frozenset(pair for item in found  # a table text translated as it stands was not checked: left out
                        if checked.get(pair := _pair(item.segment.msgid, item.translation, item.segment.kind == DATA),
                                       (None, None))[1] == ())
    if passing != passed:
        write_kept("checks", key, passing, code())
    return found


def _checks_key(catalog: ContentCatalog, lang: str, profile: Language | None, glossary: tuple) -> tuple:
    """What the checks of a catalog's translations (`checkers.check`) read besides each text and its translation,
    and the code (`cached.code`): the language, its profile (punctuation, quotation marks, spacing), the glossary's
    terms and the words the toolkit catalog's labels print (`label_words_around`); and the catalog's file, so that
    each document keeps its own entry. The translations that pass every check are kept in the per-user cache under
    it (`assess`): a fresh process (each build's model worker) checks only the others again, which the checks of a
    Chinese model spent half its first resolve of the sample on. A failing one is checked again each time: its
    messages name places and files as shown from the working folder."""
    try:
        words = tuple(tuple(sorted(side)) for side in label_words(Catalog.load(lang)))
    except (FileNotFoundError, InputError):  # no toolkit catalog: a check needing its words raises, keeping nothing
        words = None
    return str(catalog.path), lang, repr(profile), repr(glossary), repr(words)


def _kept_structure(items: list[Assessment], at: dict, shown: str, text: str) -> None:
    """Make each translation of one content file that changes the file's blocks fail, saying what it makes; `at`:
    the index in `items` of each translated segment of the file by its line (`_by_file`)."""
    for line, what in breaking(text, shown, {line: items[n].translation for line, n in at.items()}).items():
        item = items[at[line]]
        message = (f"{item.place}: the translation changes the structure of the paper: Markdown reads it as "
                   f"{what}, where the source is one {item.segment.kind} (translate the words only, without "
                   "Markdown marks such as `#`, `-`, `>`, `1.`, `:::`, `[^…]:` or `{…}` of a block's own)")
        status = "failing" if item.status == "translated" else item.status
        items[at[line]] = replace(item, status=status, problems=item.problems + (message,))


def _by_file(items: list[Assessment]) -> dict[str, dict[int, int]]:
    """The translated segments of the content files (not a table text): file as shown -> line -> index in `items`,
    made in one pass (breaks-7 #2: walking every item for each file made a paper of many files quadratic)."""
    found: dict[str, dict[int, int]] = {}
    for n, item in enumerate(items):
        if item.segment.kind != DATA and item.translation:
            found.setdefault(item.segment.file, {})[item.segment.line] = n
    return found


def assess_document(sources, catalog: ContentCatalog, lang: str,
                    place: Callable[[Segment], str] | None = None) -> list[Assessment]:
    """Every segment of a document (`pipeline.Sources`) against the catalog, each content file's shape kept, its
    terms those of the toolkit's and the document's glossaries of `lang` (`glossary.glossary`)."""
    items = assess(document_segments(sources), catalog, lang, place, glossary(sources.spec.folder, lang))
    by_file = _by_file(items)
    for path, text in content_files(sources):
        shown = display_path(path)
        if shown in by_file:  # a file of no translation keeps its shape
            _kept_structure(items, by_file[shown], shown, text)
    return items


def pending(assessments: Iterable[Assessment]) -> list[Assessment]:
    """The segments a final build refuses: untranslated, fuzzy or failing a check."""
    return [a for a in assessments if a.status != "translated"]


def by_message(assessments: Iterable[Assessment]) -> dict[tuple, str]:
    """(msgid, msgctxt) -> status of each catalog message the segments stand for, counted as `msgfmt --statistics`
    counts; a message used in several places takes the furthest status from final of its places (a structure
    check fails one place, not the others)."""
    rank = {status: n for n, status in enumerate(("translated", "fuzzy", "untranslated", "failing"))}
    messages: dict[tuple, str] = {}
    for item in assessments:
        key = (item.segment.msgid, context(item.segment))
        messages[key] = max(messages.get(key, item.status), item.status, key=rank.__getitem__)
    return messages


def first_words(text: str, limit: int = 60) -> str:
    """The start of a segment on one line, cut at a word with `…` when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def problems(assessments: Iterable[Assessment], severity: str = "error") -> list[Problem]:
    """Each pending segment where the translator works on it, the catalog's msgstr line first, then the source's:
    `content.po:231: error: untranslated segment of content/02-work.md:14 (report ¶12): "…"` (or fuzzy), and
    `content.po:231: error: translation of content/02-work.md:14 fails a check: report ¶12: …`.

    A segment the catalog has no entry for yet (the catalog not updated since the source changed) is told at its
    source's line, since no catalog line holds it.
    """
    found = []
    for item in pending(assessments):
        segment = item.segment
        source = f"{display_path(segment.file)}:{segment.line}"
        if item.status == "failing":
            messages = [f"translation of {source} fails a check: {message}" for message in item.problems]
        else:
            shown = f" ({item.place})" if item.place != source else ""
            messages = [f'{item.status} segment of {source}{shown}: "{first_words(segment.msgid)}"']
        path, line = (display_path(item.at[0]), item.at[1]) if item.at else (display_path(segment.file), segment.line)
        found += [Problem(path, line, None, message, None, severity) for message in messages]
    return found


@dataclass(frozen=True)
class Tally(Problem):
    """The problem that ends a refusal, summing up the segments told before it (`3 of 45 messages in `zh` are not
    ready for a final build`): a summary, not one more thing to fix (`errors.counted`); of the catalog of `lang` in `folder` (the
    document's folder as displayed); `kinds`: what is pending, sorted (`kinds`)."""

    summary: ClassVar[bool] = True
    lang: str = ""
    folder: str = ""
    kinds: tuple = ()


def kinds(assessments: Iterable[Assessment]) -> tuple[str, ...]:
    """What the pending segments of `assessments` are, sorted, each once: `new` (no catalog entry yet: `i18n
    update` adds it), `untranslated` (an empty entry), `fuzzy`, `failing` (a check)."""
    return tuple(sorted({"new" if item.at is None else item.status for item in pending(assessments)}))



def refusal(assessments: list[Assessment], po: Path, folder: Path, lang: str,
            built: Path | None = None) -> list[Problem]:
    """Why a final build of `lang` stops: each pending segment, then the catalog with how many of its messages are
    not final (counted as `i18n stats` and msgfmt count) and what to do next. `built`:
    the folder being built when it is not `folder` (a transmittal attaching the document in `folder`)."""
    waiting = pending(assessments)
    messages = by_message(assessments)
    unready = sum(status != "translated" for status in messages.values())
    shown = display_path(folder)
    new = sum(item.at is None for item in waiting)
    first = (f"run `ccdocs i18n update {shown} --lang {lang}` first: the source changed since the catalog was "
             f"updated, which has no entry yet for {new} of the segments above; then " if new else "")
    return problems(waiting) + [Tally(
        display_path(po), None, None, f"{unready} of {len(messages)} messages in `{lang}` {'is' if unready == 1 else 'are'} not ready for a final "
        "build (as `ccdocs i18n stats` counts them)",
        f"{first}build a draft with `ccdocs build {display_path(built or folder)} --draft`; see them with "
        f"`ccdocs i18n review {shown} --lang {lang} -o review.html`", lang=lang, folder=shown,
        kinds=kinds(assessments))]


def unbegun(spec, lang: str, waiting: int, built: Path | None = None) -> Problem:
    """Why a final build of `lang` stops when the document (a `DocumentSpec`) has no catalog of it at all: its
    `waiting` segments are as untranslated as a catalog's empty entries, which `refusal` refuses; told at the
    language in `languages:`, naming the catalog to make. `built`: the folder being built when it is not the
    document's (a transmittal attaching it)."""
    po, shown = display_path(po_path(spec.folder, lang)), display_path(spec.folder)
    keys = ("languages", spec.languages.index(lang)) if lang in spec.languages else ("languages",)
    return spec.yaml.problem(
        keys, f"`{lang}` has no catalog ({po} does not exist): the {lang} paper would print its {waiting} "
        f"segment{'s' if waiting != 1 else ''} in {spec.source}, untranslated",
        f"make the catalog with `ccdocs i18n update {shown} --lang {lang}` and translate it; until then "
        f"`ccdocs build {display_path(built or spec.folder)} --draft` prints the {spec.source} text marked "
        f"untranslated, and `--lang {spec.source}` builds the {spec.source} paper alone")


def marked(segment: Segment, stamp: str) -> str:
    """The source of a segment with a bold stamp: before it, or after it where the start has a meaning."""
    mark = f"**[{stamp}]**"
    if segment.kind == "cell":  # a cell prints plain text, or is wholly bold (`parse.pipe_tables.cell_text`)
        bold = len(segment.msgid) > 4 and segment.msgid.startswith("**") and segment.msgid.endswith("**")
        return f"**[{stamp}] {segment.msgid[2:-2]}**" if bold else f"[{stamp}] {segment.msgid}"
    if segment.kind == "keyfigure" or segment.msgid.startswith(ATTRIBUTION):
        return f"{segment.msgid} {mark}"
    return f"{mark} {segment.msgid}"


def translator(assessments: Iterable[Assessment], stamp: str) -> Callable[[Segment], str]:
    """Segment -> its translation when finished, else its source marked with `stamp` (the draft's text)."""
    done = {a.segment.msgid: a.translation for a in assessments if a.status == "translated"}
    return lambda segment: done.get(segment.msgid) or marked(segment, stamp)
