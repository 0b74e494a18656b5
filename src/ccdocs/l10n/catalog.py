"""The toolkit's own strings in one language, read from locales/<lang>/LC_MESSAGES/ccdocs.po."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType


from ..resources import package_locales

DOMAIN = "ccdocs"


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


class Catalog:
    """Translations of one language; a msgid without a usable translation stands for itself."""

    def __init__(self, lang: str, translations: Mapping[tuple[str | None, str], str], path: Path | None = None):
        """Keep (context, msgid) → translation; only non-empty, non-fuzzy ones belong here."""
        self.lang = lang
        self.path = path
        self._translations = MappingProxyType(dict(translations))

    @classmethod
    def load(cls, lang: str, locales_dir: Path | str | None = None) -> Catalog:
        """Read locales/<lang>/LC_MESSAGES/ccdocs.po strictly (as a document's catalogs are read: a slip is an
        InputError at its line, never text lost); a missing file raises FileNotFoundError, but for a language with
        a profile (l10n.language) an InputError at the profile."""
        from ..i18n.catalogs import read_catalog
        from .language import find_language, profile_path

        if locales_dir is None and profile_path(lang) is not None:
            locales_dir = find_language(lang).locales_dir
        path = po_path(lang, locales_dir)
        if not path.is_file():
            raise FileNotFoundError(path)
        po = read_catalog(path)
        translations: dict[tuple[str | None, str], str] = {}
        for message in po:
            if not message.id or message.fuzzy or message.pluralizable:
                continue
            if isinstance(message.string, str) and message.string:
                translations[(message.context, message.id)] = message.string
        return cls(lang, translations, path)

    def gettext(self, msgid: str, context: str | None = None) -> str:
        """The translation of msgid, or msgid itself when there is none (or it is empty or fuzzy)."""
        return self._translations.get((context, msgid), msgid)

    def format(self, msgid: str, context: str | None = None, **kw: object) -> str:
        """gettext, then str.format(**kw): format('page {page}', page=2) → '第 2 页' in zh."""
        return self.gettext(msgid, context).format(**kw)

    def missing(self, msgids: Iterable[str], context: str | None = None) -> list[str]:
        """The msgids (in the order given) that have no translation in this catalog."""
        return [msgid for msgid in msgids if (context, msgid) not in self._translations]

    def __repr__(self) -> str:
        """Show the language, the file and the number of translations."""
        return f"Catalog({self.lang!r}, {len(self._translations)} translations, path={self.path!s})"
