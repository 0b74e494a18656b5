"""Specification: no width a paper can ask for makes the PDF's line breaking fail.

`TextBlock.cut` read one character past the text when the room for a line was narrower than the last character
(IndexError): a lettered list of 3,000 items reached it, its labels `(ddd…)` widening every item's hanging indent
past the margin (the DOCX built, its labels lost in Word's rendering). Now the engine sets at least one character
a line at any width, a label leaving its line less than an em puts the text on the line below it, and a list label
needing more than half the text width is refused at the item's line by both writers (`pdf.measure.label_hanging`).
"""

from __future__ import annotations

import pytest
from refusals import Case
from reportlab.pdfgen.canvas import Canvas

from ccdocs.model import Text
from ccdocs.writers.pdf.faces import FontSet
from ccdocs.writers.pdf.runs import Look, RunMaker, Where
from ccdocs.writers.pdf.text import TextBlock, TextStyle
from test_pdf_footnotes import THEME

TEXTS = ["字", "W", "字。", "（字）", "本组织共收到申请。", "Supercalifragilistic expialidocious.",
         "１２３４５６７８９０" * 4]
WIDTHS = [-50.0, 0.0, 0.5, 3.0, 8.0, 30.0]


@pytest.fixture(scope="module")
def fonts():
    return FontSet(THEME, "zh")


def text_block(fonts, text: str, label: str = "", left: float = 0.0, rtl: bool = False) -> TextBlock:
    maker = RunMaker(fonts, "zh", 0.65, 0.35, None)
    runs = maker.runs((Text(text),), Look(10.5), Where(None, "a test"))
    marks = tuple(maker.runs((Text(label),), Look(10.5), Where(None, "a test"))) if label else ()
    return TextBlock(runs, TextStyle(leading=13.65, size=10.5, align="justify", left=left, label=marks, rtl=rtl))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("label", ["", "（a）", "（" + "m" * 40 + "）"])
@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_every_width_sets_every_character_once_in_order(fonts, tmp_path, text, width, label, rtl):
    block = text_block(fonts, text + (" \u05e9\u05dc\u05d5\u05dd" if rtl else ""), label, rtl=rtl)
    block.wrap(width, 1000.0)
    lines = block.lines
    assert lines[0][0] == 0 and lines[-1][1] == len(block.setting.text)
    assert all(a[1] == b[0] for a, b in zip(lines, lines[1:]))          # consecutive: nothing lost or repeated
    assert all(start < nxt for start, nxt, _ in lines[1:])               # progress: a character a line at least
    canvas = Canvas(str(tmp_path / "w.pdf"))
    block.drawOn(canvas, 72, 400)
    canvas.save()


def test_a_label_leaving_no_room_puts_the_text_on_the_line_below(fonts):
    block = text_block(fonts, "本组织共收到申请。", "（" + "m" * 30 + "）", left=20.0)
    block.wrap(200.0, 1000.0)
    (start, nxt, _), (second, _, x) = block.lines[:2]
    assert start == nxt == second == 0 and x == 20.0       # the first line holds the label alone


LETTERED = "# Introduction\n\nThe list:\n\n" + "".join(f"{n}. Item.\n" for n in range(1, 1001)) \
    + "\n::: table applicants\nApplicants\n:::\n"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_list_label_wider_than_half_the_text_is_refused_at_its_item(refuse, fmt, lang):
    refuse(Case(f"long-labels-{fmt}-{lang}", {"content/report.md": LETTERED},
                "'s label `", "content/report.md:", args=("--format", fmt, "--lang", lang)))


DECISION = "# Introduction\n\nText.\n\n::: decision\nThe Committee:\n\n1. noted:\n   1. the report.\n:::\n\n" \
           "::: table applicants\nApplicants\n:::\n"


def test_a_theme_setting_a_decisions_sub_items_past_the_margin_is_refused_at_its_line(refuse):
    """decision.indent (under two thirds of the text width) and lists.indent (under a quarter, a level) each within
    their bound put a decision's second-level item 19 cm in: its words were cut a letter a line, the sub-items set
    past the right margin. Their sum is held to three quarters of the text width."""
    from conftest import MINIMAL

    theme = "lists:\n  indent: 4.1cm\ndecision:\n  indent: 10.9cm\n"
    refuse(Case("decision-sub-items", {"document.yaml": MINIMAL + "theme: mine\n", "content/report.md": DECISION,
                                       "templates/themes/mine.yaml": theme},
                "the decision sub-items' text would start 19.1cm in", "templates/themes/mine.yaml:4"))


def cover_note_with_notes(lang: str, count: int) -> dict:
    """A one-language paper whose cover note carries `count` footnotes (marked *, **, *** …)."""
    from conftest import MINIMAL

    yaml = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]") \
        .replace("{type: cover-note, template: information}", "{type: cover-note, files: [content/note.md]}")
    note = "The note." + "".join(f"[^n{i}]" for i in range(count)) + "\n\n" \
        + "".join(f"[^n{i}]: Note {i}.\n" for i in range(count))
    return {"document.yaml": yaml, "content/note.md": note, "content/report.md": "# T\n\nText.\n"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cover_note_mark_wider_than_half_the_line_is_refused_at_its_note(refuse, lang):
    """The cover note's notes are marked `*`, `**` …: the 120th's mark of 120 asterisks stood wider than half the
    line (its note's text pushed to the next line, the mark past the margin from about 130 on)."""
    refuse(Case(f"cover-note-stars-{lang}", cover_note_with_notes(lang, 120),
                "of the cover note is marked with", "content/note.md:", args=("--format", "pdf")))
