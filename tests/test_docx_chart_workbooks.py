"""A DOCX chart's embedded workbook (what Word's "Edit Data" opens) is kept in the per-user cache: a build whose charts
are unchanged reads the bytes xlsxwriter made before, the same bytes, without importing xlsxwriter; any change of
what the workbook holds makes another."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ccdocs.model import Chart, ChartSeries
from ccdocs.writers.docx import charts

CHART = Chart("regions", "column", (), ("Africa", "Asia"), (ChartSeries("Applications", (12.0, None), ("12", "")),),
              number="decimal", places=1)
DAY = date(2024, 5, 1)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path))
    return tmp_path


def _cells(book: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return z.read("xl/sharedStrings.xml").decode() + z.read("xl/worksheets/sheet1.xml").decode()


def test_a_workbook_is_made_once_then_read_from_the_cache(cache, monkeypatch):
    made = charts.workbook(CHART, '"CHF "#,##0', DAY)
    assert len(list(cache.glob("workbook-*"))) == 1
    assert all(text in _cells(made) for text in ("Africa", "Asia", "Applications", "<v>12</v>"))

    def unused(*args):
        raise AssertionError("made again: the cache entry was not read")

    monkeypatch.setattr(charts, "_workbook", unused)
    assert charts.workbook(CHART, '"CHF "#,##0', DAY) == made


@pytest.mark.parametrize("changed", [
    {"categories": ("Africa", "Europe")},
    {"series": (ChartSeries("Applications", (12.0, 3.0), ("12", "3")),)},
    {"series": (ChartSeries("Appointments", (12.0, None), ("12", "")),)},
    {"places": 2},
], ids=["category", "value", "label", "number format"])
def test_what_the_workbook_holds_names_its_entry(cache, changed):
    first = charts.workbook(CHART, '"CHF "#,##0', DAY)
    other = charts.workbook(replace(CHART, **changed), '"CHF "#,##0', DAY)
    assert other != first and len(list(cache.glob("workbook-*"))) == 2


def test_the_day_names_its_entry(cache):
    with zipfile.ZipFile(io.BytesIO(charts.workbook(CHART, "#,##0", date(2023, 1, 2)))) as z:
        assert "2023-01-02" in z.read("docProps/core.xml").decode()
    with zipfile.ZipFile(io.BytesIO(charts.workbook(CHART, "#,##0", DAY))) as z:
        assert "2024-05-01" in z.read("docProps/core.xml").decode()


def test_a_cached_workbook_needs_no_xlsxwriter(cache, monkeypatch):
    """A fresh process given a workbook the cache holds does not import xlsxwriter (its import costs as much as
    python-docx's); the DOCX writer's import does not either. (The code's digest is fixed here, in both processes:
    the tree may change while the tests run.)"""
    monkeypatch.setattr(charts, "code", lambda: "code")
    charts.workbook(CHART, "#,##0", DAY)
    script = ("import sys; from ccdocs.writers.docx import charts; charts.code = lambda: 'code'; "
              "from test_docx_chart_workbooks import CHART, DAY; "
              "charts.workbook(CHART, '#,##0', DAY); print('xlsxwriter' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).parent)
    assert found.stdout.strip() == "False", found.stderr
