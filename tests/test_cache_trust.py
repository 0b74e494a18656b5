"""The per-user cache cannot change the paper or run code: an entry is used only when its tag (an HMAC of its name
and bytes under the user's own key, kept outside the cache folder) verifies; a cache folder another user can write
is not used (said once on standard error); entries and the key are never opened through links."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ccdocs import cache
from ccdocs.i18n import cached
from ccdocs.l10n.fonts import FontResolver
from ccdocs.templating import Sandbox, environment, render
from ccdocs.theme import load_theme
from ccdocs.writers.pdf.faces import cache_entry, loaded

ROOT = Path(__file__).resolve().parents[1]
AS_ROOT = pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a file away needs root")


class Planted:
    """A pickle whose loading runs code: it makes the file `marker`."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def counted(value):
    """A computation of `value` that counts its calls (in `calls`)."""
    def compute():
        compute.calls += 1
        return value
    compute.calls = 0
    return compute


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A cache folder of this test's own (the session's key kept outside it, as conftest sets)."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_valid_entry_is_used(folder):
    compute = counted({3: "a heading"})
    assert cached.kept("structure", ("x",), compute, "code") == {3: "a heading"}
    assert cached.kept("structure", ("x",), compute, "code") == {3: "a heading"}
    assert compute.calls == 1, "the second answer came from the cache"
    (entry,) = folder.iterdir()
    assert entry.stat().st_mode & 0o077 == 0 and folder.stat().st_mode & 0o777 == 0o700


def test_a_changed_or_renamed_entry_is_not_used(folder):
    cached.kept("structure", ("x",), counted({3: "a heading"}), "code")
    cached.kept("structure", ("y",), counted({4: "a list"}), "code")
    x, y = (cache.entry("structure", "code", name) for name in ("x", "y"))
    data = x.read_bytes()
    changed = data.replace(b"a heading", b"b heading")
    assert changed != data and pickle.loads(changed[cache.TAG:]) == {3: "b heading"}
    x.write_bytes(changed)  # the bytes changed, the tag kept
    compute = counted({3: "a heading"})
    assert cached.kept("structure", ("x",), compute, "code") == {3: "a heading"} and compute.calls == 1
    y.write_bytes(data)  # a genuine entry under another name
    compute = counted({4: "a list"})
    assert cached.kept("structure", ("y",), compute, "code") == {4: "a list"} and compute.calls == 1
    assert cached.kept("structure", ("y",), compute, "code") == {4: "a list"} and compute.calls == 1, "written anew"


def test_a_pickled_entry_that_would_run_code_is_never_unpickled(folder, tmp_path):
    marker = tmp_path / "ran"
    cached.kept("structure", ("x",), counted({}), "code")
    entry = cache.entry("structure", "code", "x")
    tag = entry.read_bytes()[:cache.TAG]
    for planted in (pickle.dumps(Planted(marker)), tag + pickle.dumps(Planted(marker))):
        entry.write_bytes(planted)
        compute = counted({1: "kept"})
        assert cached.kept("structure", ("x",), compute, "code") == {1: "kept"} and compute.calls == 1
        assert not marker.exists(), "the planted pickle was loaded"


def test_a_face_entry_that_would_run_code_is_never_unpickled(folder, tmp_path):
    marker = tmp_path / "ran"
    face = FontResolver(load_theme()).resolve("latin_regular", "zh")
    name = loaded(face, "Parsed", folder).face.name
    entry = cache_entry(face, folder)
    entry.write_bytes(entry.read_bytes()[:cache.TAG] + pickle.dumps(Planted(marker)))
    assert loaded(face, "Again", folder).face.name == name
    assert not marker.exists()


def test_a_figure_entry_that_would_run_code_is_never_run(folder, tmp_path):
    marker = tmp_path / "ran"
    text, data = "{{ budget.staff | number }} staff.", {"budget": {"staff": 1735}}
    assert render(environment("en", Sandbox()), text, Path("r.md"), data) == "1\\,735 staff."
    (entry,) = folder.glob("figures-*")
    planted = compile(f"open({str(marker)!r}, 'w')", "figure", "exec")
    import marshal

    entry.write_bytes(entry.read_bytes()[:cache.TAG] + marshal.dumps(planted))
    assert render(environment("en", Sandbox()), text, Path("r.md"), data) == "1\\,735 staff."
    assert not marker.exists(), "the planted code object was run"


def test_a_link_entry_is_not_followed(folder, tmp_path):
    compute = counted({3: "a heading"})
    cached.kept("structure", ("x",), compute, "code")
    entry = cache.entry("structure", "code", "x")
    elsewhere = tmp_path / "elsewhere"
    entry.rename(elsewhere)  # a genuine entry: its tag verifies under this name
    entry.symlink_to(elsewhere)
    assert cache.read(entry) is None
    cached.kept("structure", ("x",), compute, "code")
    assert compute.calls == 2 and not entry.is_symlink(), "worked out again, and the link replaced by an entry"
    assert elsewhere.is_file()


