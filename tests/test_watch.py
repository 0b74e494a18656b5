"""`ccdocs watch`: a build, then a rebuild at every save of the folder; a failing save keeps the outputs.

The command runs as an editor runs it, in its own process on a copy of the budget table sample, driven by file
writes (an editor's save: a temporary file renamed over the file) and read through its status lines; every wait
is bounded, and no duration is asserted.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from watchfiles import Change

from ccdocs.watch import CLOCK_TICK, Saves, Session, _changes, _saved, basis
from ccdocs.workers import worker_count

from conftest import DOCS, run_ccdocs

WAIT = 120.0  # seconds for one status line, on a loaded machine
STATUS = re.compile(r"^\d\d:\d\d:\d\d .*\d s$")
SLUG = "wo_pbc_35_inf_1"


class Watching:
    """A `ccdocs watch` process in `cwd`, its lines (standard error merged into standard output, in the order
    printed, as a terminal shows them) queued as they come."""

    def __init__(self, cwd: Path, *args: str, **popen):
        self.process = subprocess.Popen([sys.executable, "-m", "ccdocs", "watch", *args], cwd=cwd, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **popen)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def until(self, pattern: str) -> list[str]:
        """The lines printed up to the first matching `pattern`, that one included."""
        got, deadline = [], time.monotonic() + WAIT
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"no line matching {pattern!r} within {WAIT:.0f} s; got {got}")
            if line is None:
                pytest.fail(f"the command ended before a line matching {pattern!r}; got {got}")
            got.append(line)
            self.seen.append(line)
            if re.search(pattern, line):
                return got

    def end(self) -> int:
        """Wait for the command to end; its exit code, all it printed in `seen`."""
        try:
            code = self.process.wait(timeout=WAIT)
        finally:
            self.process.kill()
        while (line := self.lines.get(timeout=WAIT)) is not None:
            self.seen.append(line)
        return code

    def stop(self) -> tuple[int, str]:
        """Ctrl-C; the exit code and all that was printed."""
        self.process.send_signal(signal.SIGINT)
        return self.end(), "\n".join(self.seen)


def save(path: Path, text: str) -> None:
    """Save as a tool writing atomically does: a temporary file of a random name beside the file (Python's
    tempfile, as `atomicwrites` and many editors use it), renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)


def save_as_jetbrains(path: Path, text: str) -> None:
    """JetBrains' safe write: `name___jb_tmp___` written, the file moved to `name___jb_old___`, the temporary
    moved to the file, the old copy removed."""
    temporary, old = path.with_name(f"{path.name}___jb_tmp___"), path.with_name(f"{path.name}___jb_old___")
    temporary.write_text(text, encoding="utf-8")
    os.replace(path, old)
    os.replace(temporary, path)
    old.unlink()


def save_as_sed(path: Path, text: str) -> None:
    """sed -i: `sedXXXXXX` written beside the file, renamed over it."""
    temporary = path.with_name("sedK3x9Qa")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """One watch session, recorded: the first build, a save adding a sentence, a save that fails, the fix, and
    Ctrl-C; the outputs' bytes and texts at each step."""
    work = tmp_path_factory.mktemp("watch")
    folder = work / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    report = folder / "content" / "report.md"
    (folder / "notes.txt").write_text("not part of the document\n", encoding="utf-8")
    source = report.read_text(encoding="utf-8")
    outputs = [work / "out" / "en" / f"{SLUG}.{fmt}" for fmt in ("docx", "pdf")]
    record: dict = {}
    watching = Watching(work, "doc", "--lang", "en", "--out", "out")
    try:
        record["start"] = watching.until(STATUS.pattern) + watching.until("watching")
        edited = source.replace("by object of expenditure.\n", "by object of expenditure. Watched sentence.\n", 1)
        assert edited != source
        save(report, edited)
        record["edit"] = watching.until(STATUS.pattern)
        record["edited"] = [docx_text(outputs[0]), pdf_text(outputs[1])]
        record["before failure"] = [path.read_bytes() for path in outputs]
        save_as_sed(report, edited.replace("Watched sentence.", "Watched {{ nosuch.total }}.", 1))
        record["failure"] = watching.until(STATUS.pattern)
        record["after failure"] = [path.read_bytes() for path in outputs]
        save_as_jetbrains(report, edited.replace("Watched sentence.", "Fixed sentence.", 1))
        record["fix"] = watching.until(STATUS.pattern)
        record["fixed"] = [docx_text(outputs[0]), pdf_text(outputs[1])]
        record["watched"] = [path.read_bytes() for path in outputs]
        (folder / "notes.txt").unlink()
        record["deletion"] = watching.until(STATUS.pattern)
    finally:
        record["exit"], record["printed"] = watching.stop()
    built = run_ccdocs("build", "doc", "--lang", "en", "--out", "cold", cwd=work)
    assert built.returncode == 0, built.stderr
    record["built"] = [(work / "cold" / "en" / path.name).read_bytes() for path in outputs]
    return record


