"""Font files by script and role: the theme's font names resolved to installed TrueType faces."""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from .. import cache as user_cache
from ..errors import InputError, UsageError, problem
from ..sources.bounds import FONT, Beyond, beyond, read_within, size_held
from ..sources.yamlfile import read_yaml
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


# The faces of a collection ccdocs examines at most. Its header may claim any number (a 4 MB file claims a million:
# each was examined, the file opened anew for each, more than 120 s to check); reportlab's parser reads each face's
# tables in Python, some 0.34 s for a face of 65,535 tables and name records, its worst. The TrueType collections
# of real fonts hold a few faces (here uming.ttc 4, wqy-zenhei.ttc 3, wqy-microhei.ttc 2); the bound leaves room for
# a family's every weight and style in one file. At the bound, a collection of 24 such worst faces (1.8 MB) took
# `ccdocs check` 8 s of CPU and 56 MB, refused; one claiming a million faces is refused before any is read.
MOST_FACES = 24
POSTSCRIPT = "postscript outlines are not supported"  # how reportlab's parser refuses a face with CFF outlines
EXAMINED_FORMAT = 1  # of an `Examined` kept in the per-user cache


class NoFace(ValueError):
    """A face index a font file does not have."""


@dataclass(frozen=True)
class Examined:
    """What reportlab's parser (the one that embeds the face) finds in a font file: the number of faces its header
    claims (1 for a single font) and, when that is at most MOST_FACES, each face as (outline kind, family, reason):
    the kind `truetype`, `cff` (PostScript outlines, which reportlab cannot embed) or `unknown`; the family as
    reportlab reads it (name ID 1, its English or Macintosh record; "" when unread); why reportlab cannot read
    the face ("" when it can)."""

    claimed: int
    faces: tuple[tuple[str, str, str], ...]

    def face(self, index: int) -> tuple[str, str, str]:
        """The (kind, family, reason) of face `index`; NoFace when the file does not claim it."""
        if index < self.claimed and index < len(self.faces):
            return self.faces[index]
        if self.claimed == 1 and index:
            raise NoFace(f"the file holds one face, there is no face {index}")
        raise NoFace(f"the collection holds {self.claimed:,} faces, there is no face {index}")

    def index_of(self, family: str) -> int:
        """The index of the first face of `family` (any case), 0 when none is."""
        wanted = family.lower()
        return next((i for i, (_, name, _) in enumerate(self.faces) if name.lower() == wanted), 0)


def examined(path: Path, subject: str = "") -> Examined:
    """The faces of the font file at `path` (`Examined`), read within the FONT bound, whoever named the file (the
    environment, a theme, a known path, fontconfig); bounds.Beyond beyond it (naming the file as `subject`, by
    default its path in backquotes), OSError as reading raises.
    Kept per process and in the per-user cache, keyed by the file's path, size, modification time and inode: a
    system font's file is read and parsed once, not at each build (the PDF writer loads its faces from its own
    cache), as its header was read at each build before."""
    found = path.stat()
    if found.st_size > FONT.most:
        raise Beyond(beyond(subject or f"`{path}`", size_held(found.st_size, FONT.most), FONT))
    return _examined(str(path), found.st_size, found.st_mtime_ns, found.st_ino, subject)


@lru_cache(maxsize=64)
def _examined(path: str, size: int, mtime_ns: int, inode: int, subject: str) -> Examined:
    import reportlab  # here, as in `face_of`: a command that reads a theme but writes no PDF need not import it

    entry = user_cache.entry("font-file", path, size, mtime_ns, inode, reportlab.Version, MOST_FACES,
                             EXAMINED_FORMAT)
    try:
        kept = json.loads(user_cache.read(entry) or b"null")
        return Examined(kept["claimed"], tuple(tuple(face) for face in kept["faces"]))
    except (ValueError, KeyError, TypeError):
        pass
    data = read_within(Path(path), FONT, subject or f"`{path}`")
    # The one field read before reportlab's parser: the number of faces a collection claims, which the parser
    # reads every offset of (in Python, a million for 4 MB) before any face; a claim beyond MOST_FACES is refused.
    claimed = int.from_bytes(data[8:12], "big") if data[:4] == b"ttcf" else 1
    faces = tuple(face_of(data, path, index) for index in range(claimed)) if claimed <= MOST_FACES else ()
    user_cache.write(entry, json.dumps({"claimed": claimed, "faces": faces}).encode())
    return Examined(claimed, faces)


