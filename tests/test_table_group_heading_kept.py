"""Specification: a data table's group heading row (a `headings:` row, printed as its label alone: "Operating
expenses") never ends a page: it stands on the page of its first `table.keep_rows` member rows (the rows up to
the next heading, all when fewer), as a heading of the text is kept with what follows it (breaks-9 #11).

The budget sample's table on landscape pages, its caption marked by a note, broke after "Operating expenses",
its four rows on the next page; with a longer note, after "Contractual services" and two of its rows. The PDF's
grid now splits above such a heading (`Grid.stranded`); Word is told with `w:keepNext` on the heading row's
paragraphs and on those of its first members but the last (`joined_rows`), so LibreOffice breaks the same way.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from conftest import ccdocs_here

from ccdocs.testing.pdf_snapshot import pdf_snapshot

KEEP_ROWS = 3   # the default theme's table.keep_rows
# each group heading of the sample's table, and the rows printed under it (its first KEEP_ROWS members)
GROUPS = {
    "A. Personnel resources": ["Posts", "Temporary staff", "Other staff costs"],
    "B. Non-personnel resources": ["Interns and WIPO fellowships", "Interns", "WIPO fellowships", "Subtotal"],
    "Interns and WIPO fellowships": ["Interns", "WIPO fellowships", "Subtotal"],
    "Travel, training and grants": ["Staff missions", "Third-party travel", "Subtotal"],
    "Contractual services": ["Conferences", "Publishing", "Individual contractual services"],
    "Operating expenses": ["Premises and maintenance", "Communication", "Representation and other operating expenses"],
    "Equipment and supplies": ["Furniture and equipment", "Supplies and materials", "Subtotal"],
    "Of which": ["Development Agenda projects"],
}
CAPTION = "Brands and Designs Sector: resources by object of expenditure\n"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def landscape(copy_fixture, note: str):
    """The budget sample in English, its table on landscape pages, its caption marked by a note `note`."""
    folder = copy_fixture("budget")
    spec = folder / "document.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("languages: [en, zh]", "languages: [en]")
                    .replace("  resources-by-object:\n", "  resources-by-object:\n    landscape: true\n"),
                    encoding="utf-8")
    report = folder / "content/report.md"
    text = report.read_text(encoding="utf-8")
    assert CAPTION in text
    report.write_text(text.replace(CAPTION, CAPTION.rstrip("\n") + "[^cap]\n", 1) + f"\n[^cap]: {note}\n",
                      encoding="utf-8")
    return folder


def built(folder, tmp_path, fmt: str) -> bytes:
    out = tmp_path / "out"
    done = ccdocs_here("build", folder, "--format", fmt, "--out", out)
    assert done.returncode == 0, done.stderr
    return next((out / "en").glob(f"*.{fmt}")).read_bytes()


# a one-line note: the page broke after "Operating expenses"; a long one: after "Contractual services", Publishing
@pytest.mark.parametrize("words", [0, 36], ids=["short-note", "long-note"])
def test_a_group_heading_stands_on_the_page_of_its_first_rows_in_the_pdf(copy_fixture, tmp_path, words):
    folder = landscape(copy_fixture, "Caption note." + " A word of the note that runs on." * words)
    pages = pdf_snapshot(built(folder, tmp_path, "pdf")).split("\n== page ")[1:]
    seen = set()
    for page in pages:
        labels = [line.strip().split("\t")[0] for line in page.split("\nfootnotes:")[0].splitlines()]
        for heading in set(GROUPS) & set(labels):
            at = labels.index(heading)
            assert labels[at + 1:at + 1 + len(GROUPS[heading])] == GROUPS[heading], \
                f"{heading!r} ends page {page.split(chr(10))[0]} without its rows"
            seen.add(heading)
    assert seen == set(GROUPS)


def test_word_is_told_to_keep_a_group_heading_row_with_its_first_rows(copy_fixture, tmp_path):
    folder = landscape(copy_fixture, "Caption note.")
    with zipfile.ZipFile(io.BytesIO(built(folder, tmp_path, "docx"))) as docx:
        body = etree.fromstring(docx.read("word/document.xml"))
    rows = [("".join(t.text or "" for t in tr.find(f"{W}tc").iter(f"{W}t")),
             all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")))
            for tr in body.iter(f"{W}tr")]
    labels = [label for label, _ in rows]
    for heading, members in GROUPS.items():
        at = labels.index(heading)
        assert labels[at + 1:at + 1 + len(members)] == members
        # the heading and each row under it but the last of those kept with the next: all on one page
        assert [kept for _, kept in rows[at:at + len(members)]] == [True] * len(members), heading
