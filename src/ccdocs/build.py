"""Building document folders into files: every output made in memory, side by side, then written atomically."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial
from pathlib import Path

from . import cache
from .compiled_figures import Sandbox
from .l10n import fonts
from .l10n.language import OFFICIAL
from .errors import Collector, InputError, UsageError, counted, display_path
from .model import Document
from .inputs import read_files
from .output import check_inputs, check_not_led_out, check_targets, check_within, check_writable, write_all
from .pipeline import Sources, read_sources, resolve
from .preload import read_languages, read_locale_data, ready_line_setting, register_fonts
from .source_date import source_date
from .stopwatch import Stopwatch
from .theme import Theme, load_theme
from .workers import Readying, Shared, run_all, worker_count
from .writers import ready_writer, writer

# The formats by how long they take to write: the writes waiting for a worker start the slowest first (`_weight`).
SLOWNESS = {"pdf": 3, "docx": 1, "json": 0}
# The Markdown a single folder may hold (bytes) to be read and modelled by one worker (`_build_alone`): a longer
# paper's models outweigh that worker's head start, and are made a language a worker, as a batch's (make bench,
# b01bf43 against c395443, 2 CPUs: 500 paragraphs, 125 KB, 0.74 -> 0.65 s; 2,000, 490 KB, 1.28 s both ways;
# 5,000, 1.2 MB, 3.66 -> 4.08 s). The sample holds 66 KB.
ALONE_TEXT = 512 * 1024
WALKED = 5_000  # the entries of a folder `_text_size` looks at: a paper's folder has tens


def build(folders: list[Path], out: Path, languages=None, formats=("docx", "pdf"), draft: bool = False,
          clock: Stopwatch | None = None, workers: int | None = None, write: bool = True, progress=None,
          read: dict | None = None) -> list[Path]:
    """Build each folder in each language and format into `out/<lang>/<slug>.<fmt>`; the paths written.

    Each folder in each language is one job; the jobs run side by side in up to `workers` processes (default:
    one per CPU). Nothing is written unless every job succeeds; the problems of every job are raised together.
    A `draft` prints untranslated, fuzzy or failing segments as their marked source instead of refusing them;
    a `clock` collects the time spent per stage, summed over the jobs. Without `write` (`ccdocs check`),
    everything is made as for writing and the paths are given, but nothing is written and `out` is not looked at.
    `progress(folder, problems)` is called once per folder as soon as all its work has ended, with the number of
    its problems (0: built; `progress.Batch` shows it). `read`, when given, is filled with the Sources of each
    folder read, by folder (for the command to report on them without reading them again).

    Raises InputError (the problems of the input), UsageError (a malformed SOURCE_DATE_EPOCH; an OutputError for
    an output place that cannot be written, found before any work), WriteError, WorkerLost.
    """
    source_date()  # a malformed value is refused before any work
    fonts.check_environment()  # so is a CCDOCS_FONT_<ROLE> naming no role or no usable face
    cache.used()  # the per-user cache's folder and key checked once, for the workers forked below (warned once)
    if write:
        check_writable(out)
        check_not_led_out(out, folders)
    clock = clock or Stopwatch()
    if len(folders) == 1 and worker_count(1 + len(formats), workers) > 1 and _text_size(folders[0]) <= ALONE_TEXT:
        return _build_alone(folders[0], out, languages, formats, draft, clock, workers, write, progress, read)
    problems, jobs, owner = Collector(), [], []
    made_by: dict = {}  # output path -> the folders that would write it, in the order of the jobs
    faces: dict = {}  # (theme file, language) -> (Theme, language): the fonts a batch registers once, below
    spoken: dict = {}  # the languages the model jobs read the profile and catalog of (their source's too)
    sandbox = Sandbox()
    lacking: dict = {}  # folder -> (the languages asked for that a folder of a batch does not list, those it does)
    reads: dict = {}  # every file the folders read, by path: no output may replace one (`check_inputs`)
    for folder in folders:
        try:
            with clock.stage("read"):
                sources = read_sources(folder)
                if read is not None:
                    read[folder] = sources
                theme = load_theme(sources.spec.theme, sources.spec.folder)
            if len(folders) > 1 and (absent := [lang for lang in languages or () if lang not in
                                                sources.spec.languages]):
                lacking[folder] = absent, sources.spec.languages
                continue
            chosen = _languages(sources, languages)
        except InputError as exc:
            problems.extend(exc.problems)
            if progress:
                progress(folder, counted(exc.problems))
            continue
        owner += [folder] * len(chosen)
        if write:
            reads.update(read_files(sources, chosen, theme))
        faces.update({(theme.path, lang): (theme, lang) for lang in chosen})
        spoken.update(dict.fromkeys(filter(None, [*chosen, sources.spec.source])))
        jobs += [partial(_job, sources, theme, lang, out, tuple(formats), draft, sandbox) for lang in chosen]
        for path in (out / lang / f"{sources.spec.slug}.{fmt}" for lang in chosen for fmt in formats):
            made_by[path] = made_by.get(path, ()) + (folder,)
    if lacking:
        raise UsageError(f"--lang {','.join(languages)}: " + "; ".join(
            f"{display_path(folder)} does not list {', '.join(absent)} (its languages: {', '.join(listed)})"
            for folder, (absent, listed) in lacking.items())
            + ": leave these folders out of the batch, build them with their own --lang, or add the language to "
              "`languages:` in their document.yaml", problems.problems)
    twice = next((path for path, folders in made_by.items() if len(folders) > 1), None)
    if twice:
        raise UsageError(f"{twice} would be written by {' and '.join(map(display_path, made_by[twice]))} (their "
                         f"symbols make the same file name, `{twice.name}`): build them into different --out folders",
                         problems.problems)
    paths = list(made_by)
    if write:
        check_inputs(paths, reads)
        check_targets(paths)
        check_within(paths, out)
    # The first workers make the models, forked as soon as the sources are read and what every model job reads
    # first is read once (`shared`: each language's profile and toolkit catalog): what only writing needs is readied
    # here meanwhile, once, for the writers forked later (they inherit it): the slowest format's writer imported,
    # the faces of each language registered, its CLDR data read, the line setting readied, then the other writers
    # imported, each format's writes forked as soon as what they need is ready (`_needs`: the PDFs do not wait for
    # python-docx's import). One call a language: a worker's message is never kept waiting long.
    imports = [partial(ready_writer, fmt) for fmt in _by_slowness(formats)]
    prepare = imports[:1]
    if {"docx", "pdf"} & set(formats):
        prepare += [partial(register_fonts, [pair]) for pair in faces.values()]
        prepare += [partial(read_locale_data, [lang]) for lang in dict.fromkeys(lang for _, lang in faces.values())]
        prepare.append(partial(ready_line_setting, dict.fromkeys(lang for _, lang in faces.values())))
    prepare += imports[1:]
    ready = {fmt: len(prepare) - len(imports) + 1 + n for n, fmt in enumerate(_by_slowness(formats))}
    made: dict = {}
    clock.workers = worker_count(len(jobs), workers)
    for result, found in run_all(jobs, workers, partial(_told, owner, progress, {}) if progress else None,
                                 tuple(prepare), _weight, partial(_needs, ready, len(prepare)),
                                 shared=(partial(read_languages, spoken),)):
        _gathered(problems, found)
        if result:
            made.update(result[0])
            clock.add(result[1])
    return _finished(problems, made, paths, out, write, clock)


def _text_size(folder: Path) -> int:
    """The bytes of the Markdown files in `folder` and below (links and hidden folders such as `.git` not followed),
    counted up to ALONE_TEXT + 1: how long its paper is, before document.yaml is read (a few ms for a paper's
    folder). A folder of more than WALKED entries counts as past the bound (its walk would cost more than the
    single-folder layout saves: 200,000 files took 3.35 s)."""
    total, seen = 0, 0
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders
                      if not name.startswith(".") and not os.path.islink(os.path.join(top, name))]
        seen += len(folders) + len(files)
        if seen > WALKED:
            return ALONE_TEXT + 1
        for name in files:
            if name.endswith(".md"):
                try:
                    total += os.lstat(os.path.join(top, name)).st_size
                except OSError:  # gone or unreadable: the build tells it
                    continue
                if total > ALONE_TEXT:
                    return total
    return total


def _build_alone(folder: Path, out: Path, languages, formats, draft: bool, clock: Stopwatch, workers: int | None,
                 write: bool, progress, read: dict | None) -> list[Path]:
    """`build` of one folder side by side: one worker forked at once reads the folder and makes its models, one
    language after the other (`_folder_job`), while this process readies the writes, which it forks as each model
    hands them back. Reading the folder and importing the writers (some 0.15 s each for the sample) then run on two
    CPUs, where reading first and forking a model worker per language left one of them idle until the folder was
    read, and each model worker imported the model's modules (Jinja2, markdown-it...) again."""
    imports = [partial(ready_writer, fmt) for fmt in _by_slowness(formats)]
    ready = {fmt: n + 1 for n, fmt in enumerate(_by_slowness(formats))}
    job = partial(_folder_job, folder, out, languages, tuple(formats), draft, write)
    most = len(formats) * len(languages or OFFICIAL)  # the writes: of the languages asked for, else (the document's
    clock.workers = worker_count(1 + most, workers)      # are not read yet) of six at most
    (result, found), *writes = run_all([job], workers, None, tuple(imports), _weight,
                                       partial(_needs, ready, len(imports)),
                                       spawning=most)  # a worker for each write, CPUs allowing
    problems, made, paths = Collector(), {}, []
    _gathered(problems, found)  # the folder's own problems (it could not be read, its outputs not made there)
    if result:
        _, seconds, (shared, images), paths, told, spawned = result
        clock.add(seconds)
        if read is not None:
            read[folder] = _with_images(shared, images)
        written = dict(zip(spawned, writes))
        for lang, model_problems in told:  # as `build` tells a folder's jobs: each language's model, then its writes
            _gathered(problems, model_problems)
            for fmt in _by_slowness(formats):
                outcome, write_problems = written.get((lang, fmt), (None, []))
                _gathered(problems, write_problems)
                if outcome:
                    made.update(outcome[0])
                    clock.add(outcome[1])
    if progress:  # the folder's work has ended (its model problems are in its job's result, not its outcome's)
        progress(folder, counted(problems.problems))
    return _finished(problems, made, paths, out, write, clock)


