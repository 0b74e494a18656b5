"""`ccdocs i18n update`'s fuzzy matching is bounded (breaks-8 #10): babel measured every new paragraph against every
obsolete entry with difflib (20 new against 6,000 obsolete took 78 s; a catalog at its bound, many minutes, while
an import waiting on the catalog's lock gives up after 2 minutes). Each new paragraph is now measured against the
few likeliest, and still takes the translation of the entry it was made from."""

from __future__ import annotations

from babel.messages.catalog import Catalog, Message

from bounded import within
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
