"""What a build may print of a translation: every segment's status, the final build's refusal, the draft's marks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog

from ..errors import Problem, display_path, problem
from .checkers import Entry, check
from .extract import DATA, context
from .segments import Segment

STATUSES = ("translated", "fuzzy", "untranslated", "failing")
ATTRIBUTION = ("—", "--", "―")


@dataclass(frozen=True)
class Assessment:
    """One segment of the source and how its translation stands: status, text, previous msgid, problems."""

    segment: Segment
    place: str
    status: str
    translation: str = ""
    previous: str = ""
    problems: tuple = ()


def assess_message(segment: Segment, place: str, message, lang: str) -> Assessment:
    """The status of one segment given its catalog message (None when the catalog lacks it)."""
    if message is None or not message.string:
        return Assessment(segment, place, "untranslated")
    previous = "\n".join(message.previous_id) if message.previous_id else ""
    problems = tuple(check(Entry(place, segment.msgid, message.string, lang)))
    status = "fuzzy" if message.fuzzy else ("failing" if problems else "translated")
    return Assessment(segment, place, status, message.string, previous, problems)


def assess(segments: Iterable[Segment], catalog: BabelCatalog, lang: str,
           place: Callable[[Segment], str] | None = None) -> list[Assessment]:
    """Each segment, in order, against the catalog of `lang`; named by `place` (default: file and line)."""

    def where(segment: Segment) -> str:
        if segment.kind == DATA:
            return "table text"
        return place(segment) if place else f"{segment.file}:{segment.line}"

    return [assess_message(segment, where(segment), catalog.get(segment.msgid, context(segment)), lang)
            for segment in segments]


def pending(assessments: Iterable[Assessment]) -> list[Assessment]:
    """The segments a final build refuses: untranslated, fuzzy or failing a check."""
    return [a for a in assessments if a.status != "translated"]


def first_words(text: str, limit: int = 60) -> str:
    """The start of a segment on one line, cut at a word with `…` when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def problems(assessments: Iterable[Assessment], severity: str = "error") -> list[Problem]:
    """Each pending segment as `path:line: error: untranslated segment (report ¶12): "…"` (or fuzzy, failing)."""
    found = []
    for item in pending(assessments):
        segment = item.segment
        if item.status == "failing":
            messages = [f"translation fails a check: {message}" for message in item.problems]
        else:
            messages = [f'{item.status} segment ({item.place}): "{first_words(segment.msgid)}"']
        found += [Problem(display_path(segment.file), segment.line, None, message, None, severity)
                  for message in messages]
    return found


def refusal(assessments: list[Assessment], po: Path, folder: Path, lang: str) -> list[Problem]:
    """Why a final build of `lang` stops: each pending segment, then the catalog with what to do next."""
    waiting = pending(assessments)
    shown = display_path(folder)
    return problems(waiting) + [problem(
        po, None, f"{len(waiting)} of {len(assessments)} segments in `{lang}` are not ready for a final build",
        f"build a draft with `ccdocs build {shown} --draft`; see them with "
        f"`ccdocs i18n review {shown} --lang {lang} -o review.html`")]


def marked(segment: Segment, stamp: str) -> str:
    """The source of a segment with a bold stamp: before it, or after it where the start has a meaning."""
    mark = f"**[{stamp}]**"
    if segment.kind == "keyfigure" or segment.msgid.startswith(ATTRIBUTION):
        return f"{segment.msgid} {mark}"
    return f"{mark} {segment.msgid}"


def translator(assessments: Iterable[Assessment], stamp: str) -> Callable[[Segment], str]:
    """Segment -> its translation when finished, else its source marked with `stamp` (the draft's text)."""
    done = {a.segment.msgid: a.translation for a in assessments if a.status == "translated"}
    return lambda segment: done.get(segment.msgid) or marked(segment, stamp)
