"""Specification of single dates and meeting date ranges, English and Chinese (design §1)."""

from datetime import date

import pytest
from babel.dates import format_date, get_month_names

from ccdocs.errors import InputError
from ccdocs.l10n.dates import babel_locale, format_date_range, format_day, place_and_dates

D = date

RANGES = [
    # (first, last, English, Chinese)
    (D(2026, 7, 7), D(2026, 7, 15), "July 7 to 15, 2026", "2026年7月7日至15日"),  # same month
    (D(2026, 3, 18), D(2026, 3, 19), "March 18 and 19, 2026", "2026年3月18日和19日"),  # two days
    (D(2011, 1, 12), D(2011, 1, 13), "January 12 and 13, 2011", "2011年1月12日和13日"),
    (D(2019, 9, 30), D(2019, 10, 9), "September 30 to October 9, 2019", "2019年9月30日至10月9日"),  # months
    (D(2026, 3, 31), D(2026, 4, 1), "March 31 and April 1, 2026", "2026年3月31日和4月1日"),  # two days, months
    (D(2026, 12, 30), D(2027, 1, 2), "December 30, 2026 to January 2, 2027", "2026年12月30日至2027年1月2日"),
    (D(2026, 12, 31), D(2027, 1, 1), "December 31, 2026 and January 1, 2027", "2026年12月31日和2027年1月1日"),
    (D(2016, 9, 12), D(2016, 9, 12), "September 12, 2016", "2016年9月12日"),  # one day
]


@pytest.mark.parametrize("first, last, en, zh", RANGES)
def test_date_range_forms(first, last, en, zh):
    assert format_date_range(first, last, "en") == en
    assert format_date_range(first, last, "zh") == zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_range_ending_before_it_starts_is_an_error(lang):
    with pytest.raises(ValueError):
        format_date_range(D(2026, 7, 15), D(2026, 7, 7), lang)


def test_format_day():
    assert format_day(D(2026, 5, 21), "en") == "May 21, 2026"
    assert format_day(D(2026, 5, 21), "zh") == "2026年5月21日"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_format_day_is_cldr_long_date_for_every_month(lang):
    for month in range(1, 13):
        d = D(2026, month, 1)
        assert format_day(d, lang) == format_date(d, "long", locale=babel_locale(lang))


def test_english_month_names_are_babels():
    names = get_month_names("wide", locale="en")
    for month in range(1, 13):
        assert format_day(D(2026, month, 3), "en").startswith(names[month] + " 3, ")


@pytest.mark.parametrize(
    "place, first, last, lang, text",
    [("Geneva", D(2026, 7, 7), D(2026, 7, 15), "en", "Geneva, July 7 to 15, 2026"),
     ("Geneva", D(2019, 9, 30), D(2019, 10, 9), "en", "Geneva, September 30 to October 9, 2019"),
     ("Geneva", D(2016, 9, 12), D(2016, 9, 12), "en", "Geneva, September 12, 2016"),
     ("日内瓦", D(2026, 7, 7), D(2026, 7, 15), "zh", "2026年7月7日至15日，日内瓦"),
     ("日内瓦", D(2011, 1, 12), D(2011, 1, 13), "zh", "2011年1月12日和13日，日内瓦")],
)
def test_place_and_dates(place, first, last, lang, text):
    assert place_and_dates(place, first, last, lang) == text


def test_unknown_language():
    with pytest.raises(InputError, match="no language profile `xx`"):
        format_day(D(2026, 5, 21), "xx")
    with pytest.raises(InputError, match="no language profile `xx`"):
        babel_locale("xx")


def test_chinese_locale_is_simplified_china():
    assert str(babel_locale("zh")) == "zh_Hans_CN"
