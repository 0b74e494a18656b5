"""What a YAML text parses to is kept in the per-user cache (`sources.yamlfile.read_yaml`): a later read of the same
text at the same path gives the same values and positions without composing it again; a refused text is parsed and
told every time."""

from __future__ import annotations

import pytest

from ccdocs.errors import InputError
from ccdocs.sources import yamlfile

TEXT = """\
title: Annual Report on Human Resources
date: 2026-05-12
figures: &figures
  staff: 1735
  share: 0.456
  ratio: 1.50
again: *figures
names: [café, 中文]
"""


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_later_read_gives_the_kept_values_and_positions_without_parsing(tmp_path, own_cache, monkeypatch):
    path = tmp_path / "document.yaml"
    path.write_text(TEXT, encoding="utf-8")
    first = yamlfile.read_yaml(path)
    assert len(list(own_cache.glob("yaml-*"))) == 1

    def parsed(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlfile, "_parsed", parsed)
    later = yamlfile.read_yaml(path)
    assert later is not first
    assert (later.path, later.data, later.positions) == (first.path, first.data, first.positions)
    assert later.where("again", "staff") == first.where("again", "staff") == (7, 8)
    assert later.data["again"] is later.data["figures"]  # an alias is the same value, as parsed


def test_another_text_or_another_path_is_parsed(tmp_path, own_cache):
    path = tmp_path / "document.yaml"
    path.write_text(TEXT, encoding="utf-8")
    yamlfile.read_yaml(path)
    path.write_text(TEXT.replace("1735", "1736"), encoding="utf-8")
    assert yamlfile.read_yaml(path).data["figures"]["staff"] == 1736
    other = tmp_path / "other.yaml"
    other.write_text(TEXT, encoding="utf-8")
    assert yamlfile.read_yaml(other).path == other
    assert len(list(own_cache.glob("yaml-*"))) == 3


def test_a_refused_text_is_told_every_time_and_never_kept(tmp_path, own_cache):
    path = tmp_path / "document.yaml"
    path.write_text("title: one\ntitle: two\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError) as caught:
            yamlfile.read_yaml(path)
        assert "written twice" in str(caught.value.problems[0])
    assert not list(own_cache.glob("yaml-*"))


def test_another_pyyaml_or_parser_names_another_entry(tmp_path, own_cache, monkeypatch):
    """review-14 R3: the values and positions come from PyYAML's composer and libyaml's parser: another PyYAML, or
    one built without libyaml, reads its own entry, never the old library's."""
    path = tmp_path / "document.yaml"
    path.write_text(TEXT, encoding="utf-8")
    yamlfile.read_yaml(path)
    monkeypatch.setattr(yamlfile.yaml, "__version__", "0.0-other")
    yamlfile.read_yaml(path)
    monkeypatch.setattr(yamlfile, "CParser", None)
    yamlfile.read_yaml(path)
    assert len(list(own_cache.glob("yaml-*"))) == 3
