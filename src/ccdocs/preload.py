"""What the parent of a build does once for the workers it forks later: the profiles and toolkit catalogs of the
jobs' languages read, the fonts of the jobs registered, the CLDR data of their languages read, the line setting's
first-use state made.

Each write of `build.build` runs in a worker forked from the parent; a face the parent has registered with reportlab
is inherited (`writers.pdf.faces.registered` finds it under its name), where each worker would otherwise read the
face cache again (about a tenth of a second for the sample's Chinese faces, in the PDF write and again in the DOCX
write that measures its tables); so is what babel has read of a locale (each write's figures would read it again).
The parent does both while the first workers make the models (`workers.run_all`'s `prepare`).
"""

from __future__ import annotations

from .errors import InputError
from .l10n.fonts import ROLES


def read_languages(languages) -> None:
    """Read in this process the profile and the toolkit catalog of each language, which every model job of that
    language reads first (`pipeline.resolve`): read once before the model workers are forked, not once in each
    (their first read parses YAML and, through babel's PO reader, imports the email package: about 0.1 s a
    worker). Both are kept per process, keyed by their files (`l10n.language`, `l10n.catalog`); a language whose
    profile or catalog has problems is left for its job, which refuses it."""
    from .l10n.catalog import Catalog
    from .l10n.language import find_language

    for lang in languages:
        try:
            Catalog.load(lang, find_language(lang).locales_dir)
        except (InputError, FileNotFoundError):
            continue


def register_fonts(pairs) -> None:
    """Register in this process, for each (Theme, language) of `pairs`, the face of each role its writes set text in
    (`roles`); a face that cannot be found or read, or a language whose profile has problems, is left for the job
    that needs it, which refuses it at the theme's (or the profile's) line."""
    from .l10n.language import find_language
    from .writers.pdf.faces import FontSet

    for theme, lang in pairs:
        faces = FontSet(theme, lang)
        try:
            script = find_language(lang).script
        except InputError:
            continue
        for role in roles(script):
            try:
                faces.face(role)
            except InputError:
                continue


def roles(script) -> tuple[str, ...]:
    """The font roles a document in a language of `script` (`l10n.language.Script`) sets its text in: the Latin
    faces, the Chinese ones for an East Asian script, the Arabic ones for a right-to-left script. A text of another
    script (a Chinese name in an English paper) finds its face in the worker that meets it, which registers it
    there: the same face, read from the same cache, only later. The Chinese faces are the costly ones (about 80 ms
    of the parent's time before the first PDF write can start, for a build in no East Asian language)."""
    wanted = ["latin_"]
    if script.east_asian:
        wanted.append("zh_")
    if script.direction == "rtl":
        wanted.append("arabic_")
    return tuple(role for role in ROLES if role.startswith(tuple(wanted)))


def read_locale_data(languages) -> None:
    """Read in this process the CLDR data of each language's babel locale (babel keeps what it read per process),
    which the writers' figures, dates and currency names ask for in each worker forked later; a language whose
    profile has problems is left for its job, which refuses it."""
    from babel import localedata

    from .l10n.dates import babel_locale

    for lang in languages:
        try:
            localedata.load(str(babel_locale(lang)))  # from l10n.cldr's cache entry, given babel as the profile was read
        except InputError:
            continue


def ready_line_setting(languages) -> None:
    """Make in this process what the PDF's line setting makes on its first text, which each write worker (the PDF
    writes, and the DOCX writes measuring their tables with it) would otherwise make again: the regex telling a
    text that holds CJK characters (`writers.pdf.cjk.cjk_char`, ~10 ms) and, when a language is set in an East
    Asian script, the line-breaking classes (`l10n.uax14`: ~0.2 ms from the per-user cache, else uniseg imported,
    ~35 ms). A language whose
    profile has problems is left for its job."""
    from .l10n.language import find_language
    from .writers.pdf.cjk import cjk_char, line_break

    cjk_char()
    for lang in languages:
        try:
            east_asian = find_language(lang).script.east_asian
        except InputError:
            continue
        if east_asian:
            line_break("\u4e00")
            return
