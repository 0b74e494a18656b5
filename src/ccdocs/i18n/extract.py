"""The template of a document's source content: every segment and table text as a babel message."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, time, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import generate_po, normalize, write_po

from ..errors import InputError, display_path
from ..output import write_all
from ..source_date import source_date
from ..sources.bounds import CATALOG
from ..tables.texts import translatable_texts
from ..tables.texts import figure_values, reads_alike, shown_texts, table_texts
from .catalogs import DOMAIN, PREVIOUS_CONTEXT, bounded, shared_catalog, staged, too_large
from .segments import Segment, extract

UNWRAPPED = 1 << 30
DATA = "data"  # the msgctxt of table texts (headings, notes, row labels), the kind of their segments


def content_files(sources) -> list[tuple[Path, str]]:
    """Each content file of the parts as (path, text), in document order."""
    return [(path, sources.texts[path]) for part in sources.spec.parts for path in part.files
            if path in sources.texts]


def document_segments(sources) -> list[Segment]:
    """Every translatable unit: the content files' segments in document order, then the tables' texts and the
    data's texts the content's figures print (`tables.texts.shown_texts`)."""
    found = [segment for path, text in content_files(sources) for segment in extract(text, display_path(path))]
    found += [Segment(text, file, line, line, DATA) for text, file, line in
                translatable_texts(sources.spec, sources.data, figure_texts(sources))]
    return found


def figure_texts(sources) -> list[tuple[str, str, int]]:
    """The data's texts the content files print through a figure naming one value, as (text, file, line)."""
    return shown_texts(dict(content_files(sources)), figure_values(sources.spec, sources.data))


def table_keys(sources) -> frozenset:
    """The (msgid, msgctxt) of every table text a build looks up, the toolkit's words included, and of every data
    text a figure prints: an entry for one of them, added to a catalog by hand, is kept by `i18n update`
    (`update.merge`)."""
    return frozenset((text, DATA) for text, _, _ in table_texts(sources.spec, sources.data) + figure_texts(sources))


def context(segment: Segment) -> str | None:
    """The msgctxt of a segment's message: "data" for a table text, none for content."""
    return DATA if segment.kind == DATA else None


def stamp(spec) -> datetime:
    """The catalogs' dates: SOURCE_DATE_EPOCH when set, else the document's own date (no clock time)."""
    return source_date() or datetime.combine(spec.date, time(), timezone.utc)


def comment(segment: Segment, place: str) -> str:
    """The extracted comment a translator sees: the kind and where it prints (`paragraph: report ¶12`)."""
    alike = "; it reads the same in every language: left empty, it prints as written"
    if segment.kind == DATA and segment.file.endswith(".md"):  # a figure's text (`figure_texts`)
        return "data text a figure `{{ … }}` prints here, and wherever a table prints it"
    if segment.kind == DATA:
        return "table text (a heading, note, source or row label)" + (alike if reads_alike(segment.msgid) else "")
    shown = place if place.startswith(segment.kind) else f"{segment.kind}: {place}"
    return shown + (alike if segment.kind == "cell" and reads_alike(segment.msgid) else "")


def location(folder: Path, file: str) -> str:
    """A content or data file as the catalog names it: relative to the document folder."""
    try:
        return Path(file).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return file


def template(sources, place: Callable[[Segment], str]) -> Catalog:
    """The .pot of a document: each segment once, with every (file, line) it stands at and its place."""
    spec = sources.spec
    when = stamp(spec)
    catalog = Catalog(domain=DOMAIN, project=spec.symbol, version=spec.date.isoformat(), creation_date=when,
                      revision_date=when, charset="utf-8", fuzzy=True,
                      header_comment=f"# The content of {spec.symbol} ({spec.source}), to be translated.\n"
                                     "# Written by `ccdocs i18n extract`; merged into each language by "
                                     "`ccdocs i18n update`.")
    # Each entry added once with its places and comments, in order, each once (as babel merges them): babel
    # merges an entry added again in time growing with its places (20,000 places took `i18n update` 34 s)
    entries: dict[tuple, tuple[dict, dict]] = {}
    for segment in document_segments(sources):
        places, comments = entries.setdefault((segment.msgid, context(segment)), ({}, {}))
        places[(location(spec.folder, segment.file), segment.line)] = None
        comments[comment(segment, place(segment))] = None
    for (msgid, found_in), (places, comments) in entries.items():
        catalog.add(msgid, locations=list(places), auto_comments=list(comments), context=found_in)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    """A catalog as .po text: lines never wrapped, previous msgids kept (`#|`), obsolete entries at the end with
    their flags and previous msgids (`_obsolete_text`).

    The width is "never" rather than 0: with 0, babel still wraps comments at 76 columns, and a wrapped
    `#| msgid` loses the spaces at its breaks.
    """
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=UNWRAPPED, include_previous=True, ignore_obsolete=True)
    buffer.write(_obsolete_text(catalog).encode(catalog.charset, "backslashreplace"))  # as write_po encodes
    return buffer.getvalue()


