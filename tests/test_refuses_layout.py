"""Layout: what the writers cannot print is refused at the input's line; everything else is laid out whole.

A character no font holds is refused where it was typed (the content file, the data file's row, the line of the
cover field or column heading in document.yaml), by `build` and by `check`. A cell, a heading, a note, a box or
a key figure longer than a page is split across pages in the PDF (the table's header row repeated) and left to
Word's own splitting in the DOCX, every character printed.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest

from conftest import MINIMAL, REPORT
from refusals import Case, run

EMOJI = "\U0001F600"
COLUMNS = "columns: [{key: applied, heading: Applications}]"
PDF = ("--format", "pdf")
WORDS = " ".join(f"word{i}" for i in range(500))           # about 3,500 characters
LINES = "\n".join(f"line{i}" for i in range(200))
URL = "https://example.org/" + "a" * 3000
LONG_WORD = "x" * 6000


def yaml_line(text: str) -> str:
    """The location of the line of document.yaml that starts with `text`."""
    number = next(n for n, line in enumerate(MINIMAL.splitlines(), 1) if line.lstrip().startswith(text))
    return f"document.yaml:{number}"


def with_remarks(*cells: str) -> dict:
    """The minimal document whose table has a text column `remark`, Africa's remark being `cells[0]`."""
    rows = "".join(f'{region},{region.title()},100,"{text}"\n' for region, text in zip(["africa"], cells))
    return {"document.yaml": MINIMAL.replace(COLUMNS, "columns: [{key: applied, heading: Applications}, "
                                                      "{key: remark, heading: Remark, type: text}]"),
            "data/applicants.csv": "id,region,applied,remark\n" + rows + "total,,100,\n"}


def many_columns(count: int) -> dict:
    columns = ", ".join(f"{{key: c{i}, heading: C{i}}}" for i in range(count))
    header = ",".join(f"c{i}" for i in range(count))
    return {"document.yaml": MINIMAL.replace(COLUMNS, f"columns: [{columns}]").replace("    total: total\n", ""),
            "data/applicants.csv": f"id,region,{header}\nafrica,Africa,{','.join(['1'] * count)}\n"}


