"""`ccdocs new`: a complete, buildable document folder from a few options.

The folder holds `document.yaml` (every key filled, or marked `TO CONFIRM` where ccdocs had to guess, the optional
ones written as comments with their defaults, each explained in a YAML comment), a content skeleton whose paragraphs say how the format works (Markdown comments
would print, so the explanations are the text the editor replaces), and an empty `data/` folder.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from ..errors import InputError, UsageError, bracketed, display_path
from ..sources.characters import first_refused
from ..sources.spec import BODIES, BODY_CHAPTER_STYLES, CHAPTER_STYLES, KINDS, LANGUAGES, SYMBOL
from .folder import make_folder

# The body a symbol's second segment names (WO/CC/… is the Coordination Committee).
BODY_CODES = {"CC": "coordination-committee", "PBC": "program-and-budget-committee", "GA": "general-assembly"}
CONFIRM = "TO CONFIRM"
# A title to replace, in each language ccdocs ships (a language a templates folder adds gets the English one).
PLACEHOLDER_TITLES = {"en": "Title of the Document", "zh": "文件标题", "fr": "Titre du document",
                      "es": "Título del documento", "ru": "Название документа", "ar": "عنوان الوثيقة"}


@dataclass(frozen=True)
class Options:
    """What `ccdocs new` was told; None where it was not."""

    symbol: str
    kind: str
    body: str | None = None
    session: int | None = None
    ordinary: int | None = None
    extraordinary: int | None = None
    venue: str | None = None
    dates: str | None = None
    date: str | None = None
    languages: tuple[str, ...] = ("en", "zh")
    title: str | None = None


def _text(value: str, option: str) -> str:
    """A text option as a YAML double-quoted scalar; UsageError when empty or holding a refused character."""
    if not value.strip():
        raise UsageError(f"{option} is empty; give a text or leave the option out")
    bad = first_refused(value)
    if bad:
        raise UsageError(f"{option} holds a {bad}; type the text without it")
    return json.dumps(value, ensure_ascii=False)


def _untranslated(venue: str, languages) -> list[str]:
    """The `languages` (but English, the catalogs' msgids' language, and the first, which the text is keyed in)
    whose toolkit catalog does not translate `venue` (meta's cover check refuses such a text)."""
    from ..l10n.catalog import Catalog
    from ..l10n.language import find_language

    return [lang for lang in languages[1:] if lang != "en"
            and not Catalog.load(lang, find_language(lang).locales_dir).translates(venue)]


def option_day(value: str, option: str) -> date:
    """A date given as `option`; UsageError unless it is YYYY-MM-DD, a day that exists."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} `{value}` is not a date; write it as YYYY-MM-DD") from None


DATES_FORM = "FIRST/LAST, e.g. 2026-07-07/2026-07-15, or one day, 2026-07-07"  # how `--dates` is written


def session_dates(value: str) -> tuple[date, date]:
    """`--dates FIRST/LAST` (an ISO 8601 interval) or a single day: the first and last days of the session; a
    UsageError saying how the option is written (`2026-07-07..2026-07-15`, `7-15 July` are not)."""
    first, _, last = value.partition("/")
    try:
        start = date.fromisoformat(first.strip())
        end = date.fromisoformat(last.strip()) if last else start
    except ValueError:
        raise UsageError(f"--dates `{value}` is not the session's days; write {DATES_FORM}") from None
    if end < start:
        raise UsageError(f"--dates `{value}` ends before it begins; write {DATES_FORM}")
    return start, end


def _from_symbol(symbol: str) -> tuple[str | None, int | None]:
    """The body and session number a symbol names: WO/CC/86/INF/1 → (coordination-committee, 86)."""
    parts = symbol.split("/")
    body = BODY_CODES.get(parts[1]) if len(parts) > 1 else None
    number = next((int(p) for p in parts[1:] if p.isdigit()), None)
    return body, number


def check_symbol(symbol: str) -> None:
    """UsageError unless `symbol` (given as --symbol) is a WIPO symbol without a suffix."""
    if not SYMBOL.fullmatch(symbol):
        raise UsageError(f"--symbol `{symbol}` is not a WIPO symbol such as WO/CC/86/INF/1 or WO/PBC/40/5 "
                         "(capital letters and digits between slashes, without a suffix)")


def as_typed(option: str, value: object, told: str = "") -> str:
    """An option as the editor typed it in the shell (`--title 'Annual Report'`), with what ccdocs told from it."""
    return f"{option} {shlex.quote(str(value))}" + (f" ({told})" if told else "")


def document_yaml(o: Options, today: date) -> tuple[str, dict[int, str]]:
    """The text of document.yaml for `o` (validated here: UsageError for a value ccdocs cannot use), and for each
    line holding a value, the option that gave it as typed (`as_typed`; an option not given, named with the
    default written), by line number: a value the document's check refuses is told at the option (`new_folder`)."""
    check_symbol(o.symbol)
    if o.kind not in KINDS:
        raise UsageError(f"--kind {o.kind} is not part of this version yet; the document model knows: "
                         + ", ".join(KINDS))
    guessed_body, guessed_session = _from_symbol(o.symbol)
    body = o.body or guessed_body
    if body is None:
        raise UsageError(f"the body cannot be told from {o.symbol}; give --body ({', '.join(BODIES)})")
    session = o.session or guessed_session
    if session is None:
        raise UsageError(f"the session number cannot be told from {o.symbol}; give --session N")
    if o.ordinary and o.extraordinary:
        raise UsageError("a session is ordinary or extraordinary, not both; give --ordinary or --extraordinary")
    if not o.languages:
        raise UsageError("--languages names no language; give e.g. en,zh")
    signed = option_day(o.date, "--date") if o.date is not None else today
    first, last = session_dates(o.dates) if o.dates is not None else (signed, signed)
    original = o.languages[0]
    which = "ordinary" if o.ordinary else "extraordinary" if o.extraordinary else None
    venue = _text(o.venue, "--venue") if o.venue is not None else "Geneva"
    untranslated = _untranslated(o.venue, o.languages) if o.venue is not None else []
    if untranslated:  # the cover of each such language would print it as typed: a mapping to translate
        venue = "{" + ", ".join(f"{lang}: {venue}" for lang in o.languages) + "}"
    symbol = as_typed("--symbol", o.symbol)
    days = as_typed("--dates", o.dates) if o.dates else as_typed("--date", signed, "the session's days, --dates not "
                                                                                "given") if o.date else None
    languages = as_typed("--languages", ",".join(o.languages))
    rows = [
        (f"symbol: {o.symbol}", "without a suffix", symbol),
        ("# suffix: Rev.", "a revision, corrigendum...: Rev., Corr., Add., Prov. (Rev.2 ...)"),
        (f"body: {body}", ", ".join(BODIES) if o.body else f"{CONFIRM} (told from the symbol)",
         as_typed("--body", o.body) if o.body else as_typed("--symbol", o.symbol, f"the body {body} told from it")),
        ("session:", f"{CONFIRM}: its kind (add `ordinary: N` or `extraordinary: N` under it)"
         if body == "coordination-committee" and not which else None),
        (f"  number: {session}", "counts every session" if o.session else f"{CONFIRM} (told from the symbol)",
         as_typed("--session", o.session) if o.session else as_typed("--symbol", o.symbol, f"the session number "
                                                                                          f"{session} told from it")),
        (f"  {which}: {o.ordinary or o.extraordinary}" if which else "  # ordinary: N",
         "Coordination Committee: ordinary: N or extraordinary: N",
         as_typed(f"--{which}", o.ordinary or o.extraordinary) if which else None),
        (f"venue: {venue}", f"{CONFIRM}: translate it for {', '.join(untranslated)} (ccdocs's catalog does not)"
         if untranslated else "a place ccdocs knows, or {en: ..., zh: ...}" if o.venue else f"{CONFIRM}: a place "
         "ccdocs knows, or {en: ..., zh: ...}", as_typed("--venue", o.venue) if o.venue else "--venue not given "
                                                                                               "(Geneva)"),
        (f"first_day: {first.isoformat()}", "the session's first day" if o.dates else f"{CONFIRM}: the session's "
         "first day (--dates FIRST/LAST)", days or "--dates not given (today)"),
        (f"last_day: {last.isoformat()}", "its last day" if o.dates else f"{CONFIRM}: the session's last day",
         days or "--dates not given (today)"),
        (f"date: {signed.isoformat()}", "the document's date" + ("" if o.date else " (today)"),
         as_typed("--date", o.date) if o.date else "--date not given (today)"),
        (f"original: {original}", "the original printed on the cover; the text is keyed in it (or `source:`)",
         languages),
        (f"# source: {original}", "the language the text is keyed in, when not the original (default: original)"),
        (f"languages: [{', '.join(o.languages)}]", "the languages built" + (
            f"; {', '.join(o.languages[1:])}: a catalog{' each' if o.languages[2:] else ''} to translate, made by "
            f"`ccdocs i18n update DIR --lang {o.languages[1]}` (until then, build with --draft)" if o.languages[1:]
            else ""), languages),
        ("title:", "as printed on the cover, in each language"),
    ]
    for lang in o.languages:
        given = o.title if lang == original else None
        text = _text(given, "--title") if given is not None else json.dumps(
            PLACEHOLDER_TITLES.get(lang, PLACEHOLDER_TITLES["en"]), ensure_ascii=False)
        english = " (a placeholder in English)" if given is None and lang not in PLACEHOLDER_TITLES else ""
        rows.append((f"  {lang}: {text}", None if given is not None else f"{CONFIRM}: write the {lang} title{english}",
                     as_typed("--title", given) if given is not None else f"--title not given (the {lang} title "
                                                                         f"{text}, to replace)"))
    rows += [
        ("author: secretariat", "prepared by the Secretariat; or {en: ..., zh: ...}"),
        (f"kind: {o.kind}", "one of: " + ", ".join(KINDS), as_typed("--kind", o.kind)),
        ("theme: default", "themes/NAME.yaml in ./templates, in --templates DIR, or ccdocs's own"),
        (f"# chapter_style: {BODY_CHAPTER_STYLES.get(body, 'chapter')}", "chapter headings: "
         + ", ".join(CHAPTER_STYLES) + " (default: the body's, as here)"),
        ("parts:", "in print order"),
    ]
    if o.kind == "information":
        rows += [("  - type: cover-note", "the note on the cover page, numbered on its own"),
                 ("    files: [content/cover-note.md]", None)]
    rows += [
        ("  - type: report", "numbered through, one file or several"),
        ("    files: [content/report.md]", None),
        ("  # - type: annex", "an annex: its own title, header and numbering"),
        ("  #   files: [content/annex.md]", None),
        ("# data:", "a name for each CSV or YAML file in data/; in the text:"),
        ("#   workforce: data/workforce.yaml", "{{ workforce.staff | number }}"),
        ("# variables:", "values for the text: {{ period_start | date }}"),
        ("#   period_start: 2025-01-01", None),
        ("# tables:", "filled from a CSV file, placed with ::: table NAME"),
    ]
    head = [f"# {o.symbol}, written by `ccdocs new` on {today.isoformat()}. Every key is explained in",
            "# docs/document-format.md of ccdocs. A value marked TO CONFIRM was guessed: correct it, then delete",
            "# the mark. Paths are relative to this folder and may not leave it.", ""]
    width = max(len(row[0]) for row in rows) + 2
    text = "\n".join(head + [row[0] if not row[1] else f"{row[0]:<{width}}# {row[1]}" for row in rows]) + "\n"
    return text, {number: row[2] for number, row in enumerate(rows, len(head) + 1) if row[2:] and row[2]}


COVER_NOTE = """\
The Secretariat presents this document, {{ doc.symbol }}, to the {{ doc.body }} for its information. This \
cover note prints on the first page, its paragraphs numbered from 1. Replace the text of this file with the \
note's own; keep a blank line between paragraphs.

A figure is bound to the data by writing its name in double braces, as the symbol above is: put a CSV or YAML \
file in the data folder, name it under `data:` in document.yaml, and the build prints its values formatted for \
each language. Figures typed as digits are checked by no one.
"""

REPORT = """\
# Introduction

This is the first paragraph of the report; it prints as paragraph 1, and paragraphs are numbered through the \
whole report. A line that begins with a single hash sign is a chapter heading, labelled as this body's papers \
label chapters (Chapter 1, Chapter 2 … or I., II. …: `chapter_style:` in document.yaml says which); two hash signs \
make a sub-heading without a number.

## How the text is written

Write each paragraph as one block of lines with a blank line after it. A footnote is marked in the text like \
this[^format] and written on a line of its own, anywhere in the file.

- **A list item.** Begins with a dash; a bold lead-in is written between double asterisks.
- **Another item.** Items are not numbered as paragraphs.

[^format]: The whole format, with tables, boxes and key figures, is described in ccdocs's document-format guide \
(docs/document-format.md in ccdocs's source repository).
"""

DECISION = """
::: decision
The {{ doc.body }} is invited to take note of, and approve, the proposal set out in this document, \
{{ doc.symbol }}. Replace this paragraph with the decision the body is invited to take: ccdocs prints the \
lead-in before it and indents it; items written `1.`, `2.` after it print as its sub-items (i), (ii).
:::
"""


def new_folder(target: Path, options: Options, check=None, today: date | None = None) -> list[Path]:
    """Write the new document folder `target`; the files written. `check(folder, drafts=True)` may refuse it
    (InputError; `drafts`: its translations checked as drafts, none begun, no catalog yet, the original as a final
    build: `pipeline.resolve_all`): a value it refuses is told at the option that gave it, as typed (a UsageError,
    nothing written: `_at_options`), never at a line of a document.yaml that was not written."""
    yaml_text, origins = document_yaml(options, today or date.today())
    files = {"document.yaml": yaml_text, "content/report.md": REPORT + (DECISION if options.kind == "decision"
                                                                        else "")}
    if options.kind == "information":
        files["content/cover-note.md"] = COVER_NOTE
    try:
        make_folder(target, {name: text.encode("utf-8") for name, text in files.items()}, ("data",),
                    check and partial(check, drafts=True))
    except InputError as exc:
        raise UsageError(_at_options(exc.problems, origins, target)) from None
    return [target / name for name in files] + [target / "data"]


def next_steps(folder: str, languages: tuple[str, ...]) -> list[str]:
    """The commands an editor runs next in the new folder `folder` (as the command line named it), its `languages`
    the original first, in two lines: write the paper, watching it rebuilt; then, where it has other languages,
    their catalogs to translate (a draft build meanwhile), then check and build."""
    at, original, others = shlex.quote(folder), languages[0], ",".join(languages[1:])
    steps = [f"next: write the paper in {folder}/content/, seeing it rebuilt at every save: ccdocs watch {at} "
             f"--lang {original}"]
    if not others:
        return [*steps, f"then: ccdocs check {at}, and ccdocs build {at} (into out/)"]
    return [*steps, f"then: ccdocs i18n update {at} --lang {others} (the catalog{'s' if ',' in others else ''} to "
                    f"translate; meanwhile ccdocs build {at} --draft); once translated, ccdocs check {at}, and "
                    f"ccdocs build {at} (into out/)"]


def _at_options(problems: list, origins: dict[int, str], target: Path) -> str:
    """What a UsageError says of `problems`, those the check of the folder `target` found (as `make_folder` names
    them): each at a line of its document.yaml told at the option it came from (`origins`: `document_yaml`'s), any
    other at its file and line in the folder that was not written."""
    told, yaml_path = [], display_path(target / "document.yaml")
    for item in problems:
        where = origins.get(item.line) if item.path == yaml_path else None
        if where is None:
            where = (f"{item.path}:{item.line}" if item.line else item.path) + " (in the folder not written)"
        told.append((where, item))
    return refused_options(told)


def refused_options(told: list) -> str:
    """What a UsageError says of problems a new folder's check found, each (where, Problem) told at `where` (the
    option that gave the value, as typed): `--session 88: the symbol … (what to do); nothing was written`."""
    return "; ".join(f"{where}: {item.message}" + (f" ({bracketed(item.hint)})" if item.hint else "")
                     for where, item in told) + "; nothing was written"


def split_languages(value: str | None) -> tuple[str, ...]:
    """`--languages en,zh` as a tuple, the original language first; UsageError for an unknown one."""
    if value is None:
        return ("en", "zh")
    items = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    for item in items:
        if item not in LANGUAGES:
            raise UsageError(f"unknown language `{item}` in --languages; known: {', '.join(LANGUAGES)}")
    return items
