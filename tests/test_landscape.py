"""`landscape: true` on a table or a part: its pages are turned, in the PDF (a landscape media box) and in Word (a
section of its own, `w:pgSz w:orient="landscape"`), with the running header where it always stands (the top
right, as far below the page's top edge) and the page numbers running on; the table is as wide as the landscape
text. Read with pypdf (media boxes), pdfplumber (where the header's words stand), the DOCX's XML, and
LibreOffice's rendering of the DOCX.
"""

from __future__ import annotations

import re
import zipfile

import pdfplumber
import pytest
from lxml import etree

from ccdocs.theme import load_theme
from libreoffice import render
from papers import build_both, paper
from conftest import MINIMAL
from refusals import Case

LANGS = ["en", "zh"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COLUMNS = 12
WORDS = {"en": {"page": "page {n}", "annex": "Annex, page {n}", "line": "Budget line"},
         "zh": {"page": "第 {n} 页", "annex": "附件第 {n} 页", "line": "预算项目"}}


def sources(lang: str) -> dict:
    """A report holding a heading and two wide landscape tables in a row between portrait paragraphs, and a
    landscape annex holding another table."""
    columns = ", ".join(f"{{key: c{i}, heading: C{i}}}" for i in range(1, COLUMNS + 1))
    tables, data = "", {}
    for name, turned in (("wide", "\n    landscape: true"), ("wide2", "\n    landscape: true"), ("annexed", "")):
        tables += f"  {name}:\n    data: {name}\n    label: label{turned}\n    columns: [{columns}]\n    total: total\n"
        rows = "".join(f"r{j},{WORDS[lang]['line']} {j}," + ",".join(str(1000 * i + j) for i in range(1, COLUMNS + 1))
                       + "\n" for j in range(1, 9))
        data[name] = (f"{name}.csv", "id,label," + ",".join(f"c{i}" for i in range(1, COLUMNS + 1)) + "\n" + rows
                      + "total,," + "," * (COLUMNS - 1) + "\n")
    report = ("# Introduction\n\nBEFOREpara text.\n\n## Budget WIDEhead\n\n::: table wide\nBudget WIDEcap\n:::\n\n"
              "::: table wide2\nBudget SECONDcap\n:::\n\nAFTERpara text.\n")
    annex = "# Annex ANNEXhead\n\nANNEXpara text.\n\n::: table annexed\nBudget ANNEXcap\n:::\n"
    return {"report": report, "tables": tables, "data": data, "annexes": (annex,)}


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """Per paper and language: the DOCX, the PDF and LibreOffice's rendering of the DOCX (`lo`); the papers: `both`
    (landscape tables in the report, a landscape annex), `closing` (a landscape table ends the paper). LibreOffice
    draws the four DOCX files in one call."""
    work = tmp_path_factory.mktemp("landscape")
    out = {}
    for lang in LANGS:
        s = sources(lang)
        folder = paper(work / lang, lang, s["report"], tables=s["tables"], data=s["data"], annexes=s["annexes"],
                       annex_keys=", landscape: true")
        out["both", lang] = build_both(folder, work / f"out-{lang}")
        report = "# Introduction\n\nBEFOREpara text.\n\n::: table wide\nBudget WIDEcap\n:::\n"
        folder = paper(work / "closing" / lang, lang, report, tables=s["tables"].split("  wide2:")[0],
                       data={"wide": s["data"]["wide"]})
        out["closing", lang] = build_both(folder, work / "closing" / f"out-{lang}")
    rendered = render({f"{name}-{lang}": made["docx"] for (name, lang), made in out.items()}, work)
    return {name: {lang: {**out[name, lang], "lo": rendered[f"{name}-{lang}"]} for lang in LANGS}
            for name in ("both", "closing")}


@pytest.fixture(scope="module")
def built(papers):
    """Per language: the DOCX, the PDF and LibreOffice's rendering of the DOCX (`lo`) of the paper with landscape
    tables in its report and a landscape annex."""
    return papers["both"]


def pages(pdf) -> list[dict]:
    """Each page: its size, its text without spaces, its words."""
    with pdfplumber.open(pdf) as doc:
        return [{"size": (p.width, p.height), "text": re.sub(r"\s+", "", p.extract_text() or ""),
                 "words": p.extract_words()} for p in doc.pages]


def page_with(found: list[dict], token: str) -> int:
    hits = [i for i, p in enumerate(found) if token in p["text"]]
    assert len(hits) == 1, (token, hits)
    return hits[0]


@pytest.mark.parametrize("fmt", ["pdf", "lo"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_landscape_table_and_part_are_on_landscape_pages(built, lang, fmt):
    found = pages(built[lang][fmt])
    table = page_with(found, "WIDEcap")
    assert page_with(found, "WIDEhead") == table, "the heading before the table stays with it"
    assert page_with(found, "SECONDcap") == table, "two landscape tables in a row share their pages"
    for token in ("BEFOREpara", "AFTERpara"):
        width, height = found[page_with(found, token)]["size"]
        assert width < height, f"{token} is on a portrait page"
    width, height = found[table]["size"]
    assert width > height, "the landscape table's page is portrait"
    for token in ("ANNEXhead", "ANNEXcap"):
        width, height = found[page_with(found, token)]["size"]
        assert width > height, f"{token} of the landscape annex is on a portrait page"


def header_words(page: dict, symbol: str) -> list:
    """The words of the symbol line at the top of a page."""
    return [w for w in page["words"] if w["text"] == symbol and w["top"] < 100]


@pytest.mark.parametrize("fmt", ["pdf", "lo"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_running_header_stands_where_it_always_does_on_a_landscape_page(built, lang, fmt):
    """The symbol as far from the top and right edges as on a portrait page; `page N` numbered on."""
    found = pages(built[lang][fmt])
    table = page_with(found, "WIDEcap")
    after = page_with(found, "AFTERpara")
    places = []
    for index in (table, after):
        (word,) = header_words(found[index], "WO/CC/86/INF/1")
        width, _ = found[index]["size"]
        places.append((round(word["top"]), round(width - word["x1"])))
        shown = WORDS[lang]["page"].format(n=index + 1).replace(" ", "")
        assert shown in found[index]["text"][:60], f"page {index + 1} header lacks {shown}"
    assert abs(places[0][0] - places[1][0]) <= 2 and abs(places[0][1] - places[1][1]) <= 2, places


@pytest.mark.parametrize("fmt", ["pdf", "lo"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_landscape_table_is_as_wide_as_the_landscape_text(built, lang, fmt):
    theme = load_theme()
    found = pages(built[lang][fmt])
    page = found[page_with(found, "WIDEcap")]
    width, _ = page["size"]
    right = max(w["x1"] for w in page["words"] if w["top"] > 100)
    assert right == pytest.approx(width - theme.pt("page.margins.right"), abs=theme.pt("table.cell_padding") + 2)


def sections(docx) -> list[tuple[etree._Element, str]]:
    """Each section's w:sectPr with the text it holds (its paragraphs and tables), in order."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    out, text = [], []
    for child in body:
        text.append("".join(child.itertext()))
        inner = child.find(f"{W}pPr/{W}sectPr") if child.tag == f"{W}p" else None
        if child.tag == f"{W}sectPr" or inner is not None:
            out.append((child if inner is None else inner, "".join(text)))
            text = []
    return out


def orientation(sect_pr) -> str:
    size = sect_pr.find(f"{W}pgSz")
    landscape = size.get(f"{W}orient") == "landscape"
    assert (int(size.get(f"{W}w")) > int(size.get(f"{W}h"))) == landscape
    return "landscape" if landscape else "portrait"


@pytest.mark.parametrize("lang", LANGS)
def test_word_sets_the_landscape_table_in_a_landscape_section_linked_to_the_headers(built, lang):
    found = sections(built[lang]["docx"])
    where = {token: next(i for i, (_, text) in enumerate(found) if token in text)
             for token in ("BEFOREpara", "WIDEhead", "WIDEcap", "SECONDcap", "AFTERpara", "ANNEXcap")}
    assert where["WIDEhead"] == where["WIDEcap"] == where["SECONDcap"] != where["BEFOREpara"] != where["AFTERpara"]
    shapes = {token: orientation(found[i][0]) for token, i in where.items()}
    assert shapes == {"BEFOREpara": "portrait", "WIDEhead": "landscape", "WIDEcap": "landscape",
                      "SECONDcap": "landscape", "AFTERpara": "portrait", "ANNEXcap": "landscape"}
    turned = found[where["WIDEcap"]][0]
    assert turned.find(f"{W}headerReference") is None, "its headers are the section's before (linked)"
    assert turned.find(f"{W}titlePg") is None and turned.find(f"{W}pgNumType") is None, "numbers run on"
    with zipfile.ZipFile(built[lang]["docx"]) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    width = int(next(body.iter(f"{W}tbl")).find(f"{W}tblPr/{W}tblW").get(f"{W}w"))   # the report's, the wide one
    theme = load_theme()
    assert width == pytest.approx((841.89 - theme.pt("page.margins.left") - theme.pt("page.margins.right")) * 20,
                                  abs=40)


@pytest.mark.parametrize("key", ["table", "part"])
def test_landscape_that_is_not_true_or_false_is_refused_at_its_line(refuse, key):
    if key == "table":
        text = MINIMAL.replace("    total: total\n", "    total: total\n    landscape: yes\n")
        line = text.splitlines().index("    landscape: yes") + 1
    else:
        text = MINIMAL.replace("{type: report, files: [content/report.md]}",
                               "{type: report, files: [content/report.md], landscape: 1}")
        line = next(i for i, l in enumerate(text.splitlines(), 1) if "landscape" in l)
    refuse(Case(f"{key}-landscape", {"document.yaml": text}, "`landscape` is true or false",
                f"document.yaml:{line}"))


def test_a_landscape_cover_note_is_refused_at_its_line(refuse):
    """The cover note stands on the cover page, which is portrait: `landscape: true` on it is refused there."""
    text = MINIMAL.replace("{type: cover-note, template: information}",
                           "{type: cover-note, template: information, landscape: true}")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "landscape" in l)
    refuse(Case("cover-note-landscape", {"document.yaml": text}, "a cover note stands on the cover page",
                f"document.yaml:{line}"))


MARKERS = {"en": "Endofdocument", "zh": "文件完"}  # as `pages` reads them: without spaces


def test_the_end_marker_follows_a_closing_landscape_table_on_its_page(papers):
    """When a landscape table is the last block of the paper (`closing`: its report's one table, the wide one), the
    end marker follows it on the landscape page and no portrait page is left after it, in the PDF and in
    LibreOffice's rendering of the DOCX."""
    for lang in LANGS:
        for fmt, pdf in (("pdf", papers["closing"][lang]["pdf"]), ("lo", papers["closing"][lang]["lo"])):
            found = pages(pdf)
            marker = page_with(found, MARKERS[lang])
            width, height = found[marker]["size"]
            assert width > height, f"{lang} {fmt}: the end marker is on a portrait page"
            assert marker == len(found) - 1, f"{lang} {fmt}: {len(found) - 1 - marker} page(s) after the marker"
