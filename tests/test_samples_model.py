"""The sample documents resolve to the numbering and cover fields of the format spec."""

from __future__ import annotations

import pytest

COVERS = {
    ("86", "en"): {
        "language_letter": "E", "symbol": "WO/CC/86/INF/1", "original": "ORIGINAL: ENGLISH",
        "date": "DATE: MAY 21, 2026", "body": "WIPO Coordination Committee",
        "session": "Eighty-Sixth (57th Ordinary) Session", "place_dates": "Geneva, July 7 to 15, 2026",
        "title": "ANNUAL REPORT ON HUMAN RESOURCES", "author": "prepared by the Secretariat"},
    ("86", "zh"): {
        "language_letter": "C", "symbol": "WO/CC/86/INF/1", "original": "原文：英文", "date": "日期：2026年5月21日",
        "body": "产权组织协调委员会", "session": "第八十六届会议（第57次例会）",
        "place_dates": "2026年7月7日至15日，日内瓦", "title": "人力资源年度报告", "author": "秘书处编拟"},
    ("84", "en"): {
        "language_letter": "E", "symbol": "WO/CC/84/INF/1", "original": "ORIGINAL: ENGLISH",
        "body": "WIPO Coordination Committee", "session": "Eighty-Fourth (56th Ordinary) Session",
        "place_dates": "Geneva, July 8 to 17, 2025", "title": "ANNUAL REPORT ON HUMAN RESOURCES",
        "author": "prepared by the Secretariat"},
    ("84", "zh"): {
        "language_letter": "C", "symbol": "WO/CC/84/INF/1", "original": "原文：英文",
        "body": "产权组织协调委员会", "session": "第八十四届会议（第56次例会）",
        "place_dates": "2025年7月8日至17日，日内瓦", "title": "人力资源年度报告", "author": "秘书处编拟"},
}
MINIMA = {"86": (60, 8), "84": (30, 3)}


@pytest.mark.parametrize("key,lang", sorted(COVERS))
def test_cover_fields_are_those_of_the_format_spec(dumped, key, lang):
    meta = dumped(key, lang)["meta"]
    assert {k: meta[k] for k in COVERS[(key, lang)]} == COVERS[(key, lang)]


@pytest.mark.parametrize("key", ["86", "84"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_paragraphs_are_numbered_without_gap_or_repeat_per_part(dumped, key, lang):
    blocks = dumped(key, lang)["blocks"]
    parts = {}
    for block in blocks:
        if block["label"]:
            parts.setdefault(block["part"], []).append(block["label"])
    assert list(parts) == ["cover-note", "report", "annex-1"]
    for part, labels in parts.items():
        assert labels == [f"{n}." for n in range(1, len(labels) + 1)], part
    assert len(parts["cover-note"]) == 2
    assert len(parts["report"]) >= MINIMA[key][0]


@pytest.mark.parametrize("key", ["86", "84"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_footnotes_star_then_one_to_m(dumped, key, lang):
    numbers = [n["number"] for n in dumped(key, lang)["footnotes"]]
    assert numbers[0] == "*"
    rest = numbers[1:]
    assert rest == [str(n) for n in range(1, len(rest) + 1)] and len(rest) >= MINIMA[key][1]


@pytest.mark.parametrize("key", ["86", "84"])
def test_every_language_has_the_same_numbering(dumped, key):
    def shape(lang):
        return [(b["part"], b["type"], b["label"], tuple(b["footnotes"])) for b in dumped(key, lang)["blocks"]]

    assert shape("en") == shape("zh")


def test_the_2026_report_has_what_the_issue_asks_for(dumped):
    blocks = dumped("86", "en")["blocks"]
    types = [b["type"] for b in blocks]
    assert types.count("table") >= 3 and types.count("keyfigures") >= 1 and types.count("box") >= 1
    assert types.count("quote") >= 1
    chapters = [b["text"] for b in blocks if b["type"] == "heading" and b.get("level") == 1 and b["part"] == "report"]
    assert [c.split(":")[0] for c in chapters] == [f"Chapter {n}" for n in range(1, 6)]
    assert any(b["type"] == "table" for b in blocks if b["part"] == "annex-1")


def test_some_footnotes_link_to_other_documents():
    from ccdocs.model import Link, Note
    from ccdocs.pipeline import read_sources, resolve
    from ccdocs.transforms.walk import walk
    from conftest import DOCS

    doc = resolve(read_sources(DOCS["86"]), "en")
    linked = [n for n in walk(doc.parts) if isinstance(n, Note) and any(isinstance(i, Link) for i in walk(n.blocks))]
    assert len(linked) >= 2
