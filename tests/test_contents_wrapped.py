"""A contents row whose text wraps: the DOCX breaks it where the PDF does, so that Word and LibreOffice set the
last line, its dot leader and its paragraph range as the PDF sets them, not the range glued to a text that reaches
its column (`…of Expenditureparagraphs 1 to 3`). Read from LibreOffice's rendering of the DOCX and the PDF, with
`pdftotext -layout`."""

from __future__ import annotations

import re
import subprocess

import pytest

from libreoffice import render
from papers import built_papers

REPORT = {"en": "::: contents paragraphs\n:::\n\n# Background\n\nFirst paragraph.\n",
          "zh": "::: contents paragraphs\n:::\n\n# 背景\n\n第一段。\n"}
ANNEX = {"en": "# Brands and Designs Sector: Resources by Object of Expenditure\n\nOne.\n\nTwo.\n\nThree.\n",
         "zh": "# 品牌与外观设计部门：按支出用途分列的资源及其与前两个两年期的比较\n\n一。\n\n二。\n\n三。\n"}
RANGE = {"en": "paragraphs1to3", "zh": "第1至3段"}  # spaces left out
LEADER = re.compile(r"(?:\s*[.…]){3,}\s*")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """{lang: (ccdocs's PDF text, LibreOffice's PDF text of the DOCX)}, `pdftotext -layout`; one LibreOffice call."""
    built = built_papers(tmp_path_factory, "wrapped", REPORT, ANNEX)
    office = render({lang: paths["docx"] for lang, paths in built.items()}, tmp_path_factory.mktemp("office"))
    text = lambda path: subprocess.run(["pdftotext", "-layout", "-l", "2", str(path), "-"], capture_output=True,
                                       text=True, check=True).stdout
    return {lang: (text(built[lang]["pdf"]), text(office[lang])) for lang in REPORT}


def annex_row(text: str, lang: str) -> tuple[str, str]:
    """(the row's line holding the range, what stands before its dot leader), spaces left out."""
    line = next(line for line in text.splitlines() if RANGE[lang] in line.replace(" ", ""))
    before = LEADER.split(line.strip())[0]
    return line, before.replace(" ", "")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wrapped_contents_row_sets_its_last_line_as_the_pdf_does(outputs, lang):
    pdf, office = outputs[lang]
    (pdf_line, pdf_before), (office_line, office_before) = annex_row(pdf, lang), annex_row(office, lang)
    assert pdf_before and RANGE[lang] not in pdf_before, pdf_line   # the PDF wraps the text (the row's premise)
    assert office_before == pdf_before, (office_line, pdf_line)     # the same last line, then the leader
    assert LEADER.search(office_line), office_line
