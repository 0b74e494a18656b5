"""A table's or chart's text that a translation makes unprintable is told at the translation's msgstr line, as a
paragraph's is (`i18n.locations`): a table note or source line, a chart's series label, category or axis title
(document.yaml or the data), a caption or note paragraph of a `::: table` / `::: chart`. Each text carries where it
was typed into the model (`notes_typed`, `caption_typed`, …), so the PDF writer's problem stands at that line, not at
the `::: table` line no translation covers; an English text's own problem is told at its own line the same way."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES
from refusals import Case

SAMPLE = FIXTURES / "wo-cc-86-inf-1"
PO = "locales/zh/LC_MESSAGES/content.po"
NOTE = ("Regular and temporary vacancies in the Professional and higher categories subject to geographical "
        "distribution, advertised in 2025.")  # applicants-by-region's first note, document.yaml
ADDED = "Scores out of 100."  # a note paragraph the case adds to `::: table survey-dimensions`


def msgstr_line(msgid: str) -> int:
    """The line of the sample catalog's msgstr for `msgid`."""
    lines = (SAMPLE / PO).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if line == f'msgid "{msgid}"') + 1


def yaml_line(text: str) -> int:
    """The line of document.yaml holding `text`."""
    lines = (SAMPLE / "document.yaml").read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if text in line)


def sample(edits: dict, note: bool = False):
    """A case's setup: the sample in place of the minimal document, each msgstr of `edits` (msgid -> text appended)
    extended; with `note`, a note paragraph added to `::: table survey-dimensions` and translated with 😀."""
    def setup(folder, out):
        shutil.rmtree(folder)
        shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("expected"))
        catalog = folder / PO
        text = catalog.read_text(encoding="utf-8")
        for msgid, added in edits.items():
            text, count = re.subn(rf'(msgid "{re.escape(msgid)}"\nmsgstr "[^"]*)', rf"\g<1>{added}", text)
            assert count == 1, msgid
        if note:
            survey = folder / "content" / "03-performance-and-culture.md"
            survey.write_text(survey.read_text(encoding="utf-8").replace(
                "scores on the main dimensions\n:::", f"scores on the main dimensions\n\n{ADDED}\n:::"),
                encoding="utf-8")
            text = text.rstrip("\n") + f'\n\nmsgid "{ADDED}"\nmsgstr "满分100分😀。"\n'
        catalog.write_text(text, encoding="utf-8")
    return setup


def added_note_line() -> int:
    """The msgstr line of the note paragraph `sample(note=True)` appends to the catalog."""
    return len((SAMPLE / PO).read_text(encoding="utf-8").rstrip("\n").split("\n")) + 3


CHECK = ("check", "{doc}")
EMOJI = "contains '😀' (U+1F600 GRINNING FACE)"
LABEL = "holds '😀' (U+1F600 GRINNING FACE)"

CASES = [
    Case("table-note", {}, f"document.yaml:{yaml_line(NOTE[:40])} (table text): table applicants-by-region {EMOJI}",
         f"{PO}:{msgstr_line(NOTE)}", command=CHECK, setup=sample({NOTE: "😀"})),
    Case("table-note-mark", {}, f"document.yaml:{yaml_line(NOTE[:40])} (table text): table applicants-by-region "
         "contains 'x' + U+0304", f"{PO}:{msgstr_line(NOTE)}", command=CHECK, setup=sample({NOTE: " x\u0304"})),
    Case("table-note-pdf", {}, f"(table text): table applicants-by-region {EMOJI}", f"{PO}:{msgstr_line(NOTE)}",
         command=("build", "{doc}", "--lang", "zh", "--format", "pdf", "--out", "{out}"),
         setup=sample({NOTE: "😀"})),
    Case("table-source", {}, f"document.yaml:{yaml_line('source: WIPO Human Resources Management Department')} "
         f"(table text): table applicants-by-region {EMOJI}",
         f"{PO}:{msgstr_line('WIPO Human Resources Management Department')}", command=CHECK,
         setup=sample({"WIPO Human Resources Management Department": "😀"})),
    Case("table-caption", {}, f"content/03-performance-and-culture.md:40: table survey-dimensions {EMOJI}",
         f"{PO}:{msgstr_line('Staff engagement survey 2025: scores on the main dimensions')}", command=CHECK,
         setup=sample({"Staff engagement survey 2025: scores on the main dimensions": "😀"})),
    Case("table-note-paragraph", {}, f"content/03-performance-and-culture.md:42: table survey-dimensions {EMOJI}",
         f"{PO}:{added_note_line()}", command=CHECK, setup=sample({}, note=True)),
    Case("chart-series-label", {}, f"document.yaml:{yaml_line('label: Share of the workforce')} (table text): "
         f"chart workforce-composition: the label `占员工队伍的比例😀` {LABEL}",
         f"{PO}:{msgstr_line('Share of the workforce')}", command=CHECK,
         setup=sample({"Share of the workforce": "😀"})),
    Case("chart-category", {}, "data/workforce_composition.csv:2 (table text): chart workforce-composition: the "
         f"label `核心员工队伍😀` {LABEL}", f"{PO}:{msgstr_line('Core workforce')}", command=CHECK,
         setup=sample({"Core workforce": "😀"})),
    Case("chart-axis-title", {}, f"document.yaml:{yaml_line('axis_title: Number of applications')} (table text): "
         f"chart applications-by-region: the label `申请数量😀` {LABEL}",
         f"{PO}:{msgstr_line('Number of applications')}", command=CHECK,
         setup=sample({"Number of applications": "😀"})),
    Case("chart-caption", {}, f"content/01-introduction.md:52: chart workforce-composition {EMOJI}",
         f"{PO}:{msgstr_line('Core and flexible workforce, December 31, 2024')}", command=CHECK,
         setup=sample({"Core and flexible workforce, December 31, 2024": "😀"})),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_table_or_chart_text_s_translation_is_told_at_its_msgstr(refuse, case):
    output = refuse(case)
    assert "05-recruitment.md:18:" not in output and "01-introduction.md:51:" not in output, output


def english(folder, out):
    """The sample, its first applicants-by-region note holding 😀 in document.yaml (English, the original)."""
    sample({})(folder, out)
    spec = folder / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(NOTE, NOTE[:-1] + " 😀."), encoding="utf-8")


def test_an_english_table_note_is_told_at_its_own_line(refuse):
    output = refuse(Case("english-note", {}, f"table applicants-by-region {EMOJI}",
                         f"document.yaml:{yaml_line(NOTE[:40])}", command=CHECK, setup=english))
    assert "05-recruitment.md:18:" not in output and "translation of" not in output, output
