"""The `ccdocs` command: build, check, dump, i18n."""

from __future__ import annotations

import atexit
import gc
import io
import os
import sys
import threading
from contextlib import contextmanager, nullcontext
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .errors import Failure, InputError, UsageError, counted, looked_at, shown
from .writers import WRITERS, available

FORMATS = ("docx", "pdf")
INTERNAL_ERROR = 70  # EX_SOFTWARE of sysexits.h: ccdocs itself failed


def _split(value: str | None, known, what: str, option: str) -> list[str] | None:
    """The comma-separated items of an option, each among `known`; None when the option was not given."""
    if value is None:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    if not items:
        raise UsageError(f"{option} is empty; give one or more of {', '.join(known)}, separated by commas, "
                         "or leave the option out")
    for item in items:
        if item not in known:
            raise UsageError(f"unknown {what} `{item}`; known: {', '.join(known)}")
    return list(dict.fromkeys(items))


class Vocabulary(click.Choice):
    """A click.Choice among the names `ccdocs.sources.spec` holds under `name` (LANGUAGES, KINDS, BODIES), looked
    up when a value is checked or a command's help is shown: starting `ccdocs` does not import the readers."""

    def __init__(self, name: str):  # click.Choice's own __init__ would store the choices it is given
        self.vocabulary, self.case_sensitive = name, True

    @property
    def choices(self) -> tuple:
        from .sources import spec

        return tuple(getattr(spec, self.vocabulary))


class LanguagesOption(click.Option):
    """A comma-separated `--lang` whose help ends with the languages known (`sources.spec.LANGUAGES`: the language
    profiles found), looked up when the help is shown."""

    def get_help_record(self, ctx):
        from .sources import spec

        name, text = super().get_help_record(ctx)
        return name, f"{text} Known: {', '.join(spec.LANGUAGES)}."


def _interrupted(signum, frame):
    raise KeyboardInterrupt


@contextmanager
def _terminations_interrupt():
    """SIGTERM and SIGHUP handled as Ctrl-C is while a command runs: temporaries removed, nothing written."""
    import signal  # here, as `traceback` in `_debug`: `ccdocs --help` imports neither

    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {name: signal.signal(getattr(signal, name), _interrupted) for name in names}
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def reported(func):
    """Turn input errors into `path:line:col: error:` lines and exit code 1, usage errors (the command line,
    the environment, an output place that cannot be written) into exit code 2, failures (a full disk, a killed
    worker) into exit code 1; never a traceback unless --debug."""

    @wraps(func)
    def run(*args, **kwargs):
        debug = kwargs.pop("debug", False)
        try:
            with _terminations_interrupt():
                return func(*args, **kwargs)
        except InputError as exc:
            _debug(debug)
            for line in shown(exc.problems):
                click.echo(line, err=True)
            count = counted(exc.problems)
            click.echo(f"{count} error{'s' if count != 1 else ''}; nothing was written.", err=True)
            sys.exit(1)
        except (UsageError, Failure) as exc:
            _debug(debug)
            for line in shown(getattr(exc, "problems", ())):   # a batch's folders' problems, told with it
                click.echo(line, err=True)
            click.echo(f"ccdocs: error: {exc}", err=True)
            sys.exit(2 if isinstance(exc, UsageError) else 1)
        except MemoryError:
            click.echo("ccdocs: error: out of memory; nothing was written (free some memory, or build one "
                       "language at a time with --lang)", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("ccdocs: interrupted; nothing was written.", err=True)
            sys.exit(130)
        except click.ClickException:
            raise
        except Exception as exc:  # noqa: BLE001 - a fault of ccdocs itself: said plainly, never a traceback
            _debug(debug)
            click.echo(f"ccdocs: internal error: {type(exc).__name__}: {exc}; this is a fault of ccdocs, not of "
                       "your input, and previous outputs were left as they were (run the same command with "
                       "--debug and report what it prints)", err=True)
            sys.exit(INTERNAL_ERROR)

    return click.option("--debug", is_flag=True, help="Show the Python traceback of an error.")(run)


def _debug(debug: bool) -> None:
    """Print the traceback of the exception being handled, for --debug."""
    if debug:
        import traceback

        traceback.print_exc()


def _memories(memories) -> tuple[Path, ...]:
    """The `--memory` paths, each a file or a folder that stands: a missing one, a link leading nowhere, a FIFO or
    another file that is not a regular one (never opened: it would block) is a usage error at the option, exit 2, as
    a missing DOC_DIR or XLIFF file is. What a memory holds is read later (`i18n.memory.read_memory`)."""
    from .i18n.memory import GIVE, unreadable

    for path in memories:
        looked_at(path, "--memory")
        if said := unreadable(path):
            raise UsageError(f"--memory {path}: this translation memory {said} ({GIVE})")
    return tuple(memories)


def _folder(value: str) -> Path:
    """DOC_DIR as a Path: a UsageError when it is empty or not a folder (a file, a pipe, a device, nothing)."""
    if not value:
        raise UsageError("DOC_DIR is empty; give the path of a document folder (the one holding document.yaml)")
    path = Path(value)
    looked_at(path)
    if not path.is_dir():
        raise UsageError(f"{value} is not a document folder (give the folder holding document.yaml)")
    return path


def _distinct(folders: list[Path]) -> list[Path]:
    """The folders, each once (the same folder given twice, or matched by two globs, `./a` and `a`), in the order
    first given."""
    first: dict = {}
    for folder in folders:
        first.setdefault(folder.resolve(), folder)
    return list(first.values())


def _target(value: str | None, option: str) -> Path | None:
    """A file or folder to write given as `option`: a UsageError when it was given empty or cannot be looked at (a
    name too long: `errors.looked_at`); None when not given."""
    if value is None:
        return None
    if not value:
        raise UsageError(f"{option} is empty; give the path to write to")
    looked_at(value, option)
    return Path(value)


def _output_file(value: str, inputs: dict, reader: str, text: bool = True,
                 named: tuple | None = None) -> Path | None:
    """The file `-o/--output` names, checked before anything is written: one `write_all` can replace
    (`output.check_targets`) and none of `inputs`, the files the command `reader` reads, by path, with what each is
    (`output.check_inputs`: links resolved), and, given `named` (the suffixes it may end in, what is written, the
    names to give), a name whose suffix says what it holds (`_named_format`). None for `-`, standard output, as
    Unix tools take it, where the output is `text`; a UsageError for `-` where it is not."""
    from .output import check_inputs, check_targets

    if value == "-":
        if not text:
            raise UsageError("-o/--output -: this output is not text and cannot go to standard output; give a file")
        return None
    target = _target(value, "-o/--output")
    check_targets([target])
    check_inputs([target], inputs, reader, "-o/--output")
    if named is not None:
        _named_format(value, *named, piped=text)
    return target


def _templates(ctx, param, value: str | None) -> None:
    """`--templates DIR`: searched for themes and cover-note frames after the document's own `templates/`."""
    from .resources import ENV

    if value is None:
        return
    try:
        looked_at(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc)) from None
    if not value or not Path(value).is_dir():
        raise click.BadParameter(f"{value!r} is not a folder (give a folder holding themes/ and cover-notes/)")
    os.environ[ENV] = value  # read by ccdocs.resources, here and in the build's workers