def _obsolete_text(catalog: Catalog) -> str:
    """The obsolete entries of `catalog` as GNU `msgmerge --previous` writes them: translator comments, flags
    (`#, fuzzy`), the previous msgctxt and msgid (`#~| msgctxt "…"`, `#~| msgid "…"`), then the entry's
    `#~ msgctxt`, `#~ msgid`, `#~ msgstr`. babel's writer
    gives an obsolete entry neither flags nor previous msgid, so a fuzzy translation made obsolete came back final
    when its English returned. Each entry is written by babel as an active one (its quoting and line breaks), its
    message lines then marked obsolete (`#~ `, `#|` → `#~|`); locations and extracted comments left out, as babel
    and msgmerge leave them out of obsolete entries."""
    shown = Catalog(locale=catalog.locale, charset=catalog.charset)
    contexts = []  # each entry's previous msgctxt, in the order babel writes the entries
    for message in catalog.obsolete.values():
        shown[message.id] = Message(message.id, message.string, flags=message.flags, previous_id=message.previous_id,
                                    user_comments=message.user_comments, context=message.context)
        contexts.append(getattr(message, PREVIOUS_CONTEXT, None))
    pieces = generate_po(shown, omit_header=True, no_location=True, include_previous=True, width=UNWRAPPED)
    lines = []
    entry = 0   # the entry the lines belong to: each has one `msgid` line, after its `#|` lines
    for line in "".join(pieces).split("\n"):  # a PO file's only line end (a text's U+2028 is no line end to gettext)
        if line.startswith("#| msgid ") and contexts[entry] is not None:   # quoted as babel quotes a previous msgid
            lines.append(f"#| msgctxt {' '.join(normalize(contexts[entry], width=UNWRAPPED).split(chr(10)))}")
        entry += line.startswith("msgid ")
        lines.append(line)
    return "\n".join(map(_obsolete_line, lines))


def _obsolete_line(line: str) -> str:
    """A line babel writes for an active entry as it stands in an obsolete one: a message line (`msgid …`, `"…"`)
    after `#~ `, a previous msgid's `#| …` as `#~| …`, a comment, a flag line or the blank line after an entry as
    it is."""
    if line.startswith("#|"):
        return f"#~{line[1:]}"
    return line if not line or line.startswith("#") else f"#~ {line}"


def write_catalog(catalog: Catalog, path: Path, folder: Path | None = None) -> None:
    """Write a catalog to `path` (its folders made), replacing the file whole. `folder`: the document folder it is
    a place of (every command gives it): InputError when a link on the way leads out of it (`within.place_inside`),
    nothing written. As `write_catalogs`: refused, unwritten, beyond the bound every reader keeps to."""
    write_catalogs({path: catalog}, folder)


def write_catalogs(catalogs: dict[Path, Catalog], folder: Path | None = None) -> dict[Path, bytes]:
    """Write each catalog to its path, all or none (`output.write_all`); `folder` as `write_catalog`'s.

    The bytes are measured against `sources.bounds.CATALOG` before anything is written, and a language's catalog
    is read from them as a build reads it (`catalogs.staged`, `shared_catalog`, `bounded`: the `[` its
    translations may hold, which a memory's can pass): a catalog refused there would be refused by every command
    reading it after (build, check, stats, export, the next update or import), its translations in a file no
    command reads (breaks-8 #15: `i18n update` wrote an 8.8 MB catalog, then its own note read it back and said
    "nothing was written"). InputError at each such catalog, saying what fills it (`catalogs.too_large`) or where
    it is refused; the catalogs on disk are left as they were. The bytes read are kept (`shared_catalog`), so a
    command reading the catalog after writing it does not parse it again. Returns the bytes written."""
    data = {path: po_bytes(catalog) for path, catalog in catalogs.items()}
    found = [too_large(path, held, len(held), written=True) for path, held in data.items()
             if len(held) > CATALOG.most]
    for path, held in data.items():
        if not found and path.parent.name == "LC_MESSAGES":  # `locales/<lang>/LC_MESSAGES/content.po`
            try:
                with staged(path, held):
                    bounded(path, shared_catalog(path, path.parent.parent.name))
            except InputError as exc:
                found += exc.problems
    if found:
        raise InputError(found)
    write_all(data, inside=folder)
    return data
