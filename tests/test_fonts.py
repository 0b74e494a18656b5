"""The font resolver: the theme's fonts found by role, overrides, clear errors, CFF fonts explained."""

from __future__ import annotations

import struct
from dataclasses import replace
from pathlib import Path

import pytest

from ccdocs.errors import UsageError
from ccdocs.l10n.fonts import FontError, FontResolver, collection_index, fontconfig_faces, outline_kind
from ccdocs.theme import load_theme

THEME = load_theme()
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
MICROHEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def resolver(environ=None, theme=THEME, faces=fontconfig_faces):
    return FontResolver(theme, environ if environ is not None else {"HOME": "/nonexistent"}, faces)


def themed(**fonts):
    """The default theme with some `fonts.zh` names replaced."""
    data = {**THEME.data, "fonts": {**THEME.data["fonts"], "zh": {**THEME.data["fonts"]["zh"], **fonts}}}
    return replace(THEME, data=data)


def fake_font(path: Path, tag: bytes, collection: bool = False) -> Path:
    """A file with just the header bytes that say which outlines a font has."""
    head = tag + b"\x00" * 60
    if collection:
        head = b"ttcf" + struct.pack(">HHII", 1, 0, 1, 16) + head
    path.write_bytes(head)
    return path


@pytest.mark.parametrize("role,families", [
    ("latin_regular", {"Arial", "Liberation Sans", "Arimo"}),
    ("latin_bold_italic", {"Arial", "Liberation Sans", "Arimo"}),
    ("zh_body", {"SimSun", "AR PL UMing CN"}),
    ("zh_heading", {"SimHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"}),
])
def test_each_role_finds_the_named_font_or_its_stand_in(role, families):
    found = resolver().resolve(role, "zh")
    assert found.family in families and found.path.is_file()
    assert outline_kind(found.path, found.index) == "truetype"


def test_known_paths_need_no_fontconfig():
    found = resolver(faces=lambda: []).resolve("zh_body", "zh")
    assert found.path == UMING and found.index == 0


def test_a_collection_face_is_chosen_by_family():
    assert collection_index(UMING, "AR PL UMing CN") == 0
    assert collection_index(UMING, "AR PL UMing TW") != 0


def test_an_environment_variable_overrides_the_theme():
    found = resolver({"CCDOCS_FONT_ZH_BODY": f"{MICROHEI}#0"}).resolve("zh_body", "zh")
    assert found.path == MICROHEI and found.index == 0


def test_the_theme_can_name_a_file_for_a_role():
    data = {**THEME.data, "pdf_fonts": {**THEME.data["pdf_fonts"], "files": {"zh_heading": str(UMING)}}}
    found = resolver(theme=replace(THEME, data=data)).resolve("zh_heading", "zh")
    assert found.path == UMING


def test_an_override_naming_no_file_says_so():
    with pytest.raises(UsageError, match="CCDOCS_FONT_LATIN_BOLD=/no/such/font.ttf: .* does not exist"):
        resolver({"CCDOCS_FONT_LATIN_BOLD": "/no/such/font.ttf"}).resolve("latin_bold", "en")


@pytest.mark.parametrize("suffix, told", [("#5", "the file holds one face, there is no face 5"),
                                          ("#-1", "does not exist")])
def test_a_face_a_single_font_file_does_not_hold_is_refused_not_read_as_its_first(suffix, told):
    """`font.ttf#5`: the face index is checked (it was ignored for a file holding one face, as `#-1` was)."""
    single = resolver().resolve("latin_bold", "en").path
    assert single.suffix == ".ttf"
    with pytest.raises(UsageError, match=f"CCDOCS_FONT_LATIN_BOLD=.*{told}"):
        resolver({"CCDOCS_FONT_LATIN_BOLD": f"{single}{suffix}"}).resolve("latin_bold", "en")
    data = {**THEME.data, "pdf_fonts": {**THEME.data["pdf_fonts"], "files": {"latin_bold": f"{single}{suffix}"}}}
    with pytest.raises(FontError, match=told):  # named by the theme: at the theme's file, as before
        resolver(theme=replace(THEME, data=data)).resolve("latin_bold", "en")


def test_a_missing_font_names_itself_and_the_package_that_provides_it():
    theme = themed(body="NoSuchSong")
    data = {**theme.data, "pdf_fonts": {"stand_ins": {"NoSuchSong": {"families": ["Nor This"],
                                                                      "package": "fonts-arphic-uming"}}}}
    with pytest.raises(FontError) as exc:
        resolver(theme=replace(theme, data=data), faces=lambda: []).resolve("zh_body", "zh")
    message = str(exc.value)
    assert "NoSuchSong" in message and "Nor This" in message and "fonts-arphic-uming" in message
    assert "CCDOCS_FONT_ZH_BODY" in message and "Chinese body text" in message


@pytest.mark.parametrize("collection", [False, True])
def test_cff_outlines_are_detected(tmp_path, collection):
    path = fake_font(tmp_path / "NotoSansCJK.otf", b"OTTO", collection)
    assert outline_kind(path) == "cff"
    assert outline_kind(fake_font(tmp_path / "x.ttf", b"\x00\x01\x00\x00", collection)) == "truetype"


def test_a_cff_override_is_explained_not_crashed_on(tmp_path):
    path = fake_font(tmp_path / "NotoSansCJK-Regular.otf", b"OTTO")
    with pytest.raises(UsageError, match="CFF .*TrueType outlines only"):
        resolver({"CCDOCS_FONT_ZH_BODY": str(path)}).resolve("zh_body", "zh")


def test_cff_faces_fontconfig_lists_are_skipped_and_named_when_nothing_else_is_found(tmp_path):
    path = fake_font(tmp_path / "NotoSerifCJK.ttc", b"OTTO", collection=True)
    theme = themed(body="Noto Serif CJK SC")
    data = {**theme.data, "pdf_fonts": {"stand_ins": {}}}
    faces = lambda: [(("Noto Serif CJK SC",), "Regular", path, 0, "CFF")]
    with pytest.raises(FontError, match="found only CFF-outline faces.*Noto Serif CJK SC"):
        resolver(theme=replace(theme, data=data), faces=faces).resolve("zh_body", "zh")