def genuine(folder: Path, tmp_path: Path) -> Path:
    """An entry tagged by a trusted folder, copied into `folder` (made 0700 when missing)."""
    good = tmp_path / "good"
    cache.write(cache.entry("num2words", "x", folder=good), b"en\nfr")
    folder.mkdir(mode=0o700, exist_ok=True)
    copied = cache.entry("num2words", "x", folder=folder)
    shutil.copy(cache.entry("num2words", "x", folder=good), copied)
    assert cache.read(cache.entry("num2words", "x", folder=good)) == b"en\nfr"
    return copied


def test_a_folder_others_can_write_is_not_used_and_said_once(tmp_path, capsys):
    shared = tmp_path / "shared"
    entry = genuine(shared, tmp_path)
    shared.chmod(0o775)
    assert cache.read(entry) is None
    cache.write(cache.entry("face", "y", folder=shared), b"data")
    assert cache.read(entry) is None and not cache.entry("face", "y", folder=shared).exists()
    told = capsys.readouterr().err.splitlines()
    assert len(told) == 1, told
    assert told[0].startswith("ccdocs: warning: the per-user cache is not used: the cache folder") and \
        f"chmod go-w {shared}" in told[0]


@AS_ROOT
def test_a_folder_of_another_user_is_not_used(tmp_path, capsys):
    foreign = tmp_path / "foreign"
    entry = genuine(foreign, tmp_path)
    os.chown(foreign, 65534, -1)
    assert cache.read(entry) is None
    assert "belongs to another user (uid 65534)" in capsys.readouterr().err


def test_the_key_is_made_once_outside_the_cache_mode_0600(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    key = tmp_path / "state" / "ccdocs" / "cache-key"
    entry = cache.entry("num2words", "x", folder=tmp_path / "c1")
    cache.write(entry, b"en")
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == cache.KEY
    made = key.read_bytes()
    assert cache.read(entry) == b"en" and key.read_bytes() == made
    key.unlink()  # as a CI cache restored without the key: its entries are ignored, then written anew
    moved = tmp_path / "c2"
    shutil.copytree(tmp_path / "c1", moved)
    assert cache.read(cache.entry("num2words", "x", folder=moved)) is None and key.read_bytes() != made


@pytest.mark.parametrize("kind", ["readable by others", "a link", "inside the cache folder", "foreign"])
def test_a_key_that_is_not_the_users_own_secret_keeps_the_cache_unused(tmp_path, monkeypatch, capsys, kind):
    if kind == "foreign" and (not hasattr(os, "getuid") or os.getuid() != 0):
        pytest.skip("giving a file away needs root")
    state = tmp_path / ("cache/state" if kind == "inside the cache folder" else "state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    key = state / "ccdocs" / "cache-key"
    key.parent.mkdir(mode=0o700, parents=True)
    if kind == "a link":
        (tmp_path / "their-key").write_bytes(b"k" * cache.KEY)
        os.chmod(tmp_path / "their-key", 0o600)
        key.symlink_to(tmp_path / "their-key")
    elif kind != "inside the cache folder":
        key.write_bytes(b"k" * cache.KEY)
        os.chmod(key, 0o644 if kind == "readable by others" else 0o600)
        if kind == "foreign":
            os.chown(key, 65534, -1)
    entry = cache.entry("num2words", "x", folder=tmp_path / "cache")
    cache.write(entry, b"en")
    assert not entry.exists() and cache.read(entry) is None
    said = capsys.readouterr().err
    assert said.count("ccdocs: warning: the per-user cache is not used") == 1 and f"{key}" in said, said


def test_a_changed_catalog_entry_does_not_change_the_paper(copy_fixture, tmp_path):
    """The breaker's recipe: a kept catalog's translation changed in the cache; the PDF prints the catalog's."""
    folder = copy_fixture("86")
    env = {**os.environ, "CCDOCS_CACHE": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}

    def built(name: str) -> tuple[str, str]:
        done = subprocess.run([sys.executable, "-m", "ccdocs", "build", str(folder), "--lang", "zh", "--format",
                               "pdf", "--out", str(tmp_path / name)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        pdf = tmp_path / name / "zh" / "wo_cc_86_inf_1.pdf"
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout, \
            done.stderr

    assert "成果落地之年" in built("first")[0]
    changed = 0
    for entry in (tmp_path / "cache").glob("catalog-*"):
        data = entry.read_bytes()
        messages = pickle.loads(data[cache.TAG:])
        for message in messages:
            if message.string == "成果落地之年":
                message.string = "秘密成果（已删除）"
                changed += 1
        entry.write_bytes(data[:cache.TAG] + pickle.dumps(messages))
    assert changed == 1
    text, said = built("second")
    assert "成果落地之年" in text and "秘密" not in text
    assert "warning" not in said, said


def test_a_folder_no_entry_can_be_written_in_is_told_once(monkeypatch, capsys):
    """CCDOCS_CACHE naming a folder of a pseudo file system (/proc/self: the user's own, writable by nobody else, yet
    no file can be made in it) kept nothing without a word, where /dev/null is told (breaks-5 #12): the first entry
    that cannot be written says so, once a process."""
    monkeypatch.setenv("CCDOCS_CACHE", "/proc/self")
    for name in ("first", "second"):
        cache.write(cache.entry("test", name), b"data")
    told = capsys.readouterr().err
    assert told.count("ccdocs: warning: the per-user cache keeps nothing: writing in /proc/self fails") == 1, told
