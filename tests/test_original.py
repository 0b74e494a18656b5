"""The printed original and the keyed language: `original:` is the language the cover names as the original,
`source:` the language the content is keyed in (by default the original). Read from the built covers (DOCX through
python-docx, PDF through pdfplumber) and the resolved model; inconsistent combinations are refused at their line."""

from __future__ import annotations

import docx
import pdfplumber
import pytest
from click.testing import CliRunner

from ccdocs.build import build
from ccdocs.cli import main
from ccdocs.model.dump import to_json
from ccdocs.pipeline import read_sources, resolve
from conftest import CATALOG, MINIMAL, translated_as_written
from refusals import Case, write_files

KEYED_IN_CHINESE = {
    "content/report.md": "# 导言\n\n我们有{{ workforce.staff | number }}名员工。[^staff]\n\n第二段。\n\n"
                         "[^staff]: 截至2025年12月31日。\n\n::: table applicants\n各区域申请人\n:::\n",
    "content/annex.md": "# 附件标题\n\n附件段落。\n",
}
COVER = {"en": "ORIGINAL: ENGLISH", "zh": "原文：英文"}


def folder_with(make, yaml: str, files: dict | None = None):
    """The scratch document with `yaml` and `files`, its catalogs translating its text as written (but those `files`
    names: None, none)."""
    folder = make({CATALOG: None})
    write_files(folder, {"document.yaml": yaml, **(files or {})})
    translated_as_written(folder, given=files or {})
    return folder


def pdf_cover(path) -> str:
    with pdfplumber.open(path) as pdf:
        return pdf.pages[0].extract_text()


def docx_cover(path) -> list[str]:
    """The cover's right-aligned lines (symbol, ORIGINAL, DATE) in capitals, as Word shows them (All Caps)."""
    return [p.text.upper() for p in docx.Document(path).paragraphs if p.style.name == "Cover Symbol"]


@pytest.fixture(scope="module")
def chinese_keyed_english_original(tmp_path_factory):
    """A copy of an English original keyed in Chinese (`original: en`, `source: zh`), built in en and zh, DOCX and
    PDF: {(lang, fmt): path}."""
    base = tmp_path_factory.mktemp("keyed-zh")
    folder = base / "doc"
    files = {"document.yaml": MINIMAL.replace("original: en\n", "original: en\nsource: zh\n"),
             "data/workforce.yaml": "staff: 1735\n", "data/applicants.csv": "id,region,applied\nafrica,非洲,100\ntotal,,100\n",
             **KEYED_IN_CHINESE}
    write_files(folder, files)
    translated_as_written(folder)  # its en catalog: the Chinese text as written (conftest.write_doc)
    return {(p.parent.name, p.suffix[1:]): p for p in build([folder], base / "out")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cover_names_the_printed_original_not_the_keyed_language(chinese_keyed_english_original, lang):
    built = chinese_keyed_english_original
    assert COVER[lang] in pdf_cover(built[(lang, "pdf")])
    assert COVER[lang] in docx_cover(built[(lang, "docx")])
    assert "原文：中文" not in pdf_cover(built[(lang, "pdf")]) + "".join(docx_cover(built[(lang, "docx")]))


def test_the_keyed_language_is_printed_as_typed(chinese_keyed_english_original):
    with pdfplumber.open(chinese_keyed_english_original[("zh", "pdf")]) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace(" ", "")
    assert "我们有1,735名员工" in text


def test_a_french_original_keyed_in_english_prints_french_in_both_languages(make_doc, tmp_path):
    folder = folder_with(make_doc, MINIMAL.replace("original: en\n", "original: fr\nsource: en\n"))
    built = {(p.parent.name, p.suffix[1:]): p for p in build([folder], tmp_path / "out")}
    for lang, expected in (("en", "ORIGINAL: FRENCH"), ("zh", "原文：法文")):
        assert expected in pdf_cover(built[(lang, "pdf")])
        assert expected in docx_cover(built[(lang, "docx")])


def test_an_old_folder_keyed_in_its_chinese_original_still_means_both(make_doc):
    folder = folder_with(make_doc, MINIMAL.replace("original: en", "original: zh"), KEYED_IN_CHINESE)
    sources = read_sources(folder)
    assert sources.spec.source == "zh"
    meta = to_json(resolve(sources, "zh"))["meta"]
    assert meta["original"] == "原文：中文"


def test_translations_are_made_from_the_keyed_language(make_doc):
    folder = folder_with(make_doc, MINIMAL.replace("original: en\n", "original: en\nsource: zh\n"),
                         {**KEYED_IN_CHINESE, "locales/en/LC_MESSAGES/content.po": None})
    made = CliRunner().invoke(main, ["i18n", "update", str(folder), "--lang", "en"])
    assert made.exit_code == 0, made.output
    catalog = (folder / "locales/en/LC_MESSAGES/content.po").read_text(encoding="utf-8")
    assert 'msgid "第二段。"' in catalog
    refused = CliRunner().invoke(main, ["i18n", "update", str(folder), "--lang", "zh"])
    assert refused.exit_code == 1 and "keyed in" in refused.output  # at document.yaml's line, as build tells it (0fe65bb)


SOURCE_ZH = MINIMAL.replace("original: en\n", "original: en\nsource: zh\n")  # source: line 9, languages: line 10

CASES = [
    Case("unknown-original", {"document.yaml": MINIMAL.replace("original: en", "original: de")},
         "unknown original `de`", "document.yaml:8"),
    Case("unknown-source", {"document.yaml": MINIMAL.replace("original: en\n", "original: en\nsource: xx\n")},
         "unknown source `xx`", "document.yaml:9"),
    Case("source-not-built", {"document.yaml": SOURCE_ZH.replace("languages: [en, zh]", "languages: [en]")},
         "the content is keyed in `zh`, which `languages:` does not list", "document.yaml:9"),
    Case("original-not-keyable-without-source", {"document.yaml": MINIMAL.replace("original: en", "original: fr")},
         "add `source: en`", "document.yaml:8"),
    Case("title-without-the-keyed-language", {"document.yaml": SOURCE_ZH.replace(
        "title: {en: Annual Report on Human Resources, zh: 人力资源年度报告}", "title: {en: Annual Report}")},
         "`title` has no text in `zh`", "document.yaml:11"),
    Case("catalog-of-the-keyed-language", {"document.yaml": SOURCE_ZH, "locales/zh/LC_MESSAGES/content.po":
                                           'msgid ""\nmsgstr ""\n"Language: zh\\n"\n'},
         "the text is keyed in zh (`source: zh`), so its zh catalog", "document.yaml:9"),
    Case("empty-source", {"document.yaml": MINIMAL.replace("original: en\n", "original: en\nsource:\n")},
         "`source` is empty", "document.yaml:9"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_inconsistent_original_or_source_is_refused_at_its_line(refuse, case, monkeypatch):
    # ccdocs keys the languages it has a profile for (l10n.language): here en and zh only, whatever profiles of
    # WIPO's other languages the toolkit holds, so that `fr` stands for an original ccdocs cannot key
    monkeypatch.setattr("ccdocs.sources.spec.known_languages", lambda: ("en", "zh"))
    refuse(case)

