"""Contents tables and cross-references at their edges: a transmittal's attached document, references in pipe
tables and across parts, ids, labels translators might double, malformed references (issue 16, breaker's list).

Read from the outputs: the PDF's text per page (poppler), the DOCX's XML (fields, bookmarks), the resolved model.
"""

from __future__ import annotations

import shutil
import zipfile

import pytest
from lxml import etree

from conftest import DOCS
from pdfpages import read_pages
from refusals import Case
from test_contents import contents_page, contents_rows, docx_toc, model_contents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANGS = ("en", "zh")


# -- 1. a transmittal's attached document keeps its contents table's page numbers -------------------------------

@pytest.fixture(scope="module")
def attaching_84(tmp_path_factory):
    """WO/PBC/40/INF/1's cover note attaching WO/CC/84/INF/1 (which has a contents table), built in both
    formats and languages: {(lang, fmt): path}."""
    from ccdocs.build import build

    work = tmp_path_factory.mktemp("attach-84")
    for key in ("pbc", "84"):
        shutil.copytree(DOCS[key], work / DOCS[key].name, ignore=shutil.ignore_patterns("expected"))
    spec = work / DOCS["pbc"].name / "document.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "folder: ../wo-cc-86-inf-1" in text
    spec.write_text(text.replace("folder: ../wo-cc-86-inf-1", "folder: ../wo-cc-84-inf-1"), encoding="utf-8")
    paths = build([work / DOCS["pbc"].name], work / "out", None, ("docx", "pdf"))
    return {(path.parent.name, path.suffix[1:]): path for path in paths}


def rows_of(pdf, lang: str, entries: list[str], title: str) -> list:
    pages = read_pages(pdf)
    at = contents_page(pages, title.upper())
    return contents_rows(pages[at - 1].squeezed, [(text, "") for text in entries])


@pytest.mark.parametrize("lang", LANGS)
def test_an_attached_documents_contents_table_prints_its_own_page_numbers(attaching_84, built, dumped, lang):
    title, *entries = model_contents(dumped("84", lang))
    alone = rows_of(built("84", lang, "pdf"), lang, entries, title)
    assert None not in alone and alone[0] == "2"
    assert rows_of(attaching_84[(lang, "pdf")], lang, entries, title) == alone
    instruction, rows, _ = docx_toc(attaching_84[(lang, "docx")])
    assert [row["page"] for row in rows] == alone


@pytest.mark.parametrize("lang", LANGS)
def test_the_attached_documents_toc_field_lists_only_its_own_headings(attaching_84, lang):
    """`\\b` limits Word's rebuilt table to the bookmark spanning the attached document: its cover to its end."""
    instruction, _, _ = docx_toc(attaching_84[(lang, "docx")])
    assert instruction.endswith("\\b _Doc_WO_CC_84_INF_1")
    with zipfile.ZipFile(attaching_84[(lang, "docx")]) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    paragraphs = list(body.iter(f"{W}p"))
    start = next(s for s in body.iter(f"{W}bookmarkStart") if s.get(f"{W}name") == "_Doc_WO_CC_84_INF_1")
    end = next(e for e in body.iter(f"{W}bookmarkEnd") if e.get(f"{W}id") == start.get(f"{W}id"))
    first, last = paragraphs.index(start.getparent()), paragraphs.index(end.getparent())
    spanned = "".join(t.text or "" for p in paragraphs[first:last + 1] for t in p.iter(f"{W}t"))
    before = "".join(t.text or "" for p in paragraphs[:first] for t in p.iter(f"{W}t"))
    assert last == len(paragraphs) - 1                          # to the attached document's end
    assert "WO/PBC/40/INF/1" in before and "WO/PBC/40/INF/1" not in spanned   # not the cover note
    assert "WO/CC/84/INF/1" in spanned


# -- scratch documents ----------------------------------------------------------------------------------------

FILE = "content/report.md"


def _report(*lines: str) -> dict:
    from conftest import REPORT as MINIMAL_REPORT

    return {FILE: MINIMAL_REPORT + "\n" + "".join(f"{text}\n" for text in lines)}


