"""GitHub pipe tables are plain tables: a header row, cells aligned as data tables are, a bold row a total, the
cells translated one by one as segments, the table's shape kept by every translation; both formats, both languages.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ccdocs.build import build
from ccdocs.errors import Collector
from ccdocs.i18n.segments import apply, extract
from ccdocs.i18n.structure import breaking
from ccdocs.parse.markdown import parse_markdown
from ccdocs.parse.pipe_tables import row_cells, row_line
from conftest import MINIMAL, REPORT
from refusals import Case
from translated import fill_catalog

GRADES = """
::: table
Staff by grade and sex

| Grade | Category | Women | Men | Share of women |
|:------|:---------|------:|----:|:--------------:|
| P4 | Professional | 120 | 130 | 48.0% |
| D2 | Director | 5 | 9 | 35.7% |
| G6 | General Service | 200 | 90 | 69.0% |
| ASG | Senior \\| ungraded | 1 | 0 | 100.0% |
| **Total** | | **326** | **229** | |

Grades as at December 31, 2025.
:::

| Year | Staff |
|---|---|
| 2024 | 1,700 |
| 2025 | {{ workforce.staff | number }} |
"""
ZH = {"Grade": "职等", "Category": "类别", "Women": "女性", "Men": "男性", "Share of women": "女性比例",
      "Professional": "专业人员", "Director": "司长级", "General Service": "一般事务",
      "Senior | ungraded": "高级 | 不分级", "**Total**": "**共计**", "Staff by grade and sex": "按职等和性别分列的工作人员",
      "Grades as at December 31, 2025.": "截至2025年12月31日的职等。", "Year": "年份", "Staff": "工作人员"}
HEADINGS = {"en": ["Grade", "Category", "Women", "Men", "Share of women"], "zh": ["职等", "类别", "女性", "男性", "女性比例"]}
ROWS = {"en": [["P4", "Professional", "120", "130", "48.0%"], ["D2", "Director", "5", "9", "35.7%"],
               ["G6", "General Service", "200", "90", "69.0%"], ["ASG", "Senior | ungraded", "1", "0", "100.0%"],
               ["Total", "", "326", "229", ""]],
        "zh": [["P4", "专业人员", "120", "130", "48.0%"], ["D2", "司长级", "5", "9", "35.7%"],
               ["G6", "一般事务", "200", "90", "69.0%"], ["ASG", "高级 | 不分级", "1", "0", "100.0%"],
               ["共计", "", "326", "229", ""]]}
FILE = "content/report.md"


def write_folder(folder: Path, report: str) -> Path:
    files = {"document.yaml": MINIMAL, FILE: report, "content/annex.md": "# Annex title\n\nAnnex paragraph.\n",
             "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\n",
             "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n"}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The grades paper built in en and zh, DOCX and PDF; the codes and numbers of its cells left untranslated."""
    folder = write_folder(tmp_path_factory.mktemp("pipe") / "doc", REPORT + GRADES)
    fill_catalog(folder, ZH, keep_empty=lambda msgid: bool(re.fullmatch(r"[A-Z]*\d*[\d.,%]*|\{\{.*\}\}", msgid)))
    paths = build([folder], folder.parent / "out", None, ("docx", "pdf"))
    return {(p.parent.name, p.suffix[1:]): p for p in paths}


