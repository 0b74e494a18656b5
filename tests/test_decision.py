"""Decision papers: the proposed decision (`::: decision`) prints as WIPO's papers print it, in both formats and
both languages, and every misplaced one is refused at its line. Read from the built outputs of
fixtures/wo-pbc-40-5 (a Program and Budget Committee paper): the DOCX's own paragraph indents (`w:ind`) and
Word's numbers, LibreOffice's rendering of it, and the PDF's word positions (pdfplumber)."""

from __future__ import annotations

import re
import shutil

import docx
import pdfplumber
import pytest

from ccdocs.l10n.catalog import Catalog
from ccdocs.sources.themefile import PAGES
from ccdocs.testing.snapshot import snapshot
from ccdocs.theme import load_theme
from conftest import MINIMAL, REPORT, write_doc
from libreoffice import to_pdf
from pdfpages import read_pages
from refusals import Case
from translated import fill_catalog

LANGS = ("en", "zh")
SUB_ITEMS = {"en": ("(i)", "(ii)"), "zh": ("（i）", "（ii）")}
DECISION = "The Program and Budget Committee (PBC) recommended"
DECISION_ZH = "计划和预算委员会（PBC）建议"
NEAR = 1.5  # points


@pytest.fixture(scope="module")
def geometry():
    """(left margin, text width, decision indent) in points, from the default theme."""
    theme = load_theme()
    width = PAGES[theme.get("page.size")][0]
    margin = theme.pt("page.margins.left")
    return margin, width - margin - theme.pt("page.margins.right"), theme.pt("decision.indent")


def lead_in(lang: str) -> str:
    return Catalog.load(lang).gettext("The following decision paragraph is proposed.")


def rows(words: list[tuple[float, float, str]]) -> list[list[tuple[float, str]]]:
    """Words (x0, top, text) grouped into lines (tops within 3 pt), each left to right."""
    lines: list[tuple[float, list]] = []
    for x0, top, text in sorted(words, key=lambda w: w[1]):
        if lines and abs(lines[-1][0] - top) <= 3:
            lines[-1][1].append((x0, text))
        else:
            lines.append((top, [(x0, text)]))
    return [sorted(line) for _, line in lines]


def decision_lines(lines: list) -> tuple[list, list]:
    """(the lines of the report's numbered paragraphs up to the decision's, the decision's lines up to the marker)."""
    start = next(i for i, line in enumerate(lines) if line[0][1] == "6.")
    end = next(i for i, line in enumerate(lines) if i > start and line[0][1].startswith("["))
    numbered = [line for line in lines[:start + 1] if re.fullmatch(r"\d+\.", line[0][1])]
    return numbered, lines[start:end]


def assert_laid_out(lines: list, lang: str, margin: float, width: float, indent: float) -> None:
    """Numbers 1. to 6. in order, the lead-in 5. at the margin, the decision 6. and every line of it and of its
    sub-items from about the middle of the text column, the sub-items labelled (i), (ii) further in."""
    numbered, decision = decision_lines(lines)
    assert [line[0][1] for line in numbered] == [f"{n}." for n in range(1, 7)]
    five = numbered[4]
    assert abs(five[0][0] - margin) <= NEAR
    assert "".join(text for _, text in five[1:]).replace(" ", "") == lead_in(lang).replace(" ", "")
    assert abs(decision[0][0][0] - (margin + indent)) <= NEAR
    assert 0.4 * width <= decision[0][0][0] - margin <= 0.6 * width  # about the middle of the column
    assert all(line[0][0] >= margin + indent - NEAR for line in decision)
    labels = [line[0] for line in decision if line[0][1].startswith(SUB_ITEMS[lang])]
    assert [text[:len(mark)] for (_, text), mark in zip(labels, SUB_ITEMS[lang])] == list(SUB_ITEMS[lang])
    assert len(labels) == 2 and all(x0 > margin + indent + NEAR for x0, _ in labels)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_prints_the_lead_in_then_the_decision_indented_to_the_middle(built, geometry, lang):
    with pdfplumber.open(built("decision", lang, "pdf")) as pdf:
        words = [(w["x0"], w["top"], w["text"]) for w in pdf.pages[0].extract_words()]
    assert_laid_out(rows(words), lang, *geometry)


