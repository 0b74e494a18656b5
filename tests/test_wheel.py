"""The wheel as a documents repository gets it: built once, installed into a new virtual environment far from
the checkout, then every user command and the pytest plugin run from there; and the templates search path.

The dependencies are installed from a wheelhouse kept in `.venv/wheelhouse` (filled from the package index the
first time, offline afterwards), so that the test does not download them on every run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ccdocs import __version__
from ccdocs.resources import ENV, find, names, package_locales, package_templates
from ccdocs.theme import load_theme
from conftest import MINIMAL, REPORT, translated_as_written

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "budget-table"
SLUG = "wo_pbc_35_inf_1"
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
BUILD_INPUTS = ("pyproject.toml", "README.md", "src", "templates", "locales")
PLUGIN_TEST = """\
from pathlib import Path
import pytest

DOCUMENTS = Path(__file__).parent / "documents"


@pytest.mark.parametrize("folder", sorted(DOCUMENTS.glob("*/document.yaml")), ids=lambda p: p.parent.name)
def test_document_is_unchanged(ccdocs_regression, folder):
    ccdocs_regression(folder.parent)
"""


def _run(args, cwd: Path, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", ENV, "VIRTUAL_ENV")}
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**clean, **(env or {})})
    assert "Traceback" not in done.stderr, done.stderr
    if check:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def _pip(*args, cwd: Path) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], cwd, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the checkout's build inputs (no stale build/ folder, no egg-info)."""
    where = tmp_path_factory.mktemp("wheel")
    source = where / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, source / name)
    built = _pip("wheel", "-q", "--no-deps", "--no-build-isolation", "-w", where / "dist", source, cwd=where)
    assert built.returncode == 0, built.stderr
    (path,) = (where / "dist").glob("ccdocs-*.whl")
    return path


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A new virtual environment, outside the checkout, holding the wheel, its dependencies and pytest; its bin/."""
    where = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", where / "env"], where)
    python = where / "env" / "bin" / "python"
    install = ("--python", python, "install", "-q", "--no-compile", "--no-index", "--find-links", WHEELHOUSE,
               wheel, "pytest")
    if _pip(*install, cwd=where).returncode:
        for stale in WHEELHOUSE.glob("ccdocs-*.whl"):  # an earlier ccdocs of the same version: pip would take
            stale.unlink()                              # its dependencies for this one's
        filled = _pip("wheel", "-q", "-w", WHEELHOUSE, wheel, "pytest", cwd=where)
        assert filled.returncode == 0, f"could not fill {WHEELHOUSE} from the package index:\n{filled.stderr}"
        done = _pip(*install, cwd=where)
        assert done.returncode == 0, done.stderr
    return python.parent


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A folder far from the checkout: a copy of the budget sample (with its expected/ snapshots) under
    documents/, and the minimal document of the test suite (its cover note from the package's frame)."""
    where = tmp_path_factory.mktemp("repository")
    shutil.copytree(SAMPLE, where / "documents" / SAMPLE.name)
    files = {"document.yaml": MINIMAL, "content/report.md": REPORT, "content/annex.md": "# Annex\n\nAnnex text.\n",
             "data/workforce.yaml": "staff: 1735\n", "data/applicants.csv": "id,region,applied\nafrica,Africa,100\n"
             "total,,100\n"}
    for name, text in files.items():
        (where / "minimal" / name).parent.mkdir(parents=True, exist_ok=True)
        (where / "minimal" / name).write_text(text, encoding="utf-8")
    translated_as_written(where / "minimal")  # a final zh build needs its catalog (conftest.write_doc)
    return where


