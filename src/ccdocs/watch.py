"""`ccdocs watch`: build a document folder, then rebuild it each time one of its files is saved.

The first round is built in this process; then workers are forked once (`standing.Standing`, one per CPU, at
most one per output) and make every later round's outputs, each output always in the same worker: no fork or
import lands in a rebuild. Each worker keeps, from one rebuild to the next, everything a change leaves as it was:
the modules and the registered fonts (inherited from the first round), the compiled figures (its `Sandbox`),
and, through its `sources.memo.Memo`, the parsed YAML files (document.yaml, data, theme), catalogs, the segments,
shapes and checks of unchanged texts, and the blocks of each content file whose rendered text is as it was
while no other input file changed (`kept.parsed`, keyed on `Session.basis`: the signature of every other file).
A change under `locales/<lang>/` rebuilds that language only; any other change rebuilds every language built.

A language's outputs are replaced together (`output.write_all`), and only when all of them were made: a failing
build prints its problems as `path:line:col: error: …` and leaves that language's previous outputs as they were.

What is watched: the folder, the folders of the documents it attaches, and the `--templates` folder; not the
output folder, editors' temporaries and backups, or a path leading out of the watched folders through a link.
A burst of saves is one rebuild, told by the files it leaves (`_saved`): an editor's temporary file written, then
renamed over the file (whatever its name: Python's `tempfile`, rsync's `.name.XXXXXX`, sed -i's `sedXXXXXX`,
JetBrains' `___jb_tmp___`), is that file saved once; a file removed or moved away is deleted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from .build import _languages, _write
from .errors import Collector, Failure, InputError, UsageError, display_path
from .output import check_writable, write_all
from .pipeline import Sources, read_sources, resolve
from .l10n.language import find_language
from .resources import ENV
from .sources.memo import Memo, signature
from .standing import Standing
from .templating import Sandbox
from .theme import load_theme
from .workers import WorkerLost, run_all, worker_count
from .writers import writer

LOCALES = "locales"
SPEC = "document.yaml"
CHECK_EVERY_MS = 1000  # how often the folder is looked at while nothing changes (a folder deleted or moved)
CLOCK_TICK = 50_000_000  # ns: how far a file system time may lag time.time_ns() (a coarse clock tick, with room)


class Gone(Failure):
    """The watched folder disappeared (deleted or moved): exit 1, the outputs left as they were."""


class Saves(DefaultFilter):
    """The changes a rebuild may depend on: watchfiles' default filter (version control folders, `.swp`, `~`,
    `.#name`) and besides editors' and office suites' temporaries and locks, the hidden `.part`/`.old` files of
    `output.write_all`, everything under `ignored` (the output folder), and any path that leads out of `roots`
    through a link."""

    ignore_entity_patterns = (*DefaultFilter.ignore_entity_patterns,
                              r"^#.*#$",              # Emacs auto-save
                              r"^4913$",              # Vim's probe of a folder's permissions
                              r"\.(tmp|bak|orig|kate-swp)$", r"^\.goutputstream-",  # gedit's, Kate's, …
                              r"^~\$", r"^\.~lock\..*#$",  # Word's and LibreOffice's lock files
                              r"___jb_(tmp|old)___$",  # JetBrains' safe write
                              r"^sed[A-Za-z0-9]{6}$",  # sed -i
                              r"^tmp[a-z0-9_]{8}$", r"^\..+\.[A-Za-z0-9]{6}$",  # Python's tempfile, rsync's
                              r"^\..*\.(part|old)$")  # write_all's temporaries and backups

    def __init__(self, roots: list[Path], ignored: list[Path]):
        super().__init__(ignore_paths=[str(path) for path in ignored])
        self.roots = roots

    def __call__(self, change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        where = Path(path).resolve()
        return any(where.is_relative_to(root) for root in self.roots)


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
    read_at: int = 0  # time.time_ns() when `sources` began to be read

    def roots(self, sources: Sources | None = None) -> list[Path]:
        """The folders to watch: the document's, those of the documents it attaches (as `sources` tell, else as
        last read), and the templates folder given by --templates or CCDOCS_TEMPLATES; resolved."""
        found = [self.folder]
        sources = sources or self.sources
        waiting = [sources] if sources else []
        while waiting:
            sources = waiting.pop()
            found += [inner.spec.folder for inner in sources.attached]
            waiting += list(sources.attached)
        if os.environ.get(ENV) and Path(os.environ[ENV]).is_dir():
            found.append(Path(os.environ[ENV]))
        return list(dict.fromkeys(path.resolve() for path in found))

    def basis(self, sources: Sources, lang: str, read_at: int) -> tuple | None:
        """What the kept blocks of a content file in `lang` depend on besides its own text (`kept.parsed`): the
        signature of every file under the watched folders (but the output folder and version control's) that
        is not a content text, and of the toolkit's files of `lang` (its profile and catalog), by path.

        None (nothing kept this round) when one of those files changed after `sources` began to be read at
        `read_at` (time.time_ns(), less a file system clock's tick): `sources` may then hold its former data
        under its new signature, and blocks made of it would be given back at the next rounds."""
        texts, waiting = set(), [sources]
        while waiting:
            inner = waiting.pop()
            texts |= {str(path.resolve()) for path in inner.texts}
            waiting += list(inner.attached)
        out, found = str(self.out.resolve()), {}  # by path: roots may overlap (a house language's locales)
        for root in [*self.roots(sources), find_language(lang).locales_dir.resolve()]:
            for top, folders, files in os.walk(root):
                folders[:] = [name for name in folders if name not in Saves.ignore_dirs
                              and os.path.join(top, name) != out]
                found.update((path, signature(path)) for name in files
                             for path in [os.path.join(top, name)] if path not in texts)
        if any(version is not None and version[4] >= read_at - CLOCK_TICK for version in found.values()):
            return None
        return tuple(sorted(found.items()))

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
        rebuilds every language."""
        try:
            self._round(changed)
        except OSError as exc:
            self._gone()
            self.whole = True
            where = display_path(Path(exc.filename)) if exc.filename else display_path(self.folder)
            self.echo(f"{where}: error: {exc.strerror or exc} while it was read (save it again)", True)
        except WorkerLost as exc:  # told; the next round forks new workers
            self.close()
            self.whole = True
            self.echo(f"ccdocs: error: {exc}", True)
        if self.standing is None and self.sources is not None:
            count = worker_count(len(self.formats) * len(self.languages or self.sources.spec.languages))
            if count > 1:  # the workers of the next rounds, forked now (no fork in a rebuild)
                self.standing = Standing(count, self.memo, self)
                self.standing.start()

    def _gone(self) -> None:
        if not self.folder.is_dir():
            raise Gone(f"{display_path(self.folder)} is no longer a folder (deleted or moved): stopped watching; "
                       f"the outputs in {display_path(self.out)} were left as they were")

    def _round(self, changed: dict[Path, str] | None) -> None:
        start = time.perf_counter()
        self.written = []
        self._gone()
        self.memo.next_round()
        what = _changes(changed)
        problems = Collector()
        with self.memo.active():
            try:
                if self.standing is None or self.whole or any(path.name == SPEC for path in changed):
                    self.read_at = time.time_ns()
                    self.sources = read_sources(self.folder)  # else the workers read it: no document.yaml changed,
                    theme = load_theme(self.sources.spec.theme, self.sources.spec.folder)  # so neither did the
                chosen = _languages(self.sources, self.languages)  # languages, outputs and folders watched
            except InputError as exc:
                self.whole = True
                return self._report(what, exc.problems, [], [], start)
            languages = chosen if self.whole else self.affected(changed, chosen)
            self.whole = False
            slug = self.sources.spec.slug
            outputs = [(lang, fmt, self.out / lang / f"{slug}.{fmt}") for lang in chosen for fmt in self.formats]
            if self.standing is None:
                outcomes = self._here(languages, theme, problems)
        if self.standing is not None:  # each output made by the worker of its place among every output
            outcomes = self.standing.run(self.rounds, [(slot, partial(_made, lang, path, fmt))
                                                       for slot, (lang, fmt, path) in enumerate(outputs)
                                                       if lang in languages])
        made: dict = {}
        for result, found in outcomes:
            _add(problems, found)
            made.update(result or {})
        self.rounds += 1
        written, kept = [], []
        self.whole = any(path not in made for lang, _, path in outputs if lang in languages)  # all, after a failure
        for lang in languages:
            paths = [path for code, _, path in outputs if code == lang]
            if not all(path in made for path in paths):
                kept.append(lang)
                continue
            try:
                write_all({path: made[path] for path in paths})
                written.append(lang)
                self.written += [display_path(path) for path in paths]
            except (UsageError, Failure) as exc:  # an output place taken by a folder, a full disk: said, kept
                self.echo(f"ccdocs: error: {exc}", True)
                kept.append(lang)
        unwritten = [lang for lang in kept if not any(path.exists() for code, _, path in outputs if code == lang)]
        self._report(what, problems.problems, written, kept, start, skipped=not languages, unwritten=unwritten)

    def _here(self, languages: list, theme, problems: Collector) -> list[tuple]:
        """The outcomes of writing `languages` in this process (the first round, so that the workers forked after
        it inherit what it read and registered; every round without workers), each language resolved once."""
        docs = {}
        for lang in languages:
            try:
                with self.memo.active(self.basis(self.sources, lang, self.read_at)):
                    docs[lang] = resolve(self.sources, lang, self.draft, sandbox=self.sandbox, theme=theme)
            except InputError as exc:
                _add(problems, exc.problems)
        slug = self.sources.spec.slug
        jobs = [partial(_write, self.out / lang / f"{slug}.{fmt}", fmt, doc, theme, translated=(self.sources, lang))
                for lang, doc in docs.items() for fmt in self.formats]
        return [(result[0] if result else None, found) for result, found in run_all(jobs, 1)]

    def close(self) -> None:
        """End the workers, if any."""
        if self.standing is not None:
            self.standing.close()
            self.standing = None

    def _report(self, what: str, problems: list, written: list, kept: list, start: float, skipped=False,
                unwritten=()) -> None:
        """The problems, then the status line: `12:03:45 content/a.md saved: en rebuilt (docx, pdf) in 0.28 s`;
        `kept`: the languages not written this round, `unwritten` those of them with no earlier output either."""
        for item in problems:
            self.echo(str(item), True)
        seconds = time.perf_counter() - start
        said = []
        if written:
            said.append(f"{', '.join(written)} {'built' if what == 'start' else 'rebuilt'} "
                        f"({', '.join(self.formats)})")
        if problems or kept:
            count = len(problems)
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


def _made(lang: str, path: Path, fmt: str, session: Session) -> dict:
    """One output of the `session`'s folder in `lang` as its bytes by `path`: read, resolved and written, in a
    standing worker (`session` is its copy) whose memo gives back what it kept of each step. Raises InputError
    with the problems found."""
    read_at = time.time_ns()
    sources = read_sources(session.folder)
    theme = load_theme(sources.spec.theme, sources.spec.folder)
    with session.memo.active(session.basis(sources, lang, read_at)):
        doc = resolve(sources, lang, session.draft, sandbox=session.sandbox, theme=theme)
    return _write(path, fmt, doc, theme, None, (sources, lang))[0]


def _add(problems: Collector, found) -> None:
    """Add the problems not told yet (the same problem of a content file found in two languages is told once)."""
    seen = set(problems.problems)
    problems.extend(item for item in dict.fromkeys(found) if item not in seen)


def _changes(changed: dict[Path, str] | None) -> str:
    """What changed, for the status line: `content/a.md saved`, `content/b.md deleted`, `3 files saved
    (content/a.md, …)`, `content/a.md saved, content/b.md deleted`, or `start`."""
    if changed is None:
        return "start"
    said = []
    for how in ("saved", "deleted"):
        names = sorted(display_path(path) for path, what in changed.items() if what == how)
        if len(names) == 1:
            said.append(f"{names[0]} {how}")
        elif names:
            said.append(f"{len(names)} files {how} ({names[0]}, …)")
    return ", ".join(said)


def _saved(changes: set[tuple[Change, str]]) -> dict[Path, str]:
    """What a burst of changes (watchfiles') did to each file, `saved` or `deleted`, by path: a file there now is
    saved; one gone that was there before the burst is deleted; one the burst both made and removed (an editor's
    temporary, renamed over the file it saves) is left out."""
    made, gone = set(), set()
    for change, path in changes:
        (made if change == Change.added else gone).add(Path(path))
    return {path: "saved" if path.exists() else "deleted" for path in sorted(made | gone)
            if path.exists() or path not in made}


def run(folder: Path, out: Path, languages, formats, draft: bool, echo: Callable) -> None:
    """Build `folder`, print where its outputs are, then rebuild it at every save until interrupted (Ctrl-C:
    KeyboardInterrupt, as raised by watchfiles). Raises Gone when the folder disappears; UsageError (an
    OutputError) when `out` cannot be written."""
    check_writable(out)
    for fmt in formats:
        writer(fmt)  # imported before any worker is forked
    session = Session(folder, out, languages, tuple(formats), draft, echo)
    try:
        _watch(session, folder, out)
    finally:
        session.close()


def _watch(session: Session, folder: Path, out: Path) -> None:
    """`run`'s rounds: the first, then one per burst of saves."""
    echo = session.echo
    roots = session.roots()
    before = roots, _snapshot(roots, Saves(roots, [out.resolve()]))  # what is saved until a watcher is set up
    session.round(None)
    echo(f"ccdocs: watching {display_path(folder)} for saves (Ctrl-C to stop); outputs: "
         f"{', '.join(session.written) or f'none written yet (to {display_path(out)}, once the errors are fixed)'}",
         False)
    while True:
        roots = session.roots()
        saves = Saves(roots, [out.resolve()])
        for changes in _watching(session, roots, saves):
            changed = _saved(changes)
            if before is not None:  # the watcher is set up: what was saved since `before` was taken
                changed |= _differences(before[1], _snapshot(before[0], saves))
                before = None
            if changed:
                session.round(changed)
            elif not folder.is_dir():
                session.round({})  # raises Gone
            if session.roots() != roots:
                break  # a document attached or detached: watch its folder too
        roots = session.roots()
        before = roots, _snapshot(roots, Saves(roots, [out.resolve()]))


def _watching(session: Session, roots: list[Path], saves: Saves):
    """watchfiles' bursts of changes under `roots`, or a timeout's empty burst. Raises Gone when the folder
    vanished before the watcher was set up (watchfiles' FileNotFoundError)."""
    try:
        yield from watch(*roots, watch_filter=saves, rust_timeout=CHECK_EVERY_MS, yield_on_timeout=True)
    except FileNotFoundError:
        session._gone()
        raise


def _snapshot(roots: list[Path], saves: Saves) -> dict[Path, tuple | None]:
    """The signature of every file under `roots` that `saves` lets through, by path."""
    found = {}
    for root in roots:
        for top, folders, files in os.walk(root):
            folders[:] = [name for name in folders if saves(None, os.path.join(top, name))]
            for name in files:
                path = os.path.join(top, name)
                if saves(None, path):
                    found[Path(path)] = signature(path)
    return found


def _differences(before: dict, now: dict) -> dict[Path, str]:
    """The paths added or changed (`saved`) or removed (`deleted`) from one snapshot to the other."""
    return {path: "saved" if path in now else "deleted" for path in before.keys() | now.keys()
            if before.get(path) != now.get(path)}