REFUSED = [
    Case("glyph-body", {"content/report.md": REPORT.replace("Second paragraph.", f"Second {EMOJI}.")},
         "U+1F600 GRINNING FACE), which none of the fonts holds", "content/report.md:5", args=PDF),
    Case("glyph-footnote", {"content/report.md": REPORT.replace("As at", f"As {EMOJI} at")},
         "footnote 1 contains", "content/report.md:7", args=PDF),
    Case("glyph-title", {"document.yaml": MINIMAL.replace("en: Annual Report", f"en: Annual {EMOJI} Report")},
         "the title contains", yaml_line("title:"), args=PDF),
    Case("glyph-title-zh", {"document.yaml": MINIMAL.replace("zh: 人力资源", f"zh: 人力{EMOJI}资源")},
         "the title contains", yaml_line("title:"), args=PDF + ("--lang", "zh")),
    Case("glyph-venue", {"document.yaml": MINIMAL.replace("venue: Geneva", f"venue: Gene{EMOJI}va")},
         "the venue contains", yaml_line("venue:"), args=PDF),
    Case("glyph-column-heading", {"document.yaml": MINIMAL.replace("heading: Applications",
                                                                   f"heading: Appli{EMOJI}cations")},
         "table applicants contains", yaml_line("columns:"), args=PDF),
    Case("glyph-csv-label", {"data/applicants.csv": f"id,region,applied\nafrica,Afr{EMOJI}ica,100\ntotal,,100\n"},
         "table applicants contains", "data/applicants.csv:2", args=PDF),
    Case("glyph-csv-text-cell", with_remarks(f"a remark {EMOJI}"), "table applicants contains",
         "data/applicants.csv:2", args=PDF),
    # One line marking four notes of two pages each: the notes cannot all start on the page of their marks.
    Case("notes-of-one-line-longer-than-a-page", {"content/annex.md": "# Annex\n\n" + "".join(
        f"Point {i}.[^a{i}] " for i in range(4)) + "\n\n" + "".join(f"[^a{i}]: {WORDS * 3}\n\n" for i in range(4))},
         "this paragraph cannot be laid out on page", "content/annex.md:3", args=PDF),
    Case("columns-500-pdf", many_columns(500), "table applicants has 501 columns; at most",
         "content/report.md:9", args=PDF),
    Case("columns-500-docx", many_columns(500), "table applicants has 501 columns; at most",
         "content/report.md:9", args=("--format", "docx")),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_refused_at_the_input(refuse, case):
    refuse(case)


def report(text: str) -> dict:
    return {"content/report.md": REPORT.replace("Second paragraph.", text)}


LAID_OUT = [
    ("text-cell-3000", with_remarks(WORDS), WORDS),
    ("cell-200-lines", with_remarks(LINES), LINES),
    ("url-in-cell", with_remarks(URL), URL),
    ("row-label-5000", {"data/applicants.csv": f"id,region,applied\nafrica,{WORDS},100\ntotal,,100\n"}, WORDS),
    ("row-label-one-word", {"data/applicants.csv": f"id,region,applied\nafrica,{LONG_WORD},100\ntotal,,100\n"},
     LONG_WORD),
    ("word-in-paragraph", report(LONG_WORD), LONG_WORD),
    ("url-in-paragraph", report(URL), URL),
    ("heading-2000", {"content/report.md": REPORT.replace("# Introduction", "# " + WORDS[:2000])}, WORDS[:2000]),
    ("footnote-longer-than-a-page", {"content/report.md": REPORT.replace("As at December 31, 2025.", WORDS * 2)},
     WORDS * 2),
    ("box-paragraph-longer-than-a-page", {"content/report.md": REPORT + f"\n::: box\n### Box\n\n{WORDS * 2}\n:::\n"},
     WORDS * 2),
    ("key-figure-longer-than-a-page", {"content/report.md": REPORT + f"\n::: keyfigures\n- **1,735** {WORDS * 2}\n"
                                                                     ":::\n"}, WORDS * 2),
    ("header-taller-than-a-page", {"document.yaml": MINIMAL.replace("heading: Applications", f"heading: {WORDS}")},
     WORDS),
    ("header-only-taller-than-a-page", {"document.yaml": MINIMAL.replace("heading: Applications", f"heading: {WORDS}")
                                        .replace("    total: total\n", ""),
                                        "data/applicants.csv": "id,region,applied\n"}, WORDS),
    ("notes-running-many-pages-past-the-text", {"content/annex.md": "# Annex\n\n" + "".join(
        f"Point {i}.[^a{i}] " + "Further text. " * 30 for i in range(4)) + "\n\n" + "".join(
        f"[^a{i}]: {WORDS * 3}\n\n" for i in range(4))}, WORDS * 12),
    ("one-column", {"document.yaml": MINIMAL.replace(COLUMNS, "columns: []").replace("    total: total\n", ""),
                    "data/applicants.csv": f"id,region\nafrica,{WORDS}\n"}, WORDS),
]


def printed_whole(expected: str, text: str) -> bool:
    """Whether every character of `expected` but white space stands in `text` in order (lines and pages break
    a text anywhere, page headers and repeated table headers coming in between)."""
    rest = iter(re.sub(r"\s+", "", text))
    return all(ch in rest for ch in re.sub(r"\s+", "", expected))


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode() + package.read("word/footnotes.xml").decode()
    return re.sub(r"<[^>]+>", "", xml)


@pytest.mark.parametrize("files,expected", [c[1:] for c in LAID_OUT], ids=[c[0] for c in LAID_OUT])
def test_laid_out_whole_in_both_formats(make_doc, tmp_path, files, expected):
    folder = make_doc(files)
    out = tmp_path / "out"
    code, output, escaped = run(["build", str(folder), "--format", "pdf,docx", "--lang", "en", "--out", str(out)])
    assert code == 0 and not escaped, output
    pdf = out / "en" / "wo_cc_86_inf_1.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert printed_whole(expected, text)
    assert printed_whole(expected, docx_text(out / "en" / "wo_cc_86_inf_1.docx"))


def test_a_tall_row_is_split_across_pages_under_the_repeated_header(make_doc, tmp_path):
    folder = make_doc(with_remarks(WORDS))
    out = tmp_path / "out"
    code, output, _ = run(["build", str(folder), "--format", "pdf,docx", "--lang", "en", "--out", str(out)])
    assert code == 0, output
    pages = pdf_pages(out / "en" / "wo_cc_86_inf_1.pdf")
    carrying = [n for n, text in enumerate(pages) if "word" in text]
    assert len(carrying) >= 2, "the row was not split across pages"
    assert all("Remark" in pages[n] for n in carrying), "the header row is not repeated"
    with zipfile.ZipFile(out / "en" / "wo_cc_86_inf_1.docx") as package:
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", package.read("word/document.xml").decode(), re.S)
    tall = [row for row in rows if "word499" in row]
    assert tall and "cantSplit" not in tall[0], "Word is told to keep a row longer than a page on one page"
