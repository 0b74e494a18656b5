"""A table is split the same way in the DOCX and the PDF: the DOCX's w:gridCol and w:tcW against the column
positions of the tables reportlab draws, for every table of every sample document, in English and Chinese; a
narrow Chinese table keeps its codes and two-character words whole in LibreOffice's rendering and in the PDF;
a table with a `width` is that share of the text width, centred, in both formats."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from unittest import mock

import pdfplumber
import pytest
from conftest import DOCS, MINIMAL
from refusals import Case
from lxml import etree
from reportlab.lib.pagesizes import A4
from reportlab.platypus.tables import Table as DrawnTable

from ccdocs.pipeline import read_sources, resolve
from ccdocs.theme import load_theme
from ccdocs.writers import writer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KEYS = [(key, lang) for key in DOCS for lang in ("en", "zh")]
CLOSE = 0.02  # the largest difference between the formats' widths of a column, as a share of the width


def docx_columns(data: bytes) -> list[list[float]]:
    """The column widths in points of each table in the body (w:tblGrid), each cell's w:tcW checked against
    the grid columns it spans."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    tables = []
    for tbl in body.iter(f"{W}tbl"):
        grid = [int(col.get(f"{W}w")) for col in tbl.find(f"{W}tblGrid")]
        for tr in tbl.iter(f"{W}tr"):
            at = 0
            for tc in tr.iter(f"{W}tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                count = int(span.get(f"{W}val")) if span is not None else 1
                width = int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w"))
                assert abs(width - sum(grid[at:at + count])) <= count, (grid, at, width)
                at += count
            assert at == len(grid)
        tables.append([w / 20 for w in grid])
    return tables


def drawn_columns(write) -> list[tuple[float, list[float]]]:
    """(page width offset, column widths) of every table piece reportlab draws in the last pass of `write()`,
    a table carried over pages counted once."""
    passes: dict = {}

    def record(table, canvas, x, y, _sW=0):
        positions = table._colpositions
        passes.setdefault(id(canvas), []).append([b - a for a, b in zip(positions, positions[1:])])
        return original(table, canvas, x, y, _sW)

    original = DrawnTable.drawOn
    with mock.patch.object(DrawnTable, "drawOn", record):
        write()
    last = list(passes.values())[-1]
    return [widths for index, widths in enumerate(last) if index == 0 or widths != last[index - 1]]


def deduplicated(tables: list[list[float]]) -> list[list[float]]:
    """The tables without a repeat of the one before (the PDF cannot tell two such tables from one carried over)."""
    return [t for index, t in enumerate(tables) if index == 0 or t != tables[index - 1]]


def written(folder: Path, lang: str, out: Path) -> tuple[list, list]:
    """Write `folder` in `lang` as `out`.docx and `out`.pdf; (docx tables, pdf tables): column widths in points,
    each table once."""
    sources = read_sources(folder)
    theme = load_theme(sources.spec.theme, sources.spec.folder)
    doc = resolve(sources, lang)
    data = writer("docx")(doc, theme)
    out.with_suffix(".docx").write_bytes(data)  # validated against ISO 29500 at the session's end

    def pdf():
        out.with_suffix(".pdf").write_bytes(writer("pdf")(doc, theme))

    return deduplicated(docx_columns(data)), drawn_columns(pdf)


def assert_same_widths(docx: list, pdf: list) -> None:
    """The same tables, each column's width within CLOSE."""
    assert len(docx) == len(pdf) and docx, (docx, pdf)
    for in_docx, in_pdf in zip(docx, pdf):
        assert len(in_docx) == len(in_pdf), (in_docx, in_pdf)
        for a, b in zip(in_docx, in_pdf):
            assert abs(a - b) <= CLOSE * max(a, b), (in_docx, in_pdf)


@pytest.fixture(scope="module")
def layouts(tmp_path_factory):
    """A function `layouts(key, lang) -> (docx tables, pdf tables)`: column widths in points, each table once."""
    out = tmp_path_factory.mktemp("widths")
    done: dict = {}

    def get(key: str, lang: str):
        if (key, lang) not in done:
            done[(key, lang)] = written(DOCS[key], lang, out / f"{key}-{lang}")
        return done[(key, lang)]

    return get


@pytest.mark.parametrize("key,lang", KEYS)
def test_every_table_has_the_same_column_widths_in_both_formats(layouts, key, lang):
    assert_same_widths(*layouts(key, lang))


# A narrow table: ten figure columns under long headings (one unbreakable word each, as the DOCX writer took a
# Chinese heading), grades and a total in the label column.
NARROW_COLUMNS = [(f"c{year}", f"{year}年女性工作人员人数") for year in range(2016, 2026)]
NARROW_ROWS = [("p4", "P4"), ("p5", "P5"), ("d1", "D-1"), ("total", "")]
WHOLE = {"zh": ["P4", "D-1", "职等", "总计"], "en": ["P4", "D-1", "Grade", "Total"]}


def narrow_folder(root: Path, lang: str) -> Path:
    """A document whose one table has a label column and eight figure columns with long headings, keyed in
    `lang` (Chinese headings for zh, English for en)."""
    headings = dict(NARROW_COLUMNS) if lang == "zh" else {key: f"Women {key[1:]}" for key, _ in NARROW_COLUMNS}
    columns = "\n".join(f"      - {{key: {key}, heading: '{headings[key]}'}}" for key, _ in NARROW_COLUMNS)
    spec = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]").replace("  applicants: data/applicants.csv\n",
                                                                          "  grades: data/grades.csv\n")
    spec += (f"tables:\n  grades:\n    data: grades\n    label: grade\n    label_heading: "
             f"{'职等' if lang == 'zh' else 'Grade'}\n    columns:\n{columns}\n    total: total\n")
    rows = [",".join([row_id, label] + [str(10 * (i + 1) + n) for i in range(len(NARROW_COLUMNS))])
            for n, (row_id, label) in enumerate(NARROW_ROWS[:-1])]
    sums = [sum(10 * (i + 1) + n for n in range(3)) for i in range(len(NARROW_COLUMNS))]
    rows.append(",".join(["total", "总计" if lang == "zh" else ""] + list(map(str, sums))))
    files = {"document.yaml": spec, "content/report.md": f"# {'引言' if lang == 'zh' else 'Introduction'}\n\n"
             "{{ workforce.staff | number }}\n\n::: table grades\n" + ("按职等分列的工作人员" if lang == "zh" else
                                                                       "Staff by grade") + "\n:::\n",
             "content/annex.md": "# Annex\n\nText.\n", "data/workforce.yaml": "staff: 1735\n",
             "data/grades.csv": "id,grade," + ",".join(k for k, _ in NARROW_COLUMNS) + "\n" + "\n".join(rows) + "\n"}
    folder = root / f"narrow-{lang}"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def libreoffice_pdfs(files: list[Path], out: Path) -> None:
    """Convert `files` to PDF into `out` with LibreOffice, in one call, with a private profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: `make test` installs libreoffice-writer-nogui")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(out / 'lo-profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=900)


def table_words(pdf: Path) -> list[dict]:
    """The words of the page holding the table (the one showing its label heading), as pdfplumber reads them."""
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
            if any(w["text"] in ("职等", "Grade") for w in words):
                return words
    raise AssertionError(f"no page of {pdf} shows the table")


@pytest.fixture(scope="module")
def narrow(tmp_path_factory) -> dict:
    """Per language: the narrow table written as `narrow-LANG.docx` and `.pdf` (`written`: the column widths of
    each), its folder holding LibreOffice's rendering of the DOCX; LibreOffice draws both languages in one call. A
    language that cannot be written keeps the exception, raised by its own test."""
    root = tmp_path_factory.mktemp("narrow")
    widths = {}
    for lang in WHOLE:
        try:
            widths[lang] = written(narrow_folder(root, lang), lang, root / f"narrow-{lang}")
        except Exception as exc:  # raised again by the language's own test
            widths[lang] = exc
    libreoffice_pdfs([root / f"narrow-{lang}.docx" for lang, got in widths.items() if isinstance(got, tuple)],
                     root / "rendered")
    return {lang: (got, root) for lang, got in widths.items()}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_narrow_table_keeps_codes_and_short_words_whole_in_both_formats(narrow, lang):
    widths, root = narrow[lang]
    if isinstance(widths, Exception):
        raise widths
    assert_same_widths(*widths)
    for pdf in (root / "rendered" / f"narrow-{lang}.pdf", root / f"narrow-{lang}.pdf"):
        texts = [w["text"] for w in table_words(pdf)]
        for whole in WHOLE[lang]:
            assert whole in texts, f"{pdf.name}: `{whole}` is broken across lines: {texts}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_table_with_a_width_is_that_share_of_the_text_width_centred(tmp_path, lang):
    folder = narrow_folder(tmp_path, lang)
    spec = folder / "document.yaml"
    lines = spec.read_text(encoding="utf-8").replace("    total: total\n", "    total: total\n    width: 0.6\n")
    spec.write_text("\n".join(line for line in lines.splitlines()  # two figure columns left
                              if not any(f"key: c{y}" in line for y in range(2018, 2026))) + "\n", encoding="utf-8")
    theme = load_theme()
    left, right = theme.pt("page.margins.left"), theme.pt("page.margins.right")
    docx, pdf = written(folder, lang, tmp_path / "narrow")
    text_width = A4[0] - left - right
    assert abs(sum(docx[0]) - 0.6 * text_width) < 1 and abs(sum(pdf[0]) - 0.6 * text_width) < 1
    body = etree.fromstring(zipfile.ZipFile(tmp_path / "narrow.docx").read("word/document.xml"))
    assert body.find(f".//{W}tbl/{W}tblPr/{W}jc").get(f"{W}val") == "center"
    with pdfplumber.open(tmp_path / "narrow.pdf") as document:
        rules = [line for page in document.pages for line in page.lines  # the table's, not the notes' 5 cm rule
                 if abs(line["top"] - line["bottom"]) < 0.1 and line["x1"] - line["x0"] > 0.5 * text_width]
    assert rules, "no table rule drawn"
    for rule in rules:
        assert abs(rule["x1"] - rule["x0"] - 0.6 * text_width) < 1
        assert abs((rule["x0"] - left) - (A4[0] - right - rule["x1"])) < 1, "not centred"


def scaled(folder: Path, factor: int) -> dict:
    """The files of `folder`, every figure of its table multiplied by `factor` (the sums still hold)."""
    csv = folder / "data" / "grades.csv"
    head, *rows = csv.read_text(encoding="utf-8").splitlines()
    rows = [",".join(cell if i < 2 else str(int(cell) * factor) for i, cell in enumerate(row.split(",")))
            for row in rows]
    csv.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_that_cannot_stand_side_by_side_are_refused_at_the_table(refuse, tmp_path, lang):
    """A figure is never broken across lines: when a table's widest figures are wider than the table together,
    `check` and `build` refuse it at its `::: table` line, saying what to do."""
    files = scaled(narrow_folder(tmp_path, lang), 1_000_001)   # ten columns of 10,000,010
    refuse(Case(f"figures-{lang}", files, "a figure is never broken across lines", "content/report.md:5",
                command=("build", "{doc}", "--format", "docx,pdf", "--out", "{out}")))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_table_too_narrow_for_its_words_breaks_words_but_never_a_figure(tmp_path, lang):
    """The minimums (headings' words, figures) exceed the width; the columns are cut down to the widest figure
    at the least, so every figure stands on one line in both formats' columns (PDF words, DOCX widths)."""
    folder = tmp_path / "doc"
    files = scaled(narrow_folder(tmp_path / "src", lang), 10_001)   # ten columns of 100,010 and more
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    docx, pdf = written(folder, lang, tmp_path / "narrow")
    assert_same_widths(docx, pdf)
    figures = {f"{int(cell):,}" for row in files["data/grades.csv"].splitlines()[1:]
               for cell in row.split(",")[2:]}
    with pdfplumber.open(tmp_path / "narrow.pdf") as document:   # the label heading may break: no room is left
        words = {w["text"] for page in document.pages for w in page.extract_words()}
    assert figures <= words, f"figures broken: {sorted(figures - words)}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_narrow_table_is_centred_on_every_page_it_runs_over_with_its_unit_line_at_its_right(tmp_path, lang):
    """A table with `width: 0.6` that breaks over pages is centred on each of them (PDF: its rules), and its
    unit line ends at the table's right edge, not the text's (PDF: the unit's last word; DOCX: the unit
    paragraph's right indent)."""
    folder = narrow_folder(tmp_path, lang)
    spec = folder / "document.yaml"
    lines = spec.read_text(encoding="utf-8").replace("    total: total\n",
                                                     "    total: total\n    width: 0.6\n    unit: UNITword\n")
    spec.write_text("\n".join(line for line in lines.splitlines()
                              if not any(f"key: c{y}" in line for y in range(2018, 2026))) + "\n", encoding="utf-8")
    rows = [f"r{i},R{i}," + ",".join(["1"] * len(NARROW_COLUMNS)) for i in range(90)]
    (folder / "data" / "grades.csv").write_text(
        "id,grade," + ",".join(k for k, _ in NARROW_COLUMNS) + "\n" + "\n".join(rows) + "\n"
        + "total,," + ",".join(["90"] * len(NARROW_COLUMNS)) + "\n", encoding="utf-8")
    theme = load_theme()
    left, right = theme.pt("page.margins.left"), theme.pt("page.margins.right")
    text_width = A4[0] - left - right
    written(folder, lang, tmp_path / "narrow")
    edges = set()
    with pdfplumber.open(tmp_path / "narrow.pdf") as document:
        for page in document.pages:
            rules = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.1
                     and line["x1"] - line["x0"] > 0.5 * text_width]
            for rule in rules:
                assert abs((rule["x0"] - left) - (A4[0] - right - rule["x1"])) < 1, f"page {page.page_number}"
                edges.add(round(rule["x1"]))
            unit = [w for w in page.extract_words() if w["text"] == "UNITword"]
            if unit:
                assert rules and abs(unit[0]["x1"] - max(r["x1"] for r in rules)) < 2, \
                    "the unit line does not end at the table's right edge"
    assert len(document.pages) > 2 and edges, "the table does not run over pages"
    body = etree.fromstring(zipfile.ZipFile(tmp_path / "narrow.docx").read("word/document.xml"))
    unit = next(p for p in body.iter(f"{W}p") if "UNITword" in "".join(p.itertext()))
    indent = unit.find(f"{W}pPr/{W}ind")
    assert indent is not None and abs(int(indent.get(f"{W}right")) / 20 - 0.2 * text_width) < 1