def resolved(folder, lang: str) -> list[dict]:
    """The blocks of `ccdocs dump --json` of `folder` in `lang`."""
    from ccdocs.model.dump import to_json
    from ccdocs.pipeline import read_sources, resolve

    return to_json(resolve(read_sources(folder), lang))["blocks"]


def texts(folder, lang: str) -> list[str]:
    """The printed text of every block of the resolved model of `folder` in `lang` (no-break spaces as spaces)."""
    return [block.get("text", "").replace("\u00a0", " ") for block in resolved(folder, lang)]


# -- 2. a reference in a pipe table's cell --------------------------------------------------------------------

PIPE_CASES = [
    Case("ref-in-pipe-cell", _report("{#a}", "A.", "", "| Item | N |", "|---|---|", "| see [](#a) | 1 |"),
         "a cross-reference cannot stand in a cell of a pipe table", f"{FILE}:18"),
]


@pytest.mark.parametrize("case", PIPE_CASES, ids=lambda c: c.id)
def test_a_reference_in_a_pipe_table_cell_is_refused_at_its_row(refuse, case):
    refuse(case)


def test_any_inline_a_cell_cannot_print_is_refused_not_a_crash():
    """The refusal is total: an inline type without a message of its own gets the general one."""
    from ccdocs.model import Text
    from ccdocs.parse.pipe_tables import cell_text

    said = []
    cell_text((Text("a"), object()), lambda *m: said.append(m))
    assert said and "cannot stand in a cell of a pipe table" in said[0][0]


# -- 3. a paragraph of another part is named with its part ------------------------------------------------------

