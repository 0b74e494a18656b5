"""An XLIFF's `target-language` is read by its primary subtag whether written as BCP 47 or as a POSIX locale, and a
file of another language is told a `--lang` the command line takes (newcomer-12 N22): `target-language="zh_CN"` was
refused with "import it with `--lang zh_CN`", which click then rejects (`'zh_CN' is not one of 'ar', 'en', …`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ccdocs.i18n.catalogs import po_path, read_catalog
from refusals import Case, invoke
from test_i18n_xliff import MARK, _exported

IMPORT = ("i18n", "import", "{doc}", "{out}/doc.xlf", "--lang", "zh")


def _into(language: str):
    """A setup exporting the minimal document's zh catalog, its heading translated, its `<file>` saying `language`."""
    def setup(folder: Path, out: Path) -> None:
        xlf = _exported(folder, out)
        xlf.write_text(xlf.read_text(encoding="utf-8").replace(MARK, "导言").replace(
            'target-language="zh"', f'target-language="{language}"'), encoding="utf-8")
    return setup


@pytest.mark.parametrize("language", ["zh_CN", "zh_Hans_CN", "ZH_cn"])
def test_a_posix_locale_of_the_language_is_the_language(make_doc, tmp_path, language):
    folder, out = make_doc(), tmp_path / "out"
    out.mkdir()
    _into(language)(folder, out)
    code, output, _ = invoke([part.format(doc=folder, out=out) for part in IMPORT])
    assert code == 0, output
    assert "导言" in [message.string for message in read_catalog(po_path(folder, "zh"))]


def test_another_language_is_told_the_lang_that_imports_it(refuse):
    refuse(Case("fr_CA", {}, "this file is translated into `fr_CA`, not `zh` (import it with `--lang fr`, or "
                "give the zh file)", "doc.xlf:3", setup=_into("fr_CA"), command=IMPORT, check=False))
    code, said, _ = invoke(["i18n", "import", "--help"])
    assert code == 0 and "fr" in said.split("--lang", 1)[1].split("]")[0]  # a value `--lang` takes


def test_a_language_ccdocs_has_not_is_told_so(refuse):
    output = refuse(Case("ja_JP", {}, "this file is translated into `ja_JP`, not `zh` (ccdocs has no language `ja`; "
                         "its languages are ar, en, es, fr, ru, zh: give the zh file)", "doc.xlf:3",
                         setup=_into("ja_JP"), command=IMPORT, check=False))
    assert "--lang ja" not in output, output


@pytest.mark.parametrize("language", ["zh-TW", "zh-Hant", "zh_TW", "zh-Hant-HK", "zh_HK"])
def test_traditional_chinese_is_not_zh(refuse, language):
    """review-12 R17: a CAT tool set to Traditional Chinese by mistake filled the Simplified zh catalog without a word
    (`zh-TW`, `zh-Hant`, and since 2e6a520 `zh_TW`); `zh-Hans-HK` is Simplified and stays zh."""
    refuse(Case(language, {}, f"this file is translated into `{language}`, Chinese in its Traditional script, not "
                "ccdocs's `zh` (ccdocs's `zh` is Simplified Chinese", "doc.xlf:3", setup=_into(language),
                command=IMPORT, check=False))


def test_a_catalog_in_traditional_chinese_in_the_zh_folder_is_refused(copy_fixture):
    from ccdocs.errors import InputError
    from ccdocs.pipeline import read_sources, resolve

    folder = copy_fixture("budget")
    po = po_path(folder, "zh")
    po.write_text(re.sub(r'^"Language: .*$', r'"Language: zh_TW\\n"', po.read_text(encoding="utf-8"), count=1,
                         flags=re.M), encoding="utf-8")
    assert '"Language: zh_TW\\n"' in po.read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resolve(read_sources(folder), "zh")
    told = [str(item) for item in caught.value.problems]
    assert any("content.po:" in item and "`zh_TW`" in item and "Traditional script" in item for item in told), told


def test_simplified_chinese_of_hong_kong_is_zh():
    from ccdocs.i18n.catalogs import traditional_chinese

    assert [traditional_chinese(tag) for tag in ("zh", "zh-CN", "zh_Hans_CN", "zh-Hans-HK", "zh-TW", "zh_Hant",
                                                 "ZH-hk", "en-TW")] == [False] * 4 + [True] * 3 + [False]
