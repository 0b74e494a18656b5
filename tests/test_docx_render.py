"""A real client renders the DOCX: LibreOffice converts the four sample documents once, poppler reads the pages."""

from __future__ import annotations

import re

import pytest

from ccdocs.errors import InputError
from pdfpages import Page, read_pages, squeeze
from ccdocs.theme import load_theme

KEYS = [("86", "en"), ("86", "zh"), ("84", "en"), ("84", "zh")]
LABEL = re.compile(r"^\d+\.$")
MARK = re.compile(r"^(\d+|\*+)$")
NEAR = 1.5  # points


@pytest.fixture(scope="module")
def rendered(office):
    """A function `rendered(key, lang) -> [Page]`: the four DOCX as LibreOffice renders them (`office`, shared)."""
    try:
        office(*dict.fromkeys(key for key, _ in KEYS))  # one LibreOffice call for all, when all build
    except InputError:
        pass  # each sample is tried alone below: its build error fails its own tests only
    pages: dict = {}

    def get(key: str, lang: str) -> list[Page]:
        if (key, lang) not in pages:
            pages[(key, lang)] = read_pages(office(key)[(key, lang)])
        return pages[(key, lang)]

    return get


@pytest.fixture(scope="module")
def geometry():
    """Left margin, numbered-paragraph tab and footnote tab in points, from the theme."""
    theme = load_theme()
    return theme.pt("page.margins.left"), theme.pt("numbered_paragraph.tab"), theme.pt("footnotes.tab")


def page_pattern(pattern: str, page: int) -> str:
    return pattern.replace("{page}", str(page))


@pytest.mark.parametrize("key,lang", KEYS)
def test_page_one_is_the_cover_without_header(rendered, dumped, key, lang):
    meta = dumped(key, lang)["meta"]
    first = rendered(key, lang)[0]
    text = "\n".join(first.lines)
    assert text.count(meta["symbol"]) == 1
    assert any(line.strip() == meta["language_letter"] for line in first.lines)
    for field in ("original", "date", "body", "place_dates", "title", "author"):
        assert squeeze(meta[field]) in first.squeezed, field
    report_header = next(p["header"] for p in dumped(key, lang)["parts"] if p["kind"] == "report")
    assert page_pattern(report_header, 1) not in text


@pytest.mark.parametrize("key,lang", KEYS)
def test_page_two_begins_with_the_symbol_and_its_page_number(rendered, dumped, key, lang):
    data = dumped(key, lang)
    report = next(p for p in data["parts"] if p["kind"] == "report")
    expected = [data["meta"]["symbol"], page_pattern(report["header"], 2)]
    assert rendered(key, lang)[1].header == [squeeze(line) for line in expected]


def shown_labels(page: Page, margin: float, tab: float) -> list[str]:
    """The paragraph numbers on a page: `N.` at the margin, the text starting at the tab."""
    labels = []
    for row in page.rows():
        first = row[0]
        if LABEL.match(first.text) and abs(first.x0 - margin) < NEAR and len(row) > 1 \
                and abs(row[1].x0 - (margin + tab)) < NEAR:
            labels.append(first.text)
    return labels


def annex_pages(pages: list[Page], symbol: str, annex: dict) -> list[Page]:
    """The pages whose running header is the annex's."""
    own = {squeeze(annex["first_header"])} | {squeeze(page_pattern(annex["header"], n))
                                              for n in range(1, len(pages) + 1)}
    return [p for p in pages if len(p.header) == 2 and p.header[0] == symbol and p.header[1] in own]


@pytest.mark.parametrize("key,lang", KEYS)
def test_libreoffice_shows_the_models_paragraph_numbers(rendered, dumped, geometry, key, lang):
    data = dumped(key, lang)
    margin, tab, _ = geometry
    pages = rendered(key, lang)
    shown = [label for page in pages for label in shown_labels(page, margin, tab)]
    assert shown == [b["label"] for b in data["blocks"] if b["label"]]
    for annex in (p for p in data["parts"] if p["kind"] == "annex"):
        in_annex = [label for page in annex_pages(pages, data["meta"]["symbol"], annex)
                    for label in shown_labels(page, margin, tab)]
        assert in_annex == [b["label"] for b in data["blocks"] if b["label"] and b["part"] == annex["id"]]


def marks(page: Page, margin: float, note_tab: float):
    """(marks in the text, marks opening a note at the foot) of a page, each a list in reading order.

    A mark in the text is a raised number (or `*`) glued to the word before it, or, where the line broke
    before it, to the word after it; a note at the foot starts at the margin, its text at the footnote tab.
    """
    in_text, at_foot = [], []
    for row in page.rows():
        for before, word, after in zip([None] + row[:-1], row, row[1:] + [None]):
            if not MARK.match(word.text):
                continue
            if before is not None:
                if word.x0 - before.x1 < NEAR and word.height < 0.75 * before.height:
                    in_text.append(word.text)
            elif after is not None and word.height < 0.75 * after.height:
                if abs(after.x0 - (margin + note_tab)) < NEAR and abs(word.x0 - margin) < NEAR:
                    at_foot.append(word.text)
                elif after.x0 - word.x1 < NEAR:
                    in_text.append(word.text)
    return in_text, at_foot


@pytest.mark.parametrize("key,lang", KEYS)
def test_every_footnote_is_on_the_page_of_its_mark(rendered, dumped, geometry, key, lang):
    notes = dumped(key, lang)["footnotes"]
    margin, _, note_tab = geometry
    called, placed = [], []
    pages = rendered(key, lang)
    for page in pages:
        in_text, at_foot = marks(page, margin, note_tab)
        called += [(page.number, m) for m in in_text]
        placed += [(page.number, m) for m in at_foot]
    assert [m for _, m in called] == [n["number"] for n in notes]
    assert placed == called
    for (number, _), note in zip(placed, notes):
        opening = squeeze(note["text"])[:40]
        assert opening in pages[number - 1].squeezed, note["number"]


@pytest.mark.parametrize("key,lang", KEYS)
def test_annex_pages_have_their_own_header_and_numbers(rendered, dumped, key, lang):
    data = dumped(key, lang)
    symbol, pages = data["meta"]["symbol"], rendered(key, lang)
    for annex in (p for p in data["parts"] if p["kind"] == "annex"):
        first = next(p for p in pages if p.header == [symbol, squeeze(annex["first_header"])])
        following = pages[first.number] if first.number < len(pages) else None
        assert following is not None and following.header == [symbol, squeeze(page_pattern(annex["header"], 2))]
    expected = {"en": "Annex, page 2", "zh": "附件第 2 页"}[lang]
    assert any(p.header[1:] == [squeeze(expected)] for p in pages)
    assert any(expected in line for p in pages for line in p.lines[:4]) or lang == "zh"