CROSS = {
    "content/cover-note.md": "Cover intro.\n\n{#c1}\nCover paragraph on [](#r1).\n",
    FILE: "# Intro\n\n{#r1}\nFirst.\n\n{#r2}\nSecond, see [](#a1) and [](#c1) and [](#r1).\n",
    "content/annex.md": "# Annex title\n\n{#a1}\nAnnex paragraph, see [](#r1) and [](#r1)–[](#r2); [](#a1).\n",
    "document.yaml": None,
}
CROSS_EXPECTED = {
    "en": ["Cover paragraph on paragraph 1 of the report.",
           "Second, see paragraph 1 of the Annex and paragraph 2 of the cover note and paragraph 1.",
           "Annex paragraph, see paragraph 1 of the report and paragraphs 1 and 2 of the report; paragraph 1."],
    "zh": ["Cover paragraph on 报告第1段.", "Second, see 附件第1段 and 说明第2段 and 第1段.",
           "Annex paragraph, see 报告第1段 and 报告第1和2段; 第1段."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_paragraph_of_another_part_is_named_with_its_part(make_doc, lang):
    from conftest import MINIMAL

    files = dict(CROSS, **{"document.yaml": MINIMAL.split("tables:\n")[0].replace(
        "{type: cover-note, template: information}", "{type: cover-note, files: [content/cover-note.md]}")})
    printed = texts(make_doc(files), lang)
    for expected in CROSS_EXPECTED[lang]:
        assert expected in printed


# -- 4. ids: one grammar for the docs, the template reader and the Markdown reader -------------------------------

ID_CASES = [
    Case("dot-in-id", _report("{#a.b}", "P2 text."), "`{#a.b}` would print: it is no anchor", f"{FILE}:13"),
    Case("space-in-id", _report("{#a b}", "P2 text."), "`{#a b}` would print: it is no anchor", f"{FILE}:13"),
    Case("dot-in-reference", _report("{#ab}", "P2 text, [](#a.b)."), "`#a.b` is not an id", f"{FILE}:14"),
]


@pytest.mark.parametrize("case", ID_CASES, ids=lambda c: c.id)
def test_what_looks_like_an_anchor_but_is_none_is_refused_at_its_line(refuse, case):
    refuse(case)


@pytest.fixture(scope="module")
def chinese_ids(tmp_path_factory):
    """A scratch paper whose anchors have Chinese names, built in both formats."""
    from papers import build_both, paper

    work = tmp_path_factory.mktemp("chinese-ids")
    report = "# 导言\n\n第一段。\n\n{#人才}\n第二段。\n\n{#人力}\n第三段。\n\n见[](#人才)和[](#人力)。\n"
    return build_both(paper(work / "doc", "zh", report), work / "out")


def test_an_id_in_chinese_names_a_paragraph_with_an_ascii_bookmark(chinese_ids):
    from pdfpages import read_pages

    assert any("见第2段和第3段。" in page.squeezed for page in read_pages(chinese_ids["pdf"]))
    with zipfile.ZipFile(chinese_ids["docx"]) as z:
        xml = z.read("word/document.xml").decode()
    names = {start.get(f"{W}name") for start in etree.fromstring(xml.encode()).iter(f"{W}bookmarkStart")}
    assert {"_Ref_4EBA624D", "_Ref_4EBA529B"} <= names
    assert "REF _Ref_4EBA624D \\n \\h" in xml and "REF _Ref_4EBA529B \\n \\h" in xml


# -- 6. a decision paragraph may carry an anchor -----------------------------------------------------------------

def test_a_decision_paragraph_carries_an_anchor_named_from_an_annex(copy_fixture, tmp_path):
    from ccdocs.build import build

    folder = copy_fixture("decision")
    report = folder / "content/report.md"
    lines = report.read_text(encoding="utf-8").split("\n")
    at = lines.index("::: decision")
    report.write_text("\n".join(lines[:at + 1] + ["{#dec}"] + lines[at + 1:]), encoding="utf-8")
    annex = folder / "content/annex-1.md"
    text = annex.read_text(encoding="utf-8")
    assert "the rest of the budget." in text
    annex.write_text(text.replace("the rest of the budget.", "the rest of the budget (see [](#dec)).", 1),
                     encoding="utf-8")
    blocks = resolved(folder, "en")
    decision = next(b for b in blocks if b.get("anchor") == "dec")
    assert decision["text"].startswith("The Program and Budget Committee (PBC)") and decision["label"] == "6."
    assert any("(see paragraph 6 of the report)." in b.get("text", "").replace("\u00a0", " ") for b in blocks)
    docx = next(p for p in build([folder], tmp_path / "out", ["en"], ("docx",)) if p.suffix == ".docx")
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:name="_Ref_dec"' in xml and "REF _Ref_dec \\n \\h" in xml


# -- 5. label words typed around a reference, in the source and in a translation ----------------------------------

DOUBLED_CASES = [
    Case("source-word-before", _report("{#x}", "P.", "", "See paragraph [](#x)."),
         "`paragraph` is typed beside `[](#x)`, whose label prints it already: `paragraph 3`", f"{FILE}:16"),
    Case("source-plural", _report("{#x}", "P.", "", "{#y}", "Q.", "", "See paragraphs [](#x)–[](#y)."),
         "`paragraphs` is typed beside `[](#x)–[](#y)`", f"{FILE}:19"),
]


@pytest.mark.parametrize("case", DOUBLED_CASES, ids=lambda c: c.id)
def test_label_words_typed_beside_a_reference_are_refused(refuse, case):
    refuse(case)


def test_a_translation_doubling_a_labels_words_is_refused_at_its_catalog_line(copy_fixture):
    from conftest import ccdocs_here

    folder = copy_fixture("86")
    po = folder / "locales/zh/LC_MESSAGES/content.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and "载于[](#gdap)。" in line)
    lines[at] = lines[at].replace("载于[](#gdap)。", "载于附件[](#gdap)。")
    po.write_text("\n".join(lines), encoding="utf-8")
    done = ccdocs_here("check", folder)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    said = done.stdout + done.stderr
    assert f"content.po:{at + 1}" in said and "`附件` is typed beside `[](#gdap)`" in said, said


@pytest.mark.parametrize("lang,before,after,word", [
    ("zh", "该方法见第", "段。", "第"), ("zh", "详见", "段。", "段"), ("zh", "见", "。", ""), ("en", "see paragraph ", ".", "paragraph"),
    ("en", "in Table ", ".", "Table"), ("en", "as set out in ", ", the", ""), ("en", "(", ")", ""),
])
def test_the_label_words_are_the_catalogs(lang, before, after, word):
    from ccdocs.l10n.catalog import Catalog
    from ccdocs.transforms.references import doubled, label_words

    assert doubled(before, after, label_words(Catalog.load(lang))) == word


# -- 10. one rule for a range of paragraphs; capitals only where a sentence opens ----------------------------------

def test_two_paragraphs_read_the_same_in_a_contents_row_and_in_a_reference(make_doc):
    report = ("::: table applicants\nApplicants by region\n:::\n\n::: contents paragraphs\n:::\n\n# Introduction\n\n"
              "{#p1}\nOne.\n\n{#p2}\nTwo, see [](#p1)–[](#p2).\n")
    folder = make_doc({FILE: report})
    for lang, words in (("en", "paragraphs 1 and 2"), ("zh", "第1和2段")):
        blocks = resolved(folder, lang)
        contents = next(b for b in blocks if b["type"] == "contents")["text"].replace("\u00a0", " ")
        assert words in contents.split("\n")[1]
        assert f"Two, see {words}." in texts(folder, lang)


@pytest.mark.parametrize("before,label", [
    ("", "Paragraph 1"), ("Done. ", "Paragraph 1"), ("Done? ", "Paragraph 1"), ("See e.g. ", "paragraph 1"),
    ("See i.e. ", "paragraph 1"), ("Cf. ", "paragraph 1"), ("As in No. 3 and ", "paragraph 1"),
    ("As follows: ", "paragraph 1"), ("See ", "paragraph 1"),
])
def test_a_label_is_capitalised_only_where_a_sentence_opens(make_doc, before, label):
    folder = make_doc({FILE: f"# Introduction\n\n{{#p1}}\nOne.\n\n{before}[](#p1) is cited.\n"})
    assert f"{before}{label} is cited." in texts(folder, "en")


# -- 7. malformed references, and references where text prints as typed -----------------------------------------

def _yaml(old: str, new: str) -> dict:
    from conftest import MINIMAL

    assert old in MINIMAL
    return {"document.yaml": MINIMAL.replace(old, new)}


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "PNG")
    return out.getvalue()


MALFORMED_CASES = [
    Case("attribute-after-reference", _report("{#a}", "A.", "", "See [](#a){.cls}."), "`{.cls}` would print",
         f"{FILE}:16"),
    Case("class-after-heading", _report("# Heading {.unnumbered}"), "`{.unnumbered}` would print", f"{FILE}:13"),
    Case("blank-words", _report("{#a}", "A.", "", "See [ ](#a)."), "a reference with blank words", f"{FILE}:16"),
    Case("chained-range", _report("{#a}", "A.", "", "{#b}", "B.", "", "{#c}", "C.", "", "See [](#a)–[](#b)–[](#c)."),
         "a range runs from one reference to one other", f"{FILE}:22"),
    Case("range-with-words", _report("{#a}", "A.", "", "{#b}", "B.", "", "See [see](#a)–[](#b)."),
         "a range runs from one reference to one other", f"{FILE}:19"),
    Case("in-title", _yaml("title: {en: Annual Report on Human Resources,", "title: {en: 'Annual Report [](#p1)',"),
         "`[](#p1)` in the cover's `title` would print as typed", "document.yaml:10"),
    Case("in-table-notes", _yaml("    total: total\n", "    total: total\n    notes: ['See [](#p1).']\n"),
         "`[](#p1)` in this table's notes would print as typed", "document.yaml:26"),  # the note's line
    Case("in-column-heading", _yaml("heading: Applications", "heading: 'Applications, [](#p1)'"),
         "`[](#p1)` in this table's column headings would print as typed", "document.yaml:24"),
    Case("in-alt-text", dict(_report("{#p1}", "P1.", "", "![Chart, see [](#p1)](figures/x.png)"),
                             **{"figures/x.png": _png()}),
         "`[](#p1)` in this image's alternative text would print as typed", f"{FILE}:16"),
]


@pytest.mark.parametrize("case", MALFORMED_CASES, ids=lambda c: c.id)
def test_a_malformed_or_misplaced_reference_is_refused_at_its_line(refuse, case):
    refuse(case)


# -- 8. a contents table that cannot be -------------------------------------------------------------------------

CONTENTS_CASES = [
    Case("annex-without-title", {FILE: "::: contents\n:::\n\nOnly text.\n\n::: table applicants\nApplicants by region\n:::\n",
                             "content/annex.md": "Annex paragraph.\n"},
         "the contents table lists each annex by its title", "content/annex.md:1"),
    Case("second-table", _report("::: contents", ":::", "", "::: contents", ":::"), "a second contents table",
         f"{FILE}:16"),
    Case("in-an-annex", {"content/annex.md": "# Annex title\n\n::: contents\n:::\n"}, "a contents table in an annex",
         "content/annex.md:3"),
]


@pytest.mark.parametrize("case", CONTENTS_CASES, ids=lambda c: c.id)
def test_a_contents_table_that_cannot_be_is_refused_at_its_line(refuse, case):
    refuse(case)


def test_a_contents_table_with_nothing_to_list_is_refused(make_doc):
    from conftest import MINIMAL, ccdocs_here

    yaml = MINIMAL.split("tables:\n")[0].replace("  - {type: annex, files: [content/annex.md]}\n", "")
    folder = make_doc({"document.yaml": yaml, FILE: "::: contents\n:::\n\nOnly text.\n"})
    done = ccdocs_here("check", folder)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "content/report.md:1:" in done.stderr + done.stdout and "a contents table with nothing to list" in \
        done.stderr + done.stdout


# -- 9. located where they were typed ---------------------------------------------------------------------------

LOCATION_CASES = [
    Case("duplicate-at-anchor-lines", _report("{#x}", "P.", "", "{#x}", "Q."),
         "content/report.md:13 (give each anchor its own id)", f"{FILE}:16"),
    Case("reference-column", _report("{#x}", "P.", "", "See also [](#y)."), "there is no anchor `{#y}`",
         f"{FILE}:16:10"),
    Case("anchor-at-end-of-file", _report("{#end}"), "the anchor `{#end}` names nothing", f"{FILE}:13"),
    Case("anchor-before-a-table-note", {FILE: "# Introduction\n\nP.\n\n::: table applicants\nApplicants by region\n\n"
                                              "{#tn}\nA note.\n:::\n"},
         "the anchor `{#tn}` names nothing", f"{FILE}:8"),
]


@pytest.mark.parametrize("case", LOCATION_CASES, ids=lambda c: c.id)
def test_problems_are_located_where_they_were_typed(refuse, case):
    refuse(case)


def test_a_reference_into_an_attached_document_says_so(tmp_path):
    from conftest import ccdocs_here

    for key in ("pbc", "86"):
        shutil.copytree(DOCS[key], tmp_path / DOCS[key].name, ignore=shutil.ignore_patterns("expected"))
    note = tmp_path / DOCS["pbc"].name / "content/cover-note.md"
    text = note.read_text(encoding="utf-8")
    assert " is reproduced below" in text
    note.write_text(text.replace(" is reproduced below", " is reproduced below (see [](#gdap))", 1), encoding="utf-8")
    done = ccdocs_here("check", tmp_path / DOCS["pbc"].name)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "content/cover-note.md:1:" in said
    assert "is in the attached document WO/CC/86/INF/1: references do not cross documents" in said, said


def test_a_reference_given_twice_in_a_translation_is_said_twice():
    from ccdocs.i18n.checkers import AS_OFTEN_HINT, Entry, references

    assert references(Entry("report ¶3", "See [](#t).", "见[](#t)和[](#t)。", "zh")) == [
        f"report ¶3: reference `[](#t)` is in the translation twice, in the source once ({AS_OFTEN_HINT})"]
