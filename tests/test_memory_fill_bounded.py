"""`--memory`'s close matching has a bound on its whole work (review-14 R2), as the update's own fuzzy matching has
(`update.WORK_MOST`): each entry's matching was bounded, their number was not, and 16 difflib measures of a
paragraph repeating one word cost some 0.3 s an entry: a catalog of thousands such, many minutes holding the
folder's lock. Past the bound an entry takes an exact match only, the others are left untranslated and counted."""

from __future__ import annotations

from babel.messages.catalog import Catalog

from bounded import within
from ccdocs.i18n import memory
from ccdocs.i18n.memory import Unit, fill

REPEATED = "the " * 298


def _filled(entries: int) -> tuple:
    """fill() of a catalog of `entries` untranslated texts repeating one word 298 times, each then a word of its
    own, and last the very English of a memory unit, from a memory of as many such texts: (the summary, its words,
    and the translation and fuzzy flag of the first entry, of the last but one and of the last)."""
    units = [Unit(f"{REPEATED}memory{n}", None, f"译文{n}", "memory.po:1") for n in range(entries)]
    catalog = Catalog(locale="zh", fuzzy=False)
    texts = [f"{REPEATED}entry{n}" for n in range(entries)] + [units[-1].source]
    for text in texts:
        catalog.add(text)
    filled = fill(catalog, units)
    return filled, str(filled), [(catalog.get(text).string, catalog.get(text).fuzzy) for text in
                                 (texts[0], texts[-2], texts[-1])]


def test_the_worst_entries_against_a_memory_are_matched_within_the_work_bound(monkeypatch):
    """The bound lowered to what a few such entries cost: the first takes a close match as fuzzy, the rest are
    left untranslated and counted, and the last, the memory's own English, still takes it exactly (unbounded, the
    2,000 entries took some 10 minutes)."""
    monkeypatch.setattr(memory, "WORK_MOST", 20_000_000, raising=False)  # (raising: a name the fix added)
    filled, said, shown = within(lambda: _filled(2_000), 60, "2,000 entries matched against a memory of 2,000")
    assert shown[0] == ("译文0", True)
    assert not shown[1][0] and not shown[1][1]  # past the bound: untranslated, not fuzzy
    assert shown[2] == ("译文1999", False)
    assert filled.exact == 1 and 0 < filled.close < 50 and filled.close + filled.unmatched == 2_000
    assert f"{filled.unmatched} not compared with the memory's texts, left untranslated: close matching stops at " \
           "a bound on its work" in said


def test_a_fill_within_the_bound_compares_every_entry():
    filled, said, shown = _filled(20)
    assert (filled.exact, filled.close, filled.unmatched) == (1, 20, 0) and "not compared" not in said
    assert shown == [("译文0", True), ("译文0", True), ("译文19", False)]


def test_the_bound_is_one_for_the_catalogs_of_one_command(monkeypatch):
    """review-14 R18 for `--memory` (fixer14g's leftover): `i18n update --lang zh,fr --memory …` fills both catalogs
    under one lock, so the work one catalog spent counts against the next's: given it, the second compares nothing."""
    units = [Unit(f"{REPEATED}memory{n}", None, f"译文{n}", "memory.po:1") for n in range(5)]
    first, second = Catalog(locale="zh", fuzzy=False), Catalog(locale="fr", fuzzy=False)
    for catalog in (first, second):
        catalog.add(f"{REPEATED}entry")
    spent = fill(first, units).spent
    assert spent > 0
    monkeypatch.setattr(memory, "WORK_MOST", spent)
    later = fill(second, units, spent)
    assert (later.close, later.unmatched, later.spent) == (0, 1, spent)
    assert fill(second, units).close == 1  # alone, within the bound