def _given(ctx, param, value: str | None) -> str | None:
    """A text option given empty (`--date ""`) is a usage error: never replaced by its default; so is one holding a
    line break (`--title`: each is one line of document.yaml and of the cover)."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty; give a value or leave the option out")
    from .sources.characters import line_break  # small (re alone): the readers stay unimported

    if value is not None and line_break(value):
        raise click.BadParameter(f"holds a {line_break(value)}; give it on one line")
    return value


templates_option = click.option(
    "--templates", metavar="DIR", expose_value=False, callback=_templates, is_eager=True,  # before --lang
    help="A folder of themes/, cover-notes/ and languages (locales/<lang>/language.yaml), searched after "
         "DOC_DIR/templates and before the toolkit's (default: $CCDOCS_TEMPLATES).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ccdocs")
def main() -> None:
    """Assemble WIPO governing-body papers (WO/CC), as DOCX and PDF, in any language with a profile (shipped: ar,
    en, es, fr, ru, zh; see docs/languages.md to add one)."""
    if hasattr(sys.stdout, "reconfigure"):  # a path holding a byte that is not UTF-8 prints as on stderr: \udcff
        sys.stdout.reconfigure(errors="backslashreplace")


class OutputLost(Failure):
    """Standard output could not be written (a full disk, a reader gone: `ccdocs dump … > /dev/full`): exit 1."""


class _GuardedOutput(io.TextIOWrapper):
    """The console's standard output, a failure to write it an OutputLost (said, exit 1), not an internal error."""

    def write(self, text):
        try:
            return super().write(text)
        except OSError as exc:
            raise OutputLost(f"cannot write to standard output: {exc.strerror or exc}") from None

    def flush(self):
        try:
            return super().flush()
        except OSError as exc:
            raise OutputLost(f"cannot write to standard output: {exc.strerror or exc}") from None


