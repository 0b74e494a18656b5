"""The cover fields of a document in one language, as they will be printed."""

from __future__ import annotations

from .l10n.catalog import Catalog
from .l10n.dates import place_and_dates
from .l10n.formats import Formats
from .l10n.session import session_runs
from .errors import InputError, display_path
from .l10n.numerals import highest
from .model import Meta, Source
from .sources.spec import DocumentSpec

BODY_NAMES = {
    "coordination-committee": "WIPO Coordination Committee",
    "program-and-budget-committee": "Program and Budget Committee",
    "general-assembly": "WIPO General Assembly",
}
AUTHORS = {"secretariat": "prepared by the Secretariat"}
COVER_KEYS = {"title": ("title",), "author": ("author",), "place_dates": ("venue",), "body": ("body",),
              "session": ("session",), "symbol": ("symbol",), "date": ("date",), "original": ("original",)}


def text_for(value, lang: str, source: str, catalog: Catalog) -> str:
    """A document text in `lang`: its own entry, a catalog translation, or the one in the keyed language `source`."""
    if isinstance(value, dict):
        return value.get(lang) or value[source]
    return catalog.gettext(AUTHORS.get(value, value))


def build_meta(spec: DocumentSpec, catalog: Catalog, formats: Formats) -> Meta:
    """The Meta of `spec` in the language of `formats`, whose profile gives the cover's letter, forms and the
    original's name; its ORIGINAL line names `original:` (printed), whatever `source:` (keyed) is."""
    profile = formats.language
    lang = profile.code
    _check_session_numbers(spec, profile)
    _check_cover_texts(spec, catalog, lang)
    venue = text_for(spec.venue, lang, spec.source, catalog)
    return Meta(
        lang=lang,
        language_letter=profile.letter,
        symbol=spec.full_symbol,
        original=catalog.format("Original: {language}", language=profile.name_of(spec.original)),
        date=catalog.format("Date: {date}", date=formats.date(spec.date)),
        body=catalog.gettext(BODY_NAMES[spec.body]),
        session_runs=tuple(session_runs(spec.session_number, profile, ordinary=spec.ordinary,
                                         extraordinary=spec.extraordinary)),
        place_dates=place_and_dates(venue, spec.first_day, spec.last_day, profile),
        title=text_for(spec.title, lang, spec.source, catalog),
        author=text_for(spec.author, lang, spec.source, catalog),
        kind=spec.kind,
        locale_tag=profile.tag,
        page_word=catalog.gettext("page {page}"),
        issued=spec.date.isoformat(),
        sources=cover_sources(spec, lang),
        language=profile,
    )


def _check_session_numbers(spec: DocumentSpec, profile) -> None:
    """Refuse, at its document.yaml line, a session number or count above the highest the language's session
    form can write (Arabic ordinal words go to 199); InputError."""
    form = profile.session
    problems = [spec.yaml.problem(("session", key), f"`session.{key}` is {value}: the {profile.code} cover spells it "
                                  f"in `{style}` numbering, which goes up to {highest(style)}",
                                  f"check the number, or leave {profile.code} out of `languages:`")
                for key, value, style in (("number", spec.session_number, form.number),
                                          ("ordinary", spec.ordinary, form.count),
                                          ("extraordinary", spec.extraordinary, form.count))
                if value is not None and highest(style) is not None and value > highest(style)]
    if problems:
        raise InputError(problems)


def _check_cover_texts(spec: DocumentSpec, catalog: Catalog, lang: str) -> None:
    """Refuse, at its document.yaml line, a `venue` or `author` given as one text (not `{en: …, zh: …}`) that the
    toolkit catalog of `lang` does not translate, in a language neither English (the catalog's msgids are English)
    nor the one the document is keyed in: the cover would print it as written, in another language, without a word
    (`venue: New York` on the Chinese cover); InputError."""
    if lang in ("en", spec.source):
        return
    problems = [spec.yaml.problem((key,), f"`{key}: {value}` has no {lang} translation in ccdocs's catalog: the "
                                  f"{lang} cover would print it as written",
                                  f"give it in each language: `{key}: {{{spec.source}: {value}, {lang}: …}}`")
                for key, value in (("venue", spec.venue), ("author", spec.author))
                if isinstance(value, str) and not catalog.translates(AUTHORS.get(value, value))]
    if problems:
        raise InputError(problems)


def cover_sources(spec: DocumentSpec, lang: str) -> tuple:
    """(field, Source) of each cover field: the document.yaml line of the key it is made from."""
    path = display_path(spec.yaml.path)
    return tuple((name, Source(path, spec.yaml.where(*keys, lang)[0])) for name, keys in COVER_KEYS.items())
