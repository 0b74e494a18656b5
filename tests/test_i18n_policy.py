"""The build policy: a final build refuses what is not finished, a draft marks it; extraction names every place."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from click.testing import CliRunner

from ccdocs.cli import main
from ccdocs.errors import InputError
from ccdocs.i18n.catalogs import po_path, read_catalog
from ccdocs.i18n.extract import po_bytes, template, write_catalog
from ccdocs.i18n.places import Places
from ccdocs.i18n.policy import marked
from ccdocs.i18n.segments import Segment
from ccdocs.i18n.update import update
from ccdocs.model.dump import to_json
from ccdocs.pipeline import read_sources, resolve
from conftest import CATALOG, MINIMAL

REPORT = """\
# Introduction

We count {{ workforce.staff | number }} staff in 2025.[^staff]

::: keyfigures
- **{{ workforce.staff | number }}** staff
:::

> Work changed.
>
> — A manager, Madrid Registry

Second paragraph.

[^staff]: As at December 31, 2025.

::: table applicants
Applicants by region
:::
"""


@pytest.fixture
def doc(make_doc):
    """A scratch document with a numbered paragraph, key figures, a quote and a note; its zh catalog made."""
    folder = make_doc({"content/report.md": REPORT, CATALOG: None,
                       "document.yaml": MINIMAL.replace("    total: total\n",
                                                        "    total: total\n    notes: [Counted at year end.]\n")})
    sources = read_sources(folder)
    update(folder, "zh", template(sources, Places(resolve(sources, "en"))))
    return folder


def fill(folder, translations: dict) -> None:
    path = po_path(folder, "zh")
    catalog = read_catalog(path)
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
    write_catalog(catalog, path)


FULL = {
    "Introduction": "导言",
    "We count {{ workforce.staff | number }} staff in 2025.[^staff]": "2025年，员工人数为{{ workforce.staff | number }}。[^staff]",
    "**{{ workforce.staff | number }}** staff": "**{{ workforce.staff | number }}** 名员工",
    "Work changed.": "工作发生了变化。",
    "— A manager, Madrid Registry": "— 马德里注册部一位管理人员",
    "Second paragraph.": "第二段。",
    "As at December 31, 2025.": "截至2025年12月31日。",
    "Annex title": "附件标题",
    "Annex paragraph.": "附件段落。",
    "Counted at year end.": "按年底计算。",
    "Applications": "申请",
    "Applicants by region": "按区域分列的申请人",
}


def test_the_template_names_each_segment_with_its_kind_place_file_and_line(doc):
    pot = template(read_sources(doc), Places(resolve(read_sources(doc), "en")))
    found = {m.id: (m.auto_comments, m.locations, m.context) for m in pot if m.id}
    assert found["Introduction"] == (["heading: report, before ¶1"], [("content/report.md", 1)], None)
    assert found["We count {{ workforce.staff | number }} staff in 2025.[^staff]"][:2] == (
        ["paragraph: report ¶1"], [("content/report.md", 3)])
    assert found["**{{ workforce.staff | number }}** staff"][0] == ["keyfigure: report, after ¶1"]
    assert found["— A manager, Madrid Registry"][0] == ["blockquote: report, after ¶1"]
    assert found["Second paragraph."][0] == ["paragraph: report ¶2"]
    assert found["As at December 31, 2025."][0] == ["footnote 1"]
    assert found["Annex title"][0] == ["heading: annex-1, before ¶1"]
    assert found["Annex paragraph."][:2] == (["paragraph: annex-1 ¶1"], [("content/annex.md", 3)])
    assert found["Counted at year end."][2] == "data"
    assert [m.id for m in pot if m.id][:2] == ["Introduction", "We count {{ workforce.staff | number }} staff in 2025.[^staff]"]


def test_the_template_is_the_same_bytes_each_time_dated_by_the_document_or_source_date_epoch(doc, monkeypatch):
    sources = read_sources(doc)
    first = po_bytes(template(sources, Places(resolve(sources, "en"))))
    assert first == po_bytes(template(sources, Places(resolve(sources, "en"))))
    assert b'"POT-Creation-Date: 2026-05-21 00:00+0000\\n"' in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert b'"POT-Creation-Date: 2026-01-01 00:00+0000\\n"' in po_bytes(template(sources, lambda s: ""))


def test_a_complete_catalog_builds_in_final_mode(doc):
    fill(doc, FULL)
    data = to_json(resolve(read_sources(doc), "zh"))
    texts = [b["text"] for b in data["blocks"]]
    assert "2025年，员工人数为1,735。" in texts and data["footnotes"][-1]["text"] == "截至2025年12月31日。"


def test_a_final_build_lists_every_unfinished_segment_with_file_line_and_place(doc):
    """Each is named at its msgstr's line in the catalog first, then at its source's file and line."""
    fill(doc, {**FULL, "Second paragraph.": "", "Introduction": "导言(草稿)"})
    with pytest.raises(InputError) as refused:
        resolve(read_sources(doc), "zh")
    lines = [str(p) for p in refused.value.problems]
    po_lines = po_path(doc, "zh").read_text(encoding="utf-8").split("\n")
    msgstr = po_lines.index('msgstr "导言(草稿)"') + 1
    empty = po_lines.index('msgid "Second paragraph."') + 2
    assert lines[0].endswith(f"locales/zh/LC_MESSAGES/content.po:{msgstr}:1: error: translation of "
                             f"{doc / 'content/report.md'}:1 fails a check: report, before ¶1: "
                             "half-width `(` between Chinese characters at “导言(草稿)” (use the full-width form)")
    assert lines[1].endswith(f"locales/zh/LC_MESSAGES/content.po:{empty}:1: error: untranslated segment of "
                             f'{doc / "content/report.md"}:13 (report ¶2): "Second paragraph."')
    messages = sum(1 for message in read_catalog(po_path(doc, "zh")) if message.id)  # as msgfmt counts them
    assert f"locales/zh/LC_MESSAGES/content.po: error: 2 of {messages} messages in `zh` are not ready" in lines[-1]
    assert "`ccdocs build" in lines[-1] and "--draft`" in lines[-1] and "ccdocs i18n review" in lines[-1]


def test_the_error_count_leaves_out_the_catalogs_summary_line(doc, tmp_path):
    """Two unfinished segments are two errors: the catalog's closing line sums them up, it is not a third."""
    fill(doc, {**FULL, "Second paragraph.": "", "Introduction": "导言(草稿)"})
    result = CliRunner().invoke(main, ["build", str(doc), "--lang", "zh", "--out", str(tmp_path / "out")])
    lines = result.output.strip().split("\n")
    assert result.exit_code == 1 and len(lines) == 4, result.output
    assert "messages in `zh` are not ready" in lines[2] and lines[3] == "2 errors; nothing was written."

