"""What `ccdocs i18n export` writes is what `ccdocs i18n import` reads (breaks-8 #13): a paper within the content
bound (21,000 one-line paragraphs) exported 21,045 units, which the import refused beyond its 20,000, telling the
translator to export with `ccdocs i18n export`, the command that made the file. The import's bounds are now derived
from a paper's (`xliff.MAX_UNITS`), and an export beyond them is refused before it is written."""

from __future__ import annotations

from pathlib import Path

from refusals import invoke

from ccdocs.i18n.catalogs import ContentCatalog
from ccdocs.i18n.xliff import _survey, to_xliff


def test_the_export_of_a_paper_of_21045_paragraphs_passes_the_import_s_survey():
    catalog = ContentCatalog(locale="zh")
    for n in range(21_045):
        catalog.add(f"P{n} x.", string=f"第{n}段。", locations=[("content/report.md", 2 * n + 1)],
                    auto_comments=[f"paragraph: report ¶{n}"])
    assert _survey(Path("zh.xlf"), to_xliff(catalog, "en", "zh")) == []


def test_an_export_the_import_would_refuse_is_refused_before_it_is_written(copy_fixture, tmp_path, monkeypatch):
    """The bounds lowered to what the budget fixture's catalog (45 entries) passes, as test_i18n_xliff lowers them."""
    from ccdocs.i18n import xliff

    monkeypatch.setattr(xliff, "MAX_UNITS", 40)
    folder = copy_fixture("budget")
    out = tmp_path / "zh.xlf"
    code, output, _ = invoke(["i18n", "export", str(folder), "--lang", "zh", "-o", str(out)])
    assert code == 1 and "Traceback" not in output, output
    assert ("content.po: error: the XLIFF of this catalog would hold 45 units, more than the 40 ccdocs imports back: "
            "it was not written (the paper's text is too long to translate through one XLIFF file: make a long annex "
            "or chapter a document of its own [a `type: document` part, translated in its own folder])") in output
    assert not out.exists()


def test_a_file_of_more_units_than_an_export_has_is_told_it_is_not_one_document_s_export(copy_fixture, tmp_path,
                                                                                        monkeypatch):
    from ccdocs.i18n import xliff

    folder = copy_fixture("budget")
    out = tmp_path / "zh.xlf"
    assert invoke(["i18n", "export", str(folder), "--lang", "zh", "-o", str(out)])[0] == 0
    monkeypatch.setattr(xliff, "MAX_UNITS", 40)
    code, output, _ = invoke(["i18n", "import", str(folder), "--lang", "zh", str(out)])
    assert code == 1, output
    assert ("error: this file has more than 40 units, more than `ccdocs i18n export` writes for one document: it is "
            "not one document's export (import the file exported from this document's catalog; a CAT tool's "
            "project of several documents saves each one's file apart)") in output, output
    assert "with `ccdocs i18n export`" not in output
