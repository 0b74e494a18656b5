"""`ccdocs watch` watches the document's own folders: never what a link in them leads to, and a folder the system
refuses to watch is told, not an internal error (breaks-5 #5: a link to /usr added 16,027 inotify watches, one to
/proc/1 stopped the watch with exit 70)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ccdocs.watch as watching
from ccdocs.errors import Failure
from ccdocs.watch import Saves, Session

from conftest import DOCS, run_ccdocs
from test_watch import SLUG, STATUS, Watching, save

LINKED = 200  # folders under the linked folder outside the document


def inotify_watches(pid: int) -> int:
    """The inotify watches process `pid` holds (Linux: one `inotify wd:` line each in /proc/PID/fdinfo/FD)."""
    count = 0
    for info in Path(f"/proc/{pid}/fdinfo").iterdir():
        try:
            count += sum(line.startswith("inotify wd:") for line in info.read_text().splitlines())
        except OSError:  # a descriptor closed meanwhile
            continue
    return count


@pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="counts Linux's inotify watches in /proc")
def test_a_link_leading_out_of_the_folder_is_not_watched(tmp_path):
    """A folder of the document linked to one outside it holding 200 folders: the watch holds fewer watches than
    those 200 (the document's folders and the toolkit's templates), and a save still rebuilds."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    for n in range(LINKED):
        (tmp_path / "outside" / f"folder{n}").mkdir(parents=True)
    (folder / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    report = folder / "content" / "report.md"
    process = Watching(tmp_path, "doc", "--lang", "en", "--format", "pdf", "--out", "out")
    try:
        process.until("watching")
        save(report, report.read_text(encoding="utf-8").replace("by object of expenditure.\n",
                                                                 "by object of expenditure, linked.\n", 1))
        rebuilt = process.until(STATUS.pattern)  # the watcher is set: its save was seen
        watches = inotify_watches(process.process.pid)
    finally:
        code, printed = process.stop()
    assert "report.md saved: en rebuilt" in rebuilt[-1], printed
    assert 0 < watches < LINKED, f"{watches} inotify watches"
    assert code == 0 and "Traceback" not in printed


def test_a_folder_the_system_refuses_to_watch_is_told(tmp_path, monkeypatch):
    """The system refusing a watch (inotify's per-user limit spent, a folder that cannot be read): a Failure (exit 1)
    naming the folder and what to do, not an internal error."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))

    def refused(*folders, **options):
        raise OSError(28, "OS file watch limit reached")
        yield  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watching, "watch", refused)
    session = Session(folder.resolve(), tmp_path / "out", ["en"], ("pdf",), False, lambda line, err=False: None)
    try:
        with pytest.raises(Failure, match=r"cannot watch the files of .*doc: .*watch limit reached .*"
                                          r"fs\.inotify\.max_user_watches"):
            watching._watch(session, session.folder, session.out)
    finally:
        session.close()


def test_two_outputs_one_file_through_a_link_are_refused_at_each_round(tmp_path):
    """An output folder whose `en` is a link to its `zh` (verify-10 V3, as 1233da1 refuses it in a build): no round
    writes one language's paper over the other's; each round says why, and a save does not write it either."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    (tmp_path / "out" / "zh").mkdir(parents=True)
    (tmp_path / "out" / "en").symlink_to("zh", target_is_directory=True)
    report = folder / "content" / "report.md"
    process = Watching(tmp_path, "doc", "--format", "pdf", "--draft", "--out", "out")  # zh as well, after the save
    try:
        started = process.until(STATUS.pattern)
        process.until("watching")
        save(report, report.read_text(encoding="utf-8").replace("by object of expenditure.\n",
                                                                 "by object of expenditure, linked.\n", 1))
        saved = process.until(STATUS.pattern)
    finally:
        code, printed = process.stop()
    for told in (started, saved):
        assert sum("another output of this command, through a link" in line for line in told) == 1, printed
        assert "1 error" in told[-1] and "not written" in told[-1] and "rebuilt" not in told[-1], printed
    assert not list((tmp_path / "out" / "zh").iterdir()), printed
    assert code == 0 and "Traceback" not in printed


def test_an_input_replaced_by_a_link_leading_out_is_a_save(tmp_path):
    """The entry of a watched folder is a save wherever it leads (breaks-8 #4: `Saves` took the resolved path, and a
    content file replaced by a link leading out was no save at all); a file under a linked folder is none."""
    folder = (tmp_path / "doc").resolve()
    (folder / "content").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "report.md").write_text("The secret password is hunter2.\n", encoding="utf-8")
    (folder / "content" / "report.md").symlink_to(tmp_path / "outside" / "report.md")
    (folder / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    saves = Saves([folder])
    assert saves(1, str(folder / "content" / "report.md"))
    assert not saves(1, str(folder / "linked" / "report.md"))


def test_a_content_file_replaced_by_a_link_leading_out_is_refused_as_check_refuses_it(tmp_path):
    """The round the replacement starts says what `check` says, and keeps the previous outputs."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    report = folder / "content" / "report.md"
    outside = tmp_path / "outside.md"
    outside.write_text(report.read_text(encoding="utf-8") + "\nThe secret password is hunter2.\n", encoding="utf-8")
    process = Watching(tmp_path, "doc", "--lang", "en", "--format", "pdf", "--out", "out")
    try:
        process.until("watching")
        built = (tmp_path / "out" / "en" / f"{SLUG}.pdf").read_bytes()
        report.unlink()
        report.symlink_to(outside)
        told = process.until(STATUS.pattern)
    finally:
        code, printed = process.stop()
    checked = run_ccdocs("check", "doc", cwd=tmp_path)
    refusal = next(line for line in checked.stderr.splitlines() if "leaves the document folder" in line)
    assert refusal in told, printed
    assert "1 error (en: previous outputs kept)" in told[-1], printed
    assert (tmp_path / "out" / "en" / f"{SLUG}.pdf").read_bytes() == built
    assert code == 0 and "Traceback" not in printed and "hunter2" not in printed
