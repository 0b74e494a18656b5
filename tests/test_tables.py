"""Table specs: rows and groups placed from data, sums and derived columns checked, texts translated."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import write_po

from ccdocs.errors import InputError
from ccdocs.i18n.segments import extract
from ccdocs.model import Table
from ccdocs.pipeline import read_sources, resolve
from ccdocs.tables.texts import translatable_texts
from conftest import MINIMAL

SPEC_START = MINIMAL.index("tables:")
APPLICANTS = """\
id,region,abbr,applied,selected,recommended,rate
africa,Africa,,3944,14,26,53.8
eecca,"Eastern Europe, Central Europe and Central Asia",,1718,11,39,28.2
caceec,"Central Asian, Caucasus and Eastern European Countries",CACEEC,649,9,26,34.6
cebs,Central European and Baltic States,CEBS,1069,2,13,15.4
total,,,5662,25,65,38.5
"""
TABLE = """\
tables:
  regions:
    data: applicants
    label: region
    abbreviation: abbr
    label_heading: Region of the applicant
    columns:
      - {key: applied, heading: Applications}
      - {key: selected, heading: Selected}
      - {key: rate, heading: Conversion rate, type: percent_value, places: 1, ratio: [selected, recommended]}
    groups:
      eecca: [caceec, cebs]
    total: total
    notes: [Vacancies advertised in 2025.]
    source: HRMD
"""
PLACED = """\
# Introduction

We count {{ workforce.staff | number }} staff.

::: table regions
Applicants by region

