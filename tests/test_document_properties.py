"""The DOCX and the PDF name the same author: `dc:creator` in docProps/core.xml, `/Author` in the PDF's info."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree
from pypdf import PdfReader

from papers import build_both, paper

DC = "{http://purl.org/dc/elements/1.1/}"
REPORT = {"en": "# Introduction\n\nText.\n", "zh": "# 导言\n\n正文。\n"}
AUTHOR = {"en": "prepared by the Secretariat", "zh": "秘书处编拟"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_core_properties_carry_the_pdfs_author(tmp_path, lang):
    built = build_both(paper(tmp_path / "doc", lang, REPORT[lang]), tmp_path / "out")
    with zipfile.ZipFile(built["docx"]) as z:
        core = etree.fromstring(z.read("docProps/core.xml"))
    creator = core.find(f"{DC}creator")
    assert creator is not None, "docProps/core.xml has no dc:creator"
    assert creator.text == PdfReader(built["pdf"]).metadata.author == AUTHOR[lang]
