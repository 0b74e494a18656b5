"""Where pages break around tables, boxes and headings, in the PDF and in Word (LibreOffice's rendering).

One paper per language holds, after fillers of every length (so that each falls at every height of a page):
small tables of four body rows and a total row, each of which must stand whole on one page with its caption;
headings followed by a table, a box, a key-figures panel or a paragraph, none of which may end a page; and, in
annexes (each starting a page), long tables of a page's rows and a few more, whose breaks must leave at least
`table.keep_rows` body rows on either side, never the total row alone. Each thing carries a token (`T3`, `H2r1`)
read from the pages' text (pdftotext, one page at a time), so the test sees where each one fell.
"""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from lxml import etree

from ccdocs.theme import load_theme
from libreoffice import render
from papers import build_both, paper

LANGS = ["en", "zh"]
SMALL = 24                        # small tables, after fillers of 1 to 24 sentences; the even ones captionless
KINDS = ["table", "box", "keyfigures", "para"]
HEADED = 48                       # headings, each over one of KINDS in turn
LONG = range(36, 48, 2)           # body rows of the long tables, one per annex
WORDS = {
    "en": {"filler": "This filler sentence stands for the running text of the report. ", "staff": "Staff",
           "caption": "Staff by grade", "heading": "Section", "para": "The text of the section begins here. ",
           "box": "A box that follows its heading."},
    "zh": {"filler": "本句为填充文字，代表报告的正文内容。", "staff": "人数",
           "caption": "按职等分列的工作人员",
           "heading": "章节", "para": "本节正文从此开始。", "box": "紧接标题的文框。"},
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def table_of(name: str, rows: int, lang: str) -> tuple[str, tuple[str, str]]:
    """A table spec (YAML under `tables:`) and its data file: `rows` body rows labelled `{name}r1`… and a total."""
    spec = (f"  {name}:\n    data: {name}\n    label: label\n"
            f"    columns: [{{key: staff, heading: {WORDS[lang]['staff']}}}]\n    total: total\n")
    csv = "id,label,staff\n" + "".join(f"r{i},{name}r{i},{i}\n" for i in range(1, rows + 1)) + f"total,{name}tot,\n"
    return spec, (f"{name}.csv", csv)


def filler(lang: str, sentences: int) -> str:
    return WORDS[lang]["filler"] * sentences + "\n\n"


def placed(name: str, lang: str, caption: bool = True) -> str:
    text = f"{WORDS[lang]['caption']} {name}cap\n" if caption else ""
    return f"::: table {name}\n{text}:::\n\n"


def sources(lang: str) -> dict:
    """The paper's report, annexes, table specs and data."""
    words, specs, data = WORDS[lang], "", {}
    report = "# Introduction\n\n"
    for k in range(1, SMALL + 1):
        spec, data[f"T{k}"] = table_of(f"T{k}", 4, lang)
        specs += spec
        report += filler(lang, k) + placed(f"T{k}", lang, caption=k % 2 == 1)
    for k in range(1, HEADED + 1):
        report += filler(lang, k + 1) + f"## {words['heading']} H{k}head\n\n"
        kind = KINDS[k % len(KINDS)]
        if kind == "table":
            spec, data[f"H{k}"] = table_of(f"H{k}", 4, lang)
            specs += spec
            report += placed(f"H{k}", lang)
        elif kind == "box":
            report += f"::: box\nH{k}box {words['box'] * 24}\n:::\n\n"
        elif kind == "keyfigures":
            report += f"::: keyfigures\n- **{k}** H{k}kf\n- **{k + 1}** {words['staff']}\n:::\n\n"
        else:
            report += f"H{k}para {words['para'] * 12}\n\n"
    annexes = []
    for rows in LONG:
        spec, data[f"L{rows}"] = table_of(f"L{rows}", rows, lang)
        specs += spec
        annexes.append(f"# Annex L{rows}\n\n" + placed(f"L{rows}", lang))
    return {"report": report, "annexes": tuple(annexes), "tables": specs, "data": data}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """`pages[(lang, fmt)]`: the text of each page (its spaces and line breaks as single spaces), fmt `pdf`
    (ours) or `lo` (LibreOffice's rendering of the DOCX); `pages[(lang, "docx")]` is the DOCX's path."""
    work = tmp_path_factory.mktemp("pagination")
    built = {}
    for lang in LANGS:
        s = sources(lang)
        folder = paper(work / lang, lang, s["report"], tables=s["tables"], data=s["data"], annexes=s["annexes"])
        built[lang] = build_both(folder, work / f"out-{lang}")
    rendered = render({lang: built[lang]["docx"] for lang in LANGS}, work)
    out = {}
    for lang in LANGS:
        out[(lang, "pdf")] = page_texts(built[lang]["pdf"])
        out[(lang, "lo")] = page_texts(rendered[lang])
        out[(lang, "docx")] = built[lang]["docx"]
    return out


def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [re.sub(r"\s+", " ", page) for page in text.split("\f")]


def page_of(texts: list[str], token: str) -> int:
    """The page (from 0) where `token` is printed, as a whole word (`T1r1` is not `T1r10`)."""
    word = re.compile(r"(?<![A-Za-z0-9])" + re.escape(token) + r"(?![A-Za-z0-9])")
    found = [i for i, text in enumerate(texts) if word.search(text)]
    assert len(found) == 1, (token, found)
    return found[0]


def rows_per_page(texts: list[str], name: str, rows: int) -> dict[int, list[str]]:
    """The body rows (`r1`…) and the total row (`tot`) of table `name` on each page they are printed on."""
    out: dict[int, list[str]] = {}
    for row in [f"r{i}" for i in range(1, rows + 1)] + ["tot"]:
        out.setdefault(page_of(texts, name + row), []).append(row)
    return out


FORMATS = ["pdf", "lo"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_table_that_fits_a_page_stands_whole_on_one_page_with_its_caption(pages, lang, fmt):
    texts = pages[(lang, fmt)]
    for k in range(1, SMALL + 1):
        name = f"T{k}"
        where = rows_per_page(texts, name, 4)
        assert len(where) == 1, f"{name} is split: {where}"
        if k % 2:
            assert page_of(texts, name + "cap") in where, f"{name}'s caption is on another page"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_long_table_leaves_at_least_keep_rows_body_rows_on_either_side_of_a_break(pages, lang, fmt):
    least = int(load_theme().get("table.keep_rows", 3))
    texts = pages[(lang, fmt)]
    broke = 0
    for rows in LONG:
        where = rows_per_page(texts, f"L{rows}", rows)
        broke += len(where) > 1
        for page, found in where.items():
            assert found != ["tot"], f"L{rows}: the total row alone on page {page + 1}"
            body = [r for r in found if r != "tot"]
            assert len(where) == 1 or len(body) >= least, f"L{rows}: {len(body)} body rows on page {page + 1}"
    assert broke, "no long table broke: the test shows nothing"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_heading_stands_on_the_page_of_the_first_unit_after_it(pages, lang, fmt):
    """A table's caption, header and first rows (the whole small table), a box or key-figures panel whole, a
    paragraph's first line: on the heading's page."""
    texts = pages[(lang, fmt)]
    for k in range(1, HEADED + 1):
        heading = page_of(texts, f"H{k}head")
        kind = KINDS[k % len(KINDS)]
        if kind == "table":
            follow = [f"H{k}cap"] + [f"H{k}r{i}" for i in range(1, 5)] + [f"H{k}tot"]
        elif kind == "box":
            follow = [f"H{k}box"]
        elif kind == "keyfigures":
            follow = [f"H{k}kf"]
        else:
            follow = [f"H{k}para"]
        for token in follow:
            assert page_of(texts, token) == heading, f"heading H{k} ({kind}) ends page {heading + 1} alone"


def row_keeps(docx) -> dict[str, list[bool]]:
    """Per table (by its first body row's label), whether each row's paragraphs all carry w:keepNext, and whether
    each row carries w:cantSplit."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    out = {}
    for tbl in body.iter(f"{W}tbl"):
        rows = tbl.findall(f"{W}tr")
        label = "".join(rows[-1].itertext())
        keeps = [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")) for tr in rows]
        splits = [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows]
        out[re.sub(r"tot.*", "", label)] = (keeps, splits)
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_word_keeps_rows_together_where_the_pdf_does(pages, lang):
    """A table the PDF prints whole has `w:keepNext` on the paragraphs of every row but the last; one the PDF
    breaks, on its header and first keep_rows - 1 body rows and on its last keep_rows body rows, which the total
    row follows (so Word breaks it alike); every row of these tables `w:cantSplit`."""
    least = int(load_theme().get("table.keep_rows", 3))
    tables = row_keeps(pages[(lang, "docx")])
    texts = pages[(lang, "pdf")]
    shapes = [(f"T{k}", 4) for k in range(1, SMALL + 1)] + [(f"L{rows}", rows) for rows in LONG]
    broken = 0
    for name, rows in shapes:
        keeps, splits = tables[name]
        count = rows + 2
        if len(rows_per_page(texts, name, rows)) == 1:
            expected = [True] * (count - 1) + [False]
        else:
            broken += 1
            expected = [i < least or count - least - 1 <= i < count - 1 for i in range(count)]   # total last
        assert keeps == expected, name
        assert all(splits), name
    assert broken, "no table broke in the PDF: the test shows nothing"


@pytest.mark.parametrize("lang", LANGS)
def test_a_table_moved_to_the_next_page_stands_whole_there(tmp_path, lang):
    """A table is moved to the next page only when it fits an empty frame of that page (the body page after the
    first, shorter than the first page's frame); one that does not starts where it is and breaks by the
    keep_rows rule, never leaving the first page half empty to break anyway on the next (PDF)."""
    from ccdocs.build import build

    moved = 0
    for rows in range(34, 46):
        spec, data = table_of("P", rows, lang)
        report = "# Introduction\n\n" + filler(lang, 6) * 3 + placed("P", lang)
        folder = paper(tmp_path / f"{lang}{rows}", lang, report, tables=spec, data={"P": data})
        pdf = build([folder], tmp_path / f"out{lang}{rows}", None, ("pdf",), workers=1)[0]
        texts = page_texts(pdf)
        where = rows_per_page(texts, "P", rows)
        caption = page_of(texts, "Pcap")
        moved += caption > 0
        assert len(where) == 1 or caption == 0, f"{rows} rows moved to page {caption + 1}, then split: {where}"
    assert moved, "no table moved: the test shows nothing"


def of_which_table(name: str, rows: int, lang: str) -> tuple[str, tuple[str, str]]:
    """`table_of`'s table with an "of which" heading row and two rows `{name}x1`, `{name}x2` after its total."""
    spec, (file, csv) = table_of(name, rows, lang)
    return spec + "    headings: [of]\n", (file, csv + f"of,{name}of,\nx1,{name}x1,1\nx2,{name}x2,1\n")


@pytest.mark.parametrize("lang", LANGS)
def test_a_total_row_keeps_keep_rows_body_rows_when_of_which_rows_follow_it(tmp_path, lang):
    """The total row and the rows after it (an "of which" heading and its rows) are the tail of a table: a break
    leaves at least keep_rows body rows above the total on its page (PDF), and Word keeps those rows, the total
    and the rows after it together (DOCX, `w:keepNext` on all of them but the last)."""
    least = int(load_theme().get("table.keep_rows", 3))
    specs, data, annexes = "", {}, []
    for rows in range(36, 48):
        spec, data[f"W{rows}"] = of_which_table(f"W{rows}", rows, lang)
        specs += spec
        annexes.append(f"# Annex W{rows}\n\n" + placed(f"W{rows}", lang))
    folder = paper(tmp_path / lang, lang, "# Introduction\n\nText.\n\n", tables=specs, data=data,
                   annexes=tuple(annexes))
    built = build_both(folder, tmp_path / "out")
    texts, tables = page_texts(built["pdf"]), row_keeps(built["docx"])
    broke = 0
    for rows in range(36, 48):
        name = f"W{rows}"
        where = rows_per_page(texts, name, rows)
        total = page_of(texts, name + "tot")
        assert page_of(texts, name + "x2") == total, f"{name}: the of-which rows leave the total"
        broke += len(where) > 1
        assert len(where) == 1 or len(where[total]) - 1 >= least, f"{name}: {where[total]} with the total"
        keeps = next(k for label, (k, _) in tables.items() if label.startswith(name + "x2"))  # its last row
        if len(where) > 1:
            count = len(keeps)   # header, rows, total, of, x1, x2
            assert all(keeps[count - 4 - least:count - 1]), f"{name}: Word may break inside the tail"
    assert broke, "no table broke: the test shows nothing"


@pytest.mark.parametrize("lang", LANGS)
def test_word_keeps_a_table_whole_when_the_pdf_does_with_its_unit_line(tmp_path, lang):
    """The DOCX's estimate of a table's height and of the room a page leaves it under its caption and unit line
    is the PDF's measurement: for tables of every height about a page (more rows, a first row whose label runs to
    more lines), each table the PDF prints whole has `w:keepNext` on every row but the last in the DOCX, and each
    one it breaks has not (the budget table's case: one the PDF moved whole, Word marked long)."""
    specs, data, annexes, names = "", {}, [], []
    for rows in range(37, 42) if lang == "en" else range(33, 38):
        for words in range(0, 80, 10):
            name = f"U{rows}w{words}"
            spec, (file, csv) = table_of(name, rows, lang)
            specs += spec + f"    unit: {WORDS[lang]['staff']}\n"
            long = f"{name}r1 " + WORDS[lang]["para"] * words
            data[name] = (file, csv.replace(f"r1,{name}r1,", f"r1,{long},", 1))
            annexes.append(f"# Annex {name}\n\n" + placed(name, lang))
            names.append((name, rows))
    folder = paper(tmp_path / lang, lang, "# Introduction\n\nText.\n\n", tables=specs, data=data,
                   annexes=tuple(annexes))
    built = build_both(folder, tmp_path / "out")
    texts, tables = page_texts(built["pdf"]), row_keeps(built["docx"])
    whole = {name: len(rows_per_page(texts, name, rows)) == 1 for name, rows in names}
    assert any(whole.values()) and not all(whole.values()), "no table near a page's height: the test shows nothing"
    for name, rows in names:
        keeps = tables[name][0]
        assert all(keeps[:-1]) == whole[name], f"{name}: the PDF prints it {'whole' if whole[name] else 'broken'}"
