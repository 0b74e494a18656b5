"""A font file named by the environment (CCDOCS_FONT_<ROLE>) or a theme (`pdf_fonts.files`) is read by reportlab's
own parser within bounds: its size (`sources.bounds.FONT`) and the faces of a collection (`l10n.fonts.MOST_FACES`)."""

from __future__ import annotations

import struct
from dataclasses import replace
from pathlib import Path

import pytest
from refusals import Case

from ccdocs.l10n import fonts
from ccdocs.l10n.fonts import MOST_FACES, FontError, FontResolver, examined
from ccdocs.sources.bounds import FONT
from ccdocs.theme import load_theme

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def claiming(path: Path, faces: int, size: int | None = None) -> Path:
    """A collection whose header claims `faces` faces, each at one TrueType table directory of no table, its
    offsets filling `size` bytes (the header whole when None)."""
    faces_written = faces if size is None else (size - 12) // 4 - 8
    directory = 12 + 4 * faces_written
    path.write_bytes(b"ttcf" + struct.pack(">HHI", 1, 0, faces) + struct.pack(">I", directory) * faces_written
                     + b"\x00\x01\x00\x00" + b"\x00" * 8)
    return path


def refused_by_environment(refuse, tmp_path, name: str, make, fragment: str, timeout: float | None = None) -> str:
    """What `build --format pdf` (and `check`) print refusing the file `make` writes, named by CCDOCS_FONT_ZH_BODY."""
    path = tmp_path / "fonts" / name
    path.parent.mkdir()
    make(path)
    output = refuse(Case(f"font-{name}", {}, fragment, None, code=2, args=("--format", "pdf"),
                         env={"CCDOCS_FONT_ZH_BODY": str(path)}, timeout=timeout))
    assert f"ccdocs: error: CCDOCS_FONT_ZH_BODY={path}: `{path}` (environment variable CCDOCS_FONT_ZH_BODY)" in output
    return output


def test_a_collection_claiming_a_million_faces_is_refused_before_any_is_read(refuse, tmp_path):
    """4 MB of offsets claim 1,048,565 faces: each was examined, the file opened anew for each (over 120 s)."""
    output = refused_by_environment(
        refuse, tmp_path, "many.ttc", lambda path: claiming(path, (4 * 2**20 - 12) // 4 - 8, 4 * 2**20),
        f"is a collection claiming 1,048,565 faces, more than the {MOST_FACES} ccdocs examines in a font file",
        timeout=60)
    assert "a .ttf holds one, a .ttc a few" in output


def test_a_collection_of_one_face_more_than_the_bound_is_refused(refuse, tmp_path):
    refused_by_environment(refuse, tmp_path, "more.ttc", lambda path: claiming(path, MOST_FACES + 1),
                           f"claiming {MOST_FACES + 1} faces, more than the {MOST_FACES}")


def test_a_font_file_beyond_the_bound_is_refused_unread(refuse, tmp_path):
    """A real font padded past 64 MB (sparse: nothing is read) was read whole, then embedded whole."""
    def padded(path):
        path.write_bytes(DEJAVU.read_bytes())
        with path.open("r+b") as stream:
            stream.truncate(FONT.most + 2**20)
    refused_by_environment(refuse, tmp_path, "huge.ttf", padded,
                           "(environment variable CCDOCS_FONT_ZH_BODY) holds 65.0 MB, more than the 64 MB ccdocs "
                           "reads for a font file")


@pytest.mark.parametrize("name, make, told", [
    ("beyond.ttc", lambda path: path.write_bytes(b"ttcf" + struct.pack(">HHII", 1, 0, 1, 2**30)),
     "is not a TrueType font ("),
    ("cut.ttc", lambda path: path.write_bytes(UMING.read_bytes()[:2**16]), "is not a readable TrueType font ("),
])
def test_a_collection_pointing_outside_itself_is_refused_as_reportlab_reads_it(refuse, tmp_path, name, make, told):
    """A face at an offset past the end, a collection cut after its first tables: reportlab's parser says why."""
    refused_by_environment(refuse, tmp_path, name, make, told)


def test_a_theme_naming_a_font_file_beyond_the_bound_is_refused_at_its_line(tmp_path):
    """Only the toolkit's own themes may name files (a document's theme naming one is refused); the refusal of the
    file is at the theme's line of `pdf_fonts.files.<role>`, not at the theme file alone."""
    font = tmp_path / "huge.ttf"
    font.write_bytes(DEJAVU.read_bytes())
    with font.open("r+b") as stream:
        stream.truncate(FONT.most + 1)
    theme_file = tmp_path / "themes" / "own.yaml"
    theme_file.parent.mkdir()
    theme_file.write_text(f"# a theme\npdf_fonts:\n  stand_ins: {{}}\n  files:\n    zh_body: {font}\n")
    theme = load_theme()
    theme = replace(theme, path=theme_file,
                    data={**theme.data, "pdf_fonts": {**theme.data["pdf_fonts"], "files": {"zh_body": str(font)}}})
    with pytest.raises(FontError) as exc:
        FontResolver(theme, {"HOME": "/nonexistent"}).resolve("zh_body", "zh")
    found = exc.value.problems[0]
    assert (found.path, found.line) == (str(theme_file), 5), found
    assert "(theme pdf_fonts.files.zh_body) holds 67,108,865 bytes, more than the 64 MB" in found.message


def test_a_collection_face_is_found_by_the_family_reportlab_reads():
    """The faces of AR PL UMing's collection, by the family name reportlab's parser reads in each."""
    faces = examined(UMING)
    assert faces.claimed == 4
    assert [family for _, family, _ in faces.faces] == ["AR PL UMing CN", "AR PL UMing HK", "AR PL UMing TW",
                                                        "AR PL UMing TW MBE"]
    assert {kind for kind, _, _ in faces.faces} == {"truetype"} and faces.index_of("ar pl uming tw") == 2


def test_a_system_font_is_parsed_once_then_read_from_the_per_user_cache(monkeypatch):
    """A build resolves its faces in each process: a file's faces are kept in the per-user cache by its path, size,
    modification time and inode, so reportlab parses a system font's file once, not at each build."""
    parsed = []
    real = fonts.face_of
    monkeypatch.setattr(fonts, "face_of", lambda data, name, index: parsed.append(index) or real(data, name, index))
    path = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    fonts._examined.cache_clear()
    first = examined(path)
    fonts._examined.cache_clear()  # as a new process: only the per-user cache is left
    assert examined(path) == first and first.index_of("WenQuanYi Micro Hei Mono") == 1
    assert parsed in ([], [0, 1])  # parsed once here, or already by an earlier process
