"""A paper with a contents table is laid out twice, the first time for its page numbers alone (issue 19): that pass,
and the one the DOCX writer asks for its contents' numbers (`heading_pages`), place every flowable as a whole
layout does but draw none and save nothing; the PDF is drawn and saved once, by the pass that prints the numbers."""

from __future__ import annotations

import pytest

from conftest import DOCS


@pytest.fixture(scope="module")
def paper():
    """WO/CC/84/INF/1 in English (a contents table on its second page) and its theme."""
    from ccdocs.pipeline import read_sources, resolve
    from ccdocs.theme import load_theme

    sources = read_sources(DOCS["84"])
    return resolve(sources, "en"), load_theme(sources.spec.theme, sources.spec.folder)


@pytest.fixture
def counted(monkeypatch):
    """Counts of text blocks drawn and of PDF files saved, as the writer runs."""
    from reportlab.pdfgen.canvas import Canvas

    from ccdocs.writers.pdf.text import TextBlock

    counts = {"drawn": 0, "saved": 0}
    draw, save = TextBlock.draw, Canvas.save

    def drawing(block):
        counts["drawn"] += 1
        return draw(block)

    def saving(canvas):
        counts["saved"] += 1
        return save(canvas)

    monkeypatch.setattr(TextBlock, "draw", drawing)
    monkeypatch.setattr(Canvas, "save", saving)
    return counts


def test_the_pdf_is_drawn_and_saved_once_though_laid_out_twice(paper, counted):
    from ccdocs.writers.pdf import paper as pdf

    doc, theme = paper
    data, found = pdf.passes(doc, theme)
    once = dict(counted)
    counted.update(drawn=0, saved=0)
    whole, numbers = pdf.layout(doc, theme, found)   # one whole layout printing the numbers found
    assert (data, found) == (whole, numbers) and found
    assert once == counted and once["saved"] == 1 and once["drawn"] > 100


def test_the_docx_contents_numbers_come_from_a_layout_that_draws_nothing(paper, counted):
    from ccdocs.writers.pdf import paper as pdf

    doc, theme = paper
    numbers = pdf.heading_pages(doc, theme)
    assert counted == {"drawn": 0, "saved": 0}
    assert numbers == pdf.passes(doc, theme)[1]
