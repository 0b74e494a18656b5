"""document.yaml: its keys, their checks, and the DocumentSpec they give.

Every key is checked for its type and its values where it is written, so that a later stage never meets a
value it cannot use: identifiers (symbol, suffix, languages) follow their grammar in full, texts are texts in
each language built, theme and cover-note names are names (never paths), and every file named is a regular file
inside the document folder once links are followed.
"""

from __future__ import annotations

import errno
import glob
import re
import shlex
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PureWindowsPath

from ..errors import Collector, InputError, another_form, code_points, did_you_mean, display_path, problem
from ..l10n.language import OFFICIAL, known_languages
from ..l10n.session import HIGHEST
from ..parse.visible import shows
from ..resources import COVER_NOTES, THEMES, find, is_name, names
from .bounds import CONTENT, DATA, Beyond, beyond, read_within, size_held
from .characters import file_name_control, one_line
from .cover_notes import needs
from .folders import attached_folder
from .yamlfile import YamlFile, read_yaml, shown

# The languages a cover may print as the original (`original:`): the six official languages of the United Nations.
# A document is keyed (`source:`) and built in one of LANGUAGES, the languages whose profile is found.
ORIGINALS = OFFICIAL
CHAPTER_STYLES = ("chapter", "roman", "none")
# A body's chapter headings unless `chapter_style:` says otherwise: the Coordination Committee's annual reports
# since 2024 `Chapter 1: …`; the Program and Budget Committee's and the Assemblies' papers `I. …` / `一、…` (seed 003).
BODY_CHAPTER_STYLES = {"coordination-committee": "chapter", "program-and-budget-committee": "roman",
                       "general-assembly": "roman"}
BODIES = ("coordination-committee", "program-and-budget-committee", "general-assembly")
SYMBOL_BODIES = {"CC": "coordination-committee", "PBC": "program-and-budget-committee", "GA": "general-assembly"}
KINDS = ("information", "decision")
PART_KEYS = ("type", "files", "template", "folder", "landscape")
PART_TYPES = ("cover-note", "report", "annex", "document")
KEYS = {
    "symbol": True, "suffix": False, "body": True, "session": True, "venue": True,
    "first_day": True, "last_day": True, "date": True, "original": True, "languages": True,
    "title": True, "author": False, "kind": True, "theme": False, "parts": True, "data": False,
    "variables": False, "tables": False, "charts": False, "chapter_style": False, "source": False,
}
TYPE_NAMES = {dict: "a mapping (`key: value` lines)", list: "a list (`[a, b]`)", str: "a text", int: "a whole number",
              date: "a date"}
# A WIPO symbol: `/`-separated segments of capital letters and digits, the first of letters (WO/CC/86/INF/1,
# WO/PBC/35/INF/1, A/66/1, WIPO/GRTKF/IC/47/5). Matched in full: `$` would let a trailing newline through.
SYMBOL = re.compile(r"[A-Z]{1,12}(/[A-Z0-9]{1,12}){1,8}")
SUFFIX = re.compile(r"(Rev|Corr|Add|Prov)\.([2-9]|[1-9][0-9])?")
COVER_TEXT = 1000  # characters of a title, venue or author: the longest WIPO title is under 300
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
RESERVED = ("doc",)  # names the figures already use
SCALARS = (str, int, float)


def symbol_body(symbol) -> str | None:
    """The body a WO symbol names (`WO/CC/86/…`: `coordination-committee`), or None (another symbol, or none)."""
    parts = symbol.split("/") if isinstance(symbol, str) else []
    return SYMBOL_BODIES.get(parts[1]) if len(parts) >= 3 and parts[0] == "WO" else None


def __getattr__(name: str):
    """`LANGUAGES`: the languages ccdocs can build, the codes of the language profiles found now (`--templates`
    may add some), sorted (l10n.language.known_languages)."""
    if name == "LANGUAGES":
        return known_languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class PartSpec:
    """One part named in document.yaml: its type and content files or template."""

    type: str
    files: tuple[Path, ...] = ()
    template: str | None = None
    index: int = 0
    folder: Path | None = None          # a `type: document` part: the folder of the document it attaches
    landscape: bool = False             # `landscape: true`: the part's pages are landscape


