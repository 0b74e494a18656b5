"""The line-breaking classes (UAX #14) of the Basic Multilingual Plane are read from uniseg once and kept in the
per-user cache: a later process gives every BMP character the class uniseg gives it without importing uniseg (whose
import reads its version through importlib.metadata: some 35 ms in a Chinese build's parent, before its writes).

Processes are fresh interpreters (this one has imported uniseg already), each with the per-user cache given."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from uniseg.linebreak import line_break as uniseg_line_break

from ccdocs.l10n import uax14

ASKED = """
import json, sys
from ccdocs.l10n.uax14 import line_break
classes = [line_break(ch) for ch in sys.argv[1]]
print(json.dumps({"classes": classes, "uniseg": "uniseg" in sys.modules,
                  "metadata": "importlib.metadata" in sys.modules}))
"""
TEXT = "中文，“text” — 2026年（见）\u3000…\u00ad\U00020000\U0001f600"


def asked(text: str, cache) -> dict:
    """The classes a fresh process with the per-user cache in `cache` gives the characters of `text`, and whether it
    imported uniseg (and importlib.metadata) to give them."""
    env = dict(os.environ, CCDOCS_CACHE=str(cache))
    done = subprocess.run([sys.executable, "-c", ASKED, text], capture_output=True, text=True, env=env, timeout=120,
                          check=True)
    return json.loads(done.stdout)


def test_a_later_process_reads_the_kept_classes_without_importing_uniseg(tmp_path):
    expected = [str(uniseg_line_break(ch).value) for ch in TEXT]
    first = asked(TEXT[:-2], tmp_path / "cache")  # the BMP characters: the first process makes the entry
    assert first["uniseg"] and first["classes"] == expected[:-2]
    later = asked(TEXT[:-2], tmp_path / "cache")
    assert later == {"classes": expected[:-2], "uniseg": False, "metadata": False}
    beyond = asked(TEXT, tmp_path / "cache")  # a character beyond the BMP is asked of uniseg
    assert beyond["uniseg"] and beyond["classes"] == expected


def test_without_the_per_user_cache_uniseg_gives_every_class(tmp_path):
    """A cache folder that cannot be made (a file stands at its place): no table is made for one process."""
    (tmp_path / "cache").write_text("not a folder")
    expected = [str(uniseg_line_break(ch).value) for ch in TEXT]
    assert asked(TEXT, tmp_path / "cache") == {"classes": expected, "uniseg": True, "metadata": True}
    assert not list(tmp_path.glob("**/uax14-*"))


def test_every_kept_class_is_uniseg_s():
    """The table this process holds (made or read from the suite's cache) against uniseg, code point by code
    point over the whole BMP, the surrogates and unassigned points included."""
    names, codes = uax14._table()
    assert len(codes) == uax14.BMP
    wrong = [hex(o) for o in range(uax14.BMP) if names[codes[o]] != str(uniseg_line_break(chr(o)).value)]
    assert wrong == []


@pytest.mark.parametrize("changed", uax14.DATA)
def test_the_entry_is_named_by_uniseg_s_installed_data(tmp_path, monkeypatch, changed):
    """Another uniseg (another Unicode version) installed in place names another entry: its files' sizes and times
    are in the name."""
    before = uax14._installed()
    real = os.stat

    def stat(path, *args, **kwargs):
        found = real(path, *args, **kwargs)
        if str(path).endswith(os.sep + changed):
            return SimpleNamespace(st_size=found.st_size + 1, st_mtime_ns=found.st_mtime_ns)  # one byte more
        return found

    monkeypatch.setattr(os, "stat", stat)
    assert uax14._installed() != before


def test_the_entry_is_named_by_its_own_layout(tmp_path, monkeypatch):
    """review-14 R4: a later layout of the entry (LAYOUT raised) names another entry, never read as the old one."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    uax14._table.cache_clear()
    try:
        uax14._table()
        monkeypatch.setattr(uax14, "LAYOUT", uax14.LAYOUT + 1)
        uax14._table.cache_clear()
        uax14._table()
        assert len(list((tmp_path / "cache").glob("uax14-*"))) == 2
    finally:
        uax14._table.cache_clear()
