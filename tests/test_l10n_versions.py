"""A language profile and its toolkit catalog are read once per process while they are the same file: an edit is
seen at the next lookup even when it keeps the size and puts the modification time back (a copy with `cp -p`, an
editor's restore), and when the profile is a link whose target was edited (as `ccdocs watch` needs)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ccdocs.i18n.checkers import Entry, check, label_words_around
from ccdocs.l10n.catalog import Catalog
from ccdocs.l10n.language import find_language
from ccdocs.resources import ENV
from ccdocs.sources.memo import Memo

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def house(tmp_path, monkeypatch) -> Path:
    """A templates folder whose `zh` is a copy of the shipped one."""
    folder = tmp_path / "house"
    shutil.copytree(ROOT / "locales" / "zh", folder / "locales" / "zh")
    monkeypatch.setenv(ENV, str(folder))
    return folder


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (the same size in UTF-8) and put the file's modification time back."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def test_an_edit_of_a_linked_profile_is_seen_at_the_next_lookup(house):
    """The profile a link to drafts/zh/language.yaml inside the templates folder (the catalog and the folder's
    name are those of the place linked to)."""
    target = house / "drafts" / "zh" / "language.yaml"
    shutil.copytree(house / "locales" / "zh", target.parent)
    link = house / "locales" / "zh" / "language.yaml"
    link.unlink()
    link.symlink_to(Path("..", "..", "drafts", "zh", "language.yaml"))
    assert find_language("zh").letter == "C"
    edit_in_place(target, "letter: C", "letter: D")
    assert find_language("zh").letter == "D"


def test_an_edit_keeping_size_and_modification_time_of_a_catalog_is_seen(house):
    catalog = house / "locales" / "zh" / "LC_MESSAGES" / "ccdocs.po"
    assert Catalog.load("zh").gettext("Geneva") == "日内瓦"
    edit_in_place(catalog, 'msgstr "日内瓦"', 'msgstr "日来瓦"')
    assert Catalog.load("zh").gettext("Geneva") == "日来瓦"


def test_an_edit_keeping_size_and_modification_time_of_a_profile_is_seen(house):
    profile = house / "locales" / "zh" / "language.yaml"
    assert find_language("zh").letter == "C"
    edit_in_place(profile, "letter: C", "letter: D")
    assert find_language("zh").letter == "D"


def test_the_label_words_checked_follow_an_edited_catalog(house):
    """The words a label prints (`第…段`), which a translation must not type beside a reference, are those of the
    catalog as it is now."""
    entry = Entry("report ¶3", "See [](#x).", "该方法见[](#x)段。", "zh")
    assert label_words_around(entry)
    edit_in_place(house / "locales" / "zh" / "LC_MESSAGES" / "ccdocs.po", '段"\n', '节"\n')
    assert label_words_around(entry) == []


def test_the_checks_kept_in_a_watch_follow_an_edited_catalog(house):
    """What a watch's worker keeps between rounds (an active `Memo`) holds no check of a translation made with the
    catalog's former label words."""
    entry = Entry("report ¶3", "See [](#x).", "该方法见[](#x)段。", "zh")
    memo = Memo()
    with memo.active():
        assert any("`段` is typed beside" in message for message in check(entry))
    edit_in_place(house / "locales" / "zh" / "LC_MESSAGES" / "ccdocs.po", '段"\n', '节"\n')
    memo.next_round()
    with memo.active():
        assert not any("is typed beside" in message for message in check(entry))
