"""Font files by script and role: the theme's font names resolved to installed TrueType faces."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, UsageError, problem
from .fontconfig import fontconfig_faces

ROLES = ("latin_regular", "latin_bold", "latin_italic", "latin_bold_italic", "zh_body", "zh_heading",
         "arabic_regular", "arabic_bold")
STYLES = {"latin_regular": "Regular", "latin_bold": "Bold", "latin_italic": "Italic",
          "latin_bold_italic": "Bold Italic", "zh_body": "Regular", "zh_heading": "Regular",
          "arabic_regular": "Regular", "arabic_bold": "Bold"}
DESCRIBED = {"latin_regular": "Latin text", "latin_bold": "bold Latin text", "latin_italic": "italic Latin text",
             "latin_bold_italic": "bold italic Latin text", "zh_body": "Chinese body text (Song face)",
             "zh_heading": "Chinese headings (Hei face)", "arabic_regular": "Arabic text",
             "arabic_bold": "bold Arabic text"}
PREFIX = "CCDOCS_FONT_"  # + a role in upper case: the file of that role's face, `path` or `path#index`
STYLE_NAMES = {"Regular": ("Regular", "Book", "Normal", "Roman", "Light", "Medium"),
               "Bold": ("Bold",), "Italic": ("Italic", "Oblique"), "Bold Italic": ("Bold Italic", "Bold Oblique")}

# Where Windows, macOS and Debian keep the faces the default theme names (family -> style -> file names).
KNOWN_FILES = {
    "Arial": {"Regular": ("arial.ttf", "Arial.ttf"), "Bold": ("arialbd.ttf", "Arial Bold.ttf"),
              "Italic": ("ariali.ttf", "Arial Italic.ttf"), "Bold Italic": ("arialbi.ttf", "Arial Bold Italic.ttf")},
    "Liberation Sans": {s: (f"liberation2/LiberationSans-{f}.ttf", f"liberation/LiberationSans-{f}.ttf")
                        for s, f in (("Regular", "Regular"), ("Bold", "Bold"), ("Italic", "Italic"),
                                     ("Bold Italic", "BoldItalic"))},
    "Arimo": {s: (f"croscore/Arimo-{f}.ttf",) for s, f in (("Regular", "Regular"), ("Bold", "Bold"),
                                                            ("Italic", "Italic"), ("Bold Italic", "BoldItalic"))},
    "SimSun": {"Regular": ("simsun.ttc", "SimSun.ttf", "simsun.ttf")},
    "SimHei": {"Regular": ("simhei.ttf", "SimHei.ttf")},
    "AR PL UMing CN": {"Regular": ("arphic/uming.ttc",)},
    "WenQuanYi Micro Hei": {"Regular": ("wqy/wqy-microhei.ttc",)},
    "WenQuanYi Zen Hei": {"Regular": ("wqy/wqy-zenhei.ttc",)},
    "Songti SC": {"Regular": ("Songti.ttc",)},
    "Heiti SC": {"Regular": ("STHeiti Light.ttc", "STHeiti Medium.ttc")},
}


@dataclass(frozen=True)
class FontFile:
    """A resolved face: the role it serves, its family, its file, its index in a .ttc collection, and what named
    the file when the environment or the theme did (`environment variable CCDOCS_FONT_ZH_BODY`), for messages."""

    role: str
    family: str
    path: Path
    index: int = 0
    source: str = field(default="", compare=False)


class FontError(InputError):
    """A font the theme needs is missing or cannot be embedded."""


def font_dirs(environ=os.environ) -> tuple:
    """The folders searched for known font files: Windows, macOS, Debian."""
    home = Path(environ.get("HOME", "~"))
    return (Path(environ.get("WINDIR", "C:/Windows")) / "Fonts", Path("/Library/Fonts"),
            Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), home / "Library/Fonts",
            Path("/usr/share/fonts/truetype"), Path("/usr/local/share/fonts"), home / ".local/share/fonts")


class NoFace(ValueError):
    """A face index a font file does not have."""


def face_offset(fh, index: int) -> int:
    """Where the table directory of face `index` starts in an open font file (0 unless a collection); NoFace when
    the file has no such face."""
    fh.seek(0)
    head = fh.read(12)
    if head[:4] != b"ttcf":
        if index:
            raise NoFace(f"the file holds one face, there is no face {index}")
        return 0
    count = struct.unpack(">I", head[8:12])[0]
    if index >= count:
        raise NoFace(f"the collection holds {count} faces, there is no face {index}")
    fh.seek(12 + 4 * index)
    return struct.unpack(">I", fh.read(4))[0]


def outline_kind(path: Path, index: int = 0) -> str:
    """`truetype`, `cff` (PostScript outlines, which reportlab cannot embed) or `unknown`."""
    try:
        with open(path, "rb") as fh:
            fh.seek(face_offset(fh, index))
            tag = fh.read(4)
    except (ValueError, struct.error):
        return "unknown"
    if tag in (b"\x00\x01\x00\x00", b"true"):
        return "truetype"
    return "cff" if tag == b"OTTO" else "unknown"


def family_names(path: Path, index: int) -> set[str]:
    """The family names (name IDs 1 and 16, every language) of face `index` of a font file."""
    with open(path, "rb") as fh:
        offset = face_offset(fh, index)
        fh.seek(offset + 4)
        count = struct.unpack(">H", fh.read(2))[0]
        fh.seek(offset + 12)
        directory = fh.read(16 * count)
        for i in range(count):
            tag, _, start, length = struct.unpack(">4sIII", directory[16 * i:16 * i + 16])
            if tag == b"name":
                fh.seek(start)
                data = fh.read(length)
                break
        else:
            return set()
    _, records, strings = struct.unpack(">HHH", data[:6])
    names = set()
    for r in range(records):
        platform, _, _, name_id, size, where = struct.unpack(">6H", data[6 + 12 * r:18 + 12 * r])
        if name_id in (1, 16):
            raw = data[strings + where:strings + where + size]
            names.add(raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace"))
    return names


def collection_index(path: Path, family: str) -> int:
    """The index of the face of `family` in a .ttc collection (0 for a single font)."""
    with open(path, "rb") as fh:
        head = fh.read(12)
    if head[:4] != b"ttcf":
        return 0
    for index in range(struct.unpack(">I", head[8:12])[0]):
        if family.lower() in {n.lower() for n in family_names(path, index)}:
            return index
    return 0


def parse_override(value: str) -> tuple[Path, int | None]:
    """`path` or `path#index` (digits after the last `#`) as given in the theme or an environment variable; what
    follows another `#` (`font.ttf#-1`) is part of the path, refused as a file that does not exist."""
    path, _, index = str(value).rpartition("#")
    if path and index.isascii() and index.isdigit():
        return Path(os.path.expanduser(path)), int(index)
    return Path(os.path.expanduser(str(value))), None  # `~nouser/…` kept as typed: refused as not existing


def check_environment(environ=os.environ) -> None:
    """Refuse before any work, as a usage error (exit 2, like a malformed SOURCE_DATE_EPOCH), each CCDOCS_FONT_<ROLE>
    variable naming no role (`ROLES`), or a file that is no usable TrueType face (see `FontResolver.checked`):
    the environment is wrong, not the theme. An empty one counts as unset."""
    for name, value in sorted(environ.items()):
        if name.startswith(PREFIX) and value:
            role = name.removeprefix(PREFIX).lower()
            if role not in ROLES:
                raise UsageError(f"{name} names no font role; the roles are "
                                 f"{', '.join(PREFIX + r.upper() for r in ROLES)} (rename it, or unset it)")
            FontResolver(None, environ).from_environment(role, "", name, value)


@lru_cache(maxsize=64)
def known_file(family: str, style: str, home: str | None, windir: str | None) -> tuple:
    """((path, index) of a known file of `family` in `style` with TrueType outlines, or None; the files of it with
    CFF outlines met first, as `family (path)`) in the `font_dirs` of those HOME and WINDIR values. Looked up once
    per process, as fontconfig's list is (each write resolves its faces: a score of stats and two reads of a file's
    head a role); a font installed meanwhile is found by the next process."""
    environ = {name: value for name, value in (("HOME", home), ("WINDIR", windir)) if value is not None}
    cff = []
    for name in KNOWN_FILES.get(family, {}).get(style, ()):
        for folder in font_dirs(environ):
            path = folder / name
            if path.is_file():
                index = collection_index(path, family)
                if outline_kind(path, index) == "truetype":
                    return (path, index), tuple(cff)
                cff.append(f"{family} ({path})")
    return None, tuple(cff)


class FontResolver:
    """Finds the face of each role for one theme: environment, theme override, known paths, fontconfig."""

    def __init__(self, theme, environ=os.environ, faces=fontconfig_faces):
        self.theme = theme
        self.environ = environ
        self.list_faces = faces
        self.listed = None
        self.cff_seen: list[str] = []

    def theme_family(self, role: str, lang: str) -> str:
        """The font the theme names for `role` (what a DOCX names): Arial, SimSun, SimHei…"""
        if role == "zh_body":
            return self.theme.font("zh", "body")
        if role == "zh_heading":
            return self.theme.font("zh", "heading")
        if role.startswith("arabic_"):   # Arabic letters in any document: the theme's Arabic face
            return self.theme.font("ar", "body")
        return self.theme.get(f"fonts.{lang}.latin") or self.theme.font("en", "body")

    def resolve(self, role: str, lang: str = "en") -> FontFile:
        """The face of `role`, or a FontError naming what is missing and what provides it."""
        family = self.theme_family(role, lang)
        env = f"{PREFIX}{role.upper()}"
        if self.environ.get(env):
            return self.from_environment(role, family, env, self.environ[env])
        if value := self.theme.get(f"pdf_fonts.files.{role}"):
            return self.checked(role, family, *parse_override(value), f"theme pdf_fonts.files.{role}")
        stand_in = self.theme.get(f"pdf_fonts.stand_ins.{family}", {}) or {}
        candidates = [family] + [f for f in stand_in.get("families", []) if f != family]
        for candidate in candidates:
            found = self.known(candidate, STYLES[role]) or self.listed_face(candidate, STYLES[role])
            if found:
                return FontFile(role, candidate, *found)
        self.missing(role, family, candidates, stand_in.get("package"), env)

    def from_environment(self, role: str, family: str, name: str, value: str) -> FontFile:
        """The face the environment variable `name` gives `role` (`checked`); a UsageError naming the variable when
        it is no usable face."""
        try:
            return self.checked(role, family, *parse_override(value), f"environment variable {name}")
        except FontError as exc:
            raise UsageError(f"{name}={value}: {exc.problems[0].message} ({exc.problems[0].hint})") from None

    def checked(self, role, family, path: Path, index, source: str) -> FontFile:
        """An override after checking that the file is a readable font file with TrueType outlines (a folder, a
        pipe, a device, a truncated or foreign file refused, naming `source`), and the face `index` is in it."""
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "is not a regular file" if path.exists() else "does not exist"
            self.fail(f"the font file `{path}` named by {source} {what}", "give the path of a .ttf or .ttc file")
        try:
            index = collection_index(path, family) if index is None else index
            with open(path, "rb") as fh:
                face_offset(fh, index)  # a face the file lacks (`font.ttf#5`) is refused, not read as its first
            kind = outline_kind(path, index)
            if kind == "truetype":
                family_names(path, index)  # reads the table directory: a truncated file fails here
        except NoFace as exc:
            self.fail(f"`{path}#{index}` ({source}) names a face the file does not hold: {exc}",
                      "give the index of one of its faces, counted from 0, or none")
        except (OSError, ValueError, struct.error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or "it is truncated"
            self.fail(f"`{path}` ({source}) is not a readable TrueType font ({reason})",
                      "give the path of a whole .ttf or .ttc file")
        if kind != "truetype":
            self.fail(*self.outline_problem(path, kind, source))
        return FontFile(role, family, path, index, source)

    def known(self, family: str, style: str):
        """(path, index) of a known file of `family` in `style` with TrueType outlines, or None (`known_file`)."""
        found, cff = known_file(family, style, self.environ.get("HOME"), self.environ.get("WINDIR"))
        self.cff_seen += cff
        return found

    def listed_face(self, family: str, style: str):
        """(path, index) of `family` in `style` as fontconfig lists it, TrueType outlines only, or None."""
        if self.listed is None:
            self.listed = self.list_faces()
        wanted = {s.lower() for s in STYLE_NAMES[style]}
        for families, face_style, path, index, fmt in self.listed:
            if family.lower() in (f.lower() for f in families) and face_style.lower() in wanted:
                if fmt == "CFF" or outline_kind(path, index) == "cff":
                    self.cff_seen.append(f"{family} ({path})")
                    continue
                return path, index
        return None

    def outline_problem(self, path: Path, kind: str, source: str) -> tuple[str, str]:
        """Message and hint for a file that is not a TrueType-outline font."""
        if kind == "cff":
            return (f"`{path}` ({source}) has CFF (PostScript) outlines, as most .otf files and Noto CJK do; "
                    "the PDF writer (reportlab) embeds TrueType outlines only",
                    "use a .ttf/.ttc font such as AR PL UMing (fonts-arphic-uming) or WenQuanYi (fonts-wqy-microhei)")
        return f"`{path}` ({source}) is not a TrueType font", "give the path of a .ttf or .ttc file"

    def missing(self, role, family, candidates, package, env):
        """Raise the error for a role no installed face serves, saying of the font and of each stand-in what is
        missing: the font itself, or only its face of the role's style (OpenSymbol has no bold face), and that the
        theme gives no stand-in; the Debian package is named only when a stand-in is not installed at all (a
        package cannot add a face to a font that is installed without it)."""
        style = STYLES[role].lower()
        lacking, absent = [], []
        for candidate in candidates:
            (lacking if self.installed(candidate) else absent).append(candidate)
        said = f"{family} is installed without a {style} face" if family in lacking else f"{family} is not installed"
        stand_ins = candidates[1:]
        if not stand_ins:
            said += f", and the theme gives it no stand-in (its `pdf_fonts.stand_ins.{family}.families` is empty)"
        else:
            told = [f"{', '.join(named)} {verb}" for named, verb in (
                ([c for c in stand_ins if c in lacking], f"has no {style} face"),
                ([c for c in stand_ins if c in absent], "is not installed")) if named]
            said += f", and of its stand-ins {' and '.join(told)}"
        cff = f"; found only CFF-outline faces, which reportlab cannot embed: {', '.join(self.cff_seen)}" \
            if self.cff_seen else ""
        if package and any(c in absent for c in stand_ins):
            hint = f"install the Debian package {package}, "
        else:
            hint = (f"name under `pdf_fonts.stand_ins.{family}.families` an installed font with a {style} face "
                    f"(`fc-list : family style` lists them), ")
        self.fail(f"no font for {DESCRIBED[role]}: {said}{cff}",
                  hint + f"or set {env}=/path/to/font.ttf (path#index for a .ttc)")

    def installed(self, family: str) -> bool:
        """Whether any face of `family` is installed (a known file or one fontconfig lists), whatever its style."""
        if any(self.known(family, style) for style in STYLE_NAMES):
            return True
        if self.listed is None:
            self.listed = self.list_faces()
        return any(family.lower() in (f.lower() for f in families) for families, *_ in self.listed)

    def fail(self, message: str, hint: str):
        """Raise a FontError located at the theme file (none when the resolver has no theme: `check_environment`)."""
        raise FontError([problem(self.theme.path if self.theme is not None else "", None, message, hint)])
