"""`ccdocs watch --templates DIR` watches what ccdocs reads of DIR, its `themes/`, `cover-notes/` and `locales/`, not
DIR whole (breaks-9, noticed: unbounded start).

A templates folder may hold much else (a repository's, a shared drive's; /usr given by mistake): the watch walked it
whole before its first status line and at every round (20,000 files 4.5 s, /usr 31 s), and took a save of any file
in it for a change of the paper. Now the walk, the snapshots and the saves take, of the templates folder, only the
three folders the search path reads (`resources`, `l10n.language`) and the folder itself (for them to be made); a
document folder lying inside the templates folder is still watched whole. No time is asserted: what is walked is.
"""

from __future__ import annotations

from functools import partial

import pytest

from ccdocs.resources import ENV
from ccdocs.watch import Session, _folders, _snapshot

READ = ["themes/house.yaml", "cover-notes/house.en.md.j2", "locales/xx/language.yaml",
        "locales/xx/LC_MESSAGES/ccdocs.po"]
ELSE = ["notes.txt", "share/doc/a.txt", "share/doc/deep/b.txt", "bin/tool", ".git/HEAD"]


@pytest.fixture
def watched(tmp_path, monkeypatch):
    """A document folder (inside the templates folder too) and a templates folder holding other things, given as
    --templates gives it; a Session of the outside document, and one of the inside document."""
    templates = (tmp_path / "templates").resolve()
    for name in READ + ELSE + ["documents/inside/content/report.md"]:
        (templates / name).parent.mkdir(parents=True, exist_ok=True)
        (templates / name).write_text("x\n", encoding="utf-8")
    folder = (tmp_path / "doc").resolve()
    (folder / "content").mkdir(parents=True)
    (folder / "content" / "report.md").write_text("x\n", encoding="utf-8")
    monkeypatch.setenv(ENV, str(templates))
    session = Session(folder, tmp_path / "out", ["en"], ("pdf",), False, print)
    inside = Session(templates / "documents" / "inside", tmp_path / "out2", ["en"], ("pdf",), False, print)
    return templates, folder, session, inside


def _walked(session: Session) -> tuple[set, set]:
    roots = session.roots()
    passes = partial(session.saves(roots), None)
    return set(_folders(roots, passes)), set(_snapshot(roots, passes))


def test_only_the_folders_ccdocs_reads_of_the_templates_folder_are_walked(watched):
    templates, folder, session, _ = watched
    folders, files = _walked(session)
    assert {str(templates / name) for name in READ} | {str(folder / "content" / "report.md")} == files
    assert str(templates) in folders and str(templates / "locales" / "xx" / "LC_MESSAGES") in folders
    assert not {path for path in folders if path.startswith(str(templates / "share"))}
    assert str(templates / "documents") not in folders and str(templates / "bin") not in folders


def test_a_round_takes_the_signatures_of_the_templates_it_may_read_only(watched):
    templates, folder, session, _ = watched
    files = session.files(["en"])
    assert str(templates / "themes" / "house.yaml") in files
    assert not [path for path in files if path.startswith(str(templates)) and not any(
        path.startswith(str(templates / part)) for part in ("themes", "cover-notes", "locales"))]


def test_a_save_beside_the_templates_is_no_save_of_the_paper(watched):
    templates, _, session, _ = watched
    saves = session.saves(session.roots())
    assert [name for name in READ if saves(1, str(templates / name))] == READ
    assert [name for name in ELSE if saves(1, str(templates / name))] == []
    assert saves(1, str(templates / "themes"))  # the folder made after the watch began: a change, watched then


def test_a_document_folder_inside_the_templates_folder_is_watched_whole(watched):
    templates, _, _, inside = watched
    folders, files = _walked(inside)
    assert str(templates / "documents" / "inside" / "content" / "report.md") in files
    assert str(templates / "documents" / "inside" / "content") in folders
    assert not {path for path in folders if path.startswith(str(templates / "share"))}


def test_a_templates_folder_that_is_the_document_folder_is_watched_whole(watched, monkeypatch):
    _, folder, session, _ = watched
    (folder / "notes" / "deep").mkdir(parents=True)
    (folder / "notes" / "deep" / "n.txt").write_text("x\n", encoding="utf-8")
    monkeypatch.setenv(ENV, str(folder))
    _, files = _walked(session)
    assert str(folder / "notes" / "deep" / "n.txt") in files