def console() -> None:
    """`ccdocs` as a command (its console script, `python -m ccdocs`): `main`, then the process ends with main's exit
    status, its exit handlers run (the per-user cache's `compiled.store`) and its output flushed, without the
    interpreter's teardown, which frees each module and object one by one: some 200 M instructions after a build
    of the sample (a tenth of its parent's, callgrind), done while nothing is left to do, as a forked worker ends
    (multiprocessing's `os._exit`). Standard output that cannot be written (a full disk, a reader gone) is told
    on standard error, exit 1, whenever it fails, the last flush included. Callers in-process (tests) call `main`
    and keep their interpreter."""
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and hasattr(stdout, "buffer"):
        stdout.flush()
        sys.stdout = _GuardedOutput(stdout.buffer, encoding=stdout.encoding, errors=stdout.errors,
                                    line_buffering=stdout.line_buffering, write_through=stdout.write_through)
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    except OutputLost as exc:  # outside a command's own reporting (`--help > /dev/full`)
        print(f"ccdocs: error: {exc}", file=sys.stderr)
        code = 1
    else:  # click's standalone mode always exits
        code = 0
    if code is not None and not isinstance(code, int):  # sys.exit("message"), as Python tells it
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()  # noqa: SLF001 - what the interpreter would run first
    try:
        sys.stdout.flush()
    except (OutputLost, OSError, ValueError) as exc:  # the output held back until now, not written
        said = exc if isinstance(exc, OutputLost) else "cannot write to standard output"
        print(f"ccdocs: error: {said}", file=sys.stderr)
        code = code or 1
    try:
        sys.stderr.flush()
    except (OSError, ValueError):  # nowhere left to say anything
        pass
    os._exit(code or 0)


@main.command()
@click.argument("doc_dirs", nargs=-1, required=True, metavar="DOC_DIR...")
@click.option("--lang", cls=LanguagesOption, help="Languages to build, e.g. en,zh (default: the document's languages).")
@click.option("--format", "formats", help="Formats, e.g. docx,pdf (default: both).")
@click.option("--out", "out_dir", default="out", show_default=True, help="Output folder.")
@click.option("--draft", is_flag=True,
              help="Print untranslated, fuzzy or failing segments as their marked source text instead of refusing.")
@click.option("--profile", is_flag=True, help="Print the seconds spent per stage (read, render, model, docx, pdf).")
@templates_option
@reported
def build(doc_dirs, lang, formats, out_dir, draft, profile):
    """Build DOC_DIR into OUT/<lang>/<symbol>.<format>."""
    from .gcpause import paused

    with paused():  # the readers' modules, kept for the process's life: no collection walks them as they come,
        from .compiled import keep

        keep()  # what they compile (regular expressions, dataclasses' methods) read from the per-user cache
        from .build import build as build_documents
        from .sources.spec import LANGUAGES
        from .stopwatch import Stopwatch

        gc.freeze()  # nor after (the workers' forks freeze what is made later: `workers._forked`)

    # At exit, spare the interpreter a last collection over everything a build imported (tens of ms).
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    languages = _split(lang, LANGUAGES, "language", "--lang")
    chosen = _formats(formats)
    out = _target(out_dir, "--out")
    folders = _distinct([_folder(d) for d in doc_dirs])
    clock = Stopwatch()
    if len(folders) > 1:  # a batch: its progress (rich is imported for a terminal only)
        from .progress import Batch

        batch = Batch(folders)
    else:
        batch = nullcontext()
    read: dict = {}
    with batch as done:
        paths = build_documents(folders, out, languages, chosen, draft=draft, clock=clock, progress=done, read=read)
    for path in paths:
        click.echo(str(path))
    if profile:
        click.echo(clock.line(), err=True)
    _translation_notes(folders, languages, draft, read)


def _formats(formats: str | None) -> list[str]:
    """The formats `--format` names, each with a writer in this version; default: those of FORMATS it has (a
    note for each missing)."""
    chosen = _split(formats, tuple(WRITERS), "format", "--format")
    ready = available()
    if chosen is None:
        chosen = [f for f in FORMATS if f in ready]
        for missing in sorted(set(FORMATS) - set(chosen)):
            click.echo(f"ccdocs: note: the {missing} writer is not part of this version yet", err=True)
    for fmt in chosen:
        if fmt not in ready:
            raise UsageError(f"the {fmt} writer is not part of this version yet")
    return chosen


def _translation_notes(folders, languages, draft: bool, read: dict) -> None:
    """After a build: the values still marked TO CONFIRM and, for a draft, every segment printed untranslated
    (without a catalog, their number); for each folder and each document it attaches, as when built alone. `read`: the
    Sources the build read, by folder."""
    for top in folders:
        sources = read[top]
        for folder, each in _carried(top, sources):
            _notes_of(folder, each, languages or sources.spec.languages, draft)
    _language_notes(dict.fromkeys(code for top in folders for code in languages or read[top].spec.languages),
                    draft)


