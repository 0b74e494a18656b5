"""`errors.display_path`: a path as an editor would type it in a message, relative to the working folder when
inside it: as given first (a link is named where it stands), else with links resolved; the path itself
otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ccdocs.errors import display_path


@pytest.fixture
def there(tmp_path, monkeypatch):
    (tmp_path / "doc/content").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "doc")
    return tmp_path


def test_a_path_inside_the_working_folder_is_shown_relative_to_it(there):
    assert display_path(there / "doc/content/report.md") == "content/report.md"
    assert display_path("content/../content/report.md") == "content/report.md"
    assert display_path(Path("./content//report.md")) == "content/report.md"
    assert display_path(there / "doc") == display_path(str(there / "doc") + "/") == "."


def test_a_link_inside_is_named_where_it_stands_and_a_path_reached_through_links_is_resolved(there):
    (there / "doc/content/out").symlink_to(there / "elsewhere")
    assert display_path(there / "doc/content/out/a.md") == "content/out/a.md"
    (there / "alias").symlink_to(there / "doc")
    assert display_path(there / "alias/content/report.md") == "content/report.md"


def test_a_path_outside_is_shown_as_given(there):
    assert display_path(there / "elsewhere/a.md") == str(there / "elsewhere/a.md")
    assert display_path("../elsewhere/a.md") == os.path.join("..", "elsewhere", "a.md")


def test_a_working_folder_reached_through_a_link_shows_its_paths_relative(there, monkeypatch):
    (there / "alias").symlink_to(there / "doc")
    monkeypatch.chdir(there / "alias")
    assert display_path(there / "doc/content/report.md") == "content/report.md"
    assert display_path("content/report.md") == "content/report.md"
