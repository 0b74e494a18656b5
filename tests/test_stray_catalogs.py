"""A catalog one name off its place (breaks-7 #6): ccdocs reads a language's translations from
`locales/<lang>/LC_MESSAGES/content.po` only. A catalog a translator's tool wrote beside it under the names gettext
tools use (`locales/zh_CN/…`, `zh-Hans`, `messages.po`, `Content.po`, `locales/zh.po`) was never looked at: check
said ok and the zh paper was printed in English, with a note naming no file. Where a language of the paper has no
catalog, such a file is refused at its path, naming the place ccdocs reads, in check and in a build, final or
draft; a file standing where a folder of that place should be likewise. A catalog at its place, and a language not
in `languages:` (one begun early), are left alone.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, ccdocs_here, write_doc
from refusals import Case

CATALOG = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Introduction"\nmsgstr "导言"\n'
READ = "locales/zh/LC_MESSAGES/content.po"
NOT_READ = (f"this catalog is not read: ccdocs reads the zh catalog from {{doc}}/{READ} only, and there is none "
            f"there (the zh paper would be printed without these translations) (did you mean {{doc}}/{READ}? move "
            "or rename this file there")


def stray(id: str, path: str, *args) -> Case:
    return Case(id, {path: CATALOG}, "this catalog is not read: ccdocs reads the zh catalog from", f"{path}:",
                args=args)


STRAYS = [
    stray("gettext-locale-name", "locales/zh_CN/LC_MESSAGES/content.po"),
    stray("script-subtag", "locales/zh-Hans/LC_MESSAGES/content.po"),
    stray("capitals", "locales/ZH/LC_MESSAGES/content.po"),
    stray("pybabel-domain", "locales/zh/LC_MESSAGES/messages.po"),
    stray("file-name-case", "locales/zh/LC_MESSAGES/Content.po"),
    stray("no-lc-messages", "locales/zh/content.po"),
    stray("lc-messages-case", "locales/zh/lc_messages/content.po"),
    stray("named-by-language", "locales/zh.po"),
    stray("named-by-language-and-domain", "locales/content.zh.po"),
    stray("in-a-draft", "locales/zh_CN/LC_MESSAGES/content.po", "--draft"),
    Case("language-folder-a-file", {"locales/zh": "not a folder\n"},
         "this is a file, where the zh catalog's path has a folder: the catalog is", "locales/zh:"),
    Case("lc-messages-a-file", {"locales/zh/LC_MESSAGES": "not a folder\n"},
         "this is a file, where the zh catalog's path has a folder", "locales/zh/LC_MESSAGES:"),
]


@pytest.mark.parametrize("case", STRAYS, ids=[c.id for c in STRAYS])
def test_a_catalog_beside_its_place_is_refused_at_its_path(case, refuse):
    refuse(case)


def test_the_refusal_names_the_place_read(make_doc):
    folder = make_doc({"locales/zh_CN/LC_MESSAGES/content.po": CATALOG})
    result = ccdocs_here("check", folder)
    assert result.returncode == 1
    assert (f"{folder}/locales/zh_CN/LC_MESSAGES/content.po: error: " + NOT_READ.format(doc=folder)
            in result.stderr), result.stderr


def test_a_catalog_at_its_place_and_a_language_begun_early_are_left_alone(make_doc, tmp_path):
    folder = make_doc({"locales/fr_FR/LC_MESSAGES/content.po": CATALOG, "locales/fr.po": CATALOG})
    assert ccdocs_here("i18n", "update", folder, "--lang", "zh").returncode == 0
    (folder / "locales" / "zh" / "LC_MESSAGES" / "messages.po").write_text(CATALOG, encoding="utf-8")
    built = ccdocs_here("build", folder, "--draft", "--format", "json", "--out", tmp_path / "out")
    assert built.returncode == 0, built.stderr
    assert "not read" not in built.stderr
    alone = MINIMAL.replace("languages: [en, zh]", "languages: [en]")
    english = write_doc(tmp_path / "english", {"document.yaml": alone, "locales/zh_CN/LC_MESSAGES/content.po": CATALOG})
    checked = ccdocs_here("check", english)
    assert checked.returncode == 0 and "not read" not in checked.stderr, checked.stderr


@pytest.mark.parametrize("name", ["zh/Glossary.csv", "zh_CN/glossary.csv", "zh/glossary.xlsx", "glossary.zh.csv"])
def test_a_glossary_beside_its_place_is_refused_at_its_path(copy_fixture, tmp_path, name):
    """The glossary likewise: read from `locales/<lang>/glossary.csv` only; without it, one beside is named, in
    check and in a draft, rather than the translation's terms left unchecked."""
    folder = copy_fixture("budget")
    assert not (folder / "locales" / "zh" / "glossary.csv").exists()
    stray = folder / "locales" / name
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("source,target,note\nSector,部门,\n", encoding="utf-8")
    told = (f"{stray}: error: this glossary is not read: ccdocs reads the zh glossary from {folder}/locales/zh/"
            f"glossary.csv only, and there is none there (the terms of the zh translation would not be checked) (did "
            f"you mean {folder}/locales/zh/glossary.csv? move or rename this file there")
    checked = ccdocs_here("check", folder)
    assert checked.returncode == 1 and told in checked.stderr, checked.stderr
    drafted = ccdocs_here("build", folder, "--draft", "--format", "json", "--out", tmp_path / "out")
    assert drafted.returncode == 1 and told in drafted.stderr, drafted.stderr
    assert not (tmp_path / "out").exists()