@pytest.fixture(scope="module")
def rendered(office):
    """LibreOffice's rendering of the decision paper's DOCX, page 1, by language (`office`, shared)."""
    pdfs = office("decision")
    return {lang: read_pages(pdfs[("decision", lang)])[0] for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_renders_the_docx_decision_numbered_in_sequence_and_indented(rendered, geometry, lang):
    words = [(w.x0, w.y0, w.text) for w in rendered[lang].words]
    assert_laid_out(rows(words), lang, *geometry)


@pytest.mark.parametrize("lang", LANGS)
def test_docx_decision_paragraphs_carry_their_own_indent_and_word_numbers_them_in_sequence(built, lang):
    path = built("decision", lang, "docx")
    document = docx.Document(path)
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith(DECISION if lang == "en" else DECISION_ZH))
    decision, sub_items = paragraphs[start], paragraphs[start + 1:start + 3]
    assert decision.style.name == "Numbered Paragraph"
    assert 0.45 * width <= decision.paragraph_format.left_indent <= 0.55 * width
    assert paragraphs[start - 1].paragraph_format.left_indent is None  # the lead-in stands at the margin
    for item, label in zip(sub_items, SUB_ITEMS[lang]):
        assert item.text.startswith(label + "\t")
        assert item.paragraph_format.left_indent > decision.paragraph_format.left_indent
    shown = re.findall(r"^\[Numbered Paragraph\] (\d+\.)\t(.*)$", snapshot(path).split("== section 2")[0], re.M)
    assert [label for label, _ in shown] == [f"{n}." for n in range(1, 7)]
    assert shown[4][1] == lead_in(lang)


def test_the_decision_is_extracted_for_translation_like_any_paragraph(tmp_path):
    from ccdocs.i18n.segments import extract

    text = (tmp_path / "report.md")
    text.write_text("Intro.\n\n::: decision\nThe Committee decided to:\n\n1. note it; and\n2. approve it.\n:::\n",
                    encoding="utf-8")
    found = [(s.msgid, s.kind) for s in extract(text.read_text(encoding="utf-8"), "report.md")]
    assert found == [("Intro.", "paragraph"), ("The Committee decided to:", "paragraph"), ("note it; and", "item"),
                     ("approve it.", "item")]


def test_a_cover_note_may_propose_the_decision_of_several_paragraphs_with_nested_sub_items(make_doc):
    """As in WO/PBC/32/3 (seed 003): the note's last paragraphs are the lead-in and the decision; a decision of
    two paragraphs gets the plural lead-in, and a list inside a sub-item is lettered."""
    from ccdocs.model.dump import to_json
    from ccdocs.pipeline import read_sources, resolve

    note = ("The Secretariat presents its report.\n\n::: decision\nThe Committee recommended to the Assemblies to:\n\n"
            "1. take note of the report; and\n2. approve:\n\n   1. the first proposal; and\n   2. the second.\n\n"
            "The Committee further requested a report.\n:::\n")
    yaml = DECIDING.replace("{type: cover-note, template: information}", "{type: cover-note, files: [content/note.md]}")
    folder = make_doc({"document.yaml": yaml, "content/note.md": note})
    fill_catalog(folder, {"The Secretariat presents its report.": "秘书处提交其报告。"})  # the glossary's 秘书处
    for lang, items in (("en", ["(i)", "(ii)", "(a)", "(b)"]), ("zh", ["（i）", "（ii）", "（a）", "（b）"])):
        blocks = [b for b in to_json(resolve(read_sources(folder), lang))["blocks"] if b["part"] == "cover-note"]
        assert [b["label"] for b in blocks if b["type"] == "para"] == ["1.", "2.", "3.", "4."]
        assert blocks[1]["text"] == Catalog.load(lang).gettext("The following decision paragraphs are proposed.")
        assert re.findall(r"[(（][iab]+[)）]", blocks[3]["text"]) == items
        assert blocks[4]["text"] == "The Committee further requested a report."


# A Program and Budget Committee paper ------------------------------------------------------------------------------


def test_a_pbc_paper_has_roman_chapters_by_default(dumped):
    headings = [b["text"] for b in dumped("decision", "en")["blocks"] if b["type"] == "heading" and b["part"] == "report"]
    assert headings == ["I. Background", "II. The development share in 2024/25"]
    headings = [b["text"] for b in dumped("decision", "zh")["blocks"] if b["type"] == "heading" and b["part"] == "report"]
    assert headings[0] == "一、背景"


