"""Specification: a glossary giving one source term two equivalents is refused at the second row, naming the first;
a row repeating a term with the same equivalent is read once.

A glossary maps each term to one equivalent; a second row for the same source (case and spacing aside, as a
document's row replaces the toolkit's) made the later row win silently: the translation was held to an
equivalent the translator, reading the first row, never saw. The second row is refused at its line, and the
message names the first row's line. A termbase export repeats a row (a term filed under two subjects): with the same
equivalent nothing can win wrongly, so the repeat is read once (the first row's note kept), not refused (it was, on
cdce8a5: a 30,000-row export cleaned by hand before any check passed).
"""

from __future__ import annotations

import pytest

from ccdocs.errors import InputError
from ccdocs.i18n.glossary import read_glossary
from conftest import ccdocs_here
from refusals import Case

HEADER = "source,target,note\n"


def catalog_made(folder, out):
    ccdocs_here("i18n", "update", folder, "--lang", "zh")


@pytest.mark.parametrize("case", [
    Case("same-case", {"locales/zh/glossary.csv": HEADER + "Secretariat,秘书处,\nWIPO,产权组织,\nSecretariat,秘书,\n"},
         "the term `Secretariat` is given on line 2 already", "glossary.csv:4", setup=catalog_made),
    Case("other-case-and-spacing", {"locales/zh/glossary.csv": HEADER + "Member State,成员国,\nmember  STATE,会员国,\n"},
         "the term `member  STATE` is given on line 2 already", "glossary.csv:3", setup=catalog_made),
], ids=lambda case: case.id)
def test_a_term_given_twice_is_refused_at_the_second_row(refuse, case):
    refuse(case)


def test_every_repeated_row_is_told_and_distinct_terms_pass(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text(HEADER + "A term,甲,\nB term,乙,\na term,丙,\nA Term,丁,\nB terms,戊,\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_glossary(path)
    told = [(p.line, p.message) for p in raised.value.problems]
    assert [line for line, _ in told] == [4, 5]
    assert all("given on line 2 already" in message for _, message in told)
    path.write_text(HEADER + "A term,甲,\nB term,乙,\nB terms,戊,\n", encoding="utf-8")
    assert [t.source for t in read_glossary(path)] == ["A term", "B term", "B terms"]


def test_a_row_repeating_a_term_with_the_same_equivalent_is_read_once(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text(HEADER + "Brands Sector,品牌部门,\nWIPO,产权组织,\nbrands  sector,品牌部门,subject: brands\n"
                    "WIPO,产权组织,\n", encoding="utf-8")
    assert [(t.source, t.target, t.note, t.line) for t in read_glossary(path)] == [
        ("Brands Sector", "品牌部门", "", 2), ("WIPO", "产权组织", "", 3)]


def test_a_repeat_with_another_equivalent_is_still_refused_naming_both(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text(HEADER + "Brands Sector,品牌部门,\nbrands sector,品牌部门,\nBrands Sector,品牌局,\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_glossary(path)
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (4, "the term `Brands Sector` is given on line 2 already, as `品牌部门`: a term has one equivalent, not "
            "`品牌局` too")]


def test_a_termbase_repeating_its_rows_checks_ok(make_doc):
    from refusals import invoke

    folder = make_doc({"locales/zh/glossary.csv": HEADER + "Brands Sector,品牌部门,\nbrands sector,品牌部门,\n"})
    ccdocs_here("i18n", "update", folder, "--lang", "zh")
    code, output, escaped = invoke(["check", str(folder)])
    assert "glossary.csv" not in output and not escaped, output
