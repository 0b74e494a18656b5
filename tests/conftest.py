"""Shared fixtures: the sample documents' folders, a scratch document maker, the ccdocs command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["ccdocs.testing.plugin"]

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DOCS = {"86": FIXTURES / "wo-cc-86-inf-1", "84": FIXTURES / "wo-cc-84-inf-1", "budget": FIXTURES / "budget-table"}
DOCS["decision"] = FIXTURES / "wo-pbc-40-5"  # a decision paper: the proposed decision, two annexes with tables
DOCS["pbc"] = FIXTURES / "wo-pbc-40-inf-1"   # a transmittal: a cover note, then the whole of wo-cc-86-inf-1

MINIMAL = """\
symbol: WO/CC/86/INF/1
body: coordination-committee
session: {number: 86, ordinary: 57}
venue: Geneva
first_day: 2026-07-07
last_day: 2026-07-15
date: 2026-05-21
original: en
languages: [en, zh]
title: {en: Annual Report on Human Resources, zh: 人力资源年度报告}
kind: information
parts:
  - {type: cover-note, template: information}
  - {type: report, files: [content/report.md]}
  - {type: annex, files: [content/annex.md]}
data:
  workforce: data/workforce.yaml
  applicants: data/applicants.csv
variables: {period_start: 2025-01-01, period_end: 2025-12-31}
tables:
  applicants:
    data: applicants
    label: region
    columns: [{key: applied, heading: Applications}]
    total: total
"""

REPORT = """\
# Introduction

We count {{ workforce.staff | number }} staff.[^staff]

Second paragraph.

[^staff]: As at December 31, 2025.

::: table applicants
Applicants by region
:::
"""


@pytest.fixture(scope="session", autouse=True)
def font_cache(tmp_path_factory):
    """CCDOCS_CACHE for the whole run, so that no test writes ~/.cache and fonts are parsed once, not per case;
    XDG_STATE_HOME beside it, so that the cache's key (ccdocs.cache.key_file) is not made in ~/.local/state.

    Under pytest-xdist the workers share one folder (entries are written whole and named by what they hold);
    commands run as child processes inherit it. A test may still point CCDOCS_CACHE elsewhere itself.
    """
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "ccdocs-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CCDOCS_CACHE", str(folder))
        patch.setenv("XDG_STATE_HOME", str(folder.with_name("ccdocs-state")))
        yield folder


def _package(path: Path) -> bool:
    """Whether `path` is an OPC package at all (refusal tests write stand-ins: text, or a zip of something else)."""
    import zipfile

    if not path.is_file() or not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        return "[Content_Types].xml" in archive.namelist()


@pytest.fixture(scope="session", autouse=True)
def docx_schema_valid(tmp_path_factory):
    """Every DOCX the tests build passes the ISO 29500 schemas as Word reads them (`tests/ooxml/validate.py`).

    At the end of the session (of each xdist worker) every `.docx` under the worker's temporary folder is
    validated once per distinct content, each distinct part once; a problem fails the session's last test, naming
    the file and part.
    """
    yield
    import hashlib

    from ooxml.validate import validate

    seen, problems, parts = set(), [], {}
    for path in sorted(tmp_path_factory.getbasetemp().rglob("*.docx")):
        if "site-packages" in path.parts or not _package(path):
            continue  # installed packages' own templates; refusal tests' stand-ins (python-docx reads every built one)
        digest = hashlib.sha256(path.read_bytes()).digest()
        if digest in seen:
            continue
        seen.add(digest)
        problems += [f"{path}: {part}: {where}: {message}" for part, where, message in validate(path, parts)]
    assert not problems, "DOCX files invalid against ISO 29500:\n" + "\n".join(problems[:40])


def _group_id(item, group: str) -> None:
    """Give `item` the id `<nodeid>@<group>` by which pytest-xdist's loadgroup scheduler groups it, where xdist's
    own renaming no longer takes (pytest >= 9.2 keeps a structured id: pytest-dev/pytest-xdist#1386, which then
    spreads a group over every worker and makes each worker build what the group shares)."""
    if hasattr(item, "_nodeid") or not hasattr(item, "_id"):
        return  # an older pytest: xdist's own renaming works
    item._id = type(item._id).parse(f"{item.nodeid}@{group}")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup` (pytest-xdist, as `make test` runs), the tests sharing an expensive fixture run on
    one worker, which makes it once: those of the session-wide sample builds (`built`) together, and those of a
    module-scoped fixture by module. Without xdist the marks change nothing."""
    loadgroup = getattr(config.option, "loadgroup", False)
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        if fixtures is None:
            continue
        if "built" in fixtures.name2fixturedefs:
            group = "built"
        elif any(defs and defs[-1].scope == "module" for defs in fixtures.name2fixturedefs.values()):
            group = item.nodeid.split("::")[0]
        else:
            continue
        item.add_marker(pytest.mark.xdist_group(group))
        if loadgroup:
            _group_id(item, group)


