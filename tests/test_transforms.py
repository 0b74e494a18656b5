"""Transforms: numbers, marks, labels and markers resolved once on the model."""

from __future__ import annotations

import pytest

from ccdocs.model.dump import to_json
from ccdocs.pipeline import read_sources, resolve
from conftest import MINIMAL

THREE_ANNEXES = MINIMAL.replace(
    "  - {type: annex, files: [content/annex.md]}",
    "  - {type: annex, files: [content/annex.md]}\n  - {type: annex, files: [content/annex-2.md]}\n"
    "  - {type: annex, files: [content/annex-3.md]}")
ANNEXES = {"content/annex-2.md": "# Second annex\n\nIts paragraph.\n", "content/annex-3.md": "# Third annex\n\nIts paragraph.\n"}
CHAPTERS = """\
# One

First.

{.unnumbered}
Not counted.

Second.[^a]

# Two

- a bullet

1. first
2. second
   1. inner

Third.[^b]

[^a]: Note a.
[^b]: Note b.
"""


def resolved(folder, lang="en"):
    return to_json(resolve(read_sources(folder), lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_paragraphs_run_through_the_report_and_restart_per_part(make_doc, lang):
    data = resolved(make_doc({"content/report.md": CHAPTERS}), lang)
    labels = [(b["part"], b["label"]) for b in data["blocks"] if b["label"]]
    assert labels == [("cover-note", "1."), ("cover-note", "2."), ("report", "1."), ("report", "2."),
                      ("report", "3."), ("annex-1", "1.")]
    unnumbered = [b for b in data["blocks"] if b["text"] == "Not counted."]
    assert unnumbered[0]["label"] is None


def test_footnotes_star_in_the_cover_note_then_numbers_through_report_and_annex(make_doc):
    folder = make_doc({"content/report.md": CHAPTERS, "content/annex.md": "# A\n\nText.[^c]\n\n[^c]: Note c.\n"})
    notes = resolved(folder)["footnotes"]
    assert [(n["number"], n["part"]) for n in notes] == [("*", "cover-note"), ("1", "report"), ("2", "report"),
                                                        ("3", "annex-1")]
    assert notes[1]["text"] == "Note a."


@pytest.mark.parametrize("lang,chapters,lists", [
    ("en", ["Chapter 1: One", "Chapter 2: Two"], "• a bullet\n(a) first\n(b) second (i) inner"),
    ("zh", ["第1章：One", "第2章：Two"], "• a bullet\n（a） first\n（b） second （i） inner"),
])
def test_chapters_and_list_labels_follow_the_language(make_doc, lang, chapters, lists):
    data = resolved(make_doc({"content/report.md": CHAPTERS}), lang)
    assert [b["text"] for b in data["blocks"] if b["type"] == "heading" and b["part"] == "report"] == chapters
    assert "\n".join(b["text"] for b in data["blocks"] if b["type"] == "list") == lists


@pytest.mark.parametrize("lang,markers", [
    ("en", ["[Annual Report on Human Resources follows]", "[Annexes follow]", "[Annex II follows]",
            "[Annex III follows]", "[End of Annex III and of document]"]),
    ("zh", ["[后接人力资源年度报告]", "[后接附件]", "[后接附件二]", "[后接附件三]", "[附件三和文件完]"]),
])
def test_markers_and_annex_labels_with_several_annexes(make_doc, lang, markers):
    data = resolved(make_doc({"document.yaml": THREE_ANNEXES, **ANNEXES}), lang)
    assert [b["text"] for b in data["blocks"] if b["type"] == "marker"] == markers
    headers = {p["id"]: (p["first_header"], p["header"]) for p in data["parts"]}
    expected = {"en": ("Annex II", "Annex II, page {page}"), "zh": ("附件二", "附件二第 {page} 页")}[lang]
    assert headers["annex-2"] == expected


@pytest.mark.parametrize("lang,markers", [
    ("en", ["[Annual Report on Human Resources follows]", "[Annex follows]", "[End of Annex and of document]"]),
    ("zh", ["[后接人力资源年度报告]", "[后接附件]", "[附件和文件完]"]),
])
def test_markers_with_one_annex(make_doc, lang, markers):
    data = resolved(make_doc(), lang)
    assert [b["text"] for b in data["blocks"] if b["type"] == "marker"] == markers
    assert {p["id"]: p["header"] for p in data["parts"]}["annex-1"] == \
        {"en": "Annex, page {page}", "zh": "附件第 {page} 页"}[lang]


def test_without_annex_the_report_ends_the_document(make_doc):
    text = MINIMAL.replace("  - {type: annex, files: [content/annex.md]}\n", "")
    data = resolved(make_doc({"document.yaml": text}), "zh")
    assert [b["text"] for b in data["blocks"] if b["type"] == "marker"] == ["[后接人力资源年度报告]", "[文件完]"]


def test_roman_chapter_style(make_doc):
    text = MINIMAL.replace("kind: information", "kind: information\nchapter_style: roman").split("tables:\n")[0]
    folder = make_doc({"document.yaml": text, "content/report.md": CHAPTERS})
    assert [b["text"] for b in resolved(folder, "zh")["blocks"] if b["type"] == "heading"][:2] == ["一、One", "二、Two"]
    assert [b["text"] for b in resolved(folder, "en")["blocks"] if b["type"] == "heading"][:2] == ["I. One", "II. Two"]


@pytest.mark.parametrize("text,fragment,line", [
    ("# T\n\nText.[^x]\n", "footnote `[^x]` is not defined", 3),
    ("# T\n\nText.\n\n[^y]: Never used.\n", "footnote `[^y]` is never used", 5),
    ("# T\n\n::: table nothing\nCaption\n:::\n", "no table `nothing`", 3),
    ("# T\n\n![chart](c.png)\n", "image `c.png` does not exist", 3),
    ("# T\n\n```\ncode\n```\n", "fence is not supported", 3),
])
def test_content_mistakes_name_file_and_line(make_doc, text, fragment, line):
    from ccdocs.errors import InputError
    folder = make_doc({"content/report.md": text})
    with pytest.raises(InputError) as caught:
        resolve(read_sources(folder), "en")
    messages = [str(p) for p in caught.value.problems]
    assert any(fragment in m and f"report.md:{line}:" in m for m in messages), messages