def _gathered(problems: Collector, found) -> None:
    """Add to `problems` each of `found` not among them yet, in order (a set: a job may have thousands)."""
    seen = set(problems.problems)
    problems.extend(p for p in dict.fromkeys(found) if p not in seen)


def _finished(problems: Collector, made: dict, paths: list[Path], out: Path, write: bool, clock: Stopwatch
              ) -> list[Path]:
    """The paths of the outputs `made` (bytes by path), in the order of `paths`, once every job has ended: the
    `problems` raised if any, else each output written into `out` at once (`write`; `check` writes none)."""
    problems.raise_if_any()
    outputs = {path: made[path] for path in paths}
    if write:
        with clock.stage("write"):
            write_all(outputs, within=out)
    return list(outputs)


def _folder_job(folder: Path, out: Path, languages, formats: tuple, draft: bool, write: bool, spawn) -> tuple:
    """`build`'s work on one folder in a worker of its own (`_build_alone`): the folder read, its outputs checked
    as `build` checks them, the parent readied for its writes (`Readying`: the faces of each language registered,
    their CLDR data read, the line setting readied), then each language's model made and its writes spawned, those
    of an East Asian language first (the longest to write). Gives ({}, the seconds per stage, the Sources read,
    the output paths in order, each language's model problems [(language, problems)] in the languages' order, the
    (language, format) of each write spawned in order)."""
    clock = Stopwatch()
    with clock.stage("read"):
        sources = read_sources(folder)
        theme = load_theme(sources.spec.theme, sources.spec.folder)
    chosen = _languages(sources, languages)
    paths = [out / lang / f"{sources.spec.slug}.{fmt}" for lang in chosen for fmt in formats]
    if write:
        check_inputs(paths, read_files(sources, chosen, theme))
        check_targets(paths)
        check_within(paths, out)
    if {"docx", "pdf"} & set(formats):
        spawn(Readying(partial(_ready_writing, [(theme, lang) for lang in chosen])))
    read_languages(dict.fromkeys(filter(None, [*chosen, sources.spec.source])))
    found, spawned, sandbox, told_by = {}, [], Sandbox(), _without_images(sources)
    spawn(Shared(theme))  # sent once, named by each write (`workers.Shared`): the data files go to the parent once
    spawn(Shared(told_by))
    for lang in sorted(chosen, key=_east_asian, reverse=True):
        try:
            _job(sources, theme, lang, out, formats, draft, sandbox, spawn, clock, told_by)
        except InputError as exc:
            found[lang] = exc.problems
        else:
            spawned += [(lang, fmt) for fmt in _by_slowness(formats)]  # as `_job` spawns them
    return ({}, clock.seconds, (told_by, _images_of(sources)), paths, [(lang, found.get(lang, [])) for lang in chosen],
            spawned)  # the Sources as shared (named, not sent again: `workers.Shared`), and their images