def test_the_wheel_holds_every_module_template_and_catalog(wheel):
    inside = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "src" / "ccdocs"
    wanted = {f"ccdocs/{p.relative_to(package).as_posix()}" for p in package.rglob("*.py")}
    for folder in ("templates", "locales"):
        wanted |= {f"ccdocs/{folder}/{p.relative_to(ROOT / folder).as_posix()}" for p in (ROOT / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts}
    assert wanted - inside == set(), "add the missing packages to [tool.setuptools] packages in pyproject.toml"


def test_the_installed_package_finds_its_own_files_not_the_checkouts(venv, home):
    where = _run([venv / "python", "-c", "from ccdocs import resources as r; "
                  "print(r.package_templates()); print(r.package_locales())"], home).stdout.split()
    assert all(Path(p).is_relative_to(venv.parent) for p in where), where
    assert _run([venv / "ccdocs", "--version"], home).stdout.strip() == f"ccdocs, version {__version__}"


def test_check_and_dump_with_the_packages_theme_frames_and_catalogs(venv, home):
    assert "ok" in _run([venv / "ccdocs", "check", home / "minimal"], home).stdout
    dumped = json.loads(_run([venv / "ccdocs", "dump", home / "minimal", "--lang", "zh", "--json"], home).stdout)
    assert dumped["meta"]["symbol"] == "WO/CC/86/INF/1" and dumped["meta"]["session"].startswith("第八十六届")
    assert any(b["part"] == "cover-note" and "人力资源年度报告" in b["text"] for b in dumped["blocks"])


def test_build_snapshot_diff_from_the_installed_wheel(venv, home):
    doc, out = home / "documents" / SAMPLE.name, home / "out"
    built = _run([venv / "ccdocs", "build", doc, "--out", out], home).stdout.split()
    assert sorted(Path(p).relative_to(out).as_posix() for p in built) == [
        f"{lang}/{SLUG}.{fmt}" for lang in ("en", "zh") for fmt in ("docx", "pdf")]
    for lang, fmt in (("en", "docx"), ("zh", "pdf")):
        document, expected = out / lang / f"{SLUG}.{fmt}", doc / "expected" / f"{lang}.{fmt}.txt"
        snap = home / f"{lang}.{fmt}.txt"
        _run([venv / "ccdocs", "snapshot", document, "-o", snap], home)
        assert snap.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
        assert _run([venv / "ccdocs", "diff", document, expected], home).stdout == ""
    changed = _run([venv / "ccdocs", "diff", out / "en" / f"{SLUG}.docx", out / "zh" / f"{SLUG}.docx"], home,
                   check=False)
    assert changed.returncode == 1 and changed.stdout.startswith("---")


def test_the_pytest_plugin_from_the_installed_wheel(venv, home):
    (home / "conftest.py").write_text('pytest_plugins = ["ccdocs.testing.plugin"]\n', encoding="utf-8")
    (home / "test_documents.py").write_text(PLUGIN_TEST, encoding="utf-8")
    elsewhere = home / "documents"  # the snippet of the README finds its folders from any working folder
    done = _run([venv / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", home / "test_documents.py"],
                elsewhere)
    assert "1 passed" in done.stdout


# The templates search path (in this process: the checkout's editable install).

THEME = "page:\n  size: A4\n"


def test_the_package_templates_and_catalogs_are_found():
    assert (package_templates() / "themes" / "default.yaml").is_file()
    assert (package_locales() / "zh" / "LC_MESSAGES" / "ccdocs.po").is_file()


@pytest.mark.parametrize("name", ["../default", "themes/default", "a\\b", "..", "", ".hidden", "default.yaml", None, 5])
def test_a_theme_name_is_a_name_never_a_path(name):
    assert find("themes", name, ".yaml") is None


def test_the_document_folder_first_then_the_users_folder_then_the_package(tmp_path, monkeypatch):
    doc, user = tmp_path / "doc", tmp_path / "house"
    for base, names_ in ((doc / "templates", ("own", "default")), (user, ("house", "own"))):
        (base / "themes").mkdir(parents=True)
        for name in names_:
            (base / "themes" / f"{name}.yaml").write_text(THEME, encoding="utf-8")
    monkeypatch.setenv(ENV, str(user))
    assert find("themes", "own", ".yaml", doc) == doc / "templates" / "themes" / "own.yaml"
    assert find("themes", "default", ".yaml", doc) == doc / "templates" / "themes" / "default.yaml"
    assert find("themes", "house", ".yaml", doc) == user / "themes" / "house.yaml"
    assert find("themes", "default", ".yaml") == package_templates() / "themes" / "default.yaml"
    assert names("themes", ".yaml", doc) == ["default", "house", "own"]
    assert load_theme("house", doc).path == user / "themes" / "house.yaml"


def test_a_link_out_of_a_templates_folder_is_refused_never_followed(tmp_path):
    from ccdocs.errors import InputError

    doc, elsewhere = tmp_path / "doc", tmp_path / "elsewhere.yaml"
    elsewhere.write_text(THEME, encoding="utf-8")
    (doc / "templates" / "themes").mkdir(parents=True)
    (doc / "templates" / "themes" / "stolen.yaml").symlink_to(elsewhere)
    with pytest.raises(InputError, match="this theme is not a regular file inside"):
        find("themes", "stolen", ".yaml", doc)


def test_the_templates_option_names_a_folder_of_frames(make_doc, tmp_path):
    from click.testing import CliRunner

    from ccdocs.cli import main

    house = tmp_path / "house"
    (house / "cover-notes").mkdir(parents=True)
    for lang in ("en", "zh"):
        (house / "cover-notes" / f"house.{lang}.md.j2").write_text(f"Our own note ({lang}).\n", encoding="utf-8")
    folder = make_doc({"document.yaml": MINIMAL.replace("template: information", "template: house")})
    runner = CliRunner()
    done = runner.invoke(main, ["dump", str(folder), "--lang", "en", "--templates", str(house)], env={ENV: None})
    assert done.exit_code == 0 and "Our own note (en)." in done.output, done.output
    refused = runner.invoke(main, ["dump", str(folder), "--lang", "en", "--templates", str(tmp_path / "nowhere")],
                            env={ENV: None})
    assert refused.exit_code == 2 and "is not a folder" in refused.output
    assert ENV not in os.environ


@pytest.mark.parametrize("command", [["i18n", "stats", "DOC"], ["i18n", "extract", "DOC"],
                                     ["i18n", "update", "DOC", "--lang", "zh"],
                                     ["i18n", "review", "DOC", "--lang", "zh", "-o", "REVIEW"], ["next", "DOC", "NEXT"]])
def test_every_command_reading_a_document_folder_takes_the_templates_option(make_doc, tmp_path, command):
    from click.testing import CliRunner

    from ccdocs.cli import main

    house = tmp_path / "house"
    (house / "cover-notes").mkdir(parents=True)
    for lang in ("en", "zh"):
        (house / "cover-notes" / f"house.{lang}.md.j2").write_text(f"Our own note ({lang}).\n", encoding="utf-8")
    folder = make_doc({"document.yaml": MINIMAL.replace("template: information", "template: house")})
    args = [{"DOC": str(folder), "REVIEW": str(tmp_path / "review.html"), "NEXT": str(tmp_path / "next")}.get(a, a)
            for a in command]
    runner = CliRunner()
    without = runner.invoke(main, args, env={ENV: None})
    assert without.exit_code == 1 and "house" in without.output, without.output
    done = runner.invoke(main, [*args, "--templates", str(house)], env={ENV: None})
    assert done.exit_code in (0, 1) and "house" not in done.output and "error" not in done.output, done.output
    assert ENV not in os.environ
