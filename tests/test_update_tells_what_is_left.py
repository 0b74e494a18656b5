"""`ccdocs i18n update` says what is left to translate after it (newcomer-12 N19): its counts are of the entries it
changed, so a second run printed `0 new, 0 fuzzy, 0 obsolete` while a fuzzy entry still waited, which `i18n stats`
and a final build count."""

from __future__ import annotations

from refusals import invoke


def test_a_second_update_says_the_fuzzy_entry_is_still_left_and_a_complete_catalog_says_nothing(copy_fixture):
    folder = copy_fixture("budget")
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0 and "0 new, 0 fuzzy, 0 obsolete" in output and "left:" not in output, output
    report = next((folder / "content").glob("*.md"))
    report.write_text(report.read_text(encoding="utf-8").replace("by object of expenditure.",
                                                                 "by object of expenditure, revised.", 1),
                      encoding="utf-8")
    assert "0 new, 1 fuzzy, 0 obsolete" in invoke(["i18n", "update", str(folder), "--lang", "zh"])[1]
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0 and "0 new, 0 fuzzy, 0 obsolete" in output, output
    assert (f"{folder}/locales/zh/LC_MESSAGES/content.po: note: left: 1 fuzzy, 0 untranslated of 45 messages, which a "
            "final build refuses (the counts above are of this update's changes) (`ccdocs i18n stats "
            f"{folder}` counts them; `ccdocs i18n review {folder} --lang zh -o review.html` shows them)") in output


def test_an_update_whose_fuzzy_matching_reached_its_bound_says_how_many_new_messages_it_left(copy_fixture,
                                                                                              monkeypatch):
    """review-13 R10: the matching's work is bounded (`update.WORK_MOST`), here lowered to nothing: the edited
    paragraph is left new, untranslated, and the update says so with what fills it."""
    from ccdocs.i18n import update

    monkeypatch.setattr(update, "WORK_MOST", 0, raising=False)  # (raising: a name the bound added)
    folder = copy_fixture("budget")
    report = next((folder / "content").glob("*.md"))
    report.write_text(report.read_text(encoding="utf-8").replace("by object of expenditure.",
                                                                 "by object of expenditure, revised.", 1),
                      encoding="utf-8")
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0 and "1 new, 0 fuzzy, 1 obsolete" in output, output
    assert (f"{folder}/locales/zh/LC_MESSAGES/content.po: note: 1 of the 1 new messages were not compared with the "
            "earlier translations: fuzzy matching stops") in output
    assert "--memory before.po" in output


def test_a_new_message_the_memory_filled_is_not_told_unmatched(copy_fixture, monkeypatch, tmp_path):
    """review-14 R1: with `--memory`, the note counted a message the memory had just filled, and told the user to
    give `--memory`. The catalog as it was before the update, given as the memory, fills the edit as fuzzy: no
    note."""
    import shutil

    from ccdocs.i18n import update

    monkeypatch.setattr(update, "WORK_MOST", 0, raising=False)
    folder = copy_fixture("budget")
    before = tmp_path / "before.po"
    shutil.copy(folder / "locales/zh/LC_MESSAGES/content.po", before)
    report = next((folder / "content").glob("*.md"))
    report.write_text(report.read_text(encoding="utf-8").replace("by object of expenditure.",
                                                                 "by object of expenditure, revised.", 1),
                      encoding="utf-8")
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh", "--memory", str(before)])
    assert code == 0 and "1 from memory (0 exact, 1 fuzzy)" in output, output
    assert "were not compared" not in output


def test_the_bound_is_one_for_every_language_of_the_command(copy_fixture, monkeypatch):
    """review-14 R18: the catalogs of `--lang zh,fr` are merged under one lock, so the matching's work is counted once
    for all: here the bound lowered to what one comparison spends, zh's edit is matched, fr's is left and told."""
    from ccdocs.i18n import update

    monkeypatch.setattr(update, "WORK_MOST", 1, raising=False)
    folder = copy_fixture("84")
    report = folder / "content/02-people-and-results.md"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("Results-based management is", "Results-based management, as ever, is", 1),
                      encoding="utf-8")
    code, output, _ = invoke(["i18n", "update", str(folder), "--lang", "zh,fr"])
    assert code == 0, output
    assert "zh/LC_MESSAGES/content.po: 0 new, 1 fuzzy" in output, output
    assert "fr/LC_MESSAGES/content.po: 1 new, 0 fuzzy" in output and "fr/LC_MESSAGES/content.po: note: 1 of the 1 new" \
        in output, output
