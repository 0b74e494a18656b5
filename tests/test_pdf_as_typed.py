"""Specification: the PDF's text is the source's, as the DOCX's is; only a letter and the marks after it are
composed for drawing (breaks-4 #18).

Unicode's NFC also replaces characters by other single ones (singletons): the CJK compatibility ideographs U+F900 豈
and U+F91D 欄 by U+8C48 and U+6B04, the ohm, angstrom and kelvin signs by Ω, Å and K. The PDF composed the whole text
and so printed, and gave readers and searches, other characters than the DOCX and the source hold. Such a character
is now drawn in its script's face as typed; one that face lacks is refused at its line, with its equivalent named
(another script's face would draw it in that script's style, or blank: WenQuanYi Micro Hei's U+212B has no ink).
"""

from __future__ import annotations

import html
import re
import subprocess
import zipfile

import pytest

from conftest import MINIMAL, write_doc
from refusals import Case

TYPED = "\uf900\uf91d \u2126"                      # 豈欄 Ω, as typed: held by the faces that set them
NFC = ("\u8c48", "\u6b04", "\u03a9")                # what NFC made of them


def sources(lang: str, chars: str) -> dict:
    """The files of a one-language paper holding `chars` in its title (the cover note), a heading, a paragraph, a
    pipe table's cell and a footnote (over `write_doc`'s)."""
    yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]") \
        .replace("title: {en: Annual Report on Human Resources, zh: 人力资源年度报告}", f"title: {{{lang}: Title {chars}}}")
    report = (f"# Head {chars}\n\nBody {chars} here.[^1]\n\n| A | B |\n|---|---|\n| cell {chars} | 1 |\n\n"
              f"[^1]: Note {chars}.\n")
    return {"document.yaml": yaml, "content/report.md": report}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """lang -> (PDF, DOCX) of the paper holding TYPED, built once."""
    from ccdocs.build import build

    made = {}
    for lang in ("en", "zh"):
        root = tmp_path_factory.mktemp(f"typed-{lang}")
        files = build([write_doc(root / "doc", sources(lang, TYPED))], root / "out", None, ("pdf", "docx"))
        made[lang] = (next(f for f in files if f.suffix == ".pdf"), next(f for f in files if f.suffix == ".docx"))
    return made


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_reads_as_typed_where_the_docx_does(outputs, lang):
    pdf, docx = outputs[lang]
    read = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    held = docx_text(docx)
    for where in ("Title", "Head", "Body", "cell", "Note"):
        assert f"{where} {TYPED}" in read, (where, [line for line in read.splitlines() if where in line])
        assert f"{where} {TYPED}" in held, (where, [line for line in held.splitlines() if where in line])
    assert f"TITLE {TYPED}" in read, read[:400]      # the cover's title, in capitals
    for ch in NFC:
        assert ch not in read and ch not in held


def docx_text(docx) -> str:
    """The text of the DOCX's body and footnotes, a line a paragraph."""
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml").decode() + package.read("word/footnotes.xml").decode()
    return "\n".join(html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", paragraph)))
                     for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_outline_reads_as_typed(outputs, lang):
    from pypdf import PdfReader

    titles = [entry.title for entry in PdfReader(outputs[lang][0]).outline if not isinstance(entry, list)]
    assert any(f"Head {TYPED}" in title for title in titles), titles


def test_a_decomposed_accent_is_still_drawn_composed(tmp_path):
    from ccdocs.build import build

    pdf, = build([write_doc(tmp_path / "doc", sources("en", "e\u0301"))], tmp_path / "out", None, ("pdf",))
    read = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Body \u00e9 here" in read


LACKS = "which its face (Liberation Sans) lacks"
SIGNS = {"angstrom": ("\u212b", "ANGSTROM SIGN", "'Å' [U+00C5 LATIN CAPITAL LETTER A WITH RING ABOVE]"),
         "kelvin": ("\u212a", "KELVIN SIGN", "'K' [U+004B LATIN CAPITAL LETTER K]")}
CASES = [Case(f"{name}-{lang}", sources(lang, ch), f"paragraph 1. contains {ch!r} (U+{ord(ch):04X} {sign}), {LACKS}",
              "content/report.md:3", args=("--format", "pdf"))
         for lang in ("en", "zh") for name, (ch, sign, _) in SIGNS.items()]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_sign_its_face_lacks_is_refused_naming_its_equivalent(refuse, case):
    said = refuse(case)
    assert f"(write {SIGNS[case.id.split('-')[0]][2]}, its equivalent in Unicode, or name a font" in said, said
    assert "content/report.md:1:" in said and "document.yaml:" in said   # the heading, the title: each place told


def test_an_svg_text_reads_as_typed(tmp_path):
    """An SVG's text is set as the paper's is: its compatibility ideographs and ohm sign kept as typed."""
    from ccdocs.build import build
    from test_svg import shows, svg

    drawing = svg(f'<text x="5" y="50" font-size="12">Fig {TYPED}</text>', 'width="200" height="100"')
    for lang in ("en", "zh"):
        pdf, = build([write_doc(tmp_path / lang, shows(drawing))], tmp_path / "out", [lang], ("pdf",))
        read = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert TYPED in read, read
        assert not any(ch in read for ch in NFC), read


def test_an_svg_sign_its_face_lacks_is_refused_naming_its_equivalent(refuse):
    from test_svg import WHERE, shows, svg

    drawing = svg('<text x="5" y="50" font-size="12">10 \u212b</text>', 'width="200" height="100"')
    said = refuse(Case("svg-angstrom", shows(drawing), "image `figures/a.svg`, line 2: the drawing's text contains "
                       "'\u212b' (U+212B ANGSTROM SIGN), which the face of its script lacks", WHERE,
                       args=("--format", "pdf")))
    assert "write 'Å' [U+00C5 LATIN CAPITAL LETTER A WITH RING ABOVE], its equivalent in Unicode" in said, said
