"""The translators' commands never replace a file the build reads: `i18n extract` writes locales/content.pot,
`i18n update` and `i18n import` write locales/LANG/LC_MESSAGES/content.po, `i18n export` where -o says, and a
content file may have any name and stand anywhere in the folder. One standing where a command writes is refused
before anything is written, exit 2, naming it (as a build's outputs never replace its inputs: test_output_inputs.py).
breaks-5 #10: `i18n extract` replaced a report kept at locales/content.pot by the template, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from refusals import Case

ANNEX = "# Annex title\n\nAnnex paragraph.\n"
POT = "locales/content.pot"
PO = "locales/zh/LC_MESSAGES/content.po"


def annex_at(place: str) -> dict:
    """The minimal document's annex kept at `place` instead of content/annex.md."""
    return {"document.yaml": MINIMAL.replace("files: [content/annex.md]", f"files: [{place}]"),
            "content/annex.md": None, place: ANNEX}


def an_xliff(folder: Path, out: Path) -> None:
    """An XLIFF file to import (never read: the refusal comes first)."""
    (folder / "zh.xlf").write_text('<?xml version="1.0"?><xliff version="1.2"/>\n', encoding="utf-8")


CASES = [
    Case("extract-over-a-content-file", annex_at(POT), f"it is {{doc}}/{POT}, a content file the build reads", None,
         code=2, command=("i18n", "extract", "{doc}")),
    Case("update-over-a-content-file", annex_at(PO), f"it is {{doc}}/{PO}, a content file the build reads", None,
         code=2, command=("i18n", "update", "{doc}", "--lang", "zh")),
    Case("import-over-a-content-file", annex_at(PO), f"it is {{doc}}/{PO}, a content file the build reads", None,
         code=2, setup=an_xliff, command=("i18n", "import", "{doc}", "{doc}/zh.xlf", "--lang", "zh")),
    Case("export-over-a-content-file", annex_at("content/annex.xlf"),
         "it is {doc}/content/annex.xlf, a content file the export reads", None, code=2,
         command=("i18n", "export", "{doc}", "--lang", "zh", "-o", "{doc}/content/annex.xlf")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_catalog_written_over_a_content_file_is_refused(refuse, make_doc, case):
    folder = make_doc()
    said = refuse(Case(**{**case.__dict__, "fragment": case.fragment.format(doc=folder)}))
    assert "cannot write" in said and "nothing was written" in said, said
    kept = next(name for name, text in case.files.items() if text == ANNEX)
    assert (folder / kept).read_text(encoding="utf-8") == ANNEX
