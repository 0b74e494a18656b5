"""`-o/--output` of i18n export, i18n review and snapshot never replaces a file the command reads (links in its
folders resolved, as build's --out: test_output_paths.py): refused before anything is written, exit 2, naming the
output and the input. `-o -` is standard output where the output is text (XLIFF, the HTML review, a snapshot), as
Unix tools take it, and refused where it is not (the DOCX review); no file named `-` is ever written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ccdocs_here, run_ccdocs
from refusals import Case

CATALOG = "locales/zh/LC_MESSAGES/content.po"


def catalog_made(folder: Path, out: Path) -> None:
    """The document's zh catalog, as `ccdocs i18n update` makes it."""
    assert ccdocs_here("i18n", "update", folder, "--lang", "zh").returncode == 0


def paper(folder: Path, out: Path) -> None:
    """A .docx file in the document folder (the snapshot's input; its bytes are never read: refused first)."""
    (folder / "paper.docx").write_bytes(b"PK\x03\x04 not read")


def paper_behind_a_link(folder: Path, out: Path) -> None:
    """The paper, and a folder `out/here` that is a link to the document folder."""
    paper(folder, out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "here").symlink_to(folder)


CASES = [
    Case("export-over-its-catalog", {}, "the zh content catalog the export reads", None, code=2, setup=catalog_made,
         command=("i18n", "export", "{doc}", "--lang", "zh", "-o", "{doc}/" + CATALOG)),
    Case("review-over-its-document-yaml", {}, "its document.yaml the review reads", None, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "-o", "{doc}/document.yaml")),
    Case("review-over-a-content-file-as-docx", {}, "a content file the review reads", None, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "--format", "docx", "-o", "{doc}/content/annex.md")),
    Case("snapshot-over-its-file", {}, "the file the snapshot reads", None, code=2, setup=paper,
         command=("snapshot", "{doc}/paper.docx", "-o", "{doc}/paper.docx")),
    Case("snapshot-over-its-file-through-a-linked-folder", {}, "the file the snapshot reads", None, code=2,
         setup=paper_behind_a_link, command=("snapshot", "{doc}/paper.docx", "-o", "{out}/here/paper.docx")),
    Case("docx-review-to-standard-output", {}, "not text and cannot go to standard output", None, code=2,
         command=("i18n", "review", "{doc}", "--lang", "zh", "--format", "docx", "-o", "-")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_output_over_the_commands_own_input_is_refused(refuse, case):
    said = refuse(case)
    assert "cannot write" in said and "give another -o/--output" in said or "standard output" in said, said


@pytest.mark.parametrize("command", [("i18n", "export", "doc", "--lang", "zh"),
                                     ("i18n", "review", "doc", "--lang", "zh")], ids=["export", "review"])
def test_dash_is_standard_output_for_a_text_output(make_doc, tmp_path, command):
    assert make_doc() == tmp_path / "doc"
    catalog_made(tmp_path / "doc", tmp_path / "out")
    done = run_ccdocs(*command, "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(("<?xml", "<!DOCTYPE html>"))
    assert done.stdout.rstrip().endswith(("</xliff>", "</html>"))
    assert not (tmp_path / "-").exists()
