"""Specification of the toolkit's message catalogs: they parse, zh is complete, lookups fall back."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ccdocs.l10n.catalog import Catalog, default_locales_dir

LOCALES = Path(__file__).resolve().parents[1] / "locales"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def read(path):
    with path.open("rb") as handle:
        return read_po(handle)


def template_ids():
    return [m.id for m in read(LOCALES / "ccdocs.pot") if m.id]


def test_default_locales_dir_is_the_repository_folder():
    assert default_locales_dir() == LOCALES


@pytest.mark.parametrize("rel", ["ccdocs.pot", *sorted(p.relative_to(LOCALES).as_posix()
                                                       for p in LOCALES.glob("*/LC_MESSAGES/ccdocs.po"))])
def test_catalog_files_parse_and_hold_the_template_messages(rel):
    ids = [m.id for m in read(LOCALES / rel) if m.id]
    assert ids == template_ids()
    assert len(ids) == len(set(ids))


def test_every_template_message_has_a_translator_comment():
    for m in read(LOCALES / "ccdocs.pot"):
        if m.id:
            assert m.auto_comments or m.user_comments, m.id


def test_zh_is_complete():
    zh = Catalog.load("zh")
    assert zh.missing(template_ids()) == []
    for m in read(LOCALES / "zh" / "LC_MESSAGES" / "ccdocs.po"):
        if m.id:
            assert m.string and not m.fuzzy, m.id


def test_zh_keeps_every_placeholder():
    for m in read(LOCALES / "zh" / "LC_MESSAGES" / "ccdocs.po"):
        if m.id:
            assert sorted(PLACEHOLDER.findall(m.string)) == sorted(PLACEHOLDER.findall(m.id)), m.id


@pytest.mark.parametrize("lang", ["fr", "es", "ru"])
def test_french_spanish_russian_are_complete_and_name_no_field_the_msgid_lacks(lang):
    """Complete, as zh; a translation may leave a field out, never add one: `format` would raise KeyError."""
    assert Catalog.load(lang).missing(template_ids()) == []
    for m in read(LOCALES / lang / "LC_MESSAGES" / "ccdocs.po"):
        if m.id:
            assert m.string and not m.fuzzy, m.id
            assert set(PLACEHOLDER.findall(m.string)) <= set(PLACEHOLDER.findall(m.id)), m.id


def test_en_msgid_is_the_english():
    en = Catalog.load("en")
    for msgid in template_ids():
        assert en.gettext(msgid) == msgid


@pytest.mark.parametrize(
    "msgid, kw, en, zh",
    [("Original: {language}", {"language": "英文"}, "Original: 英文", "原文：英文"),
     ("Date: {date}", {"date": "2026年5月21日"}, "Date: 2026年5月21日", "日期：2026年5月21日"),
     ("page {page}", {"page": 2}, "page 2", "第 2 页"),
     ("Annex {number}", {"number": "二"}, "Annex 二", "附件二"),
     ("{annex}, page {page}", {"annex": "附件一", "page": 2}, "附件一, page 2", "附件一第 2 页"),
     ("Chapter {number}: {title}", {"number": 1, "title": "导言"}, "Chapter 1: 导言", "第1章：导言"),
     ("[Document {symbol} follows]", {"symbol": "WO/PBC/18/15"}, "[Document WO/PBC/18/15 follows]",
      "[后接文件WO/PBC/18/15]"),
     ("[End of Annex {number} and of document]", {"number": "二"}, "[End of Annex 二 and of document]",
      "[附件二和文件完]"),
     ("[{title} follows]", {"title": "人力资源年度报告"}, "[人力资源年度报告 follows]", "[后接人力资源年度报告]")],
)
def test_format(msgid, kw, en, zh):
    assert Catalog.load("en").format(msgid, **kw) == en
    assert Catalog.load("zh").format(msgid, **kw) == zh


@pytest.mark.parametrize(
    "msgid, zh",
    [("WIPO Coordination Committee", "产权组织协调委员会"), ("Program and Budget Committee", "计划和预算委员会"),
     ("Geneva", "日内瓦"), ("prepared by the Secretariat", "秘书处编拟"), ("[End of document]", "[文件完]"),
     ("The following decision paragraph is proposed.", "提议决定段落措辞如下："), ("n/a", "不适用"),
     ("(in thousands of Swiss francs)", "（单位：千瑞郎）"), ("Africa", "非洲"), ("Western Europe", "西欧"),
     ("Eastern Europe, Central Europe and Central Asia", "东欧、中欧和中亚")],
)
def test_zh_translations_seen_in_the_seeds(msgid, zh):
    assert Catalog.load("zh").gettext(msgid) == zh


def write(tmp_path, body):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "ccdocs.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n' + body,
                                      encoding="utf-8")
    return Catalog.load("xx", locales_dir=tmp_path)


def test_empty_fuzzy_and_absent_fall_back_to_the_msgid(tmp_path):
    cat = write(tmp_path, 'msgid "A"\nmsgstr "甲"\n\nmsgid "B"\nmsgstr ""\n\n#, fuzzy\nmsgid "C"\nmsgstr "丙"\n\n'
                          'msgctxt "table"\nmsgid "D"\nmsgstr "丁"\n')
    assert cat.gettext("A") == "甲"
    assert cat.gettext("B") == "B"
    assert cat.gettext("C") == "C"
    assert cat.gettext("Z") == "Z"
    assert cat.gettext("D") == "D"
    assert cat.gettext("D", context="table") == "丁"
    assert cat.missing(["A", "B", "C", "Z"]) == ["B", "C", "Z"]


def test_missing_language_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        Catalog.load("zh", locales_dir=tmp_path)
