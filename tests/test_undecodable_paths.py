"""A document folder whose name holds a byte that is not UTF-8 (a zip unpacked from a Latin-1 system: Python keeps
the byte as a lone surrogate, U+DCFF for 0xFF) is read, built, checked and reviewed like any other; its path is
printed as Python prints such a name on standard error (`bad\\udcffdir`), never an internal error. The commands run
as in a UTF-8 locale, where standard output is strict."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import DOCS

NAME = os.fsdecode(b"bad\xffdir")


@pytest.fixture
def odd(tmp_path):
    """Run ccdocs in tmp_path on a copy of the budget-table sample named NAME, with a cache of its own."""
    shutil.copytree(DOCS["budget"], tmp_path / NAME, ignore=shutil.ignore_patterns("expected"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "CCDOCS_CACHE": str(tmp_path / "cache")}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "ccdocs", *args], capture_output=True, text=True,
                              errors="surrogateescape", cwd=tmp_path, env=env)

    run.folder = tmp_path / NAME
    return run


def test_a_folder_named_with_a_byte_that_is_not_utf8_checks_and_builds(odd, tmp_path):
    checked = odd("check", NAME)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout.startswith("bad\\udcffdir: ok")
    built = odd("build", NAME, "--out", "out", "--lang", "en,zh", "--format", "docx")
    assert built.returncode == 0, built.stderr
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 2   # en and zh


def test_an_error_inside_it_is_printed_at_its_path(odd):
    report = odd.folder / "content" / "report.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nSee {{ nosuch }}.\n", encoding="utf-8")
    lines = len(report.read_text(encoding="utf-8").splitlines())
    checked = odd("check", NAME)
    assert checked.returncode == 1
    assert f"bad\\udcffdir/content/report.md:{lines}:" in checked.stderr and "internal error" not in checked.stderr


def test_its_review_page_names_its_catalog(odd, tmp_path):
    reviewed = odd("i18n", "review", NAME, "--lang", "zh", "-o", "review.html")
    assert reviewed.returncode == 0, reviewed.stderr
    assert "catalog bad\\udcffdir/locales/zh/LC_MESSAGES/content.po" in (tmp_path / "review.html").read_text("utf-8")