def test_the_first_build_says_where_the_outputs_are(session):
    printed = "\n".join(session["start"])
    assert re.search(r"start: en built \(docx, pdf\) in \d+\.\d\d s", printed)
    assert f"out/en/{SLUG}.docx" in printed and f"out/en/{SLUG}.pdf" in printed


def test_a_save_rebuilds_both_formats(session):
    assert "doc/content/report.md saved: en rebuilt (docx, pdf)" in session["edit"][-1]
    assert len(session["edit"]) == 1  # the temporary file and the rename: one rebuild, nothing else printed
    docx_now, pdf_now = session["edited"]
    assert "Watched sentence." in docx_now
    assert "Watched sentence." in " ".join(pdf_now.split())


def test_a_failing_save_is_told_at_its_line_and_keeps_the_outputs(session):
    *problems, status = session["failure"]
    assert len(problems) == 1 and re.match(r"doc/content/report\.md:3:\d+: error: undefined figure: `nosuch`",
                                           problems[0]), problems
    assert "1 error (en: previous outputs kept)" in status
    assert re.match(r"^\S+ doc/content/report\.md saved: ", status), status  # sed's temporary is not told
    assert session["after failure"] == session["before failure"]  # byte for byte


def test_the_fix_rebuilds(session):
    assert re.match(r"^\S+ doc/content/report\.md saved: en rebuilt \(docx, pdf\)", session["fix"][-1]), session["fix"]
    assert len(session["fix"]) == 1  # JetBrains' temporary and old copy are not told
    docx_now, pdf_now = session["fixed"]
    assert "Fixed sentence." in docx_now and "Watched" not in docx_now
    assert "Fixed sentence." in " ".join(pdf_now.split())


def test_a_rebuild_is_what_a_build_makes(session):
    """What the watch kept from earlier rounds (parsed files, checks, fonts) changes nothing in the outputs."""
    assert session["watched"] == session["built"]  # byte for byte


def test_a_file_deleted_is_told_deleted(session):
    assert re.match(r"^\S+ doc/notes\.txt deleted: en rebuilt", session["deletion"][-1]), session["deletion"]


def test_what_a_burst_of_changes_did_to_each_file(tmp_path):
    """A temporary made and renamed away within the burst is left out, whatever its name; a file moved away is
    deleted, the place it moved to saved."""
    report, moved_to, temporary, moved = (tmp_path / name for name in ("report.md", "annex.md", "report.md.k2j3h4",
                                                                        "old.md"))
    report.write_text("saved", encoding="utf-8")
    moved_to.write_text("moved", encoding="utf-8")
    changes = {(Change.added, str(temporary)), (Change.modified, str(temporary)), (Change.deleted, str(temporary)),
               (Change.deleted, str(report)), (Change.added, str(report)),
               (Change.deleted, str(moved)), (Change.added, str(moved_to))}
    assert _saved(changes) == {report: "saved", moved: "deleted", moved_to: "saved"}
    # the temporary made in the burst before, renamed over the file it saves in this one (a fast save split in two)
    split = {(Change.deleted, str(temporary)), (Change.added, str(report)), (Change.deleted, str(moved))}
    assert _saved(split) == {report: "saved", moved: "deleted"}
    assert _changes({report: "saved"}) == f"{report} saved"
    assert _changes({moved: "deleted", moved_to: "saved"}) == f"{moved_to} saved, {moved} deleted"


