"""Cross-references: an anchor `{#id}` on the line before a block, `[](#id)` printing its label in the language
built, the same in the model, the DOCX (bookmarks and REF fields whose cached text is the label) and the PDF
(/GoTo links to the target's page); numbers follow the text; every mistake is refused at its line."""

from __future__ import annotations

import re
import zipfile
from copy import deepcopy
from pathlib import Path

import pdfplumber
import pytest
from babel.messages.pofile import read_po, write_po
from lxml import etree
from pypdf import PdfReader

from ccdocs.build import build
from ccdocs.i18n.checkers import MISSING_HINT, Entry, check
from ccdocs.model import Para
from ccdocs.parse.inlines import plain
from ccdocs.pipeline import read_sources, resolve
from ccdocs.testing.pdf_snapshot import internal_links
from conftest import MINIMAL, translated_as_written
from refusals import Case, run, write_files

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = """\
{#intro}
# Introduction

{#first}
We count {{ workforce.staff | number }} staff.[^staff]

See [](#first), [](#first)–[](#third), [](#intro), [](#tab), [](#note), [](#annex), [](#annex-para) and [the count](#first).

{#third}
Third paragraph.

{#note}
[^staff]: As at December 31, 2025.

{#tab}
::: table applicants
Applicants by region
:::
"""
ANNEX = "{#annex}\n# Annex title\n\n{#annex-para}\nAnnex paragraph.\n"
INSERTED = REPORT.replace("{#first}\n", "An inserted paragraph.\n\n{#first}\n")
LABELS = {  # the labels of the references of the paragraph `See …`, in order, as each language prints them
    "en": ["paragraph 1", "paragraphs 1 to 3", "Chapter 1", "Table 1", "footnote 1", "Annex",
           "paragraph 1 of the Annex", "the count"],
    "zh": ["第1段", "第1至3段", "第1章", "表1", "脚注1", "附件", "附件第1段", "the count"],
}
SHIFTED = {
    "en": ["paragraph 2", "paragraphs 2 to 4", "Chapter 1", "Table 1", "footnote 1", "Annex",
           "paragraph 1 of the Annex", "the count"],
    "zh": ["第2段", "第2至4段", "第1章", "表1", "脚注1", "附件", "附件第1段", "the count"],
}


def write_doc(folder: Path, report: str = REPORT, annex: str = ANNEX) -> Path:
    """The minimal document with `report` and `annex` as its content, its zh catalog translating each segment as
    written (its Chinese paper prints the English text, its labels Chinese)."""
    write_files(folder, {"document.yaml": MINIMAL, "content/report.md": report, "content/annex.md": annex,
                         "data/workforce.yaml": "staff: 1735\n",
                         "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n"})
    translated_as_written(folder)
    return folder


def sentence(folder: Path, lang: str) -> str:
    """The model's text of the paragraph `See …` of the document in `folder`."""
    doc = resolve(read_sources(folder), lang)
    para = next(b for part in doc.parts for b in part.blocks if isinstance(b, Para) and "See" in plain(b.children))
    return plain(para.children).replace("\u00a0", " ")  # a label's spaces are no-break spaces


def expected(lang: str, labels: dict = LABELS) -> str:
    first, *rest, own = labels[lang]
    return "See " + ", ".join([first] + rest) + " and " + own + "."


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_kind_of_target_prints_its_label_in_the_language_built(tmp_path, lang):
    assert sentence(write_doc(tmp_path / "doc"), lang) == expected(lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_paragraph_inserted_before_the_target_changes_every_reference_to_it(tmp_path, lang):
    assert sentence(write_doc(tmp_path / "doc", INSERTED), lang) == expected(lang, SHIFTED)


def test_a_reference_opening_a_sentence_is_capitalised(tmp_path):
    report = REPORT.replace("See [](#first), ", "[](#first) counts. See ")
    assert sentence(write_doc(tmp_path / "doc", report), "en").startswith("Paragraph 1 counts. See paragraphs 1 to 3")


def test_roman_chapters_are_named_as_their_headings_number_them(tmp_path):
    folder = write_doc(tmp_path / "doc")
    spec = folder / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "chapter_style: roman\n", encoding="utf-8")
    assert "Chapter I," in sentence(folder, "en") and "第一章" in sentence(folder, "zh")