def _language_notes(languages, draft: bool) -> None:
    """Each language of `languages` whose profile the templates folder replaces (`l10n.language.replaced`) and,
    in a draft, each toolkit message its catalog leaves in English (a final build refuses them: pipeline)."""
    from .l10n.catalog import Catalog
    from .l10n.language import replaced

    notes = replaced(languages)
    for lang in languages if draft else ():
        notes += Catalog.load(lang).untranslated("note")
    for item in notes:
        click.echo(str(item), err=True)


def _carried(folder, sources) -> list:
    """[(name, Sources)] of the document in `folder` and of every document it attaches at any depth, in order;
    an attached document is named by its own folder."""
    from .errors import display_path

    found = [(folder, sources)]
    for inner in sources.attached:
        found += _carried(display_path(inner.spec.folder), inner)
    return found


def _notes_of(folder, sources, languages, draft: bool) -> None:
    """The TO CONFIRM marks and (for a draft) the HTML comments left out and the segments printed as their marked
    source text, by language, of one document built in `languages` (a final build refuses those: pipeline)."""
    spec = sources.spec
    _confirm_marks(sources)
    if not draft:
        return
    # what only a draft looks at, imported for it only (the policy's checks: a build's parent has not)
    from .errors import display_path
    from .i18n.catalogs import po_path
    from .i18n.policy import pending, problems
    from .parse.html import left_out
    from .parse.markdown import parser
    from .pipeline import assessed

    for item in left_out(sources.texts, parser().parse):
        click.echo(str(item), err=True)
    for lang in (code for code in languages if code != spec.source):
        waiting, po = pending(assessed(sources, lang, named=True)), po_path(spec.folder, lang)
        if not waiting:
            continue
        if po.is_file():
            for item in problems(waiting, "warning"):
                click.echo(str(item), err=True)
        missing = "" if po.is_file() else f"no {lang} catalog ({display_path(po)}): "
        click.echo(f"ccdocs: note: draft of {folder} in {lang}: {missing}{len(waiting)} segment"
                   f"{'s' if len(waiting) != 1 else ''} printed as their marked source text"
                   + (f" (make the catalog with `ccdocs i18n update {folder} --lang {lang}`)" if missing else ""),
                   err=True)


def _confirm_marks(sources) -> int:
    """Print a warning at each value of the folder to confirm (`sources`, what the build read of it): each `TO
    CONFIRM` mark `ccdocs new` or `next` left, then each empty cell a chart draws as nothing (`charts.gaps`); the
    number of marks.

    A warning only, in a draft as in a final build: the values are valid, and the editor may build to see them.
    """
    from .charts.gaps import gaps
    from .scaffold.marks import in_folder

    found = in_folder(sources.spec)
    for item in found + gaps(sources.spec, sources.data):
        click.echo(str(item), err=True)
    return len(found)


@main.command()
@click.argument("doc_dir")
@templates_option
@reported
def check(doc_dir):
    """Check everything a build of DOC_DIR needs; print each problem as path:line:col.

    The check is a build of every language and format without writing: what a build refuses, it refuses.
    """
    from .compiled import keep

    keep()  # what the imports compile read from the per-user cache, as in a build (`compiled`)
    from .build import build as build_documents

    ready = available()
    folder, read = _folder(doc_dir), {}
    made = build_documents([folder], Path(), formats=[f for f in FORMATS if f in ready], write=False, read=read)
    marks = sum(_confirm_marks(each) for _, each in _carried(doc_dir, read[folder]))
    _language_notes(read[folder].spec.languages, draft=False)
    click.echo(f"{doc_dir}: ok ({', '.join(dict.fromkeys(p.parent.name for p in made))})"
               + (f"; {marks} value{'s' if marks != 1 else ''} marked TO CONFIRM (listed above)" if marks else ""))


@main.command()
@click.argument("doc_dir")
@click.option("--lang", cls=LanguagesOption, help="Languages to build, e.g. en (default: the document's languages).")
@click.option("--format", "formats", help="Formats, e.g. docx,pdf (default: both).")
@click.option("--out", "out_dir", default="out", show_default=True, help="Output folder.")
@click.option("--draft", is_flag=True,
              help="Print untranslated, fuzzy or failing segments as their marked source text instead of refusing.")
@templates_option
@reported
def watch(doc_dir, lang, formats, out_dir, draft):
    """Build DOC_DIR, then rebuild it each time one of its files is saved; one status line per rebuild.

    A change under locales/<lang>/ rebuilds that language; any other, every language. A failing rebuild prints
    its problems as path:line:col and leaves the previous outputs as they were. Ctrl-C stops.
    """
    from .sources.spec import LANGUAGES
    from .watch import run

    languages = _split(lang, LANGUAGES, "language", "--lang")
    chosen = _formats(formats)
    out = _target(out_dir, "--out")
    try:
        run(_folder(doc_dir), out, languages, chosen, draft, lambda text, err: click.echo(text, err=err))
    except KeyboardInterrupt:
        click.echo("ccdocs: stopped watching", err=True)


