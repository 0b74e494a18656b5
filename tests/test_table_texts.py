"""Texts of a table in translation: codes that read the same in every language (`P4`, `D2`, `G6`, `ASG`, years)
need no translation but may have one; an entry added by hand to translate a table word survives `i18n update`;
an empty `label_heading: ""` asks nothing of a translator. Final builds in both languages and formats.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from docx import Document as read_docx

from ccdocs.build import build
from ccdocs.i18n.catalogs import po_path
from ccdocs.tables.texts import reads_alike
from conftest import MINIMAL, REPORT
from translated import fill_catalog, i18n_update

GRADES = "id,grade,staff\np4,P4,120\nd2,D2,14\ng6,G6,290\nasg,ASG,3\ny,2025–2026,1\ntotal,,428\n"
YAML = MINIMAL.replace("  applicants: data/applicants.csv\n", "  applicants: data/applicants.csv\n"
                       "  grades: data/grades.csv\n") + """\
  grades:
    data: grades
    label: grade
    label_heading: ""
    columns: [{key: staff, heading: Staff in post, type: integer}]
    total: total
"""
CONTENT = REPORT + "\n::: table grades\nStaff by grade\n:::\n"
LABELS = {"en": ["P4", "D2", "G6", "ASG", "2025–2026", "Total"],
          "zh": ["P4", "D2", "G6", "助理总干事", "2025–2026", "总计"]}


@pytest.mark.parametrize("text, alike", [
    ("P4", True), ("D2", True), ("G6", True), ("ASG", True), ("D-1", True), ("2025", True), ("2025–2026", True),
    ("60.1%", True), ("II", True), ("{{ workforce.staff | number }}", True), ("Total", False), ("WIPO", False),
    ("Staff in post", False), ("n/a", False), ("P4 and above", False), ("职等", False), ("Professional", False)])
def test_reads_alike(text, alike):
    """Codes, numbers and symbols (runs of at most three Latin capitals) read alike; any word does not."""
    assert reads_alike(text) is alike


def write_doc(folder: Path) -> Path:
    files = {"document.yaml": YAML, "content/report.md": CONTENT, "content/annex.md": "# Annex title\n\nAnnex.\n",
             "data/workforce.yaml": "staff: 1735\ncore_share: 0.601\n",
             "data/applicants.csv": "id,region,applied\nafrica,Africa,100\ntotal,,100\n", "data/grades.csv": GRADES}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def add_entry(path: Path, msgid: str, msgstr: str, context: str) -> None:
    """Add an entry to a catalog by hand, as a translator would."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="zh")
    catalog.add(msgid, msgstr, context=context)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=1 << 30)


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    """The grades paper: its zh catalog filled except the codes (ASG translated by choice), then `Total`
    translated by hand as 总计 (the toolkit says 共计) and `i18n update` run again; built in both languages."""
    folder = write_doc(tmp_path_factory.mktemp("codes") / "doc")
    po = fill_catalog(folder, {("ASG", "data"): "助理总干事"}, keep_empty=reads_alike)
    add_entry(po, "Total", "总计", "data")
    updated = i18n_update(folder)
    paths = build([folder], folder.parent / "out", None, ("docx", "pdf"))
    return folder, updated, {(p.parent.name, p.suffix[1:]): p for p in paths}


def test_codes_are_offered_but_need_no_translation(doc):
    """The codes stand in the catalog (a translator may translate them) with an empty msgstr, and the final
    build did not refuse them; the empty `label_heading` is no entry at all."""
    folder, _, _ = doc
    with po_path(folder, "zh").open("rb") as handle:
        catalog = read_po(handle, locale="zh")
    data = {m.id: m for m in catalog if m.context == "data"}
    assert {code: data[code].string for code in ("P4", "D2", "G6", "2025–2026")} == dict.fromkeys(
        ("P4", "D2", "G6", "2025–2026"), "")
    assert "reads the same in every language" in " ".join(data["P4"].auto_comments)
    assert "" not in data


def test_hand_added_table_word_survives_update(doc):
    """`Total`, which the template leaves to the toolkit, translated by hand: still active after the update."""
    folder, updated, _ = doc
    with po_path(folder, "zh").open("rb") as handle:
        catalog = read_po(handle, locale="zh")
    assert catalog.get("Total", context="data").string == "总计"
    assert not [m for m in catalog.obsolete.values() if m.id == "Total"]
    assert "0 obsolete" in updated


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_labels(doc, lang):
    """Codes print as written, ASG as its chosen translation, the total as the hand-added word; the label
    heading is empty."""
    _, _, paths = doc
    table = next(t for t in read_docx(str(paths[(lang, "docx")])).tables if t.rows[1].cells[0].text == "P4")
    assert [row.cells[0].text for row in table.rows] == [""] + LABELS[lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_labels(doc, lang):
    """The same labels, each on its row's line, in the PDF."""
    _, _, paths = doc
    text = subprocess.run(["pdftotext", "-layout", str(paths[(lang, "pdf")]), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line.split() for line in text.splitlines() if line.strip()]
    start = lines.index(["Staff", "in", "post"])   # the grades table's header (kept in English by the catalog)
    firsts = [words[0] for words in lines[start:] if words[-1].replace(",", "").isdigit() and words[0] in LABELS[lang]]
    assert firsts == LABELS[lang]