@dataclass(frozen=True)
class DocumentSpec:
    """The checked content of document.yaml."""

    folder: Path
    yaml: YamlFile
    symbol: str
    suffix: str | None
    body: str
    session_number: int
    ordinary: int | None
    extraordinary: int | None
    venue: object
    first_day: date
    last_day: date
    date: date
    original: str
    languages: tuple[str, ...]
    title: object
    author: object
    kind: str
    theme: str
    chapter_style: str | None
    parts: tuple[PartSpec, ...]
    data: dict = field(default_factory=dict)
    variables: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)
    source: str = ""        # the language the content files are keyed in (`source:`; by default the original)
    charts: dict = field(default_factory=dict)   # `charts:` as written, read by charts.spec where placed

    @property
    def full_symbol(self) -> str:
        """The symbol with its suffix, as in headers: `WO/CC/78/INF/1 Rev.`."""
        return f"{self.symbol} {self.suffix}" if self.suffix else self.symbol

    @property
    def slug(self) -> str:
        """WIPO's file name stem: `wo_cc_78_inf_1_rev`."""
        return re.sub(r"[/. ]", "_", self.full_symbol.lower()).rstrip("_")

    def unlisted(self, lang: str, translated: bool = False):
        """Why a command may not take the language `lang` of this document, a Problem at document.yaml's line
        (None when it may): not among `languages:`, told at that line (build, dump, every i18n command); where a
        translation is asked for (`translated`: the i18n commands), the language the text is keyed in, told at
        `source:` (else `original:`), which has no catalog."""
        if lang not in self.languages:
            return self.yaml.problem(("languages",), f"`{lang}` is not among the document's languages",
                                     "add it to `languages:` in document.yaml")
        if translated and lang == self.source:
            key = "source" if "source" in self.yaml.data else "original"
            others = ", ".join(code for code in self.languages if code != lang)
            return self.yaml.problem((key,), f"`{lang}` is the language the text is keyed in (`{key}: {lang}`): "
                                     "it has no catalog", f"give a language the document is translated into: "
                                     f"{others}" if others else "add the languages to translate into to "
                                     "`languages:` in document.yaml")
        return None


def inside(folder: Path, raw: str, yf: YamlFile, keys: tuple, out: Collector, kind: str) -> Path | None:
    """The file `raw` named in document.yaml; None (the problem recorded in `out`, at `keys`) when it is absolute,
    leaves `folder` (also through a link), is missing, or is not a regular file (a folder, a FIFO, a socket, a
    device: reading one could hang). Only metadata is looked at: nothing is opened."""
    if not isinstance(raw, str) or not raw.strip():
        out.extend([yf.problem(keys, f"expected a {kind} file path, got {shown(raw)}")])
        return None
    candidate = Path(raw)
    if candidate.is_absolute() or PureWindowsPath(raw).anchor:
        out.extend([yf.problem(keys, f"`{raw}` is an absolute path",
                               "name files relative to the document folder")])
        return None
    full = folder / candidate
    wrong = not_a_file_inside(folder, full)
    if wrong == "missing":
        out.extend([yf.problem(keys, f"{kind} file `{raw}` does not exist",
                               _missing_hint(candidate.name, _siblings(full)))])
        return None
    if wrong:
        hint = (OUTSIDE_HINT if "leaves" in wrong else "use a shorter name and fewer folders"
                if wrong.startswith("cannot") else hint_for(wrong, f"name a {kind} file (a regular file) here", full))
        out.extend([yf.problem(keys, f"{shown(raw, 80) if len(raw) > 80 else f'`{raw}`'} {wrong}", hint)])
        return None
    return full


OUTSIDE_HINT = "keep content and data inside the folder; links pointing out are refused"


# the folders, resolved, a command reads as sources its command line names and copies from, never as a document
# folder it builds (`--memory FOLDER`, `ccdocs next OLD`): a hard link in them is read (`named_source`)
_NAMED: ContextVar[frozenset] = ContextVar("ccdocs_named_sources", default=frozenset())


@contextmanager
def named_source(folder: Path):
    """While the command reads the folder `folder` its command line names as a source to copy from (a memory folder,
    `ccdocs next`'s OLD), a hard link in it is read, as a file the command line names is (`--memory FILE`): the rule
    guards a document folder's own inputs, whose bytes a build prints, from a name that may lie outside the folder;
    the user names a source folder for what it holds, and archives of past papers are often snapshots of hard links
    (`cp -al`, `rsync --link-dest`, backup tools). A link leading out of it is refused still, and the document
    folder the command makes or updates is read as any document folder."""
    token = _NAMED.set(_NAMED.get() | {folder.resolve()})
    try:
        yield
    finally:
        _NAMED.reset(token)


