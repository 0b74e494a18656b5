"""Table rows as printed in each format and language: DOCX cells (python-docx) and PDF text (pdftotext)."""

from __future__ import annotations

import importlib
import re
import subprocess

import pytest

SLUGS = {"86": "wo_cc_86_inf_1", "84": "wo_cc_84_inf_1", "budget": "wo_pbc_35_inf_1"}

# (document, language): rows expected in its table, each as (label, cells) — the seeds' figures.
ROWS = {
    ("86", "en"): [("Total", ("15,921", "823", "452", "223", "86", "38.6%")),
                   ("Central European and Baltic States (CEBS)", ("1,069", "58", "31", "13", "2", "15.4%"))],
    ("86", "zh"): [("共计", ("15,921", "823", "452", "223", "86", "38.6%")),
                   ("中欧及波罗的海国家集团（CEBS）", ("1,069", "58", "31", "13", "2", "15.4%"))],
    ("84", "en"): [("Total", ("13,930", "42.8%", "12.7%", "51.7%", "57.2%", "83", "37.2%")),
                   ("Africa", ("3,354", "42.9%", "7.6%", "33.6%", "54.1%", "11", "55.0%"))],
    ("84", "zh"): [("共计", ("13,930", "42.8%", "12.7%", "51.7%", "57.2%", "83", "37.2%")),
                   ("非洲", ("3,354", "42.9%", "7.6%", "33.6%", "54.1%", "11", "55.0%"))],
    ("budget", "en"): [("Temporary staff", ("1,193", "2,004", "2,360", "(811)", "-40%")),
                       ("Other staff costs", ("-", "-", "-", "-", "n/a")),
                       ("TOTAL", ("79,230", "80,430", "80,951", "(1,200)", "-1%"))],
    ("budget", "zh"): [("临时工作人员", ("1,193", "2,004", "2,360", "(811)", "-40%")),
                       ("其他工作人员费用", ("-", "-", "-", "-", "不适用")),
                       ("总计", ("79,230", "80,430", "80,951", "(1,200)", "-1%"))],
}
UNIT = {"en": "(in thousands of Swiss francs)", "zh": "（单位：千瑞郎）"}


def require_writer(fmt: str) -> None:
    """Skip until the writer of `fmt` exists (they are written in parallel with the tables)."""
    module = pytest.importorskip(f"ccdocs.writers.{fmt}")
    if not hasattr(module, "write"):
        pytest.skip(f"ccdocs.writers.{fmt} has no write() yet")


def output(built, key: str, lang: str, fmt: str):
    """The built file: `built` names it after the folder, the build after the symbol."""
    return built(key, lang, fmt).with_name(f"{SLUGS[key]}.{fmt}")


def docx_rows(path) -> dict:
    docx = importlib.import_module("docx")
    document = docx.Document(str(path))
    return {tuple(c.text for c in row.cells)[0]: tuple(c.text for c in row.cells)[1:]
            for table in document.tables for row in table.rows}


@pytest.mark.parametrize("key, lang", sorted(ROWS))
def test_docx_table_cells(built, key, lang):
    require_writer("docx")
    path = output(built, key, lang, "docx")
    rows = docx_rows(path)
    for label, cells in ROWS[(key, lang)]:
        assert rows.get(label) == cells, label


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_budget_unit_line(built, lang):
    require_writer("docx")
    docx = importlib.import_module("docx")
    texts = [p.text for p in docx.Document(str(output(built, "budget", lang, "docx"))).paragraphs]
    assert UNIT[lang] in texts


@pytest.mark.parametrize("key, lang", sorted(ROWS))
def test_pdf_table_rows(built, key, lang):
    require_writer("pdf")
    path = output(built, key, lang, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for label, cells in ROWS[(key, lang)]:
        start = label[:4] if lang == "zh" else label.split()[0]  # a long label wraps in its cell
        pattern = re.escape(start) + r"[^\n]*?" + r"\s+".join(re.escape(cell) for cell in cells)
        assert re.search(pattern, text), f"{label}: {' '.join(cells)}"
    if key == "budget":
        assert UNIT[lang] in text