Selections made up to April 2026.
:::
"""


def scratch(make_doc, table: str = TABLE, data: str = APPLICANTS, extra: dict | None = None):
    """A scratch document placing `table` over `data`."""
    files = {"document.yaml": MINIMAL[:SPEC_START] + table, "data/applicants.csv": data,
             "content/report.md": PLACED}
    return make_doc({**files, **(extra or {})})


def table_of(folder, lang: str = "en", name: str = "regions") -> Table:
    doc = resolve(read_sources(folder), lang)
    return next(b for part in doc.parts for b in part.blocks if isinstance(b, Table) and b.name == name)


def problems_of(folder, lang: str = "en") -> list[str]:
    with pytest.raises(InputError) as caught:
        resolve(read_sources(folder), lang)
    return [str(p) for p in caught.value.problems]


def test_a_group_prints_its_members_indented_under_it_and_the_total_counts_it_once(make_doc):
    table = table_of(scratch(make_doc))
    assert [(row.kind, row.cells) for row in table.rows] == [
        ("body", ("Africa", "3,944", "14", "53.8%")),
        ("group", ("Eastern Europe, Central Europe and Central Asia", "1,718", "11", "28.2%")),
        ("member", ("Central Asian, Caucasus and Eastern European Countries (CACEEC)", "649", "9", "34.6%")),
        ("member", ("Central European and Baltic States (CEBS)", "1,069", "2", "15.4%")),
        ("total", ("Total", "5,662", "25", "38.5%")),
    ]
    assert [c.heading for c in table.columns] == ["Region of the applicant", "Applications", "Selected",
                                                  "Conversion rate"]
    assert [c.align for c in table.columns] == ["left", "right", "right", "right"]


def test_caption_then_notes_from_the_spec_and_the_container_then_the_source_line(make_doc):
    table = table_of(scratch(make_doc))
    assert table.caption[0].text == "Applicants by region"
    notes = [note[0].text for note in table.notes]
    assert notes == ["Vacancies advertised in 2025.", "Selections made up to April 2026."]
    assert table.source_line[0].text == "Source: HRMD"


def test_chinese_uses_the_toolkit_regions_total_and_abbreviation_brackets(make_doc):
    table = table_of(scratch(make_doc), "zh")
    assert [row.cells[0] for row in table.rows] == [
        "非洲", "东欧、中欧和中亚", "中亚、高加索及东欧国家集团（CACEEC）", "中欧及波罗的海国家集团（CEBS）", "共计"]
    assert table.rows[-1].cells[1:] == ("5,662", "25", "38.5%")
    assert table.source_line[0].text == "资料来源：HRMD"


def test_a_changed_stated_total_names_the_file_row_column_and_both_values(make_doc):
    folder = scratch(make_doc, data=APPLICANTS.replace("total,,,5662", "total,,,5663"))
    [message] = problems_of(folder)
    assert message.endswith("/data/applicants.csv:6:1: error: row `total`, column `applied`: stated 5,663, "
                            "computed 5,662 (the sum of africa, eecca; correct the stated figure or one of these rows)")


def test_a_group_row_is_checked_against_its_members_and_every_problem_comes_once(make_doc):
    data = APPLICANTS.replace("1718,11", "1719,11").replace("total,,,5662,25", "total,,,5662,26")
    messages = problems_of(scratch(make_doc, data=data))
    assert [m.split(": error: ")[1].split(" (")[0] for m in messages] == [
        "row `eecca`, column `applied`: stated 1,719, computed 1,718",
        "row `total`, column `selected`: stated 26, computed 25",
    ]  # the sums and rates built on a refused figure use the computed one, so nothing more is reported
    assert "/data/applicants.csv:3:1: " in messages[0]


def test_a_stated_derived_column_is_recomputed_and_compared(make_doc):
    [message] = problems_of(scratch(make_doc, data=APPLICANTS.replace("26,53.8", "26,55.0")))
    assert message.endswith("/data/applicants.csv:2:1: error: row `africa`, column `rate`: stated 55.0%, "
                            "computed 53.8% (rate = selected / recommended = 14 / 26)")


def test_empty_sum_cells_are_computed(make_doc):
    table = "tables:\n  regions: {data: applicants, label: region, columns: [{key: applied}], total: total}\n"
    data = "id,region,applied\nafrica,Africa,3354\nwestern_europe,Western Europe,3324\ntotal,,\n"
    assert table_of(scratch(make_doc, table, data)).rows[-1].cells == ("Total", "6,678")


BUDGET_TABLE = """\
tables:
  regions:
    data: applicants
    label: region
    unit: (in thousands of Swiss francs)
    columns:
      - {key: proposed, heading: Proposed, type: chf_thousands, zero: dash, negative: parentheses}
      - {key: approved, heading: Approved, type: chf_thousands, zero: dash, negative: parentheses}
      - {key: difference, heading: Amount, type: chf_thousands, zero: dash, negative: parentheses,
         difference: [proposed, approved]}
      - {key: change, heading: "%", type: percent, places: 0, ratio: [difference, approved]}
    headings: [staff]
    subtotals:
      subtotal: [posts, temporary, other]
    total: total
"""
BUDGET = """\
id,region,proposed,approved
staff,A. Personnel,,
posts,Posts,58488445,57730945
temporary,Temporary staff,1193055,2004140
other,Other staff costs,0,0
subtotal,,,
furniture,Furniture,14001,0
total,,,
"""


def test_budget_rows_print_thousands_parenthesized_decreases_dashes_and_not_applicable(make_doc):
    table = table_of(scratch(make_doc, BUDGET_TABLE, BUDGET))
    assert [(row.kind, row.cells) for row in table.rows] == [
        ("heading", ("A. Personnel", "", "", "", "")),
        ("member", ("Posts", "58,488", "57,731", "758", "1%")),
        ("member", ("Temporary staff", "1,193", "2,004", "(811)", "-40%")),
        ("member", ("Other staff costs", "-", "-", "-", "n/a")),
        ("subtotal", ("Subtotal", "59,682", "59,735", "(54)", "0%")),
        ("body", ("Furniture", "14", "-", "14", "n/a")),
        ("total", ("Total", "59,696", "59,735", "(40)", "0%")),
    ]
    assert table.unit == "(in thousands of Swiss francs)"
    zh = table_of(scratch(make_doc, BUDGET_TABLE, BUDGET), "zh")
    assert zh.unit == "（单位：千瑞郎）"
    assert [row.cells[0] for row in zh.rows if row.kind in ("subtotal", "total")] == ["小计", "共计"]
    assert zh.rows[3].cells[-1] == "不适用"


def test_shares_that_do_not_add_up_to_100_are_refused(make_doc):
    table = """\
