"""fontconfig's list of faces kept in the per-user cache: a later process has the same faces without running
`fc-list` while fontconfig's configuration, caches and font folders are unchanged; a font added to a font folder
fontconfig reads, or an entry changed on disk, runs it again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ccdocs.l10n import fontconfig
from ccdocs.l10n.fonts import FontResolver, fontconfig_faces
from ccdocs.theme import load_theme

LIBERATION = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
pytestmark = pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")


@pytest.fixture
def listed(tmp_path, monkeypatch):
    """`fc-list` runs counted (`listed.runs`), in a home and a cache folder of this test's own, the per-process
    answer forgotten before and after (a fresh process)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # fontconfig reads ~/.fonts: a font folder of the test's own
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "FONTCONFIG_FILE", "FONTCONFIG_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    runs = []
    run = fontconfig.subprocess.run
    monkeypatch.setattr(fontconfig.subprocess, "run", lambda *a, **k: runs.append(a) or run(*a, **k))
    fontconfig_faces.cache_clear()
    yield type("Listed", (), {"runs": runs, "home": home, "cache": tmp_path / "cache"})
    fontconfig_faces.cache_clear()


def test_a_fresh_process_lists_the_kept_faces_without_fc_list(listed):
    faces = fontconfig_faces()
    assert faces and len(listed.runs) == 1
    fontconfig_faces.cache_clear()
    assert fontconfig_faces() == faces and len(listed.runs) == 1, "fc-list ran again"
    assert FontResolver(load_theme()).resolve("latin_regular").path.is_file()


def test_a_font_added_to_a_font_folder_is_listed(listed):
    before = fontconfig_faces()
    fonts = listed.home / ".fonts"
    fonts.mkdir()
    shutil.copy(LIBERATION, fonts / "Added.ttf")
    fontconfig_faces.cache_clear()
    after = fontconfig_faces()
    assert len(listed.runs) == 2 and fonts / "Added.ttf" in {face[2] for face in after}
    assert len(after) == len(before) + 1


def test_a_changed_entry_is_not_used(listed):
    faces = fontconfig_faces()
    (entry,) = listed.cache.glob("fontconfig-*")
    entry.write_bytes(entry.read_bytes().replace(b"Liberation Sans", b"Liberation Sant"))
    fontconfig_faces.cache_clear()
    assert fontconfig_faces() == faces and len(listed.runs) == 2
