"""Arabic, right to left: WO/CC/86/INF/1 built in Arabic (its cover note translated, the rest a draft), both formats.

The DOCX must say right to left in Word's own terms (w:bidi, w:rtl, w:bidiVisual, complex-script fonts and language)
and LibreOffice must lay it out mirrored; the PDF must embed the Arabic face, draw the letters joined (presentation
forms), set the lines from the right margin in display order, mirror the cover and the tables, and still give the
cover's words to pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile

import pdfplumber
import pytest
from lxml import etree

from ccdocs.build import build
from ccdocs.theme import load_theme
from ccdocs.writers.pdf.faces import FontSet
from conftest import DOCS
from libreoffice import render
from ooxml.validate import validate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TITLE = "التقرير السنوي عن الموارد البشرية"
NEAR = 2.0  # points
# The cover's fields as the Arabic profile and catalog print them, each as the words pdftotext must find on a line.
COVER = {
    "original": "الأصل: بالإنكليزية",
    "date": "التاريخ: 21 مايو 2026",
    "body": "لجنة الويبو للتنسيق",
    "session": "الدورة السادسة والثمانون (الدورة العادية السابعة والخمسون)",
    "place": "جنيف، من 7 إلى 15 يوليو 2026",
    "title": TITLE,
    "author": "من إعداد الأمانة",
}


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    """The DOCX and PDF of WO/CC/86/INF/1 in Arabic (a scratch copy listing `ar`, with an Arabic title), draft."""
    work = tmp_path_factory.mktemp("arabic")
    folder = work / DOCS["86"].name
    shutil.copytree(DOCS["86"], folder, ignore=shutil.ignore_patterns("expected"))
    spec = folder / "document.yaml"
    text = spec.read_text(encoding="utf-8")
    text = re.sub(r"^languages: \[(.*)\]$", r"languages: [\1, ar]", text, count=1, flags=re.M)
    text = text.replace("  zh: 人力资源年度报告\n", f"  zh: 人力资源年度报告\n  ar: {TITLE}\n", 1)
    spec.write_text(text, encoding="utf-8")
    paths = build([folder], work / "out", ("ar",), ("docx", "pdf"), draft=True, workers=1)
    return {path.suffix[1:]: path for path in paths}


@pytest.fixture(scope="module")
def margins():
    theme = load_theme()
    return theme.pt("page.margins.left"), theme.pt("page.margins.right")


def parts(path) -> dict:
    """The XML parts of a DOCX that hold text, parsed."""
    with zipfile.ZipFile(path) as z:
        return {name: etree.fromstring(z.read(name)) for name in z.namelist()
                if re.fullmatch(r"word/(document|footnotes|header\d+|styles)\.xml", name)}


def run_text(run) -> str:
    return "".join(t.text or "" for t in run.iter(f"{W}t"))


def is_arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) == "AL" for ch in text)


# -- DOCX -------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_are_right_to_left_and_arabic_runs_rtl(arabic):
    found = parts(arabic["docx"])
    paragraphs = [p for name, root in found.items() if name != "word/styles.xml" for p in root.iter(f"{W}p")]
    assert paragraphs and all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    runs = [r for root in found.values() for r in root.iter(f"{W}r")]
    arabic_runs = [r for r in runs if is_arabic(run_text(r))]
    latin_runs = [r for r in runs if run_text(r) and not is_arabic(run_text(r))]
    assert arabic_runs and all(r.find(f"{W}rPr/{W}rtl") is not None for r in arabic_runs)
    assert any(run_text(r) == "WO/CC/86/INF/1" for r in latin_runs)
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in latin_runs)   # the symbol stays left to right


def test_docx_tables_alignment_and_indents_by_logical_side(arabic):
    document = parts(arabic["docx"])["word/document.xml"]
    tables = list(document.iter(f"{W}tbl"))
    assert tables and all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    sides = {jc.get(f"{W}val") for root in parts(arabic["docx"]).values() for jc in root.iter(f"{W}jc")
             if jc.getparent().tag == f"{W}pPr"}
    assert "end" in sides and not sides & {"left", "right"}   # the symbol lines `end`: at the left
    in_cells = {jc.get(f"{W}val") for table in tables for jc in table.iter(f"{W}jc") if jc.getparent().tag == f"{W}pPr"}
    assert in_cells and in_cells <= {"start", "center"}        # figures at the right of their cells
    indents = [ind for root in parts(arabic["docx"]).values() for ind in root.iter(f"{W}ind")]
    assert indents and not any(ind.get(f"{W}left") or ind.get(f"{W}right") for ind in indents)


def test_docx_complex_script_font_size_and_language(arabic):
    styles = parts(arabic["docx"])["word/styles.xml"]
    theme = load_theme()
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}cs") == theme.font("ar", "body")
    assert defaults.find(f"{W}lang").get(f"{W}bidi") == "ar-SA"
    assert defaults.find(f"{W}szCs").get(f"{W}val") == defaults.find(f"{W}sz").get(f"{W}val")
    assert styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}bidi") is not None
    for rpr in styles.iter(f"{W}rPr"):   # bold and italic reach right-to-left text only through bCs, iCs
        for tag, twin in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
            if rpr.find(f"{W}{tag}") is not None:
                assert rpr.find(f"{W}{twin}") is not None, etree.tostring(rpr.getparent())[:120]


def test_docx_is_schema_valid(arabic):
    assert validate(arabic["docx"]) == []


def test_libreoffice_lays_the_docx_out_mirrored(arabic, tmp_path, margins):
    pdf = render({"ar": arabic["docx"]}, tmp_path)["ar"]
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        words = page.extract_words()
    symbol = next(w for w in words if w["text"] == "WO/CC/86/INF/1")
    assert abs(symbol["x0"] - margins[0]) < NEAR               # the symbol at the left margin
    arabic_words = [w for w in words if is_arabic(unicodedata.normalize("NFKC", w["text"]))]
    right = max(w["x1"] for w in arabic_words)
    assert abs(right - (page.width - margins[1])) < NEAR        # the body, session and title lines at the right
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "لجنة الويبو للتنسيق" in unicodedata.normalize("NFKC", text)


# -- PDF --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cover(arabic):
    with pdfplumber.open(arabic["pdf"]) as doc:
        page = doc.pages[0]
        return page.width, page.chars, page.extract_words(), [f for f in doc.pages[0].chars]


def test_pdf_embeds_the_arabic_face(arabic):
    fonts = subprocess.run(["pdffonts", str(arabic["pdf"])], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    amiri = [row for row in rows if "Amiri" in row[0]]
    assert amiri and all(row[-5] == "yes" for row in amiri)   # emb


def test_pdf_letters_are_drawn_joined(cover):
    """Shaped: the letters of لجنة on the cover advance as the Arabic face's contextual forms (lam initial, jeem and
    noon medial, teh marbuta final: ﻟﺠﻨﺔ), not as its isolated letters."""
    _, chars, _, _ = cover
    rows: dict = {}
    for c in chars:
        rows.setdefault(round(c["bottom"]), []).append(c)
    row = next(sorted(row, key=lambda c: c["x0"]) for row in rows.values()
               if unicodedata.normalize("NFKC", "".join(c["text"] for c in row)[::-1]).startswith("لجنة"))
    word = row[-4:][::-1]   # the line's first word, at its right
    face = FontSet(load_theme(), "ar").face("arabic_bold")
    size = word[0]["size"]
    advances = [round(c["width"], 2) for c in word]
    assert advances == [round(face.width(ch) * size / 1000, 2) for ch in "\ufedf\ufea0\ufee8\ufe94"]
    assert advances != [round(face.width(ch) * size / 1000, 2) for ch in "لجنة"]
    assert all("Amiri" in c["fontname"] for c in word)


def test_pdf_text_is_the_letters_not_their_presentation_forms(arabic):
    """Searching and copying find the base letters: pdftotext gives the cover's words as typed (no NFKC needed;
    the lam-alef ligature of الأصل and الإنكليزية as its two letters, in logical order) and no presentation form
    (U+FB50–U+FDFF, U+FE70–U+FEFF) anywhere in the document, though the glyphs drawn are the joined ones."""
    cover_text = subprocess.run(["pdftotext", "-l", "1", "-layout", str(arabic["pdf"]), "-"],
                                capture_output=True, text=True).stdout
    for words in ("الأصل", "بالإنكليزية", "لجنة الويبو للتنسيق", "من إعداد الأمانة"):
        assert words in cover_text, words
    text = subprocess.run(["pdftotext", str(arabic["pdf"]), "-"], capture_output=True, text=True).stdout
    assert not [ch for ch in text if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"]
    assert sum(is_arabic(ch) for ch in text) > 4000


def test_pdf_cover_fields_extract(arabic):
    """pdftotext finds each cover field's words on one line, in logical order but for the spaces it places."""
    text = subprocess.run(["pdftotext", "-l", "1", str(arabic["pdf"]), "-"], capture_output=True, text=True).stdout
    text = unicodedata.normalize("NFKC", re.sub("[\u202a-\u202e\u200e\u200f]", "", text))
    words = re.compile(r"\d+|[^\W\d_]+")   # figures and words apart: pdftotext may space `7 إلى` as `7إلى`
    lines = [set(words.findall(line)) for line in text.splitlines()]
    for field, value in COVER.items():
        assert any(set(words.findall(value)) <= line for line in lines), (field, value)
    assert "WO/CC/86/INF/1" in text.splitlines()


