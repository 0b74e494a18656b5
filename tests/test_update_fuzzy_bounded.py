"""`ccdocs i18n update`'s fuzzy matching is bounded (breaks-8 #10): babel measured every new paragraph against every
obsolete entry with difflib (20 new against 6,000 obsolete took 78 s; a catalog at its bound, many minutes, while
an import waiting on the catalog's lock gives up after 2 minutes). Each new paragraph is now measured against the
few likeliest, and still takes the translation of the entry it was made from."""

from __future__ import annotations

from babel.messages.catalog import Catalog, Message

from bounded import within
from ccdocs.i18n import update
from ccdocs.i18n.update import merge

GONE = "The Committee noted paragraph {} of the report on the programme and budget."
EDITED = "The Committee noted paragraph 4321 of the report on the programme and budget, as revised."


def _merged() -> tuple:
    """merge() of a catalog of 12,000 obsolete translated entries, all alike but for a number, with a template of
    40 new paragraphs alike to them in their letters and one that is an edit of entry 4321."""
    catalog = Catalog(locale="zh", fuzzy=False)
    catalog.obsolete.update({GONE.format(n): Message(GONE.format(n), f"委员会注意到报告第{n}段。")
                             for n in range(12_000)})
    template = Catalog(fuzzy=False)
    for n in range(40):
        template.add(f"The Secretariat presented item {n} on the agenda of the session, as revised.")
    template.add(EDITED)
    changes = merge(catalog, template)
    message = catalog.get(EDITED)
    return str(changes), message.string, message.fuzzy, message.previous_id, len(catalog.obsolete)


def test_new_paragraphs_against_many_obsolete_entries_are_matched_within_a_bound_and_to_their_own_entry():
    changes, string, fuzzy, previous, obsolete = within(_merged, 60, "40 new paragraphs matched against 12,000 "
                                                                     "obsolete entries")
    assert changes == "40 new, 1 fuzzy, 0 obsolete"
    assert (string, fuzzy, previous) == ("委员会注意到报告第4321段。", True, [GONE.format(4321)])
    assert obsolete == 11_999  # the one matched is the new entry's, no longer obsolete


# review-13 R10: each new paragraph still cost some 6-8 ms against a large catalog (the candidates its grams name,
# and difflib's measure of 16): a paper rewritten at the bounds (tens of thousands of new paragraphs) took minutes
# holding the folder's lock. The whole matching now has a bound on its work (`update.WORK_MOST`, some 20 s); the new
# paragraphs past it are left new, and the update says how many.
WORDS = [f"w{n:04d}x" for n in range(3_000)]


def _sentence(n: int) -> str:
    """The 18-word sentence of item `n`, its words drawn from WORDS by a fixed rule."""
    return f"Item {n}: " + " ".join(WORDS[(n * 7_919 + i * 104_729 + i * i * n) % len(WORDS)] for i in range(18)) + "."


def _edited(n: int) -> str:
    """The sentence of item `n`, its fifth word changed."""
    words = _sentence(n).split()
    return " ".join([*words[:6], "changed", *words[7:]])


def _rewritten(gone: int, new: int) -> tuple:
    """merge() of a catalog of `gone` translated entries with a template holding none of them but `new` edits of
    the first (a word changed in each): (its Changes, the translations and fuzzy flags of the first two new entries and
    of the last)."""
    catalog = Catalog(locale="zh", fuzzy=False)
    for n in range(gone):
        catalog.add(_sentence(n), string=f"译文{n}")
    template = Catalog(fuzzy=False)
    edits = [_edited(n) for n in range(new)]
    for text in edits:
        template.add(text)
    changes = merge(catalog, template)
    return changes, [(catalog.get(text).string, catalog.get(text).fuzzy) for text in (*edits[:2], edits[-1])]


def test_a_paper_rewritten_against_a_large_catalog_is_matched_within_the_work_bound(monkeypatch):
    """The bound lowered to what a few dozen new paragraphs cost here, 20,000 entries gone, 10,000 new: each of
    the first is offered its own earlier translation as fuzzy, the rest are left new and counted (unbounded, the
    10,000 took a minute and more)."""
    monkeypatch.setattr(update, "WORK_MOST", 2_000_000, raising=False)  # (raising: a name the fix added)
    changes, shown = within(lambda: _rewritten(20_000, 10_000), 60, "10,000 new paragraphs matched against 20,000")
    assert shown[:2] == [("译文0", True), ("译文1", True)]
    assert not any(shown[2])  # past the bound: new, untranslated, not fuzzy
    assert 0 < changes.fuzzy < 10_000 and changes.fuzzy + len(changes.unmatched) <= 10_000
    assert changes.new == 10_000 - changes.fuzzy and len(changes.unmatched) > 9_000


def test_an_update_within_the_bound_matches_every_new_paragraph_and_leaves_none_unmatched():
    changes, shown = _rewritten(300, 30)
    assert changes.unmatched == () and changes.fuzzy == 30
    assert shown == [("译文0", True), ("译文1", True), ("译文29", True)]


def test_the_update_says_how_many_new_paragraphs_were_left_unmatched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    left = tuple((f"Item {n}.", None) for n in range(8_960))
    note = update.unmatched(tmp_path / "doc/content.po", update.Changes(new=9_000, fuzzy=40, obsolete=0,
                                                                         unmatched=left), "doc", "zh")
    assert str(note).startswith("doc/content.po: note: 8960 of the 9000 new messages were not compared with the "
                                "earlier translations: ")
    assert "kept in the catalog as obsolete `#~` entries; a later update does not compare them again" in str(note)
    assert note.hint.endswith("`git -C doc show HEAD:./content.po > before.po` (its copy in version control), "
                              "then `ccdocs i18n update doc --lang zh --memory before.po` (the same English as the "
                              "new text, a close one as fuzzy)")
    spaced = update.unmatched(tmp_path / "my doc/content.po", update.Changes(new=9_000, fuzzy=40, obsolete=0,
                                                                          unmatched=left), "my doc", "zh")
    assert "`git -C 'my doc' show HEAD:./content.po > before.po`" in spaced.hint  # review-14 R21: runs as printed
    assert "`ccdocs i18n update 'my doc' --lang zh --memory before.po`" in spaced.hint
    assert update.unmatched(tmp_path / "content.po", update.Changes(new=9, fuzzy=4, obsolete=0), "doc", "zh") is None