def _ready_writing(pairs: list) -> None:
    """Ready this process for the writes of each (Theme, language) of `pairs`: the faces registered, the CLDR data
    read, the line setting readied (`preload`)."""
    languages = list(dict.fromkeys(lang for _, lang in pairs))
    register_fonts(pairs)
    read_locale_data(languages)
    ready_line_setting(languages)


def _east_asian(lang: str) -> bool:
    """Whether `lang` is set in an East Asian script (False when its profile has problems: its job tells them)."""
    from .l10n.language import find_language

    try:
        return find_language(lang).script.east_asian
    except InputError:
        return False


def _told(owner: list[Path], progress, left: dict, index: int, outcomes: list) -> None:
    """Tell `progress` a folder is done, with its problems, when the last of its jobs (`owner`: each job's
    folder) has ended; `left` holds the jobs still running and the problems found per folder."""
    folder = owner[index]
    count, found = left.get(folder, (owner.count(folder), set()))
    found.update(problem for _, problems in outcomes for problem in problems)
    left[folder] = count - 1, found
    if count == 1:
        progress(folder, counted(found))


def _languages(sources: Sources, languages) -> list[str]:
    """The languages to build: those asked for, each among the document's, else all the document's."""
    for lang in languages or ():
        if lang not in sources.spec.languages:
            raise InputError([sources.spec.unlisted(lang)])
    return list(languages or sources.spec.languages)