def test_the_start_line_lists_only_the_outputs_written(tmp_path):
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    report = folder / "content" / "report.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n{{ nosuch.total }}\n", encoding="utf-8")
    watching = Watching(tmp_path, "doc", "--lang", "en", "--format", "pdf", "--out", "out")
    start = watching.until("watching")[-1]
    watching.stop()
    assert "outputs: none written yet" in start and f"{SLUG}.pdf" not in start, start
    assert not (tmp_path / "out" / "en").exists()


def test_ctrl_c_ends_cleanly(session):
    assert session["exit"] == 0
    assert "Traceback" not in session["printed"]
    assert "stopped watching" in session["printed"]


def test_an_interrupt_stops_a_watch_started_as_a_background_job(tmp_path):
    """A shell starts a script's background job (`ccdocs watch doc &`) with SIGINT ignored: Ctrl-C in the
    script's terminal, or `kill -INT`, stops the watch all the same, as in the foreground."""
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    watching = Watching(tmp_path, "doc", "--lang", "en", "--format", "pdf", "--out", "out",
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    watching.until("watching")
    code, printed = watching.stop()
    assert code == 0 and "stopped watching" in printed and "Traceback" not in printed, printed


def test_a_folder_that_disappears_is_told(tmp_path):
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    watching = Watching(tmp_path, "doc", "--lang", "en", "--format", "pdf", "--out", "out")
    watching.until("watching")
    shutil.rmtree(folder)
    code = watching.end()
    told = "\n".join(watching.seen)
    assert code == 1
    assert "doc is no longer a folder (deleted or moved): stopped watching" in told
    assert "Traceback" not in told
    assert (tmp_path / "out" / "en" / f"{SLUG}.pdf").is_file()  # left as it was


def test_what_is_not_a_save_of_the_document(tmp_path):
    """The output folder, editors' temporaries and locks, write_all's own files and links out are passed over."""
    folder = (tmp_path / "doc").resolve()
    (folder / "content").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    saves = Saves([folder], lambda: frozenset({str(folder / "out" / "en" / "X.pdf")}))
    passed = ["out/en/X.pdf", "content/.report.md.swp", "content/report.md~", "content/#report.md#",
              "content/.#report.md", "content/4913", "~$report.docx", ".~lock.report.docx#",
              "out/en/.X.pdf.1a2b.part", "content/.report.md.old", "linked/report.md", ".git/index",
              "content/report.md___jb_tmp___", "content/report.md___jb_old___", "content/sedK3x9Qa",
              "content/tmpk2_9xq1z", "content/.report.md.Ab12Cd"]
    kept = ["content/report.md", "document.yaml", "data/budget.csv", "locales/zh/LC_MESSAGES/content.po",
            "images/logo.png", "out/en/notes.txt", "out/en/X.docx"]
    assert [name for name in passed if saves(1, str(folder / name))] == []
    assert [name for name in kept if saves(1, str(folder / name))] == kept


def test_a_catalog_rebuilds_its_language_only(tmp_path):
    folder = (tmp_path / "doc").resolve()
    watched = Session(folder, tmp_path / "out", None, ("pdf",), False, print)
    po = folder / "locales" / "zh" / "LC_MESSAGES" / "content.po"
    assert watched.affected({po}, ["en", "zh"]) == ["zh"]
    assert watched.affected({po}, ["en"]) == []
    assert watched.affected({po, folder / "content" / "report.md"}, ["en", "zh"]) == ["en", "zh"]


def docx_parts(path: Path) -> dict:
    """Every part of a DOCX package, by name: its bytes."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def layout_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def outputs_of(folder: Path) -> dict:
    """The four outputs under `folder` (en, zh × docx, pdf) as the tests compare them: the DOCX's parts, the
    PDF's text as laid out and its bytes."""
    found = {}
    for lang in ("en", "zh"):
        found[lang, "docx"] = docx_parts(folder / lang / f"{SLUG}.docx")
        pdf = folder / lang / f"{SLUG}.pdf"
        found[lang, "pdf"] = (layout_text(pdf), pdf.read_bytes())
    return found


# Each save of `kept_rounds`, on a copy of the budget sample whose table sits in a second content file: the file,
# the text replaced, its replacement, and what a reader then finds in the English PDF (None: a change of layout).
# The data moves 100,000 francs between two rows no sentence quotes: only the table (and no total) changes.
SAVES = [("content", "content/report.md", "by object of expenditure.\n", "by object of expenditure, as watched.\n",
          "as watched"),
         ("data", "data/budget.csv", "Staff missions,1029703,1034877,609182\nthird_party_travel,Third-party travel,2911796",
          "Staff missions,1129703,1034877,609182\nthird_party_travel,Third-party travel,2811796", "2,812"),
         ("catalog", "locales/zh/LC_MESSAGES/content.po", 'msgstr "2024/25 年拟议预算"',
          'msgstr "2024/25 年拟议预算（修订）"', None),
         ("document.yaml", "document.yaml", "label_width: 2.6", "label_width: 3.4", None)]


def split_budget(folder: Path) -> Path:
    """A copy of the budget sample in `folder` (resolved, returned) with its table in a second content file,
    `content/table.md`."""
    folder = folder.resolve()
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    report = folder / "content" / "report.md"
    text = report.read_text(encoding="utf-8")
    cut = text.index("::: table")
    report.write_text(text[:cut], encoding="utf-8")
    (folder / "content" / "table.md").write_text(text[cut:], encoding="utf-8")
    spec = folder / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("files: [content/report.md]",
                                                             "files: [content/report.md, content/table.md]"),
                    encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kept_rounds(tmp_path_factory):
    """A watch session in this process (its first round here, every later one in the workers it keeps) on the
    budget sample split in two content files, the table in the second, built in draft (a paragraph edited in
    English leaves its Chinese untranslated); after each save of SAVES, the outputs it wrote and those a fresh
    `ccdocs build` makes of the folder as it then is, with the status line."""
    work = tmp_path_factory.mktemp("kept")
    folder = split_budget(work / "doc")
    said: list = []
    watched = Session(folder, work / "out", None, ("docx", "pdf"), True, lambda text, err: said.append(text))
    record: dict = {}
    try:
        watched.round(None)
        record["start"] = (said[-1], outputs_of(work / "out"))
        for name, file, old, new, _ in SAVES:
            path = folder / file
            edited = path.read_text(encoding="utf-8")
            assert old in edited, (file, old)
            save(path, edited.replace(old, new, 1))
            watched.round({path: "saved"})
            record[name] = [said[-1], outputs_of(work / "out")]
            built = run_ccdocs("build", folder, "--draft", "--out", work / f"fresh-{name}", cwd=work)
            assert built.returncode == 0, built.stderr
            record[name].append(outputs_of(work / f"fresh-{name}"))
        record["workers"] = watched.standing.count if watched.standing else 0
    finally:
        watched.close()
    return record


def test_the_rounds_after_the_first_are_made_by_kept_workers(kept_rounds):
    assert kept_rounds["workers"] == worker_count(4)  # en and zh, docx and pdf: one worker per CPU, at most 4


@pytest.mark.parametrize("name", [save[0] for save in SAVES])
def test_a_rebuild_after_a_save_is_what_a_fresh_build_makes(kept_rounds, name):
    """Parsed files, content files' blocks, checks and fonts kept from round to round change nothing: each DOCX
    part byte for byte, each PDF's text as laid out and its bytes, in both languages, as a fresh build."""
    status, rebuilt, fresh = kept_rounds[name]
    assert re.search(r"rebuilt as drafts \(docx, pdf\)(; zh: \d+ segments? printed as their marked source text)? "
                     r"in \d+\.\d\d s$", status) and "error" not in status, status
    for key in fresh:
        if key[1] == "docx":
            assert rebuilt[key].keys() == fresh[key].keys(), key
            assert [part for part in fresh[key] if rebuilt[key][part] != fresh[key][part]] == [], key
        else:
            assert rebuilt[key][0] == fresh[key][0], key
            assert rebuilt[key][1] == fresh[key][1], key


@pytest.mark.parametrize("name", [save[0] for save in SAVES])
def test_each_save_shows_in_the_outputs(kept_rounds, name):
    """The saves change what the kept pieces would otherwise give: the English text or the table's layout."""
    before = kept_rounds[[*kept_rounds][[*kept_rounds].index(name) - 1]][1]
    after = kept_rounds[name][1]
    shown = next(save[4] for save in SAVES if save[0] == name)
    if name == "catalog":  # the Chinese heading of the table, in the table kept from the earlier rounds
        assert "2024/25 年拟议预算（修订）" in after["zh", "docx"]["word/document.xml"].decode()
        assert "（修订）" not in before["zh", "docx"]["word/document.xml"].decode()
        assert after["en", "pdf"] == before["en", "pdf"]  # not rebuilt
    elif shown:
        assert shown in " ".join(after["en", "pdf"][0].split())
        assert shown not in " ".join(before["en", "pdf"][0].split())
    else:  # the label column widened: the table's grid in both DOCX
        for lang in ("en", "zh"):
            assert after[lang, "docx"]["word/document.xml"] != before[lang, "docx"]["word/document.xml"]


def test_a_save_landing_while_a_round_reads_the_folder_is_not_kept_stale(tmp_path, monkeypatch):
    """A data file saved after a round began to read the folder, before it took the files' signatures: the blocks
    made of the former data must not be kept under the new signature (the save's own round gave them back)."""
    import ccdocs.watch as watching

    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    data, report = folder / "data" / "budget.csv", folder / "content" / "report.md"
    session = Session(folder, tmp_path / "out", ["en"], ("pdf",), False, lambda text, err=False: None)
    session.round(None)
    theme = watching.load_theme

    def theme_then_save(*args, **kwargs):  # read_sources has read the data: the editor's save lands now
        data.write_text(data.read_text(encoding="utf-8").replace("posts,Posts,", "posts,Postz,"), encoding="utf-8")
        monkeypatch.setattr(watching, "load_theme", theme)
        return theme(*args, **kwargs)

    monkeypatch.setattr(watching, "load_theme", theme_then_save)
    report.touch()
    session.round({report.resolve(): "saved"})  # the round under way when the save landed
    session.round({data.resolve(): "saved"})    # the save's own round
    session.close()
    assert "Postz" in pdf_text(tmp_path / "out" / "en" / f"{SLUG}.pdf")


def test_a_language_never_written_is_not_said_kept(tmp_path):
    """A language whose first build failed has no previous outputs: a later failing round says `not written`."""
    folder = tmp_path / "doc"
    shutil.copytree(DOCS["budget"], folder, ignore=shutil.ignore_patterns("expected"))
    catalog = folder / "locales" / "zh" / "LC_MESSAGES" / "content.po"
    catalog.write_text(re.sub(r'(?m)^msgstr ".+"$', 'msgstr ""', catalog.read_text(encoding="utf-8"), count=1),
                       encoding="utf-8")
    report, told = folder / "content" / "report.md", []
    session = Session(folder, tmp_path / "out", None, ("pdf",), False, lambda text, err=False: told.append(text))
    session.round(None)
    report.write_text(report.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    session.round({report.resolve(): "saved"})
    session.close()
    status = [line for line in told if " saved: " in line][-1]
    assert "zh: not written" in status and "previous outputs kept" not in status
    assert not (tmp_path / "out" / "zh").exists()


def settled(folder: Path) -> None:
    """Wait until every file under `folder` changed more than a clock tick (`watch.CLOCK_TICK`) ago, as the files a
    user left alone before a save did: a round begun now does not take them for changed while it read them
    (`watch.basis`, `kept.grounds`), and keeps what it makes of them."""
    newest = max(path.lstat().st_ctime_ns for path in folder.rglob("*"))
    while time.time_ns() - CLOCK_TICK <= newest:
        time.sleep(CLOCK_TICK / 1e9)


def test_editors_files_beside_a_save_leave_the_other_files_blocks_kept(tmp_path, monkeypatch):
    """Vim rewrites its swap file at each `:w` (at the save's time), Emacs keeps a backup and a lock beside the
    file: none is an input, so the basis of the kept blocks stays as it was, and each round after a save gives back
    the blocks of the content file left as it was (the table's), parsing only the file saved. Only the watch's memo
    keeps blocks here: the per-user cache (`kept.grounds`) would give them back to a round whose memo dropped them."""
    import ccdocs.parse.markdown as markdown
    import ccdocs.pipeline as pipeline

    folder = split_budget(tmp_path / "doc")
    report = folder / "content" / "report.md"
    parsed, parse, told = [], markdown.parse_markdown, []

    def counted(text, path, *args, **kwargs):
        parsed.append(path.name)
        return parse(text, path, *args, **kwargs)

    monkeypatch.setattr(markdown, "parse_markdown", counted)
    monkeypatch.setattr(pipeline, "grounds", lambda *args: None)
    session = Session(folder, tmp_path / "out", ["en"], ("pdf",), False, lambda text, err=False: told.append(text))

    def save_in_an_editor(turn: int) -> None:
        save(report, report.read_text(encoding="utf-8") + f"\nSentence {turn}.\n")
        (report.parent / ".report.md.swp").write_bytes(os.urandom(4096))  # Vim's swap, written at each :w
        (report.parent / "report.md~").write_text(f"backup {turn}", encoding="utf-8")  # Emacs's backup
        lock = report.parent / ".#report.md"  # Emacs's lock: a link to user@host.pid
        lock.unlink(missing_ok=True)
        lock.symlink_to(f"editor@host.{turn}")

    settled(folder)  # the copy just made is not a save: the first round keeps every file's blocks
    try:
        session.round(None)
        kept_on = basis(session.files(["en"]), session.sources, time.time_ns())
        assert kept_on is not None, told
        for turn in (1, 2):
            parsed.clear()
            save_in_an_editor(turn)
            assert basis(session.files(["en"]), session.sources, time.time_ns()) == kept_on, turn
            session.round({report: "saved"})
            assert parsed == ["report.md"], (turn, told)
    finally:
        session.close()


def test_a_status_line_names_the_files_of_a_burst():
    """Two files saved are both named; beyond three, the others are counted."""
    names = [Path(f"content/{letter}.md") for letter in "abcde"]
    assert _changes(dict.fromkeys(names[:2], "saved")) == "2 files saved (content/a.md, content/b.md)"
    assert _changes(dict.fromkeys(names, "deleted")) == ("5 files deleted (content/a.md, content/b.md, content/c.md "
                                                         "and 2 more)")


def rounds_told(folder: Path, saves: list[tuple[str, str, str]], languages=None, draft=False) -> list[list[str]]:
    """What a watch in this process (PDF only, outputs beside `folder`) tells at its first round, then after each
    of `saves` (a file of `folder`, the text replaced, its replacement): each round's lines, its status line last."""
    told: list = []
    session = Session(folder, folder.parent / "out", languages, ("pdf",), draft,
                      lambda text, err=False: told.append(text))
    rounds = []
    try:
        session.round(None)
        rounds.append(told[:])
        for name, old, new in saves:
            told.clear()
            path = folder / name
            text = path.read_text(encoding="utf-8")
            assert old in text, (name, old)
            save(path, text.replace(old, new, 1))
            session.round({path: "saved"})
            rounds.append(told[:])
    finally:
        session.close()
    return rounds


def test_a_document_yaml_that_cannot_be_read_is_told_as_check_tells_it(tmp_path, monkeypatch):
    """The problem at the same path:line:col as `ccdocs check` gives it; the status line names the language whose
    outputs are kept."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    broken = ("document.yaml", "venue: Geneva", "venue: [Geneva")
    *_, (*problems, status) = rounds_told(Path("doc"), [broken], languages=["en"])
    checked = run_ccdocs("check", "doc", cwd=tmp_path)
    assert problems == checked.stderr.splitlines()[:-1] and problems, (problems, checked.stderr)
    assert re.match(r"^doc/document\.yaml:\d+:\d+: error: this is not valid YAML", problems[0]), problems
    assert "doc/document.yaml saved: 1 error (en: previous outputs kept)" in status, status


ENGLISH_EDIT = ("content/report.md", "by object of expenditure.\n", "by object of expenditure. Watched sentence.\n")


def test_an_english_edit_refused_in_chinese_says_what_to_do_in_a_watch(tmp_path, monkeypatch):
    """A final watch of both languages: the English rebuilt; the Chinese refused for its new segment, counted as one
    error (the catalog's tally after it is not one more), with the watch's ways on: `--draft`, `--lang en`, and
    `i18n update`, which brings the new segment into the catalog."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    *problems, status = rounds_told(Path("doc"), [ENGLISH_EDIT])[-1]
    assert "en rebuilt (pdf); 1 error (zh: previous outputs kept)" in status, status
    assert len(problems) == 2 and "untranslated segment" in problems[0], problems
    tally = problems[1]
    assert tally.startswith("doc/locales/zh/LC_MESSAGES/content.po: note: 1 of "), tally
    assert "ccdocs build" not in tally, tally
    for way in ("`--draft`", "`--lang en`", "`ccdocs i18n update doc --lang zh`"):
        assert way in tally, (way, tally)


def test_a_draft_watch_says_so_and_counts_the_segments_it_marks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    start, edit = rounds_told(Path("doc"), [ENGLISH_EDIT], draft=True)
    assert re.search(r"start: en, zh built as drafts \(pdf\) in ", start[-1]), start
    assert edit == [edit[-1]], edit  # no error
    assert re.search(r"saved: en, zh rebuilt as drafts \(pdf\); zh: 1 segment printed as their marked source text "
                     r"in \d", edit[-1]), edit


def test_a_draft_watch_counts_every_segment_of_a_language_without_catalog(tmp_path, monkeypatch):
    """No zh catalog (test_missing_catalog): the draft prints every segment marked, and the watch counts them as a
    draft build does (it counted none: `_marked` skipped a language without a catalog)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    (tmp_path / "doc" / "locales/zh/LC_MESSAGES/content.po").unlink()
    built = run_ccdocs("build", "doc", "--draft", "--format", "json", "--out", "built")
    assert built.returncode == 0, built.stderr
    count = re.search(r"draft of doc in zh: no zh catalog \(\S+\): (\d+) segments printed", built.stderr)
    assert count, built.stderr
    start, edit = rounds_told(Path("doc"), [ENGLISH_EDIT], draft=True)
    assert re.search(rf"start: en, zh built as drafts \(pdf\); zh: {count[1]} segments printed as their marked "
                     r"source text in \d", start[-1]), start
    assert re.search(rf"; zh: {count[1]} segments printed as their marked source text in \d", edit[-1]), edit


def watched_until(session: Session, first: Callable[[], None], done: Callable[[dict], bool]) -> list[str]:
    """The lines the watch loop (`watch._watch`) tells, run on `session` in this process, `first()` (a save)
    called once it is watching, until a round whose changes `done(changes)` has ended; bounded by WAIT (the test
    fails after)."""
    import _thread

    import ccdocs.watch as watching

    rounds, ended = session.round, []

    def round_then_stop(changed):
        rounds(changed)
        if changed and done(changed):
            ended.append(changed)
            raise KeyboardInterrupt

    told: list[str] = []

    def then(line: str, err=False) -> None:
        told.append(line)
        if line.startswith("ccdocs: watching"):
            first()

    session.round = round_then_stop
    session.echo = then
    timer = threading.Timer(WAIT, _thread.interrupt_main)
    timer.start()
    try:
        watching._watch(session, session.folder, session.out)
    except KeyboardInterrupt:
        pass
    finally:
        timer.cancel()
        session.close()
    assert ended, f"no such round within {WAIT:.0f} s: {told}"
    return told


def test_a_save_during_a_round_that_changes_the_watched_folders_gets_its_round(tmp_path):
    """A transmittal re-pointed at another copy of the document it attaches, then that copy's data saved while the
    round the re-pointing started is under way (before the watcher is set on the new folder): the data save has
    a round of its own, and the outputs show it as a fresh build does."""
    for name, fixture in (("pbc", "pbc"), ("wo-cc-86-inf-1", "86"), ("wo-cc-86-b", "86")):
        shutil.copytree(DOCS[fixture], tmp_path / name, ignore=shutil.ignore_patterns("expected"))
    folder = (tmp_path / "pbc").resolve()
    spec, workforce = folder / "document.yaml", tmp_path / "wo-cc-86-b" / "data" / "workforce.yaml"
    session = Session(folder, tmp_path / "out", ["en"], ("pdf",), False, print)
    rounds = session.round

    def round_then_save(changed):  # the editor's next save lands while the round is under way
        rounds(changed)
        if changed and any(path.name == "document.yaml" for path in changed):
            save(workforce, workforce.read_text(encoding="utf-8").replace("staff: 1735", "staff: 1444"))

    session.round = round_then_save
    told = watched_until(session, lambda: save(spec, spec.read_text(encoding="utf-8").replace(
        "../wo-cc-86-inf-1", "../wo-cc-86-b")), lambda changed: workforce.resolve() in changed)
    assert [line for line in told if "wo-cc-86-b/data/workforce.yaml saved: en rebuilt" in line], told
    written = " ".join(pdf_text(tmp_path / "out" / "en" / "wo_pbc_40_inf_1.pdf").split())
    assert "1,444" in written and "1,735" not in written


@pytest.mark.parametrize("out", ["doc", ".", "doc/content"])
def test_an_output_folder_holding_the_document_leaves_its_saves_seen(tmp_path, out):
    """`--out` the document's folder, a folder above it, or one holding its content (all of which `build`
    accepts): a save there is seen, and the outputs the rounds write are not saves."""
    folder = split_budget(tmp_path / "doc")
    report = folder / "content" / "report.md"
    session = Session(folder, (tmp_path / out).resolve(), ["en"], ("pdf",), False, print)
    edited = report.read_text(encoding="utf-8").replace("by object of expenditure.\n",
                                                        "by object of expenditure, as watched.\n", 1)
    told = watched_until(session, lambda: save(report, edited), lambda changed: report in changed)
    assert [line for line in told if "report.md saved: en rebuilt" in line], told
    assert not [line for line in told if ".pdf saved" in line], told
    assert "as watched" in " ".join(pdf_text(tmp_path / out / "en" / f"{SLUG}.pdf").split())


def test_an_input_named_like_an_editors_temporary_is_watched(tmp_path):
    """Inputs named as editors' temporaries are (`document.yaml` names them, `build` reads them): a data file
    `flycheck_budget.csv`, the table's content file `table.tmp`. The data's save is seen, and the table (its
    blocks kept from round to round while no other input changed) shows the new data."""
    folder = split_budget(tmp_path / "doc")
    data = folder / "data" / "flycheck_budget.csv"
    (folder / "data" / "budget.csv").rename(data)
    (folder / "content" / "table.md").rename(folder / "content" / "table.tmp")
    spec = folder / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("data/budget.csv", "data/flycheck_budget.csv")
                    .replace("content/table.md", "content/table.tmp"), encoding="utf-8")
    session = Session(folder, tmp_path / "out", ["en"], ("pdf",), False, print)
    edited = data.read_text(encoding="utf-8").replace("posts,Posts,", "posts,Postz,")
    told = watched_until(session, lambda: save(data, edited), lambda changed: data in changed)
    assert [line for line in told if "flycheck_budget.csv" in line and ": en rebuilt" in line], told
    assert "Postz" in pdf_text(tmp_path / "out" / "en" / f"{SLUG}.pdf")


def test_a_second_ctrl_c_while_stopping_ends_cleanly(tmp_path):
    """An impatient editor's two Ctrl-C, a tenth of a second apart, just after a save (the rebuild under way, the
    workers running): the watch stops as at one Ctrl-C, saying so, with no traceback and no `nothing was
    written` (the first round wrote its outputs)."""
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    report = tmp_path / "doc" / "content" / "report.md"
    watching = Watching(tmp_path, "doc", "--out", "out")
    watching.until("watching")
    save(report, report.read_text(encoding="utf-8").replace("by object of expenditure.\n",
                                                            "by object of expenditure, as watched.\n", 1))
    watching.process.send_signal(signal.SIGINT)
    time.sleep(0.1)
    code, printed = watching.stop()
    assert code == 0 and printed.endswith("ccdocs: stopped watching"), printed
    assert "Traceback" not in printed and "nothing was written" not in printed, printed


def test_a_fuzzy_entry_refused_says_what_a_fuzzy_entry_asks(tmp_path, monkeypatch):
    """A catalog entry turned fuzzy (as `i18n update` marks a changed source): the refusal's hint asks for its
    review, and not for `i18n update`, which has nothing to add; an English edit (a new segment) asks for it."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DOCS["budget"], tmp_path / "doc", ignore=shutil.ignore_patterns("expected"))
    fuzzy = ("locales/zh/LC_MESSAGES/content.po", '#: fixtures/budget-table/content/report.md:1\nmsgid',
             '#: fixtures/budget-table/content/report.md:1\n#, fuzzy\nmsgid')
    *_, (*fuzzy_told, _), (*new_told, _) = rounds_told(Path("doc"), [fuzzy, ENGLISH_EDIT])
    assert "fuzzy segment" in fuzzy_told[0], fuzzy_told
    assert "remove their `fuzzy` flag" in fuzzy_told[-1] and "i18n update" not in fuzzy_told[-1], fuzzy_told
    assert "`ccdocs i18n update doc --lang zh` adds new segments" in new_told[-1], new_told