def test_pdf_cover_is_mirrored_and_lines_set_from_the_right(cover, margins):
    width, chars, words, _ = cover
    right = width - margins[1]
    symbol = next(w for w in words if w["text"] == "WO/CC/86/INF/1")
    assert abs(symbol["x0"] - margins[0]) < NEAR
    arabic_lines: dict = {}
    for c in chars:
        if is_arabic(c["text"]):
            arabic_lines.setdefault(round(c["bottom"]), []).append(c)
    ends = sorted(max(c["x1"] for c in line) for line in arabic_lines.values())
    assert sum(abs(end - right) < NEAR for end in ends) >= 5   # body, session, place, title, author, paragraphs


def test_pdf_numbers_and_latin_keep_their_order(cover):
    """In display order: the symbol reads left to right; a paragraph's number `1.` shows its dot left of it."""
    width, chars, words, _ = cover
    assert any(w["text"] == "WO/CC/86/INF/1" for w in words)
    label = [c for c in chars if c["text"] in "1." and c["x0"] > width / 2]
    rightmost = max(label, key=lambda c: c["x1"])
    dot = [c for c in label if c["text"] == "." and abs(c["bottom"] - rightmost["bottom"]) < 1]
    assert rightmost["text"] == "1" and dot and dot[0]["x1"] <= rightmost["x0"] + 0.1


