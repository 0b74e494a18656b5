"""An -o name whose suffix names another format than the command writes is refused, exit 2, nothing written
(`i18n review --toolkit -o x.pdf` wrote an HTML page named x.pdf, exit 0; so did `i18n review DOC -o x.pdf`, and
`i18n export -o x.pdf` an XLIFF file). A name without a suffix, or `-`, is taken as before."""

from __future__ import annotations

import pytest

from conftest import run_ccdocs
from refusals import Case

REVIEW = ("i18n", "review", "{doc}", "--lang", "zh")
TOOLKIT = ("i18n", "review", "--toolkit", "--lang", "zh")


def _updated(folder, out) -> None:
    assert run_ccdocs("i18n", "update", folder, "--lang", "zh").returncode == 0


@pytest.mark.parametrize("case", [
    Case("toolkit-pdf", {}, "cannot write {out}/strings.pdf: the toolkit's strings are reviewed as an HTML page, and "
         "the name ends in .pdf (name it *.html, or give - for standard output); nothing was written", None, code=2,
         command=(*TOOLKIT, "-o", "{out}/strings.pdf")),
    Case("review-pdf", {}, "the review is an HTML page or a Word document, and the name ends in .pdf (name it *.html "
         "or *.docx, or give - for standard output)", None, code=2, command=(*REVIEW, "-o", "{out}/review.pdf"),
         setup=_updated),
    Case("review-docx-txt", {}, "the review is a Word document (--format docx), and the name ends in .txt (name it "
         "*.docx); nothing was written", None, code=2,
         command=(*REVIEW, "--format", "docx", "-o", "{out}/review.txt"), setup=_updated),
    Case("review-html-odt", {}, "the review is an HTML page (--format html), and the name ends in .odt (name it "
         "*.html, or give - for standard output)", None, code=2,
         command=(*REVIEW, "--format", "html", "-o", "{out}/review.odt"), setup=_updated),
    Case("export-pdf", {}, "the export is an XLIFF file, and the name ends in .pdf (name it *.xlf, or give - for "
         "standard output); nothing was written", None, code=2,
         command=("i18n", "export", "{doc}", "--lang", "zh", "-o", "{out}/doc.pdf"), setup=_updated),
], ids=lambda case: case.id)
def test_a_name_for_another_format_is_refused(refuse, tmp_path, case):
    fragment = case.fragment.replace("{out}", str(tmp_path / "out"))
    refuse(Case(case.id, {}, fragment, None, code=2, command=case.command, setup=case.setup, check=False))


@pytest.mark.parametrize("name, head", [("strings", b"<!DOCTYPE html>"), ("strings.HTM", b"<!DOCTYPE html>")])
def test_a_name_without_a_suffix_or_an_html_one_is_written(tmp_path, name, head):
    done = run_ccdocs(*TOOLKIT, "-o", tmp_path / name)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_bytes().lstrip()[:15].lower() == head.lower()


@pytest.mark.parametrize("name", ["doc.xlf", "doc.sdlxliff", "doc.xliff"])
def test_an_export_named_as_cat_tools_name_xliff_is_written(make_doc, tmp_path, name):
    folder = make_doc()
    _updated(folder, None)
    done = run_ccdocs("i18n", "export", folder, "--lang", "zh", "-o", tmp_path / name)
    assert done.returncode == 0, done.stderr
    assert b"urn:oasis:names:tc:xliff:document:1.2" in (tmp_path / name).read_bytes()
