"""`ccdocs watch` ends each round with one status line whose error count is the number of errors told above it.

It said `0 errors (en: not written)` right under `ccdocs: error: cannot write …` (an output folder's language made
a link leading out of it after the first round, verify-9), and a round stopped by a file that could not be read or
a worker lost printed its error and no status line at all. A content file replaced by a FIFO is told once, by one
error and one status line (breaks-4 #18 saw them twice). Rounds run in this process (`rounds_told`'s way) where a
round is driven by a call; the FIFO by a `ccdocs watch` process driven by file writes, every wait bounded, no
duration asserted.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ccdocs import watch
from ccdocs.watch import Session
from ccdocs.workers import WorkerLost

from conftest import DOCS
from test_watch import STATUS, Watching, save

REPORT = "content/report.md"
EDIT = ("by object of expenditure.\n", "by object of expenditure. Watched sentence.\n")


def _counts_true(lines: list[str]) -> None:
    """Each status line's `N error(s)` is the number of error lines since the status line before it."""
    errors = 0
    for line in lines:
        if STATUS.match(line):
            said = re.search(r"(\d+) errors? \(", line)
            assert (int(said.group(1)) if said else 0) == errors, (line, lines)
            errors = 0
        elif ": error: " in line:
            errors += 1


def _session(tmp_path: Path, monkeypatch) -> tuple[Session, list[str]]:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    told: list[str] = []
    session = Session(Path("doc"), Path("out"), ["en"], ("pdf",), False, lambda text, err=False: told.append(text))
    session.round(None)
    assert STATUS.match(told[-1]) and "en built (pdf)" in told[-1], told
    told.clear()
    return session, told


def _edited(folder: Path) -> Path:
    path = folder / REPORT
    save(path, path.read_text(encoding="utf-8").replace(*EDIT, 1))
    return path


def test_an_output_that_cannot_be_written_is_counted_in_the_status_line(tmp_path, monkeypatch):
    session, told = _session(tmp_path, monkeypatch)
    victim = tmp_path / "victim"
    victim.mkdir()
    shutil.rmtree(tmp_path / "out" / "en")
    (tmp_path / "out" / "en").symlink_to(victim)
    try:
        session.round({_edited(Path("doc")): "saved"})
    finally:
        session.close()
    assert len(told) == 2, told
    assert told[0].startswith("ccdocs: error: cannot write out/en/"), told
    assert "doc/content/report.md saved: 1 error (en: not written)" in told[1], told
    assert list(victim.iterdir()) == []
    _counts_true(told)


def _unreadable(folder, *args, **kwargs):
    raise PermissionError(13, "Permission denied", str(folder / REPORT))


def _lost(*args, **kwargs):
    raise WorkerLost("a worker ended without sending its outcome (killed by signal 9)")


@pytest.mark.parametrize("where, name, stop, error", [
    (watch, "read_sources", _unreadable, "doc/content/report.md: error: Permission denied while it was read (save it "
                                         "again)"),
    (Session, "_here", _lost, "ccdocs: error: a worker ended without sending its outcome (killed by signal 9)"),
], ids=["file-unreadable", "worker-lost"])
def test_a_round_stopped_by_an_error_ends_with_its_status_line(tmp_path, monkeypatch, where, name, stop, error):
    session, told = _session(tmp_path, monkeypatch)
    monkeypatch.setattr(where, name, stop)
    try:
        session.round({_edited(Path("doc")): "saved"})
    finally:
        session.close()
    assert told[0] == error, told
    assert len(told) == 2 and "doc/content/report.md saved: 1 error (en: previous outputs kept)" in told[1], told
    _counts_true(told)


def test_a_content_file_replaced_by_a_fifo_is_told_once(tmp_path):
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    report = tmp_path / "doc" / REPORT
    text = report.read_text(encoding="utf-8")
    watching = Watching(tmp_path, "doc", "--format", "pdf", "--out", "out")
    try:
        watching.until("watching")
        report.unlink()
        os.mkfifo(report)
        fifo = watching.until(STATUS.pattern)
        report.unlink()
        save(report, text)
        back = watching.until(r"^\S+ .*en, zh rebuilt \(pdf\)")
    finally:
        code, printed = watching.stop()
    assert len(fifo) == 1 + 1 and "is not a regular file (a FIFO" in fifo[0], fifo
    assert "1 error (en, zh: previous outputs kept)" in fifo[1], fifo
    # the next lines are the file's return (with the FIFO's removal, one burst or two), never the FIFO's again
    assert not any("FIFO" in line for line in back), back
    assert code == 0
    _counts_true(printed.splitlines())
