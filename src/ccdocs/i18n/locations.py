"""Problems of a translated text told where the translator edits it: the catalog's line first, then the source's.

A translation replaces its segment on the segment's own lines (`segments.apply` keeps every line's number), so a
problem found while rendering, parsing or printing a translated content file stands at a line of the source that
a translation covers. `in_catalog` moves each such problem to the translation's msgstr line in the catalog and
names the source's file and line in its message:

    locales/zh/LC_MESSAGES/content.po:39:1: error: translation of content/01-introduction.md:1: link `[ref]` …

A table text's translation (msgctxt `data`: a heading, note or source in document.yaml, a row label in a CSV
file) is told the same way, marked `(table text)`, when it differs from its English (a text printed as written
is the source's, whatever the catalog says):

    locales/zh/LC_MESSAGES/content.po:61:1: error: translation of document.yaml:34 (table text): table … contains …

A line several translations cover (a paragraph and the data text a figure of it prints, translated by its
`msgctxt "data"` entry; the cells of one table row) is told at the one translation holding every character the
problem names (`U+1F600`); at the source's line when none or several do.

A problem the source language's build has too (a table's stated total that is not the sum of its rows, a figure
computing with a text: the data's, not the translation's) stays where that build tells it, and is told once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..errors import Problem, display_path
from .extract import DATA

NAMED = re.compile(r"\bU\+([0-9A-F]{4,6})\b")  # a character a problem names: `contains '😀' (U+1F600 …)`


def catalog_lines(assessments: Iterable) -> dict[tuple[str, int], dict[tuple[str, int, str], str]]:
    """(source file as shown, line) -> {(catalog as shown, msgstr line, what: "" or " (table text)"): translation}
    of the translations covering each line a printed translation covers (one for most lines).

    `assessments`: `policy.Assessment`s. Only translations a build prints (status `translated`) and read from a
    catalog count, a table text's only when it differs from its English.
    """
    found: dict[tuple[str, int], dict[tuple[str, int, str], str]] = {}
    for item in assessments:
        segment = item.segment
        if item.status != "translated" or item.at is None or (
                segment.kind == DATA and item.translation == segment.msgid):
            continue
        at = (display_path(item.at[0]), item.at[1], " (table text)" if segment.kind == DATA else "")
        for line in range(segment.line, max(segment.end, segment.line) + 1):
            found.setdefault((segment.file, line), {})[at] = item.translation
    return found


def _holding(message: str, covering: dict) -> tuple[str, int, str] | None:
    """The one translation of `covering` (`catalog_lines`' value) holding every character `message` names, or the
    only translation; None when none or several do."""
    if len(covering) == 1:
        return next(iter(covering))
    named = {chr(int(code, 16)) for code in NAMED.findall(message)}
    holding = [at for at, text in covering.items() if named and named <= set(text)]
    return holding[0] if len(holding) == 1 else None


def _key(item: Problem) -> tuple:
    """What makes two builds' problems one: all but the column (a translated line's columns are its own)."""
    return item.path, item.line, item.message, item.hint, item.severity


def relocated(problems: Iterable[Problem], lines: dict, source_problems: Callable[[], list[Problem]] = list
              ) -> list[Problem]:
    """Each problem at a line of `lines` (`catalog_lines`) at its catalog line (`_holding`), the source's named in
    the message; but a problem `source_problems()` (the source language's build's, asked once, when a problem
    stands at such a line) has too is the data's or the text's, not the translation's: that one is told as the
    source's build tells it (so that the two builds tell it once)."""
    moved, shared = [], None
    for item in problems:
        covering = lines.get((item.path, item.line))
        at = _holding(item.message, covering) if covering else None
        if at is not None:
            if shared is None:
                shared = {_key(found): found for found in source_problems()}
            if _key(item) in shared:
                moved.append(shared[_key(item)])
                continue
        moved.append(item if at is None else Problem(
            at[0], at[1], None, f"translation of {item.path}:{item.line}{at[2]}: {item.message}", item.hint,
            item.severity))
    return moved


def in_catalog(problems: list[Problem], sources, lang: str, source_problems: Callable[[], list[Problem]] = list
               ) -> list[Problem]:
    """`problems` of a build of `sources` (`pipeline.Sources`) in `lang`, those a translation causes moved to the
    catalog (`relocated`, `source_problems` giving the source language's build's problems); unchanged for the
    source language or a document without a `lang` catalog."""
    if not problems:
        return problems
    lines = _translated_lines(sources, lang)
    return relocated(problems, lines, source_problems) if lines else problems


def _translated_lines(sources, lang: str) -> dict:
    """`catalog_lines` of `sources` in `lang` and of each document it attaches (a transmittal's paper), each read
    through its own catalog: a problem of the attached paper's translation is told at that paper's msgstr, as its
    own build tells it. None of a document written in `lang`."""
    from ..pipeline import assessed  # the pipeline calls this module: imported when a problem is told

    lines = {} if lang == sources.spec.source else catalog_lines(assessed(sources, lang))
    for inner in sources.attached:  # their files are their own: no line of one is another's
        lines.update(_translated_lines(inner, lang))
    return lines
