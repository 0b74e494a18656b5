"""A document's content catalogs: `DOC_DIR/locales/<lang>/LC_MESSAGES/content.po`, read with babel."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, unescape

from ..errors import InputError, problem

DOMAIN = "content"
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def po_path(folder: Path, lang: str) -> Path:
    """Where the content catalog of `lang` lives in a document folder."""
    return folder / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(folder: Path) -> Path:
    """Where the extracted template of the source content lives."""
    return folder / "locales" / f"{DOMAIN}.pot"


def previous_ids(catalog: Catalog) -> Catalog:
    """Give back the previous msgids (`#| msgid "…"`) that babel's read_po leaves as translator comments.

    babel writes `#|` lines (write_po's include_previous) but reads them as comments starting with `|`
    (python-babel/babel#206). Each such comment of a message becomes its `previous_id` again: the quoted
    strings after `msgid` (and `msgid_plural`), joined and unescaped with babel's own `unescape`.
    """
    for message in [*catalog, *catalog.obsolete.values()]:
        lines = [comment[1:].strip() for comment in message.user_comments if comment.startswith("|")]
        if not lines:
            continue
        message.user_comments = [comment for comment in message.user_comments if not comment.startswith("|")]
        strings: list[list[str]] = []
        current = None
        for line in lines:
            keyword = line.split(" ", 1)[0]
            if keyword in ("msgid", "msgid_plural"):
                current = []
                strings.append(current)
            elif keyword == "msgctxt":
                current = None
            if current is not None:
                current.extend(unescape(piece) for piece in QUOTED.findall(line))
        message.previous_id = ["".join(parts) for parts in strings]
    return catalog


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """A .po or .pot file as a babel Catalog, previous msgids included; a syntax error names the file and line."""
    try:
        with path.open("rb") as handle:
            return previous_ids(read_po(handle, locale=lang, abort_invalid=True))
    except Exception as exc:  # babel raises PoFileError and ValueError subclasses
        line = getattr(exc, "lineno", None)
        raise InputError([problem(path, line, f"cannot read this catalog: {exc}",
                                  "fix the .po syntax, or regenerate it with `ccdocs i18n update`")])

