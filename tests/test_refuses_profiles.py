"""A language added by a templates folder is input held to the refusal contract (tests/refusals.py): a profile's
forms take bare fields only and its texts are bounded, a toolkit catalog's translations keep their msgid's
fields and its header reads, a link out of the templates folder is not followed, and a final build names each
toolkit message a catalog leaves in English. A profile replacing ccdocs's own is told as a note.
"""

from __future__ import annotations

import re

import pytest

from ccdocs.i18n.policy import assess
from ccdocs.resources import ENV

from conftest import MINIMAL, ROOT, translated_as_written
from refusals import Case, run
from test_language_profiles import FRAME, TOY, line_of, toy_catalog

PROFILE = "house/locales/xx/language.yaml"
CATALOG = "house/locales/xx/LC_MESSAGES/ccdocs.po"
HANG = 120   # s: a case the unfixed code spent minutes on runs in a child killed then (never a timing test)


def house_case(id: str, fragment: str, where: str, *, profile: str = TOY, catalog: str | None = None,
               command: str = "build", timeout: float | None = None, setup=None) -> Case:
    """The minimal document in en and xx, xx from DOC/house: the toy profile and the complete toy catalog unless
    given; its xx content catalog translates its text as written (`translated`), then `setup` runs."""
    files = {"document.yaml": MINIMAL.replace("languages: [en, zh]", "languages: [en, xx]").replace(
        "zh: 人力资源年度报告", "xx: Jara raporto"), PROFILE: profile,
        "house/cover-notes/information.xx.md.j2": FRAME.read_text(encoding="utf-8"),
        CATALOG: toy_catalog() if catalog is None else catalog}
    args = ("--format", "json", "--out", "{out}") if command == "build" else ()

    def translated_first(folder, out):
        translated(folder)
        if setup is not None:
            setup(folder, out)

    return Case(id, files, fragment, where, command=(command, "{doc}", "--templates", "{doc}/house", *args),
                timeout=timeout, setup=translated_first)