def grades_table(path: Path):
    return next(t for t in read_docx(str(path)).tables if t.rows[0].cells[1].text in ("Category", "类别"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_pipe_table_cells_alignment_and_total(outputs, lang):
    """The DOCX holds the pipe table cell for cell, translated in zh; alignments from the `:---:` row; the bold row
    prints as a total (bold)."""
    table = grades_table(outputs[(lang, "docx")])
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    assert texts == [HEADINGS[lang]] + ROWS[lang]
    aligned = [cell.paragraphs[0].alignment for cell in table.rows[1].cells]
    assert aligned == [WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT,
                       WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER]
    total = table.rows[-1].cells
    assert all(run.bold for cell in (total[0], total[2]) for run in cell.paragraphs[0].runs)
    assert not any(run.bold for run in table.rows[1].cells[2].paragraphs[0].runs)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_figures_right_aligned_without_alignment_row(outputs, lang):
    """A column of figures is right-aligned when the `|---|` row says nothing; a figure `{{ }}` fills a cell."""
    table = next(t for t in read_docx(str(outputs[(lang, "docx")])).tables if t.rows[1].cells[0].text == "2024")
    assert [[c.text for c in row.cells] for row in table.rows] == [[{"en": "Year", "zh": "年份"}[lang],
                                                                     {"en": "Staff", "zh": "工作人员"}[lang]],
                                                                    ["2024", "1,700"], ["2025", "1,735"]]
    assert [row.cells[1].paragraphs[0].alignment for row in table.rows] == [WD_ALIGN_PARAGRAPH.RIGHT] * 3
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def pdf_lines(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_pipe_table_rows_caption_and_note(outputs, lang):
    """The PDF prints the caption, the header and each row in order on its own line, then the note."""
    lines = pdf_lines(outputs[(lang, "pdf")])
    caption = {"en": "Staff by grade and sex", "zh": "按职等和性别分列的工作人员"}[lang]
    start = next(i for i, line in enumerate(lines) if caption in line)
    wanted = [" ".join(HEADINGS[lang])] + [" ".join(c for c in row if c) for row in ROWS[lang]]
    found = [line for line in lines[start + 1:start + 1 + len(wanted)]]
    assert found == wanted
    note = {"en": "Grades as at December 31, 2025.", "zh": "截至2025年12月31日的职等。"}[lang]
    assert note.replace(" ", "") == lines[start + len(wanted) + 1].replace(" ", "")  # zh: spaced around figures
    assert not any("|---" in line or line.startswith("| ") for line in lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_figures_share_a_right_edge_and_centred_column(outputs, lang):
    """Right-aligned figures end at one x; the `:---:` column's figures share one centre (pdfplumber)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(outputs[(lang, "pdf")]) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    right = [w["x1"] for w in words if w["text"] in ("120", "5", "200", "326")]
    centre = [(w["x0"] + w["x1"]) / 2 for w in words if w["text"] in ("48.0%", "35.7%", "100.0%")]
    assert len(right) == 4 and max(right) - min(right) < 0.5, right
    assert len(centre) == 3 and max(centre) - min(centre) < 0.5, centre


# Translation: each cell a segment, a row written again from its cells --------------------------------------------

ROW_SOURCE = "Intro.\n\n| Grade | Staff {{ x | number }} |\n|:--|--:|\n| D2 \\| x | P4 |\n| P4 | 10 |\n"


def test_cells_are_segments_with_their_column():
    """Each non-empty cell is one segment, with its column; a figure's `|` does not split a cell."""
    found = [(s.msgid, s.line, s.kind, s.column) for s in extract(ROW_SOURCE, "r.md")]
    assert found == [("Intro.", 1, "paragraph", None), ("Grade", 3, "cell", 0), ("Staff {{ x | number }}", 3, "cell", 1),
                     ("D2 | x", 5, "cell", 0), ("P4", 5, "cell", 1), ("P4", 6, "cell", 0), ("10", 6, "cell", 1)]


def test_translated_row_keeps_the_table_shape():
    """A translation holding `|` is escaped into its cell: the table keeps its rows and columns, and the structure
    check finds nothing to blame."""
    table = {"Grade": "职等", "D2 | x": "D2 | 某", "P4": "P4 | 第四", "Staff {{ x | number }}": "员工 {{ x | number }}"}
    translated = apply(ROW_SOURCE, "r.md", lambda s: table.get(s.msgid))
    assert translated.split("\n")[2:6] == ["| 职等 | 员工 {{ x | number }} |", "|:--|--:|", "| D2 \\| 某 | P4 \\| 第四 |",
                                           "| P4 \\| 第四 | 10 |"]
    segments = extract(ROW_SOURCE, "r.md")
    assert breaking(ROW_SOURCE, "r.md", {s.line: table[s.msgid] for s in segments if s.msgid in table}) == {}


def test_row_line_round_trip():
    """A row's cells as markdown-it reads them, written again, read the same."""
    line = "  | a \\| b | {{ x | number }} |  c |"
    prefix, cells = row_cells(line)
    assert (prefix, cells) == ("  ", ["a | b", "{{ x | number }}", "c"])
    assert row_cells(row_line(prefix, cells)) == (prefix, cells)


def test_parse_gives_plain_table_model():
    """The model: columns with headings and alignments, rows of printed strings, the bold row a total."""
    out = Collector()
    text = "| Grade | Staff |\n|---|:-:|\n| P4 | 1 |\n| **Total** | **1** |\n"
    (table,) = parse_markdown(text, Path(FILE), FILE, out, None)
    assert not out.problems
    assert [(c.heading, c.align) for c in table.columns] == [("Grade", "left"), ("Staff", "center")]
    assert [(r.cells, r.kind, r.source.line) for r in table.rows] == [(("P4", "1"), "body", 3),
                                                                      (("Total", "1"), "total", 4)]
    assert table.source.line == 1 and table.caption == ()


# What a pipe table cannot print is refused at its line ----------------------------------------------------------

def report(*lines: str) -> dict:
    return {FILE: REPORT + "\n" + "".join(f"{text}\n" for text in lines)}


def line(n: int) -> str:
    return f"{FILE}:{12 + n}"


HEAD = ("| a | b |", "|---|---|")
CASES = [
    Case("extra-cells", report(*HEAD, "| 1 | 2 | 3 |"), "the cells beyond would not be printed", line(3)),
    Case("italic-cell", report(*HEAD, "| *x* | 2 |"), "italics in a cell", line(3)),
    Case("partly-bold-cell", report(*HEAD, "| **x** y | 2 |"), "part of a cell in bold", line(3)),
    Case("link-cell", report(*HEAD, "| [w](https://wipo.int) | 2 |"), "a link in a cell", line(3)),
    Case("note-cell", report(*HEAD, "| x[^n] | 2 |", "", "[^n]: note"), "a footnote mark cannot stand in a cell",
         line(3)),
    Case("undefined-note-cell", report(*HEAD, "| x[^n] | 2 |"), "footnote `[^n]` is not defined", line(3)),
    Case("undefined-link-cell", report(*HEAD, "| 1 | [WIPO][w] |"), "link `[w]` is not defined", line(3)),
    Case("table-in-box", report("::: box", *HEAD, "| 1 | 2 |", ":::"), "a table cannot stand in a box", line(2)),
    Case("table-in-item", report("- item", "", "  | a | b |", "  |---|---|"), "a table cannot stand in a list item",
         line(3)),
    Case("unnamed-without-table", report("::: table", "caption", ":::"), "holds a `|` pipe table", line(1)),
    Case("named-with-pipe-table", {FILE: REPORT.replace("Applicants by region\n", "Applicants by region\n\n"
                                                                                   + "\n".join(HEAD) + "\n")},
         "a `|` pipe table cannot stand in it", f"{FILE}:12"),
    Case("two-captions", report("::: table", "one", "", "two", "", *HEAD, ":::"), "a table's caption is one paragraph",
         line(4)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused_in_a_pipe_table(refuse, case):
    refuse(case)


def test_draft_marks_untranslated_cells_in_plain_text(tmp_path):
    """A draft prints an untranslated cell with its stamp, plain (a bold cell stays wholly bold): the table
    builds, where a bold stamp would make a partly bold cell."""
    folder = write_folder(tmp_path / "doc", REPORT + GRADES)
    fill_catalog(folder, {}, keep_empty=lambda msgid: msgid in ("Professional", "**Total**"))
    (path,) = build([folder], tmp_path / "out", ["zh"], ("docx",), draft=True)
    table = grades_table(path)
    assert table.rows[1].cells[1].text.endswith("] Professional") and table.rows[1].cells[1].text.startswith("[")
    total = table.rows[-1].cells[0]
    assert total.text.endswith("] Total") and all(run.bold for run in total.paragraphs[0].runs)
