"""The review page: one self-contained HTML file, a row per segment, filters that work in a real browser."""

from __future__ import annotations

import re
import subprocess

import pytest

from ccdocs.i18n.catalogs import po_path, read_catalog
from ccdocs.i18n.extract import document_segments, template, write_catalog
from ccdocs.i18n.places import Places
from ccdocs.i18n.review import document_page, toolkit_page, word_diff
from ccdocs.i18n.update import update
from ccdocs.l10n.catalog import po_path as toolkit_po
from ccdocs.pipeline import read_sources, resolve
from conftest import DOCS, MINIMAL, run_ccdocs

REPORT = """\
# Introduction

Staff numbers grew markedly in 2025.

Learning reached every sector.

A paragraph nobody has translated yet.

::: table applicants
Applicants by region
:::
"""
ROW = re.compile(r'<tr id="s\d+" data-status="(\w+)"( hidden="")?>')


def chromium(url: str, profile, *flags: str) -> str:
    """Debian's headless Chromium on `url`; its standard output (the DOM with --dump-dom)."""
    result = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", *flags, url],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    """A scratch document's zh review page with one segment of each status; (path, segment count)."""
    folder = tmp_path_factory.mktemp("review") / "doc"
    files = {"document.yaml": MINIMAL, "content/report.md": REPORT,
             "content/annex.md": "# Annex title\n\nAnnex paragraph.\n",
             "data/workforce.yaml": "staff: 1735\n", "data/applicants.csv": "id,region,applied\nafrica,Africa,100\n"
                                                                          "total,,100\n"}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    sources = read_sources(folder)
    update(folder, "zh", template(sources, Places(resolve(sources, "en"))))
    catalog = read_catalog(po_path(folder, "zh"))
    done = {"Introduction": "导言", "Staff numbers grew markedly in 2025.": "2025年员工人数显著增长。",
            "Learning reached every sector.": "学习覆盖了每个部门(所有部门)。", "Annex title": "附件标题",
            "Applications": "申请", "Applicants by region": "按区域分列的申请人"}
    for message in catalog:
        message.string = done.get(message.id, message.string)
    write_catalog(catalog, po_path(folder, "zh"))
    report = folder / "content/report.md"
    report.write_text(report.read_text().replace("grew markedly", "grew sharply"), encoding="utf-8")
    sources = read_sources(folder)
    update(folder, "zh", template(sources, Places(resolve(sources, "en"))))
    page = folder / "review.html"
    page.write_text(document_page(read_sources(folder), "zh"), encoding="utf-8")
    return page, len(document_segments(read_sources(folder)))


def test_word_diff_marks_removed_and_added_words_and_escapes_them():
    assert word_diff("grew markedly <in> 2025.", "grew sharply <in> 2025.") == \
        "grew <del>markedly</del><ins>sharply</ins> &lt;in&gt; 2025."
    assert word_diff("a b", "a b c") == "a b<ins> c</ins>"


def test_the_page_has_one_row_per_segment_keyed_by_place_and_needs_no_network(review):
    page, count = review
    html = page.read_text(encoding="utf-8")
    assert [status for status, _ in ROW.findall(html)] == [
        "translated", "fuzzy", "failing", "untranslated", "translated", "translated", "untranslated", "translated"]
    assert count == 8
    assert "report ¶2" in html and "annex-1 ¶1" in html and "table text" in html
    assert not re.search(r'(src|href)="(https?:)?//', html) and "<link" not in html and "@import" not in html
    assert "grew <del>markedly</del><ins>sharply</ins> in 2025." in html
    assert "half-width <code>(</code> between Chinese characters" in html


def test_chromium_shows_every_row_without_a_filter(review, tmp_path):
    page, count = review
    rows = ROW.findall(chromium(page.as_uri(), tmp_path, "--dump-dom"))
    assert len(rows) == count and not any(hidden for _, hidden in rows)


@pytest.mark.parametrize("status", ["fuzzy", "failing", "untranslated"])
def test_chromium_with_a_status_filter_leaves_only_the_matching_rows_visible(review, tmp_path, status):
    page, count = review
    dom = chromium(f"{page.as_uri()}?status={status}", tmp_path, "--dump-dom")
    rows = ROW.findall(dom)
    visible = [s for s, hidden in rows if not hidden]
    assert len(rows) == count and visible and set(visible) == {status}
    assert f'data-filter="{status}" aria-pressed="true"' in dom


def test_a_review_of_each_sample_lists_all_its_segments(tmp_path):
    for key in ("86", "84"):
        out = tmp_path / f"{key}.html"
        result = run_ccdocs("i18n", "review", DOCS[key], "--lang", "zh", "-o", out)
        assert result.returncode == 0, result.stderr
        assert len(ROW.findall(out.read_text(encoding="utf-8"))) == len(document_segments(read_sources(DOCS[key])))


def test_the_toolkit_review_lists_every_message_of_ccdocs_po(tmp_path):
    messages = [m for m in read_catalog(toolkit_po("zh")) if m.id]
    assert len(ROW.findall(toolkit_page("zh"))) == len(messages)
    out = tmp_path / "toolkit.html"
    assert run_ccdocs("i18n", "review", "--toolkit", "--lang", "zh", "-o", out).returncode == 0
    assert "ccdocs toolkit strings: Chinese review" in out.read_text(encoding="utf-8")
    assert run_ccdocs("i18n", "review", DOCS["86"], "--toolkit", "--lang", "zh", "-o", out).returncode == 0
    assert run_ccdocs("i18n", "review", "--lang", "zh", "-o", out).returncode == 2


def test_chromium_a_click_on_a_filter_button_leaves_only_its_rows_visible(review, tmp_path):
    page, count = review
    clicked = tmp_path / "clicked.html"
    script = "<script>document.querySelector('[data-filter=\"untranslated\"]').click();</script></body>"
    clicked.write_text(page.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    dom = chromium(clicked.as_uri(), tmp_path / "profile", "--dump-dom")
    visible = [status for status, hidden in ROW.findall(dom) if not hidden]
    assert visible == ["untranslated", "untranslated"]
    assert 'data-filter="untranslated" aria-pressed="true"' in dom and 'data-filter="all" aria-pressed="false"' in dom