@main.command()
@click.argument("doc_dir")
@click.option("--lang", required=True, type=Vocabulary("LANGUAGES"), help="The language to resolve.")
@click.option("--json", "as_json", is_flag=True, help="The JSON contract instead of the readable outline.")
@templates_option
@reported
def dump(doc_dir, lang, as_json):
    """Print the resolved model of DOC_DIR in LANG."""
    from .model.dump import dumps, to_text
    from .pipeline import resolve_all

    doc = resolve_all(_folder(doc_dir), [lang])[lang]
    click.echo(dumps(doc) if as_json else to_text(doc), nl=False)


@main.group()
def i18n() -> None:
    """Translate a document's content through gettext catalogs: extract, update, stats, review."""


@i18n.command()
@click.argument("doc_dir")
@templates_option
@reported
def extract(doc_dir):
    """Write DOC_DIR/locales/content.pot: every segment of the source, with its file, line and paragraph."""
    from .i18n.catalogs import check_catalogs, pot_path
    from .i18n.extract import template, write_catalog
    from .i18n.places import Places
    from .inputs import read_files
    from .output import check_inputs, check_targets
    from .pipeline import read_sources, resolve
    from .sources.within import place_inside

    sources = read_sources(_folder(doc_dir))
    check_catalogs(sources.spec)  # the translators' catalogs are refused here as by every i18n command
    path = pot_path(sources.spec.folder)
    check_targets([path])
    check_inputs([path], read_files(sources, []), option=None)  # a content file may have any name and place
    place_inside(sources.spec.folder, path, "the template")
    catalog = template(sources, Places(resolve(sources, sources.spec.source)))
    write_catalog(catalog, path, sources.spec.folder)
    click.echo(f"{path}: {len(catalog)} messages")


@i18n.command()
@click.argument("doc_dir")
@click.option("--lang", required=True, cls=LanguagesOption, help="The languages whose catalogs to update, e.g. zh.")
@click.option("--memory", "memories", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
              help="An earlier document's catalog (.po), folder or XLIFF file whose translations fill the entries "
                   "left untranslated: the same English as they are, a close one (80% of the words) as fuzzy. "
                   "Repeat for more; the first given wins.")
@templates_option
@reported
def update(doc_dir, lang, memories):
    """Merge the source's segments into DOC_DIR/locales/<lang>/LC_MESSAGES/content.po."""
    from .i18n.catalogs import po_path
    from .i18n.extract import table_keys, template
    from .i18n.memory import read_memory
    from .i18n.places import Places
    from .i18n.stats import language_stats
    from .i18n.update import left, unmatched, update_all
    from .inputs import read_files
    from .output import check_inputs, check_targets
    from .pipeline import read_sources, resolve
    from .sources.spec import LANGUAGES
    from .sources.within import place_inside

    languages = _split(lang, LANGUAGES, "language", "--lang")
    memories = _memories(memories)
    sources = read_sources(_folder(doc_dir))
    spec = sources.spec
    _translated(spec, languages)
    check_targets(po_path(spec.folder, code) for code in languages)
    # a content, data or image file may stand where a catalog is written (catalogs themselves are left out: [])
    check_inputs([po_path(spec.folder, code) for code in languages], read_files(sources, []), option=None)
    for code in languages:  # every catalog's place checked before any is written
        place_inside(spec.folder, po_path(spec.folder, code), f"the {code} catalog")
    catalog = template(sources, Places(resolve(sources, spec.source)))
    memory = {code: read_memory(memories, code) if memories else None for code in languages}
    for code, (path, changes) in zip(languages, update_all(spec.folder, memory, catalog, table_keys(sources))):
        click.echo(f"{path}: {changes}")
        for note in (changes.crowded, unmatched(path, changes, doc_dir, code)):
            if note is not None:
                click.echo(str(note), err=True)
        waiting = left(language_stats(sources, code), doc_dir)
        if waiting is not None:
            click.echo(str(waiting), err=True)
    for folder, each in _carried(doc_dir, sources)[1:]:  # an attached document keeps its catalogs in its folder
        click.echo(f"ccdocs: note: the attached {each.spec.full_symbol} is translated in its own folder: "
                   f"`ccdocs i18n update {folder} --lang {','.join(languages)}`", err=True)


