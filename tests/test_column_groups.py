"""Two-level column headers: `spanning_headings:` puts a heading over consecutive columns, merged in both formats
(DOCX w:gridSpan over the group, w:vMerge down both header rows for a column under none; PDF one cell across the
group, repeated with the header on each page), translated like other table texts, refused when it names an
unknown column, columns out of order, or a column another heading already spans.

The key is `spanning_headings` (the statistician's "spanning heading"), not `column_groups`: a table spec's
`groups:` already names rows that add up other rows, and a heading is what an editor sees printed."""

from __future__ import annotations

import io
import zipfile

import pdfplumber
import pytest
from conftest import MINIMAL
from lxml import etree
from refusals import Case

from ccdocs.build import build
from ccdocs.sources.data import read_all
from ccdocs.sources.spec import read_spec
from ccdocs.tables.texts import translatable_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROWS = 70  # enough rows for the table to run onto a second page
TABLE = """\
tables:
  applicants:
    data: applicants
    label: region
    label_heading: Region
    columns:
      - {key: w24, heading: Women}
      - {key: m24, heading: Men}
      - {key: w25, heading: Women}
      - {key: m25, heading: Men}
      - {key: change, heading: Change}
    spanning_headings:
      - {heading: Year 2024, columns: [w24, m24]}
      - {heading: Year 2025, columns: [w25, m25]}
"""
CSV = "id,region,w24,m24,w25,m25,change\n" + "".join(f"r{i},Region {i},{i},{i + 1},{i + 2},{i + 3},1\n"
                                                          for i in range(ROWS))


def grouped_doc(make_doc, lang: str, table: str = TABLE):
    """The minimal document with a table of two spanning headings over four of its five columns, keyed in
    `lang` (its only language)."""
    spec = MINIMAL.split("tables:\n")[0].replace("original: en", f"original: {lang}") \
        .replace("languages: [en, zh]", f"languages: [{lang}]")
    return make_doc({"document.yaml": spec + table, "data/applicants.csv": CSV})


def header_rows(docx) -> list:
    """The w:tr of the data table's header (those marked w:tblHeader)."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx.read_bytes())).read("word/document.xml"))
    table = [t for t in body.iter(f"{W}tbl") if t.find(f".//{W}tblHeader") is not None][0]
    return [tr for tr in table.findall(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None]


def cells(tr) -> list[tuple[str, int, str | None]]:
    """(text, grid columns spanned, vMerge value or None) of each cell of a row."""
    out = []
    for tc in tr.findall(f"{W}tc"):
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        merge = tc.find(f"{W}tcPr/{W}vMerge")
        out.append(("".join(t.text or "" for t in tc.iter(f"{W}t")),
                    int(span.get(f"{W}val")) if span is not None else 1,
                    None if merge is None else merge.get(f"{W}val", "continue")))
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """lang -> {".docx": path, ".pdf": path} of the grouped document built in `lang`."""
    made = {}
    for lang in ("en", "zh"):
        root = tmp_path_factory.mktemp(f"groups-{lang}")

        def make(files, root=root):
            from refusals import write_files
            write_files(root / "doc", {"content/report.md": "# Introduction\n\nText.\n\n::: table applicants\n"
                                       "Applicants\n:::\n", "content/annex.md": "# Annex\n\nText.\n",
                                       "data/workforce.yaml": "staff: 1\n", **files})
            return root / "doc"

        paths = build([grouped_doc(make, lang)], root / "out", None, ("docx", "pdf"))
        made[lang] = {p.suffix: p for p in paths}
    return made


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_merges_a_spanning_heading_across_its_columns(outputs, lang):
    top, below = header_rows(outputs[lang][".docx"])
    assert cells(top) == [("Region", 1, "restart"), ("Year 2024", 2, None), ("Year 2025", 2, None),
                          ("Change", 1, "restart")]
    assert cells(below) == [("", 1, "continue"), ("Women", 1, None), ("Men", 1, None), ("Women", 1, None),
                            ("Men", 1, None), ("", 1, "continue")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_prints_a_spanning_heading_over_its_columns_on_every_page(outputs, lang):
    with pdfplumber.open(outputs[lang][".pdf"]) as pdf:
        pages = [p.extract_words() for p in pdf.pages]
    shown = [words for words in pages if any(w["text"] == "Region" for w in words)]
    assert len(shown) >= 2, "the table does not run onto a second page"
    for words in shown:
        year = [w for w in words if w["text"] in ("2024", "2025")]
        women = sorted((w for w in words if w["text"] == "Women"), key=lambda w: w["x0"])
        men = sorted((w for w in words if w["text"] == "Men"), key=lambda w: w["x0"])
        assert len(year) == 2 and len(women) == 2 and len(men) == 2, [w["text"] for w in words][:20]
        for heading, left, right in zip(sorted(year, key=lambda w: w["x0"]), women, men):
            assert heading["bottom"] <= left["top"]  # above its columns' headings
            assert left["x0"] - 40 < heading["x0"] and heading["x1"] < right["x1"] + 1  # within their span
        region = next(w for w in words if w["text"] == "Region")
        change = next(w for w in words if w["text"] == "Change")
        assert region["top"] < women[0]["top"] and change["top"] < women[0]["top"]  # spanned down from the top row


def test_spanning_headings_are_extracted_for_translation(make_doc):
    folder = grouped_doc(make_doc, "en")
    spec = read_spec(folder)
    texts = [text for text, _, _ in translatable_texts(spec, read_all(spec.data))]
    assert "Year 2024" in texts and "Year 2025" in texts


def refusal(name: str, columns: str, fragment: str, heading: str = "Year 2025") -> Case:
    table = TABLE.replace("      - {heading: Year 2025, columns: [w25, m25]}\n",
                          f"      - {{heading: {heading}, columns: {columns}}}\n")
    return Case(name, {"document.yaml": MINIMAL.split("tables:\n")[0] + table, "data/applicants.csv": CSV,
                       "content/report.md": "# Introduction\n\nText.\n\n::: table applicants\nApplicants\n:::\n"},
                fragment, f"document.yaml:{MINIMAL.split('tables:')[0].count(chr(10)) + 14}")


CASES = [
    refusal("unknown-column", "[w25, f25]", "`f25` is not a column of the table"),
    refusal("label-column", "[region, w25]", "`region` is not a column of the table"),
    refusal("not-consecutive", "[w25, change]", "its columns are not consecutive"),
    refusal("out-of-order", "[m25, w25]", "its columns are not consecutive"),
    refusal("overlapping", "[m24, w25]", "column `m24` is already under `Year 2024`"),
    refusal("no-columns", "[]", "a spanning heading is a mapping"),
    refusal("empty-heading", "[w25, m25]", "a spanning heading is not empty", heading='""'),
    refusal("unquoted-year", "[w25, m25]", "quote the year: heading: '2025'", heading="2025"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_wrong_spanning_heading_is_refused_at_its_line(refuse, case):
    refuse(case)
