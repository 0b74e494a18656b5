"""A list item's later paragraph (a paragraph indented under it: CommonMark's second paragraph of the item) starts
its first line at the item's text in the DOCX, as the PDF sets it, not at the label (breaks-9 #13: the DOCX gave it
the item's style, whose hanging indent put the first line at the bullet). Read in the DOCX's paragraph properties
and in LibreOffice's rendering of it, beside the PDF's."""

from __future__ import annotations

import subprocess

from docx import Document

from ccdocs.build import build
from libreoffice import render

REPORT = """\
# Introduction

The Committee noted:

- the report on the implementation of the programme;
- the budget.

  Continued: the Committee then turned to the next item of its agenda, the report on the implementation of
  the programme, which it examined at length over two days of meetings.

A final paragraph.
"""


def _word_x(pdf, start: str) -> float:
    """The left edge (points) of the first word of the first run of words `start` in `pdf` (poppler's pdftotext
    -bbox-layout: a line's words in order, each with its box)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    wanted = start.split()
    for line in out.split("<line ")[1:]:
        words = [(part.split(">", 1)[1].split("<", 1)[0], float(part.split('xMin="', 1)[1].split('"', 1)[0]))
                 for part in line.split("<word ")[1:]]
        for at in range(len(words)):
            if [text for text, _ in words[at:at + len(wanted)]] == wanted:
                return words[at][1]
    raise AssertionError(f"no line holds {start!r}")


def test_an_items_later_paragraph_starts_at_the_items_text_in_both_formats(make_doc, tmp_path):
    folder = make_doc({"content/report.md": REPORT})
    build([folder], tmp_path / "out", ["en"], ("docx", "pdf"))
    docx = tmp_path / "out/en/wo_cc_86_inf_1.docx"
    paragraphs = Document(str(docx)).paragraphs
    label = next(p for p in paragraphs if p.text.startswith("•\tthe budget"))
    later = next(p for p in paragraphs if p.text.startswith("Continued:"))
    assert later.style.name == label.style.name
    assert later.paragraph_format.first_line_indent == 0  # the item's text's place: the style's left indent
    pdf = tmp_path / "out/en/wo_cc_86_inf_1.pdf"
    drawn = render({"en": docx}, tmp_path)["en"]
    for made in (pdf, drawn):
        assert abs(_word_x(made, "Continued: the Committee") - _word_x(made, "the budget.")) < 1.5, made
