"""A quotation's attribution prints one dash in both formats whatever it holds (breaks-5 #7): the typed dash was
taken off a plain attribution only, so `— **Jane Doe**, Director` printed `— — Jane Doe, Director` in the PDF (and
`dump`), one dash in the DOCX (whose writer took it off again). The parser now takes it off the first text, inside
emphasis or a link too; every writer prints its own. Built once in English and as a Chinese original, both formats.
"""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest

from ccdocs.build import build
from conftest import MINIMAL, write_doc

QUOTES = {  # the attribution as typed -> as printed after the writer's dash
    "> — **Jane Doe**, Director": "Jane Doe, Director",
    "> -- [John Roe](https://example.org), Deputy": "John Roe, Deputy",
    "> ― *Ann Poe*": "Ann Poe",
    "> — Max Moe[^g], Head": "Max Moe1, Head",
    "> — Plain Person, Chief": "Plain Person, Chief",
}
LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """{lang: {fmt: path}}: the quotations in an English paper and in a Chinese original."""
    root = tmp_path_factory.mktemp("attribution")
    quotes = "\n\n".join(f"> Quoted words {n}.\n>\n{line}" for n, line in enumerate(QUOTES))
    report = f"# Heading\n\nFirst paragraph.\n\n{quotes}\n\nLast.\n\n[^g]: A note.\n"
    zh_yaml = MINIMAL.split("tables:\n")[0].replace("original: en\nlanguages: [en, zh]", "original: zh\nlanguages: [zh]")
    out = {}
    for lang in LANGS:
        files = {"content/report.md": report} | ({"document.yaml": zh_yaml} if lang == "zh" else {})
        made = build([write_doc(root / lang, files)], root / f"out-{lang}", None, ("pdf", "docx"))
        out[lang] = {path.suffix[1:]: path for path in made if path.parent.name == lang}
    return out


def dashes_before(text: str, name: str) -> str:
    """The dashes (and spaces) standing right before `name` in `text`, as one string without spaces."""
    found = re.search(r"([—―\-\s]*)" + re.escape(name), text)
    assert found, name
    return found.group(1).replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_prints_one_dash_before_each_attribution(papers, lang):
    text = subprocess.run(["pdftotext", "-layout", str(papers[lang]["pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    for shown in QUOTES.values():
        assert dashes_before(text, shown) == "—", (shown, text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_docx_prints_one_dash_before_each_attribution(papers, lang):
    with zipfile.ZipFile(papers[lang]["docx"]) as docx:
        xml = docx.read("word/document.xml").decode()
    paragraphs = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in xml.split("</w:p>")]
    for shown in QUOTES.values():
        name = shown.split(",")[0].rstrip("1")
        attribution = next(p for p in paragraphs if name in p and "Quoted" not in p)
        assert dashes_before(attribution, name) == "—", attribution
