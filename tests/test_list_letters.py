"""Lettered list labels continue after (z) as Word's `lowerLetter` numbering does: (aa), (bb) … (zz), (aaa).

A `1.` list of more than 26 items used to start its letters again: item 27 was a second "(a)", so "subparagraph
(a)" named two items. Read in the model (`dump`), the DOCX text and the PDF text, in both languages.
"""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from click.testing import CliRunner

from ccdocs.cli import main
from ccdocs.l10n.language import find_language
from ccdocs.l10n.numerals import letters, numeral
from ccdocs.transforms.lists import item_label

from conftest import write_doc

ITEMS = 55
EXPECTED = {26: "z", 27: "aa", 28: "bb", 52: "zz", 53: "aaa", 55: "ccc"}
FORMS = {"en": "({})", "zh": "（{}）"}


def test_letters_follow_word_lower_letter_numbering():
    assert [letters(n) for n in EXPECTED] == list(EXPECTED.values())
    assert numeral(27, "alpha", find_language("en")) == "aa"


def test_no_label_repeats_in_a_long_list():
    labels = [item_label("alpha", n, find_language("en")) for n in range(1, 400)]
    assert len(set(labels)) == len(labels)


def test_roman_sub_items_go_on_past_3999():
    """A nested list of 4,000 items was an internal error (no Roman numeral for 4000): the thousands go on as M's."""
    en = find_language("en")
    assert [item_label("roman", n, en) for n in (3999, 4000, 4001)] == ["(mmmcmxcix)", "(mmmm)", "(mmmmi)"]


@pytest.fixture(scope="module")
def long_list(tmp_path_factory):
    """A paper whose report holds a `1.` list of 55 items, built in en and zh, DOCX and PDF; (folder, out)."""
    root = tmp_path_factory.mktemp("letters")
    items = "".join(f"{n}. item {n}\n" for n in range(1, ITEMS + 1))
    folder = write_doc(root / "doc", {"content/report.md": "# Introduction\n\nLead.\n\n" + items})
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return folder, out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dump_labels_continue_after_z(long_list, lang):
    folder, _ = long_list
    result = CliRunner().invoke(main, ["dump", str(folder), "--lang", lang])
    assert result.exit_code == 0, result.output
    for n, mark in EXPECTED.items():
        assert re.search(rf"^\s*{re.escape(FORMS[lang].format(mark))} item {n}$", result.output, re.M), (n, mark)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_labels_continue_after_z(long_list, lang):
    _, out = long_list
    with zipfile.ZipFile(next((out / lang).glob("*.docx"))) as docx:
        xml = docx.read("word/document.xml").decode()
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    for n, mark in EXPECTED.items():
        at = texts.index(f"item {n}")
        assert texts[at - 1] == FORMS[lang].format(mark), (n, texts[at - 1])
    assert texts.count(FORMS[lang].format("a")) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_labels_continue_after_z(long_list, lang):
    _, out = long_list
    text = subprocess.run(["pdftotext", "-layout", str(next((out / lang).glob("*.pdf"))), "-"],
                          capture_output=True, text=True, check=True).stdout
    for n, mark in EXPECTED.items():
        assert re.search(rf"{re.escape(FORMS[lang].format(mark))}\s+item {n}$", text, re.M), (n, mark)
    assert len(re.findall(rf"{re.escape(FORMS[lang].format('a'))}\s+item", text)) == 1
