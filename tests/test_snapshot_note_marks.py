"""Specification: `ccdocs snapshot` of a DOCX numbers footnote marks as Word prints them, in document order wherever
the paragraph stands: a note in a key-figures panel or a box (both tables in the DOCX) is numbered with the body's,
and so are the notes after it (breaks-9 #7).

The snapshot numbered the marks of body paragraphs only: a table cell's mark printed `^[?]`, its note `?`, and the
body's next note took the number the panel's or the box's note has in Word and in the PDF. The snapshot is what
`ccdocs diff` and the regression plugin compare, so it must say what the paper prints: the PDF's numbers.
"""

from __future__ import annotations

import re

from conftest import ccdocs_here, write_doc

from ccdocs.testing.docx_snapshot import docx_snapshot
from ccdocs.testing.pdf_snapshot import pdf_snapshot

REPORT = """\
# Introduction

We count staff.[^staff]

::: keyfigures
- **1,735** staff[^kf]
- **57** sessions
:::

::: box
### Box

A boxed paragraph with a note[^bx].
:::

After the box, a note[^af].

[^staff]: As at December 31, 2025.

[^kf]: A key figure note.

[^bx]: Box note.

[^af]: After note.
"""
NOTES = [("1", "As at December 31, 2025."), ("2", "A key figure note."), ("3", "Box note."), ("4", "After note.")]


def numbered(pairs) -> list[tuple]:
    """The (number, text) of each numbered note (the cover note's `*` left out)."""
    return [(number, text) for number, text in pairs if not number.startswith("*")]


def built(tmp_path):
    folder = write_doc(tmp_path / "doc", {"content/report.md": REPORT})
    out = tmp_path / "out"
    done = ccdocs_here("build", folder, "--lang", "en", "--out", out)
    assert done.returncode == 0, done.stderr
    return {fmt: next((out / "en").glob(f"*.{fmt}")).read_bytes() for fmt in ("docx", "pdf")}


def test_notes_in_a_panel_and_a_box_are_numbered_in_document_order(tmp_path):
    outputs = built(tmp_path)
    text = docx_snapshot(outputs["docx"])
    assert "?" not in text
    body, notes = text.split("\n== footnotes\n")
    assert re.search(r"We count staff\.\^\[1\]", body)
    assert "| 1,735 / staff^[2] | 57 / sessions" in body
    assert "| Box / A boxed paragraph with a note^[3]." in body
    assert re.search(r"\tAfter the box, a note\^\[4\]\.", body)
    assert numbered(line.split("\t", 1) for line in notes.splitlines() if line) == NOTES


def test_the_docx_snapshot_numbers_the_notes_as_the_pdf_prints_them(tmp_path):
    outputs = built(tmp_path)
    docx = docx_snapshot(outputs["docx"]).split("\n== footnotes\n")[1]
    pdf = re.findall(r"^  (\S+)\t(.*)$", "\n".join(part.split("\nfonts:")[0] for part in
                                                   pdf_snapshot(outputs["pdf"]).split("\nfootnotes:\n")[1:]), re.M)
    assert numbered(line.split("\t", 1) for line in docx.splitlines() if line) == numbered(pdf) == NOTES
