"""A system font's file (a known path, or fontconfig's listing) is read within the bound a file named by
CCDOCS_FONT_<ROLE> is (`sources.bounds.FONT`), refused with the same message: a 1 GB file at
~/.local/share/fonts/arial.ttf was read whole (1.1 GB of memory) and embedded."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccdocs.l10n import fonts
from ccdocs.l10n.fonts import FontError, FontResolver
from ccdocs.sources.bounds import FONT
from ccdocs.theme import load_theme
from conftest import run_ccdocs, write_doc

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SAID = "holds 65.0 MB, more than the 64 MB ccdocs reads for a font file"


def padded(path: Path) -> Path:
    """DejaVu Sans padded past the bound (sparse: nothing is written but its own bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DEJAVU.read_bytes())
    with path.open("r+b") as stream:
        stream.truncate(FONT.most + 2**20)
    return path


@pytest.fixture(autouse=True)
def fresh():
    fonts._examined.cache_clear()
    fonts.known_file.cache_clear()
    yield
    fonts._examined.cache_clear()
    fonts.known_file.cache_clear()


def test_a_known_system_file_beyond_the_bound_is_refused(tmp_path):
    font = padded(tmp_path / "home" / ".local/share/fonts/arial.ttf")
    with pytest.raises(FontError) as exc:
        FontResolver(load_theme(), {"HOME": str(tmp_path / "home")}, faces=lambda: ()).resolve("latin_regular")
    found = exc.value.problems[0]
    assert found.message == f"`{font}` (the known file of Arial) {SAID}", found
    assert found.hint == FONT.hint


def test_a_face_fontconfig_lists_beyond_the_bound_is_refused(tmp_path):
    font = padded(tmp_path / "fonts" / "padded.ttf")
    resolver = FontResolver(load_theme(), {"HOME": "/nonexistent"},
                            faces=lambda: ((("Padded Sans",), "Regular", font, 0, "TrueType"),))
    with pytest.raises(FontError) as exc:
        resolver.listed_face("Padded Sans", "Regular")
    assert exc.value.problems[0].message == f"`{font}` (fontconfig's face of Padded Sans) {SAID}"


def test_a_build_with_such_a_font_is_refused_unread(tmp_path, monkeypatch):
    home = tmp_path / "home"
    padded(home / ".local/share/fonts/arial.ttf")
    folder = write_doc(tmp_path / "doc")
    monkeypatch.setenv("HOME", str(home))
    result = run_ccdocs("build", folder, "--lang", "en", "--format", "pdf", "--out", tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"(the known file of Arial) {SAID}" in result.stderr
    assert not (tmp_path / "out").exists()