@pytest.mark.parametrize("body,style,first", [
    ("program-and-budget-committee", None, "I. Introduction"),
    ("program-and-budget-committee", "chapter", "Chapter 1: Introduction"),
    ("coordination-committee", None, "Chapter 1: Introduction"),
    ("coordination-committee", "roman", "I. Introduction"),
    ("coordination-committee", "none", "Introduction"),
])
def test_chapter_style_defaults_by_body_and_an_explicit_one_wins(make_doc, body, style, first):
    from ccdocs.model.dump import to_json
    from ccdocs.pipeline import read_sources, resolve

    yaml = MINIMAL.replace("symbol: WO/CC/86/INF/1", "symbol: WO/PBC/86/INF/1" if body.startswith("program")
                           else "symbol: WO/CC/86/INF/1").replace("body: coordination-committee", f"body: {body}")
    folder = make_doc({"document.yaml": yaml + (f"chapter_style: {style}\n" if style else "")})
    blocks = to_json(resolve(read_sources(folder), "en"))["blocks"]
    assert next(b["text"] for b in blocks if b["type"] == "heading") == first


# Refusals -----------------------------------------------------------------------------------------------------------

DECIDING = MINIMAL.replace("kind: information", "kind: decision")
PROPOSED = "\n::: decision\nThe Committee is invited to take note of this report.\n:::\n"  # lines 13 to 15 after REPORT