tables:
  regions:
    data: applicants
    label: region
    columns:
      - {key: share, heading: Share, type: percent, places: 0, sums_to: 100}
"""
    data = "id,region,share\nfoundation,Foundation,0.10\ntechnical,Technical,0.40\nbehavioral,Behavioral,0.40\n"
    [message] = problems_of(scratch(make_doc, table, data))
    assert "/data/applicants.csv:4:1: error: column `share`: the rows add up to 90%, not 100%" in message
    fixed = table_of(scratch(make_doc, table, data.replace("Behavioral,0.40", "Behavioral,0.50")))
    assert fixed.rows[2].cells == ("Behavioral", "50%")


def test_a_word_in_a_figure_column_is_located_at_its_cell(make_doc):
    [message] = problems_of(scratch(make_doc, data=APPLICANTS.replace("3944", "39x44")))
    assert "/data/applicants.csv:2:16: error: row `africa`, column `applied`: `39x44` is not a number" in message


def test_spec_mistakes_are_located_in_document_yaml(make_doc):
    table = TABLE.replace("key: applied", "key: aplied").replace("total: total\n", "total: totl\n    colour: red\n")
    messages = problems_of(scratch(make_doc, table))
    assert any("/document.yaml:" in m and "unknown key `colour`" in m for m in messages)
    assert any("column `aplied` is not in applicants.csv (did you mean `applied`?)" in m for m in messages)
    assert any("row `totl` is not in applicants.csv (did you mean `total`?)" in m for m in messages)


def test_translatable_texts_lists_the_documents_own_table_words_with_file_and_line(make_doc):
    folder = scratch(make_doc)
    sources = read_sources(folder)
    texts = [(text, file.rsplit("/", 1)[-1], line) for text, file, line in translatable_texts(sources.spec,
                                                                                               sources.data)]
    start = MINIMAL[:SPEC_START].count("\n") + 1
    assert texts == [
        ("Region of the applicant", "document.yaml", start + 5),
        ("Applications", "document.yaml", start + 7),
        ("Selected", "document.yaml", start + 8),
        ("Conversion rate", "document.yaml", start + 9),
        ("Vacancies advertised in 2025.", "document.yaml", start + 13),
        ("HRMD", "document.yaml", start + 14),
    ]  # the regions and `Total` are the toolkit's


def test_a_data_message_of_the_content_catalog_comes_before_the_toolkit(make_doc, tmp_path):
    folder = scratch(make_doc)
    sources = read_sources(folder)
    catalog = BabelCatalog(locale="zh_Hans_CN", domain="content")
    for path, text in sources.texts.items():  # every segment "translated" as itself: a final build needs them all
        for segment in extract(text, str(path)):
            catalog.add(segment.msgid, segment.msgid)
    for text, _, _ in translatable_texts(sources.spec, sources.data):
        catalog.add(text, {"Applications": "申请"}.get(text, text), context="data")
    catalog.add("Africa", "非洲区域", context="data")
    with (tmp_path / "content.po").open("wb") as handle:
        write_po(handle, catalog)
    folder = scratch(make_doc, extra={"locales/zh/LC_MESSAGES/content.po": (tmp_path / "content.po").read_text()})
    table = table_of(folder, "zh")
    assert table.columns[1].heading == "申请"
    assert table.rows[0].cells[0] == "非洲区域"
    assert table.rows[1].cells[0] == "东欧、中欧和中亚"
    assert table_of(folder, "en").columns[1].heading == "Applications"