@i18n.command()
@click.argument("doc_dir")
@templates_option
@reported
def stats(doc_dir):
    """Count each language's segments: translated, fuzzy, untranslated, failing; exit 1 if one is not final."""
    from .i18n.stats import document_stats
    from .pipeline import read_sources

    top = read_sources(_folder(doc_dir))
    complete = True
    for folder, sources in _carried(doc_dir, top):  # an attached document's catalogs are in its own folder
        found = [item for item in document_stats(sources) if item.lang in top.spec.languages]
        attached = "attached, translated in its own folder, " if sources is not top else ""
        click.echo(f"{sources.spec.symbol} ({folder}), {attached}keyed in {sources.spec.source}:")
        for item in found:
            click.echo(f"  {item}")
        complete = complete and all(item.complete for item in found)
    if not complete:
        sys.exit(1)


def _translated_into(doc_dir: str, lang: str):
    """The spec of DOC_DIR; InputError when `lang` is not a language it is translated into (`_translated`)."""
    from .sources.spec import read_spec

    spec = read_spec(_folder(doc_dir))
    _translated(spec, [lang])
    return spec


def _translated(spec, languages) -> None:
    """InputError, at document.yaml's line, for each of `languages` the document is not translated into
    (`DocumentSpec.unlisted`: not among `languages:`, as build and dump tell it, or the language it is keyed in)."""
    found = [item for code in languages if (item := spec.unlisted(code, translated=True)) is not None]
    if found:
        raise InputError(found)


@i18n.command()
@click.argument("doc_dir")
@click.option("--lang", required=True, type=Vocabulary("LANGUAGES"), help="The language whose catalog to export.")
@click.option("--format", "fmt", type=click.Choice(["xliff"]), default="xliff", show_default=True,
              help="XLIFF 1.2, as CAT tools (Trados, memoQ) read it.")
@click.option("-o", "--output", required=True, help="The .xlf file to write (-: standard output).")
@templates_option
@reported
def export(doc_dir, lang, fmt, output):
    """Write the catalog of LANG as XLIFF 1.2 for a CAT tool: every entry, its state, place and previous source."""
    from .i18n.catalogs import check_catalogs, po_path
    from .i18n.xliff import export as to_xliff
    from .inputs import spec_files
    from .output import write_all

    spec = _translated_into(doc_dir, lang)
    target = _output_file(output, {**spec_files(spec), po_path(spec.folder, lang): f"the {lang} content catalog"},
                          "the export",
                          named=(XLIFF_SUFFIXES, "the export is an XLIFF file", "*.xlf"))
    check_catalogs(spec)
    xliff = to_xliff(spec.folder, spec.source, lang)
    if target is None:
        click.echo(xliff.decode("utf-8"), nl=False)
        return
    write_all({target: xliff})
    click.echo(output)


@i18n.command("import")
@click.argument("doc_dir")
@click.argument("file")
@click.option("--lang", required=True, type=Vocabulary("LANGUAGES"), help="The language of the translations.")
@templates_option
@reported
def import_(doc_dir, file, lang):
    """Merge the translations of an XLIFF FILE into the catalog of LANG; a unit whose source changed is skipped."""
    from .i18n.catalogs import check_catalogs, po_path
    from .i18n.xliff import import_xliff
    from .inputs import spec_files
    from .output import check_inputs

    spec = _translated_into(doc_dir, lang)
    looked_at(file)
    if not Path(file).is_file():
        raise UsageError(f"{file} is not a file")
    check_inputs([po_path(spec.folder, lang)], spec_files(spec), option=None)
    check_catalogs(spec)
    path, changed, cleared, stale, newer = import_xliff(spec.folder, lang, Path(file))
    for line in shown(sorted(cleared + stale + newer, key=lambda item: item.line or 0)):
        click.echo(line, err=True)
    counts = [f"{len(cleared)} translation{'s' if len(cleared) != 1 else ''} cleared"] if cleared else []
    counts += [f"{len(stale)} stale unit{'s' if len(stale) != 1 else ''} skipped"] if stale else []
    counts += [f"{len(newer)} newer translation{'s' if len(newer) != 1 else ''} of the catalog kept"] if newer else []
    click.echo(f"{path}: {'updated' if changed else 'unchanged'}" + (f" ({', '.join(counts)}, listed above)"
                                                                     if counts else ""))


@i18n.command()
@click.argument("doc_dir", required=False)
@click.option("--lang", required=True, type=Vocabulary("LANGUAGES"), help="The language under review.")
@click.option("-o", "--output", required=True,
              help="The HTML or DOCX file to write (-: the HTML to standard output); its suffix names the format.")
@click.option("--toolkit", is_flag=True,
              help="Review the toolkit's own strings (locales/LANG/LC_MESSAGES/ccdocs.po); DOC_DIR may be left out.")
@click.option("--format", "fmt", type=click.Choice(["html", "docx"]),
              help="docx: a bilingual table for Word, changes as tracked revisions, checks as comments (default: "
                   "the -o name's suffix, .docx or .html; else html).")