def face_of(data: bytes, name: str, index: int) -> tuple[str, str, str]:
    """(kind, family, reason) of face `index` of the font file `name` holding `data`, as reportlab's parser reads
    it: its header and table directory (TTFontParser: the outline kind), then its names and metrics (TTFontFile's
    extractInfo, no glyphs): TTFontFile's own construction in two steps, each table read once."""
    from reportlab.pdfbase.ttfonts import TTFontFile, TTFontParser  # on a cache miss only (57 ms to import)

    stream = BytesIO(data)  # shares `data`: nothing is copied
    stream.name = name      # reportlab names the file in its messages
    font = TTFontFile.__new__(TTFontFile)
    try:
        TTFontParser.__init__(font, stream, subfontIndex=index)
    except Exception as exc:  # noqa: BLE001 - reportlab's parser fails on a damaged file in many ways
        return ("cff" if POSTSCRIPT in str(exc) else "unknown"), "", reason_of(exc)
    try:
        font.extractInfo(charInfo=0)
    except Exception as exc:  # noqa: BLE001 - as above: a truncated or crafted file
        return "truetype", "", reason_of(exc)
    family = font.familyName
    return "truetype", getattr(family, "ustr", None) or family.decode("latin-1"), ""


def reason_of(exc: Exception) -> str:
    """What reportlab's parser said of a file it could not read: its own message, or the error's kind too."""
    from reportlab.pdfbase.ttfonts import TTFError

    text = str(exc)
    if isinstance(exc, (TTFError, struct.error)):
        return text or "it is truncated"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def outline_kind(path: Path, index: int = 0, subject: str = "") -> str:
    """`truetype`, `cff` (PostScript outlines, which reportlab cannot embed) or `unknown` (also for a file that
    cannot be read, or a face it does not hold), as reportlab's parser reads face `index` of `path`; bounds.Beyond
    for a file beyond the FONT bound (`examined`, naming it as `subject`)."""
    try:
        return examined(path, subject).face(index)[0]
    except (OSError, NoFace):
        return "unknown"


