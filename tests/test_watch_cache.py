"""A watch never takes the per-user cache's own writes for saves, wherever CCDOCS_CACHE or XDG_STATE_HOME put the
cache inside the watched folder: each round writes entries (`blocks-…`), which would start a round of their own."""

from __future__ import annotations

from ccdocs.watch import Saves


def test_the_caches_entries_and_key_inside_the_folder_are_no_saves(tmp_path, monkeypatch):
    folder = (tmp_path / "doc").resolve()
    monkeypatch.setenv("CCDOCS_CACHE", str(folder / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(folder / "state"))
    saves = Saves([folder])
    passed = [".cache/blocks-0f81a2b3c4d5e6f708192a3b", ".cache/figures-e5730123456789abcdef0123",
              "state/ccdocs/cache-key"]
    kept = ["content/report.md", ".cache/notes.txt", ".cache/report.md", "content/blocks-0f81a2b3c4d5e6f708192a3b"]
    assert [name for name in passed if saves(1, str(folder / name))] == []
    assert [name for name in kept if saves(1, str(folder / name))] == kept


def test_a_cache_given_through_a_link_is_known_by_where_it_leads(tmp_path, monkeypatch):
    folder = (tmp_path / "doc").resolve()
    (folder / "cache").mkdir(parents=True)
    (tmp_path / "link").symlink_to(folder / "cache", target_is_directory=True)
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "link"))
    assert not Saves([folder])(1, str(folder / "cache" / "blocks-0f81a2b3c4d5e6f708192a3b"))
