"""The font programs a PDF embeds are kept in the per-user cache: a later build, in a fresh process, embeds the
subset program and its compressed bytes an earlier build made (reportlab's makeSubset and zlib not run again) and
writes the same bytes; a changed font file or another set of glyphs makes a fresh program; an entry changed on
disk is not used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from ccdocs.l10n.fonts import FontFile
from ccdocs.writers.pdf import cidfont
from ccdocs.writers.pdf.faces import loaded

LIBERATION = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
GLYPHS = tuple(map(ord, "WIPO 2026 report"))


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """A cache folder of this test's own, the per-process memories emptied before and after (a fresh process), and
    the calls of reportlab's makeSubset counted (`kept.made`)."""
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path / "cache"))
    made = []
    subset = TTFontFace.makeSubset
    monkeypatch.setattr(TTFontFace, "makeSubset", lambda face, glyphs: made.append(glyphs) or subset(face, glyphs))

    class Kept:
        folder = tmp_path / "cache"

        @staticmethod
        def fresh():
            """Forget what this process made, as a new process would."""
            cidfont.subset_program.cache_clear()
            cidfont.compressed.cache_clear()

    Kept.made = made
    Kept.fresh()
    yield Kept
    Kept.fresh()


def face_of(path: Path):
    """The reportlab face of the font file at `path`, as a write loads it."""
    return loaded(FontFile("latin_regular", "Liberation Sans", path), "Kept").face


def test_a_program_made_once_is_read_back_by_a_fresh_process(kept, tmp_path):
    face = face_of(LIBERATION)
    program = cidfont.subset_program(face, GLYPHS)
    assert len(kept.made) == 1 and len(list(kept.folder.glob("program-*"))) == 1
    kept.fresh()
    assert cidfont.subset_program(face_of(LIBERATION), GLYPHS) == program
    assert len(kept.made) == 1, "the second process made the program again"


def test_another_glyph_set_or_a_changed_font_file_makes_a_fresh_program(kept, tmp_path):
    font = tmp_path / "font.ttf"
    font.write_bytes(LIBERATION.read_bytes())
    first = cidfont.subset_program(face_of(font), GLYPHS)
    kept.fresh()
    other = cidfont.subset_program(face_of(font), GLYPHS + (ord("X"),))
    assert len(kept.made) == 2 and other != first
    kept.fresh()
    later = font.stat().st_mtime_ns + 10**9
    os.utime(font, ns=(later, later))  # the same path, another version of the file
    assert cidfont.subset_program(face_of(font), GLYPHS) == first
    assert len(kept.made) == 3, "a changed font file's program was taken from the cache"
    assert len(list(kept.folder.glob("program-*"))) == 3


def test_a_changed_entry_is_not_used(kept):
    face = face_of(LIBERATION)
    program = cidfont.subset_program(face, GLYPHS)
    packed = cidfont.compressed(program * 2)  # at least KEPT_SIZE bytes: kept per user
    assert len(program) * 2 >= cidfont.KEPT_SIZE and len(list(kept.folder.glob("deflated-*"))) == 1
    for entry in [*kept.folder.glob("program-*"), *kept.folder.glob("deflated-*")]:
        data = bytearray(entry.read_bytes())
        data[-1] ^= 0xFF
        entry.write_bytes(bytes(data))
    kept.fresh()
    assert cidfont.subset_program(face, GLYPHS) == program and len(kept.made) == 2
    assert cidfont.compressed(program * 2) == packed


def test_a_second_build_embeds_the_programs_the_first_kept(make_doc, tmp_path):
    folder = make_doc()  # its Chinese paper sets its labels and cover in the Chinese faces
    env = {**os.environ, "CCDOCS_CACHE": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1767225600"}

    def build(name: str) -> tuple[bytes, dict]:
        subprocess.run([sys.executable, "-m", "ccdocs", "build", str(folder), "--lang", "zh", "--format", "pdf",
                        "--out", str(tmp_path / name)], env=env, check=True, capture_output=True)
        entries = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
                   for pattern in ("program-*", "deflated-*") for p in (tmp_path / "cache").glob(pattern)}
        return next((tmp_path / name).rglob("*.pdf")).read_bytes(), entries

    first, made = build("first")
    assert any(name.startswith("program-") for name in made) and any(name.startswith("deflated-") for name in made)
    second, found = build("second")
    assert second == first
    assert found == made, "the second build made its programs again (an entry was written anew)"
