"""Outputs in odd places: every command that writes replaces all its outputs together or none, says why not,
and leaves no `.part` file; a symbolic link at an output is replaced, never written through."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import ccdocs.build as building
import ccdocs.output as output
from ccdocs.cli import main
from ccdocs.output import WriteError, write_all
from refusals import PREVIOUS, SLUG, Case, run, seed_previous, state

EN, ZH = f"en/{SLUG}.json", f"zh/{SLUG}.json"
BUILD = ("build", "{doc}", "--format", "json", "--out", "{out}")


def folder_at(name: str, root: str = "out"):
    """A setup putting a folder (holding one file) where a file `name` is to be written."""
    def setup(folder: Path, out: Path) -> None:
        path = (out if root == "out" else folder) / name
        path.unlink(missing_ok=True)
        path.mkdir(parents=True)
        (path / "kept.txt").write_text("kept\n")
    return setup


def file_at(name: str, root: str = "out"):
    """A setup putting a file where a folder `name` is to be made."""
    def setup(folder: Path, out: Path) -> None:
        path = (out if root == "out" else folder) / name
        if path.is_dir():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a file\n")
    return setup


def read_only(name: str):
    def setup(folder: Path, out: Path) -> None:
        os.chmod(out / name, 0o444)
    return setup


def fifo_at(name: str):
    def setup(folder: Path, out: Path) -> None:
        (out / name).unlink(missing_ok=True)
        os.mkfifo(out / name)
    return setup


def socket_at(name: str):
    """A setup binding a Unix socket where `name` is to be written (bound by its short name: paths are long)."""
    def setup(folder: Path, out: Path) -> None:
        path = out / name
        path.unlink(missing_ok=True)
        here = os.getcwd()
        os.chdir(path.parent)
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind(path.name)
        finally:
            os.chdir(here)
    return setup


def dangling_folder(name: str):
    def setup(folder: Path, out: Path) -> None:
        shutil.rmtree(out / name)
        os.symlink(out / "nowhere", out / name)
    return setup


def folder_linked(name: str, to: str, root: str = "out"):
    """A setup making the language folder `name` a link to the folder `to` beside it: both languages' outputs are
    one file (breaks-5 #11: the English PDF was the Chinese paper, and both were told written)."""
    def setup(folder: Path, out: Path) -> None:
        base = out if root == "out" else folder
        shutil.rmtree(base / name, ignore_errors=True)
        (base / to).mkdir(exist_ok=True)
        (base / name).symlink_to(to)
    return setup


SAME = "another output of this command, through a link to a folder on their way"
CASES = [
    Case("language-folder-links-to-the-other", {}, f"/{EN}, {SAME}", ZH, code=2,
         setup=folder_linked("en", "zh")),
    Case("language-folder-links-to-the-other-in-the-document", {}, SAME, f"zh/{SLUG}.pdf", code=2,
         command=("build", "{doc}", "--format", "pdf", "--out", "{doc}"), setup=folder_linked("en", "zh", "doc")),
    Case("zh-output-is-a-folder", {}, "it is a folder", ZH, code=2, setup=folder_at(ZH)),
    Case("en-output-is-a-folder", {}, "it is a folder", EN, code=2, setup=folder_at(EN)),
    Case("language-folder-is-a-file", {}, "is a file, not a folder", EN, code=2, setup=file_at("en")),
    Case("out-names-a-file", {}, "is a file, not a folder", EN, code=2,
         command=("build", "{doc}", "--format", "json", "--out", "{out}/" + EN)),
    Case("out-below-a-file", {}, "is a file, not a folder", EN, code=2,
         command=("build", "{doc}", "--format", "json", "--out", "{out}/" + EN + "/deeper")),
    Case("out-names-a-fifo", {}, "it is a pipe, socket, device or broken link, not a folder", "out/pipe", code=2,
         setup=fifo_at("pipe"), command=("build", "{doc}", "--format", "json", "--out", "{out}/pipe")),
    Case("output-read-only", {}, "it is read-only", ZH, code=2, setup=read_only(ZH)),
    Case("output-is-a-fifo", {}, "not a regular file", ZH, code=2, setup=fifo_at(ZH)),
    Case("output-is-a-socket", {}, "not a regular file", ZH, code=2, setup=socket_at(ZH)),
    Case("language-folder-dangling-link", {}, "broken symbolic link", ZH, code=2, setup=dangling_folder("zh")),
    Case("docx-output-is-a-folder", {}, "it is a folder", f"zh/{SLUG}.docx", code=2,
         command=("build", "{doc}", "--format", "docx", "--out", "{out}"), setup=folder_at(f"zh/{SLUG}.docx")),
    # Every other command that writes.
    Case("extract-pot-is-a-folder", {}, "it is a folder", "locales/content.pot", code=2,
         command=("i18n", "extract", "{doc}"), setup=folder_at("locales/content.pot", "doc")),
    # a file where the catalogs' folder stands: told as the catalogs' place, as every command reads them (f97f068)
    Case("extract-locales-is-a-file", {}, "is a file, where the zh catalog's path has a folder",
         "locales/zh/LC_MESSAGES/content.po", code=1, command=("i18n", "extract", "{doc}"),
         setup=file_at("locales", "doc")),
    Case("update-po-is-a-folder", {}, "the zh catalog is a folder, not a file", "LC_MESSAGES/content.po", code=1,
         command=("i18n", "update", "{doc}", "--lang", "zh"),
         setup=folder_at("locales/zh/LC_MESSAGES/content.po", "doc")),
    Case("update-language-folder-is-a-file", {}, "is a file, where the zh catalog's path has a folder",
         "LC_MESSAGES/content.po", code=1, command=("i18n", "update", "{doc}", "--lang", "zh"),
         setup=file_at("locales/zh", "doc")),
    Case("review-o-names-a-folder", {}, "it is a folder", "out/en", code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "-o", "{out}/en")),
    Case("review-o-below-a-file", {}, "is a file, not a folder", "review.html", code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "-o", "{out}/" + EN + "/review.html")),
    Case("review-o-read-only", {}, "it is read-only", ZH, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "-o", "{out}/" + ZH), setup=read_only(ZH)),
    Case("snapshot-o-names-a-folder", {}, "it is a folder", "out/zh", code=2,
         command=("snapshot", "{out}/en/" + SLUG + ".docx", "-o", "{out}/zh")),
    Case("snapshot-o-links-to-a-device", {}, "or a link to one", "device.txt", code=2,
         setup=lambda folder, out: (out / "device.txt").symlink_to("/dev/null"),
         command=("snapshot", "{out}/en/" + SLUG + ".docx", "-o", "{out}/device.txt")),
    Case("snapshot-o-is-a-fifo", {}, "not a regular file", ZH, code=2, timeout=120, setup=fifo_at(ZH),
         command=("snapshot", "{out}/en/" + SLUG + ".docx", "-o", "{out}/" + ZH)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_an_odd_output_place_is_refused_before_anything_is_written(refuse, case):
    refuse(case)


# Symbolic links at an output: the link is replaced, its target left alone.

def test_a_build_replaces_a_symbolic_link_and_leaves_its_target_alone(make_doc, tmp_path):
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    seed_previous(out)
    victim.write_text("not an output\n")
    (out / ZH).unlink()
    (out / ZH).symlink_to(victim)
    (out / EN).unlink()
    (out / EN).symlink_to(tmp_path / "gone.json")  # a dangling link is replaced as well
    code, text, _ = run(["build", str(make_doc()), "--format", "json", "--out", str(out)])
    assert code == 0, text
    assert victim.read_text() == "not an output\n"
    for name in (EN, ZH):
        assert not (out / name).is_symlink() and (out / name).read_text().startswith("{")
    assert not (tmp_path / "gone.json").exists()
    assert not [p for p in out.rglob(".*")], "a hidden temporary or backup was left"


def test_snapshot_o_replaces_a_symbolic_link(built, tmp_path):
    victim, link = tmp_path / "victim.txt", tmp_path / "snapshot.txt"
    victim.write_text("not a snapshot\n")
    link.symlink_to(victim)
    code, text, _ = run(["snapshot", str(built("86", "en", "docx")), "-o", str(link)])
    assert code == 0, text
    assert victim.read_text() == "not a snapshot\n"
    assert not link.is_symlink() and link.stat().st_size > 100


# Failures while writing: a full disk, a rename refused midway, a killed worker.

def outputs(folder: Path) -> dict:
    seed_previous(folder)
    return {folder / name: b"new " + name.encode() for name in PREVIOUS}


def failing(real, number: int, code: int):
    """`real` failing with OSError `code` at its `number`-th call."""
    calls = []

    def call(*args):
        calls.append(args)
        if len(calls) == number:
            raise OSError(code, os.strerror(code))
        return real(*args)
    return call


def test_a_write_failing_midway_leaves_every_previous_output(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_temporary", failing(output._temporary, 4, errno.ENOSPC))
    wanted = outputs(tmp_path / "out")
    (tmp_path / "out/new").mkdir()
    wanted[tmp_path / "out/new/deeper/file.json"] = b"{}"
    before = state(tmp_path)
    with pytest.raises(WriteError, match="No space left on device.*nothing was written"):
        write_all(wanted)
    assert state(tmp_path) == before
    assert not (tmp_path / "out/new/deeper").exists(), "a folder made for the outputs was left"


@pytest.mark.parametrize("number", [errno.EPERM, errno.EACCES, errno.EROFS])
def test_a_place_that_takes_no_file_is_a_usage_error_though_access_said_yes(tmp_path, monkeypatch, number):
    """What os.access cannot foresee (root on a read-only mount, /sys, a network share's rights) is told when the
    folder or file is made: the output place cannot be written, a usage error (exit 2) as check_writable's, not
    a failure (exit 1) as a full disk is."""
    monkeypatch.setattr(output, "_temporary", failing(output._temporary, 2, number))
    wanted = outputs(tmp_path / "out")
    before = state(tmp_path)
    with pytest.raises(output.OutputError, match=f"{os.strerror(number)} \\(write elsewhere\\); nothing was written"):
        write_all(wanted)
    assert state(tmp_path) == before


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs /sys, where even root can make no folder")
def test_out_in_sys_is_refused_with_exit_2(refuse):
    refuse(Case("out-in-sys", {}, "cannot write /sys/ccdocs-out/", None, code=2,
                command=("build", "{doc}", "--format", "json", "--out", "/sys/ccdocs-out")))


def no_hard_links(*args, **kwargs):
    raise OSError(errno.EPERM, os.strerror(errno.EPERM))


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_rename_failing_midway_puts_back_the_outputs_already_renamed(tmp_path, monkeypatch, links):
    if not links:  # a file system without hard links (FAT, some network shares): the old files are moved aside
        monkeypatch.setattr(output.os, "link", no_hard_links)
    monkeypatch.setattr(output.os, "replace", failing(os.replace, 4, errno.EIO))
    wanted = outputs(tmp_path / "out")
    (tmp_path / "out" / ZH).unlink()  # an output written for the first time is removed again
    before = state(tmp_path)
    with pytest.raises(WriteError, match="Input/output error; every previous output was put back"):
        write_all(wanted)
    assert state(tmp_path) == before
    assert not [p for p in (tmp_path / "out").rglob(".*")], "a temporary or backup was left"


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
def test_every_output_is_replaced_and_no_backup_is_left(tmp_path, monkeypatch, links):
    if not links:
        monkeypatch.setattr(output.os, "link", no_hard_links)
    wanted = outputs(tmp_path / "out")
    write_all(wanted)
    assert state(tmp_path / "out") == wanted


@pytest.fixture
def small_disk(tmp_path):
    """A 200 KB tmpfs (root only), unmounted after the test."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root; the in-process tests above cover a full disk")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)],
                      capture_output=True).returncode:
        pytest.skip("this machine does not let the tests mount a tmpfs")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_leaves_previous_outputs_and_no_part_file(make_doc, small_disk):
    out = small_disk / "out"
    seed_previous(out)
    room = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"x" * ((room.f_bavail - 2) * room.f_frsize))  # two blocks left
    before = state(small_disk)
    code, text, escaped = run(["build", str(make_doc()), "--out", str(out)])
    assert (code, escaped) == (1, False), text
    assert "No space left on device" in text and "nothing was written" in text and "Traceback" not in text
    assert state(small_disk) == before
    assert not list(small_disk.rglob(".*")), "a temporary was left"


def test_a_read_only_file_system_is_refused_before_any_work(make_doc, small_disk):
    out = small_disk / "out"
    seed_previous(out)
    before = state(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        code, text, escaped = run(["build", str(make_doc()), "--format", "json", "--out", str(out)])
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert (code, escaped) == (2, False), text
    assert "read-only file system" in text
    assert state(small_disk) == before


def kill(doc, theme):
    os.kill(os.getpid(), signal.SIGKILL)


def exhaust(doc, theme):
    raise MemoryError


@pytest.mark.parametrize("end, said", [(kill, "killed by SIGKILL"), (exhaust, "out of memory")],
                         ids=["killed", "out-of-memory"])
def test_a_worker_that_dies_is_a_clear_error_and_nothing_is_written(make_doc, tmp_path, monkeypatch, end, said):
    real = building.writer
    monkeypatch.setattr(building, "writer", lambda fmt: end if fmt == "pdf" else real(fmt))
    monkeypatch.setattr(building, "worker_count", lambda jobs, workers=None: 2)
    monkeypatch.setattr("ccdocs.workers.worker_count", lambda jobs, workers=None: 2)
    out = tmp_path / "out"
    seed_previous(out)
    before = state(out)
    result = CliRunner().invoke(main, ["build", str(make_doc()), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert said in result.output and "nothing was written" in result.output
    assert not isinstance(result.exception, MemoryError)
    assert state(out) == before


def _twin(folder, out):
    """A copy of the document in `folder/twin`: another folder with the same symbol, so the same output names."""
    shutil.copytree(folder, folder / "twin", ignore=shutil.ignore_patterns("twin"))


def test_two_folders_writing_the_same_output_are_refused(refuse):
    refuse(Case("two-folders-one-symbol", {}, "twin (their symbols make the same file name, `wo_cc_86_inf_1.json`)",
                EN, code=2, command=("build", "{doc}", "{doc}/twin", "--format", "json", "--out", "{out}"),
                setup=_twin))


def _revised(folder, out):
    """A copy of the document in `folder/rev` whose symbol ends in /REV, and the document given `suffix: Rev.`: two
    symbols, one file name (`…_rev`)."""
    shutil.copytree(folder, folder / "rev", ignore=shutil.ignore_patterns("rev"))
    for place, edit in ((folder / "rev", lambda t: t.replace("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1/REV")),
                        (folder, lambda t: t.replace("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1\nsuffix: Rev."))):
        spec = place / "document.yaml"
        spec.write_text(edit(spec.read_text(encoding="utf-8")), encoding="utf-8")


def test_two_symbols_making_one_file_name_are_refused_as_such(refuse):
    """breaks-7 (noticed): `WO/CC/86/INF/1/REV` and `WO/CC/86/INF/1` with `suffix: Rev.` both name
    `wo_cc_86_inf_1_rev`: the refusal said their document.yaml give the same symbol, which they do not."""
    refuse(Case("two-symbols-one-name", {}, "rev (their symbols make the same file name, `wo_cc_86_inf_1_rev.json`)",
                "en/wo_cc_86_inf_1_rev.json", code=2, command=("build", "{doc}", "{doc}/rev", "--format", "json", "--out", "{out}"),
                setup=_revised))


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_termination_while_writing_leaves_previous_outputs_and_no_part_file(make_doc, tmp_path, monkeypatch, how):
    real = output._temporary

    def terminated(path, data):
        if path.suffix == ".pdf":
            os.kill(os.getpid(), how)
        return real(path, data)

    monkeypatch.setattr(output, "_temporary", terminated)
    out = tmp_path / "out"
    seed_previous(out)
    before = state(out)
    code, text, escaped = run(["build", str(make_doc()), "--out", str(out)])
    assert (code, escaped) == (130, False), text
    assert "nothing was written" in text
    assert state(out) == before
    assert not list(out.rglob(".*")), "a temporary was left"