def not_a_file_inside(folder: Path | None, path: Path, shared: bool = False) -> str | None:
    """Why `path` cannot be read as a file of `folder` (`"missing"`, `"leaves the document folder"`, `"is a
    folder"`, `"cannot be looked at: File name too long"`, `"is a hard link …"`), or None when it is a regular file
    inside it once links are followed; anywhere when `folder` is None (a file the command line names). Any error of
    the file system while looking is one of these reasons, never raised.

    A file of `folder` with another name (a hard link: `ln outside/secret.md content/extra.md`, or one a tar or cpio
    archive carried) is refused as a link leading out is: nothing tells whether the other name lies outside the
    folder, and the file's bytes are those of the other name. `shared`: `folder` is a templates folder of the
    user's or the toolkit's, not a document folder, whose files an installer may have linked (uv links a package's
    files from its cache): a hard link there is read; so it is in a source folder the command line names
    (`named_source`)."""
    try:
        resolved = path.resolve()
        home = folder.resolve() if folder is not None else None
    except RuntimeError:
        return "is a link that leads nowhere (a loop)"
    except OSError as exc:
        return _unreadable(exc)
    try:
        if home is not None and not resolved.is_relative_to(home):
            return "leaves the document folder"
        if not path.exists():
            return "missing"
        if path.is_dir():
            return "is a folder, not a file"
        if not path.is_file():
            return "is not a regular file (a FIFO, a socket or a device)"
        if home is not None and not shared and (names := path.stat().st_nlink) > 1 and \
                not any(home.is_relative_to(named) for named in _NAMED.get()):
            return hard_linked(names)
    except OSError as exc:
        return _unreadable(exc)
    return None


HARD_LINKED = "is a hard link"


def hard_linked(names: int) -> str:
    """Why a file of a document folder having `names` names (a hard link) is not read."""
    return (f"{HARD_LINKED} (the file has {names} names): ccdocs cannot tell whether another of them lies outside "
            "the document folder, and reads none")


def hint_for(wrong: str, hint: str, path: Path) -> str:
    """The hint for the file at `path` that `not_a_file_inside` refused for `wrong`: `link_hint` for a hard link,
    else `hint`."""
    return link_hint(path) if wrong.startswith(HARD_LINKED) else hint


def link_hint(path: Path) -> str:
    """What to do with the file at `path`, which has other names: where one of them is the backup an interrupted
    write of ccdocs left beside it (`output._aside` links the old file aside as `.<name>.<random>.old` an instant
    before it replaces it), delete that; else give the file one name, by a copy of itself (the file is in the folder
    already: its other name is the stranger) or by deleting the other name, or run again if a write of ccdocs made
    that backup just then."""
    try:
        aside = [other for other in sorted(path.parent.glob(f".{glob.escape(path.name)}.*.old"))
                 if other.samefile(path)]
    except OSError:
        aside = []
    if aside:
        return (f"delete `{display_path(aside[0])}` beside it, its other name: the previous version a ccdocs command "
                "interrupted while writing the file left there")
    name = shlex.quote(display_path(path))
    return (f"give the file one name: replace it by a copy of itself (`cp {name} {name}.copy && mv {name}.copy "
            f"{name}`), or delete its other name (`find \"$(stat -c %m {name})\" -xdev -samefile {name}` lists its "
            "names, on the file system holding it); if a ccdocs command was writing it at that instant, run this one "
            "again")


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a link that leads nowhere (a loop)"
    return f"cannot be looked at: {exc.strerror or exc}"


def _missing_hint(name: str, siblings: list[str]) -> str | None:
    """The hint for a missing file `name` among `siblings` (the names in its folder): the one that differs from it
    only in Unicode's normalisation (an accent composed, or decomposed as macOS may save a name: `e` + U+0301),
    both spelled by their code points since they look the same; else the closest name (`did_you_mean`)."""
    same = another_form(name, siblings)
    if same is None:
        return did_you_mean(name, siblings)
    return (f"the folder holds `{code_points(same)}`, the name typed here being `{code_points(name)}`: the same "
            "letters with their accents written another way; rename the file, or type the name as it is on disk")