def test_pdf_table_columns_run_right_to_left(arabic):
    """The label column of the applicants table stands at the right of its figures; figures keep to the right of
    their cells, units under units (Africa's 3,944 and the total 15,921)."""
    with pdfplumber.open(arabic["pdf"]) as doc:
        page = next(p for p in doc.pages if "Applicants" in (p.extract_text() or ""))
        words = page.extract_words()
    region = next(w for w in words if w["text"] == "Region")
    applicants = next(w for w in words if w["text"] == "Applicants")
    assert region["x0"] > applicants["x1"]
    rows = [w for w in words if applicants["bottom"] < w["top"] < applicants["bottom"] + 300]
    africa, total = (next(w for w in rows if w["text"] == figure) for figure in ("3,944", "15,921"))
    assert abs(africa["x1"] - total["x1"]) < 0.5 and abs(total["x1"] - applicants["x1"]) < 0.5


def test_pdf_chart_labels_in_arabic_are_joined_in_the_arabic_face(arabic):
    """A chart's Arabic category labels (the engagement chart's, translated) are drawn joined, in the Arabic face
    (not as empty boxes in the Latin one), their letters in display order."""
    with pdfplumber.open(arabic["pdf"]) as doc:
        page = doc.pages[-1]
        label = [c for c in page.chars if is_arabic(c["text"]) and c["top"] > page.height / 4
                 and abs(c["size"] - page.chars[0]["size"]) < 50]
        rows: dict = {}
        for c in label:
            rows.setdefault(round(c["bottom"]), []).append(c)
    drawn = ["".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])) for row in rows.values()]
    wanted = "الإحاطات الإقليمية"
    found = [text for text in drawn if wanted.replace(" ", "") in unicodedata.normalize("NFKC", text[::-1])]
    assert found, drawn
    assert all("Amiri" in c["fontname"] for c in label)


def test_docx_charts_name_the_arabic_face_for_complex_script_text(arabic):
    """Word sets a chart's Arabic letters in the complex-script face (`a:cs`): every run property of the DOCX's charts
    names the theme's Arabic body face there, as the PDF's charts draw them in it (breaks-7, noticed: it was named
    as the East Asian face only, and Word took another)."""
    face = load_theme().font("ar", "body")
    with zipfile.ZipFile(arabic["docx"]) as z:
        charts = [etree.fromstring(z.read(name)) for name in z.namelist()
                  if re.fullmatch(r"word/charts/chart\d+\.xml", name)]
    props = [rpr for chart in charts for rpr in chart.iter(f"{A}defRPr")]
    assert charts and props
    assert all(rpr.find(f"{A}cs") is not None and rpr.find(f"{A}cs").get("typeface") == face for rpr in props)
