"""A document's content catalogs: `DOC_DIR/locales/<lang>/LC_MESSAGES/content.po`, read strictly with babel.

babel's reader is lenient where a translator's slip would change the paper unseen: it takes the text between
the first and last character of a string line whatever they are (an unclosed `msgstr "第二段。` loses its last
character), keeps the first of two entries with the same msgid, drops a msgstr without a msgid, and decodes
with whatever charset the header claims. `read_catalog` reads with babel's own parser, refusing each of these
at its line, together with characters a paper may not hold and bytes that are not UTF-8.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, PoFileParser, unescape

from ..errors import InputError, Problem, display_path, problem
from ..parse.visible import shows
from ..sources.bounds import CATALOG, Beyond, beyond, read_within, size_held
from ..sources.characters import HINT as CHARACTER_HINT
from ..sources.characters import first_refused, refused
from ..sources.content import BRACKETS
from ..sources.memo import of_file
from ..sources.spec import hint_for, not_a_file_inside
from ..sources.within import place_inside

DOMAIN = "content"
PREVIOUS_CONTEXT = "ccdocs_previous_context"  # a babel Message's previous msgctxt (`#| msgctxt`), when it had one
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
# one string exactly as babel's `unescape` reads it; written as runs of plain characters between escapes, which re
# reads four times faster than one character or escape at a time (a catalog's every string line is matched)
STRING = re.compile(r'"[^"\\]*(?:\\[\\abfnrtv"][^"\\]*)*"')
ESCAPE = re.compile(r"\\(.?)")
KEYWORDS = re.compile(r"msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?")
CHARSET = re.compile(r"charset\s*=", re.I)
HINT = "fix the .po syntax, or regenerate it with `ccdocs i18n update`"
# The bytes a catalog is about to hold, by its resolved path, while a command checks them as a build reads them
# before writing them (`staged`); None outside such a check.
_STAGED: ContextVar[dict | None] = ContextVar("ccdocs_staged_catalogs", default=None)
# a content file's path as a catalog's references commonly give it (`content/01-introduction.md`: 26 characters);
# longer paths are what a catalog too large could save on (`too_large`)
COMMON_PATH = 40
# the entries of a folder under `locales/` looked at for a catalog standing beside its place (`_strays`): a folder of
# a million files is not listed whole
LOOKED = 1_000
# what parts a language folder's or a catalog file's name: `zh_CN`, `zh-Hans`, `sr@latin`, `content.zh.po`
NAME_PARTS = re.compile(r"[-_.@]")
TRADITIONAL = frozenset({"hant", "tw", "hk", "mo"})  # Chinese in its Traditional script: a subtag saying so
TRADITIONAL_HINT = ("ccdocs's `zh` is Simplified Chinese, WIPO's official Chinese (its faces and profile are "
                    "Simplified): translate into Simplified Chinese (`zh-CN`, `zh-Hans`), or give the zh file")


def traditional_chinese(tag: str) -> bool:
    """Whether a language tag (BCP 47 or a POSIX locale) names Chinese in its Traditional script: `zh-TW`, `zh_Hant`,
    `zh-Hant-HK`; not `zh`, `zh-CN`, `zh-Hans-HK` (a script subtag Hans rules over the region)."""
    parts = [part.casefold() for part in NAME_PARTS.split(tag)]
    return parts[0] == "zh" and "hans" not in parts and bool(TRADITIONAL & set(parts[1:]))


def po_path(folder: Path, lang: str) -> Path:
    """Where the content catalog of `lang` lives in a document folder."""
    return folder / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def misplaced_catalogs(spec) -> list[Problem]:
    """What stands at a content catalog's place of a document (a `DocumentSpec`) without being a catalog.

    A catalog of the language the text is keyed in (`source:`, else `original:`) is refused at that key: it
    would be ignored. Nothing there means no catalog (every segment untranslated: refused but in a draft); a
    folder, a FIFO, a device, a dangling link or a link leading out of the document folder is refused at its path,
    never taken for "no catalog" (which would print the source language silently) nor opened (a FIFO would
    hang). Where there is no catalog, one standing beside its place under another name is refused at its path
    (`_strays`).
    """
    found = []
    for lang in spec.languages:
        path = po_path(spec.folder, lang)
        if lang == spec.source and (path.exists() or path.is_symlink()):
            key = "source" if "source" in spec.yaml.data else "original"
            found.append(spec.yaml.problem((key,), f"the text is keyed in {lang} (`{key}: {lang}`), so its {lang} "
                                           f"catalog {display_path(path)} would be ignored",
                                           f"set `{key}:` to the language the content files are written in, or "
                                           "remove the catalog"))
            continue
        if lang == spec.source:
            continue
        if not (path.exists() or path.is_symlink()):
            found += _strays(spec.folder, lang)
            continue
        wrong = not_a_file_inside(spec.folder, path)
        if wrong:
            wrong = "is a link that leads nowhere" if wrong == "missing" else wrong
            found.append(problem(path, None, f"the {lang} catalog {wrong}", hint_for(
                wrong, "make it a regular .po file inside the document folder, or remove it", path)))
    return found


def _strays(folder: Path, lang: str) -> list[Problem]:
    """Where the catalog of `lang` does not exist: a file standing where a folder of its place should, and each
    catalog a translator's tool may have written instead, named, never read (breaks-7 #6): a .po file in
    `locales/<lang>/` or its `LC_MESSAGES/` under another name (`Content.po`; `messages.po`, pybabel's and
    gettext's default domain), in a folder naming the language with a region or script or in other letters
    (`zh_CN`, `zh-Hans`, `ZH`: gettext's locale names), or in `locales/` named by the language (`zh.po`,
    `content.zh.po`). Else its translations would be left out without a word, the paper printed in the source
    language (a draft marking every segment untranslated)."""
    po, locales = po_path(folder, lang), folder / "locales"
    for place in (locales, locales / lang, po.parent):
        what = "a link that leads nowhere" if place.is_symlink() and not place.exists() else \
            "a file" if place.exists() and not place.is_dir() else None
        if what:
            return [problem(place, None, f"this is {what}, where the {lang} catalog's path has a folder: the "
                            f"catalog is {display_path(po)}", "make it a folder holding the catalog, or remove it")]
    if locales.is_symlink():
        return []  # a link's folder is not listed (where it leads, `misplaced_catalogs` tells at the catalog)
    strays = [entry.path for entry in entries(locales) if _is_po(entry)
              and lang.casefold() in NAME_PARTS.split(entry.name.casefold())[:-1]]
    for home in language_folders(locales, lang):
        for entry in entries(home.path):
            if _is_po(entry):
                strays.append(entry.path)
            elif entry.is_dir(follow_symlinks=False) and entry.name.casefold() == po.parent.name.casefold():
                strays += [inner.path for inner in entries(entry.path) if _is_po(inner)]
    return [problem(path, None, f"this catalog is not read: ccdocs reads the {lang} catalog from "
                    f"{display_path(po)} only, and there is none there (the {lang} paper would be printed without "
                    "these translations)", f"did you mean {display_path(po)}? move or rename this file there: the "
                    f"folder named `{lang}` as `languages:` writes the language, the file `{po.name}`")
            for path in sorted(strays)]


def entries(folder: Path | str) -> list[os.DirEntry]:
    """The first LOOKED entries of `folder`, in no order; none when it cannot be listed."""
    try:
        with os.scandir(folder) as listed:
            return list(islice(listed, LOOKED))
    except OSError:
        return []


def language_folders(locales: Path, lang: str) -> list[os.DirEntry]:
    """The folders of `locales` naming `lang`: its own, and those naming it with a region or script or in other
    letters (`zh_CN`, `zh-Hans`, `sr@latin`, `ZH`: gettext's locale names); none under a `locales` that is a link
    (not listed out of the document folder), nor through a link."""
    if locales.is_symlink():
        return []
    return [entry for entry in entries(locales) if entry.is_dir(follow_symlinks=False)
            and NAME_PARTS.split(entry.name)[0].casefold() == lang.casefold()]


def _is_po(entry: os.DirEntry) -> bool:
    """Whether `entry` is named as a catalog is (`.po` in any case) and is no folder (a link is named, not read)."""
    return entry.name.casefold().endswith(".po") and not entry.is_dir(follow_symlinks=False)


def pot_path(folder: Path) -> Path:
    """Where the extracted template of the source content lives."""
    return folder / "locales" / f"{DOMAIN}.pot"


class ContentCatalog(Catalog):
    """A babel Catalog that knows the file it was read from and the line of each active message's msgstr."""

    def __init__(self, path: Path | None = None, **kwargs):
        """`kwargs` are babel's Catalog arguments; `path` is None for a catalog not read from a file."""
        super().__init__(**kwargs)
        self.path = path
        self.msgstr_lines: dict[tuple, int] = {}

    def where(self, message) -> tuple[Path, int] | None:
        """The file and line of `message`'s msgstr, or None when it was not read from this catalog's file."""
        line = self.msgstr_lines.get((message.id, message.context))
        return (self.path, line) if self.path is not None and line is not None else None


def _string_problem(text: str) -> tuple[int, str] | None:
    """Where (0-based) and why `text` is not one PO string as babel reads it; None when it is one."""
    if STRING.fullmatch(text):
        return None
    if not text.startswith('"'):
        return 0, "the text must be in double quotes"
    whole = QUOTED.match(text)
    if whole is None:
        return len(text) - 1, "the string is not closed: a `\"` is missing at its end (inside a string, write `\\\"`)"
    if whole.end() < len(text):
        return whole.end(), "text after the closing `\"` (inside a string, write a quote as `\\\"`)"
    bad = next(m for m in ESCAPE.finditer(text) if m.group(1) not in '\\abfnrtv"')
    return bad.start(), f"unknown escape `{bad.group()}` (write a backslash as `\\\\`)"


def _index(keyword: str) -> int:
    """The plural index of a `msgstr` or `msgstr[N]` keyword (0 for a plain msgstr)."""
    return int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0


class _StrictParser(PoFileParser):
    """babel's PO parser that also refuses what it would read loosely, each problem at its 1-based line.

    It checks every keyword and string line before babel's own step for it (`_process_message_line`), and every
    finished entry before babel adds it (`_add_message`), so that the catalog babel builds is only used when
    nothing was refused.
    """

    def __init__(self, catalog: ContentCatalog, path: Path, lines: list[str] | None = None):
        super().__init__(catalog, abort_invalid=True)
        self.path = path
        self.lines = lines or []  # the file's lines, to place a header's problem at its own line
        self.problems: list[Problem] = []
        self.seen: dict[tuple, int] = {}
        self.msgstr_line: int | None = None

    def refuse(self, line: int, message: str, hint: str | None = HINT, col: int | None = None) -> None:
        self.problems.append(problem(self.path, line, message, hint, col))

    def _process_message_line(self, lineno, line, obsolete=False) -> None:
        if obsolete and line.startswith("|"):
            # `#~| msgid "…"`: an obsolete entry's previous msgid (GNU msgmerge --previous, and `po_bytes`), which
            # babel reads as an unknown keyword `|`; read as the `#| …` line gettext takes it for (`previous_ids`)
            self._process_comment("#" + line)
            return
        number = lineno + 1
        keyword, arg = ("", line) if line.startswith('"') else (line.partition(" ")[0], line.partition(" ")[2])
        if keyword and not KEYWORDS.fullmatch(keyword):
            raise PoFileError(f"unknown or misformatted keyword `{keyword}`", self.catalog, line, lineno)
        arg = arg.strip()
        wrong = _string_problem(arg)
        if wrong:
            self.refuse(number, wrong[1], col=len(line) - len(arg) + wrong[0] + 1)
        else:
            for escape in ESCAPE.finditer(arg):
                char = first_refused(unescape(f'"{escape.group()}"'))
                if char:
                    self.refuse(number, f"a {char} in this string, written as `{escape.group()}`", CHARACTER_HINT,
                                len(line) - len(arg) + escape.start() + 1)
                    break
        if keyword == "msgctxt" and self.context is not None and not self.messages:
            self.refuse(number, "a second msgctxt before the msgid", "keep one msgctxt, delete the other")
        if keyword.startswith("msgstr") and not obsolete:
            if not self.messages:
                self.refuse(number, f"a `{keyword}` without its `msgid`", "give it the msgid above, or delete it")
            elif any(index == _index(keyword) for index, _ in self.translations):
                self.refuse(number, f"a second msgstr for the msgid at line {self.offset + 1}",
                            "keep one translation, delete the other")
            self.msgstr_line = number
        super()._process_message_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        msgid = tuple(m.denormalize() for m in self.messages) if len(self.messages) > 1 \
            else self.messages[0].denormalize()
        key = (msgid, self.context.denormalize() if self.context else None)
        if len(self.messages) > 1 or any(index for index, _ in self.translations):
            self.refuse(self.offset + 1, "a plural entry (`msgid_plural`, `msgstr[N]`) in a content catalog: a "
                                         "paper's segments have no plural forms", "write one msgid and one msgstr")
        first = self.seen.setdefault((self.obsolete, key), self.offset + 1)  # obsolete ones come back too
        if first != self.offset + 1:
            context = f" (msgctxt \"{key[1]}\")" if key[1] is not None else ""
            self.refuse(self.offset + 1, f"this msgid{context} is also at line {first}: one translation would "
                                         "silently win", "keep one entry, delete the other")
        if not self.obsolete and self.msgstr_line is not None:
            self.catalog.msgstr_lines[key] = self.msgstr_line
        self.msgstr_line = None
        if key == ("", None) and not self.obsolete and not self.plural_forms_read():
            self._reset_message_state()  # refused at its line; babel would stop at the entry's end with int()'s words
            return
        super()._add_message()

    def plural_forms_read(self) -> bool:
        """Whether the header's `Plural-Forms` (if any) is one gettext reads: `nplurals=N; plural=EXPR;`, N a
        whole number from 1, EXPR a C expression of n (the standard library's `gettext.c2py` reads it as GNU
        gettext does); refused at the header line that holds it when not."""
        from gettext import c2py

        header = "".join(text.denormalize() for index, text in self.translations if index == 0)
        value = next((line.partition(":")[2].strip() for line in header.split("\n")
                      if line.partition(":")[0].strip().lower() == "plural-forms"), None)
        if value is None:
            return True
        params = dict(part.strip().partition("=")[::2] for part in value.split(";") if part.strip())
        try:
            if not params.get("nplurals", "").strip().isdigit() or int(params["nplurals"]) < 1:
                raise ValueError("nplurals must be a whole number from 1")
            c2py(params.get("plural", "").strip() or "(")
        except (ValueError, SyntaxError, RecursionError) as exc:
            line = next((number for number, text in enumerate(self.lines, 1)
                         if number > self.offset and "Plural-Forms:" in text), self.offset + 1)
            reason = "no plural expression" if not params.get("plural", "").strip() else str(exc)
            self.refuse(line, f"the header's `Plural-Forms: {value}` is not one gettext reads ({reason})",
                        "write e.g. `Plural-Forms: nplurals=2; plural=(n != 1);\\n`, or copy it from ccdocs.pot")
            return False
        return True


def _decoded(path: Path, data: bytes) -> str:
    """The text of a catalog in UTF-8 (a byte order mark allowed); InputError at the first byte that is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        raise InputError([problem(path, data.count(b"\n", 0, exc.start) + 1,
                                  f"this catalog is not UTF-8: byte 0x{data[exc.start]:02X} cannot be read",
                                  "save it as UTF-8, the encoding of every ccdocs catalog", col)]) from None


def _charset_problems(path: Path, text: str, charset: str) -> list[Problem]:
    """A header naming another charset than UTF-8 (the file was read as UTF-8 whatever it says)."""
    try:
        utf8 = codecs.lookup(charset).name == "utf-8"
    except LookupError:
        utf8 = False
    if utf8:
        return []
    line = next((n for n, content in enumerate(text.split("\n"), 1) if CHARSET.search(content)), None)
    return [problem(path, line, f"the catalog's header says `charset={charset}`; ccdocs catalogs are UTF-8",
                    "save the file as UTF-8 and write `charset=UTF-8` in its Content-Type")]


def _placed_language(path: Path, lines: list[str]) -> list[Problem]:
    """A problem at the header's `Language:` line when it names another language than the folder the catalog stands
    in (`locales/<lang>/LC_MESSAGES/…`: the place is what every reader takes for its language, so a zh catalog
    copied into `fr/` would print as the finished fr paper). Compared by the primary subtag, as gettext's locale
    names are (`zh_Hans_CN` in `zh/`). A header naming no language (none, or the template's empty `Language: `)
    is the place's, as gettext reads it: the place says the language, and hand-made or older catalogs omit it."""
    if path.parent.name != "LC_MESSAGES" or path.parent.parent.parent.name != "locales":
        return []
    place = path.parent.parent.name
    header = next((number for number, text in enumerate(lines, 1) if text.startswith('msgid ""')), None)
    if header is None:
        return []
    ends = next((number for number, text in enumerate(lines[header:], header + 1) if not text.strip()), len(lines))
    line = next((number for number in range(header, ends) if lines[number - 1].startswith('"Language:')), None)
    said = unescape(lines[line - 1].strip()).partition(":")[2].strip() if line is not None else ""
    if said and place == "zh" and traditional_chinese(said):
        return [problem(path, line, f"this catalog is translated into `{said}` (its header's `Language: {said}`), "
                        "Chinese in its Traditional script: its translations would print in the zh paper",
                        TRADITIONAL_HINT)]
    if not said or NAME_PARTS.split(said)[0].casefold() in _primaries(path, place):
        return []
    folder = display_path(path.parent.parent.parent.parent)
    said_lang = NAME_PARTS.split(said)[0].lower()
    return [problem(path, line, f"this catalog is translated into `{said}` (its header's `Language: {said}`), but "
                    f"stands in the `{place}` folder: its translations would print as the finished {place} paper",
                    f"if it is the {said_lang} catalog, move it to `locales/{said_lang}/LC_MESSAGES/`; if its "
                    f"translations are {place} ones, write `\"Language: {place}\\n\"` in its header; to start the "
                    f"{place} translation, delete it and run `ccdocs i18n update {folder} --lang {place}`")]


def _primaries(path: Path, place: str) -> set[str]:
    """The primary subtags a catalog at `path` in the folder of the language `place` may name: the code's, and its
    profile's `locale`'s (a house language `xx` printing with `locale: en_GB` has catalogs saying `en_GB`); the
    profile beside a toolkit catalog, else the one the search path finds. One not read is told where it is used."""
    from ..l10n.language import load_language, profile_path

    found = {NAME_PARTS.split(place)[0].casefold()}
    beside = path.parent.parent / "language.yaml"
    try:
        profile = beside if beside.is_file() else profile_path(place)
        if profile is not None:
            found.add(NAME_PARTS.split(load_language(profile).locale)[0].casefold())
    except InputError:
        pass
    return found


def previous_ids(catalog: Catalog) -> Catalog:
    """Give back the previous msgids (`#| msgid "…"`) that babel's read_po leaves as translator comments.

    babel writes `#|` lines (write_po's include_previous) but reads them as comments starting with `|`
    (python-babel/babel#206). Each such comment of a message becomes its `previous_id` again: the quoted
    strings after `msgid` (and `msgid_plural`), joined and unescaped with babel's own `unescape`; those after a
    previous `msgctxt` (which babel's Message has no field for) its PREVIOUS_CONTEXT attribute, which the writer
    gives an obsolete entry back (`extract.po_bytes`), as `msgmerge --previous` keeps it.
    """
    for message in [*catalog, *catalog.obsolete.values()]:
        lines = [comment[1:].strip() for comment in message.user_comments if comment.startswith("|")]
        if not lines:
            continue
        message.user_comments = [comment for comment in message.user_comments if not comment.startswith("|")]
        strings: list[list[str]] = []
        context: list[str] | None = None
        current = None
        for line in lines:
            keyword = line.split(" ", 1)[0]
            if keyword in ("msgid", "msgid_plural"):
                current = []
                strings.append(current)
            elif keyword == "msgctxt":
                current = context = []
            if current is not None:
                current.extend(unescape(piece) for piece in QUOTED.findall(line))
        message.previous_id = ["".join(parts) for parts in strings]
        if context is not None:
            setattr(message, PREVIOUS_CONTEXT, "".join(context))
    return catalog


def _blank_is_untranslated(catalog: Catalog) -> None:
    """A msgstr of spaces and line breaks only is no translation: it becomes empty, so nothing vanishes. So is one
    of white space and invisible characters (U+00A0, U+3000, U+200B: `parse.visible.shows`), which would print as
    an empty paragraph."""
    for message in [*catalog, *catalog.obsolete.values()]:
        if message.id and isinstance(message.string, str) and not shows(message.string):
            message.string = ""


@of_file
def read_catalog(path: Path, lang: str | None = None) -> ContentCatalog:
    """A .po or .pot file as a babel Catalog, previous msgids included, read only when read faithfully.

    Raises InputError naming the file and line of every problem: a file larger than `sources.bounds.CATALOG`
    (refused unread), bytes that are not UTF-8, a charset other than UTF-8, a character a paper may not hold, a
    string babel would read loosely, a msgstr without msgid, a msgid given twice (same msgctxt), and whatever
    babel's parser refuses. A msgstr of blanks reads as empty.
    The catalog is the caller's own to change (`merge`, `fill`); a reader only: `shared_catalog`.
    """
    return _parsed(path, lang, _bytes(path))


@of_file
def shared_catalog(path: Path, lang: str | None = None) -> ContentCatalog:
    """`read_catalog`'s catalog of the file as it is now, one object for all its readers in a process (a build
    reads its catalog for its tables' texts and for its segments: parsed once). Keyed by the path, `lang` and
    the file's bytes, so a file saved again is read again. Callers must not change it (`read_catalog` gives a
    catalog of one's own)."""
    return _kept(path, lang, _bytes(path))


@contextmanager
def staged(path: Path, data: bytes):
    """Within the block (in this thread or task), `read_catalog` and `shared_catalog` of the catalog at `path`
    read `data`, the bytes it is about to hold, not the file: a command checks a catalog as every build would read
    it before writing it (`xliff.import_xliff`). A build's forked workers do not see it: build in this process."""
    token = _STAGED.set({**(_STAGED.get() or {}), path.resolve(): data})
    try:
        yield
    finally:
        _STAGED.reset(token)


def _bytes(path: Path) -> bytes:
    """The catalog's bytes, staged or read (within CATALOG: InputError, as `too_large` says it, beyond it)."""
    staged_data = _STAGED.get()
    if staged_data and path.resolve() in staged_data:
        data = staged_data[path.resolve()]
        if len(data) > CATALOG.most:  # what a command is about to write is refused as the file would be
            raise InputError([too_large(path, data, len(data), written=True)])
        return data
    try:
        return read_within(path, CATALOG)
    except Beyond:
        with path.open("rb") as stream:
            head = stream.read(CATALOG.most)
            size = max(os.fstat(stream.fileno()).st_size, len(head) + 1)
        raise InputError([too_large(path, head, size)]) from None
    except OSError as exc:
        raise InputError([problem(path, None, f"cannot read this catalog: {exc.strerror}",
                                  "make it a readable file")]) from None


def too_large(path: Path, data: bytes, size: int, written: bool = False, coming: int = 0) -> Problem:
    """The refusal of the catalog at `path` holding `size` bytes, beyond CATALOG (`written`: that a command was
    about to write and did not), read from `data`, its bytes or their start, with the hint that says what fills
    it (breaks-8 #14, #15): its obsolete entries (`#~`) when dropping them brings it within the bound; else its
    references (`#:`), which repeat a content file's path at every entry, when paths of COMMON_PATH characters
    would; else the paper's own text, too long for one catalog. `coming`: the bytes its untranslated entries'
    translations are likely to add, which take it beyond CATALOG: then a warning that it will be, not a
    refusal."""
    share = size / max(len(data), 1)  # a file read in part: its start taken for the whole
    excess = size + coming - CATALOG.most
    obsolete = 0
    paths: Counter = Counter()  # how often each path is referred to
    for line in data.split(b"\n"):
        if line.startswith(b"#~"):
            obsolete += len(line) + 1
        elif line.startswith(b"#:"):
            paths.update(place.rpartition(b":")[0] for place in line[2:].split())
    saved = {path: times * max(0, len(path) - COMMON_PATH) for path, times in paths.items()}  # by shorter paths
    held = size_held(size, CATALOG.most)
    said = (beyond(f"`{path.name}`", held, CATALOG, verb="would hold") + ": it was not written, the catalog on "
            "disk is as it was") if written else beyond(f"`{path.name}`", held, CATALOG)
    if coming:
        said = (f"`{path.name}` holds {held}, and the translations of its untranslated entries will add some "
                f"{size_held(coming, 0)} (as many bytes as their English): " +
                beyond("translated, it", f"some {size_held(size + coming, CATALOG.most)}", CATALOG,
                       verb="would hold") + ", and no command would read it")
    if obsolete * share >= excess:
        hint = (f"drop its obsolete entries (`#~`, {size_held(int(obsolete * share), 0)} of it), e.g. with GNU "
                "gettext's `msgattrib --no-obsolete`, and keep one catalog per document")
    elif sum(saved.values()) * share >= excess:
        longest = max(saved, key=saved.__getitem__).decode("utf-8", "replace").strip("\u2068\u2069")
        hint = (f"its references (`#:`) repeat a content file's path at every entry it holds, "
                f"{size_held(int(sum(saved.values()) * share), 0)} more than paths of {COMMON_PATH} characters "
                f"would: give `{longest}` ({len(longest):,} characters) a shorter path (rename the file or its "
                "folders, and its name under `files:` in document.yaml)")
    else:
        hint = ("the paper's text is too long to translate in one catalog: make a long annex or chapter a "
                "document of its own (a `type: document` part, translated in its own folder)")
    return replace(problem(path, None, said, hint), severity="warning" if coming else "error")


@lru_cache(maxsize=4)
def _kept(path: Path, lang: str | None, data: bytes) -> ContentCatalog:
    return _parsed(path, lang, data)


def _parsed(path: Path, lang: str | None, data: bytes) -> ContentCatalog:
    """The catalog read from `data`, the bytes of the file at `path` (see `read_catalog`), a copy of the one kept
    in the per-user cache for them when there is one (`cached.kept`: babel's parser, and the email package it
    imports to read the header, spared in a fresh process)."""
    from .cached import code, kept

    return kept("catalog", (path, lang, hashlib.sha1(data).hexdigest()), lambda: _read(path, lang, data),
                code())


def _read(path: Path, lang: str | None, data: bytes) -> ContentCatalog:
    """The catalog read from `data`, the bytes of the file at `path`, with babel's parser and ours."""
    text = _decoded(path, data).replace("\r\n", "\n").replace("\r", "\n")  # any line ends, as gettext reads them
    lines = text.split("\n")
    found = [problem(path, line, f"a {what} in this catalog", CHARACTER_HINT, col) for line, col, what in refused(text)
             if not _location_isolate(lines[line - 1], col)]
    if found:
        raise InputError(found)
    catalog = ContentCatalog(path, locale=lang)
    parser = _StrictParser(catalog, path, lines)
    try:
        parser.parse(lines)
    except (PoFileError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        message = str(exc).rsplit(" on ", 1)[0] if isinstance(exc, PoFileError) else str(exc)
        raise InputError([*parser.problems, problem(path, line + 1 if line is not None else None,
                                                    f"cannot read this catalog: {message}", HINT)]) from None
    found = parser.problems + _charset_problems(path, text, catalog.charset) + _placed_language(path, lines)
    if found:
        raise InputError(found)
    _blank_is_untranslated(catalog)
    return previous_ids(catalog)


def bounded(path: Path, catalog: ContentCatalog) -> ContentCatalog:
    """`catalog`, a document's content catalog read from `path` for its paper (its translations parsed as Markdown:
    `pipeline.assessed`, `check_catalogs`), its `[` within BRACKETS as a paper's content files are held
    (`sources.content.BRACKETS`: each `[` of a text the Markdown reader reads may open a link, which it scans the
    text after; a catalog at its 8 MB bound holds 2.8 million). A catalog read as a translation memory, whose entries are
    not parsed but copied (and then bounded in the paper's catalog), is not held to it.

    Raises InputError at the translation that brings the count beyond BRACKETS."""
    found = _brackets(path, catalog)
    if found:
        raise InputError(found)
    return catalog


def _brackets(path: Path, catalog: Catalog) -> list[Problem]:
    """A problem at the translation that brings the `[` of the catalog's translations beyond BRACKETS (`bounded`)."""
    held = 0
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple | list) else (message.string or "",)
        held += sum(text.count("[") for text in strings)
        if held > BRACKETS:
            return [problem(path, message.lineno, f"with this translation the catalog's translations hold more than "
                            f"{BRACKETS:,} `[` (each may open a link, reference, image or footnote mark, which the "
                            "Markdown reader scans the text after), more than a paper's content files may",
                            "translate the text's own brackets only, as the source writes them")]
    return []


def _location_isolate(line: str, col: int) -> bool:
    """Whether the character at 1-based `col` of `line` is the U+2068 FIRST STRONG ISOLATE or U+2069 POP DIRECTIONAL
    ISOLATE that GNU gettext (0.20+) and babel wrap a `#:` reference's file name holding a space in: allowed there,
    and only there (babel's reader takes them off, refusing them unpaired), as every other refused character."""
    return line.startswith("#:") and line[col - 1] in "\u2068\u2069"


def check_catalogs(spec) -> None:
    """Read every content catalog a document has (a `DocumentSpec`): InputError with the problems of all of them."""
    found: list[Problem] = []
    for lang in spec.languages:
        path = po_path(spec.folder, lang)
        try:
            if lang != spec.source and place_inside(spec.folder, path, f"the {lang} catalog"):
                bounded(path, read_catalog(path, lang))
        except InputError as exc:
            found += exc.problems
    if found:
        raise InputError(found)
