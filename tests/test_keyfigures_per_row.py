"""Specification: a theme's `docx.keyfigures_per_row` and `pdf.keyfigures_per_row` set how many key figures stand in a
row of the panel, each in its own format (the DOCX ignored its key and drew four a row whatever the theme said).

A panel of six figures under a theme asking two a row in the DOCX and three in the PDF: the DOCX's table has three
rows of two cells (and LibreOffice draws them so), the PDF two rows of three figures, in both languages (the DOCX
drew two rows of three: four a row but for one more, rows made even).
"""

from __future__ import annotations

import pytest
from docx import Document

from conftest import MINIMAL, REPORT, write_doc
from libreoffice import render, soffice
from pdfpages import read_pages
from refusals import run

FIGURES = ["1,111", "2,222", "3,333", "4,444", "5,555", "6,666"]
PANEL = REPORT + "\n::: keyfigures\n" + "".join(f"- **{figure}** staff\n" for figure in FIGURES) + ":::\n"
THEME = "docx: {keyfigures_per_row: 2}\npdf: {keyfigures_per_row: 3}\n"
LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """{(lang, fmt): path} of the panel's document built under the theme (zh as a draft: no catalog)."""
    work = tmp_path_factory.mktemp("per-row")
    folder = write_doc(work / "doc", {"document.yaml": MINIMAL + "theme: mine\n",
                                      "content/report.md": PANEL, "templates/themes/mine.yaml": THEME})
    found = {}
    for lang in LANGS:
        code, said, _ = run(["build", str(folder), "--lang", lang, "--out", str(work / "out"), "--draft"])
        assert code == 0, said
        for fmt in ("docx", "pdf"):
            found[(lang, fmt)] = next((work / "out" / lang).glob(f"*.{fmt}"))
    return found


def figures_a_row(rows) -> list[int]:
    """How many of FIGURES stand in each of `rows` (lists of word texts), rows holding none left out."""
    counts = [sum(text.strip() in FIGURES for text in row) for row in rows]
    return [count for count in counts if count]


@pytest.mark.parametrize("lang", LANGS)
def test_the_docx_panel_has_the_themes_figures_a_row(outputs, lang):
    panel = next(table for table in Document(outputs[(lang, "docx")]).tables if FIGURES[0] in table._tbl.xml)
    cells = [[cell.paragraphs[0].text for cell in row.cells] for row in panel.rows]
    assert cells == [FIGURES[:2], FIGURES[2:4], FIGURES[4:]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_panel_has_the_themes_figures_a_row(outputs, lang):
    rows = [[word.text for word in row] for page in read_pages(outputs[(lang, "pdf")]) for row in page.rows()]
    assert figures_a_row(rows) == [3, 3]


def test_libreoffice_draws_the_docx_panel_with_the_themes_figures_a_row(outputs, tmp_path):
    soffice()
    pdfs = render({lang: outputs[(lang, "docx")] for lang in LANGS}, tmp_path)
    for lang in LANGS:
        rows = [[word.text for word in row] for page in read_pages(pdfs[lang]) for row in page.rows()]
        assert figures_a_row(rows) == [2, 2, 2], lang