def test_a_fuzzy_entry_is_refused_even_with_a_good_translation(doc):
    fill(doc, FULL)
    path = po_path(doc, "zh")
    catalog = read_catalog(path)
    catalog["Second paragraph."].flags.add("fuzzy")
    write_catalog(catalog, path)
    with pytest.raises(InputError, match=r"content\.po:\d+:1: error: fuzzy segment of \S+/report\.md:13 \(report ¶2\)"):
        resolve(read_sources(doc), "zh")


def test_a_draft_prints_the_source_marked_where_the_translation_is_not_finished(doc):
    fill(doc, {"Introduction": "导言", "Annex paragraph.": "附件段落。"})
    data = to_json(resolve(read_sources(doc), "zh", draft=True))
    blocks = {(b["part"], b["type"], b["label"]): b["text"] for b in data["blocks"]}
    assert blocks[("report", "heading", None)] == "第1章：导言"
    assert blocks[("report", "para", "1.")] == "[草稿：未翻译] We count 1,735 staff in 2025."
    assert blocks[("report", "keyfigures", None)] == "1,735 staff [草稿：未翻译]"
    assert blocks[("report", "quote", None)].endswith("— A manager, Madrid Registry [草稿：未翻译]")
    assert blocks[("annex-1", "para", "1.")] == "附件段落。"
    assert data["footnotes"][-1]["text"] == "[草稿：未翻译] As at December 31, 2025."


def test_the_draft_mark_is_bold_and_comes_after_a_key_figure_or_an_attribution():
    assert marked(Segment("Text.", "f", 1, 1, "paragraph"), "S") == "**[S]** Text."
    assert marked(Segment("**1** staff", "f", 1, 1, "keyfigure"), "S") == "**1** staff **[S]**"
    assert marked(Segment("— Someone", "f", 1, 1, "blockquote"), "S") == "— Someone **[S]**"


def test_without_a_catalog_every_segment_is_untranslated_and_the_original_never_needs_one(make_doc):
    """No catalog refuses a final build as an empty one does (newcomer #11: the zh paper printed the English text,
    check ok); a draft prints every segment marked; the original is built from its own text."""
    folder = make_doc({CATALOG: None})
    with pytest.raises(InputError, match=r"`zh` has no catalog \(\S+content\.po does not exist\)"):
        resolve(read_sources(folder), "zh")
    texts = [b["text"] for b in to_json(resolve(read_sources(folder), "zh", draft=True))["blocks"]]
    assert "[草稿：未翻译] We count 1,735 staff." in texts and "We count 1,735 staff." not in texts
    path = po_path(folder, "zh")
    path.parent.mkdir(parents=True)
    path.write_bytes(po_bytes(Catalog(locale="zh")))
    with pytest.raises(InputError, match="untranslated segment"):
        resolve(read_sources(folder), "zh")
    assert resolve(read_sources(folder), "en").meta.lang == "en"
