"""A translation memory of another language is refused (breaks-5 #6): `i18n update --memory` took a French XLIFF or
catalog as finished Chinese translations (262 exact hits: a final zh build printed French), though `i18n import`
refuses an XLIFF translated into another language. The memory's language is read as import reads it: each XLIFF
`<file>`'s `target-language`, a catalog's `Language:` header (a folder's catalog is already the one of `--lang`);
refused at that line, nothing written.
"""

from __future__ import annotations

import shutil

import pytest

from refusals import Case
from test_refuses_catalogs import HEADER, SECOND, catalog

XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="content.po" source-language="en" target-language="{lang}" datatype="po"><body>
<trans-unit id="1"><source>{source}</source><target state="translated">{target}</target></trans-unit>
</body></file>
</xliff>
"""


def update(memory: str) -> tuple:
    return ("i18n", "update", "{doc}", "--lang", "zh", "--memory", "{doc}/" + memory)


def po_of(lang: str) -> str:
    return catalog(translated={SECOND: "Deuxième paragraphe."}, header=HEADER.replace("Language: zh", f"Language: {lang}"))


CASES = [
    Case("xliff-fr", {"fr.xlf": XLIFF.format(lang="fr", source=SECOND, target="Deuxième paragraphe.")},
         "this file is translated into `fr`, not `zh` (give a memory translated into zh", "fr.xlf:3",
         command=update("fr.xlf")),
    Case("xliff-fr-region", {"fr.xlf": XLIFF.format(lang="fr-CA", source=SECOND, target="Deuxième paragraphe.")},
         "this file is translated into `fr-CA`, not `zh`", "fr.xlf:3", command=update("fr.xlf")),
    Case("catalog-fr", {"fr.po": po_of("fr")}, "this catalog is translated into `fr`, not `zh` (its header's "
         "`Language:`)", "fr.po:5", command=update("fr.po")),
    Case("catalog-ja-JP", {"ja.po": po_of("ja_JP")}, "translated into `ja_JP`, not `zh`", "ja.po:5",
         command=update("ja.po")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_memory_of_another_language_refused(refuse, case):
    refuse(case)


UNSAID = [  # a memory that names no language was trusted to be in the catalog's: French came in as exact, final
    Case("catalog-without-language", {"fr.po": po_of("fr").replace('"Language: fr\\n"\n', "")},
         "this catalog does not say its language (its header has no `Language:`): its translations would fill the zh "
         "catalog as finished zh ones, whatever their language (if it is a zh catalog, add `\"Language: zh\\n\"` to "
         "its header", "fr.po:2", command=update("fr.po")),
    Case("xliff-without-target-language", {"fr.xlf": XLIFF.format(lang="fr", source=SECOND, target="Deuxième "
                                                                  "paragraphe.").replace(' target-language="fr"', "")},
         "this `<file>` does not say its language (it has no `target-language`): its targets would fill the zh "
         "catalog", "fr.xlf:3", command=update("fr.xlf")),
]


@pytest.mark.parametrize("case", UNSAID, ids=lambda case: case.id)
def test_memory_that_does_not_say_its_language_refused(refuse, case):
    refuse(case)


def test_a_folders_catalog_is_its_languages_without_saying_it(make_doc, tmp_path):
    """`locales/zh/LC_MESSAGES/content.po` of a folder given as memory is zh's, whatever its header says."""
    from refusals import invoke

    folder = make_doc({"locales/zh/LC_MESSAGES/content.po": None})
    old = tmp_path / "old"
    shutil.copytree(folder, old)
    (old / "locales/zh/LC_MESSAGES").mkdir(parents=True)
    (old / "locales/zh/LC_MESSAGES/content.po").write_text(po_of("zh").replace('"Language: zh\\n"\n', "").replace(
        "Deuxième paragraphe.", "第二段。"), encoding="utf-8")
    code, output, escaped = invoke(["i18n", "update", str(folder), "--lang", "zh", "--memory", str(old)])
    assert (code, escaped) == (0, False) and "(0 exact" not in output, output


@pytest.mark.parametrize("lang", ["zh", "zh-CN", "zh_Hans_CN"])
def test_a_memory_of_the_language_fills(make_doc, lang):
    """A memory of the language asked for (any region or script) fills as before."""
    from refusals import invoke

    folder = make_doc({"zh.xlf": XLIFF.format(lang=lang.replace("_", "-"), source=SECOND, target="第二段。"),
                       "zh.po": po_of(lang).replace("Deuxième paragraphe.", "第二段。"),
                       "locales/zh/LC_MESSAGES/content.po": None})
    for memory in ("zh.xlf", "zh.po"):
        code, output, escaped = invoke([part.format(doc=folder) for part in update(memory)])
        assert (code, escaped) == (0, False) and " from memory (" in output and "(0 exact" not in output, output
        (folder / "locales/zh/LC_MESSAGES/content.po").unlink()