def translated(folder) -> None:
    """Give the document its xx catalog translating its text as written (conftest), read with DOC/house's
    languages; none when the house's profile cannot be read (refused before any translation)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV, str(folder / "house"))
        translated_as_written(folder)


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def catalog_line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


TOY_PO = toy_catalog()
PAGE_AT, CONVERTED_AT, PLURAL_AT = 'msgstr "paĝo {page.', 'msgstr "Aneksaĵo {number!r}', '"Plural-Forms'
PAGE = changed(TOY_PO, 'msgstr "paĝo {page}"', 'msgstr "paĝo {page.__class__.__mro__} {pagex:>99999999}"')
CONVERTED = changed(TOY_PO, 'msgstr "Aneksaĵo {number}"', 'msgstr "Aneksaĵo {number!r}"')
PARAGRAPH_AT, CHAPTER_AT = 'msgstr "la paragrafo supre"', 'msgstr "Parto {number}"'
LEFT_OUT = changed(changed(TOY_PO, 'msgid "paragraph {number}"\nmsgstr "paragraph {number}"',
                           'msgid "paragraph {number}"\nmsgstr "la paragrafo supre"'),
                   'msgid "Chapter {number}: {title}"\nmsgstr "Chapter {number}: {title}"',
                   'msgid "Chapter {number}: {title}"\nmsgstr "Parto {number}"')
END_WITHOUT_NUMBER = changed(TOY_PO, "[Fino de Aneksaĵo {number} kaj de la dokumento]", "[Fino de la aneksaĵo]")
PLURAL = re.sub(r'"Plural-Forms: [^"]*"', r'"Plural-Forms: nplurals=zz; plural=(n;\\n"', TOY_PO)
WITHOUT_ANNEX_FOLLOWS = re.sub(r'(?m)^(#.*\n)*msgid "\[Annex \{number\} follows\]"\nmsgstr .*\n', "", TOY_PO)
assert "[Annex {number} follows]" not in WITHOUT_ANNEX_FOLLOWS


def link_out(target_name: str):
    """A setup putting the profile outside the templates folder, in `<folder>/../elsewhere/<target_name>/`, and a
    link to that folder at house/locales/xx."""
    def setup(folder, out):
        outside = folder.parent / "elsewhere" / target_name
        outside.mkdir(parents=True, exist_ok=True)
        lang = folder / "house" / "locales" / "xx"
        for path in sorted(lang.rglob("*"), reverse=True):
            target = outside / path.relative_to(lang)
            if path.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                path.replace(target)
            else:
                path.rmdir()
        lang.rmdir()
        lang.symlink_to(outside, target_is_directory=True)
    return setup


def profile_linked_out(folder, out):
    """A setup making house/locales/xx/language.yaml a link to a profile outside the templates folder."""
    outside = folder.parent / "elsewhere.yaml"
    profile = folder / PROFILE
    outside.write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    profile.unlink()
    profile.symlink_to(outside)


REFUSALS = [
    # 1. a format spec or conversion in a form (str.format would pad to 99,999,999 characters)
    house_case("place-spec", "has a format spec or conversion: {place:>99999999}", f"{PROFILE}:{line_of('  place:')}",
               profile=changed(TOY, '"{place}, {dates}"', '"{place:>99999999}, {dates}"'), timeout=HANG),
    house_case("prefix-spec", "{number:099999999}", f"{PROFILE}:{line_of('chapters:')}",
               profile=changed(TOY, '"{number})', '"{number:099999999})'), timeout=HANG),
    house_case("conversion", "{amount!r}", f"{PROFILE}:{line_of('currency:')}",
               profile=changed(TOY, '"{amount} {symbol}"', '"{amount!r} {symbol}"')),
    # 2. a toolkit catalog's translation with fields its msgid has not, or written otherwise; a bad header
    house_case("msgstr-fields", "`{page.__class__.__mro__}`, `{pagex:>99999999}`: the msgid has `{page}`",
               f"{CATALOG}:{catalog_line(PAGE, PAGE_AT)}", catalog=PAGE, timeout=HANG),
    house_case("msgstr-conversion", "`{number!r}`", f"{CATALOG}:{catalog_line(CONVERTED, CONVERTED_AT)}",
               catalog=CONVERTED),
    # ... or leaving out a field whose text the paper needs: every reference printed "the paragraph above", the
    # chapter heading "Parto 1Intro"
    house_case("msgstr-leaves-out-number", "the translation leaves out `{number}`: there ccdocs prints what the paper "
               "holds", f"{CATALOG}:{catalog_line(LEFT_OUT, PARAGRAPH_AT)}", catalog=LEFT_OUT, command="check"),
    house_case("msgstr-leaves-out-title", "the translation leaves out `{title}`",
               f"{CATALOG}:{catalog_line(LEFT_OUT, CHAPTER_AT)}", catalog=LEFT_OUT),
    house_case("plural-forms", "`Plural-Forms: nplurals=zz; plural=(n;` is not one gettext reads",
               f"{CATALOG}:{catalog_line(PLURAL, PLURAL_AT)}", catalog=PLURAL),
    # 3. a link out of the templates folder, whatever the name of the folder it leads to
    house_case("profile-link-out", "is not a regular file inside", PROFILE, setup=profile_linked_out),
    house_case("folder-link-out", "is not a regular file inside", PROFILE, setup=link_out("xx")),
    house_case("folder-link-out-renamed", "is not a regular file inside", PROFILE, setup=link_out("outside_xx")),
    # 4. bounds: every text of a profile, and the letter one capital
    house_case("letter-pattern", "`letter` must be one capital letter A–Z", f"{PROFILE}:{line_of('letter:')}",
               profile=changed(TOY, "letter: X", "letter: XYZ-LONG-LETTER")),
    house_case("letter-huge", "more than a profile's text may be (200)", f"{PROFILE}:{line_of('letter:')}",
               profile=changed(TOY, "letter: X", "letter: " + "X" * 200_000), timeout=HANG),
    house_case("suffix-huge", "`numbers.ordinal_suffixes.other` is 100,000 characters long",
               f"{PROFILE}:{line_of('numbers:')}", profile=changed(TOY, '"-a"', '"' + "a" * 100_000 + '"')),
    house_case("name-huge", "`names.xx` is 1,000 characters long", f"{PROFILE}:{line_of('names:')}",
               profile=changed(TOY, "xx: ludlingvo", "xx: " + "l" * 1000)),
    # 5. a final build of a language whose catalog lacks a toolkit message (made before it existed)
    house_case("untranslated", "the toolkit message `[Annex {number} follows]` is not translated", f"{CATALOG}:",
               catalog=WITHOUT_ANNEX_FOLLOWS),
]


@pytest.mark.parametrize("case", REFUSALS, ids=[c.id for c in REFUSALS])
def test_a_bad_house_language_is_refused_at_its_line(case, refuse, monkeypatch):
    monkeypatch.setenv(ENV, "")   # `--templates` sets it: restored after the test
    refuse(case)


def test_a_draft_notes_each_toolkit_message_left_in_english(make_doc, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, "")
    case = house_case("draft", "", "", catalog=WITHOUT_ANNEX_FOLLOWS)
    folder = make_doc()
    from refusals import write_files

    write_files(folder, case.files)
    code, output, escaped = run(["build", str(folder), "--templates", str(folder / "house"), "--draft",
                                 "--lang", "xx", "--format", "json", "--out", str(tmp_path / "out")])
    assert (code, escaped) == (0, False), output
    assert re.search(r"ccdocs\.po: note: the toolkit message `\[Annex \{number\} follows\]` is not translated",
                     output), output


def test_a_marker_may_leave_out_its_annex_number(make_doc, tmp_path, monkeypatch):
    """As French `[Fin de l'annexe et du document]`: the annex's heading prints the number (`MAY_LEAVE_OUT`)."""
    monkeypatch.setenv(ENV, "")
    case = house_case("marker", "", "", catalog=END_WITHOUT_NUMBER)
    folder = make_doc()
    from refusals import write_files

    write_files(folder, case.files)
    translated(folder)
    code, output, escaped = run(["check", str(folder), "--templates", str(folder / "house")])
    assert (code, escaped) == (0, False), output


