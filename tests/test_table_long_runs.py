"""Specification: a table cell's long run breaks at its column's edge, and the columns share the width sensibly.

breaks-3 item 9e: a Chinese paper's pipe table `| １２３４５６７８９０×40 | Supercalifragilistic×20 |` was set one digit
a line over 7 pages: the long Latin word's minimum took the table's width, the breakable digits were left one
character's width (both writers: DOCX gridCol 500 and 8,855 twips). When the minimums overflow the table, the
columns are now cut down from the width their texts ask for on one line (`writers.columns.demands`): both columns
get half, the word is broken at its column's edge in the PDF as Word (LibreOffice) breaks it in the DOCX, line for
line, the same text in the same order.
"""

from __future__ import annotations

import re
import zipfile

import pdfplumber
import pytest
from conftest import MINIMAL, write_doc
from libreoffice import render

from ccdocs.theme import load_theme

DIGITS = "１２３４５６７８９０" * 40
WORD = "Supercalifragilistic" * 20
PROSE = "The staff numbers grew in every region of the world over the period. " * 12
ROWS = {"zh": (DIGITS, WORD), "en": (PROSE.strip(), WORD)}
AFTER = {"zh": "表后段落。", "en": "The paragraph after the table."}
BELOW = {"zh": "表后", "en": "after"}  # a word of the paragraph after the table, in no cell


def paper(lang: str) -> dict:
    """A one-language paper whose report holds the two-column table of `ROWS[lang]`."""
    first, second = ROWS[lang]
    yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]")
    report = f"# Title\n\nBefore.\n\n| A | B |\n|---|---|\n| {first} | {second} |\n\n{AFTER[lang]}\n"
    return {"document.yaml": yaml, "content/report.md": report}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """{lang: {"pdf": ours, "docx": ours, "word": LibreOffice's PDF of our DOCX}}, built and converted once."""
    from ccdocs.build import build

    work = tmp_path_factory.mktemp("long-runs")
    made = {}
    for lang in ROWS:
        folder = write_doc(work / lang, paper(lang))
        paths = build([folder], work / f"out-{lang}", None, ("pdf", "docx"))
        made[lang] = {path.suffix[1:]: path for path in paths}
    word = render({lang: made[lang]["docx"] for lang in ROWS}, work)
    for lang in ROWS:
        made[lang]["word"] = word[lang]
    return made


def grid(docx) -> list[int]:
    """The table's gridCol widths in twips."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode()
    return [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]


def columns(pdf, split: float, below: str) -> tuple[list[str], list[str]]:
    """The lines of the table's two columns on the page holding the table (the page with `A` and `B` headings),
    left of `split` (points from the page's left edge) and right of it, top to bottom, down to the paragraph after
    it (the line holding a word with `below`)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
            if not any(w["text"] == "B" for w in words):
                continue
            heading = next(w for w in words if w["text"] == "B")
            end = min((w["top"] for w in words if below in w["text"]), default=page.height)
            body = [w for w in words if heading["bottom"] + 1 < w["top"] < end - 1]
            out = []
            for side in (lambda w: w["x0"] < split, lambda w: w["x0"] >= split):
                lines: dict = {}
                for w in filter(side, body):
                    lines.setdefault(round(w["top"]), []).append(w)
                out.append(["".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))
                            for _, line in sorted(lines.items())])
            return out[0], out[1]
    raise AssertionError(f"no table in {pdf}")


@pytest.mark.parametrize("lang", ROWS)
def test_the_columns_share_the_width_when_one_word_is_wider_than_the_table(outputs, lang):
    widths = grid(outputs[lang]["docx"])
    assert len(widths) == 2 and min(widths) >= 0.35 * sum(widths), widths


@pytest.mark.parametrize("lang", ROWS)
def test_the_table_and_the_paragraph_after_it_share_a_page(outputs, lang):
    with pdfplumber.open(outputs[lang]["pdf"]) as doc:
        texts = [(page.extract_text() or "").replace(" ", "").replace("\n", "") for page in doc.pages]
    table = next(i for i, text in enumerate(texts) if "AB" in text)
    assert AFTER[lang].replace(" ", "") in texts[table]


@pytest.mark.parametrize("lang", ROWS)
def test_pdf_and_word_break_the_cells_alike_same_text_same_order(outputs, lang):
    left = load_theme().pt("page.margins.left")
    split = left + grid(outputs[lang]["docx"])[0] / 20
    ours = columns(outputs[lang]["pdf"], split, BELOW[lang])
    word = columns(outputs[lang]["word"], split, BELOW[lang])
    for mine, theirs, text in zip(ours, word, ROWS[lang]):
        assert "".join(mine) == "".join(theirs) == text.replace(" ", "")
        assert mine == theirs            # broken at the same places: the column's edge