def test_a_paragraph_of_one_of_several_annexes_is_named_with_its_annex(tmp_path):
    folder = write_doc(tmp_path / "doc", annex="# First annex\n\nIts paragraph.\n")
    write_files(folder, {"content/annex2.md": ANNEX, "document.yaml": MINIMAL.replace(
        "  - {type: annex, files: [content/annex.md]}\n",
        "  - {type: annex, files: [content/annex.md]}\n  - {type: annex, files: [content/annex2.md]}\n")})
    translated_as_written(folder)
    assert "Annex II, paragraph 1 of Annex II and" in sentence(folder, "en")
    assert "附件二, 附件二第1段 and" in sentence(folder, "zh")  # Chinese labels, English text


def test_tables_are_numbered_again_in_each_annex_and_named_with_it_from_outside(tmp_path):
    folder = write_doc(tmp_path / "doc", REPORT.replace("[](#annex-para) and", "[](#annex-tab) and"),
                       ANNEX + "\n{#annex-tab}\n::: table annexed\nAnnex table\n:::\n")
    write_files(folder, {"document.yaml": MINIMAL + "  annexed:\n    data: applicants\n    label: region\n"
                                                    "    columns: [{key: applied, heading: Applications}]\n"})
    assert "footnote 1, Annex, Table 1 of the Annex and" in sentence(folder, "en")
    assert "脚注1, 附件, 附件表1 and" in sentence(folder, "zh")
    doc = resolve(read_sources(folder), "en")
    assert [b.prefix for part in doc.parts for b in part.blocks if b.__class__.__name__ == "Table"] == \
        ["Table 1: ", "Table 1: "]


# -- the built files ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """(lang, variant) -> {fmt: path} of the document and of the one with a paragraph inserted, both formats."""
    base = tmp_path_factory.mktemp("references")
    found = {}
    for variant, report in (("plain", REPORT), ("inserted", INSERTED)):
        folder = write_doc(base / variant, report)
        for path in build([folder], base / f"out-{variant}", None, ("docx", "pdf")):
            found.setdefault((path.parent.name, variant), {})[path.suffix[1:]] = path
    return found


def fields(docx: Path) -> list[tuple[str, str]]:
    """(instruction, cached result) of every REF and NOTEREF field of the document's body, in order."""
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    found, instruction, result = [], None, None
    for run in body.iter(f"{W}r"):
        char = run.find(f"{W}fldChar")
        kind = char.get(f"{W}fldCharType") if char is not None else None
        if kind == "begin":
            instruction, result = "", None
        elif kind == "separate":
            result = ""
        elif kind == "end":
            if instruction.split()[0] in ("REF", "NOTEREF"):
                found.append((instruction.strip(), result))
            instruction = result = None
        elif instruction is not None:
            text = "".join(t.text or "" for t in run.iter(f"{W}instrText", f"{W}t"))
            if result is None:
                instruction += text
            else:
                result += text
    return found


def bookmarks(docx: Path) -> dict[str, str]:
    """Bookmark name -> the text it holds (its start to its end, in the body)."""
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    open_, held = {}, {}
    for node in body.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}t"):
        if node.tag == f"{W}bookmarkStart":
            open_[node.get(f"{W}id")] = node.get(f"{W}name")
            held[node.get(f"{W}name")] = ""
        elif node.tag == f"{W}bookmarkEnd":
            open_.pop(node.get(f"{W}id"), None)
        else:
            for name in open_.values():
                held[name] += node.text or ""
    return held


def docx_sentence(docx: Path) -> str:
    """The paragraph `See …` of the DOCX as Word first shows it (fields by their cached results)."""
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    for p in body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text.startswith("See"):
            return text.replace("\u00a0", " ")  # a label's spaces are no-break spaces
    raise AssertionError("no paragraph `See …` in the DOCX")


def pdf_text(pdf: Path) -> str:
    return " ".join(PdfReader(pdf).pages[i].extract_text() for i in range(len(PdfReader(pdf).pages)))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("variant", ["plain", "inserted"])