def test_a_house_profile_replacing_ccdocs_own_is_noted(make_doc, tmp_path, monkeypatch):
    """By design the templates folder wins; `check` and `build` say which official language it replaces."""
    monkeypatch.setenv(ENV, "")
    folder = make_doc()
    house = folder / "house" / "locales" / "en"
    (house / "LC_MESSAGES").mkdir(parents=True)
    own = ROOT / "locales" / "en"
    (house / "language.yaml").write_text(changed((own / "language.yaml").read_text(encoding="utf-8"),
                                                 "letter: E", "letter: Q"), encoding="utf-8")
    (house / "LC_MESSAGES" / "ccdocs.po").write_bytes((own / "LC_MESSAGES" / "ccdocs.po").read_bytes())
    for command in (["check", str(folder)], ["build", str(folder), "--lang", "en", "--format", "json",
                                             "--out", str(tmp_path / "out")]):
        code, output, escaped = run([*command, "--templates", str(folder / "house")])
        assert (code, escaped) == (0, False), output
        assert re.search(r"house/locales/en/language\.yaml: note: this profile replaces ccdocs's own `en` profile",
                         output), output


def test_a_catalog_check_looks_the_profile_up_once(monkeypatch):
    """The checkers are handed the profile of the catalog's language, found once (not once per message)."""
    from ccdocs.i18n import checkers, policy
    from ccdocs.i18n.catalogs import ContentCatalog
    from ccdocs.i18n.segments import Segment

    found, look_up = [], checkers.profile_of
    monkeypatch.setattr(policy, "profile_of", lambda code: found.append(code) or look_up(code))
    monkeypatch.setattr(checkers, "profile_of", lambda code: pytest.fail("a checker looked the profile up"))
    po = ContentCatalog(locale="fr")
    segments = [Segment(f"Text {n}: one.", "content/report.md", n, n, "paragraph") for n in range(1, 6)]
    for segment in segments:
        po.add(segment.msgid, f"Texte {segment.line} : un.")
    items = assess(segments, po, "fr")
    assert found == ["fr"]
    assert all(item.problems and "ordinary space" in item.problems[0] for item in items), items