PIPE = ("::: table\n按职等和性别分列的工作人员\n\n| 职等 | 女性工作人员人数 | 男性 | 女性所占百分比（%） | 备注 |\n"
        "|:---|---:|---:|:---:|:---|\n| P4 | 120 | 130 | 48.0% | 专业职类人员，包括临时任用的工作人员和顾问以及其他 |\n"
        "| D-1 | 5 | 9 | 35.7% | https://www.wipo.int/about-wipo/en/offices/index.html |\n:::\n")


def test_a_short_chinese_heading_stays_whole_when_a_long_text_squeezes_the_table(tmp_path):
    """A Chinese word of at most four characters (`男性`) is one unit for its column's minimum, in both formats
    (the widths are shared); only longer Chinese texts break between characters."""
    folder = narrow_folder(tmp_path, "zh")
    report = folder / "content" / "report.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n" + PIPE, encoding="utf-8")
    docx, pdf = written(folder, "zh", tmp_path / "pipe")
    assert_same_widths(docx, pdf)
    with pdfplumber.open(tmp_path / "pipe.pdf") as document:
        words = [w["text"] for page in document.pages for w in page.extract_words()]
    assert any(w.startswith("男性") or w.endswith("男性") for w in words), words


@pytest.mark.parametrize("width,fragment", [(0.01, "at most 1 fit its `width`"),
                                            (0.5, "a figure is never broken across lines")])
def test_a_width_too_small_for_the_columns_is_refused_at_its_line(refuse, tmp_path, width, fragment):
    """When the columns (or their figures) would fit the text width but not the `width:` the spec gives, the
    error stands at that line of document.yaml, where the fix is."""
    files = scaled(narrow_folder(tmp_path, "en"), 101)
    files["document.yaml"] = files["document.yaml"].replace("    total: total\n",
                                                            f"    total: total\n    width: {width}\n")
    line = files["document.yaml"].splitlines().index(f"    width: {width}") + 1
    refuse(Case(f"width-{width}", files, fragment, f"document.yaml:{line}",
                command=("build", "{doc}", "--format", "docx,pdf", "--out", "{out}")))