def _job(sources: Sources, theme: Theme, lang: str, out: Path, formats: tuple, draft: bool, sandbox: Sandbox,
         spawn, clock: Stopwatch | None = None, told_by: Sources | None = None) -> tuple[dict, dict]:
    """One folder in one language resolved, each format's write spawned for a worker forked after the writers are
    ready (`build`'s `prepare`); no bytes, and the seconds per stage (`clock`'s, when given). The writes are given
    `told_by` (default: `sources`) to tell a translated text's problem by (`_write`'s `translated`)."""
    clock = clock or Stopwatch()
    doc = resolve(sources, lang, draft=draft, clock=clock, sandbox=sandbox, theme=theme)
    for fmt in _by_slowness(formats):
        spawn(partial(_write, out / lang / f"{sources.spec.slug}.{fmt}", fmt, doc, theme,
                      translated=(told_by or sources, lang)))
    return {}, clock.seconds


def _images_of(sources: Sources) -> tuple:
    """The images `sources` read and those of each document it attaches, nested as they are (`_with_images`)."""
    return sources.images, tuple(map(_images_of, sources.attached))


def _with_images(sources: Sources, images: tuple) -> Sources:
    """`sources` given back the images `_images_of` took of it (the inverse of `_without_images`)."""
    own, attached = images
    return replace(sources, images=own, attached=tuple(map(_with_images, sources.attached, attached)))


def _without_images(sources: Sources) -> Sources:
    """`sources` without the images read (nor those of the documents it attaches): what a write needs of them to tell
    a translated text's problem at its catalog line (`i18n.locations.in_catalog`: the texts and the catalog), shared
    once by a single folder's job, which read them itself (`workers.Shared`; an 8 MB figure would go with it)."""
    return replace(sources, images={}, attached=tuple(map(_without_images, sources.attached)))


def _weight(job: partial) -> int:
    """How long a job waiting for a worker takes, relatively: a write, its format's SLOWNESS (the zh PDF is not
    queued behind the en DOCX); a folder's model job, 0."""
    return SLOWNESS.get(job.args[1], 0) if job.func is _write else 0


def _needs(ready: dict, everything: int, job: partial) -> int:
    """How many of `build`'s `prepare` calls a later worker running `job` needs made: a write, those up to its
    format's writer import (`ready`, by format); a folder's model job (a batch's next), all (`everything`)."""
    return ready[job.args[1]] if job.func is _write else everything


def _by_slowness(formats) -> list[str]:
    """The formats, the slowest to write first (spawned, and imported, in this order)."""
    return sorted(formats, key=lambda fmt: -SLOWNESS.get(fmt, 0))


def _write(path: Path, fmt: str, doc: Document, theme: Theme, spawn, translated: tuple) -> tuple[dict, dict]:
    """One output's bytes by its path, and the seconds it took. `translated`: the (Sources, language) of `doc`,
    whose catalog a problem of a translated text is told at (`i18n.locations.in_catalog`). (Spawned by its folder's
    model job, given the same sources and theme: its worker sends them back by reference, `workers._handed`; a
    single folder's job, which read them itself, gives them without their images: `_without_images`.)"""
    clock = Stopwatch()
    with clock.stage(fmt):
        try:
            data = writer(fmt)(doc, theme)
        except InputError as exc:
            from .i18n.locations import in_catalog  # imported on a problem only: the parent forking writes has not

            raise InputError(in_catalog(exc.problems, *translated)) from None
    return {path: data}, clock.seconds