def collection_index(path: Path, family: str, subject: str = "") -> int:
    """The index of the face of `family` in a .ttc collection (0 for a single font, or when no face is of it);
    bounds.Beyond as `outline_kind`."""
    try:
        return examined(path, subject).index_of(family)
    except OSError:
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
    head a role); a font installed meanwhile is found by the next process. bounds.Beyond for a file of them beyond
    the FONT bound, named as `the known file of <family>`."""
    environ = {name: value for name, value in (("HOME", home), ("WINDIR", windir)) if value is not None}
    cff = []
    for name in KNOWN_FILES.get(family, {}).get(style, ()):
        for folder in font_dirs(environ):
            path = folder / name
            if path.is_file():
                subject = f"`{path}` (the known file of {family})"
                index = collection_index(path, family, subject)
                if outline_kind(path, index, subject) == "truetype":
                    return (path, index), tuple(cff)
                cff.append(f"{family} ({path})")
    return None, tuple(cff)


class FontResolver:
    """Finds the face of each role for one theme: environment, theme override, known paths, fontconfig."""

    def __init__(self, theme, environ=os.environ, faces=fontconfig_faces):
        self.theme = theme
        self.environ = environ
        self.list_faces = faces
        self.listed: dict | None = None  # the listed faces by lower-cased family (`faces_of`)
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
            return self.checked(role, family, *parse_override(value), f"theme pdf_fonts.files.{role}",
                                ("pdf_fonts", "files", role))
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

    def checked(self, role, family, path: Path, index, source: str, keys: tuple = ()) -> FontFile:
        """An override after checking that the file is a readable font file with TrueType outlines (a folder, a
        pipe, a device, a truncated or foreign file refused, naming `source`), within the FONT bound and
        MOST_FACES faces, and the face `index` is in it, as reportlab's parser reads it (`examined`). `keys`: the
        theme's keys that named it, where a refusal is located."""
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "is not a regular file" if path.exists() else "does not exist"
            self.fail(f"the font file `{path}` named by {source} {what}", "give the path of a .ttf or .ttc file", keys)
        try:
            found = examined(path, f"`{path}` ({source})")
        except Beyond as exc:
            self.fail(str(exc), FONT.hint, keys)
        except OSError as exc:
            self.fail(f"`{path}` ({source}) is not a readable TrueType font ({exc.strerror or exc})",
                      "give the path of a whole .ttf or .ttc file", keys)
        if found.claimed > MOST_FACES:
            self.fail(f"`{path}` ({source}) is a collection claiming {found.claimed:,} faces, more than the "
                      f"{MOST_FACES} ccdocs examines in a font file",
                      "give a font file of the faces the paper uses: a .ttf holds one, a .ttc a few", keys)
        index = found.index_of(family) if index is None else index
        try:
            kind, _, reason = found.face(index)  # `font.ttf#5`: refused, not read as its first face
        except NoFace as exc:
            self.fail(f"`{path}#{index}` ({source}) names a face the file does not hold: {exc}",
                      "give the index of one of its faces, counted from 0, or none", keys)
        if kind != "truetype" or reason:
            self.fail(*self.outline_problem(path, kind, source, reason), keys)
        return FontFile(role, family, path, index, source)

    def known(self, family: str, style: str):
        """(path, index) of a known file of `family` in `style` with TrueType outlines, or None (`known_file`); a
        FontError for a file beyond the FONT bound."""
        try:
            found, cff = known_file(family, style, self.environ.get("HOME"), self.environ.get("WINDIR"))
        except Beyond as exc:
            self.fail(str(exc), FONT.hint)
        self.cff_seen += cff
        return found

    def faces_of(self, family: str) -> list | tuple:
        """The faces fontconfig lists of `family` (in any case), as (style, path, index, format), in its order. The
        listing is asked once and indexed by family, so each family or stand-in a theme names is one look-up, not a
        pass over every installed face (breaks-8 #8: families x faces, minutes on a workstation of thousands)."""
        if self.listed is None:
            self.listed = {}
            for families, face_style, path, index, fmt in self.list_faces():
                for name in dict.fromkeys(f.lower() for f in families):
                    self.listed.setdefault(name, []).append((face_style, path, index, fmt))
        return self.listed.get(family.lower(), ())

    def listed_face(self, family: str, style: str):
        """(path, index) of `family` in `style` as fontconfig lists it, TrueType outlines only, or None; a FontError
        for its file beyond the FONT bound."""
        wanted = {s.lower() for s in STYLE_NAMES[style]}
        for face_style, path, index, fmt in self.faces_of(family):
            if face_style.lower() in wanted:
                subject = f"`{path}` (fontconfig's face of {family})"
                try:
                    kind = "cff" if fmt == "CFF" else outline_kind(path, index, subject)
                except Beyond as exc:
                    self.fail(str(exc), FONT.hint)
                if kind == "cff":
                    self.cff_seen.append(f"{family} ({path})")
                    continue
                return path, index
        return None

    def outline_problem(self, path: Path, kind: str, source: str, reason: str = "") -> tuple[str, str]:
        """Message and hint for a file that is not a TrueType-outline font (`reason`: what reportlab's parser said
        of it, when it could not read it)."""
        if kind == "cff":
            return (f"`{path}` ({source}) has CFF (PostScript) outlines, as most .otf files and Noto CJK do; "
                    "the PDF writer (reportlab) embeds TrueType outlines only",
                    "use a .ttf/.ttc font such as AR PL UMing (fonts-arphic-uming) or WenQuanYi (fonts-wqy-microhei)")
        if kind == "truetype":
            return f"`{path}` ({source}) is not a readable TrueType font ({reason})", \
                "give the path of a whole .ttf or .ttc file"
        said = f" ({reason})" if reason else ""
        return f"`{path}` ({source}) is not a TrueType font{said}", "give the path of a .ttf or .ttc file"

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
        return bool(self.faces_of(family))

    def fail(self, message: str, hint: str, keys: tuple = ()):
        """Raise a FontError located at the theme file (none when the resolver has no theme: `check_environment`),
        at the line of the value under `keys` when given (`pdf_fonts.files.<role>`; the theme is read again for
        its lines: a refusal only)."""
        if self.theme is None:
            raise FontError([problem("", None, message, hint)])
        where = problem(self.theme.path, None, message, hint)
        if keys:
            try:
                where = read_yaml(self.theme.path).problem(keys, message, hint)
            except InputError:
                pass  # read before, unreadable now: the theme is named without its line
        raise FontError([where])
