"""The PDF writer on the sample documents, in both languages: page furniture, numbering, notes, fonts, features."""

from __future__ import annotations

import re
import subprocess

import pypdf
import pytest

from ccdocs.pipeline import read_sources, resolve
from ccdocs.writers.pdf import write
from ccdocs.writers.pdf.cjk import NO_END, NO_START, is_cjk
from test_pdf_footnotes import MARGIN, THEME, check_notes, read_pages, words

CASES = [(key, lang) for key in ("86", "84") for lang in ("en", "zh")]
ANALYSED: dict = {}


@pytest.fixture
def pages(built):
    """A function (key, lang) -> the glyph pages of that sample PDF, read once per session."""

    def get(key, lang):
        if (key, lang) not in ANALYSED:
            ANALYSED[(key, lang)] = read_pages(built(key, lang, "pdf"))
        return ANALYSED[(key, lang)]

    return get


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing what extraction spaces differently."""
    return re.sub(r"\s+", "", text)


def han(text: str) -> str:
    """Only the Chinese characters and punctuation of a text (footnote marks and spacing left out)."""
    return "".join(ch for ch in text if is_cjk(ch) and not ch.isspace())


def follows(wanted: str, text: str, start: int) -> int:
    """Where `wanted` ends in `text` after `start`: found from its first characters on, allowing running
    headers and notes between its pages (at most 300 characters in all)."""
    at = text.find(wanted[:8], start)
    assert at >= 0, f"not found: {wanted[:30]}"
    skipped = 0
    for ch in wanted:
        while text[at] != ch:
            at, skipped = at + 1, skipped + 1
            assert skipped < 300, f"not as written: {wanted[:30]}"
        at += 1
    return at


def line_text(line) -> str:
    return "".join(g.ch for g in line)


@pytest.mark.parametrize("key,lang", CASES)
def test_page_one_is_the_cover_without_a_header(pages, dumped, key, lang):
    meta = dumped(key, lang)["meta"]
    first = pages(key, lang)[0]
    top = [line_text(line) for line in first.lines()[:4]]
    assert top == [meta["language_letter"], squeeze(meta["symbol"]), squeeze(meta["original"]), squeeze(meta["date"])]
    frame_top = first.height - THEME.pt("page.margins.top")
    assert all(g.box[3] <= frame_top + 1 for g in first.glyphs), "nothing above the text area on page 1"
    text = squeeze("".join(g.ch for g in first.glyphs))
    for field in ("body", "session", "place_dates", "title", "author"):
        assert squeeze(meta[field]) in text


@pytest.mark.parametrize("key,lang", CASES)
def test_later_pages_carry_the_symbol_and_their_number_in_their_part(pages, dumped, key, lang):
    data = dumped(key, lang)
    report = next(p for p in data["parts"] if p["kind"] == "report")
    annexes = [p for p in data["parts"] if p["kind"] == "annex"]
    started, annex, number = 0, None, 0
    for page in pages(key, lang)[1:]:
        symbol, second = [line_text(line) for line in page.lines()[:2]]
        assert symbol == squeeze(data["meta"]["symbol"]), f"page {page.number}"
        if started < len(annexes) and second == squeeze(annexes[started]["first_header"]):
            annex, number, started = annexes[started], 1, started + 1
        elif annex:
            number += 1
            assert second == squeeze(annex["header"].format(page=number)), f"page {page.number}"
        else:
            assert second == squeeze(report["header"].format(page=page.number)), f"page {page.number}"
    assert started == len(annexes), "each annex starts on a new page under its first-page header"


@pytest.mark.parametrize("key,lang", CASES)
def test_paragraph_numbers_in_reading_order_are_the_models(pages, dumped, key, lang):
    tab = THEME.pt("numbered_paragraph.tab")
    body = THEME.size(lang, "body")
    found = []
    for page in pages(key, lang):
        for line in page.lines():
            w = words(line)
            if (len(w) > 1 and abs(w[0][1] - MARGIN) < 0.6 and abs(line[0].size - body) < 0.05
                    and re.fullmatch(r"\d+\.", w[0][0]) and abs(w[1][1] - MARGIN - tab) < 0.6):
                found.append(w[0][0])
    assert found == [b["label"] for b in dumped(key, lang)["blocks"] if b["label"]]


@pytest.mark.parametrize("key,lang", CASES)
def test_every_footnote_sits_under_the_rule_of_the_page_of_its_mark(pages, dumped, key, lang):
    notes = {n["number"]: n["text"] for n in dumped(key, lang)["footnotes"]}
    assert notes, "the samples have footnotes"
    where = check_notes(pages(key, lang), lang, notes)
    assert where.get("*") == 1, "the cover note's * note is on page 1"


@pytest.mark.parametrize("key,lang", CASES)
def test_every_font_is_embedded_as_a_subset(built, key, lang):
    out = subprocess.run(["pdffonts", str(built(key, lang, "pdf"))], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert "+" in row[0] and row[-5:-2] == ["yes", "yes", "yes"], row


@pytest.mark.parametrize("key", ["86", "84"])
def test_chinese_text_extracts_as_written(built, dumped, key):
    text = han(subprocess.run(["pdftotext", str(built(key, "zh", "pdf")), "-"], capture_output=True,
                              text=True, check=True).stdout)
    data = dumped(key, "zh")
    assert han(data["meta"]["title"]) in text
    at = 0
    for block in data["blocks"]:
        if block["type"] in ("para", "heading", "list") and han(block["text"]):
            at = follows(han(block["text"]), text, at)


@pytest.mark.parametrize("key", ["86", "84"])
def test_no_chinese_line_starts_or_ends_with_a_forbidden_mark(pages, key):
    for page in pages(key, "zh"):
        for line in page.lines():
            text = line_text(line)
            assert text[0] not in NO_START, f"page {page.number}: {text}"
            assert text[-1] not in NO_END, f"page {page.number}: {text}"


@pytest.mark.parametrize("key,lang", CASES)
def test_metadata_outline_links_and_page_size(built, dumped, key, lang):
    reader = pypdf.PdfReader(built(key, lang, "pdf"))
    meta = dumped(key, lang)["meta"]
    info = reader.metadata
    assert info.subject == meta["symbol"] and info.producer == "ccdocs" and info.title
    assert reader.trailer["/Root"]["/Lang"] == ("en" if lang == "en" else "zh-CN")
    assert all(abs(float(p.mediabox.width) - 595.28) < 0.1 and abs(float(p.mediabox.height) - 841.89) < 0.1
               for p in reader.pages)
    titles = [squeeze(o.title) for o in reader.outline if not isinstance(o, list)]
    for block in dumped(key, lang)["blocks"]:
        if block["type"] == "heading" and block["level"] == 1:
            assert any(squeeze(block["text"]) in t for t in titles), block["text"]
    uris = [(a.get_object().get("/A") or {}).get("/URI") for p in reader.pages for a in p.get("/Annots") or []
            if a.get_object().get("/Subtype") == "/Link"]
    assert any(u and u.startswith("https://") for u in uris)


def test_two_writes_are_byte_identical(make_doc, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    doc = resolve(read_sources(make_doc()), "zh")
    assert write(doc, THEME) == write(doc, THEME)


def test_the_creation_date_is_the_documents_own_without_source_date_epoch(make_doc, monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = tmp_path / "x.pdf"
    path.write_bytes(write(resolve(read_sources(make_doc()), "en"), THEME))
    assert pypdf.PdfReader(path).metadata["/CreationDate"].startswith("D:20260521000000")


def test_the_creation_date_follows_source_date_epoch(make_doc, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    path = tmp_path / "x.pdf"
    path.write_bytes(write(resolve(read_sources(make_doc()), "en"), THEME))
    assert pypdf.PdfReader(path).metadata["/CreationDate"].startswith("D:20260528")