CASES = [
    Case("decision-in-an-information-paper", {"content/report.md": REPORT + PROPOSED},
         "a proposed decision (`::: decision`) in a paper of kind `information`", "content/report.md:13"),
    Case("decision-paper-without-decision", {"document.yaml": DECIDING},
         "a decision paper (`kind: decision`) proposes no decision", "document.yaml:11"),
    Case("two-decisions", {"document.yaml": DECIDING, "content/report.md": REPORT + PROPOSED + PROPOSED},
         "a second proposed decision (the first is at", "content/report.md:17"),
    Case("decision-in-an-annex", {"document.yaml": DECIDING,
                                  "content/annex.md": "# Annex title\n\nAnnex paragraph.\n" + PROPOSED},
         "a proposed decision in the annex", "content/annex.md:5"),
    Case("text-after-the-decision", {"document.yaml": DECIDING,
                                     "content/report.md": REPORT + PROPOSED + "\nA last word.\n"},
         "text after the proposed decision", "content/report.md:17"),
    Case("words-after-the-name", {"document.yaml": DECIDING, "content/report.md": REPORT + PROPOSED.replace(
        "::: decision", "::: decision Proposed decision")}, "`Proposed decision` after `::: decision` would not be printed",
         "content/report.md:13"),
    Case("empty-decision", {"document.yaml": DECIDING, "content/report.md": REPORT + "\n::: decision\n:::\n"},
         "an empty proposed decision", "content/report.md:13"),
    Case("heading-in-a-decision", {"document.yaml": DECIDING, "content/report.md": REPORT + PROPOSED.replace(
        "decision\n", "decision\n## Proposed decision\n\n", 1)}, "a heading cannot stand in a proposed decision",
         "content/report.md:14"),
    Case("sub-items-first", {"document.yaml": DECIDING, "content/report.md": REPORT
                             + "\n::: decision\n1. take note of it.\n:::\n"},
         "a proposed decision begins with its paragraph", "content/report.md:13"),
    Case("bullets-in-a-decision", {"document.yaml": DECIDING, "content/report.md": REPORT
                                   + "\n::: decision\nThe Committee decided to:\n\n- take note.\n:::\n"},
         "a list cannot stand in a proposed decision", "content/report.md:16"),
    Case("bullets-in-a-sub-item", {"document.yaml": DECIDING, "content/report.md": REPORT
                                   + "\n::: decision\nThe Committee decided to:\n\n1. note:\n   - that.\n:::\n"},
         "a list cannot stand in a sub-item of a proposed decision", "content/report.md:17"),
    Case("box-in-a-decision", {"document.yaml": DECIDING, "content/report.md": REPORT
                               + "\n::: decision\nThe Committee decided.\n\n::: box\nBoxed.\n:::\n\nMore.\n:::\n"},
         "a box cannot stand in a proposed decision", "content/report.md:16"),
    Case("closing-line-closing-nothing", {"document.yaml": DECIDING, "content/report.md": REPORT
                                          + "\n::: decision\nThe Committee decided.\n\n::: box\nBoxed.\n:::\n:::\n"},
         "a `:::` line that closes nothing (delete it; containers do not nest", "content/report.md:19"),
    Case("empty-chapter-style", {"document.yaml": MINIMAL + "chapter_style:\n"},
         "`chapter_style` is empty (one of: chapter, roman, none; or remove `chapter_style:` for the default, chapter)",
         "document.yaml:26"),
    Case("chapter-style-as-yaml-writes-it", {"document.yaml": MINIMAL + "chapter_style: true\n"},
         "unknown chapter_style `true`", "document.yaml:26"),
    Case("empty-kind", {"document.yaml": MINIMAL.replace("kind: information", "kind: ")}, "`kind` is empty",
         "document.yaml:11"),
    Case("empty-language", {"document.yaml": MINIMAL.replace("[en, zh]", "[en, ~]")},
         "expected a language, got an empty value", "document.yaml:9"),
    Case("decision-indent-past-the-column", {"document.yaml": MINIMAL + "theme: mine\n",
                                             "templates/themes/mine.yaml": "decision:\n  indent: 15cm\n"},
         "decision.indent", "templates/themes/mine.yaml:2"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_misplaced_decision_is_refused_at_its_line(refuse, case):
    refuse(case)


NINE_ITEMS = "".join(f"{n}. do the thing numbered {n}, in words long enough to run onto a second line of the column "
                    "that the decision is indented to;\n" for n in range(1, 10))


@pytest.fixture(scope="module")
def nine_items(tmp_path_factory):
    """A decision of nine sub-items built in both languages: lang -> (the PDF, LibreOffice's PDF of the DOCX), both
    DOCX converted in one LibreOffice call."""
    from ccdocs.build import build

    work = tmp_path_factory.mktemp("nine-items")
    folder = write_doc(work / "doc", {"document.yaml": DECIDING, "content/report.md": REPORT + "\n::: decision\n"
                                      "The Committee decided to:\n\n" + NINE_ITEMS + ":::\n"})
    made = {(p.parent.name, p.suffix): p for p in build([folder], work / "out", LANGS, ("docx", "pdf"), workers=1)}
    files = [shutil.copy(made[lang, ".docx"], work / f"{lang}.docx") for lang in LANGS]
    folder = to_pdf(files, work)
    return {lang: (made[lang, ".pdf"], folder / f"{lang}.pdf") for lang in LANGS}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sub_items_hang_their_text_past_the_widest_label(nine_items, lang):
    """Nine sub-items, (i) to (ix) / （i） to （ix）: in the PDF and in LibreOffice's rendering of the DOCX, every
    item's text starts at one x, right of its label's end (`(viii)` is wider than the theme's hanging indent)."""
    for pdf in nine_items[lang]:
        with pdfplumber.open(pdf) as document:
            words = [w for page in document.pages for w in page.extract_words(keep_blank_chars=False)]
        labels = [(i, w) for i, w in enumerate(words) if re.fullmatch(r"[(（][ivx]+[)）]", w["text"])]
        assert len(labels) == 9, (pdf, [w["text"] for _, w in labels])
        starts = {round(words[i + 1]["x0"]) for i, _ in labels}
        assert len(starts) == 1, (pdf, starts)
        assert all(w["x1"] < words[i + 1]["x0"] for i, w in labels), pdf


def test_a_container_in_a_decision_is_told_once_not_as_never_closed(make_doc):
    """`::: box` in `::: decision`: its `:::` closes the decision; the decision's own `:::` then closes nothing,
    and is told so once (not also as a container never closed)."""
    from refusals import run

    folder = make_doc({"document.yaml": DECIDING, "content/report.md": REPORT + "\n::: decision\nThe Committee "
                       "decided.\n\n::: box\nBoxed.\n:::\n:::\n"})
    code, output, _ = run(["check", str(folder)])
    at = [text for text in output.splitlines() if "content/report.md:19:" in text]
    assert code == 1 and len(at) == 1 and "closes nothing" in at[0], output
