"""`ccdocs watch`: build a document folder, then rebuild it each time one of its files is saved.

The first round is built in this process; then workers are forked once (`standing.Standing`, one per CPU, at
most one per output) and make every later round's outputs, each output always in the same worker: no fork or
import lands in a rebuild. Each worker keeps, from one rebuild to the next, everything a change leaves as it was:
the modules and the registered fonts (inherited from the first round), the compiled figures (its `Sandbox`),
and, through its `sources.memo.Memo`, the parsed YAML files (document.yaml, data, theme), catalogs, the segments,
shapes and checks of unchanged texts, and the blocks of each content file whose rendered text is as it was
while no other input file changed (`kept.parsed`, keyed on `basis`: the signature of every other file, editors'
temporaries aside, taken once per round by the parent: `Session.files`).
A change under `locales/<lang>/` rebuilds that language only; any other change rebuilds every language built.

A language's outputs are replaced together (`output.write_all`), and only when all of them were made: a failing
build prints its problems as `path:line:col: error: …` and leaves that language's previous outputs as they were.

What is watched: the folder, the folders of the documents it attaches, what ccdocs reads of the `--templates` folder
(its `themes/`, `cover-notes/` and `locales/`, and the folder itself for them to be made; its other files and
folders are never walked: it may be large, /usr), and the folder of any other file the build reads (`inputs.read_files`: a theme, cover-note frame or logo found among the
toolkit's own templates); not the outputs written (the rest of the output folder is: it may be the document's),
editors' temporaries and backups but those the build reads (`Saves`), or a path leading out of the watched
folders through a link. A save made while a round runs has a round of its own, also when that round changed the
folders watched (`_since`).
A burst of saves is one rebuild, told by the files it leaves (`_saved`): an editor's temporary file written, then
renamed over the file (whatever its name: Python's `tempfile`, rsync's `.name.XXXXXX`, sed -i's `sedXXXXXX`,
JetBrains' `___jb_tmp___`), is that file saved once; a file removed or moved away is deleted.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from .build import _languages, _write
from . import cache
from .errors import Collector, Failure, InputError, UsageError, counted, display_path, shown
from .i18n.policy import Tally, pending
from .inputs import read_files
from .output import check_distinct, check_inputs, check_not_led_out, check_writable, write_all
from .pipeline import Sources, assessed, read_sources, resolve
from .l10n.language import find_language
from .resources import COVER_NOTES, ENV, THEMES
from .sources.memo import Memo, signature
from .standing import Standing
from .templating import Sandbox
from .theme import load_theme
from .workers import WorkerLost, run_all, worker_count
from .writers import writer

LOCALES = "locales"
SPEC = "document.yaml"
NAMED = 3  # the files a status line names of each kind (saved, deleted); the others counted
CHECK_EVERY_MS = 1000  # how often the folder is looked at while nothing changes (a folder deleted or moved)
TEMPLATE_FOLDERS = (THEMES, COVER_NOTES, LOCALES)  # what ccdocs reads of a templates folder (resources, l10n.language)
CLOCK_TICK = 50_000_000  # ns: how far a file system time may lag time.time_ns() (a coarse clock tick, with room)


class Gone(Failure):
    """The watched folder disappeared (deleted or moved): exit 1, the outputs left as they were."""


class Saves(DefaultFilter):
    """The changes a rebuild may depend on: every file the sources read (`inputs()`: resolved paths, whatever
    their names), and any other but those of watchfiles' default filter (version control folders, `.swp`, `~`,
    `.#name`), editors' and office suites' temporaries and locks, the hidden `.part`/`.old` files of
    `output.write_all`, the outputs themselves (`outputs()`: resolved paths; not the whole output folder,
    which may be the document's or hold its inputs), the entries and key of ccdocs's per-user cache (`cached`),
    and what the templates folder (`templates`, resolved) holds beside what ccdocs reads of it (`aside`); no path
    under a folder that leads out of `roots` through a link. An entry of a watched folder that is itself a
    link leading out is a save (a content file replaced by one): its round refuses it as `check` does."""

    ignore_entity_patterns = (*DefaultFilter.ignore_entity_patterns,
                              r"^#.*#$",              # Emacs auto-save
                              r"^4913$",              # Vim's probe of a folder's permissions
                              r"\.(tmp|bak|orig|kate-swp)$", r"^\.goutputstream-",  # gedit's, Kate's, …
                              r"^~\$", r"^\.~lock\..*#$",  # Word's and LibreOffice's lock files
                              r"___jb_(tmp|old)___$",  # JetBrains' safe write
                              r"^sed[A-Za-z0-9]{6}$",  # sed -i
                              r"^tmp[a-z0-9_]{8}$", r"^\..+\.[A-Za-z0-9]{6}$",  # Python's tempfile, rsync's
                              r"^\..*\.(part|old)$")  # write_all's temporaries and backups

    def __init__(self, roots: list[Path], outputs: Callable[[], frozenset[str]] = frozenset,
                 inputs: Callable[[], frozenset[str]] = frozenset, templates: Path | None = None):
        super().__init__()
        self.roots = roots
        self.templates = templates
        self.outputs = outputs  # asked at each path: the outputs' names change with document.yaml
        self.inputs = inputs
        self.cache = _places(cache.cache_folder)  # the folder of the cache's entries, and its key file
        self.key = _places(cache.key_file)

    def __call__(self, change, path: str) -> bool:
        if not self.named(path):
            return False
        folder, name = os.path.split(path)
        where = Path(os.path.realpath(folder), name)  # the entry where its folder is, wherever it may lead
        return any(where.is_relative_to(root) for root in self.roots)

    def named(self, path: str) -> bool:
        """Whether `path` may be an input by its names alone: an input the sources read, or a folder holding
        one; else no editor's temporary, backup or lock, nothing under version control's folders, no output
        (where a link leads is not looked at), nothing of the templates folder's that ccdocs does not read."""
        if self.aside(path):
            return False
        if super().__call__(None, path):
            return path not in self.outputs() and not self.cached(path)
        inputs = self.inputs()
        return path in inputs or any(name.startswith(path + os.sep) for name in inputs)

    def aside(self, path: str) -> bool:
        """Whether `path` is in the templates folder beside what ccdocs reads of it (`TEMPLATE_FOLDERS`: a file
        at its top, any other folder and what it holds) and under no other folder watched: never walked, looked at
        nor a save, so that a templates folder holding much else (a repository, /usr) costs what it holds of
        templates, not a walk of it all at each round."""
        if self.templates is None:
            return False
        place = Path(path)
        if place == self.templates or not place.is_relative_to(self.templates):
            return False
        return place.relative_to(self.templates).parts[0] not in TEMPLATE_FOLDERS and not any(
            place.is_relative_to(root) for root in self.roots if root != self.templates)

    def cached(self, path: str) -> bool:
        """Whether `path` is an entry (`cache.entry`: kind-digest) or the key of ccdocs's per-user cache, which the
        build writes itself: never a save, wherever CCDOCS_CACHE or XDG_STATE_HOME puts them (inside the folder,
        the entries' writes would start a round of their own after each round). Other files of that folder are
        the user's, saves as any."""
        folder, name = os.path.split(path)
        return path in self.key or (folder in self.cache and cache.ENTRY.fullmatch(name) is not None)


def _places(where: Callable[[], Path]) -> frozenset[str]:
    """The place `where()` names, as written and resolved (a watched path is either); none when it names none."""
    try:
        place = where()
        return frozenset({os.path.abspath(place), os.path.realpath(place)})
    except (OSError, RuntimeError, ValueError):  # a home folder that cannot be found, a link loop, a NUL
        return frozenset()


@dataclass
class Session:
    """One folder built again and again in `languages` (None: the document's) and `formats` into `out`; each
    round's status line (and problems) given to `echo(text, err)`."""

    folder: Path
    out: Path
    languages: list | None
    formats: tuple
    draft: bool
    echo: Callable
    memo: Memo = field(default_factory=Memo)
    sandbox: Sandbox = field(default_factory=Sandbox)
    sources: Sources | None = None
    rounds: int = 0
    written: list = field(default_factory=list)  # the outputs the last round wrote, as displayed
    whole: bool = True  # the next round builds every language: the first, and any after a round that failed
    standing: Standing | None = None  # the workers forked after the first round (none with one output or no fork)
    named: tuple = (None, frozenset(), frozenset())  # the sources last read, their inputs and outputs (`inputs`)
    theme: object = None  # the theme read with the sources (`theme.Theme`), for its logo among the inputs

    def roots(self) -> list[Path]:
        """The folders to watch, resolved: the document's, those of the documents it attaches (as the sources last
        read tell), the templates folder given by --templates or CCDOCS_TEMPLATES, and the folder of each input
        outside those (a theme or cover-note frame found in the toolkit's own templates: `inputs`)."""
        templates = self.templates()
        found = self._document_folders() + ([templates] if templates is not None else [])
        outside = {Path(name).parent for name in self.inputs()
                   if not any(Path(name).is_relative_to(root) for root in found)}
        return found + sorted(outside)

    def _document_folders(self) -> list[Path]:
        """The document's folder and those of the documents it attaches (as the sources last read tell), resolved."""
        attached = [inner.spec.folder for inner in _documents(self.sources) if inner is not self.sources]
        return list(dict.fromkeys(path.resolve() for path in [self.folder, *attached]))

    def templates(self) -> Path | None:
        """The templates folder given by --templates or CCDOCS_TEMPLATES, resolved, of which only what ccdocs reads
        is watched (`Saves.aside`); None when there is none, or when it is a document's folder (watched whole)."""
        value = os.environ.get(ENV)
        if not value or not Path(value).is_dir():
            return None
        templates = Path(value).resolve()
        return None if templates in self._document_folders() else templates

    def inputs(self) -> frozenset[str]:
        """The resolved paths of the files a build of the sources last read reads (`inputs.read_files`, in every
        language built, with the theme's logo), whatever their names."""
        return self._named()[1]

    def outputs(self) -> frozenset[str]:
        """The resolved paths of the outputs the build writes (`<out>/<lang>/<slug>.<format>`), as the sources
        last read name them; none before they are read."""
        return self._named()[2]

    def _named(self) -> tuple:
        if self.named[0] is not self.sources:  # made once for each reading of the sources
            spec, out = self.sources.spec, self.out.resolve()
            languages = sorted({*spec.languages, *(self.languages or ())})
            outputs = frozenset(str(out / lang / f"{spec.slug}.{fmt}") for lang in languages for fmt in self.formats)
            inputs = frozenset(str(path.resolve()) for path in read_files(self.sources, languages, self.theme))
            self.named = self.sources, inputs, outputs
        return self.named

    def saves(self, roots: list[Path]) -> Saves:
        """The filter of the saves under `roots`: the inputs and outputs as the sources tell at each call."""
        return Saves(roots, self.outputs, self.inputs, self.templates())

    def files(self, languages: list[str]) -> dict[str, tuple | None]:
        """The signature of every file a round's outputs in `languages` may read, by path: under the watched
        folders (`roots`: as the sources last read tell) but the outputs, version control's and editors'
        temporaries, backups and locks that are not inputs (`Saves.named`), and the toolkit's files of each
        language (the locales folder of its profile and catalog). Taken once per round, before the workers read
        the folder (`basis`)."""
        roots = self.roots() + [find_language(lang).locales_dir.resolve() for lang in languages]
        return _snapshot(list(dict.fromkeys(roots)), self.saves(roots).named)

    def affected(self, changed: set[Path], chosen: list[str]) -> list[str]:
        """The languages a change touches: those whose `locales/<lang>/` a changed file is in, all for any other."""
        touched = set()
        for path in changed:
            lang = next((parts[1] for root in self.roots() if path.is_relative_to(root)
                         for parts in [path.relative_to(root).parts]
                         if len(parts) > 2 and parts[0] == LOCALES), None)
            if lang is None:
                return chosen
            touched.add(lang)
        return [lang for lang in chosen if lang in touched]

    def round(self, changed: dict[Path, str] | None) -> None:
        """Build everything (changed None: the first round, written in this process) or rebuild the languages
        `changed` touches (every language after a round that could not read the folder); one status line.
        `changed`: what happened to each file, `saved` or `deleted` (`_saved`). The outputs written: `written`.

        Raises Gone when the folder is no longer there, before the round or while it read the folder; a file
        that vanished or could not be read mid-round (an editor's save in progress) is told, and the next save
        rebuilds every language. Every round ends with its status line, its errors counted."""
        start = time.perf_counter()
        try:
            self._round(changed)
        except OSError as exc:
            self._gone()
            self.whole = True
            where = display_path(Path(exc.filename)) if exc.filename else display_path(self.folder)
            self._stopped(changed, start, f"{where}: error: {exc.strerror or exc} while it was read (save it again)")
        except WorkerLost as exc:  # told; the next round forks new workers
            self.close()
            self.whole = True
            self._stopped(changed, start, f"ccdocs: error: {exc}")
        if self.standing is None and self.sources is not None:
            count = worker_count(len(self.formats) * len(self.languages or self.sources.spec.languages))
            if count > 1:  # the workers of the next rounds, forked now (no fork in a rebuild)
                self.standing = Standing(count, self.memo, self)
                self.standing.start()

    def _stopped(self, changed: dict[Path, str] | None, start: float, error: str) -> None:
        """The `error` that stopped a round begun at `start`, and its status line: no language written."""
        kept = self._languages_kept()
        self._report(_changes(changed), [], [], kept, start, unwritten=self._unwritten(kept), refused=[error])

    def _languages_kept(self) -> list:
        """The languages a round that read nothing keeps: those asked for, else those the sources last read."""
        return self.languages or (self.sources.spec.languages if self.sources else [])

    def _gone(self) -> None:
        if not self.folder.is_dir():
            raise Gone(f"{display_path(self.folder)} is no longer a folder (deleted or moved): stopped watching; "
                       f"the outputs in {display_path(self.out)} were left as they were")

    def _round(self, changed: dict[Path, str] | None) -> None:
        start, since = time.perf_counter(), time.time_ns()
        self.written = []
        self._gone()
        self.memo.next_round()
        what = _changes(changed)
        problems = Collector()
        with self.memo.active():
            try:
                if self.standing is None or self.whole or any(path.name == SPEC for path in changed):
                    self.sources = read_sources(self.folder)  # else the workers read it: no document.yaml changed,
                    self.theme = load_theme(self.sources.spec.theme, self.sources.spec.folder)  # so neither did the
                chosen = _languages(self.sources, self.languages)  # languages, outputs and folders watched
            except InputError as exc:  # the languages as last read (or asked for) are kept
                self.whole = True
                kept = self._languages_kept()
                return self._report(what, exc.problems, [], kept, start, unwritten=self._unwritten(kept))
            languages = chosen if self.whole else self.affected(changed, chosen)
            self.whole = False
            slug = self.sources.spec.slug
            outputs = [(lang, fmt, self.out / lang / f"{slug}.{fmt}") for lang in chosen for fmt in self.formats]
            files = self.files(languages) if languages else {}  # once a round, before the workers read
            if self.standing is None:
                outcomes = self._here(languages, self.theme, problems, basis(files, self.sources, since))
        if self.standing is not None:  # each output made by the worker of its place among every output
            outcomes = self.standing.run(self.rounds, [(slot, partial(_made, lang, path, fmt, files, since))
                                                       for slot, (lang, fmt, path) in enumerate(outputs)
                                                       if lang in languages])
        made, marked = {}, {}
        for result, found in outcomes:
            _add(problems, found)
            made.update(result[0] if result else {})
            marked.update(result[1] if result else {})
        self.rounds += 1
        written, kept, refused = [], [], []
        self.whole = any(path not in made for lang, _, path in outputs if lang in languages)  # all, after a failure
        try:  # `out/en` a link to `out/zh`: told once a round, no language written
            check_distinct(path for _, _, path in outputs)
        except UsageError as exc:
            refused.append(f"ccdocs: error: {exc}")
        for lang in languages:
            paths = [path for code, _, path in outputs if code == lang]
            if refused or not all(path in made for path in paths):
                kept.append(lang)
                continue
            try:
                check_inputs(paths, read_files(self.sources, [lang]))
                write_all({path: made[path] for path in paths}, within=self.out)
                written.append(lang)
                self.written += [display_path(path) for path in paths]
            except (UsageError, Failure) as exc:  # an output place taken by a folder, a full disk: told, counted
                refused.append(f"ccdocs: error: {exc}")
                kept.append(lang)
        marked = {lang: marked[lang] for lang in written if marked.get(lang)}
        self._report(what, problems.problems, written, kept, start, skipped=not languages,
                     unwritten=self._unwritten(kept), marked=marked, refused=refused)

    def _unwritten(self, kept: list[str]) -> list[str]:
        """The languages of `kept` with no output written before (by this watch or earlier)."""
        slug = self.sources.spec.slug if self.sources else None
        return [lang for lang in kept
                if slug is None or not any((self.out / lang / f"{slug}.{fmt}").exists() for fmt in self.formats)]

    def _here(self, languages: list, theme, problems: Collector, kept_on: tuple | None) -> list[tuple]:
        """The outcomes of writing `languages` in this process (the first round, so that the workers forked after
        it inherit what it read and registered; every round without workers), each language resolved once, the
        blocks kept on `kept_on` (`basis`)."""
        docs, marked = {}, {}
        for lang in languages:
            try:
                with self.memo.active(kept_on):
                    docs[lang] = resolve(self.sources, lang, self.draft, sandbox=self.sandbox, theme=theme)
                    marked[lang] = _marked(self.sources, lang) if self.draft else 0
            except InputError as exc:
                _add(problems, exc.problems)
        slug = self.sources.spec.slug
        jobs = [partial(_write, self.out / lang / f"{slug}.{fmt}", fmt, doc, theme, translated=(self.sources, lang))
                for lang, doc in docs.items() for fmt in self.formats]
        return [((result[0], marked) if result else None, found) for result, found in run_all(jobs, 1)]

    def close(self) -> None:
        """End the workers, if any."""
        if self.standing is not None:
            self.standing.close()
            self.standing = None

    def _report(self, what: str, problems: list, written: list, kept: list, start: float, skipped=False,
                unwritten=(), marked=None, refused=()) -> None:
        """The problems, then the status line: `12:03:45 content/a.md saved: en rebuilt (docx, pdf) in 0.28 s`;
        `kept`: the languages not written this round, `unwritten` those of them with no earlier output either;
        `marked`: for a draft, the number of segments printed as their marked source text, by language;
        `refused`: the errors of outputs made but not written (`ccdocs: error: cannot write …`), told after the
        problems and counted with them. The tally closing a translation's refusal is not counted among the
        errors."""
        for line in [*shown(self._told(item) for item in problems), *refused]:
            self.echo(line, True)
        seconds = time.perf_counter() - start
        said = []
        if written:
            said.append(f"{', '.join(written)} {'built' if what == 'start' else 'rebuilt'}"
                        f"{' as drafts' if self.draft else ''} ({', '.join(self.formats)})")
        if marked:
            said.append(", ".join(f"{lang}: {count} segment{'s' if count != 1 else ''}"
                                  for lang, count in marked.items()) + " printed as their marked source text")
        if problems or kept:
            count = counted(problems) + len(refused)
            if what == "start" or not kept:
                fates = [(kept, "not written" if what == "start" else "previous outputs kept")]
            else:  # a language never written yet (its first round failed) has no previous outputs to keep
                fates = [(names, fate) for names, fate in (([lang for lang in kept if lang not in unwritten],
                                                             "previous outputs kept"), (list(unwritten), "not written"))
                         if names]
            said.append(f"{count} error{'s' if count != 1 else ''} ("
                        + "; ".join(f"{', '.join(names) + ': ' if names else ''}{fate}" for names, fate in fates)
                        + ")")
        if skipped and not problems:
            said.append("nothing to rebuild (no language built is touched: see --lang)")
        self.echo(f"{time.strftime('%H:%M:%S')} {what}: {'; '.join(said)} in {seconds:.2f} s", False)

    def _told(self, item):
        """A problem as the watch tells it: the tally closing a translation's refusal says what to do in a watch
        (build's hint names `ccdocs build … --draft`), and what each kind of pending segment asks (`Tally.kinds`)."""
        if not isinstance(item, Tally):
            return item
        source = self.sources.spec.source if self.sources else None
        ways = ["with `--draft` to build drafts"]
        if source and source != item.lang and (not self.languages or source in self.languages):
            ways.append(f"with `--lang {source}` to build the {source} text alone")
        todo = [what for kind, what in (
            ("new", f"`ccdocs i18n update {item.folder} --lang {item.lang}` adds new segments to the catalog"),
            ("untranslated", "translate the empty entries of the catalog"),
            ("fuzzy", "review the fuzzy entries of the catalog and remove their `fuzzy` flag"),
            ("failing", "correct the translations that fail a check")) if kind in item.kinds]
        return replace(item, hint=f"watch {' or '.join(ways)}; {'; '.join(todo + [''])}see them with `ccdocs i18n "
                                  f"review {item.folder} --lang {item.lang} -o review.html`")


def _made(lang: str, path: Path, fmt: str, files: dict, since: int, session: Session) -> tuple[dict, dict]:
    """One output of the `session`'s folder in `lang` as its bytes by `path`: read, resolved and written, in a
    standing worker (`session` is its copy) whose memo gives back what it kept of each step, the blocks kept on
    the `basis` of the round's `files`, taken from `since`; with, for a draft (in one format: `_counter`), the
    number of segments marked by language (`_marked`). Raises InputError with the problems found."""
    sources = read_sources(session.folder)
    theme = load_theme(sources.spec.theme, sources.spec.folder)
    with session.memo.active(basis(files, sources, since)):
        doc = resolve(sources, lang, session.draft, sandbox=session.sandbox, theme=theme)
        marked = {lang: _marked(sources, lang)} if session.draft and fmt == _counter(session.formats) else {}
    return _write(path, fmt, doc, theme, None, (sources, lang))[0], marked


def _counter(formats: tuple) -> str:
    """The format whose job also counts a draft's marked segments (`_marked`, 0.05-0.09 s for the sample in
    Chinese): the DOCX, the faster writer, so that the count does not lengthen the round."""
    return "docx" if "docx" in formats else formats[0]


def _marked(sources: Sources, lang: str) -> int:
    """How many segments a draft of `sources` (and the documents it attaches) in `lang` prints as their marked
    source text: those its catalog leaves untranslated, fuzzy or failing a check, every one without a catalog (none
    in its own language)."""
    return sum(len(pending(assessed(inner, lang))) for inner in _documents(sources) if lang != inner.spec.source)


def basis(files: dict[str, tuple | None], sources: Sources, since: int) -> tuple | None:
    """What the kept blocks of a content file depend on besides its own text (`kept.parsed`): the signatures of
    `files` (`Session.files`) but those of the content texts of `sources` and the documents it attaches.

    None (nothing kept this round) when one of those files changed after `since` (time.time_ns() before both
    the signatures were taken and `sources` was read, less a file system clock's tick): `sources` may then hold
    its former data under its new signature, and blocks made of it would be given back at the next rounds. A
    file changed after its signature was taken is read as it is now: its blocks, kept under the former
    signature, are not given back."""
    texts = {str(path.resolve()) for inner in _documents(sources) for path in inner.texts}
    found = [(path, version) for path, version in files.items() if path not in texts]
    if any(version is not None and version[4] >= since - CLOCK_TICK for _, version in found):
        return None
    return tuple(sorted(found))


def _documents(sources: Sources | None) -> list[Sources]:
    """`sources` and the documents it attaches, at any depth (none for None)."""
    found, waiting = [], [sources] if sources else []
    while waiting:
        inner = waiting.pop()
        found.append(inner)
        waiting += list(inner.attached)
    return found


def _add(problems: Collector, found) -> None:
    """Add the problems not told yet (the same problem of a content file found in two languages is told once)."""
    seen = set(problems.problems)
    problems.extend(item for item in dict.fromkeys(found) if item not in seen)


def _changes(changed: dict[Path, str] | None) -> str:
    """What changed, for the status line: `content/a.md saved`, `content/b.md deleted`, `2 files saved
    (content/a.md, content/b.md)`, `5 files saved (a.md, b.md, c.md and 2 more)`, `content/a.md saved,
    content/b.md deleted`, or `start`: up to NAMED names of each kind."""
    if changed is None:
        return "start"
    said = []
    for how in ("saved", "deleted"):
        names = sorted(display_path(path) for path, what in changed.items() if what == how)
        if len(names) == 1:
            said.append(f"{names[0]} {how}")
        elif names:
            shown = ", ".join(names[:NAMED]) + (f" and {len(names) - NAMED} more" if len(names) > NAMED else "")
            said.append(f"{len(names)} files {how} ({shown})")
    return ", ".join(said)


def _saved(changes: set[tuple[Change, str]]) -> dict[Path, str]:
    """What a burst of changes (watchfiles') did to each file, `saved` or `deleted`, by path: a file there now is
    saved; one gone that was there before the burst is deleted; one the burst both made and removed (an editor's
    temporary, renamed over the file it saves) is left out, and so is one gone whose name is that of a file the burst
    saved and more (`report.md.x1c9`, Python's tempfile beside `report.md`): such a temporary renamed over it after
    the burst that made it ended."""
    made, gone = set(), set()
    for change, path in changes:
        (made if change == Change.added else gone).add(Path(path))
    there = {path: path.exists() for path in made | gone}  # looked at once: a file may vanish meanwhile
    saved = {path for path in there if there[path]}
    return {path: "saved" if there[path] else "deleted" for path in sorted(there)
            if there[path] or path not in made and not _temporary_of(path, saved)}


def _temporary_of(path: Path, saved: set[Path]) -> bool:
    """Whether `path` is named as a temporary of one of the `saved` files: its name is one of theirs, a `.`, and
    more. Looked up at each `.` of its name, not against every file saved (a checkout saves thousands at once)."""
    name = path.name
    return any(name[index] == "." and path.with_name(name[:index]) in saved for index in range(1, len(name) - 1))


def run(folder: Path, out: Path, languages, formats, draft: bool, echo: Callable) -> None:
    """Build `folder`, print where its outputs are, then rebuild it at every save until interrupted (Ctrl-C or
    SIGINT: KeyboardInterrupt, as raised by watchfiles, even when started with SIGINT ignored). Raises Gone when
    the folder disappears; UsageError (an OutputError) when `out` cannot be written."""
    check_writable(out)
    check_not_led_out(out, [folder])
    cache.used()  # the per-user cache's folder and key checked once, for the workers forked later (warned once)
    for fmt in formats:
        writer(fmt)  # imported before any worker is forked
    session = Session(folder, out, languages, tuple(formats), draft, echo)
    try:
        with _interruptible():
            _watch(session, folder, out)
    finally:
        _stopping()
        session.close()


def _stopping() -> None:
    """The watch ends (Ctrl-C, or the folder gone): a second Ctrl-C from now on (an impatient editor's) is the
    first one's, ignored, not an interruption of the stop itself, which would leave the workers unjoined for
    multiprocessing's exit handler (a traceback) and end the command with build's `nothing was written`. The
    process ends after; the watch's own thread only (signals are the main thread's)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _interruptible():
    """Ctrl-C and `kill -INT` stop the watch while inside, also when this process began with SIGINT ignored, as a
    shell starts a script's background job (`ccdocs watch doc &`): a watch runs until it is stopped, and an
    editor stops it so (Node-based watchers behave alike). Python installs its handler only when SIGINT was not
    ignored, so it is installed here."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) != signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _watch(session: Session, folder: Path, out: Path) -> None:
    """`run`'s rounds: the first, then one per burst of saves. A round that changes the folders watched (a document
    attached or detached, a folder made or removed) ends the watcher, and the changes it queued meanwhile with it:
    what the new watcher finds changed since that round began (`_begun`, `_since`) is a burst of its own, so no save
    is lost."""
    echo = session.echo
    before = _begun(session)  # what was there before the round: compared once a watcher is set
    session.round(None)
    drafts = ", building drafts (segments not final printed as their marked source text)" if session.draft else ""
    echo(f"ccdocs: watching {display_path(folder)} for saves{drafts} (Ctrl-C to stop); outputs: "
         f"{', '.join(session.written) or f'none written yet (to {display_path(out)}, once the errors are fixed)'}",
         False)
    while True:
        roots = session.roots()
        saves = session.saves(roots)
        folders = _folders(roots, partial(saves, None))
        for changes in _watching(session, folders, saves):
            changed = _saved(changes)
            if before is not None:  # the watcher is set up: what was saved since `before` was taken
                changed |= _since(before, saves, _snapshot(roots, partial(saves, None)))
                before = None
            begun = _begun(session) if changed else None
            if changed:
                session.round(changed)
            elif not folder.is_dir():
                session.round({})  # raises Gone
            # a folder is made or removed only with a change seen: the idle timeouts' bursts walk nothing
            if session.roots() != roots or changes and _folders(roots, partial(saves, None)) != folders:
                before = begun or _begun(session)  # a document attached or detached, a folder made or removed
                break
        else:  # a folder removed as the watcher was set up: set it up again, the saves since then taken
            before = before or _begun(session)


def _begun(session: Session) -> tuple[int, dict[str, tuple | None]]:
    """What was there as a round begins: time.time_ns() less a file system clock's tick, then the signature of
    every file under the folders watched that may be a save (`Session.saves`)."""
    since, roots = time.time_ns() - CLOCK_TICK, session.roots()
    return since, _snapshot(roots, partial(session.saves(roots), None))


def _since(before: tuple[int, dict], saves: Saves, now: dict) -> dict[Path, str]:
    """The changes from `before` (`_begun`) to `now` (a snapshot through `saves`, whose folders and names may
    differ from those of `before`), as `_differences` gives them: a file `before` did not hold counts only when
    made or changed since (a folder newly watched is not all saved); one `now` does not hold only when `saves`
    still takes it (not a folder no longer watched, nor an output)."""
    since, then = before
    return {path: how for path, how in _differences(then, now).items()
            if (str(path) in then or now[str(path)] is not None and now[str(path)][4] >= since)
            and (str(path) in now or saves(None, str(path)))}


def _watching(session: Session, folders: list[str], saves: Saves):
    """watchfiles' bursts of changes in `folders` (each watched alone, not what it holds: `_folders`), or a
    timeout's empty burst; none when one of `folders` was removed before the watcher was set up (watchfiles'
    FileNotFoundError: set it up again). Raises Gone when that was the document's folder, Failure when the system
    refuses to watch a folder (its permissions; the per-user number of inotify watches, fs.inotify.max_user_watches,
    spent by other programs)."""
    try:
        yield from watch(*folders, watch_filter=saves, recursive=False, rust_timeout=CHECK_EVERY_MS,
                         yield_on_timeout=True)
    except FileNotFoundError:
        session._gone()
    except OSError as exc:
        raise Failure(f"cannot watch the files of {display_path(session.folder)}: {exc} (build it with `ccdocs "
                      "build` meanwhile; a folder that cannot be read: give its owner's permissions back; the "
                      "watch limit: close other programs watching files, or raise fs.inotify.max_user_watches)") \
            from None


def _folders(roots: list[Path], passes: Callable[[str], bool]) -> list[str]:
    """The folders under `roots` (themselves included) that may hold a save, as `_walk` finds them. Each is watched
    alone: watchfiles' recursive watch follows links (a link to /usr added 16,027 watches, one to /proc/1 stopped
    the watch with a permission error), and the files a link leads to are no inputs of the folder's."""
    return list(dict.fromkeys(top for top, _ in _walk(roots, passes)))


def _walk(roots: list[Path], passes: Callable[[str], bool]):
    """(folder, [the paths of its files that pass]) for `roots` and every folder under them whose path `passes`,
    links not followed (roots may overlap)."""
    for root in roots:
        for top, folders, files in os.walk(root):
            folders[:] = [name for name in folders if passes(os.path.join(top, name))]
            yield top, [path for name in files if passes(path := os.path.join(top, name))]


def _snapshot(roots: list[Path], passes: Callable[[str], bool]) -> dict[str, tuple | None]:
    """The signature of every file under `roots` whose path `passes`, by path, as `_walk` finds them."""
    return {path: signature(path) for _, paths in _walk(roots, passes) for path in paths}


def _differences(before: dict, now: dict) -> dict[Path, str]:
    """The paths added or changed (`saved`) or removed (`deleted`) from one snapshot to the other."""
    return {Path(path): "saved" if path in now else "deleted" for path in before.keys() | now.keys()
            if before.get(path) != now.get(path)}