def run_ccdocs(*args, cwd=None):
    """Run the `ccdocs` command; the completed process."""
    return subprocess.run([sys.executable, "-m", "ccdocs", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def ccdocs_here(*args, cwd=None) -> subprocess.CompletedProcess:
    """`run_ccdocs` in this process, by click's runner (in the folder `cwd` when given): for the commands a test
    runs to make or read its case, where the command's own process (`python -m ccdocs`, tested by test_cli.py,
    test_wheel.py and the i18n modules) is not what it tests; a second of interpreter start-up and imports saved
    each. An exception escaping the command is in `stderr` as its traceback, as the process would print it."""
    import contextlib
    import traceback

    from click.testing import CliRunner

    from ccdocs.cli import main

    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        result = CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=True)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["ccdocs", *map(str, args)], result.exit_code, result.stdout, stderr)


def write_doc(folder: Path, files: dict | None = None) -> Path:
    """Write a small valid document folder at `folder`; a dict of path -> text (or None) overrides files.

    A report given without `::: table applicants` gets the minimal document.yaml without its `tables:`."""
    defaults = {
        "document.yaml": MINIMAL,
        "content/report.md": REPORT,
        "content/annex.md": "# Annex title\n\nAnnex paragraph.\n",
        "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\n",
        "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n",
    }
    files = files or {}
    report = files.get("content/report.md")
    if report is not None and "document.yaml" not in files and "::: table applicants" not in report:
        defaults["document.yaml"] = MINIMAL.split("tables:\n")[0]  # a table no text places is an error
    defaults.update(files)
    for name, text in defaults.items():
        if text is None:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    translated_as_written(folder, given=files)
    return folder


CATALOG = "locales/zh/LC_MESSAGES/content.po"  # given to `write_doc` as None: the folder has no zh catalog


def translated_as_written(folder: Path, given=(), translations: dict | None = None) -> None:
    """Give the document in `folder` a finished catalog of each language but the one its text is keyed in,
    translating each segment as it is written there: its zh paper prints the English text under Chinese labels,
    cover and typography, what a test of the layout builds (a language without a catalog is refused, as one with
    untranslated entries). A catalog named in `given` (files a test wrote or left out: None) is left as it is;
    `translations` gives a segment (by msgid) a text of its own (one holding a term the glossary translates).
    Nothing when the document cannot be read (its build refuses it before any translation)."""
    from ccdocs.errors import InputError
    from ccdocs.i18n.catalogs import po_path
    from ccdocs.i18n.extract import template, write_catalog
    from ccdocs.i18n.update import merge, start
    from ccdocs.pipeline import read_sources

    if _all_given(folder, given):
        return
    try:
        sources = read_sources(folder)
        pot = template(sources, lambda segment: "")
    except InputError:
        return
    for lang in sources.spec.languages:
        path = po_path(folder, lang)
        if lang == sources.spec.source or path.relative_to(folder).as_posix() in given:
            continue
        catalog = start(lang, pot)
        merge(catalog, pot)
        for message in catalog:
            if message.id:
                message.string = (translations or {}).get(message.id, message.id)
        write_catalog(catalog, path, folder)


