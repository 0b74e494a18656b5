"""A figure that rounds to zero prints without a sign, in every filter and table kind (breaks-4 #19).

`{{ -40000 | chf_millions(1) }}` printed "CHF -0 million" (zh "-0瑞士法郎") and `{{ -0.0001 | number }}` "-0",
where `decimal`, `percent` and the tables' figures already printed 0 (`formats._unsigned_zero`, now used by every
filter that rounds). Checked on the filters for each official profile and on a built paper's two formats.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from decimal import Decimal

import pytest
from conftest import MINIMAL, write_doc

from ccdocs.l10n.formats import FIGURE_KINDS, Formats

LANGS = ("en", "zh", "ar", "fr", "es", "ru")
NEAR_ZERO = [  # (filter, arguments): each a negative figure that rounds to zero where it prints
    ("number", (Decimal("-0"),)), ("number", (-0.0,)), ("decimal", (Decimal("-0.0001"), 0)),
    ("decimal", (Decimal("-0.04"), 1)), ("percent", (Decimal("-0.00004"), 1)), ("percent_value", (-0.004, 2)),
    ("chf", (Decimal("-0.4"),)), ("chf_millions", (-40000, 1)), ("chf_millions", (-400000, 0)),
    ("chf_thousands", (-400,)),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name, args", NEAR_ZERO, ids=lambda v: v if isinstance(v, str) else "")
def test_filter_prints_zero_without_sign(lang, name, args):
    text = getattr(Formats(lang), name)(*args)
    assert "-" not in text and "\u2212" not in text, text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", FIGURE_KINDS)
def test_table_figure_prints_zero_without_sign(lang, kind):
    text = Formats(lang).figure(Decimal("-0.0001"), kind, 1, parentheses=True)
    assert "-" not in text and "(" not in text, text


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_nonzero_keeps_its_sign(lang):
    formats = Formats(lang)
    assert formats.chf_millions(-50000, 1).count("-") == 1
    assert formats.decimal(Decimal("-0.0005"), 3).startswith("-")


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """{lang: (DOCX document.xml, pdftotext)} of a one-language paper printing -40,000 and +40,000 francs."""
    from ccdocs.build import build

    work, made = tmp_path_factory.mktemp("zero"), {}
    for lang in ("en", "zh"):
        yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
            .replace("languages: [en, zh]", f"languages: [{lang}]").replace("workforce: data/workforce.yaml",
                                                                           "workforce: data/workforce.yaml\n  d: data/d.csv")
        report = ("# Title\n\nA {{ d.r1.a | chf_millions(1) }} B {{ d.r1.b | chf_millions(1) }} "
                  "C {{ d.r1.c | decimal(0) }}.\n")
        folder = write_doc(work / lang, {"document.yaml": yaml, "content/report.md": report,
                                         "data/d.csv": "id,a,b,c\nr1,-40000,40000,-0.0001\n"})
        paths = {p.suffix: p for p in build([folder], work / f"out-{lang}", None, ("pdf", "docx"))}
        with zipfile.ZipFile(paths[".docx"]) as z:
            xml = z.read("word/document.xml").decode()
        pdf = subprocess.run(["pdftotext", str(paths[".pdf"]), "-"], capture_output=True, text=True, check=True).stdout
        made[lang] = ("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)), pdf)
    return made


@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize("fmt", (0, 1), ids=("docx", "pdf"))
def test_built_paper_prints_no_negative_zero(papers, lang, fmt):
    text = papers[lang][fmt]
    sentence = re.search(r"A .*? C [^.。]*", text, re.S).group()
    assert "-0" not in sentence and "\u22120" not in sentence, sentence
    assert sentence.count("0") >= 3
