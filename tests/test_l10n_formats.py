"""Specification of the number, percentage, franc and date filters in both languages (design §5)."""

import dataclasses
from datetime import date, datetime
from decimal import Decimal

import jinja2
import pytest

from ccdocs.errors import InputError
from ccdocs.l10n.formats import Formats

EN, ZH = Formats("en"), Formats("zh")
BOTH = pytest.mark.parametrize("f", [EN, ZH], ids=["en", "zh"])


@BOTH
@pytest.mark.parametrize("v", [13930, 13930.0, Decimal("13930"), "13930", " 13930 "])
def test_number_groups_thousands_in_both_languages(f, v):
    assert f.number(v) == "13,930"


@BOTH
def test_number_small_and_negative(f):
    assert f.number(0) == "0"
    assert f.number(1735) == "1,735"
    assert f.number(-811) == "-811"
    assert f.number(1234567) == "1,234,567"


@BOTH
def test_decimal(f):
    assert f.decimal(4.66) == "4.7"
    assert f.decimal("1234.5", places=2) == "1,234.50"
    assert f.decimal(3, places=0) == "3"
    assert f.decimal(Decimal("2.25")) == "2.3"  # halves round up [chosen]


@BOTH
def test_percent_from_a_fraction(f):
    assert f.percent(0.428) == "42.8%"
    assert f.percent(Decimal("0.601")) == "60.1%"
    assert f.percent(1) == "100.0%"
    assert f.percent("0.37", places=0) == "37%"
    assert f.percent(0.4285) == "42.9%"


@BOTH
def test_percent_from_a_percent_value(f):
    assert f.percent_value(42.8) == "42.8%"
    assert f.percent_value("60.1") == "60.1%"
    assert f.percent_value(100) == "100.0%"


def test_chf():
    assert EN.chf(857300) == "CHF 857,300"
    assert ZH.chf(857300) == "857,300瑞士法郎"
    assert EN.chf("857300.4") == "CHF 857,300"


def test_chf_millions():
    assert EN.chf_millions(4_700_000) == "CHF 4.7 million"
    assert ZH.chf_millions(4_700_000) == "470万瑞士法郎"
    assert EN.chf_millions(4_660_000) == "CHF 4.7 million"
    assert ZH.chf_millions(4_660_000) == "470万瑞士法郎"  # the same rounded amount in 万
    assert EN.chf_millions(8_200_000, places=0) == "CHF 8 million"
    assert EN.chf_millions(1_234_567_890) == "CHF 1,234.6 million"
    assert ZH.chf_millions(1_200_000_000) == "12亿瑞士法郎"


@BOTH
def test_dates(f):
    expected = {"en": ("May 21, 2026", "July 7 to 15, 2026"), "zh": ("2026年5月21日", "2026年7月7日至15日")}[f.lang]
    assert f.date(date(2026, 5, 21)) == expected[0]
    assert f.date("2026-05-21") == expected[0]
    assert f.date(datetime(2026, 5, 21, 10, 30)) == expected[0]
    assert f.daterange("2026-07-07", date(2026, 7, 15)) == expected[1]


@BOTH
@pytest.mark.parametrize("name", ["number", "decimal", "percent", "percent_value", "chf", "chf_millions"])
@pytest.mark.parametrize("bad", ["abc", "", None, [1], True, "nan", float("inf")])
def test_a_non_number_is_a_value_error_naming_it(f, name, bad):
    with pytest.raises(ValueError, match="number") as info:
        getattr(f, name)(bad)
    assert repr(bad) in str(info.value)


@BOTH
def test_a_non_date_is_a_value_error(f):
    with pytest.raises(ValueError, match="2026-13-01"):
        f.date("2026-13-01")
    with pytest.raises(ValueError):
        f.date(20260521)


def test_filters_are_exactly_these():
    assert set(EN.filters()) == {
        "number", "decimal", "percent", "percent_value", "chf", "chf_millions", "chf_thousands", "date", "daterange"}


def test_filters_in_a_jinja_template():
    source = "{{ n|number }} | {{ p|percent }} | {{ a|chf_millions }} | {{ d|date }} | {{ a1|daterange(a2) }}"
    values = dict(n=13930, p=0.428, a=4_700_000, d="2026-05-21", a1="2026-07-07", a2="2026-07-15")
    results = {}
    for f in (EN, ZH):
        env = jinja2.Environment(undefined=jinja2.StrictUndefined)
        env.filters.update(f.filters())
        results[f.lang] = env.from_string(source).render(**values)
    assert results["en"] == "13,930 | 42.8% | CHF 4.7 million | May 21, 2026 | July 7 to 15, 2026"
    assert results["zh"] == "13,930 | 42.8% | 470万瑞士法郎 | 2026年5月21日 | 2026年7月7日至15日"


def test_formats_is_frozen_and_checks_its_language():
    with pytest.raises(dataclasses.FrozenInstanceError):
        EN.lang = "zh"
    with pytest.raises(InputError, match="no language profile `xx`"):
        Formats("xx")
    assert str(ZH.locale) == "zh_Hans_CN"