def _all_given(folder: Path, given) -> bool:
    """Whether document.yaml (read as `read_spec` reads it, its languages alone) lists no language but the one the
    text is keyed in whose catalog is not in `given`: then `translated_as_written` writes nothing, and the sources
    are not read for it (a refusal case's make_doc, a paper of 24,000 files). False whenever the YAML leaves it in
    doubt (not a regular file, refused, no list of texts), which reads the sources."""
    from ccdocs.errors import InputError
    from ccdocs.i18n.catalogs import po_path
    from ccdocs.sources.yamlfile import read_yaml

    path = folder / "document.yaml"
    if path.is_symlink() or not path.is_file():
        return False
    try:
        data = read_yaml(path).data
    except (InputError, OSError):
        return False
    if not isinstance(data, dict) or not isinstance(data.get("languages"), list):
        return False
    keyed = data.get("source", data.get("original"))
    return all(isinstance(lang, str) and (lang == keyed or po_path(folder, lang).relative_to(folder).as_posix()
                                          in given) for lang in data["languages"])


@pytest.fixture
def make_doc(tmp_path):
    """A function writing a small valid document folder (`write_doc` at `tmp_path/doc`); its path."""

    def make(files: dict | None = None):
        return write_doc(tmp_path / "doc", files)

    return make


@pytest.fixture
def copy_fixture(tmp_path):
    """A function copying a sample document folder to a scratch place."""

    def copy(key: str) -> Path:
        target = tmp_path / DOCS[key].name
        shutil.copytree(DOCS[key], target, ignore=shutil.ignore_patterns("expected"))
        return target

    return copy


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """A function `built(key, lang, fmt) -> Path`: each sample document and format built once per session."""
    from ccdocs.build import build

    out = tmp_path_factory.mktemp("built")
    done: dict = {}

    def get(key: str, lang: str, fmt: str) -> Path:
        if (key, fmt) not in done:
            done[(key, fmt)] = build([DOCS[key]], out / key, None, (fmt,))
        return next(p for p in done[(key, fmt)] if p.parent.name == lang)

    return get


@pytest.fixture(scope="session")
def office(built, tmp_path_factory):
    """A function `office(*keys) -> {(key, lang): Path}`: LibreOffice's PDF of each sample's built DOCX in both
    languages, each converted once per session for every module reading it; the keys not yet converted go in one
    LibreOffice call (one start-up). A sample that fails to build raises its `InputError` from here."""
    from libreoffice import soffice, to_pdf

    work = tmp_path_factory.mktemp("office")
    done: dict = {}

    def get(*keys: str) -> dict:
        missing = [(key, lang) for key in keys for lang in ("en", "zh") if (key, lang) not in done]
        if missing:
            soffice()
            files = [shutil.copy(built(key, lang, "docx"), work / f"{key}-{lang}.docx") for key, lang in missing]
            folder = to_pdf(files, work)
            done.update({(key, lang): folder / f"{key}-{lang}.pdf" for key, lang in missing})
        return {(key, lang): done[(key, lang)] for key in keys for lang in ("en", "zh")}

    return get


@pytest.fixture(scope="session")
def dumped():
    """A function `dumped(key, lang) -> dict`: the `ccdocs dump --json` object, resolved once per session."""
    from ccdocs.model.dump import to_json
    from ccdocs.pipeline import read_sources, resolve

    cache: dict = {}

    def get(key: str, lang: str) -> dict:
        if (key, lang) not in cache:
            cache[(key, lang)] = to_json(resolve(read_sources(DOCS[key]), lang))
        return cache[(key, lang)]

    return get


@pytest.fixture(scope="session")
def charts_sample():
    """The sample's Chinese model (three charts: a doughnut, bars, columns) and its theme, resolved once per
    session."""
    from ccdocs.pipeline import read_sources, resolve
    from ccdocs.theme import load_theme

    sources = read_sources(DOCS["86"])
    return resolve(sources, "zh"), load_theme(sources.spec.theme, sources.spec.folder)

@pytest.fixture
def refuse(make_doc, tmp_path):
    """A function running one `refusals.Case` against the minimal document; it returns what was printed."""
    from refusals import refused, write_files

    def run_case(case):
        folder = make_doc({CATALOG: None})
        write_files(folder, case.files)
        translated_as_written(folder, given=case.files)  # the catalogs of the document as the case leaves it
        return refused(case, folder, tmp_path / "out")

    return run_case
