"""The sample documents' tables print the seeds' figures, in both languages; changed data is refused."""

from __future__ import annotations

import pytest

from ccdocs.model import Table
from ccdocs.pipeline import read_sources, resolve
from conftest import DOCS, ccdocs_here

# Seed 000 (WO/CC/84/INF/1, Chinese): the recruitment funnel by region, figures as printed.
FUNNEL_2024 = """\
非洲	3,354	42.9%	7.6%	33.6%	54.1%	11	55.0%
亚洲及太平洋	2,781	43.3%	15.0%	56.7%	72.5%	21	28.4%
东欧、中欧和中亚	1,701	44.2%	17.2%	51.2%	53.0%	12	34.3%
拉丁美洲和加勒比	1,344	39.7%	13.7%	69.9%	39.2%	12	60.0%
中东	808	41.1%	12.7%	42.9%	38.9%	3	42.9%
北美	618	45.5%	14.6%	56.1%	65.2%	5	33.3%
西欧	3,324	42.6%	12.7%	51.7%	55.9%	19	36.5%
	13,930	42.8%	12.7%	51.7%	57.2%	83	37.2%"""

# Seed 001 (WO/CC/86/INF/1, Chinese): region, applications, selections and conversion rate, in print order.
REGIONS_2025 = [
    ("非洲", "3,944", "14", "53.8%"), ("亚洲及太平洋", "3,764", "29", "33.0%"),
    ("东欧、中欧和中亚", "1,718", "11", "28.2%"),
    ("中亚、高加索及东欧国家集团（CACEEC）", "649", "9", "34.6%"),
    ("中欧及波罗的海国家集团（CEBS）", "1,069", "2", "15.4%"),
    ("拉丁美洲和加勒比", "1,353", "9", "42.9%"),
    ("中东", "815", "2", "100.0%"), ("北美", "772", "4", "50.0%"), ("西欧", "3,555", "17", "43.6%"),
    ("共计", "15,921", "86", "38.6%"),
]

# Seed 004 (Proposed Program and Budget 2024/25, Chinese): Brands and Designs, resources by object of expenditure.
BUDGET_2024_25 = """\
A. 人事费
员额	58,488	57,731	56,111	758	1%
临时工作人员	1,193	2,004	2,360	(811)	-40%
其他工作人员费用	-	-	-	-	不适用
A 项共计	59,682	59,735	58,470	(54)	0%
B. 非人事费
实习生和产权组织研究金
实习生	132	143	52	(11)	-8%
产权组织研究金	4,208	3,430	3,851	778	23%
小计	4,340	3,573	3,903	767	21%
差旅、培训和补助金
工作人员出差	1,030	1,035	609	(5)	0%
第三方差旅	2,912	2,095	1,972	817	39%
小计	3,941	3,130	2,582	812	26%
订约承办事务
会议	1,305	1,065	1,075	240	23%
出版	-	35	20	(35)	-100%
个人订约承办事务	1,701	1,482	1,462	219	15%
其他订约承办事务	7,282	10,391	12,569	(3,108)	-30%
小计	10,288	12,973	15,125	(2,684)	-21%
财务成本	-	-	-	-	不适用
小计	-	-	-	-	不适用
业务费用
房舍建筑与维修	-	-	47	-	不适用
通信	600	770	560	(170)	-22%
交际费与其他业务费用	309	210	214	99	47%
联合国共同服务	-	-	-	-	不适用
小计	909	980	821	(71)	-7%
设备和用品
家具与设备	14	-	13	14	不适用
用品与材料	56	40	37	16	40%
小计	70	40	50	30	75%
B 项共计	19,548	20,695	22,481	(1,147)	-6%
总计	79,230	80,430	80,951	(1,200)	-1%
其中
发展议程项目	197"""


def seed_rows(text: str) -> list[tuple]:
    return [tuple(line.split("\t")) for line in text.splitlines()]


