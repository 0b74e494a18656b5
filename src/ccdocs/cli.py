"""The `ccdocs` command: build, check, dump."""

from __future__ import annotations

import sys
import traceback
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .errors import InputError, UsageError
from .sources.spec import LANGUAGES
from .writers import WRITERS, available, writer

FORMATS = ("docx", "pdf")


def _split(value: str | None, known, what: str) -> list[str] | None:
    if not value:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    for item in items:
        if item not in known:
            raise UsageError(f"unknown {what} `{item}`; known: {', '.join(known)}")
    return items


def reported(func):
    """Turn input and usage errors into `path:line:col: error:` lines and exit codes 1 and 2."""

    @wraps(func)
    def run(*args, **kwargs):
        debug = kwargs.pop("debug", False)
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            if debug:
                traceback.print_exc()
            for item in exc.problems:
                click.echo(str(item), err=True)
            count = len(exc.problems)
            click.echo(f"{count} error{'s' if count != 1 else ''}; nothing was written.", err=True)
            sys.exit(1)
        except UsageError as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"ccdocs: error: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("ccdocs: interrupted; nothing was written.", err=True)
            sys.exit(130)

    return click.option("--debug", is_flag=True, help="Show the Python traceback of an error.")(run)


def _folder(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise UsageError(f"{value} is not a document folder")
    return path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ccdocs")
def main() -> None:
    """Assemble WIPO governing-body papers (WO/CC) in English and Chinese, as DOCX and PDF."""


@main.command()
@click.argument("doc_dirs", nargs=-1, required=True, metavar="DOC_DIR...")
@click.option("--lang", help="Languages to build, e.g. en,zh (default: the document's languages).")
@click.option("--format", "formats", help="Formats, e.g. docx,pdf (default: both).")
@click.option("--out", "out_dir", default="out", show_default=True, help="Output folder.")
@reported
def build(doc_dirs, lang, formats, out_dir):
    """Build DOC_DIR into OUT/<lang>/<symbol>.<format>."""
    from .build import build as build_documents

    languages = _split(lang, LANGUAGES, "language")
    chosen = _split(formats, tuple(WRITERS), "format")
    ready = available()
    if chosen is None:
        chosen = [f for f in FORMATS if f in ready]
        for missing in sorted(set(FORMATS) - set(chosen)):
            click.echo(f"ccdocs: note: the {missing} writer is not part of this version yet", err=True)
    for fmt in chosen:
        if fmt not in ready:
            raise UsageError(f"the {fmt} writer is not part of this version yet")
    for path in build_documents([_folder(d) for d in doc_dirs], Path(out_dir), languages, chosen):
        click.echo(str(path))


@main.command()
@click.argument("doc_dir")
@reported
def check(doc_dir):
    """Check everything a build of DOC_DIR needs; print each problem as path:line:col."""
    from .pipeline import resolve_all

    documents = resolve_all(_folder(doc_dir))
    click.echo(f"{doc_dir}: ok ({', '.join(documents)})")


@main.command()
@click.argument("doc_dir")
@click.option("--lang", required=True, type=click.Choice(LANGUAGES), help="The language to resolve.")
@click.option("--json", "as_json", is_flag=True, help="The JSON contract instead of the readable outline.")
@reported
def dump(doc_dir, lang, as_json):
    """Print the resolved model of DOC_DIR in LANG."""
    from .model.dump import dumps, to_text
    from .pipeline import resolve_all

    doc = resolve_all(_folder(doc_dir), [lang])[lang]
    click.echo(dumps(doc) if as_json else to_text(doc), nl=False)