def test_the_docx_holds_bookmarks_and_ref_fields_whose_cached_text_is_the_label(outputs, lang, variant):
    docx = outputs[(lang, variant)]["docx"]
    assert docx_sentence(docx) == expected(lang, LABELS if variant == "plain" else SHIFTED)
    if lang == "en":  # a label's words and numbers are held together, as the PDF keeps a label on one line
        assert "paragraphs\u00a0" in zipfile.ZipFile(docx).read("word/document.xml").decode()
    marks = bookmarks(docx)
    assert all(len(name) <= 40 and re.fullmatch(r"_Ref_\w+", name) for name in marks if name.startswith("_Ref"))
    first, third = ("1", "3") if variant == "plain" else ("2", "4")
    assert fields(docx) == [("REF _Ref_first \\n \\h", first), ("REF _Ref_first \\n \\h", first),
                            ("REF _Ref_third \\n \\h", third), ("REF _Ref_intro \\h", "1"), ("REF _Ref_tab \\h", "1"),
                            ("NOTEREF _Ref_note \\h", "1"), ("REF _Ref_annex_para \\n \\h", "1")]
    # a chapter's and a table's field show the text their bookmark holds: the number of the heading's prefix
    assert marks["_Ref_intro"] == "1" and marks["_Ref_tab"] == "1"
    assert marks["_Ref_first"].startswith("We count") and "_Ref_note" in marks and "_Ref_annex" in marks


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_prints_the_same_labels_as_goto_links_to_the_targets_pages(outputs, lang):
    pdf = outputs[(lang, "plain")]["pdf"]
    text = "".join(pdf_text(pdf).split())
    assert "".join(expected(lang).split()) in text
    assert "".join(docx_sentence(outputs[(lang, "plain")]["docx"]).split()) in text
    for page in PdfReader(pdf).pages:  # every link inside the file is a /GoTo action (never a bare /Dest)
        for annot in (a.get_object() for a in page.get("/Annots") or []):
            assert "/Dest" not in annot and annot["/A"]["/S"] in ("/GoTo", "/URI")
    with pdfplumber.open(pdf) as doc:
        pages = {page.page_obj.pageid: number for number, page in enumerate(doc.pages, 1)}
        source = next(page for page in doc.pages if "See" in (page.extract_text() or ""))
        annex = next(n for n, page in enumerate(doc.pages, 1) if "Annex paragraph" in (page.extract_text() or ""))
        links = [link.rsplit(" → page ", 1) for link in internal_links(source, pages)]
    # the words under the links, in order, are the labels (a label broken over two lines is two links)
    assert "".join("".join(words.split()) for words, _ in links) == "".join("".join(LABELS[lang]).split())
    # each label's links go to its target's page: the annex's two to the annex, the others to the report's page
    labels, pending = iter(LABELS[lang]), ""
    label = next(labels)
    for words, page in links:
        pending += "".join(words.split())
        target = annex if label in LABELS[lang][5:7] else source.page_number
        assert int(page) == target, (label, words, page)
        if pending == "".join(label.split()):
            label, pending = next(labels, None), ""


def test_libreoffice_computes_the_fields_as_the_pdf_prints_them_and_again_after_a_paragraph_is_inserted(
        outputs, tmp_path):
    """LibreOffice computes REF fields itself (it ignores their cached results): its rendering of the DOCX shows
    the labels Word will show after updating the fields; a numbered paragraph inserted in the DOCX (as an editor
    would in Word) shifts every number of a paragraph after it."""
    from libreoffice import to_pdf

    docx = outputs[("en", "plain")]["docx"]
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(edited, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                body = etree.fromstring(data)
                first = next(p for p in body.iter(f"{W}p")
                             if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("We count"))
                copy = deepcopy(first)
                for child in [c for c in copy if c.tag != f"{W}pPr"]:
                    copy.remove(child)
                run = etree.SubElement(copy, f"{W}r")
                etree.SubElement(run, f"{W}t").text = "An inserted paragraph."
                first.addprevious(copy)
                data = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, data)
    folder = to_pdf([docx, edited], tmp_path)
    rendered = {path.stem: "".join(pdf_text(path).split()) for path in folder.glob("*.pdf")}
    assert "".join(expected("en").split()) in rendered[docx.stem]
    assert "".join(expected("en", SHIFTED).split()) in rendered["edited"]


# -- refusals ----------------------------------------------------------------------------------------------------

