"""How far each translation of a document has come: translated, fuzzy, untranslated and failing messages.

Counted by catalog entry (msgid and msgctxt), as `msgfmt --statistics` and Poedit count, not by place: a text the
document uses in several places (a table heading repeated, the same row label in four rows) is one entry, one
translation. The header and obsolete entries are not counted. Where ccdocs counts otherwise, it is because a
build prints otherwise: an empty table text that reads the same in every language (`2025`, `P4`) is translated
(msgfmt: untranslated); a translation failing a check is `failing` (msgfmt: translated); an entry the document no
longer uses is not counted (msgfmt counts it), and a text of the document missing from the catalog (the catalog
not updated since) is untranslated (msgfmt cannot see it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import display_path
from ..pipeline import Sources, assessed
from .catalogs import po_path
from .policy import STATUSES, by_message


@dataclass(frozen=True)
class LanguageStats:
    """The counts of one language's messages by status, whether its catalog exists, and how many places
    (segments) of the document the messages stand for."""

    lang: str
    catalog: Path
    counts: tuple
    segments: int = 0

    @property
    def total(self) -> int:
        """How many messages (distinct msgid and msgctxt) the source has."""
        return sum(n for _, n in self.counts)

    @property
    def complete(self) -> bool:
        """True when a final build takes this translation as it is."""
        return self.catalog.is_file() and dict(self.counts)["translated"] == self.total

    def __str__(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in self.counts)
        if not self.catalog.is_file():
            verdict = f"no catalog yet ({display_path(self.catalog)}): a final build would refuse it"
        elif self.complete:
            verdict = "complete"
        else:
            verdict = "a final build would refuse it"
        places = f", in {self.segments} places" if self.segments != self.total else ""
        return f"{self.lang}: {counts} of {self.total} message{'s' if self.total != 1 else ''}{places}; {verdict}"


def language_stats(sources: Sources, lang: str) -> LanguageStats:
    """The counts of `lang` by message (`policy.by_message`), each status present even when zero."""
    items = assessed(sources, lang)
    found = Counter(by_message(items).values())
    return LanguageStats(lang, po_path(sources.spec.folder, lang), tuple((s, found[s]) for s in STATUSES),
                         len(items))


def document_stats(sources: Sources) -> list[LanguageStats]:
    """The counts of every language of the document except the original."""
    spec = sources.spec
    return [language_stats(sources, lang) for lang in spec.languages if lang != spec.source]
