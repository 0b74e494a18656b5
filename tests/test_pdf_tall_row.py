"""A table row taller than a page is cut where it falls, under the rows before it, as Word breaks it (breaks-9 #4).

The PDF split the table before such a row, into a piece of the rows above it (the column headings, the group row
`A. Personnel resources`) and a piece starting with the headings again: both stood on one page, so the headings
printed twice in a row; and as the caption's keep-with-next measured the tall row whole, more than a page, the
caption and unit line were left alone at the foot of the page before. Now the tall row brings its first lines onto
the page where it starts, with the caption, the unit line, the headings and the rows above it, and the headings
print once a page."""

from __future__ import annotations

import subprocess

import pytest

from ccdocs.build import build

WORDS = 300     # the label of `Posts` in the 2.6 cm label column: some 75 lines, more than a page


@pytest.fixture
def pages(copy_fixture) -> list[str]:
    """The text of each page of the en PDF of budget-table whose row `Posts` has a label of WORDS words."""
    folder = copy_fixture("budget")
    data = folder / "data" / "budget.csv"
    label = "Posts " + " ".join(f"label{i}" for i in range(WORDS))
    data.write_text(data.read_text(encoding="utf-8").replace("Posts,", f'"{label}",', 1), encoding="utf-8")
    yaml = folder / "document.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("languages: [en, zh]", "languages: [en]"),
                    encoding="utf-8")
    pdf, = build([folder], folder.parent / "out", None, ("pdf",))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")


def test_the_caption_stands_with_the_headings_and_the_first_lines_of_a_row_taller_than_a_page(pages):
    first = next(page for page in pages if "Table 1:" in page)
    assert "(in thousands of Swiss francs)" in first and "Transfers" in first, first
    assert "A. Personnel resources" in first and "label0" in first, first


def test_the_column_headings_print_once_a_page(pages):
    carrying = [page for page in pages if "label" in page]
    assert len(carrying) >= 2, "the row was not split across pages"
    assert all(page.count("Transfers") == 1 for page in carrying), [page.count("Transfers") for page in carrying]
    assert "label299" in "".join(pages)
