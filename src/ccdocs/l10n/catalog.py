"""The toolkit's own strings in one language, read from locales/<lang>/LC_MESSAGES/ccdocs.po.

A translation is held to its msgid's `{fields}` (the toolkit formats it with them: `page {page}`): it may name
only fields the msgid has, each written as the msgid writes it (no format spec, conversion, attribute or index of
its own), and must keep each of them but a marker's annex number (`MAY_LEAVE_OUT`), or the catalog is refused at
the msgstr's line. The messages of the toolkit's template
(`locales/ccdocs.pot`) a catalog leaves untranslated would print in English: `untranslated` names each at its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from string import Formatter
from types import MappingProxyType

from ..errors import InputError, Problem, problem
from ..resources import package_locales
from ..sources.memo import signature

DOMAIN = "ccdocs"
SOURCE = "en"  # the language the toolkit's msgids are written in (locales/ccdocs.pot): its catalog translates none


def default_locales_dir() -> Path:
    """The toolkit's `locales/` folder: the repository's top-level one, installed as `ccdocs.locales`."""
    return package_locales()


def po_path(lang: str, locales_dir: Path | str | None = None) -> Path:
    """The .po file of a language under locales_dir (default: the `locales/` of the language's profile, found as
    l10n.language finds it; the toolkit's when it has none)."""
    if locales_dir is None:
        from .language import profile_path

        profile = profile_path(lang)
        locales_dir = profile.parent.parent if profile is not None else default_locales_dir()
    return Path(locales_dir) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


FIELDS_HINT = "write each of the msgid's {fields} as it writes them, and no others"
# The fields a translation may leave out, by msgid: a marker's annex number (French `[Fin de l'annexe et du document]`:
# the marker stands at the annex's end, whose heading prints the number). Every other field is what the message
# prints of the paper (a reference's number, a heading's title, a table's source, a page): left out, it is lost.
MAY_LEAVE_OUT = MappingProxyType({"[End of Annex {number} and of document]": frozenset({"{number}"}),
                                  "[Annex {number} follows]": frozenset({"{number}"})})


def field_problems(msgid: str, msgstr: str) -> list[str]:
    """What is wrong with the `{fields}` of the translation `msgstr` of `msgid` (str.format's syntax): a field the
    msgid has not, or one written otherwise (a format spec, a conversion, an attribute or an index of its own:
    `{page:>9}`, `{page!r}`, `{page.real}`), braces str.format cannot read, or a field of the msgid it leaves out
    (but those of `MAY_LEAVE_OUT`).

    >>> field_problems("page {page}", "paĝo {page} {page.__class__} {pagex:>9}")
    ['the translation has `{page.__class__}`, `{pagex:>9}`: the msgid has `{page}`']
    >>> field_problems("paragraph {number}", "the paragraph above")
    ['the translation leaves out `{number}`: there ccdocs prints what the paper holds (a number, a title, a page)']
    >>> field_problems("[End of Annex {number} and of document]", "[Fin de l’annexe et du document]")
    []
    >>> field_problems("n/a", "s.o.")
    []
    """
    own = _fields(msgid)
    if own is None:
        return []
    written = _fields(msgstr)
    if written is None:
        return ([f"the translation's braces are not fields str.format reads (the msgid has "
                 f"{', '.join(f'`{f}`' for f in own) or 'none'}; write a brace as {{{{ or }}}})"]
                if own or "{" in msgid or "}" in msgid else [])
    foreign = list(dict.fromkeys(field for field in written if field not in own))
    left_out = [field for field in dict.fromkeys(own) if field not in written
                and field not in MAY_LEAVE_OUT.get(msgid, ())]
    found = [f"the translation has {', '.join(f'`{f}`' for f in foreign)}: the msgid has "
             f"{', '.join(f'`{f}`' for f in own) or 'no fields'}"] if foreign else []
    if left_out:
        found.append(f"the translation leaves out {', '.join(f'`{f}`' for f in left_out)}: there ccdocs prints what "
                     "the paper holds (a number, a title, a page)")
    return found


def _fields(text: str) -> list[str] | None:
    """Each `{field}` of `text` as written (name, conversion, spec), in order; None when str.format cannot read it."""
    try:
        return [f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                for _, name, spec, conversion in Formatter().parse(text) if name is not None]
    except ValueError:
        return None


def template_messages() -> tuple[tuple[str | None, str], ...]:
    """(context, msgid) of every message of the toolkit's template, `locales/ccdocs.pot` (read once while it is
    unchanged)."""
    path = package_locales() / f"{DOMAIN}.pot"
    return _template(path, signature(path))


@lru_cache(maxsize=2)
def _template(path: Path, version: tuple | None) -> tuple[tuple[str | None, str], ...]:
    from ..i18n.catalogs import read_catalog

    return tuple((m.context, m.id) for m in read_catalog(path) if m.id and not m.pluralizable)


class Catalog:
    """Translations of one language; a msgid without a usable translation stands for itself."""

    def __init__(self, lang: str, translations: Mapping[tuple[str | None, str], str], path: Path | None = None,
                 lines: Mapping[tuple[str | None, str], int] | None = None):
        """Keep (context, msgid) → translation; only non-empty, non-fuzzy ones belong here. `lines`: (context,
        msgid) → line of the entry in `path`, for every entry the file has."""
        self.lang = lang
        self.path = path
        self._translations = MappingProxyType(dict(translations))
        self._lines = MappingProxyType(dict(lines or {}))

    @classmethod
    def load(cls, lang: str, locales_dir: Path | str | None = None) -> Catalog:
        """Read locales/<lang>/LC_MESSAGES/ccdocs.po strictly (as a document's catalogs are read: a slip is an
        InputError at its line, never text lost); a missing file raises FileNotFoundError, but for a language with
        a profile (l10n.language) an InputError at the profile.

        Read once per process while the file is the same (its path and `sources.memo.signature`: device, inode,
        size, modification and change times):
        a build asks for a language's catalog several times; a catalog is never changed once read."""
        from .language import find_language, profile_path

        if locales_dir is None and profile_path(lang) is not None:
            locales_dir = find_language(lang).locales_dir
        path = po_path(lang, locales_dir)
        if not path.is_file():
            raise FileNotFoundError(path)
        return _read(cls, lang, path, signature(path))

    @classmethod
    def read(cls, lang: str, path: Path) -> Catalog:
        """The catalog of `lang` in the file `path`, read and checked now (see `load`)."""
        from ..i18n.catalogs import read_catalog

        po = read_catalog(path)
        translations: dict[tuple[str | None, str], str] = {}
        lines: dict[tuple[str | None, str], int] = {}
        found: list[Problem] = []
        for message in po:
            if not message.id or message.pluralizable:
                continue
            lines[(message.context, message.id)] = message.lineno
            if message.fuzzy or not isinstance(message.string, str) or not message.string:
                continue
            where = po.where(message)
            found += [problem(path, where[1] if where else message.lineno, text, FIELDS_HINT)
                      for text in field_problems(message.id, message.string)]
            translations[(message.context, message.id)] = message.string
        if found:
            raise InputError(found)
        return cls(lang, translations, path, lines)

    def translates(self, msgid: str, context: str | None = None) -> bool:
        """Whether the catalog holds a translation of msgid (not empty, not fuzzy)."""
        return (context, msgid) in self._translations

    def gettext(self, msgid: str, context: str | None = None) -> str:
        """The translation of msgid, or msgid itself when there is none (or it is empty or fuzzy)."""
        return self._translations.get((context, msgid), msgid)

    def format(self, msgid: str, context: str | None = None, **kw: object) -> str:
        """gettext, then str.format(**kw): format('page {page}', page=2) → '第 2 页' in zh."""
        return self.gettext(msgid, context).format(**kw)

    def missing(self, msgids: Iterable[str], context: str | None = None) -> list[str]:
        """The msgids (in the order given) that have no translation in this catalog."""
        return [msgid for msgid in msgids if (context, msgid) not in self._translations]

    def untranslated(self, severity: str = "error") -> list[Problem]:
        """A Problem of `severity` for each message of the toolkit's template this catalog leaves untranslated
        (empty, fuzzy or absent: it would print in English), at its entry's line (absent: at the file); none
        for the toolkit's source language or a catalog not read from a file."""
        if self.lang == SOURCE or self.path is None:
            return []
        found = []
        for context, msgid in template_messages():
            if (context, msgid) in self._translations:
                continue
            line = self._lines.get((context, msgid))
            found.append(replace(problem(
                self.path, line, f"the toolkit message `{msgid}` is not translated: a paper in {self.lang} would "
                f"print it in English" + ("" if line else " (the catalog has no entry for it)"),
                "translate it" if line else "add its entry from the toolkit's locales/ccdocs.pot (`pybabel "
                "update`) and translate it"), severity=severity))
        return found

    def __repr__(self) -> str:
        """Show the language, the file and the number of translations."""
        return f"Catalog({self.lang!r}, {len(self._translations)} translations, path={self.path!s})"


@lru_cache(maxsize=8)
def _read(cls: type, lang: str, path: Path, version: tuple | None) -> Catalog:
    """`cls.read(lang, path)` while the file is `version` (`Catalog.load`)."""
    return cls.read(lang, path)
