"""Specification: a combining mark that composes with its letter is drawn as one character; one that does not (x +
U+0304, the sample mean x̄) is refused at its line, since the PDF cannot place it over its letter.

reportlab applies no mark positioning (GPOS). The faces give combining marks a zero advance, but where a mark's
outline stands depends on the mark: Liberation Sans draws U+0301 left of its origin (over the letter before it) and
U+0304, U+0307, U+0308 right of it (x̄ printed as x¯, breaks-4 item 5). Word sets every mark over its letter from the
DOCX. So the text is composed (NFC) for drawing, and a mark left apart is an error in check and build, in every
language, where the text was typed.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, write_doc
from refusals import run


def folder(tmp_path, lang: str, text: str):
    yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]")
    return write_doc(tmp_path / lang, {"document.yaml": yaml, "content/report.md": f"# T\n\n{text}\n"})


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_mark_with_no_single_character_is_refused_at_its_line(tmp_path, lang, command):
    doc = folder(tmp_path, lang, "The mean x\u0304 and q\u0301 of n\u0308.")
    args = [command, str(doc)] + (["--format", "pdf", "--out", str(tmp_path / "out")] if command == "build" else [])
    code, said, escaped = run(args)
    assert (code, escaped) == (1, False), said
    for pair in ("'x' + U+0304 COMBINING MACRON", "'q' + U+0301 COMBINING ACUTE ACCENT",
                 "'n' + U+0308 COMBINING DIAERESIS"):
        assert f"report.md:3:1: error: paragraph 1. contains {pair}" in said, said
    assert "the PDF would print the mark beside its letter" in said
    assert not (tmp_path / "out").exists()


def test_a_mark_that_composes_with_its_letter_is_drawn_as_one_character(tmp_path):
    from ccdocs.build import build

    pdf, = build([folder(tmp_path, "en", "Say e\u0301 now.")], tmp_path / "out", None, ("pdf",))
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert "Say \u00e9 now." in text


def test_a_mark_in_a_table_heading_or_cell_is_refused_at_its_line(tmp_path):
    """A table's texts are measured by one run maker and set by another, sharing what they made: a text whose mark
    was told to the first was kept and never told again (the verifier's V1 rest: `Mean x̄` printed as `x¯`)."""
    yaml = MINIMAL.replace("heading: Applications", "heading: Mean x\u0304")
    doc = write_doc(tmp_path / "doc", {"document.yaml": yaml,
                                       "data/applicants.csv": "id,region,applied\nafrica,Afx\u0304rica,100\n"
                                                              "total,,100\n"})
    code, said, escaped = run(["check", str(doc)])
    assert (code, escaped) == (1, False), said
    heading = next(n for n, line in enumerate(yaml.splitlines(), 1) if "Mean x" in line)
    assert f"document.yaml:{heading}:" in said and "data/applicants.csv:2:" in said, said
    assert said.count("U+0304 COMBINING MACRON") >= 2, said