@templates_option
@reported
def review(doc_dir, lang, output, toolkit, fmt):
    """Write one HTML page: each segment's source beside its translation, status and checks, with filters."""
    from .i18n.review import document_page, toolkit_page
    from .inputs import read_files
    from .l10n.catalog import po_path as toolkit_po_path
    from .output import check_targets, write_all, write_text
    from .pipeline import read_sources

    if not toolkit and doc_dir is None:
        raise UsageError("give DOC_DIR, or --toolkit for the toolkit's own strings")
    named = _review_named(fmt or "html", toolkit, fmt is not None)
    fmt = _toolkit_format(output, fmt) if toolkit else _review_format(output, fmt)
    target = _target(output, "-o/--output")
    if output != "-" and not os.path.lexists(target.parent):
        raise UsageError(f"cannot write {output}: its folder does not exist")
    if output != "-":
        check_targets([target])
    if toolkit:
        target = _output_file(output, {toolkit_po_path(lang): f"the toolkit's {lang} catalog"}, "the review",
                              named=named)
        html = toolkit_page(lang)
    else:
        sources = read_sources(_folder(doc_dir))
        _translated(sources.spec, [lang])
        target = _output_file(output, read_files(sources, [lang]), "the review", text=fmt == "html", named=named)
        if fmt == "docx":
            from .i18n.review_docx import review_docx

            write_all({target: review_docx(sources, lang)})
            click.echo(output)
            return
        html = document_page(sources, lang)
    if target is None:
        click.echo(html, nl=False)
        return
    write_text(target, html)
    click.echo(output)


REVIEW_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html"}  # what a review's -o name may end in
XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff")  # what CAT tools name an XLIFF file


def _toolkit_format(output: str, fmt: str | None) -> str:
    """The toolkit review's format: html, its only one (a Word table with tracked changes is made of a document's
    segments). --format docx, or an -o name ending in .docx, is refused (UsageError, exit 2) saying which of the two
    asked for Word."""
    if fmt == "docx":
        raise UsageError("--toolkit reviews the toolkit's strings as an HTML page; --format docx is for a "
                         "document's content (leave --format out, or give DOC_DIR without --toolkit); nothing was "
                         "written")
    if output != "-" and Path(output).suffix.lower() == ".docx":
        raise UsageError(f"cannot write {output}: the toolkit's strings are reviewed as an HTML page, and the name "
                         "ends in .docx (name it *.html, or give - for standard output; a Word review is made of a "
                         "document: DOC_DIR without --toolkit); nothing was written")
    return "html"


def _named_format(output: str, known, what: str, names: str, piped: bool = True) -> None:
    """Refuse (UsageError, exit 2) an -o name ending in a suffix other than those `known` (`x.pdf` for an HTML
    page), saying `what` the command writes, the `names` to give and, where the output may go to standard output
    (`piped`), `-`: the file would hold it under a name that says otherwise, and no program would open it as what it
    is. `-` and a name without a suffix pass."""
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if suffix and suffix not in known:
        raise UsageError(f"cannot write {output}: {what}, and the name ends in {suffix} (name it {names}"
                         f"{', or give - for standard output' if piped else ''}); nothing was written")


def _review_format(output: str, fmt: str | None) -> str:
    """The review's format: --format's, else the one the -o name's suffix names, else html. A suffix naming the
    other format is refused (UsageError, exit 2): Word would not open HTML in a .docx, nor a browser the reverse
    (a suffix naming neither: `_review_named`)."""
    suffix = Path(output).suffix.lower() if output != "-" else ""
    named = REVIEW_SUFFIXES.get(suffix)
    if fmt is not None and named is not None and named != fmt:
        raise UsageError(f"cannot write {output} as {fmt}: its name ends in {suffix} (name it *.{fmt}, or leave "
                         "--format out); nothing was written")
    return fmt or named or "html"


def _review_named(fmt: str, toolkit: bool, given: bool) -> tuple:
    """What `_output_file` checks a review's -o name against (`_named_format`): the suffixes a review may end in,
    what it writes (`fmt`, `given` by --format or not) and the names to give."""
    if toolkit:
        return REVIEW_SUFFIXES, "the toolkit's strings are reviewed as an HTML page", "*.html"
    what = f"the review is {'a Word document' if fmt == 'docx' else 'an HTML page'} (--format {fmt})" if given \
        else "the review is an HTML page or a Word document"
    return REVIEW_SUFFIXES, what, f"*.{fmt}" if given else "*.html or *.docx"