def _siblings(path: Path) -> list[str]:
    try:
        return [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
    except OSError:
        return []


class _Reader:
    """Reads and checks the keys of document.yaml, gathering every problem."""

    def __init__(self, yf: YamlFile, folder: Path):
        self.yf, self.folder, self.out = yf, folder, Collector()
        self.data = yf.data if isinstance(yf.data, dict) else {}
        self.needed: dict = {}  # variable -> (kind, where its template is named, the template's name)

    def fail(self, keys, message, hint=None):
        self.out.extend([self.yf.problem(tuple(keys), message, hint)])

    def get(self, key, kind, required=True):
        value = self.data.get(key)
        if value is None:
            if required and KEYS.get(key):
                self.fail((), f"`{key}` is missing", f"add `{key}:` to document.yaml")
            return None
        if kind is not None and not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            kinds = kind if isinstance(kind, tuple) else (kind,)
            name = " or ".join(TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.fail((key,), f"`{key}` must be {name}, got {shown(value)}")
            return None
        return value

    def choice(self, key, choices, default=None):
        value = self.data.get(key, default)
        if value is None and key in self.data:  # `key:` written empty: refused, not taken as missing
            self.fail((key,), f"`{key}` is empty", "one of: " + ", ".join(choices) + f"; or remove `{key}:`"
                      + (f" for the default, {default}" if default else ""))
            return None
        if value is None:
            return self.get(key, str)
        if not isinstance(value, str) or value not in choices:
            self.fail((key,), f"unknown {key} `{value if isinstance(value, str) else shown(value)}`",
                      did_you_mean(str(value), choices) or "one of: " + ", ".join(choices))
            return None
        return value

    def day(self, key):
        raw = self.get(key, (str, date))
        if raw is None:
            return None
        day = iso_day(raw)
        if day is None:
            self.fail((key,), f"`{raw}` is not a date", "write it as YYYY-MM-DD, a day that exists")
        return day

    def text(self, key, pattern, message, hint, required=True):
        """A text of `key` matching `pattern` in full (None when absent and not `required`); else `message`
        (with `{raw}`) and `hint` at it."""
        raw = self.get(key, str, required)
        if raw is not None and not pattern.fullmatch(raw):
            self.fail((key,), message.format(raw=_shown(raw)), hint)
            return None
        return raw

    def unknown_keys(self):
        if not isinstance(self.yf.data, dict):
            self.fail((), "document.yaml must be a mapping of keys such as `symbol:` and `parts:`")
            return
        for key in self.data:
            if key not in KEYS:
                self.fail((key, "<key>"), f"unknown key `{key}`", did_you_mean(str(key), KEYS))

    def symbol_agrees(self, symbol, body, number) -> None:
        """A WO symbol names its body and session (`WO/CC/86/…`: the Coordination Committee, 86th session): they
        must be the body and session number given, or the cover contradicts its own symbol; its session digits
        only."""
        parts = symbol.split("/") if isinstance(symbol, str) else []
        if len(parts) < 3 or parts[0] != "WO" or parts[1] not in SYMBOL_BODIES:
            return
        if not parts[2].isdigit():  # a letter typed for a digit (`1OO`): no session could be told from it
            self.fail(("symbol",), f"the symbol {symbol}: its session `{parts[2]}` is not a number",
                      f"write the session's number as the symbol's third part (WO/{parts[1]}/86/…)")
            return
        if body and symbol_body(symbol) != body:
            self.fail(("body",), f"the symbol {symbol} is a paper of the {symbol_body(symbol)}, not of the {body}",
                      "correct the symbol or `body:`")
        if number and parts[2].isdigit() and int(parts[2]) != number:
            self.fail(("session", "number"), f"the symbol {symbol} is of session {int(parts[2])}, not {number}",
                      "correct the symbol or `session.number`")

    def session(self):
        raw = self.get("session", dict)
        if raw is None:
            return None, None, None
        for key in raw:
            if key not in ("number", "ordinary", "extraordinary"):
                self.fail(("session", key, "<key>"), f"unknown key `session.{key}`",
                          did_you_mean(str(key), ("number", "ordinary", "extraordinary")))
        values = []
        for key in ("number", "ordinary", "extraordinary"):
            value = raw.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or not 1 <= value <= HIGHEST):
                self.fail(("session", key), f"`session.{key}` must be a whole number from 1 to {HIGHEST}, "
                          f"got {shown(value)}")
                value = None
            values.append(value)
        if values[0] is None and "number" not in raw:
            self.fail(("session",), "`session.number` is missing")
        if values[1] and values[2]:
            self.fail(("session",), "a session is ordinary or extraordinary, not both")
        return tuple(values)

    def languages(self):
        raw = self.get("languages", list)
        if raw is None:
            return ()
        if not raw:
            self.fail(("languages",), "`languages: []` names no language: nothing would be built",
                      "list the languages to build, e.g. [en, zh]")
        known = known_languages()
        for index, lang in enumerate(raw):
            if lang not in known:
                what = f"unknown language `{lang}`" if isinstance(lang, str) else f"expected a language, got {shown(lang)}"
                self.fail(("languages", index), what,
                          did_you_mean(str(lang), known) or "ccdocs builds: " + ", ".join(known))
            elif lang in raw[:index]:
                self.fail(("languages", index), f"language `{lang}` is listed twice", "list it once")
        return tuple(dict.fromkeys(lang for lang in raw if lang in known))

    def source(self, original, languages) -> str | None:
        """The language the content is keyed in: `source:`, else the original; one of LANGUAGES and of
        `languages:` (else a problem, and None)."""
        if "source" not in self.data:  # written empty: refused by `choice`
            if original is None or original in known_languages():
                keyed, keys = original, ("original",)
            else:
                self.fail(("original",), f"the original language `{original}` is printed on the cover, but ccdocs "
                          "keys content in " + ", ".join(known_languages()) + " only",
                          "add `source: en` or `source: zh`: the language the content files are written in")
                return None
        else:
            keyed, keys = self.choice("source", known_languages()), ("source",)
        if keyed and languages and keyed not in languages:
            self.fail(keys, f"the content is keyed in `{keyed}`, which `languages:` does not list",
                      f"add {keyed} to `languages:`, or set `source:` to the language the content is written in")
        return keyed

    def chapter_style(self):
        """`chapter_style:` as written, else the body's (BODY_CHAPTER_STYLES)."""
        body = self.data.get("body")
        return self.choice("chapter_style", CHAPTER_STYLES,
                           default=BODY_CHAPTER_STYLES.get(body, "chapter") if isinstance(body, str) else "chapter")

    def texts(self, key, languages, original):
        """One text for every language (printed as written or as the toolkit catalog translates it), or a
        mapping with a text for each language built and the one the content is keyed in (`original`)."""
        raw = self.data.get(key)
        if raw is None:
            if KEYS.get(key):
                self.fail((), f"`{key}` is missing", f"add `{key}:` to document.yaml")
            return None
        if isinstance(raw, str):
            if not raw.strip():
                self.fail((key,), f"`{key}` is empty", f"write the {key}")
                return None
            return raw if self.short((key,), raw) and self.printed((key,), raw) else None
        if not isinstance(raw, dict):
            self.fail((key,), f"`{key}` must be a text or one text per language (`en:`, `zh:`), got {shown(raw)}")
            return None
        good, known = True, known_languages()
        for lang, text in raw.items():
            if lang not in known:
                self.fail((key, lang, "<key>"), f"unknown language `{lang}` in `{key}`",
                          did_you_mean(str(lang), known))
                good = False
            elif not isinstance(text, str) or not text.strip():
                self.fail((key, lang), f"`{key}.{lang}` must be a text, got {shown(text)}")
                good = False
            elif not self.short((key, lang), text) or not self.printed((key, lang), text):
                good = False
        for lang in dict.fromkeys((*languages, original)):
            if lang and lang not in raw:
                self.fail((key,), f"`{key}` has no text in `{lang}`, "
                          + ("the original language" if lang == original else "a language the document is built in"),
                          f"add `{lang}:` under `{key}:`, or write one text for all languages")
                good = False
        return raw if good else None

    def short(self, keys: tuple, text: str) -> bool:
        """Whether a cover text is one line of at most COVER_TEXT characters; the problem recorded when it is not."""
        if one_line(text):  # a tab too: a tab stop in the DOCX, a space in the PDF
            self.fail(keys, f"`{'.'.join(map(str, keys))}` holds a {one_line(text)}: a cover field is one line of "
                      "text", "write it on one line, with spaces: the cover wraps a long text itself")
            return False
        if len(text) <= COVER_TEXT:
            return True
        self.fail(keys, f"`{'.'.join(map(str, keys))}` has {len(text):,} characters; a cover field holds at most "
                  f"{COVER_TEXT:,}", "shorten it: the cover prints it whole, and Word keeps only 255 in the "
                  "file's properties")
        return False

    def printed(self, keys: tuple, text: str) -> bool:
        """Whether a cover text shows a character (`visible.shows`); else, when it holds only white space and
        invisible characters (U+200B ZERO WIDTH SPACE, a variation selector), the problem is recorded naming them,
        as for a paragraph of them: the cover would print no title (venue, author)."""
        if shows(text):
            return True
        names = [f"U+{ord(c):04X} {unicodedata.name(c, 'CHARACTER')}" for c in sorted(set(text) - {" "})]
        self.fail(keys, f"`{'.'.join(map(str, keys))}` holds only {', '.join(names[:3])}{' …' * (len(names) > 3)}: "
                  f"the cover would print no {keys[0]}", f"write the {keys[0]}")
        return False

    def theme(self):
        raw = "default" if self.data.get("theme") is None else self.data["theme"]
        if find(THEMES, raw, ".yaml", self.folder) is None:
            self.fail(("theme",), _not_found("theme", raw), "themes: " + ", ".join(names(THEMES, ".yaml", self.folder)))
            return None
        return raw

    def template(self, keys, name, languages):
        """Check the cover-note template `name` exists in every language built."""
        found = {lang: find(COVER_NOTES, name, f".{lang}.md.j2", self.folder) for lang in languages}
        missing = [lang for lang, path in found.items() if path is None]
        if missing:
            known = names(COVER_NOTES, f".{missing[0]}.md.j2", self.folder)
            self.fail(keys, _not_found("cover-note template", name) + ("" if not is_name(name) else
                      " in " + ", ".join(missing)), "templates: " + ", ".join(known))
            return
        for path in found.values():
            try:
                for needed, kind in needs(path).items():
                    self.needed.setdefault(needed, (kind, keys, name))
            except InputError as exc:
                self.out.extend(exc.problems)

    def parts(self, languages):
        raw = self.get("parts", list)
        parts = []
        annexes = 0
        first: dict = {}    # part type -> the keys of its first part
        listed: dict = {}   # content file, links followed -> the keys naming it first
        for index, item in enumerate(raw or ()):
            keys = ("parts", index)
            if not isinstance(item, dict):
                self.fail(keys, "each part is a mapping with `type:` and `files:` or `template:`")
                continue
            for key in item:
                if key not in PART_KEYS:
                    self.fail(keys + (key, "<key>"), f"unknown key `{key}` in a part",
                              did_you_mean(str(key), PART_KEYS))
            landscape = item.get("landscape", False)
            if not isinstance(landscape, bool):
                self.fail(keys + ("landscape",), f"`landscape` is true or false, got {shown(landscape)}")
                landscape = False
            kind = item.get("type")
            if kind not in PART_TYPES:
                self.fail(keys + ("type",), f"unknown part type `{kind}`",
                          did_you_mean(str(kind), PART_TYPES) or "one of: " + ", ".join(PART_TYPES))
                continue
            if landscape and kind == "cover-note":
                self.fail(keys + ("landscape",), "a cover note stands on the cover page, which is portrait",
                          "turn the report's or an annex's pages (`landscape: true` on that part) or a wide table's")
                landscape = False
            if kind == "document" or "folder" in item:
                attached = self.document_part(keys, item, index == len(raw) - 1)
                parts += [attached] if attached else []
                first.setdefault(kind, keys)
                continue
            files = item.get("files", [])
            if isinstance(files, str):
                files = [files]
            if not isinstance(files, list):
                self.fail(keys + ("files",), f"`files` is a list of Markdown files, got {shown(files)}",
                          "files: [content/report.md]")
                files = None
            template = item.get("template")
            if template is not None:
                self.template(keys + ("template",), template, languages)
            elif files == []:
                self.fail(keys, f"the {kind} part names no `files:`", "list its Markdown files")
            if kind in first and kind != "annex":
                self.fail(keys + ("type",), f"a second `type: {kind}` part (the first is on line "
                          f"{self.yf.where(*first[kind])[0]})", f"a paper has at most one {kind} part; an annex "
                          "may be given as many times as needed")
            first.setdefault(kind, keys)
            paths = [self.content_file(keys + ("files", i), f, kind, listed) for i, f in enumerate(files or ())]
            annexes += kind == "annex"
            parts.append(PartSpec(kind, tuple(p for p in paths if p), template, annexes if kind == "annex" else 0,
                                  landscape=landscape))
        if raw is not None and not {"report", "document"} & set(first):
            self.fail(("parts",), "there is no `type: report` part", "or attach a document: `type: document`")
        elif "document" in first and not {"cover-note", "report"} & set(first):
            self.fail(first["document"], "a paper attaching a document has its own text before it",
                      "add a `type: cover-note` part saying which document follows")
        return tuple(parts)

    def document_part(self, keys, item, last: bool) -> PartSpec | None:
        """A `type: document` part: the folder of the document it attaches, the paper's last part."""
        if item.get("type") != "document":
            self.fail(keys + ("folder",), "only a `type: document` part names a `folder:`",
                      "list the part's Markdown files under `files:`")
            return None
        for key in ("files", "template"):
            if key in item:
                self.fail(keys + (key,), f"a `type: document` part has no `{key}:`: it prints the document "
                          "of its `folder:` whole")
        if "folder" not in item:
            self.fail(keys, "the document part names no `folder:`", "folder: ../wo-cc-86-inf-1")
            return None
        if not last:
            self.fail(keys + ("type",), "the attached document comes after every part of this paper",
                      "make `type: document` the last part (one document per paper)")
        folder = attached_folder(self.folder, item["folder"], self.yf, keys + ("folder",), self.out)
        return PartSpec("document", folder=folder) if folder is not None else None

    def content_file(self, keys, raw, kind, listed) -> Path | None:
        """The content file `raw` of a `kind` part, named at `keys`; None (a problem recorded) when `inside`
        refuses it, when an earlier place in `listed` names the same file (its text would print twice), or when it
        holds nothing but blank lines, or when its name holds a control character or a line break."""
        if isinstance(raw, str) and (control := file_name_control(raw)):
            self.fail(keys, f"the {kind} file name {shown(raw)} holds a {control}: ccdocs writes the name in "
                      "messages and in the catalogs' `#:` lines, where it would be misread", "rename the file without it")
            return None
        path = inside(self.folder, raw, self.yf, keys, self.out, "content")
        if path is None:
            return None
        same = path.resolve()
        if same in listed:
            self.fail(keys, f"`{raw}` is listed twice in `parts:`, on line {self.yf.where(*listed[same])[0]} and "
                      "here (its text would be printed twice)", "list each content file once")
            return None
        listed[same] = keys
        try:
            blank = not read_within(path, CONTENT).strip()
        except Beyond:
            blank = False  # refused when it is read (`content.read_content`)
        except OSError as exc:
            self.fail(keys, f"`{raw}` {_unreadable(exc)}", "name a content file that can be read")
            return None
        if blank:
            self.fail(keys, f"the {kind} file `{raw}` is empty", "write its text, or remove it from `files:`")
            return None
        return path

    def data_files(self):
        raw = self.get("data", dict, required=False) or {}
        files = {}
        for name, value in raw.items():
            if not self.name_ok("data", name):
                continue
            path = inside(self.folder, value, self.yf, ("data", name), self.out, "data")
            if path is not None and path.suffix.lower() not in (".csv", ".yaml", ".yml"):
                self.fail(("data", name), f"data file `{value}` is neither CSV nor YAML")
            elif path is not None:
                files[name] = path
        # each file is bounded when read (bounds.CSV, bounds.YAML); their costs add up: bounded together here,
        # at the `data:` key, before any is read
        sizes = sorted(((path.stat().st_size, name) for name, path in files.items()), reverse=True)
        total = sum(size for size, _ in sizes)
        if total > DATA.most:
            named = ", ".join(f"`{name}` {size / 2**20:.1f} MB" for size, name in sizes[:5])
            more = f" and {len(sizes) - 5} more" if len(sizes) > 5 else ""
            self.fail(("data", "<key>"), beyond(f"the data files of the document ({named}{more})",
                                                size_held(total, DATA.most), DATA, verb="hold"), DATA.hint)
        return files

    def name_ok(self, key, name) -> bool:
        """Whether `name` (a key of `data:` or `variables:`) can be a figure's name; else a problem at it."""
        if not isinstance(name, str) or not NAME.fullmatch(name):
            self.fail((key, name, "<key>"), f"`{name}` under `{key}:` is not a valid name",
                      "use ASCII letters a–z and A–Z, digits and `_`, starting with a letter: `cafe`, `staff_2024`")
        elif name in RESERVED:
            self.fail((key, name, "<key>"), f"`{name}` is a name the figures already use",
                      "choose another name")
        else:
            return True
        return False

    def variables(self):
        raw = self.get("variables", dict, required=False) or {}
        for name, value in raw.items():
            if self.name_ok("variables", name):
                self.value(("variables", name), value, self.needed.get(name))
        given = self.data.get("data") if isinstance(self.data.get("data"), dict) else {}
        for name, (_, keys, template) in self.needed.items():
            if name not in raw and name not in given:
                self.fail(keys, f"the cover note `{template}` needs `{name}` under `variables:`",
                          f"add `{name}: ...` under `variables:`")
        return raw

    def value(self, keys, value, needed=None):
        """Check that a variable's value is a text, a number, a date, or a list or mapping of them; and a date or
        a single value where a cover-note template `needed` it so."""
        if needed and (iso_day(value) is None if needed[0] == "date" else isinstance(value, list | dict)):
            kind = "a date (YYYY-MM-DD, a day that exists)" if needed[0] == "date" else "one text, number or date"
            self.fail(keys, f"`{keys[-1]}` must be {kind}, got {shown(value)}",
                      f"the cover note `{needed[2]}` prints it as such")
        elif isinstance(value, dict):
            for key, item in value.items():
                self.value(keys + (key,), item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.value(keys + (index,), item)
        elif isinstance(value, bool) or not isinstance(value, SCALARS + (date,)):
            self.fail(keys, f"`{'.'.join(map(str, keys))}` must be a text, a number or a date, got {shown(value)}",
                      "write the value, or remove the line")


def _shown(text: str) -> str:
    """`text` in backquotes, or as a Python literal when it holds what backquotes would hide (a newline)."""
    return f"`{text}`" if text.isprintable() and text.strip() == text and text else shown(text)


def iso_day(value) -> date | None:
    """`value` as a date when it is one or is written YYYY-MM-DD and exists, else None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _not_found(kind: str, name) -> str:
    if is_name(name):
        return f"there is no {kind} `{name}`"
    return f"a {kind} is given by its name (letters, digits, `-`, `_`), never a path: not {shown(name)}"


def read_spec(folder: Path) -> DocumentSpec:
    """Read and check `folder/document.yaml`; every problem is raised together."""
    path = folder / "document.yaml"
    wrong = not_a_file_inside(folder, path)
    if wrong == "missing":
        raise InputError([problem(path, None, "there is no document.yaml here",
                                  "point ccdocs at a document folder")])
    if wrong:
        raise InputError([problem(path, None, f"document.yaml {wrong}",
                                  hint_for(wrong, "make it a regular file of the folder", path))])
    yf = read_yaml(path)
    r = _Reader(yf, folder)
    r.unknown_keys()
    symbol = r.text("symbol", SYMBOL, "{raw} is not a WIPO symbol",
                    "write it like WO/CC/86/INF/1: capital letters and digits between `/`, without suffix")
    suffix = r.text("suffix", SUFFIX, "unknown suffix {raw}", "one of Rev., Corr., Add., Prov., or numbered: Add.2",
                    required=False)
    number, ordinary, extraordinary = r.session()
    first, last, day = r.day("first_day"), r.day("last_day"), r.day("date")
    if first and last and last < first:
        r.fail(("last_day",), f"the last day {last} is before the first day {first}")
    original = r.choice("original", ORIGINALS)
    languages = r.languages()
    source = r.source(original, languages)
    spec = DocumentSpec(
        folder=folder, yaml=yf, symbol=symbol, suffix=suffix, body=r.choice("body", BODIES),
        session_number=number, ordinary=ordinary, extraordinary=extraordinary,
        venue=r.texts("venue", languages, source), first_day=first, last_day=last, date=day,
        original=original, languages=languages, title=r.texts("title", languages, source),
        author=r.texts("author", languages, source) or "secretariat", kind=r.choice("kind", KINDS),
        theme=r.theme(),
        chapter_style=r.chapter_style(),
        parts=r.parts(languages), data=r.data_files(), variables=r.variables(),
        tables=r.get("tables", dict, required=False) or {}, source=source,
        charts=r.get("charts", dict, required=False) or {},
    )
    r.symbol_agrees(symbol, spec.body, number)
    r.out.raise_if_any()
    return spec
