"""Batch builds, `ccdocs build DIR1 DIR2 …`: one plain progress line per document when standard error is not a
terminal, and the documents per second at the end; the build's `progress` hook called once per folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ccdocs.build import build

from conftest import DOCS, run_ccdocs

ESCAPE = "\x1b"


def copies(where: Path, count: int) -> list[Path]:
    """`count` copies of the budget table sample, each with a symbol of its own (WO/PBC/35/INF/1, /2, …)."""
    folders = []
    for number in range(1, count + 1):
        folder = where / f"budget-{number}"
        shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
        spec = folder / "document.yaml"
        spec.write_text(spec.read_text(encoding="utf-8").replace("WO/PBC/35/INF/1", f"WO/PBC/35/INF/{number}"),
                        encoding="utf-8")
        folders.append(folder)
    return folders


def test_a_batch_prints_one_plain_line_per_document_and_its_throughput(tmp_path):
    """A folder given twice (`budget-1` and `./budget-1/`, as two overlapping globs give it) is built once."""
    copies(tmp_path, 3)
    done = run_ccdocs("build", "budget-1", "budget-2", "./budget-1/", "budget-3", "--lang", "en", "--format",
                      "docx", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert ESCAPE not in done.stderr and ESCAPE not in done.stdout
    progress = [line for line in done.stderr.splitlines() if line.startswith("[")]
    assert [line.split("] ")[0] for line in progress] == ["[1/3", "[2/3", "[3/3"]  # in the order they end
    assert sorted(line.split("] ")[1] for line in progress) == [f"budget-{k}: ready" for k in (1, 2, 3)]
    # folders, as the lines count them (newcomer #15: `3 documents`, for 3 folders each of several documents)
    assert re.search(r"^3 folders in \d+\.\d\d s \(\d+\.\d folders/s\)$", done.stderr, re.M)
    assert done.stdout.split() == [f"out/en/wo_pbc_35_inf_{n}.docx" for n in (1, 2, 3)]  # in the order given


def test_a_failing_document_of_a_batch_is_its_own_line(tmp_path):
    good, bad = copies(tmp_path, 2)
    report = bad / "content" / "report.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n{{ nosuch.total }}\n", encoding="utf-8")
    done = run_ccdocs("build", "budget-1", "budget-2", "--lang", "en", "--format", "docx", "--out", "out",
                      cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    # `ready`: made, and written only when the whole batch succeeds (a batch's outputs are written together)
    assert sorted(line.split("] ")[1] for line in lines if line.startswith("[")) == ["budget-1: ready",
                                                                                       "budget-2: 1 error"]
    assert "built" not in done.stderr
    assert "1 folder made, 1 failed: nothing was written" in lines
    assert any(re.match(r"budget-2/content/report\.md:\d+:\d+: error: undefined figure", line) for line in lines)
    assert "folders/s" not in done.stderr
    assert not (tmp_path / "out").exists()  # nothing written, as for one folder


def test_a_language_some_folders_of_a_batch_do_not_list_is_refused_up_front_naming_them(tmp_path):
    for folder in copies(tmp_path, 3)[1:]:
        spec = folder / "document.yaml"
        text = spec.read_text(encoding="utf-8")
        spec.write_text(re.sub(r"(?m)^languages:.*$", "languages: [en]", text), encoding="utf-8")
        assert spec.read_text(encoding="utf-8") != text
    done = run_ccdocs("build", "budget-1", "budget-2", "budget-3", "--lang", "zh", "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "ccdocs: error: --lang zh: budget-2 does not list zh (its languages: en); budget-3 does not list zh (its "
        "languages: en): leave these folders out of the batch, build them with their own --lang, or add the "
        "language to `languages:` in their document.yaml"]  # before any work: no progress line
    assert not (tmp_path / "out").exists()


def test_one_folder_prints_no_progress(tmp_path):
    copies(tmp_path, 1)
    done = run_ccdocs("build", "budget-1", "--lang", "en", "--format", "docx", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "folders/s" not in done.stderr and "[1/1]" not in done.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_the_progress_hook_is_called_once_per_folder_when_its_outputs_are_made(tmp_path, workers):
    """In one process and in forked workers, each language's job spawning its second format."""
    folders = copies(tmp_path, 2)
    told = []
    paths = build(folders, tmp_path / "out", ["en"], ("docx", "pdf"), workers=workers,
                  progress=lambda folder, problems: told.append((folder, problems)))
    assert sorted(told) == [(folder, 0) for folder in folders]
    assert len(paths) == 4


def test_a_batch_registers_the_fonts_once_in_the_parent(tmp_path):
    """`preload.register_fonts` registers with reportlab, in the calling process, the face of each role a job of
    the batch would otherwise load in its own worker."""
    script = """
from reportlab.pdfbase import pdfmetrics
from ccdocs.l10n.fonts import FontResolver
from ccdocs.preload import register_fonts
from ccdocs.theme import load_theme
theme = load_theme("default")
family = FontResolver(theme).resolve("latin_regular", "en").family.replace(" ", "")
before = [name for name in pdfmetrics.getRegisteredFontNames() if name.startswith(family)]
register_fonts([(theme, "en")])
after = [name for name in pdfmetrics.getRegisteredFontNames() if name.startswith(family)]
print(len(before), len(after))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    before, after = map(int, done.stdout.split())
    assert before == 0 and after >= 1
