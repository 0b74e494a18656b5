"""A content file's segments, the translations that change its blocks and the catalogs read are kept in the
per-user cache: a fresh process (each build's model worker) reads them instead of parsing the Markdown and the
catalogs again, with the same answers, and an entry is never read for another text, other translations, or a
damaged file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ccdocs.i18n import cached
from ccdocs.i18n.segments import _read_segments, extract
from ccdocs.i18n.structure import _breaking, breaking

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "wo-cc-86-inf-1"
CHILD = """
import hashlib, sys
from pathlib import Path
from ccdocs.i18n import segments
from ccdocs.pipeline import read_sources, resolve
document = resolve(read_sources(Path(sys.argv[1])), "zh")
print(segments.blocks.cache_info().misses, hashlib.sha1(repr(document).encode()).hexdigest(),
      "email.parser" in sys.modules)
"""
TEXT = "Intro.\n\nSecond.\n\n- an item\n"


def test_a_fresh_process_reads_the_segments_and_shapes_it_kept(tmp_path):
    env = dict(os.environ, CCDOCS_CACHE=str(tmp_path / "cache"))

    def run() -> tuple[int, str, str]:
        done = subprocess.run([sys.executable, "-c", CHILD, str(SAMPLE)], env=env, capture_output=True, text=True,
                              check=True)
        misses, digest, header_read = done.stdout.split()
        return int(misses), digest, header_read

    first, again = run(), run()
    assert first[0] > 0 and again[0] == 0  # the second parsed no content file's Markdown
    assert (first[2], again[2]) == ("True", "False")  # nor any catalog with babel (whose header needs email)
    assert again[1] == first[1]  # the same Chinese model


CHECKING = """
import hashlib, sys
from pathlib import Path
from ccdocs.errors import InputError
from ccdocs.i18n import policy
from ccdocs.pipeline import read_sources, resolve
checked, check = [], policy.check
policy.check = lambda entry: checked.append(entry.translation) or check(entry)
try:
    told = repr(resolve(read_sources(Path(sys.argv[1])), "zh"))
except InputError as exc:
    told = "\\n".join(map(str, exc.problems))
print(len(checked), len(set(checked)), hashlib.sha1(told.encode()).hexdigest())
"""


def test_a_fresh_process_checks_again_only_the_translations_that_failed(tmp_path):
    folder = tmp_path / "doc"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("expected"))
    env = dict(os.environ, CCDOCS_CACHE=str(tmp_path / "cache"))

    def run() -> tuple[int, int, str]:
        done = subprocess.run([sys.executable, "-c", CHECKING, str(folder)], env=env, capture_output=True, text=True,
                              check=True)
        checked, texts, told = done.stdout.split()
        return int(checked), int(texts), told

    first, again = run(), run()
    assert first[0] > 100 and again[0] == 0 and again[2] == first[2]  # the same model, no translation checked
    catalog = folder / "locales" / "zh" / "LC_MESSAGES" / "content.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgstr "{{ report.year }}年，', 'msgstr "今年，', 1), encoding="utf-8")
    broken, still = run(), run()
    assert broken[1] == still[1] == 1  # the edited translation alone, failing, so checked again in each process
    assert still[2] == broken[2] != first[2]  # told the same, at the same places
    catalog.write_text(text, encoding="utf-8")  # the entry holds the last build's translations: this one checked
    assert run() == (1, 1, first[2])


def test_kept_answers_are_the_answers_for_their_text_and_translations(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    for _ in range(2):  # worked out, then read back
        assert breaking(TEXT, "r.md", {1: "导言。", 3: "# 第二段"}) == _breaking(TEXT, "r.md", {1: "导言。", 3: "# 第二段"})
        assert breaking(TEXT, "r.md", {1: "导言。", 3: "第二段。"}) == {}
        assert breaking(TEXT, "r.md", {5: "# 一项"}) == _breaking(TEXT, "r.md", {5: "# 一项"}) != {}
    assert extract(TEXT, "other.md") == list(_read_segments(TEXT, "other.md"))  # the file's name is in each segment


def test_a_damaged_entry_is_worked_out_again(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    assert cached.kept("structure", ("x",), lambda: {3: "a heading"}, "code") == {3: "a heading"}
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert cached.kept("structure", ("x",), lambda: {4: "a list"}, "code") == {4: "a list"}
    assert cached.kept("structure", ("x",), lambda: {}, "code") == {4: "a list"}  # written again whole


def test_the_code_digest_changes_with_any_module_of_the_package(tmp_path):
    package = tmp_path / "ccdocs"
    (package / "writers").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "writers" / "pdf.py").write_text("WIDTH = 1\n")
    first = cached.package_digest(package, ("3.0",))
    (package / "writers" / "notes.txt").write_text("not code")
    assert cached.package_digest(package, ("3.0",)) == first
    (package / "writers" / "pdf.py").write_text("WIDTH = 2\n")  # a module the cached readers only call
    changed = cached.package_digest(package, ("3.0",))
    assert changed != first and cached.package_digest(package, ("3.1",)) != changed
    assert len(cached.code()) == 40 and cached.code() == cached.code()
