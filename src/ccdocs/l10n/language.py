"""Language profiles: `locales/<lang>/language.yaml` read into one frozen `Language` that the pipeline hands down.

A profile holds the forms and rules of one language (its cover letter, the names it gives languages, its babel
locale, the session line's, dates' and currency's forms, numbering styles, list and chapter labels) and its
`Script` (East Asian faces and spacing, direction, digits); the toolkit's sentences stay in the catalog
`LC_MESSAGES/ccdocs.po` beside it. Writers and transforms ask the profile, never a language code. Every key is
described in docs/languages.md.

Profiles are looked for, the first found winning, in the user's templates folder's `locales/` (`--templates DIR`,
`CCDOCS_TEMPLATES`), then among the package's: a secretariat may add a language (a profile, its toolkit catalog
beside it, its cover-note frames) for all its papers, the way it adds a theme; not a document folder, whose
`locales/` holds its own text's translations, so that a language code means the same profile in every command.
A profile is input: it is read within the bounds of `sources.yamlfile` and every key checked, errors at its file
and line. Reading is cached per process while the file is unchanged (`sources.memo.signature`).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from string import Formatter

from ..errors import InputError, did_you_mean, problem
from ..resources import package_locales, standing, user_templates
from ..sources.memo import signature
from .catalog import DOMAIN
from .cldr import ready
from .numerals import CAPITALS, STYLES, spelled_ordinal, spelling_languages

FILE = "language.yaml"
CODE = re.compile(r"[a-z]{2,3}")
OFFICIAL = ("ar", "en", "es", "fr", "ru", "zh")   # WIPO's six languages: every profile names them (`names:`)
DIRECTIONS = ("ltr", "rtl")
SAMPLE = date(2026, 12, 31)                        # a date to try a date pattern on
LONGEST = 200                                      # characters of any text of a profile (a name, a form, a pattern)
# The parts of a date a pattern may have to write: their names and the CLDR fields that write them (the day of the
# month; the month, in its format or stand-alone form; the year, calendar, week-based or extended)
DATE_PARTS = {"d": ("day", frozenset("d")), "m": ("month", frozenset("ML")), "y": ("year", frozenset("yu"))}
# CLDR's `Y` is the year of the week-based calendar: late in December it may name the next year (2026-12-29
# prints 2027), so a pattern holding it is refused, whatever else it writes
WEEK_YEAR = "Y"
# A range's patterns: what each end writes, what the two write together (the parts the ends do not share are
# each end's own: across months, each names its month; across years, its year)
RANGE_PARTS = {"same_month": ("d", "dmy"), "same_year": ("dm", "dmy"), "other_years": ("dmy", "dmy")}
LETTER = re.compile(r"[A-Z]")                      # the cover's language letter: one capital
# The one CLDR numbering system every writer prints (text, tables, charts, DOCX number formats): another
# system's symbols would print its separators around Western digits (docs/document-format.md: not built yet)
BUILT_DIGITS = "latn"


@dataclass(frozen=True)
class Script:
    """How the language's script is set: `code` (ISO 15924), `east_asian` (an East Asian face beside the Latin
    one, East Asian spacing, punctuation of ambiguous width in the East Asian face), `direction` (`ltr`, `rtl`),
    `digits` (the CLDR numbering system of figures: `latn`, the one built)."""

    code: str
    east_asian: bool
    direction: str
    digits: str


@dataclass(frozen=True)
class Numbers:
    """Spelled and suffixed ordinals: `words` the num2words language (or ''), `options` the keyword arguments its
    ordinals take (Russian `{gender: f}`: шестая), `capitalize` one of numerals.CAPITALS, `ordinal_suffixes` CLDR
    ordinal category → suffix."""

    words: str = ""
    capitalize: str = "words"
    ordinal_suffixes: dict | None = None
    options: dict | None = None


@dataclass(frozen=True)
class SessionForm:
    """The cover's session line: numbering styles of the session's `number` and of the `count` of ordinary or
    extraordinary sessions, and the line `alone`, with an `ordinary` or an `extraordinary` count."""

    number: str
    count: str
    alone: str
    ordinary: str
    extraordinary: str


@dataclass(frozen=True)
class DateForms:
    """CLDR patterns: one `day`, and the (first, last) ends of a range within one month, one year, or across years;
    `to` and `and_` between the ends (three days or more, two days); `place` joins {place} and {dates}; `first`
    the first of a month where a pattern writes the day (French 1er), '' for the digit; `prose_to` between the
    ends of any range in running text, whose opening word the sentence writes (du 1er janvier au 31 décembre),
    '' for `to`."""

    day: str
    same_month: tuple
    same_year: tuple
    other_years: tuple
    to: str
    and_: str
    place: str
    first: str = ""
    prose_to: str = ""

    @property
    def running_to(self) -> str:
        """Between the ends of a range of two days or more in running text (the `daterange` filter): `prose_to`,
        else `to`."""
        return self.prose_to or self.to


@dataclass(frozen=True)
class Typography:
    """Rules the translation checkers apply: `full_width_punctuation` (no half-width `, ; : ? ! ( )` between
    characters of the script), `space_before` (characters a no-break space must precede, as French `: ; ! ?`) and
    `quotes` (the opening and closing double quotation marks, French `“”`: another style's marks are flagged)."""

    full_width_punctuation: bool = False
    space_before: str = ""
    quotes: str = ""


@dataclass(frozen=True, eq=False)
class Language:
    """One language's profile (docs/languages.md); `folder` holds `language.yaml` and `LC_MESSAGES/ccdocs.po`."""

    code: str
    letter: str
    locale: str
    tags: dict            # document, latin, pdf: BCP 47 tags
    names: dict           # language code -> its name in this language
    script: Script
    numbers: Numbers
    session: SessionForm
    dates: DateForms
    currency: dict        # amount, millions
    list_label: str
    chapter_numbers: str
    chapter_prefix: str
    annex_numbers: str
    typography: Typography
    path: Path

    @property
    def folder(self) -> Path:
        """The folder of the profile: its locales folder's `<code>/`."""
        return self.path.parent

    @property
    def locales_dir(self) -> Path:
        """The `locales/` folder the profile was found in (its toolkit catalog is `<code>/LC_MESSAGES/ccdocs.po`)."""
        return self.path.parent.parent

    @property
    def tag(self) -> str:
        """The document's BCP 47 tag (core properties, chart locale): `en-US`, `zh-CN`."""
        return self.tags["document"]

    @property
    def latin_tag(self) -> str:
        """The tag of Latin-script runs (Word's w:lang w:val): the document's, or `en-US` in Chinese."""
        return self.tags.get("latin", self.tags["document"])

    @property
    def east_asian_tag(self) -> str | None:
        """Word's w:eastAsia tag: the document's tag in an East Asian script, else None."""
        return self.tags["document"] if self.script.east_asian else None

    @property
    def pdf_tag(self) -> str:
        """The PDF's /Lang."""
        return self.tags.get("pdf", self.tags["document"])

    def name_of(self, code: str) -> str:
        """The name this language gives the language `code` (KeyError when the profile names none)."""
        return self.names[code]


def locale_dirs() -> list[Path]:
    """The `locales/` folders searched, in order: the user's templates folder's, the package's."""
    user = user_templates()
    return ([user / "locales"] if user is not None else []) + [package_locales()]


def profile_path(code: str) -> Path | None:
    """The first `locales/<code>/language.yaml` along the search path, or None (also for a code that is none).

    As a theme's file is (`resources.find`), a profile is taken only as a regular file inside its templates
    folder: something at its place that is not (a link leading out of the folder or to nothing, a folder, a
    FIFO) is an InputError at that place, never followed nor skipped for the next folder."""
    if not isinstance(code, str) or not CODE.fullmatch(code):
        return None
    for base in locale_dirs():
        path = base / code / FILE
        if _inside(path, base.parent if base != package_locales() else base, "language profile"):
            return path
    return None


def _inside(path: Path, home: Path, what: str) -> bool:
    """Whether `path` is a regular file inside `home` (False when nothing is there, or the file system cannot look);
    InputError when something else stands there (`resources.standing`, a link in place of its folder too)."""
    found = standing(path, home, linked_folder=True)
    if found is not False:
        return bool(found)
    raise InputError([problem(path, None, f"this {what} is not a regular file inside {home} (a link "
                              "leading out or to nothing, a folder, a FIFO or a device): it is not followed",
                              "make it a file of the templates folder, or remove it")])


def replaced(codes) -> list:
    """A note (a `Problem` of severity `note`) for each language of `codes` whose profile the user's templates
    folder gives in place of the package's own: by design the templates folder wins, and the editor is told."""
    from dataclasses import replace

    found = []
    for code in codes:
        path = profile_path(code)
        own = package_locales() / str(code) / FILE
        if path is not None and path != own and own.is_file():
            found.append(replace(problem(path, None, f"this profile replaces ccdocs's own `{code}` profile "
                                         f"({own.parent.name}/{FILE}) in every paper built with these templates",
                                         "by design the templates folder wins; remove its folder to build with "
                                         "ccdocs's own"), severity="note"))
    return found


def known_languages() -> tuple[str, ...]:
    """The codes of every profile found along the search path, sorted: the languages ccdocs can build."""
    return tuple(sorted({code for base in locale_dirs() for code in _codes(base)}))


def package_languages() -> tuple[str, ...]:
    """The codes of the package's own profiles, sorted (the languages a theme's keys may name: `sizes.<lang>`)."""
    return tuple(sorted(_codes(package_locales())))


def _codes(base: Path) -> set[str]:
    """The codes of the profiles in the locales folder `base` (none where it cannot be listed)."""
    try:
        return {p.parent.name for p in base.glob(f"*/{FILE}") if CODE.fullmatch(p.parent.name)}
    except OSError:
        return set()


def find_language(code: str) -> Language:
    """The profile of `code` first found along the search path; InputError when there is none, or at the line of
    what is wrong in it.

    Looked up once per process while nothing changes where it is looked for: the search path and the file-system
    entries (each `lstat`) of every place a profile or its catalog may stand are the key, so that a profile or
    catalog edited, added, removed or replaced by a link is seen at the next call (as `watch` needs); a refusal
    is not kept."""
    if not isinstance(code, str) or not CODE.fullmatch(code):
        return _find_language(code)
    bases = tuple(locale_dirs())
    return _found(code, bases, tuple(_entry(base / code / name) for base in bases for name in _PLACES))


_PLACES = (".", FILE, "LC_MESSAGES", f"LC_MESSAGES/{DOMAIN}.po")  # where a profile's lookup looks, in its folder


def _entry(path: Path) -> tuple | None:
    """What stands at `path`: the entry itself (device, inode, type, size, modification and change times) and,
    for a link, the signature of what it leads to (an edit of a linked profile changes nothing at the link);
    None for nothing."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_mode, found.st_size, found.st_mtime_ns, found.st_ctime_ns,
            signature(path) if stat.S_ISLNK(found.st_mode) else None)


@lru_cache(maxsize=32)
def _found(code: str, bases: tuple, entries: tuple) -> Language:
    """`find_language`'s answer for the search path `bases` while the entries there are `entries`."""
    return _find_language(code)


def _find_language(code: str) -> Language:
    path = profile_path(code)
    if path is None:
        known = known_languages()
        raise InputError([problem(package_locales(), None,
                                  f"there is no language profile `{code}` (locales/{code}/{FILE})",
                                  did_you_mean(str(code), known) or "languages: " + ", ".join(known))])
    catalog = path.parent / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not _inside(catalog, path.parent, "toolkit catalog"):
        raise InputError([problem(path, None, f"the language `{code}` has no toolkit catalog beside its profile "
                                  f"({catalog.relative_to(path.parent.parent)})",
                                  "translate locales/ccdocs.pot into it (docs/languages.md)")])
    return load_language(path)


def profile_of(code: str) -> Language | None:
    """The profile of `code` found along the search path, or None where there is none (a checker of a language
    without a profile applies no rule of its own)."""
    path = profile_path(code)
    return load_language(path) if path is not None else None


def load_language(path: Path) -> Language:
    """The profile in the file `path` (cached while the file is unchanged: `sources.memo.signature`, which an edit
    putting back the size and modification time still changes); InputError at its lines."""
    return _load(path.resolve(), signature(path))


@lru_cache(maxsize=32)
def _load(path: Path, version: tuple | None) -> Language:
    from ..sources.yamlfile import read_yaml

    return _Reader(read_yaml(path)).language()


def fields(text: str) -> set[str]:
    """The names of the `{fields}` of a form (ValueError for a brace left open)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


class _Reader:
    """Reads and checks a profile's values, collecting every problem at its line."""

    def __init__(self, yf):
        self.yf = yf
        self.problems: list = []

    def fail(self, keys: tuple, message: str, hint: str | None = None):
        self.problems.append(self.yf.problem(keys, message, hint))

    def get(self, *keys, kind=str, required: bool = True, default=None):
        value = self.yf.data
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                if required:
                    where = keys[:keys.index(key)]
                    self.fail(where, f"`{'.'.join(keys)}` is missing", "docs/languages.md lists every key")
                return default
            value = value[key]
        if kind is str and (not isinstance(value, str) or not value):
            self.fail(keys, f"`{'.'.join(keys)}` must be a text, got {_shown(value)}")
            return default
        if kind is str and not self.bounded(keys, value):
            return default
        if kind is bool and not isinstance(value, bool):
            self.fail(keys, f"`{'.'.join(keys)}` must be true or false, got {_shown(value)}")
            return default
        if kind is dict and not isinstance(value, dict):
            self.fail(keys, f"`{'.'.join(keys)}` must be a mapping, got {_shown(value)}")
            return default
        return value

    def bounded(self, keys: tuple, value) -> bool:
        """Whether the text `value` is at most LONGEST characters long (a profile's texts are names, words and
        forms; a longer one would only cost every page that prints it); a problem at its line when not."""
        if isinstance(value, str) and len(value) > LONGEST:
            self.fail(keys, f"`{'.'.join(map(str, keys))}` is {len(value):,} characters long, more than a "
                      f"profile's text may be ({LONGEST})", "write the words only")
            return False
        return True

    def choice(self, *keys, choices, required: bool = True, default=None):
        value = self.get(*keys, required=required, default=default)
        if value is not None and value != default and value not in choices:
            self.fail(keys, f"`{'.'.join(keys)}` must be one of {', '.join(choices)}, got {_shown(value)}",
                      did_you_mean(str(value), choices))
            return default
        return value

    def form(self, *keys, need: tuple, may: tuple = (), required: bool = True, default=None):
        """A text with `{fields}`: every one of `need`, others only from `may`."""
        text = self.get(*keys, required=required, default=default)
        if not isinstance(text, str):
            return default
        try:
            parts = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text)
                     if name is not None]
        except ValueError as exc:
            self.fail(keys, f"`{'.'.join(keys)}` is not a form: {exc}", "write fields as {name}, braces as {{ }}")
            return default
        found = {name for name, _, _ in parts}
        dressed = [f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                   for name, spec, conversion in parts if spec or conversion]
        if dressed:
            self.fail(keys, f"`{'.'.join(keys)}` has a format spec or conversion: {', '.join(dressed)}",
                      "write each field bare, as {name}: the profile's other keys say how it is written")
            return default
        missing = [name for name in need if name not in found]
        unknown = sorted(found - set(need) - set(may))
        if missing or unknown:
            said = "; ".join(part for part in (
                missing and "lacks " + ", ".join(f"{{{n}}}" for n in missing),
                unknown and "has unknown " + ", ".join(f"{{{n}}}" for n in unknown)) if part)
            self.fail(keys, f"`{'.'.join(keys)}` {said}",
                      "its fields are " + ", ".join(f"{{{n}}}" for n in (*need, *may)))
            return default
        return text

    def pattern(self, keys: tuple, value, locale, writes: str = ""):
        """A CLDR date pattern babel can format, whose quotes pair up and which writes each of the date's parts
        `writes` names (DATE_PARTS' keys: "dmy" for the day, the month and the year); None for a `value` of None
        (a problem `get` told) or with a problem told at its line."""
        from babel.dates import format_date

        name = ".".join(map(str, keys))
        if value is None:  # told where it was read (`get`: missing, not a text, too long)
            return None
        if not isinstance(value, str) or not value:
            self.fail(keys, f"`{name}` must be a CLDR date pattern, got {_shown(value)}")
            return None
        if not self.bounded(keys, value):
            return None
        if value.replace("''", "").count("'") % 2:
            self.fail(keys, f"`{name}` opens a quoted text with ' that is never closed (babel would print the "
                      "rest of the pattern as nothing)", "close it (`d 'de' MMMM`), or write a quote mark as ''")
            return None
        try:
            format_date(SAMPLE, value, locale=locale)
        except Exception as exc:  # babel raises many kinds for a bad pattern
            self.fail(keys, f"`{name}` is not a CLDR date pattern ({exc})", "e.g. `MMMM d, y` or `y年M月d日`")
            return None
        if WEEK_YEAR in date_parts(value):
            self.fail(keys, f"`{name}` writes the year with `Y`, the year of the week-based calendar, which around "
                      "New Year may be the next or the last year (2026-12-29 would print 2027)",
                      "write the calendar year as `y` (e.g. `MMMM d, y`)")
            return None
        lacking = [part for part in writes if not date_parts(value) & DATE_PARTS[part][1]]
        if lacking:
            self.fail(keys, f"`{name}` does not write the {' or the '.join(DATE_PARTS[p][0] for p in lacking)}",
                      "e.g. `MMMM d, y` or `y年M月d日` (d the day, M or MMMM the month, y the year)")
            return None
        return value

    def ends(self, key: str, locale):
        """The two patterns of a range (`RANGE_PARTS`: what each end writes, what the two write together)."""
        raw = self.get("dates", key, kind=object)
        if not isinstance(raw, list) or len(raw) != 2:
            if raw is not None:
                self.fail(("dates", key), f"`dates.{key}` must be two patterns, [first day, last day]")
            return None
        each, together = RANGE_PARTS[key]
        for i in (i for i, p in enumerate(raw) if p is None):  # a YAML null in the list: `pattern` skips None
            self.fail(("dates", key, i), f"`dates.{key}.{i}` must be a CLDR date pattern, got {_shown(None)}")
        ends = tuple(self.pattern(("dates", key, i), p, locale, each) for i, p in enumerate(raw))
        if None not in ends and (lacking := [part for part in together if not
                                             (date_parts(ends[0]) | date_parts(ends[1])) & DATE_PARTS[part][1]]):
            self.fail(("dates", key), f"`dates.{key}` does not write the "
                      f"{' or the '.join(DATE_PARTS[p][0] for p in lacking)} of the range",
                      "e.g. [`MMMM d`, `d, y`]: the first day's, the last day's and what they share")
            return None
        return ends

    def locale(self):
        from babel import Locale, UnknownLocaleError

        raw = self.get("locale")
        if raw is None:
            return None
        try:
            locale = Locale.parse(raw)
        except (UnknownLocaleError, ValueError, TypeError) as exc:
            self.fail(("locale",), f"`locale` is not a locale babel knows ({exc})", "e.g. en, fr, zh_Hans_CN")
            return None
        ready(str(locale))  # its CLDR data merged, from the per-user cache: the dates below read it
        return locale

    def language(self) -> Language:
        yf = self.yf
        if not isinstance(yf.data, dict):
            raise InputError([problem(yf.path, 1, "a language profile must be a mapping of keys",
                                      "docs/languages.md lists every key")])
        code = self.get("code")
        if code is not None and code != yf.path.parent.name:
            self.fail(("code",), f"`code: {code}` is not the name of the profile's folder "
                      f"`{yf.path.parent.name}`", f"write `code: {yf.path.parent.name}`")
        letter = self.get("letter")
        if letter is not None and not LETTER.fullmatch(letter):
            self.fail(("letter",), f"`letter` must be one capital letter A–Z (WIPO's A C E F R S), got "
                      f"{_shown(letter)}", "e.g. `letter: F`")
        locale = self.locale()
        tags = self.get("tags", kind=dict) or {}
        for key, value in tags.items():
            if key not in ("document", "latin", "pdf"):
                self.fail(("tags", key, "<key>"), f"unknown key `tags.{key}`", "tags: document, latin, pdf")
            elif isinstance(value, str) and not self.bounded(("tags", key), value):
                continue
            elif not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
                self.fail(("tags", key), f"`tags.{key}` must be a BCP 47 tag such as en-US, got {_shown(value)}")
        if tags and "document" not in tags:
            self.fail(("tags",), "`tags.document` is missing", "e.g. `document: en-US`")
        names = self.get("names", kind=dict) or {}
        for needed in (*OFFICIAL, *([code] if code else [])):
            if names and needed not in names:
                self.fail(("names",), f"`names` has no name for `{needed}`",
                          "name each of WIPO's languages (ar, en, es, fr, ru, zh) and this one")
        for key, value in names.items():
            if not isinstance(value, str) or not value.strip():
                self.fail(("names", key), f"`names.{key}` must be a text, got {_shown(value)}")
            else:
                self.bounded(("names", key), value)
        script = Script(self.get("script", "code"), self.get("script", "east_asian", kind=bool),
                        self.choice("script", "direction", choices=DIRECTIONS),
                        self.get("script", "digits"))
        if script.digits and script.digits != BUILT_DIGITS:
            self.fail(("script", "digits"), f"`script.digits: {script.digits}`: ccdocs prints figures in Western "
                      f"digits 0–9 only (another system's digits are not built: its separators would print with "
                      f"Western digits, and the charts and the DOCX keep 0–9)",
                      f"write `digits: {BUILT_DIGITS}`: WIPO's papers print 0–9 in every language")
        numbers = self.numbers()
        session = SessionForm(
            self.choice("session", "number", choices=STYLES), self.choice("session", "count", choices=STYLES),
            self.form("session", "alone", need=("number",)),
            self.form("session", "ordinary", need=("number", "count")),
            self.form("session", "extraordinary", need=("number", "count")))
        for key in ("number", "count"):
            self.needs_words(("session", key), getattr(session, key), numbers)
        dates = DateForms(self.pattern(("dates", "day"), self.get("dates", "day"), locale, "dmy") if locale else None,
                          *(self.ends(key, locale) if locale else None
                            for key in ("same_month", "same_year", "other_years")),
                          self.get("dates", "to"), self.get("dates", "and"),
                          self.form("dates", "place", need=("place", "dates")),
                          self.get("dates", "first", required=False, default=""),
                          self.get("dates", "prose_to", required=False, default=""))
        currency = {"amount": self.form("currency", "amount", need=("amount",), may=("symbol", "name")),
                    "millions": self.form("currency", "millions", need=(), may=("symbol", "name", "millions",
                                                                                "compact"))}
        if currency["millions"] is not None and not fields(currency["millions"]) & {"millions", "compact"}:
            self.fail(("currency", "millions"), "`currency.millions` lacks {millions} or {compact}")
        chapter_numbers = self.choice("chapters", "numbers", choices=STYLES)
        annex_numbers = self.choice("annexes", "numbers", choices=STYLES)
        for keys, style in ((("chapters", "numbers"), chapter_numbers), (("annexes", "numbers"), annex_numbers)):
            self.needs_words(keys, style, numbers)
        typography = Typography(
            self.get("typography", "full_width_punctuation", kind=bool, required=False, default=False),
            self.space_before(), self.quotes())
        list_label = self.form("lists", "label", need=("mark",))
        chapter_prefix = self.form("chapters", "prefix", need=("number",))
        self.unknown_keys()
        if self.problems:
            raise InputError(self.problems)
        return Language(code, letter, str(locale), dict(tags), dict(names), script, numbers, session, dates,
                        currency, list_label, chapter_numbers, chapter_prefix, annex_numbers, typography, yf.path)

    def quotes(self) -> str:
        value = self.get("typography", "quotes", kind=object, required=False, default="")
        if not isinstance(value, str) or len(value) not in (0, 2):
            self.fail(("typography", "quotes"), f"`typography.quotes` must be two characters, the opening and "
                      f"closing quotation marks, got {_shown(value)}", "e.g. `quotes: “”` or `quotes: «»`")
            return ""
        return value

    def space_before(self) -> str:
        value = self.get("typography", "space_before", kind=object, required=False, default="")
        if not isinstance(value, str):
            self.fail(("typography", "space_before"), f"`typography.space_before` must be a text (the characters, "
                      f"may be empty), got {_shown(value)}")
            return ""
        return value if self.bounded(("typography", "space_before"), value) else ""

    def numbers(self) -> Numbers:
        words = self.get("numbers", "words", required=False, default="")
        capitalize = self.choice("numbers", "capitalize", choices=CAPITALS, required=False, default="words")
        suffixes = self.get("numbers", "ordinal_suffixes", kind=dict, required=False, default=None)
        for key, value in (suffixes or {}).items():
            if key not in ("zero", "one", "two", "few", "many", "other"):
                self.fail(("numbers", "ordinal_suffixes", key, "<key>"),
                          f"`{key}` is not a CLDR plural category", "zero, one, two, few, many, other")
            elif not isinstance(value, str):
                self.fail(("numbers", "ordinal_suffixes", key), f"a suffix must be a text, got {_shown(value)}")
            else:
                self.bounded(("numbers", "ordinal_suffixes", key), value)
        options = self.get("numbers", "options", kind=dict, required=False, default=None)
        if words:
            if words not in spelling_languages():  # num2words is not imported to say so
                self.fail(("numbers", "words"), f"num2words cannot spell numbers in `{words}`",
                          did_you_mean(words, sorted(spelling_languages())))
            elif options:
                try:
                    spelled_ordinal(1, words, options)
                except Exception as exc:  # num2words raises TypeError, NotImplementedError, KeyError…
                    self.fail(("numbers", "options"), f"num2words refuses these options in `{words}` ({exc})",
                              "give the keyword arguments its ordinals take, e.g. `{gender: f}` in Russian")
        return Numbers(words or "", capitalize or "words", dict(suffixes) if suffixes else None,
                       dict(options) if options else None)

    def needs_words(self, keys: tuple, style: str | None, numbers: Numbers):
        """A style that needs a detail of `numbers:` the profile does not give."""
        if style == "ordinal-words" and not numbers.words:
            self.fail(keys, "the style `ordinal-words` needs `numbers.words` (the num2words language)")
        if style == "ordinal-suffix" and not numbers.ordinal_suffixes:
            self.fail(keys, "the style `ordinal-suffix` needs `numbers.ordinal_suffixes`")

    def unknown_keys(self):
        """Keys no rule reads: a slip of the pen, refused rather than ignored."""
        allowed = {"code": None, "letter": None, "locale": None, "tags": None, "names": None,
                   "script": ("code", "east_asian", "direction", "digits"),
                   "numbers": ("words", "capitalize", "ordinal_suffixes", "options"),
                   "session": ("number", "count", "alone", "ordinary", "extraordinary"),
                   "dates": ("day", "same_month", "same_year", "other_years", "to", "and", "place", "first",
                             "prose_to"),
                   "currency": ("amount", "millions"), "lists": ("label",), "chapters": ("numbers", "prefix"),
                   "annexes": ("numbers",), "typography": ("full_width_punctuation", "space_before", "quotes")}
        for key, value in self.yf.data.items():
            if key not in allowed:
                self.fail((key, "<key>"), f"unknown key `{key}`", did_you_mean(str(key), allowed))
            elif allowed[key] is not None and isinstance(value, dict):
                for sub in value:
                    if sub not in allowed[key]:
                        self.fail((key, sub, "<key>"), f"unknown key `{key}.{sub}`",
                                  did_you_mean(str(sub), allowed[key]) or ", ".join(allowed[key]))
            elif allowed[key] is not None:
                self.fail((key,), f"`{key}` must be a mapping, got {_shown(value)}")


def date_parts(pattern: str) -> set[str]:
    """The CLDR field letters of a date pattern (babel's tokenizer: quoted text is no field).

    >>> sorted(date_parts("d 'de' MMMM 'de' y"))
    ['M', 'd', 'y']
    """
    from babel.dates import tokenize_pattern

    return {value[0] for kind, value in tokenize_pattern(pattern) if kind == "field"}


def _shown(value) -> str:
    from ..sources.yamlfile import shown

    return shown(value)



def as_language(language: Language | str) -> Language:
    """`language` itself, or the profile a code names along the package's and the user's search path."""
    return language if isinstance(language, Language) else find_language(language)
