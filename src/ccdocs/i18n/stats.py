"""How far each translation of a document has come: translated, fuzzy, untranslated and failing segments."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import display_path
from ..pipeline import Sources, assessed
from .catalogs import po_path
from .policy import STATUSES


@dataclass(frozen=True)
class LanguageStats:
    """The counts of one language's segments by status, and whether its catalog exists."""

    lang: str
    catalog: Path
    counts: tuple

    @property
    def total(self) -> int:
        """How many segments the source has."""
        return sum(n for _, n in self.counts)

    @property
    def complete(self) -> bool:
        """True when a final build takes this translation as it is."""
        return self.catalog.is_file() and dict(self.counts)["translated"] == self.total

    def __str__(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in self.counts)
        if not self.catalog.is_file():
            verdict = f"no catalog yet ({display_path(self.catalog)}): the build shows the source text"
        elif self.complete:
            verdict = "complete"
        else:
            verdict = "a final build would refuse it"
        return f"{self.lang}: {counts} of {self.total} segments; {verdict}"


def language_stats(sources: Sources, lang: str) -> LanguageStats:
    """The counts of `lang`, each status present even when zero."""
    found = Counter(item.status for item in assessed(sources, lang))
    return LanguageStats(lang, po_path(sources.spec.folder, lang), tuple((s, found[s]) for s in STATUSES))


def document_stats(sources: Sources) -> list[LanguageStats]:
    """The counts of every language of the document except the original."""
    spec = sources.spec
    return [language_stats(sources, lang) for lang in spec.languages if lang != spec.original]
