"""Contents tables (`::: contents`) and page labels: the page a row prints is the page its heading is on.

Read from the outputs: ccdocs's PDF with poppler (per page) and pypdf (its /PageLabels), the DOCX's XML (a real
`TOC` field, its cached rows, the headings' bookmarks), and LibreOffice's rendering of the DOCX.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from pypdf import PdfReader

from papers import built_papers
from pdfpages import read_pages, squeeze
from refusals import Case

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANGS = ("en", "zh")
HEADERS = {"en": (r"page(\d+)", r"Annex,page(\d+)"), "zh": (r"第(\d+)页", r"附件第(\d+)页")}

REPORT = {
    "en": """::: contents subheadings paragraphs
:::

# Introduction

First paragraph.

Second paragraph.

## Background

Third paragraph.

# Results

Fourth paragraph.
""",
    "zh": """::: contents subheadings paragraphs
:::

# 导言

第一段。

第二段。

## 背景

第三段。

# 成果

第四段。
""",
}
ANNEX = {"en": "# Progress Report\n\nAnnex paragraph.\n", "zh": "# 进展报告\n\n附件段落。\n"}
# (level, text, paragraph range) of each row of REPORT's contents table, as the model resolves them
ROWS = {
    "en": [(1, "Chapter 1: Introduction", "paragraphs 1 to 3"), (2, "Background", "paragraph 3"),
           (1, "Chapter 2: Results", "paragraph 4"), (1, "Annex: Progress Report", "paragraph 1")],
    "zh": [(1, "第1章：导言", "第1至3段"), (2, "背景", "第3段"), (1, "第2章：成果", "第4段"),
           (1, "附件：进展报告", "第1段")],
}


# -- reading the outputs ------------------------------------------------------------------------------------------

def contents_rows(page_text: str, entries: list[tuple[str, str]]) -> list[str]:
    """The page number printed after each entry (text, paragraph range or '') and its dot leader on the page
    whose squeezed text is `page_text`; None where the row is not found."""
    found = []
    for text, ranges in entries:
        match = re.search(re.escape(squeeze(text)) + r"(?:\.|…){3,}" + re.escape(squeeze(ranges)) + r"(\d+)",
                          page_text)
        found.append(match.group(1) if match else None)
    return found


def printed_number(page, lang: str) -> int:
    """The page number the running header of `page` prints (1 on a page without one: the cover, an annex's first)."""
    header = "".join(page.header)
    for pattern in HEADERS[lang]:
        match = re.search(pattern + "$", header)
        if match:
            return int(match.group(1))
    return 1


def heading_pages(pages, headings: list[str], lang: str, table: int) -> list[int]:
    """The printed number of the first page from the contents table's page `table` (1-based) where each heading's
    text stands (on that page, besides its row)."""
    out = []
    for heading in headings:
        page = next((p for p in pages[table - 1:]
                     if p.squeezed.count(squeeze(heading)) > (1 if p.number == table else 0)), None)
        out.append(printed_number(page, lang) if page else None)
    return out


def annex_title(row: str, lang: str) -> str:
    """The annex's heading in its contents row `Annex: Title` / `附件：Title`."""
    return row.split("：" if lang == "zh" else ": ", 1)[1]


def contents_page(pages, title: str) -> int:
    """The (1-based) number of the page holding the contents table's title."""
    return next(p.number for p in pages if squeeze(title) in p.squeezed)


def docx_toc(path) -> tuple[str, list[dict]]:
    """The instruction of the DOCX's `TOC` field and its cached rows: anchor, text before the page number,
    `PAGEREF` instruction and cached page; with the names of the bookmarks standing in Heading paragraphs."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    depth, instruction, rows, in_toc = 0, None, [], False
    for p in body.iter(f"{W}p"):
        for node in p.iter(f"{W}fldChar", f"{W}instrText", f"{W}hyperlink"):
            if node.tag == f"{W}instrText" and node.text.strip().startswith("TOC ") and instruction is None:
                instruction, in_toc = node.text.strip(), True
            elif node.tag == f"{W}fldChar":
                kind = node.get(f"{W}fldCharType")
                depth += {"begin": 1, "end": -1}.get(kind, 0)
                if in_toc and depth == 0 and kind == "end":
                    in_toc = False
            elif node.tag == f"{W}hyperlink" and in_toc:
                text, page, instr, state = "", "", "", "text"
                for r in node.iter(f"{W}r"):
                    for child in r:
                        if child.tag == f"{W}fldChar":
                            state = {"begin": "instr", "separate": "page", "end": "done"}[child.get(f"{W}fldCharType")]
                        elif child.tag == f"{W}instrText":
                            instr += child.text
                        elif child.tag == f"{W}t" and state in ("text", "page"):
                            if state == "text":
                                text += child.text or ""
                            else:
                                page += child.text or ""
                        elif child.tag == f"{W}tab" and state == "text":
                            text += "\t"
                style = p.find(f"{W}pPr/{W}pStyle")
                rows.append({"anchor": node.get(f"{W}anchor"), "text": text, "instr": instr.strip(), "page": page,
                             "style": style.get(f"{W}val") if style is not None else None})
    marks = {}
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        for start in p.iter(f"{W}bookmarkStart"):
            marks[start.get(f"{W}name")] = (style.get(f"{W}val") if style is not None else None,
                                            "".join(t.text or "" for t in p.iter(f"{W}t")))
    return instruction, rows, marks


def model_contents(dumped_doc) -> list[str]:
    """The rows of the contents table of a dumped document (title first)."""
    block = next(b for b in dumped_doc["blocks"] if b["type"] == "contents")
    return block["text"].split("\n")


# -- the fixture WO/CC/84/INF/1: chapters and an annex ----------------------------------------------------------

@pytest.fixture(scope="module")
def lo_pages(office):
    """LibreOffice's rendering of the 84 fixture's DOCX in each language, as pages (`office`, shared)."""
    pdfs = office("84")
    return {lang: read_pages(pdfs[("84", lang)]) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_rows_print_the_page_where_each_chapter_and_the_annex_start(built, dumped, lang):
    pages = read_pages(built("84", lang, "pdf"))
    title, *entries = model_contents(dumped("84", lang))
    assert len(entries) == 6                                   # five chapters and the annex
    at = contents_page(pages, title.upper())
    printed = contents_rows(pages[at - 1].squeezed, [(text, "") for text in entries])
    starts = heading_pages(pages, entries[:5] + [annex_title(entries[5], lang)], lang, at)
    assert printed == [str(n) for n in starts]
    assert printed[0] == str(at) and printed[-1] == "1"      # chapter 1 starts under the table; the annex's own page 1
    assert len(set(printed[:5])) == 5


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_page_labels_are_the_printed_page_numbers(built, lang):
    path = built("84", lang, "pdf")
    pages = read_pages(path)
    labels = PdfReader(path).page_labels
    expected = []
    in_annex = False
    for page in pages:
        first = "".join(page.header)
        in_annex = in_annex or first.endswith("附件" if lang == "zh" else "Annex")
        number = printed_number(page, lang)
        expected.append(f"{'附件' if lang == 'zh' else 'Annex'}-{number}" if in_annex else str(number))
    assert labels == expected
    assert labels[:3] == ["1", "2", "3"] and labels[-1].endswith(f"-{printed_number(pages[-1], lang)}")


@pytest.mark.parametrize("lang", LANGS)
def test_docx_contents_is_a_toc_field_cached_with_the_pdfs_pages(built, dumped, lang):
    instruction, rows, marks = docx_toc(built("84", lang, "docx"))
    assert instruction == 'TOC \\o "1-1" \\h \\z \\u'
    title, *entries = model_contents(dumped("84", lang))
    assert [row["text"].rstrip("\t") for row in rows] == entries
    pdf_pages = read_pages(built("84", lang, "pdf"))
    at = contents_page(pdf_pages, title.upper())
    assert [row["page"] for row in rows] == contents_rows(pdf_pages[at - 1].squeezed, [(t, "") for t in entries])
    for row in rows:
        assert row["instr"] == f"PAGEREF {row['anchor']} \\h"
        assert row["style"] == "toc1"
        style, text = marks[row["anchor"]]                    # the bookmark stands in the heading it names
        assert style == "Heading1" and (text == row["text"].rstrip("\t") or row["text"].rstrip("\t").endswith(text))


@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_shows_the_cached_rows(built, dumped, lo_pages, lang):
    pages = lo_pages[lang]
    title, *entries = model_contents(dumped("84", lang))
    at = contents_page(pages, title.upper())
    _, rows, _ = docx_toc(built("84", lang, "docx"))
    assert contents_rows(pages[at - 1].squeezed, [(t, "") for t in entries]) == [row["page"] for row in rows]


@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_lays_the_chapters_out_near_the_pdfs_pages(built, dumped, lo_pages, lang):
    """The cached numbers are ccdocs's; LibreOffice's own layout of the DOCX puts each chapter on the same
    printed page (measured: all six rows of both languages; WO/CC/86/INF/1's headings drift by one page at most),
    so a reader of the DOCX finds the chapter where its row says, give or take a page."""
    title, *entries = model_contents(dumped("84", lang))
    headings = entries[:5] + [annex_title(entries[5], lang)]
    pdf_pages, lo = read_pages(built("84", lang, "pdf")), lo_pages[lang]
    ours = heading_pages(pdf_pages, headings, lang, contents_page(pdf_pages, title.upper()))
    theirs = heading_pages(lo, headings, lang, contents_page(lo, title.upper()))
    assert all(abs(a - b) <= 1 for a, b in zip(ours, theirs)), (ours, theirs)


# -- a scratch paper: sub-headings and paragraph ranges --------------------------------------------------------

@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """The scratch paper of REPORT and ANNEX built in both formats, per language."""
    return built_papers(tmp_path_factory, "contents", {lang: REPORT[lang] for lang in LANGS}, ANNEX)


@pytest.mark.parametrize("lang", LANGS)
def test_ranges_and_sub_headings_are_the_same_in_both_formats(scratch, lang):
    entries = [(text, ranges) for _, text, ranges in ROWS[lang]]
    pages = read_pages(scratch[lang]["pdf"])
    at = contents_page(pages, ("目录" if lang == "zh" else "CONTENTS"))
    pdf_numbers = contents_rows(pages[at - 1].squeezed, entries)
    headings = [text for _, text, _ in ROWS[lang][:3]] + [annex_title(ROWS[lang][3][1], lang)]
    assert pdf_numbers == [str(n) for n in heading_pages(pages, headings, lang, at)]
    assert pdf_numbers[-1] == "1"
    instruction, rows, _ = docx_toc(scratch[lang]["docx"])
    assert instruction == 'TOC \\o "1-2" \\h \\z \\u'
    assert [(int(row["style"][-1]), row["text"]) for row in rows] == [(level, f"{text}\t{ranges}\t")
                                                                       for level, text, ranges in ROWS[lang]]
    assert [row["page"] for row in rows] == pdf_numbers


@pytest.mark.parametrize("lang", LANGS)
def test_rows_link_to_their_headings_in_the_pdf(scratch, lang):
    reader = PdfReader(scratch[lang]["pdf"])
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    goto = [a for a in links if a.get("/Dest") is not None or (a.get("/A") or {}).get("/S") == "/GoTo"]
    assert len(goto) == len(ROWS[lang])


@pytest.mark.parametrize("lang,labels,printed", [
    ("en", ["1.", "2.", "3."], "paragraphs 1 to 3"), ("en", ["7."], "paragraph 7"), ("en", [], ""),
    ("zh", ["12.", "13.", "15."], "第12至15段"), ("zh", ["9."], "第9段"),
])
def test_a_paragraph_range_names_the_first_and_last_numbered_paragraph(lang, labels, printed):
    from ccdocs.l10n.catalog import Catalog
    from ccdocs.transforms.contents import paragraph_range

    assert paragraph_range(labels, Catalog.load(lang)) == printed


# -- refusals ---------------------------------------------------------------------------------------------------

FILE = "content/report.md"


def _report(*lines: str) -> dict:
    from conftest import REPORT as MINIMAL_REPORT

    return {FILE: MINIMAL_REPORT + "\n" + "".join(f"{text}\n" for text in lines)}


CASES = [
    Case("unknown-option", _report("::: contents pages", ":::"), "`pages` after `::: contents` is not an option",
         f"{FILE}:13"),
    Case("text-inside", _report("::: contents", "Some text.", ":::"), "nothing is written inside `::: contents`",
         f"{FILE}:13"),
    Case("in-a-box", _report("::: box", "::: contents", ":::", ":::"), "a contents table cannot stand in a box",
         f"{FILE}:14"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_refused(refuse, case):
    refuse(case)