@pytest.fixture(scope="module")
def table():
    """A function `table(key, lang, name) -> Table`: each sample document resolved once per language."""
    docs: dict = {}

    def get(key: str, lang: str, name: str) -> Table:
        if (key, lang) not in docs:
            docs[(key, lang)] = resolve(read_sources(DOCS[key]), lang)
        return next(b for part in docs[(key, lang)].parts for b in part.blocks
                    if isinstance(b, Table) and b.name == name)

    return get


def printed(table: Table) -> list[tuple]:
    """Each row's cells, trailing empty cells left out (as a text extraction shows them)."""
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        while cells and not cells[-1]:
            cells.pop()
        rows.append(tuple(cells))
    return rows


def test_the_2024_funnel_prints_the_seed_exactly_in_chinese(table):
    rows = printed(table("84", "zh", "applicants-by-region"))
    assert [r[1:] for r in rows] == [r[1:] for r in seed_rows(FUNNEL_2024)]
    assert [r[0] for r in rows[:-1]] == [r[0] for r in seed_rows(FUNNEL_2024)][:-1]


def test_the_2024_funnel_prints_the_same_figures_in_english(table):
    english = table("84", "en", "applicants-by-region")
    assert [r.cells[1:] for r in english.rows] == [r[1:] for r in seed_rows(FUNNEL_2024)]
    assert english.rows[-1].cells[0] == "Total" and english.rows[-1].kind == "total"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_2025_regions_print_the_seed_with_the_group_counted_once(table, lang):
    regions = table("86", lang, "applicants-by-region")
    figures = [(r.cells[1], r.cells[5], r.cells[6]) for r in regions.rows]
    assert figures == [row[1:] for row in REGIONS_2025]
    assert [r.kind for r in regions.rows] == ["body", "body", "group", "member", "member"] + ["body"] * 4 + ["total"]
    if lang == "zh":
        assert [r.cells[0] for r in regions.rows] == [row[0] for row in REGIONS_2025]
    else:
        assert regions.rows[4].cells[0] == "Central European and Baltic States (CEBS)"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_budget_tables_computed_differences_and_percentages_are_the_seeds(table, lang):
    budget = printed(table("budget", lang, "resources-by-object"))
    seed = seed_rows(BUDGET_2024_25)
    assert [r[1:] for r in budget] == [tuple(c.replace("不适用", "n/a") if lang == "en" else c for c in r[1:])
                                       for r in seed]
    if lang == "zh":
        assert [r[0] for r in budget] == [r[0] for r in seed]


def test_the_budget_table_kinds_and_unit(table):
    budget = table("budget", "zh", "resources-by-object")
    kinds = [r.kind for r in budget.rows]
    assert kinds.count("heading") == 8 and kinds.count("subtotal") == 6 and kinds.count("total") == 3
    assert budget.unit == "（单位：千瑞郎）"
    assert table("budget", "en", "resources-by-object").unit == "(in thousands of Swiss francs)"


def test_learning_shares_add_up_to_100(table):
    pillars = table("86", "en", "learning-pillars")
    assert [r.cells[1] for r in pillars.rows] == ["10%", "40%", "50%"]


@pytest.mark.parametrize("key, row, old, new, expected", [
    ("86", "total,Total,,", "15921", "15922",
     "applicants.csv:11:1: error: row `total`, column `applied`: stated 15,922, computed 15,921"),
    ("84", "total,Total,", "13930", "13931",
     "applicants.csv:9:1: error: row `total`, column `applied`: stated 13,931, computed 13,930"),
    ("budget", "total,TOTAL,", "79229999", "79329999",
     "budget.csv:35:1: error: row `total`, column `proposed`: stated 79,330, computed 79,230"),
])
def test_changing_a_stated_total_fails_check_naming_file_row_column_and_both_values(copy_fixture, key, row, old,
                                                                                     new, expected):
    folder = copy_fixture(key)
    data = folder / "data" / ("budget.csv" if key == "budget" else "applicants.csv")
    text = data.read_text(encoding="utf-8")
    assert row + old in text
    data.write_text(text.replace(row + old, row + new), encoding="utf-8")
    result = ccdocs_here("check", folder)
    assert result.returncode == 1
    assert expected in result.stderr
    assert result.stderr.count(expected) == 1  # reported once, though every language was resolved