def refused(name: str, fragment: str, where: str, report: str = REPORT, annex: str = ANNEX) -> Case:
    """A refusal of the document with `report` and `annex` (and the data they need)."""
    return Case(name, {"content/report.md": report, "content/annex.md": annex, "data/workforce.yaml": "staff: 1735\n"},
                fragment, where)


REFUSED = [
    refused("dangling", "there is no anchor `{#intro-x}` for the reference `[](#intro-x)`", "content/report.md:7",
            REPORT.replace("[](#intro)", "[](#intro-x)")),
    refused("duplicate-id", "the id `first` is given twice: here and at ", "content/report.md:9",
            REPORT.replace("{#third}", "{#first}")),
    refused("duplicate-across-files", "the id `tab` is given twice", "content/annex.md:4",
            annex=ANNEX.replace("{#annex-para}", "{#tab}")),
    refused("no-number", "the anchor `{#third}` names an unnumbered paragraph at ", "content/report.md:7",
            REPORT.replace("{#third}", "{#third .unnumbered}").replace("[](#intro)", "[](#third)")),
    refused("sub-heading", "names a heading without a number", "content/report.md:7",
            REPORT.replace("{#third}\n", "{#sub}\n## Sub-heading\n\n{#third}\n").replace("[](#intro)", "[](#sub)")),
    refused("backwards-range", "is not a range of paragraphs", "content/report.md:7",
            REPORT.replace("[](#first)–[](#third)", "[](#third)–[](#first)")),
    refused("not-an-id", "`#1st` is not an id", "content/report.md:7",
            REPORT.replace("[the count](#first)", "[the count](#1st)")),
    refused("bad-anchor", "`#a b` is not an id", "content/report.md:9", REPORT.replace("{#third}", '{id="a b"}')),
    refused("uncaptioned-table", "names a table without a caption", "content/report.md:16",
            REPORT.replace("Applicants by region\n", "")),
    refused("comment-still-refused", "not `{% … %}` statements or `{# … #}` comments", "content/report.md:10",
            REPORT.replace("Third paragraph.", "Third {# note #} one.")),
    refused("anchor-after-a-heading", "the anchor `{#intro}` would print here", "content/report.md:1",
            REPORT.replace("{#intro}\n# Introduction", "# Introduction {#intro}")),
    refused("anchor-in-a-box", "the attribute `{#inner}` means nothing here", "content/report.md:",
            REPORT + "\n::: box\n{#inner}\nBoxed.\n:::\n"),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_refused_at_its_line(refuse, case):
    refuse(case)


def test_an_anchor_line_is_no_comment_and_prints_nothing(tmp_path):
    doc = resolve(read_sources(write_doc(tmp_path / "doc")), "en")
    texts = [plain(b.children) for part in doc.parts for b in part.blocks if isinstance(b, Para)]
    assert not any("{#" in text for text in texts)


# -- translations ------------------------------------------------------------------------------------------------

def test_the_checker_names_a_reference_dropped_or_typed_as_words():
    source = "See [](#first) and [](#a)–[](#b)."
    assert check(Entry("report ¶2", source, "见[](#first)和[](#a)–[](#b)。", "zh")) == []
    dropped = check(Entry("report ¶2", source, "见第1段和[](#a)–[](#b)。", "zh"))
    assert dropped == [f"report ¶2: reference `[](#first)` is missing from the translation ({MISSING_HINT})"]
    split = check(Entry("report ¶2", source, "见[](#first)和[](#a)至[](#b)。", "zh"))
    assert f"report ¶2: reference `[](#a)–[](#b)` is missing from the translation ({MISSING_HINT})" in split


def test_a_translation_dropping_a_reference_fails_check_at_its_msgstr(tmp_path):
    folder = write_doc(tmp_path / "doc")
    code, output, _ = run(["i18n", "update", str(folder), "--lang", "zh"])
    assert code == 0, output
    po_file = folder / "locales/zh/LC_MESSAGES/content.po"
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            message.string = message.id.replace("[](#intro)", "第1章") if message.id.startswith("See") else message.id
    with po_file.open("wb") as handle:
        write_po(handle, catalog, width=0)
    line = next(n for n, text in enumerate(po_file.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith('msgstr "See'))
    code, output, _ = run(["check", str(folder)])
    assert code == 1
    assert f"content.po:{line}:" in output and "reference `[](#intro)` is missing from the translation" in output