@main.command()
@click.argument("file")
@click.option("-o", "--output", help="Write the snapshot to this file instead of standard output (-).")
@reported
def snapshot(file, output):
    """Print the canonical, diff-friendly text of FILE.docx or FILE.pdf."""
    from .output import write_text
    from .testing.snapshot import READERS, snapshot as take

    path = Path(file)
    looked_at(path)
    if not path.exists():
        raise UsageError(f"{file} does not exist")
    if path.suffix.lower() not in READERS or not path.is_file():
        raise UsageError(f"{file} is not a .docx or .pdf file")
    target = None if output is None else _output_file(output, {path: "the file"}, "the snapshot")
    text = take(path)
    if target:
        write_text(target, text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("old")
@click.argument("new")
@reported
def diff(old, new):
    """Print the unified diff of two documents' (or two snapshots') canonical text; exit 1 when they differ."""
    from .testing.snapshot import snapshot as take, unified

    for name in (old, new):
        looked_at(name)
        if not Path(name).is_file():
            raise UsageError(f"{name} is not a file")
    text = unified(take(Path(old)), take(Path(new)), old, new)
    click.echo(text, nl=False)
    sys.exit(1 if text else 0)


@main.command()
@click.argument("doc_dir")
@click.option("--symbol", required=True, callback=_given,
              help="The document symbol, e.g. WO/PBC/40/5 (without a suffix).")
@click.option("--kind", required=True, type=Vocabulary("KINDS"), help="The kind of paper.")
@click.option("--body", type=Vocabulary("BODIES"),
              help="The body (default: told from the symbol, WO/CC -> coordination-committee).")
@click.option("--session", type=click.IntRange(1, 9999), help="The session number (default: told from the symbol).")
@click.option("--ordinary", type=click.IntRange(1, 9999), help="The ordinary session number (Coordination Committee).")
@click.option("--extraordinary", type=click.IntRange(1, 9999), help="The extraordinary session number.")
@click.option("--venue", callback=_given, help="The venue (default: Geneva).")
@click.option("--dates", metavar="FIRST/LAST", callback=_given,
              help="The session's days, e.g. 2026-07-07/2026-07-15.")
@click.option("--date", "signed", metavar="YYYY-MM-DD", callback=_given,
              help="The document's date (default: today).")
@click.option("--languages", callback=_given, help="The languages, the original first (default: en,zh).")
@click.option("--title", callback=_given, help="The title in the original language.")
@templates_option
@reported
def new(doc_dir, symbol, kind, body, session, ordinary, extraordinary, venue, dates, signed, languages, title):
    """Write DOC_DIR: a complete, buildable document folder (document.yaml, content skeleton, empty data/), and
    print its files and the commands to run next."""
    from .pipeline import resolve_all
    from .scaffold.new import Options, new_folder, next_steps, split_languages

    options = Options(symbol, kind, body, session, ordinary, extraordinary, venue, dates, signed,
                      split_languages(languages), title)
    for path in new_folder(Path(doc_dir), options, check=resolve_all):
        click.echo(str(path))
    for line in next_steps(doc_dir, options.languages):
        click.echo(line)


@main.command("next")
@click.argument("old_dir")
@click.argument("new_dir")
@click.option("--symbol", callback=_given,
              help="The new symbol (default: the old one with the session renumbered, to confirm).")
@click.option("--session", type=click.IntRange(1, 9999), help="The new session number (default: the next, to confirm).")
@click.option("--ordinary", type=click.IntRange(1, 9999), help="The new ordinary session number (default: the next).")
@click.option("--first-day", metavar="YYYY-MM-DD", callback=_given,
              help="The session's first day (default: a year on, to confirm).")
@click.option("--last-day", metavar="YYYY-MM-DD", callback=_given,
              help="The session's last day (default: a year on, to confirm).")
@click.option("--date", "signed", metavar="YYYY-MM-DD", callback=_given,
              help="The document's date (default: a year on, to confirm).")
@click.option("--memory", "memories", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
              help="An earlier document's catalog, folder or XLIFF file filling what the copied catalogs leave "
                   "untranslated, as `i18n update --memory` does. Repeat for more.")
@templates_option
@reported
def next_(old_dir, new_dir, symbol, session, ordinary, first_day, last_day, signed, memories):
    """Start NEW_DIR, next year's report, from OLD_DIR; list what to confirm and the literals that may be stale."""
    from .scaffold.next import STALE, Options, next_folder

    old = _folder(old_dir)
    notes = next_folder(old, Path(new_dir), Options(symbol, session, ordinary, first_day, last_day, signed,
                                                    _memories(memories)))
    for item in notes:
        click.echo(str(item))
    stale = sum(item.message.endswith(STALE) for item in notes)
    listed = "year, date or figure" if stale == 1 else "years, dates and figures"
    click.echo(f"{new_dir}: written; {stale} {listed} typed in the text to review (listed above)")
